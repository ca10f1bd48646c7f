"""The package's scorer gives exactly the shared TempEval-3 script's figures."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.temporal.evaluate import read_gold, run, score, split, value_accuracy_by_type

SHARED = Path("/work/shared")
SCRIPT = SHARED / "tools" / "score_timex.py"
GOLD = SHARED / "eval" / "timebank.jsonl"


@pytest.fixture
def small_gold(tmp_path):
    if not GOLD.exists():
        pytest.skip("TimeBank file not available")
    docs = [json.loads(line) for line in GOLD.open(encoding="utf-8")][:6]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.mark.skipif(not SCRIPT.exists(), reason="shared scorer not available")
def test_same_figures_as_the_shared_script(small_gold, tmp_path):
    docs = list(read_gold(small_gold))
    system = run(docs)
    sys_path = tmp_path / "system.jsonl"
    sys_path.write_text(
        "".join(json.dumps({"doc_id": k, "timexes": v}) + "\n" for k, v in system.items()),
        encoding="utf-8",
    )
    out = subprocess.run([sys.executable, str(SCRIPT), str(small_gold), str(sys_path), "--json"],
                         capture_output=True, text=True, check=True)
    assert score(docs, system) == json.loads(out.stdout)


def test_scores_a_hand_made_case():
    gold = [{"doc_id": "d", "text": "", "timexes": [
        {"start": 0, "end": 5, "type": "DATE", "value": "2020"},
        {"start": 10, "end": 15, "type": "DURATION", "value": "P1Y"}]}]
    system = {"d": [{"start": 0, "end": 5, "type": "DATE", "value": "2020"},
                    {"start": 11, "end": 15, "type": "DATE", "value": "P1Y"},
                    {"start": 20, "end": 25, "type": "DATE", "value": "2021"}]}
    out = score(gold, system)
    assert (out["strict_f1"], out["relaxed_f1"], out["type_acc"], out["value_acc"]) == (0.4, 0.8, 0.5, 1.0)
    assert out["value_f1"] == 0.8
    assert out["per_type"]["DURATION"] == {"gold": 1, "recall_relaxed": 1.0, "value_recall": 1.0}
    assert value_accuracy_by_type(gold, system) == {"DATE": 1.0, "DURATION": 1.0}


def test_split_is_fixed_and_about_a_third():
    ids = [f"doc{i}" for i in range(300)]
    held = [i for i in ids if split(i) == "heldout"]
    assert held == [i for i in ids if split(i) == "heldout"]
    assert 70 < len(held) < 130
