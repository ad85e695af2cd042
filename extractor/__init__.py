"""Aircraft-movement extraction from news articles.

    from extractor import extract
    record = extract(text, published="2025-10-30")
    for event in record.events: ...
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import Extractor, extract, extract_many  # noqa: E402

__all__ = ["Extractor", "__version__", "extract", "extract_many"]
