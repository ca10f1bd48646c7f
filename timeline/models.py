"""The SQLAlchemy models: the one declaration of the schema that migrations must match.

Annotations are evaluated as the classes are made (no `from __future__ import annotations`):
SQLAlchemy would otherwise evaluate each one from its string, about a tenth of this module's
import, which every command pays. Names of classes declared further down are quoted, only
inside list[...]: `Mapped["Name"]` makes typing compile a ForwardRef, about 1 M instructions
each at start-up, so a class is declared before the classes that name it alone.
"""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from timeline.intervals import Precision
from timeline.records import ACTOR_KINDS, ACTOR_ROLES, DateBasis, PublishedBasis, Status

# Named constraints, so that SQLite batch migrations and PostgreSQL can find and drop them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The values each column may hold: the record types' own, declared once in records/intervals.
PRECISIONS = tuple(p.value for p in Precision)
PUBLISHED_BASES = tuple(b.value for b in PublishedBasis)
DATE_BASES = tuple(b.value for b in DateBasis)
STATUSES = tuple(s.value for s in Status)


def one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint(one_of("published_precision", PRECISIONS), name="published_precision"),
        CheckConstraint(one_of("published_basis", PUBLISHED_BASES), name="published_basis"),
        # Articles by publication date, and the precision `stats` labels their month by: read
        # from the index alone, not from rows whose text comes before these columns.
        Index("ix_articles_published_precision", "published", "published_precision"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    published: Mapped[date | None] = mapped_column(Date)
    published_end: Mapped[date | None] = mapped_column(Date)
    published_precision: Mapped[str] = mapped_column(String(10), default="unknown")
    published_basis: Mapped[str] = mapped_column(String(10), default="unknown")
    url: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    extractor_version: Mapped[str] = mapped_column(String(32))

    events: Mapped[list["Event"]] = relationship(back_populates="article", passive_deletes=True)


class Incident(Base):
    """One real-world event as told by one or more articles; each report is an `Event`."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    events: Mapped[list["Event"]] = relationship(back_populates="incident")


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
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

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32))  # indexed first in ix_events_type_dates
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(10), default="unknown")
    date_text: Mapped[str | None] = mapped_column(Text)
    date_basis: Mapped[str] = mapped_column(String(12), default="none")
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    killed: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    status: Mapped[str] = mapped_column(String(10), default="auto", index=True)
    extractor_version: Mapped[str] = mapped_column(String(32))
    # The real-world incident this report belongs to (several articles may tell one incident),
    # why it was joined to it, and whether an analyst fixed that choice.
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), index=True)
    merge_reason: Mapped[str | None] = mapped_column(Text)
    merge_locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    article: Mapped[Article] = relationship(back_populates="events")
    incident: Mapped[Incident | None] = relationship(back_populates="events")
    actor_links: Mapped[list["EventActor"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True)
    mentions: Mapped[list["EventMention"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True,
        order_by="EventMention.start")


class EventEdit(Base):
    """The audit trail of curation: every analyst change to an event, with the old value."""

    __tablename__ = "event_edits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))  # a column name, or "status", "actors"
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)


class EventMention(Base):
    """A further sentence telling of the same event (the event's own sentence is on the event)."""

    __tablename__ = "event_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    event: Mapped[Event] = relationship(back_populates="mentions")


class Actor(Base):
    __tablename__ = "actors"
    __table_args__ = (CheckConstraint(one_of("kind", ACTOR_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(10))

    aliases: Mapped[list["ActorAlias"]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True)


class ActorAlias(Base):
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias", name="uq_actor_aliases_actor_alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200), index=True)

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class EventActor(Base):
    __tablename__ = "event_actors"
    __table_args__ = (
        CheckConstraint(one_of("role", ACTOR_ROLES), name="role"),
        # An actor's events: `--actor` and the counts of `stats` read them from the index alone.
        Index("ix_event_actors_actor_event", "actor_id", "event_id"),
    )

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(12), primary_key=True)

    event: Mapped[Event] = relationship(back_populates="actor_links")
    actor: Mapped[Actor] = relationship()


# The tables, for Core statements. The read paths name these (EVENTS.c.type), not the mapped
# attributes (Event.type): one mapped attribute makes SQLAlchemy compile a statement through
# the ORM, which first configures every mapper and relationship; nothing there loads objects.
ARTICLES, EVENTS, INCIDENTS = Article.__table__, Event.__table__, Incident.__table__
EVENT_EDITS, EVENT_MENTIONS = EventEdit.__table__, EventMention.__table__
ACTORS, ACTOR_ALIASES, EVENT_ACTORS = Actor.__table__, ActorAlias.__table__, EventActor.__table__
