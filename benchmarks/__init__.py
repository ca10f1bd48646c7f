"""The benchmark suite: every figure measured beside a baseline taken in the same run.

Run it with `python -m benchmarks` (see benchmarks/README.md). Each `bench_*.py` module here
has `run() -> list[dict]`; the runner finds them by name, so adding a module adds a section.
"""
