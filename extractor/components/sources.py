"""Source mentions: outlets, flight trackers, officials, imagery providers, social media, anonymous sources.

Reads: the Doc's tokens.
Writes: ``doc.spans["sources"]`` (label ``SOURCE``) and ``doc._.sources``, JSON-safe dicts sorted by ``start``:
``start``, ``end``, ``token_start``, ``token_end``, ``text``, ``name`` (canonical), ``kind`` and ``rule``.

Rule data: ``resources/sources.jsonl`` (named sources with aliases: FR24 = Flightradar24) and
``resources/source_patterns.jsonl`` (descriptor heads for anonymous sources, official titles, generic data
sources such as "flight-tracking data" and "satellite imagery"). An anonymous source keeps its descriptor as its
name: "a source with direct ties to the Kremlin" -> "source with direct ties to the Kremlin".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions
from ..errors import ResourceError
from ..resources import load_jsonl
from ._lexicon import Lexicon, parse_number

SPAN_KEY = "sources"
LABEL = "SOURCE"
_DETERMINERS = {"a", "an", "the", "two", "three", "four", "several", "some", "many", "multiple", "one", "other",
                "senior", "unnamed"}
_COMPLEMENT_STARTERS = {"with", "familiar", "close", "in", "at", "from", "aware", "knowledgeable", "linked",
                        "connected", "involved", "inside"}
_COMPLEMENT_STOP = {",", ".", ";", ":", "(", ")", "said", "says", "told", "confirmed", "reported", "added",
                    "according", "—", "–", "but", "while", "have", "has", "had", "is", "are", "was", "were", "will",
                    "would", "did", "do", "does", "could", "may", "might", "declined", "refused", "say", "believe",
                    "believed", "described", "denied", "insisted", "and", "that"}
_SHORT_COMPLEMENTS = {"in", "at", "from", "inside"}  # "officials in Moscow": a place, not a clause


@Language.factory(
    "source_tagger",
    assigns=["doc.spans", "doc._.sources"],
    default_config={"gazetteer": "sources.jsonl", "patterns": "source_patterns.jsonl", "span_key": SPAN_KEY},
)
def make_source_tagger(nlp: Language, name: str, gazetteer: str, patterns: str, span_key: str) -> SourceTagger:
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
        self.lexicon = Lexicon(max_tokens=7)
        for row in load_jsonl(gazetteer, required=("id", "name", "kind")):
            self.lexicon.add_many([row["name"], *(row.get("aliases") or [])], row)
        self.cue_lexicon = Lexicon(max_tokens=4)
        for cue in _SOURCE_CUES:
            self.cue_lexicon.add(cue, {"cue": cue})
        self.anonymous_heads = Lexicon(max_tokens=3)
        self.titles = Lexicon(max_tokens=4)
        self.generic = Lexicon(max_tokens=5)
        for row in load_jsonl(patterns, required=("id", "type", "phrase")):
            target = {"anonymous_head": self.anonymous_heads, "title": self.titles, "generic": self.generic}.get(
                row["type"]
            )
            if target is None:
                raise ResourceError(f"{patterns}: rule {row['id']}: unknown type {row['type']!r}")
            target.add(row["phrase"], row)
            if row["type"] != "title":
                target.add(row["phrase"] + "s", row)

    def __call__(self, doc: Doc) -> Doc:
        allowed = [True] * len(doc)
        mentions: list[dict] = []
        for match in self.lexicon.find(doc):
            row = match.entry.payload
            mentions.append(_mention(doc[match.start : match.end], row["name"], row["kind"], row["id"]))
            _block(allowed, match.start, match.end)
        mentions.extend(self._officials(doc, allowed))
        anonymous = self._anonymous(doc, allowed)
        mentions = [
            m for m in mentions
            if not any(a["token_start"] <= m["token_start"] and m["token_end"] <= a["token_end"] for a in anonymous)
        ] + anonymous  # fmt: skip
        named_starts = {m["token_start"] for m in mentions}
        for match in self.generic.find(doc, allowed):
            row = match.entry.payload
            if match.end in named_starts:
                continue  # "the flight-tracking service Flightradar24": the name is the source
            span = doc[match.start : match.end]
            mentions.append(_mention(span, row.get("name") or row["phrase"], row["kind"], row["id"]))
        mentions.extend(self._byline(doc, mentions))
        mentions.extend(self._unknown_after_cues(doc, mentions))
        mentions.sort(key=lambda m: m["start"])
        self.set_annotations(doc, mentions)
        return doc

    def _byline(self, doc: Doc, mentions: list[dict]) -> list[dict]:
        """The publishing outlet of a byline ("By a staff writer, Defence Horizon") is a media source."""
        byline = doc._.byline
        if not byline or any(m["start"] <= byline["start"] < m["end"] for m in mentions):
            return []
        span = doc.char_span(byline["start"], byline["end"], alignment_mode="expand")
        if span is None:
            return []
        known = self.lexicon.lookup(span.text)
        name = known[0].payload["name"] if known else byline["outlet"]
        return [_mention(span, name, "media", known[0].payload["id"] if known else "src.byline")]

    def _unknown_after_cues(self, doc: Doc, mentions: list[dict]) -> list[dict]:
        """Names no gazetteer knows, in source position: 'according to The Sahel Observer', 'reviewed by Meridian'."""
        covered = {i for m in mentions for i in range(m["token_start"], m["token_end"])}
        out = []
        for match in self.cue_lexicon.find(doc):
            start = match.end
            if start < len(doc) and doc[start].lower_ == "the":
                start += 1
            end = start
            while end < len(doc) and end not in covered and end - start < 6 and (
                (doc[end].text[:1].isupper() and doc[end].is_alpha)
                or (doc[end].lower_ in {"of", "for", "and", "&"} and end + 1 < len(doc) and doc[end + 1].is_title)
            ):
                end += 1
            if end == start or doc[end - 1].lower_ in {"of", "for", "and", "&"}:
                continue
            if start > match.end:
                start -= 1  # keep "The" in the mention
            span = doc[start:end]
            out.append(_mention(span, span.text, _kind_of_unknown(span.text), "src.unknown_after_cue"))
            covered.update(range(start, end))
        return out

    def _officials(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """'Defence Minister Sergei Shoigu', 'spokesman John Kirby', 'Lt. Gen. Alexis Grynkewich'."""
        out = []
        for match in self.titles.find(doc, allowed):
            j = match.end
            while j < len(doc) and j - match.end < 3 and allowed[j] and doc[j].is_title and doc[j].is_alpha:
                j += 1
            if j == match.end:
                continue
            span = doc[match.start : j]
            out.append(_mention(span, span.text, match.entry.payload.get("kind", "official"), match.entry.payload["id"]))
            _block(allowed, match.start, j)
        return out

    def _anonymous(self, doc: Doc, allowed: list[bool]) -> list[dict]:
        """'a source with direct ties to the Kremlin', 'two U.S. officials who spoke on condition of anonymity'."""
        out = []
        for match in self.anonymous_heads.find(doc, allowed):
            start = match.start
            # walk left over determiners, numbers and modifiers ("two senior U.S. defence officials")
            k = start - 1
            while k >= 0 and allowed[k] and (
                doc[k].lower_ in _DETERMINERS or parse_number(doc[k].text) is not None
                or doc[k].lower_ in {"u.s.", "us", "western", "israeli", "russian", "american", "military",
                                     "defence", "defense", "diplomatic", "intelligence", "security", "government",
                                     "european", "regional", "local", "airport", "aviation", "iranian", "syrian",
                                     "ukrainian", "turkish", "libyan", "kremlin", "pentagon", "senior", "nato"}
            ):  # fmt: skip
                k -= 1
            start = k + 1
            end = match.end
            if end < len(doc) and doc[end].lower_ in _COMPLEMENT_STARTERS:
                limit = 3 if doc[end].lower_ in _SHORT_COMPLEMENTS else 12
                j = end + 1
                # a named source inside the descriptor belongs to it: "a source with direct ties to the Kremlin"
                while j < len(doc) and j - end < limit and doc[j].lower_ not in _COMPLEMENT_STOP:
                    j += 1
                end = j
            head = doc[match.start : match.end]
            # a bare "officials" with nothing around it is too weak to be a source
            if end == match.end and start == match.start and not head.text[:1].isupper():
                continue
            first = start
            while first < end and (doc[first].lower_ in {"a", "an", "the"} or parse_number(doc[first].text)):
                first += 1
            name = doc[first:end].text
            out.append(_mention(doc[start:end], name, "anonymous", match.entry.payload["id"]))
            _block(allowed, start, end)
        return out

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        doc.spans[self.span_key] = [Span(doc, m["token_start"], m["token_end"], label=LABEL) for m in mentions]
        doc._.sources = mentions


_SOURCE_CUES = ("according to", "reported by", "reviewed by", "compiled by", "obtained by", "seen by", "cited by",
                "published by", "data from", "images from", "imagery from", "footage from", "analysis by")
_MEDIA_WORDS = {"observer", "times", "post", "news", "review", "weekly", "daily", "tribune", "herald", "journal",
                "gazette", "monitor", "report", "agency", "radio", "tv", "television", "press", "dispatch", "magazine"}
_OFFICIAL_WORDS = {"ministry", "army", "forces", "force", "command", "office", "government", "department",
                   "council", "authority", "authorities", "embassy", "military", "police", "navy", "spokesman"}


def _kind_of_unknown(name: str) -> str:
    words = {w.lower() for w in name.split()}
    if words & _MEDIA_WORDS:
        return "media"
    if words & _OFFICIAL_WORDS:
        return "official"
    return "other"


def _block(allowed: list[bool], start: int, end: int) -> None:
    for i in range(start, end):
        allowed[i] = False


def _mention(span: Span, name: str, kind: str, rule: str) -> dict:
    return {
        "start": span.start_char,
        "end": span.end_char,
        "token_start": span.start,
        "token_end": span.end,
        "text": span.text,
        "name": name,
        "kind": kind,
        "rule": rule,
    }
