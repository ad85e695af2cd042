"""The four output formats. Each ``to_*`` function turns one :class:`AnnotatedDoc` into one output unit and
appends what it could not write exactly to ``issues``; :func:`export_documents` streams documents into a file.

``spacy``
    A ``DocBin`` (``.spacy``) that ``spacy train`` reads as is. ``doc.ents``: the entities, non-overlapping
    (the longest wins; of one span with two labels, the one that fills an event role, then
    :data:`LABEL_PRIORITY`); ``doc.spans["sc"]``: every entity, overlapping ones included;
    ``doc.spans["events"]``: each event's evidence span (whitespace trimmed), labelled with its action,
    ``span.id_`` = event id;
    ``doc.spans["event_roles"]``: each role mention of each event, labelled with the role, ``span.id_`` =
    event id; ``doc.user_data["aircraft_movement"]``: a JSON-safe dict with the document id, where the
    annotations come from, the extractor version, every entity with its rule id and normalised value (TIMEX3
    value, ICAO codes, canonical names), every event (action, modality, confidence, count, evidence, rule ids,
    roles) and the relations, all as character offsets. (``DocBin`` reads lists back as tuples.)
``prodigy``
    JSONL tasks: ``text``, ``tokens`` (text, start, end, id, ws), ``spans`` (start, end, token_start,
    token_end, label; non-overlapping, ``token_end`` inclusive) and ``relations`` (``head``/``child``: the
    index of the last token of the head/child span, ``head_span``/``child_span``, ``label``), as the relations
    interface saves them; ``meta`` (doc id, origin, extractor version, rule ids); ``events`` (per event: id,
    action, modality, confidence, evidence, indices of its relations) and ``overlapping_spans`` (the entities
    left out of ``spans`` because a longer one overlaps them).
``doccano``
    JSONL for a sequence-labelling project with relations: ``text``, ``entities`` (id, label, start_offset,
    end_offset; every entity, overlapping ones included: enable "Allow overlapping spans" in the project),
    ``relations`` (id, from_id, to_id, type); ``meta`` and ``events`` as for Prodigy (doccano keeps unknown
    keys as metadata). Character offsets, so no token alignment is needed.
``conll``
    One token per line, ``token<TAB>BIO-tag``; a blank line between sentences (the pipeline's sentencizer; a
    sentence break inside an entity is not written); each document starts with the CoNLL-2003 line
    ``-DOCSTART- -X- O O`` and a blank line, which ``spacy convert -c ner`` reads. Whitespace tokens are not
    written. BIO cannot nest: an entity overlapped by a longer one is left out and reported.

Relations (Prodigy, doccano, and the spaCy ``user_data``) are anchored on each event's first aircraft mention:
see :mod:`extractor.export._select`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from ._align import align, align_mentions, blank_pipeline, covering, longest_first, make_doc
from ._documents import AnnotatedDoc, MentionKey
from ._report import ExportIssue, ExportReport
from ._select import ExportOptions, Relation, relations, select, split

FORMATS = ("spacy", "prodigy", "doccano", "conll")
USER_DATA_KEY = "aircraft_movement"
SPANS_KEY = "sc"
EVENTS_KEY = "events"
ROLES_KEY = "event_roles"
DOCSTART = "-DOCSTART- -X- O O"


def _meta(doc: AnnotatedDoc) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "offset": doc.offset,
        "origin": doc.origin,
        "extractor_version": doc.extractor_version,
        "rules": doc.rule_ids(),
    }


#: which of two mentions of one span goes to ``doc.ents``: one that fills an event role, then by label.
#: SOURCE before ORG because the gold calls a cited body ("the Russian Defence Ministry said") a source, and
#: an ORG only when it operates the aircraft (an event role).
LABEL_PRIORITY = ("AIRCRAFT", "PLACE", "SOURCE", "ORG", "DATE", "TIME", "DURATION", "SET")


def _entities(doc: AnnotatedDoc, sdoc: Doc, issues: list[ExportIssue], where: str
              ) -> tuple[dict[MentionKey, Span], list[Span], list[Span]]:  # fmt: skip
    """Aligned spans by mention key, the non-overlapping ones for ``doc.ents``, and the rest (reported as
    overlaps, ``where`` saying where they went)."""
    spans = align_mentions(sdoc, doc, doc.mentions, issues)
    roles = {key for event in doc.events for _, key in event.roles}
    ranks = {id(span): (key not in roles, _label_rank(key[2])) for key, span in spans.items()}
    kept, rest = longest_first(spans.values(), rank=lambda span: ranks[id(span)])
    _overlap_issues(doc, kept, rest, where, issues)
    return spans, kept, rest


def _label_rank(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding whitespace (evidence spans may end with a paragraph break)."""
    chunk = text[start:end]
    if not chunk.strip():
        return start, end
    return start + len(chunk) - len(chunk.lstrip()), end - (len(chunk) - len(chunk.rstrip()))


def _overlap_issues(
    doc: AnnotatedDoc, kept: list[Span], rest: list[Span], where: str, issues: list[ExportIssue]
) -> None:
    for span in rest:
        winner = covering(span, kept)
        over = f" overlaps {winner.label_} {winner.text!r}" if winner is not None else ""
        start, end = doc.offset + span.start_char, doc.offset + span.end_char
        issues.append(
            ExportIssue(doc.doc_id, "overlap", f"{span.label_} {span.text!r}{over}; {where}", start, end)
        )


# ------------------------------------------------------------------------------------------------------ spaCy


def to_spacy(
    doc: AnnotatedDoc, nlp: Language, issues: list[ExportIssue], *, unannotated: str = "outside"
) -> tuple[Doc, list[Relation]]:
    """One spaCy ``Doc`` (layout in the module doc) and the relations stored in its ``user_data``."""
    sdoc = make_doc(nlp, doc.text)
    spans, kept, rest = _entities(doc, sdoc, issues, f"kept in doc.spans[{SPANS_KEY!r}] only")
    sdoc.set_ents(kept, default=unannotated)
    sdoc.spans[SPANS_KEY] = sorted(spans.values(), key=lambda s: (s.start, s.end, s.label_))
    evidence, roles = [], []
    for event in doc.events:
        start, end = _strip(doc.text, *event.evidence)
        span = align(sdoc, doc.doc_id, start, end, event.action, issues, doc.offset)
        if span is not None:
            evidence.append(Span(sdoc, span.start, span.end, label=event.action, span_id=event.id))
        for role, key in event.roles:
            if key in spans:
                roles.append(Span(sdoc, spans[key].start, spans[key].end, label=role, span_id=event.id))
    sdoc.spans[EVENTS_KEY] = evidence
    sdoc.spans[ROLES_KEY] = roles
    rels = relations(doc, issues)
    sdoc.user_data[USER_DATA_KEY] = {
        **_meta(doc),
        "published": doc.published,
        "entities": [m.to_json() for m in doc.mentions],
        "events": [e.to_json() for e in doc.events],
        "relations": [
            {"head": list(r.head), "child": list(r.child), "label": r.label, "events": list(r.events)}
            for r in rels
        ],
    }
    return sdoc, rels


# ---------------------------------------------------------------------------------------------------- Prodigy


def _prodigy_span(span: Span) -> dict[str, Any]:
    return {
        "start": span.start_char,
        "end": span.end_char,
        "token_start": span.start,
        "token_end": span.end - 1,
        "label": span.label_,
    }


def to_prodigy(doc: AnnotatedDoc, nlp: Language, issues: list[ExportIssue]) -> dict[str, Any]:
    """One Prodigy task (layout in the module doc)."""
    sdoc = make_doc(nlp, doc.text)
    spans, kept, rest = _entities(
        doc, sdoc, issues, "kept in overlapping_spans (and in relations that use it)"
    )
    rels, rel_index = _written_relations(doc, spans, issues)
    return {
        "text": doc.text,
        "tokens": [
            {"text": t.text, "start": t.idx, "end": t.idx + len(t), "id": t.i, "ws": bool(t.whitespace_)}
            for t in sdoc
        ],
        "spans": [_prodigy_span(s) for s in kept],
        "relations": [
            {
                "head": spans[r.head].end - 1,
                "child": spans[r.child].end - 1,
                "head_span": _prodigy_span(spans[r.head]),
                "child_span": _prodigy_span(spans[r.child]),
                "label": r.label,
            }
            for r in rels
        ],
        "meta": _meta(doc),
        "events": _event_rows(doc, rel_index),
        "overlapping_spans": [_prodigy_span(s) for s in rest],
    }


def _written_relations(
    doc: AnnotatedDoc, spans: dict[MentionKey, Any], issues: list[ExportIssue]
) -> tuple[list[Relation], dict[str, list[int]]]:
    """The relations whose two ends were written, and event id -> their indices in that list."""
    rels = [r for r in relations(doc, issues) if r.head in spans and r.child in spans]
    index: dict[str, list[int]] = {}
    for n, relation in enumerate(rels):
        for event_id in relation.events:
            index.setdefault(event_id, []).append(n)
    return rels, index


def _event_rows(doc: AnnotatedDoc, rel_index: dict[str, list[int]]) -> list[dict[str, Any]]:
    rows = []
    for event in doc.events:
        row = event.to_json()
        row["relations"] = rel_index.get(event.id, [])
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------------- doccano


def to_doccano(doc: AnnotatedDoc, issues: list[ExportIssue]) -> dict[str, Any]:
    """One doccano line (layout in the module doc); entity ids are positions in ``entities``."""
    ids = {m.key: n for n, m in enumerate(doc.mentions)}
    rels, rel_index = _written_relations(doc, ids, issues)
    return {
        "text": doc.text,
        "entities": [
            {"id": n, "label": m.label, "start_offset": m.start, "end_offset": m.end}
            for n, m in enumerate(doc.mentions)
        ],
        "relations": [
            {"id": n, "from_id": ids[r.head], "to_id": ids[r.child], "type": r.label}
            for n, r in enumerate(rels)
        ],
        "meta": _meta(doc),
        "events": _event_rows(doc, rel_index),
    }


# ------------------------------------------------------------------------------------------------------ CoNLL


def to_conll(doc: AnnotatedDoc, nlp: Language, issues: list[ExportIssue]) -> list[str]:
    """The lines of one document: the ``-DOCSTART-`` line, then sentences of ``token<TAB>tag`` lines."""
    sdoc = make_doc(nlp, doc.text)
    spans, kept, rest = _entities(doc, sdoc, issues, "not written (BIO cannot nest)")
    tags = ["O"] * len(sdoc)
    for span in kept:
        tags[span.start] = f"B-{span.label_}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{span.label_}"
    lines = [DOCSTART, ""]
    for token in sdoc:
        if token.is_space:
            continue
        if token.is_sent_start and token.i > 0 and not tags[token.i].startswith("I-") and lines[-1] != "":
            lines.append("")
        lines.append(f"{token.text}\t{tags[token.i]}")
    if lines[-1] != "":
        lines.append("")
    return lines


# ------------------------------------------------------------------------------------------------------ files


def export_documents(
    documents: Iterable[AnnotatedDoc | ExportIssue],
    fmt: str,
    output: str | Path,
    options: ExportOptions | None = None,
) -> ExportReport:
    """Write ``documents`` to ``output`` (``-`` is stdout for the JSONL and CoNLL formats) in format ``fmt``.

    Issues in the stream (documents that could not be read) and every issue met while writing go to the
    returned report; nothing is left out without an entry there.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format: expected one of {', '.join(FORMATS)}, found {fmt!r}")
    if fmt == "spacy" and str(output) == "-":
        raise ValueError("output: the spacy format is a binary DocBin; expected a file path, found '-'")
    options = options or ExportOptions()
    report = ExportReport(format=fmt, output=str(output))
    units = _convert(documents, fmt, options, report)
    if fmt == "spacy":
        docbin = DocBin(store_user_data=True)
        for sdoc in units:
            docbin.add(sdoc)
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        docbin.to_disk(output)
    elif str(output) == "-":
        for text in units:
            sys.stdout.write(text)
    else:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        with Path(output).open("w", encoding="utf-8") as handle:
            for text in units:
                handle.write(text)
    return report


def _convert(
    documents: Iterable[AnnotatedDoc | ExportIssue], fmt: str, options: ExportOptions, report: ExportReport
) -> Iterator[Any]:
    """One unit per document written (a ``Doc`` for spacy, else text); counts and issues go to ``report``."""
    nlp = blank_pipeline(sentences=fmt == "conll")
    for item in documents:
        if isinstance(item, ExportIssue):
            report.add(item)
            report.skipped += 1
            continue
        for part in split(item, options):
            for note in part.notes:
                report.add(note)
            doc = select(part, options)
            if doc is not None:
                yield _convert_one(doc, fmt, nlp, options, report)


def _convert_one(
    doc: AnnotatedDoc, fmt: str, nlp: Language, options: ExportOptions, report: ExportReport
) -> Any:
    issues: list[ExportIssue] = []
    unit: Any
    if fmt == "spacy":
        unit, rels = to_spacy(doc, nlp, issues, unannotated=options.unannotated)
        entities, written = len(unit.spans[SPANS_KEY]), len(rels)
    elif fmt == "prodigy":
        task = to_prodigy(doc, nlp, issues)
        unit = json.dumps(task, ensure_ascii=False) + "\n"
        entities, written = len(task["spans"]) + len(task["overlapping_spans"]), len(task["relations"])
    elif fmt == "doccano":
        task = to_doccano(doc, issues)
        unit = json.dumps(task, ensure_ascii=False) + "\n"
        entities, written = len(task["entities"]), len(task["relations"])
    else:
        lines = to_conll(doc, nlp, issues)
        unit = "\n".join(lines) + "\n"
        entities, written = sum(1 for line in lines if "\tB-" in line), 0
    report.documents += 1
    report.entities += entities
    report.events += len(doc.events)
    report.relations += written
    for issue in issues:
        report.add(issue)
    return unit
