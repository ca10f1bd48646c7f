"""Curation survives re-extraction: `timeline reextract` after an extractor change keeps every
confirmed, rejected, edited and added event exactly as the analyst left it (issue 4's command).
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import cli_commands

COMMANDS = cli_commands()

pytestmark = pytest.mark.skipif("reextract" not in COMMANDS,
                                reason="`timeline reextract` is not merged into main yet")


def curated_state(db) -> dict:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    events = {r["id"]: dict(r) for r in conn.execute(
        "SELECT * FROM events WHERE status != 'auto' ORDER BY id")}
    for event_id, row in events.items():
        row["actors"] = conn.execute("SELECT actor_id, role FROM event_actors WHERE event_id = ? "
                                     "ORDER BY actor_id, role", (event_id,)).fetchall()
        row["mentions"] = conn.execute("SELECT sentence, start, \"end\" FROM event_mentions "
                                       "WHERE event_id = ? ORDER BY start", (event_id,)).fetchall()
    edits = conn.execute("SELECT * FROM event_edits ORDER BY id").fetchall()
    conn.close()
    return {"events": events, "edits": [tuple(e) for e in edits]}


def test_reextract_keeps_every_curated_event_exactly(seeded, db_path):
    rows = [json.loads(line) for line in seeded("export", "--format", "jsonl").output.splitlines()]
    first, second, third = rows[0]["id"], rows[1]["id"], rows[2]["id"]
    assert seeded("confirm", str(first)).exit_code == 0
    assert seeded("reject", str(second), "--note", "a quote, not an event").exit_code == 0
    assert seeded("edit", str(third), "--date", "2017-10-04", "--type", "meeting",
                  "--place", "Sochi", "--actor", "FSB").exit_code == 0
    added = seeded("add", "--sentence", rows[3]["sentence"], "--type", "statement",
                   "--article", str(rows[3]["article_id"]))
    assert added.exit_code == 0, added.output
    before = curated_state(db_path)
    assert len(before["events"]) == 4
    with sqlite3.connect(db_path) as conn:  # as if stored by an older extractor
        conn.execute("UPDATE articles SET extractor_version = '0.0'")
        conn.execute("UPDATE events SET extractor_version = '0.0' WHERE status = 'auto'")
        auto_before = conn.execute("SELECT count(*) FROM events WHERE status = 'auto'").fetchone()

    result = seeded("reextract")
    assert result.exit_code == 0, result.output
    assert curated_state(db_path) == before
    with sqlite3.connect(db_path) as conn:
        versions = conn.execute("SELECT DISTINCT extractor_version FROM events "
                                "WHERE status = 'auto'").fetchall()
        assert ("0.0",) not in versions, "auto events were not re-extracted"
        assert conn.execute("SELECT count(*) FROM events WHERE status = 'auto'").fetchone()[0] \
            >= auto_before[0] - 4  # the curated ones are not made again as auto duplicates
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_reextract_twice_changes_nothing_the_second_time(seeded, db_path):
    assert seeded("reextract").exit_code == 0
    with sqlite3.connect(db_path) as conn:
        once = conn.execute("SELECT type, date_start, date_end, sentence FROM events "
                            "ORDER BY sentence_start, type").fetchall()
    assert seeded("reextract").exit_code == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT type, date_start, date_end, sentence FROM events "
                            "ORDER BY sentence_start, type").fetchall() == once


def full_state(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    state = [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
             for t in ("events", "event_mentions", "event_actors", "incidents", "event_edits")]
    conn.close()
    return state


def test_a_second_run_leaves_every_row_and_id_as_it_was(seeded, db_path):
    first = seeded("reextract")
    assert first.exit_code == 0, first.output
    before = full_state(db_path)
    again = seeded("reextract")
    assert again.exit_code == 0
    assert full_state(db_path) == before
    assert "4 articles re-extracted (4 unchanged)" in again.output
    assert "0 failed" in again.output


def test_stale_auto_events_are_replaced_by_fresh_ones(seeded, db_path):
    with sqlite3.connect(db_path) as conn:  # what an older, wrong extractor might have stored
        event_id, article_id = conn.execute(
            "SELECT id, article_id FROM events WHERE status = 'auto' ORDER BY id").fetchone()
        conn.execute("UPDATE events SET date_start = '1999-01-01', date_end = '1999-01-01', "
                     "extractor_version = '0.0' WHERE id = ?", (event_id,))
        conn.execute("INSERT INTO events (article_id, type, precision, date_basis, sentence, "
                     "sentence_start, sentence_end, trigger, confidence, status, "
                     "extractor_version) VALUES (?, 'attack', 'unknown', 'none', 'x', 0, 1, "
                     "'x', 0.5, 'auto', '0.0')", (article_id,))
    result = seeded("reextract", "--article", str(article_id))
    assert result.exit_code == 0, result.output
    assert "1 article re-extracted (0 unchanged)" in result.output
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM events WHERE date_start = '1999-01-01' "
                            "OR sentence = 'x' OR extractor_version = '0.0'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM events WHERE incident_id IS NULL"
                            ).fetchone() == (0,), "fresh events are placed in incidents"
        assert conn.execute("SELECT count(*) FROM incidents WHERE id NOT IN "
                            "(SELECT incident_id FROM events WHERE incident_id IS NOT NULL)"
                            ).fetchone() == (0,), "an incident left without events is removed"


@pytest.mark.parametrize("action", [
    pytest.param(("reject", "--note", "no such event"), id="a rejected event stays rejected"),
    pytest.param(("confirm",), id="a confirmed event has no auto twin"),
    pytest.param(("edit", "--type", "other"), id="an event edited to another type has no twin"),
])
def test_a_curated_event_does_not_come_back_as_auto(seeded, db_path, action):
    with sqlite3.connect(db_path) as conn:
        event_id, start, end = conn.execute(
            "SELECT id, sentence_start, sentence_end FROM events WHERE status = 'auto' "
            "AND type != 'other' ORDER BY id").fetchone()
    assert seeded(action[0], str(event_id), *action[1:]).exit_code == 0
    assert seeded("reextract").exit_code == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT id, status FROM events WHERE sentence_start = ? AND "
                            "sentence_end = ?", (start, end)).fetchall()[0][0] == event_id
        assert conn.execute("SELECT count(*) FROM events WHERE sentence_start = ? AND "
                            "sentence_end = ? AND status = 'auto'", (start, end)
                            ).fetchone() == (0,)


def test_an_unknown_article_is_named_and_nothing_changes(seeded, db_path):
    before = full_state(db_path)
    result = seeded("reextract", "--article", "999")
    assert result.exit_code == 2
    assert "no article with id 999" in result.output
    assert full_state(db_path) == before
