"""Actors named in a sentence: groups, agencies and states from the alias table, people by name.

The alias table is data (data/actors.json), extended by a user file of the same shape. People
are found by title ("FSB Director Alexander Bortnikov", "Mr. Andrei Kovalenko") or by a run of
capitalised words next to a reporting verb; an `ActorIndex` per article remembers each person so
that a later bare surname ("Bortnikov") resolves to the full name.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..fold import Leading
from .trie import trie_pattern


@dataclass(frozen=True)
class ActorMention:
    name: str  # canonical
    kind: str  # group | agency | state | person
    start: int
    end: int
    alias: str  # the words in the text


def _package_json(name: str) -> dict:
    return json.loads(resources.files("timeline.extract").joinpath(f"data/{name}").read_text("utf-8"))


class AliasTable:
    """Canonical actors and their aliases, compiled into two regexes (case-exact and any-case)."""

    def __init__(self, actors: dict[str, dict], not_actors: list[str] = ()):
        self.actors = actors
        self.not_actors = list(not_actors)
        # a longer name that holds an alias but names something else ("National Security
        # Council"): matched like an alias, so that no alias inside it is, and then dropped
        self.by_alias: dict[str, str | None] = {n.lower(): None for n in not_actors}
        self.by_exact: dict[str, str] = {}
        for canonical, entry in actors.items():
            for a in [canonical, *entry.get("aliases", [])]:
                if a.isupper() and len(a) <= 5:
                    self.by_exact[a] = canonical
                else:
                    self.by_alias[a.lower()] = canonical
            for a in entry.get("exact", []):
                self.by_exact[a] = canonical
        # any-case aliases are matched in lower-cased text, which is faster than re.I
        self._any = self._compile(self.by_alias)
        # the exact aliases start with a capital, which a search skips to (a look back
        # first would be tried at every place); the any-case ones start with nearly any
        # letter, and there the look back first is quicker
        self._exact = self._compile(self.by_exact, after_first=True)

    @staticmethod
    def _compile(aliases: dict[str, str], after_first: bool = False) -> re.Pattern | None:
        if not aliases:
            return None
        if after_first:  # the look back reads the character before the first one
            return re.compile(trie_pattern(aliases, r"(?<![\w-].)") + r"(?![\w]|-[A-Za-z])")
        return re.compile(r"(?<![\w-])(?:" + trie_pattern(aliases) + r")(?![\w]|-[A-Za-z])")

    def extended(self, extra: dict[str, dict]) -> AliasTable:
        merged = {k: dict(v) for k, v in self.actors.items()}
        for k, v in extra.items():
            merged[k] = v
        return AliasTable(merged, self.not_actors)

    def find(self, text: str) -> list[ActorMention]:
        out: list[ActorMention] = []
        # the any-case pass's spans, in order and apart (one finditer's): what the exact pass
        # may not overlap, found by bisection
        starts: list[int] = []
        ends: list[int] = []
        low = text.lower()
        folded = low if len(low) == len(text) else None
        for rx, table, exact in ((self._any, self.by_alias, False), (self._exact, self.by_exact, True)):
            if rx is None:
                continue
            if not exact and folded is None:
                rx = re.compile(rx.pattern, re.I)  # exotic letters change length when lowered
            for m in rx.finditer(text if exact or folded is None else folded):
                if exact:
                    i = bisect_left(starts, m.end()) - 1
                    if i >= 0 and ends[i] > m.start():
                        continue
                alias = text[m.start():m.end()]
                if exact and _in_capitals_run(text, m.start(), m.end()):
                    continue  # "WHAT IS NEXT": a shouted headline, not the group
                canonical = table[alias if exact else alias.lower()]
                if canonical is not None:
                    out.append(ActorMention(canonical, self.actors[canonical]["kind"], m.start(), m.end(), alias))
                if not exact:
                    starts.append(m.start())
                    ends.append(m.end())
        return sorted(out, key=lambda a: a.start)


_LETTERS_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_LETTERS_AFTER = re.compile(r"\W*([A-Za-z]+)")


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    before = _LETTERS_BEFORE.search(text[max(0, start - 20):start])
    after = _LETTERS_AFTER.match(text[end:end + 20])
    words = [w.group(1) for w in (before, after) if w]
    return any(w.isupper() and len(w) > 2 for w in words)


@lru_cache(maxsize=1)
def default_table() -> AliasTable:
    data = _package_json("actors.json")
    return AliasTable(data["actors"], data.get("not_actors", ()))


def load_aliases(path: str | Path) -> AliasTable:
    """The shipped table extended by a user file of the same shape ({"actors": {...}})."""
    extra = json.loads(Path(path).read_text("utf-8"))
    return default_table().extended(extra.get("actors", extra))


@lru_cache(maxsize=1)
def _people_rules():
    data = _package_json("people.json")
    # tries (one character tried a place, not every entry): they try the entries that fit a
    # place longest first, as a length-sorted alternation does
    honor = trie_pattern(data["honorifics"])
    titles = trie_pattern(data["titles"])
    up, low = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ'’"
    # "Jean-Pierre", "Dema-ala"; a short head before a second capital: "LaToya", "McKenzie",
    # "DeShawn", "O'Brien" (a name, not two: cut at the capital, "Mayor LaToya Cantrell" was "La")
    inner = rf"(?:(?<=[{up}]['’])|(?<=[{up}][a-z])|(?<=[{up}][a-z]{{2}}))[{up}][{low}]+"
    word = rf"[{up}][{low}]+(?:{inner})?(?:-[{up}a-zß-öø-ÿ][{low}]+)*"
    name = rf"(?P<name>{word}(?:\s+(?:al-|bin |ibn |van |von |de |el-)?{word}){{0,3}})"
    by_title = Leading(re.compile(rf"(?:\b(?:(?:{honor})\.?\s+)+|\b(?:{titles})\s+){name}"))
    # \b after the first capital, not before it: a search then skips in one quick loop the
    # characters no name starts with (one opening with \b is tried at every place)
    first_word = rf"[{up}](?<!\w.)[{low}]+(?:{inner})?(?:-[{up}a-zß-öø-ÿ][{low}]+)*"
    run = re.compile(rf"(?P<name>{first_word}(?:\s+(?:al-|bin |ibn |van |von |de |el-)?{word}){{1,2}})\b")
    return by_title, run, frozenset(data["org_words"]), frozenset(data["pronouns"])


@lru_cache(maxsize=1)
def _named_place_after() -> re.Pattern:
    """" mosque" after "the Imam Ali": a place called after a person."""
    nouns = "|".join(sorted(_package_json("people.json")["named_place_nouns"], key=len, reverse=True))
    return re.compile(rf"\s+(?i:{nouns})\b")


@lru_cache(maxsize=1)
def _given_name_spellings() -> dict[str, str]:
    """Each romanisation of a given name -> the one spelling people's names take."""
    spellings = _package_json("people.json")["given_name_spellings"]
    return {variant: name for name, variants in spellings.items() for variant in variants}


def one_spelling(words: list[str]) -> str:
    """A person's full name with its given name in the one spelling the data file chooses:
    "Aleksandr Bortnikov" -> "Alexander Bortnikov"; other names as written."""
    given = _given_name_spellings().get(words[0])
    return " ".join([given, *words[1:]]) if given else " ".join(words)


_NOT_NAMES = frozenset("The A An In On At By For From Of To With After Before During Since Until This That These Those It He She They We Yesterday Today".split())
_DATE_WORD = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b")
# '"...," Flemming Drejer, operations chief at PET, told ...': a name right after a quote, or
# one followed by a job title in apposition, is a person.
_SPEAKER_BEFORE = re.compile(r"(?:according to|said|quoted|[,.!?][\"”’]|[\"”’],)\s+$")
_JOB = (r"(?:chief|head|director|spokesman|spokeswoman|spokesperson|minister|official|commander|leader|analyst|"
        r"researcher|expert|professor|lawyer|prosecutor|judge|envoy|ambassador|adviser|advisor|president|secretary|"
        r"editor|founder|officer)")
_TITLE_AFTER = re.compile(r",\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,2}" + _JOB + r"\b")
# ... or the title before it, the name set off by commas: "the group's spokesman, Yahya Saree, warned"
_TITLE_BEFORE = re.compile(r"\b" + _JOB + r",\s+$")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    data = _package_json("people.json")
    return frozenset(w for t in data["titles"] + data["honorifics"] for w in t.split())


_SPEECH_NEAR = re.compile(r"^\s*(?:,\s*(?:a|an|the|who|whose|his|her|its|one of|said|says|told)\b|(?:said|says|told|wrote|stated|added|noted|warned|explained|stressed|announced|insisted|confirmed|claimed)\b)")


@dataclass
class ActorIndex:
    """People met so far in one article: full names by surname, for later bare mentions."""

    table: AliasTable = field(default_factory=default_table)
    people: dict[str, str] = field(default_factory=dict)  # surname -> full name

    def find(self, text: str, places: list | None = None, known: list[ActorMention] | None = None) -> list[ActorMention]:
        """Actors of one sentence; `known` are its alias-table mentions if already found."""
        found = list(known) if known is not None else self.table.find(text)
        found += forces(text, found, places or [])
        found += self._people(text, found, places or [])
        return sorted(found, key=lambda a: a.start)

    def meet(self, text: str, places: list | None = None, known: list[ActorMention] | None = None) -> None:
        """Learn the full names a sentence introduces, for later bare surnames, without finding
        its actors (a sentence that tells no event needs none)."""
        found = list(known) if known is not None else self.table.find(text)
        self._people(text, found + forces(text, found, places or []), places or [], surnames=False)

    def _people(self, text: str, known: list[ActorMention], places: list, surnames: bool = True) -> list[ActorMention]:
        by_title, run, org_words, _ = _people_rules()
        spans = [(a.start, a.end) for a in known] + [(p.start, p.end) for p in places]
        out: list[ActorMention] = []

        def free(s: int, e: int) -> bool:
            return not any(a < e and s < b for a, b in spans)

        titles = _titles()

        def add(name: str, s: int, e: int, titled: bool = False) -> None:
            words = name.split()
            while len(words) > 1 and words[0] in titles:  # "Chief Superintendent Kath Barnes"
                s += len(words[0]) + 1
                words.pop(0)
                titled = True
            if words[-1] in org_words and not titled:
                return  # "Deep South Watch said": an organisation's name, no person "Deep South"
            while words and words[-1] in org_words:
                words.pop()
            if not words or any(w in org_words for w in words) or not free(s, s + len(" ".join(words))):
                return
            if len(words) == 1 and words[0] in titles:
                return  # "the Federal Prosecutor General at the court": a title's last word, no name
            if all(w in _COMPASS for w in words):
                return  # "Counter Terrorism Policing North East said": a region of a body, no name
            full = " ".join(words)
            e = s + len(full)
            if _named_place_after().match(text, e):
                return  # "the Imam Ali mosque", "Imam Khomeini airport": a place, not the person
            if len(words) == 1:
                full = self.people.get(words[0]) or (words[0] if titled else None)
                if not full:
                    return
            else:
                full = one_spelling(words)
                self.people.setdefault(words[-1], full)
            out.append(ActorMention(full, "person", s, e, text[s:e]))
            spans.append((s, e))

        for m, _, _ in by_title.spans(text):
            add(m.group("name"), m.start("name"), m.end("name"), titled=True)
        for m in run.finditer(text):
            s = m.start("name")
            if not free(s, m.end("name")):
                continue
            # an untitled run is a person only beside a speech verb or an apposition
            if m.group("name").split()[0] in _NOT_NAMES or _DATE_WORD.search(m.group("name")):
                continue  # "On Monday, a suicide bomber ...": a date, not a person
            if _SPEECH_NEAR.match(text[m.end("name"):]) or _SPEAKER_BEFORE.search(text, max(0, s - 20), s) \
                    or _TITLE_AFTER.match(text, m.end("name")) \
                    or _TITLE_BEFORE.search(text, max(0, s - 20), s) and text.startswith(",", m.end("name")):
                add(m.group("name"), s, m.end("name"))
        if surnames and self.people:
            for s, e, name in _surnames(text, self.people):
                if free(s, e):
                    out.append(ActorMention(self.people[name], "person", s, e, name))
                    spans.append((s, e))
        return out


_CAPITAL_WORD_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)[ \t]+$")


@lru_cache(maxsize=1)
def _force_rules() -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    data = _package_json("actors.json")["forces"]
    word = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    return (re.compile(rf"(?P<name>[A-Z](?<![\w-].)[a-z]+(?:-[A-Z][a-z]+)?(?:\s+(?:and\s+)?{word}){{0,2}})"
                       rf"\s+(?:{trie_pattern(data['heads'])})(?![\w-])"),
            frozenset(data["kinds"]), frozenset(h.split()[0] for h in data["heads"]))


def forces(text: str, known: list[ActorMention], places: list) -> list[ActorMention]:
    """Police forces named after their area ("West Yorkshire Police", "Avon and Somerset
    Constabulary"): agencies (data/actors.json "forces"). A country's police is the state's."""
    from .places import is_demonym

    rx, kinds, firsts = _force_rules()
    out = []
    if not any(w in text for w in firsts):
        return out  # most sentences name no police: a look for the word is cheaper than the pattern
    for m in rx.finditer(text):
        words, s = m.group("name").split(), m.start()
        while words and (words[0] in _NOT_NAMES or _DATE_WORD.fullmatch(words[0])):
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else m.end("name")
            words.pop(0)  # "On Tuesday West Yorkshire Police said": the force starts after the date
        named = [w for w in words if w != "and"]
        if not named or all(w in kinds or is_demonym(w) for w in named):
            continue  # "Riot Police", "Iraqi Police": a kind of police, no named force
        before = _CAPITAL_WORD_BEFORE.search(text, 0, m.start())
        if any(w in _NOT_NAMES for w in named) or before and before.group(1) not in _NOT_NAMES \
                and not _DATE_WORD.fullmatch(before.group(1)):
            continue  # a title-case headline: "Two Men Arrested After Police Raid"
        if any(a.start < m.end() and s < a.end for a in known) \
                or any(p.kind == "country" and p.start < m.end("name") and s < p.end for p in places):
            continue  # an alias's ("Metropolitan Police") or a country's ("Kenya Police")
        name = " ".join(text[s:m.end()].split())
        out.append(ActorMention(name, "agency", s, m.end(), text[s:m.end()]))
    return out


_COMPASS = frozenset("North South East West Northern Southern Eastern Western Central North-East North-West South-East South-West".split())


def _surnames(text: str, names) -> list[tuple[int, int, str]]:
    """Where the names stand in `text` as whole words, as `re.finditer` of the alternation
    `\\b(?:longest|...|shortest)\\b` finds them (leftmost, then longest, none overlapping),
    without compiling a regex each time an article meets a new person."""
    order = sorted(names, key=len, reverse=True)
    hits = []
    for rank, name in enumerate(order):
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if _boundary(text, i) and _boundary(text, j):
                hits.append((i, rank, j))
            i = text.find(name, i + 1)
    hits.sort()
    out, pos = [], 0
    for i, rank, j in hits:
        if i >= pos:
            out.append((i, j, order[rank]))
            pos = j
    return out


def _boundary(text: str, i: int) -> bool:
    """Regex `\\b` at i: a word character on one side only."""
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after
