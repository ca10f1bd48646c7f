"""Where articles come from: files, folders, globs, standard input and archive members.

A `Source` is something that can be opened as a binary stream, with the name a user will see
in messages and in `articles.source`. Archive members are opened in memory from the archive and
never written to disk; a member whose path would escape the archive (zip slip) is refused.
"""

from __future__ import annotations

import glob
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from timeline.errors import ReadError, file_kind

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # the longest news articles are a few hundred KB; past
# 10 MiB a one-article file is a dump or junk, and reading it would cost memory and minutes of
# extraction. Dumps are streamed and may be of any size; this bounds one record of them.
MAX_NESTED_ARCHIVE_BYTES = 200 * 1024 * 1024  # an archive inside an archive is read in memory
SNIFF_BYTES = 4096
GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Source:
    """One file-like thing to read: a path, '-' (standard input) or an archive member."""

    name: str
    path: Path | None = None
    opener: Callable[[], BinaryIO] | None = field(default=None, compare=False, repr=False)

    def open(self) -> BinaryIO:
        """A fresh binary stream over the source's bytes."""
        if self.opener is not None:
            return self.opener()
        if self.path is None:
            return io.BytesIO(sys.stdin.buffer.read())
        try:
            info = self.path.stat()
            if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
                raise ReadError(self.name, f"not a regular file ({file_kind(info.st_mode)})")
            return open(self.path, "rb")
        except OSError as exc:
            raise ReadError(self.name, exc.strerror or str(exc)) from None

    def read_bytes(self, limit: int = MAX_ARTICLE_BYTES) -> bytes:
        """All the bytes of a one-article source, refused by size before they are read."""
        if self.path is not None and self.opener is None:
            try:
                size = self.path.stat().st_size
            except OSError as exc:
                raise ReadError(self.name, exc.strerror or str(exc)) from None
            if size > limit:
                raise ReadError(self.name, f"{size / 2**20:.1f} MiB is larger than the "
                                           f"{limit // 2**20} MiB an article may be")
        try:
            with self.open() as stream:
                data = stream.read(limit + 1)  # a file may have grown since stat
        except OSError as exc:
            raise ReadError(self.name, exc.strerror or str(exc)) from None
        except EOFError as exc:
            raise truncated(self.name, exc) from None
        if len(data) > limit:
            raise ReadError(self.name, f"more than the {limit // 2**20} MiB an article may be")
        return data

    def codec(self, what: str) -> str | None:
        """The codec a dump needs when it is not UTF-8 (UTF-16 or UTF-32, as Windows tools
        write); a binary file is refused as a whole (`what` names the format expected)."""
        from timeline.readers.decode import dump_codec

        return dump_codec(self.head(), self.name, what)

    def open_utf8(self, what: str) -> BinaryIO:
        """A stream of a dump's bytes as UTF-8 (recoded if `codec` says so), for read and
        readline: the recoder passes read1 through undecoded, so no TextIOWrapper over it."""
        codec = self.codec(what)
        stream = self.open()
        if codec is None:
            return stream
        import codecs

        return codecs.EncodedFile(stream, data_encoding="utf-8", file_encoding=codec)

    def head(self, size: int = SNIFF_BYTES) -> bytes:
        try:
            with self.open() as stream:
                return stream.read(size)
        except EOFError as exc:
            raise truncated(self.name, exc) from None

    @property
    def suffix(self) -> str:
        """The name's ending in lower case, with double endings such as '.tar.gz' kept whole."""
        # Plain string work: this runs several times for every file walked.
        name = self.name.rsplit("!", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1].lower()
        for double in (".tar.gz", ".tar.bz2", ".tar.xz"):
            if name.endswith(double):
                return double
        dot = name.rfind(".")
        return name[dot:] if dot > 0 and dot < len(name) - 1 else ""


def truncated(name: str, exc: EOFError) -> ReadError:
    """A compressed file or member cut short. Its EOFError must not travel: click takes it for
    Ctrl-D and ends the whole run with "Aborted!"."""
    return ReadError(name, f"truncated compressed data ({exc})")


def stdin_source() -> Source:
    """Standard input can be read once; sniffing and reading both need it, so it is kept."""
    kept: list[bytes] = []

    def opener() -> BinaryIO:
        if not kept:
            kept.append(sys.stdin.buffer.read())
        return io.BytesIO(kept[0])

    return Source("-", None, opener=opener)


@lru_cache(maxsize=1)
def formats() -> dict:
    return json.loads(resources.files("timeline.readers").joinpath("data/formats.json").read_text())


def archive_kind(source: Source) -> str | None:
    """'zip' or 'tar' when the source is an archive, by its name or its first bytes."""
    kind = formats()["archives"].get(source.suffix)
    if kind:
        return kind
    if source.suffix in formats()["suffixes"] and source.suffix not in ("", ".xml"):
        return None  # a .html or .jsonl file is not sniffed as an archive
    try:
        head = source.head(512)
    except (ReadError, OSError):
        return None
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head[257:262] == b"ustar" or head.startswith(b"\x1f\x8b"):
        return "tar"
    return None


def find_sources(inputs: Iterable[str], walk_all: bool = False) -> Iterator[Source | ReadError]:
    """Every source named: files as given, folders walked recursively in name order, globs
    expanded, archives opened and their members walked (in archive order).

    Files walked in a folder or archive are taken when their ending names a format; with
    `walk_all` (a forced --format) every file but hidden ones is taken.
    """
    for given in inputs:
        if given == "-":
            yield stdin_source()
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk_or_say_empty(path, given, walk_all)
        elif path.exists() or path.is_symlink():  # a broken link or a loop: reading says which
            yield from _expand([Source(given, path)], walk_all, named=True)
        elif GLOB_CHARS & set(given):
            yield from _glob(given, walk_all)
        else:
            yield ReadError(given, "no such file or folder")


def _glob(pattern: str, walk_all: bool) -> Iterator[Source | ReadError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield ReadError(pattern, "no file matches this pattern")
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _walk_or_say_empty(path, match, walk_all)
        else:
            yield from _expand([Source(match, path)], walk_all, named=True)


def _walk_or_say_empty(folder: Path, given: str, walk_all: bool
                       ) -> Iterator[Source | ReadError]:
    """A folder's sources; a folder that holds none is told, as the user surely expected some."""
    empty = True
    for source in _expand(_walk(folder), walk_all):
        empty = empty and isinstance(source, ReadError)
        yield source
    if empty:
        yield ReadError(given, "folder holds no file a reader knows (text, HTML, JSON Lines, "
                               "CSV, RSS or Atom, zip or tar archives)")


def _walk(folder: Path) -> Iterator[Source | ReadError]:
    unreadable: list[OSError] = []  # os.walk would skip a folder it cannot list, silently
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        while unreadable:
            exc = unreadable.pop(0)
            yield ReadError(str(exc.filename), exc.strerror or str(exc))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(root) / name
                yield Source(str(path), path)
    for exc in unreadable:
        yield ReadError(str(exc.filename), exc.strerror or str(exc))


def _expand(sources: Iterable[Source | ReadError], walk_all: bool,
            named: bool = False) -> Iterator[Source | ReadError]:
    """Open archives and walk their members; keep the files a reader knows (or all, if named)."""
    for source in sources:
        if isinstance(source, ReadError):
            yield source
            continue
        kind = archive_kind(source)
        if kind:
            from timeline.readers.archives import members

            yield from _expand(members(source, kind), walk_all)
        elif named or walk_all or _known(source):
            yield source


def _known(source: Source) -> bool:
    from timeline.readers.formats import sniff

    return source.suffix in formats()["suffixes"] or sniff(source) is not None
