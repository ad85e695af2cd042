"""Rule data: JSONL files, one rule or gazetteer entry per line, each with a stable ``id``.

``load_jsonl(name, required=...)`` validates each line and raises :class:`~extractor.errors.ResourceError`
naming ``file:line`` on the first problem.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from ..errors import ResourceError

RESOURCE_DIR = Path(__file__).parent


def resource_path(name: str) -> Path:
    """A bare file name is looked up in this folder; a path (``/data/my_aircraft.jsonl``) is used as it is."""
    candidate = Path(name)
    if candidate.is_absolute() or len(candidate.parts) > 1:
        return candidate
    return RESOURCE_DIR / name


@cache
def load_jsonl(name: str, required: tuple[str, ...] = ("id",)) -> tuple[dict, ...]:
    """Read ``resources/<name>``: one JSON object per line; blank lines and ``//`` comment lines are skipped."""
    path = resource_path(name)
    if not path.exists():
        raise ResourceError(f"{path}: resource file is missing")
    rows: list[dict] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            stripped = line.strip()
            if not stripped or stripped.startswith("//"):
                continue
            try:
                row = json.loads(stripped)
            except json.JSONDecodeError as exc:
                raise ResourceError(
                    f"{path}:{lineno}: expected a JSON object, found invalid JSON ({exc.msg})"
                ) from exc
            if not isinstance(row, dict):
                raise ResourceError(f"{path}:{lineno}: expected a JSON object, found {type(row).__name__}")
            missing = [key for key in required if key not in row]
            if missing:
                raise ResourceError(f"{path}:{lineno}: missing required key(s) {missing}")
            rule_id = row.get("id")
            if rule_id is not None:
                if rule_id in seen:
                    raise ResourceError(f"{path}:{lineno}: duplicate id {rule_id!r}")
                seen.add(rule_id)
            rows.append(row)
    return tuple(rows)


def written_out_designator(name: str) -> tuple[str, str | None] | None:
    """A US Navy or Marine Corps squadron designator written out, with its country, from
    ``unit_designators.jsonl``: "VP-26" -> ("Patrol Squadron 26", "US"); None for any other name."""
    prefix, _, number = name.strip().partition("-")
    if not (number.isdigit() and len(number) <= 3 and prefix.isupper()):
        return None
    row = _designators().get(prefix)
    return (f"{row['name']} {number}", row.get("country")) if row else None


@cache
def _designators() -> dict[str, dict]:
    return {row["designator"]: row for row in load_jsonl("unit_designators.jsonl")}
