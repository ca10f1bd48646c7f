"""Readers: from paths, folders or standard input to `Article`s, one per source."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import ReadError
from timeline.records import Article

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # the longest news articles are a few hundred KB; past
# 10 MiB a "text file" is a dump or junk, and reading it would cost memory and minutes of extraction
TEXT_SUFFIXES = {".txt", ".text", ""}


@dataclass(frozen=True)
class Source:
    """Where one article comes from: a file path or '-' for standard input."""

    name: str
    path: Path | None

    def read_bytes(self) -> bytes:
        """The source's bytes, refused by size before they are read (memory stays bounded)."""
        if self.path is None:
            return _bounded_read(sys.stdin.buffer, self.name)
        try:
            info = self.path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise ReadError(self.name, f"not a regular file ({_kind(info.st_mode)})")
            _check_size(info.st_size, self.name)
            with open(self.path, "rb") as f:
                return _bounded_read(f, self.name)  # it may have grown since stat
        except OSError as exc:
            raise ReadError(self.name, exc.strerror or str(exc)) from None


def _check_size(size: int, name: str) -> None:
    if size > MAX_ARTICLE_BYTES:
        raise ReadError(name, f"{size / 2**20:.1f} MiB is larger than the "
                              f"{MAX_ARTICLE_BYTES // 2**20} MiB an article may be")


def _bounded_read(stream, name: str) -> bytes:
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ReadError(name, f"more than the {MAX_ARTICLE_BYTES // 2**20} MiB an article may be")
    return data


def _kind(mode: int) -> str:
    """What a non-regular file is, in words (reading a FIFO or a device would block or never end)."""
    for test, word in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return word
    return "a special file"


def find_sources(inputs: Iterable[str]) -> Iterator[Source | ReadError]:
    """Every article source named: files as given, folders walked recursively in name order."""
    for given in inputs:
        if given == "-":
            yield Source("-", None)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk_or_say_empty(path, given)
        elif path.exists() or path.is_symlink():  # a broken link or a loop: reading says which
            yield Source(given, path)
        else:
            yield ReadError(given, "no such file or folder")


def _walk_or_say_empty(folder: Path, given: str) -> Iterator[Source | ReadError]:
    """A folder's articles; a folder that holds none is told, as the user surely expected some."""
    empty = True
    for source in _walk(folder):
        empty = empty and isinstance(source, ReadError)
        yield source
    if empty:
        suffixes = ", ".join(sorted(f"*{s}" for s in TEXT_SUFFIXES if s))
        yield ReadError(given, f"folder holds no article files ({suffixes} or no suffix)")


def _walk(folder: Path) -> Iterator[Source | ReadError]:
    unreadable: list[OSError] = []  # os.walk would skip a folder it cannot list, silently
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        while unreadable:
            exc = unreadable.pop(0)
            yield ReadError(str(exc.filename), exc.strerror or str(exc))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in TEXT_SUFFIXES:
                yield Source(str(path), path)
    for exc in unreadable:
        yield ReadError(str(exc.filename), exc.strerror or str(exc))


def read_article(source: Source) -> Article:
    from timeline.readers.text import read_text

    return read_text(source.read_bytes(), source.name)
