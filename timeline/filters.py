"""What a person types into a filter, resolved to what the store queries: dates, countries, types.

Each resolver raises ValueError with a message naming the value, so the CLI can turn it into a
usage error; dateparser and pycountry are imported only when a value needs them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from importlib import resources

from timeline.intervals import Interval, parse_iso

_ISO_SHAPE = re.compile(r"^\s*\d{1,4}(-\d{1,2}){0,2}\s*$")
DATE_FORMS = "not a date of the form YYYY, YYYY-MM or YYYY-MM-DD, nor words such as 'last year'"


def date_bound(text: str, today: date | None = None) -> Interval:
    """'2020', '2020-04', '2020-04-02', or words ('last year', 'yesterday', '3 weeks ago').

    Words are resolved against today and keep the precision they speak of: 'last year' is the
    whole of last year, 'last month' that month, '3 weeks ago' that ISO week.
    """
    if _ISO_SHAPE.match(text):
        return parse_iso(text)  # digits only: never guessed by dateparser ('12' is not December)
    if not re.search(r"[A-Za-z]", text):
        raise ValueError(f"{DATE_FORMS}: {text!r}")
    return _words(text, today or date.today())


def _words(text: str, today: date) -> Interval:
    from datetime import datetime

    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        "PREFER_DATES_FROM": "past"})
    found = parser.get_date_data(text)
    if found.date_obj is None:
        raise ValueError(f"{DATE_FORMS}: {text!r}")
    day = found.date_obj.date()
    if found.period == "year":
        return Interval.year(day.year)
    if found.period == "month":
        return Interval.month(day.year, day.month)
    if found.period == "week":
        year, week, _ = day.isocalendar()
        return Interval.week(year, week)
    return Interval.day(day)


def country_code(text: str) -> str:
    """An ISO 3166-1 alpha-2 code from a code (RU, RUS) or a name (Russia, Syria)."""
    import pycountry

    value = text.strip()
    if not value:
        raise ValueError("an empty country")
    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(value)
    except LookupError:
        found = []
    # A fuzzy match is trusted only when it is unambiguous ("Russia"), never a guess among many.
    if len(found) == 1 and len(value) > 3:
        return found[0].alpha_2
    raise ValueError(f"not a country name or ISO code: {text!r}")


def country_name(code: str | None) -> str | None:
    """The common name of an ISO alpha-2 code, for display; the code itself if unknown."""
    if not code:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or getattr(found, "name", code) if found else code


@lru_cache(maxsize=1)
def event_types() -> dict[str, dict]:
    """The taxonomy as the terminal shows it (type -> colour, symbol, doc), from its data file."""
    data = json.loads(resources.files("timeline").joinpath("data/event_types.json").read_text(
        encoding="utf-8"))
    return {name: spec for name, spec in data.items() if not name.startswith("_")}


def event_type(text: str) -> str:
    """A known event type, given in any case and with spaces or hyphens for underscores."""
    name = re.sub(r"[\s-]+", "_", text.strip().lower())
    if name not in event_types():
        known = ", ".join(sorted(event_types()))
        raise ValueError(f"unknown event type {text!r} (known: {known})")
    return name


def date_interval(text: str, today: date | None = None) -> Interval:
    """A date an analyst gives an event: one date_bound, or a run 'A..B' ('2017-10-04..05' is
    not accepted: each side is a whole date). The run keeps the coarser precision of its ends."""
    from timeline.intervals import PRECISION_ORDER

    if ".." not in text:
        return date_bound(text, today)
    first, _, last = text.partition("..")
    start, end = date_bound(first.strip(), today), date_bound(last.strip(), today)
    if end.end < start.start:
        raise ValueError(f"the run {text!r} ends before it starts")
    precision = max(start.precision, end.precision, key=PRECISION_ORDER.index)
    return Interval(start.start, end.end, precision)
