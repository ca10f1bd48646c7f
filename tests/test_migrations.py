"""Every migration upgrades and downgrades on a database holding data, and the data survives.

The revisions are walked with Alembic's ScriptDirectory, so a migration added later is covered
without touching this file. The data: the seeds, curated (confirmed, rejected, edited, added),
an incident joining two events, aliases and the audit trail, so every table holds rows.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.db import alembic_config, open_database, run_alembic
from tests.conftest import SEEDS

SEARCH_WORDS = ["said", "attack", "security", "terrorist", "police"]


def revisions() -> list[tuple[str, str]]:
    """(revision, the one before it or 'base'), from the first migration to the head."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return [(s.revision, s.down_revision or "base") for s in reversed(list(script.walk_revisions()))]


@pytest.fixture(scope="module")
def full_database(tmp_path_factory) -> Path:
    """A database at head with a row in every table, checkpointed so one file holds it all."""
    db = tmp_path_factory.mktemp("migrations") / "full.db"
    run = lambda *args: CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert run("ingest", str(SEEDS)).exit_code == 0
    conn = sqlite3.connect(db)
    first, second, third = [i for (i,) in conn.execute("SELECT id FROM events ORDER BY id LIMIT 3")]
    assert run("confirm", str(first)).exit_code == 0
    assert run("reject", str(second), "--note", "not an event").exit_code == 0
    assert run("edit", str(third), "--date", "2017-10-04", "--actor", "FSB").exit_code == 0
    with conn:
        incident = conn.execute("INSERT INTO incidents (created_at) VALUES "
                                "('2024-01-01 00:00:00')").lastrowid
        conn.execute("UPDATE events SET incident_id = ? WHERE id IN (?, ?)",
                     (incident, first, third))
        # as the product leaves it: no incident without a report (migration 0006)
        conn.execute("DELETE FROM incidents WHERE id NOT IN "
                     "(SELECT incident_id FROM events WHERE incident_id IS NOT NULL)")
        if not conn.execute("SELECT count(*) FROM actor_aliases").fetchone()[0]:
            actor = conn.execute("SELECT id FROM actors LIMIT 1").fetchone()[0]
            conn.execute("INSERT INTO actor_aliases (actor_id, alias) VALUES (?, 'An alias')",
                         (actor,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for table in tables(conn):
        assert conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0], f"{table} is empty"
    conn.close()
    return db


def tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables holding data (not Alembic's bookkeeping, not full-text index shadows)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
    return sorted(name for name, _ in rows if name != "alembic_version" and not name.startswith(
        "sqlite_") and not any(name.startswith(v) for v in virtual))


def snapshot(db: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table's columns and rows, every view's row count, every full-text table's hits."""
    conn = sqlite3.connect(db)
    out = {}
    for table in tables(conn):
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        out[table] = (columns, sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(),
                                      key=repr))
    for (view,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'"):
        out[f"view {view}"] = (["count"], conn.execute(f'SELECT count(*) FROM "{view}"').fetchall())
    for (fts,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                               "sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"):
        hits = [conn.execute(f'SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH ? ORDER BY rowid',
                             (w,)).fetchall() for w in SEARCH_WORDS]
        out[f"fts {fts}"] = (SEARCH_WORDS, hits)
    conn.close()
    return out


def common(before: dict, after: dict) -> dict:
    """`before` cut to the tables and columns that `after` has too."""
    out = {}
    for name, (columns, rows) in before.items():
        if name in after and not name.startswith(("fts ", "view ")):
            keep = [i for i, c in enumerate(columns) if c in after[name][0]]
            out[name] = ([columns[i] for i in keep],
                         sorted((tuple(r[i] for i in keep) for r in rows), key=repr))
        elif name in after:  # a view's count, a full-text table's hits: no columns to cut
            out[name] = (columns, rows)
    return out


@pytest.mark.parametrize("revision,previous", revisions(), ids=lambda r: str(r))
def test_each_migration_round_trips_with_its_data(full_database, tmp_path, revision, previous):
    db = tmp_path / "step.db"
    shutil.copy(full_database, db)
    engine = open_database(str(db), migrate=False)
    run_alembic(engine, "downgrade", revision)
    at_revision = snapshot(db)
    run_alembic(engine, "downgrade", previous)
    below = snapshot(db)
    assert below == common(at_revision, below), f"downgrading {revision} lost data"
    run_alembic(engine, "upgrade", revision)
    again = snapshot(db)
    assert common(again, below) == common(at_revision, below), f"{revision} round trip lost data"
    assert set(again) == set(at_revision), "the upgrade did not make the same tables again"
    engine.dispose()


def test_the_walk_covers_every_migration_file():
    files = sorted(p.stem.split("_")[0] for p in
                   (Path(__file__).parent.parent / "migrations" / "versions").glob("[0-9]*.py"))
    assert [r for r, _ in revisions()] == files


def test_a_database_from_a_newer_version_is_refused_by_every_command(full_database, tmp_path):
    db = tmp_path / "future.db"
    shutil.copy(full_database, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = db.read_bytes()
    message = (f"Error: database {db} has schema revision 9999_from_the_future, made by a newer "
               "version of timeline; upgrade timeline to use it\n")
    for args in (["list"], ["ingest", str(SEEDS)], ["export"], ["db", "upgrade"],
                 ["db", "downgrade"], ["count"]):
        result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
        assert (result.exit_code, result.output) == (1, message), args
    assert db.read_bytes() == before, "a newer database was written to"


def test_0006_takes_rejected_reports_out_of_incidents_and_drops_empty_ones(full_database,
                                                                            tmp_path):
    """A database curated before rejected reports left their incidents: after the upgrade no
    rejected event sits in an incident and no incident is left without a report."""
    db = tmp_path / "curated-before.db"
    shutil.copy(full_database, db)
    engine = open_database(str(db), migrate=False)
    run_alembic(engine, "downgrade", "0005")
    with sqlite3.connect(db) as conn:
        rejected = conn.execute("SELECT id FROM events WHERE status = 'rejected'").fetchone()[0]
        kept = conn.execute("SELECT id FROM events WHERE status <> 'rejected' "
                            "ORDER BY id LIMIT 1").fetchone()[0]
        new = lambda: conn.execute("INSERT INTO incidents (created_at) VALUES "
                                   "('2024-01-01 00:00:00')").lastrowid
        shared, only_rejected, empty = new(), new(), new()
        conn.execute("UPDATE events SET incident_id = ? WHERE id = ?", (shared, kept))
        conn.execute("UPDATE events SET incident_id = ? WHERE id = ?", (only_rejected, rejected))
    run_alembic(engine, "upgrade", "0006")
    engine.dispose()
    with sqlite3.connect(db) as conn:
        incidents = {i for (i,) in conn.execute("SELECT id FROM incidents")}
        assert conn.execute("SELECT incident_id FROM events WHERE id = ?",
                            (rejected,)).fetchone() == (None,)
        assert conn.execute("SELECT incident_id FROM events WHERE id = ?",
                            (kept,)).fetchone() == (shared,)
    assert shared in incidents and not {only_rejected, empty} & incidents
