"""Zip and tar archives: their members as sources, read in memory, never extracted to disk.

A member's name is `ARCHIVE!MEMBER`. Nothing is written anywhere, but a member path that would
escape its folder if it were extracted (absolute, a drive letter, or '..') is still refused with
a clear line: such a member was made to attack whoever unpacks the archive (zip slip), and the
user should hear of it. The archive's other members are read.
"""

from __future__ import annotations

import gzip
import io
import re
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath

from timeline.errors import ReadError
from timeline.readers.sources import MAX_NESTED_ARCHIVE_BYTES, Source, formats

_DRIVE = re.compile(r"^[A-Za-z]:")


def escapes(member: str) -> bool:
    """True when extracting `member` would write outside the folder it is extracted into."""
    path = member.replace("\\", "/")
    return (path.startswith("/") or bool(_DRIVE.match(path))
            or ".." in PurePosixPath(path).parts)


def members(archive: Source, kind: str) -> Iterator[Source | ReadError]:
    """The archive's regular files as sources (directories skipped), in archive order."""
    try:
        yield from (_zip_members if kind == "zip" else _tar_members)(archive)
    except ReadError as exc:
        yield exc
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as exc:
        # tarfile's message lists every compression it tried, a line each: keep the first
        problem = (str(exc).splitlines() or [""])[0].rstrip(":")
        yield ReadError(archive.name, f"not a readable {kind} archive ({problem})")


def _refused(archive: Source, member: str) -> ReadError:
    return ReadError(archive.name, f"member {member!r} would escape the archive's folder "
                                   f"(absolute path or '..', zip slip); refused")


def _zip_members(archive: Source) -> Iterator[Source | ReadError]:
    with archive.open() as stream, zipfile.ZipFile(_seekable(archive, stream)) as zf:
        for info in zf.infolist():
            if escapes(info.filename):
                yield _refused(archive, info.filename)
            elif not info.is_dir() and not _hidden(info.filename):
                yield Source(f"{archive.name}!{info.filename}",
                             opener=lambda zf=zf, info=info: _open_zip_member(zf, info, archive))


def _open_zip_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, archive: Source):
    try:
        return zf.open(info)
    except (RuntimeError, NotImplementedError, zipfile.BadZipFile) as exc:  # encrypted, odd codec
        raise ReadError(f"{archive.name}!{info.filename}", f"cannot be read ({exc})") from None


def _tar_members(archive: Source) -> Iterator[Source | ReadError]:
    if _one_gzipped_file(archive):
        yield _gunzipped(archive)
        return
    with archive.open() as stream, tarfile.open(fileobj=_seekable(archive, stream),
                                                mode="r:*") as tf:
        for member in tf:
            if escapes(member.name):
                yield _refused(archive, member.name)
            elif member.issym() or member.islnk():
                yield ReadError(f"{archive.name}!{member.name}",
                                "a link inside an archive is not read")
            elif member.isfile() and not _hidden(member.name):
                yield Source(f"{archive.name}!{member.name}",
                             opener=lambda tf=tf, member=member: tf.extractfile(member))


def _one_gzipped_file(archive: Source) -> bool:
    """A gzip file not named as a tar archive (story.txt.gz, dump.jsonl.gz) that holds no tar
    archive: one compressed file, read as the file it holds."""
    if archive.suffix in formats()["archives"] or not archive.head(2) == b"\x1f\x8b":
        return False
    with archive.open() as stream, gzip.open(stream) as inner:
        try:
            return inner.read(512)[257:262] != b"ustar"
        except EOFError:  # cut short: reading the file it holds says so
            return True
        except OSError:  # not gzip after all: tarfile says why
            return False


def _gunzipped(archive: Source) -> Source:
    """The file a gzip holds, named ARCHIVE!NAME with NAME the archive's name less .gz."""
    name = archive.name.replace("\\", "/").rsplit("/", 1)[-1].rsplit("!", 1)[-1]
    stem = name[:-3] if name.lower().endswith(".gz") else name
    return Source(f"{archive.name}!{stem}", opener=lambda: gzip.open(archive.open()))


def _hidden(member: str) -> bool:
    # __MACOSX/ and ._ files are resource forks that zip tools on macOS add, not articles.
    parts = PurePosixPath(member.replace("\\", "/")).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _seekable(archive: Source, stream):
    """Zip and tar need to seek; an archive inside an archive is read into memory for that."""
    if archive.path is not None and stream.seekable():
        return stream
    data = stream.read(MAX_NESTED_ARCHIVE_BYTES + 1)
    if len(data) > MAX_NESTED_ARCHIVE_BYTES:
        raise ReadError(archive.name, f"an archive inside an archive may be at most "
                                      f"{MAX_NESTED_ARCHIVE_BYTES // 2**20} MiB")
    return io.BytesIO(data)
