"""Shared fixtures: a scratch database per test, the CLI runner, the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "timeline.db"


@pytest.fixture
def cli(db_path: Path):
    """Run `timeline --db <scratch> ARGS...` and return click's Result."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(main, ["--db", str(db_path), *args], input=input,
                             catch_exceptions=False)

    return run


@pytest.fixture
def seeded(cli):
    result = cli("ingest", str(SEEDS))
    assert result.exit_code == 0, result.output
    return cli


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
