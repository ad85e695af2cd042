"""Check the corpus gold annotations against the article texts.

Reads every ``corpus/gold/*.jsonl`` file (``<split>.jsonl`` or ``<split>.<tag>.jsonl``) and, for each line,
the article it names at ``corpus/<path>`` (plus the ``.meta.json`` beside it when present). Writes nothing;
prints one ``file:line: problem`` per failure and a summary.

Checked for every gold line:

- the line is a JSON object with the required top-level keys, and every event has the required event keys;
- ``split`` equals the split in the gold file's name and the ``articles/<split>/`` folder of ``path``;
- ``doc_id`` equals the article's file name (without ``.txt``) and is unique across all gold files;
- the article file exists; every object anywhere in the record that has a ``span`` has ``0 <= start <= end <=
  len(article)``, and where it also has ``text``, ``text == article[start:end]``;
- enumerated fields (``action``, ``modality``, place ``kind``, timex ``type``, source ``kind``) hold known values;
- ``negative`` is true exactly when ``events`` is empty; attribution ``events`` indices point into ``events``;
- ``published`` is ``YYYY-MM-DD`` or null and agrees with the meta file (a dateline-derived date is marked
  ``"published_source": "dateline"``).

Usage: ``python corpus/scripts/validate_gold.py [corpus_dir]``; exit status 0 when every check passes, else 1.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS_DIR = Path(__file__).resolve().parent.parent

REQUIRED_RECORD_KEYS = (
    "doc_id",
    "split",
    "path",
    "published",
    "negative",
    "events",
    "sources",
    "attributions",
    "timexes",
)
REQUIRED_EVENT_KEYS = (
    "action",
    "aircraft",
    "operator",
    "origin",
    "destination",
    "via",
    "date",
    "dates",
    "count",
    "modality",
    "sources",
    "evidence",
)
REQUIRED_AIRCRAFT_KEYS = ("text", "span", "model", "family", "icao_type", "quantity")
REQUIRED_PLACE_KEYS = ("text", "span", "name", "kind", "country", "icao", "iata")
REQUIRED_TIMEX_KEYS = ("text", "span", "type", "value")
REQUIRED_SOURCE_KEYS = ("text", "span", "name", "kind")

# Mirrors the Literal types in models/__init__.py; kept here so the script runs without the package installed.
ACTIONS = frozenset({"departure", "arrival", "flight", "return", "deployment", "diversion", "transit", "other"})
MODALITIES = frozenset({"asserted", "hedged", "planned", "negated"})
PLACE_KINDS = frozenset({"airport", "airbase", "city", "region", "country", "ship", "other"})
TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
SOURCE_KINDS = frozenset({"media", "flight_tracker", "official", "anonymous", "imagery", "social_media", "other"})
PUBLISHED_SOURCES = frozenset({"dateline", "metadata"})

GOLD_FILE_RE = re.compile(r"^(?P<split>[a-z]+)(?:\.(?P<tag>[A-Za-z0-9_-]+))?\.jsonl$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Report:
    """What a validation run found: failures as ``file:line: problem`` strings, plus counts for the summary."""

    problems: list[str] = field(default_factory=list)
    files: int = 0
    records: int = 0
    events: int = 0
    spans: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _walk_spans(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(json_path, obj)`` for every dict under ``node`` that carries a ``span`` key."""
    if isinstance(node, dict):
        if "span" in node:
            yield where, node
        for key, value in node.items():
            yield from _walk_spans(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk_spans(value, f"{where}[{i}]")


def _check_span(obj: dict[str, Any], where: str, text: str) -> str | None:
    """Return a problem string if ``obj['span']`` is malformed, out of range or disagrees with ``obj['text']``."""
    span = obj["span"]
    if (
        not isinstance(span, list)
        or len(span) != 2
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in span)
    ):
        return f"{where}.span: expected [start, end] of two ints, found {span!r}"
    start, end = span
    if not 0 <= start <= end <= len(text):
        return f"{where}.span: expected 0 <= start <= end <= {len(text)}, found {span!r}"
    if "text" in obj:
        found = text[start:end]
        if obj["text"] != found:
            return f"{where}: text {obj['text']!r} != article[{start}:{end}] {found!r}"
    return None


def _missing(obj: Any, keys: tuple[str, ...], where: str) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: expected an object, found {type(obj).__name__}"]
    return [f"{where}: missing key {k!r}" for k in keys if k not in obj]


def _check_enum(value: Any, allowed: frozenset[str], where: str) -> list[str]:
    if value not in allowed:
        return [f"{where}: expected one of {sorted(allowed)}, found {value!r}"]
    return []


def _check_place(place: Any, where: str) -> list[str]:
    if place is None:
        return []
    problems = _missing(place, REQUIRED_PLACE_KEYS, where)
    if isinstance(place, dict) and "kind" in place:
        problems += _check_enum(place["kind"], PLACE_KINDS, f"{where}.kind")
    return problems


def _check_timex(timex: Any, where: str) -> list[str]:
    if timex is None:
        return []
    problems = _missing(timex, REQUIRED_TIMEX_KEYS, where)
    if isinstance(timex, dict) and "type" in timex:
        problems += _check_enum(timex["type"], TIMEX_TYPES, f"{where}.type")
    return problems


def _check_event(event: Any, where: str) -> list[str]:
    """Structural checks on one gold event (spans are checked separately)."""
    problems = _missing(event, REQUIRED_EVENT_KEYS, where)
    if not isinstance(event, dict):
        return problems
    if "action" in event:
        problems += _check_enum(event["action"], ACTIONS, f"{where}.action")
    if "modality" in event:
        problems += _check_enum(event["modality"], MODALITIES, f"{where}.modality")
    aircraft = event.get("aircraft", [])
    if not isinstance(aircraft, list) or not aircraft:
        problems.append(f"{where}.aircraft: expected a non-empty list, found {aircraft!r}")
    else:
        for i, craft in enumerate(aircraft):
            problems += _missing(craft, REQUIRED_AIRCRAFT_KEYS, f"{where}.aircraft[{i}]")
    operator = event.get("operator")
    if operator is not None:
        problems += _missing(operator, ("text", "span", "name", "country"), f"{where}.operator")
    problems += _check_place(event.get("origin"), f"{where}.origin")
    problems += _check_place(event.get("destination"), f"{where}.destination")
    for i, place in enumerate(event.get("via") or []):
        problems += _check_place(place, f"{where}.via[{i}]")
    problems += _check_timex(event.get("date"), f"{where}.date")
    for i, timex in enumerate(event.get("dates") or []):
        problems += _check_timex(timex, f"{where}.dates[{i}]")
    count = event.get("count")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
        problems.append(f"{where}.count: expected null or a positive int, found {count!r}")
    sources = event.get("sources")
    if "sources" in event and not (isinstance(sources, list) and all(isinstance(s, str) for s in sources)):
        problems.append(f"{where}.sources: expected a list of canonical names, found {sources!r}")
    evidence = event.get("evidence")
    if "evidence" in event:
        problems += _missing(evidence, ("span", "text"), f"{where}.evidence")
    return problems


def _check_published(record: dict[str, Any], meta: dict[str, Any] | None) -> list[str]:
    published = record.get("published")
    if published is not None and not (isinstance(published, str) and DATE_RE.match(published)):
        return [f"published: expected YYYY-MM-DD or null, found {published!r}"]
    published_source = record.get("published_source")
    if published_source is not None and published_source not in PUBLISHED_SOURCES:
        return [f"published_source: expected one of {sorted(PUBLISHED_SOURCES)}, found {published_source!r}"]
    if meta is None:
        return []
    meta_published = meta.get("published")
    if meta_published is not None:
        if published != meta_published:
            return [f"published: gold {published!r} != meta {meta_published!r}"]
    elif published is not None and published_source != "dateline":
        return [f"published: meta has no date, so gold {published!r} needs \"published_source\": \"dateline\""]
    return []


def check_record(
    record: Any, corpus_dir: Path, file_split: str, seen_ids: dict[str, str], location: str, report: Report
) -> list[str]:
    """Return the problems of one gold line; ``seen_ids`` maps doc_id -> first location and is updated."""
    if not isinstance(record, dict):
        return [f"expected a JSON object, found {type(record).__name__}"]
    problems = _missing(record, REQUIRED_RECORD_KEYS, "record")
    doc_id = record.get("doc_id")
    split = record.get("split")
    path = record.get("path")

    if split is not None and split != file_split:
        problems.append(f"split: gold file is for split {file_split!r}, record says {split!r}")
    if isinstance(doc_id, str):
        if doc_id in seen_ids:
            problems.append(f"doc_id {doc_id!r} already used at {seen_ids[doc_id]}")
        else:
            seen_ids[doc_id] = location

    text: str | None = None
    meta: dict[str, Any] | None = None
    if isinstance(path, str):
        parts = Path(path).parts
        if len(parts) != 3 or parts[0] != "articles" or not parts[2].endswith(".txt"):
            problems.append(f"path: expected 'articles/<split>/<id>.txt', found {path!r}")
        else:
            if parts[1] != file_split or (split is not None and parts[1] != split):
                problems.append(f"path: folder {parts[1]!r} does not match split {split or file_split!r}")
            if doc_id is not None and parts[2][: -len(".txt")] != doc_id:
                problems.append(f"doc_id {doc_id!r} does not match file name {parts[2]!r}")
        article = corpus_dir / path
        if article.is_file():
            text = article.read_text(encoding="utf-8")
        else:
            problems.append(f"path: article file {article} not found")
        meta_path = article.with_suffix(".meta.json")
        if meta_path.is_file():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                problems.append(f"meta: {meta_path.name} is not valid JSON ({exc})")
            if isinstance(meta, dict) and meta.get("id") != doc_id:
                problems.append(f"meta: id {meta.get('id')!r} != doc_id {doc_id!r}")
    elif path is not None:
        problems.append(f"path: expected a string, found {path!r}")

    problems += _check_published(record, meta if isinstance(meta, dict) else None)

    events = record.get("events")
    if isinstance(events, list):
        report.events += len(events)
        for i, event in enumerate(events):
            problems += _check_event(event, f"events[{i}]")
        negative = record.get("negative")
        if negative is not None and bool(negative) != (not events):
            problems.append(f"negative is {negative!r} but the record has {len(events)} event(s)")
    elif events is not None:
        problems.append(f"events: expected a list, found {type(events).__name__}")

    for i, source in enumerate(record.get("sources") or []):
        problems += _missing(source, REQUIRED_SOURCE_KEYS, f"sources[{i}]")
        if isinstance(source, dict) and "kind" in source:
            problems += _check_enum(source["kind"], SOURCE_KINDS, f"sources[{i}].kind")
    n_events = len(events) if isinstance(events, list) else 0
    for i, attribution in enumerate(record.get("attributions") or []):
        problems += _missing(attribution, ("outlet", "cites", "span", "events"), f"attributions[{i}]")
        if isinstance(attribution, dict):
            for index in attribution.get("events") or []:
                if not isinstance(index, int) or not 0 <= index < n_events:
                    problems.append(f"attributions[{i}].events: index {index!r} not in 0..{n_events - 1}")
    for i, timex in enumerate(record.get("timexes") or []):
        problems += _check_timex(timex, f"timexes[{i}]")

    if text is not None:
        for where, obj in _walk_spans(record, "record"):
            report.spans += 1
            problem = _check_span(obj, where.removeprefix("record."), text)
            if problem:
                problems.append(problem)
    return problems


def validate(corpus_dir: Path = CORPUS_DIR) -> Report:
    """Validate every ``corpus_dir/gold/*.jsonl`` file; read-only. Returns a :class:`Report`."""
    report = Report()
    seen_ids: dict[str, str] = {}
    gold_dir = corpus_dir / "gold"
    for gold_file in sorted(gold_dir.glob("*.jsonl")):
        report.files += 1
        match = GOLD_FILE_RE.match(gold_file.name)
        if not match:
            report.problems.append(f"{gold_file}:0: expected a name '<split>.jsonl' or '<split>.<tag>.jsonl'")
            continue
        file_split = match.group("split")
        with gold_file.open(encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                location = f"{gold_file}:{line_no}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    report.problems.append(f"{location}: invalid JSON ({exc})")
                    continue
                report.records += 1
                for problem in check_record(record, corpus_dir, file_split, seen_ids, location, report):
                    report.problems.append(f"{location}: {problem}")
    return report


def main(argv: list[str] | None = None) -> int:
    """Run :func:`validate` on ``argv[0]`` (default: this script's corpus dir); print problems and a summary."""
    args = sys.argv[1:] if argv is None else argv
    corpus_dir = Path(args[0]) if args else CORPUS_DIR
    report = validate(corpus_dir)
    for problem in report.problems:
        print(problem)
    if not report.ok:
        print(f"{len(report.problems)} problem(s) in {report.records} record(s)", file=sys.stderr)
        return 1
    print(
        f"ok: {report.files} gold file(s), {report.records} record(s), {report.events} event(s), "
        f"{report.spans} span(s) checked"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
