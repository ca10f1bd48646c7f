"""Whether a found event names the gold's place and actors: the part of an event the shared
scorer does not read, but an analyst does ("what happened, where, by whom").

For each required gold event that some prediction matches, the first matching prediction (the
one the timeline shows first) is judged:
- place: `right` when its place name and the gold location share a name (either holds the
  other, letters folded) and its country does not contradict the gold's; `country` when only
  the country agrees (a coarser place, not a wrong one); `wrong` when the country or the name
  disagrees; `missing` when it names no place or country. Gold events without a location are
  not judged.
- actors: `right` when one predicted actor is one of the gold's (the same canonical name in
  the alias table, or one name holding the other); `wrong` when it names actors and none is;
  `missing` when it names none. Gold events without actors are not judged.
"""

from __future__ import annotations

import re
import unicodedata

_PARTS = re.compile(r"\s*(?:[;,/]|\band\b|\bnear\b|\boutside\b)\s*")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes off, white space single."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[’'`‘\-]", " ", text).split())


def _shares_name(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return bool(a and b) and (a in b or b in a)


def _gold_countries(location: str) -> set[str]:
    """The countries the gold location's parts name, by the extractor's gazetteer (a place the
    gazetteer does not know tells nothing)."""
    from timeline.extract.places import gazetteer

    names = gazetteer()[0]
    countries = set()
    for part in _PARTS.split(location):
        words = part.split()
        for n in range(len(words), 0, -1):  # the longest known name at each part's end
            hit = names.get(" ".join(words[-n:]))
            if hit:
                countries.add(hit[0])
                break
    return countries


def place_verdict(gold: dict, pred: dict) -> str | None:
    location = gold.get("location")
    if not location:
        return None
    name, country = pred.get("location"), pred.get("country")
    if not name and not country:
        return "missing"
    countries = _gold_countries(location)
    if country and countries and country not in countries:
        return "wrong"
    if name and any(_shares_name(name, part) for part in [location, *_PARTS.split(location)] if part):
        return "right"
    return "country" if country and country in countries else "wrong"


def _canonical(name: str) -> str:
    from timeline.extract.actors import default_table

    found = default_table().find(name)
    return found[0].name if len(found) == 1 else fold(name)


def actor_verdict(gold: dict, pred: dict) -> str | None:
    wanted = [a for a in gold.get("actors") or [] if a]
    if not wanted:
        return None
    named = [a for a in pred.get("actors") or [] if a]
    if not named:
        return "missing"
    canon = {_canonical(a) for a in wanted}
    for a in named:
        if _canonical(a) in canon or any(_shares_name(a, w) for w in wanted):
            return "right"
    return "wrong"


VERDICTS = {"place": ("right", "country", "wrong", "missing"), "actors": ("right", "wrong", "missing")}


def agreement(judged: list[tuple[dict, dict]]) -> dict:
    """Counts of each verdict over (gold, first matching prediction) pairs, and the pairs that
    were not right, with what each side said."""
    out: dict = {}
    for part, judge, said in (("place", place_verdict, _place_said), ("actors", actor_verdict, _actors_said)):
        counts = dict.fromkeys(VERDICTS[part], 0)
        errors = []
        for g, p in judged:
            verdict = judge(g, p)
            if verdict is None:
                continue
            counts[verdict] += 1
            if verdict != "right":
                errors.append({"id": g["id"], "article": g["article"], "verdict": verdict, **said(g, p)})
        out[part] = counts
        out[f"{part}_errors"] = errors
    return out


def _place_said(g: dict, p: dict) -> dict:
    got = ", ".join(x for x in (p.get("location"), p.get("country")) if x) or None
    return {"gold": g.get("location"), "predicted": got}


def _actors_said(g: dict, p: dict) -> dict:
    return {"gold": "; ".join(g.get("actors") or []), "predicted": "; ".join(p.get("actors") or []) or None}
