"""JSON Lines dumps: one JSON object (one article) a line, streamed a line at a time; and the
JSON documents scrapers also write, an array of such objects or one pretty-printed object."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

from timeline.errors import ReadError
from timeline.readers.fields import BadRecord, FieldNames, record_article
from timeline.readers.sources import MAX_ARTICLE_BYTES, SNIFF_BYTES
from timeline.readers.text import date_from_lines
from timeline.records import Article


# A JSON document is parsed whole, unlike JSON Lines: past this it is better split into lines.
MAX_JSON_DOCUMENT_BYTES = 100 * 1024 * 1024


def read(source, options) -> Iterator[Article | ReadError]:
    fields = FieldNames.from_options(options)
    with source.open_utf8("a JSON Lines dump") as stream:
        pretty = is_pretty_json(stream.read(SNIFF_BYTES))
    if pretty:
        yield from _document(source, fields)
        return
    with source.open_utf8("a JSON Lines dump") as stream:
        lines = _lines(stream)
        first, second = next(lines, None), next(lines, None)
        if second is None and first is not None and _is_array(first[1]):
            yield from _document_records(first[1], source.name, fields)  # json.dump(a_list)
            return
        yield from _numbered(itertools.chain(filter(None, (first, second)), lines), _article,
                             source.name, fields)


def _numbered(items, make, name: str, fields: FieldNames) -> Iterator[Article | ReadError]:
    """`make(item, "NAME#N", fields)` for each numbered item; a BadRecord is that one's line."""
    for number, item in items:
        where = f"{name}#{number}"
        try:
            yield make(item, where, fields)
        except BadRecord as exc:
            yield ReadError(where, str(exc))


def is_pretty_json(head: bytes) -> bool:
    """An array or an object spread over lines ('[' or '{' alone on the first): a document,
    since no line of JSON Lines is that."""
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.split(b"\n", 1)[0].strip() in (b"[", b"{")


def _is_array(line: bytes | None) -> bool:
    return line is not None and line.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"[")


def _document(source, fields: FieldNames) -> Iterator[Article | ReadError]:
    """A pretty-printed document, read whole within MAX_JSON_DOCUMENT_BYTES."""
    with source.open_utf8("a JSON document") as stream:
        data = stream.read(MAX_JSON_DOCUMENT_BYTES + 1)
    if len(data) > MAX_JSON_DOCUMENT_BYTES:
        raise ReadError(source.name, f"a JSON document over {MAX_JSON_DOCUMENT_BYTES // 2**20} "
                                     f"MiB is not read whole; write it as JSON Lines (an object "
                                     f"a line)")
    yield from _document_records(data, source.name, fields)


def _document_records(data: bytes, name: str, fields: FieldNames
                      ) -> Iterator[Article | ReadError]:
    """The articles of a JSON array, each named PATH#N by its place in it, or of one object."""
    try:
        records = _decode(data)
    except BadRecord as exc:
        raise ReadError(name, str(exc)) from None
    yield from _numbered(enumerate(records if isinstance(records, list) else [records], 1),
                         _record_article, name, fields)


def _decode(data: bytes) -> object:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BadRecord(f"not UTF-8 (byte 0x{data[exc.start]:02x})") from None
    except ValueError as exc:
        raise BadRecord(f"not JSON ({exc})") from None
    except RecursionError:  # [[[[...: the decoder's stack, not the file, gave out
        raise BadRecord("JSON nested too deeply to be an article") from None


_JSON_NAMES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean",
               type(None): "null"}


def _record_article(record: object, where: str, fields: FieldNames) -> Article:
    if not isinstance(record, dict):
        raise BadRecord(f"a JSON {_JSON_NAMES.get(type(record), 'value')}, not an object")
    article = record_article(record, where, fields)
    return article if article.published else date_from_lines(article)


def _article(line: bytes | None, where: str, fields: FieldNames) -> Article:
    if line is None:
        raise BadRecord(f"a line longer than the {MAX_ARTICLE_BYTES // 2**20} MiB an article "
                        f"may be")
    return _record_article(_decode(line), where, fields)


def _lines(stream) -> Iterator[tuple[int, bytes | None]]:
    """Non-blank lines with their numbers; None for a line too long to be an article."""
    number = 0
    while True:
        line = stream.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the overlong line without holding it
            yield number, None
        elif line.strip():
            yield number, line
