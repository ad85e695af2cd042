"""extractor.spark on a ``local[2]`` Spark session: the Spark engine writes the local engine's records.

The corpus (``corpus/articles``) plus a folder of bad inputs (invalid JSON lines, an empty file, binary
content, invalid UTF-8, a missing path...) go through ``extractor extract`` twice, once per engine; the two
outputs hold the same JSON lines. Needs the spark extra and Java 17; skipped (with the reason) without them.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="the Spark engine needs the spark extra: pip install -e '.[spark]'")
pytest.importorskip("pandas", reason="the Spark engine needs the spark extra: pip install -e '.[spark]'")
pytest.importorskip("pyarrow", reason="the Spark engine needs the spark extra: pip install -e '.[spark]'")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("the Spark engine needs Java 17 (java on PATH or JAVA_HOME)", allow_module_level=True)

from extractor.cli import main  # noqa: E402
from extractor.spark import (  # noqa: E402
    OUTPUT_COLUMNS,
    SparkOptions,
    _worker_extractor,
    extract_articles,
    extract_inputs,
    read_inputs,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"
TEXT = (
    "Two Il-76MD transports of the Russian Aerospace Forces landed at Hmeimim on Tuesday, a tracker showed."
)
# both engines without a time limit: on a busy machine an article must not time out in one engine only
NO_LIMIT = ["--timeout-per-article", "0"]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # the workers run this interpreter, not whatever "python3" is on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("extractor-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> Path:
    """A folder of inputs the local engine turns into error records (and a few good ones among them)."""
    folder = tmp_path_factory.mktemp("bad inputs")  # a space: paths must be spelled as the local engine does
    lines = [
        json.dumps({"id": "good-1", "text": TEXT, "published": "2025-10-30"}),
        "not json at all",
        "",
        "[1, 2, 3]",
        json.dumps({"title": "no text field"}),
        json.dumps({"text": ""}),
        json.dumps({"text": TEXT, "published": "2025-13-45"}),
        json.dumps({"text": TEXT}),
    ]
    feed = "\n".join(lines).encode() + b'\n{"text": "Z\xfcrich"}\n'  # invalid UTF-8 on line 9
    (folder / "feed.jsonl").write_bytes(feed)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (folder / "2025-01-02-note.txt").write_text(
        "An RAF A400M flew from Brize Norton to Akrotiri.", encoding="utf-8"
    )
    (folder / "2025-01-02-note.meta.json").write_text(
        json.dumps({"title": "Meta", "published": "2025-02-03"})
    )
    (folder / "list.json").write_text(json.dumps([{"text": TEXT}, "not an article"]), encoding="utf-8")
    (folder / "broken.json").write_text('{"text": ', encoding="utf-8")
    (folder / "z.txt.gz").write_bytes(gzip.compress(b"A C-130J landed at Ramstein on Monday."))
    (folder / "more.jsonl.gz").write_bytes(gzip.compress(f'{{"text": "{TEXT}"}}\n{{bad\n'.encode()))
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.md").write_text("A KC-135 left Mildenhall for Souda Bay.", encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,input\n", encoding="utf-8")
    return folder


def local_lines(inputs: list[str], output: Path, *extra: str) -> list[str]:
    assert main(["extract", *inputs, "-o", str(output), "--workers", "1", "--quiet", *NO_LIMIT, *extra]) == 0
    return output.read_text(encoding="utf-8").splitlines()


def spark_lines(inputs: list[str], output: Path, *extra: str) -> list[str]:
    argv = ["extract", "--engine", "spark", *inputs, "-o", str(output), "--quiet", *NO_LIMIT, *extra]
    assert main(argv) == 0
    return [
        line
        for part in sorted(output.glob("part-*"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]


def test_spark_engine_writes_the_local_engine_records(spark, bad_inputs, tmp_path):
    inputs = [str(CORPUS), str(bad_inputs), str(tmp_path / "missing.txt")]
    expected = local_lines(inputs, tmp_path / "local.jsonl")
    stats = tmp_path / "stats.json"
    found = spark_lines(inputs, tmp_path / "spark", "--stats", str(stats))
    assert sorted(found) == sorted(expected)
    errors = {json.loads(line)["doc_id"] for line in found if json.loads(line)["status"] == "error"}
    assert {"feed:2", "feed:4", "feed:5", "feed:6", "feed:7", "feed:9", "empty", "binary", "list-2", "broken",
            "more:2", str(tmp_path / "missing.txt")} <= errors  # fmt: skip
    summary = json.loads(stats.read_text())
    assert (summary["articles"], summary["error"], summary["engine"]) == (len(found), len(errors), "spark")


def test_spark_engine_parquet_events(spark, bad_inputs, tmp_path):
    inputs = [str(CORPUS / "dev" / "dev-000.txt"), str(CORPUS / "dev" / "dev-001.txt"), str(bad_inputs)]
    expected = local_lines(inputs, tmp_path / "local.jsonl", "--format", "events")
    argv = ["extract", "--engine", "spark", *inputs, "-o", str(tmp_path / "out"), "--quiet",
            "--format", "events", "--output-format", "parquet", *NO_LIMIT]  # fmt: skip
    assert main(argv) == 0
    frame = spark.read.parquet(str(tmp_path / "out"))
    assert tuple(frame.columns) == OUTPUT_COLUMNS
    rows = frame.collect()
    assert sorted(row["record"] for row in rows) == sorted(expected)
    for row in rows:
        event = json.loads(row["record"])
        assert (row["doc_id"], row["published"], row["status"]) == (event["doc_id"], event["published"], "ok")
        assert row["n_events"] >= 1


def test_spark_jsonl_lines_numbered_across_file_splits(spark, tmp_path):
    """A JSONL file read by several tasks: doc_ids and messages still carry the line number in the file."""
    lines = []
    for n in range(1, 61):
        if n % 13 == 0:
            lines.append("{broken")
        elif n % 17 == 0:
            lines.append("")
        else:
            lines.append(
                json.dumps({"text": f"A C-17 landed at Rzeszow, report {n}.", "published": "2025-03-01"})
            )
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = local_lines([str(path)], tmp_path / "local.jsonl")
    spark.conf.set("spark.sql.files.maxPartitionBytes", "1024")
    try:
        assert spark.read.text(str(path)).rdd.getNumPartitions() > 1
        raw, estimate, options = read_inputs(spark, [str(path)])
        records = extract_inputs(raw, options, partitions=3).collect()
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")
    assert estimate == 60
    assert sorted(row["record"] for row in records) == sorted(expected)
    assert {row["input_line"] for row in records} == {n for n in range(1, 61) if n % 17}
    assert all(row["doc_id"] == f"many:{row['input_line']}" for row in records)


def test_spark_extract_articles_from_a_dataframe(spark, extractor):
    from extractor.batch import ArticleAlarm, extract_outcome

    rows = [
        {"id": "a-1", "text": TEXT, "published": date(2025, 10, 30), "title": "Il-76s at Hmeimim"},
        {"id": None, "text": "A KC-135 left Mildenhall for Souda Bay.", "published": None, "title": None},
        {"id": "empty", "text": "", "published": date(2025, 10, 30), "title": None},
        {"id": "no-text", "text": None, "published": None, "title": "headline only"},
    ]
    frame = spark.createDataFrame(rows, "id string, text string, published date, title string")
    found = {row["record"] for row in extract_articles(frame, published="2025-11-01").collect()}
    expected_extractor = type(extractor)(default_published="2025-11-01")
    expected = set()
    with ArticleAlarm(None) as alarm:
        for row in rows:
            item = {key: value for key, value in row.items() if value is not None}
            expected.update(extract_outcome(expected_extractor, item, 0, "articles", alarm).lines)
    assert found == expected
    statuses = {json.loads(line)["doc_id"]: json.loads(line)["status"] for line in found}
    assert statuses["a-1"] == "ok" and statuses["empty"] == "error" and statuses["no-text"] == "error"


def test_spark_pipeline_is_built_once_per_python_worker(spark):
    def pipelines(batches):  # nested: Spark ships it by value (the workers cannot import this test module)
        import pandas as pd

        for batch in batches:
            pipeline = id(_worker_extractor(SparkOptions()))
            yield pd.DataFrame({"pid": [os.getpid()] * len(batch), "pipeline": [pipeline] * len(batch)})

    seen = spark.range(0, 64, numPartitions=16).mapInPandas(pipelines, "pid long, pipeline long").collect()
    pipelines_per_worker: dict[int, set[int]] = {}
    for row in seen:
        pipelines_per_worker.setdefault(row["pid"], set()).add(row["pipeline"])
    assert all(len(pipelines) == 1 for pipelines in pipelines_per_worker.values())
    assert len(pipelines_per_worker) < 16  # workers are reused across the 16 tasks
