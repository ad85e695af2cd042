"""Annotated documents: one text with its entity mentions and events, read from gold, records or the pipeline.

Every exporter reads :class:`AnnotatedDoc`, so gold data (``corpus/gold/*.jsonl``) and silver data (the
pipeline's ``ArticleRecord`` lines, or the pipeline run here on articles) come out in one format. Offsets are
``[start, end)`` characters into ``AnnotatedDoc.text``.

Where the text comes from:

- gold lines: ``<corpus>/<path>``, ``<corpus>`` being the gold file's grandparent (as ``extractor evaluate``
does); - ``ArticleRecord`` lines: records carry no text, so the articles they were extracted from are read
from
  ``articles`` paths (anything :func:`extractor.io.readers.iter_inputs` reads) and joined on ``doc_id``;
- articles: the text itself; the pipeline is run on it.

A document that cannot be built (no article for a record, an error record, spans that do not match the text)
is not yielded; an :class:`ExportIssue` takes its place in the stream, so the caller reports it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import models

from ._report import ExportIssue

#: the entity label of each event role; timexes carry their TIMEX3 type (DATE, TIME, DURATION, SET) as label
ROLE_LABELS = {
    "aircraft": "AIRCRAFT",
    "operator": "ORG",
    "origin": "PLACE",
    "destination": "PLACE",
    "via": "PLACE",
    "source": "SOURCE",
}
TIMEX_LABELS = ("DATE", "TIME", "DURATION", "SET")
ENTITY_LABELS = ("AIRCRAFT", "PLACE", "ORG", "SOURCE", *TIMEX_LABELS)
#: relation labels, in the order they are written for one event
ROLES = ("aircraft", "operator", "origin", "destination", "via", "date", "source")
_NOT_VALUES = {"text", "span", "rule", "start", "end"}

MentionKey = tuple[int, int, str]


@dataclass
class Mention:
    """An entity mention: ``label`` is one of :data:`ENTITY_LABELS`; ``value`` holds the normalised fields
    (aircraft model and ICAO type, place name and ICAO code, TIMEX3 value...), empty when none are known."""

    start: int
    end: int
    label: str
    text: str
    rule: str | None = None
    value: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> MentionKey:
        return (self.start, self.end, self.label)

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label, "text": self.text}
        if self.rule:
            row["rule"] = self.rule
        if self.value:
            row["value"] = self.value
        return row


@dataclass
class EventAnnotation:
    """One movement leg. ``roles`` pairs a role name from :data:`ROLES` with the key of a mention in the
    document; the primary date is the first ``date`` role (the schema's ``date``, then the rest of
    ``dates``)."""

    id: str
    action: str
    evidence: tuple[int, int]
    roles: list[tuple[str, MentionKey]] = field(default_factory=list)
    modality: str = "asserted"
    confidence: float = 1.0
    count: int | None = None
    rules: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "action": self.action,
            "modality": self.modality,
            "confidence": self.confidence,
            "count": self.count,
            "evidence": [self.evidence[0], self.evidence[1]],
            "rules": list(self.rules),
            "roles": [{"role": role, "start": k[0], "end": k[1], "label": k[2]} for role, k in self.roles],
        }


@dataclass
class AnnotatedDoc:
    """A text with its mentions (unique by ``(start, end, label)``, in text order) and events.

    ``origin`` says where the annotations come from: ``gold``, ``records`` (``ArticleRecord`` lines) or
    ``pipeline`` (extracted during the export).
    """

    doc_id: str
    text: str
    mentions: list[Mention]
    events: list[EventAnnotation]
    origin: str
    extractor_version: str | None = None
    published: str | None = None
    #: problems found while reading that did not stop the document (reported by the exporters)
    notes: list[ExportIssue] = field(default_factory=list)
    #: where ``text`` starts in the article (not 0 for the parts of a document split into paragraphs)
    offset: int = 0

    def mention(self, key: MentionKey) -> Mention:
        for mention in self.mentions:
            if mention.key == key:
                return mention
        raise KeyError(f"{self.doc_id}: no mention at {key}")

    def rule_ids(self) -> list[str]:
        """Every rule id behind a mention or an event, sorted."""
        rules = {m.rule for m in self.mentions if m.rule}
        for event in self.events:
            rules.update(event.rules)
        return sorted(rules)


class _Builder:
    """Collects mentions (merging repeats of one span and label) and events for one document."""

    def __init__(self, doc_id: str, text: str) -> None:
        self.doc_id = doc_id
        self.text = text
        self.mentions: dict[MentionKey, Mention] = {}
        self.mismatches: list[str] = []

    def add(
        self,
        label: str,
        span: Sequence[int],
        text: str | None,
        rule: str | None = None,
        value: dict[str, Any] | None = None,
    ) -> MentionKey:
        start, end = int(span[0]), int(span[1])
        if not 0 <= start <= end <= len(self.text):
            self.mismatches.append(
                f"[{start},{end}) {label} is outside the text ({len(self.text)} characters)"
            )
        elif text is not None and self.text[start:end] != text:
            self.mismatches.append(
                f"[{start},{end}) {label}: expected {text!r}, the text has {self.text[start:end]!r}"
            )
        key = (start, end, label)
        mention = self.mentions.get(key)
        if mention is None:
            self.mentions[key] = Mention(start, end, label, self.text[start:end], rule, dict(value or {}))
        else:
            mention.rule = mention.rule or rule
            for name, item in (value or {}).items():
                mention.value.setdefault(name, item)
        return key

    def sorted_mentions(self) -> list[Mention]:
        return sorted(self.mentions.values(), key=lambda m: (m.start, -m.end, m.label))


def _values(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in _NOT_VALUES and v is not None}


def _primary_first(date: dict | None, dates: Iterable[dict]) -> list[dict]:
    out = [date] if date else []
    for item in dates:
        if not date or (tuple(item["span"]), item.get("value")) != (tuple(date["span"]), date.get("value")):
            out.append(item)
    return out


def from_record(
    record: models.ArticleRecord | dict, text: str, *, origin: str = "records"
) -> AnnotatedDoc | ExportIssue:
    """An ``ArticleRecord`` (model or JSON dict) and the text it was extracted from -> an
    :class:`AnnotatedDoc`.

    Mentions are the record's ``entities``, ``timexes`` and every event role; normalised values come from the
    roles and timexes (``entities`` carry none). Returns an :class:`ExportIssue` for an ``error`` record or
    when a span's ``text`` differs from the article (the wrong article was joined).
    """
    if isinstance(record, dict):
        raw = record
        try:
            record = models.ArticleRecord.model_validate(raw)
        except ValueError as exc:
            return ExportIssue(str(raw.get("doc_id")), "input", f"not a valid ArticleRecord: {exc}")
    if record.status != "ok":
        reason = record.error.message if record.error else "no reason given"
        return ExportIssue(record.doc_id, "input", f"error record skipped ({reason})")
    build = _Builder(record.doc_id, text)
    for entity in record.entities:
        build.add(entity.label, entity.span, entity.text, entity.rule)
    for timex in record.timexes:
        build.add(timex.type, timex.span, timex.text, timex.rule, _values(timex.model_dump()))
    events = []
    for n, event in enumerate(record.events):
        data = event.model_dump()
        roles = _roles(build, data, source_spans=None)
        events.append(
            EventAnnotation(
                id=event.id or f"{record.doc_id}#{n + 1}",
                action=event.action,
                evidence=(event.evidence.span[0], event.evidence.span[1]),
                roles=roles,
                modality=event.modality,
                confidence=event.confidence,
                count=event.count,
                rules=list(event.rules),
            )
        )
    return _finish(build, events, origin, record.extractor_version, record.published.value)


def from_gold(line: dict, text: str) -> AnnotatedDoc | ExportIssue:
    """A gold line (``corpus/README.md``) and its article text -> an :class:`AnnotatedDoc` with
    ``origin="gold"``.

    Mentions are the event roles, the article-level ``sources`` and ``timexes``. Gold events name their
    sources without spans, so each is tied to the mention of that source nearest the event's evidence; a name
    with no mention in the article gets no relation and is reported.
    """
    doc_id = str(line.get("doc_id"))
    build = _Builder(doc_id, text)
    source_spans: dict[str, list[MentionKey]] = {}
    for source in line.get("sources") or []:
        key = build.add("SOURCE", source["span"], source.get("text"), source.get("rule"), _values(source))
        source_spans.setdefault(str(source.get("name")), []).append(key)
    for timex in line.get("timexes") or []:
        build.add(timex["type"], timex["span"], timex.get("text"), timex.get("rule"), _values(timex))
    events = []
    unresolved: list[str] = []
    for n, event in enumerate(line.get("events") or []):
        evidence = event.get("evidence") or {}
        span = evidence.get("span") or [0, 0]
        roles = _roles(
            build, event, source_spans=source_spans, evidence=(span[0], span[1]), missing=unresolved
        )
        events.append(
            EventAnnotation(
                id=f"{doc_id}#{n + 1}",
                action=event.get("action", "flight"),
                evidence=(int(span[0]), int(span[1])),
                roles=roles,
                modality=event.get("modality", "asserted"),
                confidence=1.0,
                count=event.get("count"),
            )
        )
    notes = [ExportIssue(doc_id, "unresolved", message) for message in unresolved]
    return _finish(build, events, "gold", None, line.get("published"), notes)


def _roles(
    build: _Builder,
    event: dict,
    *,
    source_spans: dict[str, list[MentionKey]] | None,
    evidence: tuple[int, int] | None = None,
    missing: list[str] | None = None,
) -> list[tuple[str, MentionKey]]:
    roles: list[tuple[str, MentionKey]] = []

    def add(role: str, obj: dict | None, label: str | None = None) -> None:
        if obj:
            key = build.add(
                label or ROLE_LABELS[role], obj["span"], obj.get("text"), obj.get("rule"), _values(obj)
            )
            roles.append((role, key))

    for aircraft in event.get("aircraft") or []:
        add("aircraft", aircraft)
    add("operator", event.get("operator"))
    add("origin", event.get("origin"))
    add("destination", event.get("destination"))
    for place in event.get("via") or []:
        add("via", place)
    for timex in _primary_first(event.get("date"), event.get("dates") or []):
        add("date", timex, timex["type"])
    for source in event.get("sources") or []:
        if isinstance(source, dict):
            add("source", source)
            continue
        keys = (source_spans or {}).get(str(source))
        if not keys:
            if missing is not None:
                missing.append(f"event source {source!r} has no mention in the article; no source relation")
            continue
        anchor = evidence[0] if evidence else 0
        roles.append(("source", min(keys, key=lambda k: (abs(k[0] - anchor), k[0]))))
    return roles


def _finish(
    build: _Builder,
    events: list[EventAnnotation],
    origin: str,
    version: str | None,
    published: str | None,
    notes: list[ExportIssue] | None = None,
) -> AnnotatedDoc | ExportIssue:
    if build.mismatches:
        count = len(build.mismatches)
        return ExportIssue(
            build.doc_id,
            "text-mismatch",
            f"{count} span(s) do not match the article text (is it the text the annotations were made on?); "
            f"first: {build.mismatches[0]}; document skipped",
        )
    return AnnotatedDoc(
        build.doc_id,
        build.text,
        build.sorted_mentions(),
        events,
        origin,
        version,
        published,
        list(notes or []),
    )


# --------------------------------------------------------------------------------------------------- readers


def _read_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield lineno, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield lineno, ExportIssue(f"{path.name}:{lineno}", "input", f"invalid JSON ({exc.msg})")


def documents_from_gold(path: str | Path) -> Iterator[AnnotatedDoc | ExportIssue]:
    """Read a gold file; articles come from ``<gold file's grandparent>/<path>`` (``corpus/articles/...``)."""
    gold_path = Path(path)
    if not gold_path.is_file():
        raise FileNotFoundError(f"gold file not found: expected a JSONL file at {gold_path}")
    corpus = gold_path.resolve().parent.parent
    for lineno, line in _read_jsonl(gold_path):
        if isinstance(line, ExportIssue):
            yield line
            continue
        if not isinstance(line, dict) or "doc_id" not in line or "path" not in line:
            yield ExportIssue(
                f"{gold_path.name}:{lineno}", "input", "expected a gold line with doc_id and path"
            )
            continue
        article = corpus / str(line["path"])
        try:
            text = article.read_text(encoding="utf-8")
        except OSError as exc:
            yield ExportIssue(str(line["doc_id"]), "input", f"cannot read article {article}: {exc.strerror}")
            continue
        yield from_gold(line, text)


def is_record(item: dict) -> bool:
    """An ``ArticleRecord`` line (``extractor extract`` output), as opposed to an article to read."""
    return "schema_version" in item and "events" in item


def _is_gold_line(item: dict) -> bool:
    return "events" in item and "text" not in item and "maintext" not in item and "split" in item


def documents_from_inputs(
    inputs: Sequence[str],
    *,
    articles: Sequence[str] = (),
    extractor: Any = None,
    published: str | None = None,
) -> Iterator[AnnotatedDoc | ExportIssue]:
    """Articles or ``ArticleRecord`` lines, in input order -> annotated documents.

    An article is run through the pipeline (``extractor``, an :class:`extractor.Extractor`, built on first
    need with ``published`` as the default date). A record is joined on ``doc_id`` with the texts read from
    ``articles``; a record without ``articles`` raises :class:`~extractor.errors.UsageError` (records hold no
    text), a record whose article is missing becomes an issue.
    """
    from ..errors import UsageError
    from ..io.readers import InputFailure, iter_inputs

    texts: dict[str, str] | None = None
    for index, item in enumerate(iter_inputs(inputs), 1):
        if isinstance(item, InputFailure):
            yield ExportIssue(item.doc_id, "input", str(getattr(item.error, "message", item.error)))
            continue
        if is_record(item):
            if not articles:
                raise UsageError(
                    f"{item.get('path')}: holds ArticleRecord lines, which carry no text; pass the articles "
                    "they were extracted from with --articles PATH (joined on doc_id)"
                )
            if texts is None:
                texts = _article_texts(articles)
            doc_id = str(item.get("doc_id"))
            text = texts.get(doc_id)
            if text is None:
                yield ExportIssue(
                    doc_id, "input", "no article with this doc_id among --articles; record skipped"
                )
                continue
            yield from_record(item, text)
            continue
        if _is_gold_line(item):
            raise UsageError(f"{item.get('path')}: looks like a gold file; pass it with --gold FILE")
        if extractor is None:
            from ..api import Extractor

            extractor = Extractor(default_published=published)
        yield _extract(extractor, item, index)


def _extract(extractor: Any, item: dict, index: int) -> AnnotatedDoc | ExportIssue:
    from ..api import coerce_input

    record = extractor.extract_record(item, index=index)
    if record.status != "ok":
        return from_record(record, "", origin="pipeline")
    text = coerce_input(item).get("text") or ""
    return from_record(record, text[: extractor.max_chars], origin="pipeline")


def _article_texts(paths: Sequence[str]) -> dict[str, str]:
    """``doc_id`` -> text of each readable article under ``paths`` (ids as ``extractor extract`` gives)."""
    from ..api import coerce_input
    from ..io.readers import InputFailure, iter_inputs

    texts: dict[str, str] = {}
    for item in iter_inputs(paths):
        if isinstance(item, InputFailure) or is_record(item):
            continue
        fields = coerce_input(item)
        if fields.get("id") is not None and isinstance(fields.get("text"), str):
            texts.setdefault(str(fields["id"]), fields["text"])
    return texts
