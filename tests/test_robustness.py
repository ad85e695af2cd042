"""Robustness: bad inputs never stop a run, ``Extractor.extract`` never raises for text, and pathological
texts finish within the per-article time limit (those that do not yet are strict xfails naming the hotspot).
"""

from __future__ import annotations

import gzip
import json
import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import cli
from extractor.batch import ArticleAlarm, BatchConfig, extract_outcome
from extractor.errors import InputError

ARTICLE = (
    "MOSCOW, Oct 30 (Reuters) - Two Il-76MD transports of the Russian Aerospace Forces flew from Chkalovsky "
    "to Hmeimim on Tuesday, Flightradar24 data showed.\n\nAn An-124 followed on Wednesday, a source said."
)
HTML_WITH_SCRIPTS = (
    "<html><head><title>Airlift continues</title><script>for (;;) {} // An-124 to Tehran</script>"
    "<meta name='date' content='2025-10-29'></head><body><script>document.write('C-17 to Ramstein')</script>"
    f"<article><p>{ARTICLE}</p><p>Officials declined to comment on the flights or their cargo.</p></article>"
    "<noscript>Enable JavaScript</noscript></body></html>"
)


def _bad_inputs() -> list[tuple[str, bytes, list[tuple[str, str, str | None]]]]:
    """(file name, content, [(doc_id, status, reason or warning)]) for each generated input."""
    rng = random.Random(7)
    binary = bytes(rng.randrange(256) for _ in range(4096))
    huge = (ARTICLE + "\n\n") * (20 * 1024 * 1024 // (len(ARTICLE) + 2) + 1)
    one_line = ("Flights continued through the night " * 900 + ARTICLE.replace("\n", " ")).encode()
    invisible = (
        "\u200b\u200dTwo Il-76MD\u200c transports flew from Chkalovsky to Hmeimim on Tuesday.\u200f "
        "\u0637\u0627\u0626\u0631\u0629 \u0625\u0644\u064a\u0648\u0634\u064a\u0646 \u0647\u0628\u0637\u062a "
        "\u05de\u05d8\u05d5\u05e1 \u05e0\u05d7\u05ea \u202eesrever\u202c \u2066isolate\u2069 \ufeff end."
    )
    lines = [json.dumps({"id": "first", "text": ARTICLE}), json.dumps({"id": "cut", "text": ARTICLE})[:40]]
    return [
        ("empty.txt", b"", [("empty", "error", "the file is empty")]),
        ("binary.txt", binary, [("binary", "error", "not text")]),
        (
            "bad-utf8.txt",
            "Zürich ".encode() + b"\xc3\x28" + ARTICLE.encode(),
            [("bad-utf8", "error", "invalid UTF-8")],
        ),
        (
            "cut.jsonl",
            "\n".join(lines).encode(),
            [("first", "ok", None), ("cut:2", "error", "invalid JSON on line 2")],
        ),
        (
            "cut.jsonl.gz",
            gzip.compress(("\n".join(lines) + "\n").encode())[:-12],
            [("first", "ok", None), ("cut:2", "error", "not a valid gzip file after line 1")],
        ),
        ("huge.txt", huge.encode(), [("huge", "ok", "truncated:")]),
        ("nested.json", b"[" * 200_000 + b"]" * 200_000, [("nested", "error", "invalid JSON")]),
        ("scripts.html", HTML_WITH_SCRIPTS.encode(), [("scripts", "ok", None)]),
        ("one-line.txt", one_line, [("one-line", "ok", "truncated:")]),
        ("invisible.txt", invisible.encode(), [("invisible", "ok", None)]),
        (
            "no-text.json",
            json.dumps({"id": "no-text", "title": "x"}).encode(),
            [("no-text", "error", "missing text")],
        ),
        (
            "odd-title.json",
            json.dumps({"text": ARTICLE, "title": {"a": 1}}).encode(),
            [("odd-title", "error", "title: expected a string")],
        ),
    ]


def test_robustness_every_bad_input_gives_one_record(monkeypatch, extractor, tmp_path):
    monkeypatch.setattr(BatchConfig, "build_extractor", lambda self: extractor)
    folder = tmp_path / "bad"
    folder.mkdir()
    expected = []
    for name, content, records in sorted(_bad_inputs()):
        (folder / name).write_bytes(content)
        expected.extend(records)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    argv = ["extract", str(folder), "-o", str(out), "--workers", "1", "--max-chars", "12000", "--quiet"]
    assert cli.main(argv) == 0
    assert time.monotonic() - started < 60
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["status"]) for r in got] == [(doc_id, status) for doc_id, status, _ in expected]
    for record, (_, status, note) in zip(got, expected, strict=True):
        if note and status == "error":
            assert note in record["error"]["message"], record["error"]
        elif note:
            assert any(w.startswith(note) for w in record["warnings"]), record["warnings"]
    html = next(r for r in got if r["doc_id"] == "scripts")
    assert html["published"] == {"value": "2025-10-29", "source": "html"}
    assert not any("Tehran" in e["text"] or "Ramstein" in e["text"] for e in html["entities"])


# --- Extractor.extract on arbitrary text ----------------------------------------------------------

WORDS = [
    "Il-76",
    "An-124",
    "C-17",
    "flew",
    "landed",
    "from",
    "to",
    "at",
    "Hmeimim",
    "Latakia",
    "Moscow",
    "on",
    "Tuesday",
    "Oct",
    "30",
    "2025",
    "(Reuters)",
    "-",
    "said",
    "according",
    "Flightradar24",
    ",",
    ".",
    "\n",
    "Russian",
    "Air",
    "Force",
    "two",
    "the",
    "'s",
    '"',
    "MOSCOW,",
    "since",
    "October",
    "24",
    "By",
]
texts = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), min_size=1, max_size=60).map(" ".join),
).filter(str.strip)


def spans(value, found=None) -> list[tuple[tuple[int, int], str | None]]:
    """Every (span, text) pair anywhere in a dumped record."""
    found = [] if found is None else found
    if isinstance(value, dict):
        if "span" in value:
            found.append((tuple(value["span"]), value.get("text")))
        for child in value.values():
            spans(child, found)
    elif isinstance(value, list):
        for child in value:
            spans(child, found)
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_robustness_extract_never_raises_and_spans_point_into_the_text(extractor, text):
    record = extractor.extract(text, published="2025-10-30")
    assert record.status == "ok"
    for (start, end), surface in spans(record.model_dump()):
        assert 0 <= start <= end <= len(text), (start, end, len(text))
        assert surface is None or text[start:end] == surface, (start, end, surface)


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"], ids=["empty", "spaces", "blank-lines"])
def test_robustness_empty_text_is_an_input_error(extractor, text):
    with pytest.raises(InputError):
        extractor.extract(text)
    record = extractor.extract_record({"id": "e", "text": text})
    assert (record.status, record.error.type) == ("error", "InputError")


# --- pathological texts ---------------------------------------------------------------------------

BASE = "Two Il-76MD transports of the Russian Aerospace Forces flew from Chkalovsky to Hmeimim on Tuesday. "
PATHOLOGICAL_LIMIT_S = 3.0


def _known(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


PATHOLOGICAL = [
    pytest.param("WASHINGTON" + " " * 20_000 + "x\n" + BASE, id="dateline-line-of-spaces"),
    pytest.param("Flights continued " * 1200 + BASE, id="one-long-line"),
    pytest.param("Il-76" * 4000, id="no-spaces"),
    pytest.param("-" * 20_000 + " " + BASE, id="hyphens"),
    pytest.param("\n" * 20_000 + BASE, id="newlines"),
    pytest.param("\u200b".join(BASE * 40), id="zero-width-spaces"),
    pytest.param("a\u0301" * 10_000 + " " + BASE, id="combining-marks"),
    pytest.param((BASE.replace(". ", "; ") * 160)[:20_000], id="one-20k-sentence"),
    pytest.param(
        '"' * 20_000 + BASE, id="run-of-quotes",
        marks=_known("spaCy's tokenizer is quadratic on a long run of prefix punctuation (blank('en') too)"),
    ),
    pytest.param(
        "(" * 5_000 + BASE + ")" * 5_000, id="nested-parentheses",
        marks=_known("spaCy's tokenizer is quadratic on long runs of prefix/suffix punctuation"),
    ),
    pytest.param("1" * 8_000 + " " + BASE, id="8000-digit-number"),
]  # fmt: skip


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_robustness_pathological_text_reads_within_the_limit(extractor, text):
    with ArticleAlarm(PATHOLOGICAL_LIMIT_S) as alarm:
        outcome = extract_outcome(extractor, {"id": "p", "text": text}, 1, "articles", alarm)
    assert outcome.status == "ok", outcome.lines[0][:300]


def test_robustness_time_limit_turns_a_slow_article_into_an_error_record(extractor):
    started = time.monotonic()
    with ArticleAlarm(0.5) as alarm:
        outcome = extract_outcome(
            extractor, {"id": "slow", "text": '"' * 30_000 + BASE}, 1, "articles", alarm
        )
    assert time.monotonic() - started < 5
    record = json.loads(outcome.lines[0])
    assert (record["doc_id"], record["status"], record["error"]["type"]) == (
        "slow",
        "error",
        "ArticleTimeout",
    )
    assert "timed out" in record["error"]["message"]


def test_robustness_superscript_digits_are_not_counts():
    from extractor.components._lexicon import parse_number

    assert parse_number("¹") is None and parse_number("٣") is None and parse_number("42") == 42
