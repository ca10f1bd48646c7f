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
EXTRACTOR_VERSION = "1.12"

__all__ = ["extract", "EXTRACTOR_VERSION"]


def _timexes(text: str, dct):
    try:
        from timeline.temporal import tag
    except ImportError:  # the tagger is a sibling component; without it events are undated
        return []
    return tag(text, dct)


def _publication_day(text: str, published) -> bool:
    """Is the inferred publication day the day the story was told: the day its wire date line
    names ("NIAMEY, Sept 14 (Reuters) -", the filing day), or one named as the day of a report
    ("the paper reported on June 5")? News is published within a day or two of what it
    reports; an event's date ("the siege of March 2014") says nothing of when the article was
    written."""
    from timeline.published import dateline_publication

    from .lexicon import dating_cue

    if published is None or published.precision != Precision.DAY:
        return False
    day, cue, timexes = published.start, dating_cue("report_date_before"), _timexes(text, None)
    return dateline_publication(text, timexes) == day or any(
        t.value and (t.value.endswith(day.strftime("-%m-%d")) or t.value == day.isoformat())
        and cue.search(text, max(0, t.start - 40), t.start) for t in timexes)


MAX_UPDATE_DAYS = 3  # an update this soon after publication is the same developing story


def _updated_day(text: str, dct):
    """The day of an 'Updated:' header line shortly after the publication day `dct`, else None."""
    from timeline.readers.datelines import HEADER_LINES, dates_in_line, is_dateline

    from .lexicon import dating_cue

    label = dating_cue("update_label")
    for line in [line for line in text.split("\n") if line.strip()][:HEADER_LINES]:
        m = label.search(line)
        if m is None or not is_dateline(line):
            continue
        later = [f.day for f in dates_in_line(line) if f.start >= m.end()]
        if later and 0 < (later[0] - dct).days <= MAX_UPDATE_DAYS:
            return later[0]
    return None


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
    if article.published_basis is PublishedBasis.INFERRED and not _publication_day(text, published):
        # Inferred from the latest date the text names, it is only a lower bound: "on Tuesday"
        # or "said" resolved against an old event's date would give days nobody wrote.
        published = None
    dct = published.start if published and published.precision == Precision.DAY else None
    # a page updated a day or two later tells its weekdays from the update ("Updated: 18.02.2025")
    dct = (dct and _updated_day(text, dct)) or dct
    reader = SentenceReader(text, _timexes(text, dct), dct, ActorIndex(aliases) if aliases else ActorIndex())
    cands = reader.read_all(split(text))
    return [r for r in (build(e, article.text, published) for e in merge(cands)) if r is not None]
