"""Re-extraction: run the current extractors again over stored articles after an upgrade.

Only `auto` events are the machine's to replace. What an analyst touched stays exactly as left:
events confirmed, rejected or edited, events added by hand, and events whose incident an
analyst fixed (merge_locked, by `merge` or `split`). A fresh event that tells the same thing
as a curated one (same type, same sentence) is not inserted, so a confirmed event does not
come back as an auto twin, and a rejected one does not come back at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, delete, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from timeline import incidents, store
from timeline.errors import NotFound, TimelineError, database_problem
from timeline.intervals import Interval, Precision
from timeline.models import Actor, Article, Event, EventActor, EventEdit, EventMention
from timeline.records import Article as ArticleRecord
from timeline.records import EventRecord, PublishedBasis

ANALYST = "analyst"  # the source and extractor_version of an analyst's own notes (curate.ANALYST)


@dataclass
class ReextractSummary:
    articles: int = 0  # articles whose extraction was run again
    unchanged: int = 0  # of those, articles whose auto events came out the same
    removed: int = 0  # auto events deleted
    added: int = 0  # fresh auto events inserted
    kept: int = 0  # curated events left as they were
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        s = lambda n: "s" * (n != 1)
        return (f"{self.articles} article{s(self.articles)} re-extracted "
                f"({self.unchanged} unchanged), {self.failed} failed; {self.removed} auto "
                f"event{s(self.removed)} replaced by {self.added}; {self.kept} curated "
                f"event{s(self.kept)} kept")


def _curated():
    """The events re-extraction must never touch."""
    return or_(Event.status != "auto", Event.merge_locked.is_(True))


def article_ids(conn: Connection, ids: Iterable[int] = ()) -> list[int]:
    """The articles to re-extract: those named (each must exist), else every article that came
    from a source (an analyst's own note has no text to extract from)."""
    ids = list(dict.fromkeys(ids))
    if ids:
        found = set(conn.scalars(select(Article.id).where(Article.id.in_(ids))))
        for missing in (i for i in ids if i not in found):
            raise NotFound("article", missing)
        return ids
    return list(conn.scalars(select(Article.id).where(Article.extractor_version != ANALYST)
                             .order_by(Article.id)))


def reextract(engine: Engine, ids: Iterable[int] = (),
              on_article: Callable[[int, str], None] | None = None) -> ReextractSummary:
    """Re-extract each article in its own transaction; one failure never undoes the others."""
    from timeline.pipeline import extract_events

    summary = ReextractSummary()
    with engine.connect() as conn:
        todo = article_ids(conn, ids)
    actors = store.ActorCache()
    for article_id in todo:
        try:
            with engine.begin() as conn:
                events, version = extract_events(_article(conn, article_id))
                outcome = replace_auto_events(conn, article_id, events, version, actors)
            actors.commit()
        except Exception as exc:  # one odd article must not stop the run or undo the others
            actors.rollback()
            actors.ids.clear()
            problem = (database_problem(exc) if isinstance(exc, SQLAlchemyError) else str(exc)
                       if isinstance(exc, TimelineError) else
                       f"internal error ({exc.__class__.__name__}: {exc}); please report it")
            summary.failed += 1
            summary.errors.append(f"article {article_id}: {problem}")
            outcome = "failed: " + summary.errors[-1]
        else:
            summary.articles += 1
            summary.unchanged += outcome.unchanged
            summary.removed += outcome.removed
            summary.added += outcome.added
            summary.kept += outcome.kept
            outcome = "unchanged" if outcome.unchanged else "replaced"
        if on_article:
            on_article(article_id, outcome)
    return summary


def _article(conn: Connection, article_id: int) -> ArticleRecord:
    """The stored article as the extractors saw it: its text and publication date."""
    row = conn.execute(select(Article).where(Article.id == article_id)).mappings().one()
    published = None
    if row["published"] is not None:
        published = Interval(row["published"], row["published_end"] or row["published"],
                             Precision(row["published_precision"]))
    return ArticleRecord(text=row["text"], title=row["title"], published=published,
                         source=row["source"], url=row["url"], author=row["author"],
                         published_basis=PublishedBasis(row["published_basis"]))


@dataclass
class Outcome:
    removed: int = 0
    added: int = 0
    kept: int = 0
    unchanged: bool = False


def replace_auto_events(conn: Connection, article_id: int, events: list[EventRecord],
                        version: str, actors: store.ActorCache | None = None) -> Outcome:
    """Swap the article's auto events for `events`; the caller owns the transaction.

    When the fresh events equal the stored ones, nothing is rewritten (their ids, incidents
    and reasons stay): running re-extraction twice changes nothing but the version stamp."""
    curated = _curated_keys(conn, article_id)
    fresh = [e for e in events if (e.type, e.sentence_start, e.sentence_end) not in curated]
    old_ids = list(conn.scalars(select(Event.id).where(Event.article_id == article_id,
                                                       ~_curated()).order_by(Event.id)))
    outcome = Outcome(kept=len(_curated_ids(conn, article_id)))
    if Counter(map(_fresh_key, fresh)) == Counter(_stored_keys(conn, old_ids)):
        outcome.unchanged = True
        _stamp(conn, article_id, old_ids, version)
        return outcome
    emptied = set(conn.scalars(select(Event.incident_id).where(Event.id.in_(old_ids),
                                                               Event.incident_id.is_not(None))))
    for table in (EventMention, EventActor, EventEdit):  # not left to ON DELETE CASCADE alone
        conn.execute(delete(table).where(table.event_id.in_(old_ids)))
    conn.execute(delete(Event).where(Event.id.in_(old_ids)))
    incidents._drop_empty(conn, sorted(emptied))
    new_ids = store.save_events(conn, article_id, fresh, version, actors=actors)
    incidents.attach(conn, new_ids)  # the same placement as at ingest
    _stamp(conn, article_id, [], version)
    outcome.removed, outcome.added = len(old_ids), len(new_ids)
    return outcome


def _curated_ids(conn: Connection, article_id: int) -> list[int]:
    return list(conn.scalars(select(Event.id).where(Event.article_id == article_id, _curated())))


def _curated_keys(conn: Connection, article_id: int) -> set[tuple[str, int, int]]:
    """(type, sentence start, end) of each curated event, under its type now and under any
    type an analyst edited away (the extractors still find the old one)."""
    rows = conn.execute(select(Event.id, Event.type, Event.sentence_start, Event.sentence_end)
                        .where(Event.article_id == article_id, _curated())).all()
    keys = {(r.type, r.sentence_start, r.sentence_end) for r in rows}
    spans = {r.id: (r.sentence_start, r.sentence_end) for r in rows}
    if spans:
        for event_id, old in conn.execute(select(EventEdit.event_id, EventEdit.old_value).where(
                EventEdit.event_id.in_(spans), EventEdit.field == "type")):
            if old:
                keys.add((old, *spans[event_id]))
    return keys


_COMPARED = ("type", "date_start", "date_end", "precision", "date_text", "date_basis", "sentence",
             "sentence_start", "sentence_end", "trigger", "location", "country", "killed",
             "injured", "confidence")


def _fresh_key(e: EventRecord) -> tuple:
    row = store._event_row(0, e, "")
    return (tuple(row[c] for c in _COMPARED),
            tuple(sorted((m.sentence, m.start, m.end) for m in e.mentions)),
            tuple(sorted({(a.name, a.role) for a in e.actors})))


def _stored_keys(conn: Connection, event_ids: list[int]) -> list[tuple]:
    if not event_ids:
        return []
    mentions: dict[int, list] = {i: [] for i in event_ids}
    for m in conn.execute(select(EventMention).where(EventMention.event_id.in_(event_ids))):
        mentions[m.event_id].append((m.sentence, m.start, m.end))
    links: dict[int, list] = {i: [] for i in event_ids}
    for event_id, name, role in conn.execute(
            select(EventActor.event_id, Actor.name, EventActor.role)
            .join(Actor, Actor.id == EventActor.actor_id)
            .where(EventActor.event_id.in_(event_ids))):
        links[event_id].append((name, role))
    rows = conn.execute(select(Event.id, *[Event.__table__.c[c] for c in _COMPARED])
                        .where(Event.id.in_(event_ids))).mappings()
    return [(tuple(r[c] for c in _COMPARED), tuple(sorted(mentions[r["id"]])),
             tuple(sorted(links[r["id"]]))) for r in rows]


def _stamp(conn: Connection, article_id: int, auto_ids: list[int], version: str) -> None:
    conn.execute(update(Article).where(Article.id == article_id)
                 .values(extractor_version=version))
    if auto_ids:
        conn.execute(update(Event).where(Event.id.in_(auto_ids),
                                         Event.extractor_version != version)
                     .values(extractor_version=version))

