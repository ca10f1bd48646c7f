"""Article -> events, and ingest: the one place where reading, extraction and storing are chained."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from timeline.errors import ReadError, TimelineError
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
           on_article: Callable[[str, str], None] | None = None) -> IngestSummary:
    """Read, extract and store every article named; each article is its own transaction.

    `on_article(source, outcome)` is told of each article as it is done ("added", "known",
    "failed: ..."), so a caller can show progress or report errors as they happen.
    """
    summary = IngestSummary()
    _place_pending(engine)
    for item in read_all(inputs, options):
        outcome = _ingest_one(engine, item, published, summary)
        if on_article:
            on_article(item.source, outcome)
    return summary


def _ingest_one(engine: Engine, item: Article | ReadError, published: Interval | None,
                summary: IngestSummary) -> str:
    try:
        if isinstance(item, ReadError):
            raise item
        article = prepare(item, published)
        sha = fingerprint(article.text)
        with engine.begin() as conn:
            if store.article_id_by_sha(conn, sha) is not None:
                summary.known += 1
                return "known"
            events, version = extract_events(article)
            article_id = store.save_article(conn, article, sha, events, version)
            incidents.attach_article(conn, article_id)
    except TimelineError as exc:
        return _failed(summary, str(exc))
    except SQLAlchemyError as exc:
        return _failed(summary, f"{item.source}: database error: "
                                f"{str(exc).splitlines()[0]}")
    summary.added += 1
    summary.events += len(events)
    return "added"


def _place_pending(engine: Engine) -> None:
    """Events stored before incidents existed (or re-extracted) get theirs before new ones."""
    with engine.begin() as conn:
        incidents.attach_pending(conn)


def _failed(summary: IngestSummary, message: str) -> str:
    summary.failed += 1
    summary.errors.append(message)
    return "failed: " + message
