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


# (bytes of a file, the dates found or the one line of error, why): `dates` reads a file as
# `ingest` reads an article, so what one accepts the other does, refused in the same words.
ENCODINGS = [
    (b"caf\xe9 on 5 May 2020", ["5 May 2020"],
     "Windows-1252 (Latin-1) is read as ingest reads it; was: refused as not UTF-8"),
    ("caf\u00e9 on 5 May 2020".encode("utf-16"), ["5 May 2020"],
     "UTF-16 with its BOM, as a Windows tool writes it"),
    ("caf\u00e9 \u00e9t\u00e9 on 5 May 2020".encode() + b"\xff", "Error: FILE: invalid UTF-8 (byte "
     "0xff at offset 25) in a file that is otherwise UTF-8: a corrupt file",
     "UTF-8 with a bad byte: a corrupt file, not Windows-1252 mojibake"),
    (b"\x89PNG\r\n\x1a\n" + bytes(40), "Error: FILE: a PNG image, not a text article",
     "a binary file, named as ingest names it"),
]


@pytest.mark.parametrize("data,expected,why", ENCODINGS, ids=[c[2] for c in ENCODINGS])
def test_dates_decodes_a_file_as_ingest_does(tmp_path, data, expected, why):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    result = run("dates", str(path), "--dct", "2020-06-01")
    if isinstance(expected, str):
        assert (result.exit_code, result.output.strip()) == (1, expected.replace("FILE", str(path)))
    else:
        assert result.exit_code == 0, result.output
        assert [json.loads(line)["text"] for line in result.output.splitlines()] == expected


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
