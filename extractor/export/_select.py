"""Export options (label and confidence filters) and the event relations every relation format writes.

Relations are anchored on the event's first aircraft mention: event records carry the evidence span (a whole
sentence) but not the trigger's span, and a sentence-long head span would overlap every role it points to. So
an event with aircraft A1, A2, origin O and date D gives ``A1 -aircraft-> A2``, ``A1 -origin-> O``, ``A1
-date-> D``. An event without an aircraft mention gets no relations (a ``no-anchor`` issue). Two events that
share an aircraft mention and a role mention give one relation, listed under both event ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ._documents import ENTITY_LABELS, AnnotatedDoc, MentionKey
from ._report import ExportIssue


@dataclass(frozen=True)
class ExportOptions:
    """``labels``: entity labels to keep (None keeps all); ``min_confidence``: events below it are left out;
    ``only_with_events``: documents with no event (after filtering) are left out; ``unannotated`` (spaCy
    only):
    what tokens outside every entity are, ``outside`` (O) or ``missing`` (unknown to the trainer)."""

    labels: frozenset[str] | None = None
    min_confidence: float = 0.0
    only_with_events: bool = False
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
                        event.evidence[0],
                        event.evidence[1],
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
