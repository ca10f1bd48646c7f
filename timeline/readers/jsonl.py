"""JSON Lines dumps: one JSON object (one article) a line, streamed a line at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator

from timeline.errors import ReadError
from timeline.readers.fields import BadRecord, FieldNames, record_article
from timeline.readers.sources import MAX_ARTICLE_BYTES
from timeline.readers.text import date_from_lines
from timeline.records import Article


def read(source, options) -> Iterator[Article | ReadError]:
    fields = FieldNames.from_options(options)
    with source.open() as stream:
        for number, line in _lines(stream):
            where = f"{source.name}#{number}"
            try:
                yield _article(line, where, fields)
            except BadRecord as exc:
                yield ReadError(where, str(exc))


def _article(line: bytes | None, where: str, fields: FieldNames) -> Article:
    if line is None:
        raise BadRecord(f"a line longer than the {MAX_ARTICLE_BYTES // 2**20} MiB an article "
                        f"may be")
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise BadRecord(f"not UTF-8 (byte 0x{line[exc.start]:02x})") from None
    except ValueError as exc:
        raise BadRecord(f"not JSON ({exc})") from None
    except RecursionError:  # [[[[...: the decoder's stack, not the file, gave out
        raise BadRecord("JSON nested too deeply to be an article") from None
    if not isinstance(record, dict):
        raise BadRecord(f"a JSON {type(record).__name__}, not an object")
    article = record_article(record, where, fields)
    return article if article.published else date_from_lines(article)


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
