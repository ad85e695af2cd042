"""Source mentions: outlets, flight trackers, officials, imagery providers, social media, anonymous sources.

Reads: the Doc's tokens, ``doc._.dateline`` (agency credit, place), ``doc._.byline`` (publishing outlet) and
``doc._.operators`` (antecedents for "the service", "the command"; operators run before this component).
Writes: ``doc.spans["sources"]`` (label ``SOURCE``) and ``doc._.sources``, JSON-safe dicts sorted by
``start``: ``start``, ``end``, ``token_start``, ``token_end``, ``text``, ``name`` (canonical), ``kind``,
``rule``, and ``role`` ("publisher" for the article's own outlet, "person" for a named person, "anaphor" for a
resolved description such as "the ministry", otherwise None).

Rule data: ``resources/sources.jsonl`` (named sources with aliases: FR24 = Flightradar24) and
``resources/source_patterns.jsonl``, one rule per line with a ``type``:

- ``anonymous_head``: heads of descriptors ("source", "official", "resident"); the descriptor keeps its
  modifiers and a complement as its name: "a source with direct ties to the Kremlin" -> "source with direct
  ties to the Kremlin", "Two U.S. officials, who spoke ..." -> "U.S. officials", "a Western diplomat in
  Bangui";
- ``title``: titles before a person's name ("Lt. Col. Marisa Okafor" -> "Marisa Okafor");
- ``generic``: data sources named by what they are ("flight-tracking data", "satellite imagery", "social
  media"); a generic mention followed by "from/by/taken by" a named source of the same kind is that source
  ("Satellite images taken by Maxar" -> Maxar), and "flight-tracking data" takes the name of the tracker named
  in the next sentence (or, failing that, the last one named before it);
- ``social_head``: heads of social media descriptors ("a pro-Kremlin Telegram channel", "the X account Levant
  Skies" -> "Levant Skies");
- ``org_head``: capitalised words that make a name an organisation ("Command", "Administration"): "the China
  Earthquake Administration", "U.S. Air Forces Central";
- ``body_head``: bodies named after a country ("Iraq's Ministry of Defence" -> "Iraqi Ministry of Defence",
  "Japan's Defense Ministry", "Norwegian Armed Forces"; a bare "the defence ministry" takes the country of the
  dateline, else of the article's first operator); composed names go through the gazetteer for the canonical
  name; ``then`` names the second word of a two-word head ("coast" + "guard");
- ``anaphor``: descriptions that refer back ("the ministry", "the command", "the press release", "the
  service"): resolved to the latest compatible source (or operator) before them; an office or force with
  nothing before it ("the foreign minister", "the air force") takes the dateline's country ("German Foreign
  Minister"); others are dropped when nothing precedes them;
- ``credit``: short wire credits that only count inside a dateline ("(AA)" -> Anadolu Agency);
- ``self``: the publisher writing about its own data ("our receivers", "this publication").

Word lists the rules consult (descriptor modifiers, complement stops, speech verbs ...) are in
``resources/source_words.json``, each with a line saying what it is for.

Beyond the rule data: a dateline credit ("MOSCOW, Dec 13 (Reuters) -"), a byline / masthead / pipe header /
trailer outlet, a known agency's credit opening the body in any form and a closing credit line ("— AFP") are
sources with role "publisher"; the publisher's short name ("told Meridian") refers to it; a named person after
a speech verb ('..., said Hanna Lindqvist, an analyst') or between commas before one is a source with role
"person" (a surname alone later takes the full name); "the official(s)" / "one of the officials" take the name
of the latest matching descriptor; an account handle ("@Gerjon_") is a social media source; the office of a
body ("the Commander of Allied Air Command") is a source of its own.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions
from ..errors import ResourceError
from ..resources import load_jsonl, resource_path
from ..temporal.lexicon import load_lexicon
from ._lexicon import Lexicon, Match, fold, headline_end_of, parse_number, span_fields, token_table
from .places import big_towns


@cache
def load_word_lists(name: str) -> dict[str, frozenset[str]]:
    """Read ``resources/<name>``: ``{"list name": {"doc": "...", "words": ["...", ...]}}``.

    The word lists the source and attribution rules consult (modifiers, stop words, cue companions) are data:
    each list says in its ``doc`` what it is for. Raises :class:`ResourceError` naming the file and the list
    when the file is missing or a list is not a list of non-empty strings.
    """
    path = resource_path(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ResourceError(
            f"{path}: expected a JSON object of word lists, could not read it ({exc})"
        ) from exc
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a JSON object of word lists, found {type(data).__name__}")
    out: dict[str, frozenset[str]] = {}
    for key, entry in data.items():
        words = entry.get("words") if isinstance(entry, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() == w and w for w in words):
            raise ResourceError(
                f"{path}: list {key!r}: expected 'words' to be a list of trimmed non-empty strings"
            )
        out[key] = frozenset(words)
    return out


_WORDS = load_word_lists("source_words.json")

SPAN_KEY = "sources"
LABEL = "SOURCE"
_PATTERN_TYPES = (
    "anonymous_head",
    "title",
    "generic",
    "social_head",
    "org_head",
    "body_head",
    "anaphor",
    "credit",
    "self",
)
_DETERMINERS = _WORDS["determiners"]
#: lower-case words that may stand before a descriptor head ("two senior U.S. defence officials")
_MODIFIERS = _WORDS["modifiers"]
_LONG_COMPLEMENTS = _WORDS["long_complements"]
_LOCATION_PREPS = _WORDS["location_preps"]
_LOCATION_NOUNS = _WORDS["location_nouns"]
_COMPLEMENT_STOP = _WORDS["complement_stop"]
#: what a source does after "a contact who works in the tower": the end of the clause that describes them
_OPINION_VERBS = frozenset({
    "thinks", "think", "thought", "believes", "believed", "reckons", "suspects", "suggests", "suggested",
    "insists", "mentioned", "mentions", "heard", "hears", "saw", "sees", "noticed", "spotted", "wrote",
    "writes", "posted", "posts", "messaged", "texted", "confirms", "reports", "sent", "sends", "swears",
})  # fmt: skip
_SPEECH_VERBS = _WORDS["speech_verbs"]
_NAME_PARTICLES = _WORDS["name_particles"]
_PUBLISHER_CONTEXT_BEFORE = _WORDS["publisher_context_before"]
_PUBLISHER_CONTEXT_AFTER = _WORDS["publisher_context_after"]
_TOLD = frozenset({"told", "tells"})
#: words after a town's name that do not make it the paper named after the town
_TOWN_AFTER = frozenset({"'s", "’s", "was", "has", "have", "could"})
_PERSON_STOP_WORDS = _WORDS["person_stop_words"]
#: a capital letter that may start a name, accented ones included ("Émilie", "Łukasz")
_CAPITAL = "[A-ZÀ-ÖØ-ÞŁŚŠŽČĆ]"
_ROLE_NOUNS = _WORDS["role_nouns"]
_PORTFOLIO_WORDS = _WORDS["portfolio_words"]
_APPOSED_ROLES = _WORDS["apposed_roles"]
_NOT_PERSONS = frozenset({"statement", "sources", "source"})
_POSSESSIVE = {"'s", "’s"}
#: courtesy titles without a full stop ("Mr Wani said"): the person named in full before
_HONORIFICS = frozenset({"Mr", "Ms", "Mrs", "Miss", "Dr"})
#: "the Minister of Energy and Water told AMAP": an office named by its portfolio, no holder named after it
_OFFICE_OF_PORTFOLIO = re.compile(
    r"\b[Tt]he\s+(?P<office>(?:(?:First\s+)?(?:Deputy|Vice|Acting)\s+)?(?:Minister|Secretary)\s+(?:of|for)\s+"
    r"(?:the\s+)?[A-Z][a-z]+(?:(?:,\s+|\s+and\s+|\s+)[A-Z][a-z]+){0,4})"
    r"(?=\s*(?:,|\.(?:\s|$)|\bsaid\b|\bsays\b|\btold\b|\badded\b|\bannounced\b|\bconfirmed\b))"
)
#: "Deputy Minister of Foreign Affairs Yerlan Tokbergenov said": an office "of ..." then the holder's name
_OFFICE_BEFORE_NAME = re.compile(
    r"\b(?P<office>(?:(?:First\s+)?(?:Deputy|Vice|Acting|General)\s+)?"
    r"(?:Minister|Secretary|Director(?:-General)?|Head|Chief|Commander|Chairman|Chairwoman|Manager"
    r"|Coordinator|Administrator)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’&-]*\s+(?:(?:and|of|for)\s+(?:the\s+)?)?){1,6})"
    r"(?P<name>[A-ZÀ-ÖØ-ÞŁŚŠŽČĆ][^\W\d_]+(?:-[A-Z][^\W\d_]+)?(?:\s+(?:van|von|de|der|den|da|di|bin|ibn)){0,3}"
    r"\s+[A-ZÀ-ÖØ-ÞŁŚŠŽČĆ][^\W\d_'’-]*"
    r"(?:['’-][A-Za-z][^\W\d_]*)?)"
    r"(?=\s*(?:,|\.(?:\s|$)|\bsaid\b|\bsays\b|\btold\b|\badded\b|\bwrote\b))"
)
_OFFICE_WORDS = {
    "minister", "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "president", "prime",
    "premier", "chancellor", "consul", "attaché", "attache",
}  # fmt: skip
_OFFICE_MODIFIERS = {
    "defence", "defense", "foreign", "interior", "transport", "communications", "information", "deputy", "health",
    "army", "military", "air", "force", "navy", "government", "embassy", "ministry", "finance", "home",
}  # fmt: skip
_DATA_KINDS = {"flight_tracker", "imagery"}
#: media words directly before an outlet's name ("state broadcaster VTV", "the daily Danas")
_OUTLET_HEADS = _WORDS["outlet_heads"]
_OUTLET_MODIFIERS = _WORDS["outlet_modifiers"]
_TOLD_CUES = {"told", "speaking to", "spoke to", "spoken to", "talked to", "interview with"}
_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*\.(?:[a-z]{2,4})")
_AUDIENCES = _WORDS["audiences"]
_OPEN_QUOTES = {'"', "“", "'", "‘", "("}
_CLOSE_QUOTES = {'"', "”", "'", "’", ")"}


@Language.factory(
    "source_tagger",
    assigns=["doc.spans", "doc._.sources"],
    default_config={"gazetteer": "sources.jsonl", "patterns": "source_patterns.jsonl", "span_key": SPAN_KEY},
)
def make_source_tagger(
    nlp: Language, name: str, gazetteer: str, patterns: str, span_key: str
) -> SourceTagger:
    return SourceTagger(nlp, name, gazetteer=gazetteer, patterns=patterns, span_key=span_key)


class SourceTagger:
    def __init__(
        self,
        nlp: Language,
        name: str = "source_tagger",
        *,
        gazetteer: str = "sources.jsonl",
        patterns: str = "source_patterns.jsonl",
        span_key: str = SPAN_KEY,
    ) -> None:
        extensions.ensure_doc_extensions()
        self.name = name
        self.span_key = span_key
        self.lexicon = Lexicon(max_tokens=14)  # "United Nations Multidimensional Integrated ... Republic"
        self.by_id: dict[str, dict] = {}
        for row in load_jsonl(gazetteer, required=("id", "name", "kind")):
            self.lexicon.add_many([row["name"], *(row.get("aliases") or [])], row)
            self.by_id[row["id"]] = row
        self.cue_lexicon = Lexicon(max_tokens=4)
        for cue in _SOURCE_CUES:
            self.cue_lexicon.add(cue, {"cue": cue})
        self.countries = _country_lexicon()
        _city_countries()  # built with the pipeline, not on the first article of every worker
        self.anonymous_heads = Lexicon(max_tokens=3)
        self.title_rows: dict[str, dict] = {}
        titles: list[str] = []
        self.generic = Lexicon(max_tokens=5)
        self.social_heads = Lexicon(max_tokens=2)
        self.anaphors = Lexicon(max_tokens=5)
        self.org_heads: set[str] = set()
        self.self_phrases = Lexicon(max_tokens=4)
        self.body_heads: dict[str, dict] = {}
        self.credits: dict[str, dict] = {}
        for row in load_jsonl(patterns, required=("id", "type", "phrase")):
            kind = row["type"]
            if kind not in _PATTERN_TYPES:
                raise ResourceError(
                    f"{patterns}: rule {row['id']}: expected a type in {list(_PATTERN_TYPES)}, found {kind!r}"
                )
            phrase = row["phrase"]
            if kind == "anonymous_head":
                self.anonymous_heads.add(phrase, row)
                self.anonymous_heads.add(row.get("plural") or phrase + "s", row)
            elif kind == "title":
                self.title_rows[fold(phrase)] = row
                titles.append(phrase)
            elif kind == "generic":
                self.generic.add(phrase, row)
                if not phrase.endswith("s") and not row.get("no_plural"):
                    self.generic.add(phrase + "s", row)
            elif kind == "social_head":
                self.social_heads.add(phrase, row)
                self.social_heads.add(phrase + "s", row)
            elif kind == "anaphor":
                self.anaphors.add(phrase, row)
            elif kind == "org_head":
                self.org_heads.add(phrase)
            elif kind == "self":
                self.self_phrases.add(phrase, row)
            elif kind == "body_head":
                self.body_heads[phrase.lower()] = row
            elif kind == "credit":
                target = self.by_id.get(row.get("source", ""))
                if target is None:
                    raise ResourceError(
                        f"{patterns}: rule {row['id']}: expected 'source' to name a line of {gazetteer}, "
                        f"found {row.get('source')!r}"
                    )
                self.credits[fold(phrase)] = target

        alternatives = []
        for phrase in sorted(titles, key=len, reverse=True):
            escaped = re.escape(phrase).replace("\\ ", r"\s+")
            if phrase[:1].islower():  # "spokesman John Kirby", "Spokesman John Kirby" at a sentence start
                escaped = f"[{phrase[0].upper()}{phrase[0]}]" + escaped[1:]
            alternatives.append(escaped)
        # "spokesperson Émilie Charbonneau"; "Lt. (N) Marie-Ève Gallant": a Canadian naval rank's "(N)"
        self.title_pattern = re.compile(
            r"(?<![\w.])(?P<title>" + "|".join(alternatives) + r")(?=\s+(?:\((?:N|Ret|ret|retd)\.?\)\s+)?"
            + _CAPITAL + ")"
        )

    # -- pipeline --------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        allowed = [True] * len(doc)
        mentions: list[dict] = []
        text = token_table(doc).text
        mentions.extend(self._publisher(doc, allowed, text))
        mentions.extend(self._handles(doc, allowed))
        aircraft_tokens = {i for a in doc._.aircraft or [] for i in range(a["token_start"], a["token_end"])}
        for match in self.lexicon.find(doc, allowed):
            row = self._of_context_country(doc, match)
            if _names_a_facility(doc, match.end):
                continue  # "Wrocław-Copernicus Airport": a place's name, not the imagery programme
            following = doc[match.end].text[:1] if match.end < len(doc) else ""
            previous = doc[match.start - 1].text if match.start else ""
            if (
                row["kind"] == "flight_tracker"
                and previous.istitle()
                and previous.isalpha()
                and not doc[match.start - 1].is_sent_start
            ):
                continue  # "the Guam Plane Spotters group": a group's name, not Planespotters.net
            if row["id"].startswith("src.mfr.") and (
                aircraft_tokens.intersection(range(match.start, match.end + 1))
                or following.isdigit()
                or following.isupper()
                or (previous.isupper() and previous.isalpha() and len(previous) > 1)
            ):
                continue  # "a Saab 340", "Boeing 747-8", "Boeing Field", "Operation HADIN KAI": another name
            if aircraft_tokens.intersection(range(match.start, match.end)):
                continue  # "two Oryx helicopters": the aircraft, not the Oryx blog
            mentions.append(_mention(doc[match.start : match.end], row["name"], row["kind"], row["id"]))
            _block(allowed, match.start, match.end)
        mentions.extend(self._publisher_short_names(doc, allowed, mentions))
        mentions.extend(self._self_references(doc, allowed, mentions))
        mentions.extend(self._officials(doc, allowed, text))
        mentions.extend(self._named_outlets(doc, allowed))
        mentions.extend(_masthead_names(doc, allowed))
        mentions = self._social_with_platforms(doc, allowed, mentions)
        mentions.extend(_media_descriptors(doc, allowed))
        mentions.extend(self._anonymous(doc, allowed))
        mentions.extend(self._bodies(doc, allowed))
        mentions.extend(self._org_chunks(doc, allowed))
        mentions = self._titled_roles(doc, allowed, mentions)
        mentions.extend(self._generic(doc, allowed, mentions))
        mentions.extend(self._anaphors(doc, allowed))
        mentions.extend(self._persons(doc, allowed))
        mentions.extend(self._unknown_after_cues(doc, mentions))
        mentions.extend(_unknown_self_naming(doc, mentions))
        mentions.extend(self._unknown_before_speech(doc, mentions))
        mentions = _short_names(mentions)
        mentions = _offices_of_bodies(doc, mentions)
        mentions = _members_of_bodies(doc, mentions)
        mentions = _drop_nested(mentions)
        mentions = _drop_appositions(doc, mentions)
        mentions = _named_spokespeople(doc, mentions)
        mentions = _named_social_heads(doc, mentions)
        mentions.sort(key=lambda m: (m["start"], -m["end"]))
        self._acronyms_the_text_defines(doc, mentions)
        mentions = self._resolve(doc, mentions)
        _expand_office_acronyms(mentions)
        _told_outlet_publishes(doc, mentions)
        self.set_annotations(doc, mentions)
        return doc

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        doc.spans[self.span_key] = [
            Span(doc, m["token_start"], m["token_end"], label=LABEL) for m in mentions
        ]
        doc._.sources = mentions

    # -- the article's own outlet ----------------------------------------------------------------------------
    def _publisher(self, doc: Doc, allowed: list[bool], text: str) -> list[dict]:
        """The dateline credit ("(Reuters)", "/TASS/", "(AA)") and the byline / masthead / trailer outlet."""
        out = []
        dateline = doc._.dateline or {}
        if dateline.get("credit_start") is not None:
            span = doc.char_span(dateline["credit_start"], dateline["credit_end"], alignment_mode="expand")
            if span is not None:
                # the credit as written: "(AVN).-" may be one token
                credit = text[dateline["credit_start"] : dateline["credit_end"]]
                row = self.credits.get(fold(credit)) or _first_payload(self.lexicon, credit)
                name, kind, rule = (
                    (row["name"], row["kind"], row["id"]) if row else (credit, "media", "src.credit")
                )
                out.append(_mention(span, name, kind, rule, role="publisher"))
                _block(allowed, span.start, span.end)
        byline = doc._.byline or {}
        if not byline and not out:
            byline = self._masthead(text) or self._loose_credit(text) or self._closing_credit(text) or {}
        if byline and not any(m["start"] <= byline["start"] < m["end"] for m in out):
            span = doc.char_span(byline["start"], byline["end"], alignment_mode="expand")
            if span is not None and all(allowed[i] for i in range(span.start, span.end)):
                issuer = _without_headquarters(span.text)
                row = _first_payload(self.lexicon, issuer) or self.credits.get(fold(issuer))
                if row:
                    name, kind, rule = row["name"], row["kind"], row["id"]
                elif _capital_or_city_country(byline["outlet"]) or self.countries.lookup(byline["outlet"]):
                    return out  # "By Aisha Bukar Lawan, Maiduguri": where the reporter files from
                else:
                    name = _without_headquarters(byline["outlet"])
                    kind = byline.get("kind") or _kind_of_unknown(name)
                    rule = "src.account_header" if byline.get("kind") == "social_media" else "src.byline"
                    if name.lower() in _BARE_ISSUERS or name.split()[0].lower() in _GENERIC_BODY_WORDS:
                        # "Ministry of National Defense" heading a press release is the country's ministry
                        body = _BARE_ISSUERS.get(name.lower(), name)
                        country = self._country_after(text, byline["end"]) or self._context_country(doc)
                        owner = _OF_COUNTRY.match(body)
                        owners = None
                        if owner:
                            named = owner.group("country")
                            owners = self.countries.lookup(named) or self.countries.lookup(
                                _STATE_PREFIX.sub("", named)
                            )
                        if owners:
                            # "Ministry of Defence of the Republic of Belarus": the country it names
                            body, country = owner.group("body"), owners[0].payload
                        composed = self._bare_body_name(body, country)
                        if composed is not None:
                            name, kind = composed
                out.append(_mention(span, name, kind, rule, role="publisher"))
                _block(allowed, span.start, span.end)
        return out

    def _masthead(self, text: str) -> dict | None:
        """A header line that is only a known outlet's name ("Defense News", "The Aviationist") publishes the
        article.
        """
        offset = 0
        for lineno, line in enumerate(text.split("\n")[:_HEADER_LINES]):
            stripped = line.strip()
            if lineno and stripped and stripped[0].isalnum():
                row = _first_payload(self.lexicon, stripped)
                # "Ministry of Defence of the Russian Federation" alone under the headline issues a release
                if row is not None and row["kind"] in ("media", "official") and len(stripped) <= 60:
                    start = offset + line.index(stripped)
                    return {"outlet": stripped, "start": start, "end": start + len(stripped)}
            offset += len(line) + 1
        return None

    def _known_outlet(self, text: str) -> dict | None:
        row = self.credits.get(fold(text)) or _first_payload(self.lexicon, text)
        return row if row is not None and row["kind"] == "media" else None

    def _loose_credit(self, text: str) -> dict | None:
        """'Moscow, Oct 30 (Reuters) -': a known agency's credit opening the body, whatever the dateline looks
        like.
        """
        head = text[:_CREDIT_WINDOW]
        for match in _LOOSE_CREDIT.finditer(head):
            if self._known_outlet(match.group("credit")):
                return {
                    "outlet": match.group("credit"),
                    "start": match.start("credit"),
                    "end": match.end("credit"),
                }
        return None

    def _closing_credit(self, text: str) -> dict | None:
        """A last line that only credits a known outlet ('— AFP', 'Source: Reuters', '(Reuters)')."""
        text = text.rstrip()
        start_of_line = text.rfind("\n") + 1
        match = _CLOSING_CREDIT.match(text[start_of_line:])
        if match and self._known_outlet(match.group("credit")):
            return {
                "outlet": match.group("credit"),
                "start": start_of_line + match.start("credit"),
                "end": start_of_line + match.end("credit"),
            }
        return None

    def _handles(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """'@Gerjon_', '@IntelSky': an account handle is a social media source named by the handle."""
        out = []
        texts = token_table(doc).texts
        for i in [i for i, text in enumerate(texts) if text.startswith("@") and len(text) >= 3]:
            token = doc[i]
            if not allowed[i]:
                continue
            end = token.i + 1
            while (
                end < len(doc)
                and not doc[end - 1].whitespace_
                and (doc[end].text == "_" or doc[end].text.isalnum())
            ):
                end += 1  # the tokenizer splits "@Gerjon_" into "@Gerjon" and "_"
            handle = doc[token.i : end].text[1:]
            if not handle.replace("_", "").isalnum():
                continue
            row = _first_payload(self.lexicon, handle)
            name, kind, rule = (
                (row["name"], row["kind"], row["id"]) if row else (handle, "social_media", "src.handle")
            )
            if end + 1 < len(doc) and doc[end].lower_ == "on" and fold(doc[end + 1].text) in _PLATFORMS:
                end += 2  # "@AfrikaAirWatch on X said": the platform belongs to the account
            out.append(_mention(doc[token.i : end], name, kind, rule))
            _block(allowed, token.i, end)
        return out

    def _publisher_short_names(self, doc: Doc, allowed: list[bool], mentions: list[dict]) -> list[dict]:
        """'told Meridian', 'Skyline counted': the first word of a publisher's name, in source position."""
        publisher = next((m for m in mentions if m["role"] == "publisher"), None)
        if publisher is None:
            return []
        words = [w for w in publisher["name"].split() if w.lower() != "the"]
        names = Lexicon(max_tokens=8)
        names.add(publisher["name"], {"full": True})
        names.add(" ".join(words), {"full": True})
        if (
            len(words) >= 2
            and len(words[0]) >= 4
            and words[0][:1].isupper()
            and not self.countries.lookup(words[0])
        ):
            names.add(words[0], {"full": False})
        # "Nuuk Weekly": "Nuuk's runway" is the town's; "told Nuuk" would be the paper
        town = _capital_or_city_country(words[0]) is not None if words else False
        out = []
        for match in names.find(doc, allowed):
            if not match.entry.payload["full"]:
                before = doc[match.start - 1].lower_ if match.start else ""
                after = doc[match.end].lower_ if match.end < len(doc) else ""
                if town and before not in _TOLD and after not in _PUBLISHER_CONTEXT_AFTER - _TOWN_AFTER:
                    continue  # "told Nuuk" is the paper; "to Nuuk", "Nuuk's runway", "Nuuk was" the town
                if before not in _PUBLISHER_CONTEXT_BEFORE and after not in _PUBLISHER_CONTEXT_AFTER:
                    continue
                if match.end < len(doc) and doc[match.end].text[:1].isupper():
                    continue
            start = match.start - 1 if match.start and doc[match.start - 1].lower_ == "the" else match.start
            span = doc[start : match.end]
            out.append(
                _mention(span, publisher["name"], publisher["kind"], publisher["rule"], role="publisher")
            )
            _block(allowed, span.start, span.end)
        return out

    def _self_references(self, doc: Doc, allowed: list[bool], mentions: list[dict]) -> list[dict]:
        """'Our receivers ... picked up', 'reviewed by this publication': the publisher's own reporting."""
        publisher = next((m for m in mentions if m["role"] == "publisher"), None)
        if publisher is None:
            return []
        out = []
        for match in self.self_phrases.find(doc, allowed):
            span = doc[match.start : match.end]
            out.append(
                _mention(
                    span, publisher["name"], publisher["kind"], match.entry.payload["id"], role="publisher"
                )
            )
            _block(allowed, match.start, match.end)
        return out

    # -- named people ----------------------------------------------------------------------------------------
    def _officials(self, doc: Doc, allowed: list[bool], text: str) -> list[dict]:
        """'Defence Minister Sergei Shoigu', 'spokesman John Kirby', 'Lt. Gen. Alexis Grynkewich' -> the
        person.

        Titles are matched on the text: the tokenizer splits "Lt." into "Lt" and ".", which a token lexicon
        cannot match across.
        """
        out = []
        for match in self.title_pattern.finditer(text):
            title = doc.char_span(match.start("title"), match.end("title"), alignment_mode="expand")
            if title is None or not all(allowed[i] for i in range(title.start, title.end)):
                continue
            if title.end + 3 < len(doc) and doc[title.end].text == "(" and doc[title.end + 2].text == ")":
                title = doc[title.start : title.end + 3]  # "Lt. (N)": the rank's suffix belongs to the title
            end = _person_name_end(doc, title.end, allowed, self.org_heads)
            if end is None:
                # "Major Talavera" after "Major Renzo Talavera Ochoa" (Talavera is a town too), "Major General
                # Al-Harbi" after "Major General Fahd bin Saad Al-Harbi"
                end = _family_name_end(doc, title.end, out)
            if end is None or any(_names_a_facility(doc, k) for k in range(title.end + 1, end + 1)):
                continue  # "the Teniente Rodolfo Marsh Martin Aerodrome": a base named after the officer
            start = (
                title.start - 1
                if title.start and doc[title.start - 1].lower_ in {"the", "a"}
                else title.start
            )
            span = doc[start:end]
            row = self.title_rows[fold(match.group("title"))]
            name_start = self._after_stacked_titles(doc, text, title.end, end)
            if name_start > title.end:  # "spokesman Colonel Pierre Lemoine": the name after every title
                title = doc[title.start : name_start]
            name = doc[title.end : end].text if end - title.end >= 2 else doc[title.start : end].text
            mention = _mention(span, name, row.get("kind", "official"), row["id"], role="person")
            if end - title.end == 1:
                mention["surname"] = doc[title.end].text  # "Mr Ellery": the full name given earlier, if any
            out.append(mention)
            _block(allowed, start, end)
        for match in _OFFICE_OF_PORTFOLIO.finditer(text):
            span = doc.char_span(match.start(), match.end("office"), alignment_mode="expand")
            if span is None or not all(allowed[i] for i in range(span.start, span.end)):
                continue
            words = match.group("office").split()
            portfolio = words[words.index("of" if "of" in words else "for") + 1 :]
            if not all(w.lower() in _PORTFOLIO_WORDS | {"and", "the"} for w in portfolio):
                continue  # "the Minister of Defence Pavel Novak said": a holder, found with the title
            name = " ".join(match.group("office").split())
            out.append(_mention(span, name, "official", "src.office_of_portfolio"))
            _block(allowed, span.start, span.end)
        for match in _OFFICE_BEFORE_NAME.finditer(text):
            span = doc.char_span(match.start("office"), match.end("name"), alignment_mode="expand")
            name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
            if span is None or name is None or not all(allowed[i] for i in range(span.start, span.end)):
                continue
            if not _name_end_ok(doc, name.start, name.end, self.org_heads):
                continue
            if (
                doc[name.start - 1].is_title
                and doc[name.start - 1].lower_ not in _PORTFOLIO_WORDS
                and doc[name.start - 2].lower_ in _PORTFOLIO_WORDS
            ):  # "Minister of Justice Halla Ósk Jónsdóttir": a three-word name after the portfolio
                name = doc[name.start - 1 : name.end]
            out.append(_mention(span, name.text, "official", "src.office_before_name", role="person"))
            _block(allowed, span.start, span.end)
        return out

    def _named_outlets(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """A media word followed by the outlet's name: "Venezuelan state broadcaster VTV", "Serbian daily
        Danas", "the Czech news server iDNES.cz", "the official Nicaraguan outlet El 19 Digital", "Pakistani
        aviation blog PakAviation Watch". The name is the source; the descriptor stays in the span."""
        out = []
        table = token_table(doc)
        lowers = table.lowers
        for head in range(len(doc) - 1):
            if lowers[head] not in _OUTLET_HEADS or lowers[head] == "channel" or not allowed[head]:
                continue  # a channel is an account: the social rule names it ('the Telegram channel "Bort Watch"')
            if not (table.texts[head].islower() or table.texts[head] == "TV"):
                continue  # "the Daily Post": the word is part of the name
            name_start = head + 1
            if lowers[name_start] in {"called", "named"}:
                name_start += 1
            quoted = name_start < len(doc) and doc[name_start].text in _OPEN_QUOTES
            if quoted:
                name_start += 1
            end = _outlet_name_end(doc, name_start, allowed, quoted)
            if end is None:
                continue
            name = doc[name_start:end].text
            if self.countries.lookup(name) or name in _PERSON_STOP_WORDS:
                continue
            row = _first_payload(self.lexicon, name)
            start, _ = self._modifiers_left(doc, head, allowed, capitalised=False)
            while start and allowed[start - 1] and lowers[start - 1] in _OUTLET_MODIFIERS:
                start -= 1  # "the official Nicaraguan outlet El 19 Digital"
                if start and lowers[start - 1] in _DETERMINERS:
                    start -= 1
            span_end = end + 1 if quoted and end < len(doc) and doc[end].text in _CLOSE_QUOTES else end
            mention = _mention(
                doc[start:span_end],
                row["name"] if row else name,
                row["kind"] if row else "media",
                row["id"] if row else "src.named_outlet",
            )
            out.append(mention)
            _block(allowed, start, span_end)
        return out

    def _after_stacked_titles(self, doc: Doc, text: str, start: int, end: int) -> int:
        """The first token of the name in ``doc[start:end]`` once further titles are skipped ("Colonel" in
        "spokesman Colonel Pierre Lemoine"); at least one token is left for the name."""
        while end - start >= 2:
            following = self.title_pattern.match(text, doc[start].idx)
            if following is None:
                return start
            after = doc.char_span(following.start("title"), following.end("title"), alignment_mode="expand")
            if after is None or after.end >= end:
                return start
            start = after.end
        return start

    def _persons(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """'..., said Hanna Lindqvist, an analyst', 'The mayor of Orland, Tor Eggen, said' -> the person."""
        out = []
        lowers = token_table(doc).lowers
        for i, lower in enumerate(lowers[:-1]):
            if lower == "according" and lowers[i + 1] == "to":
                # "according to the provincial disaster coordinator, Jacob Wani": the name after the role
                found = self._name_after_role(doc, i + 1, allowed)
                if found is not None:
                    span = doc[found[0] : found[1]]
                    out.append(_mention(span, span.text, "other", "src.person_after_role", role="person"))
                    _block(allowed, found[0], found[1])
        for token in [doc[i] for i, lower in enumerate(lowers) if lower in _SPEECH_VERBS]:
            start = token.i + 1
            end = _person_name_end(doc, start, allowed, self.org_heads)
            if token.lower_ in {"told", "tells"}:
                end = None  # "witnesses told Sahel Watch": who is told is an outlet, not a speaker
            if end is not None and end - start >= 2 and (end == len(doc) or doc[end].text in {",", ".", ";"}):
                out.append(
                    _mention(
                        doc[start:end], doc[start:end].text, "other", "src.person_after_verb", role="person"
                    )
                )
                _block(allowed, start, end)
                continue
            # ", Tor Eggen, said" / ", Tor Eggen said"
            i = token.i - 1
            if i >= 0 and doc[i].text == ",":
                i -= 1
            end = i + 1
            words = 0
            while i >= 0 and allowed[i] and _name_token(doc[i]) and words < 4:
                i -= 1
                words += 1
                if i >= 2 and _glued_hyphen(doc, i) and _name_token(doc[i - 1]) and allowed[i - 1]:
                    i -= 2  # ", Khalid Al-Marri, told": a hyphenated family name is one word
            start = i + 1
            # "commercial director Nguyen Thi Thu Ha told": a lower-case role right before the name
            after_role = (
                i >= 0
                and end == token.i
                and doc[i].is_lower
                and doc[i].lower_ in _APPOSED_ROLES - _NOT_PERSONS
            )
            if (
                end - start >= 2
                and (words <= 3 or after_role)
                and i >= 0
                and (doc[i].text == "," or after_role)
                and all(allowed[k] for k in range(start, end))
                and _name_end_ok(doc, start, end, self.org_heads)
            ):
                span = doc[start:end]
                name = span.text
                if len(span) == 2 and span[0].lower_ in _SURNAME_PARTICLES:
                    name = self.full_name_in_text(doc, name) or name  # ", Van Dijk said": Marloes van Dijk
                out.append(_mention(span, name, "other", "src.person_apposition", role="person"))
                _block(allowed, start, end)
                continue
            for find, rule in (
                (self._name_after_role, "src.person_after_role"),
                (self._name_before_apposition, "src.person_before_apposition"),
            ):
                found = find(doc, token.i, allowed)
                if found is not None:
                    span = doc[found[0] : found[1]]
                    out.append(_mention(span, span.text, "other", rule, role="person"))
                    _block(allowed, found[0], found[1])
                    break
        return out

    def _name_after_role(self, doc: Doc, verb: int, allowed: list[bool]) -> tuple[int, int] | None:
        """'..., said the Mission's spokesperson, Amadou Ndiaye.': after the verb a determiner, up to five
        words ending in a role noun, a comma, then a 2-3 word name that ends the clause."""
        n = len(doc)
        if verb + 1 >= n or doc[verb + 1].lower_ not in {"the", "its", "a", "an", "their"}:
            return None
        comma = next((k for k in range(verb + 2, min(n, verb + 14)) if doc[k].text == ","), None)
        if comma is None:
            return None
        roles = (_ROLE_NOUNS | _APPOSED_ROLES) - _NOT_PERSONS
        if doc[comma - 1].lower_ not in roles:
            # "said the Minister of Defence of the Czech Republic, Markéta Doležalová": the role before "of"
            of = next((k for k in range(verb + 2, comma) if doc[k].lower_ == "of"), None)
            if of is None or of - verb > 5 or doc[of - 1].lower_ not in roles:
                return None
        start = self._after_stacked_titles(doc, doc.text, comma + 1, min(n, comma + 8))
        end = _person_name_end(doc, start, allowed, self.org_heads)
        if end is None or not 2 <= end - start <= 3 or (end < n and doc[end].text not in {",", ".", ";"}):
            return None
        return start, end

    def _name_before_apposition(self, doc: Doc, verb: int, allowed: list[bool]) -> tuple[int, int] | None:
        """'Mark Ellery, the show's director, said': a 2-3 word name opening the sentence (or the clause
        after a comma or quote), then an apposition between commas that starts with a determiner, then the
        verb."""
        if verb < 4 or doc[verb - 1].text != ",":
            return None
        comma = next((k for k in range(verb - 2, max(0, verb - 12), -1) if doc[k].text == ","), None)
        if comma is None or comma + 1 >= verb - 1:
            return None
        if doc[comma + 1].lower_ not in {"the", "a", "an", "its"} and not (
            doc[comma + 1].lower_ in _ROLE_NOUNS and doc[comma + 2].lower_ in {"for", "of", "at"}
        ):  # "Aram Torosyan, spokesperson for the Armenian Ministry of Defence, told Kazinform"
            return None
        start = comma
        while start > 0 and comma - start < 3 and _name_token(doc[start - 1]) and allowed[start - 1]:
            start -= 1
        if comma - start < 2 or not all(allowed[k] for k in range(start, comma)):
            return None
        if start > 0 and not (doc[start].is_sent_start or doc[start - 1].text in {",", '"', "“", "”", "\n"}):
            return None
        if not _name_end_ok(doc, start, comma, self.org_heads):
            return None
        return start, comma

    # -- descriptors -----------------------------------------------------------------------------------------
    def _anonymous(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """'a source with direct ties to the Kremlin', 'two U.S. officials', 'a Western diplomat in Bangui'.

        Writes ``head`` (the descriptor's head) on each mention, for "the official" / "one of the officials".
        """
        out = []
        for match in self.anonymous_heads.find(doc, allowed):
            row = match.entry.payload
            head = doc[match.end - 1]
            if (
                head.text[:1].isupper()
                and not doc[match.start].is_sent_start
                and match.start
                and not (doc[match.start - 1].is_punct or doc[match.start - 1].is_space)
            ):
                continue  # "The Sahel Observer", "Severny Veter": a capitalised head inside a name
            if match.start > 1 and doc[match.start - 1].text == "-" and not doc[match.start - 1].whitespace_:
                continue  # "the open-source account", "a single-source claim": part of a compound word
            account_after = match.end < len(doc) and doc[match.end].lower_ == "account"
            if account_after and _name_after(doc, match.end + 1):
                continue  # "the spotter account NorCalTankerWatch": the account, named, is the source
            start, first = self._modifiers_left(doc, match.start, allowed)
            end = self._complement_right(doc, match.end, allowed)
            head_only = first == match.start and end == match.end
            if head_only and row.get("needs_context") and start == match.start:
                continue  # a bare "officials" in running text: kept only with a determiner or a modifier
            if row.get("needs_complement") and end == match.end:
                continue  # "people" is a source only as "people briefed on the flights"
            name = _descriptor_name(doc, first, end)
            role = None
            modifiers = {t.lower_ for t in doc[first : match.start]}
            if (start < first and doc[start].lower_ == "the") or doc[
                start:first
            ].text.lower() == "one of the":
                role = "anaphor"  # "the official", "one of the officials": the descriptor named before
            # "a Western diplomat in Bangui": the place completes the name but stays free for the place
            # matcher
            span_end = match.end if end > match.end and doc[match.end].lower_ in _LOCATION_PREPS else end
            if span_end < end and any(
                t.text in self.org_heads or t.lower_ in _BODY_NOUNS for t in doc[match.end : end]
            ):  # "officials at the Department of Foreign Affairs", "a source in the Russian defence ministry"
                span_end = end  # one source, not two
            # "Opposition lawmaker Brian Kaoma", "aviation consultant Grace Phiri": the descriptor names a person
            person_end = (
                _person_name_end(doc, match.end, allowed, self.org_heads)
                if end == match.end and not head.text.endswith("s") and row.get("kind") != "media"
                else None
            )
            if person_end is not None and person_end - match.end >= 2:
                kind = "official" if row.get("kind") == "official" else "other"
                mention = _mention(doc[start:person_end], doc[match.end : person_end].text, kind, row["id"],
                                   role="person")  # fmt: skip
                out.append(mention)
                _block(allowed, start, person_end)
                continue
            mention = _mention(doc[start:span_end], name, row.get("kind", "anonymous"), row["id"], role=role)
            mention["head"] = row["phrase"]
            if modifiers == {"ministry"}:
                mention["role"] = "anaphor"  # "Ministry officials said": the ministry named before
                mention["refers_to"] = ["ministry"]
            out.append(mention)
            _block(allowed, start, span_end)
        return out

    def _social_with_platforms(self, doc: Doc, allowed: list[bool], mentions: list[dict]) -> list[dict]:
        """Platform names ("Telegram", "X") are part of a descriptor ("a pro-Kremlin Telegram channel")."""
        platforms = [m for m in mentions if m["kind"] == "social_media" and fold(m["text"]) in _PLATFORMS]
        for platform in platforms:
            for i in range(platform["token_start"], platform["token_end"]):
                allowed[i] = True
        social = self._social(doc, allowed)
        # a platform whose tokens a descriptor claimed belongs to it ("Severny Veter, a Telegram channel")
        kept = [m for m in mentions if not (m in platforms and not allowed[m["token_start"]])]
        for platform in platforms:
            if platform in kept:
                _block(allowed, platform["token_start"], platform["token_end"])
        return kept + social

    def _social(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """'a pro-Kremlin Telegram channel', 'the X account Levant Skies', 'Severny Veter, a Telegram
        channel'.
        """
        out = []
        for match in self.social_heads.find(doc, allowed):
            start, first = self._modifiers_left(doc, match.start, allowed, capitalised=True)
            platform = [t for t in doc[first : match.start] if fold(t.text) in _PLATFORMS]
            end = match.end
            if end + 1 < len(doc) and doc[end].lower_ == "on" and fold(doc[end + 1].text) in _PLATFORMS:
                platform.append(doc[end + 1])
                end += 2
            elif end < len(doc) and doc[end].lower_ == "of":
                j = end + 1
                while (
                    j < len(doc)
                    and j - end <= 4
                    and doc[j].is_alpha
                    and allowed[j]
                    and doc[j].lower_ not in _COMPLEMENT_STOP
                ):
                    j += 1
                end = j if j > end + 1 else end
            named_account = doc[match.start].lower_ == "account" and (
                _name_after(doc, end) or _account_name_after(doc, end)
            )
            if not platform and "flight" not in doc[first : match.end].text.lower() and not named_account:
                continue  # "the spotter account NorCalTankerWatch" names itself without a platform
            # "the X account Levant Skies", 'the Telegram channel "Bort Watch"', "a Weibo account called Nanhai
            # Watch": the account's own name follows
            name_start = end + 1 if end < len(doc) and doc[end].lower_ in {"called", "named"} else end
            quoted = name_start < len(doc) and doc[name_start].text in _OPEN_QUOTES
            name_start += quoted
            j = name_start
            while (
                j < len(doc)
                and allowed[j]
                and (_name_token(doc[j]) or j > name_start and doc[j].text in _ORG_WORDS_IN_NAMES)
                and j - name_start < 3
            ):
                j += 1  # "the Telegram channel Africa Air Watch"
            if quoted and not (j < len(doc) and doc[j].text in _CLOSE_QUOTES):
                j = name_start
            if j > name_start:
                span_end = j + 1 if quoted else j
                out.append(
                    _mention(doc[start:span_end], doc[name_start:j].text, "social_media", match.entry.payload["id"])
                )
                _block(allowed, start, span_end)
                continue
            # "Severny Veter, a Telegram channel that ...": the name in apposition before it
            k = start - 1
            if k >= 1 and doc[k].text == ",":
                i = k - 1
                while i >= 0 and allowed[i] and _name_token(doc[i]) and k - i <= 3:
                    i -= 1
                if k - (i + 1) >= 1 and (i < 0 or not doc[i].is_alpha or doc[i].is_sent_start):
                    span = doc[i + 1 : k]
                    out.append(_mention(span, span.text, "social_media", match.entry.payload["id"]))
                    _block(allowed, span.start, end)
                    continue
            out.append(
                _mention(
                    doc[start:end],
                    _descriptor_name(doc, first, end),
                    "social_media",
                    match.entry.payload["id"],
                )
            )
            _block(allowed, start, end)
        return out

    def _modifiers_left(
        self, doc: Doc, head: int, allowed: list[bool], *, capitalised: bool = True
    ) -> tuple[int, int]:
        """Walk left from a head over modifiers, then determiners: (span start, first modifier)."""
        k = head - 1
        while k >= 0:
            token = doc[k]
            if (
                k >= 2
                and doc[k - 1].text == "-"
                and doc[k - 2].is_alpha
                and token.is_alpha
                and allowed[k - 2]
            ):
                # "pro-Kremlin", "Beirut-based", "Iran-focused", "Hebrew-language" (names inside join it)
                k -= 3
                continue
            if not allowed[k]:
                break
            if token.lower_ in _MODIFIERS or self.countries.lookup(token.text):
                k -= 1
            elif (
                token.lower_ == "and" and k >= 1 and (self.countries.lookup(doc[k - 1].text)) and k + 1 < head
            ):
                k -= 1  # "U.S. and Iraqi security officials"
            elif (
                capitalised
                and token.is_alpha
                and token.text[:1].isupper()
                and token.text not in _PERSON_STOP_WORDS
                and not (token.is_sent_start and token.lower_ in _DETERMINERS)
            ):
                k -= 1
            else:
                break
        first = k + 1
        while (
            k >= 0 and allowed[k] and (doc[k].lower_ in _DETERMINERS or parse_number(doc[k].text) is not None)
        ):
            k -= 1
        if k >= 2 and doc[k].lower_ == "of" and doc[k - 1].lower_ == "one" and doc[k + 1].lower_ == "the":
            k -= 2  # "one of the officials"
        return k + 1, first

    def _complement_right(self, doc: Doc, end: int, allowed: list[bool]) -> int:
        """The descriptor's complement: 'with direct ties to the Kremlin', 'in Bangui', 'at the airport'."""
        if end >= len(doc) or not allowed[end]:
            return end
        word = doc[end].lower_
        if word == "of" and end > 0 and doc[end - 1].lower_ == "knowledge":
            word = "with"  # "a person with knowledge of the deployment": the complement runs on
        if word == "of" and end > 0 and doc[end - 1].lower_ in _DWELLERS | _WORKERS:
            # "residents of Kangerlussuaq": where they live; "an employee of the Cap-Haïtien airport"
            word = "in"
        on_the_ground = [t.lower_ for t in doc[end : end + 3]] == ["on", "the", "ground"]
        if on_the_ground and doc[end - 1].lower_ != "people":
            return end + 3  # "spotters on the ground" ("people on the ground" is a phrase of its own)
        if word in _PLACED and end + 1 < len(doc) and doc[end + 1].lower_ in _LOCATION_PREPS:
            placed = self._complement_right(doc, end + 1, allowed)  # "spotters gathered at the base"
            return placed if placed > end + 1 else end
        if word == "who" and end + 1 < len(doc) and doc[end + 1].lower_ in {"works", "worked", "work"}:
            # "a friend who works in ground handling says", "a contact who works on the Akrotiri side tells"
            j = end + 2
            while (
                j < len(doc)
                and j - end < 8
                and doc[j].lower_ not in _COMPLEMENT_STOP
                and doc[j].lower_ not in _OPINION_VERBS
            ):
                j += 1
            return j
        if word in _LONG_COMPLEMENTS:
            j = end + 1
            while j < len(doc) and j - end < 13 and doc[j].lower_ not in _COMPLEMENT_STOP:
                j += 1
            return j if j > end + 1 else end
        if word in _LOCATION_PREPS or (word == "on" and _island_after(doc, end + 1)):
            j = end + 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            k = j
            while (
                k < len(doc)
                and k - j < 6
                # a capitalised word may belong to a body already named: "a source in the Russian defence
                # ministry" takes the ministry in
                and (allowed[k] or (doc[k].is_alpha and doc[k].text[:1].isupper()))
                and doc[k].lower_ not in _COMPLEMENT_STOP
                and (
                    (doc[k].is_alpha and doc[k].text[:1].isupper())
                    # "the Cap-Haïtien airport": a hyphen inside a name
                    or (
                        doc[k].text == "-" and k > j and not doc[k - 1].whitespace_ and not doc[k].whitespace_
                    )
                    # "the Department of Foreign Affairs", "the Security Service of Ukraine"
                    or (doc[k].lower_ in {"of", "for"} and k > j and k + 1 < len(doc) and doc[k + 1].text[:1].isupper())
                )
            ):
                k += 1
            if k > j and k + 1 < len(doc) and doc[k].lower_ in _POSSESSIVE:
                k += 1  # "a source in Norway's defence establishment"
                while k < len(doc) and k - j < 8 and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in _COMPLEMENT_STOP:
                    k += 1
            modifiers = k
            while modifiers < len(doc) and modifiers - k < 3 and doc[modifiers].lower_ in _PLACE_MODIFIERS:
                modifiers += 1
            if modifiers > k and modifiers < len(doc) and doc[modifiers].lower_ in _LOCATION_NOUNS:
                k = modifiers  # "a source in the Russian defence ministry"
            while k < len(doc) and doc[k].lower_ in _LOCATION_NOUNS:
                k += 1  # "an official at Damascus airport", "a source in the Rossiya detachment"
            return k if k > j else end
        if word in {"posting", "on"}:
            j = end + 1 if word == "on" else end + 2
            if word == "posting" and not (end + 1 < len(doc) and doc[end + 1].lower_ == "on"):
                return end
            if j < len(doc) and fold(doc[j].text) in _PLATFORMS:
                return j + 1
        return end

    # -- bodies and organisations ----------------------------------------------------------------------------
    def _bodies(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """'Iraq's Ministry of Defence', 'Japan's Defense Ministry', 'the Norwegian Armed Forces', 'Iraqi
        police'.
        """
        out = []
        country_matches = self.countries.find(doc, allowed)
        used = set()
        for match in country_matches:
            j = match.end
            possessive = j < len(doc) and doc[j].lower_ in _POSSESSIVE
            if possessive:
                j += 1
            found = self._body_at(doc, j, allowed)
            if found is None:
                continue
            body_start, body_end, body_name, role_end, role = found
            if role in {"official", "officials", "source", "sources"}:
                continue  # "Turkish Foreign Ministry sources": an anonymous descriptor, found later
            country = match.entry.payload
            start = match.start - 1 if match.start and doc[match.start - 1].lower_ == "the" else match.start
            span = doc[start:role_end]
            name, row = self._compose(country, body_name, doc[match.start : body_end].text, possessive)
            if role:
                name = f"{name} {role}" if possessive else name
            kind = row["kind"] if row else "official"
            out.append(_mention(span, name, kind, row["id"] if row else "src.body", role=None))
            _block(allowed, start, role_end)
            used.add(match.start)
        # bare bodies: "the Ministry of Defence", "the defence ministry", "Federal Ministry of Defence"
        lowers = token_table(doc).lowers
        heads = [j for j, lower in enumerate(lowers) if lower in self.body_heads]
        near_head = {i for j in heads for i in range(max(0, j - 3), j + 1)}  # _body_at reads <= 3 modifiers
        for i in sorted(near_head):
            if lowers[i] in {"its", "their", "his", "her", "our"}:
                continue  # "Its Ministry of Emergency Situations said": the body starts after the possessive
            if not allowed[i] or (
                i
                and allowed[i - 1]
                and doc[i - 1].is_alpha
                and doc[i - 1].text[:1].isupper()
                and doc[i - 1].lower_ not in {"the"}
                and not doc[i - 1].is_sent_start
            ):
                continue
            found = self._body_at(doc, i, allowed, bare=True)
            if found is None:
                continue
            body_start, body_end, body_name, role_end, role = found
            if role in {"official", "officials", "source", "sources"}:
                continue
            start = i - 1 if i and doc[i - 1].lower_ == "the" else i
            row = _first_payload(self.lexicon, doc[i:body_end].text)
            name = row["name"] if row else body_name
            # "the Ministry of Defence of Lithuania": the country follows the body
            if not row and role_end + 1 < len(doc) and doc[role_end].lower_ == "of":
                k = role_end + 1
                country = next(iter(self.countries.find(doc[k:].as_doc()[:6].as_doc())), None)
                if country is None or country.start != 0:
                    # "... of the Republic of El Salvador": the country after its state's name
                    k = _after_state_name(doc, k)
                    country = next(iter(self.countries.find(doc[k:].as_doc()[:6].as_doc())), None)
                if country is not None and country.start == 0:
                    name, row = self._compose(country.entry.payload, body_name, body_name, False)
                    row = row or {"name": name, "kind": "official", "id": "src.body"}
                    role_end = k + country.end
            mention = _mention(
                doc[start:role_end],
                name,
                row["kind"] if row else "official",
                row["id"] if row else "src.bare_body",
                role=None if row else "bare_body",
            )
            mention["body"] = body_name
            out.append(mention)
            _block(allowed, start, role_end)
        out.extend(self._national_offices(doc, allowed, country_matches))
        return out

    def _national_offices(self, doc: Doc, allowed: list[bool], country_matches: list) -> list[dict]:
        """'Chad's communications minister', 'the Lebanese transport minister', 'Japan's defence minister': an
        office named by country, without the holder's name (named holders are found by their title).
        ``country_matches`` are the country names :meth:`_bodies` found; those a body took are skipped."""
        out = []
        lowers = token_table(doc).lowers
        for match in country_matches:
            if not all(allowed[i] for i in range(match.start, match.end)):
                continue
            j = match.end
            if j < len(doc) and lowers[j] in _POSSESSIVE:
                j += 1
            k = j
            while k < len(doc) and k - j < 2 and allowed[k] and lowers[k] in _OFFICE_MODIFIERS:
                k += 1
            if k >= len(doc) or not allowed[k] or lowers[k] not in _OFFICE_WORDS:
                continue
            end = k + 1
            if end + 1 < len(doc) and lowers[end] == "minister" and lowers[k] == "prime":
                end += 1
            if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                continue  # "Japan's defence minister Gen Nakatani": the person, found by the title
            start = match.start - 1 if match.start and lowers[match.start - 1] == "the" else match.start
            office = " ".join(t.lower_ for t in doc[j:end])
            name = f"{_country_adjective(match.entry.payload)} {office}"
            row = _first_payload(self.lexicon, name)
            out.append(
                _mention(
                    doc[start:end], row["name"] if row else name, "official", row["id"] if row else "src.office"
                )
            )
            _block(allowed, start, end)
        return out

    def _body_at(
        self, doc: Doc, i: int, allowed: list[bool], *, bare: bool = False
    ) -> tuple[int, int, str, int, str | None] | None:
        """A body starting at token i: (start, end, normalised name, end with role, role)."""
        j = i
        modifiers: list[str] = []
        if i >= len(doc) or doc[i].lower_ in _DETERMINERS:
            return None
        while (
            j < len(doc)
            and allowed[j]
            and j - i < 3
            and doc[j].is_alpha
            and doc[j].lower_ not in self.body_heads
        ):
            if doc[j].lower_ in _COMPLEMENT_STOP or (
                bare and not doc[j].text[:1].isupper() and doc[j].lower_ not in _BODY_MODIFIERS
            ):
                return None
            if not bare and doc[j].lower_ not in _BODY_MODIFIERS and not doc[j].text[:1].isupper():
                return None
            modifiers.append(doc[j].text)
            j += 1
        if j >= len(doc) or not allowed[j] or doc[j].lower_ not in self.body_heads:
            return None
        head_row = self.body_heads[doc[j].lower_]
        if bare and not head_row.get("bare"):
            return None
        if bare and not (doc[j].text[:1].isupper() or modifiers or (i and doc[i - 1].lower_ == "the")):
            return None
        head = doc[j].text
        end = j + 1
        # "armed forces", "coast guard", "border guard": a two-word head, its second word in the row's "then"
        second = head_row.get("then")
        if second and end < len(doc) and doc[end].lower_ == second:
            end += 1
            head = f"{doc[j].lower_} {second}".title()
        elif second:
            return None
        if (
            end < len(doc)
            and doc[end].lower_ in _BODY_TAILS
            and head.lower() in {"military", "army", "navy", "defence", "defense"}
        ):
            head = f"{head} {doc[end].text}"  # "Ukraine's military intelligence"
            end += 1
        complement = []
        if (
            end + 1 < len(doc)
            and (doc[end].lower_ == "of" or doc[end].lower_ == "for" and head == "Ministry")
            and (
                doc[end + 1].text[:1].isupper()
                or doc[end + 1].lower_ == "the" and end + 2 < len(doc) and doc[end + 2].text[:1].isupper()
            )
            and head_row.get("of")
        ):  # "Ministry of Defence", "Ministry for Foreign Affairs", "Ministry of the Interior"
            k = end + 1
            while (
                k < len(doc)
                and allowed[k]
                and (doc[k].text[:1].isupper() or doc[k].lower_ in {"and", "the"})
                and k - end <= 6  # "Ministry of Climate Crisis and Civil Protection"
            ):
                k += 1
            while k > end + 1 and doc[k - 1].lower_ in {"and", "the"}:
                k -= 1
            complement = [t.text for t in doc[end + 1 : k]]
            end = k
        if not complement and head[:1].isupper():
            tail_end = self._name_tail(doc, end, allowed, " ".join(modifiers + [head]))
            if tail_end > end:
                # "Ethiopia's Government Communication Service", "U.S. Army Europe and Africa": a longer name
                complement, head_row = [], {**head_row, "canonical": None}
                head = f"{head} {doc[end:tail_end].text}"
                end = tail_end
        if bare and not modifiers and not complement and not head[:1].isupper():
            return None  # "the ministry": an anaphor, not a body
        if (
            head.lower() in {"embassy", "consulate"}
            and end + 1 < len(doc)
            and doc[end].lower_ == "in"
            and doc[end + 1].text[:1].isupper()
        ):
            city_end = end + 2  # "the Russian Embassy in Ankara", "the French embassy in New Delhi"
            while (
                city_end < len(doc) and city_end - end <= 3 and allowed[city_end] and doc[city_end].is_title
            ):
                city_end += 1
            city = doc[end + 1 : city_end].text
            end = city_end
            return (
                i,
                end,
                f"{' '.join(modifiers + [head_row.get('canonical') or head])} in {city}".strip(),
                end,
                None,
            )
        name = _body_name(modifiers, head, complement, head_row)
        role_end, role = end, None
        if end < len(doc) and doc[end].lower_ in _ROLE_NOUNS:
            role, role_end = doc[end].lower_, end + 1
        return i, end, name, role_end, role

    def _name_tail(self, doc: Doc, end: int, allowed: list[bool], before: str) -> int:
        """The end of capitalised words that continue a body's name: up to four, "and" between them, ending
        on an organisation word ("Communication Service") or making a name the gazetteer knows ("Army" + "Europe
        and Africa"); ``end`` when there are none."""
        k, best = end, end
        while k < len(doc) and k - end < 4 and allowed[k]:
            word = doc[k].text
            if doc[k].lower_ == "and" and k > end:
                k += 1
                continue
            if not (doc[k].is_alpha and word[:1].isupper()) or word in _NOT_NAME_WORDS or word.lower() in _ROLE_NOUNS:
                break
            k += 1
            if doc[k - 1].lower_ in _ORG_FINAL or _first_payload(self.lexicon, f"{before} {doc[end:k].text}"):
                best = k
        return best

    def _compose(self, country: dict, body: str, text: str, possessive: bool) -> tuple[str, dict | None]:
        """'Iraq' + 'Ministry of Defence' -> 'Iraqi Ministry of Defence', made canonical by the gazetteer."""
        adjective = _country_adjective(country)
        for candidate in (
            text,
            f"{country['demonym']} {body}",
            f"{adjective} {body}",
            f"{country['name']} {body}",
            f"{country['demonym']} {_raw_body(text, country)}",
        ):
            row = _first_payload(self.lexicon, candidate)
            if row is not None:
                return row["name"], row
        return f"{adjective} {body}", None

    def _org_chunks(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """Capitalised names with an organisation word: 'the China Earthquake Administration', 'Allied Air
        Command'.
        """
        out = []
        i = 0
        operators = _covered(doc, doc._.operators or [])
        table = token_table(doc)
        texts, lowers, n = table.texts, table.lowers, len(table.texts)
        chunk = [_chunk_text(text, alpha) for text, alpha in zip(texts, table.alpha, strict=True)]
        while i < n:
            if not allowed[i] or not chunk[i]:
                i += 1
                continue
            j = i
            while (
                j < n
                and allowed[j]
                and (
                    chunk[j]
                    or (
                        lowers[j] in {"of", "for", "and", "on"}
                        and j + 1 < n
                        and chunk[j + 1]
                        and texts[j + 1][:1].isupper()
                        and lowers[j + 1] not in _CALENDAR_WORDS  # "... Authority on Tuesday denied"
                    )
                    or (  # "the Presidency of the Council of Ministers": "of the" after an organisation word
                        lowers[j] == "of"
                        and j + 2 < n
                        and lowers[j + 1] == "the"
                        and chunk[j + 2]
                        and texts[j + 2][:1].isupper()
                        and any(texts[k] in self.org_heads for k in range(i, j))
                        and lowers[j + 2] not in _CALENDAR_WORDS
                    )
                    or (
                        j > i
                        and lowers[j] == "the"
                        and lowers[j - 1] == "of"
                        and any(texts[k] in self.org_heads for k in range(i, j - 1))
                        and j + 1 < n
                        and chunk[j + 1]
                        and texts[j + 1][:1].isupper()
                    )
                    or (  # "the Fire Rescue Service of the Moravian-Silesian Region"
                        texts[j] == "-"
                        and j > i
                        and not table.ws[j - 1]
                        and not table.ws[j]
                        and j + 1 < n
                        and texts[j + 1][:1].isupper()
                    )
                    or (
                        lowers[j] == "in"
                        and j > i
                        and texts[j - 1] in _IN_HEADS
                        and j + 1 < n
                        and texts[j + 1][:1].isupper()
                    )
                )
            ):
                j += 1
            while j > i and not texts[j - 1][:1].isupper() and not texts[j - 1][:1].isdigit():
                j -= 1
            words = texts[i:j]
            # "the PLA Western Theater Command" runs over an operator; "Russian Aerospace Forces" is one
            heads_outside = [
                texts[k] for k in range(i, j) if texts[k] in self.org_heads and k not in operators
            ]
            place_like = _names_a_base(lowers[i:j]) or (j - i == 2 and lowers[j - 1] in _LANDFORMS)
            if not heads_outside or len(words) == 1 or place_like:
                i = max(j, i + 1)
                continue  # "landed at Union Glacier": a place, whatever organisation word it has
            if doc[i].is_sent_start and doc[i].lower_ in _DETERMINERS:
                i += 1
                continue
            start = i - 1 if i and doc[i - 1].lower_ == "the" else i
            row = _first_payload(self.lexicon, doc[i:j].text)
            name = row["name"] if row else doc[i:j].text
            possessor = self._possessor_before(doc, i, allowed) if not row else None
            if possessor is not None:  # "Iran's Civil Aviation Organization", "Manitoba's Emergency ..."
                start, owner = possessor
                name = f"{owner} {name}"
            span = doc[start:j]
            mention = _mention(
                span,
                name,
                row["kind"] if row else _kind_of_unknown(name),
                row["id"] if row else "src.org_chunk",
            )
            if span[0].lower_ == "the" and not row:
                mention["definite"] = True
            out.append(mention)
            _block(allowed, start, j)
            # "(DHMI)": an acronym in brackets belongs to the name
            if (
                j + 2 < len(doc)
                and doc[j].text == "("
                and doc[j + 2].text == ")"
                and doc[j + 1].text.isupper()
            ):
                _block(allowed, j, j + 3)
            i = j
        return out

    def _possessor_before(self, doc: Doc, i: int, allowed: list[bool]) -> tuple[int, str] | None:
        """The one-word place that owns the name starting at token ``i`` ("Iran's ..."): its start and the
        word an annotator writes for it ("Iranian"; a place that is not a country as written)."""
        if i < 2 or doc[i - 1].lower_ not in _POSSESSIVE or not allowed[i - 2]:
            return None
        for width in (3, 2):  # "South Sudan's Civil Aviation Authority", "Papua New Guinea's ..."
            first = i - 1 - width
            words = doc[max(first, 0) : i - 1]
            if first < 0 or not all(t.is_alpha and t.text[:1].isupper() and allowed[t.i] for t in words):
                continue
            country = next(iter(self.countries.lookup(words.text)), None)
            if country is not None:
                return first, _country_adjective(country.payload)
        owner = doc[i - 2]
        if not (owner.is_alpha and owner.text[:1].isupper()) or owner.lower_ in _DETERMINERS:
            return None
        country = next(iter(self.countries.lookup(owner.text)), None)
        if country is not None:
            return i - 2, _country_adjective(country.payload)
        return (i - 2, owner.text) if owner.text not in _PERSON_STOP_WORDS else None

    def _titled_roles(self, doc: Doc, allowed: list[bool], mentions: list[dict]) -> list[dict]:
        """'the Commander of Allied Air Command' -> 'Commander of NATO Allied Air Command': the office, not
        the
        body.
        """
        by_start = {m["token_start"]: m for m in mentions}
        out = list(mentions)
        texts = token_table(doc).texts
        for token in [doc[i] for i, text in enumerate(texts) if text in _OFFICE_TITLES]:
            if not allowed[token.i] or token.i + 1 >= len(doc):
                continue
            if doc[token.i + 1].lower_ not in {"of", "for"}:
                continue
            k = token.i + 2
            org = by_start.get(k) or (
                by_start.get(k + 1) if k < len(doc) and doc[k].lower_ == "the" else None
            )
            if org is None or org["role"] is not None and org["role"] != "bare_body":
                continue
            start = token.i - 1 if token.i and doc[token.i - 1].lower_ == "the" else token.i
            span = doc[start : org["token_end"]]
            name = f"{token.text} {doc[token.i + 1].lower_} {org['name']}"
            out = [m for m in out if m is not org]
            out.append(_mention(span, name, "official", "src.office_of", role="person"))
            _block(allowed, start, org["token_end"])
        return out

    def _generic(self, doc: Doc, allowed: list[bool], named: list[dict]) -> list[dict]:
        """'flight-tracking data', 'satellite imagery', 'Greek Cypriot social media', 'Russian media'."""
        out = []
        starts = {m["token_start"]: m for m in named}
        for match in self.generic.find(doc, allowed):
            row = match.entry.payload
            nxt = starts.get(match.end)
            if nxt is not None and (nxt["kind"] == row["kind"] or row["kind"] == "other"):
                continue  # "the flight-tracking service Flightradar24": the name is the source
            if _named_source_after(doc, match.end, named, row["kind"]):
                continue  # "Satellite images taken by Maxar", "Flight-tracking data from ADS-B Exchange"
            start, first = self._modifiers_left(doc, match.start, allowed, capitalised=True)
            if row.get("needs_modifier") and first == match.start:
                continue
            span = doc[start : match.end]
            name = row.get("name") or _descriptor_name(doc, first, match.end).lower()
            if first < match.start:
                name = (
                    _descriptor_name(doc, first, match.start)
                    + " "
                    + (row.get("name") or doc[match.start : match.end].text.lower())
                )
            mention = _mention(span, name, row["kind"], row["id"])
            mention["generic"] = True
            out.append(mention)
            _block(allowed, start, match.end)
        return out

    def _anaphors(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """'the ministry', 'the command', 'the press release', 'a ministry spokesman' (see _resolve)."""
        out = []
        for match in self.anaphors.find(doc, allowed):
            row = match.entry.payload
            start = match.start
            determiners = set(row.get("determiners") or ["the"])
            if (
                row["id"] == "ana.press_service"
                and start >= 2
                and doc[start - 2].lower_ == "the"
                and doc[start - 1].is_alpha
                and doc[start - 1].text[:1].isupper()
                and allowed[start - 1]
            ):
                # "the Akorda press service": a named office's press service, not an anaphor
                known = _first_payload(self.lexicon, doc[start - 1].text)  # "the UAC press service": UAC's
                name = known["name"] if known else f"{doc[start - 1].text} press service"
                kind = known["kind"] if known else "official"
                out.append(_mention(doc[start - 2 : match.end], name, kind, "src.named_press_service"))
                _block(allowed, start - 2, match.end)
                continue
            if not (start and doc[start - 1].lower_ in determiners):
                # "entered service", "Ministry of Defence": not a description of something named before
                continue
            if match.end < len(doc) and doc[match.end].lower_ in {"of", "for"}:
                continue  # "the command of the 1st Air Base", "the ministry of health"
            start -= 1
            end = match.end
            # "the ministry's press service", "a ministry spokesman", "the ministry statement"
            if end < len(doc) and doc[end].lower_ in _POSSESSIVE:
                k = end + 1
                while (
                    k < len(doc)
                    and k - end <= 3
                    and doc[k].is_alpha
                    and doc[k].lower_ not in _COMPLEMENT_STOP
                ):
                    k += 1
                if k > end + 1 and doc[k - 1].lower_ in _ROLE_NOUNS | {
                    "service",
                    "staff",
                    "office",
                    "centre",
                    "center",
                }:
                    end = k
            elif end < len(doc) and doc[end].lower_ in _ROLE_NOUNS:
                end += 1
            mention = _mention(
                doc[start:end], row["phrase"], row.get("kind", "official"), row["id"], role="anaphor"
            )
            mention["refers_to"] = list(row.get("refers_to") or [])
            mention["refers_kind"] = list(row.get("refers_kind") or [])
            mention["refers_text"] = list(row.get("refers_text") or [])
            if row.get("office"):
                mention["office"] = row["office"]
            out.append(mention)
            _block(allowed, start, end)
        return out

    def _acronyms_the_text_defines(self, doc: Doc, mentions: list[dict]) -> None:
        """An acronym the gazetteers know takes the name the text defines it with: "the FAA" after "The
        Argentine Air Force (FAA)" is the air force, not the Federal Aviation Administration."""
        acronyms: dict[str, str] | None = None
        for mention in mentions:
            bare = mention["text"][4:] if mention["text"][:4].lower() == "the " else mention["text"]
            if not (bare.isupper() and bare.isalpha() and 2 <= len(bare) <= 10):
                continue
            if acronyms is None:
                acronyms = _acronyms(token_table(doc).text)
            defined = acronyms.get(bare)
            if defined is None or mention.get("role") == "publisher":
                continue
            if fold(mention["name"]) in fold(defined) or fold(defined) in fold(mention["name"]):
                continue  # "UN Office for the Coordination of Humanitarian Affairs (OCHA)": the same body
            if not _spells(defined.split(), bare):
                continue  # "PALU, Jakarta (ANTARA)": a dateline's credit, no definition
            row = _first_payload(self.lexicon, defined)
            if row is not None and row["name"] == mention["name"]:
                continue
            mention["name"] = row["name"] if row is not None else defined
            mention["kind"] = row["kind"] if row is not None else _kind_of_unknown(defined)
            mention["rule"] = mention["rule"] + ":defined-acronym"

    def _unknown_after_cues(self, doc: Doc, mentions: list[dict]) -> list[dict]:
        """Names no gazetteer knows, in source position: 'according to The Sahel Observer', 'reviewed by
        Meridian'.
        """
        covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
        acronyms: dict[str, str] | None = None  # read from the text only when an acronym is cited
        out = []
        for match in self.cue_lexicon.find(doc):
            start = match.end
            if start < len(doc) and doc[start].lower_ == "the":
                start += 1
            end = start
            while (
                end < len(doc)
                and end not in covered
                and end - start < 6
                and (
                    (doc[end].text[:1].isupper() and doc[end].is_alpha)
                    or (
                        doc[end].lower_ in _OUTLET_LINKS
                        and end > start
                        and end + 1 < len(doc)
                        and doc[end + 1].is_title
                    )  # "Diário de Notícias da Madeira"
                    or _name_hyphen(doc, start, end)  # "Indo-Pacific Defence Weekly"
                )
            ):
                end += 1
            if end == start or doc[end - 1].lower_ in _OUTLET_LINKS:
                continue
            if end < len(doc) and doc[end].text == "-":
                continue  # "according to ADS-B data": part of a hyphenated word
            if all(self.countries.lookup(t.text) or t.text in _PERSON_STOP_WORDS for t in doc[start:end]):
                continue  # "according to the Italian tracking site ItaMilRadar": a nationality, not a name
            cue = match.entry.payload["cue"]
            if cue in _TOLD_CUES and any(t.text in _AUDIENCES for t in doc[start:end]):
                continue  # "told the Senate": an audience, not an outlet
            name = doc[start:end].text
            if start > match.end:
                start -= 1  # keep "the" in the mention; "The" of "The Sahel Observer" is in the name too
                if doc[start].text == "The" and not doc[start].is_sent_start:
                    name = doc[start:end].text
            kind = _kind_of_unknown(name)
            if kind != "official" and cue in _TOLD_CUES:
                kind = "media"  # "told KXPN", "speaking to Canal Austral"
            one_word = " " not in name
            full = self.full_name_in_text(doc, name) if one_word else None
            person = next((m for m in mentions if full and m["name"] == full), None)
            if person is not None:
                # "according to Ferreyra", after "said Vicecomodoro Daniel Ferreyra": that person
                name, kind = full, person["kind"]
            elif one_word and name.isupper() and len(name) >= 3:
                # "told the NAHCON" after "National Hajj Commission of Nigeria (NAHCON)": what it stands for
                if acronyms is None:
                    acronyms = _acronyms(token_table(doc).text)
                if name in acronyms:
                    name = acronyms[name]
                    kind = _kind_of_unknown(name)
            out.append(_mention(doc[start:end], name, kind, "src.unknown_after_cue"))
            covered.update(range(start, end))
        return out

    def _unknown_before_speech(self, doc: Doc, mentions: list[dict]) -> list[dict]:
        """An organisation no gazetteer knows, speaking: "..., Azerbaijan Airlines said", "the press
        service of Azerbaijan Airlines (AZAL) said", "a spokesperson for Windward Air Cargo told Reuters".

        The name is a run of capitalised words (with "of", "for", "and" between them) right before the verb,
        after a comma, the start of the sentence or "of"/"for"; a run that is a place, a country or one word
        opening the sentence is not taken; a surname takes the person's full name, an acronym the name the
        text gives it."""
        covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
        covered |= {i for a in doc._.aircraft or [] for i in range(a["token_start"], a["token_end"])}
        acronyms: dict[str, str] | None = None  # read from the text only when an unknown name speaks
        out = []
        for i in range(1, len(doc)):
            if doc[i].lower_ not in _UNKNOWN_SPEECH_VERBS:
                continue
            end = i
            if doc[end - 1].text == ")" and end >= 4 and doc[end - 3].text == "(":
                end -= 3  # "Azerbaijan Airlines (AZAL) said"
            start = end
            while start > 0 and end - start < 6 and start - 1 not in covered:
                word = doc[start - 1]
                if (word.text[:1].isupper() and word.is_alpha) or (
                    word.lower_ in _NAME_LINKS and start < end and doc[start].text[:1].isupper()
                ):
                    start -= 1
                else:
                    break
            while start < end and doc[start].lower_ in _NAME_LINKS:
                start += 1
            if start == end or start in covered:
                continue
            if start > 1 and doc[start - 1].lower_ == "the" and end - start == 1 and doc[start].is_upper:
                if acronyms is None:
                    acronyms = _acronyms(token_table(doc).text)
                if doc[start].text in acronyms:
                    start -= 1  # ", the NDMA said": an acronym the text defines, with its article
            before = doc[start - 1] if start > 0 else None
            opening = before is None or doc[start].is_sent_start or before.text in {'"', "“", "\n"}
            if before is not None and before.lower_ in {"of", "for"}:
                if start < 2 or doc[start - 2].lower_ not in _SPEAKING_FOR:
                    continue  # "Residents of Kangerlussuaq said": who they are, not who speaks
            elif not (opening or before.text == "," or before.lower_ in {"and", "but"}):
                continue
            span = doc[start:end]
            if opening and len(span) == 1:
                continue  # "Officials said", "Moscow said": one word opening the sentence
            if (
                self.countries.lookup(span.text)
                or self.countries.lookup(span[-1].text)
                or fold(span.text) in big_towns()  # "Beijing said" is no source
                or all(self.countries.lookup(t.text) or t.text in _PERSON_STOP_WORDS for t in span)
            ):
                continue  # "Kyiv said", "Neighbouring Uzbekistan said", "the Russian said": a place speaking
            if any(t.lower_ in _CALENDAR_WORDS for t in span) or span[-1].text in _NOT_SPEAKERS:
                continue
            surname = (
                span.text
                if (len(span) == 1 and not span[0].is_upper)
                or (len(span) == 2 and span[0].lower_ in _SURNAME_PARTICLES)  # "Van Dijk said"
                else span[1].text if len(span) == 2 and span[0].text in _HONORIFICS  # "Mr Wani said"
                else None
            )
            person = next((m for m in mentions if surname and surname in m["name"].split()), None)
            full = self.full_name_in_text(doc, surname) if surname and person is None else None
            if person is not None or full is not None:
                # "Whitfield said": a person named in full elsewhere in the article
                name = person["name"] if person is not None else full
                kind = person["kind"] if person is not None else "official"
            elif len(span) > 2 and self.full_name_in_text(doc, span[-1].text):
                continue  # "Air Cdre Usman said": a titled person the person rules did not take
            else:
                name = span.text[4:] if span[0].lower_ == "the" and len(span) > 1 else span.text
                # "The SNMF said" after "National Fire Management Service (SNMF)"
                if acronyms is None:
                    acronyms = _acronyms(token_table(doc).text)
                name = acronyms.get(name, name)
                kind = _kind_of_unknown(name)
            out.append(_mention(span, name, kind, "src.unknown_before_speech"))
            covered.update(range(start, end))
        return out

    # -- resolution ------------------------------------------------------------------------------------------
    def _resolve(self, doc: Doc, mentions: list[dict]) -> list[dict]:
        """Anaphors and bare bodies take the name of what they refer to; generic tracking data takes a
        tracker's.
        """
        operators = [
            {
                **o,
                "kind": "official",
                "name": (_first_payload(self.lexicon, o["name"]) or o)["name"],
                "role": "operator",
            }
            for o in doc._.operators or []
        ]
        context_country = self._context_country(doc)
        resolved: list[dict] = []
        for mention in mentions:
            role = mention["role"]
            if role == "anaphor":
                antecedent = _antecedent(mention, resolved, operators, doc.text)
                if antecedent is None:
                    if mention.get("head"):
                        resolved.append({**mention, "role": None})  # "the official" with nothing before it
                        continue
                    fallback = None
                    if mention.get("office") and context_country is not None:
                        adjective = _country_adjective(context_country)
                        name = f"{adjective} {mention['office']}"
                        row = _first_payload(self.lexicon, name)
                        fallback = (row["name"] if row else name, "official")
                    elif {"ministry", "government"} & set(mention.get("refers_to") or []):
                        fallback = self._bare_body_name(mention["name"], context_country)
                    if fallback is None:
                        continue
                    mention = {**mention, "name": fallback[0], "kind": fallback[1]}
                else:
                    mention = {**mention, "name": antecedent["name"], "kind": antecedent["kind"]}
            elif role == "bare_body":
                local = self._sentence_country(doc, mention)
                if local is not None:
                    # "A South Korean C-130J ..., the defence ministry said": the country of the sentence's operators
                    fallback = self._bare_body_name(mention["body"], local)
                    if fallback is not None:
                        resolved.append({**mention, "role": None, "name": fallback[0], "kind": fallback[1]})
                        continue
                same = next(
                    (
                        m
                        for m in reversed(resolved)
                        if m.get("body") == mention["body"] and m["role"] != "bare_body"
                    ),
                    None,
                )
                same = same or next(
                    (m for m in reversed(resolved) if _same_body(mention["body"], m["name"])), None
                )
                if same is not None:
                    mention = {**mention, "name": same["name"], "kind": same["kind"], "role": None}
                else:
                    # "Iceland's government has welcomed ... the Ministry for Foreign Affairs said": the
                    # country of a body named just before, else the article's
                    fallback = self._bare_body_name(
                        mention["body"], self._neighbour_country(doc, mention, resolved)
                    ) or self._bare_body_name(mention["body"], context_country)
                    mention = {**mention, "role": None, **({"name": fallback[0]} if fallback else {})}
            elif mention["rule"] == "src.body" and re.fullmatch(r"\S+ [Mm]inistry", mention["name"]):
                # "The Spanish ministry denied ...": the Spanish ministry named before ("Spanish Ministry of Defence")
                adjective = mention["name"].split()[0]
                earlier = next(
                    (
                        m
                        for m in reversed(resolved)
                        if m["name"].startswith(adjective + " ") and "Ministry" in m["name"]
                    ),
                    None,
                )
                if earlier is not None:
                    mention = {**mention, "name": earlier["name"], "kind": earlier["kind"]}
            elif mention.get("definite"):
                earlier = next(
                    (
                        m
                        for m in reversed(resolved)
                        if mention["text"].split(" ", 1)[-1] in m["text"] and m is not mention
                    ),
                    None,
                )
                if earlier is not None:
                    mention = {**mention, "name": earlier["name"], "kind": earlier["kind"]}
            elif role == "person" and (mention.get("surname") or " " not in mention["name"]):
                surname = mention.get("surname") or mention["name"]
                earlier = next(
                    (
                        m
                        for m in reversed(resolved)
                        # "Javier Lozano Ríos" ... "Lozano said": any family name of the full name
                        if m["role"] == "person" and " " in m["name"] and surname in m["name"].split()[1:]
                    ),
                    None,
                ) or next(  # "Liu Hanwen" ... "Mr Liu": a family name written first
                    (
                        m
                        for m in reversed(resolved)
                        if m["role"] == "person" and " " in m["name"] and m["name"].split()[0] == surname
                        and mention.get("surname")
                    ),
                    None,
                )
                if earlier is not None:
                    mention = {**mention, "name": earlier["name"], "kind": earlier["kind"]}
                else:
                    # "Mark Ellery runs a guesthouse ... Mr Ellery said"; "minister Elena Fuentes ... Fuentes
                    # said"
                    full = self.full_name_in_text(doc, surname)
                    if full is not None:
                        mention = {**mention, "name": full}
            resolved.append(mention)
        for index, mention in enumerate(resolved):
            if mention.get("generic") and mention["kind"] == "flight_tracker" and "data" in mention["name"]:
                tracker = _tracker_near(doc, resolved, index)
                if tracker is not None:
                    resolved[index] = {**mention, "name": tracker["name"], "generic": False}
        for mention in resolved:
            mention.pop("definite", None)
            mention.pop("surname", None)
        return resolved

    def full_name_in_text(self, doc: Doc, surname: str) -> str | None:
        """The first "<Given> [<Given>] <surname>" of the article when a person is only named by the surname
        ("Mr Butt", "Fuentes said"): the given names are one or two capitalised words that are not a title,
        a country or a common capitalised word ("Muhammad Umar Butt"; "minister Elena Fuentes" gives
        "Elena")."""
        word = r"[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?"
        first, _, rest = surname.partition(" ")
        if rest and first.lower() in _SURNAME_PARTICLES:
            # "Van Dijk said" after "Marloes van Dijk": the particle is written either way
            written = rf"(?i:{re.escape(first)})\s+" + re.escape(rest)
        else:
            written = re.escape(surname)
        pattern = re.compile(rf"(?<![\w.])((?:{word}\s+)?{word})\s+({written})\b")
        text = token_table(doc).text
        for match in pattern.finditer(text):
            given = match.group(1).split()
            while given and not self._given_name(given[0]):
                given = given[1:]
            before = text[max(0, match.start() - 5) : match.start()].split()
            in_town = bool(before) and before[-1] in {"in", "at", "from"}
            if len(given) == 2 and in_town and fold(given[0]) in big_towns():
                given = given[1:]  # "spokesperson in Maputo Clara Mandlate": the town is not a given name
            if given and all(self._given_name(g) for g in given):
                return " ".join([*given, match.group(2)])
        return None

    def _given_name(self, word: str) -> bool:
        return not (
            word in _PERSON_STOP_WORDS
            or fold(word) in self.title_rows
            or self.countries.lookup(word)
            or self.lexicon.lookup(word)
        )

    def _neighbour_country(self, doc: Doc, mention: dict, resolved: list[dict]) -> dict | None:
        """The country of the latest official body named in the mention's sentence or the one before
        ("Iceland's government"), when its name starts with a country or its adjective."""
        sent = doc[mention["token_start"]].sent
        floor = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        headline = headline_end_of(token_table(doc).text)
        for earlier in reversed(resolved):
            if earlier["token_start"] < floor or doc[earlier["token_start"]].idx < headline:
                break  # not the headline ("Romanian and Polish military aircraft bring generators")
            if earlier["kind"] != "official" or earlier["token_start"] >= mention["token_start"]:
                continue
            words = earlier["name"].replace("'s ", " ").replace("’s ", " ").split()
            for cut in (2, 1):
                entries = self.countries.lookup(" ".join(words[:cut])) if len(words) > cut else None
                if entries:
                    return entries[0].payload
        return None

    def _sentence_country(self, doc: Doc, mention: dict) -> dict | None:
        """The one country of the operators named before the mention in its sentence ("A South Korean C-130J
        flew ..., the defence ministry said"), if they name exactly one; not those after it ("the Ministry of
        Defence denied that any Russian aircraft had landed": the other party)."""
        sent = doc[mention["token_start"]].sent
        codes = {
            o["country"]
            for o in doc._.operators or []
            if o.get("country") and sent.start <= o["token_start"] < mention["token_start"]
        }
        if len(codes) != 1:
            return None
        return _country_by_code().get(codes.pop())

    def _of_context_country(self, doc: Doc, match: Match) -> dict:
        """Of bodies sharing a name ("the Federal Ministry of Defence": Germany's or Austria's), the one of
        the dateline's country, else the one whose country the text names most."""
        rows = [e.payload for e in self.lexicon.lookup(token_table(doc).span_text(match.start, match.end))]
        if len({r["id"] for r in rows}) < 2:
            return match.entry.payload
        country = self._country_of_after(doc, match.end) or self._context_country(doc)
        if country is not None:
            words = [country["name"], country.get("demonym"), *country.get("demonyms", [])]
            return next((r for r in rows if r["name"].split()[0] in words), match.entry.payload)
        # no dateline: the body whose country the text names most often ("the Austrian Armed Forces")
        text = token_table(doc).text
        counts = [len(re.findall(rf"\b{re.escape(r['name'].split()[0])}\b", text)) for r in rows]
        return rows[counts.index(max(counts))]

    def _country_of_after(self, doc: Doc, end: int) -> dict | None:
        """'... of the Republic of Austria', '... of Lithuania' right after token ``end``: that country."""
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        k = _after_state_name(doc, end + 1)
        country = next(iter(self.countries.find(doc[k:].as_doc()[:6].as_doc())), None)
        return country.entry.payload if country is not None and country.start == 0 else None

    def _country_after(self, text: str, end: int) -> dict | None:
        """'Ministry of Defence, Singapore' heading a press release: the country after the issuer's comma."""
        match = _COMMA_COUNTRY.match(text, end)
        entries = self.countries.lookup(match.group(1)) if match else None
        return entries[0].payload if entries else None

    def _context_country(self, doc: Doc) -> dict | None:
        """The country a bare 'Ministry of Defence' belongs to: the dateline's, else the first operator's."""
        dateline = doc._.dateline or {}
        place = dateline.get("place") or ""
        for part in reversed([p.strip() for p in place.split(",") if p.strip()]):
            entries = self.countries.lookup(part.title()) or self.countries.lookup(part)
            if entries:
                return entries[0].payload
            code = _capital_or_city_country(part)
            if code:
                country = _country_by_code().get(code)
                if country:
                    return country
        byline = doc._.byline or {}
        if byline and _kind_of_unknown(byline.get("outlet") or "") == "media":
            # a newspaper's "the Ministry of Defence" is the country it reports on, not its operators'
            return None
        for operator in doc._.operators or []:
            code = operator.get("country")
            if code and code in _country_by_code():
                return _country_by_code()[code]
        return None

    def _bare_body_name(self, body: str, country: dict | None) -> tuple[str, str] | None:
        if country is None:
            return None
        if country.get("iso2") in _WORDS.get("department_countries", ()) and "minist" in body.lower():
            return None  # "Ministry of National Defence" is never the United States'
        if body.lower() == "government":
            for candidate in (f"{country['demonym']} government", f"Government of {country['name']}"):
                row = _first_payload(self.lexicon, candidate)
                if row is not None:
                    return row["name"], row["kind"]
            return f"{_country_adjective(country)} government", "official"
        body_name = _body_name_from_text(body)
        name, row = self._compose(country, body_name, body_name, False)
        return name, row["kind"] if row else "official"


# -- module data and helpers ---------------------------------------------------------------------------------
def _after_state_name(doc: Doc, i: int) -> int:
    """The token after "the Republic of the", "the Kingdom of" ... from ``i`` (``i`` itself when none)."""
    k = i + (i < len(doc) and doc[i].lower_ == "the")
    j = k
    while j < len(doc) and j - k < 2 and doc[j].lower_ in _STATE_WORDS:
        j += 1
    if j > k and j < len(doc) and doc[j].lower_ == "of":
        j += 1
        return j + (j < len(doc) and doc[j].lower_ == "the")
    return k


_STATE_WORDS = frozenset(
    {"republic", "kingdom", "federation", "state", "federal", "islamic", "democratic"}
)
_STATE_PREFIX = re.compile(r"^(?:Republic|Kingdom|Federation|State|Federal Republic) of (?:the )?")
_OF_COUNTRY = re.compile(
    r"(?P<body>.+?) of (?:the )?"
    r"(?P<country>(?:(?:Republic|Kingdom|Federation|State|Federal Republic) of (?:the )?)?"
    r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)$"
)  # the state's name kept: "Republic of Korea" is a country's name, "Korea" is not
_SOURCE_CUES = (
    "according to",
    "told",
    "speaking to",
    "spoke to",
    "spoken to",
    "talked to",
    "interview with",
    "reported by",
    "reviewed by",
    "compiled by",
    "kept by",
    "maintained by",
    "obtained by",
    "seen by",
    "cited by",
    "published by",
    "data from",
    "images from",
    "imagery from",
    "footage from",
    "analysis by",
    "confirmed to",
    "citing",
)
#: cues after which the outlet named is the one that received the information: with no other publisher found,
#: the article's own ("confirmed to Levant Defence Monitor", "reviewed by NK Aviation Watch")
_RECEIVING_CUES = frozenset(
    {("told",), ("speaking", "to"), ("spoke", "to"), ("spoken", "to"), ("talked", "to"),
     ("interview", "with"), ("reviewed", "by"), ("seen", "by"), ("obtained", "by"), ("confirmed", "to")}
)
_MEDIA_WORDS = _WORDS["media_words"]
_OFFICIAL_WORDS = _WORDS["official_words"]
_SOCIAL_WORDS = _WORDS["social_words"]
_PLATFORMS = _WORDS["platforms"]
_BODY_MODIFIERS = _WORDS["body_modifiers"]
_OFFICE_TITLES = _WORDS["office_titles"]
_HEADER_LINES = 5
#: last words of an organisation's name that may continue a body's ("Government Communication Service")
_ORG_FINAL = {"service", "agency", "directorate", "bureau", "administration", "office", "command", "centre",
              "center", "authority", "department", "secretariat", "council", "unit"}  # fmt: skip
#: capitalised words that never continue a body's name
_NOT_NAME_WORDS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                   "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December", "Telegram", "Twitter", "Facebook", "On", "In", "The", "A", "An"}  # fmt: skip
#: one-word issuers of a press release that stand for a body ("Defence media release": the defence department)
_BARE_ISSUERS = {
    "defence": "Department of Defence",
    "defense": "Department of Defense",
    # Canada's: "March 14, 2024 - Trenton, Ontario - National Defence / Canadian Armed Forces"
    "national defence": "Department of National Defence",
}
#: a publisher named by its generic body ("Ministry of National Defense") belongs to the article's country
_GENERIC_BODY_WORDS = {"ministry", "department", "secretariat", "office"}
_CREDIT_WINDOW = 400
_LOOSE_CREDIT = re.compile(r"\((?P<credit>[A-Za-z][A-Za-z.&' -]{0,30}[A-Za-z.])\)\s*(?:-{1,2}|–|—)\s")
_CLOSING_CREDIT = re.compile(
    r"^\s*(?:[-–—]+\s*|Source:\s*|\()?(?P<credit>[A-Z][A-Za-z.&' -]{0,30}[A-Za-z.])\)?\s*$"
)
_BODY_TAILS = _WORDS["body_tails"]
_IN_HEADS = _WORDS["in_heads"]


#: "The Northern Ledger has learnt", "The Austral Courier can reveal": a medium names itself as the finder
_SELF_NAMING = (("has", "learnt"), ("has", "learned"), ("can", "reveal"), ("understands",))


def _unknown_self_naming(doc: Doc, mentions: list[dict]) -> list[dict]:
    """An unknown outlet's name (a media word in it) right before "has learnt" / "can reveal"."""
    covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
    lowers = token_table(doc).lowers
    out = []
    for i in range(1, len(doc)):
        if not any(tuple(lowers[i : i + len(words)]) == words for words in _SELF_NAMING):
            continue
        start = i
        while start > 0 and i - start < 5 and start - 1 not in covered and doc[start - 1].is_title:
            start -= 1
        if start == i or start in covered:
            continue
        name = doc[start:i].text
        if _kind_of_unknown(name) != "media":
            continue  # "Russia understands": no outlet
        out.append(_mention(doc[start:i], name, "media", "src.unknown_self_naming"))
        covered.update(range(start, i))
    return out


#: the last word of a newspaper's name: "Khmer Times", "Nunavut Ledger", "Fiji Sun" is too short to tell
_MASTHEAD_WORDS = _WORDS["masthead_words"]


#: an office that speaks for the body named before it with a possessive ("the Northern Fleet's press service")
_OFFICES = (("press", "service"), ("press", "office"), ("media", "office"), ("information", "office"),
            ("public", "affairs", "office"), ("press", "centre"), ("press", "center"),
            ("office",))  # fmt: skip


#: particles that open a surname: "Marloes van Dijk" is "Van Dijk" at the start of a sentence
_SURNAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "ter", "al", "el"}
)
_UNKNOWN_RULES = frozenset({"src.unknown_after_cue", "src.unknown_before_speech"})


def _short_names(mentions: list[dict]) -> list[dict]:
    """'told the Herald' after 'The Moray Firth Herald' (or after a byline's 'Moray Firth Herald staff'),
    'the Chronicle' beside 'Kano Chronicle': one word no gazetteer knows that is the masthead word or the
    first word of exactly one longer outlet name of the article is that outlet."""
    longer: dict[str, set[str]] = {}
    for mention in mentions:
        if mention["kind"] not in ("media", "other", "anonymous"):
            continue
        words = mention["name"].split()
        if words and words[0] == "The":
            words = words[1:]
        if words and words[-1] == "staff" and mention["kind"] == "anonymous":
            words = words[:-1]  # a byline's "Moray Firth Herald staff": the paper's own people
            if not words or words[-1] not in _MASTHEAD_WORDS:
                continue
        elif mention["kind"] == "anonymous":
            continue
        if len(words) < 2:
            continue
        full = " ".join(words)
        if words[-1] in _MASTHEAD_WORDS:
            longer.setdefault(words[-1], set()).add(full)
        if words[0][:1].isupper() and len(words[0]) >= 4:
            longer.setdefault(words[0], set()).add(full)
    out = []
    for mention in mentions:
        names = longer.get(mention["name"], set())
        if mention["rule"] in _UNKNOWN_RULES and " " not in mention["name"] and len(names) == 1:
            mention = {**mention, "name": next(iter(names)), "kind": "media", "rule": "src.short_name"}
        out.append(mention)
    return out


def _offices_of_bodies(doc: Doc, mentions: list[dict]) -> list[dict]:
    """'the Northern Fleet's press service told TASS', 'according to the Governor's office': the office of a
    body is named with it ("Northern Fleet press service"); a bare "press service" mention inside it goes."""
    lowers = token_table(doc).lowers
    absorbed: set[int] = set()
    out = []
    for mention in mentions:
        end = mention["token_end"]
        if (
            mention["kind"] in ("official", "other")
            and not mention["rule"].startswith(("title.", "src.person"))
            and end + 1 < len(doc)
            and lowers[end] in {"'s", "’s"}
        ):
            office = next((o for o in _OFFICES if tuple(lowers[end + 1 : end + 1 + len(o)]) == o), None)
            if office is not None:
                stop = end + 1 + len(office)
                span = doc[mention["token_start"] : stop]
                name = f"{mention['name']} {' '.join(office)}"
                mention = {**mention, **span_fields(span), "name": name, "kind": "official", "role": None}
                absorbed.update(range(end + 1, stop))
        out.append(mention)
    return [m for m in out if m["token_start"] not in absorbed]


def _members_of_bodies(doc: Doc, mentions: list[dict]) -> list[dict]:
    """'a State Department official', 'a Baykar official', 'Antonov Airlines executives': a body's member
    named by the body and a descriptor head is one anonymous source ("State Department official"), not the
    body and a bare "official" (a body's spokesperson speaks for the body and stays apart)."""
    by_start = {m["token_start"]: m for m in mentions if m["kind"] == "anonymous" and m.get("head")}
    joined: list[tuple[dict, dict]] = []
    for body in mentions:
        member = by_start.get(body["token_end"])
        if (
            member is None
            or body["kind"] not in ("official", "other")
            or body["rule"].startswith(("title.", "src.person", "ana.", "gen."))
            or body.get("role") is not None
            or member["head"] in _SPOKES_HEADS
            or member["text"].split()[0][:1].isupper()
        ):
            continue
        joined.append((body, member))
    if not joined:
        return mentions
    gone = {id(m) for pair in joined for m in pair}
    out = [m for m in mentions if id(m) not in gone]
    for body, member in joined:
        start = body["token_start"]
        while start > 0 and (
            doc[start - 1].lower_ in {"a", "an"} or parse_number(doc[start - 1].text) is not None
        ):
            start -= 1  # "a Baykar official", "two State Department officials": the descriptor's determiner
        span = doc[start : member["token_end"]]
        name = f"{body['text']} {member['name']}"  # as written: "Greek defence ministry official"
        out.append({**member, **span_fields(span), "name": name, "role": None})
    return out


_SPOKES_HEADS = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "press officer"})


def _masthead_names(doc: Doc, allowed: list[bool]) -> list[dict]:
    """A newspaper no gazetteer knows, by its masthead word: "Khmer Times, citing a defence ministry
    spokesman, reports"; two to five capitalised words ending in "Times", "Ledger", "Gazette"..."""
    table = token_table(doc)
    out = []
    for end in range(2, len(doc) + 1):
        last = end - 1
        if not (allowed[last] and table.texts[last] in _MASTHEAD_WORDS):
            continue
        start = last
        while start > 0 and last - start < 4 and allowed[start - 1] and table.capital[start - 1] and (
            table.alpha[start - 1] and table.texts[start - 1] not in _NOT_NAME_WORDS
        ):
            start -= 1
        if start == last or (end < len(doc) and table.capital[end] and table.alpha[end]):
            continue  # "Times" alone; "the Post Office": a longer name goes on
        if (
            end + 1 < len(doc)
            and table.lowers[end] == "of"
            and table.capital[end + 1]
            and table.alpha[end + 1]
            and allowed[end + 1]
        ):
            end += 2  # "the Alaska Journal of Commerce"
        # "the Daily Courier"; "The Sahel Observer" keeps its capitalised article in the name, as the cue rule
        span_start = start - 1 if start > 0 and table.lowers[start - 1] == "the" else start
        capital_the = table.texts[span_start] == "The" and not doc[span_start].is_sent_start
        name_start = span_start if capital_the else start
        out.append(_mention(doc[span_start:end], doc[name_start:end].text, "media", "src.masthead"))
        _block(allowed, span_start, end)
    return out


#: words after which "of"/"for" names the body that speaks: "the press service of Azerbaijan Airlines said"
_SPEAKING_FOR = frozenset(
    {"service", "office", "spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative",
     "representatives", "statement", "director", "head", "chief", "staff", "team", "department", "unit",
     "officials", "official", "management", "centre", "center", "desk", "secretary", "minister"}
)  # fmt: skip
#: heads whose "of" complement is where they live ("residents of Kangerlussuaq")
_DWELLERS = frozenset({"residents", "resident", "inhabitants", "villagers", "people"})
#: heads whose "of" complement is where they work ("an employee of the Cap-Haïtien airport")
_WORKERS = frozenset({"employee", "employees", "worker", "workers", "staffer", "staffers"})
#: lower-case words between a place's name and its noun ("the Cortissoz cargo terminal")
_PLACE_MODIFIERS = _BODY_MODIFIERS | {"cargo", "passenger", "air", "freight", "security", "intelligence"}
#: verbs after which an unknown capitalised name is the speaker ("Azerbaijan Airlines said")
_UNKNOWN_SPEECH_VERBS = frozenset({"said", "says", "told", "confirmed", "announced", "stated", "added"})
_NAME_LINKS = frozenset({"of", "for", "and", "&", "de", "del", "du", "des", "la", "le"})
#: the links inside an unknown outlet's name, with the Romance ones ("Diário de Notícias da Madeira", "El
#: Heraldo de Cochabamba")
_OUTLET_LINKS = _NAME_LINKS | {"da", "do", "dos", "das", "di", "della"}
_NOT_SPEAKERS = _PERSON_STOP_WORDS | {"Defence", "Defense"}  # "the Ministry of Defence said": its tail


#: acronyms of a ministry after the country's name ("Saudi MFA posted photos", "Egypt's MoFA")
_OFFICE_ACRONYMS = {
    "MFA": "Ministry of Foreign Affairs", "MoFA": "Ministry of Foreign Affairs",
    "MOFA": "Ministry of Foreign Affairs", "MoD": "Ministry of Defence", "MOD": "Ministry of Defence",
}  # fmt: skip


def expanded_office_acronym(name: str) -> str | None:
    """'Saudi MFA' -> 'Saudi Ministry of Foreign Affairs', the name the body goes by elsewhere; None when the
    name does not end with such an acronym after the country's name."""
    words = name.split()
    if len(words) >= 2 and words[-1] in _OFFICE_ACRONYMS:
        return " ".join([*words[:-1], _OFFICE_ACRONYMS[words[-1]]])
    return None


def _expand_office_acronyms(mentions: list[dict]) -> None:
    for mention in mentions:
        expanded = expanded_office_acronym(mention.get("name") or "")
        if expanded is not None:
            mention["name"], mention["kind"] = expanded, "official"


def _received(doc: Doc, start: int) -> bool:
    """A receiving cue ("told", "confirmed to", "reviewed by") right before token ``start`` (or its "the")."""
    words = tuple(t.lower_ for t in doc[max(0, start - 2) : start])
    return words[-1:] in _RECEIVING_CUES or words in _RECEIVING_CUES


def _told_outlet_publishes(doc: Doc, mentions: list[dict]) -> None:
    """With no publisher found, an outlet no gazetteer knows that was told something ("Korean officials told
    Indo-Pacific Defence Weekly", "confirmed to Levant Defence Monitor", "reviewed by NK Aviation Watch") or
    names itself ("Gazeta Podkarpacka has learned") is the article's own: its mentions take the role
    "publisher"."""
    if any(m.get("role") == "publisher" for m in mentions):
        return
    told = next(
        (
            m for m in mentions
            if m["rule"] == "src.unknown_self_naming"
            or m["rule"] == "src.unknown_after_cue"
            and m["kind"] != "official"
            and _received(doc, m["token_start"])
        ),
        None,
    )  # fmt: skip
    if told is None:
        return
    for mention in mentions:
        if mention["name"] == told["name"]:
            mention["role"] = "publisher"


def _name_hyphen(doc: Doc, start: int, i: int) -> bool:
    """Token ``i`` is a hyphen joining two capitalised words of a name ("Indo-Pacific"), not a code's
    ("ADS-B")."""
    return (
        doc[i].text == "-"
        and start < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_title
        and len(doc[i + 1]) >= 3
    )


_ACRONYM_DEFINED = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+)(?:(?:[A-Z][\w'’.-]*|of|for|and|the|de|del|du|des|la|le|on|in|at)\s+){0,8})"
    r"\(([A-Z][A-Za-z]{1,9})\)"
)


def _acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines: "the National Fire Management Service (SNMF)" -> {"SNMF": "National Fire
    Management Service"}."""
    out: dict[str, str] = {}
    for match in _ACRONYM_DEFINED.finditer(text):
        words = match.group(1).split("\n\n")[-1].split()  # a name does not run over a paragraph break
        for k in range(len(words) - 1, -1, -1):
            sentence_end = words[k].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", words[k])
            if sentence_end or words[k].endswith(("'s", "’s")):
                words = words[k + 1 :]  # "... in Chile. Chile's National Disaster ...": this sentence's name
                break
        while words and (words[-1] in _NAME_LINKS or words[-1] == "on"):
            words.pop()
        while words and (words[0] in {"The", "the"} or words[0].lower() in _NAME_LINKS):
            words.pop(0)
        words = _initials_tail(words, match.group(2))
        if len(words) >= 2:
            out.setdefault(match.group(2), " ".join(words))
    return out


def _spells(words: list[str], acronym: str) -> bool:
    """Whether the initials of the last words spell the acronym, in any order: "Philippine Air Force" spells
    "PAF", "Argentine Air Force" spells "FAA" (Fuerza Aérea Argentina); "Jakarta" does not spell "ANTARA"."""
    return any(_same_letters(_initials(words[k:]), acronym) for k in range(len(words)))


#: small words an acronym leaves out ("Ministry of Defence" is "MoD")
_NOT_INITIALS = _NAME_LINKS | {"the", "on", "in", "at"}


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in _NOT_INITIALS)


def _same_letters(initials: str, acronym: str) -> bool:
    return sorted(initials) == sorted(acronym.upper())


def _initials_tail(words: list[str], acronym: str) -> list[str]:
    """The last words whose initials spell the acronym, in any order: "A C-130H Hercules of the Philippine
    Air Force (PAF)" -> "Philippine Air Force", "The Argentine Air Force (FAA)" -> "Argentine Air Force";
    all the words when none do (an acronym of a name in another language)."""
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() not in _NOT_INITIALS and _same_letters(_initials(words[k:]), acronym):
            while k > 0 and words[k - 1][:1].isupper() and words[k - 1].isalpha():
                k -= 1  # "Pacific Islands Forum Fisheries Agency (FFA)": the whole capitalised name
            return words[k:]
    return words


def _kind_of_unknown(name: str) -> str:
    if name.startswith("@"):
        return "social_media"  # "Thread by @LajesWatch": an account
    words = {w.lower() for w in name.split()}
    if words & _MEDIA_WORDS:
        return "media"
    if words & _OFFICIAL_WORDS:
        return "official"
    if words & _SOCIAL_WORDS:
        return "social_media"
    return "other"


def _without_headquarters(name: str) -> str:
    """'Headquarters Nigerian Air Force' heading a press release is the Nigerian Air Force."""
    words = name.split()
    if len(words) >= 3 and words[0] in {"Headquarters", "HQ"}:
        return " ".join(words[1:])
    return name


_COMMA_COUNTRY = re.compile(r",[ \t]*([A-Z][\w'’. -]{2,40}?)[ \t]*(?:\n|$)")
_PLACED = frozenset({"gathered", "based", "stationed", "posted", "waiting", "camped", "standing", "living"})
_BODY_NOUNS = frozenset({"ministry", "embassy", "office", "headquarters", "command", "department", "agency"})


def _block(allowed: list[bool], start: int, end: int) -> None:
    for i in range(start, end):
        allowed[i] = False


def _mention(span: Span, name: str, kind: str, rule: str, *, role: str | None = None) -> dict:
    return {**span_fields(span), "name": name, "kind": kind, "rule": rule, "role": role}


def _drop_nested(mentions: list[dict]) -> list[dict]:
    """A name inside a descriptor belongs to it: 'the Kremlin' in 'a source with ties to the Kremlin'."""
    ordered = sorted(mentions, key=lambda m: (m["token_start"], -m["token_end"]))
    out = []
    reach_end, reach_len = -1, 0  # the furthest-reaching mention so far and its length
    for mention in ordered:
        length = mention["token_end"] - mention["token_start"]
        if mention["token_end"] <= reach_end and reach_len > length:
            continue
        out.append(mention)
        if mention["token_end"] > reach_end:
            reach_end, reach_len = mention["token_end"], length
    return out


def _drop_appositions(doc: Doc, mentions: list[dict]) -> list[dict]:
    """'said Hanna Lindqvist, an analyst at ...': a descriptor after a named person describes that person."""
    person_ends = {m["token_end"] for m in mentions if m["role"] == "person"}
    return [
        m
        for m in mentions
        if not (
            str(m["rule"]).startswith("anon.")
            and m["token_start"] >= 2
            and doc[m["token_start"] - 1].text == ","
            and m["token_start"] - 1 in person_ends
        )
    ]


_SPOKES_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokespersons"})


def _named_spokespeople(doc: Doc, mentions: list[dict]) -> list[dict]:
    """'Foreign ministry spokeswoman Maria Zakharova', "Qatar's foreign ministry spokesman, Khalid Al-Marri,":
    the spokesperson named right after the body is the source, not the body as well."""
    persons = {m["token_start"]: m for m in mentions if m.get("role") == "person"}
    dropped: list[dict] = []
    for m in mentions:
        if m.get("role") == "person" or m["kind"] != "official":
            continue
        end = m["token_end"]
        title = persons.get(end) or persons.get(end - 1)  # the body's span may end with the person's title
        if title is not None and doc[title["token_start"]].lower_ in _SPOKES_WORDS:
            dropped.append(m)  # "Foreign ministry" + "spokeswoman Maria Zakharova"
        elif doc[end - 1].lower_ in _SPOKES_WORDS and end < len(doc) and doc[end].text == ",":
            person = persons.get(end + 1)
            if person is not None:
                person["kind"] = "official"
                dropped.append(m)  # "foreign ministry spokesman" + ", Khalid Al-Marri,"
    return [m for m in mentions if all(m is not d for d in dropped)]


_SOCIAL_HEAD_RULES = frozenset({"social.account", "social.channel"})


def _named_social_heads(doc: Doc, mentions: list[dict]) -> list[dict]:
    """'the X account @IndoPacTracker', 'A pro-Russian Telegram channel, Sahel Front Dispatch,': the account
    is the name that follows its description, a social-media source."""
    by_start = {m["token_start"]: m for m in mentions}
    dropped: list[dict] = []
    for m in mentions:
        if m["rule"] not in _SOCIAL_HEAD_RULES:
            continue
        end = m["token_end"]
        if end < len(doc) and doc[end].text == ",":
            end += 1
        named = by_start.get(end)
        if named is None or not str(named["rule"]).startswith("src.") or named.get("role") == "publisher":
            continue
        named["kind"] = "social_media"
        dropped.append(m)
    return [m for m in mentions if all(m is not d for d in dropped)]


def _first_payload(lexicon: Lexicon, text: str) -> dict | None:
    entries = lexicon.lookup(text)
    return entries[0].payload if entries else None


def _covered(doc: Doc, mentions: list[dict]) -> set[int]:
    return {i for m in mentions for i in range(m["token_start"], m["token_end"])}


def _names_a_facility(doc: Doc, end: int) -> bool:
    """The words after a name make it an airport's or a base's ("Copernicus Airport", "Maxar Air Base")."""
    if end >= len(doc):
        return False
    following = doc[end].lower_
    if following in {"airport", "airfield", "aerodrome", "airbase"}:
        return True
    return following == "air" and end + 1 < len(doc) and doc[end + 1].lower_ in {"base", "station"}


def _outlet_name_end(doc: Doc, start: int, allowed: list[bool], quoted: bool) -> int | None:
    """The end of an outlet's name from ``start``: one to four tokens, each capitalised, a number or
    a mixed-case word ("iDNES.cz"), with "&" and particles inside; None when there is no name."""
    end = start
    while end < len(doc) and end - start < 5 and allowed[end]:
        token = doc[end]
        text = token.text
        if (
            text[:1].isupper()
            or (text[:1].isdigit() and end > start)
            or (text[:1].islower() and any(c.isupper() for c in text[1:]))
            or (end == start and _DOMAIN.fullmatch(text))
        ):
            end += 1
        elif (text == "&" or token.lower_ in _NAME_PARTICLES) and end > start and end + 1 < len(doc) and (
            doc[end + 1].text[:1].isupper()
        ):
            end += 1
        else:
            break
    if end == start:
        return None
    if quoted and not (end < len(doc) and doc[end].text in _CLOSE_QUOTES):
        return None
    return end


#: capitalised words no person's name holds but an account's may, after its first word ("Africa Air Watch")
#: a two-word name ending in a landform is a place ("Union Glacier"), not an organisation
_LANDFORMS = frozenset({
    "glacier", "island", "islands", "bay", "valley", "mountains", "mountain", "river", "lake", "strait",
    "peninsula", "coast", "hills", "plateau", "desert", "sound", "fjord", "ice shelf", "shelf",
})  # fmt: skip
_ORG_WORDS_IN_NAMES = frozenset({"Air", "Airport", "Army", "Base", "Force", "Navy"})


def _middle_initial(doc: Doc, j: int) -> bool:
    """'Aaron T. Whitcombe', 'N. Duta': an initial with its full stop, before a name word."""
    text = doc[j].text
    following = j + 1 < len(doc) and _name_token(doc[j + 1])
    return len(text) == 2 and text[0].isupper() and text[1] == "." and following


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen with no space either side ("Al-Marri", "Ojo-Akande")."""
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_



def _name_after(doc: Doc, i: int) -> bool:
    """A one-word account name right after ``i`` ("NorCalTankerWatch", "LevantSkies"): capitalised, with a
    second capital or a digit inside it, not a common word."""
    if i >= len(doc):
        return False
    word = doc[i].text
    return (
        word[:1].isupper()
        and len(word) >= 4
        and word.isalnum()
        and any(ch.isupper() or ch.isdigit() for ch in word[1:])
    )

def _account_name_after(doc: Doc, i: int) -> bool:
    """A name of two or three capitalised words right after ``i`` that ends like an account's ("Gulf Mil
    Watch", "Sahel Air Tracker")."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].is_alpha and doc[j].text[:1].isupper():
        j += 1
    return j - i >= 2 and fold(doc[j - 1].text) in _SOCIAL_WORDS


def _name_token(token) -> bool:
    text = token.text
    return (
        token.is_alpha and text[:1].isupper() and not text.isupper() and text not in _PERSON_STOP_WORDS
    ) or token.lower_ in _NAME_PARTICLES


def _family_name_end(doc: Doc, i: int, persons: list[dict]) -> int | None:
    """The end of a family name at token ``i`` of a person named in full before ("Talavera", "Al-Harbi")."""
    if _family_name_of(doc, i, persons):
        return i + 1
    if (
        i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_alpha
        and doc[i].text[:1].isupper()
    ):
        hyphenated = doc[i : i + 3].text
        if any(
            m.get("role") == "person" and hyphenated in m["name"].split()[1:] and m["end"] <= doc[i].idx
            for m in persons
        ):
            return i + 3
    return None


def _family_name_of(doc: Doc, i: int, persons: list[dict]) -> bool:
    """Token ``i`` is a capitalised family name of a person named in full before."""
    if i >= len(doc) or not (doc[i].is_alpha and doc[i].text[:1].isupper()):
        return False
    return any(
        m.get("role") == "person" and doc[i].text in m["name"].split()[1:] and m["end"] <= doc[i].idx
        for m in persons
    )


def _person_name_end(doc: Doc, start: int, allowed: list[bool], org_heads: set[str]) -> int | None:
    """The end of a person's name from ``start`` (2-4 capitalised tokens, particles allowed) or None."""
    j = start
    while j < len(doc) and j - start < 4 and allowed[j] and (_name_token(doc[j]) or _middle_initial(doc, j)):
        j += 1
        if (
            j + 1 < len(doc)
            and doc[j].text == "-"
            and not doc[j - 1].whitespace_
            and not doc[j].whitespace_
            and doc[j + 1].is_alpha
            and allowed[j]
            and allowed[j + 1]
        ):
            j += 2  # "Lee Sung-jun", "Kim Jong-un": a hyphenated given name is one name
    if (
        j - start >= 2
        and j < len(doc)
        and doc[j].text == "An"
        and allowed[j]
        and (j + 1 == len(doc) or doc[j + 1].text in {",", ".", ";"})
    ):
        j += 1  # "said Nguyen Van An, a spokesman": a Vietnamese given name, not the article
    while j > start and doc[j - 1].lower_ in _NAME_PARTICLES:
        j -= 1
    if j == start or doc[start].lower_ in _NAME_PARTICLES:
        return None
    if not _name_end_ok(doc, start, j, org_heads):
        return None
    return j


def _name_end_ok(doc: Doc, start: int, end: int, org_heads: set[str]) -> bool:
    if any(t.text in org_heads for t in doc[start:end]):
        return False
    if any(_country_lexicon().lookup(t.text) for t in doc[start:end]) or _city_countries().get(
        fold(doc[start:end].text)
    ):
        return False  # "said Saudi Arabia", "said New Delhi": a place, not a person
    return not (
        end < len(doc)
        and doc[end].lower_ in {"of", "for"}
        and end + 1 < len(doc)
        and doc[end + 1].text[:1].isupper()
    )


def _chunk_text(text: str, alpha: bool) -> bool:
    if alpha and text[:1].isupper():
        return True
    if text in {"U.S.", "U.K.", "U.N."}:
        return True
    return bool(text[:1].isdigit() and text.lower().endswith(("st", "nd", "rd", "th")))


#: days and months ("spotters on Monday" is no place), from the time tagger's lexicon
_CALENDAR_WORDS = frozenset(load_lexicon().months) | frozenset(load_lexicon().weekdays)


def _island_after(doc: Doc, i: int) -> bool:
    """'spotters on Terceira', 'officials on Guam': 'on' before a capitalised name that is not a platform
    ("on Telegram") or a day ("on Monday")."""
    return (
        i < len(doc)
        and doc[i].is_alpha
        and doc[i].text[:1].isupper()
        and fold(doc[i].text) not in _PLATFORMS
        and doc[i].lower_ not in _CALENDAR_WORDS
    )


#: "a Cypriot news website", "an Israeli newspaper", "a Moscow business daily", "a Miami-based digital
#: outlet": an unnamed outlet told by where it is from or what it is (a name right after it names it instead)
_MEDIA_DESCRIPTOR = re.compile(
    r"\b[Aa]n?\s+(?P<name>(?:(?:[A-Z][\w'’-]*|local|regional|national|provincial|state-run|state-owned"
    r"|pro-[\w-]+|online|business|independent|opposition|private|digital|[\w-]+-based|[\w-]+-language)\s+)"
    r"{1,3}(?:newspaper|news\s+site|news\s+website|website|news\s+outlet|outlet|news\s+channel|news\s+portal"
    r"|daily|broadcaster|tabloid|TV\s+channel|television\s+channel|radio\s+station|weekly))\b(?!\s+[A-Z\"“])"
)


def _media_descriptors(doc: Doc, allowed: list[bool]) -> list[dict]:
    """Unnamed outlets told by a descriptor: 'denied a report by a Cypriot news website that ...'."""
    out = []
    for match in _MEDIA_DESCRIPTOR.finditer(token_table(doc).text):
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if span is None or not all(allowed[i] for i in range(span.start, span.end)):
            continue
        # generic: it is cited, not the medium that reports what others told it
        out.append({**_mention(span, span.text, "media", "src.media_descriptor"), "generic": True})
        _block(allowed, span.start, span.end)
    return out


def _descriptor_name(doc: Doc, first: int, end: int) -> str:
    """The descriptor's words as written, hyphenated compounds joined ('pro-Kremlin Telegram channel')."""
    return doc[first:end].text


#: last words of a ministry's two-word portfolio ("Emergency Situations", "Home Affairs", "Water Resources")
_TWO_WORD_TOPICS = frozenset({"affairs", "situations", "resources", "relations", "services", "development"})


def _body_name(modifiers: list[str], head: str, complement: list[str], head_row: dict) -> str:
    """'Defence' + 'Ministry' -> 'Ministry of Defence'; 'Foreign' + 'Ministry' -> 'Foreign Ministry'."""
    canonical_head = head_row.get("canonical") or head.title()
    if " " in head and head.lower() != "armed forces":
        canonical_head = head  # "military intelligence"
    if head.lower() == "armed forces":
        canonical_head = "Armed Forces"
    if complement:
        return " ".join([*modifiers, canonical_head, "of", *complement]).strip()
    if canonical_head == "Ministry" and len(modifiers) >= 2 and modifiers[-2].lower() == "national":
        # "National Defence Ministry" -> "Ministry of National Defence"
        topic = " ".join(m[:1].upper() + m[1:] for m in modifiers[-2:])
        return " ".join([*modifiers[:-2], "Ministry of", topic]).strip()
    if canonical_head == "Ministry" and len(modifiers) >= 2 and modifiers[-1].lower() in _TWO_WORD_TOPICS:
        # "External Affairs Ministry" -> "Ministry of External Affairs", "Emergency Situations Ministry" ->
        # "Ministry of Emergency Situations"
        topic = " ".join(m[:1].upper() + m[1:] for m in modifiers[-2:])
        return " ".join([*modifiers[:-2], "Ministry of", topic]).strip()
    if (
        canonical_head == "Ministry"
        and modifiers
        and modifiers[-1].lower() not in {"foreign", "federal", "national"}
    ):
        topic = modifiers[-1]
        return " ".join([*modifiers[:-1], "Ministry of", topic[:1].upper() + topic[1:]]).strip()
    return " ".join([*(m[:1].upper() + m[1:] for m in modifiers), canonical_head]).strip()


def _body_name_from_text(text: str) -> str:
    words = [w for w in text.split() if w.lower() not in {"the", "a", "an"}]
    if len(words) >= 2 and words[-1].lower() == "ministry":
        topic = words[-2]
        if topic.lower() == "foreign":
            return "Foreign Ministry"
        return "Ministry of " + topic[:1].upper() + topic[1:]
    if words and words[-1].lower() == "ministry":
        return "Ministry of Defence"
    return " ".join(
        w[:1].upper() + w[1:] if w.lower() not in {"of", "for", "and", "the"} else w for w in words
    )


def _raw_body(text: str, country: dict) -> str:
    words = text.split()
    return " ".join(words[1:]).replace("'s ", "").replace("’s ", "").strip()


def _same_body(body: str, name: str) -> bool:
    """'Ministry of Defence' = 'Russian Ministry of Defence' = 'Russian Defence Ministry': the same body."""
    b = fold(body)
    n = fold(name)
    if b and b in n:
        return True
    if body.lower().startswith("ministry of "):
        topic = fold(body[len("ministry of ") :])
        return n.endswith(topic + "ministry") or ("ministryof" + topic) in n
    return False


def _country_adjective(country: dict) -> str:
    """The adjective an annotator would write: 'Iraqi', 'Polish', 'Dutch', but 'Kosovo', 'Cyprus', 'Burkina
    Faso'.
    """
    demonym = country["demonym"]
    if demonym.endswith(("ar", "ot", "be", "bè", "que")) and demonym not in {"U.S.", "UK", "US"}:
        return country["name"]  # "Kosovar", "Cypriot", "Burkinabe": the press writes the country's name
    return demonym


#: "spokesperson for the", "spokesman for the Bundeswehr's": what comes between a spokesperson and their body
_OF_THE_BODY = r"\w*\s+(?:for|of|at)\s+(?:the\s+)?(?:\S+(?:'s|’s)\s+)?$"


def _antecedent(mention: dict, resolved: list[dict], operators: list[dict], text: str = "") -> dict | None:
    words = [w.lower() for w in mention.get("refers_to") or []]
    kinds = set(mention.get("refers_kind") or [])
    head = mention.get("head")
    with_operators = bool(words) and not kinds
    pool = sorted(
        [m for m in resolved if m["role"] not in {"publisher"}]
        + ([o for o in operators if o["end"] <= mention["start"]] if with_operators else []),
        key=lambda m: m["start"],
    )
    for candidate in reversed(pool):
        if candidate["start"] >= mention["start"]:
            continue
        if head:
            # "the official" / "one of the officials" / "the security official": the descriptor named before
            if candidate.get("head") == head and candidate["role"] != "anaphor":
                extra = [
                    t
                    for t in mention["text"].lower().split()
                    if t not in {"the", "one", "of", head, head + "s"}
                ]
                if all(w in candidate["name"].lower() for w in extra):
                    return candidate
            if (
                words
                and any(w in candidate["name"].lower() for w in words)
                and candidate["kind"] == "official"
            ):
                return candidate
            continue
        name = candidate["name"].lower()
        texts = [t.lower() for t in mention.get("refers_text") or []]
        if texts:
            # "a spokesperson for the Indian High Commission ... the spokesperson said": the words just before
            # the body tell whose spokesperson it is
            before = text[max(0, candidate["start"] - 48) : candidate["start"]].lower()
            possessor = text[candidate["end"] : candidate["end"] + 2] in ("'s", "’s")
            after = text[candidate["end"] : candidate["end"] + 24].lower()
            if candidate["role"] != "person" and any(
                t in candidate["text"].lower()
                or after.startswith(" " + t)  # "an Air Mobility Command spokesperson said"
                or not possessor
                and re.search(re.escape(t) + _OF_THE_BODY, before)
                for t in texts
            ):
                return candidate
            continue
        if candidate["role"] == "person":
            continue
        if words and any(w in name or w in candidate["text"].lower() for w in words):
            return candidate
        if (
            kinds
            and candidate["kind"] in kinds
            and not candidate.get("generic")
            and candidate.get("head") is None
        ):
            return candidate
    return None


def _named_source_after(doc: Doc, end: int, named: list[dict], kind: str) -> bool:
    """A named source of ``kind`` right after 'from' / 'by' within a few tokens of a generic mention."""
    for j in range(end, min(len(doc), end + 7)):
        if doc[j].text in {",", ".", ";", ":"}:
            return False
        if doc[j].lower_ in {"from", "by", "against", "of", "on"}:
            nxt = next((m for m in named if m["token_start"] in (j + 1, j + 2)), None)
            if nxt is not None and nxt["kind"] == kind:
                return True
    return False


def _tracker_near(doc: Doc, mentions: list[dict], index: int) -> dict | None:
    """The named tracker in the sentence after a generic 'flight-tracking data', else the last one before."""
    mention = mentions[index]
    here = doc[mention["token_start"]].sent
    following = doc[here.end].sent if here.end < len(doc) else here
    limit_end = following.end
    for candidate in mentions[index + 1 :]:
        if candidate["token_start"] >= limit_end:
            break
        if candidate["kind"] == "flight_tracker" and not candidate.get("generic"):
            return candidate
    for candidate in reversed(mentions[:index]):
        if candidate["kind"] == "flight_tracker" and not candidate.get("generic"):
            return candidate
    return None


@lru_cache(maxsize=1)
def _country_lexicon() -> Lexicon:
    lexicon = Lexicon(max_tokens=6)
    for row in load_jsonl("countries.jsonl", required=("id", "iso2", "name")):
        demonyms = row.get("demonyms") or []
        payload = {
            "iso2": row["iso2"],
            "name": row["name"],
            "demonym": demonyms[0] if demonyms else row["name"],
        }
        if row["iso2"] == "GB":
            payload["name"] = "UK"
        if row["iso2"] == "US":
            payload["name"] = "US"
        lexicon.add_many([row["name"], *(row.get("aliases") or []), *demonyms], payload)
    return lexicon


@lru_cache(maxsize=1)
def _country_by_code() -> dict[str, dict]:
    out = {}
    for row in load_jsonl("countries.jsonl", required=("id", "iso2", "name")):
        demonyms = row.get("demonyms") or []
        name = {"GB": "UK", "US": "US"}.get(row["iso2"], row["name"])
        out[row["iso2"]] = {
            "iso2": row["iso2"],
            "name": name,
            "demonym": demonyms[0] if demonyms else row["name"],
        }
    return out


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    """Folded city name -> ISO code of its most populous namesake (the place ruler's GeoNames cities)."""
    from .places import geonames_cities

    best: dict[str, str] = {}
    for city in geonames_cities():  # most populous first
        best.setdefault(fold(city["name"]), city["countrycode"])
    return best


def _capital_or_city_country(name: str) -> str | None:
    return _city_countries().get(fold(name))


def _names_a_base(lowers: list[str]) -> bool:
    """'Marine Corps Air Station Futenma', 'Naval Air Station Whiting Field', 'Canadian Forces Base Cold
    Lake': an organisation word inside the name of an air station or a base, which is a place, not a body
    that says things."""
    return any(
        (lowers[k] == "air" and lowers[k + 1] in ("station", "base", "bases"))
        or (lowers[k] == "base" and k > 0)
        for k in range(len(lowers) - 1)
    )
