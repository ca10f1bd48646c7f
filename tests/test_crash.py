"""Crash safety: an ingest killed with SIGKILL in the middle of a large run leaves a sound
database holding only whole articles, and the next ingest completes it without duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.articles import write_articles
from tests.conftest import ROOT

ARTICLES = 200


def start_ingest(db: Path, *inputs: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "timeline.cli", "--db", str(db), "ingest",
                             *map(str, inputs)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def wait_for(db: Path, process: subprocess.Popen, at_least: int, limit: float = 120) -> int:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if (n := stored_articles(db)) >= at_least:
            return n
        time.sleep(0.05)
    raise AssertionError(f"ingest stored fewer than {at_least} articles: "
                         f"{process.poll()=} {process.stderr.read() if process.poll() is not None else ''}")


def children(pid: int) -> list[int]:
    """The processes `pid` started (ingest's extraction workers), read from /proc."""
    if not Path("/proc").is_dir():
        pytest.skip("no /proc to read the worker processes from")
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def still_running(pids: list[int], within: float) -> list[int]:
    """Which of `pids` still run after waiting up to `within` seconds for them to end."""
    deadline = time.monotonic() + within
    while (alive := [p for p in pids if _running(p)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):  # ended
        return False
    return state != "Z"  # a zombie has ended; only its parent's wait is missing


def fresh_event_counts(db: Path) -> dict[str, tuple[int, int]]:
    """Per stored article (by sha256): its stored event count and a fresh extraction's count."""
    from timeline.db import open_database
    from timeline.intervals import Interval, Precision
    from timeline.pipeline import extract_events
    from timeline.records import Article, PublishedBasis

    counts = {}
    with open_database(str(db)).connect() as conn:
        rows = conn.execute(text(
            "SELECT a.sha256, a.source, a.title, a.text, a.published, a.published_end, "
            "a.published_precision, a.published_basis, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) FROM articles a")).all()
    for sha, source, title, body, pub, pub_end, precision, basis, stored in rows:
        published = (Interval(_day(pub), _day(pub_end or pub), Precision(precision))
                     if pub else None)
        article = Article(source=source, text=body, title=title, published=published,
                          published_basis=PublishedBasis(basis))
        counts[sha] = (stored, len(extract_events(article)[0]))
    return counts


def _day(value):
    from datetime import date

    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


@pytest.mark.slow
def test_a_killed_ingest_leaves_whole_articles_and_the_next_one_completes_it(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "timeline.db"
    write_articles(folder, ARTICLES)
    process = start_ingest(db, folder)
    try:
        wait_for(db, process, at_least=ARTICLES // 8)
        workers = children(process.pid)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    assert still_running(workers, within=10) == [], "a killed ingest's workers live on"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    half = fresh_event_counts(db)
    assert 0 < len(half) < ARTICLES
    assert all(stored == fresh for stored, fresh in half.values()), "a half-stored article"

    again = start_ingest(db, folder)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert out.startswith(f"{ARTICLES - len(half)} articles added, {len(half)} skipped as "
                          "already known, 0 failed;")
    whole = fresh_event_counts(db)
    assert len(whole) == ARTICLES
    assert all(stored == fresh for stored, fresh in whole.values())
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT sha256) FROM articles").fetchone() \
            == (ARTICLES, ARTICLES)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
