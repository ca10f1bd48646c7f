"""What every benchmark shares: the bench folder, sizes, timing, and the row shape."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def quick() -> bool:
    """`--quick`: tiny sizes, so a test can check the suite runs end to end in seconds."""
    return os.environ.get("TIMELINE_BENCH_QUICK") == "1"


def bench_dir() -> Path:
    """Where corpora and the big database are cached between runs ($TIMELINE_BENCH_DIR)."""
    folder = Path(os.environ.get("TIMELINE_BENCH_DIR")
                  or Path(tempfile.gettempdir()) / "timeline-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def row(name: str, value: float, unit: str, baseline: str | None = None,
        baseline_value: float | None = None, *, higher_is_better: bool = True,
        goal: str = "", cpu_ms: float | None = None) -> dict:
    """One report row; the ratio is figure/baseline for rates, baseline/figure for times."""
    ratio = None
    if baseline_value:
        ratio = value / baseline_value if higher_is_better else baseline_value / value
        ratio = round(ratio, 3)
    out = {"name": name, "value": round(value, 3), "unit": unit, "baseline": baseline,
           "baseline_value": None if baseline_value is None else round(baseline_value, 3),
           "ratio": ratio, "goal": goal}
    if cpu_ms is not None:
        out["cpu_ms"] = round(cpu_ms, 3)
    return out


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def p50_ms(fn: Callable[[], object], repeat: int = 21, warmup: int = 2) -> float:
    """Median wall time of `fn` in milliseconds, after a warm-up (a cold cache is not a p50)."""
    return p50_wall_cpu(fn, repeat, warmup)[0]


def p50_wall_cpu(fn: Callable[[], object], repeat: int = 21,
                 warmup: int = 2) -> tuple[float, float]:
    """Median wall and CPU (user + system) milliseconds of `fn`, after a warm-up.

    On a shared machine the wall time includes waiting for a core; the CPU time does not, so
    the two together tell a slow query from a busy machine.
    """
    for _ in range(warmup):
        fn()
    walls, cpus = [], []
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000
