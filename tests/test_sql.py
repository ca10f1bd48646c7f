"""`timeline sql` is read-only by how it opens the database; `timeline schema` documents it."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from timeline.db import open_database
from timeline.schema import describe


def test_select_with_parameters_as_csv_json_and_table(made):
    statement = "SELECT id, type, country FROM events WHERE country = :c OR type = :t ORDER BY id"
    params = ("-p", "c", "SY", "-p", "t", "arrest")
    as_csv = made("sql", statement, *params, "--csv").output
    assert list(csv.reader(io.StringIO(as_csv))) == [["id", "type", "country"],
                                                     ["1", "attack", "SY"],
                                                     ["2", "arrest", "FR"]]
    assert json.loads(made("sql", statement, *params, "--json").output) == [
        {"id": 1, "type": "attack", "country": "SY"}, {"id": 2, "type": "arrest", "country": "FR"}]
    table = made("sql", statement, *params).output
    assert "┃ id ┃ type   ┃ country ┃" in table and "│ 1  │ attack │ SY      │" in table


def test_csv_cells_a_spreadsheet_would_run_are_made_text_unless_raw(made):
    """An analyst opens `sql --csv` output in a spreadsheet: a cell starting with = runs there
    as a formula, so it gets a leading quote, as export writes it; --raw keeps it as stored."""
    statement = "SELECT '=HYPERLINK(\"http://x\")' AS cell, -3 AS n"
    assert list(csv.reader(io.StringIO(made("sql", statement, "--csv").output))) == [
        ["cell", "n"], ["'=HYPERLINK(\"http://x\")", "-3"]]
    assert list(csv.reader(io.StringIO(made("sql", statement, "--csv", "--raw").output))) == [
        ["cell", "n"], ['=HYPERLINK("http://x")', "-3"]]


def test_the_timeline_view_and_full_text_search_can_be_queried(made):
    rows = json.loads(made("sql", "SELECT t.id, t.actors FROM events_fts f JOIN timeline t "
                                  "ON t.id = f.rowid WHERE events_fts MATCH 'checkpoint'",
                           "--json").output)
    assert rows == [{"id": 1, "actors": "Islamic State"}]


@pytest.mark.parametrize("statement,refusal", [
    ("INSERT INTO actors (name, kind) VALUES ('x', 'group')", "refused: insert"),
    ("UPDATE events SET status = 'confirmed'", "refused: update"),
    ("DELETE FROM events", "refused: delete"),
    ("DROP TABLE events", "refused: drop table"),
    ("ATTACH DATABASE '{tmp}/other.db' AS other", "refused: attach"),
    ("VACUUM INTO '{tmp}/copy.db'", "refused: attach"),
    ("PRAGMA journal_mode = DELETE", "refused: PRAGMA journal_mode = DELETE"),
    ("PRAGMA query_only = 0", "refused: PRAGMA query_only = 0"),
    ("CREATE TEMP TABLE scratch (a)", "refused: insert"),
    ("DELETE FROM events_fts", "refused: attempt to write a readonly database"),
    ("BEGIN", "refused: transaction"),
], ids=["insert", "update", "delete", "drop", "attach", "vacuum-into-attaches",
        "writing-pragma", "pragma-that-would-lift-read-only", "temp-table",
        "fts-shadow-write-stopped-by-the-read-only-open", "transaction"])
def test_writes_are_refused_with_a_clear_error(made, db_path, tmp_path, statement, refusal):
    result = made("sql", statement.format(tmp=tmp_path))
    assert result.exit_code == 1
    assert result.output == f"Error: {refusal} (timeline sql is read-only)\n"
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM events WHERE status = 'auto'").fetchone() == (4,)
    assert not (tmp_path / "other.db").exists() and not (tmp_path / "copy.db").exists()


@pytest.mark.parametrize("args,message", [
    (("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
      "--time-limit", "0.2"), "Error: query stopped after its time limit of 0.2 s"),
    (("SELECT :missing",), "Error: You did not supply a value for binding parameter :missing."),
    (("SELECT 1; SELECT 2",), "Error: one statement at a time"),
    (("SELECT * FROM nowhere",), "Error: SQL error: no such table: nowhere"),
], ids=["time-limit", "unbound-parameter", "two-statements", "unknown-table"])
def test_query_problems_are_one_line(made, args, message):
    result = made("sql", *args)
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1


def test_sql_on_a_missing_database_does_not_create_it(tmp_path):
    from click.testing import CliRunner

    from timeline.cli import main

    result = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "sql", "SELECT 1"])
    assert result.exit_code == 1
    assert result.output == f"Error: no database at {tmp_path / 'none.db'}\n"
    assert not (tmp_path / "none.db").exists()


def test_every_table_view_and_column_has_its_line(db_path):
    for table in describe(open_database(str(db_path))):
        assert table["doc"], table["name"]
        for column in table["columns"]:
            assert column["doc"], f"{table['name']}.{column['name']} has no line in " \
                                  "timeline/data/schema_docs.json"


def test_schema_prints_tables_views_and_columns(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = cli("schema").output
    assert "table events  One dated event found in (or added to) one article." in out
    assert "view timeline  View: one row per event" in out
    assert "  date_start         DATE" in out
    assert "events_fts" not in out, "search internals are not part of the schema people query"
    names = [t["name"] for t in json.loads(cli("schema", "--json").output)]
    assert names[-1] == "timeline" and "event_edits" in names


def test_columns_of_the_same_name_are_all_kept(made):
    rows = json.loads(made("sql", "SELECT e.id, a.id FROM events e JOIN articles a "
                                  "ON a.id = e.article_id WHERE e.id = 3", "--json").output)
    assert rows == [{"id": 3, "id_2": 2}]
