"""The quality gate: F1 floors pinned on the held-out test split, together with a hash of its gold file.

The baseline (``tests/quality_baseline.json``) reads::

    {"gold": "corpus/gold/test.jsonl", "gold_sha256": "<hex>", "metric": "micro_f1",
     "floors": {"events": 0.41, "aircraft": 0.8, ...},
     "history": [{"reason": "...", "lowered": {"events": [0.45, 0.41]}, "gold_sha256": "<hex>"}]}

``gold`` is relative to the repository root, the directory above the baseline's ``tests/`` folder. A floor
is the micro F1 of a field (see :mod:`extractor.evaluate`) rounded down to two decimals.
``tests/test_quality_gate.py`` fails when the gold file's hash differs from the pinned one (the gold changed
without re-pinning) or when a pinned field's F1 falls below its floor.

``python -m extractor.quality_gate`` checks the current figures against the baseline;
``python -m extractor.quality_gate --update`` rewrites the baseline from the current figures and refuses to
lower any floor (or drop a pinned field) unless given ``--allow-lower --reason "..."``; the reason is kept in
the baseline's ``history``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

from extractor.evaluate import FIELDS, Evaluation, evaluate, format_table

__all__ = [
    "DEFAULT_BASELINE",
    "DEFAULT_GOLD",
    "METRIC",
    "Baseline",
    "BaselineError",
    "FloorLoweringRefused",
    "gold_sha256",
    "load_baseline",
    "repo_root",
    "floor_of",
    "figures_from_evaluation",
    "check_floors",
    "update_baseline",
    "main",
]

#: The repository root as seen from this file (``extractor/..``).
_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BASELINE = _ROOT / "tests" / "quality_baseline.json"
DEFAULT_GOLD = "corpus/gold/test.jsonl"
METRIC = "micro_f1"


class BaselineError(ValueError):
    """The baseline file is unreadable or not in the expected shape (the message names the file)."""


class FloorLoweringRefused(Exception):
    """An update would lower floors (or drop pinned fields) without ``allow_lower`` and a reason."""

    def __init__(self, lowered: Mapping[str, tuple[float, float | None]]) -> None:
        self.lowered = dict(lowered)
        details = ", ".join(
            f"{name} {old:.2f} -> {'none' if new is None else f'{new:.2f}'}"
            for name, (old, new) in lowered.items()
        )
        super().__init__(
            f"refusing to lower floor(s): {details}; pass --allow-lower --reason '...' if this is intended"
        )


@dataclass
class Baseline:
    """The pinned gate: gold path (relative to the repository root), its sha256, and F1 floors per field."""

    gold: str
    gold_sha256: str
    floors: dict[str, float]
    metric: str = METRIC
    history: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "gold": self.gold,
            "gold_sha256": self.gold_sha256,
            "metric": self.metric,
            "floors": self.floors,
        }
        if self.history:
            data["history"] = self.history
        return data


def gold_sha256(path: str | Path) -> str:
    """The hex sha256 of a gold file's bytes."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def repo_root(baseline_path: str | Path) -> Path:
    """The directory the baseline's ``gold`` path is relative to: the parent of the baseline's folder."""
    return Path(baseline_path).resolve().parent.parent


def load_baseline(path: str | Path) -> Baseline:
    """Read and check a baseline file; raises :class:`BaselineError` saying what was expected and found."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: expected a JSON object, found invalid JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise BaselineError(f"{path}: expected a JSON object, found {type(data).__name__}")
    missing = [key for key in ("gold", "gold_sha256", "floors") if key not in data]
    if missing:
        raise BaselineError(f"{path}: missing required key(s) {missing}")
    if not isinstance(data["gold"], str) or not isinstance(data["gold_sha256"], str):
        raise BaselineError(f"{path}: expected 'gold' and 'gold_sha256' to be strings")
    floors = data["floors"]
    if not isinstance(floors, dict):
        raise BaselineError(f"{path}: expected 'floors' to be an object, found {type(floors).__name__}")
    checked: dict[str, float] = {}
    for name, value in floors.items():
        if name not in FIELDS:
            raise BaselineError(f"{path}: unknown field {name!r} in floors; expected one of {list(FIELDS)}")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
            raise BaselineError(f"{path}: floor of {name!r} must be a number in [0, 1], found {value!r}")
        checked[name] = float(value)
    metric = data.get("metric", METRIC)
    if metric != METRIC:
        raise BaselineError(f"{path}: expected metric {METRIC!r}, found {metric!r}")
    history = data.get("history", [])
    if not isinstance(history, list):
        raise BaselineError(f"{path}: expected 'history' to be a list, found {type(history).__name__}")
    return Baseline(data["gold"], data["gold_sha256"], checked, metric, history)


def floor_of(value: float) -> float:
    """``value`` rounded down to two decimals (0.8999 -> 0.89, 0.29 -> 0.29 despite binary floating point)."""
    exact = Decimal(repr(round(value, 9)))
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_FLOOR))


def figures_from_evaluation(evaluation: Evaluation) -> dict[str, float | None]:
    """The gated figure of every field: its micro F1 (None when the field had no gold and no prediction)."""
    return {name: evaluation.f1(name) for name in FIELDS}


def check_floors(figures: Mapping[str, float | None], floors: Mapping[str, float]) -> list[str]:
    """One message per pinned field whose figure is missing or below its floor; empty when the gate passes."""
    failures: list[str] = []
    for name, floor in floors.items():
        value = figures.get(name)
        if value is None:
            failures.append(
                f"{name}: floor {floor:.2f}, but the field has no figure (no gold and no predictions)"
            )
        elif value < floor:
            failures.append(f"{name}: F1 {value:.4f} is below its floor {floor:.2f}")
    return failures


def update_baseline(
    path: str | Path,
    figures: Mapping[str, float | None],
    *,
    gold: str,
    gold_digest: str,
    allow_lower: bool = False,
    reason: str | None = None,
) -> Baseline:
    """Rewrite the baseline at ``path`` with floors from ``figures`` and return it.

    Every field with a figure is pinned at ``floor_of(F1)``. If an existing floor would drop (or a pinned
    field no longer has a figure), raises :class:`FloorLoweringRefused` unless ``allow_lower`` is set and
    ``reason`` is non-empty; an allowed lowering is recorded in ``history``. The gold hash is re-pinned.
    """
    path = Path(path)
    if allow_lower and not (reason and reason.strip()):
        raise ValueError("--allow-lower needs a --reason saying why the floors may drop")
    previous = load_baseline(path) if path.exists() else None
    floors = {
        name: floor_of(value) for name, value in figures.items() if name in FIELDS and value is not None
    }
    floors = {name: floors[name] for name in FIELDS if name in floors}
    lowered: dict[str, tuple[float, float | None]] = {}
    if previous is not None:
        for name, old in previous.floors.items():
            new = floors.get(name)
            if new is None or new < old:
                lowered[name] = (old, new)
    if lowered and not allow_lower:
        raise FloorLoweringRefused(lowered)
    history = list(previous.history) if previous is not None else []
    if lowered:
        history.append(
            {
                "reason": (reason or "").strip(),
                "lowered": {name: [old, new] for name, (old, new) in lowered.items()},
                "gold_sha256": gold_digest,
            }
        )
    baseline = Baseline(gold=gold, gold_sha256=gold_digest, floors=floors, history=history)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(baseline.to_dict(), indent=2) + "\n", encoding="utf-8")
    return baseline


# --------------------------------------------------------------------------------------------- CLI


def _gold_for(args: argparse.Namespace) -> tuple[Path, str]:
    """The gold file to evaluate and how the baseline names it (relative to the repository root if inside)."""
    root = repo_root(args.baseline)
    if args.gold is not None:
        gold_path = Path(args.gold).resolve()
    elif Path(args.baseline).exists():
        gold_path = root / load_baseline(args.baseline).gold
    else:
        gold_path = root / DEFAULT_GOLD
    try:
        name = gold_path.relative_to(root).as_posix()
    except ValueError:
        name = str(gold_path)
    return gold_path, name


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extractor.quality_gate",
        description="Check the pinned F1 floors on the test split, or re-pin them with --update.",
    )
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE, help="baseline JSON file")
    parser.add_argument(
        "--gold", type=Path, default=None, help=f"gold file (default: the baseline's, or {DEFAULT_GOLD})"
    )
    parser.add_argument(
        "--pred", type=Path, default=None, help="score this predictions file instead of the pipeline"
    )
    parser.add_argument("--update", action="store_true", help="rewrite the baseline from the current figures")
    parser.add_argument("--allow-lower", action="store_true", help="with --update: allow floors to drop")
    parser.add_argument(
        "--reason", default=None, help="with --allow-lower: why (kept in the baseline's history)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Check (exit 1 on a failed gate) or ``--update`` the baseline (exit 1 when a lowering is refused)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.allow_lower and not args.update:
        parser.error("--allow-lower only makes sense with --update")
    if args.allow_lower and not (args.reason and args.reason.strip()):
        parser.error("--allow-lower needs --reason '...' saying why the floors may drop")
    try:
        gold_path, gold_name = _gold_for(args)
        if not gold_path.exists():
            print(f"quality gate: gold file not found: expected {gold_path}", file=sys.stderr)
            return 2
        evaluation = evaluate(gold_path, args.pred)
        figures = figures_from_evaluation(evaluation)
        digest = gold_sha256(gold_path)
        print(format_table(evaluation))
        if args.update:
            baseline = update_baseline(
                args.baseline,
                figures,
                gold=gold_name,
                gold_digest=digest,
                allow_lower=args.allow_lower,
                reason=args.reason,
            )
            print(
                f"\npinned {len(baseline.floors)} floor(s) in {args.baseline} (gold sha256 {digest[:12]}...)"
            )
            return 0
        baseline = load_baseline(args.baseline)
    except FloorLoweringRefused as exc:
        print(f"quality gate: {exc}", file=sys.stderr)
        return 1
    except (BaselineError, FileNotFoundError, ValueError) as exc:
        print(f"quality gate: {exc}", file=sys.stderr)
        return 2
    failures = []
    if baseline.gold_sha256 != digest:
        failures.append(
            f"{gold_name} changed (sha256 {digest[:12]}..., pinned {baseline.gold_sha256[:12]}...): "
            "re-pin with --update"
        )
    failures += check_floors(figures, baseline.floors)
    print()
    for message in failures:
        print(f"FAIL {message}")
    if not failures:
        print(f"quality gate passed: {len(baseline.floors)} floor(s) held")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
