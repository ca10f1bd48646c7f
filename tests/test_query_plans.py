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
    (EventFilter(actor="Daesh"), "COVERING INDEX ix_event_actors_actor_event"),
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


def plan_of(db_path, query) -> str:
    return plan(db_path, EventFilter(), query)


@pytest.mark.parametrize("flt,index", [
    (EventFilter(since=date(2020, 1, 1), limit=50), "ix_events_timeline_order"),
    (EventFilter(types=("attack",), since=date(2020, 1, 1), until=date(2020, 12, 31), limit=50),
     "ix_events_type_dates"),
], ids=["since", "type-since-until"])
def test_since_starts_the_scan_at_the_widest_span_before_it(db_path, flt, index):
    """`--since` tests coalesce(date_end, date_start), in no index's order: without the bound
    read from ix_events_span, the scan starts at the first event of the timeline."""
    found = plan_of(db_path, timeline_parts(flt)[0].limit(50))
    assert "SEARCH events USING INDEX ix_events_span" in found  # the widest span, one step
    assert f"SEARCH events USING INDEX {index} (" in found, found  # a range of it, in order
    assert "USE TEMP B-TREE FOR ORDER BY" not in found


@pytest.mark.parametrize("flt", [EventFilter(search="attack", limit=50),
                                 EventFilter(actor="Daesh", limit=50)], ids=["search", "actor"])
def test_many_matching_events_walk_the_timeline_instead_of_being_sorted(db_path, flt):
    walked = plan_of(db_path, timeline_parts(flt, walk=True)[0].limit(50))
    assert "ix_events_timeline_order" in walked, walked
    assert "USE TEMP B-TREE FOR ORDER BY" not in walked, walked  # no sort of every match


def test_best_match_first_matches_once_and_sorts_only_ids(db_path):
    found = plan_of(db_path, event_query(EventFilter(search="attack", by_rank=True, limit=50)))
    assert found.count("VIRTUAL TABLE INDEX") == 1, found  # no second MATCH as a filter
    assert "MATERIALIZE page" in found, found  # the page cut from (id, rank) before the rows


def test_stats_of_the_whole_timeline_read_indexes_only(seeded, db_path):
    """Every statement of `stats` with no filter reads an index (a covering one where it
    counts), never a table from end to end."""
    from sqlalchemy import event

    from timeline.stats import stats_of_the_whole_timeline

    engine = open_database(str(db_path))
    statements = []
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cur, sql, params, *_: statements.append((sql, params)))
    with engine.connect() as conn:
        stats_of_the_whole_timeline(conn)
        plans = {sql: "\n".join(r[-1] for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + sql, params).all()) for sql, params in list(statements)}
    everything = "\n".join(plans.values())
    for index in ("ix_events_status", "COVERING INDEX ix_events_type_dates",
                  "COVERING INDEX ix_events_country", "COVERING INDEX ix_events_timeline_order",
                  "COVERING INDEX ix_event_actors_actor_event",
                  "COVERING INDEX ix_articles_published_precision"):
        assert index in everything, everything
    for sql, found in plans.items():
        for table in ("events", "event_actors", "articles"):
            assert f"SCAN {table}\n" not in found + "\n", (sql, found)


@pytest.mark.parametrize("flt", [EventFilter(search="attack", by_rank=True, limit=50),
                                 EventFilter(search="attack", by_rank=True, limit=50,
                                             country="SY", since=date(2020, 1, 1))],
                         ids=["search-only", "with-country-and-since"])
def test_a_page_of_best_matches_looks_its_candidates_up_by_id(db_path, flt):
    """The candidates FTS5 ranked best are checked against the filter, then read, by id from a
    JSON list (store._listed_ids): never by a scan of an index the filter's conditions name."""
    from timeline.store import EVENT_COLUMNS, _listed_events, _passing_statement

    for query in (_passing_statement(flt), _listed_events(EVENT_COLUMNS)):
        found = plan_of(db_path, query.params(ids="[1, 2]"))
        # a seek a listed id: by the primary key, or by an index on (condition, rowid)
        assert "SEARCH events USING" in found and "rowid=?)" in found, found
        assert "SCAN events" not in found, found
