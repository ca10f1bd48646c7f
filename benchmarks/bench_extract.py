"""Benchmark of the event extractors against a naive baseline, over the same articles, same run.

    python benchmarks/bench_extract.py          # prints a table
    run() -> list[dict]                          # rows {name, value, unit, baseline, baseline_value, ratio}

The baseline is the extractor the issue measured first: sentences split on stops, one keyword
trigger per sentence, the first date `dateparser.search_dates` finds in the sentence, the
publication date for a reporting verb. Speed is CPU time (time.process_time, best of several
rounds, so other work on the machine counts less), per 600 words of text. Quality is the
shared scorer's figures (reimplemented in timeline.extract.evaluate) on the seed articles and
on the two batches of paragraphs written for the tests.
"""

from __future__ import annotations

import json
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.intervals import Interval  # noqa: E402
from timeline.records import Article  # noqa: E402

BASELINE = "naive keywords + dateparser.search_dates"
SEED_PUBLISHED = {"000": "2020-04-02", "001": "2017-10-16", "002": "2021-06-28", "003": "2024-06-05"}
_NAIVE_TRIGGERS = {
    "attack": ["attack", "attacks", "attacked", "bombing", "bombed", "shooting", "explosion", "blast", "stabbing"],
    "arrest": ["arrested", "arrest", "detained", "apprehended"],
    "meeting": ["meeting", "summit", "met", "meet", "talks"],
    "statement": ["said", "stated", "told", "announced", "stressed", "warned"],
    "kidnapping": ["kidnapped", "abducted", "kidnapping", "abduction"],
    "release": ["released", "freed"],
    "sentencing": ["sentenced", "convicted", "charged"],
}
_NAIVE_RX = {k: re.compile(r"\b(" + "|".join(v) + r")\b", re.I) for k, v in _NAIVE_TRIGGERS.items()}
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’]?|$)", re.M)


def naive_extract(article: Article) -> list[dict]:
    from dateparser.search import search_dates

    dct = article.published.start if article.published else None
    settings = {"RELATIVE_BASE": datetime.combine(dct, datetime.min.time())} if dct else {}
    out = []
    for m in _SENT.finditer(article.text):
        sentence = m.group().strip()
        if len(sentence.split()) < 4:
            continue
        for kind, rx in _NAIVE_RX.items():
            if rx.search(sentence):
                found = search_dates(sentence, languages=["en"], settings=settings) or []
                day = found[0][1].date() if found else (dct if kind == "statement" else None)
                iso = day.isoformat() if day else None
                out.append({"type": kind, "date_start": iso, "date_end": iso, "sentence": sentence})
                break
    return out


def ours(article: Article) -> list[dict]:
    from timeline.extract import extract

    rows = []
    for e in extract(article):
        start, end = e.date.iso() if e.date else (None, None)
        rows.append({"type": e.type, "date_start": start, "date_end": end, "sentence": e.sentence})
    return rows


def gold_batches() -> list[str]:
    """Every annotated batch under tests/data (paragraphs, paragraphs2, articles3, ...), in the
    order they were written."""
    names = [p.name.removesuffix("_gold.json") for p in (ROOT / "tests" / "data").glob("*_gold.json")]
    return sorted(names, key=lambda n: (n.startswith("articles"), int(n.removeprefix("articles")) if n[8:].isdigit() else 0, n))


def articles() -> dict[str, list[tuple[Article, dict | None]]]:
    """The benchmark's articles by set, each with the gold it is scored against."""
    sets: dict[str, list] = {}
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    shared_gold = ROOT.parent / "shared" / "gold" / "seeds.json"
    if not shared_gold.exists():
        shared_gold = ROOT.parent.parent / "shared" / "gold" / "seeds.json"
    gold = json.loads(shared_gold.read_text()) if shared_gold.exists() else None
    sets["seeds"] = [(Article(str(p), p.read_text("utf-8"), published=Interval.day(date.fromisoformat(SEED_PUBLISHED[p.name[:3]]))), gold)
                     for p in seeds]
    for batch in gold_batches():
        g = json.loads((ROOT / "tests" / "data" / f"{batch}_gold.json").read_text())
        sets[batch] = [(Article(name, (ROOT / "tests" / "data" / batch / name).read_text("utf-8"),
                                published=_gold_published(meta)), g)
                       for name, meta in sorted(g["articles"].items())]
    return sets


def _gold_published(meta: dict) -> Interval | None:
    """The gold's publication day (its interval's first), or None for an article it leaves undated."""
    return Interval.day(date.fromisoformat(meta["published"][0])) if meta.get("published") else None


def _six_hundred_words(arts: list[Article]) -> Article:
    """The test articles joined, paragraph by paragraph, until about 600 words."""
    parts, words = [], 0
    for a in arts:
        for par in a.text.split("\n\n"):
            if words >= 600:
                break
            parts.append(par)
            words += len(par.split())
    return Article("joined", "\n\n".join(parts), published=arts[0].published)


def _cpu_ms_per_600_words(fn, arts: list[Article], rounds: int, repeat: int) -> float:
    words = sum(len(a.text.split()) for a in arts)
    best = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        for _ in range(repeat):
            for a in arts:
                fn(a)
        best = min(best, (time.process_time() - t) / repeat)
    return best * 1000 * 600 / words


def _score(fn, items) -> dict:
    from timeline.extract.evaluate import score

    gold = items[0][1]
    preds = [dict(p, source=a.source) for a, _ in items for p in fn(a)]
    return score(gold, preds)


def _row(name, value, unit, baseline_value):
    ratio = round(value / baseline_value, 3) if baseline_value else None
    return {"name": name, "value": round(value, 3), "unit": unit, "baseline": BASELINE,
            "baseline_value": round(baseline_value, 3), "ratio": ratio}


def run() -> list[dict]:
    import timeline.extract as X

    sets = articles()
    every = [a for items in sets.values() for a, _ in items]
    rows = []

    t = time.process_time()
    ours(every[0])  # the first call loads the gazetteer, the alias table and the rules
    cold = (time.process_time() - t) * 1000
    t = time.process_time()
    naive_extract(every[0])
    naive_cold = (time.process_time() - t) * 1000
    rows.append(_row("first call (loads data)", cold, "ms", naive_cold))

    naive_speed = _cpu_ms_per_600_words(naive_extract, every, rounds=2, repeat=1)
    rows.append(_row("extract, with temporal tagging", _cpu_ms_per_600_words(ours, every, rounds=5, repeat=3),
                     "ms per 600 words", naive_speed))
    # one article of about 600 words, as the issue states the budget (fixed costs per article count)
    long = _six_hundred_words(every)
    naive_long = _cpu_ms_per_600_words(naive_extract, [long], rounds=2, repeat=1)
    rows.append(_row("one ~600-word article, with temporal tagging", _cpu_ms_per_600_words(ours, [long], rounds=15, repeat=5),
                     "ms per 600 words", naive_long))
    # the extractor alone: the tagger's output computed beforehand
    cache = {a.source: X._timexes(a.text.replace("\u00a0", " "), a.published.start if a.published else None) for a in every}
    original = X._timexes
    by_text = {a.text.replace("\u00a0", " "): cache[a.source] for a in every}
    by_text[long.text.replace("\u00a0", " ")] = original(long.text.replace("\u00a0", " "), long.published.start)
    X._timexes = lambda text, dct: by_text[text]
    try:
        rows.append(_row("extract, tagger output given", _cpu_ms_per_600_words(ours, every, rounds=5, repeat=3),
                         "ms per 600 words", naive_speed))
        rows.append(_row("one ~600-word article, tagger output given", _cpu_ms_per_600_words(ours, [long], rounds=15, repeat=5),
                         "ms per 600 words", naive_long))
    finally:
        X._timexes = original

    for name, items in sets.items():
        if items[0][1] is None:
            continue
        mine, base = _score(ours, items), _score(naive_extract, items)
        for figure in ("date_recall", "precision", "f1"):
            rows.append(_row(f"{name} {figure}", mine[figure], "score", base[figure]))
        rows.append(_row(f"{name} duplicates", mine["duplicates"], "events", base["duplicates"]))
    return rows


def main() -> None:
    rows = run()
    width = max(len(r["name"]) for r in rows)
    print(f"{'name':<{width}}  {'value':>9}  {'baseline':>9}  {'ratio':>7}  unit")
    for r in rows:
        print(f"{r['name']:<{width}}  {r['value']:>9}  {r['baseline_value']:>9}  {str(r['ratio']):>7}  {r['unit']}")
    print(f"baseline: {BASELINE}")


if __name__ == "__main__":
    main()
