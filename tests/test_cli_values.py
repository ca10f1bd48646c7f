"""Malformed CLI values: a usage error naming the value (exit 2) or a user error (exit 1), one
clear line, never a traceback. A malformed value is judged without touching anything (exit 2);
a well-formed one naming something unusable (a folder as --db, a text file) is a user error (1).
"""

from __future__ import annotations

import os
import sqlite3

import pytest
from click.testing import CliRunner

from timeline.cli import main

# (arguments after --db, exit code, what the user must read)
BAD_VALUES = [
    (["list", "--since", "2021-02-31"], 2,
     "Invalid value for '--since': impossible date '2021-02-31': day is out of range for month"),
    (["list", "--since", "0000"], 2, "impossible date '0000': year 0 is out of range"),
    (["list", "--until", "2021-13"], 2, "impossible date '2021-13': bad month number 13"),
    (["list", "--until", "2021-1-5"], 2,
     "not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: '2021-1-5'"),
    (["list", "--since", "the day after never"], 2,
     "nor words such as 'last year': 'the day after never'"),
    (["list", "--since", ""], 2, "nor words such as 'last year': ''"),
    (["list", "--limit", "abc"], 2, "Invalid value for '--limit': 'abc' is not a valid integer"),
    (["list", "--limit", "-1"], 2, "Invalid value for '--limit': -1 is not in the range x>=0"),
    (["list", "--limit", "1e3"], 2, "'1e3' is not a valid integer"),
    (["export", "--since", "2021-02-29"], 2, "impossible date '2021-02-29'"),
    (["export", "--limit", "abc"], 2, "'abc' is not a valid integer"),
    (["export", "--format", "xml"], 2, "Invalid value for '--format': 'xml' is not one of"),
    (["export", "--format", ""], 2, "Invalid value for '--format': '' is not one of"),
    (["articles", "--format", "xml"], 2, "Invalid value for '--format': 'xml' is not one of"),
    (["ingest", "--published", "2021-02-31", "-"], 2, "impossible date '2021-02-31'"),
    (["ingest", "--published", "31/02/2021", "-"], 2, "not a date of the form"),
    (["ingest", "--published", "0000-01-01", "-"], 2, "impossible date '0000-01-01'"),
    (["ingest"], 2, "Missing argument 'PATH...|-'"),
    (["db", "upgrade", "nonsense"], 2,
     "Invalid value for REVISION: cannot upgrade to nonsense: Can't locate revision identified "
     "by 'nonsense'"),
    (["db", "downgrade", "+1"], 2, "Invalid value for REVISION: cannot downgrade to +1"),
    (["db", "downgrade", "ffff"], 2, "Can't locate revision identified by 'ffff'"),
    (["list", "--offset", "-1"], 2, "Invalid value for '--offset': -1 is not in the range"),
    (["list", "--article", "0"], 2, "Invalid value for '--article': 0 is not in the range"),
    (["list", "--article", "abc"], 2, "Invalid value for '--article': 'abc' is not a valid"),
    (["count", "--min-confidence", "2"], 2, "'--min-confidence': 2.0 is not in the range"),
    (["count", "--min-confidence", "high"], 2, "'high' is not a valid float"),
    (["list", "--country", "Narnia"], 2, "not a country name or ISO code: 'Narnia'"),
    (["list", "--type", "picnic"], 2, "unknown event type 'picnic'"),
    (["list", "--since", "2021", "--until", "2020"], 2,  # a window no event fits: a slip
     "Invalid value for '--since': --since 2021-01-01 is after --until 2020-12-31"),
    (["stats", "--since", "2021-03-02", "--until", "2021-03-01"], 2,
     "--since 2021-03-02 is after --until 2021-03-01"),
    (["list", "--actor", ""], 2,  # would match every event, silently
     "Invalid value for '--actor': empty; give a name or leave the option out"),
    (["export", "--place", "  "], 2, "Invalid value for '--place': empty; give a name"),
    (["list", "--status", "maybe"], 2, "Invalid value for '--status': 'maybe' is not one of"),
    (["stats", "--top", "0"], 2, "Invalid value for '--top': 0 is not in the range"),
    (["show", "abc"], 2, "Invalid value for 'ID': 'abc' is not a valid integer"),
    (["show", "0"], 2, "Invalid value for 'ID': 0 is not in the range x>=1"),
    (["show", "999999"], 1, "Error: no event with id 999999"),
    (["article", "999999"], 1, "Error: no article with id 999999"),
    (["confirm", "999999"], 1, "Error: no event with id 999999"),
    (["reject", "abc"], 2, "Invalid value for 'ID': 'abc' is not a valid integer"),
    (["edit", "1"], 2, "nothing to change: give --date, --type, --actor, --place or --country"),
    (["edit", "1", "--date", "2021-02-31"], 2, "impossible date '2021-02-31'"),
    (["edit", "1", "--country", "Narnia"], 2, "not a country name or ISO code: 'Narnia'"),
    (["edit", "999999", "--place", "Rome"], 1, "Error: no event with id 999999"),
    (["add", "--sentence", "x"], 2, "an added event needs --type"),
    (["add", "--sentence", "Police arrested a man.", "--type", "arrest", "--article", "99999"],
     1, "Error: no article with id 99999"),
    (["sql", "SELEC 1"], 1, 'Error: SQL error: near "SELEC": syntax error'),
    (["sql", "SELECT :x"], 1, "You did not supply a value for binding parameter :x"),
    (["sql", "SELECT 1", "--time-limit", "0"], 2, "Invalid value for '--time-limit'"),
    (["sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
             "SELECT count(*) FROM c", "--time-limit", "0.2"], 1,
     "Error: query stopped after its time limit of 0.2 s (--time-limit)"),
    (["dates", "-", "--dct", "2021-02-31"], 2,
     "Invalid value for '--dct': '2021-02-31' does not match the format '%Y-%m-%d'"),
    (["dates", "/no/such/file.txt"], 1, "Error: /no/such/file.txt: cannot read"),
    (["eval", "events", "/no/such/gold.json", "."], 2, "'/no/such/gold.json' does not exist"),
    (["ingest", "-j", "0", "-"], 2, "Invalid value for '-j' / '--jobs': 0 is not in the range"),
    (["no-such-command"], 2, "No such command 'no-such-command'"),
    # Past the 64-bit integers SQLite and PostgreSQL hold, the driver raised a traceback.
    (["list", "--limit", "99999999999999999999"], 2,
     "Invalid value for '--limit': 99999999999999999999 is larger than the database can hold"),
    (["export", "--offset", "99999999999999999999"], 2, "is larger than the database can hold"),
    (["count", "--article", "99999999999999999999"], 2,
     "Invalid value for '--article': 99999999999999999999 is larger than the database can hold"),
    (["show", "99999999999999999999"], 2, "Invalid value for 'ID': 99999999999999999999 is"),
    (["confirm", "9223372036854775808"], 2, "is larger than the database can hold"),
    (["list", "--after", "99999999999999999999"], 2,
     "Invalid value for '--after': 99999999999999999999 is larger than any id"),
    (["reextract", "--article", "99999999999999999999"], 2, "is larger than the database can hold"),
    (["db", "upgrade", ""], 2,  # Alembic failed an assertion: a traceback
     "Invalid value for REVISION: cannot upgrade to '': name a revision"),
    (["db", "downgrade", " "], 2, "cannot downgrade to '': name a revision"),
    # nan passes click's range checks: the query ran with no time limit at all
    (["sql", "SELECT 1", "--time-limit", "nan"], 2,
     "Invalid value for '--time-limit': 'nan' is not a finite number"),
    (["sql", "SELECT 1", "--time-limit", "inf"], 2, "'inf' is not a finite number"),
    (["count", "--min-confidence", "nan"], 2,
     "Invalid value for '--min-confidence': 'nan' is not a finite number"),
    (["sql", ""], 1, "Error: no statement to run"),  # ran nothing and said nothing, exit 0
    (["sql", " ; "], 1, "Error: no statement to run"),
    (["export", "-o", ""], 2,  # named click's temporary file: ".__atomic-write...: Directory not empty"
     "Invalid value for '-o' / '--output': empty; give a file name, or - for standard output"),
    (["ingest", "--text-field", "", "-"], 2,  # fell back to the default fields in silence
     "Invalid value for '--text-field': empty; give a name or leave the option out"),
    (["ingest", "--date-field", " ", "-"], 2, "Invalid value for '--date-field': empty"),
    (["list", "--no-such-option"], 2, "No such option '--no-such-option'"),
]


@pytest.mark.parametrize("args,code,message", BAD_VALUES,
                         ids=["-".join(a).strip("-") or "none" for a, _, _ in BAD_VALUES])
def test_a_malformed_value_is_named_with_its_exit_code(cli, args, code, message):
    if args[0] == "sql":  # reads an existing database only, never creates one
        assert cli("db", "upgrade").exit_code == 0
    result = cli(*args, input="")
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database\n")
    return path


def _random_bytes(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(bytes(range(256)) * 16)
    return path


# (how to make the --db value from tmp_path, exit code, the line the user reads)
BAD_DATABASES = [
    (lambda t: str(t), 1, lambda t: f"Error: cannot open database {t}: it is a folder, not a "
                                    "database file"),
    (lambda t: str(_not_sqlite(t)), 1,
     lambda t: f"Error: cannot open database {t / 'notes.db'}: file is not a database"),
    (lambda t: str(_random_bytes(t)), 1,
     lambda t: f"Error: cannot open database {t / 'junk.db'}: file is not a database"),
    (lambda t: str(t / "missing" / "x.db"), 1,
     lambda t: f"Error: cannot open database {t / 'missing' / 'x.db'}: its folder "
               f"{t / 'missing'} does not exist"),
    (lambda t: f"sqlite:///{t}/missing/x.db", 1,
     lambda t: f"Error: cannot open database {t / 'missing' / 'x.db'}: its folder "
               f"{t / 'missing'} does not exist"),
    (lambda t: "ftp://example.org/x.db", 2,
     lambda t: "Invalid value for '--db': unknown database URL scheme 'ftp' in "
               "'ftp://example.org/x.db'"),
    (lambda t: "mysql://root:hunter2@localhost/x", 2,
     lambda t: "unknown database URL scheme 'mysql' in 'localhost/x'"),
    (lambda t: "postgresql://me:hunter2@localhost:abc/x", 2,
     lambda t: "Invalid value for '--db': not a database URL: postgresql://***@localhost:abc/x"),
    (lambda t: "", 2, lambda t: "Invalid value for '--db': empty"),
    # SQLite's "Can't reconnect until invalid transaction is rolled back" said nothing of why
    (lambda t: "/dev/null", 1, lambda t: "Error: cannot open database /dev/null: it is a "
                                         "character device, not a database file"),
]


@pytest.mark.parametrize("make,code,message", BAD_DATABASES, ids=[
    "a-folder", "a-text-file", "random-bytes", "missing-folder", "missing-folder-as-url",
    "unknown-scheme", "unsupported-scheme", "malformed-url", "empty", "a-device"])
@pytest.mark.parametrize("command", [["list"], ["export"], ["articles"], ["ingest", "-"],
                                     ["db", "current"]], ids=lambda c: c[0])
def test_an_unusable_database_is_one_clear_line(tmp_path, make, code, message, command):
    result = CliRunner().invoke(main, ["--db", make(tmp_path), *command], input="",
                                catch_exceptions=False)
    assert result.exit_code == code
    assert message(tmp_path) in result.output
    assert "Traceback" not in result.output
    assert "hunter2" not in result.output, "a password reached the terminal"
    if code == 1:
        assert len(result.output.strip().splitlines()) == 1


def test_a_file_that_is_not_a_database_is_left_untouched(tmp_path):
    path = _not_sqlite(tmp_path)
    before = path.read_bytes()
    result = run("--db", str(path), "ingest", "-")
    assert result.exit_code == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"], "no -wal or -shm left"


def test_an_export_to_a_missing_folder_is_one_line(seeded, tmp_path):
    result = seeded("export", "-o", str(tmp_path / "nowhere" / "out.csv"))
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nowhere' / 'out.csv'}: No such file or directory\n"


def test_an_export_to_a_folder_is_a_usage_error(seeded, tmp_path):
    result = seeded("export", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert f"'{tmp_path}' is a directory" in result.output


def test_a_locked_database_is_one_line_not_a_traceback(seeded, db_path, monkeypatch):
    """Past the busy timeout a lock is told in words; "database is locked" never reaches the user."""
    monkeypatch.setattr("timeline.db.BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing for longer than the timeout
    try:
        result = seeded("db", "downgrade", "base")
        ingest = seeded("ingest", "-", input="Police arrest a man in Paris over a plot\n\n"
                                              "French police arrested a man on 2 May 2023.")
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 1
    assert result.output == ("Error: database busy: another process held its lock longer than "
                             "the busy timeout; try again\n")
    assert ingest.exit_code == 1
    assert ingest.stderr == ("error: -: database busy: another process held its lock longer "
                             "than the busy timeout; try again\n")
    assert "locked" not in result.output + ingest.output


def test_a_folder_that_cannot_be_written_is_named(tmp_path):
    """SQLite said only "unable to open database file": WAL needs files beside the database."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: every folder is writable")
        result = run("--db", str(folder / "x.db"), "list")
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 1
    assert result.output == (f"Error: cannot open database {folder / 'x.db'}: its folder {folder} "
                             "is not writable (SQLite keeps its -wal and -shm files beside the "
                             "database)\n")


def test_a_database_that_cannot_be_written_stops_ingest_in_one_line(seeded, db_path, tmp_path,
                                                                     monkeypatch):
    """A read-only database failed every article on a line of its own; now the run stops at
    the first, on one line, and what was stored before stays."""
    from timeline import db

    real = db._sqlite_pragmas

    def read_only(dbapi_connection, record):
        real(dbapi_connection, record)
        dbapi_connection.execute("PRAGMA query_only = ON")  # as a file mode 0444 answers

    before = sqlite3.connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0]
    monkeypatch.setattr(db, "_sqlite_pragmas", read_only)
    for town in ("Lille", "Nantes", "Brest"):
        (tmp_path / f"{town}.txt").write_text(f"Police arrest a man in {town}\n\nFrench police "
                                              f"arrested a man in {town} on 2 May 2023.\n")
    result = seeded("ingest", "-j", "1", *(str(tmp_path / f"{t}.txt") for t in ("Lille",
                                                                              "Nantes", "Brest")))
    assert result.exit_code == 1
    assert result.output == (f"Error: cannot write to database {db_path} (attempt to write a "
                             f"readonly database); stopped at {tmp_path / 'Lille.txt'}; 0 "
                             "articles added, 0 skipped as already known, 0 failed; 0 events "
                             "added\n")
    after = sqlite3.connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert after == before


def test_the_busy_timeout_and_wal_are_set_on_every_connection(db_path):
    from sqlalchemy import text

    from timeline.db import BUSY_TIMEOUT_MS, open_database

    with open_database(str(db_path)).connect() as conn:
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS >= 5000
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_every_connection_can_cache_the_lengths_a_ranked_search_reads(db_path):
    """bm25 looks up each match's length in events_fts_docsize, 10.5 MB for a million events:
    a page cache smaller than that reads them from the OS again for every ranked page."""
    from sqlalchemy import text

    from timeline.db import open_database

    with open_database(str(db_path)).connect() as conn:
        assert conn.execute(text("PRAGMA cache_size")).scalar() <= -12 * 1024  # KiB


# (eval command, the gold file's bytes, the line the user reads): each was a traceback, or
# for an empty TimeBank file figures of 0.0 with exit 0.
BAD_GOLD = [
    ("events", b"{broken", "not JSON (Expecting property name enclosed in double quotes"),
    ("events", b"", "not JSON (Expecting value: line 1 column 1 (char 0))"),
    ("events", b"\x89PNG\r\n\x1a\n", "cannot read ('utf-8' codec can't decode byte 0x89"),
    ("events", b"[]", 'not a gold file: a JSON object with a list of "events" was expected'),
    ("events", b'{"articles": {}}', 'not a gold file: a JSON object with a list of "events"'),
    ("events", b'{"events": [1]}', "event #1 is not an object"),
    ("events", b'{"events": [{"id": "a1", "type": "attack"}]}', "event #1 has no article, evidence"),
    ("events", b'{"events": [{"id": "a1", "article": "a.txt", "type": "attack", "evidence": ["x"],'
               b' "date": ["2024-02-30", "2024-03-01"]}]}',
     "event a1: date ['2024-02-30', '2024-03-01'] is not [YYYY-MM-DD, YYYY-MM-DD]"),
    ("events", b'{"events": [], "articles": {"a.txt": {"published": "2024"}}}',
     'article a.txt: "published" is not [YYYY-MM-DD, YYYY-MM-DD]'),
    ("timex", b"[]\n", "gold.json:1: needs doc_id, text and timexes"),
    ("timex", b"1\n", "gold.json:1: needs doc_id, text and timexes"),
    ("timex", b"", "gold.json: no documents (one JSON object a line)"),
    ("timex", b"\n  \n", "gold.json: no documents"),
]


@pytest.mark.parametrize("command,data,message", BAD_GOLD,
                         ids=[f"{c}-{d[:24]!r}" for c, d, _ in BAD_GOLD])
def test_a_malformed_gold_file_is_one_line(tmp_path, command, data, message):
    gold = tmp_path / "gold.json"
    gold.write_bytes(data)
    args = ["eval", command, str(gold)] + ([str(tmp_path)] if command == "events" else [])
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {gold}"), result.output
    assert message in result.output
    assert len(result.output.splitlines()) == 1
