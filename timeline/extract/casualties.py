"""Death and injury tolls stated in a sentence: "seven people were killed", "at least a dozen"."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..fold import Leading, lowered_pattern, lowered_text


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("timeline.extract").joinpath("data/casualties.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _rules():
    data = _data()
    rules = []
    for p in data["patterns"]:
        src = p["pattern"].replace("{HEDGE}", data["hedge"]).replace("{NUM}", data["num"]) \
            .replace("{WHO}", data["who"]).replace("{ONE}", data["one"])
        low = lowered_pattern(src)
        rules.append((p["kind"], re.compile(src, re.I), low and Leading(low)))
    return rules, data["numbers"]


def number(text: str) -> int | None:
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    numbers = _rules()[1]
    if t in numbers:
        return numbers[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in numbers and parts[1] in numbers:
        return numbers[parts[0]] + numbers[parts[1]]
    return None


@lru_cache(maxsize=256)
def _toll(text: str) -> tuple[tuple[str, int], ...]:
    return tuple(_find_toll(text).items())


def toll(text: str) -> dict[str, int]:
    """The killed and injured counts stated in `text` (cached: a sentence is asked several times)."""
    return dict(_toll(text))


@lru_cache(maxsize=1)
def _counted_others() -> re.Pattern:
    data = _data()
    return re.compile(rf"\b{data['hedge']}{data['num']}\s+others?\b", re.I)


@lru_cache(maxsize=1)
def _uncounted_injured() -> re.Pattern:
    return re.compile(_data()["uncounted_injured"], re.I)


@lru_cache(maxsize=1)
def _toll_update() -> re.Pattern:
    data = _data()
    return re.compile(data["toll_update"].replace("{HEDGE}", data["hedge"]).replace("{NUM}", data["num"]), re.I)


def updated_toll(text: str) -> int | None:
    """The death toll `text` gives as an update of an earlier one ("the death toll rose to 26")."""
    m = _toll_update().search(text)
    return number(m.group("n")) if m else None


@lru_cache(maxsize=1)
def _in_told_event() -> re.Pattern:
    return re.compile(_data()["in_told_event"], re.I)


def in_told_event(text: str, at: int) -> bool:
    """Does `text` go on at `at` with the event the toll fell in ("... killed in the fighting")?"""
    return _in_told_event().match(text, at) is not None


@lru_cache(maxsize=1)
def _people_count() -> re.Pattern:
    return re.compile(_data()["people_count"], re.I)


def people_counts(text: str) -> set[int]:
    """The counts of people `text` states ("three suspected accomplices", "Five were arrested"),
    not of years, kilometres or hours."""
    return {number(m.group("n")) for m in _people_count().finditer(text)}


def number_pattern() -> str:
    """A number as news writes a count (digits, words, "a dozen"), as a regex without groups."""
    return _data()["num"].replace("(?P<n>", "(?:")


def uncounted_injured(text: str) -> bool:
    """Are the wounded told as a crowd, not a number ("injuring dozens more")?"""
    return _uncounted_injured().search(text) is not None


def without_counted_others(text: str) -> str:
    """`text` without its counts of more victims ("two other soldiers", "11 others"): in a toll,
    "other" adds victims to the event told, it does not tell of another event."""
    return _counted_others().sub(" ", text)


_YEAR = re.compile(r"\d{4}$")


def _find_toll(text: str) -> dict[str, int]:
    """The killed and injured counts stated in `text`; the largest figure of each kind wins
    (a sentence that updates a toll gives the newer, larger number)."""
    rules, _ = _rules()
    low = lowered_text(text)
    found: dict[str, int] = {}
    for kind, rx, rx_low in rules:
        # the number group is read case-blind, so the lowered text's match gives the same
        for m in rx.finditer(text) if low is None or rx_low is None else (m for m, _, _ in rx_low.spans(low)):
            n = number(m.group("n"))
            if n is None or n > 100000:
                continue
            if _YEAR.match(m.group("n")) and 1900 <= n <= 2100:
                continue  # a year, not a count
            found[kind] = max(found.get(kind, 0), n)
    return found
