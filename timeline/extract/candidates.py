"""Event candidates, one sentence at a time: triggers kept only when they tell of a real
occurrence, with their own date, actors, place and toll.

Reading order per sentence: triggers (lexicon) -> modality (negated, hypothetical, planned,
feared, future: dropped; prepared: a foiled plot if something stopped it) -> generic use
("carries out attacks") -> one event per type, and the reported content wins over the report
("police said three men were arrested" is an arrest) -> date, speaker, actors, place, toll.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from timeline.fold import CaseBlind, lowered_text, skipping
from timeline.intervals import Interval, Precision
from timeline.records import DateBasis

from . import casualties, dating, lexicon
from .actors import ActorIndex, ActorMention
from .places import Place, find_all_places
from .segment import Sentence

# One event per group in a sentence; the first listed type wins ("arrested ... charged with").
_GROUPS = {"arrest": "custody", "plot_foiled": "custody", "sentencing": "custody"}
_GROUP_PRIORITY = {"arrest": 0, "plot_foiled": 1, "sentencing": 1}
_PLURALIA = frozenset("talks negotiations consultations".split())
# A plural subject whose verb follows tells of particular events: "bombings across Iraq killed 25".
_PAST_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,5}?\s+(?:killed|wounded|injured|hit|struck|rocked|shook|left|destroyed|damaged|targeted|ripped|tore|broke|took|came|began|went|erupted|continued)\b")
# CaseBlind: asked only whether they occur, in the lowered sentence (see _occurs)
# a statement told in the simple past, which may go on telling an occasion just dated
_SAID_ON = re.compile(r"^(?:said|told|added|stressed|noted|explained|warned|insisted)$", re.I)
_PERFECT_BEFORE = CaseBlind(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?$")
# a tally over a span may be backshifted in reported speech: "adding that police had disrupted
# 19 plots since 2017" is "have disrupted"
_TALLY_PERFECT_BEFORE = CaseBlind(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?$")
_SPECIFIC = re.compile(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|dozens?|several|hundreds|thousands)\b", re.I)
_MODALITY_BREAK = re.compile(r"[,;:()\"“”]|\b(?:that|which|who|because|but|while|although|whereas)\b")
# (an indefinite article between starts another noun phrase: "the group claimed an attack")
_DEFINITE = CaseBlind(r"(?:\b(?:the|this|that|these|its|their|his|her)\s+|\w['’]s\s+)(?:(?!(?:a|an)\s)[\w'’-]+\s+){0,3}$")
_DISTINCT = CaseBlind(r"\b(?:another|second|third|separate|separately|other|new|fresh|additionally|meanwhile|elsewhere|earlier|previous|also|similar|deadliest|worst|biggest|largest|latest)\b")
_PRONOUN_BEFORE = re.compile(r"\b(he|she|they|it)\s+(?:also\s+|further\s+|later\s+|then\s+|again\s+)?$", re.I)
_SPEECH_GAP = re.compile(r"^[\s,]*(?:(?:also|further|later|then|again|earlier|previously|had|has|have|was|were|is)\s+)*$")
_CAPS_NP = r"(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|for|on|and|the))*"
_NP_BEFORE = re.compile(rf"(?:^|[\s“\"])(?:The\s+)?(?P<np>{_CAPS_NP}?)(?:\s+(?:on|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\s+$")
_NP_AFTER = re.compile(rf"^\s*,?\s*(?:the\s+)?(?P<np>{_CAPS_NP})")
_AT_START = re.compile(r"^\W*(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:[A-Z][\w-]*\s+){0,4}$")
# a group named before, pointed back to: "the group", "the militants" (not "the group of
# villagers", "the group's leader", "an offshoot of the group", "a member of the group")
_GROUP_ANAPHOR = re.compile(r"(?<!\bof )(?<!\bin )\b[Tt]he\s+(?:(?:militant|jihadist|armed|extremist|insurgent|rebel|terrorist|Islamist)\s+)?"
                            r"(?:group|militants|jihadists|insurgents|rebels|militia|organi[sz]ation|faction|outfit)\b"
                            r"(?!\s+of\b|['’])")
# the group introduced by what it is: "The al-Qaida-linked extremist group al-Shabab claimed"
_GROUP_DESCRIBED = re.compile(r"^\W*(?:The|An?)\s+(?:[\w'’-]+\s+){0,4}?(?:group|faction|organi[sz]ation|network|movement|"
                              r"militia|outfit|affiliate|branch|insurgency|insurgents|rebels|militants),?\s+$")
# Verbs that only attribute what follows: the event they report is dated by the report at most.
_ATTRIBUTION = re.compile(r"^(?:said|says|told|reported|reports|added|stated|wrote|confirmed|announced|noted|explained)$", re.I)
# A time given by another event ("following the US withdrawal"): the narrative's date is not this one's.
_EVENT_ANCHOR = re.compile(r"\b(?:following|after|before|during|since|amid|ahead of|in the wake of|in the aftermath of)\s+(?:the|a|an|his|her|their|its)\s+\w+", re.I)
# what may stand before a same-day offset that opens its sentence: "Hours later", "About 20 minutes later"
_OPENING_OFFSET = re.compile(r"\W*(?:(?:about|some|around|just|only|barely|a|an)\s+)*(?:\d+\s+)?$", re.I)
# Events that last as a state, so that "has been held for 14 months" dates their start
# ("has been jailed for eight years" gives a term, not a start).
_STATES = frozenset({"kidnapping", "arrest", "military_operation", "relocation"})
# A reference time this far before publication is a story of the past, not the news of the day.
_STORY_PAST_DAYS = 365
# "Police later arrested a man": between the story's day and publication, if that is this near
_LATER_REACH_DAYS = 14
_HAD = re.compile(r"\bhad\b", re.I)
_INVERTED_VERBS = frozenset("said says reports reported wrote added".split())
_STOP_NP = frozenset("The A An In On At It He She They We This That These Those But And According However Meanwhile".split())
# Patterns of the steps below, compiled here once
_DETERMINER_SLOT = re.compile(r"([\w'’-]+)\W*(?:(?:[A-Z][\w'’-]*|\d{4})\s+){0,3}$")
_COMMA_AFTER = re.compile(r"\s*,")
# "Boko Haram militants killed 40 workers, a local official and residents said": the speaking
# verb has a subject of its own after the clause's comma, so the clause's first actor is what
# was told of, not who told it. (Not a phrase a comma sets off: ", in a statement, said".)
_TRAILING_SUBJECT = re.compile(
    r",\s+(?!(?:in|on|at|via|through|after|before|later|also|then|again|earlier|however|"
    r"meanwhile|and|but|which|who|where|when|while|as|according|it|he|she|they)\b)"
    r"(?P<np>(?:[A-Za-z][\w'’.-]*\s+){1,6})$", re.I)
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:which|who|a|an|the)\b")
_TITLE_WORDS_ONLY = re.compile(r"^[\s,]*(?:[A-Z][\w.]*\.?\s+){0,4}$")
_PRONOUN_START = re.compile(r"^\W*(?:he|she|they)\b", re.I)
_FIRST_WORD = re.compile(r"^\W*(\w+)")
_PASSIVE = re.compile(r"(?:were|was|been|are)\b", re.I)
_CALENDAR = re.compile(r"\d{4}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_FINAL_SUBJECT = re.compile(r",\s*((?:the\s+)?[\w'’. -]{2,60}?)\s*$")
_BE_BEFORE = re.compile(r"\b(?:was|were|been|be)\s+$")


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
    cues: list[str] = field(default_factory=list)  # modality cues that changed its type ("intention")
    source: str | None = None  # who reported this event ("police spokesman X said ..."), if named
    claimant: str | None = None  # who claimed it ("the JNIM later admitted carrying out the attack")
    commentary: bool = False  # a statement by someone who comments on the events ("X, a security analyst")
    # "The attack came a week after jihadists killed 15": (the count, where it starts in the
    # sentence), counted back from the event of the word before it once merging has dated it
    count_back: tuple[str, int] | None = None



def _modality(text: str, t: lexicon.Trigger) -> tuple[str | None, str | None]:
    """(effect, cue name) of the words around the trigger: drop, plot or nothing."""
    m = lexicon.modality()
    if not t.rule.modality:
        return None, None
    head = text[max(0, t.start - 160):t.start]  # the cues lie within a few words
    window = _clause_tail(head, m.window)
    low = lowered_text(window)
    statement = t.type == "statement"
    if (m.any_statement_before if statement else m.any_before).search(window, low):
        for name, effect, rx in m.statement_before if statement else m.before:
            if rx.search(window, low):
                return effect, name
    if not statement:
        bare = t.rule.pos == "verb" or not t.text.lower().endswith("s")
        if bare and _TO_BEFORE.search(head) and not _TO_NOUN_BEFORE.search(head):
            return "plot", "infinitive"  # "plans to attack", "threatened to attack": not done
        tail = text[t.end:t.end + 120]
        low = lowered_text(tail)
        if m.any_after.search(tail, low):
            for name, effect, rx in m.after:
                if rx.search(tail, low):
                    return effect, name
        if t.rule.pos == "noun" and m.hypothetical_head.search(text, 0, t.start) \
                and m.hypothetical_tail.match(text, t.end):
            return "drop", "hypothetical_subject"  # "An attack on the port would do more damage"
    return None, None


# A sentence is asked several times in a row: its lowered text (see `fold`) is made once.
_lowered = lru_cache(maxsize=4)(lowered_text)


def _occurs(pattern: CaseBlind, text: str, a: int, b: int) -> bool:
    """Whether the pattern occurs in text[a:b] (a slice: its ends are the ends \\b and $ see),
    searched in the slice of the sentence's lowered text."""
    low = _lowered(text)
    return pattern.search(text[a:b], low and low[a:b])


def _distinct_word(head: str, n: int) -> bool:
    """Does one of the last `n` words of `head` tell of another event ("another", "also")?"""
    last = " ".join(head.split()[-n:])
    return _DISTINCT.search(last, lowered_text(last))


def _clause_tail(head: str, n: int) -> str:
    """The last `n` words of `head` after its last clause break, joined by single spaces. A
    break holds no space, so the breaks among the last words are found in those words alone,
    and one before them leaves all of them."""
    tail = " ".join(head.split()[-n:])
    breaks = list(_MODALITY_BREAK.finditer(tail))
    return tail[breaks[-1].end():].strip() if breaks else tail


_TO_BEFORE = skipping(re.compile(r"\bto\s+$"))  # asked only whether it occurs
_TO_NOUN_BEFORE = re.compile(r"\b(?:according|due|prior|owing|response|reaction|addition|contrast|related|linked|led|leading|lead|connection|relation)\s+to\s+$", re.I)


def _attached_date(text: str, t: lexicon.Trigger, dated_spans, adverbial: bool = True) -> bool:
    """A date of the trigger's own: before it as a premodifier or sentence adverbial, or a few
    words after it in its clause ("attacks in Paris on Friday"). Without `adverbial`, a
    sentence adverbial does not count ("In July 2023, a jury convicted six men for those attacks":
    the verdict's date)."""
    return _own_span(text, t, dated_spans, adverbial) is not None


def _own_span(text: str, t: lexicon.Trigger, dated_spans, adverbial: bool = True) -> tuple[int, int] | None:
    """The span of the trigger's own date (see _attached_date), or None."""
    for a, b in dated_spans:
        # a premodifier, names between allowed: "the July 2016 Holey Artisan Bakery attack"
        if b <= t.start and (dating._NAMES_ONLY.fullmatch(text, b, t.start)
                             or adverbial and dating._INITIAL.match(text[:a])):
            return a, b
        if a >= t.end and (a - t.end <= 60 and not dating._CLAUSE_BREAK.search(text, t.end, a)
                           or dating._PLACE_CHAIN_AFTER.match(text, t.end, a)):
            return a, b
    return None


_CLAUSE_END = re.compile(r"[,;:]\s")


def _generic(text: str, t: lexicon.Trigger, has_date: bool, dated_spans=()) -> bool:
    """A trigger that names a kind of event, not an occurrence: "carries out attacks",
    "its members have been arrested in Europe" (no date, no count, no particular case)."""
    m = lexicon.modality()
    if any(dating.when_clause_after(text, b, t.start) for _, b in dated_spans):
        return False  # "The deadliest attack in recent years was in January 2021, when twin
        # suicide bombings killed 32": one occurrence at that date, whatever span is ranked over
    perfect = _occurs(_PERFECT_BEFORE, text, max(0, t.start - 40), t.start)
    # a tally's span of time is said up to the end of the trigger's clause, not in a later one
    # ("killed 12 people on Friday, officials said, the deadliest attack since May")
    upto = _CLAUSE_END.search(text, t.end)
    told = text[:upto.start()] if upto else text
    tally = t.rule.pos in ("verb", "casualty") and bool(m.aggregate.search(told, _lowered(told)))
    if tally and (perfect or _occurs(_TALLY_PERFECT_BEFORE, text, max(0, t.start - 40), t.start)
                  and not m.short_span.search(told)):
        return True  # "has arrested more than 40 people in the past year": a tally, not an event
    if t.rule.pos == "casualty" and (tally or m.aggregate_toll.search(told) or m.aggregate_toll_after.search(told, t.start)
                                     or perfect and m.aggregate_subjects.search(text[:t.start])):
        return True  # "the insurgency has killed more than 4,000", "170 killed since 2013", "since then"
    last = t.text.split()[-1].lower() if t.rule.pos == "noun" else ""
    if last.endswith("s") and last not in _PLURALIA and m.trend_after.match(text, t.end):
        return True  # "Kidnappings in Colombia have risen in 2023": a trend, dated or not
    if last.endswith("s") and last not in _PLURALIA and m.aggregate.search(text, _lowered(text)):
        return True  # "Attacks have grown deadlier over the past year": many events summed up
    if last.endswith("s") and last not in _PLURALIA:
        head = text[max(0, t.start - 40):t.start]
        # look past names and years to the determiner: "the 2002 Bali bombings"
        prev = _DETERMINER_SLOT.search(head)
        # "several attacks", "one of the deadliest attacks this year": a tally or a class, dated or not
        vague = bool(m.vague_quantity.search(head))
        bare = not (prev and m.determiner.match(prev.group(1))) and not _attached_date(text, t, dated_spans)
        if (vague or bare) and not _PAST_AFTER.match(text[t.end:]):
            return True
    if not has_date and m.allegation.search(text, max(0, t.start - 100), t.start):
        return True  # "accused the army of killing civilians during operations": alleged, undated
    if t.rule.pos == "verb" and perfect and not has_date:
        clause = text[max(0, t.start - 60):t.end + 60]
        if not _SPECIFIC.search(clause):
            return True
    return False


def _statement_speaker(c: Candidate) -> None:
    text, t = c.sentence.text, c.trigger
    # a name inside the quoted words is what was said, not who said it
    before = [a for a in c.actors if a.end <= t.start and not _in_quote(text, a.start)]
    after = [a for a in c.actors if a.start >= t.end]
    if before and _AT_START.match(text[:before[0].start]) and _COMMA_AFTER.match(text, before[0].end) \
            and (before[0].kind == "person" or _APPOSITION_AFTER.match(text, before[0].end)):
        return _set_speaker(c, before[0])  # "Matt Mooney, a former official of DHS, said"
    if before and _SPEECH_GAP.match(dating.SPEAKING_ASIDE.sub(" ", text[before[-1].end:t.start])):
        return _set_speaker(c, before[-1])
    state = _state_speaker(c)
    if state is not None:
        c.speaker, c.speaker_kind, c.speaker_alias = state.name, "state", state.name
        return None
    pron = _PRONOUN_BEFORE.search(text[:t.start])
    if pron and (pron.group(1).lower() != "it"):
        c.speaker, c.speaker_kind = pron.group(1).lower(), "pronoun"
        return None
    trailing = _TRAILING_SUBJECT.search(text, 0, t.start)
    if before and trailing and before[-1].end <= trailing.start():
        np = trailing.group("np").strip()
        if np[0].isupper() and _named(np):
            c.speaker, c.speaker_kind, c.speaker_alias = np, "agency", np
        else:
            c.unnamed = True
        return None
    if before and _opens_sentence(text, before[0].start) and before[0].kind in ("person", "group", "agency", "state"):
        return _set_speaker(c, before[0])
    inverted = t.text.lower() in _INVERTED_VERBS and (c.sentence.headline or _quote_closed(text[:t.start]))
    if after and inverted and _TITLE_WORDS_ONLY.match(text[t.end:after[0].start]):
        return _set_speaker(c, after[0])
    np = _NP_BEFORE.search(text[:t.start])
    if np and _named(np.group("np")) and np.start("np") < 40:
        c.speaker, c.speaker_kind, c.speaker_alias = np.group("np"), "agency", np.group("np")
        return None
    if inverted:
        np = _NP_AFTER.match(text[t.end:])
        if np and _named(np.group("np")):
            c.speaker, c.speaker_kind, c.speaker_alias = np.group("np"), "agency", np.group("np")
            return None
    if before and before[0].kind == "person":
        return _set_speaker(c, before[0])
    if _PRONOUN_START.match(text):
        c.speaker, c.speaker_kind = _FIRST_WORD.match(text).group(1).lower(), "pronoun"
        return None
    c.unnamed = True
    return None


# a sentence adverbial before the subject: "In early September, JNIM ... announced"
_OPENING_ADVERBIAL = re.compile(r"\W*(?:In|On|At|By|Earlier|Later|Last|Early|Late)\b[^,;:\"“”]{0,40},\s+(?:the\s+)?")


# a name spelt out before the one found, its short form in brackets: "Jama'at Nusrat al-Islam
# wal-Muslimin (JNIM)"
_SPELT_OUT = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5}\s*\($")


def _opens_sentence(text: str, pos: int) -> bool:
    """Does the name at `pos` open the sentence, a title, a dated adverbial or its spelt-out
    form allowed before it?"""
    if _AT_START.match(text[:pos]):
        return True
    m = _OPENING_ADVERBIAL.match(text)
    head = text[m.end() if m is not None and m.end() <= pos else 0:pos]
    return bool(m is not None and _AT_START.match(head) or _SPELT_OUT.fullmatch(head))


def _outside_agencies(places: list[Place], actors: list[ActorMention]) -> list[Place]:
    """The places not inside an agency's name: "UK Maritime Trade Operations", "US Central
    Command" and "West Yorkshire Police" name no place where anything happened."""
    names = [(a.start, a.end) for a in actors if a.kind == "agency"]
    if not names:
        return places
    return [p for p in places if not any(a <= p.start and p.end <= b for a, b in names)]


# The description a name carries: the apposition after it ("X, a researcher who studies ...,").
_SPEECH_START = re.compile(r"\s*(?:said|says|say|told|tells|added|adds|stated|states|wrote|writes|explained|noted|warned|insisted|claimed)\b")
_APPOSITION = re.compile(r"\s*,\s*([^,.;:\"“”]{1,80})")
# ... or the description before it, opening the sentence: "A teacher, Abdul Issa, said"
# the words that stand as a title right before a name, in its clause ("Security analyst Dr")
_TITLE_BEFORE = re.compile(r"((?:[A-Za-z-]+\s+){1,2})(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?$")
_DESCRIPTION_BEFORE = re.compile(r"^\W*((?:A|An|The)\s+[^,.;:\"“”]{1,60}),\s*$")


def _commentary(c: Candidate) -> bool:
    """Is the person who speaks described as one who comments on the events, not a party to them
    ("said X, a security analyst", "said the report's lead author, X", "X, 38, who was 28 when the
    bombs went off")? Their words are the article's colour, not an event of the timeline."""
    text, t = c.sentence.text, c.trigger
    if _private_groups().match(text, 0, t.start):
        return True  # "Traders in Ouahigouya said": private people, whatever place follows them
    mention = next((a for a in c.actors if a.name == c.speaker and a.kind == "person"), None)
    if mention is None:
        # a single name after an inverted verb, found by no rule of names ("said Mahmoud, a trader")
        at = text.find(c.speaker, t.end) if c.speaker and c.speaker_kind == "agency" else -1
        if at < 0:
            return False
        mention = ActorMention(c.speaker, "person", at, at + len(c.speaker), c.speaker)
    told = [text[t.end:mention.start]] if mention.start >= t.end else []  # "said the lead author, X"
    words = text[mention.start:mention.end].split()
    if len(words) > 2 and words[0] not in _clergy_titles():
        told.append(" ".join(words[:-2]))  # "Eyewitness Dean Carter told us": a title of the name's
    appos = _APPOSITION.match(text, mention.end)
    if appos and not _SPEECH_START.match(appos.group(1)):  # ", said two of the seven were traders": no apposition
        told.append(appos.group(1).strip())
    lead = _DESCRIPTION_BEFORE.match(text[:mention.start])
    if lead:
        told.append(lead.group(1))  # "A teacher, Abdul Issa, ... said"
    title = _TITLE_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    if title and title.group(1).split()[-1] not in _clergy_titles():
        told.append(title.group(1))  # "Security analyst Dr Farzana Kakar said" (not "Father Paul X")
    return any(rx.search(d) for d in told for rx in _commentator_descriptions())


# a sentence that opens on a name and its description: "Hamidou Zongo, a teacher who fled ..., has"
_NAME_DESCRIBED = re.compile(r"\W*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3},\s+([^,.;:\"“”]{1,80})")


def _introduces_voice(text: str) -> bool:
    """Does the sentence open on a private person or a commentator, described ("Hamidou Zongo,
    a teacher who fled Sollé, ...")? Their words in the next sentence ("..., he said") are theirs."""
    m = _NAME_DESCRIBED.match(text)
    return m is not None and not _SPEECH_START.match(m.group(1)) \
        and any(rx.search(m.group(1)) for rx in _commentator_descriptions())


@lru_cache(maxsize=1)
def _clergy_titles() -> frozenset[str]:
    from .actors import _package_json
    return frozenset(_package_json("people.json")["clergy_titles"])


@lru_cache(maxsize=1)
def _private_groups() -> re.Pattern:
    from .actors import _package_json
    return re.compile(_package_json("people.json")["private_groups"], re.I)


@lru_cache(maxsize=1)
def _commentator_descriptions() -> tuple[re.Pattern, ...]:
    from .actors import _package_json
    return tuple(re.compile(d["pattern"], re.I) for d in _package_json("people.json")["commentator_descriptions"])


def _quote_closed(head: str) -> bool:
    """Does `head` end in a comma or closing quote, white space after it allowed? (Read from
    the end: a regex search ending in `$` would try every place of the sentence.)"""
    head = head.rstrip()
    return bool(head) and head[-1] in ',"”’'


def _state_speaker(c: Candidate):
    """"China's foreign ministry condemned ...", "Russia said ...": the country speaks."""
    text, t = c.sentence.text, c.trigger
    for pl in c.places:
        if pl.kind != "country" or pl.end > t.start or not _AT_START.match(text[:pl.start].replace("The ", "")):
            continue
        rest = dating.SPEAKING_ASIDE.sub(" ", text[pl.end:t.start])
        if _state_subject().match(rest):
            return pl
    return None


@lru_cache(maxsize=1)
def _state_subject() -> re.Pattern:
    from .actors import _package_json
    bodies = _package_json("people.json")["state_bodies"]
    return re.compile(r"^(?:['’]s\s+(?:\w+\s+)?" + bodies + r")?\s*(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?$", re.I)


def _named(np: str) -> bool:
    """Is a capitalised run a name ("The Long War Journal") rather than a capitalised common
    noun at the start of a sentence ("Investigators said")?"""
    words = np.split()
    if words[0] in _STOP_NP:
        return False
    return not (len(words) == 1 and words[0] in _generic_speakers())


@lru_cache(maxsize=1)
def _generic_speakers() -> frozenset[str]:
    from .actors import _package_json
    return frozenset(_package_json("people.json")["generic_speakers"])


def _set_speaker(c: Candidate, a: ActorMention) -> None:
    c.speaker, c.speaker_kind, c.speaker_alias = a.name, a.kind, a.alias


def _in_quote(text: str, pos: int) -> bool:
    """Inside someone's quoted words; not inside a scare quote, the reporter's own word set off
    ("troops “neutralised” 35 assailants on Sunday")."""
    head = text[:pos]
    if head.count("“") > head.count("”"):
        return not _scare_quote(text, head.rfind("“"), text.find("”", pos))
    closing = text.find("”", pos)
    if closing >= 0 and "“" not in text[:closing] or '"' not in head and text.count('"') % 2 == 1 \
            and _CLOSING_STRAIGHT.search(text, pos):
        return True  # a quotation opened in a sentence before: '“They move in small groups now. They attack, they burn.”'
    if head.count('"') % 2 == 1:
        return not _scare_quote(text, head.rfind('"'), text.find('"', pos))
    return False


# a straight quotation mark that closes: after the words' last stop or comma
_CLOSING_STRAIGHT = re.compile(r'[.,!?]"')


def _scare_quote(text: str, opening: int, closing: int) -> bool:
    """Quotes around one word: the reporter's word, marked as another's term ("“neutralised”").
    (Two words may be a quoted phrase whose clause the quote marks break: "said it would
    continue “offensive operations”" keeps its modal only if read as a quote.)"""
    if closing < 0:
        return False
    quoted = text[opening + 1:closing].strip()
    return len(quoted.split()) == 1 and quoted[-1:].isalpha()


def _killing_by(agents: re.Pattern, text: str, t: lexicon.Trigger, rivals: re.Pattern | None = None) -> bool:
    """These agents did the killing: troops, police or aircraft ("troops killed 22 fighters"),
    or gunmen, militants, fighters ("ADF fighters killed 40 villagers"). In the passive ("seven
    soldiers were killed") the words name the victims, not the agents. With `rivals` (the other
    side's words), a word after a preposition is the place or target, not an agent ("blew up at
    a military checkpoint, killing 10"), and the other side's agent named first is the subject
    ("Two suicide bombers strike in the centre of Jolo, killing 14": the bombers, not a strike)."""
    if _PASSIVE.match(t.text) or _REDUCED_PASSIVE.match(text, t.end):
        return False  # "Police reservists killed.", "soldiers killed in an ambush": a headline's passive
    head = text[:t.start]
    if _PARTICIPLE_TOLL.match(t.text) and head.rstrip().endswith(","):
        # "A van blows up at a military checkpoint in Lamitan, killing 10", "Two suicide bombers
        # strike in the centre of Jolo, killing 14 soldiers": the participle's doer is its
        # clause's subject, the first agent told, not one in a place or object named after it
        # (troops or drones told first may still be a place's or the militants': what follows asks)
        head = _PLACE_OBJECT.sub(lambda p: re.sub(r"[\w'’-]+", "_", p.group()),  # as many words, none an agent
                                 head[max((m.end() for m in _CLAUSE_START.finditer(head)), default=0):])
        m = lexicon.modality()
        militant, military = m.militant_agents.search(head), m.military_agents.search(head)
        if militant is not None and (military is None or militant.start() < military.start()):
            return agents is m.militant_agents
    aside = _ASIDE_BEFORE.search(head)  # "The attackers, armed with machine guns, struck": the
    if aside is not None:               # subject stands before the aside
        head = head[:aside.start()]
    # "villagers who had been ordered by the army to dig trenches and killed": a passive's
    # "by" agent is not the subject of the verb that follows
    wide = " ".join(_BY_AGENT.sub(" ", " ".join(head.split()[-10:])).split())
    near = len(wide) - len(" ".join(wide.split()[-6:]))  # where the last six words start
    if rivals is None:
        return bool(agents.search(wide, near))
    found = next((m for m in agents.finditer(wide, near) if not _PREPOSITION_BEFORE.search(wide, 0, m.start())), None)
    # the other side's agent before it, in the last ten words, not after a preposition
    return found is not None and not any(m.start() < found.start() and not _PREPOSITION_BEFORE.search(wide, 0, m.start())
                                         for m in rivals.finditer(wide))


# "at a military checkpoint", "on an army post": a preposition, a determiner and an adjective
# before an agent's word make it the place or the target ("on Sunday that troops" do not)
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|on|in|near|against|outside|inside|into|toward|towards|targeting)\s+"
                                 r"(?:(?:a|an|the|its|their|his|her)\s+(?:[\w'’-]+\s+)?)?$", re.I)


# where a participle's clause starts: the sentence, or after a semicolon, a dash or a colon
_CLAUSE_START = re.compile(r";|\s[–—-]\s|:\s")
# a place or an object after a preposition: "at a military checkpoint", "on military bases"
_PLACE_OBJECT = re.compile(r"\b(?:at|on|near|outside|inside|in|into|against|of|towards?|around|past|through|across|along|over|behind|beside|under)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+", re.I)
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+)?[\w'’-]+", re.I)


# a participle aside ("armed with ...", "backed by ...", "riding motorcycles"), not an
# apposition ("Rebels of the ADF, a group that has pledged allegiance to IS, killed ...")
_ASIDE_BEFORE = re.compile(r",\s*[a-z]+(?:ed|ing)\b[^,;.]{0,80},\s*$")


# Nothing after the verb, or a preposition where an active verb has its object.
# ("killed at least 40 people" is active: "at least" counts its object)
_REDUCED_PASSIVE = re.compile(r"\s*(?:[.!?\"”']*\s*$|(?:in|during|near|at(?!\s+(?:least|most)\b)|by|as|when|while|after)\b)", re.I)


_BY_GROUP = re.compile(r"\s+by\s+(?:the\s+)?$", re.I)
# a one-word name opening the sentence, set off by a comma or right before the verb, with no
# word for people before the verb: a town ("Gwoza, close to the border with Cameroon, was
# captured by Boko Haram"), not a person ("Two aid workers were captured")
_TOWN_SUBJECT = re.compile(r"\W*(?!(?:He|She|They|It|The|A|An|Two|Three|Four|Five|Six|Mr|Mrs|Ms|Dr)\b)[A-Z][\w'’-]+"
                           r"(?:,(?:(?!\b(?:people|men|women|children|soldiers|officers|policem[ae]n|workers|"
                           r"hostages|tourists|journalists|civilians|villagers|passengers|students|his|her|he|she)\b)[^;:])*?,)?"
                           r"\s+(?:was|had\s+been)\s+$")


def _by_armed_group(text: str, t: lexicon.Trigger, actors: list) -> bool:
    """Is a passive arrest verb's agent an armed group ("was captured by Boko Haram")?"""
    return any(a.kind == "group" and a.start >= t.end and _BY_GROUP.fullmatch(text, t.end, a.start) for a in actors)


_RAID = re.compile(r"raids?$", re.I)
_TWO_SIDED = re.compile(r"clash", re.I)  # "militants clashed with soldiers": both sides fought
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)  # "terrorists were neutralised"


def _is_content(f, text: str, has_date: bool = False) -> bool:
    """An event trigger other than the report itself; a bare toll only if it counts someone, or
    if it dates victims already counted ("The soldiers were killed late on Thursday")."""
    if f[0] == "statement":
        return False
    return f[1].rule.pos != "casualty" or bool(casualties.toll(text)) or has_date and _told_victims(text, f[1])


# "The soldiers were killed", "All four were wounded": the sentence opens on victims named before
_TOLD_VICTIMS = re.compile(r"\W*(?:The|These|Those|All|Both|All\s+the)\s+(?:(?!(?:who|which|that|whom)\b)[\w'’-]+\s+){0,3}?(?:had\s+|have\s+)?$")


def _told_victims(text: str, t) -> bool:
    return t.rule.pos == "casualty" and _PASSIVE.match(t.text) is not None \
        and _TOLD_VICTIMS.fullmatch(text, 0, t.start) is not None


_NOUN_RELATIVE = re.compile(r"\s*,?\s*(?:which|that|in which|during which|when|where)\b", re.I)  # the noun's own clause
_BOTH_BEFORE = re.compile(r"\bboth\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_VERB_BEFORE_OBJECT = re.compile(r"([A-Za-z]+)\s+(?:(?:responsibility|credit)\s+for\s+)?(?:the|this|that|these|those|its|their|his|her|both)\s+(?:[\w'’-]+\s+){0,3}$")


def _verb_before_object(text: str, trig_start: int) -> re.Match | None:
    """The verb whose definite object the event noun is ("condemned the attack"), group 1."""
    return _VERB_BEFORE_OBJECT.search(text, max(0, trig_start - 60), trig_start)


def _speech_act_object(text: str, trig_start: int) -> int | None:
    """Where the verb starts when the event noun is the definite object of a speech act or a
    claim: "condemned the attack", "denounced this week's bombing", "claimed the attack",
    "blamed both attacks on"; else None."""
    m = _verb_before_object(text, trig_start)
    return m.start(1) if m and lexicon.referring_acts().match(m.group(1)) else None


def speech_act_object(text: str, trig_start: int, claims: bool = False) -> bool:
    """The event noun is the object of a speech act: "condemned the attack", "denounced
    this week's bombing"; with `claims`, of a claim too: "IS claimed the attack"."""
    m = _verb_before_object(text, trig_start)
    return bool(m and (lexicon.speech_acts().match(m.group(1)) or claims and lexicon.modality().claim.found_in(m.group(1))))


def _resolve_types(text: str, found: list[tuple[str, lexicon.Trigger, str | None]], has_date: bool,
                   dated_spans: list[tuple[int, int]] = (),
                   day_spans: list[tuple[int, int]] = (),
                   intervals: dict | None = None) -> list[tuple[str, lexicon.Trigger, str | None]]:
    m = lexicon.modality()
    # inside a direct quote, an event word without a calendar date of its own inside the quote
    # is the speaker's account, not a report ("'They started shooting,' the priest said on Monday")
    found = [f for f in found if f[0] == "statement" or not _in_quote(text, f[1].start)
             or any(_in_quote(text, a) and _CALENDAR.search(text[a:b])
                    for a, b in dated_spans)]
    if len(found) > 1:
        # "rescued 15 people who had been abducted": the earlier event is background here
        low = _lowered(text)
        # (but one in the past perfect with a date of its own is told in full: "freed two
        # shepherds yesterday who had been abducted by fighters last Tuesday")
        kept = []
        for f in found:
            if not m.background_relative.search(text, low, 0, f[1].start):
                kept.append(f)
            elif _PLUPERFECT_RELATIVE.search(text, 0, f[1].start) and _attached_date(text, f[1], dated_spans, adverbial=False):
                kept.append((f[0], f[1], "background"))  # no reference time for what follows
            elif _PASSIVE_RELATIVE.search(text, 0, f[1].start) and _attached_date(text, f[1], day_spans, adverbial=False):
                # "18 students ... who were kidnapped by bandits from their hostel ... in the early
                # hours of 22 September last year": told to the day, the relative clause's event
                # is one of its own
                kept.append((f[0], f[1], "background"))
        found = kept or found
    found = [("military_operation", f[1], f[2]) if f[1].rule.pos == "casualty"
             and _killing_by(m.military_agents, text, f[1], m.militant_agents) else f
             for f in found]
    military = [f[1].start for f in found if f[1].rule.pos == "casualty" and f[0] == "military_operation"]
    if military:
        # "troops killed 14 fighters in an ambush": the ambush is the troops' operation
        found = [("military_operation", f[1], f[2]) if f[0] == "attack" and f[1].start > military[0] else f for f in found]
    # "the rebels struck the Rubymar": a military verb whose doers are gunmen, rebels or
    # fighters, and no troops, is their attack
    found = [("attack", f[1], f[2]) if f[0] == "military_operation" and f[1].rule.pos == "verb"
             and not _TWO_SIDED.match(f[1].text) and not _BE_BEFORE.search(text, max(0, f[1].start - 20), f[1].start)
             and _killing_by(m.militant_agents, text, f[1]) and not _killing_by(m.military_agents, text, f[1])
             else f for f in found]
    militant = [f[1].start for f in found if f[1].rule.pos == "casualty" and _killing_by(m.militant_agents, text, f[1])]
    if militant:
        # and "ADF fighters killed 40 people in a raid on a village": the raid is the fighters' attack
        found = [("attack", f[1], f[2]) if f[0] == "military_operation" and f[1].rule.pos == "noun"
                 and _RAID.match(f[1].text) and f[1].start > militant[0] else f for f in found]
    contents = [f for f in found if _is_content(f, text, has_date)]
    if len(contents) > 1:
        # "killed 12 people on Friday, the deadliest attack since May": a superlative noun
        # ranks the event the sentence tells; its time ("since May") is the ranking's span
        contents = [f for f in contents if not (f[1].rule.pos == "noun" and m.superlative_before.search(
            text, max(0, f[1].start - 40), f[1].start))] or contents
    content = [f for f in contents if f[1].rule.pos != "casualty"] or contents
    # "The following evening, gunmen killed 130 people in Paris, and the Beirut bombings were
    # eclipsed": a toll in a coordinate clause that opens with a date of its own (not a report's:
    # "and the army said on Monday it had killed nine"), and no event word of its clause, is an
    # event of its own beside the nouns of the other clause
    content += [f for f in contents if f not in content and f[1].rule.pos == "casualty"
                and any(_segment(text, a) == _segment(text, f[1].start) and b <= f[1].start
                        and not dating.reported_before(text[max(0, a - 60):a]) for a, b in dated_spans)
                and all(_segment(text, c[1].start) != _segment(text, f[1].start) for c in content)]
    # "The attack came a week after jihadists killed 15 people": a toll in a clause of its own
    # (but not the toll of an event word of that later clause: "since September 17 last year, when
    # JNIM fighters stormed a school ..., killing more than 70 people")
    apart = [(f[0], f[1], "apart") for f in contents if f[1].rule.pos == "casualty" and f not in content
             and any(c[1].end <= f[1].start and _LATER_CLAUSE.search(text, c[1].end, f[1].start) for c in content)
             and not (_PARTICIPLE_TOLL.match(f[1].text) and any(
                 c[1].rule.pos == "verb" and _LATER_CLAUSE.search(text, 0, c[1].start) and c[1].end <= f[1].start
                 and not _LATER_CLAUSE.search(text, c[1].end, f[1].start) for c in content))]
    # "condemned the attack ..., for which Al-Shabaab has claimed responsibility": a claim in the
    # event noun's relative clause describes the event; the sentence still reports a condemnation
    claim = any(f[0] == "statement" and _is_claim(text, f[1]) for f in found) and not m.claim_relative.search(text)
    # a date right after the reporting verb is the report's ("said in a statement on Sunday
    # that the attacks were isolated"): it dates no event the sentence names
    report_dated_only = bool(dated_spans) and all(dating.reported_before(text[max(0, a - 60):a]) for a, _ in dated_spans)
    if content and (not has_date or report_dated_only) and not claim and all(f[1].rule.pos == "noun" and _occurs(_DEFINITE, text, max(0, f[1].start - 40), f[1].start) for f in content):
        # "X stressed the role of the Meeting": a speech act that names a known event
        return sorted(content + apart + [f for f in found if f[0] == "statement"], key=lambda f: f[1].start)
    if content:
        acts = [f for f in found if f[0] == "statement" and not claim and (
            lexicon.speech_acts().match(f[1].text) or f[1].rule.name.startswith("statement.media")
            or _says_apart(text, f[1], [g for g in found if g[0] != "statement"]))]
        found = content + acts  # the reported event, not the report; but a condemnation stands,
        # and so do words said in a clause of their own ("X said on Saturday that ..., and on
        # Sunday police said they had detained four men": the arrest is the second report's)
    elif any(f[0] == "statement" for f in found):
        found = [f for f in found if f[1].rule.pos != "casualty"]
    custody = [f[1] for f in found if f[0] in ("sentencing", "arrest")]
    if custody:
        # "sentenced ... for fatally stabbing a tourist": the offence is what the court judged
        found = [f for f in found if not (f[0] in ("attack", "kidnapping", "plot_foiled") and any(
            c.end <= f[1].start and _OFFENCE.search(text, c.end, f[1].start) for c in custody)
            and not _attached_date(text, f[1], dated_spans, adverbial=False))]
        # "A court sentenced the two men arrested in Garissa in 2022 to 30 years": an arrest
        # told as a participle of the sentenced's noun is who they are, not the sentence's event
        found = [f for f in found if not (f[0] == "arrest" and any(
            c.rule.type == "sentencing" and _OBJECT_PARTICIPLE.fullmatch(text, c.end, f[1].start) for c in custody))]
    found = [f for f in found if not _sourcing(text, f)]
    types = {f[0] for f in found}
    for winner, loser, even_with_toll in lexicon.absorbs():
        if winner in types and loser in types and (even_with_toll or not (loser == "attack" and casualties.toll(text))):
            found = [f for f in found if f[0] != loser]  # the loser is the winner's means
    out: dict[str, tuple[str, lexicon.Trigger, str | None]] = {}
    for f in found:
        key = _GROUPS.get(f[0], f[0])
        have = out.get(key)
        if have is None or _rank(f, text, dated_spans) < _rank(have, text, dated_spans):
            out[key] = f
    kept = list(out.values())
    # "On March 20, militants stormed a complex in Gwadar, and on Monday night, militants
    # attacked a base in Turbat": a coordinate clause with a date of its own is another event
    for f in found:
        if f in kept or f[0] == "statement":
            continue
        seg = _segment(text, f[1].start)
        if any(_segment(text, d[0]) == seg for d in dated_spans) and \
                all(_segment(text, k[1].start) != seg for k in kept if _GROUPS.get(k[0], k[0]) == _GROUPS.get(f[0], f[0])):
            # each clause's event counts the dead of its own clause ("militants killed 23 in
            # Musakhel, and in another attack in April, nine passengers were killed near Noshki"),
            # whichever of the two was kept first
            group = _GROUPS.get(f[0], f[0])
            later = [k for k in kept if _GROUPS.get(k[0], k[0]) == group and _segment(text, k[1].start) > seg]
            kept = [(k[0], k[1], "before_coordinate") if k[2] is None and _GROUPS.get(k[0], k[0]) == group
                    and _segment(text, k[1].start) < seg else
                    (k[0], k[1], "coordinate") if k[2] is None and k in later else k for k in kept]
            kept.append((f[0], f[1], "before_coordinate" if later else "coordinate"))
    if intervals:
        kept += _dated_apart(text, found, kept, dated_spans, intervals)
    return sorted(kept + apart, key=lambda f: f[1].start)


def _dated_apart(text: str, found: list, kept: list, dated_spans, intervals: dict) -> list:
    """"including an Austrian teacher abducted in Niger in January 2024 and a South African
    tourist seized in Timbuktu in 2017": a word of a type already kept, each of the two with a
    date of its own (no sentence adverbial) and the two dates apart, is another event."""
    out = []
    for f in found:
        if f in kept or f[0] == "statement":
            continue
        span = _own_span(text, f[1], dated_spans, adverbial=False)
        mine = intervals.get(span)
        rivals = [k for k in kept + out if k[0] == f[0]]
        if mine is None or not rivals or any(g[1].start >= span[1] and dating._NAMES_ONLY.fullmatch(text, span[1], g[1].start)
                                             or f[1].end <= g[1].start and g[1].end <= span[0] for g in found):
            continue  # "convicted over the 2016 attack", "jailed for a bombing in 2018": the attack's date
        theirs = [intervals.get(_own_span(text, k[1], dated_spans, adverbial=False)) for k in rivals]
        if all(iv is not None and (iv.end < mine.start or mine.end < iv.start) for iv in theirs):
            out.append((f[0], f[1], "apart"))
    return out


# the words said after a reporting verb, up to the end of its clause: enough for a clause of
# their own ("said on Saturday that those responsible would be found"), not a closing ("; police said.")
_SAID_WORDS = 6


def _says_apart(text: str, t: lexicon.Trigger, events: list) -> bool:
    """Does a reporting verb say something in a coordinate clause that tells none of the
    sentence's event words (a toll included: "; an elder said a herder had been wounded")?"""
    seg = _segment(text, t.start)
    if any(_segment(text, f[1].start) == seg for f in events):
        return False
    nxt = dating.COORDINATE.search(text, t.end)
    return len(text[t.end:nxt.start() if nxt else len(text)].split()) >= _SAID_WORDS


@lru_cache(maxsize=1)
def _means() -> frozenset[tuple[str, str]]:
    """(event type, the type of its means) pairs: an arrest's raids, a kidnapping's attack."""
    return frozenset((winner, loser) for winner, loser, _ in lexicon.absorbs())


def _segment(text: str, pos: int) -> int:
    """Which coordinate clause of the sentence a position falls in."""
    return len(dating.COORDINATE.findall(text, 0, pos))


def _rank(f, text: str, dated_spans=()) -> tuple:
    """Which of two triggers of one kind carries the sentence's event: by kind priority, then a
    verb before a noun (but not a verb in a 'during which' clause), a noun with a date of its own before the others ("The worst attack
    remains the truck attack on a market in Berlin on 19.12.2016"), and a noun that points back
    ("the attack") last."""
    t = f[1]
    if t.rule.pos == "verb":
        # "clearance operations ... between 2 and 4 May, during which ... were neutralised":
        # a verb in a clause that details an event named before it yields to that event's noun
        form = 2 if lexicon.dating_cue("detail_clause_before").search(text, 0, t.start) else 0
    elif t.rule.pos == "noun":
        if any(a >= t.end and dating.own_date_after(text[t.end:a]) for a, _ in dated_spans):
            form = 1
        else:
            form = 3 if _occurs(_DEFINITE, text, max(0, t.start - 40), t.start) else 2
    else:
        form = 4
    return _priority(f), form, t.start


_NEW_EVENT_START = re.compile(r"^\W*(?:Additionally|Meanwhile|Separately|Elsewhere|Also|In another)\b")
# "the bomber who blew himself up in the mosque in January 2023": an event told in a relative
# clause is a noun's background, not where the narrative stands
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\s+(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?$", re.I)
_PLUPERFECT_RELATIVE = re.compile(r"\b(?:who|which|that)\s+had\s+been\s+(?:\w+ly\s+)?$", re.I)
# (restrictive only: "The man, who was detained on Tuesday, ..." is the arrest already told of him)
_PASSIVE_RELATIVE = re.compile(r"(?<![,\s])\s+(?:who|which|that)\s+(?:was|were)\s+(?:\w+ly\s+)?$", re.I)
_PARTICIPLE_TOLL = re.compile(r"(?:killing|wounding|injuring|leaving)\b", re.I)
_LATER_CLAUSE = re.compile(r"\b(?:since|following|(?:after|before)(?!\s+(?:%s)))\b" % dating.TIME_OF_DAY, re.I)


@lru_cache(maxsize=1)
def _sentenced_for() -> re.Pattern:
    """What a court judged, after its verb: "for planning an attack", "over the 2016 bombing";
    not a term ("jailed for eight years", "for life")."""
    number = rf"(?:an?|{casualties.number_pattern()})"
    return re.compile(r"\b(?:for(?!\s+(?:life\b|(?:up\s+to\s+|at\s+least\s+|a\s+(?:minimum|maximum|total)\s+of\s+)?"
                      + number + r"[\s-]+(?:and\s+a\s+half\s+)?(?:years?|months?|weeks?|days?)\b))"
                      r"|over|in connection with)\b", re.I)


# the object of a verb and no verb of its own before the participle after it: "sentenced the
# two men arrested", "jailed three suspects detained"
_OBJECT_PARTICIPLE = re.compile(r"\s+(?:the\s+|a\s+|an\s+|his\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?"
                                r"(?:men|women|people|suspects|members|militants|teenagers|brothers|man|woman|suspect|"
                                r"member|militant|teenager|others|defendants|defendant)\s+", re.I)
_OFFENCE = re.compile(r"\b(?:for|over|in connection with|accused of|convicted of|guilty of|charged with)\b", re.I)
_FINAL_ATTRIBUTION = re.compile(r"^\s*(?:on\s+\w+|late\s+\w+|in a statement|on X|on Twitter)?\s*[.!]?\s*$")


def _sourcing(text: str, f) -> bool:
    """", the Vatican said." closing a sentence of plain narrative: the source of the facts
    told, not a statement of its own (a person's "..., he said" still is one)."""
    t = f[1]
    if f[0] != "statement" or not _ATTRIBUTION.match(t.text) or not _FINAL_ATTRIBUTION.match(text[t.end:]):
        return False
    head = text[:t.start].rstrip()
    subject = _FINAL_SUBJECT.search(head)
    if not subject:
        return False
    words = subject.group(1).split()
    return not (words and words[0].lower() in ("he", "she")) and not _PERSONISH.search(subject.group(1))


# A subject that names a person: a first name and surname, or a title before one.
_PERSONISH = re.compile(r"\b(?:[A-Z][a-z]+\s+[A-Z][a-z]+|Mr|Mrs|Ms|Dr|spokes\w+|minister|president|chief|director|commander|official)\b")


def _own_clause(text: str, t: lexicon.Trigger, cue: str | None) -> str:
    """The part of the sentence whose toll is this event's: "The attack came a week after
    jihadists killed 15 people" gives the attack no toll and the later clause its 15."""
    if cue == "apart":
        later = list(_LATER_CLAUSE.finditer(text, 0, t.start))
        return text[later[-1].start():] if later else text
    start, end = 0, len(text)
    if cue == "coordinate":
        start = max((m.end() for m in dating.COORDINATE.finditer(text, 0, t.start)), default=0)
    elif cue == "before_coordinate":
        nxt = dating.COORDINATE.search(text, t.end)
        end = nxt.start() if nxt else end
    later = _LATER_CLAUSE.search(text, t.end, end)
    return text[start:later.start() if later else end]


def _is_claim(text: str, t: lexicon.Trigger) -> bool:
    """A claim of responsibility: "claimed the attack", "said it carried out", "admitted", or a
    statement in a sentence that claims responsibility ("claimed ... in a statement posted")."""
    claim = lexicon.modality().claim
    return claim.search(text, _lowered(text), t.start, min(len(text), t.end + 30)) \
        or _RESPONSIBILITY.search(text, _lowered(text))


_RESPONSIBILITY = CaseBlind(r"\bclaim(?:ed|s|ing)? (?:responsibility|credit)\b")
_NOT_CLAIMED = re.compile(r"\b(?:not|never|no|yet|denied|refused|would|could|may|might)\b", re.I)


def _responsibility_claimant(text: str, actors: list) -> str | None:
    """Who claimed responsibility in "The TTP claimed responsibility for the assault": the actor
    that opens the sentence, unless the claim is denied or not yet made ("has not claimed")."""
    m = _RESPONSIBILITY.rx.search(text)
    if not m:
        return None
    before = [a for a in actors if a.end <= m.start() and a.kind in ("group", "agency", "state", "person")]
    if not before or not (_AT_START.match(text[:before[0].start]) or _GROUP_DESCRIBED.match(text[:before[0].start])) \
            or _NOT_CLAIMED.search(text, before[0].end, m.start()):
        return None
    return before[0].name


def _priority(f) -> int:
    """Within one sentence: an arrest, then a charge, then a plot told as foiled, then a plot
    only inferred from 'planning an attack' near an arrest."""
    if f[0] == "plot_foiled" and f[2] in ("intention", "infinitive"):
        return 5
    return _GROUP_PRIORITY.get(f[0], 9)


def _by_sentence(items: list, sentences: list[Sentence]) -> list[list]:
    """Items with absolute start/end (places, actor mentions) shared out to their sentences,
    with offsets made relative to the sentence."""
    import bisect

    starts = [s.start for s in sentences]
    out: list[list] = [[] for _ in sentences]
    for it in items:
        i = bisect.bisect_right(starts, it.start) - 1
        if i >= 0 and it.end <= sentences[i].end:
            out[i].append(_moved(it, -sentences[i].start))
    return out


def _moved(item, by: int):
    """A copy of a frozen place or mention `by` characters further (dataclasses.replace, which
    runs __init__ again, costs ten times as much)."""
    copy = object.__new__(item.__class__)
    copy.__dict__.update(item.__dict__, start=item.start + by, end=item.end + by)
    return copy


_SPEAKER_FIELDS = operator.attrgetter("speaker", "speaker_kind", "speaker_alias", "unnamed")


class SentenceReader:
    """Reads an article's sentences in order, keeping what later sentences need: the people
    met so far, the last speaker, the last dated event of the paragraph."""

    def __init__(self, text: str, timexes: list, dct: date | None, index: ActorIndex | None = None):
        self.text, self.dct = text, dct
        self.timexes = sorted(timexes, key=lambda tx: tx.start)
        self._timex_starts = [tx.start for tx in self.timexes]  # a sentence's are a slice
        self.index = index or ActorIndex()
        self.prev: Sentence | None = None
        self.reference: tuple[int, dating.Dated] | None = None  # (paragraph, last own date told)
        self.lead_read = False  # past the article's first body sentence
        self._count_back: tuple[str, int] | None = None  # see Candidate.count_back
        self._said_before: tuple[tuple[int, int], dating.Dated] | None = None  # see _remember_said
        self._voice: tuple[int, int] | None = None  # the sentence that opens on "X, a teacher who ..."
        self._speakers: dict[int, tuple] = {}  # the sentence's statement speakers, by trigger
        self._publication = dating.publication(Interval.day(dct) if dct else None)  # frozen: shared
        self._last_group: ActorMention | None = None  # the armed group named last: "the group"

    def read_all(self, sentences: list[Sentence]) -> list[Candidate]:
        """Every sentence in order. Triggers, places and aliases are found in one pass over the
        whole text each (much cheaper than a pass per sentence), then handed to their sentence."""
        found = lexicon.find_in(self.text, [(s.start, s.end) for s in sentences])
        for i, s in enumerate(sentences):
            if (dash := self._chronicle_dash(s)) is not None:
                found[i] = lexicon.find_historic(s.text, dash)
        places = _by_sentence(find_all_places(self.text), sentences)
        aliases = _by_sentence(self.index.table.find(self.text), sentences)
        return [c for s, t, p, a in zip(sentences, found, places, aliases) for c in self.read(s, t, p, a)]

    def _chronicle_dash(self, s: Sentence) -> int | None:
        """Where the dash ends on a chronicle line, one that opens with its date and a dash
        ("Jan 8 – Militants ambush ...", "Late July – Al-Shabaab threatens ..."): the sentence
        opens its line and the words before the dash are one date expression. Else None."""
        if s.start and self.text[s.start - 1] != "\n":
            return None
        m = lexicon.chronicle_opening(s.text)
        if m is None:
            return None
        i = bisect_left(self._timex_starts, s.start + m.start("date"))
        if i == len(self.timexes) or self.timexes[i].start != s.start + m.start("date") \
                or self.timexes[i].end != s.start + m.end("date") or self.timexes[i].type != "DATE":
            return None
        return m.end()

    def read(self, s: Sentence, triggers: list | None = None, places: list | None = None,
             aliases: list | None = None) -> list[Candidate]:
        text = s.text
        if triggers is None:
            triggers = lexicon.find(text)
        if places is None:
            places = find_all_places(text)
        timexes = self.timexes[bisect_left(self._timex_starts, s.start):
                               bisect_left(self._timex_starts, s.end)]
        timexes = self._counted(timexes, s)
        mod = lexicon.modality()
        if triggers and (mod.caption.match(text) or mod.teaser.match(text) or mod.link.match(text)
                         or mod.stamp.match(text) or mod.retracted.search(text)):
            triggers = []  # "Caption: Soldiers inspect the site of the bombing": a photograph's;
            # "In this issue: a rocket attack in Iraq, ...": a digest's contents, told below;
            # "Also read: Pahalgam attack: NIA files chargesheet": another story's title;
            # "An earlier version of this article said ...": what a correction takes back;
            # "Posted at Dec 05 2023 06:30 PM": the page's time stamp
        if triggers:
            actors = self.index.find(text, places, aliases)
            out = self._the_group(text, actors, self._events(s, triggers, actors, _outside_agencies(places, actors), timexes))
        else:
            self.index.meet(text, places, aliases)  # no event to give actors to: names learnt only
            out = []
        groups = [a for a in (aliases if aliases is not None else self.index.table.find(text)) if a.kind == "group"]
        if groups:
            self._last_group = groups[-1]
        self._remember_reference(s, timexes, out)
        self._remember_said(s, timexes)
        self._voice = (s.paragraph, s.index) if _introduces_voice(text) else None
        self.prev = s
        if not s.headline:
            self.lead_read = True
        return out

    def _the_group(self, text: str, actors: list, cands: list[Candidate]) -> list[Candidate]:
        """"The group" or "the militants" in a sentence that names no group is the armed group
        named last before it ("Al-Shabab often targets hotels. In August the group stormed a
        restaurant"), when one was: an actor of the sentence's events, not a speaker ("the
        group said" stays as it was, and what a statement speaks of is no party to it)."""
        if not cands or self._last_group is None or any(a.kind == "group" for a in actors):
            return cands
        m = _GROUP_ANAPHOR.search(text)
        if m is None:
            return cands
        g = ActorMention(self._last_group.name, self._last_group.kind, m.start(), m.end(), m.group())
        for c in cands:
            if c.type != "statement":
                c.actors = sorted([*c.actors, g], key=lambda a: a.start)
        return cands

    def _events(self, s: Sentence, triggers: list, actors: list, places: list, timexes: list) -> list[Candidate]:
        """The candidates of a sentence with triggers."""
        text = s.text
        dated = [tx for tx in timexes if dating.usable(self.text, tx)]
        dated_spans = [(tx.start - s.start, tx.end - s.start) for tx in dated]
        # "has been attacked repeatedly since September 2019, when an assault killed 38": the
        # when-clause's date is its own event's, it makes no other event word of the sentence dated
        has_date = any(not dating.anchors_when_clause(self.text, tx) for tx in dated)
        found = self._real_triggers(s, triggers, has_date, dated_spans)
        reporting = any(f[0] == "statement" and _ATTRIBUTION.match(f[1].text)
                        and not _BE_BEFORE.search(text[max(0, f[1].start - 12):f[1].start]) for f in found)
        source = self._reporter(s, found, actors, places, timexes)
        claimed = any(f[0] == "statement" and _is_claim(text, f[1]) for f in found)
        if source is None:  # "claimed responsibility" is no reporting verb
            source = _responsibility_claimant(text, actors)
            claimed = claimed or source is not None
        out = []
        claim_span = _RESPONSIBILITY.rx.search(text)
        means = _means()
        day_spans = [(tx.start - s.start, tx.end - s.start) for tx in dated
                     if tx.interval is not None and tx.interval.precision is Precision.DAY]
        intervals = {(tx.start - s.start, tx.end - s.start): tx.interval for tx in dated if tx.interval is not None}
        for etype, t, cue in _resolve_types(text, found, has_date, dated_spans, day_spans, intervals):
            if etype == "arrest" and t.rule.pos == "verb" and _by_armed_group(text, t, actors):
                # "Gwoza ... was captured by Boko Haram": an armed group arrests no one; a town it
                # takes is its attack, a person its hostage
                etype = "attack" if _TOWN_SUBJECT.match(text, 0, t.start) else "kidnapping"
            # other event words compete for the dates; a toll or a word of the same kind does not
            # (nor does a plain "said": a date after it is the report's, which `governing` weighs
            # as such; counted as a rival too, it tied with a date another event word claims:
            # "said on Monday they had charged ... over a knife attack in August")
            # nor does the event's means ("arrested the suspects in raids ... between Wednesday and
            # Friday": the raids are the arrests', see lexicon.absorbs)
            rivals = [f for f in found if f[1] is not t and f[0] != etype and f[1].rule.pos != "casualty"
                      and not (f[0] == "statement" and _ATTRIBUTION.match(f[1].text))
                      and (etype, f[0]) not in means]
            others = [(s.start + f[1].start, s.start + f[1].end) for f in rivals]
            if claim_span is not None and etype != "statement":
                # "Hamas on Wednesday claimed responsibility for an attack ... that killed seven on
                # Tuesday": the claim, an event word of its own, has the better right to its date
                others.append((s.start + claim_span.start(), s.start + claim_span.end()))
            nouns = [(s.start + f[1].start, s.start + f[1].end) for f in rivals if f[1].rule.pos == "noun"]
            c = self._candidate(s, etype, t, cue, actors, places, timexes, reporting, others, nouns)
            if c is not None:
                if etype != "statement" and source:
                    if claimed:
                        c.claimant = source
                    else:
                        c.source = source
                out.append(c)
        return out

    def _real_triggers(self, s: Sentence, triggers, has_date: bool, dated_spans) -> list:
        """(type, trigger, cue) for the triggers that tell of a real occurrence."""
        text, m = s.text, lexicon.modality()
        found = []
        tallied = False  # an event word was dropped as generic ("has claimed several attacks")
        words_only = None  # the sentence speaks of often or of words: searched once, if asked
        for t in triggers:
            effect, cue = _modality(text, t)
            etype = t.type
            if effect == "drop":
                continue
            if effect == "plot":
                if etype not in ("attack", "kidnapping") or not self._foiled_context(s):
                    continue
                etype = "plot_foiled"
            if _generic(text, t, has_date, dated_spans):
                tallied = True
                continue
            if etype != "statement":
                if words_only is None:
                    low = _lowered(text)
                    words_only = not has_date and m.frequency.search(text, low) or m.definition.search(text, low) \
                        or m.comparison.search(text, low)
                if words_only and not any(dating.when_clause_after(text, b, t.start) for _, b in dated_spans):
                    # "every few months, a stabbing ...": what happens often, not what happened
                    # (but "attacked repeatedly since September 2019, when an assault killed 38"
                    # tells one assault in its when-clause);
                    # "the term 'neutralise' is used to imply killed or captured": words, not events;
                    # "killed 7,320 people in 2024, 12% fewer than in 2023": a statistic
                    continue
            found.append((etype, t, cue))
        if tallied:
            # a claim whose object is a tally is no statement of a particular act either
            found = [f for f in found if not (f[0] == "statement" and _is_claim(text, f[1]))]
        return found

    def _reporter(self, s: Sentence, found, actors, places, timexes) -> str | None:
        """The named speaker of the sentence's reporting verb, if any: the source of what it reports."""
        self._speakers = {}  # trigger -> its statement's speaker fields, for _candidate
        for etype, t, _ in found:
            if etype == "statement":
                probe = Candidate("statement", s, t, 0.0, dating.NO_DATE, actors, places, {})
                _statement_speaker(probe)
                self._speakers[id(t)] = _SPEAKER_FIELDS(probe)
                if probe.speaker_kind not in (None, "pronoun"):
                    return probe.speaker
        return None

    def _remember_said(self, s: Sentence, timexes: list) -> None:
        """The day a sentence says its words were spoken ("..., the ministry said on Friday"),
        for a statement in the next sentence that goes on telling the same occasion."""
        self._said_before = None
        for tx in timexes:
            if tx.interval is not None and tx.interval.precision is Precision.DAY \
                    and dating.reported_before(self.text[max(0, tx.start - 100):tx.start]):
                self._said_before = ((s.paragraph, s.index), dating.Dated(tx.interval, tx.text, dating.basis_of(tx), tx))

    def _remember_reference(self, s: Sentence, timexes: list, events: list[Candidate]) -> None:
        """The narrative's reference time, which an undated event of the next sentences
        inherits: the date of the last event told with a date of its own, or, in a sentence that
        tells no event ("Between 14 and 16 May, Europol coordinated an action day"), its date."""
        if s.headline:
            return
        # a past perfect ("had attacked a police station in 2019") tells what came before the
        # narrative's time, which stays where it was: the next "he was charged" is not of 2019
        own = [c for c in events if c.dated.strength >= 4 and c.type != "statement" and "background" not in c.cues
               and not _RELATIVE_BEFORE.search(s.text, max(0, c.trigger.start - 30), c.trigger.start)
               and not self._past_perfect(s, c.trigger)]
        if own:
            self.reference = (s.paragraph, own[-1].dated)
            return
        if events:
            return  # a date in a sentence about other events (a relative clause) sets no reference
        report_date = lexicon.dating_cue("report_date_before")
        for tx in timexes:
            if report_date.search(self.text, max(0, tx.start - 40), tx.start):
                # "the study, published on Tuesday": when it was told, not when anything it
                # tells happened; the narrative has moved to it, so no earlier time carries on
                self.reference = None
                continue
            if lexicon.dating_cue("comparison_range_before").search(self.text, max(s.start, tx.start - 80), tx.start):
                continue  # "its biggest operation in the area this year": a range compared over, no time told
            if lexicon.dating_cue("past_perfect_before_date").search(self.text, s.start, tx.start):
                continue  # "the suspect had travelled to Syria in 2019": before the narrative's time
            if dating.usable(self.text, tx) and (self.dct is None or tx.interval.start <= self.dct):
                self.reference = (s.paragraph, dating.Dated(tx.interval, tx.text, dating.basis_of(tx), tx))

    def _within(self, s: Sentence) -> dating.Dated:
        """"Within days, ...": the story's reference day up to the reach of the words, or none."""
        pattern, reach = lexicon.within_offset()
        m = pattern.search(s.text)
        if m is None or self.reference is None or s.paragraph - self.reference[0] > 2:
            return dating.NO_DATE
        ref = self.reference[1].interval
        if ref is None or ref.precision is not Precision.DAY or ref.length_days > 1:
            return dating.NO_DATE
        unit = m.group("unit").lower()
        days = reach[unit.rstrip("s") if m.group("one") else unit]
        return dating.Dated(Interval.days(ref.start, ref.end + timedelta(days=days)), m.group(0), DateBasis.RELATIVE)

    def _after_reference(self, s: Sentence) -> dating.Dated:
        """"Police later arrested a man" in the news of the last days: between the story's day
        and the publication day. Told of an older story, any day since: undated."""
        if self.reference is None or self.dct is None or s.paragraph - self.reference[0] > 2:
            return dating.NO_DATE
        ref = self.reference[1].interval
        if ref is None or ref.precision is not Precision.DAY or not 0 <= (self.dct - ref.end).days <= _LATER_REACH_DAYS:
            return dating.NO_DATE
        return dating.Dated(Interval.days(ref.start, self.dct), None, DateBasis.INHERITED)

    def _counted(self, timexes: list, s: Sentence) -> list:
        """Dates counted from the story ("The following evening, gunmen killed 130 people in
        Paris") counted from the date they follow: an earlier date of their sentence ("In April
        2025, gunmen kidnapped a boy ...; he was rescued a week later"), else the narrative's
        reference time, the date of the last event told in this paragraph or the two before. The
        tagger counts from the last date the text names, whatever it dates (a report's day, a
        range compared over), or leaves them unresolved; its count stays only where the story
        gives no time to count from."""
        out, own_anchor = [], None
        anchor = self.reference[1].interval if self.reference is not None and s.paragraph - self.reference[0] <= 2 else None
        for tx in timexes:
            if tx.type not in ("DATE", "TIME"):
                pass
            elif dating.is_counted(tx.text):
                interval = dating.counted_from(tx.text, anchor)
                if interval is not None and interval != tx.interval:
                    tx = replace(tx, interval=interval)
            elif tx.interval is not None and dating.usable(self.text, tx):
                if own_anchor is not None:
                    # "In October of that year, a teacher was stabbed ..., and in December a
                    # tourist was killed": a month without its year is of the year told before it
                    interval = dating.month_after(tx, own_anchor, self.dct)
                    if interval is not None and interval != tx.interval:
                        tx = replace(tx, interval=interval)
                anchor = own_anchor = tx.interval
            out.append(tx)
        return out

    def _foiled_context(self, s: Sentence) -> bool:
        rx = lexicon.modality().foil_context
        if rx.search(s.text, _lowered(s.text)):
            return True
        return bool(self.prev and self.prev.paragraph == s.paragraph
                    and rx.search(self.prev.text, _lowered(self.prev.text)))

    def _candidate(self, s, etype, t, cue, actors, places, timexes, reporting=False, others=(), nouns=()) -> Candidate | None:
        a, b = s.start + t.start, s.start + t.end
        # "the death toll had risen to 32": the toll of an event already told, a noun that points back
        definite = (t.rule.pos == "noun" or t.text.lower() == "death toll") \
            and _occurs(_DEFINITE, s.text, max(0, t.start - 40), t.start)
        if etype == "sentencing" and (offence := _sentenced_for().search(s.text, t.end)):
            # "sentenced three men ... for planning an attack on the market more than two years
            # ago": a date told with the offence (in its clause) is the offence's, not the court's
            cut = s.start + offence.start()
            timexes = [tx for tx in timexes if tx.start < cut or "," in self.text[cut:tx.start]]
        dated = dating.governing(self.text, s.start, a, b, timexes, reported=etype != "statement",
                                 verb=t.rule.pos == "verb", same_clause=etype == "statement", others=others,
                                 strict=definite, nouns=nouns,
                                 speech=etype == "statement" and t.rule.pos == "verb" and dating.is_speech_verb(t.text))
        act = _speech_act_object(s.text, t.start) if (definite or _BOTH_BEFORE.search(s.text, 0, t.start)) \
            and dated.timex is not None else None
        if act is not None and (dated.timex.end <= s.start + act or dated.timex.start >= b
                                and self._act_date_after(b, dated.timex)):
            # "condemned the attack on Friday", "On Monday the envoy condemned the attack": the
            # weekday is when it was condemned; "blamed both attacks on the group, which rejected
            # the 2016 accord": a date beyond a clause break is another thing's. The attack, a
            # known one, takes no date from them (a date of its own stays: "condemned the March
            # 2019 bombings", "condemned the attack on 17 October 2023 against a base")
            dated = dating.NO_DATE
            definite = True
        if dated.interval and self.dct and dated.interval.start > self.dct + timedelta(days=1):
            if etype != "statement":
                return None  # a future date: not an occurrence yet
            dated = dating.NO_DATE
        if dated.interval is None and self.dct is None and etype != "statement":
            # "arrested on Sunday" in an article of unknown date: its own day, unknown; it
            # borrows no other sentence's date
            dated = dating.governing(self.text, s.start, a, b, timexes, reported=True,
                                     verb=t.rule.pos == "verb", others=others, strict=definite,
                                     nouns=nouns, unknown=True)
        head = s.text[:t.start]
        counted = etype in ("attack", "military_operation", "plot_foiled")
        c = Candidate(etype, s, t, t.rule.strength, dated, actors, places,
                      casualties.toll(_own_clause(s.text, t, cue)) if counted else {},
                      definite=definite or t.rule.pos == "noun" and t.text[:1].isupper() and not s.text.startswith(t.text),
                      distinct=_distinct_word(casualties.without_counted_others(head) if t.rule.pos == "casualty" else head,
                                              2 if definite else 6)
                      or (not definite and bool(_NEW_EVENT_START.match(s.text))))
        if cue == "apart":
            c.distinct = True  # told in a clause of its own beside another event: another event
        elif cue in ("coordinate", "before_coordinate"):
            pass  # only where its toll is read
        elif cue:
            c.cues.append(cue)
        if etype == "statement":
            known = self._speakers.get(id(t))  # the trigger's speaker, if _reporter found it
            if known is None:
                _statement_speaker(c)
            else:
                c.speaker, c.speaker_kind, c.speaker_alias, c.unnamed = known
            c.commentary = _commentary(c) or c.speaker_kind == "pronoun" and c.speaker in ("he", "she") \
                and self._voice == (s.paragraph, s.index - 1)  # "X, a teacher, lost his home. '...,' he said"
            said = self._said_before
            if dated.interval is None and dated.text is None and said is not None \
                    and said[0] == (s.paragraph, s.index - 1) and _SAID_ON.match(t.text) \
                    and lexicon.dating_cue("occasion_continued_opening").match(s.text) \
                    and not _occurs(_PERFECT_BEFORE, s.text, max(0, t.start - 40), t.start):
                # "..., the Foreign Office said in its weekly briefing on Friday. Spokeswoman X
                # told reporters that ...": the same briefing, the day just told
                c.dated = dating.Dated(said[1].interval, said[1].text, DateBasis.INHERITED)
        if dated.interval is None and dated.text is None and etype != "statement" and not c.definite:
            self._count_back = None
            c.dated = self._fallback_date(s, t, reporting, timexes)
            c.count_back = self._count_back
        return c

    def _act_date_after(self, b: int, tx) -> bool:
        """Is a date after a speech act's event object (ending at `b`) the act's ("condemned the
        attack on Friday", "blamed both attacks on the group, which rejected the 2016 accord")
        rather than the event's own ("the attack on 17 October 2023 against a base", "claimed the
        attack, which killed 12 people in Kabul on Monday")?"""
        if lexicon.dating_cue("noun_complement_after").match(self.text, tx.end):
            return False
        rel = _NOUN_RELATIVE.match(self.text, b)
        if rel is not None:  # the noun's own clause, unless closed before the date
            return "," in self.text[rel.end():tx.start]
        return dating.basis_of(tx) is DateBasis.RELATIVE or bool(dating._CLAUSE_BREAK.search(self.text, b, tx.start))

    def _story_time(self, s: Sentence, t: lexicon.Trigger) -> dating.Dated | None:
        """The narrative's reference time, inherited, when it lies long before publication
        (a story of another year told in this paragraph or the two before); else None."""
        if self.reference is None or self.dct is None or s.paragraph - self.reference[0] > 2 \
                or _EVENT_ANCHOR.search(s.text) or self._background(s, t) or _HAD.search(s.text):
            return None  # "said negotiations had been conducted": backshifted to the report's time
        ref = self.reference[1]
        if ref.interval is None or ref.interval.end >= self.dct - timedelta(days=_STORY_PAST_DAYS):
            return None
        return dating.Dated(ref.interval, ref.text, DateBasis.INHERITED)

    @staticmethod
    def _past_perfect(s: Sentence, t: lexicon.Trigger) -> bool:
        return bool(lexicon.dating_cue("background_before_trigger").search(s.text[max(0, t.start - 40):t.start]))

    @classmethod
    def _background(cls, s: Sentence, t: lexicon.Trigger) -> bool:
        """Told as what came before the narrative's time ("had been freed", "since then"): it
        cannot take that time. (A reported "had been detained" is backshifted speech: the report's
        day still bounds it, see _fallback_date.)"""
        return cls._past_perfect(s, t) or bool(lexicon.dating_cue("background_sentence").search(s.text))

    def _counted_back(self, s: Sentence, t: lexicon.Trigger, timexes: list) -> dating.Dated | None:
        """"The verdict comes a week after militants killed 11 soldiers": the event after the
        count is the count back from the event before it, dated by the last date of the sentence
        before the count, else (told in the present) the publication day, else the story's
        reference time, else, after a definite subject ("The attack came ..."), the date merging
        gives that subject's event; None if the sentence counts nothing back to this trigger."""
        m = lexicon.dating_cue("count_before_event").search(s.text, max(0, t.start - 140), t.start)
        if m is None:
            return None
        before = [tx.interval for tx in timexes if tx.end <= s.start + m.start() and tx.interval is not None
                  and dating.usable(self.text, tx)]
        if not before and _occurs(_DEFINITE, s.text, max(0, m.start() - 40), m.start()):
            # "The attack came a week after ...": counted from the attack once merging has dated
            # it (merge._counted_back); till then as below
            self._count_back = (m.group("count"), m.start())
        if before:
            anchor = before[-1]
        elif (m.group("verb") or "").lower() in ("comes", "come") and self.dct is not None:
            anchor = Interval.day(self.dct)
        elif self.reference is not None and s.paragraph - self.reference[0] <= 2:
            anchor = self.reference[1].interval
        else:
            return dating.NO_DATE
        interval = dating.counted_from(m.group("count") + " before", anchor)
        return dating.Dated(interval, m.group(0)[:-len(m.group("rest"))].strip(), DateBasis.RELATIVE) if interval else dating.NO_DATE

    def _fallback_date(self, s: Sentence, t: lexicon.Trigger, reporting: bool, timexes: list = ()) -> dating.Dated:
        """An undated event's date from its context, weakest evidence last:
        a state that has lasted a duration ("has been held for 14 months"): publication minus it;
        reported ("X said that 137 hostages had been released"): the report's day, an upper bound;
        the lead's present perfect ("has gone on trial"): news of the day of publication;
        else the narrative's reference time from this paragraph or the one before; else none.
        Before all: a count back from the event before ("comes a week after militants killed")."""
        back = self._counted_back(s, t, timexes)
        if back is not None:
            return back
        if t.rule.pos == "verb" and t.type in _STATES and _occurs(_PERFECT_BEFORE, s.text, max(0, t.start - 40), t.start):
            began = dating.since_duration(self.text, s.start + t.start, s.end,
                                          [tx for tx in self.timexes if s.start <= tx.start < s.end], self.dct)
            if began.interval is not None:
                return began
        if lexicon.dating_cue("anaphoric_offset").search(s.text):
            # "Within days, the army said it had arrested": from the story's day to a few days on;
            # "two days later": counted from the story, not from today
            return self._within(s)
        offset = lexicon.dating_cue("same_day_offset").search(s.text)
        # an offset opening the sentence ("Hours later, ...") counts from the story's last told
        # time however many paragraphs of detail came between; inside it, only from nearby ones
        if offset and self.reference is not None \
                and (s.paragraph - self.reference[0] <= 2 or _OPENING_OFFSET.match(s.text, 0, offset.start())):
            ref = self.reference[1]  # "Minutes later, a second bomber struck": the story's day
            return dating.Dated(ref.interval, ref.text, DateBasis.INHERITED)
        if self.reference is not None and s.paragraph - self.reference[0] <= 1 and any(
                tx.type == "TIME" and tx.interval is None and s.start <= tx.start < s.end for tx in self.timexes):
            # "soldiers clashed with the gunmen ... at around 5 a.m.": a time of day without its
            # day is a moment of the story's day, told just before, not of the day it was reported
            ref = self.reference[1]
            return dating.Dated(ref.interval, ref.text, DateBasis.INHERITED)
        pub = self._publication
        if reporting and pub.interval:
            told = self._story_time(s, t)
            if told is not None:
                # "The bomber's vest exploded, killing Termos but, witnesses said, ..." in a
                # paragraph about 2015: the report tells the story's time, not the printing day
                return told
            return dating.Dated(pub.interval, None, DateBasis.PUBLICATION, report_date=True)
        # "Separately, a court has sentenced ...": a turn to another story opens it like a lead
        shift = lexicon.dating_cue("topic_shift_opening").match(s.text) is not None
        if (not self.lead_read or shift) and t.rule.pos == "verb" and _occurs(_PERFECT_BEFORE, s.text, 0, t.start) \
                and pub.interval:
            return pub
        if self._background(s, t):
            return dating.NO_DATE
        if lexicon.dating_cue("after_reference").search(s.text, max(0, t.start - 100), t.start):
            return self._after_reference(s)  # "a military court later convicted them": a later day
        if self.reference is not None and s.paragraph - self.reference[0] <= 2 and not _EVENT_ANCHOR.search(s.text) \
                and not (shift and self.reference[0] != s.paragraph):
            ref = self.reference[1]
            return dating.Dated(ref.interval, ref.text, DateBasis.INHERITED)
        return dating.NO_DATE
