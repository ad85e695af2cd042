"""Command line: a thin layer over the library.

    extractor extract INPUT... [-o OUT] [--published DATE] [--format articles|events] [--force]
    extractor schema
    extractor evaluate --gold FILE [--pred FILE] [--json FILE] [-v]
    extractor evaluate-timex PATH... [--json FILE] [-v]
    extractor export INPUT... [--gold FILE] [--articles PATH] --format spacy|prodigy|doccano|conll -o OUT

Exit codes: 0 the run completed (even when some articles are error records), 2 bad usage, 1 the run itself failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = build_parser()
    return parser.parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description="Aircraft-movement events from news articles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="read articles, write one JSONL record per article")
    from .batch import add_arguments as add_extract_arguments

    add_extract_arguments(extract)

    sub.add_parser("schema", help="print the JSON Schema of an output record")

    evaluate = sub.add_parser("evaluate", help="precision/recall/F1 per field against a gold file")
    from .evaluate import add_arguments as add_evaluate_arguments

    add_evaluate_arguments(evaluate)

    timex = sub.add_parser("evaluate-timex", help="TempEval-3 metrics of the time tagger on TimeML files")
    from .evaluate_timex import add_arguments as add_timex_arguments

    add_timex_arguments(timex)

    export = sub.add_parser("export", help="gold or extracted annotations as spaCy, Prodigy, doccano or CoNLL data")
    from .export import add_arguments as add_export_arguments

    add_export_arguments(export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    if args.command == "schema":
        import models

        print(json.dumps(models.json_schema(), indent=2))
        return 0
    if args.command == "extract":
        from .batch import run

        return run(args)
    if args.command == "evaluate":
        from .evaluate import run as run_evaluate

        return run_evaluate(args)
    if args.command == "evaluate-timex":
        from .evaluate_timex import run as run_timex

        return run_timex(args)
    if args.command == "export":
        from .export import run as run_export

        return run_export(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
