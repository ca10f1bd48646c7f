"""Event extraction: an Article in, its real events out, each with its own date and evidence.

    extract(article) -> list[EventRecord]

The steps, each a module: segment (sentences with offsets) -> temporal tagger (timeline.temporal)
-> candidates (triggers, modality, date, actors, place, toll per sentence) -> merge (one record
per event) -> records (confidence, roles). What the extractor knows lives in data/.
"""

from __future__ import annotations

from timeline.intervals import Precision
from timeline.records import Article, EventRecord, PublishedBasis

from .records import build

# Bump when rules or data change, so stored `auto` events can be re-extracted.
EXTRACTOR_VERSION = "1.8"

__all__ = ["extract", "EXTRACTOR_VERSION"]


def _timexes(text: str, dct):
    try:
        from timeline.temporal import tag
    except ImportError:  # the tagger is a sibling component; without it events are undated
        return []
    return tag(text, dct)


def _told_as_report_day(text: str, published) -> bool:
    """Is the inferred publication day named as the day of a report ("the paper reported on
    June 5")? News is published within a day or two of what it reports; an event's date
    ("the siege of March 2014") says nothing of when the article was written."""
    from .lexicon import dating_cue

    if published is None or published.precision != Precision.DAY:
        return False
    day, cue = published.start, dating_cue("report_date_before")
    return any(t.value and (t.value.endswith(day.strftime("-%m-%d")) or t.value == day.isoformat())
               and cue.search(text, max(0, t.start - 40), t.start) for t in _timexes(text, None))


def extract(article: Article, aliases=None) -> list[EventRecord]:
    """The events of one article. `aliases` is an AliasTable (see actors.load_aliases)."""
    from .actors import ActorIndex
    from .candidates import SentenceReader
    from .merge import merge
    from .segment import split

    # non-breaking spaces become spaces for reading (same length, so offsets hold)
    text = article.text.replace("\u00a0", " ")
    # Relative dates ("Wednesday", "yesterday") resolve only against a publication day: an
    # article known only to its month would give them a day nobody wrote.
    published = article.published
    if article.published_basis is PublishedBasis.INFERRED and not _told_as_report_day(text, published):
        # Inferred from the latest date the text names, it is only a lower bound: "on Tuesday"
        # or "said" resolved against an old event's date would give days nobody wrote.
        published = None
    dct = published.start if published and published.precision == Precision.DAY else None
    reader = SentenceReader(text, _timexes(text, dct), dct, ActorIndex(aliases) if aliases else ActorIndex())
    cands = reader.read_all(split(text))
    return [r for r in (build(e, article.text, published) for e in merge(cands)) if r is not None]
