"""Read-only SQL for analysts: safe by how the database is opened, not by reading the SQL.

As Datasette does: the file is opened with the URI flag `mode=ro` and `PRAGMA query_only`, an
authorizer refuses ATTACH and every write (so even a temporary table cannot be made), and a
progress handler stops a query that runs past its time limit.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from timeline.errors import TimelineError

DEFAULT_TIME_LIMIT = 5.0  # seconds per query
PROGRESS_STEPS = 1000  # SQLite virtual-machine steps between two looks at the clock

# Pragmas that only read, even when given an argument (`PRAGMA table_info(events)`).
READING_PRAGMAS = {
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
    "foreign_key_list", "function_list", "module_list", "pragma_list", "collation_list",
    "database_list", "compile_options",
}
# Authorizer actions that write, by their sqlite3 constant names: the refusal names them.
WRITING_ACTIONS = {
    getattr(sqlite3, name): name.removeprefix("SQLITE_").replace("_", " ").lower()
    for name in dir(sqlite3)
    if name.startswith(("SQLITE_CREATE_", "SQLITE_DROP_"))
    or name in ("SQLITE_INSERT", "SQLITE_UPDATE", "SQLITE_DELETE", "SQLITE_ALTER_TABLE",
                "SQLITE_ATTACH", "SQLITE_DETACH", "SQLITE_REINDEX", "SQLITE_ANALYZE",
                "SQLITE_TRANSACTION", "SQLITE_SAVEPOINT")
}


ROW_WRITES = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}
INTERNAL_WRITES = ("events_fts", "sqlite_master")


class SqlError(TimelineError):
    """A query that was refused, failed, or ran out of time; the message says which."""


@dataclass
class Result:
    columns: list[str]
    rows: Iterator[tuple]


def database_path(url: str) -> Path:
    """The file behind a SQLite URL; other databases are for their own clients."""
    if not url.startswith("sqlite:///"):
        raise SqlError("timeline sql reads SQLite files; for PostgreSQL use psql with a "
                       "read-only role")
    return Path(url.removeprefix("sqlite:///"))


class ReadOnly(sqlite3.Connection):
    """A sqlite3 connection that remembers what its authorizer refused and its time limit."""

    refused: list[str]
    time_limit: float


def connect(path: Path, time_limit: float = DEFAULT_TIME_LIMIT) -> ReadOnly:
    """A connection that cannot write, attach, or run longer than `time_limit` per query."""
    if not path.is_file():
        raise SqlError(f"no database at {path}")
    # isolation_level None: no implicit BEGIN, so a refusal names the statement, not "transaction".
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, factory=ReadOnly,
                           isolation_level=None)
    conn.execute("PRAGMA query_only = 1")
    conn.refused, conn.time_limit = [], time_limit
    conn.set_authorizer(_authorizer(conn.refused))
    return conn


def _authorizer(refused: list[str]):
    def authorize(action, arg1, arg2, _db, _trigger):
        if action in ROW_WRITES and (arg1 or "").startswith(INTERNAL_WRITES):
            # Opening an FTS5 table parses statements on its shadow tables and on
            # sqlite_master that a read never runs; the read-only open stops any real write.
            return sqlite3.SQLITE_OK
        if action in WRITING_ACTIONS:
            refused.append(WRITING_ACTIONS[action])
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_PRAGMA and arg2 is not None \
                and (arg1 or "").lower() not in READING_PRAGMAS:
            refused.append(f"PRAGMA {arg1} = {arg2}")
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK
    return authorize


def query(conn: ReadOnly, sql: str, params: dict[str, str] | None = None) -> Result:
    """Run one statement; rows are fetched as they are read, each fetch within the time limit."""
    deadline = time.monotonic() + conn.time_limit
    conn.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
    conn.refused.clear()
    if not sql.strip().rstrip(";").strip():  # sqlite3 runs nothing and returns no columns
        raise SqlError("no statement to run")
    try:
        cursor = conn.execute(sql, params or {})
    except (sqlite3.Error, sqlite3.Warning, ValueError) as exc:
        raise _explain(conn, exc) from None
    return Result(unique([d[0] for d in cursor.description or []]), _rows(conn, cursor))


def unique(columns: list[str]) -> list[str]:
    """Column names made unique ('id', 'id_2'), so JSON objects and CSV headers keep every
    column of `SELECT a.id, b.id ...`."""
    seen: dict[str, int] = {}
    out = []
    for name in columns:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out


def _rows(conn: ReadOnly, cursor: sqlite3.Cursor) -> Iterator[tuple]:
    try:
        while batch := cursor.fetchmany(500):
            yield from batch
    except sqlite3.Error as exc:
        raise _explain(conn, exc) from None


def _explain(conn: ReadOnly, exc: Exception) -> SqlError:
    refused = conn.refused
    if refused:
        # "create temp table" also inserts into sqlite_temp_master: name the statement's kind.
        named = [r for r in refused if r not in ("insert", "update", "delete")] or refused
        return SqlError(f"refused: {named[0]} (timeline sql is read-only)")
    message = str(exc)
    if message == "interrupted":
        return SqlError(f"query stopped after its time limit of "
                        f"{conn.time_limit:g} s (--time-limit)")
    if "readonly" in message or "read-only" in message:
        return SqlError(f"refused: {message} (timeline sql is read-only)")
    if "one statement at a time" in message:
        return SqlError("one statement at a time")
    if "supplied" in message and "binding" in message or "You did not supply" in message:
        return SqlError(f"{message} (give each :name with -p name value)")
    return SqlError(f"SQL error: {message}")
