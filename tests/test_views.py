"""`timeline show`, `article`, `stats` and `count` as a user reads them."""

from __future__ import annotations

import json

import pytest
from rich.console import Console

from timeline import render


@pytest.fixture
def wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # rich wraps a pipe's output at 80 columns otherwise


def test_show_prints_every_field_and_the_passage(made, wide):
    result = made("show", "1")
    assert result.exit_code == 0
    out = result.output
    for line in ("Event 1  ✸ attack  2017-10-04..05",
                 "date        2017-10-04 .. 2017-10-05  precision day, basis explicit",
                 "date words  on 4 and 5 October 2017", "trigger     attacked",
                 "actors      Islamic State (group, agent; also Daesh)",
                 "place       Raqqa, SY", "toll        12 killed, 3 injured",
                 "confidence  0.90", "status      auto",
                 "source      made/raqqa.txt  (published 2017-10-06)",
                 "Passage (article 1, characters 0..90)",
                 "  Islamic State fighters attacked a checkpoint in Raqqa on 4 and 5 October"):
        assert line in out, line


def test_show_highlights_trigger_date_words_and_actors_on_a_terminal(made, db_path):
    from timeline.db import open_database
    from timeline.store import event_detail

    with open_database(str(db_path)).connect() as conn:
        event = event_detail(conn, 1)
    view = render.highlighted_passage(event)
    marked = {view.plain[s.start:s.end]: str(s.style) for s in view.spans}
    assert marked["attacked"] == render.HIGHLIGHTS["trigger"]
    assert marked["on 4 and 5 October 2017"] == render.HIGHLIGHTS["date"]
    assert marked["Islamic State"] == render.HIGHLIGHTS["actor"]
    console = Console(force_terminal=True, color_system="truecolor", width=100)
    with console.capture() as captured:
        console.print(view)
    assert "\x1b[" in captured.get()


def test_show_json_is_the_event_with_its_relations(made):
    event = json.loads(made("show", "3", "--json").output)
    assert event["actor_roles"] == [{"name": "Federal Security Service", "kind": "agency",
                                     "role": "speaker", "aliases": ["FSB"]}]
    assert event["date_start"] == "2021-06-14" and event["mentions"] == []
    assert "article_text" not in event


@pytest.mark.parametrize("args,message", [
    (("show", "99"), "Error: no event with id 99\n"),
    (("article", "99"), "Error: no article with id 99\n"),
], ids=["unknown-event", "unknown-article"])
def test_an_unknown_id_is_a_user_error(made, args, message):
    result = made(*args)
    assert result.exit_code == 1
    assert result.output == message


def test_an_id_that_is_not_a_number_is_a_usage_error(made):
    result = made("show", "first")
    assert result.exit_code == 2
    assert "Invalid value for 'ID': 'first' is not a valid integer" in result.output


def test_article_marks_each_event_in_its_text(made, wide):
    out = made("article", "1").output
    assert out.startswith("Article 1  Coalition strikes on Raqqa\n"
                          "made/raqqa.txt  published 2017-10-06 (header), 2 events\n")
    assert ("⟦#1 ✸ attack 2017-10-04..05⟧ Islamic State fighters attacked a checkpoint in "
            "Raqqa on 4 and 5") in out
    assert "Daesh claimed the attack. ⟦#2 ⊗ arrest 2015-11⟧ Police arrested" in out


def test_article_json(made):
    found = json.loads(made("article", "2", "--json").output)
    assert found["title"] == "FSB warns of returning fighters"
    assert [e["id"] for e in found["events"]] == [3, 4]
    assert found["text"].startswith("The FSB said")


def test_stats_draws_bars_for_types_years_actors_countries_and_months(made):
    out = made("stats").output
    assert out.startswith("4 events\n")
    for heading in ("Events by type", "Events by year", "Top actors", "Top countries",
                    "Articles by publication month"):
        assert heading in out
    assert "✸ attack" in out and "█" in out
    assert " Islamic State " in out and " SY Syria " in out and " 2017-10 " in out


def test_stats_headings_stay_on_one_line_when_no_event_is_counted(made):
    """A table's title wraps to the table's width: with no rows (or short ones) "Events by
    year" came out as "Events / by year"."""
    lines = made("stats", "--type", "kidnapping").output.splitlines()
    assert lines[0] == "0 events"
    for heading in ("Events by type", "Events by year", "Top actors", "Top countries",
                    "Articles by publication month (of events counted)"):
        assert heading in [line.strip() for line in lines]


def test_stats_json_with_a_filter(made):
    counts = json.loads(made("stats", "--json", "--since", "2016").output)
    assert counts == {
        "events": 2,
        "by_type": [["attack", 1], ["statement", 1]],
        "by_year": [[2017, 1], [2021, 1]],
        "top_actors": [["Federal Security Service", 1], ["Islamic State", 1]],
        "top_countries": [["RU", 1], ["SY", 1]],
        "articles_by_month": [["2017-10", 1], ["2021-06", 1]],
    }


@pytest.mark.parametrize("args,expected", [
    ((), "4\n"),
    (("--actor", "Daesh"), "1\n"),
    (("--search", "fighters", "--json"), '{\n  "count": 3\n}\n'),
], ids=["everything", "with-a-filter", "json"])
def test_count(made, args, expected):
    assert made("count", *args).output == expected


def test_unfiltered_stats_agree_with_a_filter_that_keeps_everything(made):
    # The unfiltered counts take a shortcut (whole indexes less the rejected events).
    made("reject", "2")
    plain = json.loads(made("stats", "--json").output)
    filtered = json.loads(made("stats", "--json", "--min-confidence", "0").output)
    assert plain == filtered
    assert plain["events"] == 3 and ["arrest", 1] not in plain["by_type"]
    assert [2015, 1] not in plain["by_year"]


def test_the_passage_reaches_back_to_date_words_the_sentence_inherits():
    text = "Header\n\nOn Wednesday the envoys met in Doha.\n\nThey said the talks were hard."
    start = text.index("They")
    event = {"article_text": text, "sentence_start": start, "sentence_end": len(text),
             "date_text": "Wednesday", "trigger": "said", "actor_roles": []}
    view = render.highlighted_passage(event)
    assert view.plain == "On Wednesday the envoys met in Doha.\n\nThey said the talks were hard."
    marked = {view.plain[s.start:s.end]: str(s.style) for s in view.spans}
    assert marked["Wednesday"] == render.HIGHLIGHTS["date"]
    assert marked["said"] == render.HIGHLIGHTS["trigger"]
