"""What an export did: counts and every problem met on the way (nothing is dropped without an entry here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

#: issue kinds, and what each means for the output
ISSUE_KINDS = {
    "input": "the document could not be read or joined to its text; it is not in the output",
    "text-mismatch": "the annotations' span texts differ from the article; the document is not in the output",
    "alignment": "a span does not start and end on token boundaries; it was widened to the tokens it touches",
    "unaligned": "a span covers no token even when widened; it is not in the output",
    "overlap": "an entity overlaps a longer one; kept where the format allows nesting (see the message)",
    "split": "a mention across a paragraph break or an event role outside the event's paragraph; not written",
    "unresolved": "a gold event names a source with no mention in the article; that relation is not written",
    "no-anchor": "an event has no aircraft mention to anchor its relations; its relations are not written",
}


@dataclass(frozen=True)
class ExportIssue:
    """One problem with one document: ``doc_id``, a kind from :data:`ISSUE_KINDS`, a readable message and, for
    span problems, the original ``[start, end)`` offsets."""

    doc_id: str
    kind: str
    message: str
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        where = f" [{self.start},{self.end})" if self.start is not None else ""
        return f"{self.doc_id}{where}: {self.kind}: {self.message}"


@dataclass
class ExportReport:
    """Counts of what was written and the issues met, in the order they were met."""

    format: str
    output: str | None = None
    documents: int = 0
    entities: int = 0
    events: int = 0
    relations: int = 0
    skipped: int = 0
    issues: list[ExportIssue] = field(default_factory=list)

    def add(self, issue: ExportIssue) -> None:
        self.issues.append(issue)

    def of_kind(self, *kinds: str) -> list[ExportIssue]:
        return [issue for issue in self.issues if issue.kind in kinds]

    @property
    def alignment_issues(self) -> list[ExportIssue]:
        """Spans that did not align to tokens (widened, or not written)."""
        return self.of_kind("alignment", "unaligned")

    def summary(self) -> str:
        kinds = Counter(issue.kind for issue in self.issues)
        issues = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "no issues"
        return (
            f"{self.documents} documents, {self.entities} entities, {self.events} events, "
            f"{self.relations} relations written; {self.skipped} skipped; {issues}"
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["issues"] = [asdict(issue) for issue in self.issues]
        return data
