"""The readers benchmark runs end to end and gives the runner's row shape (quick sizes)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_the_readers_benchmark_runs_as_a_script_and_reports_every_format(tmp_path):
    env = {"TIMELINE_BENCH_QUICK": "1", "TIMELINE_BENCH_DIR": str(tmp_path), "PATH": "/usr/bin"}
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_readers.py")],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for fmt in ("text", "html", "jsonl", "csv", "feed", "zip"):
        assert f"| readers: {fmt} (24 articles) " in result.stdout
    assert "articles/s" in result.stdout and "open() + json.loads, each line" in result.stdout


def test_rows_have_the_runner_keys(monkeypatch, tmp_path):
    from benchmarks import bench_readers
    from benchmarks.run import ROW_KEYS

    monkeypatch.setenv("TIMELINE_BENCH_QUICK", "1")
    monkeypatch.setenv("TIMELINE_BENCH_DIR", str(tmp_path))
    rows = bench_readers.run()
    assert len(rows) == 6
    for r in rows:
        assert all(k in r for k in ROW_KEYS)
        assert r["value"] > 0 and r["baseline_value"] > 0 and r["unit"] == "articles/s"
