"""Tense of the clause around a time expression, read from word cues.

A blank spaCy pipeline has no tagger, so the tense is guessed from the nearest cue: future modals and phrases
("will", "is expected to", "plans to", "next"), past auxiliaries and irregular past forms ("was", "had",
"flew"), regular ``-ed`` forms (unless a modal, "to" or "be" just before makes them an infinitive or a
passive), and present auxiliaries ("is", "says"). Cue lists live in
``extractor/resources/timex_tense_cues.json``.

The nearest cue wins; cues after the expression count three tokens farther and reporting verbs ("said") and
"would" one more, because "will arrive on Friday, officials said" is about the arrival, not the saying.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Literal

from .twins import ascii_twin

__all__ = ["Tense", "TenseCues", "SentenceCues", "detect_tense", "load_tense_cues"]

Tense = Literal["PAST", "PRESENT", "FUTURE"]

TENSE_CUES_PATH = Path(__file__).resolve().parent.parent / "resources" / "timex_tense_cues.json"

_TOKEN = re.compile(r"[A-Za-z]+(?=n't\b)|n't\b|'[a-z]+\b|\w+(?:[-']\w+)*|[^\w\s]")
# The same tokens, with the whitespace between them: every character that is not whitespace belongs to a
# token, so splitting a text on them gives space, token, space, token, ..., space, and the lengths of the
# pieces give the offsets without a match object per token. Written to match faster, with the same
# matches: the letters before "n't" are only looked for when the run of letters ends in "n't"; nothing
# follows a word, so it never gives back characters (possessive).
_TOKEN_SPLIT = re.compile(
    r"((?=[A-Za-z]*+(?<=[A-Za-z]n)'t\b)[A-Za-z]+(?=n't\b)|n't\b|'[a-z]+\b|\w++(?:[-']\w++)*+|[^\w\s])"
)
# Without an apostrophe in the text only the last two alternatives can match, and a word joins the next one
# over a hyphen only: the same split, faster (most sentences have no apostrophe).
_TOKEN_SPLIT_NO_APOSTROPHE = re.compile(r"(\w++(?:-\w++)*+|[^\w\s])")
_TOKEN_SPLITS = {  # (ASCII only, has an apostrophe) -> the split to use (ASCII twins: see :mod:`.twins`)
    (False, True): _TOKEN_SPLIT,
    (True, True): ascii_twin(_TOKEN_SPLIT),
    (False, False): _TOKEN_SPLIT_NO_APOSTROPHE,
    (True, False): ascii_twin(_TOKEN_SPLIT_NO_APOSTROPHE),
}
_REPORTING = frozenset({"said", "says", "say", "told", "reported", "announced", "added", "stated", "noted"})
_DETERMINERS = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
)
_QUANTIFIERS = frozenset(
    {"more", "most", "fewer", "many", "several", "few", "two", "three", "four", "five", "six", "dozens"}
)
#: verbs of carrying whose object an -ed adjective may open ("carrying donated supplies")
_CARRYING = frozenset(
    {"carrying", "bringing", "ferrying", "transporting", "delivering", "evacuating", "airlifting", "loading"}
)
_NO_VERB_BEFORE = _CARRYING | {"with", "without"}
_PASSIVE_OR_BASE = frozenset({"is", "are", "am", "be", "being"})
_AUXILIARIES = frozenset({"was", "were", "had", "did", "been"})
#: past forms spelled like the base form: after "to" or a modal, a phrase led by one is no past
#: ("is expected to set off")
_SAME_AS_BASE = frozenset({"set", "put", "cut", "let", "hit", "shut"})
_PRIORITY = {"FUTURE": 0, "PAST": 1, "PRESENT": 2}
_MAX_DISTANCE = 30
# English puts the verb before its time adverbial ("flew on Friday"); a cue after the expression is more often
# a participle or another clause ("new markets untouched by the crisis"), so it counts this much farther.
_AFTER_PENALTY = 3
#: words that start a new clause after an expression: a cue beyond them tells that clause's tense ("would fly
#: on Friday if the airport stayed open")
_COORDINATORS = {"and", "but", ";", "while", "whereas", "if", "unless", "once", "when", "until", "because"}


@dataclass(frozen=True)
class TenseCues:
    """Cue phrases (as token tuples) for each tense, plus the -ed exceptions."""

    phrases: dict[tuple[str, ...], tuple[Tense, Tense]]  # (tense when the cue comes before, when after)
    not_past_ed: frozenset[str]
    ed_blockers: frozenset[str]
    longest: int
    by_first_word: dict[str, tuple[int, ...]]  # first token -> phrase lengths, longest first


@lru_cache(maxsize=2)
def load_tense_cues(path: str | None = None) -> TenseCues:
    """Load the cue JSON (default: the packaged ``timex_tense_cues.json``)."""
    file = Path(path) if path else TENSE_CUES_PATH
    data = json.loads(file.read_text(encoding="utf-8"))
    phrases: dict[tuple[str, ...], tuple[Tense, Tense]] = {}
    lists: tuple[tuple[str, Tense, Tense], ...] = (
        ("present", "PRESENT", "PRESENT"),
        ("past", "PAST", "PAST"),
        ("future", "FUTURE", "FUTURE"),
        ("future_before_past_after", "FUTURE", "PAST"),
    )
    for key, before, after in lists:
        if key not in data:
            raise ValueError(f"{file}: expected a {key!r} cue list, found keys {sorted(data)}")
        for phrase in data[key]:
            tokens = tuple(token.group(0) for token in _TOKEN.finditer(phrase.lower()))
            phrases[tokens] = (before, after)  # later lists win over earlier ones
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        lengths.setdefault(phrase[0], set()).add(len(phrase))
    return TenseCues(
        phrases=phrases,
        not_past_ed=frozenset(data.get("not_past_ed", [])),
        ed_blockers=frozenset(data.get("ed_blockers", [])),
        longest=max(len(phrase) for phrase in phrases),
        by_first_word={word: tuple(sorted(sizes, reverse=True)) for word, sizes in lengths.items()},
    )


def _is_past_ed(index: int, lowers: list[str], text: str, starts: list[int], cues: TenseCues) -> bool:
    lower = lowers[index]
    if len(lower) <= 3 or not lower.endswith("ed") or not lower.isalpha() or lower in cues.not_past_ed:
        return False
    if index > 0 and text[starts[index]].isupper():
        return False
    previous = lowers[index - 1] if index > 0 else ""
    before_previous = lowers[index - 2] if index > 1 else ""
    if previous in cues.ed_blockers or previous in _PASSIVE_OR_BASE or previous in _DETERMINERS:
        return False
    if previous in _QUANTIFIERS or previous.isdigit() or previous in _NO_VERB_BEFORE:
        # "with three more wounded", "12 injured", "with prefabricated shelters", "carrying donated supplies":
        # no past verb
        return False
    return not (previous in ("not", "n't", "also", "already", "then") and before_previous in cues.ed_blockers)


def _after_modal_or_be(index: int, lowers: list[str], cues: TenseCues) -> bool:
    previous = lowers[index - 1] if index > 0 else ""
    return previous in cues.ed_blockers or previous in _PASSIVE_OR_BASE


@dataclass(slots=True)  # not frozen: a frozen dataclass is five times slower to build
class _Hit:
    start: int  # character offsets of the cue
    end: int
    first: int  # token indices of the cue
    last: int
    tense: Tense  # when the cue comes before the expression
    tense_after: Tense  # when it comes after
    extra: int  # added distance (reporting verbs, "would")
    reporting: bool = False  # a reporting verb ("said", "added")


class SentenceCues:
    """The tense cues of one sentence, found once; :meth:`tense_at` then answers for any expression in it."""

    def __init__(self, text: str) -> None:
        cues = load_tense_cues()
        # space, token, space, token, ..., space
        pieces = _TOKEN_SPLITS[text.isascii(), "'" in text].split(text)
        offsets = list(accumulate(map(len, pieces)))
        starts = offsets[0:-1:2]
        ends = offsets[1::2]
        tokens = pieces[1::2]
        # lower-cased in one call: tokens never hold whitespace, and lower-casing never makes any
        lowers = " ".join(tokens).lower().split(" ") if tokens else []
        self.token_starts = starts
        self.token_ends = ends
        self.lowers = lowers
        by_first_word = cues.by_first_word
        phrases = cues.phrases
        hits: list[_Hit] = []
        following = 0  # the first token after the last cue phrase
        # most words are neither the first word of a cue nor an -ed form: only the others are looked at
        for index in [i for i, lower in enumerate(lowers) if lower in by_first_word or lower.endswith("ed")]:
            if index < following:
                continue  # inside the cue phrase just found
            lower = lowers[index]
            found: tuple[Tense, Tense] | None = None
            length = 1
            for size in by_first_word.get(lower, ()):
                phrase = tuple(lowers[index : index + size])
                if phrase in phrases:
                    found, length = phrases[phrase], size
                    break
            if (
                found == ("PAST", "PAST")
                and (length == 1 or lower in _SAME_AS_BASE)
                and lower not in _AUXILIARIES
                and _after_modal_or_be(index, lowers, cues)
            ):
                found = None  # "will be paid", "to be held": a participle or infinitive, not a past verb
            if found is None and _is_past_ed(index, lowers, text, starts, cues):
                found = ("PAST", "PAST")
            if found is not None:
                reporting = lower in _REPORTING
                extra = 1 if reporting or lower == "would" else 0
                last = index + length - 1
                hits.append(
                    _Hit(starts[index], ends[last], index, last, found[0], found[1], extra, reporting)
                )
            following = index + length
        self.hits = hits

    def tense_at(self, start: int, end: int, ignore: list[tuple[int, int]] | tuple = ()) -> Tense | None:
        """Tense for the expression at ``[start, end)`` (offsets into the sentence); cues overlapping it or an
        ``ignore`` span (other time expressions) do not count."""
        anchor_before = bisect.bisect_right(self.token_ends, start) - 1
        anchor_after = bisect.bisect_left(self.token_starts, end)
        best: tuple[int, int, Tense] | None = None
        cue_before = any(hit.end <= start and anchor_before - hit.last <= _MAX_DISTANCE for hit in self.hits)
        for hit in self.hits:
            if hit.start < end and start < hit.end:
                continue
            if any(hit.start < s_end and s_start < hit.end for s_start, s_end in ignore):
                continue
            if hit.end <= start:
                distance = anchor_before - hit.last
                tense = hit.tense
            else:
                if cue_before and _COORDINATORS & set(self.lowers[anchor_after : hit.first]):
                    continue  # "flew to Nepalgunj on Wednesday and will be used ...": the next clause's verb
                if cue_before and "," in self.lowers[anchor_after : hit.first]:
                    # "is scheduled to fly back on Wednesday, Aguirre added", "will leave for Manila on
                    # Saturday, carrying armored vehicles": past the comma is the report's or another phrase's
                    continue
                if cue_before and self.lowers[hit.first] == "to":
                    continue  # "landed on Monday to begin a rotation": a purpose, not the expression's tense
                if cue_before and self.lowers[hit.first] == "expected":
                    continue  # "landed on Tuesday for a rotation expected to last weeks": a participle
                distance = hit.first - anchor_after + _AFTER_PENALTY
                tense = hit.tense_after
            distance += hit.extra
            if distance <= _MAX_DISTANCE:
                key = (distance, _PRIORITY[tense], tense)
                if best is None or key[:2] < best[:2]:
                    best = key
        return best[2] if best else None


def detect_tense(
    text: str, start: int, end: int, *, ignore: list[tuple[int, int]] | None = None
) -> Tense | None:
    """Return the tense of the clause in ``text`` (usually one sentence) around the expression at
    ``[start, end)``; cues inside ``[start, end)`` and inside the ``ignore`` spans are skipped.
    Return None when no cue is found within reach."""
    return SentenceCues(text).tense_at(start, end, ignore or [])
