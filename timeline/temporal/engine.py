"""The tagger's engine: reads the data files once, finds candidate expressions, keeps the best.

It knows nothing about English: every word, pattern and value lives in `data/`. The engine
compiles each rule's pattern once, scans the text with them, drops candidates that overlap a
known non-date (`negatives.txt`) or sit inside a name, and keeps the longest non-overlapping
matches. Resolution of values against the DCT is in `resolve.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


def normalise_key(s: str) -> str:
    """How a matched word is looked up in a table: lower case, no dots, single spaces."""
    return re.sub(r"[\s\-]+", " ", s.lower().replace(".", "")).strip()


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    regex: re.Pattern
    value: str
    mod: str | None
    end: str | None
    flags: frozenset[str]
    order: int


@dataclass(frozen=True)
class Grammar:
    rules: tuple[Rule, ...]
    tables: dict[str, dict[str, str]]
    negatives: re.Pattern
    name_ok: frozenset[str]
    future: re.Pattern
    past: re.Pattern
    approx: re.Pattern


def _load_lists() -> dict[str, str]:
    lists = {}
    for path in sorted((DATA / "repattern").glob("*.txt")):
        alts = sorted(_lines(path), key=len, reverse=True)
        lists[path.stem] = "(?:" + "|".join(a.strip() for a in alts) + ")"
    return lists


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
        if key in ("type", "mod", "flags"):  # these take no spaces: cut a trailing comment
            rest = rest.split("#")[0].strip()
        blocks[-1][key] = rest
    rules = []
    for order, b in enumerate(blocks):
        flags = frozenset(b.get("flags", "").split())
        left = r"(?<!\d)" if "glued" in flags else r"(?<!\w)"
        try:
            regex = re.compile(left + "(?:" + _expand(b["pattern"], lists) + r")(?!\w)", FLAGS)
        except re.error as e:
            raise ValueError(f"rules.txt: rule {b['name']}: bad pattern ({e})") from None
        rules.append(Rule(b["name"], b["type"], regex, b["value"], b.get("mod"), b.get("end"),
                          flags, order))
    return tuple(rules)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The compiled resources; built once a process."""
    lists = _load_lists()
    negatives = "|".join(f"(?:{p.strip()})" for p in _lines(DATA / "negatives.txt"))
    cues = dict(line.split(None, 1) for line in _lines(DATA / "tense.txt"))
    return Grammar(
        rules=_parse_rules(lists),
        tables=_load_tables(),
        negatives=re.compile(negatives, FLAGS),
        name_ok=frozenset(normalise_key(w) for w in _lines(DATA / "nameok.txt")),
        future=re.compile(r"(?<!\w)(?:" + cues["future"].strip() + r")(?!\w)", FLAGS),
        past=re.compile(r"(?<!\w)(?:" + cues["past"].strip() + r")(?!\w)", FLAGS),
        approx=re.compile(r"(?<!\w)(" + lists["approx"] + r")\s+$", FLAGS),
    )


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[ \t\u00a0]+$")


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


def find_candidates(text: str, g: Grammar | None = None) -> list[Candidate]:
    """All rule matches that survive the negatives and the name check, best first removed
    of overlaps, in text order."""
    g = g or grammar()
    blocked = [(m.start(), m.end()) for m in g.negatives.finditer(text)]
    found: list[Candidate] = []
    for rule in g.rules:
        for m in rule.regex.finditer(text):
            s, e = m.span()
            if s == e or any(bs < e and s < be for bs, be in blocked):
                continue
            if "name-check" in rule.flags and _in_name(text, s, g):
                continue
            found.append(Candidate(s, e, rule, m))
    found.sort(key=lambda c: (c.start - c.end, c.rule.order, c.start))
    taken: list[Candidate] = []
    for c in found:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken
