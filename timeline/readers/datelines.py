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

import json
import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from timeline.intervals import Interval

HEADER_LINES = 8  # how many non-empty lines from the top may hold the date line
FOOTER_LINES = 6
FORMULA_LINES = 15  # a judgment's closing formula may stand above its signatures and attendance
# Longer lines are body text that happens to name a date. Only words without a digit count: a
# stamp is mostly numbers ("Posted Sat 23 Mar 2024 at 7:14am, updated Sun 24 Mar 2024 at ...").
MAX_DATELINE_WORDS = 14
# Lower-case words of four letters or more ("said", "police", "attacked") are prose: a date line
# has labels ("Status:", "Updated"), names of days and zones, and after a "|" the page's tags.
# One may be a stamp's ("Heard on Morning Edition" has none, a caption "Rescuers search the
# rubble ... on Jan. 3, 2024" two, a short body sentence "The checkpoint was attacked on ..." two).
MAX_DATELINE_PROSE_WORDS = 1
# A year glued to the clock after it ("March 14, 20255:00 AM ET", as NPR's page copies) ends
# where the clock begins: a fifth digit is no year's unless a clock's colon follows it, or a
# month word (the date's screen-reader twin, "22 Mar 202422 Mar 2024").
_YEAR_END = r"(?!\d(?!\d?:\d\d|\d?\s*(?:{month})\b))"


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
    year_end = _YEAR_END.format(month=month)
    # Each pattern names its groups y, m, d; `mname` is a month word. Order matters only for
    # overlaps, which are resolved by taking the leftmost match of every pattern.
    return [
        (re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ][\d:.+Z-]*)?"), "iso"),
        # 14 March 2025, 14th Mar. 2025, and 01-May-2017 (India's PIB, database exports)
        # and a deed's or a judgment's "12th day of December, 2024"
        (re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+day\s+of\s+|\.?\s*|-)(?P<mname>{month})(?:\.?,?\s+|-)(?P<y>\d{{4}}){year_end}",
                    re.I), "dmy"),
        (re.compile(rf"(?<![A-Za-z])(?P<mname>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){year_end}",
                    re.I), "mdy"),
        # 14/03/2025, 14.03.2025 (German, Turkish), 23-04-2025 (Indian pages)
        (re.compile(rf"(?<![\d/.-])(?P<a>\d{{1,2}})([/.-])(?P<b>\d{{1,2}})\2(?P<y>\d{{4}}){year_end}(?![/-]\d)"),
         "numeric"),
        # 2025.03.14 and 2025/03/14 (Korean, Chinese, Japanese pages), year first
        (re.compile(r"(?<![\d/.-])(?P<y>\d{4})([/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\d/])"), "ymd"),
        # 03/14/25 (a US court's "Filed 03/14/25"), 14/03/25: a two-digit year (not "v2.1.10")
        (re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<y>\d{2})(?![\d:]|[/.-]\d)"),
         "numeric"),
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
    if len(g["y"]) == 2:  # the POSIX pivot: 00-68 are 2000-2068, 69-99 are 1969-1999
        year += 2000 if year < 69 else 1900
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        # 06/28/2021 can only be US; 28/06/2021 only day-first; 04/05/2021 is ambiguous and
        # follows `day_first` (the page's own order, see `numeric_order`), else the separator:
        # dots and dashes are the European and Indian way, day first ("12.02.2025 – 15:47"),
        # slashes default to US, the commonest order in English-language news pages.
        if m.group(2) == "." or day_first is None:  # nobody writes a dotted date month first
            day_first = m.group(2) != "/"
        month, day = (b, a) if (a > 12 or day_first) and b <= 12 else (a, b)
    else:
        month = int(g["m"]) if "m" in g and g.get("m") else _months()[g["mname"].lower()]
        day = int(g["d"])
    try:
        return date(year, month, day) if 1 <= year <= 9999 else None
    except ValueError:  # 31 February, month 13: not a date
        return None


_WORDS_WITHOUT_DIGITS = re.compile(r"(?<!\S)[^\s\d]+(?!\S)")
_DIGIT = re.compile(r"\d")


def _short(line: str) -> bool:
    """Few enough words without a digit, before the first "|" (after it are the page's tags or
    a second stamp, "Posted: ... | Last Updated: ...", judged by their words in `is_dateline`)."""
    words = line.split("|")[0].split()
    if len(words) <= MAX_DATELINE_WORDS:  # most lines are long: this settles them cheaply
        return True
    return len(words) <= 3 * MAX_DATELINE_WORDS and \
        len(_WORDS_WITHOUT_DIGITS.findall(line.split("|")[0])) <= MAX_DATELINE_WORDS


def is_dateline(line: str, found: list[FoundDate] | None = None) -> bool:
    """A short line whose words are mostly the date, a time, a zone or a label such as 'Status:'."""
    if not _short(line):  # before looking for dates, as long lines are many
        return False
    found = dates_in_line(line) if found is None else found
    if not found:
        return False
    rest = line
    for f in reversed(found):
        rest = rest[: f.start] + " " + rest[f.end :]
    if len(re.findall(r"[A-Za-z]{4,}", rest)) > 6:
        return False
    stamp_words = _stamps()["stamp_words"]
    prose = [w for w in re.findall(r"(?<![A-Za-z])[a-z]{4,}", rest.split("|")[0])
             if w not in stamp_words]
    return len(prose) <= MAX_DATELINE_PROSE_WORDS


@lru_cache(maxsize=1)
def _stamps() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("timeline.readers").joinpath("data/stamps.json").read_text())
    return {key: frozenset(value["words"]) for key, value in data.items() if not key.startswith("_")}


@lru_cache(maxsize=1)
def _label() -> re.Pattern[str]:
    """A label for the first publication ("Posted: ", "Sent Monday, ") or an update ("Last
    updated:"): the nearest one before a date says which the date is."""
    text = resources.files("timeline").joinpath("data/publication_labels.txt").read_text()
    published = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]

    def either(words):
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    return re.compile(rf"\b(?:(?P<published>{either(published)})|"
                      rf"(?P<update>{either(_stamps()['update_labels'])}))\b", re.I)


def _kind(line: str, start: int, end: int) -> str:
    """'published', 'update' or 'plain': the nearest label between `start` and a date at `end`."""
    kind = "plain"
    for m in _label().finditer(line, start, end):
        kind = m.lastgroup
    return kind


_AMBIGUOUS = re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2])([/-])(0?[1-9]|1[0-2])\2(\d{4}|\d{2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2\d{2}")
_ZONE = re.compile(r"\b[A-Z]{2,5}\b")
_CLOCK_24 = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3])(?::|h)[0-5]\d(?![\d:])")  # "17:20"; "17h20", as French pages write it
# "a.m." with its dots is AP's, a US page's; "3:42 PM" is printed from Manila to Kuala Lumpur
_MERIDIEM = re.compile(r"\d\s*[ap]\.m\.", re.I)


@lru_cache(maxsize=1)
def _weekdays() -> tuple[re.Pattern[str], dict[str, int]]:
    # the temporal tagger's weekday table (Monday 1), as for months
    table = resources.files("timeline.temporal").joinpath("data/normalization/weekday.tsv")
    rows = dict(line.split("\t") for line in table.read_text().splitlines()
                if line.strip() and not line.startswith("#"))
    words = "|".join(sorted(rows, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.I), {w: int(n) for w, n in rows.items()}


class NumericOrder:
    """Whether a page's numeric dates are day first. 04/05/2025 reads the way the page itself
    tells: the weekday the stamp names ('Friday, 3/14/2025' on VnExpress: one reading falls on
    it), else an unambiguous numeric date on its stamp lines (14/03/2025 beside it), else a zone
    (CST is month first, IST day first), else the stamp's clock: 24-hour on France 24
    ('09/10/2025 - 18:42'), AP's 'a.m.' on US pages ('Status: 12/07/2004 8:29 a.m.'), else the
    order of its written dates ('2 November 2023' against 'November 2, 2023': weakest, as a
    wire story keeps its agency's style on any site).
    Worked out only for a line with an ambiguous date, as most pages have none."""

    def __init__(self, text: str, lines: list[str]):
        self.text, self.lines = text, lines
        self._votes: list[tuple[int, int]] | None = None

    def day_first(self, line: str) -> bool | None:
        """None when `line` has no ambiguous numeric date or nothing on the page decides."""
        if not _AMBIGUOUS.search(line):
            return None
        for day_first, month_first in self._cues(line):
            if day_first != month_first:
                return day_first > month_first
        return None

    def _cues(self, line: str) -> Iterator[tuple[int, int]]:
        """(votes for day first, votes for month first), strongest cue first, each worked out
        only when the ones before it are silent or tied."""
        yield self._weekday(line)
        if self._votes is None:
            # the header's and footer's short lines: a body paragraph's dates are a writer's
            self.lines = [line for line in self.lines if _short(line)]
            self._votes = [self._unambiguous(), self._zones()]
        yield from self._votes
        yield self._clock(line)
        yield self._written()

    @staticmethod
    def _clock(line: str) -> tuple[int, int]:
        if _MERIDIEM.search(line):  # "8:29 a.m.", "3:42 PM": a US page's clock
            return 0, 1
        return int(bool(_CLOCK_24.search(line))), 0

    @staticmethod
    def _weekday(line: str) -> tuple[int, int]:
        pattern, numbers = _weekdays()
        named = {numbers[w.lower()] for w in pattern.findall(line)}
        votes = [0, 0]
        for a, _, b, y in _AMBIGUOUS.findall(line) if named else ():
            year = int(y) if len(y) == 4 else int(y) + (2000 if int(y) < 69 else 1900)
            for i, (month, day) in enumerate(((int(b), int(a)), (int(a), int(b)))):
                try:
                    votes[i] += date(year, month, day).isoweekday() in named
                except ValueError:  # 31 in a month of 30 days: that reading is no date
                    pass
        return votes[0], votes[1]

    def _unambiguous(self) -> tuple[int, int]:
        found = [(int(a), int(b)) for line in self.lines for a, _, b in _NUMERIC.findall(line)]
        return (sum(a > 12 >= b for a, b in found), sum(b > 12 >= a for a, b in found))

    def _zones(self) -> tuple[int, int]:
        zones = [z for line in self.lines for z in _ZONE.findall(line)]
        stamps = _stamps()
        return (sum(z in stamps["day_first_zones"] for z in zones),
                sum(z in stamps["month_first_zones"] for z in zones))

    def _written(self) -> tuple[int, int]:
        (dmy, _), (mdy, _) = _patterns()[1:3]
        return len(dmy.findall(self.text)), len(mdy.findall(self.text))


# A wire date line: the city in capitals (or two, "TRIPOLI / GENEVA", where a release is
# filed from both), a region or country, then a date and/or the agency in brackets, or the date
# in the brackets as UN and NGO releases write it ("GENEVA (6 August 2024) –"), then a dash.
# Capitals and the closing dash keep body sentences out.
_CITY = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+){0,3}"  # "POPAYÁN", "BOGOTÁ", "SÃO PAULO"
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


_RANKS = ("published", "plain", "update")  # which stamp is the publication, best first


def _rank(stamp: tuple[date, str]) -> int:
    return _RANKS.index(stamp[1])


def publication_date(text: str) -> tuple[Interval, str] | None:
    """The date of the header's date line, else of the footer's (its last, as the header's first).

    The header's first date line labelled as the publication ("First published on Fri 14 Mar
    2025" under the Guardian's latest time), else its first plain one; a line stamped only as an
    update ("Updated - March 23, 2024") is the date only when the header has no other. When a
    date line holds several dates ("Published March 14, 2025Updated March 15, 2025",
    "2017-10-30T16:06:16 Monday, 16 October 2017"), the one a label such as "Posted" or "Sent"
    heads is the publication; else the earliest that is no update's.
    Returns the day and 'header' or 'footer'.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    head, foot = lines[:HEADER_LINES], lines[-FOOTER_LINES:]
    order = NumericOrder(text, head + foot)
    if header := list(_date_lines(head, order)):  # the first of the best kind (min keeps it)
        return Interval.day(min(header, key=_rank)[0]), "header"
    if footer := list(_date_lines(foot, order)):  # the last of the best kind
        return Interval.day(min(reversed(footer), key=_rank)[0]), "footer"
    for line in head:
        wire = wire_dateline(line.strip())
        if wire and wire.day:
            return Interval.day(wire.day), "header"
    for line in reversed(lines[-FORMULA_LINES:]):
        # "DATED, SIGNED AND DELIVERED AT NAIROBI THIS 12TH DAY OF DECEMBER, 2024." (above the
        # judge's name and the list of those present)
        first = _FIRST_WORD.match(line)
        if first and first.group(1).lower() in _stamps()["formula_words"] and (found := dates_in_line(line)):
            return Interval.day(found[-1].day), "footer"
    return None


_FIRST_WORD = re.compile(r"\W*([A-Za-z]+)\b")


def _date_lines(lines: list[str], order: NumericOrder) -> Iterator[tuple[date, str]]:
    """The day and kind of each date line; a label alone on the line above ("UPDATED", then
    "Mar 23, 2024, 01:04 AM", as a page's spans copy) gives a plain stamp its kind."""
    label = "plain"
    for line in lines:
        if stamp := _stamp(line, order):
            yield stamp[0], label if stamp[1] == "plain" else stamp[1]
            if stamp[1] == "published" or label == "published":
                return  # nothing later can be the publication instead
        m = _label().fullmatch(line.strip().rstrip(":").rstrip())
        label = m.lastgroup if m and not stamp else "plain"


def _stamp(line: str, order: NumericOrder) -> tuple[date, str] | None:
    """The day a date line stamps and its kind ('published', 'plain' or 'update'), if it is one."""
    if not _DIGIT.search(line) or not _short(line):  # no date, or long: most lines
        return None
    found = dates_in_line(line, order.day_first(line))
    if not is_dateline(line, found):
        return None
    kinds = [_kind(line, found[i - 1].end if i else 0, f.start) for i, f in enumerate(found)]
    for kind in _RANKS:
        days = [f.day for f, k in zip(found, kinds) if k == kind]
        if days:
            return min(days), kind
    return None
