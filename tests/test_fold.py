"""fold: a lowered pattern on lowered text finds exactly what the re.I pattern finds."""

import re

import pytest

from timeline.fold import (CaseBlind, Leading, first_chars, loosened_pattern, lowered_pattern, lowered_text,
                           skipping, widened_pattern)

SAME = [  # (pattern, text, why)
    (r"(?P<n>\d+) Killed\b", "At least 12 KILLED, 3 killed", "capitals in the pattern and the text"),
    (r"\D+(?P<N>x)", "abcX", "an upper-case escape and group name keep their case"),
    (r"[A-Z]{2}\d", "ab1 CD2", "a class of capitals"),
    (r"sept?\.?\s+\w+", "SEPT. 4, Sep 5", "optional letters"),
    (r"strasse", "STRAẞE", "a non-ASCII capital, lowered to a letter outside the pattern"),
    (r"–\s*\w", "4 – 5", "a caseless non-ASCII character"),
]


@pytest.mark.parametrize("src,text,why", SAME, ids=[c[2] for c in SAME])
def test_lowered_finds_what_re_i_finds(src, text, why):
    want = [(m.span(), m.groupdict()) for m in re.finditer(src, text, re.I)]
    low = lowered_text(text)
    rx = lowered_pattern(src)
    got = want if low is None else [(m.span(), {k: v and text[m.start(k):m.end(k)] for k, v in m.groupdict().items()})
                                    for m in rx.finditer(low)]
    assert rx is not None and got == want


REFUSED = [  # texts re.I reads otherwise than their lower case: the caller keeps re.I
    ("Kaſſel", "long s, which re.I takes for s"),
    ("İstanbul", "dotted capital I, two characters when lowered"),
    ("ıraq", "dotless i, which re.I takes for i"),
]


@pytest.mark.parametrize("text,why", REFUSED, ids=[c[1] for c in REFUSED])
def test_odd_letters_keep_re_i(text, why):
    assert lowered_text(text) is None


@pytest.mark.parametrize("src,why", [(r"(?-i:May)\s+\d", "a case-sensitive part"),
                                     (r"straße", "a cased non-ASCII letter")],
                         ids=["inline flag", "non-ascii letter"])
def test_patterns_lowering_cannot_keep(src, why):
    assert lowered_pattern(src) is None


LOOSE = [  # (pattern, text, why): wherever the pattern matches, the loosened one does too
    (r"(?-i:May)\s+\d+", "may 5, May 6, MAY 7", "a case-sensitive month: only May 6 is one"),
    (r"(?:on\s+)?(?-i:[A-Z]\w+)\s+\d", "On June 5 and on june 6", "a case-sensitive class"),
    (r"(?-i:May)(?=\s+\d)", "May 4", "inside a lookahead is fine"),
]


WIDENED = [  # (pattern, text, why): what loosened_pattern refuses, widened_pattern takes
    (r"(?-i:\b(?!GMT|UTC)[A-Z]{1,6}-?\d+)", "COVID-19, GMT02 and F-16", "a negation inside a case-sensitive part"),
    (r"\d+(?!\s+(?-i:GMT))", "at 10 GMT, 12 gmt", "a case-sensitive part inside a negation"),
    (r"[(](?-i:(?![)(]X)[A-Z])|(?-i:May)\s+\d", "(A) (X) May 5 may 6", "parentheses in a class are characters"),
]
WIDER = [(loosened_pattern, *c) for c in LOOSE] + [(widened_pattern, *c) for c in LOOSE + WIDENED]


@pytest.mark.parametrize("make,src,text,why", WIDER, ids=[f"{c[0].__name__}: {c[3]}" for c in WIDER])
def test_loosened_matches_wherever_the_pattern_does(make, src, text, why):
    rx = re.compile(src, re.I)
    loose = make(src)
    starts = [p for p in range(len(text)) if rx.match(text, p)]
    assert starts and all(loose.match(lowered_text(text), p) for p in starts)


@pytest.mark.parametrize("src,why", [
    (r"\d+(?!\s+(?-i:GMT))", "loosened, the negation would forbid more"),
    (r"(?-i:\b(?!GMT)[A-Z]+)", "a negation inside a case-sensitive part"),
    (r"(?>(?-i:May)|may)", "an atomic group commits to its first path"),
    (r"\d+ killed", "no case-sensitive part: lowered_pattern is exact"),
], ids=["negated", "negation inside", "atomic", "nothing to loosen"])
def test_loosening_refused(src, why):
    assert loosened_pattern(src) is None


def _parser_moved(monkeypatch):
    """A Python whose re has no _parser module (moved or renamed, as sre_parse once was)."""
    import sys

    monkeypatch.delattr(re, "_parser")
    monkeypatch.setitem(sys.modules, "re._parser", None)  # the import now raises ImportError


def _constant_gone(monkeypatch):
    """A Python whose re._constants lacks a name the walk reads (AttributeError)."""
    monkeypatch.delattr(re._constants, "ATOMIC_GROUP")


@pytest.mark.parametrize("break_parser", [_parser_moved, _constant_gone],
                         ids=["re._parser-missing", "re._constants-name-missing"])
def test_without_the_private_parser_the_tagger_finds_the_same(monkeypatch, break_parser):
    """The tagger still imports and runs, searching with the re.I patterns: same matches."""
    from tests.conftest import SEEDS
    from timeline import fold
    from timeline.temporal import engine

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    texts.append("may 5, May 6, MAY 7; on June 5 and on june 6 the envoys met. In March, two "
                 "weeks ago, and last May they said so.")
    engine.grammar.cache_clear()
    fold._private_parser.cache_clear()
    found = lambda text: [(c.start, c.end, c.rule.name, c.match.groupdict())
                          for c in engine.find_candidates(text)]
    usual = [found(t) for t in texts]
    assert any(rule.starts is not None for rule in engine.grammar().rules)
    break_parser(monkeypatch)
    engine.grammar.cache_clear()
    fold._private_parser.cache_clear()
    try:
        assert loosened_pattern(r"(?-i:May)\s+\d+") is None
        assert all(rule.starts is None for rule in engine.grammar().rules), "the fallback ran"
        assert [found(t) for t in texts] == usual
        assert any(usual), "the texts hold dates"
    finally:
        monkeypatch.undo()
        engine.grammar.cache_clear()
        fold._private_parser.cache_clear()


def test_the_tagger_imports_where_re_has_no_private_parser():
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = ("import re, sys; del re._parser; sys.modules['re._parser'] = None; "
              "from datetime import date; from timeline.temporal import tag; "
              "print([t.text for t in tag('They met on May 6, 2024.', date(2024, 5, 7))])")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT)}, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "['May 6, 2024']\n"


FIRST = [  # (pattern, class, why)
    (r"(?:on\s+)?may\s+\d", "[om]", "an optional part adds its first characters"),
    (r"(?<!\w)(?<!\d[,.])'\d\d", "[']", "lookbehinds consume nothing"),
    (r"\d+|the", r"[\dt]", "each branch, a category kept as it is written"),
    (r"(?:[a-c]|x)y", "[a-cx]", "a range"),
    (r"(?:x)?", None, "a pattern that can match nothing starts with anything"),
    (r"[^a]b", None, "a negated class is not told"),
    (r".b", None, "nor any character"),
    (r"(?i:may)", "[Mm]", "a case-blind part: both cases of its first letter"),
    (r"(?:x|(?i:k))", "[xKk\u212a]", "and every other letter the regex engine folds onto it (the Kelvin sign)"),
    (r"(?i:\d|m)", r"[\dMm]", "a category in a case-blind part is kept as it is written"),
    (r"(?s:may)", None, "a part with other flags of its own is not told"),
    (r"(?-i:may)", None, "nor one that removes flags"),
]


@pytest.mark.parametrize("src,want,why", FIRST, ids=[c[2] for c in FIRST])
def test_first_chars(src, want, why):
    assert first_chars(src) == want


@pytest.mark.parametrize("src,want,why", [c for c in FIRST if c[1]], ids=[c[2] for c in FIRST if c[1]])
def test_every_match_starts_with_one_of_the_first_chars(src, want, why):
    text = "on may 5, may 6; '19 and 1999 the bxy axy"
    starts = [text[m.start()] for m in re.finditer(src, text)]
    assert starts and all(re.fullmatch(want, c) for c in starts)


SKIPPING = [  # (pattern, text, pos, endpos, found, why)
    (r"\bthe (?:past|last) year\b", "over the last year", 0, None, True, "a match after skipped characters"),
    (r"\bthe (?:past|last) year\b", "breathe last year", 0, None, False, r"\b still holds inside a word"),
    (r"(?:who|which)\s+had\s+$", "men who had ", 0, None, True, "an end anchor inside the look ahead"),
    (r"(?:who|which)\s+had\s+$", "men who had been", 0, 12, True, "endpos ends the text as search reads it"),
    (r"claimed\b", "he claimed it", 0, 9, False, "a match cut by endpos is none"),
    (r"claimed\b", "he claimed it", 4, None, False, "one starting before pos is none"),
    (r"(?<!\w)attack", "counterattack", 0, None, False, "a lookbehind still sees before the match"),
]


@pytest.mark.parametrize("src,text,pos,endpos,found,why", SKIPPING, ids=[c[5] for c in SKIPPING])
def test_skipping_finds_where_the_pattern_does(src, text, pos, endpos, found, why):
    end = len(text) if endpos is None else endpos
    rx = skipping(re.compile(src))
    assert rx.pattern != src  # the class of first characters leads
    assert (re.compile(src).search(text, pos, end) is not None) == found
    assert (rx.search(text, pos, end) is not None) == found
    assert CaseBlind(src).search(text.upper(), lowered_text(text.upper()), pos, end) == found


def test_skipping_keeps_a_pattern_whose_start_is_unknown():
    assert skipping(re.compile(r".b")).pattern == ".b"


LEADING = [  # (pattern, text, pos, endpos, why): the same matches as finditer
    (r"\b(?P<t>said|told)\b", "He said so, she told them; unsaid", 0, None, "a word list after \\b"),
    (r"(?:at least )?(?P<n>\d+) killed", "at least 3 killed, 4 killed, 15 killed", 0, None,
     "an optional word before the class the rest starts with"),
    (r"\bto\b", "to to-do tomato into to", 0, None, "matches side by side, none inside a word"),
    (r"aa", "aaaaa", 0, None, "none overlapping: the next starts after the last ends"),
    (r"(?<!\w)attack", "counterattack, attack", 0, None, "a lookbehind still sees before the match"),
    (r"\bsaid\b", "they said it", 6, None, "pos: \\b reads the character before it"),
    (r"killed\b", "were killed by", 0, 9, "endpos cuts a match short: none"),
]


@pytest.mark.parametrize("src,text,pos,endpos,why", LEADING, ids=[c[4] for c in LEADING])
def test_leading_finds_what_finditer_finds(src, text, pos, endpos, why):
    end = len(text) if endpos is None else endpos
    rx = re.compile(src)
    leading = Leading(rx)
    assert leading.lead is not None, "a class of first characters leads the search"
    want = [(m.span(), m.groupdict()) for m in rx.finditer(text, pos, end)]
    got = [((s, e), m.groupdict()) for m, s, e in leading.spans(text, pos, endpos)]
    assert got == want


@pytest.mark.parametrize("src,why", [
    (r"(a)\1", "a group referred to by number: the lookahead's group 1 would shift it"),
    (r"(?:x)?y?", "a pattern that can match nothing"),
    (r"said", "case-insensitive", ),
], ids=["numbered reference", "empty match", "re.I"])
def test_leading_runs_the_pattern_as_it_is(src, why):
    rx = re.compile(src, re.I if why == "case-insensitive" else 0)
    assert Leading(rx).lead is None
    text = "aa y said SAID"
    assert [(s, e) for _, s, e in Leading(rx).spans(text)] == [m.span() for m in rx.finditer(text)]


def test_widening_keeps_loosening_refusals_that_are_not_negations():
    assert widened_pattern(r"(?>(?-i:May)|may)") is None  # an atomic group commits to a path
