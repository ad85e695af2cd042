"""The library surface: ``Extractor`` (loads the pipeline once), ``extract`` and ``extract_many``.

Failure depends on the layer: configuration mistakes raise; an article that cannot be read becomes a record with
``status: "error"`` and the reason, so that every input yields exactly one record.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import models

from .dateline import find_byline, find_dateline, resolve_year, weekday_year, year_in_text
from .errors import ExtractorError, InputError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MAX_CHARS = 2_000_000
#: A dateline sits in the first lines; reading only this prefix bounds what the dateline patterns can cost
#: on a pathological first line (an earlier pattern took a minute on a line of 20,000 spaces).
_DATELINE_WINDOW = 1000
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_INPUT_ALIASES = {"maintext": "text", "date_publish": "published", "date": "published", "headline": "title",
                  "source_url": "url", "doc_id": "id"}  # fmt: skip


def normalize_published(value: Any) -> str | None:
    """A date, datetime or string ("2025-10-30", "2025-10-30T08:00:00Z", "2025-10-30 08:00:00") -> "YYYY-MM-DD".

    Returns None for empty values; raises :class:`InputError` for a value that is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        match = _ISO_DATE.match(value.strip())
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError as exc:
                raise InputError(f"published: expected a real calendar date, found {value!r}") from exc
    raise InputError(f"published: expected a date like 2025-10-30, found {value!r}")


def stable_doc_id(text: str) -> str:
    return "doc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def coerce_input(item: Any) -> dict:
    """A dict (our field names or news-please / CC-News names) or ``models.ArticleInput`` -> a plain dict."""
    if isinstance(item, models.ArticleInput):
        return item.model_dump()
    if isinstance(item, str):
        return {"text": item}
    if not isinstance(item, dict):
        raise InputError(f"expected an article object with a 'text' field, found {type(item).__name__}")
    out = dict(item)
    for alias, name in _INPUT_ALIASES.items():
        if alias in out and out.get(name) in (None, ""):
            out[name] = out.pop(alias)
    return out


class Extractor:
    """Loads the spaCy pipeline once; ``extract`` and ``extract_many`` reuse it.

    ``default_published`` is the date used when neither the input, the metadata, a dateline nor the file name
    gives one (``--published`` on the command line). ``nlp`` is the spaCy pipeline for use in other pipelines:
    ``Extractor().nlp(text)._.events``. ``nlp`` passes a pipeline already made by
    :func:`extractor.pipeline.build_pipeline` (the batch workers share one built before they fork).
    """

    def __init__(
        self,
        *,
        default_published: str | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        nlp: Language | None = None,
    ) -> None:
        from .pipeline import build_pipeline

        self.nlp = build_pipeline() if nlp is None else nlp
        self.default_published = normalize_published(default_published)
        self.max_chars = max_chars

    def extract(
        self,
        text: str,
        published: str | date | None = None,
        doc_id: str | None = None,
        title: str | None = None,
        *,
        url: str | None = None,
        path: str | None = None,
        published_source: str | None = None,
        filename_date: str | None = None,
        warnings: list[str] | None = None,
    ) -> models.ArticleRecord:
        """Read one article. Raises :class:`InputError` for text that is not a non-empty string."""
        if not isinstance(text, str):
            raise InputError(f"text: expected a string, found {type(text).__name__}")
        if not text.strip():
            raise InputError("text: the article is empty")
        warnings = list(warnings or [])
        if len(text) > self.max_chars:
            warnings.append(f"truncated: text has {len(text)} characters, read the first {self.max_chars}")
            text = text[: self.max_chars]
        doc_id = doc_id or stable_doc_id(text)
        dateline = find_dateline(text[:_DATELINE_WINDOW])
        published_value, source = self._publication_date(
            published, published_source, dateline, filename_date, text
        )
        doc = self.nlp.make_doc(text)
        doc._.dct = published_value
        doc._.doc_id = doc_id
        doc._.dateline = dateline
        doc._.byline = find_byline(text)
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        from .convert import doc_to_record  # here, not at import: the batch's main process never loads spaCy

        return doc_to_record(
            doc,
            doc_id=doc_id,
            published=models.Published(value=published_value, source=source),
            title=title,
            url=url,
            path=path,
            warnings=warnings,
        )

    def _publication_date(
        self,
        published: Any,
        published_source: str | None,
        dateline: dict | None,
        filename_date: str | None,
        text: str | None = None,
    ) -> tuple[str | None, str | None]:
        value = normalize_published(published)
        if value:
            return value, published_source or "input"
        reference = filename_date or self.default_published
        if dateline is not None:
            if reference is None and not dateline.get("year") and text is not None:
                year = year_in_text(text[dateline["end"] :], dateline.get("month"))
                if year and dateline.get("month") and dateline.get("day"):
                    year = weekday_year(text[dateline["end"] :], dateline["month"], dateline["day"], year)
                reference = f"{year:04d}-01-01" if year else None  # "OSLO, Feb 12 (Reuters)", "in 2025" below
            from_dateline = resolve_year(dateline, reference)
            if from_dateline:
                return from_dateline, "dateline"
        if filename_date:
            return normalize_published(filename_date), "filename"
        if self.default_published:
            return self.default_published, "default"
        return None, None

    def extract_record(self, item: Any, *, index: int | None = None) -> models.ArticleRecord:
        """One input item -> one record, ``ok`` or ``error``; never raises for a bad article."""
        doc_id = None
        fields: dict = {}
        try:
            fields = coerce_input(item)
            doc_id = fields.get("id")
            text = fields.get("text")
            if text is None:
                raise InputError("missing text field (expected 'text' or 'maintext')")
            for name in ("title", "url", "path"):
                if fields.get(name) is not None and not isinstance(fields[name], str):
                    raise InputError(f"{name}: expected a string, found {type(fields[name]).__name__}")
            return self.extract(
                text,
                published=fields.get("published"),
                doc_id=str(doc_id) if doc_id is not None else None,
                title=fields.get("title"),
                url=fields.get("url"),
                path=fields.get("path"),
                published_source=fields.get("published_source"),
                filename_date=fields.get("filename_date"),
                warnings=fields.get("warnings"),
            )
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the others
            return error_record(
                exc,
                doc_id=str(doc_id)
                if doc_id is not None
                else (f"input-{index}" if index is not None else "input"),
                path=fields.get("path") if isinstance(fields.get("path"), str) else None,
                title=fields.get("title") if isinstance(fields.get("title"), str) else None,
            )

    def extract_many(self, items: Iterable[Any]) -> Iterator[models.ArticleRecord]:
        """Records in input order, one per item (``error`` records for items that cannot be read)."""
        for index, item in enumerate(items, 1):
            yield self.extract_record(item, index=index)


def error_record(exc: BaseException, *, doc_id: str, path: str | None = None, title: str | None = None,
                 url: str | None = None) -> models.ArticleRecord:  # fmt: skip
    from . import __version__

    kind = type(exc).__name__
    message = exc.message if isinstance(exc, ExtractorError) else str(exc) or kind
    return models.ArticleRecord(
        doc_id=doc_id,
        status="error",
        error=models.ErrorInfo(type=kind, message=message),
        path=path,
        title=title,
        url=url,
        extractor_version=__version__,
    )


_DEFAULT: Extractor | None = None


def _default() -> Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(
    text: str, published: str | date | None = None, doc_id: str | None = None, title: str | None = None
) -> models.ArticleRecord:
    """Read one article with a shared :class:`Extractor` (built on first use)."""
    return _default().extract(text, published=published, doc_id=doc_id, title=title)


def extract_many(items: Iterable[Any]) -> Iterator[models.ArticleRecord]:
    """Stream records, in order, from dicts (``id``, ``text``, ``published``...) or ``models.ArticleInput``."""
    return _default().extract_many(items)
