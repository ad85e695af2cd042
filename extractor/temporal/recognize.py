"""Finding time expressions in text: rule matches, overlap resolution, modifiers and merges.

:class:`Recognizer` runs every rule of ``timex_rules.jsonl`` over the text, keeps the longest non-overlapping
matches (ties: higher ``priority``, then file order), then widens them with the modifiers TimeML puts inside
the extent ("early", "late", "mid-", "about", "more than", "or so"; table ``modifiers`` in
``timex_lexicon.json``), with a part of day after a day ("Wednesday night"), and merges a clock time with an
adjacent day ("10 p.m. Wednesday"). Nothing is normalised here.

Speed (the output never depends on it): the rules run only near their anchors (:mod:`.anchors`), tried at
word starts by their first words; the left word guard is checked once per position; a candidate's
modifiers are tried one by one only when the alternation of them all finds one; and an ASCII-only text is
matched with ASCII twins of every regex (:mod:`.twins`), which match alike there, faster.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Any

from .anchors import AnchorIndex, Windows
from .lexicon import Lexicon
from .rules import DIGIT_WORD, LEFT_GUARD, Rule, first_character_lookahead, flexible_spaces
from .twins import ascii_twin

__all__ = ["Candidate", "Modifier", "Recognizer"]

_DAY_NORMS = frozenset({"calendar", "weekday", "deictic", "holiday"})
_POD_SUFFIX = re.compile(r"\s+(morning|afternoon|evening|night)\b(?!-)", re.IGNORECASE)
_MERGE_GAP = re.compile(r"^\s*,?\s*$")
_RANGE_GAP = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_RANGE_NORMS = frozenset({"calendar", "month", "year", "weekday", "season", "quarter", "deictic", "holiday"})
_UPPER_TEXT_RATIO = 0.8  # more than 3/4: :func:`_shouting` rules out texts where capitals are at most that
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = _ASCII_UPPER.lower()
_ASCII_LETTERS = _ASCII_UPPER + _ASCII_LOWER


@dataclass(slots=True)
class Candidate:
    """A recognised expression before normalisation. ``range_parts`` holds the two ends of "between X and Y".
    ``parts`` is set for merged expressions
    (clock time + day); ``pod`` holds a part-of-day word appended to a day ("night")."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]
    mod: str | None = None
    modifier_relation: str | None = None
    modifier_ids: list[str] = field(default_factory=list)
    pod: str | None = None
    parts: list[Candidate] = field(default_factory=list)
    range_parts: list[Candidate] = field(default_factory=list)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Modifier:
    """One entry of the lexicon's ``modifiers`` table, compiled."""

    id: str
    regex: re.Pattern[str]
    mod: str
    norms: frozenset[str]
    relation: str | None
    number_only: bool
    prefix: bool


def _modifier_regex(patterns: list[str], prefix: bool) -> re.Pattern[str]:
    """One regex for modifier patterns: a prefix ends where the text searched ends, a suffix begins where
    it begins. With several patterns, an alternation of them: it finds a match wherever one of them would."""
    body = "|".join(f"(?:{flexible_spaces(pattern)})" for pattern in patterns)
    if not prefix:
        return re.compile(rf"^(?:{body})", re.IGNORECASE)
    # searched over the text before a candidate: the lookahead skips the positions where none can begin
    return re.compile(
        rf"{first_character_lookahead(body, re.IGNORECASE)}(?<![\w-])(?:{body})$", re.IGNORECASE
    )


#: (the prefix modifiers of a norm, the suffix ones, a regex that finds no prefix where none of them would,
#: the same for suffixes); the guards are None when there is no modifier on that side
ModifierGroup = tuple[
    tuple[Modifier, ...], tuple[Modifier, ...], re.Pattern[str] | None, re.Pattern[str] | None
]


def _modifier_group(modifiers: list[Modifier], patterns: dict[str, str]) -> ModifierGroup:
    prefixes = tuple(modifier for modifier in modifiers if modifier.prefix)
    suffixes = tuple(modifier for modifier in modifiers if not modifier.prefix)
    return (
        prefixes,
        suffixes,
        _modifier_regex([patterns[m.id] for m in prefixes], True) if prefixes else None,
        _modifier_regex([patterns[m.id] for m in suffixes], False) if suffixes else None,
    )


def _compile_modifiers(lexicon: Lexicon) -> list[Modifier]:
    compiled: list[Modifier] = []
    for side in ("prefix", "suffix"):
        for entry in lexicon.modifiers.get(side, []):
            regex = _modifier_regex([entry["pattern"]], side == "prefix")
            compiled.append(
                Modifier(
                    id=entry["id"],
                    regex=regex,
                    mod=entry["mod"],
                    norms=frozenset(entry.get("norms", [])),
                    relation=entry.get("relation"),
                    number_only=bool(entry.get("number_only", False)),
                    prefix=side == "prefix",
                )
            )
    return compiled


@dataclass(frozen=True)
class _Tables:
    """The compiled rules and modifiers a text is matched with: the rules as loaded, or for ASCII-only texts
    their ASCII twins (see :mod:`.twins`), which match the same there, faster."""

    rules: list[Rule]
    dispatch: Dispatch
    scanned: list[Rule]
    #: rule norm -> the modifiers that apply to it, in table order (prefixes come first), with the guards
    modifiers_for: dict[str, ModifierGroup]
    left_guard: re.Pattern[str]
    pod_suffix: re.Pattern[str]

    @classmethod
    def build(cls, rules: list[Rule], modifiers_for: dict[str, ModifierGroup]) -> _Tables:
        dispatch, scanned = _dispatch(rules)
        return cls(rules, dispatch, scanned, modifiers_for, LEFT_GUARD, _POD_SUFFIX)

    def ascii_twin(self) -> _Tables:
        """The same tables with every regex replaced by its ASCII twin."""

        def twin(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
            return None if pattern is None else ascii_twin(pattern)

        rules = [
            replace(
                rule,
                regex=ascii_twin(rule.regex),
                unguarded=twin(rule.unguarded),
                need_before=twin(rule.need_before),
                not_before=twin(rule.not_before),
                need_after=twin(rule.need_after),
                not_after=twin(rule.not_after),
            )
            for rule in self.rules
        ]
        twins: dict[str, Modifier] = {}
        for prefixes, suffixes, _, _ in self.modifiers_for.values():
            for modifier in prefixes + suffixes:
                twins.setdefault(modifier.id, replace(modifier, regex=ascii_twin(modifier.regex)))
        modifiers_for = {
            norm: (
                tuple(twins[m.id] for m in prefixes),
                tuple(twins[m.id] for m in suffixes),
                twin(prefix_guard),
                twin(suffix_guard),
            )
            for norm, (prefixes, suffixes, prefix_guard, suffix_guard) in self.modifiers_for.items()
        }
        dispatch, scanned = _dispatch(rules)
        return _Tables(
            rules, dispatch, scanned, modifiers_for, ascii_twin(self.left_guard), ascii_twin(self.pod_suffix)
        )


class Recognizer:
    """Runs the rules over a text and returns the selected, widened, merged candidates in text order."""

    def __init__(self, lexicon: Lexicon, rules: list[Rule]) -> None:
        self.lexicon = lexicon
        self.rules = rules
        self.modifiers = _compile_modifiers(lexicon)
        patterns = {
            entry["id"]: entry["pattern"]
            for side in ("prefix", "suffix")
            for entry in lexicon.modifiers.get(side, [])
        }
        modifiers_for = {
            norm: _modifier_group([m for m in self.modifiers if norm in m.norms], patterns)
            for norm in {rule.norm for rule in rules}
        }
        self.anchor_index = AnchorIndex(lexicon)
        self._tables = _Tables.build(rules, modifiers_for)
        self._ascii_tables = self._tables.ascii_twin()

    def _tables_for(self, text: str) -> _Tables:
        return self._ascii_tables if text.isascii() else self._tables

    # -- matching -------------------------------------------------------------------------------------------
    def _capitals_ok(self, rule: Rule, match: re.Match[str], shouting: bool) -> bool:
        if shouting:
            return True
        for group in rule.capitalized:
            value = match.group(group)
            if value and not value[0].isupper():
                return False
        for group in rule.lowercase:
            value = match.group(group)
            if value and value[0].isupper():
                return False
        return True

    def find(self, text: str, *, full_scan: bool = False) -> list[Candidate]:
        """Every rule match that passes its capitalisation and context checks (overlaps included).

        Each rule runs only near its anchors (see :mod:`.anchors`): most are tried at the word starts before
        an anchor whose word is one their matches can begin with (:func:`.rules.first_words`), the others scan
        the windows around the anchors. ``full_scan`` runs every rule over the whole text instead (the tests
        check that both give the same matches)."""
        shouting = _shouting(text[:4000])
        tables = self._tables_for(text)
        if full_scan:
            raw = [(rule, match) for rule in tables.rules for match in rule.regex.finditer(text)]
        else:
            raw = self._search(text, tables)
        found: list[Candidate] = []
        for rule, match in raw:
            start, end = match.span()
            if start == end or "\n" in text[start:end]:
                continue  # "thread posted 18 Jun\n\n1/ Busy night": no expression runs across a line break
            if (rule.capitalized or rule.lowercase) and not self._capitals_ok(rule, match, shouting):
                continue
            if rule.checks_context and not rule.context_allows(text, start, end):
                continue
            found.append(Candidate(start, end, rule, match.groupdict()))
        return found

    def _search(self, text: str, tables: _Tables) -> list[tuple[Rule, re.Match[str]]]:
        """The matches a whole-text ``finditer`` of each rule would give, found near the anchors only."""
        anchors, word_starts, words = self.anchor_index.index(text)
        windows_of = Windows(anchors, word_starts, words, length=len(text))
        raw: list[tuple[Rule, re.Match[str]]] = []
        # a rule whose required anchor classes the text lacks cannot match: it starts out as having
        # reached the end of the text
        length = len(text)
        missing: dict[tuple[str, ...], bool] = {}
        left_guard = tables.left_guard
        for classes, (by_word, digit_rules, every_rule) in tables.dispatch.items():
            if anchors.keys().isdisjoint(classes):
                continue  # none of the group's anchors in the text (the index only holds classes it found)
            indices = windows_of.word_indices(classes)
            if not indices:
                continue
            # each rule is tried left to right; like finditer, a match may not begin before the previous ends
            reached: dict[int, int] = {}
            for rule in every_rule:
                if rule.requires:
                    absent = missing.get(rule.requires)
                    if absent is None:
                        absent = missing[rule.requires] = not windows_of.present(rule.requires)
                    if absent:
                        reached[rule.order] = length + 1
            for index in indices:
                word = words[index]
                if not word:
                    continue
                if not word.isascii():
                    rules = every_rule  # a non-ASCII word may match a rule's word case-insensitively
                elif word[0].isdigit():
                    rules = digit_rules
                else:
                    rules = by_word.get(word)
                    if not rules:
                        continue
                position = word_starts[index]
                # the left guard, checked once for all the rules tried here: it holds after a space
                if position and not text[position - 1].isspace() and not left_guard.match(text, position):
                    continue
                for rule in rules:
                    if position >= reached.get(rule.order, 0):
                        match = rule.unguarded.match(text, position)
                        if match is not None:
                            raw.append((rule, match))
                            reached[rule.order] = match.end()
        for rule in tables.scanned:
            if rule.word_start:
                # tried at every word start before its anchors that begins with a character it can begin with
                reached_end = 0
                first = rule.first_characters or ()
                for position in windows_of.starts(rule.anchors, rule.requires):
                    if position >= reached_end and position < length and text[position] in first:
                        match = rule.regex.match(text, position)
                        if match is not None:
                            raw.append((rule, match))
                            reached_end = match.end()
                continue
            for window_start, window_end in windows_of.get(rule.anchors, rule.requires):
                for match in rule.regex.finditer(text, window_start, window_end):
                    if match.end() >= window_end - 1 and window_end < length:
                        # the window end may have cut the match short: read it again on the whole text
                        whole = rule.regex.match(text, match.start())
                        if whole is not None:
                            raw.append((rule, whole))
                        continue
                    raw.append((rule, match))
        return raw

    @staticmethod
    def select(candidates: list[Candidate]) -> list[Candidate]:
        """Keep the longest non-overlapping candidates (ties: higher priority, then earlier rule)."""
        ranked = sorted(candidates, key=lambda c: (-c.length, -c.rule.priority, c.rule.order, c.start))
        taken: list[Candidate] = []
        # the spans taken never overlap: sorted by start, their ends are sorted too, and a candidate overlaps
        # one of them only if it overlaps the last one starting before its end
        starts: list[int] = []
        ends: list[int] = []
        for candidate in ranked:
            index = bisect_left(starts, candidate.end)
            if index and ends[index - 1] > candidate.start:
                continue
            taken.append(candidate)
            starts.insert(index, candidate.start)
            ends.insert(index, candidate.end)
        return sorted(taken, key=lambda c: c.start)

    # -- widening
    # ---------------------------------------------------------------------------------------------
    def widen(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        """Attach prefix/suffix modifiers and day + part-of-day suffixes, never overlapping a neighbour.

        The modifiers of a side are tried one by one (in table order, each may widen the candidate) only when
        the alternation of them all finds something there: most candidates have no modifier at all."""
        no_modifiers: ModifierGroup = ((), (), None, None)
        tables = self._tables_for(text)
        modifiers_for = tables.modifiers_for
        pod_suffix = tables.pod_suffix
        for index, candidate in enumerate(candidates):
            left_limit = candidates[index - 1].end if index > 0 else 0
            right_limit = candidates[index + 1].start if index + 1 < len(candidates) else len(text)
            norm = candidate.rule.norm
            covered = None  # the text of the candidate, lower-cased: only "number_only" modifiers read it
            prefixes, suffixes, prefix_guard, suffix_guard = modifiers_for.get(norm, no_modifiers)
            if prefix_guard is None or not prefix_guard.search(
                text, max(left_limit, candidate.start - 40), candidate.start
            ):
                prefixes = ()
            if suffix_guard is None or not suffix_guard.match(
                text[candidate.end : min(right_limit, candidate.end + 40)]
            ):
                suffixes = ()
            for modifier in prefixes + suffixes:
                if modifier.number_only:
                    if covered is None:
                        covered = text[candidate.start : candidate.end].lower()
                    if covered.startswith("the "):
                        continue
                if modifier.prefix:
                    if candidate.mod is not None and modifier.mod != candidate.mod:
                        continue
                    if modifier.relation and text.startswith("'s", candidate.end):
                        continue  # "around Wednesday's ruling": a preposition, not an approximation
                    window_start = max(left_limit, candidate.start - 40)
                    match = modifier.regex.search(text, window_start, candidate.start)
                    if match and match.end() == candidate.start and match.start() >= left_limit:
                        candidate.start = match.start()
                        candidate.mod = candidate.mod or modifier.mod
                        candidate.modifier_relation = candidate.modifier_relation or modifier.relation
                        candidate.modifier_ids.append(modifier.id)
                else:
                    match = modifier.regex.match(text[candidate.end : min(right_limit, candidate.end + 40)])
                    if match:
                        candidate.end += match.end()
                        candidate.mod = candidate.mod or modifier.mod
                        candidate.modifier_ids.append(modifier.id)
            if norm in _DAY_NORMS and candidate.rule.type == "DATE" and candidate.pod is None:
                pod = pod_suffix.match(text, candidate.end, right_limit)
                if pod:
                    candidate.pod = pod.group(1).lower()
                    candidate.end = pod.end()
        return candidates

    # -- merging
    # ----------------------------------------------------------------------------------------------
    @staticmethod
    def merge(text: str, candidates: list[Candidate]) -> list[Candidate]:
        """Merge a clock time and a day separated only by a space or comma ("10 p.m. Wednesday", "noon
        Thursday", "5 p.m. EST, Nov. 6") into one TIME candidate with both as ``parts``, and the two dates of
        "between Saturday and Monday" into one DATE candidate with both as ``range_parts``."""
        merged: list[Candidate] = []
        index = 0
        while index < len(candidates):
            current = candidates[index]
            following = candidates[index + 1] if index + 1 < len(candidates) else None
            if (
                following is not None
                and current.rule.type == "DATE"
                and following.rule.type == "DATE"
                and current.rule.norm in _RANGE_NORMS
                and following.rule.norm in _RANGE_NORMS
                and _RANGE_GAP.fullmatch(text, current.end, following.start)
                and _BETWEEN_BEFORE.search(text, max(0, current.start - 12), current.start)
            ):
                merged.append(
                    Candidate(
                        start=current.start,
                        end=following.end,
                        rule=current.rule,
                        groups=current.groups,
                        mod=current.mod,
                        range_parts=[current, following],
                    )
                )
                index += 2
                continue
            if following is not None and _MERGE_GAP.match(text[current.end : following.start]):
                kinds = (current.rule.norm, following.rule.norm)
                is_day = {
                    name: c.rule.norm in _DAY_NORMS and c.pod is None and c.rule.type == "DATE"
                    for name, c in (("current", current), ("following", following))
                }
                if (kinds[0] == "clock" and is_day["following"]) or (
                    kinds[1] == "clock" and is_day["current"]
                ):
                    clock, day = (current, following) if kinds[0] == "clock" else (following, current)
                    merged.append(
                        Candidate(
                            start=current.start,
                            end=following.end,
                            rule=clock.rule,
                            groups=clock.groups,
                            mod=clock.mod or day.mod,
                            modifier_relation=clock.modifier_relation,
                            parts=[day, clock],
                        )
                    )
                    index += 2
                    continue
            merged.append(current)
            index += 1
        return merged

    def recognize(self, text: str) -> list[Candidate]:
        """find -> select -> widen -> merge, in text order."""
        return self.merge(text, self.widen(text, self.select(self.find(text))))


#: anchor classes -> (word -> the rules that can begin with it, the rules that can begin with a digit, all)
Dispatch = dict[tuple[str, ...], tuple[dict[str, tuple[Rule, ...]], tuple[Rule, ...], tuple[Rule, ...]]]


def _dispatch(rules: list[Rule]) -> tuple[Dispatch, list[Rule]]:
    """Rules whose first words are known, grouped by their anchor classes (see :data:`Dispatch`); plus the
    other rules, which scan their windows."""
    groups: dict[tuple[str, ...], list[Rule]] = {}
    scanned: list[Rule] = []
    for rule in rules:
        if rule.word_start and rule.first_words:
            groups.setdefault(rule.anchors, []).append(rule)
        else:
            scanned.append(rule)
    dispatch = {}
    for key, members in groups.items():
        by_word: dict[str, list[Rule]] = {}
        for rule in members:
            for word in rule.first_words or ():
                if word != DIGIT_WORD:
                    by_word.setdefault(word, []).append(rule)
        digit_rules = tuple(rule for rule in members if DIGIT_WORD in (rule.first_words or ()))
        dispatch[key] = ({word: tuple(found) for word, found in by_word.items()}, digit_rules, tuple(members))
    return dispatch, scanned


def _shouting(sample: str) -> bool:
    """True when more than 80% of the letters of ``sample`` are the capitals A-Z (an all-capitals text, where
    capitalisation says nothing). Counted on the UTF-8 bytes, where ASCII letters are single bytes; only the
    non-ASCII characters are looked at one by one."""
    encoded = sample.encode("utf-8")
    lower = len(encoded) - len(encoded.translate(None, _ASCII_LOWER))
    if len(encoded) - lower <= 3 * lower:
        return False  # the capitals, among the other bytes, make at most 3/4 of the letters: below the ratio
    capitals = len(encoded) - len(encoded.translate(None, _ASCII_UPPER))
    letters = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))
    if not sample.isascii():
        letters += sum(1 for char in _NON_ASCII.findall(sample) if char.isalnum() and not char.isdecimal())
    return letters > 0 and capitals / letters > _UPPER_TEXT_RATIO


def describe(candidate: Candidate) -> dict[str, Any]:
    """A debugging view of a candidate."""
    return {
        "span": (candidate.start, candidate.end),
        "rule": candidate.rule.id,
        "groups": {k: v for k, v in candidate.groups.items() if v},
        "mod": candidate.mod,
        "pod": candidate.pod,
        "parts": [part.rule.id for part in candidate.parts],
        "range_parts": [part.rule.id for part in candidate.range_parts],
    }
