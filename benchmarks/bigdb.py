"""A database of a million events, built through the product's own store path.

Events are made straight from the corpus templates (no extraction: this is about the store
and the queries, and a million events would take the extractor an hour), then written with
`store.save_article` in transactions of many articles sharing one actor cache, which is the
bulk path. The file is cached under the bench folder, keyed by the event count and the
schema head, so a new migration builds a new one.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import bench_dir
from benchmarks.corpus import _fill, templates

EVENTS_PER_ARTICLE = 100  # few, long articles: per-statement cost is paid per article
ARTICLES_PER_TRANSACTION = 100
TYPES = {"attack": 30, "arrest": 20, "statement": 25, "meeting": 10, "kidnapping": 5,
         "release": 4, "sentencing": 6}


def head() -> str:
    from timeline.db import alembic_config, head_revision

    return head_revision("sqlite://")


def path_for(count: int) -> Path:
    return bench_dir() / f"events-{count}-head{head()}.db"


def actor_pool(rng: random.Random) -> list[tuple[str, str]]:
    """About 300 actors: the template groups and agencies, and persons first x last name."""
    t = templates()
    firsts = sorted({p.split()[0] for p in t["persons"]})
    lasts = sorted({p.split()[-1] for p in t["persons"]})
    pool = [(g.removeprefix("the "), "group") for g in t["groups"]]
    pool += [(a.removeprefix("the "), "agency") for a in t["agencies"]]
    pool += [(f"{f} {l}", "person") for f in firsts for l in lasts]
    return pool


def sentences(rng: random.Random, count: int = 4000) -> dict[str, list[str]]:
    """A pool of filled event sentences per type: filling templates per event costs too much."""
    t = templates()
    return {kind: [_fill(rng, rng.choice(t["events"][kind]), date(2020, 1, 1))
                   for _ in range(count // len(TYPES))] for kind in TYPES}


def events_for(rng: random.Random, pool: list, said: dict, published: date) -> list:
    from timeline.intervals import Interval
    from timeline.records import ActorRef, DateBasis, EventRecord

    t = templates()
    kinds, weights = zip(*TYPES.items())
    out = []
    for kind in rng.choices(kinds, weights, k=EVENTS_PER_ARTICLE):
        sentence = rng.choice(said[kind])
        place, country = rng.choice(t["places"])
        day = published - timedelta(days=rng.randrange(0, 30))
        roll = rng.random()
        when = (Interval.day(day) if roll < 0.8 else Interval.month(day.year, day.month)
                if roll < 0.9 else Interval.year(day.year) if roll < 0.95 else None)
        actors = [ActorRef(name, kind_, "agent" if n == 0 else "target")
                  for n, (name, kind_) in enumerate(rng.sample(pool, rng.randrange(0, 3)))]
        out.append(EventRecord(
            type=kind, sentence=sentence, sentence_start=0, sentence_end=len(sentence),
            trigger=kind, date=when, date_text=str(day) if when else None,
            date_basis=DateBasis.EXPLICIT if when else DateBasis.NONE, location=place,
            country=country, killed=rng.randrange(0, 20) if kind == "attack" else None,
            confidence=round(rng.random(), 2), actors=actors))
    return out


def build(count: int = 1_000_000, path: Path | None = None, *, verbose: bool = True) -> Path:
    """The cached database of `count` events (built when missing; returns its path)."""
    from sqlalchemy import event

    from timeline.db import open_database
    from timeline.intervals import Interval
    from timeline.records import Article, PublishedBasis
    from timeline.store import ActorCache, save_article

    path = path or path_for(count)
    if path.exists():
        return path
    older = sorted(path.parent.glob(f"events-{count}-head*.db"))
    if older:
        return migrated(older[-1], path)
    partial = path.with_suffix(".partial")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    engine = open_database(str(partial))
    # A bench-only speed-up: a 256 MB page cache keeps the indexes' hot pages in memory.
    event.listen(engine, "connect", lambda dbapi, _: dbapi.executescript(
        "PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF"))
    engine.dispose()
    rng = random.Random(f"timeline-bigdb-{count}")
    pool, said, cache = actor_pool(rng), sentences(rng), ActorCache()
    started, articles = time.perf_counter(), -(-count // EVENTS_PER_ARTICLE)
    for first in range(0, articles, ARTICLES_PER_TRANSACTION):
        with engine.begin() as conn:
            for i in range(first, min(first + ARTICLES_PER_TRANSACTION, articles)):
                published = date(2000, 1, 1) + timedelta(days=rng.randrange(9500))
                events = events_for(rng, pool, said, published)[: count - i * EVENTS_PER_ARTICLE]
                text = " ".join(e.sentence for e in events)
                article = Article(source=f"bench/{i:07d}.txt", text=text, title=events[0].sentence,
                                  published=Interval.day(published),
                                  published_basis=PublishedBasis.HEADER)
                save_article(conn, article, f"{i:064x}", events, "bench", actors=cache)
        cache.commit()
        if verbose and first % (ARTICLES_PER_TRANSACTION * 25) == 0:
            print(f"  bigdb: {first * EVENTS_PER_ARTICLE:,} events "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    partial.rename(path)
    return path


def migrated(older: Path, path: Path) -> Path:
    """A copy of a database built at an older schema head, upgraded by the product's own
    migrations: minutes faster than a new build when a migration only adds an index."""
    import shutil

    from timeline.db import open_database

    partial = path.with_suffix(".partial")
    shutil.copy(older, partial)
    engine = open_database(str(partial))
    with engine.begin() as conn:
        # No planner statistics: a user's database has none (timeline never runs ANALYZE).
        if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
            conn.exec_driver_sql("DELETE FROM sqlite_stat1")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    partial.rename(path)
    older.unlink()  # one cached million-event database is enough disk
    return path


if __name__ == "__main__":
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    t0 = time.perf_counter()
    print(build(n), f"{time.perf_counter() - t0:.1f} s")
