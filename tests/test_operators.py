from __future__ import annotations

import pytest

CASES = [
    ("A Russian Air Force Il-62M landed.", "Russian Air Force", "Russian Air Force", "RU"),
    ("A USAF C-17 landed.", "USAF", None, "US"),
    ("An Il-76 of the Russian Aerospace Forces landed.", "Russian Aerospace Forces", "Russian Aerospace Forces", "RU"),
    ("A Pouya Air Il-76 landed.", "Pouya Air", "Pouya Air", "IR"),
    ("A Russian Il-76 landed.", "Russian", "Russia", "RU"),
    ("Two Iranian cargo planes landed.", "Iranian", "Iran", "IR"),
    ("South Korea's air force flew them out.", "South Korea's air force", "Republic of Korea Air Force", "KR"),
    ("6/ Egyptian AF C-130H arrived at Port Sudan.", "Egyptian AF", "Egyptian Air Force", "EG"),
    ("A KC-767A of the 14° Stormo landed.", "14° Stormo", "14th Wing", "IT"),
    ("An A400M of Transport Squadron 1/61 landed.", "Transport Squadron 1/61", "Transport Squadron 1/61",
     None),
    ("Three ASDF aircraft were sent.", "ASDF", "Japan Air Self-Defense Force", "JP"),
    ("A Hungarian Air Force A319 landed.", "Hungarian Air Force", "Hungarian Air Force", "HU"),
    ("A Royal Malaysian Air Force A400M landed.", "Royal Malaysian Air Force", "Royal Malaysian Air Force", "MY"),
    ("Two YTO Cargo Airlines 757s landed.", "YTO Cargo Airlines", "YTO Cargo Airlines", None),
    ("A Korean Air 777F diverted.", "Korean Air", "Korean Air", "KR"),  # an airline no pattern word marks
    ("An Il-62M of the 223rd Flight Unit landed.", "223rd Flight Unit", "223rd Flight Unit", None),
    ("A CC-177 of 429 Transport Squadron landed.", "429 Transport Squadron", "429 Transport Squadron", None),
    ("Two C-130Js of No. 37 Squadron landed.", "No. 37 Squadron", "No. 37 Squadron", None),
    ("A CH-149 of 103 Search and Rescue Squadron landed.", "103 Search and Rescue Squadron",
     "103 Search and Rescue Squadron", None),
    ("Two Mi-171Sh of the 22nd Helicopter Air Base landed.", "22nd Helicopter Air Base",
     "22nd Helicopter Air Base", None),
    (
        "A KC-130J of Marine Aerial Refueler Transport Squadron 152 landed.",
        "Marine Aerial Refueler Transport Squadron 152", None, None,
    ),
    ("Two C-295 of the Air Defence Forces of Kazakhstan landed.", "Air Defence Forces of Kazakhstan", None, None),
    # a shared abbreviation goes to the country the article names most
    ("India sent aid. An IAF C-17 flew to Yangon, Indian officials said.", "IAF", "Indian Air Force", "IN"),
    ("Israel received aid. An IAF F-35 flew over Eilat, Israeli officials said.", "IAF", "Israeli Air Force", "IL"),
    # a country's army or navy no line of the gazetteer names
    ("A Turkish Army CH-47F landed.", "Turkish Army", "Turkish Army", "TR"),
    ("A Pakistan Army Mi-17 landed.", "Pakistan Army", "Pakistani Army", "PK"),
    # units by their own language's name
    ("Four EF-18M of Ala 12 landed.", "Ala 12", "Ala 12", None),
    ("Two Rafales of Escadron 3/30 landed.", "Escadron 3/30", "Escadron 3/30", None),
]


def test_operators_an_acronym_the_text_defines_names_the_operator_later(run):
    text = "Two Peruvian Air Force (FAP) C-27Js left Lima. They landed in Arequipa, the FAP said."
    operators = run(text)._.operators
    assert [(o["text"], o["name"], o["country"]) for o in operators] == [
        ("Peruvian Air Force", "Peruvian Air Force", "PE"), ("FAP", "Peruvian Air Force", "PE")
    ]


@pytest.mark.parametrize("text, mention, name, country", CASES, ids=[c[1] + "|" + c[0][:12] for c in CASES])
def test_operators_table(run, text, mention, name, country):
    operators = run(text)._.operators
    assert [o["text"] for o in operators] == [mention]
    if name is not None:
        assert operators[0]["name"] == name
    assert operators[0]["country"] == country


@pytest.mark.parametrize(
    "text", ["Russian forces repelled an attack.", "The Russian delegation arrived."], ids=["forces", "delegation"]
)
def test_operators_demonym_needs_an_aircraft(run, text):
    assert run(text)._.operators == []


def test_operators_an_acronym_the_text_defines_beats_the_lexicons_reading_of_it(run):
    """"RSAF" is the Royal Saudi Air Force in the lexicon; after "Republic of Singapore Air Force (RSAF)" it
    is Singapore's."""
    text = "A Republic of Singapore Air Force (RSAF) C-130 left Paya Lebar. The RSAF C-130 landed at Noi Bai."
    operators = run(text)._.operators
    assert {(o["text"], o["name"], o["country"]) for o in operators} == {
        ("Republic of Singapore Air Force", "Republic of Singapore Air Force", "SG"),
        ("RSAF", "Republic of Singapore Air Force", "SG"),
    }


def test_operators_a_numbered_base_after_a_movement_preposition_is_a_place_not_a_unit(run):
    doc = run("One of the C-17s made the short hop to the 71st Air Base at Câmpia Turzii.")
    assert [o["text"] for o in doc._.operators] == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Three P-8As of VP-26 flew from Jacksonville to Sigonella.", "Patrol Squadron 26"),
        ("A KC-130J of VMGR-152 flew from Iwakuni to Darwin.",
         "Marine Aerial Refueler Transport Squadron 152"),
        ("Two A-29s of the 2nd Squadron of the 3rd Aviation Group flew from Porto Velho to Boa Vista.",
         "2nd Squadron of the 3rd Aviation Group"),
    ],
    ids=["navy-designator", "marine-designator", "squadron-of-a-group"],
)  # fmt: skip
def test_operators_units_by_their_full_names(run, text, name):
    assert [o["name"] for o in run(text)._.operators] == [name]


def test_operators_russian_military_is_the_country_not_the_ministry(run):
    text = "Russian military transport aircraft have landed at least 14 times at al-Khadim since mid-April."
    doc = run(text)
    assert [o["name"] for o in doc._.operators] == ["Russia"]


def test_operators_the_airline_or_the_carrier_is_the_one_airline_named_before(run):
    text = (
        "Ethiopian Airlines flew three Boeing 777F charters to Addis Ababa. The carrier also positioned a "
        "767-300F to Entebbe, and the airline's freighters flew on to Juba."
    )
    anaphors = [(o["text"], o["name"]) for o in run(text)._.operators if o["rule"].endswith(":anaphor")]
    assert anaphors == [("The carrier", "Ethiopian Airlines"), ("the airline", "Ethiopian Airlines")]
    ships = "Ethiopian Airlines flew in. The carrier USS Nimitz sailed; its air wing flew off the carrier."
    assert [o for o in run(ships)._.operators if o["rule"].endswith(":anaphor")] == []
