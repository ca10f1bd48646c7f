"""Bytes to clean article text: decoding with a reason when it fails, white space normalised."""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from timeline.errors import ReadError

# Characters that are white space in print but not to str.split in every position.
_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\f\v]+")
_RUN_OF_SPACES = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# C0 and C1 control characters other than newline and tab: never text, and an escape sequence
# (ESC [ 2 J, an OSC title change) stored in an article would reach every terminal that lists it.
# A lone surrogate (JSON's "\ud800" unpaired) is no character: it cannot be encoded as UTF-8,
# so fingerprinting or storing the article failed as an internal error.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")  # a stray BOM too
_LINE_SEPARATORS = re.compile(r"[\u2028\u2029]")  # lines to str.splitlines, so lines here too
# A multi-byte UTF-8 sequence: in a file that is not valid UTF-8, these betray UTF-8 text with
# a corrupt byte, which Windows-1252 would turn into mojibake ("GenÃ¨ve") instead of refusing.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # 32 first: FF FE 00 00


@lru_cache(maxsize=1)
def _signatures() -> list[tuple[bytes, str]]:
    data = json.loads(resources.files("timeline.readers").joinpath("data/magic.json").read_text())
    return [(bytes.fromhex(k), v) for k, v in data.items() if not k.startswith("_")]


def decode(data: bytes, source: str) -> str:
    """Decode an article's bytes: UTF-8 (with or without BOM), UTF-16/32, Windows-1252, else refuse."""
    if not data.strip():
        raise ReadError(source, "empty file")
    for signature, what in _signatures():
        if data.startswith(signature):
            raise ReadError(source, f"{what}, not a text article")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, source)
    if (codec := _utf16_without_bom(data)) is not None:
        return _strict(data, codec, source)
    data = data.rstrip(b"\x00")  # NUL padding after the text (a preallocated or crashed write)
    if (nul := data.find(b"\x00")) >= 0:
        raise ReadError(source, f"binary file (NUL byte at offset {nul}), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, source, exc)


def dump_codec(head: bytes, source: str, what: str) -> str | None:
    """The codec a dump's first bytes need when it is not UTF-8 (UTF-16 or UTF-32 with or without
    a BOM, which is what Windows tools write); ReadError for a binary file, which would
    otherwise be a line of error for each of its "lines"."""
    for signature, it in _signatures():
        if head.startswith(signature):
            raise ReadError(source, f"{it}, not {what}")
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    if (codec := _utf16_without_bom(head)) is not None:
        return codec
    if (nul := head.find(b"\x00")) >= 0:
        raise ReadError(source, f"binary file (NUL byte at offset {nul}), not {what}")
    return None


def _strict(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(source, f"not valid {codec.upper()} (bad bytes at offset {exc.start})") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM, told by the NUL half of each ASCII character (as `file` does)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes, source: str, exc: UnicodeDecodeError) -> str:
    """Windows-1252 is what non-UTF-8 news text almost always is; refuse if it looks like junk."""
    if _corrupt_utf8(data):
        raise ReadError(source, f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                                f"{exc.start}) in a file that is otherwise UTF-8: a corrupt file")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ReadError(source, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                                f"{exc.start}) and not Windows-1252 either") from None
    if len(_CONTROL.findall(text)) > len(text) / 100:
        raise ReadError(source, "binary file (control characters), not a text article")
    return text


def _corrupt_utf8(data: bytes) -> bool:
    """UTF-8 text with a few bad bytes (not junk, which is bad bytes throughout)."""
    sequences = len(_UTF8_SEQUENCE.findall(data))
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    return sequences > 0 and bad <= max(2, len(data) // 1000)


def normalise(text: str) -> str:
    """One space between words, lines stripped, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _UNPRINTABLE.sub("", _SPACES.sub(" ", text))
    lines = [_RUN_OF_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def fingerprint(text: str) -> str:
    """The article's identity: sha256 of its normalised text, so a re-ingest adds nothing."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
