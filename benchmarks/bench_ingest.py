"""Ingest: articles a second end to end (read, extract, store), one process and every core.

The corpus is `corpus.build` (about 600 words an article). Each run ingests it into a new
database through `pipeline.ingest`, as `timeline ingest` does. The single process is measured
against the goal of 100 articles a second a core; `--jobs N` against the single process.
"""

from __future__ import annotations

import os
import shutil

from benchmarks import corpus
from benchmarks.common import bench_dir, quick, row, timed


def ingest_seconds(folder, path, jobs: int) -> float:
    from timeline.db import open_database
    from timeline.pipeline import ingest

    engine = open_database(str(path))
    summary = None

    def go() -> None:
        nonlocal summary
        summary = ingest(engine, [str(folder)], jobs=jobs)

    seconds = timed(go)
    engine.dispose()
    assert summary.failed == 0 and summary.added > 0, summary.line()
    return seconds


def extract_seconds(folder) -> float:
    """Read and extract only, no database: how much of ingest is the extractor."""
    from timeline.pipeline import prepare_source
    from timeline.readers import read_all

    return timed(lambda: [prepare_source(a, None) for a in read_all([str(folder)])])


def run() -> list[dict]:
    count = 24 if quick() else 400
    cores = os.cpu_count() or 1
    folder = corpus.build(count)
    work = bench_dir() / "ingest"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    one = ingest_seconds(folder, work / "one.db", 1)
    many = ingest_seconds(folder, work / "many.db", cores)
    extract = extract_seconds(folder)
    shutil.rmtree(work, ignore_errors=True)
    words = sum(len(p.read_text().split()) for p in folder.glob("*.txt")) // count
    return [
        row(f"ingest: 1 process ({count:,} articles of ~{words} words)", count / one,
            "articles/s", "goal: 100 articles/s", 100.0, goal=">= 1x"),
        row(f"ingest: --jobs {cores}", count / many, "articles/s", "1 process", count / one,
            goal=">= 1.7x on 2 cores"),
        row("ingest: read + extract only, 1 process (no database)", count / extract,
            "articles/s", "ingest, 1 process", count / one),
    ]
