"""Full-text search over event sentences and article titles: SQLite FTS5, PostgreSQL text search.

On SQLite the `events_fts` table (migration 0003) is contentless: it holds only the index, one
row per event (rowid = events.id) with its sentence and its article's title, kept in step by
triggers. On PostgreSQL a GIN index on to_tsvector('english', sentence) serves the same query.
"""

from __future__ import annotations

import re

from sqlalchemy import column, func, literal_column, or_, select, table

from timeline.tables import ARTICLES, EVENTS

FTS_TABLE = "events_fts"
_fts = table(FTS_TABLE, column("rowid"), column(FTS_TABLE))
BM25_WEIGHTS = (2.0, 1.0)  # sentence, title: a word in the sentence weighs more
# Written into the SQL, not bound: PostgreSQL uses the GIN index only for the very expression
# it indexes, to_tsvector('english', sentence), and a parameter in its place is not that.
ENGLISH = literal_column("'english'")


def words(text: str) -> list[str]:
    """The words of a search, punctuation dropped: FTS5's own syntax is not offered to users,
    so quotes, hyphens or a stray AND never make a query fail."""
    return re.findall(r"\w+", text)


def fts5_query(text: str) -> str:
    """Every word quoted, all required: 'Daesh negotiations' -> '"Daesh" "negotiations"'."""
    found = words(text)
    if not found:
        raise ValueError(f"nothing to search for in {text!r}")
    return " ".join(f'"{w}"' for w in found)


def _tsquery(text: str):
    return func.plainto_tsquery(ENGLISH, " ".join(words(text)))


def hits(text: str):
    """SQLite: the ids (`rowid`) of the events whose sentence or title holds every word."""
    return select(_fts.c.rowid).where(_fts.c[FTS_TABLE].op("MATCH")(fts5_query(text)))


def matches(text: str, dialect: str, *, key=None):
    """A condition on Event: its sentence or its article's title holds every word of `text`.

    `key` (SQLite): what stands for the event's id in the condition; see `store.event_key`.
    """
    if dialect == "postgresql":
        query = _tsquery(text)
        in_titles = select(ARTICLES.c.id).where(
            func.to_tsvector(ENGLISH, func.coalesce(ARTICLES.c.title, "")).op("@@")(query))
        return or_(func.to_tsvector(ENGLISH, EVENTS.c.sentence).op("@@")(query),
                   EVENTS.c.article_id.in_(in_titles))
    return (EVENTS.c.id if key is None else key).in_(hits(text))


def rank(text: str, dialect: str):
    """An ORDER BY term putting the best match first (bm25 on SQLite, ts_rank on PostgreSQL)."""
    if dialect == "postgresql":
        return func.ts_rank(func.to_tsvector(ENGLISH, EVENTS.c.sentence), _tsquery(text)).desc()
    # bm25 is smaller for better matches; sentence hits weigh more than title hits.
    return (select(func.bm25(_fts.c[FTS_TABLE], *BM25_WEIGHTS))
            .where(_fts.c[FTS_TABLE].op("MATCH")(fts5_query(text)), _fts.c.rowid == EVENTS.c.id)
            .scalar_subquery())


def ranked_hits(text: str):
    """SQLite: the matching events' ids (`rowid`) with their bm25 `rank` (smaller is better;
    sentence hits weigh more than title hits), as a subquery to join once."""
    return _ranked(text).subquery("fts_hits")


def best_first(text: str, limit: int | None):
    """SQLite: the `limit` best matches as (rowid, rank), best first (equal ranks in no set
    order). SQLite keeps only the best `limit` while FTS5 ranks every match, where FTS5's
    own ORDER BY rank sorted them all (a third slower for 40,321 matches)."""
    ranked = _ranked(text)
    return ranked.order_by(ranked.selected_columns.rank).limit(limit)


def _ranked(text: str):
    return (select(_fts.c.rowid.label("rowid"),
                   func.bm25(_fts.c[FTS_TABLE], *BM25_WEIGHTS).label("rank"))
            .where(_fts.c[FTS_TABLE].op("MATCH")(fts5_query(text))))
