"""`timeline dates` and `timeline eval timex` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main

GOLD = Path("/work/shared/eval/timebank.jsonl")


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_dates_prints_one_json_object_a_line_with_offsets_into_the_input():
    text = "Bortnikov said Wednesday.\r\nThe meeting was on 4 and 5 October 2017."
    result = run("dates", "-", "--dct", "2020-04-02", input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["text"], r["value"], r["interval"]) for r in rows] == [
        ("Wednesday", "2020-04-01", ["2020-04-01", "2020-04-01"]),
        ("4 and 5 October 2017", "2017-10-04", ["2017-10-04", "2017-10-05"]),
    ]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert set(rows[0]) == {"start", "end", "text", "type", "value", "mod", "interval"}


def test_dates_reads_a_file_and_prints_a_table(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Attacks rose in November 2015.", encoding="utf-8")
    result = run("dates", str(path), "--dct", "2020-04-02", "--format", "table")
    assert result.exit_code == 0
    assert "November 2015" in result.output and "2015-11" in result.output


def test_dates_without_dct_keeps_xs():
    result = run("dates", "-", input="He said Wednesday.")
    assert json.loads(result.output)["value"] == "XXXX-WXX-3"


@pytest.mark.parametrize("dct", ["2020-13-45", "2021-02-31", "0000-01-01", "yesterday"])
def test_bad_dct_is_a_usage_error_naming_it(dct):
    result = run("dates", "-", "--dct", dct, input="today")
    assert result.exit_code == 2  # a malformed option value, as everywhere else
    assert result.output.strip().splitlines()[-1] == (
        f"Error: Invalid value for '--dct': '{dct}' does not match the format '%Y-%m-%d'.")


def test_unreadable_file_is_one_clear_line(tmp_path):
    result = run("dates", str(tmp_path / "missing.txt"))
    assert result.exit_code != 0
    assert len(result.output.strip().splitlines()) == 1
    assert "missing.txt: cannot read" in result.output
    assert "Traceback" not in result.output


def test_non_utf8_input_is_one_clear_line():
    result = run("dates", "-", input=b"caf\xe9 on 5 May 2020")
    assert result.exit_code != 0
    assert result.output.strip() == "Error: -: not UTF-8 (byte 0xe9 at offset 3)"


def test_eval_timex_prints_the_scorer_figures(tmp_path):
    doc = {"doc_id": "d1", "dct": "2020-04-02", "text": "He said Wednesday.",
           "timexes": [{"start": 8, "end": 17, "text": "Wednesday", "type": "DATE",
                        "value": "2020-04-01", "mod": None}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    result = run("eval", "timex", str(gold))
    assert result.exit_code == 0, result.output
    assert "   value_f1: 1.0" in result.output.splitlines()
    assert "       DATE: gold 1, recall_relaxed 1.0, value_recall 1.0" in result.output.splitlines()
    figures = json.loads(run("eval", "timex", str(gold), "--json").output)
    assert figures["strict_f1"] == 1.0


def test_eval_timex_rejects_a_file_of_another_shape(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"a": 1}\n', encoding="utf-8")
    result = run("eval", "timex", str(bad))
    assert result.exit_code != 0
    assert result.output.strip() == f"Error: {bad}:1: needs doc_id, text and timexes"
