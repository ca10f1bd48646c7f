"""Publication dates inferred from the text when no date line gives one (one row per rule)."""

from __future__ import annotations

import pytest

from timeline.published import infer_publication

CASES = [
    ("Police arrested two men on 3 March 2023. The trial began on 14 March 2023.",
     ("2023-03-14", "2023-03-14", "day"), "latest-explicit-day"),
    ("In early April 2024, police arrested a man. On June 5, officials confirmed the charges.",
     ("2024-06-05", "2024-06-05", "day"), "month-day-takes-the-latest-year-named"),
    ("The attack in March 2019 killed 51 people. The gunman was sentenced in August 2020.",
     ("2020-08-01", "2020-08-31", "month"), "only-months-give-a-month"),
    ("Police arrested him on 2 May 2022. The trial will open on 9 January 2023.",
     ("2022-05-02", "2022-05-02", "day"), "a-future-date-is-not-the-publication"),
    ("Officials said on Monday that the group had grown stronger.", None, "relative-only-gives-none"),
    ("Nothing in this text is a date at all.", None, "no-dates"),
]


@pytest.mark.parametrize("text,expected,why", CASES, ids=[c[2] for c in CASES])
def test_infer_publication(text, expected, why):
    found = infer_publication(text)
    if expected is None:
        assert found is None
    else:
        assert (found.start.isoformat(), found.end.isoformat(), str(found.precision)) == expected


def test_ingest_marks_an_inferred_date_as_inferred(cli):
    from tests.conftest import SEEDS, jsonl

    cli("ingest", str(SEEDS / "003_539a479ea003e1b3.txt"))
    [article] = jsonl(cli("articles", "--format", "jsonl").output)
    assert (article["published"], article["published_basis"]) == ("2024-06-05", "inferred")
