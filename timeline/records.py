"""The records that flow through the pipeline: an article read from a source, the events found in it.

Readers produce `Article`; extractors turn an `Article` into `EventRecord`s; the store writes
them. These plain dataclasses are the seam between those steps, so each can be replaced alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from timeline.intervals import Interval, Precision


class PublishedBasis(str, Enum):
    """Where an article's publication date came from."""

    HEADER = "header"
    FOOTER = "footer"
    METADATA = "metadata"
    INFERRED = "inferred"  # from the latest explicit date in the text
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


class DateBasis(str, Enum):
    """How an event's date was decided."""

    EXPLICIT = "explicit"  # an absolute date in the text: "on 4 and 5 October 2017"
    RELATIVE = "relative"  # resolved against the publication date: "two weeks ago"
    PUBLICATION = "publication"  # a reporting verb with no date of its own: "said"
    INHERITED = "inherited"  # taken from the sentence's or paragraph's context
    NONE = "none"  # no evidence: precision unknown, no dates

    def __str__(self) -> str:
        return self.value


class Status(str, Enum):
    """An event's curation state; only `auto` events are replaced by re-extraction."""

    AUTO = "auto"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    EDITED = "edited"

    def __str__(self) -> str:
        return self.value


ACTOR_KINDS = ("group", "person", "agency", "state")
ACTOR_ROLES = ("agent", "target", "speaker", "participant")


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
