"""The CLI as a user reads it: list, export (the contract), articles, db, and errors."""

from __future__ import annotations

import csv
import io

import pytest

from timeline.export import EVENT_COLUMNS
from tests.conftest import jsonl

CONTRACT_KEYS = ["id", "source", "article_id", "published", "type", "date_start", "date_end",
                 "precision", "date_text", "date_basis", "sentence", "trigger", "actors",
                 "location", "country", "killed", "injured", "confidence", "status"]


def test_export_jsonl_has_every_contract_key(seeded):
    rows = jsonl(seeded("export", "--format", "jsonl").output)
    assert rows
    for row in rows:
        assert list(row)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
        assert isinstance(row["actors"], list)
        assert row["precision"] in {"day", "week", "month", "season", "quarter", "year",
                                    "decade", "unknown"}


def test_export_csv_has_the_same_columns_and_rows(seeded):
    text = seeded("export", "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == EVENT_COLUMNS
    assert len(rows) == len(jsonl(seeded("export", "--format", "jsonl").output))


def test_export_to_a_file(seeded, tmp_path):
    out = tmp_path / "events.csv"
    result = seeded("export", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text().startswith("id,source,article_id,published,type,")


def test_export_is_chronological_with_undated_events_last(seeded):
    rows = jsonl(seeded("export", "--format", "jsonl").output)
    dated = [r["date_start"] for r in rows if r["date_start"]]
    assert dated == sorted(dated)
    undated_seen = False
    for row in rows:
        undated_seen = undated_seen or row["date_start"] is None
        assert not (undated_seen and row["date_start"]), "a dated event after an undated one"


@pytest.mark.parametrize("args,check", [
    (("--type", "statement"), lambda r: r["type"] == "statement"),
    (("--since", "2020"), lambda r: (r["date_end"] or "") >= "2020-01-01"),
    (("--until", "2017-10"), lambda r: (r["date_start"] or "9999") <= "2017-10-31"),
    (("--since", "2017-10-01", "--until", "2017-10-31"),
     lambda r: r["date_start"] <= "2017-10-31" and (r["date_end"] or r["date_start"]) >= "2017-10-01"),
], ids=["type", "since-year", "until-month", "since-and-until-days"])
def test_filters_narrow_the_export(seeded, args, check):
    everything = jsonl(seeded("export", "--format", "jsonl").output)
    rows = jsonl(seeded("export", "--format", "jsonl", *args).output)
    assert rows and len(rows) < len(everything)
    assert all(check(r) for r in rows)


def test_limit(seeded):
    assert len(jsonl(seeded("export", "--format", "jsonl", "--limit", "3").output)) == 3


@pytest.mark.parametrize("args,message", [
    (("list", "--since", "last tuesdayish"), "not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    (("list", "--until", "2021-13"), "impossible date '2021-13'"),
    (("list", "--limit", "-4"), "-4 is not in the range x>=0"),
    (("export", "--format", "xml"), "'xml' is not one of"),
], ids=["words-for-a-date", "month-13", "negative-limit", "unknown-format"])
def test_bad_option_values_are_usage_errors_naming_the_value(cli, args, message):
    result = cli(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_list_prints_a_table_of_events(seeded):
    result = seeded("list", "--format", "table", "--limit", "5")
    assert result.exit_code == 0
    assert "date" in result.output and "type" in result.output
    assert "2017-10" in result.output


def test_list_on_an_empty_database_says_so(cli):
    result = cli("list")
    assert result.exit_code == 0
    assert "No events match." in result.output


def test_articles_jsonl_contract(seeded):
    rows = jsonl(seeded("articles", "--format", "jsonl").output)
    assert [list(r) for r in rows][0][:6] == ["id", "source", "title", "published",
                                              "published_precision", "published_basis"]


def test_db_current_downgrade_upgrade(cli, db_path):
    from timeline.db import head_revision, resolve_url

    head = head_revision(resolve_url(str(db_path)))
    cli("list")
    assert cli("db", "current").output.startswith(f"{head} (head: {head})")
    assert cli("db", "downgrade", "base").output.strip() == "database at revision base"
    assert cli("db", "current").output.startswith(f"base (head: {head})")
    assert cli("db", "upgrade").output.strip() == f"database at revision {head}"


def test_db_option_falls_back_to_the_environment(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from timeline.cli import main

    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(main, ["list"])
    assert result.exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_a_database_path_in_a_missing_folder_is_one_clear_line(tmp_path):
    from click.testing import CliRunner

    from timeline.cli import main

    result = CliRunner().invoke(main, ["--db", str(tmp_path / "no" / "such" / "x.db"), "list"])
    assert result.exit_code == 1
    assert result.output == (f"Error: cannot open database {tmp_path / 'no' / 'such' / 'x.db'}: "
                             f"its folder {tmp_path / 'no' / 'such'} does not exist\n")


# (arguments, why): each command's output meets a reader that has already left
# (`timeline list | head -1`, once head has read its line). "DB" is the seeded database.
CLOSED_PIPE = [
    (["--db", "DB", "list"], "list: rich's console exits 1 itself"),
    (["--db", "DB", "export", "--format", "jsonl"], "export: rows streamed, more than a buffer"),
    (["--db", "DB", "export", "--format", "jsonl", "--limit", "1"], "export of one row: still buffered when the command returns"),
    (["--db", "DB", "articles", "--format", "jsonl"], "articles jsonl, was: exit 120, 'Exception ignored'"),
    (["--db", "DB", "sql", "select id from events", "--json"], "sql json, was: exit 120, 'Exception ignored'"),
    (["--db", "DB", "count"], "count: click.echo flushes at once"),
    (["dates", "SEED", "--dct", "2024-06-10"], "dates: the tagger's JSON lines"),
]


@pytest.mark.parametrize("args,why", CLOSED_PIPE, ids=[c[1] for c in CLOSED_PIPE])
def test_a_closed_pipe_ends_every_command_alike(seeded, db_path, args, why):
    """Exit 1 and nothing on stderr, as the Python docs' note on SIGPIPE has a program end
    (and as rich's console does): no traceback, no "Exception ignored". Run without
    PYTHONUNBUFFERED, as a user's shell runs it, so that what is buffered is left for exit."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT, SEEDS

    read, write = os.pipe()
    os.close(read)  # the reader has left before the first write
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    args = [str(db_path) if a == "DB" else str(SEEDS / "003_539a479ea003e1b3.txt") if a == "SEED"
            else a for a in args]
    try:
        done = subprocess.run([sys.executable, "-m", "timeline", *args], stdout=write,
                              stderr=subprocess.PIPE, env={**env, "PYTHONPATH": str(ROOT)})
    finally:
        os.close(write)
    assert (done.returncode, done.stderr.decode()) == (1, "")
