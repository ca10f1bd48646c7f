"""Query plans: a lost index fails here, not on a stopwatch (EXPLAIN QUERY PLAN on SQLite)."""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import sqlite

from timeline.db import open_database
from timeline.store import EventFilter, event_query


def plan(db_path, flt: EventFilter) -> str:
    engine = open_database(str(db_path))
    compiled = event_query(flt).compile(dialect=sqlite.dialect(),
                                       compile_kwargs={"render_postcompile": True})
    params = tuple(compiled.params[name] for name in compiled.positiontup)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params).all()
    return "\n".join(row[-1] for row in rows)


@pytest.mark.parametrize("flt,uses", [
    (EventFilter(actor="Daesh"), "ix_event_actors_actor_id"),
    (EventFilter(search="returning fighters"), "VIRTUAL TABLE INDEX"),
    (EventFilter(types=("attack",)), "ix_events_type"),
    (EventFilter(article_id=3), "ix_events_article_id"),
    (EventFilter(country="SY"), "ix_events_country"),
], ids=["actor-through-event-actors-index", "search-through-fts5", "type-index",
        "article-index", "country-index"])
def test_filters_use_their_index(db_path, flt, uses):
    assert uses in plan(db_path, flt)
