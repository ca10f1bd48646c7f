"""Sentence segmentation of news text: each row (text, expected sentences), the reason as id."""

from __future__ import annotations

import pytest

from timeline.extract.segment import split

CASES = [
    ("titles and initials", "Mr. John F. Kennedy Jr. spoke. Dr. Ruth Lee agreed.",
     ["Mr. John F. Kennedy Jr. spoke.", "Dr. Ruth Lee agreed."]),
    ("dotted acronym mid-sentence", "The U.S. military said it struck a base. It gave no toll.",
     ["The U.S. military said it struck a base.", "It gave no toll."]),
    ("dotted acronym ends a sentence", "The suspects were flown to the U.S. They face charges.",
     ["The suspects were flown to the U.S.", "They face charges."]),
    ("abbreviated month", "The blast happened on Jan. 5 near the port. Nobody was hurt.",
     ["The blast happened on Jan. 5 near the port.", "Nobody was hurt."]),
    ("time of day", "It exploded at 6 p.m. local time. Police came.",
     ["It exploded at 6 p.m. local time.", "Police came."]),
    ("closing quote after the stop", "\"We will rebuild.\" The mayor left.",
     ["\"We will rebuild.\"", "The mayor left."]),
    ("quote with attribution is one sentence", "“The danger is real,” he said. “We act now.”",
     ["“The danger is real,” he said.", "“We act now.”"]),
    ("headline without a stop", "Bomb kills 12 in market\n\nA bomb killed 12 people.",
     ["Bomb kills 12 in market", "A bomb killed 12 people."]),
    ("a wire date line is no part of the sentence it heads (the filing's place and day)",
     "KABUL, Afghanistan (AP) — A bomb went off. Two died.", ["A bomb went off.", "Two died."]),
    ("a capitalised heading and a dash are no wire date line", "UPDATE - A bomb went off.",
     ["UPDATE - A bomb went off."]),
    ("non-breaking spaces", "He left on\u00a0Monday. She\u00a0stayed.", ["He left on\u00a0Monday.", "She\u00a0stayed."]),
    ("hard-wrapped line joins", "Police said the man\nwas arrested at home.", ["Police said the man\nwas arrested at home."]),
    ("lower-case after a stop is no new sentence", "The ceasefire, agreed in the early a.m. hours, held.",
     ["The ceasefire, agreed in the early a.m. hours, held."]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split(text, expected):
    got = split(text)
    assert [s.text for s in got] == expected
    for s in got:
        assert text[s.start:s.end] == s.text  # offsets are exact


def test_headline_flag_and_paragraphs():
    got = split("Title line\n\nFirst sentence. Second one.\n\nThird.")
    assert [s.headline for s in got] == [True, False, False, False]
    assert [s.paragraph for s in got] == [0, 1, 1, 2]
