"""Opening the database: URL resolution, SQLite pragmas, and migration to the current schema."""

from __future__ import annotations

import importlib.util
import os
import random
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from timeline.errors import DatabaseError, RevisionError, file_kind

T = TypeVar("T")

DEFAULT_DB = "timeline.db"
ENV_VAR = "TIMELINE_DB"
BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another's lock before giving up
CACHE_KIB = 16 * 1024  # SQLite's page cache a connection, in KiB (PRAGMA cache_size)
# PostgreSQL advisory lock held while a process migrates ("timeline" in ASCII): one key for
# every timeline database on a server, since schema changes are rare and short.
MIGRATION_LOCK_KEY = 0x74696D656C696E65


def resolve_url(given: str | None = None) -> str:
    """A database URL from `--db`, else $TIMELINE_DB, else ./timeline.db; a bare path is SQLite."""
    given = given or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in given:
        return given
    return "sqlite:///" + str(Path(given).expanduser().resolve())


# No ANALYZE, nor `PRAGMA optimize` on close (SQLite's advice for long-lived databases): it
# would make `list` write to the file it reads (and wait on an ingest's lock); before SQLite
# 3.46 it analyzes without a limit, seconds for a million events; and its statistics (no
# histograms) say `status` holds one value, so a planner believing them read every row to
# find the few rejected events. The queries take their indexes without statistics
# (tests/test_query_plans.py) and keep them with such statistics (checked on a million events).
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")  # writers queue, not fail "locked"
    cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
    cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a commit is not an fsync
    # Up to 16 MiB of pages (the default 2 MB), taken only as pages are read. Ranking a search
    # looks up each match's length in events_fts_docsize (10.5 MB for a million events):
    # with 2 MB every ranked page read its pages from the OS again, 4 ms of system time of
    # 48 for "hostages" (40,321 matches), which instruction counts do not see.
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cursor.close()


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


# Schema objects that migrations make by hand and no model declares (full-text search, 0003;
# the dialect's own span expression, 0005): autogenerate must not propose to drop them.
UNMODELLED_TABLE_PREFIXES = ("events_fts",)
UNMODELLED_INDEXES = ("ix_events_sentence_fts", "ix_events_span")


def include_name(name: str | None, type_: str, _parent_names) -> bool:
    """Alembic's include_name hook: compare only what tables.py declares."""
    if type_ == "table" and name and name.startswith(UNMODELLED_TABLE_PREFIXES):
        return False
    return not (type_ == "index" and name in UNMODELLED_INDEXES)


def migrations_dir() -> str:
    """Where the Alembic scripts are: `migrations/` of the checkout this package sits in, else
    the packaged `timeline.migrations` of an installed wheel.

    The checkout is looked at first: an editable install maps `timeline.migrations` to the
    checkout it was made from, which a second worktree on PYTHONPATH must not borrow.
    """
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "alembic.ini").is_file() and (checkout / "migrations" / "env.py").is_file():
        return str(checkout / "migrations")
    spec = importlib.util.find_spec("timeline.migrations")
    if spec is not None and spec.submodule_search_locations:
        return list(spec.submodule_search_locations)[0]
    return str(checkout / "migrations")


def alembic_config(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", migrations_dir())
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision(url: str) -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=\n]*=\s*['\"]([^'\"]+)['\"]", re.M)


def head_from_files() -> str | None:
    """This version's head revision, read from the migration scripts' own `revision` and
    `down_revision` lines: the revision no other script revises. None if that is not one.

    Importing Alembic costs more than the rest of `timeline list` together, and a database
    already at head needs nothing from it.
    """
    revisions, revised = set(), set()
    for script in (Path(migrations_dir()) / "versions").glob("*.py"):
        # Only the lines that can match: the pattern tried at every line start of every
        # script cost `list` 1.7 M instructions.
        lines = "\n".join(line for line in script.read_text(encoding="utf-8").splitlines()
                          if line.startswith(("revision", "down_revision")))
        for kind, revision in _REVISION_LINE.findall(lines):
            (revisions if kind == "revision" else revised).add(revision)
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The revision the database's alembic_version table holds; None when there is none."""
    try:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except SQLAlchemyError:  # no such table yet: a new database, or not a timeline one
        return None
    return rows[0][0] if len(rows) == 1 else None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def run_alembic(engine: Engine, command_name: str, *args) -> None:
    """Run an Alembic command (upgrade, downgrade, ...) on this engine, in one transaction."""
    from alembic import command
    from alembic.util import CommandError

    if any(not str(a).strip() for a in args):  # Alembic would fail an assertion on ''
        raise RevisionError(f"cannot {command_name} to '': name a revision (head, base, +1, -1 "
                            "or an id)")
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    try:
        with migrating(engine) as connection:
            config.attributes["connection"] = connection
            getattr(command, command_name)(config, *args)
    except CommandError as exc:  # an unknown revision, a step past base or head
        raise RevisionError(f"cannot {command_name} to {' '.join(map(str, args))}: {exc}") from None


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """A connection for schema changes: one transaction, SQLite's write lock taken at once,
    foreign keys off while tables are rebuilt, and checked before the commit.

    Alembic's batch mode rebuilds a SQLite table by copy, drop and rename; with foreign keys
    on, dropping the old `events` cascaded to every mention, actor link and edit (downgrading
    0002 emptied them). SQLite ignores that pragma inside a transaction, so it is set before
    BEGIN and restored after the end. BEGIN IMMEDIATE makes a second process that opens a new
    database at the same time wait, then find the schema made, instead of making it twice.
    PostgreSQL gets the same from a transaction-scoped advisory lock: without it, two processes
    opening a new database both ran CREATE TABLE and the second died on a duplicate key.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif engine.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        try:
            yield connection
            if sqlite and (broken := connection.exec_driver_sql("PRAGMA foreign_key_check").all()):
                raise DatabaseError(f"the migration would leave {len(broken)} rows pointing at "
                                    f"nothing (first: {tuple(broken[0])}); nothing was changed")
            connection.commit()
        finally:
            if connection.in_transaction():
                connection.rollback()
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")


def known_revisions(url: str) -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config(url)).walk_revisions()}


def describe(url: str) -> str:
    """The database as a person names it: the file of a SQLite URL, else the URL without password."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except (SQLAlchemyError, ValueError):  # not a URL (a port "abc"): never show its password
        return re.sub(r"://[^/@]*@", "://***@", url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return parsed.render_as_string(hide_password=True)


def _check_sqlite_file(url: str) -> None:
    """Say plainly what SQLite would only call 'unable to open database file'."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return
    path = Path(parsed.database)
    if path.is_dir():
        raise DatabaseError(f"cannot open database {path}: it is a folder, not a database file")
    if not path.parent.is_dir():
        raise DatabaseError(f"cannot open database {path}: its folder {path.parent} does not exist")
    if path.exists() and not path.is_file():  # /dev/null, a FIFO: SQLite's words mislead
        kind = file_kind(path.stat().st_mode)
        raise DatabaseError(f"cannot open database {path}: it is {kind}, not a database file")


def _unopenable(url: str) -> str | None:
    """Why SQLite said 'unable to open database file', when the file system can tell."""
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if not database or database == ":memory:":
        return None
    path = Path(database)
    if not os.access(path.parent, os.W_OK):
        return (f"its folder {path.parent} is not writable (SQLite keeps its -wal and -shm "
                "files beside the database)")
    if path.exists() and not os.access(path, os.R_OK):
        return "the file is not readable (permission denied)"
    return None


def open_database(given: str | None = None, *, migrate: bool = True) -> Engine:
    """Open (creating if needed) the database and bring its schema up to this version's head."""
    url = resolve_url(given)
    shown = describe(url)
    try:
        _check_sqlite_file(url)
        engine = make_engine(url)
        if migrate and stored_revision(engine) == head_from_files():
            return engine  # the usual case, answered without importing Alembic
        current = current_revision(engine)
    except (SQLAlchemyError, ValueError) as exc:  # ValueError: a malformed URL, such as port "abc"
        problem = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        if "unable to open database file" in problem:
            problem = _unopenable(url) or problem
        raise DatabaseError(f"cannot open database {shown}: {problem}") from None
    if current is not None and current not in known_revisions(url):
        raise DatabaseError(
            f"database {shown} has schema revision {current}, made by a newer version of "
            "timeline; upgrade timeline to use it")
    if migrate and current != head_revision(url):
        _upgrade_to_head(engine, url, shown)
    return engine


def _upgrade_to_head(engine: Engine, url: str, shown: str) -> None:
    """Migrate to head, reading the revision again once the write lock is held (see `migrating`)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    config = alembic_config(url)
    with migrating(engine) as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = inspect(connection).get_table_names()
        if current is None and set(tables) - {"alembic_version"}:
            raise DatabaseError(f"{shown} is not a timeline database (it has tables: "
                                f"{', '.join(tables[:5])})")
        if current != head_revision(url):
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# SQLSTATEs of a transaction the server ended so that another could go on (PostgreSQL breaks a
# deadlock so, and fails a serialization conflict so): nothing in it was wrong, and the same
# work run again succeeds. It is run again after a short random wait, so the racers part,
# this many times in all before its failure is reported.
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
ATTEMPTS = 5
RETRY_WAIT = 0.05  # seconds, doubled at each attempt, times a random factor in [0.5, 1.5)


def lost_a_race(exc: Exception) -> bool:
    """Whether a failed transaction lost only a race with another one (psycopg names the
    code `sqlstate`, psycopg2 `pgcode`)."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return code in RETRYABLE_SQLSTATES


def transaction_retried(engine: Engine, work: Callable[[Connection], T], *,
                        undo: Callable[[], None] = lambda: None) -> T:
    """`work(conn)` in a transaction, run again while the server ends it to break a deadlock;
    `undo()` forgets what a failed attempt left in memory. Other failures are raised at once."""
    for attempt in range(ATTEMPTS):
        try:
            with engine.begin() as conn:
                return work(conn)
        except DBAPIError as exc:
            undo()
            if attempt == ATTEMPTS - 1 or not lost_a_race(exc):
                raise
            time.sleep(RETRY_WAIT * 2 ** attempt * (0.5 + random.random()))
    raise AssertionError("unreachable: the last attempt returns or raises")
