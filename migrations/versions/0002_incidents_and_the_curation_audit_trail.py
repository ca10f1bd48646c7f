"""Incidents (one real-world event told by several articles) and the curation audit trail.

The `timeline` view is dropped around the batch rebuild of `events` (SQLite checks views when
the rebuilt table is renamed into place) and comes back with the incident column.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 08:00:52.007314

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

TIMELINE_VIEW = """
CREATE VIEW timeline AS
SELECT e.id, e.date_start, e.date_end, e.precision, e.type, e.trigger, e.location, e.country,
       e.killed, e.injured, e.confidence, e.status, e.date_text, e.date_basis, e.sentence,
       (SELECT {agg} FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id
         WHERE ea.event_id = e.id) AS actors,
       e.article_id, a.source, a.title, a.published{extra}
FROM events e JOIN articles a ON a.id = e.article_id
"""
ACTOR_AGGREGATE = {
    "sqlite": "group_concat(DISTINCT ac.name)",
    "postgresql": "string_agg(DISTINCT ac.name, ', ')",
}


def create_timeline_view(extra: str = "") -> None:
    agg = ACTOR_AGGREGATE.get(op.get_bind().dialect.name, ACTOR_AGGREGATE["sqlite"])
    op.execute(TIMELINE_VIEW.format(agg=agg, extra=extra))


revision: str = '0002'
down_revision: Union[str, None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS timeline")
    op.create_table('incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents'))
    )
    op.create_table('event_edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_edits_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_edits'))
    )
    with op.batch_alter_table('event_edits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_edits_event_id'), ['event_id'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('incident_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('merge_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('merge_locked', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_index(batch_op.f('ix_events_incident_id'), ['incident_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_events_incident_id_incidents'), 'incidents', ['incident_id'], ['id'], ondelete='SET NULL')

    create_timeline_view(extra=", e.incident_id")



def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS timeline")
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_events_incident_id_incidents'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_events_incident_id'))
        batch_op.drop_column('merge_locked')
        batch_op.drop_column('merge_reason')
        batch_op.drop_column('incident_id')

    with op.batch_alter_table('event_edits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_edits_event_id'))

    op.drop_table('event_edits')
    op.drop_table('incidents')
    create_timeline_view()
