"""Where the sentence reader's CPU goes, by what each sentence gives in the end.

    python -m benchmarks.sentence_work                 # the corpus and tests/data/articles*
    python -m benchmarks.sentence_work FOLDER...       # other articles

Every article is read and extracted as ingest does, its sentences put in four classes: no
trigger (the trigger keys screen them out: only names are learnt and the reference time kept),
triggers but no candidate (modality, generic use or types dropped them all), candidates but no
record (merge or confidence dropped them), and a record (a stored event's sentence or one of
its mentions). It prints each class's share of the sentences and of the reader's CPU time
(`SentenceReader.read`, time.process_time), and how many of the tagger's expressions lie in
sentences that hold a trigger. A screen that skipped sentences giving nothing could save at
most the CPU of the first three classes, and would have to decide that more cheaply than the
checks that decide it now.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
CLASSES = ("no trigger", "triggers, no candidate", "candidates, no record", "a record")


def _articles(paths: list[str], limit: int | None) -> list:
    from timeline.pipeline import prepare
    from timeline.readers import read_all

    return [prepare(a) for a in read_all(paths) if hasattr(a, "text")][:limit]


def measure(articles: list) -> dict:
    """Sentences, reader CPU seconds and timexes by class, over `articles`."""
    from timeline.extract import candidates, extract

    log: list[tuple] = []
    read = candidates.SentenceReader.read

    def timed_read(self, s, triggers=None, places=None, aliases=None):
        start = time.process_time()
        out = read(self, s, triggers, places, aliases)
        log.append((s, bool(triggers), bool(out), time.process_time() - start,
                    sum(1 for tx in self.timexes if s.start <= tx.start < s.end)))
        return out

    count, cpu, timexes = Counter(), Counter(), Counter()
    with mock.patch.object(candidates.SentenceReader, "read", timed_read):
        for a in articles[:10]:
            extract(a)  # warm: data files loaded, patterns compiled
        for a in articles:
            log.clear()
            records = extract(a)
            told = {r.sentence_start for r in records} | {m.start for r in records for m in r.mentions}
            for s, triggered, candidate, seconds, n in log:
                kind = CLASSES[0 if not triggered else 1 if not candidate else 2 if s.start not in told else 3]
                count[kind] += 1
                cpu[kind] += seconds
                timexes["with a trigger" if triggered else "without"] += n
    return {"articles": len(articles), "sentences": count, "cpu": cpu, "timexes": timexes}


def report(label: str, m: dict) -> None:
    sentences, cpu = sum(m["sentences"].values()), sum(m["cpu"].values())
    tx = m["timexes"]
    print(f"{label}: {m['articles']} articles, {sentences} sentences, reader "
          f"{cpu * 1000 / max(1, m['articles']):.2f} ms CPU an article; "
          f"{tx['with a trigger']} of {sum(tx.values())} expressions in sentences with a trigger")
    for kind in CLASSES:
        n, s = m["sentences"][kind], m["cpu"][kind]
        print(f"  {kind:24s} {n:6d} sentences ({n / max(1, sentences):5.1%})  "
              f"{s / max(cpu, 1e-9):5.1%} of the CPU  {s * 1e6 / max(1, n):5.0f} us a sentence")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--limit", type=int, default=200, help="articles of each set at most")
    args = parser.parse_args()
    if args.folders:
        sets = {"articles": args.folders}
    else:
        from benchmarks import corpus

        sets = {"corpus": [str(corpus.build(400))],
                "tests/data/articles*": sorted(str(p) for p in (ROOT / "tests" / "data").glob("articles*") if p.is_dir())}
    for label, paths in sets.items():
        report(label, measure(_articles(paths, args.limit)))


if __name__ == "__main__":
    main()
