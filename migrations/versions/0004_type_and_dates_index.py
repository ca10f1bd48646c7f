"""An index for the timeline of one type between two dates, in place of the plain type index.

`list --type attack --since 2020 --until 2020` walks ix_events_type_dates in date order and
reads the date and status filters from the index itself; the plain (type) index it replaces
is its prefix. Indexes only: no batch rebuild, so the view and the FTS triggers stay.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 08:30:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0004'
down_revision: Union[str, None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_events_type_dates', 'events',
                    ['type', 'date_start', 'date_end', 'status'], unique=False)
    op.drop_index('ix_events_type', table_name='events')


def downgrade() -> None:
    op.create_index('ix_events_type', 'events', ['type'], unique=False)
    op.drop_index('ix_events_type_dates', table_name='events')
