"""Turn paths into article items: dicts with ``id``, ``text``, ``published``, ``title``, ``url``, ``path``.

Accepted:

* ``.jsonl`` / ``.ndjson`` (one article per line, our field names or news-please / CC-News names; a line may
  carry ``html`` instead of ``text``), read as a stream;
* ``.json`` (one article, or a list of articles);
* ``.txt`` / ``.md`` (one article; a sidecar ``<name>.meta.json`` gives its metadata);
* ``.html`` / ``.htm`` (one page; main text, title and publication date through the ``html`` extra);
* any of these compressed with gzip (``.jsonl.gz``, ``.txt.gz`` ...);
* folders (recursive, in sorted order) and ``-`` (JSONL on stdin).

Every item has a non-empty ``id``: the article's own ``id`` / ``doc_id``, else the file's stem,
``<stem>-<n>`` for the n-th article of a JSON list, or ``<stem>:<line>`` for a JSONL line. The batch layer
relies on it to resume.

Anything that cannot be read becomes an :class:`InputFailure` in the stream, in its place, so that the batch
layer writes an ``error`` record for it: an empty file, binary content, text in no known encoding, invalid
UTF-8 or invalid JSON on line N, a document too large to read. Text files are decoded as UTF-8 (with or
without a BOM), UTF-16/32 with a BOM, else Windows-1252 when the bytes hold no UTF-8 sequence at all (old
Western files), with a warning on the record. JSON and JSONL are UTF-8 (RFC 8259).

``max_chars`` bounds memory: a text or HTML file is read up to ``4 * max_chars`` bytes and its text cut to
``max_chars`` characters with a warning on the record; a JSON document or JSONL line over ``8 * max_chars``
bytes (at least 1 MiB) becomes an error ("too large") without being parsed.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import ArticleTooLarge, InputError
from .html import read_html

TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
COMPRESSED_SUFFIX = ".gz"
META_SUFFIX = ".meta.json"
#: without ``max_chars``: the largest file read whole, and the largest JSONL line
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_MIN_DOCUMENT_BYTES = 1024 * 1024
_FILENAME_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
#: one well-formed UTF-8 multi-byte sequence: its presence means "UTF-8 with errors", not a legacy encoding
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
#: C0/C1 control characters other than tab, newlines and form feed: many of them mean binary content
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SAMPLE = 8192
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_CONTROL_RATIO = 0.05


@dataclass
class InputFailure:
    """An input that could not be read; becomes an ``error`` record with this ``doc_id``."""

    doc_id: str
    path: str | None
    error: Exception


@dataclass(frozen=True)
class _Limits:
    """``text_bytes``: read at most this much of a text/HTML file; ``document_bytes``: refuse larger JSON."""

    max_chars: int | None
    text_bytes: int
    document_bytes: int

    @classmethod
    def from_max_chars(cls, max_chars: int | None) -> _Limits:
        if max_chars is None:
            return cls(None, DEFAULT_MAX_BYTES, DEFAULT_MAX_BYTES)
        if max_chars < 1:
            raise ValueError(f"max_chars: expected a positive number, found {max_chars}")
        return cls(max_chars, 4 * max_chars, max(8 * max_chars, _MIN_DOCUMENT_BYTES))


def iter_inputs(paths: Iterable[str], *, max_chars: int | None = None) -> Iterator[dict | InputFailure]:
    """Items (or failures) from files, folders and ``-``, in order; reads lazily, one file at a time."""
    limits = _Limits.from_max_chars(max_chars)
    for raw in paths:
        if raw == "-":
            yield from _read_jsonl_stream(sys.stdin.buffer, "<stdin>", "stdin", limits)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in _folder_files(path):
                yield from _read_file(child, limits)
        elif path.exists():
            yield from _read_file(path, limits)
        else:
            yield InputFailure(str(path), str(path), InputError(f"{path}: no such file or folder"))


def estimate_total(paths: Iterable[str]) -> int | None:
    """How many articles ``iter_inputs`` will yield, for a progress bar: files count one, JSONL counts its
    non-blank lines (read, not parsed), a JSON list counts one. None when reading stdin."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = _folder_files(path) if path.is_dir() else [path]
        for file in files:
            if _kind(file) == "jsonl":
                total += _count_lines(file)
            else:
                total += 1
    return total


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not p.name.startswith(".")
        and not p.name.endswith(META_SUFFIX)
        and _kind(p) is not None
    )


def _kind(path: Path) -> str | None:
    """``jsonl``, ``json``, ``html``, ``text`` or None (not an input), from the suffix under any ``.gz``."""
    suffix = _inner_suffix(path)
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == COMPRESSED_SUFFIX:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _stem(path: Path) -> str:
    """``a/b/2025-10-30-x.jsonl.gz`` -> ``2025-10-30-x``."""
    name = path.name
    if name.lower().endswith(COMPRESSED_SUFFIX):
        name = name[: -len(COMPRESSED_SUFFIX)]
    return Path(name).stem


def _compressed(path: Path) -> bool:
    return path.name.lower().endswith(COMPRESSED_SUFFIX)


def _open_binary(path: Path) -> IO[bytes]:
    if _compressed(path):
        return gzip.open(path, "rb")  # type: ignore[return-value]  # GzipFile is a binary file object
    return path.open("rb")


def _count_lines(path: Path) -> int:
    count = 0
    try:
        with _open_binary(path) as handle:
            for line in handle:
                count += bool(line.strip())
    except (OSError, EOFError, zlib.error):
        count = max(count, 1)
    return count


def filename_date(path: Path) -> str | None:
    match = _FILENAME_DATE.search(path.name)
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None


def _read_file(path: Path, limits: _Limits) -> Iterator[dict | InputFailure]:
    kind = _kind(path) or "text"
    stem = _stem(path)
    try:
        if kind == "jsonl":
            with _open_binary(path) as handle:
                yield from _read_jsonl_stream(handle, str(path), stem, limits)
            return
        if kind == "json":
            raw, size = _read_bytes(path, limits.document_bytes)
            if size > limits.document_bytes:
                raise ArticleTooLarge(f"{path}: too large ({_size(size, limits.document_bytes, path)}; "
                                      f"the limit is {limits.document_bytes:,} bytes)")  # fmt: skip
            yield from _read_json(raw, path, stem)
            return
        raw, size = _read_bytes(path, limits.text_bytes)
        if kind == "html":
            yield _html_item(raw, size, path, stem, limits)
        else:
            yield _text_item(raw, size, path, stem, limits)
    except InputError as exc:
        yield InputFailure(stem, str(path), exc)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputFailure(stem, str(path), InputError(f"{path}: not a valid gzip file ({exc})"))
    except OSError as exc:
        yield InputFailure(stem, str(path), InputError(f"{path}: cannot read ({exc.strerror or exc})"))


def _read_bytes(path: Path, limit: int) -> tuple[bytes, int]:
    """The first ``limit`` bytes and the size: the file's, or for gzip ``limit + 1`` when there is more."""
    with _open_binary(path) as handle:
        raw = handle.read(limit + 1)
    size = len(raw) if _compressed(path) or len(raw) <= limit else path.stat().st_size
    return raw[:limit], size


def _size(size: int, limit: int, path: Path | str) -> str:
    """The size for a message: "20,971,520 bytes", or for a cut gzip file "more than 8,000,000 bytes"."""
    if str(path).lower().endswith(COMPRESSED_SUFFIX) and size > limit:
        return f"more than {limit:,} bytes"
    return f"{size:,} bytes"


def decode_bytes(raw: bytes, name: str | Path) -> tuple[str, str | None]:
    """Bytes of a text file -> (text, warning or None). Raises :class:`InputError` for empty, binary or
    undecodable content, saying what was found.

    UTF-8 (BOM optional); UTF-16/32 with a BOM; else Windows-1252 when the bytes hold no UTF-8 multi-byte
    sequence. A file cut by a byte limit may end inside a character: the incomplete tail is dropped.
    """
    if not raw.strip():
        raise InputError(f"{name}: the file is empty")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if raw.startswith(bom):
            try:
                text = codecs.getincrementaldecoder(encoding)().decode(raw, final=False)
            except UnicodeDecodeError as exc:
                message = f"{name}: invalid {encoding.upper()} ({exc.reason} at byte {exc.start})"
                raise InputError(message) from exc
            return _checked_text(text, name), None
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name}: not text (binary content: NUL bytes and no UTF-16/32 byte-order mark)")
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(raw, final=False)
    except UnicodeDecodeError as exc:
        bad = raw[exc.start]
        if _UTF8_SEQUENCE.search(raw):
            raise InputError(
                f"{name}: invalid UTF-8 (byte 0x{bad:02X} at offset {exc.start}; elsewhere the file is UTF-8)"
            ) from exc
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                f"{name}: not text in a known encoding (invalid UTF-8 byte 0x{bad:02X} at offset "
                f"{exc.start}, and not Windows-1252 either); convert it to UTF-8"
            ) from exc
        return _checked_text(text, name), "decoded as Windows-1252: the file is not UTF-8"
    return _checked_text(text, name), None


def _checked_text(text: str, name: str | Path) -> str:
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    sample = text[:_CONTROL_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if controls > _MAX_CONTROL_RATIO * len(sample):
        raise InputError(f"{name}: not text ({controls} control characters in the first {len(sample)})")
    return text


def _truncation(text: str, size: int, limits: _Limits, name: str) -> tuple[str, list[str]]:
    """Cut ``text`` to ``max_chars`` (also when the file was cut at ``text_bytes``) with a warning."""
    cut_bytes = size > limits.text_bytes
    if limits.max_chars is not None and (cut_bytes or len(text) > limits.max_chars):
        text = text[: limits.max_chars]
        return text, [f"truncated: {name} has {_size(size, limits.text_bytes, name)}, more than --max-chars "
                      f"allows; read the first {len(text):,} characters"]  # fmt: skip
    if cut_bytes:
        return text, [f"truncated: {name} has {_size(size, limits.text_bytes, name)}; "
                      f"read the first {limits.text_bytes:,}"]  # fmt: skip
    return text, []


def _text_item(raw: bytes, size: int, path: Path, stem: str, limits: _Limits) -> dict:
    text, warning = decode_bytes(raw, path)
    text, warnings = _truncation(text, size, limits, str(path))
    if warning:
        warnings.insert(0, warning)
    item: dict = {"id": stem, "text": text, "path": str(path)}
    if warnings:
        item["warnings"] = warnings
    meta_path = path.with_name(stem + META_SUFFIX)
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
            raise InputError(f"{meta_path}: invalid metadata JSON ({exc})") from exc
        if not isinstance(meta, dict):
            raise InputError(f"{meta_path}: expected a JSON object, found {type(meta).__name__}")
        for key in ("id", "title", "url", "published", "date_publish"):
            if meta.get(key) not in (None, ""):
                item["published" if key == "date_publish" else key] = meta[key]
        if item.get("published"):
            item["published_source"] = "metadata"
    found = filename_date(path)
    if found:
        item["filename_date"] = found
    return item


def _html_item(raw: bytes, size: int, path: Path, stem: str, limits: _Limits) -> dict:
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    if b"\x00" in raw[:8192] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{path}: not text (binary content)")
    page = read_html(raw, name=str(path))
    text, warnings = _truncation(page.text, size, limits, str(path))
    item: dict = {"id": stem, "text": text, "path": str(path)}
    if page.title:
        item["title"] = page.title
    if page.published:
        item["published"] = page.published
        item["published_source"] = "html"
    if warnings:
        item["warnings"] = warnings
    found = filename_date(path)
    if found:
        item["filename_date"] = found
    return item


def _with_default_id(article: dict, default_id: str) -> dict:
    """The article's own ``id`` / ``doc_id`` when it has a non-empty one, else ``default_id``."""
    if article.get("id") not in (None, "") or article.get("doc_id") not in (None, ""):
        return dict(article)
    item = {key: value for key, value in article.items() if key not in ("id", "doc_id")}
    return {"id": default_id, **item}


def _item_id(item: dict) -> str:
    value = item.get("id")
    return str(value if value not in (None, "") else item.get("doc_id"))


def _from_html_field(item: dict, name: str) -> dict:
    """A JSONL/JSON article that carries ``html`` and no text: read the page."""
    if item.get("text") not in (None, "") or item.get("maintext") not in (None, ""):
        return item
    html = item.get("html")
    if not isinstance(html, str) or not html.strip():
        return item
    page = read_html(html, name=name, url=item.get("url") if isinstance(item.get("url"), str) else None)
    out = {key: value for key, value in item.items() if key != "html"}
    out["text"] = page.text
    if page.title and not out.get("title"):
        out["title"] = page.title
    if page.published and not (out.get("published") or out.get("date_publish") or out.get("date")):
        out["published"] = page.published
        out["published_source"] = "html"
    return out


def _read_json(raw: bytes, path: Path, stem: str) -> Iterator[dict | InputFailure]:
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        message = f"{path}: invalid UTF-8 (byte 0x{raw[exc.start]:02X} at offset {exc.start})"
        raise InputError(message) from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: invalid JSON on line {exc.lineno} ({exc.msg})") from exc
    except RecursionError as exc:
        raise InputError(f"{path}: invalid JSON (nested too deeply)") from exc
    articles = data if isinstance(data, list) else [data]
    if not articles:
        raise InputError(f"{path}: the JSON list is empty")
    for n, article in enumerate(articles, 1):
        default_id = stem if len(articles) == 1 else f"{stem}-{n}"
        if not isinstance(article, dict):
            found = type(article).__name__
            yield InputFailure(
                default_id, str(path), InputError(f"{path}: expected an article object, found {found}")
            )
            continue
        item = {**_with_default_id(article, default_id), "path": str(path)}
        field = _lone_surrogate_field(item)
        if field:
            message = f"{path}: invalid Unicode (a lone UTF-16 surrogate escape in {field!r})"
            yield InputFailure(default_id, str(path), InputError(message))
            continue
        try:
            yield _from_html_field(item, str(path))
        except InputError as exc:
            yield InputFailure(_item_id(item), str(path), exc)


def _read_jsonl_stream(
    handle: IO[bytes], name: str, stem: str, limits: _Limits
) -> Iterator[dict | InputFailure]:
    """One item per non-blank line; a bad line becomes a failure and reading goes on with the next one."""
    lineno = 0
    max_line = limits.document_bytes
    while True:
        doc_id = f"{stem}:{lineno + 1}"
        try:
            raw = handle.readline(max_line + 1)
            if len(raw) > max_line and not raw.endswith(b"\n"):
                lineno += 1
                _skip_rest_of_line(handle)
                message = f"{name}: line {lineno} is too large (more than {max_line:,} bytes)"
                yield InputFailure(doc_id, name, ArticleTooLarge(message))
                continue
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            message = f"{name}: not a valid gzip file after line {lineno} ({exc})"
            yield InputFailure(doc_id, name, InputError(message))
            return
        except OSError as exc:
            yield InputFailure(doc_id, name, InputError(f"{name}: cannot read after line {lineno} ({exc})"))
            return
        if not raw:
            return
        lineno += 1
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        article, problem = _parse_line(raw)
        if article is None:
            yield InputFailure(doc_id, name, InputError(f"{name}: {str(problem).format(line=lineno)}"))
            continue
        item = _with_default_id(article, doc_id)
        item.setdefault("path", name)
        try:
            yield _from_html_field(item, f"{name}:{lineno}")
        except InputError as exc:
            yield InputFailure(_item_id(item), name, exc)


def _parse_line(raw: bytes) -> tuple[dict, None] | tuple[None, str]:
    """One JSONL line -> (article, None) or (None, what is wrong with line {line})."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"invalid UTF-8 on line {{line}} (byte 0x{raw[exc.start]:02X} at column {exc.start + 1})"
    try:
        article = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON on line {{line}} ({exc.msg})"
    except RecursionError:
        return None, "invalid JSON on line {line} (nested too deeply)"
    if not isinstance(article, dict):
        return None, f"line {{line}} is not a JSON object (found {type(article).__name__})"
    if b"\\ud" in raw or b"\\uD" in raw:
        field = _lone_surrogate_field(article)
        if field:
            return None, f"invalid Unicode on line {{line}} (a lone UTF-16 surrogate escape in {field!r})"
    return article, None


def _lone_surrogate_field(article: dict) -> str | None:
    """The first top-level string field with a lone surrogate (JSON allows "\\ud800"; UTF-8 does not)."""
    for key, value in article.items():
        if isinstance(value, str) and _SURROGATE.search(value):
            return key
    return None


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return
