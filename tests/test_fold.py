"""fold: a lowered pattern on lowered text finds exactly what the re.I pattern finds."""

import re

import pytest

from timeline.fold import CaseBlind, first_chars, loosened_pattern, lowered_pattern, lowered_text, skipping

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


@pytest.mark.parametrize("src,text,why", LOOSE, ids=[c[2] for c in LOOSE])
def test_loosened_matches_wherever_the_pattern_does(src, text, why):
    rx = re.compile(src, re.I)
    loose = loosened_pattern(src)
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
    (r"(?i:may)", None, "nor a part with flags of its own"),
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
