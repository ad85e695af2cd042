"""HTML pages -> main text, title and publication date (the ``html`` extra: trafilatura + htmldate).

trafilatura removes boilerplate (navigation, scripts, footers) and returns the article body; htmldate reads
the publication date from the page's markup only (meta tags, ``<time>``, JSON-LD, the URL), never from the
body text, so that a date mentioned in the article cannot pass for the publication date. No NLP here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

INSTALL_HINT = "pip install 'aircraft-movement-extractor[html]'"


@dataclass(frozen=True)
class HtmlArticle:
    """What a page gives: ``text`` (main text, paragraphs separated by newlines), ``title``, ``published``."""

    text: str
    title: str | None
    published: str | None


def html_available() -> bool:
    """True when the ``html`` extra is installed."""
    try:
        import htmldate  # noqa: F401
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def read_html(content: bytes | str, *, name: str, url: str | None = None) -> HtmlArticle:
    """Parse one page (bytes: the encoding comes from the BOM, ``<meta charset>`` or detection).

    Raises :class:`InputError` when the extra is missing, the page does not parse, or it has no main text.
    """
    try:
        import htmldate  # noqa: F401 - trafilatura calls it for the date
        import trafilatura
    except ImportError as exc:
        raise InputError(
            f"{name}: reading HTML needs the html extra ({INSTALL_HINT}); missing {exc.name}"
        ) from exc
    tree = trafilatura.load_html(content)
    if tree is None:
        raise InputError(f"{name}: not an HTML page (it does not parse)")
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        # htmldate, markup only: a date in the body is not the publication date
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    fields = _fields(document)
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{name}: no article text found in the HTML page")
    return HtmlArticle(text=text, title=fields.get("title") or None, published=fields.get("date") or None)


def _fields(document: object) -> dict:
    """trafilatura 2 returns a ``Document``; a dict is accepted too (``as_dict``, older releases)."""
    if document is None:
        return {}
    if isinstance(document, dict):
        return document
    return {name: getattr(document, name, None) for name in ("text", "title", "date")}
