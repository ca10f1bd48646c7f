"""benchmarks/sentence_work.py: each sentence is counted in the class of what it gave in the end."""

from datetime import date

import pytest

from benchmarks.sentence_work import measure
from timeline.intervals import Interval
from timeline.records import Article, PublishedBasis

INTRO = "The day began quietly across the region."  # no trigger in it

CASES = [  # (sentence, its class, why)
    ("Police arrested a man in Kabul on Monday.", "a record", "an arrest with its date"),
    ("Attacks have grown deadlier over the past year.", "triggers, no candidate",
     "a trend, many events summed up: dropped as generic"),
    ("The minister plans to attack the budget.", "triggers, no candidate", "planned, not done"),
    ("Officials said the situation was calm.", "candidates, no record",
     "a statement whose speaker has no name: merge drops it"),
    ("The weather in the city was mild and dry.", "no trigger", "no event word at all"),
]


def _article(text: str) -> Article:
    return Article(source="x.txt", text=text, published=Interval.day(date(2024, 3, 6)),
                   published_basis=PublishedBasis.METADATA)


@pytest.mark.parametrize("sentence, kind, why", CASES, ids=[c[2] for c in CASES])
def test_a_sentence_is_counted_in_the_class_of_what_it_gave(sentence, kind, why):
    counted = measure([_article(f"{INTRO}\n\n{sentence}")])["sentences"]
    want = {"no trigger": 1}
    want[kind] = want.get(kind, 0) + 1
    assert dict(counted) == want


def test_expressions_are_counted_by_whether_their_sentence_holds_a_trigger():
    m = measure([_article("Police arrested a man on Monday.\n\nIt rained on Tuesday.")])
    assert dict(m["timexes"]) == {"with a trigger": 1, "without": 1}
