"""Scoring extracted events against a gold annotation, as ../shared/tools/score_events.py does,
plus the reason for every miss and every unmatched prediction.

`score(gold, events)` takes the gold (the shape of gold/seeds.json) and event dicts of the
export shape (source, type, date_start, date_end, sentence) and returns the script's figures
(required, predicted, recall, date_recall, precision, f1, duplicates, missed) with `misses`
and `unmatched` lists that say why, and whether the found events name the gold's place and
actors (`place`, `actors`: timeline.extract.agreement). The matching is the script's, line for line: a test keeps
the two in agreement.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from timeline.errors import GoldFileError
from timeline.extract.agreement import VERDICTS, agreement


def norm(text: str | None) -> str:
    return " ".join((text or "").replace("\u00a0", " ").split())


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def date_ok(gold: dict, pred: dict) -> bool:
    """Right when the gold has no date, or the start lies in the gold interval and the end
    overshoots it by no more than its own length (a coarser date than the gold one is wrong)."""
    if gold.get("date") is None:
        return True
    lo, hi = (_day(d) for d in gold["date"])
    start, end = _day(pred.get("date_start")), _day(pred.get("date_end"))
    if start is None or not lo <= start <= hi:
        return False
    return end is None or end <= hi + (hi - lo)


def _types(g: dict) -> list[str]:
    return [g["type"], *g.get("alt_types", [])]


def _match(p: dict, golds: list[dict]) -> dict | None:
    """The script's rule: the first gold of the right type whose evidence the sentence holds,
    moving on to a later one only while the date is wrong."""
    sent = norm(p.get("sentence"))
    found = None
    for g in golds:
        if p.get("type") not in _types(g):
            continue
        if any(norm(s) in sent for s in g["evidence"]):
            found = g
            if date_ok(g, p):
                break
    return found


def _unmatched_reason(p: dict, golds: list[dict]) -> str:
    sent = norm(p.get("sentence"))
    for g in golds:
        if any(norm(s) in sent for s in g["evidence"]):
            return f"sentence is evidence of {g['id']} ({'/'.join(_types(g))}) but the type is {p.get('type')}"
    return "its sentence holds no gold evidence"


def _miss_reason(g: dict, preds: list[dict], matched: list[dict]) -> str:
    mine = [p for p in matched if p is not None]
    if mine:
        got = ", ".join(f"{p.get('date_start')}..{p.get('date_end')}" for p in mine)
        want = "..".join(g["date"]) if g.get("date") else "any"
        return f"found, but dated {got}; gold {want}"
    holding = [p for p in preds if any(norm(s) in norm(p.get("sentence")) for s in g["evidence"])]
    if holding:
        return "evidence found in an event typed " + ", ".join(sorted({str(p.get("type")) for p in holding})) \
            + f"; gold wants {'/'.join(_types(g))}"
    if not preds:
        return "no event predicted in this article"
    return "no predicted event's sentence holds the evidence"


def score(gold: dict, preds: list[dict], articles: list[dict] | None = None) -> dict:
    by_article: dict[str, list[dict]] = {}
    for g in gold["events"]:
        by_article.setdefault(g["article"], []).append(g)
    hits, dated, matched_preds, dup = set(), set(), 0, 0
    seen: dict[str, int] = {}
    found_for: dict[str, list[dict]] = {}
    unmatched = []
    for p in preds:
        art = os.path.basename(p.get("source") or "")
        golds = by_article.get(art, [])
        found = _match(p, golds)
        if found is None:
            if art in by_article:
                unmatched.append({"source": art, "type": p.get("type"), "sentence": p.get("sentence"),
                                  "reason": _unmatched_reason(p, golds)})
            continue
        matched_preds += 1
        seen[found["id"]] = seen.get(found["id"], 0) + 1
        if seen[found["id"]] > 1:
            dup += 1
        hits.add(found["id"])
        found_for.setdefault(found["id"], []).append(p)
        if date_ok(found, p):
            dated.add(found["id"])
    required = [g["id"] for g in gold["events"] if g.get("required", True)]
    scored = [p for p in preds if os.path.basename(p.get("source") or "") in by_article]
    r = sum(i in hits for i in required) / max(len(required), 1)
    dr = sum(i in dated for i in required) / max(len(required), 1)
    pr = matched_preds / max(len(scored), 1)
    f1 = 2 * pr * dr / (pr + dr) if pr + dr else 0.0
    out = {"required": len(required), "predicted": len(scored), "recall": round(r, 3),
           "date_recall": round(dr, 3), "precision": round(pr, 3), "f1": round(f1, 3),
           "duplicates": dup, "missed": [i for i in required if i not in dated]}
    if articles is not None:
        out["published_right"] = _published_right(gold, articles)
    gold_by_id = {g["id"]: g for g in gold["events"]}
    out["misses"] = []
    for i in out["missed"]:
        g = gold_by_id[i]
        art_preds = [p for p in preds if os.path.basename(p.get("source") or "") == g["article"]]
        out["misses"].append({"id": i, "article": g["article"], "type": g["type"],
                              "reason": _miss_reason(g, art_preds, found_for.get(i, []))})
    out["unmatched"] = unmatched
    out.update(agreement([(gold_by_id[i], found_for[i][0]) for i in required if i in found_for]))
    return out


def _published_right(gold: dict, articles: list[dict]) -> str:
    """How many of the articles the gold dates were given a publication day inside the gold's
    interval ("9/10"); an article the gold leaves undated (null: no clue in the text) is not
    counted."""
    dated = {name: g["published"] for name, g in gold["articles"].items() if g.get("published")}
    ok = 0
    for a in articles:
        span = dated.get(os.path.basename(a.get("source") or ""))
        if span and a.get("published") and _day(span[0]) <= _day(a["published"]) <= _day(span[1]):
            ok += 1
    return f"{ok}/{len(dated)}"


def load_gold(path: str | Path) -> dict:
    """The gold of `timeline eval events`; GoldFileError naming the file and what is wrong."""
    try:
        gold = json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"{path}: cannot read ({exc})") from None
    except ValueError as exc:
        raise GoldFileError(f"{path}: not JSON ({exc})") from None
    problem = _gold_problem(gold)
    if problem:
        raise GoldFileError(f"{path}: {problem}")
    return gold


def _gold_problem(gold: object) -> str | None:
    """What keeps `score` from reading the gold, or None."""
    if not isinstance(gold, dict) or not isinstance(gold.get("events"), list):
        return "not a gold file: a JSON object with a list of \"events\" was expected"
    if not isinstance(gold.setdefault("articles", {}), dict):
        return "\"articles\" is not an object of file names"
    for number, event in enumerate(gold["events"], 1):
        if not isinstance(event, dict):
            return f"event #{number} is not an object"
        missing = [k for k in ("id", "article", "type", "evidence") if k not in event]
        if missing:
            return f"event #{number} has no {', '.join(missing)}"
        if not isinstance(event["evidence"], list):
            return f"event {event['id']}: \"evidence\" is not a list of strings"
        if event.get("date") is not None and not _is_span(event["date"]):
            return f"event {event['id']}: date {event['date']!r} is not [YYYY-MM-DD, YYYY-MM-DD]"
    for name, article in gold["articles"].items():
        if not isinstance(article, dict) or not (article.get("published") is None or _is_span(article["published"])):
            return f"article {name}: \"published\" is not [YYYY-MM-DD, YYYY-MM-DD] (or null: undated)"
    return None


def _is_span(value: object) -> bool:
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) for v in value):
        return False
    try:
        return _day(value[0]) <= _day(value[1])
    except ValueError:
        return False


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


FIGURES = ("required", "predicted", "recall", "date_recall", "precision", "f1", "duplicates", "missed")


def report_lines(result: dict) -> Iterable[str]:
    """The script's figures in its layout, then each miss and unmatched event with its reason."""
    for k in FIGURES + (("published_right",) if "published_right" in result else ()):
        yield f"{k:>16}: {result[k]}"
    for m in result["misses"]:
        yield f"miss {m['id']} ({m['type']}, {m['article']}): {m['reason']}"
    for u in result["unmatched"]:
        yield f"unmatched {u['type']} in {u['source']}: {u['reason']}: {norm(u['sentence'])[:100]}"
    for part, verdicts in VERDICTS.items():
        counts = result[part]
        yield f"{part:>16}: " + ", ".join(f"{v} {counts[v]}" for v in verdicts) + f" (of {sum(counts.values())} found events the gold gives one)"
        for e in result[f"{part}_errors"]:
            yield f"{part} {e['verdict']} {e['id']} ({e['article']}): predicted {e['predicted']}; gold {e['gold']}"


def evaluate_directory(gold_path: str | Path, articles_dir: str | Path) -> dict:
    """`timeline eval events`: ingest the gold's articles into a scratch database, export the
    events as the export contract has them, and score them against the gold."""
    import tempfile

    from timeline.db import open_database
    from timeline.export import ARTICLE_COLUMNS, EVENT_COLUMNS, shape
    from timeline.pipeline import ingest
    from timeline.store import EventFilter, iter_articles, iter_events

    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory() as scratch:
        engine = open_database(str(Path(scratch) / "eval.db"))
        try:
            ingest(engine, [str(articles_dir)])
            with engine.connect() as conn:
                events = list(shape(iter_events(conn, EventFilter()), EVENT_COLUMNS))
                articles = list(shape(iter_articles(conn), ARTICLE_COLUMNS))
        finally:
            engine.dispose()
    return score(gold, events, articles)
