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
    # A month-day with no year (a wire date line's "KABUL, March 3 (Reuters) -") takes a year only
    # from a dated day or month shortly before it: a year named alone may be history or ahead.
    ("KABUL, March 3 (Reuters) - A bomb killed three people on Tuesday, police said. Parties are "
     "campaigning for the 2027 election.", None, "a-later-year-named-alone-fixes-no-year"),
    ("KABUL, March 3 (Reuters) - A bomb killed three people on Tuesday, police said. The blast "
     "recalled the 2015 attack on the same market.", None, "an-old-year-named-alone-fixes-no-year"),
    ("KABUL, March 3 (Reuters) - A bomb killed three people. The group attacked a checkpoint on "
     "February 20, 2024.", ("2024-03-03", "2024-03-03", "day"), "a-full-date-weeks-before-fixes-the-year"),
    ("KABUL, January 5 (Reuters) - A bomb killed three people. The group attacked a checkpoint on "
     "December 28, 2023.", ("2024-01-05", "2024-01-05", "day"), "a-date-weeks-before-across-new-year"),
    ("Police arrested him in March 2019. On June 25, officials confirmed the charges.",
     ("2019-03-01", "2019-03-31", "month"), "a-month-a-season-before-fixes-no-year"),
    ("Police arrested him on 2 May 2022. On June 5, a court charged him with plotting an attack on "
     "the 2026 World Cup.", ("2022-06-05", "2022-06-05", "day"), "the-nearest-earlier-date-not-the-latest-year"),
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
