"""Which reader a source needs: --format if given, else its name's ending, else its first bytes."""

from __future__ import annotations

import json
import re

from timeline.errors import ReadError
from timeline.readers.decode import dump_codec
from timeline.readers.sources import MAX_ARTICLE_BYTES, Source, formats

FORMATS = ("text", "html", "jsonl", "csv", "feed")
_FEED = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]")
_JSON_DOCUMENT = re.compile(rb'^(\[\s*\{|\{[ \t\r]*\n\s*")')
_HTML = re.compile(rb"^(<!--.*?-->\s*)*<(!doctype\s+html|html)[\s>]", re.S)


def sniff(source: Source) -> str | None:
    """'html', 'feed' or 'jsonl' when the first bytes say so; None when they do not."""
    try:
        head = source.head()
    except (ReadError, OSError):
        return None
    try:  # a UTF-16 page or dump is sniffed as what it says once decoded
        codec = dump_codec(head, source.name, "text")
    except ReadError:
        return None
    if codec:
        head = head.decode(codec, errors="ignore").encode()
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if _FEED.search(head) else ("html" if b"<html" in head else None)
    if _HTML.match(head):
        return "html"
    if head.startswith(b"{") and _first_line_is_object(head):
        return "jsonl"
    if _JSON_DOCUMENT.match(head):  # an array of objects, or one object over several lines
        return "jsonl"
    return None


def _first_line_is_object(head: bytes) -> bool:
    line, newline, _ = head.partition(b"\n")
    if not newline:  # a first line longer than the sniffed bytes: trust the brace and quote
        return line.startswith((b'{"', b"{ \""))
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def detect(source: Source, forced: str | None = None) -> str:
    """The reader for a source: forced, else by ending (text endings are sniffed), else sniffed."""
    if forced:
        return forced
    by_name = formats()["suffixes"].get(source.suffix)
    if by_name == "text" and _too_big_for_an_article(source):
        return "text"  # refused by its size, before a byte of it is read
    if by_name in (None, "text"):
        return sniff(source) or "text"
    return by_name


def _too_big_for_an_article(source: Source) -> bool:
    try:
        return source.path is not None and source.path.stat().st_size > MAX_ARTICLE_BYTES
    except OSError:
        return False
