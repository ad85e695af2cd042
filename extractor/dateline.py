"""Article headers: datelines ("MOSCOW, Oct 30 (Reuters) -") and bylines ("By Jane Roe, Defence Horizon").

``find_dateline(text)`` looks at the start of each of the first lines of an article and returns a JSON-safe dict
(``start``, ``end``, ``place``, ``month``, ``day``, ``year``, ``date`` as "YYYY-MM-DD" when the year is given,
``credit`` and its offsets) or None. ``find_byline(text)`` returns ``{"outlet", "start", "end"}`` for a byline that
names the publishing outlet, or None. No spaCy here: the publication date is decided before the Doc is made.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?"
)
#: capital letters, accented ones included ("BRASÍLIA", "ŁÓDŹ", Romanian "CHIȘINĂU" with its comma below)
_UP = "A-ZÀ-ÖØ-ÞĀ-ſȘȚ"
#: any letter of a credit ("(Agência Força Aérea)")
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſȘșȚț"
_DATELINE = re.compile(
    rf"(?P<place>[{_UP}][{_UP}'’.\-]+(?:/[{_UP}][{_UP}'’.\-]+)?(?: [{_UP}][{_UP}'’.\-]+){{0,5}}"
    r"(?:,\s*(?!(?:" + _MONTH_NAMES + r")\b)[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?)"
    # "MORÓN DE LA FRONTERA (Seville), 3 March 2025 (EFE) -": the province in brackets, a date after it
    r"(?:\s*\([A-Z][^()\n]{1,30}\)(?=,\s*(?:\d{1,2}\s|(?:" + _MONTH_NAMES + r"))))?"
    r"(?:,\s*(?:(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH_NAMES + r")\.?)(?:,?\s*(?P<year>\d{4}))?\.?)?"
    rf"\s*(?:\((?P<credit>[{_LETTER}][{_LETTER}/ .&-]{{1,40}})\)|/(?P<credit2>[{_LETTER}][{_LETTER} .&-]{{1,30}})/\.?)?"
    r"\s*(?P<dash>(?:[-–—]{1,2}|:|(?<=\))\.)\s)?"
    rf"(?:\((?P<credit3>[{_LETTER}][{_LETTER}/ .&-]{{1,40}})\)\s)?",  # "8 May 2024 – (Agência Força Aérea) The"
)
#: "Baku, September 26, AZERTAC": a line of its own with the place, the date and the agency last
_TRAILING_CREDIT = re.compile(
    r"(?P<place>[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2}),\s*"
    r"(?:(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH_NAMES
    + r")\.?)(?:,?\s*(?P<year>\d{4}))?,\s*(?P<credit>[A-Z][A-Za-z]{1,15})(?P<credit2>)(?P<dash>)\s*$"
)
#: "Taitung, March 28 (CNA) Taiwan's Air Force ...": a place in mixed case, a date and an agency credit
_MIXED_CASE_DATELINE = re.compile(
    rf"(?P<place>[{_UP}][a-zà-öø-ÿĀ-ɏ'’.\-]+(?: [{_UP}][a-zà-öø-ÿĀ-ɏ'’.\-]+){{0,2}}),\s*"
    r"(?:(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH_NAMES
    + r")\.?)(?:,?\s*(?P<year>\d{4}))?\s*"
    rf"(?:\((?P<credit>[{_LETTER}][{_LETTER}/ .&-]{{1,40}})\)"
    rf"|/(?P<credit2>[{_LETTER}][{_LETTER} .&-]{{1,30}})/)"
    r"\s*(?P<dash>(?:[-–—]{1,2}|:|\.)\s)?"
)  # "Bucharest, June 16 /Agerpres/ - A Romanian C-130 ..." too
#: "ASTANA. December 9. KAZINFORM - ", "ASTANA. KAZINFORM - ": state-agency style, full stops after the place and the date
_DOTTED_DATELINE = re.compile(
    rf"(?P<place>[{_UP}][{_UP}'’\-]+(?: [{_UP}][{_UP}'’\-]+){{0,3}})\.\s+"
    r"(?:(?:(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH_NAMES
    + r")\.?)(?:,?\s*(?P<year>\d{4}))?\.\s+)?"
    rf"(?P<credit>[{_UP}][{_UP}\-]{{1,20}})(?P<credit2>)\s*(?P<dash>[-–—]{{1,2}}\s)"
)
#: "March 12" or "12 March"
_MONTH_DAY = (
    r"(?:(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH_NAMES + r")\.?)"
)
#: the same in any case ("NOVEMBER 22")
_MONTH_DAY_ANY_CASE = (
    r"(?:(?P<month>(?i:" + _MONTH_NAMES + r"))\.?\s+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>(?i:" + _MONTH_NAMES + r"))\.?)"
)
#: "Port Sudan, 21 July - Two C-130s ...", "N'Djaména (N'Djamena), 6 October - A Turkish A400M ...": a place
#: in mixed case (its English name in brackets after a local one), a date and a dash, with no credit
_MIXED_CASE_DASH_DATELINE = re.compile(
    r"(?!(?:The|On|In|At|By|An?|Last|This|Since|From|Until|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)\b)"
    rf"(?P<place>[{_UP}][{_LETTER}'’.\-]+(?: [{_UP}][{_LETTER}'’.\-]+){{0,2}})"
    r"(?:\s*\([^()\n]{1,40}\))?,\s*" + _MONTH_DAY + r"(?:,?\s*(?P<year>\d{4}))?(?P<credit>)(?P<credit2>)"
    r"\s*(?P<dash>[-–—]{1,2}\s)"
)
#: "TALLINN, 14 March 2024, BNS - ": the agency after the date, between commas and a dash
_COMMA_CREDIT_DATELINE = re.compile(
    rf"(?P<place>[{_UP}][{_UP}'’.\-]+(?: [{_UP}][{_UP}'’.\-]+){{0,3}}),\s*"
    + _MONTH_DAY_ANY_CASE + r"(?:,?\s*(?P<year>\d{4}))?,\s*"
    rf"(?P<credit>[{_UP}][{_UP}A-Za-z&\-]{{1,20}})(?P<credit2>)\s*(?P<dash>(?:[-–—]{{1,2}}|(?<=[{_UP}])\.)\s)"
)  # also "YEREVAN, NOVEMBER 22, 2024, ARMENPRESS. The Prime Minister ..."
#: "New Delhi, March 12, 2026" alone on a header line: a press release's place and date
_PLACE_DATE_LINE = re.compile(
    rf"(?P<place>[{_UP}][A-Za-zÀ-ÖØ-öø-ÿ'’.\-]+(?: [{_UP}][A-Za-zÀ-ÖØ-öø-ÿ'’.\-]+){{0,2}}),\s*"
    + _MONTH_DAY + r",?\s*(?P<year>\d{4})(?P<credit>)(?P<credit2>)(?P<dash>)\s*$"
)
#: "ANDERSEN AIR FORCE BASE, Guam (Aug. 12, 2024) – Four B-1Bs ...": a military release's dateline, its
#: date in brackets
_BRACKETED_DATE_DATELINE = re.compile(
    rf"(?P<place>[{_UP}][{_UP}'’.\-]+(?: [{_UP}][{_UP}'’.\-]+){{0,5}}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?)\s*\(\s*"
    + _MONTH_DAY + r",?\s*(?P<year>\d{4})\s*\)(?P<credit>)(?P<credit2>)\s*(?P<dash>[-–—]{1,2}\s)"
)
_MAX_LINES = 4
#: how far down a header of short lines may run
_HEADER_SCAN = 12


def find_dateline(text: str) -> dict | None:
    offset = 0
    lines = text.split("\n")
    for lineno, line in enumerate(lines):
        if lineno >= _MAX_LINES + 2:
            break
        match = _DOTTED_DATELINE.match(line)  # before the general form, which would read "ASTANA. KAZINFORM" as a place
        if match:
            return _to_dict(match, offset)
        match = _DATELINE.match(line)
        if match and _is_dateline(match):
            return _to_dict(match, offset)
        match = (
            _TRAILING_CREDIT.match(line)
            or _MIXED_CASE_DATELINE.match(line)
            or _COMMA_CREDIT_DATELINE.match(line)
            or _MIXED_CASE_DASH_DATELINE.match(line)
            or _BRACKETED_DATE_DATELINE.match(line)
        )
        if match:
            return _to_dict(match, offset)
        offset += len(line) + 1
    return _place_date_line(lines)


def _place_date_line(lines: list[str]) -> dict | None:
    """A header line that is only a place and a full date ("New Delhi, March 12, 2026"), among the lines above
    the body (a press release's issuer may take several)."""
    offset = len(lines[0]) + 1 if lines else 0
    for line in lines[1:_HEADER_SCAN]:
        stripped = line.strip()
        if len(stripped) > 90 or stripped.endswith((".", "?", "!")):
            return None  # the body has begun
        match = _PLACE_DATE_LINE.match(line)
        if match:
            return _to_dict(match, offset)
        offset += len(line) + 1
    return None


def _is_dateline(match: re.Match) -> bool:
    """A dash or a /CREDIT/ must close it; an all-capitals place with a dash alone is enough ("QAMISHLI, Syria -")."""
    credit = match.group("credit") or match.group("credit2")
    place_head = match.group("place").split(",")[0].strip()
    if place_head.lower() in _HEADER_LABELS or place_head.lower() == "thread":
        return False  # "MEDIA RELEASE - New Zealand Defence Force": a label, not a place
    dated = bool(match.group("month") or match.group("month2"))
    if not (match.group("dash") or match.group("credit2") or (match.group("credit") and dated)):
        return False  # "Taitung, March 28 (CNA) Taiwan's ...": a dated place and a credit need no dash
    if (match.group("dash") or "").startswith(":") and not credit:
        return False  # "UPDATE: ...": a colon closes a dateline only after an agency credit ("(APP):")
    return bool(
        match.group("month")
        or match.group("month2")
        or credit
        or (place_head.isupper() and len(place_head) > 2)
    )


def _to_dict(match: re.Match, offset: int) -> dict:
    month = match.group("month") or match.group("month2")
    month_number = _MONTHS[month[:3].lower()] if month else None
    day_text = match.group("day") or match.group("day2")
    day = int(day_text) if day_text else None
    year = int(match.group("year")) if match.group("year") else None
    date = f"{year:04d}-{month_number:02d}-{day:02d}" if year and month_number and day else None
    groups = match.groupdict()
    group = next((name for name in ("credit", "credit2", "credit3") if groups.get(name)), "credit2")
    credit = match.group(group) or None
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


#: a year in running text; "in December 2024" keeps its month
_YEAR_IN_TEXT = re.compile(
    r"(?:\b(?P<month>" + _MONTH_NAMES + r")\.?\s+(?:\d{1,2},?\s+)?)?\b(?P<year>(?:19|20)\d\d)\b"
)
#: "by 2027", "until 2030", "the 2026-27 season": a target or a span ahead, not the year the story is told in
_AHEAD = re.compile(
    r"\b(?:by|until|till|through|before|from|after|in fiscal|fiscal|FY|will|planned|scheduled|expected|due)"
    r"(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)


def year_in_text(text: str, month: int | None) -> int | None:
    """The year a story with a yearless dateline is told in, from the years its text names: the most often
    named one (on a tie the latest: "joined the alliance in 2004 ... the 2025 rotation"), without targets
    ahead ("by 2027"). A past month later in the year than the dateline's ("reopened its embassy in December
    2024" under "ANKARA, March 11") puts the story a year on."""
    counts: dict[int, int] = {}
    for match in _YEAR_IN_TEXT.finditer(text):
        year = int(match.group("year"))
        if text[match.end() : match.end() + 1] in {"-", "–", "/"}:
            continue  # "the 2026-27 season"
        if _AHEAD.search(text, max(0, match.start() - 30), match.start()):
            continue
        named = match.group("month")
        if named and month and _MONTHS[named[:3].lower()] > month:
            year += 1
        counts[year] = counts.get(year, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: "the country's military said on Tuesday": the day a wire story is filed, told in its first sentence
_SAID_ON_WEEKDAY = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|told [A-Z][\w.]*)\s+(?:on\s+)?(?P<day>"
    + "|".join(day.capitalize() for day in _WEEKDAYS)
    + r")\b"
)


def weekday_year(text: str, month: int, day: int, year: int) -> int:
    """The year, one either side of ``year``, in which the dateline's day is the weekday the first sentence
    says the news was told on ("PRETORIA, May 6 (Reuters) - ..., the military said on Tuesday": May 6 was a
    Tuesday in 2025, not in 2024); ``year`` itself when it fits or nothing else does."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n", text.strip(), maxsplit=1)[0]
    match = _SAID_ON_WEEKDAY.search(first)
    if match is None:
        return year
    wanted = _WEEKDAYS.index(match.group("day").lower())
    for candidate in (year, year + 1, year - 1):
        try:
            if date(candidate, month, day).weekday() == wanted:
                return candidate
        except ValueError:
            continue
    return year


_BYLINE = re.compile(
    r"By (?P<who>[^,|\n]{2,80}?)\s*[,|]\s*"
    r"(?P<outlet>(?:The )?(?:[A-Z]|\d{1,3}(?:st|nd|rd|th) [A-Z])[\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|\d{1,3})){0,5})\s*$"
)  # "By Sgt. Ann Roe, 1st Infantry Division Public Affairs": a unit's public affairs office publishes
#: "Horn Air Watch (@HornAirWatch)": an account's display name and handle on a header line of its own
_ACCOUNT_HEADER = re.compile(
    r"(?P<outlet>[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,4})\s+\(@\w{2,30}\)"
    r"(?:\s+on (?:X|Twitter|Telegram|Bluesky|Threads|Mastodon)|,\s+(?:an?|the)\s[^\n]{0,120})?\s*$"
)  # also "Special Flight Watch (@SFD_Watcher), an open-source account that follows ...", "... on X"
#: "@CaspianSkies · OSINT thread", "@VistulaWatch on X": a header line opening with a handle, then at most a
#: short label or the platform
_HANDLE_HEADER = re.compile(
    r"@(?P<outlet>\w{2,30})\s*"
    r"(?:[·•|]\s*(?!(?:" + _MONTH_NAMES + r")\b)[A-Z][a-z][^\n]{0,160}|[·•|\-–—:]\s*[\w ]{0,30}"
    r"|on (?:X|Twitter|Telegram|Bluesky|Threads|Mastodon))?$"
)  # also "@MedSkyWatch · Mediterranean flight tracking. Positions from ADS-B Exchange unless I say so."
#: "Joint press release of the Ministry of National Defense and ...", "Press release from the Ministry of ..."
_RELEASE_OF = re.compile(
    r"(?:Joint )?(?:[Pp]ress|[Nn]ews|[Mm]edia) (?:release|statement) (?:of|from|by) (?:the )?"
    r"(?P<outlet>[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|of|for|and(?! the )|the|&)){0,7}?)"
    r"(?:,| and the | and [A-Z]|\s*$)"
)
#: "MEDIA RELEASE - New Zealand Defence Force": the label, then the issuer
_LABEL_ISSUER = re.compile(
    r"(?:MEDIA|PRESS|NEWS|[Mm]edia|[Pp]ress|[Nn]ews) (?:RELEASE|STATEMENT|release|statement)\s*[-–—:]\s*(?:the )?"
    r"(?P<outlet>[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|of|for|and|the|&)){0,7})\s*$"
)
#: "April 16, 2024 - Trenton, Ontario - National Defence / Canadian Armed Forces": date, place, issuer(s)
_DATE_PLACE_ISSUER = re.compile(
    r"(?:(?:" + _MONTH_NAMES + r")\.? \d{1,2},? \d{4}|\d{1,2} (?:" + _MONTH_NAMES + r")\.? \d{4})\s+[-–—]\s+"
    r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3}(?:, [A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,2})?\s+[-–—]\s+"
    r"(?P<outlet>[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|of|for|and|the|&)){0,6})(?:\s*/.*)?\s*$"
)
#: "The Sunan Ledger | Issue 47: ...": a newsletter's name before its issue number, the headline line included
_ISSUE_HEADER = re.compile(
    r"(?P<outlet>(?:The )?[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|&)){0,4})"
    r"(?:\s*[|:,\-–—]\s*(?:[Ii]ssue|No\.|Vol\.|Edition) ?\d+|\s+#\d{1,4}\s*[|:\-–—])"
)  # also "The Firebird Log #31: Madeira burns", "The Luzon Strait Letter, No. 87: ..."
#: "LIBYA AIR MONITOR weekly digest: Russian Il-76 traffic ...": a headline opening with the publication's
#: name in capitals and what it publishes
_CAPS_DIGEST_HEADER = re.compile(
    r"(?P<outlet>[A-Z][A-Z0-9&'’.\-]+(?: [A-Z][A-Z0-9&'’.\-]+){1,4})"
    r" (?:weekly |daily |monthly |morning |evening )?"
    r"(?:digest|newsletter|bulletin|round-?up|brief|briefing|update|wrap)\s*[:|\-–—]"
)
#: "Defence media release", "Ministry of Defence press release": the issuer, then the label, alone on a line
_RELEASE_LABEL = re.compile(
    r"(?P<outlet>[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|of|for|and|the|&)){0,6})"
    r"(?: [-–—:])? (?:press|news|media) release(?:,\s*[^,\n]{1,40})?\s*$"
)
#: "Canal Austral TV - Punta Arenas newsroom", "The Northern Courier, New Delhi Bureau": the outlet, then its
#: desk
_MASTHEAD_DESK = re.compile(
    r"(?P<outlet>(?:The )?[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|\d{1,3})){0,4})(?:\s+[-–—|]|,)\s+"
    r"(?:[A-Z][\w'’.\-]*\s+){0,3}(?i:newsroom|bureau|desk|news desk|edition)\s*$",
)
#: "Havana (Prensa del Caribe) - An Il-96 ...": a place, then the outlet's credit, opening the body
_PLACE_CREDIT = re.compile(
    r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3}(?:, [A-Z][a-z]{1,5}\.)?,?\s+"
    r"\((?P<outlet>(?![A-Za-z]+ (?:edition|version|service)\))"
    r"[A-Z][A-Za-z&.' -]{0,38}[A-Za-z.])\)\s*(?:--|[-–—])(?:\s|$)"
)  # not "Chiapas Sur Noticias (English edition) - Tapachula": an edition
#: "ASTANA. December 9. KAZINFORM - A total of ...": a capitalised agency name after a dateline
_CAPS_CREDIT = re.compile(
    r"[A-Z][A-Z .'’\-]{1,30}[.,]\s+"
    r"(?:(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?[.,]?\s+)?"
    r"(?P<outlet>[A-Z][A-Z0-9&\-]{1,24})\s+(?:--|[-–—])\s"
)  # "ASTANA. KAZINFORM - ..." without the date too
_BYLINE_TEAM = re.compile(
    r"By (?:the |an? )?(?P<outlet>[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|de|do|da|del|du|la|el|of)){0,4}) "
    r"(?:team|desk|staff|newsroom|correspondent|reporter)\s*$"
)  # "By Gazeta de Roraima staff", "By an Air Forces Report correspondent"
#: "An open-source tracking note from the Caribbean Skies Monitor blog": a post's blog or channel
_FROM_BLOG = re.compile(
    r"(?:An? |The )?(?:[\w\-]+ ){0,3}(?:note|post|thread|update|roundup|digest|dispatch) (?:from|by) "
    r"(?:the )?"
    r"(?P<outlet>[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,4}) (?:blog|newsletter|channel|account|website)\b"
)
_MASTHEAD = re.compile(
    r"(?P<outlet>(?:The )?[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,3} "
    r"(?:Daily|Times|Post|News|Review|Weekly|Observer|Tribune|Herald|Journal|Gazette|Monitor|Report|Dispatch))"
    r"(?:\s+[-–—|]\s+(?:Issue|No\.|Vol\.|Edition|Volume)\b.*)?\s*$"  # "Relief Air Bridge Weekly - Issue 37"
)


#: "Shannon Ramp Notes - a spotter's blog from the west of Ireland", "Crown & Callsign, a newsletter about
#: ...", "Sanctioned Skies is a weekly newsletter on ...", "Cockpit Africa blog", "Runway 31 – a blog
#: about ...", "Luqa Logbook - notes from the fence at Malta International": a publication naming itself
_NAMED_PUBLICATION = re.compile(
    r"(?P<outlet>(?:The )?[A-Z][\w'’&.\-]*"
    r"(?: (?:(?:from|of|on|at|in|the|and) ){0,2}(?:[A-Z][\w'’&.\-]*|&|\d{1,3})){0,4})"  # "Notes from the X"
    r"(?:(?:\s+[-–—]\s+|,\s+|\s+is\s+)(?:an?|the|our)\s+(?:[\w'’\-]+\s+){0,4}"
    r"(?:blog|newsletter|substack|digest|bulletin|note|column|diary)\b| (?:blog|newsletter)\s*$"
    r"|\s+[-–—]\s+(?:notes|dispatches|sightings|jottings|observations)\s+(?:from|on|about)\b)"
)
#: "Thread by Mediterranean Sky Watch (@MedSkyWatch) on X": the account's display name publishes the thread
_THREAD_BY_NAME = re.compile(
    r"(?:A )?(?:[Tt]hread|[Pp]osted|[Pp]ublished) by (?P<outlet>[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,4})"
    r"\s+\(@\w{2,30}\)"
)
_POSTED_BY = re.compile(
    r"(?:Posted|Published) (?:by|on) (?:the )?(?P<outlet>[A-Z][\w'’&\-]*(?: (?:[A-Z][\w'’&\-]*|\d+(?:\.\d+)?))"
    r"{0,5})(?: (?:news )?(?:desk|website|site|newsroom))?(?=[.,;]|\s*$)"
)
#: "Posted by @DanubeSquawk": an account publishes the thread
_POSTED_BY_HANDLE = re.compile(
    r"(?:Posted|Published|Thread|A thread)(?: on (?:X|Twitter|Bluesky|Threads|Mastodon|Telegram))? by"
    r" (?P<outlet>@\w{2,30})\b"
)  # also "Posted on X by @MaghrebSquawk"
#: "Posted by Gareth Pryce on Fen Edge Spotting": the blog the author posts on
_POSTED_BY_ON = re.compile(
    r"(?:Posted|Published|Written) by [A-ZÀ-Þ][\w'’.\-]*(?: [A-ZÀ-Þ][\w'’.\-]*){0,3} (?:on|for|at) (?:the )?"
    r"(?P<outlet>[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|&|\d{1,3})){0,4})"
    r"(?:(?: [a-z][\w\-]*){0,2} (?:blog|website|site|page|channel|account|newsletter))?(?:\s*$|,\s)"
)  # "... on the Attica Heavies spotting blog", "... on Ostend Heavy Metal, a spotter's log"
#: "Welcome back to Prestwick Heavies.", "Welcome to this week's Airlift Ledger, our round-up of ...": the
#: publication greeting its readers
_WELCOME = re.compile(
    r"Welcome (?:back )?to (?:this (?:week|month)'s |(?:this|the latest) (?:issue|edition) of )?"
    r"(?P<outlet>(?:The )?[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|&)){0,4})(?=[.,!;:]|\s*$)"
)
#: "Posted by cyprus_heavy_mike in Military Aviation > Spotting Reports": a forum member's user name
_POSTED_BY_USER = re.compile(r"(?:Posted|Started) by (?P<outlet>[a-z][a-z0-9_.\-]{2,29}) (?:in|on) [A-Z]")
#: "Hemi Rauparaha, RNZ political reporter": a reporter's name, then the outlet before the role
_NAME_OUTLET_ROLE = re.compile(
    r"\s*[A-ZÀ-Þ][\w'’.\-]*(?: [A-ZÀ-Þ][\w'’.\-]*){1,3},\s+"
    r"(?P<outlet>[A-Z][\w'’&.\-]*(?: [A-Z][\w'’&.\-]*){0,3})\s+(?:[a-z]+\s+){0,2}"
    r"(?:reporter|correspondent|editor|writer)\s*$"
)
#: "Follow @BalticSkyTrack for more": a thread's last post naming its own account
_FOLLOW_HANDLE = re.compile(r"\b[Ff]ollow (?P<outlet>@\w{2,30}) for more\b")
#: "... DMs are open. — @SahelAirWatch": a thread's last post signed with its account's handle
_SIGN_OFF_HANDLE = re.compile(r"(?:^|\s)[—–-]\s*(?P<outlet>@\w{2,30})\s*$")
#: "(Bloomberg) -- The US has sent ...": an agency credit that opens the body without a place
_CREDIT_ONLY = re.compile(r"\((?P<outlet>[A-Z][A-Za-z&.' -]{0,38}[A-Za-z.])\)\s*(?:--|[-–—])\s")
#: "(Story by 86th Airlift Wing Public Affairs)" closing a press release; "Reporting by" names reporters, not outlets
_TRAILER = re.compile(
    r"\(?(?:Story|Written|Compiled|Text|Article) by (?P<outlet>[A-Z0-9][^;()\n]{1,80}?)\)?\s*$"
    r"|(?:Issued|Released|Distributed) by (?:the )?(?P<issuer>[A-Z][^,;()\n]{1,60}?)\s*(?:\([A-Z]{2,8}\))?\s*(?:,[^\n]*)?$"
)
#: labels that share a pipe-separated header with the outlet: "Analysis | Meridian Security Review | By Tomasz Reiner"
_HEADER_LABELS = {
    "analysis", "opinion", "commentary", "comment", "press release", "news release", "media release", "news",
    "feature", "exclusive", "interview", "explainer", "statement", "update", "report", "special report",
    "investigation", "op-ed", "editorial", "briefing", "factbox", "breaking", "live", "live blog", "live updates",
    "staff report", "staff reporter", "staff writer", "web desk", "news desk", "correspondent",
    "our correspondent",
}  # fmt: skip
_TRAILER_LINES = 3
#: labels of a press release's closing contact block ("Media Relations" / "Department of National Defence")
_CONTACT_LABELS = {"media relations", "media contact", "media contacts", "contacts", "contact", "press office",
                   "press contact", "for more information", "media enquiries", "media inquiries"}  # fmt: skip
_ORG_LINE = re.compile(r"[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|of|for|and|the|&)){1,7}")
_NAME_PARTICLES = {
    "of", "for", "and", "the", "&", "de", "del", "da", "do", "dos", "du", "des", "la", "le", "el", "di",
    "von", "van",
}  # fmt: skip
#: a header segment with a date or a time in it is not an outlet ("Last updated 2025-05-07 09:20")
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE_LIKE = re.compile(
    rf"\d{{1,2}}[:.]\d\d|\d{{4}}-\d\d|\b(?:19|20)\d\d\b|\bupdated\b|\b\d{{1,2}}\s+{_MONTH_WORD}|\b{_MONTH_WORD} \d{{1,2}}\b",
    re.IGNORECASE,
)


#: what a header pattern may catch that names no outlet: a date ("Posted on Oct. 14, 2025"), a release's
#: number ("Press Release No. 311")
_NOT_AN_OUTLET = re.compile(
    r"(?:(?:" + _MONTH_NAMES + r")\b\.?(?:\s*\d|\s*$)"
    r"|(?:(?:Press|News|Media) )?(?:Release|Statement) (?:No|Number)\b)",
    re.IGNORECASE,
)


#: a header line that only labels a release ("MEDIA RELEASE", "Posted On: 27 MAY 2025 4:15PM")
_RELEASE_ONLY = re.compile(
    r"(?:(?:MEDIA|PRESS|NEWS|[Mm]edia|[Pp]ress|[Nn]ews) (?:RELEASE|STATEMENT|[Rr]elease|[Ss]tatement)"
    r"|(?:Posted|Released|Issued) [Oo]n\s*:?.*)\s*$"
)
#: words of an outlet's name ("Daily Indus Courier"): a pipe header's segment without one may be a reporter
_OUTLET_WORDS = {
    "daily", "times", "post", "news", "review", "weekly", "observer", "tribune", "herald", "journal",
    "gazette", "monitor", "report", "dispatch", "courier", "chronicle", "express", "star", "mail",
    "telegraph", "standard", "nation", "press", "agency", "radio", "tv", "television", "network", "media",
    "magazine", "today", "sun", "mirror", "bulletin", "record", "independent", "guardian", "insider", "wire",
    "online", "digest", "ledger",
}  # fmt: skip


def _issuer_line(line: str) -> bool:
    """A line that is only an organisation's name: "Ministry of Defence", "SRI LANKA AIR FORCE"."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80 or _DATE_LIKE.search(stripped) or _RELEASE_ONLY.match(stripped):
        return False
    return bool(_ORG_LINE.fullmatch(stripped)) or bool(re.fullmatch(r"[A-Z][A-Z&.'’\- ]{3,60}", stripped))


#: the office that speaks for a body, around the body's name: "Press Service of the Ministry of Defence of
#: the Republic of Kazakhstan", "Italian Air Force Press Office", "Department of Defence media team."
_SPEAKING_OFFICE = re.compile(
    r"^(?:(?:The )?(?:Press|Media) (?:Service|Office) of (?:the )?)?(?P<body>.+?)"
    r"(?: (?:[Pp]ress|[Mm]edia) (?:[Oo]ffice|[Tt]eam|[Ss]ervice)"
    r"| [Pp]ublic [Rr]elations (?:[Oo]ffice|[Dd]irectorate|[Dd]epartment))?\.?$"
)


def find_byline(text: str) -> dict | None:
    """The publishing outlet named around the article (the body an office speaks for), or None: a reporter's
    role ("By Andrea Whyte, Staff Reporter") names none."""
    found = _find_byline(text)
    if found is None:
        return None
    match = _SPEAKING_OFFICE.match(found["outlet"])
    if match and match.group("body") != found["outlet"]:
        start = found["start"] + match.start("body")
        body = match.group("body")
        found = {**found, "outlet": body, "start": start, "end": start + len(body)}
    words = found["outlet"].split()
    if words[-1].lower() in _ROLE_TITLES and not _paper_named_reporter(words):
        return None
    return found


def _paper_named_reporter(words: list[str]) -> bool:
    """ "Palau Reporter", "Sierra Reporter": a paper named after its place, not a reporter's role ("Staff
    Reporter", "Senior Defence Reporter")."""
    return (
        len(words) >= 2
        and words[-1] == "Reporter"
        and not any(word.lower() in _ROLE_MODIFIERS for word in words[:-1])
    )


#: words of a reporter's role before the role itself ("Staff Reporter", "Chief Political Correspondent")
_ROLE_MODIFIERS = frozenset(
    {"staff", "senior", "chief", "special", "royal", "political", "defence", "defense", "diplomatic",
     "foreign", "security", "military", "aviation", "our", "associate", "contributing", "deputy",
     "investigative", "local", "regional", "business", "court", "crime", "health", "science", "sports",
     "city", "junior", "a"}
)  # fmt: skip


def _fuller_publication(lines: list[str], name: str, offset: int) -> dict | None:
    """A publication line under the headline whose name ends with ``name``; offsets from ``offset``."""
    for line in lines[1:_MAX_LINES]:
        # also "Levant & Gulf Airlift Digest - Issue 48"
        match = _NAMED_PUBLICATION.match(line) or _ISSUE_HEADER.match(line)
        if match and match.group("outlet").endswith(name) and match.group("outlet") != name:
            return {"outlet": match.group("outlet"), "start": offset + match.start("outlet"),
                    "end": offset + match.end("outlet")}  # fmt: skip
        offset += len(line) + 1
    return None


def _find_byline(text: str) -> dict | None:
    """The publishing outlet named around the article, or None.

    Reads the first lines ("By a staff writer, Defence Horizon", "By the Sahel Skywatch team", a masthead line
    "Podkarpacie Daily", "Posted by SkyLedger OSINT.", a pipe header "Analysis | Meridian Security Review | By
    ...", an opening credit "(Bloomberg) --") and then the last lines ("(Story by 86th Airlift Wing Public
    Affairs)"). Returns ``{"outlet", "start", "end"}`` with character offsets of the outlet in ``text``.
    """
    offset = 0
    lines = text.split("\n")
    for lineno, line in enumerate(lines):
        if lineno >= _MAX_LINES + 2:
            break
        match = (
            _BYLINE.match(line) or _BYLINE_TEAM.match(line) or (_MASTHEAD.match(line) if lineno else None)
            or (_THREAD_BY_NAME.match(line) if lineno else None)
            or (_NAMED_PUBLICATION.match(line) if lineno else None)
            or _POSTED_BY_ON.match(line)
            or _POSTED_BY.match(line) or _POSTED_BY_HANDLE.match(line) or (_CREDIT_ONLY.match(line) if lineno else None)
            or (_WELCOME.match(line) if lineno else None) or (_POSTED_BY_USER.match(line) if lineno else None)
            or (_NAME_OUTLET_ROLE.match(line) if lineno else None)
            or (_FROM_BLOG.match(line) if lineno else None)
            or (_MASTHEAD_DESK.match(line) if lineno else None)
            or (_PLACE_CREDIT.match(line) if lineno else None) or (_CAPS_CREDIT.match(line) if lineno else None)
            or (_RELEASE_OF.match(line) if lineno else None) or (_RELEASE_LABEL.match(line) if lineno else None)
            or (_LABEL_ISSUER.match(line) if lineno else None) or (_DATE_PLACE_ISSUER.match(line) if lineno else None)
            or _ISSUE_HEADER.match(line) or _CAPS_DIGEST_HEADER.match(line)
            # "1/ ... All times Zulu. - @caribe_squawk": a thread's first post signed with its handle
            or (_SIGN_OFF_HANDLE.search(line) if lineno else None)
        )  # fmt: skip
        if match and _NOT_AN_OUTLET.match(match.group("outlet")):
            match = None  # "Posted on November 8, 2024", "Press Release No. 311": a date or a number
        if match and lineno == 0 and match.re is _ISSUE_HEADER:
            # "Ramp Notes #112: ..." over "Gulf Ramp Notes, a newsletter about ...": the full name below
            fuller = _fuller_publication(lines, match.group("outlet"), offset + len(line) + 1)
            if fuller is not None:
                return fuller
        if match and match.re is _POSTED_BY and lineno:
            # "Magallanes Spotting — aviation at the end of the world" over "Posted by Tomás Mansilla": the
            # blog publishes what its author posts
            blog = _blog_name_above(lines[lineno - 1], match.group("outlet"))
            if blog is not None:
                start = offset - len(lines[lineno - 1]) - 1 + blog[0]
                outlet = lines[lineno - 1][blog[0] : blog[1]]
                return {"outlet": outlet, "start": start, "end": start + len(outlet)}
        if match:
            found = {"outlet": match.group("outlet"), "start": offset + match.start("outlet"),
                     "end": offset + match.end("outlet")}  # fmt: skip
            if found["outlet"].startswith("@"):
                found["kind"] = "social_media"  # "Posted by @DanubeSquawk"
            return found
        account = (_ACCOUNT_HEADER.match(line) or _HANDLE_HEADER.match(line)) if 0 < lineno <= _MAX_LINES else None
        if account:
            return {"outlet": account.group("outlet"), "start": offset + account.start("outlet"),
                    "end": offset + account.end("outlet"), "kind": "social_media"}  # fmt: skip
        previous = lines[lineno - 1] if lineno else ""
        if lineno >= 2 and _REPORTER_ONLY.match(previous) and _NAME_LINE.match(line):
            # "By Lucía Benavente Quispe" over "Semana Andina": the paper under its reporter's name
            stripped = line.strip()
            start = offset + line.index(stripped)
            return {"outlet": stripped, "start": start, "end": start + len(stripped)}
        if lineno >= 2 and _RELEASE_ONLY.match(line.strip()) and _issuer_line(previous):
            # "SRI LANKA AIR FORCE / MEDIA RELEASE", "Ministry of Defence / Posted On: 27 MAY 2025": the
            # issuer's name on the line above the release's label
            stripped = previous.strip()
            start = offset - len(previous) - 1 + previous.index(stripped)
            return {"outlet": stripped, "start": start, "end": start + len(stripped)}
        header = _pipe_header_outlet(line) if lineno else None
        if header is None and 0 < lineno <= _MAX_LINES and not _body_started(lines[1:lineno]):
            header = _segmented_header(line)
        if header is not None and _NOT_AN_OUTLET.match(line[header[0] : header[1]]):
            header = None
        if header is not None:
            found = {
                "outlet": line[header[0] : header[1]], "start": offset + header[0], "end": offset + header[1]
            }
            if found["outlet"].startswith("@"):
                found["kind"] = "social_media"
            return found
        offset += len(line) + 1
    return _trailer(text)


#: a byline with a reporter's name and nothing else, and a line that is only a name (two to five words)
_REPORTER_ONLY = re.compile(r"\s*By [A-ZÀ-Þ][\w'’.\-]*(?: [A-ZÀ-Þ][\w'’.\-]*){1,4}\s*$")
_NAME_LINE = re.compile(r"\s*(?:The )?[A-ZÀ-Þ][\w'’&\-]*(?: (?:[A-ZÀ-Þ][\w'’&\-]*|of|de|del|da|do)){1,4}\s*$")
_TAGLINE_SPLIT = re.compile(r"\s+[—–|]\s+|\s+-\s+")


def _blog_name_above(line: str, author: str) -> tuple[int, int] | None:
    """The offsets of a blog's name heading the line above "Posted by <author>" ("Magallanes Spotting —
    aviation at the end of the world"), when the author is a person's name; else None."""
    words = author.split()
    if not 2 <= len(words) <= 3 or set(w.lower() for w in words) & (_OUTLET_WORDS | _ISSUER_WORDS):
        return None
    stripped = line.strip()
    if not stripped or _running_text(stripped) or _FINITE_VERB.search(stripped):
        return None
    parts = _TAGLINE_SPLIT.split(stripped, maxsplit=1)
    if len(parts) != 2:
        return None
    name = parts[0]
    if not 1 <= len(name.split()) <= 4 or not all(w[:1].isupper() for w in name.split()):
        return None
    start = line.index(name)
    return start, start + len(name)


#: segments of a header line: "Press release – Armed Forces General Staff (EMA)", "@PontusWatch · Jun 12,
#: 2025", "Rome, 7 October 2024 - Italian Air Force Press Office", "Northern Flank Tracker, weekly notes"
_SEGMENT_SPLIT = re.compile(r"\s+[|·•\-–—/]\s+|,\s+|\s+\(|\)\s*")
#: words that make a header segment an issuer's or an outlet's name
_ISSUER_WORDS = _OUTLET_WORDS | {
    "ministry", "defence", "defense", "force", "forces", "command", "office", "affairs", "service", "army",
    "navy", "guard", "wing", "presidency", "department", "secretariat", "bureau", "watch", "tracker",
    "spotter", "spotters", "radar", "intel", "observatory", "staff", "headquarters", "corps", "agency",
    "noticias", "notícias", "tidende", "zeitung", "courier", "skies", "squawk", "log", "diario", "diário",
    "jornal", "gazeta", "correio", "kurier", "dagblad", "avisen", "periódico", "periodico", "journal",
    "notes", "notebook", "newsletter", "blog", "diary", "letter",
}  # fmt: skip
#: the last word of a reporter's role in a byline ("Royal Correspondent", "Commander, Task Force 67 ...")
_ROLE_TITLES = {
    "correspondent", "reporter", "writer", "editor", "commander", "officer", "columnist", "contributor",
    "photographer", "analyst", "producer", "chief",
}  # fmt: skip
_BY_ISSUER = re.compile(r"(?i:by) (?:the )?(?P<name>.+)$")
_HANDLE = re.compile(r"@\w{2,30}")
_LABEL_BY = re.compile(r"(?i:(?:press|news|media) (?:release|statement) by (?:the )?)(?P<name>\S.*)$")


#: a verb that makes a line a sentence, not a header ("The base is busy")
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|said|says)\b")


def _running_text(line: str) -> bool:
    """A line of the body (long, or closed like a sentence), not a header's."""
    stripped = line.strip()
    return len(stripped) > 90 or stripped.endswith((".", "?", "!"))


def _body_started(lines: list[str]) -> bool:
    """Whether a line of running text came before: header lines come first."""
    return any(_running_text(line) for line in lines)


#: an office named in lower case after the body it speaks for ("Italian Air Force press office")
_LOWER_OFFICE = re.compile(r" (?:press|media|public affairs) (?:office|team|service|desk)$")


def _segmented_header(line: str) -> tuple[int, int] | None:
    """A header line made of segments (a release label, a date, a place, a handle, the issuer or outlet):
    the offsets of the segment that names an organisation or an account, or None. A line that reads as a
    sentence is no header."""
    stripped = line.strip()
    if not stripped or _running_text(stripped) or _FINITE_VERB.search(stripped):
        return None
    if not (stripped[0].isalnum() or stripped.startswith("@")):
        return None
    position = 0
    after_byline = False
    tagline = None
    for piece in _SEGMENT_SPLIT.split(line):
        start = line.find(piece, position) if piece else -1
        if start < 0:
            continue
        position = start + len(piece)
        segment = piece.strip(" ()")
        if not segment:
            continue
        start = line.index(segment, start)
        lowered = segment.lower()
        label = _LABEL_BY.match(segment)
        if label:  # "MEDIA STATEMENT BY THE PRESIDENCY"
            start += label.start("name")
            segment = label.group("name")
            lowered = segment.lower()
        if lowered.startswith("from:"):
            start += len(segment) - len(segment[5:].lstrip())  # "From: Ministry of Defence"
            segment = segment[5:].lstrip()
            lowered = segment.lower()
        if lowered in _HEADER_LABELS or _RELEASE_ONLY.match(segment) or _DATE_LIKE.search(segment):
            continue
        by = _BY_ISSUER.match(segment)
        if by:
            name = by.group("name")
            name_words = name.lower().split()
            if not set(name_words) & _ISSUER_WORDS or name_words[-1] in _ROLE_TITLES:
                after_byline = True
                continue  # "By Ana Rita Valente", "By Staff writer": a reporter; the outlet may follow
            start += len(segment) - len(name)
            segment = name
            lowered = segment.lower()
        if lowered.split()[-1] in _ROLE_TITLES:
            continue  # "Staff Correspondent", "Royal Correspondent", "Commander": the reporter's role
        if lowered.startswith("with ") and after_byline:
            start += 5  # "By Staff writer, with CNA"
            segment = segment[5:]
            lowered = segment.lower()
        office = _LOWER_OFFICE.search(segment)
        if office:
            segment = segment[: office.start()]  # "Italian Air Force press office, Rome": the body
            lowered = segment.lower()
        words = segment.split()
        if _HANDLE.fullmatch(words[0]) and len(words) <= 3:
            return start, start + len(words[0])
        if not words[0][:1].isupper() and not words[0][:1].isdigit():
            continue  # "weekly notes", "thread"
        if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_PARTICLES for w in words):
            continue
        if after_byline or {w.rstrip("'’") for w in lowered.replace("’", "'").split()} & _ISSUER_WORDS:
            return start, start + len(segment)  # "By Ana Rita Valente, Correio do Alentejo": the outlet
        if tagline is None:
            tagline = _publication_tagline(line[start + len(segment) :])
        if tagline:
            return start, start + len(segment)  # "Caribbean Skywatch - a spotter's notebook": the name
    return None


#: what a publication calls itself in the tagline after its name ("Caribbean Skywatch - a spotter's notebook")
_TAGLINE = re.compile(
    r"\s+[|·•\-–—]\s+(?:an?|the|our|my)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:notebook|log|logbook|blog|newsletter|diary|notes|journal|digest)\b"
)


def _publication_tagline(rest: str) -> bool:
    return bool(_TAGLINE.match(rest))


def _contact_block(text: str, lines: list[str]) -> dict | None:
    """The organisation named under a closing contact label ("Contacts / Media Relations / Department of
    National Defence"): the issuer of a press release."""
    tail = lines[-6:]
    offset = len(text) - sum(len(line) + 1 for line in tail) + 1
    previous = ""
    for line in tail:
        stripped = line.strip()
        if (
            previous.lower().rstrip(":") in _CONTACT_LABELS
            and stripped.lower().rstrip(":") not in _CONTACT_LABELS
            and _ORG_LINE.fullmatch(stripped)
        ):
            start = offset + line.index(stripped)
            return {"outlet": stripped, "start": start, "end": start + len(stripped)}
        if stripped:
            previous = stripped
        offset += len(line) + 1
    return None


#: a radio station's frequency after its name
_FREQUENCY = re.compile(r"\s+\d{2,3}(?:[.,]\d)?\s*(?:FM|AM|MHz)$")


#: a header segment naming the office that speaks for a body ("Press service of the Western Military
#: District")
_OFFICE_OF_SEGMENT = re.compile(
    r"(?:[Tt]he )?(?:[Pp]ress|[Mm]edia|[Pp]ublic [Aa]ffairs|[Ii]nformation) "
    r"(?:[Ss]ervice|[Oo]ffice|[Cc]entre|[Cc]enter|[Dd]epartment) of (?:the )?(?P<name>[A-Z].+)$"
)
#: the lower-case word a publication puts after its own name in a header ("Rumbo Sur Aviation blog")
_SELF_DESCRIPTORS = frozenset({"blog", "newsletter", "notebook", "logbook", "diary", "digest"})


def _pipe_header_outlet(line: str) -> tuple[int, int] | None:
    """'Press release | Federal Ministry of Defence | Berlin, 19 March 2024' -> the offsets of the outlet segment."""
    if line.count("|") < 1:
        return None
    position = 0
    candidates = []
    for segment in line.split("|"):
        stripped = segment.strip()
        start = position + (len(segment) - len(segment.lstrip()))
        position += len(segment) + 1
        if (
            not stripped
            or stripped.lower() in _HEADER_LABELS
            or stripped.startswith("By ")
            or _DATE_LIKE.search(stripped)
        ):
            continue
        office = _OFFICE_OF_SEGMENT.match(stripped)
        if office:  # "Press service of the Western Military District": the body it speaks for
            start += office.start("name")
            stripped = office.group("name")
        words = stripped.split()
        if len(words) >= 2 and words[-1] in _SELF_DESCRIPTORS:
            words = words[:-1]  # "Rumbo Sur Aviation blog": the blog's name
            stripped = stripped[: stripped.rindex(" ")]
        if words[0][:1].isupper() and all(
            word[:1].isupper() or word.replace(".", "", 1).isdigit() or word in _NAME_PARTICLES
            for word in words
        ):  # "La Voz de Río Grande", "Radio Étoile du Nord 98.5 FM"
            government, comma, rest = stripped.partition(", ")
            if comma and government.endswith("Government") and rest:
                start += len(government) + 2  # "Australian Government, Department of Defence": the department
                stripped = rest
            frequency = _FREQUENCY.search(stripped)
            if frequency and frequency.start() > 0:
                stripped = stripped[: frequency.start()]  # "Radio Étoile du Nord 98.5 FM": the station
            candidates.append((start, start + len(stripped)))
    if len(candidates) >= 2:
        # "Hamza Qureshi | Daily Indus Courier": the reporter's name, then the outlet
        named = [c for c in candidates if set(line[c[0] : c[1]].lower().split()) & _OUTLET_WORDS]
        if named:
            return named[0]
    return candidates[0] if candidates else None


#: a release's closing sign-off by the office that speaks for a body: "Press Service of the Ministry of
#: Defence of the Republic of Belarus", "Public Affairs Office of the Royal Thai Air Force"
_OFFICE_SIGN_OFF = re.compile(
    r"(?:The )?(?:Press|Media|Public Affairs|Information|Press and Information) "
    r"(?:Service|Office|Centre|Center|Department|Directorate) of (?:the )?[A-Z][^.;:!?\n]{3,100}\.?"
)


#: "Portuguese Air Force Public Relations Office" closing a press release: the body its office speaks for
_SIGN_OFF_OFFICE = re.compile(
    r"(?:The )?[A-Z][\w'’&.\-]*(?: (?:[A-Z][\w'’&.\-]*|of|for|and|the|&)){0,6} "
    r"(?:Public Relations|Press|Media) (?:Office|Directorate|Department)\.?"
)


def _trailer(text: str) -> dict | None:
    lines = text.rstrip().split("\n")
    end_offset = len(text.rstrip())
    contact = _contact_block(text.rstrip(), lines)
    if contact is not None:
        return contact
    last = lines[-1].strip()
    if _OFFICE_SIGN_OFF.fullmatch(last) or _SIGN_OFF_OFFICE.fullmatch(last):
        start = end_offset - len(lines[-1]) + lines[-1].index(last)
        outlet = last.rstrip(".")
        return {"outlet": outlet, "start": start, "end": start + len(outlet)}
    for line in reversed(lines[-_TRAILER_LINES:]):
        start_offset = end_offset - len(line)
        handle = (
            _POSTED_BY_HANDLE.match(line.strip())
            or _SIGN_OFF_HANDLE.search(line.rstrip())
            or _FOLLOW_HANDLE.search(line)
        )
        if handle:  # "Posted by @SkyWatchEurasia", "... DMs are open. — @SahelAirWatch": the thread's account
            lead = len(line) - len(line.lstrip()) if handle.re is _POSTED_BY_HANDLE else 0
            return {
                "outlet": handle.group("outlet"),
                "start": start_offset + lead + handle.start("outlet"),
                "end": start_offset + lead + handle.end("outlet"),
                "kind": "social_media",
            }
        match = _TRAILER.match(line.strip())
        if match:
            group = "outlet" if match.group("outlet") else "issuer"
            lead = len(line) - len(line.lstrip())
            return {
                "outlet": match.group(group).strip(),
                "start": start_offset + lead + match.start(group),
                "end": start_offset + lead + match.start(group) + len(match.group(group).strip()),
            }
        end_offset = start_offset - 1
    return None
