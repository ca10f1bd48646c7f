"""Parallel ingest (`--jobs N`): the same database as one process, errors reported, nothing twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpus import article
from tests.conftest import jsonl

ARTICLES = 24  # three batches of eight: enough to start the worker pool


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(ARTICLES):
        (folder / f"{i:03d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def run(tmp_path: Path, name: str, *args: str):
    from click.testing import CliRunner

    from timeline.cli import main

    return CliRunner().invoke(main, ["--db", str(tmp_path / name), *args], catch_exceptions=False)


def test_two_jobs_store_exactly_what_one_process_stores(corpus, tmp_path):
    one = run(tmp_path, "one.db", "ingest", "--jobs", "1", str(corpus))
    two = run(tmp_path, "two.db", "ingest", "--jobs", "2", str(corpus))
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert one.stdout.startswith(f"{ARTICLES} articles added, 0 skipped as already known, 0 failed")
    # Commits follow the input order, so even the ids agree.
    assert (run(tmp_path, "one.db", "export", "--format", "jsonl").stdout
            == run(tmp_path, "two.db", "export", "--format", "jsonl").stdout)
    assert (run(tmp_path, "one.db", "articles", "--format", "jsonl").stdout
            == run(tmp_path, "two.db", "articles", "--format", "jsonl").stdout)


def test_ingesting_again_in_parallel_adds_nothing(corpus, tmp_path):
    assert run(tmp_path, "t.db", "ingest", "--jobs", "2", str(corpus)).exit_code == 0
    again = run(tmp_path, "t.db", "ingest", "--jobs", "2", str(corpus))
    assert again.exit_code == 0
    assert again.stdout.strip() == (f"0 articles added, {ARTICLES} skipped as already known, "
                                    "0 failed; 0 events added")


def test_duplicates_within_one_parallel_run_are_stored_once(corpus, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in sorted(corpus.iterdir())[:10]:
        (copy / path.name).write_bytes(path.read_bytes())
    result = run(tmp_path, "t.db", "ingest", "--jobs", "2", str(corpus), str(copy))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{ARTICLES} articles added, 10 skipped as already known")


def test_bad_files_in_a_parallel_run_are_reported_and_the_others_land(corpus, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in sorted(corpus.iterdir())[:12]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "050_empty.txt").write_bytes(b"")
    (folder / "051_binary.txt").write_bytes(b"\x00\x01junk\x00" * 50)
    result = run(tmp_path, "t.db", "ingest", "--jobs", "2", str(folder))
    assert result.exit_code == 1
    assert "12 articles added, 0 skipped as already known, 2 failed" in result.stdout
    assert f"{folder / '050_empty.txt'}: empty file" in result.stderr
    assert f"{folder / '051_binary.txt'}: binary file" in result.stderr
    assert "Traceback" not in result.output
    assert len(jsonl(run(tmp_path, "t.db", "articles", "--format", "jsonl").stdout)) == 12


@pytest.mark.parametrize("value", ["0", "-2", "many"], ids=["zero", "negative", "word"])
def test_a_bad_jobs_value_is_a_usage_error(tmp_path, value):
    result = run(tmp_path, "t.db", "ingest", "--jobs", value, str(tmp_path))
    assert result.exit_code == 2
    assert "--jobs" in result.output
