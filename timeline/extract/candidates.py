"""Event candidates, one sentence at a time: triggers kept only when they tell of a real
occurrence, with their own date, actors, place and toll.

Reading order per sentence: triggers (lexicon) -> modality (negated, hypothetical, planned,
feared, future: dropped; prepared: a foiled plot if something stopped it) -> generic use
("carries out attacks") -> one event per type, and the reported content wins over the report
("police said three men were arrested" is an arrest) -> date, speaker, actors, place, toll.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.records import DateBasis

from . import casualties, dating, lexicon
from .actors import ActorIndex, ActorMention
from .places import Place, find_places
from .segment import Sentence

# One event per group in a sentence; the first listed type wins ("arrested ... charged with").
_GROUPS = {"arrest": "custody", "plot_foiled": "custody", "sentencing": "custody"}
_GROUP_PRIORITY = {"arrest": 0, "plot_foiled": 1, "sentencing": 2}
_PLURALIA = frozenset("talks negotiations consultations".split())
_PAST_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:\w+ed|broke|took|hit|left|struck|shook|tore|came|began|went|rocked)\b")
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?$", re.I)
_SPECIFIC = re.compile(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|dozens?|several|hundreds|thousands)\b", re.I)
_MODALITY_BREAK = re.compile(r"[,;:()\"“”]|\b(?:that|which|who|because|but|while|although|whereas)\b")
_DEFINITE = re.compile(r"\b(?:the|this|that|these|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_DISTINCT = re.compile(r"\b(?:another|second|third|separate|separately|other|new|fresh|additionally|meanwhile|elsewhere|earlier|previous|also|similar)\b", re.I)
_PRONOUN_BEFORE = re.compile(r"\b(he|she|they|it)\s+(?:also\s+|further\s+|later\s+|then\s+|again\s+)?$", re.I)
_SPEECH_GAP = re.compile(r"^[\s,]*(?:(?:also|further|later|then|again|earlier|previously|had|has|have|was|were|is)\s+)*$")
_CAPS_NP = r"(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|for|on|and|the))*"
_NP_BEFORE = re.compile(rf"(?:^|[\s“\"])(?:The\s+)?(?P<np>{_CAPS_NP})\s+$")
_NP_AFTER = re.compile(rf"^\s*,?\s*(?:the\s+)?(?P<np>{_CAPS_NP})")
_UNNAMED_SUBJECT = re.compile(r"^\W*(?:the|a|an|some|several|many)?\s*(?:[a-z][\w-]*\s+){0,3}(?:participants|delegates|officials?|police|authorities|report|recording|statement|author|ministry|army|military|spokesman|spokeswoman|sources?|witnesses|residents|group|militants|security forces|government)\b", re.I)
_AT_START = re.compile(r"^\W*(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:[A-Z][\w-]*\s+){0,4}$")
_INVERTED_VERBS = frozenset("said says reports reported wrote added".split())
_STOP_NP = frozenset("The A An In On At It He She They We This That These Those But And According However Meanwhile".split())


@dataclass
class Candidate:
    type: str
    sentence: Sentence
    trigger: lexicon.Trigger  # offsets relative to the sentence
    strength: float
    dated: dating.Dated
    actors: list[ActorMention]
    places: list[Place]
    toll: dict[str, int]
    speaker: str | None = None  # canonical name, or a pronoun until resolved
    speaker_kind: str | None = None
    speaker_alias: str | None = None
    unnamed: bool = False  # a statement whose speaker has no name ("the participants said")
    definite: bool = False  # "the attack", "during the arrest": points back to a told event
    distinct: bool = False  # "another attack", "additionally": a new event
    cues: list[str] = field(default_factory=list)

    @property
    def abs_trigger(self) -> tuple[int, int]:
        return self.sentence.start + self.trigger.start, self.sentence.start + self.trigger.end


def _modality(text: str, t: lexicon.Trigger) -> tuple[str | None, str | None]:
    """(effect, cue name) of the words around the trigger: drop, plot or nothing."""
    m = lexicon.modality()
    if not t.rule.modality:
        return None, None
    head = text[:t.start]
    breaks = list(_MODALITY_BREAK.finditer(head))
    window = head[breaks[-1].end():] if breaks else head
    window = " ".join(window.split()[-m.window:])
    cues = m.statement_before if t.type == "statement" else m.before
    for name, effect, rx in cues:
        if rx.search(window):
            return effect, name
    if t.type != "statement":
        bare = t.rule.pos == "verb" or not t.text.lower().endswith("s")
        if bare and re.search(r"\bto\s+$", head) and not re.search(r"\b(?:according|due|prior|owing|response|reaction|addition|contrast|related|linked|led|leading|lead|connection|relation)\s+to\s+$", head, re.I):
            return "plot", "infinitive"  # "plans to attack", "threatened to attack": not done
        tail = text[t.end:]
        for name, effect, rx in m.after:
            if rx.search(tail):
                return effect, name
    return None, None


def _generic(text: str, t: lexicon.Trigger, has_date: bool) -> bool:
    """A trigger that names a kind of event, not an occurrence: "carries out attacks",
    "its members have been arrested in Europe" (no date, no count, no particular case)."""
    if has_date:
        return False
    last = t.text.split()[-1].lower()
    if t.rule.pos == "noun" and last.endswith("s") and last not in _PLURALIA:
        prev = re.search(r"([\w'’-]+)\W*$", text[:t.start])
        if not (prev and lexicon.modality().determiner.match(prev.group(1))) and not _PAST_AFTER.match(text[t.end:]):
            return True
    if t.rule.pos == "verb" and _PERFECT_BEFORE.search(text[:t.start]):
        clause = text[max(0, t.start - 60):t.end + 60]
        if not _SPECIFIC.search(clause):
            return True
    return False


def _statement_speaker(c: Candidate) -> None:
    text, t = c.sentence.text, c.trigger
    before = [a for a in c.actors if a.end <= t.start]
    after = [a for a in c.actors if a.start >= t.end]
    if before and _AT_START.match(text[:before[0].start]) and re.match(r"^\s*,", text[before[0].end:]) \
            and (before[0].kind == "person" or re.match(r"^\s*,\s*(?:which|who|a|an|the)\b", text[before[0].end:])):
        return _set_speaker(c, before[0])  # "Matt Mooney, a former official of DHS, said"
    if before and _SPEECH_GAP.match(text[before[-1].end:t.start]):
        return _set_speaker(c, before[-1])
    pron = _PRONOUN_BEFORE.search(text[:t.start])
    if pron and (pron.group(1).lower() != "it"):
        c.speaker, c.speaker_kind = pron.group(1).lower(), "pronoun"
        return None
    if before and _AT_START.match(text[:before[0].start]) and before[0].kind in ("person", "group", "agency", "state"):
        return _set_speaker(c, before[0])
    if after and t.text.lower() in _INVERTED_VERBS and re.match(r"^[\s,]*(?:[A-Z][\w.]*\.?\s+){0,4}$", text[t.end:after[0].start]):
        return _set_speaker(c, after[0])
    np = _NP_BEFORE.search(text[:t.start])
    if np and _named(np.group("np")) and np.start("np") < 40:
        c.speaker, c.speaker_kind, c.speaker_alias = np.group("np"), "agency", np.group("np")
        return None
    if t.text.lower() in _INVERTED_VERBS:
        np = _NP_AFTER.match(text[t.end:])
        if np and _named(np.group("np")):
            c.speaker, c.speaker_kind, c.speaker_alias = np.group("np"), "agency", np.group("np")
            return None
    if before and before[0].kind == "person":
        return _set_speaker(c, before[0])
    if re.match(r"^\W*(?:he|she|they)\b", text, re.I):
        c.speaker, c.speaker_kind = re.match(r"^\W*(\w+)", text).group(1).lower(), "pronoun"
        return None
    c.unnamed = True
    return None


def _named(np: str) -> bool:
    """Is a capitalised run a name ("The Long War Journal") rather than a capitalised common
    noun at the start of a sentence ("Investigators said")?"""
    words = np.split()
    if words[0] in _STOP_NP:
        return False
    return not (len(words) == 1 and words[0] in _generic_speakers())


def _generic_speakers() -> frozenset[str]:
    from .actors import _package_json
    global _GENERIC
    if _GENERIC is None:
        _GENERIC = frozenset(_package_json("people.json")["generic_speakers"])
    return _GENERIC


_GENERIC: frozenset[str] | None = None


def _set_speaker(c: Candidate, a: ActorMention) -> None:
    c.speaker, c.speaker_kind, c.speaker_alias = a.name, a.kind, a.alias


def _in_quote(text: str, pos: int) -> bool:
    head = text[:pos]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _military_killing(text: str, t: lexicon.Trigger) -> bool:
    """Troops, police or aircraft did the killing ("troops killed 22 fighters"); in the passive
    ("seven soldiers were killed") they are the victims, not the agents."""
    if re.match(r"(?:were|was|been|are)\b", t.text, re.I):
        return False
    return bool(lexicon.modality().military_agents.search(" ".join(text[:t.start].split()[-6:])))


def _is_content(f, text: str) -> bool:
    """An event trigger other than the report itself; a bare toll only if it counts someone."""
    if f[0] == "statement":
        return False
    return f[1].rule.pos != "casualty" or bool(casualties.toll(text))


def _resolve_types(text: str, found: list[tuple[str, lexicon.Trigger, str | None]], has_date: bool) -> list[tuple[str, lexicon.Trigger, str | None]]:
    m = lexicon.modality()
    if not has_date:
        # inside a direct quote, an undated event word is the speaker's claim, not a report
        found = [f for f in found if f[0] == "statement" or not _in_quote(text, f[1].start)]
    if len(found) > 1:
        # "rescued 15 people who had been abducted": the earlier event is background here
        found = [f for f in found if not m.background_relative.search(text[:f[1].start])] or found
    found = [("military_operation", f[1], f[2]) if f[1].rule.pos == "casualty" and _military_killing(text, f[1]) else f
             for f in found]
    military = [f[1].start for f in found if f[1].rule.pos == "casualty" and f[0] == "military_operation"]
    if military:
        # "troops killed 14 fighters in an ambush": the ambush is the troops' operation
        found = [("military_operation", f[1], f[2]) if f[0] == "attack" and f[1].start > military[0] else f for f in found]
    content = [f for f in found if _is_content(f, text) and f[1].rule.pos != "casualty"] or \
        [f for f in found if _is_content(f, text)]
    claim = any(f[0] == "statement" and m.claim.search(text[f[1].start:f[1].end + 30]) for f in found)
    if content and not has_date and not claim and all(f[1].rule.pos == "noun" and _DEFINITE.search(text[:f[1].start][-40:]) for f in content):
        # "X stressed the role of the Meeting": a speech act that names a known event
        return sorted(found, key=lambda f: f[1].start)
    if content:
        found = content  # the reported event, not the report; a toll belongs to the event
    elif any(f[0] == "statement" for f in found):
        found = [f for f in found if f[1].rule.pos != "casualty"]
    out: dict[str, tuple[str, lexicon.Trigger, str | None]] = {}
    for f in found:
        key = _GROUPS.get(f[0], f[0])
        have = out.get(key)
        if have is None or _GROUP_PRIORITY.get(f[0], 9) < _GROUP_PRIORITY.get(have[0], 9):
            out[key] = f
    return sorted(out.values(), key=lambda f: f[1].start)


class SentenceReader:
    """Reads an article's sentences in order, keeping what later sentences need: the people
    met so far, the last speaker, the last dated event of the paragraph."""

    def __init__(self, text: str, timexes: list, dct: date | None, index: ActorIndex | None = None):
        self.text, self.timexes, self.dct = text, timexes, dct
        self.index = index or ActorIndex()
        self.prev: Sentence | None = None
        self.reference: tuple[int, dating.Dated] | None = None  # (paragraph, last own date told)

    def read(self, s: Sentence) -> list[Candidate]:
        text = s.text
        triggers = lexicon.find(text)
        places = find_places(text)
        actors = self.index.find(text, places)
        timexes = [tx for tx in self.timexes if s.start <= tx.start < s.end]
        has_date = any(dating.usable(self.text, tx) for tx in timexes)
        found = []
        for t in triggers:
            effect, cue = _modality(text, t)
            etype = t.type
            if effect == "drop":
                continue
            if effect == "plot":
                if etype not in ("attack", "kidnapping") or not self._foiled_context(s):
                    continue
                etype = "plot_foiled"
            if _generic(text, t, has_date):
                continue
            found.append((etype, t, cue))
        out = []
        for etype, t, cue in _resolve_types(text, found, has_date):
            c = self._candidate(s, etype, t, cue, actors, places, timexes)
            if c is not None:
                out.append(c)
        self._remember_reference(s, timexes)
        self.prev = s
        return out

    def _remember_reference(self, s: Sentence, timexes: list) -> None:
        """The narrative's reference time: the last date of a past day, month or year told in
        the text, which an undated event of the next sentences inherits."""
        for tx in timexes:
            if dating.usable(self.text, tx) and not s.headline and (
                    self.dct is None or tx.interval.start <= self.dct):
                self.reference = (s.paragraph, dating.Dated(tx.interval, tx.text, dating.basis_of(tx), tx))

    def _foiled_context(self, s: Sentence) -> bool:
        rx = lexicon.modality().foil_context
        if rx.search(s.text):
            return True
        return bool(self.prev and self.prev.paragraph == s.paragraph and rx.search(self.prev.text))

    def _candidate(self, s, etype, t, cue, actors, places, timexes) -> Candidate | None:
        a, b = s.start + t.start, s.start + t.end
        dated = dating.governing(self.text, s.start, a, b, timexes, reported=etype != "statement",
                                 verb=t.rule.pos == "verb", same_clause=etype == "statement")
        if dated.interval and self.dct and dated.interval.start > self.dct + timedelta(days=1):
            if etype != "statement":
                return None  # a future date: not an occurrence yet
            dated = dating.NO_DATE
        head = s.text[:t.start]
        c = Candidate(etype, s, t, t.rule.strength, dated, actors, places,
                      casualties.toll(s.text) if etype in ("attack", "military_operation", "plot_foiled") else {},
                      definite=t.rule.pos == "noun" and (bool(_DEFINITE.search(head[-40:])) or t.text[:1].isupper() and not s.text.startswith(t.text)),
                      distinct=bool(_DISTINCT.search(" ".join(head.split()[-6:]))) or bool(re.match(r"^\W*(?:Additionally|Meanwhile|Separately|Elsewhere|Also|In another)\b", s.text)))
        if cue:
            c.cues.append(cue)
        if etype == "statement":
            _statement_speaker(c)
        if dated.interval is None and etype != "statement" and not c.definite and self.reference is not None \
                and s.paragraph - self.reference[0] <= 1:
            ref = self.reference[1]
            c.dated = dating.Dated(ref.interval, ref.text, DateBasis.INHERITED)
        return c
