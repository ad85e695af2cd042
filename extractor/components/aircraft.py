"""Aircraft mentions: typed (gazetteer) and generic ("a cargo plane").

Reads: the Doc's tokens.
Writes: ``doc.spans["aircraft"]`` (label ``AIRCRAFT``) and ``doc._.aircraft``, a list of JSON-safe dicts sorted by
``start``: ``start``, ``end`` (character offsets), ``token_start``, ``token_end``, ``text``, ``model``, ``family``,
``manufacturer``, ``icao_type``, ``role``, ``nickname``, ``quantity``, ``generic`` and ``rule`` (the gazetteer id).

Rule data: ``resources/aircraft.jsonl`` (types) and ``resources/aircraft_generic.jsonl`` (generic heads).
Variants are derived here, not listed in the data: case, hyphen/space/no-hyphen, the manufacturer prefix, plurals,
a quoted nickname after the designation ("An-124-100 'Ruslan'"), a generic head after it ("six Y-20 transports"),
a count before it ("three An-124s", "a pair of C-17s", "at least two"), and sub-variants the gazetteer lacks
("Il-76MD-90A" resolves to the longest known prefix, Il-76MD, keeping the text as the model).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions
from ..resources import load_jsonl
from ._lexicon import Entry, Lexicon, Match, fold, parse_number, token_table

SPAN_KEY = "aircraft"
LABEL = "AIRCRAFT"
_QUOTES = {"'", "‘", "’", '"', "“", "”", "``", "''"}
_DESIGNATOR = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d")
# Nicknames that are everyday words: only recognised right after their designation, never alone.
_COMMON_WORD_NICKNAMES = {
    "atlas", "bear", "candid", "cub", "coot", "clank", "crate", "classic", "careless", "camber", "cock", "coke",
    "condor", "halo", "hip", "hind", "hook", "havoc", "hound", "hokum", "hawk", "eagle", "falcon", "hornet",
    "lightning", "spirit", "sentry", "mainstay", "lancer", "cobra", "viper", "phantom", "tiger", "galaxy",
    "mercury", "fencer", "fullback", "backfire", "blackjack", "badger", "bison", "midas", "mail", "may", "haze",
    "helix", "hormone", "hoplite", "harrier", "king", "kingair", "commando", "puma", "lynx", "wildcat", "merlin",
    "jaguar", "mirage", "rafale", "tornado", "typhoon", "gripen", "hunter", "predator", "guardian", "triton",
    "poseidon", "orion", "heron", "hermes", "global", "challenger", "legacy", "citation", "liberty", "freedom",
    "spartan", "caracal", "cougar", "panther", "dolphin", "ranger", "globaleye", "wedgetail", "voyager",
    "hercules", "sentinel", "stratolifter", "warrior", "gray eagle", "super hornet", "polaris", "kingfisher",
    "cormorant", "griffon", "husky", "aurora", "neptune", "tracker", "porter", "lakota", "sea king",
    "air crane", "skycrane", "firefighter", "tigre",
}  # fmt: skip
#: a word between a type and its generic head that still describes the aircraft ("IL-78 flight refuelling
#: aircraft")
_ROLE_MODIFIERS = frozenset(
    {"flight", "aerial", "air", "strategic", "heavy", "medium", "military", "tactical"}
)
#: words before a generic word that make it something else than an aircraft ("oil tanker")
_NOT_AIRCRAFT_BEFORE = {
    "oil", "fuel", "gas", "lng", "crude", "chemical", "product", "water", "road", "petrol", "container",
    "bulk", "grain", "ore", "cargo-ship",
}  # fmt: skip
#: words after a name that make it the name of an airfield
_FACILITY_AFTER = {"airport", "airfield", "aerodrome", "airstrip", "airbase"}
_BOEING_VARIANT = re.compile(r"^7[0-8]7(?:-\d{1,3}[A-Z]{0,3}|SP|SR|F)$")
_QUANTITY_SKIP = {"more", "additional", "further", "other", "separate", "new", "of", "the", "its", "their"}
#: nicknames that are also common words but name one aircraft when the context says so ("two Atlas from Bricy",
#: "18 Hercules sorties", "the Voyager returned"); see :meth:`AircraftRuler._context_nicknames`
_CONTEXT_NICKNAMES = {
    "atlas", "hercules", "voyager", "typhoon", "galaxy", "sentry", "poseidon", "rafale", "gripen", "wedgetail",
    "triton", "globaleye", "lancer", "blackjack", "backfire", "super hornet", "stratolifter", "challenger",
    "cormorant", "griffon", "polaris", "husky", "aurora", "oryx", "tigre",
}  # fmt: skip
#: models whose own name is such a common word ("Oryx", also an OSINT blog): found as the nicknames above
_CONTEXT_MODELS = {"oryx"}
_FLIGHT_NOUNS = {"sortie", "sorties", "flight", "flights", "mission", "missions", "rotation", "rotations"}
#: words before such a nickname that make it an aircraft: determiners, numbers, quantities
_NICKNAME_BEFORE = {
    "the", "a", "an", "its", "their", "our", "two", "three", "four", "five", "six", "both", "another", "second",
    "third", "first", "each", "one", "pair", "of", "same", "lone", "single", "several", "more", "further", "other",
    # the end of an operator's name: "an Argentine Air Force Hercules"
    "force", "forces", "navy", "army", "corps", "guard",
}  # fmt: skip
#: words right after it that make it an aircraft even without a determiner ("Hercules sorties")
_NICKNAME_AFTER = {
    "sortie", "sorties", "flight", "flights", "transport", "transports", "aircraft", "jet", "jets", "tanker",
    "tankers", "crew", "crews", "mission", "missions", "fleet", "airlifter", "airlifters", "shuttle", "shuttles",
}  # fmt: skip
#: words after it that make it something else ("Challenger 2 tanks", "the Challenger shuttle")
_NICKNAME_NOT_BEFORE = {"tank", "tanks", "2", "3", "shuttle", "disaster", "bank", "deep", "street", "road"}
#: words before it that make it something else ("Operation Atlas", "Exercise Voyager")
_NICKNAME_NOT_AFTER = {"operation", "exercise", "project", "mount", "super", "tropical", "typhoon", "storm"}
_DETERMINERS_BEFORE_NICKNAME = _NICKNAME_BEFORE - {"force", "forces", "navy", "army", "corps", "guard", "of"}
#: describing words between a determiner and the nickname ("the four-engined Hercules", "an ageing Atlas");
#: hyphenated compounds ("twin-engined", "40-year-old") count too
_NICKNAME_DESCRIBERS = {
    "ageing", "aging", "old", "elderly", "venerable", "grey", "gray", "big", "giant", "lumbering", "trusty",
    "white", "camouflaged", "unmarked", "chartered", "leased", "borrowed", "damaged", "stricken", "lone",
}  # fmt: skip


@Language.factory(
    "aircraft_ruler",
    assigns=["doc.spans", "doc._.aircraft"],
    default_config={"gazetteer": "aircraft.jsonl", "generic": "aircraft_generic.jsonl", "span_key": SPAN_KEY},
)
def make_aircraft_ruler(
    nlp: Language, name: str, gazetteer: str, generic: str, span_key: str
) -> AircraftRuler:
    return AircraftRuler(nlp, name, gazetteer=gazetteer, generic=generic, span_key=span_key)


class AircraftRuler:
    """Finds aircraft mentions with the surface-form lexicon in :mod:`._lexicon`."""

    def __init__(
        self,
        nlp: Language,
        name: str = "aircraft_ruler",
        *,
        gazetteer: str = "aircraft.jsonl",
        generic: str = "aircraft_generic.jsonl",
        span_key: str = SPAN_KEY,
    ) -> None:
        extensions.ensure_doc_extensions()
        self.name = name
        self.span_key = span_key
        self.types = load_jsonl(gazetteer, required=("id", "model"))
        self.generic_rows = load_jsonl(generic, required=("id", "phrase"))
        self.lexicon = Lexicon(max_tokens=6)
        self.context_lexicon = Lexicon(max_tokens=2)
        self.nicknames: dict[str, list[str]] = {}
        #: country adjectives before a common-word nickname make it an aircraft ("Danish Challengers")
        self.demonyms = frozenset(
            demonym
            for row in load_jsonl("countries.jsonl", required=("id", "name"))
            for demonym in row.get("demonyms") or []
        )
        self._build()

    def _build(self) -> None:
        by_family: dict[str, list[str]] = {}
        for row in self.types:
            for nick in row.get("nicknames") or []:
                by_family.setdefault(row.get("family") or row["model"], []).append(nick)
        plurals: list[tuple[str, dict]] = []
        for row in self.types:
            payload = {"kind": "type", "row": row}
            forms = [row["model"], *(row.get("aliases") or [])]
            manufacturer = row.get("manufacturer")
            for form in forms:
                if form.lower() in _CONTEXT_MODELS:
                    # a model named by a common word ("Oryx"): alone, an aircraft only where the context says
                    # so; with its manufacturer ("Atlas Oryx") always
                    self.context_lexicon.add(form, payload)
                    self.context_lexicon.add(form + "s", {**payload, "plural": True})
                    if manufacturer:
                        self.lexicon.add(f"{manufacturer} {form}", payload)
                        plurals.append((f"{manufacturer} {form}s", payload))
                    continue
                # a bare "737" needs its manufacturer; "737-700" names a variant by itself
                if not fold(form).isdigit() or _BOEING_VARIANT.match(form):
                    self.lexicon.add(form, payload)
                    plurals.append((form + "s", payload))
                if manufacturer and not fold(form).startswith(fold(manufacturer)):
                    self.lexicon.add(f"{manufacturer} {form}", payload)
                    plurals.append((f"{manufacturer} {form}s", payload))
            family = row.get("family") or row["model"]
            own = list(row.get("nicknames") or [])
            self.nicknames[row["id"]] = own + [n for n in by_family.get(family, []) if n not in own]
        for row in self.types:
            payload = {"kind": "nickname", "row": row}
            for nick in row.get("nicknames") or []:
                if fold(nick) and nick.lower() not in _COMMON_WORD_NICKNAMES and len(fold(nick)) >= 5:
                    self.lexicon.add(nick, payload)
                    plurals.append((nick + "s", payload))
        # a common-word nickname names its family's base type ("Hercules" -> C-130, "Atlas" -> A400M)
        context_rows: dict[str, dict] = {}
        for row in self.types:
            for nick in row.get("nicknames") or []:
                if nick.lower() in _CONTEXT_NICKNAMES:
                    base = row["model"] == (row.get("family") or row["model"])
                    if nick not in context_rows or (
                        base and context_rows[nick]["model"] != context_rows[nick].get("family")
                    ):
                        context_rows[nick] = row
        for nick, row in context_rows.items():
            self.context_lexicon.add(nick, {"kind": "nickname", "row": row})
            self.context_lexicon.add(nick + "s", {"kind": "nickname", "row": row, "plural": True})
        for row in self.generic_rows:
            payload = {"kind": "generic", "row": row}
            self.lexicon.add(row["phrase"].lower(), payload)
            plurals.append((row["phrase"].lower() + "s", payload))
        # plurals last: an exact form ("Su-35S") wins over a plural of a shorter one ("Su-35" + s)
        for form, payload in plurals:
            if form not in self.lexicon:
                self.lexicon.add(form, {**payload, "plural": True})
        # "737" alone: the Boeing family row, for a bare number told as an aircraft ("two 747s landed")
        self._numeric_families = {
            row["model"]: row
            for row in self.types
            if row["model"].isdigit() and row["model"] == row.get("family")
        }
        self._designator_keys = {
            fold(form): {"kind": "type", "row": row}
            for row in self.types
            for form in [row["model"], *(row.get("aliases") or [])]
            if not fold(form).isdigit()
        }

    def __call__(self, doc: Doc) -> Doc:
        # the article "A" is never part of a name, though folded with what follows it may spell one
        # ("A C-130J" folds like "AC-130J", the gunship)
        allowed = [not (t.lower_ in ("a", "an") and t.whitespace_) for t in doc]
        # a name before "airport" or "air base" names the place ("La Aurora airport", not a CP-140 Aurora)
        lowers = token_table(doc).lowers
        for i in range(len(doc) - 1):
            if doc[i].is_alpha and (
                lowers[i + 1] in _FACILITY_AFTER
                or (lowers[i + 1] == "air" and i + 2 < len(doc) and lowers[i + 2] in ("base", "station"))
            ):
                allowed[i] = False
        for i in range(2, len(doc) - 1):
            # "Skaraborg Wing (F 7)": a Swedish wing, not an F-7
            if lowers[i] == "f" and doc[i].whitespace_ and doc[i + 1].is_digit:
                if lowers[i - 1] == "(" and lowers[i - 2] == "wing":
                    allowed[i] = False
        matches = self.lexicon.find(doc, allowed)
        matches = self._add_designator_prefixes(doc, matches)
        matches = self._context_nicknames(doc, matches)
        mentions = self._to_mentions(doc, matches)
        mentions = _bare_family_numbers(doc, mentions, self._numeric_families)
        _resolve_definite_family_mentions(doc, mentions)
        mentions = _named_back(doc, mentions)
        mentions = _identified_back(doc, mentions)
        self.set_annotations(doc, mentions)
        return doc

    def _context_nicknames(self, doc: Doc, matches: list[Match]) -> list[Match]:
        """'Two Atlas from Bricy', 'the Hercules had flown', '18 Hercules sorties', 'an Air Force Hercules': a
        nickname that is also a common word counts alone when it is capitalised, follows a determiner, a
        number or the end of an operator's name (or comes before a flight word) and does not run into another
        name ("Atlas Air", "Typhoon Haiyan")."""
        covered = {i for m in matches for i in range(m.start, m.end)}
        table = token_table(doc)
        texts, lowers = table.texts, table.lowers
        extra: list[Match] = []
        for match in self.context_lexicon.find(doc):
            start, end = match.start, match.end
            if any(i in covered for i in range(start, end)) or not texts[start][:1].isupper():
                continue
            before = lowers[start - 1] if start else ""
            after = lowers[end] if end < len(texts) else ""
            if (
                before in _NICKNAME_NOT_AFTER
                or (end < len(texts) and texts[end][:1].isupper())
                or after == "of"
                or after in _NICKNAME_NOT_BEFORE
            ):
                continue
            if not (
                before in _NICKNAME_BEFORE
                or _described_after_determiner(lowers, start)  # "the four-engined Hercules"
                or before[-1:].isdigit()  # "VP-26 Poseidons"
                or after in _NICKNAME_AFTER
                or start and texts[start - 1] in self.demonyms  # "Danish Challengers", "Italian Typhoons"
            ):
                continue
            extra.append(match)
        return sorted(matches + extra, key=lambda m: m.start) if extra else matches

    def _add_designator_prefixes(self, doc: Doc, matches: list[Match]) -> list[Match]:
        """Unknown sub-variants ("Il-76MD-90A", "C-130J-30") resolve to their longest known prefix."""
        covered = {i for m in matches for i in range(m.start, m.end)}
        extra: list[Match] = []
        texts = token_table(doc).texts
        for token in [doc[i] for i, text in enumerate(texts) if i not in covered and _DESIGNATOR.match(text)]:
            key = fold(token.text)
            for cut in range(len(key) - 1, 1, -1):
                prefix = key[:cut]
                if prefix[-1].isdigit() and key[cut].isdigit():
                    continue  # "C-1" is not a prefix of "C-130"
                payload = self._designator_keys.get(prefix)
                if payload is not None:
                    entry = Entry({"kind": "prefix", "row": payload["row"]}, token.text, False, True)
                    extra.append(Match(token.i, token.i + 1, entry))
                    break
        return sorted(matches + extra, key=lambda m: m.start)

    def _to_mentions(self, doc: Doc, matches: list[Match]) -> list[dict]:
        mentions: list[dict] = []
        consumed_until = -1
        for index, match in enumerate(matches):
            if match.start < consumed_until:
                continue
            payload = match.entry.payload
            row = payload["row"]
            start, end = match.start, match.end
            surface = doc[start:end].text
            if payload["kind"] == "type" and surface.endswith("s") and row["model"].endswith("S"):
                # "Su-35s" are Su-35s, not one Su-35S: case tells a plural from a variant letter
                singular = self.lexicon.lookup(surface[:-1])
                if singular and singular[0].payload["kind"] == "type":
                    payload = {**singular[0].payload, "plural": True}
                    row = payload["row"]
            nickname = None
            generic = payload["kind"] == "generic"
            if generic and index + 1 < len(matches) and matches[index + 1].start == end:
                continue  # "transport Il-62M": the type names the aircraft
            if generic and start > 0 and token_table(doc).lowers[start - 1] in _NOT_AIRCRAFT_BEFORE:
                continue  # "an oil tanker", "a fuel tanker": a ship or a lorry
            if generic:
                mention = {
                    "model": None, "family": None, "manufacturer": None, "icao_type": None,
                    "role": row.get("role"), "nickname": None, "rule": row["id"], "generic": True,
                }  # fmt: skip
            else:
                if payload["kind"] == "nickname":
                    nickname = doc[start:end].text
                else:
                    end = _extend_designator(doc, end)
                    end, nickname = self._extend_nickname(doc, row, end)
                if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _DESIGN_BASIS:
                    continue  # "the King Air 350ER-based ISR aircraft": the design it was built on
                # "six Y-20 transports": a generic head right after the type belongs to the same mention
                nxt = matches[index + 1] if index + 1 < len(matches) else None
                gap = nxt.start - end if nxt is not None else 0
                if (
                    nxt is not None
                    and nxt.entry.payload["kind"] == "generic"
                    and (gap == 0 or gap == 1 and doc[end].lower_ in _ROLE_MODIFIERS)
                ):  # "an IL-78 flight refuelling aircraft"
                    end = nxt.end
                    consumed_until = nxt.end
                model = row["model"]
                designation_end = _extend_designator(doc, match.end)
                if payload["kind"] == "prefix" or designation_end > match.end:
                    model = _singular_designation(doc[match.start : designation_end].text)
                mention = {
                    "model": model, "family": row.get("family") or row["model"],
                    "manufacturer": row.get("manufacturer"), "icao_type": row.get("icao_type"),
                    "role": row.get("role"), "nickname": nickname, "rule": row["id"], "generic": False,
                }  # fmt: skip
            consumed_until = max(consumed_until, end)
            span = doc[start:end]
            mention.update(
                start=span.start_char,
                end=span.end_char,
                token_start=start,
                token_end=end,
                text=span.text,
                # "18 Hercules sorties", "12 C-17 flights": the number counts flights, not aircraft
                quantity=None
                if end < len(doc) and doc[end].lower_ in _FLIGHT_NOUNS
                else _quantity_before(doc, start),
                plural=bool(payload.get("plural")),
            )
            mentions.append(mention)
        return mentions

    def _extend_nickname(self, doc: Doc, row: dict, end: int) -> tuple[int, str | None]:
        """'An-124-100 ‘Ruslan,’' and 'C-17A Globemaster III': the nickname joins the mention."""
        nicknames = self.nicknames.get(row["id"]) or []
        if not nicknames:
            return end, None
        i = end
        opened = i < len(doc) and doc[i].text in _QUOTES
        if opened:
            i += 1
        folded = {fold(n): n for n in nicknames}
        key = ""
        for j in range(i, min(len(doc), i + 4)):
            key += fold(doc[j].text)
            if key in folded or (key.endswith("s") and key[:-1] in folded):
                new_end = j + 1
                if opened and new_end < len(doc) and doc[new_end].text in _QUOTES:
                    new_end += 1
                return new_end, doc[i : j + 1].text
        return end, None

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        doc.spans[self.span_key] = [
            Span(doc, m["token_start"], m["token_end"], label=LABEL) for m in mentions
        ]
        doc._.aircraft = mentions


#: the word after a type and a hyphen that makes it the design another aircraft is built on
_DESIGN_BASIS = frozenset({"based", "derived"})


def _bare_family_numbers(doc: Doc, mentions: list[dict], known: dict[str, dict] | None = None) -> list[dict]:
    """'The Boeing 747-8 ... The 747 did not stay long': once a type with a numeric family ("747") is named,
    the bare number after a determiner ("the 747", "both 777s") is that aircraft. Before any is named, a bare
    family number of ``known`` after a determiner or a number ("a 747 landed", "two 777s") is that family."""
    families = {}
    for mention in mentions:
        family = mention.get("family") or ""
        if not mention["generic"] and family.isdigit():
            families.setdefault(family, mention)
    known = known or {}
    if not families and not known:
        return mentions
    covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
    lowers = token_table(doc).lowers
    extra = []
    for i, lower in enumerate(lowers):
        number = lower[:-1] if lower.endswith("s") else lower
        if i in covered or i == 0 or (number not in families and number not in known):
            continue
        before = doc[i - 1].text
        if lowers[i - 1] not in _BARE_NUMBER_BEFORE and not (
            before.isalpha() and before[:1].isupper() and before not in _NOT_OPERATOR_BEFORE
        ):
            continue  # "the 747", "two 747s", "Qeshm Fars Air 747s" (an airline's), not "Flight 747"
        first = families.get(number)
        if first is None or first["token_start"] > i:
            if number not in known or lowers[i - 1] not in _BARE_NUMBER_BEFORE:
                continue  # only after the type was named, or after a determiner or a number
            row = known[number]
            span = doc[i : i + 1]
            extra.append({
                "model": number, "family": number, "manufacturer": row.get("manufacturer"), "icao_type": None,
                "role": row.get("role"), "rule": row["id"], "nickname": None, "generic": False,
                "start": span.start_char, "end": span.end_char, "token_start": i, "token_end": i + 1,
                "text": span.text, "quantity": _quantity_before(doc, i), "plural": lower.endswith("s"),
            })  # fmt: skip
            continue
        span = doc[i : i + 1]
        definite = lowers[i - 1] in {"the", "its", "their", "that", "this", "same"}
        extra.append({
            **{k: first[k] for k in ("model", "family", "manufacturer", "icao_type", "role", "rule")},
            # "the 747" is the one named before; "two 747s" are of its family only
            **({} if definite else {"model": number, "icao_type": None}),
            "nickname": None, "generic": False, "start": span.start_char, "end": span.end_char,
            "token_start": i, "token_end": i + 1, "text": span.text, "quantity": _quantity_before(doc, i),
            "plural": lower.endswith("s"),
        })  # fmt: skip
    return sorted(mentions + extra, key=lambda m: m["token_start"]) if extra else mentions


#: capitalised words before a bare number that do not name its operator ("Flight 747", "Route 777")
_NOT_OPERATOR_BEFORE = {"Flight", "Route", "Gate", "Runway", "Highway", "No", "Number", "Stand", "Bay", "Room"}
_BARE_NUMBER_BEFORE = {"the", "a", "its", "their", "that", "this", "both", "two", "three", "four", "same", "second"}


def _quantity_before(doc: Doc, start: int) -> int | None:
    """'three An-124s', 'a pair of C-17s', 'at least two Russian aircraft', '2 x C-17'."""
    i = start - 1
    skipped = 0
    while i >= 0 and skipped < 3:
        token = doc[i]
        if token.like_num or token.lower_ in {"pair", "dozen", "couple", "single", "lone"}:
            break
        if token.lower_ in {"the", "its", "their"} and (i == 0 or doc[i - 1].lower_ != "of"):
            return None  # "two of the C-17s" counts, "On 14 March the jet" does not
        if (
            token.lower_ in _QUANTITY_SKIP
            or token.text in {"x", "×"}
            or (token.text[:1].isupper() and token.is_alpha and not token.is_sent_start)
        ):
            i -= 1
            skipped += 1
            continue
        return None
    if i < 0:
        return None
    token = doc[i]
    if token.lower_ in {"pair", "couple"}:
        return 2
    if token.lower_ == "dozen":
        return 12
    if token.lower_ in {"single", "lone"}:
        return 1
    value = parse_number(token.text)
    if value is None or value > 500:
        return None
    # "1980 C-130" or "Flight 302": a year or a flight number is not a count
    if i > 0 and doc[i - 1].lower_ in {"flight", "no", "no.", "number", "tail"}:
        return None
    return value


def _extend_designator(doc: Doc, end: int) -> int:
    """'Il-76MD' + '-90A' written without spaces: an unknown sub-variant suffix stays part of the designation."""
    while end < len(doc) and not doc[end - 1].whitespace_:
        token = doc[end]
        if (
            token.text == "-"
            and end + 1 < len(doc)
            and not token.whitespace_
            and doc[end + 1].text[:1].isdigit()
        ):
            end += 2
        elif token.text[:1].isdigit() or (token.is_upper and token.is_alpha and len(token.text) <= 3):
            end += 1
        else:
            break
    return end


_DEFINITE = {"the", "this", "that", "these", "those", "both", "its", "their"}


def _resolve_definite_family_mentions(doc: Doc, mentions: list[dict]) -> None:
    """'The C-17 returned', 'the Reaper': a definite bare family name refers back to the variant named before.

    The mention keeps its own text and span; model, designator and role come from the latest earlier mention of
    the same family with a more specific model (C-17A, MQ-9A).
    """
    for index, mention in enumerate(mentions):
        if (
            mention["generic"]
            or mention["model"] != mention["family"]
            and mention["nickname"] != mention["text"]
        ):
            continue
        start = mention["token_start"]
        if not _refers_back(doc, start):
            continue
        for earlier in reversed(mentions[:index]):
            if (
                earlier["generic"]
                or earlier["family"] != mention["family"]
                or earlier["model"] == earlier["family"]
            ):
                continue
            mention.update(
                model=earlier["model"], icao_type=earlier["icao_type"], manufacturer=earlier["manufacturer"],
                role=earlier["role"], rule=f"{mention['rule']}->{earlier['rule'].split('->')[-1]}",
            )  # fmt: skip
            break


def _named_back(doc: Doc, mentions: list[dict]) -> list[dict]:
    """'The Falcon 900EX landed at Mitiga. ... The Falcon left Benina', 'the Spartan', 'the Heron': after a
    determiner, a word of the name of an aircraft named before (or of its nickname) is that aircraft again."""
    texts = token_table(doc).texts
    named = [(m, _name_words(m) | _name_after(doc, texts, m)) for m in mentions if not m["generic"]]
    if not named:
        return mentions
    covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
    extra = []
    for i in range(1, len(doc)):
        word = texts[i]
        if i in covered or not (word[:1].isupper() and word.isalpha()) or not _refers_back(doc, i):
            continue  # "the Falcon", "the four Hornets"
        if i + 1 < len(doc) and (texts[i + 1][:1].isupper() or doc[i + 1].lower_ in _NOT_AIRCRAFT_AFTER):
            continue  # "the Falcon Air crew", "the Boeing plant"
        singular = word[:-1] if word.endswith("s") and len(word) > 3 else word
        earlier = next(
            (m for m, words in reversed(named) if m["token_end"] <= i and {word, singular} & words), None
        )
        if earlier is None:
            continue
        span = doc[i : i + 1]
        extra.append({
            **{k: earlier[k] for k in ("model", "family", "manufacturer", "icao_type", "role")},
            "rule": f"{earlier['rule'].split('->')[-1]}:named-back", "nickname": None, "generic": False,
            "start": span.start_char, "end": span.end_char, "token_start": i, "token_end": i + 1,
            "text": span.text, "quantity": _quantity_before(doc, i), "plural": word != singular,
        })  # fmt: skip
    return sorted(mentions + extra, key=lambda m: m["token_start"]) if extra else mentions


#: a registration ("RA-78830", "T7-VLM", "4K-AZ101", "N821GX", "18-0094") or a callsign ("RCH481", "RFF7831",
#: "EVAC21", "JAKE21", "FORTE10"): a name one airframe goes by in a thread
_IDENTIFIER = re.compile(
    r"(?<![\w-])(?:[A-Z0-9]{1,2}-[A-Z0-9]{3,5}|N\d{1,5}[A-Z]{0,2}|\d{2}-\d{4}|[A-Z]{3,6}\d{1,4})(?![\w-])"
)
#: how far (in tokens, same sentence) an identifier may stand from the type it identifies ("Il-76MD
#: RF-78812, hex 15231C, callsign RFF7831")
_IDENTIFIER_REACH = 8


def _identified_back(doc: Doc, mentions: list[dict]) -> list[dict]:
    """'First up: Il-76MD RF-78812, hex 15231C, callsign RFF7831. ... RFF7831 was off again from Orenburg':
    a registration or callsign told next to a type is that aircraft wherever it stands alone later on."""
    typed = [m for m in mentions if not m["generic"] and m.get("model")]
    if not typed:
        return mentions
    table = token_table(doc)
    covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
    known: dict[str, dict] = {}
    extra = []
    for match in _IDENTIFIER.finditer(table.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        sent_start, sent_end = doc[span.start].sent.start, doc[span.start].sent.end
        near = [
            m for m in typed
            if sent_start <= m["token_start"] < sent_end
            and (0 <= span.start - m["token_end"] <= _IDENTIFIER_REACH
                 or 0 <= m["token_start"] - span.end <= _IDENTIFIER_REACH)
        ]  # fmt: skip
        if near:
            known.setdefault(match.group(), min(near, key=lambda m, here=span: _token_gap(here, m)))
            continue
        earlier = known.get(match.group())
        if earlier is None:
            continue
        extra.append({
            **{k: earlier[k] for k in ("model", "family", "manufacturer", "icao_type", "role")},
            "rule": f"{earlier['rule'].split('->')[-1]}:identifier", "nickname": None, "generic": False,
            "start": span.start_char, "end": span.end_char, "token_start": span.start, "token_end": span.end,
            "text": span.text, "quantity": None, "plural": False,
        })  # fmt: skip
        covered.update(range(span.start, span.end))
    return sorted(mentions + extra, key=lambda m: m["token_start"]) if extra else mentions


#: capitalised words after a type that are not a name of it ("a C-17 Monday", "the Il-76 Hmeimim-bound")
_NOT_NAME_AFTER = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
     "march", "april", "june", "july", "august", "september", "october", "november", "december"}
)  # fmt: skip


def _name_after(doc: Doc, texts: list[str], mention: dict) -> set[str]:
    """'a Cessna 208 Caravan', 'an Airbus A330 Phenix': a capitalised word right after a type the gazetteer
    knows without it, and not followed by another name, is a name of that aircraft ("the Caravan" later)."""
    end = mention["token_end"]
    if not mention.get("model") or end >= len(texts):
        return set()
    word = texts[end]
    if not (word.isalpha() and word[:1].isupper() and not word.isupper() and len(word) >= 4):
        return set()
    if word.lower() in _NOT_NAME_AFTER or doc[end].sent.start == end:
        return set()
    if end + 1 < len(texts) and (texts[end + 1][:1].isupper() or texts[end + 1] in ("-", "'s", "’s")):
        return set()
    return {word}


def _token_gap(span: Span, mention: dict) -> int:
    """How many tokens lie between a span and a mention, on whichever side the mention stands."""
    return min(abs(span.start - mention["token_end"]), abs(mention["token_start"] - span.end))


def _name_words(mention: dict) -> set[str]:
    """The words of an aircraft mention that can stand for it alone: its nickname's, and the capitalised words
    of a name of two words or more ("Falcon" and "Dassault" of "Dassault Falcon 7X", "Heron" of "IAI Heron",
    "Globemaster" of "C-17A Globemaster III")."""
    words = mention["text"].split()
    own = {w for w in words if w.isalpha() and w[:1].isupper() and len(w) >= 4 and not w.isupper()}
    return (own if len(words) > 1 else set()) | set((mention["nickname"] or "").split())


#: words after a maker's name that make it the company, not an aircraft ("the Boeing plant")
_NOT_AIRCRAFT_AFTER = frozenset(
    {"plant", "factory", "company", "contract", "deal", "executive", "executives", "spokesman", "spokeswoman",
     "spokesperson", "statement", "facility", "site", "board", "chief", "order", "orders", "programme",
     "program", "team", "group", "division", "shares", "official", "officials", "engineers", "delegation",
     "'s", "’s", "of"}
)  # fmt: skip


def _refers_back(doc: Doc, start: int) -> bool:
    """'the C-17', 'both Reapers', 'the two B-52s': the type refers to aircraft named before."""
    if start == 0:
        return False
    before = doc[start - 1].lower_
    if before in _DEFINITE:
        return True
    # a small count between the determiner and the type ("the two B-52s")
    return 2 <= (parse_number(before) or 0) <= 10 and start > 1 and doc[start - 2].lower_ in _DEFINITE


_PLURAL_DESIGNATION = re.compile(r"^(.*[A-Z0-9])s$")


def _singular_designation(text: str) -> str:
    """'MV-22Bs' -> 'MV-22B', 'C-130J-30s' -> 'C-130J-30': a lower-case "s" after a designation's last capital
    or digit makes it plural; variant letters are capitals."""
    match = _PLURAL_DESIGNATION.match(text)
    return match.group(1) if match else text


def _described_after_determiner(lowers: list[str], start: int) -> bool:
    """'the four-engined Hercules', 'an ageing Atlas': up to two describing words (or hyphenated compounds)
    between a determiner and the nickname."""
    k = start - 1
    words = 0
    while k > 0 and words < 2:
        if k > 1 and lowers[k - 1] == "-":
            k -= 3  # "four - engined"
        elif lowers[k] in _NICKNAME_DESCRIBERS:
            k -= 1
        else:
            return False
        words += 1
        if k >= 0 and lowers[k] in _DETERMINERS_BEFORE_NICKNAME:
            return True
    return False

