"""Whole batch runs with the real pipeline: any number of workers gives the same bytes; a run killed with
``kill -9`` and completed with ``--resume`` ends with the records of an uninterrupted run.

The articles come from the benchmark's generator (``benchmarks/bench_batch.py``, fixed seed), plus a few
inputs that cannot be read, so that error records take part in the ordering too.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor import cli
from extractor.batch import BatchConfig

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("bench_batch", ROOT / "benchmarks" / "bench_batch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 generated articles in a JSONL file with two bad lines, a text file and an empty file."""
    folder = tmp_path_factory.mktemp("corpus")
    articles = _bench().make_corpus(60, seed=7)
    rows = [json.dumps(a, ensure_ascii=False) for a in articles]
    rows.insert(10, '{"id": "broken", "text": ')
    rows.insert(30, json.dumps({"id": "no-text", "title": "x"}))
    (folder / "a-feed.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "b-note.txt").write_text(articles[0]["text"], encoding="utf-8")
    (folder / "c-empty.txt").write_bytes(b"")
    return folder


@pytest.fixture
def shared_pipeline(monkeypatch, extractor):
    monkeypatch.setattr(BatchConfig, "build_extractor", lambda self: extractor)


def run_cli(*argv: str) -> int:
    return cli.main(["extract", *argv, "--quiet"])


@pytest.fixture(scope="module")
def clean_output(corpus, tmp_path_factory, extractor) -> bytes:
    """The uninterrupted run, in this process, one worker."""
    out = tmp_path_factory.mktemp("clean") / "out.jsonl"
    original = BatchConfig.build_extractor
    BatchConfig.build_extractor = lambda self: extractor
    try:
        assert run_cli(str(corpus), "-o", str(out), "--workers", "1") == 0
    finally:
        BatchConfig.build_extractor = original
    return out.read_bytes()


def test_batch_clean_run_has_one_record_per_article(clean_output):
    records = [json.loads(line) for line in clean_output.decode().splitlines()]
    assert len(records) == 62 + 2
    assert [r["status"] for r in records].count("error") == 3
    assert "invalid JSON on line 11" in records[10]["error"]["message"]
    assert {r["doc_id"] for r in records if r["status"] == "error"} == {"a-feed:11", "no-text", "c-empty"}


def test_batch_workers_1_and_2_write_identical_bytes(corpus, clean_output, tmp_path):
    out = tmp_path / "two.jsonl"
    assert run_cli(str(corpus), "-o", str(out), "--workers", "2") == 0
    assert out.read_bytes() == clean_output


@pytest.mark.parametrize("keep", [0, 1, 25, 63], ids=["none", "one", "half", "all-but-one"])
def test_batch_resume_after_a_cut_with_a_partial_line(shared_pipeline, corpus, clean_output, tmp_path, keep):
    out = tmp_path / "out.jsonl"
    lines = clean_output.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:keep]) + lines[keep][: len(lines[keep]) // 2])
    assert run_cli(str(corpus), "-o", str(out), "--resume", "--workers", "1") == 0
    assert out.read_bytes() == clean_output


def test_batch_resume_of_a_complete_output_changes_nothing(shared_pipeline, corpus, clean_output, tmp_path):
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    out.write_bytes(clean_output)
    assert run_cli(str(corpus), "-o", str(out), "--resume", "--stats", str(stats)) == 0
    assert out.read_bytes() == clean_output
    summary = json.loads(stats.read_text())
    assert (summary["articles"], summary["skipped"]) == (0, 64)


def test_batch_resume_counts_duplicate_ids(shared_pipeline, tmp_path):
    feed = tmp_path / "dupes.jsonl"
    text = "An Il-76 flew from Chkalovsky to Hmeimim on Tuesday."
    feed.write_text("".join(json.dumps({"id": "same", "text": f"{text} {n}"}) + "\n" for n in range(4)))
    clean, cut = tmp_path / "clean.jsonl", tmp_path / "cut.jsonl"
    assert run_cli(str(feed), "-o", str(clean), "--workers", "1") == 0
    cut.write_bytes(b"".join(clean.read_bytes().splitlines(keepends=True)[:2]))
    assert run_cli(str(feed), "-o", str(cut), "--resume", "--workers", "1") == 0
    assert cut.read_bytes() == clean.read_bytes()


def test_batch_kill_9_then_resume(corpus, clean_output, tmp_path):
    """A real crash: the CLI in a subprocess, SIGKILL once some records are out, then --resume."""
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "extractor", "extract", str(corpus), "-o", str(out), "--quiet"]
    process = subprocess.Popen([*command, "--workers", "2"], env=env, cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 12:
            break
        time.sleep(0.01)
    assert process.poll() is None, f"the run ended before it could be killed: {process.stderr.read()!r}"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()
    killed = out.read_bytes()
    assert 12 <= killed.count(b"\n") < 64
    assert clean_output.startswith(killed[: killed.rfind(b"\n") + 1])
    resumed = subprocess.run([*command, "--resume", "--workers", "1"], env=env, cwd=ROOT, capture_output=True)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == clean_output
