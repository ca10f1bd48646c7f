"""The temporal tagger: finds date expressions in a text and resolves each to a TimeML value
and the real interval it means, against the document creation time (DCT).

    >>> [t.value for t in tag("Bortnikov said Wednesday.", date(2020, 4, 2))]
    ['2020-04-01']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.intervals import Interval, Precision

from .engine import Candidate, Grammar, grammar, find_candidates, normalise_key
from .resolve import NO_INTERVAL, Context, fill, resolve_value, narrow, value_interval
from .tense import tense_cue

__all__ = ["Timex", "tag"]


@dataclass(frozen=True)
class Timex:
    """One temporal expression: where it is, what it says, and the interval it means."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    interval: Interval | None

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "interval": list(self.interval.iso()) if self.interval else None,
        }


_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d")
_POSSESSIVE = ("'s", "\u2019s")
# Calls whose direction comes from the tense of the sentence.
_TENSED = ("WEEKDAY(", "MONTH(", "MONTHDAY(", "SEASON(", "QUARTER(", "QENDED(", "QORDENDED(", "HALF(", "WEEKEND(", "IN(",
           "HOLIDAY(", "DAYOFMONTH(", "MONTHWEEK(", "REFMONTH(", "REFSEASON(", "QMONTH(",
           "WEEKOF(")
# A length is a DURATION whatever rule found it: IN() gives one when its sentence does not
# look ahead ("rose 5% in two years").
_LENGTH = re.compile(r"^P(?:\d|X|T)")


def tag(text: str, dct: date | None) -> list[Timex]:
    """The temporal expressions of `text`, sorted by start and non-overlapping."""
    g = grammar()
    for seen, seen_dct, seen_g, found in _RECENT:
        if seen_g is g and seen_dct == dct and seen == text:
            return list(found)
    cands = _candidates(text, g)
    found = _tag(text, dct, g, cands)
    _RECENT.insert(0, (text, dct, g, tuple(found)))
    del _RECENT[_RECENT_TEXTS:]
    return found


# An article of unknown date is tagged three times: its publication date is inferred from the
# dates it names (published.py), the inferred day is checked against the report's words, then
# its events are dated, against the DCT or none. The last texts tagged, and the rules' matches
# in the last one, are kept (Timex is frozen): the candidates do not depend on the DCT.
_RECENT_TEXTS = 2
_RECENT: list[tuple[str, date | None, Grammar, tuple[Timex, ...]]] = []
_LAST_CANDIDATES: list[tuple[str, Grammar, list[Candidate]]] = []


def forget_recent() -> None:
    """Drop the kept results, so the next tag() of a text seen just before works it out again
    (what a benchmark timing one text several times must measure)."""
    _RECENT.clear()
    _LAST_CANDIDATES.clear()


def _candidates(text: str, g: Grammar) -> list[Candidate]:
    if _LAST_CANDIDATES and _LAST_CANDIDATES[0][1] is g and _LAST_CANDIDATES[0][0] == text:
        return _LAST_CANDIDATES[0][2]
    cands = find_candidates(text, g)
    _LAST_CANDIDATES[:] = [(text, g, cands)]
    return cands


def _tag(text: str, dct: date | None, g: Grammar, cands: list[Candidate]) -> list[Timex]:
    ctx = Context(dct=dct, day_first=_numeric_order(cands))
    out: list[Timex] = []
    named: tuple[int, int] | None = None  # (end, year) of the last year the text wrote out
    period: tuple[int, Interval] | None = None  # (end, interval) of the last season or month with its year
    day: tuple[int, date] | None = None  # (end, day) of the last single day the text named
    heading: tuple[int, int] | None = None  # (end, year) of a year standing alone as a line
    for i, c in enumerate(cands):
        # words after an expression ("or later") join it only up to the next one: in
        # "Monday or earlier this week", "earlier this week" is an expression of its own
        limit = cands[i + 1].start if i + 1 < len(cands) else len(text)
        ctx.year_here = named[1] if named and _near_in_sentence(text, named[0], c.start, g) else _year_after(text, cands, i)
        if _YEAR_LINE.fullmatch(_line_of(text, c.start, c.end)):
            heading = c.end, int(text[c.start:c.end])
        elif heading is not None and ctx.year_here is None and _opens_line(text, c.start):
            if _under_heading(text, heading[0], c.start, cands, i):
                ctx.year_here = heading[1]
            else:
                heading = None
        ctx.since = _range_start(text, out, c.start, g)
        ctx.day_here = _day_before(text, out, c.start, g)
        ctx.day_said = day[1] if day and _near_in_sentence(text, day[0], c.start, g, _DAY_REACH) else None
        timex = _resolve(text, c, ctx, g, limit)
        if ctx.year_here is None and period is not None and timex is not None and timex.interval is not None \
                and g.sentence_end.search(text, period[0], c.start + 1) is None:
            # "In the summer of 2024, riots broke out ... after the stabbings on 29 July": a day
            # that falls in a season or month the sentence named takes that period's year
            ctx.year_here = period[1].start.year
            within = _resolve(text, c, ctx, g, limit)
            if within is not None and within.interval is not None and period[1].start <= within.interval.start \
                    and within.interval.end <= period[1].end and within.value != timex.value:
                timex = within
            ctx.year_here = None
        if timex is None:
            continue
        if out and _joins(text, out[-1], timex, g):
            timex = _join(text, out.pop(), timex)
        out.append(timex)
        if timex.interval is not None:  # "since February 2019. Since then, ...": any date
            ctx.last = timex.value.split("T")[0]
            if timex.interval.length_days == 1:
                day = timex.end, timex.interval.start
        if ctx.covered is None and (covered := _covered(text, timex, g, dct)) is not None:
            ctx.covered = covered
        if _anchors(text, timex, c, g, dct):
            ctx.ref = timex.value.split("T")[0]
            if _is_period_over(timex, dct):
                ctx.period = ctx.ref
            if "y" in c.match.re.groupindex and c.match.group("y") and _YEAR_FIRST.match(timex.value):
                named = timex.end, int(timex.value[:4])
                if timex.interval.precision in (Precision.MONTH, Precision.SEASON):
                    period = timex.end, timex.interval
            elif ctx.year_here is not None and timex.value.startswith(f"{ctx.year_here:04d}-"):
                # a month that took the year passes it on: "in 2017 - at Westminster in
                # March, Manchester in May and London Bridge in June"
                named = timex.end, ctx.year_here
    return out


_YEAR_FIRST = re.compile(r"^\d{4}(?:-|$)")

# A "Timeline:" or "Key dates" box: a year alone as a line heads the lines below it that open
# with a date ("2019" / "Jan 8 – Militants ambush ..." / "Sept 13 – ..."), up to the next year
# line or the first line that opens with no date.
_YEAR_LINE = re.compile(r"\s*(?:1[89]|20)\d\d\s*:?\s*")
_LINE_OPENING = re.compile(r"[\s•*·-]*")


def _line_of(text: str, start: int, end: int) -> str:
    """The whole line holding text[start:end]."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a:b if b >= 0 else len(text)]


def _opens_line(text: str, start: int) -> bool:
    """Whether only blanks or a bullet stand before `start` on its line."""
    return _LINE_OPENING.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is not None


def _under_heading(text: str, heading_end: int, start: int, cands: list[Candidate], i: int) -> bool:
    """Whether every line between the year heading ending at `heading_end` and the line of
    `start` is blank or opens with a date too (a date later in a line changes nothing)."""
    line_start = text.rfind("\n", 0, start) + 1
    openers = {text.rfind("\n", 0, c.start) + 1 for c in cands[:i] if heading_end < c.start and _opens_line(text, c.start)}
    pos = text.find("\n", heading_end)
    while 0 <= pos < line_start - 1:
        nxt = text.find("\n", pos + 1)
        if text[pos + 1:nxt].strip() and pos + 1 not in openers:
            return False
        pos = nxt
    return True

# "on July 14 in Nice in 2016", "Bastille Day in 2016": a year right after a day, with only
# places between, is that day's year
_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")  # a year written out: "2016"
_YEAR_AFTER_GAP = re.compile(r"(?:,?\s+(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})*,?\s+(?:in|of)\s+")


def _year_after(text: str, cands: list[Candidate], i: int) -> int | None:
    """The year a day takes from a bare year just after it ("on July 14 in Nice in 2016")."""
    if i + 1 >= len(cands):
        return None
    c, nxt = cands[i], cands[i + 1]
    if not _YEAR_WRITTEN.fullmatch(text, nxt.start, nxt.end) or not _YEAR_AFTER_GAP.fullmatch(text, c.end, nxt.start):
        return None
    return int(text[nxt.start:nxt.end])


# How far a written-out year lends itself to a month after it: "He joined in 1985 and became
# president in June" is June 1985; further on, the month is more often the story's own ("a
# program approved in 1987 that didn't specify an amount had bought shares through Sept. 29").
_YEAR_REACH = 60


def _day_before(text: str, out: list[Timex], start: int, g: Grammar) -> date | None:
    """The day a full date just before `start` in its sentence names ("on Saturday 3 May 2025,
    ... for the weekend"), if the sentence wrote its year out."""
    if not out or not _near_in_sentence(text, out[-1].end, start, g, _DAY_REACH) or not _YEAR_WRITTEN.search(out[-1].text):
        return None
    day = out[-1].interval
    return day.start if day is not None and day.precision is Precision.DAY else None


_DAY_REACH = 200  # a sentence's length: the day it opens on is the day it tells


def _near_in_sentence(text: str, a: int, b: int, g: Grammar, reach: int = _YEAR_REACH) -> bool:
    """Whether offset b is at most `reach` after a, with nothing between that ends a sentence."""
    # one character past b: a sentence end is seen by the capital after it, which may be b's
    return b - a <= reach and g.sentence_end.search(text, a, b + 1) is None


# How far before a date the words that make it a boundary may start ("quarter ended ").
_BOUNDARY_REACH = 24


def _anchors(text: str, timex: Timex, c: Candidate, g: Grammar, dct: date | None) -> bool:
    """Whether a date becomes the reference for what follows ("the following day"): not a
    comparison ("a year earlier"), not a boundary ("since Jan. 5", "until 2013", "the
    quarter ended Sept. 30"), and not a deadline ahead ("by 1992"), as the story is not told
    at those dates."""
    if timex.interval is None or c.rule.value.startswith("AGO("):
        return False
    before = max(0, timex.start - _BOUNDARY_REACH)
    if dct is not None and timex.interval.start > dct and g.deadline.search(text, before, timex.start):
        return False
    return g.boundary.search(text, before, timex.start) is None


_PERIOD = (Precision.MONTH, Precision.QUARTER, Precision.YEAR)


def _is_period_over(timex: Timex, dct: date | None) -> bool:
    """Whether a date is a month, quarter or year that ended by the DCT (any, without one):
    a period a report may give figures for."""
    iv = timex.interval
    return iv.precision in _PERIOD and (dct is None or iv.end <= dct)


# The longest span of days a digest may cover, and how soon before the DCT it must end.
_COVERED_DAYS = 7


def _covered(text: str, timex: Timex, g: Grammar, dct: date | None) -> Interval | None:
    """The days a text says it reports on: "Week of 22-28 September 2025" (a span of days,
    or the seven from a day), "week ending 28 September" (the seven up to it), when they end
    before the DCT and at most a week before it; else None."""
    iv = timex.interval
    if dct is None or iv is None or iv.precision is not Precision.DAY:
        return None
    m = g.covers.search(text, max(0, timex.start - _BOUNDARY_REACH), timex.start)
    if m is None:
        return None
    if iv.length_days == 1:
        ending = "end" in m.group(1).lower()
        iv = (Interval.days(iv.start - timedelta(days=_COVERED_DAYS - 1), iv.end) if ending
              else Interval.days(iv.start, iv.start + timedelta(days=_COVERED_DAYS - 1)))
    if iv.length_days > _COVERED_DAYS or not 0 < (dct - iv.end).days <= _COVERED_DAYS:
        return None
    return iv


def _range_start(text: str, out: list[Timex], start: int, g: Grammar) -> date | None:
    """The day a range starts when the expression at `start` ends it: "Friday through
    Sunday", "from 8 p.m. Monday to 4 a.m. Tuesday" (a clock time may stand before the end)."""
    if out and out[-1].interval is None and out[-1].type == "TIME" and text[out[-1].end:start].isspace():
        start, out = out[-1].start, out[:-1]  # "4 a.m." before "Tuesday"
    if not out or out[-1].interval is None or out[-1].interval.length_days != 1:
        return None
    return out[-1].interval.start if g.range_to.fullmatch(text, out[-1].end, start) else None


# How far before a date "ended" may start ("ended on ").
_OVER_REACH = 10


def _resolve(text: str, c: Candidate, ctx: Context, g: Grammar, limit: int) -> Timex | None:
    rule, start = c.rule, c.start
    template = fill(rule.value, c.match, g.tables)
    if template.startswith(_TENSED):
        cue, word = tense_cue(text, c.start, c.end, g)
        # a possessive names a day the sentence looks back on, whatever its present verb:
        # "a premium over Thursday's closing price"
        ctx.tense, ctx.present = (cue or 0), cue == 0 and not text.startswith(_POSSESSIVE, c.end)
        ctx.reported = word in g.future_in_past
        # "the quarter ended Nov. 3", "the talks ended Friday": a day gone by
        ctx.over = bool(g.over_before.search(text, max(0, c.start - _OVER_REACH), c.start)
                        or g.over_after.match(text, c.end))
    value, own = resolve_value(template, ctx)
    if not value or (_FULL_DATE.match(value) and value_interval(value[:10]) is None):
        return None  # nothing resolved, or a day no calendar has ("31 April 2020")
    mod = fill(rule.mod, c.match, g.tables) if rule.mod else ""
    if not mod and rule.type in ("DATE", "DURATION"):
        start, mod = _mod_words(text, start, g.approx, g, mod)
        if mod in _COMPARING and rule.type == "DATE" and not g.counted.search(text, c.start, c.end):
            # "more than a year ago" is a distance, but "sold more than last year", "costs
            # more than this time last year" compare with the date: no mod, not in the span
            start, mod = c.start, ""
    if not mod and rule.type == "DATE":
        start, mod = _mod_words(text, start, g.part_of, g, mod)
    end = c.end
    if rule.type in ("DATE", "DURATION") and (after := g.mod_after.match(text, end, limit)):
        # "the next year or so", "1990 and beyond": the words join the span, and set the mod
        # unless one is set before it ("about a year or so")
        end, mod = after.end(), mod or g.tables["mod"].get(normalise_key(after.group(1)), "")
    mod = mod or None
    if own is NO_INTERVAL or rule.type in ("DURATION", "SET"):
        interval = None
    elif own is not None:
        interval = own
    else:
        interval = value_interval(value.split("T")[0])
        if interval is not None:
            interval = _bound(interval, rule, mod, ctx, c, g)
    kind = "DURATION" if rule.type == "DATE" and _LENGTH.match(value) else rule.type
    if kind == "DURATION":
        interval = None
    return Timex(start, end, text[start:end], kind, value, mod, interval)


def _bound(interval: Interval, rule, mod: str | None, ctx: Context, c: Candidate, g: Grammar) -> Interval:
    if "until-dct" in rule.flags:
        if ctx.dct is not None and interval.start <= ctx.dct < interval.end:
            return Interval(interval.start, ctx.dct, interval.precision)
        return interval
    if "from-dct" in rule.flags:
        if ctx.dct is not None and interval.start < ctx.dct <= interval.end:
            return Interval(ctx.dct, interval.end, interval.precision)
        return interval
    if rule.end:
        last, _ = resolve_value(fill(rule.end, c.match, g.tables), ctx)
        last_iv = value_interval(last) if last else None
        if last_iv is not None and last_iv.end >= interval.start:
            return Interval.days(interval.start, last_iv.end)
        return interval
    return narrow(interval, mod)


# How far before an expression the words of its mod may start ("the early morning hours of ").
_MOD_REACH = 32


# Mods that compare an amount: a date takes one only as a distance counted from another.
_COMPARING = frozenset({"MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})


def _mod_words(text: str, start: int, before: re.Pattern, g: Grammar, mod: str) -> tuple[int, str]:
    """"about two weeks", "nearly forty years", "the end of the third quarter": the words
    `before` finds join the span and set the mod."""
    m = before.search(text, max(0, start - _MOD_REACH), start)
    if m is None or m.end() != start:
        return start, mod
    return m.start(), g.tables["mod"].get(normalise_key(m.group(1)), "")


def _numeric_order(cands: list[Candidate]) -> bool | None:
    """True when the document writes numeric dates day first, False when month first, None
    when none of its numeric dates shows it."""
    votes = set()
    for c in cands:
        if c.rule.name == "numeric_date":
            a, b = int(c.match.group("a")), int(c.match.group("b"))
            if a > 12 >= b:
                votes.add(True)
            elif b > 12 >= a:
                votes.add(False)
    return votes.pop() if len(votes) == 1 else None


# How far apart a day and its clock time may stand ("Wednesday, at around 16:00").
_GLUE_REACH = 16


def _joins(text: str, a: Timex, b: Timex, g: Grammar) -> bool:
    """A time of day next to a day ("10 p.m. Wednesday", "06/28/2021 4:30 a.m.") or next to a
    part of a day ("3 o'clock this afternoon", "at 8 tonight")."""
    if b.start - a.end > _GLUE_REACH or not g.glue.fullmatch(text, a.end, b.start):
        return False
    clock, day = _clock_and_day(a, b)
    return (clock.type == "TIME" and clock.interval is None and "T" in clock.value
            and day.interval is not None and day.interval.length_days == 1
            and (_DAY_PART if day.type == "TIME" else _DAY_ONLY).match(day.value) is not None)


_DAY_ONLY = re.compile(r"^\d{4}-\d\d-\d\d$")
_DAY_PART = re.compile(r"^\d{4}-\d\d-\d\dT(MO|AF|EV|NI)$")
# Parts of a day after noon: an hour before 12 said with them is after noon ("3 o'clock this
# afternoon"); at night only from six ("at 2 tonight" may be the small hours).
_AFTER_NOON = {"AF": 1, "EV": 1, "NI": 6}


def _clock_and_day(a: Timex, b: Timex) -> tuple[Timex, Timex]:
    """Which of two expressions side by side is the clock time (a TIME with no day)."""
    return (a, b) if a.type == "TIME" and a.interval is None else (b, a)


def _join(text: str, a: Timex, b: Timex) -> Timex:
    clock, day = _clock_and_day(a, b)
    hhmm = clock.value.split("T", 1)[1]
    part = _DAY_PART.match(day.value)
    if part and hhmm[:2].isdigit() and _AFTER_NOON.get(part[1], 12) <= int(hhmm[:2]) < 12:
        hhmm = f"{int(hhmm[:2]) + 12:02d}{hhmm[2:]}"
    value = day.value.split("T")[0] + "T" + hhmm
    return Timex(a.start, b.end, text[a.start:b.end], "TIME", value, clock.mod or day.mod, day.interval)
