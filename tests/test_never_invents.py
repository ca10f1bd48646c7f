"""Extraction never invents: every stored event's sentence is text of its article at its
offsets, its date words are text of its sentence or article, and an event without date
evidence says so. Checked on what the store holds (what users read), for the seeds, the test
paragraphs, the readable inputs of the bad corpus and adversarial articles."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.test_bad_inputs import make_bad

DATA = Path(__file__).parent / "data"
ADVERSARIAL = {
    "dates_soup.txt": "Officials report attacks\n\nGunmen attacked a base on 31 February 2021, "
                      "on 30/02/2021 and on 0000-01-01, police said. Police arrested a man on "
                      "1/1/1/1 and 12/13/14. A bombing happened in the 1990s or last week.\n",
    "no_dates.txt": "Gunmen attack a village\n\nGunmen attacked a village near the border. "
                    "Police arrested three suspects. The minister said the attack was cowardly.\n",
    "rtl_and_emoji.txt": "\u200fمصدر: Police arrest a man 💣\n\nPolice arrested a man in "
                         "Paris\u00a0on 2 May 2023 💣, officials said. \u202eIt was foiled.\n",
    "one_long_sentence.txt": "A long report\n\n" + "Gunmen attacked and police arrested " * 400
                             + "on 3 March 2022.\n",
    "relative_only.txt": "19:50 GMT02 April 2020\nPolice arrest suspects after a blast\n\n"
                         "Police arrested two men on Wednesday, two weeks after a blast killed "
                         "three people, officials said yesterday.\n",
}


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """Every input ingested into one database; returns a connection to it."""
    from click.testing import CliRunner

    from timeline.cli import main

    root = tmp_path_factory.mktemp("invents")
    made = root / "made"
    make_bad.write_small(made)
    for name, body in ADVERSARIAL.items():
        (made / name).write_text(body)
    db = root / "timeline.db"
    inputs = [str(SEEDS), str(made)] + [str(p) for p in DATA.glob("paragraphs*") if p.is_dir()]
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "-j", "1", *inputs])
    assert "Traceback" not in result.output
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 50
    yield conn
    conn.close()


def events(conn):
    return conn.execute("SELECT e.*, a.text AS article_text, a.published AS article_published, "
                        "a.published_end AS article_published_end, a.source FROM events e "
                        "JOIN articles a ON a.id = e.article_id").fetchall()


def test_every_sentence_is_the_article_text_at_its_offsets(stored):
    for e in events(stored):
        assert e["article_text"][e["sentence_start"]:e["sentence_end"]] == e["sentence"], \
            (e["source"], e["id"])


def test_every_mention_is_the_article_text_at_its_offsets(stored):
    rows = stored.execute("SELECT m.*, a.text FROM event_mentions m JOIN events e ON "
                          "e.id = m.event_id JOIN articles a ON a.id = e.article_id").fetchall()
    for m in rows:
        assert m["text"][m["start"]:m["end"]] == m["sentence"]


def test_every_trigger_is_words_of_its_sentence(stored):
    for e in events(stored):
        assert e["trigger"] and e["trigger"].lower() in e["sentence"].lower(), (e["source"],
                                                                                e["trigger"])


def test_date_words_are_text_of_the_sentence_or_the_article(stored):
    for e in events(stored):
        if e["date_text"]:
            assert e["date_text"] in e["sentence"] or e["date_text"] in e["article_text"], \
                (e["source"], e["date_text"])


def test_an_event_without_date_evidence_says_so(stored):
    undated = 0
    for e in events(stored):
        if e["date_basis"] == "none":
            undated += 1
            assert (e["date_start"], e["date_end"], e["precision"]) == (None, None, "unknown")
        else:
            assert e["date_start"] and e["date_end"] and e["date_start"] <= e["date_end"]
            assert e["precision"] != "unknown"
        if e["date_start"] is None:
            assert e["date_basis"] == "none", (e["source"], e["sentence"])
    assert undated, "the no-date articles gave no undated event to check"


def test_explicit_and_relative_dates_name_their_words(stored):
    for e in events(stored):
        if e["date_basis"] in ("explicit", "relative"):
            assert e["date_text"], (e["source"], e["sentence"])


def test_a_publication_date_is_the_articles_own(stored):
    for e in events(stored):
        if e["date_basis"] == "publication":
            assert (e["date_start"], e["date_end"]) == (e["article_published"],
                                                         e["article_published_end"])


def test_no_event_is_dated_on_a_day_no_calendar_has_or_in_year_zero(stored):
    for e in events(stored):
        for value in (e["date_start"], e["date_end"]):
            if value:
                assert date.fromisoformat(value).year >= 1


def test_the_articles_without_any_date_have_no_dated_event(stored):
    rows = stored.execute("SELECT e.date_basis, e.date_start FROM events e JOIN articles a ON "
                          "a.id = e.article_id WHERE a.source LIKE '%no_dates.txt' OR "
                          "a.source LIKE '%no_date_anywhere.txt'").fetchall()
    assert rows
    assert all(r["date_start"] is None and r["date_basis"] == "none" for r in rows)
