"""Movement events: one event per leg, built from trigger phrases and the mentions found before.

Reads: ``doc.sents``, ``doc._.aircraft``, ``doc._.places``, ``doc._.operators``, ``doc._.timexes``.
Writes: ``doc._.events``, a list of JSON-safe dicts in text order: ``action``, ``aircraft`` (mention dicts, a
coreferent mention keeps its own evidence), ``operator``, ``origin``, ``destination``, ``via``, ``date``, ``dates``,
``count``, ``modality``, ``evidence`` ({"start", "end", "text"}: the sentence), ``trigger`` (the same, for the
movement phrase), ``confidence``, ``rules`` (every rule id that
contributed), ``sources`` (empty; filled by the attribution component).

How a sentence becomes legs:
1. Triggers (``resources/triggers.jsonl``) are found outside entity spans. Each has an action, the slot its direct
   object fills ("left Libya" -> origin) and the slot a bare locative fills ("landed at X" -> destination).
2. Each trigger owns the window up to the next trigger. Places in the window take a slot from the preposition
   before them (from -> origin; to/into/for -> destination; via/through -> via; at/in -> the trigger's locative).
   A place that only locates the previous one ("Hmeimim air base in Syria's Latakia province") fills nothing.
3. Triggers in one sentence extend the same leg ("took off from Libya and made its way to the Syrian province")
   until a chaining trigger ("before returning to", "then flew on to") or a second destination starts a new leg,
   whose origin is where the previous leg ended.
4. Descriptions ("the Syrian province", "the base") resolve to the latest place of that kind (and country) named
   before; "the aircraft" / "it" resolve to the latest typed aircraft.
5. An event needs an aircraft (or an explicit count of flights) and a place or a date. A leg with only a generic
   aircraft that restates a typed leg ("at least two Russian aircraft have been deployed to Latakia") is a summary,
   not a further event; a later mention that adds nothing to an earlier leg of the same aircraft is dropped.
Modality comes from cue phrases (``resources/modality.jsonl``) before the trigger in its clause.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions
from ..resources import load_jsonl
from ._lexicon import (
    SPAN_KEYS, Lexicon, fold, headline_end_of, hyphen_prefix, parse_number, span_fields, token_table,
)
from .places import OWN_GROUND, geonames_capitals

_PREP_SLOTS = {
    "from": "origin", "to": "destination", "into": "destination", "toward": "destination",
    "towards": "destination", "for": "destination", "onto": "destination", "via": "via", "through": "via",
    "over": "via", "at": "LOC", "in": "LOC", "on": "LOC", "near": "LOC", "outside": "LOC",
}  # fmt: skip
_CONTAINER_PREPS = {"in", "on", "near", "outside", "of", ","}
#: tokens from a trigger within which "between A and B" is the leg's route ("flew six sorties between Rhodes
#: and Athens"), not a location ("the area between Kharkiv and Belgorod" far after it)
_BETWEEN_REACH = 8
#: "the border area between Kharkiv and Belgorod", "the strait between Okinawa and Miyako": an area, not a
#: route
_BETWEEN_AREA_NOUNS = frozenset(
    {"area", "areas", "border", "airspace", "region", "zone", "corridor", "strait", "sea", "waters",
     "frontier", "line", "gap", "stretch", "islands", "coast", "way"}
)  # fmt: skip
_SKIP_BEFORE_PLACE = {
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "russia",
    "’s",
    "'s",
    "airport",
    "base",
    "military",
    "main",
    "nearby",
    "russian",
    "syrian",
    "capital",
    "city",
    "of",
}
_ANAPHORS = {
    "it",
    "they",
    "of them",  # "the first of them landed at Roissy", "two of them flew on"
    "the aircraft",
    "the plane",
    "the jet",
    "the transport",
    "the airlifter",
    "the freighter",
    "the bomber",
    "the bombers",
    "the jets",
    "the planes",
    "the aircraft's",
    "the helicopter",
    "the helicopters",
    "the drone",
    "the drones",
    "the tanker",
    "the tankers",
    "the fighters",
}
_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "both"}
#: people whose travel is a flight of the aircraft the article last told about ("the delegation flew on to Cairo")
_TRAVELLERS = {
    "the delegation", "the minister", "the president", "the prime minister", "the premier", "the chancellor",
    "the foreign minister", "the defence minister", "the defense minister", "the secretary", "the leader",
    "the team", "the party", "the entourage", "the crew", "the crews", "he", "she", "the royal",
    "the contingent", "the detachment", "the troops", "the soldiers", "the evacuees",
}  # fmt: skip
_COUNT_SKIP = {
    "separate",
    "more",
    "additional",
    "further",
    "round-trip",
    "cargo",
    "military",
    "such",
    "known",
    "confirmed",
    "return",
    "other",
    "direct",
    "new",
    "recorded",
    "documented",
    "transport",
    "supply",
    "resupply",
    "logistics",
    "charter",
    "than",
    "least",
    "at",
    "some",
    "roughly",
    "about",
    "nearly",
    "almost",
    "over",
    "around",
    "approximately",
    "tracked",
    "flight",
    "of",
}
_MODALITY_RANK = {"negated": 3, "planned": 2, "hedged": 1, "asserted": 0}
#: a trigger's window ends at the next clause: "comes as Moscow tests how much room the authorities in Damascus..."
_CLAUSE_BREAKS = {";", "as", "while", "because", "although", "though", "but", "amid", "whereas", "since", "—"}
#: "better known as", "nicknamed as": the "as" names the aircraft and breaks no clause
_NAMED_AS = frozenset({"known", "nicknamed", "dubbed", "designated", "registered"})
_LOC_REACH = 6  # "landed at X", "made three arrivals at the X airport": a bare locative sits near its trigger


@dataclass
class Trigger:
    start: int  # token
    end: int
    row: dict
    surface: str = ""  # the words matched, lower-cased

    @property
    def rule(self) -> str:
        return self.row["id"]


@dataclass
class Leg:
    sent: Span
    triggers: list[Trigger]
    action: str
    aircraft: list[dict] = field(default_factory=list)
    operator: dict | None = None
    origin: dict | None = None
    destination: dict | None = None
    via: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    count: int | None = None
    modality: str = "asserted"
    rules: list[str] = field(default_factory=list)
    coreferent: bool = False
    sent_index: int = 0
    last_sent: Span | None = None  # the sentence completing a leg told over two ("took off ... It landed")
    departure_date: dict | None = None  # the date of a departure told after its arrival: the leg's date

    def places(self) -> list[dict]:
        return [p for p in (self.origin, self.destination, *self.via) if p]


@Language.factory(
    "event_builder",
    assigns=["doc._.events"],
    requires=["doc._.aircraft", "doc._.places", "doc._.operators", "doc._.timexes"],
    default_config={
        "triggers": "triggers.jsonl",
        "modality": "modality.jsonl",
        "aircraft": "aircraft.jsonl",
        "operators": "operators.jsonl",
    },
)
def make_event_builder(
    nlp: Language, name: str, triggers: str, modality: str, aircraft: str, operators: str
) -> EventBuilder:
    return EventBuilder(nlp, name, triggers=triggers, modality=modality, aircraft=aircraft, operators=operators)


class EventBuilder:
    def __init__(
        self,
        nlp: Language,
        name: str = "event_builder",
        *,
        triggers: str = "triggers.jsonl",
        modality: str = "modality.jsonl",
        aircraft: str = "aircraft.jsonl",
        operators: str = "operators.jsonl",
    ) -> None:
        extensions.ensure_doc_extensions()
        self.name = name
        # national designations flown by one service only ("CC-177": the Royal Canadian Air Force)
        services = {row["id"]: row for row in load_jsonl(operators, required=("id", "name"))}
        self.designated: dict[str, dict] = {}
        for row in load_jsonl(aircraft, required=("id", "model")):
            service = services.get(row.get("operator") or "")
            if service is not None:
                self.designated[row["id"]] = {
                    "name": service["name"], "country": service.get("country"), "kind": service.get("kind"),
                    "rule": f"designation:{row['id']}",
                }  # fmt: skip
        self.triggers = Lexicon(max_tokens=6)
        for row in load_jsonl(triggers, required=("id", "forms", "action")):
            for form in row["forms"]:
                self.triggers.add(form.lower(), row)
        self.modality = Lexicon(max_tokens=4)
        for row in load_jsonl(modality, required=("id", "phrase", "modality")):
            self.modality.add(row["phrase"].lower(), row)

    # -- top level --------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        allowed = self._free_tokens(doc)
        headline_end = headline_end_of(token_table(doc).text)
        legs: list[Leg] = []
        # "scaling it back in 2019": "back in" / "back at" is no return before a date
        timex_starts = {t["start"] for t in doc._.timexes or []}
        all_triggers = [
            Trigger(m.start, m.end, m.entry.payload, " ".join(t.lower_ for t in doc[m.start : m.end]))
            for m in self.triggers.find(doc, allowed)
            if not _followed_by(doc, m.end, m.entry.payload.get("not_after") or ())
            and not (
                doc[m.end - 1].lower_ in {"in", "at"}
                and doc[m.end - 2].lower_ == "back"
                and m.end < len(doc)
                and doc[m.end].idx in timex_starts
            )
            and _preceded_by(doc, m.start, m.entry.payload.get("need_before"))
            and not (  # "held back at" is no return
                m.entry.payload.get("not_before")
                and _preceded_by(doc, m.start, m.entry.payload["not_before"])
            )
            and (
                _followed_by_required(doc, m.end, m.entry.payload.get("need_after"))
                or (m.entry.payload.get("date_after") and _after_timex(doc, m.end) is not None)
            )
            and (not m.entry.payload.get("opening") or _opens_clause_before_a_name(doc, m.start, m.end))
            and not _after_prefix(doc, m.start)
        ]
        for sent_index, sent in enumerate(token_table(doc).sents()):
            if sent.start_char < headline_end:
                continue  # a headline restates the story's legs
            if _subheading(doc, sent):
                continue  # "Going home", a section's title over the legs it tells
            triggers = [t for t in all_triggers if sent.start <= t.start < sent.end]
            if triggers:
                for leg in self._sentence_legs(doc, sent, triggers, legs, sent_index):
                    if not _completes_leg(doc, legs, leg):
                        legs.append(leg)
        _same_route(doc, legs)
        _units_of_types(legs)
        legs = _drop_summaries_and_restatements(doc, legs)
        _destinations_of_followers(legs)
        _airports_of_cities(doc, legs)
        _patrol_areas(legs)
        _days_of_paragraph_headings(doc, legs)
        _clocks_past_midnight(doc, legs)
        _overnight_in_leg(legs)
        doc._.events = [self._to_dict(doc, leg) for leg in legs]
        return doc

    def _free_tokens(self, doc: Doc) -> list[bool]:
        allowed = [True] * len(doc)
        for key in ("aircraft", "places", "operators", "sources"):
            for mention in getattr(doc._, key) or []:
                for i in range(mention["token_start"], mention["token_end"]):
                    allowed[i] = False
        return allowed

    # -- one sentence -----------------------------------------------------------------------------------------
    def _sentence_legs(
        self, doc: Doc, sent: Span, triggers: list[Trigger], history: list[Leg], sent_index: int
    ) -> list[Leg]:
        dateline = doc._.dateline or {}
        places = [
            p for p in doc._.places
            if sent.start <= p["token_start"] < sent.end
            and not (dateline and dateline["start"] <= p["start"] < dateline["end"])
        ]  # fmt: skip
        aircraft = [a for a in doc._.aircraft if sent.start <= a["token_start"] < sent.end]
        operators = [o for o in doc._.operators if sent.start <= o["token_start"] < sent.end]
        timexes = [
            t for t in doc._.timexes or []
            if sent.start_char <= t["start"] < sent.end_char and t["type"] in ("DATE", "TIME")
            and t.get("value") != "PRESENT_REF"
            and not _decade_or_century(t.get("value"))  # "facilities built in the 1990s": no flight's date
            and not (dateline and dateline["start"] <= t["start"] < dateline["end"])
            and not _date_of_speech_or_imagery(doc, t)
            and not _RUNS_UNTIL.search(
                token_table(doc).text, max(sent.start_char, t["start"] - 60), t["start"]
            )
        ]  # fmt: skip
        dateline_place = next(
            (p for p in doc._.places if dateline and dateline["start"] <= p["start"] < dateline["end"]), None
        )
        legs: list[Leg] = []
        current: Leg | None = None
        for k, trig in enumerate(triggers):
            window_end = triggers[k + 1].start if k + 1 < len(triggers) else sent.end
            window_end = _clause_end(doc, trig.end, window_end, timexes)
            window_start = triggers[k - 1].end if k > 0 else sent.start
            slots = self._slots(doc, trig, places, window_end, history + legs)
            here = _here_after(doc, trig)
            locative = trig.row.get("locative")
            if here is not None and dateline_place is not None and locative and locative not in slots:
                # "departed here on April 14" under "STRATTON AIR NATIONAL GUARD BASE, N.Y. -": its place
                slots[locative if doc[here - 1].lower_ != "from" else "origin"] = {
                    **dateline_place,
                    **span_fields(doc[here : here + 1]),
                    "rule": dateline_place.get("rule", "") + ":here-of-dateline",
                }
            there = trig.row.get("locative") == "destination" and _there_after(doc, trig)
            if "destination" not in slots and there:
                # "an An-124 arrived there later on Tuesday": where the last leg ended
                reached = next((h.destination for h in reversed(history + legs) if h.destination), None)
                if reached is not None:
                    slots["destination"] = reached
            chain = (
                bool(trig.row.get("chain"))
                or (k > 0 and _sequenced(doc, window_start, trig.start))
                # "The 787 left again for Nairobi": from where the last leg ended
                or (trig.end < len(doc) and doc[trig.end].lower_ == "again")
            )
            if (
                current is not None
                and current.destination is not None
                and current.action != "transit"
                and trig.row["action"] != "diversion"
                and doc[trig.start - 1].lower_ == "before"
                and doc[trig.start].lower_.endswith("ing")
            ):
                # "continued to Cold Lake, where the crews rested, before flying the final leg to Eielson": a
                # next leg from where the last ended ("stopped at Balikpapan before reaching Palu" is one leg)
                chain = True
            if (
                chain
                and current is not None
                and current.action == "transit"
                and current.destination is None
                and current.via
                and doc[trig.start - 1].lower_ == "before"
            ):
                chain = False  # "stopped at Tamanrasset for an hour before continuing to Niamey": one leg
            restart = (
                current is not None
                and current.destination is not None
                and slots.get("origin") is not None
                and _same_name(slots["origin"], current.destination)
            ) or (
                current is not None
                and current.destination is not None
                and trig.row["action"] == "departure"
                and slots.get("origin") is None
                and slots.get("destination") is not None
            ) or (
                current is not None
                and current.destination is not None
                and slots.get("destination") is not None
                and _relative_clause_before(doc, aircraft, triggers[k - 1].start)
            ) or (
                current is not None
                and _flew_on_after_landing(doc, current, trig, slots)
            )  # "... to Hobart on 20 October and left Hobart for Wilkins", "landed at Managua and left for
            # Russia two days later", "A C-130J that had arrived in Bamako on Monday flew 41 people to Rome":
            # a new leg from where the last ended
            chain = chain or restart
            if (
                chain
                and not restart
                and current is not None
                and current.destination is None
                and current.origin is not None
                and slots.get("destination") is not None
                and slots.get("origin") is None
                and not _same_name(slots["destination"], current.origin)
            ):
                chain = False  # "left Batajnica on 17 November and flew back to Urumqi": one leg, not two
                # (but "flew from Ohakea on Monday ..., returning to Ohakea" is a round trip: two legs)
            if (
                trig.row["action"] == "diversion"
                and current is not None
                and slots.get("destination")
                and _intended(doc, current.destination)
            ):
                chain = False  # "which left Tehran bound for Beirut, was diverted to Damascus": one leg
            if current is not None and not chain:
                if trig.row["action"] == "diversion" and slots.get("destination"):
                    # "bound for Minsk, diverted to Vnukovo": the diversion airport replaces the destination
                    current.destination = slots.pop("destination")
                    _merge(current, trig, slots)
                    continue
                both = current.destination is not None and slots.get("destination") is not None
                refined = both and _refines(current.destination, slots["destination"])
                # "landed here ... after a flight from Vlissingen, completing the move into Poland": the
                # second trigger names the country of the airport the leg already has
                general = both and _refines(slots["destination"], current.destination)
                subject = [
                    a for a in aircraft if window_start <= a["token_start"] < trig.start and not a["generic"]
                ]
                other = bool(subject) and bool(current.aircraft) and _another_aircraft(doc, subject, current)
                # "CC-130J flights arrived from Trenton, and a Polish C-130E flew in from Powidz": two legs
                if (not both or refined or general) and not other:
                    _merge(current, trig, slots)
                    told = refined or _subject_told(doc, aircraft, window_start, trig.start)
                    if not current.aircraft and told:
                        # "its first Caracas-Moscow flight ..., sending an Airbus A340-600 from ...", "After a
                        # stop in Karachi it landed in Cairo": the aircraft comes with the second trigger
                        current.aircraft, current.coreferent = self._aircraft(
                            doc, sent, trig, aircraft, window_start, window_end, history + legs, None
                        )
                    continue
                own = [
                    a for a in aircraft if window_start <= a["token_start"] < window_end and not a["generic"]
                ]
                if not own:
                    # "..., the latest in a string of cargo flights ferrying equipment to Syria": background
                    continue
            noun_route = _noun_route(doc, trig, places, window_start, window_end)
            if (
                trig.row.get("weak")
                and not slots
                and not noun_route
                and current is None
                and not (trig.row.get("date_after") and _after_timex(doc, trig.end) is not None)
            ):
                continue  # a weak trigger needs a place, or (for "will follow on Thursday") a date
            if _by_surface(doc, trig.start, window_end):
                continue  # "moved by road to Balad Air Base": not a flight
            if trig.row["action"] == "return" and _people_return(doc, sent, trig.start, aircraft):
                continue  # "Venezuelans who wish to return", "pilgrims ... had now returned": people
            leg = Leg(
                sent=sent,
                triggers=[trig],
                action=trig.row["action"],
                rules=[trig.rule],
                sent_index=sent_index,
            )
            leg.aircraft, leg.coreferent = self._aircraft(
                doc, sent, trig, aircraft, window_start, window_end, history + legs, current, restart
            )
            if (
                current is None
                and not chain
                and _definite_aircraft(doc, leg.aircraft)
                and _sequence_opening(doc, sent.start, trig.start)
            ):
                chain = True  # "Two days later the same MD-11F flew empty to Liège": from where it was
            previous = current or (
                _previous_leg_of(leg.aircraft, history + legs) if leg.coreferent or chain else None
            )
            if previous is None and chain:
                previous = _previous_leg_of(leg.aircraft, history + legs)
            for slot, place in slots.items():
                if slot == "via":
                    leg.via.extend(place)
                else:
                    setattr(leg, slot, place)
            if leg.origin is None and trig.row["action"] == "return":
                stay = _stay_place(doc, places, window_start, trig.start)
                if stay is not None:
                    leg.origin = _resolve_place(doc, stay, history + legs)
                    leg.rules.append("origin:stayed-at")
            if leg.origin is None and previous is not None and (chain or _same_types(leg, previous)):
                if previous.destination is None:
                    previous = (
                        _previous_leg_of(leg.aircraft, [h for h in history + legs if h.destination])
                        or previous
                    )
                if (
                    trig.row["action"] == "diversion"
                    and previous.origin is not None
                    and _intended(doc, previous.destination)
                ):
                    # "a C-27J that had left Townsville for Port Vila was diverted to Santo": never got there
                    leg.origin = previous.origin
                    leg.rules.append("chain:origin-of-intended-leg")
                elif previous.destination is not None:
                    leg.origin = previous.destination
                    leg.rules.append("chain:origin")
            if (
                leg.origin is None
                and (slots.get("destination") is not None or trig.row["action"] == "departure")
            ):  # also for "From Libreville, the evacuees were due to continue to Paris" with no leg before
                fronted = _fronted_place(doc, sent, places, trig.start)
                if fronted is not None:  # "At Hurlburt Field, the wing flew 14 gunships to Cannon": from there
                    leg.origin = _resolve_place(doc, fronted, history + legs)
                    leg.rules.append("origin:fronted-at")
                elif _from_there(doc, sent, trig.start):
                    # "From there a Learjet 35A flew the patient to Buenos Aires": where the last leg ended
                    reached = next((h.destination for h in reversed(history + legs) if h.destination), None)
                    if reached is not None:
                        leg.origin = reached
                        leg.rules.append("origin:from-there")
            if leg.destination is None and slots.get("origin") is not None:
                # "EP-FAA is parked at Vnukovo after flying in from Tehran": where it stands after the flight
                standing = _standing_place(doc, sent, places, trig)
                if standing is not None:
                    leg.destination = _resolve_place(doc, standing, history + legs)
                    leg.rules.append("destination:standing-after")
            if leg.origin is None and (not chain or previous is None) and leg.aircraft:
                subject_end = _subject(leg.aircraft, sent, trig)[-1]["token_end"]
                leg.origin = _origin_before_trigger(
                    doc, places, subject_end, trig.start, history + legs,
                    returning=trig.row["action"] == "return",
                    leaving=trig.rule in _TAKING_OFF or trig.row["action"] == "flight",
                )  # fmt: skip
                if leg.origin is not None:
                    leg.rules.append("origin:before-trigger")
            route = _route(doc, places, trig.end, window_end)
            if len(route) < 2 and noun_route:
                route = noun_route
            if len(route) >= 2 and (leg.origin is None or leg.destination is None):
                # "fly Chkalovskiy to Bamako"; "flew Minsk - Hurghada - Harare": one leg, the middle stops via
                if leg.origin is None or (leg.destination is None and "chain:origin" in leg.rules):
                    # "EP-FAB ... is scheduled to fly IKA–Vnukovo again": told, not chained
                    leg.origin = route[0]
                    if "chain:origin" in leg.rules:
                        leg.rules.remove("chain:origin")
                leg.destination = leg.destination or route[-1]
                leg.via.extend(p for p in route[1:-1] if all(p is not v for v in leg.via))
                leg.rules.append("route")
            leg.operator = (
                _operator_for(doc, _subject(leg.aircraft, sent, trig), operators, trig)
                or (previous.operator if previous is not None and (chain or leg.coreferent) else None)
                or _operator_of_family(leg.aircraft, history + legs)
                or _operator_of_named_family(doc, leg.aircraft, trig)
                or self._designated_operator(doc, leg.aircraft)
            )
            leg.operator = _unit_in_sentence(doc, leg.operator, operators, trig)
            leg.count = _count_before(doc, trig) or _count_in_window(doc, window_start, window_end, timexes)
            if leg.count is not None and "chain:origin" in leg.rules and current is None:
                # "at least six flights ... have landed in Bangui since mid-October": a tally of many flights
                # does not start where the last leg told ended
                leg.origin = None
                leg.rules.remove("chain:origin")
            leg.modality = self._modality(doc, trig, window_start) or (
                current.modality if current is not None else "asserted"
            )
            legs.append(leg)
            current = leg
        _mission_areas(doc, places, legs, history)
        for index, leg in enumerate(legs):
            _fill_implicit_destination(leg, history + legs)
            _fill_onward_origin(doc, leg, history + legs)
            _fill_return_origin(leg, history + legs)
            _fill_departure_origin(leg, history + legs)
            if (
                leg.origin is not None
                and _same_name(leg.origin, leg.destination)
                and not _base_near_city(leg.origin, leg.destination)
                and not _from_inside_to_country(doc, leg)
            ):
                leg.origin = None  # "landed at Baghdad International Airport": not a flight from Baghdad
                leg.rules.append("origin:dropped-same-as-destination")
                _origin_after_drop(leg, history + legs[:index])
        if legs:
            _assign_dates(legs, triggers, timexes, sent, doc)
        for leg in legs:
            leg.action = _action(leg)
        return _and_back(doc, legs)

    def _slots(
        self, doc: Doc, trig: Trigger, places: list[dict], window_end: int, history: list[Leg]
    ) -> dict:
        slots: dict = {}
        last_slotted_end: int | None = None
        last_slot: str | None = None
        last_prep: str | None = None
        possessors = {
            i for p in places
            if p["token_end"] < len(doc) and doc[p["token_end"]].text in {"'s", "’s"}
            for i in range(p["token_start"], p["token_end"] + 1)
        }  # fmt: skip
        descriptor_ends = {p["token_end"]: p for p in places if p.get("descriptor")}
        # "the Pacific island of Guam", "the Greek island of Crete": the place after "of" fills the slot
        kind_of = {
            p["token_start"]: q for p, q in zip(places, places[1:], strict=False)
            if p["token_end"] + 2 == q["token_start"] and doc[p["token_end"]].lower_ in _KIND_NOUNS
            and doc[p["token_end"] + 1].lower_ == "of"
        }  # fmt: skip
        for place in places:
            if place["token_start"] < trig.end or place["token_start"] >= window_end:
                continue
            if place["token_start"] in kind_of:
                continue
            if place.get("descriptor") and _of_place(doc, place, places):
                continue  # "the Syrian province of Latakia": Latakia fills the slot
            if (
                place["token_end"] < len(doc)
                and doc[place["token_end"]].text in {"'s", "’s"}
                and not _own_ground(doc, place["token_end"] + 1)
            ):
                continue  # "Syria's Latakia province": Syria only locates what follows
            head = place
            if doc[place["token_start"] - 1].lower_ == "of" and place["token_start"] - 1 in descriptor_ends:
                head = descriptor_ends[place["token_start"] - 1]
            owner = next((p for p in places if kind_of.get(p["token_start"]) is place), None)
            if owner is not None and owner["token_start"] >= trig.end:
                head = owner
            prep = _preposition_before(doc, head["token_start"], trig.end, possessors)
            if (
                last_slotted_end is not None
                and place["token_start"] - last_slotted_end <= 4
                and (prep in _CONTAINER_PREPS or doc[place["token_start"] - 1].text == ",")
            ):
                continue
            slot = _PREP_SLOTS.get(prep or "")
            if (
                prep == "between"
                and head["token_start"] - trig.end <= _BETWEEN_REACH
                and doc[head["token_start"] - 2].lower_ not in _BETWEEN_AREA_NOUNS
            ):
                slot = "origin"  # "sorties between Rhodes and Athens": from the first to the second
            elif (
                prep == "and"
                and last_slot == "origin"
                and last_prep == "between"
                and last_slotted_end is not None
                and _plain_gap(doc, last_slotted_end, head["token_start"], possessors) <= 2
            ):  # "between Sharjah (OMSJ) and Bishkek's Manas airport"
                slot = "destination"
            if prep == "for" and doc[head["token_start"] - 2].lower_ in _ROLES_FOR:
                slot = None  # "carrying the special envoy for Sudan": a title, not a destination
            if (
                prep == "for"
                and doc[head["token_start"] - 2].lower_ in {"destined", "intended", "earmarked", "bound"}
                and doc[head["token_start"] - 3].lower_ in _CARGO_NOUNS
            ):
                slot = None  # "with military equipment destined for Ukraine": where the cargo goes next
            if slot == "via" and prep == "over" and head["token_start"] - trig.end > _LOC_REACH:
                slot = None  # "a gap in coverage over the Caspian", "closed the airspace over Beirut"
            if (
                prep in {"and", "or"}
                and last_slot == "via"
                and last_slotted_end is not None
                and (place["token_start"] - last_slotted_end <= 2)
            ):
                slot = "via"  # "stopping at Keflavik and Gander"
            if slot == "LOC":
                slot = trig.row.get("locative") if head["token_start"] - trig.end <= _LOC_REACH else None
            elif prep == "object":
                slot = trig.row.get("object")
            elif prep is None:
                if _undirected_gap(doc, trig.end, head["token_start"]) <= 1:
                    slot = trig.row.get("object")  # "an orbit over north-eastern Romania"
                elif (
                    place["token_end"] + 1 < len(doc)
                    and doc[place["token_end"]].text == "-"
                    and doc[place["token_end"] + 1].lower_ == "bound"
                ):
                    slot = "destination"
            if slot is None:
                continue
            resolved = _resolve_place(doc, place, history)
            if resolved is None:
                continue
            if slot == "via":
                slots.setdefault("via", []).append(resolved)
            elif slot not in slots or _refines(slots[slot], resolved):
                slots[slot] = resolved  # "flew back to Spain ..., landing at Torrejon air base": Torrejon
            else:
                continue
            last_slotted_end = place["token_end"]
            last_slot = slot
            last_prep = prep
        return slots

    def _aircraft(
        self,
        doc: Doc,
        sent: Span,
        trig: Trigger,
        aircraft: list[dict],
        window_start: int,
        window_end: int,
        history: list[Leg],
        current: Leg | None,
        restart: bool = False,
    ) -> tuple[list[dict], bool]:
        if current is not None and (trig.row.get("chain") or restart):
            return current.aircraft, True
        carrier = _aboard(doc, aircraft, sent)
        if carrier:
            return carrier, False  # "the drones were flown in aboard two A400Ms": the A400Ms fly
        # "Two C-17As, carrying spare parts for the tankers, reached Al Udeid": the aircraft a cargo is for
        # does not fly the leg
        flying = [
            a for a in aircraft
            if sent.start <= a["token_start"] < trig.start and not _cargo_for(doc, a, sent)
        ]  # fmt: skip
        before = [a for a in flying if a["token_start"] >= window_start] or flying
        typed = [a for a in before if not a["generic"]]
        if typed:
            group = _nearest_group(typed, doc)
            group = _coordinated_roles(doc, group, before, history)
            return group + _escorts(doc, sent, group, aircraft), False
        after = [a for a in aircraft if trig.end <= a["token_start"] < window_end and not a["generic"]]
        if after:
            # "flew 14 AC-130J gunships and 10 CV-22B Ospreys to Cannon": the list after the trigger
            group = after[:1]
            for mention in after[1:]:
                if mention["token_start"] - group[-1]["token_end"] <= 2 or _list_gap(
                    doc, group[-1]["token_end"], mention["token_start"]
                ):
                    group.append(mention)
                else:
                    break
            return group, False
        generic = (
            before[-1:]
            or [a for a in aircraft if trig.end <= a["token_start"] < window_end and a["generic"]][:1]
        )
        if generic:
            mention = generic[0]
            determiner = doc[mention["token_start"] - 1].lower_ if mention["token_start"] > 0 else ""
            # "the same jet", "one of the two planes": the aircraft told about before
            one_of = doc[max(sent.start, mention["token_start"] - 4) : mention["token_start"]].text.lower()
            if determiner in {"first", "lead", "former"} and mention["token_start"] > 1:
                determiner = doc[mention["token_start"] - 2].lower_  # "the first aircraft": one of those told
            # "The two aircraft, from the 383rd Squadron, took off": a definite count of those told before
            definite_count = (
                mention["quantity"] is not None
                and mention["token_start"] > 1
                and doc[mention["token_start"] - 2].lower_ in {"the", "these", "those", "all", "both"}
            )
            if (
                (determiner in _DEFINITE | {"same"} and mention["quantity"] is None)
                or definite_count
                or _ONE_OF.match(one_of)
            ):
                antecedent = _latest_typed(doc, mention["token_start"], history, role=mention.get("role"))
                if antecedent:
                    # "The jets and the tanker left Amendola": each definite role of the subject
                    partners = [a for a in before if a["generic"] and a is not mention]
                    return _coordinated_roles(doc, antecedent, partners, history, mention), True
            if _another(doc, mention["token_start"]) and mention["quantity"] is None:
                # "A third aircraft ... flew from Keflavík": one more of the type told before, not that one
                antecedent = _latest_typed(doc, mention["token_start"], history, role=mention.get("role"))
                if antecedent:
                    return antecedent, False
            return [mention], False
        # a registration told before with its type: "Boeing 747-200F EP-FAB ... From Vnukovo, EP-FAB hopped to Minsk"
        registered = _registered_aircraft(doc, sent, trig.start, doc._.aircraft or [])
        if registered:
            return registered, True
        # a pronoun subject: "It then flew to Minsk", "They landed at Engels"; none at all, in a tracker's
        # log: "Departed Chkalovskiy at 0412Z ..."
        subject_window = doc[max(sent.start, trig.start - 6) : trig.start].text.lower()
        if _anaphor_before(doc, sent.start, trig.start) or (
            not trig.row.get("noun") and (_starts_sentence(doc, sent, trig.start) or _subjectless(doc, sent))
        ):
            antecedent = _latest_typed(doc, trig.start, history)
            if antecedent:
                return antecedent, True
        # "In the afternoon the delegation flew from Tripoli to Cairo": travellers fly on the last aircraft told about
        if history and history[-1].aircraft and any(f" {t} " in f" {subject_window} " for t in _TRAVELLERS):
            return history[-1].aircraft, True
        # "The return to Vnukovo began on ...", "The flight continued to Bamako": the leg just told about
        definite_noun = trig.start > 0 and doc[trig.start - 1].lower_ in {"the", "its", "their", "this"}
        if history and (trig.row.get("chain") or (trig.row.get("noun") and definite_noun)):
            return history[-1].aircraft, True
        return [], False

    def _designated_operator(self, doc: Doc, aircraft: list[dict]) -> dict | None:
        """The service a national designation names ("a CC-177" flies for the RCAF), as an operator mention
        whose span is the aircraft's."""
        for mention in aircraft:
            service = self.designated.get(mention["rule"])
            if service is not None:
                fields = {k: mention[k] for k in ("start", "end", "token_start", "token_end", "text")}
                return {**fields, **service}
        return None

    def _modality(self, doc: Doc, trig: Trigger, window_start: int) -> str | None:
        # a cue may begin just before the window: "an RC-135V appeared to arrive" (the window opens at "to")
        start = max(window_start - 3, trig.start - 12, 0)
        best = None
        texts = token_table(doc).texts
        for match in self.modality.find(doc, start=start, end=trig.end):
            if match.end <= window_start:
                continue
            if texts[match.start].endswith("."):
                continue  # "No. 10 Squadron": the abbreviation of "number", not a negation
            if texts[match.start] == "May" and _month_may(texts, match.start):
                continue  # "KHARTOUM, May 3 (Reuters) - Two Saudi C-130s landed": the month
            if texts[match.start].lower() == "no" and match.start and texts[match.start - 1].lower() in _WITH:
                continue  # "a larger IL76 with no visible markings landed": a description, not a denial
            if any(texts[k].lower() in _SPEECH_VERBS for k in range(match.end, trig.start)):
                continue  # "an official, who asked not to be named because he was not authorised to speak,
                # said the two Hercules took off": the cue is the speaker's, not the flight's
            modality = match.entry.payload["modality"]
            if best is None or _MODALITY_RANK[modality] > _MODALITY_RANK[best]:
                best = modality
        if best is None and trig.rule == "trg.flight_noun" and _planned_after(doc, trig.end):
            best = "planned"  # "another A400M rotation from Kayseri to Niamey is planned for Saturday"
        if best != "negated":
            at = doc[trig.start].idx
            if _DENIED_REPORT.search(token_table(doc).text, max(0, at - 300), at):
                best = "negated"  # "An Israeli official denied a report by a Cypriot news website that ...
                # AT-802F firefighting planes had landed at Paphos": the denial reaches past the usual window
        return best

    # -- output -------------------------------------------------------------------------------------------------
    def _to_dict(self, doc: Doc, leg: Leg) -> dict:
        aircraft_rules = [a["rule"] for a in leg.aircraft]
        place_rules = [p["rule"] for p in leg.places()]
        evidence = _trimmed(leg.sent if leg.last_sent is None else doc[leg.sent.start : leg.last_sent.end])
        trigger = doc[leg.triggers[0].start : leg.triggers[0].end]
        typed = any(not a["generic"] for a in leg.aircraft)
        confidence = 0.35 + 0.2 * typed + 0.15 * bool(leg.destination or leg.origin)
        confidence += (
            0.1 * bool(leg.destination and leg.origin) + 0.1 * bool(leg.dates) - 0.1 * leg.coreferent
        )
        primary = leg.departure_date or _primary_date(leg.dates)  # first in ``dates``, as in the gold
        if leg.count is not None:
            # "at least 11 arrivals from Tehran since January, the latest on Sunday night": an aggregate is
            # dated by the start of its period
            primary = next(
                (
                    t for t in leg.dates
                    if t.get("relation") in ("since", "between") and _period_of_count(doc, leg, t)
                ),
                primary,
            )  # fmt: skip
        return {
            "action": leg.action,
            "aircraft": leg.aircraft,
            "operator": leg.operator,
            "origin": leg.origin,
            "destination": leg.destination,
            "via": leg.via,
            "date": primary,
            "dates": [primary, *(d for d in leg.dates if d is not primary)] if primary else leg.dates,
            "count": leg.count,
            "modality": leg.modality,
            "sources": [],
            "evidence": {"start": evidence.start_char, "end": evidence.end_char, "text": evidence.text},
            "trigger": {"start": trigger.start_char, "end": trigger.end_char, "text": trigger.text},
            "token_start": evidence.start,
            "confidence": round(max(0.05, min(0.95, confidence)), 2),
            "rules": list(dict.fromkeys(leg.rules + aircraft_rules + place_rules)),
        }


# -- helpers (pure functions over mention dicts) -------------------------------------------------------------
def _month_may(texts: list[str], i: int) -> bool:
    """A capitalised "May" inside a sentence, or before or after a number, is the month."""
    near = [texts[k] for k in (i - 1, i + 1) if 0 <= k < len(texts)]
    inside = i > 0 and texts[i - 1] not in {".", "!", "?", '"', "“", "\n"}
    return any(t[:1].isdigit() for t in near) or inside


def _period_of_count(doc: Doc, leg: Leg, timex: dict) -> bool:
    """Whether a "since" or "between" date is the period an aggregate counts: before its trigger, or after it
    in the same clause ("flew six times into Batajnica earlier this month, the ministry confirmed, after
    imagery had pointed to the largest airlift since 2022": not the count's period)."""
    start = timex.get("start")
    last = doc[leg.triggers[0].end - 1]
    end = last.idx + len(last.text)
    if start is None or start < end:
        return True
    return not any(ch in ",;:" for ch in doc.text[end:start])


def _decade_or_century(value: str | None) -> bool:
    """'199' (the 1990s), '20' (the 21st century): a span too coarse to date a flight."""
    return bool(value) and value.isdigit() and len(value) <= 3


#: words that open a subject right after a fronted "From <place>" with no comma ("From Karaganda the two ...")
_SUBJECT_OPENERS = frozenset(
    {"the", "its", "their", "both", "all", "a", "an", "two", "three", "four", "it", "they"}
)


def _fronted_place(doc: Doc, sent: Span, places: list[dict], before: int) -> dict | None:
    """The place of a sentence-opening "At <place>," / "From <place>," / "After unloading at <place>," before
    token ``before``."""
    first = sent.start
    if (
        first + 3 < len(doc)
        and doc[first].lower_ == "after"
        and doc[first + 1].lower_.endswith("ing")
        and doc[first + 2].lower_ in {"at", "in"}
    ):
        first += 2  # "After unloading at Akrotiri, the Atlas continued to Muwaffaq Salti"
    if doc[first].lower_ == "after" and first == sent.start:
        # "After two days at Al Dhafra, where aircrews rested, the six Rafales took off again", "After the
        # patients had been handed over at Larnaca, the A321 took off again": the last place at which the
        # opening clause happened, up to the comma before the subject
        commas = [i for i in range(first + 1, before) if doc[i].text == ","]
        if not commas:
            return None
        located = [
            p for p in places
            if first < p["token_start"] and p["token_end"] <= commas[-1]
            and doc[p["token_start"] - 1 - (doc[p["token_start"] - 1].lower_ == "the")].lower_ in {"at", "in"}
        ]  # fmt: skip
        precise = [p for p in located if p["kind"] not in ("region", "country")]  # "at Prestwick in Scotland"
        return (precise or located)[-1] if located else None
    if first + 1 >= len(doc) or doc[first].lower_ not in {"at", "from", "in"}:
        return None
    if doc[first].lower_ == "in" and first == sent.start:
        return None  # "In Prague, the delegation ...": where something is said or done, not a departure
    name_start = first + 1 + (doc[first + 1].lower_ == "the")
    for place in places:
        end = place["token_end"]
        if place["token_start"] != name_start or end >= before:
            continue
        if doc[end].text == ",":
            return place
        if first == sent.start and doc[first].lower_ == "from" and doc[end].lower_ in _SUBJECT_OPENERS:
            return place  # "From Karaganda the two cosmonauts were to board a Tu-134 ... to Chkalovsky"
        if first > sent.start and doc[end].lower_ in {"the", "its", "their", "both", "all"}:
            return place  # "After refuelling in Benghazi the IL76 pushed on south": no comma, subject next
        # "From King Abdullah I Air Base in Marka, two RJAF C-130H ...": a place that locates the first
        if doc[end].lower_ in {"in", "near", "outside"} and any(
            q["token_start"] in (end + 1, end + 2)
            and q["token_end"] < before
            and doc[q["token_end"]].text == ","
            for q in places
        ):
            return place
    return None


def _intended(doc: Doc, place: dict | None) -> bool:
    """A destination told as the aim of a flight ("left Liège for Ben Gurion", "bound for Eielson")."""
    return bool(place) and place.get("token_start", 0) > 0 and doc[place["token_start"] - 1].lower_ == "for"


def _from_there(doc: Doc, sent: Span, before: int) -> bool:
    """A sentence opening "From there" (or "From there,") before token ``before``."""
    first = sent.start
    return first + 1 < before and doc[first].lower_ == "from" and doc[first + 1].lower_ == "there"


def _preceded_by(doc: Doc, start: int, words: list | None) -> bool:
    """Whether the word before token ``start`` is one of ``words`` (always true without a list): "to land",
    "will land", but not "on land"."""
    if not words:
        return True
    return start > 0 and doc[start - 1].lower_ in words


def _opens_clause_before_a_name(doc: Doc, start: int, end: int) -> bool:
    """A tracker's log with no subject: the trigger opens its sentence (after a numbering such as "2/" or a
    quote) or follows a comma or "and", and a name follows it ("Out of Chkalovsky (UUMU) at 0612Z", ", down
    at EPRZ", "was off Hmeimim at 0355Z and down at Benina")."""
    if end >= len(doc) or not doc[end].text[:1].isupper() or doc[end].lower_ in {"the", "a", "an"}:
        return False
    i = start
    while i > 0 and not doc[i].is_sent_start and not doc[i - 1].is_alpha and doc[i - 1].text != ",":
        i -= 1
    return doc[i].is_sent_start or (i > 0 and doc[i - 1].lower_ in {",", "and"})


def _followed_by_required(doc: Doc, end: int, phrases: list | None) -> bool:
    """Whether a trigger row's ``need_after`` phrases follow token ``end`` (always true without them), also
    after a time expression ("continued this morning to Kismayo")."""
    if not phrases or _followed_by(doc, end, phrases):
        return True
    if end < len(doc) and doc[end].lower_ in {"the", "its", "their", "his", "her"}:
        # "It followed the delegation to Kuala Lumpur": a short object before the route word
        for k in (end + 2, end + 3):
            if all(t.is_alpha and t.is_lower for t in doc[end + 1 : k]) and _followed_by(doc, k, phrases):
                return True
    after = _after_timex(doc, end)
    return after is not None and _followed_by(doc, after, phrases)


def _after_timex(doc: Doc, i: int) -> int | None:
    """The token after a time expression that starts at token ``i`` (or after "on"/"at"/"in" there)."""
    if i < len(doc) and doc[i].lower_ in {"on", "at", "in"}:
        i += 1
    if i >= len(doc):
        return None
    start = doc[i].idx
    timex = next((t for t in doc._.timexes or [] if t["start"] == start), None)
    if timex is None:
        return None
    span = doc.char_span(timex["start"], timex["end"], alignment_mode="expand")
    return span.end if span is not None and span.end - i <= 5 else None


def _followed_by(doc: Doc, end: int, phrases: tuple | list) -> bool:
    """Whether the words from token ``end`` start with one of ``phrases`` ("back in" + "the air")."""
    if not phrases:
        return False
    following = " ".join(t.lower_ for t in doc[end : end + 3])
    return any(following == phrase or following.startswith(phrase + " ") for phrase in phrases)


def _trimmed(span: Span) -> Span:
    """A sentence without the paragraph break the sentencizer leaves at its end."""
    start, end = span.start, span.end
    while end > start + 1 and span.doc[end - 1].is_space:
        end -= 1
    while start < end - 1 and span.doc[start].is_space:
        start += 1
    return span.doc[start:end]


def _origin_before_trigger(
    doc: Doc,
    places: list[dict],
    start: int,
    end: int,
    history: list[Leg],
    *,
    returning: bool = False,
    leaving: bool = False,
) -> dict | None:
    """'A pair of C-17s from Dover Air Force Base in Delaware landed at ...': the origin sits in the subject."""
    for place in places:
        if not start <= place["token_start"] < end:
            continue
        before = _without_possessor(
            [t.lower_ for t in doc[max(start, place["token_start"] - 12) : place["token_start"]]]
        )
        if returning and before[-2:] in (["based", "at"], ["stationed", "at"], ["based", "in"], ["deployed", "to"]):
            # "The six Gripens that had been based at Šiauliai since August flew home": they left their base
            return _resolve_place(doc, place, history)
        bare = before[:-1] if before[-1:] == ["the"] else before
        if leaving and bare[-1:] == ["at"] and _ON_ALERT_WORDS & set(bare[-6:]):
            # "Eurofighters on quick reaction alert at the Šiauliai air base took off on Tuesday"
            return _resolve_place(doc, place, history)
        if leaving and before[-1:] in (["at"], ["in"]) and _GROUNDED_WORDS & set(before[-4:]):
            # "A Turkish C-130E that had been on the ground in Mogadishu since Saturday departed for Djibouti"
            return _resolve_place(doc, place, history)
        if before[-2:] in (["based", "at"], ["stationed", "at"], ["based", "in"], ["stationed", "in"]):
            # "one of the two Mi-171E helicopters based at Marambio flew a team to Esperanza Base"
            return _resolve_place(doc, place, history)
        if before[-2:] == ["out", "of"]:
            return _resolve_place(doc, place, history)  # "a C-17A of the 305th AMW out of McGuire (KWRI)"
        if (
            before[-1:] in (["at"], ["in"])
            and "of" in before
            and _UNIT_HEADS & set(before)
            and place["kind"] in ("airbase", "airport", "city")
        ):
            # "a C-130H of the 33rd Airlift Base in Powidz carried ... to Iceland": it left the unit's base
            return _resolve_place(doc, place, history)
        if (
            before[-1:] == [","]
            and {"assigned", "of"} & set(before)
            and _UNIT_HEADS & set(before)
            and place["kind"] in ("airbase", "airport")
        ):
            # "Four B-52Hs assigned to the 5th Bomb Wing, Minot Air Force Base, North Dakota, arrived at ..."
            return _resolve_place(doc, place, history)
        if "from" not in before:
            continue
        # "from the 52nd Fighter Wing at Spangdahlem Air Base", "from its home base at Wunstorf"
        if (
            before[-1:] == ["from"]
            or before[-2:-1] == ["from"]
            or before[-1:] == ["at"]
            and place["kind"] in ("airbase", "airport", "city")
            or before[-1:] in (["in"], [","])
            and _UNIT_HEADS & set(before)
            and place["kind"] in ("airbase", "airport", "city")
        ):  # also "The two C-27Js, from the 46th Air Brigade in Pisa, left on Wednesday", "F-16CMs from the
            # 35th Fighter Wing, Misawa Air Base, Japan, arrived at Clark"
            return _resolve_place(doc, place, history)
    return None


#: a subject waiting at a base to take off ("on quick reaction alert at", "on standby at")
_ON_ALERT_WORDS = frozenset({"alert", "standby", "stand-by"})


def _without_possessor(words: list[str]) -> list[str]:
    """The words before a place without its possessor: "based at the agency's" -> "based at"."""
    if words[-1:] and words[-1] in ("'s", "’s"):
        for k in range(len(words) - 2, max(-1, len(words) - 6), -1):
            if words[k] in _DEFINITE and words[k - 1 : k] in (["at"], ["in"]):
                return words[:k]
    return words


def _stay_place(doc: Doc, places: list[dict], start: int, end: int) -> dict | None:
    """'The Phénix is scheduled to stay at Al Dhafra for about ten days before returning to Istres', 'The two
    Hercules still at Pituffik are due back in Trenton': where an aircraft waits before a return (between
    ``start`` and the trigger at ``end``) is where the return starts."""
    for place in places:
        at = place["token_start"]
        if start <= at - 2 and place["token_end"] <= end:
            if doc[at - 1].lower_ in ("at", "in", "on") and doc[at - 2].lower_ in _STAY_WORDS:
                return place
    return None


#: words that keep an aircraft where it is until it returns
_STAY_WORDS = frozenset(
    {"stay", "stays", "stayed", "staying", "remain", "remains", "remained", "remaining", "still", "wait",
     "waits"}
)  # fmt: skip
#: words of a relative clause that holds an aircraft on the ground before it leaves
_GROUNDED_WORDS = frozenset(
    {"ground", "parked", "sat", "sitting", "stranded", "stuck", "grounded", "apron", "tarmac", "alert",
     "standby"}
)

_UNIT_HEADS = frozenset(
    {"base", "wing", "squadron", "group", "regiment", "brigade", "flotilla", "escadrille", "facility"}
)


def _of_place(doc: Doc, descriptor: dict, places: list[dict]) -> bool:
    end = descriptor["token_end"]
    return end < len(doc) and doc[end].lower_ == "of" and any(p["token_start"] == end + 1 for p in places)


def _subheading(doc: Doc, sent: Span) -> bool:
    """A line of one to four words without closing punctuation, alone between blank lines: a section title."""
    text = sent.text.strip()
    if not text or text[-1] in ".!?:;\"'”)" or len(text.split()) > 4:
        return False
    end = sent.start_char + len(sent.text.rstrip())
    full = token_table(doc).text
    after = full[end : end + 3]
    blank_after = "\n" in after[: len(after) - len(after.lstrip())]  # the line ends right after the title
    return full[max(0, sent.start_char - 1) : sent.start_char] == "\n" and blank_after


def _route(doc: Doc, places: list[dict], start: int, end: int) -> list[dict]:
    """'flew Bamako-Niamey-Ouagadougou', 'routing Vnukovo - Hmeimim - Bamako': places joined by dashes."""
    inside = [p for p in places if start <= p["token_start"] < end and not p.get("descriptor")]
    best: list[dict] = []
    run: list[dict] = []
    for place in inside:
        if (
            run
            and _joined(doc[run[-1]["token_end"] : place["token_start"]])
            and place["token_start"] > run[-1]["token_end"]
        ):
            run.append(place)
        elif place["token_start"] > 0 and doc[place["token_start"] - 1].lower_ in _ROUTE_BREAKERS or (
            place["token_start"] > 1
            and doc[place["token_start"] - 1].lower_ == "the"
            and doc[place["token_start"] - 2].lower_ in _ROUTE_BREAKERS
        ):
            run = []  # "headed back across the Atlantic to Dover": the Atlantic is crossed, not left
            continue
        else:
            run = [place]
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 2 else []


_JOINERS = frozenset({"-", "–", "—", ">", "→", "➝", "➔", "⟶", "->", "=>", "to", "/"})


def _joined(between: Span) -> bool:
    """Only route joiners between two places, once a bracketed code after the first is set aside:
    'Moscow Vnukovo (UUWW) to Dubai'."""
    tokens = [t.text for t in between]
    if tokens[:1] == ["("] and ")" in tokens:
        close = tokens.index(")")
        if all(_CODE_TOKEN.fullmatch(t) or t == "/" for t in tokens[1:close]):
            tokens = tokens[close + 1 :]
            if not tokens:
                return False
    return all(t in _JOINERS for t in tokens)


_CODE_TOKEN = re.compile(r"[A-Z0-9]{3,4}")


def _noun_route(
    doc: Doc, trig: Trigger, places: list[dict], window_start: int, window_end: int
) -> list[dict]:
    """'four earlier Corlu-Mogadishu runs', 'five 747F rotations IKA–CCS': a route right before or right
    after a movement noun."""
    if not trig.row.get("noun"):
        return []
    before = _route(doc, places, window_start, trig.start)
    if before and trig.start - before[-1]["token_end"] <= 1:
        return before
    after = _route(doc, places, trig.end, window_end)
    return after if after and after[0]["token_start"] - trig.end <= 1 else []


#: prepositions that put a place on the way, so that it cannot start a route "A to B"
_ROUTE_BREAKERS = frozenset({"across", "over", "through", "via", "past", "along", "around"})


#: what an aircraft carries, whose "destined for X" is not the flight's destination
_CARGO_NOUNS = frozenset(
    {"equipment", "aid", "supplies", "cargo", "ammunition", "weapons", "munitions", "parts", "materiel",
     "shells", "goods", "assistance", "systems", "vehicles", "missiles"}
)  # fmt: skip
#: nouns whose "for X" names what a person is responsible for, not where a flight goes ("envoy for Sudan")
_ROLES_FOR = frozenset(
    {
        "envoy", "envoys", "minister", "ministers", "ambassador", "commissioner", "coordinator",
        "representative", "rapporteur", "secretary", "spokesman", "spokeswoman", "spokesperson",
        "correspondent", "adviser", "advisor", "czar", "tsar", "director", "chief", "head", "emissary",
        "negotiator", "delegate",
    }
)  # fmt: skip
_SEQUENCE_WORDS = {"then", "later", "afterwards", "subsequently", "onward", "onwards"}


#: "then", "later": a next step of the story ("onward" only continues a leg)
_NEXT_STEP_WORDS = frozenset(_SEQUENCE_WORDS - {"onward", "onwards"})
#: "the following day", "the next morning": a day after the one told before
_NEXT_WORDS = frozenset({"following", "next"})
_DAY_PARTS = frozenset({"day", "morning", "afternoon", "evening", "night", "week"})


def _sequence_opening(doc: Doc, start: int, end: int) -> bool:
    """'Two days later the same MD-11F flew ...', 'The KC-330 then carried ...', 'The following morning the
    A400M left ...': words before a sentence's first trigger that tell a next step of the story."""
    for i in range(start, end):
        word = doc[i].lower_
        if word in _NEXT_STEP_WORDS:
            return True
        if word in _NEXT_WORDS and i + 1 < end and doc[i + 1].lower_ in _DAY_PARTS:
            return True
    return False


#: finite past forms of "fly" (and of a move told like it) that start a coordinated next leg after a landing
#: (one of the ``_LANDING`` triggers): "landed at Rota and flew to Sigonella"
_FLEW = frozenset({"flew", "hopped", "shuttled"})
_MOVED_ON = frozenset({"positioned", "repositioned", "proceeded", "headed"})


def _flew_on_after_landing(doc: Doc, current: Leg, trig: Trigger, slots: dict) -> bool:
    """'touched down at St. Paul at 11:40 p.m. and flew to Cold Bay', 'landed at Rota, refuelled and flew
    to Sigonella': a landing, then "and flew to" another place with no origin of its own: a next leg from
    where the landing was (a departure verb already restarts: "landed at Managua and left for Russia")."""
    if current.destination is None or current.triggers[-1].rule not in _LANDING:
        return False
    if trig.start == 0 or not (
        trig.rule == "trg.fly" and doc[trig.start].lower_ in _FLEW
        or trig.rule == "trg.make_way" and doc[trig.start].lower_ in _MOVED_ON
    ):  # also "landed at Katowice-Pyrzowice at 2215Z and positioned to Jasionka the next morning"
        return False
    if doc[trig.start - 1].lower_ != "and" or slots.get("origin") is not None:
        return False
    destination = slots.get("destination")
    return destination is not None and not _same_name(destination, current.destination)


def _sequenced(doc: Doc, start: int, end: int) -> bool:
    """'... and then flew on to', '... before heading to': the words before a trigger start a new leg."""
    return any(doc[i].lower_ in _SEQUENCE_WORDS for i in range(max(start, end - 3), end))


def _clause_end(doc: Doc, start: int, end: int, timexes: list[dict]) -> int:
    """The first clause break after a trigger ("since" only when it does not introduce a date)."""
    timex_starts = {t["start"] for t in timexes}
    for i in range(start, end):
        word = doc[i].lower_
        if word in _CLAUSE_BREAKS:
            if word == "since" and i + 1 < len(doc) and doc[i + 1].idx in timex_starts:
                continue
            if word == "as" and i + 1 < len(doc) and doc[i + 1].lower_ in {"part", "well", "many", "much"}:
                continue
            if word == "as" and doc[i - 1].lower_ in _NAMED_AS:
                continue  # "one of its WP-3D Orions, better known as "Kermit", from Lakeland to St. Croix"
            return i
    return end


def _merge(leg: Leg, trig: Trigger, slots: dict) -> None:
    leg.triggers.append(trig)
    leg.rules.append(trig.rule)
    for slot, place in slots.items():
        if slot == "via":
            leg.via.extend(place)
        elif getattr(leg, slot) is None or _refines(getattr(leg, slot), place):
            setattr(leg, slot, place)
        elif slot == "origin" and "chain:origin" in leg.rules:
            # "The aircraft, flown by the Special Airlift Group, took off from Tokyo's Haneda airport": the
            # place the text gives beats the one carried over from the last leg
            leg.origin = place
            leg.rules.remove("chain:origin")


def _refines(general: dict, specific: dict) -> bool:
    """Whether ``specific`` names a place inside ``general``, the most specific place the text gives: an
    airport or city of the country ("flew back to Spain ..., landing at Torrejon air base"), or an airport of
    the city ("flew to Dhaka ... landed at Hazrat Shahjalal International Airport")."""
    if general.get("kind") == "country":
        return _within(general, specific)
    if general.get("kind") == "city":
        return specific.get("kind") in ("airport", "airbase") and _compatible(general, specific) and (
            general.get("name") != specific.get("name")
        )
    return False


def _clocks_past_midnight(doc: Doc, legs: list[Leg]) -> None:
    """'JAKE11 came out of Souda Bay at 1740Z ... It was back at Souda around 0130Z': a bare clock time
    earlier than the clock time of the same aircraft's previous leg on the same day is the next day's (the
    flight went on past midnight). When the text named that next day before ("Busy one yesterday ... departed
    at 2310Z on Aug 12 ... landed at 0748Z"), the clock times told after it are that day's too, until the
    text names a day again."""
    rolled: str | None = None  # the day the text has passed midnight from
    for i, leg in enumerate(legs):
        primary = _primary_date(leg.dates)
        if primary is not None and not _bare_clock(primary):
            rolled = None  # "on 3 May": a day named again
        if primary is None or not _bare_clock(primary):
            continue
        if rolled is not None and primary["value"].startswith(rolled + "T"):
            _shift_bare_clocks(leg, rolled, "date:clock-after-midnight-passed")
            continue
        if leg.triggers[0].row["action"] == "departure":
            continue  # a departure told after the arrival ("had left Hamad shortly after 2pm") went before it
        # the aircraft's last leg that flew and was timed ("did not go home to Okinawa" has no clock)
        flown = [before for before in legs[:i] if before.modality != "negated" and before.dates]
        previous = _previous_leg_of(leg.aircraft, flown)
        before = _primary_date(previous.dates) if previous is not None else None
        value = (before or {}).get("value") or ""
        # "left Kayseri on Monday morning ... landing at 2:40 a.m.": a part of the day counts from its start
        part_start = _PART_OF_DAY_START.get(value[11:]) if _DAY_VALUE.match(value[:10]) else None
        if before is None or not (_CLOCK_OF_DAY.match(value) or part_start):
            continue
        day, clock = primary["value"].split("T", 1)
        if part_start and (clock[:5] >= "05:00" or any(t.get("value") == day for t in leg.dates)):
            # a part of the day has loose bounds: only the small hours are surely after midnight, and not when
            # the leg names its day ("landing there at 0412Z on Saturday")
            continue
        before_day, before_clock = value[:10], part_start or value.split("T", 1)[1]
        if before_day != day or before_clock[:5] <= clock[:5]:
            continue
        if not _DAY_VALUE.match(day) or day.startswith("XXXX"):
            continue
        _shift_bare_clocks(leg, day, "date:clock-past-midnight")
        following = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
        if any(t["value"] == following and t["start"] < leg.sent.start_char for t in doc._.timexes or []):
            rolled = day


def _patrol_areas(legs: list[Leg]) -> None:
    """'A P-3C flew a surveillance flight over the Gulf of Aden. The P-3C was back at Ambouli at 15:40': the
    area a sortie flew over, when the aircraft then returns, is where the sortie went and where the return
    began (corpus/README: a round-trip patrol is a leg to the area and a return)."""
    for i, leg in enumerate(legs):
        if leg.destination is not None or leg.action == "return" or leg.modality == "negated":
            continue
        areas = [v for v in leg.via if v.get("kind") == "region"]
        if not areas:
            continue
        back = next(
            (
                later
                for later in legs[i + 1 : i + 3]
                if later.action == "return"
                and later.origin is None
                and _previous_leg_of(later.aircraft, [leg]) is leg
            ),
            None,
        )
        if back is None:
            continue
        area = areas[-1]
        leg.via.remove(area)
        leg.destination = area
        leg.rules.append("destination:patrol-area")
        back.origin = area
        back.rules.append("origin:patrol-area")


def _days_of_paragraph_headings(doc: Doc, legs: list[Leg]) -> None:
    """A spotter's diary: "Tuesday. The C-295M came over from Figo Maduro ... and went back in the evening."
    A paragraph that opens on a day alone gives that day to its legs that tell none."""
    text = token_table(doc).text
    headings: dict[int, dict | None] = {}
    for leg in legs:
        if leg.dates:
            continue
        start = text.rfind("\n", 0, leg.sent.start_char) + 1
        if start not in headings:
            headings[start] = _heading_day(doc, text, start)
        heading = headings[start]
        if heading is not None and heading["start"] < leg.sent.start_char:
            leg.dates = [dict(heading)]
            leg.rules.append("date:paragraph-heading")


def _heading_day(doc: Doc, text: str, start: int) -> dict | None:
    """The day a paragraph opens on when it stands alone as a heading ("Monday.", "Tuesday 14 March:",
    "Wednesday morning.")."""
    timex = next((t for t in doc._.timexes or [] if t["start"] >= start), None)
    if timex is None or text[start : timex["start"]].strip():
        return None
    if timex["type"] != "DATE" and not _PART_OF_DAY_VALUE.match(timex.get("value") or ""):
        return None  # "Wednesday morning." heads a paragraph as "Wednesday." does
    after = text[timex["end"] : timex["end"] + 3]
    if after[:1] not in {".", ":"} or after[1:2] not in {" ", "\n"}:
        return None
    if not _DAY_VALUE.match(timex.get("value") or ""):
        return None
    return timex


#: where a part of the day begins ("2025-05-14TEV": from five in the evening)
_PART_OF_DAY_START = {"MO": "05:00", "AF": "12:00", "EV": "17:00", "NI": "20:00"}


def _overnight_in_leg(legs: list[Leg]) -> None:
    """'left McGuire on Wednesday evening, made a fuel stop at Shannon and touched down at Jasionka at 11.47':
    a bare clock time told after the leg's departure in the evening or at night of the same day, and earlier
    than that part of the day, is the next day's (the flight went on past midnight)."""
    for leg in legs:
        for k, timex in enumerate(leg.dates):
            value = timex.get("value") or ""
            part = value[11:] if _DAY_VALUE.match(value[:10]) and value[10:11] == "T" else ""
            if part not in ("EV", "NI"):
                continue
            day = value[:10]
            later = [t for t in leg.dates[k + 1 :] if _bare_clock(t) and t["value"].startswith(day + "T")]
            if later and all(t["value"][11:16] < _PART_OF_DAY_START[part] for t in later):
                _shift_bare_clocks(leg, day, "date:clock-after-an-evening-departure")
            break


def _shift_bare_clocks(leg: Leg, day: str, rule: str) -> None:
    """The leg's bare clock times valued on ``day`` move to the following day."""
    following = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    leg.dates = [
        {**t, "value": following + "T" + t["value"].split("T", 1)[1]}
        if _bare_clock(t) and t["value"].startswith(day + "T")
        else t
        for t in leg.dates
    ]
    leg.rules.append(rule)


def _action(leg: Leg) -> str:
    actions = [t.row["action"] for t in leg.triggers]
    if "diversion" in actions:
        return "diversion"
    if _brought_back(leg):
        return "return"
    if actions[0] == "transit" and leg.destination is not None and set(actions) != {"transit"}:
        # "crossed the Atlantic to Recife", "stopped at Tamanrasset before continuing to Niamey": a stopover
        # or crossing told with the leg's own movement is that leg; a transit is an overflight or stop alone
        actions = [a for a in actions if a != "transit"]
    if actions[0] in ("return", "deployment", "transit"):
        return actions[0]
    if leg.origin and leg.destination:
        return "flight"
    if leg.destination:
        return "arrival" if "arrival" in actions else actions[0] if actions[0] != "departure" else "flight"
    if leg.origin:
        return "departure" if "departure" in actions else "flight"
    return actions[0]


def _brought_back(leg: Leg) -> bool:
    """'brought the man back to Ciampino', 'bring the delegation home to Manila': carrying someone back is a
    return (the object may stand between the verb and "back" or "home")."""
    trig = leg.triggers[0]
    if trig.row["id"] not in _CARRYING_TRIGGERS or trig.surface.split()[-1] not in _BRING_WORDS:
        return False
    doc = leg.sent.doc
    stop = leg.destination["token_start"] if leg.destination else min(trig.end + 5, leg.sent.end)
    return any(t.lower_ in {"back", "home"} for t in doc[trig.end : min(stop, trig.end + 5)])


_CARRYING_TRIGGERS = frozenset({"trg.airlift", "trg.carry_infinitive"})
_BRING_WORDS = frozenset({"bring", "brings", "bringing", "brought"})


def _preposition_before(doc: Doc, start: int, floor: int, skip: set[int]) -> str | None:
    """The preposition governing a place: "to the Hmeimim air base", "at Benghazi's Benina airport"."""
    i = start - 1
    # "to the border of the Kaliningrad Region": "the" may stand between the "of" and the place
    of = i - 1 if i - 1 >= floor and doc[i].lower_ == "the" else i
    if of - 1 >= floor and doc[of].lower_ == "of" and doc[of - 1].lower_ in _PLACE_CLASS_NOUNS:
        # "to the southern Somali port city of Kismayo", "into the capital of Chad": the place the descriptor
        # names takes the descriptor's preposition
        k = of - 1
        while k >= floor and of - k <= 6 and doc[k].lower_ != "the" and doc[k].is_alpha:
            k -= 1
        if k - 1 >= floor and doc[k].lower_ == "the" and doc[k - 1].lower_ in _PREP_SLOTS:
            return doc[k - 1].lower_
    while i >= floor and (doc[i].lower_ in _SKIP_BEFORE_PLACE or i in skip):
        if doc[i].lower_ == "of" and i - 1 >= floor and doc[i - 1].lower_ == "out":
            return "from"  # "23 medevac missions out of Jasionka", "wheels up out of the base"
        i -= 1
    if i < floor:
        return None
    word = doc[i].lower_
    if word in {"and", "or", "between"}:
        return word
    if (
        word == "at"
        and "from" in [t.lower_ for t in doc[max(floor - 1, 0, i - 6) : i]]  # or the trigger's "flew in from"
        and any(t.lower_ in _BASE_HEADS | _STORE_HEADS | {"home"} for t in doc[max(floor, i - 3) : i])
    ):  # "flights from its logistics hub at Dubai World Central", "from their home at Misawa Air Base"
        return "from"
    if word == "at" and _home_base_at(doc, i, floor):
        return "from"  # "flew in from their home base at Gebel El Basur": the trigger holds the "from"
    if word == "at" and i - 1 >= floor and doc[i - 1].lower_ in _BASE_HEADS:
        # "left Šiauliai for their home base at Grosseto": the base takes the preposition before its
        # description
        k = i - 1
        while k >= floor and i - k <= 5 and doc[k].lower_ in _BASE_DESCRIPTION_WORDS:
            k -= 1
        if k >= floor and doc[k].lower_ in {"for", "to", "toward", "towards"}:
            return doc[k].lower_
    if word in {"in", "near", "outside"} and i - 1 >= floor and doc[i - 1].lower_ in _UNNAMED_FIELDS:
        # "took off from the 12th Air Transport Main Base in Kayseri": a base no gazetteer knows, located by its
        # city, which then fills the base's slot
        before = [t.lower_ for t in doc[max(floor, i - 8) : i - 1]]
        slot_preps = [w for w in before if w in {"from", "to", "into"}]
        if slot_preps and not any(t in before for t in (",", "and", "which", "where")):
            return slot_preps[-1]
    if word in _BASE_DESCRIPTION_WORDS and any(t.lower_ in _BASE_HEADS for t in doc[i + 1 : start]):
        # "had left their home base of Wunstorf", "flew back to their usual base of Ramstein": the base
        k = i
        while k >= floor and doc[k].lower_ in _BASE_DESCRIPTION_WORDS:
            k -= 1
        if k < floor:
            return "object"
        if doc[k].lower_ in _PREP_SLOTS:
            return doc[k].lower_
    if doc[i].text == ",":
        # "returned to its home base, RAAF Base Amberley": the name in apposition takes the preposition
        k = i - 1
        while k >= floor and k >= i - 5 and doc[k].lower_ in _BASE_DESCRIPTION_WORDS:
            k -= 1
        if k < i - 1 and k >= floor and doc[i - 1].lower_ in _BASE_HEADS and doc[k].lower_ in _PREP_SLOTS:
            return doc[k].lower_
    if word in _PREP_SLOTS or word in _CONTAINER_PREPS:
        return word
    if word == "of" or doc[i].text == ",":
        return word
    return None


#: "... flight from Waterkloof to Beira ... is planned for Wednesday", "flights ... were scheduled for next
#: week": the verb after a flight noun and its route
_PLANNED_AFTER = re.compile(
    r"[^.;:!?]{0,120}?\b(?:is|are|was|were)\s+(?:also\s+|now\s+)?"
    r"(?:planned|scheduled|expected|due|pencil+ed\s+in)\b",
    re.IGNORECASE,
)


#: a denial of a report whose "that" clause runs up to the trigger, within one sentence
_DENIED_REPORT = re.compile(
    r"\b(?:denied|denies|rejected|dismissed|refuted)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,2}"
    r"(?:reports?|claims?|allegations?|suggestions?)\b[^.;!?]*?\bthat\b[^.;!?]*$",
    re.IGNORECASE,
)


def _planned_after(doc: Doc, end: int) -> bool:
    """A flight noun whose verb, after its route, says it is planned."""
    if end >= len(doc):
        return False
    start = doc[end].idx
    sentence_end = doc[end].sent.end_char
    return bool(_PLANNED_AFTER.match(token_table(doc).text, start, sentence_end))


#: an unnamed airfield located by the town it is in or near: "from an airstrip near Kwekwe"
_UNNAMED_FIELDS = frozenset({"base", "airport", "airfield", "station", "airstrip", "strip"})
#: the kind of place a descriptor before "of" names: "the port city of Kismayo", "the capital of Chad"
_PLACE_CLASS_NOUNS = frozenset({
    "city", "town", "port", "village", "capital", "island", "islands", "province", "region", "state",
    "district", "enclave", "archipelago", "atoll", "oasis", "border", "borders", "edge", "coast", "vicinity",
    "outskirts", "airspace",
})  # fmt: skip
_DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "-",
    "northeastern", "northwestern", "southeastern", "southwestern", "far",
})  # fmt: skip


def _undirected_gap(doc: Doc, start: int, end: int) -> int:
    """The words between two tokens, leaving out the direction before a place ("north-eastern")."""
    return sum(1 for i in range(start, end) if doc[i].lower_ not in _DIRECTION_WORDS)


def _plain_gap(doc: Doc, start: int, end: int, possessors: set[int]) -> int:
    """The words between two places, leaving out a bracketed code ("(OMSJ)") and a possessor of the second
    ("Bishkek's")."""
    words = 0
    depth = 0
    for i in range(start, end):
        text = doc[i].text
        if text == "(":
            depth += 1
        elif text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and i not in possessors:
            words += 1
    return words


def _home_base_at(doc: Doc, at: int, floor: int) -> bool:
    """'flew in from their home base at X' where "from" ends the trigger, before ``floor``: only possessives
    and base words lie between "from" and "at"."""
    k = at - 1
    while k >= max(0, at - 5) and doc[k].lower_ in _HOME_BASE_WORDS:
        k -= 1
    return k < floor and k < at - 1 and k >= 0 and doc[k].lower_ == "from"


_HOME_BASE_WORDS = frozenset({"their", "its", "his", "her", "the", "home", "main", "air", "base", "airbase"})


#: words of a description that a base's name may follow in apposition ("to its home base, RAAF Base Amberley")
_BASE_DESCRIPTION_WORDS = frozenset(
    {"its", "their", "the", "a", "home", "main", "operating", "usual", "forward", "new", "former", "air",
     "base", "airfield", "airport", "station", "hub"}
)  # fmt: skip
_BASE_HEADS = frozenset({"base", "airfield", "airport", "station", "hub"})
_STORE_HEADS = frozenset({"warehouse", "warehouses", "depot", "depots"})


def _resolve_place(doc: Doc, place: dict, history: list[Leg]) -> dict | None:
    """A descriptor ("the Syrian province", "the base") becomes the latest place of its kind named before it."""
    if not place.get("descriptor"):
        return place
    wanted = {"airbase": {"airbase", "airport"}, "airport": {"airport", "airbase"}}.get(
        place["kind"], {place["kind"]}
    )
    candidates = [p for p in doc._.places if p["token_end"] <= place["token_start"]][::-1]
    if place["kind"] == "region" and place["text"].lower().endswith("region"):
        # "arrive in the region": a region no single country holds (Middle East, Baltic) before a province
        candidates.sort(key=lambda p: p["kind"] != "region" or bool(p.get("country")))
    if place["kind"] == "airbase":
        # "the base" is the base the story is about: the most often named one so far (the latest on a tie)
        counts = _name_counts(p for p in candidates if p["kind"] in wanted and not p.get("descriptor"))
        candidates.sort(key=lambda p: -counts[p["name"]])
    elif place["kind"] == "ship":
        # "flew back to the carrier": the ship so described (a carrier, not the destroyer named since), the
        # one named most often first
        counts = _name_counts(p for p in candidates if p["kind"] == "ship" and not p.get("descriptor"))
        candidates.sort(key=lambda p: (p.get("ship_head") != place.get("ship_head"), -counts[p["name"]]))
    elif place["kind"] == "airport":
        # "landed at the same airport": an airport before a base ("spent the night at Olenya air base")
        candidates.sort(key=lambda p: p["kind"] != "airport")
    elif place["kind"] == "city" and not place.get("country") and place["text"].lower().endswith("capital"):
        # "landed in the capital" under "MOGADISHU -" after "as Cairo moves equipment": the city the story
        # is about: the national capital named most often so far (the first named, a dateline's, on a tie)
        capitals = {(iso2, fold(name)) for iso2, name in geonames_capitals().items()}
        named = [
            p for p in candidates
            if p["kind"] == "city" and not p.get("descriptor")
            and (p.get("country"), fold(p["name"] or "")) in capitals
        ]  # fmt: skip
        counts = _name_counts(named)
        first = {p["name"]: p["token_start"] for p in named}  # backwards: the earliest mention is set last
        candidates.sort(key=lambda p: (-counts[p["name"]], first.get(p["name"], 0)))
    if place.get("the_island"):
        # "arrived on the island": the island the story is about, the most often named one so far (the latest
        # on a tie), a town or region on it before its airport
        islands = [p for p in candidates if p.get("island") and not p.get("descriptor")]
        counts = _name_counts(islands)
        islands.sort(key=lambda p: (-counts[p["name"]], p["kind"] in ("airport", "airbase")))
        if islands:
            wanted = {islands[0]["kind"]}
            candidates = islands
    if place.get("capital_city"):
        candidates.append(place["capital_city"])  # "the Chadian capital" with no Chadian city named before
    if place.get("city_airport"):
        candidates.append(place["city_airport"])  # "the airport" of the city named before, after named places
    for earlier in candidates:
        if earlier.get("descriptor") or earlier["kind"] not in wanted:
            continue
        if place.get("country") and earlier.get("country") and earlier["country"] != place["country"]:
            continue
        resolved = {**earlier, "text": place["text"], "start": place["start"], "end": place["end"],
                    "token_start": place["token_start"], "token_end": place["token_end"],
                    "rule": f"{place['rule']}->{earlier['rule']}"}  # fmt: skip
        return resolved
    return None


def _name_counts(places: Iterable[dict]) -> Counter[str]:
    """How often each place name is told: the place a story is about is the one named most."""
    return Counter(p["name"] for p in places)


_LIST_BREAKERS = {
    ".", ";", ":", "(", ")", "from", "to", "at", "in", "into", "for", "via", "over", "on", "while", "which", "that",
    "who", "after", "before", "then", "when", "but", "was", "were", "is", "are", "had", "has", "have", "flew",
    "landed", "left", "arrived", "took", "said",
}


#: words before "no" that make it part of a description ("with no visible markings")
_WITH = frozenset({"with", "without", "carrying", "showing"})


def _cargo_for(doc: Doc, mention: dict, sent: Span) -> bool:
    """Whether an aircraft mention is what a cargo is for ("spare parts for the tankers", "engines for the
    Typhoons"): after "for" (and a determiner), with a cargo noun or "carrying" shortly before."""
    k = mention["token_start"] - 1
    while k > sent.start and doc[k].lower_ in {"the", "its", "their", "both", "two", "three", "four"}:
        k -= 1
    if k <= sent.start or doc[k].lower_ != "for":
        return False
    before = {t.lower_ for t in doc[max(sent.start, k - 6) : k]}
    return bool(before & (_CARGO_NOUNS | {"carrying", "carried", "parts", "spares", "crews", "supplies"}))


def _nearest_group(mentions: list[dict], doc: Doc | None = None) -> list[dict]:
    """The mention nearest the trigger plus those coordinated with it ("an Il-76 and two An-124s", "a
    Kawasaki C-2, a KC-767 tanker-transport and a C-130H Hercules")."""
    group = [mentions[-1]]
    for mention in reversed(mentions[:-1]):
        gap = group[0]["token_start"] - mention["token_end"]
        if gap <= 3 or (doc is not None and _list_gap(doc, mention["token_end"], group[0]["token_start"])):
            group.insert(0, mention)
        else:
            break
    return group


def _coordinated_roles(
    doc: Doc, group: list[dict], before: list[dict], history: list[Leg], anchor: dict | None = None
) -> list[dict]:
    """``group`` plus the aircraft a definite role noun coordinated with it stands for: "the F-35s and their
    tanker continued", "seven of the Eurofighters and the three tankers", "The jets and the tanker left" (the
    latest type of that role told before; see :func:`_latest_typed`). ``anchor`` is the mention ``group``
    was resolved from, when it is itself a role noun."""
    lowers = token_table(doc).lowers
    edge = anchor or group[-1]
    out = list(group)
    models = {a["model"] for a in out}
    roles = {a.get("role") for a in out}
    for mention in before:
        if not mention["generic"] or mention is anchor:
            continue
        if mention["token_start"] >= edge["token_end"]:
            between = lowers[edge["token_end"] : mention["token_start"]]
        else:
            between = lowers[mention["token_end"] : edge["token_start"]]
        if not between or between[0] != "and" or not set(between[1:]) <= _COORDINATED_DETERMINERS:
            continue
        if len(between) < 2 or between[1] not in _DEFINITE:
            continue  # "F-35s and tankers" is a list of types, not a reference back
        role = mention.get("role")
        if role:
            found = _latest_typed(doc, mention["token_start"], history, role=role)
        else:  # "the jets and the tanker": the latest type of another role than the tanker's
            found = [
                a
                for a in reversed(doc._.aircraft)
                if not a["generic"]
                and a["token_end"] <= mention["token_start"]
                and a.get("role") not in roles
            ][:1]
        for partner in found or []:
            if partner["model"] not in models and (role is None or partner.get("role") == role):
                out.append(partner)
                models.add(partner["model"])
    return out


def _escorts(doc: Doc, sent: Span, group: list[dict], aircraft: list[dict]) -> list[dict]:
    """Types flying with ``group`` in its sentence: "accompanied by a KC-130J Super Hercules tanker",
    "supported by two Voyager KC2 tankers", "together with three A330 MRTT tankers"."""
    lowers = token_table(doc).lowers
    models = {a["model"] for a in group}
    out = []
    for mention in aircraft:
        start = mention["token_start"]
        if mention["generic"] or not sent.start <= start < sent.end or mention["model"] in models:
            continue
        if _escort_cue(lowers, sent, start) is not None:
            out.append(mention)
            models.add(mention["model"])
    for member in group:
        # "four Su-30MKI fighters from No. 222 Squadron, supported by an IL-78 ..., departed": the group found
        # is the escort; the aircraft it supports flies too
        cue = _escort_cue(lowers, sent, member["token_start"])
        if cue is None:
            continue
        escorted = [
            a for a in aircraft
            if not a["generic"] and sent.start <= a["token_start"] and a["token_end"] <= cue
            and a["model"] not in models
        ]  # fmt: skip
        if escorted:
            out.append(escorted[-1])
            models.add(escorted[-1]["model"])
    return out


def _escort_cue(lowers: list[str], sent: Span, start: int) -> int | None:
    """The start of "accompanied by" / "supported by" ... right before the mention at ``start``, or None."""
    cue = start - 1 if lowers[start - 1] in _COORDINATED_DETERMINERS | {"a", "an"} else start
    if cue - 2 >= sent.start and (lowers[cue - 2], lowers[cue - 1]) in _ESCORT_CUES:
        return cue - 2
    return None


_ESCORT_CUES = frozenset({
    ("accompanied", "by"), ("supported", "by"), ("escorted", "by"), ("together", "with"),
})  # fmt: skip

_COORDINATED_DETERMINERS = _DEFINITE | {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "accompanying", "supporting",
}  # fmt: skip


def _list_gap(doc: Doc, start: int, end: int) -> bool:
    """Tokens between two aircraft of one list: a comma or 'and', a determiner or number, descriptive words
    ('tanker-transport'), nothing that starts a clause or names a place."""
    operators = {i for o in doc._.operators or [] for i in range(o["token_start"], o["token_end"])}
    # a unit's name counts as one word: "Four MV-22Bs of Marine Medium Tiltrotor Squadron 265 and two
    # KC-130Js"
    table_lowers = token_table(doc).lowers
    lowers = [table_lowers[i] for i in range(start, end) if i not in operators]
    if not lowers or len(lowers) > 7 or not ({",", "and"} & set(lowers)):
        return False
    return not (set(lowers) & _LIST_BREAKERS)


#: "one of the", "both of the", "six of the", "two more of the": a part of aircraft told about before
_ONE_OF = re.compile(
    r"^(?:one|both|two|three|four|five|six|seven|eight|nine|ten|\d+|some|several|all|most|each)"
    r"(?: more)? of the"
)
#: words just before a type that make it the object of another verb or preposition, not the aircraft a later
#: "it" / "they" / "the aircraft" refers to
_OBLIQUE_BEFORE = frozenset(
    {"with", "alongside", "against", "for", "escorted", "escorting", "intercepted", "intercept", "shadowed",
     "replacing", "replace", "than", "like"}
)  # fmt: skip


def _starts_sentence(doc: Doc, sent: Span, start: int) -> bool:
    """Whether token ``start`` begins its sentence (after quotes, bullets or numbering such as "3/")."""
    i = sent.start
    while i < start and not doc[i].is_alpha:
        i += 1
    return i == start and doc[start].text[:1].isupper()


def _subjectless(doc: Doc, sent: Span) -> bool:
    """A tracker's sentence that opens on its verb ("Went south to a box off Gaza, then came back up to
    Akrotiri"): its subject is the aircraft told last, not the last leg's."""
    i = sent.start
    while i < sent.end and not doc[i].is_alpha:
        i += 1
    if i + 1 >= sent.end or not doc[i].text[:1].isupper():
        return False
    first, following = doc[i].lower_, doc[i + 1]
    if first in _SUBJECTLESS_OPENERS:
        return True
    return (
        len(first) > 4
        and first.endswith("ed")
        and following.is_lower
        and following.lower_ not in _SPEECH_VERBS
        and following.lower_ not in {"by", "of"}
    )


#: irregular past tenses and log words ("Off again from Tolmachevo at 0940Z") a tracker's subjectless sentence
#: opens on
_SUBJECTLESS_OPENERS = frozenset(
    {"went", "ran", "came", "flew", "took", "spent", "left", "made", "swung", "held", "sat", "got", "stayed",
     "off", "wheels", "airborne"}
)


def _and_back(doc: Doc, legs: list[Leg]) -> list[Leg]:
    """'flew from Utkrosh to Campbell Bay and back on Sunday': the way back is a return leg of its own, on the
    same day."""
    out = []
    for leg in legs:
        out.append(leg)
        if leg.origin is None or leg.destination is None:
            continue
        end = leg.destination["token_end"]
        words = [t.lower_ for t in doc[end : min(end + 3, leg.sent.end)] if t.text != ","]
        if words[:2] == ["and", "back"]:
            out.append(
                Leg(
                    sent=leg.sent, triggers=leg.triggers, action="return", aircraft=leg.aircraft,
                    operator=leg.operator, origin=leg.destination, destination=leg.origin, dates=list(leg.dates),
                    modality=leg.modality, rules=[*leg.rules, "trg.and_back"], coreferent=True,
                    sent_index=leg.sent_index,
                )  # fmt: skip
            )
    return out


def _subject_told(doc: Doc, aircraft: list[dict], start: int, trigger_start: int) -> bool:
    """An aircraft or a pronoun for one told just before a trigger: "After a stop in Karachi it landed"."""
    return any(start <= a["token_start"] < trigger_start for a in aircraft) or _anaphor_before(
        doc, start, trigger_start
    )


def _anaphor_before(doc: Doc, floor: int, trigger_start: int) -> bool:
    """A pronoun or definite aircraft word ("it", "the jet") in the six tokens before a trigger."""
    window = doc[max(floor, trigger_start - 6) : trigger_start].text.lower()
    return any(f" {a} " in f" {window} " for a in _ANAPHORS)


def _relative_clause_before(doc: Doc, aircraft: list[dict], trigger_start: int) -> bool:
    """Whether the trigger at ``trigger_start`` opens a relative clause on an aircraft ("A C-130J that had
    arrived in Bamako ...", "The A330, which had left Dakar, ..."): its leg is background to the main verb's."""
    for mention in aircraft:
        gap = doc[mention["token_end"] : trigger_start]
        if mention["token_end"] <= trigger_start and len(gap) <= 4:
            words = [t.lower_ for t in gap if t.text != ","]
            if words[:1] in (["that"], ["which"]):
                return True
    return False


#: a civil registration: "EP-FAB", "RA-96018", "P4-ZAV", "UP-A3001", "9H-ABC", "N628TS"
#: a registration ("EP-FAB", "N172AJ") or a callsign ("RCH465", "FORTE11")
_REGISTRATION = re.compile(
    r"\b(?:[A-Z]{1,2}|[A-Z]\d|\d[A-Z])-[A-Z0-9]{3,5}\b|\bN\d{1,5}[A-Z]{0,2}\b|\b[A-Z]{3,6}\d{1,4}\b"
)
#: characters between a typed aircraft and its registration ("Il-76TD EX-76021", "A330-200, registration UP-A3001")
_REGISTRATION_GAP = 24
#: characters between a registration and the type written after it ("SU-GGG: the Egyptian presidential A340")
_REGISTRATION_AFTER = 32


def _registered_aircraft(doc: Doc, sent: Span, trigger_start: int, aircraft: list[dict]) -> list[dict] | None:
    """The typed aircraft a registration or callsign in the subject before the trigger was written with
    earlier in the article ("Qeshm Fars Air's Boeing 747-200F EP-FAB flew ... EP-FAB hopped to Minsk", "The C-5M,
    callsign RCH465, ... RCH465 left Rota"); the subject may open the sentence far from the trigger ("EP-MNV
    sat on the ramp for 20 hours and left for Tehran")."""
    text = token_table(doc).text
    subject_start = doc[max(sent.start, trigger_start - 6)].idx
    # "3/ EP-MNV sat on the cargo ramp for about 20 hours and left for Tehran": the sentence's subject
    numbered = sent.start + 1 < sent.end and re.fullmatch(r"\d{1,2}/", doc[sent.start].text) is not None
    opening = sent.start + numbered
    if opening < trigger_start <= opening + 20 and _REGISTRATION.match(text, doc[opening].idx):
        subject_start = doc[opening].idx
    subject = text[subject_start : doc[trigger_start].idx]
    for match in _REGISTRATION.finditer(subject):
        # every earlier mention, "EP-FAB" and not inside "EP-FABX"
        for earlier in re.finditer(rf"\b{re.escape(match.group())}\b", text[: sent.start_char]):
            typed = _typed_beside(text, earlier.start(), earlier.end(), aircraft)
            if typed:
                return [typed]
    return None


def _typed_beside(text: str, start: int, end: int, aircraft: list[dict]) -> dict | None:
    """The typed aircraft a registration at ``start:end`` is written with: just before it ("Il-76TD
    EX-76021"), else just after it in the same clause ("SU-GGG, an Airbus A340-200", "Tracking SU-GGG: the
    Egyptian presidential A340")."""
    before = [
        a
        for a in aircraft
        if not a["generic"] and a["end"] <= start and start - a["end"] <= _REGISTRATION_GAP
    ]
    if before:
        return before[-1]
    for a in aircraft:
        gap = text[end : a["start"]]
        if (
            not a["generic"]
            and a["start"] >= end
            and len(gap) <= _REGISTRATION_AFTER
            and not re.search(r"[.;!?]", gap)
        ):
            return a
    return None


def _latest_typed(doc: Doc, before: int, history: list[Leg], role: str | None = None) -> list[dict] | None:
    """The antecedent of "it" / "the aircraft": the latest typed aircraft before ``before``, as the leg it flew
    in. A type named in a leg's sentence without flying in it is cargo or a comparison ("an A400M landed at
    Niamey with parts of Akinci drones. It flew back ..."): the leg's aircraft is the antecedent then. With a
    ``role`` ("the bombers", "the tanker aircraft"), the latest type of that role, and of a leg's aircraft
    those of that role."""
    if role:
        for mention in reversed(doc._.aircraft):
            if mention["token_end"] <= before and not mention["generic"] and mention.get("role") == role:
                found = _latest_typed(doc, mention["token_end"], history)
                if found:
                    same_role = [a for a in found if a.get("role") == role]
                    return same_role or [mention]
                return [mention]
    lowers = token_table(doc).lowers
    for mention in reversed(doc._.aircraft):
        if mention["token_end"] <= before and not mention["generic"]:
            start, end = mention["token_start"], mention["token_end"]
            oblique = _OBLIQUE_BEFORE & set(lowers[max(0, start - 3) : start])
            if oblique == {"with"} and end < len(lowers) and lowers[end].endswith("ing"):
                oblique = set()  # "with a RAAF C-17A leaving Amberley on Monday": the C-17A is the one flying
            if oblique and any(leg.aircraft for leg in history):
                continue  # "to train with Norwegian F-35A fighters", "spare parts for the TB2 drones"
            for leg in reversed(history):
                if any(a["rule"] == mention["rule"] for a in leg.aircraft):
                    return leg.aircraft
            for leg in reversed(history):
                if leg.aircraft and leg.sent.start <= mention["token_start"] < leg.sent.end:
                    return leg.aircraft
            return [mention]
    return None


def _after_prefix(doc: Doc, start: int) -> bool:
    """ "pre-positioned", "pre-deployed": the trigger word is the tail of a compound that describes stock, not a
    movement."""
    return hyphen_prefix(doc, start) in _NON_MOVEMENT_PREFIXES


_NON_MOVEMENT_PREFIXES = frozenset({"pre"})


def _another_aircraft(doc: Doc, subject: list[dict], current: Leg) -> bool:
    """A typed subject that is not the current leg's aircraft: another family, or another model brought in
    with an indefinite article ('and a Polish Air Force C-130E flew in')."""
    if not {a["family"] for a in subject} & {a["family"] for a in current.aircraft}:
        return True
    if {a["model"] for a in subject} & {a["model"] for a in current.aircraft}:
        return False
    start = subject[0]["token_start"]
    return any(t.lower_ in {"a", "an", "another"} for t in doc[max(0, start - 5) : start])


def _same_types(a: Leg, b: Leg) -> bool:
    return {m["model"] for m in a.aircraft} == {m["model"] for m in b.aircraft}


def _previous_leg_of(aircraft: list[dict], history: list[Leg]) -> Leg | None:
    """The latest leg flown by the same type (same model, else same family)."""
    for key in ("model", "family"):
        wanted = {a[key] for a in aircraft if not a["generic"] and a[key]}
        for leg in reversed(history):
            if wanted & {a[key] for a in leg.aircraft}:
                return leg
    return None


def _origin_after_drop(leg: Leg, earlier: list[Leg]) -> None:
    """'The freighter, which works out of Leipzig, left again for Leipzig the next morning': the place the
    text named is home, not where the leg starts; the aircraft's last leg (among ``earlier``) ended where this
    one starts."""
    # "The giant freighter ... left again for Leipzig": for a definite generic mention, the last leg told
    previous = _last_leg_flown(leg, earlier, _definite_subject(leg, 4))
    if (
        previous is not None
        and previous.destination is not None
        and not _same_name(previous.destination, leg.destination)
    ):
        leg.origin = previous.destination
        leg.rules.append("chain:origin-after-drop")


def _first_leg_home(leg: Leg, earlier: list[Leg]) -> Leg | None:
    """'It flew back to its home base', 'returned home' after a stop: home is where the type's first leg in
    the article started, not the stop its latest leg left."""
    doc = leg.sent.doc
    trig = leg.triggers[0]
    if not any(t.lower_ == "home" for t in doc[trig.start : min(trig.end + 4, leg.sent.end)]):
        return None
    wanted = {a["model"] for a in leg.aircraft if not a["generic"] and a["model"]}
    typed = [h for h in earlier if h.origin is not None and wanted & {a["model"] for a in h.aircraft}]
    first = typed[0] if typed else None
    if first is None or first.origin.get("kind") in ("country", "region"):
        return None  # a lead's "from Germany" says less than the latest leg's stop
    return first


def _fill_implicit_destination(leg: Leg, history: list[Leg]) -> None:
    """'returned home' / 'flew back' with no place: where the aircraft's previous leg started; 'arrived from
    Leipzig' with no place: where the article's legs arrive most often."""
    if leg.destination is not None:
        return
    actions = {t.row["action"] for t in leg.triggers}
    earlier = [h for h in history if h is not leg]
    if "return" in actions:
        previous = _first_leg_home(leg, earlier) or _previous_leg_of(leg.aircraft, earlier)
        if previous is not None and previous.origin is not None and previous.origin is not leg.origin:
            leg.destination = previous.origin
            leg.rules.append("implicit:return-destination")
        return
    before = history[: next((i for i, h in enumerate(history) if h is leg), len(history))]
    partner = before[-1] if before and before[-1].sent is leg.sent else None
    if (
        partner is not None
        and partner.destination is not None
        and (leg.origin is not None or any(t.row["action"] == "arrival" for t in leg.triggers))
        and any(t.row["action"] == "arrival" or t.row["id"] == "trg.airlift" for t in leg.triggers)
        and not _same_name(partner.destination, leg.origin)
    ):
        # "An A400M had landed at Ämari on 2 April, and a Voyager KC2 brought the rest from Brize Norton":
        # another aircraft of the same sentence, to the same place
        leg.destination = partner.destination
        leg.rules.append("implicit:same-sentence-destination")
        return
    if leg.origin is not None and any(_arriving(t) for t in leg.triggers):
        # "an An-124 arrived from Leipzig": at the place the article's legs reach most often (the latest of
        # equals), the scene of the story; the one airport or town a headline names counts as reached twice
        # ("Terrace notes: KFOR traffic at Pristina", "Three days on the Clark fence")
        reached: dict[str, tuple[int, int, dict]] = {}
        scene = _headline_scene(leg.sent.doc)
        if scene is not None:
            reached[fold(scene.get("city") or scene.get("name") or "")] = (2, -1, scene)
        for order, earlier_leg in enumerate(earlier):
            place = earlier_leg.destination
            if place is not None and earlier_leg.sent is not leg.sent:
                # "landed at Rzeszów-Jasionka airport", "flights into Rzeszow": one scene, told by its airport
                key = fold(place.get("city") or place.get("name") or "")
                count, _, known = reached.get(key, (0, 0, place))
                best = known if known.get("icao") and not place.get("icao") else place
                reached[key] = (count + 1, order, best)
        if reached:
            count, _, scene = max(reached.values(), key=lambda item: item[:2])
            if count >= 2 and not _same_name(scene, leg.origin):
                leg.destination = scene
                leg.rules.append("implicit:arrival-destination")


#: how far after the headline a body's opening lines run (a blog's byline, then "I spent five days at ...")
_SCENE_OPENING = 300


def _headline_scene(doc: Doc) -> dict | None:
    """The one airport, base or town a headline names that the body names again (twice, or an airport once
    in its opening lines: "Ramp notes from Juan Santamaría" over "Two days at the fence ... at Juan
    Santamaría"), or None."""
    end = headline_end_of(token_table(doc).text)
    if not end:
        return None
    heads: set[str] = set()
    body: Counter[str] = Counter()
    best: dict[str, dict] = {}
    for place in doc._.places or []:
        if place.get("descriptor") or place["kind"] not in ("airport", "airbase", "city"):
            continue
        key = fold(place.get("city") or place.get("name") or "")
        if place["end"] <= end:
            heads.add(key)
        else:
            opening = place["start"] < end + _SCENE_OPENING and place["kind"] != "city"
            body[key] += 2 if opening else 1
        if key not in best or (place.get("icao") and not best[key].get("icao")):
            best[key] = place  # "Pristina" in the headline, "Pristina International Airport" below it
    scenes = {key for key in heads if body[key] >= 2}
    return best[scenes.pop()] if len(scenes) == 1 else None


def _destinations_of_followers(legs: list[Leg]) -> None:
    """'Six F-16Ds flew up from Tengah on 14 March, and four F-15SGs followed from Paya Lebar': a leg that
    "followed from" a place, with no place of its own, goes where the leg before it went or, when that one
    names no destination either, to the scene of the story: the place the article's other legs (before or
    after it) reach at least twice. :func:`_fill_implicit_destination` has seen only the legs before."""
    reached: dict[str, list] = {}
    for order, leg in enumerate(legs):
        place = leg.destination
        if place is not None:
            key = fold(place.get("city") or place.get("name") or "")
            entry = reached.setdefault(key, [0, order, place])
            entry[0] += 1
            entry[1] = order
            if place.get("icao") and not entry[2].get("icao"):
                entry[2] = place
    count, _, scene = max(reached.values(), key=lambda entry: entry[:2]) if reached else (0, 0, None)
    for index, leg in enumerate(legs):
        if leg.destination is not None or leg.origin is None:
            continue
        if not any(t.row["id"] == "trg.follow" for t in leg.triggers):
            continue
        previous = legs[index - 1].destination if index else None
        place = previous if previous is not None else scene if count >= 2 else None
        if place is not None and not _same_name(place, leg.origin):
            leg.destination = place
            leg.rules.append("implicit:followed-destination")


def _fill_onward_origin(doc: Doc, leg: Leg, history: list[Leg]) -> None:
    """'carry part of the supplies on to Sukkur', 'the evacuees are due to be flown on to Berlin': "on to"
    continues the story from the last place a leg reached, whatever aircraft flies the next stage."""
    if leg.origin is not None or leg.destination is None:
        return
    start = leg.destination.get("token_start")
    if start is None or start < 2:
        return
    before = [doc[start - 2].lower_, doc[start - 1].lower_]
    if before not in (["on", "to"], ["onward", "to"], ["onwards", "to"]) and doc[start - 1].lower_ != "onto":
        return
    for earlier in reversed(history):
        if earlier is leg or earlier.destination is None or earlier.sent.start > leg.sent.start:
            continue
        if earlier.destination.get("token_start", -1) >= start:
            continue
        if earlier.modality == "planned" and _same_name(earlier.destination, leg.destination):
            continue  # "It was due in Tallinn ... but landed at Riga ... flew them on to Tallinn"
        if not _same_name(earlier.destination, leg.destination):
            leg.origin = earlier.destination
            leg.rules.append("implicit:onward-origin")
        return




def _own_ground(doc: Doc, start: int) -> bool:
    """'landed on Marambio's gravel runway': the place's own runway or apron (at most two words before it)."""
    for i in range(start, min(start + 3, len(doc))):
        if doc[i].lower_ in OWN_GROUND:
            return True
        if not doc[i].is_lower:
            return False
    return False


_COPULAS = frozenset({"is", "are"})


def _here_after(doc: Doc, trig: Trigger) -> int | None:
    """'departed here', 'arrived here on Monday', 'flew out from here': the token of "here" right after the
    trigger (or its "from"), the place the dateline names."""
    i = trig.end + (1 if trig.end < len(doc) and doc[trig.end].lower_ == "from" else 0)
    if i < len(doc) and doc[i].lower_ == "here" and (i + 1 == len(doc) or doc[i + 1].lower_ not in _COPULAS):
        return i
    return None


def _there_after(doc: Doc, trig: Trigger) -> bool:
    """'arrived there', 'landed there on Monday': the trigger's place is one already named."""
    return trig.end < len(doc) and doc[trig.end].lower_ == "there" and (
        trig.end + 1 == len(doc) or doc[trig.end + 1].lower_ not in {"is", "are", "was", "were", "'s"}
    )


def _fill_return_origin(leg: Leg, history: list[Leg]) -> None:
    """'The four-engined jet flew back to Belarus': a return starts where the aircraft's previous leg ended
    (the guidelines' rule), the same type's leg, else for an anaphor ("the jet") the latest leg."""
    if leg.origin is not None or leg.destination is None:
        return
    if "return" not in {t.row["action"] for t in leg.triggers}:
        return
    earlier = history[: next(i for i, h in enumerate(history) if h is leg)]
    previous = _previous_leg_of(leg.aircraft, earlier)
    if previous is None and all(a["generic"] for a in leg.aircraft):
        previous = next((h for h in reversed(earlier) if h.destination is not None), None)
    if previous is None or previous.destination is None or _same_name(previous.destination, leg.destination):
        return
    leg.origin = previous.destination
    leg.rules.append("implicit:return-origin")


#: "left for Cairo", "took off for Bucharest", "departed for Incirlik": leaving, told by where it went
_DEPARTING_RULES = frozenset({"trg.leave", "trg.take_off", "trg.depart"})


def _definite_subject(leg: Leg, window: int) -> bool:
    """Whether the leg's aircraft is one the story already has: an anaphor, or "the", "that", "same" within
    ``window`` words before its first mention ("The two Hercules", "the same aircraft")."""
    if not leg.aircraft:
        return False
    doc, start = leg.sent.doc, leg.aircraft[0]["token_start"]
    return leg.coreferent or any(t.lower_ in _THE for t in doc[max(leg.sent.start, start - window) : start])


def _last_leg_flown(leg: Leg, earlier: list[Leg], definite: bool) -> Leg | None:
    """The latest of ``earlier`` flown by the leg's type; for a definite generic mention ("the aircraft"), the
    latest leg told."""
    previous = _previous_leg_of(leg.aircraft, earlier)
    if previous is None and definite and earlier and all(a["generic"] for a in leg.aircraft):
        return earlier[-1]
    return previous


def _fill_departure_origin(leg: Leg, history: list[Leg]) -> None:
    """'Two C-130Hs landed at Port Sudan on Saturday ... The two Hercules left for Cairo the same evening':
    the aircraft that the story brought somewhere leaves from there (its latest leg, at most three sentences
    back)."""
    if leg.origin is not None or leg.destination is None or leg.triggers[0].rule not in _DEPARTING_RULES:
        return
    if not _definite_subject(leg, 3):
        return  # "a second C-17 took off for Incirlik": another airframe, from wherever it was
    earlier = history[: next(i for i, h in enumerate(history) if h is leg)]
    previous = _last_leg_flown(leg, earlier, definite=True)
    if (
        previous is None
        or previous.destination is None
        or leg.sent_index - previous.sent_index > 3
        or previous.modality != "asserted"
        or _same_name(previous.destination, leg.destination)
    ):
        return
    leg.origin = previous.destination
    leg.rules.append("implicit:departure-origin")


#: where a sortie works before it comes back: "refuelled it over Romania", "six hours off Kaliningrad"
_AREA_PREPS = frozenset({"over", "off", "across", "above", "around"})


def _mission_areas(doc: Doc, places: list[dict], legs: list[Leg], history: list[Leg]) -> None:
    """'took off from Clark and spent three hours over the shoal before landing back at Clark': a sortie that
    comes back to where it started ends its outbound leg in the area it worked (a region, sea or country named
    between the two triggers), and the return starts there."""
    for n, ret in enumerate(legs):
        if ret.action != "return" or ret.destination is None:
            continue
        if ret.origin is not None and not _same_name(ret.origin, ret.destination):
            continue  # an origin naming the destination is dropped later ("out of Keflavik ... to Iceland")
        out = legs[n - 1] if n else None
        if out is not None and (
            out.origin is None
            or out.destination is not None
            or not _same_name(out.origin, ret.destination)
            or not (ret.coreferent or _same_types(out, ret) or all(a["generic"] for a in ret.aircraft))
        ):
            continue
        start = out.triggers[-1].end if out is not None else ret.sent.start
        area = next(
            (
                p for p in places
                if start <= p["token_start"] < ret.triggers[0].start and p["kind"] in ("region", "country")
                and _preposition_before(doc, p["token_start"], start, set()) in _AREA_PREPS
            ),
            None,
        )  # fmt: skip
        resolved = _resolve_place(doc, area, history + legs) if area is not None else None
        if resolved is None or _same_name(resolved, ret.destination):
            continue
        if out is None:
            # "a P-8A out of Keflavik spent six hours over the Baltic Sea before heading back to Iceland"
            ret.origin = resolved
            ret.rules.append("area:mission-return")
            continue
        out.destination = resolved
        out.via = [v for v in out.via if not _same_name(v, resolved)]
        out.rules.append("area:mission")


def _arriving(trig: Trigger) -> bool:
    """An arrival with no place of its own: "arrived", "flew in", "came in"."""
    if trig.row["id"] in ("trg.arrive", "trg.come_in_from"):
        return True
    return trig.surface.split()[-1:] == ["in"]


def _operator_of_family(aircraft: list[dict], history: list[Leg]) -> dict | None:
    """'A second Il-76 took off ...': the operator named for the same type family earlier in the article."""
    families = {a["family"] for a in aircraft if a["family"]}
    for leg in reversed(history):
        if leg.operator is not None and families & {a["family"] for a in leg.aircraft}:
            return leg.operator
    return None


def _operator_of_named_family(doc: Doc, aircraft: list[dict], trig: Trigger) -> dict | None:
    """'... travelling on the Chilean Air Force's Boeing 767-300ER ... The jet left Santiago': the operator
    named with the same type family where no leg was told: the last one before the trigger, else the first
    one after it."""
    families = {a["family"] for a in aircraft if a["family"] and not a.get("generic")}
    operators = doc._.operators or []
    if not families or not operators:
        return None
    found = None
    for mention in doc._.aircraft or []:
        if mention.get("family") not in families or mention.get("generic"):
            continue
        operator = _adjacent_operator(doc, [mention], operators)
        if operator is None:
            continue
        if mention["token_start"] >= trig.start:
            return found or operator  # none before: the first after ("flies into Lima on air force 767")
        found = operator
    return found


def _subject(aircraft: list[dict], sent: Span, trig: Trigger) -> list[dict]:
    """The leg's aircraft named in its sentence before the trigger (not a partner resolved from earlier text,
    nor an escort named after the trigger), else all of them."""
    return [a for a in aircraft if sent.start <= a["token_start"] < trig.start] or aircraft


def _operator_for(doc: Doc, aircraft: list[dict], operators: list[dict], trig: Trigger) -> dict | None:
    if not operators:
        return None
    adjacent = _adjacent_operator(doc, aircraft, operators)
    if adjacent is not None:
        return adjacent
    before_trigger = [o for o in operators if o["token_end"] <= trig.start]
    # "of the 53rd Weather Reconnaissance Squadron, Air Force Reserve Command, left": the unit named with it
    return _service_of(before_trigger[-1], operators) if before_trigger else None


#: kinds of operator a unit belongs to: air forces, navies and other services ("other"), commands
_SERVICE_KINDS = frozenset({"unit", "air_force", "other", "command"})


def _unit_in_sentence(doc: Doc, operator: dict | None, operators: list[dict], trig: Trigger) -> dict | None:
    """'The aircraft, from No. 5 Squadron, left RNZAF Base Ohakea': a unit the leg's sentence names before its
    trigger ("from" or "of" it) is the operator, the most specific one, over the service found for the
    type."""
    if operator is None or operator.get("kind") not in _SERVICE_KINDS - {"unit"}:
        return operator
    units = [
        o
        for o in operators
        if o.get("kind") == "unit"
        and o["token_end"] <= trig.start
        and o["token_start"] > 0
        and doc[o["token_start"] - 1].lower_ in {"from", "of"}
        and (not o.get("country") or o.get("country") == operator.get("country"))
    ]
    return units[-1] if len(units) == 1 else operator


def _adjacent_operator(doc: Doc, aircraft: list[dict], operators: list[dict]) -> dict | None:
    """The operator right before the aircraft ("a ROKAF KC-330") or right after it ("of the 5th Air Mobility
    Wing"), the unit when both are named."""
    if aircraft:
        first, last = aircraft[0], aircraft[-1]
        before = [o for o in operators if 0 <= first["token_start"] - o["token_end"] <= 4]
        after = [o for o in operators if 0 <= o["token_start"] - last["token_end"] <= 4
                 and (doc[o["token_start"] - 1].lower_ in {"of", "by", "from", "the"}
                      or _of_possessor(doc, o["token_start"]))]  # fmt: skip
        near = before[-1:] + after[:1]
        named = [o for o in near if not o["rule"].startswith("demonym:")]
        units = [o for o in named if o.get("kind") == "unit"]
        if units and all(o.get("kind") in _SERVICE_KINDS for o in named):
            return units[0]  # "A ROKAF KC-330 of the 5th Air Mobility Wing": the unit, the most specific
        if named or near:
            return _service_of((named or near)[0], operators)
        # "an Airbus A320 chartered by the state and operated by Global Crossing Airlines": said outright
        for o in operators:
            k = o["token_start"]
            near_after = last["token_end"] <= k - 2 <= last["token_end"] + 16
            if near_after and doc[k - 2 : k].text.lower() in _RUN_BY:
                return o
    return None


#: words that name who flies an aircraft, however far after it
_RUN_BY = frozenset({"operated by", "flown by"})


def _of_possessor(doc: Doc, start: int) -> bool:
    """'Il-76MD transports of Russia's Military Transport Aviation': "of" a possessor before the operator."""
    return (
        start >= 3
        and doc[start - 1].text in {"'s", "’s"}
        and doc[start - 3].lower_ in {"of", "by", "from"}
    )


def _service_of(operator: dict, operators: list[dict]) -> dict:
    """A unit named with its service ("the US Air Force's 353rd Special Operations Wing", "the 5th Bomb Wing of
    the US Air Force"): the unit, the most specific operator, as the corpus guidelines have it."""
    if operator.get("kind") not in _SERVICE_KINDS:
        return operator
    for other in operators:
        gap = max(other["token_start"] - operator["token_end"], operator["token_start"] - other["token_end"])
        if other is not operator and other.get("kind") == "unit" and gap <= 3:
            return other
    return operator


def _count_before(doc: Doc, trig: Trigger) -> int | None:
    """'three separate arrivals', 'at least 42 flights', 'made 12 trips': a count of flights."""
    if not trig.row.get("noun") and trig.row["id"] not in {"trg.arrive", "trg.land", "trg.depart"}:
        return None
    if not doc[trig.start].lower_.endswith("s"):
        return None
    i = trig.start - 1
    while i >= 0 and trig.start - i <= 4:
        value = parse_number(doc[i].text)
        if value is not None:
            return value
        word = doc[i].text
        describes = word.isalpha() and word.islower() and word not in _COUNT_BREAK  # "23 sustainment flights"
        if doc[i].lower_ not in _COUNT_SKIP and not describes:
            return None
        i -= 1
    return None


_COUNT_BREAK = {"and", "or", "to", "from", "of", "the", "a", "an", "its", "their", "by", "in", "on", "for", "with"}


_COUNT_NOUNS = {
    "times",
    "flights",
    "missions",
    "sorties",
    "trips",
    "rotations",
    "arrivals",
    "landings",
    "departures",
    "runs",
    "shuttles",
    "airlifts",
    "deliveries",
    "visits",
    "legs",
}


def _count_in_window(doc: Doc, start: int, end: int, timexes: list[dict]) -> int | None:
    """'has flown its Il-76s to Damascus at least 11 times', 'have flown 11 relief missions from Ramstein'."""
    spans = [doc.char_span(t["start"], t["end"], alignment_mode="expand") for t in timexes]
    in_timex = {i for span in spans if span is not None for i in range(span.start, span.end)}
    for i in range(start, end):
        if i in in_timex:
            continue
        value = parse_number(doc[i].text)
        if value is None or value > 10_000:
            continue
        for j in range(i + 1, min(len(doc), end + 2, i + 6)):  # the noun may be the next trigger ("11 missions")
            word = doc[j].lower_
            if word in _COUNT_NOUNS:
                return value
            if not (doc[j].is_alpha or doc[j].text in {"-", "’s", "'s"}) or word in {
                "and",
                "or",
                "to",
                "from",
            }:
                break
    return None


def _assign_dates(
    legs: list[Leg], triggers: list[Trigger], timexes: list[dict], sent: Span, doc: Doc
) -> None:
    """A date belongs to the leg whose trigger window holds it; dates before the first trigger go to the first leg."""
    starts = []
    for leg in legs:
        starts.append(doc[leg.triggers[0].start].idx)
    text = token_table(doc).text
    # "left Andersen two days later, on June 11": the date the text spells out comes first (a stable sort puts
    # the relative one after it)
    for timex in sorted(timexes, key=lambda t: _restated_explicitly(text, t, timexes)):
        owner = legs[0]
        for leg, start in zip(legs, starts, strict=True):
            if timex["start"] >= start:
                owner = leg
        if (
            timex["start"] < starts[0]
            and (
                text[max(0, timex["start"] - 6) : timex["start"]].lower().endswith("since ")
                or _STAYED.search(text, max(0, timex["start"] - 40), timex["start"])
                or timex.get("text", "").lower() == "overnight"
                or _AND_ANOTHER_PREDICATE.match(text, timex["end"], starts[0])
            )
            and any(t["start"] > starts[0] for t in timexes)
        ):
            # "a C-130E that had been on the ground since Saturday departed on Monday morning", "stayed in
            # Skopje overnight and flew to Pristina on Wednesday morning": how long it stood, not when it flew
            continue
        owner.dates.append(timex)
        owner.rules.append(timex.get("rule") or "timex")


_APPOSITION = re.compile(r"\s*,\s*(?:on\s+)?")


def _restated_explicitly(text: str, timex: dict, timexes: list[dict]) -> bool:
    """A date told relatively, then restated in apposition with its digits: "two days later, on June 11",
    "the next morning, 14 May"."""
    if any(c.isdigit() for c in timex.get("text", "")):
        return False
    following = next((t for t in timexes if t["start"] >= timex["end"]), None)
    return (
        following is not None
        and any(c.isdigit() for c in following.get("text", ""))
        and _APPOSITION.fullmatch(text, timex["end"], following["start"]) is not None
    )


#: "was still on the ground in Kabul on Wednesday and is expected to fly back to Doha on Thursday", "is
#: scheduled to hold talks on Wednesday and to leave for Tokyo on Thursday": the date of another predicate
#: joined by "and"
_AND_ANOTHER_PREDICATE = re.compile(
    r"[^,;.]*\band\s+(?:(?:is|are|was|were|will|would)\b[^,;.]*|to\b[^,;.]*)$"
)
#: "the TLP course, which runs until April 4", "Cope Tiger, which runs from 17 to 28 March": the span of the
#: exercise the aircraft came for, not when they flew
_RUNS_UNTIL = re.compile(
    r"\b(?:which|that)\s+(?:runs?|lasts?|continues?|ends?|will\s+(?:run|last|end|continue)|wraps?\s+up)"
    r"\s+(?:from\s+|until\s+|through\s+|till\s+|to\s+|between\s+|on\s+)?$",
    re.IGNORECASE,
)
_STAYED = re.compile(
    r"\b(?:stayed|remained|spent|waited|sat|rested|parked|(?:will|would|to) (?:stay|remain|wait))\b[^.;]*$",
    re.IGNORECASE,
)

_SPEECH_VERBS = {
    "said",
    "says",
    "told",
    "announced",
    "confirmed",
    "stated",
    "added",
    "reported",
    "wrote",
    "posted",
    "denied",
    "tweeted",
    "declared",
    "insisted",
    "acknowledged",
    "disclosed",
    "revealed",
}
_IMAGERY_WORDS = {"taken", "captured", "imagery", "images", "image", "photos", "photographs", "pictures"}
#: "a flight plan filed on Sunday", "a notice issued on Monday": the date of a document, not of the flight
_DOCUMENT_WORDS = {"filed", "issued", "published", "dated", "released", "signed", "submitted"}
#: "seen by dpa on Thursday": the day a document reached the reporter
_SEEN_WORDS = {"seen", "obtained", "reviewed", "received"}
#: "the ministry said in a statement on Tuesday", "at a news conference on Friday": the day of the report
_REPORT_NOUNS = {"statement", "briefing", "conference", "interview", "bulletin", "communique", "communiqué"}


def _date_of_speech_or_imagery(doc: Doc, timex: dict) -> bool:
    """'Britain said on Wednesday it had sent ...', 'imagery taken on Wednesday', 'a flight plan filed on
    Sunday': not when the aircraft flew."""
    span = doc.char_span(timex["start"], timex["end"], alignment_mode="expand")
    if span is None:
        return False
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 3) : span.start]]
    if span.end < len(doc) and doc[span.end].lower_ in _SPEECH_VERBS:
        return True  # "the crisis staff yesterday denied that a CH-53 had landed on Sunday"
    if set(before) & (_SPEECH_VERBS | _IMAGERY_WORDS | _DOCUMENT_WORDS | _REPORT_NOUNS):
        return True
    # "an answer ... seen by dpa on Thursday", "documents obtained by Reuters on Monday": when a document
    # reached the reporter
    wider = [t.lower_ for t in doc[max(span.sent.start, span.start - 6) : span.start]]
    return any(
        word in _SEEN_WORDS and wider[i + 1 : i + 2] == ["by"] and "on" in wider[i + 2 :]
        for i, word in enumerate(wider)
    )


def _primary_date(dates: list[dict]) -> dict | None:
    """The leg's date: a clock time of a known day when one is tied to the leg (the first one); else the most
    specific calendar date tied to it (a day before a week, a month, a year: "based there since August, flew
    home on Thursday" flew on Thursday), the first on a tie (the start of "between 8 and 12 September"); a
    time of a given day ("Monday afternoon") when no day is given as a date; a time only when no date is
    given."""
    clock = next((t for t in dates if t["type"] == "TIME" and _CLOCK_OF_DAY.match(t.get("value") or "")), None)
    if clock is not None:
        return clock  # "took off at 0612Z on 2 November": the clock time, valued with its day (corpus/README)
    # "took off on Tuesday night and landed early Wednesday": a time of a given day counts as its day, and the
    # first of equally precise dates (the departure's) is the leg's
    calendar = [
        t
        for t in dates
        if t["type"] == "DATE" or t["type"] == "TIME" and _DAY_VALUE.match(t.get("value") or "")
    ]
    if not calendar:
        return dates[0] if dates else None
    best = max(_granularity(t.get("value")) for t in calendar)
    first = next(t for t in calendar if _granularity(t.get("value")) == best)
    if first["type"] == "TIME":
        # "on the morning of 14 May": the day itself when the leg also has it as a date
        day = (first.get("value") or "").split("T")[0]
        return next((t for t in calendar if t["type"] == "DATE" and t.get("value") == day), first)
    return first


def _granularity(value: str | None) -> int:
    """3 a day, 2 a week, 1 a month, season or quarter, 0 a year, a decade or a reference ("PAST_REF")."""
    if not value:
        return 0
    if _DAY_VALUE.match(value):
        return 3
    if "-W" in value:
        return 2
    return 1 if _MONTH_VALUE.match(value) else 0


_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|W(?:\d\d|XX)-\d)")
_CLOCK_OF_DAY = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|W(?:\d\d|XX)-\d)T\d\d:\d\d")
_PART_OF_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|W(?:\d\d|XX)-\d)T(?:MO|AF|EV|NI)$")
_MONTH_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|SP|SU|FA|WI|Q\d|H\d)")


def _compatible(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return True
    if a.get("icao") and a.get("icao") == b.get("icao"):
        return True
    names_a = {a.get("name"), a.get("city")} - {None}
    names_b = {b.get("name"), b.get("city")} - {None}
    if names_a & names_b:
        return True
    return (
        "country" in (a["kind"], b["kind"])
        and bool(a.get("country"))
        and a.get("country") == b.get("country")
    )


def _same_place(a: dict | None, b: dict | None) -> bool:
    return a is not None and b is not None and _compatible(a, b)


#: nouns between two places that make the second the named one: "the Pacific island of Guam"
_KIND_NOUNS = frozenset({
    "island", "islands", "province", "region", "state", "town", "city", "port", "enclave", "territory",
    "atoll", "archipelago", "district", "county", "capital",
})  # fmt: skip
_STANDING_WORDS = frozenset({
    "parked", "sits", "sat", "stands", "stood", "remains", "remained", "is", "was", "ground", "apron",
    "tarmac", "ramp", "spotted", "seen", "photographed",
})  # fmt: skip


def _standing_place(doc: Doc, sent: Span, places: list[dict], trig: Trigger) -> dict | None:
    """The place an aircraft stands at, told before 'after <trigger>': 'is parked at Vnukovo after flying in
    from Tehran', 'was on the ground at Hmeimim after arriving from Libya'."""
    if trig.start < 1 or doc[trig.start - 1].lower_ != "after":
        return None
    before = [p for p in places if sent.start <= p["token_start"] and p["token_end"] < trig.start]
    if not before:
        return None
    place = before[-1]
    words = [t.lower_ for t in doc[max(sent.start, place["token_start"] - 5) : place["token_start"]]]
    if not words or words[-1] not in {"at", "in"} or not _STANDING_WORDS & set(words):
        return None
    between = [t.lower_ for t in doc[place["token_end"] : trig.start - 1]]
    if len(between) > 6 or any(w in {"and", "but", "which", "while"} for w in between):
        return None
    return place


def _base_near_city(a: dict, b: dict) -> bool:
    """An air base and the city it serves, not named after it: 'flew back to Doha from Al Udeid' is a
    flight."""
    return any(
        base.get("kind") == "airbase"
        and city.get("kind") == "city"
        and bool(city.get("name"))
        and not fold(base.get("name") or "").startswith(fold(city["name"]))
        for base, city in ((a, b), (b, a))
    )


def _from_inside_to_country(doc: Doc, leg: Leg) -> bool:
    """'flew from Kaliningrad to mainland Russia': a place told with "from" and the country it lies in told
    with "to" are a route, not one place named twice."""
    origin, destination = leg.origin or {}, leg.destination or {}
    if destination.get("kind") != "country" or origin.get("kind") == "country":
        return False
    lowers = token_table(doc).lowers
    origin_start, destination_start = origin.get("token_start", 0), destination.get("token_start", 0)
    before_origin = lowers[origin_start - 1] if origin_start > 0 else ""
    before_destination = lowers[destination_start - 1] if destination_start > 0 else ""
    return before_origin == "from" and before_destination in {"to", "into", "towards"}


def _same_name(a: dict | None, b: dict | None) -> bool:
    """The same place, or a place and its facility ("Baghdad" and "Baghdad International Airport")."""
    if a is None or b is None:
        return False
    if _same_place(a, b):
        return True
    first, second = a.get("name") or "", b.get("name") or ""
    return bool(first and second) and (second.startswith(first + " ") or first.startswith(second + " "))


def _completes_leg(doc: Doc, legs: list[Leg], leg: Leg) -> bool:
    """A leg told over two sentences: "The first aircraft took off from Erkilet on Monday. It stopped for fuel
    in Djibouti and landed at Aden Adde at 15:40": the arrival of the same aircraft in the next sentence (or
    the one after) gives the departure its destination, and the two are one leg. Also the other way round,
    with a past perfect departure: "The jet landed in Minsk on Monday. It had left Vnukovo at 0412Z"."""
    if leg.count is not None or not legs or not (leg.coreferent or _definite_aircraft(doc, leg.aircraft)):
        return False
    earlier = _previous_leg_of(leg.aircraft, legs) or (
        legs[-1]
        if leg.coreferent
        or _generic_of(legs[-1].aircraft, leg.aircraft)
        or _definite_aircraft(doc, leg.aircraft) and _generic_of(leg.aircraft, legs[-1].aircraft)
        else None
    )
    if earlier is None or earlier.modality != leg.modality:
        return False
    if not 0 < leg.sent_index - earlier.sent_index <= 2:
        return False
    if earlier.count is not None or "return" in (earlier.action, leg.action) or _dates_apart(earlier, leg):
        return False
    inherited = leg.origin is None or "chain:origin" in leg.rules
    if (
        earlier.origin is not None
        and earlier.destination is None
        and leg.destination is not None
        and inherited
        and not _same_name(earlier.origin, leg.destination)
    ):
        earlier.destination = leg.destination
    elif (
        earlier.destination is not None
        and earlier.origin is None
        and leg.origin is not None
        and (leg.destination is None or _same_name(leg.destination, earlier.destination))
        and "chain:origin" not in leg.rules
        and leg.triggers[0].start > 0
        and doc[leg.triggers[0].start - 1].lower_ in {"had", "having"}
        and not _same_name(leg.origin, earlier.destination)
    ):
        earlier.origin = leg.origin
    elif _departure_told_after_arrival(doc, earlier, leg):
        # "Four B-52Hs landed at Orland on Monday. The bombers took off from Barksdale on Sunday evening": the
        # arrival told first, then how that flight began (not a later flight from the arrival's place)
        if leg.origin is not None and "chain:origin" not in leg.rules:
            earlier.origin = leg.origin
        if leg.destination is not None and _refines(earlier.destination, leg.destination):
            earlier.destination = leg.destination  # "arrived in Iceland ... reached Keflavík": the airport
        earlier.departure_date = _primary_date(leg.dates) or earlier.departure_date
        earlier.dates[:0] = [t for t in leg.dates if all(t["value"] != d["value"] for d in earlier.dates)]
        leg.dates = []
        if (
            leg.operator is not None
            and leg.operator.get("kind") == "unit"
            and (earlier.operator is None or earlier.operator.get("country") == leg.operator.get("country"))
        ):
            earlier.operator = leg.operator  # "The bombers, from the 2nd Bomb Wing at Barksdale": the unit
    elif (
        earlier.destination is not None
        and leg.destination is None
        and (leg.origin is None or "chain:origin" in leg.rules)
        and not leg.via
        and leg.triggers[0].row["action"] == "arrival"
    ):
        pass  # "... diverts to Keflavík. Wheels down 1221Z.": the landing of the leg told before, at its end
    elif _route_told_after(earlier, leg):
        # "... arrived in French Guiana on Thursday aboard an An-124. The Antonov Airlines jet took off from
        # Munich ... and landed at Cayenne": the route of the flight the sentence before told without one
        earlier.origin, earlier.destination = leg.origin, leg.destination
        earlier.rules.append("route:told-in-the-next-sentence")
    else:
        return False
    earlier.via.extend(v for v in leg.via if all(not _same_place(v, w) for w in earlier.via))
    earlier.triggers.extend(leg.triggers)
    earlier.dates.extend(t for t in leg.dates if all(t["value"] != d["value"] for d in earlier.dates))
    earlier.operator = earlier.operator or leg.operator
    if all(a["generic"] for a in earlier.aircraft) and any(not a["generic"] for a in leg.aircraft):
        earlier.aircraft = leg.aircraft  # "The aircraft left Erkilet ... The A400M landed at Aden Adde"
    earlier.rules.extend([*(r for r in leg.rules if r != "chain:origin"), "leg:completed-by-next-sentence"])
    earlier.last_sent = leg.sent
    earlier.action = _action(earlier)
    return True


_LATER_WORDS = frozenset(
    {"again", "later", "then", "afterwards", "next", "subsequently", "onward", "onwards"}
)


def _departure_told_after_arrival(doc: Doc, earlier: Leg, leg: Leg) -> bool:
    """The next sentence tells where and when the arrival's flight began: a departure with no destination,
    from elsewhere (or from nowhere named), not dated after the arrival and not told as a later flight."""
    if earlier.destination is None or earlier.origin is not None:
        return False
    # "Four F-35As arrived at Ämari on Monday. The aircraft took off from Leeuwarden and landed at Ämari after
    # a flight of ...": the same flight told whole
    whole = leg.destination is not None and (
        _same_name(leg.destination, earlier.destination) or _refines(earlier.destination, leg.destination)
    )
    if leg.destination is not None and not whole:
        return False
    typed_earlier = {a["model"] for a in earlier.aircraft if not a["generic"]}
    if whole and not typed_earlier <= {a["model"] for a in leg.aircraft}:
        return False  # "an Il-78 and two C-130s landing in Adana ... The Il-78 took off from Nur Khan": one
    if earlier.action != "arrival":
        return False
    own_origin = leg.origin is not None and "chain:origin" not in leg.rules
    # "The jets flew in from Monte Real", "The aircraft, arriving from Ankara, parked on the apron"
    flew_in = own_origin and any(
        t.row["id"] == "trg.come_in_from" or (t.row["action"] == "arrival" and leg.destination is None)
        for t in leg.triggers
    )
    # "The jets flew from RAF Coningsby on 3 April": a flight with only its start is the departure
    flew_from = own_origin and leg.destination is None and leg.action == "flight"
    if leg.action != "departure" and not flew_in and not flew_from and not (whole and own_origin):
        return False  # "The jets flew in from Monte Real": where it came from
    if own_origin and _same_name(leg.origin, earlier.destination):
        return False
    if any(t.lower_ in _LATER_WORDS for t in leg.sent):
        return False
    days_earlier = {t["value"][:10] for t in earlier.dates if _DAY_VALUE.match(t.get("value") or "")}
    days_leg = {t["value"][:10] for t in leg.dates if _DAY_VALUE.match(t.get("value") or "")}
    return not days_earlier or not days_leg or max(days_leg) <= max(days_earlier)


def _generic_of(generic: list[dict], typed: list[dict]) -> bool:
    """'An Algerian military transport plane landed ... The Ilyushin Il-76TD had left Boufarik': generic
    aircraft of the role (when they name one) of the typed ones told next."""
    if not generic or not typed or not all(a["generic"] for a in generic) or any(a["generic"] for a in typed):
        return False
    roles = {a.get("role") for a in generic} - {None}
    return not roles or bool(roles & {a.get("role") for a in typed})


def _definite_aircraft(doc: Doc, aircraft: list[dict]) -> bool:
    """'The A400M landed', 'The Hellenic Air Force aircraft took off': an aircraft named with a definite
    determiner (for a generic one also before the capitalised words that name its owner) is the one told about
    before."""
    return bool(aircraft) and all(_definite(doc, a["token_start"], a["generic"]) for a in aircraft)


def _definite(doc: Doc, start: int, owned: bool) -> bool:
    i = start - 1
    while owned and i >= 0 and start - i <= 5 and doc[i].text[:1].isupper() and doc[i].lower_ not in _THE:
        i -= 1
    # "the blue-and-white Boeing VC-25A", "the unmarked Il-76": words that describe the one aircraft
    while i >= 0 and start - i <= 8 and (doc[i].lower_ in _DESCRIBING or (doc[i].text == "-" and i > 0)):
        i -= 1
    return i >= 0 and doc[i].lower_ in _THE


_THE = frozenset({"the", "that", "this", "same"})
_DESCRIBING = frozenset(
    {
        "blue", "white", "grey", "gray", "green", "black", "red", "silver", "and", "unmarked", "giant",
        "huge", "big", "ageing", "aging", "distinctive", "sleek", "lumbering", "four-engine", "four-engined",
        "twin-engine", "twin-engined", "chartered", "leased",
    }
)  # fmt: skip


def _route_told_after(earlier: Leg, leg: Leg) -> bool:
    """The flight told first without a place, then again by "the jet" with where it flew from and to; the
    next sentence's leg is the same aircraft (an anaphor or its generic noun, as ``_completes_leg`` asks)."""
    general = earlier.destination  # "arrived in French Guiana ... landed at Cayenne": the region's airport
    return (
        earlier.origin is None
        and (
            general is None
            or general.get("kind") in ("region", "country") and _within(general, leg.destination)
        )
        and not earlier.via
        and leg.origin is not None
        and leg.destination is not None
        and "chain:origin" not in leg.rules
        and leg.sent_index - earlier.sent_index == 1
        and earlier.action in ("arrival", "flight", "departure")
        and leg.action != "return"
        and all(a["generic"] for a in leg.aircraft)
    )


def _within(general: dict, specific: dict | None) -> bool:
    """A region or country and a place of the same country told more precisely (an airport, base or city)."""
    return (
        specific is not None
        and specific.get("kind") in ("city", "airport", "airbase")
        and bool(general.get("country"))
        and specific.get("country") == general.get("country")
    )


def _dates_apart(first: Leg, second: Leg) -> bool:
    """Two legs dated on days more than one day apart (an overnight flight lands the day after it left)."""
    days_first = {t["value"][:10] for t in first.dates if _DAY_VALUE.match(t.get("value") or "")}
    days_second = {t["value"][:10] for t in second.dates if _DAY_VALUE.match(t.get("value") or "")}
    if not days_first or not days_second:
        return False
    try:
        gaps = [
            abs((date.fromisoformat(b) - date.fromisoformat(a)).days) for a in days_first for b in days_second
        ]
    except ValueError:
        return not days_first & days_second
    return min(gaps) > 1


def _units_of_types(legs: list[Leg]) -> None:
    """'Six Finnish Air Force Hornets landed ...' when another leg of the Hornets names their unit
    ("Hornets of Fighter Squadron 11"): the unit, the most specific operator, for every leg of that type and
    country."""
    units: dict[str, dict] = {}
    for leg in legs:
        operator = leg.operator
        if operator is not None and operator.get("kind") == "unit":
            for mention in leg.aircraft:
                if not mention["generic"] and mention["model"]:
                    units.setdefault(mention["model"], operator)
    for leg in legs:
        operator = leg.operator
        if operator is None or operator.get("kind") != "air_force":
            continue  # a bare demonym stays the country: gold keeps "Russia" for "a Russian Il-76"
        found = {
            id(unit): unit
            for m in leg.aircraft
            if not m["generic"] and (unit := units.get(m["model"])) is not None
        }
        if len(found) == 1:
            unit = next(iter(found.values()))
            if unit.get("country") == operator.get("country") and unit is not operator:
                leg.operator = unit
                leg.rules.append("operator:unit-of-type")


def _same_route(doc: Doc, legs: list[Leg]) -> None:
    """'REACH 238 did the same run on Wednesday', 'a C-130E took the same route from Erkilet the next day',
    'a second Hercules will follow on Thursday': the ends the leg does not name are those of the leg before it
    (in its sentence, else the latest with both)."""
    for index, leg in enumerate(legs):
        if leg.origin is not None and leg.destination is not None:
            continue
        # "a second Hercules followed on Thursday, staging through Sigonella": a stop of its own is allowed
        follows = (
            leg.origin is None
            and leg.destination is None
            and leg.triggers[0].row["id"] == "trg.follow"
            and all(t.row["id"] == "trg.follow" or t.row.get("action") == "transit" for t in leg.triggers)
        )
        if all(t.row["id"] != "trg.same_route" for t in leg.triggers) and not follows:
            continue  # "a second Hercules will follow on Thursday": the route of the leg before
        earlier = [h for h in legs[:index] if h.origin is not None and h.destination is not None]
        if not earlier:
            continue
        model = next((h for h in reversed(earlier) if h.sent is leg.sent), earlier[-1])
        if leg.origin is None and not _same_name(model.origin, leg.destination):
            leg.origin = model.origin
            leg.rules.append("origin:same-route")
        if leg.destination is None and not _same_name(model.destination, leg.origin):
            leg.destination = model.destination
            leg.rules.append("destination:same-route")
        leg.via.extend(v for v in model.via if all(not _same_place(v, w) for w in leg.via))


def _airports_of_cities(doc: Doc, legs: list[Leg]) -> None:
    """A city the article also names an airport or base of ("landed at Toussaint Louverture International
    Airport ... the second flight to Port-au-Prince"): the legs' city is that facility, when the article names
    exactly one in the city (the guidelines: a city tied to a named airport takes the airport)."""
    facilities: dict[str, dict[str, dict]] = {}
    for place in doc._.places or []:
        if place.get("kind") in ("airport", "airbase") and place.get("city") and place.get("name"):
            facilities.setdefault(fold(place["city"]), {})[place.get("icao") or place["name"]] = place
    if not facilities:
        return
    for leg in legs:
        for slot in ("origin", "destination"):
            place = getattr(leg, slot)
            if place is None or place.get("kind") != "city" or not place.get("name"):
                continue
            described = str(place.get("rule", "")).startswith("descriptor:")
            if described and place["text"].lower().endswith("capital"):
                continue  # "landed in the capital": the city, as the text calls it
            found = facilities.get(fold(place["name"])) or facilities.get(fold(place.get("text") or ""))
            if found is None or len(found) != 1:
                continue
            facility = next(iter(found.values()))
            other = leg.destination if slot == "origin" else leg.origin
            if other is not None and _same_place(other, facility) and other.get("kind") != "city":
                continue  # "flew back to Doha from Al Udeid": Doha is not Al Udeid again
            setattr(leg, slot, {
                **{k: v for k, v in facility.items() if k not in SPAN_KEYS},
                **{k: place[k] for k in SPAN_KEYS if k in place},
                "rule": f"{place['rule']}->airport-in-text:{facility['rule']}",
            })  # fmt: skip


def _drop_summaries_and_restatements(doc: Doc, legs: list[Leg]) -> list[Leg]:
    kept: list[Leg] = []
    for leg in legs:
        if not leg.aircraft and leg.count is None:
            continue
        if not leg.places() and not _dated_flight_of_a_type(leg):
            continue
        if _inherited_only(leg):
            continue  # "as the aircraft crossed the coast": nothing of its own but the last leg's end
        kept.append(leg)
    typed = [leg for leg in kept if any(not a["generic"] for a in leg.aircraft)]
    result: list[Leg] = []
    for leg in kept:
        generic_only = leg.aircraft and all(a["generic"] for a in leg.aircraft) and leg.count is None
        if generic_only and not leg.coreferent and _another(doc, leg.aircraft[0]["token_start"]):
            generic_only = False  # "A third aircraft flew from Keflavík to the island": one more aircraft
        summarised = generic_only and leg.action != "return" and next(
            (
                t for t in typed
                if (_same_place(leg.destination, t.destination) or _same_place(leg.origin, t.origin))
                and leg.modality == t.modality
            ),
            None,
        )  # fmt: skip
        if summarised:
            # "at least two Russian aircraft have been deployed to Latakia" summarises typed legs; "the jet
            # departed Sunan at 10:05" gives the typed leg its clock time
            _absorb_restatement(summarised, leg)
            continue
        timed = next((r for r in reversed(result) if _clock_restatement(leg, r)), None)
        if timed is not None:
            _take_clock(timed, leg)
            continue
        restated = next((r for r in result if _restates(leg, r)), None)
        if restated is not None:
            for timex in leg.dates:
                if all(t["value"] != timex["value"] for t in restated.dates):
                    restated.dates.append(timex)
            continue
        result.append(leg)
    return result


_ANOTHER = frozenset({"another", "second", "third", "fourth", "fifth", "sixth", "further", "additional"})


def _another(doc: Doc, start: int) -> bool:
    """'a third aircraft', 'another jet', 'a further transport': one more aircraft than those told before."""
    return any(doc[i].lower_ in _ANOTHER for i in range(max(0, start - 2), start))


def _inherited_only(leg: Leg) -> bool:
    """A leg whose one place is the origin carried over from the leg before and that has no date."""
    return (
        "chain:origin" in leg.rules
        and leg.destination is None
        and not leg.via
        and not leg.dates
        and leg.count is None
    )


def _absorb_restatement(leg: Leg, restatement: Leg) -> None:
    """What a restating leg adds: its airports where the leg has only their city or country ("flew from
    Pyongyang ... The jet departed Pyongyang Sunan"), and its clock times on the leg's day, the first of them
    as the primary date ("... at 10:05 local time")."""
    close = leg.count is None and 0 < restatement.sent_index - leg.sent_index <= 1
    for slot in ("origin", "destination"):
        mine, theirs = getattr(leg, slot), getattr(restatement, slot)
        if (
            close
            and mine is not None
            and theirs is not None
            and mine["kind"] in ("city", "country", "region")
            and theirs["kind"] in ("airport", "airbase")
            and _same_place(mine, theirs)
        ):
            setattr(leg, slot, theirs)
            leg.rules.append(f"{slot}:airport-of-restatement")
    if not leg.dates:
        return
    day = leg.dates[0].get("value") or ""
    if len(day) != 10:
        return
    clocks = [t for t in restatement.dates if (t.get("value") or "").startswith(day + "T")]
    for timex in clocks:
        if all(t["value"] != timex["value"] for t in leg.dates):
            leg.dates.insert(0 if timex is clocks[0] else len(leg.dates), timex)
            leg.rules.append("date:clock-of-restatement")


_SURFACE = {
    "road", "rail", "truck", "trucks", "sea", "ship", "train", "lorry", "barge", "ferry", "boat", "bus",
    "buses", "car", "cars", "convoy", "land", "foot",
}


def _by_surface(doc: Doc, start: int, end: int) -> bool:
    """'moved by road', 'by sea': the movement is not a flight ('on a ferry flight' is one)."""
    return any(
        doc[i].lower_ == "by"
        and (
            doc[i + 1].lower_ in _SURFACE  # "by road"
            or i + 2 < len(doc) and doc[i + 1].lower_.endswith("ed") and doc[i + 2].lower_ in _SURFACE
        )  # "by armoured train"
        # not the travel on from where the flight ended: "to continue by boat", "onward delivery by land"
        # (but "continued to Copenhagen by bus" is itself the surface move)
        and not any(t.lower_ in _ONWARD for t in doc[max(start + 1, i - 4) : i])
        for i in range(start, min(end, len(doc) - 1))
    )


def _people_return(doc: Doc, sent: Span, start: int, aircraft: list[dict]) -> bool:
    """'who wish to return to the country', 'residents may be able to return home', '41,000 of the pilgrims
    who travelled ... had now returned': people going home, with no aircraft between them and the verb."""
    window = doc[max(sent.start, start - 5) : start]
    if any(window.start <= a["token_start"] < start for a in aircraft):
        return False
    lowers = [t.lower_ for t in window]
    if lowers[-2:-1] == ["to"] or lowers[-1:] == ["to"]:
        return bool(set(lowers) & _WISH_WORDS)
    return "who" in lowers


_WISH_WORDS = frozenset(
    {"wish", "wishes", "wished", "want", "wants", "wanted", "able", "allowed", "eager", "hoping"}
)
_ONWARD = frozenset({"continue", "continued", "continuing", "onward", "either", "or", "travel", "arriving"})


def _aboard(doc: Doc, aircraft: list[dict], sent: Span) -> list[dict]:
    """Typed aircraft right after 'aboard' / 'on board' / 'carried by' in the sentence carry the others."""
    for mention in aircraft:
        if mention["generic"]:
            continue
        before = [t.lower_ for t in doc[max(sent.start, mention["token_start"] - 4) : mention["token_start"]]]
        if "aboard" in before or "board" in before or before[-2:] == ["carried", "by"] or "inside" in before:
            return [mention]
    return []


def _dated_flight_of_a_type(leg: Leg) -> bool:
    """With no place, only a named type flying on a given day is a movement ("the Il-76 took off on Monday")."""
    day = any(t.get("granularity") in ("day", "time") or len(t.get("value") or "") >= 10 for t in leg.dates)
    typed = any(not a["generic"] for a in leg.aircraft)
    strong = any(not t.row.get("weak") for t in leg.triggers)
    return day and typed and strong


#: the triggers of a landing (after which "and flew to X" is the next leg, and which a clock restatement
#: can complete)
_LANDING = frozenset({"trg.land", "trg.arrive", "trg.down_at"})
_TAKING_OFF = frozenset({"trg.take_off", "trg.leave", "trg.depart"})


def _clock_restatement(new: Leg, old: Leg) -> bool:
    """'Four B-52Hs landed at Fairford on Tuesday ... They touched down shortly before 6 p.m.': the landing of
    the same aircraft told again a sentence or two later, with a clock time and no day or place of its own
    (or the leg's destination), is the leg's time of arrival, not a second flight. Likewise a take-off told
    again ("set off for Lima on Thursday ... left Haneda at around 9 a.m.") from the leg's origin or, for a
    leg without one, from the origin it names; a sea crossed on the way ("refuelled over the Atlantic") is no
    place of its own."""
    if not 0 < new.sent_index - old.sent_index <= 2 or new.count is not None or new.modality != old.modality:
        return False
    if old.count is not None:
        return False
    landing = any(t.row["id"] in _LANDING for t in new.triggers)
    if landing and old.destination is None:
        return False
    # "set off for Lima on Thursday ... both left Haneda at around 9 a.m.": the take-off told again
    taking_off = not landing and all(t.row["id"] in _TAKING_OFF for t in new.triggers)
    if not (landing or taking_off):
        return False
    if "return" in (new.action, *(t.row["action"] for t in new.triggers)):
        return False
    if {a["model"] or a["rule"] for a in new.aircraft} != {a["model"] or a["rule"] for a in old.aircraft}:
        return False
    if new.destination is not None and not _same_name(new.destination, old.destination):
        return False
    own_origin = new.origin is not None and "chain:origin" not in new.rules
    if own_origin and not (_same_name(new.origin, old.origin) or (taking_off and old.origin is None)):
        return False
    if taking_off and old.origin is None and not own_origin:
        return False
    # "refuelled in the air over the Atlantic and touched down shortly before 6 p.m.": a sea crossed on the
    # way
    if any(v.get("kind") not in ("region", "other") for v in new.via):
        return False
    if not new.dates or not all(_bare_clock(t) for t in new.dates):
        return False
    day = (_primary_date(old.dates) or {}).get("value") or ""
    if not _DAY_VALUE.match(day) or "T" in day:
        return False
    # the clock valued by an earlier day in force ("left on Monday night ... landed at 11am") may be the leg's
    # day; a later day is another flight
    return all(t["value"].split("T")[0] <= day for t in new.dates)


def _bare_clock(timex: dict) -> bool:
    """A clock time told without its day ("shortly before 6 p.m.", "at 1905Z"), valued by the day in force;
    not "11.40 today", which names its day."""
    return (
        timex.get("type") == "TIME"
        and str(timex.get("rule") or "").startswith("time.")
        and bool(_CLOCK_OF_DAY.match(timex.get("value") or ""))
        and not _DAY_WORD.search(str(timex.get("text") or ""))
    )


#: words that name a clock time's day inside its expression
_DAY_WORD = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def _take_clock(leg: Leg, restatement: Leg) -> None:
    """The restating landing's (or take-off's) clock time, on the leg's own day, becomes the leg's primary
    date; a take-off told again may name the origin the leg lacked."""
    day = (_primary_date(leg.dates) or {})["value"]
    clock = restatement.dates[0]
    leg.dates.insert(0, {**clock, "value": day + "T" + clock["value"].split("T", 1)[1]})
    if leg.origin is None and restatement.origin is not None and "chain:origin" not in restatement.rules:
        leg.origin = restatement.origin  # "set off for Lima ...; both left Tokyo's Haneda airport at 9 a.m."
        leg.rules.append("origin:told-with-the-clock")
    taking_off = all(t.row["id"] in _TAKING_OFF for t in restatement.triggers)
    told_again = "take-off" if taking_off else "landing"
    leg.rules.append(f"date:clock-of-{told_again}-told-again")
    leg.last_sent = leg.last_sent or restatement.sent


def _restates(new: Leg, old: Leg) -> bool:
    models_new = {a["model"] or a["rule"] for a in new.aircraft}
    if not models_new or models_new != {a["model"] or a["rule"] for a in old.aircraft}:
        return False
    if new.modality != old.modality or new.action == "return" and old.action != "return":
        return False
    for slot in ("origin", "destination"):
        if getattr(new, slot) is not None and not _same_place(getattr(new, slot), getattr(old, slot)):
            return False
        if getattr(new, slot) is not None and getattr(old, slot) is None:
            return False
    new_values = {t["value"] for t in new.dates}
    old_values = {t["value"] for t in old.dates}
    return not new_values or new_values <= old_values or not old_values
