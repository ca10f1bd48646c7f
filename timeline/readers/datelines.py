"""Publication dates from an article's header or footer lines ("date lines").

News pages copied as text carry their date in a short line near the top or the bottom, in many
styles: "19:50 GMT02 April 2020", "Status: 06/28/2021 4:30 a.m.", "2017-10-30T16:06:16+00:00
Monday, 16 October 2017|Law enforcement", "Published: March 3, 2022". A date line is short and
made mostly of the date; a body sentence that merely contains a date is not one.

Wire copy puts its date line at the head of the first paragraph instead: "MAIDUGURI, Nigeria,
March 14, 2025 (Reuters) - A suicide bomber ...", "KABUL, Afghanistan (AP) — ...". That prefix
(`wire_dateline`) dates the article when it holds a full date, and is no part of the sentence
it heads: its place is where the reporter filed from, its date the day of filing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from timeline.intervals import Interval

HEADER_LINES = 8  # how many non-empty lines from the top may hold the date line
FOOTER_LINES = 6
MAX_DATELINE_WORDS = 14  # longer lines are body text that happens to name a date
# Lower-case words of four letters or more ("said", "police", "arrested") are prose: a date line
# has labels ("Status:", "Updated"), names of days and zones, and after a "|" the page's tags.
MAX_DATELINE_PROSE_WORDS = 2


@dataclass(frozen=True)
class FoundDate:
    day: date
    start: int  # offsets in the line, so the words left over can be judged
    end: int


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    # The temporal tagger's month table: one list of month words for the whole product.
    table = resources.files("timeline.temporal").joinpath("data/normalization/month.tsv")
    rows = (line.split("\t") for line in table.read_text().splitlines()
            if line.strip() and not line.startswith("#"))
    return {word: int(number) for word, number in rows}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    month = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    # Each pattern names its groups y, m, d; `mname` is a month word. Order matters only for
    # overlaps, which are resolved by taking the leftmost match of every pattern.
    return [
        (re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ][\d:.+Z-]*)?"), "iso"),
        (re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s*(?P<mname>{month})\.?,?\s+(?P<y>\d{{4}})(?!\d)",
                    re.I), "dmy"),
        (re.compile(rf"(?<![A-Za-z])(?P<mname>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
                    re.I), "mdy"),
        (re.compile(r"(?<![\d/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>\d{4})(?![\d/])"), "numeric"),
    ]


def dates_in_line(line: str, day_first: bool | None = None) -> list[FoundDate]:
    """Every full date (day, month and year) in one line, in order of appearance.

    Where two patterns match overlapping words, the earlier pattern wins. Kept sorted by
    offset so each overlap test is a bisection: a line full of dates stays fast.
    """
    found: list[FoundDate] = []
    for pattern, kind in _patterns():
        for m in pattern.finditer(line):
            day = _to_date(m, kind, day_first)
            if day and not _overlaps(found, m.start(), m.end()):
                insort(found, FoundDate(day, m.start(), m.end()), key=lambda f: f.start)
    return found


def _overlaps(found: list[FoundDate], start: int, end: int) -> bool:
    at = bisect_left(found, start, key=lambda f: f.start)
    return (at > 0 and found[at - 1].end > start) or (at < len(found) and found[at].start < end)


def _to_date(m: re.Match[str], kind: str, day_first: bool | None) -> date | None:
    g = m.groupdict()
    year = int(g["y"])
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        # 06/28/2021 can only be US; 28/06/2021 only day-first; 04/05/2021 is ambiguous and
        # follows `day_first` (default US, the commonest order in English-language news pages).
        # Dots are the European way, day first ("12.02.2025 – 15:47" on a German site): the US
        # writes slashes.
        if day_first is None:
            day_first = m.group(2) == "."
        month, day = (b, a) if (a > 12 or day_first) and b <= 12 else (a, b)
    else:
        month = int(g["m"]) if "m" in g and g.get("m") else _months()[g["mname"].lower()]
        day = int(g["d"])
    try:
        return date(year, month, day) if 1 <= year <= 9999 else None
    except ValueError:  # 31 February, month 13: not a date
        return None


def is_dateline(line: str, found: list[FoundDate] | None = None) -> bool:
    """A short line whose words are mostly the date, a time, a zone or a label such as 'Status:'."""
    # before looking for dates, as long lines are many; what follows a "|" is the page's
    # tags or a second stamp ("Posted: ... | Last Updated: ..."), judged below by its words
    if len(line.split("|")[0].split()) > MAX_DATELINE_WORDS:
        return False
    found = dates_in_line(line) if found is None else found
    if not found:
        return False
    rest = line
    for f in reversed(found):
        rest = rest[: f.start] + " " + rest[f.end :]
    if len(re.findall(r"[A-Za-z]{4,}", rest)) > 6:
        return False
    prose = re.findall(r"(?<![A-Za-z])[a-z]{4,}", rest.split("|")[0])
    return len(prose) <= MAX_DATELINE_PROSE_WORDS


@lru_cache(maxsize=1)
def _label() -> re.Pattern[str]:
    """A publication label ending where a date may follow it ("Sent Monday, ", "Posted: ")."""
    text = resources.files("timeline").joinpath("data/publication_labels.txt").read_text()
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    # then what may stand between it and its date: a colon, "on", a weekday, commas
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b"
                      r"[:\s,]*(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?$", re.I)


# A wire date line: the city in capitals (or two, "TRIPOLI / GENEVA", where a release is
# filed from both), a region or country, then a date and/or the agency in brackets, or the date
# in the brackets as UN and NGO releases write it ("GENEVA (6 August 2024) –"), then a dash.
# Capitals and the closing dash keep body sentences out.
_CITY = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
_WIRE_DATE = r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?"
_WIRE = re.compile(
    rf"(?P<place>{_CITY}(?: ?/ ?{_CITY})?)"
    r"(?:, ?[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3}){0,2}?"
    rf"(?:, ?(?P<date>{_WIRE_DATE}))?"
    rf"(?: ?\((?:(?P<bdate>{_WIRE_DATE})|(?P<agency>[A-Z][\w .&'’-]{{0,30}}))\)"
    r"| ?/(?P<wire>[A-Z][\w .&'’-]{0,30})/)?"
    r" ?(?:--|[-–—]) ?(?=[\"“‘'A-Z0-9])")  # and the paragraph's first sentence starts


# ... or, in many Asian and African outlets, the city in ordinary capitals with a full date,
# numeric or written ("Jakarta, 14/03/2024 - ", "Nairobi, 3 May 2024 – "): the whole date,
# year included, and the dash keep body sentences ("Kabul, the capital, ...") out.
_TITLE_WIRE = re.compile(
    r"(?P<place>[A-Z][a-z][\w'’.-]*(?: [A-Z][\w'’.-]+){0,2}), ?"
    r"(?P<date>\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})"
    r" ?(?:--|[-–—]) ?(?=[\"“‘'A-Z0-9])")


@dataclass(frozen=True)
class WireDateline:
    end: int  # where the paragraph's own first sentence begins
    day: date | None  # the date named, when it names day, month and year


def wire_dateline(text: str, pos: int = 0) -> WireDateline | None:
    """The wire date line heading the paragraph at `pos`, if one does: it names a date or an
    agency (a city in capitals and a dash alone could be a heading's first words)."""
    m = _WIRE.match(text, pos)
    if not m or m.group("date", "bdate", "agency", "wire") == (None, None, None, None) \
            or len(m.group("place")) < 3:
        m = _TITLE_WIRE.match(text, pos)
        if not m or not dates_in_line(m.group("date")):
            return None
    found = dates_in_line(m.group("date") or m.groupdict().get("bdate") or "")
    return WireDateline(m.end(), found[0].day if found else None)


def publication_date(text: str) -> tuple[Interval, str] | None:
    """The date of the first date line in the header, else the last in the footer.

    When a date line holds several dates ("2017-10-30T16:06:16 Monday, 16 October 2017"), the
    one a label such as "Posted" or "Sent" heads is the publication; else the earliest, as the
    others can only be later updates of the page.
    Returns the day and 'header' or 'footer'.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    for basis, candidates in (("header", lines[:HEADER_LINES]),
                              ("footer", reversed(lines[-FOOTER_LINES:]))):
        for line in candidates:
            if is_dateline(line):  # its word count first: most lines are not looked into
                found = dates_in_line(line)
                labelled = [f for f in found if _label().search(line, 0, f.start)]
                return Interval.day(min(f.day for f in labelled or found)), basis
    for line in lines[:HEADER_LINES]:
        wire = wire_dateline(line.strip())
        if wire and wire.day:
            return Interval.day(wire.day), "header"
    return None
