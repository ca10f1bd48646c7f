"""`timeline list` and `timeline articles` as a user reads them: the timeline view, formats, paging."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from timeline.render import show_date
from tests.conftest import jsonl

D = date.fromisoformat


@pytest.mark.parametrize("row,shown", [
    ({"date_start": D("2021-06-14"), "date_end": D("2021-06-14"), "precision": "day"},
     "2021-06-14"),
    ({"date_start": D("2017-10-04"), "date_end": D("2017-10-05"), "precision": "day"},
     "2017-10-04..05"),
    ({"date_start": D("2017-10-30"), "date_end": D("2017-11-02"), "precision": "day"},
     "2017-10-30..11-02"),
    ({"date_start": D("2017-12-30"), "date_end": D("2018-01-02"), "precision": "day"},
     "2017-12-30..2018-01-02"),
    ({"date_start": D("2015-11-01"), "date_end": D("2015-11-30"), "precision": "month"},
     "2015-11"),
    ({"date_start": D("2015-01-01"), "date_end": D("2015-12-31"), "precision": "year"}, "2015"),
    ({"date_start": D("2020-03-30"), "date_end": D("2020-04-05"), "precision": "week"},
     "2020-W14"),
    ({"date_start": D("2020-04-01"), "date_end": D("2020-06-30"), "precision": "quarter"},
     "2020-Q2"),
    ({"date_start": D("2020-03-01"), "date_end": D("2020-05-31"), "precision": "season"},
     "2020-03..05"),
    ({"date_start": D("2010-01-01"), "date_end": D("2019-12-31"), "precision": "decade"},
     "2010s"),
    ({"date_start": D("2021-06-14"), "date_end": D("2021-06-14"), "precision": "day",
      "date_basis": "publication"}, "~2021-06-14"),
    ({"date_start": None, "date_end": None, "precision": "unknown", "date_basis": "none"}, "?"),
], ids=["one-day", "run-of-days-in-a-month", "run-across-months", "run-across-years",
        "month-never-a-day", "year-never-a-month", "iso-week", "quarter", "season-as-months",
        "decade", "publication-date-is-approximate", "undated"])
def test_a_date_is_shown_at_its_own_precision(row, shown):
    assert show_date(row) == shown


def test_the_timeline_groups_by_year_and_month_one_line_an_event(made):
    result = made("list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line for line in lines if not line.startswith("  ")] == [
        "2015", " November", "2017", " October", "2021", " June", "Undated"]
    attack = next(line for line in lines if "attack" in line)
    for part in ("2017-10-04..05", "✸ attack", "Islamic State", "Raqqa, SY",
                 "12 killed, 3 injured", "Islamic State fighters attacked a checkpoint",
                 "#1  Islamic State", "[a1 raqqa.txt]"):
        assert part in attack, part
    assert "~2021-06-14" in next(line for line in lines if "statement" in line)
    assert "\x1b[" not in result.output, "a pipe gets plain text"


def test_reverse_limit_and_offset(made):
    def dates(*args):
        return [r["id"] for r in jsonl(made("list", "--format", "jsonl", *args).output)]

    assert dates() == [2, 1, 3, 4]
    assert dates("--reverse") == [3, 1, 2, 4], "latest first, undated still last"
    assert dates("--limit", "2", "--offset", "1") == [1, 3]


@pytest.mark.parametrize("fmt,read", [
    ("json", json.loads),
    ("jsonl", jsonl),
    ("csv", lambda text: list(csv.DictReader(io.StringIO(text)))),
], ids=["json-array", "json-lines", "csv"])
def test_data_formats_carry_the_export_contract(made, fmt, read):
    rows = read(made("list", "--format", fmt).output)
    assert [str(r["id"]) for r in rows] == ["2", "1", "3", "4"]
    assert rows[1]["source"] == "made/raqqa.txt"


def test_json_flag_is_the_json_format(made):
    assert made("list", "--json").output == made("list", "--format", "json").output


def test_search_puts_the_best_match_first_outside_the_timeline_view(made):
    # Event 3 holds "returning fighters" in its sentence and its title; event 4 in its title.
    ranked = [r["id"] for r in json.loads(made("list", "--json", "--search",
                                                "returning fighters").output)]
    assert ranked == [3, 4]


def test_table_format(made):
    result = made("list", "--format", "table")
    assert "┃ id" in result.output and "✸ attack" in result.output
    assert "2017-10-04..05" in result.output


def test_an_empty_timeline_says_so(made):
    for fmt in ("timeline", "table"):
        assert made("list", "--format", fmt, "--type", "kidnapping").output == \
            "No events match.\n"
    assert made("list", "--json", "--type", "kidnapping").output == "[]\n"


def test_articles_table_keeps_its_first_columns_at_80_columns(seeded, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = seeded("articles").output.splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = lines[1]
    for name in ("id", "published", "basis", "events", "title", "source"):
        assert f" {name} " in header, name
    assert "2020-04-02 │ header" in seeded("articles").output


def test_articles_json(seeded):
    rows = json.loads(seeded("articles", "--json").output)
    assert len(rows) == 4
    assert [r["published"] for r in rows][:3] == ["2017-10-16", "2020-04-02", "2021-06-28"]
    assert list(rows[0])[:6] == ["id", "source", "title", "published", "published_precision",
                                 "published_basis"]


@pytest.mark.parametrize("args,expected", [
    (("--after", "2"), [1, 3, 4]),
    (("--after", "3"), [4]),
    (("--after", "4"), []),
    (("--after", "1", "--reverse"), [2, 4]),
    (("--after", "1", "--limit", "1"), [3]),
    (("--offset", "3"), [4]),
    (("--offset", "4"), []),
    (("--offset", "2", "--reverse"), [2, 4]),
], ids=["after-a-dated-event", "after-the-last-dated-comes-the-undated",
        "after-the-last-event", "after-latest-first", "after-with-a-limit",
        "offset-into-the-undated", "offset-past-the-end", "offset-latest-first"])
def test_paging_spans_dated_and_undated_events(made, args, expected):
    rows = jsonl(made("list", "--format", "jsonl", *args).output)
    assert [r["id"] for r in rows] == expected


def test_after_an_unknown_event_is_a_user_error(made):
    result = made("list", "--after", "99")
    assert result.exit_code == 1
    assert result.output == "Error: no event with id 99\n"


@pytest.mark.parametrize("cursor,expected", [
    ("2017-10-04:1", [3, 4]), ("undated:3", [4]), ("2016-01-01:0", [1, 3, 4]),
], ids=["after-a-dated-cursor", "among-the-undated", "a-cursor-between-events"])
def test_after_takes_a_cursor_too(made, cursor, expected):
    rows = jsonl(made("list", "--format", "jsonl", "--after", cursor).output)
    assert [r["id"] for r in rows] == expected


def test_a_malformed_cursor_is_a_usage_error(made):
    result = made("list", "--after", "yesterday:4")
    assert result.exit_code == 2
    assert "Invalid value for '--after': 'yesterday:4' is not a page cursor" in result.output


def test_a_full_page_of_the_timeline_says_how_to_get_the_next(made):
    lines = made("list", "--limit", "2").output.splitlines()
    assert lines[-1] == "… the next page: --after 1"
    assert "next page" not in made("list", "--limit", "9").output
