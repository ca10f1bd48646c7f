"""Rejected reports leave their incidents, and incidents left with no report go.

Since this version a rejected event belongs to no incident (it tells nothing the timeline
shows), and an incident whose every report was rejected or deleted is removed, so no list,
count or export shows an empty incident. Databases curated before it may hold both; this
brings them in line. The reports a rejected one used to tie together stay in their incident:
placing them again needs the product's placement rules, which a migration must not import
(they change with the product); `timeline edit` or a re-ingest places them anew.

Data only, no schema change. The downgrade leaves the rows as they are: the earlier version
reads them as they are (it did not require rejected reports to sit in incidents).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 14:00:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0006'
down_revision: Union[str, None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("UPDATE events SET incident_id = NULL "
               "WHERE status = 'rejected' AND incident_id IS NOT NULL")
    op.execute("DELETE FROM incidents WHERE NOT EXISTS "
               "(SELECT 1 FROM events WHERE events.incident_id = incidents.id)")


def downgrade() -> None:
    """Nothing to undo: the earlier version reads these rows as they are."""
