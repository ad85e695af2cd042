"""Table tests of the aircraft component: variants, nicknames, counts, generic mentions, and what is not a type."""

from __future__ import annotations

import pytest

CASES = [
    # text, mention text, model, family, icao_type, quantity, nickname
    ("An Il-76MD landed.", "Il-76MD", "Il-76MD", "Il-76", "IL76", None, None),
    ("A 737-700 landed.", "737-700", "737-700", "737", None, None, None),  # a variant needs no manufacturer
    ("Two C-105 Amazonas landed.", "C-105 Amazonas", "C-105", "C-295", "C295", 2, "Amazonas"),
    # nicknames that are common words, alone, where the context makes them aircraft
    ("Two Atlas from Orleans landed.", "Atlas", "A400M", "A400M", "A400", 2, "Atlas"),
    ("The air force flew 18 Hercules sorties.", "Hercules", "C-130", "C-130", None, None, "Hercules"),
    ("The Galaxy returned to Dover.", "Galaxy", "C-5", "C-5", None, None, "Galaxy"),
    ("An IL-76 landed.", "IL-76", "Il-76", "Il-76", "IL76", None, None),
    ("An Ilyushin Il-76 landed.", "Ilyushin Il-76", "Il-76", "Il-76", "IL76", None, None),
    ("An Il76 landed.", "Il76", "Il-76", "Il-76", "IL76", None, None),
    ("The An-124-100 'Ruslan' landed.", "An-124-100 'Ruslan'", "An-124-100", "An-124", "A124", None, "Ruslan"),
    ("The An-124-100 ‘Ruslan,’ landed.", "An-124-100 ‘Ruslan", "An-124-100", "An-124", "A124", None, "Ruslan"),
    ("A C-17A Globemaster III landed.", "C-17A Globemaster III", "C-17A", "C-17", "C17", None, "Globemaster III"),
    ("A KC-135R took off.", "KC-135R", "KC-135R", "KC-135", "K35R", None, None),
    ("Three An-124s landed.", "An-124s", "An-124", "An-124", "A124", 3, None),
    ("A pair of C-17s landed.", "C-17s", "C-17", "C-17", "C17", 2, None),
    ("Six Y-20 transports landed.", "Y-20 transports", "Y-20", "Y-20", None, 6, None),
    ("Two Russian Il-76s landed.", "Il-76s", "Il-76", "Il-76", "IL76", 2, None),
    ("On 14 March the C-17s landed.", "C-17s", "C-17", "C-17", "C17", None, None),  # a day is no count
    ("Two of the C-17s landed.", "C-17s", "C-17", "C-17", "C17", 2, None),
    ("An Il-76MD-90A landed.", "Il-76MD-90A", "Il-76MD-90A", "Il-76", "IL76", None, None),
    ("The Il-62M flew home.", "Il-62M", "Il-62M", "Il-62", "IL62", None, None),
    ("A Tu-95MS bomber flew.", "Tu-95MS bomber", "Tu-95MS", "Tu-95", "TU95", None, None),
    ("Two B-52H bombers arrived.", "B-52H bombers", "B-52H", "B-52", "B52", 2, None),
    # the article "A" folded with the type would spell another one ("A C-130J" is not the AC-130J gunship)
    ("A C-130J landed.", "C-130J", "C-130J", "C-130", "C30J", None, None),
    ("An AC-130J landed.", "AC-130J", "AC-130J", "C-130", None, None, None),
    # an operator's name before a nickname ("Air Force Hercules"), a nickname that extends a designation
    ("An Argentine Air Force Hercules landed.", "Hercules", "C-130", "C-130", None, None, "Hercules"),
    ("A Cessna 208B Grand Caravan landed.", "Cessna 208B Grand Caravan", "Cessna 208", "Cessna 208", "C208", None,
     "Grand Caravan"),
    # a plural of a designation the gazetteer knows only as a prefix
    ("Four MV-22Bs landed.", "MV-22Bs", "MV-22B", "V-22", "V22", 4, None),
    # a country adjective or a unit's number before a common-word nickname
    ("Danish Challengers made 11 flights.", "Challengers", "Challenger 600", "Challenger 600", "CL60", None,
     "Challengers"),
    ("VP-26 Poseidons flew six patrols.", "Poseidons", "P-8", "P-8", "P8", None, "Poseidons"),
    # Canadian designations
    ("A CC-130H Hercules launched.", "CC-130H Hercules", "CC-130H", "C-130", "C130", None, "Hercules"),
    # Swedish designations
    ("A Tp 84 Hercules landed.", "Tp 84 Hercules", "C-130H", "C-130", "C130", None, "Hercules"),
    ("A Hkp 16 Black Hawk landed.", "Hkp 16 Black Hawk", "UH-60M", "UH-60", "H60", None, "Black Hawk"),
    # the Canadair-built F-5 of the Turkish Stars
    ("Eight NF-5s left Konya.", "NF-5s", "NF-5", "F-5", "F5", 8, None),
    # airliners that fly as air tankers and research aircraft
    ("Two BAe 146-200 tankers landed.", "BAe 146-200 tankers", "BAe 146-200", "BAe 146", "B462", 2, None),
    ("An Avro RJ85 landed.", "Avro RJ85", "Avro RJ85", "BAe 146", "RJ85", None, None),
    ("A DC-10 air tanker landed.", "DC-10 air tanker", "DC-10", "DC-10", "DC10", None, None),
    ("NASA's G-III landed.", "G-III", "Gulfstream III", "Gulfstream III", "GLF3", None, None),
]


@pytest.mark.parametrize(
    "text, mention, model, family, icao, quantity, nickname", CASES, ids=[c[1] + "|" + c[0][:20] for c in CASES]
)
def test_aircraft_typed_variants(run, text, mention, model, family, icao, quantity, nickname):
    typed = [a for a in run(text)._.aircraft if not a["generic"]]
    assert len(typed) == 1, typed
    found = typed[0]
    assert found["text"] == mention
    assert found["model"] == model
    assert found["family"] == family
    if icao is not None:
        assert found["icao_type"] == icao
    assert found["quantity"] == quantity
    assert found["nickname"] == nickname
    assert found["rule"].startswith("ac.")
    assert text[found["start"] : found["end"]] == found["text"]


GENERIC = [
    ("A cargo plane landed at the base.", "cargo plane"),
    ("Military transport aircraft were seen.", "Military transport aircraft"),
    ("Two drones crossed the border.", "drones"),
    ("The giant freighter left again for Leipzig the next morning.", "freighter"),
    ("The jumbo returned to Tehran two days later.", "jumbo"),
    # a container freighter is a ship
    ("Two container freighters and a tanker aircraft were in port.", "tanker aircraft"),
]


@pytest.mark.parametrize("text, mention", GENERIC, ids=[g[1] for g in GENERIC])
def test_aircraft_generic_mentions_have_no_model(run, text, mention):
    found = run(text)._.aircraft
    assert [a["text"] for a in found] == [mention]
    assert found[0]["generic"] is True and found[0]["model"] is None


NOT_AIRCRAFT = [
    "The meeting ended at 5 p.m. on March 3.",
    "He was born in 1976 and joined the army at 18.",
    "Neptune Aviation Services and a flight tracker said so.",  # company and tracker, not P-8I and S-2T
    "The crews of Skaraborg Wing (F 7) and Blekinge Wing (F 17) said so.",  # Swedish wings, not F-7 fighters
    "Section C-17 of the contract was amended.",  # a designator without aircraft context is still matched:
]


@pytest.mark.parametrize(
    "text", NOT_AIRCRAFT[:4], ids=["times", "years", "common-word-nicknames", "swedish-wings"]
)
def test_aircraft_numbers_are_not_types(run, text):
    assert [a for a in run(text)._.aircraft if not a["generic"]] == []


def test_aircraft_a_type_before_based_is_the_design_not_an_aircraft(run):
    doc = run("RAF Shadow R1 ZZ504 (the King Air 350ER-based ISR aircraft) left Akrotiri.")
    assert [a["model"] for a in doc._.aircraft if not a["generic"]] == ["Shadow R1"]


def test_aircraft_bare_family_number_after_the_type_was_named(run):
    doc = run("A Boeing 747-8 landed at Nice. The 747 left on Sunday, and two 747s came later.")
    found = [(a["text"], a["model"], a["family"]) for a in doc._.aircraft]
    assert found == [("Boeing 747-8", "747-8", "747"), ("747", "747-8", "747"), ("747s", "747", "747")]
    assert [a["text"] for a in run("The score was 747 to 12.")._.aircraft] == []


def test_aircraft_a_definite_type_with_a_count_is_the_variant_named_before(run):
    doc = run("Three B-52H bombers landed at Fairford. The two B-52s left on Monday; two B-52s came later.")
    assert [(a["text"], a["model"]) for a in doc._.aircraft] == [
        ("B-52H bombers", "B-52H"), ("B-52s", "B-52H"), ("B-52s", "B-52"),
    ]  # fmt: skip


def test_aircraft_bare_family_number_after_an_airline_name(run):
    doc = run("A Boeing 747-200F of Saha Airlines landed. Qeshm Fars Air 747s flew 14 times; Flight 747 was late.")
    found = [(a["text"], a["model"]) for a in doc._.aircraft]
    assert found == [("Boeing 747-200F", "747-200F"), ("747s", "747")]


def test_aircraft_bare_family_number_after_a_determiner_or_a_number(run):
    text = "A 747 landed at Doha. Two 777s followed. Flight 757 was late; Route 767 is closed; in 737 days."
    doc = run(text)
    found = [(a["text"], a["model"], a["family"], a["quantity"]) for a in doc._.aircraft]
    assert found == [("747", "747", "747", None), ("777s", "777", "777", 2)]


@pytest.mark.parametrize(
    "text, model",
    [("A 747-8", "747-8"), ("A 747SP", "747SP"), ("Six F-2A fighters", "F-2A"), ("A TB-001 drone", "TB-001"),
     ("Two CN-295 transports", "C-295"), ("A KC-130H tanker", "KC-130H"), ("Two EMB-312 Tucanos", "EMB-312")],
)
def test_aircraft_types_named_without_a_maker(run, text, model):
    assert [a["model"] for a in run(text + " flew to Guam.")._.aircraft] == [model]


@pytest.mark.parametrize("text, model", [("Four Rafale B fighters", "Rafale B"), ("Four KF-16 fighters", "KF-16")])
def test_aircraft_variants_of_the_gazetteer(run, text, model):
    assert [a["model"] for a in run(text + " flew to Eielson.")._.aircraft] == [model]


@pytest.mark.parametrize(
    "text",
    [
        "Atlas Air flew the cargo.",  # runs into another name: an airline
        "Typhoon Haiyan hit the coast.",  # a storm's name
        "Operation Atlas began on Monday.",
        "The typhoon hit the coast.",  # lower case
        "Hercules was a hero of myth.",  # no determiner, number or flight word
        "The Challenger tank arrived.",  # a word after it makes it something else
        "British Challenger 2 tanks arrived.",
        "Oryx counted the losses.",  # a model named by a common word, alone: the blog
        "A Cessna landed inside Laguna del Tigre National Park.",
    ],
    ids=["airline", "storm", "operation", "lower-case", "no-context", "tank", "tank-mark",
         "common-word-model", "place-name"],
)
def test_aircraft_common_word_nicknames_need_context(run, text):
    assert [a for a in run(text)._.aircraft if not a["generic"]] == []


@pytest.mark.parametrize(
    "text, mention, model",
    [
        ("The F-35 is the most advanced jet in the fleet.", "F-35", "F-35"),
        ("A Boeing 747-8 is due at Paris on Friday.", "Boeing 747-8", "747-8"),
    ],
    ids=["f-35-is", "747-8-is"],
)
def test_aircraft_a_type_run_together_with_the_next_word_is_not_another_type(run, text, mention, model):
    (aircraft,) = [a for a in run(text)._.aircraft if not a["generic"]]
    assert (aircraft["text"], aircraft["model"]) == (mention, model)


@pytest.mark.parametrize(
    "text, named",
    [
        ("The Falcon 900EX landed at Mitiga. The Falcon left Benina on Tuesday.",
         [("Falcon", "Falcon 900EX")]),
        ("A C-27J Spartan landed at Otopeni. The Spartan left again.", [("Spartan", "C-27J")]),
        ("A Gulfstream G550 landed at Jasionka. The Boeing plant is idle and the Gulfstream left.",
         [("Gulfstream", "G550")]),
        ("The Falcon left Benina on Tuesday.", []),
        ("An IAI Heron took off from Luqa. The Heron is due to move to Chania.", [("Heron", "IAI Heron")]),
        ("Four CF-18 Hornets flew north. The four Hornets left Cold Lake on Saturday.",
         [("Hornets", "CF-18")]),
        ("MSF flies a Cessna 208 Caravan. On 12 March the Caravan took off from Bangui.",
         [("Caravan", "Cessna 208")]),
        ("A C-17 Monday flight landed at Rota. The Monday crew rested.", []),
    ],
    ids=["first-word", "nickname", "not-the-makers-plant", "nothing-named-before", "a-later-word",
         "a-count-after-the-determiner", "a-name-after-the-type", "not-a-weekday-after-the-type"],
)  # fmt: skip
def test_aircraft_a_definite_short_name_refers_to_the_aircraft_named_before(run, text, named):
    later = [(a["text"], a["model"]) for a in run(text)._.aircraft if a["rule"].endswith(":named-back")]
    assert later == named


@pytest.mark.parametrize(
    "text, model",
    [
        ("Two Oryx helicopters flew to Beira.", "Oryx"),
        ("An Atlas Oryx flew to Beira.", "Oryx"),
        ("Four Tigre attack helicopters flew to Pau.", "EC665"),
        ("The four-engined Hercules left Waterkloof.", "C-130"),
        ("An ageing Atlas left Bricy.", "A400M"),
    ],
    ids=["common-word-model-after-a-number", "with-its-maker", "nickname-after-a-number",
         "hyphenated-describer-after-a-determiner", "describer-after-a-determiner"],
)
def test_aircraft_common_words_in_context_are_aircraft(run, text, model):
    assert [a["model"] for a in run(text)._.aircraft if not a["generic"]] == [model]



@pytest.mark.parametrize(
    "first, later",
    [
        ("First up: Il-76MD RF-78812, hex 15231C, callsign RFF7831.", "RFF7831"),
        ("A quick thread on T7-VLM, the Gulfstream G650ER of a sanctioned tycoon.", "T7-VLM"),
    ],
    ids=["callsign-after-the-type", "registration-before-the-type"],
)  # fmt: skip
def test_aircraft_a_registration_or_callsign_told_with_a_type_is_that_aircraft_later(run, first, later):
    doc = run(f"{first} {later} was off again from Orenburg at 0955Z.")
    mentions = [m for m in doc._.aircraft if m["text"] == later]
    assert len(mentions) == 1
    assert mentions[0]["model"] in ("Il-76MD", "Gulfstream G650ER")
    assert mentions[0]["rule"].endswith(":identifier")


def test_aircraft_a_registration_never_told_with_a_type_is_no_aircraft(run):
    doc = run("RA-78830 was off again from Orenburg at 0955Z.")
    assert doc._.aircraft == []
