"""Operators: air forces, ministries, commands, units and airlines, plus national adjectives before an aircraft.

Reads: the Doc's tokens and ``doc._.aircraft`` (to tell "a Russian Il-76" from "Russian forces").
Writes: ``doc.spans["operators"]`` (label ``ORG``) and ``doc._.operators``, JSON-safe dicts sorted by ``start``:
``start``, ``end``, ``token_start``, ``token_end``, ``text``, ``name``, ``country``, ``kind``, ``rule``.

Rule data: ``resources/operators.jsonl`` (named operators) and the ``demonyms`` of ``resources/countries.jsonl``;
numbered units ("5th Bomb Wing", "Air Transport Wing 62") are found by pattern.
A demonym counts as an operator only directly before an aircraft mention, with at most a few modifiers between
("a Russian Il-76", "two Russian military transport aircraft"); the name is then the country ("Russia").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions
from ..resources import load_jsonl, written_out_designator
from ._lexicon import Lexicon, parse_number, span_fields, token_table
from .aircraft import SPAN_KEY as AIRCRAFT_SPAN_KEY

SPAN_KEY = "operators"
LABEL = "ORG"
_MODIFIERS = {
    "military",
    "air",
    "force",
    "transport",
    "cargo",
    "heavy",
    "heavy-lift",
    "strategic",
    "state",
    "government",
    "navy",
    "naval",
    "army",
    "-",
    "owned",
    "state-owned",
    "registered",
    "operated",
}


@Language.factory(
    "operator_ruler",
    assigns=["doc.spans", "doc._.operators"],
    requires=["doc._.aircraft"],
    default_config={"gazetteer": "operators.jsonl", "countries": "countries.jsonl", "span_key": SPAN_KEY},
)
def make_operator_ruler(
    nlp: Language, name: str, gazetteer: str, countries: str, span_key: str
) -> OperatorRuler:
    return OperatorRuler(nlp, name, gazetteer=gazetteer, countries=countries, span_key=span_key)


class OperatorRuler:
    def __init__(
        self,
        nlp: Language,
        name: str = "operator_ruler",
        *,
        gazetteer: str = "operators.jsonl",
        countries: str = "countries.jsonl",
        span_key: str = SPAN_KEY,
    ) -> None:
        extensions.ensure_doc_extensions()
        self.name = name
        self.span_key = span_key
        self.lexicon = Lexicon(max_tokens=8)
        air_forces: dict[str, dict] = {}
        for row in load_jsonl(gazetteer, required=("id", "name")):
            self.lexicon.add_many([row["name"], *(row.get("aliases") or [])], row)
            if row.get("kind") == "air_force" and row.get("country"):
                air_forces.setdefault(row["country"], row)  # the first air force of a country is its own
        self.demonyms = Lexicon(max_tokens=3)
        self.country_words: dict[str, list[str]] = {}  # ISO code -> name, aliases, demonyms (for ambiguity)
        for row in load_jsonl(countries, required=("id", "iso2", "name")):
            self.demonyms.add_many(row.get("demonyms") or [], row)
            names = [row["name"], *(row.get("aliases") or [])]
            self.country_words[row["iso2"]] = names + list(row.get("demonyms") or [])
            force = air_forces.get(row["iso2"])
            if force is None and row.get("demonyms"):  # no line of its own: "Hungarian Air Force"
                force = {
                    "id": f"op.{row['iso2'].lower()}-air-force", "name": f"{row['demonyms'][0]} Air Force",
                    "country": row["iso2"], "kind": "air_force",
                }  # fmt: skip
            if force is not None:  # "South Korea's air force", "the air force of Pakistan", "Indian air force"
                for name in names:
                    self.lexicon.add_many([f"{name}'s air force", f"{name} air force", f"air force of {name}"], force)
                self.lexicon.add_many([f"{d} air force" for d in row.get("demonyms") or []], force)
                # the spotters' shorthand: "Turkish AF A400M", "Egyptian AF C-130H"
                self.lexicon.add_many([f"{d} AF" for d in row.get("demonyms") or []], force)
            for service in ("Army", "Navy"):  # "A Turkish Army CH-47F": a service no line names
                demonyms = row.get("demonyms") or []
                phrases = [f"{d} {service}" for d in demonyms]
                phrases += [f"{name}'s {service}" for name in names] + [f"{name} {service}" for name in names]
                if demonyms and not any(phrase in self.lexicon for phrase in phrases):
                    code = row["iso2"]
                    self.lexicon.add_many(phrases, {
                        "id": f"op.{code.lower()}-{service.lower()}", "name": f"{demonyms[0]} {service}",
                        "country": code, "kind": "other",
                    })  # fmt: skip

    def __call__(self, doc: Doc) -> Doc:
        mentions = []
        text = token_table(doc).text
        table = token_table(doc)
        for match in self.lexicon.find(doc):
            if _inside_hyphenated(doc, match.start, match.end):
                continue  # "EP-FAB": the end of a registration, not the Brazilian Air Force
            row = match.entry.payload
            rows = [e.payload for e in self.lexicon.lookup(table.span_text(match.start, match.end))]
            if len({r["id"] for r in rows}) > 1:
                row = self._most_mentioned(rows, text)  # "IAF": Indian or Israeli, by the article's countries
            start, name = match.start, row["name"]
            if start and table.texts[start - 1] == "Royal" and row.get("kind") == "air_force":
                start -= 1  # "Royal Malaysian Air Force": the lexicon matched "Malaysian Air Force"
                name = name if name.startswith("Royal ") else f"Royal {name}"
            span = doc[start : match.end]
            mentions.append(_mention(span, name, row.get("country"), row.get("kind"), row["id"]))
        covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
        for span in _units(doc):
            inside = [
                m for m in mentions
                if span.start <= m["token_start"] and m["token_end"] <= span.end
                and m["token_end"] - m["token_start"] < len(span)
            ]  # fmt: skip
            if inside:  # "3 Regiment Army Air Corps": the unit, of which the service's name is part
                inside_tokens = {i for m in inside for i in range(m["token_start"], m["token_end"])}
                if not any(i in covered - inside_tokens for i in range(span.start, span.end)):
                    mentions = [m for m in mentions if m not in inside]
                    covered -= inside_tokens
            if not any(i in covered for i in range(span.start, span.end)):
                # "VP-26": Patrol Squadron 26 of the US Navy; other units keep their text
                written = written_out_designator(span.text) or _italian_unit(span.text)
                name, country = written or (span.text, None)
                mentions.append(_mention(span, name, country, "unit", "op.unit-pattern"))
                covered.update(range(span.start, span.end))
        for span in _airlines(doc):
            if not any(i in covered for i in range(span.start, span.end)):
                mentions.append(_mention(span, span.text, None, "airline", "op.airline-pattern"))
                covered.update(range(span.start, span.end))
        for span in _named_after_aircraft(doc, covered):
            mentions.append(_mention(span, span.text, None, "other", "op.of-name-after-aircraft"))
            covered.update(range(span.start, span.end))
        mentions.extend(_defined_acronyms(doc, mentions, covered))
        mentions.extend(_air_force_anaphors(doc, mentions, covered))
        mentions.extend(_airline_anaphors(doc, mentions, covered))
        aircraft_starts = {a["token_start"] for a in doc._.aircraft or []}
        for match in self.demonyms.find(doc):
            if match.start in covered or not _precedes_aircraft(doc, match.end, aircraft_starts):
                continue
            after = doc[match.end : match.end + 2]
            if len(after) == 2 and after[0].text == "-" and after[1].lower_ in _REGISTERED:
                continue  # "a Swiss-registered Global 6000": where it is registered, not who flies it
            row = match.entry.payload
            span = doc[match.start : match.end]
            mentions.append(_mention(span, row["name"], row["iso2"], "country", f"demonym:{row['id']}"))
        mentions.sort(key=lambda m: m["start"])
        self.set_annotations(doc, mentions)
        _drop_generic_aircraft_inside(doc, mentions)
        return doc

    def _most_mentioned(self, rows: list[dict], text: str) -> dict:
        """Of operators sharing an alias, the one whose country the text names most often (ties: file order)."""

        def mentions(row: dict) -> int:
            words = self.country_words.get(row.get("country") or "", [])
            return sum(len(re.findall(rf"\b{re.escape(word)}\b", text)) for word in words if len(word) > 2)

        return max(rows, key=mentions)

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        doc.spans[self.span_key] = [
            Span(doc, m["token_start"], m["token_end"], label=LABEL) for m in mentions
        ]
        doc._.operators = mentions


def _air_force_anaphors(doc: Doc, mentions: list[dict], covered: set[int]) -> list[dict]:
    """'The Mexican Air Force flew aid to Tampico ... the air force sent a Hermes 900': "the air force" (or
    "an Air Force C-130") with no country is the one air force the article names; none when it names
    several."""
    forces = {m["rule"]: m for m in mentions if m.get("kind") == "air_force"}
    if len(forces) != 1:
        return []
    force = next(iter(forces.values()))
    out = []
    for i in range(1, len(doc) - 1):
        if doc[i].lower_ != "air" or doc[i + 1].lower_ != "force" or i in covered or i + 1 in covered:
            continue
        if doc[i - 1].lower_ not in {"the", "an", "its", "their"}:
            continue  # "the Mexican air force" is a name the gazetteer reads
        span = doc[i - 1 if doc[i - 1].lower_ == "the" else i : i + 2]
        mention = _mention(span, force["name"], force.get("country"), "air_force", force["rule"] + ":anaphor")
        out.append(mention)
        covered.update(range(span.start, span.end))
    return out


#: words that make "the carrier" a ship ("the carrier's air wing", "USS Nimitz")
_SHIP_CONTEXT = re.compile(r"\b(?:aircraft carrier|carrier strike|air wing|USS|HMS|flight deck)\b")


def _airline_anaphors(doc: Doc, mentions: list[dict], covered: set[int]) -> list[dict]:
    """'Ethiopian Airlines flew three 777F charters ... The carrier also positioned a 767-300F', "the
    airline's freighters": "the airline" or "the carrier" after the one airline the article names before."""
    airlines = [m for m in mentions if m.get("kind") == "airline"]
    if not airlines or len({m["name"] for m in airlines}) != 1:
        return []
    first = min(m["token_start"] for m in airlines)
    ship_context = _SHIP_CONTEXT.search(token_table(doc).text) is not None
    out = []
    for i in range(first + 1, len(doc) - 1):
        word = doc[i + 1].lower_
        if doc[i].lower_ != "the" or word not in {"airline", "carrier"} or i + 1 in covered:
            continue
        if word == "carrier" and ship_context:
            continue
        mention = _mention(
            doc[i : i + 2], airlines[0]["name"], airlines[0].get("country"), "airline",
            airlines[0]["rule"] + ":anaphor",
        )  # fmt: skip
        out.append(mention)
        covered.update(range(i, i + 2))
    return out


_REGISTERED = frozenset({"registered", "flagged", "built", "made"})
#: "5th Bomb Wing", "437th Airlift Wing", "100th Air Refueling Wing", "224th Flight Unit", "Air Transport Wing
#: 62", "First Air Defence Group"
_UNIT = re.compile(
    # Brazilian squadrons of a group: "1st Squadron of the 9th Aviation Group" (the whole name first)
    r"\b(?:\d{1,3}(?:st|nd|rd|th) Squadron of the \d{1,3}(?:st|nd|rd|th)(?: [A-Z][a-z]+){0,2} Group"
    r"|(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)"
    r"(?: [A-Z][a-z]+| and){0,4} (?:Wing|Squadron|Group|Flight Unit|Regiment|Division|Base Command|"
    r"Brigade|Detachment|Flight)|(?:[A-Z][a-z]+ ){1,5}(?:Wing|Squadron|Group|Regiment) \d{1,3}(?:/\d{1,3})?"
    # Italian numbered wings and groups: "14° Stormo", "8° Gruppo" (written out as "14th Wing")
    r"|\d{1,3}° (?:Stormo|Gruppo)"
    # "of the 22nd Helicopter Air Base", "of the 91st Air Force Base": a unit named for its base (Czech,
    # Croatian, Romanian); "to the 71st Air Base" is the base
    r"|(?<=of the )\d{1,3}(?:st|nd|rd|th)(?: [A-Z][a-z]+){0,2}"
    r" (?:Air (?:Force )?Base|Airlift Base|Transport Base|Aviation Base)"
    # "429 Transport Squadron", "No. 37 Squadron", "103 Search and Rescue Squadron": Commonwealth numbering
    # "80 UAV Squadron", "126 Helicopter Unit", "322 Sqn", "No. 18(B) Squadron", "No. LXX Squadron",
    # "3 Regiment Army Air Corps"
    r"|(?:No\.? )?(?<![\d,.])\d{1,3}(?:\([A-Z]\))?(?: [A-Z][a-z]+| [A-Z]{2,4}| and){0,4}"
    r" (?:Squadron|Sqn|Wing)"
    r"|(?<![\d,.])\d{1,3}(?: [A-Z][a-z]+){1,2} Unit|No\.? [IVXLC]{1,7} Squadron"
    r"|\d{1,2} Regiment Army Air Corps"
    # German wings ("Taktisches Luftwaffengeschwader 71", "Lufttransportgeschwader 62"), Indonesian squadrons
    # ("Skadron Udara 3"), US Navy and Marine squadrons ("VUP-19", "VP-4", "HSC-25", "VMGR-152")
    r"|(?:Taktisches )?[A-Z][a-z]*geschwader \d{1,3}|Skadron(?: Udara)? \d{1,3}"
    r"|(?:VP|VQ|VR|VUP|VAW|VAQ|VFA|VRC|VRM|VMGR|VMFA|VMM|HSC|HSM|HMLA|HMH|HMM)-\d{1,3}(?![\w-])"
    r"|Flottille \d{1,2}F"  # French naval aviation's "Flottille 23F"
    # Spanish, Portuguese, French and Italian units by their own names: "Ala 12", "Esquadra 201",
    # "Escadron 3/61"
    r"|(?:Ala|Esquadra|Escuadrón|Escuadron|Escadron|Grupo|Gruppo|Stormo|Esquadrão|Esquadrilha)"
    r" \d{1,3}(?:/\d{1,3})?)\b"
)


#: "Ethiopian Airlines", "YTO Cargo Airlines", "Silk Way West Airlines": a name the gazetteer does not know
_AIRLINE = re.compile(r"\b(?:[A-Z][A-Za-z]+ ){1,3}(?:Airlines|Airways|Air Lines|Air Cargo)\b")


def _airlines(doc: Doc) -> list[Span]:
    spans = []
    for span in _pattern_spans(doc, _AIRLINE):
        while len(span) > 2 and (span[0].text in {"The", "A", "An"} or parse_number(span[0].text)):
            span = span[1:]  # "The Ethiopian Airlines", "Two YTO Cargo Airlines"
        if len(span) >= 2:
            spans.append(span)
    return spans


_ITALIAN_UNIT = re.compile(r"(\d{1,3})° (Stormo|Gruppo)")
_ITALIAN_UNIT_WORDS = {"Stormo": "Wing", "Gruppo": "Group"}


def _italian_unit(text: str) -> tuple[str, str] | None:
    """'14° Stormo' -> ('14th Wing', 'IT'): an Italian numbered unit by its English name."""
    match = _ITALIAN_UNIT.fullmatch(text)
    if match is None:
        return None
    number = int(match.group(1))
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix} {_ITALIAN_UNIT_WORDS[match.group(2)]}", "IT"


def _units(doc: Doc) -> list[Span]:
    return _pattern_spans(doc, _UNIT)


def _pattern_spans(doc: Doc, pattern: re.Pattern[str]) -> list[Span]:
    """The non-empty token spans inside the matches of ``pattern`` over the Doc's text."""
    spans = []
    for match in pattern.finditer(token_table(doc).text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
    return spans


_ORG_WORDS = {
    "Force", "Forces", "Airlines", "Airline", "Air", "Airways", "Aviation", "Ministry", "Command", "Wing", "Squadron",
    "Regiment", "Guard", "Police", "Service", "Agency", "Network", "Ambulance", "Flight", "Detachment", "Unit",
    "Corps", "Navy", "Army", "Cargo", "Airlift", "Group", "Fleet",
}  # fmt: skip


def _named_after_aircraft(doc: Doc, covered: set[int]) -> list[Span]:
    """'two C-295 aircraft of the Air Defence Forces of Kazakhstan', 'a Boeing 767 of Air Astana': a
    capitalised name with an organisation word right after an aircraft and 'of' operates it."""
    table = token_table(doc)
    texts, n = table.texts, len(table.texts)
    spans = []
    for mention in doc._.aircraft or []:
        i = mention["token_end"]
        if i + 1 >= n or texts[i] != "of":
            continue
        start = i + 2 if texts[i + 1] == "the" else i + 1
        j = start
        while j < n and j - start < 7 and j not in covered and (
            (table.capital[j] and table.alpha[j]) or (texts[j] in {"of", "and"} and j + 1 < n and table.capital[j + 1])
        ):
            j += 1
        if j - start >= 2 and _ORG_WORDS & set(texts[start:j]):
            spans.append(doc[start:j])
    return spans


def _precedes_aircraft(doc: Doc, end: int, aircraft_starts: set[int]) -> bool:
    for i in range(end, min(len(doc), end + 4)):
        if i in aircraft_starts:
            return True
        if doc[i].lower_ not in _MODIFIERS:
            return False
    return False


def _defined_acronyms(doc: Doc, mentions: list[dict], covered: set[int]) -> list[dict]:
    """'Two Peruvian Air Force (FAP) C-27Js ... the FAP said': an acronym the text defines in brackets after a
    named operator names that operator wherever it stands alone later on."""
    defined: dict[str, dict] = {}
    for mention in mentions:
        end = mention["token_end"]
        if (
            mention["rule"].startswith("op.")
            and end + 2 < len(doc)
            and doc[end].text == "("
            and doc[end + 2].text == ")"
            and _ACRONYM.fullmatch(doc[end + 1].text)
        ):
            defined.setdefault(doc[end + 1].text, mention)
    if not defined:
        return []
    for mention in mentions:
        row = defined.get(mention["text"])
        if row is not None and row is not mention and mention["rule"] != row["rule"]:
            # "Republic of Singapore Air Force (RSAF)": the text's own acronym, not the Royal Saudi Air Force
            # the lexicon knows by it
            mention.update(name=row["name"], country=row.get("country"), kind=row.get("kind"),
                           rule=row["rule"] + ":acronym-defined")  # fmt: skip
    out: list[dict] = []
    for token in doc:
        row = defined.get(token.text)
        if row is None or token.i in covered or (token.i and doc[token.i - 1].text == "("):
            continue
        if _inside_hyphenated(doc, token.i, token.i + 1):
            continue
        out.append(_mention(doc[token.i : token.i + 1], row["name"], row.get("country"), row.get("kind"),
                            row["rule"] + ":acronym-defined"))  # fmt: skip
        covered.add(token.i)
    return out


_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,6}")


def _mention(span: Span, name: str, country: str | None, kind: str | None, rule: str) -> dict:
    return {**span_fields(span), "name": name, "country": country, "kind": kind, "rule": rule}


def _drop_generic_aircraft_inside(doc: Doc, mentions: list[dict]) -> None:
    """'Marine Aerial Refueler Transport Squadron 152': a generic aircraft word inside a unit's name is part
    of the name, not an aircraft (the aircraft ruler runs first and cannot know)."""
    covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
    aircraft = doc._.aircraft or []
    kept = [a for a in aircraft if not (a.get("generic") and a["token_start"] in covered)]
    if len(kept) != len(aircraft):
        doc._.aircraft = kept
        dropped = {a["token_start"] for a in aircraft} - {a["token_start"] for a in kept}
        if AIRCRAFT_SPAN_KEY in doc.spans:
            doc.spans[AIRCRAFT_SPAN_KEY] = [s for s in doc.spans[AIRCRAFT_SPAN_KEY] if s.start not in dropped]


def _inside_hyphenated(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are glued by a hyphen to a word before or after ("EP-FAB", "FAB-1")."""
    def glued(hyphen: int) -> bool:  # "x-y" with no space on either side of the hyphen
        return doc[hyphen].text == "-" and not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_

    return (start >= 2 and glued(start - 1)) or (end + 1 < len(doc) and glued(end))
