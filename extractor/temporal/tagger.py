"""The temporal tagger engine: text + publication date -> TIMEX3 expressions. No spaCy here.

:class:`TemporalTagger` recognises expressions (:mod:`.recognize`), then normalises them in text order
(:mod:`.normalize`) while tracking reference times (:mod:`.anchor`) and reading the tense of each clause
(:mod:`.tense`). Clock times are valued after the dates of their sentence, so that "at 2:29 a.m. on October
26" takes its day from "October 26". Values the rules cannot give are asked of dateparser (:mod:`.fallback`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import fallback
from .anchor import AnchorState, shift_day_text
from .dates import granularity_of
from .lexicon import Lexicon, load_lexicon
from .normalize import NORMALIZERS, REJECT, NormContext, Resolution
from .recognize import Candidate, Recognizer
from .rules import Rule, first_character_lookahead, load_rules
from .tense import SentenceCues, Tense
from .twins import ascii_twin

__all__ = ["Timex", "TemporalTagger", "parse_dct", "split_sentences"]

_DCT = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_YEARLESS_DCT = re.compile(r"XXXX-(\d{2})-(\d{2})$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n")
_PREPOSITION = re.compile(
    r"(?:^|[^\w])(on|in|at|during|throughout|since|from|starting|beginning|as of|until|till|til|through|to"
    r"|up to|by|before|prior to|ahead of|after|following|around|about|circa|between)\s+$",
    re.IGNORECASE,
)
#: "since" right before a time expression: the start of a period up to now, so in the past
_SINCE_BEFORE = re.compile(r"(?:^|[^\w])[Ss]ince\s+(?:early |late |mid-?)?$")
_PREPOSITION_ASCII = ascii_twin(_PREPOSITION)  # for ASCII-only texts (see :mod:`.twins`)
#: the longest a match of :data:`_PREPOSITION` reaches before the spaces that end it
_PREPOSITION_REACH = 1 + len("throughout")
_RELATIONS = {
    "on": "on",
    "in": "on",
    "at": "on",
    "during": "on",
    "throughout": "on",
    "since": "since",
    "from": "since",
    "starting": "since",
    "beginning": "since",
    "as of": "since",
    "until": "until",
    "till": "until",
    "til": "until",
    "through": "until",
    "to": "until",
    "up to": "until",
    "by": "before",
    "before": "before",
    "prior to": "before",
    "ahead of": "before",
    "after": "after",
    "following": "after",
    "around": "around",
    "about": "around",
    "circa": "around",
    "between": "between",
}
_APPROX_START = re.compile(r"(?:around|about|approximately|roughly|circa)\s", re.IGNORECASE)
_FOLLOWING_DAY_GAP = re.compile(r"\s*(?:[,(]\s*)?(?:(?:on|of)\s+(?:the\s+)?)?", re.IGNORECASE)
_REPORTING_WORDS = (
    r"\b(?:said|says|told(?:\s+(?:reporters|journalists))?|announced|reported|stated|added|confirmed|declared"
    r"|wrote|noted"
    # "in a statement on Friday", "at a briefing issued late on Friday": the report's day as well
    r"|(?:statement|briefing|(?:news|press) conference|interview|bulletin)(?:\s+(?:issued|released|published|"
    r"posted|given|late|early))*)"
)
# searched over the text before an expression: the lookahead skips the positions where no match begins
_REPORTING_BEFORE = re.compile(
    first_character_lookahead(_REPORTING_WORDS, re.IGNORECASE) + _REPORTING_WORDS + r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_REPORTING_BEFORE_ASCII = ascii_twin(_REPORTING_BEFORE)
#: a day told as background, not as the day the narrative is at: the start of a span ("the second flight since
#: Thursday") or an event named by its day ("survivors of Monday's earthquake")
_BACKGROUND_BEFORE = re.compile(r"\b(?:since|until|till)\s+(?:the\s+)?$", re.IGNORECASE)
#: a pluperfect before a day in its sentence: a day told as a flashback ("The Y-8 had flown in from Yangon the
#: day before"), not the day the story is at; not in a relative clause ("152 Nigerians who had been stranded
#: in Libya returned home yesterday") or in reported speech ("the airport said it had handled 46 jets on
#: Thursday")
_PLUPERFECT = re.compile(
    r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )\bhad\b(?!\s+(?:to|been\s+(?:due|scheduled|expected|planned)))",
    re.IGNORECASE,
)
_LOOKING_BACK = re.compile(r"\bprevious\b|\bbefore$", re.IGNORECASE)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|reported|added|stated|confirmed)\b", re.IGNORECASE)
_DAY_RANGE_RULES = frozenset(
    {"date.month_day_range", "date.month_day_between", "date.day_month_range", "date.day_month_between"}
)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_DAY_VALUE = re.compile(
    r"(?:\d{4}|XXXX)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?=$|T)|XXXX-WXX-[1-7](?=$|T)"
)  # a day, or a weekday no publication date places ("at 2215Z on Tuesday" -> XXXX-WXX-2T22:15)
_DAY_OR_WEEKDAY_VALUE = re.compile(r"[\dX]{4}-(?:[\dX]{2}-[\dX]{2}|WXX-\d)")
_AND_GAP = re.compile(r"\s+and\s+")
_POD_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SECOND_PASS_NORMS = frozenset({"clock", "anaphoric_pod"})
_GRANULARITY_BY_TYPE = {"DURATION": "duration", "SET": "set"}


@dataclass(frozen=True)
class Timex:
    """One time expression: ``[start, end)`` character offsets, TIMEX3 type/value and the evidence rule."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    granularity: str | None
    relation: str | None
    mod: str | None
    rule: str
    tid: str
    range_end: str | None = None
    freq: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict; ``range_end`` and ``freq`` only when set."""
        data = dict(self.__dict__)  # the fields, in field order
        if self.range_end is None:
            del data["range_end"]
        if self.freq is None:
            del data["freq"]
        return data


def _flashback(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a sentence up to an expression) tells it in the pluperfect."""
    match = _PLUPERFECT.search(text, start, end)
    return match is not None and not _SAID_BEFORE.search(text, start, match.start())


def _timex(**fields: Any) -> Timex:
    """A :class:`Timex` from all its fields, in field order, built without the frozen dataclass's
    ``__init__``, which sets each field through ``object.__setattr__`` and costs more than all the rest of
    building an expression. The object is the same (``vars()``, equality, hash, repr); it stays frozen."""
    timex = object.__new__(Timex)
    timex.__dict__.update(fields)
    return timex


def parse_dct(dct: str | date | None) -> date | None:
    """Return the creation date from "YYYY-MM-DD" (longer ISO strings are cut), a date, or None.
    Text that does not start with a valid date gives None: the document is then tagged without a DCT."""
    if dct is None or isinstance(dct, date):
        return dct
    match = _DCT.match(str(dct))
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _yearless_dct(dct: str | date | None) -> str | None:
    """ "XXXX-MM-DD": a publication day whose year is unknown (a dateline without a year), else None."""
    if not isinstance(dct, str):
        return None
    match = _YEARLESS_DCT.match(dct)
    if not match:
        return None
    try:
        date(2000, int(match.group(1)), int(match.group(2)))  # 2000 is a leap year: February 29 is valid
    except ValueError:
        return None
    return match.group(0)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """A plain sentence splitter for use without spaCy: breaks after . ! ? before a capital, and at blank
    lines."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s] or [(0, len(text))]


@dataclass(slots=True)
class _Pending:
    candidate: Candidate
    sentence: int
    resolution: Resolution | None = None
    rejected: bool = False
    rule_id: str = ""


class TemporalTagger:
    """Recognise and normalise TIMEX3 expressions. Build once, call :meth:`tag` per document.

    ``rules_path`` / ``lexicon_path`` replace the packaged resource files; ``use_fallback=False`` turns the
    dateparser fallback off (unvalued expressions keep ``value=None``)."""

    def __init__(
        self,
        *,
        rules_path: str | None = None,
        lexicon_path: str | None = None,
        use_fallback: bool = True,
    ) -> None:
        self.lexicon: Lexicon = load_lexicon(lexicon_path)
        self.rules: list[Rule] = load_rules(self.lexicon, rules_path, norms=set(NORMALIZERS))
        self.recognizer = Recognizer(self.lexicon, self.rules)
        self.use_fallback = use_fallback

    # -- public
    # -----------------------------------------------------------------------------------------------
    def tag(
        self, text: str, dct: str | date | None = None, *, sentences: list[tuple[int, int]] | None = None
    ) -> list[Timex]:
        """Return the time expressions of ``text`` in order. ``dct`` is the publication date ("YYYY-MM-DD",
        "XXXX-MM-DD" when only the day is known, or None); ``sentences`` are ``[start, end)`` sentence bounds
        (default: :func:`split_sentences`)."""
        if not text:
            return []
        candidates = self.recognizer.recognize(text)
        if not candidates:
            return []
        bounds = sentences or split_sentences(text)
        starts = [start for start, _ in bounds]
        pending = [
            _Pending(candidate, max(0, bisect.bisect_right(starts, candidate.start) - 1))
            for candidate in candidates
        ]
        parsed_dct = parse_dct(dct)
        state = AnchorState(parsed_dct, yearless_dct=None if parsed_dct else _yearless_dct(dct))
        sentence_days: dict[int, list[tuple[int, str]]] = {}
        sentence_clocks: dict[int, list[tuple[int, str]]] = {}

        first_pass: list[_Pending] = []
        second_pass: list[_Pending] = []
        for item in pending:
            (second_pass if self._second_pass(item.candidate) else first_pass).append(item)
        sentence_cues: dict[int, SentenceCues] = {}
        for item in first_pass + second_pass:
            self._resolve(item, text, bounds, pending, state, sentence_days, sentence_clocks, sentence_cues)

        timexes: list[Timex] = []
        previous: Timex | None = None
        for item in pending:
            if item.rejected or item.resolution is None:
                continue
            timex = self._build(item, text, previous, len(timexes) + 1)
            timexes.append(timex)
            previous = timex
        return timexes

    # -- internals
    # --------------------------------------------------------------------------------------------
    @staticmethod
    def _second_pass(candidate: Candidate) -> bool:
        return candidate.rule.norm in _SECOND_PASS_NORMS and not candidate.parts

    def _context(
        self,
        candidate: Candidate,
        text: str,
        bounds: list[tuple[int, int]],
        sentence: int,
        pending: list[_Pending],
        state: AnchorState,
        sentence_day: str | None,
        sentence_cues: dict[int, SentenceCues],
    ) -> NormContext:
        sentence_start, sentence_end = bounds[sentence]

        def tense() -> Tense | None:
            if _SINCE_BEFORE.search(text, max(sentence_start, candidate.start - 12), candidate.start):
                return "PAST"  # "Since March, it has flown ...": a start that has passed
            cues = sentence_cues.get(sentence)
            if cues is None:
                cues = sentence_cues[sentence] = SentenceCues(text[sentence_start:sentence_end])
            ignore = [
                (p.candidate.start - sentence_start, p.candidate.end - sentence_start)
                for p in pending
                if p.sentence == sentence and p.candidate is not candidate
            ]
            return cues.tense_at(candidate.start - sentence_start, candidate.end - sentence_start, ignore)

        return NormContext(
            lexicon=self.lexicon,
            state=state,
            text=text,
            start=candidate.start,
            end=candidate.end,
            params=candidate.rule.params,
            rule_type=candidate.rule.type,
            tense_of=tense,
            sentence_day=sentence_day,
            # only a clock time reads it (see normalize_clock)
            flashback=candidate.rule.norm == "clock" and _flashback(text, sentence_start, candidate.start),
            mod=candidate.mod,
        )

    def _normalize(self, candidate: Candidate, context: NormContext) -> Resolution | None | Any:
        normalizer = NORMALIZERS[candidate.rule.norm]
        result = normalizer(candidate.groups, context)
        if result is None and self.use_fallback and candidate.rule.type in ("DATE", "TIME"):
            anchor = context.dct
            prefer = {"PAST": "past", "FUTURE": "future"}.get(context.tense or "", "current_period")
            parsed = fallback.parse_with_dateparser(
                re.sub(r"\s+", " ", context.text[candidate.start : candidate.end]), anchor, prefer=prefer
            )
            if parsed is not None:
                value, granularity = parsed
                result = Resolution("TIME" if granularity == "time" else "DATE", value)
        return result

    def _resolve(
        self,
        item: _Pending,
        text: str,
        bounds: list[tuple[int, int]],
        pending: list[_Pending],
        state: AnchorState,
        sentence_days: dict[int, list[tuple[int, str]]],
        sentence_clocks: dict[int, list[tuple[int, str]]],
        sentence_cues: dict[int, SentenceCues],
    ) -> None:
        candidate = item.candidate
        item.rule_id = candidate.rule.id
        if candidate.range_parts:
            self._resolve_range(item, text, bounds, pending, state, sentence_cues)
            return
        if candidate.parts:
            day_part, clock_part = candidate.parts
            day_context = self._context(
                day_part, text, bounds, item.sentence, pending, state, None, sentence_cues
            )
            day_context.start = candidate.start  # deadline words come before the whole expression
            day_resolution = self._normalize(day_part, day_context)
            if day_resolution is REJECT or not isinstance(day_resolution, Resolution):
                item.rejected = True
                return
            day_text = _day_text(day_resolution.value)
            clock_context = self._context(
                clock_part, text, bounds, item.sentence, pending, state, day_text, sentence_cues
            )
            clock_resolution = self._normalize(clock_part, clock_context)
            if clock_resolution is REJECT or not isinstance(clock_resolution, Resolution):
                item.rejected = True
                return
            if (
                day_text is None
                and day_resolution.value
                and clock_resolution.value
                and "T" in clock_resolution.value
            ):  # "noon Wednesday" without a DCT: XXXX-WXX-3T12:00
                clock_resolution.value = (
                    day_resolution.value + clock_resolution.value[clock_resolution.value.index("T") :]
                )
            clock_resolution.mod = clock_resolution.mod or candidate.mod
            item.resolution = clock_resolution
            item.rule_id = f"{clock_part.rule.id}+{day_part.rule.id}"
            if clock_resolution.value and _CLOCK_VALUE.fullmatch(clock_resolution.value):
                clocks = sentence_clocks.setdefault(item.sentence, [])
                clocks.append((candidate.start, clock_resolution.value))
            if day_resolution.anchor:
                state.update(day_resolution.value, position=candidate.start)
            return
        sentence_day = None
        if self._second_pass(candidate):
            sentence_day = _nearest_day(
                sentence_days.get(item.sentence, []), candidate.start, candidate.end, text
            )
        context = self._context(
            candidate, text, bounds, item.sentence, pending, state, sentence_day, sentence_cues
        )
        resolution = self._normalize(candidate, context)
        if resolution is REJECT:
            item.rejected = True
            return
        if resolution is None:
            resolution = Resolution(candidate.rule.type, None)
        if candidate.pod and resolution.type == "DATE":
            code = _POD_CODES.get(candidate.pod)
            if resolution.value and _DAY_OR_WEEKDAY_VALUE.fullmatch(resolution.value) and code:
                resolution.value = f"{resolution.value}T{code}"
            resolution.type = "TIME"
        if candidate.mod and resolution.mod is None:
            resolution.mod = candidate.mod
        if candidate.rule.norm == "clock" and resolution.value and _CLOCK_VALUE.fullmatch(resolution.value):
            clocks = sentence_clocks.get(item.sentence, [])
            days = sentence_days.get(item.sentence, [])
            resolution.value = _after_midnight(
                resolution.value, text, candidate.start, candidate.end, clocks, days
            )
            resolution.value = _midnight_passed(resolution.value, text, candidate.start)
            sentence_clocks.setdefault(item.sentence, []).append((candidate.start, resolution.value))
        item.resolution = resolution
        if not resolution.anchor:
            return
        day_text = _day_text(resolution.value)
        reporting_before = _REPORTING_BEFORE_ASCII if text.isascii() else _REPORTING_BEFORE
        if day_text is not None and reporting_before.search(
            text, max(0, candidate.start - 24), candidate.start
        ):
            return  # "the ministry said on Monday": the day of the report, not of the events told around it
        if day_text is not None and (
            _BACKGROUND_BEFORE.search(text, max(0, candidate.start - 16), candidate.start)
            or (
                _POSSESSIVE_AFTER.match(text, candidate.end)
                # "Monday's star was the Il-76TD ... left at 1417": a day opening its sentence is the story's
                and text[bounds[item.sentence][0] : candidate.start].strip()
            )
        ):
            return  # "since Thursday", "Friday's earthquake": no day the clock times after it belong to
        if candidate.rule.id in _DAY_RANGE_RULES:
            return  # "over the weekend of Feb 21-22": no one day the clock times after it belong to
        if resolution.type in ("DATE", "TIME"):
            sentence_start = bounds[item.sentence][0]
            flashback = day_text is not None and (
                _flashback(text, sentence_start, candidate.start)
                # "had come in from Sharjah the previous evening", "the day before": a day told looking back
                or _LOOKING_BACK.search(text, candidate.start, candidate.end) is not None
            )
            state.update(resolution.value, position=candidate.start, flashback=bool(flashback))
            if day_text is not None:
                sentence_days.setdefault(item.sentence, []).append((candidate.start, day_text))

    def _resolve_range(
        self,
        item: _Pending,
        text: str,
        bounds: list[tuple[int, int]],
        pending: list[_Pending],
        state: AnchorState,
        sentence_cues: dict[int, SentenceCues],
    ) -> None:
        """ "between Saturday and Monday": the first date is the value, the second the range end."""
        first, second = item.candidate.range_parts
        values: list[Resolution] = []
        for part in (first, second):
            context = self._context(part, text, bounds, item.sentence, pending, state, None, sentence_cues)
            resolution = self._normalize(part, context)
            if resolution is REJECT or not isinstance(resolution, Resolution):
                item.rejected = True
                return
            if resolution.anchor and resolution.value:
                state.update(resolution.value, position=part.start)
            values.append(resolution)
        start, end = values
        start.range_end = end.value
        start.mod = start.mod or item.candidate.mod
        item.resolution = start
        item.rule_id = f"{first.rule.id}+{second.rule.id}"

    def _build(self, item: _Pending, text: str, previous: Timex | None, number: int) -> Timex:
        candidate = item.candidate
        resolution = item.resolution
        assert resolution is not None
        relation = self._relation(text, candidate, previous)
        granularity = _GRANULARITY_BY_TYPE.get(resolution.type)
        if granularity is None:
            granularity = granularity_of(resolution.value)
            if resolution.type == "TIME" and resolution.value:
                granularity = "time"
        return _timex(
            start=candidate.start,
            end=candidate.end,
            text=text[candidate.start : candidate.end],
            type=resolution.type,
            value=resolution.value,
            granularity=granularity,
            relation=relation,
            mod=resolution.mod,
            rule=item.rule_id,
            tid=f"t{number}",
            range_end=resolution.range_end,
            freq=resolution.freq,
        )

    @staticmethod
    def _relation(text: str, candidate: Candidate, previous: Timex | None) -> str | None:
        before = text[max(0, candidate.start - 24) : candidate.start]
        # a preposition ends where the spaces at the end of ``before`` begin: a match starts no farther
        # before that than the longest preposition and the character before it
        words_end = len(before.rstrip())
        match = (
            (_PREPOSITION_ASCII if before.isascii() else _PREPOSITION).search(
                before, max(0, words_end - _PREPOSITION_REACH)
            )
            if words_end < len(before)
            else None
        )
        if match:
            return _RELATIONS.get(match.group(1).lower())  # the pattern's prepositions hold single spaces
        if candidate.modifier_relation:
            return candidate.modifier_relation
        if _APPROX_START.match(text, candidate.start, candidate.end):
            return "around"
        if (
            previous is not None
            and previous.relation == "between"
            and _AND_GAP.fullmatch(text, previous.end, candidate.start)
        ):
            return "between"
        return None


def _day_text(value: str | None) -> str | None:
    """The day part of a day-level value ("2025-10-26", "XXXX-10-26", "2025-10-26T06:12", "XXXX-WXX-2"), else
    None."""
    if not value:
        return None
    match = _DAY_VALUE.match(value)
    return match.group(0) if match else None


_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
_DAY_AFTER_CLOCK = 16  # "2300 on Monday": the day of the earlier clock time itself
_CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?")


def _after_midnight(
    value: str, text: str, start: int, end: int, clocks: list[tuple[int, str]], days: list[tuple[int, str]]
) -> str:
    """'left Andrews at 2210Z yesterday, refuelled at Shannon and touched down at 0815Z': a clock time told
    after a later one of the same day in the sentence, with no day named since or after it, is the next
    day's. Not the same time in another zone: '11:00 am (0800 GMT)', '1031Z, which is 4:31 a.m. local'."""
    earlier = [(position, clock) for position, clock in clocks if position < start]
    if not earlier:
        return value
    position, clock = max(earlier)
    if clock[:10] != value[:10] or clock[11:16] <= value[11:16]:
        return value
    if any(day_position > position + _DAY_AFTER_CLOCK for day_position, _ in days):
        return value  # "... and was back at Otopeni at 01:10 on Friday": the day is told
    between, after = text[position:start], text[end : end + 12].lower()
    if len(between) < 25 or "(" in text[start - 2 : start] or "local" in between.lower() or "local" in after:
        return value
    if _SENTENCE_END.search(between):
        return value  # "... by 1315Z. FORTE11 came off station around 1100Z": another sentence
    if _PAST_PERFECT.search(between):
        return value  # "took off at 02:17, accompanied by a C-295M, which had left Lajes at 01:55": before it
    next_day = shift_day_text(value[:10], 1)
    return next_day + value[10:] if next_day else value


_PASSED_MIDNIGHT = re.compile(r"\b(?:after|past|since|from)\s+$", re.IGNORECASE)
_PAST_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)
#: an evening told before "after midnight" in its sentence: the night runs on into the next day
_EVENING_BEFORE = re.compile(
    r"\b(?:evening|(?:over)?night|p\.?m\b|pm\b)"  # "on Monday evening", "8:40 p.m."
    r"|\b(?:1[89]|2[0-3])[0-5]\dZ?\b|\b(?:1[89]|2[0-3])[:.][0-5]\d\b",  # "2210Z", "21.40"
    re.IGNORECASE,
)
#: how far before "after midnight" an evening is looked for (about the paragraph before)
_EVENING_WINDOW = 600


def _midnight_passed(value: str, text: str, start: int) -> str:
    """'left on Monday evening and touched down shortly after midnight': the start of the next day (T00:00),
    not the end of the day told (T24:00, which stays for 'shortly before midnight', 'around midnight'). With
    no evening or night told in the paragraph before it ("The rescue was carried out on Monday. The alert came
    shortly after midnight"), the start of the day told."""
    if not value.endswith("T24:00") or not _PASSED_MIDNIGHT.search(text, max(0, start - 12), start):
        return value
    if not _EVENING_BEFORE.search(text, max(0, start - _EVENING_WINDOW), start):
        return f"{value[:-6]}T00:00"
    next_day = shift_day_text(value[:10], 1)
    return f"{next_day}T00:00" if next_day else value


def _nearest_day(days: list[tuple[int, str]], start: int, end: int, text: str) -> str | None:
    """The day a clock time at ``[start, end)`` belongs to: a day right after it ("at 2:29 a.m. on October
    26"),
    else the closest day mentioned before it in the sentence."""
    following = [
        (position, day)
        for position, day in days
        if position >= end and _FOLLOWING_DAY_GAP.fullmatch(text, end, position)
    ]
    if following:
        return min(following)[1]
    preceding = [(position, day) for position, day in days if position < start]
    return max(preceding)[1] if preceding else None
