"""A snapshot of everything the reader and extractor produce, to prove a speed-up changed nothing.

    python -m benchmarks.extract_snapshot OUT.json            # write the snapshot
    python -m benchmarks.extract_snapshot OUT.json --time 5   # and the CPU time of the corpus

It reads and extracts, through `pipeline.prepare_source` as ingest does, the 400-article
benchmark corpus, the seeds, every test article set, the reader fixtures under tests/data and
the articles tests/articles.py writes, and dumps each article's publication date and every
field of every event record as sorted JSON. Two snapshots taken before and after a change that
is meant only to be faster must be byte-identical (`cmp`).
`--time N` measures read + extract of the corpus N times (CPU time, time.process_time) and
prints the best, in ms an article and articles a second.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ("html", "feeds", "dumps", "incident", "bad")


def _event(e) -> dict:
    row = dataclasses.asdict(e)
    row["date"] = [*e.date.iso(), str(e.date.precision)] if e.date else None
    row["date_basis"] = str(e.date_basis)
    return row


def _prepared(p) -> dict:
    if p.error is not None:  # without the checkout's folder, so two checkouts compare
        return {"name": p.name, "error": p.error.replace(str(ROOT), "ROOT")}
    a = p.article
    return {"name": p.name, "title": a.title, "sha": p.sha, "version": p.version,
            "published": [*a.published.iso(), str(a.published.precision)] if a.published else None,
            "published_basis": str(a.published_basis),
            "events": [_event(e) for e in p.events]}


def _read_and_extract(paths: list[str]) -> list[dict]:
    from timeline.pipeline import prepare_source
    from timeline.readers import read_all

    return [_prepared(prepare_source(a, None)) for a in read_all(paths)]


def snapshot() -> dict:
    from benchmarks import corpus
    from benchmarks.bench_extract import articles
    from tests.articles import write_articles
    from timeline.extract import extract

    out = {"corpus": _read_and_extract([str(corpus.build(400))])}
    for name, items in articles().items():
        out[name] = [{"name": Path(a.source).name, "events": [_event(e) for e in extract(a)]}
                     for a, _ in items]
    for fixture in FIXTURES:
        out[fixture] = [dict(r, name=Path(r["name"]).name.split("#")[0] + r["name"].partition("#")[2])
                        for r in _read_and_extract([str(ROOT / "tests" / "data" / fixture)])]
    with tempfile.TemporaryDirectory() as tmp:
        write_articles(Path(tmp), 60)
        out["tests_articles"] = [dict(r, name=Path(r["name"]).name) for r in _read_and_extract([tmp])]
    return out


def corpus_cpu_ms(repeats: int) -> float:
    """Best CPU time of reading and extracting the 400-article corpus, in ms an article."""
    from benchmarks import corpus
    from timeline.pipeline import prepare_source
    from timeline.readers import read_all

    folder = str(corpus.build(400))
    [prepare_source(a, None) for a in read_all([folder])]  # warm: data files loaded once
    best = float("inf")
    for _ in range(repeats):
        t = time.process_time()
        n = sum(1 for a in read_all([folder]) if prepare_source(a, None))
        best = min(best, time.process_time() - t)
    return best * 1000 / n


def main() -> None:
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--time", type=int, default=0, help="repeats of the corpus timing")
    args = parser.parse_args()
    Path(args.out).write_text(json.dumps(snapshot(), indent=1, sort_keys=True, ensure_ascii=False))
    if args.time:
        ms = corpus_cpu_ms(args.time)
        print(f"read + extract: {ms:.2f} ms CPU an article, {1000 / ms:.1f} articles/s")


if __name__ == "__main__":
    main()
