"""Errors of the temporal tagger on the TUNING part of TimeBank, grouped by kind.

    python benchmarks/temporal_errors.py [GOLD.jsonl]

Only the tuning part is printed, on purpose: rules are chosen from these errors, and the
held-out part is measured (benchmarks/eval_temporal_split.py) only to report.
Kinds: missed (gold not found), spurious (found, not in gold), value, type, span (relaxed
match with other offsets). Each line: doc, DCT, gold text/type/value | system text/type/value,
and the sentence around it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal.evaluate import _best_match, norm_value, read_gold, run, split  # noqa: E402

GOLD = Path("/work/shared/eval/timebank.jsonl")


def _ctx(text: str, a: int, b: int, w: int = 60) -> str:
    return (text[max(0, a - w):a] + "[" + text[a:b] + "]" + text[b:b + w]).replace("\n", " ")


def errors(gold_path: Path = GOLD) -> dict[str, list[str]]:
    docs = [d for d in read_gold(gold_path) if split(d["doc_id"]) == "tuning"]
    system = run(docs)
    out: dict[str, list[str]] = {k: [] for k in ("missed", "spurious", "value", "type", "span")}
    for doc in docs:
        text, sys_t, used = doc["text"], system[doc["doc_id"]], set()
        head = f'{doc["doc_id"][:24]:24} {doc.get("dct", "")[:10]}'
        for g in doc["timexes"]:
            best = _best_match(g, sys_t, used)
            gdesc = f'{g["text"]!r} {g["type"]} {g["value"]}'
            if best is None:
                out["missed"].append(f'{head} {gdesc} | {_ctx(text, g["start"], g["end"])}')
                continue
            used.add(best)
            s = sys_t[best]
            sdesc = f'{s["text"]!r} {s["type"]} {s["value"]}'
            line = f'{head} {gdesc} || {sdesc} | {_ctx(text, g["start"], g["end"])}'
            if norm_value(s["value"]) != norm_value(g["value"]):
                out["value"].append(line)
            elif s["type"] != g["type"]:
                out["type"].append(line)
            elif (s["start"], s["end"]) != (g["start"], g["end"]):
                out["span"].append(line)
        for i, s in enumerate(sys_t):
            if i not in used:
                out["spurious"].append(f'{head} {s["text"]!r} {s["type"]} {s["value"]} | '
                                       f'{_ctx(text, s["start"], s["end"])}')
    return out


if __name__ == "__main__":
    for kind, lines in errors(Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD).items():
        print(f"== {kind} ({len(lines)})")
        print("\n".join(lines))
