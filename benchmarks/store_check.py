"""What ingest stores, written out to compare two versions of the write path: same input, same rows?

    PYTHONPATH=. python -m benchmarks.store_check prepare PREPARED   # extract the corpus once
    PYTHONPATH=. python -m benchmarks.store_check store PREPARED DB OUT.json [--twice N]
    cmp before.json after.json

`prepare` extracts the benchmark corpus (`corpus.build(400)`) and pickles the results, so that
`store` runs `pipeline.ingest` on them with no extraction: it prints the CPU time of storing an
article (everything after extraction: dedupe check, article, events, mentions, actors, incident
placement, FTS5 triggers, commit) and writes what the database then holds: events with every
column, incident ids, actors, aliases, links, mentions, articles, and FTS5 hits with bm25 scores
for a set of words. `--twice N` stores the first N articles again under another name, a day
later for a third of them, so their events join incidents (and some incidents fuse).
Run `store` with each version's checkout on PYTHONPATH (for a checkout without this file:
`PYTHONPATH=OLD python benchmarks/store_check.py store ...`) and compare the files.
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

WORDS = ["attack", "bomb", "police", "killed", "Paris", "arrested", "explosion", "government",
         "militants", "market", "kidnapped", "protest"]


def prepare(out: Path) -> None:
    from benchmarks import corpus
    from timeline.pipeline import prepare_source
    from timeline.readers import read_all

    items = [prepare_source(a, None) for a in read_all([str(corpus.build(400))])]
    out.write_bytes(pickle.dumps(items))


def told_again(items: list, count: int) -> list:
    twins = []
    for item in items[:count]:
        twin = copy.deepcopy(item)
        twin.name = twin.article.source = item.name + ".twin"
        twin.sha = item.sha[::-1]
        if int(twin.sha[0], 16) % 3 == 0:
            for e in twin.events:
                if e.date is not None:
                    e.date = type(e.date)(e.date.start + timedelta(days=1),
                                          e.date.end + timedelta(days=1), e.date.precision)
        twins.append(twin)
    return items + twins


def store(prepared: Path, db: Path, out: Path, twice: int) -> None:
    from timeline import pipeline
    from timeline.db import open_database

    items = told_again(pickle.loads(prepared.read_bytes()), twice)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    engine = open_database(str(db))

    def stored(item, _published, check=None):
        if check is not None and check(item.sha):
            return pipeline.Prepared(item.name, sha=item.sha, known=True)
        return item

    pipeline.read_all, pipeline.prepare_source = (lambda _inputs, _options: items), stored
    started = time.process_time()
    summary = pipeline.ingest(engine, ["corpus"])
    cpu = time.process_time() - started
    engine.dispose()
    print(summary.line())
    print(f"storing: {cpu * 1000 / len(items):.2f} ms of CPU an article")
    out.write_text(json.dumps(contents(db), default=str, indent=0))


def contents(db: Path) -> dict:
    conn = sqlite3.connect(db)
    rows = lambda sql, *args: [list(r) for r in conn.execute(sql, args)]
    event_columns = [r[1] for r in conn.execute("PRAGMA table_info(events)")]
    article_columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)")
                       if r[1] != "ingested_at"]
    return {
        "events": [dict(zip(event_columns, r)) for r in rows("SELECT * FROM events ORDER BY id")],
        "incidents": rows("SELECT id FROM incidents ORDER BY id"),
        "actors": rows("SELECT * FROM actors ORDER BY id"),
        "aliases": rows("SELECT * FROM actor_aliases ORDER BY 1, 2"),
        "links": rows("SELECT * FROM event_actors ORDER BY 1, 2, 3"),
        "mentions": rows('SELECT event_id, sentence, start, "end" FROM event_mentions '
                         "ORDER BY 1, 3"),
        "articles": rows(f"SELECT {', '.join(article_columns)} FROM articles ORDER BY id"),
        "search": {w: rows("SELECT rowid, round(bm25(events_fts, 2.0, 1.0), 6) FROM events_fts "
                           "WHERE events_fts MATCH ? ORDER BY rowid", f'"{w}"') for w in WORDS},
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.store_check")
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("prepare").add_argument("prepared", type=Path)
    run = steps.add_parser("store")
    for name in ("prepared", "db", "out"):
        run.add_argument(name, type=Path)
    run.add_argument("--twice", type=int, default=0, metavar="N")
    args = parser.parse_args()
    if args.step == "prepare":
        prepare(args.prepared)
    else:
        store(args.prepared, args.db, args.out, args.twice)


if __name__ == "__main__":
    main()
