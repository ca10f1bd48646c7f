"""CLI start: `timeline --help` and `timeline list --limit 10` against the imports they need.

Each command runs as a new process, as a user runs it, alternating with its baseline so that a
busy moment of the machine hits both; the figure is the median wall time of several runs. The
console script is emulated by importing `timeline.cli:main` exactly as pip's script does. The
warm-up run of each command writes the bytecode that the measured runs load.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import bench_dir, quick, row

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "import sys; from timeline.cli import main; sys.exit(main())"


def wall(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - started


def paired(ours: list[str], baseline: list[str], env: dict, runs: int) -> tuple[float, float]:
    wall(ours, env), wall(baseline, env)  # warm the file cache for both
    a, b = [], []
    for _ in range(runs):
        a.append(wall(ours, env))
        b.append(wall(baseline, env))
    return statistics.median(a) * 1000, statistics.median(b) * 1000


def run() -> list[dict]:
    runs = 3 if quick() else 11
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TIMELINE_DB", None)
    # Bytecode cached, as pip leaves an installed package: with PYTHONDONTWRITEBYTECODE set
    # (as on the shared machines), each timeline module whose .pyc was missing or stale was
    # compiled from source on every run, while the baselines loaded site-packages' .pyc.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    folder = bench_dir() / "cli"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    db = folder / "small.db"
    subprocess.run([sys.executable, "-c", SCRIPT, "--db", str(db), "ingest", "--jobs", "1",
                    str(ROOT / "seeds")], env=env, check=True, capture_output=True)
    help_ms, click_ms = paired([sys.executable, "-c", SCRIPT, "--help"],
                               [sys.executable, "-c", "import click"], env, runs)
    list_ms, floor_ms = paired(
        [sys.executable, "-c", SCRIPT, "--db", str(db), "list", "--limit", "10"],
        [sys.executable, "-c", "import sqlalchemy.orm, click, rich.console, rich.table"],
        env, runs)
    shutil.rmtree(folder, ignore_errors=True)
    return [
        row("timeline --help", help_ms, "ms", 'python -c "import click"', click_ms,
            higher_is_better=False, goal=">= 0.67x (within 1.5x)"),
        row("timeline list --limit 10 (the seeds' database)", list_ms, "ms",
            'python -c "import sqlalchemy.orm, click, rich.console, rich.table"', floor_ms,
            higher_is_better=False, goal=">= 0.83x (within 1.2x)"),
    ]
