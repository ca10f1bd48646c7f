"""Concurrency: two ingest processes and a reader on one SQLite file at once (WAL, busy timeout).

No "database is locked" reaches anyone, nothing is lost or doubled. The two ingests read the same
folder in the same order, so they race on every article: the sha256 unique constraint is hit by
the slower one, which must count the article as already known, not as a failure.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from tests.articles import write_articles
from tests.conftest import ROOT, SEEDS

SHARED, ONLY_B = 80, 40


def timeline(db, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "timeline.cli", "--db", str(db), *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **kwargs)


def summary(out: str) -> tuple[int, int, int]:
    words = out.split()
    return int(words[0]), int(words[3]), int(words[8])  # added, known, failed


@pytest.mark.slow
def test_two_ingests_and_a_reader_at_once_lose_and_double_nothing(tmp_path):
    shared, only_b = tmp_path / "shared", tmp_path / "only_b"
    write_articles(shared, SHARED)
    write_articles(only_b, ONLY_B, start=SHARED)
    db = tmp_path / "timeline.db"  # new: the three processes also race to create the schema

    a = timeline(db, "ingest", "-j", "1", str(shared))  # one process; b uses worker processes
    b = timeline(db, "ingest", str(shared), str(only_b))
    reads, seen = 0, []
    while a.poll() is None or b.poll() is None:
        reader = timeline(db, "export", "--format", "jsonl")
        out, err = reader.communicate(timeout=120)
        assert reader.returncode == 0, err
        assert "locked" not in out + err and "Traceback" not in err
        seen.append(out.count("\n"))
        reads += 1
    (out_a, err_a), (out_b, err_b) = a.communicate(), b.communicate()
    for out, err, proc in ((out_a, err_a, a), (out_b, err_b, b)):
        assert proc.returncode == 0, err
        assert "locked" not in out + err and "Traceback" not in err
    added_a, known_a, failed_a = summary(out_a)
    added_b, known_b, failed_b = summary(out_b)
    assert (failed_a, failed_b) == (0, 0)
    assert added_a + known_a == SHARED and added_b + known_b == SHARED + ONLY_B
    assert added_a + added_b == SHARED + ONLY_B, "an article lost or stored twice"
    assert reads >= 1 and seen == sorted(seen), "a reader saw the timeline shrink"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT sha256) FROM articles").fetchone() \
            == (SHARED + ONLY_B, SHARED + ONLY_B)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        actors = conn.execute("SELECT count(*), count(DISTINCT name) FROM actors").fetchone()
        assert actors[0] >= 3 and actors[0] == actors[1], "an actor lost or created twice"
        assert conn.execute("SELECT count(*) FROM events e LEFT JOIN articles a "
                            "ON a.id = e.article_id WHERE a.id IS NULL").fetchone() == (0,)


def test_a_duplicate_stored_by_another_process_meanwhile_is_known_not_failed(cli, db_path,
                                                                             monkeypatch):
    """The race made certain: while this ingest extracts, another stores the same article."""
    from timeline import pipeline
    from timeline.db import open_database

    seed = str(SEEDS / "000_e877d95a32a4e0ef.txt")
    real_extract = pipeline.extract_events

    def extract_while_another_stores(article):
        monkeypatch.setattr(pipeline, "extract_events", real_extract)
        other = pipeline.ingest(open_database(str(db_path)), [seed], jobs=1)
        assert other.added == 1
        return real_extract(article)

    monkeypatch.setattr(pipeline, "extract_events", extract_while_another_stores)
    result = cli("ingest", "-j", "1", seed)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == ("0 articles added, 1 skipped as already known, 0 failed; "
                                     "0 events added")
    assert result.stderr == ""
