"""Readers: from paths, folders, globs, archives or standard input to `Article`s.

One source may hold one article (a text file, an HTML page) or many (a JSON Lines or CSV dump,
a feed, an archive). `read_all` streams them as `Article`s and `ReadError`s, one item per
article or failure, so one bad record never hides the good ones around it and the caller can
store (or hand to workers) each article on its own.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from timeline.errors import ReadError
from timeline.readers.sources import MAX_ARTICLE_BYTES, Source, find_sources, truncated
from timeline.records import Article

__all__ = ["MAX_ARTICLE_BYTES", "ReadOptions", "Source", "find_sources", "read_all",
           "read_articles"]

READERS = {
    "text": "timeline.readers.text",
    "html": "timeline.readers.html",
    "jsonl": "timeline.readers.jsonl",
    "csv": "timeline.readers.csvdump",
    "feed": "timeline.readers.feed",
}


@dataclass(frozen=True)
class ReadOptions:
    """How to read: a forced format, and the field names of dumps (None: the defaults)."""

    format: str | None = None
    text_field: str | None = None
    date_field: str | None = None
    title_field: str | None = None
    url_field: str | None = None


def read_all(inputs: Iterable[str], options: ReadOptions = ReadOptions()
             ) -> Iterator[Article | ReadError]:
    """Every article of every source named, or the error that stopped it, in order."""
    for source in find_sources(inputs, walk_all=options.format is not None):
        if isinstance(source, ReadError):
            yield source
        else:
            yield from read_articles(source, options)


def read_articles(source: Source, options: ReadOptions = ReadOptions()
                  ) -> Iterator[Article | ReadError]:
    """The articles of one source; a failure of the whole source is yielded as its last item."""
    from timeline.readers.formats import detect

    found = 0
    try:
        module = importlib.import_module(READERS[detect(source, options.format)])
        for found, item in enumerate(module.read(source, options), 1):
            yield item
    except ReadError as exc:
        yield exc
    except EOFError as exc:  # a dump streamed from a compressed file that ends too soon
        yield truncated(source.name, exc)
    except Exception as exc:  # a library's bug on one odd file must not stop the run
        yield ReadError(source.name, f"internal error ({exc.__class__.__name__}: "
                                     f"{(str(exc).splitlines() or [''])[0]}); please report it "
                                     f"with this file")
    else:
        if not found:  # an empty dump: say so rather than add nothing in silence
            yield ReadError(source.name, "no articles in this file")

