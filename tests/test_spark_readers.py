"""extractor.spark, without Spark: the Spark engine reads the bytes Spark hands it exactly as the local
readers read the files (same items, same failures, same messages), and spells paths as the local engine does.

Each case writes a file, reads it with ``iter_inputs`` (the local engine) and with the Spark engine's adapters
(``_file_items`` for a whole file, ``_line_item`` for each JSONL line) and compares the two.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import pytest

from extractor.io.readers import InputFailure, _Limits, iter_inputs
from extractor.spark import (
    _check_args,
    _file_items,
    _glob,
    _hadoop_path,
    _InputName,
    _line_item,
    _spelled,
    add_arguments,
)

TEXT = "Two Il-76MD transports of the Russian Aerospace Forces landed at Hmeimim on Tuesday."


def comparable(entries: list) -> list:
    """Items as dicts; failures as (doc_id, path, error type, message)."""
    return [
        (e.doc_id, e.path, type(e.error).__name__, str(e.error)) if isinstance(e, InputFailure) else e
        for e in entries
    ]


def local(path: Path, max_chars: int | None = None) -> list:
    return comparable(list(iter_inputs([str(path)], max_chars=max_chars)))


def spark_whole(path: Path, sidecar: Path | None = None, max_chars: int | None = None) -> list:
    name = _InputName(str(path))
    name.sidecar = sidecar.read_bytes() if sidecar is not None and sidecar.exists() else None
    return comparable(list(_file_items(path.read_bytes(), name, _Limits.from_max_chars(max_chars))))


def spark_lines(path: Path, max_chars: int | None = None) -> list:
    """As Spark's text source with lineSep "\\n" cuts the file: no line after a final newline."""
    content = path.read_bytes()
    lines = content.split(b"\n")
    if content.endswith(b"\n"):
        lines.pop()
    limits = _Limits.from_max_chars(max_chars)
    entries = [_line_item(raw, n, str(path), limits) for n, raw in enumerate(lines, 1)]
    return comparable([e for e in entries if e is not None])


WHOLE_FILES = [
    ("a.txt", TEXT, None),
    ("2025-10-30-note.md", TEXT, None),
    ("with-meta.txt", TEXT, {"id": "M-1", "title": "Meta title", "date_publish": "2025-10-29 08:00:00"}),
    ("bad-meta.txt", TEXT, "{not json"),
    ("list-meta.txt", TEXT, "[1, 2]"),
    ("one.json", json.dumps({"text": TEXT, "published": "2025-10-30"}), None),
    ("list.json", json.dumps([{"text": TEXT}, {"id": "own", "text": TEXT}, 5]), None),
    ("empty-list.json", "[]", None),
    ("bad.json", '{"text": ', None),
    ("empty.txt", "", None),
    ("blank.txt", " \n\t\n", None),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 20, None),
    ("latin1.txt", "Flights to Z\u00fcrich resumed.".encode("cp1252"), None),
    ("utf16.txt", TEXT.encode("utf-16"), None),
    ("broken-utf8.txt", "Zürich ".encode() + b"\xff\xfe more", None),
    ("z.txt.gz", gzip.compress(TEXT.encode()), None),
    ("not-gzip.txt.gz", b"plain bytes, not gzip", None),
    ("lines.jsonl.gz", gzip.compress(f'{{"text": "{TEXT}"}}\nnot json\n\n[1]\n'.encode()), None),
    ("unknown.suffix", TEXT, None),
]


@pytest.mark.parametrize("name, content, sidecar", WHOLE_FILES, ids=[case[0] for case in WHOLE_FILES])
def test_spark_file_items_equal_local_readers(tmp_path, name, content, sidecar):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    meta = None
    if sidecar is not None:
        meta = tmp_path / (name.split(".")[0] + ".meta.json")
        meta.write_text(sidecar if isinstance(sidecar, str) else json.dumps(sidecar), encoding="utf-8")
    assert spark_whole(path, meta) == local(path)


def test_spark_file_items_truncate_like_local_readers(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(TEXT * 50, encoding="utf-8")
    assert spark_whole(path, max_chars=200) == local(path, max_chars=200)
    assert "warnings" in spark_whole(path, max_chars=200)[0]


JSONL_FILES = [
    ("good", [{"text": TEXT}, {"id": "own-7", "text": TEXT, "published": "2025-10-30"}]),
    ("bad lines", ["not json", "[1, 2]", '"a string"', {"title": "no text"}, {"text": ""}]),
    ("blank lines", ["", "   ", {"text": TEXT}, ""]),
    ("bom", ["\ufeff" + json.dumps({"text": TEXT})]),
    ("crlf", [json.dumps({"text": TEXT}) + "\r"]),
    ("lone surrogate", ['{"text": "Hmeimim \\ud800 airlift"}']),
    ("aliases", [{"maintext": TEXT, "date_publish": "2025-10-30 10:00:00", "doc_id": "cc-1"}]),
]


@pytest.mark.parametrize("label, lines", JSONL_FILES, ids=[case[0] for case in JSONL_FILES])
def test_spark_line_items_equal_local_readers(tmp_path, label, lines):
    path = tmp_path / "feed.jsonl"
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    path.write_bytes(text.encode("utf-8"))
    assert spark_lines(path) == local(path)


def test_spark_line_items_invalid_utf8_line_equals_local_reader(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        json.dumps({"text": TEXT}).encode() + b"\n" + b'{"text": "Z\xfcrich"}\n' + b'{"text": "ok"}\n'
    )
    assert spark_lines(path) == local(path)
    assert spark_lines(path)[1][2:] == (
        "InputError",
        f"[E002] {path}: invalid UTF-8 on line 2 (byte 0xFC at column 12)",
    )


def test_spark_line_items_too_large_line_equals_local_reader(tmp_path):
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": TEXT * 20_000})  # about 1.7 MB, over the 1 MiB floor of the line limit
    path.write_text(f'{{"text": "{TEXT}"}}\n{big}\n', encoding="utf-8")
    assert spark_lines(path, max_chars=1000) == local(path, max_chars=1000)
    assert spark_lines(path, max_chars=1000)[1][2] == "ArticleTooLarge"


SPELLINGS = [
    ("file in a folder", "file:/work/main/corpus/articles/dev/dev-000.txt",
     [("file:/work/main/corpus/articles", "corpus/articles", True)], "corpus/articles/dev/dev-000.txt"),
    ("the input itself", "file:/tmp/a.jsonl", [("file:/tmp/a.jsonl", "/tmp/a.jsonl", False)], "/tmp/a.jsonl"),
    ("deepest folder wins", "file:/d/x/y.txt", [("file:/d", "d", True), ("file:/d/x", "./x", True)],
     "x/y.txt"),
    ("space in a name", "file:/tmp/sp t/a b.txt", [("file:/tmp/sp t", "sp t", True)], "sp t/a b.txt"),
    ("a sibling with the same prefix", "file:/data2/a.txt", [("file:/data", "data", True)],
     "file:/data2/a.txt"),
    ("no root: as reported", "s3a://bucket/news/a.txt", [], "s3a://bucket/news/a.txt"),
]  # fmt: skip


@pytest.mark.parametrize("label, reported, roots, expected", SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_spark_spelled_paths(label, reported, roots, expected):
    assert _spelled(reported, tuple(roots)) == expected


@pytest.mark.parametrize(
    "uri, expected",
    [
        ("file:///tmp/sp%20t/a%2520b.txt", "file:/tmp/sp t/a%20b.txt"),
        ("hdfs://nn:8020/news/a.txt", "hdfs://nn:8020/news/a.txt"),
    ],
    ids=["local, encoded", "hdfs"],
)
def test_spark_input_files_spelling(uri, expected):
    assert _hadoop_path(uri) == expected


def test_spark_glob_is_case_insensitive():
    assert _glob({".jsonl", ".gz"}) == "*.{[gG][zZ],[jJ][sS][oO][nN][lL]}"


def parse(argv: list[str]) -> argparse.Namespace:
    from extractor.cli import parse_args

    return parse_args(["extract", *argv])


USAGE_ERRORS = [
    ("stdout", ["a.txt", "--engine", "spark"], "-o OUTDIR"),
    ("resume", ["a.txt", "--engine", "spark", "-o", "out", "--resume"], "--resume is for the local engine"),
    ("parquet without spark", ["a.txt", "--output-format", "parquet", "-o", "out"], "needs --engine spark"),
    (
        "bad conf",
        ["a.txt", "--engine", "spark", "-o", "out", "--spark-conf", "novalue"],
        "expected KEY=VALUE",
    ),
    ("stdin", ["-", "--engine", "spark", "-o", "out"], "'-' (stdin) needs the local engine"),
]


@pytest.mark.parametrize("label, argv, message", USAGE_ERRORS, ids=[u[0] for u in USAGE_ERRORS])
def test_spark_usage_errors(label, argv, message, tmp_path, monkeypatch):
    from extractor.errors import UsageError

    monkeypatch.chdir(tmp_path)  # "-o out" must not exist: the README's run command writes ./out
    with pytest.raises(UsageError, match=re.escape(message)):
        _check_args(parse(argv))


def test_spark_existing_output_needs_force(tmp_path, capsys):
    from extractor.cli import main

    (tmp_path / "out").mkdir()
    assert main(["extract", "a.txt", "--engine", "spark", "-o", str(tmp_path / "out")]) == 2
    assert "exists; pass --force" in capsys.readouterr().err


def test_spark_engine_options_are_on_the_extract_command():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(
        ["--engine", "spark", "--partitions", "8", "--spark-conf", "a=b", "--spark-conf", "c=d"]
    )
    assert (args.engine, args.output_format, args.partitions, args.spark_conf) == (
        "spark",
        "jsonl",
        8,
        ["a=b", "c=d"],
    )
    assert parse(["a.txt"]).engine == "local"


# --- the worker function, called in this process (pandas, no Spark) -------------------------------------


class StubExtractor:
    """Stands in for the pipeline: an ``ok`` record per article, or a long wait for text starting "slow"."""

    def extract_record(self, item: dict, *, index: int | None = None):
        import time

        import models

        if item["text"].startswith("slow"):
            time.sleep(5)
        return models.ArticleRecord(doc_id=str(item["id"]), published=models.Published(value="2025-10-30"))


@pytest.fixture
def stub_pipeline(monkeypatch):
    from extractor import spark
    from extractor.api import DEFAULT_MAX_CHARS

    monkeypatch.setitem(spark._WORKER_EXTRACTORS, (None, DEFAULT_MAX_CHARS), StubExtractor())


def test_spark_worker_rows_and_time_limit(stub_pipeline):
    pd = pytest.importorskip("pandas", reason="the Spark engine's workers need the spark extra")
    from extractor.spark import OUTPUT_COLUMNS, SparkOptions, _extract_raw

    raw = pd.DataFrame(
        {
            "kind": ["line", "line", "line", "missing"],
            "path": ["file:/data/news/feed.jsonl"] * 3 + ["gone.txt"],
            "line": pd.array([1, 2, 3, None], dtype="Int64"),
            "content": [b'{"text": "fast"}', b'{"text": "slow one"}', b"{broken", None],
            "sidecar": [None] * 4,
        }
    )
    options = SparkOptions(timeout_s=0.5, roots=(("file:/data/news", "news", True),))
    (frame,) = list(_extract_raw(iter([raw]), options, None))
    assert tuple(frame.columns) == OUTPUT_COLUMNS
    rows = {row["doc_id"]: row for row in frame.to_dict("records")}
    assert set(rows) == {"feed:1", "feed:2", "feed:3", "gone.txt"}
    assert (rows["feed:1"]["status"], rows["feed:1"]["published"], rows["feed:1"]["input_path"]) == (
        "ok", "2025-10-30", "news/feed.jsonl")  # fmt: skip
    assert (rows["feed:2"]["status"], rows["feed:2"]["error_type"]) == ("error", "ArticleTimeout")
    assert (rows["feed:3"]["error_type"], rows["feed:3"]["input_line"]) == ("InputError", 3)
    assert json.loads(rows["gone.txt"]["record"])["error"]["message"] == "gone.txt: no such file or folder"
    assert all(json.loads(row["record"])["doc_id"] == doc_id for doc_id, row in rows.items())
