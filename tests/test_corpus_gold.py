"""The corpus gold files agree with the article texts (``corpus/scripts/validate_gold.py``).

The validator is loaded from its file path, so this test needs nothing outside the repo. The table below feeds it
small hand-made corpora in a temp dir, one mistake each, to show that each check fires.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "corpus" / "scripts" / "validate_gold.py"


def _load_validator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("validate_gold", SCRIPT)
    assert spec is not None and spec.loader is not None, f"expected a loadable script at {SCRIPT}"
    module = importlib.util.module_from_spec(spec)
    # dataclasses look the defining module up in sys.modules while the file executes.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


validate_gold = _load_validator()

ARTICLE = "Jets land\n\nTwo C-17s landed at Rzeszow on March 3, Reuters reported.\n"


def _good_record() -> dict[str, Any]:
    def span(s: str) -> list[int]:
        start = ARTICLE.index(s)
        return [start, start + len(s)]

    timex = {"text": "March 3", "span": span("March 3"), "type": "DATE", "value": "2025-03-03"}
    sentence = "Two C-17s landed at Rzeszow on March 3, Reuters reported."
    return {
        "doc_id": "dev-900",
        "split": "dev",
        "path": "articles/dev/dev-900.txt",
        "published": "2025-03-04",
        "negative": False,
        "events": [
            {
                "action": "arrival",
                "aircraft": [
                    {"text": "C-17s", "span": span("C-17s"), "model": "C-17", "family": "C-17",
                     "icao_type": "C17", "quantity": 2}
                ],
                "operator": None,
                "origin": None,
                "destination": {"text": "Rzeszow", "span": span("Rzeszow"), "name": "Rzeszów-Jasionka Airport",
                                "kind": "airport", "country": "PL", "icao": "EPRZ", "iata": "RZE"},
                "via": [],
                "date": timex,
                "dates": [timex],
                "count": None,
                "modality": "asserted",
                "sources": ["Reuters"],
                "evidence": {"span": span(sentence), "text": sentence},
            }
        ],
        "sources": [{"text": "Reuters", "span": span("Reuters"), "name": "Reuters", "kind": "media"}],
        "attributions": [{"outlet": "Reuters", "cites": [], "span": span(sentence), "events": [0]}],
        "timexes": [timex],
    }


def _write_corpus(root: Path, records: list[dict[str, Any]], gold_name: str = "dev.x.jsonl") -> Path:
    (root / "articles" / "dev").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "articles" / "dev" / "dev-900.txt").write_text(ARTICLE, encoding="utf-8")
    meta = {"id": "dev-900", "published": "2025-03-04", "title": "Jets land", "outlet_style": "wire"}
    (root / "articles" / "dev" / "dev-900.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    lines = "".join(json.dumps(r) + "\n" for r in records)
    (root / "gold" / gold_name).write_text(lines, encoding="utf-8")
    return root


def _shift_text(r: dict[str, Any]) -> None:
    r["events"][0]["aircraft"][0]["text"] = "C-17"


def _bad_evidence(r: dict[str, Any]) -> None:
    r["events"][0]["evidence"]["span"][0] += 1


def _out_of_range(r: dict[str, Any]) -> None:
    r["attributions"][0]["span"] = [0, 10_000]


def _missing_key(r: dict[str, Any]) -> None:
    del r["timexes"]


def _missing_event_key(r: dict[str, Any]) -> None:
    del r["events"][0]["modality"]


def _wrong_split(r: dict[str, Any]) -> None:
    r["split"] = "test"


def _wrong_doc_id(r: dict[str, Any]) -> None:
    r["doc_id"] = "dev-901"


def _bad_action(r: dict[str, Any]) -> None:
    r["events"][0]["action"] = "landing"


def _negative_with_events(r: dict[str, Any]) -> None:
    r["negative"] = True


def _bad_attribution_index(r: dict[str, Any]) -> None:
    r["attributions"][0]["events"] = [3]


def _published_mismatch(r: dict[str, Any]) -> None:
    r["published"] = "2025-03-05"


@pytest.mark.parametrize(
    "mutate, expected_fragment",
    [
        (_shift_text, "text 'C-17' != article"),
        (_bad_evidence, "events[0].evidence: text"),
        (_out_of_range, "attributions[0].span: expected 0 <= start"),
        (_missing_key, "missing key 'timexes'"),
        (_missing_event_key, "events[0]: missing key 'modality'"),
        (_wrong_split, "split: gold file is for split 'dev'"),
        (_wrong_doc_id, "does not match file name"),
        (_bad_action, "events[0].action: expected one of"),
        (_negative_with_events, "negative is True"),
        (_bad_attribution_index, "attributions[0].events: index 3"),
        (_published_mismatch, "published: gold '2025-03-05' != meta '2025-03-04'"),
    ],
    ids=[
        "text-differs",
        "evidence-shifted",
        "span-out-of-range",
        "missing-record-key",
        "missing-event-key",
        "split-mismatch",
        "doc-id-not-file-name",
        "unknown-action",
        "negative-with-events",
        "attribution-index",
        "published-mismatch",
    ],
)
def test_validate_gold_reports_problem(tmp_path: Path, mutate: Any, expected_fragment: str) -> None:
    record = _good_record()
    mutate(record)
    report = validate_gold.validate(_write_corpus(tmp_path, [record]))
    assert not report.ok
    assert any(expected_fragment in p for p in report.problems), report.problems
    assert all(p.startswith(str(tmp_path / "gold" / "dev.x.jsonl") + ":1: ") for p in report.problems)


def test_validate_gold_accepts_good_record(tmp_path: Path) -> None:
    report = validate_gold.validate(_write_corpus(tmp_path, [_good_record()]))
    assert report.problems == []
    assert (report.records, report.events) == (1, 1)


def test_validate_gold_duplicate_doc_id(tmp_path: Path) -> None:
    report = validate_gold.validate(_write_corpus(tmp_path, [_good_record(), _good_record()]))
    assert any(":2: doc_id 'dev-900' already used at" in p for p in report.problems), report.problems


def test_validate_gold_main_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _good_record()
    _shift_text(bad)
    assert validate_gold.main([str(_write_corpus(tmp_path / "good", [_good_record()]))]) == 0
    assert validate_gold.main([str(_write_corpus(tmp_path / "bad", [bad]))]) == 1
    assert "text 'C-17' != article" in capsys.readouterr().out


def test_corpus_gold_spans_match_articles() -> None:
    """Every gold line in the repo's corpus passes the validator."""
    report = validate_gold.validate(REPO / "corpus")
    assert report.problems == [], "\n".join(report.problems)
