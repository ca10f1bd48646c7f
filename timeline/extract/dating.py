"""Each event's own date: the temporal expression that governs its trigger.

The governing expression is the nearest one in the trigger's clause; a sentence-initial
adverbial ("In early May, ...", "Earlier today, ...") governs the whole sentence. Expressions
that only look like dates are never used: a year in brackets after a name ("resolution 2354
(2017)"), a year glued to a name ("Euro 2024"), anchors of a span ("since February 2019"),
durations and sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.extract.lexicon import counted_offset, dating_cue
from timeline.fold import CaseBlind, skipping
from timeline.intervals import Interval, Precision
from timeline.records import DateBasis

# ("before dawn on Saturday": before or after a time of day opens no clause, it is the day's hours)
TIME_OF_DAY = dating_cue("time_of_day_anchor").pattern
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014\"“”]|\s-\s|\b(?:which|who|whom|where|while|whereas|but|when|since|until|because|although|though|"
                           r"(?:after|before)(?!\s+(?:%s)))\b" % TIME_OF_DAY, re.I)
# Breaks that put a date in another clause than the trigger (commas do not: "Kabul, Afghanistan,")
_SUBORDINATE = re.compile(r";|\b(?:which|who|whom|while|whereas|but|when|until|since|as|(?:after|before)(?!\s+(?:%s)))\b"
                          % TIME_OF_DAY, re.I)
# After an event noun, a date within a few words, or in a participle or "which began" clause
# that modifies it ("the Meeting ..., hosted by the FSB in Krasnodar on 4 and 5 October"), is its own.
_NEAR_AFTER = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:on|in|of|at|during|since)?\s*$")
# ... or at the end of a chain of places it happened at, with no clause between: "the bombing of
# a Catholic Mass at the gymnasium of Mindanao State University in Marawi City on December 3, 2023",
# "the truck attack on a Christmas market in Berlin on 19.12.2016" ("and" joins places, not a
# second verb: "and killed", "and was" end the chain). A town and its country or province set
# off by commas are one place of the chain ("kidnapped in Gao, Mali, in April 2021"), and the
# last preposition may take "the" before the date ("during the September 2019 celebrations").
_PLACE_CHAIN = (r"\s*(?:(?:of|at|in|on|near|outside|inside|against|into|across)\s+"
                r"(?:(?!(?:that|which|who|whom|whose|when|where|while|after|before|since|until|because|but|as|"
                r"was|were|is|are|has|have|had|will|would|and\s+[a-z]+ed)\b)"
                r"(?:[\w'’.-]+|[A-Z][\w'’.-]*,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2},)\s+){1,8}?)+")
_PLACE_CHAIN_AFTER = re.compile(_PLACE_CHAIN + r"(?:(?:on|in|at|during)\s*|during\s+the\s+)$")
# ... or a deictic date straight after the place, with no preposition ("the abduction of two
# employees near Mir Ali last month"; a dated_after_place cue of dating.json)
_PLACE_CHAIN_BARE = re.compile(_PLACE_CHAIN + "$")
_MODIFIER_AFTER = re.compile(r",\s*(?:which\s+(?:was\s+)?)?(?:began|started|took place|happened|occurred|unfolded|hosted|held|organi[sz]ed|convened|carried out|staged|launched|conducted)\b[^,;]*$")
_BEGAN = re.compile(r"\s*,?\s*which\s+(?:began|started|took place|happened|occurred|unfolded)\s+(?:on|in|at)?\s*(?:late\s+|early\s+)?$")
# "..., after two days of talks", "after a week of fighting": the noun's span ended by the
# main clause's date (an upper bound, like a report's date)
_AFTER_SPAN = re.compile(r",?\s*after\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+)?"
                         r"(?:\w+\s+)?(?:hours?|days?|weeks?|months?|rounds?|years?)\s+of\s+(?:[\w-]+\s+){0,2}$", re.I)
_AND = re.compile(r"\band\b")
_RELATIVE_HEAD = re.compile(r"\b(?:who|which)\s+(?:had\s+|has\s+|have\s+)?(?:been\s+)?(?:\w+ly\s+)?$", re.I)
# between a relative date and the explicit one that says it again: "on Remembrance Sunday in
# November 2021", "Earlier this month, on Dec. 10", "Two months later, on Oct. 29, 2022"
_QUALIFIER = re.compile(r"\s*(?:,|in|of|on|,\s*(?:in|on))?\s*")
# Coordinate clauses: "militants stormed a complex on March 20, and on Monday attacked a base"
# (a quotation may close before the conjunction: "would be “punished,” and on Sunday")
COORDINATE = re.compile(r";|:\s+(?=[a-z])|,[\"”’]?\s+(?:and|while|but|whereas)\s+")
# the window patterns below are asked only whether they occur: CaseBlind, or fold.skipping
_ANCHOR_BEFORE = CaseBlind(r"\b(?:since|until|till|by|before|after|ahead of|from|as of|through)\s+(?:the\s+)?$")
_NAMED_YEAR_BEFORE = skipping(re.compile(r"(?:\b(?:[Rr]esolutions?|No\.?|[Nn]umber|[Ll]aw|[Dd]ecree|Act|[Aa]rticle|[Ff]light|[Rr]oute|[Ss]ection)\s+(?:[\d/]+\s*\(?)?|[A-Z][\w-]*\s*\(?|\(\s*)$"))
_INITIAL = re.compile(r"^\W*(?:(?:in|on|at|by|earlier|later|early|late|last|since|during|from|as of)\s+)*$", re.I)
# A sentence that opens with the medium a statement was made in, dated: "In a message to the
# media on Monday, ...", "In an audio message broadcast on Wednesday, ..."
# ... or with the speaker's act of speaking: "Speaking to reporters on Thursday afternoon, the governor said"
_MEDIUM_INITIAL = re.compile(
    r"\W*(?:In\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|message|video|recording|post|"
    r"speech|interview|broadcast|letter|communiqu[eé]|address|tweet)|(?:Speaking|Talking|Addressing|Writing))\b[^,;:]{0,60}?$")
_ADVERBIAL_END = re.compile(r"\s*,")
# "X, speaking to reporters in Bangkok on Tuesday, said": an aside of speaking between the
# speaker and the verb (SPEAKING_ASIDE, whole; _SPEAKING_ASIDE_OPEN, up to a date inside it)
_SPEAKING = r",\s*(?:speaking|addressing|writing|talking|responding|replying)\b"
SPEAKING_ASIDE = re.compile(_SPEAKING + r"[^,;\"“”]*,\s*$", re.I)
_SPEAKING_ASIDE_OPEN = re.compile(_SPEAKING + r"[^,;:\"“”]{0,80}?$", re.I)
_EXPLICIT = re.compile(r"\b\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d{1,2}/\d{1,2}", re.I)
_YEAR_ONLY = re.compile(r"^\(?\d{4}\)?$")
_PREPOSITION_BEFORE = CaseBlind(r"\b(?:in|of|since|during|by)\s+$")


@dataclass(frozen=True)
class Dated:
    interval: Interval | None
    text: str | None
    basis: DateBasis
    timex: object | None = None
    report_date: bool = False  # the date the event was reported, an upper bound on when it was

    @property
    def strength(self) -> int:
        """How much a date tells: own date 4, report's date or inherited 2, publication 1, none 0."""
        if self.report_date:
            return 2
        return _STRENGTH[self.basis]


_STRENGTH = {DateBasis.EXPLICIT: 4, DateBasis.RELATIVE: 4, DateBasis.INHERITED: 2,
             DateBasis.PUBLICATION: 1, DateBasis.NONE: 0}


NO_DATE = Dated(None, None, DateBasis.NONE)


def _dated(interval, text, basis, timex, report_date) -> Dated:
    """Dated(...) without the frozen dataclass's __init__ (a setattr through object a field)."""
    d = object.__new__(Dated)
    d.__dict__.update(interval=interval, text=text, basis=basis, timex=timex, report_date=report_date)
    return d


# "said on Monday", "told reporters late Sunday", "said in a separate statement on Sunday"
_REPORTED_BEFORE = CaseBlind(
    r"(?:\b(?:said|says|told \w+|reported|announced|added|stated|confirmed)"
    r"(?:\s+in\s+(?:a|an|its|their|his|her)\s+(?:\w+\s+)?(?:statement|interview|briefing|post|message|speech))?"
    # "claimed ... in a statement released through the group's Amaq agency on Sunday"
    r"|\b(?:in|through|via)\s+(?:a|an|its|their|his|her)\s+(?:\w+\s+)?(?:statement|message|video|post|recording)"
    r"\s+(?:released|issued|posted|published|circulated)(?:\s+[\w'’-]+){0,6}?"
    # "X, speaking to reporters at Government House in Bangkok on Tuesday, said"
    r"|\b(?:speaking|talking)\s+(?:to|with)\s+(?:reporters|journalists|the\s+press|the\s+media)(?:\s+[\w'’-]+){0,6}?"
    # "told a press conference in Jakarta on Thursday", "told a news briefing at the ministry on Monday"
    r"|\b(?:told|told\s+(?:a|the))\s+(?:news\s+|press\s+)?(?:conference|briefing|reporters|journalists|parliament|lawmakers|the\s+court)(?:\s+[\w'’-]+){0,5}?)"
    r"\s+(?:on\s+|late\s+|early\s+)?$")


_RELATIVE_OPEN = re.compile(r",\s*(?:who|which)\s+(?:had|has|have)\s")


def _in_closed_relative(text: str, sent_start: int, tx, trig_start: int) -> bool:
    """Does the date stand in a perfect relative clause set off by commas that closes before
    the trigger ("X, who had been kidnapped in April 2021, was released"): what came before,
    not the main verb's date? ("Militants, who stormed the base on Friday, killed 12" keeps it.)"""
    opening = None
    for opening in _RELATIVE_OPEN.finditer(text, sent_start, tx.start):
        pass
    return opening is not None and "," in text[tx.end:trig_start]


def reported_before(head: str) -> bool:
    """Does `head` end with a reporting verb that a date would follow ("said on", "told
    reporters late")?"""
    return _REPORTED_BEFORE.found_in(head)


_WHEN_AFTER = re.compile(r"\s*,?\s*when\b")
# a sentence's end, but not an initial's dot ("when Yassin B. approached passengers")
_STOP = re.compile(r"(?<!\b[A-Z])[.;]")


def _when_clause(text: str, tx, trig_start: int | None) -> bool:
    """"since November 2020, when a gunman killed four": the when-clause happens at the date."""
    return trig_start is not None and when_clause_after(text, tx.end, trig_start)


def anchors_when_clause(text: str, tx) -> bool:
    """Is the date an anchor usable only for the when-clause after it ("since July 2021, when a
    suicide bomber killed 30")?"""
    return _ANCHOR_BEFORE.found_in(text[max(0, tx.start - 30):tx.start]) and bool(_WHEN_AFTER.match(text, tx.end))


def when_clause_after(text: str, date_end: int, trig_start: int) -> bool:
    """Is the trigger at `trig_start` in a when-clause opened right after a date ending at
    `date_end` ("was in January 2021, when twin suicide bombings killed 32")?"""
    return date_end <= trig_start and bool(_WHEN_AFTER.match(text, date_end)) \
        and not _STOP.search(text, date_end, trig_start)


def own_date_after(gap: str) -> bool:
    """Is a date after an event noun, `gap` between them, the noun's own ("the attack on a
    market in Berlin on 19.12.2016")?"""
    return len(gap) < 120 and bool(_NEAR_AFTER.match(gap) or _PLACE_CHAIN_AFTER.match(gap))


def _own_date_of_noun(text: str, sent_start: int, trig_start: int, trig_end: int, tx, crossings: int) -> bool:
    if tx.end <= trig_start:
        return modifies(text, tx, trig_start) or (crossings == 0 and bool(_INITIAL.match(text[sent_start:tx.start])))
    gap = text[trig_end:tx.start]
    if dating_cue("reaction_object_before").search(text, max(sent_start, trig_start - 60), trig_start) \
            and not noun_owns_against_reaction(text, trig_end, tx):
        return False  # "condemned the abduction on Monday": the condemnation's day
    return bool(_NEAR_AFTER.match(gap) or _MODIFIER_AFTER.search(gap) or _PLACE_CHAIN_AFTER.match(gap)
                or dating_cue("toll_clause_after").match(gap) or dating_cue("noun_relative_before_date").match(gap)
                or dating_cue("copula_date_after").match(gap)
                or _PLACE_CHAIN_BARE.match(gap) and dating_cue("deictic_after_place").match(tx.text))


def noun_owns_against_reaction(text: str, noun_end: int, tx) -> bool:
    """Is a date after the object of a reaction the object noun's own, not the reaction's: "the
    killing on Friday of two soldiers", "the attack that took place on 20 October 2023"?"""
    if tx.start < noun_end:
        return False
    gap = text[noun_end:tx.start]
    return bool(_NEAR_AFTER.match(gap) and dating_cue("noun_complement_after").match(text, tx.end)
                or dating_cue("noun_relative_before_date").match(gap))


# What may stand between a date and the noun it premodifies: names ("the 2002 Bali bombings"),
# after a possessive ("Friday night's attack", "last month's bombing").
_NAMES_ONLY = re.compile(r"(?:['’]s)?(?:\s*[A-Z][\w'’-]*)*\s*")


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def modifies(text: str, tx, trig_start: int) -> bool:
    """The date premodifies the trigger noun: "the November 2015 attacks", "the 2002 Bali
    bombings", and in the style of US wires, a full date set off by commas after "the": "the
    Sept. 11, 2001, attacks"."""
    if tx.end > trig_start:
        return False
    if _NAMES_ONLY.fullmatch(text, tx.end, trig_start):
        return True
    return text.startswith(",", tx.end) and bool(_THE_BEFORE.search(text, max(0, tx.start - 8), tx.start)) \
        and bool(_NAMES_ONLY.fullmatch(text, tx.end + 1, trig_start))


def is_speech_verb(word: str) -> bool:
    """"said", "told", "added": a verb whose object is the reported clause."""
    return bool(dating_cue("speech_verb").match(word))


def _in_reported_clause(text: str, trig_end: int, tx) -> bool:
    """After a verb of saying, is the date inside what was said ("said the strike took place
    on Tuesday") rather than the saying's own adjunct ("said in a statement on Tuesday")?"""
    addressee, own = dating_cue("speech_addressee"), dating_cue("speech_own_adjunct")
    gap = text[trig_end:tx.start]
    m = addressee.match(gap)
    return not own.fullmatch(gap[m.end():] if m else gap)


def usable(text: str, tx, trig_start: int | None = None, verb: bool = False, unknown: bool = False) -> bool:
    """Is this temporal expression a date an event can carry? (`verb`: the trigger is a verb,
    which no date premodifies: "troops deployed since July 2021 launched an operation";
    `unknown`: one that could not be resolved, "on Friday" in an article of unknown date, counts)"""
    if tx.type not in ("DATE", "TIME") or tx.interval is None and not unknown:
        return False
    if dating_cue("date_names_a_thing").match(text, tx.end):
        return False  # "attacks on Christmas markets": what the markets are, not when
    if dating_cue("anaphoric_weekday_before").search(text[max(0, tx.start - 12):tx.end]):
        return False  # "in the early hours of that Sunday": a day the story named, not last Sunday
    before = text[max(0, tx.start - 30):tx.start]
    modifies_trigger = trig_start is not None and not verb and modifies(text, tx, trig_start)
    if text.startswith(("'s", "’s"), tx.end) and trig_start is not None and not 0 <= trig_start - tx.end <= 30:
        return False  # "last month's incident": the date belongs to the noun it possesses
    if (_ANCHOR_BEFORE.found_in(before) and not modifies_trigger and not _when_clause(text, tx, trig_start)
            and not (trig_start is None and _WHEN_AFTER.match(text, tx.end))
            and not dating_cue("time_of_day_anchor").match(tx.text)):
        return False  # "since February 2019"; but "since the 2017 attacks" dates the attacks, and
        # "since July 2021, when a bomber killed 30" the sentence's when-clause (asked without a trigger)
    if _YEAR_ONLY.match(tx.text.strip()) or text[tx.start - 1:tx.start] == "(":
        if _NAMED_YEAR_BEFORE.search(before) and not _PREPOSITION_BEFORE.found_in(before):
            return False
    return True


def basis_of(tx) -> DateBasis:
    return DateBasis.EXPLICIT if _EXPLICIT.search(tx.text) else DateBasis.RELATIVE


_ASIDE = re.compile(r"\([^()]{0,40}\)")  # "(2014)", "(FSB)": a bracket is no clause


# a statement's quoted object: 'condemned “the senseless acts” in a statement on Sunday'
_QUOTED_OBJECT = re.compile(r"“[^“”]{1,300}”|\"[^\"]{1,300}\"")


def _breaks(text: str, a: int, b: int, quoted: bool = False) -> int:
    if b <= a:
        return 0
    seg = _ASIDE.sub("", text[a:b])
    if quoted:
        seg = _QUOTED_OBJECT.sub("", seg)
    # the words after b stay visible to the look-ahead ("before| dawn on Saturday")
    return sum(1 for m in _CLAUSE_BREAK.finditer(seg + text[b:b + 30]) if m.start() < len(seg))


def _subordinate_between(text: str, a: int, b: int) -> bool:
    return any(m.start() < b for m in _SUBORDINATE.finditer(text[:b + 30], a))


def governing(text: str, sent_start: int, trig_start: int, trig_end: int, timexes: list,
              reported: bool = False, verb: bool = False, same_clause: bool = False,
              others: list[tuple[int, int]] = (), strict: bool = False,
              nouns: list[tuple[int, int]] = (), speech: bool = False, unknown: bool = False) -> Dated:
    """The date of the trigger at [trig_start, trig_end) from the usable timexes of its sentence
    (in order of their start).
    For a `reported` event (not the report itself), a date right after a reporting verb ("the
    ministry said on Wednesday") is the report's date, not the event's. For a `speech` verb
    (the statement itself), a date inside the reported clause is not the statement's. With
    `unknown`, a date that could not be resolved may govern: the result then has no interval,
    only the words ("on Friday" in an article whose publication date is unknown)."""
    best, best_score = None, None
    for i, tx in enumerate(timexes):
        if not usable(text, tx, trig_start, verb, unknown):
            continue
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if nxt is not None and basis_of(tx) is DateBasis.RELATIVE and basis_of(nxt) is DateBasis.EXPLICIT \
                and _QUALIFIER.fullmatch(text[tx.end:nxt.start]):
            continue  # "on Remembrance Sunday in November 2021": the explicit date is the one to trust
        late = reported and _REPORTED_BEFORE.found_in(text[max(0, tx.start - 100):tx.start])
        # "agreed on Wednesday ..., after two days of talks": the talks ended by that day
        late = late or (tx.end <= trig_start and not verb and bool(_AFTER_SPAN.search(text, tx.end, trig_start)))
        if tx.end <= trig_start:
            dist, crossings = trig_start - tx.end, _breaks(text, tx.end, trig_start)
            if _when_clause(text, tx, trig_start) or not verb and modifies(text, tx, trig_start) \
                    or dating_cue("detail_clause_after_date").match(text[tx.end:trig_start]):
                crossings = 0  # a premodifier ("the Sept. 11, 2001, attacks") is the noun's own
            elif _INITIAL.match(text[sent_start:tx.start]) and not COORDINATE.search(text, tx.end, trig_start) \
                    and not _RELATIVE_HEAD.search(text, max(tx.end, trig_start - 30), trig_start):
                crossings = 0  # "In early May, a man was arrested": a sentence adverbial (up to "..., and ...");
                # not of a relative clause's event ("On the same day, X, who had been kidnapped in 2021, ...")
            elif same_clause and (_MEDIUM_INITIAL.match(text, sent_start, tx.start)
                                  or _SPEAKING_ASIDE_OPEN.search(text, sent_start, tx.start)) \
                    and _ADVERBIAL_END.match(text, tx.end) and not _breaks(text, tx.end + 1, trig_start):
                crossings = 0  # "In a message to the media on Monday, a BLA spokesman said": the statement's
            elif verb:
                dist += 50  # a verb's own adjunct most often follows it ("were released on Thursday")
        else:
            dist, crossings = tx.start - trig_end, _breaks(text, trig_end, tx.start, quoted=same_clause)
            if same_clause and dating_cue("saying_adjunct_between").match(text, trig_end, tx.start):
                crossings = 0  # "has warned ..., saying in a statement on Sunday that": its own day
            if not verb and dating_cue("toll_clause_after").match(text, trig_end, tx.start):
                # "the stabbings, in which three girls were killed ... on 29 July": the noun's own
                # date, nearer than a sentence adverbial ("In the summer of 2024, ...")
                crossings, dist = 0, 0
        if same_clause and crossings:
            continue
        if tx.end <= trig_start and _in_closed_relative(text, sent_start, tx, trig_start):
            continue  # "Olivier Dubois, who had been kidnapped in Gao in April 2021, was released"
        if speech and tx.start >= trig_end and _in_reported_clause(text, trig_end, tx):
            continue
        if not verb and tx.start >= trig_end and dating_cue("toll_update_between").search(text, trig_end, tx.start):
            continue  # "the toll from the siege rose to 21 on Sunday": the count's day
        if any(trig_end <= a and b <= tx.start and noun_owns_against_reaction(text, b, tx) for a, b in nouns):
            continue  # "condemned the attack that took place on 20 October 2023": the attack's, not the condemnation's
        lo, hi = (tx.end, trig_start) if tx.end <= trig_start else (trig_end, tx.start)
        # another event word between the date and this trigger has the better claim to it
        # ("pupils abducted earlier this month have been freed")
        initial = tx.end <= trig_start and bool(_INITIAL.match(text[sent_start:tx.start]))
        claimed = not late and any(lo <= a and b <= hi and not _breaks(text, b, tx.start if tx.start >= b else b)
                                   and not (tx.end <= a and _AND.search(text, b, trig_start))
                                   # "On the same day, X, who had been kidnapped in 2021, was
                                   # released": a relative clause takes no sentence adverbial
                                   and not (initial and _RELATIVE_HEAD.search(text, max(0, a - 30), a))
                                   for a, b in others)  # "on Tuesday freed 17 people and arrested four": shared
        # "convicted over the 2016 attack", "over the July 2016 Holey Artisan Bakery attack": the
        # date premodifies another event noun (names may stand between)
        claimed = claimed or any(a >= tx.end and _NAMES_ONLY.fullmatch(text, tx.end, a) for a, b in nouns)
        if not claimed and tx.end <= trig_start and (verb or not modifies(text, tx, trig_start)):
            # a date after one event word and before this one is the first one's adjunct
            # ("pupils abducted ... earlier this month have been freed")
            claimed = any(b <= tx.start and not _breaks(text, b, tx.start) and b > sent_start for a, b in others)
        score = crossings * 1000 + dist + (5000 if late else 0) + (10000 if claimed else 0)
        a, b = (tx.end, trig_start) if tx.end <= trig_start else (trig_end, tx.start)
        far = (crossings > 0 and _subordinate_between(text, a, b) and not _INITIAL.match(text[sent_start:tx.start])
               and not _when_clause(text, tx, trig_start) and not _BEGAN.match(text, trig_end, tx.start)
               and not (tx.end <= trig_start and dating_cue("detail_clause_after_date").match(text[tx.end:trig_start]))
               and not (not verb and tx.start >= trig_end and dating_cue("toll_clause_after").match(text, trig_end, tx.start))
               and not (tx.start >= trig_end and dating_cue("while_state_between").match(text, trig_end, tx.start))
               and not (tx.start >= trig_end and dating_cue("setting_clause_between").match(text, trig_end, tx.start)))
        if far and not late:
            continue  # a date across a subordinate clause ("a year after gunmen killed 145") is not this event's
        if strict and not _own_date_of_noun(text, sent_start, trig_start, trig_end, tx, crossings):
            continue  # a noun that points back takes only a date of its own: "the 2016 attack", "the attack on 14 July"
        if best_score is None or score < best_score:
            best, best_score, best_late, best_far = tx, score, late, far
    if best is None:
        return NO_DATE
    if best.interval is None:
        return _dated(None, best.text, basis_of(best), best, best_late or best_far)
    interval, said = _joined(text, best, timexes)
    # a date from another clause ("a year after gunmen killed 145", "before the siege ended
    # on Thursday") is weaker evidence, like a report's date
    return _dated(interval, said, basis_of(best), best, best_late or best_far)


_JOINED = re.compile(r"\s*(?:and|or|-|–|to)\s*")
_RANGE_START = re.compile(r"\b(?:between|from)\s+$", re.I)


def _joined(text: str, tx, timexes: list) -> tuple[Interval, str]:
    """A date coordinated with the next one ("talks in 2021 and 2022", "in March and April")
    covers both: the first alone would say the event was over before it was."""
    nxt = next((t for t in timexes if t.start >= tx.end and t.interval is not None), None)  # in order
    prev = next((t for t in reversed(timexes) if t.end <= tx.start and t.interval is not None), None)
    if prev is not None and _RANGE_START.search(text, max(0, prev.start - 12), prev.start) \
            and _JOINED.fullmatch(text, prev.end, tx.start) and prev.interval.precision == tx.interval.precision \
            and prev.interval.end < tx.interval.start:
        # "Between 06/02/2025 and 06/08/2025, ...": the nearer end of a range stands for all of it
        return Interval(prev.interval.start, tx.interval.end, tx.interval.precision), text[prev.start:tx.end]
    if nxt is None or not _JOINED.fullmatch(text, tx.end, nxt.start) \
            or nxt.interval.precision != tx.interval.precision or nxt.interval.start <= tx.interval.end:
        return tx.interval, tx.text
    return (Interval(tx.interval.start, nxt.interval.end, tx.interval.precision),
            text[tx.start:nxt.end])


def publication(published: Interval | date | None) -> Dated:
    """The article's own publication interval, at its own precision: a statement in an article
    known to be from "November 2023" happened in November 2023, not on its first day. A bare
    date is a publication day."""
    if isinstance(published, date):
        published = Interval.day(published)
    return Dated(published, None, DateBasis.PUBLICATION) if published else NO_DATE


def is_counted(words: str) -> bool:
    """Do `words` count a date from another ("two days later", "the previous day")?"""
    return counted_offset()[0].match(words.strip()) is not None


def counted_from(words: str, reference: Interval | None) -> Interval | None:
    """The date `words` count from the story's reference time ("two days later", "the following
    evening", "three weeks later", "the previous day"), or None when they count nothing or the
    reference is too coarse for the count (a day counted from "in March" is no day)."""
    pattern, numbers, backward, slack = counted_offset()
    m = pattern.match(words.strip())
    if m is None or reference is None:
        return None
    if m.group("same") or m.group("within"):
        # "On the same day", "about an hour later": the day counted from, as loose as it is
        return reference if reference.length_days <= 31 else None
    if m.group("dayrel"):
        n, unit, back = 1, "day", m.group("dayrel").lower() == "before"
    elif m.group("rel"):
        part = m.group("part").lower()
        n, unit, back = 1, part if part in ("week", "month", "year") else "day", m.group("rel").lower() in backward
    else:
        word = m.group("n").lower()
        n, unit, back = int(word) if word.isdigit() else numbers[word], m.group("unit").lower(), m.group("dir").lower() in backward
        unit = "day" if unit == "night" else unit
    sign = -1 if back else 1
    day_known = reference.precision is Precision.DAY and reference.start == reference.end
    if unit in ("day", "week") and not day_known:
        # "In April 2025, gunmen kidnapped a boy ...; he was rescued a week later": the span
        # moved by the count, as loose as the date it counts from (a month or less)
        if reference.length_days > 31 or not m.group("n"):
            return None  # "the next morning" after "in October": no day to count from
        days = timedelta(days=sign * n * (7 if unit == "week" else 1))
        return Interval.days(reference.start + days, reference.end + days)
    if unit == "day":
        return Interval.day(reference.start + timedelta(days=sign * n))
    if unit == "week":
        if m.group("rel"):  # "the following week": the calendar week after the reference's
            return Interval.week(*(reference.start + timedelta(days=7 * sign)).isocalendar()[:2])
        centre = reference.start + timedelta(days=7 * n * sign)
        return Interval.days(centre - timedelta(days=slack), centre + timedelta(days=slack))
    if unit == "month":
        if reference.precision not in (Precision.DAY, Precision.MONTH) or reference.start.month != reference.end.month:
            return None
        y, mo = divmod(reference.start.year * 12 + reference.start.month - 1 + sign * n, 12)
        return Interval.month(y, mo + 1)
    if reference.start.year != reference.end.year:
        return None
    return Interval.year(reference.start.year + sign * n)


_MONTH_ONLY = re.compile(r"^[A-Za-z]{3,9}\.?$")


def month_after(tx, before: Interval, dct: date | None) -> Interval | None:
    """A month named alone ("in December") after a date of its sentence with a year of its own
    ("In October of that year, ..., and in December ..."): the first such month from that date
    on, not the one before publication the tagger gave it; None if nothing is to change."""
    if tx.interval.precision is not Precision.MONTH or not _MONTH_ONLY.match(tx.text.strip()) \
            or before.precision not in (Precision.DAY, Precision.MONTH) or before.start.month != before.end.month:
        return None
    month = tx.interval.start.month
    year = before.start.year + (1 if month < before.start.month else 0)
    interval = Interval.month(year, month)
    return interval if dct is None or interval.start <= dct else None


_PERIOD = re.compile(r"^P(\d+)([YMWD])$")
_FOR_BEFORE = re.compile(r"\bfor\s+(?:almost|nearly|more than|over|about)?\s*$")


def since_duration(text: str, trig_end: int, sent_end: int, timexes: list, dct: date | None) -> Dated:
    """"has been liberated for almost four years", "held for 14 months": a state that began the
    duration before publication; the date is as coarse as the duration's unit."""
    if dct is None:
        return NO_DATE
    for tx in timexes:
        m = _PERIOD.match(tx.value or "")
        if tx.type != "DURATION" or not m or not trig_end <= tx.start <= sent_end:
            continue
        if not _FOR_BEFORE.search(text, max(0, tx.start - 25), tx.start):
            continue
        n, unit = int(m.group(1)), m.group(2)
        if unit == "Y":
            interval = Interval.year(dct.year - n)
        elif unit == "M":
            y, mo = divmod(dct.year * 12 + dct.month - 1 - n, 12)
            interval = Interval.month(y, mo + 1)
        else:
            back = dct - timedelta(days=n * (7 if unit == "W" else 1))
            interval = Interval.week(*back.isocalendar()[:2]) if unit == "W" else Interval.day(back)
        return Dated(interval, tx.text, DateBasis.RELATIVE, tx)
    return NO_DATE
