"""Build the spaCy corpora for ``training/ner.cfg`` from the gold files (and, optionally, silver data).

Writes ``<out>/train.spacy`` and ``<out>/dev.spacy`` from the dev gold (every ``--dev-every``-th article, in
``doc_id`` order, goes to dev: spaCy picks the best model on it, so it must not be the test split), and
``<out>/test.spacy`` from the test gold when that file exists (for ``spacy evaluate`` only, never for tuning).
``--silver PATH`` adds the pipeline's annotations of more articles to train (not to dev or test); an article
whose doc_id is in the test gold is refused. Documents are split into paragraphs unless ``--split none``.

Prints one line per output file, and every alignment problem (doc id and offsets). Exit status 0, or 2 for bad
usage.

    python training/make_corpus.py                      # corpus/gold/dev.jsonl -> training/corpus/
    python training/make_corpus.py --silver more_articles/ --out training/corpus-silver
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractor.export import (
    AnnotatedDoc,
    ExportOptions,
    ExportReport,
    documents_from_gold,
    documents_from_inputs,
    export_documents,
)

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--gold", default=str(ROOT / "corpus/gold/dev.jsonl"), help="gold file for train + dev"
    )
    parser.add_argument(
        "--test-gold", default=str(ROOT / "corpus/gold/test.jsonl"), help="gold file for test"
    )
    parser.add_argument(
        "--silver", nargs="*", default=[], metavar="PATH", help="articles to annotate for train"
    )
    parser.add_argument("--out", default=str(ROOT / "training/corpus"), help="output folder")
    parser.add_argument("--dev-every", type=int, default=5, help="every n-th gold article goes to dev")
    parser.add_argument("--split", choices=["none", "paragraph"], default="paragraph")
    return parser.parse_args(argv)


def _gold(path: str, report: ExportReport) -> list[AnnotatedDoc]:
    docs = []
    for item in documents_from_gold(path):
        if isinstance(item, AnnotatedDoc):
            docs.append(item)
        else:
            report.add(item)
    return sorted(docs, key=lambda d: d.doc_id)


def _test_ids(path: str) -> set[str]:
    if not Path(path).is_file():
        return set()
    with open(path, encoding="utf-8") as handle:
        return {str(json.loads(line)["doc_id"]) for line in handle if line.strip()}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.dev_every < 2:
        print(f"make_corpus: --dev-every: expected 2 or more, found {args.dev_every}", file=sys.stderr)
        return 2
    out = Path(args.out)
    options = ExportOptions(split=args.split)
    read = ExportReport(format="spacy")
    gold = _gold(args.gold, read)
    train = [d for n, d in enumerate(gold, 1) if n % args.dev_every]
    dev = [d for n, d in enumerate(gold, 1) if not n % args.dev_every]
    if args.silver:
        held_out = _test_ids(args.test_gold)
        for item in documents_from_inputs(args.silver):
            if isinstance(item, AnnotatedDoc) and item.doc_id in held_out:
                print(
                    f"make_corpus: {item.doc_id} is a test-split article; not training on it", file=sys.stderr
                )
                return 2
            if isinstance(item, AnnotatedDoc):
                train.append(item)
            else:
                read.add(item)
    parts = {"train": train, "dev": dev}
    if Path(args.test_gold).is_file():
        parts["test"] = _gold(args.test_gold, read)
    for issue in read.issues:
        print(f"make_corpus: {issue}", file=sys.stderr)
    for name, docs in parts.items():
        report = export_documents(docs, "spacy", out / f"{name}.spacy", options)
        for issue in report.alignment_issues:
            print(f"make_corpus: warning: {issue}", file=sys.stderr)
        print(f"{out / (name + '.spacy')}: {report.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
