"""Writes (through SQLAlchemy Core, in the caller's transaction) and filtered event queries."""

from __future__ import annotations

import json
from collections import namedtuple
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import (Connection, Date, Float, Integer, String, and_, bindparam, case, cast,
                        distinct, exists, func, insert, literal, literal_column, or_, select,
                        tuple_)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.util import ClauseAdapter

from timeline import fulltext
from timeline.errors import NotFound
from timeline.tables import (ACTOR_ALIASES, ACTORS, ARTICLES, EVENT_ACTORS, EVENT_EDITS,
                             EVENT_MENTIONS, EVENTS, PRECISIONS)

if TYPE_CHECKING:  # the writes' arguments; making the record classes costs reads ~15 M instructions
    from timeline.records import ActorRef, EventRecord
    from timeline.records import Article as ArticleRecord

CHUNK = 500  # events fetched per round trip when streaming; actors are joined per chunk
# A page of best matches up to this far in is found by `best_match_page` and read by its ids
# (bound as one JSON list); a longer one by one statement ranking and sorting every match.
BEST_PAGE_AT_MOST = 1000
EVENT_COLUMNS = (*EVENTS.c, ARTICLES.c.source, ARTICLES.c.published)  # what iter_events reads



class _Statements:
    """The write path's statements, built once: building an expression costs more than
    running it (SQLAlchemy caches the compiled SQL, not the Python objects that describe it)."""

    def __init__(self) -> None:
        articles, events = ARTICLES, EVENTS
        self.article_by_sha = select(articles.c.id).where(articles.c.sha256 == bindparam("sha"))
        self.insert_article = insert(articles).returning(articles.c.id)
        self.insert_events_returning = insert(events).returning(
            events.c.id, sort_by_parameter_order=True)
        self.insert_events_batch = insert(events).returning(events.c.id)
        self.last_event_id = select(func.max(events.c.id))
        self.next_event_ids = select(
            func.nextval(func.pg_get_serial_sequence("events", "id"))
        ).select_from(func.generate_series(1, bindparam("n")))


class SQLiteStatement:
    """A Core statement compiled once for SQLite and run on the DBAPI connection of the
    caller's transaction, each value converted by its SQLAlchemy type both ways.

    SQLAlchemy's execute costs about 40 us a statement where sqlite3's own costs 8 (measured
    on `SELECT max(id) FROM events`), and storing an article runs about ten: ingest's SQLite
    statements go straight to the driver. Errors are raised as SQLAlchemy's (IntegrityError,
    OperationalError, ...), as `conn.execute` raises them, so callers handle both alike.
    """

    def __init__(self, statement, dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql, binds = compiled.string, compiled.binds
        self.params = [(name, binds[name].value,
                        binds[name].type.dialect_impl(dialect).bind_processor(dialect))
                       for name in compiled.positiontup]
        columns = list(getattr(statement, "selected_columns", ()))
        self.row = namedtuple("Row", [c.key for c in columns], rename=True) if columns else None
        self.results = [c.type.dialect_impl(dialect).result_processor(dialect, None)
                        for c in columns]

    def execute(self, conn: Connection, values: dict | None = None):
        """Run with `values` for the statement's bound parameters; the DBAPI cursor."""
        values = values or {}
        args = []
        for name, default, convert in self.params:
            value = values.get(name, default)
            args.append(convert(value) if convert else value)
        return driver_execute(conn, self.sql, args)

    def rows(self, conn: Connection, values: dict | None = None) -> list:
        """The rows, as named tuples whose values are converted as SQLAlchemy converts them."""
        converters = list(enumerate(self.results))
        rows = []
        for raw in self.execute(conn, values).fetchall():
            raw = list(raw)
            for i, convert in converters:
                if convert is not None:
                    raw[i] = convert(raw[i])
            rows.append(self.row._make(raw))
        return rows


def driver_execute(conn: Connection, sql: str, args=()):
    """Run `sql` on the DBAPI connection of `conn` (in its transaction); DBAPI errors come
    out as SQLAlchemy's, as from `conn.execute`. The result has the cursor's fetchone,
    fetchall and lastrowid.

    When something listens to the engine's statements (an event handler, `echo`), they go
    through SQLAlchemy as before, so that it hears of them.
    """
    if conn._has_events or conn.engine._has_events or conn._echo:
        return conn.exec_driver_sql(sql, tuple(args))
    dbapi = conn.dialect.loaded_dbapi
    try:
        return conn.connection.dbapi_connection.execute(sql, args)
    except dbapi.Error as exc:
        raise DBAPIError.instance(sql, args, exc, dbapi.Error, dialect=conn.dialect) from exc


_statements: _Statements | None = None
_on_sqlite: dict[object, SQLiteStatement] = {}


def on_sqlite(conn: Connection, statement) -> SQLiteStatement:
    """`statement` (one built once and kept) compiled for SQLite, once."""
    found = _on_sqlite.get(statement)
    if found is None:
        found = _on_sqlite[statement] = SQLiteStatement(statement, conn.dialect)
    return found


def statements() -> _Statements:
    global _statements
    if _statements is None:
        _statements = _Statements()
    return _statements


def article_id_by_sha(conn: Connection, sha256: str) -> int | None:
    return conn.execute(statements().article_by_sha, {"sha": sha256}).scalar()


def save_article(conn: Connection, article: ArticleRecord, sha256: str,
                 events: list[EventRecord], extractor_version: str, *,
                 actors: ActorCache | None = None) -> int:
    """Insert one article and its events; the caller owns the transaction."""
    article_id = insert_article(conn, article, sha256, extractor_version)
    save_events(conn, article_id, events, extractor_version, actors=actors)
    return article_id


def insert_article(conn: Connection, article: ArticleRecord, sha256: str,
                   extractor_version: str) -> int:
    """Insert one article's row (not its events); its id."""
    published = article.published
    row = {
        "source": article.source, "title": article.title, "text": article.text,
        "sha256": sha256, "url": article.url, "author": article.author,
        "published": published.start if published else None,
        "published_end": published.end if published else None,
        "published_precision": str(published.precision) if published else "unknown",
        "published_basis": str(article.published_basis),
        "ingested_at": datetime.now(timezone.utc).replace(tzinfo=None),
        "extractor_version": extractor_version,
    }
    if conn.dialect.name == "sqlite":
        return _row_insert(conn, ARTICLES, row).execute(conn, [row]).lastrowid
    return conn.execute(statements().insert_article, row).scalar_one()


def save_events(conn: Connection, article_id: int, events: list[EventRecord],
                extractor_version: str, *, actors: ActorCache | None = None,
                ids: list[int] | None = None,
                placed: dict[int, tuple[int, str | None]] | None = None) -> list[int]:
    """Insert one article's events with their mentions and actor links, a statement a table.

    `actors` may be shared by many calls (see `ActorCache` for how it survives transactions),
    so each actor name costs one lookup, not one per event. `ids` (from `reserve_event_ids`)
    are the events' ids, and `placed` their incidents and reasons (`incidents.placements`),
    when both were settled before the events were stored.
    """
    if not events:
        return []
    rows = [_event_row(article_id, e, extractor_version) for e in events]
    if ids is not None:
        for row, i in zip(rows, ids):
            row["id"] = i
            if placed is not None:
                row["incident_id"], row["merge_reason"] = placed[i]
        insert_rows(conn, EVENTS, rows)
    else:
        ids = _insert_events(conn, rows)
    mentions = [{"event_id": i, "sentence": m.sentence, "start": m.start, "end": m.end}
                for i, e in zip(ids, events) for m in e.mentions]
    if mentions:
        insert_rows(conn, EVENT_MENTIONS, mentions)
    refs = [a for e in events for a in e.actors]
    if refs:
        actors = actors if actors is not None else ActorCache()
        known = actors.resolve(conn, refs)
        links = {(i, known[a.name], a.role) for i, e in zip(ids, events) for a in e.actors}
        insert_rows(conn, EVENT_ACTORS, [{"event_id": e, "actor_id": a, "role": r}
                                                 for e, a, r in sorted(links)])
    return list(ids)


def insert_rows(conn: Connection, table, rows: list[dict]) -> None:
    """Insert rows (dicts with the same keys) into `table`.

    SQLite: in one multi-row statement (a batch), sent as SQL through the connection with each
    value converted by its column's SQLAlchemy type, as an executemany of `insert(table)` would
    convert it. There, SQLAlchemy's work for each row's parameters cost more than SQLite's for
    the row (for an article's 18 events, 0.5 ms of ~1.7), and an executemany runs one statement
    a row: on `events` each opens a savepoint at which FTS5 flushes its trigger's entries as a
    new index segment. PostgreSQL: an executemany, which psycopg batches itself.
    """
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    sql = _row_insert(conn, table, rows[0])
    for first in range(0, len(rows), sql.batch):
        sql.execute(conn, rows[first:first + sql.batch])


def _row_insert(conn: Connection, table, row: dict) -> _RowInsert:
    key = (table.name, *row)
    return _row_inserts.get(key) or _row_inserts.setdefault(
        key, _RowInsert(conn.dialect, table, list(row)))


class _RowInsert:
    """`INSERT INTO table (columns) VALUES ` and each column's value converter, made once."""

    def __init__(self, dialect, table, keys: list[str]) -> None:
        quote = dialect.identifier_preparer.quote
        self.head = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(k) for k in keys)}) "
                     "VALUES ")
        self.row = "(" + ", ".join("?" * len(keys)) + ")"
        self.columns = [(k, table.c[k].type.dialect_impl(dialect).bind_processor(dialect))
                        for k in keys]
        self.batch = max(1, dialect.insertmanyvalues_max_parameters // len(keys))

    def execute(self, conn: Connection, rows: list[dict]):
        """Insert `rows` (at most `batch`) in one statement; the DBAPI cursor."""
        return driver_execute(conn, self.head + ", ".join([self.row] * len(rows)),
                              [convert(r[k]) if convert else r[k]
                               for r in rows for k, convert in self.columns])


_row_inserts: dict[tuple, _RowInsert] = {}


def reserve_event_ids(conn: Connection, count: int) -> list[int]:
    """Ids for `count` events about to be inserted in this transaction, so that what refers
    to them (incident reasons) is settled before they are stored, and stored with them.

    SQLite: the ids after the largest, which no other writer can take before this transaction
    ends: it holds the write lock (call this after the transaction's first write).
    PostgreSQL: taken from the events' id sequence, as the inserts would take them.
    """
    if count == 0:
        return []
    if conn.dialect.name == "sqlite":
        top = on_sqlite(conn, statements().last_event_id).execute(conn).fetchone()[0] or 0
        return list(range(top + 1, top + count + 1))
    return list(conn.execute(statements().next_event_ids, {"n": count}).scalars())


def _insert_events(conn: Connection, rows: list[dict]) -> list[int]:
    """Insert event rows, returning their ids in the order of `rows`."""
    if conn.dialect.name != "sqlite":
        return list(conn.execute(statements().insert_events_returning, rows).scalars())
    return ascending_ids(conn, statements().insert_events_batch, rows)


def ascending_ids(conn: Connection, statement, rows: list[dict]) -> list[int]:
    """SQLite: insert `rows` in one multi-row statement, their ids in the order of `rows`.

    SQLite cannot tie RETURNING rows to parameter sets, so with `sort_by_parameter_order`
    SQLAlchemy sends one INSERT per row; and each statement on `events` opens a savepoint,
    at which FTS5 flushes what its trigger indexed as a new segment of the index (one per
    event: 2x the cost of indexing them in one statement). Unordered, it sends one statement.
    A new row's id is one more than the largest, and this transaction holds SQLite's write
    lock: the ids in ascending order are the rows in order.
    """
    return sorted(conn.execute(statement, rows).scalars())


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


def _insert_ignoring_duplicates(dialect: str, table):
    """INSERT ... ON CONFLICT DO NOTHING: a concurrent writer may add the same actor first."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table).on_conflict_do_nothing()


class _ActorStatements:
    def __init__(self, dialect: str) -> None:
        actors, aliases = ACTORS, ACTOR_ALIASES
        self.by_name = select(actors.c.name, actors.c.id).where(
            actors.c.name.in_(bindparam("names", expanding=True)))
        self.insert = _insert_ignoring_duplicates(dialect, actors)
        self.aliases = select(aliases.c.actor_id, aliases.c.alias).where(
            aliases.c.actor_id.in_(bindparam("ids", expanding=True)),
            aliases.c.alias.in_(bindparam("aliases", expanding=True)))
        self.insert_alias = _insert_ignoring_duplicates(dialect, aliases)


_actor_statements: dict[str, _ActorStatements] = {}


@dataclass
class ActorCache:
    """Actor ids and recorded aliases, so each name costs one lookup, not one per event.

    What a transaction learns stays `fresh` until `commit()` (call it after the transaction
    commits) makes it known for later transactions; `rollback()` forgets it, since an actor
    inserted by a rolled-back transaction does not exist.
    """

    ids: dict[str, int] = field(default_factory=dict)
    aliases: set[tuple[int, str]] = field(default_factory=set)
    fresh_ids: dict[str, int] = field(default_factory=dict)
    fresh_aliases: set[tuple[int, str]] = field(default_factory=set)

    def commit(self) -> None:
        self.ids.update(self.fresh_ids)
        self.aliases |= self.fresh_aliases
        self.rollback()

    def rollback(self) -> None:
        self.fresh_ids, self.fresh_aliases = {}, set()

    def resolve(self, conn: Connection, refs: list[ActorRef]) -> dict[str, int]:
        """Every ref's canonical name -> actor id, creating actors and aliases not yet stored."""
        sql = _actor_statements.get(conn.dialect.name) or _actor_statements.setdefault(
            conn.dialect.name, _ActorStatements(conn.dialect.name))
        kinds = {r.name: r.kind for r in refs
                 if r.name not in self.ids and r.name not in self.fresh_ids}
        if kinds:
            self._load(conn, sql, kinds)
            # Sorted: concurrent writers then take the unique index's locks in one order,
            # so they can wait for each other but never deadlock.
            missing = [{"name": n, "kind": kinds[n]} for n in sorted(kinds)
                       if n not in self.fresh_ids]
            if missing:
                conn.execute(sql.insert, missing)
                self._load(conn, sql, kinds)
        found = {**self.ids, **self.fresh_ids}
        wanted = {(found[r.name], r.alias) for r in refs if r.alias and r.alias != r.name}
        new = wanted - self.aliases - self.fresh_aliases
        if new:
            self._add_aliases(conn, sql, new)
        return found

    def _load(self, conn: Connection, sql: _ActorStatements, names) -> None:
        for chunk in _chunks(sorted(names), CHUNK):
            self.fresh_ids.update(tuple(r) for r in conn.execute(sql.by_name, {"names": chunk}))

    def _add_aliases(self, conn: Connection, sql: _ActorStatements,
                     pairs: set[tuple[int, str]]) -> None:
        stored = conn.execute(sql.aliases, {"ids": sorted({a for a, _ in pairs}),
                                            "aliases": sorted({x for _, x in pairs})}).all()
        missing = pairs - {tuple(r) for r in stored}
        if missing:
            conn.execute(sql.insert_alias,
                         [{"actor_id": a, "alias": alias} for a, alias in sorted(missing)])
        self.fresh_aliases |= pairs


def actor_id(conn: Connection, name: str, kind: str, alias: str | None = None) -> int:
    """The id of the actor with this canonical name, created on first sight; aliases recorded."""
    from timeline.records import ActorRef

    return ActorCache().resolve(conn, [ActorRef(name, kind, "agent", alias)])[name]


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass(frozen=True)
class Cursor:
    """Where a page of the timeline ended: its last event's (date_start, id).

    The next page starts after it (keyset paging), so page 10,000 costs what page 1 costs,
    where OFFSET would read and drop every row before it. Written `2020-04-02:1234`, or
    `undated:1234` once the dated events are behind.
    """

    date_start: date | None
    id: int

    @classmethod
    def parse(cls, text: str) -> Cursor:
        day, sep, number = text.strip().rpartition(":")
        try:
            if not sep or not number.isdigit():
                raise ValueError
            return cls(None if day == "undated" else date.fromisoformat(day), int(number))
        except ValueError:
            raise ValueError(f"{text!r} is not a page cursor (DATE:ID or undated:ID, as "
                             "`timeline list` prints after a full page)") from None

    @classmethod
    def of(cls, row: dict) -> Cursor:
        return cls(row["date_start"], row["id"])

    def __str__(self) -> str:
        return f"{self.date_start.isoformat() if self.date_start else 'undated'}:{self.id}"


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
    after: Cursor | None = None  # keyset paging: only events after this one, in timeline order
    one_per_incident: bool = False  # one row per incident (its best-dated report), not per event

    def narrows(self) -> bool:
        """Whether anything beyond the default (every event but the rejected) is asked for."""
        return bool(self.types or self.since or self.until or self.actor or self.country
                    or self.place or self.search or self.min_confidence is not None
                    or self.article_id is not None or self.statuses or not self.hide_rejected)

    def conditions(self, dialect: str = "sqlite", *, walk: bool = False,
                   search_joined: bool = False) -> list:
        """The filter as SQL conditions on Event; `walk`: the search and the actor do not lead
        the query (see `event_key`); `search_joined`: the query joins the matches already, so
        the search is not repeated (it still narrows the reports `one_per_incident` compares).
        """
        out = []
        if self.types:
            out.append(EVENTS.c.type.in_(self.types))
        if self.since:
            out.append(func.coalesce(EVENTS.c.date_end, EVENTS.c.date_start) >= self.since)
        if self.until:
            out.append(EVENTS.c.date_start <= self.until)
        if self.statuses:
            out.append(EVENTS.c.status.in_(self.statuses))
        elif self.hide_rejected:
            out.append(EVENTS.c.status != "rejected")
        if self.actor:
            out.append(event_key(walk).in_(actor_events(self.actor)))
        if self.country:
            out.append(EVENTS.c.country == self.country.upper())
        if self.place:
            out.append(func.lower(EVENTS.c.location).contains(self.place.lower(), autoescape=True))
        if self.min_confidence is not None:
            out.append(EVENTS.c.confidence >= self.min_confidence)
        if self.article_id is not None:
            out.append(EVENTS.c.article_id == self.article_id)
        searched = len(out)
        if self.search:
            out.append(fulltext.matches(self.search, dialect, key=event_key(walk)))
        if self.one_per_incident:
            out.append(best_of_incident(list(out)))
        if self.search and search_joined:
            del out[searched]
        return out


def best_of_incident(conditions: list):
    """True for the one event that stands for its incident among those matching `conditions`:
    the most precisely dated, then the most confident, then the first stored. A correlated
    NOT EXISTS on the incident index, so a list that stops at --limit stops early too."""
    better = EVENTS.alias("better")
    adapt = ClauseAdapter(better).traverse
    rank = lambda t: case({p: i for i, p in enumerate(PRECISIONS)}, value=t.c.precision,
                          else_=len(PRECISIONS))
    me = EVENTS
    beats = or_(rank(better) < rank(me),
                and_(rank(better) == rank(me),
                     or_(better.c.confidence > me.c.confidence,
                         and_(better.c.confidence == me.c.confidence, better.c.id < me.c.id))))
    return ~exists().where(better.c.incident_id == me.c.incident_id, better.c.id != me.c.id,
                           beats, *[adapt(c) for c in conditions])


def event_key(walk: bool = False):
    """Event.id, or for `walk` (SQLite) `events.id + 0`: an expression in no index, so a
    condition on it cannot lead the query, and the planner walks the index that gives the
    order asked for, testing each event on the way."""
    return EVENTS.c.id + literal_column("0") if walk else EVENTS.c.id


# A time-ordered page of a search or of an actor's events either looks every matching event
# up and sorts them, or walks the timeline's index testing each event, stopping after a page.
# On a million events looking up cost 5 ms for 710 matches, 47 ms for 40,321 ("hostages") and
# 24 ms for an actor's 3,442 events; the walk 20 ms, 8 ms and 3.5 ms (it reads at most the
# whole index, 20-30 ms). Up to this many, look them up.
LOOK_UP_AT_MOST = 2000


def walks(conn: Connection, flt: EventFilter) -> bool:
    """SQLite: whether a time-ordered page of `flt` walks the timeline's index: its search
    and its actor (those it has) each match more than LOOK_UP_AT_MOST events (counting stops
    there: a common word costs no more)."""
    leads = ([fulltext.hits(flt.search)] if flt.search else []) + (
        [actor_events(flt.actor)] if flt.actor else [])
    return conn.dialect.name == "sqlite" and bool(leads) and all(
        conn.scalar(select(func.count()).select_from(
            lead.limit(LOOK_UP_AT_MOST + 1).subquery())) > LOOK_UP_AT_MOST for lead in leads)


def actor_events(name: str):
    """The ids of the events an actor (see `actor_ids`) takes part in, from
    ix_event_actors_actor_event alone."""
    return select(EVENT_ACTORS.c.event_id).where(EVENT_ACTORS.c.actor_id.in_(actor_ids(name)))


def actor_ids(name: str):
    """The actors a name means: one whose canonical name it is, or who is known by it (in the
    database's aliases or the extractors' gazetteer), any case."""
    from timeline.filters import actor_names

    needles = [n.lower() for n in actor_names(name)]
    return select(ACTORS.c.id).where(func.lower(ACTORS.c.name).in_(needles)).union(
        select(ACTOR_ALIASES.c.actor_id).where(func.lower(ACTOR_ALIASES.c.alias).in_(needles)))


def event_query(flt: EventFilter, dialect: str = "sqlite"):
    """The filtered timeline as one statement (undated events last); lists by time use
    `timeline_parts`, which walk indexes instead."""
    order = [EVENTS.c.date_start.is_(None), EVENTS.c.date_start, EVENTS.c.id]
    if flt.reverse:
        order = [EVENTS.c.date_start.is_(None), EVENTS.c.date_start.desc(), EVENTS.c.id.desc()]
    query = (select(EVENTS, ARTICLES.c.source, ARTICLES.c.published)
             .join(ARTICLES, ARTICLES.c.id == EVENTS.c.article_id))
    if flt.search and flt.by_rank and dialect == "sqlite":
        page = _best_matches(flt, order)
        return query.join(page, page.c.id == EVENTS.c.id).order_by(page.c.rank, *order)
    if flt.search and flt.by_rank:
        order = [fulltext.rank(flt.search, dialect), *order]
    query = (query.where(and_(True, *flt.conditions(dialect))).order_by(*order)
             .offset(flt.offset or None))
    return query.limit(flt.limit) if flt.limit is not None else query


def _best_matches(flt: EventFilter, order: list):
    """SQLite: the page of best matches as (id, rank), cut before any other column is read
    (the one statement for a page longer than `best_match_page` takes, or no page at all).

    The matches are ranked in one pass (a bm25 subquery per row re-ran the MATCH for each
    candidate, minutes for a common word in a million events), joined once (not matched a
    second time by the filter's condition), and sorted as (id, rank) before the page's rows
    and articles are read.
    """
    hits = fulltext.ranked_hits(flt.search)
    return (select(EVENTS.c.id, hits.c.rank).join(hits, hits.c.rowid == EVENTS.c.id)
            .where(and_(True, *flt.conditions("sqlite", search_joined=True)))
            .order_by(hits.c.rank, *order).offset(flt.offset or None).limit(flt.limit)
            .subquery("page"))


def best_match_page(conn: Connection, flt: EventFilter) -> list[int]:
    """SQLite: the ids of a page (`offset`, `limit`) of the best matches, in the order of
    `event_query`: bm25 rank, then the timeline's order.

    FTS5 ranks every match, SQLite keeps the best few (twice the page); of those, every match
    ranked better than the last one read is known, since any other would have displaced it.
    If `offset + limit` of these pass the filter's other conditions, the page is among them,
    as sorting every match would give it; else more are ranked. Looking every match up to
    sort them (40,321 for "hostages" in a million events) cost as much as ranking them.

    The statements run in one read transaction (a savepoint, which begins one when none is
    open): they see one snapshot of the database, and FTS5's bm25 runs a lookup of each
    match's length as a statement of its own, whose end outside a transaction also tries to
    commit: 7% of the instructions of ranking 40,321 matches (callgrind).
    """
    if not flt.limit:
        return []
    with conn.begin_nested():
        return _best_match_ids(conn, flt)


def _best_match_ids(conn: Connection, flt: EventFilter) -> list[int]:
    need = flt.offset + flt.limit
    ranking, query = on_sqlite(conn, _best_first()), fulltext.fts5_query(flt.search)
    passing = _passing_statement(flt)
    found: dict[int, tuple] = {}
    limit = 2 * need
    while True:
        hits = ranking.execute(conn, {"query": query, "limit": limit or -1}).fetchall()
        complete = limit is None or len(hits) < limit
        known = hits if complete else [h for h in hits if h[1] < hits[-1][1]]
        found.update(_passing(conn, passing, flt.reverse, [h for h in known if h[0] not in found]))
        if complete or len(found) >= need:
            return [key[-1] for key in sorted(found.values())[flt.offset:need]]
        limit = limit * 8 if limit < 5000 else None  # past a few thousand, rank them all


@lru_cache(maxsize=1)
def _best_first():
    """`fulltext.best_first`, built once: it runs on the driver (`on_sqlite`)."""
    return fulltext.best_first()


@lru_cache(maxsize=1)
def _listed_ids():
    """SQLite: the rows (`key`: the position, `value`: the id) of a JSON list of event ids
    bound as `ids`: one parameter for any number of them, so the statement that reads them
    is compiled once, where an IN list of literals is rendered anew for each call."""
    return func.json_each(bindparam("ids")).table_valued("key", "value").alias("listed")


def _passing_statement(flt: EventFilter):
    """(id, date_start) of the listed events (`_listed_ids`) that pass the filter's
    conditions other than the search, looked up by id."""
    return (select(EVENTS.c.id, EVENTS.c.date_start)
            .where(EVENTS.c.id.in_(select(_listed_ids().c.value)),
                   *flt.conditions("sqlite", search_joined=True)))


def _passing(conn: Connection, statement, reverse: bool, hits: list) -> dict[int, tuple]:
    """id -> sort key (rank, undated, day, id, then the id itself) of the (rowid, rank) hits
    that pass (`_passing_statement`); day and id negated for a reversed list, as
    `event_query` orders them."""
    if not hits:
        return {}
    ranks, sign = dict(hits), -1 if reverse else 1
    out = {}
    for ids in _chunks(list(ranks), CHUNK):
        for id_, day in conn.execute(statement, {"ids": json.dumps(ids)}):
            out[id_] = (ranks[id_], day is None, sign * day.toordinal() if day else 0,
                        sign * id_, id_)
    return out


def timeline_parts(flt: EventFilter, dialect: str = "sqlite", *, walk: bool = False) -> list:
    """The filtered timeline as two statements that walk indexes: dated events by
    (date_start, id), then undated ones by id.

    One `ORDER BY date_start IS NULL, ...` would put undated events last too, but no index
    has that order, so every query sorted every matching row before the LIMIT.
    `walk`: the search and the actor are tested on the way (`walks`, `event_key`).
    """
    later = (lambda a, b: a < b) if flt.reverse else (lambda a, b: a > b)
    dated = [EVENTS.c.date_start.is_not(None)]
    if flt.since is not None:  # the same events, and a start for the index's range scan
        dated.append(EVENTS.c.date_start >= earliest_start(flt.since, dialect))
    undated = [EVENTS.c.date_start.is_(None)]
    if flt.after is not None and flt.after.date_start is not None:
        dated.append(later(tuple_(EVENTS.c.date_start, EVENTS.c.id),
                           tuple_(literal(flt.after.date_start, Date), literal(flt.after.id))))
    elif flt.after is not None:
        dated = None  # the cursor is among the undated events: the dated ones are behind
        undated.append(later(EVENTS.c.id, flt.after.id))
    parts = []
    conditions = flt.conditions(dialect, walk=walk)  # built once: both parts share them
    if dated is not None:
        parts.append(_part(flt, conditions + dated, [EVENTS.c.date_start, EVENTS.c.id]))
    if flt.since is None and flt.until is None:  # a date bound never matches an undated event
        parts.append(_part(flt, conditions + undated, [EVENTS.c.id]))
    return parts


def earliest_start(since: date, dialect: str):
    """The earliest day an event ending on or after `since` can start: `since` less the widest
    span any event has (read from the end of ix_events_span, migration 0005).

    `--since` compares coalesce(date_end, date_start), which no index orders; this bound on
    date_start lets a scan begin near `since` instead of at the first event of the timeline.
    The span is capped so the day stays on or after 0001-01-01.
    """
    cap = since.toordinal() - 1
    if dialect == "postgresql":
        widest = select(func.max(EVENTS.c.date_end - EVENTS.c.date_start)).scalar_subquery()
        return literal(since, Date) - func.least(func.coalesce(widest, 0), cap)
    widest = select(func.max(func.julianday(EVENTS.c.date_end)
                             - func.julianday(EVENTS.c.date_start))
                    ).scalar_subquery()
    days = cast(func.min(func.coalesce(widest, 0), cap), Integer)
    return func.date(literal(since, Date), "-" + cast(days, String) + " days", type_=Date)


def _part(flt: EventFilter, where: list, order: list):
    return (select(EVENTS.c.id, ARTICLES.c.source)
            .join(ARTICLES, ARTICLES.c.id == EVENTS.c.article_id)
            .where(*where)
            .order_by(*[c.desc() for c in order] if flt.reverse else order))


def iter_events(conn: Connection, flt: EventFilter) -> Iterator[dict]:
    """The filtered timeline as flat dicts (the export contract's keys), streamed in chunks."""
    for chunk in _timeline(conn, flt, EVENT_COLUMNS, _stream):
        yield from chunk


def iter_event_rows(conn: Connection, flt: EventFilter, columns: list[str], *,
                    inert: tuple[str, ...] = ()) -> Iterator[list[tuple]]:
    """The filtered timeline in chunks of rows, each row a tuple of plain values in `columns`
    order, every cell made by the database (`export_cells`): what a CSV writer takes as is.

    `export --format csv` reads a million events through this: per-row Python (dicts, actor
    lookups, the taxonomy, the formula check) cost more than the database does.
    """
    return _timeline(conn, flt, export_cells(columns, conn.dialect.name, inert), _plain_chunks)


def _timeline(conn: Connection, flt: EventFilter, columns, stream) -> Iterator[list]:
    """The filtered timeline in chunks: `stream` turns a statement into lists of rows."""
    if (flt.search and flt.by_rank and conn.dialect.name == "sqlite"
            and flt.limit is not None and flt.offset + flt.limit <= BEST_PAGE_AT_MOST):
        ids = best_match_page(conn, flt)
        if ids:
            yield from stream(conn, _listed_events(columns), {"ids": json.dumps(ids)})
        return
    if flt.search and flt.by_rank:  # best match first: one ranked statement
        yield from stream(conn, event_query(flt, conn.dialect.name).with_only_columns(*columns))
        return
    remaining, offset = flt.limit, flt.offset
    for part in timeline_parts(flt, conn.dialect.name, walk=walks(conn, flt)):
        if remaining == 0:
            return
        query = part.with_only_columns(*columns).offset(offset or None)
        seen = 0
        for chunk in stream(conn, query if remaining is None else query.limit(remaining)):
            seen += len(chunk)
            yield chunk
        if offset and not seen:  # this part had no more rows than the offset skips
            offset -= conn.scalar(select(func.count()).select_from(part.subquery()))
        else:
            offset = 0
        remaining = None if remaining is None else remaining - seen


@lru_cache(maxsize=4)
def _listed_events(columns: tuple):
    """`columns` of the events listed (`_listed_ids`) and their articles, in the list's order;
    built once for the columns `iter_events` reads."""
    listed = _listed_ids()
    return (select(*columns).select_from(listed)
            .join(EVENTS, EVENTS.c.id == listed.c.value)
            .join(ARTICLES, ARTICLES.c.id == EVENTS.c.article_id)
            .order_by(listed.c.key))


def _stream(conn: Connection, query, params: dict | None = None) -> Iterator[list[dict]]:
    """The rows of `query` as dicts, a chunk at a time, with their actors, reports and type
    mapping. Dicts are zipped from the result's keys (Row._asdict builds a mapping a row) and
    a type is mapped once a chunk: half the Python of a 50-event page."""
    result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(query, params)
    keys = list(result.keys())
    for part in result.partitions():
        chunk = [dict(zip(keys, row)) for row in part]
        names = actor_names(conn, [row["id"] for row in chunk])
        reports = report_counts(conn, {row["incident_id"] for row in chunk})
        mappings = {kind: type_mapping(kind) for kind in {row["type"] for row in chunk}}
        for row in chunk:
            row["actors"] = names.get(row["id"], [])
            row["reports"] = reports.get(row["incident_id"], 1)
            row.update(mappings[row["type"]])
        yield chunk


def _plain_chunks(conn: Connection, query, params: dict | None = None) -> Iterator[list[tuple]]:
    """The rows of `query` as the driver gives them, a chunk at a time.

    SQLite: from the DBAPI cursor itself, as SQLAlchemy's rows cost seconds a million
    events; the cells are plain SQL values, so none of its result processing is missed, and
    pysqlite steps the statement as rows are fetched (no server-side cursor is needed).
    PostgreSQL: through a streamed result, whose buffer holds rows the DBAPI cursor has
    already handed over.
    """
    if conn.dialect.name == "sqlite":
        result = conn.execute(query, params)
        fetch = result.cursor.fetchmany
    else:
        result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(query,
                                                                                      params)
        fetch = result.fetchmany
    with result:
        while chunk := fetch(CHUNK):
            yield chunk


def export_cells(columns: list[str], dialect: str, inert: tuple[str, ...] = ()) -> list:
    """The export contract's `columns` as SQL, a labelled expression a column, each cell as
    a CSV has it: dates as ISO text, actors joined by '; ' (`actor_names`' order), reports
    counted (`report_counts`), the type's PLOVER and ACLED from the taxonomy, and free text
    that starts with one of `inert` behind a quote (a spreadsheet runs it as a formula).

    Doing this per-row work in the statement lets rows go from the driver to the writer
    untouched: in Python it cost a million-event export more than the database did.
    """
    from timeline.export import NEVER_FORMULA

    cells = _export_sources()
    out = []
    for name in columns:
        if name == "actors":  # made inert inside its subquery, which then runs once a row
            out.append(joined_actor_names(dialect, inert).label(name))
            continue
        cell = cells[name]
        if isinstance(cell.type, Date):  # SQLite holds ISO text, PostgreSQL prints it
            cell = cast(cell, String)
        if inert and name not in NEVER_FORMULA:
            cell = _inert(cell, inert)
        out.append(cell.label(name))
    return out


def _export_sources() -> dict:
    """Each export column's source in SQL, before it is made a cell."""
    cells = {c.name: c for c in EVENTS.c}
    cells.update(source=ARTICLES.c.source, published=ARTICLES.c.published,
                 reports=reports_told(), **type_mapping_cells())
    return cells


def iter_csv_lines(conn: Connection, flt: EventFilter, columns: list[str], *,
                   inert: tuple[str, ...] = ()) -> Iterator[list[tuple[str]]]:
    """SQLite: the filtered timeline in chunks of rows of one cell, a finished CSV line
    (`csv_line`): the writer joins and writes them, nothing a row is done in Python.

    With the csv module writing `export_cells`' rows, a million-event export spent twice as
    much in Python (building each row's tuple, then quoting it) as in SQLite.
    """
    conn.connection.driver_connection.create_function(FLOAT_TEXT, 1, str, deterministic=True)
    return _timeline(conn, flt, [csv_line(columns, inert)], _plain_chunks)


# The SQL function `csv_line` hands the floats that SQLite's printf cannot be trusted to print
# as Python does; str of a float is Python's shortest round-trip repr, what csv.writer writes.
FLOAT_TEXT = "timeline_float_text"
# The export's text columns whose values the schema's CHECKs keep to a fixed vocabulary of
# plain words: never quoted in a CSV, so `csv_line` does not look.
CHECKED_WORDS = frozenset({"precision", "date_basis", "status"})


def csv_line(columns: list[str], inert: tuple[str, ...] = ()):
    """SQL (SQLite): `export_cells`' row as one CSV line ending in CRLF, byte for byte what
    Python's csv.writer (QUOTE_MINIMAL, lineterminator CRLF) makes of it: NULL as nothing,
    integers and ISO dates as they are, floats as Python prints them (`_csv_float`), text
    quoted only when it holds a comma, a double quote, CR or LF (`_csv_text`). A row of
    one empty field, which csv.writer would quote, cannot happen: the line has several.

    printf's %s stops at a NUL character, where csv.writer would write it: no text the
    product stores holds one (the readers drop control characters, PostgreSQL refuses NUL,
    and a command-line argument cannot carry one)."""
    from timeline.export import NEVER_FORMULA, csv_field

    cells = _export_sources()
    words = type_mapping_cells(csv_field)  # the taxonomy's words written out beforehand
    fields = []
    for name in columns:
        if name == "actors":  # quoted inside its subquery, which then runs once a row
            fields.append(joined_actor_names("sqlite", inert, as_csv=True))
            continue
        cell = cells[name]
        if name in words:
            fields.append(words[name])
        elif isinstance(cell.type, Float):
            fields.append(_csv_float(cell))
        elif isinstance(cell.type, (Integer, Date)) or name in CHECKED_WORDS:
            fields.append(cell)
        else:
            fields.append(_csv_text(cell, () if name in NEVER_FORMULA else inert))
    # One printf, not a || a field: each || copies the line so far into a new string.
    # %s writes NULL as nothing, as csv.writer writes None.
    return func.printf(",".join(["%s"] * len(fields)) + "\r\n", *fields,
                       type_=String).label("line")


def _csv_text(text, inert: tuple[str, ...] = ()):
    """SQL: a text cell as csv.writer writes it, behind a quote first if it starts with one
    of `inert` (`_inert`). (printf's %w, which doubles double quotes, cost more than this.)

    GLOB '*,*' finds a character with strcspn, a quarter of instr's cost on a sentence."""
    quoted = or_(*[text.op("GLOB")(f"*{char}*") for char in (",", '"', "\n", "\r")])
    escaped = func.replace(text, '"', '""')
    if not inert:
        return case((quoted, literal('"').concat(escaped).concat('"')), else_=text)
    formula = _starts_glob(text, inert)
    quote = case((formula, "'"), else_="")
    return case((quoted, literal('"').concat(quote).concat(escaped).concat('"')),
                else_=case((formula, literal("'").concat(text)), else_=text))


def _starts_glob(text, starts: tuple[str, ...]):
    """SQL (SQLite): `text` starts with one of the characters `starts`, as GLOB '[...]*'
    (cheaper than substr() IN (...)). A '-' first in the class is itself; ']' and '^' would
    need more care, so with either the test is substr() IN (...)."""
    if any(len(char) != 1 or char in "]^[" for char in starts):
        return func.substr(text, 1, 1).in_(starts)
    chars = sorted(starts, key=lambda char: char != "-")  # '-' first: a literal there
    return text.op("GLOB")("[" + "".join(chars) + "]*")


def _csv_float(number):
    """SQL: a float as Python prints it. printf's %!.15g gives Python's digits whenever they
    read back as the same number (no two strings of 15 digits or fewer do), and its layout
    in fixed point from 1e-4 up to 1e15, where Python's repr uses it too; any other float
    (zero included, for -0.0) is printed by Python itself (FLOAT_TEXT)."""
    printed = func.printf("%!.15g", number)
    size = func.abs(number)
    return case((number.is_(None), ""),
                (and_(size >= 1e-4, size < 1e15, cast(printed, Float) == number), printed),
                else_=getattr(func, FLOAT_TEXT)(number))


def _inert(text, starts: tuple[str, ...]):
    """SQL: `text` behind a quote when its first character is one of `starts`."""
    return case((func.substr(text, 1, 1).in_(starts), literal("'") + text), else_=text)


def joined_actor_names(dialect: str, inert: tuple[str, ...] = (), *, as_csv: bool = False):
    """SQL: an event's actor names joined by '; ', as `actor_names` lists them: each name
    once, at its first role, by role then name (NULL for none), behind a quote if the first
    starts with one of `inert`. A correlated subquery, as `sqlite3 -csv` runs it.

    An actor in two roles is kept at the first by NOT EXISTS on the primary key, not by
    GROUP BY: one sort a row, not two (on a million events 2.7 s instead of 4.8 s).
    `as_csv`: the names as `csv_line`'s field, quoted as csv.writer would (SQLite)."""
    links, actors, earlier = EVENT_ACTORS, ACTORS, EVENT_ACTORS.alias("earlier")
    first_role = ~exists().where(earlier.c.event_id == links.c.event_id,
                                 earlier.c.actor_id == links.c.actor_id,
                                 earlier.c.role < links.c.role)
    names = (select(actors.c.name, links.c.role)
             .join_from(links, actors, actors.c.id == links.c.actor_id)
             .where(links.c.event_id == EVENTS.c.id, first_role).correlate(EVENTS)
             .order_by(links.c.role, actors.c.name).subquery("names"))
    joined = func.aggregate_strings(names.c.name, "; ")
    # SQLite before 3.44 has no ORDER BY in an aggregate: group_concat reads the ordered
    # subquery in its order (SQLite never flattens an ordered subquery into an aggregate).
    if dialect != "sqlite":
        joined = joined.aggregate_order_by(names.c.role, names.c.name)
    if as_csv:  # `csv_line`'s field: the aggregate is computed once however often it is named
        return select(_csv_text(joined, inert)).scalar_subquery()
    return select(_inert(joined, inert) if inert else joined).scalar_subquery()


def type_mapping_cells(written=None) -> dict:
    """SQL: {"plover": ..., "acled": ...} of each event's type, the taxonomy as CASEs, each
    value as `written` makes it (csv_line: a CSV field) or as it is."""
    from timeline.taxonomy import event_types

    written = written or (lambda value: value)
    return {key: case({kind: written(type_mapping(kind)[key]) for kind in event_types()},
                      value=EVENTS.c.type, else_=written(type_mapping("other")[key]))
            for key in ("plover", "acled")}


def report_counts(conn: Connection, incident_ids: Iterable[int | None]) -> dict[int, int]:
    """How many articles tell each incident: one grouped lookup on the incident index for a
    chunk of rows (as actors are joined), so listing queries keep walking their own index."""
    ids = sorted(i for i in incident_ids if i is not None)
    if not ids:
        return {}
    return dict(conn.execute(select(EVENTS.c.incident_id,
                                    func.count(distinct(EVENTS.c.article_id)))
                             .where(EVENTS.c.incident_id.in_(ids))
                             .group_by(EVENTS.c.incident_id)).all())


def reports_told():
    """SQL: `report_counts` of each event's incident as a cell of the event's row, 1 for an
    event of no incident (a correlated count on the incident index)."""
    told = EVENTS.alias("told")
    count = (select(func.count(distinct(told.c.article_id)))
             .where(told.c.incident_id == EVENTS.c.incident_id).scalar_subquery())
    return case((EVENTS.c.incident_id.is_(None), 1), else_=count)


def cursor_of(conn: Connection, event_id: int) -> Cursor:
    """The keyset cursor of an event: `--after ID` pages on from it without OFFSET."""
    found = conn.execute(select(EVENTS.c.date_start, EVENTS.c.id)
                         .where(EVENTS.c.id == event_id)).first()
    if found is None:
        raise NotFound("event", event_id)
    return Cursor(found[0], found[1])


def type_mapping(event_type: str) -> dict[str, str | None]:
    """{"plover": ..., "acled": ...} of an event type, from the shipped taxonomy."""
    from timeline.taxonomy import mapping

    return mapping(event_type)


_actor_names_sql: dict[int, object] = {}


def _actor_names_statement(size: int):
    """The actor names of `size` events as one statement of plain parameters, built once a
    size: an expanding IN is compiled anew for every call, which cost a long export a fifth of
    its time."""
    if size not in _actor_names_sql:
        links, actors = EVENT_ACTORS, ACTORS
        _actor_names_sql[size] = (select(links.c.event_id, actors.c.name, links.c.role)
                                  .join(actors, actors.c.id == links.c.actor_id)
                                  .where(links.c.event_id.in_([bindparam(f"e{k}")
                                                               for k in range(size)]))
                                  .order_by(links.c.event_id, links.c.role, actors.c.name))
    return _actor_names_sql[size]


def _padded_size(count: int) -> int:
    """The statement size for `count` events: the next power of two from 8, at most CHUNK.
    A page of 10 events built and compiled a statement of CHUNK parameters, a third of the
    start-up of `timeline list --limit 10`; a long export still runs one size throughout."""
    size = 8
    while size < count:
        size *= 2
    return min(size, CHUNK)


def actor_names(conn: Connection, event_ids: list[int]) -> dict[int, list[str]]:
    """Canonical actor names per event, agents and speakers first, each name once.

    Each chunk is padded with a repeated id to the size of a statement built once."""
    names: dict[int, list[str]] = {}
    for start in range(0, len(event_ids), CHUNK):
        part = event_ids[start:start + CHUNK]
        size = _padded_size(len(part))
        part += [part[0]] * (size - len(part))
        rows = conn.execute(_actor_names_statement(size),
                            {f"e{k}": i for k, i in enumerate(part)})
        for event_id, name, _role in rows:
            if name not in names.setdefault(event_id, []):
                names[event_id].append(name)
    return names


def iter_articles(conn: Connection, article_id: int | None = None) -> Iterator[dict]:
    """Articles by publication date (undated last), each with how many events it gave."""
    events = (select(func.count(EVENTS.c.id)).where(EVENTS.c.article_id == ARTICLES.c.id)
              .scalar_subquery().label("events"))
    query = (select(ARTICLES.c.id, ARTICLES.c.source, ARTICLES.c.title, ARTICLES.c.published,
                    ARTICLES.c.published_end, ARTICLES.c.published_precision,
                    ARTICLES.c.published_basis, ARTICLES.c.url, ARTICLES.c.author, events)
             .order_by(ARTICLES.c.published.is_(None), ARTICLES.c.published, ARTICLES.c.id))
    if article_id is not None:
        query = query.where(ARTICLES.c.id == article_id)
    for row in conn.execute(query):
        yield row._asdict()


def count_events(conn: Connection, flt: EventFilter) -> int:
    return conn.scalar(select(func.count(EVENTS.c.id)).where(
        and_(True, *flt.conditions(conn.dialect.name))))


def event_detail(conn: Connection, event_id: int) -> dict:
    """One event with every field, its actors (name, kind, role, aliases), its further
    mentions, its curation history, and its article (source, title, published, text)."""
    row = conn.execute(select(*EVENTS.c, ARTICLES.c.source, ARTICLES.c.published,
                              ARTICLES.c.title, ARTICLES.c.text.label("article_text"))
                       .join(ARTICLES, ARTICLES.c.id == EVENTS.c.article_id)
                       .where(EVENTS.c.id == event_id)).first()
    if row is None:
        raise NotFound("event", event_id)
    event = row._asdict()
    event["actors"] = actor_names(conn, [event_id]).get(event_id, [])
    event.update(type_mapping(event["type"]))
    event["actor_roles"] = [r._asdict() for r in conn.execute(
        select(ACTORS.c.id, ACTORS.c.name, ACTORS.c.kind, EVENT_ACTORS.c.role)
        .join(EVENT_ACTORS, EVENT_ACTORS.c.actor_id == ACTORS.c.id)
        .where(EVENT_ACTORS.c.event_id == event_id).order_by(EVENT_ACTORS.c.role, ACTORS.c.name))]
    ids = [a["id"] for a in event["actor_roles"]]
    aliases = conn.execute(select(ACTOR_ALIASES.c.actor_id, ACTOR_ALIASES.c.alias)
                           .where(ACTOR_ALIASES.c.actor_id.in_(ids))
                           .order_by(ACTOR_ALIASES.c.alias))
    by_actor: dict[int, list[str]] = {}
    for actor, alias in aliases:
        by_actor.setdefault(actor, []).append(alias)
    for actor in event["actor_roles"]:
        actor["aliases"] = by_actor.get(actor.pop("id"), [])
    event["mentions"] = [m._asdict() for m in conn.execute(
        select(EVENT_MENTIONS.c.sentence, EVENT_MENTIONS.c.start, EVENT_MENTIONS.c.end)
        .where(EVENT_MENTIONS.c.event_id == event_id).order_by(EVENT_MENTIONS.c.start))]
    from timeline.incidents import explain

    # Every report of the event's incident, with why it was joined (`timeline show`).
    event["incident_reports"] = explain(conn, event_id)
    event["edits"] = [e._asdict() for e in conn.execute(
        select(EVENT_EDITS.c.field, EVENT_EDITS.c.old_value, EVENT_EDITS.c.new_value,
               EVENT_EDITS.c.changed_at, EVENT_EDITS.c.note)
        .where(EVENT_EDITS.c.event_id == event_id).order_by(EVENT_EDITS.c.id))]
    return event


def article_detail(conn: Connection, article_id: int) -> dict:
    """An article with its text and its events (the export contract's keys), in text order."""
    found = conn.execute(select(*ARTICLES.c).where(ARTICLES.c.id == article_id)).first()
    if found is None:
        raise NotFound("article", article_id)
    article = found._asdict()
    flt = EventFilter(article_id=article_id)
    article["events"] = sorted(iter_events(conn, flt),
                               key=lambda e: (e["sentence_start"] or 0, e["id"]))
    return article
