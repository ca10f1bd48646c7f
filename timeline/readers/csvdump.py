"""CSV (and TSV) dumps: a header row naming the fields, then one article a row, streamed.

A row's source is `PATH#LINE` with the line the row starts on (the header is line 1), since a
quoted field may run over several lines.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator

from timeline.errors import ReadError
from timeline.readers.fields import BadRecord, FieldNames, record_article
from timeline.readers.sources import MAX_ARTICLE_BYTES
from timeline.readers.text import date_from_lines
from timeline.records import Article


def read(source, options) -> Iterator[Article | ReadError]:
    fields = FieldNames.from_options(options)
    # The default limit (128 KiB a field) is smaller than a long article's text.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_BYTES))
    codec = source.codec("a CSV dump")
    with source.open() as raw:
        text = io.TextIOWrapper(raw, encoding=codec or "utf-8-sig", newline="")
        try:
            yield from _rows(source, text, fields)
        except UnicodeDecodeError as exc:
            yield ReadError(source.name, f"not {(codec or 'UTF-8').upper()} (byte "
                                         f"0x{exc.object[exc.start]:02x}); "
                                         f"the rows after the last one read are skipped")


def _rows(source, text: io.TextIOWrapper, fields: FieldNames) -> Iterator[Article | ReadError]:
    first = text.readline()
    reader = csv.reader(itertools.chain([first], text), delimiter=_delimiter(source, first))
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise ReadError(source.name, "empty CSV file (no header row)")
    header = [h.strip() for h in header]
    _check_header(source, header, fields)
    start = reader.line_num + 1
    while True:
        where = f"{source.name}#{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadError(where, f"not a CSV row ({exc})")
        else:
            yield _article(header, row, where, fields)
        start = reader.line_num + 1


def _delimiter(source, header_line: str) -> str:
    """Tab for .tsv; else a comma, unless the header row holds none and a semicolon or tab
    separates its names (what Excel writes where the comma is the decimal mark)."""
    if source.suffix == ".tsv":
        return "\t"
    if "," not in header_line:
        for other in (";", "\t"):
            if other in header_line:
                return other
    return ","


def _article(header: list[str], row: list[str], where: str, fields: FieldNames):
    if len(row) != len(header):
        return ReadError(where, f"{len(row)} fields where the header has {len(header)}")
    try:
        article = record_article(dict(zip(header, row)), where, fields)
    except BadRecord as exc:
        return ReadError(where, str(exc))
    return article if article.published else date_from_lines(article)


def _check_header(source, header: list[str], fields: FieldNames) -> None:
    """A dump with no text column fails once, not once a row."""
    names = {h.strip().lower() for h in header}
    if not any(n.split(".")[0].lower() in names for n in fields.text):
        shown = " ".join(", ".join(header).split())  # a first row of text may hold newlines
        raise ReadError(source.name, f"no text column (looked for {', '.join(fields.text)}; "
                                     f"the header has {shown[:200]})")
