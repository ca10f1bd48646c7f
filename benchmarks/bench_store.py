"""Storage: events stored a second through the product's write path, against raw sqlite3.

The product path is `store.save_article` (SQLAlchemy Core: the article, its events, their
actor links), 100 articles a transaction and one article a transaction (ingest stores 32).
The baseline inserts the very same rows (events and actor links, values already converted)
with `sqlite3.executemany` into a database of the same schema and pragmas, in one
transaction: the fastest SQLite can be fed.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from datetime import date, timedelta

from benchmarks.bigdb import actor_pool, events_for, sentences
from benchmarks.common import bench_dir, quick, row, timed


def workload(articles: int) -> list[tuple]:
    rng = random.Random("bench-store")
    pool, said = actor_pool(rng), sentences(rng)
    out = []
    for i in range(articles):
        published = date(2010, 1, 1) + timedelta(days=rng.randrange(5000))
        out.append((i, published, events_for(rng, pool, said, published)[:25]))
    return out


def product(path, work, per_transaction: int = 1) -> float:
    from timeline.db import open_database
    from timeline.intervals import Interval
    from timeline.records import Article
    from timeline.store import ActorCache, save_article

    engine = open_database(str(path))
    actors = ActorCache()  # as pipeline.ingest keeps one for its run

    def write() -> None:
        for first in range(0, len(work), per_transaction):
            with engine.begin() as conn:
                for i, published, events in work[first:first + per_transaction]:
                    save_article(conn, Article(f"bench/{i}", " ".join(e.sentence for e in events),
                                               published=Interval.day(published)),
                                 f"{i:064x}", events, "bench", actors=actors)
            actors.commit()

    seconds = timed(write)
    engine.dispose()
    return seconds


def raw_rows(path) -> tuple[list[str], list[tuple], list[tuple], list[tuple], list[tuple]]:
    """The rows the product wrote, read back as plain tuples (what executemany is given)."""
    conn = sqlite3.connect(path)
    tables = {}
    for table in ("articles", "actors", "events", "event_actors"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        tables[table] = (cols, conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())
    conn.close()
    return tables


def raw(path, schema_from, tables) -> float:
    shutil.copy(schema_from, path)
    conn = sqlite3.connect(path, isolation_level=None)
    for table in ("event_actors", "events", "actors", "articles"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("VACUUM")
    conn.executescript("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                       "PRAGMA synchronous = NORMAL")

    def write() -> None:
        conn.execute("BEGIN")
        for table in ("articles", "actors", "events", "event_actors"):
            cols, rows = tables[table]
            conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) "
                             f"VALUES ({', '.join('?' * len(cols))})", rows)
        conn.execute("COMMIT")

    seconds = timed(write)
    conn.close()
    return seconds


def run() -> list[dict]:
    articles = 40 if quick() else 2000
    folder = bench_dir() / "store"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    work = workload(articles)
    events = sum(len(e) for _, _, e in work)
    rounds = 1 if quick() else 3  # best of three: the machine is shared, a slow round is noise
    bulk_s = min(product(folder / f"bulk{n}.db", work, 100) for n in range(rounds))
    product_s = min(product(folder / f"product{n}.db", work) for n in range(rounds))
    rows = raw_rows(folder / "product0.db")
    raw_s = min(raw(folder / f"raw{n}.db", folder / "product0.db", rows) for n in range(rounds))
    shutil.rmtree(folder, ignore_errors=True)
    baseline = "raw sqlite3.executemany, 1 transaction"
    return [
        row(f"store: save_article, 100 articles a transaction ({events:,} events)",
            events / bulk_s, "events/s", baseline, events / raw_s, goal=">= 0.4x"),
        row(f"store: save_article, 1 transaction an article",
            events / product_s, "events/s", baseline, events / raw_s),
    ]
