"""JSONL writers: one JSON object per line, flushed per record so a killed run leaves a valid prefix."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import models


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
