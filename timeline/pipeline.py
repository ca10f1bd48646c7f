"""Article -> events, and ingest: the one place where reading, extraction and storing are chained."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from timeline.errors import ReadError, TimelineError, database_problem
from timeline.intervals import Interval
from timeline.readers import Source, find_sources, read_article
from timeline.readers.decode import fingerprint
from timeline.records import Article, EventRecord, PublishedBasis
from timeline import store


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
           on_article: Callable[[str, str], None] | None = None) -> IngestSummary:
    """Read, extract and store every article named; each article is its own transaction.

    `on_article(source, outcome)` is told of each source as it is done ("added", "known",
    "failed: ..."), so a caller can show progress or report errors as they happen.
    """
    summary = IngestSummary()
    for source in find_sources(inputs):
        outcome = _ingest_one(engine, source, published, summary)
        if on_article:
            on_article(getattr(source, "name", None) or str(getattr(source, "source", "")), outcome)
    return summary


def _ingest_one(engine: Engine, source: Source | ReadError, published: Interval | None,
                summary: IngestSummary) -> str:
    name = getattr(source, "name", None) or str(getattr(source, "source", source))
    try:
        if isinstance(source, ReadError):
            raise source
        article = prepare(read_article(source), published)
        sha = fingerprint(article.text)
        with engine.connect() as conn:
            if store.article_id_by_sha(conn, sha) is not None:
                return _known(summary)
        # Extraction runs outside any transaction: a write lock (or a read snapshot that a
        # later write would have to upgrade) must not be held while the extractors think.
        events, version = extract_events(article)
        with engine.begin() as conn:
            store.save_article(conn, article, sha, events, version)
    except TimelineError as exc:
        return _failed(summary, str(exc))
    except IntegrityError as exc:
        if _is_duplicate_article(exc):  # another process stored the same text meanwhile
            return _known(summary)
        return _failed(summary, f"{name}: {database_problem(exc)}")
    except SQLAlchemyError as exc:
        return _failed(summary, f"{name}: {database_problem(exc)}")
    except Exception as exc:  # a bug on one odd article must not stop the run or lose the others
        return _failed(summary, f"{name}: internal error ({exc.__class__.__name__}: "
                                f"{_first_line(exc)}); please report it with this file")
    summary.added += 1
    summary.events += len(events)
    return "added"


def _is_duplicate_article(exc: IntegrityError) -> bool:
    message = str(exc.orig)
    return "articles.sha256" in message or "articles_sha256" in message


def _first_line(exc: Exception) -> str:
    return (str(getattr(exc, "orig", None) or exc).splitlines() or [""])[0]


def _known(summary: IngestSummary) -> str:
    summary.known += 1
    return "known"


def _failed(summary: IngestSummary, message: str) -> str:
    summary.failed += 1
    summary.errors.append(message)
    return "failed: " + message
