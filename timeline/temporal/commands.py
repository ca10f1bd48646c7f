"""What `timeline dates` and `timeline eval timex` do, as functions the CLI only calls.

Input is decoded as `ingest` decodes an article (UTF-8 with or without its BOM, UTF-16 or 32,
Windows-1252; corrupt UTF-8 and binary files refused in the same words) but nothing is
normalised, so the offsets printed are offsets into the text exactly as it was decoded.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from timeline.errors import TimelineError

from . import Timex, tag


class DctError(TimelineError):
    """A document creation time that is not a calendar date."""


class InputError(TimelineError):
    """Input the tagger cannot read: a missing file, a directory. (Undecodable bytes are the
    readers' ReadError, in the words ingest uses.)"""


def parse_dct(value: str | None) -> date | None:
    """A DCT given as YYYY-MM-DD (None stays None: relative dates then keep their X's)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise DctError(f"--dct: {value!r} is not a date of the form YYYY-MM-DD") from None


def read_text(source: str) -> str:
    """The text of a file, or of standard input for "-", decoded as ingest decodes it."""
    from timeline.readers.decode import decode

    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory, not a text file") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        return data.decode("ascii")  # white space only: no dates, not an error here
    return decode(data, source)  # a ReadError is one line naming the source


def find_dates(source: str, dct: str | None) -> list[Timex]:
    """The temporal expressions of a file (or "-") against a DCT given as text."""
    when = parse_dct(dct)
    return tag(read_text(source), when)


def jsonl_lines(timexes: Iterable[Timex]) -> Iterator[str]:
    """One JSON object a line, in the shape the event extractor reads."""
    for t in timexes:
        yield json.dumps(t.to_json(), ensure_ascii=False)


def timex_table(timexes: Iterable[Timex]):
    """A rich table of the expressions, for a terminal."""
    from rich.table import Table

    table = Table("span", "text", "type", "value", "mod", "interval")
    for column in table.columns:  # values and intervals are read whole; the text folds
        column.no_wrap = column.header != "text"
    table.columns[1].overflow = "fold"
    for t in timexes:
        iv = t.interval
        table.add_row(f"{t.start}-{t.end}", t.text, t.type, t.value, t.mod or "",
                      f"{iv.start}..{iv.end} {iv.precision}" if iv else "")
    return table


def eval_timex(gold_path: str) -> dict:
    """Tag every document of a TimeBank-shaped gold file and score it the TempEval-3 way."""
    from .evaluate import GoldFileError, evaluate, read_gold

    try:
        return evaluate(read_gold(gold_path))
    except GoldFileError as exc:
        raise InputError(str(exc)) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{gold_path}: not a TimeBank-shaped gold file ({exc})") from None


def report_lines(figures: dict) -> Iterator[str]:
    """The figures as the shared scorer prints them, one `name: value` a line, and then a
    line for each gold type."""
    for key, value in figures.items():
        if key != "per_type":
            yield f"{key:>11}: {value}"
    for kind, row in figures.get("per_type", {}).items():
        yield f"{kind:>11}: " + ", ".join(f"{k} {v}" for k, v in row.items())
