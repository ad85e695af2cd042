"""TimeML reader (extractor.timeml) and TempEval-3 metrics (extractor.evaluate_timex).

The three files under tests/data/timeml/ were written for these tests (own sentences, hand-placed TIMEX3
tags).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from extractor.evaluate_timex import (
    add_arguments,
    align,
    evaluate_documents,
    evaluate_paths,
    format_report,
    run,
)
from extractor.timeml import GoldTimex, TimeMLError, iter_tml_paths, parse_timeml, read_timeml

DATA = Path(__file__).parent / "data" / "timeml"


# ---- reader ----------------------------------------------------------------------------------------------


def test_timeml_reads_dct_text_and_offsets() -> None:
    document = read_timeml(DATA / "airlift_hmeimim.tml")
    assert document.doc_id == "airlift_hmeimim"
    assert document.dct == "2025-10-30"
    assert document.text.startswith("\nAn Ilyushin Il-76 landed at Hmeimim on October 26")
    assert "Benghazi & Tobruk" in document.text
    assert [(t.tid, t.text, t.type, t.value) for t in document.timexes] == [
        ("t1", "October 26", "DATE", "2025-10-26"),
        ("t2", "six-month", "DURATION", "P6M"),
        ("t3", "two days later", "DATE", "2025-10-28"),
        ("t4", "Wednesday", "DATE", "2025-10-29"),
        ("t5", "twice a week", "SET", "P1W"),
    ]
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text
    assert document.timexes[4].attributes["freq"] == "2X"


def test_timeml_cuts_datetime_dct_and_keeps_empty_timexes() -> None:
    document = read_timeml(DATA / "exercise_notice.tml")
    assert document.dct == "2025-03-14"
    empty = [t for t in document.timexes if t.text == ""]
    assert [(t.tid, t.start == t.end) for t in empty] == [("t5", True)]


def test_timeml_unescapes_entities() -> None:
    document = read_timeml(DATA / "no_timex.tml")
    assert "<west of Crimea>" in document.text
    assert document.timexes == []


@pytest.mark.parametrize(
    ("content", "message"),
    [("<TimeML><TEXT>open", "well-formed"), ("<TimeML><DOCID>x</DOCID></TimeML>", "<TEXT>")],
    ids=["broken-xml", "no-text"],
)
def test_timeml_errors_say_what_was_expected(content: str, message: str) -> None:
    with pytest.raises(TimeMLError, match=message):
        parse_timeml(content, doc_id="bad")


def test_timeml_dct_from_creation_time_outside_dct_element() -> None:
    content = (
        '<TimeML><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">'
        "x</TIMEX3>"
        "<TEXT>Nothing happened.</TEXT></TimeML>"
    )
    assert parse_timeml(content).dct == "2013-03-22"


def test_timeml_iter_paths_expands_folders(tmp_path: Path) -> None:
    assert [p.name for p in iter_tml_paths([str(DATA)])] == [
        "airlift_hmeimim.tml",
        "exercise_notice.tml",
        "no_timex.tml",
    ]
    with pytest.raises(FileNotFoundError, match="expected a .tml file"):
        iter_tml_paths([str(tmp_path / "missing")])


# ---- alignment and metrics -------------------------------------------------------------------------------


def _gold(start: int, end: int, value: str = "v", type_: str = "DATE") -> GoldTimex:
    return GoldTimex(tid="t", start=start, end=end, text="x" * (end - start), type=type_, value=value)


def test_timeml_align_prefers_exact_then_largest_overlap() -> None:
    gold = [_gold(0, 10), _gold(12, 20)]
    predicted = [{"start": 5, "end": 15}, {"start": 0, "end": 10}, {"start": 14, "end": 22}]
    assert align(gold, predicted) == [(0, 1), (1, 2)]


def _stub_tagger(text: str, dct: str | None) -> list[dict]:
    """Known answers for exercise_notice.tml: one exact + right value, one overlapping + right value, one
    exact +
    wrong value, one spurious, one gold missed."""

    def item(span: str, type_: str, value: str) -> dict:
        start = text.index(span)
        return {"start": start, "end": start + len(span), "text": span, "type": type_, "value": value}

    if "Air-defence" not in text:
        return []
    return [
        item("March 17", "DATE", "2025-03-17"),
        item("following week", "DATE", "2025-W13"),
        item("three days", "DURATION", "P4D"),
        item("1,200", "DATE", "1200"),
    ]


def test_timeml_metrics_on_known_counts() -> None:
    figures = evaluate_documents(
        [read_timeml(DATA / "exercise_notice.tml")], tagger=_stub_tagger, verbose=True
    )
    assert (figures["gold"], figures["predicted"]) == (4, 4)
    assert figures["strict"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "correct": 2}
    assert figures["relaxed"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75, "correct": 3}
    assert figures["value"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "correct": 2}
    assert figures["type_accuracy"] == 1.0
    assert figures["value_accuracy"] == pytest.approx(0.6667, abs=1e-4)
    assert figures["te3_value_f1"] == 0.5
    kinds = sorted(error["kind"] for error in figures["errors"])
    assert kinds == ["missed", "span", "spurious", "value"]


def test_timeml_real_tagger_on_the_fixture_files() -> None:
    figures = evaluate_paths([str(DATA)], verbose=True)
    assert figures["documents"] == 3
    assert figures["failures"] == []
    assert figures["gold"] == 9
    assert figures["relaxed"]["correct"] == 9
    assert figures["strict"]["correct"] == 9
    assert figures["value"]["correct"] == 9
    # the only extra expression is "now", which the fixture marks as a SIGNAL, not a TIMEX3
    assert [(e["kind"], e["text"]) for e in figures["errors"]] == [("spurious", "now")]


def test_timeml_report_and_cli_hooks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out = tmp_path / "figures.json"
    args = parser.parse_args([str(DATA), "--json", str(out), "-v"])
    assert run(args) == 0
    printed = capsys.readouterr().out
    assert "relaxed span" in printed and "value" in printed and "spurious" in printed
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["documents"] == 3
    report = format_report(saved)
    assert report.splitlines()[0] == "TIMEX3 evaluation: 3 documents, 9 gold, 10 predicted"


def test_timeml_cli_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args([str(tmp_path / "nothing")])) == 2
    assert "expected a .tml file" in capsys.readouterr().out
