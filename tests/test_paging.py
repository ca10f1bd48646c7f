"""Keyset paging (`--after CURSOR`) and the query plans behind the timeline's pages.

A lost index fails here, not on a stopwatch: EXPLAIN QUERY PLAN of each statement `list` runs
must name its index and must not sort the whole match ("USE TEMP B-TREE FOR ORDER BY").
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.dialects import sqlite

from tests.conftest import jsonl
from timeline.db import open_database
from timeline.store import Cursor, EventFilter, timeline_parts


def plans(db_path, flt: EventFilter) -> list[str]:
    engine = open_database(str(db_path))
    out = []
    with engine.connect() as conn:
        for part in timeline_parts(flt):
            compiled = part.limit(50).compile(dialect=sqlite.dialect(),
                                              compile_kwargs={"render_postcompile": True})
            params = tuple(compiled.params[name] for name in compiled.positiontup)
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params).all()
            out.append("\n".join(row[-1] for row in rows))
    return out


@pytest.mark.parametrize("flt,index", [
    (EventFilter(limit=50), "ix_events_timeline_order"),
    (EventFilter(limit=50, reverse=True), "ix_events_timeline_order"),
    (EventFilter(limit=50, after=Cursor(date(2019, 5, 1), 1234)), "ix_events_timeline_order"),
    (EventFilter(limit=50, since=date(2020, 1, 1)), "ix_events_timeline_order"),
    (EventFilter(types=("attack",), since=date(2020, 1, 1), until=date(2020, 12, 31), limit=50),
     "ix_events_type_dates"),
], ids=["timeline", "reverse", "keyset-page", "since", "type-and-date-range"])
def test_dated_events_come_from_an_index_in_timeline_order(db_path, flt, index):
    dated = plans(db_path, flt)[0]
    assert index in dated
    assert "USE TEMP B-TREE FOR ORDER BY" not in dated  # no sort of every matching row


def test_undated_events_come_from_an_index_too(db_path):
    undated = plans(db_path, EventFilter(limit=50))[1]
    assert "ix_events_timeline_order" in undated
    assert "TEMP B-TREE" not in undated


def test_a_date_bound_skips_the_undated_statement(db_path):
    assert len(plans(db_path, EventFilter(since=date(2020, 1, 1)))) == 1


@pytest.mark.parametrize("text,expected", [
    ("2020-04-02:1234", Cursor(date(2020, 4, 2), 1234)),
    ("undated:7", Cursor(None, 7)),
], ids=["dated", "undated"])
def test_a_cursor_reads_back_what_it_writes(text, expected):
    assert Cursor.parse(text) == expected
    assert str(expected) == text


def walk_pages(cli, size: int, *extra: str) -> list[dict]:
    """Every event, a page of `size` at a time, each page after the last row of the one before
    (its date_start and id are the cursor)."""
    seen, after = [], []
    while True:
        result = cli("list", "--format", "jsonl", "--limit", str(size), *extra, *after)
        assert result.exit_code == 0, result.output
        page = jsonl(result.stdout)
        seen += page
        if len(page) < size:
            return seen
        after = ["--after", f"{page[-1]['date_start'] or 'undated'}:{page[-1]['id']}"]


def test_a_full_page_in_the_table_says_where_the_next_starts(seeded):
    first = jsonl(seeded("list", "--format", "jsonl", "--limit", "3").stdout)
    table = seeded("list", "--limit", "3")
    assert table.exit_code == 0
    assert f"the next page: --after {first[-1]['id']}" in table.stdout
    assert "next page" not in seeded("list").stdout, "no hint when everything is shown"


@pytest.mark.parametrize("extra", [(), ("--reverse",)], ids=["forward", "reverse"])
def test_paging_with_after_walks_the_whole_timeline_once(seeded, extra):
    everything = jsonl(seeded("list", "--format", "jsonl", *extra).stdout)
    assert len(everything) > 6, "the seeds give enough events for several pages"
    assert walk_pages(seeded, 3, *extra) == everything


def test_paging_reaches_the_undated_events_after_the_dated_ones(seeded):
    everything = jsonl(seeded("list", "--format", "jsonl").stdout)
    undated = [e for e in everything if e["date_start"] is None]
    if not undated:
        pytest.skip("the seeds gave no undated event")
    last_dated = [e for e in everything if e["date_start"]][-1]
    result = seeded("list", "--format", "jsonl", "--after",
                    f"{last_dated['date_start']}:{last_dated['id']}")
    assert [e["id"] for e in jsonl(result.stdout)] == [e["id"] for e in undated]


@pytest.mark.parametrize("value", ["2020-04-02", "yesterday:3", "2020-02-31:4", "2020-01-01:x"],
                         ids=["no-id", "not-a-date", "impossible-date", "id-not-a-number"])
def test_a_malformed_cursor_is_a_usage_error(seeded, value):
    result = seeded("list", "--after", value)
    assert result.exit_code == 2
    assert "is not a page cursor" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [(), ("--type", "statement", "--limit", "3"),
                                  ("--reverse", "--offset", "2")],
                         ids=["everything", "filtered-page", "reverse-offset"])
def test_fast_csv_export_writes_the_same_bytes_as_the_row_writer(seeded, db_path, args):
    """`export --format csv` has the database make its cells (store.iter_event_rows): its file
    must be byte for byte what the dict writer makes of the same events."""
    import io

    from timeline.cli.options import make_filter
    from timeline.export import EVENT_COLUMNS, write
    from timeline.store import iter_events

    exported = seeded("export", "--format", "csv", *args).stdout_bytes.decode("utf-8")
    options = dict(zip(args[::2], args[1::2])) if "--reverse" not in args else {}
    flt = make_filter(types=[options["--type"]] if "--type" in options else (),
                      limit=int(options["--limit"]) if "--limit" in options else None,
                      reverse="--reverse" in args, offset=2 if "--offset" in args else 0)
    expected = io.StringIO()
    with open_database(str(db_path)).connect() as conn:
        write(iter_events(conn, flt), EVENT_COLUMNS, "csv", expected)
    assert exported == expected.getvalue()
    assert exported.count("\n") > 1


def test_stats_of_the_whole_timeline_count_what_the_filtered_queries_count(seeded, db_path):
    """`stats` with no filter takes the index-only path; it must agree with the general one,
    rejected events and all."""
    from timeline.stats import filtered_stats, stats_of_the_whole_timeline

    events = jsonl(seeded("list", "--format", "jsonl").stdout)
    for event in events[:3]:
        assert seeded("reject", str(event["id"])).exit_code == 0
    with open_database(str(db_path)).connect() as conn:
        fast = stats_of_the_whole_timeline(conn, top=5)
        assert fast == filtered_stats(conn, EventFilter(), top=5)
    assert fast["events"] == len(events) - 3


def test_an_actor_in_two_roles_of_one_event_counts_once_in_stats(seeded, db_path):
    import sqlite3

    from timeline.stats import filtered_stats, stats_of_the_whole_timeline

    conn = sqlite3.connect(db_path)
    event_id, actor_id, role = conn.execute("SELECT * FROM event_actors LIMIT 1").fetchone()
    other = next(r for r in ("agent", "target", "speaker", "participant") if r != role)
    conn.execute("INSERT INTO event_actors VALUES (?, ?, ?)", (event_id, actor_id, other))
    conn.commit()
    with open_database(str(db_path)).connect() as db:
        assert stats_of_the_whole_timeline(db, top=20) == filtered_stats(db, EventFilter(), top=20)


def test_stats_leave_out_an_article_whose_every_event_is_rejected(seeded, db_path):
    """As they leave out its rejected events, on the index-only path and the general one."""
    import sqlite3

    from timeline.stats import filtered_stats, stats_of_the_whole_timeline

    conn = sqlite3.connect(db_path)
    article, = conn.execute("SELECT article_id FROM events GROUP BY article_id "
                            "ORDER BY count(*) LIMIT 1").fetchone()
    ids = [i for (i,) in conn.execute("SELECT id FROM events WHERE article_id = ?", (article,))]
    conn.close()
    with open_database(str(db_path)).connect() as db:
        before = stats_of_the_whole_timeline(db)
    for event_id in ids:
        assert seeded("reject", str(event_id)).exit_code == 0
    with open_database(str(db_path)).connect() as db:
        after = stats_of_the_whole_timeline(db)
        general = filtered_stats(db, EventFilter())
    assert after == general
    articles = lambda counts: sum(n for _, n in counts["articles_by_month"])
    assert articles(after) == articles(before) - 1
    assert after["events"] == before["events"] - len(ids)


@pytest.mark.parametrize("flt", [
    EventFilter(search="said"),
    EventFilter(search="said", reverse=True),
    EventFilter(search="said", since=date(2017, 1, 1)),
    EventFilter(search="attack", limit=3, offset=2),
    EventFilter(search="said", one_per_incident=True, limit=4),
    EventFilter(actor="Daesh", limit=2),
    EventFilter(actor="Daesh", reverse=True),
], ids=["all", "reverse", "since", "offset-page", "per-incident", "actor", "actor-reverse"])
def test_a_search_or_actor_walked_or_looked_up_lists_the_same_events(seeded, db_path, monkeypatch, flt):
    """Many matching events are tested on an index walk, few are looked up and sorted
    (store.LOOK_UP_AT_MOST): both give the same page."""
    from timeline import store

    def listed(at_most: int) -> list:
        monkeypatch.setattr(store, "LOOK_UP_AT_MOST", at_most)
        with open_database(str(db_path)).connect() as conn:
            assert store.walks(conn, flt) == (at_most == 0)
            return [(e["id"], e["date_start"]) for e in store.iter_events(conn, flt)]

    looked_up = listed(10**9)
    assert looked_up, "the seeds hold the word and the actor"
    assert listed(0) == looked_up


@pytest.mark.parametrize("flt", [
    EventFilter(search="said", by_rank=True, limit=1),
    EventFilter(search="said", by_rank=True, limit=3, offset=2),
    EventFilter(search="said", by_rank=True, limit=4, reverse=True),
    EventFilter(search="attack", by_rank=True, limit=2, types=("statement",)),
    EventFilter(search="said", by_rank=True, limit=50, one_per_incident=True),
], ids=["first", "offset-page", "reverse", "few-pass-the-type", "per-incident"])
def test_a_page_of_best_matches_is_the_page_of_every_match_sorted(seeded, db_path, flt):
    """`list --search` ranks in FTS5 and reads only the best few events (store.best_match_page);
    the page must be the one a single statement sorting every match gives."""
    from timeline.models import Event
    from timeline.store import event_query, iter_events

    with open_database(str(db_path)).connect() as conn:
        expected = list(conn.execute(event_query(flt).with_only_columns(Event.id)).scalars())
        assert expected, "the seeds hold the word"
        assert [e["id"] for e in iter_events(conn, flt)] == expected


def test_a_page_of_best_matches_leaves_the_callers_transaction_open(seeded, db_path):
    """The ranking runs in a savepoint (store.best_match_page): inside a caller's transaction
    it sees the caller's own writes and commits none of them."""
    from sqlalchemy import update

    from timeline.tables import EVENTS
    from timeline.store import iter_events

    flt = EventFilter(search="quixotically", by_rank=True, limit=5)
    engine = open_database(str(db_path))
    with engine.connect() as conn:
        first = conn.execute(EVENTS.select().limit(1)).first()
        conn.execute(update(EVENTS).where(EVENTS.c.id == first.id)
                     .values(sentence=first.sentence + " quixotically"))
        assert [e["id"] for e in iter_events(conn, flt)] == [first.id]
        conn.rollback()
    with engine.connect() as conn:
        assert list(iter_events(conn, flt)) == []
