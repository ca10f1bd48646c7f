"""Event triggers and modality cues, compiled once from data/triggers.json and data/modality.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class TriggerRule:
    name: str
    type: str
    pos: str  # verb | noun | casualty
    strength: float
    rx: re.Pattern
    modality: bool = True  # False: the pattern itself settles modality ("would serve 30 years")
    exclude_before: re.Pattern | None = None  # words before the trigger that make it no event
    subkinds: tuple[tuple[re.Pattern, str], ...] = ()  # trigger words -> sub-kind ("convicted" -> conviction)
    subkind: str | None = None
    require: re.Pattern | None = None  # the sentence must also say this (context of the rule)


@dataclass(frozen=True)
class Trigger:
    rule: TriggerRule
    start: int  # offsets in the sentence
    end: int
    text: str

    @property
    def type(self) -> str:
        return self.rule.type

    @property
    def subkind(self) -> str | None:
        """A finer step inside a type (a charge, a conviction and a sentence are three events)."""
        for rx, sub in self.rule.subkinds:
            if rx.search(self.text):
                return sub
        return self.rule.subkind


def _json(name: str) -> dict:
    return json.loads(resources.files("timeline.extract").joinpath(f"data/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def rules() -> list[TriggerRule]:
    data = _json("triggers.json")
    words = {k: "|".join(v) for k, v in data["words"].items()}
    out = []
    for r in data["rules"]:
        src = re.sub(r"\{([A-Z_]+)\}", lambda m: words[m.group(1)], r["pattern"])
        out.append(TriggerRule(
            r["name"], r["type"], r["pos"], r["strength"], re.compile(src, re.I),
            modality=r.get("modality", True),
            exclude_before=re.compile(r["exclude_before"], re.I) if r.get("exclude_before") else None,
            subkinds=tuple((re.compile(k, re.I), v) for k, v in r.get("subkinds", {}).items()),
            subkind=r.get("subkind"),
            require=re.compile(r["require"], re.I) if r.get("require") else None))
    return out


@dataclass(frozen=True)
class Modality:
    window: int
    before: list[tuple[str, str, re.Pattern]]
    after: list[tuple[str, str, re.Pattern]]
    statement_before: list[tuple[str, str, re.Pattern]]
    foil_context: re.Pattern
    determiner: re.Pattern
    military_agents: re.Pattern
    claim: re.Pattern
    background_relative: re.Pattern


@lru_cache(maxsize=1)
def modality() -> Modality:
    d = _json("modality.json")

    def cues(key: str):
        return [(c["name"], c["effect"], re.compile(c["pattern"], re.I)) for c in d[key]]

    return Modality(d["window"], cues("before"), cues("after"), cues("statement_before"),
                    re.compile(d["foil_context"], re.I), re.compile(d["generic_determiners"], re.I),
                    re.compile(d["military_agents"], re.I), re.compile(d["claim"], re.I),
                    re.compile(d["background_relative"], re.I))


# Words that, just before a verb trigger, show it is a noun ("amid reports of", "the attack").
_NOUN_BEFORE = frozenset("the a an amid new media press news these those such of recent local unconfirmed some its their his her".split())


def find(sentence: str) -> list[Trigger]:
    """Every trigger in a sentence, overlapping ones resolved in favour of the longer span."""
    hits: list[Trigger] = []
    for rule in rules():
        if rule.require is not None and not rule.require.search(sentence):
            continue
        for m in rule.rx.finditer(sentence):
            s, e = (m.start("t"), m.end("t")) if "t" in rule.rx.groupindex else (m.start(), m.end())
            if rule.exclude_before is not None and rule.exclude_before.search(sentence, 0, s):
                continue
            if rule.pos == "verb" and rule.type == "statement":
                prev = re.search(r"(\w+)\W*$", sentence[:s])
                if prev and prev.group(1).lower() in _NOUN_BEFORE:
                    continue
            hits.append(Trigger(rule, s, e, sentence[s:e]))
    hits.sort(key=lambda t: (-(t.end - t.start), -t.rule.strength))
    kept: list[Trigger] = []
    for t in hits:
        if not any(k.start < t.end and t.start < k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)
