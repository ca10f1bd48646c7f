"""Publication dates as metadata states them: ISO 8601 (also compact, "20250314"), RFC 822
(feeds), Unix time, or the date-line styles plain text uses ("March 22, 2024", "22/03/2024").

The day is the one written, in the publisher's own time zone: "2024-03-23T01:10+03:00" was
published on 23 March where it was written, even though it was still 22 March in UTC.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from timeline.intervals import Interval

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_RFC822 = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b")
# "20250314", "20250314153000" (GDELT's SQLDATE and DATEADDED), "20250314T153000Z": a string of 8,
# 12 or 14 digits is a compact ISO date, never Unix seconds (9 or 10 digits)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?\d{4}(?:\d{2})?(?:Z|[+-]\d{4})?)?\s*$")
_EPOCH = re.compile(r"^\s*\d{9,10}(?:\.\d+)?\s*$")  # seconds since 1970: 2001..2286
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


class BadDate(ValueError):
    """A date field that is present but names no real date."""


def parse_date(value: object) -> Interval | None:
    """The interval a metadata date names; None when empty; BadDate when it names no date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not _EPOCH.match(f"{value:.0f}" if value == value else "nan"):
            # 20240101 or 0 read as seconds is a day of 1970: a date no article was published on
            raise BadDate(f"{value!r} is not a date (a number is read as Unix seconds, "
                          "9 or 10 digits)")
        return _epoch(float(value), value)
    text = str(value).strip()
    for parse in (_iso, _compact, _rfc822, _dateline):
        found = parse(text)
        if found is not None:
            return found
    if _EPOCH.match(text):
        return _epoch(float(text), value)
    raise BadDate(f"{text[:60]!r} is not a date")


def _iso(text: str) -> Interval | None:
    m = _ISO.match(text)
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        if day:
            return Interval.day(date(year, month, day))
        if month:
            return Interval.month(year, month)
        return Interval.year(year) if year and len(text) == 4 else None
    except (ValueError, OverflowError, TypeError):
        raise BadDate(f"{text!r} is an impossible date") from None


def _compact(text: str) -> Interval | None:
    m = _COMPACT.match(text)
    return _iso("-".join(m.groups())) if m else None


def _rfc822(text: str) -> Interval | None:
    m = _RFC822.match(text)
    if not m or m.group(2).lower() not in _MONTHS:
        return None
    try:
        return Interval.day(date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))))
    except ValueError:
        raise BadDate(f"{text!r} is an impossible date") from None


def _dateline(text: str) -> Interval | None:
    from timeline.readers.datelines import dates_in_line

    found = dates_in_line(text)
    return Interval.day(found[0].day) if found and len(text) < 80 else None


def _epoch(seconds: float, shown: object) -> Interval:
    try:
        # Unix time has no zone of its own; UTC is the only day it can honestly name.
        return Interval.day(datetime.fromtimestamp(seconds, tz=timezone.utc).date())
    except (ValueError, OverflowError, OSError):
        raise BadDate(f"{shown!r} is not a date") from None
