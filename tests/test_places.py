"""Table tests of the place component: gazetteer bases with codes, regions, demonym descriptors, unknown facilities."""

from __future__ import annotations

import pytest

CASES = [
    # text, mention text, name, kind, country, icao
    ("It landed at Hmeimim.", "Hmeimim", "Hmeimim Air Base", "airbase", "SY", "OSLK"),
    # an Arabic article joined by a hyphen belongs to the name
    ("It landed at al-Jufra.", "al-Jufra", "Jufra", "region", "LY", None),
    # English names of cities GeoNames knows by their local name
    ("It left Cologne on Monday.", "Cologne", "Cologne", "city", "DE", None),
    ("It flew to Lima.", "Lima", "Lima", "city", "PE", None),
    # a facility named "<city>-<name>": one place, even when the name is also a source's ("Copernicus")
    ("It landed at Wrocław-Copernicus Airport.", "Wrocław-Copernicus Airport", None, "airport", "PL", None),
    ("It flew on to Paris-Charles de Gaulle.", "Paris-Charles de Gaulle", None, "airport", "FR", "LFPG"),
    ("It diverted to Paine Field.", "Paine Field", None, "airport", "US", "KPAE"),
    # the one-word name of a base the gazetteer names in full, after "out of" / "bound for"
    ("A C-17 climbed out of Biggs on Monday.", "Biggs", "Biggs Army Airfield", "airbase", "US", "KBIF"),
    # the two-word town of a small airport, after a movement preposition
    ("The crew diverted to Puerto Williams.", "Puerto Williams", None, "airport", "CL", "SCGZ"),
    # a one-word base name before a date ("landed at Clark April 10"), a base's possessive runway
    ("The tankers landed at Clark April 10.", "Clark", None, "airport", "PH", "RPLC"),
    ("It landed on Marambio's gravel runway.", "Marambio", None, "airport", "AQ", "SAWB"),
    # a base named after an officer is no person; "military base" is a facility head
    ("It landed at the Teniente Rodolfo Marsh Martin aerodrome.", "Teniente Rodolfo Marsh Martin aerodrome",
     "Teniente Rodolfo Marsh Martin Aerodrome", "airport", "AQ", "SCRM"),
    ("It flew from the Tolemaida military base.", "Tolemaida military base", None, "airport", "CO", "SKTI"),
    # a service's prefix before a base's name: the base, not the service
    ("It took off from SLAF Base Ratmalana.", "SLAF Base Ratmalana", "SLAF Base Ratmalana", "airbase", None,
     None),
    # a base head written before its city's name: the city's airport when one is known, else a base of it
    ("It left Air Force Station Chandigarh.", "Air Force Station Chandigarh", None, "airport", "IN", "VICG"),
    ("It left Air Force Station Barnala.", "Air Force Station Barnala", "Air Force Station Barnala",
     "airbase", "IN", None),
    ("It landed at the Khmeimim air base.", "Khmeimim air base", "Hmeimim Air Base", "airbase", "SY", "OSLK"),
    ("It landed at the Latakia airport.", "Latakia airport", "Hmeimim Air Base", "airbase", "SY", "OSLK"),
    ("It flew to the Moscow Oblast.", "Moscow Oblast", "Moscow Oblast", "region", "RU", None),
    ("It took off from Libya.", "Libya", "Libya", "country", "LY", None),
    # a Canadian wing named with or without its base; a base known by the name of its garrison
    ("It left 9 Wing Gander.", "9 Wing Gander", "Gander International Airport", "airport", "CA", "CYQX"),
    ("Two CH-146s left Edmonton Garrison.", "Edmonton Garrison", "CFB Edmonton", "airbase", "CA", "CYED"),
    ("It left Chkalovsky.", "Chkalovsky", None, "airbase", "RU", None),
    ("It landed at Vnukovo International Airport.", "Vnukovo International Airport", None, "airport", "RU", "UUWW"),
    ("It landed at RAF Fairford.", "RAF Fairford", None, "airbase", "GB", "EGVA"),
    ("It landed at Tamanhint Air Base.", "Tamanhint Air Base", None, "airbase", None, None),
    ("It landed at Zzyzx Airfield.", "Zzyzx Airfield", "Zzyzx Airfield", "airbase", None, None),
    ("It landed in Minsk.", "Minsk", "Minsk", "city", "BY", None),
    # a strip known by a local code and its town's name alone is not what the town's name means (OE47)
    ("It landed in Al Kharj.", "Al Kharj", "Al Kharj", "city", "SA", None),
    # one-word airport names and airport towns count right after a movement preposition
    ("It flew to Tivat on Friday.", "Tivat", "Tivat Airport", "airport", "ME", "LYTV"),
    ("It landed at Shenyang Taoxian.", "Shenyang Taoxian", None, "airport", "CN", "ZYTX"),
    ("It left Minsk's Zzyzx Airfield.", "Minsk's Zzyzx Airfield", "Zzyzx Airfield", "airbase", "BY", None),
    ("A C-17 landed at Miroslawiec.", "Miroslawiec", None, "airbase", "PL", "EPMI"),
    ("It took off from Zzyzx Air Force Station.", "Zzyzx Air Force Station", None, "airbase", None, None),
    # short and ambiguous city names after a movement preposition (weak_cities.jsonl)
    ("It had positioned to Osh on Sunday.", "Osh", "Osh", "city", "KG", None),
    ("It flew on to Washington.", "Washington", "Washington", "city", "US", None),
    # a base's names too common to stand alone (weak_aliases in airbases.jsonl)
    ("The fighter left Wake on June 13.", "Wake", "Wake Island Airfield", "airbase", "UM", "PWAK"),
    ("It flew to New York.", "New York", "New York", "city", "US", None),
    # a one-word airport name after "reached"
    ("The B-52 reached Andersen on Wednesday.", "Andersen", None, "airport", "GU", "PGUA"),
    # a base no gazetteer knows, after "base at"
    ("They came from their home base at Gebel El Basur.", "Gebel El Basur", "Gebel El Basur", "airbase", None, None),
    # codes in brackets restate the name before them: the city named is its airport, and no code is a place
    ("It lifted off from Christchurch (CHC/NZCH).", "Christchurch", None, "airport", "NZ", "NZCH"),
    ("It lifted off from Nevatim (LLNV).", "Nevatim", None, "airbase", "IL", "LLNV"),
    # a city's possessive before a facility the gazetteer names in full
    ("It left Abu Dhabi's Al Bateen executive airport.", "Abu Dhabi's Al Bateen executive airport", None,
     "airport", "AE", "OMAD"),
    # US Guard and Army facility heads; a four-letter code right after a tracker's verb
    ("It took off from Zzyzx Air National Guard Base.", "Zzyzx Air National Guard Base", None, "airbase",
     None, None),
    ("It left Zzyzx Army Airfield.", "Zzyzx Army Airfield", None, "airbase", None, None),
    ("It departed CYOW at 1305Z.", "CYOW", None, "airport", "CA", "CYOW"),
    ("3/ Second Atlas: off LTAU 0251Z.", "LTAU", None, "airbase", "TR", "LTAU"),
]


def test_places_the_iata_code_of_the_main_airport_of_a_city_the_text_names(run):
    places = run("It landed at Larnaka at 09:05. A C-27J came in to LCA at 10:50.")._.places
    assert [(p["text"], p["icao"]) for p in places] == [("Larnaka", None), ("LCA", "LCLK")]
    assert [p["text"] for p in run("A C-27J came in to LCA at 10:50.")._.places] == []


@pytest.mark.parametrize(
    "text",
    ["Tivat is a town on the coast.", "The Aktion agreement was signed.", "The OSH team met.",
     "Washington said it would not comment.", "In the Wake of the storm, crews waited."],
)  # fmt: skip
def test_places_one_word_airport_names_need_a_preposition(run, text):
    assert [p for p in run(text)._.places if not p["descriptor"]] == []


@pytest.mark.parametrize(
    "text, expected",
    [("It flew from Palu to Mamuju on Friday.", ["Palu", "Mamuju"]),
     ("It flew from Mamuju to Palu on Friday.", ["Mamuju", "Palu"]),
     ("It flew from Doha to New York.", ["Doha", "New York"]),
     ("It was open from Palu to The Hague.", ["Palu", "The Hague"])],
)  # fmt: skip
def test_places_the_other_end_of_a_route_is_a_town_the_gazetteers_lack(run, text, expected):
    assert [p["text"] for p in run(text)._.places if not p["descriptor"]] == expected


def test_places_the_country_base_is_the_base_named_before(run):
    text = "The Voyager flew from RAF Akrotiri to Amman, returning to the Cyprus base in the evening."
    places = [p for p in run(text)._.places if not p["descriptor"]]
    assert [(p["text"], p["icao"]) for p in places][-1] == ("Cyprus base", "LCRA")


def test_places_letters_without_decomposition_fold_like_their_base_letters():
    from extractor.components._lexicon import fold

    assert fold("Mirosławiec") == fold("Miroslawiec") == "miroslawiec"
    assert fold("Ørland") == "orland"


@pytest.mark.parametrize("text, mention, name, kind, country, icao", CASES, ids=[c[1] for c in CASES])
def test_places_table(run, text, mention, name, kind, country, icao):
    places = [p for p in run(text)._.places if not p["descriptor"]]
    assert [p["text"] for p in places] == [mention]
    place = places[0]
    if name is not None:
        assert place["name"] == name
    assert place["kind"] == kind
    if country is not None:
        assert place["country"] == country
    if icao is not None:
        assert place["icao"] == icao
    assert text[place["start"] : place["end"]] == mention
    assert place["rule"]


DESCRIPTORS = [
    ("It flew to the Syrian province.", "the Syrian province", "region", "SY"),
    ("It returned to the base.", "the base", "airbase", None),
    ("It landed at the air base.", "the air base", "airbase", None),
    ("It landed in the Central African capital.", "the Central African capital", "city", "CF"),  # no direction
    ("It landed in the southern Somali city.", "the southern Somali city", "city", "SO"),
]


@pytest.mark.parametrize("text, mention, kind, country", DESCRIPTORS, ids=[d[1] for d in DESCRIPTORS])
def test_places_descriptors(run, text, mention, kind, country):
    places = run(text)._.places
    assert [(p["text"], p["descriptor"], p["kind"], p["country"]) for p in places] == [(mention, True, kind, country)]


@pytest.mark.parametrize(
    "text",
    ["The Qatar Emiri Air Force bought jets.", "The Times of Israel reported it."],
    ids=["operator", "outlet"],
)
def test_places_not_inside_other_entities(run, text):
    assert run(text)._.places == []


def test_places_icao_code_in_parentheses(run):
    text = "It landed at Bassel al-Assad airport (OSLK)."
    # the bracketed code restates the name: the name's mention carries the code, the brackets add no place
    assert [(p["text"], p["icao"]) for p in run(text)._.places] == [("Bassel al-Assad airport", "OSLK")]


def test_places_iata_code_after_a_preposition_only_for_an_airport_the_text_names(run):
    named = run("EP-FAA flew in from Tehran Imam Khomeini (OIIE). Expect it back at IKA this week.")._.places
    assert [p["icao"] for p in named if p["text"] == "IKA"] == ["OIIE"]
    assert [p for p in run("The 747 flew back to IKA on Monday.")._.places if p["text"] == "IKA"] == []


def test_places_the_text_spelling_picks_between_cities_that_fold_alike(run):
    # "Na Di" (Thailand) is larger than "Nadi" (Fiji); both fold to "nadi"
    fiji = run("The C-130 flew on to Nadi.", "2025-10-30")._.places
    thailand = run("The C-130 flew on to Na Di.", "2025-10-30")._.places
    assert [(p["name"], p["country"]) for p in fiji] == [("Nadi", "FJ")]
    assert [(p["name"], p["country"]) for p in thailand] == [("Na Di", "TH")]


@pytest.mark.parametrize(
    "text",
    ["A C-130H flew to the Taiwan-controlled island.", "An Iran-backed militia fired rockets.",
     "A Kyrgyz-registered Il-76 landed."],
)
def test_places_the_first_half_of_a_compound_adjective_is_no_place(run, text: str) -> None:
    """'Taiwan-controlled', 'Iran-backed': an adjective made from a place name names no place."""
    assert [p["text"] for p in run(text)._.places] == []


def test_places_a_descriptor_with_a_direction_before_its_demonym(run):
    doc = run("Transport planes made six flights into the southwestern Somali city of Baidoa since Dec. 28.")
    assert [e["destination"]["name"] for e in doc._.events] == ["Baidoa"]


@pytest.mark.parametrize(
    "text, name",
    [("The KC-390 flew on to King George Island on Monday.", "King George Island"),
     ("A C-130H flew to Pag-asa on Monday.", "Pag-asa Island"),
     ("The jets flew from Zurich to Tenerife on Monday.", "Tenerife")],
)  # fmt: skip
def test_places_islands_no_other_gazetteer_names(run, text, name):
    assert run(text)._.events[0]["destination"]["name"] == name


def test_places_a_base_named_after_an_officer_and_the_aerodrome_after_it(run):
    text = (
        "Cloud closed the Teniente Rodolfo Marsh Martin Aerodrome. On Wednesday a C-130H flew from Punta "
        "Arenas "
        "to the aerodrome on King George Island."
    )
    found = [(p["text"], p["name"]) for p in run(text)._.places if p["kind"] == "airport"]
    assert found[0] == ("Teniente Rodolfo Marsh Martin Aerodrome", "Teniente Rodolfo Marsh Martin Aerodrome")
    assert [t for t, _ in found[1:]] == ["the aerodrome"]


def test_places_a_base_named_after_a_person_is_later_known_by_a_surname_not_the_given_name(run):
    text = (
        "The C-130 landed at Teniente Rodolfo Marsh Martin Aerodrome on Monday. It left Marsh the next day, "
        "and a second Hercules flew to Rodolfo on Friday."
    )
    places = [(p["text"], p.get("icao")) for p in run(text)._.places]
    assert ("Marsh", "SCRM") in places
    assert all(text != "Rodolfo" for text, _ in places)


def test_places_every_gazetteer_name_fits_the_lexicon_window(nlp):
    """A name longer than the lexicon's window never matches whole ("Naval Air Station Joint Reserve Base Fort
    Worth" fell apart into an unknown base and the city)."""
    from extractor.resources import load_jsonl

    ruler = nlp.get_pipe("place_ruler")
    too_long = [
        name
        for file in ("airbases.jsonl", "regions.jsonl", "countries.jsonl", "islands.jsonl")
        for row in load_jsonl(file, required=("id", "name"))
        for name in [row["name"], *(row.get("aliases") or [])]
        if len(nlp.make_doc(name)) > ruler.lexicon.max_tokens
    ]
    assert too_long == []


def test_places_a_code_in_brackets_picks_between_the_airports_of_a_city(run):
    places = run("Three C-130H arrivals at Port Sudan (HSPN) from Cairo West on 14 March.")._.places
    assert [(p["text"], p["icao"]) for p in places][0] == ("Port Sudan", "HSPN")


def test_places_a_known_code_joined_to_a_name_by_a_dash_is_a_route_end(run):
    doc = run("EP-FAB is scheduled to fly IKA–Vnukovo again on Thursday.", "2024-11-04")
    assert [(p["text"], p.get("iata")) for p in doc._.places] == [("IKA", "IKA"), ("Vnukovo", "VKO")]
    # spaced, as in a dateline ("JUBA - The ..."), the dash joins no route
    doc = run("Headline\n\nIKA – Vnukovo talks resumed on Monday.", "2024-11-04")
    assert [p["text"] for p in doc._.places] == ["Vnukovo"]


def test_places_two_unknown_towns_joined_by_from_and_to(run):
    doc = run("An NH90 flew a surgical team from Al Ghaydah to Sayhut, on the Mahra coast.", "2024-05-02")
    assert [(p["text"], p["rule"]) for p in doc._.places][:2] == [
        ("Al Ghaydah", "place:route-ends"),
        ("Sayhut", "place:route-ends"),
    ]
    assert [p["text"] for p in run("The shift ran from Monday to Friday.", "2024-05-02")._.places] == []


def test_places_a_canadian_forces_base_no_gazetteer_names(run):
    doc = run("Two CH-146 Griffons, having left Canadian Forces Base Borden on July 18, landed at Red Lake.")
    assert doc._.places[0]["text"] == "Canadian Forces Base Borden"
    assert doc._.events[0]["origin"]["text"] == "Canadian Forces Base Borden"


@pytest.mark.parametrize(
    "text, name",
    [
        ("A C-130H landed at the aeropuerto Carriel Sur (Carriel Sur airport) on Thursday.",
         "Carriel Sur Airport"),
        ("The C-130H took off from the Base Aérea El Palomar (El Palomar Air Base) at dawn.",
         "El Palomar Airport"),
    ],
    ids=["aeropuerto-written-small", "base-aerea"],
)  # fmt: skip
def test_places_the_local_head_of_a_facility_in_translated_copy(run, text, name):
    doc = run(text, "2025-02-07")
    assert doc._.places[0]["text"].split()[0] in {"aeropuerto", "Base"}
    assert doc._.places[0]["name"] == name
    leg = doc._.events[0]
    assert name in {(leg["origin"] or {}).get("name"), (leg["destination"] or {}).get("name")}


@pytest.mark.parametrize(
    "text, icao",
    [
        ("Eight F-16Cs arrived at Korat on 15 March.", "VTUN"),
        ("The jet diverted to EuroAirport Basel-Mulhouse, where it touched down at 9:47 p.m.", "LFSB"),
        ("A Dash 8 water bomber flew in from its base at Nimes-Garons on Monday.", "LFTW"),
        ("The Dornier 228 left Longyearbyen at 09:30 for Ny-Ålesund.", "ENAS"),
    ],
    ids=["korat", "euroairport", "nimes-garons-unaccented", "ny-alesund"],
)  # fmt: skip
def test_places_airfields_known_by_a_short_or_compound_name(run, text, icao):
    assert icao in {p.get("icao") for p in run(text, "2025-03-20")._.places}


def test_places_a_city_is_not_taken_by_a_field_of_its_name_without_an_iata_code(run):
    """"Port Sudan Air Base" (HSSP, no IATA code) is not what "landed in Port Sudan" means; the city is."""
    places = run("Two C-130Hs landed in Port Sudan on Wednesday.", "2025-01-01")._.places
    assert [(p["name"], p["kind"], p.get("icao")) for p in places] == [("Port Sudan", "city", None)]


def test_places_a_possessive_in_an_airports_name_is_one_word(run):
    """"King's Airport" (9OR4, a private strip in Oregon) once gave the core name "King s", which matched the
    word "Kings" anywhere."""
    places = run("The Dornier 228 flies the shuttle for Kings Bay on Mondays.", "2025-03-20")._.places
    assert "9OR4" not in {p.get("icao") for p in places}


def test_places_of_a_towns_airports_the_one_with_an_iata_code(run):
    """Deadhorse has four airfields in airportsdata; the news means Deadhorse Airport (SCC), not the Badami
    strip."""
    places = run("FlightAware data show the jet landing at Deadhorse at 9:52 p.m.", "2025-01-16")._.places
    assert [p.get("icao") for p in places] == ["PASC"]


SHIP_CASES = [
    # text, [(mention text, place name)] of the ship mentions in order
    # a navy's prefix and a name, with the description before it in the mention
    ("An MH-60R flew from the destroyer USS Spruance to Bahrain.",
     [("the destroyer USS Spruance", "USS Spruance")]),
    ("Two F-35Bs landed on HMS Prince of Wales.", [("HMS Prince of Wales", "HMS Prince of Wales")]),
    ("It left the Nimitz-class aircraft carrier USS Dwight D. Eisenhower on Monday.",
     [("the Nimitz-class aircraft carrier USS Dwight D. Eisenhower", "USS Dwight D. Eisenhower")]),
    # once named, the ship by its name alone and by its family name
    ("A C-2A left USS Dwight D. Eisenhower. It flew back to Eisenhower on Friday.",
     [("USS Dwight D. Eisenhower", "USS Dwight D. Eisenhower"), ("Eisenhower", "USS Dwight D. Eisenhower")]),
    # a description and a name with no prefix
    ("The Osprey flew to the carrier Abraham Lincoln.", [("the carrier Abraham Lincoln", "Abraham Lincoln")]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", SHIP_CASES)
def test_places_ships(run, text, expected):
    ships = [p for p in run(text)._.places if p["kind"] == "ship" and not p["descriptor"]]
    assert [(p["text"], p["name"]) for p in ships] == expected


def test_places_an_indian_naval_air_station_the_gazetteer_names_is_a_base_not_a_ship(run):
    places = run("The P-8I flew from INS Rajali to Port Blair.")._.places
    assert (places[0]["text"], places[0]["kind"]) == ("INS Rajali", "airbase")


def test_places_the_carrier_is_a_place_only_when_a_ship_is_named(run):
    airline = run("The carrier said its A320 flew to Lisbon.")._.places
    assert [p["kind"] for p in airline] == ["city"]
    navy = run("The MV-22 left USS Tripoli. It flew back to the ship on Monday.")._.places
    assert [(p["text"], p["kind"], p["descriptor"]) for p in navy] == [
        ("USS Tripoli", "ship", False), ("the ship", "ship", True)
    ]


def test_places_an_aircraft_name_that_is_also_a_town_is_no_place(run):
    assert run("Esquel is a demanding destination for a loaded Hercules.")._.places[0]["text"] == "Esquel"
    assert [p["text"] for p in run("The service has two serviceable Hercules.")._.places] == []


@pytest.mark.parametrize("month", ["October", "May", "March"])
def test_places_a_month_after_in_is_no_airport_of_that_name(run, month):
    # airportsdata has an "October Airport" (HEOC) in Egypt; "in October" is the month
    doc = run(f"The air force wanted the aircraft back in time for an exercise in {month}.")
    assert doc._.places == []
