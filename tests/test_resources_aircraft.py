"""The aircraft gazetteers in ``extractor/resources`` (types and generic heads) are well-formed.

The files are read here line by line, without the extractor package, so that a broken line is reported with
its ``file:line`` even when the loader would stop at the first problem. Every check collects all offending
lines and fails once with the full list.

The designator table at the end pins ICAO Doc 8643 type designators that are easy to get wrong (the Il-78
flies as IL76, the Su-34 and Su-35 as SU27, the F-35B as VF35, the KC-46 as B762). They were checked against
the Doc 8643 model list as published in the Virtual Radar Server standing data (``model-type/schema-01``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from jsonl_lines import read_lines

REPO = Path(__file__).resolve().parent.parent
RESOURCES = REPO / "extractor" / "resources"
TYPES_FILE = RESOURCES / "aircraft.jsonl"
GENERIC_FILE = RESOURCES / "aircraft_generic.jsonl"

ROLES = {
    "transport", "tanker", "bomber", "fighter", "attack", "helicopter", "uav", "airliner", "business_jet",
    "aew", "reconnaissance", "maritime_patrol", "trainer", "utility",
}  # fmt: skip
TYPE_KEYS = {"id", "manufacturer", "model", "family", "icao_type", "role", "nicknames", "aliases"}
GENERIC_KEYS = {"id", "phrase", "role"}
#: optional: "operator", the operators.jsonl id of the one service a national designation belongs to (CC-177)
OPTIONAL_TYPE_KEYS = {"operator"}
ICAO_TYPE = re.compile(r"^[A-Z][A-Z0-9]{1,3}$")
MIN_TYPES = 250
MIN_GENERIC = 40

# Aliases of one alphabetic word are where everyday English slips in ("Atlas", "Bear"). Each one here was read
# and judged a name the press uses for the aircraft only; a new one must be added here on purpose.
REVIEWED_ONE_WORD_ALIASES = {
    "Akinci", "Akıncı", "BBJ", "CSeries", "Dreamliner", "Eurofighter", "GlobalEye", "Globemaster", "Herc", "Inokhodets",
    "Kfir", "Kızılelma", "MRTT", "SeaGuardian", "SkyGuardian", "Stratofortress", "Stratotanker", "Transall",
}  # fmt: skip
# Nicknames shared by two families on purpose (official names that happen to coincide).
SHARED_NICKNAMES = {"Viper"}

def _objects(path: Path) -> list[tuple[int, dict[str, Any]]]:
    return [(n, value) for n, value in read_lines(path) if isinstance(value, dict)]


def _fail_if(problems: list[str], what: str) -> None:
    if problems:
        pytest.fail(f"{len(problems)} line(s) where {what}:\n" + "\n".join(problems[:60]), pytrace=False)


def _surface_key(text: str) -> str:
    """Case, spaces and hyphens folded away: "Il-76 MD", "IL76MD" and "il-76md" share one key."""
    return re.sub(r"[\s\-]+", "", text.casefold())


def _mechanical_variants(text: str) -> set[str]:
    """The spellings the matcher derives from ``text`` by itself (case folded)."""
    low = text.casefold()
    return {low, low.replace("-", " "), low.replace("-", "")}


TYPES = _objects(TYPES_FILE)
GENERIC = _objects(GENERIC_FILE)
FAMILY_LINES = {row["model"]: row for _, row in TYPES if row.get("model") == row.get("family")}


@pytest.mark.parametrize("path", [TYPES_FILE, GENERIC_FILE], ids=["aircraft", "aircraft_generic"])
def test_resources_aircraft_every_line_is_a_json_object(path: Path) -> None:
    problems = []
    for lineno, value in read_lines(path):
        if isinstance(value, json.JSONDecodeError):
            problems.append(f"{path.name}:{lineno}: expected a JSON object, found invalid JSON ({value.msg})")
        elif not isinstance(value, dict):
            problems.append(f"{path.name}:{lineno}: expected a JSON object, found {type(value).__name__}")
    _fail_if(problems, "a line is not a JSON object")


@pytest.mark.parametrize(
    "path, keys",
    [(TYPES_FILE, TYPE_KEYS), (GENERIC_FILE, GENERIC_KEYS)],
    ids=["aircraft", "aircraft_generic"],
)
def test_resources_aircraft_lines_have_exactly_the_schema_keys(path: Path, keys: set[str]) -> None:
    problems = []
    for lineno, row in _objects(path):
        optional = OPTIONAL_TYPE_KEYS if path == TYPES_FILE else set()
        missing, extra = sorted(keys - row.keys()), sorted(row.keys() - keys - optional)
        if missing or extra:
            problems.append(
                f"{path.name}:{lineno}: expected keys {sorted(keys)}, missing {missing}, extra {extra}"
            )
    _fail_if(problems, "the keys are wrong")


@pytest.mark.parametrize("path", [TYPES_FILE, GENERIC_FILE], ids=["aircraft", "aircraft_generic"])
def test_resources_aircraft_ids_are_unique(path: Path) -> None:
    first: dict[str, int] = {}
    problems = []
    for lineno, row in _objects(path):
        rule_id = row.get("id")
        if rule_id in first:
            problems.append(f"{path.name}:{lineno}: id {rule_id!r} already used on line {first[rule_id]}")
        first.setdefault(rule_id, lineno)
    _fail_if(problems, "an id is repeated")


def test_resources_aircraft_field_types_and_values() -> None:
    problems = []
    for lineno, row in TYPES:
        where = f"{TYPES_FILE.name}:{lineno}"
        for key in ("id", "manufacturer", "model", "family"):
            value = row.get(key)
            if not isinstance(value, str) or not value.strip() or value != value.strip():
                problems.append(f"{where}: expected {key} to be a non-empty trimmed string, found {value!r}")
        for key in ("nicknames", "aliases"):
            value = row.get(key)
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() == v and v for v in value
            ):
                problems.append(
                    f"{where}: expected {key} to be a list of non-empty trimmed strings, found {value!r}"
                )
            elif len(set(value)) != len(value):
                problems.append(f"{where}: {key} lists a value twice: {value!r}")
        icao = row.get("icao_type")
        if icao is not None and not (isinstance(icao, str) and ICAO_TYPE.match(icao)):
            problems.append(
                f"{where}: expected icao_type null or matching {ICAO_TYPE.pattern}, found {icao!r}"
            )
        if row.get("role") not in ROLES:
            problems.append(f"{where}: expected role in {sorted(ROLES)}, found {row.get('role')!r}")
    _fail_if(problems, "a field has the wrong type or value")


def test_resources_aircraft_operator_names_a_line_of_operators() -> None:
    operators = {row["id"] for _, row in _objects(TYPES_FILE.parent / "operators.jsonl")}
    problems = [
        f"{TYPES_FILE.name}:{lineno}: operator {row['operator']!r} is not an id of operators.jsonl"
        for lineno, row in _objects(TYPES_FILE)
        if "operator" in row and row["operator"] not in operators
    ]
    _fail_if(problems, "an operator id is unknown")


def test_resources_aircraft_id_is_derived_from_model() -> None:
    problems = []
    for lineno, row in TYPES:
        model = row.get("model")
        if not isinstance(model, str):
            continue
        expected = "ac." + model.lower().replace(" ", "-")
        if row.get("id") != expected or not expected.isascii():
            problems.append(
                f"{TYPES_FILE.name}:{lineno}: expected ASCII id {expected!r}, found {row.get('id')!r}"
            )
    _fail_if(problems, "the id is not 'ac.' + the lowercased model with '-' for spaces")


def test_resources_aircraft_has_enough_types() -> None:
    assert len(TYPES) >= MIN_TYPES, f"expected at least {MIN_TYPES} aircraft types, found {len(TYPES)}"


def test_resources_aircraft_every_family_has_its_own_line() -> None:
    problems = []
    for lineno, row in TYPES:
        family = row.get("family")
        if family not in FAMILY_LINES:
            problems.append(
                f"{TYPES_FILE.name}:{lineno}: family {family!r} has no line whose model is {family!r}"
            )
    _fail_if(problems, "a family has no line of its own")


def test_resources_aircraft_family_designator_holds_for_every_member() -> None:
    """A family line that names a designator claims it for the whole family; mixed families say null."""
    problems = []
    for lineno, row in TYPES:
        family_line = FAMILY_LINES.get(row.get("family"))
        if family_line is None or family_line is row or family_line.get("icao_type") is None:
            continue
        if row.get("icao_type") != family_line["icao_type"]:
            problems.append(
                f"{TYPES_FILE.name}:{lineno}: {row['model']} is {row.get('icao_type')!r} but its family "
                f"line {family_line['model']!r} says {family_line['icao_type']!r} "
                "(expected equal, or null on the family line)"
            )
    _fail_if(problems, "a family designator does not fit a member")


def test_resources_aircraft_surface_forms_name_one_type() -> None:
    """A model or alias spelled like another line's model or alias would resolve to either line."""
    owners: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for lineno, row in TYPES:
        forms = {row.get("model"), *(row.get("aliases") or [])}
        for form in {_surface_key(f) for f in forms if isinstance(f, str)}:
            owners[form].append((lineno, row.get("model")))
    problems = [
        f"surface {key!r} on lines " + ", ".join(f"{TYPES_FILE.name}:{n} ({m})" for n, m in places)
        for key, places in sorted(owners.items())
        if len(places) > 1
    ]
    _fail_if(problems, "one spelling names two types")


def test_resources_aircraft_aliases_are_not_derivable() -> None:
    """The matcher derives case, hyphen/space, the manufacturer prefix and "<designation> <nickname>"."""
    problems = []
    family_nicknames: dict[str, set[str]] = defaultdict(set)
    for _, row in TYPES:
        family_nicknames[row.get("family")].update(row.get("nicknames") or [])
    for lineno, row in TYPES:
        model, manufacturer = row.get("model", ""), row.get("manufacturer", "")
        derived = _mechanical_variants(model) | _mechanical_variants(f"{manufacturer} {model}")
        for nickname in family_nicknames[row.get("family")]:
            derived |= _mechanical_variants(f"{model} {nickname}")
        for alias in row.get("aliases") or []:
            if alias.casefold() in derived:
                problems.append(
                    f"{TYPES_FILE.name}:{lineno}: alias {alias!r} of {model!r} is derived by the matcher"
                )
    _fail_if(problems, "an alias repeats what the matcher derives")


def test_resources_aircraft_one_word_aliases_are_reviewed() -> None:
    problems = []
    for lineno, row in TYPES:
        for alias in row.get("aliases") or []:
            if alias.isalpha() and alias not in REVIEWED_ONE_WORD_ALIASES:
                problems.append(
                    f"{TYPES_FILE.name}:{lineno}: one-word alias {alias!r} is not in "
                    "REVIEWED_ONE_WORD_ALIASES (expected a designation, a phrase or a reviewed name; "
                    "everyday words belong in nicknames)"
                )
    _fail_if(problems, "a one-word alias has not been reviewed")


def test_resources_aircraft_nicknames_sit_on_one_family() -> None:
    """Family-wide names sit on the family line only, and no name is on two families."""
    problems = []
    families_of: dict[str, set[str]] = defaultdict(set)
    for lineno, row in TYPES:
        family_line = FAMILY_LINES.get(row.get("family"))
        for nickname in row.get("nicknames") or []:
            families_of[nickname].add(row.get("family"))
            if family_line is not None and family_line is not row and nickname in family_line["nicknames"]:
                problems.append(
                    f"{TYPES_FILE.name}:{lineno}: nickname {nickname!r} of {row['model']!r} is already "
                    f"on its family line {family_line['model']!r}"
                )
    for nickname, families in sorted(families_of.items()):
        if len(families) > 1 and nickname not in SHARED_NICKNAMES:
            problems.append(f"nickname {nickname!r} is on families {sorted(families)} (expected one)")
    _fail_if(problems, "a nickname is repeated")


def test_resources_aircraft_generic_phrases() -> None:
    problems = []
    seen: dict[str, int] = {}
    type_surfaces = {
        _surface_key(f) for _, row in TYPES for f in [row.get("model"), *(row.get("aliases") or [])]
    }
    for lineno, row in GENERIC:
        where = f"{GENERIC_FILE.name}:{lineno}"
        phrase = row.get("phrase")
        if not isinstance(phrase, str) or not phrase or phrase != phrase.strip() or phrase != phrase.lower():
            problems.append(f"{where}: expected a trimmed lowercase phrase, found {phrase!r}")
            continue
        if row.get("id") != "gen." + phrase.replace(" ", "-"):
            problems.append(
                f"{where}: expected id {'gen.' + phrase.replace(' ', '-')!r}, found {row.get('id')!r}"
            )
        if row.get("role") is not None and row.get("role") not in ROLES:
            problems.append(f"{where}: expected role null or in {sorted(ROLES)}, found {row.get('role')!r}")
        if phrase in seen:
            problems.append(f"{where}: phrase {phrase!r} already on line {seen[phrase]}")
        seen.setdefault(phrase, lineno)
        if _surface_key(phrase) in type_surfaces:
            problems.append(f"{where}: phrase {phrase!r} is also an aircraft type's model or alias")
    _fail_if(problems, "a generic phrase is malformed")
    assert len(GENERIC) >= MIN_GENERIC, (
        f"expected at least {MIN_GENERIC} generic phrases, found {len(GENERIC)}"
    )


DESIGNATORS = [
    ("Il-76MD", "IL76"),
    ("Il-78M", "IL76"),
    ("Il-20M", "IL18"),
    ("A-50U", "A50"),
    ("An-124-100", "A124"),
    ("An-74TK-100", "AN72"),
    ("Tu-214R", "T204"),
    ("Tu-142", "TU95"),
    ("Tu-160M", "T160"),
    ("Tu-22M3", "T22M"),
    ("Su-34", "SU27"),
    ("Su-35S", "SU27"),
    ("J-16", "SU27"),
    ("Su-57", "SU57"),
    ("Mi-17", "MI8"),
    ("Mi-35", "MI24"),
    ("H-6K", "TU16"),
    ("Y-8", "AN12"),
    ("Y-20", "Y20"),
    ("JF-17", "FC1"),
    ("Kawasaki C-2", "KC2"),
    ("C-5M", "C5M"),
    ("C-130H", "C130"),
    ("C-130J", "C30J"),
    ("KC-135R", "K35R"),
    ("KC-46A", "B762"),
    ("KC-10A", "DC10"),
    ("A330 MRTT", "A332"),
    ("F-35A", "F35"),
    ("F-35B", "VF35"),
    ("F/A-18E/F", "F18S"),
    ("EA-18G", "F18S"),
    ("Gripen", "SB39"),
    ("AV-8B", "HAR"),
    ("E-3G", "E3TF"),
    ("E-7", "E737"),
    ("E-4B", "B742"),
    ("VC-25A", "B742"),
    ("C-40C", "B737"),
    ("C-32A", "B752"),
    ("C-37B", "GLF5"),
    ("C-21A", "LJ35"),
    ("Global 6000", "GLEX"),
    ("Challenger 605", "CL60"),
    ("Legacy 600", "E35L"),
    ("CH-53E", "H53S"),
    ("AW101", "EH10"),
    ("H225", "EC25"),
    ("Z-8", "FREL"),
    ("Bayraktar TB2", "BTB2"),
    ("MQ-9B", "Q9"),
    ("MQ-4C", "Q4"),
    ("737 MAX 8", "B38M"),
    ("777F", "B77L"),
    ("Superjet 100", "SU95"),
]


@pytest.mark.parametrize("model, icao_type", DESIGNATORS, ids=[m for m, _ in DESIGNATORS])
def test_resources_aircraft_pinned_designators(model: str, icao_type: str) -> None:
    rows = [row for _, row in TYPES if row.get("model") == model]
    assert len(rows) == 1, f"expected one line with model {model!r}, found {len(rows)}"
    assert rows[0]["icao_type"] == icao_type, f"{model}: expected {icao_type}, found {rows[0]['icao_type']!r}"
