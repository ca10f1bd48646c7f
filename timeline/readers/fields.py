"""One record of a dump (a JSON object, a CSV row) to an `Article`, by configurable field names."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from timeline.readers.dates import BadDate, parse_date
from timeline.readers.decode import normalise
from timeline.records import Article, PublishedBasis


class BadRecord(ValueError):
    """A record that cannot be an article; the message says why, the caller says where."""


@lru_cache(maxsize=1)
def default_fields() -> dict[str, tuple[str, ...]]:
    data = json.loads(resources.files("timeline.readers").joinpath("data/fields.json").read_text())
    return {part: tuple(names) for part, names in data.items() if not part.startswith("_")}


@dataclass(frozen=True)
class FieldNames:
    """The names tried for each part of an article, in order."""

    text: tuple[str, ...]
    date: tuple[str, ...]
    title: tuple[str, ...]
    url: tuple[str, ...]
    author: tuple[str, ...]

    @classmethod
    def from_options(cls, options) -> FieldNames:
        given = {"text": options.text_field, "date": options.date_field,
                 "title": options.title_field, "url": options.url_field}
        names = dict(default_fields())
        names.update({part: (name,) for part, name in given.items() if name})
        return cls(**names)


def lookup(record: Mapping, names: tuple[str, ...]) -> object:
    """The first non-empty value among `names`; a dotted name walks nested JSON objects."""
    for name in names:
        value = _get(record, name)
        if value not in (None, "", [], {}):
            return value
    return None


def _get(record: Mapping, name: str) -> object:
    if name in record:
        return record[name]
    folded = {str(k).lower(): v for k, v in record.items()}
    if name.lower() in folded:
        return folded[name.lower()]
    head, dot, rest = name.partition(".")
    if dot and isinstance(record.get(head), Mapping):
        return _get(record[head], rest)
    return None


def record_article(record: Mapping, where: str, fields: FieldNames) -> Article:
    """The article one record tells; its source is its URL when it has one, else `where`."""
    text = lookup(record, fields.text)
    if isinstance(text, list) and all(isinstance(p, str) for p in text):
        text = "\n\n".join(text)  # scrapers often keep a story as a list of paragraphs
    text = normalise(text) if isinstance(text, str) else ""
    if not text:
        raise BadRecord(f"no text (looked for {_either(fields.text)})")
    url = _string(lookup(record, fields.url))
    article = Article(source=url or where, text=text, url=url,
                      title=_string(lookup(record, fields.title)),
                      author=_author(lookup(record, fields.author)))
    try:
        published = parse_date(lookup(record, fields.date))
    except BadDate as exc:
        raise BadRecord(f"date {exc}") from None
    if published is not None:
        article.published, article.published_basis = published, PublishedBasis.METADATA
    return article


def _either(names: tuple[str, ...]) -> str:
    return "field " + names[0] if len(names) == 1 else "fields " + ", ".join(names)


def _string(value: object) -> str | None:
    return normalise(value) or None if isinstance(value, str) else None


def _author(value: object) -> str | None:
    if isinstance(value, list):
        names = [_author(v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, Mapping):
        return _string(value.get("name"))
    return _string(value)
