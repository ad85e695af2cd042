"""The output contract: pydantic models for article records and events.

This package imports no spaCy. It is the one place where the shape of the JSONL
output is defined; ``extractor schema`` prints the JSON Schema generated from it.
Spans are ``[start, end)`` character offsets into the input text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Span = tuple[int, int]

PlaceKind = Literal["airport", "airbase", "city", "region", "country", "ship", "other"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Relation = Literal["on", "since", "until", "before", "after", "around", "between"]
Action = Literal["departure", "arrival", "flight", "return", "deployment", "diversion", "transit", "other"]
Modality = Literal["asserted", "hedged", "planned", "negated"]
SourceKind = Literal["media", "flight_tracker", "official", "anonymous", "imagery", "social_media", "other"]
PublishedSource = Literal["input", "metadata", "dateline", "html", "filename", "default"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    span: Span
    text: str


class Aircraft(_Model):
    text: str
    span: Span
    model: str | None = None
    family: str | None = None
    manufacturer: str | None = None
    icao_type: str | None = None
    role: str | None = None
    nickname: str | None = None
    quantity: int | None = None
    rule: str | None = None


class Place(_Model):
    text: str
    span: Span
    name: str
    kind: PlaceKind = "other"
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2")
    icao: str | None = None
    iata: str | None = None
    lat: float | None = None
    lon: float | None = None
    rule: str | None = None


class Org(_Model):
    text: str
    span: Span
    name: str
    country: str | None = None
    rule: str | None = None


class Timex(_Model):
    text: str
    span: Span
    type: TimexType
    value: str | None = Field(default=None, description="TIMEX3 value")
    granularity: str | None = None
    relation: Relation | None = None
    mod: str | None = None
    rule: str | None = None


class Source(_Model):
    text: str
    span: Span
    name: str
    kind: SourceKind = "other"
    rule: str | None = None


class Conflict(_Model):
    """Two sources disagreeing on one field of the same flight; both values are kept."""

    field: str
    values: list[dict] = Field(default_factory=list)


class Event(_Model):
    id: str
    action: Action = "flight"
    aircraft: list[Aircraft] = Field(default_factory=list)
    operator: Org | None = None
    origin: Place | None = None
    destination: Place | None = None
    via: list[Place] = Field(default_factory=list)
    date: Timex | None = None
    dates: list[Timex] = Field(default_factory=list)
    count: int | None = None
    modality: Modality = "asserted"
    sources: list[Source] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    evidence: Evidence
    trigger: Evidence | None = Field(default=None, description="the movement phrase the event hangs on")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    rules: list[str] = Field(default_factory=list)


class Attribution(_Model):
    outlet: Source | None = None
    cites: list[Source] = Field(default_factory=list)
    span: Span
    text: str
    events: list[str] = Field(default_factory=list)
    rule: str | None = None
    chain: list[str] = Field(
        default_factory=list, description="names from the publishing outlet down to the cited sources"
    )
    scope: Span | None = Field(default=None, description="the sentences the attribution covers")


class Entity(_Model):
    label: str
    text: str
    span: Span
    rule: str | None = None


class Published(_Model):
    value: str | None = Field(default=None, description="YYYY-MM-DD")
    source: PublishedSource | None = None


class ErrorInfo(_Model):
    type: str
    message: str


class ArticleRecord(_Model):
    schema_version: str = SCHEMA_VERSION
    doc_id: str
    status: Literal["ok", "error"] = "ok"
    error: ErrorInfo | None = None
    warnings: list[str] = Field(default_factory=list)
    published: Published = Field(default_factory=Published)
    title: str | None = None
    url: str | None = None
    path: str | None = None
    events: list[Event] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    sources: list[Source] = Field(
        default_factory=list,
        description="every source mention of the article, with its canonical name and kind, attributed or not",
    )
    timexes: list[Timex] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    extractor_version: str | None = None


class ArticleInput(BaseModel):
    """One article to read. Accepts news-please / CC-News names (``maintext``, ``date_publish``)."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    id: str | None = None
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None


def json_schema() -> dict:
    """The JSON Schema of one output line (``ArticleRecord``)."""
    return ArticleRecord.model_json_schema()


__all__ = [
    "SCHEMA_VERSION",
    "Aircraft",
    "ArticleInput",
    "ArticleRecord",
    "Attribution",
    "Conflict",
    "Entity",
    "ErrorInfo",
    "Event",
    "Evidence",
    "Org",
    "Place",
    "Published",
    "Source",
    "Timex",
    "json_schema",
]
