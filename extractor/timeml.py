"""Read TimeML (``.tml``) files: the document creation time, the plain text and the gold TIMEX3 tags.

Only the standard library is used. A TimeML file is XML whose ``<TEXT>`` element holds the article with inline
annotation tags (``TIMEX3``, ``EVENT``, ``SIGNAL``...). The plain text is the concatenation of every character
node inside ``<TEXT>``; each gold TIMEX3 gets ``[start, end)`` character offsets into that plain text.

The creation time is read from the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"`` (normally inside
``<DCT>``); its value is cut to ``YYYY-MM-DD`` when it is longer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["GoldTimex", "TimeMLDocument", "TimeMLError", "read_timeml", "parse_timeml", "iter_tml_paths"]

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


class TimeMLError(ValueError):
    """A file that is not TimeML as expected (no <TEXT>, unreadable XML...)."""


@dataclass(frozen=True)
class GoldTimex:
    """One TIMEX3 annotation inside <TEXT>; ``start``/``end`` are offsets into ``TimeMLDocument.text``."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str | None
    attributes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file: its id, creation date ("YYYY-MM-DD" or None), plain text and gold timexes in order."""

    doc_id: str
    dct: str | None
    text: str
    timexes: list[GoldTimex]
    path: str | None = None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find_dct(root: ET.Element) -> str | None:
    """Return the creation date of the document: the CREATION_TIME TIMEX3, preferring one inside <DCT>."""
    candidates: list[ET.Element] = []
    for element in root.iter():
        if _local(element.tag) == "DCT":
            candidates.extend(child for child in element.iter() if _local(child.tag) == "TIMEX3")
    candidates.extend(
        element
        for element in root.iter()
        if _local(element.tag) == "TIMEX3" and element.get("functionInDocument") == "CREATION_TIME"
    )
    for element in candidates:
        value = element.get("value") or ""
        match = _DATE_PREFIX.match(value)
        if match:
            return match.group(0)
    return None


def _flatten_text(text_element: ET.Element) -> tuple[str, list[GoldTimex]]:
    """Return the plain text under ``text_element`` and the TIMEX3 elements found in it with offsets."""
    pieces: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            pieces.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if element is not text_element and _local(element.tag) == "TIMEX3":
            spans.append((element, start, length))

    walk(text_element)
    text = "".join(pieces)
    timexes = [
        GoldTimex(
            tid=element.get("tid", ""),
            start=start,
            end=end,
            text=text[start:end],
            type=element.get("type", ""),
            value=element.get("value"),
            attributes=dict(element.attrib),
        )
        for element, start, end in spans
    ]
    timexes.sort(key=lambda timex: (timex.start, timex.end))
    return text, timexes


def parse_timeml(content: str, *, doc_id: str = "", path: str | None = None) -> TimeMLDocument:
    """Parse the TimeML markup in ``content``; raise ``TimeMLError`` when it is not XML or has no <TEXT>."""
    try:
        root = ET.fromstring(content.encode("utf-8") if content.lstrip().startswith("<?xml") else content)
    except ET.ParseError as error:
        raise TimeMLError(
            f"{path or doc_id or '<string>'}: expected well-formed TimeML XML, found: {error}"
        ) from None
    text_element = next((element for element in root.iter() if _local(element.tag) == "TEXT"), None)
    if text_element is None:
        raise TimeMLError(f"{path or doc_id or '<string>'}: expected a <TEXT> element, found none")
    if not doc_id:
        docid_element = next((element for element in root.iter() if _local(element.tag) == "DOCID"), None)
        doc_id = (docid_element.text or "").strip() if docid_element is not None else ""
    text, timexes = _flatten_text(text_element)
    return TimeMLDocument(doc_id=doc_id, dct=_find_dct(root), text=text, timexes=timexes, path=path)


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read one ``.tml`` file (UTF-8); the doc id is the DOCID element, else the file name without
    ``.tml``."""
    path = Path(path)
    content = path.read_text(encoding="utf-8")
    document = parse_timeml(content, path=str(path))
    if not document.doc_id:
        name = path.name
        document = TimeMLDocument(
            doc_id=name[: -len(".tml")] if name.endswith(".tml") else name,
            dct=document.dct,
            text=document.text,
            timexes=document.timexes,
            path=str(path),
        )
    return document


def iter_tml_paths(paths: list[str] | list[Path]) -> list[Path]:
    """Expand files and folders (searched recursively for ``*.tml``) into a sorted, de-duplicated list."""
    found: dict[str, Path] = {}
    for entry in paths:
        entry_path = Path(entry)
        if entry_path.is_dir():
            for file in entry_path.rglob("*.tml"):
                found[str(file.resolve())] = file
        elif entry_path.is_file():
            found[str(entry_path.resolve())] = entry_path
        else:
            raise FileNotFoundError(
                f"expected a .tml file or a folder of them, found nothing at {entry_path}"
            )
    return [found[key] for key in sorted(found)]
