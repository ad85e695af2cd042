"""Table tests of the event builder: one row per sentence pattern (text, DCT, expected legs)."""

from __future__ import annotations

import pytest


def _assert_ends(event: dict, origin: str | None, destination: str | None) -> None:
    """The event's origin and destination are ``origin`` and ``destination``, each given by its text, name or
    ICAO code (None: no place)."""
    names = lambda place: {place["text"], place["name"], place["icao"]} if place else {None}  # noqa: E731
    assert origin in names(event["origin"])
    assert destination in names(event["destination"])


def _leg(event: dict) -> tuple:
    return (
        event["action"],
        tuple(a["model"] or a["text"] for a in event["aircraft"]),
        event["origin"]["name"] if event["origin"] else None,
        event["destination"]["name"] if event["destination"] else None,
        event["date"]["value"] if event["date"] else None,
        event["count"],
        event["modality"],
    )


DCT = "2025-10-30"
CASES = [
    # trigger forms of tracker and spotter prose
    (
        "came-up-to-from",
        "The VC-1A came up to Belém from Brasília on October 28.",
        [("flight", ("ACJ319",), "Brasília", "Belém", "2025-10-28", None, "asserted")],
    ),
    (
        "launched-out-of",
        "Two Colombian Kfirs launched out of Malambo on October 28.",
        [("departure", ("IAI Kfir",), "Malambo", None, "2025-10-28", None, "asserted")],
    ),
    (
        "came-over-from",
        "On October 28 the C-295M came over from Figo Maduro with a relief crew.",
        [("flight", ("C-295M",), "Lisbon Airport", None, "2025-10-28", None, "asserted")],
    ),
    (
        "going-on-to",
        "On October 28 the F-35s were going on to Poland.",
        [("flight", ("F-35",), None, "Poland", "2025-10-28", None, "asserted")],
    ),
    (
        "log-line-off-again-from",
        "An-124-100 RA-82035 landed at Tolmachevo at 0612Z on October 28. Off again from Tolmachevo at "
        "0940Z and down at ZMCK at 1205Z.",
        [("arrival", ("An-124-100",), None, "Tolmachevo Airport", "2025-10-28T06:12", None, "asserted"),
         ("flight", ("An-124-100",), "Tolmachevo Airport", "Chinggis Khaan International Airport",
          "2025-10-28T09:40", None, "asserted")],
    ),
    (
        "patrol-area-then-back",
        "On October 28 a P-3C flew a surveillance flight over the Gulf of Aden. The P-3C was back at "
        "Ambouli at about 15:40.",
        [("flight", ("P-3C",), None, "Gulf of Aden", "2025-10-28", None, "asserted"),
         ("return", ("P-3C",), "Gulf of Aden", "Camp Lemonnier", "2025-10-28T15:40", None, "asserted")],
    ),
    (
        "went-straight-back-to",
        "A KC-135R launched from Kadena at 0610Z on October 28 to meet them over the Philippine Sea, then "
        "went straight back to Kadena.",
        [("flight", ("KC-135R",), "Kadena Air Base", "Philippine Sea", "2025-10-28T06:10", None, "asserted"),
         ("return", ("KC-135R",), "Philippine Sea", "Kadena Air Base", None, None, "asserted")],
    ),
    (
        "on-alert-at-a-base-took-off",
        "Eurofighters on quick reaction alert at the Šiauliai air base took off on October 28.",
        [("departure", ("Eurofighter Typhoon",), "Šiauliai Air Base", None, "2025-10-28", None, "asserted")],
    ),
    (
        "come-into",
        "Two VKS IL76s have come into Chinggis Khaan since October 20.",
        [
            ("arrival", ("Il-76",), None, "Chinggis Khaan International Airport", "2025-10-20", None,
             "asserted")
        ],
    ),
    (
        "count-before-the-noun-trigger",
        "Since October 20, C-17s have flown 11 relief missions from Ramstein to Djibouti.",
        [("flight", ("C-17",), "Ramstein Air Base", "Djibouti", "2025-10-20", 11, "asserted")],
    ),
    (
        "count-with-a-describing-word",
        "Since October 20, CC-130J aircraft have completed 23 sustainment flights to Riga.",
        [(None, ("CC-130J",), None, "Riga", "2025-10-20", 23, "asserted")],
    ),
    (
        "national-designation-names-its-service",
        "On October 27, a CC-177 flew from Trenton to Riga.",
        [("flight", ("CC-177",), "Trenton", "Riga", "2025-10-27", None, "asserted")],
    ),
    (
        "abbreviation-is-not-a-sentence-end",
        "On October 27, a Voyager KC2 of No. 10 Squadron left RAF Brize Norton for Akrotiri.",
        [("flight", ("Voyager KC2",), "RAF Brize Norton", "RAF Akrotiri", "2025-10-27", None, "asserted")],
    ),
    (
        "seed-two-legs",
        "On October 26, a Russian Air Force transport Il-62M took off from Libya and made its way to the Syrian "
        "province of Latakia, before returning to the Moscow Oblast.",
        [("flight", ("Il-62M",), "Libya", "Latakia", "2025-10-26", None, "asserted"),
         ("return", ("Il-62M",), "Latakia", "Moscow Oblast", None, None, "asserted")],
    ),
    (
        "aggregate-count",
        "The An-124-100 'Ruslan' has made three separate arrivals at Hmeimim since October 24.",
        [("arrival", ("An-124-100",), None, "Hmeimim Air Base", "2025-10-24", 3, "asserted")],
    ),
    (
        "from-to",
        "A C-17 flew from Ramstein to Rzeszow on Monday.",
        [("flight", ("C-17",), "Ramstein Air Base", None, "2025-10-27", None, "asserted")],
    ),
    (
        "hedged",
        "An Il-76 reportedly landed at Hmeimim on Tuesday.",
        [("arrival", ("Il-76",), None, "Hmeimim Air Base", "2025-10-28", None, "hedged")],
    ),
    (
        "the-aircraft-a-cargo-is-for-does-not-fly-the-leg",
        "Four KC-46As took off from McConnell on Monday. Two C-17As from Joint Base Charleston, carrying "
        "spare parts for the tankers, reached Al Udeid on Wednesday.",
        [("departure", ("KC-46A",), "McConnell Air Force Base", None, "2025-10-27", None, "asserted"),
         ("flight", ("C-17A",), "Joint Base Charleston", "Al Udeid Air Base", "2025-10-29", None,
          "asserted")],
    ),
    (
        "with-no-markings-is-no-denial",
        "A second jet, a larger Il-76 with no visible markings, landed at Gao on Tuesday.",
        [("arrival", ("Il-76",), None, "Gao", "2025-10-28", None, "asserted")],
    ),
    (
        "hedged-suggesting",
        "Satellite images show a KC-135R parked there, suggesting the tanker arrived at Tindal on Tuesday.",
        [("arrival", ("KC-135R",), None, "RAAF Base Tindal", "2025-10-28", None, "hedged")],
    ),
    (
        "hedged-cue-before-the-verb-of-the-window",
        "A US Air Force RC-135V appeared to arrive at Souda Bay on Tuesday.",
        [("arrival", ("RC-135V",), None, "Souda Bay", "2025-10-28", None, "hedged")],
    ),
    (
        "planned",
        "Two B-52H bombers are expected to arrive at RAF Fairford next week.",
        [("arrival", ("B-52H",), None, "RAF Fairford", None, None, "planned")],
    ),
    (
        "negated",
        "The ministry denied that any Il-76 had landed at Benina.",
        [("arrival", ("Il-76",), None, None, None, None, "negated")],
    ),
    (
        "deployment",
        "Six F-16s were deployed to Incirlik.",
        [("deployment", ("F-16",), None, "Incirlik Air Base", None, None, "asserted")],
    ),
    (
        "based-at-then-flew-home",
        "The six Gripens that had been based at Siauliai since August flew home to Kecskemet on Thursday.",
        [("return", ("Gripen",), "Šiauliai", "Kecskemét", None, None, "asserted")],
    ),
    (
        "was-back-at-names-the-destination",
        "The Il-62M was back at Vnukovo on Monday.",
        [("return", ("Il-62M",), None, "Vnukovo International Airport", "2025-10-27", None, "asserted")],
    ),
    (
        "a-time-of-a-day-beats-a-month",
        "Six F-35As, based at Lakenheath since April, landed at Rovaniemi on Monday afternoon.",
        [(None, ("F-35A",), None, None, "2025-10-27TAF", None, "asserted")],
    ),
    (
        "aircraft-list-after-the-trigger",
        "The wing flew 14 AC-130J gunships and 10 CV-22B Ospreys to Cannon Air Force Base on Tuesday.",
        [("flight", ("AC-130J", "CV-22"), None, "Cannon Air Force Base", "2025-10-28", None, "asserted")],
    ),
    (
        "fronted-at-place-is-the-origin",
        "At Hurlburt Field, the wing flew 14 AC-130J gunships to Cannon Air Force Base on Tuesday.",
        [("flight", ("AC-130J",), "Hurlburt Field", "Cannon Air Force Base", "2025-10-28", None, "asserted")],
    ),
    (
        "back-in-the-air-is-no-return",
        "Crews were back in the air, with a C-17A leaving Amberley on Monday for Port Moresby.",
        [("flight", ("C-17A",), "RAAF Base Amberley", None, "2025-10-27", None, "asserted")],
    ),
    (
        "route-with-an-arrow",
        "A single Y-20 flew Urumqi → Cairo West on October 27.",
        [("flight", ("Y-20",), "Ürümqi", "Cairo West Air Base", "2025-10-27", None, "asserted")],
    ),
    (
        "a-place-on-an-island-is-one-place",
        "Four MC-130Js flew from Kadena Air Base on Okinawa to RAAF Base Darwin on Monday.",
        [("flight", ("MC-130J",), "Kadena Air Base", "Darwin International Airport", "2025-10-27", None, "asserted")],
    ),
    (
        "the-same-jet-flies-the-return",
        "A Learjet 45 diverted to Paine Field on Monday. The same jet flew back to Boise on Tuesday.",
        [(None, ("Learjet 45",), None, None, None, None, "asserted"),
         ("return", ("Learjet 45",), "Seattle Paine Field International Airport", "Boise", "2025-10-28", None,
          "asserted")],
    ),
    (
        "one-of-the-two-planes-returns",
        "Two Il-76MD transports flew from Baku to Gaziantep on Wednesday. One of the two planes returned to Baku "
        "the same evening.",
        [("flight", ("Il-76MD",), "Baku", "Gaziantep", None, None, "asserted"),
         ("return", ("Il-76MD",), "Gaziantep", "Baku", None, None, "asserted")],
    ),
    (
        "diversion",
        "A Tu-154 bound for Minsk diverted to Vnukovo.",
        [("diversion", ("Tu-154",), None, None, None, None, "asserted")],
    ),
    (
        "leaving-where-the-last-leg-ended-starts-a-leg",
        "The C-17 positioned from Amberley to Hobart on 20 October and left Hobart for Wilkins on 21 October.",
        [("flight", ("C-17",), "RAAF Base Amberley", "Hobart", "2025-10-20", None, "asserted"),
         (None, ("C-17",), "Hobart", "Wilkins Aerodrome", "2025-10-21", None, "asserted")],
    ),
    (
        "pre-positioned-is-not-a-movement",
        "A C-17 departed Ramstein on Oct. 6 after loading kits pre-positioned at the base, and landed at Port Sudan New International Airport.",
        [("flight", ("C-17",), "Ramstein Air Base", "Port Sudan New International Airport", "2025-10-06", None, "asserted")],
    ),
    (
        "it-is-the-aircraft-that-flew-not-its-cargo",
        "An A400M landed at Niamey on Wednesday with parts of Akinci drones. It flew back to Kayseri on Thursday.",
        [("arrival", ("A400M",), None, "Niamey", "2025-10-29", None, "asserted"),
         ("return", ("A400M",), "Niamey", "Kayseri", None, None, "asserted")],
    ),
    (
        "on-to-continues-from-the-last-place-reached",
        "A C-17 landed at Lahore on Monday. Air force C-130s would carry part of the aid on to Sukkur.",
        [("arrival", ("C-17",), None, "Lahore", "2025-10-27", None, "asserted"),
         (None, ("C-130",), "Lahore", "Sukkur", None, None, "planned")],
    ),
    (
        "a-return-told-of-an-anaphor-starts-where-the-last-leg-ended",
        "On Sunday an Il-76MD left Machulishchy for Bamako. The four-engined jet flew back to Belarus on Monday.",
        [("flight", ("Il-76MD",), "Machulishchy Air Base", "Bamako", "2025-10-26", None, "asserted"),
         ("return", ("jet",), "Bamako", "Belarus", "2025-10-27", None, "asserted")],
    ),
    (
        "the-chadian-capital-is-its-capital",
        "The minister flew to the Chadian capital on Wednesday aboard a Falcon 7X.",
        [("flight", ("Falcon 7X",), None, "N'Djamena", "2025-10-29", None, "asserted")],
    ),
    (
        "a-shared-demonym-is-the-country-the-article-names",
        "Americans crossed from Haiti to Santo Domingo by road. "
        "A Boeing 737 flew to the Dominican capital on Wednesday.",
        [("flight", ("737",), None, "Santo Domingo", "2025-10-29", None, "asserted")],
    ),
    (
        "arrived-there-is-where-the-last-leg-ended",
        "An Il-62M landed at Simon Bolivar International Airport on Tuesday. "
        "An An-124 arrived there later on Tuesday, having left Chkalovsky on Monday night.",
        [("arrival", ("Il-62M",), None, "Simón Bolívar International Airport", "2025-10-28", None, "asserted"),
         (None, ("An-124",), "Chkalovsky Air Base", "Simón Bolívar International Airport", None, None, "asserted")],
    ),
    (
        "the-same-airport-is-an-airport-not-the-base-named-last",
        "Two Tu-160 bombers landed at Simon Bolivar International Airport on Wednesday after a night at "
        "Olenya air base. An Il-62M landed at the same airport on Tuesday.",
        [("arrival", ("Tu-160",), None, "Simón Bolívar International Airport", None, None, "asserted"),
         ("arrival", ("Il-62M",), None, "Simón Bolívar International Airport", "2025-10-28", None, "asserted")],
    ),
    (
        "a-places-own-runway-is-the-place",
        "On Tuesday the Il-76 took off from Chkalovsky and landed on Hmeimim's main runway at 13:20.",
        [("flight", ("Il-76",), "Chkalovsky Air Base", "Hmeimim Air Base", "2025-10-28T13:20", None, "asserted")],
    ),
    (
        "by-armoured-train-is-no-flight",
        "An Il-62M flew to Vladivostok on Monday. Kim travelled to Russia by armoured train in 2019.",
        [("flight", ("Il-62M",), None, "Vladivostok", "2025-10-27", None, "asserted")],
    ),
    (
        "send-is-a-deployment",
        "Japan was expected to send F-2A fighters from Misawa to RAAF Base Tindal later this week.",
        [("deployment", ("F-2A",), "Misawa Air Base", "RAAF Base Tindal", "2025-W44", None, "planned")],
    ),
    (
        "airborne-from-opens-the-leg",
        "The first was an Il-76TD. It was airborne from Ras Al Khaimah at 2140Z on 12 March and landed at "
        "Benina.",
        [("flight", ("Il-76TD",), "Ras Al Khaimah International Airport", "Benina International Airport",
          "2025-03-12T21:40", None, "asserted")],
    ),
    (
        "to-the-border-of-a-region",
        "A US RC-135W flew from Mildenhall to the border of the Kaliningrad Region on Monday.",
        [("flight", ("RC-135W",), "RAF Mildenhall", "Kaliningrad Oblast", "2025-10-27", None, "asserted")],
    ),
    (
        "the-british-air-base-of",
        "The B-52H bombers had taken off from the British air base of Fairford on Monday.",
        [("departure", ("B-52H",), "RAF Fairford", None, "2025-10-27", None, "asserted")],
    ),
    (
        "a-described-definite-type-refers-back",
        "The president landed at Elmendorf aboard Air Force One at 3 p.m. on Thursday. The blue-and-white "
        "Boeing VC-25A flew nonstop from Joint Base Andrews.",
        [("flight", ("VC-25A",), "Joint Base Andrews", "Joint Base Elmendorf-Richardson", "2025-10-30T15:00",
          None, "asserted")],
    ),
    (
        "a-loop-over-an-area",
        "Two B-1B Lancers left Andersen at 0540Z on Monday and flew a long loop over the South China Sea.",
        [("flight", ("B-1B",), None, "South China Sea", "2025-10-27T05:40", None, "asserted")],
    ),
    (
        "a-clock-time-after-midnight",
        "A C-37B left Joint Base Andrews at 2210Z yesterday, refuelled at Shannon and touched down at Al "
        "Bateen at 0815Z.",
        [("flight", ("C-37B",), "Joint Base Andrews", "Al Bateen Executive Airport", "2025-10-29T22:10", None,
          "asserted")],
    ),
    (
        "a-tracker-log-and-down-at",
        "3/ Leg two: the Ilyushin 76 was off Hmeimim at 0355Z and down at Benina (HLLB), Benghazi, at 0731Z.",
        [("arrival", ("Il-76",), None, "Benina International Airport", None, None, "asserted")],
    ),
    (
        "an-arrival-from-a-place-goes-to-the-scene-the-headline-names",
        "Terrace notes: KFOR traffic at Pristina\n\nBack on the terrace at Pristina for three days. The "
        "airport at Pristina was busy. An Italian C-130J came in from Pisa at 15:00 with cargo.",
        [("flight", ("C-130J",), "Pisa", "Pristina", None, None, "asserted")],
    ),
    (
        "operating-from-a-base-is-where-aircraft-are-based-not-a-departure",
        "Two P-3C patrol aircraft are operating from Djibouti this month.",
        [],
    ),
    (
        "an-arrival-goes-to-the-airport-of-the-headline-and-the-opening-lines",
        "Ramp notes from Juan Santamaría: a charter and a Caravan\n\nTwo days at the fence at Juan "
        "Santamaría. At 15:10 a Cessna 208 Caravan came in from Liberia, low and fast.",
        [("flight", ("Cessna 208",), "Liberia", "Juan Santamaria International Airport", None, None,
          "asserted")],
    ),
    (
        "the-carrier-is-the-carrier-not-the-destroyer-named-since",
        "Two Super Hornets left the aircraft carrier USS Dwight D. Eisenhower on Monday. An MH-60R flew from "
        "the destroyer USS Gravely to Bahrain on Tuesday. A C-2A flew from the carrier to Bahrain on "
        "Wednesday.",
        [("departure", ("F/A-18E/F",), "USS Dwight D. Eisenhower", None, None, None, "asserted"),
         ("flight", ("MH-60R",), "USS Gravely", "Bahrain", None, None, "asserted"),
         ("flight", ("C-2A",), "USS Dwight D. Eisenhower", "Bahrain", None, None, "asserted")],
    ),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_events_table(run, name, text, expected):
    legs = [_leg(e) for e in run(text, DCT)._.events]
    assert len(legs) == len(expected), legs
    for got, want in zip(legs, expected):
        for field, g, w in zip(("action", "aircraft", "origin", "destination", "date", "count", "modality"), got, want):
            if w is not None:
                assert g == w, f"{field}: {g!r} != {w!r} in {got}"


NO_EVENT = [
    ("specs", "The An-124-100 has a cargo capacity exceeding 150 metric tons."),
    ("attack", "Russian forces repelled an attack by rebels on the Hmeimim air base earlier this month."),
    ("contract", "The air force signed a contract for twelve new C-390 transports."),
    ("hard-landing", "In December, a Mi-17 made a hard landing near Pernik during a training flight."),
    ("no-aircraft", "The resumption of military flights to Hmeimim has raised concerns."),
]


@pytest.mark.parametrize("name, text", NO_EVENT, ids=[n[0] for n in NO_EVENT])
def test_events_none_without_movement(run, name, text):
    assert run(text, DCT)._.events == []


def test_events_anaphor_continues_previous_leg(run):
    text = "An Il-76MD landed at Hmeimim on Monday. The aircraft later returned to Chkalovsky."
    legs = run(text, DCT)._.events
    assert [e["action"] for e in legs] == ["arrival", "return"]
    assert legs[1]["aircraft"][0]["model"] == "Il-76MD"
    assert legs[1]["origin"]["name"] == "Hmeimim Air Base"


def test_events_generic_summary_is_not_a_further_event(run):
    text = (
        "At least two Russian aircraft have been deployed to Latakia. "
        "On October 26, an Il-62M flew from Libya to Latakia."
    )
    legs = run(text, DCT)._.events
    assert len(legs) == 1 and legs[0]["aircraft"][0]["model"] == "Il-62M"


def test_events_operator_from_a_national_designation_and_a_unit_of_a_service(run):
    events = run("On October 27, a CC-177 flew from Trenton to Riga.")._.events
    assert events[0]["operator"]["name"] == "Royal Canadian Air Force"
    assert events[0]["operator"]["rule"] == "designation:ac.cc-177"


@pytest.mark.parametrize(
    "text, name",
    [
        # the unit, the most specific operator, as in the gold
        ("On October 27, four MC-130J of the US Air Force's 353rd Special Operations Wing flew to Darwin.",
         "353rd Special Operations Wing"),
        # the service before the aircraft, the unit after it: the unit
        ("A ROKAF KC-330 Cygnus tanker-transport of the 5th Air Mobility Wing flew from Gimhae to Halim.",
         "5th Air Mobility Wing"),
        ("A Polish Air Force C-130H of the 33rd Transport Aviation Base at Powidz flew them to Lajes.",
         "33rd Transport Aviation Base"),
        # a navy's unit too
        ("Two French Navy Atlantique 2 aircraft of Flottille 23F flew in from Lann-Bihoué on Monday.",
         "Flottille 23F"),
        # "operated by" names the operator however far after the aircraft
        ("An Airbus A320 chartered by the Florida Division of Emergency Management and operated by Global "
         "Crossing Airlines landed at Sanford on Monday.", "GlobalX"),
        # a unit the sentence names before the trigger, over the service of the type named earlier
        ("A Royal New Zealand Air Force P-8A Poseidon flew to Kadena on Monday. The aircraft, from No. 5 "
         "Squadron, left RNZAF Base Ohakea on Sunday.", "No. 5 Squadron"),
        # a unit by its own language's name; a service after a possessor
        ("The four EF-18M Hornets of Ala 12 left Torrejón on Saturday and landed at Decimomannu.", "Ala 12"),
        ("At least 14 flights by Il-76MD transports of Russia's Military Transport Aviation landed at "
         "Hmeimim.", "Russian Military Transport Aviation"),
    ],
    ids=["unit-of-service", "service-then-unit", "transport-aviation-base", "navy-unit", "operated-by",
         "unit-in-sentence", "unit-own-language", "service-after-possessor"],
)
def test_events_operator_the_most_specific_named(run, text, name):
    assert run(text)._.events[-1]["operator"]["name"] == name


def test_events_the_air_force_is_the_one_the_article_names(run):
    text = (
        "Sedena said a Mexican Air Force C-130 landed in Beirut on Monday. It denied that an Air Force "
        "C-130 Hercules had also been sent to Beirut."
    )
    assert [leg["operator"]["name"] for leg in run(text, "2024-10-10")._.events] == ["Mexican Air Force"] * 2
    text = (
        "A Mexican Air Force C-130 and a Brazilian Air Force KC-390 landed in Beirut. The air force C-130 "
        "left."
    )
    legs = run(text, "2024-10-10")._.events
    assert all(leg["operator"] is None or leg["operator"]["text"] != "air force" for leg in legs)


def test_events_operator_named_with_the_type_where_no_leg_was_told(run):
    text = (
        "Chilean President Tomás Echeverría arrived in Lima on Monday night for the summit, travelling on "
        "the Chilean Air Force's Boeing 767-300ER, the air force said. The 767 left Santiago at 7:40 p.m. "
        "and "
        "landed in Lima at 10:05 p.m."
    )
    legs = run(text, "2024-11-12")._.events
    assert [leg["operator"]["name"] for leg in legs] == ["Chilean Air Force"]


def test_events_primary_date_is_the_most_specific_one(run):
    text = "The Gripens that had been based at Siauliai since August flew home to Kecskemet on Thursday, October 30."
    events = run(text, "2025-11-01")._.events
    assert events[0]["date"]["value"] == "2025-10-30"


@pytest.mark.parametrize(
    "text, value",
    [
        # a time of a given day counts as that day; the first of two days (the departure's) is the leg's
        ("The King Air took off from Apure on Tuesday night and landed in Gracias a Dios early Wednesday.",
         "2026-01-13TNI"),
        # the day itself when the leg also has it as a date
        ("On 14 January a C-130 flew from Apure to Caracas in the morning.", "2026-01-14"),
    ],
    ids=["departure-night-before-arrival-day", "day-over-its-morning"],
)  # fmt: skip
def test_events_primary_date_of_a_leg_with_two_days(run, text, value):
    assert run(text, "2026-01-15")._.events[0]["date"]["value"] == value


def test_events_primary_date_is_a_clock_time_of_a_known_day(run):
    # corpus/README: a leg dated by a clock time has that TIME as its primary date, valued with its day
    text = "On 2 November a C-17 took off from Christchurch at 0612Z and landed at Phoenix Airfield."
    event = run(text, "2025-11-03")._.events[0]
    assert event["date"]["value"] == "2025-11-02T06:12"
    assert [d["value"] for d in event["dates"]] == ["2025-11-02T06:12", "2025-11-02"]  # the primary first


def test_events_a_registration_told_with_its_type_is_that_aircraft_later(run):
    text = (
        "Qeshm Fars Air's Boeing 747-200F EP-FAB flew from Tehran to Vnukovo on Saturday. A Saha 747 landed in "
        "Minsk on Friday. From Vnukovo, EP-FAB hopped to Minsk National Airport on Sunday."
    )
    events = run(text, "2024-11-07")._.events
    last = events[-1]
    assert [a["model"] for a in last["aircraft"]] == ["747-200F"]
    assert (last["origin"]["text"], last["destination"]["text"]) == ("Vnukovo", "Minsk National Airport")
    assert all(o["text"] != "FAB" for o in run(text, "2024-11-07")._.operators)  # not the Brazilian Air Force


def test_events_a_registration_takes_the_type_written_after_it(run):
    text = (
        "The aircraft is SU-GGG, an Airbus A340-200 of the Egyptian Air Force. On 12 March SU-GGG departed Cairo "
        "at 0714Z and landed in Riyadh at 0940Z."
    )
    event = run(text, "2025-03-14")._.events[-1]
    # the mention in the leg's sentence is the registration, with the model of the type it was told with
    assert [(a["text"], a["model"]) for a in event["aircraft"]] == [("SU-GGG", "Airbus A340-200")]
    assert (event["origin"]["text"], event["destination"]["text"]) == ("Cairo", "Riyadh")


@pytest.mark.parametrize(
    "text, origin, destination",
    [
        # "out of" a base in the subject, before the trigger
        ("2/ Mon 9 Jun: RCH4123, a C-17A of the 305th AMW out of McGuire (KWRI), wheels up 1412Z, down at BGTL "
         "1805Z.", "Joint Base McGuire-Dix-Lakehurst", "Pituffik Space Base"),
        # "lifted out of" / "climbed out of" depart
        ("A Danish C-130J-30 lifted out of Aalborg (EKYT) on 12 June and landed at Kangerlussuaq.", "Aalborg",
         "Kangerlussuaq"),
        ("Two Y-20A transports climbed out of Kunming Changshui (ZPPP) on Tuesday and landed at Phnom Penh.",
         "ZPPP", "Phnom Penh"),
        # the trigger holds the "from": "flew in from their home base at X", X a base no gazetteer knows
        ("Six Rafale fighters flew in from their home base at Gebel El Basur, west of Cairo, on Sunday.",
         "Gebel El Basur", None),
        ("Four CF-18 Hornets roared into Iqaluit on Monday afternoon.", None, "Iqaluit"),
        ("A Luftwaffe A400M dropped in to EGVA from Wunstorf on Monday afternoon.", "ETNW", "EGVA"),
        ("The Voyager KC2 recovered to EGVN at 1150Z.", None, "EGVN"),
        # codes in brackets are the airport named before them, not a route between the two codes
        ("The C-17A lifted off from Christchurch (CHC/NZCH) at 0612Z.", "NZCH", None),
        ("The Gulfstream G650ER flew Moscow Vnukovo (UUWW) to Dubai Al Maktoum (OMDW) on 13 May.", "UUWW",
         "OMDW"),
        # "home base of X": the name is the base, whatever fills the trigger's slot
        ("Three Airbus A400M transports had left their home base of Wunstorf in Lower Saxony for Djibouti on "
         "Saturday.", "ETNW", "Djibouti"),
        ("The A400Ms flew back to their home base of Wunstorf on Saturday.", None, "ETNW"),
        # "flew in from the transport base at Powidz": the trigger holds the "from"
        ("A Polish Air Force C-130E flew in from the transport base at Powidz on Saturday.", "EPPW", None),
        # where the aircraft stands, told before "after <trigger> from"
        ("The other 747-200F, EP-FAA, is parked at Moscow Vnukovo (UUWW) after flying in from Tehran Imam "
         "Khomeini (OIIE) on Sunday.", "OIIE", "UUWW"),
        ("The Il-76 was on the ground at Hmeimim on Saturday after arriving from Libya.", "Libya", "OSLK"),
        # an air base and the city it serves are two places: no origin dropped, no city turned into the base
        ("The C-130J flew back to Doha from Al Udeid carrying 12 wounded children.", "OTBH", "Doha"),
        # "Al Arish" is El Arish
        ("A Qatari C-130J flew back to Doha from Al Arish on Sunday.", "El Arish", "Doha"),
        # "the Pacific island of Guam": the place after "of" is the one meant
        ("Two B-52 bombers landed at Tindal on Wednesday after flying from the Pacific island of Guam.",
         "Guam", "YPTN"),        # a one-word base name owning the runway it is landed on
        ("On Tuesday, the Hercules took off from Río Gallegos and landed on Marambio's gravel runway at "
         "13:20.",
         "Río Gallegos", "SAWB"),        # "From X," opening the sentence of a leg with no leg before it
        # "From X in Y,": the place that locates the first is no leg of its own
        ("From King Abdullah I Air Base in Marka, two RJAF C-130H aircraft flew to El Arish on Monday.",
         "OJAM", "El Arish"),
        # "for their home base at X": the base takes the preposition before its description
        ("Four Italian Eurofighters left Šiauliai this morning for their home base at Amendola.", "Šiauliai",
         "LIBA"),
        # a four-letter ICAO code opening "<code> to <place>" after the verb
        ("A Luftwaffe A400M in MedEvac configuration flew EPRZ to Cologne/Bonn (EDDK) on Wednesday "
         "afternoon.",
         "EPRZ", "EDDK"),
        ("From Libreville, most of the evacuees were due to continue to Paris on Thursday evening aboard "
         "an Air "
         "France Boeing 777.", "Libreville", "Paris"),
        # a leg's airport and, after it, the country it is in: one leg
        ("The Apaches landed at Powidz Air Base on Saturday after a two-day flight from Vlissingen, "
         "completing "
         "the move into Poland.", "Vlissingen", "EPPW"),
        # the base the subject is "based at", the city of the unit it is "from"
        ("One of the two Mi-171E helicopters based at Marambio flew a team of glaciologists to Esperanza "
         "Base "
         "on Thursday.", "SAWB", "SAYE"),
        ("The two C-27Js, from the 46th Air Brigade in Pisa, left on Wednesday morning and landed in Adana.",
         "Pisa", "Adana"),        # an ISR or tanker track over an area: the area is where the leg went
        ("Two USAF KC-135R tankers departed Al Udeid (OTBH) at 1905Z and set up a racetrack over Anbar "
         "province.",
         "OTBH", "Anbar"),
        # a route word after a time expression
        ("After unloading at Mogadishu, the C-130J continued this morning to Kismayo.", "Mogadishu",
         "Kismayo"),
        # "from its logistics hub at X": the hub is where the flights start
        ("The agency has flown at least 14 charter flights from its logistics hub at Dubai World Central to "
         "Kabul since June.", "OMDW", "Kabul"),
        # where an aircraft stood on the ground before it left
        ("A Turkish C-130E that had been on the ground in Mogadishu since Saturday departed for Djibouti on "
         "Monday morning.", "Mogadishu", "Djibouti"),
        # "based at the agency's X": the possessor of the base does not hide the "based at"
        ("NASA's P-3B Orion, based at the agency's Wallops Flight Facility on Virginia's Eastern Shore, flew "
         "to MacDill last week.", "KWAL", "KMCF"),
        # the unit's base in apposition after "from the unit,"
        ("Twelve F-16CMs from the 35th Fighter Wing, Misawa Air Base, Japan, arrived at Clark Air Base on "
         "April 10.", "RJSM", "RPLC"),
        # a direction before a country is part of the place
        ("An E-3A Sentry took off from Geilenkirchen on Monday and flew to eastern Poland.", "ETNG",
         "eastern Poland"),
        # the unit's base in apposition after "assigned to the unit,"
        ("Four B-52Hs assigned to the 5th Bomb Wing, Minot Air Force Base, North Dakota, arrived at RAF "
         "Fairford on Nov. 2.", "KMIB", "EGVA"),
        # where the aircraft waits on alert before it flies
        ("A second KC-390 is on alert at Anápolis and is expected to fly to Haiti later this week.",
         "Anápolis", "Haiti"),
        # tracker shorthand: "came down to"
        ("2/ Sunday: two US Navy P-8A Poseidons out of NAS Jacksonville (KNIP) came down to Hato (TNCC).",
         "KNIP", "TNCC"),
        # a possessive apostrophe after a name ending in s
        ("A Learjet 35A flew the patient to Buenos Aires' Jorge Newbery airport on Tuesday.", None, "SABE"),
        # a descriptor before "of" passes its preposition to the place it names
        ("A C-27J flew 180 soldiers from Moi Air Base to the southern Somali port city of Kismayo.", "HKRE",
         "Kismayo"),
        # an unnamed airstrip is located by the town it is near; a short name of a capital and an airport's
        ("A King Air 200 flew from an airstrip near Kwekwe to Harare in mid-August.", "Kwekwe", "Harare"),
        ("The Falcon 900EX set off from Accra's Kotoka International for Addis on Friday.", "DGAA",
         "Addis Ababa"),
        # "from their home at X": the home the trigger's "from" reaches
        ("Eight F-16Cs arrived at Korat on 15 March from their home at Misawa Air Base in Japan.", "RJSM",
         "VTUN"),
        # "leave X for Y": the aim after the origin; an Antarctic skiway and station by name
        ("A second A400M is scheduled to leave Torrejón for Marrakech tonight.", "LETO", "Marrakech"),
        ("A Basler BT-67 took them on from Novo to Progress station in the Larsemann Hills on Wednesday.",
         "Novo Runway", "Progress Station"),
        # "wheels down at" lands the leg its departure began
        ("The Il-96-300PU departed Vnukovo at 1325Z on Monday, wheels down at Ashgabat at 1741Z.", "UUWW",
         "Ashgabat"),
        # an army aviation base no gazetteer knows, by its head words
        ("Mi-17 helicopters flew medical teams from Qasim Army Aviation Base in Rawalpindi to Peshawar on "
         "Monday.",
         "Qasim Army Aviation Base", "Peshawar"),
        # "Union Glacier" is the blue-ice runway, not an organisation's name
        ("The IL76 took off from Union Glacier at 1251Z and landed at SCCI at 1658Z.", "SCGC", "SCCI"),
        # the airport's city written before its name is part of the mention
        ("On February 11, 2025, a Boeing 747-400F flew from Tehran Imam Khomeini International Airport "
         "(IKA), Iran, to Moscow Vnukovo International Airport (VKO), Russia.", "OIIE", "UUWW"),
        ("Tomorrow the F-35s should press on from Lajes to Spangdahlem (ETAD) in Germany.", "LPLA", "ETAD"),
    ],
    ids=[
        "out-of-in-subject",
        "lifted-out-of",
        "climbed-out-of",
        "home-base-at-unknown",
        "roared-into",
        "dropped-in-to",
        "recovered-to",
        "codes-restate-a-city",
        "route-with-bracketed-codes",
        "left-home-base-of",
        "back-to-home-base-of",
        "flew-in-from-base-at",
        "parked-at-after-flying-in",
        "on-the-ground-at-after-arriving",
        "base-near-city",
        "al-arish",
        "island-of",
        "possessive-runway",
        "fronted-from-in-town",
        "for-home-base-at",
        "code-to-place-after-verb",
        "fronted-from-no-leg-before",
        "country-after-its-airport",
        "based-at-in-subject",
        "from-unit-in-city",
        "racetrack-over",
        "continued-time-to",
        "from-its-hub-at",
        "on-the-ground-in-before-leaving",
        "based-at-a-possessors-base",
        "from-unit-comma-base",
        "direction-before-a-country",
        "assigned-to-unit-comma-base",
        "on-alert-at-before-flying",
        "came-down-to",
        "possessive-apostrophe-after-s",
        "port-city-of",
        "airstrip-near",
        "kotoka-and-addis",
        "from-their-home-at",
        "leave-for",
        "antarctic-stations",
        "wheels-down-at",
        "army-aviation-base",
        "landform-named-place-is-no-source",
        "city-before-its-airport",
        "press-on-from-to",
    ],
)  # fmt: skip
def test_events_ends_told_by_their_constructions(run, text, origin, destination):
    _assert_ends(run(text, "2025-06-14")._.events[0], origin, destination)


def test_events_followed_from_a_place_goes_where_the_leg_before_went(run):
    text = (
        "Six F-16Ds flew from Tengah Air Base to Korat on 14 March. Four F-15SGs followed from Paya Lebar "
        "the next day."
    )
    legs = run(text, "2025-03-20")._.events
    assert [(leg["origin"]["icao"], leg["destination"]["icao"]) for leg in legs] == [
        ("WSAT", "VTUN"), ("WSAP", "VTUN")
    ]


def test_events_followed_from_a_place_after_an_open_leg_goes_to_the_scene(run):
    text = (
        "Six F-16Ds flew up from Tengah Air Base on 14 March. Four F-15SGs followed from Paya Lebar the next "
        "day. Eight F-16Cs arrived at Korat from Misawa on 15 March. A KC-135R landed at Korat from Kadena "
        "on 16 March."
    )
    legs = run(text, "2025-03-20")._.events
    assert legs[0]["destination"] is None  # flew up, not followed: nothing says where
    assert legs[1]["destination"]["icao"] == "VTUN"
    assert "implicit:followed-destination" in legs[1]["rules"]


def test_events_a_later_aircraft_that_follows_on_a_day_flies_the_route_before(run):
    text = (
        "A C-130H flew relief goods from Manila to Virac on Tuesday. A second Hercules will follow on "
        "Thursday if the weather holds, he added."
    )
    legs = run(text, "2024-11-19")._.events
    assert [(leg["origin"]["name"], leg["destination"]["name"], leg["date"]["value"]) for leg in legs] == [
        ("Manila", "Virac", "2024-11-19"), ("Manila", "Virac", "2024-11-21")
    ]
    assert legs[1]["modality"] == "planned"


def test_events_a_later_aircraft_that_follows_with_a_stop_of_its_own_flies_the_route_before(run):
    text = (
        "A C-130J flew from Pisa to Benina on Wednesday with divers, the Italian Ministry of Defence said; a "
        "second Hercules followed on Thursday, staging through Sigonella in Sicily."
    )
    legs = run(text, "2023-09-15")._.events
    assert [(leg["origin"]["name"], leg["destination"]["icao"]) for leg in legs] == [
        ("Pisa", "HLLB"), ("Pisa", "HLLB")
    ]
    assert [v["icao"] for v in legs[1]["via"]] == ["LICZ"]


def test_events_flown_on_to_starts_where_the_leg_landed_not_where_it_was_due(run):
    text = (
        "The A220-300 left Brussels Airport at 8:10 p.m. It was due in Tallinn at 11:35 p.m. but the crew "
        "diverted to Riga. The same A220 flew them on to Tallinn Airport at 9:05 this morning."
    )
    legs = run(text, "2025-02-07")._.events
    assert (legs[-1]["origin"]["name"], legs[-1]["destination"]["icao"]) == ("Riga", "EETN")


def test_events_following_someone_to_a_place_is_a_leg(run):
    text = (
        "The Korean Air 777-300ER carried the business delegation to Jakarta on October 6. It followed the "
        "delegation to Kuala Lumpur on October 8."
    )
    legs = run(text, "2024-10-14")._.events
    assert len(legs) == 2
    assert (legs[1]["origin"]["name"], legs[1]["destination"]["icao"]) == ("Jakarta", "WMKK")
    assert legs[1]["date"]["value"] == "2024-10-08"


def test_events_following_with_neither_a_place_nor_a_date_is_no_leg(run):
    text = "A C-130H flew from Manila to Virac on Tuesday. Further aid will be following, he added."
    assert len(run(text, "2024-11-19")._.events) == 1


def test_events_the_night_it_will_stay_is_not_when_it_flies_home(run):
    (leg,) = run("Our C-130 will remain in Ha Noi tonight and fly home tomorrow.", "2024-09-12")._.events
    assert leg["date"]["value"] == "2024-09-13"


@pytest.mark.parametrize(
    "text, action, destination",
    [
        ("The Falcon 900EX brought the man back to Ciampino this morning.", "return", "LIRA"),
        ("The A330 would then bring the delegation home to Manila on Thursday night.", "return", None),
        ("A C-17 brought 90 tonnes of aid to Port Sudan on Monday.", "flight", None),
    ],
    ids=["brought-back-to", "would-then-bring-home-to", "brought-to-is-no-return"],
)  # fmt: skip
def test_events_bringing_someone_back_or_home_is_a_return(run, text, action, destination):
    (leg,) = run(text, "2025-02-25")._.events
    assert leg["action"] == action and leg["destination"] is not None
    if destination is not None:
        assert leg["destination"]["icao"] == destination


def test_events_the_span_of_the_exercise_is_not_the_legs_date(run):
    text = (
        "Six Eurofighters from Nörvenich have deployed to Albacete for the TLP flying course, which runs "
        "until April 4."
    )
    (leg,) = run(text, "2025-03-11")._.events
    assert leg["date"] is None


def test_events_flying_home_after_a_stop_ends_where_the_first_leg_started(run):
    text = (
        "A C-130H left El Palomar Air Base on Monday and flew to Río Gallegos. On Tuesday, the Hercules "
        "took off "
        "from Río Gallegos and landed at Marambio Base. It returned to Río Gallegos the same evening. It "
        "flew "
        "back to its home base on Wednesday."
    )
    event = run(text, "2025-02-13")._.events[-1]
    _assert_ends(event, "Río Gallegos", "SADP")


def test_events_a_sortie_that_comes_back_ends_its_outbound_leg_in_the_area_it_worked(run):
    text = (
        "A KC-135R took off from RAF Mildenhall on Monday and refuelled the jets over Romania before flying "
        "back to Mildenhall. Separately, a P-8A Poseidon out of Keflavik spent six hours over the Baltic Sea "
        "before heading back to Iceland."
    )
    events = run(text, "2025-06-14")._.events
    name = lambda place: place and place["name"]  # noqa: E731
    ends = [(name(e["origin"]), name(e["destination"])) for e in events]
    assert ends == [
        ("RAF Mildenhall", "Romania"),
        ("Romania", "RAF Mildenhall"),
        ("Baltic Sea", "Iceland"),
    ]
    assert "area:mission" in events[0]["rules"] and "area:mission-return" in events[2]["rules"]


def test_events_a_sortie_back_to_base_with_no_area_named_keeps_an_open_outbound_leg(run):
    text = "A KC-135R took off from RAF Mildenhall on Monday and flew back to Mildenhall in the evening."
    events = run(text, "2025-06-14")._.events
    assert events[0]["destination"] is None


def test_events_a_landing_told_again_with_its_clock_time_dates_the_leg(run):
    text = (
        "Two Russian Tu-160 bombers landed at Simón Bolívar International Airport outside Caracas on "
        "Tuesday. The first of the two aircraft touched down shortly after 6 p.m. local time, state "
        "television showed."
    )
    events = run(text, "2025-11-12")._.events
    assert [e["date"]["value"] for e in events] == ["2025-11-11T18:00"]
    # a return told with a clock time is a flight of its own
    text = text.replace("touched down shortly", "returned to Engels shortly")
    assert len(run(text, "2025-11-12")._.events) == 2


def test_events_here_is_the_place_of_the_dateline(extractor):
    text = (
        "Wing heads for Greenland\n\nSTRATTON AIR NATIONAL GUARD BASE, N.Y. - Three LC-130H Skibirds "
        "departed here "
        "on April 14 for Kangerlussuaq, Greenland."
    )
    event = extractor.extract(text, published="2025-04-16").model_dump()["events"][0]
    assert (event["origin"]["icao"], event["destination"]["name"]) == ("KSCH", "Kangerlussuaq Airport")


def test_events_a_stopover_told_with_the_legs_landing_is_not_a_transit(run):
    text = (
        "On 13 Aug the C-17 crossed the Atlantic, stopping at Lajes for fuel, and landed at Nevatim on "
        "the 14th."
    )
    event = run(text, "2025-08-20")._.events[0]
    assert event["action"] == "arrival" and event["destination"]["icao"] == "LLNV"
    # a crossing or a stop alone is one
    assert run("On Monday a KC-135 overflew Romania.", "2025-08-20")._.events[0]["action"] == "transit"


def test_events_a_clock_time_earlier_than_the_legs_before_is_past_midnight(run):
    text = (
        "JAKE11, an RC-135W, came out of Souda Bay at 1740Z on 18 November and flew to an orbit off Latakia. "
        "It was back at Souda around 0130Z."
    )
    events = run(text, "2025-11-20")._.events
    assert [e["date"]["value"] for e in events][-1] == "2025-11-19T01:30"


def test_events_a_sentence_opening_on_its_verb_is_flown_by_the_aircraft_told_last(run):
    text = (
        "Second: a USAF MQ-9A Reaper climbing out of Larissa at 0831Z and heading southeast. Third: RAF "
        "Shadow R1 ZZ504 out of Akrotiri at 1105Z. Went south to a box off Gaza, then came back up to "
        "Akrotiri and landed at 1618Z."
    )
    events = run(text, "2025-03-11")._.events
    assert [a["model"] for a in events[-1]["aircraft"]] == ["Shadow R1"]
    assert events[-1]["destination"]["name"] == "RAF Akrotiri"


def test_events_a_paragraph_opening_on_a_day_alone_dates_its_legs(run):
    text = (
        "Tuesday. The Portuguese Air Force C-295M came over from Figo Maduro with spares, and went back to "
        "Figo Maduro.\n\nWednesday. Six F-35As arrived from Goose Bay.\n\nA C-17 came in from Dover.\n\n"
        "Thursday morning. Two C-130Es arrived from Powidz."
    )
    events = run(text, None)._.events
    assert [e["date"]["value"] if e["date"] else None for e in events] == [
        "XXXX-WXX-2", "XXXX-WXX-2", "XXXX-WXX-3", None, "XXXX-WXX-4TMO"
    ]


def test_events_from_a_place_to_the_country_it_lies_in_is_a_route(run):
    events = run("An An-26 flew from Kaliningrad to mainland Russia on Wednesday.", "2025-03-14")._.events
    assert (events[0]["origin"]["name"], events[0]["destination"]["name"]) == ("Kaliningrad", "Russia")


def test_events_larnaka_is_larnaca(run):
    events = run("An A220-300 flew 112 people out of Beirut, landing at Larnaka.", "2024-09-30")._.events
    assert events[0]["destination"]["name"] == "Larnaca"


def test_events_a_zulu_time_ending_a_sentence_ends_it(run):
    # spaCy keeps "0130Z." in one token; the pipeline splits the full stop so the next sentence is its own
    text = "JAKE11, an RC-135W, landed at Souda at 0130Z. An RQ-4B out of Sigonella reached Lebanon at 2100Z."
    events = run(text, "2025-11-19")._.events
    assert [[a["model"] for a in e["aircraft"]] for e in events] == [["RC-135W"], ["RQ-4B"]]


def test_events_past_midnight_a_negated_leg_between_is_skipped_and_later_clocks_follow(run):
    # the thread's day ("yesterday", Aug 13) was named before the clock dated Aug 12: once a leg passes
    # midnight, the clock times told after it are Aug 13's too
    text = (
        "Busy one over the South China Sea yesterday. A P-8A Poseidon departed Kadena at 2310Z on Aug 12. "
        "The P-8A did not go home to Okinawa. The P-8A landed at Clark at 0748Z. "
        "An RC-135V lifted off from Kadena at 0105Z and was back on the ground at Kadena by 1020Z."
    )
    events = run(text, "2025-08-14")._.events
    assert [e["date"]["value"] for e in events if e["modality"] != "negated"] == [
        "2025-08-12T23:10", "2025-08-13T07:48", "2025-08-13T01:05", "2025-08-13T10:20"
    ]


def test_events_past_midnight_on_one_aircraft_leaves_the_others_on_their_day(run):
    # no next day was named before: another aircraft's clock stays on the day in force
    text = (
        "Busy night on 18 November. JAKE11, an RC-135W, came out of Souda Bay at 1740Z and flew to Latakia. "
        "It was back at Souda around 0130Z. FORTE10, an RQ-4B out of Sigonella, reached Lebanon around 2100Z."
    )
    events = run(text, "2025-11-19")._.events
    expected = ["2025-11-18T17:40", "2025-11-19T01:30", "2025-11-18T21:00"]
    assert [e["date"]["value"] for e in events] == expected


def test_events_a_definite_count_of_aircraft_is_those_told_before(run):
    text = (
        "Two Hellenic Air Force Canadair CL-415 aircraft returned to Elefsina from Paphos on Thursday. The two "
        "aircraft, from the 383rd Squadron, took off from Elefsina at 07:40 on Sunday and landed at Paphos."
    )
    event = run(text, "2024-08-09")._.events[-1]
    assert [a["model"] for a in event["aircraft"]] == ["CL-415"]


def test_events_a_flight_told_only_by_its_start_after_an_arrival_is_that_arrivals_departure(run):
    text = (
        "Four Royal Air Force Typhoon FGR4 fighters have arrived at Ämari Air Base in Estonia. The jets flew "
        "from RAF Coningsby on 3 April 2025 and were refuelled over the North Sea."
    )
    events = run(text, "2025-04-05")._.events
    assert len(events) == 1
    _assert_ends(events[0], "RAF Coningsby", "EEEI")
    assert events[0]["date"]["value"] == "2025-04-03"


def test_events_a_typed_past_perfect_departure_completes_a_generic_arrival(run):
    text = (
        "An Algerian military transport plane landed at Damascus international airport on Monday. The Ilyushin "
        "Il-76TD had left Boufarik air base early on Monday and stopped in Cairo to refuel. The same plane "
        "returned to Boufarik on Tuesday."
    )
    first, back = run(text, "2025-12-09")._.events
    assert [a["model"] for a in first["aircraft"]] == ["Il-76TD"]
    assert (first["origin"]["icao"], first["destination"]["icao"]) == ("DAAK", "OSDI")
    assert (back["origin"]["icao"], back["destination"]["icao"]) == ("OSDI", "DAAK")


def test_events_a_registration_never_told_with_a_type_is_no_aircraft(run):
    events = run("A Boeing 747 landed in Minsk on Friday. EP-FAB flew to Vnukovo on Sunday.", "2024-11-07")._.events
    assert [e["destination"]["text"] for e in events] == ["Minsk"]  # no type was ever written with EP-FAB


def test_events_and_back_is_a_return_leg_on_the_same_day(run):
    events = run("A Dornier 228 flew from Port Blair to Car Nicobar and back on Sunday.", "2023-11-07")._.events
    assert [(e["action"], e["origin"]["text"], e["destination"]["text"]) for e in events] == [
        ("flight", "Port Blair", "Car Nicobar"),
        ("return", "Car Nicobar", "Port Blair"),
    ]
    assert events[0]["date"]["value"] == events[1]["date"]["value"] == "2023-11-05"


def test_events_a_relative_clause_leg_and_the_main_verb_leg(run):
    text = "A C-130J that had arrived in Bamako from Pisa on Monday flew 41 people to Ciampino on Tuesday night."
    events = run(text, "2026-02-11")._.events
    assert [(e["origin"]["text"], e["destination"]["text"]) for e in events] == [
        ("Pisa", "Bamako"),
        ("Bamako", "Ciampino"),
    ]


def test_events_rotate_back_is_a_return_and_ascension_is_its_airfield(run):
    events = run(
        "Two E-3As flew from Geilenkirchen to Otopeni on Monday. One of them will rotate back to Geilenkirchen "
        "later this month. A Voyager will fly out to Ascension next week.",
        "2025-01-15",
    )._.events
    assert [(e["action"], e["destination"]["name"]) for e in events[1:]] == [
        ("return", "NATO Air Base Geilenkirchen"),
        ("flight", "Wideawake Airfield"),
    ]


def test_events_a_restating_leg_gives_its_airports_and_clock_time(run):
    text = (
        "North Korea's Il-62M flew from Pyongyang to Vladivostok on 3 September. "
        "The four-engined jet departed Pyongyang Sunan International Airport at 10:05 local time and landed at "
        "Vladivostok International Airport at 12:30 local time."
    )
    legs = run(text, None)._.events
    assert len(legs) == 1, legs
    assert legs[0]["origin"]["name"] == "Pyongyang Sunan International Airport"
    assert legs[0]["destination"]["name"] == "Vladivostok International Airport"
    assert legs[0]["date"]["value"] == "XXXX-09-03T10:05"


def test_events_a_leg_with_nothing_of_its_own_but_the_last_legs_end_is_dropped(run):
    text = (
        "North Korea's Il-62M flew from Pyongyang to Vladivostok on Monday. "
        "Its transponder briefly appeared as the aircraft crossed the coast south of the city."
    )
    assert [e["action"] for e in run(text, DCT)._.events] == ["flight"]


def test_events_held_back_at_a_base_is_no_return(run):
    text = "Seven Eurofighters flew from Singapore to Darwin on Friday. One jet was held back at Paya Lebar."
    assert [e["action"] for e in run(text, DCT)._.events] == ["flight"]


def test_events_a_definite_role_coordinated_with_the_subject_is_its_partner(run):
    text = (
        "Six F-35As arrived at Goose Bay on Sunday, supported by a KC-767A tanker. "
        "On Monday the F-35s and their tanker continued to Canadian Forces Base Cold Lake."
    )
    legs = run(text, DCT)._.events
    assert {a["model"] for a in legs[-1]["aircraft"]} == {"F-35A", "KC-767A"}
    assert legs[-1]["destination"]["name"] == "CFB Cold Lake"  # a base's name is no source


def test_events_jets_and_the_tanker_are_both_types(run):
    text = (
        "Six F-35As and a KC-767A tanker were readied at Amendola. "
        "The jets and the tanker left Amendola on Sunday for Goose Bay."
    )
    legs = run(text, DCT)._.events
    assert {a["model"] for a in legs[-1]["aircraft"]} == {"F-35A", "KC-767A"}


def test_events_a_type_accompanying_the_subject_flies_with_it_but_does_not_locate_it(run):
    text = (
        "Six F-35As from the 32nd Wing at Amendola arrived at Eielson on Tuesday, accompanied by a KC-767A "
        "tanker of the 14th Wing."
    )
    (leg,) = run(text, DCT)._.events
    assert [a["model"] for a in leg["aircraft"]] == ["F-35A", "KC-767A"]
    assert leg["origin"]["name"] == "Amendola Air Base"


def test_events_out_of_a_place_or_code_is_the_origin(run):
    text = (
        "A Boeing 737-800 landed at Jasionka on Monday. "
        "Wheels up again out of EPRZ at 1538Z, back at Okęcie by 1626Z."
    )
    legs = run(text, DCT)._.events
    assert [(e["origin"] or {}).get("name") for e in legs] == [None, "Rzeszów-Jasionka Airport"]
    assert legs[1]["destination"]["name"] == "Warsaw Chopin Airport"


def test_events_before_flying_on_starts_the_next_leg_but_a_stop_before_landing_does_not(run):
    text = (
        "On Monday the F-35s continued to Cold Lake, where the crews rested, before flying to Eielson on "
        "Tuesday."
    )
    legs = run(text, DCT)._.events
    assert [(e["origin"] or {}).get("name") for e in legs] == [None, "CFB Cold Lake"]
    text = "The C-130H stopped at Balikpapan before reaching Palu late on Monday."
    assert len(run(text, DCT)._.events) == 1


def test_events_the_island_is_the_island_the_story_is_about(run):
    text = (
        "Two C-130H transports flew from Elefsina to Rhodes on Saturday as fires spread on Rhodes. "
        "Two CL-415 water bombers arrived on the island on Sunday from Ciampino."
    )
    legs = run(text, DCT)._.events
    assert "Rhodes" in legs[-1]["destination"]["name"]
    text = (
        "RAF Typhoons flew to RAF Akrotiri in Cyprus on Monday, and only one diverted to Souda Bay on Crete. "
        "Cyprus was told in advance. "
        "The Defence Secretary flew to the island on Thursday aboard an RAF Envoy IV from RAF Northolt."
    )
    assert run(text, DCT)._.events[-1]["destination"]["name"] == "Cyprus"


def test_events_a_third_aircraft_is_one_more_of_the_type_not_a_summary(run):
    text = (
        "Two P-8A Poseidon aircraft relocated from Evenes to Andøya on Monday. "
        "A third aircraft flew directly from Keflavík to the island on Tuesday."
    )
    legs = run(text, DCT)._.events
    assert len(legs) == 2
    assert legs[1]["aircraft"][0]["model"] == "P-8A"
    assert legs[1]["origin"]["name"] == "Keflavík International Airport"


def test_events_an_opening_after_clause_at_a_place_is_where_the_departure_starts(run):
    text = (
        "After the patients had been handed over by medical staff at Larnaca, the A321 took off again at 1410 "
        "on Thursday and landed at Cologne Wahn at 1805."
    )
    (leg,) = run(text, DCT)._.events
    assert leg["origin"]["name"] == "Larnaca"
    text = "After an overnight rest at Glasgow Prestwick Airport in Scotland, the CC-177 landed in Riga."
    (leg,) = run(text, DCT)._.events
    assert leg["origin"]["name"] == "Glasgow Prestwick Airport"


def test_events_a_callsign_or_registration_told_with_its_type_is_that_aircraft_later(run):
    text = (
        "The C-5M Super Galaxy, callsign RCH465, belongs to the 436th Airlift Wing.\n\n"
        "3/ RCH465 left Rota at 2140Z yesterday and landed at Nevatim at 0412Z this morning."
    )
    (leg,) = run(text, DCT)._.events
    assert leg["aircraft"][0]["model"] == "C-5M"
    text = (
        "Mahan Air's Boeing 747-400F EP-MNV landed at Caracas on 14 March.\n\n"
        "EP-MNV sat on the cargo ramp for about 20 hours and left for Tehran on 15 March."
    )
    legs = run(text, DCT)._.events
    assert [e["destination"]["name"] for e in legs] == ["Caracas", "Tehran"]


@pytest.mark.parametrize(
    "text, origin, destination",
    [
        ("We logged four earlier Vnukovo-Hmeimim runs by this An-124 since October.",
         "Vnukovo International Airport", "Hmeimim Air Base"),
        ("We have logged five earlier Mahan 747F rotations IKA–CCS since January.",
         "Imam Khomeini International Airport", "Simón Bolívar International Airport"),
        ("4/ Tuesday: the Boeing 747-8 hops Andrews ➝ Ottawa.", "Joint Base Andrews", "Ottawa"),
    ],
    ids=["route-before-a-noun", "code-route-after-a-noun", "arrow-route"],
)  # fmt: skip
def test_events_routes_written_with_dashes_arrows_and_codes(run, text, origin, destination):
    (leg,) = run(text, DCT)._.events
    assert (leg["origin"]["name"], leg["destination"]["name"]) == (origin, destination)


def test_events_a_later_place_inside_the_destination_refines_it(run):
    text = (
        "One A400M flew back to Spain with 118 evacuees on Tuesday, landing at Torrejon air base near Madrid "
        "at 11.40pm."
    )
    (leg,) = run(text, DCT)._.events
    assert leg["destination"]["name"] == "Torrejón Air Base"
    text = (
        "Conviasa operated its first Caracas-Moscow flight on Wednesday, sending an Airbus A340-600 from "
        "Simon Bolivar International Airport to Moscow's Vnukovo airport."
    )
    (leg,) = run(text, DCT)._.events
    assert leg["aircraft"][0]["model"] == "A340-600"
    assert leg["destination"]["name"] == "Vnukovo International Airport"


def test_events_cargo_destined_for_a_country_is_not_the_flights_destination(run):
    text = (
        "A CC-177 departed 8 Wing Trenton on March 5 with military equipment destined for Ukraine and landed "
        "at Rzeszów."
    )
    (leg,) = run(text, DCT)._.events
    assert leg["destination"]["name"] == "Rzeszów"


def test_events_back_in_a_year_is_no_return(run):
    text = (
        "Two C-17s landed at Berbera on Monday. "
        "The Emiratis built a facility at Berbera before scaling it back in 2019."
    )
    assert [e["action"] for e in run(text, DCT)._.events] == ["arrival"]


def test_events_a_base_no_gazetteer_knows_is_located_by_its_city(run):
    text = "The A400M took off from the 12th Air Transport Main Base in Kayseri on Wednesday and landed at Beirut."
    (leg,) = run(text, DCT)._.events
    assert leg["origin"]["name"] == "Kayseri"


def test_events_and_was_on_the_ground_at_ends_the_leg(run):
    text = "A Boeing 737-800 lifted off from Warsaw Chopin at 0712Z and was on the ground at Jasionka 41 minutes later."
    (leg,) = run(text, DCT)._.events
    assert leg["destination"]["name"] == "Rzeszów-Jasionka Airport"
    text = "Satellite images showed four Il-76s on the ground at Hmeimim on Monday."
    assert run(text, DCT)._.events == []


def test_events_an_origin_the_text_gives_beats_the_carried_over_one(run):
    text = (
        "A Japanese government Boeing 777-300ER landed at Joint Base Andrews on Monday. The aircraft, flown by the "
        "Special Airlift Group, took off from Tokyo's Haneda airport shortly after 10 a.m. on Monday."
    )
    legs = run(text, DCT)._.events
    assert legs[-1]["origin"]["name"] == "Tokyo Haneda Airport"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the arrival of the same aircraft in the next sentence completes the departure
            "A Turkish A400M took off from Erkilet Air Base on Monday. It landed in Mogadishu six hours later.",
            [("flight", ("A400M",), "Kayseri Erkilet Air Base", "Mogadishu", "2025-10-27", None, "asserted")],
        ),
        (  # "the first aircraft" is one of those told before; the stop is on the way
            "Türkiye has flown two A400M transports into Mogadishu this week. The first aircraft took off from "
            "Kayseri's Erkilet Air Base on Monday. It stopped for fuel in Djibouti and landed at Aden Adde "
            "International Airport at 15:40.",
            [("flight", ("A400M",), None, "Aden Adde International Airport", "2025-W44", None, "asserted"),
             ("flight", ("A400M",), "Kayseri Erkilet Air Base", "Aden Adde International Airport",
              "2025-10-27T15:40", None, "asserted")],
        ),
        (  # a past perfect departure after the arrival gives its origin
            "A Belarusian Il-76 landed in Minsk on Monday. It had left Vnukovo at 0412Z.",
            [("flight", ("Il-76",), "Vnukovo International Airport", "Minsk", "2025-10-27T04:12", None, "asserted")],
        ),
        (  # leaving the place it landed at is the next leg, not the same one
            "A Belarusian Il-76 landed in Minsk on Monday. It left Minsk for Vnukovo on Tuesday.",
            [("arrival", ("Il-76",), None, "Minsk", "2025-10-27", None, "asserted"),
             ("flight", ("Il-76",), "Minsk", "Vnukovo International Airport", "2025-10-28", None, "asserted")],
        ),
        (  # days apart: two legs
            "A Turkish A400M took off from Erkilet Air Base on Monday. It landed in Mogadishu on Friday.",
            [("departure", ("A400M",), "Kayseri Erkilet Air Base", None, "2025-10-27", None, "asserted"),
             ("arrival", ("A400M",), None, "Mogadishu", "2025-10-24", None, "asserted")],
        ),
        (  # the arrival told first, then where and when that flight began: one leg, dated by its departure
            "Four B-52H bombers landed at Orland air base on Monday. The bombers took off from Barksdale "
            "Air Force Base on Sunday evening.",
            [("flight", ("B-52H",), "Barksdale Air Force Base", "Ørland Air Base", "2025-10-26TEV", None,
              "asserted")],
        ),
        (  # "The Hellenic Air Force aircraft": a generic aircraft of the typed ones, named with its owner
            "Two Greek CL-415 aircraft landed at Skopje airport on Monday afternoon. The Hellenic Air Force "
            "aircraft took off from Elefsina Air Base shortly after 1 p.m.",
            [("flight", ("CL-415",), "Elefsis Air Base", "Skopje International Airport", "2025-10-27T13:00",
              None, "asserted")],
        ),
        (  # "flew in from": where the arrival told before came from
            "Four F-16s landed at Siauliai air base on Monday. The jets flew in from Monte Real air base.",
            [("flight", ("F-16",), "Monte Real Air Base", "Šiauliai Air Base", "2025-10-27", None,
              "asserted")],
        ),
        (  # taking off again the day after is a later flight
            "Four B-52H bombers landed at Orland air base on Monday. The bombers took off again on Tuesday.",
            [("arrival", ("B-52H",), None, "Ørland Air Base", "2025-10-27", None, "asserted"),
             ("departure", ("B-52H",), "Ørland Air Base", None, "2025-10-28", None, "asserted")],
        ),
        (  # the arrival told first, then the whole flight again with its origin: one leg, at the airport
            "Four F-16C fighters have arrived in Iceland on Monday. The F-16s took off from Lask air base "
            "and "
            "reached Keflavik after a transit of five hours.",
            [("flight", ("F-16C",), "Łask Air Base", "Keflavík International Airport", "2025-10-27", None,
              "asserted")],
        ),
    ],
    ids=[
        "departure-then-arrival", "the-first-aircraft", "past-perfect-departure", "onward-leg", "days-apart",
        "departure-told-after-arrival", "generic-with-owner", "flew-in-from-after-arrival", "later-departure",
        "whole-flight-after-arrival",
    ],
)
def test_events_a_leg_told_over_two_sentences_is_one_leg(run, text, expected):
    assert [_leg(e) for e in run(text, DCT)._.events] == expected


def test_events_a_departure_with_stops_told_after_the_arrival_is_the_same_leg(run):
    text = (
        "An Indonesian A400M landed at El Arish International Airport on Tuesday evening. The aircraft took "
        "off "
        "from Halim Perdanakusuma Air Force Base on Monday morning and made a refuelling stop at Salalah."
    )
    legs = [_leg(e) for e in run(text, DCT)._.events]
    assert [(leg[2], leg[3]) for leg in legs] == [
        ("Halim Perdanakusuma Air Base", "El Arish International Airport")
    ], legs


def test_events_arriving_from_after_the_arrival_gives_its_origin(run):
    text = (
        "A Turkish A400M landed at Aden Adde International Airport on Sunday evening. The aircraft, arriving "
        "from Ankara, parked on the military apron."
    )
    legs = [_leg(e) for e in run(text, DCT)._.events]
    assert [(leg[2], leg[3]) for leg in legs] == [("Ankara", "Aden Adde International Airport")], legs


def test_events_the_flight_of_one_type_a_summary_told_is_its_own_leg(run):
    text = (
        "An Il-78 tanker and two C-130 Hercules landed in Adana over the past two days. The Il-78 took off "
        "from Nur Khan air base on Monday and landed at Adana in the evening."
    )
    legs = [_leg(e) for e in run(text, DCT)._.events]
    flown = [leg for leg in legs if leg[2] is not None]
    assert [leg[1] for leg in flown] == [("Il-78",)], legs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a tracker's log with no subject: opening "Out of", then "and on the ground at"
            "First airframe: Il-62M RA-86537. Out of Chkalovsky (UUMU) at 0612Z on Monday, squawking normally, "
            "and on the ground at Minsk National (UMMS) at 0805Z.",
            [("flight", ("Il-62M",), "Chkalovsky Air Base", "Minsk National Airport", "2025-10-27T06:12", None,
              "asserted")],
        ),
        (  # opening "Off", then ", down at"
            "The An-124 UR-82008 was the quick one. Off Leipzig at 0347Z on Monday, down at EPRZ at 0519Z.",
            [("flight", ("An-124",), "Leipzig", "Rzeszów-Jasionka Airport", "2025-10-27T03:47", None, "asserted")],
        ),
        ("Off the coast of Libya, the MQ-9 circled for hours.", []),  # no name after it: no departure
        (  # the one proper word of a base named before, after a movement preposition
            "Two P-8As arrived at Clark Air Base last week. A P-8A flew a patrol out of Clark on Monday.",
            [("arrival", ("P-8A",), None, "Clark International Airport", "2025-W43", None, "asserted"),
             ("flight", ("P-8A",), "Clark International Airport", None, "2025-10-27", None, "asserted")],
        ),
        (
            "From Eielson, the F-35As set off for Japan on Monday.",
            [("flight", ("F-35A",), "Eielson Air Force Base", "Japan", "2025-10-27", None, "asserted")],
        ),
    ],
    ids=["out-of-opening", "off-opening", "off-the-coast", "short-name-of-a-base", "set-off"],
)
def test_events_tracker_logs_short_names_and_setting_off(run, text, expected):
    assert [_leg(e) for e in run(text, DCT)._.events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A C-17A flew from Biggs Army Airfield to Naval Station Guantanamo Bay on Friday. A second C-17A "
            "did the same run on Wednesday.",
            [("flight", ("C-17A",), "Biggs Army Airfield", "Naval Station Guantanamo Bay", "2025-10-24", None,
              "asserted"),
             ("flight", ("C-17A",), "Biggs Army Airfield", "Naval Station Guantanamo Bay", "2025-10-29", None,
              "asserted")],
        ),
        (  # the end it names stays its own
            "A Turkish A400M flew from Erkilet to Mitiga on October 13, and a C-130E took the same route "
            "from Esenboga the next day.",
            [("flight", ("A400M",), "Kayseri Erkilet Air Base", "Mitiga International Airport", "2025-10-13",
              None, "asserted"),
             ("flight", ("C-130E",), "Ankara Esenboğa Airport", "Mitiga International Airport", "2025-10-14",
              None, "asserted")],
        ),
    ],
    ids=["same-run", "same-route-from"],
)
def test_events_the_same_route_takes_the_ends_of_the_leg_before(run, text, expected):
    assert [_leg(e) for e in run(text, DCT)._.events] == expected


def test_events_the_base_of_the_unit_an_aircraft_belongs_to_is_its_origin(run):
    text = "A C-130H of the 33rd Airlift Base in Powidz carried the ground crew to Keflavik on Tuesday."
    (leg,) = run(text, DCT)._.events
    assert leg["origin"]["name"] == "Powidz Air Base"


@pytest.mark.parametrize(
    "text, origin",
    [
        (  # the unit's base after a chain of units, twelve words after "from"
            "Two C-130J Super Hercules from the 36th Airlift Squadron, 374th Airlift Wing, at Yokota Air "
            "Base, Japan, landed at Andersen on Oct. 13.",
            "Yokota Air Base",
        ),
        (  # "The aircraft" refers to a type named before, but its base is given here
            "A Romanian Air Force C-27J Spartan flew the injured home. The aircraft, from the 90th Airlift "
            "Base at Otopeni, took off for Antalya on Monday.",
            "Henri Coandă International Airport",
        ),
        (
            "Two Coast Guard MH-60T Jayhawks from Air Station Kodiak flew to Bethel on Monday.",
            "Coast Guard Air Station Kodiak",
        ),
        (
            "Two CH-47F Chinooks from the Army Aviation Support Facility in Williamstown flew to Asheville.",
            "Williamstown",
        ),
    ],
    ids=["unit-chain", "referring-subject", "air-station", "facility-in-town"],
)
def test_events_the_base_in_the_subject_is_the_origin(run, text, origin):
    (leg,) = run(text, DCT)._.events
    assert leg["origin"]["name"] == origin


def test_events_a_flight_due_from_a_place_starts_there_and_is_planned(run):
    text = "A fourth tanker, a C-130Q, is due from Glacier Park International Airport on Thursday."
    (leg,) = run(text, DCT)._.events
    assert (leg["action"], leg["origin"]["icao"], leg["modality"]) == ("flight", "KGPI", "planned")


def test_events_the_unit_another_leg_names_for_a_type_operates_its_other_legs(run):
    text = (
        "Two C-17s of the 436th Airlift Wing flew from Dover to Ramstein on Monday. On Tuesday the US Air "
        "Force C-17s flew on to Rzeszow."
    )
    assert [e["operator"]["name"] for e in run(text, DCT)._.events] == ["436th Airlift Wing"] * 2


def test_events_a_city_the_article_names_an_airport_of_is_that_airport(run):
    text = (
        "A C-17 landed at Toussaint Louverture International Airport on Monday. "
        "A second C-17 flew to Port-au-Prince on Tuesday."
    )
    legs = run(text, DCT)._.events
    assert [leg["destination"]["icao"] for leg in legs] == ["MTPP", "MTPP"]
    assert legs[1]["destination"]["text"] == "Port-au-Prince"  # the span is still the city's


def test_events_a_city_with_two_airports_named_stays_the_city(run):
    text = (
        "One Il-76 landed at Vnukovo on Monday and another at Sheremetyevo. "
        "A third Il-76 flew to Moscow on Tuesday."
    )
    legs = run(text, DCT)._.events
    assert legs[-1]["destination"]["name"] == "Moscow"


def test_events_since_a_day_before_the_trigger_is_how_long_it_stood_not_when_it_flew(run):
    text = "A C-130E that had been on the ground in Mogadishu since Saturday departed for Djibouti on Monday morning."
    assert run(text, DCT)._.events[0]["date"]["value"] == "2025-10-27TMO"
    text = "Since October 20, C-17s have flown 11 relief missions from Ramstein to Djibouti."
    assert run(text, DCT)._.events[0]["date"]["value"] == "2025-10-20"  # an aggregate's start stays


def test_events_another_aircraft_in_a_coordinated_clause_is_another_leg_to_the_same_place(run):
    text = (
        "An A400M Atlas C1 had landed at Ämari on 2 April, and a Voyager KC2 brought the remaining support "
        "personnel from RAF Brize Norton. Three CC-130J Hercules flights arrived from Trenton on Monday, and "
        "a Polish Air Force C-130E flew in from Powidz on Saturday."
    )
    legs = [
        ([a["text"] for a in e["aircraft"]], e["origin"] and e["origin"]["icao"],
         e["destination"] and e["destination"]["icao"])
        for e in run(text, "2025-04-08")._.events
    ]  # fmt: skip
    # the CC-130J arrivals reach the article's scene (Ämari, reached twice before); the C-130E is a leg of its
    # own, not a second trigger of the CC-130J leg
    assert legs == [
        (["A400M Atlas C1"], None, "EEEI"),
        (["Voyager KC2"], "EGVN", "EEEI"),
        (["CC-130J Hercules"], None, "EEEI"),
        (["C-130E"], "EPPW", "EEEI"),
    ]


def test_events_the_capital_is_the_capital_the_story_is_about_and_stays_a_city(run):
    text = (
        "MOGADISHU, Sept 4 (Reuters) - Egyptian transport planes have flown into Mogadishu's Aden Adde "
        "International Airport since August, as Cairo moves equipment. Two Egyptian C-130H Hercules landed "
        "in "
        "the capital on Tuesday."
    )
    legs = run(text, DCT)._.events
    assert legs[-1]["destination"]["name"] == "Mogadishu"


def test_events_an_aggregate_is_dated_by_the_start_of_its_period(run):
    text = (
        "By my count there have been at least 11 arrivals at SVMI from Tehran since January, the latest on "
        "Sunday night."
    )
    legs = run(text, DCT)._.events
    assert [(e["count"], e["date"]["value"]) for e in legs if e["count"]] == [(11, "2025-01")]


def test_events_a_province_abbreviation_does_not_end_the_sentence(run):
    text = (
        "A CC-177 from 429 Transport Squadron took off from 8 Wing Trenton, Ont., on April 1 and landed at "
        "Pituffik Space Base."
    )
    legs = [_leg(e) for e in run(text, DCT)._.events]
    assert [(leg[2], leg[3]) for leg in legs] == [("CFB Trenton", "Pituffik Space Base")], legs


@pytest.mark.parametrize(
    ("text", "origins"),
    [
        (  # the evacuees' ferry crossing is not where the jet came from
            "A Mexican Air Force Boeing 737-800 landed in Larnaca on Saturday. The evacuees had crossed from "
            "Beirut to Cyprus by ferry with the support of the embassy.",
            [None],
        ),
        (  # the journey on by boat is not the flight
            "A C-130 flew two glaciologists from Punta Arenas to King George Island, from where they were to "
            "continue by boat.",
            ["Punta Arenas"],
        ),
    ],
    ids=["by-ferry", "continue-by-boat"],
)
def test_events_a_crossing_by_surface_is_no_flight_but_the_journey_on_is_not_the_flight(run, text, origins):
    assert [e["origin"] and e["origin"]["name"] for e in run(text, DCT)._.events] == origins


@pytest.mark.parametrize(
    "text",
    [
        "A Venezuelan E190 flew 90 people home. The plan helps Venezuelans who wish to return to the city.",
        "Two CH-47s flew sandbags to Nysa. Residents of the lower districts may be able to return home.",
    ],
    ids=["who-wish-to-return", "able-to-return-home"],
)
def test_events_people_returning_home_are_no_flight(run, text):
    assert [e["action"] for e in run(text, DCT)._.events if e["action"] == "return"] == []


def test_events_a_section_title_is_no_leg(run):
    text = (
        "Four Y-20s flew from Urumqi to Belgrade on Monday.\n\nGoing home\n\n"
        "The jets stayed in Belgrade until Friday."
    )
    assert [e["action"] for e in run(text, DCT)._.events] == ["flight"]


def test_events_a_take_off_told_again_with_its_clock_time_dates_the_leg_and_gives_its_origin(run):
    text = (
        "The Czech prime minister set off for Canberra on Thursday aboard an Airbus A319CJ of the Czech Air "
        "Force. The A319CJ left Prague-Kbely at around 9 a.m. local time, the government said."
    )
    events = run(text, "2025-11-15")._.events
    assert len(events) == 1
    assert events[0]["date"]["value"] == "2025-11-13T09:00"
    assert events[0]["origin"]["name"] == "Prague-Kbely Air Base"
    assert "date:clock-of-take-off-told-again" in events[0]["rules"]


def test_events_a_leg_back_to_the_home_named_in_its_subject_starts_where_the_last_leg_ended(run):
    text = (
        "An Antonov An-124 landed at Rzeszów-Jasionka on Monday. The giant freighter, which normally "
        "works out of Leipzig, left again for Leipzig the next morning."
    )
    events = run(text, "2025-09-10")._.events
    assert events[-1]["destination"]["name"].startswith("Leipzig")
    assert events[-1]["origin"]["name"] == "Rzeszów-Jasionka Airport"
    assert "chain:origin-after-drop" in events[-1]["rules"]


def test_events_and_was_parked_at_ends_a_departure(run):
    text = (
        "A Russian Il-76MD left Chkalovsky (UUMU) at 2140Z on Friday and was parked at Tehran Mehrabad by "
        "Saturday."
    )
    event = run(text, "2024-09-10")._.events[0]
    assert (event["origin"]["name"], event["destination"]["name"]) == (
        "Chkalovsky Air Base",
        "Mehrabad International Airport",
    )
    # alone, a parked aircraft is a sighting, not an arrival
    assert run("An Il-76MD was parked at Tehran Mehrabad on Saturday.", "2024-09-10")._.events == []


def test_events_a_route_told_with_codes_beats_the_chained_origin(run):
    text = (
        "Boeing 747-200F EP-FAB landed at Minsk on Monday. Looking ahead, EP-FAB is scheduled to fly "
        "IKA–Vnukovo again this Thursday."
    )
    event = run(text, "2024-11-04")._.events[-1]
    assert (event["origin"]["iata"], event["destination"]["name"]) == ("IKA", "Vnukovo International Airport")


def test_events_continuing_by_bus_is_no_flight(run):
    text = (
        "A Danish Challenger was diverted to Billund on Tuesday night. The delegation continued to "
        "Copenhagen by bus."
    )
    events = run(text, "2023-11-22")._.events
    assert [e["destination"]["name"] for e in events] == ["Billund Airport"]


@pytest.mark.parametrize(
    "text, origin, destination",
    [
        ("The Il-76TD has flown at least 14 round trips between Sharjah (OMSJ) and Bishkek's Manas airport "
         "since March.", "Sharjah International Airport", "Manas International Airport"),
        ("The Rivet Joint left RAF Mildenhall at 0005Z on Thursday and was established in an orbit over "
         "north-eastern Romania by 0330Z.", "RAF Mildenhall", "Romania"),
        ("The Poseidon left RAAF Base Edinburgh on Sunday morning and night-stopped in Darwin.",
         "RAAF Base Edinburgh", "Darwin"),
    ],
    ids=["between-code-and-possessor", "orbit-over-a-direction", "night-stopped"],
)  # fmt: skip
def test_events_ends_across_codes_possessors_and_directions(run, text, origin, destination):
    event = run(text, "2025-06-14")._.events[0]
    assert (event["origin"]["name"], event["destination"]["name"]) == (origin, destination)


def test_events_a_stop_before_continuing_is_the_via_of_one_leg(run):
    events = run("On 20 May an Il-76MD stopped at Tamanrasset for about an hour before continuing to Niamey.",
                 "2025-06-14")._.events  # fmt: skip
    assert len(events) == 1
    assert events[0]["destination"]["name"] == "Niamey"
    assert [v["icao"] for v in events[0]["via"]] == ["DAAT"]  # Tamanrasset's airport


def test_events_a_pronoun_after_a_fronted_stopover_is_the_aircraft_told_before(run):
    text = "A Y-20A took off from Urumqi on Friday afternoon. After a stop in Karachi it landed in Cairo."
    events = run(text, "2025-09-10")._.events
    assert len(events) == 1
    assert [a["text"] for a in events[0]["aircraft"]] == ["Y-20A"]
    assert events[0]["destination"]["name"] == "Cairo"
    assert [v["name"] for v in events[0]["via"]] == ["Karachi"]


def test_events_bring_back_after_due_to_is_a_planned_flight(run):
    text = "The C-32A is due to bring the lawmakers back to Washington on Wednesday."
    event = run(text, "2025-05-12")._.events[0]
    assert event["destination"]["name"] == "Washington"
    assert event["date"]["value"] == "2025-05-14"


def test_events_due_back_is_a_planned_return_from_where_the_aircraft_was(run):
    text = "Two KC-135Rs landed at Souda Bay on Monday. The tankers are due back at Mildenhall on Saturday."
    event = run(text, "2025-01-14")._.events[-1]
    assert (event["action"], event["modality"]) == ("return", "planned")
    assert (event["origin"]["icao"], event["destination"]["icao"]) == ("LGSA", "EGUN")


def test_events_left_again_leaves_from_where_the_last_leg_ended(run):
    text = (
        "A chartered Kenya Airways Boeing 787 landed at Port-au-Prince on Monday morning with 150 officers. "
        "The 787 left again on Monday evening for Nairobi carrying 40 officers."
    )
    event = run(text, "2025-01-14")._.events[-1]
    assert (event["origin"]["name"], event["destination"]["name"]) == ("Port-au-Prince", "Nairobi")


@pytest.mark.parametrize(
    "text, origin, destination",
    [
        (
            "An MD-11F landed at Poznan on Monday with ammunition. Two days later the same MD-11F flew empty "
            "to Liège.",
            "Poznań",
            "Liège",
        ),
        (
            "A KC-330 flew 40 citizens from Port Sudan to Jeddah on Sunday. The KC-330 then carried the "
            "group home, landing at Seoul Air Base on Tuesday.",
            "Jeddah",
            "Seoul Air Base",
        ),
    ],
    ids=["days-later-the-same-type", "the-type-then"],
)
def test_events_a_definite_type_told_as_a_next_step_leaves_from_where_it_was(run, text, origin, destination):
    event = run(text, "2024-05-10")._.events[-1]
    assert (event["origin"]["name"], event["destination"]["name"]) == (origin, destination)


def test_events_a_new_aircraft_of_the_type_later_does_not_inherit_the_origin(run):
    text = "An MD-11F landed at Poznan on Monday. Two days later an MD-11F flew to Liège."
    event = run(text, "2024-05-10")._.events[-1]
    assert (event["origin"], event["destination"]["name"]) == (None, "Liège")


def test_events_from_there_leaves_from_where_the_last_leg_ended(run):
    text = (
        "A C-130H landed at Rio Gallegos on Monday. From there a Learjet 35A air ambulance flew the "
        "glaciologist to Buenos Aires on Tuesday."
    )
    event = run(text, "2025-03-15")._.events[-1]
    assert (event["origin"]["name"], event["destination"]["name"]) == ("Río Gallegos", "Buenos Aires")
    assert "origin:from-there" in event["rules"]


def test_events_a_stay_before_the_flight_does_not_date_it(run):
    text = (
        "The C-130K landed in Skopje on Tuesday. The aircraft itself stayed in Skopje overnight and flew the "
        "short hop to Pristina on Wednesday morning once the fog had lifted."
    )
    event = run(text, "2024-10-17")._.events[-1]
    assert event["date"]["value"] == "2024-10-16TMO"


@pytest.mark.parametrize(
    "text, dct, value",
    [
        (
            "The aircraft was still on the ground in Kabul on Wednesday and is expected to fly back to Doha "
            "on Thursday, one of the diplomats said.",
            "2025-11-12",
            "2025-11-13",
        ),
        (
            "The prime minister is scheduled to hold talks at the White House on Wednesday and to leave "
            "Washington for Tokyo aboard the same aircraft on Thursday.",
            "2026-01-13",
            "2026-01-15",
        ),
        ("On Monday a C-17 flew from Ramstein to Rzeszow and landed on Tuesday.", "2026-04-08", "2026-04-06"),
    ],
    ids=["and-is-expected-to", "and-to", "date-of-the-leg-itself"],
)
def test_events_a_date_of_another_predicate_joined_by_and_does_not_date_the_leg(run, text, dct, value):
    assert run(text, dct)._.events[-1]["date"]["value"] == value


@pytest.mark.parametrize(
    "text, modality",
    [
        ("A third C-130BZ flight from Waterkloof to Beira, carrying water units donated by a local company, "
         "is planned for Wednesday, the SANDF said.", "planned"),
        ("Two more Spartan flights to Kismayo were scheduled for next week.", "planned"),
        ("A C-130BZ flight from Waterkloof to Beira landed on Wednesday.", "asserted"),
    ],
    ids=["is-planned-for", "were-scheduled-for", "flight-that-landed"],
)  # fmt: skip
def test_events_a_flight_noun_whose_verb_says_it_is_planned(run, text, modality):
    assert run(text, "2026-02-16")._.events[0]["modality"] == modality


def test_events_a_clock_time_told_after_a_later_one_is_the_next_days(run):
    text = (
        "A C-37B left Joint Base Andrews at 2210Z yesterday, refuelled at Shannon and touched down at Al "
        "Bateen at 0815Z. It was off Al Bateen again at 1521Z. Crowds saw the jets at 11:00 am (0800 GMT)."
    )
    values = {t["text"]: t["value"] for t in run(text, DCT)._.timexes}
    assert values["2210Z yesterday"] == "2025-10-29T22:10"
    assert values["0815Z"] == "2025-10-30T08:15"
    assert values["1521Z"] == "2025-10-30T15:21"
    assert values["0800 GMT"] == values["11:00 am"][:10] + "T08:00"  # the same time in another zone


@pytest.mark.parametrize(
    "text, route",
    [
        ("The fleet's Gulfstream G550 took the vice president from Abuja to Accra on September 20.",
         [("Abuja", "Accra")]),
        ("A fourth patient would be taken from Male to Colombo on the same Learjet 45 on Thursday.",
         [("Velana International Airport", "Colombo")]),
        ("The flight took place at Ramstein; the C-17 took part in an exercise there.", []),
        ("The C-17 took about nine hours, a longer route than airliners take between Delhi and Bishkek.", []),
    ],
    ids=["took-someone-from-to", "taken-from-to", "took-place-took-part", "took-hours-take-between"],
)  # fmt: skip
def test_events_a_passenger_taken_on_a_leg(run, text, route):
    events = run(text, DCT)._.events
    assert [(e["origin"]["name"][:5], e["destination"]["name"]) for e in events] == [
        (o[:5], d) for o, d in route
    ]


def test_events_pushed_on_to_continues_from_where_the_leg_ended(run):
    text = "On Thursday the A400M flew Erkilet to Misrata. On Friday she pushed on to Niamey."
    events = run(text, DCT)._.events
    assert events[-1]["destination"]["name"] == "Niamey"
    assert events[-1]["origin"]["name"].startswith("Misrata")


@pytest.mark.parametrize(
    "text, origin",
    [
        ("Two C-130H aircraft landed at Port Sudan International Airport on Saturday. The two Hercules left "
         "for Cairo the same evening.", "Port Sudan"),
        ("Two C-130H aircraft landed at Port Sudan International Airport on Saturday. A C-130H left for "
         "Cairo the same evening.", None),
        ("Two C-130H aircraft were expected at Port Sudan International Airport on Saturday. The two "
         "Hercules left for Cairo the same evening.", None),
    ],
    ids=["the-aircraft-brought-there", "another-airframe", "only-expected-there"],
)  # fmt: skip
def test_events_an_aircraft_leaves_from_where_the_story_brought_it(run, text, origin):
    leg = run(text, DCT)._.events[-1]
    assert leg["destination"]["name"] == "Cairo"
    assert (leg["origin"]["name"][:10] if leg["origin"] else None) == origin


@pytest.mark.parametrize(
    "text, route",
    [
        ("The HH-60G touched down at St. Paul at 11:40 p.m. and flew to Cold Bay.",
         [(None, "St. Paul"), ("St. Paul", "Cold Bay")]),
        ("The HH-60G left Cold Bay on Monday and flew to St. Paul.", [("Cold Bay", "St. Paul")]),
    ],
    ids=["and-flew-to-another-place", "a-departure-and-flew-to-is-one-leg"],
)  # fmt: skip
def test_events_a_landing_then_and_flew_to_is_the_next_leg(run, text, route):
    events = run(text, DCT)._.events
    assert [
        (e["origin"]["text"] if e["origin"] else None, e["destination"]["text"]) for e in events
    ] == route


@pytest.mark.parametrize(
    "text, origin",
    [
        ("The Rafales flew to Mont-de-Marsan. The A330 Phénix is scheduled to stay at Al Dhafra for about "
         "ten days before returning to Istres.", "Al Dhafra Air Base"),
        ("The two CC-130Js still at Pituffik are due back in Trenton on Friday.", "Pituffik Space Base"),
        ("The CH-47s are expected to remain in Guatemala through Nov. 15 and will then return to Soto Cano.",
         "Guatemala"),
    ],
    ids=["stay-at-before-returning", "still-at", "remain-in"],
)  # fmt: skip
def test_events_a_return_starts_where_the_aircraft_stays(run, text, origin):
    leg = run(text, DCT)._.events[-1]
    assert leg["action"] == "return"
    assert leg["origin"]["name"] == origin


def test_events_a_relative_date_restated_with_digits_takes_the_digits(run):
    text = "The F-35As landed at Andersen on June 9. The jets left Andersen two days later, on June 11."
    leg = run(text, DCT)._.events[-1]
    assert leg["date"]["value"].endswith("-06-11")
    assert len(leg["dates"]) == 2  # the relative one stays among its dates


def test_events_a_decade_dates_no_flight(run):
    text = (
        "Two E-3As landed at Ørland on 25 September. The spokesperson confirmed that both aircraft had "
        "arrived and that the detachment is housed in facilities built at the station in the 1990s."
    )
    events = run(text, "2023-09-27")._.events
    dates = [e["date"]["value"] for e in events if e["date"]]
    assert dates and "199" not in dates


@pytest.mark.parametrize(
    "text, route",
    [
        ("NOAA sent one of its two WP-3D Orions, N42RF, better known as \"Kermit\", from Lakeland "
         "Linder International Airport in Florida to St. Croix on Sunday.",
         [("Lakeland Linder", "Saint Croix")]),
        ("The Falcon 8X ran a quick Al Bateen to Muscat shuttle last Sunday, coming back to Abu Dhabi "
         "the same afternoon.", [("Al Bateen", "Muscat"), ("Muscat", "Abu Dhabi")]),
        ("After refuelling in Benghazi the IL76 pushed on south on Tuesday and landed at Niamey that "
         "evening.", [("Benghazi", "Niamey")]),
    ],
    ids=["known-as-is-no-clause-break", "coming-back-is-a-return", "after-refuelling-in-without-a-comma"],
)  # fmt: skip
def test_events_routes_told_in_passing(run, text, route):
    events = run(text, DCT)._.events
    assert [
        (e["origin"]["name"][:len(o)] if e["origin"] else None, e["destination"]["name"][:len(d)])
        for e, (o, d) in zip(events, route, strict=False)
    ] == route
    assert len(events) == len(route)


@pytest.mark.parametrize(
    "text, route",
    [
        ("A C-130, which took off from Marka for Port Sudan yesterday morning, was diverted to King "
         "Abdulaziz International Airport in Jeddah.", [("diversion", "Marka", "King Abdulaziz")]),
        ("An RAAF C-27J that had left Townsville for Port Vila on Monday was diverted to Santo-Pekoa "
         "International Airport.", [("diversion", "Townsville", "Santo")]),
        ("The C-27J landed at Port Vila on Monday. On Tuesday it was diverted to Santo-Pekoa International "
         "Airport.", [("arrival", None, "Port"), ("diversion", "Port", "Santo")]),
    ],
    ids=["bound-for-then-diverted", "left-for-then-diverted", "diverted-after-arriving"],
)  # fmt: skip
def test_events_a_diversion_starts_where_the_intended_leg_began(run, text, route):
    events = run(text, DCT)._.events
    assert [
        (e["action"], e["origin"]["name"][: len(o)] if e["origin"] else None,
         e["destination"]["name"][: len(d)])
        for e, (_, o, d) in zip(events, route, strict=False)
    ] == route
    assert len(events) == len(route)


def test_events_departing_before_a_noun_is_no_trigger(run):
    text = (
        "The A319 took off from Hobart Airport and touched down at Wilkins. After two hours on the ground, "
        "during which departing staff boarded, it flew back to Hobart."
    )
    events = run(text, DCT)._.events
    legs = [(e["action"], e["destination"]["name"][:6]) for e in events]
    assert legs == [("flight", "Wilkin"), ("return", "Hobart")]


@pytest.mark.parametrize(
    "text, route",
    [
        ("The next A320 charter is scheduled for next Thursday, this time from Trapani-Birgi to "
         "Enfidha-Hammamet.", ("Trapani", "Enfidha")),
        ("Two HH-139B helicopters dropped in for fuel on their way from Sigonella to Lampedusa.",
         ("Naval Air Station Sigonella", "Lampedusa")),
    ],
    ids=["a-charter-is-a-flight", "on-their-way-from-to"],
)  # fmt: skip
def test_events_a_charter_and_a_way_from_to(run, text, route):
    (leg,) = run(text, DCT)._.events
    assert (leg["origin"]["name"][: len(route[0])], leg["destination"]["name"][: len(route[1])]) == route


@pytest.mark.parametrize(
    "report",
    ["the ministry said in a statement on Tuesday", "the minister told a news conference on Tuesday",
     "the government said in an answer seen by dpa on Tuesday"],
)
def test_events_the_day_of_a_statement_is_not_the_day_of_the_flight(run, report):
    (event,) = run(f"Two C-17s flew from Dover to Rzeszow, {report}.", DCT)._.events
    assert event["date"] is None


def test_events_a_day_right_before_a_speech_verb_is_the_day_of_the_speech(run):
    text = "The crisis staff yesterday denied that a German CH-53 had landed in Jesenik on Sunday."
    (event,) = run(text, "2024-09-17")._.events
    assert event["date"]["value"] == "2024-09-15"


def test_events_the_route_of_a_flight_told_in_the_next_sentence(run):
    text = (
        "A weather satellite arrived in the territory on Thursday aboard an Antonov An-124-100 freighter. "
        "The Antonov Airlines jet took off from Munich airport on Wednesday afternoon and landed at "
        "Cayenne-Félix Eboué airport at 1412 local time."
    )
    (event,) = run(text, "2025-09-12")._.events
    assert (event["origin"]["icao"], event["destination"]["icao"]) == ("EDDM", "SOCA")
    assert "route:told-in-the-next-sentence" in event["rules"]


def test_events_a_departure_told_after_the_landing_with_the_place_landed_at(run):
    text = (
        "A Royal Australian Air Force C-17A Globemaster landed at Jacksons International Airport in Port "
        "Moresby on Monday with 40 tonnes of shelter kits. The aircraft had flown from RAAF Base Amberley "
        "near Brisbane and returned there on Tuesday."
    )
    events = run(text, "2025-03-12")._.events
    assert events[0]["origin"]["icao"] == "YAMB"
    assert events[0]["destination"]["icao"] == "AYPY"


@pytest.mark.parametrize("verb", ["move on", "push on"])
def test_events_moving_on_from_one_base_to_another(run, verb):
    text = f"Two of the B-52s are scheduled to {verb} from Fairford to Moron Air Base in southern Spain."
    (event,) = run(text, "2025-02-12")._.events
    assert (event["origin"]["icao"], event["destination"]["icao"]) == ("EGVA", "LEMO")
    assert event["modality"] == "planned"


def test_events_a_clock_after_an_evening_departure_is_the_next_morning(run):
    text = (
        "A Boeing 747-400F left Joint Base McGuire-Dix-Lakehurst in New Jersey on Wednesday evening, made a "
        "fuel stop at Shannon and touched down at Jasionka at 11.47 local time."
    )
    (event,) = run(text, "2025-05-16")._.events
    assert event["date"]["value"] == "2025-05-15T11:47"
    assert "date:clock-after-an-evening-departure" in event["rules"]


def test_events_got_into_is_an_arrival(run):
    text = "The C-17 sat on Wake for about five hours and finally got into Andersen at 1302Z yesterday."
    (event,) = run(text, "2024-08-15")._.events
    assert event["destination"]["icao"] == "PGUA"


def test_events_a_tally_of_flights_does_not_start_where_the_last_leg_ended(run):
    text = (
        "A Serbian government Embraer Legacy 600 landed at Tivat on Friday. The business jet flew back to "
        "the Serbian capital on Sunday evening.\n\nOur review of tracking data shows the same aircraft had "
        "already made three trips to Tivat between March and May."
    )
    tally = [e for e in run(text, "2025-06-20")._.events if e["count"] == 3]
    assert len(tally) == 1 and tally[0]["origin"] is None


@pytest.mark.parametrize("words", ["returned to normal", "returned to service"])
def test_events_returning_to_normal_or_to_service_is_no_flight(run, words):
    text = f"Kuwait's KC-130J fleet {words} by 6 a.m. on Tuesday, the air force said."
    assert run(text, "2025-06-11")._.events == []


def test_events_a_small_hours_landing_after_a_morning_leg_is_the_next_day(run):
    text = (
        "The Airbus A400M left Kayseri on Monday morning and flew to El Arish airport in Egypt. The A400M then "
        "carried the patients to Ankara's Esenboga Airport, landing at 2:40 a.m. local time."
    )
    events = run(text, "2025-11-18")._.events
    assert events[-1]["date"]["value"] == "2025-11-18T02:40"
