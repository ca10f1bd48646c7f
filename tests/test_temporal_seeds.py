"""Every date the seed articles name is found and resolved right (../shared/gold/seeds.json)."""

from datetime import date
from pathlib import Path

import pytest

from timeline.temporal import tag

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# (article, DCT, span, interval). 003 has no date line; its gold places publication between
# 5 and 14 June 2024, and 10 June is used here.
EXPECTED = [
    ("000_e877d95a32a4e0ef.txt", "2020-04-02", "02 April 2020", ("2020-04-02", "2020-04-02")),
    ("000_e877d95a32a4e0ef.txt", "2020-04-02", "Wednesday", ("2020-04-01", "2020-04-01")),
    ("000_e877d95a32a4e0ef.txt", "2020-04-02", "Earlier today", ("2020-04-02", "2020-04-02")),
    ("000_e877d95a32a4e0ef.txt", "2020-04-02", "November 2015", ("2015-11-01", "2015-11-30")),
    ("001_1d99418e4c2cbd88.txt", "2017-10-16", "4 and 5 October 2017", ("2017-10-04", "2017-10-05")),
    ("001_1d99418e4c2cbd88.txt", "2017-10-16", "Monday, 16 October 2017", ("2017-10-16", "2017-10-16")),
    ("002_a2f742a56d34091d.txt", "2021-06-28", "06/28/2021 4:30 a.m.", ("2021-06-28", "2021-06-28")),
    ("002_a2f742a56d34091d.txt", "2021-06-28", "Today", ("2021-06-28", "2021-06-28")),
    ("002_a2f742a56d34091d.txt", "2021-06-28", "February 2019", ("2019-02-01", "2019-02-28")),
    ("002_a2f742a56d34091d.txt", "2021-06-28", "Two weeks ago", ("2021-06-11", "2021-06-17")),
    ("002_a2f742a56d34091d.txt", "2021-06-28", "the end of March", ("2021-03-21", "2021-03-31")),
    ("003_539a479ea003e1b3.txt", "2024-06-10", "Monday", ("2024-06-10", "2024-06-10")),
    ("003_539a479ea003e1b3.txt", "2024-06-10", "early May", ("2024-05-01", "2024-05-10")),
    ("003_539a479ea003e1b3.txt", "2024-06-10", "2022", ("2022-01-01", "2022-12-31")),
    ("003_539a479ea003e1b3.txt", "2024-06-10", "early April 2024", ("2024-04-01", "2024-04-10")),
    ("003_539a479ea003e1b3.txt", "2024-06-10", "June 5", ("2024-06-05", "2024-06-05")),
]


@pytest.mark.parametrize("article,dct,span,interval", EXPECTED,
                         ids=[f"{a[:3]}-{s}" for a, _, s, _ in EXPECTED])
def test_seed_date(article, dct, span, interval):
    found = {t.text: t for t in tag((SEEDS / article).read_text(encoding="utf-8"), date.fromisoformat(dct))}
    assert span in found, sorted(found)
    assert found[span].interval.iso() == interval


@pytest.mark.parametrize("article,dct", [("001_1d99418e4c2cbd88.txt", "2017-10-16"),
                                         ("003_539a479ea003e1b3.txt", "2024-06-10")])
def test_seed_has_no_false_dates(article, dct):
    found = tag((SEEDS / article).read_text(encoding="utf-8"), date.fromisoformat(dct))
    years = {t.interval.start.year for t in found if t.interval}
    assert years <= {2015, 2016, 2017, 2019, 2020, 2021, 2022, 2024} - {2016}
    assert not any(t.text in ("2354", "2322", "2016", "2005", "Euro 2024", "ISIS-K") for t in found)
