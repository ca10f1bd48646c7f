"""What the temporal tagger finds and how it resolves it: one row a case, the reason as id."""

from datetime import date

import pytest

from timeline.intervals import Interval, Precision
from timeline.temporal import Timex, tag

D = date.fromisoformat

# (text, DCT, expected span text, value, interval [start, end] or None, mod)
CASES = [
    # --- relative to the DCT, direction from the sentence's tense
    ("Bortnikov said Wednesday.", "2020-04-02", "Wednesday", "2020-04-01",
     ("2020-04-01", "2020-04-01"), None, "said-weekday-is-the-one-before-dct"),
    ("The company said Friday it would sell.", "1989-10-27", "Friday", "1989-10-27",
     ("1989-10-27", "1989-10-27"), None, "said-weekday-on-that-weekday-is-the-dct"),
    ("The minister will meet his counterpart on Tuesday.", "2020-04-02", "Tuesday", "2020-04-07",
     ("2020-04-07", "2020-04-07"), None, "future-tense-weekday-is-the-next-one"),
    ("They meet again next Tuesday.", "2020-04-02", "next Tuesday", "2020-04-07",
     ("2020-04-07", "2020-04-07"), None, "next-weekday"),
    ("The group struck last Friday.", "2020-04-03", "last Friday", "2020-03-27",
     ("2020-03-27", "2020-03-27"), None, "last-weekday-excludes-the-dct"),
    ("Two weeks ago, an offshoot confessed to an attack.", "2021-06-28", "Two weeks ago",
     "2021-06-14", ("2021-06-11", "2021-06-17"), None, "weeks-ago-is-a-day-known-to-a-week"),
    ("Earlier today, reports emerged of an arrest.", "2020-04-02", "Earlier today", "2020-04-02",
     ("2020-04-02", "2020-04-02"), None, "earlier-today-is-the-dct"),
    ("Police arrested him yesterday.", "2020-04-02", "yesterday", "2020-04-01",
     ("2020-04-01", "2020-04-01"), None, "yesterday"),
    ("Attacks rose last month.", "2021-06-28", "last month", "2021-05",
     ("2021-05-01", "2021-05-31"), None, "last-month"),
    ("Attacks fell last year.", "2021-06-28", "last year", "2020",
     ("2020-01-01", "2020-12-31"), None, "last-year"),
    ("Talks are planned for next week.", "2021-06-28", "next week", "2021-W27",
     ("2021-07-05", "2021-07-11"), None, "next-week-is-an-iso-week"),
    ("Support rose earlier this year.", "2021-06-28", "earlier this year", "2021",
     ("2021-01-01", "2021-06-28"), "START", "earlier-this-year-stops-at-the-dct"),
    ("The summit opened on 4 October 2017. The following day, delegates signed.", "2017-10-16",
     "The following day", "2017-10-05", ("2017-10-05", "2017-10-05"), None,
     "following-day-counts-from-the-last-date-named"),
    ("It is the first meeting since February 2019.", "2021-06-28", "February 2019", "2019-02",
     ("2019-02-01", "2019-02-28"), None, "since-month-year-spans-the-month-only"),
    ("In early May, a man was arrested.", "2024-06-10", "early May", "2024-05",
     ("2024-05-01", "2024-05-10"), "START", "early-month-takes-the-year-from-the-dct"),
    ("In early April 2024, Italy arrested ISIS members.", "2024-06-10", "early April 2024",
     "2024-04", ("2024-04-01", "2024-04-10"), "START", "early-month-year-narrows"),
    ("The coalition met at the end of March and agreed to act.", "2021-06-28", "the end of March",
     "2021-03", ("2021-03-21", "2021-03-31"), "END", "end-of-month-past-tense"),
    ("The newspaper reported on June 5 that ISIS released a plan.", "2024-06-10", "June 5",
     "2024-06-05", ("2024-06-05", "2024-06-05"), None, "month-day-without-year"),
    ("He was cited by police in December.", "1998-04-18", "December", "1997-12",
     ("1997-12-01", "1997-12-31"), None, "past-month-after-dct-month-is-last-year"),
    ("The dividend is payable Dec. 7.", "1989-10-27", "Dec. 7", "1989-12-07",
     ("1989-12-07", "1989-12-07"), None, "untensed-month-day-is-the-nearest"),
    ("Conseco said it is calling for the redemption on Dec. 7.", "1989-10-30", "Dec. 7",
     "1989-12-07", ("1989-12-07", "1989-12-07"), None, "present-tense-clause-takes-the-nearest"),
    ("He was arrested on Dec. 7.", "1990-10-30", "Dec. 7", "1989-12-07",
     ("1989-12-07", "1989-12-07"), None, "ed-verb-right-before-is-past"),
    ("The bank sold preferred shares on Dec. 7, it will say.", "1990-10-30", "Dec. 7",
     "1990-12-07", ("1990-12-07", "1990-12-07"), None, "ed-adjective-further-away-is-no-cue"),
    ("The Pope will celebrate Mass on Sunday, the Vatican said on Thursday.", "2013-03-15",
     "Sunday", "2013-03-17", ("2013-03-17", "2013-03-17"), None,
     "a-cue-in-another-clause-counts-less"),
    ("Putin declared March 24 a national day of mourning.", "2024-03-23", "March 24",
     "2024-03-24", ("2024-03-24", "2024-03-24"), None,
     "a-day-just-after-the-dct-in-a-past-sentence-is-the-coming-one"),
    ("He was arrested on Dec. 28.", "2021-01-05", "Dec. 28", "2020-12-28",
     ("2020-12-28", "2020-12-28"), None, "a-past-day-across-new-year"),
    ("Biden said the evacuation would be completed by Aug. 31.", "2021-08-27", "Aug. 31",
     "2021-08-31", ("2021-08-31", "2021-08-31"), None, "passive-ed-after-be-is-no-past-cue"),
    ("The Times said in an editorial on Saturday, April 25: the court erred.", "1998-04-24",
     "Saturday, April 25", "1998-04-25", ("1998-04-25", "1998-04-25"), None,
     "weekday-decides-the-year-of-a-month-day"),
    ("Sales rose from $2 million a year ago.", "1989-10-26", "a year ago", "1988",
     ("1988-01-01", "1988-12-31"), None, "money-before-a-year-ago-is-no-rate"),
    ("Sales for the full year were $6.6 billion.", "1989-11-02", "the full year", "1989",
     ("1989-01-01", "1989-12-31"), None, "the-full-year-is-the-dct-year"),
    ("Net income for the year ended Aug. 31 fell.", "1989-10-30", "the year", "P1Y", None, None,
     "the-year-ended-is-a-twelve-month-duration"),
    ("Profit rose in the third quarter.", "1989-11-02", "the third quarter", "1989-Q3",
     ("1989-07-01", "1989-09-30"), None, "quarter-takes-the-dct-year"),
    ("Visits fell this summer.", "1998-09-22", "this summer", "1998-SU",
     ("1998-06-01", "1998-08-31"), None, "this-season"),
    ("Trade grew a year ago.", "2021-06-28", "a year ago", "2020",
     ("2020-01-01", "2020-12-31"), None, "a-year-ago"),
    ("Now the group is weaker.", "2021-06-28", "Now", "PRESENT_REF", None, None,
     "now-is-present-ref-without-interval"),
    ("Militants recently moved south.", "2021-06-28", "recently", "PAST_REF", None, None,
     "recently-is-past-ref"),
    ("Police were on alert over Christmas.", "2020-06-01", "Christmas", "2019-12-25",
     ("2019-12-25", "2019-12-25"), None, "holiday-year-from-the-dct"),
    ("On 4 March the troops left. They came back the same day.", "2020-06-01", "the same day",
     "2020-03-04", ("2020-03-04", "2020-03-04"), None, "same-day-is-the-last-date-named"),
    ("On 3 October a bomb hit the worst area since 5 January. The following day, police came.",
     "2013-10-21", "The following day", "2013-10-04", ("2013-10-04", "2013-10-04"), None,
     "a-since-date-is-no-reference-for-the-following-day"),
    ("The vote had been set for Oct. 30 but was delayed.", "2013-10-21", "Oct. 30",
     "2013-10-30", ("2013-10-30", "2013-10-30"), None, "set-for-is-a-future-cue"),
    ("Troops came back the following day.", "2020-06-01", "the following day", "XXXX-XX-XX",
     None, None, "following-day-without-a-named-date-is-unknown"),
    ("He recalled the November 13 attacks in Paris.", "2020-06-01", "November 13",
     "XXXX-11-13", None, None, "month-day-naming-an-attack-has-no-year"),
    ("Since the 7 October attacks, the army has mobilised.", "2024-01-10", "the 7 October",
     "XXXX-10-07", None, None, "day-month-naming-an-attack-has-no-year"),
    ("The March 14 alliance won the vote.", "2009-06-08", "March 14", "XXXX-03-14", None, None,
     "month-day-naming-a-movement-has-no-year"),
    ("On Jan 5 the army moved.", "2020-06-01", "Jan 5", "2020-01-05",
     ("2020-01-05", "2020-01-05"), None, "abbreviated-month-without-dot"),
    # --- absolute dates
    ("hosted by the FSB in Krasnodar on 4 and 5 October 2017.", "2017-10-16",
     "4 and 5 October 2017", "2017-10-04", ("2017-10-04", "2017-10-05"), None,
     "two-days-are-one-range-at-day-precision"),
    ("The talks ran October 4-5, 2017.", "2017-10-16", "October 4-5, 2017", "2017-10-04",
     ("2017-10-04", "2017-10-05"), None, "us-order-day-range"),
    ("the November 2015 attacks in Paris", "2020-04-02", "November 2015", "2015-11",
     ("2015-11-01", "2015-11-30"), None, "month-year-never-invents-a-day"),
    ("In 1999 people voted for him.", "2020-01-01", "1999", "1999",
     ("1999-01-01", "1999-12-31"), None, "a-year-after-in-before-a-plural-noun"),
    ("He entered the country illegally in 2022.", "2024-06-10", "2022", "2022",
     ("2022-01-01", "2022-12-31"), None, "bare-year"),
    ("19:50 GMT02 April 2020", "2020-04-02", "02 April 2020", "2020-04-02",
     ("2020-04-02", "2020-04-02"), None, "date-glued-to-a-time-zone"),
    ("Status: 06/28/2021", "2021-06-28", "06/28/2021", "2021-06-28",
     ("2021-06-28", "2021-06-28"), None, "numeric-us-order"),
    ("Posted 28/06/2021", "2021-06-28", "28/06/2021", "2021-06-28",
     ("2021-06-28", "2021-06-28"), None, "numeric-day-first-order"),
    ("Posted 28/06/2021, updated 05/07/2021", "2021-07-06", "05/07/2021", "2021-07-05",
     ("2021-07-05", "2021-07-05"), None, "ambiguous-numeric-follows-the-documents-order"),
    ("Published 2017-10-30T16:06:16+00:00", "2017-10-30", "2017-10-30T16:06:16+00:00",
     "2017-10-30T16:06", ("2017-10-30", "2017-10-30"), None, "iso-timestamp"),
    ("Tension grew in the early 1990s.", "2021-06-28", "the early 1990s", "199",
     ("1990-01-01", "1993-12-31"), "START", "decade-with-mod"),
    ("Profit for the third quarter of 2020 rose.", "2021-06-28", "the third quarter of 2020",
     "2020-Q3", ("2020-07-01", "2020-09-30"), None, "quarter-of-year"),
    ("Attacks peaked in the summer of 2019.", "2021-06-28", "the summer of 2019", "2019-SU",
     ("2019-06-01", "2019-08-31"), None, "season-of-year"),
    ("In nineteen ninety-six a bomb exploded.", "1998-02-27", "nineteen ninety-six", "1996",
     ("1996-01-01", "1996-12-31"), None, "spoken-year"),
    ("Earnings will fall in the last half of 1989.", "1989-10-26", "the last half of 1989",
     "1989-H2", ("1989-07-01", "1989-12-31"), None, "last-half-of-a-year"),
    ("Demand will weaken through the first two quarters of 1990.", "1989-10-26",
     "the first two quarters of 1990", "1990-H1", ("1990-01-01", "1990-06-30"), None,
     "first-two-quarters-are-a-half"),
    # --- durations, sets and times
    ("Shares rose at mid-afternoon yesterday.", "1989-11-02", "mid-afternoon yesterday",
     "1989-11-01TAF", ("1989-11-01", "1989-11-01"), "MID", "part-of-yesterday"),
    ("Shots were heard last night.", "2020-04-02", "last night", "2020-04-01TNI",
     ("2020-04-01", "2020-04-01"), None, "last-night"),
    ("ISIS released a 56-minute audio file.", "2024-06-10", "56-minute", "PT56M", None, None,
     "minutes-duration"),
    ("The war has lasted for six years.", "2020-04-02", "six years", "P6Y", None, None,
     "years-duration"),
    ("Mosul has been liberated for almost four years.", "2021-06-28", "almost four years",
     "P4Y", None, "EQUAL_OR_LESS", "approximate-duration"),
    ("The troops stayed for several months.", "2021-06-28", "several months", "PXM", None, None,
     "vague-duration"),
    ("They lived in camps for 2 1/2 years.", "1998-02-27", "2 1/2 years", "P2Y6M", None, None,
     "half-a-unit-in-the-next-smaller-unit"),
    ("A minute and a half later, the pilot saw it.", "1998-01-14", "A minute and a half",
     "PT1M30S", None, None, "minute-and-a-half"),
    ("The talks lasted 1.5 days.", "2020-01-01", "1.5 days", "P1DT12H", None, None,
     "decimal-days"),
    ("The siege lasted 1,000 days.", "2020-01-01", "1,000 days", "P1000D", None, None,
     "thousands-separator-in-a-duration"),
    ("The raid took half an hour.", "2020-01-01", "half an hour", "PT30M", None, None,
     "half-an-hour"),
    ("Patrols run every week.", "2021-06-28", "every week", "P1W", None, None, "set"),
    ("The blast came at 4:30 a.m.", "2021-06-28", "4:30 a.m.", "2021-06-28T04:30", None, None,
     "time-of-day-alone-has-no-interval"),
]


# One row for each rule the table above does not reach, so that every rule is tried.
CASES += [
    ("The report is dated 2017-10-30.", "2017-11-01", "2017-10-30", "2017-10-30",
     ("2017-10-30", "2017-10-30"), None, "iso-date"),
    ("It was signed on October 4, 2017.", "2017-11-01", "October 4, 2017", "2017-10-04",
     ("2017-10-04", "2017-10-04"), None, "month-day-year"),
    ("They met on 4 and 5 October.", "2017-11-01", "4 and 5 October", "2017-10-04",
     ("2017-10-04", "2017-10-05"), None, "day-range-without-year"),
    ("They met October 4-5.", "2017-11-01", "October 4-5", "2017-10-04",
     ("2017-10-04", "2017-10-05"), None, "us-day-range-without-year"),
    ("Prices fell last April.", "1989-10-26", "last April", "1989-04",
     ("1989-04-01", "1989-04-30"), None, "last-month-name"),
    ("Sales peaked in the summer.", "1989-10-26", "the summer", "1989-SU",
     ("1989-06-01", "1989-08-31"), None, "season-with-the"),
    ("Revenue grew in Q3 2020.", "2021-01-10", "Q3 2020", "2020-Q3",
     ("2020-07-01", "2020-09-30"), None, "q-notation"),
    ("In the latest quarter, profit fell.", "1989-10-30", "the latest quarter", "1989-Q3",
     ("1989-07-01", "1989-09-30"), None, "latest-quarter-is-the-last-ended"),
    ("In fiscal 1988, the company earned more.", "1989-11-02", "fiscal 1988", "1988",
     ("1988-01-01", "1988-12-31"), None, "fiscal-year"),
    ("Sales will recover in early 2020.", "2019-06-01", "early 2020", "2020",
     ("2020-01-01", "2020-04-30"), "START", "early-year"),
    ("The firm was founded in '89.", "1998-01-01", "'89", "1989",
     ("1989-01-01", "1989-12-31"), None, "apostrophe-year"),
    ("It was popular in the late '70s.", "1998-01-01", "the late '70s", "197",
     ("1977-01-01", "1979-12-31"), "END", "short-decade"),
    ("Prices soared in the nineties.", "2005-01-01", "the nineties", "199",
     ("1990-01-01", "1999-12-31"), None, "decade-in-words"),
    ("Unemployment will halve by the year two thousand.", "1998-02-05",
     "the year two thousand", "2000", ("2000-01-01", "2000-12-31"), None, "year-two-thousand"),
    ("The bank failed in 1990. That year, it lost $2 billion.", "1998-02-05", "That year",
     "1990", ("1990-01-01", "1990-12-31"), None, "that-year-is-the-last-year-named"),
    ("Troops will arrive by the end of the month.", "1990-08-13", "the end of the month",
     "1990-08", ("1990-08-21", "1990-08-31"), "END", "end-of-the-month"),
    ("It was a turning point of the 20th century.", "1989-11-01", "the 20th century", "19",
     None, None, "century-has-no-interval"),
    ("He arrived the day before yesterday.", "2020-04-02", "the day before yesterday",
     "2020-03-31", ("2020-03-31", "2020-03-31"), None, "day-before-yesterday"),
    ("He leaves the day after tomorrow.", "2020-04-02", "the day after tomorrow",
     "2020-04-04", ("2020-04-04", "2020-04-04"), None, "day-after-tomorrow"),
    ("Talks broke down in July last year.", "1998-02-19", "July last year", "1997-07",
     ("1997-07-01", "1997-07-31"), None, "month-of-last-year"),
    ("Profit rose in this year's third quarter.", "1989-10-26", "this year's third quarter",
     "1989-Q3", ("1989-07-01", "1989-09-30"), None, "quarter-of-this-year"),
    ("The offer ends late next month.", "1989-10-26", "late next month", "1989-11",
     ("1989-11-21", "1989-11-30"), "END", "late-next-month"),
    ("Fighting resumed over the weekend.", "1990-08-13", "the weekend", "1990-W32-WE",
     ("1990-08-11", "1990-08-12"), None, "the-weekend-is-the-last-one"),
    ("The plant closed in 1990. Two years later, it reopened.", "1998-02-13",
     "Two years later", "1992", ("1992-01-01", "1992-12-31"), None,
     "years-later-count-from-the-year-named"),
    ("Compared with year-earlier profit of $3.8 million.", "1989-11-02", "year-earlier", "1988",
     ("1988-01-01", "1988-12-31"), None, "year-earlier-adjective"),
    ("Profit rose in the third quarter from the year-ago quarter.", "1989-11-02",
     "the year-ago quarter", "1988-Q3", ("1988-07-01", "1988-09-30"), None,
     "year-ago-period-is-the-quarter-a-year-before"),
    ("Net fell in the year-ago third quarter.", "1989-10-30", "the year-ago third quarter",
     "1988-Q3", ("1988-07-01", "1988-09-30"), None, "year-ago-named-quarter"),
    ("Shots were fired Saturday night.", "1991-02-25", "Saturday night", "1991-02-23TNI",
     ("1991-02-23", "1991-02-23"), None, "weekday-and-part-of-day"),
    ("The minister will speak this evening.", "1998-01-20", "this evening", "1998-01-20TEV",
     ("1998-01-20", "1998-01-20"), None, "part-of-today"),
    ("The blast came at 19:50 GMT.", "2020-04-02", "19:50 GMT", "2020-04-02T19:50", None, None,
     "twenty-four-hour-clock-with-zone"),
    ("The deadline is noon Friday.", "1991-02-25", "noon Friday", "1991-02-22T12:00",
     ("1991-02-22", "1991-02-22"), None, "noon-joined-to-a-day"),
    ("Islam will one day be the second largest religion.", "1998-03-03", "one day",
     "FUTURE_REF", None, None, "one-day-after-a-modal-is-the-future"),
    ("They will live without power for a while.", "1998-01-11", "a while", "PXX", None, None,
     "a-while-is-a-duration-of-no-known-unit"),
    ("The fighting went on for years.", "2020-01-01", "years", "PXY", None, None,
     "bare-plural-after-for"),
    ("Orangemen march each July.", "1998-03-22", "each July", "XXXX-07", None, None,
     "set-of-a-month"),
    ("The paper appears daily.", "1998-03-06", "daily", "P1D", None, None, "set-adverb"),
    # --- rules added from the errors of TimeBank's tuning part
    ("One person is killed. January nineteen ninety-seven. Atlanta again.", "1998-02-27",
     "January nineteen ninety-seven", "1997-01", ("1997-01-01", "1997-01-31"), None,
     "a-month-then-a-spoken-year-is-that-month"),
    ("His promise to halve unemployment by the year two thousand has been abandoned.",
     "1998-02-05", "the year two thousand", "2000", ("2000-01-01", "2000-12-31"), None,
     "the-year-two-thousand-before-a-verb-ending-in-s"),
    ("Support rose from 35 percent several years ago.", "1991-02-13", "several years ago",
     "PAST_REF", None, None, "a-vague-count-ago-is-only-the-past-not-this-decade"),
    ("The move followed the eight-year war with Iran.", "1990-08-15", "eight-year", "P8Y",
     None, None, "a-length-before-a-noun-leaves-the-article-to-the-noun"),
    ("Organisers opened the two day rally.", "1998-03-03", "two day", "P2D", None, None,
     "a-singular-length-before-a-noun-leaves-the-article-to-the-noun"),
    ("For the nine months, net rose.", "1989-10-26", "the nine months", "P9M", None, None,
     "a-length-standing-alone-keeps-its-article"),
    ("Spending fueled the third-quarter growth.", "1989-10-30", "third-quarter", "1989-Q3",
     ("1989-07-01", "1989-09-30"), None, "a-hyphenated-quarter-before-a-noun-leaves-the-article"),
    ("Women's Day is this coming Sunday, March eighth.", "1998-03-05",
     "this coming Sunday, March eighth", "1998-03-08", ("1998-03-08", "1998-03-08"), None,
     "a-spelt-out-day-after-a-month-with-its-weekday"),
    ("They meet next Tuesday, March 10.", "1998-03-05", "next Tuesday, March 10", "1998-03-10",
     ("1998-03-10", "1998-03-10"), None, "a-weekday-with-next-before-a-month-day-is-one-date"),
    ("They met on the twenty-first of February.", "1998-03-05", "the twenty-first of February",
     "1998-02-21", ("1998-02-21", "1998-02-21"), None, "a-spelt-out-day-of-a-month"),
    ("Acquisitions are to be made during the next 12 to 18 months.", "1989-10-30",
     "the next 12 to 18 months", "PXM", None, None, "a-length-between-two-bounds-is-vague"),
    ("The talks are supposed to conclude by May.", "1998-03-22", "May", "1998-05",
     ("1998-05-01", "1998-05-31"), None, "supposed-to-looks-ahead"),
    ("Over the weekend, Pentagon officials confirmed reports.", "1990-08-13", "the weekend",
     "1990-W32-WE", ("1990-08-11", "1990-08-12"), None,
     "an-untensed-weekend-read-on-a-monday-is-the-one-just-past"),
    ("Plans for the weekend are unclear.", "1990-08-16", "the weekend", "1990-W33-WE",
     ("1990-08-18", "1990-08-19"), None, "an-untensed-weekend-read-on-a-thursday-is-the-coming-one"),
    ("Stocks rose, leaving the index near its record high set on Aug. 6.", "1998-02-06",
     "Aug. 6", "1997-08-06", ("1997-08-06", "1997-08-06"), None,
     "an-irregular-simple-past-verb-is-a-past-cue"),
    ("The dividend will be paid Dec. 14 to holders of record.", "1989-10-26", "Dec. 14",
     "1989-12-14", ("1989-12-14", "1989-12-14"), None,
     "a-past-participle-after-will-be-is-no-past-cue"),
    ("The stock would be redeemed in five years.", "1989-11-02", "five years", "1994",
     ("1994-01-01", "1994-12-31"), None, "in-n-years-looking-ahead-is-that-year"),
    ("Talks will resume in two weeks.", "1989-11-02", "two weeks", "1989-W46",
     ("1989-11-13", "1989-11-19"), None, "in-n-weeks-looking-ahead-is-that-week"),
    ("Prices rose 5% in two years.", "1989-11-02", "two years", "P2Y", None, None,
     "in-n-years-in-a-past-sentence-is-a-length"),
    ("Output will be the lowest in five years.", "1989-11-02", "five years", "P5Y", None, None,
     "in-n-years-after-a-superlative-is-a-length"),
    # --- general TimeML conventions (half years, ref fallback, sets)
    ("Results for the first half were weak.", "1989-11-02", "the first half", "1989-H1",
     ("1989-01-01", "1989-06-30"), None, "a-half-in-a-past-sentence-is-the-last-begun"),
    ("The economy will grow in the first half.", "1989-11-02", "the first half", "1990-H1",
     ("1990-01-01", "1990-06-30"), None, "a-half-in-a-future-sentence-is-the-next"),
    ("The company reported first-half profit rose.", "1989-11-02", "first-half", "1989-H1",
     ("1989-01-01", "1989-06-30"), None, "a-hyphenated-half-before-a-noun-leaves-the-article"),
    ("Sales in the second half of the year will rise.", "1989-11-02",
     "the second half of the year", "1989-H2", ("1989-07-01", "1989-12-31"), None,
     "the-half-of-the-year-is-the-dcts-year"),
    ("The first half of next year looks strong.", "1989-11-02", "The first half of next year",
     "1990-H1", ("1990-01-01", "1990-06-30"), None, "a-half-of-next-year"),
    ("Sales in the 1989 third quarter rose.", "1989-11-02", "the 1989 third quarter", "1989-Q3",
     ("1989-07-01", "1989-09-30"), None, "a-year-before-a-quarter-is-one-expression"),
    ("Sales in fiscal 1990's first quarter rose.", "1989-11-02", "fiscal 1990's first quarter",
     "1990-Q1", ("1990-01-01", "1990-03-31"), None, "a-possessive-year-before-a-quarter"),
    ("Profit fell from the prior year.", "1989-11-02", "the prior year", "1988",
     ("1988-01-01", "1988-12-31"), None, "the-prior-year-before-any-date-counts-from-the-dct"),
    ("Sales rose from the year before.", "1989-11-02", "the year before", "1988",
     ("1988-01-01", "1988-12-31"), None, "the-year-before-with-no-date-named-counts-from-the-dct"),
    ("Profit in the preceding quarter was $5 million.", "1989-11-02", "the preceding quarter",
     "1989-Q3", ("1989-07-01", "1989-09-30"), None, "the-preceding-quarter-is-the-last-ended"),
    ("Profit rose from the prior-year period.", "1989-11-02", "the prior-year period", "1988",
     ("1988-01-01", "1988-12-31"), None, "prior-year-is-year-earlier"),
    ("This past week, prices rose.", "1989-11-02", "This past week", "1989-W43",
     ("1989-10-23", "1989-10-29"), None, "this-past-week-is-last-week"),
    ("The rate will be reset twice a year.", "1989-11-02", "twice a year", "P1Y", None, None,
     "n-times-a-period-is-a-set-of-that-period"),
    ("Nurses work three days a week.", "1989-11-02", "three days a week", "P1W", None, None,
     "a-length-each-period-is-a-set-of-that-period"),
    ("The panel meets every two years.", "1989-11-02", "every two years", "P2Y", None, None,
     "every-n-units-is-a-set-of-n-units"),
    ("The paper comes out every other week.", "1989-11-02", "every other week", "P2W", None,
     None, "every-other-unit-is-a-set-of-two"),
    ("The shop is closed on Sundays.", "1989-11-02", "Sundays", "XXXX-WXX-7", None, None,
     "a-plural-weekday-recurs"),
    ("Farmers march every summer.", "1989-11-02", "every summer", "XXXX-SU", None, None,
     "every-season-recurs"),
    ("Sales rose in May and June 1987.", "1989-11-02", "May", "1987-05",
     ("1987-05-01", "1987-05-31"), None, "a-month-before-and-month-year-takes-that-year"),
    ("Talks were held Oct. 30 and Nov. 1, 1987.", "1989-11-02", "Oct. 30", "1987-10-30",
     ("1987-10-30", "1987-10-30"), None, "a-month-day-before-and-month-day-year-takes-that-year"),
    ("The plan was approved in summer.", "1989-11-02", "summer", "1989-SU",
     ("1989-06-01", "1989-08-31"), None, "a-bare-season-after-in"),
    ("The plant will reopen by early spring, officials said.", "1989-11-02", "early spring",
     "1990-SP", ("1990-03-01", "1990-05-31"), "START", "a-bare-season-after-by-looking-ahead"),
    ("Profit fell from the year-earlier first half.", "1989-11-02",
     "the year-earlier first half", "1988-H1", ("1988-01-01", "1988-06-30"), None,
     "a-year-earlier-half"),
    ("Profit rose from a year or so ago.", "1989-11-02", "a year or so ago", "1988",
     ("1988-01-01", "1988-12-31"), None, "or-so-before-ago-keeps-the-date"),
    ("The market rose in 1987. That quarter, results included a charge.", "1989-11-02",
     "That quarter", "XXXX-QX", None, None, "that-quarter-points-back-and-never-at-the-dct"),
    ("Unemployment was the lowest in two decades.", "1998-02-06", "two decades", "P20Y", None,
     None, "counted-decades-are-written-in-years"),
    ("The treaty has held for a century and a half.", "1998-02-06", "a century and a half",
     "P150Y", None, None, "counted-centuries-are-written-in-years"),
    ("Analysts said the Fed should cut rates in December.", "1989-11-02", "December", "1989-12",
     ("1989-12-01", "1989-12-31"), None, "should-looks-ahead"),
    ("Analysts said the Fed might cut rates in March.", "1989-11-02", "March", "1990-03",
     ("1990-03-01", "1990-03-31"), None, "might-looks-ahead"),
    ("The euro will be launched in the year 2000.", "1998-02-06", "the year 2000", "2000",
     ("2000-01-01", "2000-12-31"), None, "the-year-before-a-year-is-that-year"),
    ("Its 1997 fiscal year ended in June.", "1998-02-06", "1997", "1997",
     ("1997-01-01", "1997-12-31"), None, "a-possessive-opening-a-sentence-is-no-name"),
    ("Its 1997 fiscal year ended in June.", "1998-02-06", "June", "1997-06",
     ("1997-06-01", "1997-06-30"), None, "a-month-takes-the-year-just-named-in-its-sentence"),
    ("He joined the firm in 1985 and became president on Oct. 19.", "1989-11-02", "Oct. 19",
     "1985-10-19", ("1985-10-19", "1985-10-19"), None,
     "a-month-day-takes-the-year-just-named-in-its-sentence"),
    ("Sales in 1988 rose. In June, the company said it would expand.", "1989-11-02", "June",
     "1989-06", ("1989-06-01", "1989-06-30"), None, "a-year-in-another-sentence-lends-nothing"),
    ("The company has lost money for five consecutive quarters.", "1989-11-02",
     "five consecutive quarters", "P5Q", None, None, "consecutive-between-count-and-unit"),
    ("They met on Jan. 5 to discuss the plan.", "1989-11-02", "Jan. 5", "1989-01-05",
     ("1989-01-05", "1989-01-05"), None, "an-irregular-participle-right-before-is-past"),
    ("The company expects to complete the sale by year-end.", "1989-11-02", "year-end",
     "1989-12-31", ("1989-12-31", "1989-12-31"), None, "by-year-end-ahead-is-this-year"),
    ("The fund had assets of $3 billion at year-end.", "1989-11-02", "year-end", "1988-12-31",
     ("1988-12-31", "1988-12-31"), None, "at-year-end-in-a-past-sentence-is-last-year"),
    ("Debt stood at $5 million at year end 1988.", "1989-11-02", "year end 1988", "1988-12-31",
     ("1988-12-31", "1988-12-31"), None, "year-end-with-its-year"),
    ("Profit rose at the end of the third quarter.", "1989-11-02",
     "the end of the third quarter", "1989-Q3", ("1989-07-01", "1989-09-30"), "END",
     "the-end-of-joins-a-quarter-and-sets-its-mod"),
    ("Prices fell at the beginning of the summer.", "1989-11-02", "the beginning of the summer",
     "1989-SU", ("1989-06-01", "1989-08-31"), "START", "the-beginning-of-joins-a-season"),
    ("The trial resumes Monday.", "1989-11-02", "Monday", "1989-11-06",
     ("1989-11-06", "1989-11-06"), None, "a-scheduling-verb-in-the-present-looks-ahead"),
    ("Talks begin in March.", "1989-11-02", "March", "1990-03", ("1990-03-01", "1990-03-31"),
     None, "a-plural-scheduling-verb-in-the-present-looks-ahead"),
    ("The talks began Monday.", "1989-11-02", "Monday", "1989-10-30",
     ("1989-10-30", "1989-10-30"), None, "the-same-verb-in-the-past-looks-back"),
    ("Inspectors left in mid-November but returned a week later.", "1989-11-02",
     "a week later", "XXXX-XX-XX", None, None, "later-after-a-coarse-date-is-not-counted-from-the-dct"),
    ("Inspectors left on Oct. 12 but returned a week later.", "1989-11-02", "a week later",
     "1989-10-19", ("1989-10-19", "1989-10-19"), None, "later-counts-from-the-day-named"),
    ("The merger follows months of twists and turns.", "1989-10-27", "months", "PXM", None,
     None, "a-bare-plural-unit-is-a-vague-duration-wherever-it-stands"),
    ("He probably died within weeks or months of his capture.", "1998-02-19",
     "weeks or months", "PXW", None, None, "two-bare-units-joined-by-or-are-one-duration"),
    ("The month-long strike ended.", "1989-11-02", "month-long", "P1M", None, None,
     "a-unit-long-before-a-noun-is-a-duration"),
    ("It followed a year-long probe.", "1989-11-02", "year-long", "P1Y", None, None,
     "the-article-before-unit-long-is-the-nouns"),
    ("The decades-long feud ended.", "1989-11-02", "decades-long", "PXDE", None, None,
     "plural-unit-long-is-vague"),
    ("He served a quarter-century in office.", "1989-11-02", "a quarter-century", "P25Y", None,
     None, "a-quarter-century-is-25-years-not-a-quarter"),
    ("They met for a full year.", "1989-11-02", "a full year", "P1Y", None, None,
     "full-between-count-and-unit"),
    ("It was a two-and-a-half-year effort.", "1989-11-02", "two-and-a-half-year", "P2Y6M",
     None, None, "a-hyphenated-half-before-a-unit"),
    ("The talks will take another year.", "1989-11-02", "another year", "P1Y", None, None,
     "another-unit-is-one-more"),
    ("The attack came late Friday night.", "1989-11-02", "late Friday night", "1989-10-27TNI",
     ("1989-10-27", "1989-10-27"), "END", "late-before-a-weekday-part-joins-it"),
    ("From 1980 to the present, costs rose.", "1989-11-02", "the present", "PRESENT_REF", None,
     None, "the-present-standing-alone-is-present-ref"),
]


def _find(timexes: list[Timex], text: str) -> Timex:
    found = [t for t in timexes if t.text == text]
    assert found, f"{text!r} not found in {[t.text for t in timexes]}"
    return found[0]


@pytest.mark.parametrize(
    "text,dct,span,value,interval,mod", [c[:6] for c in CASES], ids=[c[6] for c in CASES]
)
def test_resolves(text, dct, span, value, interval, mod):
    t = _find(tag(text, D(dct)), span)
    assert t.value == value
    if value.startswith(("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "PX", "PT")):
        assert t.type in ("DURATION", "SET")  # a length is never typed as a date
    assert t.mod == mod
    if interval is None:
        assert t.interval is None
    else:
        assert t.interval is not None
        assert t.interval.iso() == interval


# Texts with numbers or words that must not become dates: (text, DCT, reason).
TRAPS = [
    ("Security Council resolution 2354 (2017) was adopted.", "2017-10-16", "resolution-number"),
    ("He recalled resolution 2322 (2016) on cooperation.", "2017-10-16", "resolution-bracketed-year"),
    ("Tickets cost $80 and drinks $14.", "2020-04-02", "money"),
    ("ISIS-K Capable Of Launching Operations", "2024-06-10", "isis-k"),
    ("We are receiving intelligence.", "2020-04-02", "we-is-not-a-date"),
    ("The 9/11 attacks changed everything.", "2021-06-28", "nine-eleven-as-a-name"),
    ("More than 2000 people fled.", "2021-06-28", "count-of-people"),
    ("A 50-year-old man was arrested.", "2021-06-28", "age"),
    ("Attended by over 330 delegates from 75 States.", "2017-10-16", "counts"),
    ("As the Euro 2024 approaches, concerns grow.", "2024-06-10", "competition-name"),
    ("Prime Minister Theresa May said so.", "2019-01-10", "a-name-that-is-a-month"),
    ("Mrs. May said so.", "2019-01-10", "a-name-after-a-title"),
    ("The protesters may march tomorrow.", None, "modal-may-and-verb-march"),
    ("Security was tightened after the September 11 attacks.", "2021-09-12", "september-11-as-a-name"),
    ("He met Jan Egeland in Oslo.", "2021-09-12", "jan-as-a-name"),
    ("Windows 10, the iPhone 12, a Boeing 737, Article 5 and Vision 2030.", "2021-09-12",
     "product-and-document-numbers"),
    ("It pays a dividend of $1.76 a year.", "1989-10-26", "money-rate"),
    ("A second attack and a quarter of the vote.", "2021-06-28", "ordinal-and-fraction"),
    ("In the first half of the century, he wrote plays.", "1989-11-02", "half-of-a-century"),
    ("He scored in the second half of the game.", "1989-11-02", "half-of-a-game"),
    ("He spent time in winter quarters.", "1989-11-02", "a-season-before-a-noun"),
    ("Profit fell as year-end net was restated.", "1989-11-02", "year-end-as-a-modifier"),
    ("The present system is bad.", "1989-11-02", "the-present-as-an-adjective"),
    ("The boy, five years old, was hurt; the crew logged 900 man-hours.", "1989-11-02",
     "an-age-and-a-compound-unit-are-no-durations"),
]


# Real expressions a trap text also holds: only these may be found.
TRAP_REAL = {"modal-may-and-verb-march": ["tomorrow"]}


@pytest.mark.parametrize("text,dct,reason", TRAPS, ids=[t[2] for t in TRAPS])
def test_no_false_dates(text, dct, reason):
    found = tag(text, D(dct) if dct else None)
    assert [t.text for t in found] == TRAP_REAL.get(reason, [])


@pytest.mark.parametrize("dct", [D("2000-01-01"), None], ids=["with-dct", "without-dct"])
def test_a_day_no_month_has_is_not_a_date(dct):
    assert tag("They met on 30 Feb and 31 April, and on 31 April 2020.", dct) == []


def test_nine_eleven_with_a_year_is_a_date():
    assert [t.value for t in tag("Flights resumed on 9/11/2001.", D("2001-10-01"))] == ["2001-09-11"]


@pytest.mark.parametrize(
    "text,value",
    [
        ("Bortnikov said Wednesday.", "XXXX-WXX-3"),
        ("In early May, a man was arrested.", "XXXX-05"),
        ("Police arrested him yesterday.", "XXXX-XX-XX"),
        ("Attacks rose last month.", "XXXX-XX"),
    ],
    ids=["weekday", "month", "yesterday", "last-month"],
)
def test_without_dct_relative_dates_keep_their_xs(text, value):
    [t] = tag(text, None)
    assert t.value == value
    assert t.interval is None


def test_offsets_are_exact_with_non_breaking_spaces_and_non_ascii():
    text = "Le général a dit: «\u00a0Déjà\u00a0» — on 4\u00a0October\u00a02017 in Krasnodar; Ñandú ✓ 😀 and in 2019."
    found = tag(text, D("2017-10-16"))
    for t in found:
        assert text[t.start:t.end] == t.text
    assert [t.text for t in found] == ["4\u00a0October\u00a02017", "2019"]
    assert found[0].interval.iso() == ("2017-10-04", "2017-10-04")


def test_results_are_sorted_and_do_not_overlap():
    text = "On Monday, 16 October 2017, a year after the 2016 attacks, talks began at 10 a.m."
    found = tag(text, D("2017-10-16"))
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_to_json_shape():
    [t] = tag("It happened in November 2015.", D("2020-04-02"))
    assert t.to_json() == {"start": 15, "end": 28, "text": "November 2015", "type": "DATE",
                           "value": "2015-11", "mod": None,
                           "interval": ["2015-11-01", "2015-11-30"]}
    assert t.interval.precision is Precision.MONTH


@pytest.mark.parametrize("code,iso", [("SP", ("2020-03-01", "2020-05-31")),
                                      ("WI", ("2020-12-01", "2021-02-28"))],
                         ids=["spring", "winter-runs-into-the-next-year"])
def test_season_interval(code, iso):
    iv = Interval.season(2020, code)
    assert iv.iso() == iso and iv.precision is Precision.SEASON
