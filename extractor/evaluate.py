"""Score predicted article records against the gold corpus: per-field precision, recall and F1.

Reads a gold file (``corpus/gold/<split>.jsonl``, format in ``corpus/README.md``) and either a predictions
file (``ArticleRecord`` JSON lines, ``doc_id`` matching the gold ``doc_id``) or, without one, runs the
pipeline on each gold article. Writes nothing except what the CLI is asked for (a table on stdout, misses with
``-v``, figures with ``--json``). Imports no spaCy: the pipeline is imported only when predictions have to be
made.

How values match
----------------
``normalise``: NFKD, accents dropped, casefolded, a leading "the" dropped, and everything that is not a letter
or a digit removed ("The Hmeimim Air-Base" -> "hmeimimairbase", "Il-76MD" -> "il76md").

- **Places** match when their ICAO codes are equal, or their IATA codes are equal, or their normalised names
  are equal, or one's normalised name equals the other's normalised ``text`` or one of its aliases, or the
  names are equal once a generic suffix is removed ("air base", "airbase", "air force base", "airport",
  "international airport", "airfield", "province", "oblast", "governorate", "region"). Aliases (and ICAO/IATA
  codes) come from ``resources/airbases.jsonl``, ``regions.jsonl`` and ``countries.jsonl`` when those files
  exist.
- **Aircraft** (field ``aircraft``) match when their normalised models are equal (a leading manufacturer name
  does not count: "Boeing 747-400F" = "747-400F") or are two names of one line of ``resources/aircraft.jsonl``
  ("JAS 39C" = "Gripen C", "DHC-8" = "Dash 8"), or one's model equals the
  other's family (a predicted "Il-76" matches a gold "Il-76MD"), or, when one side has no model, their
  families are equal, or their ICAO type designators are equal. ``aircraft_model`` is stricter: the models must be
  equal (or two names of one gazetteer line). Only typed aircraft (with a model, family or ICAO type) count; "a cargo plane" is no
  value.
- **Dates** match when their TIMEX3 ``value`` strings are equal. ``date`` is the event's primary date,
  ``dates`` the set of all its values.
- **Operators** match when their normalised names are equal, or are aliases of one line of ``operators.jsonl``
  ("USAF", "U.S. Air Force", "United States Air Force"), or when both names are national (a country's
  name, alias or demonym from ``countries.jsonl``: "Russia", "Russian", "Russian Federation") and both sides
  have the same country (``country``, or the country the national name belongs to). "Russian Air Force" is not
  national, so it does not match a gold "Russia".
- **Sources** match when their canonical normalised names are equal; names are made canonical with the aliases
  in ``resources/sources.jsonl`` when present ("FR24" -> "Flightradar24"). A predicted name also takes the
  name of a gold source of the same article when one is the acronym of the other's words ("PTI" = "Press
  Trust of India", "AVN" = "Agencia Venezolana de Noticias") or when they are equal once a leading country
  name or adjective is dropped from one side ("UK Ministry of Defence" = "Ministry of Defence"; the country may also follow: "... of Uzbekistan"), with
  ministries written either way ("Foreign Ministry" = "Ministry of Foreign Affairs"), without a leading count
  or article, and without a person's leading rank or title ("Brigadier General Hanna Vos" = "Hanna Vos").

Event alignment
---------------
Within one article every (gold, predicted) event pair gets a similarity: aircraft overlap (at least one
aircraft pair matches) 2, destination 1.5, origin 1, primary date 1, action 0.5. A pair is a candidate only
when the aircraft overlap or the origins or the destinations match. Events are aligned one-to-one to maximise
the summed similarity (then the number of pairs), exactly by a search over assignments; remaining ties go to
the lexicographically first list of pairs, so the result is deterministic. An event the prediction split in
two or merged is therefore aligned once; the other part is a false positive (unaligned prediction) or a false
negative (unaligned gold event).

Counting
--------
For a single-valued field an aligned pair with equal non-null values is a TP; a predicted non-null value that
is unaligned or unequal is an FP; a gold non-null value that is unaligned or unequal is an FN; null against
null counts nothing. Set-valued fields (``aircraft``, ``aircraft_model``, ``via``, ``dates``, ``sources`` and
the article-level fields) count per element after a one-to-one matching of the elements.

``events``: an aligned pair is a TP when its aircraft sets match completely (every typed aircraft on each side
is matched one-to-one, or neither side has a typed aircraft), and origin, destination and primary date each
match or are both null. Otherwise the pair is one FP and one FN. Unaligned predicted events are FPs, unaligned
gold events FNs. ``events_aligned`` counts alignment alone (aligned pairs are TPs).

Article level: ``article_sources`` is the set of canonical source names (predicted: the outlets and cites of
the attributions plus every event's sources); ``timex_value`` pairs time expressions whose spans overlap (most
overlap first, one-to-one) and counts a TP when their values are equal, as TempEval-3 value F1;
``attribution`` is the set of (outlet, cited source) pairs, one per cite, or (outlet, none) for an attribution
without cites.

Micro figures sum TP/FP/FN over articles; macro figures average per-article F1 over the articles where the
field has a gold or a predicted value. A precision with no predictions (or a recall with no gold) is 0.0; a
field with neither has no figures (``None``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "EVENT_FIELDS",
    "ARTICLE_FIELDS",
    "FIELDS",
    "Counts",
    "Matcher",
    "Miss",
    "ArticleResult",
    "Evaluation",
    "normalise",
    "strip_generic_suffix",
    "align_events",
    "evaluate_article",
    "evaluate_records",
    "evaluate",
    "load_gold",
    "load_predictions",
    "predict",
    "format_table",
    "format_misses",
    "add_arguments",
    "run",
    "main",
]

EVENT_FIELDS: tuple[str, ...] = (
    "aircraft",
    "aircraft_model",
    "operator",
    "origin",
    "destination",
    "via",
    "date",
    "dates",
    "count",
    "modality",
    "action",
    "sources",
)
ARTICLE_FIELDS: tuple[str, ...] = ("article_sources", "timex_value", "attribution")
FIELDS: tuple[str, ...] = ("events", "events_aligned", *EVENT_FIELDS, *ARTICLE_FIELDS)

#: Similarity weights of the event alignment.
ALIGN_WEIGHTS: dict[str, float] = {
    "aircraft": 2.0,
    "destination": 1.5,
    "origin": 1.0,
    "date": 1.0,
    "action": 0.5,
}

#: Word sequences dropped from the end of a place name before the suffix comparison, longest first.
GENERIC_SUFFIXES: tuple[tuple[str, ...], ...] = (
    ("international", "airport"),
    ("air", "force", "base"),
    ("air", "base"),
    ("airbase",),
    ("airport",),
    ("airfield",),
    ("province",),
    ("oblast",),
    ("governorate",),
    ("region",),
)

#: Above this many partial assignments the exact alignment search gives way to a greedy one.
_MAX_ALIGN_STATES = 20000

Json = dict[str, Any]


# --------------------------------------------------------------------------------------------- normalisation


#: Letters NFKD does not split into a base letter and an accent.
#: The Hawaiian ʻokina and "ʼ" are modifier letters ``str.isalnum`` keeps; they go ("Hawaiʻi" = "Hawaii").
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ʻ": None, "ʼ": None}
)


def _words(text: str) -> list[str]:
    """Accent-free, casefolded words (runs of letters and digits) of ``text``, a leading "the" dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words: list[str] = []
    current: list[str] = []
    for ch in plain:
        if ch.isalnum():
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return words


def normalise(text: str | None) -> str:
    """The comparison key of a string: casefolded, no accents, punctuation or spaces, no leading "the"."""
    if not text:
        return ""
    return "".join(_words(text))


def strip_generic_suffix(text: str | None) -> str:
    """``normalise(text)`` after dropping one generic place suffix ("air base", "oblast"...); "" for no text.

    The name is left whole when it is nothing but the suffix ("Region").
    """
    if not text:
        return ""
    words = _words(text)
    for suffix in GENERIC_SUFFIXES:
        n = len(suffix)
        if len(words) > n and tuple(words[-n:]) == suffix:
            return "".join(words[:-n])
    return "".join(words)


def _upper(value: Any) -> str:
    return str(value).strip().upper() if value else ""


# --------------------------------------------------------------------------------------------- alias tables


@dataclass
class AliasTable:
    """Groups of equivalent names, keyed by every normalised member.

    ``groups[key]`` is the set of normalised names equivalent to ``key`` (itself included),
    ``canonical[key]`` the entry's own name (not normalised), ``icao``/``iata`` the codes of the entry,
    ``country`` its ISO alpha-2 code.
    """

    groups: dict[str, set[str]] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)
    icao: dict[str, set[str]] = field(default_factory=dict)
    iata: dict[str, set[str]] = field(default_factory=dict)
    country: dict[str, str] = field(default_factory=dict)

    def add(
        self,
        name: str,
        aliases: Iterable[str] = (),
        *,
        icao: str | None = None,
        iata: str | None = None,
        country: str | None = None,
    ) -> None:
        """Add one entry: ``name`` and its ``aliases`` become one group (merged with groups they touch)."""
        keys = {normalise(name)} | {normalise(alias) for alias in aliases if isinstance(alias, str)}
        keys.discard("")
        if not keys:
            return
        group: set[str] = set(keys)
        for key in keys:
            group |= self.groups.get(key, set())
        for key in group:
            self.groups[key] = group
        for key in keys:
            self.canonical.setdefault(key, name)
            if icao:
                self.icao.setdefault(key, set()).add(_upper(icao))
            if iata:
                self.iata.setdefault(key, set()).add(_upper(iata))
            if country:
                self.country.setdefault(key, _upper(country))

    def expand(self, key: str) -> set[str]:
        """``key`` and every name in its group (empty for an empty key)."""
        if not key:
            return set()
        return {key} | self.groups.get(key, set())

    def __len__(self) -> int:
        return len(self.canonical)


def _designated(name: str) -> str:
    """A US Navy or Marine Corps squadron designator written out ("VP-26" -> "Patrol Squadron 26"); any other
    name unchanged."""
    from extractor.resources import written_out_designator

    written = written_out_designator(name)
    return written[0] if written else name


def _load_alias_rows(resource: str) -> tuple[dict, ...]:
    """The rows of ``extractor/resources/<resource>``; empty if missing (warns if malformed)."""
    from extractor.resources import load_jsonl, resource_path

    if not resource_path(resource).exists():
        return ()
    try:
        return load_jsonl(resource, required=())
    except Exception as exc:  # noqa: BLE001 - an unreadable alias file degrades to "no aliases"
        warnings.warn(f"evaluate: ignoring {resource}: {exc}", stacklevel=2)
        return ()


def _table_from_rows(rows: Iterable[dict], *, with_demonyms: bool = False) -> AliasTable:
    table = AliasTable()
    for row in rows:
        name = row.get("name")
        if not isinstance(name, str) or not name:
            continue
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        aliases = list(aliases)
        if with_demonyms:
            demonyms = row.get("demonyms") or []
            aliases += [demonyms] if isinstance(demonyms, str) else list(demonyms)
        country = row.get("iso2") if with_demonyms else row.get("country")
        table.add(name, aliases, icao=row.get("icao"), iata=row.get("iata"), country=country)
    return table


# --------------------------------------------------------------------------------------------- value access


def _name(value: Any) -> str | None:
    """The name of a source/org/place given as a string (gold) or a dict with ``name`` (prediction)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) and name else None
    return None


def _equal(a: Any, b: Any) -> bool:
    return bool(a == b)


def _typed(aircraft: dict) -> bool:
    return bool(aircraft.get("model") or aircraft.get("family") or aircraft.get("icao_type"))


def _date_value(event: Json) -> str | None:
    date = event.get("date")
    return date.get("value") if isinstance(date, dict) else None


# --------------------------------------------------------------------------------------------- matcher


_MANUFACTURER = re.compile(
    r"^(?:lockheed martin|lockheed|boeing|airbus|ilyushin|antonov|tupolev|mcdonnell douglas|bombardier|"
    r"gulfstream|dassault|embraer|kawasaki|sukhoi|mikoyan|kamov|mil|bell|sikorsky|northrop grumman|northrop|"
    r"grumman|casa|alenia|leonardo|beechcraft|cessna|pilatus|saab|shaanxi|xian|yakovlev|general atomics|baykar|"
    r"bae systems|bae|fokker|de havilland|learjet|textron|nh industries|eurocopter|airbus helicopters)\s+",
    re.IGNORECASE,
)


_LEADING_COUNT = re.compile(r"^(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some)\s+")


_PERSON_TITLE = re.compile(
    r"^(?:(?:brigadier|major|lieutenant|lt\.?|maj\.?|brig\.?|vice|rear|air|wing|group|squadron|flight|"
    r"staff)\s+)?"
    r"(?:general|gen\.?|colonel|col\.?|commodore|commander|cmdr\.?|admiral|adm\.?|captain|capt\.?|major|"
    r"marshal|leader|lieutenant|sergeant|sgt\.?|mr\.?|mrs\.?|ms\.?|dr\.?)\s+(?!of\b)(?=\S+\s+\S)"
)


_PRESS_OFFICE_AFTER = re.compile(
    r"(?<=\w)(?:'s|’s)?\s+(?:-\s+|–\s+)?"
    r"(?:public affairs(?: office)?|office of public affairs|press (?:office|service)|"
    r"communication strategy and operations|press and information (?:centre|center|office))$"
)
_PRESS_OFFICE_BEFORE = re.compile(
    r"^(?:the\s+)?(?:press (?:service|office)|public affairs office|press and information (?:centre|center))"
    r" of "
    r"(?:the\s+)?(?=\S+\s+\S)"
)


#: a state's formal name before its country's: "of the Republic of", "of the Kingdom of the"
_STATE_NAME = re.compile(
    r"\bof (?:the )?(?:(?:federal|islamic|people's|democratic|socialist|united|federative|plurinational) )?"
    r"(?:republic|kingdom|federation|principality|sultanate|commonwealth) of (?:the )?"
)


def _of_the_reordered(name: str | None) -> str:
    """'A of the B' written 'B A', normalised ("" when the name has no " of the ")."""
    head, sep, owner = (name or "").partition(" of the ")
    return normalise(f"{owner} {head}") if sep and head and owner else ""


def _canonical_body(name: str) -> str:
    """A ministry or minister written one way: "Ministry of Foreign Affairs" -> "foreign ministry", "Ministry of
    Defense" -> "defence ministry", "Minister of Defence" -> "defence minister"; a leading count or article
    dropped ("two officials familiar with the planning" -> "officials familiar with the planning"), a
    person's leading rank or title ("Commodore Martín Rivas" -> "martín rivas") and a body's trailing
    "spokesperson" ("Bundeswehr spokesman" -> "bundeswehr"); other names unchanged (lower-cased)."""
    text = " ".join(name.split()).lower().replace("defense", "defence")
    text = _LEADING_COUNT.sub("", text)
    text = _PERSON_TITLE.sub("", text)  # "Brigadier General Hanna Vos" = "Hanna Vos"
    # a body's unnamed spokesperson speaks for it: "Chadian government spokesperson" = "Chadian government"
    text = re.sub(r"(?<=\w)(?:'s|’s)?\s+spokes(?:person|man|woman)$", "", text)
    # and so does its press office: "Allied Air Command Public Affairs Office" = "Allied Air Command", "Press
    # Service of the Ministry of Defence" = "Ministry of Defence"
    text = _PRESS_OFFICE_AFTER.sub("", text)
    text = _PRESS_OFFICE_BEFORE.sub("", text)
    text = re.sub(r"\bministry for\b", "ministry of", text)  # "Ministry for Foreign Affairs"
    text = _STATE_NAME.sub("of ", text)  # "Ministry of Defence of the Republic of Albania" = "... of Albania"
    text = re.sub(r"\b(of|for) the\b", r"\1", text)  # "Chief of the Air Staff" = "Chief of Air Staff"
    text = re.sub(r"(?<=\w)['’]s\b", "", text)  # "Prime Minister's Office" = "Prime Minister office"
    text = text.replace("ministry of foreign affairs", "foreign ministry")
    text = text.replace("foreign affairs ministry", "foreign ministry")
    text = text.replace("minister of foreign affairs", "foreign minister")
    # "Ministry of Defence of Azerbaijan" -> "defence ministry of azerbaijan", national like "Azerbaijani ..."
    # ("foreign ministry of kazakhstan" stays: its portfolio is already before it)
    return re.sub(
        r"(?<!foreign )\b(ministry|minister) of (?:the )?(\w+)((?: of (?:the )?\w+){0,2})$", r"\2 \1\3", text
    )


#: a descriptor's trailing place or affiliation: "Somali military officer at the base", "opposition lawmaker
#: from Jubaland", "Darwin Aviation Spotters group on Facebook"
_COMPLEMENT = re.compile(
    r"^(\S+(?:\s+(?!based\b|who\b)\S+)+?)(?:\s+group)?\s+(?:(?:who is |who are )?based\s+)?"
    r"(?:at|in|from|on)\s+\S.*$",
    re.I,
)


def _without_complement(name: str) -> str:
    """``name`` normalised without a trailing "at/in/from/on/based in ..." complement, when at least two words
    stay before it; "" when it has none."""
    found = _COMPLEMENT.match(" ".join((name or "").split()))
    return normalise(found.group(1)) if found else ""


def _type_name(value: Any) -> str:
    """A model or family name normalised without its manufacturer: "Boeing 747-400F" = "747-400F"."""
    if not isinstance(value, str):
        return normalise(value)
    return normalise(_MANUFACTURER.sub("", value.strip()) or value)


_NATIONAL_BODIES = frozenset({"government", "military", "army", "navy", "presidency"})
#: words an acronym skips, in English and in the Romance languages outlets are named in ("AVN" = "Agencia
#: Venezolana de Noticias")
_ACRONYM_SKIP = frozenset(
    {"of", "and", "for", "the", "on", "in", "at", "to", "de", "del", "da", "do", "dos", "das", "la", "le",
     "les", "el", "des", "du", "di", "y", "e"}
)  # fmt: skip


class Matcher:
    """The matching rules of the module docstring, with their alias tables.

    ``Matcher()`` has no aliases; ``Matcher.from_resources()`` loads the optional files in
    ``extractor/resources`` (missing files give empty tables).
    """

    def __init__(
        self,
        *,
        places: AliasTable | None = None,
        sources: AliasTable | None = None,
        countries: AliasTable | None = None,
        operators: AliasTable | None = None,
        aircraft_lines: dict[str, set[int]] | None = None,
    ) -> None:
        self.places = places or AliasTable()
        self.sources = sources or AliasTable()
        self.countries = countries or AliasTable()
        self.operators = operators or AliasTable()
        #: normalised model name or alias -> the lines of aircraft.jsonl it names ("JAS 39C" = "Gripen C")
        self.aircraft_lines: dict[str, set[int]] = dict(aircraft_lines or {})

    @classmethod
    def from_resources(cls) -> Matcher:
        """Read the resources ``airbases``, ``regions``, ``countries``, ``sources``, ``operators.jsonl`` that exist."""
        countries = _table_from_rows(_load_alias_rows("countries.jsonl"), with_demonyms=True)
        places = _table_from_rows(
            [
                *_load_alias_rows("airbases.jsonl"),
                *_load_alias_rows("regions.jsonl"),
                *_load_alias_rows("countries.jsonl"),
            ]
        )
        sources = _table_from_rows(_load_alias_rows("sources.jsonl"))
        operators = _table_from_rows(_load_alias_rows("operators.jsonl"))
        aircraft_lines: dict[str, set[int]] = {}
        for number, row in enumerate(_load_alias_rows("aircraft.jsonl")):
            for name in [row.get("model"), *(row.get("aliases") or [])]:
                key = _type_name(name) if isinstance(name, str) else ""
                if key:
                    aircraft_lines.setdefault(key, set()).add(number)
        return cls(
            places=places, sources=sources, countries=countries, operators=operators, aircraft_lines=aircraft_lines
        )

    # places ----------------------------------------------------------------------------------------------

    def _place_name_keys(self, place: dict) -> set[str]:
        name = _name(place) or ""
        keys = self.places.expand(normalise(name)) | self.places.expand(strip_generic_suffix(name))
        keys |= {strip_generic_suffix(self.places.canonical.get(key, "")) for key in list(keys)}
        keys.discard("")
        return keys

    def _place_codes(self, place: dict, kind: str) -> set[str]:
        codes = {_upper(place.get(kind))}
        table = self.places.icao if kind == "icao" else self.places.iata
        key = normalise(_name(place))
        for member in self.places.expand(key):
            codes |= table.get(member, set())
        codes.discard("")
        return codes

    def places_match(self, gold: dict | None, pred: dict | None) -> bool:
        """Whether two places (dicts with ``name``, ``text``, ``icao``, ``iata``) name the same place."""
        if not gold or not pred:
            return False
        for kind in ("icao", "iata"):
            gold_code, pred_code = _upper(gold.get(kind)), _upper(pred.get(kind))
            if gold_code and pred_code and gold_code == pred_code:
                return True
        gold_names, pred_names = self._place_name_keys(gold), self._place_name_keys(pred)
        if gold_names & pred_names:
            return True
        gold_text, pred_text = normalise(gold.get("text")), normalise(pred.get("text"))
        if (gold_text and gold_text in pred_names) or (pred_text and pred_text in gold_names):
            return True
        # codes the alias files give for a name (a gold base without ICAO vs a predicted one with it)
        return any(self._place_codes(gold, kind) & self._place_codes(pred, kind) for kind in ("icao", "iata"))

    # aircraft --------------------------------------------------------------------------------------------

    def _same_model(self, gold_model: str, pred_model: str) -> bool:
        """Equal normalised models, or two names of one line of ``aircraft.jsonl`` ("JAS 39C" = "Gripen C")."""
        if not gold_model or not pred_model:
            return False
        if gold_model == pred_model:
            return True
        return bool(self.aircraft_lines.get(gold_model, set()) & self.aircraft_lines.get(pred_model, set()))

    def aircraft_match(self, gold: dict, pred: dict) -> bool:
        """Lenient type match: model = model (also two names of one gazetteer line), model = family either way,
        family = family when a model is missing, or ICAO type = ICAO type."""
        gold_model, pred_model = _type_name(gold.get("model")), _type_name(pred.get("model"))
        gold_family, pred_family = _type_name(gold.get("family")), _type_name(pred.get("family"))
        if self._same_model(gold_model, pred_model):
            return True
        if pred_model and pred_model == gold_family:
            return True
        if gold_model and gold_model == pred_family:
            return True
        if (not gold_model or not pred_model) and gold_family and gold_family == pred_family:
            return True
        gold_icao, pred_icao = _upper(gold.get("icao_type")), _upper(pred.get("icao_type"))
        return bool(gold_icao) and gold_icao == pred_icao

    def aircraft_model_match(self, gold: dict, pred: dict) -> bool:
        """Strict type match: the normalised models are equal, or two names of one gazetteer line."""
        return self._same_model(_type_name(gold.get("model")), _type_name(pred.get("model")))

    # operators -------------------------------------------------------------------------------------------

    def _national_country(self, name: str) -> str | None:
        """The ISO code of the country whose name, alias or demonym ``name`` is, else None; of a demonym two
        countries share ("Dominican"), the first in code order, so that a run does not depend on set order."""
        codes = self._national_countries(name)
        return min(codes) if codes else None

    def _national_countries(self, name: str) -> set[str]:
        """The ISO codes of every country whose name, alias or demonym ``name`` is."""
        return {
            code
            for key in self.countries.expand(normalise(name))
            if (code := self.countries.country.get(key))
        }

    def operators_match(self, gold: Any, pred: Any) -> bool:
        """Equal normalised names, or two national names ("Russia", "Russian") of the same country."""
        gold_name, pred_name = _name(gold), _name(pred)
        if not gold_name or not pred_name:
            return False
        if normalise(_designated(gold_name)) == normalise(_designated(pred_name)):
            return True  # also "VP-26" = "Patrol Squadron 26"
        if self.operators.expand(normalise(gold_name)) & self.operators.expand(normalise(pred_name)):
            return True  # aliases of one operator: "USAF", "U.S. Air Force", "United States Air Force"
        gold_national = {pair for pair in self._national_parts(gold_name) if pair[0]}
        if gold_national & self._national_parts(pred_name):
            return True  # "Government of Serbia" = "Serbian government", "Hungarian Air Force" = "Hungary's air force"
        gold_national = self._national_countries(gold_name)
        pred_national = self._national_countries(pred_name)
        if not gold_national or not pred_national:
            return False
        gold_country = _upper(gold.get("country")) if isinstance(gold, dict) else ""
        pred_country = _upper(pred.get("country")) if isinstance(pred, dict) else ""
        gold_codes = {gold_country} if gold_country else gold_national
        return bool(gold_codes & ({pred_country} if pred_country else pred_national))

    # sources ---------------------------------------------------------------------------------------------

    def source_key(self, source: Any) -> str:
        """The canonical normalised name of a source (string or dict with ``name``); "" for none. Inside
        :meth:`begin_article`, a name that matches one of the gold names only loosely (an acronym, a country
        qualifier) takes that gold name's key."""
        key = self._plain_source_key(source)
        gold = getattr(self, "_gold_sources", None)
        if key and gold and key not in gold:
            raw = _name(source) or ""
            for gold_key, gold_raw in gold.items():
                if self.sources_loosely_same(raw, gold_raw):
                    return gold_key
        return key

    def _plain_source_key(self, source: Any) -> str:
        key = normalise(_name(source))
        # an operator speaking for itself is named as in operators.jsonl ("South Korean Air Force" = "Republic
        # of Korea Air Force")
        canonical = self.sources.canonical.get(key) or self.operators.canonical.get(key)
        return normalise(canonical) if canonical else key

    def begin_article(self, gold: Json | None) -> None:
        """Collect the article's gold source names, for the loose matches of :meth:`source_key`."""
        names: list[Any] = list((gold or {}).get("sources") or [])
        for attribution in (gold or {}).get("attributions") or []:
            names.append(attribution.get("outlet"))
            names.extend(attribution.get("cites") or [])
        for event in (gold or {}).get("events") or []:
            names.extend(event.get("sources") or [])
        self._gold_sources: dict[str, str] = {}
        for name in names:
            key = self._plain_source_key(name)
            if key:
                self._gold_sources.setdefault(key, _name(name) or "")

    def sources_loosely_same(self, a: str, b: str) -> bool:
        """:meth:`_loosely_same`, also after writing ministries one way ("Egyptian Foreign Ministry" =
        "Egyptian Ministry of Foreign Affairs", "Syrian Ministry of Transport" = "Syrian transport ministry")."""
        if self._loosely_same(a, b):
            return True
        if _of_the_reordered(a) == normalise(b) or _of_the_reordered(b) == normalise(a):
            return True  # "Public Relations Directorate of the Ghana Armed Forces" = "Ghana Armed Forces ..."
        ca, cb = _canonical_body(a or ""), _canonical_body(b or "")
        if (ca, cb) == (a, b):
            return False
        # "Luftwaffe spokesperson" = "German Air Force": the body by its canonical name
        return self._plain_source_key(ca) == self._plain_source_key(cb) or self._loosely_same(ca, cb)

    def _loosely_same(self, a: str, b: str) -> bool:
        if _without_complement(a) == normalise(b) or _without_complement(b) == normalise(a):
            return True
        return self._loosely_same_name(a, b)

    def _loosely_same_name(self, a: str, b: str) -> bool:
        """An acronym of the other name's words ("PTI" = "Press Trust of India"), or equal names once a
        leading country name or adjective, or a trailing "of <country>", is dropped from one side ("UK
        Ministry of Defence" = "Ministry of Defence", "South Korean Joint Chiefs of Staff" = "Joint Chiefs of
        Staff", "Ministry of Emergency Situations of Azerbaijan" = "Ministry of Emergency Situations")."""
        if not a or not b:
            return False
        for short, long in ((a, b), (b, a)):
            letters = short.replace(".", "")
            if letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6:
                every = re.findall(r"[^\W\d_]+", long)
                words = [w for w in every if w.lower() not in _ACRONYM_SKIP]
                if len(words) >= 2 and "".join(w[0] for w in words).upper() == letters:
                    return True
                if len(words) >= 2 and "".join(w[0] for w in every).upper() == letters:
                    return True  # "QFFD" = "Qatar Fund for Development"
        if self._without_country(a) & {(None, normalise(b))} or self._without_country(b) & {(None, normalise(a))}:
            return True
        # "Ministry of Emergency Situations of Azerbaijan" = "Ministry of Emergency Situations"
        trailing_a, trailing_b = self._without_trailing_country(a), self._without_trailing_country(b)
        if normalise(b) in trailing_a or normalise(a) in trailing_b:
            return True
        national = {pair for pair in self._national_parts(a) if pair[0]}
        return bool(national & self._national_parts(b))

    def _national_parts(self, name: str) -> set[tuple[str | None, str]]:
        """:meth:`_without_country`, and the same for a trailing "of <country>" ("Government of Serbia")."""
        parts = self._without_country(name)
        words = name.replace("'s ", " ").replace("’s ", " ").split()
        if len(words) >= 2 and words[-1].lower() in _NATIONAL_BODIES:  # "Serbian government", "Spain's army"
            body = normalise(words[-1])
            parts.update((code, body) for code in self._national_countries(" ".join(words[:-1])))
        for cut in (1, 2):
            if len(words) > cut + 1 and words[-cut - 1].lower() == "of":
                rest = normalise(" ".join(words[: -cut - 1]))
                parts.update((code, rest) for code in self._national_countries(" ".join(words[-cut:])))
        return parts

    def _without_trailing_country(self, name: str) -> set[str]:
        """``name`` without a trailing "of <country>" (at least two words left), normalised."""
        words = name.split()
        out: set[str] = set()
        for cut in (1, 2):
            of_country = len(words) > cut + 2 and words[-cut - 1].lower() == "of"
            if of_country and self._national_country(" ".join(words[-cut:])):
                out.add(normalise(" ".join(words[: -cut - 1])))
        return out

    def _without_country(self, name: str) -> set[tuple[str | None, str]]:
        """``name`` without a leading country name or adjective of one or two words (at least two words left),
        as (None, rest) and (country code, rest): "Chad communications minister" and "Chadian communications
        minister" share ("TD", "communicationsminister")."""
        words = name.replace("'s ", " ").replace("’s ", " ").split()
        out: set[tuple[str | None, str]] = set()
        for cut in (1, 2):
            codes = self._national_countries(" ".join(words[:cut])) if len(words) - cut >= 2 else set()
            rest = normalise(" ".join(words[cut:]))
            if codes:
                out.add((None, rest))
                out.update((code, rest) for code in codes)  # "Dominican": the Dominican Republic or Dominica
        return out


# --------------------------------------------------------------------------------------------- set matching


def match_sets(
    gold: Sequence[Any], pred: Sequence[Any], same: Callable[[Any, Any], bool]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """A maximum one-to-one matching of ``gold`` and ``pred`` under ``same`` (Kuhn's augmenting paths).

    Returns the matched ``(gold_index, pred_index)`` pairs in gold order, the unmatched gold indices and the
    unmatched pred indices. Deterministic: earlier elements are tried first.
    """
    edges = [[j for j, p in enumerate(pred) if same(g, p)] for g in gold]
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    pairs = sorted((i, j) for j, i in owner.items())
    matched_gold = {i for i, _ in pairs}
    return (
        pairs,
        [i for i in range(len(gold)) if i not in matched_gold],
        [j for j in range(len(pred)) if j not in owner],
    )


# --------------------------------------------------------------------------------------------- alignment


def _aircraft_overlap(matcher: Matcher, gold: Json, pred: Json) -> bool:
    gold_aircraft = [a for a in gold.get("aircraft") or [] if _typed(a)]
    pred_aircraft = [a for a in pred.get("aircraft") or [] if _typed(a)]
    return any(matcher.aircraft_match(g, p) for g in gold_aircraft for p in pred_aircraft)


def event_similarity(matcher: Matcher, gold: Json, pred: Json) -> float:
    """The alignment score of a (gold, predicted) event pair; 0.0 when the pair may not be aligned."""
    aircraft = _aircraft_overlap(matcher, gold, pred)
    origin = matcher.places_match(gold.get("origin"), pred.get("origin"))
    destination = matcher.places_match(gold.get("destination"), pred.get("destination"))
    if not (aircraft or origin or destination):
        return 0.0
    gold_date = _date_value(gold)
    score = 0.0
    score += ALIGN_WEIGHTS["aircraft"] if aircraft else 0.0
    score += ALIGN_WEIGHTS["destination"] if destination else 0.0
    score += ALIGN_WEIGHTS["origin"] if origin else 0.0
    score += ALIGN_WEIGHTS["date"] if gold_date and gold_date == _date_value(pred) else 0.0
    score += ALIGN_WEIGHTS["action"] if gold.get("action") == pred.get("action") else 0.0
    return score


def align_events(matcher: Matcher, gold: Sequence[Json], pred: Sequence[Json]) -> list[tuple[int, int]]:
    """One-to-one (gold_index, pred_index) pairs maximising the summed similarity, then the number of pairs.

    Exact search over partial assignments (gold events in order, each left out or given a free candidate);
    if the search space grows past ``_MAX_ALIGN_STATES`` it falls back to greedy pairing by similarity.
    """
    sims = {(i, j): event_similarity(matcher, g, p) for i, g in enumerate(gold) for j, p in enumerate(pred)}
    candidates = [[j for j in range(len(pred)) if sims[i, j] > 0] for i in range(len(gold))]
    # used-pred bitmask -> (score, pairs, assignment); insertion order keeps ties on the earliest choice
    states: dict[int, tuple[float, int, tuple[tuple[int, int], ...]]] = {0: (0.0, 0, ())}
    for i in range(len(gold)):
        following: dict[int, tuple[float, int, tuple[tuple[int, int], ...]]] = {}
        for mask, (score, count, pairs) in states.items():
            options = [(mask, (score, count, pairs))]
            for j in candidates[i]:
                if not mask & (1 << j):
                    options.append((mask | (1 << j), (score + sims[i, j], count + 1, (*pairs, (i, j)))))
            for new_mask, value in options:
                best = following.get(new_mask)
                if best is None or _align_rank(value) < _align_rank(best):
                    following[new_mask] = value
        states = following
        if len(states) > _MAX_ALIGN_STATES:
            return _align_greedy(sims)
    return sorted(min(states.values(), key=_align_rank)[2])


def _align_rank(
    value: tuple[float, int, tuple[tuple[int, int], ...]],
) -> tuple[float, int, tuple[tuple[int, int], ...]]:
    """Sort key of a partial alignment: highest score, then most pairs, then the earliest pairs."""
    score, count, pairs = value
    return (-score, -count, pairs)


def _align_greedy(sims: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    ranked = sorted(((-s, i, j) for (i, j), s in sims.items() if s > 0))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in ranked:
        if i not in used_gold and j not in used_pred:
            pairs.append((i, j))
            used_gold.add(i)
            used_pred.add(j)
    return sorted(pairs)


# --------------------------------------------------------------------------------------------- counting


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    @property
    def precision(self) -> float | None:
        if self.empty:
            return None
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float | None:
        if self.empty:
            return None
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float | None:
        precision, recall = self.precision, self.recall
        if precision is None or recall is None:
            return None
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Miss:
    """One disagreement, for the ``-v`` listing. ``kind`` is "FP", "FN" or "mismatch"."""

    doc_id: str
    field: str
    kind: str
    gold: str
    pred: str
    evidence: str = ""


@dataclass
class ArticleResult:
    doc_id: str
    counts: dict[str, Counts]
    misses: list[Miss]
    alignment: list[tuple[int, int]]


def _show_place(place: Any) -> str:
    if not place:
        return "-"
    codes = "/".join(code for code in (place.get("icao"), place.get("iata")) if code)
    return f"{place.get('name')}" + (f" ({codes})" if codes else "")


def _show_aircraft(aircraft: dict) -> str:
    label = (
        aircraft.get("model") or aircraft.get("family") or aircraft.get("icao_type") or aircraft.get("text")
    )
    return str(label)


def _show_operator(operator: Any) -> str:
    if not operator:
        return "-"
    if isinstance(operator, str):
        return operator
    country = operator.get("country")
    return f"{operator.get('name')}" + (f" [{country}]" if country else "")


def _show_event(event: Json) -> str:
    aircraft = ", ".join(_show_aircraft(a) for a in event.get("aircraft") or []) or "?"
    route = f"{_show_place(event.get('origin'))} -> {_show_place(event.get('destination'))}"
    return f"{event.get('action', '?')} {aircraft}: {route} on {_date_value(event) or '-'}"


def _evidence(event: Json | None) -> str:
    if not event:
        return ""
    evidence = event.get("evidence")
    text = evidence.get("text", "") if isinstance(evidence, dict) else ""
    return " ".join(str(text).split())


class _Scorer:
    """Accumulates the counts and misses of one article."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.counts = {name: Counts() for name in FIELDS}
        self.misses: list[Miss] = []

    def single(
        self,
        name: str,
        gold_value: Any,
        pred_value: Any,
        same: Callable[[Any, Any], bool],
        show: Callable[[Any], str],
        evidence: str = "",
        *,
        report: bool = True,
    ) -> None:
        counts = self.counts[name]
        gold_set, pred_set = gold_value is not None, pred_value is not None
        if gold_set and pred_set and same(gold_value, pred_value):
            counts.tp += 1
            return
        counts.fp += pred_set
        counts.fn += gold_set
        if report and (gold_set or pred_set):
            kind = "mismatch" if gold_set and pred_set else ("FN" if gold_set else "FP")
            gold_text = show(gold_value) if gold_set else "-"
            pred_text = show(pred_value) if pred_set else "-"
            self.misses.append(Miss(self.doc_id, name, kind, gold_text, pred_text, evidence))

    def many(
        self,
        name: str,
        gold_values: Sequence[Any],
        pred_values: Sequence[Any],
        same: Callable[[Any, Any], bool],
        show: Callable[[Any], str],
        evidence: str = "",
        *,
        report: bool = True,
    ) -> None:
        pairs, gold_left, pred_left = match_sets(gold_values, pred_values, same)
        counts = self.counts[name]
        counts.tp += len(pairs)
        counts.fp += len(pred_left)
        counts.fn += len(gold_left)
        if report and (gold_left or pred_left):
            kind = "mismatch" if gold_left and pred_left else ("FN" if gold_left else "FP")
            gold_text = "; ".join(show(gold_values[i]) for i in gold_left) or "-"
            pred_text = "; ".join(show(pred_values[j]) for j in pred_left) or "-"
            self.misses.append(Miss(self.doc_id, name, kind, gold_text, pred_text, evidence))


def _event_values(matcher: Matcher, event: Json | None) -> dict[str, Any]:
    """The per-field values of one event (``None`` / empty lists when the event is absent)."""
    if event is None:
        return {
            "aircraft": [],
            "aircraft_model": [],
            "operator": None,
            "origin": None,
            "destination": None,
            "via": [],
            "date": None,
            "dates": [],
            "count": None,
            "modality": None,
            "action": None,
            "sources": [],
        }
    typed = [a for a in event.get("aircraft") or [] if _typed(a)]
    dates = []
    for timex in event.get("dates") or []:
        value = timex.get("value") if isinstance(timex, dict) else None
        if value and value not in dates:
            dates.append(value)
    sources: list[str] = []
    for source in event.get("sources") or []:
        key = matcher.source_key(source)
        if key and key not in sources:
            sources.append(key)
    return {
        "aircraft": typed,
        "aircraft_model": [a for a in typed if a.get("model")],
        "operator": event.get("operator") or None,
        "origin": event.get("origin") or None,
        "destination": event.get("destination") or None,
        "via": [place for place in event.get("via") or [] if place],
        "date": _date_value(event),
        "dates": dates,
        "count": event.get("count"),
        "modality": event.get("modality"),
        "action": event.get("action"),
        "sources": sources,
    }


def _score_event_fields(
    scorer: _Scorer, matcher: Matcher, gold: Json | None, pred: Json | None, *, report: bool
) -> None:
    g, p = _event_values(matcher, gold), _event_values(matcher, pred)
    evidence = _evidence(gold) or _evidence(pred)
    scorer.many(
        "aircraft",
        g["aircraft"],
        p["aircraft"],
        matcher.aircraft_match,
        _show_aircraft,
        evidence,
        report=report,
    )
    scorer.many(
        "aircraft_model",
        g["aircraft_model"],
        p["aircraft_model"],
        matcher.aircraft_model_match,
        _show_aircraft,
        evidence,
        report=report,
    )
    scorer.single(
        "operator",
        g["operator"],
        p["operator"],
        matcher.operators_match,
        _show_operator,
        evidence,
        report=report,
    )
    for name in ("origin", "destination"):
        scorer.single(name, g[name], p[name], matcher.places_match, _show_place, evidence, report=report)
    scorer.many("via", g["via"], p["via"], matcher.places_match, _show_place, evidence, report=report)
    for name in ("date", "count", "modality", "action"):
        scorer.single(name, g[name], p[name], _equal, str, evidence, report=report)
    scorer.many("dates", g["dates"], p["dates"], _equal, str, evidence, report=report)
    scorer.many("sources", g["sources"], p["sources"], _equal, str, evidence, report=report)


def _event_differences(matcher: Matcher, gold: Json, pred: Json) -> list[str]:
    """The parts of the ``events`` criterion an aligned pair fails (empty: an events TP).

    The criterion: the typed aircraft sets match completely, and origin, destination and the primary date each
    match or are both null.
    """
    differences: list[str] = []
    gold_aircraft = [a for a in gold.get("aircraft") or [] if _typed(a)]
    pred_aircraft = [a for a in pred.get("aircraft") or [] if _typed(a)]
    _, gold_left, pred_left = match_sets(gold_aircraft, pred_aircraft, matcher.aircraft_match)
    if gold_left or pred_left:
        differences.append("aircraft")
    for name in ("origin", "destination"):
        gold_place, pred_place = gold.get(name), pred.get(name)
        if (gold_place or pred_place) and not matcher.places_match(gold_place, pred_place):
            differences.append(name)
    if _date_value(gold) != _date_value(pred):
        differences.append("date")
    return differences


def _article_sources(matcher: Matcher, record: Json, *, gold: bool) -> list[str]:
    if gold:
        names: list[Any] = list(record.get("sources") or [])
    else:
        names = []
        for attribution in record.get("attributions") or []:
            names.append(attribution.get("outlet"))
            names.extend(attribution.get("cites") or [])
        for event in record.get("events") or []:
            names.extend(event.get("sources") or [])
    keys: list[str] = []
    for name in names:
        key = matcher.source_key(name)
        if key and key not in keys:
            keys.append(key)
    return keys


def _attribution_pairs(matcher: Matcher, record: Json) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for attribution in record.get("attributions") or []:
        outlet = matcher.source_key(attribution.get("outlet"))
        cites = [matcher.source_key(cite) for cite in attribution.get("cites") or []]
        cites = [cite for cite in cites if cite] or [""]
        for cite in cites:
            pair = (outlet, cite)
            if pair != ("", "") and pair not in pairs:
                pairs.append(pair)
    return pairs


def _overlap(a: Any, b: Any) -> int:
    try:
        return max(0, min(a[1], b[1]) - max(a[0], b[0]))
    except (TypeError, IndexError):
        return 0


def _score_timexes(scorer: _Scorer, gold: Sequence[Json], pred: Sequence[Json]) -> None:
    """Relaxed-overlap pairing (largest overlap first, one-to-one), TP when the values are equal."""
    ranked = sorted(
        (-_overlap(g.get("span"), p.get("span")), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if _overlap(g.get("span"), p.get("span")) > 0
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    counts = scorer.counts["timex_value"]
    for _, i, j in ranked:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        if gold[i].get("value") == pred[j].get("value"):
            counts.tp += 1
        else:
            counts.fp += 1
            counts.fn += 1
            scorer.misses.append(
                Miss(
                    scorer.doc_id,
                    "timex_value",
                    "mismatch",
                    f"{gold[i].get('text')!r}={gold[i].get('value')}",
                    f"{pred[j].get('text')!r}={pred[j].get('value')}",
                )
            )
    for i, timex in enumerate(gold):
        if i not in used_gold:
            counts.fn += 1
            scorer.misses.append(
                Miss(scorer.doc_id, "timex_value", "FN", f"{timex.get('text')!r}={timex.get('value')}", "-")
            )
    for j, timex in enumerate(pred):
        if j not in used_pred:
            counts.fp += 1
            scorer.misses.append(
                Miss(scorer.doc_id, "timex_value", "FP", "-", f"{timex.get('text')!r}={timex.get('value')}")
            )


def _show_pair(pair: tuple[str, str]) -> str:
    return f"{pair[0] or '?'} <- {pair[1] or '(none)'}"


def evaluate_article(matcher: Matcher, gold: Json, pred: Json | None) -> ArticleResult:
    """Score one article: ``gold`` is a gold line, ``pred`` an ``ArticleRecord`` dict or None."""
    matcher.begin_article(gold)
    try:
        return _evaluate_article(matcher, gold, pred)
    finally:
        matcher.begin_article(None)


def _evaluate_article(matcher: Matcher, gold: Json, pred: Json | None) -> ArticleResult:
    doc_id = str(gold.get("doc_id"))
    scorer = _Scorer(doc_id)
    pred = pred or {}
    gold_events: list[Json] = list(gold.get("events") or [])
    pred_events: list[Json] = list(pred.get("events") or [])
    alignment = align_events(matcher, gold_events, pred_events)
    aligned_gold = {i for i, _ in alignment}
    aligned_pred = {j for _, j in alignment}

    for i, j in alignment:
        gold_event, pred_event = gold_events[i], pred_events[j]
        scorer.counts["events_aligned"].tp += 1
        differences = _event_differences(matcher, gold_event, pred_event)
        if not differences:
            scorer.counts["events"].tp += 1
        else:
            scorer.counts["events"].fp += 1
            scorer.counts["events"].fn += 1
            scorer.misses.append(
                Miss(
                    doc_id,
                    "events",
                    "mismatch",
                    _show_event(gold_event),
                    f"{_show_event(pred_event)}  [differs: {', '.join(differences)}]",
                    _evidence(gold_event),
                )
            )
        _score_event_fields(scorer, matcher, gold_event, pred_event, report=True)
    for i, gold_event in enumerate(gold_events):
        if i in aligned_gold:
            continue
        scorer.counts["events_aligned"].fn += 1
        scorer.counts["events"].fn += 1
        scorer.misses.append(
            Miss(doc_id, "events_aligned", "FN", _show_event(gold_event), "-", _evidence(gold_event))
        )
        _score_event_fields(scorer, matcher, gold_event, None, report=False)
    for j, pred_event in enumerate(pred_events):
        if j in aligned_pred:
            continue
        scorer.counts["events_aligned"].fp += 1
        scorer.counts["events"].fp += 1
        scorer.misses.append(
            Miss(doc_id, "events_aligned", "FP", "-", _show_event(pred_event), _evidence(pred_event))
        )
        _score_event_fields(scorer, matcher, None, pred_event, report=False)

    scorer.many(
        "article_sources",
        _article_sources(matcher, gold, gold=True),
        _article_sources(matcher, pred, gold=False),
        _equal,
        str,
    )
    scorer.many(
        "attribution",
        _attribution_pairs(matcher, gold),
        _attribution_pairs(matcher, pred),
        _equal,
        _show_pair,
    )
    _score_timexes(scorer, list(gold.get("timexes") or []), list(pred.get("timexes") or []))
    return ArticleResult(doc_id, scorer.counts, scorer.misses, alignment)


# --------------------------------------------------------------------------------------------- aggregation


@dataclass
class Evaluation:
    """The per-article results of one run, with micro and macro figures per field."""

    articles: list[ArticleResult]
    gold_path: str | None = None
    pred_path: str | None = None
    notes: list[str] = field(default_factory=list)

    def micro(self, name: str) -> Counts:
        total = Counts()
        for article in self.articles:
            total += article.counts[name]
        return total

    def macro(self, name: str) -> dict[str, float | int | None]:
        """Mean per-article P/R/F1 over the articles where the field has a gold or predicted value."""
        scored = [article.counts[name] for article in self.articles if not article.counts[name].empty]
        if not scored:
            return {"p": None, "r": None, "f1": None, "articles": 0}
        n = len(scored)
        return {
            "p": sum(c.precision or 0.0 for c in scored) / n,
            "r": sum(c.recall or 0.0 for c in scored) / n,
            "f1": sum(c.f1 or 0.0 for c in scored) / n,
            "articles": n,
        }

    def f1(self, name: str) -> float | None:
        """The micro F1 of a field (the figure the quality gate pins)."""
        return self.micro(name).f1

    def to_dict(self) -> Json:
        """The figures as JSON-safe data (what ``--json`` writes)."""
        fields: Json = {}
        for name in FIELDS:
            micro = self.micro(name)
            fields[name] = {
                "micro": {
                    "p": micro.precision,
                    "r": micro.recall,
                    "f1": micro.f1,
                    "tp": micro.tp,
                    "fp": micro.fp,
                    "fn": micro.fn,
                },
                "macro": self.macro(name),
            }
        return {
            "gold": self.gold_path,
            "pred": self.pred_path,
            "articles": len(self.articles),
            "fields": fields,
            "notes": list(self.notes),
        }


def evaluate_records(
    gold: Sequence[Json], predictions: dict[str, Json], matcher: Matcher | None = None
) -> Evaluation:
    """Score every gold line against ``predictions[doc_id]`` (missing predictions score as empty records)."""
    matcher = matcher or Matcher.from_resources()
    notes: list[str] = []
    articles: list[ArticleResult] = []
    for line in gold:
        doc_id = str(line.get("doc_id"))
        pred = predictions.get(doc_id)
        if pred is None:
            notes.append(f"{doc_id}: no prediction (scored as an empty record)")
        elif pred.get("status") == "error":
            error = pred.get("error") or {}
            notes.append(
                f"{doc_id}: prediction has status error ({error.get('type')}: {error.get('message')})"
            )
        articles.append(evaluate_article(matcher, line, pred))
    gold_ids = {str(line.get("doc_id")) for line in gold}
    extra = sorted(set(predictions) - gold_ids)
    if extra:
        notes.append(f"{len(extra)} prediction(s) without gold ignored: {', '.join(extra[:10])}")
    return Evaluation(articles, notes=notes)


# --------------------------------------------------------------------------------------------- files


def _read_jsonl(path: Path, what: str) -> list[Json]:
    if not path.exists():
        raise FileNotFoundError(f"{what} file not found: expected {path}")
    rows: list[Json] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            stripped = line.strip()
            if not stripped:
                continue
            try:
                row = json.loads(stripped)
            except json.JSONDecodeError as exc:
                raise ValueError(
                    f"{path}:{lineno}: expected a JSON object, found invalid JSON ({exc.msg})"
                ) from exc
            if not isinstance(row, dict) or "doc_id" not in row:
                raise ValueError(
                    f"{path}:{lineno}: expected a JSON object with a doc_id, found {stripped[:80]!r}"
                )
            rows.append(row)
    return rows


def load_gold(path: str | Path) -> list[Json]:
    """Read a gold file (one article per line, each with ``doc_id``)."""
    return _read_jsonl(Path(path), "gold")


def load_predictions(path: str | Path) -> dict[str, Json]:
    """Read ``ArticleRecord`` JSON lines into ``{doc_id: record}``; the first of a repeated doc_id wins."""
    predictions: dict[str, Json] = {}
    for row in _read_jsonl(Path(path), "predictions"):
        predictions.setdefault(str(row["doc_id"]), row)
    return predictions


def _published_for_pipeline(line: Json) -> str | None:
    """The gold publication date to hand the pipeline, or None when the pipeline must find it (a dateline)."""
    source = line.get("published_source")
    if source in (None, "input", "metadata"):
        return line.get("published")
    return None


def predict(gold_path: str | Path, gold: Sequence[Json]) -> tuple[dict[str, Json], list[str]]:
    """Run the pipeline on each gold article; returns predictions by doc_id and notes on articles that failed.

    Articles are read from ``<corpus>/<path>`` where ``<corpus>`` is the gold file's grandparent directory;
    the title comes from the article's ``.meta.json`` when there is one.
    """
    from extractor import Extractor  # noqa: PLC0415 - the pipeline (and spaCy) only when predictions are needed

    corpus = Path(gold_path).resolve().parent.parent
    extractor = Extractor()
    predictions: dict[str, Json] = {}
    notes: list[str] = []
    for line in gold:
        doc_id = str(line.get("doc_id"))
        article = corpus / str(line.get("path"))
        try:
            text = article.read_text(encoding="utf-8")
        except OSError as exc:
            notes.append(f"{doc_id}: cannot read article {article}: {exc}")
            continue
        title = None
        meta = article.with_name(article.name.removesuffix(".txt") + ".meta.json")
        if meta.exists():
            try:
                title = json.loads(meta.read_text(encoding="utf-8")).get("title")
            except (OSError, json.JSONDecodeError, AttributeError):
                title = None
        try:
            record = extractor.extract(
                text, published=_published_for_pipeline(line), doc_id=doc_id, title=title
            )
        except Exception as exc:  # noqa: BLE001 - one failing article must not stop the evaluation
            notes.append(f"{doc_id}: pipeline raised {type(exc).__name__}: {exc}")
            continue
        predictions[doc_id] = (
            record.model_dump(mode="json") if hasattr(record, "model_dump") else dict(record)
        )
    return predictions, notes


def evaluate(
    gold_path: str | Path, pred_path: str | Path | None = None, matcher: Matcher | None = None
) -> Evaluation:
    """Evaluate a predictions file (or, when ``pred_path`` is None, the pipeline) against a gold file."""
    gold = load_gold(gold_path)
    notes: list[str] = []
    if pred_path is None:
        predictions, notes = predict(gold_path, gold)
    else:
        predictions = load_predictions(pred_path)
    evaluation = evaluate_records(gold, predictions, matcher)
    evaluation.gold_path = str(gold_path)
    evaluation.pred_path = str(pred_path) if pred_path is not None else None
    evaluation.notes = notes + evaluation.notes
    return evaluation


# --------------------------------------------------------------------------------------------- reports


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.3f}"


def format_table(evaluation: Evaluation) -> str:
    """One row per field: micro P/R/F1 with TP/FP/FN, then macro P/R/F1 and the articles averaged."""
    header = (
        f"{'field':<16} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"
        f"   {'mP':>6} {'mR':>6} {'mF1':>6} {'n':>4}"
    )
    lines = [
        f"{len(evaluation.articles)} articles; micro (summed counts) | macro (mean per-article)",
        header,
        "-" * len(header),
    ]
    for name in FIELDS:
        micro = evaluation.micro(name)
        macro = evaluation.macro(name)
        lines.append(
            f"{name:<16} {_fmt(micro.precision):>6} {_fmt(micro.recall):>6} {_fmt(micro.f1):>6}"
            f" {micro.tp:>5} {micro.fp:>5} {micro.fn:>5}"
            f"   {_fmt(macro['p']):>6} {_fmt(macro['r']):>6} {_fmt(macro['f1']):>6} {macro['articles']:>4}"
        )
    return "\n".join(lines)


def format_misses(evaluation: Evaluation, *, evidence_chars: int = 160) -> str:
    """Misses grouped by field (the field with most misses first), then by article.

    Field-level misses are listed for aligned event pairs only; an unaligned event appears once, under
    ``events_aligned`` (its values still count as FPs/FNs in every field).
    """
    by_field: dict[str, list[Miss]] = {}
    for article in evaluation.articles:
        for miss in article.misses:
            by_field.setdefault(miss.field, []).append(miss)
    order = sorted(by_field, key=lambda name: (-len(by_field[name]), FIELDS.index(name)))
    lines: list[str] = []
    for name in order:
        misses = by_field[name]
        lines.append(f"== {name}: {len(misses)} miss(es)")
        for miss in misses:
            lines.append(f"  {miss.doc_id:<12} {miss.kind:<8} gold: {miss.gold}  |  pred: {miss.pred}")
            if miss.evidence:
                evidence = miss.evidence
                if len(evidence) > evidence_chars:
                    evidence = evidence[: evidence_chars - 3] + "..."
                lines.append(f"  {'':<12} {'':<8} \u2514 {evidence}")
    return "\n".join(lines) if lines else "no misses"


# --------------------------------------------------------------------------------------------- CLI


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``evaluate`` options to ``parser`` (used by ``extractor evaluate`` and ``python -m``)."""
    parser.add_argument(
        "--gold", required=True, type=Path, help="gold JSONL file (e.g. corpus/gold/dev.jsonl)"
    )
    parser.add_argument(
        "--pred",
        type=Path,
        default=None,
        help="predicted ArticleRecord JSONL; without it the pipeline is run",
    )
    parser.add_argument(
        "--json", dest="json_out", type=Path, default=None, help="write the figures as JSON to FILE"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses per field and article")


def run(args: argparse.Namespace) -> int:
    """Evaluate, print the table (misses with ``-v``), write ``--json``. Returns 0; 2 on unreadable input."""
    try:
        evaluation = evaluate(args.gold, args.pred)
    except (FileNotFoundError, ValueError) as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(
            f"evaluate: cannot run the pipeline ({exc}); pass --pred FILE to score saved output",
            file=sys.stderr,
        )
        return 2
    print(format_table(evaluation))
    for note in evaluation.notes:
        print(f"note: {note}", file=sys.stderr)
    if getattr(args, "verbose", False):
        print()
        print(format_misses(evaluation))
    json_out = getattr(args, "json_out", None)
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(evaluation.to_dict(), indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extractor.evaluate", description=__doc__.split("\n", 1)[0]
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
