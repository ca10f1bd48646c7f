"""Indexes for the million-event queries: the widest event span, actors' events, articles'
publication dates with their precision.

ix_events_span holds each event's length in days, so the widest one is read from its end in
a step. `--since D` wants the events whose interval ends on or after D; none of those starts
before D minus the widest span, and that bound lets the timeline's indexes start their scan
near D instead of at the first event (date_end is in no index's order). The expression is the
dialect's own (julianday on SQLite's ISO text, date subtraction on PostgreSQL), so it is not a
model object: timeline.db.UNMODELLED_INDEXES keeps autogenerate from proposing to drop it.

ix_event_actors_actor_event (actor_id, event_id) replaces the plain actor_id index, its
prefix: `stats` counts each actor's distinct events from it alone, and `--actor` reads its
events' ids without visiting the table.

ix_articles_published_precision replaces ix_articles_published, its prefix: `stats` reads
every article's date and precision from it, where reading them from the table walked each
article's text (stored before them, over overflow pages). Indexes only: no batch rebuild.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 10:45:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0005'
down_revision: Union[str, None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SPAN = {
    "sqlite": "CREATE INDEX ix_events_span ON events (julianday(date_end) - julianday(date_start))",
    "postgresql": "CREATE INDEX ix_events_span ON events ((date_end - date_start))",
}


def upgrade() -> None:
    statement = SPAN.get(op.get_bind().dialect.name)
    if statement:
        op.execute(statement)
    op.create_index('ix_event_actors_actor_event', 'event_actors', ['actor_id', 'event_id'],
                    unique=False)
    op.drop_index('ix_event_actors_actor_id', table_name='event_actors')
    op.create_index('ix_articles_published_precision', 'articles',
                    ['published', 'published_precision'], unique=False)
    op.drop_index('ix_articles_published', table_name='articles')


def downgrade() -> None:
    op.create_index('ix_articles_published', 'articles', ['published'], unique=False)
    op.drop_index('ix_articles_published_precision', table_name='articles')
    op.create_index('ix_event_actors_actor_id', 'event_actors', ['actor_id'], unique=False)
    op.drop_index('ix_event_actors_actor_event', table_name='event_actors')
    op.execute("DROP INDEX IF EXISTS ix_events_span")
