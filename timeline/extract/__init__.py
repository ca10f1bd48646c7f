"""Event extraction: an `Article` in, its `EventRecord`s out (first pass: keyword triggers)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from timeline.intervals import Interval
from timeline.readers.datelines import dates_in_line
from timeline.records import Article, DateBasis, EventRecord

EXTRACTOR_VERSION = "0.1"
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’]?|$)", re.M)


@lru_cache(maxsize=1)
def _triggers() -> dict[str, re.Pattern[str]]:
    data = json.loads(resources.files("timeline.extract").joinpath("data/triggers.json").read_text())
    return {kind: re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I)
            for kind, words in data.items() if not kind.startswith("_")}


def extract(article: Article) -> list[EventRecord]:
    events = []
    for m in _SENTENCE.finditer(article.text):
        sentence = m.group().strip()
        if len(sentence.split()) < 4:
            continue
        start = m.start() + m.group().index(sentence)
        for kind, pattern in _triggers().items():
            hit = pattern.search(sentence)
            if hit:
                events.append(_event(article, kind, sentence, start, hit.group()))
                break
    return events


def _event(article: Article, kind: str, sentence: str, start: int, trigger: str) -> EventRecord:
    event = EventRecord(type=kind, sentence=sentence, sentence_start=start,
                        sentence_end=start + len(sentence), trigger=trigger, confidence=0.3)
    found = dates_in_line(sentence)
    if found:
        event.date, event.date_basis = Interval.day(found[0].day), DateBasis.EXPLICIT
        event.date_text = sentence[found[0].start:found[0].end]
    elif kind == "statement" and article.published:
        event.date, event.date_basis = article.published, DateBasis.PUBLICATION
    return event
