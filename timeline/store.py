"""Writes (one transaction per article, through SQLAlchemy Core) and filtered event queries."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from itertools import islice

from sqlalchemy import Connection, and_, func, insert, select

from timeline import fulltext
from timeline.errors import NotFound
from timeline.models import Actor, ActorAlias, Article, Event, EventActor, EventEdit, EventMention
from timeline.records import Article as ArticleRecord
from timeline.records import EventRecord

CHUNK = 500  # events fetched per round trip when streaming; actors are joined per chunk


def article_id_by_sha(conn: Connection, sha256: str) -> int | None:
    return conn.scalar(select(Article.id).where(Article.sha256 == sha256))


def save_article(conn: Connection, article: ArticleRecord, sha256: str,
                 events: list[EventRecord], extractor_version: str) -> int:
    """Insert one article and its events; the caller owns the transaction."""
    published = article.published
    article_id = conn.execute(insert(Article).returning(Article.id), {
        "source": article.source, "title": article.title, "text": article.text,
        "sha256": sha256, "url": article.url, "author": article.author,
        "published": published.start if published else None,
        "published_end": published.end if published else None,
        "published_precision": str(published.precision) if published else "unknown",
        "published_basis": str(article.published_basis),
        "ingested_at": datetime.now(timezone.utc).replace(tzinfo=None),
        "extractor_version": extractor_version,
    }).scalar_one()
    save_events(conn, article_id, events, extractor_version)
    return article_id


def save_events(conn: Connection, article_id: int, events: list[EventRecord],
                extractor_version: str) -> list[int]:
    if not events:
        return []
    ids = conn.execute(insert(Event).returning(Event.id, sort_by_parameter_order=True),
                       [_event_row(article_id, e, extractor_version) for e in events]).scalars().all()
    mentions = [{"event_id": i, "sentence": m.sentence, "start": m.start, "end": m.end}
                for i, e in zip(ids, events) for m in e.mentions]
    if mentions:
        conn.execute(insert(EventMention), mentions)
    links = {(i, actor_id(conn, a.name, a.kind, a.alias), a.role)
             for i, e in zip(ids, events) for a in e.actors}
    if links:
        conn.execute(insert(EventActor), [{"event_id": e, "actor_id": a, "role": r}
                                          for e, a, r in sorted(links)])
    return list(ids)


def _event_row(article_id: int, e: EventRecord, extractor_version: str) -> dict:
    return {
        "article_id": article_id, "type": e.type,
        "date_start": e.date.start if e.date else None,
        "date_end": e.date.end if e.date else None,
        "precision": str(e.precision), "date_text": e.date_text, "date_basis": str(e.date_basis),
        "sentence": e.sentence, "sentence_start": e.sentence_start,
        "sentence_end": e.sentence_end, "trigger": e.trigger, "location": e.location,
        "country": e.country, "killed": e.killed, "injured": e.injured,
        "confidence": round(min(max(e.confidence, 0.0), 1.0), 3), "status": "auto",
        "extractor_version": extractor_version,
    }


def actor_id(conn: Connection, name: str, kind: str, alias: str | None = None) -> int:
    """The id of the actor with this canonical name, created on first sight; aliases recorded."""
    found = conn.scalar(select(Actor.id).where(Actor.name == name))
    if found is None:
        found = conn.execute(insert(Actor).returning(Actor.id),
                             {"name": name, "kind": kind}).scalar_one()
    if alias and alias != name and conn.scalar(select(ActorAlias.id).where(
            ActorAlias.actor_id == found, ActorAlias.alias == alias)) is None:
        conn.execute(insert(ActorAlias), {"actor_id": found, "alias": alias})
    return found


@dataclass
class EventFilter:
    """What `list`, `export`, `stats` and `count` narrow the timeline to.

    Every value reaches SQL as a bound parameter, never as text pasted into a statement.
    """

    types: tuple[str, ...] = ()
    since: date | None = None  # events whose interval ends on or after this day
    until: date | None = None  # events whose interval starts on or before this day
    actor: str | None = None  # a canonical name or any alias of it, any case
    country: str | None = None  # ISO 3166-1 alpha-2
    place: str | None = None  # words inside the event's location, any case
    search: str | None = None  # full-text: every word must occur in the sentence or the title
    min_confidence: float | None = None
    article_id: int | None = None
    statuses: tuple[str, ...] = field(default=())
    # Rejected events are an analyst's "this did not happen": off the timeline, its exports and
    # its counts unless `statuses` names them.
    hide_rejected: bool = True
    limit: int | None = None
    offset: int = 0
    reverse: bool = False
    by_rank: bool = False  # with `search`: best match first (bm25) instead of time order
    one_per_incident: bool = False  # one row per incident (its best-dated report), not per event

    def conditions(self, dialect: str = "sqlite") -> list:
        out = []
        if self.types:
            out.append(Event.type.in_(self.types))
        if self.since:
            out.append(func.coalesce(Event.date_end, Event.date_start) >= self.since)
        if self.until:
            out.append(Event.date_start <= self.until)
        if self.statuses:
            out.append(Event.status.in_(self.statuses))
        elif self.hide_rejected:
            out.append(Event.status != "rejected")
        if self.actor:
            out.append(Event.id.in_(select(EventActor.event_id).where(
                EventActor.actor_id.in_(actor_ids(self.actor)))))
        if self.country:
            out.append(Event.country == self.country.upper())
        if self.place:
            out.append(func.lower(Event.location).contains(self.place.lower(), autoescape=True))
        if self.min_confidence is not None:
            out.append(Event.confidence >= self.min_confidence)
        if self.article_id is not None:
            out.append(Event.article_id == self.article_id)
        if self.search:
            out.append(fulltext.matches(self.search, dialect))
        return out


def actor_ids(name: str):
    """The actors a name means: one whose canonical name it is, or who is known by it."""
    needle = name.strip().lower()
    return select(Actor.id).where(func.lower(Actor.name) == needle).union(
        select(ActorAlias.actor_id).where(func.lower(ActorAlias.alias) == needle))


def event_query(flt: EventFilter, dialect: str = "sqlite"):
    from timeline.incidents import representatives, reports_column

    conditions = flt.conditions(dialect)
    if flt.one_per_incident:
        conditions.append(Event.id.in_(representatives(flt.conditions(dialect))))
    order = [Event.date_start.is_(None), Event.date_start, Event.id]
    if flt.reverse:
        order = [Event.date_start.is_(None), Event.date_start.desc(), Event.id.desc()]
    if flt.search and flt.by_rank:
        order = [fulltext.rank(flt.search, dialect), *order]
    query = (select(Event, Article.source, Article.published, reports_column())
             .join(Article, Article.id == Event.article_id)
             .where(and_(True, *conditions)).order_by(*order)
             .offset(flt.offset or None))
    return query.limit(flt.limit) if flt.limit is not None else query


def iter_events(conn: Connection, flt: EventFilter) -> Iterator[dict]:
    """The filtered timeline as flat dicts (the export contract's keys), streamed in chunks."""
    from timeline.incidents import reports_column

    result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(
        event_query(flt, conn.dialect.name).with_only_columns(
            *Event.__table__.c, Article.source, Article.published, reports_column()))
    while chunk := [row._asdict() for row in islice(result, CHUNK)]:
        names = actor_names(conn, [row["id"] for row in chunk])
        for row in chunk:
            row["actors"] = names.get(row["id"], [])
            yield row


def actor_names(conn: Connection, event_ids: list[int]) -> dict[int, list[str]]:
    """Canonical actor names per event, agents and speakers first, each name once."""
    rows = conn.execute(
        select(EventActor.event_id, Actor.name, EventActor.role)
        .join(Actor, Actor.id == EventActor.actor_id)
        .where(EventActor.event_id.in_(event_ids))
        .order_by(EventActor.event_id, EventActor.role, Actor.name))
    names: dict[int, list[str]] = {}
    for event_id, name, _role in rows:
        if name not in names.setdefault(event_id, []):
            names[event_id].append(name)
    return names


def iter_articles(conn: Connection, article_id: int | None = None) -> Iterator[dict]:
    """Articles by publication date (undated last), each with how many events it gave."""
    events = (select(func.count(Event.id)).where(Event.article_id == Article.id)
              .scalar_subquery().label("events"))
    query = (select(Article.id, Article.source, Article.title, Article.published,
                    Article.published_end, Article.published_precision,
                    Article.published_basis, Article.url, Article.author, events)
             .order_by(Article.published.is_(None), Article.published, Article.id))
    if article_id is not None:
        query = query.where(Article.id == article_id)
    for row in conn.execute(query):
        yield row._asdict()


def count_events(conn: Connection, flt: EventFilter) -> int:
    return conn.scalar(select(func.count(Event.id)).where(
        and_(True, *flt.conditions(conn.dialect.name))))


def event_detail(conn: Connection, event_id: int) -> dict:
    """One event with every field, its actors (name, kind, role, aliases), its further
    mentions, its curation history, and its article (source, title, published, text)."""
    row = conn.execute(select(*Event.__table__.c, Article.source, Article.published,
                              Article.title, Article.text.label("article_text"))
                       .join(Article, Article.id == Event.article_id)
                       .where(Event.id == event_id)).first()
    if row is None:
        raise NotFound("event", event_id)
    event = row._asdict()
    event["actors"] = actor_names(conn, [event_id]).get(event_id, [])
    event["actor_roles"] = [r._asdict() for r in conn.execute(
        select(Actor.id, Actor.name, Actor.kind, EventActor.role)
        .join(EventActor, EventActor.actor_id == Actor.id)
        .where(EventActor.event_id == event_id).order_by(EventActor.role, Actor.name))]
    ids = [a["id"] for a in event["actor_roles"]]
    aliases = conn.execute(select(ActorAlias.actor_id, ActorAlias.alias)
                           .where(ActorAlias.actor_id.in_(ids)).order_by(ActorAlias.alias))
    by_actor: dict[int, list[str]] = {}
    for actor, alias in aliases:
        by_actor.setdefault(actor, []).append(alias)
    for actor in event["actor_roles"]:
        actor["aliases"] = by_actor.get(actor.pop("id"), [])
    event["mentions"] = [m._asdict() for m in conn.execute(
        select(EventMention.sentence, EventMention.start, EventMention.end)
        .where(EventMention.event_id == event_id).order_by(EventMention.start))]
    event["edits"] = [e._asdict() for e in conn.execute(
        select(EventEdit.field, EventEdit.old_value, EventEdit.new_value, EventEdit.changed_at,
               EventEdit.note).where(EventEdit.event_id == event_id).order_by(EventEdit.id))]
    return event


def article_detail(conn: Connection, article_id: int) -> dict:
    """An article with its text and its events (the export contract's keys), in text order."""
    found = conn.execute(select(*Article.__table__.c).where(Article.id == article_id)).first()
    if found is None:
        raise NotFound("article", article_id)
    article = found._asdict()
    flt = EventFilter(article_id=article_id)
    article["events"] = sorted(iter_events(conn, flt),
                               key=lambda e: (e["sentence_start"] or 0, e["id"]))
    return article
