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


# How long after the latest day or month the text names its wire date line may fall.
DATELINE_REACH = timedelta(days=366)


def _dateline_day(text: str, timexes: list, anchors: list[date]) -> date | None:
    """The day of a wire date line with no year ("POPAYÁN, Colombia, April 28 (Andes Wire) —"):
    the date line is the day the story was filed, after everything it reports, so it takes the
    year that puts it first on or after the latest day or month the text names (January 2026
    named: April 28 is 28 April 2026, not the 2024 of an older date the text also names)."""
    from timeline.readers.datelines import wire_dateline

    first = next((t for t in timexes if _MONTH_DAY.match(t.value)), None)
    if first is None or not anchors:
        return None
    line_start = text.rfind("\n", 0, first.start) + 1
    if not text[line_start:first.start].strip() or wire_dateline(text, line_start) is None:
        return None
    month, day = (int(g) for g in _MONTH_DAY.match(first.value).groups())
    latest = max(anchors)
    for year in (latest.year, latest.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        # (a day the text names up to a month after its date line is a coming one it mentions)
        if -DATELINE_LEAD <= candidate - latest <= DATELINE_REACH:
            return candidate
    return None


DATELINE_LEAD = timedelta(days=31)


def _told_dates(text: str, timexes: list | None) -> tuple[list, list[date]]:
    """The dates of past or present sentences (tagged without a DCT unless given), and the
    anchors a yearless month-day may take its year from."""
    if timexes is None:
        from timeline.temporal import tag

        timexes = tag(text, None)
    timexes = [t for t in timexes if t.type == "DATE" and not _future().search(_sentence_at(text, t.start))]
    anchors = [t.interval.end for t in timexes
               if t.interval and t.interval.precision in (Precision.DAY, Precision.MONTH)]
    return timexes, anchors


# How close before a wire date line's day a full calendar date must lie to confirm its year.
DATELINE_CONFIRM = timedelta(days=7)


def dateline_publication(text: str, timexes: list | None = None) -> date | None:
    """The day a wire date line with no year says the story was filed ("NIAMEY, Sept 14
    (Reuters) -"), when the text confirms its year: it names a full calendar day a week or less
    before it ("on Sept. 13, 2023"); else None (a year taken from older dates is a guess, often
    wrong by years). `timexes`: the text's, tagged without a DCT, if already at hand."""
    timexes, anchors = _told_dates(text, timexes)
    day = _dateline_day(text, timexes, anchors)
    if day is None or not any(t.interval and t.interval.precision == Precision.DAY
                              and timedelta(0) <= day - t.interval.end <= DATELINE_CONFIRM for t in timexes):
        return None
    return day


def infer_publication(text: str) -> Interval | None:
    """The latest calendar day (else month) the text names in a past or present sentence."""
    timexes, anchors = _told_dates(text, None)
    days, months = [], []
    for t in timexes:
        if t.interval and t.interval.precision == Precision.DAY:
            days.append(t.interval.end)
        elif t.interval and t.interval.precision == Precision.MONTH and not t.mod:
            months.append(t.interval)
    if (dateline := _dateline_day(text, timexes, anchors)) is not None:
        return Interval.day(dateline)
    for t in timexes:
        if (m := _MONTH_DAY.match(t.value)) and (day := _with_year(int(m.group(1)), int(m.group(2)), anchors)):
            days.append(day)
    if days:
        return Interval.day(max(days))
    return max(months, key=lambda i: i.end) if months else None
