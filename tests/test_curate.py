"""Curation through the CLI: confirm, reject, edit, add; each change audited with its old value."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import jsonl


def audit(db_path, event_id: int) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    return conn.execute("SELECT field, old_value, new_value, note, changed_at IS NOT NULL "
                        "FROM event_edits WHERE event_id = ? ORDER BY id", (event_id,)).fetchall()


def event(cli, event_id: int) -> dict:
    return json.loads(cli("show", str(event_id), "--json").output)


def test_confirm_keeps_the_old_status_in_the_audit_trail(made, db_path):
    result = made("confirm", "2", "--note", "checked with the court record")
    assert result.output == "event 2 confirmed: status auto -> confirmed\n"
    assert event(made, 2)["status"] == "confirmed"
    assert audit(db_path, 2) == [("status", "auto", "confirmed", "checked with the court record",
                                  1)]
    assert made("confirm", "2").output == "event 2 unchanged\n"


def test_a_rejected_event_leaves_the_timeline_but_not_the_record(made, db_path):
    assert made("reject", "4").output == "event 4 rejected: status auto -> rejected\n"
    assert [r["id"] for r in jsonl(made("export", "--format", "jsonl").output)] == [2, 1, 3]
    assert made("count").output == "3\n"
    assert [r["id"] for r in jsonl(made("export", "--format", "jsonl", "--status",
                                        "rejected").output)] == [4]
    assert audit(db_path, 4)[0][:3] == ("status", "auto", "rejected")


def test_edit_sets_fields_marks_edited_and_audits_each_old_value(made, db_path):
    result = made("edit", "2", "--date", "2015-11-13", "--type", "plot foiled", "--actor",
                  "Daesh", "--place", "Saint-Denis", "--country", "France")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("event 2 edited: date 2015-11-01..2015-11-30 (month) -> "
                                    "2015-11-13..2015-11-13 (day), type arrest -> plot_foiled")
    after = event(made, 2)
    assert (after["status"], after["type"], after["date_start"], after["precision"],
            after["location"], after["country"]) == (
        "edited", "plot_foiled", "2015-11-13", "day", "Saint-Denis", "FR")
    assert after["actors"] == ["Islamic State"], "an alias names the known actor"
    assert [row[:3] for row in audit(db_path, 2)] == [
        ("date", "2015-11-01..2015-11-30 (month)", "2015-11-13..2015-11-13 (day)"),
        ("type", "arrest", "plot_foiled"),
        ("location", "Paris", "Saint-Denis"),
        ("actors", "French police", "Islamic State"),
        ("status", "auto", "edited"),
        ("incident_id", None, "1"),  # stored without one, it is placed as ingest places
    ]
    assert result.output.endswith(", incident — -> 1\n")
    assert "location: Paris -> Saint-Denis" in made("show", "2").output


def test_an_edit_survives_on_the_timeline(made):
    made("edit", "3", "--date", "2021-06-10..2021-06-12")
    line = next(l for l in made("list").output.splitlines() if "#3 " in l)
    assert line.startswith("  ~2021-06-10..12"), "publication basis kept: still approximate"


@pytest.mark.parametrize("args,code,message", [
    (("edit", "2"), 2, "nothing to change: give --date, --type, --actor, --place or --country"),
    (("edit", "99", "--place", "Oslo"), 1, "Error: no event with id 99"),
    (("edit", "2", "--date", "2015-11-31"), 2, "impossible date '2015-11-31'"),
    (("edit", "2", "--date", "2016..2015"), 2, "the run '2016..2015' ends before it starts"),
    (("confirm", "99"), 1, "Error: no event with id 99"),
    (("add", "--sentence", "Riots broke out."), 2, "an added event needs --type"),
    (("add", "--sentence", "Words not in the article.", "--type", "attack", "--article", "1"),
     1, "Error: the sentence is not text of article 1: 'Words not in the article.'"),
    (("add", "--sentence", "x", "--type", "attack", "--article", "9"), 1,
     "Error: no article with id 9"),
], ids=["edit-nothing", "edit-unknown-event", "edit-impossible-date", "edit-backwards-run",
        "confirm-unknown-event", "add-without-type", "add-sentence-not-in-article",
        "add-unknown-article"])
def test_curation_errors_are_one_clear_line(made, args, code, message):
    result = made(*args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_add_an_event_the_extractors_missed_in_an_article(made):
    result = made("add", "--article", "1", "--sentence", "Daesh   claimed the attack.",
                  "--type", "statement", "--date", "2017-10-06", "--actor", "ISIS")
    assert result.output == "event 5 added\n"
    added = event(made, 5)
    assert (added["status"], added["article_id"], added["sentence"], added["sentence_start"],
            added["date_start"], added["date_basis"], added["confidence"]) == (
        "confirmed", 1, "Daesh claimed the attack.", 91, "2017-10-06", "explicit", 1.0)
    assert added["actors"] == ["ISIS"]


def test_add_without_an_article_keeps_the_sentence_as_an_analyst_note(made):
    result = made("add", "--sentence", "A car bomb exploded in Kabul.", "--type", "attack",
                  "--date", "2021-08", "--place", "Kabul", "--country", "AF")
    assert result.output == "event 5 added\n"
    rows = jsonl(made("export", "--format", "jsonl", "--country", "Afghanistan").output)
    assert [(r["source"], r["date_start"], r["precision"], r["status"]) for r in rows] == [
        ("analyst", "2021-08-01", "month", "confirmed")]
