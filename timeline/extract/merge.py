"""One record per real event: candidates that tell of the same event become one event whose
other sentences are mentions.

Same event when: a statement by the same speaker (pronouns resolved to the last speaker); a
definite reference ("the attack", "during the arrest", "the Meeting") to an earlier event of
its kind; or an event of the same kind within two sentences that names no other date, place
or agent and is not marked as another one ("a second blast"). A headline is the summary of the
article: its events join the first later event of their kind, or are dropped.

Told again further on (each rule keeps two events apart when their towns, tolls, agents or
counts differ, or one is marked as another):
- a toll in the clause of the event word it follows ("since October, when a car bomb killed
  23") or fallen "in the fighting" in the next sentence is that event's toll;
- an attack on the same day in the same town, or with the same toll, or one a lede only
  pointed to ("Thursday's bus ambush"), is the same attack (_same_day_report);
- the article's first arrest or release, told with no day, and its later telling with a day
  in the week before the report and the same count of people (_story_told_later);
- a threat and the release it was made in ("in an audio message released on Saturday").
The best date, the union of actors and the last toll given as an update are the event's
(see records.py); every sentence stays as a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from timeline.records import DateBasis

from . import casualties
from .candidates import Candidate
from .dating import Dated, counted_from, reported_before
from .lexicon import dating_cue
from .places import named_elsewhere, told_as_region

# Kinds that may tell of one event ("the FSB foiled a plot ... during the arrest").
_KIND = {"plot_foiled": "custody", "arrest": "custody"}
_PERSONAL = frozenset({"he", "she"})
# Events that happen at one place: two of them in different countries are two events.
_PHYSICAL = frozenset({"attack", "arrest", "plot_foiled", "kidnapping", "release", "military_operation"})
_APART_DAYS = 31
_MEETING_WORDS = ("meeting", "summit", "conference", "forum", "participants", "delegates", "session", "talks")


def kind(t: str) -> str:
    return _KIND.get(t, t)


@dataclass
class Event:
    members: list[Candidate] = field(default_factory=list)
    inherited: object | None = None  # a Dated taken from the meeting a statement was made at
    told: int = 0  # how many events the article told before this one

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
        then a named speaker, then the earliest; headlines only if nothing else; a member of the
        event's own kind before the words that tell it ("..., he said"; the video a threat was made in)."""
        own = [c for c in self.members if kind(c.type) == kind(self.type)]

        def score(c: Candidate):
            if c.type == "statement":
                return (not c.sentence.headline, c.dated.strength,
                        c.speaker_kind not in (None, "pronoun"), -c.sentence.index)
            span = c.dated.interval.length_days if c.dated.interval else 99999
            # a sentence that tells the event beats one that points back to it ("Friday's attack")
            return (not c.sentence.headline, c.dated.strength, not c.definite, -span, bool(c.places), -c.sentence.index)
        return max(own or self.members, key=score)

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


# A report's day bounds what it tells from above, and news tells what happened in the days
# before: an event told with its own date more than this many days earlier is another one
# ("agreed on Wednesday, after two days of talks" is not the meeting "in November").
_REPORT_REACH = timedelta(days=7)


def _dates_agree(a: Candidate, e: Event) -> bool:
    x, y = a.dated, e.dated
    own, bound = (x, y) if x.strength >= 4 else (y, x)
    if own.strength >= 4 and bound.report_date and own.interval is not None and bound.interval is not None:
        return own.interval.end >= bound.interval.start - _REPORT_REACH
    if x.strength < 4 or y.strength < 4:
        return True
    if x.interval is None or y.interval is None:
        # each told with its own date, one of them unknown ("on Friday" in an article of
        # unknown date): nothing shows they agree
        return x.interval is None and y.interval is None
    return x.interval.start <= y.interval.end and y.interval.start <= x.interval.end


# How far apart the own dates of a definite reference and an event may lie and still be one
# event told over its course ("the siege, which began on Friday" of one that ended on Sunday).
_COURSE_DAYS = 7


def _dates_close(a: Candidate, e: Event, near: bool) -> bool:
    """"the truck attack in Berlin on 19.12.2016" after an attack of May 2024 is another attack."""
    x, y = a.dated, e.dated
    if a.type in _PHYSICAL and _unknown_beside_calendar(x, y):
        return False
    if a.type not in _PHYSICAL or x.strength < 4 or x.interval is None or y.interval is None:
        return True  # a meeting's sessions and the conference they belong to are told with many dates
    if y.strength < 4:
        # an event with a borrowed date only: the next sentence's "The attack on July 14, 2016"
        # dates it; ten sentences on, "The last major suicide attack in Borno was in January
        # 2022" is another one
        return near
    gap = max((x.interval.start - y.interval.end).days, (y.interval.start - x.interval.end).days)
    return gap <= _COURSE_DAYS


def _unknown_beside_calendar(x: Dated, y: Dated) -> bool:
    """One told with its own weekday or "last week", unresolved for an article of unknown date,
    the other with a year written out: "A bomb killed three on Tuesday" and "the 2015 attack on
    the same market" are two attacks (a writer names the year of another time, not this week's)."""
    return any(u.strength >= 4 and u.interval is None and u.text and u.basis is DateBasis.RELATIVE
               and k.basis is DateBasis.EXPLICIT and k.interval is not None for u, k in ((x, y), (y, x)))


def _years_from_story(c: Candidate, e: Event) -> bool:
    """An event told with a calendar date of its own ("in August 2014") years before or after
    the time the other event took from the story (inherited, or a report's day): another event,
    not a new mention of that one."""
    x, y = c.dated, e.dated
    if c.definite or x.basis is not DateBasis.EXPLICIT or x.strength < 4 or not 2 <= y.strength < 4 \
            or x.interval is None or y.interval is None:
        return False
    return (y.interval.start - x.interval.end).days > _YEARS_APART or (x.interval.start - y.interval.end).days > _YEARS_APART


_YEARS_APART = 366


def _no_coarser(x: Dated, y: Dated) -> bool:
    """Is date x known to be no longer a span than date y?"""
    return x.interval is not None and y.interval is not None and x.interval.length_days <= y.interval.length_days


def _told_before(a: Candidate, e: Event) -> bool:
    """One was told of on a day before the other's own date ("the minister said late on Sunday
    that police had caught the gunmen"; "the detention of 25 suspects on Monday"): a report's
    day bounds its event, so they are two."""
    x, y = a.dated, e.dated
    if x.interval is None or y.interval is None:
        return False
    return (x.report_date and y.strength >= 4 and x.interval.end < y.interval.start
            or y.report_date and x.strength >= 4 and y.interval.end < x.interval.start)


def _calendar_apart(c: Candidate, e: Event) -> bool:
    """Both dated by the calendar (a year written out), and more than a month apart, or on other
    days in other towns: a siege that began on the 21st still ended on the 24th, but not seven
    years later."""
    x, y = c.dated.interval, e.dated.interval
    if c.dated.basis is not DateBasis.EXPLICIT or e.dated.basis is not DateBasis.EXPLICIT or x is None or y is None:
        return False
    if (x.start - y.end).days > _APART_DAYS or (y.start - x.end).days > _APART_DAYS:
        return True
    # days apart and in other towns or regions: "The summit in Mogadishu, held on November 21" is
    # not "the summit in Kabul, held on November 25"; "the attack on 17 October 2023 against a
    # military base in Hiiraan region" is not the one of 20 October at a hotel in Mogadishu
    mine = {p.name for p in c.places if p.kind != "country"}
    theirs = {p.name for m in e.members for p in m.places if p.kind != "country"}
    return not _dates_agree(c, e) and bool(mine and theirs and not mine & theirs)


_LATEST = re.compile(r"\b(?:the|this|today's|[a-z]+day's)\s+(?:latest|most recent)\s+(?:[\w-]+\s+)?$", re.I)


def _toll_of_operation(c: Candidate, e: Event) -> bool:
    """A sentence that tells only a toll ("Two soldiers were wounded."), with no date of its own,
    right after a military operation is that operation's toll, not an attack of its own."""
    return c.trigger.rule.pos == "casualty" and e.type == "military_operation" and c.dated.strength < 4 \
        and c.sentence.index - e.members[-1].sentence.index == 1 and not c.places


# Between an event word and a toll of its own clause: no second subject's clause ("a bomb killed
# five in Kandahar, and gunmen killed five in Kabul"; "..., while on the same day another group
# killed 15")
_ANOTHER_CLAUSE = re.compile(r"[;:]|,\s*(?:and|but|as|while|whereas)\b|\b(?:while|whereas|meanwhile)\b", re.I)


def _toll_of_its_event(c: Candidate, e: Event) -> bool:
    """"the mass shooting at a nightclub in Orlando in 2016, in which 49 people were killed";
    "since October, when a car bomb at a busy junction killed 23 people": a toll right after an
    event word of its kind in the same sentence, reading the same count, is that event's toll,
    not an event of its own (told apart from the sentence's first event, it was marked so)."""
    last = e.members[-1]
    return c.trigger.rule.pos == "casualty" and last.sentence is c.sentence and last.trigger.end <= c.trigger.start \
        and kind(last.type) == kind(c.type) and bool(c.toll) and c.toll == last.toll \
        and not _ANOTHER_CLAUSE.search(c.sentence.text, last.trigger.end, c.trigger.start)


def _toll_in_told_event(c: Candidate, e: Event) -> bool:
    """"Late on Monday, fighters attacked the police station in Suarez ... Two police officers
    were killed in the fighting and a third died of his injuries on Tuesday": a toll in the next
    sentence, fallen "in the fighting" (the attack told), with no place of its own, is that
    attack's, though a death came days later."""
    x, y = c.dated.interval, e.dated.interval
    return c.trigger.rule.pos == "casualty" and kind(c.type) == kind(e.type) and not c.places \
        and c.sentence.index - e.members[-1].sentence.index == 1 \
        and casualties.in_told_event(c.sentence.text, c.trigger.end) \
        and (x is None or y is not None and 0 <= (x.start - y.end).days <= _COURSE_DAYS)


def _same_event(c: Candidate, e: Event) -> bool:
    last = e.members[-1]
    if _toll_of_its_event(c, e) or _toll_in_told_event(c, e):
        return True
    near = c.sentence.index - last.sentence.index <= 2
    if not (c.definite or near):
        return False  # what follows can only join a definite or a near candidate: say so first,
        # or merge compares every candidate with every earlier event (minutes on a long text)
    if _toll_of_operation(c, e):
        return True  # "... were killed in a firefight on Thursday. Two soldiers were wounded."
    if kind(c.type) != kind(e.type) or not (_dates_agree(c, e) or c.definite and near and not _calendar_apart(c, e)):
        return False  # "the attack, which began on Friday" still is the siege that ended on Sunday,
        # but "the bombings at Zaventem airport on 22 March 2016" are not the shooting of October 2023
    if _told_before(c, e) or c.definite and not _dates_close(c, e, near):
        return False  # "the truck attack in Berlin on 19.12.2016" after the Mannheim stabbing of 2024
    if _years_from_story(c, e):
        return False  # "Gwoza ... was captured by Boko Haram in August 2014", told after Saturday's bombings
    if not near and c.type in _PHYSICAL and c.dated.basis is DateBasis.EXPLICIT and c.dated.strength >= 4 \
            and e.dated.strength == 0:
        return False  # "the attack on a police compound in Daraban on December 12, 2023", paragraphs
        # after an undated bombing in Quetta: a reference back would not bring a calendar date
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
        places = {p.country for p in c.places if not named_elsewhere(c.sentence.text, p)}
        theirs = {p.country for m in e.members for p in m.places if not named_elsewhere(m.sentence.text, p)}
        if c.definite:
            return True
        # two cities named and none shared: "five killed in Kandahar ... In Kabul, three killed"
        cities = {p.name for p in c.places if p.kind == "city" and not named_elsewhere(c.sentence.text, p)}
        their_cities = {p.name for m in e.members for p in m.places if p.kind == "city" and not named_elsewhere(m.sentence.text, p)}
        if cities and their_cities and not cities & their_cities:
            return False
        return not (places and theirs and not places & theirs)
    return False


def _located(c: Candidate) -> set[str]:
    """The towns and regions the candidate's sentence places it in (not named as elsewhere)."""
    return {p.name for p in c.places if p.kind != "country" and not named_elsewhere(c.sentence.text, p)}


def _same_day_report(c: Candidate, e: Event) -> bool:
    """"Gunmen attacked three police stations in Mocímboa da Praia on 5 October 2017" in the lead
    and "5 October 2017 - Gunmen attack police stations in Mocímboa da Praia" in the chronology
    below: far apart in the text, but an attack on the same day in the same town, or with the
    same toll, is the same attack told again. Two attacks on one day are two when their towns
    differ, their tolls differ ("a bomb killed 10 in Lagos" and "37 killed when a grenade
    exploded in Lagos"), or one is told as another ("a second blast"). Arrests, abductions and
    releases of one day in one town are often of other people: they are not joined so."""
    x, y = c.dated, e.dated
    if c.type != "attack" or e.type != "attack" or c.distinct or x.strength < 4 or y.strength < 4 \
            or x.interval is None or x.interval != y.interval or x.interval.length_days != 1:
        return False
    mine = {a.name for a in c.actors if a.kind in ("state", "agency", "group") and a.end <= c.trigger.start}
    if mine and e.agents and not mine & e.agents:
        return False
    killed, theirs_killed = c.toll.get("killed"), {m.toll["killed"] for m in e.members if m.toll.get("killed")}
    if killed and theirs_killed and killed not in theirs_killed:
        return False
    if _located(c) & set().union(*(_located(m) for m in e.members)):
        return True
    # two towns, or two regions, and none shared: two places; but "20 soldiers were killed ... in
    # the Tillaberi region" and "... near the village of Tiloa" may well be one (a region, a village)
    mine, theirs = _towns_and_regions(c), [_towns_and_regions(m) for m in e.members]
    apart = any(mine[k] and any(t[k] for t in theirs) and not mine[k] & set().union(*(t[k] for t in theirs)) for k in (0, 1))
    # "Thursday's bus ambush near Milihoi has revived old fears" in the lede, only pointing to an
    # attack, and "Eight people died after militants opened fire on a bus on Thursday" telling it
    pointed = all(m.definite for m in e.members if not m.sentence.headline)
    return (bool(killed) and killed in theirs_killed or pointed) and not apart


def _towns_and_regions(c: Candidate) -> tuple[set[str], set[str]]:
    towns, regions = set(), set()
    for p in c.places:
        if p.kind != "country" and not named_elsewhere(c.sentence.text, p):
            (towns if p.kind in ("city", "locality") and not told_as_region(c.sentence.text, p) else regions).add(p.name)
    return towns, regions


# Arrests and releases that a lead tells without a day of its own ("police have arrested a
# man", "nine of the victims have been rescued") and the article then tells with one.
_STORY_KINDS = frozenset({"arrest", "release"})


def _story_told_later(c: Candidate, e: Event, first: bool) -> bool:
    """"The Spokane Police Department has arrested a man suspected of threats to a synagogue"
    in the lead, dated by the report only, and paragraphs on "On 06/11/2025, at about 10:45 p.m.,
    the SWAT team took Colvin into custody": the article's first arrest (or release), with no day
    of its own, told again with its day, within the week before the report. A second arrest
    ("a second man", "another suspect") or one of an earlier week is another; so is one in another
    town, or by other agents."""
    x, y = c.dated, e.dated
    if not first or c.type not in _STORY_KINDS or c.type != e.type or c.distinct or x.strength < 4 \
            or x.interval is None or y.strength > 2:
        return False
    if y.interval is None:
        if x.basis is not DateBasis.RELATIVE:
            return False  # "on Tuesday" is this week's; "on 5 May 2019" may be any year's
    elif not (y.interval.start - _REPORT_REACH <= x.interval.start and x.interval.end <= y.interval.end):
        return False
    sub = c.trigger.subkind
    if sub and any(m.trigger.subkind not in (None, sub) for m in e.members):
        return False
    mine = {a.name for a in c.actors if a.kind in ("state", "agency", "group") and a.end <= c.trigger.start}
    if mine and e.agents and not mine & e.agents:
        return False
    if not casualties.people_counts(c.sentence.text) & {n for m in e.members for n in casualties.people_counts(m.sentence.text)}:
        return False  # "three suspected accomplices" and "three men": the same count of people, else two
    their_persons = {a.name for m in e.members for a in m.actors if a.kind == "person"}
    if their_persons and not their_persons & {a.name for a in c.actors if a.kind == "person"}:
        return False  # "Officers arrested Anna K. at the airport" is not the arrest of 33 suspects
    here = [p for p in c.places if not named_elsewhere(c.sentence.text, p)]
    there = [p for m in e.members for p in m.places if not named_elsewhere(m.sentence.text, p)]
    return not any(mine and theirs and not mine & theirs for mine, theirs in (
        ({p.name for p in here if p.kind in ("city", "locality")}, {p.name for p in there if p.kind in ("city", "locality")}),
        ({p.country for p in here}, {p.country for p in there})))


def merge(cands: list[Candidate]) -> list[Event]:
    """The article's events, in order, each with the candidates that tell of it."""
    m = _Merger()
    for c in cands:
        if c.sentence.headline:
            m.headlines.append(c)
        elif c.type == "statement":
            m.statement(c)
        else:
            m.occurrence(c)
    m.attach_headlines()
    # a statement needs someone who made it; releasing a video or a communiqué is an act anyway
    events = [e for e in m.events if not (e.type == "statement" and e.speaker is None and not any(
        x.trigger.rule.name.startswith("statement.media") and not x.sentence.headline for x in e.members))]
    events = [e for e in events if e.type != "statement" or _without_commentary(e)]
    events = _threats_released(events)
    _statements_at_meetings(events)
    _counted_back(events)
    return sorted(events, key=lambda e: e.primary.sentence.index)


def _threats_released(events: list[Event]) -> list[Event]:
    """"Al-Shabaab has threatened to attack Kenyan cities ..., in an audio message released on
    Saturday"; "In a video released in February, a JNIM commander warned that the group would
    strike": the release in the threat's sentence is how the threat was made, one event (the
    threat, dated by the release if the threat has no date). Another speaker's words in that
    sentence ("He warned that JNIM had threatened ...") stay a statement of their own."""
    threats = [e for e in events if e.type == "threat"]
    if not threats:
        return events
    kept = []
    for ev in events:
        released = {id(m.sentence) for m in ev.members if ev.type == "statement" and m.trigger.rule.name.startswith("statement.media")}
        threat = next((t for t in threats if released and any(id(m.sentence) in released for m in t.members)
                       and not (ev.agents and t.agents and not ev.agents & t.agents)), None)
        if threat is None:
            kept.append(ev)
        else:
            threat.members.extend(ev.members)
    return kept


def _counted_back(events: list[Event]) -> None:
    """"The attack came a week after jihadists killed 15 people": an event counted back from the
    event of the word before the count, in its sentence, takes that event's date less the count
    (see Candidate.count_back), rather than the reference time's or none."""
    owner = {id(c): ev for ev in events for c in ev.members}
    for ev in events:
        for c in ev.members:
            if c.count_back is None or ev.dated.interval is not None and ev.dated is not c.dated:
                continue  # dated otherwise than by the count from the reference time
            words, at = c.count_back
            before = [m for e in events for m in e.members
                      if m.sentence is c.sentence and m is not c and m.trigger.end <= at]
            anchor = owner[id(max(before, key=lambda m: m.trigger.end))].dated if before else None
            interval = counted_from(words + " before", anchor.interval) if anchor is not None and anchor.interval else None
            if interval is not None:
                ev.inherited = Dated(interval, c.dated.text or words + " after", DateBasis.RELATIVE)
                break


class _Merger:
    """Reads candidates in text order and keeps what joining them needs: the last person
    named, the last speaker's statement, each speaker's statement, each reporter's event."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.headlines: list[Candidate] = []
        self.last_person: str | None = None
        self.last_speaker_event: Event | None = None
        self.by_speaker: dict[str, Event] = {}
        self.sourced: dict[str, Event] = {}  # a named reporter -> the last event they reported

    def _recent_speaker(self, c: Candidate, within: int) -> Event | None:
        ev = self.last_speaker_event
        return ev if ev is not None and ev.members[-1].sentence.index >= c.sentence.index - within else None

    def statement(self, c: Candidate) -> None:
        if c.speaker_kind == "pronoun" and c.commentary:
            self._new([c])  # "X, a teacher who fled ... '...,' he said": a voice of the story,
            return  # which joins no one's statement (see candidates.SentenceReader._voice)
        if c.speaker_kind == "pronoun":
            if c.speaker in _PERSONAL and self.last_person:
                c.speaker, c.speaker_kind = self.last_person, "person"
                told = self.by_speaker.get(c.speaker.lower())
                c.commentary = c.commentary or bool(told and told.first.commentary)  # "..., he added"
            elif (ev := self._recent_speaker(c, 2)) is not None and not ev.first.commentary and not c.commentary:
                ev.members.append(c)  # "they added": the group that spoke last
                return
            else:
                c.unnamed = True
        if c.unnamed:
            ev = self._recent_speaker(c, 1)
            if ev is not None and not ev.first.commentary and not c.commentary:
                # (not the voices of the story: "Witnesses said" after "Hamas denied the claim")
                ev.members.append(c)  # "the recording claimed": the statement just told
                return
            self.last_speaker_event = self._new([c])
            return
        key = c.speaker.lower()
        ev = self.by_speaker.get(key)
        told = self.sourced.get(key)
        if ev is None and told is not None and c.speaker_alias is None \
                and c.sentence.index - told.members[-1].sentence.index <= 2:
            told.members.append(c)  # "..., he said": the reporter goes on telling the event
            return
        if ev is not None and _dates_agree(c, ev):
            ev.members.append(c)
        else:
            ev = self.by_speaker[key] = self._new([c])
        if c.speaker_kind == "person":
            self.last_person = c.speaker
        self.last_speaker_event = ev

    def occurrence(self, c: Candidate) -> None:
        # Too far back to join unless definite (see _same_event): checked first, as it is cheap,
        # or each candidate is compared with every earlier event (minutes on a long text).
        target = None
        if c.definite and c.dated.interval is None and _LATEST.search(c.sentence.text, 0, c.trigger.start):
            # "The latest assault comes as ...": the story's own event, the first of its kind
            # told, not the background one told last ("the deadliest attack was in 2021")
            target = next((ev for ev in self.events if kind(ev.type) == kind(c.type)), None)
        target = target or next((ev for ev in reversed(self.events)
                                 if (c.definite or ev.members[-1].sentence.index >= c.sentence.index - 2)
                                 and ev.type != "statement" and _same_event(c, ev)), None)
        if target is None and c.dated.strength >= 4:
            # told again further on, with the same day: compared with every earlier event, but only
            # for a candidate with a day of its own
            target = next((ev for ev in reversed(self.events) if ev.type != "statement" and _same_day_report(c, ev)), None)
            if target is None:
                first = next((ev for ev in self.events if ev.type == c.type), None)
                target = first if first is not None and _story_told_later(c, first, True) else None
            if target is not None:
                # told here again, it is the event "the bombing" of the next sentences points back to
                self.events.remove(target)
                self.events.append(target)
        if target is not None:
            target.members.append(c)
        else:
            target = self._new([c])
        persons = [a.name for a in c.actors if a.kind == "person"]
        if persons:
            self.last_person = persons[0]
        if c.source:
            self.sourced[c.source.lower()] = target

    def attach_headlines(self) -> None:
        """A headline sums up the article: it joins the first later event of its kind; one with
        a date of its own, the first that is undated or whose date agrees and is no coarser
        ("Tuesday morning's attack", a section's heading, is not the attack of last month told
        first, and a day does not narrow "earlier this month")."""
        for h in self.headlines:
            sub = h.trigger.subkind
            for ev in sorted(self.events, key=lambda ev: ev.told):  # as first told, though told again since
                if kind(ev.type) == kind(h.type) and not (sub and any(x.trigger.subkind not in (None, sub) for x in ev.members)) \
                        and (h.dated.strength < 4 or ev.dated.interval is None
                             or _dates_agree(h, ev) and _no_coarser(ev.dated, h.dated)):
                    ev.members.insert(0, h)
                    break

    def _new(self, members: list[Candidate]) -> Event:
        ev = Event(members, told=len(self.events))
        self.events.append(ev)
        return ev


def _without_commentary(ev: Event) -> bool:
    """Drops the words of someone who comments on the events (an analyst, a resident: see
    candidates._commentary) from a statement; what they date is kept ("He warned that JNIM had
    threatened in a video released in December"). Is anything but a headline left?"""
    commentator = any(c.commentary for c in ev.members)  # once described as one, always one:
    # "said Dr X, who studies extremism ... 'It was planned,' Vogt said."
    # (but the day they spoke dates nothing they told: "Traders said on Tuesday that ...")
    ev.members = [c for c in ev.members if not (commentator and (c.dated.timex is None or _spoken_on(c)))]
    return any(not c.sentence.headline for c in ev.members)


def _spoken_on(c: Candidate) -> bool:
    """Is the statement's date the day its words were spoken ("said on Tuesday")?"""
    at = c.dated.timex.start - c.sentence.start
    return 0 <= at - c.trigger.end <= 20 and reported_before(c.sentence.text[c.trigger.start:at])


def _addressed_at(ev: Event, mt: Event) -> bool:
    """"Earlier, on 18 January, the army chief visited Peshawar, where he was briefed ...
    Addressing officers and troops, the COAS said ...": a statement that opens with the act of
    speaking, in the sentence right after the meeting's, in its paragraph."""
    told = {(m.sentence.paragraph, m.sentence.index) for m in mt.members}
    opening = dating_cue("occasion_opening")
    return any((m.sentence.paragraph, m.sentence.index - 1) in told and opening.match(m.sentence.text)
               for m in ev.members)


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
            if min(m.sentence.index for m in mt.members) > max(m.sentence.index for m in ev.members):
                continue  # the meeting is told after the statement: nothing says it was made there
            people = {a.name for m in mt.members for a in m.actors if a.kind == "person"}
            if ev.speaker in people or any(w in words for w in _MEETING_WORDS) or _addressed_at(ev, mt):
                ev.inherited = Dated(mt.dated.interval, mt.dated.text, DateBasis.INHERITED)
                break
