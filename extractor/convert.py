"""Doc -> models: the only module that knows both spaCy and the output schema."""

from __future__ import annotations

from spacy.tokens import Doc

import models

from . import __version__

_ENTITY_GROUPS = {
    "aircraft": "AIRCRAFT",
    "places": "PLACE",
    "operators": "ORG",
    "sources": "SOURCE",
}


def doc_to_record(
    doc: Doc,
    *,
    doc_id: str,
    published: models.Published,
    title: str | None = None,
    url: str | None = None,
    path: str | None = None,
    warnings: list[str] | None = None,
) -> models.ArticleRecord:
    events = [_event(e, f"{doc_id}#{n}") for n, e in enumerate(doc._.events or [], 1)]
    attributions = [
        models.Attribution(
            outlet=_source(a["outlet"]) if a["outlet"] else None,
            cites=[_source(s) for s in a["cites"]],
            span=(a["start"], a["end"]),
            text=a["text"],
            events=[events[i].id for i in a["events"]],
            rule=a.get("rule"),
            chain=a.get("chain") or [],
            scope=tuple(a["scope"]) if a.get("scope") else None,
        )
        for a in doc._.attributions or []
    ]
    return models.ArticleRecord(
        doc_id=doc_id,
        status="ok",
        published=published,
        title=title,
        url=url,
        path=path,
        warnings=warnings or [],
        events=events,
        attributions=attributions,
        sources=[_source(s) for s in doc._.sources or [] if s.get("name")],
        timexes=[_timex(t) for t in doc._.timexes or []],
        entities=_entities(doc),
        extractor_version=__version__,
    )


def _entities(doc: Doc) -> list[models.Entity]:
    out = []
    for key, label in _ENTITY_GROUPS.items():
        for mention in getattr(doc._, key) or []:
            out.append(
                models.Entity(label=label, text=mention["text"], span=(mention["start"], mention["end"]),
                              rule=mention.get("rule"))
            )  # fmt: skip
    for timex in doc._.timexes or []:
        out.append(models.Entity(label=timex["type"], text=timex["text"], span=(timex["start"], timex["end"]),
                                 rule=timex.get("rule")))  # fmt: skip
    out.sort(key=lambda e: (e.span[0], e.span[1]))
    return out


def _event(event: dict, event_id: str) -> models.Event:
    return models.Event(
        id=event_id,
        action=event["action"],
        aircraft=[_aircraft(a) for a in event["aircraft"]],
        operator=_org(event["operator"]) if event["operator"] else None,
        origin=_place(event["origin"]) if event["origin"] else None,
        destination=_place(event["destination"]) if event["destination"] else None,
        via=[_place(p) for p in event["via"]],
        date=_timex(event["date"]) if event["date"] else None,
        dates=[_timex(t) for t in event["dates"]],
        count=event["count"],
        modality=event["modality"],
        sources=[_source(s) for s in event["sources"]],
        conflicts=[models.Conflict(field=c["field"], values=c["values"]) for c in event.get("conflicts") or []],
        evidence=models.Evidence(span=(event["evidence"]["start"], event["evidence"]["end"]),
                                 text=event["evidence"]["text"]),
        trigger=models.Evidence(span=(event["trigger"]["start"], event["trigger"]["end"]),
                                text=event["trigger"]["text"]) if event.get("trigger") else None,
        confidence=event["confidence"],
        rules=event["rules"],
    )  # fmt: skip


def _aircraft(m: dict) -> models.Aircraft:
    return models.Aircraft(
        text=m["text"], span=(m["start"], m["end"]), model=m["model"], family=m["family"],
        manufacturer=m["manufacturer"], icao_type=m["icao_type"], role=m["role"], nickname=m["nickname"],
        quantity=m["quantity"], rule=m["rule"],
    )  # fmt: skip


def _place(m: dict) -> models.Place:
    return models.Place(
        text=m["text"], span=(m["start"], m["end"]), name=m["name"], kind=m["kind"], country=m.get("country"),
        icao=m.get("icao"), iata=m.get("iata"), lat=m.get("lat"), lon=m.get("lon"), rule=m.get("rule"),
    )  # fmt: skip


def _org(m: dict) -> models.Org:
    return models.Org(text=m["text"], span=(m["start"], m["end"]), name=m["name"], country=m.get("country"),
                      rule=m.get("rule"))  # fmt: skip


def _source(m: dict) -> models.Source:
    return models.Source(text=m["text"], span=(m["start"], m["end"]), name=m["name"], kind=m["kind"],
                         rule=m.get("rule"))  # fmt: skip


def _timex(t: dict) -> models.Timex:
    return models.Timex(
        text=t["text"], span=(t["start"], t["end"]), type=t["type"], value=t.get("value"),
        granularity=t.get("granularity"), relation=t.get("relation"), mod=t.get("mod"), rule=t.get("rule"),
    )  # fmt: skip
