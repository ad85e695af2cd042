"""Anchor words: where in a text a time expression can be, found in one cheap pass.

Running every rule regex over a whole article costs about 20 ms; most of the text cannot hold a time
expression at all. Each rule names the anchor classes its matches always contain (``"anchors"`` in
``timex_rules.jsonl``: a month name, a unit word, a clock-like number...). :class:`AnchorIndex` splits the
text into words once (with byte operations, no regex), classifies the words that are anchors, and gives each
rule the windows around its anchors; the rule regex then runs only there. A rule whose matches always begin
with a word character (most of them) is not even scanned across its windows: it is tried only at the word
starts between the start of each anchor and the window's reach before it (:meth:`Windows.starts`), since a
match that holds the anchor begins there. The classes:

========== ==========================================================================
MONTH      month names and abbreviations ("October", "Oct")
WEEKDAY    weekday names, singular or plural
UNIT       second ... century, weekend, fortnight (also inside "six-month", "year-end")
DEICTIC    today, yesterday, tomorrow, tonight, overnight, parts of the day
REF        now, currently, recently, past, future, soon... (reference words)
SEASON     spring, summer, autumn, fall, winter
QUARTER    quarter(s), Q1-Q4
HALF       half
DECADE     1990s, '90s, nineties
CENTURY    century, 1800s
HOLIDAY    the first word of a holiday name
SET        daily, weekly, every, each, per, once, twice, times...
YEAR       1000-2099 written in four digits, '98
NUMDATE    numeric dates: 2025-10-26, 10/26/2025, 26.10.2025, 26OCT2025, 2025-W44
ORDDAY     day ordinals: 26th
CLOCK      clock-like numbers (10:35, 0612Z, 10 p.m.), noon, midnight, dawn, o'clock
DIRECTION  ago, earlier, later, before, after, hence, prior... (offsets)
REL        last, this, next, past, coming, current, previous, following, same...
WEEKEND    weekend(s)
EDGE       end, beginning, start, middle, close, turn, half
LONG       long ("day-long")
EVERY      every, each, per
FREQ       once, twice, thrice, times
NUMBER     any number in digits, number words (one ... ninety, hundred, dozen, couple, half)
VAGUE      few, several, many, some, couple, dozens, hundreds, numerous
========== ==========================================================================

Rules may also name ``requires``: classes that must be inside the window as well (all of them).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache
from itertools import accumulate, compress, count, filterfalse
from operator import add

from .lexicon import Lexicon
from .twins import ascii_twin

__all__ = ["ANCHOR_CLASSES", "AnchorIndex", "CLASS_WINDOWS", "Windows"]

ANCHOR_CLASSES = (
    "MONTH",
    "WEEKDAY",
    "UNIT",
    "DEICTIC",
    "REF",
    "SEASON",
    "QUARTER",
    "HALF",
    "DECADE",
    "CENTURY",
    "HOLIDAY",
    "SET",
    "YEAR",
    "NUMDATE",
    "ORDDAY",
    "CLOCK",
    "DIRECTION",
    "REL",
    "WEEKEND",
    "EDGE",
    "LONG",
    "EVERY",
    "FREQ",
    "NUMBER",
    "VAGUE",
)
#: characters searched before / after an anchor of each class: a little more than any expression reaches
#: on that side of its anchor ("Thursday, the 26th of October": 24 before the month; "the next 12 to 18
#: months": 20 before the unit; "October 30-November 2, 2025": 19 after the first month). The tests compare
#: the windowed search with a scan of the whole text.
CLASS_WINDOWS: dict[str, tuple[int, int]] = {
    "MONTH": (28, 28),
    "WEEKDAY": (24, 28),
    "UNIT": (32, 20),
    "DEICTIC": (20, 20),
    "REF": (28, 16),
    "SEASON": (20, 20),
    "QUARTER": (48, 28),
    "HALF": (16, 44),
    "DECADE": (20, 8),
    "CENTURY": (28, 16),
    "HOLIDAY": (16, 28),
    "SET": (20, 28),
    "YEAR": (24, 16),
    "NUMDATE": (4, 28),
    "ORDDAY": (8, 8),
    "CLOCK": (28, 28),
    "DIRECTION": (40, 8),
    "REL": (8, 40),
    "WEEKEND": (24, 8),
    "EDGE": (8, 40),
    "LONG": (24, 8),
    "EVERY": (8, 32),
    "FREQ": (24, 24),
    "NUMBER": (24, 32),
    "VAGUE": (24, 32),
}


# Words are maximal runs of \w; splitting on the runs between them keeps every offset.
_WORD_SPLIT = re.compile(r"(\W+)")
_NON_ASCII_CHARACTER = re.compile(r"[^\x00-\x7f]")
#: ASCII byte -> itself for a word character (``\w``), else a space; for :func:`_ascii_words`
_NON_WORD_TO_SPACE = bytes(
    code if code < 128 and (chr(code).isalnum() or chr(code) == "_") else 0x20 for code in range(256)
)
_WORDS: dict[str, tuple[str, ...]] = {
    "UNIT": (
        "second",
        "seconds",
        "sec",
        "secs",
        "minute",
        "minutes",
        "min",
        "mins",
        "hour",
        "hours",
        "hr",
        "hrs",
        "day",
        "days",
        "night",
        "nights",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "quarter",
        "quarters",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
        "weekend",
        "weekends",
        "yearend",
        "midyear",
        "period",
    ),
    "YEAR": ("nineteen", "eighteen", "thousand", "twenty"),
    "DEICTIC": (
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "overnight",
        "morning",
        "afternoon",
        "evening",
        "night",
    ),
    "REF": (
        "now",
        "currently",
        "nowadays",
        "present",
        "presently",
        "moment",
        "being",
        "recently",
        "lately",
        "past",
        "future",
        "soon",
        "shortly",
        "term",
        "possible",
        "later",
        "day",
        "date",
        "someday",
    ),
    "QUARTER": ("quarter", "quarters", "q1", "q2", "q3", "q4"),
    "HALF": ("half",),
    "DECADE": ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"),
    "CENTURY": ("century", "centuries"),
    "SET": (
        "daily",
        "weekly",
        "monthly",
        "annually",
        "yearly",
        "hourly",
        "nightly",
        "quarterly",
        "biannually",
        "semiannually",
        "semi",
        "annual",
        "fortnightly",
        "biweekly",
        "bi",
        "bimonthly",
        "every",
        "each",
        "per",
        "once",
        "twice",
        "thrice",
        "times",
    ),
    "DIRECTION": tuple(
        [
            "ago",
            "earlier",
            "later",
            "before",
            "after",
            "hence",
            "prior",
            "previously",
            "back",
            "afterward",
            "afterwards",
            "beforehand",
            "on",
            "from",
            "previous",
        ]
    ),
    "REL": tuple(
        [
            "last",
            "this",
            "next",
            "past",
            "coming",
            "current",
            "previous",
            "following",
            "same",
            "that",
            "preceding",
            "prior",
            "latest",
            "present",
            "upcoming",
            "ensuing",
            "very",
            "corresponding",
            "comparable",
            "recent",
            "first",
            "intervening",
        ]
    ),
    "WEEKEND": ("weekend", "weekends"),
    "EDGE": ("end", "beginning", "start", "middle", "close", "turn", "half"),
    "LONG": ("long",),
    "NUMBER": tuple(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
            "dozen",
            "couple",
            "half",
            "single",
        ]
    ),
    "VAGUE": ("few", "several", "many", "some", "couple", "dozens", "hundreds", "number", "numerous"),
    "EVERY": ("every", "each", "per"),
    "FREQ": ("once", "twice", "thrice", "times"),
    "CLOCK": (
        "noon",
        "midnight",
        "midday",
        "midafternoon",
        "midmorning",
        "afternoon",
        "morning",
        "dawn",
        "dusk",
        "daybreak",
        "sunrise",
        "sunset",
        "nightfall",
        "clock",
        "utc",
        "gmt",
        "zulu",
        "local",
        "hrs",
        "hours",
        "am",
        "pm",
    ),
}
_CLOCK_AFTER_NUMBER = (
    r"\d{1,2}(?:[:.h]\d\d|\s?(?:a\.?\s?m\b|p\.?\s?m\b|am\b|pm\b|o'clock"
    r"|in the (?:morning|afternoon|evening|night)))"
    r"|\d{4}\s?(?:Z\b|UTC|GMT|Zulu|L\b|MSK|local|hrs|hours)"
)
_NUMERIC_DATE = r"\d{1,4}[-/.]\d|\d{4}-W\d|\d{1,2}\s?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
#: what follows a number, read in one call: group "clock" is set when a clock time begins there ("10:35",
#: "0612Z", "10 p.m."), group "numdate" when a numeric date does ("26.10.2025", "26OCT"); it always matches
_AFTER_NUMBER = re.compile(
    rf"(?:(?=(?P<clock>{_CLOCK_AFTER_NUMBER}))|)(?:(?=(?P<numdate>{_NUMERIC_DATE}))|)", re.IGNORECASE
)
_AFTER_NUMBER_ASCII = ascii_twin(_AFTER_NUMBER)
_YEAR_SUFFIX = re.compile(r"(?<!\d)(?:1\d{3}|20\d\d)$")
_DIGIT_TOKEN = {
    "YEAR": re.compile(r"(?:1\d{3}|20\d\d)s?"),
    "DECADE": re.compile(r"\d{3}0s|\d0s"),
    "CENTURY": re.compile(r"\d\d00s"),
    "ORDDAY": re.compile(r"\d{1,2}(?:st|nd|rd|th)"),
    "CLOCK": re.compile(r"\d{1,2}(?:am|pm)|\d{4}z", re.IGNORECASE),
    "QUARTER": re.compile(r"q[1-4]", re.IGNORECASE),
}


@lru_cache(maxsize=8192)
def _token_classes(token: str) -> tuple[str, ...]:
    """The classes of :data:`_DIGIT_TOKEN` a word with digits is by itself ("2025", "21st", "0612Z"); the
    same numbers recur across articles, so this is cached."""
    return tuple(name for name, pattern in _DIGIT_TOKEN.items() if pattern.fullmatch(token))


class AnchorIndex:
    """Word -> anchor classes, built from the lexicon; :class:`Windows` gives each rule where to search."""

    def __init__(self, lexicon: Lexicon) -> None:
        words: dict[str, set[str]] = defaultdict(set)
        for name, entries in _WORDS.items():
            for word in entries:
                words[word].add(name)
        for month in lexicon.months:
            words[month].add("MONTH")
        for weekday in list(lexicon.weekdays) + list(lexicon.weekday_plurals):
            words[weekday].add("WEEKDAY")
        for season in lexicon.seasons:
            words[season].add("SEASON")
        for holiday in lexicon.holidays:
            first = re.split(r"[\s.']", holiday)[0]
            if first:
                words[first].add("HOLIDAY")
        for unit in lexicon.units:
            words[unit].add("UNIT")
        self.words = {word: tuple(sorted(classes)) for word, classes in words.items()}

    def classify(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Anchor class -> spans of its anchors in ``text``, each list in text order.

        The text is split into words in one C-speed pass; its words are intersected with the anchor
        words (plus the words that start or end with a digit: numbers, "Q3", "FY2024"), and only the
        occurrences of those few are classified."""
        return self.index(text)[0]

    def index(self, text: str) -> tuple[dict[str, list[tuple[int, int]]], list[int], list[str]]:
        """:meth:`classify`, the start offsets of the words of ``text`` (maximal runs of ``\\w``; the list
        may also hold 0 and ``len(text)``, with the word "") and the words themselves, lower-cased; both lists
        are empty when the text holds no anchor at all."""
        words = self.words
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lower-cased ("İ"): keep offsets
            lowered = "".join(char.lower()[0] for char in text)
        tokens, starts = _words(lowered)
        wanted = words.keys() & tokens
        # words with a digit at either end are among the few that are not all letters
        wanted.update(
            word
            for word in filterfalse(str.isalpha, tokens)
            if word and (word[0].isdigit() or word[-1].isdigit())
        )
        found: dict[str, list[tuple[int, int]]] = defaultdict(list)
        if not wanted:
            return found, [], []
        after_number = _AFTER_NUMBER_ASCII if text.isascii() else _AFTER_NUMBER
        for index in compress(range(len(tokens)), map(wanted.__contains__, tokens)):
            token = tokens[index]
            start = starts[index]
            end = start + len(token)
            if token[0].isdigit():
                classes = ("NUMBER", *self._digit_classes(text, text[start:end], start, after_number))
            elif token in words:
                classes = words[token]
            elif token[0] == "q" and _DIGIT_TOKEN["QUARTER"].fullmatch(token):
                classes = ("QUARTER",)
            elif _YEAR_SUFFIX.search(token):  # "FY2024"
                classes = ("YEAR",)
            else:
                continue
            span = (start, end)
            for name in classes:
                found[name].append(span)
        return found, starts, tokens

    @staticmethod
    def _digit_classes(
        text: str, token: str, start: int, after_number: re.Pattern[str] = _AFTER_NUMBER
    ) -> list[str]:
        classes = list(_token_classes(token))
        if start > 0 and text[start - 1] in "'’" and len(token) >= 2:
            classes.append("YEAR" if len(token) == 2 else "DECADE")
        if token[-1] == "0" and text.startswith(("'s", "’s"), start + len(token)):  # "1990's"
            classes.append("DECADE")
        after = after_number.match(text, start)
        if after.group("clock") is not None:
            classes.append("CLOCK")
        if after.group("numdate") is not None:
            classes.append("NUMDATE")
        return classes


def _words(lowered: str) -> tuple[list[str], list[int]]:
    """The words of a text (maximal runs of ``\\w``) and their offsets, as ``_WORD_SPLIT`` gives them: with ""
    first when the text begins with a separator and "" last when it ends with one. A text with non-ASCII
    characters is read through an ASCII stand-in of the same length ("a" for a word character, a space for
    any other); the few words holding such a character are then cut from the text itself."""
    if lowered.isascii():
        return _ascii_words(lowered)
    positions: list[int] = []

    def stand_in(match: re.Match[str]) -> str:
        positions.append(match.start())
        return "a" if match.group().isalnum() else " "  # a non-ASCII character is in \\w when alphanumeric

    tokens, starts = _ascii_words(_NON_ASCII_CHARACTER.sub(stand_in, lowered))
    for position in positions:  # the words holding a non-ASCII character are cut from the text
        index = bisect_right(starts, position) - 1
        if index >= 0 and position < starts[index] + len(tokens[index]):
            tokens[index] = lowered[starts[index] : starts[index] + len(tokens[index])]
    return tokens, starts


def _ascii_words(lowered: str) -> tuple[list[str], list[int]]:
    """:func:`_words` of an ASCII-only text, found with byte operations: every non-word character becomes a
    space, the text is split at each space, and the empty pieces between are dropped. About twice as fast
    as the regex, which frees and allocates its stack for every separator."""
    if not lowered:
        return [""], [0]
    pieces = lowered.encode("ascii").translate(_NON_WORD_TO_SPACE).decode("ascii").split(" ")
    # piece i begins after the pieces before it and the one space that ends each of them
    offsets = map(add, accumulate(map(len, pieces), initial=0), count())
    tokens = list(filter(None, pieces))
    starts = list(compress(offsets, pieces))
    if not pieces[0]:
        tokens.insert(0, "")
        starts.insert(0, 0)
    if not pieces[-1]:
        tokens.append("")
        starts.append(len(lowered))
    return tokens, starts


class Windows:
    """Where each rule runs in one text: merged ``[start, end)`` windows around the anchors of the rule's
    classes (sizes in :data:`CLASS_WINDOWS`); with ``requires``, only the windows that also hold an anchor of
    each of those classes (a class named twice must be there twice: a compound duration needs two unit words).
    Computed once per (classes, requires) key."""

    def __init__(
        self,
        anchors: dict[str, list[tuple[int, int]]],
        word_starts: list[int] | None = None,
        words: list[str] | None = None,
        *,
        length: int,
    ) -> None:
        self.anchors = anchors
        self.length = length
        self.word_starts = word_starts or []
        self.words = words or []  # the lower-cased word at each of word_starts
        self._by_key: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[int, int]]] = {}
        self._indices_by_key: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = {}
        self._class_indices_cache: dict[str, list[int]] = {}
        self._bounds: dict[str, tuple[list[int], list[int]]] = {}

    def present(self, requires: tuple[str, ...]) -> bool:
        """Whether the text holds the anchors ``requires`` names (a class named twice, twice)."""
        anchors = self.anchors
        return all(len(anchors.get(name, ())) >= requires.count(name) for name in requires)

    def word_indices(self, classes: tuple[str, ...], requires: tuple[str, ...] = ()) -> list[int]:
        """Indices into ``word_starts`` of the words where a match of a rule with these classes can begin,
        sorted: a match holds one of its anchors, so it begins at or before that anchor's start, and no
        farther before it than the class window reaches. With ``requires``, only the words inside the
        windows :meth:`get` keeps."""
        key = (classes, requires)
        indices = self._indices_by_key.get(key)
        if indices is not None:
            return indices
        if len(classes) == 1:
            indices = self._class_indices(classes[0])
        else:
            indices = sorted(set().union(*(self._class_indices(name) for name in classes)))
        if requires and indices:
            kept: list[int] = []
            word_starts = self.word_starts
            for window_start, window_end in self.get(classes, requires):
                low = bisect_left(indices, bisect_left(word_starts, window_start))
                high = bisect_left(indices, bisect_left(word_starts, window_end))
                kept.extend(indices[low:high])
            indices = kept
        self._indices_by_key[key] = indices
        return indices

    def starts(self, classes: tuple[str, ...], requires: tuple[str, ...] = ()) -> list[int]:
        """The offsets of the words of :meth:`word_indices`."""
        word_starts = self.word_starts
        return [word_starts[index] for index in self.word_indices(classes, requires)]

    def _class_indices(self, name: str) -> list[int]:
        indices = self._class_indices_cache.get(name)
        if indices is None:
            indices = []
            found = self.anchors.get(name)
            if found:
                word_starts = self.word_starts
                before = CLASS_WINDOWS[name][0]
                reached = 0  # index into word_starts: anchors are sorted, so the ranges only move right
                for start, _ in found:
                    high = bisect_right(word_starts, start)
                    if high > reached:
                        indices.extend(range(bisect_left(word_starts, start - before, reached), high))
                        reached = high
            self._class_indices_cache[name] = indices
        return indices

    def get(self, classes: tuple[str, ...], requires: tuple[str, ...] = ()) -> list[tuple[int, int]]:
        key = (classes, requires)
        windows = self._by_key.get(key)
        if windows is None:
            windows = self._by_key[key] = self._compute(classes, requires)
        return windows

    def _compute(self, classes: tuple[str, ...], requires: tuple[str, ...]) -> list[tuple[int, int]]:
        if requires:
            windows = self.get(classes)
            needed: dict[str, int] = {}
            for name in requires:
                needed[name] = needed.get(name, 0) + 1
            # anchors of one class never overlap, so their starts and ends are both sorted: the anchors inside
            # [start, end) are those ending at or before ``end`` less those starting before ``start``
            bounds = {name: self._class_bounds(name) for name in needed}
            return [
                (start, end)
                for start, end in windows
                if all(
                    bisect_right(bounds[name][1], end) - bisect_left(bounds[name][0], start) >= count
                    for name, count in needed.items()
                )
            ]
        spans: list[tuple[int, int]] = []
        for name in classes:
            found = self.anchors.get(name)
            if found:
                before, after = CLASS_WINDOWS[name]
                spans.extend([(start - before, end + after) for start, end in found])
        if len(classes) > 1:
            spans.sort()
        merged: list[list[int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                if end > merged[-1][1]:
                    merged[-1][1] = end
            else:
                merged.append([start, end])
        length = self.length
        return [(max(0, start), min(length, end)) for start, end in merged]

    def _class_bounds(self, name: str) -> tuple[list[int], list[int]]:
        """(starts, ends) of the anchors of ``name``, each sorted."""
        bounds = self._bounds.get(name)
        if bounds is None:
            found = self.anchors.get(name, ())
            bounds = self._bounds[name] = ([start for start, _ in found], [end for _, end in found])
        return bounds
