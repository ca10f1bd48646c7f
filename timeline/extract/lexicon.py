"""Event triggers and modality cues, compiled once from data/triggers.json and data/modality.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..fold import CaseBlind, Leading
from .trie import trie_pattern


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: rules are made once
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
    unless: re.Pattern | None = None  # the sentence must not say this (a cause that is no event)
    keys: tuple[str, ...] = ()  # lower-case substrings one of which every match contains
    reporting: bool = False  # a reporting verb ("said"): undated, it is news of the publication day
    rx_lower: Leading | None = None  # the same pattern, case-sensitive, for lower-cased text (faster)


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


@lru_cache(maxsize=None)
def dating_cue(name: str) -> re.Pattern:
    """A cue of data/dating.json: when a nearby date is not an event's, or none may be borrowed."""
    return re.compile(_json("dating.json")[name]["pattern"], re.I)


@lru_cache(maxsize=1)
def counted_offset() -> tuple[re.Pattern, dict[str, int], frozenset[str], int]:
    """dating.json's counted_offset: (the pattern, number words, the words that count back,
    the slack in days either side of a count in weeks)."""
    d = _json("dating.json")["counted_offset"]
    return re.compile(d["pattern"], re.I), d["numbers"], frozenset(d["backward"]), d["week_slack_days"]


@lru_cache(maxsize=1)
def within_offset() -> tuple[re.Pattern, dict[str, int]]:
    """dating.json's within_offset: (the pattern, the reach in days of each unit)."""
    d = _json("dating.json")["within_offset"]
    return re.compile(d["pattern"], re.I), d["reach_days"]


@lru_cache(maxsize=1)
def speech_acts() -> re.Pattern:
    """Verbs whose statement stands beside the event it names ("condemned an attack")."""
    return re.compile(r"^(?:" + "|".join(_json("triggers.json")["words"]["SPEECH_ACT"]) + r")$", re.I)


@lru_cache(maxsize=1)
def referring_acts() -> re.Pattern:
    """Verbs whose definite event object is an event already known ("condemned the attack",
    "claimed the bombing", "blamed both attacks on"): the speech acts and the claims."""
    words = _json("triggers.json")["words"]
    return re.compile(r"^(?:" + "|".join(words["SPEECH_ACT"] + words["REFERRING_ACT"]) + r")$", re.I)


@lru_cache(maxsize=1)
def absorbs() -> list[tuple[str, str, bool]]:
    """(winner, absorbed, even_with_toll) type pairs for one sentence: the absorbed is the
    winner's means; an absorbed attack stays when the sentence states a toll, unless marked."""
    return [(p[0], p[1], "even_with_toll" in p[2:]) for p in _json("triggers.json")["absorbs"]["pairs"]]


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
            require=re.compile(r["require"], re.I) if r.get("require") else None,
            unless=re.compile(r["unless"], re.I) if r.get("unless") else None,
            keys=tuple(r.get("keys", ())), reporting=r.get("reporting", False),
            rx_lower=None if re.search(r"[A-Z]", re.sub(r"\\[A-Za-z]|\(\?P<\w+>|\{[A-Z_]+\}", "", r["pattern"])) else Leading(re.compile(src))))
    return out


@dataclass(frozen=True)
class Modality:
    window: int
    before: list[tuple[str, str, CaseBlind]]
    after: list[tuple[str, str, CaseBlind]]
    statement_before: list[tuple[str, str, CaseBlind]]
    # the patterns asked only whether they occur in a sentence are CaseBlind: search(text, low)
    foil_context: CaseBlind
    determiner: re.Pattern
    military_agents: re.Pattern
    claim: CaseBlind
    background_relative: CaseBlind
    aggregate: CaseBlind
    aggregate_subjects: re.Pattern
    frequency: CaseBlind
    definition: CaseBlind
    vague_quantity: re.Pattern
    # each cue list as one regex, which finds something exactly when one of its cues does: most
    # triggers have no cue near them, and one search then replaces one a cue
    any_before: CaseBlind | None = None
    any_after: CaseBlind | None = None
    any_statement_before: CaseBlind | None = None
    militant_agents: re.Pattern | None = None
    superlative_before: re.Pattern | None = None
    aggregate_toll: re.Pattern | None = None  # a span that makes a toll a tally ("killed since then")
    # the same after the toll only ("killed in political violence across the three countries in 2024")
    aggregate_toll_after: re.Pattern | None = None
    comparison: CaseBlind | None = None  # a figure compared with another period: a statistic
    allegation: re.Pattern | None = None  # "accused X of", "responsible for": ends before the trigger
    claim_relative: re.Pattern | None = None  # "the attack, for which X claimed responsibility"
    retracted: re.Pattern | None = None  # "An earlier version of this article said ...": a correction's
    caption: re.Pattern | None = None  # "Caption: Soldiers inspect the site of ...": a picture's
    teaser: re.Pattern | None = None  # "In this issue: a rocket attack in Iraq, ...": a digest's contents
    link: re.Pattern | None = None  # "Also read: Pahalgam attack: NIA files chargesheet": another story's title
    stamp: re.Pattern | None = None  # "Posted at Dec 05 2023 06:30 PM": the page's time stamp
    trend_after: re.Pattern | None = None  # "Kidnappings ... have risen": a trend of many events
    # a span of days or weeks: a count over it in reported speech ("said they had arrested six
    # over the past week") is the week's arrests, news of its own, not a tally
    short_span: re.Pattern | None = None
    # "An attack on the port would ...": an imagined event, told as the subject of a modal
    hypothetical_head: re.Pattern | None = None
    hypothetical_tail: re.Pattern | None = None


@lru_cache(maxsize=1)
def modality() -> Modality:
    d = _json("modality.json")

    def cues(key: str):
        return [(c["name"], c["effect"], CaseBlind(c["pattern"])) for c in d[key]]

    def either(key: str) -> CaseBlind:
        return CaseBlind("|".join(f"(?:{c['pattern']})" for c in d[key]))

    return Modality(d["window"], cues("before"), cues("after"), cues("statement_before"),
                    CaseBlind(d["foil_context"]), re.compile(d["generic_determiners"], re.I),
                    re.compile(d["military_agents"], re.I), CaseBlind(d["claim"]),
                    CaseBlind(d["background_relative"]), CaseBlind(d["aggregate"]),
                    re.compile(d["aggregate_subjects"], re.I), CaseBlind(d["frequency"]),
                    CaseBlind(d["definition"]), re.compile(d["vague_quantity"], re.I),
                    either("before"), either("after"), either("statement_before"),
                    militant_agents=re.compile(d["militant_agents"], re.I),
                    superlative_before=re.compile(d["superlative_before"], re.I),
                    aggregate_toll=re.compile(d["aggregate_toll"], re.I),
                    aggregate_toll_after=re.compile(d["aggregate_toll_after"], re.I),
                    comparison=CaseBlind(d["comparison"]),
                    allegation=re.compile(d["allegation"], re.I),
                    claim_relative=re.compile(d["claim_relative"], re.I),
                    caption=re.compile(d["caption"], re.I),
                    teaser=re.compile(d["teaser"], re.I),
                    link=re.compile(d["link"], re.I),
                    stamp=re.compile(d["stamp"], re.I),
                    retracted=re.compile(d["retracted"], re.I),
                    trend_after=re.compile(d["trend_after"], re.I),
                    short_span=re.compile(d["short_span"], re.I),
                    hypothetical_head=re.compile(d["hypothetical_subject"]["head"]),
                    hypothetical_tail=re.compile(d["hypothetical_subject"]["tail"], re.I))


# Words that, just before a verb trigger, show it is a noun ("amid reports of", "the attack").
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_NOUN_BEFORE = frozenset("the a an amid new media press news these those such of recent local unconfirmed some its their his her".split())


def find(sentence: str) -> list[Trigger]:
    """Every trigger in one sentence, overlapping ones resolved in favour of the longer span."""
    return find_in(sentence, [(0, len(sentence))])[0]


@lru_cache(maxsize=1)
def _key_index() -> tuple[re.Pattern, dict[str, list[TriggerRule]], list[TriggerRule]]:
    """One regex of every rule's keys, which rules each key opens, and the rules with no keys."""
    by_key: dict[str, list[TriggerRule]] = {}
    for rule in rules():
        for k in rule.keys:
            by_key.setdefault(k, []).append(rule)
    # the regex reports one key per place (the longest), so a key opens the rules of every key
    # inside it too: "thwarted" opens the rules keyed "thwart"
    opens = {k: sorted({r for k2, rs in by_key.items() if k2 in k for r in rs}, key=lambda r: r.name) for k in by_key}
    rx = re.compile(trie_pattern(by_key))
    return rx, opens, [r for r in rules() if not r.keys]


@lru_cache(maxsize=1)
def _name_head() -> re.Pattern:
    """What follows an event noun that is part of a name: "Operations Command", "Operations Centre"."""
    return re.compile(r"\s+(?:" + "|".join(_json("triggers.json")["words"]["NAME_HEADS"]) + r")\b")


def find_in(text: str, bounds: list[tuple[int, int]]) -> list[list[Trigger]]:
    """The triggers of each sentence [start, end) of `text`, offsets relative to the sentence.
    One pass over the text finds the rules' keys; a rule is then run only on the sentences that
    hold one of its keys (what makes extraction fast: most rules have nothing to do)."""
    import bisect

    starts = [b[0] for b in bounds]
    low = text.lower()
    same = len(low) == len(text)  # lower() keeps offsets for all but a few exotic letters
    key_rx, by_key, keyless = _key_index()
    name_head = _name_head()
    todo: list[dict] = [dict.fromkeys(keyless) for _ in bounds]  # ordered, for stable output
    for m in key_rx.finditer(low):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0:
            todo[i].update(dict.fromkeys(by_key[m.group(0)]))
    per: list[list[Trigger]] = []
    for (a, b), rules_here in zip(bounds, todo):
        hits: list[Trigger] = []
        for rule in rules_here:
            if same and rule.rx_lower is not None:
                matches = rule.rx_lower.spans(low, a, b)
            else:
                matches = ((m, m.start(), m.end()) for m in rule.rx.finditer(text, a, b))
            for m, s, e in matches:
                s, e = _span(m, s, e)
                if rule.require is not None and not rule.require.search(text, a, b):
                    break
                if rule.unless is not None and rule.unless.search(text, a, b):
                    break
                if rule.exclude_before is not None and rule.exclude_before.search(text, max(a, s - 80), s):
                    continue
                if rule.pos == "noun" and text[s].isupper() and name_head.match(text, e):
                    continue  # "the Internal Security Operations Command": a body's name
                if rule.pos == "verb" and rule.type == "statement":
                    prev = _WORD_BEFORE.search(text[max(a, s - 30):s])
                    if prev and prev.group(1).lower() in _NOUN_BEFORE:
                        continue
                hits.append(_trigger(rule, s - a, e - a, text[s:e]))
        per.append(_resolve_overlaps(hits))
    return per


def _trigger(rule: TriggerRule, start: int, end: int, text: str) -> Trigger:
    """Trigger(rule, start, end, text) without the frozen dataclass's __init__, which sets each
    field through object.__setattr__ and costs several times as much."""
    t = object.__new__(Trigger)
    t.__dict__.update(rule=rule, start=start, end=end, text=text)
    return t


def _span(m: re.Match, start: int, end: int) -> tuple[int, int]:
    """The trigger's span: group t (or t2, t3 for a rule with alternatives), else the match's
    (start, end)."""
    for g in ("t", "t2", "t3"):
        if g in m.re.groupindex and m.start(g) >= 0:
            return m.start(g), m.end(g)
    return start, end


def _resolve_overlaps(hits: list[Trigger]) -> list[Trigger]:
    if len(hits) < 2:
        return hits  # most sentences: nothing to resolve
    hits.sort(key=lambda t: (-(t.end - t.start), -t.rule.strength))
    kept: list[Trigger] = []
    for t in hits:
        if not any(k.start < t.end and t.start < k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)


@lru_cache(maxsize=1)
def _historic() -> tuple[re.Pattern, re.Pattern, re.Pattern, frozenset[str], frozenset[str], dict[str, str]]:
    d = _json("historic_present.json")
    words = re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, d["past"]), key=len, reverse=True)), re.I)
    return (re.compile(d["line"]), words, re.compile(d["object_after"]), frozenset(d["noun_too"]),
            frozenset(d["not_after"]), d["past"])


def chronicle_opening(line: str) -> re.Match | None:
    """The date and dash that open a chronicle line ("Jan 8 – "), else None (data/historic_present.json)."""
    return _historic()[0].match(line)


def find_historic(sentence: str, start: int = 0) -> list[Trigger]:
    """The triggers of a chronicle line told in the historic present ("Jan 8 – Militants ambush
    a police vehicle"): found in a copy whose present verbs after `start` (the dash) take their
    past form, with the offsets and words of the sentence itself."""
    _, words, object_after, noun_too, not_after, past = _historic()
    pieces, spans, pos, shift = [], [], 0, 0  # spans: (new start, new end, old start, old end)
    for m in words.finditer(sentence, start):
        word = m.group(0).lower()
        prev = _WORD_BEFORE.search(sentence, 0, m.start())
        if prev and prev.group(1).lower() in not_after:
            continue
        if word in noun_too and not object_after.match(sentence, m.end()):
            continue
        new = past[word]
        pieces += [sentence[pos:m.start()], new]
        spans.append((m.start() + shift, m.start() + shift + len(new), m.start(), m.end()))
        shift += len(new) - len(m.group(0))
        pos = m.end()
    if not spans:
        return find(sentence)
    told = "".join(pieces) + sentence[pos:]

    def back(p: int, end: bool) -> int:
        moved = 0
        for ns, ne, os_, oe in spans:
            if p < ns or (end and p == ns):
                break
            if p < ne or (end and p == ne):
                return oe if end else os_
            moved = oe - ne
        return p + moved

    out = []
    for t in find(told):
        a, b = back(t.start, False), back(t.end, True)
        out.append(_trigger(t.rule, a, b, sentence[a:b]))
    return out
