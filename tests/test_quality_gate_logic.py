"""Tests of the quality-gate mechanism (``extractor.quality_gate``) on temporary files.

The gate itself, pinned on the real test split, is ``tests/test_quality_gate.py``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from extractor import quality_gate as qg


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.8, 0.8),
        (0.29, 0.29),
        (0.8999, 0.89),
        (0.555, 0.55),
        (1.0, 1.0),
        (0.0, 0.0),
        (0.4, 0.4),
        (2 / 3, 0.66),
    ],
    ids=["exact", "binary-float-0.29", "rounds-down", "half", "one", "zero", "0.4", "two-thirds"],
)
def test_quality_gate_floor_of(value: float, expected: float) -> None:
    assert qg.floor_of(value) == expected


def test_quality_gate_gold_sha256(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b'{"doc_id": "t1"}\n')
    assert qg.gold_sha256(gold) == hashlib.sha256(b'{"doc_id": "t1"}\n').hexdigest()


@pytest.mark.parametrize(
    ("figures", "floors", "failed"),
    [
        ({"events": 0.81, "date": 0.5}, {"events": 0.8}, []),
        ({"events": 0.8}, {"events": 0.8}, []),
        ({"events": 0.79}, {"events": 0.8}, ["events"]),
        ({"events": None}, {"events": 0.0}, ["events"]),
        ({}, {"events": 0.5, "date": 0.5}, ["events", "date"]),
    ],
    ids=["above", "equal", "below", "no-figure", "missing-fields"],
)
def test_quality_gate_check_floors(figures: dict, floors: dict, failed: list[str]) -> None:
    failures = qg.check_floors(figures, floors)
    assert [message.split(":")[0] for message in failures] == failed


def _baseline(tmp_path: Path, floors: dict[str, float], history: list | None = None) -> Path:
    path = tmp_path / "tests" / "quality_baseline.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"gold": "corpus/gold/test.jsonl", "gold_sha256": "0" * 64, "floors": floors}
    if history is not None:
        data["history"] = history
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_quality_gate_update_creates_baseline(tmp_path: Path) -> None:
    path = tmp_path / "tests" / "quality_baseline.json"
    baseline = qg.update_baseline(
        path,
        {"events": 0.8567, "date": 0.5, "count": None},
        gold="corpus/gold/test.jsonl",
        gold_digest="ab" * 32,
    )
    assert baseline.floors == {"events": 0.85, "date": 0.5}
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {
        "gold": "corpus/gold/test.jsonl",
        "gold_sha256": "ab" * 32,
        "metric": "micro_f1",
        "floors": {"events": 0.85, "date": 0.5},
    }
    assert qg.load_baseline(path).floors == baseline.floors


def test_quality_gate_update_raises_floors_and_repins_hash(tmp_path: Path) -> None:
    path = _baseline(tmp_path, {"events": 0.5})
    baseline = qg.update_baseline(
        path, {"events": 0.61, "aircraft": 0.9}, gold="g.jsonl", gold_digest="cd" * 32
    )
    assert baseline.floors == {"events": 0.61, "aircraft": 0.9}
    assert qg.load_baseline(path).gold_sha256 == "cd" * 32
    assert baseline.history == []


@pytest.mark.parametrize(
    ("figures", "lowered"),
    [
        ({"events": 0.49, "date": 0.9}, {"events": (0.5, 0.49)}),
        ({"date": 0.9}, {"events": (0.5, None)}),
        ({"events": None, "date": 0.9}, {"events": (0.5, None)}),
    ],
    ids=["lower-figure", "field-gone", "field-without-figure"],
)
def test_quality_gate_update_refuses_to_lower(tmp_path: Path, figures: dict, lowered: dict) -> None:
    path = _baseline(tmp_path, {"events": 0.5, "date": 0.9})
    before = path.read_text(encoding="utf-8")
    with pytest.raises(qg.FloorLoweringRefused) as info:
        qg.update_baseline(path, figures, gold="g.jsonl", gold_digest="ef" * 32)
    assert info.value.lowered == lowered
    assert "--allow-lower" in str(info.value)
    assert path.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("reason", [None, "", "   "], ids=["none", "empty", "blank"])
def test_quality_gate_update_allow_lower_needs_a_reason(tmp_path: Path, reason: str | None) -> None:
    path = _baseline(tmp_path, {"events": 0.5})
    with pytest.raises(ValueError, match="reason"):
        qg.update_baseline(
            path, {"events": 0.4}, gold="g.jsonl", gold_digest="ef" * 32, allow_lower=True, reason=reason
        )


def test_quality_gate_update_allowed_lowering_is_recorded(tmp_path: Path) -> None:
    path = _baseline(tmp_path, {"events": 0.5}, history=[{"reason": "earlier", "lowered": {}}])
    baseline = qg.update_baseline(
        path,
        {"events": 0.42},
        gold="g.jsonl",
        gold_digest="ef" * 32,
        allow_lower=True,
        reason="  new annotations  ",
    )
    assert baseline.floors == {"events": 0.42}
    history = qg.load_baseline(path).history
    assert history[0]["reason"] == "earlier"
    assert history[1] == {
        "reason": "new annotations",
        "lowered": {"events": [0.5, 0.42]},
        "gold_sha256": "ef" * 32,
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{oops", "invalid JSON"),
        ("[]", "expected a JSON object"),
        ('{"gold": "g", "floors": {}}', "gold_sha256"),
        ('{"gold": "g", "gold_sha256": "x", "floors": []}', "'floors' to be an object"),
        ('{"gold": "g", "gold_sha256": "x", "floors": {"evnts": 0.5}}', "unknown field 'evnts'"),
        ('{"gold": "g", "gold_sha256": "x", "floors": {"events": 1.5}}', "number in [0, 1]"),
        ('{"gold": "g", "gold_sha256": "x", "floors": {"events": true}}', "number in [0, 1]"),
        ('{"gold": "g", "gold_sha256": "x", "floors": {}, "metric": "macro_f1"}', "metric"),
    ],
    ids=[
        "bad-json",
        "not-object",
        "missing-key",
        "floors-list",
        "unknown-field",
        "out-of-range",
        "bool",
        "metric",
    ],
)
def test_quality_gate_load_baseline_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "quality_baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(qg.BaselineError, match=message.replace("[", r"\[").replace("]", r"\]")) as info:
        qg.load_baseline(path)
    assert str(path) in str(info.value)


# -------------------------------------------------------------------------------------------------------- CLI


def _event(destination: str, date: str | None) -> dict:
    timex = {"text": "d", "span": [0, 1], "type": "DATE", "value": date} if date else None
    return {
        "id": "e0",
        "action": "flight",
        "aircraft": [
            {"text": "C-17", "span": [0, 4], "model": "C-17A", "family": "C-17", "icao_type": "C17"}
        ],
        "origin": None,
        "destination": {"text": destination, "span": [5, 9], "name": destination},
        "via": [],
        "date": timex,
        "dates": [timex] if timex else [],
        "count": None,
        "modality": "asserted",
        "sources": [],
        "evidence": {"span": [0, 9], "text": "evidence"},
    }


def _repo(tmp_path: Path, pred_dates: list[str | None]) -> tuple[Path, Path, Path]:
    """A tiny repository: tests/ for the baseline, corpus/gold/test.jsonl, and a predictions file."""
    gold_rows = [
        {"doc_id": f"t{i}", "events": [_event("Rzeszow", "2025-01-0" + str(i))], "timexes": []}
        for i in (1, 2)
    ]
    pred_rows = [
        {"doc_id": f"t{i}", "events": [_event("Rzeszow", date)]}
        for i, date in zip((1, 2), pred_dates, strict=True)
    ]
    gold = tmp_path / "corpus" / "gold" / "test.jsonl"
    gold.parent.mkdir(parents=True)
    gold.write_text("".join(json.dumps(row) + "\n" for row in gold_rows), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(row) + "\n" for row in pred_rows), encoding="utf-8")
    (tmp_path / "tests").mkdir()
    return tmp_path / "tests" / "quality_baseline.json", gold, pred


def test_quality_gate_main_update_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline, gold, pred = _repo(tmp_path, ["2025-01-01", "2025-01-02"])
    assert qg.main(["--baseline", str(baseline), "--gold", str(gold), "--pred", str(pred), "--update"]) == 0
    pinned = qg.load_baseline(baseline)
    assert pinned.gold == "corpus/gold/test.jsonl"
    assert pinned.gold_sha256 == qg.gold_sha256(gold)
    assert pinned.floors["events"] == 1.0
    # check mode reads the gold path from the baseline
    assert qg.main(["--baseline", str(baseline), "--pred", str(pred)]) == 0
    assert "quality gate passed" in capsys.readouterr().out


def test_quality_gate_main_fails_below_floor_and_refuses_lowering(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline, gold, pred = _repo(tmp_path, ["2025-01-01", "2025-01-02"])
    assert qg.main(["--baseline", str(baseline), "--pred", str(pred), "--update"]) == 0
    worse = tmp_path / "worse.jsonl"
    _, _, worse_src = _repo(tmp_path / "w", ["2025-01-01", "2025-01-09"])
    worse.write_bytes(worse_src.read_bytes())
    capsys.readouterr()
    assert qg.main(["--baseline", str(baseline), "--pred", str(worse)]) == 1
    assert "FAIL events: F1 0.5000 is below its floor 1.00" in capsys.readouterr().out
    assert qg.main(["--baseline", str(baseline), "--pred", str(worse), "--update"]) == 1
    assert "refusing to lower" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        qg.main(["--baseline", str(baseline), "--pred", str(worse), "--update", "--allow-lower"])
    assert info.value.code == 2
    args = [
        "--baseline",
        str(baseline),
        "--pred",
        str(worse),
        "--update",
        "--allow-lower",
        "--reason",
        "test",
    ]
    assert qg.main(args) == 0
    assert qg.load_baseline(baseline).floors["events"] == 0.5


def test_quality_gate_main_fails_when_gold_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline, gold, pred = _repo(tmp_path, ["2025-01-01", "2025-01-02"])
    assert qg.main(["--baseline", str(baseline), "--pred", str(pred), "--update"]) == 0
    gold.write_text(gold.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    capsys.readouterr()
    assert qg.main(["--baseline", str(baseline), "--pred", str(pred)]) == 1
    assert "corpus/gold/test.jsonl changed" in capsys.readouterr().out
