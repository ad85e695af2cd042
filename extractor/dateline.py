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
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?)"
    r"(?:,\s*" + _MONTH + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?)?"
    r"\s*(?:\((?P<credit>[A-Za-z][A-Za-z/ .&-]{1,40})\))?"
    r"\s*[-–—]{1,2}\s",
)
_MAX_LINES = 4


def find_dateline(text: str) -> dict | None:
    offset = 0
    for lineno, line in enumerate(text.split("\n")):
        if lineno >= _MAX_LINES + 2:
            break
        match = _DATELINE.match(line)
        if match and (match.group("month") or match.group("credit")):
            return _to_dict(match, offset)
        offset += len(line) + 1
    return None


def _to_dict(match: re.Match, offset: int) -> dict:
    month = match.group("month")
    month_number = _MONTHS[month[:3].lower()] if month else None
    day = int(match.group("day")) if match.group("day") else None
    year = int(match.group("year")) if match.group("year") else None
    date = f"{year:04d}-{month_number:02d}-{day:02d}" if year and month_number and day else None
    credit = match.group("credit")
    return {
        "start": offset + match.start(),
        "end": offset + match.end(),
        "place": match.group("place").strip().rstrip(","),
        "month": month_number,
        "day": day,
        "year": year,
        "date": date,
        "credit": credit,
        "credit_start": offset + match.start("credit") if credit else None,
        "credit_end": offset + match.end("credit") if credit else None,
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
