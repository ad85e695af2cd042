# ruff: noqa: E501  (the tables keep one case per line)
"""Table tests for the temporal tagger (extractor.temporal): span, TIMEX3 type and value.

Every sentence here was written for this table. Unless a case says otherwise the publication date (DCT) is
2025-10-30, a Thursday in ISO week 2025-W44. Expected values follow TimeML / TempEval-3 conventions as described
in extractor/temporal/normalize.py. Known misses are strict xfails: a fix makes them fail loudly so they get
promoted to plain cases.

Each case is (text, dct, span, type, value): the tagger must return an expression whose text is exactly
``span`` with that type and value. For traps, type is None: no expression may overlap ``span``.
"""

from __future__ import annotations

import pytest

from extractor.temporal import TemporalTagger, Timex

DCT = "2025-10-30"

# fmt: off
CASES = [
    # ---- explicit calendar dates
    ("iso-date", "The order was signed 2025-10-26 in Moscow.", DCT, "2025-10-26", "DATE", "2025-10-26"),
    ("iso-datetime", "Logged at 2025-10-30T06:12Z by the tracker.", DCT, "2025-10-30T06:12Z", "TIME", "2025-10-30T06:12"),
    ("us-slash-date", "The permit dated 10/26/2025 was posted.", DCT, "10/26/2025", "DATE", "2025-10-26"),
    ("dmy-slash-date", "The notice dated 26/10/2025 was posted.", DCT, "26/10/2025", "DATE", "2025-10-26"),
    ("dmy-dot-date", "The notice dated 26.10.2025 was posted.", DCT, "26.10.2025", "DATE", "2025-10-26"),
    ("notam-compact", "NOTAM valid from 26OCT2025 until further notice.", DCT, "26OCT2025", "DATE", "2025-10-26"),
    ("long-tail-dmy-hyphen", "The order dated 26-Oct-2025 was leaked.", DCT, "26-Oct-2025", "DATE", "2025-10-26"),
    ("long-tail-mdy-hyphen", "The log entry reads Oct-26-2025.", DCT, "Oct-26-2025", "DATE", "2025-10-26"),
    ("long-tail-dotted-ymd", "Logged 2025.10.26 at the base.", DCT, "2025.10.26", "DATE", "2025-10-26"),
    ("month-day-year", "The airlift began on October 26, 2025.", DCT, "October 26, 2025", "DATE", "2025-10-26"),
    ("abbr-month-day-year", "The airlift began on Oct. 26, 2024.", DCT, "Oct. 26, 2024", "DATE", "2024-10-26"),
    ("day-month-year", "The airlift began on 26 October 2023.", DCT, "26 October 2023", "DATE", "2023-10-26"),
    ("ordinal-of-month-year", "It began on the 26th of October, 2023.", DCT, "the 26th of October, 2023", "DATE", "2023-10-26"),
    ("weekday-month-day-year", "It landed on Monday, Oct. 26, 1998.", DCT, "Monday, Oct. 26, 1998", "DATE", "1998-10-26"),
    ("seed-on-october-26", "On October 26, a Russian Il-76 flew from Benghazi.", DCT, "October 26", "DATE", "2025-10-26"),
    ("seed-since-october-24", "Flights have continued since October 24.", DCT, "October 24", "DATE", "2025-10-24"),
    ("since-month-is-past", "Since March, the jet has flown to Istanbul 11 times.", "2024-12-05", "March", "DATE", "2024-03"),
    ("sept-abbr", "Deliveries were completed by Sept. 30.", DCT, "Sept. 30", "DATE", "2025-09-30"),
    ("day-month", "A second Il-62M arrived on 27 October.", DCT, "27 October", "DATE", "2025-10-27"),
    ("ordinal-day", "The crew returned on October 28th.", DCT, "October 28th", "DATE", "2025-10-28"),
    ("weekday-comma-date", "It departed on Friday, Oct. 24.", DCT, "Friday, Oct. 24", "DATE", "2025-10-24"),
    ("future-month-day", "The squadron will redeploy on Nov. 12.", DCT, "Nov. 12", "DATE", "2025-11-12"),
    ("past-month-day-last-year", "The base was hit on Dec. 12, officials recalled.", DCT, "Dec. 12", "DATE", "2024-12-12"),
    ("next-week-deadline", "Officials said the crews must leave by Nov. 3.", DCT, "Nov. 3", "DATE", "2025-11-03"),
    ("january-future", "The exercise will start on Jan. 5.", "2025-12-20", "Jan. 5", "DATE", "2026-01-05"),
    ("day-of-month", "The convoy is due back on the 4th.", DCT, "the 4th", "DATE", "2025-11-04"),
    ("day-of-month-before-a-clock", "It touched down on the 4th shortly before noon.", DCT, "the 4th", "DATE", "2025-10-04"),
    ("week-of", "Talks resume the week of Nov. 10.", DCT, "the week of Nov. 10", "DATE", "2025-W46"),
    # ---- ranges
    ("range-hyphen", "The air show runs Feb 21-22 at Zhuhai.", DCT, "Feb 21-22", "DATE", "2026-02-21"),
    ("range-hyphen-year", "The drill ran Feb 21-22, 2025 near Kaliningrad.", DCT, "Feb 21-22, 2025", "DATE", "2025-02-21"),
    ("range-between-day-first", "Between 6 and 9 May, three An-124s flew in.", "2025-05-20", "6 and 9 May", "DATE", "2025-05-06"),
    ("range-between", "The flights took place between Oct. 21 and 22.", DCT, "Oct. 21 and 22", "DATE", "2025-10-21"),
    ("range-cross-month", "The deployment lasted October 30-November 2, 2024.", DCT, "October 30-November 2, 2024", "DATE", "2024-10-30"),
    ("range-day-first", "Exercises were held 21-22 October.", DCT, "21-22 October", "DATE", "2025-10-21"),
    # ---- months
    ("month-only-past", "In March the jets flew to Hmeimim.", DCT, "March", "DATE", "2025-03"),
    ("month-year", "They returned in March 2024.", DCT, "March 2024", "DATE", "2024-03"),
    ("month-abbr-year", "They returned in Oct. 2023.", DCT, "Oct. 2023", "DATE", "2023-10"),
    ("month-of-year", "The base opened in October of 2015.", DCT, "October of 2015", "DATE", "2015-10"),
    ("month-last-year", "The runway was repaved in June last year.", DCT, "June last year", "DATE", "2024-06"),
    ("month-this-year", "The runway was repaved in January this year.", DCT, "January this year", "DATE", "2025-01"),
    ("last-month-name", "The tanker crashed last April.", DCT, "last April", "DATE", "2025-04"),
    ("next-month-name", "The contract expires next March.", DCT, "next March", "DATE", "2026-03"),
    ("month-future", "A further rotation is planned for December.", DCT, "December", "DATE", "2025-12"),
    ("month-past-far", "The hangar burned down in December.", DCT, "December", "DATE", "2024-12"),
    ("early-month", "The first batch arrived in early September.", DCT, "early September", "DATE", "2025-09"),
    ("late-month", "The unit left in late August.", DCT, "late August", "DATE", "2025-08"),
    ("mid-month", "Repairs are due by mid-November.", DCT, "mid-November", "DATE", "2025-11"),
    ("end-of-month", "By the end of November the base will close.", DCT, "the end of November", "DATE", "2025-11"),
    # ---- years, decades, centuries
    ("year", "The base was built in 1998.", DCT, "1998", "DATE", "1998"),
    ("year-since", "It has been in service since 2014.", DCT, "2014", "DATE", "2014"),
    ("fiscal-year", "Spending rose in fiscal 2024.", DCT, "fiscal 2024", "DATE", "2024"),
    ("year-range", "The 2021-22 rotation ended early.", DCT, "2021-22", "DATE", "2021"),
    ("mid-year", "The upgrade is expected by mid-2026.", DCT, "mid-2026", "DATE", "2026"),
    ("post-year", "Only post-2014 airframes were upgraded.", DCT, "post-2014", "DATE", "2014"),
    ("decade", "The fleet dates from the 1990s.", DCT, "the 1990s", "DATE", "199"),
    ("decade-apostrophe", "The design goes back to the '80s.", DCT, "the '80s", "DATE", "198"),
    ("early-decade", "It was built in the early 1980s.", DCT, "the early 1980s", "DATE", "198"),
    ("century-ordinal", "The 20th century saw the first airlifts.", DCT, "The 20th century", "DATE", "19"),
    ("century-word", "It is a relic of the nineteenth century.", DCT, "the nineteenth century", "DATE", "18"),
    ("this-century", "It is the largest airlift this century.", DCT, "this century", "DATE", "20"),
    # ---- seasons, quarters, halves
    ("this-summer", "The base was expanded this summer.", DCT, "this summer", "DATE", "2025-SU"),
    ("last-winter", "Flights stopped last winter.", DCT, "last winter", "DATE", "2024-WI"),
    ("next-spring", "Deliveries resume next spring.", DCT, "next spring", "DATE", "2026-SP"),
    ("season-year", "The fighters arrived in summer 2024.", DCT, "summer 2024", "DATE", "2024-SU"),
    ("in-the-spring", "The survey is planned for the spring.", DCT, "the spring", "DATE", "2026-SP"),
    ("third-quarter", "Deliveries fell in the third quarter.", DCT, "the third quarter", "DATE", "2025-Q3"),
    ("quarter-adjective", "Airbus reported third-quarter deliveries.", DCT, "third-quarter", "DATE", "2025-Q3"),
    ("fourth-quarter-reported-in-q1", "Boeing reported fourth-quarter losses.", "2025-02-10", "fourth-quarter", "DATE", "2024-Q4"),
    ("quarter-of-year", "Sales rose in the first quarter of 2024.", DCT, "the first quarter of 2024", "DATE", "2024-Q1"),
    ("q-notation", "Output rose in Q3 2024.", DCT, "Q3 2024", "DATE", "2024-Q3"),
    ("this-quarter", "More deliveries are expected this quarter.", DCT, "this quarter", "DATE", "2025-Q4"),
    ("last-quarter", "Deliveries slipped last quarter.", DCT, "last quarter", "DATE", "2025-Q3"),
    ("first-half", "Orders doubled in the first half of 2025.", DCT, "the first half of 2025", "DATE", "2025-H1"),
    ("second-half-this-year", "Deliveries resume in the second half of this year.", DCT, "the second half of this year", "DATE", "2025-H2"),
    # ---- weeks, weekends, relative units
    ("this-week", "Two Il-76s landed this week.", DCT, "this week", "DATE", "2025-W44"),
    ("last-week", "Two Il-76s landed last week.", DCT, "last week", "DATE", "2025-W43"),
    ("next-week", "Two Il-76s will land next week.", DCT, "next week", "DATE", "2025-W45"),
    ("past-week", "Traffic grew over the past week.", DCT, "the past week", "DURATION", "P1W"),
    ("this-weekend", "More flights are expected this weekend.", DCT, "this weekend", "DATE", "2025-W44-WE"),
    ("last-weekend", "Three flights landed last weekend.", DCT, "last weekend", "DATE", "2025-W43-WE"),
    ("the-weekend-past", "Three flights landed over the weekend.", DCT, "the weekend", "DATE", "2025-W43-WE"),
    ("the-weekend-monday", "Three flights landed over the weekend.", "2025-10-27", "the weekend", "DATE", "2025-W43-WE"),
    ("last-year", "Last year the base was expanded.", DCT, "Last year", "DATE", "2024"),
    ("this-year", "The base will be expanded this year.", DCT, "this year", "DATE", "2025"),
    ("next-year", "The base will be expanded next year.", DCT, "next year", "DATE", "2026"),
    ("last-month", "The base was expanded last month.", DCT, "last month", "DATE", "2025-09"),
    ("this-month", "The base was expanded this month.", DCT, "this month", "DATE", "2025-10"),
    ("next-month", "The base will be expanded next month.", DCT, "next month", "DATE", "2025-11"),
    ("past-year", "The squadron flew 300 sorties in the past year.", DCT, "the past year", "DURATION", "P1Y"),
    ("current-year", "Spending will rise in the current year.", DCT, "the current year", "DATE", "2025"),
    ("last-year-possessive", "Last year's rotation was shorter.", DCT, "Last year", "DATE", "2024"),
    ("earlier-this-month", "Flights resumed earlier this month.", DCT, "earlier this month", "DATE", "2025-10"),
    ("later-this-year", "A second batch arrives later this year.", DCT, "later this year", "DATE", "2025"),
    ("early-next-year", "The contract ends early next year.", DCT, "early next year", "DATE", "2026"),
    ("end-of-the-year", "The base closes by the end of the year.", DCT, "the end of the year", "DATE", "2025"),
    ("year-end", "The jets are due by year-end.", DCT, "year-end", "DATE", "2025"),
    # ---- deictic days and parts of day
    ("today", "The ministry confirmed the flight today.", DCT, "today", "DATE", "2025-10-30"),
    ("yesterday", "The aircraft landed yesterday.", DCT, "yesterday", "DATE", "2025-10-29"),
    ("tomorrow", "The aircraft will leave tomorrow.", DCT, "tomorrow", "DATE", "2025-10-31"),
    ("day-before-yesterday", "It left the day before yesterday.", DCT, "the day before yesterday", "DATE", "2025-10-28"),
    ("tonight", "A second jet is due tonight.", DCT, "tonight", "TIME", "2025-10-30TNI"),
    ("last-night", "A second jet landed last night.", DCT, "last night", "TIME", "2025-10-29TNI"),
    ("this-morning", "The An-124 took off this morning.", DCT, "this morning", "TIME", "2025-10-30TMO"),
    ("yesterday-afternoon", "It touched down yesterday afternoon.", DCT, "yesterday afternoon", "TIME", "2025-10-29TAF"),
    ("weekday-night", "The convoy moved on Wednesday night.", DCT, "Wednesday night", "TIME", "2025-10-29TNI"),
    ("weekday-morning-future", "It will depart on Saturday morning.", DCT, "Saturday morning", "TIME", "2025-11-01TMO"),
    # ---- weekdays
    ("weekday-past", "The Il-76 landed at Hmeimim on Wednesday.", DCT, "Wednesday", "DATE", "2025-10-29"),
    ("weekday-future", "The Il-76 will land at Hmeimim on Wednesday.", DCT, "Wednesday", "DATE", "2025-11-05"),
    ("weekday-past-before-and-will", "Two Mi-17s flew to Nepalgunj on Wednesday and will carry supplies.", DCT,
     "Wednesday", "DATE", "2025-10-29"),
    ("weekday-future-after-and", "The crew rested, and the Il-76 will fly home on Wednesday.", DCT, "Wednesday",
     "DATE", "2025-11-05"),
    ("weekday-said", "The ministry said Monday that two jets had landed.", DCT, "Monday", "DATE", "2025-10-27"),
    ("weekday-may-have", "A C-130 may also have flown deportees to Chetumal on Friday.", DCT, "Friday",
     "DATE", "2025-10-24"),
    ("weekday-purpose-after", "Four F-16s landed at Siauliai on Monday to begin a rotation.", DCT, "Monday",
     "DATE", "2025-10-27"),
    ("weekday-may-fly", "A C-130 may fly deportees to Chetumal on Friday.", DCT, "Friday", "DATE",
     "2025-10-31"),
    ("weekday-future-before-reporting-clause", "The jet is scheduled to fly back on Wednesday, Aguirre added.",
     DCT, "Wednesday", "DATE", "2025-11-05"),
    ("weekday-future-before-a-participle-phrase", "A KC-330 will leave Gimhae Air Base in Busan for Manila on Saturday, loaded with armored vehicles.", DCT, "Saturday", "DATE", "2025-11-01"),
    ("weekday-future-carrying-an-ed-adjective", "Fiji Airways said it would operate an extra flight from Sydney on Saturday carrying donated supplies.", DCT, "Saturday", "DATE", "2025-11-01"),
    ("weekday-was-planned-is-ahead", "He said a second flight was planned from Dhaka to Sylhet on Saturday.", DCT, "Saturday", "DATE", "2025-11-01"),
    ("weekday-is-due-at", "A KC-135R from RAF Mildenhall is due at Amari on Monday.", DCT, "Monday", "DATE", "2025-11-03"),
    ("weekday-set-for", "The return flight to Seongnam is set for Saturday morning.", DCT, "Saturday morning", "TIME", "2025-11-01TMO"),
    ("weekday-should-continue", "The aircraft should continue to Al Dhafra on Saturday.", DCT, "Saturday",
     "DATE", "2025-11-01"),
    ("weekday-scheduled-before-a-once-clause",
     "The crews were scheduled to fly the Y-20s back on Friday once the cargo had been handed over.", DCT,
     "Friday", "DATE", "2025-10-31"),
    ("weekday-would-before-an-if-clause",
     "Two C-130Js would fly to Mitiga on Friday if the airport stayed open.", DCT, "Friday", "DATE",
     "2025-10-31"),
    ("weekday-past-before-reporting-clause", "The jet flew back on Wednesday, officials said.", DCT, "Wednesday",
     "DATE", "2025-10-29"),
    ("weekday-past-before-an-expected-participle",
     "Four B-52Hs landed at RAF Fairford in western England on Tuesday for a rotation expected to last "
     "weeks, the command said.", DCT, "Tuesday", "DATE", "2025-10-28"),
    ("weekday-due-to-fly", "A flight plan filed on Sunday has the jet due to fly to Tehran on Wednesday.", DCT,
     "Wednesday", "DATE", "2025-11-05"),
    ("weekday-same-day", "The ministry said Thursday that it would not comment.", DCT, "Thursday", "DATE", "2025-10-30"),
    ("weekday-expected", "The jets are expected to arrive Saturday.", DCT, "Saturday", "DATE", "2025-11-01"),
    ("weekday-appeared-to", "A US Air Force RC-135V appeared to arrive at Souda Bay on Tuesday.", DCT, "Tuesday", "DATE", "2025-10-28"),
    ("weekday-appeared-to-be", "Spotters saw what appeared to be a C-17 landing at Powidz on Sunday.", DCT, "Sunday",
     "DATE", "2025-10-26"),
    ("weekday-is-to-be", "The C-17 is to be flown to Powidz on Sunday.", DCT, "Sunday", "DATE", "2025-11-02"),
    ("weekday-since-present-perfect", "Since Wednesday the Chinooks have flown 14 sorties.", "2025-07-28", "Wednesday",
     "DATE", "2025-07-23"),
    ("weekday-plans-to", "The air force plans to resume flights on Tuesday.", DCT, "Tuesday", "DATE", "2025-11-04"),
    ("weekday-possessive", "Sunday's flight was tracked by radar.", DCT, "Sunday", "DATE", "2025-10-26"),
    ("weekday-planned-to-before", "The crew planned to leave Hmeimim on Thursday.", "2025-10-29", "Thursday", "DATE", "2025-10-30"),
    ("weekday-planned-to-after", "On Friday, the ministry planned to expand the base.", "2025-10-29", "Friday", "DATE", "2025-10-24"),
    ("weekday-could-be", "The pilots could not be reached Wednesday.", DCT, "Wednesday", "DATE", "2025-10-29"),
    ("last-friday", "It crashed last Friday.", DCT, "last Friday", "DATE", "2025-10-24"),
    ("last-weekday-not-yesterday", "It flew last Wednesday.", DCT, "last Wednesday", "DATE", "2025-10-22"),
    ("next-tuesday", "The talks resume next Tuesday.", DCT, "next Tuesday", "DATE", "2025-11-04"),
    ("this-friday", "The talks resume this Friday.", DCT, "this Friday", "DATE", "2025-10-31"),
    ("weekday-next-week", "The talks resume Tuesday next week.", DCT, "Tuesday next week", "DATE", "2025-11-04"),
    ("early-weekday", "The jets left early Tuesday.", DCT, "early Tuesday", "DATE", "2025-10-28"),
    ("earlier-weekday", "Earlier Sunday, a drone was shot down.", DCT, "Earlier Sunday", "DATE", "2025-10-26"),
    # ---- holidays
    ("christmas-future", "The base will close over Christmas.", DCT, "Christmas", "DATE", "2025-12-25"),
    ("victory-day", "Flypasts were held on Victory Day.", DCT, "Victory Day", "DATE", "2025-05-09"),
    ("thanksgiving", "Troops will be home for Thanksgiving.", DCT, "Thanksgiving", "DATE", "2025-11-27"),
    ("easter-year", "The airport reopened at Easter 2024.", DCT, "Easter 2024", "DATE", "2024-03-31"),
    # ---- anchored offsets
    ("ago-days", "The Tu-154 crashed two days ago.", DCT, "two days ago", "DATE", "2025-10-28"),
    ("ago-year", "A year ago the base was empty.", DCT, "A year ago", "DATE", "2024"),
    ("ago-months", "The runway was damaged three months ago.", DCT, "three months ago", "DATE", "2025-07"),
    ("ago-weeks", "The runway was damaged two weeks ago.", DCT, "two weeks ago", "DATE", "2025-W42"),
    ("from-now", "The base will reopen a year from now.", DCT, "a year from now", "DATE", "2026"),
    ("later-anchored", "On October 20 an An-26 landed. Two days later it left.", DCT, "Two days later", "DATE", "2025-10-22"),
    ("day-before-anchored", "On October 20 an An-26 left. The day before, it was refuelled.", DCT, "The day before", "DATE", "2025-10-19"),
    ("next-day-anchored", "It landed on Oct. 12. The next day it flew on to Libya.", DCT, "The next day", "DATE", "2025-10-13"),
    ("following-week-anchored", "It landed on Oct. 12. The following week it flew on.", DCT, "The following week", "DATE", "2025-W42"),
    ("that-day-anchored", "It landed on Oct. 12. Later that day it flew on.", DCT, "Later that day", "DATE", "2025-10-12"),
    ("a-day-earlier", "The jet left on Oct. 12. A day earlier, it had been refuelled.", DCT, "A day earlier", "DATE", "2025-10-11"),
    ("weeks-ago-vague", "Several weeks ago the base went quiet.", DCT, "Several weeks ago", "DATE", "PAST_REF"),
    ("about-years-ago", "The base closed about two years ago.", DCT, "about two years ago", "DATE", "2023"),
    # ---- references
    ("for-now", "For now, the base is quiet.", DCT, "now", "DATE", "PRESENT_REF"),
    ("currently", "Six jets are currently based there.", DCT, "currently", "DATE", "PRESENT_REF"),
    ("recently", "The runway was recently extended.", DCT, "recently", "DATE", "PAST_REF"),
    ("in-the-past", "In the past, the base hosted bombers.", DCT, "the past", "DATE", "PAST_REF"),
    ("soon", "The jets will leave soon.", DCT, "soon", "DATE", "FUTURE_REF"),
    ("soon-afterwards", "It landed in Nuuk soon afterwards.", DCT, "soon", None, None),
    ("shortly-thereafter", "Shortly thereafter it left.", DCT, "Shortly", None, None),
    ("shortly-alone", "The jet will leave shortly.", DCT, "shortly", None, None),
    ("early-part-of-the-day-after-in", "On Tuesday it landed in the early afternoon.", DCT, "the early afternoon", "TIME", "2025-10-28TAF"),
    ("vague-unit-after-in", "The jet has not moved in weeks.", DCT, "weeks", "DURATION", "PXW"),
    ("a-night-stop", "It landed after a night stop at Souda Bay.", DCT, "a night", None, None),
    ("a-speed-is-no-frequency", "Winds of 195 kilometres (121 miles) per hour hit the base.", DCT, "per hour", None, None),
    ("annual-adjective", "The annual exercise began.", DCT, "annual", "SET", "P1Y"),
    ("no-expression-across-a-line-break", "Thread posted 18 Jun\n\n1/ Busy night.", DCT, "18 Jun", "DATE", "2025-06-18"),
    ("near-future", "More flights are expected in the near future.", DCT, "the near future", "DATE", "FUTURE_REF"),
    ("recent-years", "The base has grown in recent years.", DCT, "recent years", "DATE", "PAST_REF"),
    ("recent-days", "Traffic has picked up in recent days.", DCT, "recent days", "DATE", "PAST_REF"),
    ("to-date", "It is the largest airlift to date.", DCT, "to date", "DATE", "PRESENT_REF"),
    ("next-decade", "The fleet will be replaced in the next decade.", DCT, "the next decade", "DATE", "203"),
    ("past-decade", "The fleet shrank over the past decade.", DCT, "the past decade", "DURATION", "P1DE"),
    ("four-decades", "The tanker has flown for almost four decades.", DCT, "almost four decades", "DURATION", "P4DE"),
    ("one-day-future", "The base could one day host bombers.", DCT, "one day", "DATE", "FUTURE_REF"),
    # ---- durations
    ("six-month-hiatus", "Flights resumed after a six-month hiatus.", DCT, "six-month", "DURATION", "P6M"),
    ("three-hours", "The flight took three hours.", DCT, "three hours", "DURATION", "PT3H"),
    ("digits-months", "The repair took 18 months.", DCT, "18 months", "DURATION", "P18M"),
    ("two-weeks", "The crew stayed for two weeks.", DCT, "two weeks", "DURATION", "P2W"),
    ("a-decade", "The base was idle for a decade.", DCT, "a decade", "DURATION", "P1DE"),
    ("half-hour", "The refuelling lasted half an hour.", DCT, "half an hour", "DURATION", "PT30M"),
    ("two-and-half-years", "The upgrade took two and a half years.", DCT, "two and a half years", "DURATION", "P2Y6M"),
    ("compound-duration", "The flight lasted two hours and 30 minutes.", DCT, "two hours and 30 minutes", "DURATION", "PT2H30M"),
    ("twenty-four-hours", "The base was on alert for twenty-four hours.", DCT, "twenty-four hours", "DURATION", "PT24H"),
    ("several-years", "The base was abandoned for several years.", DCT, "several years", "DURATION", "PXY"),
    ("a-few-days", "The jets stayed a few days.", DCT, "a few days", "DURATION", "PXD"),
    ("past-two-months", "Traffic doubled over the past two months.", DCT, "the past two months", "DURATION", "P2M"),
    ("next-three-years", "The base will grow over the next three years.", DCT, "the next three years", "DURATION", "P3Y"),
    ("first-nine-months", "Deliveries rose in the first nine months.", DCT, "the first nine months", "DURATION", "P9M"),
    ("more-than-hours", "The search lasted more than four hours.", DCT, "more than four hours", "DURATION", "PT4H"),
    ("nearly-years", "The ban lasted nearly three years.", DCT, "nearly three years", "DURATION", "P3Y"),
    ("years-bare", "The runway has been closed for years.", DCT, "years", "DURATION", "PXY"),
    ("ten-year-contract", "The firm won a 10-year contract.", DCT, "10-year", "DURATION", "P10Y"),
    ("day-long", "A day-long exercise ended.", DCT, "day-long", "DURATION", "P1D"),
    ("two-to-three-weeks", "The repair takes two to three weeks.", DCT, "two to three weeks", "DURATION", "P2W"),
    ("coming-weeks", "More jets will arrive in the coming weeks.", DCT, "the coming weeks", "DATE", "FUTURE_REF"),
    # ---- sets
    ("twice-a-week", "Flights run twice a week.", DCT, "twice a week", "SET", "P1W"),
    ("daily", "The shuttle flies daily.", DCT, "daily", "SET", "P1D"),
    ("every-day", "The shuttle flies every day.", DCT, "every day", "SET", "P1D"),
    ("every-two-weeks", "A tanker rotates every two weeks.", DCT, "every two weeks", "SET", "P2W"),
    ("every-other-day", "A tanker rotates every other day.", DCT, "every other day", "SET", "P2D"),
    ("every-monday", "A tanker rotates every Monday.", DCT, "every Monday", "SET", "XXXX-WXX-1"),
    ("weekday-plural", "The shuttle flies on Mondays.", DCT, "Mondays", "SET", "XXXX-WXX-1"),
    ("per-day", "The airport handles 40 flights a day.", DCT, "a day", "SET", "P1D"),
    ("three-times-a-year", "The squadron deploys three times a year.", DCT, "three times a year", "SET", "P1Y"),
    ("annually", "The air show is held annually.", DCT, "annually", "SET", "P1Y"),
    ("each-july", "The exercise is held each July.", DCT, "each July", "SET", "XXXX-07"),
    # ---- clock times
    ("military-z", "The tanker took off at 0612Z.", DCT, "0612Z", "TIME", "2025-10-30T06:12"),
    ("bare-hhmm", "The A321 took off again at 1410 on Thursday.", DCT, "1410", "TIME", "2025-10-30T14:10"),
    ("bare-hhmm-sentence-end", "It landed at Cologne Wahn at 1805.", DCT, "1805", "TIME", "2025-10-30T18:05"),
    ("bare-hhmm-about", "The Islander took off at about 1400.", DCT, "about 1400", "TIME", "2025-10-30T14:00"),
    ("am", "It landed at 2:29 a.m.", DCT, "2:29 a.m.", "TIME", "2025-10-30T02:29"),
    ("pm-tz", "It landed at 10:35 p.m. EDT.", DCT, "10:35 p.m. EDT", "TIME", "2025-10-30T22:35"),
    ("utc", "The transponder went dark at 14:30 UTC.", DCT, "14:30 UTC", "TIME", "2025-10-30T14:30"),
    ("wita", "It took off at 07:30 WITA.", DCT, "07:30 WITA", "TIME", "2025-10-30T07:30"),  # Indonesian zones
    ("time-anchored-to-date", "On October 26 at 2:29 a.m. the jet landed.", DCT, "2:29 a.m.", "TIME", "2025-10-26T02:29"),
    ("time-weekday-merged", "The jet left at 10 p.m. Wednesday.", DCT, "10 p.m. Wednesday", "TIME", "2025-10-29T22:00"),
    ("noon-weekday", "The jet left at noon Tuesday.", DCT, "noon Tuesday", "TIME", "2025-10-28T12:00"),
    ("midnight", "The curfew starts at midnight.", DCT, "midnight", "TIME", "2025-10-30T24:00"),
    # after midnight: the next day's start once an evening was told, else the start of the day told
    ("after-midnight-day-told", "On Sunday it landed shortly after midnight.", DCT, "midnight", "TIME", "2025-10-26T00:00"),
    ("after-midnight-next-day", "It left on Sunday evening and landed shortly after midnight.", DCT, "midnight", "TIME", "2025-10-27T00:00"),
    ("after-midnight-dotted-clock", "It left at 21.40 on Sunday and landed shortly after midnight.", DCT, "midnight", "TIME", "2025-10-27T00:00"),
    # a clock earlier than the one before it is the next day's, unless told in the past perfect
    ("clock-past-midnight", "It left Dover at 2210Z on Sunday, refuelled at Shannon and landed at 0815Z.", DCT, "0815Z", "TIME", "2025-10-27T08:15"),
    ("clock-past-perfect", "It took off at 02:17 on Sunday with a C-295M, which had left Lajes at 01:55.", DCT, "01:55", "TIME", "2025-10-26T01:55"),
    ("before-midnight-same-day", "On Sunday it landed shortly before midnight.", DCT, "midnight", "TIME", "2025-10-26T24:00"),
    ("around-time", "It landed around 7:15 p.m.", DCT, "around 7:15 p.m.", "TIME", "2025-10-30T19:15"),
    ("in-the-morning", "It landed at 4 in the morning.", DCT, "4 in the morning", "TIME", "2025-10-30T04:00"),
    ("military-hours", "The column moved out at 1500 hours.", DCT, "1500 hours", "TIME", "2025-10-30T15:00"),
    ("military-hrs", "The C-130J landed at 0915 hrs.", DCT, "0915 hrs", "TIME", "2025-10-30T09:15"),
    ("clock-then-weekday-abbreviation", "The C-5M departed 0215Z Tue.", DCT, "0215Z Tue", "TIME", "2025-10-28T02:15"),
    ("military-local", "The Il-76 landed at 1430 local.", DCT, "1430 local", "TIME", "2025-10-30T14:30"),
    ("time-takes-day-from-previous-sentence", "A jet landed on Sunday. It had left Warsaw at 9:40 a.m.", DCT, "9:40 a.m.", "TIME", "2025-10-26T09:40"),
    ("time-skips-a-since-day", "A C-130J flew to Yangon today, the second flight since Friday. It landed at 10:30 a.m.", DCT, "10:30 a.m.", "TIME", "2025-10-30T10:30"),
    ("time-skips-a-range-of-days", "Flights reached the airport yesterday, after crews cleared the runway over Oct 25-26. A C-130J landed at 9.40am.", DCT, "9.40am", "TIME", "2025-10-29T09:40"),
    ("time-skips-a-flashback-day", "The jet flew the men home today. It had flown in from Yangon the day before. It took off at 6:15 am.", DCT, "6:15 am", "TIME", "2025-10-30T06:15"),
    ("time-keeps-the-day-of-its-own-flashback", "The jet flew the men home today. It had flown in from Yangon the day before and had landed at 6:15 pm.", DCT, "6:15 pm", "TIME", "2025-10-29T18:15"),
    ("time-a-relative-pluperfect-is-no-flashback", "The jet flew in today. 15 men who had been stranded flew home yesterday. It took off at 6:15 am.", DCT, "6:15 am", "TIME", "2025-10-29T06:15"),
    ("time-takes-a-possessive-day-that-opens-its-sentence", "Monday's star was an Il-76TD. It left at 1417 local.", DCT, "1417 local", "TIME", "2025-10-27T14:17"),
    ("time-skips-a-day-told-looking-back", "Monday's star was an Il-76TD, which came in the previous evening. It left at 1417 local.", DCT, "1417 local", "TIME", "2025-10-27T14:17"),
    ("time-skips-a-day-named-event", "Relief reached the survivors of Monday's earthquake today. It landed at 10:30 a.m.", DCT, "10:30 a.m.", "TIME", "2025-10-30T10:30"),
    ("night-of-date", "The jet left on the night of Oct. 12.", DCT, "the night of Oct. 12", "TIME", "2025-10-12TNI"),
    ("morning-of-date", "It landed on the morning of Oct. 6.", DCT, "the morning of Oct. 6", "TIME", "2025-10-06TMO"),
    ("next-morning-anchored", "Late Sunday an An-124 arrived. It left the next morning.", DCT, "the next morning", "TIME", "2025-10-27TMO"),
    ("overnight-anchored", "The Y-20 left Urumqi on April 17, stopped overnight in Muscat.", DCT, "overnight", "TIME", "2025-04-17TNI"),
    # ---- no publication date
    ("no-dct-month-day", "The Il-76 landed on October 26.", None, "October 26", "DATE", "XXXX-10-26"),
    ("no-dct-weekday", "The Il-76 landed on Wednesday.", None, "Wednesday", "DATE", "XXXX-WXX-3"),
    ("no-dct-weekday-anchors-a-part-of-day", "Monday. Nothing until mid-afternoon, when a C-17 came in.", None, "mid-afternoon", "TIME", "XXXX-WXX-1TAF"),
    ("no-dct-weekday-anchors-a-clock", "Friday. The 767 departed for Astana at 14:30.", None, "14:30", "TIME", "XXXX-WXX-5T14:30"),
    ("no-dct-month", "The Il-76 landed in March.", None, "March", "DATE", "XXXX-03"),
    ("no-dct-day-of-month-after-a-day", "It left on Monday, February 10. On the 14th, it flew on.", None, "the 14th", "DATE", "XXXX-02-14"),
    ("no-dct-day-of-month-next-month", "It left on January 30. It returned on the 2nd.", None, "the 2nd", "DATE", "XXXX-02-02"),
    ("weekday-the-ordinal", "On Thursday the 13th, the Hercules flew to Marambio.", "2025-02-20", "Thursday the 13th", "DATE", "2025-02-13"),
    ("ordinal-day-before-the-subject", "At 0115Z on the 12th the bombers met two FA-50s.", "2025-06-12", "the 12th", "DATE", "2025-06-12"),
    ("no-dct-next-day", "It landed on 29 October and left the next day.", None, "the next day", "DATE", "XXXX-10-30"),
    ("no-dct-a-day-earlier", "It flew on 3 September. A day earlier, a Tu-204 flew.", None, "A day earlier", "DATE", "XXXX-09-02"),
    ("no-dct-two-days-later", "It flew on 30 September; it left two days later.", None, "two days later", "DATE", "XXXX-10-02"),
    ("no-dct-previous-day-at-month-start", "It landed on 1 June; it left Baku the previous day.", None,
     "the previous day", "DATE", "XXXX-05-31"),
    ("no-dct-full-date", "The Il-76 landed on October 26, 2025.", None, "October 26, 2025", "DATE", "2025-10-26"),
    ("no-dct-year", "The Il-76 landed in 2019.", None, "2019", "DATE", "2019"),
    ("no-dct-duration", "The Il-76 stayed for three days.", None, "three days", "DURATION", "P3D"),
    ("no-dct-later-anchored", "It landed on October 26, 2025. Two days later it left.", None, "Two days later", "DATE", "2025-10-28"),
    ("no-dct-time", "It landed at 2:29 a.m.", None, "2:29 a.m.", "TIME", "XXXX-XX-XXT02:29"),
    ("no-dct-yesterday", "It landed yesterday.", None, "yesterday", "DATE", None),
    ("no-dct-time-on-date", "On October 26 the first jet touched down at 0217 UTC.", None, "0217 UTC", "TIME", "XXXX-10-26T02:17"),
    ("no-dct-night-of-range", "Two jets flew on the night of 25-26 October.", None, "the night of 25-26 October", "TIME", "XXXX-10-25TNI"),
    ("no-dct-next-morning", "It landed on October 25. It left the next morning.", None, "the next morning", "TIME", "XXXX-10-26TMO"),
    # ---- traps: no time expression may overlap these
    ("trap-an-26", "The An-26 landed at Hmeimim.", DCT, "An-26", None, None),
    ("trap-su-35", "A Su-35 escorted the convoy.", DCT, "Su-35", None, None),
    ("trap-f-16", "Two F-16 jets scrambled.", DCT, "F-16", None, None),
    ("trap-amount-at-about", "The fare was set at about 2000 rubles.", DCT, "2000", None, None),
    ("trap-il-76", "An Il-76 landed at Latakia.", DCT, "Il-76", None, None),
    ("trap-tu-22m3", "A Tu-22M3 bomber flew over the sea.", DCT, "Tu-22M3", None, None),
    ("trap-c-130", "A C-130 brought supplies.", DCT, "C-130", None, None),
    ("trap-bare-number", "The base holds 35 aircraft and 1,200 troops.", DCT, "35", None, None),
    ("trap-thousands", "The base holds 2000 troops.", DCT, "2000", None, None),
    ("trap-altitude", "It cruised at 1998 feet before climbing.", DCT, "1998", None, None),
    ("trap-altitude-hhmm", "It flew low, at 1500 feet, over the coast.", DCT, "1500", None, None),
    ("trap-mirage-2000", "A Mirage 2000 escorted the tanker.", DCT, "2000", None, None),
    ("trap-flight-number", "Flight 2024 was diverted.", DCT, "2024", None, None),
    ("trap-may-modal", "The aircraft may land at Hmeimim.", DCT, "may", None, None),
    ("trap-march-verb", "Troops march to the base.", DCT, "march", None, None),
    ("trap-a-second", "A second aircraft followed.", DCT, "A second", None, None),
    ("trap-daily-newspaper", "The Moscow daily Kommersant reported the flight.", DCT, "daily", None, None),
    ("trap-russia-today", "Russia Today reported the flight.", DCT, "Today", None, None),
    ("trap-quarters-of", "Three quarters of the fleet is grounded.", DCT, "Three quarters", None, None),
    ("trap-age", "The 45-year-old pilot ejected.", DCT, "45-year-old", None, None),
    ("future-to-set-off", "The KC-30 is expected to set off for Beirut again on Tuesday.", DCT, "Tuesday", "DATE", "2025-11-04"),
    ("future-past-quantified-ed", "A KC-135 is expected to leave for Ramstein on Friday with three more wounded, the spokesman added.", DCT, "Friday", "DATE", "2025-10-31"),
    ("future-could-leave", "A third A400M flight could leave Zaragoza for Bamako on Friday if the airport allows, she said.", DCT, "Friday", "DATE", "2025-10-31"),
    ("future-with-ed-adjective", "Two Y-20s are expected to land at Karachi on Monday with prefabricated shelters, the embassy said.", DCT, "Monday", "DATE", "2025-11-03"),
    ("same-night-after-unloading", "The C-17 landed on Monday and returned the same night after unloading.", DCT, "the same night", "TIME", "2025-10-27TNI"),
    ("same-evening-undated-weekday", "On Tuesday the jet flew to Ovda and was back the same evening.", None, "the same evening", "TIME", "XXXX-WXX-2TEV"),
    ("trap-last-day", "It was the last day of the exercise.", DCT, "the last day", None, None),
    ("trap-url-date", "Source: example.org/2025/10/26/story", DCT, "2025/10/26", None, None),
    ("trap-march-for", "Protesters joined the March for Life.", DCT, "March", None, None),
    ("trap-score", "The home side won 3-1.", DCT, "3-1", None, None),
    ("trap-future-of", "No decision was taken on the future of the base.", DCT, "the future", None, None),
    ("trap-exercise-name", "Crews arrived for Eagles of Civilization 2025 at Cairo West.", DCT, "2025", None, None),
]

XFAIL_CASES = [
    pytest.param(
        "The contract was signed on Jan. 5.", "2025-12-20", "Jan. 5", "DATE", "2025-01-05",
        marks=pytest.mark.xfail(strict=True, reason="a past-tense clause about a day a few weeks ahead is read as "
                                "upcoming, because reported plans ('said ... on Jan. 5') are common"),
        id="xfail-past-tense-date-just-ahead",
    ),
    pytest.param(
        "The hangar burned down in November.", DCT, "November", "DATE", "2024-11",
        marks=pytest.mark.xfail(strict=True, reason="same trade-off for a month starting days after the DCT"),
        id="xfail-past-tense-month-just-ahead",
    ),
    pytest.param(
        "The flights stopped in the second week of October.", DCT, "the second week of October", "DATE", "2025-W41",
        marks=pytest.mark.xfail(strict=True, reason="ordinal weeks of a month are not recognised"),
        id="xfail-second-week-of-month",
    ),
    pytest.param(
        "Flights were suspended during Ramadan.", DCT, "Ramadan", "DATE", "2025-03",
        marks=pytest.mark.xfail(strict=True, reason="lunar-calendar holidays are not in the lexicon"),
        id="xfail-ramadan",
    ),
]


# fmt: on


@pytest.fixture(scope="module")
def tagger() -> TemporalTagger:
    return TemporalTagger()


def _find(timexes: list[Timex], text: str, span: str) -> list[Timex]:
    start = text.find(span)
    assert start >= 0, f"bad test case: {span!r} is not in {text!r}"
    end = start + len(span)
    return [t for t in timexes if t.start < end and start < t.end]


def _check(
    tagger: TemporalTagger, text: str, dct: str | None, span: str, type_: str | None, value: str | None
):
    timexes = tagger.tag(text, dct)
    overlapping = _find(timexes, text, span)
    if type_ is None:
        assert overlapping == [], (
            f"expected no time expression on {span!r}, found {[t.to_dict() for t in overlapping]}"
        )
        return
    exact = [t for t in overlapping if t.text == span]
    assert exact, f"expected an expression {span!r}, found {[t.to_dict() for t in timexes]}"
    found = exact[0]
    assert (found.type, found.value) == (type_, value), (
        f"{span!r}: expected {type_} {value}, found {found.type} {found.value} (rule {found.rule})"
    )


@pytest.mark.parametrize(
    ("text", "dct", "span", "type_", "value"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_timex_table(tagger: TemporalTagger, text: str, dct: str | None, span: str, type_: str | None, value):
    _check(tagger, text, dct, span, type_, value)


@pytest.mark.parametrize(("text", "dct", "span", "type_", "value"), XFAIL_CASES)
def test_timex_table_known_misses(
    tagger: TemporalTagger, text: str, dct: str | None, span: str, type_: str, value
):
    _check(tagger, text, dct, span, type_, value)


def test_timex_table_has_enough_cases() -> None:
    assert len(CASES) + len(XFAIL_CASES) >= 150
    assert len({case[0] for case in CASES}) == len(CASES), "case ids must be unique"


# ---- attributes besides type and value ------------------------------------------------------------------

# fmt: off
ATTRIBUTE_CASES = [
    ("relation-on", "On October 26, a Russian Il-76 flew from Benghazi.", "October 26", "relation", "on"),
    ("relation-since", "Flights have continued since October 24.", "October 24", "relation", "since"),
    ("relation-until", "The base stays closed until Nov. 3.", "Nov. 3", "relation", "until"),
    ("relation-before", "The jets must leave before Nov. 3.", "Nov. 3", "relation", "before"),
    ("relation-after", "The jets left after Oct. 3.", "Oct. 3", "relation", "after"),
    ("relation-between", "The flights took place between Oct. 21 and 22.", "Oct. 21 and 22", "relation", "between"),
    ("relation-around", "It landed around 7:15 p.m.", "around 7:15 p.m.", "relation", "around"),
    ("relation-none", "Yesterday the jets left.", "Yesterday", "relation", None),
    ("mod-start-earlier", "Flights resumed earlier this month.", "earlier this month", "mod", "START"),
    ("mod-end-late", "The unit left in late August.", "late August", "mod", "END"),
    ("mod-mid", "Repairs are due by mid-November.", "mid-November", "mod", "MID"),
    ("mod-more-than", "The search lasted more than four hours.", "more than four hours", "mod", "MORE_THAN"),
    ("mod-approx", "The base closed about two years ago.", "about two years ago", "mod", "APPROX"),
    ("mod-less-than", "The ban lasted nearly three years.", "nearly three years", "mod", "LESS_THAN"),
    ("mod-equal-or-more", "The repair takes at least 30 days.", "at least 30 days", "mod", "EQUAL_OR_MORE"),
    ("range-end-hyphen", "The air show ran Feb 21-22.", "Feb 21-22", "range_end", "2025-02-22"),
    ("range-end-between-day-first", "Between 6 and 9 May, An-124s flew in.", "6 and 9 May", "range_end", "2025-05-09"),
    ("range-end-between", "The flights took place between Oct. 21 and 22.", "Oct. 21 and 22", "range_end", "2025-10-22"),
    ("freq-twice", "Flights run twice a week.", "twice a week", "freq", "2X"),
    ("freq-three-times", "The squadron deploys three times a year.", "three times a year", "freq", "3X"),
    ("granularity-day", "It landed on October 26.", "October 26", "granularity", "day"),
    ("granularity-month", "It landed in March 2024.", "March 2024", "granularity", "month"),
    ("granularity-week", "It landed last week.", "last week", "granularity", "week"),
    ("granularity-quarter", "Deliveries fell in the third quarter.", "the third quarter", "granularity", "quarter"),
    ("granularity-season", "The base was expanded this summer.", "this summer", "granularity", "season"),
    ("granularity-decade", "The fleet dates from the 1990s.", "the 1990s", "granularity", "decade"),
    ("granularity-century", "The 20th century saw the first airlifts.", "The 20th century", "granularity", "century"),
    ("granularity-time", "It landed at 2:29 a.m.", "2:29 a.m.", "granularity", "time"),
    ("granularity-duration", "The flight took three hours.", "three hours", "granularity", "duration"),
    ("granularity-set", "The shuttle flies daily.", "daily", "granularity", "set"),
    ("granularity-ref", "For now, the base is quiet.", "now", "granularity", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "attribute", "expected"),
    [c[1:] for c in ATTRIBUTE_CASES],
    ids=[c[0] for c in ATTRIBUTE_CASES],
)
def test_timex_attributes(tagger: TemporalTagger, text: str, span: str, attribute: str, expected) -> None:
    timexes = [t for t in tagger.tag(text, DCT) if t.text == span]
    assert timexes, f"expected an expression {span!r}, found {[t.to_dict() for t in tagger.tag(text, DCT)]}"
    assert getattr(timexes[0], attribute) == expected
