"""Article -> events, and ingest: the one place where reading, extraction and storing are chained."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from timeline.db import transaction_retried
from timeline.errors import (DatabaseError, Interrupted, ReadError, TimelineError,
                             database_problem, whole_database_failure)
from timeline.intervals import Interval
from timeline.readers import ReadOptions, read_all
from timeline.readers.decode import fingerprint
from timeline.records import Article, EventRecord, PublishedBasis
from timeline import incidents, store


@dataclass
class IngestSummary:
    added: int = 0
    known: int = 0  # already in the database: same normalised text
    failed: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.added} article{'s' * (self.added != 1)} added, {self.known} skipped as "
                f"already known, {self.failed} failed; {self.events} "
                f"event{'s' * (self.events != 1)} added")


def extract_events(article: Article) -> tuple[list[EventRecord], str]:
    """The extraction seam: article text and publication date in, event records out."""
    from timeline.extract import EXTRACTOR_VERSION, extract

    return extract(article), EXTRACTOR_VERSION


# Extraction time grows faster than the text: measured on this project's 2-core machine, 400,000
# characters of dense news took 35 s and 1,000,000 took 2 min 11 s. The longest real articles
# are under 200,000 characters; past this bound a text is a book or a dump, refused in words.
MAX_ARTICLE_CHARS = 500_000


def within_length(article: Article) -> Article:
    """The article, if its text is short enough to extract in bounded time (any reader)."""
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise ReadError(article.source, f"a text of {len(article.text):,} characters is longer "
                                        f"than the {MAX_ARTICLE_CHARS:,} an article may have")
    return article


def prepare(article: Article, published: Interval | None = None) -> Article:
    """Apply a user's --published, else infer a missing publication date from the text."""
    if published is not None:
        article.published, article.published_basis = published, PublishedBasis.METADATA
    elif article.published is None:
        from timeline.published import infer_publication

        article.published = infer_publication(article.text)
        if article.published is not None:
            article.published_basis = PublishedBasis.INFERRED
    return article


def ingest(engine: Engine, inputs: Iterable[str], *, published: Interval | None = None,
           options: ReadOptions = ReadOptions(),
           on_article: Callable[[str, str], None] | None = None,
           jobs: int | None = 1) -> IngestSummary:
    """Read, extract and store every article named, a batch of articles a transaction.

    `on_article(source, outcome)` is told of each article, in input order, once its batch is
    committed ("added", "known", "failed: ..."), so a caller can show progress or report
    errors as they happen. One bad article never costs the others (see `Writer`); a crash
    loses at most the batch not yet committed, which ingesting the same input again stores.
    `jobs` > 1 (None: every core) extracts in that many worker processes while this process
    reads and alone writes, committing in input order, so a run's outcome does not depend on it.
    Each stored article's events are placed in incidents as it is stored.
    """
    summary = IngestSummary()
    _place_pending(engine)
    articles = read_all(inputs, options)  # one item per article or failure, streamed
    writer = Writer(engine, summary, on_article)
    stored = _known_check(engine)
    known = lambda sha: sha in writer.shas or stored(sha)  # noqa: E731
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1:
        from timeline.workers import prepared_in_parallel

        prepared = prepared_in_parallel(articles, published, jobs,
                                        engine.url.render_as_string(hide_password=False), known)
    else:
        prepared = (prepare_source(item, published, known) for item in articles)
    try:
        for item in prepared:
            writer.add(item)
    except KeyboardInterrupt:
        # Ctrl-C: the articles already extracted are stored, as a finished batch would be;
        # those not yet read are left for the same command run again (it skips what is known).
        writer.flush()
        raise Interrupted(summary) from None
    writer.flush()
    return summary


# A commit costs more than storing an article (SQLite writes the WAL and FTS5 its index
# segment at each one; PostgreSQL a round trip and a WAL flush), so articles are stored
# this many to a transaction, or what came within BATCH_SECONDS, whichever is fewer:
# a crash loses at most that much work.
BATCH = 32
BATCH_SECONDS = 1.0


class Writer:
    """Stores prepared articles a batch a transaction, telling `on_article` of each in order.

    The batch is gathered in memory and written at once, so the transaction (and SQLite's
    write lock) lasts for the writing only, never for reading or extracting. When anything in
    it fails (a duplicate another process stored meanwhile, a constraint, a lock that would
    not come), the batch is rolled back and each of its articles stored again in a
    transaction of its own, so the one bad article alone fails and the others land.
    On PostgreSQL the batch holds what placing locks (`incidents.placements`) until it
    commits: two writers whose batches wait for each other are a deadlock PostgreSQL ends by
    failing one transaction, and that batch is then stored an article at a time. An article
    alone can still meet a batch in the other order (its row, then an actor the batch holds),
    so a transaction that lost such a race is run again (`db.transaction_retried`).
    """

    def __init__(self, engine: Engine, summary: IngestSummary,
                 on_article: Callable[[str, str], None] | None = None) -> None:
        self.engine, self.summary, self.on_article = engine, summary, on_article
        self.actors = store.ActorCache()
        self.pending: list[Prepared] = []
        self.shas: set[str] = set()  # of the articles waiting: a second copy is known
        self.since = 0.0

    def add(self, item: Prepared) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append(item)
        if item.article is not None and item.error is None:
            self.shas.add(item.sha)
        if len(self.pending) >= BATCH or time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        items = self.pending
        if not items:
            return
        outcomes = self._in_one_transaction(items)
        if outcomes is None:
            outcomes = [store_prepared(self.engine, item, self.summary, self.actors)
                        for item in items]
        self.pending, self.shas = [], set()
        if self.on_article:
            for item, outcome in zip(items, outcomes):
                self.on_article(item.name, outcome)

    def _in_one_transaction(self, items: list[Prepared]) -> list[str] | None:
        """Every article of `items` stored in one transaction: their outcomes; or None, with
        nothing stored, when the transaction failed."""
        storing = [item for item in items if item.error is None and not item.known]
        if storing:
            try:
                with self.engine.begin() as conn:
                    for item in storing:
                        _store(conn, item, self.actors)
            except SQLAlchemyError:
                self.actors.rollback()
                self.actors.ids.clear()  # the cache may be what failed (an actor deleted)
                return None
            self.actors.commit()
        return [_outcome(self.summary, item) for item in items]


def _outcome(summary: IngestSummary, item: Prepared) -> str:
    """Count an article whose batch was committed; its outcome."""
    if item.error is not None:
        return _failed(summary, item.error)
    if item.known:
        summary.known += 1
        return "known"
    summary.added += 1
    summary.events += len(item.events)
    return "added"


@dataclass
class Prepared:
    """One article extracted, ready for the writer; or the reason it failed."""

    name: str
    article: Article | None = None
    sha: str | None = None
    events: list[EventRecord] = field(default_factory=list)
    version: str = ""
    error: str | None = None
    known: bool = False


def prepare_source(item: Article | ReadError, published: Interval | None,
                   check: Callable[[str], bool] | None = None) -> Prepared:
    """Fingerprint and extract one article read (no database writes: safe in a worker).

    `check(sha)` says whether the article is already stored, to skip extracting it again.
    """
    if isinstance(item, ReadError):
        return Prepared(item.source, error=str(item))
    name = item.source
    try:
        article = prepare(within_length(item), published)
        sha = fingerprint(article.text)
        if check is not None and check(sha):
            return Prepared(name, sha=sha, known=True)
        events, version = extract_events(article)
    except TimelineError as exc:
        return Prepared(name, error=str(exc))
    except Exception as exc:  # a bug on one odd article must not stop the run or lose the others
        return Prepared(name, error=f"{name}: internal error ("
                        f"{exc.__class__.__name__}: {_first_line(exc)}); please report it "
                        "with this file")
    return Prepared(name, article, sha, events, version)


def _first_line(exc: Exception) -> str:
    return (str(getattr(exc, "orig", None) or exc).splitlines() or [""])[0]


def _known_check(engine: Engine) -> Callable[[str], bool]:
    def known(sha: str) -> bool:
        with engine.connect() as conn:
            return store.article_id_by_sha(conn, sha) is not None

    return known


def store_prepared(engine: Engine, item: Prepared, summary: IngestSummary,
                   actors: store.ActorCache | None = None) -> str:
    """Store one prepared article in its own transaction; a duplicate is "known", not an error."""
    if item.error is not None or item.known:
        return _outcome(summary, item)
    actors = actors if actors is not None else store.ActorCache()
    try:
        transaction_retried(engine, lambda conn: _store(conn, item, actors),
                            undo=actors.rollback)
        actors.commit()
    except IntegrityError as exc:
        # The cache may be what failed (an actor deleted meanwhile): start it afresh.
        actors.rollback()
        actors.ids.clear()
        # Another process stored the same text between our check and our insert (the
        # articles.sha256 unique constraint caught it): that is "known", anything else fails.
        if _known_check(engine)(item.sha):
            summary.known += 1
            return "known"
        return _failed(summary, f"{item.name}: {database_problem(exc)}")
    except SQLAlchemyError as exc:
        actors.rollback()
        if whole_database_failure(exc):  # stop: the articles stored so far stay stored
            from timeline.db import describe

            shown = describe(engine.url.render_as_string(hide_password=False))
            raise DatabaseError(f"cannot write to database {shown} ({_first_line(exc)}); "
                                f"stopped at {item.name}; {summary.line()}") from None
        return _failed(summary, f"{item.name}: {database_problem(exc)}")
    return _outcome(summary, item)


def _store(conn: Connection, item: Prepared, actors: store.ActorCache) -> None:
    """Write one article, its events and their incidents; the caller owns the transaction."""
    article_id = store.insert_article(conn, item.article, item.sha, item.version)
    # The events are placed before they are stored, from their records: they are
    # written once, with their incidents, and nothing is read back.
    ids = store.reserve_event_ids(conn, len(item.events))
    placed = incidents.placements(conn, incidents.reports_of(article_id, ids, item.events))
    store.save_events(conn, article_id, item.events, item.version, actors=actors,
                      ids=ids, placed=placed)


def _place_pending(engine: Engine) -> None:
    """Events stored without an incident (older databases, re-extraction, events an analyst
    added) get theirs before new articles are compared with them."""
    transaction_retried(engine, incidents.attach_pending)


def _failed(summary: IngestSummary, message: str) -> str:
    summary.failed += 1
    summary.errors.append(message)
    return "failed: " + message
