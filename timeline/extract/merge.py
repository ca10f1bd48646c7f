"""One record per real event: candidates that tell of the same event become one event whose
other sentences are mentions.

Same event when: a statement by the same speaker (pronouns resolved to the last speaker); a
definite reference ("the attack", "during the arrest", "the Meeting") to an earlier event of
its kind; or an event of the same kind within two sentences that names no other date, place
or agent and is not marked as another one ("a second blast"). A headline is the summary of the
article: its events join the first later event of their kind, or are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.records import DateBasis

from .candidates import Candidate
from .dating import Dated

# Kinds that may tell of one event ("the FSB foiled a plot ... during the arrest").
_KIND = {"plot_foiled": "custody", "arrest": "custody"}
_PERSONAL = frozenset({"he", "she"})
# Events that happen at one place: two of them in different countries are two events.
_PHYSICAL = frozenset({"attack", "arrest", "plot_foiled", "kidnapping", "release", "military_operation"})
_MEETING_WORDS = ("meeting", "summit", "conference", "forum", "participants", "delegates", "session", "talks")


def kind(t: str) -> str:
    return _KIND.get(t, t)


@dataclass
class Event:
    members: list[Candidate] = field(default_factory=list)
    inherited: object | None = None  # a Dated taken from the meeting a statement was made at

    @property
    def first(self) -> Candidate:
        return self.members[0]

    @property
    def type(self) -> str:
        for c in self.members:
            if not c.sentence.headline:
                return c.type
        return self.members[0].type

    @property
    def primary(self) -> Candidate:
        """The member that carries the event: the best-dated, then the one with a place,
        then a named speaker, then the earliest; headlines only if nothing else."""
        def score(c: Candidate):
            if c.type == "statement":
                return (not c.sentence.headline, c.dated.strength,
                        c.speaker_kind not in (None, "pronoun"), -c.sentence.index)
            span = c.dated.interval.length_days if c.dated.interval else 99999
            return (not c.sentence.headline, c.dated.strength, -span, bool(c.places), -c.sentence.index)
        return max(self.members, key=score)

    @property
    def dated(self):
        if self.inherited is not None:
            return self.inherited
        best = max(self.members, key=lambda c: (c.dated.strength, -(c.dated.interval.length_days if c.dated.interval else 99999), -c.sentence.index))
        return best.dated

    @property
    def agents(self) -> set[str]:
        return {a.name for c in self.members for a in c.actors
                if a.kind in ("state", "agency", "group") and a.end <= c.trigger.start}

    @property
    def speaker(self) -> str | None:
        for c in self.members:
            if c.speaker_kind not in (None, "pronoun") and not c.sentence.headline:
                return c.speaker
        return None


def _dates_agree(a: Candidate, e: Event) -> bool:
    x, y = a.dated, e.dated
    if x.strength < 4 or y.strength < 4 or x.interval is None or y.interval is None:
        return True
    return x.interval.start <= y.interval.end and y.interval.start <= x.interval.end


def _same_event(c: Candidate, e: Event) -> bool:
    last = e.members[-1]
    last = e.members[-1]
    near = c.sentence.index - last.sentence.index <= 2
    if kind(c.type) != kind(e.type) or not (_dates_agree(c, e) or c.definite and near):
        return False  # "the attack, which began on Friday" still is the siege that ended on Sunday
    sub = c.trigger.subkind
    if sub and not c.definite and any(m.trigger.subkind and m.trigger.subkind != sub for m in e.members):
        return False  # a charge, a conviction and a sentence are distinct steps
    killed = c.toll.get("killed")
    if killed and not c.definite and c.trigger.rule.pos != "casualty" and any(m.toll.get("killed") not in (None, killed) for m in e.members):
        return False  # "12 killed in Sadr City" after "25 killed across Iraq": a part, told apart
    if c.distinct:
        return False
    mine = {a.name for a in c.actors if a.kind in ("state", "agency", "group") and a.end <= c.trigger.start}
    if mine and e.agents and not mine & e.agents:
        return False
    near = c.sentence.index - last.sentence.index <= 2
    if c.definite or near:
        if c.type not in _PHYSICAL:
            return True
        places = {p.country for p in c.places}
        theirs = {p.country for m in e.members for p in m.places}
        return not (places and theirs and not places & theirs and not c.definite)
    return False


def merge(cands: list[Candidate]) -> list[Event]:
    events: list[Event] = []
    headlines: list[Candidate] = []
    last_person: str | None = None
    last_speaker_event: Event | None = None
    by_speaker: dict[str, Event] = {}
    sourced: dict[str, Event] = {}  # a named reporter -> the last event they reported
    for c in cands:
        if c.sentence.headline:
            headlines.append(c)
            continue
        if c.type == "statement":
            if c.speaker_kind == "pronoun":
                if c.speaker in _PERSONAL and last_person:
                    c.speaker, c.speaker_kind = last_person, "person"
                elif last_speaker_event is not None and last_speaker_event.members[-1].sentence.index >= c.sentence.index - 2:
                    last_speaker_event.members.append(c)
                    continue
                else:
                    c.unnamed = True
            if c.unnamed:
                if last_speaker_event is not None and last_speaker_event.members[-1].sentence.index >= c.sentence.index - 1:
                    last_speaker_event.members.append(c)
                    continue
                ev = Event([c])
                events.append(ev)
                last_speaker_event = ev
                continue
            key = c.speaker.lower()
            ev = by_speaker.get(key)
            told = sourced.get(key)
            if ev is None and told is not None and c.speaker_alias is None \
                    and c.sentence.index - told.members[-1].sentence.index <= 2:
                told.members.append(c)  # "..., he said": the reporter goes on telling the event
                continue
            if ev is not None and _dates_agree(c, ev):
                ev.members.append(c)
            else:
                ev = Event([c])
                events.append(ev)
                by_speaker[key] = ev
            if c.speaker_kind == "person":
                last_person = c.speaker
            last_speaker_event = ev
            continue
        target = None
        for ev in reversed(events):
            if ev.type != "statement" and _same_event(c, ev):
                target = ev
                break
        if target is not None:
            target.members.append(c)
        else:
            events.append(Event([c]))
        persons = [a.name for a in c.actors if a.kind == "person"]
        if persons:
            last_person = persons[0]
        if c.source:
            sourced[c.source.lower()] = target or events[-1]
    for h in headlines:
        for ev in events:
            sub = h.trigger.subkind
            if kind(ev.type) == kind(h.type) and not (sub and any(m.trigger.subkind not in (None, sub) for m in ev.members)):
                ev.members.insert(0, h)
                break
    # a statement needs someone who made it; releasing a video or a communiqué is an act anyway
    events = [e for e in events if not (e.type == "statement" and e.speaker is None
                                        and not any(m.trigger.rule.name == "statement.media" and not m.sentence.headline
                                                    for m in e.members))]
    _statements_at_meetings(events)
    return sorted(events, key=lambda e: e.primary.sentence.index)


def _statements_at_meetings(events: list[Event]) -> None:
    """A statement with no date of its own, made at a meeting the article dates, takes the
    meeting's dates: its speaker takes part in the meeting, or its words refer to it."""
    meetings = [e for e in events if e.type == "meeting" and e.dated.strength >= 4]
    if not meetings:
        return
    for ev in events:
        if ev.type != "statement" or ev.dated.strength >= 2:
            continue
        words = " ".join(m.sentence.text.lower() for m in ev.members)
        for mt in meetings:
            people = {a.name for m in mt.members for a in m.actors}
            if ev.speaker in people or any(w in words for w in _MEETING_WORDS):
                ev.inherited = Dated(mt.dated.interval, mt.dated.text, DateBasis.INHERITED)
                break
