"""Resolution: from a rule's value template to a TimeML value and the interval it means.

Relative expressions are resolved against the document creation time (DCT), in the
direction the sentence's tense gives, or against the last date the text named (the
reference date, as HeidelTime keeps it). Without a DCT, relative values keep their X's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, timedelta

from timeline.intervals import Interval, Precision

from .engine import normalise_key

# Seasons in the order of a year; winter is the one that begins in December of its year.
SEASON_ORDER = ["SP", "SU", "FA", "WI"]
UNIT_DAYS = {"D": 1, "W": 7, "2W": 14}
# Days after the DCT within which a month-day named in a past sentence is still taken as
# this year's rather than last year's.
MONTHDAY_AHEAD = 14
# Days after a quarter or a half ends within which a report still looks ahead to its figures
# ("expects to report a loss for the third quarter", written in October).
REPORT_DAYS = timedelta(days=45)
# Days from the DCT within which an event named by its month-day ("the December 28 attack")
# is the recent or coming one.
NAMED_DAYS = 60
UNIT_MONTHS = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}


@dataclass
class Context:
    """What a relative expression is resolved against."""

    dct: date | None
    ref: str | None = None          # the last date value the text named
    tense: int = -1                 # -1 past, +1 future: the direction of a bare weekday
    present: bool = False           # the sentence's nearest tense cue is a present one ("is")
    day_first: bool | None = None   # the document's numeric date order, when its dates show it
    year_here: int | None = None    # a year the sentence names before the expression
    day_here: date | None = None    # a day the sentence names just before the expression
    last: str | None = None         # the last date value named, a boundary ("since ...") too
    reported: bool = False          # the future cue looks ahead from a time past ("would")
    over: bool = False              # "ended" stands next to it: a day gone by
    since: date | None = None       # the day a range starts, for a weekday ending it
    day_said: date | None = None    # the last day named before the expression in its
                                    # sentence, its year written or not (for a weekday)
    covered: Interval | None = None  # the days a digest says it reports on ("Week of 22-28
                                     # September"), when they end in the week before the DCT
    period: str | None = None       # the last month, quarter or year named that was over by the
                                    # DCT: what a report's figures are for ("the year-ago period")


# ---------------------------------------------------------------- templates

_FIELD = re.compile(r"\{(\w+)(?:\|(\w+))?\}")


def fill(template: str, match: re.Match, tables: dict[str, dict[str, str]]) -> str:
    """Replace {group} and {group|table} with the matched text or its normalised value."""
    return "".join(part if part.__class__ is str else _field(match, *part, tables)
                   for part in _template(template))


@lru_cache(maxsize=None)
def _template(template: str) -> tuple:
    """A rule's template cut once into its literal text and (group, table) fields."""
    parts: list = []
    pos = 0
    for m in _FIELD.finditer(template):
        parts += [template[pos:m.start()], (m.group(1), m.group(2))]
        pos = m.end()
    return (*parts, template[pos:])


def _field(match: re.Match, name: str, table: str | None, tables: dict[str, dict[str, str]]) -> str:
    raw = match.group(int(name) if name.isdigit() else name) if _has(match, name) else None
    if raw is None:
        return ""
    if table is None:
        return raw
    return normalise(raw, table, tables)


def _has(match: re.Match, name: str) -> bool:
    return name.isdigit() or name in match.re.groupindex


_DECIMAL = re.compile(r"\s*\d+\.\d+\s*")
_DIGITS = re.compile(r"\d+")
_CENTURIES = re.compile(r"(?<=centur)ies$")
_NUMERAL = re.compile(r"\d+(\.\d+)?")


def normalise(raw: str, table: str, tables: dict[str, dict[str, str]]) -> str:
    key = raw.strip() if _DECIMAL.fullmatch(raw) else normalise_key(raw)
    if table == "num":
        return _number(key.replace(",", ""), tables["number"])
    if table == "day":
        return "%02d" % int(_DIGITS.match(key).group())
    if table == "year2":  # '89 (or a year written out in full, where a rule takes both)
        key = key.lstrip("'")
        return key if len(key) == 4 else str(1900 + int(key) if int(key) >= 50 else 2000 + int(key))
    if table == "unit":
        key = _CENTURIES.sub("y", key)
        key = key[:-1] if key.endswith("s") and key[:-1] in tables["unit"] else key
    return tables[table].get(key, "")


def century_year(yy: int, dct: date | None) -> int:
    """The year a two-digit year names: the one from 89 years before the DCT's year to 10
    after it ("3/2/98" told in 1998 is 1998 and "10/29/88" told in 1989 is 1988, where a
    pivot of the DCT's year + 10 read past 99 made them 2098 and 2088; "1/5/05" told in 1998
    is 2005); without a DCT, 1950-2049."""
    if dct is None:
        return 1900 + yy if yy >= 50 else 2000 + yy
    year = dct.year - dct.year % 100 + yy
    return year - 100 if year > dct.year + 10 else year + 100 if year <= dct.year - 90 else year


def _number(key: str, numbers: dict[str, str]) -> str:
    if _NUMERAL.fullmatch(key):
        return key
    if key in numbers:
        return numbers[key]
    parts = key.split()
    if all(p in numbers for p in parts):  # "twenty four"
        return str(sum(int(numbers[p]) for p in parts))
    return "X"


# ---------------------------------------------------------------- values -> intervals

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")


def value_interval(value: str) -> Interval | None:
    """The interval a TimeML date value means; None when it has X's or is not a date."""
    try:
        if m := _DAY.match(value):
            return Interval.day(date(int(m[1]), int(m[2]), int(m[3])))
        if m := _MONTH.match(value):
            return Interval.month(int(m[1]), int(m[2]))
        if m := _YEAR.match(value):
            return Interval.year(int(m[1]))
        if m := _WEEK.match(value):
            week = Interval.week(int(m[1]), int(m[2]))
            if m[3]:  # the weekend: Saturday and Sunday of that ISO week
                return Interval.days(week.start + timedelta(days=5), week.end)
            return week
        if m := _QUARTER.match(value):
            return Interval.quarter(int(m[1]), int(m[2]))
        if m := _HALF.match(value):
            y, h = int(m[1]), int(m[2])
            # A half year is coarser than a quarter: it claims only year precision.
            return Interval(date(y, 1 + 6 * (h - 1), 1), Interval.month(y, 6 * h).end, Precision.YEAR)
        if m := _SEASON.match(value):
            return Interval.season(int(m[1]), m[2])
        if m := _DECADE.match(value):
            return Interval.decade(int(m[1]) * 10)
    except (ValueError, OverflowError):  # 31 February, or past the calendar: no interval
        return None
    return None


# Where early/mid/late cut a period: days of a month, months of a year, years of a decade.
_THIRDS = {
    Precision.MONTH: {"START": (1, 10), "MID": (11, 20), "END": (21, 31)},
    Precision.YEAR: {"START": (1, 4), "MID": (5, 8), "END": (9, 12)},
    Precision.DECADE: {"START": (0, 3), "MID": (3, 6), "END": (7, 9)},
    Precision.SEASON: {"START": (0, 0), "MID": (1, 1), "END": (2, 2)},  # months of the season
}


def narrow(interval: Interval, mod: str | None) -> Interval:
    """"Early April" is the first third of April: early/mid/late narrow months, years and
    decades to about a third and a season to one of its months ("late summer": August);
    other periods keep their bounds, and so does the precision."""
    cuts = _THIRDS.get(interval.precision, {}).get(mod or "")
    if cuts is None:
        return interval
    s, e = interval.start, interval.end
    if interval.precision is Precision.MONTH:
        start, end = s.replace(day=cuts[0]), s.replace(day=min(cuts[1], e.day))
    elif interval.precision is Precision.YEAR:
        start, end = s.replace(month=cuts[0]), Interval.month(s.year, cuts[1]).end
    elif interval.precision is Precision.SEASON:  # "late summer" is its last month
        month = _shift(s, cuts[0], "M")
        start, end = month, Interval.month(month.year, month.month).end
    else:
        start, end = date(s.year + cuts[0], 1, 1), date(s.year + cuts[1], 12, 31)
    return Interval(start, end, interval.precision)


# ---------------------------------------------------------------- resolver calls

# A call's answer that there is no interval, whatever the value looks like (a time of day).
NO_INTERVAL = Interval(date.min, date.min, Precision.UNKNOWN)

_CALL = re.compile(r"^([A-Z]+)\((.*?)\)(.*)$")


def resolve_value(value: str, ctx: Context) -> tuple[str, Interval | None]:
    """Evaluate a filled template: a plain TimeML value, or a call with an optional suffix
    (WEEKDAY(3,)TNI). Returns the value and, when a call knows better than the value, an
    interval of its own."""
    m = _CALL.match(value)
    if not m:
        return value, None
    fn, suffix = m.group(1), m.group(3)
    args = m.group(2).split(",") if m.group(2) else []
    try:
        out, interval = CALLS[fn](ctx, *[a.strip() for a in args])
    except (ValueError, OverflowError):  # a shift past year 1 or 9999: no date to give
        return "", None
    if suffix and not out.endswith("_REF"):
        out += suffix if "T" not in out else ""
    return out, interval


def call_dct(ctx: Context) -> tuple[str, None]:
    return (ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"), None


def _fmt(d: date, unit: str) -> str:
    if unit in ("D", "2W"):
        return d.isoformat()
    if unit == "W":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


_UNKNOWN = {"D": "XXXX-XX-XX", "2W": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX",
            "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}


def _shift(d: date, n: float, unit: str) -> date:
    if unit in UNIT_DAYS:
        return d + timedelta(days=round(n * UNIT_DAYS[unit]))
    total = n * UNIT_MONTHS.get(unit, 0)
    months = int(total)  # whole months; what is left ("two and a half months") in days
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    out = date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))
    return out + timedelta(days=round((total - months) * 30.44)) if total != months else out


def _ref_date(ctx: Context) -> tuple[date, str] | None:
    """The reference date's first day and its granularity."""
    if ctx.ref is None:
        return None
    iv = value_interval(ctx.ref)
    if iv is None:
        return None
    gran = {Precision.DAY: "D", Precision.WEEK: "W", Precision.MONTH: "M",
            Precision.QUARTER: "Q", Precision.YEAR: "Y", Precision.DECADE: "DE"}.get(iv.precision)
    if gran is None or (gran == "D" and iv.length_days > 1):
        return None
    return iv.start, gran


_FINENESS = ["D", "W", "M", "Q", "Y", "DE", "CE"]


def call_shift(ctx: Context, anchor: str, unit: str, n: str) -> tuple[str, None]:
    """The period `n` units from the anchor's: last week, this year, the following day."""
    if not unit or not n:
        return "", None
    if anchor in ("ref", "refdct"):
        # "the following day" counts from a date the text named; without one (or with a
        # coarser one, such as a month) the day is not known.
        # With "refdct", before any date is named a month, quarter or year counts from the
        # DCT's ("profit fell from the previous year"); a day or week does not: "the
        # following day" follows an event the story tells, not the day it was written.
        # "that quarter" points back at a period named: it never falls back on the DCT.
        ref = _ref_date(ctx)
        if anchor == "refdct" and ctx.ref is None and ctx.dct is not None and unit in ("M", "Q", "Y"):
            ref = ctx.dct, "D"
        if ref is None or _FINENESS.index(ref[1]) > _FINENESS.index(unit):
            base = None
        else:
            base = ref[0]
    else:
        base = ctx.dct
    if base is None:
        return _UNKNOWN.get(unit, "XXXX"), None
    return _fmt(_shift(base, int(n), unit), unit), None


def call_ago(ctx: Context, anchor: str, n: str, unit: str, sign: str, grain: str = ""
             ) -> tuple[str, Interval | None]:
    """`n` units before or after the DCT ("two weeks ago") or the last date named
    ("a year earlier"), at the granularity the expression speaks of, or at `grain` when
    words after it name one ("two years ago this month", see `call_ago_at`)."""
    if not unit or not sign:
        return "", None
    if grain:
        return call_ago_at(ctx, n, unit, sign, grain)
    s = int(sign)
    if unit in ("TH", "TM", "S"):  # hours ago: the DCT day itself
        return call_dct(ctx)
    if n == "X":  # "a few years ago": only the direction is known (not even the decade:
        # "several years ago" said in 1991 is in the 1980s)
        return ("PAST_REF" if s < 0 else "FUTURE_REF"), None
    count = float(n) * s
    # A report compares figures for a period that is over: "expects losses to continue into
    # the fourth quarter ... In the year-ago period" is the quarter reported, not the one ahead.
    period = _ref_date(replace(ctx, ref=ctx.period))
    if anchor == "refp":  # "the year-ago period": the period last named, never a day or week
        if period is not None:
            return _fmt(_shift(period[0], count, unit), period[1]), None
        # after "closed yesterday": the report's quarter; with nothing named, the year
        anchor = "refq" if ctx.ref is not None else "ref"
    if anchor == "refq":  # "the year-ago quarter": always a quarter
        ref = period
        if ref is not None and ref[1] == "Q":  # a day or a month named is no report's quarter
            base = ref[0]
        elif ctx.dct is not None:
            base = _shift(ctx.dct, -1, "Q")
        else:
            return _UNKNOWN["Q"], None
        return _fmt(_shift(base, count, unit), "Q"), None
    if anchor == "ref":
        ref = _ref_date(ctx)
        if ref is not None and _FINENESS.index(ref[1]) <= _FINENESS.index(
            "M" if unit in ("Q",) else unit if unit in _FINENESS else "D"
        ):
            return _fmt(_shift(ref[0], count, unit), ref[1]), None
        if s > 0:
            # "returned a week later" follows a date the story told; with none fine enough
            # to count from, it is not the DCT's next week: the day is unknown.
            return _UNKNOWN.get("D" if unit == "W" else unit, "XXXX"), None
    if ctx.dct is None:
        return _UNKNOWN.get("D" if unit == "W" else unit, "XXXX"), None
    ref = _ref_date(ctx)
    if unit == "Y" and ref is not None and ref[1] == "Q" and 0 <= ctx.dct.year - ref[0].year <= 1:
        # "profit rose from $5 million a year ago" after a quarter's figure: that quarter
        # a year before, as the comparison is between like periods.
        return _fmt(_shift(ref[0], count, unit), "Q"), None
    day = _shift(ctx.dct, count, unit)
    if unit == "W":
        # "two weeks ago" names a day only roughly: the value is that day, the interval
        # the week around it (precision week).
        return day.isoformat(), Interval(day - timedelta(days=3), day + timedelta(days=3), Precision.WEEK)
    return _fmt(day, unit), None


def call_ref(ctx: Context, unit: str = "", fallback: str = "") -> tuple[str, None]:
    """The last date the text named, as it was named, a boundary too ("since February 2019.
    Since then"); with `unit`, the reference date of that granularity ("later in the day":
    a day). Without one, `fallback`: "dct" for the DCT's period, "prev" for the one before
    it, a *_REF value, or nothing."""
    if not unit and ctx.last is not None:
        return ctx.last, None
    ref = _ref_date(ctx) if unit else None
    if ref is not None and ref[1] == unit:
        return _fmt(ref[0], unit), None
    if fallback == "dct":
        return (_fmt(ctx.dct, unit or "D") if ctx.dct else _UNKNOWN.get(unit or "D", "")), None
    if fallback == "prev":  # the period before the DCT's ("the latest period": the last quarter)
        return (_fmt(_shift(ctx.dct, -1, unit), unit) if ctx.dct and unit
                else _UNKNOWN.get(unit or "D", "")), None
    return fallback, None


def call_weekday(ctx: Context, wd: str, dir_: str) -> tuple[str, None]:
    """Wednesday in "X said Wednesday" is the last one on or before the DCT (TimeBank's
    convention, the DCT itself included); in a future sentence the next one on or after; in a
    present one the nearest ("the funeral is Saturday");
    "last"/"next" exclude the DCT; "this" is the one in the DCT's week."""
    if not wd:
        return "", None
    iso = int(wd)
    if ctx.dct is None:
        return f"XXXX-WXX-{iso}", None
    today = ctx.dct.isoweekday()
    if not dir_ and ctx.day_said is not None and ctx.day_said.isoweekday() == iso and ctx.since is None:
        # "On Feb. 25, gunmen attacked a mosque ... while others killed 15 Catholics at Sunday
        # mass" (Feb. 25 a Sunday): the weekday of a day its sentence named is that day, unless
        # it ends a range from it ("bought from Sept. 14 to Thursday": a week or more on)
        return ctx.day_said.isoformat(), None
    if dir_ == "0":
        d = ctx.dct + timedelta(days=iso - today)
    elif dir_ == "-1":
        d = ctx.dct - timedelta(days=(today - iso) % 7 or 7)
    elif dir_ == "+1":
        d = ctx.dct + timedelta(days=(iso - today) % 7 or 7)
    elif ctx.tense > 0:
        d = ctx.dct + timedelta(days=(iso - today) % 7)
    elif ctx.present:  # "the funeral is Saturday": the nearest, the coming one on a tie
        ahead, back = (iso - today) % 7, (today - iso) % 7
        d = ctx.dct + timedelta(days=ahead) if ahead <= back else ctx.dct - timedelta(days=back)
    else:
        d = ctx.dct - timedelta(days=(today - iso) % 7)
        if ctx.covered is not None and d > ctx.covered.end and ctx.covered.contains(d - timedelta(days=7)):
            # a digest of the week before tells that week: its "Monday" is not the DCT's
            d -= timedelta(days=7)
    if ctx.since is not None and not dir_ and d <= ctx.since:
        # "imposed from 8 p.m. Monday to 4 a.m. Tuesday" (told on Monday): the end of a
        # range follows its start, the first such weekday after it
        d = ctx.since + timedelta(days=(iso - ctx.since.isoweekday()) % 7 or 7)
    return d.isoformat(), None


def call_weekday_that(ctx: Context, wd: str) -> tuple[str, None]:
    """"that Sunday": the weekday nearest the last day named (that day itself when it falls on
    it: "the December 28 attack ... in the early hours of that Sunday"); with no day named, a
    weekday as the tense gives it."""
    ref = _ref_date(ctx)
    if not wd or ref is None or ref[1] != "D":
        return call_weekday(ctx, wd, "")
    day = ref[0]
    shift = (int(wd) - day.isoweekday()) % 7
    return (day + timedelta(days=shift if shift <= 3 else shift - 7)).isoformat(), None


def call_named_day(ctx: Context, month: str, day: str, event: str = "") -> tuple[str, None]:
    """A month-day naming an event ("the December 28 attack", "the March 20 protests"): the
    occurrence within NAMED_DAYS of the DCT, before or after it, as news names a recent or
    coming event by its day; further off it is a name whose year is not said ("the November
    13 attacks" told years on), as is a movement's ("the March 14 alliance", no `event`)."""
    unknown = f"XXXX-{month}-{day}"
    if ctx.dct is None or not month or not day or not event:
        return unknown, None
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        if _valid(year, int(month), int(day)):
            d = date(year, int(month), int(day))
            if abs((d - ctx.dct).days) <= NAMED_DAYS:
                return d.isoformat(), None
    return unknown, None


def call_weekday_plus(ctx: Context, wd: str, n: str, unit: str) -> tuple[str, None]:
    """"a week from Monday": `n` days or weeks after the coming weekday (the DCT when it is
    that weekday)."""
    if not wd or not n or n == "X" or unit not in UNIT_DAYS:
        return "", None
    if ctx.dct is None:
        return "XXXX-XX-XX", None
    d = ctx.dct + timedelta(days=(int(wd) - ctx.dct.isoweekday()) % 7)
    return _shift(d, float(n), unit).isoformat(), None


def _year_for(ctx: Context, key: tuple, now: tuple, dir_: str, when=None) -> int:
    """The year of a month (or month and day, or quarter) named without one: by the explicit
    direction, else by the tense, counted from the DCT; a sentence without a tense cue takes
    the occurrence nearest the DCT ("payable Dec. 7" written in October is this December)."""
    y = ctx.dct.year
    if dir_ == "0":
        return y
    if dir_ == "-1":
        return y if key < now else y - 1
    if dir_ == "+1":
        return y if key > now else y + 1
    if ctx.tense > 0 and when is None:
        if ctx.reported and key < now and _just_gone(ctx.dct, y, key):
            return y  # "said the talks would resume Oct. 30", told Nov. 1: seen from the past
        return y if key >= now else y + 1
    if ctx.tense < 0 and when is None:
        return y if key <= now else y - 1
    if when is None:
        when = lambda year: date(year, *key, *([15] if len(key) == 1 else []))
    return min((y - 1, y, y + 1), key=lambda year: abs((when(year) - ctx.dct).days))


def _just_gone(dct: date, year: int, key: tuple) -> bool:
    """Whether a month-day, or a month, of `year` went by just before the DCT: within
    MONTHDAY_AHEAD days of it, or the month before the DCT's."""
    if len(key) == 1:
        return (dct.year * 12 + dct.month) - (year * 12 + key[0]) == 1
    return _valid(year, *key) and 0 < (dct - date(year, *key)).days <= MONTHDAY_AHEAD


def _lent_year(ctx: Context) -> int | None:
    """The year written out before a month in its sentence, when the month may take it: not
    a year gone by in a sentence that looks ahead ("The plant, built in 1985, will close in
    June" is the coming June; but "He said in 1985 he would resign in June" is June 1985)."""
    if ctx.year_here is None or (ctx.tense > 0 and not ctx.reported and ctx.dct is not None
                                 and ctx.year_here < ctx.dct.year):
        return None
    return ctx.year_here


def call_month(ctx: Context, month: str, dir_: str, skip_last: str = "") -> tuple[str, None]:
    """A month without a year. `skip_last` ("last February"): the month just before the DCT's
    is the one a year before (normalization/lastmonth.tsv)."""
    if not month:
        return "", None
    if skip_last and ctx.dct is not None and int(month) == ctx.dct.month - 1:
        return f"{ctx.dct.year - 1:04d}-{month}", None
    if _lent_year(ctx) is not None and not dir_:
        # "He joined in 1985 and became president in June": the sentence's year.
        return f"{ctx.year_here:04d}-{month}", None
    if ctx.dct is None:
        return f"XXXX-{month}", None
    if ctx.tense == 0 and not dir_ and not ctx.present:
        # A month alone in a sentence with no tense cue is most often one that has passed:
        # news reports what happened "in January" more than what will. In the present tense
        # ("the sale is part of a plan to pay down debt by February") it is the nearest.
        ctx = replace(ctx, tense=-1)
    return f"{_year_for(ctx, (int(month),), (ctx.dct.month,), dir_):04d}-{month}", None


def _after_ref(ctx: Context, step: str, period) -> tuple[int, ...] | None:
    """The first year whose `period(year)` begins after the last date named ends (step +1),
    or the last whose period ends before it begins (-1); None without a date named."""
    ref = value_interval(ctx.ref) if ctx.ref else None
    if ref is None or step not in ("+1", "-1"):
        return None
    years = range(ref.start.year - 1, ref.end.year + 2)
    if step == "+1":
        return min(y for y in years if period(y).start > ref.end),
    return max(y for y in years if period(y).end < ref.start),


def call_refmonth(ctx: Context, month: str, step: str) -> tuple[str, None]:
    """"the following January", "the previous December": the month after or before the last
    date the text named ("arrested in March 1995 and tried the following January": 1996-01);
    with none named, as "next January" is, from the DCT."""
    if not month:
        return "", None
    found = _after_ref(ctx, step, lambda y: Interval.month(y, int(month)))
    if found is None:
        return call_month(ctx, month, step)
    return f"{found[0]:04d}-{month}", None


def call_refseason(ctx: Context, code: str, step: str) -> tuple[str, None]:
    """"the following spring": the season after or before the last date named, as
    `call_refmonth`."""
    if not code:
        return "", None
    found = _after_ref(ctx, step, lambda y: Interval.season(y, code))
    if found is None:
        return call_season(ctx, code, step)
    return f"{found[0]:04d}-{code}", None


# Where "the first week of March" ... "the last week of March" start in the month (a day,
# or counted back from its end).
_WEEK_OF_MONTH = {"first": 1, "second": 8, "third": 15, "fourth": 22, "last": -7, "final": -7}


def call_monthweek(ctx: Context, nth: str, month: str, dir_: str, year: str) -> tuple[str, Interval | None]:
    """"the last week of June": seven days of the month, the month found as a month named
    alone is (or its year written); the value is the ISO week holding most of them."""
    if not month or nth.lower() not in _WEEK_OF_MONTH:
        return "", None
    named = f"{year}-{month}" if year else call_month(ctx, month, dir_)[0]
    iv = value_interval(named) if named else None
    if iv is None:
        return (f"XXXX-{month}" if named else ""), None
    first = _WEEK_OF_MONTH[nth.lower()]
    start = iv.start + timedelta(days=first - 1) if first > 0 else iv.end + timedelta(days=first + 1)
    end = start + timedelta(days=6)
    return _fmt(start + timedelta(days=3), "W"), Interval(start, end, Precision.WEEK)


def call_monthday(ctx: Context, month: str, day: str, dir_: str, weekday: str = "") -> tuple[str, None]:
    """A day of a month without a year. A weekday named with it ("Saturday, April 25")
    decides the year when one of the nearby years fits it."""
    if not month or not day:
        return "", None
    if _lent_year(ctx) is not None and not dir_ and not weekday:
        if not _valid(ctx.year_here, int(month), int(day)):
            return "", None
        return f"{_after_since(ctx, ctx.year_here, (int(month), int(day))):04d}-{month}-{day}", None
    told = _story_year(ctx, int(month), int(day)) if not dir_ and not weekday else None
    if told is not None:
        return f"{told:04d}-{month}-{day}", None
    if ctx.dct is None:
        return (f"XXXX-{month}-{day}" if _valid(2000, int(month), int(day)) else ""), None
    key, now = (int(month), int(day)), (ctx.dct.month, ctx.dct.day)
    if not _valid(2000, *key):  # "30 Feb" is no day of any year
        return "", None
    year = _year_for(ctx, key, now, dir_) if key != (2, 29) else None
    if (year is not None and year < ctx.dct.year and not dir_ and not ctx.over
            and _valid(ctx.dct.year, *key)):
        # News names a day of last year with its year; one a few days ahead of the DCT in a
        # past sentence is the coming one ("declared March 24 a day of mourning").
        ahead = (date(ctx.dct.year, *key) - ctx.dct).days
        if 0 < ahead <= MONTHDAY_AHEAD:
            year = ctx.dct.year
    if year is not None and not dir_ and not weekday and _valid(year, *key):
        year = _after_since(ctx, year, key)
    if weekday or year is None:
        fits = [y for y in (year or ctx.dct.year, ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1)
                if _valid(y, *key) and (not weekday or date(y, *key).isoweekday() == int(weekday))]
        year = fits[0] if fits else year
    if year is None:
        return f"XXXX-{month}-{day}", None
    return f"{year:04d}-{month}-{day}", None


def _after_since(ctx: Context, year: int, key: tuple[int, int]) -> int:
    """The year of a month-day ending a range ("closed from Feb. 28 through March 31", "from
    Dec. 28, 2019 to Jan. 3"): the first after the range's start when `year` puts it on or
    before that day."""
    if ctx.since is None or date(year, *key) > ctx.since:
        return year
    return next((y for y in (ctx.since.year, ctx.since.year + 1)
                 if _valid(y, *key) and date(y, *key) > ctx.since), year)


# How many days after the last day the story named a day of a month without a year may be
# and still continue that story's year ("On Jan. 7, 2015, ... On Jan. 9, ...").
STORY_DAYS = 45


def _story_year(ctx: Context, month: int, day: int) -> int | None:
    """The year of a story told in a year before the DCT's: a day of a month without a year
    that falls within STORY_DAYS after the last full date named, when that date is from an
    earlier year than the DCT ("gunmen stormed the offices on January 7, 2015 ... a
    policewoman shot dead on January 8" is 8 January 2015, not the coming 8 January)."""
    if ctx.dct is None or ctx.ref is None or not _FULL_DAY.match(ctx.ref):
        return None
    ref = date.fromisoformat(ctx.ref[:10])
    if ref.year >= ctx.dct.year:
        return None
    for year in (ref.year, ref.year + 1):
        if _valid(year, month, day) and 0 <= (date(year, month, day) - ref).days <= STORY_DAYS:
            return year if year < ctx.dct.year or date(year, month, day) <= ctx.dct else None
    return None


_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def call_monthref(ctx: Context, month: str) -> tuple[str, None]:
    """"November that year", "That September": the month in the year of the last date named,
    a season or a year too ("the summer of 2015 ... That September"; none: unknown)."""
    ref = value_interval(ctx.ref) if ctx.ref else None
    if not month:
        return "", None
    return (f"{ref.start.year:04d}-{month}" if ref is not None else f"XXXX-{month}"), None


def call_seasonref(ctx: Context, code: str) -> tuple[str, None]:
    """"the spring of that year": the season in the year of the last date named, as
    `call_monthref` takes a month (a season named last, "the spring of that year ... the
    summer of that year", gives its year too)."""
    ref = value_interval(ctx.ref) if ctx.ref else None
    if not code:
        return "", None
    return (f"{ref.start.year:04d}-{code}" if ref is not None else f"XXXX-{code}"), None


def call_dayofmonth(ctx: Context, day: str, weekday: str = "") -> tuple[str, None]:
    """A day of the month named alone ("arrives on the fifteenth"): in the DCT's month or a
    month next to it, the last one on or before the DCT in the past, the next one on or
    after it in the future, else the nearest. A weekday named with it ("Friday the 13th")
    keeps only the months where the day is that weekday."""
    if not day:
        return "", None
    if ctx.dct is None:
        return f"XXXX-XX-{int(day):02d}", None
    months = [_shift(ctx.dct.replace(day=1), n, "M") for n in (-1, 0, 1)]
    days = [m.replace(day=int(day)) for m in months if _valid(m.year, m.month, int(day))]
    if weekday:
        days = [d for d in days if d.isoweekday() == int(weekday)]
        if not days:  # no month near has that day on that weekday: the weekday alone
            return call_weekday(ctx, weekday, "")
    if ctx.tense < 0:
        days = [d for d in days if d <= ctx.dct]
    elif ctx.tense > 0:
        days = [d for d in days if d >= ctx.dct]
    if not days:
        return "", None
    return min(days, key=lambda d: abs((d - ctx.dct).days)).isoformat(), None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _season_of(d: date) -> tuple[int, int]:
    """(year, index in SEASON_ORDER) of the season a day falls in."""
    if d.month in (1, 2):
        return d.year - 1, 3
    if d.month == 12:
        return d.year, 3
    return d.year, (d.month - 3) // 3


def call_season(ctx: Context, code: str, dir_: str) -> tuple[str, None]:
    if not code:
        return "", None
    if ctx.dct is None:
        return f"XXXX-{code}", None
    y, now = _season_of(ctx.dct)
    idx = SEASON_ORDER.index(code)
    step = int(dir_) if dir_ else 0
    if dir_ == "0":
        # "this fall" is the fall of the DCT's year, even said in February; only "this
        # winter" is the winter under way, the one just ended in spring ("this winter has
        # been mild" said in March), else the one that begins in December.
        year = ctx.dct.year
        if code == "WI":
            year = y if now == 3 else ctx.dct.year - 1 if now == 0 else ctx.dct.year
    elif not dir_ and ctx.tense == 0 and ctx.present:
        # in the present the nearest; with no cue at all, as a month, the one that has
        # begun ("Over the summer, the rebels regrouped" written in February: last summer)
        mid = lambda year: Interval.season(year, code).start + timedelta(days=45)
        year = min((y - 1, y, y + 1), key=lambda yy: abs((mid(yy) - ctx.dct).days))
    elif step < 0 or (not dir_ and ctx.tense <= 0):
        year = y if (idx < now or (not dir_ and idx == now)) else y - 1
    else:
        year = y if (idx > now or (not dir_ and idx == now)) else y + 1
    return f"{year:04d}-{code}", None


def call_quarter(ctx: Context, q: str, dir_: str, shift: str = "") -> tuple[str, None]:
    """A quarter without a year: in a past sentence the last one that has begun; otherwise
    the nearest, as reports speak of the quarter just ended ("expects to report a loss for
    the third quarter", written in October). `shift` moves it by years ("year-ago")."""
    return _part_of_year(ctx, "Q", q, 3, dir_, shift)


def call_quarter_ended(ctx: Context, month: str, day: str) -> tuple[str, Interval | None]:
    """A quarter named by its last day ("the quarter ended July 31"): its value is the
    calendar quarter holding the middle of the three months before that day, so most of
    them (May-July is the second), its interval those three months. The day's year is found
    as a month-day's is, by the tense."""
    value, _ = call_monthday(ctx, month, day, "")
    if not value or value.startswith("X"):
        return ("XXXX-QX" if value else ""), None
    end = date.fromisoformat(value)
    start = _shift(end, -3, "M") + timedelta(days=1)
    return _fmt(end - timedelta(days=45), "Q"), Interval(start, end, Precision.QUARTER)


def call_quarter_ordinal_ended(ctx: Context, q: str, month: str, day: str, year: str = ""
                               ) -> tuple[str, Interval | None]:
    """An ordinal quarter named with its last day ("its second quarter ended Oct. 31"): a
    fiscal quarter keeps its ordinal, but its year is the year of that day, found as a
    month-day's is (told on Oct. 27, "ended Oct. 31" has gone by: 1988-Q2), and its interval
    is the three months to that day ("ended Sept. 30, 1988": the year written)."""
    value = f"{year}-{month}-{day}" if year else call_monthday(ctx, month, day, "")[0]
    if value and not value.startswith("X") and value_interval(value) is None:
        return "", None  # a day no calendar has
    if not value or value.startswith("X"):
        return call_quarter(ctx, q, "")
    end = date.fromisoformat(value)
    start = _shift(end, -3, "M") + timedelta(days=1)
    return f"{end.year:04d}-Q{q}", Interval(start, end, Precision.QUARTER)


def call_quarter_month(ctx: Context, month: str) -> tuple[str, Interval | None]:
    """"the June quarter", "the September quarter": the three months ending with that month,
    the month's year found as a month alone is; valued as `call_quarter_ended`."""
    value, _ = call_month(ctx, month, "")
    last = value_interval(value) if value else None
    if last is None:
        return ("XXXX-QX" if value else ""), None
    start = _shift(last.start, -2, "M")
    return _fmt(last.end - timedelta(days=45), "Q"), Interval(start, last.end, Precision.QUARTER)


def call_half(ctx: Context, h: str, dir_: str = "", shift: str = "") -> tuple[str, None]:
    """A half year without a year ("the first half"), chosen as a quarter is."""
    return _part_of_year(ctx, "H", h, 6, dir_, shift)


def _part_of_year(ctx: Context, code: str, n: str, months: int, dir_: str, shift: str = ""
                  ) -> tuple[str, None]:
    """The year of the `n`th part of `months` months (a quarter, a half) named without one."""
    if not n:
        return "", None
    if ctx.dct is None:
        return f"XXXX-{code}{n}", None
    now = (ctx.dct.month - 1) // months + 1
    if ctx.tense < 0 and not dir_:
        year = _year_for(ctx, (int(n),), (now,), dir_)
    elif ctx.tense > 0 and not dir_:
        # A sentence that looks ahead names a part under way or to come, or one just ended
        # whose figures are yet to come ("expects to report a loss for the third quarter"
        # in October); one ended longer ago is not the one meant: "growth will pick up in
        # the second half" said in March is this year's, not last year's nearer middle
        year = next(y for y in range(ctx.dct.year - 1, ctx.dct.year + 2)
                    if _ended(y, int(n), months) >= ctx.dct - REPORT_DAYS)
    else:
        middle = lambda y: date(y, months * int(n) - months // 2, 15)
        year = _year_for(ctx, (int(n),), (now,), dir_, when=middle)
    return f"{year + int(shift or 0):04d}-{code}{n}", None


def _ended(year: int, n: int, months: int) -> date:
    """The last day of the `n`th part of `months` months of `year`."""
    return _shift(date(year, 1, 1), n * months, "M") - timedelta(days=1)


def call_weekend(ctx: Context, dir_: str = "") -> tuple[str, None]:
    if not dir_ and ctx.day_here is not None:
        # "Shortly after 4pm on Saturday 3 May 2025, he walked into the station, crowded with
        # people leaving the city for the weekend": the weekend of the day just named
        y, w, _ = ctx.day_here.isocalendar()
        return f"{y:04d}-W{w:02d}-WE", None
    if ctx.dct is None:
        return "XXXX-WXX-WE", None
    d = ctx.dct
    # With no cue at all, as a weekday, the one just past ("Over the weekend, troops moved"
    # in Wednesday's paper); in the present the nearest: on a Monday or Tuesday the one just
    # past, later in the week the coming one ("Plans for the weekend are unclear").
    nearest_past = not dir_ and ctx.tense == 0 and (not ctx.present or d.isoweekday() <= 2)
    if dir_ == "-1" or (not dir_ and ctx.tense < 0 and d.isoweekday() < 6) or nearest_past:
        d -= timedelta(days=7)
    elif dir_ == "+1" and d.isoweekday() >= 6:
        d += timedelta(days=7)
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}-WE", None


def call_numdate(ctx: Context, a: str, b: str, y: str) -> tuple[str, Interval | None]:
    """A numeric date: the order (month/day or day/month) the document's other numeric dates
    show, else the reading that is valid, else the one nearest before the DCT, else US."""
    year = int(y) if len(y) != 2 else century_year(int(y), ctx.dct)
    readings = []
    for month, day in ((int(a), int(b)), (int(b), int(a))):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            readings.append(None)
    us, day_first = readings
    if ctx.day_first is not None:
        pick = day_first if ctx.day_first else us
    elif us is None or day_first is None or us == day_first:
        pick = us or day_first
    elif ctx.dct is not None:
        before = [d for d in readings if d <= ctx.dct]
        pick = max(before) if before else us
    else:
        pick = us
    return (pick.isoformat() if pick else ""), None


def call_clock(ctx: Context, hour: str, minute: str, ampm: str) -> tuple[str, Interval]:
    """A time of day. Its value takes the DCT's day as TimeML writes it, but it gets no
    interval: the text did not say which day."""
    h = int(hour)
    if ampm:
        h = h % 12 + (12 if ampm.lower() == "p" else 0)
    clock = f"T{h:02d}:{minute or '00'}" if h != 24 else "T24:00"
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return day + clock, NO_INTERVAL


def call_daypart(ctx: Context, code: str) -> tuple[str, Interval]:
    """A part of a day whose day is not said ("at dawn"): as a clock time, the DCT's day in
    its value (TimeML) and no interval, until a day next to it joins it."""
    if not code:
        return "", NO_INTERVAL
    return (ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX") + "T" + code, NO_INTERVAL


# A fraction of a unit written in the next smaller one, as TimeBank does (2 1/2 years =
# P2Y6M): unit -> (smaller unit, how many of it make one).
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60),
            "TM": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100), "Q": ("M", 3)}


# Counted decades and centuries are written in years, as TimeBank writes them (P20Y).
_IN_YEARS = {"DE": 10, "CE": 100}


def call_dur(ctx: Context, n: str, unit: str, half: str = "") -> tuple[str, None]:
    """A duration: n units (n may be X, or have a half: "two and a half years")."""
    if not unit or not n:
        return "", None
    if unit == "2W":
        unit, n = "W", ("X" if n == "X" else str(float(n) * 2))
    if n == "X":
        return (f"PTX{unit[1:]}" if unit.startswith("T") else f"PX{unit}"), None
    f = float(n) + (0.5 if half else 0)
    if f <= 0:  # "0 days" measures nothing
        return "", None
    if unit in _IN_YEARS:  # "two decades" is P20Y: ISO 8601 has no decade or century unit
        f, unit = f * _IN_YEARS[unit], "Y"
    whole, frac = int(f), f - int(f)
    parts = [(whole, unit)] if whole else []
    if frac and unit in _SMALLER:
        small, many = _SMALLER[unit]
        parts.append((round(frac * many), small))
    elif frac:
        parts = [(f, unit)]
    date_part = "".join(f"{k:g}{u}" for k, u in parts if not u.startswith("T") and u != "S")
    time_part = "".join(f"{k:g}{u.lstrip('T')}" for k, u in parts if u.startswith("T") or u == "S")
    return "P" + date_part + ("T" + time_part if time_part else ""), None


def call_week_of(ctx: Context, month: str, day: str, year: str) -> tuple[str, None]:
    """"the week of March 16": the ISO week holding that day, the day's year written or found
    as a month-day's is."""
    value = f"{year}-{month}-{day}" if year else call_monthday(ctx, month, day, "")[0]
    if not value or value.startswith("X"):
        return ("XXXX-WXX" if value else ""), None
    try:
        return _fmt(date.fromisoformat(value), "W"), None
    except ValueError:
        return "", None  # a day no calendar has


def call_ago_at(ctx: Context, n: str, unit: str, sign: str, grain: str) -> tuple[str, None]:
    """`n` units before or after the DCT told at the granularity of the words after it:
    "two years ago this month" (the DCT's month two years back), "a year ago today", "this
    time last year" (the DCT's day a year back). No count is one, no sign back."""
    if not unit or not grain or n == "X":
        return "", None
    n, sign = n or "1", sign or "-1"
    if ctx.dct is None:
        return _UNKNOWN.get(grain, "XXXX"), None
    return _fmt(_shift(ctx.dct, float(n) * int(sign), unit), grain), None


def call_inyear(ctx: Context, n: str, suffix: str) -> tuple[str, None]:
    """A part of a year named by its distance from the DCT's: "July last year" (-1, -07)."""
    if not n or not suffix:
        return "", None
    year = f"{ctx.dct.year + int(n):04d}" if ctx.dct else "XXXX"
    return year + suffix, None


def call_years(ctx: Context, first: str, last: str) -> tuple[str, Interval | None]:
    """A run of years ("2014-2016", "2015-16", "2015/16"): the first year's value, an
    interval to the end of the last. A short second year must be the next one ("2015-16"),
    or a later one of the same century that no month could be ("1990-94"); anything else
    ("2015-12", a month; "2016-2014") is no run of years."""
    y = int(first)
    end = int(last) if len(last) == 4 else None
    if len(last) == 2 and int(last) == (y + 1) % 100:
        end = y + 1
    elif len(last) == 2 and int(last) > 12:
        end = y - y % 100 + int(last)
    if end is None or not y < end <= y + 50:
        return "", None
    return first, Interval(date(y, 1, 1), date(end, 12, 31), Precision.YEAR)


def call_yearplus(ctx: Context, base: str, n: str) -> tuple[str, None]:
    return str(int(base) + int(n or 0)), None


def call_holiday(ctx: Context, rule: str, year: str) -> tuple[str, None]:
    """A holiday: its day in the year given, else in the year the tense and the DCT give.
    `rule` is a fixed day ("12-25"), the nth weekday of a month ("11-4-4", the fourth
    Thursday of November; "05-1-L", the last Monday of May), or a shift from Easter
    Sunday ("E-2", Good Friday); "+N" after an nth weekday shifts it by days ("11-4-4+1",
    the day after Thanksgiving)."""
    if not rule:
        return "", None
    if year:
        day = holiday_date(rule, int(year))
        return (day.isoformat() if day else ""), None
    if ctx.dct is None:
        return (f"XXXX-{rule}" if re.fullmatch(r"\d\d-\d\d", rule) else "XXXX-XX-XX"), None
    near = holiday_date(rule, ctx.dct.year)
    if near is None:
        return "", None
    value, _ = call_monthday(ctx, f"{near.month:02d}", f"{near.day:02d}", "")
    day = holiday_date(rule, int(value[:4])) if value else None
    return (day.isoformat() if day else ""), None


def holiday_date(rule: str, year: int) -> date | None:
    """The day a holiday rule of holiday.tsv gives in a year."""
    rule, _, after = rule.partition("+")
    if after:
        day = holiday_date(rule, year)
        return day + timedelta(days=int(after)) if day and after.isdigit() else None
    parts = rule.split("-") if not rule.startswith("E") else ["E", rule[1:]]
    try:
        if parts[0] == "E":
            return _easter(year) + timedelta(days=int(parts[1] or 0))
        if len(parts) == 2:
            return date(year, int(parts[0]), int(parts[1]))
        month, weekday, nth = int(parts[0]), int(parts[1]), parts[2]
    except (ValueError, IndexError):
        return None
    first = date(year, month, 1)
    days = [first + timedelta(days=i) for i in range(calendar.monthrange(year, month)[1])]
    matching = [d for d in days if d.isoweekday() == weekday]
    return matching[-1] if nth == "L" else matching[int(nth) - 1]


def _easter(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)


def call_in(ctx: Context, n: str, unit: str) -> tuple[str, None]:
    """"(redeemed) in five years": in a sentence that looks ahead, the point that far after
    the DCT, at the unit's granularity (TimeML: a DATE); otherwise a length ("rose 5% in
    two years"), which the caller types as a DURATION by its P value."""
    if ctx.tense > 0 and ctx.dct is not None and n not in ("", "X") and unit in _UNKNOWN:
        return _fmt(_shift(ctx.dct, float(n), unit), unit), None
    return call_dur(ctx, n, unit)


def call_century(ctx: Context, n: str) -> tuple[str, None]:
    return f"{int(n) - 1:02d}", None


CALLS = {
    "DCT": call_dct,
    "SHIFT": call_shift,
    "AGO": call_ago,
    "AGOAT": call_ago_at,
    "REF": call_ref,
    "WEEKDAY": call_weekday,
    "WEEKDAYPLUS": call_weekday_plus,
    "MONTH": call_month,
    "MONTHDAY": call_monthday,
    "WEEKOF": call_week_of,
    "WEEKDAYTHAT": call_weekday_that,
    "NAMEDDAY": call_named_day,
    "MONTHWEEK": call_monthweek,
    "REFMONTH": call_refmonth,
    "REFSEASON": call_refseason,
    "MONTHREF": call_monthref,
    "SEASONREF": call_seasonref,
    "DAYOFMONTH": call_dayofmonth,
    "SEASON": call_season,
    "QUARTER": call_quarter,
    "QENDED": call_quarter_ended,
    "QORDENDED": call_quarter_ordinal_ended,
    "QMONTH": call_quarter_month,
    "HALF": call_half,
    "WEEKEND": call_weekend,
    "NUMDATE": call_numdate,
    "CLOCK": call_clock,
    "DAYPART": call_daypart,
    "DUR": call_dur,
    "IN": call_in,
    "CENTURY": call_century,
    "INYEAR": call_inyear,
    "YEARPLUS": call_yearplus,
    "YEARS": call_years,
    "HOLIDAY": call_holiday,
}
