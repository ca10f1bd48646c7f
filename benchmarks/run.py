"""The runner: find every `benchmarks/bench_*.py`, call its `run()`, print one report table.

    python -m benchmarks                 # everything, a table on standard output
    python -m benchmarks --only ingest   # one module (bench_ingest), repeatable
    python -m benchmarks --json          # the rows as a JSON list, for scripts
    python -m benchmarks --quick         # small sizes: checks the suite works, not the figures

A row is {"name", "value", "unit", "baseline", "baseline_value", "ratio"}: a figure measured
beside its baseline in the same run, so the ratio holds whatever machine the suite runs on.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROW_KEYS = ("name", "value", "unit", "baseline", "baseline_value", "ratio")


def discover() -> list[str]:
    """The benchmark modules' short names (bench_ingest -> ingest), in name order."""
    return sorted(m.name[len("bench_"):] for m in pkgutil.iter_modules([str(HERE)])
                  if m.name.startswith("bench_"))


def run_module(name: str) -> list[dict]:
    module = importlib.import_module(f"benchmarks.bench_{name}")
    rows = module.run()
    for row in rows:
        missing = [k for k in ROW_KEYS if k not in row]
        if missing:
            raise ValueError(f"bench_{name}: row {row.get('name')!r} lacks {', '.join(missing)}")
        row.setdefault("module", name)
    return rows


def fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if value >= 1000:
            return f"{value:,.0f}"
        return f"{value:.3g}" if value < 10 else f"{value:.1f}"
    return str(value)


def table(rows: list[dict]) -> str:
    """A Markdown table: it reads in a terminal and pastes into benchmarks/README.md as is."""
    head = ["benchmark", "value", "unit", "baseline", "baseline value", "ratio", "goal"]
    lines = [[r["name"], fmt(r["value"]), r["unit"], r["baseline"] or "-",
              fmt(r["baseline_value"]), "-" if r["ratio"] is None else f"{r['ratio']:.2f}x",
              r.get("goal", "")] for r in rows]
    if any("cpu_ms" in r for r in rows):  # CPU time beside wall time: see common.p50_wall_cpu
        head.insert(3, "cpu ms")
        for line, r in zip(lines, rows):
            line.insert(3, fmt(r.get("cpu_ms")))
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines)]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths)) + " |"
            for line in lines]
    return "\n".join(out)


def machine() -> str:
    import platform

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.machine()}; "
            f"load average at start {load}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", metavar="NAME", default=[],
                        help="run only this module (bench_NAME); repeatable")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes, to check the suite runs (figures are not meaningful)")
    args = parser.parse_args(argv)
    if args.quick:
        os.environ["TIMELINE_BENCH_QUICK"] = "1"
    names = discover()
    unknown = [n for n in args.only if n.removeprefix("bench_") not in names]
    if unknown:
        parser.error(f"no benchmark module named {', '.join(unknown)} (have: {', '.join(names)})")
    chosen = [n.removeprefix("bench_") for n in args.only] or names
    rows, failed = [], []
    for name in chosen:
        started = time.perf_counter()
        print(f"running bench_{name} ...", file=sys.stderr, flush=True)
        try:
            rows += run_module(name)
        except Exception:  # one broken module must not hide the others' figures
            failed.append(name)
            traceback.print_exc()
        print(f"  bench_{name} done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.json:
        print(json.dumps(rows, indent=2, default=str))
    else:
        print(f"Machine: {machine()}\n")
        print(table(rows))
    if failed:
        print(f"failed: {', '.join('bench_' + n for n in failed)}", file=sys.stderr)
    return 1 if failed else 0
