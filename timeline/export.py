"""Streaming writers for events and articles: the export contract's columns, in one list."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TextIO

# The export contract: other tools and the scorer read these keys. Extend, never rename.
EVENT_COLUMNS = [
    "id", "source", "article_id", "published", "type", "date_start", "date_end", "precision",
    "date_text", "date_basis", "sentence", "trigger", "actors", "location", "country",
    "killed", "injured", "confidence", "status", "incident_id", "reports",
]
ARTICLE_COLUMNS = ["id", "source", "title", "published", "published_precision", "published_basis",
                   "url", "author"]
FORMATS = ("csv", "jsonl")


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def shape(rows: Iterable[dict], columns: list[str]) -> Iterator[dict]:
    """Each row cut to the contract's columns, in order, with dates as ISO strings."""
    for row in rows:
        yield {c: _plain(row.get(c)) for c in columns}


def write_jsonl(rows: Iterable[dict], columns: list[str], out: TextIO) -> int:
    count = 0
    for count, row in enumerate(shape(rows, columns), 1):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return count


def write_csv(rows: Iterable[dict], columns: list[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for count, row in enumerate(shape(rows, columns), 1):
        if isinstance(row.get("actors"), list):
            row["actors"] = "; ".join(row["actors"])
        writer.writerow(row)
    return count


def write(rows: Iterable[dict], columns: list[str], fmt: str, out: TextIO) -> int:
    """Write rows in `fmt` ('csv' or 'jsonl'); returns how many were written."""
    return {"csv": write_csv, "jsonl": write_jsonl}[fmt](rows, columns, out)
