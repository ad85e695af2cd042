"""extractor.io.readers: which files become which items, and every unreadable input becomes an InputFailure.

No pipeline here: these tests read files only.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from extractor.errors import ArticleTooLarge, InputError
from extractor.io.readers import InputFailure, decode_bytes, estimate_total, iter_inputs

TEXT = "Two Il-76MD transports of the Russian Aerospace Forces landed at Hmeimim on Tuesday."
HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Il-76s land at Hmeimim | Example News</title>"
    "<meta property='article:published_time' content='2025-10-30T08:00:00Z'>"
    "<script>var note = 'An-124 to Tehran'; while (true) {}</script><style>p {color: red}</style></head>"
    "<body><nav>Home | World | Sport</nav><article><h1>Il-76s land at Hmeimim</h1>"
    f"<p>{TEXT} The flights came from Benghazi, tracking data showed.</p>"
    "<p>The aircraft had left Chkalovsky airfield near Moscow a day earlier, according to Flightradar24.</p>"
    "<script>document.write('C-17 to Ramstein')</script></article>"
    "<footer>Copyright 2025</footer></body></html>"
)


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def read(*paths: Path, max_chars: int | None = None) -> list:
    return list(iter_inputs([str(p) for p in paths], max_chars=max_chars))


# --- what each kind of file gives -----------------------------------------------------------------

GOOD_FILES = [
    ("a.txt", TEXT, {"id": "a", "text": TEXT}),
    ("2025-10-30-note.md", TEXT, {"id": "2025-10-30-note", "filename_date": "2025-10-30"}),
    ("one.json", json.dumps({"text": TEXT, "published": "2025-10-30"}), {"published": "2025-10-30"}),
    ("own-id.json", json.dumps({"id": "x7", "text": TEXT}), {"id": "x7"}),
    ("doc-id.json", json.dumps({"doc_id": "x8", "maintext": TEXT}), {"doc_id": "x8", "maintext": TEXT}),
    ("empty-id.json", json.dumps({"id": "", "text": TEXT}), {"id": "empty-id"}),
    ("bom.txt", b"\xef\xbb\xbf" + TEXT.encode(), {"text": TEXT}),
    ("utf16.txt", TEXT.encode("utf-16"), {"text": TEXT}),
    ("zurich.txt", "Flights to Zürich resumed.", {"text": "Flights to Zürich resumed."}),
]


@pytest.mark.parametrize("name, content, expected", GOOD_FILES, ids=[g[0] for g in GOOD_FILES])
def test_readers_read_one_article(tmp_path, name, content, expected):
    (item,) = read(write(tmp_path, name, content))
    assert isinstance(item, dict), item
    assert item["path"] == str(tmp_path / name)
    for key, value in expected.items():
        assert item[key] == value
    assert "warnings" not in item


def test_readers_sidecar_metadata(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "a.meta.json", json.dumps({"id": "A-1", "published": "2025-10-30", "title": "T"}))
    (item,) = read(path)
    assert (item["id"], item["published"], item["published_source"], item["title"]) == (
        "A-1", "2025-10-30", "metadata", "T")  # fmt: skip


def test_readers_json_list_and_folder_order(tmp_path):
    write(tmp_path, "b/list.json", json.dumps([{"text": TEXT}, {"id": "own", "text": TEXT}, 5]))
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "a.meta.json", "{}")
    write(tmp_path, ".hidden.txt", TEXT)
    write(tmp_path, "notes.csv", "x,y")
    items = read(tmp_path)
    ids = [i.doc_id if isinstance(i, InputFailure) else i["id"] for i in items]
    assert ids == ["a", "list-1", "own", "list-3"]
    assert isinstance(items[3], InputFailure) and "found int" in str(items[3].error)


def test_readers_jsonl_lines_ids_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": TEXT}),
        "",
        json.dumps({"id": "mine", "text": TEXT}),
        '{"text": "unterminated',
        "[1, 2]",
        b'{"text": "caf\xe9"}'.decode("latin-1"),
        json.dumps({"text": "x\ud800y"}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"maintext": TEXT, "date_publish": "2025-10-30 08:00:00"}),
    ]
    raw = "\n".join(lines).encode("utf-8").replace("café".encode(), b"caf\xe9")
    items = read(write(tmp_path, "feed.jsonl", raw))
    assert len(items) == 8
    ok = [i for i in items if isinstance(i, dict)]
    assert [i["id"] for i in ok] == ["feed:1", "mine", "feed:9"]
    failures = {i.doc_id: str(i.error) for i in items if isinstance(i, InputFailure)}
    assert "invalid JSON on line 4" in failures["feed:4"]
    assert "line 5 is not a JSON object" in failures["feed:5"]
    assert "invalid UTF-8 on line 6" in failures["feed:6"]
    assert "lone UTF-16 surrogate" in failures["feed:7"]
    assert "invalid JSON on line 8" in failures["feed:8"]


def test_readers_gzip_jsonl_and_text(tmp_path):
    feed = tmp_path / "feed.jsonl.gz"
    with gzip.open(feed, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": TEXT}) + "\n" + json.dumps({"text": TEXT}) + "\n")
    note = tmp_path / "note.txt.gz"
    note.write_bytes(gzip.compress(TEXT.encode()))
    items = read(tmp_path)
    assert [i["id"] for i in items] == ["feed:1", "feed:2", "note"]
    assert estimate_total([str(tmp_path)]) == 3


def test_readers_broken_gzip_keeps_the_lines_before(tmp_path):
    data = gzip.compress((json.dumps({"text": TEXT}) + "\n").encode() * 50)
    items = read(write(tmp_path, "cut.jsonl.gz", data[: len(data) // 2]))
    assert isinstance(items[-1], InputFailure) and "gzip" in str(items[-1].error)
    assert all(isinstance(i, dict) for i in items[:-1])


def test_readers_html_page(tmp_path):
    pytest.importorskip("trafilatura")
    (item,) = read(write(tmp_path, "2025-10-31-page.html", HTML))
    assert item["title"] == "Il-76s land at Hmeimim"
    assert (item["published"], item["published_source"]) == ("2025-10-30", "html")
    assert TEXT in item["text"]
    assert "An-124 to Tehran" not in item["text"] and "C-17 to Ramstein" not in item["text"]
    assert "Copyright" not in item["text"]


def test_readers_html_field_in_jsonl(tmp_path):
    pytest.importorskip("trafilatura")
    (item,) = read(write(tmp_path, "pages.jsonl", json.dumps({"id": "p1", "html": HTML})))
    assert item["id"] == "p1" and TEXT in item["text"] and "html" not in item
    assert item["published_source"] == "html"


def test_readers_html_without_the_extra_is_an_error_record(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'", name="trafilatura")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    (item,) = read(write(tmp_path, "page.html", HTML))
    assert isinstance(item, InputFailure)
    assert "html extra" in str(item.error) and "pip install" in str(item.error)


# --- files that cannot be read --------------------------------------------------------------------

BAD_FILES = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b" \n\t\n", "the file is empty"),
    ("binary.txt", bytes(range(256)) * 4, "not text"),
    ("controls.txt", b"\x01\x02\x03\x04" * 100 + b"abc", "not text"),
    ("broken-utf8.txt", "Zürich ".encode() + b"\xff\xfe" + " Rzeszów".encode(), "invalid UTF-8"),
    ("broken.json", b'{"text": "x"', "invalid JSON on line 1"),
    ("nested.json", b"[" * 50_000 + b"]" * 50_000, "invalid JSON"),
    ("empty-list.json", b"[]", "JSON list is empty"),
    ("page.html", b"", "the file is empty"),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text"),
]


@pytest.mark.parametrize("name, content, reason", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_readers_bad_file_becomes_a_failure(tmp_path, name, content, reason):
    (item,) = read(write(tmp_path, name, content))
    assert isinstance(item, InputFailure)
    assert item.doc_id == Path(name).stem
    assert isinstance(item.error, InputError)
    assert reason in str(item.error)


def test_readers_missing_path(tmp_path):
    (item,) = read(tmp_path / "nope.txt")
    assert isinstance(item, InputFailure) and "no such file" in str(item.error)


def test_readers_windows_1252_is_decoded_with_a_warning(tmp_path):
    (item,) = read(write(tmp_path, "old.txt", "L'avion est arrivé à Orly.".encode("cp1252")))
    assert item["text"] == "L'avion est arrivé à Orly."
    assert item["warnings"] == ["decoded as Windows-1252: the file is not UTF-8"]


@pytest.mark.parametrize(
    "raw, expected",
    [(b"abc\xc3", "abc"), ("é".encode("utf-16")[:-1], ""), (b"\xef\xbb\xbfabc", "abc")],
    ids=["utf8-cut-inside-a-character", "utf16-cut", "utf8-bom"],
)
def test_decode_bytes_drops_an_incomplete_tail(raw, expected):
    if not expected:
        with pytest.raises(InputError):
            decode_bytes(raw, "x")
        return
    assert decode_bytes(raw, "x") == (expected, None)


# --- size limits ----------------------------------------------------------------------------------


def test_readers_long_text_is_truncated_with_a_warning(tmp_path):
    path = write(tmp_path, "long.txt", "word " * 5_000)
    (item,) = read(path, max_chars=1_000)
    assert len(item["text"]) == 1_000
    assert item["warnings"][0].startswith("truncated:") and "25,000 bytes" in item["warnings"][0]


def test_readers_huge_text_file_is_read_only_up_to_the_limit(tmp_path):
    path = write(tmp_path, "huge.txt", b"a" * 3_000_000)
    (item,) = read(path, max_chars=10_000)
    assert len(item["text"]) == 10_000 and "3,000,000 bytes" in item["warnings"][0]


def test_readers_too_large_json_and_jsonl_line(tmp_path):
    big = json.dumps({"text": "a" * 1_200_000})
    (doc,) = read(write(tmp_path, "big.json", big), max_chars=10)
    small = json.dumps({"text": TEXT})
    lines = read(write(tmp_path, "big.jsonl", "\n".join([small, big, small])), max_chars=10)
    assert isinstance(doc, InputFailure) and isinstance(doc.error, ArticleTooLarge)
    assert [type(i).__name__ for i in lines] == ["dict", "InputFailure", "dict"]
    assert "line 2 is too large" in str(lines[1].error) and lines[2]["id"] == "big:3"
