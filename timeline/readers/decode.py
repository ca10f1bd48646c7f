"""Bytes to clean article text: decoding with a reason when it fails, white space normalised."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from timeline.errors import ReadError

# Characters that are white space in print but not to str.split in every position.
_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\f\v]+")
_RUN_OF_SPACES = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, source: str) -> str:
    """Decode an article's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else refuse."""
    if not data.strip():
        raise ReadError(source, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise ReadError(source, "binary file (NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, source, exc)


def _decode_legacy(data: bytes, source: str, exc: UnicodeDecodeError) -> str:
    """Windows-1252 is what non-UTF-8 news text almost always is; refuse if it looks like junk."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ReadError(source, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                                f"{exc.start}) and not Windows-1252 either") from None
    if len(_CONTROL.findall(text)) > len(text) / 100:
        raise ReadError(source, "binary file (control characters), not a text article")
    return text


def normalise(text: str) -> str:
    """One space between words, lines stripped, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _SPACES.sub(" ", text)
    lines = [_RUN_OF_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def fingerprint(text: str) -> str:
    """The article's identity: sha256 of its normalised text, so a re-ingest adds nothing."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
