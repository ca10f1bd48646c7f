"""Plain-text reading: decoding, white space, titles and date lines (one row per case)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.errors import ReadError
from timeline.readers.datelines import publication_date
from timeline.readers.decode import decode, normalise
from timeline.readers.text import read_text

DATELINES = [
    # (text, expected day, basis)
    ("19:50 GMT02 April 2020\nListen Live\n\nBody text of the article goes here.",
     date(2020, 4, 2), "header"),
    ("Headline of the piece\n\nStatus: 06/28/2021 4:30 a.m.\n\nBody.", date(2021, 6, 28), "header"),
    ("Headline\n\n" + "A paragraph of the article body.\n\n" * 10
     + "2017-10-30T16:06:16+00:00 Monday, 16 October 2017|Law",
     date(2017, 10, 16), "footer"),
    ("Published: March 3, 2022\n\nPolice said on Tuesday that two men were held.",
     date(2022, 3, 3), "header"),
    ("Updated 14:02 BST, 5th June 2023\nA story.", date(2023, 6, 5), "header"),
    ("Posted 28/06/2021 09:15\nDay-first numeric dates exist too.", date(2021, 6, 28), "header"),
    ("Bomber kills 12 in Nigeria\n\nMAIDUGURI, Nigeria, March 14, 2025 (Reuters) - A suicide "
     "bomber killed at least 12 people at a market on Thursday, police said on Friday.",
     date(2025, 3, 14), "header"),
    ("Strikes on Beirut\n\nBEIRUT, 14 March 2025 - Israeli strikes hit the southern suburbs "
     "overnight, the health ministry said.", date(2025, 3, 14), "header"),
    ("SAN JOSE, Calif., June 2, 2023 (AP) — Police arrested a man who they said planned to "
     "bomb a rally.", date(2023, 6, 2), "header"),
    ("NEW YORK, Oct. 3, 2024 /PRNewswire/ -- A security firm said it had found the plot.",
     date(2024, 10, 3), "header"),
    ("RCMP charge man\n\nBy Priya Nair · CBC News\nPosted: Nov 18, 2025 1:05 PM EST | Last Updated: "
     "Nov 18, 2025 6:32 PM EST\n\nThe RCMP have charged a man.", date(2025, 11, 18), "header"),
    ("THE WEEK IN TERRORISM\nIssue 212 · Covering 9–15 February 2026 · Sent Monday, 16 February "
     "2026\n\nOur weekly round-up.", date(2026, 2, 16), "header"),
    ("Security digest\nEvents of 1-7 June 2024 · Published on Monday, 10 June 2024\n\nBody.",
     date(2024, 6, 10), "header"),
    ("Court report\n\nSurabaya, 25/11/2023 - The district court on Friday jailed two men.",
     date(2023, 11, 25), "header"),
    ("Nairobi, 3 May 2024 – Police said on Thursday they had arrested a suspect.",
     date(2024, 5, 3), "header"),
    ("Press release\n\nGENEVA (6 August 2024) – Armed groups continue to abduct people, a UN "
     "report published today says.", date(2024, 8, 6), "header"),
    ("Press release\n\nTRIPOLI / GENEVA (6 August 2024) – Armed groups continue to abduct "
     "people, a UN report published today says.", date(2024, 8, 6), "header"),
    ("Rheinische Rundschau | English edition\n12.02.2025 – 15:47\n\nThree men jailed.",
     date(2025, 2, 12), "header"),
]


@pytest.mark.parametrize("text,day,basis", DATELINES, ids=[
    "time-and-zone-glued-to-the-day", "status-label-us-numeric", "footer-iso-then-posting-date",
    "published-label-month-first", "ordinal-day-with-zone", "day-first-numeric",
    "wire-dateline-heading-the-first-paragraph", "wire-dateline-day-first-no-agency",
    "wire-dateline-with-state-and-agency", "press-release-dateline",
    "posted-then-updated-past-fourteen-words: the stamp before the '|' is the date line",
    "a digest's covering range, then 'Sent': the sent day is the publication",
    "a week's events, then 'Published on Monday,': the labelled day, not the earliest",
    "a city in ordinary capitals, a full numeric date, a dash (Asian outlets): a date line",
    "a city in ordinary capitals, a full written date, a dash: a date line",
    "a UN release: the date in the brackets where a wire story has its agency",
    "a release filed from two cities, 'TRIPOLI / GENEVA'",
    "dots are day first ('12.02.2025' on a German site is 12 February), slashes default US"])
def test_publication_date_from_a_date_line(text, day, basis):
    interval, found_basis = publication_date(text)
    assert (interval.start, interval.end, found_basis) == (day, day, basis)


NO_DATELINE = [
    ("Headline\n\nIn early April 2024, police in Italy arrested two men who had entered the "
     "country on 3 March 2024 with forged papers.", "a body sentence naming dates"),
    ("Headline\n\nNo dates here at all.", "no date anywhere"),
    ("Headline\n\nPosted 31/02/2021\n\nBody.", "31 February is no date"),
    ("Minister warns of new threats\n\nThe minister said on 4 May 2020 that the attack was "
     "foiled.", "a short body sentence is no date line"),
    ("Police arrest two men\n\nFrench police arrested two men in Lyon on 3 March 2022, "
     "officials said.", "a short report sentence is no date line"),
    ("KABUL, Afghanistan (AP) — A suicide bomber struck on 3 March 2022, officials said.",
     "a wire date line without a date: the body's date is the event's, not the filing's"),
    ("WASHINGTON, Jan 5 (Reuters) - The U.S. charged two men.",
     "a wire date line without a year dates nothing"),
    ("ISIS, March 14, 2025 - the group's claim was false, police said.",
     "what follows the dash starts no sentence (lower case): no wire date line"),
    ("Kabul, 3 May - Police said two men were held.",
     "a city in ordinary capitals with a yearless date: no date line (a body sentence could be so)"),
]


@pytest.mark.parametrize("text,why", NO_DATELINE, ids=[w for _, w in NO_DATELINE])
def test_no_publication_date_without_a_real_date_line(text, why):
    assert publication_date(text) is None


def test_non_breaking_spaces_and_blank_runs_are_normalised():
    raw = "Title line here now\n\n\n\n    Body\u00a0with\u00a0nbsp   and  spaces.  \r\n"
    assert normalise(raw) == "Title line here now\n\nBody with nbsp and spaces."


@pytest.mark.parametrize("data,problem", [
    (b"", "empty file"),
    (b"   \n\n ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not a text article"),
], ids=["empty", "only-white-space", "png-bytes"])
def test_unreadable_inputs_are_refused_with_the_reason(data, problem):
    with pytest.raises(ReadError, match=problem) as err:
        decode(data, "in.txt")
    assert str(err.value).startswith("in.txt: ")


@pytest.mark.parametrize("data,expected", [
    ("Caf\u00e9 bombing".encode("cp1252"), "Caf\u00e9 bombing"),
    ("\ufeffUTF-8 with a BOM".encode("utf-8"), "UTF-8 with a BOM"),
    ("UTF-16 text \u00e9".encode("utf-16"), "UTF-16 text \u00e9"),
], ids=["windows-1252", "utf8-bom", "utf16-bom"])
def test_common_encodings_are_decoded(data, expected):
    assert decode(data, "x.txt") == expected


def test_title_skips_date_lines_and_page_furniture():
    article = read_text(b"19:50 GMT02 April 2020\nListen Live\nGet short URL\n\n"
                        b"Police arrest three men over the bombing plot\n\nBody.", "a.txt")
    assert article.title == "Police arrest three men over the bombing plot"
    assert str(article.published_basis) == "header"
