"""Shared fixtures: a scratch database per test, the CLI runner, the seed articles."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


PG_URL_VAR = "TIMELINE_TEST_PG_URL"  # a PostgreSQL server the tests may create databases on


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "timeline.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path):
    """A new, empty database on each backend: a SQLite file always, and a database of its own
    on the PostgreSQL server named by $TIMELINE_TEST_PG_URL when that is set (else skipped)."""
    if request.param == "sqlite":
        yield "sqlite:///" + str(tmp_path / "timeline.db")
        return
    admin = os.environ.get(PG_URL_VAR)
    if not admin:
        pytest.skip(f"PostgreSQL: set {PG_URL_VAR} to a server's URL to run these")
    yield from fresh_pg_database(admin)


def fresh_pg_database(admin_url: str):
    """Create a database of its own for one test on the server, and drop it afterwards."""
    from sqlalchemy import create_engine, make_url

    name = f"timeline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def url_cli(db_url: str):
    """Run `timeline --db <db_url> ARGS...` on either backend and return click's Result."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(main, ["--db", db_url, *args], input=input,
                             catch_exceptions=False)

    return run


@pytest.fixture
def cli(db_path: Path):
    """Run `timeline --db <scratch> ARGS...` and return click's Result."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(main, ["--db", str(db_path), *args], input=input,
                             catch_exceptions=False)

    return run


@pytest.fixture
def seeded(cli):
    result = cli("ingest", str(SEEDS))
    assert result.exit_code == 0, result.output
    return cli


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# A small, hand-made timeline with the fields the seed extractor does not fill yet (actors with
# aliases, countries, places, tolls), written through the store as ingest writes.
MADE_ARTICLES = [
    {"source": "made/raqqa.txt", "title": "Coalition strikes on Raqqa",
     "published": "2017-10-06",
     "text": "Islamic State fighters attacked a checkpoint in Raqqa on 4 and 5 October 2017, "
             "killing 12. Daesh claimed the attack. Police arrested two men in Paris in "
             "November 2015.",
     "events": [
         {"type": "attack", "date": ("2017-10-04", "2017-10-05", "day"),
          "date_text": "on 4 and 5 October 2017", "date_basis": "explicit",
          "sentence": "Islamic State fighters attacked a checkpoint in Raqqa on 4 and 5 October "
                      "2017, killing 12.", "trigger": "attacked", "location": "Raqqa",
          "country": "SY", "killed": 12, "injured": 3, "confidence": 0.9,
          "actors": [("Islamic State", "group", "agent", "Daesh")]},
         {"type": "arrest", "date": ("2015-11-01", "2015-11-30", "month"),
          "date_text": "in November 2015", "date_basis": "explicit",
          "sentence": "Police arrested two men in Paris in November 2015.", "trigger": "arrested",
          "location": "Paris", "country": "FR", "confidence": 0.6,
          "actors": [("French police", "agency", "agent", None)]},
     ]},
    {"source": "made/statement.txt", "title": "FSB warns of returning fighters",
     "published": "2021-06-14",
     "text": "The FSB said that returning fighters are the main danger. Nothing else happened.",
     "events": [
         {"type": "statement", "date": ("2021-06-14", "2021-06-14", "day"), "date_text": None,
          "date_basis": "publication",
          "sentence": "The FSB said that returning fighters are the main danger.",
          "trigger": "said", "location": "Moscow", "country": "RU", "confidence": 0.4,
          "actors": [("Federal Security Service", "agency", "speaker", "FSB")]},
         {"type": "threat", "date": None, "date_text": None, "date_basis": "none",
          "sentence": "Nothing else happened.", "trigger": "happened", "confidence": 0.1,
          "actors": []},
     ]},
]


def _made_event(spec: dict, text: str):
    from datetime import date

    from timeline.intervals import Interval, Precision
    from timeline.records import ActorRef, DateBasis, EventRecord

    start = text.index(spec["sentence"])
    event = EventRecord(type=spec["type"], sentence=spec["sentence"], sentence_start=start,
                        sentence_end=start + len(spec["sentence"]), trigger=spec["trigger"],
                        date_text=spec["date_text"], date_basis=DateBasis(spec["date_basis"]),
                        location=spec.get("location"), country=spec.get("country"),
                        killed=spec.get("killed"), injured=spec.get("injured"),
                        confidence=spec["confidence"],
                        actors=[ActorRef(*a) for a in spec["actors"]])
    if spec["date"]:
        first, last, precision = spec["date"]
        event.date = Interval(date.fromisoformat(first), date.fromisoformat(last),
                              Precision(precision))
    return event


@pytest.fixture
def made(cli, db_path):
    """The CLI on a database holding MADE_ARTICLES (ids 1, 2; events 1-4 in that order)."""
    from timeline import store
    from timeline.db import open_database
    from timeline.intervals import parse_iso
    from timeline.readers.decode import fingerprint
    from timeline.records import Article, PublishedBasis

    engine = open_database(str(db_path))
    with engine.begin() as conn:
        for spec in MADE_ARTICLES:
            article = Article(source=spec["source"], text=spec["text"], title=spec["title"],
                              published=parse_iso(spec["published"]),
                              published_basis=PublishedBasis.HEADER)
            store.save_article(conn, article, fingerprint(spec["text"]),
                               [_made_event(e, spec["text"]) for e in spec["events"]], "test")
    engine.dispose()
    return cli


def cli_commands() -> dict:
    """Every command of `timeline`, name -> click command, each module imported: the group
    loads a command's module only when asked, so its `commands` starts empty."""
    import click

    ctx = click.Context(main, info_name="timeline")
    return {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}


def add_tricky_cells(url: str) -> dict[str, int]:
    """Edit a seeded or made database (either backend) so its export meets each case the CSV
    cells must get right: an actor in two roles of one event (named once, at its first role),
    a second actor whose name sorts first but whose role comes later (roles order first), an
    actor whose name starts like a formula (the joined cell is quoted), a type the taxonomy
    does not know (mapped like `other`), and an incident told by two articles (reports 2:
    the first event and the last one `elsewhere`, of another article, whose type is the
    unknown one). Returns the ids of the events changed."""
    from sqlalchemy import text

    from timeline.db import open_database

    engine = open_database(url)
    with engine.begin() as conn:
        one = lambda sql, **kw: conn.execute(text(sql), kw).scalar()
        first = one("SELECT min(event_id) FROM event_actors WHERE role = 'agent'")
        agent = one("SELECT min(actor_id) FROM event_actors WHERE event_id = :e", e=first)
        article = one("SELECT article_id FROM events WHERE id = :e", e=first)
        second = one("SELECT min(event_id) FROM event_actors WHERE role = 'agent' "
                     "AND event_id != :e", e=first)
        elsewhere = one("SELECT max(id) FROM events WHERE article_id != :a", a=article)
        conn.execute(text("INSERT INTO actors (name, kind) VALUES ('=cmd()', 'group'), "
                          "('AAA Brigade', 'group')"))
        formula = one("SELECT id FROM actors WHERE name = '=cmd()'")
        early = one("SELECT id FROM actors WHERE name = 'AAA Brigade'")
        conn.execute(text("INSERT INTO event_actors (event_id, actor_id, role) VALUES "
                          "(:e, :a, 'target'), (:e, :b, 'target'), (:f, :c, 'agent')"),
                     dict(e=first, a=agent, b=early, f=second, c=formula))
        conn.execute(text("UPDATE events SET type = 'unheard_of' WHERE id = :e"),
                     dict(e=elsewhere))
        incident = one("INSERT INTO incidents (created_at) VALUES (CURRENT_TIMESTAMP) "
                       "RETURNING id")
        conn.execute(text("UPDATE events SET incident_id = :i WHERE id IN (:a, :b)"),
                     dict(i=incident, a=first, b=elsewhere))
    engine.dispose()
    return {"two_roles": first, "formula_actor": second, "elsewhere": elsewhere}


# (column, value, why): cells a CSV must write exactly as Python's csv.writer would, for
# `add_tricky_text`. Each value goes to an event of its own for its column.
TRICKY_TEXT = [
    ("sentence", 'He said "stop", then left.', "quotes and a comma: quoted, quotes doubled"),
    ("sentence", 'a "quote" alone', "quotes and no comma: quoted all the same"),
    ("sentence", "two\nlines", "a newline: quoted"),
    ("sentence", "a bare\rreturn", "a carriage return alone: quoted, or the row would split"),
    ("sentence", "windows\r\nline", "CRLF inside a cell"),
    ("sentence", '=HYPERLINK("x")', "a formula holding quotes: made inert, then quoted"),
    ("sentence", "+1 555 0100", "a leading plus: made inert"),
    ("sentence", "-5 dead", "a leading minus: made inert"),
    ("sentence", "@user wrote", "a leading at sign: made inert"),
    ("sentence", "\tindented", "a leading tab: made inert, not quoted"),
    ("sentence", "\rreturn first", "a leading CR: made inert and quoted"),
    ("sentence", "Ürümqi — “typographic” quotes ☃", "unicode; curly quotes are not CSV's"),
    ("sentence", "", "empty text (not NULL): nothing between the commas"),
    ("sentence", "'already inert", "a leading apostrophe: left as it is"),
    ("sentence", " padded ", "spaces at either end: kept, not quoted"),
    ("trigger", '"', "a lone double quote"),
    ("trigger", ",", "a lone comma"),
    ("date_text", None, "NULL: nothing between the commas"),
    ("date_text", "", "empty text"),
    ("date_text", "=1+1", "a formula in a free-text column"),
    ("location", "Raqqa, Syria", "a comma in a place"),
    ("location", None, "no place"),
    ("location", "-", "a lone minus: made inert"),
    ("country", '="', "two characters (PostgreSQL's varchar(2)): a formula and a quote"),
    ("country", "@,", "a formula and a comma"),
    ("killed", None, "no toll"),
    ("confidence", 1e-05, "Python writes 1e-05, printf's %g 1.0e-05"),
    ("confidence", 0.1 + 0.2, "17 significant digits: 0.30000000000000004"),
    ("confidence", 0.1234567890123456, "16 significant digits"),
    ("confidence", 0.0, "zero"),
    ("confidence", 1.0, "one: written 1.0"),
    ("confidence", 0.0001, "the smallest that Python writes in fixed point"),
    ("confidence", 5e-324, "the smallest float there is"),
    ("source", 'feeds/a,"b".xml', "an article's source with a comma and quotes"),
]


def add_tricky_text(url: str) -> None:
    """Give a seeded database (either backend) the TRICKY_TEXT cells: the k-th value of a
    column goes to the k-th event by id (the k-th article by id for `source`)."""
    from collections import Counter

    from sqlalchemy import text

    from timeline.db import open_database

    engine = open_database(url)
    seen: Counter = Counter()
    with engine.begin() as conn:
        events = conn.execute(text("SELECT id FROM events ORDER BY id")).scalars().all()
        articles = conn.execute(text("SELECT id FROM articles ORDER BY id")).scalars().all()
        for column, value, _why in TRICKY_TEXT:
            table, ids = ("articles", articles) if column == "source" else ("events", events)
            conn.execute(text(f"UPDATE {table} SET {column} = :v WHERE id = :i"),
                         dict(v=value, i=ids[seen[column]]))
            seen[column] += 1
    engine.dispose()
