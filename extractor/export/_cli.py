"""``extractor export``: arguments and run. The work lives in the library modules of this package.

    extractor export INPUT... --format spacy|prodigy|doccano|conll -o OUT [--articles PATH...]
    extractor export --gold corpus/gold/dev.jsonl --format spacy -o dev.spacy

INPUT is articles (run through the pipeline) or ``ArticleRecord`` JSONL written by ``extractor extract`` (then
``--articles`` gives the texts, joined on doc_id). ``--gold`` adds the documents of a gold file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from ..errors import UsageError
from ._documents import ENTITY_LABELS, documents_from_gold, documents_from_inputs
from ._report import ExportReport
from ._select import SPLITS, ExportOptions
from .formats import FORMATS, export_documents

#: alignment problems listed one per line on stderr; past this many, a count
MAX_LISTED = 50


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="articles (.txt/.json/.jsonl, folders, - for stdin) or ArticleRecord JSONL",
    )
    parser.add_argument(
        "--gold",
        action="append",
        default=[],
        metavar="FILE",
        help="a gold file (corpus/gold/*.jsonl); articles are read from the corpus folder",
    )
    parser.add_argument(
        "--articles",
        action="append",
        default=[],
        metavar="PATH",
        help="the article texts of ArticleRecord inputs (records hold no text), joined on doc_id",
    )
    parser.add_argument("--format", choices=FORMATS, required=True, help="output format")
    parser.add_argument("-o", "--output", required=True, help="output file (- for stdout, not for spacy)")
    parser.add_argument("--labels", help=f"comma-separated entity labels to keep ({','.join(ENTITY_LABELS)})")
    parser.add_argument(
        "--min-confidence", type=float, default=0.0, help="leave out events below this confidence"
    )
    parser.add_argument("--only-with-events", action="store_true", help="leave out documents without events")
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="none",
        help="one output document per article (none) or per paragraph (shorter training examples)",
    )
    parser.add_argument(
        "--unannotated",
        choices=["outside", "missing"],
        default="outside",
        help="spacy: tokens outside every entity are O (outside) or unknown (missing)",
    )
    parser.add_argument("--published", help="publication date for articles that give none (YYYY-MM-DD)")
    parser.add_argument(
        "--report", metavar="FILE", help="write the counts and every issue as JSON to this file"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    parser.add_argument("--quiet", action="store_true", help="no summary or warnings on stderr")


def options_from_args(args: argparse.Namespace) -> ExportOptions:
    """Raises :class:`UsageError` for bad option values."""
    labels = None
    if args.labels:
        labels = frozenset(label.strip().upper() for label in args.labels.split(",") if label.strip())
    try:
        return ExportOptions(
            labels=labels,
            min_confidence=args.min_confidence,
            only_with_events=args.only_with_events,
            split=args.split,
            unannotated=args.unannotated,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def _check(args: argparse.Namespace) -> None:
    if not args.inputs and not args.gold:
        raise UsageError("nothing to export: expected INPUT paths, --gold FILE, or both")
    if args.format == "spacy" and args.output == "-":
        raise UsageError("--format spacy writes a binary DocBin: expected -o FILE.spacy, found -")
    if args.output != "-" and Path(args.output).exists() and not args.force:
        raise UsageError(f"{args.output} exists; pass --force to overwrite it")
    for gold in args.gold:
        if not Path(gold).is_file():
            raise UsageError(f"--gold: expected a gold JSONL file, found no file at {gold}")


def _documents(args: argparse.Namespace):
    for gold in args.gold:
        yield from documents_from_gold(gold)
    if args.inputs:
        yield from documents_from_inputs(args.inputs, articles=args.articles, published=args.published)


def warn(report: ExportReport, *, stream: TextIO | None = None) -> None:
    """Every alignment problem (doc id and offsets), then the other issues, then the summary (to stderr)."""
    stream = stream or sys.stderr
    listed = report.alignment_issues
    for issue in listed[:MAX_LISTED]:
        print(f"extractor export: warning: {issue}", file=stream)
    if len(listed) > MAX_LISTED:
        print(
            f"extractor export: warning: {len(listed) - MAX_LISTED} more alignment issues (see --report)",
            file=stream,
        )
    for issue in report.issues:
        if issue.kind in ("input", "text-mismatch", "unresolved", "no-anchor"):
            print(f"extractor export: {issue}", file=stream)
    print(f"extractor export: {report.summary()}", file=stream)


def run(args: argparse.Namespace) -> int:
    try:
        _check(args)
        options = options_from_args(args)
        report = export_documents(_documents(args), args.format, args.output, options)
    except UsageError as exc:
        print(f"extractor export: {exc.message}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"extractor export: run failed: {exc}", file=sys.stderr)
        return 1
    if args.report:
        Path(args.report).write_text(json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8")
    if not args.quiet:
        warn(report)
    return 0
