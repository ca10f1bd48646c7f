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
_TENSE_WORDS = re.compile(r"[A-Za-z']+")
# a clause ends at a comma, a colon, a bracket, a dash: typographic, " - ", the typewriter's
# " -- " (WSJ) and the wire's " _ " (AP)
_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s(?:--?|_)\s|\s(?:and|but|that)\s")
_CLAUSE_BREAK = 60  # characters a clause boundary adds to a cue's distance
_PUT_OFF_REACH = 80  # characters before a date a verb putting it off may start


def tense(text: str, start: int, end: int, g: Grammar) -> int | None:
    """+1 when the nearest tense cue in the sentence is a future one, -1 when a past one, 0
    when it is a present one, None when the sentence has none. (On a tie the cue before
    wins.)"""
    return tense_cue(text, start, end, g)[0]


def tense_cue(text: str, start: int, end: int, g: Grammar) -> tuple[int | None, str | None]:
    """The direction `tense` gives and the cue word that gave it (None without one)."""
    # the search runs one character past the start: a sentence end is seen by what follows
    # it, and an expression may open the next sentence ("... later this week. Tuesday, ...")
    left = max((m.end() for m in g.sentence_end.finditer(text, max(0, start - _REACH), start + 1)),
               default=max(0, start - _REACH))
    if (put := g.put_off.search(text, max(left, start - _PUT_OFF_REACH), start)) \
            and not text.startswith(("'s", "\u2019s"), end):
        # "was adjourned until Monday": the day it was put off to lies ahead, whatever the
        # tense ("called it revenge for Monday's raid" names a day gone by)
        return 1, put.group().split()[0].lower()
    stop = g.sentence_end.search(text, end, end + _REACH)
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
                found.append((gap[1] - gap[0] + far, sign, _head(words, i, g) if sign > 0 else w))
                break
    _, sign, word = min(found, key=lambda f: f[0]) if found else (0, None, None)
    if not found and _past_verb(_own_clause(text, before, after, start, end), g):
        return -1, None  # "gunmen attacked a mosque on Feb. 25": a verb with its object
    if sign == 1 and g.tense_words.get(word) == 2 and _headline(text, right):
        # a headline tells in the present what has just happened as well as what is about
        # to: "Pope arrives in Cuba Wednesday" is the nearest Wednesday, as a present is
        return 0, word
    if not sign and before and g.tense_words.get(before[-1][0]) == _BOUND_AHEAD \
            and g.adjacent.match(text, before[-1][2], start):
        return 1, before[-1][0]  # "is closed until Monday": a bound in the present is ahead
    return sign, word


_CLOSERS = ".!?;:\"'”’)]"


def _headline(text: str, stop: int) -> bool:
    """Whether the sentence ending at `stop` is a headline: a line that ends without a
    full stop (or other closing mark)."""
    rest = text[stop:stop + 1]
    if rest not in ("", "\n"):
        return False
    line = text[:stop].rstrip()
    return bool(line) and line[-1] not in _CLOSERS


# What follows a verb and never an adjective: "ambushed a convoy", "killed 39 civilians".
_OBJECT_START = frozenset("a an the his her their its two three four five six seven eight nine ten dozens hundreds".split())


_OPENER = frozenset("on in at by late early since from".split())


def _own_clause(text: str, before: list, after: list, start: int, end: int) -> list:
    """The words of the expression's own clause: in "directors authorized a split, payable
    Dec. 7" the verb is another clause's. A sentence-initial adverbial ("On Feb. 25, gunmen
    attacked a mosque") belongs to the clause after its comma."""
    if all(w in _OPENER for w, _, _ in before):
        stop = _CLAUSE.search(text, end)
        if stop and not text[end:stop.start()].strip():  # "On Feb. 25, ...": the next clause
            stop = _CLAUSE.search(text, stop.end())
        return [x for x in after if stop is None or x[2] <= stop.start()]
    breaks = [m.end() for m in _CLAUSE.finditer(text, before[0][1] if before else start, start)]
    while breaks and _PHRASE_START.match(text, breaks[-1]):
        breaks.pop()  # "ambushed a convoy near Teguey, in the Tillaberi region, on March 20"
    stop = _CLAUSE.search(text, end)
    return ([x for x in before if not breaks or x[1] >= breaks[-1]]
            + [x for x in after if stop is None or x[2] <= stop.start()])


# a phrase set off by commas that still belongs to the clause before it: of place or time
_PHRASE_START = re.compile(r"\s*(?:on|in|at|near|outside|inside|north|south|east|west|about|some|late|early|by)\b", re.I)


def _past_verb(words: list, g: Grammar) -> bool:
    """Whether, in a sentence with no tense cue, an "-ed" word is a verb with its object
    ("gunmen attacked a mosque on Feb. 25", "On Feb. 25, gunmen attacked a mosque"): the
    sentence tells of the past. Far from the expression an "-ed" word alone may be an adjective ("preferred
    shares"), which a determiner or a number never follows."""
    for k in range(len(words) - 1):
        w, nxt = words[k][0], words[k + 1][0]
        if len(w) > 3 and w.endswith(g.past_suffix) and (nxt in _OBJECT_START or nxt.isdigit()) \
                and not (k and words[k - 1][0] in _PASSIVE):
            return True
    return False


# After these an "-ed" word is a passive or an adjective in the present, no past: "will be
# completed by Aug. 31", "the embassy is closed until Monday", "the crossing stays closed
# through Sunday" (after "remained", "stayed" the sentence is past all the same: past-finite).
_PASSIVE = frozenset(("be", "been", "being", "is", "are", "am", "remain", "remains", "remained",
                      "stay", "stays", "stayed"))

_BOUND_AHEAD = 4  # the code engine.py gives the words of tense.txt's "bound-ahead"


def _cue(text: str, words: list, i: int, start: int, end: int, g: Grammar) -> int | None:
    """The direction word i gives, or None when it is no cue here."""
    w, s, e = words[i]
    sign = g.tense_words.get(w)
    if sign == _BOUND_AHEAD:  # no cue by itself (see tense())
        return None
    if w in g.verb_homographs and i and words[i - 1][0] in g.verb_before:
        return None  # "could last until March": a verb, not "last week"'s cue
    if i + 1 < len(words):  # a phrase such as "going to" counts at its first word
        phrase = g.tense_words.get(w + "_" + words[i + 1][0])
        # "agreed to buy" looks ahead; "agreed to a truce" and "due to its loss" take a noun
        if phrase is not None and not (words[i + 1][0] == "to" and i + 2 < len(words)
                                       and words[i + 2][0] in g.not_infinitive):
            sign = phrase
    if sign == -2 or (sign is None and len(w) > 3 and w.endswith(g.past_suffix)):
        # "will be completed by Aug. 31": after "be" an "-ed" word is a passive, no tense.
        sign = None if i and words[i - 1][0] in _PASSIVE else -2
    if sign == -3:  # "posted a loss": past anywhere, but "will be posted" is a passive
        sign = None if i and words[i - 1][0] in _PASSIVE else -1
    if sign == 3:  # a commitment governs what follows it, not what stands before
        sign = 1 if e <= start else None
    if sign in (-2, 2):  # weak cues ("-ed") count only right next to the expression
        # a schedule verb before it may have its object or place between: "leaves for
        # Africa on Sunday", "resumes deliberations Monday"
        before = g.schedule_gap if sign == 2 and w in g.schedule_far else g.adjacent
        near = before.match(text, e, start) if e <= start else g.adjacent.match(text, end, s)
        sign = sign // 2 if near else None
    if sign is not None and sign >= 0 and _pluperfect(text, words, i, g):
        return -1
    return sign


def _head(words: list, i: int, g: Grammar) -> str:
    """The future cue word i gives, or the "would" heading its verb group: in "said the talks
    would resume Oct. 30" the future is seen from the past, as "would" alone says."""
    j = i - 1
    while j >= 0 and (words[j][0] in g.verb_group or words[j][0] in g.future_in_past):
        if words[j][0] in g.future_in_past:
            return words[j][0]
        j -= 1
    return words[i][0]


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
