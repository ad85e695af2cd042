"""Batch runs: read inputs, extract, write one record per input article, in input order.

Every input article yields exactly one record, ``ok`` or ``error``; a summary goes to stderr at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .api import Extractor, error_record
from .errors import UsageError
from .io.readers import InputFailure, iter_inputs
from .io.writers import open_writer, record_lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for JSONL on stdin")
    parser.add_argument("-o", "--output", default="-", help="output JSONL file (default: stdout)")
    parser.add_argument("--published", help="publication date for articles that give none (YYYY-MM-DD)")
    parser.add_argument("--format", choices=["articles", "events"], default="articles",
                        help="articles: one record per article; events: one line per event")  # fmt: skip
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    parser.add_argument("--stats", help="write the run summary as JSON to this file")
    parser.add_argument("--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    try:
        _check_output(args)
        extractor = Extractor(default_published=args.published)
    except UsageError as exc:
        print(f"extractor: {exc.message}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001
        print(f"extractor: cannot start: {exc}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    stats = {"articles": 0, "ok": 0, "error": 0, "events": 0}
    try:
        with open_writer(args.output) as out:
            for index, item in enumerate(iter_inputs(args.inputs), 1):
                if isinstance(item, InputFailure):
                    record = error_record(item.error, doc_id=item.doc_id, path=item.path)
                else:
                    record = extractor.extract_record(item, index=index)
                stats["articles"] += 1
                stats[record.status] += 1
                stats["events"] += len(record.events)
                for line in record_lines(record, args.format):
                    out.write(line + "\n")
                out.flush()
    except OSError as exc:
        print(f"extractor: run failed: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    stats["elapsed_s"] = round(elapsed, 3)
    stats["articles_per_s"] = round(stats["articles"] / elapsed, 2) if elapsed else None
    if args.stats:
        Path(args.stats).write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    if not args.quiet:
        print(
            f"extractor: {stats['articles']} articles, {stats['ok']} ok, {stats['error']} error, "
            f"{stats['events']} events in {elapsed:.1f}s ({stats['articles_per_s']} articles/s)",
            file=sys.stderr,
        )
    return 0


def _check_output(args: argparse.Namespace) -> None:
    if args.output not in (None, "-") and Path(args.output).exists() and not args.force:
        raise UsageError(f"{args.output} exists; pass --force to overwrite it")
