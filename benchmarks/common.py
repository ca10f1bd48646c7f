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
        goal: str = "") -> dict:
    """One report row; the ratio is figure/baseline for rates, baseline/figure for times."""
    ratio = None
    if baseline_value:
        ratio = value / baseline_value if higher_is_better else baseline_value / value
        ratio = round(ratio, 3)
    return {"name": name, "value": round(value, 3), "unit": unit, "baseline": baseline,
            "baseline_value": None if baseline_value is None else round(baseline_value, 3),
            "ratio": ratio, "goal": goal}


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def p50_ms(fn: Callable[[], object], repeat: int = 21, warmup: int = 2) -> float:
    """Median wall time of `fn` in milliseconds, after a warm-up (a cold cache is not a p50)."""
    for _ in range(warmup):
        fn()
    return statistics.median(timed(fn) for _ in range(repeat)) * 1000
