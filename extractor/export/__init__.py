"""Training data: gold and pipeline annotations as spaCy ``DocBin``, Prodigy, doccano or CoNLL files.

    from extractor.export import documents_from_gold, export_documents
    report = export_documents(documents_from_gold("corpus/gold/dev.jsonl"), "spacy", "dev.spacy")
    for issue in report.alignment_issues: print(issue)

Gold lines, ``ArticleRecord`` lines and articles (run through the pipeline) all become :class:`AnnotatedDoc`,
so gold and silver data share one format. The layout of each format is in :mod:`extractor.export.formats`; the
command line is ``extractor export`` (:mod:`extractor.export._cli`).
"""

from __future__ import annotations

from ._cli import add_arguments, run
from ._documents import (
    ENTITY_LABELS,
    ROLES,
    AnnotatedDoc,
    EventAnnotation,
    Mention,
    documents_from_gold,
    documents_from_inputs,
    from_gold,
    from_record,
)
from ._report import ISSUE_KINDS, ExportIssue, ExportReport
from ._select import SPLITS, ExportOptions, Relation, relations, select, split, split_paragraphs
from .formats import FORMATS, USER_DATA_KEY, export_documents, to_conll, to_doccano, to_prodigy, to_spacy

__all__ = [
    "ENTITY_LABELS",
    "FORMATS",
    "ISSUE_KINDS",
    "ROLES",
    "SPLITS",
    "USER_DATA_KEY",
    "AnnotatedDoc",
    "EventAnnotation",
    "ExportIssue",
    "ExportOptions",
    "ExportReport",
    "Mention",
    "Relation",
    "add_arguments",
    "documents_from_gold",
    "documents_from_inputs",
    "export_documents",
    "from_gold",
    "from_record",
    "relations",
    "run",
    "select",
    "split",
    "split_paragraphs",
    "to_conll",
    "to_doccano",
    "to_prodigy",
    "to_spacy",
]
