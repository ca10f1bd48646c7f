"""Streaming writers for events and articles: the export contract's columns, in one list.

Every writer takes an iterator and writes as it reads, so memory stays flat however many rows
there are: JSON arrays and TimelineJS documents are written piece by piece, never built whole.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from operator import itemgetter
from typing import TextIO

# The export contract: other tools and the scorer read these keys. Extend, never rename.
EVENT_COLUMNS = [
    "id", "source", "article_id", "published", "type", "date_start", "date_end", "precision",
    "date_text", "date_basis", "sentence", "trigger", "actors", "location", "country",
    "killed", "injured", "confidence", "status", "incident_id", "reports", "plover", "acled",
]
ARTICLE_COLUMNS = ["id", "source", "title", "published", "published_precision", "published_basis",
                   "url", "author"]
FORMATS = ("csv", "json", "jsonl", "timelinejs")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection):
# a leading single quote makes it text. OWASP's list.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with the byte order mark


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def json_default(value):
    """json.dumps' fallback for what the database returns beyond JSON's types."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def shape(rows: Iterable[dict], columns: list[str]) -> Iterator[dict]:
    """Each row cut to the contract's columns, in order, with dates as ISO strings."""
    for row in rows:
        yield {c: _plain(row.get(c)) for c in columns}


def write_jsonl(rows: Iterable[dict], columns: list[str], out: TextIO, **_) -> int:
    count = 0
    for count, row in enumerate(shape(rows, columns), 1):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return count


def write_json(rows: Iterable[dict], columns: list[str], out: TextIO, **_) -> int:
    """One JSON array, an object a line, written as the rows come."""
    count = 0
    out.write("[")
    for count, row in enumerate(shape(rows, columns), 1):
        out.write(("\n" if count == 1 else ",\n") + json.dumps(row, ensure_ascii=False))
    out.write("\n]\n" if count else "]\n")
    return count


def neutralise(value):
    """A text cell that a spreadsheet would run as a formula, made inert with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Iterable[dict], columns: list[str], out: TextIO, *, excel: bool = False,
              raw: bool = False, **_) -> int:
    writer = _csv_writer(out, columns, excel)
    count = 0
    for count, row in enumerate(shape(rows, columns), 1):
        if isinstance(row.get("actors"), list):
            row["actors"] = "; ".join(row["actors"])
        values = row.values() if raw else map(neutralise, row.values())
        writer.writerow(values)
    return count


# Export columns that hold numbers, ISO dates or a word of a fixed vocabulary (checked by the
# schema or shipped in the taxonomy): none can start like a formula, so the fast CSV path
# (store.export_cells) looks only at the others.
NEVER_FORMULA = frozenset({"id", "article_id", "published", "type", "date_start", "date_end",
                           "precision", "date_basis", "killed", "injured", "confidence",
                           "status", "incident_id", "reports", "plover", "acled"})


def _csv_writer(out: TextIO, columns: list[str], excel: bool):
    """A CSV writer with the header written: both CSV writers share it, so they agree."""
    if excel:
        out.write(EXCEL_BOM)
    # CRLF, as RFC 4180, Python's csv and sqlite-utils write it: with "\n" alone the csv
    # module would leave a cell holding a bare carriage return unquoted, splitting the row.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    return writer


def write_csv_rows(chunks: Iterable[list], columns: list[str], out: TextIO, *,
                   excel: bool = False) -> int:
    """CSV from chunks of rows already in `columns` order and already CSV cells
    (store.iter_event_rows: formulas made inert there unless --raw): the same bytes as
    `write_csv`, at the speed a million rows need."""
    writer = _csv_writer(out, columns, excel)
    count = 0
    for chunk in chunks:
        writer.writerows(chunk)
        count += len(chunk)
    return count


def write_csv_lines(chunks: Iterable[list], columns: list[str], out: TextIO, *,
                    excel: bool = False) -> int:
    """CSV from chunks of rows of one cell, a finished line (store.iter_csv_lines): the same
    bytes as `write_csv`, a chunk a write."""
    _csv_writer(out, columns, excel)
    count = 0
    line = itemgetter(0)
    for chunk in chunks:
        out.write("".join(map(line, chunk)))
        count += len(chunk)
    return count


def csv_field(value) -> str:
    """`value` as csv.writer writes it, a field among others (alone, an empty one is quoted)."""
    line = io.StringIO()
    csv.writer(line, lineterminator="\r\n").writerow([value, None])
    return line.getvalue()[:-len(",\r\n")]


def export_csv(conn, flt, out: TextIO, *, excel: bool = False, raw: bool = False) -> int:
    """`export --format csv`: the filtered events (a store.EventFilter) written as the
    database makes them, whole lines on SQLite (store.csv_line), cells elsewhere
    (store.export_cells: PostgreSQL prints floats its own way, which only Python's csv
    matches); formulas made inert unless `raw`. Returns how many were written."""
    from timeline.store import iter_csv_lines, iter_event_rows

    inert = () if raw else FORMULA_STARTS
    if conn.dialect.name == "sqlite":
        return write_csv_lines(iter_csv_lines(conn, flt, EVENT_COLUMNS, inert=inert),
                               EVENT_COLUMNS, out, excel=excel)
    return write_csv_rows(iter_event_rows(conn, flt, EVENT_COLUMNS, inert=inert),
                          EVENT_COLUMNS, out, excel=excel)


# -- TimelineJS 3 (https://timeline.knightlab.com/docs/json-format.html) --------------------

TIMELINEJS_PARTS = {  # which parts of a date TimelineJS is told, by precision: never more
    "day": ("year", "month", "day"), "week": ("year", "month", "day"),
    "month": ("year", "month"), "season": ("year", "month"), "quarter": ("year", "month"),
    "year": ("year",), "decade": ("year",),
}


def _tjs_date(day: date | None, precision: str) -> dict | None:
    if day is None:
        return None
    return {part: str(getattr(day, part)) for part in TIMELINEJS_PARTS.get(precision, ("year",))}


def timelinejs_event(row: dict) -> dict | None:
    """One TimelineJS slide for an event; None for an undated event (TimelineJS needs a date)."""
    start = _tjs_date(row.get("date_start"), row.get("precision") or "unknown")
    if start is None:
        return None
    from timeline.render import show_date, source_name

    event = {"start_date": start,
             "text": {"headline": html.escape(_headline(row)),
                      "text": f"<p>{html.escape(row['sentence'])}</p>"
                              f"<p><small>{html.escape(source_name(row.get('source')))}"
                              "</small></p>"},
             "group": row["type"], "unique_id": f"event-{row['id']}",
             "display_date": show_date(row)}
    if row.get("date_end") and row["date_end"] != row["date_start"]:
        event["end_date"] = _tjs_date(row["date_end"], row["precision"])
    return event


def _headline(row: dict) -> str:
    who = "; ".join(row.get("actors") or [])
    where = row.get("location") or row.get("country") or ""
    return " · ".join(p for p in (row["type"].replace("_", " "), who, where) if p)


def write_timelinejs(rows: Iterable[dict], columns: list[str], out: TextIO, *,
                     title: str = "Timeline", **_) -> int:
    """A TimelineJS3 document; undated events are left out (they have no place on the line)."""
    head = {"headline": html.escape(title), "text": ""}
    out.write('{"title": {"text": ' + json.dumps(head, ensure_ascii=False) + '},\n "events": [')
    count = 0
    for row in rows:
        event = timelinejs_event(row)
        if event is None:
            continue
        count += 1
        out.write(("\n  " if count == 1 else ",\n  ") + json.dumps(event, ensure_ascii=False))
    out.write("\n ]}\n")
    return count


WRITERS = {"csv": write_csv, "json": write_json, "jsonl": write_jsonl,
           "timelinejs": write_timelinejs}


def write(rows: Iterable[dict], columns: list[str], fmt: str, out: TextIO, **options) -> int:
    """Write rows in `fmt` (one of FORMATS); returns how many were written."""
    return WRITERS[fmt](rows, columns, out, **options)
