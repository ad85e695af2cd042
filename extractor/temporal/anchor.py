"""Reference times: the document creation time (DCT) and the last date mentioned in the text.

Deictic expressions ("yesterday", "last week", "Friday") are resolved against the DCT; anaphoric ones ("two
days later", "the day before", "the following week", "that day") against the most recent date mentioned before
them, falling back to the DCT. Underspecified dates ("October 26", "March", "Wednesday", "the fourth quarter")
get their year/week from the anchor and the tense of their clause:

- weekdays: past tense -> the latest one on or before the anchor ("on Wednesday" said on Thursday ->
  yesterday); future tense -> the earliest on or after it; no tense cue -> the nearest one;
- month days, months, seasons: the nearest occurrence, one on the wrong side for the tense counting ten times
  its distance (:func:`choose_occurrence`); the normalisers drop the tense after deadline words ("until",
  "by", "effective", "of record"), since "was extended to Nov. 20" looks ahead from a past-tense clause;
- quarters: the current quarter or the latest one before it (:func:`resolve_quarter`).
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
    "choose_occurrence",
]

_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def resolve_weekday(anchor: date, weekday: int, tense: Tense | None, *, relation: str | None = None) -> date:
    """Return the day with ISO ``weekday`` (1=Monday) meant relative to ``anchor``.

    ``relation`` comes from a word before the weekday: "last"/"past"/"previous" (strictly before the anchor),
    "next"/"coming" (strictly after), "this" (the same ISO week). Without it the tense decides (see module
    doc).
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


# A reading on the wrong side for the tense (future for a past-tense clause) counts this many times its
# distance:
# "declared a dividend payable Dec. 14" (six weeks ahead) stays ahead, but "was hit on Dec. 12" written on
# Oct. 30 is last December.
TENSE_MISMATCH_PENALTY = 10


def choose_occurrence(anchor: date, candidates: list[date], tense: Tense | None) -> date:
    """Pick the candidate meant relative to ``anchor``: the nearest one, where a candidate on the wrong side
    for the tense counts :data:`TENSE_MISMATCH_PENALTY` times farther."""

    def cost(candidate: date) -> tuple[int, bool]:
        delta = (candidate - anchor).days
        if (tense == "PAST" and delta > 0) or (tense == "FUTURE" and delta < 0):
            return abs(delta) * TENSE_MISMATCH_PENALTY, delta > 0
        return abs(delta), delta > 0

    return min(candidates, key=cost)


def _candidates(anchor: date, month: int, day: int) -> list[date]:
    found = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            found.append(date(year, month, day))
        except ValueError:  # February 29 outside leap years
            continue
    return found


def resolve_month_day(anchor: date, month: int, day: int, tense: Tense | None) -> int:
    """Return the year for "``month`` ``day``" written without one."""
    candidates = _candidates(anchor, month, day)
    if not candidates:
        return anchor.year
    return choose_occurrence(anchor, candidates, tense).year


def resolve_month(anchor: date, month: int, tense: Tense | None) -> int:
    """Return the year for a month name written without one ("in March"); the DCT's own month is this year."""
    if month == anchor.month:
        return anchor.year
    return choose_occurrence(anchor, _candidates(anchor, month, 15), tense).year


def resolve_quarter(anchor: date, quarter: int, tense: Tense | None) -> int:
    """Return the year for "the third quarter" written without one.

    Quarters are reported after they end, so the current quarter or the latest one before it is meant;
    only a future-tense mention of the quarter right after the current one looks ahead."""
    current = quarter_of(anchor)
    back = (current - quarter) % 4
    if back == 0:
        return anchor.year
    if tense == "FUTURE" and back == 3:
        return anchor.year + 1 if quarter < current else anchor.year
    return anchor.year if quarter < current else anchor.year - 1


def resolve_season(anchor: date, season: str, tense: Tense | None) -> int:
    """Return the year for a season written without one ("in the spring"); winter YYYY starts in December."""
    start_month = _SEASON_START_MONTH[season]
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        start = date(year, start_month, 1)
        middle = start + timedelta(days=45)
        end = start + timedelta(days=91)
        if start <= anchor < end:
            return year
        candidates.append(middle)
    return choose_occurrence(anchor, candidates, tense).year


@dataclass
class AnchorState:
    """Reference times while reading one document in order.

    ``dct`` is the creation date (None when unknown). ``last_day`` is the most recent day-level date
    mentioned, ``last_point`` the most recent calendar date of any granularity (with its granularity), and
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
