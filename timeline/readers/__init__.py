"""Readers: from paths, folders or standard input to `Article`s, one per source."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import ReadError
from timeline.records import Article

MAX_ARTICLE_BYTES = 50 * 1024 * 1024  # past this a "text file" is a dump or junk, not an article
TEXT_SUFFIXES = {".txt", ".text", ""}


@dataclass(frozen=True)
class Source:
    """Where one article comes from: a file path or '-' for standard input."""

    name: str
    path: Path | None

    def read_bytes(self) -> bytes:
        if self.path is None:
            return sys.stdin.buffer.read()
        try:
            size = self.path.stat().st_size
            if size > MAX_ARTICLE_BYTES:
                raise ReadError(self.name, f"file of {size / 2**20:.0f} MiB is larger than the "
                                           f"{MAX_ARTICLE_BYTES // 2**20} MiB an article may be")
            return self.path.read_bytes()
        except OSError as exc:
            raise ReadError(self.name, exc.strerror or str(exc)) from None


def find_sources(inputs: Iterable[str]) -> Iterator[Source | ReadError]:
    """Every article source named: files as given, folders walked recursively in name order."""
    for given in inputs:
        if given == "-":
            yield Source("-", None)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield Source(given, path)
        else:
            yield ReadError(given, "no such file or folder")


def _walk(folder: Path) -> Iterator[Source]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in TEXT_SUFFIXES:
                yield Source(str(path), path)


def read_article(source: Source) -> Article:
    from timeline.readers.text import read_text

    return read_text(source.read_bytes(), source.name)
