"""What a person types into a filter, resolved to what the store queries: dates, countries, types.

Each resolver raises ValueError with a message naming the value, so the CLI can turn it into a
usage error; dateparser and pycountry are imported only when a value needs them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

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


EXTRACT_DATA = Path(__file__).resolve().parent / "extract" / "data"


@lru_cache(maxsize=None)
def extract_data(name: str) -> dict:
    """A data file of the extractors, read without importing them (they are slow to import and
    `--type` or `--actor` must stay quick); empty when the file is not there."""
    path = EXTRACT_DATA / name
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@lru_cache(maxsize=1)
def event_types() -> dict[str, dict]:
    """How each type looks in the terminal (type -> colour, symbol, doc), from its data file."""
    # A path beside this module, as EXTRACT_DATA: importlib.resources.files() imported its
    # readers first, three quarters of this function's cost at `list`'s start.
    path = Path(__file__).resolve().parent / "data" / "event_types.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: spec for name, spec in data.items() if not name.startswith("_")}


def known_types() -> list[str]:
    """The taxonomy's types (the extractors' data file), else the ones the terminal can show."""
    return list(extract_data("taxonomy.json").get("types", {})) or list(event_types())


def event_type(text: str) -> str:
    """A known event type, given in any case and with spaces or hyphens for underscores."""
    name = re.sub(r"[\s-]+", "_", text.strip().lower())
    if name not in known_types():
        raise ValueError(f"unknown event type {text!r} (known: {', '.join(known_types())})")
    return name


def actor_names(name: str) -> list[str]:
    """The names to look for when a user asks for an actor: the name itself and the canonical
    name the extractors' gazetteer gives it ('Daesh', 'isil' -> 'Islamic State'), any case.
    Aliases met in articles are in the database too; the gazetteer adds those never seen."""
    needle = name.strip().lower()
    found = [name.strip()]
    for canonical, entry in extract_data("actors.json").get("actors", {}).items():
        names = [canonical, *entry.get("aliases", []), *entry.get("exact", [])]
        if needle in (n.lower() for n in names) and canonical not in found:
            found.append(canonical)
    return found


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
