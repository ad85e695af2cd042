"""The quality gate: the pipeline's F1 on the held-out test split must not fall below the pinned floors.

The floors and the gold sha256 live in ``tests/quality_baseline.json`` (see ``extractor/quality_gate.py``).
Re-pin after an improvement with ``python -m extractor.quality_gate --update``; lowering a floor needs
``--allow-lower --reason "..."``. The test split is never used for tuning (``corpus/README.md``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.evaluate import evaluate
from extractor.quality_gate import (
    Baseline,
    BaselineError,
    figures_from_evaluation,
    gold_sha256,
    load_baseline,
)

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tests" / "quality_baseline.json"


def _pinned_fields() -> list[str]:
    """The pinned fields, read at collection time (none when there is no readable baseline yet)."""
    try:
        return list(load_baseline(BASELINE).floors) if BASELINE.exists() else []
    except BaselineError:
        return []  # the gate fixture reports the error


@pytest.fixture(scope="module")
def gate() -> tuple[Baseline, Path]:
    if not BASELINE.exists():
        pytest.skip(
            "tests/quality_baseline.json is missing: pin it with `python -m extractor.quality_gate --update` "
            "once the pipeline exists"
        )
    baseline = load_baseline(BASELINE)
    gold = ROOT / baseline.gold
    if not gold.exists():
        pytest.skip(f"gold file {baseline.gold} named by the baseline is missing")
    return baseline, gold


@pytest.fixture(scope="module")
def figures(gate: tuple[Baseline, Path]) -> dict[str, float | None]:
    _, gold = gate
    return figures_from_evaluation(evaluate(gold))


def test_quality_gate_gold_is_pinned(gate: tuple[Baseline, Path]) -> None:
    baseline, gold = gate
    digest = gold_sha256(gold)
    assert digest == baseline.gold_sha256, (
        f"{baseline.gold} changed (sha256 {digest}) but the baseline pins {baseline.gold_sha256}: "
        "re-run `python -m extractor.quality_gate --update` and commit the new baseline with the gold change"
    )


@pytest.mark.parametrize(
    "field",
    _pinned_fields() or [pytest.param(None, marks=pytest.mark.skip(reason="no pinned floors yet"))],
)
def test_quality_gate_f1_holds_floor(
    gate: tuple[Baseline, Path], figures: dict[str, float | None], field: str
) -> None:
    baseline, _ = gate
    floor = baseline.floors[field]
    value = figures.get(field)
    assert value is not None, (
        f"{field}: floor {floor:.2f} is pinned but the field has no figure on {baseline.gold}"
    )
    assert value >= floor, (
        f"{field}: F1 {value:.4f} on {baseline.gold} is below its floor {floor:.2f}; "
        "see `python -m extractor.evaluate --gold corpus/gold/test.jsonl -v` (report, do not tune on test)"
    )
