"""``extractor extract`` from the command line: exit codes, summary and --stats, stdin/stdout, progress.

Runs ``cli.main`` in this process with the session's pipeline (``BatchConfig.build_extractor`` is patched to
return it), so no test pays for a pipeline build.
"""

from __future__ import annotations

import argparse
import io
import json
import sys

import pytest

from extractor import cli
from extractor.batch import BatchConfig, show_progress

ARTICLE = "Two Il-76MD transports of the Russian Aerospace Forces flew from Chkalovsky to Hmeimim on Tuesday."


@pytest.fixture
def shared_pipeline(monkeypatch, extractor):
    monkeypatch.setattr(BatchConfig, "build_extractor", lambda self: extractor)
    return extractor


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": ARTICLE}) + "\n{broken\n", encoding="utf-8"
    )
    return folder


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_extract_completed_run_with_bad_articles_exits_0(shared_pipeline, inputs, tmp_path, capsys):
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    code = cli.main(["extract", str(inputs), "-o", str(out), "--stats", str(stats), "--workers", "1"])
    assert code == 0
    records = lines(out)
    assert [(r["doc_id"], r["status"]) for r in records] == [
        ("a", "ok"), ("b", "error"), ("c1", "ok"), ("c:2", "error")]  # fmt: skip
    assert "the file is empty" in records[1]["error"]["message"]
    assert "invalid JSON on line 2" in records[3]["error"]["message"]
    summary = json.loads(stats.read_text())
    assert {k: summary[k] for k in ("completed", "articles", "ok", "error", "skipped")} == {
        "completed": True, "articles": 4, "ok": 2, "error": 2, "skipped": 0}  # fmt: skip
    assert summary["events"] == sum(len(r["events"]) for r in records) > 0
    assert summary["error_types"] == {"InputError": 2}
    assert summary["elapsed_s"] > 0 and summary["articles_per_s"] > 0
    assert "4 articles, 2 ok, 2 error" in capsys.readouterr().err


def test_cli_extract_quiet_and_stdout(shared_pipeline, inputs, capsys):
    assert cli.main(["extract", str(inputs / "a.txt"), "--quiet", "--workers", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert json.loads(captured.out)["doc_id"] == "a"


def test_cli_extract_reads_jsonl_on_stdin(shared_pipeline, monkeypatch, capsys):
    data = (json.dumps({"id": "s1", "text": ARTICLE}) + "\n" + json.dumps({"text": ARTICLE}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert cli.main(["extract", "-", "--quiet", "--workers", "1"]) == 0
    assert [json.loads(line)["doc_id"] for line in capsys.readouterr().out.splitlines()] == ["s1", "stdin:2"]


def test_cli_extract_max_chars_truncates_with_a_warning(shared_pipeline, tmp_path, capsys):
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE + " " + "Filler sentence here. " * 200, encoding="utf-8")
    assert cli.main(["extract", str(path), "--max-chars", "120", "--quiet", "--workers", "1"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["status"] == "ok" and record["warnings"][0].startswith("truncated:")
    assert all(end <= 120 for event in record["events"] for end in [event["evidence"]["span"][1]])


USAGE_ERRORS = [
    (["--force", "--resume"], "not allowed with"),
    (["--resume", "-o", "-"], "needs an output file"),
    (["--resume", "--format", "events"], "needs --format articles"),
    (["--workers", "0"], "expected a number >= 1"),
    (["--timeout-per-article", "soon"], "expected a number of seconds"),
    (["--max-chars", "-5"], "expected a number >= 1"),
]


@pytest.mark.parametrize("extra, message", USAGE_ERRORS, ids=[" ".join(u[0]) for u in USAGE_ERRORS])
def test_cli_extract_bad_usage_exits_2(inputs, tmp_path, capsys, extra, message):
    argv = ["extract", str(inputs), "-o", str(tmp_path / "out.jsonl"), *extra]
    if "-o" in extra:
        argv = ["extract", str(inputs), *extra]
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


def test_cli_extract_never_overwrites_without_force(inputs, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n")
    assert cli.main(["extract", str(inputs), "-o", str(out)]) == 2
    assert out.read_text() == "keep me\n"
    assert "pass --force" in capsys.readouterr().err


def test_cli_extract_refuses_to_resume_into_a_foreign_file(inputs, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text('{"name": "not a record"}\n')
    assert cli.main(["extract", str(inputs), "-o", str(out), "--resume"]) == 2
    assert "not an article record" in capsys.readouterr().err


def test_cli_extract_output_folder_is_bad_usage(inputs, tmp_path):
    assert cli.main(["extract", str(inputs), "-o", str(tmp_path), "--force"]) == 2


def test_cli_extract_unwritable_output_exits_1(shared_pipeline, inputs, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cli.main(["extract", str(inputs), "-o", str(blocker / "out.jsonl"), "--workers", "1"]) == 1
    assert "run failed" in capsys.readouterr().err


def test_cli_extract_pipeline_that_cannot_be_built_exits_1(monkeypatch, inputs, tmp_path, capsys):
    def broken(self):
        raise RuntimeError("gazetteer missing")

    monkeypatch.setattr(BatchConfig, "build_extractor", broken)
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(inputs), "-o", str(out), "--workers", "1"]) == 1
    assert "gazetteer missing" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    "quiet, ci, tty, expected",
    [
        (False, None, True, True),
        (True, None, True, False),
        (False, "true", True, False),
        (False, None, False, False),
    ],
    ids=["terminal", "quiet", "ci", "not-a-terminal"],
)
def test_cli_extract_progress_only_for_a_terminal(monkeypatch, quiet, ci, tty, expected):
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: tty)
    assert show_progress(argparse.Namespace(quiet=quiet)) is expected


def test_cli_extract_with_a_progress_bar(shared_pipeline, monkeypatch, inputs, tmp_path):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(inputs), "-o", str(out), "--workers", "1"]) == 0
    assert len(lines(out)) == 4
