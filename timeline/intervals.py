"""Dates as intervals with a precision: the one way the whole product speaks about time."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Precision(StrEnum):
    """How finely a date is known; an interval never claims more than its precision."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    UNKNOWN = "unknown"


# The months a TimeML season code covers (northern hemisphere, meteorological seasons).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

# Coarseness order, finest first: used to pick the coarser of two precisions.
PRECISION_ORDER = [p for p in Precision]


@dataclass(frozen=True, order=True)
class Interval:
    """An inclusive span of days, [start, end], known to a given precision."""

    start: date
    end: date
    precision: Precision

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"interval ends before it starts: {self.start} > {self.end}")

    @classmethod
    def day(cls, d: date) -> Interval:
        return cls(d, d, Precision.DAY)

    @classmethod
    def days(cls, start: date, end: date) -> Interval:
        """A run of whole days, such as "4 and 5 October 2017"."""
        return cls(start, end, Precision.DAY)

    @classmethod
    def week(cls, year: int, week: int) -> Interval:
        start = date.fromisocalendar(year, week, 1)
        return cls(start, start + timedelta(days=6), Precision.WEEK)

    @classmethod
    def month(cls, year: int, month: int) -> Interval:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), Precision.MONTH)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Interval:
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), cls.month(year, first + 2).end, Precision.QUARTER)

    @classmethod
    def season(cls, year: int, code: str) -> Interval:
        """A TimeML season of a year: SP (March-May), SU (June-August), FA (September-
        November), WI (December of that year to February of the next)."""
        first, last = SEASON_MONTHS[code]
        end_year = year + 1 if last < first else year
        end = cls.month(end_year, last).end
        return cls(date(year, first, 1), end, Precision.SEASON)

    @classmethod
    def year(cls, year: int) -> Interval:
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)

    @classmethod
    def decade(cls, decade_start: int) -> Interval:
        return cls(date(decade_start, 1, 1), date(decade_start + 9, 12, 31), Precision.DECADE)

    @property
    def length_days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


def parse_iso(text: str) -> Interval:
    """'2020' -> the year, '2020-04' -> the month, '2020-04-02' -> the day; ValueError otherwise."""
    parts = text.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}") from None
    if len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]) or len(parts) > 3:
        raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
    try:
        if len(numbers) == 1:
            return Interval.year(numbers[0])
        if len(numbers) == 2:
            return Interval.month(*numbers)
        return Interval.day(date(*numbers))
    except ValueError as exc:
        raise ValueError(f"impossible date {text!r}: {exc}") from None
