"""The ORM classes, mapped onto the tables of `tables.py` (the schema lives there, once), for
the commands that load and change objects: curate, stats, reextract.

Imported only by those: making the eight classes costs ~80 M instructions at start-up, which
`timeline list` and ingest, whose statements name the tables, do not pay.

Annotations are evaluated as the classes are made (no `from __future__ import annotations`):
SQLAlchemy would otherwise evaluate each one from its string. Names of classes declared further
down are quoted, only inside list[...]: `Mapped["Name"]` makes typing compile a ForwardRef,
about 1 M instructions each, so a class is declared before the classes that name it alone.
"""

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from timeline.tables import (ACTOR_ALIASES, ACTORS, ARTICLES, EVENT_ACTORS, EVENT_EDITS,
                             EVENT_MENTIONS, EVENTS, INCIDENTS, METADATA)


class Base(DeclarativeBase):
    metadata = METADATA


class Article(Base):
    __table__ = ARTICLES

    events: Mapped[list["Event"]] = relationship(back_populates="article", passive_deletes=True)


class Incident(Base):
    __table__ = INCIDENTS

    events: Mapped[list["Event"]] = relationship(back_populates="incident")


class Event(Base):
    __table__ = EVENTS

    article: Mapped[Article] = relationship(back_populates="events")
    incident: Mapped[Incident | None] = relationship(back_populates="events")
    actor_links: Mapped[list["EventActor"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True)
    mentions: Mapped[list["EventMention"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True,
        order_by="EventMention.start")


class EventEdit(Base):
    __table__ = EVENT_EDITS


class EventMention(Base):
    __table__ = EVENT_MENTIONS

    event: Mapped[Event] = relationship(back_populates="mentions")


class Actor(Base):
    __table__ = ACTORS

    aliases: Mapped[list["ActorAlias"]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", passive_deletes=True)


class ActorAlias(Base):
    __table__ = ACTOR_ALIASES

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class EventActor(Base):
    __table__ = EVENT_ACTORS

    event: Mapped[Event] = relationship(back_populates="actor_links")
    actor: Mapped[Actor] = relationship()
