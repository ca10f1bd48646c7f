"""Generalisation check on paragraphs written for this repository (tests/data), scored with the
package's scorer; background-only paragraphs must yield no event at all."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.intervals import Interval
from timeline.records import Article
from timeline.extract import extract
from timeline.extract.evaluate import score

DATA = Path(__file__).resolve().parent / "data"


def predictions(folder: Path, published: dict[str, str]) -> list[dict]:
    rows = []
    for name, day in sorted(published.items()):
        path = folder / name
        a = Article(source=str(path), text=path.read_text("utf-8"), published=Interval.day(date.fromisoformat(day)))
        for e in extract(a):
            start, end = e.date.iso() if e.date else (None, None)
            rows.append({"source": a.source, "type": e.type, "date_start": start, "date_end": end, "sentence": e.sentence})
    return rows


# articles13 (ten longer articles, scored in benchmarks/bench_extract.py) is left out: some of
# its gold events stay unreachable by any rule safe for news in general, e.g. a weekday the
# tagger reads as the next one ("In an audio message broadcast ... on Wednesday, ... threatened
# to attack"), a claim of responsibility the extractor folds into the attack it claims, and two
# abductions of one type and different years in one sentence.
# So is articles14 (unseen attack news): some of its gold events stay unreachable for now
# (a second event told in the same sentence as another of its kind: 'in October 2022 ... and in
# June 2017 ...'; 'fell upon villagers'; 'New Year's night in 2017'); benchmarks/bench_extract.py
# scores it.
# So is articles15 (unseen news, six regions; bench_extract.py scores it): 'Soldiers ... later searched' still borrows the day before the attack it follows.
# So is articles16 (unseen news, six forms): measured untouched in benchmarks/bench_extract.py.
# So is articles18 (unseen hard news, eight forms; bench_extract.py scores it): a claim of
# responsibility folded into the attack it claims; 'a week ago' read as the week around the day
# seven days back, not that day; an operation dated 'the previous day' in the sentence after
# the one that tells it; 'the previous day' and 'while the fighting was still going on'
# (offsets from the story, left undated or dated by the report); 'a suicide bomber killed the
# minister' beside 'The bombing' (the toll gives way to the noun); 'The military believes ...
# behind the roadside bomb that hit a truck on Aug. 10'; pipe bombs found in a search as a
# foiled plot.
# So is articles17 (unseen news written for precision: analysis, trial, anniversary, profile,
# sanctions, live blog, report, ministry statement; bench_extract.py scores it): a second event of
# one kind in the same sentence ('in December a German tourist was killed'; 'in April 2024 a bomb
# at a petrol station'), 'The following evening, gunmen ... killed 130 people in Paris' counted from
# a 2015 date, attacks told as what a man is blamed for ('Analysts attribute to him the raid on the
# army base at Kati'), and a sanctions designation, a kind of event no trigger names yet.
# So are articles19 and articles20 (blind: written and annotated by two sessions that never ran
# the extractor, and measured once against the session's start before anything was fixed for
# them; bench_extract.py scores them). Their misses are the open problems: the type of a
# sentence that tells two kinds (a condemnation typed as the bombing it condemns, 'released nine
# soldiers' as an arrest), operations and statements of a military press release, events
# counted from another event ('arrested two days later'), a photo caption retold as an event,
# quotes of residents and victims as statements.
# So are articles21 and articles22 (blind, written while extract12 and extract13 fixed
# articles19 and 20, measured once at the end against the session's start): date recall is
# their weak side (0.55-0.64), from events counted from another ('released three weeks later',
# 'a week after the ruling'), a weekly roundup's weekdays, and a second event of one kind in a
# sentence ('who had been abducted from his home in Abalak in October 2016').
# daterecall7 reached the counts from another event ('The following evening', 'Within days',
# 'comes a week after militants killed', 'about an hour later', 'On the same day'), 'later'
# (reference day .. publication), when-clauses after 'since <date>', a toll clause after a dated
# noun, a colon's clause and statements dated at their occasion. Still out of reach: weekdays
# the tagger reads forward or as a week ('broadcast on Wednesday' in a Sunday roundup, 'a week
# ago'), 'Overnight', a claim folded into the attack it claims, a speaker not recognised ('The
# banned Tehreek-e-Taliban Pakistan (TTP) has warned'), 'while the fighting was still going on',
# and a definite noun whose occasion was told without an event word ('Ministers agreed in Jeddah
# on Tuesday ... The meeting of the Council').
# So are articles23, articles24 and articles25 (blind: real outlets' date stamps; long features
# with background; a day's mixed feed), each measured once against the session's start before
# anything was fixed for it (articles25 was fixed for nothing). Left: an operation a statement
# reports ('said it had carried out air strikes') typed as the statement, a weekly digest's
# 'on Monday' (the Monday before its own), the year of a late-December event in an early-January
# story, a mid-story sub-heading ('Tuesday morning's attack') joining the first attack of the
# story, and operations of several agents in neighbouring sentences merged ('retook the town'
# and 'the U.S. military said it had carried out an air strike').
# So are articles26 and articles27 (blind, scored once against the session's start before
# anything was fixed for them; articles26 was then used for the timeline-box and threat rules,
# articles27 for nothing): the session's other event rules, found on articles13-25, left both
# flat (F1 0.732 -> 0.731 and 0.747 -> 0.749 end to end); the places they name did move (right
# 18 -> 25 of 40, 18 -> 27 of 36). Left: a military communiqué's wording ('made contact with the
# terrorists and neutralised 6', 'conducted air interdiction on terrorists' enclaves'), dates
# counted back from an event ('two weeks before the attack'), and a poster or video as a threat.
@pytest.mark.parametrize("batch", ["paragraphs", "paragraphs2", "articles3", "articles4", "articles5", "articles6", "articles7", "articles8", "articles9", "articles11", "articles12"])
def test_batch_scores(batch):
    gold = json.loads((DATA / f"{batch}_gold.json").read_text())
    preds = predictions(DATA / batch, {k: v["published"][0] for k, v in gold["articles"].items()})
    result = score(gold, preds)
    assert result["date_recall"] >= 0.9, result["misses"]
    assert result["precision"] >= 0.9, result["unmatched"]
    assert result["duplicates"] <= 2


@pytest.mark.parametrize("name,day", [("paragraphs/p09_background_generic.txt", "2024-02-01"),
                                      ("paragraphs2/q06_analysis.txt", "2024-01-20"),
                                      ("articles5/t02_opinion.txt", "2024-04-02")])
def test_background_yields_nothing_but_dated_history(name, day):
    path = DATA / name
    events = extract(Article(source=name, text=path.read_text("utf-8"), published=Interval.day(date.fromisoformat(day))))
    # only events with a date of their own may come out of an explainer
    assert all(e.date is not None and e.date_basis.value == "explicit" for e in events), [(e.type, e.sentence) for e in events]
