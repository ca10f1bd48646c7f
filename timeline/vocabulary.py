"""The closed sets of values that records carry and the schema's columns check: where a
publication date came from, how an event was dated, its curation status, actor kinds and roles.

A module of their own, so that the schema (`tables.py`) reads them without the record
dataclasses, whose making (~15 M instructions) `timeline list` does not need.
"""

from enum import StrEnum


class PublishedBasis(StrEnum):
    """Where an article's publication date came from."""

    HEADER = "header"
    FOOTER = "footer"
    METADATA = "metadata"
    INFERRED = "inferred"  # from the latest explicit date in the text
    UNKNOWN = "unknown"


class DateBasis(StrEnum):
    """How an event's date was decided."""

    EXPLICIT = "explicit"  # an absolute date in the text: "on 4 and 5 October 2017"
    RELATIVE = "relative"  # resolved against the publication date: "two weeks ago"
    PUBLICATION = "publication"  # a reporting verb with no date of its own: "said"
    INHERITED = "inherited"  # taken from the sentence's or paragraph's context
    NONE = "none"  # no evidence: precision unknown, no dates


class Status(StrEnum):
    """An event's curation state; only `auto` events are replaced by re-extraction."""

    AUTO = "auto"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    EDITED = "edited"


ACTOR_KINDS = ("group", "person", "agency", "state")
ACTOR_ROLES = ("agent", "target", "speaker", "participant")
