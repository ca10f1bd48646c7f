"""Export: a million events to CSV by `timeline export`, against `sqlite3`'s own CSV mode.

Both run as child processes on the cached million-event database and write a file; rows a
second are events over wall seconds, and the peak memory is the child's maximum resident set
(getrusage RUSAGE_CHILDREN, read by a small wrapper process that runs only that child). The
baseline is the sqlite3 shell (`-csv`) running one SELECT for the same rows in the same order:
the export contract's columns, actors joined by '; ' as the CSV has them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks import bigdb
from benchmarks.common import bench_dir, quick, row, timed

HERE = Path(__file__).resolve().parent
SAME_ROWS = """
SELECT e.id, a.source, e.article_id, a.published, e.type, e.date_start, e.date_end, e.precision,
       e.date_text, e.date_basis, e.sentence, e."trigger",
       (SELECT group_concat(name, '; ') FROM (
            SELECT DISTINCT ac.name FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id
            WHERE ea.event_id = e.id)) AS actors,
       e.location, e.country, e.killed, e.injured, e.confidence, e.status
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.status != 'rejected'
ORDER BY e.date_start IS NULL, e.date_start, e.id
"""
MEASURE = ("import resource, subprocess, sys; "
           "code = subprocess.run(sys.argv[1:]).returncode; "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")


def peak_kb(command: list[str], **kwargs) -> int:
    """Run `command` alone under a wrapper; its peak resident memory in KiB."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                          text=True, **kwargs)
    if done.returncode:
        raise RuntimeError(f"{command[:4]} failed: {done.stderr[-500:]}")
    return int(done.stdout.strip().splitlines()[-1])


def run() -> list[dict]:
    count = 20_000 if quick() else 1_000_000
    db = bigdb.build(count)
    out = bench_dir() / "export"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    sqlite_shell = shutil.which("sqlite3")
    env = {"PYTHONPATH": str(HERE.parent), "PATH": "/usr/bin:/bin"}
    ours_kb = 0

    def ours() -> None:
        nonlocal ours_kb
        ours_kb = peak_kb([sys.executable, "-m", "timeline.cli", "--db", str(db), "export",
                           "--format", "csv", "-o", str(out / "timeline.csv")], env=env)

    ours_s = timed(ours)
    rows = [row(f"export --format csv ({count:,} events)", count / ours_s, "rows/s",
                None, None, goal=">= 0.35x")]
    if sqlite_shell:
        with open(out / "sqlite3.csv", "w") as target:
            theirs_s = timed(lambda: subprocess.run(
                [sqlite_shell, "-csv", "-header", str(db), SAME_ROWS], stdout=target, check=True))
        rows[0].update(row(rows[0]["name"], count / ours_s, "rows/s",
                           "sqlite3 -csv, the same rows", count / theirs_s, goal=">= 0.35x"))
    rows.append(row("export --format csv: peak memory (max RSS)", ours_kb / 1024, "MB",
                    goal="< 150 MB", higher_is_better=False))
    shutil.rmtree(out, ignore_errors=True)
    return rows
