"""The benchmark suite's own parts: module discovery, the report table, the corpus."""

from __future__ import annotations

import pytest

from benchmarks import corpus
from benchmarks.run import discover, main, table
from timeline.readers.text import read_text


def test_every_bench_module_is_found_by_its_name():
    assert {"ingest", "store", "query", "export", "cli", "memory"} <= set(discover())


def test_an_unknown_module_is_a_usage_error_naming_the_known_ones(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--only", "nope"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "no benchmark module named nope" in err
    assert "ingest" in err


def test_the_report_table_puts_each_figure_beside_its_baseline():
    lines = table([{"name": "store", "value": 5000.0, "unit": "events/s",
                    "baseline": "raw", "baseline_value": 10000.0, "ratio": 0.5,
                    "goal": ">= 0.4x"}]).splitlines()
    assert [c.strip() for c in lines[0].split("|")[1:-1]] == [
        "benchmark", "value", "unit", "baseline", "baseline value", "ratio", "goal"]
    assert [c.strip() for c in lines[2].split("|")[1:-1]] == [
        "store", "5,000", "events/s", "raw", "10,000", "0.50x", ">= 0.4x"]


@pytest.mark.parametrize("i", [0, 1, 250, 4999], ids=["first", "second", "middle", "far"])
def test_corpus_articles_are_realistic_and_the_same_every_time(i):
    text = corpus.article(i)
    assert text == corpus.article(i), "seeded: the same article every run"
    assert 550 <= len(text.split()) <= 750
    article = read_text(text.encode(), f"{i}.txt")
    assert article.published is not None, "the date line is one the readers know"
    assert article.title and len(article.title.split()) >= 4
