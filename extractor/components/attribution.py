"""Attribution: who reports, citing whom, for which events.

Reads: ``doc.sents``, ``doc._.sources``, ``doc._.events``, and ``doc._.dateline`` (agency credit, when present).
Writes: ``doc._.attributions``, JSON-safe dicts: ``outlet`` (a source mention or None), ``cites`` (source
mentions), ``start``, ``end``, ``text`` (the sentence), ``events`` (indices into ``doc._.events``), ``rule``;
and fills ``sources`` of every dict in ``doc._.events``.

A sentence is an attribution when it holds a source and a cue from ``resources/attribution_cues.jsonl``
("according to", "citing", "X reported", "data from X shows", "as seen on X", "X told Y"). The reporting outlet is
the media source in subject position (or the "told Y" object); everything else it names is what it cites, in
order, so "Bloomberg, citing data from Flightradar24 and a source with direct ties to the Kremlin" gives outlet
Bloomberg, cites [Flightradar24, source with direct ties to the Kremlin]. An attribution covers its sentence and
the sentences that follow until another attribution takes over; events before the first attribution take the
first one. The article's reporter (a dateline credit, "MOSCOW, Oct 30 (Reuters) -", else the outlet of the
article's first attribution, else a byline's outlet) supports every event, together with what the event's own attribution names.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..resources import load_jsonl
from ._lexicon import Lexicon

_TOLD = {"told", "tells", "telling"}


@Language.factory(
    "attribution",
    assigns=["doc._.attributions", "doc._.events"],
    requires=["doc._.sources", "doc._.events"],
    default_config={"cues": "attribution_cues.jsonl"},
)
def make_attribution(nlp: Language, name: str, cues: str) -> Attribution:
    return Attribution(nlp, name, cues=cues)


class Attribution:
    def __init__(self, nlp: Language, name: str = "attribution", *, cues: str = "attribution_cues.jsonl") -> None:
        extensions.ensure_doc_extensions()
        self.name = name
        self.cues = Lexicon(max_tokens=4)
        for row in load_jsonl(cues, required=("id", "phrase", "role")):
            self.cues.add(row["phrase"].lower(), row)

    def __call__(self, doc: Doc) -> Doc:
        sources = doc._.sources or []
        allowed = [True] * len(doc)
        for mention in sources:
            for i in range(mention["token_start"], mention["token_end"]):
                allowed[i] = False
        cue_matches = self.cues.find(doc, allowed)
        attributions: list[dict] = []
        sentence_starts: list[int] = []
        for sent in doc.sents:
            in_sent = [s for s in sources if sent.start <= s["token_start"] < sent.end]
            cues = [m for m in cue_matches if sent.start <= m.start < sent.end]
            if not in_sent or not cues:
                continue
            attribution = _attribution(doc, in_sent, cues)
            if attribution is None:
                continue
            attribution.update(start=sent.start_char, end=sent.end_char, text=sent.text, events=[])
            attributions.append(attribution)
            sentence_starts.append(sent.start)
        reporter = (
            _dateline_credit(doc, sources)
            or _byline_outlet(doc, sources)
            or (attributions[0]["outlet"] if attributions else None)
        )
        events = doc._.events or []
        for index, event in enumerate(events):
            scoped = _in_scope(event["token_start"], attributions, sentence_starts)
            supporting = [reporter] if reporter is not None else []
            if scoped is not None:
                scoped["events"].append(index)
                supporting += ([scoped["outlet"]] if scoped["outlet"] else []) + scoped["cites"]
            event["sources"] = _unique(supporting)
        doc._.attributions = attributions
        return doc


def _attribution(doc: Doc, sources: list[dict], cues: list) -> dict | None:
    roles = {m.entry.payload["role"] for m in cues}
    outlet = None
    told = next((m for m in cues if doc[m.start].lower_ in _TOLD), None)
    if told is not None:
        after = [s for s in sources if s["token_start"] >= told.end and s["kind"] == "media"]
        if after:
            outlet = after[0]
    citing = next((m for m in cues if m.entry.payload["role"] == "citing"), None)
    if outlet is None:
        boundary = citing.start if citing is not None else None
        media = [
            s for s in sources
            if s["kind"] == "media" and (boundary is None or s["token_end"] <= boundary)
        ]  # fmt: skip
        if media and ("reporting" in roles or citing is not None):
            outlet = media[0]
    cites = [s for s in sources if s is not outlet]
    if outlet is None and not cites:
        return None
    rule = "+".join(sorted({m.entry.payload["id"] for m in cues}))
    return {"outlet": outlet, "cites": cites, "rule": rule}


def _in_scope(token: int, attributions: list[dict], starts: list[int]) -> dict | None:
    chosen = None
    for attribution, start in zip(attributions, starts):
        if start <= token:
            chosen = attribution
    if chosen is None and attributions:
        chosen = attributions[0]
    return chosen


def _dateline_credit(doc: Doc, sources: list[dict]) -> dict | None:
    dateline = doc._.dateline
    if not dateline or not dateline.get("credit_end"):
        return None
    for source in sources:
        if dateline["credit_start"] <= source["start"] < dateline["credit_end"]:
            return source
    return None


def _byline_outlet(doc: Doc, sources: list[dict]) -> dict | None:
    byline = doc._.byline
    if not byline:
        return None
    return next((s for s in sources if s["start"] <= byline["start"] < s["end"]), None)


def _unique(mentions: list[dict]) -> list[dict]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        if mention["name"] not in seen:
            seen.add(mention["name"])
            out.append(mention)
    return out
