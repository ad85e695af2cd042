"""Run the pipeline on Apache Spark (the ``spark`` extra: pyspark, pandas, pyarrow).

    extractor extract --engine spark INPUT... -o OUTDIR [--output-format jsonl|parquet]
                      [--spark-master URL] [--partitions N] [--spark-conf KEY=VALUE]...

    from extractor.spark import extract_articles
    records = extract_articles(spark.table("news"))          # a DataFrame with id, text, published...

Same records as the local engine. Every input article yields one row whose ``record`` is the JSON line that
``extractor extract`` (local engine) writes for it, byte for byte, ``ok`` or ``error``: a bad article (invalid
JSON line, empty file, missing text, timed out) is an error record, never a failed task. The per-article work
is the batch layer's own (:func:`extractor.batch.extract_outcome`, :func:`~extractor.batch.failure_outcome`),
and reading reuses :mod:`extractor.io.readers` on the bytes Spark read, so the two engines cannot drift apart
silently (``tests/test_spark.py`` compares them on the corpus plus bad inputs).

Output rows (:data:`OUTPUT_SCHEMA`): one JSON string column plus flat columns for filtering, rather than
nested structs. The JSON string is the output contract (``models.ArticleRecord``) exactly as the local engine
writes it, so the JSONL partitions are ordinary extractor output and the Parquet files carry the same text; a
struct schema would have to be kept in step with ``models`` by hand and would turn ``null`` fields and span
tuples into Spark types that do not round-trip to the same JSON::

    doc_id      string   the record's doc_id
    status      string   "ok" | "error"
    published   string   publication date YYYY-MM-DD, or null
    n_events    int      events in the article
    error_type  string   ErrorInfo.type of an error record (InputError, ArticleTimeout ...), else null
    input_path  string   the input file as the local engine spells it (INPUT joined with the path below it)
    input_line  long     line number in a JSONL file, else null
    record      string   the ArticleRecord JSON line (``--format events``: one row per event line)

``--output-format jsonl`` writes only ``record``: ``OUTDIR/part-*.txt``, one record per line (Spark's text
writer names the files ``.txt``; ``cat OUTDIR/part-*.txt`` is a local-engine JSONL file up to line order).
``parquet`` writes every column. Rows are not in input order: sort by ``input_path, input_line`` if needed.

Reading. Plain ``.jsonl`` / ``.ndjson`` files are read with ``spark.read.text`` (split across tasks, line
separator ``\\n`` as in the local reader) and each line is parsed in the worker, so an invalid line is an
error record. The local engine's doc_id for a line is ``<stem>:<line number>``, and Spark does not number
lines: a first, NLP-free pass counts the lines of every file split and the worker adds that offset to the
line's position in its split (rows of one split reach a task contiguous and in order). Every other input
(``.txt``, ``.md``, ``.json``, ``.html``, anything ``.gz``) is one ``binaryFile`` row per file, and a
``<stem>.meta.json`` sidecar is joined to its text file by path. Paths may be local, ``hdfs://``, ``s3a://``...
(whatever the cluster's Hadoop file systems read).

Workers. The function given to ``mapInPandas`` builds the pipeline on first use and keeps it in a module
global, so each Python worker process loads it once; Spark reuses Python workers across tasks
(``spark.python.worker.reuse``, on by default), so that is once per executor core, not per task. Articles are
spread over ``--partitions`` tasks (default: about 250 articles each, at least ``defaultParallelism``).

Known differences from the local engine: Spark's file listing skips files and folders whose name starts with
``_`` (the local engine reads ``_x.txt``) and folders whose name starts with ``.``; ``-`` (stdin) is not an
input; output order is not input order; a ``.jsonl.gz`` file is read by one task; an article that hangs in
native code holds its task (``--timeout-per-article`` works through SIGALRM as in a local worker, but there
is no watchdog process); the ``articles`` / ``events`` counters come from Spark accumulators, which a retried
task adds to twice.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast
from urllib.parse import unquote

from .errors import ArticleTooLarge, InputError, UsageError

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

__all__ = [
    "OUTPUT_COLUMNS",
    "OUTPUT_SCHEMA",
    "SparkOptions",
    "add_arguments",
    "extract_articles",
    "extract_inputs",
    "read_inputs",
    "run",
]

INSTALL_HINT = "pip install 'aircraft-movement-extractor[spark]'"
OUTPUT_COLUMNS = (
    "doc_id",
    "status",
    "published",
    "n_events",
    "error_type",
    "input_path",
    "input_line",
    "record",
)
OUTPUT_SCHEMA = (
    "doc_id string, status string, published string, n_events int, error_type string, "
    "input_path string, input_line long, record string"
)
#: one row per input unit: a JSONL line (``line``), a whole file (``file``) or a path that does not exist
RAW_SCHEMA = "kind string, path string, line long, content binary, sidecar binary"
ARTICLES_PER_PARTITION = 250
#: rows per Arrow batch handed to the workers: whole files travel in these batches, so keep them small
ARROW_BATCH_ROWS = 256
_STDIN_MESSAGE = "--engine spark reads files and folders; '-' (stdin) needs the local engine"
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class SparkOptions:
    """What the workers need besides the rows; picklable (Spark ships it with every task).

    ``roots``: (qualified path of an INPUT, the INPUT as spelled, is a folder), to give files the path the
    local engine gives them (``corpus/articles/dev/dev-000.txt``, not ``file:/work/corpus/...``).
    """

    fmt: str = "articles"
    published: str | None = None
    max_chars: int | None = None
    timeout_s: float | None = None
    roots: tuple[tuple[str, str, bool], ...] = ()


@dataclass
class _Counters:
    """Spark accumulators for the run summary (``articles``, ``ok``, ``error``, ``events``)."""

    articles: Any
    ok: Any
    error: Any
    events: Any

    @classmethod
    def create(cls, spark: SparkSession) -> _Counters:
        sc = spark.sparkContext
        return cls(sc.accumulator(0), sc.accumulator(0), sc.accumulator(0), sc.accumulator(0))

    def values(self) -> dict[str, int]:
        return {
            "articles": self.articles.value,
            "ok": self.ok.value,
            "error": self.error.value,
            "events": self.events.value,
        }


# --- the worker side: runs inside Spark's Python workers ----------------------------------------------------

_WORKER_EXTRACTORS: dict[tuple[str | None, int], Any] = {}


def _worker_extractor(options: SparkOptions) -> Any:
    """The pipeline of this Python worker process, built on first use and kept for the next tasks."""
    from .api import DEFAULT_MAX_CHARS, Extractor

    key = (options.published, options.max_chars or DEFAULT_MAX_CHARS)
    if key not in _WORKER_EXTRACTORS:
        _WORKER_EXTRACTORS[key] = Extractor(default_published=key[0], max_chars=key[1])
    return _WORKER_EXTRACTORS[key]


def _extract_raw(
    batches: Iterator[pd.DataFrame], options: SparkOptions, counters: _Counters | None
) -> Iterator[pd.DataFrame]:
    """``mapInPandas`` over :data:`RAW_SCHEMA` rows -> :data:`OUTPUT_SCHEMA` rows."""
    from .io.readers import _Limits

    limits = _Limits.from_max_chars(options.max_chars)

    def entries(batch: pd.DataFrame) -> Iterator[tuple[Any, str, int | None]]:
        for kind, path, line, content, sidecar in zip(
            batch["kind"], batch["path"], batch["line"], batch["content"], batch["sidecar"], strict=True
        ):
            line_number = None if _missing(line) else int(line)
            name = _spelled(path, options.roots)
            for entry, position in _items(kind, name, line_number, content, sidecar, limits):
                yield entry, name, position

    yield from _outcome_frames(batches, entries, options, counters)


def _extract_rows(
    batches: Iterator[pd.DataFrame], options: SparkOptions, counters: _Counters | None
) -> Iterator[pd.DataFrame]:
    """``mapInPandas`` over a DataFrame of articles (one column per field) -> :data:`OUTPUT_SCHEMA` rows."""

    def entries(batch: pd.DataFrame) -> Iterator[tuple[Any, str | None, int | None]]:
        for row in batch.to_dict("records"):
            item = {key: value for key, value in row.items() if not _missing(value)}
            path = item.get("path")
            yield item, path if isinstance(path, str) else None, None

    yield from _outcome_frames(batches, entries, options, counters)


def _outcome_frames(
    batches: Iterator[pd.DataFrame],
    entries: Callable[[pd.DataFrame], Iterator[tuple[Any, str | None, int | None]]],
    options: SparkOptions,
    counters: _Counters | None,
) -> Iterator[pd.DataFrame]:
    """Run every entry (an item dict or an ``InputFailure``) through the batch layer's per-article code."""
    import pandas as pd

    from .batch import ArticleAlarm, extract_outcome, failure_outcome
    from .io.readers import InputFailure

    extractor = _worker_extractor(options)
    with ArticleAlarm(options.timeout_s) as alarm:
        for batch in batches:
            rows: list[tuple] = []
            for entry, input_path, input_line in entries(batch):
                if isinstance(entry, InputFailure):
                    outcome = failure_outcome(entry, options.fmt)
                else:
                    outcome = extract_outcome(extractor, entry, input_line or 0, options.fmt, alarm)
                if counters is not None:
                    counters.articles.add(1)
                    (counters.ok if outcome.status == "ok" else counters.error).add(1)
                    counters.events.add(outcome.events)
                for line in outcome.lines:
                    doc_id, published = _line_keys(line, options.fmt)
                    rows.append(
                        (
                            doc_id,
                            outcome.status,
                            published,
                            outcome.events,
                            outcome.error_type,
                            input_path,
                            input_line,
                            line,
                        )
                    )
            if rows:
                frame = pd.DataFrame(rows, columns=list(OUTPUT_COLUMNS))
                yield frame.astype({"n_events": "int32", "input_line": "Int64"})


def _line_keys(line: str, fmt: str) -> tuple[str | None, str | None]:
    """(doc_id, published) of an output line: an article record, or an events-format line."""
    data = json.loads(line)
    published = data.get("published")
    if fmt == "articles" and isinstance(published, dict):
        published = published.get("value")
    return data.get("doc_id"), published


def _missing(value: Any) -> bool:
    """None, NaN, NaT or NA: how pandas shows a null cell."""
    if value is None:
        return True
    import numpy as np
    import pandas as pd

    try:
        missing = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return isinstance(missing, bool | np.bool_) and bool(missing)


def _spelled(path: str, roots: tuple[tuple[str, str, bool], ...]) -> str:
    """A file path as Spark reports it -> the path the local engine gives it (see :class:`SparkOptions`)."""
    best: tuple[int, str] | None = None
    for prefix, spelled, is_dir in roots:
        if path == prefix:
            return spelled
        base = prefix.rstrip("/") + "/"
        if is_dir and path.startswith(base) and (best is None or len(base) > best[0]):
            best = (len(base), str(Path(spelled) / path[len(base) :]))
    return best[1] if best else path


# --- reading: the readers' own functions, on the bytes Spark read -------------------------------------------


class _InputName(str):
    """A file name for :mod:`extractor.io.readers`, which takes ``Path`` objects: ``str()`` is the path as
    spelled (``s3a://b/x.txt`` stays as it is, ``Path`` would drop a slash), ``.name`` its last part, and
    ``.with_name()`` the sidecar Spark read, instead of a file on this machine."""

    sidecar: bytes | None = None

    @property
    def name(self) -> str:
        return self.rsplit("/", 1)[-1]

    def with_name(self, name: str) -> _Sidecar:
        return _Sidecar(self[: len(self) - len(self.name)] + name, self.sidecar)


class _Sidecar(str):
    """A ``<stem>.meta.json`` sidecar as the readers use it: ``exists()`` and ``read_text()``."""

    def __new__(cls, name: str, content: bytes | None) -> _Sidecar:
        made = super().__new__(cls, name)
        made.content = content
        return made

    content: bytes | None

    def exists(self) -> bool:
        return self.content is not None

    def read_text(self, encoding: str = "utf-8") -> str:
        if self.content is None:
            raise FileNotFoundError(str(self))
        return self.content.decode(encoding)


def _items(
    kind: str, name: str, line: int | None, content: bytes | None, sidecar: bytes | None, limits: Any
) -> Iterator[tuple[Any, int | None]]:
    """(item or ``InputFailure``, JSONL line number) for one raw row; a blank JSONL line gives nothing."""
    from .io.readers import InputFailure

    if kind == "missing":
        yield InputFailure(name, name, InputError(f"{name}: no such file or folder")), None
    elif kind == "line":
        assert line is not None, "a JSONL row has a line number"
        entry = _line_item(content or b"", line, name, limits)
        if entry is not None:
            yield entry, line
    else:
        path = _InputName(name)
        path.sidecar = sidecar
        for entry in _file_items(content or b"", path, limits):
            yield entry, None


def _line_item(raw: bytes, lineno: int, name: str, limits: Any) -> Any:
    """One JSONL line -> item, ``InputFailure`` or None (blank), as ``readers._read_jsonl_stream`` does."""
    from .io.readers import InputFailure, _from_html_field, _item_id, _parse_line, _stem, _with_default_id

    doc_id = f"{_stem(Path(name))}:{lineno}"
    if len(raw) > limits.document_bytes:
        message = f"{name}: line {lineno} is too large (more than {limits.document_bytes:,} bytes)"
        return InputFailure(doc_id, name, ArticleTooLarge(message))
    if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None
    article, problem = _parse_line(raw)
    if problem is not None or article is None:
        return InputFailure(doc_id, name, InputError(f"{name}: {str(problem).format(line=lineno)}"))
    item = _with_default_id(article, doc_id)
    item.setdefault("path", name)
    try:
        return _from_html_field(item, f"{name}:{lineno}")
    except InputError as exc:
        return InputFailure(_item_id(item), name, exc)


def _file_items(content: bytes, path: _InputName, limits: Any) -> Iterator[Any]:
    """One whole file's bytes -> items / ``InputFailure``, as ``readers._read_file`` reads the file itself."""
    from .io.readers import (
        InputFailure,
        _html_item,
        _kind,
        _read_json,
        _read_jsonl_stream,
        _size,
        _stem,
        _text_item,
    )

    kind = _kind(Path(path.name)) or "text"
    stem = _stem(Path(path.name))
    compressed = path.lower().endswith(".gz")
    try:
        if kind == "jsonl":
            stream = gzip.GzipFile(fileobj=io.BytesIO(content)) if compressed else io.BytesIO(content)
            handle = cast(IO[bytes], stream)
            yield from _read_jsonl_stream(handle, str(path), stem, limits)
            return
        limit = limits.document_bytes if kind == "json" else limits.text_bytes
        if compressed:
            raw = gzip.GzipFile(fileobj=io.BytesIO(content)).read(limit + 1)
            size = len(raw)
        else:
            raw, size = content[: limit + 1], len(content)
        raw = raw[:limit]
        if kind == "json":
            if size > limits.document_bytes:
                raise ArticleTooLarge(
                    f"{path}: too large ({_size(size, limits.document_bytes, path)}; "
                    f"the limit is {limits.document_bytes:,} bytes)"
                )
            yield from _read_json(raw, path, stem)  # type: ignore[arg-type]
        elif kind == "html":
            yield _html_item(raw, size, path, stem, limits)  # type: ignore[arg-type]
        else:
            yield _text_item(raw, size, path, stem, limits)  # type: ignore[arg-type]
    except InputError as exc:
        yield InputFailure(stem, str(path), exc)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputFailure(stem, str(path), InputError(f"{path}: not a valid gzip file ({exc})"))
    except OSError as exc:
        yield InputFailure(stem, str(path), InputError(f"{path}: cannot read ({exc.strerror or exc})"))


def _number_lines(batches: Iterator[pd.DataFrame], offsets: Any) -> Iterator[pd.DataFrame]:
    """``mapInPandas`` over text-scan rows (value, file, block) -> :data:`RAW_SCHEMA` rows with line numbers.

    ``offsets`` (a broadcast dict): (file, block start) -> lines of the file before that block. The rows of
    one file split arrive contiguous and in order: a line's number is the offset plus its rank in the split.
    """
    import pandas as pd

    starts = offsets.value
    seen: dict[tuple[str, int], int] = {}
    for batch in batches:
        numbers = []
        for file, block in zip(batch["file"], batch["block"], strict=True):
            key = (file, int(block))
            seen[key] = seen.get(key, 0) + 1
            numbers.append(starts.get(key, 0) + seen[key])
        yield pd.DataFrame(
            {
                "kind": "line",
                "path": [unquote(file) for file in batch["file"]],  # _metadata.file_path is URL-encoded
                "line": pd.array(numbers, dtype="int64"),
                "content": batch["value"],
                "sidecar": None,
            }
        )


# --- the driver side ----------------------------------------------------------------------------------------


@dataclass
class _Plan:
    """The INPUTs sorted by how Spark reads them."""

    line_dirs: list[str] = field(default_factory=list)  # folders: their plain .jsonl files, line by line
    line_files: list[str] = field(default_factory=list)
    file_dirs: list[str] = field(default_factory=list)  # folders: every other readable file, whole
    files: list[str] = field(default_factory=list)
    sidecars: list[str] = field(default_factory=list)  # sidecars of the files named as INPUTs
    missing: list[str] = field(default_factory=list)
    roots: list[tuple[str, str, bool]] = field(default_factory=list)


def _spelling(raw: str) -> str:
    """How the local engine spells an INPUT (``str(Path(raw))``); a URI stays as it is."""
    return raw if _URI.match(raw) else str(Path(raw))


def _plan(spark: SparkSession, paths: Iterable[str]) -> _Plan:
    """Classify the INPUTs with the Hadoop file system of each (local, HDFS, S3 ...)."""
    from .io.readers import META_SUFFIX, _compressed, _kind, _stem

    jvm = spark.sparkContext._jvm
    assert jvm is not None, "a SparkContext has a JVM gateway"
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[attr-defined]
    plan = _Plan()
    for raw in paths:
        if raw == "-":
            raise UsageError(_STDIN_MESSAGE)
        spelled = _spelling(raw)
        hadoop_path = jvm.org.apache.hadoop.fs.Path(raw)
        fs = hadoop_path.getFileSystem(conf)
        if not fs.exists(hadoop_path):
            plan.missing.append(spelled)
            continue
        qualified = fs.makeQualified(hadoop_path)
        is_dir = fs.getFileStatus(hadoop_path).isDirectory()
        if not _URI.match(raw):  # a URI keeps the path Spark reports
            plan.roots.append((qualified.toString(), spelled, bool(is_dir)))
        if is_dir:
            plan.line_dirs.append(qualified.toString())
            plan.file_dirs.append(qualified.toString())
            continue
        local_name = Path(qualified.getName())
        if _kind(local_name) == "jsonl" and not _compressed(local_name):
            plan.line_files.append(qualified.toString())
            continue
        plan.files.append(qualified.toString())
        if (_kind(local_name) or "text") == "text":
            sidecar = jvm.org.apache.hadoop.fs.Path(qualified.getParent(), _stem(local_name) + META_SUFFIX)
            if fs.exists(sidecar):
                plan.sidecars.append(sidecar.toString())
    return plan


def _glob(suffixes: Iterable[str]) -> str:
    """A case-insensitive Hadoop glob for names ending in one of ``suffixes``: ``*.{[tT][xX][tT],...}``."""
    parts = sorted(
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in s.lstrip(".")) for s in suffixes
    )
    return "*.{" + ",".join(parts) + "}"


def read_inputs(spark: SparkSession, paths: Iterable[str]) -> tuple[DataFrame, int, SparkOptions]:
    """Files and folders -> (:data:`RAW_SCHEMA` DataFrame, about how many rows, options with the ``roots``).

    Runs one Spark job when there are JSONL files (counting their lines per split). Raises
    :class:`UsageError` for ``-``.
    """
    plan = _plan(spark, paths)
    parts: list[DataFrame] = []
    estimate = len(plan.missing)
    for rows, count in (_line_rows(spark, plan), _file_rows(spark, plan)):
        if rows is not None:
            parts.append(rows)
            estimate += count
    if plan.missing:
        missing = [("missing", name, None, None, None) for name in plan.missing]
        parts.append(spark.createDataFrame(missing, RAW_SCHEMA))
    if not parts:
        return spark.createDataFrame([], RAW_SCHEMA), 0, SparkOptions(roots=tuple(plan.roots))
    raw = parts[0]
    for part in parts[1:]:
        raw = raw.unionByName(part)
    return raw, estimate, SparkOptions(roots=tuple(plan.roots))


def _line_rows(spark: SparkSession, plan: _Plan) -> tuple[DataFrame | None, int]:
    """The lines of the plain JSONL inputs, numbered (one Spark job counts the lines of each split)."""
    from pyspark.sql import functions as F

    from .io.readers import JSONL_SUFFIXES

    scans = []
    if plan.line_dirs:
        reader = spark.read.option("recursiveFileLookup", "true").option(
            "pathGlobFilter", _glob(JSONL_SUFFIXES)
        )
        scans.append(reader.option("lineSep", "\n").text(plan.line_dirs))
    if plan.line_files:
        scans.append(spark.read.option("lineSep", "\n").text(plan.line_files))
    if not scans:
        return None, 0
    columns = [
        F.col("value")
        .cast("binary")
        .alias("value"),  # the bytes as read: invalid UTF-8 is the worker's error
        F.col("_metadata.file_path").alias("file"),
        F.col("_metadata.file_block_start").alias("block"),
    ]
    lines = scans[0].select(*columns)
    for scan in scans[1:]:
        lines = lines.unionByName(scan.select(*columns))
    by_file: dict[str, list[tuple[int, int]]] = {}
    total = 0
    for row in lines.groupBy("file", "block").count().collect():
        by_file.setdefault(row["file"], []).append((int(row["block"]), int(row["count"])))
        total += int(row["count"])
    offsets: dict[tuple[str, int], int] = {}
    for file, blocks in by_file.items():
        before = 0
        for block, count in sorted(blocks):
            offsets[(file, block)] = before
            before += count
    shared = spark.sparkContext.broadcast(offsets)
    return lines.mapInPandas(partial(_number_lines, offsets=shared), RAW_SCHEMA), total


def _file_rows(spark: SparkSession, plan: _Plan) -> tuple[DataFrame | None, int]:
    """One row per whole-file input, with the bytes of its ``.meta.json`` sidecar when there is one."""
    from pyspark.sql import functions as F

    from .io.readers import (
        COMPRESSED_SUFFIX,
        HTML_SUFFIXES,
        JSON_SUFFIXES,
        JSONL_SUFFIXES,
        META_SUFFIX,
        TEXT_SUFFIXES,
    )

    files: list[DataFrame] = []
    sidecars: list[DataFrame] = []
    total = 0
    if plan.file_dirs:
        whole_suffixes = TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | {COMPRESSED_SUFFIX}
        found, count = _binary_files(
            spark, plan.file_dirs, pathGlobFilter=_glob(whole_suffixes), recursiveFileLookup="true"
        )
        readable = "|".join(
            re.escape(s) for s in sorted(TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES)
        )
        plain_jsonl = "|".join(re.escape(s) for s in sorted(JSONL_SUFFIXES))
        path = F.lower(F.col("path"))
        is_sidecar = F.col("path").endswith(META_SUFFIX)
        is_input = path.rlike(f"({readable})({re.escape(COMPRESSED_SUFFIX)})?$") & ~path.rlike(
            f"({plain_jsonl})$"
        )
        files.append(found.where(~is_sidecar & is_input))
        sidecars.append(found.where(is_sidecar))
        total += count
    if plan.files:
        files.append(_binary_files(spark, plan.files)[0])
        total += len(plan.files)
    if plan.sidecars:
        sidecars.append(_binary_files(spark, plan.sidecars)[0])
    if not files:
        return None, 0
    whole = _union(files)
    # the readers' sidecar: <folder>/<stem>.meta.json, stem = the name without .gz and without its last suffix
    name = F.regexp_replace(F.regexp_extract("path", r"([^/]*)$", 1), r"(?i)\.gz$", "")
    stem = F.when(name.rlike(r"^.+\.[^.]+$"), F.regexp_extract(name, r"^(.+)\.[^.]+$", 1)).otherwise(name)
    folder = F.regexp_extract("path", r"^(.*/)", 1)
    whole = whole.withColumn("sidecar_path", F.concat(folder, stem, F.lit(META_SUFFIX)))
    if sidecars:
        metas = _union(sidecars).dropDuplicates(["path"])
        metas = metas.select(F.col("path").alias("sidecar_path"), F.col("content").alias("sidecar"))
        whole = whole.join(metas, "sidecar_path", "left")
    else:
        whole = whole.withColumn("sidecar", F.lit(None).cast("binary"))
    line = F.lit(None).cast("long").alias("line")
    return whole.select(F.lit("file").alias("kind"), "path", line, "content", "sidecar"), total


def _binary_files(spark: SparkSession, paths: list[str], **options: str) -> tuple[DataFrame, int]:
    """(path, content) of the files under ``paths`` as ``binaryFile`` lists them, and how many there are.

    A ``binaryFile`` scan leaves out zero-length files; they are added back with empty content, so that an
    empty article is an error record here too ("the file is empty").
    """
    from pyspark.sql import functions as F

    found = spark.read.format("binaryFile").options(**options).load(paths).select("path", "content")
    listed = sorted({_hadoop_path(uri) for uri in found.inputFiles()})
    if not listed:
        return found, 0
    every = spark.createDataFrame([(path,) for path in listed], "path string")
    empty = every.join(found.select("path"), "path", "left_anti").withColumn("content", F.unhex(F.lit("")))
    return found.unionByName(empty), len(listed)


def _hadoop_path(uri: str) -> str:
    """``inputFiles()`` spelling (``file:///a%20b``) -> ``binaryFile`` spelling (``file:/a b``)."""
    path = unquote(uri)
    return "file:/" + path[len("file:///") :] if path.startswith("file:///") else path


def _union(frames: list[DataFrame]) -> DataFrame:
    result = frames[0].select("path", "content")
    for frame in frames[1:]:
        result = result.unionByName(frame.select("path", "content"))
    return result


def default_partitions(spark: SparkSession, articles: int) -> int:
    """About :data:`ARTICLES_PER_PARTITION` articles per task, and at least one task per core."""
    return max(spark.sparkContext.defaultParallelism, math.ceil(articles / ARTICLES_PER_PARTITION), 1)


def extract_inputs(
    raw: DataFrame, options: SparkOptions, *, partitions: int | None = None, counters: _Counters | None = None
) -> DataFrame:
    """:data:`RAW_SCHEMA` rows (from :func:`read_inputs`) -> :data:`OUTPUT_SCHEMA` rows. Lazy, like Spark."""
    if partitions:
        raw = raw.repartition(partitions, "path", "line")
    return raw.mapInPandas(partial(_extract_raw, options=options, counters=counters), OUTPUT_SCHEMA)


def extract_articles(
    articles: DataFrame,
    *,
    published: str | None = None,
    fmt: str = "articles",
    max_chars: int | None = None,
    timeout_s: float | None = None,
) -> DataFrame:
    """A DataFrame of articles -> :data:`OUTPUT_SCHEMA` rows (``input_path`` from a ``path`` column).

    Columns are the fields the library reads: ``text`` (or ``maintext``), and optionally ``id``, ``published``
    (string, date or timestamp), ``title``, ``url``, ``path``; other columns are ignored. Null cells count as
    absent. ``published`` is the date for articles that give none (``--published``).
    """
    from .api import normalize_published

    options = SparkOptions(
        fmt=fmt, published=normalize_published(published), max_chars=max_chars, timeout_s=timeout_s
    )
    return articles.mapInPandas(partial(_extract_rows, options=options, counters=None), OUTPUT_SCHEMA)


# --- command line ---------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The engine options of ``extractor extract`` (the local engine ignores all but ``--engine``)."""
    from .batch import _positive_int  # the batch layer's option types (batch imports this module lazily)

    group = parser.add_argument_group("engine", "--engine spark runs on Apache Spark (the spark extra)")
    group.add_argument(
        "--engine",
        choices=["local", "spark"],
        default="local",
        help="local: this machine's processes (default); spark: a Spark cluster or local[*]",
    )
    group.add_argument(
        "--output-format",
        choices=["jsonl", "parquet"],
        default="jsonl",
        help="--engine spark: -o is a folder of JSONL parts (default) or of Parquet files",
    )
    group.add_argument(
        "--spark-master", metavar="URL", help="default local[*], or the master given to spark-submit"
    )
    group.add_argument(
        "--partitions",
        type=_positive_int,
        metavar="N",
        help=f"Spark tasks (default: about {ARTICLES_PER_PARTITION} articles each)",
    )
    group.add_argument(
        "--spark-conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a Spark setting, e.g. spark.executor.memory=8g (repeatable)",
    )


def _check_args(args: argparse.Namespace) -> list[tuple[str, str]]:
    """Raise :class:`UsageError` for options the Spark engine cannot honour; return the --spark-conf pairs."""
    if getattr(args, "engine", "local") != "spark":
        raise UsageError(
            f"--output-format {args.output_format} needs --engine spark (the local engine writes JSONL)"
        )
    if args.output in (None, "-"):
        raise UsageError("--engine spark writes a folder of part files: give it with -o OUTDIR")
    if "-" in args.inputs:
        raise UsageError(_STDIN_MESSAGE)
    if getattr(args, "resume", False):
        raise UsageError("--resume is for the local engine; rerun with --force to rewrite the Spark output")
    if not _URI.match(args.output) and Path(args.output).exists() and not args.force:
        raise UsageError(f"{args.output} exists; pass --force to overwrite it")
    pairs = []
    for setting in args.spark_conf or []:
        key, sep, value = setting.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--spark-conf: expected KEY=VALUE, found {setting!r}")
        pairs.append((key.strip(), value))
    return pairs


def spark_session(
    master: str | None = None, conf: Iterable[tuple[str, str]] = (), *, quiet: bool = False
) -> tuple[SparkSession, bool]:
    """(the active session, False), or (a new one, True): ``master`` or ``local[*]``, unless spark-submit
    gave one. Arrow batches default to :data:`ARROW_BATCH_ROWS` rows. With a local master, the Python
    workers run this interpreter unless ``PYSPARK_PYTHON`` says otherwise."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = SparkSession.builder.appName("extractor")
    if (
        not master and "PYSPARK_GATEWAY_PORT" not in os.environ
    ):  # spark-submit starts the JVM, sets the master
        master = "local[*]"
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        # the workers are this interpreter (pyspark's default is whatever "python3" is on PATH)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    settings = dict(conf)
    settings.setdefault("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH_ROWS))
    if quiet:
        settings.setdefault("spark.ui.showConsoleProgress", "false")
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark, True


def run(args: argparse.Namespace) -> int:
    """``extractor extract --engine spark``: returns the exit code (0 done, 2 bad usage, 1 the run failed)."""
    started = time.perf_counter()
    try:
        conf = _check_args(args)
    except UsageError as exc:
        print(f"extractor: {exc.message}", file=sys.stderr)
        return 2
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        print(
            f"extractor: --engine spark needs the spark extra ({INSTALL_HINT}); missing {exc.name}",
            file=sys.stderr,
        )
        return 1
    from .api import DEFAULT_MAX_CHARS, normalize_published

    try:
        spark, owned = spark_session(args.spark_master, conf, quiet=args.quiet)
    except Exception as exc:  # noqa: BLE001 - no Java, a bad master URL ...
        print(f"extractor: cannot start Spark: {exc}", file=sys.stderr)
        return 1
    try:
        raw, estimate, options = read_inputs(spark, args.inputs)
        timeout = getattr(args, "timeout_per_article", None)
        options = SparkOptions(
            fmt=args.format,
            published=normalize_published(args.published),
            max_chars=getattr(args, "max_chars", None) or DEFAULT_MAX_CHARS,
            timeout_s=timeout or None,
            roots=options.roots,
        )
        partitions = args.partitions or default_partitions(spark, estimate)
        counters = _Counters.create(spark)
        records = extract_inputs(raw, options, partitions=partitions, counters=counters)
        mode = "overwrite" if args.force else "errorifexists"
        if args.output_format == "parquet":
            records.write.mode(mode).parquet(args.output)
        else:
            records.select("record").write.mode(mode).text(args.output)
        summary = {
            **counters.values(),
            "engine": "spark",
            "master": spark.sparkContext.master,
            "partitions": partitions,
            "output": args.output,
            "output_format": args.output_format,
        }
    except UsageError as exc:
        print(f"extractor: {exc.message}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a Spark job failed: the message says which stage and why
        print(f"extractor: run failed: {_first_line(exc)}", file=sys.stderr)
        return 1
    finally:
        if owned:
            spark.stop()
    elapsed = time.perf_counter() - started
    summary["elapsed_s"] = round(elapsed, 3)
    summary["articles_per_s"] = round(summary["articles"] / elapsed, 2) if elapsed > 0 else None
    if args.stats:
        try:
            Path(args.stats).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            print(f"extractor: cannot write --stats {args.stats}: {exc}", file=sys.stderr)
    if not args.quiet:
        print(
            f"extractor: {summary['articles']} articles, {summary['ok']} ok, {summary['error']} error, "
            f"{summary['events']} events in {elapsed:.1f}s ({summary['articles_per_s']} articles/s, "
            f"spark {summary['master']}, {partitions} partitions) -> {args.output}",
            file=sys.stderr,
        )
    return 0


def _first_line(exc: BaseException) -> str:
    """The gist of a Spark error: its first line, or for a Python worker's traceback the exception line."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    raised = [line for line in lines if re.match(r"^[\w.]+(Error|Exception|Interrupt)\b", line)]
    return f"{lines[0]} {raised[-1]}" if raised and raised[-1] != lines[0] else lines[0]
