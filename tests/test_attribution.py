"""Attribution (components/attribution.py): who reports, citing whom, for which events; conflicts.

Tables of the team's own sentences: (id, text, expected attributions as (outlet name or None, [cited names])).
Articles with a header ("MOSCOW, Oct 30 (Reuters) -", a byline) go through the whole API so that the dateline
and
byline are found; bare sentences go through the pipeline components.
"""

from __future__ import annotations

import pytest


def _names(sources):
    return [s["name"] for s in sources]


def _pairs(attributions):
    return [((a["outlet"]["name"] if a["outlet"] else None), _names(a["cites"])) for a in attributions]


CASES = [
    (
        "citing-chain",
        "Bloomberg, citing data from flight tracking platform Flightradar24 and a source with direct "
        "ties to the "
        "Kremlin, confirmed the resumption of operations.",
        [("Bloomberg", ["Flightradar24", "source with direct ties to the Kremlin"])],
    ),
    ("according-to", "According to Flightradar24, an Il-76 landed at Hmeimim.", [(None, ["Flightradar24"])]),
    (
        "role-then-person-in-apposition",
        '"The Hercules was in the air within a day," said the Minister of Defence, Eduardo Paz Lindqvist.',
        [(None, ["Eduardo Paz Lindqvist"])],
    ),
    (
        "press-service-of-a-body",
        "Two MiG-31BMs were relocated to Nagurskoye, the press service of the Northern Fleet said. An "
        "Il-76MD delivered spare parts to Nagurskoye from Severomorsk-1, the press service added.",
        [(None, ["Northern Fleet"]), (None, ["Northern Fleet"])],
    ),
    ("reported", "An Il-76 landed at Hmeimim, Reuters reported.", [("Reuters", [])]),
    ("told", "Two officials told Reuters that an Il-76 landed at Hmeimim.", [("Reuters", ["officials"])]),
    (
        "as-seen-on",
        "An Il-76 landed at Hmeimim on Monday, as seen on ADS-B Exchange.",
        [(None, ["ADS-B Exchange"])],
    ),
    (
        "data-from-shows",
        "Data from Flightradar24 show the Il-76 landed at Hmeimim.",
        [(None, ["Flightradar24"])],
    ),
    (
        "tracker-subject",
        "ItaMilRadar tracked a second Y-20 crossing Saudi airspace.",
        [(None, ["ItaMilRadar"])],
    ),
    (
        "coordinated",
        "The tankers moved east, according to flight-tracking data and two US officials.",
        [(None, ["flight-tracking data", "US officials"])],
    ),
    (
        "parenthesis",
        "Two U.S. officials, who spoke on condition of anonymity, said an An-124 landed at Hmeimim.",
        [(None, ["U.S. officials"])],
    ),
    (
        "apposition",
        "Lt. Col. Marisa Okafor, commander of the 23rd Expeditionary Bomb Squadron, said the bombers landed.",
        [(None, ["Marisa Okafor"])],
    ),
    (
        "apposition-capitalised-title",
        "Rear Admiral Justine Harlow, Commander of Maritime Border Command, said the fleet flew to Darwin.",
        [(None, ["Justine Harlow"])],
    ),
    (
        "inverted-service-rank",
        "The B-52s returned to Fairford on Monday, said Air Force Maj. Dana Whitfield.",
        [(None, ["Dana Whitfield"])],
    ),
    (
        "quote-inverted",
        '"The cadence has picked up," said a Western intelligence official who spoke on condition of '
        "anonymity.",
        [(None, ["Western intelligence official"])],
    ),
    (
        "possessive-unit",
        "Six drones were downed, the Russian Defence Ministry's reconciliation centre for Syria said.",
        [(None, ["Russian Ministry of Defence"])],
    ),
    (
        "imagery-subject",
        "Satellite images taken by Maxar on June 3 show two Il-76s.",
        [(None, ["Maxar Technologies"])],
    ),
    (
        "credited-data",
        "A B-52H may have moved to Diego Garcia, though Planet Labs imagery of the island was inconclusive.",
        [(None, ["Planet Labs"])],
    ),
    ("government", "Britain said it had sent two A400M transports to Akrotiri.", [(None, ["UK government"])]),
    ("country-that-warns", "Israel warns that it will not allow the flights to Damascus.", []),
    (
        "capital-government",
        "Tehran has previously said its flights carry aid.",
        [(None, ["Government of Iran"])],
    ),
    ("unknown-subject", "Rolls-Royce said the engine is mature.", [(None, ["Rolls-Royce"])]),
    (
        "denied-report-by",
        "The ministry denied a report by the Belgrade daily Nova Vest that a sixth Y-20 had landed at Nis.",
        [("Nova Vest", [])],  # a medium that reports is the outlet
    ),
    (
        "unknown-subject-company-head",
        "Kazakh carrier Air Astana said on Monday its A321 flew to Almaty.",
        [(None, ["Air Astana"])],
    ),
    (
        "unknown-subject-of-a-country",
        "Iran's Civil Aviation Organization said the 747 flew to Tehran.",
        [(None, ["Iranian Civil Aviation Organization"])],
    ),
    (
        "members-of-a-group-speak-for-it",
        "Members of the Chania Aviation Spotters group on Facebook reported that an RC-135V landed at Souda.",
        [(None, ["Chania Aviation Spotters group on Facebook"])],
    ),
    (
        "a-tip-in-a-group-is-the-groups",
        "A tip in the Larnaca Spotters group on Facebook said a King Air would fly in from Luqa.",
        [(None, ["Larnaca Spotters group on Facebook"])],
    ),
    (
        "unknown-subject-ministry-acronym",
        "Egypt's MFA said the C-130H flew to Cairo.",
        [(None, ["Egyptian Ministry of Foreign Affairs"])],
    ),
    (
        "unknown-subject-clause",
        "Baykar, which has sold the TB2 to 30 countries, said the deal was a record.",
        [(None, ["Baykar"])],
    ),
    (
        "operator-subject",
        "The U.S. Air Force said the bombers landed at Fairford.",
        [(None, ["US Air Force"])],
    ),
    (
        "posted-on",
        "Rybar posted on Telegram that an Il-76 landed at Hmeimim.",
        [(None, ["Rybar", "Telegram"])],
    ),
    (
        "pronoun-he",
        "A local security official described the flights. He said the aircraft was an Il-76.",
        [(None, ["local security official"]), (None, ["local security official"])],
    ),
    (
        "spokesperson-for",
        "Kosovo's Ministry of Defence signed the deal. A spokesperson for the ministry said the "
        "drones arrived.",
        [(None, ["Kosovo Ministry of Defence"])],
    ),
    ("seen-by", "The Il-78 was later seen by spotters at Vnukovo.", [(None, ["spotters at Vnukovo"])]),
    (
        "according-to-an-operator",
        "Two C-130s flew to Lima on Monday, according to the Chilean Air Force.",
        [(None, ["Chilean Air Force"])],
    ),
    ("operator-said", "The Pakistan Air Force said a C-130 flew to Karachi.", [(None, ["Pakistan Air Force"])]),
    ("country-not-after-according-to", "A C-130 landed, according to Chile.", []),
    (
        "told-unknown-outlet",
        "A Russian Il-76 landed in Bamako on Sunday, witnesses told Sahel Watch.",
        [("Sahel Watch", ["witnesses"])],
    ),
    (
        "surname",
        "Serbian President Aleksandar Vucic said the plane landed. Vucic said it carried spare parts.",
        [(None, ["Aleksandar Vucic"]), (None, ["Aleksandar Vucic"])],
    ),
    (
        "last-word-of-a-body",
        "A C-17 flew to Port Moresby, the Department of Defence said. Defence said it carried tents.",
        [(None, ["Department of Defence"]), (None, ["Department of Defence"])],
    ),
    (
        "provider-as-instrument",
        "Spotters followed the Voyager to Ascension on ADS-B Exchange.",
        [(None, ["ADS-B Exchange"])],
    ),
    (
        "providers-coordinated-before-data",
        "An Il-76 flew to Benina on Sunday, mostly from Flightradar24 and ADS-B Exchange data.",
        [(None, ["Flightradar24", "ADS-B Exchange"])],
    ),
    (
        "commentary-without-a-leg",
        "An Il-76 flew to Bamako on Monday. Analysts say the pattern points to a steady logistics effort.",
        [],
    ),
    (
        # a denied claim's channel is cited with the denier
        "claim-circulating-on",
        "The ministry denied a claim circulating on X that two C-130s had flown to Kabul.",
        [(None, ["X"])],
    ),
    (
        "analysts-who-saw-a-leg",
        "An Il-76 flew to Bamako on Monday, analysts said.",
        [(None, ["analysts"])],
    ),
    (
        "surname-of-a-name-no-cue-gave",
        "The jet was met by deputy foreign minister Elena Fuentes. Fuentes said it carried spare parts.",
        [(None, ["Elena Fuentes"])],
    ),
    (
        "surname-of-two-given-names",
        "The ministry's spokesperson is Muhammad Umar Butt. Butt said the 777 landed in Islamabad.",
        [(None, ["Muhammad Umar Butt"])],
    ),
    (
        "surname-after-a-title-only",
        "The jet was met by Minister Fuentes. Fuentes said it carried spare parts.",
        [(None, ["Minister Fuentes"])],  # a title is not a given name
    ),
    ("hat-tip", "A KC-46A flew to Hickam, h/t @Aircraft_Spots.", [(None, ["Aircraft Spots"])]),
    (
        "according-to-a-list",
        "An Il-76 flew to Harare, according to ADS-B Exchange, BelTA and Planet Labs.",
        [(None, ["ADS-B Exchange", "BelTA", "Planet Labs"])],
    ),
    (
        "comma-without-and-is-not-a-list",
        "An Il-76 flew to Harare on May 14, according to ADS-B Exchange, BelTA",
        [(None, ["ADS-B Exchange"])],
    ),
    (
        "sources-line",
        "An Il-76 flew to Harare.\n\n8/ Sources: ADS-B Exchange raw data, @RUOligarchJets, BelTA.",
        [(None, ["ADS-B Exchange", "RUOligarchJets", "BelTA"])],
    ),
    ("following-it-on", "The Il-76 flew to Harare; I'm following it on ADS-B Exchange.", [(None, ["ADS-B Exchange"])]),
    ("told-the-paper", "A spokesman told the Fiji Times that an Il-76 landed at Nadi.", [("Fiji Times", [])]),
    ("told-the-senate", "The general told the Senate that an Il-76 landed at Nadi.", []),
    ("negated", "The Pentagon did not say where the jets landed.", []),
    ("declined", "The Pentagon declined to comment on the deployment.", []),
    ("place-not-subject", "Our receivers in northern Nigeria picked up an Il-76.", []),
    ("country-in-clause", "Russian air defences shot down six drones over Syria.", []),
    (
        "bracketed-acronym-restates-the-body",
        "The Armed Forces of the Philippines (AFP) said a C-130 landed at Basco.",
        [(None, ["Armed Forces of the Philippines"])],
    ),
    (
        "apposition-of-two-names",
        "The Federal Air Transport Agency, Rosaviatsia, said an Il-76 landed at Kazan.",
        [(None, ["Rosaviatsia"])],
    ),
    (
        "adverb-between-subject-and-verb",
        "Ground handlers there said an An-124 landed at Bishkek.",
        [(None, ["Ground handlers"])],
    ),
    (  # an air force speaks through its spokesperson
        "spokesperson-for-an-air-force",
        "A Gulfstream IV flew from Santiago to Madrid, a spokesperson for the Chilean Air Force told the "
        "Courier.",
        [("Courier", ["Chilean Air Force"])],
    ),
    (
        "air-force-spokesman",
        "Two CH-53GS helicopters left Laupheim on Monday, a Luftwaffe spokesman said.",
        [(None, ["German Air Force"])],
    ),
    (  # the medium's descriptor between its name and the verb
        "newspaper-reported-citing",
        "The B-52Hs returned to Fairford, the Izvestia newspaper reported, citing data from Flightradar24.",
        [("Izvestia", ["Flightradar24"])],
    ),
    (  # an adverb between the citing parenthesis and the verb
        "citing-then-later-confirmed",
        "TASS, citing the Turkmen Foreign Ministry, later confirmed the Il-96 had landed in Ashgabat on "
        "Monday.",
        [("TASS", ["Turkmen Foreign Ministry"])],
    ),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_attribution_table(run, name, text, expected):
    found = run(text, "2025-10-30")._.attributions
    assert _pairs(found) == expected


def test_attribution_scope_continues_to_following_sentences(run):
    text = (
        "According to Flightradar24, two aircraft flew to Latakia. "
        "An Il-76 landed at Hmeimim on Monday. "
        "Separately, Reuters reported that an An-124 landed at Benina."
    )
    doc = run(text, "2025-10-30")
    events = doc._.events
    assert _names(events[0]["sources"]) == ["Flightradar24"]
    assert _names(events[-1]["sources"]) == ["Reuters"]


def test_attribution_scope_ends_at_the_paragraph_and_at_a_new_report(run):
    text = (
        "An Il-76 landed at Hmeimim on Monday, according to Flightradar24. It left for Benina on Tuesday.\n\n"
        "An An-124 landed at Latakia on Wednesday.\n\n"
        "A C-17 landed at Ramstein on Monday, according to ADS-B Exchange. Separately, a KC-135 "
        "landed at Mildenhall."
    )
    events = run(text, "2025-10-30")._.events
    by_aircraft = {e["aircraft"][0]["text"]: _names(e["sources"]) for e in events if e["aircraft"]}
    assert by_aircraft["An-124"] == []
    assert by_aircraft["KC-135"] == []
    assert by_aircraft["C-17"] == ["ADS-B Exchange"]


def _record(extractor, text, published="2025-10-30"):
    return extractor.extract(text, published=published, doc_id="t")


def test_attribution_publisher_is_the_outlet_of_every_attribution(extractor):
    text = (
        "Russian planes fly to Libya\n\n"
        "MOSCOW, Dec 13 (Reuters) - An Il-76 landed at Benina on Tuesday, according to Flightradar24.\n\n"
        "Two U.S. officials said an An-124 flew from Chkalovsky to Hmeimim on Sunday."
    )
    record = _record(extractor, text, "2024-12-13")
    assert [(a.outlet.name, [c.name for c in a.cites]) for a in record.attributions] == [
        ("Reuters", ["Flightradar24"]),
        ("Reuters", ["U.S. officials"]),
    ]
    for event in record.events:
        assert event.sources[0].name == "Reuters"


def test_attribution_a_descriptor_right_after_the_dateline(extractor):
    text = "Headline\n\nMOSCOW, Dec 13 (Reuters) - Officials said an Il-76 landed at Hmeimim on Monday."
    record = _record(extractor, text, "2024-12-13")
    pairs = [(a.outlet.name, [c.name for c in a.cites]) for a in record.attributions]
    assert pairs == [("Reuters", ["Officials"])]


def test_attribution_chain_publisher_outlet_tracker(extractor):
    text = (
        "Russian flights resume\n\n"
        "MOSCOW, Oct 30 (Reuters) - Bloomberg, citing data from Flightradar24, reported that an "
        "Il-76 flew from "
        "Libya to Hmeimim on Sunday."
    )
    record = _record(extractor, text)
    pairs = [(a.outlet.name, [c.name for c in a.cites]) for a in record.attributions]
    assert pairs == [("Bloomberg", ["Flightradar24"]), ("Reuters", ["Bloomberg"])]
    doc = _doc(extractor, text)
    assert doc._.attributions[0]["chain"] == ["Reuters", "Bloomberg", "Flightradar24"]
    assert record.attributions[0].chain == ["Reuters", "Bloomberg", "Flightradar24"]
    (event,) = record.events
    assert [s.name for s in event.sources] == ["Reuters", "Bloomberg", "Flightradar24"]


def test_attribution_the_publisher_in_source_position_reports_itself(extractor):
    text = (
        "Cargo jets crowd Rzeszow\n\n"
        "RZESZOW, Poland (AP) - Flight-tracking data compiled by The Associated Press shows at least "
        "42 flights by "
        "C-17s into Rzeszow since April."
    )
    record = _record(extractor, text, "2024-09-10")
    assert [(a.outlet.name, [c.name for c in a.cites]) for a in record.attributions] == [
        ("Associated Press", [])
    ]


def test_attribution_press_release_reports_its_own_events(extractor):
    text = (
        "Airlift to Port Sudan\n\n"
        "A C-17A delivered supplies to Port Sudan on Monday.\n\n"
        "The C-17 returned to Ramstein on Tuesday.\n\n"
        "(Story by 86th Airlift Wing Public Affairs)"
    )
    record = _record(extractor, text, "2025-10-08")
    assert record.events
    (attribution,) = record.attributions
    assert attribution.outlet.name == "86th Airlift Wing Public Affairs" and attribution.cites == []
    assert attribution.events == [e.id for e in record.events]


def test_attribution_lead_tracker_covers_a_first_person_post(extractor):
    text = (
        "Tracking the air bridge\n\n"
        "Two Iranian cargo carriers flew to Moscow this week, according to ADS-B data we pulled from "
        "ADS-B Exchange.\n\n"
        "THE 747\n\n"
        "A Boeing 747 took off from Tehran on Monday and landed at Vnukovo on Tuesday."
    )
    record = _record(extractor, text, "2024-09-14")
    leg = next(e for e in record.events if any(a.model and "747" in a.model for a in e.aircraft))
    assert [s.name for s in leg.sources] == ["ADS-B Exchange"]


def test_attribution_a_threads_data_note_after_its_first_leg_covers_the_thread(extractor):
    text = (
        "THREAD: freighters to Minsk\n\n"
        "1/ Two Il-76s flew from Tehran to Minsk on Monday. Data below is from ADS-B Exchange unless I say "
        "otherwise.\n\n"
        "2/ An An-124 flew from Tehran to Machulishchy on Wednesday."
    )
    record = _record(extractor, text, "2024-09-14")
    assert len(record.events) == 2
    for event in record.events:
        assert "ADS-B Exchange" in [s.name for s in event.sources]


def test_attribution_a_trackers_data_note_after_a_leg_of_a_news_story_stays_local(extractor):
    text = (
        "Freighters to Minsk\n\n"
        "Two Il-76s flew from Tehran to Minsk on Monday. Flightradar24 data showed them circling.\n\n"
        "An An-124 flew from Tehran to Machulishchy on Wednesday, officials said."
    )
    record = _record(extractor, text, "2024-09-14")
    an124 = next(e for e in record.events if any("124" in (a.model or "") for a in e.aircraft))
    assert "Flightradar24" not in [s.name for s in an124.sources]


@pytest.mark.parametrize(
    "text, dct, issuer",
    [
        # a generic body heading a release takes the country of the story
        (
            "P-8A deploys to Butterworth\n\nDefence media release\n\n"
            "A Royal Australian Air Force P-8A Poseidon flew from RAAF Base Edinburgh to Butterworth "
            "on Monday.",
            "2024-09-14",
            "Australian Department of Defence",
        ),
        # a release signed on its last line by the office of a body that names its country
        (
            "Transport aircraft delivers aid\n\nPRESS RELEASE\n\n"
            "On 15 October, an Il-76MD took off from Machulishchy airfield for Beirut.\n\n"
            "Press Service of the Ministry of Defence of the Republic of Belarus\n",
            "2024-10-17",
            "Belarusian Ministry of Defence",
        ),
    ],
    ids=["generic-body-header", "office-sign-off"],
)
def test_attribution_a_press_release_issuer_takes_its_country(extractor, text, dct, issuer):
    record = _record(extractor, text, dct)
    (event,) = record.events
    assert [s.name for s in event.sources] == [issuer]


def _doc(extractor, text, dct="2025-10-30"):
    from extractor.dateline import find_byline, find_dateline

    doc = extractor.nlp.make_doc(text)
    doc._.dct = dct
    doc._.dateline = find_dateline(text)
    doc._.byline = find_byline(text)
    for _, component in extractor.nlp.pipeline:
        doc = component(doc)
    return doc


def test_attribution_conflicting_dates_are_kept_with_their_sources(run):
    text = (
        "An Il-76 flew from Chkalovsky to Hmeimim on Monday, according to Flightradar24.\n\n"
        "A Western diplomat said the Il-76 flew from Chkalovsky to Hmeimim on Tuesday."
    )
    events = run(text, "2025-10-30")._.events
    assert len(events) == 2, "both reports stay events"
    for event in events:
        (conflict,) = event["conflicts"]
        assert conflict["field"] == "date"
        assert [(v["value"], v["sources"]) for v in conflict["values"]] == [
            ("2025-10-27", ["Flightradar24"]),
            ("2025-10-28", ["Western diplomat"]),
        ]


def test_attribution_no_conflict_when_the_same_source_reports_both(run):
    text = (
        "An Il-76 flew from Chkalovsky to Hmeimim on Monday, according to Flightradar24.\n\n"
        "Flightradar24 data show an Il-76 flew from Chkalovsky to Hmeimim on Tuesday."
    )
    events = run(text, "2025-10-30")._.events
    assert all(event["conflicts"] == [] for event in events)


def test_attribution_conflicts_reach_the_record(extractor):
    text = (
        "Two reports\n\n"
        "An Il-76 flew from Chkalovsky to Hmeimim on Monday, according to Flightradar24.\n\n"
        "A Western diplomat said the Il-76 flew from Chkalovsky to Hmeimim on Tuesday."
    )
    record = _record(extractor, text)
    conflicts = [c for e in record.events for c in e.conflicts]
    assert conflicts and conflicts[0].field == "date"


def test_attribution_a_following_sentence_lends_its_source_to_the_leg(run):
    text = (
        "An An-124 diverted to Katowice on Friday, airport officials said. The freighter circled for "
        "40 minutes, "
        "according to Flightradar24."
    )
    (event, *_) = run(text, "2025-11-16")._.events
    assert _names(event["sources"]) == ["airport officials", "Flightradar24"]


def test_attribution_a_leg_told_over_two_sentences_takes_the_sources_of_both(run):
    text = (  # the second sentence opens a paragraph: its source would not reach back to the first
        "According to the Norwegian Armed Forces, four B-52H bombers landed at Orland air base on Monday.\n\n"
        "The bombers took off from Barksdale Air Force Base on Sunday evening, U.S. European Command said."
    )
    (event,) = run(text, "2025-10-30")._.events
    assert _names(event["sources"]) == ["Norwegian Armed Forces", "US European Command"]


def test_attribution_no_lending_across_a_further_flight(run):
    text = (
        "Three An-124s landed at Bangui between May 2 and May 9. A fourth may have been there; Planet Labs "
        "imagery shows a large aircraft on the apron."
    )
    events = run(text, "2025-06-18")._.events
    assert _names(events[0]["sources"]) == []


def test_attribution_an_announcing_body_leads_an_unpublished_release(run):
    text = (
        "Typhoons arrive in Estonia\n\n"
        "Four Typhoon fighters have arrived at Amari Air Base, the Ministry of Defence announced today.\n\n"
        "An A400M had landed at Amari on 2 April."
    )
    events = run(text, "2025-04-07")._.events
    assert len(events) == 2
    assert all(_names(e["sources"]) == _names(events[0]["sources"]) != [] for e in events)


def test_attribution_trackers_do_not_support_plans_by_inheritance(run):
    text = (
        "Tanker notes\n\n"
        "What showed up on ADS-B around Nevatim this week, as our receivers saw it.\n\n"
        "Two 707 tankers took off from Nevatim on Monday.\n\n"
        "A KC-46A is expected to arrive at Nevatim in late 2026."
    )
    events = run(text, "2025-10-30")._.events
    planned = [e for e in events if e["modality"] == "planned"]
    assert planned and all(e["sources"] == [] for e in planned)
    assert any(_names(e["sources"]) == ["ADS-B"] for e in events if e["modality"] == "asserted")


def test_attribution_chain_through_an_unknown_broadcaster(extractor):
    text = (
        "Swiss jet diverted\n\n"
        "ZURICH (dpa) - A Swiss F/A-18 diverted to Zurich airport on Tuesday. Nobody was hurt, Swiss "
        "broadcaster "
        "SRF reported, citing the air force."
    )
    record = _record(extractor, text, "2025-06-03")
    pairs = [(a.outlet.name, [c.name for c in a.cites]) for a in record.attributions]
    assert ("SRF", ["Swiss Air Force"]) in pairs and ("Deutsche Presse-Agentur", ["SRF"]) in pairs


def test_attribution_scope_spans_the_sentences_it_covers(extractor):
    text = (
        "Flights resume\n\n"
        "An Il-76 landed at Hmeimim on Monday, according to Flightradar24. It left for Benina on Tuesday."
    )
    record = _record(extractor, text)
    (attribution,) = record.attributions
    start, end = attribution.scope
    assert text[start:end].startswith("An Il-76 landed at Hmeimim")
    assert end >= text.index("Benina") or len(attribution.events) == 1


def test_attribution_the_medium_a_source_talks_to_reports_an_article_without_a_publisher(extractor):
    text = (
        "Bombers near Hokkaido\n\n"
        "Two Tu-95MS bombers flew from Ukrainka to the Sea of Okhotsk on Monday, the Joint Staff Office said.\n\n"
        "A Japanese defence official told Pacific Defense Weekly that a third aircraft may have flown too."
    )
    record = _record(extractor, text, "2024-09-14")
    first = record.events[0]
    assert "Pacific Defense Weekly" in [s.name for s in first.sources]


def test_sources_a_bare_ministry_takes_the_country_of_the_operator_before_it_in_its_sentence(extractor):
    text = (
        "Evacuations\n\n"
        "DJIBOUTI, April 25 (AFP) - A Japanese C-2 flew 45 people from Port Sudan to Djibouti, Japan's defence "
        "ministry said.\n\n"
        "South Korea's air force flew 28 citizens from Port Sudan to Jeddah on Monday, the foreign ministry said.\n\n"
        "The Ministry of Defence denied that any Russian aircraft had landed in Djibouti."
    )
    names = {s.text: s.name for s in _record(extractor, text, "2023-04-25").sources}
    assert names["the foreign ministry"].startswith("South Korean")
    assert "Russia" not in names["The Ministry of Defence"]


def test_attribution_a_threads_note_on_its_data_supports_every_leg(extractor):
    text = (
        "Thread: how six F-22s got to Lakenheath\n\n"
        "Thread by @LajesWatch\n\n"
        "1/ Six F-22A Raptors have crossed the Atlantic to RAF Lakenheath, staging through Lajes Field. "
        "Here's how the move played out, pieced together from ADS-B Exchange data and photos from fellow "
        "spotters on Terceira.\n\n"
        "2/ The jets launched from Langley at 1322Z on Sunday and landed at Lajes at 1850Z."
    )
    record = _record(extractor, text, "2025-04-15")
    publisher = [s for s in record.sources if s.name == "@LajesWatch"]
    assert publisher and publisher[0].kind == "social_media"
    assert record.events
    for event in record.events:
        names = {s.name for s in event.sources}
        assert {"@LajesWatch", "ADS-B Exchange", "spotters on Terceira"} <= names, names


@pytest.mark.parametrize(
    "sentence",
    [
        "The jets landed at Niamey on Monday, The Northern Ledger has learnt.",
        "The jets landed at Niamey on Monday, a commander said, speaking to the Northern Ledger by telephone.",
    ],
    ids=["has-learnt", "speaking-to"],
)
def test_attribution_a_medium_that_names_itself_publishes_an_article_without_one(extractor, sentence):
    text = "Jets reach Niamey\n\n" + sentence + "\n\nA second pair left Kano on Tuesday, officials said."
    record = _record(extractor, text, "2025-06-10")
    assert record.attributions
    outlets = {a.outlet.name if a.outlet else None for a in record.attributions}
    assert outlets <= {"The Northern Ledger", "Northern Ledger"}, outlets
    for event in record.events:
        assert any("Northern Ledger" in s.name for s in event.sources)


def test_attribution_a_threads_note_that_everything_comes_from_a_tracker(extractor):
    text = (
        "Thread: traffic into Rzeszow\n\n@VistulaWatch on X\n\n"
        "1/ Quick thread on the traffic we logged this week. Everything here comes from public ADS-B data on "
        "ADS-B Exchange, cross-checked against Flightradar24.\n\n"
        "2/ Monday. A C-295M landed at Rzeszow-Jasionka at 0935Z."
    )
    record = _record(extractor, text, "2025-03-12")
    assert record.events
    names = {s.name for s in record.events[0].sources}
    assert {"VistulaWatch", "ADS-B Exchange", "Flightradar24"} <= names, names


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "THREAD: A400Ms to Niamey\n\nThread by @SahelFlightWatch\n\n"
            "1/ Busy week on the Niamey run: three A400M sorties since Monday. Here's what ADS-B Exchange "
            "and my own feeders in the region picked up.\n\n"
            "2/ Monday: an A400M took off from Kayseri-Erkilet (LTAU) at 0412Z and landed at Niamey (DRRN) "
            "at 1436Z.",
            "2025-03-14",
        ),
        (  # a note on the data after the thread's first (summary) leg still covers the thread
            "Il-76s into Bamako\n\n@SahelAirWatch · thread\n\n"
            "1/ Busy stretch at Bamako-Senou (GABS). Three Russian Il-76MDs have landed since March 11. "
            "Times in Zulu. Tracks from ADS-B Exchange plus our own MLAT feeders.\n\n"
            "2/ First up: RF-76551. Departed Chkalovsky (UUMU) at 2214Z on March 10 and landed at Benina "
            "at 0640Z on March 11.",
            "2025-03-12",
        ),
        (  # a "Data:" label after the thread's first leg
            "C-17s into Jordan\n\nLevantSkyWatch (@LevantSkyWatch) - thread posted 18 Jun\n\n"
            "1/ Busy night on the Europe-Levant corridor. Overnight 16-17 June I followed two C-17As into "
            "Jordan and a pair of KC-135Rs bound for Saudi Arabia. All times Zulu. Data: ADS-B Exchange plus "
            "MLAT from my own feeder.\n\n"
            "2/ RCH471, C-17A, up from Ramstein (ETAR) at 2214Z on 16 June. Landed Muwaffaq Salti (OJMS) "
            "0347Z on the 17th.",
            "2025-06-18",
        ),
    ],
    ids=["heres-what-the-tracker-picked-up", "tracks-from-note-after-the-first-leg", "data-label"],
)
def test_attribution_a_threads_note_on_its_tracker_supports_its_legs(extractor, text, published):
    record = _record(extractor, text, published)
    names = {s.name for s in record.events[-1].sources}
    assert "ADS-B Exchange" in names, names


def test_attribution_a_tracker_that_has_the_track_supports_the_leg_before(extractor):
    text = (
        "Thread by @SanctionedSkies\n\n"
        "1/ The Gulfstream G650ER P4-KRT has been on the move again.\n\n"
        "2/ On 14 March the jet departed Moscow's Vnukovo airport (UUWW) at 0905Z and landed at Dubai's Al "
        "Maktoum International (DWC) later. Transponder on the whole way; both Flightradar24 and ADS-B "
        "Exchange have the track.\n\n"
        "3/ A spotter posted photos of it at DWC on Saturday."
    )
    record = _record(extractor, text, "2025-03-20")
    names = {s.name for s in record.events[0].sources}
    assert {"Flightradar24", "ADS-B Exchange"} <= names, names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "An Il-76 landed at Hmeimim on Monday, Reuters reported. ADS-B Exchange is a popular site.",
            "ADS-B Exchange",
        ),
        (  # people, not the tracking site of the same name
            "Plane spotters at the perimeter fence of Rzeszow-Jasionka airport counted six C-17s on Monday, "
            "the Kurier reported.",
            "Planespotters",
        ),
    ],
    ids=["a-tracker-named-for-what-it-is", "plane-spotters"],
)
def test_attribution_a_tracker_name_that_cites_no_data(extractor, text, name):
    record = extractor.extract(text, published="2025-10-30", doc_id="t")
    assert all(c.name != name for a in record.attributions for c in a.cites)


def test_attribution_an_unknown_outlet_that_reviewed_the_data_publishes_the_article(extractor):
    text = (
        "Turkish A400Ms step up Mogadishu runs\n\n"
        "The Turkish Air Force has flown two A400M transports into Mogadishu this week, according to "
        "flight-tracking data reviewed by Defence Horizon."
    )
    record = extractor.extract(text, published="2025-02-14", doc_id="t")
    assert {a.outlet.name for a in record.attributions if a.outlet} == {"Defence Horizon"}


def test_attribution_the_publishers_short_name_is_the_publisher_not_a_source_it_cites(extractor):
    text = (
        "Sahel airlift\n\nBy Ada Phiri, The Copperbelt Herald\n\nA C-27J flew from Lusaka to Entebbe on "
        "Sunday, a senior airport official told the Herald."
    )
    record = _record(extractor, text, "2025-10-30")
    assert [(a.outlet.name, [c.name for c in a.cites]) for a in record.attributions] == [
        ("The Copperbelt Herald", ["senior airport official"])
    ]


def test_attribution_the_mission_is_the_un_mission_named_before(extractor):
    text = (
        "Bangui rotation\n\nThe United Nations Multidimensional Integrated Stabilization Mission in the "
        "Central African Republic (MINUSCA) rotated its battalion. An Il-76 flew from Kigali to Bangui on "
        "4 November, the Mission said."
    )
    record = _record(extractor, text, "2023-11-09")
    assert [[s.name for s in e.sources] for e in record.events] == [["MINUSCA"]]




def test_attribution_the_named_spokesperson_of_a_body_is_the_source_not_the_body(extractor):
    text = (
        "Poseidons at Clark\n\nOne of the P-8As flew from Clark to Scarborough Shoal on Tuesday, according "
        "to Philippine Air Force spokesperson Colonel Ramon Aquino."
    )
    record = _record(extractor, text, "2025-03-12")
    names = {s.name for s in record.events[0].sources}
    assert "Ramon Aquino" in names and "Philippine Air Force" not in names


@pytest.mark.parametrize(
    "text, published, source",
    [
        ("Bombers near Venezuela\n\nTwo B-1B bombers flew from Dyess Air Force Base to the Caribbean on Monday "
         "and returned to Dyess, Flightradar24 data showed. A U.S. Air Force spokesperson described the sortie "
         "as routine training.", "2025-10-30", "US Air Force"),
        ("President's jet\n\nThe Falcon 7X left Kecskemét for Budapest at about 6:30 a.m. on Monday to pick up "
         "the president, an employee of the air base who asked not to be named told the Hírlap.", "2024-05-07",
         "employee of the air base"),
        ("Samarkand arrival\n\nThe president's Boeing 777-200LR flew from Ashgabat to Samarkand on Thursday "
         "night, AFP was told by an official at the airport who asked not to be named.", "2025-03-10",
         "official at the airport"),
    ],
    ids=["next-sentence-about-the-sortie", "who-asked-not-to-be-named", "was-told-by"],
)  # fmt: skip
def test_attribution_the_first_legs_sources_include(extractor, text, published, source):
    record = _record(extractor, text, published)
    assert source in {s.name for s in record.events[0].sources}
