"""Turn paths into article items: dicts with ``id``, ``text``, ``published``, ``title``, ``url``, ``path``.

Accepted: ``.jsonl`` (one article per line, our field names or news-please / CC-News names), ``.json`` (one
article, or a list of articles), ``.txt`` / ``.md`` (one article; a sidecar ``<name>.meta.json`` gives its
metadata), folders (recursive, in sorted order), and ``-`` (JSONL on stdin). Anything that cannot be read becomes an
:class:`InputFailure` in the stream, in its place, so the batch layer writes an ``error`` record for it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_SUFFIX = ".meta.json"
_FILENAME_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass
class InputFailure:
    """An input that could not be read; becomes an ``error`` record with this ``doc_id``."""

    doc_id: str
    path: str | None
    error: Exception


def iter_inputs(paths: Iterable[str]) -> Iterator[dict | InputFailure]:
    for raw in paths:
        if raw == "-":
            yield from _read_jsonl_lines(sys.stdin, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.endswith(META_SUFFIX) or child.name.startswith("."):
                    continue
                if _readable_suffix(child):
                    yield from _read_file(child)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield InputFailure(str(path), str(path), InputError(f"{path}: no such file or folder"))


def _readable_suffix(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES


def filename_date(path: Path) -> str | None:
    match = _FILENAME_DATE.search(path.name)
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None


def _read_file(path: Path) -> Iterator[dict | InputFailure]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open(encoding="utf-8", errors="strict") as handle:
                yield from _read_jsonl_lines(handle, str(path))
            return
        raw = path.read_bytes()
        text = decode_bytes(raw, path)
        if suffix in JSON_SUFFIXES:
            yield from _read_json(text, path)
        else:
            yield _text_item(text, path)
    except UnicodeDecodeError as exc:
        yield InputFailure(path.stem, str(path), InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"))
    except InputError as exc:
        yield InputFailure(path.stem, str(path), exc)
    except OSError as exc:
        yield InputFailure(path.stem, str(path), InputError(f"{path}: cannot read ({exc.strerror})"))


def decode_bytes(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else UTF-16 with a BOM; a clear error for binary or undecodable files."""
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path}: not text (binary content)")
    return raw.decode("utf-8-sig")


def _text_item(text: str, path: Path) -> dict:
    item: dict = {"id": path.stem, "text": text, "path": str(path)}
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{meta_path}: invalid metadata JSON ({exc})") from exc
        if not isinstance(meta, dict):
            raise InputError(f"{meta_path}: expected a JSON object")
        for key in ("id", "title", "url", "published", "date_publish"):
            if meta.get(key) not in (None, ""):
                item["published" if key == "date_publish" else key] = meta[key]
        if item.get("published"):
            item["published_source"] = "metadata"
    found = filename_date(path)
    if found:
        item["filename_date"] = found
    return item


def _read_json(text: str, path: Path) -> Iterator[dict | InputFailure]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"{path}: invalid JSON ({getattr(exc, 'msg', 'too deeply nested')})") from exc
    articles = data if isinstance(data, list) else [data]
    for n, article in enumerate(articles, 1):
        default_id = path.stem if len(articles) == 1 else f"{path.stem}-{n}"
        if not isinstance(article, dict):
            yield InputFailure(default_id, str(path), InputError(f"{path}: expected an article object"))
            continue
        yield {"id": default_id, **article, "path": str(path)}


def _read_jsonl_lines(handle, name: str) -> Iterator[dict | InputFailure]:
    stem = Path(name).stem if not name.startswith("<") else "stdin"
    lineno = 0
    while True:
        try:
            line = handle.readline()
        except UnicodeDecodeError as exc:
            yield InputFailure(f"{stem}:{lineno + 1}", name, InputError(f"{name}: not UTF-8 text after line {lineno}"))
            _ = exc
            return
        if not line:
            return
        lineno += 1
        if not line.strip():
            continue
        doc_id = f"{stem}:{lineno}"
        try:
            article = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            message = getattr(exc, "msg", "too deeply nested")
            yield InputFailure(doc_id, name, InputError(f"{name}: invalid JSON on line {lineno} ({message})"))
            continue
        if not isinstance(article, dict):
            yield InputFailure(doc_id, name, InputError(f"{name}: line {lineno} is not a JSON object"))
            continue
        item = {"id": doc_id, **article}
        item.setdefault("path", name)
        yield item
