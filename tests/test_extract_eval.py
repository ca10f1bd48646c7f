"""The package's event scorer agrees with ../shared/tools/score_events.py, and says why."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.extract.evaluate import evaluate_directory, report_lines, score
from timeline.taxonomy import event_types, mapping

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def _shared_script() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        p = base / "shared" / "tools" / "score_events.py"
        if p.exists():
            return p
    return None


def _shared_gold() -> Path | None:
    script = _shared_script()
    return script.parent.parent / "gold" / "seeds.json" if script else None


PREDS = [
    {"source": "seeds/a.txt", "type": "attack", "date_start": "2020-01-05", "date_end": "2020-01-05", "sentence": "A bomb  exploded in the\u00a0market on Sunday."},
    {"source": "seeds/a.txt", "type": "attack", "date_start": "2020-01-05", "date_end": None, "sentence": "The bomb exploded in the market, police said."},
    {"source": "seeds/a.txt", "type": "statement", "date_start": None, "date_end": None, "sentence": "The mayor condemned the bomb exploded in the market."},
    {"source": "seeds/a.txt", "type": "arrest", "date_start": "2019-01-01", "date_end": "2019-12-31", "sentence": "Two men were arrested in 2019."},
    {"source": "other/b.txt", "type": "meeting", "date_start": None, "date_end": None, "sentence": "Not in the gold."},
]
GOLD = {"articles": {"a.txt": {"published": ["2020-01-06", "2020-01-06"]}},
        "events": [
            {"id": "g1", "article": "a.txt", "type": "attack", "alt_types": [], "date": ["2020-01-05", "2020-01-05"], "evidence": ["bomb exploded in the market"]},
            {"id": "g2", "article": "a.txt", "type": "arrest", "alt_types": [], "date": ["2020-01-01", "2020-01-31"], "evidence": ["were arrested"]},
            {"id": "g3", "article": "a.txt", "type": "meeting", "alt_types": [], "date": None, "evidence": ["met"], "required": False},
            {"id": "g4", "article": "a.txt", "type": "kidnapping", "alt_types": [], "date": None, "evidence": ["abducted"]}]}


def _script(gold: dict, preds: list[dict], tmp_path: Path) -> dict:
    script = _shared_script()
    if script is None:
        pytest.skip("shared scorer not found beside the repository")
    g, p = tmp_path / "gold.json", tmp_path / "ev.jsonl"
    g.write_text(json.dumps(gold))
    p.write_text("".join(json.dumps(x) + "\n" for x in preds))
    out = subprocess.run([sys.executable, str(script), str(g), str(p), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_agrees_with_the_shared_script(tmp_path):
    ours = score(GOLD, PREDS)
    theirs = _script(GOLD, PREDS, tmp_path)
    assert {k: ours[k] for k in theirs} == theirs


def test_agrees_on_the_seeds(tmp_path):
    gold_path = _shared_gold()
    if gold_path is None or not gold_path.exists():
        pytest.skip("shared gold not found")
    gold = json.loads(gold_path.read_text())
    from tests.test_extract_paragraphs import predictions
    preds = predictions(ROOT / "seeds", {k: v["published"][0] for k, v in gold["articles"].items()})
    ours = score(gold, preds)
    theirs = _script(gold, preds, tmp_path)
    assert {k: ours[k] for k in theirs} == theirs


def test_reasons_for_misses_and_unmatched():
    r = score(GOLD, PREDS)
    reasons = {m["id"]: m["reason"] for m in r["misses"]}
    assert reasons["g2"].startswith("found, but dated 2019-01-01..2019-12-31")
    assert reasons["g4"] == "no predicted event's sentence holds the evidence"
    assert r["unmatched"][0]["reason"].startswith("sentence is evidence of g1")
    assert r["duplicates"] == 1
    lines = list(report_lines(r))
    assert lines[0] == "        required: 3"
    assert any(line.startswith("miss g4") for line in lines)


def test_eval_events_command_prints_the_figures(tmp_path):
    from click.testing import CliRunner

    from timeline.cli import main

    gold = tmp_path / "gold.json"
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "x.txt").write_text("Bomb blast in Kabul\n\nA car bomb exploded in Kabul on Monday, killing 9 people.\n")
    gold.write_text(json.dumps({"articles": {"x.txt": {"published": ["2024-01-01", "2024-01-31"]}}, "events": [
        {"id": "x1", "article": "x.txt", "type": "attack", "alt_types": [], "date": None, "evidence": ["car bomb exploded in Kabul"]}]}))
    result = CliRunner().invoke(main, ["eval", "events", str(gold), str(arts)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "date_recall: 1.0" in result.output
    assert evaluate_directory(gold, arts)["precision"] == 1.0


def test_taxonomy_maps_every_type():
    assert {"attack", "arrest", "meeting", "statement", "threat", "plot_foiled", "kidnapping", "release",
            "military_operation", "relocation", "sentencing", "other"} == set(event_types())
    assert mapping("arrest") == {"plover": "COERCE", "acled": "Arrests"}
    assert mapping("no such type") == mapping("other")


def test_user_alias_file_extends_the_table(tmp_path):
    from datetime import date

    from timeline.extract import extract
    from timeline.extract.actors import load_aliases
    from timeline.intervals import Interval
    from timeline.records import Article

    extra = tmp_path / "aliases.json"
    extra.write_text(json.dumps({"actors": {"Ansaru": {"kind": "group", "aliases": ["Jama'atu Ansarul Muslimina fi Biladis Sudan"], "exact": ["JAMBS"]}}}))
    table = load_aliases(extra)
    text = "JAMBS gunmen abducted six engineers near Kaduna on Monday."
    article = Article("t", text, published=Interval.day(date(2022, 5, 4)))
    names = {a.name for e in extract(article, aliases=table) for a in e.actors}
    assert "Ansaru" in names
    assert "Ansaru" not in {a.name for e in extract(article) for a in e.actors}
    # the shipped names still resolve, case-aware: IS the group, not the verb
    ev = extract(Article("t", "IS gunmen attacked a checkpoint in Raqqa on Friday. It is unclear why.",
                         published=Interval.day(date(2022, 5, 4))), aliases=table)
    assert [a.name for a in ev[0].actors] == ["Islamic State"]


# Whether a found event names the gold's place: (gold location, predicted location, predicted
# country, verdict, why)
PLACE_VERDICTS = [
    ("Mogadishu", "Mogadishu", "SO", "right", "the same city"),
    ("Lido beach, Mogadishu", "Mogadishu", "SO", "right", "one part of the gold location"),
    ("Bettani, Lakki Marwat", "Lakki Marwat", "PK", "right", "the district the gold's area lies in"),
    ("Bootle", "Liverpool", "GB", "country", "a neighbouring city: only the country agrees"),
    ("Lido beach, Mogadishu", "Lido", "IT", "wrong", "a namesake in another country"),
    ("Kirkuk", "Baghdad", "IQ", "country", "another city of the same country"),
    ("Djibasso", "Burkina Faso", "BF", "wrong", "a village the gazetteer does not know: nothing confirms the country"),
    ("Mogadishu", None, None, "missing", "no place and no country"),
    ("Mogadishu", None, "SO", "country", "the country alone"),
    (None, "Mogadishu", "SO", None, "the gold gives no location: not judged"),
]


@pytest.mark.parametrize("gold, location, country, verdict, why", PLACE_VERDICTS)
def test_place_verdict(gold, location, country, verdict, why):
    from timeline.extract.agreement import place_verdict

    assert place_verdict({"location": gold}, {"location": location, "country": country}) == verdict, why


# Whether a found event names one of the gold's actors: (gold actors, predicted actors, verdict, why)
ACTOR_VERDICTS = [
    (["ISIL"], ["Islamic State"], "right", "an alias of the same group"),
    (["al-Shabab"], ["al-Shabaab"], "right", "another spelling the alias table knows"),
    (["Stephen Nutt"], ["Nutt"], "right", "a surname of the gold's person"),
    (["Spanish police"], ["Islamic State"], "wrong", "the suspects' group, not the arresting police"),
    (["JNIM"], [], "missing", "no actor named"),
    ([], ["JNIM"], None, "the gold names no actor: not judged"),
]


@pytest.mark.parametrize("gold, named, verdict, why", ACTOR_VERDICTS)
def test_actor_verdict(gold, named, verdict, why):
    from timeline.extract.agreement import actor_verdict

    assert actor_verdict({"actors": gold}, {"actors": named}) == verdict, why


def test_score_counts_place_and_actor_agreement():
    gold = {"articles": {"a.txt": {"published": ["2020-01-06", "2020-01-06"]}},
            "events": [{"id": "g1", "article": "a.txt", "type": "attack", "date": None, "location": "Kabul",
                        "actors": ["Taliban"], "evidence": ["bomb exploded"]},
                       {"id": "g2", "article": "a.txt", "type": "arrest", "date": None, "location": "Herat",
                        "evidence": ["were arrested"]}]}
    preds = [{"source": "a.txt", "type": "attack", "sentence": "A bomb exploded in Kabul.", "location": "Kabul",
              "country": "AF", "actors": []},
             {"source": "a.txt", "type": "arrest", "sentence": "Two men were arrested.", "location": None,
              "country": None, "actors": []}]
    result = score(gold, preds)
    assert result["place"] == {"right": 1, "country": 0, "wrong": 0, "missing": 1}
    assert result["actors"] == {"right": 0, "wrong": 0, "missing": 1}
    assert [e["id"] for e in result["place_errors"]] == ["g2"]
    assert "place missing g2 (a.txt): predicted None; gold Herat" in list(report_lines(result))


def test_an_article_the_gold_leaves_undated_is_not_counted_in_published_right():
    gold = {"articles": {"a.txt": {"published": ["2020-01-06", "2020-01-06"]},
                         "b.txt": {"published": None, "published_basis": "no date line"}},
            "events": []}
    articles = [{"source": "x/a.txt", "published": "2020-01-06"}, {"source": "x/b.txt", "published": "2020-03-01"}]
    assert score(gold, [], articles)["published_right"] == "1/1"
