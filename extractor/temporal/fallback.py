"""dateparser as a cached fallback for expressions the rule normalisers cannot value.

dateparser is slow (about 0.75 ms per call) and its ``search_dates`` finds dates in aircraft designators ("a
Su-35" -> 1935), so it is never used to *find* expressions: only to value a span that a rule already
recognised and whose normaliser gave up. Results are cached by (text, anchor, preference); :func:`calls`
counts real dateparser calls (cache misses) so benchmarks can report calls per article.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

__all__ = ["parse_with_dateparser", "calls", "reset_counter", "cache_size"]

_CACHE: dict[tuple[str, str | None, str], tuple[str, str] | None] = {}
_CACHE_LIMIT = 50_000
_STATE = {"calls": 0}
_PARSERS: dict[tuple[str | None, str], Any] = {}


def calls() -> int:
    """Number of dateparser calls made since import (or since :func:`reset_counter`)."""
    return _STATE["calls"]


def reset_counter() -> None:
    """Set the call counter back to zero (the cache is kept)."""
    _STATE["calls"] = 0


def cache_size() -> int:
    return len(_CACHE)


def _parser(anchor: date | None, prefer: str) -> Any:
    key = (anchor.isoformat() if anchor else None, prefer)
    if key not in _PARSERS:
        from dateparser.date import DateDataParser  # imported lazily: the import alone takes ~0.5 s

        settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
        if anchor is not None:
            settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
        _PARSERS[key] = DateDataParser(languages=["en"], settings=settings)
    return _PARSERS[key]


def parse_with_dateparser(
    text: str, anchor: date | None, *, prefer: str = "current_period"
) -> tuple[str, str] | None:
    """Return (TIMEX3 value, granularity) for ``text`` read by dateparser relative to ``anchor``, or None.

    ``prefer`` is dateparser's PREFER_DATES_FROM ("past", "future", "current_period")."""
    key = (text, anchor.isoformat() if anchor else None, prefer)
    if key in _CACHE:
        return _CACHE[key]
    _STATE["calls"] += 1
    result: tuple[str, str] | None = None
    try:
        data = _parser(anchor, prefer).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; the fallback must never break tagging
        data = None
    if data is not None and data.date_obj is not None:
        moment = data.date_obj
        period = data.period or "day"
        if period == "year":
            result = (f"{moment.year:04d}", "year")
        elif period == "month":
            result = (f"{moment.year:04d}-{moment.month:02d}", "month")
        elif period == "week":
            iso_year, iso_week, _ = moment.isocalendar()
            result = (f"{iso_year:04d}-W{iso_week:02d}", "week")
        elif period == "time":
            result = (moment.strftime("%Y-%m-%dT%H:%M"), "time")
        else:
            result = (moment.strftime("%Y-%m-%d"), "day")
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = result
    return result
