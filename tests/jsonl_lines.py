"""A test helper for the rule-data checks: every non-blank line of a JSONL file with its line number."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

Line = tuple[int, Any]


def read_lines(path: Path) -> list[Line]:
    """(line number, parsed JSON or the JSONDecodeError) for every non-blank line of ``path``."""
    lines: list[Line] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                lines.append((lineno, json.loads(raw)))
            except json.JSONDecodeError as exc:
                lines.append((lineno, exc))
    return lines
