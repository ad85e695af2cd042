"""Export options (label and confidence filters) and the event relations every relation format writes.

Relations are anchored on the event's first aircraft mention: event records carry the evidence span (a whole
sentence) but not the trigger's span, and a sentence-long head span would overlap every role it points to. So
an event with aircraft A1, A2, origin O and date D gives ``A1 -aircraft-> A2``, ``A1 -origin-> O``, ``A1
-date-> D``. An event without an aircraft mention gets no relations (a ``no-anchor`` issue). Two events that
share an aircraft mention and a role mention give one relation, listed under both event ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ._documents import ENTITY_LABELS, AnnotatedDoc, EventAnnotation, MentionKey
from ._report import ExportIssue

SPLITS = ("none", "paragraph")
#: a paragraph break: a line with nothing but spaces or tabs
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class ExportOptions:
    """``labels``: entity labels to keep (None keeps all); ``min_confidence``: events below it are left out;
    ``only_with_events``: documents with no event (after filtering) are left out; ``split``: ``none`` (one
    output document per article) or ``paragraph`` (one per paragraph: shorter training examples and annotation
    tasks); ``unannotated`` (spaCy only): what tokens outside every entity are, ``outside`` (O) or ``missing``
    (unknown to the trainer)."""

    labels: frozenset[str] | None = None
    min_confidence: float = 0.0
    only_with_events: bool = False
    split: str = "none"
    unannotated: str = "outside"

    def __post_init__(self) -> None:
        if self.labels is not None:
            unknown = sorted(set(self.labels) - set(ENTITY_LABELS))
            if unknown:
                raise ValueError(
                    f"labels: expected some of {', '.join(ENTITY_LABELS)}, found {', '.join(unknown)}"
                )
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence: expected a number from 0 to 1, found {self.min_confidence}")
        if self.split not in SPLITS:
            raise ValueError(f"split: expected one of {', '.join(SPLITS)}, found {self.split!r}")
        if self.unannotated not in ("outside", "missing"):
            raise ValueError(f"unannotated: expected 'outside' or 'missing', found {self.unannotated!r}")


@dataclass
class Relation:
    head: MentionKey
    child: MentionKey
    label: str
    events: list[str] = field(default_factory=list)


def select(doc: AnnotatedDoc, options: ExportOptions) -> AnnotatedDoc | None:
    """A copy of ``doc`` with the options applied; None when ``only_with_events`` leaves nothing.

    Roles that point to a mention whose label is filtered out are dropped from the events with it.
    """
    mentions = [m for m in doc.mentions if options.labels is None or m.label in options.labels]
    keys = {m.key for m in mentions}
    events = [
        replace(event, roles=[(role, key) for role, key in event.roles if key in keys])
        for event in doc.events
        if event.confidence >= options.min_confidence
    ]
    if options.only_with_events and not events:
        return None
    return replace(doc, mentions=mentions, events=events)


def relations(doc: AnnotatedDoc, issues: list[ExportIssue]) -> list[Relation]:
    """The relations of every event in ``doc``, anchored on its first aircraft mention (module doc)."""
    found: dict[tuple[MentionKey, MentionKey, str], Relation] = {}
    for event in doc.events:
        anchor = next((key for role, key in event.roles if role == "aircraft"), None)
        if anchor is None:
            if event.roles:
                issues.append(
                    ExportIssue(
                        doc.doc_id,
                        "no-anchor",
                        f"event {event.id} has no aircraft mention; no relations",
                        doc.offset + event.evidence[0],
                        doc.offset + event.evidence[1],
                    )
                )
            continue
        for role, key in event.roles:
            if key == anchor:
                continue
            relation = found.setdefault((anchor, key, role), Relation(anchor, key, role))
            if event.id not in relation.events:
                relation.events.append(event.id)
    return list(found.values())


def split(doc: AnnotatedDoc, options: ExportOptions) -> list[AnnotatedDoc]:
    """``doc`` as the options cut it: itself, or one document per paragraph (see :func:`split_paragraphs`)."""
    return split_paragraphs(doc) if options.split == "paragraph" else [doc]


def split_paragraphs(doc: AnnotatedDoc) -> list[AnnotatedDoc]:
    """One document per paragraph (text between blank lines, without the trailing whitespace).

    Each part keeps the article's ``doc_id`` and gets ``offset``, the position of its text in the article;
    offsets inside a part are relative to the part. A mention goes to the part that holds it, an event to the
    part that holds the start of its evidence (the evidence is clipped to the part). What a part cannot hold
    is reported in the part's ``notes`` (kind ``split``): a mention across a paragraph break, and event roles
    in another paragraph (an article-level source of an event, a return leg's origin named earlier).
    """
    bounds = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(doc.text):
        bounds.append((start, brk.start()))
        start = brk.end()
    if start < len(doc.text.rstrip()):
        bounds.append((start, len(doc.text.rstrip())))
    bounds = [(a, b) for a, b in bounds if b > a]
    if not bounds:
        return [doc]
    parts = []
    placed: set[MentionKey] = set()
    for a, b in bounds:
        mentions = [
            replace(m, start=m.start - a, end=m.end - a) for m in doc.mentions if a <= m.start and m.end <= b
        ]
        placed.update((m.start + a, m.end + a, m.label) for m in mentions)
        notes: list[ExportIssue] = []
        events = [
            _shift_event(doc.doc_id, e, a, b, notes) for e in doc.events if a <= _evidence_start(doc, e) < b
        ]
        parts.append(
            replace(
                doc, text=doc.text[a:b], mentions=mentions, events=events, offset=doc.offset + a, notes=notes
            )
        )
    parts[0].notes[:0] = list(doc.notes)
    for mention in doc.mentions:
        if mention.key not in placed:
            parts[0].notes.append(
                ExportIssue(
                    doc.doc_id,
                    "split",
                    f"{mention.label} {mention.text!r} crosses a paragraph break; not written",
                    doc.offset + mention.start,
                    doc.offset + mention.end,
                )  # fmt: skip
            )
    return parts


def _evidence_start(doc: AnnotatedDoc, event: EventAnnotation) -> int:
    """The first non-space character of the evidence (a leading newline must not move it a paragraph back)."""
    start, end = event.evidence
    text = doc.text[start:end]
    return start + (len(text) - len(text.lstrip())) if text.strip() else start


def _shift_event(
    doc_id: str, event: EventAnnotation, a: int, b: int, notes: list[ExportIssue]
) -> EventAnnotation:
    roles = []
    outside = []
    for role, (start, end, label) in event.roles:
        if a <= start and end <= b:
            roles.append((role, (start - a, end - a, label)))
        else:
            outside.append(f"{role} [{start},{end})")
    if outside:
        notes.append(
            ExportIssue(
                doc_id,
                "split",
                f"event {event.id}: {len(outside)} role(s) outside its paragraph not "
                f"written: {', '.join(outside)}",
                a,
                b,
            )  # fmt: skip
        )
    evidence = (max(event.evidence[0], a) - a, min(event.evidence[1], b) - a)
    return replace(event, roles=roles, evidence=evidence)
