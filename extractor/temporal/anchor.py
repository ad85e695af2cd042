"""Reference times: the document creation time (DCT) and the last date mentioned in the text.

Deictic expressions ("yesterday", "last week", "Friday") are resolved against the DCT; anaphoric ones
("two days later", "the day before", "the following week", "that day") against the most recent date
mentioned before them, falling back to the DCT. Underspecified dates ("October 26", "March", "Wednesday",
"the fourth quarter") get their year/week from the anchor and the tense of their clause:

- past tense: the latest such date on or before the anchor ("on Wednesday" said on Thursday -> yesterday),
- future tense: the earliest on or after the anchor,
- no tense cue: the nearest one (weekdays) or the anchor's own year (months, days, quarters, seasons).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import parse_value_date, quarter_of
from .tense import Tense

__all__ = [
    "AnchorState",
    "resolve_weekday",
    "resolve_month_day",
    "resolve_month",
    "resolve_quarter",
    "resolve_season",
]

_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def resolve_weekday(anchor: date, weekday: int, tense: Tense | None, *, relation: str | None = None) -> date:
    """Return the day with ISO ``weekday`` (1=Monday) meant relative to ``anchor``.

    ``relation`` comes from a word before the weekday: "last"/"past"/"previous" (strictly before the anchor),
    "next"/"coming" (strictly after), "this" (the same ISO week). Without it the tense decides (see module doc).
    """
    delta_back = (anchor.isoweekday() - weekday) % 7  # 0..6 days back to the previous such weekday
    delta_forward = (weekday - anchor.isoweekday()) % 7
    if relation in ("last", "past", "previous"):
        return anchor - timedelta(days=delta_back or 7)
    if relation in ("next", "coming", "following"):
        return anchor + timedelta(days=delta_forward or 7)
    if relation == "this":
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    if tense == "PAST":
        return anchor - timedelta(days=delta_back)
    if tense == "FUTURE":
        return anchor + timedelta(days=delta_forward)
    if delta_forward < delta_back:
        return anchor + timedelta(days=delta_forward)
    return anchor - timedelta(days=delta_back)


def _pick_year(anchor: date, candidate_this_year: tuple[int, int], tense: Tense | None) -> int:
    """Year for a (month, day) point: latest on/before the anchor (past), earliest on/after (future),
    else the anchor's year."""
    anchor_key = (anchor.month, anchor.day)
    if tense == "PAST" and candidate_this_year > anchor_key:
        return anchor.year - 1
    if tense == "FUTURE" and candidate_this_year < anchor_key:
        return anchor.year + 1
    return anchor.year


def resolve_month_day(anchor: date, month: int, day: int, tense: Tense | None) -> int:
    """Return the year for "``month`` ``day``" written without one."""
    return _pick_year(anchor, (month, day), tense)


def resolve_month(anchor: date, month: int, tense: Tense | None) -> int:
    """Return the year for a month name written without one ("in March")."""
    if month == anchor.month:
        return anchor.year
    if tense == "PAST" and month > anchor.month:
        return anchor.year - 1
    if tense == "FUTURE" and month < anchor.month:
        return anchor.year + 1
    return anchor.year


def resolve_quarter(anchor: date, quarter: int, tense: Tense | None) -> int:
    """Return the year for "the third quarter" written without one."""
    current = quarter_of(anchor)
    if quarter == current:
        return anchor.year
    if tense == "FUTURE":
        return anchor.year + 1 if quarter < current else anchor.year
    if quarter > current:
        return anchor.year - 1
    return anchor.year


def resolve_season(anchor: date, season: str, tense: Tense | None) -> int:
    """Return the year for a season written without one ("this summer", "in the spring")."""
    start = _SEASON_START_MONTH[season]
    if season == "WI" and anchor.month <= 2:
        return anchor.year - 1  # winter that started last December
    if tense == "PAST" and start > anchor.month:
        return anchor.year - 1
    if tense == "FUTURE" and start + 2 < anchor.month:
        return anchor.year + 1
    return anchor.year


@dataclass
class AnchorState:
    """Reference times while reading one document in order.

    ``dct`` is the creation date (None when unknown). ``last_day`` is the most recent day-level date mentioned,
    ``last_point`` the most recent calendar date of any granularity (with its granularity), and
    ``last_quarter`` the most recent quarter mentioned ("1989-Q3"), used by financial "a year earlier".
    """

    dct: date | None
    last_day: date | None = None
    last_point: tuple[date, str] | None = None
    last_quarter: tuple[str, int] | None = None
    history: list[str] = field(default_factory=list)

    def reference_day(self) -> date | None:
        """The anchor for anaphoric expressions: the last day mentioned, else the DCT."""
        return self.last_day or self.dct

    def reference_point(self) -> tuple[date, str] | None:
        """The last calendar date of any granularity, else the DCT as a day."""
        if self.last_point is not None:
            return self.last_point
        return (self.dct, "day") if self.dct else None

    def update(self, value: str | None, *, position: int) -> None:
        """Record a resolved DATE/TIME value mentioned at character ``position``."""
        parsed = parse_value_date(value)
        if parsed is None:
            return
        day, granularity = parsed
        self.last_point = (day, granularity)
        if granularity == "day":
            self.last_day = day
        if granularity == "quarter" and value:
            self.last_quarter = (value[:7], position)
        self.history.append(value or "")
