"""Normalisers: from a rule match (its named groups) to a TIMEX3 type and value.

Each rule in ``timex_rules.jsonl`` names one normaliser in :data:`NORMALIZERS`. A normaliser reads the match's
groups and a :class:`NormContext` (DCT, reference times, tense of the clause, lexicon) and returns a
:class:`Resolution`, ``None`` when it cannot give a value (the tagger may then ask the dateparser fallback),
or :data:`REJECT` when the match turns out not to be a time expression at all ("the last day" of a show, "a
second").

Conventions (TimeML / TempEval-3, as in the TimeBank+AQUAINT training data):

- Calendar values: ``2025-10-26``, ``2025-10``, ``2025-W44``, ``2025-W43-WE``, ``2025-Q3``, ``2025-H1``,
  ``2025-SU``, ``2025``, decades ``199``, centuries ``19``; no DCT -> ``XXXX-10-26``, ``XXXX-WXX-3``.
- Times: ``2025-10-30T06:12``; parts of day ``2025-10-30TMO`` (MO/AF/EV/NI); midnight ``T24:00``.
- Durations: ``P6M``, ``PT3H``, ``P2Y6M``; vague ``PXY``; decades and centuries ``P4DE``, ``P1CE``.
- Sets: ``P1W`` with ``freq`` ``2X`` for "twice a week"; ``XXXX-WXX-1`` for "every Monday".
- "earlier this month" -> ``2025-10`` with mod ``START``; "later this year" -> mod ``END``.
- "the past week" / "the last year" -> DURATION ``P1W`` / ``P1Y``, like "the past two weeks" -> ``P2W``
  (the project corpus annotates them so; TimeBank has a few as DATEs); "last week" -> DATE ``2025-W43``.
- "recent days", "recent years" -> ``PAST_REF``; "recent weeks" -> DURATION ``PXW``; "the coming days" ->
  ``FUTURE_REF``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from .anchor import (
    AnchorState,
    choose_occurrence,
    resolve_month,
    resolve_month_day,
    resolve_quarter,
    resolve_season,
    resolve_weekday,
    shift_day_text,
)
from .dates import format_date, holiday_date, quarter_of, shift
from .lexicon import Lexicon
from .tense import Tense

__all__ = ["NORMALIZERS", "NormContext", "Resolution", "REJECT", "duration_value"]


@dataclass(slots=True)
class Resolution:
    """A normalised time expression. ``anchor`` says whether later anaphora may refer to it."""

    type: str
    value: str | None
    mod: str | None = None
    freq: str | None = None
    range_end: str | None = None
    anchor: bool = True


class _Reject:
    def __repr__(self) -> str:
        return "REJECT"


REJECT: Any = _Reject()
_T = TypeVar("_T")


@dataclass(slots=True)
class NormContext:
    """What a normaliser may read besides the match: lexicon, reference times, clause tense, rule params."""

    lexicon: Lexicon
    state: AnchorState
    text: str
    start: int
    end: int
    params: dict[str, Any]
    rule_type: str
    tense_of: Callable[[], Tense | None]
    sentence_day: str | None = None  # a day value ("2025-10-26", "XXXX-10-26") in the same sentence
    flashback: bool = False  # told in the pluperfect ("It had left Dover at 9 a.m.")
    mod: str | None = None
    _tense: Any = field(default=None, repr=False)
    _tense_done: bool = field(default=False, repr=False)

    @property
    def tense(self) -> Tense | None:
        if not self._tense_done:
            self._tense = self.tense_of()
            self._tense_done = True
        return self._tense

    @property
    def dct(self) -> date | None:
        return self.state.dct

    def reference_day(self) -> date | None:
        """The last fully known day mentioned before this expression, else the DCT."""
        return self.state.reference_day(self.start)

    def reference_day_text(self) -> str | None:
        """The last day mentioned before this expression, possibly with an unknown year, else the DCT."""
        return self.state.reference_day_text(self.start)

    def reference_point(self) -> tuple[date, str] | None:
        """The last calendar date of any granularity mentioned before this expression, else the DCT."""
        return self.state.reference_point(self.start)

    @property
    def date_tense(self) -> Tense | None:
        """The tense used to place a month/day without a year: none after a deadline word ("extended to",
        "until", "by", "effective", "payable"), whose dates lie ahead even in a past-tense clause."""
        if _DEADLINE_BEFORE.search(self.text, max(0, self.start - 30), self.start):
            return None
        if _DEADLINE_AFTER.match(self.text, self.end, min(len(self.text), self.end + 20)):
            return None
        return self.tense

    def by_tense(self, choose: Callable[[Tense | None], _T], *, date_tense: bool = False) -> _T:
        """``choose(tense)`` for the clause tense (:attr:`date_tense` with ``date_tense``), reading the tense
        only when the answer depends on it. ``choose`` must tell only "PAST" and "FUTURE" apart from no tense
        (as :func:`.anchor.choose_occurrence` and the ``resolve_*`` functions do): when those three give the
        same answer it is the answer whatever the tense, and the sentence need not be read for its tense
        cues, which costs far more than choosing three times ("October 26" written on October 30 is this
        year's in any tense)."""
        untensed = choose(None)
        if choose("PAST") == untensed and choose("FUTURE") == untensed:
            return untensed
        return choose(self.date_tense if date_tense else self.tense)


Groups = dict[str, str | None]

_DEADLINE_BEFORE = re.compile(
    r"\b(?:until|till|by|through|to|effective|payable|due|expires?|expiring|deadline(?: of)?|of record)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(r"[A-Z][\w.]*\s+$")
_DEADLINE_AFTER = re.compile(r"\s+(?:deadline|target date|due date)\b", re.IGNORECASE)
Normalizer = Callable[[Groups, NormContext], "Resolution | None | _Reject"]

_PAST_RELS = {
    "last",
    "past",
    "previous",
    "this past",
    "the past",
    "the last",
    "the previous",
    "the preceding",
    "the prior",
    "preceding",
    "prior",
}
_NEXT_RELS = {"next", "coming", "upcoming", "this coming", "the coming", "the upcoming", "following"}
_ANAPHORIC_NEXT = {"the following", "the next", "the ensuing", "following"}
_ANAPHORIC_PREV = {"the previous", "the preceding", "the prior"}
_ANAPHORIC_SAME = {"same", "that", "the same", "that same", "the very same"}
_THIS_RELS = {"this", "current", "the current", "the present", "the latest"}

_TIME_UNITS = {"H": "H", "MIN": "M", "SEC": "S"}
_NON_DIGITS = re.compile(r"\D")
_YEAR_NUMBER = re.compile(r"\s*(?:1[89]|20)\d\d\s*")  # "1988" read as a number of units
_SPACES_AND_DOTS = re.compile(r"[\s.]")


def _norm_rel(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    digits = _NON_DIGITS.sub("", text)
    return int(digits) if digits else None


def _two_digit_year(text: str, dct: date | None) -> int:
    value = _int(text) or 0
    pivot = ((dct.year if dct else 2025) % 100) + 10
    return 2000 + value if value <= pivot else 1900 + value


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _number_words(text: str | None, lexicon: Lexicon) -> float | None:
    return lexicon.parse_number(text) if text else None


def _fmt_amount(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def duration_value(amount: float | str, unit: str) -> str | None:
    """Return a TIMEX3 duration for ``amount`` (a number or "X") of a lexicon ``unit`` code
    (SEC, MIN, H, D, W, 2W, M, Q, Y, DE, CE, WE); halves become the next smaller unit (2.5 years -> P2Y6M)."""
    if unit == "2W":
        unit = "W"
        amount = "X" if amount == "X" else float(amount) * 2
    if amount == "X":
        if unit in _TIME_UNITS:
            return f"PTX{_TIME_UNITS[unit]}"
        return f"PX{unit}"
    amount = float(amount)
    whole = int(amount)
    fraction = amount - whole
    if fraction and unit in ("Y", "M", "D", "H", "MIN", "W", "DE", "CE"):
        smaller = {
            "CE": (10, "DE"),
            "DE": (10, "Y"),
            "Y": (12, "M"),
            "M": (30, "D"),
            "W": (7, "D"),
            "D": (24, "H"),
            "H": (60, "MIN"),
            "MIN": (60, "SEC"),
        }
        factor, small_unit = smaller[unit]
        small = round(fraction * factor)
        if float(fraction * factor).is_integer():
            parts_date: list[str] = []
            parts_time: list[str] = []
            for value, code in ((whole, unit), (small, small_unit)):
                if not value:
                    continue
                if code in _TIME_UNITS:
                    parts_time.append(f"{value}{_TIME_UNITS[code]}")
                else:
                    parts_date.append(f"{value}{code}")
            return "P" + "".join(parts_date) + ("T" + "".join(parts_time) if parts_time else "")
    if unit in _TIME_UNITS:
        return f"PT{_fmt_amount(amount)}{_TIME_UNITS[unit]}"
    return f"P{_fmt_amount(amount)}{unit}"


def _combine_durations(first: str, second: str) -> str:
    """Join two simple durations ("PT2H" + "PT30M" -> "PT2H30M", "P3Y" + "P2M" -> "P3Y2M")."""
    date_part = ""
    time_part = ""
    for value in (first, second):
        body = value[1:]
        if body.startswith("T"):
            time_part += body[1:]
        elif "T" in body:
            head, tail = body.split("T", 1)
            date_part += head
            time_part += tail
        else:
            date_part += body
    return "P" + date_part + ("T" + time_part if time_part else "")


# ---------------------------------------------------------------------------------------------- calendar
# dates
def _choose_year_by_weekday(month: int, day: int, weekday: int, dct: date, tense: Tense | None) -> int | None:
    """Among the DCT's year and its neighbours, the year in which month/day falls on ``weekday`` (nearest)."""
    preferred = resolve_month_day(dct, month, day, tense)
    for year in (preferred, dct.year, dct.year - 1, dct.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate.isoweekday() == weekday:
            return year
    return None


def normalize_calendar(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Explicit dates: ISO, numeric, "October 26(, 2025)", "26 October", ranges "Feb 21-22", ISO weeks,
    "the night of 25-26 October" (TIME with a part of the day)."""
    lexicon, dct = ctx.lexicon, ctx.dct
    if groups.get("week"):
        return Resolution("DATE", f"{groups['year']}-W{int(groups['week'] or 0):02d}")
    month_text = groups.get("month") or groups.get("month_b")
    month = _int(month_text) if month_text and month_text[0].isdigit() else lexicon.month_number(month_text)
    day = _int(groups.get("day") or groups.get("day_b"))
    if month is None or day is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return REJECT
    year: int | None
    if groups.get("year"):
        text = groups["year"] or ""
        year = _two_digit_year(text, dct) if len(_NON_DIGITS.sub("", text)) == 2 else _int(text)
    else:
        year = None
    weekday = lexicon.weekday_number(groups.get("weekday"))
    if year is None and dct is not None:
        if weekday is not None:
            year = ctx.by_tense(
                lambda tense: _choose_year_by_weekday(month, day, weekday, dct, tense), date_tense=True
            )
        if year is None:
            year = ctx.by_tense(lambda tense: resolve_month_day(dct, month, day, tense), date_tense=True)
    if year is not None and _safe_date(year, month, day) is None:
        return REJECT
    year_text = f"{year:04d}" if year is not None else "XXXX"
    value = f"{year_text}-{month:02d}-{day:02d}"
    range_end = None
    if groups.get("day2"):
        month2 = lexicon.month_number(groups.get("month2")) if groups.get("month2") else month
        day2 = _int(groups.get("day2"))
        if month2 is None or day2 is None or not 1 <= day2 <= 31:
            return REJECT
        if month2 == month and day2 <= day:
            return REJECT
        year2 = year + 1 if year is not None and month2 < month else year
        range_end = (
            f"{year2:04d}-{month2:02d}-{day2:02d}" if year2 is not None else f"XXXX-{month2:02d}-{day2:02d}"
        )
    if groups.get("hour") is not None:
        value += f"T{int(groups['hour'] or 0):02d}:{int(groups['minute'] or 0):02d}"
        return Resolution("TIME", value)
    if groups.get("pod"):
        return Resolution("TIME", f"{value}T{_POD_CODES[_norm_rel(groups['pod'])]}")
    return Resolution("DATE", value, range_end=range_end)


def normalize_day_of_month(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "on the 26th": the 26th of the DCT's month (previous/next month by tense); "Thursday the 13th": the
    nearest 13th that is a Thursday."""
    day = _int(groups.get("day"))
    anchor = ctx.reference_day()
    if day is None or not 1 <= day <= 31:
        return REJECT
    if anchor is None:
        # no year anywhere: "on Monday, February 10 ... On the 14th" is XXXX-02-14 (the next month's after the
        # 28th)
        told = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", ctx.reference_day_text() or "")
        if told is None:
            return Resolution("DATE", f"XXXX-XX-{day:02d}")
        month = int(told.group(1)) + (day < int(told.group(2)))
        return Resolution("DATE", f"XXXX-{(month - 1) % 12 + 1:02d}-{day:02d}")
    month_start = anchor.replace(day=1)
    candidates = [
        candidate
        for offset in (-1, 0, 1)
        if (candidate := _safe_date(*_year_month(shift(month_start, offset, "M")), day)) is not None
    ]
    weekday = ctx.lexicon.weekday_number(groups.get("weekday")) if groups.get("weekday") else None
    if weekday is not None:
        # "Thursday the 13th": the month around the anchor whose 13th is a Thursday
        named = [candidate for candidate in candidates if candidate.isoweekday() == weekday]
        if named:
            return Resolution("DATE", min(named, key=lambda c: abs((c - anchor).days)).isoformat())
    if not candidates:
        return REJECT
    chosen = ctx.by_tense(lambda tense: choose_occurrence(anchor, candidates, tense), date_tense=True)
    return Resolution("DATE", chosen.isoformat())


def _year_month(day: date) -> tuple[int, int]:
    return day.year, day.month


def normalize_month(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Month names: "March 2024", "last April", "June last year", bare "March" (year from tense)."""
    month = ctx.lexicon.month_number(groups.get("month"))
    if month is None:
        return REJECT
    dct = ctx.dct
    if groups.get("year"):
        return Resolution("DATE", f"{int(groups['year'] or 0):04d}-{month:02d}")
    yrel = _norm_rel(groups.get("yrel"))
    rel = _norm_rel(groups.get("rel"))
    if dct is None:
        return Resolution("DATE", f"XXXX-{month:02d}")
    if yrel:
        offset = {
            "last": -1,
            "the previous": -1,
            "this": 0,
            "next": 1,
            "the following": 1,
            "the same": 0,
        }.get(yrel, 0)
        if yrel in ("the previous", "the following", "the same"):
            point = ctx.reference_point()
            base_year = point[0].year if point else dct.year
        else:
            base_year = dct.year
        return Resolution("DATE", f"{base_year + offset:04d}-{month:02d}")
    if rel:
        if rel in ("last", "past", "this past", "previous", "the previous"):
            year = dct.year if month < dct.month else dct.year - 1
        elif rel in ("next", "coming", "this coming", "the following", "following"):
            year = dct.year if month > dct.month else dct.year + 1
        else:
            year = dct.year
        return Resolution("DATE", f"{year:04d}-{month:02d}")
    year = ctx.by_tense(lambda tense: resolve_month(dct, month, tense), date_tense=True)
    return Resolution("DATE", f"{year:04d}-{month:02d}")


def normalize_year(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Years: "1998", "fiscal 1989", "'98", ranges "2021-22", "post-1959"."""
    if groups.get("year_words"):
        year = _year_from_words(groups["year_words"] or "", ctx.lexicon)
    elif groups.get("yy"):
        year = _two_digit_year(groups["yy"] or "", ctx.dct)
    else:
        year = _int(groups.get("year"))
    if year is None:
        return REJECT
    if not groups.get("fiscal") and not groups.get("year2") and not groups.get("prepost"):
        if year < 1000 or year > 2099:
            return REJECT
        if year < 1800:
            # Old years are rare in the news and easily confused with quantities; keep only explicit contexts.
            before = ctx.text[max(0, ctx.start - 12) : ctx.start].lower()
            if not re.search(r"\b(?:in|since|of|until|by|from|year|around|circa|c\.)\s+$", before):
                return REJECT
        if _after_name(ctx.text, ctx.start):
            return REJECT  # "Eagles of Civilization 2025", "Zapad 2021": part of a name
    range_end = None
    if groups.get("year2"):
        text = groups["year2"] or ""
        year2 = _int(text) or 0
        if len(text.strip()) == 2:
            year2 = (year // 100) * 100 + year2
        if year2 <= year or year2 - year > 30:
            return REJECT
        range_end = f"{year2:04d}"
    mod = None
    prepost = _norm_rel(groups.get("prepost"))
    if prepost:
        mod = "BEFORE" if prepost == "pre" else "AFTER"
    return Resolution("DATE", f"{year:04d}", mod=mod, range_end=range_end)


_CAPITALISED_BEFORE = re.compile(r"(?:^|(?P<lead>[.!?:;\"“(]\s*|\n\s*)|\s)(?P<word>[A-Z][a-z]+)\s+$")
_YEAR_LEAD_WORDS = frozenset(
    {
        "In",
        "On",
        "By",
        "Since",
        "Until",
        "Till",
        "From",
        "During",
        "Before",
        "After",
        "Through",
        "Between",
        "And",
        "Or",
        "Of",
        "For",
        "To",
        "As",
        "At",
        "Around",
        "About",
        "Circa",
        "Early",
        "Late",
        "Mid",
        "Summer",
        "Winter",
        "Spring",
        "Autumn",
        "Fall",
        "Christmas",
        "Easter",
        "Fiscal",
        "Calendar",
        "Year",
        "Budget",
        "Than",
        "Also",
        "Then",
        "Even",
        "Only",
        "Unlike",
        "Like",
        "But",
        "While",
        "When",
        "Where",
        "If",
        "Throughout",
        "Following",
        "Ending",
        "Starting",
        "Beginning",
        "Last",
        "Next",
        "This",
        "That",
        "Its",
        "Every",
        "Each",
    }
)


def _after_name(text: str, start: int) -> bool:
    """Whether the year at ``start`` follows a capitalised word that is not a sentence opener or a
    preposition, i.e. probably closes a name ("Vision 2030", "Eagles of Civilization 2025")."""
    match = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    if match is None or match.group("lead") is not None or match.start("word") == 0:
        return False
    return match.group("word") not in _YEAR_LEAD_WORDS


def _year_from_words(text: str, lexicon: Lexicon) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and eight" -> 2008, "eighteen hundred" -> 1800."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words.startswith("two thousand"):
        rest = words[len("two thousand") :].strip()
        rest = rest[4:] if rest.startswith("and ") else rest
        extra = lexicon.parse_number(rest) if rest else 0
        return 2000 + int(extra) if extra is not None and extra < 100 else None
    head, _, rest = words.partition(" ")
    century = lexicon.parse_number(head)
    if century is None:
        return None
    if rest.startswith("hundred"):
        rest = rest[len("hundred") :].strip()
        rest = rest[4:] if rest.startswith("and ") else rest
    tail = lexicon.parse_number(rest) if rest else 0
    if tail is None or tail >= 100:
        return None
    return int(century) * 100 + int(tail)


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def normalize_decade(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Decades: "the 1990s" -> 199X, "the '90s", "the nineties"."""
    if groups.get("decade"):
        return Resolution("DATE", f"{(_int(groups['decade']) or 0) // 10:03d}")
    reference_year = ctx.dct.year if ctx.dct else 2000
    if groups.get("decade_short"):
        digit = (_int(groups["decade_short"]) or 0) // 10
    else:
        digit = _DECADE_WORDS.get(_norm_rel(groups.get("decade_word")), -1)
        if digit < 0:
            return REJECT
        return Resolution("DATE", f"19{digit}")
    century = reference_year // 100
    if digit * 10 > reference_year % 100:
        century -= 1
    return Resolution("DATE", f"{century:02d}{digit}")


def normalize_century(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Centuries: "the 20th century" -> 19, "the 1800s" -> 18."""
    if groups.get("century_num"):
        return Resolution("DATE", f"{_int(groups['century_num']):02d}")
    ordinal = ctx.lexicon.ordinal_number(groups.get("century_ord"))
    if ordinal is None or ordinal < 1 or ordinal > 21:
        return REJECT
    return Resolution("DATE", f"{ordinal - 1:02d}")


def _current_season(day: date) -> tuple[str, int]:
    if day.month in (3, 4, 5):
        return "SP", day.year
    if day.month in (6, 7, 8):
        return "SU", day.year
    if day.month in (9, 10, 11):
        return "FA", day.year
    return "WI", day.year if day.month == 12 else day.year - 1


_SEASON_ORDER = ["WI", "SP", "SU", "FA"]


def _season_index(season: str, year: int) -> int:
    # Winter YYYY starts in December of YYYY: order WI(y-1) < SP(y) < SU(y) < FA(y) < WI(y).
    return year * 4 + (_SEASON_ORDER.index(season) if season != "WI" else 4)


def normalize_season(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Seasons: "this summer", "last fall", "summer 2024", "in the spring"."""
    season = ctx.lexicon.seasons.get(_norm_rel(groups.get("season")))
    if season is None:
        return REJECT
    if groups.get("year"):
        return Resolution("DATE", f"{int(groups['year'] or 0):04d}-{season}")
    dct = ctx.dct
    if dct is None:
        return Resolution("DATE", f"XXXX-{season}")
    rel = _norm_rel(groups.get("rel"))
    current, current_year = _current_season(dct)
    current_index = _season_index(current, current_year)
    candidates = [(_season_index(season, year), year) for year in (dct.year - 1, dct.year, dct.year + 1)]
    if rel in ("last", "past", "this past", "previous", "the previous"):
        year = max((item for item in candidates if item[0] < current_index), default=candidates[0])[1]
    elif rel in ("next", "coming", "this coming", "the following"):
        year = min((item for item in candidates if item[0] > current_index), default=candidates[-1])[1]
    elif rel in ("that", "the same"):
        point = ctx.reference_point()
        year = point[0].year if point else dct.year
    elif rel == "this" and season == current:
        year = current_year
    else:
        year = ctx.by_tense(lambda tense: resolve_season(dct, season, tense))
    return Resolution("DATE", f"{year:04d}-{season}")


def _previous_quarter(day: date) -> str:
    return format_date(shift(day.replace(day=1), -3, "M"), "quarter")


def _quarter_minus_year(value: str) -> str:
    return f"{int(value[:4]) - 1:04d}{value[4:]}"


def normalize_quarter(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Quarters: "the third quarter (of 2024)", "third-quarter", "Q3", "the quarter", "the year-ago
    quarter"."""
    dct = ctx.dct
    if groups.get("period_year"):
        # "the 1988 period": in a report about a quarter, that quarter of 1988
        last = ctx.state.last_quarter[0] if ctx.state.last_quarter else None
        year_value = f"{int(groups['period_year'] or 0):04d}"
        return Resolution("DATE", f"{year_value}{last[4:]}" if last else year_value, anchor=False)
    rel = _norm_rel(groups.get("rel") or groups.get("rel_p"))
    ordinal_text = groups.get("ord")
    quarter: int | None = None
    if groups.get("qnum"):
        quarter = _int(groups["qnum"])
    elif ordinal_text:
        ordinal = ctx.lexicon.ordinal_number(ordinal_text)
        quarter = 4 if ordinal == -1 else ordinal
        if quarter is None or not 1 <= quarter <= 4:
            return REJECT
    year_text = groups.get("year") or groups.get("year_b")
    year: int | None = None
    if year_text:
        digits = _NON_DIGITS.sub("", year_text)
        year = _two_digit_year(digits, dct) if len(digits) == 2 else int(digits)
    last_quarter = ctx.state.last_quarter[0] if ctx.state.last_quarter else None
    if quarter is None:
        # "the quarter", "this quarter", "the year-ago quarter"
        if dct is None:
            return Resolution("DATE", last_quarter or "XXXX-QX")
        if rel in ("this", "current"):
            value = format_date(dct, "quarter")
        elif rel in ("last", "past", "previous"):
            value = _previous_quarter(dct)
        elif rel in ("next", "coming"):
            value = format_date(shift(dct.replace(day=1), 3, "M"), "quarter")
        elif rel in ("year-ago", "year-earlier", "prior-year", "comparable"):
            return Resolution(
                "DATE", _quarter_minus_year(last_quarter or _previous_quarter(dct)), anchor=False
            )
        else:  # "the", "that", "same", "latest", "most recent", "just-ended"
            value = last_quarter or (
                format_date(dct, "quarter") if ctx.tense == "FUTURE" else _previous_quarter(dct)
            )
        return Resolution("DATE", value)
    if year is None and groups.get("yrel") and dct is not None:
        year = dct.year + {"last": -1, "next": 1}.get(_norm_rel(groups.get("yrel")), 0)
    if year is None:
        if dct is None:
            return Resolution("DATE", f"XXXX-Q{quarter}")
        year = ctx.by_tense(lambda tense: resolve_quarter(dct, quarter, tense))
        if rel in ("year-ago", "year-earlier", "prior-year", "comparable"):
            return Resolution("DATE", f"{year - 1:04d}-Q{quarter}", anchor=False)
        if rel in ("next", "coming") and (year, quarter) <= (dct.year, quarter_of(dct)):
            year += 1
    return Resolution("DATE", f"{year:04d}-Q{quarter}")


def normalize_half(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Halves: "the first half of 2024" -> 2024-H1, "the second half of this year"."""
    ordinal = _norm_rel(groups.get("ord"))
    half = 1 if ordinal in ("first", "1st") else 2
    if groups.get("decade"):
        decade = (_int(groups["decade"]) or 0) // 10
        return Resolution("DATE", f"{decade:03d}", mod="START" if half == 1 else "END")
    if groups.get("year"):
        return Resolution("DATE", f"{int(groups['year'] or 0):04d}-H{half}")
    dct = ctx.dct
    if dct is None:
        return Resolution("DATE", f"XXXX-H{half}")
    rel = _norm_rel(groups.get("rel"))
    year = dct.year + {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(rel, 0)
    return Resolution("DATE", f"{year:04d}-H{half}")


# ---------------------------------------------------------------------------------------------- relative
# units
_UNIT_GRANULARITY = {
    "D": "day",
    "W": "week",
    "WE": "weekend",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
    "2W": "week",
}


def _weekend_value(dct: date, tense: Tense | None, rel: str) -> str:
    monday = dct - timedelta(days=dct.isoweekday() - 1)
    this_weekend = monday + timedelta(days=5)
    if rel in ("last", "past", "this past", "the past", "the last", "previous", "the previous"):
        target = this_weekend - timedelta(days=7) if dct < this_weekend else this_weekend - timedelta(days=7)
    elif rel in ("next", "coming", "the coming", "this coming", "upcoming", "the upcoming"):
        target = this_weekend if dct.isoweekday() < 6 else this_weekend + timedelta(days=7)
    elif rel in ("this",):
        target = this_weekend
    else:  # "the weekend": past -> the latest one; future/none -> by weekday
        if dct.isoweekday() >= 6 or tense == "FUTURE" or (tense is None and dct.isoweekday() >= 4):
            target = this_weekend
        else:
            target = this_weekend - timedelta(days=7)
    return format_date(target, "weekend")


def normalize_rel_unit(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "last year", "this week", "next month", "the following day", "that same day", "the past year",
    "the weekend", "this century"."""
    rel = _norm_rel(groups.get("rel"))
    unit = ctx.lexicon.unit_code(groups.get("unit")) or ""
    if unit in ("D",) and rel in (
        "last",
        "past",
        "the past",
        "the last",
        "this",
        "coming",
        "the coming",
        "current",
        "the current",
        "the latest",
        "upcoming",
        "the upcoming",
        "next",
    ):
        return REJECT  # "the last day of the exercise", "this day": not a calendar reference
    if unit == "2W":
        if rel in ("the past", "the last", "past", "last"):
            return Resolution("DURATION", "P2W", anchor=False)
        return REJECT
    if rel in ("the past", "the last") and unit in ("W", "M", "Y", "DE"):
        # "the past week": the seven days up to now, a period (the corpus gold annotates it so)
        return Resolution("DURATION", f"P1{unit}", anchor=False)
    if unit == "DE" and rel == "past":
        return Resolution("DURATION", "P1DE", anchor=False)
    anaphoric = rel in _ANAPHORIC_NEXT | _ANAPHORIC_PREV | _ANAPHORIC_SAME or rel in (
        "the next",
        "the ensuing",
    )
    if rel == "the next" and unit in ("DE", "CE"):
        anaphoric = False  # "the next decade" looks ahead from now
    if anaphoric:
        if unit == "D":
            anchor = ctx.reference_day()
        else:
            point = ctx.reference_point()
            anchor = point[0] if point else None
    else:
        anchor = ctx.dct
    if anchor is None and anaphoric and unit == "D":
        # "on 29 October ... the next day" with no year anywhere: XXXX-10-30
        shifted = _shift_yearless_day(ctx.reference_day_text(), _ANAPHORIC_DAY_OFFSETS.get(rel, 1 if rel in
                                      _ANAPHORIC_NEXT or rel in ("the next", "the ensuing") else None))  # fmt: skip
        if shifted is not None:
            return Resolution("DATE", shifted)
    if anchor is None:
        return Resolution("DATE", None)
    if unit == "WE":
        return Resolution("DATE", _weekend_value(anchor, ctx.tense, rel))
    if rel in _ANAPHORIC_SAME or rel in (
        "this",
        "current",
        "the current",
        "the present",
        "the latest",
        "the same",
    ):
        offset = 0
    elif rel in _PAST_RELS or rel in _ANAPHORIC_PREV:
        offset = -1
    elif rel in _NEXT_RELS or rel in _ANAPHORIC_NEXT or rel == "the ensuing":
        offset = 1
    else:
        offset = 0
    granularity = _UNIT_GRANULARITY.get(unit)
    if granularity is None:
        return REJECT
    if unit == "CE":
        return Resolution("DATE", f"{anchor.year // 100 + offset:02d}")
    if unit == "DE":
        return Resolution("DATE", f"{anchor.year // 10 + offset:03d}")
    return Resolution("DATE", format_date(shift(anchor, offset, unit), granularity))


_ANAPHORIC_DAY_OFFSETS = {**{r: -1 for r in _ANAPHORIC_PREV}, **{r: 0 for r in _ANAPHORIC_SAME}}


def _shift_yearless_day(value: str | None, offset: int | None) -> str | None:
    """``XXXX-10-29`` moved by ``offset`` days (``XXXX-10-30``); None for other values, for an unknown
    offset, and across the end of February, where the unknown year decides."""
    match = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value or "")
    if match is None or offset is None:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    if month == 2 and day >= 28 or month == 3 and day == 1 and offset < 0:
        return None
    try:
        moved = date(2001, month, day) + timedelta(days=offset)  # any year that is not a leap year
    except ValueError:
        return None
    return f"XXXX-{moved.month:02d}-{moved.day:02d}"


def normalize_the_unit(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "the year", "the full year", "the fiscal year", "the week" in reports: the DCT's year/week, or a
    one-year period when a closing date follows ("the year ended June 30")."""
    unit = ctx.lexicon.unit_code(groups.get("unit"))
    if unit not in ("Y", "W"):
        return REJECT
    if re.match(r"\s+(?:ended|ending|to|through)\b", ctx.text[ctx.end : ctx.end + 20]):
        return Resolution("DURATION", "P1Y" if unit == "Y" else "P1W", anchor=False)
    if ctx.dct is None:
        return Resolution("DATE", None)
    return Resolution("DATE", format_date(ctx.dct, "year" if unit == "Y" else "week"), anchor=False)


def normalize_week_of(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "the week of March 6" -> the ISO week containing that day."""
    day_resolution = normalize_calendar(groups, ctx)
    if not isinstance(day_resolution, Resolution) or not day_resolution.value:
        return day_resolution
    if day_resolution.value.startswith("XXXX"):
        return Resolution("DATE", "XXXX-WXX")
    parsed = date.fromisoformat(day_resolution.value[:10])
    return Resolution("DATE", format_date(parsed, "week"))


_DEICTIC_OFFSETS = {
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "tonight": 0,
}


def normalize_deictic(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "today", "yesterday", "tomorrow", "the day before yesterday"."""
    word = _norm_rel(groups.get("deictic"))
    surface = ctx.text[ctx.start : ctx.end]
    if surface == "Today" and _NAME_BEFORE.search(ctx.text, max(0, ctx.start - 30), ctx.start):
        return REJECT  # "Russia Today", "USA Today": a title, not the day
    if ctx.dct is None:
        yearless = ctx.state.yearless_dct  # "yesterday" under a dateline without a year: XXXX-12-08
        return Resolution("DATE", shift_day_text(yearless, _DEICTIC_OFFSETS.get(word, 0)) if yearless else None)
    return Resolution("DATE", (ctx.dct + timedelta(days=_DEICTIC_OFFSETS.get(word, 0))).isoformat())


_POD_CODES = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "overnight": "NI",
}


def normalize_deictic_pod(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "this morning", "yesterday afternoon", "last night", "tonight", "overnight" (TIME with a part of
    day)."""
    deictic = _norm_rel(groups.get("deictic"))
    pod_word = _norm_rel(groups.get("pod"))
    code = _POD_CODES.get(pod_word)
    if code is None:
        return REJECT
    mod = None
    for prefix, value in (("early ", "START"), ("earlier ", "START"), ("late ", "END"), ("later ", "END")):
        if deictic.startswith(prefix):
            mod = value
            deictic = deictic[len(prefix) :]
    if pod_word == "overnight" and ctx.state.mentioned_day_before(ctx.start):
        # "left Urumqi on April 17, stopped overnight in Muscat": the night of the day just mentioned
        base = ctx.sentence_day or ctx.reference_day_text()
        return Resolution("TIME", f"{base}T{code}" if base else None, mod=mod)
    if ctx.dct is None and not ctx.state.yearless_dct:
        return Resolution("TIME", None, mod=mod)
    if pod_word == "overnight":
        offset = 0 if ctx.tense == "FUTURE" else -1
    elif deictic in ("yesterday", "last"):
        offset = -1
    elif deictic == "tomorrow":
        offset = 1
    else:
        offset = 0
    if ctx.dct is None:
        day = shift_day_text(ctx.state.yearless_dct or "", offset)
        return Resolution("TIME", f"{day}T{code}" if day else None, mod=mod)
    return Resolution("TIME", f"{(ctx.dct + timedelta(days=offset)).isoformat()}T{code}", mod=mod)


_UNDATED_DAY = re.compile(r"XXXX-(?:WXX-[1-7]|\d\d-\d\d)")


def normalize_anaphoric_pod(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "that night", "the next morning", "the following evening": a part of the reference day (the day in
    the same sentence, else the last day mentioned, else the DCT)."""
    rel = _norm_rel(groups.get("rel"))
    code = _POD_CODES.get(_norm_rel(groups.get("pod")))
    if code is None:
        return REJECT
    base = ctx.sentence_day or ctx.reference_day_text()
    if base is None:
        return Resolution("TIME", None)
    offset = 1 if rel in ("the next", "the following") else -1 if rel == "the previous" else 0
    day = shift_day_text(base, offset)
    if day is None and offset == 0 and _UNDATED_DAY.fullmatch(base):
        day = base  # "On Tuesday (no publication date) ... the same evening": XXXX-WXX-2TEV
    return Resolution("TIME", f"{day}T{code}" if day else None)


_ANAPHORIC_WEEKDAY_RELATIONS = {"the following": "next", "the next": "next", "the previous": "last"}
_WEEKDAY_RELATIONS = {
    "this past": "last",
    "past": "last",
    "previous": "last",
    "this coming": "next",
    "coming": "next",
    "following": "next",
}
_SINCE_BEFORE = re.compile(r"(?=[SsEe])\b(?:since|ever since)\s+$", re.IGNORECASE)  # lookahead: skip others


def normalize_weekday(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Weekdays: "Wednesday" (by tense), "last Friday", "next Tuesday", "Tuesday next week", "the following
    Monday"."""
    weekday = ctx.lexicon.weekday_number(groups.get("weekday"))
    if weekday is None:
        return REJECT
    rel = _norm_rel(groups.get("rel"))
    wrel = _norm_rel(groups.get("wrel"))
    if rel in ("the following", "the next", "the previous", "that"):
        anchor = ctx.reference_day()
        relation = _ANAPHORIC_WEEKDAY_RELATIONS.get(rel)
    else:
        anchor = ctx.dct
        relation = _WEEKDAY_RELATIONS.get(rel, rel or None)
    if anchor is None:
        return Resolution("DATE", f"XXXX-WXX-{weekday}")
    if wrel:
        monday = anchor - timedelta(days=anchor.isoweekday() - 1)
        monday += timedelta(days=7 * {"last": -1, "next": 1}.get(wrel, 0))
        return Resolution("DATE", (monday + timedelta(days=weekday - 1)).isoformat())
    if not relation and (
        ctx.text.startswith("'s", ctx.end)  # "Wednesday's ruling", "Thursday's closing price": reported
        or _SINCE_BEFORE.search(ctx.text, max(0, ctx.start - 12), ctx.start)  # "since Wednesday": a day gone
    ):  # an event already over
        resolved = resolve_weekday(anchor, weekday, "PAST", relation=relation)
    else:
        resolved = ctx.by_tense(lambda tense: resolve_weekday(anchor, weekday, tense, relation=relation))
    if rel == "last" and (anchor - resolved).days == 1:
        # "last Thursday" written on a Friday is the Thursday of the week before: yesterday would be
        # "yesterday" or "Thursday" (the corpus's writers date it so every time)
        resolved -= timedelta(days=7)
    return Resolution("DATE", resolved.isoformat())


def normalize_holiday(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Holidays: "Christmas", "Thanksgiving Day", "Victory Day", "Easter 2024", "last Christmas"."""
    code = ctx.lexicon.holidays.get(re.sub(r"\s+", " ", (groups.get("holiday") or "").lower()))
    if code is None:
        return REJECT
    if groups.get("year"):
        resolved = holiday_date(code, int(groups["year"] or 0))
        return Resolution("DATE", resolved.isoformat() if resolved else None)
    dct = ctx.dct
    if dct is None:
        return Resolution("DATE", f"XXXX-{code}" if re.fullmatch(r"\d\d-\d\d", code) else None)
    rel = _norm_rel(groups.get("rel"))
    this_year = holiday_date(code, dct.year)
    if this_year is None:
        return Resolution("DATE", None)
    year = dct.year
    looks_back = rel == "last" or (not rel and ctx.tense == "PAST")
    looks_ahead = rel == "next" or (not rel and ctx.tense == "FUTURE")
    if looks_back and (this_year > dct or (rel == "last" and this_year == dct)):
        year -= 1
    elif looks_ahead and (this_year < dct or (rel == "next" and this_year == dct)):
        year += 1
    resolved = holiday_date(code, year)
    return Resolution("DATE", resolved.isoformat() if resolved else None)


# ---------------------------------------------------------------------------------------------- offsets
_BACKWARD = {"ago", "earlier", "before", "prior", "previously", "back", "beforehand"}
_DEICTIC_DIRS = {"ago", "from now", "hence", "back"}
_QUARTER_CONTEXT_CHARS = 400


def _quarter_context(ctx: NormContext) -> str | None:
    """The quarter mentioned shortly before (financial reports: "a year earlier" means that quarter a year
    back)."""
    last = ctx.state.last_quarter
    if last and ctx.start - last[1] <= _QUARTER_CONTEXT_CHARS:
        return last[0]
    return None


def normalize_offset(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "two days ago", "a year earlier", "two days later", "three weeks from now", "the day before"."""
    direction = _norm_rel(groups.get("dir"))
    unit = ctx.lexicon.unit_code(groups.get("unit"))
    if unit is None:
        return REJECT
    sign = -1 if direction in _BACKWARD else 1
    vague = groups.get("vague") is not None and groups.get("num") is None
    if vague or (groups.get("num") is None and (groups.get("unit") or "").lower().endswith("s")):
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor=False)
    amount = ctx.lexicon.parse_number(groups.get("num")) if groups.get("num") else 1.0
    if amount is None:
        return REJECT
    deictic = direction in _DEICTIC_DIRS
    if unit == "Y" and amount == 1 and not ctx.mod:
        quarter = _quarter_context(ctx)
        if quarter is not None:
            return Resolution("DATE", _quarter_minus_year(quarter), anchor=False)
    anchor = ctx.dct if deictic else (ctx.reference_day() if unit in ("D", "W") else None)
    if anchor is None and not deictic and unit == "D" and float(amount).is_integer():
        # "on 3 September ... a day earlier" with no year anywhere: XXXX-09-02
        shifted = _shift_yearless_day(ctx.reference_day_text(), int(amount) * sign)
        if shifted is not None:
            return Resolution("DATE", shifted)
    if anchor is None and not deictic:
        point = ctx.reference_point()
        anchor = point[0] if point else None
    if anchor is None:
        return Resolution("DATE", None)
    if unit in ("H", "MIN", "SEC"):
        return Resolution("DATE", anchor.isoformat(), anchor=False)
    if not float(amount).is_integer():
        if unit == "Y":
            amount, unit = amount * 12, "M"
        elif unit == "M":
            amount, unit = amount * 30, "D"
        elif unit == "W":
            amount, unit = amount * 7, "D"
        amount = round(amount)
    steps = int(amount) * sign
    if unit == "DE":
        return Resolution("DATE", format_date(shift(anchor, steps * 10, "Y"), "year"))
    if unit == "CE":
        return Resolution("DATE", format_date(shift(anchor, steps * 100, "Y"), "century"))
    if unit == "WE":
        unit = "W"
    granularity = _UNIT_GRANULARITY.get(unit)
    if granularity is None:
        return REJECT
    if unit == "2W":
        steps, unit = steps * 2, "W"
    return Resolution("DATE", format_date(shift(anchor, steps, unit), granularity))


def normalize_year_earlier(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Financial comparisons: "year-earlier", "the year-ago quarter", "the same period last year"."""
    what = _norm_rel(groups.get("what"))
    if what in ("nine months", "six months"):
        return Resolution("DURATION", duration_value(9 if what.startswith("nine") else 6, "M"), anchor=False)
    quarter = _quarter_context(ctx) or (ctx.state.last_quarter[0] if ctx.state.last_quarter else None)
    adjective = _norm_rel(groups.get("adj"))
    explicit = re.search(r"(\d{4})", adjective)
    if explicit:
        year = int(explicit.group(1))
        if quarter and what in ("quarter", "period"):
            return Resolution("DATE", f"{year:04d}{quarter[4:]}", anchor=False)
        return Resolution("DATE", f"{year:04d}", anchor=False)
    if quarter and (what in ("", "quarter", "period", "results", "level") or what.endswith("quarter")):
        if what.endswith("quarter") and what != "quarter":
            ordinal = ctx.lexicon.ordinal_number(what.split()[0])
            if ordinal:
                return Resolution("DATE", f"{int(quarter[:4]) - 1:04d}-Q{ordinal}", anchor=False)
        return Resolution("DATE", _quarter_minus_year(quarter), anchor=False)
    if ctx.dct is None:
        return Resolution("DATE", None)
    if what.endswith("quarter") and what != "quarter":
        ordinal = ctx.lexicon.ordinal_number(what.split()[0])
        if ordinal:
            return Resolution(
                "DATE", f"{resolve_quarter(ctx.dct, ordinal, 'PAST') - 1:04d}-Q{ordinal}", anchor=False
            )
    return Resolution("DATE", f"{ctx.dct.year - 1:04d}", anchor=False)


_EDGE_MODS = {
    "end": "END",
    "close": "END",
    "beginning": "START",
    "start": "START",
    "middle": "MID",
    "turn": "START",
    "first half": "START",
    "second half": "END",
}


def normalize_period_edge(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "the end of the year", "the beginning of this month", "year-end", "the end of this week"."""
    edge = _norm_rel(groups.get("edge") or groups.get("edge_b"))
    unit_word = _norm_rel(groups.get("unit") or groups.get("unit_b"))
    rel = _norm_rel(groups.get("rel"))
    mod = _EDGE_MODS.get(edge)
    if unit_word in ctx.lexicon.seasons:
        resolution = normalize_season({"season": unit_word, "rel": rel if rel != "the" else None}, ctx)
        if isinstance(resolution, Resolution):
            resolution.mod = mod
        return resolution
    unit = ctx.lexicon.unit_code(unit_word)
    if unit is None:
        return REJECT
    anchor = ctx.dct
    if rel == "that":
        point = ctx.reference_point()
        anchor = point[0] if point else anchor
    if anchor is None:
        return Resolution("DATE", None, mod=mod)
    offset = {"next": 1, "the coming": 1, "last": -1, "the previous": -1}.get(rel, 0)
    if unit == "CE":
        return Resolution("DATE", f"{anchor.year // 100 + offset:02d}", mod=mod)
    if unit == "DE":
        return Resolution("DATE", f"{anchor.year // 10 + offset:03d}", mod=mod)
    granularity = _UNIT_GRANULARITY.get(unit)
    if granularity is None or granularity == "weekend":
        return REJECT
    if edge in ("first half", "second half") and unit == "Y":
        return Resolution("DATE", f"{anchor.year + offset:04d}-H{1 if edge == 'first half' else 2}")
    return Resolution("DATE", format_date(shift(anchor, offset, unit), granularity), mod=mod)


def normalize_edge_of_point(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "the end of November", "the beginning of October 2025", "the end of 1990", "the end of the 1990s"."""
    edge = _norm_rel(groups.get("edge"))
    target = groups.get("target") or ""
    mod = _EDGE_MODS.get(edge)
    decade = re.search(r"(1[0-9]{2}0|20[0-9]0)s", target)
    if decade:
        return Resolution("DATE", f"{int(decade.group(1)) // 10:03d}", mod=mod)
    year = re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", target)
    month_match = re.match(r"[A-Za-z]+", target)
    month = ctx.lexicon.month_number(month_match.group(0)) if month_match else None
    if month is None:
        if year:
            return Resolution("DATE", year.group(1), mod=mod)
        return REJECT
    if year:
        return Resolution("DATE", f"{year.group(1)}-{month:02d}", mod=mod)
    resolution = normalize_month({"month": month_match.group(0) if month_match else None}, ctx)
    if isinstance(resolution, Resolution):
        resolution.mod = mod
    return resolution


# ---------------------------------------------------------------------------------------------- references
def normalize_ref(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "now", "currently", "recently", "the past", "the future", "soon" -> PRESENT_REF / PAST_REF /
    FUTURE_REF."""
    word = _norm_rel(groups.get("word"))
    word = re.sub(r"^(?:more|most|only|just|very|until) (?=recently)", "", word)
    value = ctx.params.get("value") or ctx.lexicon.ref_words.get(word)
    if value is None:
        return REJECT
    return Resolution("DATE", value, anchor=False)


# ---------------------------------------------------------------------------------------------- durations
def normalize_duration(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """ "three years", "six-month", "the past two months", "a few days", "recent years", "two to three weeks",
    "two hours and 30 minutes", "day-long", "half an hour"."""
    lexicon = ctx.lexicon
    unit_word = (groups.get("unit") or "").lower()
    unit = lexicon.unit_code(unit_word)
    if unit is None:
        return REJECT
    num_text = groups.get("num")
    if num_text and _norm_rel(num_text) in ("a", "an") and unit == "SEC":
        return REJECT  # "a second aircraft"
    if unit == "WE":
        return REJECT
    if ctx.params.get("vague") or groups.get("vague"):
        vague_word = _norm_rel(groups.get("vague"))
        fixed = lexicon.vague_numbers.get(vague_word, "X") if vague_word else "X"
        amount: float | str = "X" if fixed == "X" else float(fixed)
        return Resolution("DURATION", duration_value(amount, unit), anchor=False)
    if ctx.params.get("long"):
        amount = "X" if unit_word.endswith("s") else 1.0
        return Resolution("DURATION", duration_value(amount, unit), anchor=False)
    amount_value = lexicon.parse_number(num_text)
    if amount_value is None or _YEAR_NUMBER.fullmatch(num_text or ""):
        return REJECT  # "the 1988 quarter" is a date, not 1988 quarters
    if groups.get("half"):
        amount_value += 0.5
    if amount_value <= 0 or amount_value > 10000:
        return REJECT
    value = duration_value(amount_value, unit)
    if value is None:
        return REJECT
    range_end = None
    if groups.get("num_to"):
        upper = lexicon.parse_number(groups["num_to"])
        if upper is None or upper <= amount_value:
            return REJECT
        range_end = duration_value(upper, unit)
    if groups.get("num2") and groups.get("unit2"):
        unit2 = lexicon.unit_code(groups["unit2"])
        amount2 = lexicon.parse_number(groups["num2"])
        if unit2 is None or amount2 is None:
            return REJECT
        second = duration_value(amount2, unit2)
        if second is None:
            return REJECT
        value = _combine_durations(value, second)
    return Resolution("DURATION", value, range_end=range_end, anchor=False)


# ---------------------------------------------------------------------------------------------- sets
_ADVERB_SETS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "annual": "P1Y",  # "the annual exercise"
    "yearly": "P1Y",
    "hourly": "PT1H",
    "biannually": "P6M",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "fortnightly": "P2W",
    "biweekly": "P2W",
    "bi-weekly": "P2W",
    "bimonthly": "P2M",
    "bi-monthly": "P2M",
}
_FREQ_WORDS = {"once": 1, "twice": 2, "thrice": 3}


def _freq(groups: Groups, lexicon: Lexicon) -> str | None:
    word = _norm_rel(groups.get("freq"))
    if not word:
        return None
    if word in _FREQ_WORDS:
        return f"{_FREQ_WORDS[word]}X"
    count = lexicon.parse_number(groups.get("fnum"))
    return f"{_fmt_amount(count)}X" if count else None


def normalize_set(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Sets: "daily", "twice a week", "every two weeks", "every Monday", "each July", "Mondays", "a day"."""
    lexicon = ctx.lexicon
    freq = _freq(groups, lexicon)
    if groups.get("adverb"):
        value = _ADVERB_SETS.get(_norm_rel(groups["adverb"]))
        return Resolution("SET", value, freq=freq, anchor=False) if value else REJECT
    if groups.get("weekdays") or groups.get("weekday"):
        weekday = lexicon.weekday_number(groups.get("weekdays") or groups.get("weekday"))
        return Resolution("SET", f"XXXX-WXX-{weekday}", anchor=False) if weekday else REJECT
    if groups.get("month"):
        month = lexicon.month_number(groups["month"])
        return Resolution("SET", f"XXXX-{month:02d}", anchor=False) if month else REJECT
    if groups.get("pod"):
        code = _POD_CODES.get(_norm_rel(groups["pod"]))
        return Resolution("SET", f"XXXX-XX-XXT{code}", anchor=False) if code else REJECT
    if groups.get("season"):
        season = lexicon.seasons.get(_norm_rel(groups["season"]))
        return Resolution("SET", f"XXXX-{season}", anchor=False) if season else REJECT
    unit = lexicon.unit_code(groups.get("unit"))
    if unit is None or unit == "WE":
        return REJECT
    amount: float | str = 1.0
    if groups.get("num"):
        parsed = lexicon.parse_number(groups["num"])
        if parsed is None:
            vague = lexicon.vague_numbers.get(_norm_rel(groups["num"]))
            if vague is None:
                return REJECT
            amount = "X" if vague == "X" else float(vague)
        else:
            amount = parsed
    other = _norm_rel(groups.get("other"))
    if other in ("other", "second") and amount != "X":
        amount = float(amount) * 2
    elif other == "third" and amount != "X":
        amount = float(amount) * 3
    value = duration_value(amount, unit)
    return Resolution("SET", value, freq=freq, anchor=False) if value else REJECT


# ---------------------------------------------------------------------------------------------- clock times
_SPECIAL_TIMES = {
    "noon": "T12:00",
    "midday": "T12:00",
    "mid-day": "T12:00",
    "midnight": "T24:00",
    "mid-afternoon": "TAF",
    "midafternoon": "TAF",
    "mid-morning": "TMO",
    "midmorning": "TMO",
    "dawn": "TMO",
    "daybreak": "TMO",
    "sunrise": "TMO",
    "dusk": "TEV",
    "sunset": "TEV",
    "nightfall": "TEV",
}
_APPROX_WORDS = {"around", "about", "approximately", "roughly"}


def normalize_clock(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Clock times: "2:29 a.m.", "10 p.m. EDT", "0612Z", "14:30 UTC", "noon", "midnight", "4 in the morning".
    The day comes from a day-level date in the same sentence, else the DCT, else ``XXXX-XX-XX``."""
    day_text = (
        ctx.sentence_day
        or (ctx.reference_day_text() if ctx.flashback else ctx.state.narrative_day_text(ctx.start))
        or "XXXX-XX-XX"
    )
    mod = None
    approx = _norm_rel(groups.get("approx"))
    if approx in _APPROX_WORDS:
        mod = "APPROX"
    if groups.get("special"):
        special = _norm_rel(groups["special"]).replace(" ", "-")
        part = _SPECIAL_TIMES.get(special)
        if part is None:
            return REJECT
        if special.startswith("mid") and part in ("TAF", "TMO"):
            mod = "MID"
        return Resolution("TIME", f"{day_text}{part}", mod=mod)
    hour_text = groups.get("hour") or ""
    hour = _int(hour_text) if hour_text[:1].isdigit() else ctx.lexicon.parse_number(hour_text)
    if hour is None:
        return REJECT
    hour = int(hour)
    minute = _int(groups.get("minute")) or 0
    ampm = _SPACES_AND_DOTS.sub("", (groups.get("ampm") or "").lower())
    pod = _norm_rel(groups.get("pod"))
    if ampm.startswith("p") or (pod in ("afternoon", "evening") or (pod == "night" and hour >= 6)):
        if hour < 12:
            hour += 12
    elif (ampm.startswith("a") or pod == "morning") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return REJECT
    value = f"{day_text}T{hour:02d}:{minute:02d}"
    if groups.get("second"):
        value += f":{int(groups['second'] or 0):02d}"
    return Resolution("TIME", value, mod=mod)


def normalize_dateparser(groups: Groups, ctx: NormContext) -> Resolution | None | _Reject:
    """Rules that only recognise: the value is left to the dateparser fallback."""
    return None


NORMALIZERS: dict[str, Normalizer] = {
    "calendar": normalize_calendar,
    "day_of_month": normalize_day_of_month,
    "month": normalize_month,
    "year": normalize_year,
    "decade": normalize_decade,
    "century": normalize_century,
    "season": normalize_season,
    "quarter": normalize_quarter,
    "half": normalize_half,
    "rel_unit": normalize_rel_unit,
    "week_of": normalize_week_of,
    "the_unit": normalize_the_unit,
    "deictic": normalize_deictic,
    "deictic_pod": normalize_deictic_pod,
    "anaphoric_pod": normalize_anaphoric_pod,
    "weekday": normalize_weekday,
    "holiday": normalize_holiday,
    "offset": normalize_offset,
    "year_earlier": normalize_year_earlier,
    "period_edge": normalize_period_edge,
    "edge_of_point": normalize_edge_of_point,
    "ref": normalize_ref,
    "duration": normalize_duration,
    "set": normalize_set,
    "clock": normalize_clock,
    "dateparser": normalize_dateparser,
}
