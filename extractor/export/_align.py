"""Character spans -> token spans of the blank English tokenizer, with every misfit reported.

The exported token formats (spaCy, Prodigy, CoNLL) use the tokenization of ``spacy.blank("en")``, the
tokenizer the pipeline itself runs on (``extractor.pipeline.build_pipeline``), so a model trained on the
export sees the tokens it will see at inference. A span is aligned strictly first; when its offsets cut a
token ("the official" inside "officials") it is widened to the tokens it touches (``alignment_mode="expand"``)
and an ``alignment`` issue is recorded. Leading or trailing whitespace tokens are trimmed, also with an issue.
A span that covers no token is reported as ``unaligned`` and left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ._documents import AnnotatedDoc, Mention
from ._report import ExportIssue


def blank_pipeline(*, sentences: bool = False) -> Language:
    """The pipeline's own tokenizer (blank English), with its sentencizer when ``sentences`` is true."""
    from ..pipeline import PIPE_NAMES, build_pipeline

    keep = ("sentencizer",) if sentences else ()
    return build_pipeline(exclude=tuple(name for name in PIPE_NAMES if name not in keep))


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize ``text``; apply the sentencizer when ``nlp`` has one. No other component runs."""
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def align(doc: Doc, doc_id: str, start: int, end: int, label: str, issues: list[ExportIssue],
          offset: int = 0) -> Span | None:  # fmt: skip
    """The token span for ``[start, end)`` labelled ``label``; appends an issue to ``issues`` if not exact.

    ``offset`` is where ``doc`` starts in the article: issues give article offsets.
    """
    text = doc.text[start:end]
    span = doc.char_span(start, end, label=label, alignment_mode="strict")
    how = None
    if span is None:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        how = "widened to token boundaries"
    if span is not None:
        first, last = span.start, span.end
        while first < last and doc[first].is_space:
            first += 1
        while last > first and doc[last - 1].is_space:
            last -= 1
        if (first, last) != (span.start, span.end):
            how = f"{how + ', ' if how else ''}whitespace tokens trimmed"
            span = Span(doc, first, last, label=label) if first < last else None
    if span is None:
        message = f"{label} {text!r} covers no token"
        issues.append(ExportIssue(doc_id, "unaligned", message, offset + start, offset + end))
        return None
    if how:
        widened = f"[{offset + span.start_char},{offset + span.end_char}) {span.text!r}"
        issues.append(
            ExportIssue(
                doc_id, "alignment", f"{label} {text!r} {how}: {widened}", offset + start, offset + end
            )
        )
    return span


def align_mentions(
    doc: Doc, annotated: AnnotatedDoc, mentions: Iterable[Mention], issues: list[ExportIssue]
) -> dict[tuple[int, int, str], Span]:
    """Mention key -> aligned span, for every mention that aligns (the others are reported in ``issues``)."""
    spans = {}
    for mention in mentions:
        span = align(
            doc, annotated.doc_id, mention.start, mention.end, mention.label, issues, annotated.offset
        )
        if span is not None:
            spans[mention.key] = span
    return spans


def longest_first(
    spans: Iterable[Span], rank: Callable[[Span], Any] | None = None
) -> tuple[list[Span], list[Span]]:
    """Split spans into a non-overlapping set and the rest: longest first, then earliest, then lowest ``rank``
    (default: the label), as ``spacy.util.filter_spans`` does, but the spans that lose are returned, so they
    can be reported."""
    kept: list[Span] = []
    rest: list[Span] = []
    taken: set[int] = set()
    order = rank or (lambda s: s.label_)
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, order(s))):
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
        else:
            rest.append(span)
    kept.sort(key=lambda s: (s.start, s.end))
    rest.sort(key=lambda s: (s.start, s.end))
    return kept, rest


def covering(span: Span, kept: Iterable[Span]) -> Span | None:
    """The kept span that overlaps ``span`` (for the overlap message)."""
    for other in kept:
        if other.start < span.end and span.start < other.end:
            return other
    return None
