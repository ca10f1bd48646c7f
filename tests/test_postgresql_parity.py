"""The analyst's commands give the same answers on PostgreSQL as on SQLite.

Runs when $TIMELINE_TEST_PG_URL names a PostgreSQL server (as .ci/run sets it): the seeds go
into a database of their own there and into a SQLite file, and the answers are compared.
"""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from timeline.cli import main
from tests.conftest import PG_URL_VAR, SEEDS, fresh_pg_database

PG_URL = os.environ.get(PG_URL_VAR)
pytestmark = pytest.mark.skipif(not PG_URL, reason=f"${PG_URL_VAR} is not set")


def runner_for(db: str):
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(main, ["--db", db, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    return run


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    for url in fresh_pg_database(PG_URL):
        pg = runner_for(url)
        pg("ingest", str(SEEDS))
        lite = runner_for(str(tmp_path_factory.mktemp("parity") / "timeline.db"))
        lite("ingest", str(SEEDS))
        yield lite, pg


def ids(output: str) -> list:
    return [(r["date_start"], r["type"], r["sentence"]) for r in json.loads(output)]


@pytest.mark.parametrize("args", [
    (), ("--reverse",), ("--search", "Daesh"), ("--search", "returning fighters"), ("--search", "attacks"),
    ("--actor", "Daesh"), ("--country", "Russia"), ("--place", "kab"),
    ("--since", "2020", "--until", "2021-06"), ("--type", "statement", "--limit", "2",
                                                 "--offset", "1"),
], ids=["everything", "latest-first", "search-one-word", "search-title-words", "search-stems-words",
        "actor-alias", "country", "place", "date-range", "type-and-page"])
def test_list_finds_the_same_events(both, args):
    lite, pg = both
    found, expected = ids(pg("list", "--json", *args)), ids(lite("list", "--json", *args))
    if "--search" in args:  # best match first: bm25 and ts_rank weigh words differently
        found, expected = sorted(found), sorted(expected)
    assert found == expected


def test_stats_are_the_same(both):
    lite, pg = both
    assert json.loads(pg("stats", "--json")) == json.loads(lite("stats", "--json"))
