"""Scoring the tagger the TempEval-3 way, on documents shaped like TimeBank's JSONL.

`score` computes exactly what the shared `score_timex.py` computes (strict and relaxed span
F1, type and value accuracy over relaxed matches, value F1, per gold type); `evaluate` runs
`tag` over gold documents and scores the result.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from timeline.errors import GoldFileError

from . import tag


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def norm_value(v: str | None) -> str:
    return (v or "").strip().upper()


def _best_match(g: dict, system: list[dict], used: set[int]) -> int | None:
    """The system expression a gold one is matched to: an unused overlapping one, the
    exact span preferred, else the first that overlaps."""
    best = None
    for i, s in enumerate(system):
        if i in used or s["end"] <= g["start"] or s["start"] >= g["end"]:
            continue
        if best is None or (s["start"], s["end"]) == (g["start"], g["end"]):
            best = i
    return best


def score(gold_docs: Iterable[dict], sys_docs: dict[str, list[dict]]) -> dict:
    """Figures for system expressions (keyed by doc_id) against gold documents."""
    c: Counter = Counter()
    per: dict[str, Counter] = {}
    for doc in gold_docs:
        gold = doc["timexes"]
        system = sys_docs.get(doc["doc_id"], [])
        c["gold"] += len(gold)
        c["sys"] += len(system)
        used: set[int] = set()
        for g in gold:
            t = per.setdefault(g["type"], Counter())
            t["gold"] += 1
            best = _best_match(g, system, used)
            if best is None:
                continue
            used.add(best)
            s = system[best]
            c["relaxed"] += 1
            t["relaxed"] += 1
            if (s["start"], s["end"]) == (g["start"], g["end"]):
                c["strict"] += 1
            if s.get("type") == g["type"]:
                c["type"] += 1
            if norm_value(s.get("value")) == norm_value(g["value"]):
                c["value"] += 1
                t["value"] += 1
    return _figures(c, per)


def value_accuracy_by_type(gold_docs: Iterable[dict], sys_docs: dict[str, list[dict]]) -> dict:
    """Value accuracy over the relaxed matches of each gold type (the goal "DATE value
    accuracy"), matched exactly as `score` matches."""
    right: Counter = Counter()
    matched: Counter = Counter()
    for doc in gold_docs:
        system = sys_docs.get(doc["doc_id"], [])
        used: set[int] = set()
        for g in doc["timexes"]:
            best = _best_match(g, system, used)
            if best is None:
                continue
            used.add(best)
            matched[g["type"]] += 1
            right[g["type"]] += norm_value(system[best].get("value")) == norm_value(g["value"])
    return {k: round(right[k] / matched[k], 4) for k in sorted(matched)}


def _figures(c: Counter, per: dict[str, Counter]) -> dict:
    def p(k: str) -> float:
        return c[k] / c["sys"] if c["sys"] else 0.0

    def r(k: str) -> float:
        return c[k] / c["gold"] if c["gold"] else 0.0

    out: dict = {"gold": c["gold"], "system": c["sys"]}
    out["strict_f1"] = round(f1(p("strict"), r("strict")), 4)
    out["relaxed_f1"] = round(f1(p("relaxed"), r("relaxed")), 4)
    out["type_acc"] = round(c["type"] / c["relaxed"], 4) if c["relaxed"] else 0.0
    out["value_acc"] = round(c["value"] / c["relaxed"], 4) if c["relaxed"] else 0.0
    out["value_f1"] = round(f1(p("value"), r("value")), 4)
    out["per_type"] = {
        k: {"gold": v["gold"], "recall_relaxed": round(v["relaxed"] / v["gold"], 3),
            "value_recall": round(v["value"] / v["gold"], 3)}
        for k, v in sorted(per.items())
    }
    return out


def read_gold(path: str | Path) -> Iterator[dict]:
    """Documents of a TimeBank-shaped JSONL file, one a line."""
    found = False
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        doc = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise GoldFileError(f"{path}:{n}: not JSON ({e.msg})") from None
                    if not isinstance(doc, dict) or not {"doc_id", "text", "timexes"} <= doc.keys():
                        raise GoldFileError(f"{path}:{n}: needs doc_id, text and timexes")
                    yield doc
                    found = True
    except (OSError, UnicodeDecodeError) as e:
        raise GoldFileError(f"{path}: cannot read ({e})") from None
    if not found:  # scoring nothing printed figures of 0.0 with exit 0
        raise GoldFileError(f"{path}: no documents (one JSON object a line)")


def run(gold_docs: Iterable[dict]) -> dict[str, list[dict]]:
    """The tagger's expressions for each document, keyed by doc_id."""
    out = {}
    for doc in gold_docs:
        dct = date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None
        out[doc["doc_id"]] = [t.to_json() for t in tag(doc["text"], dct)]
    return out


def evaluate(gold_docs: Iterable[dict]) -> dict:
    """Tag every gold document and score the result."""
    docs = list(gold_docs)
    return score(docs, run(docs))


def split(doc_id: str) -> str:
    """A fixed split of a development set: about a third of the documents, chosen by a hash
    of their id, are held out from tuning."""
    return "heldout" if hashlib.sha1(doc_id.encode()).digest()[0] % 3 == 0 else "tuning"
