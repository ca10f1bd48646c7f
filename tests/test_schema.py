"""The schema: models and migrations agree, migrations round-trip, the SQL view answers."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from timeline.db import include_name, current_revision, head_revision, open_database, run_alembic
from timeline.errors import DatabaseError
from timeline.tables import METADATA


def test_autogenerate_finds_no_difference_between_models_and_migrations(db_path):
    engine = open_database(str(db_path))
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, METADATA)
    assert diff == []


def test_new_database_is_created_at_head_with_every_table(db_path):
    engine = open_database(str(db_path))
    assert current_revision(engine) == head_revision(str(engine.url))
    tables = set(inspect(engine).get_table_names())
    assert {"articles", "events", "event_mentions", "actors", "actor_aliases",
            "event_actors"} <= tables
    assert "timeline" in inspect(engine).get_view_names()


def test_indexes_cover_what_the_cli_filters_on(db_path):
    engine = open_database(str(db_path))
    indexed = {tuple(ix["column_names"])[0] for ix in inspect(engine).get_indexes("events")}
    assert {"type", "date_start", "country", "article_id"} <= indexed


def test_upgrade_downgrade_upgrade_round_trip_on_a_file(db_path):
    engine = open_database(str(db_path))
    run_alembic(engine, "downgrade", "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    run_alembic(engine, "upgrade", "head")
    assert current_revision(engine) == head_revision(str(engine.url))
    assert "events" in inspect(engine).get_table_names()


def test_timeline_view_joins_source_published_and_actors(seeded, db_path):
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT source, published, type, sentence FROM timeline").fetchall()
    assert rows, "the view shows the stored events"
    assert all(source.endswith(".txt") for source, *_ in rows)


def test_database_from_a_newer_version_is_refused(db_path):
    open_database(str(db_path))
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.commit()
    with pytest.raises(DatabaseError, match="newer version of timeline"):
        open_database(str(db_path))


def test_a_foreign_sqlite_file_is_not_migrated_over(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    with pytest.raises(DatabaseError, match="not a timeline database"):
        open_database(str(db_path))


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db_path):
    engine = open_database(str(db_path))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_data_survives_a_downgrade_and_upgrade_of_every_step(seeded, db_path):
    engine = open_database(str(db_path))
    with engine.connect() as conn:
        before = conn.execute(text("SELECT id, type, date_start, sentence FROM events "
                                   "ORDER BY id")).all()
    assert before
    run_alembic(engine, "downgrade", "0001")
    run_alembic(engine, "upgrade", "head")
    with engine.connect() as conn:
        after = conn.execute(text("SELECT id, type, date_start, sentence FROM events "
                                  "ORDER BY id")).all()
        viewed = conn.execute(text("SELECT count(*) FROM timeline")).scalar()
    assert after == before
    assert viewed == len(before)
