"""Speed of the temporal tagger against dateparser's search_dates on the same articles.

    python benchmarks/bench_temporal.py

Articles: the four seeds (with the DCT their gold gives) and a fixed sample of TimeBank
documents (with their DCT). Each article is timed on its own, best of a few rounds, in CPU
time of this process (the machine is shared: wall time would count other people's work);
the figure is the median over articles, measured in the same run for both.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal import forget_recent, tag  # noqa: E402

SEEDS = ROOT / "seeds"
SEED_DCT = {"000": "2020-04-02", "001": "2017-10-16", "002": "2021-06-28", "003": "2024-06-10"}
TIMEBANK = Path("/work/shared/eval/timebank.jsonl")
SAMPLE = 20  # TimeBank documents: every ninth, for a fixed spread over the corpus
ROUNDS = 5


def articles() -> list[tuple[str, str, date]]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        out.append((path.name, path.read_text(encoding="utf-8"), date.fromisoformat(SEED_DCT[path.name[:3]])))
    if TIMEBANK.exists():
        docs = [json.loads(line) for line in TIMEBANK.open(encoding="utf-8")]
        for doc in docs[::9][:SAMPLE]:
            out.append((doc["doc_id"], doc["text"], date.fromisoformat(doc["dct"])))
    return out


def _per_article(fn, arts) -> float:
    """Median over articles of the best of ROUNDS timings, in milliseconds."""
    times = []
    for _, text, dct in arts:
        best = min(_time(fn, text, dct) for _ in range(ROUNDS))
        times.append(best * 1000)
    return statistics.median(times)


def _time(fn, text, dct) -> float:
    forget_recent()  # tag() keeps its last results: each timing must tag the text afresh
    t = time.process_time()
    fn(text, dct)
    return time.process_time() - t


def _dateparser(text: str, dct: date):
    from dateparser.search import search_dates

    return search_dates(text, languages=["en"],
                        settings={"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)})


def run() -> list[dict]:
    arts = articles()
    tag("warm up on 4 May 2020", date(2020, 5, 5))
    _dateparser("warm up on 4 May 2020", date(2020, 5, 5))
    groups = {"seeds": arts[:4], "timebank_sample": arts[4:], "all": arts}
    rows = []
    for name, group in groups.items():
        if not group:
            continue
        ours = _per_article(tag, group)
        base = _per_article(_dateparser, group)
        rows.append({"name": f"tag_per_article_{name}", "value": round(ours, 3), "unit": "ms",
                     "baseline": "dateparser.search.search_dates", "baseline_value": round(base, 3),
                     "ratio": round(base / ours, 1) if ours else None})
    return rows


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row))
