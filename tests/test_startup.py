"""Start-up cost: commands import only what they use (Alembic, dateparser, the extractors)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from timeline.db import head_from_files, head_revision, open_database


def test_the_head_read_from_the_scripts_is_alembics_head():
    assert head_from_files() == head_revision("sqlite://")


def imported_by(code: str) -> set[str]:
    """The top-level modules a fresh interpreter has imported after running `code`."""
    probe = code + "\nimport sys\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("code,never", [
    ("from timeline.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass",
     {"sqlalchemy", "alembic", "dateparser", "rich"}),
    ("from timeline.cli import main\ntry:\n    main(['--db', DB, 'list', '--limit', '10'])\n"
     "except SystemExit:\n    pass", {"alembic", "dateparser"}),
], ids=["help", "list-on-a-database-at-head"])
def test_commands_import_only_what_they_use(tmp_path, code, never):
    db = tmp_path / "t.db"
    open_database(str(db)).dispose()  # made and migrated here: the command finds it at head
    assert not imported_by(f"DB = {str(db)!r}\n" + code) & never
