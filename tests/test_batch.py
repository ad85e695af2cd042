"""extractor.batch engines with a stand-in extractor (no pipeline): order, time limits, stuck and dying
workers.

The stand-in (:class:`FakeExtractor`) lives in this module so that worker processes can import it by name
(``BatchConfig.factory = "test_batch:FakeExtractor"``); words in an article's text make it misbehave.
"""

from __future__ import annotations

import json
import os
import signal
import time

import pytest

import models
from extractor.api import coerce_input, error_record
from extractor.batch import BatchConfig, PoolEngine, RunFailed, SerialEngine, doc_key
from extractor.errors import InputError
from extractor.io.readers import InputFailure

FAKE = "test_batch:FakeExtractor"


class FakeExtractor:
    """``extract_record`` like the real one, without NLP. In the text: LOOP spins in Python (the alarm stops
    it), STUCK blocks SIGALRM and sleeps (only the watchdog stops it), CRASH kills its own process, SLOW
    sleeps 50 ms. One event per "flew"."""

    def __init__(self, *, default_published: str | None = None, max_chars: int = 2_000_000) -> None:
        if default_published == "fail-to-build":
            raise RuntimeError("cannot load the gazetteers")
        self.default_published = default_published

    def extract_record(self, item: object, *, index: int | None = None) -> models.ArticleRecord:
        fields = coerce_input(item)
        doc_id = str(fields.get("id"))
        try:
            text = fields.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError("text: the article is empty")
            if "LOOP" in text:
                while True:
                    pass
            if "STUCK" in text:
                signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
                time.sleep(600)
            if "CRASH" in text:
                os.kill(os.getpid(), signal.SIGKILL)
            if "SLOW" in text:
                time.sleep(0.05)
        except InputError as exc:
            return error_record(exc, doc_id=doc_id)
        events = [
            models.Event(id=f"{doc_id}#{n}", evidence=models.Evidence(span=(0, 4), text=text[:4]))
            for n in range(1, text.count("flew") + 1)
        ]
        return models.ArticleRecord(doc_id=doc_id, events=events, title=fields.get("title"))


def entries(texts: list[str]) -> list[tuple[int, object]]:
    out: list[tuple[int, object]] = []
    for n, text in enumerate(texts, 1):
        if text == "FAILURE":
            out.append((n, InputFailure(f"bad-{n}", None, InputError("the file is empty"))))
        else:
            out.append((n, {"id": f"a{n}", "text": text}))
    return out


def records(outcomes) -> list[dict]:
    return [json.loads(line) for outcome in outcomes for line in outcome.lines]


def config(**overrides) -> BatchConfig:
    values = {"factory": FAKE, "timeout_s": 1.0, "workers": 2, "chunk_articles": 3, "watchdog_grace_s": 0.5}
    values.update(overrides)
    return BatchConfig(**values)


MIXED = ["It flew.", "FAILURE", "SLOW flew flew", "x", "   ", "FAILURE", "FAILURE"]
MIXED += [f"n{i} flew" for i in range(20)]


def test_batch_pool_keeps_input_order_and_matches_the_serial_engine():
    with PoolEngine(config()) as pool:
        pooled = list(pool.outcomes(entries(MIXED)))
    serial = list(SerialEngine(config(workers=1)).outcomes(entries(MIXED)))
    assert [o.lines for o in pooled] == [o.lines for o in serial]
    got = records(pooled)
    assert [r["doc_id"] for r in got][:7] == ["a1", "bad-2", "a3", "a4", "a5", "bad-6", "bad-7"]
    assert [r["status"] for r in got][:7] == ["ok", "error", "ok", "ok", "error", "error", "error"]
    assert [o.events for o in pooled][:4] == [1, 0, 2, 0]


def test_batch_events_format_writes_event_lines():
    outcomes = list(SerialEngine(config(workers=1, fmt="events")).outcomes(entries(["flew flew", "none"])))
    assert [len(o.lines) for o in outcomes] == [2, 0]
    assert json.loads(outcomes[0].lines[0])["doc_id"] == "a1"


@pytest.mark.parametrize("workers", [1, 2], ids=["serial", "pool"])
def test_batch_alarm_stops_a_looping_article(workers):
    cfg = config(workers=workers, timeout_s=0.3)
    engine = SerialEngine(cfg) if workers == 1 else PoolEngine(cfg)
    with engine:
        got = records(engine.outcomes(entries(["ok flew", "LOOP", "after flew"])))
    assert [r["status"] for r in got] == ["ok", "error", "ok"]
    assert got[1]["error"]["type"] == "ArticleTimeout" and "timed out" in got[1]["error"]["message"]


def test_batch_watchdog_replaces_a_stuck_worker_and_keeps_the_rest_of_its_chunk():
    texts = ["one", "STUCK", "three", "four", "five", "six", "seven"]
    started = time.monotonic()
    with PoolEngine(config(timeout_s=0.3, chunk_articles=4)) as pool:
        got = records(pool.outcomes(entries(texts)))
    assert time.monotonic() - started < 30
    assert [r["doc_id"] for r in got] == [f"a{n}" for n in range(1, 8)]
    assert [r["status"] for r in got] == ["ok", "error", "ok", "ok", "ok", "ok", "ok"]
    assert "the worker was stopped" in got[1]["error"]["message"]


def test_batch_a_dying_worker_costs_one_article():
    texts = [f"n{i}" for i in range(10)]
    texts[4] = "CRASH"
    with PoolEngine(config()) as pool:
        got = records(pool.outcomes(entries(texts)))
    assert [r["status"] for r in got].count("ok") == 9
    assert got[4]["error"]["type"] == "WorkerDied" and "exit code -9" in got[4]["error"]["message"]


def test_batch_worker_that_cannot_build_fails_the_run():
    with pytest.raises(RunFailed, match="cannot load the gazetteers"):
        PoolEngine(config(published="fail-to-build"))


@pytest.mark.parametrize(
    "item, key",
    [
        ({"id": "x", "text": "t"}, "x"),
        ({"id": 7, "text": "t"}, "7"),
        ({"doc_id": "d", "text": "t"}, "d"),
        (InputFailure("f:3", None, InputError("bad")), "f:3"),
        ({"text": "t"}, "input-5"),
    ],
    ids=["id", "int-id", "doc_id-alias", "failure", "no-id"],
)
def test_batch_doc_key_is_the_doc_id_of_the_record(item, key):
    assert doc_key(item, 5) == key


def test_batch_workers_reuse_the_pipeline_the_forkserver_built(monkeypatch):
    """A worker forked from the preloading forkserver wraps its pipeline instead of building another."""
    import sys
    import types

    sentinel = object()
    monkeypatch.setitem(sys.modules, "extractor._preload", types.SimpleNamespace(NLP=sentinel))
    built = BatchConfig(workers=2, published="2025-10-30").build_extractor()
    assert built.nlp is sentinel
    assert built.default_published == "2025-10-30"
    assert isinstance(config().build_extractor(), FakeExtractor)  # another factory builds its own


def test_batch_main_process_does_not_load_spacy():
    """The batch layer's main process reads and writes; only the workers load spaCy and the gazetteers."""
    import subprocess
    import sys

    code = "import sys, extractor.batch, extractor.cli; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
