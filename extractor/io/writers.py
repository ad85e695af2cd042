"""JSONL writers: one JSON object per line, written whole and flushed per article, so that a killed run
leaves a valid prefix (at worst a partial last line, which :func:`recover_output` drops before a resumed run
appends).
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import models

from ..errors import UsageError

_READ_BLOCK = 1 << 16


def record_lines(record: models.ArticleRecord, fmt: str = "articles") -> list[str]:
    """``articles``: the record; ``events``: one flat line per event with its ``doc_id`` (for analysts)."""
    if fmt == "articles":
        return [record.model_dump_json()]
    lines = []
    for event in record.events:
        row = {"doc_id": record.doc_id, "published": record.published.value, "title": record.title,
               **event.model_dump(mode="json")}  # fmt: skip
        lines.append(json.dumps(row, ensure_ascii=False))
    return lines


@contextmanager
def open_writer(path: str | None, *, append: bool = False) -> Iterator[IO[str]]:
    if path in (None, "-"):
        yield sys.stdout
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("a" if append else "w", encoding="utf-8") as handle:
        yield handle


class JsonlOutput:
    """Writes whole lines to a file (``-``: stdout): each :meth:`write` is one unbuffered ``write(2)`` of
    complete lines, so a ``kill -9`` between two calls leaves only whole lines behind."""

    def __init__(self, path: str | None, *, append: bool = False) -> None:
        self.path = None if path in (None, "-") else Path(path)
        self._fd: int | None = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self._fd = os.open(self.path, flags, 0o644)

    def write(self, lines: list[str]) -> None:
        if not lines:
            return
        data = "".join(line + "\n" for line in lines).encode("utf-8", "surrogatepass")
        if self._fd is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> JsonlOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def recover_output(path: str | Path) -> tuple[Counter[str], int]:
    """Prepare an article-format output for ``--resume``: drop a partial last line (a run killed mid-write),
    then count the ``doc_id`` of every complete line.

    Returns (doc_id -> how many records, bytes dropped). Raises :class:`UsageError` when a complete line is
    not a JSON object with a ``doc_id``: the file is not an ``extractor extract`` output in articles format.
    """
    target = Path(path)
    dropped = _drop_partial_line(target)
    done: Counter[str] = Counter()
    with target.open("rb") as handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
                message = f"{target}: line {lineno} is not JSON ({exc}); cannot resume into this file"
                raise UsageError(message) from exc
            doc_id = record.get("doc_id") if isinstance(record, dict) else None
            if not isinstance(doc_id, str) or "status" not in record:
                raise UsageError(
                    f"{target}: line {lineno} is not an article record (expected an object with doc_id and "
                    "status); --resume needs an output written with --format articles"
                )
            done[doc_id] += 1
    return done, dropped


def _drop_partial_line(path: Path) -> int:
    """Truncate ``path`` after its last newline; return how many bytes were dropped."""
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb") as handle:
        position = size
        while position > 0:
            start = max(0, position - _READ_BLOCK)
            handle.seek(start)
            block = handle.read(position - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            position = start
        else:
            keep = 0
    if keep < size:
        os.truncate(path, keep)
    return size - keep
