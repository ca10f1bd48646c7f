"""The same behaviour on SQLite and PostgreSQL: the schema and its migrations, ingest and the
export contract, filters, keyset pages, stats, and several ingest processes at once.

Each test runs on a SQLite file, and on a database of its own on the PostgreSQL server named by
$TIMELINE_TEST_PG_URL when that is set (`.ci/run` starts one); the PostgreSQL cases compare
what a user reads with what the same commands give on SQLite.
"""

from __future__ import annotations

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
from tests.conftest import ROOT, SEEDS, add_tricky_cells, jsonl
from timeline.cli import main
from timeline.db import current_revision, head_revision, include_name, open_database, run_alembic
from timeline.models import Base


def sqlite_says(tmp_path: Path, *commands: tuple[str, ...]) -> list[str]:
    """What the same commands print on a SQLite file: the reference for the other backend."""
    db = str(tmp_path / "reference.db")
    out = []
    for args in commands:
        result = CliRunner().invoke(main, ["--db", db, *args], catch_exceptions=False)
        out.append(result.stdout)
    return out


def test_migrations_build_the_models_schema_and_round_trip(db_url):
    engine = open_database(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []
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
    reference_db = tmp_path / "reference.db"
    sqlite_says(tmp_path, ("ingest", "--jobs", "1", str(SEEDS)))
    assert add_tricky_cells(f"sqlite:///{reference_db}") == ids
    [reference, reference_raw] = sqlite_says(tmp_path, ("export",), ("export", "--raw"))
    exported = url_cli("export").stdout
    assert "'=cmd()" in exported
    assert exported == reference
    assert url_cli("export", "--raw").stdout == reference_raw


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
