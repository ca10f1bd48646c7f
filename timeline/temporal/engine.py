"""The tagger's engine: reads the data files once, finds candidate expressions, keeps the best.

It knows nothing about English: every word, pattern and value lives in `data/`. The engine
compiles each rule's pattern once, scans the text with them, drops candidates that overlap a
known non-date (`negatives.txt`), sit inside a name or are one (`names.txt`), and keeps the
longest non-overlapping matches. Resolution of values against the DCT is in `resolve.py`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from ..fold import Leading, first_chars, loosened_pattern, lowered_pattern, lowered_text, skipping, widened_pattern

DATA = Path(__file__).parent / "data"
FLAGS = re.IGNORECASE


def _lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines, with a trailing ` # comment` or tab comment removed."""
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = re.split(r"\s+#\s", raw, maxsplit=1)[0].rstrip()
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line)
    return out


_SPACES = re.compile(r"[\s\-]+")


def normalise_key(s: str) -> str:
    """How a matched word is looked up in a table: lower case, no dots, a straight apostrophe
    ("New Year’s Day" as "new year's day"), single spaces."""
    return _SPACES.sub(" ", s.lower().replace(".", "").replace("’", "'")).strip()


@dataclass(frozen=True)
class Rule:
    """One block of rules.txt, its pattern compiled."""

    name: str
    type: str
    regex: re.Pattern
    value: str
    mod: str | None
    end: str | None
    flags: frozenset[str]
    order: int
    key: re.Pattern

    @cached_property
    def start_search(self) -> tuple[re.Pattern | None, bool]:
        """Where the rule's matches start, found on lower-cased text (see `_starts`), if it
        can be; and whether exact: it also gives each match's end, else the rule is tried at
        each start it finds. Made on the rule's first use: it costs more than compiling the
        rule, and a process that tags a few texts uses half the rules or fewer."""
        left = _left(self.flags)
        lowered = lowered_pattern(self.regex.pattern)
        starts, exact = _starts(lowered or loosened_pattern(self.regex.pattern), left)
        return starts, exact and lowered is not None

    @property
    def starts(self) -> re.Pattern | None:
        return self.start_search[0]

    @property
    def exact(self) -> bool:
        return self.start_search[1]


@dataclass(frozen=True)
class Grammar:
    """All the resources of data/, compiled once a process (see `grammar()`)."""

    rules: tuple[Rule, ...]
    tables: dict[str, dict[str, str]]
    negatives: re.Pattern
    # where a negative may start, on lowered text (the first character of a match of its
    # widened pattern: see fold.widened_pattern and `_negatives`), if that can be told
    negative_starts: re.Pattern | None
    names: Leading               # names made of date words ("The Sunday Times"), case-sensitive
    name_ok: frozenset[str]
    tense_words: dict[str, int]  # cue word or phrase ("going_to") -> +1 future, -1 past,
    past_suffix: str             # 0 present, +-2 only next to it, 3 future only before it;
                                 # the suffix of weaker past cues ("-ed")
    adjacent: re.Pattern         # what may stand between a weak cue and the expression
    schedule_far: frozenset[str]  # schedule verbs that may stand a few words before their date
    schedule_gap: re.Pattern     # what may stand between those and the date
    verb_group: frozenset[str]   # words of a verb group before its verb ("had been scheduled to")
    pluperfect: frozenset[str]   # the auxiliary that puts a whole verb group in the past ("had")
    not_infinitive: frozenset[str]  # words after "to" that make it a preposition ("to a truce")
    verb_homographs: frozenset[str]  # cues that are verbs after a modal or "to" ("could last")
    verb_before: frozenset[str]  # the modals and "to" before such a verb
    future_in_past: frozenset[str]  # future cues that look ahead from a time past ("would")
    sentence_end: re.Pattern     # where a sentence ends: not after "Dec." in "Dec. 31"
    approx: re.Pattern
    counted: re.Pattern          # how a date counted from another ends ("ago", "earlier")
    part_of: re.Pattern          # "the end of" before an expression that did not take it
    mod_after: re.Pattern        # "or so", "and beyond" right after an expression
    boundary: re.Pattern         # "since", "the quarter ended" before a date that bounds a period
    deadline: re.Pattern         # "by" before a date ahead of the DCT: a target
    covers: re.Pattern           # "Week of" before the span of days a digest reports on
    glue: re.Pattern             # what may stand between a day and its clock time ("at about")
    range_to: re.Pattern         # "to", "through" between the two ends of a range of days
    over_before: re.Pattern      # "ended" before a date, or after it: a day gone by
    over_after: re.Pattern
    put_off: re.Pattern          # "adjourned the case until", "called for" before a date: the coming one

    keyed: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    # the rules' keys once each (161 rules share 84 keys), with the rules of each: a new word
    # is tried against every key once, not once a rule (see `key_groups`)
    key_groups: tuple[tuple[re.Pattern, tuple[int, ...]], ...] = ()

    def rules_for(self, word: str) -> tuple[int, ...]:
        """The rules a word can be part of (their keys), by rule order; remembered."""
        found = self.keyed.get(word)
        if found is None:
            if len(self.keyed) > 100_000:  # a bound on memory for endless streams of words
                self.keyed.clear()
            found = self.keyed[word] = tuple(sorted(o for key, orders in self.key_groups
                                                    if key.fullmatch(word) for o in orders))
        return found


def _load_lists() -> dict[str, str]:
    lists = {}
    for path in sorted((DATA / "repattern").glob("*.txt")):
        alts = sorted(_lines(path), key=len, reverse=True)
        lists[path.stem] = "(?:" + "|".join(a.strip() for a in alts) + ")"
    # A list may use another list ("today(?='s %presentage)" in ref.txt): one level deep.
    return {name: _expand(alts, lists) for name, alts in lists.items()}


def _load_tables() -> dict[str, dict[str, str]]:
    tables = {}
    for path in sorted((DATA / "normalization").glob("*.tsv")):
        table = {}
        for line in _lines(path):
            key, _, value = line.partition("\t")
            table[normalise_key(key)] = value.split("\t")[0].strip()
        tables[path.stem] = table
    return tables


def _expand(pattern: str, lists: dict[str, str]) -> str:
    # Longest names first, so %Month is not read as %month followed by text.
    def sub(m: re.Match) -> str:
        return lists[m.group(1)]

    names = "|".join(sorted(map(re.escape, lists), key=len, reverse=True))
    return re.sub(r"%(" + names + r")", sub, pattern)


def _parse_rules(lists: dict[str, str]) -> tuple[Rule, ...]:
    blocks: list[dict[str, str]] = []
    for line in (DATA / "rules.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("rule "):
            blocks.append({"name": line.split()[1]})
            continue
        key, _, rest = line.strip().partition(" ")
        rest = rest.strip()
        if key in ("type", "mod", "flags", "key"):  # these take no spaces: cut a trailing comment
            rest = rest.split("#")[0].strip()
        blocks[-1][key] = rest
    rules = []
    for order, b in enumerate(blocks):
        flags = frozenset(b.get("flags", "").split())
        try:
            regex = re.compile(_left(flags) + "(?:" + _expand(b["pattern"], lists) + r")(?!\w)", FLAGS)
        except re.error as e:
            raise ValueError(f"rules.txt: rule {b['name']}: bad pattern ({e})") from None
        key = _expand(b["key"], lists).replace(r"\.?", "").replace(r"\.", "")
        rules.append(Rule(b["name"], b["type"], regex, b["value"], b.get("mod"), b.get("end"),
                          flags, order, re.compile(key, FLAGS)))
    return tuple(rules)


def _left(flags: frozenset[str]) -> str:
    """What a rule's pattern opens with: never start inside a number, not after a letter
    (unless glued), nor after "1," or "1."."""
    return (r"(?<!\d)" if "glued" in flags else r"(?<!\w)") + r"(?<!\d[,.])"


def _starts(pattern: re.Pattern | None, left: str) -> tuple[re.Pattern | None, bool]:
    """For a pattern on lowered text (see `fold`) that opens with the lookbehinds `left`: a
    pattern matching one character, the first of a class every match starts with (see
    `fold.first_chars`), where the pattern matches, its group 1 spanning that match (then
    True). Run on a window, the search skips in one quick loop the characters no match
    starts with, where the pattern itself is tried at every position. A back-reference may
    not stand in a lookbehind: for such a pattern it only tells where a match may start."""
    if pattern is None or not pattern.pattern.startswith(left):
        return None, False
    first = first_chars(pattern.pattern)
    if first is None:
        return None, False
    try:
        return re.compile(f"{first}(?<={left}(?=({pattern.pattern[len(left):]})){first})"), True
    except re.error:
        return re.compile(f"{first}(?<={left}{first})"), False


def _joined(path: Path, lists: dict[str, str]) -> str:
    """The patterns of a file, one a line, as one alternation."""
    return "|".join(f"(?:{_expand(p.strip(), lists)})" for p in _lines(path))


def sentence_end(abbreviations: list[str]) -> re.Pattern:
    """Where a sentence ends: a full stop before a capital or a digit, unless it ends one of
    the `abbreviations` ("Dec. 31", "Mr. Smith"), or a blank line, or a line break before a
    capital. The checks for abbreviations stand after the stop, so that only a stop pays
    for them; a lookbehind takes one width, so there is one for each length."""
    by_len: dict[int, list[str]] = {}
    for a in abbreviations:
        by_len.setdefault(len(a), []).append(re.escape(a))
    not_abbr = "".join(rf"(?<!\b(?:{'|'.join(ws)})\.)" for _, ws in sorted(by_len.items()))
    return re.compile(rf"[.!?]{not_abbr}(?=\s+[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"“])")


def key_groups(rules) -> tuple[tuple[re.Pattern, tuple[int, ...]], ...]:
    """Each key the rules use, once, with the orders of the rules that use it."""
    by_key: dict[str, list[Rule]] = {}
    for r in rules:
        by_key.setdefault(r.key.pattern, []).append(r)
    return tuple((rs[0].key, tuple(r.order for r in rs)) for rs in by_key.values())


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The compiled resources; built once a process."""
    lists = _load_lists()
    rules = _parse_rules(lists)
    negatives = _joined(DATA / "negatives.txt", lists)
    wide = widened_pattern(negatives)
    cues = dict(line.split("\t", 1) for line in _lines(DATA / "tense.txt"))
    tense_words = {w: 1 for w in cues["future"].split()}
    tense_words.update({w: -1 for w in cues["past"].split()})
    tense_words.update({w: 0 for w in cues["present"].split()})
    tense_words.update({w: 2 for w in cues["future-adjacent"].split() if w != "-"})  # adjacent
    tense_words.update({w: -2 for w in cues["past-adjacent"].split() if w != "-"})
    tense_words.update({w: 3 for w in cues["future-before"].split()})  # only before it
    tense_words.update({w: 4 for w in cues["bound-ahead"].split()})  # see tense.py
    tense_words.update({w: -3 for w in cues["past-finite"].split()})  # past unless after "be"
    between = "|".join(cues["between"].split())
    return Grammar(
        rules=rules,
        key_groups=key_groups(rules),
        tables=_load_tables(),
        negatives=re.compile(negatives, FLAGS),
        negative_starts=wide and first_chars(wide.pattern) and skipping(wide),
        names=Leading(re.compile(_joined(DATA / "names.txt", lists))),
        name_ok=frozenset(normalise_key(w) for w in _lines(DATA / "nameok.txt")),
        tense_words=tense_words,
        past_suffix=cues["past-suffix"].strip(),
        verb_group=frozenset(cues["verb-group"].split()),
        pluperfect=frozenset(cues["pluperfect"].split()),
        not_infinitive=frozenset(cues["not-infinitive"].split()),
        verb_homographs=frozenset(cues["verb-homographs"].split()),
        verb_before=frozenset(cues["verb-before"].split()),
        future_in_past=frozenset(cues["future-in-past"].split()),
        sentence_end=sentence_end(cues["abbreviations"].split()),
        adjacent=re.compile(r"[\s,]*(?:(?:" + between + r")\s+)*$", FLAGS),
        schedule_far=frozenset(cues["schedule-far"].split()),
        schedule_gap=re.compile(r"(?:\s+[a-z][\w'-]*){0,%d}[\s,]*(?:(?:" % int(cues["schedule-gap"])
                                + between + r")\s+)*$", FLAGS),
        approx=re.compile(r"(?<!\w)(" + lists["approx"] + r")\s+$", FLAGS),
        counted=re.compile(r"(?<!\w)(?:" + lists["counted"] + r")$", FLAGS),
        part_of=re.compile(r"(?<!\w)(" + lists["partof"] + r")\s+$", FLAGS),
        mod_after=re.compile(r"\s+(" + lists["modafter"] + r")(?!\w)", FLAGS),
        boundary=re.compile(r"(?<!\w)" + lists["boundary"] + r"\s+$", FLAGS),
        deadline=re.compile(r"(?<!\w)" + lists["deadline"] + r"\s+$", FLAGS),
        glue=re.compile(r"\s*,?\s*(?:(?:on|at)\s*)?(?:(?:" + lists["approx"] + r")\s+)?", FLAGS),
        range_to=re.compile(r"\s*(?:" + lists["rangeto"] + r")\s*", FLAGS),
        covers=re.compile(r"(?<!\w)(" + lists["covers"] + r")\s+$", FLAGS),
        over_before=re.compile(r"(?<!\w)(?:" + lists["over"] + r")\s+(?:on\s+)?$", FLAGS),
        over_after=re.compile(r"\s+(?:" + lists["over"] + r")(?!\w)", FLAGS),
        put_off=re.compile(r"(?<!\w)(?:" + lists["putoff"] + r"(?:\s+[\w'-]+){0,4}?\s+(?:until|till|to|through)|"
                           + lists["callfor"] + r")\s+(?:on\s+)?$", FLAGS),
    )


@dataclass
class Candidate:
    """A rule's match in a text, before it is resolved."""

    start: int
    end: int
    rule: Rule
    match: re.Match


# The word before an expression, with a title's dot ("Mrs. May").
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*\.?)[ \t\u00a0]+$")


def _in_name(text: str, start: int, g: Grammar) -> bool:
    """A capitalised word just before a bare year or month makes it part of a name."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return False
    word = m.group(1)
    return word[0].isupper() and normalise_key(word) not in g.name_ok and not _is_date_word(word, g)


def _is_date_word(word: str, g: Grammar) -> bool:
    key = normalise_key(word)
    return key in g.tables["month"] or key in g.tables["weekday"]


# Words as the keys see them: runs of letters or of digits ("GMT02" is "GMT" and "02").
_WORDS = re.compile(r"[^\W\d_]+|\d+")
_DIGIT = re.compile(r"\d")
# How far around a key word a rule's match may reach: patterns put more before their key
# ("Wednesday, the 4th of October") than after it ("October 4, 2017"). The window only has
# to hold enough of a match to find where it starts; the match is redone on the whole text.
_BACK, _AHEAD = 36, 24


def _occurrences(text: str, word: str):
    """Where a word stands in the text as a whole word (a run of letters or of digits)."""
    same = str.isdigit if word[0].isdigit() else str.isalpha
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not same(text[i - 1])) and (j == len(text) or not same(text[j])):
            yield i, j
        i = text.find(word, j)


def _windows(spans: list[tuple[int, int]], back: int, size: int, ahead: int | None = None
             ) -> list[tuple[int, int]]:
    """Merged text windows around the given spans, `back` characters before each and
    `ahead` after (as many as before unless said)."""
    ahead = back if ahead is None else ahead
    out: list[list[int]] = []
    for s, e in sorted(spans):
        s, e = max(0, s - back), min(size, e + ahead)
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _matches(text: str, rule: Rule, windows: list[tuple[int, int]], low: str | None):
    """The rule's matches that start inside the windows. The window only finds where a
    match starts; the match itself is redone on the whole text, as the window's end may
    have cut it short (an optional part left out, a lookahead blinded). Where it can, the
    search runs on the lower-cased text `low` (see `fold` and `_starts`), which finds the
    same starts."""
    starts, exact = rule.start_search
    for ws, we in windows:
        if low is not None and starts is not None:
            yield from _started(text, low, rule, ws, we, starts, exact)
            continue
        redo = we < len(text)
        for m in rule.regex.finditer(text, ws, we):
            if redo:
                m = rule.regex.match(text, m.start())
                if m is None:
                    continue
            yield m


def _started(text: str, low: str, rule: Rule, ws: int, we: int, starts: re.Pattern, exact: bool):
    """The matches `rule.regex.finditer(text, ws, we)` gives, redone on the whole text, found
    through `starts` (the rule's start_search) on the lowered text. When exact, its group 1
    is the match, where finditer looks for the next; else (a loosened pattern, a
    back-reference) it only says where the rule may match, and the rule itself is tried there."""
    pos = ws
    while (found := starts.search(low, pos, we)) is not None:
        start = found.start()
        if exact:
            pos = found.end(1)
        else:
            m = rule.regex.match(text, start, we)
            if m is None:
                pos = start + 1
                continue
            pos = m.end()  # a match is never empty: its first character is one of a class
            if we == len(text):
                yield m
                continue
        m = rule.regex.match(text, start)
        if m is not None:
            yield m


def find_candidates(text: str, g: Grammar | None = None) -> list[Candidate]:
    """The rule matches that survive the negatives and the name check, the longest kept where
    they overlap, in text order. Each rule is tried only around its key words."""
    g = g or grammar()
    hits: dict[int, list[tuple[int, int]]] = {}
    for word in set(_WORDS.findall(text)):
        orders = g.keyed.get(word)
        if orders is None:
            orders = g.rules_for(word)
        if orders:
            spans = list(_occurrences(text, word))
            for order in orders:
                hits.setdefault(order, []).extend(spans)
    found: list[Candidate] = []
    low = lowered_text(text)
    seen: set[tuple[int, int, int]] = set()
    windows: dict[str, list[tuple[int, int]]] = {}  # rules with the same key share windows
    for order in sorted(hits):
        rule = g.rules[order]
        key = rule.key.pattern
        if key not in windows:
            windows[key] = _windows(hits[order], _BACK, len(text), _AHEAD)
        spans = windows[key]
        if "digit" in rule.flags:  # a rule whose matches all hold a digit skips windows without
            spans = [(ws, we) for ws, we in spans if _DIGIT.search(text, ws, we)]
        for m in _matches(text, rule, spans, low):
            s, e = m.span()
            if s == e or (s, e, order) in seen:
                continue
            seen.add((s, e, order))
            if "name-check" in rule.flags and _in_name(text, s, g):
                continue
            found.append(Candidate(s, e, rule, m))
    found.sort(key=lambda c: (c.start - c.end, c.rule.order, c.start))
    taken = _longest(found)
    # Known non-dates are looked for only around what was kept; when one is found, the
    # choice is made again without the candidates it touches.
    blocked = _negatives(text, low, taken, g) + _names(text, taken, g)
    if blocked:
        blocked.sort()
        found = [c for c in found if not _overlapping(blocked, c.start, c.end)]
        taken = _longest(found)
    taken.sort(key=lambda c: c.start)
    return taken


class _Spans:
    """Non-overlapping spans kept sorted, to ask in log time whether a span overlaps one."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, s)
        return (i > 0 and self.ends[i - 1] > s) or (i < len(self.starts) and self.starts[i] < e)

    def add(self, s: int, e: int) -> None:
        i = bisect_right(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


def _longest(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, taken in the order given (longest first)."""
    taken: list[Candidate] = []
    spans = _Spans()
    for c in found:
        if not spans.overlaps(c.start, c.end):
            spans.add(c.start, c.end)
            taken.append(c)
    return taken


def _overlapping(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of `spans`, which are sorted and do not overlap each other:
    then the last span starting before e has the furthest end of them all."""
    i = bisect_left(spans, (e, -1))
    return i > 0 and spans[i - 1][1] > s


def _names(text: str, taken: list[Candidate], g: Grammar) -> list[tuple[int, int]]:
    """Spans of names made of date words (names.txt) that overlap a candidate without a digit
    (no such name holds one)."""
    kept = sorted((c.start, c.end) for c in taken if not _DIGIT.search(text, c.start, c.end))
    return [(s, e) for ws, we in _windows(kept, 20, len(text))
            for _, s, e in g.names.spans(text, ws, we) if _overlapping(kept, s, e)]


def _negatives(text: str, low: str | None, taken: list[Candidate], g: Grammar) -> list[tuple[int, int]]:
    """Spans of known non-dates (negatives.txt) near the candidates. They are all about
    numbers, so only candidates with a digit in or right next to them are looked at."""
    near = [(c.start, c.end) for c in taken if _DIGIT.search(text, max(0, c.start - 12), c.end + 12)]
    windows = _windows(near, 30, len(text))
    kept = sorted((c.start, c.end) for c in taken)
    return [(s, e) for ws, we in windows for s, e in _negative_spans(text, low, ws, we, g)
            if _overlapping(kept, s, e)]


def _negative_spans(text: str, low: str | None, ws: int, we: int, g: Grammar):
    """The spans `g.negatives.finditer(text, ws, we)` gives. The alternation of every negative,
    case-blind, is tried at each position of the window; on lowered text, `negative_starts`
    skips to the positions where one may start, and the negatives are tried there only."""
    if low is None or g.negative_starts is None:
        yield from (m.span() for m in g.negatives.finditer(text, ws, we))
        return
    pos = ws
    while (found := g.negative_starts.search(low, pos, we)) is not None:
        m = g.negatives.match(text, found.start(), we)
        if m is None:
            pos = found.start() + 1
            continue
        yield m.span()
        pos = m.end()  # a match is never empty: its first character is one of a class
