"""Article headers: datelines ("MOSCOW, Oct 30 (Reuters) -") and bylines ("By Jane Roe, Defence Horizon").

``find_dateline(text)`` looks at the start of each of the first lines of an article and returns a JSON-safe dict
(``start``, ``end``, ``place``, ``month``, ``day``, ``year``, ``date`` as "YYYY-MM-DD" when the year is given,
``credit`` and its offsets) or None. ``find_byline(text)`` returns ``{"outlet", "start", "end"}`` for a byline that
names the publishing outlet, or None. No spaCy here: the publication date is decided before the Doc is made.
"""

from __future__ import annotations

import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?"
)
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}"
    r"(?:,\s*(?!(?:" + _MONTH_NAMES + r")\b)[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?)"
    r"(?:,\s*(?:(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH_NAMES + r")\.?)(?:,?\s*(?P<year>\d{4}))?\.?)?"
    r"\s*(?:\((?P<credit>[A-Za-z][A-Za-z/ .&-]{1,40})\)|/(?P<credit2>[A-Za-z][A-Za-z .&-]{1,30})/\.?)?"
    r"\s*(?P<dash>[-–—]{1,2}\s)?",
)
_MAX_LINES = 4


def find_dateline(text: str) -> dict | None:
    offset = 0
    for lineno, line in enumerate(text.split("\n")):
        if lineno >= _MAX_LINES + 2:
            break
        match = _DATELINE.match(line)
        if match and _is_dateline(match):
            return _to_dict(match, offset)
        offset += len(line) + 1
    return None


def _is_dateline(match: re.Match) -> bool:
    """A dash or a /CREDIT/ must close it; an all-capitals place with a dash alone is enough ("QAMISHLI, Syria -")."""
    credit = match.group("credit") or match.group("credit2")
    if not (match.group("dash") or match.group("credit2")):
        return False
    place_head = match.group("place").split(",")[0].strip()
    return bool(match.group("month") or match.group("month2") or credit or (place_head.isupper() and len(place_head) > 2))


def _to_dict(match: re.Match, offset: int) -> dict:
    month = match.group("month") or match.group("month2")
    month_number = _MONTHS[month[:3].lower()] if month else None
    day_text = match.group("day") or match.group("day2")
    day = int(day_text) if day_text else None
    year = int(match.group("year")) if match.group("year") else None
    date = f"{year:04d}-{month_number:02d}-{day:02d}" if year and month_number and day else None
    group = "credit" if match.group("credit") else "credit2"
    credit = match.group(group)
    return {
        "start": offset + match.start(),
        "end": offset + match.end(),
        "place": match.group("place").strip().rstrip(","),
        "month": month_number,
        "day": day,
        "year": year,
        "date": date,
        "credit": credit,
        "credit_start": offset + match.start(group) if credit else None,
        "credit_end": offset + match.end(group) if credit else None,
    }


def resolve_year(dateline: dict, reference: str | None) -> str | None:
    """A dateline without a year ("Oct 30") takes the year of a reference date (e.g. ``--published``) if any."""
    if dateline.get("date"):
        return dateline["date"]
    if not (reference and dateline.get("month") and dateline.get("day")):
        return None
    return f"{reference[:4]}-{dateline['month']:02d}-{dateline['day']:02d}"


_BYLINE = re.compile(
    r"By (?P<who>[^,|\n]{2,80}?)\s*[,|]\s*(?P<outlet>(?:The )?[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,5})\s*$"
)
_BYLINE_TEAM = re.compile(r"By the (?P<outlet>[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,4}) (?:team|desk|staff)\s*$")
_MASTHEAD = re.compile(
    r"(?P<outlet>(?:The )?[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,3} "
    r"(?:Daily|Times|Post|News|Review|Weekly|Observer|Tribune|Herald|Journal|Gazette|Monitor|Report|Dispatch))\s*$"
)


def find_byline(text: str) -> dict | None:
    """'By a staff writer, Defence Horizon' / 'By the Sahel Skywatch team' -> the publishing outlet."""
    offset = 0
    for lineno, line in enumerate(text.split("\n")):
        if lineno >= _MAX_LINES + 2:
            break
        match = _BYLINE.match(line) or _BYLINE_TEAM.match(line) or (_MASTHEAD.match(line) if lineno else None)
        if match:
            return {"outlet": match.group("outlet"), "start": offset + match.start("outlet"),
                    "end": offset + match.end("outlet")}  # fmt: skip
        offset += len(line) + 1
    return None
