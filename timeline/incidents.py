"""Incidents: one real-world event told by several articles, each telling an `Event` (a report).

At ingest every new event is compared with the reports already stored that could be the same
incident, found by indexed queries (same type, dates within a window), never a scan of every
event. Two reports are joined when their dates overlap, nothing keeps them apart (different
places, countries or agents) and they share a place, an actor or a proper name and enough wording
(rules and word lists in data/incidents.json). A new report that joins several incidents joins
them all (single linkage), so the incidents found do not depend on the order of ingest.

Every join is explained in `events.merge_reason`; an analyst undoes it with `split` and joins by
hand with `merge`. Both lock the events they touch (`merge_locked`): automatic merging never
moves a locked event, and never fuses an incident holding one with another.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cached_property, lru_cache
from importlib import resources

from sqlalchemy import (Connection, Date, DateTime, Integer, and_, bindparam, delete, func, insert,
                        literal, null, or_, select, text, union_all, update)

from timeline.errors import NotFound
from timeline.tables import (ACTORS, ARTICLES, EVENT_ACTORS, EVENT_EDITS, EVENT_MENTIONS, EVENTS,
                             INCIDENTS)
from timeline.store import on_sqlite

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_NAME = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")


@dataclass(frozen=True)
class Rules:
    slack_days: int
    max_span_days: int
    min_wording: float
    min_wording_apart: float  # when the dates only come within the slack of each other
    need_shared_actor: frozenset[str]
    stopwords: frozenset[str]
    not_names: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = json.loads(resources.files("timeline").joinpath("data/incidents.json").read_text())
    return Rules(data["slack_days"], data["max_span_days"], data["min_wording"],
                 data["min_wording_apart"],
                 frozenset(data["need_shared_actor"]), frozenset(data["stopwords"]),
                 frozenset(data["not_names"]))


@dataclass
class Report:
    """An event as merging sees it: its type, dates, place, actors and words."""

    id: int
    article_id: int
    incident_id: int | None
    type: str
    start: date | None
    end: date | None
    location: str | None
    country: str | None
    text: str  # the event's sentence and its further mentions
    locked: bool
    actors: frozenset[str] = field(default_factory=frozenset)
    agents: frozenset[str] = field(default_factory=frozenset)  # who did it (role agent)

    @cached_property
    def words(self) -> frozenset[str]:
        stop = rules().stopwords
        return frozenset([_stem(w) for w in map(str.lower, _WORD.findall(self.text))
                          if len(w) > 2 and w not in stop])

    @cached_property
    def names(self) -> frozenset[str]:
        """Proper names: runs of capitalised words, not counting a sentence's first word."""
        found = set()
        for m in _NAME.finditer(self.text):
            words = m.group().split()
            opens_sentence = m.start() == 0 or self.text[:m.start()].rstrip().endswith(
                (".", "!", "?", "\n"))
            if opens_sentence:
                words = words[1:]
            while words and words[0].lower() in rules().not_names:
                words = words[1:]
            if words:
                found.add(" ".join(words))
        return frozenset(found)

    @cached_property
    def datable(self) -> bool:
        return (self.start is not None and self.end is not None
                and (self.end - self.start).days < rules().max_span_days)


@lru_cache(maxsize=65536)  # a report's words are stemmed each time one is compared
def _stem(word: str) -> str:
    # A light suffix cut so that "attacked", "attacks" and "attack" count as one word.
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Match:
    """Why a new report is the same incident as an older one: the evidence, in words."""

    other: Report
    overlap: str
    place: str | None
    actors: tuple[str, ...]
    names: tuple[str, ...]
    wording: float

    def reason(self, counterpart: int | None = None) -> str:
        """Why the reports are one; `counterpart` names the other side when it is not `other`."""
        with_id = self.other.id if counterpart is None else counterpart
        parts = [f"with event {with_id}", f"same type {self.other.type}", self.overlap]
        if self.place:
            parts.append(f"same place {self.place}")
        if self.actors:
            parts.append("actors " + ", ".join(self.actors))
        if self.names:
            parts.append("names " + ", ".join(self.names))
        parts.append(f"wording {self.wording:.2f}")
        return "; ".join(parts)


def compare(new: Report, old: Report) -> Match | None:
    """The evidence that two reports tell one incident, or None when they do not."""
    r = rules()
    if not (new.datable and old.datable) or new.type != old.type:
        return None
    if new.country and old.country and new.country != old.country:
        return None
    if new.agents and old.agents and not new.agents & old.agents:
        return None  # Italy's arrests and Germany's, of the same group in the same month
    overlap = _overlap(new, old, r.slack_days)
    if overlap is None:
        return None
    place = _same_place(new, old)
    if place is False:
        return None
    actors = tuple(sorted(new.actors & old.actors))
    if new.type in r.need_shared_actor and not actors:
        return None
    names = tuple(sorted(n for n in new.names & old.names if n != place))
    wording = _dice(new.words, old.words)
    needed = r.min_wording_apart if overlap.endswith("apart") else r.min_wording
    if not (place or actors or names) or wording < needed:
        return None
    return Match(old, overlap, place or None, actors, names, round(wording, 2))


def _overlap(a: Report, b: Report, slack: int) -> str | None:
    if None in (a.start, a.end, b.start, b.end):
        return None
    start, end = max(a.start, b.start), min(a.end, b.end)
    if start <= end:
        shown = start.isoformat() if start == end else f"{start}..{end}"
        return f"dates overlap {shown}"
    gap = (start - end).days
    if gap <= slack:
        return f"dates {min(a.end, b.end)} and {max(a.start, b.start)} {gap} day apart"
    return None


def _same_place(a: Report, b: Report) -> str | bool | None:
    """The shared place; False when both places are known and differ; None when unknown."""
    if not (a.location and b.location):
        return None
    if a.location.casefold() == b.location.casefold():
        return a.location
    # "Krasnogorsk, near Moscow": one outlet's place named in the other's report is the same.
    for place, other in ((a.location, b), (b.location, a)):
        if re.search(rf"\b{re.escape(place)}\b", other.text, re.I):
            return place
    return False


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


# -- storage ------------------------------------------------------------------------------------

class _Statements:
    """The placing statements, built once: building an expression costs more than running it
    (SQLAlchemy caches the compiled SQL, not the Python objects that describe it)."""

    def __init__(self) -> None:
        events = EVENTS
        self.report = select(events.c.id, events.c.article_id, events.c.incident_id,
                             events.c.type, events.c.date_start, events.c.date_end,
                             events.c.location, events.c.country, events.c.sentence,
                             events.c.merge_locked)
        self.by_id = self.report.where(
            events.c.id.in_(bindparam("ids", expanding=True))).order_by(events.c.id)
        self.details = self._details(bindparam("ids", expanding=True))
        self._details_sized: dict[int, object] = {}
        self.placed = (update(events).where(events.c.id == bindparam("event"))
                       .values(incident_id=bindparam("incident"), merge_reason=bindparam("why")))
        self.by_article = (select(events.c.id).where(events.c.article_id == bindparam("a"))
                           .order_by(events.c.id))
        self._candidates: dict[int, object] = {}
        counting = select(literal(1, Integer).label("i")).cte("counting", recursive=True)
        counting = counting.union_all(select(counting.c.i + 1)
                                      .where(counting.c.i < bindparam("count")))
        incidents = INCIDENTS
        self.new_incidents = insert(incidents).from_select(
            ["created_at"], select(bindparam("now", type_=DateTime)).select_from(counting)
        ).returning(incidents.c.id)

    @staticmethod
    def _details(ids):
        """Mentions (role NULL) and actors (a name and a role) of the events `ids`, in one
        round trip."""
        mentions, links, actors = EVENT_MENTIONS, EVENT_ACTORS, ACTORS
        return union_all(
            select(mentions.c.event_id, mentions.c.sentence.label("text"),
                   null().label("role"), mentions.c.start)
            .where(mentions.c.event_id.in_(ids)),
            select(links.c.event_id, actors.c.name, links.c.role, null())
            .join(actors, actors.c.id == links.c.actor_id)
            .where(links.c.event_id.in_(ids)))

    def details_sized(self, count: int):
        """`details` for exactly `count` ids, bound as e0, e1...: a statement SQLite runs
        compiled once (see `store.SQLiteStatement`), where an expanding parameter is
        rendered again at each execution. Sizes are powers of two, as for `candidates`."""
        if count not in self._details_sized:
            self._details_sized[count] = self._details(
                [bindparam(f"e{i}", type_=Integer) for i in range(count)])
        return self._details_sized[count]

    def candidates(self, windows: int):
        """Placed, not rejected events in any of `windows` windows (type, lo, hi, floor): one
        indexed range each. Statements come in sizes 1, 2, 4, 8...: a caller repeats its
        last window to fill one, so a handful of statements serve every article."""
        if windows not in self._candidates:
            events = EVENTS
            terms = [and_(events.c.type == bindparam(f"k{i}"),
                          events.c.date_start.between(bindparam(f"lo{i}", type_=Date),
                                                      bindparam(f"hi{i}", type_=Date)),
                          events.c.date_end >= bindparam(f"floor{i}", type_=Date))
                     for i in range(windows)]
            self._candidates[windows] = (
                self.report.where(events.c.incident_id.is_not(None),
                                  events.c.status != "rejected", or_(*terms))
                .order_by(events.c.id))
        return self._candidates[windows]


@lru_cache(maxsize=1)
def statements() -> _Statements:
    return _Statements()


def load_reports(conn: Connection, event_ids: Iterable[int]) -> list[Report]:
    """The events as merging compares them: sentence and mentions, actors and agents."""
    ids = list(event_ids)
    if not ids:
        return []
    return _with_details(conn, conn.execute(statements().by_id, {"ids": ids}).all())


def _with_details(conn: Connection, rows) -> list[Report]:
    """Reports of event rows (`statements().report`), their mentions and actors fetched."""
    ids = [r.id for r in rows]
    if not ids:
        return []
    mentions: dict[int, list[tuple[int, str]]] = {}
    actors: dict[int, set[str]] = {}
    agents: dict[int, set[str]] = {}
    for chunk in _chunks(ids):
        for event_id, text, role, start in _details(conn, chunk):
            if role is None:
                mentions.setdefault(event_id, []).append((start, text))
            else:
                actors.setdefault(event_id, set()).add(text)
                if role == "agent":
                    agents.setdefault(event_id, set()).add(text)
    extra = {e: [text for _, text in sorted(found, key=lambda m: m[0])]  # in the text's order
             for e, found in mentions.items()}
    return [Report(r.id, r.article_id, r.incident_id, r.type, r.date_start, r.date_end,
                   r.location, r.country, "\n".join([r.sentence, *extra.get(r.id, [])]),
                   bool(r.merge_locked), frozenset(actors.get(r.id, ())),
                   frozenset(agents.get(r.id, ())))
            for r in rows]


def _details(conn: Connection, ids: list[int]):
    if conn.dialect.name != "sqlite":
        return conn.execute(statements().details, {"ids": ids})
    size = 1 << (len(ids) - 1).bit_length()  # the next power of two, filled with the last id
    values = {f"e{i}": ids[min(i, len(ids) - 1)] for i in range(size)}
    return on_sqlite(conn, statements().details_sized(size)).rows(conn, values)


def _chunks(ids: list[int], size: int = 4000) -> Iterable[list[int]]:
    # Under the bound-parameter limits of SQLite (32,766) and PostgreSQL (65,535).
    return (ids[i:i + size] for i in range(0, len(ids), size))


def reports_of(article_id: int, event_ids: list[int], events: list) -> list[Report]:
    """New events as merging compares them, from the records just stored as `event_ids`:
    what `load_reports` would read back, without reading it (mentions in text order, the
    actors' canonical names, agents those of role agent)."""
    return [Report(i, article_id, None, e.type, e.date.start if e.date else None,
                   e.date.end if e.date else None, e.location, e.country,
                   "\n".join([e.sentence, *(m.sentence for m in sorted(e.mentions,
                                                                      key=lambda m: m.start))]),
                   False, frozenset(a.name for a in e.actors),
                   frozenset(a.name for a in e.actors if a.role == "agent"))
            for i, e in zip(event_ids, events)]


WINDOWS_A_QUERY = 64


def load_candidates(conn: Connection, reports: list[Report]) -> list[Report]:
    """Placed reports that could be the same incident as any of `reports`: the same type and
    dates in each one's window, one indexed range a type (windows that touch are joined)."""
    windows, rows = _windows(reports), []
    for first in range(0, len(windows), WINDOWS_A_QUERY):
        chunk = windows[first:first + WINDOWS_A_QUERY]
        size = 1 << (len(chunk) - 1).bit_length()  # the next power of two
        chunk += chunk[-1:] * (size - len(chunk))
        params = {}
        for i, (kind, lo, hi, floor) in enumerate(chunk):
            params.update({f"k{i}": kind, f"lo{i}": lo, f"hi{i}": hi, f"floor{i}": floor})
        statement = statements().candidates(size)
        rows.extend(on_sqlite(conn, statement).rows(conn, params) if conn.dialect.name == "sqlite"
                    else conn.execute(statement, params).all())
    if len(windows) > WINDOWS_A_QUERY:  # an event in two chunks' windows is one candidate
        rows = sorted({r.id: r for r in rows}.values(), key=lambda r: r.id)
    return _with_details(conn, rows)


def _windows(reports: list[Report]) -> list[tuple[str, date, date, date]]:
    r = rules()
    slack, span = timedelta(days=r.slack_days), timedelta(days=r.max_span_days)
    spans = sorted((rep.type, rep.start - slack - span, rep.end + slack, rep.start - slack)
                   for rep in reports if rep.datable)
    merged: list[list] = []
    for kind, lo, hi, floor in spans:
        if merged and merged[-1][0] == kind and lo <= merged[-1][2]:
            merged[-1][2], merged[-1][3] = max(hi, merged[-1][2]), min(floor, merged[-1][3])
        else:
            merged.append([kind, lo, hi, floor])
    return [tuple(m) for m in merged]


def attach(conn: Connection, event_ids: Iterable[int]) -> dict[int, int]:
    """Give each new event an incident: an existing one it matches, or its own. Returns
    {event id: incident id}. The caller owns the transaction."""
    return place(conn, [r for r in load_reports(conn, event_ids) if r.incident_id is None])


def place(conn: Connection, new: list[Report]) -> dict[int, int]:
    """Give each new report (a stored event without an incident) one; see `attach`."""
    placed = placements(conn, new)
    if placed:
        conn.execute(statements().placed, [{"event": e, "incident": i, "why": why}
                                           for e, (i, why) in placed.items()])
    return {e: i for e, (i, _) in placed.items()}


def placements(conn: Connection, new: list[Report]) -> dict[int, tuple[int, str | None]]:
    """{event id: (incident id, reason)} for each new report, the new incidents stored, the
    events not written: ingest stores its events with theirs (`store.save_events`).

    The candidates of all the new events are found and loaded at once, and the new incidents
    are written at once: a handful of statements an article, not a handful an event."""
    if not new:
        return {}
    if conn.dialect.name == "postgresql":
        _lock_windows(conn, new)
    batch = _Batch(conn, load_candidates(conn, new))
    for report in new:
        batch.place(report)
    return batch.incidents(new)


# Placing is read, then decide, then write: two PostgreSQL transactions placing reports of one
# incident at once would each miss the other's (not yet committed) and start two incidents.
# Each first takes transaction-scoped advisory locks on the (type, LOCK_DAYS-day stretch)
# keys its reports could match within, so the second waits for the first to commit and then
# reads it. Reports that can match share a key: their dates, each widened by the slack, meet.
# SQLite needs none: a writer holds the database's write lock from its first write on.
PLACING_LOCKS = 0x74696D65  # the two-key lock space's first key: "time" in ASCII
LOCK_DAYS = 16


def _lock_windows(conn: Connection, reports: list[Report]) -> None:
    slack = rules().slack_days
    keys = set()
    for r in reports:
        if r.datable:
            first = (r.start.toordinal() - slack) // LOCK_DAYS
            for stretch in range(first, (r.end.toordinal() + slack) // LOCK_DAYS + 1):
                keys.add(zlib.crc32(f"{r.type}:{stretch}".encode()) - (1 << 31))  # an int4
    if keys:  # in one order for every transaction (no deadlock between them), one statement
        conn.execute(_LOCK, {"space": PLACING_LOCKS, "keys": sorted(keys)})


_LOCK = text("SELECT pg_advisory_xact_lock(:space, k) FROM unnest(CAST(:keys AS integer[])) "
             "WITH ORDINALITY AS locks(k, n) ORDER BY n")


class _Batch:
    """Placing a run of new reports: in memory, against the candidates and each other."""

    def __init__(self, conn: Connection, pool: list[Report]):
        self.conn, self.pool = conn, pool
        self.reasons: dict[int, str | None] = {}
        self.provisional = 0  # new incidents are numbered -1, -2... until they are stored

    def place(self, report: Report) -> None:
        matches = []
        if report.datable:
            matches = [m for old in self.pool if old.type == report.type
                       and (m := compare(report, old))]
        if not matches:
            self.provisional -= 1
            report.incident_id, self.reasons[report.id] = self.provisional, None
            self.pool.append(report)
            return
        best = max(matches, key=lambda m: (m.wording, -m.other.id))
        target = best.other.incident_id
        involved = {m.other.incident_id for m in matches}
        if len(involved) > 1 and not self._pinned(involved):
            real = [i for i in involved if i > 0]
            target = min(real) if real else max(involved)  # the earliest incident
            self._fuse(report.id, target, [m for m in matches if m.other.incident_id != target])
        also = sorted({m.other.id for m in matches} - {best.other.id})
        report.incident_id = target
        self.reasons[report.id] = best.reason() + (
            f"; also like event {', '.join(map(str, also))}" if also else "")
        self.pool.append(report)

    def _pinned(self, incident_ids: set[int]) -> bool:
        real = [i for i in incident_ids if i > 0]  # a new incident has no analyst's lock yet
        return bool(real) and _pinned(self.conn, real)

    def _fuse(self, bridge: int, target: int, matches: list[Match]) -> None:
        """Fold the incidents of `matches` into `target`: the report `bridge` tells them all.
        Each folded incident's first report, which had no reason yet, now says why it joined."""
        absorbed: dict[int, Match] = {}
        for m in sorted(matches, key=lambda m: -m.wording):
            absorbed.setdefault(m.other.incident_id, m)
        for incident, m in absorbed.items():
            for rep in self.pool:
                if rep.incident_id == incident:
                    rep.incident_id = target
                    if rep.id in self.reasons and self.reasons[rep.id] is None:
                        self.reasons[rep.id] = m.reason(counterpart=bridge)
            if incident > 0:
                _fuse_stored(self.conn, incident, target, m.reason(counterpart=bridge))

    def incidents(self, new: list[Report]) -> dict[int, tuple[int, str | None]]:
        """Store the new incidents at once; each new report's incident and reason."""
        provisional = sorted({r.incident_id for r in new if r.incident_id < 0}, reverse=True)
        stored: dict[int, int] = {}
        if provisional:
            stored = dict(zip(provisional, _insert_incidents(self.conn, len(provisional))))
        return {r.id: (stored.get(r.incident_id, r.incident_id), self.reasons[r.id])
                for r in new}


def _insert_incidents(conn: Connection, count: int) -> list[int]:
    """The ids of `count` new incidents, in ascending order, stored by one statement.

    Incidents are alike (a row is its id and when it was made), so one INSERT ... SELECT over
    a counting CTE makes them all: one statement a row through SQLAlchemy cost 10x more."""
    now, statement = datetime.now(timezone.utc).replace(tzinfo=None), statements().new_incidents
    values = {"count": count, "now": now}
    if conn.dialect.name == "sqlite":
        return sorted(i for i, in on_sqlite(conn, statement).execute(conn, values).fetchall())
    return sorted(conn.execute(statement, values).scalars())


def _pinned(conn: Connection, incident_ids: list[int]) -> bool:
    """True when an analyst fixed any of these incidents (one of its events is locked)."""
    return conn.scalar(select(func.count()).select_from(EVENTS).where(
        EVENTS.c.incident_id.in_(incident_ids), EVENTS.c.merge_locked.is_(True))) > 0


def _fuse_stored(conn: Connection, incident: int, target: int, reason: str) -> None:
    conn.execute(update(EVENTS).where(EVENTS.c.incident_id == incident,
                                     EVENTS.c.merge_reason.is_(None)).values(merge_reason=reason))
    conn.execute(update(EVENTS).where(EVENTS.c.incident_id == incident)
                 .values(incident_id=target))
    conn.execute(delete(INCIDENTS).where(INCIDENTS.c.id == incident))


def _new_incident(conn: Connection) -> int:
    return conn.execute(insert(INCIDENTS).returning(INCIDENTS.c.id),
                        {"created_at": datetime.now(timezone.utc).replace(tzinfo=None)}
                        ).scalar_one()


def _assign(conn: Connection, event_id: int, incident_id: int, reason: str | None,
            locked: bool | None = None) -> int:
    values = {"incident_id": incident_id, "merge_reason": reason}
    if locked is not None:
        values["merge_locked"] = locked
    conn.execute(update(EVENTS).where(EVENTS.c.id == event_id).values(**values))
    return incident_id


def attach_article(conn: Connection, article_id: int) -> dict[int, int]:
    """Place the events of one newly stored article (in the article's own transaction)."""
    return attach(conn, conn.scalars(statements().by_article, {"a": article_id}))


def attach_pending(conn: Connection, batch: int = 500) -> int:
    """Place events stored without an incident (older databases, re-extraction), oldest first.
    A rejected event tells no incident (`resettle`): it stays without one."""
    done = 0
    while ids := list(conn.scalars(select(EVENTS.c.id).where(EVENTS.c.incident_id.is_(None),
                                                             EVENTS.c.status != "rejected")
                                   .order_by(EVENTS.c.id).limit(batch))):
        attach(conn, ids)
        done += len(ids)
    return done


# -- the analyst's hand ------------------------------------------------------------------------

def _incident_of(conn: Connection, event_id: int) -> int | None:
    row = conn.execute(select(EVENTS.c.id, EVENTS.c.incident_id)
                       .where(EVENTS.c.id == event_id)).first()
    if row is None:
        raise NotFound("event", event_id)
    return row.incident_id


def _refuse_rejected(conn: Connection, event_ids: list[int]) -> None:
    """A rejected event tells no incident (`resettle`): split and merge leave it out."""
    from timeline.curate import CurationError

    rejected = sorted(conn.scalars(select(EVENTS.c.id).where(EVENTS.c.id.in_(event_ids),
                                                            EVENTS.c.status == "rejected")))
    if rejected:
        raise CurationError(f"event {rejected[0]} is rejected: it tells no incident "
                            "(confirm it first)")


def split(conn: Connection, event_id: int, note: str | None = None) -> int:
    """Detach one event into an incident of its own and lock it there; returns the incident."""
    old = _incident_of(conn, event_id)
    _refuse_rejected(conn, [event_id])
    alone = old is not None and conn.scalar(
        select(func.count()).select_from(EVENTS).where(EVENTS.c.incident_id == old)) == 1
    new = old if alone else _new_incident(conn)
    reason = "split by analyst" + (f" from incident {old}" if old and not alone else "")
    _assign(conn, event_id, new, reason, locked=True)
    _audit(conn, [event_id], old, new, note or "split")
    _drop_empty(conn, [old] if old else [])
    return new


def merge(conn: Connection, event_ids: list[int], note: str | None = None) -> int:
    """Join the incidents of these events into one, all its events locked; returns it."""
    from timeline.curate import CurationError

    if len(set(event_ids)) < 2:
        raise CurationError("merge needs at least two different events")
    incidents = {e: _incident_of(conn, e) for e in event_ids}
    _refuse_rejected(conn, event_ids)
    for event_id, incident in incidents.items():
        if incident is None:
            incidents[event_id] = _assign(conn, event_id, _new_incident(conn), None)
    target = min(incidents.values())
    others = sorted(set(incidents.values()) - {target})
    first = min(event_ids, key=lambda e: (incidents[e] != target, e))
    for incident in others:
        moved = list(conn.scalars(select(EVENTS.c.id).where(EVENTS.c.incident_id == incident)))
        conn.execute(update(EVENTS).where(EVENTS.c.id.in_(moved)).values(
            incident_id=target, merge_reason=f"merged by analyst with event {first}"))
        _audit(conn, moved, incident, target, note or "merge")
    conn.execute(update(EVENTS).where(EVENTS.c.incident_id == target).values(merge_locked=True))
    _drop_empty(conn, others)
    return target


def merge_and_count(conn: Connection, event_ids: list[int], note: str | None = None
                    ) -> tuple[int, int]:
    """`merge`, and how many articles the joined incident now has."""
    incident = merge(conn, event_ids, note)
    return incident, len({r["article_id"] for r in explain(conn, event_ids[0])})


def _audit(conn: Connection, event_ids: list[int], old: int | None, new: int, note: str) -> None:
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = [{"event_id": e, "field": "incident_id", "old_value": None if old is None else str(old),
             "new_value": str(new), "changed_at": now, "note": note} for e in event_ids]
    if rows and old != new:
        conn.execute(insert(EVENT_EDITS), rows)


def _drop_empty(conn: Connection, incident_ids: list[int]) -> None:
    empty = [i for i in incident_ids if not conn.scalar(
        select(func.count()).select_from(EVENTS).where(EVENTS.c.incident_id == i))]
    if empty:
        conn.execute(delete(INCIDENTS).where(INCIDENTS.c.id.in_(empty)))


def resettle(conn: Connection, event_id: int, note: str) -> tuple[int | None, int | None]:
    """Place an event again, as ingest would have placed it, after an analyst changed what
    placing compares (type, dates, place, country, actors) or its status; returns its
    (old incident, new incident).

    A rejected event tells no incident: it leaves its own (incident None). Any other leaves
    an incident it no longer matches and joins the one it does. The reports it leaves behind
    are placed again first, oldest first (it may have been the one that tied them together),
    the oldest keeping the incident's id. An incident an analyst fixed (a locked event) keeps
    its events as the analyst made it, but for a rejected event leaving it."""
    row = conn.execute(select(EVENTS.c.incident_id, EVENTS.c.status, EVENTS.c.merge_locked)
                       .where(EVENTS.c.id == event_id)).first()
    if row is None:
        raise NotFound("event", event_id)
    old, rejected = row.incident_id, row.status == "rejected"
    if row.merge_locked and not rejected:
        return old, old
    members = [] if old is None else conn.execute(
        select(EVENTS.c.id, EVENTS.c.status, EVENTS.c.merge_locked)
        .where(EVENTS.c.incident_id == old, EVENTS.c.id != event_id)).all()
    if any(m.merge_locked for m in members):
        members = []
    behind = sorted(m.id for m in members if m.status != "rejected")
    moving = [event_id, *(m.id for m in members)]
    conn.execute(update(EVENTS).where(EVENTS.c.id.in_(moving))
                 .values(incident_id=None, merge_reason=None))
    newest = conn.scalar(select(func.max(INCIDENTS.c.id))) or 0
    placed = place(conn, load_reports(conn, behind))
    if behind and placed[behind[0]] > newest:  # still starts an incident: the old one
        conn.execute(update(EVENTS).where(EVENTS.c.incident_id == placed[behind[0]])
                     .values(incident_id=old))
        conn.execute(delete(INCIDENTS).where(INCIDENTS.c.id == placed[behind[0]]))
        placed = {e: old if i == placed[behind[0]] else i for e, i in placed.items()}
    if not rejected:
        placed.update(place(conn, load_reports(conn, [event_id])))
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    moved = [{"event_id": e, "field": "incident_id", "old_value": None if old is None else str(old),
              "new_value": None if placed.get(e) is None else str(placed[e]),
              "changed_at": now, "note": note} for e in moving if placed.get(e) != old]
    if moved:
        conn.execute(insert(EVENT_EDITS), moved)
    _drop_empty(conn, [old] if old is not None else [])
    return old, placed.get(event_id)


# -- reading -----------------------------------------------------------------------------------

def explain(conn: Connection, event_id: int) -> list[dict]:
    """Every report of the event's incident, oldest first, with why it was joined: the rows
    `timeline show` prints. The first report's reason is None (it started the incident)."""
    incident = _incident_of(conn, event_id)
    where = EVENTS.c.incident_id == incident if incident is not None else EVENTS.c.id == event_id
    rows = conn.execute(
        select(EVENTS.c.id.label("event_id"), EVENTS.c.incident_id, EVENTS.c.article_id,
               ARTICLES.c.source, ARTICLES.c.title, ARTICLES.c.published, EVENTS.c.type,
               EVENTS.c.date_start, EVENTS.c.date_end, EVENTS.c.sentence, EVENTS.c.merge_reason,
               EVENTS.c.merge_locked)
        .join(ARTICLES, ARTICLES.c.id == EVENTS.c.article_id).where(where).order_by(EVENTS.c.id))
    return [row._asdict() for row in rows]
