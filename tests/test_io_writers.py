"""extractor.io.writers: whole-line output and the recovery of a killed run's output before --resume."""

from __future__ import annotations

import json

import pytest

import models
from extractor.errors import UsageError
from extractor.io.writers import JsonlOutput, record_lines, recover_output


def record_line(doc_id: str) -> str:
    return models.ArticleRecord(doc_id=doc_id).model_dump_json()


def test_writers_append_and_truncate(tmp_path):
    path = tmp_path / "sub" / "out.jsonl"
    with JsonlOutput(str(path)) as out:
        out.write(["a", "b"])
        out.write([])
    with JsonlOutput(str(path), append=True) as out:
        out.write(["c"])
    assert path.read_text() == "a\nb\nc\n"
    with JsonlOutput(str(path)) as out:
        out.write(["d"])
    assert path.read_text() == "d\n"


def test_writers_events_format_has_one_line_per_event():
    record = models.ArticleRecord(doc_id="x", events=[])
    assert record_lines(record, "events") == []
    assert json.loads(record_lines(record, "articles")[0])["doc_id"] == "x"


RECOVER = [
    ("", {}, 0),
    ("{a}\n{b}\n", {"a": 1, "b": 1}, 0),
    ("{a}\n{b}\n{a}\n", {"a": 2, "b": 1}, 0),
    ('{a}\n{"schema_version":"1.0","doc_', {"a": 1}, len('{"schema_version":"1.0","doc_')),
    ('{"schema_ver', {}, len('{"schema_ver')),
]


RECOVER_IDS = ["empty", "two", "duplicate-ids", "partial", "only-partial"]


@pytest.mark.parametrize("content, expected, dropped", RECOVER, ids=RECOVER_IDS)
def test_writers_recover_output(tmp_path, content, expected, dropped):
    path = tmp_path / "out.jsonl"
    text = content.replace("{a}", record_line("a")).replace("{b}", record_line("b"))
    path.write_text(text, encoding="utf-8")
    done, dropped_bytes = recover_output(path)
    assert dict(done) == expected
    assert dropped_bytes == dropped
    assert path.read_text().endswith("\n") or path.read_text() == ""


def test_writers_recover_drops_a_long_partial_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(record_line("a") + "\n" + "x" * 200_000, encoding="utf-8")
    done, dropped = recover_output(path)
    assert dict(done) == {"a": 1} and dropped == 200_000


@pytest.mark.parametrize(
    "content", ["not json\n", '{"doc_id": "a"}\n', '{"doc_id": "x", "aircraft": []}\n'],
    ids=["not-json", "no-status", "events-format"],
)  # fmt: skip
def test_writers_recover_refuses_a_file_that_is_not_an_articles_output(tmp_path, content):
    path = tmp_path / "out.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError):
        recover_output(path)
