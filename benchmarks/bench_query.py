"""Queries on a million events: the pages `list` serves, and `stats`.

Each figure is the median of repeated runs (after a warm-up) on the cached million-event
database (`bigdb`), through the library calls the CLI makes. Each has a baseline run in the
same process: the same rows through one statement ordered by `date_start IS NULL, date_start,
id` (how `list` queried before it walked indexes), OFFSET for the deep page, and for `stats`
a bare `SELECT count(*)` over the events, the least any count of them costs.
"""

from __future__ import annotations

from datetime import date

from benchmarks import bigdb
from benchmarks.common import p50_ms, p50_wall_cpu, quick, row

GOAL = "p50 <= 50 ms"
PAGE = 50
DEEP_PAGE = 10_000


def one_statement(conn, flt):
    from timeline.models import Article, Event
    from timeline.store import _stream, event_query

    return list(_stream(conn, event_query(flt, conn.dialect.name).with_only_columns(
        *Event.__table__.c, Article.source, Article.published)))


def page_cursor(conn, page: int):
    """The cursor a reader holds after `page - 1` pages: the last row of the page before."""
    from timeline.models import Event
    from timeline.store import Cursor

    from sqlalchemy import select

    row_ = conn.execute(select(Event.date_start, Event.id).where(Event.date_start.is_not(None))
                        .order_by(Event.date_start, Event.id)
                        .offset((page - 1) * PAGE - 1).limit(1)).first()
    return Cursor(row_.date_start, row_.id)


def run() -> list[dict]:
    from timeline.db import open_database
    from timeline.stats import stats
    from timeline.store import EventFilter, iter_events

    count = 20_000 if quick() else 1_000_000
    engine = open_database(str(bigdb.build(count)))
    deep = min(DEEP_PAGE, count // PAGE // 2)
    repeat = 5 if quick() else 21
    rows = []
    with engine.connect() as conn:
        def timed_pair(name, flt, baseline_name, baseline_fn, goal=GOAL, n=repeat):
            ours, cpu = p50_wall_cpu(lambda: list(iter_events(conn, flt)), n)
            theirs = p50_ms(baseline_fn, max(3, n // 4))
            rows.append(row(name, ours, "ms", baseline_name, theirs, higher_is_better=False,
                            goal=goal, cpu_ms=cpu))

        by_type = EventFilter(types=("attack",), since=date(2020, 1, 1),
                              until=date(2020, 12, 31), limit=PAGE)
        timed_pair("list --type attack --since 2020 --until 2020 --limit 50", by_type,
                   "one statement, NULLs-last sort", lambda: one_statement(conn, by_type))
        cursor = page_cursor(conn, deep)
        keyset = EventFilter(after=cursor, limit=PAGE)
        by_offset = EventFilter(offset=(deep - 1) * PAGE, limit=PAGE)
        assert [r["id"] for r in iter_events(conn, keyset)] == \
            [r["id"] for r in iter_events(conn, by_offset)], "keyset and OFFSET pages differ"
        timed_pair(f"list page {deep:,} (--after CURSOR, 50 a page)", keyset,
                   "the same page by OFFSET", lambda: list(iter_events(conn, by_offset)))
        actor = EventFilter(actor="Daesh", limit=PAGE)
        timed_pair("list --actor Daesh --limit 50", actor, "one statement, NULLs-last sort",
                   lambda: one_statement(conn, actor))
        search = EventFilter(search="hostages", limit=PAGE)
        timed_pair("list --search hostages --limit 50 (time order)", search,
                   "one statement, NULLs-last sort", lambda: one_statement(conn, search))
        ranked = EventFilter(search="hostages", limit=PAGE, by_rank=True)
        timed_pair("list --search hostages --limit 50 (best match first)", ranked,
                   "time order, as above", lambda: list(iter_events(conn, search)))
        everything = EventFilter()
        ours, cpu = p50_wall_cpu(lambda: stats(conn, everything), 3 if quick() else 7, warmup=1)
        floor = p50_ms(lambda: conn.exec_driver_sql("SELECT count(*) FROM events").scalar(), 5)
        rows.append(row("stats (no filter)", ours, "ms", "SELECT count(*) FROM events", floor,
                        higher_is_better=False, goal="<= 500 ms", cpu_ms=cpu))
    engine.dispose()
    return rows
