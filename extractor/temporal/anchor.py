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

import bisect
import re
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
    "shift_day_text",
]

_DAY_TEXT = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})")
_WEEKDAY_TEXT = re.compile(r"^XXXX-WXX-[1-7]")
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
    if not candidates:
        raise ValueError("choose_occurrence() needs at least one candidate")
    best = candidates[0]
    best_cost: tuple[int, bool] | None = None
    for candidate in candidates:  # the first of the cheapest, as min() would give
        delta = (candidate - anchor).days
        if (tense == "PAST" and delta > 0) or (tense == "FUTURE" and delta < 0):
            cost = (abs(delta) * TENSE_MISMATCH_PENALTY, delta > 0)
        else:
            cost = (abs(delta), delta > 0)
        if best_cost is None or cost < best_cost:
            best, best_cost = candidate, cost
    return best


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


def shift_day_text(value: str, days: int) -> str | None:
    """Move a day value "YYYY-MM-DD" or "XXXX-MM-DD" (year unknown) by ``days``; None for anything else."""
    match = _DAY_TEXT.match(value)
    if not match:
        return None
    year_text, month, day = match.group(1), int(match.group(2)), int(match.group(3))
    year = 2000 if year_text == "XXXX" else int(year_text)  # a leap year keeps February 29 valid
    try:
        moved = date(year, month, day) + timedelta(days=days)
    except ValueError:
        return None
    if year_text == "XXXX":
        return f"XXXX-{moved.month:02d}-{moved.day:02d}"
    return moved.isoformat()


@dataclass(slots=True)
class AnchorState:
    """Reference times while reading one document.

    ``dct`` is the creation date (None when unknown). Every DATE/TIME value resolved so far is recorded with
    its position, so that an expression at any position can ask for the last day mentioned before it
    (:meth:`reference_day`, also with an unknown year: ``XXXX-10-26``), the last calendar date of any
    granularity (:meth:`reference_point`) and the last quarter (``last_quarter``, for financial "a year
    earlier").
    """

    dct: date | None
    days: list[tuple[int, str]] = field(default_factory=list)
    points: list[tuple[int, date, str]] = field(default_factory=list)
    last_quarter: tuple[str, int] | None = None
    #: the publication day without its year ("XXXX-12-09", from a dateline "ASTANA. December 9."), when the
    #: DCT is unknown: "yesterday" is then XXXX-12-08
    yearless_dct: str | None = None
    #: positions of days told in the pluperfect (:meth:`narrative_day_text`)
    flashbacks: set[int] = field(default_factory=set)

    def reference_day_text(self, position: int | None = None) -> str | None:
        """The last day value ("YYYY-MM-DD" or "XXXX-MM-DD") mentioned before ``position`` (default:
        anywhere), else the DCT (or its day without a year), else None."""
        index = len(self.days) if position is None else bisect.bisect_left(self.days, (position, ""))
        if index > 0:
            return self.days[index - 1][1]
        return self.dct.isoformat() if self.dct else self.yearless_dct

    def reference_day(self, position: int | None = None) -> date | None:
        """The last fully known day mentioned before ``position``, else the DCT."""
        index = len(self.days) if position is None else bisect.bisect_left(self.days, (position, ""))
        for _, value in reversed(self.days[:index]):
            if not value.startswith("XXXX"):
                return date.fromisoformat(value)
        return self.dct

    def mentioned_day_before(self, position: int) -> bool:
        """Whether any day was mentioned before ``position``."""
        return bisect.bisect_left(self.days, (position, "")) > 0

    def reference_point(self, position: int | None = None) -> tuple[date, str] | None:
        """The last calendar date of any granularity mentioned before ``position``, else the DCT as a day."""
        index = len(self.points) if position is None else bisect.bisect_left(self.points, (position,))
        if index > 0:
            _, day, granularity = self.points[index - 1]
            return day, granularity
        return (self.dct, "day") if self.dct else None

    def narrative_day_text(self, position: int) -> str | None:
        """Like :meth:`reference_day_text`, but a day told in a flashback ("had flown in the day before")
        counts only when no day before it was told as the story's."""
        index = bisect.bisect_left(self.days, (position, ""))
        if index and self.days[index - 1][0] in self.flashbacks:
            for day_position, value in reversed(self.days[:index]):
                if day_position not in self.flashbacks:
                    return value
        return self.reference_day_text(position)

    def update(self, value: str | None, *, position: int, flashback: bool = False) -> None:
        """Record a resolved DATE/TIME value mentioned at character ``position`` (``flashback``: told in the
        pluperfect)."""
        if not value:
            return
        match = _DAY_TEXT.match(value) or _WEEKDAY_TEXT.match(value)
        if match:
            bisect.insort(self.days, (position, value[:10]))  # "XXXX-WXX-1": "Monday" with no DCT
            if flashback:
                self.flashbacks.add(position)
        parsed = parse_value_date(value)
        if parsed is None:
            return
        day, granularity = parsed
        bisect.insort(self.points, (position, day, granularity))
        if granularity == "quarter":
            self.last_quarter = (value[:7], position)
