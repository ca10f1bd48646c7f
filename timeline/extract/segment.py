"""Sentence segmentation for news text, with exact character offsets into the original text.

News breaks sentences by line as often as by full stop: headlines and datelines carry no
full stop, paragraphs are lines. So a line break that ends a line with no open sentence ends a
sentence; inside a line, a stop ends a sentence unless it closes an abbreviation or initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from timeline.readers.datelines import wire_dateline


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int  # index of the block (line run) the sentence belongs to
    index: int  # position in the article
    headline: bool  # a line ending without terminal punctuation (headline, dateline, label)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    text = resources.files("timeline.extract").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# A candidate end: terminal punctuation, optional closing quotes/brackets, then white space.
_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")  # U.S, U.N, a.m, J (an initial)
_STARTERS = frozenset("The A An He She It They We I In On At But This That These Those Its Their".split())


def _word_before(text: str, dot: int) -> str | None:
    """The run of word characters, dots and hyphens that ends at the dot (or at a newline
    just before it), within 40 characters: a walk back, where a regex search ending in `$`
    would try every place of the 40."""
    lo, end = max(0, dot - 40), dot
    if end > lo and text[end - 1] == "\n":
        end -= 1
    p = end
    while p > lo and (text[p - 1].isalnum() or text[p - 1] in "_.-"):
        p -= 1
    return text[p:end] if p < end else None


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _word_before(text, dot)
    if not word:
        return False
    known = abbreviations()
    if word in known or word.lower() in known:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return bool(_DOTTED.match(word))


_NEXT_WORD = re.compile(r"\s*[\"'“‘«(]*(\w+)")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, begin = [], start
    for m in _END.finditer(text, start, end):
        stop = m.start()
        nxt = _next_word(text, m.end())
        if not nxt or not (nxt[0].isupper() or nxt[0].isdigit()):
            continue  # "... said the U.S. military", "p.m. local time"
        if text[stop] == "." and m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”’»)]")) == 1:
            if _is_abbreviation(text, stop):
                word = _word_before(text, stop)
                # a dotted acronym can end a sentence: "... to the U.S. The talks ..."
                if not (_DOTTED.match(word) and len(word) > 2 and nxt in _STARTERS):
                    continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, end))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    chunk = text[s:e]
    stripped = chunk.lstrip()
    s += len(chunk) - len(stripped)
    return s, s + len(stripped.rstrip())


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, its newline included."""
    out, pos, n = [], 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        out.append((pos, end))
        pos = end
    return out


_CLOSERS = "\"'”’»)]"


def _ends_sentence(stripped: str) -> bool:
    """Does a text without white space at its end end in a stop, closing quotes or brackets
    after it allowed? (Read from the end: a regex search would try every place.)"""
    bare = stripped.rstrip(_CLOSERS)
    return bool(bare) and bare[-1] in ".!?"


def _ends_clause(stripped: str) -> bool:
    """Does it end a sentence, or a clause (":", ";", ",")?"""
    return bool(stripped) and stripped[-1] in ":;," or _ends_sentence(stripped)


def _blocks(text: str):
    """Line runs: a line that ends without punctuation and is followed by a line starting in
    lower case is a hard wrap, so the two are one block; otherwise every line is its own block."""
    block_start, prev_open = None, False
    for ls, le in _lines(text):
        content = text[ls:le].strip()
        if not content:
            if block_start is not None:
                yield block_start, ls
            block_start, prev_open = None, False
            continue
        continues = prev_open and content[0].islower()
        if block_start is not None and not continues:
            yield block_start, ls
            block_start = None
        if block_start is None:
            block_start = ls
        prev_open = not _ends_clause(content)
    if block_start is not None:
        yield block_start, len(text)


def _after_wire_dateline(text: str, start: int) -> int:
    """Where a paragraph's first sentence begins: after a wire date line heading it ("KABUL,
    Afghanistan (AP) — "), whose place and date are the filing's, not the event's."""
    head = text[start:start + 200]
    wire = wire_dateline(text, start + len(head) - len(head.lstrip()))
    return wire.end if wire else start


def _sentence(text: str, start: int, end: int, paragraph: int, index: int, headline: bool) -> Sentence:
    """Sentence(...) without the frozen dataclass's __init__ (a setattr through object a field)."""
    s = object.__new__(Sentence)
    s.__dict__.update(text=text, start=start, end=end, paragraph=paragraph, index=index, headline=headline)
    return s


def split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for par, (bs, be) in enumerate(_blocks(text)):
        bs = _after_wire_dateline(text, bs)
        for s, e in _split_block(text, bs, be):
            s, e = _trim(text, s, e)
            if e <= s:
                continue
            body = text[s:e]
            headline = not _ends_sentence(body)
            out.append(_sentence(body, s, e, par, len(out), headline))
    return out
