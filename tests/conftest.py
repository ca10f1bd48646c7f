"""Shared fixtures: a scratch database per test, the CLI runner, the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "timeline.db"


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
