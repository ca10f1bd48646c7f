"""Query plans: a lost index fails here, not on a stopwatch (EXPLAIN QUERY PLAN on SQLite)."""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import sqlite

from timeline.db import open_database
from datetime import date

from timeline.store import Cursor, EventFilter, event_query, timeline_parts


def plan(db_path, flt: EventFilter, query=None) -> str:
    engine = open_database(str(db_path))
    query = event_query(flt) if query is None else query
    compiled = query.compile(dialect=sqlite.dialect(),
                                       compile_kwargs={"render_postcompile": True})
    params = tuple(compiled.params[name] for name in compiled.positiontup)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params).all()
    return "\n".join(row[-1] for row in rows)


@pytest.mark.parametrize("flt,uses", [
    (EventFilter(actor="Daesh"), "ix_event_actors_actor_id"),
    (EventFilter(search="returning fighters"), "VIRTUAL TABLE INDEX"),
    (EventFilter(types=("attack",)), "ix_events_type_dates"),
    (EventFilter(article_id=3), "ix_events_article_id"),
    (EventFilter(country="SY"), "ix_events_country"),
], ids=["actor-through-event-actors-index", "search-through-fts5", "type-index",
        "article-index", "country-index"])
def test_filters_use_their_index(db_path, flt, uses):
    assert uses in plan(db_path, flt)


@pytest.mark.parametrize("flt", [
    EventFilter(limit=50),
    EventFilter(limit=50, reverse=True),
    EventFilter(limit=50, after=Cursor(date(2020, 1, 1), 123)),
], ids=["first-page", "latest-first", "keyset-page"])
def test_the_timeline_walks_its_index_instead_of_sorting(db_path, flt):
    dated = timeline_parts(flt)[0]
    found = plan(db_path, flt, dated.limit(flt.limit))
    assert "ix_events_timeline_order" in found
    assert "TEMP B-TREE" not in found, found


def test_postgresql_search_is_the_expression_its_gin_index_holds():
    from sqlalchemy.dialects import postgresql

    sql = str(event_query(EventFilter(search="Daesh negotiations"), "postgresql").compile(
        dialect=postgresql.dialect()))
    # migration 0003: CREATE INDEX ... USING gin (to_tsvector('english', sentence))
    assert "to_tsvector('english', events.sentence) @@ plainto_tsquery('english', " in sql
