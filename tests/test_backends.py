"""The same behaviour on SQLite and PostgreSQL: the schema and its migrations, ingest and the
export contract, filters, keyset pages, stats, and several ingest processes at once.

Each test runs on a SQLite file, and on a database of its own on the PostgreSQL server named by
$TIMELINE_TEST_PG_URL when that is set (`.ci/run` starts one); the PostgreSQL cases compare
what a user reads with what the same commands give on SQLite.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text

from benchmarks.corpus import article
from tests.conftest import ROOT, SEEDS, add_tricky_cells, add_tricky_text, jsonl
from timeline.cli import main
from timeline.db import current_revision, head_revision, include_name, open_database, run_alembic
from timeline.tables import METADATA


def sqlite_results(tmp_path: Path, *commands: tuple[str, ...]) -> list:
    """What the same commands give on a SQLite file (click Results): the reference for the
    other backend."""
    db = str(tmp_path / "reference.db")
    return [CliRunner().invoke(main, ["--db", db, *args], catch_exceptions=False)
            for args in commands]


def sqlite_says(tmp_path: Path, *commands: tuple[str, ...]) -> list[str]:
    """What the same commands print on a SQLite file."""
    return [result.stdout for result in sqlite_results(tmp_path, *commands)]


def sqlite_bytes(tmp_path: Path, *commands: tuple[str, ...]) -> list[bytes]:
    """`sqlite_says` as bytes: a CSV's CRLF and a cell's lone CR left as they are."""
    return [result.stdout_bytes for result in sqlite_results(tmp_path, *commands)]


def test_migrations_build_the_models_schema_and_round_trip(db_url):
    engine = open_database(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        assert compare_metadata(context, METADATA) == []
    assert "timeline" in inspect(engine).get_view_names()
    run_alembic(engine, "downgrade", "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    run_alembic(engine, "upgrade", "head")
    assert current_revision(engine) == head_revision(db_url)
    engine.dispose()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_the_seeds_export_the_same_on_every_backend(url_cli, tmp_path, fmt):
    ingest = url_cli("ingest", "--jobs", "1", str(SEEDS))
    assert ingest.exit_code == 0, ingest.output
    [reference_ingest, reference] = sqlite_says(
        tmp_path, ("ingest", "--jobs", "1", str(SEEDS)), ("export", "--format", fmt))
    assert ingest.stdout == reference_ingest
    exported = url_cli("export", "--format", fmt).stdout
    assert exported.count("\n") > 2, "the seeds give events"
    assert exported == reference


def test_csv_cells_are_the_same_on_every_backend(db_url, url_cli, tmp_path):
    """The CSV's cells are made in SQL (store.export_cells): actors joined in order, reports
    counted, the taxonomy mapped, formulas made inert, the same on each backend."""
    assert url_cli("ingest", "--jobs", "1", str(SEEDS)).exit_code == 0
    ids = add_tricky_cells(db_url)
    add_tricky_text(db_url)
    reference_db = tmp_path / "reference.db"
    sqlite_says(tmp_path, ("ingest", "--jobs", "1", str(SEEDS)))
    assert add_tricky_cells(f"sqlite:///{reference_db}") == ids
    add_tricky_text(f"sqlite:///{reference_db}")
    [reference, reference_raw] = sqlite_bytes(tmp_path, ("export",), ("export", "--raw"))
    exported = url_cli("export").stdout_bytes
    assert b"'=cmd()" in exported and b'"He said ""stop"", then left."' in exported
    assert exported == reference
    assert url_cli("export", "--raw").stdout_bytes == reference_raw


@pytest.mark.parametrize("args", [
    ("--type", "statement"),
    ("--since", "2017-10-01", "--until", "2017-10-31"),
    ("--actor", "FSB"),
    ("--search", "Krasnodar"),
    ("--country", "RU"),
    ("--reverse", "--limit", "5"),
    ("--after", "2017-10-04:7", "--limit", "4"),
], ids=["type", "date-range", "actor-alias", "full-text", "country", "reverse-page",
        "keyset-page"])
def test_filters_and_pages_give_the_same_events_on_every_backend(url_cli, tmp_path, args):
    assert url_cli("ingest", "--jobs", "1", str(SEEDS)).exit_code == 0
    listed = url_cli("list", "--format", "jsonl", *args)
    assert listed.exit_code == 0, listed.output
    [_, reference] = sqlite_says(tmp_path, ("ingest", "--jobs", "1", str(SEEDS)),
                                 ("list", "--format", "jsonl", *args))
    assert listed.stdout == reference


def test_stats_count_the_same_on_every_backend(url_cli, tmp_path):
    assert url_cli("ingest", "--jobs", "1", str(SEEDS)).exit_code == 0
    [_, reference] = sqlite_says(tmp_path, ("ingest", "--jobs", "1", str(SEEDS)),
                                 ("stats", "--json"))
    assert url_cli("stats", "--json").stdout == reference


EVERYTHING = [(), ("--min-confidence", "0"), ("--status", "auto", "--status", "confirmed",
                                               "--status", "edited")]


@pytest.mark.parametrize("args", EVERYTHING[1:], ids=["min-confidence-0", "every-status-shown"])
def test_a_filter_that_keeps_every_event_gives_the_figures_of_no_filter(url_cli, db_url, tmp_path,
                                                                        args):
    """Articles count when they tell an event counted: not one without events, nor one whose
    every event is rejected, whichever path (index-only or general) the stats take."""
    from timeline.stats import filtered_stats
    from timeline.store import EventFilter

    quiet = tmp_path / "quiet.txt"
    quiet.write_text("Quiet day\n\n12 March 2019\n\nThe weather was mild and the markets calm.\n",
                     encoding="utf-8")
    assert url_cli("ingest", "--jobs", "1", str(SEEDS), str(quiet)).exit_code == 0
    engine = open_database(db_url)
    with engine.connect() as conn:
        articles = conn.execute(text("SELECT count(*) FROM articles")).scalar()
        events = conn.execute(text("SELECT min(article_id) FROM events")).scalar()
        doomed = conn.execute(text(f"SELECT id FROM events WHERE article_id = {events}")).scalars()
        doomed = list(doomed)
    for event_id in doomed:
        assert url_cli("reject", str(event_id)).exit_code == 0
    with engine.connect() as conn:
        telling = conn.execute(text("SELECT count(DISTINCT article_id) FROM events "
                                    "WHERE status <> 'rejected'")).scalar()
        general = filtered_stats(conn, EventFilter())
    engine.dispose()
    assert telling < articles - 1, "an article without events and one all rejected"
    plain = json.loads(url_cli("stats", "--json").stdout)
    assert json.loads(url_cli("stats", "--json", *args).stdout) == plain
    assert general == plain
    assert sum(n for _, n in plain["articles_by_month"]) == telling
    shown = url_cli("stats").stdout
    assert "Articles by publication month (of events counted)" in shown


WRITERS = 3
ARTICLES = 12
PARAGRAPHS = 5  # headline, date line and three paragraphs: short articles keep the test quick


def test_several_ingest_processes_at_once_lose_nothing_and_double_nothing(db_url, tmp_path):
    """Three processes ingest the same twelve articles at once, each in its own order: every
    article is stored once (the others count it as known), with all of its events.

    About 5 s of CPU (four Python processes start and extract): the one slow test here."""
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = []
    for i in range(ARTICLES):
        paths.append(folder / f"{i:03d}.txt")
        paths[-1].write_text("\n\n".join(article(i).split("\n\n")[:PARAGRAPHS]),
                             encoding="utf-8")
    open_database(db_url).dispose()  # migrate first: this test is about ingest, not migrations
    orders = [paths, paths[::-1], random.Random(7).sample(paths, len(paths))]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [subprocess.Popen([sys.executable, "-m", "timeline.cli", "--db", db_url, "ingest",
                                 "--jobs", "1", *map(str, order)], env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for order in orders[:WRITERS]]
    outputs = [w.communicate(timeout=120) for w in writers]
    assert [w.returncode for w in writers] == [0] * WRITERS, outputs
    added = [int(out.split(" article")[0]) for out, _ in outputs]
    assert sum(added) == ARTICLES, outputs
    assert all(", 0 failed;" in out for out, _ in outputs), outputs
    assert not any(err.strip() for _, err in outputs), outputs

    [reference] = sqlite_says(tmp_path, ("ingest", "--jobs", "1", str(folder)))
    engine = open_database(db_url)
    with engine.connect() as conn:
        articles = conn.execute(text("SELECT count(*), count(DISTINCT sha256) FROM articles")).one()
        events = conn.execute(text("SELECT count(*) FROM events")).scalar()
        actors = conn.execute(text("SELECT count(*), count(DISTINCT name) FROM actors")).one()
    engine.dispose()
    assert tuple(articles) == (ARTICLES, ARTICLES)
    assert f"; {events} events added" in reference, "every event of every article, once"
    assert actors[0] == actors[1]


def losing_races(times: int, name: str):
    """A pipeline._store that, for article `name`, loses its first `times` transactions the way
    PostgreSQL ends one side of a deadlock (a real server error, SQLSTATE 40P01)."""
    from timeline import pipeline

    real, lost = pipeline._store, []

    def store(conn, item, actors):
        if Path(item.name).name == name and len(lost) < times:
            lost.append(item.name)
            conn.exec_driver_sql("DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' "
                                 "USING ERRCODE = 'deadlock_detected'; END $$")
        return real(conn, item, actors)

    return store, lost


@pytest.mark.parametrize("losses, added, failed", [
    (2, 4, 0),  # its batch, then its first try alone: the second try lands
    (1 + 5, 3, 1),  # its batch and every one of the five tries: it alone fails, in one line
])
def test_an_article_that_loses_a_deadlock_is_stored_again(db_url, url_cli, monkeypatch,
                                                            losses, added, failed):
    """PostgreSQL breaks a deadlock between writers by failing one transaction; nothing in it
    was wrong, so the article is stored again (after a short wait), not reported failed."""
    from timeline import db, pipeline

    if not db_url.startswith("postgresql"):
        pytest.skip("deadlocks between writers are PostgreSQL's (SQLite lets one writer in)")
    assert db.ATTEMPTS == 5
    store, lost = losing_races(losses, "001_1d99418e4c2cbd88.txt")
    monkeypatch.setattr(pipeline, "_store", store)
    monkeypatch.setattr(db, "RETRY_WAIT", 0.001)
    result = url_cli("ingest", "-j", "1", str(SEEDS))
    assert len(lost) == losses
    assert result.stdout.startswith(f"{added} articles added, 0 skipped as already known, "
                                    f"{failed} failed; ")
    assert result.exit_code == (1 if failed else 0)
    if failed:
        assert result.stderr.strip().endswith(
            "001_1d99418e4c2cbd88.txt: database error: deadlock detected")
    articles = jsonl(url_cli("articles", "--format", "jsonl").output)
    assert len(articles) == added


OPENERS = 4


def test_several_processes_opening_a_new_database_at_once_make_its_schema_once(db_url):
    """Four processes open the same new, empty database at the same moment (as a team's ingest
    jobs do on their first run): each waits for the one that migrates, none fails, and the
    schema ends at head with one version row."""
    script = ("import sys; from timeline.db import open_database; "
              "open_database(sys.argv[1]).dispose(); print('ok')")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    openers = [subprocess.Popen([sys.executable, "-c", script, db_url], env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for _ in range(OPENERS)]
    outputs = [o.communicate(timeout=120) for o in openers]
    assert [(o.returncode, out.strip()) for o, (out, _) in zip(openers, outputs)] == \
        [(0, "ok")] * OPENERS, outputs
    engine = open_database(db_url, migrate=False)
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    engine.dispose()
    assert versions == [head_revision(db_url)]


def test_two_writers_placing_reports_of_one_incident_at_once_make_one_incident(db_url,
                                                                              monkeypatch):
    """PostgreSQL: a writer placing a report waits for another placing a report it could match
    to commit (an advisory lock), then reads it: one incident, not two. (SQLite: one writer
    at a time already.)"""
    import threading
    import time

    from timeline import pipeline, store
    from timeline.readers import read_all

    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite lets one writer in at a time")
    folder = ROOT / "tests" / "data" / "incident"
    first, second = [pipeline.prepare_source(a, None) for a in read_all(
        [str(folder / "eurasia_monitor_crocus.txt"), str(folder / "worldnewsdesk_crocus.html")])]
    engine = open_database(db_url)
    placed, release = threading.Event(), threading.Event()
    save_events = store.save_events

    def saved_then_held_open(conn, *args, **kwargs):  # the first writer's transaction waits
        ids = save_events(conn, *args, **kwargs)
        if not placed.is_set():
            placed.set()
            release.wait(60)
        return ids

    monkeypatch.setattr(store, "save_events", saved_then_held_open)
    hold_open = lambda: pipeline.store_prepared(engine, first, pipeline.IngestSummary())
    holder = threading.Thread(target=hold_open)
    holder.start()
    assert placed.wait(60)
    writer = threading.Thread(target=pipeline.store_prepared,
                              args=(engine, second, pipeline.IngestSummary()))
    writer.start()
    with engine.connect() as conn:  # until the second writer waits for the lock, or is done
        deadline = time.monotonic() + 60
        while writer.is_alive() and time.monotonic() < deadline and not conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                ).scalar():
            conn.rollback()
            time.sleep(0.05)
    release.set()
    holder.join(60)
    writer.join(60)
    with engine.connect() as conn:
        attacks = conn.execute(text("SELECT article_id, incident_id FROM events "
                                    "WHERE type = 'attack' AND date_start IS NOT NULL")).all()
    engine.dispose()
    assert len({a for a, _ in attacks}) == 2, "both articles stored"
    assert len({i for _, i in attacks}) == 1, attacks
