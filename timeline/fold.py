"""Case-insensitive matching made cheaper: a re.IGNORECASE pattern run on a text finds exactly
what the same pattern, its letters lower-cased and compiled case-sensitively, finds on the
lower-cased text, as long as lower-casing keeps every offset and the text holds none of the
three letters that IGNORECASE folds onto an ASCII letter other than their lower case
(U+0130 İ, U+0131 ı, U+017F ſ). Python's regex engine skips a failing alternative on its
first character only in a case-sensitive pattern, so long alternations run several times
faster that way.

`loosened_pattern` reads a pattern's parse tree through CPython's private `re._parser` and
`re._constants`. Where a Python moves or changes them, it gives None, and the callers search
with the re.I pattern itself: the same matches, found more slowly."""

from __future__ import annotations

import re
from functools import lru_cache

_ODD = re.compile("[\u0130\u0131\u017f]")
# Escapes (\D is not \d) and group names keep their case; every other letter is lowered.
_INLINE_FLAGS = re.compile(r"\(\?(?![P:=!<])")
_CASED = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|[A-Z]+")


def lowered_pattern(src: str) -> re.Pattern | None:
    """`src` for lower-cased text (see `lowered_text`), or None when the pattern holds
    inline flags or a non-ASCII character that has a case, which lowering cannot handle."""
    if _INLINE_FLAGS.search(src) or any(not c.isascii() and (c.lower() != c or c.upper() != c) for c in src):
        return None
    return re.compile(_CASED.sub(lambda m: m.group(0) if m.group(0)[0] in "\\(" else m.group(0).lower(), src))


def lowered_text(text: str) -> str | None:
    """`text` lower-cased, or None when a lowered pattern would not find the same there."""
    low = text.lower()
    if len(low) != len(text) or _ODD.search(text):
        return None
    return low


def loosened_pattern(src: str) -> re.Pattern | None:
    """For a pattern with case-sensitive parts ("(?-i:May)"): the lowered pattern with those
    parts made case-blind. On lowered text it matches wherever `src` (re.I) matches on the
    text, and maybe elsewhere: a search with it finds where to try `src`. None when a
    case-sensitive part sits in a negative assertion (loosening it would forbid more) or the
    pattern commits to a path (atomic groups) or compares with a group."""
    if "(?-i:" not in src or (parts := _private_parser()) is None:
        return None
    try:
        if _case_sensitive_in_negation(parts[0].parse(src, re.I), False, parts[1]):
            return None
    except (AttributeError, IndexError, TypeError, ValueError):  # a tree of another shape
        return None
    return lowered_pattern(src.replace("(?-i:", "(?:"))


def widened_pattern(src: str) -> re.Pattern | None:
    """`loosened_pattern`, also for a pattern with a case-sensitive part in a negative
    assertion (or one inside such a part): those assertions are left out, which only lets
    more match. Like the loosened pattern, it only finds where to try `src` itself."""
    loose = loosened_pattern(src)
    if loose is not None or "(?-i:" not in src:
        return loose
    groups = _groups(src)
    if groups is None:
        return None
    sensitive = [(a, b) for a, b in groups if src.startswith("(?-i:", a)]
    negations = [(a, b) for a, b in groups if src.startswith(("(?!", "(?<!"), a)
                 and ("(?-i:" in src[a:b] or any(x < a and b <= y for x, y in sensitive))]
    kept, pos = [], 0
    for a, b in sorted(negations):
        if a >= pos:  # not inside one already left out
            kept.append(src[pos:a])
            pos = b
    rest = "".join(kept) + src[pos:]
    return loosened_pattern(rest) if "(?-i:" in rest else lowered_pattern(rest)


def _groups(src: str) -> list[tuple[int, int]] | None:
    """The (start, end) of each parenthesised group of a pattern; None if they do not pair."""
    out, opened, i = [], [], 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: its "(" and ")" are characters ("]" first is one too)
            i += 2 if src.startswith("[^", i) else 1
            i += src[i] == "]" if i < len(src) else 0
            while i < len(src) and src[i] != "]":
                i += 2 if src[i] == "\\" else 1
        elif c == "(":
            opened.append(i)
        elif c == ")":
            if not opened:
                return None
            out.append((opened.pop(), i + 1))
        i += 1
    return None if opened else out


@lru_cache(maxsize=1)
def _private_parser():
    """(re._parser, re._constants), or None when this Python lacks them or what is read of
    them (CPython's own, private: 3.11 renamed sre_parse to re._parser)."""
    try:
        from re import _constants as sre, _parser as sre_parse

        for name in ("SUBPATTERN", "ASSERT", "ASSERT_NOT", "BRANCH", "MAX_REPEAT", "MIN_REPEAT",
                     "ATOMIC_GROUP", "POSSESSIVE_REPEAT", "GROUPREF", "GROUPREF_EXISTS"):
            getattr(sre, name)
        sre_parse.parse  # noqa: B018 (the one function used)
    except (ImportError, AttributeError):
        return None
    return sre_parse, sre


def _case_sensitive_in_negation(items, negated: bool, sre, sensitive: bool = False) -> bool:
    """Whether a case-sensitive part of the parsed pattern lies in a negative assertion, or a
    negative assertion in a case-sensitive part (`sre`: re._constants)."""
    for op, av in items:
        inner_negated, inner_sensitive = negated, sensitive
        if op is sre.SUBPATTERN:
            inner_sensitive = (sensitive or bool(av[2] & re.I)) and not av[1] & re.I
            subs = [av[3]]
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            inner_negated = negated or op is sre.ASSERT_NOT
            subs = [av[1]]
        elif op is sre.BRANCH:
            subs = av[1]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            subs = [av[2]]
        elif op in (sre.ATOMIC_GROUP, sre.POSSESSIVE_REPEAT, sre.GROUPREF, sre.GROUPREF_EXISTS):
            return True  # these may commit to a path or compare text: not loosened either
        else:
            continue
        if inner_negated and inner_sensitive:
            return True
        if any(_case_sensitive_in_negation(sub, inner_negated, sre, inner_sensitive)
               for sub in subs):
            return True
    return False


class CaseBlind:
    """A re.IGNORECASE pattern that searches the lower-cased text when that finds the same:
    `search(text, low)` with `low = lowered_text(text)`. A pattern with case-sensitive parts
    first asks its loosened form (see loosened_pattern), which rules out most texts. Only
    whether it occurs is told, so the lowered forms may skip ahead (see `skipping`)."""

    def __init__(self, src: str):
        self.rx = re.compile(src, re.I)
        low = lowered_pattern(src)
        self.low = low and skipping(low)
        loose = None if low is not None else loosened_pattern(src)
        self.loose = loose and skipping(loose)

    def search(self, text: str, low: str | None, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether the pattern occurs in `text` (`low` its lowered_text, or None), between
        `pos` and `endpos` as `re.Pattern.search` reads them."""
        end = len(text) if endpos is None else endpos
        if low is not None:
            if self.low is not None:
                return self.low.search(low, pos, end) is not None
            if self.loose is not None and self.loose.search(low, pos, end) is None:
                return False
        return self.rx.search(text, pos, end) is not None

    def found_in(self, text: str) -> bool:
        """Whether the pattern occurs in a short text (a window), lowered here."""
        return self.search(text, lowered_text(text))


def skipping(pattern: re.Pattern) -> re.Pattern:
    """A pattern found wherever the case-sensitive `pattern` is, opening with the class of
    characters its matches start with (`first_chars`), so that a search skips the others in
    one quick loop where a pattern opening with \\b or a lookbehind is tried at every place.
    What it matches is that first character alone: ask it only whether `pattern` occurs.
    `pattern` itself when its first characters cannot be told."""
    first = first_chars(pattern.pattern)
    if first is None:
        return pattern
    try:  # the lookbehind is one character wide; the lookahead in it reads the whole match
        return re.compile(f"{first}(?<=(?=(?:{pattern.pattern})){first})", pattern.flags)
    except re.error:  # a back-reference, which may not stand in a lookbehind
        return pattern


class Leading:
    """`pattern.finditer` for a case-sensitive pattern, through a search that opens with the
    class of characters its matches start with (see `skipping`): where a pattern opens with
    \\b, a lookbehind or an optional word, the regex engine tries it at every position, and
    the class skips in one quick loop the positions no match starts at. The same matches:
    each found by the pattern itself, in a lookahead at that position, as group 1 (named
    groups keep their names), leftmost first and none overlapping, as finditer gives them.
    A pattern whose first characters cannot be told, or that refers to a group by number
    (group 1 would shift them), is run as it is."""

    def __init__(self, pattern: re.Pattern):
        self.rx, self.lead = pattern, None
        first = None if pattern.flags & re.I or _NUMBERED_REFERENCE.search(pattern.pattern) \
            else first_chars(pattern.pattern)
        if first is not None:
            try:
                self.lead = re.compile(f"{first}(?<=(?=({pattern.pattern})){first})", pattern.flags)
            except re.error:  # a group reference, which may not stand in a lookbehind
                pass

    def spans(self, text: str, pos: int = 0, endpos: int | None = None):
        """(match, start, end) of each match of the pattern in text[pos:endpos], in order; the
        match may be the leading search's, so read it by group name or through start, end."""
        end = len(text) if endpos is None else endpos
        if self.lead is None:
            for m in self.rx.finditer(text, pos, end):
                yield m, m.start(), m.end()
            return
        search = self.lead.search
        while (m := search(text, pos, end)) is not None:
            pos = m.end(1)  # a match is never empty: its first character is one of a class
            yield m, m.start(1), pos


_NUMBERED_REFERENCE = re.compile(r"\\[1-9]|\(\?\(\d")


def first_chars(src: str) -> str | None:
    """A character class ("[tms]") holding every character a match of the case-sensitive
    pattern `src` can start with; None when that cannot be told (or the private parser is
    missing), or when it can match nothing at all. A search that starts with a class skips
    the characters outside it in one quick loop, where a pattern opening with a lookbehind
    is tried at every position. A case-blind part ("(?i:may)") adds every character the
    regex engine itself lets its first characters match ("M", "m")."""
    if (parts := _private_parser()) is None:
        return None
    sre_parse, sre = parts
    try:
        escapes = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
                   sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
        first = _first(sre_parse.parse(src), sre, False)
    except AttributeError:  # a Python whose re._constants reads otherwise
        return None
    if first is None or first[1]:
        return None
    out, blind = [], []
    for op, av, case_blind in first[0]:
        if op is sre.LITERAL:
            item = re.escape(chr(av))
        elif op is sre.RANGE:
            item = re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
        elif op is sre.CATEGORY and av in escapes:
            item = escapes[av]  # a category reads the same in either case
            case_blind = False
        else:
            return None
        (blind if case_blind else out).append(item)
    if blind:
        if max(ord(c) for c in "".join(blind)) > 0xFFFF:
            return None  # the characters that match are read from the BMP only
        out += [re.escape(c) for c in re.findall("[" + "".join(blind) + "]", _bmp(), re.I)]
    return "[" + "".join(dict.fromkeys(out)) + "]"


@lru_cache(maxsize=1)
def _bmp() -> str:
    """Every character of the Basic Multilingual Plane: what a case-blind class matches there
    is read off it (no character beyond it has a case that is inside it)."""
    return "".join(map(chr, range(0x10000)))


def _first(items, sre, blind: bool) -> tuple[list, bool] | None:
    """The class items a parsed sequence can start with, each as (op, av, case-blind), and
    whether it can match empty; None when that cannot be told."""
    out: list = []
    for op, av in items:
        found = _first_of(op, av, sre, blind)
        if found is None:
            return None
        out += found[0]
        if not found[1]:
            return out, False
    return out, True


def _first_of(op, av, sre, blind: bool) -> tuple[list, bool] | None:
    if op is sre.LITERAL:
        return [(op, av, blind)], False
    if op is sre.IN:
        return None if any(o is sre.NEGATE for o, _ in av) else ([(o, a, blind) for o, a in av], False)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # they consume nothing
        return [], True
    if op is sre.SUBPATTERN:  # a group with flags of its own is told only when they are (?i:...)
        if av[2] or av[1] & ~re.I:
            return None
        return _first(av[3], sre, blind or bool(av[1]))
    if op is sre.BRANCH:
        out: list = []
        empty = False
        for branch in av[1]:
            found = _first(branch, sre, blind)
            if found is None:
                return None
            out += found[0]
            empty = empty or found[1]
        return out, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        found = _first(av[2], sre, blind)
        return None if found is None else (found[0], found[1] or av[0] == 0)
    return None
