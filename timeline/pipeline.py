"""Article -> events, and ingest: the one place where reading, extraction and storing are chained."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from timeline.errors import ReadError, TimelineError, database_problem
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
    """Read, extract and store every article named; each article is its own transaction.

    `on_article(source, outcome)` is told of each article as it is done ("added", "known",
    "failed: ..."), so a caller can show progress or report errors as they happen.
    `jobs` > 1 (None: every core) extracts in that many worker processes while this process
    reads and alone writes, committing in input order, so a run's outcome does not depend on it.
    Each stored article's events are placed in incidents in its own transaction.
    """
    summary = IngestSummary()
    _place_pending(engine)
    articles = read_all(inputs, options)  # one item per article or failure, streamed
    jobs, known = jobs or os.cpu_count() or 1, _known_check(engine)
    if jobs > 1:
        from timeline.workers import prepared_in_parallel

        prepared = prepared_in_parallel(articles, published, jobs,
                                        engine.url.render_as_string(hide_password=False), known)
    else:
        prepared = (prepare_source(item, published, known) for item in articles)
    actors = store.ActorCache()
    for item in prepared:
        outcome = store_prepared(engine, item, summary, actors)
        if on_article:
            on_article(item.name, outcome)
    return summary


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
    if item.error is not None:
        return _failed(summary, item.error)
    if item.known:
        summary.known += 1
        return "known"
    actors = actors if actors is not None else store.ActorCache()
    try:
        with engine.begin() as conn:
            article_id = store.insert_article(conn, item.article, item.sha, item.version)
            # The events are placed before they are stored, from their records: they are
            # written once, with their incidents, and nothing is read back.
            ids = store.reserve_event_ids(conn, len(item.events))
            placed = incidents.placements(conn, incidents.reports_of(article_id, ids,
                                                                     item.events))
            store.save_events(conn, article_id, item.events, item.version, actors=actors,
                              ids=ids, placed=placed)
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
        return _failed(summary, f"{item.name}: {database_problem(exc)}")
    summary.added += 1
    summary.events += len(item.events)
    return "added"


def _place_pending(engine: Engine) -> None:
    """Events stored without an incident (older databases, re-extraction, events an analyst
    added) get theirs before new articles are compared with them."""
    with engine.begin() as conn:
        incidents.attach_pending(conn)


def _failed(summary: IngestSummary, message: str) -> str:
    summary.failed += 1
    summary.errors.append(message)
    return "failed: " + message
