"""The schema: every table, column, constraint and index, declared once as SQLAlchemy Core
`Table`s. Migrations must match it (Alembic compares against `METADATA`); the read and write
paths name its tables in their statements (EVENTS.c.type); `models.py` maps the ORM classes
onto these same tables for the commands that load objects.

Core tables and not declarative classes: making the eight mapped classes cost every command
~80 M instructions at start-up (about a twentieth of `timeline list`), and the commands that
only read and write rows never use them.
"""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from timeline.intervals import Precision
from timeline.vocabulary import ACTOR_KINDS, ACTOR_ROLES, DateBasis, PublishedBasis, Status

# Named constraints, so that SQLite batch migrations and PostgreSQL can find and drop them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
METADATA = MetaData(naming_convention=NAMING)

# The values each column may hold: the records' own, declared once in vocabulary/intervals.
PRECISIONS = tuple(p.value for p in Precision)
PUBLISHED_BASES = tuple(b.value for b in PublishedBasis)
DATE_BASES = tuple(b.value for b in DateBasis)
STATUSES = tuple(s.value for s in Status)


def one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


def required(name: str, type_, **options) -> Column:
    """A NOT NULL column; a plain Column(name, type_) may hold NULL."""
    return Column(name, type_, nullable=False, **options)


def key(name: str = "id") -> Column:
    return Column(name, Integer, primary_key=True)


def parent(name: str, table: str, **options) -> Column:
    """A NOT NULL reference to `table`'s id, its rows deleted with their parent."""
    return required(name, ForeignKey(f"{table}.id", ondelete="CASCADE"), **options)


ARTICLES = Table(
    "articles", METADATA,
    key(),
    required("source", Text),
    Column("title", Text),
    required("text", Text),
    required("sha256", String(64), unique=True),
    Column("published", Date),
    Column("published_end", Date),
    required("published_precision", String(10), default="unknown"),
    required("published_basis", String(10), default="unknown"),
    Column("url", Text),
    Column("author", Text),
    required("ingested_at", DateTime),
    required("extractor_version", String(32)),
    CheckConstraint(one_of("published_precision", PRECISIONS), name="published_precision"),
    CheckConstraint(one_of("published_basis", PUBLISHED_BASES), name="published_basis"),
    # Articles by publication date, and the precision `stats` labels their month by: read
    # from the index alone, not from rows whose text comes before these columns.
    Index("ix_articles_published_precision", "published", "published_precision"),
)

# One real-world event as told by one or more articles; each report is a row of events.
INCIDENTS = Table(
    "incidents", METADATA,
    key(),
    required("created_at", DateTime),
)

EVENTS = Table(
    "events", METADATA,
    key(),
    parent("article_id", "articles", index=True),
    required("type", String(32)),  # indexed first in ix_events_type_dates
    Column("date_start", Date),
    Column("date_end", Date),
    required("precision", String(10), default="unknown"),
    Column("date_text", Text),
    required("date_basis", String(12), default="none"),
    required("sentence", Text),
    required("sentence_start", Integer),
    required("sentence_end", Integer),
    required("trigger", Text),
    Column("location", Text),
    Column("country", String(2), index=True),
    Column("killed", Integer),
    Column("injured", Integer),
    required("confidence", Float, default=0.5),
    required("status", String(10), default="auto", index=True),
    required("extractor_version", String(32)),
    # The real-world incident this report belongs to (several articles may tell one incident),
    # why it was joined to it, and whether an analyst fixed that choice.
    Column("incident_id", ForeignKey("incidents.id", ondelete="SET NULL"), index=True),
    Column("merge_reason", Text),
    required("merge_locked", Boolean, default=False, server_default=false()),
    CheckConstraint(one_of("precision", PRECISIONS), name="precision"),
    CheckConstraint(one_of("date_basis", DATE_BASES), name="date_basis"),
    CheckConstraint(one_of("status", STATUSES), name="status"),
    CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
    CheckConstraint("date_start IS NULL OR date_end IS NULL OR date_start <= date_end",
                    name="date_order"),
    # The timeline's order: keyset paging walks this index.
    Index("ix_events_timeline_order", "date_start", "id"),
    # `list --type T --since A --until B`: the events of a type in date order, with what the
    # date and status filters read, so the scan for the first page never visits the table.
    Index("ix_events_type_dates", "type", "date_start", "date_end", "status"),
)

# The audit trail of curation: every analyst change to an event, with the old value.
EVENT_EDITS = Table(
    "event_edits", METADATA,
    key(),
    parent("event_id", "events", index=True),
    required("field", String(32)),  # a column name, or "status", "actors"
    Column("old_value", Text),
    Column("new_value", Text),
    required("changed_at", DateTime),
    Column("note", Text),
)

# A further sentence telling of the same event (the event's own sentence is on the event).
EVENT_MENTIONS = Table(
    "event_mentions", METADATA,
    key(),
    parent("event_id", "events", index=True),
    required("sentence", Text),
    required("start", Integer),
    required("end", Integer),
)

ACTORS = Table(
    "actors", METADATA,
    key(),
    required("name", String(200), unique=True),
    required("kind", String(10)),
    CheckConstraint(one_of("kind", ACTOR_KINDS), name="kind"),
)

ACTOR_ALIASES = Table(
    "actor_aliases", METADATA,
    key(),
    parent("actor_id", "actors", index=True),
    required("alias", String(200), index=True),
    UniqueConstraint("actor_id", "alias", name="uq_actor_aliases_actor_alias"),
)

EVENT_ACTORS = Table(
    "event_actors", METADATA,
    parent("event_id", "events", primary_key=True),
    parent("actor_id", "actors", primary_key=True),
    required("role", String(12), primary_key=True),
    CheckConstraint(one_of("role", ACTOR_ROLES), name="role"),
    # An actor's events: `--actor` and the counts of `stats` read them from the index alone.
    Index("ix_event_actors_actor_event", "actor_id", "event_id"),
)
