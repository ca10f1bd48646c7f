"""TimeBank figures of the temporal tagger on the fixed tuning / held-out split.

    python benchmarks/eval_temporal_split.py [GOLD.jsonl]

The split is `timeline.temporal.evaluate.split` (a hash of doc_id, about a third held out);
rules are tuned by looking at errors of the tuning part only
(benchmarks/temporal_errors.py prints them, and nothing of the held-out part).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal.evaluate import read_gold, run as tag_all, score, split  # noqa: E402
from timeline.temporal.evaluate import value_accuracy_by_type  # noqa: E402

GOLD = Path("/work/shared/eval/timebank.jsonl")


def run(gold: Path = GOLD) -> dict[str, dict]:
    docs = list(read_gold(gold))
    parts = {"tuning": [d for d in docs if split(d["doc_id"]) == "tuning"],
             "heldout": [d for d in docs if split(d["doc_id"]) == "heldout"],
             "all": docs}
    out = {}
    for name, part in parts.items():
        system = tag_all(part)
        out[name] = {"docs": len(part), **score(part, system),
                     "value_acc_by_type": value_accuracy_by_type(part, system)}
    return out


if __name__ == "__main__":
    for name, figures in run(Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD).items():
        print(json.dumps({"part": name, **figures}))
