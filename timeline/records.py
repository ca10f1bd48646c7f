"""The records that flow through the pipeline: an article read from a source, the events found in it.

Readers produce `Article`; extractors turn an `Article` into `EventRecord`s; the store writes
them. These plain dataclasses are the seam between those steps, so each can be replaced alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.intervals import Interval, Precision

# The closed sets of values records hold (vocabulary.py, which the schema reads too), offered
# here as well: the readers and extractors import them with the records.
from timeline.vocabulary import (ACTOR_KINDS, ACTOR_ROLES, DateBasis,  # noqa: F401
                                 PublishedBasis, Status)


@dataclass
class Article:
    """One news article as read from its source, before extraction."""

    source: str
    text: str
    title: str | None = None
    published: Interval | None = None
    published_basis: PublishedBasis = PublishedBasis.UNKNOWN
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class ActorRef:
    """An actor as an event names it: canonical name, kind, role, and the words used."""

    name: str
    kind: str  # one of ACTOR_KINDS
    role: str  # one of ACTOR_ROLES
    alias: str | None = None  # the surface form in the text, if not the canonical name


@dataclass(frozen=True)
class Mention:
    """A sentence of the article that tells of an event, with its character offsets."""

    sentence: str
    start: int
    end: int


@dataclass
class EventRecord:
    """One real event found in one article, with its own date and evidence."""

    type: str
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    date: Interval | None = None
    date_text: str | None = None
    date_basis: DateBasis = DateBasis.NONE
    location: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    killed: int | None = None
    injured: int | None = None
    confidence: float = 0.5
    actors: list[ActorRef] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # further sentences of the same event

    @property
    def precision(self) -> Precision:
        return self.date.precision if self.date else Precision.UNKNOWN
