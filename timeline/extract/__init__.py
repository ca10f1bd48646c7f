"""Event extraction: an Article in, its real events out, each with its own date and evidence.

    extract(article) -> list[EventRecord]

The steps, each a module: segment (sentences with offsets) -> temporal tagger (timeline.temporal)
-> candidates (triggers, modality, date, actors, place, toll per sentence) -> merge (one record
per event) -> records (confidence, roles). What the extractor knows lives in data/.
"""

from __future__ import annotations

from timeline.intervals import Precision
from timeline.records import Article, EventRecord

from .records import build

# Bump when rules or data change, so stored `auto` events can be re-extracted.
EXTRACTOR_VERSION = "1.7"

__all__ = ["extract", "EXTRACTOR_VERSION"]


def _timexes(text: str, dct):
    try:
        from timeline.temporal import tag
    except ImportError:  # the tagger is a sibling component; without it events are undated
        return []
    return tag(text, dct)


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
    dct = published.start if published and published.precision == Precision.DAY else None
    reader = SentenceReader(text, _timexes(text, dct), dct, ActorIndex(aliases) if aliases else ActorIndex())
    cands = reader.read_all(split(text))
    return [r for r in (build(e, article.text, published) for e in merge(cands)) if r is not None]
