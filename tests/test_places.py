"""Places the gazetteer does not know: villages, districts and areas read from how the text
names them (places.find_localities), one row per rule with its reason. The sentences are
written for these tests; each text names its country twice so that a locality has one."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract
from timeline.extract.places import find_all_places
from timeline.intervals import Interval
from timeline.records import Article

PAKISTAN = "Pakistan's army said. Police in Pakistan confirmed it. "

# (text, the localities expected as (name, country), why)
LOCALITIES = [
    (PAKISTAN + "Gunmen stormed a school in the village of Darra Khel.", [("Darra Khel", "PK")],
     "after a head noun: 'the village of X'"),
    (PAKISTAN + "Troops raided a compound in the Spinkai area on Monday.", [("Spinkai", "PK")],
     "before an administrative noun, which is dropped"),
    (PAKISTAN + "A bomb hit a patrol in Bajaur’s Mamund district.", [("Mamund", "PK")],
     "a district after a possessive"),
    (PAKISTAN + "Jets struck hideouts in the Sulaiman mountains.", [("Sulaiman mountains", "PK")],
     "a natural feature keeps its noun"),
    (PAKISTAN + "Jets struck hideouts in the rugged Kurram hills.", [("Kurram hills", "PK")],
     "an adjective between 'the' and the name"),
    (PAKISTAN + "Mourners gathered near Hamid Gul’s grave on Friday.", [],
     "a name in the possessive alone is a person's, most often"),
    (PAKISTAN + "Two men were arrested near Gul Kach, police said.", [("Gul Kach", "PK")],
     "two capitalised words alone after 'near'"),
    (PAKISTAN + "Police said the raid near Bettani on Friday.", [("Bettani", "PK")],
     "a name shaped like a people's adjective, but a preposition follows"),
    (PAKISTAN + "The suspect died in Afghani custody.", [],
     "a people's adjective before its noun"),
    (PAKISTAN + "A shell fell near Tarkha-Bala on Friday.", [("Tarkha-Bala", "PK")],
     "a hyphened name"),
    (PAKISTAN + "The case was heard in Parliament on Monday.", [],
     "'in Parliament' names an institution"),
    (PAKISTAN + "He was treated at Nasir hospital and discharged.", [],
     "a hospital's name is not a town"),
    (PAKISTAN + "Special Agent in Charge Maria Lopez said so.", [],
     "a title's 'in Charge', then a person"),
    (PAKISTAN + "Jama’at Ansar al-Furqan claimed it.", [],
     "'at' inside a word is no preposition"),
    (PAKISTAN + "The broadcast was in English and in Urdu.", [],
     "languages are no places"),
    (PAKISTAN + "A raid in Islamic State territory was reported.", [],
     "an actor's name is not a place"),
    ("Gunmen stormed a school in the village of Darra Khel.", [],
     "no country named: no locality (its country cannot be told)"),
    ("In Mali, troops retook Boni.\n\nIn Burkina Faso, police said.\n\nIn Niger, militants ambushed a convoy near Teguey on Monday.",
     [("Teguey", "NE")], "a text of several countries: the one its passage names"),
    ("Militants ambushed a convoy in the Tengnoupal district near the Myanmar border on Monday.", [],
     "the neighbour named before 'border' is no evidence of the passage's country"),
    ("Mali and Niger said. In Mali and Niger, militants ambushed a convoy near Teguey on Monday.", [],
     "a passage of two countries: whose village it is, it does not say"),
    ("In Borno, rebels torched trucks near Dikwa Gari.", [("Dikwa Gari", "NG")],
     "a region named once tells the country"),
    ("In Somalia, al-Shabaab said. Somalia's army stormed the village of Buulo Fulaay in Somalia. "
     "Reporting by a writer in Nairobi, Kenya.", [("Buulo Fulaay", "SO")],
     "half of the places and more than any other country: the text's country"),
    ("In Somalia, police said. Kenya's army stormed the village of Buulo Fulaay.", [],
     "two countries as often: whose village it is, the text does not say"),
    ("Fighters stormed a base in the town of Malam Fatori, near the border with Niger.", [],
     "the neighbour across the border is no evidence of the text's country"),
    ("Police in the Philippines said. A bomb went off in the southern Philippine province of Sulu.", [],
     "'Philippine' begins the country's name: its adjective, not a place"),
    (PAKISTAN + "Security forces killed eight militants in the Khyber district.", [("Khyber", "PK")],
     "a name that begins a two-word region's ('Khyber Pakhtunkhwa') is no people's word"),
    ("Iraq's police said. A car bomb hit the mainly Shiite district of Sadr City in Iraq.", [],
     "a faith's word before 'district of' is no place"),
    (PAKISTAN + "The video was in Kurdish, police said.", [],
     "a language alone"),
    ("Russia's FSB said. Russian forces raided a house in the Dagestani town of Buynaksk.", [],
     "a people's adjective before 'town of'; the town itself is known"),
    ("Officials met in Ghorbandi after talks in Sainte-Suzanne.", [],
     "one small city is no evidence of the text's country (it may be a namesake abroad)"),
    ("Police in Raipur said Maoists torched trucks near Dornapal.", [("Dornapal", "IN")],
     "one large city is"),
]


@pytest.mark.parametrize("text, expected, why", LOCALITIES, ids=[r[2] for r in LOCALITIES])
def test_localities(text, expected, why):
    found = [(p.name, p.country) for p in find_all_places(text) if p.kind == "locality"]
    assert found == expected, why


# (text, the places expected as (name, country, kind), why): a namesake abroad
NAMESAKES = [
    ("Somalia's police said. In Somalia, gunmen stormed a restaurant at Lido beach.",
     [("Somalia", "SO", "country"), ("Somalia", "SO", "country"), ("Lido", "SO", "locality")],
     "a small Italian town of the same name, Italy never named: a place of Somalia"),
    ("Nicaragua's army said. In Nicaragua, a bomb exploded in Corinto.",
     [("Nicaragua", "NI", "country"), ("Nicaragua", "NI", "country"), ("Corinto", "NI", "city")],
     "the text's own country has a city of that name: that one"),
    ("Spain's police said. In Spain, they held a man who had lived in Essen.",
     [("Spain", "ES", "country"), ("Spain", "ES", "country"), ("Essen", "DE", "city")],
     "a large city keeps its country"),
    ("Somalia's police said. In Somalia and Italy, arrests were made in Lido.",
     [("Somalia", "SO", "country"), ("Italy", "IT", "country"), ("Somalia", "SO", "country"), ("Lido", "IT", "city")],
     "the town's own country is named: it keeps it"),
]


@pytest.mark.parametrize("text, expected, why", NAMESAKES, ids=[r[2] for r in NAMESAKES])
def test_namesakes(text, expected, why):
    assert sorted((p.name, p.country, p.kind) for p in find_all_places(text)) == sorted(expected), why


# (text, publication date, the event's location and country, why)
EVENT_PLACES = [
    ("NIAMEY, Niger — Niger's army said gunmen killed nine villagers in the village of Tondikiwindi "
     "in western Niger on Sunday.", "2025-03-04", ("Tondikiwindi", "NE"),
     "the village, not the country, is where it happened"),
    ("Kenya's police said on Monday that a roadside bomb killed two officers near Mangai in Lamu "
     "County, Kenya, on Saturday.", "2025-03-04", ("Mangai", "KE"),
     "the nearest, most precise place"),
]


@pytest.mark.parametrize("text, dct, place, why", EVENT_PLACES, ids=[r[3] for r in EVENT_PLACES])
def test_event_takes_the_locality(text, dct, place, why):
    events = extract(Article(source="t", text=text, published=Interval.day(date.fromisoformat(dct))))
    assert events, "no event"
    assert (events[0].location, events[0].country) == place, why
