"""The filters list, export, stats and count share: what each finds, and each bad value named."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from timeline.filters import country_code, date_bound
from timeline.intervals import Interval
from tests.conftest import jsonl

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize("text,expected", [
    ("2020", Interval.year(2020)),
    ("2020-04", Interval.month(2020, 4)),
    ("2020-04-02", Interval.day(date(2020, 4, 2))),
    ("last year", Interval.year(2025)),
    ("last month", Interval.month(2026, 10)),
    ("yesterday", Interval.day(date(2026, 11, 24))),
    ("3 weeks ago", Interval.week(2026, 45)),
    ("April 2020", Interval.month(2020, 4)),
], ids=["iso-year", "iso-month", "iso-day", "words-year-keeps-year-precision",
        "words-month-keeps-month-precision", "words-day", "words-weeks-ago-is-that-week",
        "month-name-and-year"])
def test_date_bounds_keep_their_precision(text, expected):
    assert date_bound(text, today=TODAY) == expected


@pytest.mark.parametrize("text,code", [
    ("SY", "SY"), ("syr", "SY"), ("Syria", "SY"), ("Russia", "RU"), ("france", "FR"),
], ids=["alpha-2", "alpha-3-lower-case", "common-name", "fuzzy-but-unambiguous", "lower-case"])
def test_countries_by_name_or_code(text, code):
    assert country_code(text) == code


def ids(cli, *args) -> list[int]:
    result = cli("export", "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [row["id"] for row in jsonl(result.output)]


@pytest.mark.parametrize("args,expected", [
    (("--actor", "Daesh"), [1]),
    (("--actor", "islamic state"), [1]),
    (("--actor", "fsb"), [3]),
    (("--actor", "ISIL"), [1]),
    (("--country", "Syria"), [1]),
    (("--country", "RUS"), [3]),
    (("--place", "PAR"), [2]),
    (("--search", "main danger"), [3]),
    (("--search", "checkpoint"), [1]),
    (("--search", "attacks"), [1]),
    (("--search", "warns"), [3, 4]),
    (("--min-confidence", "0.5"), [2, 1]),
    (("--article", "2"), [3, 4]),
    (("--status", "auto", "--type", "threat"), [4]),
    (("--type", "attack", "--type", "Arrest"), [2, 1]),
    (("--since", "2017-10-05"), [1, 3]),
    (("--until", "2015"), [2]),
    (("--since", "2016", "--until", "2020"), [1]),
], ids=["alias-finds-canonical-actor", "canonical-name-any-case", "alias-any-case", "gazetteer-alias-never-seen-in-an-article",
        "country-by-name", "country-by-alpha-3", "place-substring-any-case",
        "search-sentence-words", "search-one-word", "search-stems-attacks-to-attacked", "search-hits-the-article-title",
        "min-confidence", "article", "status-and-type", "type-repeatable-any-case",
        "since-a-day-inside-a-run-of-days", "until-a-year", "since-and-until-years"])
def test_each_filter_finds_what_it_names(made, args, expected):
    assert ids(made, *args) == expected


INJECTION = "'; DROP TABLE events; --"


@pytest.mark.parametrize("option", ["--actor", "--place", "--search"])
def test_sql_in_a_filter_is_only_a_value(made, db_path, option):
    result = made("export", "--format", "jsonl", option, INJECTION)
    assert result.exit_code == 0
    assert jsonl(result.output) == []
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM events").fetchone()[0] == 4


@pytest.mark.parametrize("option", ["--type", "--since", "--until", "--country",
                                    "--min-confidence", "--article", "--status", "--after"])
def test_sql_in_a_typed_filter_is_refused_before_any_query(made, db_path, option):
    result = made("list", option, INJECTION)
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.output
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM events").fetchone()[0] == 4


@pytest.mark.parametrize("args,message", [
    (("--since", "the day after never"), "Invalid value for '--since': not a date"),
    (("--until", "2021-02-30"), "Invalid value for '--until': impossible date '2021-02-30'"),
    (("--country", "Narnia"), "Invalid value for '--country': not a country name or ISO code: "
                              "'Narnia'"),
    (("--type", "picnic"), "Invalid value for '--type': unknown event type 'picnic'"),
    (("--min-confidence", "1.5"), "Invalid value for '--min-confidence': 1.5 is not in the "
                                  "range 0<=x<=1"),
    (("--article", "zero"), "Invalid value for '--article': 'zero' is not a valid integer"),
    (("--status", "maybe"), "Invalid value for '--status': 'maybe' is not one of"),
    (("--search", "--"), "Invalid value for '--search': no words to search for in '--'"),
], ids=["since-words-unknown", "until-impossible-day", "country-unknown", "type-unknown",
        "confidence-above-one", "article-not-a-number", "status-unknown", "search-no-words"])
@pytest.mark.parametrize("command", ["list", "export"])
def test_a_bad_filter_value_is_a_usage_error_naming_it(cli, command, args, message):
    result = cli(command, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_every_type_of_the_taxonomy_has_a_colour_and_a_symbol():
    from timeline.filters import event_types, known_types

    assert set(known_types()) <= set(event_types())
    symbols = [spec["symbol"] for spec in event_types().values()]
    assert len(symbols) == len(set(symbols)), "each type reads apart without colour"


def test_shell_completion_offers_the_taxonomy_for_type():
    from click.testing import CliRunner

    from timeline.cli import main

    result = CliRunner().invoke(main, [], prog_name="timeline", env={
        "_TIMELINE_COMPLETE": "bash_complete", "COMP_WORDS": "timeline list --type m",
        "COMP_CWORD": "3"})
    assert result.output.splitlines() == ["plain,meeting", "plain,military_operation"]
