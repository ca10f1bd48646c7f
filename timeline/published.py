"""A publication date inferred from the text, for articles with no date line and no metadata.

An article is written after everything it reports, so its publication date is no earlier than
the latest date it names: the latest explicit calendar date. A month-day with no year ("on June
5", a wire date line's "KABUL, March 3 (Reuters) -") counts only when the text fixes its year:
a day or month the text names with a year, at most about two months before it. A year named
alone fixes nothing: "the 2015 attack" is history and "the 2027 election" is ahead, and either
would shift every relative date of the article by years. Dates in sentences about the future
are left out.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from timeline.intervals import Interval, Precision

_MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)$")
# How far after a dated day or month a month-day may fall and still be read in its year (or the
# next, across New Year): a news story's own earlier dates are weeks, not seasons, before it.
YEAR_ANCHOR_SPAN = timedelta(days=62)


@lru_cache(maxsize=1)
def _future() -> re.Pattern[str]:
    text = resources.files("timeline").joinpath("data/future_markers.txt").read_text()
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I)


def _sentence_at(text: str, offset: int) -> str:
    start = max(text.rfind(c, 0, offset) for c in ".!?\n") + 1
    end = min([i for i in (text.find(c, offset) for c in ".!?\n") if i >= 0] or [len(text)])
    return text[start:end]


def _with_year(month: int, day: int, anchors: list[date]) -> date | None:
    """The month-day in the year a dated day or month shortly before it fixes, else None."""
    found = []
    for end in anchors:
        for year in (end.year, end.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:  # 29 February of a common year
                continue
            if timedelta(0) <= candidate - end <= YEAR_ANCHOR_SPAN:
                found.append(candidate)
    return max(found, default=None)


def infer_publication(text: str) -> Interval | None:
    """The latest calendar day (else month) the text names in a past or present sentence."""
    from timeline.temporal import tag

    timexes = [t for t in tag(text, None) if t.type == "DATE"
               and not _future().search(_sentence_at(text, t.start))]
    days, months = [], []
    for t in timexes:
        if t.interval and t.interval.precision == Precision.DAY:
            days.append(t.interval.end)
        elif t.interval and t.interval.precision == Precision.MONTH and not t.mod:
            months.append(t.interval)
    anchors = [t.interval.end for t in timexes
               if t.interval and t.interval.precision in (Precision.DAY, Precision.MONTH)]
    for t in timexes:
        if (m := _MONTH_DAY.match(t.value)) and (day := _with_year(int(m.group(1)), int(m.group(2)), anchors)):
            days.append(day)
    if days:
        return Interval.day(max(days))
    return max(months, key=lambda i: i.end) if months else None
