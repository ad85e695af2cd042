"""Calendar arithmetic and TIMEX3 value formatting (no text handling here).

Granularities used across the package: ``"day"``, ``"week"``, ``"month"``, ``"quarter"``, ``"half"``,
``"season"``, ``"year"``, ``"decade"``, ``"century"``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "add_months",
    "shift",
    "format_date",
    "granularity_of",
    "easter_sunday",
    "nth_weekday",
    "holiday_date",
    "quarter_of",
    "parse_value_date",
]


def quarter_of(day: date) -> int:
    """Return the calendar quarter (1-4) of ``day``."""
    return (day.month - 1) // 3 + 1


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by ``months`` calendar months, clamping the day of month (Jan 31 + 1 -> Feb
    28)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def shift(day: date, amount: int, unit: str) -> date:
    """Return ``day`` moved by ``amount`` units; unit is a TIMEX3 letter code: D, W, M, Q, Y, DE, CE, WE."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=amount)
    if unit == "2W":
        return day + timedelta(weeks=2 * amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Q":
        return add_months(day, 3 * amount)
    if unit == "Y":
        return add_months(day, 12 * amount)
    if unit == "DE":
        return add_months(day, 120 * amount)
    if unit == "CE":
        return add_months(day, 1200 * amount)
    raise ValueError(f"expected a calendar unit D/W/M/Q/Y/DE/CE, found {unit!r}")


def format_date(day: date, granularity: str) -> str:
    """Format ``day`` as a TIMEX3 value at ``granularity`` ("day" -> 2025-10-30, "week" -> 2025-W44,
    "month" -> 2025-10, "quarter" -> 2025-Q4, "half" -> 2025-H2, "year" -> 2025, "decade" -> 202,
    "century" -> 20)."""
    if granularity == "day":
        return day.isoformat()
    if granularity in ("week", "weekend"):
        iso_year, iso_week, _ = day.isocalendar()
        suffix = "-WE" if granularity == "weekend" else ""
        return f"{iso_year:04d}-W{iso_week:02d}{suffix}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"expected a date granularity (day, week, month...), found {granularity!r}")


_GRANULARITY_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"^(?:PRESENT|PAST|FUTURE)_REF$", "ref"),
    (r"^P", "duration"),
    (r"T", "time"),
    (r"^[\dX]{4}-[\dX]{2}-[\dX]{2}$", "day"),
    (r"^[\dX]{4}-W[\dX]{2}-WE$", "week"),
    (r"^[\dX]{4}-W[\dX]{1,2}(?:-\d)?$", "week"),
    (r"^[\dX]{4}-[\dX]{2}$", "month"),
    (r"^[\dX]{4}-Q[\dX]$", "quarter"),
    (r"^[\dX]{4}-H[\dX]$", "half"),
    (r"^[\dX]{4}-(?:SP|SU|FA|WI)$", "season"),
    (r"^\d{3}X$", "decade"),
    (r"^[\dX]{4}$", "year"),
    (r"^\d{3}$", "decade"),
    (r"^\d{2}$", "century"),
)


@lru_cache(maxsize=4096)
def granularity_of(value: str | None) -> str | None:
    """Return the granularity of a TIMEX3 value string ("2025-10" -> "month", "P6M" -> "duration"...)."""
    if not value:
        return None
    for pattern, name in _GRANULARITY_PATTERNS:
        if re.search(pattern, value):
            if name == "ref":
                return None
            return name
    return None


@lru_cache(maxsize=4096)
def parse_value_date(value: str | None) -> tuple[date, str] | None:
    """Return (a representative day, granularity) for a resolved calendar value, or None for anything with
    X placeholders, durations, references. The day is the first day of the period."""
    if not value:
        return None
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3))), "day"
        except ValueError:
            return None
    match = re.fullmatch(r"(\d{4})-W(\d{1,2})(?:-WE)?", value)
    if match:
        try:
            return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1), "week"
        except ValueError:
            return None
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if match and 1 <= int(match.group(2)) <= 12:
        return date(int(match.group(1)), int(match.group(2)), 1), "month"
    match = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if match:
        return date(int(match.group(1)), 3 * int(match.group(2)) - 2, 1), "quarter"
    match = re.fullmatch(r"(\d{4})-H([12])", value)
    if match:
        return date(int(match.group(1)), 1 if match.group(2) == "1" else 7, 1), "half"
    match = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if match:
        month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[match.group(2)]
        return date(int(match.group(1)), month, 1), "season"
    match = re.fullmatch(r"(\d{4})", value)
    if match:
        return date(int(match.group(1)), 1, 1), "year"
    return None


def easter_sunday(year: int) -> date:
    """Return Western Easter Sunday of ``year`` (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """Return the ``n``-th ISO ``weekday`` (1=Monday) of a month; ``n=-1`` is the last one."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    offset = (last.isoweekday() - weekday) % 7
    return last - timedelta(days=offset)


def holiday_date(code: str, year: int) -> date | None:
    """Return the date of a holiday code from the lexicon ("12-25", "thanksgiving", "easter"...) in
    ``year``."""
    match = re.fullmatch(r"(\d{2})-(\d{2})", code)
    if match:
        return date(year, int(match.group(1)), int(match.group(2)))
    if code == "thanksgiving":
        return nth_weekday(year, 11, 4, 4)
    if code == "memorial":
        return nth_weekday(year, 5, 1, -1)
    if code == "labor":
        return nth_weekday(year, 9, 1, 1)
    if code == "election":
        return nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    if code == "easter":
        return easter_sunday(year)
    if code == "good_friday":
        return easter_sunday(year) - timedelta(days=2)
    if code == "easter_monday":
        return easter_sunday(year) + timedelta(days=1)
    return None
