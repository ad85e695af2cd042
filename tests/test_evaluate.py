"""Tests of ``extractor.evaluate``: the matching rules, event alignment, counting, and the CLI entry.

Gold lines are built as dicts in the ``corpus/README.md`` format; predictions are built with the pydantic
models and dumped, so the evaluator reads exactly what the pipeline writes. Alias tables are built inline,
so the tests do not depend on the contents of ``extractor/resources``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from extractor import evaluate as ev
from extractor.evaluate import AliasTable, Matcher, normalise, strip_generic_suffix
from models import Aircraft, ArticleRecord, Attribution, Event, Evidence, Org, Place, Source, Timex

# ------------------------------------------------------------------------------------------------- builders


def _places_table() -> AliasTable:
    table = AliasTable()
    table.add("Hmeimim Air Base", ["Khmeimim", "Khmeimim Air Base", "Hmeimim airbase"], icao="OSLK")
    table.add("Chkalovsky Airport", ["Chkalovskiy"], icao="UUMU")
    table.add("Moscow Oblast", ["Moscow Region", "Podmoskovye"])
    return table


def _sources_table() -> AliasTable:
    table = AliasTable()
    table.add("Flightradar24", ["FR24", "Flight Radar 24"])
    table.add("ItaMilRadar", ["Italian Military Radar"])
    table.add("German Air Force", ["Luftwaffe"])
    return table


def _countries_table() -> AliasTable:
    table = AliasTable()
    table.add("Russia", ["Russian Federation", "Russian"], country="RU")
    table.add("United States", ["USA", "U.S.", "American"], country="US")
    table.add("Chad", ["Chadian"], country="TD")
    table.add("Sudan", ["Sudanese"], country="SD")
    return table


MATCHER = Matcher(places=_places_table(), sources=_sources_table(), countries=_countries_table())
PLAIN = Matcher()


def place(name: str, text: str | None = None, **codes: Any) -> dict[str, Any]:
    """A gold-style place dict."""
    return {"text": text or name, "span": [0, 1], "name": name, "kind": "other", "country": None, **codes}


def aircraft(model: str | None, family: str | None = None, icao_type: str | None = None) -> dict[str, Any]:
    return {
        "text": model or family or "plane",
        "span": [0, 1],
        "model": model,
        "family": family,
        "icao_type": icao_type,
    }


def timex(value: str | None, span: tuple[int, int] = (0, 5), text: str = "date") -> dict[str, Any]:
    return {"text": text, "span": list(span), "type": "DATE", "value": value}


def gold_event(
    *,
    aircraft_: list[dict] | None = None,
    origin: str | None = None,
    destination: str | None = None,
    date: str | None = None,
    action: str = "flight",
    operator: dict | None = None,
    via: list[str] | None = None,
    dates: list[str] | None = None,
    count: int | None = None,
    modality: str = "asserted",
    sources: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "action": action,
        "aircraft": aircraft_ or [],
        "operator": operator,
        "origin": place(origin) if origin else None,
        "destination": place(destination) if destination else None,
        "via": [place(name) for name in via or []],
        "date": timex(date) if date else None,
        "dates": [timex(value) for value in (dates if dates is not None else ([date] if date else []))],
        "count": count,
        "modality": modality,
        "sources": sources or [],
        "evidence": {"span": [0, 10], "text": "gold evidence"},
    }


def pred_event(
    *,
    aircraft_: list[dict] | None = None,
    origin: str | None = None,
    destination: str | None = None,
    date: str | None = None,
    action: str = "flight",
    operator: dict | None = None,
    via: list[str] | None = None,
    dates: list[str] | None = None,
    count: int | None = None,
    modality: str = "asserted",
    sources: list[str] | None = None,
    event_id: str = "e0",
) -> dict[str, Any]:
    """A predicted event built with the pydantic model, dumped as the pipeline writes it."""

    def to_place(name: str | None) -> Place | None:
        return Place(text=name, span=(0, 1), name=name) if name else None

    event = Event(
        id=event_id,
        action=action,  # type: ignore[arg-type]
        aircraft=[Aircraft(**{k: v for k, v in a.items()}) for a in aircraft_ or []],
        operator=Org(text=operator["name"], span=(0, 1), **operator) if operator else None,
        origin=to_place(origin),
        destination=to_place(destination),
        via=[Place(text=name, span=(0, 1), name=name) for name in via or []],
        date=Timex(text="d", span=(0, 1), type="DATE", value=date) if date else None,
        dates=[
            Timex(text="d", span=(0, 1), type="DATE", value=value)
            for value in (dates if dates is not None else ([date] if date else []))
        ],
        count=count,
        modality=modality,  # type: ignore[arg-type]
        sources=[Source(text=name, span=(0, 1), name=name) for name in sources or []],
        evidence=Evidence(span=(0, 10), text="pred evidence"),
    )
    return event.model_dump(mode="json")


def gold_line(doc_id: str, events: list[dict], **extra: Any) -> dict[str, Any]:
    return {"doc_id": doc_id, "events": events, "sources": [], "attributions": [], "timexes": [], **extra}


def pred_record(doc_id: str, events: list[dict], **extra: Any) -> dict[str, Any]:
    record = ArticleRecord(doc_id=doc_id, **extra)
    data = record.model_dump(mode="json")
    data["events"] = events
    return data


IL76MD = aircraft("Il-76MD", "Il-76", "IL76")
IL76 = aircraft("Il-76", "Il-76", "IL76")
AN124 = aircraft("An-124-100", "An-124", "A124")
C17 = aircraft("C-17A", "C-17", "C17")


# -------------------------------------------------------------------------------------------------- strings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hmeimim Air Base", "hmeimimairbase"),
        ("The Hague", "hague"),
        ("the", "the"),
        ("Il-76MD", "il76md"),
        ("Şanlıurfa", "sanliurfa"),
        ("Ağrı  airport", "agriairport"),
        ("U.S.", "us"),
        ("Hawaiʻi Island", "hawaiiisland"),
        ("", ""),
        (None, ""),
    ],
    ids=[
        "spaces",
        "leading-the",
        "only-the-kept",
        "hyphen",
        "accents-dotless-i",
        "double-space",
        "dots",
        "okina",
        "empty",
        "none",
    ],
)
def test_evaluate_normalise(text: str | None, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hmeimim Air Base", "hmeimim"),
        ("Hmeimim airbase", "hmeimim"),
        ("Andrews Air Force Base", "andrews"),
        ("Damascus International Airport", "damascus"),
        ("Moscow Oblast", "moscow"),
        ("Latakia Governorate", "latakia"),
        ("Kursk region", "kursk"),
        ("Region", "region"),
        ("Latakia", "latakia"),
    ],
    ids=[
        "air-base",
        "airbase",
        "air-force-base",
        "intl-airport",
        "oblast",
        "governorate",
        "region",
        "only-suffix",
        "none",
    ],
)
def test_evaluate_strip_generic_suffix(text: str, expected: str) -> None:
    assert strip_generic_suffix(text) == expected


# --------------------------------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (place("Hmeimim Air Base", icao="OSLK"), place("Latakia airfield", icao="oslk"), True),
        (place("Damascus International Airport", iata="DAM"), place("Damascus airport", iata="DAM"), True),
        (place("Hmeimim Air Base"), place("hmeimim air-base"), True),
        (place("Hmeimim Air Base"), place("Khmeimim"), True),
        (place("Khmeimim Air Base"), place("Hmeimim airbase"), True),
        (place("Hmeimim Air Base"), place("Hmeimim"), True),
        (place("Moscow Oblast"), place("Moscow Region"), True),
        (place("Moscow Oblast"), place("Moscow"), True),
        (place("Latakia", text="the Syrian province"), place("Syrian province"), True),
        (place("Latakia", text="the Syrian province"), place("Syria"), False),
        (place("Chkalovsky Airport"), place("Chkalovskiy"), True),
        (place("Chkalovsky Airport"), place("Vnukovo", icao="UUWW"), False),
        (place("Hmeimim Air Base"), place("Hama Air Base"), False),
        (place("Hmeimim Air Base"), None, False),
        (place("Hmeimim Air Base"), place("Some field", icao="OSLK"), True),
    ],
    ids=[
        "icao",
        "iata",
        "normalised-name",
        "alias",
        "alias-both-sides",
        "suffix",
        "region-alias",
        "oblast-suffix",
        "gold-text",
        "province-vs-country",
        "alias-airport",
        "different-places",
        "different-bases-same-suffix",
        "missing-prediction",
        "icao-from-alias-file",
    ],
)
def test_evaluate_places_match(gold: dict, pred: dict | None, expected: bool) -> None:
    assert MATCHER.places_match(gold, pred) is expected


def test_evaluate_places_match_without_aliases_needs_the_names() -> None:
    assert not PLAIN.places_match(place("Hmeimim Air Base"), place("Khmeimim"))
    assert PLAIN.places_match(place("Hmeimim Air Base"), place("Hmeimim"))


# ------------------------------------------------------------------------------------------------- aircraft


@pytest.mark.parametrize(
    ("gold", "pred", "lenient", "strict"),
    [
        (IL76MD, aircraft("Il-76MD", "Il-76", "IL76"), True, True),
        (IL76MD, aircraft("IL 76 MD"), True, True),
        (IL76MD, aircraft("Il-76"), True, False),
        (aircraft("Il-76"), aircraft("Il-76MD", "Il-76"), True, False),
        (IL76MD, aircraft(None, "Il-76"), True, False),
        (IL76MD, aircraft("Il-76TD", "Il-76", "IL76"), True, False),
        (aircraft("Il-76MD"), aircraft("Il-76TD"), False, False),
        (aircraft("Tu-154", icao_type="T154"), aircraft("Tu-154M", icao_type="T154"), True, False),
        (IL76MD, AN124, False, False),
        (C17, aircraft("C-130J", "C-130", "C30J"), False, False),
    ],
    ids=[
        "same-model",
        "model-spelling",
        "pred-family-level-model",
        "gold-family-level-model",
        "pred-family-only",
        "same-family-via-icao",
        "same-family-no-codes",
        "icao-type",
        "different-types",
        "different-us-types",
    ],
)
def test_evaluate_aircraft_match(gold: dict, pred: dict, lenient: bool, strict: bool) -> None:
    assert Matcher().aircraft_match(gold, pred) is lenient
    assert Matcher().aircraft_model_match(gold, pred) is strict


# --------------------------------------------------------------------------------------- operators, sources


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (
            {"name": "Russian Air Force", "country": "RU"},
            {"name": "russian air-force", "country": None},
            True,
        ),
        ({"name": "Russia", "country": "RU"}, {"name": "Russian", "country": "RU"}, True),
        ({"name": "Russia", "country": "RU"}, {"name": "Russian", "country": None}, True),
        ({"name": "Russia", "country": "RU"}, {"name": "Russian Federation", "country": "RU"}, True),
        ({"name": "Russia", "country": "RU"}, {"name": "Russian Air Force", "country": "RU"}, False),
        ({"name": "Russia", "country": "RU"}, {"name": "American", "country": "US"}, False),
        ({"name": "Pouya Air", "country": "IR"}, {"name": "Mahan Air", "country": "IR"}, False),
        ({"name": "Russia", "country": "RU"}, None, False),
    ],
    ids=[
        "name",
        "adjective",
        "adjective-no-country",
        "alias",
        "not-national",
        "other-country",
        "same-country",
        "none",
    ],
)
def test_evaluate_operators_match(gold: dict, pred: dict | None, expected: bool) -> None:
    assert MATCHER.operators_match(gold, pred) is expected


def test_evaluate_operators_national_bodies_match_across_word_orders() -> None:
    assert MATCHER.operators_match({"name": "Government of Russia"}, {"name": "Russian government"})
    assert MATCHER.operators_match({"name": "Russian Air Force"}, {"name": "Russia's Air Force"})
    assert not MATCHER.operators_match({"name": "Government of Russia"}, {"name": "American government"})


def test_evaluate_aircraft_ignore_the_manufacturer_name() -> None:
    gold = {"model": "Boeing 747-400F", "family": "Boeing 747", "icao_type": None}
    assert MATCHER.aircraft_model_match(gold, {"model": "747-400F", "family": "747"})
    assert MATCHER.aircraft_match({"model": "Boeing 747", "family": "Boeing 747"}, {"model": "747", "family": "747"})
    assert not MATCHER.aircraft_model_match(gold, {"model": "747-8F", "family": "747"})


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Flightradar24", "FR24", True),
        ("Flightradar24", {"name": "Flight Radar 24"}, True),
        ("ItaMilRadar", "Italian Military Radar", True),
        ("Reuters", "reuters", True),
        ("Reuters", "Bloomberg", False),
        ("Flightradar24", "ADS-B Exchange", False),
    ],
    ids=["alias", "alias-dict", "alias-long", "case", "different", "other-tracker"],
)
def test_evaluate_source_key(a: Any, b: Any, same: bool) -> None:
    assert (MATCHER.source_key(a) == MATCHER.source_key(b)) is same


@pytest.mark.parametrize(("a", "b"), [("PAP", "Polish Press Agency"), ("MOLDPRES", "Moldpres")])
def test_evaluate_source_key_of_an_agency_known_by_its_acronym(a: str, b: str) -> None:
    matcher = Matcher.from_resources()
    assert matcher.source_key(a) == matcher.source_key(b)


def test_evaluate_source_key_of_an_operator_speaking_for_itself_uses_the_operator_aliases() -> None:
    operators = AliasTable()
    operators.add("Republic of Korea Air Force", ["South Korean Air Force", "ROKAF"])
    matcher = Matcher(sources=_sources_table(), operators=operators)
    assert matcher.source_key("South Korean Air Force") == matcher.source_key("Republic of Korea Air Force")
    assert matcher.source_key("Flightradar24") == matcher.source_key("FR24")  # sources.jsonl first
    assert matcher.source_key("South Korean Air Force") != matcher.source_key("Japan Air Self-Defense Force")


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("PTI", "Press Trust of India", True),
        ("Inter Services Public Relations", "ISPR", True),
        ("PTI", "Press Information Bureau", False),
        ("Agencia Venezolana de Noticias", "AVN", True),  # Romance particles are skipped too
        ("Ministry of Defence", "Russian Ministry of Defence", True),
        ("Russian Ministry of Defence", "Ministry of Defence", True),
        ("Ministry of Defence", "Russian Foreign Ministry", False),
        ("Army", "Russian Army", False),  # one word would be left: too loose
        ("Chad communications minister", "Chadian communications minister", True),
        ("Chad communications minister", "Sudanese communications minister", False),
        ("Ministry of Emergency Situations of Chad", "Chadian Ministry of Emergency Situations", True),
        ("Chadian Ministry of Foreign Affairs", "Chadian Foreign Ministry", True),
        ("Chadian Foreign Affairs Ministry", "Chadian Ministry of Foreign Affairs", True),
        ("Chad transport ministry", "Chadian Ministry of Transport", True),
        ("Chadian Ministry of Transport", "Chadian Ministry of Defence", False),
        ("Chadian Defence Minister", "Chadian Minister of Defence", True),
        ("Chadian Defence Minister", "Chadian Minister of Transport", False),
        ("two officials familiar with the planning", "officials familiar with the planning", True),
        ("two officials familiar with the planning", "officials familiar with the route", False),
        ("Brigadier General Hanna Vos", "Hanna Vos", True),
        ("Commodore Martín Rivas", "Martin Rivas", True),
        ("Commander of NATO Allied Air Command", "NATO Allied Air Command", False),
        ("Chadian government spokesperson", "Chadian government", True),
        ("Bundeswehr", "Bundeswehr spokesman", True),
        ("Chadian government spokesperson", "Chadian army", False),
        ("Luftwaffe spokesperson", "German Air Force", True),  # the body by its alias
        ("Somali military officer", "Somali military officer at the base", True),
        ("opposition lawmaker from Jubaland", "opposition lawmaker", True),
        ("Darwin Aviation Spotters", "Darwin Aviation Spotters group on Facebook", True),
        ("diplomat based in the capital", "diplomat", False),  # one word would be left: too loose
        ("Western diplomats in Kabul", "Western diplomats in Doha", False),
        ("Icelandic Ministry for Foreign Affairs", "Icelandic Ministry of Foreign Affairs", True),
        ("Iraqi Prime Minister's Office", "Iraqi Prime Minister office", True),
        ("Qatar Fund for Development", "QFFD", True),  # an acronym that keeps the particle's letter
        ("Chadian Minister for the Armed Forces", "Minister for Armed Forces", True),
        ("Chief of the Air Staff", "Chief of the Naval Staff", False),
        # a body's press office speaks for it
        ("Allied Air Command", "Allied Air Command Public Affairs Office", True),
        ("Joint Task Force-Bravo Public Affairs", "Joint Task Force-Bravo", True),
        ("Ministry of Defence of Belarus", "Press Service of the Ministry of Defence of Belarus", True),
        ("Allied Air Command", "Joint Task Force-Bravo Public Affairs Office", False),
        # the country after the portfolio, or as an adjective before it
        ("Ministry of Defence of Chad", "Chadian Ministry of Defense", True),
        ("Ministry of Foreign Affairs of Sudan", "Sudanese Foreign Ministry", True),
        ("Ministry of Defence of Chad", "Sudanese Ministry of Defence", False),
        # a state's formal name before the country's; "A of the B" written "B A"
        ("Ministry of Defence of the Republic of Chad", "Chadian Ministry of Defence", True),
        ("Ministry of Defence of the Republic of Chad", "Sudanese Ministry of Defence", False),
        ("Press Directorate of the Chad Armed Forces", "Chad Armed Forces Press Directorate", True),
        ("Press Directorate of the Chad Armed Forces", "Chad Air Force Press Directorate", False),
        # the country after the name dropped from one side, as a leading one is
        ("Ministry of Emergency Situations of Chad", "Ministry of Emergency Situations", True),
        ("Ministry of Emergency Situations of Chad", "Ministry of Foreign Affairs", False),
    ],
    ids=[
        "acronym", "acronym-pred", "acronym-other", "acronym-romance", "country-pred", "country-gold",
        "other-body", "one-word",
        "same-country", "other-country", "country-after", "foreign-ministry", "foreign-affairs-ministry", "transport-ministry", "other-ministry",
        "minister-either-way", "other-minister", "leading-count", "other-descriptor", "rank", "title-accent",
        "commander-of", "spokesperson-gold", "spokesperson-pred", "spokesperson-other-body",
        "spokesperson-alias",
        "complement-pred", "complement-gold", "group-on-platform", "complement-one-word", "complement-both",
        "ministry-for", "possessive", "acronym-with-particle", "inner-article", "inner-article-other",
        "press-office-pred", "press-office-gold", "press-service-of", "press-office-other-body",
        "country-after-portfolio", "country-after-foreign-ministry", "country-after-other-country",
        "state-name", "state-name-other-country", "of-the-reordered", "of-the-reordered-other",
        "trailing-country-dropped", "trailing-country-other-body",
    ],
)
def test_evaluate_sources_loosely_same_inside_an_article(gold: str, pred: str, same: bool) -> None:
    MATCHER.begin_article({"sources": [{"name": gold}]})
    try:
        assert (MATCHER.source_key(pred) == MATCHER.source_key(gold)) is same
    finally:
        MATCHER.begin_article(None)
    assert MATCHER.source_key(pred) != MATCHER.source_key(gold)  # outside an article: names only


# ------------------------------------------------------------------------------------------------ alignment


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (
            [gold_event(aircraft_=[IL76MD], origin="Chkalovsky Airport", destination="Hmeimim Air Base")],
            [
                pred_event(aircraft_=[IL76], origin="Chkalovsky Airport", action="departure"),
                pred_event(aircraft_=[IL76], destination="Hmeimim Air Base", action="arrival"),
            ],
            [(0, 1)],
        ),
        (
            [
                gold_event(aircraft_=[IL76MD], origin="Chkalovsky Airport", destination="Hmeimim Air Base"),
                gold_event(aircraft_=[IL76MD], origin="Hmeimim Air Base", destination="Benghazi"),
            ],
            [pred_event(aircraft_=[IL76], origin="Chkalovsky Airport", destination="Benghazi")],
            [(1, 0)],
        ),
        (
            [
                gold_event(aircraft_=[AN124], destination="Hmeimim Air Base", date="2025-10-26"),
                gold_event(aircraft_=[IL76MD], destination="Hmeimim Air Base", date="2025-10-27"),
            ],
            [
                pred_event(aircraft_=[IL76], destination="Hmeimim Air Base", date="2025-10-27"),
                pred_event(aircraft_=[AN124], destination="Hmeimim Air Base", date="2025-10-26"),
            ],
            [(0, 1), (1, 0)],
        ),
        (
            [gold_event(aircraft_=[IL76MD], origin="Benghazi", destination="Hmeimim Air Base")],
            [pred_event(aircraft_=[C17], origin="Ramstein", destination="Incirlik")],
            [],
        ),
        (
            [gold_event(aircraft_=[aircraft(None)], origin="Benghazi", destination="Latakia")],
            [pred_event(aircraft_=[C17], origin="Tripoli", destination="Latakia")],
            [(0, 0)],
        ),
        (
            [
                gold_event(aircraft_=[AN124], destination="B"),
                gold_event(aircraft_=[IL76MD], origin="A", destination="B"),
            ],
            [
                pred_event(aircraft_=[IL76, AN124], origin="A", destination="B"),
                pred_event(aircraft_=[IL76], destination="C"),
            ],
            [(0, 0), (1, 1)],
        ),
    ],
    ids=["split-event", "merged-legs", "crossed-order", "nothing-shared", "place-only", "global-not-greedy"],
)
def test_evaluate_align_events(gold: list[dict], pred: list[dict], expected: list[tuple[int, int]]) -> None:
    assert ev.align_events(MATCHER, gold, pred) == expected


def test_evaluate_align_events_is_deterministic_on_ties() -> None:
    gold = [gold_event(aircraft_=[IL76MD], destination="Hmeimim Air Base") for _ in range(3)]
    pred = [pred_event(aircraft_=[IL76], destination="Hmeimim Air Base") for _ in range(2)]
    first = ev.align_events(MATCHER, gold, pred)
    assert first == [(0, 0), (1, 1)]
    assert all(ev.align_events(MATCHER, gold, pred) == first for _ in range(5))


def test_evaluate_align_events_many_events_falls_back_to_greedy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ev, "_MAX_ALIGN_STATES", 4)
    gold = [gold_event(aircraft_=[IL76MD], destination=f"P{i}") for i in range(6)]
    pred = [pred_event(aircraft_=[IL76], destination=f"P{i}") for i in reversed(range(6))]
    assert ev.align_events(MATCHER, gold, pred) == [(i, 5 - i) for i in range(6)]


# ------------------------------------------------------------------------------------------------- counting


def _counts(gold: dict, pred: dict | None) -> dict[str, tuple[int, int, int]]:
    result = ev.evaluate_article(MATCHER, gold, pred)
    return {name: (c.tp, c.fp, c.fn) for name, c in result.counts.items()}


def test_evaluate_counts_split_event() -> None:
    """Gold: one flight; prediction: departure + arrival. The arrival aligns (destination weighs more)."""
    gold = gold_line(
        "a",
        [
            gold_event(
                aircraft_=[IL76MD],
                origin="Chkalovsky Airport",
                destination="Hmeimim Air Base",
                date="2025-10-26",
                operator={"name": "Russia", "country": "RU"},
                sources=["Flightradar24"],
            )
        ],
    )
    pred = pred_record(
        "a",
        [
            pred_event(aircraft_=[IL76], origin="Chkalovsky", action="departure", date="2025-10-26"),
            pred_event(
                aircraft_=[IL76],
                destination="Khmeimim",
                action="arrival",
                date="2025-10-26",
                operator={"name": "Russian", "country": "RU"},
                sources=["FR24"],
                event_id="e1",
            ),
        ],
    )
    counts = _counts(gold, pred)
    assert counts["events_aligned"] == (1, 1, 0)
    assert counts["events"] == (0, 2, 1)  # aligned pair lacks the origin; the departure is unaligned
    assert counts["aircraft"] == (1, 1, 0)
    assert counts["aircraft_model"] == (0, 2, 1)
    assert counts["origin"] == (0, 1, 1)  # gold origin unmatched in the pair; the departure's origin is an FP
    assert counts["destination"] == (1, 0, 0)
    assert counts["date"] == (1, 1, 0)
    assert counts["dates"] == (1, 1, 0)
    assert counts["operator"] == (1, 0, 0)
    assert counts["action"] == (0, 2, 1)
    assert counts["modality"] == (1, 1, 0)
    assert counts["sources"] == (1, 0, 0)
    assert counts["count"] == (0, 0, 0)
    assert counts["via"] == (0, 0, 0)


def test_evaluate_counts_merged_event() -> None:
    """Two legs predicted as one flight: it aligns with the leg it resembles most; the other leg is an FN."""
    gold = gold_line(
        "b",
        [
            gold_event(
                aircraft_=[AN124], origin="Chkalovsky Airport", destination="Hmeimim Air Base", via=["Tabriz"]
            ),
            gold_event(aircraft_=[AN124], origin="Hmeimim Air Base", destination="Benghazi", count=3),
        ],
    )
    pred = pred_record(
        "b",
        [pred_event(aircraft_=[AN124], origin="Chkalovsky Airport", destination="Benghazi", via=["Tabriz"])],
    )
    result = ev.evaluate_article(MATCHER, gold, pred)
    # leg 1 scores aircraft 2 + destination 1.5 + action 0.5 = 4.0, leg 0 only 3.5 (origin weighs 1)
    assert result.alignment == [(1, 0)]
    counts = _counts(gold, pred)
    assert counts["events_aligned"] == (1, 0, 1)
    assert counts["events"] == (0, 1, 2)
    assert counts["origin"] == (0, 1, 2)
    assert counts["destination"] == (1, 0, 1)
    assert counts["via"] == (0, 1, 1)
    assert counts["count"] == (0, 0, 1)


def test_evaluate_counts_events_tp_rules() -> None:
    """An events TP needs the whole aircraft set, and origin/destination/date matching or both null."""
    gold = gold_line(
        "c",
        [
            gold_event(aircraft_=[IL76MD], destination="Hmeimim Air Base", date="2025-10-26"),
            gold_event(aircraft_=[IL76MD, AN124], destination="Benghazi", date="2025-10-27"),
            gold_event(aircraft_=[aircraft(None)], origin="Tehran", destination="Damascus"),
        ],
    )
    pred = pred_record(
        "c",
        [
            pred_event(aircraft_=[IL76], destination="Hmeimim", date="2025-10-26", modality="hedged"),
            pred_event(aircraft_=[IL76], destination="Benghazi", date="2025-10-27", event_id="e1"),
            pred_event(origin="Tehran", destination="Damascus", event_id="e2"),
        ],
    )
    counts = _counts(gold, pred)
    assert counts["events_aligned"] == (3, 0, 0)
    assert counts["events"] == (2, 1, 1)  # the second lacks the An-124
    assert counts["aircraft"] == (2, 0, 1)
    assert counts["modality"] == (2, 1, 1)


def test_evaluate_counts_null_against_null_counts_nothing() -> None:
    gold = gold_line("d", [gold_event(aircraft_=[C17], destination="Rzeszow")])
    pred = pred_record("d", [pred_event(aircraft_=[C17], destination="Rzeszów")])
    counts = _counts(gold, pred)
    for name in ("operator", "origin", "date", "dates", "count", "via", "sources"):
        assert counts[name] == (0, 0, 0), name
    assert counts["events"] == (1, 0, 0)


def test_evaluate_counts_missing_prediction_is_all_fn() -> None:
    gold = gold_line(
        "e", [gold_event(aircraft_=[C17], origin="Dover", destination="Rzeszow", date="2025-01-02")]
    )
    counts = _counts(gold, None)
    assert counts["events"] == (0, 0, 1)
    assert counts["aircraft"] == (0, 0, 1)
    assert counts["date"] == (0, 0, 1)
    assert counts["modality"] == (0, 0, 1)


def test_evaluate_counts_negative_article_with_false_event() -> None:
    gold = gold_line("f", [], negative=True)
    pred = pred_record("f", [pred_event(aircraft_=[C17], destination="Rzeszow", date="2025-01-02")])
    counts = _counts(gold, pred)
    assert counts["events"] == (0, 1, 0)
    assert counts["destination"] == (0, 1, 0)
    assert counts["aircraft_model"] == (0, 1, 0)


def test_evaluate_article_level_fields() -> None:
    gold = gold_line(
        "g",
        [],
        sources=[
            {"text": "Reuters", "span": [0, 7], "name": "Reuters", "kind": "media"},
            {"text": "FR24", "span": [20, 24], "name": "Flightradar24", "kind": "flight_tracker"},
            {"text": "officials", "span": [30, 39], "name": "Western officials", "kind": "anonymous"},
        ],
        attributions=[
            {"outlet": "Reuters", "cites": ["Flightradar24", "Western officials"], "span": [0, 50]}
        ],
        timexes=[
            timex("2025-10-26", (10, 20), "October 26"),
            timex("2025-10-24", (40, 50)),
            timex("P3D", (60, 66)),
        ],
    )
    record = ArticleRecord(
        doc_id="g",
        attributions=[
            Attribution(
                outlet=Source(text="Reuters", span=(0, 7), name="Reuters"),
                cites=[Source(text="Flight Radar 24", span=(20, 24), name="Flight Radar 24")],
                span=(0, 50),
                text="...",
            )
        ],
        timexes=[
            Timex(text="on October 26", span=(7, 20), type="DATE", value="2025-10-26"),
            Timex(text="October 24", span=(40, 50), type="DATE", value="2024-10-24"),
            Timex(text="Tuesday", span=(80, 87), type="DATE", value="2025-10-21"),
        ],
    )
    counts = _counts(gold, record.model_dump(mode="json"))
    assert counts["article_sources"] == (2, 0, 1)
    assert counts["attribution"] == (1, 0, 1)
    assert counts["timex_value"] == (1, 2, 2)


# ---------------------------------------------------------------------------------------------- aggregation


def _evaluation() -> ev.Evaluation:
    gold = [
        gold_line("x1", [gold_event(aircraft_=[C17], destination="Rzeszow", date="2025-01-02")]),
        gold_line(
            "x2",
            [
                gold_event(aircraft_=[IL76MD], destination="Hmeimim Air Base", date="2025-10-26"),
                gold_event(aircraft_=[AN124], destination="Benghazi", date="2025-10-27"),
            ],
        ),
        gold_line("x3", [], negative=True),
    ]
    predictions = {
        "x1": pred_record("x1", [pred_event(aircraft_=[C17], destination="Rzeszow", date="2025-01-02")]),
        "x2": pred_record("x2", [pred_event(aircraft_=[IL76], destination="Hmeimim", date="2025-10-25")]),
        "x3": pred_record("x3", []),
        "stray": pred_record("stray", []),
    }
    return ev.evaluate_records(gold, predictions, MATCHER)


def test_evaluate_micro_and_macro_figures() -> None:
    evaluation = _evaluation()
    events = evaluation.micro("events")
    assert (events.tp, events.fp, events.fn) == (1, 1, 2)
    assert events.precision == pytest.approx(0.5)
    assert events.recall == pytest.approx(1 / 3)
    assert events.f1 == pytest.approx(0.4)
    # per article: x1 F1 1.0, x2 F1 0.0 (tp 0, fp 1, fn 2), x3 has nothing and is not averaged
    assert evaluation.macro("events") == {"p": 0.5, "r": 0.5, "f1": 0.5, "articles": 2}
    destination = evaluation.micro("destination")
    assert (destination.tp, destination.fp, destination.fn) == (2, 0, 1)
    assert evaluation.micro("count").f1 is None
    assert evaluation.macro("count")["articles"] == 0
    assert any("stray" in note for note in evaluation.notes)


def test_evaluate_to_dict_is_json_and_lists_every_field() -> None:
    data = json.loads(json.dumps(_evaluation().to_dict()))
    assert list(data["fields"]) == list(ev.FIELDS)
    assert data["fields"]["events"]["micro"] == {
        "p": 0.5,
        "r": pytest.approx(1 / 3),
        "f1": pytest.approx(0.4),
        "tp": 1,
        "fp": 1,
        "fn": 2,
    }
    assert data["articles"] == 3


def test_evaluate_format_misses_groups_by_field() -> None:
    text = ev.format_misses(_evaluation())
    assert "== date:" in text
    assert "2025-10-26" in text and "2025-10-25" in text
    assert "x2" in text
    assert "gold evidence" in text
    assert "[differs: date]" in text


# -------------------------------------------------------------------------------------------- files and CLI


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _files(tmp_path: Path) -> tuple[Path, Path]:
    gold = [
        gold_line("x1", [gold_event(aircraft_=[C17], destination="Rzeszow", date="2025-01-02")]),
        gold_line("x2", [gold_event(aircraft_=[IL76MD], destination="Hmeimim Air Base", date="2025-10-26")]),
    ]
    preds = [
        pred_record("x1", [pred_event(aircraft_=[C17], destination="Rzeszow", date="2025-01-02")]),
        pred_record("x2", [pred_event(aircraft_=[IL76], destination="Hmeimim Air Base", date="2025-10-25")]),
    ]
    return _write_jsonl(tmp_path / "gold.jsonl", gold), _write_jsonl(tmp_path / "pred.jsonl", preds)


def _args(**values: Any) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    ev.add_arguments(parser)
    argv: list[str] = []
    for key, value in values.items():
        if value is True:
            argv.append(f"--{key}")
        else:
            argv += [f"--{key}", str(value)]
    return parser.parse_args(argv)


def test_evaluate_run_prints_table_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, pred = _files(tmp_path)
    out = tmp_path / "out" / "figures.json"
    assert ev.run(_args(gold=gold, pred=pred, json=out, verbose=True)) == 0
    printed = capsys.readouterr().out
    assert "events" in printed and "timex_value" in printed
    assert "== date:" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["fields"]["events_aligned"]["micro"]["f1"] == 1.0
    assert data["fields"]["date"]["micro"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}


def test_evaluate_main_via_argv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = _files(tmp_path)
    assert ev.main(["--gold", str(gold), "--pred", str(pred)]) == 0
    assert "aircraft_model" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "not found"), ("{not json\n", "invalid JSON"), ('{"no_doc_id": 1}\n', "doc_id")],
    ids=["missing", "bad-json", "no-doc-id"],
)
def test_evaluate_run_reports_unreadable_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    gold = tmp_path / "gold.jsonl"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    assert ev.run(_args(gold=gold, pred=gold)) == 2
    assert message in capsys.readouterr().err


# --------------------------------------------------------------------------------------------- pipeline run


class _FakeExtractor:
    calls: list[dict[str, Any]] = []

    def extract(
        self, text: str, published: str | None = None, doc_id: str | None = None, title: str | None = None
    ) -> ArticleRecord:
        self.calls.append({"text": text, "published": published, "doc_id": doc_id, "title": title})
        if "explode" in text:
            raise RuntimeError("boom")
        event = Event(
            id="e0",
            aircraft=[Aircraft(text="C-17", span=(0, 4), model="C-17A", family="C-17")],
            destination=Place(text="Rzeszow", span=(5, 12), name="Rzeszow"),
            evidence=Evidence(span=(0, 12), text=text[:12]),
        )
        return ArticleRecord(doc_id=doc_id or "?", events=[event])


def test_evaluate_runs_the_pipeline_without_pred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    articles = corpus / "articles" / "test"
    articles.mkdir(parents=True)
    (articles / "t1.txt").write_text("C-17 Rzeszow landed", encoding="utf-8")
    (articles / "t1.meta.json").write_text(json.dumps({"id": "t1", "title": "Headline"}), encoding="utf-8")
    (articles / "t2.txt").write_text("explode", encoding="utf-8")
    (articles / "t3.txt").write_text("C-17 Rzeszow again", encoding="utf-8")
    event = gold_event(aircraft_=[C17], destination="Rzeszow")
    gold = _write_jsonl(
        corpus / "gold" / "test.jsonl",
        [
            gold_line("t1", [event], path="articles/test/t1.txt", published="2025-01-02"),
            gold_line(
                "t2", [event], path="articles/test/t2.txt", published="2025-01-03", published_source="input"
            ),
            gold_line(
                "t3",
                [event],
                path="articles/test/t3.txt",
                published="2025-01-04",
                published_source="dateline",
            ),
            gold_line("t4", [event], path="articles/test/missing.txt"),
        ],
    )
    _FakeExtractor.calls = []
    import extractor

    monkeypatch.setattr(extractor, "Extractor", _FakeExtractor, raising=False)
    evaluation = ev.evaluate(gold)
    calls = {call["doc_id"]: call for call in _FakeExtractor.calls}
    assert calls["t1"]["published"] == "2025-01-02" and calls["t1"]["title"] == "Headline"
    assert calls["t2"]["published"] == "2025-01-03"
    assert calls["t3"]["published"] is None  # the pipeline must find a dateline date itself
    events = evaluation.micro("events")
    assert (events.tp, events.fp, events.fn) == (2, 0, 2)
    assert any("t2: pipeline raised RuntimeError" in note for note in evaluation.notes)
    assert any("t4: cannot read article" in note for note in evaluation.notes)


def test_evaluate_run_without_pipeline_says_to_pass_pred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import extractor

    monkeypatch.delattr(extractor, "Extractor", raising=False)
    gold, _ = _files(tmp_path)
    assert ev.run(_args(gold=gold)) == 2
    assert "--pred" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------------ resources


def test_evaluate_matcher_from_resources_degrades_without_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor import resources

    resources.load_jsonl.cache_clear()
    monkeypatch.setattr(resources, "RESOURCE_DIR", tmp_path)
    (tmp_path / "sources.jsonl").write_text(
        '{"id": "s1", "name": "Flightradar24", "aliases": ["FR24"]}\n{broken\n', encoding="utf-8"
    )
    (tmp_path / "airbases.jsonl").write_text(
        '{"id": "b1", "name": "Hmeimim Air Base", "aliases": ["Khmeimim"], "icao": "OSLK"}\n'
        '{"id": "b2", "aliases": ["no name here"]}\n',
        encoding="utf-8",
    )
    try:
        with pytest.warns(UserWarning, match="sources.jsonl"):
            matcher = Matcher.from_resources()
    finally:
        resources.load_jsonl.cache_clear()
    assert len(matcher.sources) == 0 and len(matcher.countries) == 0
    assert matcher.places_match(place("Hmeimim Air Base"), place("Khmeimim"))
    assert matcher.places_match(place("Hmeimim Air Base"), place("whatever", icao="OSLK"))


def test_evaluate_module_imports_no_spacy() -> None:
    """evaluate.py loaded on its own (without the package ``__init__``) must not pull in spaCy."""
    path = Path(ev.__file__).resolve()
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('evaluate_alone', {str(path)!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "sys.modules['evaluate_alone'] = module\n"
        "spec.loader.exec_module(module)\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_evaluate_aircraft_names_of_one_gazetteer_line_match() -> None:
    matcher = Matcher.from_resources()
    # "JAS 39C" is an alias of the "Gripen C" line, "DHC-8" of "Dash 8": one model under two names
    assert matcher.aircraft_model_match({"model": "JAS 39C", "family": "JAS 39 Gripen"}, {"model": "Gripen C"})
    assert matcher.aircraft_match({"model": "DHC-8", "family": "DHC-8"}, {"model": "Dash 8", "family": "Dash 8"})
    # two lines that share a family are still two models
    assert not matcher.aircraft_model_match({"model": "C-130H"}, {"model": "C-130J"})
    assert not MATCHER.aircraft_model_match({"model": "JAS 39C"}, {"model": "Gripen C"})  # no gazetteer given


def test_evaluate_a_demonym_two_countries_share_matches_either_whatever_the_set_order() -> None:
    # "Dominican" is the demonym of the Dominican Republic and of Dominica: a match must not depend on which
    # of the two a set yields first (it did, with PYTHONHASHSEED)
    matcher = Matcher.from_resources()
    assert matcher.sources_loosely_same("Dominican Air Force", "Dominican Republic Air Force")
    assert matcher.operators_match({"name": "Dominican Air Force"}, {"name": "Dominican Republic Air Force"})
    assert matcher._national_country("Dominican") == "DM"


def test_evaluate_a_squadron_designator_matches_the_squadron_written_out() -> None:
    matcher = Matcher.from_resources()
    assert matcher.operators_match({"name": "VP-45"}, {"name": "Patrol Squadron 45"})
    assert not matcher.operators_match({"name": "VP-45"}, {"name": "Patrol Squadron 46"})
