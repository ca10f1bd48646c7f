"""Publication dates: inferred from the text when no date line gives one, and read from the
date stamps real outlets print, in text, HTML pages, feeds and dumps (one row per case)."""

from __future__ import annotations

import pytest

from timeline.published import infer_publication

CASES = [
    ("Police arrested two men on 3 March 2023. The trial began on 14 March 2023.",
     ("2023-03-14", "2023-03-14", "day"), "latest-explicit-day"),
    ("In early April 2024, police arrested a man. On June 5, officials confirmed the charges.",
     ("2024-06-05", "2024-06-05", "day"), "month-day-takes-the-latest-year-named"),
    ("The attack in March 2019 killed 51 people. The gunman was sentenced in August 2020.",
     ("2020-08-01", "2020-08-31", "month"), "only-months-give-a-month"),
    ("Police arrested him on 2 May 2022. The trial will open on 9 January 2023.",
     ("2022-05-02", "2022-05-02", "day"), "a-future-date-is-not-the-publication"),
    ("Officials said on Monday that the group had grown stronger.", None, "relative-only-gives-none"),
    # A month-day with no year (a wire date line's "KABUL, March 3 (Reuters) -") takes a year only
    # from a dated day or month shortly before it: a year named alone may be history or ahead.
    ("KABUL, March 3 (Reuters) - A bomb killed three people on Tuesday, police said. Parties are "
     "campaigning for the 2027 election.", None, "a-later-year-named-alone-fixes-no-year"),
    ("KABUL, March 3 (Reuters) - A bomb killed three people on Tuesday, police said. The blast "
     "recalled the 2015 attack on the same market.", None, "an-old-year-named-alone-fixes-no-year"),
    ("KABUL, March 3 (Reuters) - A bomb killed three people. The group attacked a checkpoint on "
     "February 20, 2024.", ("2024-03-03", "2024-03-03", "day"), "a-full-date-weeks-before-fixes-the-year"),
    ("KABUL, January 5 (Reuters) - A bomb killed three people. The group attacked a checkpoint on "
     "December 28, 2023.", ("2024-01-05", "2024-01-05", "day"), "a-date-weeks-before-across-new-year"),
    ("Police arrested him in March 2019. On June 25, officials confirmed the charges.",
     ("2019-03-01", "2019-03-31", "month"), "a-month-a-season-before-fixes-no-year"),
    ("Police arrested him on 2 May 2022. On June 5, a court charged him with plotting an attack on "
     "the 2026 World Cup.", ("2022-06-05", "2022-06-05", "day"), "the-nearest-earlier-date-not-the-latest-year"),
    ("POPAYÁN, Colombia, April 28 (Andes Wire) — A bomb killed three people on Monday. The army "
     "lost control of the area in March 2024. In January 2026, rebels stopped a bus. The first "
     "round of the election is on May 31.", ("2026-04-28", "2026-04-28", "day"),
     "a-date-line-is-the-first-such-day-after-the-latest-month-named"),
    ("Nothing in this text is a date at all.", None, "no-dates"),
]


@pytest.mark.parametrize("text,expected,why", CASES, ids=[c[2] for c in CASES])
def test_infer_publication(text, expected, why):
    found = infer_publication(text)
    if expected is None:
        assert found is None
    else:
        assert (found.start.isoformat(), found.end.isoformat(), str(found.precision)) == expected


def test_ingest_marks_an_inferred_date_as_inferred(cli):
    from tests.conftest import SEEDS, jsonl

    cli("ingest", str(SEEDS / "003_539a479ea003e1b3.txt"))
    [article] = jsonl(cli("articles", "--format", "jsonl").output)
    assert (article["published"], article["published_basis"]) == ("2024-06-05", "inferred")


# ---------------------------------------------------------------------------------------------
# Date stamps as real outlets print them, copied from the page as plain text: a header or footer
# stamp above or below a body that names other days (the event's, an anniversary's), which must
# never be taken for the publication. One row a stamp: (outlet, text, published, basis, why).
# The first publication is the article's date: an "Updated" stamp yields to a "Published" one.
# ---------------------------------------------------------------------------------------------

def _page(header: str, body: str, footer: str = "") -> str:
    return f"{header}\n\n{body}\n\n" + "The investigation continues, officials said.\n\n" * 3 + footer


_WIRE_BODY = ("Police said the bomber struck at 9 a.m. The group had attacked the same market on "
              "June 29, 2024, killing 18 people, and again on 3 January 2025.")

STAMPS = [
    # --- wire services -------------------------------------------------------------------
    ("Reuters", _page("Suicide bomber kills 12 at Maiduguri market\n\nBy Ahmed Kingimi\n\n"
                      "March 14, 2025 2:31 PM GMT+1 Updated 3 hours ago",
                      "MAIDUGURI, Nigeria, March 14 (Reuters) - " + _WIRE_BODY),
     "2025-03-14", "header", "the date before 'Updated 3 hours ago': a relative update names no day"),
    ("AP", _page("Police say gunman planned attack on rally for weeks\n\n"
                 "Updated 9:14 PM EDT, June 2, 2023",
                 "SAN JOSE, Calif. (AP) — A man arrested on May 30, 2023, had planned the attack "
                 "since Feb. 11, 2023, police said."),
     "2023-06-02", "header", "time first, then the date"),
    ("AP", _page("Truck attack on Bourbon Street\n\nPublished 11:52 PM EST, January 1, 2025",
                 "NEW ORLEANS (AP) — The city's worst attack since the bombing of Sept. 11, 2001 "
                 "hit revelers on New Year's Day, officials said."),
     "2025-01-01", "header", "near midnight: the local day printed, though UTC was already 2 January"),
    ("AP", _page("Colombia rebels free hostages\n\nUpdated 7:18 PM EDT, Friday, August 11, 2023",
                 "BOGOTA, Colombia (AP) — The rebels seized the men on July 30, 2023."),
     "2023-08-11", "header", "a weekday between the zone and the date"),
    ("AFP via France 24", _page("FRANCE\n\nLille station attacker tells court he regrets nothing\n\n"
                                "Published on: 09/10/2025 - 18:42\nModified: 09/10/2025 - 19:05",
                                "Paris (AFP) – The man stabbed a ticket inspector to death on "
                                "2 November 2023, the court heard."),
     "2025-10-09", "header", "a French outlet's numeric date is day first: the page writes '2 November 2023'"),
    ("France 24 (glued copy)", _page("Thousands march in Paris Pride\n\n"
                                     "Issued on: 04/07/2020 – 23:30Modified: 04/07/2020 – 23:32",
                                     "Paris (AFP) – The officially scheduled march of June 27, 2020 "
                                     "was cancelled."),
     "2020-07-04", "header", "the stamp and 'Modified:' glued, en dashes: day first by the 24-hour clock"),
    ("AFP via RFI", _page("Mali junta extends transition\n\nIssued on: 05/03/2025 - 14:10",
                          "Bamako (AFP) – Soldiers seized power on 24 May 2021 and promised "
                          "elections."),
     "2025-03-05", "header", "'05/03/2025 - 14:10': a 24-hour clock and day-first written dates"),
    ("Anadolu", _page("Türkiye neutralizes 5 PKK terrorists in northern Iraq\n\n"
                      "Burak Dag |05.03.2025 - Update : 06.03.2025",
                      "ANKARA\n\nThe operation followed an attack on a base on 28 February 2025, "
                      "the ministry said."),
     "2025-03-05", "header", "dotted day-first stamp, the later 'Update' is not the publication"),
    ("Xinhua", _page("Blast kills 5 in northwest Pakistan\n\nSource: Xinhua\nEditor: Huaxia\n"
                     "2025-03-14 20:31:45",
                     "ISLAMABAD, March 14 (Xinhua) -- The blast came after an attack on Nov. 9, "
                     "2024 at Quetta railway station."),
     "2025-03-14", "header", "ISO date and clock on a line of its own under the editor"),
    ("ANI", _page("NIA files chargesheet in Rameshwaram cafe blast case\n\n"
                  "ANI | Updated: Mar 14, 2025 14:32 IST",
                  "New Delhi [India], March 14 (ANI): The cafe was bombed on March 1, 2024."),
     "2025-03-14", "header", "the agency's only stamp is 'Updated': it is the nearest stated day"),
    ("PTI", _page("Pahalgam terror attack: 26 killed\n\nUpdated: 23-04-2025 11:32 IST",
                  "Srinagar, Apr 23 (PTI): The last attack this deadly was the Pulwama bombing of "
                  "14-02-2019, officials said."),
     "2025-04-23", "header", "dashed day-first numeric date (Indian pages)"),
    ("PTI via Business Standard", _page("Two held for plotting blasts\n\n"
                                        "Press Trust of India | New Delhi | Updated: Mar 14 2025 | 2:32 PM IST",
                                        "NEW DELHI, Mar 14 (PTI) The men were arrested on March 9, 2025."),
     "2025-03-14", "header", "month-day-year without commas between '|' fields"),
    ("IANS", _page("Security forces kill two terrorists in Kupwara\n\n"
                   "IANS | Last Updated : Mar 14, 2025, 02:32 PM",
                   "Srinagar, March 14 (IANS) Infiltration bids rose after August 5, 2019."),
     "2025-03-14", "header", "'Last Updated' is the only stamp"),
    ("EFE", _page("Colombian army says dissidents killed three soldiers\n\nEFE\n14 Mar 2025 | 17:20 CET",
                  "Bogota (EFE).- The peace deal was signed on November 24, 2016."),
     "2025-03-14", "header", "day-month-year with a clock after a bar"),
    ("dpa", _page("Prosecutors charge Solingen attacker\n\ndpa international\n05.03.2025, 15:42",
                  "Berlin (dpa) - The knife attack at a festival on 23 August 2024 killed three "
                  "people."),
     "2025-03-05", "header", "German dotted date, ambiguous, read day first"),
    ("Kyodo", _page("Japan police arrest man over explosive thrown at PM\n\n"
                    "KYODO NEWS - Mar 14, 2025 - 20:31 | World, All",
                    "TOKYO - The explosive was thrown on April 15, 2023, in Wakayama."),
     "2025-03-14", "header", "agency name, dashes and section tags after a bar"),
    ("Yonhap", _page("N. Korea fires ballistic missile\n\nAll News 16:32 March 14, 2025",
                     "SEOUL, March 14 (Yonhap) -- The last launch was on Jan. 6, 2025."),
     "2025-03-14", "header", "section name and clock before the date"),
    ("Yonhap", _page("Police arrest man for threat to bomb subway\n\n"
                     "Posted : 2025.03.14 16:32 Updated : 2025.03.15 09:10",
                     "SEOUL -- The man posted the threat on March 11, 2025."),
     "2025-03-14", "header", "Korean year.month.day, posted before updated"),
    # --- broadcasters ----------------------------------------------------------------------
    ("BBC", _page("Crocus City Hall: What we know about the attack\n\nFrank Gardner\n"
                  "Security correspondent\n14 March 2025",
                  "Gunmen killed 145 people at the concert hall on 22 March 2024."),
     "2025-03-14", "header", "the date alone under the byline"),
    ("BBC", _page("Crocus City Hall: What we know about the attack\n\n2 hours ago\nShare\nSave\n"
                  "Frank Gardner\nSecurity correspondent",
                  "Gunmen killed 145 people at the concert hall on 22 March 2024."),
     None, "unknown", "'2 hours ago' alone names no day; the body's day is the event's"),
    ("CNN", _page("Gunmen storm Moscow concert hall\n\nUpdated 10:28 AM EDT, Tue April 2, 2024",
                  "Moscow CNN — The attack on March 22, 2024 was the deadliest in Russia in "
                  "decades."),
     "2024-04-02", "header", "abbreviated weekday without a comma"),
    ("Al Jazeera", _page("Gunmen kill dozens at Moscow concert hall\n\nPublished On 22 Mar 2024\n"
                         "22 Mar 2024",
                         "The siege of a school in Beslan began on 1 September 2004."),
     "2024-03-22", "header", "'Published On' with the date repeated below"),
    ("DW", _page("Magdeburg suspect charged\n\n03/05/2025March 5, 2025",
                 "The car drove into the Christmas market on December 20, 2024."),
     "2025-03-05", "header", "numeric and written twins glued: the written twin says month first"),
    ("VOA", _page("Pakistan says militants killed in raid\n\nMarch 14, 2025 3:42 PM",
                  "ISLAMABAD — The militants attacked a convoy on Jan. 12, 2025."),
     "2025-03-14", "header", "date then 12-hour clock"),
    ("NPR", _page("Suspect in Bourbon Street attack acted alone, FBI says\n\n"
                  "Updated March 15, 2025 at 6:05 AM ET\n\nMarch 14, 20255:00 AM ET\n\n"
                  "Heard on Morning Edition",
                  "The attack on Jan. 1, 2025, killed 14 people."),
     "2025-03-14", "header", "the update line comes first; the publication's year is glued to its clock"),
    ("CBC", _page("RCMP charge teen\n\nPosted: 2 hours ago | Last Updated: 1 hour ago",
                  "The RCMP said the teen was arrested on Nov. 12, 2025."),
     None, "unknown", "relative stamps only: the body's arrest day is no publication"),
    ("ABC Australia", _page("Indonesian police arrest eight JAD suspects\n\n"
                            "Posted Sat 23 Mar 2024 at 7:14amSaturday 23 Mar 2024 at 7:14am, "
                            "updated Sun 24 Mar 2024 at 11:26pmSunday 24 Mar 2024 at 11:26pm",
                            "The network was behind the bombing of 13 May 2018 in Surabaya."),
     "2024-03-23", "header", "short and long forms glued, posted then updated: a long line of stamps"),
    ("NHK", _page("Police arrest man over threat to Tokyo station\n\nMar. 15, 2025 00:12 JST",
                  "The man sent the threat on March 13, 2025, police said."),
     "2025-03-15", "header", "just after midnight JST: the local date printed is the date"),
    # --- newspapers ------------------------------------------------------------------------
    ("Guardian", _page("Man charged over Southport attack\n\nFri 14 Mar 2025 15.42 GMT\n"
                       "Last modified on Sat 15 Mar 2025 00.10 GMT",
                       "Three girls were killed on 29 July 2024."),
     "2025-03-14", "header", "dotted clock, then 'Last modified' the next day"),
    ("New York Times", _page("Bomber Kills 12 in Nigeria\n\nPublished March 14, 2025Updated March 15, "
                             "2025, 6:05 a.m. ET",
                             "The group attacked the town on Aug. 3, 2024.",
                             "A version of this article appears in print on March 15, 2025, Section "
                             "A, Page 8 of the New York edition with the headline: Bomber Kills 12 in "
                             "Nigeria."),
     "2025-03-14", "header", "'Published' and 'Updated' glued; the print edition's day is not the publication"),
    ("Washington Post", _page("Gunman kills 3 at Jacksonville store\n\n"
                              "Updated March 23, 2024 at 4:01 p.m. EDT|Published March 22, 2024 at "
                              "2:41 p.m. EDT",
                              "The shooting on Aug. 26, 2023 was investigated as a hate crime."),
     "2024-03-22", "header", "the update first, the labelled publication after the bar"),
    ("Times of India", _page("Mumbai police bust terror module\n\n"
                             "TOI News Desk / TIMESOFINDIA.COM / Updated: Mar 14, 2025, 15:42 IST",
                             "MUMBAI: The accused had scouted targets since Jan 5, 2025."),
     "2025-03-14", "header", "desk, site and 'Updated:' on one line"),
    ("Hindustan Times", _page("NIA raids 12 places in Kashmir\n\nBy HT Correspondent, New Delhi\n"
                              "Published on: Mar 14, 2025 11:58 PM IST",
                              "The raids follow the attack of October 20, 2024 in Ganderbal."),
     "2025-03-14", "header", "two minutes before midnight IST: still the 14th"),
    ("The Hindu", _page("NIA arrests two in Bengaluru cafe blast case\n\n"
                        "Updated - March 23, 2024 07:28 am IST\n\n"
                        "Published - March 22, 2024 10:42 pm IST - NEW DELHI",
                        "The blast at the cafe on March 1, 2024 injured ten people."),
     "2024-03-22", "header", "'Updated -' on the line above 'Published -': the publication wins"),
    ("Dawn", _page("Nine abducted in Balochistan\n\n"
                   "Reuters | Dawn.com Published March 14, 2025 Updated March 15, 2025 09:14am",
                   "QUETTA: A similar attack on August 26, 2024 killed 23 people."),
     "2025-03-14", "header", "'Published' then 'Updated' on one line"),
    ("Dawn", _page("Gunmen abduct nine bus passengers\n\nUpdated 29 Apr, 2025 08:15pm",
                   "QUETTA: The highway was closed after an attack on 26 August 2024."),
     "2025-04-29", "header", "a comma between month and year"),
    ("Express Tribune", _page("CTD kills four militants\n\nOur Correspondent\nMarch 14, 2025",
                              "KARACHI: The militants escaped from prison on December 2, 2024."),
     "2025-03-14", "header", "the date alone under the byline"),
    ("The News", _page("Police foil terror bid\n\nWeb Desk\nFriday, Mar 14, 2025",
                       "PESHAWAR: The group attacked a checkpoint on Feb 28, 2025."),
     "2025-03-14", "header", "weekday, abbreviated month"),
    ("Daily Star", _page("Militant hideout raided\n\nStar Digital Report\n"
                         "Fri Mar 22, 2024 10:04 PM Last update on: Sat Mar 23, 2024 12:42 AM",
                         "The Holey Artisan attack on July 1, 2016 killed 22 people."),
     "2024-03-22", "header", "the update falls after midnight, the publication before"),
    ("Premium Times", _page("Boko Haram kills 12 in Borno\n\nBy Ismail Mudashir\nMarch 14, 2025\n"
                            "3 min read",
                            "The insurgents attacked the town on 3 February 2025."),
     "2025-03-14", "header", "date between the byline and the reading time"),
    ("Punch", _page("Bandits abduct 20 in Zamfara\n\n14th March 2025\nBy Deji Lambo",
                    "The bandits attacked the same village on 9th January 2025."),
     "2025-03-14", "header", "ordinal day-month-year"),
    ("Daily Nation", _page("Al-Shabaab attack on Mandera bus\n\nFriday, March 14, 2025",
                           "The group attacked a bus in the same county on June 6, 2024."),
     "2025-03-14", "header", "weekday and full month"),
    ("The East African", _page("Regional forces retake town\n\nFriday March 14 2025",
                               "The town fell on 20 January 2025."),
     "2025-03-14", "header", "no commas at all"),
    ("Arab News", _page("Houthis claim attack on ship\n\nUpdated 15 March 2025\nAFP\nMarch 14, 2025 23:44",
                        "The group first attacked shipping on November 19, 2023."),
     "2025-03-14", "header", "'Updated' above the agency's own stamp: the stamp is the publication"),
    ("Gulf News", _page("UAE condemns attack\n\n"
                        "Published: March 22, 2024 19:41 Last updated: March 23, 2024 00:01",
                        "The attack on March 22, 2024 killed 145 people."),
     "2024-03-22", "header", "the update is a minute after midnight"),
    ("Haaretz", _page("Police thwart attack in Jerusalem\n\nMar 22, 2024 3:41 pm IST",
                      "The cell had planned the attack since February 2, 2024."),
     "2024-03-22", "header", "Israel Standard Time, 12-hour clock"),
    ("Times of Israel", _page("Terrorist opens fire at checkpoint\n\nBy Emanuel Fabian\n"
                              "14 March 2025, 3:42 pm",
                              "The checkpoint was attacked on 9 February 2025 too."),
     "2025-03-14", "header", "day-month-year, a comma, a clock"),
    ("Times of Israel", _page("Terrorist opens fire at checkpoint\n\nBy Emanuel Fabian\n"
                              "Yesterday, 3:42 pm",
                              "The checkpoint was attacked on 9 February 2025 too."),
     None, "unknown", "'Yesterday' names no day by itself; the body's day is an earlier attack"),
    ("Kyiv Independent", _page("Russian drone strike kills 3 in Odesa\n\nMarch 14, 2025 3:42 PM 2 min read",
                               "A strike on the port on Feb. 28, 2025 killed two."),
     "2025-03-14", "header", "clock and reading time"),
    ("Moscow Times", _page("Court jails Crocus suspects\n\nMarch 22, 2025\nUpdated: March 23, 2025",
                           "The attack on March 22, 2024 killed 145 people."),
     "2025-03-22", "header", "the first line's date, not the update nor the anniversary"),
    ("SCMP", _page("Hong Kong police arrest 3 over bomb plot\n\nPublished: 10:19pm, 22 Mar 2024\n"
                   "Updated: 11:37pm, 22 Mar 2024",
                   "Police found explosives on 9 March 2024."),
     "2024-03-22", "header", "clock before the date"),
    ("Straits Times", _page("Teen detained under ISA\n\nUpdated Mar 23, 2024, 01:04 AM\n"
                            "Published Mar 22, 2024, 10:43 PM",
                            "The teen was radicalised from October 2023 and planned an attack "
                            "for Feb 12, 2024."),
     "2024-03-22", "header", "'Updated' above 'Published'"),
    ("Jakarta Post", _page("Densus 88 arrests JI suspects\n\nDio Suhenda (The Jakarta Post)\n"
                           "Jakarta ● Fri, March 22, 2024",
                           "The network was behind the Bali bombing of Oct. 12, 2002."),
     "2024-03-22", "header", "city, a bullet, a weekday"),
    ("Rappler", _page("Army clashes with Dawlah Islamiyah\n\nPublished 3:42 PM, March 14, 2025\n"
                      "Updated 6:10 PM, March 14, 2025",
                      "The group bombed a Mass in Marawi on December 3, 2023."),
     "2025-03-14", "header", "clock, comma, date"),
    ("Inquirer", _page("Soldiers killed in Lanao del Sur ambush\n\nBy: Jane Bautista - Reporter / "
                       "@JaneBINQ\nPhilippine Daily Inquirer / 05:12 AM March 14, 2025",
                       "A similar ambush on Feb 18, 2024 killed six."),
     "2025-03-14", "header", "paper, slash, clock, date"),
    ("Bangkok Post", _page("Bomb hits ranger base in Narathiwat\n\nPUBLISHED : 14 Mar 2025 at 15:42\n"
                           "WRITER: Wassana Nanuam",
                           "The base was attacked on 9 January 2025."),
     "2025-03-14", "header", "capital label, space before its colon"),
    # --- government, UN and court releases -------------------------------------------------
    ("US Justice Department", _page("Press Release\n\nFriday, March 22, 2024\nFor Immediate Release\n"
                                    "U.S. Attorney's Office, Southern District of New York",
                                    "The defendant was arrested on February 3, 2024.",
                                    "Updated March 25, 2024"),
     "2024-03-22", "header", "the release's date, not the page's footer update"),
    ("GOV.UK", _page("UK sanctions terrorist financiers\n\n"
                     "From: Foreign, Commonwealth & Development Office\nPublished 14 March 2025\n"
                     "Last updated 17 March 2025 — see all updates",
                     "The group carried out the attack of 7 October 2023."),
     "2025-03-14", "header", "'Published' then 'Last updated'"),
    ("UN News", _page("Security Council condemns Moscow attack\n\n22 March 2024 Peace and Security",
                      "The Council recalled its resolution of 20 November 2015."),
     "2024-03-22", "header", "date and section"),
    ("India PIB", _page("NIA chargesheets ISIS module\n\nPosted On: 22 MAR 2024 7:14PM by PIB Delhi",
                        "The module was busted on 3 November 2023."),
     "2024-03-22", "header", "capital month, glued clock, 'by PIB Delhi'"),
    ("India PIB (older pages)", _page("Minister opens standards conclave\n\nPress Information Bureau\n"
                                      "Government of India\nMinistry of Home Affairs\n01-May-2017 17:18 IST",
                                      "The conclave follows the meeting of 12 April 2017."),
     "2017-05-01", "header", "day, month word and year joined by dashes"),
    ("ISPR", _page("Security forces kill 6 terrorists in North Waziristan\n\nNo PR-24/2024-ISPR\n"
                   "Rawalpindi - March 22, 2024:",
                   "The terrorists had attacked a post on 16 March 2024."),
     "2024-03-22", "header", "release number, then city, dash, date"),
    ("UK Court of Appeal", _page("R v Khan\n\nNeutral Citation Number: [2025] EWCA Crim 312\n"
                                 "Date: 14/03/2025",
                                 "The appellant was convicted on 9 December 2024."),
     "2025-03-14", "header", "day first, unambiguous"),
    ("US District Court (PACER)", _page("Case 1:24-cr-00123-JMF Document 45 Filed 03/14/25 Page 1 of 12\n\n"
                                        "UNITED STATES v. DOE",
                                        "On or about January 5, 2024, the defendant bought the "
                                        "components."),
     "2025-03-14", "header", "a court filing stamp with a two-digit year"),
    # --- numeric dates: the page decides the order ------------------------------------------
    ("US local TV", _page("FBI: attacker acted alone\n\nPosted: 01/02/2025 7:45 PM CST\n"
                          "Updated: 01/02/2025 9:10 PM CST",
                          "The truck hit revelers on Bourbon Street on New Year's Day."),
     "2025-01-02", "header", "a US zone: month first"),
    ("Indian site", _page("Grenade attack in Srinagar\n\nUpdated: 01/02/2025 09:15 IST",
                          "A similar attack on 3 November 2024 injured 12."),
     "2025-02-01", "header", "India Standard Time: day first"),
    ("UK local paper", _page("Man jailed for terror plot\n\nPublished: 05/03/2025 | Updated: 14/03/2025",
                             "He was arrested on 9 May 2024."),
     "2025-03-05", "header", "the other stamp (14/03) is day first, so this one is too"),
    ("US local paper", _page("Man jailed for terror plot\n\nPublished: 03/05/2025 | Updated: 03/14/2025",
                             "He was arrested on May 9, 2024."),
     "2025-03-05", "header", "the other stamp (03/14) is month first, so this one is too"),
    ("UK regional site", _page("Police arrest man after mosque fire\n\nPosted 04/05/2025",
                               "The mosque was damaged in an arson attack on 12 April 2025 and "
                               "again on 2 May 2025."),
     "2025-05-04", "header", "no zone, no clock: the page writes its dates day first"),
    ("UK regional site", _page("Man charged after station stabbing\n\nLast updated: 14/03/25 15:42",
                               "The stabbing happened on 9 March 2025."),
     "2025-03-14", "header", "two-digit year, day first"),
    ("VnExpress", _page("Police arrest 3 over bomb threat\n\nWednesday, 3/5/2025, 15:42 (GMT+7)",
                        "The threat was made on March 2, 2025."),
     "2025-03-05", "header", "the weekday decides: 5 March 2025 was a Wednesday (the 24-hour clock would say day first)"),
    ("German broadcaster, English edition", _page("Man convicted of plotting attack\n\n"
                                                  "Status: 06/04/2025 3:46 a.m.",
                                                  "He was arrested on 27 December 2024."),
     "2025-06-04", "header", "AP's 'a.m.' is a US page's clock: month first, whatever the body writes"),
    ("Focus Taiwan (CNA)", _page("Man detained over bomb hoax\n\n03/14/2025 03:42 PM",
                                 "A similar hoax on Feb. 3, 2025 closed the station."),
     "2025-03-14", "header", "month first, unambiguous, 12-hour clock"),
    ("Euronews", _page("Belgian police arrest teens over plot\n\nPublished on 05/03/2025 - 15:42 GMT+1"
                       "\nUpdated 06/03/2025 - 09:10",
                       "The teens were planning an attack for 14 March 2025."),
     "2025-03-05", "header", "day first by its 24-hour clock; the next day's update is no publication"),
    ("Reuters (glued copy)", _page("Gunmen kill 11 at Niger army post\n\nMarch 14, 20252:31 PM GMT+1"
                                   "Updated 3 hours ago",
                                   "NIAMEY, March 14 (Reuters) - A similar attack on Dec. 10, 2024 "
                                   "killed 71."),
     "2025-03-14", "header", "the year glued to the clock, the clock to 'Updated'"),
    ("Al Jazeera (glued copy)", _page("Gunmen kill dozens at Moscow concert hall\n\n"
                                      "Published On 22 Mar 202422 Mar 2024",
                                      "The siege of a school in Beslan began on 1 September 2004."),
     "2024-03-22", "header", "the date and its screen-reader twin glued"),
    ("Daily Mail", _page("Teenager charged over terror plot\n\nPublished: 15:42 GMT, 14 March 2025 | "
                         "Updated: 18:10 GMT, 15 March 2025",
                         "He was arrested on 9 March 2025."),
     "2025-03-14", "header", "clock before the date, the update the next day"),
    ("Korea Herald", _page("Man arrested for threat on lawmaker\n\n"
                           "Published : Mar. 14, 2025 - 15:42 Updated : Mar. 15, 2025 - 18:10",
                           "The lawmaker was stabbed on Jan. 2, 2024."),
     "2025-03-14", "header", "space before the colons, dotted month"),
    ("China Daily", _page("Police bust telecom fraud ring\n\nUpdated: 2025-03-14 15:42",
                          "The ring operated since June 1, 2024."),
     "2025-03-14", "header", "an 'Updated' ISO stamp alone is the nearest stated day"),
    ("Kathmandu Post", _page("Police arrest 5 over Janakpur blast\n\nPublished at : March 14, 2025\n"
                             "Updated at : March 15, 2025 09:10",
                             "The blast on March 9, 2025 injured four."),
     "2025-03-14", "header", "'Published at :', then 'Updated at :'"),
    ("Middle East Eye", _page("Israeli strike kills 12 in Gaza\n\nPublished date: 14 March 2025 15:42 GMT",
                              "The ceasefire began on 19 January 2025."),
     "2025-03-14", "header", "'Published date:'"),
    ("Ukrinform", _page("Russian drones hit Odesa port\n\n05.03.2025 15:42",
                        "The port was hit on February 28, 2025."),
     "2025-03-05", "header", "dotted dates are day first even where the page writes months first"),
    ("Meduza", _page("Court jails teens over rail sabotage\n\n11:42 a.m., March 14, 2025",
                     "The teens were detained on Nov. 3, 2024."),
     "2025-03-14", "header", "AP-style clock before the date"),
    ("Yomiuri Shimbun", _page("Man arrested over explosive at shrine\n\n17:45 JST, March 14, 2025",
                              "The explosive was found on March 12, 2025."),
     "2025-03-14", "header", "clock and zone before the date"),
    ("TASS", _page("Terrorist attack foiled in Moscow region\n\n14 MAR, 15:42",
                   "MOSCOW, March 14. /TASS/. The FSB said the attack had been planned for "
                   "23 February 2025."),
     None, "unknown", "no year in the stamp: the body's date is the plot's, not the publication"),
    ("Guardian (updated story)", _page("Man charged over Southport attack\n\nSat 15 Mar 2025 09.10 GMT\n"
                                       "First published on Fri 14 Mar 2025 15.42 GMT",
                                       "Three girls were killed on 29 July 2024."),
     "2025-03-14", "header", "the latest time on top, 'First published on' under it: the first publication"),
    ("Straits Times (labels on their own lines)", _page("Teen detained under ISA\n\nUPDATED\n"
                                                        "Mar 23, 2024, 01:04 AM\nPUBLISHED\n"
                                                        "Mar 22, 2024, 10:43 PM",
                                                        "The teen planned an attack for Feb 12, 2024."),
     "2024-03-22", "header", "a label alone on the line above its date, as a page's spans copy"),
    ("Sky News", _page("Teenager arrested over Southport threat\n\nYesterday 14:32\n"
                       "Friday 14 March 2025 15:42, UK",
                       "The attack on 29 July 2024 killed three girls."),
     "2025-03-14", "header", "'Yesterday 14:32' next to the real date: the real date"),
    ("Sydney Morning Herald", _page("This was published 1 year ago\n\nPolice charge teen over Wakeley "
                                    "stabbing\n\nBy Perry Duffin\nMarch 14, 2025 — 3.42pm",
                                    "The bishop was stabbed on April 15, 2024."),
     "2025-03-14", "header", "'published 1 year ago' above the real stamp names no day"),
    # --- guards: an event's date in the header is not the publication -----------------------
    ("caption above the stamp", _page("Rescuers search the rubble in Kerman, Iran, on Jan. 3, 2024. "
                                      "(AP Photo/Vahid Salemi)\n\nUpdated 4:12 PM GMT+3, January 4, 2024",
                                      "KERMAN, Iran (AP) — The bombs went off on Jan. 3, 2024."),
     "2024-01-04", "header", "a photo caption names the event's day; the stamp below is the publication"),
    ("headline with a date", _page("Crocus attack, 22 March 2024: a timeline\n\nBy Anna Petrova\n"
                                   "Published 14 March 2025",
                                   "Gunmen opened fire at 8 p.m. on 22 March 2024."),
     "2025-03-14", "header", "a headline naming the event's day is not the stamp"),
    ("no stamp at all", _page("Gunmen kill 11 in attack on Niger army post",
                              "NIAMEY, Niger (Reuters) - Gunmen killed 11 soldiers on Monday. A "
                              "similar attack on 10 December 2024 killed 71."),
     None, "unknown", "a body date is the event's: no header stamp, no date read from the lines"),
]


STAMPS += [
    ("a Francophone paper's English edition", _page("FASO HORIZON — English edition\nPublié le 11/03/2025 à 17h20 | Security",
                                                    "OUAHIGOUYA — " + _WIRE_BODY),
     "2025-03-11", "header", "a clock written '17h20' is a French-style page's: its numeric date is day first"),
    ("Kenya Law (a judgment)", "REPUBLIC OF KENYA\nIN THE HIGH COURT OF KENYA AT NAIROBI\nCRIMINAL CASE NO. E041 OF 2022\n\n"
     "The accused were charged with an attack on 14 March 2022. The court finds them guilty.\n\n"
     + "The prosecution called eleven witnesses.\n\n" * 6 +
     "DATED, SIGNED AND DELIVERED VIRTUALLY AT NAIROBI THIS 12TH DAY OF DECEMBER, 2024.\n\nJ. K. MUTUA\nJUDGE\n\n"
     "In the presence of:\nMs. Wanjiru for the State\nMr. Abdalla for the 1st accused\nMr. Otieno for the 2nd accused\n"
     "Court Assistant: Kemboi",
     "2024-12-12", "footer", "a judgment's closing formula ('DATED ... THIS 12TH DAY OF DECEMBER, 2024') above its signatures"),
]


@pytest.mark.parametrize("outlet,text,published,basis,why", STAMPS,
                         ids=[f"{s[0]}: {s[4]}" for s in STAMPS])
def test_a_real_outlets_date_stamp_is_the_publication(outlet, text, published, basis, why):
    from timeline.readers.text import read_text

    article = read_text(text.encode(), "a.txt")
    day = article.published.start.isoformat() if article.published else None
    assert (day, str(article.published_basis)) == (published, basis)
    if article.published:
        assert article.published.start == article.published.end


# ---------------------------------------------------------------------------------------------
# HTML pages: the date the page states in its metadata, the first publication over any update.
# (head markup, published, basis, why)
# ---------------------------------------------------------------------------------------------

_BODY = ("<h1>Gunmen kill 12 at a market in Maiduguri</h1>"
         + "<p>A suicide bomber killed at least 12 people at a market on Thursday, police said. "
           "The group had attacked the same market on June 29, 2024, killing 18 people, and a "
           "checkpoint nearby on 3 January 2025, the police spokesman told reporters.</p>" * 4)

HTML_STAMPS = [
    ('<meta property="article:modified_time" content="2025-03-15T09:10:00+00:00">'
     '<meta property="article:published_time" content="2025-03-14T23:42:00-04:00">',
     "2025-03-14", "metadata", "WordPress/Yoast: modified listed first, published wins; its local day"),
    ('<meta property="og:updated_time" content="2025-03-16T08:00:00+00:00">'
     '<meta property="article:published_time" content="2025-03-14T10:00:00+00:00">',
     "2025-03-14", "metadata", "og:updated_time is an update"),
    ('<meta itemprop="dateModified" content="2025-03-16">'
     '<meta itemprop="datePublished" content="2025-03-14T15:42:00+05:30">',
     "2025-03-14", "metadata", "schema.org microdata: itemprop datePublished, not dateModified"),
    ('<meta name="publish-date" content="2025-03-14T15:42:00+05:30">',
     "2025-03-14", "metadata", "Hindustan Times style 'publish-date'"),
    ('<meta name="parsely-pub-date" content="2025-03-14T20:12:00Z">',
     "2025-03-14", "metadata", "Parse.ly's publication date"),
    ('<meta property="article:published_time" content="2025-03-14 23:42:00 -0400">',
     "2025-03-14", "metadata", "a space before the zone"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
     '"dateModified": "2025-03-16T08:00:00+00:00", "datePublished": "2025-03-14T15:42:00+05:30"}'
     '</script>',
     "2025-03-14", "metadata", "JSON-LD: datePublished, though dateModified comes first"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": '
     '"NewsArticle", "dateModified": "2025-03-16", "datePublished": "Fri, 14 Mar 2025 15:42:00 '
     '+0530"}]}</script>',
     "2025-03-14", "metadata", "JSON-LD @graph, an RFC 822 datePublished"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "dateModified": '
     '"2025-03-16T08:00:00Z"}</script><meta property="article:modified_time" '
     'content="2025-03-16T08:00:00Z">',
     None, "unknown", "only modification dates: no publication date is stated"),
]

HTML_TIMES = [
    ('<p class="meta"><time class="updated" datetime="2025-03-16T08:00:00+00:00">16 March</time> '
     '<time class="entry-date published" datetime="2025-03-14T10:00:00+00:00">14 March</time></p>',
     "2025-03-14", "metadata", "WordPress: the 'updated' time first, the 'published' one wins"),
    ('<p><time datetime="2025-03-15T00:12:00+09:00">15 March 00:12 JST</time></p>',
     "2025-03-15", "metadata", "the day where it was written, though UTC was still the 14th"),
    ('<p><time itemprop="dateModified" datetime="2025-03-16">16 March</time></p>',
     None, "unknown", "a modified time alone is no publication"),
    # no metadata at all: the stamp the page prints, read from its text as in a copied page
    ('<div class="date">Published On 14 Mar 2025</div>',
     "2025-03-14", "header", "no metadata: the printed byline stamp"),
    ('<p>Updated - March 15, 2025 07:28 am IST</p><p>Published - March 14, 2025 10:42 pm IST</p>',
     "2025-03-14", "header", "no metadata: the printed 'Published' beats the 'Updated' above it"),
    ('<span>2 hours ago</span>',
     None, "unknown", "no metadata, a relative stamp: the body's dates are events', not the publication"),
]


def _html(head: str, body_top: str = "", aside: str = "") -> bytes:
    return (f"<html><head><title>Gunmen kill 12 at a market in Maiduguri</title>{head}</head>"
            f"<body>{aside}<article>{body_top}{_BODY}</article></body></html>").encode()


@pytest.mark.parametrize("head,published,basis,why", HTML_STAMPS, ids=[s[3] for s in HTML_STAMPS])
def test_an_html_pages_metadata_date_is_the_publication(head, published, basis, why):
    from timeline.readers.html import read_html

    _assert_day(read_html(_html(head), "p.html"), published, basis)


@pytest.mark.parametrize("markup,published,basis,why", HTML_TIMES, ids=[s[3] for s in HTML_TIMES])
def test_an_html_pages_time_element_or_printed_stamp_is_the_publication(markup, published, basis,
                                                                        why):
    from timeline.readers.html import read_html

    _assert_day(read_html(_html("", markup), "p.html"), published, basis)


HTML_PRINTED = [
    ('<aside class="related"><ul><li><span class="date">12 March 2025</span> Earlier attack</li>'
     '</ul></aside>', '<div class="article-date">Published On 14 Mar 2025</div>',
     "2025-03-14", "a related story's date before the article: the article's own stamp"),
    ("", '<span class="date updated">March 15, 2025</span> <span class="date published">March 14, '
         '2025</span>',
     "2025-03-14", "the element named 'updated' first: the one named 'published' wins"),
    ("", '<p class="byline">By Jane Doe | Updated March 15, 2025 | Published March 14, 2025</p>',
     "2025-03-14", "a byline holding both labelled stamps"),
]


@pytest.mark.parametrize("aside,markup,published,why", HTML_PRINTED, ids=[s[3] for s in HTML_PRINTED])
def test_an_html_page_without_metadata_gives_its_printed_stamp(aside, markup, published, why):
    from timeline.readers.html import read_html

    _assert_day(read_html(_html("", markup, aside), "p.html"), published, "header")


def _assert_day(article, published, basis):
    day = article.published.start.isoformat() if article.published else None
    assert (day, str(article.published_basis)) == (published, basis)


# ---------------------------------------------------------------------------------------------
# Feeds and JSON/CSV dumps: the date field's value as scrapers and feeds store it.
# ---------------------------------------------------------------------------------------------

DUMP_DATES = [
    ("Fri, 14 Mar 2025 23:42:00 -0400", "2025-03-14", "RFC 822 (RSS pubDate): the publisher's day"),
    ("Fri, 14 Mar 2025 23:42:00 EDT", "2025-03-14", "RFC 822 with a named zone"),
    ("2025-03-15T00:12:00+05:30", "2025-03-15", "ISO 8601 just after midnight in India"),
    ("2025-03-14 15:42:00 +0530", "2025-03-14", "a space before the zone"),
    ("2025/03/14 15:42", "2025-03-14", "year first with slashes (Asian CMS exports)"),
    ("2025.03.14", "2025-03-14", "year first with dots (Korean pages)"),
    ("14/03/2025 15:42", "2025-03-14", "day first, unambiguous"),
    ("03/14/2025 3:42 PM", "2025-03-14", "month first, unambiguous"),
    ("14.03.2025", "2025-03-14", "German dotted"),
    ("23-04-2025 11:32 IST", "2025-04-23", "Indian dashed"),
    ("March 14, 2025 at 3:42 PM", "2025-03-14", "written month first"),
    ("Friday, 14 March 2025 - 15:42", "2025-03-14", "written day first with weekday"),
    ("20250314", "2025-03-14", "compact ISO date (GDELT's SQLDATE as a string)"),
    ("20250314153000", "2025-03-14", "compact ISO date and time (GDELT's DATEADDED)"),
    ("1710430920", "2024-03-14", "Unix seconds: the UTC day"),
]


@pytest.mark.parametrize("value,published,why", DUMP_DATES, ids=[d[2] for d in DUMP_DATES])
def test_a_dump_records_date_field(value, published, why):
    from timeline.readers.fields import FieldNames, default_fields, record_article

    record = {"text": "Police arrested two men on 3 March 2025.", "date": value}
    article = record_article(record, "dump.jsonl#1", FieldNames(**default_fields()))
    assert (article.published.start.isoformat(), str(article.published_basis)) == \
        (published, "metadata")


DUMP_FIELDS = [
    ({"source": {"name": "Reuters"}, "title": "Bomber kills 12", "publishedAt": "2025-03-14T21:42:00Z",
      "content": "A bomber killed 12 people on 3 March 2025."}, "2025-03-14", "NewsAPI's publishedAt"),
    ({"url": "https://x.example/1", "title": "Bomber kills 12", "seendate": "20250314T154500Z",
      "text": "A bomber killed 12 people on 3 March 2025."}, "2025-03-14", "GDELT DOC API's seendate"),
    ({"headline": "Bomber kills 12", "datePublished": "2025-03-14T15:42:00+01:00",
      "dateModified": "2025-03-16T08:00:00Z", "body": "A bomber killed 12 people on 3 March 2025."},
     "2025-03-14", "schema.org names: datePublished, never dateModified"),
    ({"title": "Bomber kills 12", "pubDate": "Fri, 14 Mar 2025 23:42:00 -0400",
      "text": "A bomber killed 12 people on 3 March 2025."}, "2025-03-14", "an RSS item stored as JSON"),
    ({"title": "Bomber kills 12", "updated_at": "2025-03-16T08:00:00Z",
      "text": "A bomber killed 12 people on 3 March 2025."}, None, "only a modification date: none"),
]


@pytest.mark.parametrize("record,published,why", DUMP_FIELDS, ids=[d[2] for d in DUMP_FIELDS])
def test_a_dumps_date_field_is_found_by_its_common_names(record, published, why):
    from timeline.readers.fields import FieldNames, default_fields, record_article

    article = record_article(record, "dump.jsonl#1", FieldNames(**default_fields()))
    day = article.published.start.isoformat() if article.published else None
    assert day == published


FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Security desk</title>
 <entry><title>Bomber kills 12 in Maiduguri</title><link href="https://desk.example/1"/>
  <id>tag:desk.example,2025:1</id><updated>2025-03-16T08:00:00Z</updated>
  <published>2025-03-14T23:42:00-04:00</published>
  <summary>A bomber killed 12 people on Thursday. The group attacked on 3 January 2025.</summary></entry>
 <entry><title>Police arrest two</title><link href="https://desk.example/2"/>
  <id>tag:desk.example,2025:2</id><updated>2025-03-16T08:00:00Z</updated>
  <summary>Police arrested two men on 3 March 2025.</summary></entry>
</feed>"""


def test_an_atom_entrys_published_wins_over_its_updated(tmp_path):
    from timeline.readers.feed import read

    path = tmp_path / "desk.atom"
    path.write_text(FEED)
    days = {a.source: a.published.start.isoformat() for a in read(path)}
    # the first entry's publication (its local day), the second's only stated date
    assert days == {"https://desk.example/1": "2025-03-14", "https://desk.example/2": "2025-03-16"}
