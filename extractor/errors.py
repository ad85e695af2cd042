"""All errors the extractor raises on purpose, with codes, in one place.

Configuration and rule-data mistakes raise; text the pipeline cannot read does not (it yields an empty result);
the batch layer turns per-article failures into ``error`` records.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class. ``code`` is stable and appears in error records."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class ResourceError(ExtractorError):
    """A rule or gazetteer file is malformed (the message names file:line)."""

    code = "E001"


class InputError(ExtractorError):
    """An input article cannot be read (empty, not text, invalid JSON, missing text field...)."""

    code = "E002"


class UsageError(ExtractorError):
    """Bad command-line usage or bad settings."""

    code = "E003"


class ArticleTooLarge(InputError):
    code = "E004"


class ArticleTimeout(ExtractorError):
    code = "E005"
