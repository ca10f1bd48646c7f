"""From a merged event to the EventRecord the store keeps: roles, place, toll, confidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.fold import CaseBlind
from timeline.intervals import Interval
from timeline.records import ActorRef, DateBasis, EventRecord, Mention

from . import casualties
from .dating import publication
from .candidates import speech_act_object
from .merge import Event
from .places import is_origin, named_elsewhere

_BY_BEFORE = re.compile(r"\bby\s+(?:[\w-]+\s+){0,5}$", re.I)  # "by gunmen believed to belong to an al-Qaeda affiliate"
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:\w+(?:ed|en)|shot|held|hit|taken|struck|seized)\b")
# "according to a statement from US Central Command", "according to the UK Maritime Trade
# Operations": who tells of the event, after it, is no target of it
_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?"
                               r"(?:(?:from|by|of)\s+(?:the\s+)?)?$", re.I)
_ROLE_AFTER = {"attack": "target", "kidnapping": "target", "arrest": "target", "plot_foiled": "target",
               "sentencing": "target", "release": "target", "military_operation": "target"}
_DATE_EVIDENCE = {DateBasis.EXPLICIT: 0.15, DateBasis.RELATIVE: 0.12, DateBasis.INHERITED: 0.05,
                  DateBasis.PUBLICATION: 0.03, DateBasis.NONE: -0.1}
MIN_CONFIDENCE = 0.3


# A relative clause of place or time opens a clause with a subject of its own: who stands
# before it did the main clause's deed, not the one told in it.
_OTHER_CLAUSE = re.compile(r",\s+(?:where|when|whereas|while)\b")


def _actors(ev: _Settled) -> list[ActorRef]:
    out: dict[tuple[str, str], ActorRef] = {}
    p = ev.primary
    # a sentence that only points back ("the Taliban condemned the attack") adds no actors to it
    for c in [p] + [m for m in ev.members if m is not p and (not m.definite or m.claimant)]:
        for a in c.actors:
            if c.definite and c is not p and a.name != c.claimant:
                continue  # of a sentence that points back, only the claimant counts
            if ev.type != "statement" and a.end <= c.trigger.start and a.name != c.claimant \
                    and _OTHER_CLAUSE.search(c.sentence.text, a.end, c.trigger.start):
                continue  # "Macron laid wreaths outside the offices, where gunmen opened fire"
            if a.name == c.claimant:
                role = "agent"  # "X admitted carrying out the attack"
            elif ev.type == "statement":
                role = "speaker" if a.name == ev.speaker else "participant"
            elif a.name == c.source or a.start >= c.trigger.end \
                    and _ACCORDING_BEFORE.search(c.sentence.text, max(0, a.start - 60), a.start):
                role = "speaker"  # who told of the event, not who did it
            elif ev.type == "meeting":
                role = "participant"
            elif a.end <= c.trigger.start and _PASSIVE.search(c.sentence.text, max(0, c.trigger.start - 12), c.trigger.end):
                role = _ROLE_AFTER.get(ev.type, "participant")  # "Inspector Caldwell was shot": the target
            elif a.end <= c.trigger.start or _BY_BEFORE.search(c.sentence.text[c.trigger.end:a.start]):
                role = "agent"
            else:
                role = _ROLE_AFTER.get(ev.type, "participant")
            key = (a.name, role)
            if key not in out and (a.name, "speaker") not in out and (a.name, "agent") not in out:
                out[key] = ActorRef(a.name, a.kind, role, a.alias if a.alias != a.name else None)
    if ev.type == "statement" and ev.speaker and not any(r.role == "speaker" for r in out.values()):
        c = next(m for m in ev.members if m.speaker == ev.speaker)
        alias = c.speaker_alias if c.speaker_alias != ev.speaker else None
        out[(ev.speaker, "speaker")] = ActorRef(ev.speaker, c.speaker_kind or "agency", "speaker", alias)
    return list(out.values())


# ("Ahmed Yusuf, 34, from Luton, was convicted": a "from" set off by a comma says where a
# person is from, not where the event was)
_LOCATIVE_BEFORE = CaseBlind(r"(?:\b(?:in|at|near|outside|inside|on|across|into)|(?<!, )(?<!,)\bfrom)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:of\s+)?$|[’']s\s+$"
                             r"|\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$"
                             # "in the capital, Bamako", "near the northern town, Dikwa"
                             r"|\b(?:in|at|near|outside)\s+the\s+(?:[\w-]+\s+)?(?:capital|city|town|village|port|province|region|district),\s+$")
# "a train carrying 400 passengers from Quetta to Peshawar": the ends of a route, not where it happened
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_TO_AFTER = re.compile(r"\s+to\s+[A-Z]")
_ROUTE_END_BEFORE = re.compile(r"\bfrom\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+to\s+$")

_STATE_AS_SUBJECT = re.compile(r"^[\s,]*(?:(?:and|or)\s+[A-Z][\w ]*?\s+)?(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?$")


# A sentence that names the event as the object of a speech act or a claim ("IS claimed the
# attack ..., saying it took revenge for Muslims in Palestine") tells where it happened only in
# the noun's complement ("condemned the attack on a church in Kano"): so many characters on.
_COMPLEMENT = 40


def _place(ev: _Settled):
    """Where: a place named after a locative word ("in Kabul") in the primary sentence, then in
    the other sentences; a city or region before a country. A statement has a place only so."""
    p = ev.primary
    # (not the words of a statement told with it: "released a video ... in Cotonou")
    ordered = [p] + [m for m in ev.members if m is not p and not m.sentence.headline and (m.type != "statement" or ev.type == "statement")]
    if ev.type == "statement":
        ordered = [p]  # a speech's content names places it is about, not where it was made
    for c in ordered:
        located = [pl for pl in c.places if _LOCATIVE_BEFORE.found_in(c.sentence.text[max(0, pl.start - 45):pl.start])
                   and not named_elsewhere(c.sentence.text, pl) and not is_origin(c.sentence.text, pl.start)
                   and not (_FROM_BEFORE.search(c.sentence.text, max(0, pl.start - 6), pl.start)
                            and _TO_AFTER.match(c.sentence.text, pl.end))
                   and not _ROUTE_END_BEFORE.search(c.sentence.text, max(0, pl.start - 40), pl.start)
                   and (ev.type != "statement" or pl.kind != "country")
                   and not (c is not p and c.definite and not 0 <= pl.start - c.trigger.end <= _COMPLEMENT
                            and speech_act_object(c.sentence.text, c.trigger.start, claims=True))]
        ranked = sorted(located, key=lambda pl: (pl.kind == "country", abs(pl.start - c.trigger.start)))
        if ranked:
            return ranked[0]
    if ev.type in ("arrest", "sentencing", "plot_foiled"):
        # "Germany arrested seven men": a state acts on its own ground (if only one acts)
        states = {pl.country: pl for pl in p.places if pl.kind == "country" and pl.end <= p.trigger.start}
        if len(states) == 1:
            return next(iter(states.values()))
    return None


def _state_actors(ev: _Settled) -> list[ActorRef]:
    """Countries named as the subject of an event ("Italy and Turkey arrested ...") act as states."""
    out = []
    for c in ev.members:
        if c.definite and c is not ev.primary:
            continue  # "The US has carried out strikes in response to the attacks": not the attackers
        for pl in c.places:
            if pl.kind == "country" and pl.end <= c.trigger.start and not _LOCATIVE_BEFORE.found_in(c.sentence.text[max(0, pl.start - 45):pl.start]) \
                    and _STATE_AS_SUBJECT.match(c.sentence.text[pl.end:c.trigger.start]):
                role = {"statement": "speaker", "meeting": "participant"}.get(ev.type, "agent")
                out.append(ActorRef(pl.name, "state", role))
    return out


def _toll(ev: _Settled) -> tuple[int | None, int | None]:
    """Each count from the first body sentence that states one (the lead gives the victims; a
    later "15 assailants were killed" is not the event's toll), else the headline's: "killing six
    people. Eleven others were injured" is six killed and eleven injured, but after "injuring dozens
    more", "Two officers were wounded" counts some of them only."""
    ordered = sorted(ev.members, key=lambda c: (c.sentence.headline, c.sentence.index))
    first = next((c for c in ordered if c.toll), None)
    if first is None:
        return None, None
    killed, injured = first.toll.get("killed"), first.toll.get("injured")
    # "By evening, the death toll rose to 26": the last count the article gives as an update
    updates = [n for c in ordered if not c.sentence.headline and c.sentence.index > first.sentence.index
               and (n := casualties.updated_toll(c.sentence.text)) is not None]
    if killed is not None and updates:
        killed = updates[-1]
    if injured is None and not casualties.uncounted_injured(first.sentence.text):
        injured = next((c.toll["injured"] for c in ordered if "injured" in c.toll and "killed" not in c.toll
                        and c.sentence.headline == first.sentence.headline), None)
    return killed, injured


def _confidence(ev: _Settled, basis: DateBasis, actors: list, place) -> float:
    p = ev.primary
    score = max(c.strength for c in ev.members) - 0.1
    score += _DATE_EVIDENCE[basis]
    score += 0.05 if actors else -0.05
    score += 0.05 if place else 0.0
    score += 0.05 if len(ev.members) > 1 else 0.0
    if ev.type == "statement" and ev.primary.unnamed:
        score -= 0.15
    if p.sentence.headline:
        score -= 0.1
    if any(c.cues for c in ev.members if c.type == "plot_foiled"):
        score -= 0.1  # a plot inferred from "were preparing an attack", not told as foiled
    return round(max(0.0, min(1.0, score)), 2)


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _news_of_the_day(p) -> bool:
    """An undated statement takes the publication date only when it is told as news of the
    day: a reporting verb ("said", "told"), or an act of publishing in the present perfect
    ("have released a video"). A past act ("released an audio file") or a past perfect ("had
    warned") may be from any time before; "according to" names a source, not an act."""
    from .lexicon import dating_cue

    before = p.sentence.text[max(0, p.trigger.start - 40):p.trigger.start]
    if dating_cue("anaphoric_offset").search(_QUOTED.sub("", p.sentence.text)):
        return False  # "claimed it two days later": a day counted from the story, not today
        # (words inside a quotation are what was said, not when: '"Ten years on," she said')
    if p.trigger.rule.reporting:
        return (p.trigger.text.lower() != "according to"
                and not dating_cue("reporting_before_statement").search(before))
    return bool(dating_cue("present_perfect_before_statement").search(before))


@dataclass(frozen=True)
class _Settled:
    """A merged event with what its properties derive read once: building a record asks for
    the primary member, the type and the date many times over."""

    members: list
    primary: object
    type: str
    dated: object
    speaker: str | None

    @classmethod
    def of(cls, ev: Event) -> _Settled:
        return cls(ev.members, ev.primary, ev.type, ev.dated, ev.speaker)


def build(ev: Event, text: str, published: Interval | None) -> EventRecord | None:
    ev = _Settled.of(ev)
    p = ev.primary
    dated = ev.dated
    if dated.interval is None and ev.type == "statement" and _news_of_the_day(p):
        dated = publication(published)
    basis = dated.basis if dated.interval is not None else DateBasis.NONE  # "on Friday", unknown
    actors = _actors(ev)
    actors += [a for a in _state_actors(ev) if a.name not in {x.name for x in actors}]
    place = _place(ev)
    killed, injured = _toll(ev)
    conf = _confidence(ev, basis, actors, place)
    if conf < MIN_CONFIDENCE:
        return None
    s = p.sentence
    return EventRecord(
        type=ev.type, sentence=text[s.start:s.end], sentence_start=s.start, sentence_end=s.end,
        trigger=p.trigger.text, date=dated.interval, date_text=dated.text, date_basis=basis,
        location=place.name if place else None, country=place.country if place else None,
        killed=killed, injured=injured, confidence=conf, actors=actors,
        mentions=[Mention(text[m.sentence.start:m.sentence.end], m.sentence.start, m.sentence.end)
                  for m in ev.members if m is not p and m.sentence is not s],
    )
