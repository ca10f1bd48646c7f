"""Curation survives re-extraction: `timeline reextract` after an extractor change keeps every
confirmed, rejected, edited and added event exactly as the analyst left it (issue 4's command).
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from timeline.cli import main

pytestmark = pytest.mark.skipif("reextract" not in main.commands,
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
