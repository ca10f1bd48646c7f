"""Curation: an analyst confirms, rejects, edits or adds events; every change is audited.

Each change writes one `event_edits` row per field (old value, new value, when, an optional
note), so the record shows what the extractors said and what a person decided. Confirmed,
rejected and edited events are the analyst's: re-extraction must leave them alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import Connection, delete, insert, select, update

from timeline.errors import NotFound, TimelineError
from timeline.intervals import Interval
from timeline.models import Actor, ActorAlias, Article, Event, EventActor, EventEdit
from timeline.store import actor_id, actor_names

ANALYST = "analyst"  # extractor_version and source of what a person added by hand


class CurationError(TimelineError):
    """A curation request that cannot be carried out as asked."""


@dataclass
class Change:
    """What an edit sets; None leaves a field as it is."""

    date: Interval | None = None
    type: str | None = None
    actors: list[str] | None = None
    place: str | None = None
    country: str | None = None
    note: str | None = None

    def is_empty(self) -> bool:
        return all(v is None for v in (self.date, self.type, self.actors, self.place,
                                       self.country))


@dataclass
class Outcome:
    event_id: int
    changes: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    def line(self, verb: str) -> str:
        if not self.changes:
            return f"event {self.event_id} unchanged"
        said = ", ".join(f"{f} {o if o is not None else '—'} -> {n if n is not None else '—'}"
                         for f, o, n in self.changes)
        return f"event {self.event_id} {verb}: {said}"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _event(conn: Connection, event_id: int) -> dict:
    row = conn.execute(select(*Event.__table__.c).where(Event.id == event_id)).first()
    if row is None:
        raise NotFound("event", event_id)
    return row._asdict()


def _audit(conn: Connection, event_id: int, changes, note: str | None) -> None:
    if changes:
        when = _now()
        conn.execute(insert(EventEdit), [
            {"event_id": event_id, "field": f, "old_value": o, "new_value": n,
             "changed_at": when, "note": note} for f, o, n in changes])


def set_status(conn: Connection, event_id: int, status: str, note: str | None = None) -> Outcome:
    """confirm / reject: the status changes, the old one is kept in the audit trail. A
    rejected event leaves its incident; one no longer rejected is placed as ingest would."""
    old = _event(conn, event_id)["status"]
    outcome = Outcome(event_id)
    if old != status:
        conn.execute(update(Event).where(Event.id == event_id).values(status=status))
        outcome.changes.append(("status", old, status))
    _audit(conn, event_id, outcome.changes, note)
    if "rejected" in (old, status) and old != status:
        _resettle(conn, outcome, note or f"{status}: placed again")
    return outcome


# What incident placing compares: a change to any of them may move the event to another.
PLACED_BY = {"date", "type", "location", "country", "actors"}


def _resettle(conn: Connection, outcome: Outcome, note: str) -> None:
    """Place the event again (`incidents.resettle`); a move is said in the outcome's line
    (the incidents module audits it, for the reports left behind as well)."""
    from timeline.incidents import resettle

    old, new = resettle(conn, outcome.event_id, note)
    if old != new:
        outcome.changes.append(("incident", None if old is None else str(old),
                                None if new is None else str(new)))


def confirm(conn: Connection, event_id: int, note: str | None = None) -> Outcome:
    return set_status(conn, event_id, "confirmed", note)


def reject(conn: Connection, event_id: int, note: str | None = None) -> Outcome:
    return set_status(conn, event_id, "rejected", note)


def _date_text(start, end, precision) -> str | None:
    if start is None:
        return None
    return f"{start}..{end} ({precision})"


def edit(conn: Connection, event_id: int, change: Change) -> Outcome:
    """Set what `change` names; the event becomes `edited` if anything differed."""
    if change.is_empty():
        raise CurationError("nothing to change: give a date, type, actors, place or country")
    old = _event(conn, event_id)
    values, outcome = {}, Outcome(event_id)
    if change.date is not None:
        new = (change.date.start, change.date.end, str(change.date.precision))
        before = (old["date_start"], old["date_end"], old["precision"])
        if new != before:
            values.update(date_start=new[0], date_end=new[1], precision=new[2],
                          date_basis="explicit" if old["date_basis"] == "none"
                          else old["date_basis"])
            outcome.changes.append(("date", _date_text(*before), _date_text(*new)))
    for name, column in (("type", "type"), ("place", "location"), ("country", "country")):
        new = getattr(change, name)
        if new is not None and new != old[column]:
            values[column] = new
            outcome.changes.append((column, old[column], new))
    if change.actors is not None:
        before = actor_names(conn, [event_id]).get(event_id, [])
        _relink_actors(conn, event_id, change.actors)
        after = actor_names(conn, [event_id]).get(event_id, [])  # canonical names, as stored
        if sorted(after) != sorted(before):
            outcome.changes.append(("actors", "; ".join(before) or None,
                                    "; ".join(after) or None))
    if outcome.changes and old["status"] != "edited":
        values["status"] = "edited"
        outcome.changes.append(("status", old["status"], "edited"))
    if values:
        conn.execute(update(Event).where(Event.id == event_id).values(**values))
    _audit(conn, event_id, outcome.changes, change.note)
    if PLACED_BY & {f for f, _, _ in outcome.changes}:
        _resettle(conn, outcome, change.note or "edited: placed again")
    return outcome


def find_actor(conn: Connection, name: str) -> int | None:
    """An existing actor by canonical name or alias, any case."""
    needle = name.strip().lower()
    from sqlalchemy import func

    found = conn.scalar(select(Actor.id).where(func.lower(Actor.name) == needle))
    if found is None:
        found = conn.scalar(select(ActorAlias.actor_id)
                            .where(func.lower(ActorAlias.alias) == needle).limit(1))
    return found


def _relink_actors(conn: Connection, event_id: int, names: list[str]) -> None:
    """The event's actors become `names`: known actors (by name or alias) keep their role on
    this event; a name never seen becomes a new actor of kind 'group' as agent."""
    roles = dict(conn.execute(select(EventActor.actor_id, EventActor.role)
                              .where(EventActor.event_id == event_id)).all())
    conn.execute(delete(EventActor).where(EventActor.event_id == event_id))
    links = set()
    for name in names:
        found = find_actor(conn, name) or actor_id(conn, name.strip(), "group")
        links.add((found, roles.get(found, "agent")))
    if links:
        conn.execute(insert(EventActor), [{"event_id": event_id, "actor_id": a, "role": r}
                                          for a, r in sorted(links)])


def add(conn: Connection, sentence: str, type_: str, date: Interval | None = None,
        article_id: int | None = None, place: str | None = None, country: str | None = None,
        actors: list[str] | None = None, note: str | None = None) -> int:
    """An event the extractors missed, confirmed by the analyst who adds it.

    With an article, the sentence must be text of that article (so the record never cites
    words its source does not hold); without one, the sentence is kept as an analyst's note:
    an article of its own whose source is 'analyst'.
    """
    sentence = " ".join(sentence.split())
    if not sentence:
        raise CurationError("an empty sentence")
    article_id, start, sentence = _place_sentence(conn, sentence, article_id)
    event_id = conn.execute(insert(Event).returning(Event.id), {
        "article_id": article_id, "type": type_,
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "precision": str(date.precision) if date else "unknown",
        "date_basis": "explicit" if date else "none", "sentence": sentence,
        "sentence_start": start, "sentence_end": start + len(sentence), "trigger": "",
        "location": place, "country": country, "confidence": 1.0, "status": "confirmed",
        "extractor_version": ANALYST,
    }).scalar_one()
    if actors:
        _relink_actors(conn, event_id, actors)
    _audit(conn, event_id, [("status", None, "confirmed")], note or "added by an analyst")
    from timeline.incidents import attach

    attach(conn, [event_id])  # a report like any other: joined to its incident, or its own
    return event_id


def _place_sentence(conn: Connection, sentence: str,
                    article_id: int | None) -> tuple[int, int, str]:
    """(article id, offset, the sentence as that article spells it)."""
    if article_id is not None:
        text = conn.scalar(select(Article.text).where(Article.id == article_id))
        if text is None:
            raise NotFound("article", article_id)
        # The article's own white space may differ (a line break inside the sentence).
        found = re.search(r"\s+".join(map(re.escape, sentence.split())), text)
        if found is None:
            raise CurationError(f"the sentence is not text of article {article_id}: "
                                f"{sentence[:60]!r}")
        return article_id, found.start(), found.group()
    from timeline.readers.decode import fingerprint

    sha = fingerprint(sentence)
    found = conn.scalar(select(Article.id).where(Article.sha256 == sha))
    if found is None:
        found = conn.execute(insert(Article).returning(Article.id), {
            "source": ANALYST, "title": "Added by an analyst", "text": sentence, "sha256": sha,
            "published_precision": "unknown", "published_basis": "unknown",
            "ingested_at": _now(), "extractor_version": ANALYST}).scalar_one()
    return found, 0, sentence
