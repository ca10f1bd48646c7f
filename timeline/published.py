"""A publication date inferred from the text, for articles with no date line and no metadata.

An article is written after everything it reports, so its publication date is no earlier than
the latest date it names: the latest explicit calendar date, with month-day dates ("on June 5")
taking the latest year the text names. Dates in sentences about the future are left out.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources

from timeline.intervals import Interval, Precision

_MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)$")
_YEAR = re.compile(r"(\d{4})")
_SENTENCE = re.compile(r"[^.!?\n]*")


@lru_cache(maxsize=1)
def _future() -> re.Pattern[str]:
    text = resources.files("timeline").joinpath("data/future_markers.txt").read_text()
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I)


def _sentence_at(text: str, offset: int) -> str:
    start = max(text.rfind(c, 0, offset) for c in ".!?\n") + 1
    end = min([i for i in (text.find(c, offset) for c in ".!?\n") if i >= 0] or [len(text)])
    return text[start:end]


def infer_publication(text: str) -> Interval | None:
    """The latest calendar day (else month) the text names in a past or present sentence."""
    from timeline.temporal import tag

    timexes = [t for t in tag(text, None) if t.type == "DATE"
               and not _future().search(_sentence_at(text, t.start))]
    years = [int(m.group(1)) for t in timexes if (m := _YEAR.match(t.value))]
    days, months = [], []
    for t in timexes:
        if t.interval and t.interval.precision == Precision.DAY:
            days.append(t.interval.end)
        elif t.interval and t.interval.precision == Precision.MONTH and not t.mod:
            months.append(t.interval)
        elif years and (m := _MONTH_DAY.match(t.value)):
            try:
                days.append(date(max(years), int(m.group(1)), int(m.group(2))))
            except ValueError:
                continue
    if days:
        return Interval.day(max(days))
    return max(months, key=lambda i: i.end) if months else None
