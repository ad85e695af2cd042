"""TempEval-3 style evaluation of the temporal tagger on TimeML (``.tml``) files.

For each file the plain text of ``<TEXT>`` is tagged with the file's creation date (DCT) and the predicted
expressions are aligned one-to-one with the gold TIMEX3 tags (greedy: exact spans first, then largest
overlap).

Figures (micro-averaged over all files):

- strict span P/R/F1: predicted and gold offsets identical;
- relaxed span P/R/F1: the spans overlap;
- type accuracy: share of relaxed matches whose TIMEX3 type is equal;
- value P/R/F1: relaxed matches with an equal value; P = correct values / predicted, R = correct / gold;
- ``te3_value_f1``: the official TempEval-3 scorer's figure, value accuracy x relaxed F1 (nearly the same).

Mounted by the main CLI as ``extractor evaluate-timex PATH... [--json FILE] [-v]``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .timeml import GoldTimex, TimeMLDocument, TimeMLError, iter_tml_paths, read_timeml

__all__ = ["evaluate_paths", "evaluate_documents", "format_report", "add_arguments", "run", "align"]

Tagger = Callable[[str, "str | None"], list[dict[str, Any]]]
_CONTEXT = 60


@dataclass
class _Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "correct": correct,
    }


def align(gold: list[GoldTimex], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one alignment of gold and predicted spans that overlap: exact spans first, then the pairs with
    the largest overlap. Returns (gold index, predicted index) pairs."""
    pairs: list[tuple[int, int, int, int]] = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            overlap = min(g.end, p["end"]) - max(g.start, p["start"])
            if overlap > 0:
                exact = int(g.start == p["start"] and g.end == p["end"])
                pairs.append((exact, overlap, g_index, p_index))
    pairs.sort(key=lambda item: (-item[0], -item[1], item[2], item[3]))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, _, g_index, p_index in pairs:
        if g_index in used_gold or p_index in used_predicted:
            continue
        used_gold.add(g_index)
        used_predicted.add(p_index)
        matched.append((g_index, p_index))
    return sorted(matched)


def _snippet(text: str, start: int, end: int) -> str:
    left = text[max(0, start - _CONTEXT) : start].replace("\n", " ")
    right = text[end : end + _CONTEXT].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def _evaluate_document(
    document: TimeMLDocument,
    predicted: list[dict[str, Any]],
    counts: _Counts,
    errors: list[dict[str, Any]] | None,
) -> dict[str, Any]:
    gold = [timex for timex in document.timexes if timex.text.strip()]
    pairs = align(gold, predicted)
    strict = sum(
        1 for g, p in pairs if gold[g].start == predicted[p]["start"] and gold[g].end == predicted[p]["end"]
    )
    type_correct = sum(1 for g, p in pairs if gold[g].type == predicted[p]["type"])
    value_correct = sum(1 for g, p in pairs if gold[g].value == predicted[p]["value"])
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    counts.strict += strict
    counts.relaxed += len(pairs)
    counts.type_correct += type_correct
    counts.value_correct += value_correct
    if errors is not None:
        matched_gold = {g for g, _ in pairs}
        matched_predicted = {p for _, p in pairs}
        for g_index, timex in enumerate(gold):
            if g_index not in matched_gold:
                errors.append(
                    {
                        "kind": "missed",
                        "doc": document.doc_id,
                        "dct": document.dct,
                        "gold_text": timex.text,
                        "gold_type": timex.type,
                        "gold_value": timex.value,
                        "context": _snippet(document.text, timex.start, timex.end),
                    }
                )
        for p_index, item in enumerate(predicted):
            if p_index not in matched_predicted:
                errors.append(
                    {
                        "kind": "spurious",
                        "doc": document.doc_id,
                        "dct": document.dct,
                        "text": item["text"],
                        "type": item["type"],
                        "value": item["value"],
                        "rule": item.get("rule"),
                        "context": _snippet(document.text, item["start"], item["end"]),
                    }
                )
        for g_index, p_index in pairs:
            g, p = gold[g_index], predicted[p_index]
            problems = []
            if g.value != p["value"]:
                problems.append("value")
            if g.type != p["type"]:
                problems.append("type")
            if (g.start, g.end) != (p["start"], p["end"]):
                problems.append("span")
            if problems:
                errors.append(
                    {
                        "kind": "+".join(problems),
                        "doc": document.doc_id,
                        "dct": document.dct,
                        "gold_text": g.text,
                        "gold_type": g.type,
                        "gold_value": g.value,
                        "text": p["text"],
                        "type": p["type"],
                        "value": p["value"],
                        "rule": p.get("rule"),
                        "context": _snippet(document.text, g.start, g.end),
                    }
                )
    return {
        "doc_id": document.doc_id,
        "gold": len(gold),
        "predicted": len(predicted),
        "strict": strict,
        "relaxed": len(pairs),
        "value_correct": value_correct,
    }


def _default_tagger() -> Tagger:
    from .temporal import tag

    return tag


def evaluate_documents(
    documents: Iterable[TimeMLDocument], *, tagger: Tagger | None = None, verbose: bool = False
) -> dict[str, Any]:
    """Tag each document's text with its DCT and return the TempEval-3 figures (see the module docstring).
    With ``verbose``, ``figures["errors"]`` lists every missed, spurious or mis-valued expression."""
    tag = tagger or _default_tagger()
    counts = _Counts()
    errors: list[dict[str, Any]] | None = [] if verbose else None
    per_document = []
    for document in documents:
        predicted = sorted(tag(document.text, document.dct), key=lambda item: (item["start"], item["end"]))
        per_document.append(_evaluate_document(document, predicted, counts, errors))
    return _figures(counts, per_document, errors)


def _figures(
    counts: _Counts, per_document: list[dict[str, Any]], errors: list[dict[str, Any]] | None
) -> dict:
    relaxed = _prf(counts.relaxed, counts.predicted, counts.gold)
    value_accuracy = counts.value_correct / counts.relaxed if counts.relaxed else 0.0
    figures: dict[str, Any] = {
        "documents": len(per_document),
        "gold": counts.gold,
        "predicted": counts.predicted,
        "strict": _prf(counts.strict, counts.predicted, counts.gold),
        "relaxed": relaxed,
        "type_accuracy": round(counts.type_correct / counts.relaxed, 4) if counts.relaxed else 0.0,
        "type_correct": counts.type_correct,
        "value": _prf(counts.value_correct, counts.predicted, counts.gold),
        "value_accuracy": round(value_accuracy, 4),
        "te3_value_f1": round(value_accuracy * float(relaxed["f1"]), 4),
        "per_document": per_document,
    }
    if errors is not None:
        figures["errors"] = errors
    return figures


def evaluate_paths(
    paths: list[str], *, verbose: bool = False, tagger: Tagger | None = None
) -> dict[str, Any]:
    """Evaluate the tagger on ``.tml`` files and folders (searched recursively). Files that cannot be read are
    listed under ``figures["failures"]`` and skipped; the others are scored."""
    documents: list[TimeMLDocument] = []
    failures: list[dict[str, str]] = []
    for path in iter_tml_paths(paths):
        try:
            documents.append(read_timeml(path))
        except (TimeMLError, OSError, UnicodeDecodeError) as error:
            failures.append({"path": str(path), "error": str(error)})
    figures = evaluate_documents(documents, tagger=tagger, verbose=verbose)
    figures["failures"] = failures
    return figures


def format_report(figures: dict[str, Any]) -> str:
    """Render the figures as a small plain-text table (errors, when present, follow it)."""
    lines = [
        f"TIMEX3 evaluation: {figures['documents']} documents, {figures['gold']} gold, "
        f"{figures['predicted']} predicted",
        "",
        f"{'':<16}{'P':>8}{'R':>8}{'F1':>8}{'count':>8}",
    ]
    for label, key in (("strict span", "strict"), ("relaxed span", "relaxed"), ("value", "value")):
        row = figures[key]
        lines.append(
            f"{label:<16}{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}{row['correct']:>8d}"
        )
    lines.append("")
    lines.append(
        f"type accuracy   {figures['type_accuracy']:.3f}  ({figures['type_correct']} of "
        f"{figures['relaxed']['correct']} relaxed matches)"
    )
    lines.append(
        f"value accuracy  {figures['value_accuracy']:.3f}  (TE3 value F1 = accuracy x relaxed F1: "
        f"{figures['te3_value_f1']:.3f})"
    )
    for failure in figures.get("failures", []):
        lines.append(f"skipped {failure['path']}: {failure['error']}")
    errors = figures.get("errors")
    if errors:
        lines.append("")
        lines.append(f"{len(errors)} errors:")
        for error in errors:
            if error["kind"] == "missed":
                lines.append(
                    f"  missed   {error['doc']} ({error['dct']}) {error['gold_text']!r} {error['gold_type']} "
                    f"{error['gold_value']} | {error['context']}"
                )
            elif error["kind"] == "spurious":
                lines.append(
                    f"  spurious {error['doc']} ({error['dct']}) {error['text']!r} {error['type']} "
                    f"{error['value']} [{error['rule']}] | {error['context']}"
                )
            else:
                lines.append(
                    f"  {error['kind']:<8} {error['doc']} ({error['dct']}) gold {error['gold_text']!r} "
                    f"{error['gold_type']} {error['gold_value']} / got {error['text']!r} {error['type']} "
                    f"{error['value']} [{error['rule']}] | {error['context']}"
                )
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``extractor evaluate-timex``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".tml files or folders of them")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list every missed, spurious or wrong expression"
    )


def run(args: argparse.Namespace) -> int:
    """Run the evaluation for parsed ``args``; print the report. Returns 0, or 2 when no file could be
    scored."""
    try:
        figures = evaluate_paths(args.paths, verbose=args.verbose)
    except FileNotFoundError as error:
        print(f"error: {error}")
        return 2
    print(format_report(figures))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if figures["documents"] else 2


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point: ``python -m extractor.evaluate_timex PATH...``."""
    parser = argparse.ArgumentParser(prog="evaluate-timex", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
