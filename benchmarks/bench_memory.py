"""Memory: ingesting a 50 MB dump of articles keeps every process under 300 MB.

The dump is a folder of corpus articles totalling 50 MB (a JSON Lines reader is not in main
yet; when it is, a .jsonl dump is the better test). `timeline ingest --jobs N` runs as a child
of a small wrapper that reports the largest resident set any of its descendants reached
(getrusage RUSAGE_CHILDREN: the writer and each worker are measured alone, not summed).
"""

from __future__ import annotations

import os
import shutil
import sys

from benchmarks import corpus
from benchmarks.bench_export import peak_kb
from benchmarks.common import bench_dir, quick, row, timed

DUMP_BYTES = 50 * 2**20


def run() -> list[dict]:
    size = 2 * 2**20 if quick() else DUMP_BYTES
    folder = corpus.build_bytes(size)
    total = sum(p.stat().st_size for p in folder.glob("*.txt"))
    work = bench_dir() / "memory"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(corpus.HERE.parent)}
    env.pop("TIMELINE_DB", None)
    jobs = os.cpu_count() or 1
    peak = 0

    def go() -> None:
        nonlocal peak
        peak = peak_kb([sys.executable, "-m", "timeline.cli", "--db", str(work / "dump.db"),
                        "ingest", "--jobs", str(jobs), str(folder)], env=env)

    seconds = timed(go)
    shutil.rmtree(work, ignore_errors=True)
    articles = len(list(folder.glob("*.txt")))
    return [row(f"ingest a {total / 2**20:.0f} MB dump ({articles:,} files, --jobs {jobs}): "
                f"peak RSS of any process", peak / 1024, "MB", goal="< 300 MB",
                higher_is_better=False),
            row("ingest of that dump: articles/s", articles / seconds, "articles/s")]
