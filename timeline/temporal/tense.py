"""The direction of a relative date from the tense of its sentence.

"Wednesday" in "X said Wednesday" is the last one; in "X will meet on Wednesday" the next
one. The cue words are data (data/tense.txt); the cue nearest the expression wins, one in
another clause counting as further away, and an "-ed" word counting only right next to it.
"""

from __future__ import annotations

import re

from .engine import Grammar

# How far a cue may stand from the expression, in characters, within its sentence.
_REACH = 200
# Where a sentence ends (shared with the tagger, which lends a year only within one).
SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"“])")
_TENSE_WORDS = re.compile(r"[A-Za-z']+")
_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\s(?:and|but|that)\s")
_CLAUSE_BREAK = 60  # characters a clause boundary adds to a cue's distance


def tense(text: str, start: int, end: int, g: Grammar) -> int | None:
    """+1 when the nearest tense cue in the sentence is a future one, -1 when a past one, 0
    when it is a present one, None when the sentence has none. (On a tie the cue before
    wins.)"""
    left = max((m.end() for m in SENTENCE_END.finditer(text, max(0, start - _REACH), start)),
               default=max(0, start - _REACH))
    stop = SENTENCE_END.search(text, end, end + _REACH)
    right = stop.start() if stop else min(len(text), end + _REACH)
    before = [(m.group().lower(), m.start(), m.end()) for m in _TENSE_WORDS.finditer(text, left, start)]
    after = [(m.group().lower(), m.start(), m.end()) for m in _TENSE_WORDS.finditer(text, end, right)]
    found = []
    for words, order in ((before, range(len(before) - 1, -1, -1)), (after, range(len(after)))):
        for i in order:  # outwards from the expression: the first cue is the nearest
            sign = _cue(text, words, i, start, end, g)
            if sign is not None:
                w, s, e = words[i]
                gap = (e, start) if e <= start else (end, s)
                # A cue in another clause counts as further away: in "will celebrate Mass
                # on Sunday, the Vatican said" the "will" governs Sunday, not "said".
                far = _CLAUSE_BREAK if _CLAUSE.search(text, *gap) else 0
                found.append((gap[1] - gap[0] + far, sign))
                break
    sign = min(found, key=lambda f: f[0])[1] if found else None
    if not sign and before and g.tense_words.get(before[-1][0]) == _BOUND_AHEAD \
            and g.adjacent.match(text, before[-1][2], start):
        return 1  # "is closed until Monday": a bound in the present is ahead
    return sign


# After these an "-ed" word is a passive or an adjective in the present, no past: "will be
# completed by Aug. 31", "the embassy is closed until Monday".
_PASSIVE = frozenset(("be", "been", "being", "is", "are", "am"))

_BOUND_AHEAD = 4  # the code engine.py gives the words of tense.txt's "bound-ahead"


def _cue(text: str, words: list, i: int, start: int, end: int, g: Grammar) -> int | None:
    """The direction word i gives, or None when it is no cue here."""
    w, s, e = words[i]
    sign = g.tense_words.get(w)
    if sign == _BOUND_AHEAD:  # no cue by itself (see tense())
        return None
    if i + 1 < len(words):  # a phrase such as "going to" counts at its first word
        phrase = g.tense_words.get(w + "_" + words[i + 1][0])
        # "agreed to buy" looks ahead; "agreed to a truce" and "due to its loss" take a noun
        if phrase is not None and not (words[i + 1][0] == "to" and i + 2 < len(words)
                                       and words[i + 2][0] in g.not_infinitive):
            sign = phrase
    if sign == -2 or (sign is None and len(w) > 3 and w.endswith(g.past_suffix)):
        # "will be completed by Aug. 31": after "be" an "-ed" word is a passive, no tense.
        sign = None if i and words[i - 1][0] in _PASSIVE else -2
    if sign == 3:  # a commitment governs what follows it, not what stands before
        sign = 1 if e <= start else None
    if sign in (-2, 2):  # weak cues ("-ed") count only right next to the expression
        near = g.adjacent.match(text, e, start) if e <= start else g.adjacent.match(text, end, s)
        sign = sign // 2 if near else None
    if sign is not None and sign >= 0 and _pluperfect(text, words, i, g):
        return -1
    return sign


def _pluperfect(text: str, words: list, i: int, g: Grammar) -> bool:
    """Whether the verb group word i ends is in the past perfect ("had been scheduled to")."""
    j = i - 1
    while j >= 0 and text[words[j][2]:words[j + 1][1]].isspace():
        w = words[j][0]
        if w in g.pluperfect:
            return True
        if w not in g.verb_group:
            return False
        j -= 1
    return False
