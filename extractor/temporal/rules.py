"""Recogniser rules: loading, validation and compilation of ``extractor/resources/timex_rules.jsonl``.

One JSON object per line::

    {"id": "date.month_day", "type": "DATE", "norm": "calendar", "anchors": ["MONTH"],
     "pattern": "(?P<month>{MONTH}) (?P<day>{DAY})", "examples": ["Oct. 26", "October 26th"]}

Fields:

- ``id`` (stable, unique, ``family.name``), ``type`` (DATE/TIME/DURATION/SET), ``norm`` (normaliser name in
  :mod:`extractor.temporal.normalize`), ``anchors`` (anchor classes every match contains, see
  :mod:`extractor.temporal.anchors`; the rule only runs near them), optional ``requires`` (classes that must
  also be inside such a window), ``pattern`` (a Python regex; ``{MACRO}``
  names from
  :mod:`extractor.temporal.lexicon` are substituted and **a literal space matches one or more whitespace
  characters**). Patterns are case-insensitive unless ``"case_sensitive": true``.
- optional ``params`` (dict passed to the normaliser), ``priority`` (int, breaks ties between equally long
  matches; default 0), ``capitalized`` / ``lowercase`` (group names whose text must / must not start with a
  capital letter; both are ignored in all-capitals text),
  ``need_before`` / ``not_before`` (regexes that must / must not match at the end of the text just before the
  match, trailing whitespace allowed), ``need_after`` / ``not_after`` (the same at the start of the text just
  after it), ``examples``
  (strings the rule must match in full; checked by the tests), ``note``.

Lines starting with ``//`` and blank lines are ignored. Errors name the file and line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .anchors import ANCHOR_CLASSES
from .lexicon import Lexicon

__all__ = [
    "Rule",
    "RuleError",
    "load_rules",
    "RULES_PATH",
    "compile_pattern",
    "DIGIT_WORD",
    "LEFT_GUARD",
    "first_character_lookahead",
    "first_characters",
    "first_words",
    "flexible_spaces",
    "starts_with_word_character",
    "TIMEX_TYPES",
]

RULES_PATH = Path(__file__).resolve().parent.parent / "resources" / "timex_rules.jsonl"
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

_ID = re.compile(r"^[a-z]+(?:\.[a-z0-9_]+)+$")
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_KNOWN_FIELDS = {
    "id",
    "type",
    "norm",
    "pattern",
    "params",
    "priority",
    "capitalized",
    "need_before",
    "not_before",
    "need_after",
    "not_after",
    "examples",
    "note",
    "case_sensitive",
    "lowercase",
    "anchors",
    "requires",
}
# A match may not start inside a word, a number, a hyphenated designator ("Su-35") or a URL path, and may not
# end inside one; "mid-", "pre-", "post-", "late-" and "early-" in front are allowed so that "mid-2024" can be
# extended later.
_LEFT_GUARD = (
    r"(?<![\w$£€#@/])"
    r"(?:(?<=\bmid-)|(?<=\bpre-)|(?<=\bpost-)|(?<=\blate-)|(?<=\bearly-)|(?<![\w]-))"
    r"(?<!\d[.,:])"
)
_RIGHT_GUARD = r"(?![\w@])(?!-\w)(?!/\w)(?![.,:]\d)"
#: the left guard alone: whether a match may begin at a position (it looks only before it)
LEFT_GUARD = re.compile(_LEFT_GUARD)
CONTEXT_WINDOW = 48


class RuleError(ValueError):
    """A rule file line that is not a valid rule; the message names file, line and field."""


@dataclass(frozen=True)
class Rule:
    """One compiled recogniser rule (see the module docstring for the fields)."""

    id: str
    type: str
    norm: str
    pattern: str
    regex: re.Pattern[str]
    params: dict[str, Any] = field(default_factory=dict)
    priority: int = 0
    capitalized: tuple[str, ...] = ()
    lowercase: tuple[str, ...] = ()
    need_before: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    need_after: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    examples: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    order: int = 0
    #: every match begins with a word character (see :func:`starts_with_word_character`)
    word_start: bool = False
    #: the characters a match can begin with, when they can be worked out from the pattern
    first_characters: frozenset[str] | None = None
    #: the words a match can begin with (see :func:`first_words`), when they can be listed
    first_words: frozenset[str] | None = None
    #: ``regex`` without the left guard, for positions where :data:`LEFT_GUARD` is known to hold: the guard
    #: only looks before the match, so it need not be checked again for every rule tried at one position
    unguarded: re.Pattern[str] | None = None
    #: whether the rule has any before/after context constraint (else :meth:`context_allows` is always True)
    checks_context: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        constraints = (self.need_before, self.not_before, self.need_after, self.not_after)
        object.__setattr__(self, "checks_context", any(c is not None for c in constraints))

    def context_allows(self, text: str, start: int, end: int) -> bool:
        """Check the before/after context constraints for a match at ``[start, end)`` of ``text``."""
        # Searching inside the full text (pos/endpos) rather than a slice lets lookbehinds see the match
        # itself.
        window_start = max(0, start - CONTEXT_WINDOW)
        window_end = min(len(text), end + CONTEXT_WINDOW)
        if self.need_before is not None and not self.need_before.search(text, window_start, start):
            return False
        if self.not_before is not None and self.not_before.search(text, window_start, start):
            return False
        if self.need_after is not None and not self.need_after.match(text, end, window_end):
            return False
        return not (self.not_after is not None and self.not_after.match(text, end, window_end))


def flexible_spaces(pattern: str) -> str:
    """Rewrite the spaces of a rule pattern: " ?" -> optional whitespace, " " -> one or more whitespace."""
    pattern = re.sub(r"(?<!\\) \?", r"\\s*", pattern)
    return re.sub(r"(?<!\\) ", r"\\s+", pattern)


def _expand(pattern: str, macros: dict[str, str], where: str) -> str:
    """Flexible spaces, then the macros, each behind a lookahead for the characters it can begin with: a
    rule tried where a long macro (a number in words or digits, a month) cannot begin fails at once instead
    of trying each of its alternatives. The lookahead never changes what a macro matches."""

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise RuleError(f"{where}: unknown macro {{{name}}}; expected one of {', '.join(sorted(macros))}")
        return first_character_lookahead(macros[name], re.IGNORECASE) + macros[name]

    return _MACRO.sub(substitute, flexible_spaces(pattern))


def compile_pattern(
    pattern: str,
    lexicon: Lexicon,
    *,
    case_sensitive: bool = False,
    where: str = "",
    first_char_filter: bool = True,
    left_guard: bool = True,
) -> re.Pattern:
    """Compile a rule pattern with macros, flexible spaces and the word guards (``left_guard=False`` leaves
    out the one before the match, see :attr:`Rule.unguarded`).

    With ``first_char_filter`` the regex starts with a lookahead for the characters a match can begin with
    (computed from the pattern), which lets the engine skip most positions cheaply; it never changes the
    matches."""
    body = _expand(pattern, lexicon.macros(), where)
    flags = 0 if case_sensitive else re.IGNORECASE
    guard = _LEFT_GUARD if left_guard else ""
    try:
        plain = _regex(f"{guard}(?:{body}){_RIGHT_GUARD}", flags)
    except re.error as error:
        raise RuleError(f"{where}: pattern does not compile ({error}): {pattern}") from None
    lookahead = first_character_lookahead(body, flags) if first_char_filter else ""
    if not lookahead:
        return plain
    return _regex(f"{lookahead}{plain.pattern}", flags)


def first_character_lookahead(pattern: str, flags: int) -> str:
    """ "(?=[...])" for the characters every match of ``pattern`` (a regex) begins with, or "" when they
    cannot be worked out. Put in front of the pattern it never changes the matches, but lets a search skip
    the positions where no match can begin at the cost of one character test."""
    first = _first_characters(pattern, flags)
    if not first:
        return ""
    return f"(?=[{''.join(re.escape(c) for c in sorted(first))}])"


def first_characters(
    pattern: str, lexicon: Lexicon, *, case_sensitive: bool = False
) -> frozenset[str] | None:
    """Every character a match of the rule pattern can begin with (both cases unless ``case_sensitive``), or
    None when that cannot be worked out."""
    first = _first_characters(_expand(pattern, lexicon.macros(), ""), 0 if case_sensitive else re.IGNORECASE)
    return frozenset(first) if first else None


def starts_with_word_character(pattern: str, lexicon: Lexicon, *, case_sensitive: bool = False) -> bool:
    """True when every match of the rule pattern provably begins with a word character (letter, digit or
    underscore): such a match can only begin where a word does, which lets the recogniser try the pattern
    at a few word starts instead of scanning a window character by character."""
    first = first_characters(pattern, lexicon, case_sensitive=case_sensitive)
    return bool(first) and all(re.match(r"\w", character) for character in first)


@lru_cache(maxsize=4096)
def _regex(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile`` with a cache of its own: the rule regexes alone overflow the 512 entries of ``re``'s,
    and the tests build many taggers."""
    return re.compile(pattern, flags)


@lru_cache(maxsize=4096)
def _first_characters(body: str, flags: int) -> frozenset[str] | None:
    """Every character a match of ``body`` can start with, or None when that cannot be worked out (an
    optional start, categories other than digits and spaces...)."""
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10 names these sre_parse / sre_constants; the filter is only a speed-up
        return None
    try:
        characters, nullable = _first_of(list(parser.parse(body, flags)), constants)
    except (ValueError, TypeError, AttributeError, re.error):
        return None
    if characters is None or nullable or not characters:
        return None
    if flags & re.IGNORECASE:
        characters |= {c.upper() for c in characters} | {c.lower() for c in characters}
    return frozenset(characters)


#: stands for every word that begins with a digit in :func:`first_words`
DIGIT_WORD = "#digit"
_WORD_CHARACTER = re.compile(r"\w")
_MAX_FIRST_WORDS = 5000


class _Unknown(Exception):
    """The first words of a pattern cannot be listed."""


def first_words(pattern: str, lexicon: Lexicon, *, case_sensitive: bool = False) -> frozenset[str] | None:
    """Every first word (lower-cased maximal run of word characters) a match of the rule pattern can begin
    with, :data:`DIGIT_WORD` standing for any word that begins with a digit; None when they cannot be listed
    (a repeated letter class, a wildcard...). Assertions are ignored, which can only add words. The recogniser
    tries a rule only at the word starts whose word is in this set."""
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10 names these sre_parse / sre_constants; the dispatch is only a speed-up
        return None
    body = _expand(pattern, lexicon.macros(), "")
    words: set[str] = set()
    try:
        _walk_words(tuple(parser.parse(body, 0 if case_sensitive else re.IGNORECASE)), "", words, constants)
    except (_Unknown, RecursionError, ValueError, TypeError, AttributeError, re.error):
        return None
    return frozenset(words) if words else None


def _is_word_character(character: str) -> bool:
    return _WORD_CHARACTER.match(character) is not None


def _class_characters(items: Any, c: Any, max_range: int | None = None) -> set[str] | None:
    """The characters of a parsed character class (literals, ranges up to ``max_range`` wide, digits,
    spaces), or None for anything else."""
    characters: set[str] = set()
    for item_op, item in items:
        if item_op is c.LITERAL:
            characters.add(chr(item))
        elif item_op is c.RANGE:
            if max_range is not None and item[1] - item[0] > max_range:
                return None
            characters |= {chr(code) for code in range(item[0], item[1] + 1)}
        elif item_op is c.CATEGORY and item is c.CATEGORY_DIGIT:
            characters |= set("0123456789")
        elif item_op is c.CATEGORY and item is c.CATEGORY_SPACE:
            characters |= set(" \t\n\r\f\v")
        else:
            return None
    return characters


def _walk_words(items: tuple, prefix: str, words: set[str], c: Any) -> None:
    """Add to ``words`` the first words of the sequence ``items`` read after ``prefix``."""
    if len(words) > _MAX_FIRST_WORDS:
        raise _Unknown
    if not items:
        if not prefix:
            raise _Unknown  # the match may be empty
        words.add(prefix)
        return
    (op, argument), rest = items[0], items[1:]
    if op is c.LITERAL or op is c.IN:
        characters = {chr(argument)} if op is c.LITERAL else _class_characters(argument, c, max_range=80)
        if characters is None:
            raise _Unknown
        word_characters = {ch for ch in characters if _is_word_character(ch)}
        if characters - word_characters:  # a character that ends the word
            if not prefix:
                raise _Unknown  # the match may begin with it
            words.add(prefix)
        if not word_characters:
            return
        if not prefix and any(ch.isdigit() for ch in word_characters):
            words.add(DIGIT_WORD)
            word_characters = {ch for ch in word_characters if not ch.isdigit()}
        if len(word_characters) > 60:
            raise _Unknown
        for ch in word_characters:
            _walk_words(rest, prefix + ch.lower(), words, c)
        return
    if op is c.BRANCH:
        for alternative in argument[1]:
            _walk_words(tuple(alternative) + rest, prefix, words, c)
        return
    if op is c.SUBPATTERN:
        _walk_words(tuple(argument[-1]) + rest, prefix, words, c)
        return
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
        low, high, sub = argument
        sub = tuple(sub)
        if low == 0:
            _walk_words(rest, prefix, words, c)
        if high == 1:
            _walk_words(sub + rest, prefix, words, c)
            return
        if high == 0:
            return
        first, _ = _first_of(list(sub), c)
        if first is None:
            raise _Unknown
        if first and not any(_is_word_character(ch) for ch in first):
            if not prefix:
                raise _Unknown
            words.add(prefix)  # "\s+": the word ends
            return
        if not prefix and first and all(ch.isdigit() for ch in first):
            words.add(DIGIT_WORD)  # "\d{1,2}": any word that begins with a digit
            return
        raise _Unknown
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        _walk_words(rest, prefix, words, c)  # zero-width: leaving it out can only add words
        return
    raise _Unknown


def _first_of(sequence: list, constants: Any) -> tuple[set[str] | None, bool]:
    found: set[str] = set()
    for op, argument in sequence:
        characters, nullable = _first_of_op(op, argument, constants)
        if characters is None:
            return None, False
        found |= characters
        if not nullable:
            return found, False
    return found, True


def _first_of_op(op: Any, argument: Any, c: Any) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return {chr(argument)}, False
    if op is c.IN:
        characters = _class_characters(argument, c)
        return (characters, False) if characters is not None else (None, False)
    if op is c.BRANCH:
        found: set[str] = set()
        nullable = False
        for alternative in argument[1]:
            alternative_characters, alternative_nullable = _first_of(list(alternative), c)
            if alternative_characters is None:
                return None, False
            found |= alternative_characters
            nullable = nullable or alternative_nullable
        return found, nullable
    if op is c.SUBPATTERN:
        return _first_of(list(argument[-1]), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
        low, _, sub = argument
        repeated, nullable = _first_of(list(sub), c)
        return repeated, repeated is not None and (low == 0 or nullable)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True
    return None, False


def _compile_context(value: Any, *, anchor_end: bool, where: str, name: str) -> re.Pattern[str] | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RuleError(f"{where}: field {name!r} expected a regex string, found {type(value).__name__}")
    text = flexible_spaces(value)
    try:
        if not anchor_end:
            return _regex(f"(?:{text})", re.IGNORECASE)
        # searched over the text before a match: the lookahead skips the positions where it cannot begin
        lookahead = first_character_lookahead(text, re.IGNORECASE)
        return _regex(f"{lookahead}(?:{text})\\s*$", re.IGNORECASE)
    except re.error as error:
        raise RuleError(f"{where}: field {name!r} does not compile ({error}): {value}") from None


def _parse_rule(
    raw: dict[str, Any], lexicon: Lexicon, where: str, order: int, norms: set[str] | None
) -> Rule:
    unknown = set(raw) - _KNOWN_FIELDS
    if unknown:
        raise RuleError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for name in ("id", "type", "norm", "pattern"):
        if not isinstance(raw.get(name), str) or not raw[name]:
            raise RuleError(f"{where}: expected a non-empty string field {name!r}, found {raw.get(name)!r}")
    if not _ID.match(raw["id"]):
        raise RuleError(f"{where}: expected an id like 'family.name' in lower case, found {raw['id']!r}")
    if raw["type"] not in TIMEX_TYPES:
        raise RuleError(f"{where}: expected type in {TIMEX_TYPES}, found {raw['type']!r}")
    if norms is not None and raw["norm"] not in norms:
        raise RuleError(
            f"{where}: unknown normaliser {raw['norm']!r}; expected one of {', '.join(sorted(norms))}"
        )
    regex = compile_pattern(
        raw["pattern"], lexicon, case_sensitive=bool(raw.get("case_sensitive", False)), where=where
    )
    capitalized = tuple(raw.get("capitalized", ()))
    lowercase = tuple(raw.get("lowercase", ()))
    for field_name, groups in (("capitalized", capitalized), ("lowercase", lowercase)):
        for group in groups:
            if group not in regex.groupindex:
                raise RuleError(
                    f"{where}: {field_name!r} names group {group!r}, which the pattern does not define"
                )
    anchors = raw.get("anchors")
    if not isinstance(anchors, list) or not anchors or any(name not in ANCHOR_CLASSES for name in anchors):
        raise RuleError(
            f"{where}: expected 'anchors', a non-empty list from {', '.join(ANCHOR_CLASSES)}; "
            f"found {anchors!r}"
        )
    requires = raw.get("requires", [])
    if not isinstance(requires, list) or any(name not in ANCHOR_CLASSES for name in requires):
        raise RuleError(
            f"{where}: expected 'requires', a list from {', '.join(ANCHOR_CLASSES)}; found {requires!r}"
        )
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise RuleError(f"{where}: expected 'params' to be an object, found {type(params).__name__}")
    return Rule(
        id=raw["id"],
        type=raw["type"],
        norm=raw["norm"],
        pattern=raw["pattern"],
        regex=regex,
        params=params,
        priority=int(raw.get("priority", 0)),
        capitalized=capitalized,
        lowercase=lowercase,
        need_before=_compile_context(
            raw.get("need_before"), anchor_end=True, where=where, name="need_before"
        ),
        not_before=_compile_context(raw.get("not_before"), anchor_end=True, where=where, name="not_before"),
        need_after=_compile_context(raw.get("need_after"), anchor_end=False, where=where, name="need_after"),
        not_after=_compile_context(raw.get("not_after"), anchor_end=False, where=where, name="not_after"),
        examples=tuple(raw.get("examples", ())),
        anchors=tuple(anchors),
        requires=tuple(requires),
        order=order,
        word_start=starts_with_word_character(
            raw["pattern"], lexicon, case_sensitive=bool(raw.get("case_sensitive", False))
        ),
        first_characters=first_characters(
            raw["pattern"], lexicon, case_sensitive=bool(raw.get("case_sensitive", False))
        ),
        first_words=first_words(
            raw["pattern"], lexicon, case_sensitive=bool(raw.get("case_sensitive", False))
        ),
        unguarded=compile_pattern(
            raw["pattern"],
            lexicon,
            case_sensitive=bool(raw.get("case_sensitive", False)),
            where=where,
            left_guard=False,
        ),
    )


def load_rules(
    lexicon: Lexicon, path: str | Path | None = None, *, norms: set[str] | None = None
) -> list[Rule]:
    """Read, validate and compile the rule file; raise :class:`RuleError` naming file:line on a bad line."""
    file = Path(path) if path else RULES_PATH
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        where = f"{file}:{number}"
        try:
            raw = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise RuleError(
                f"{where}: expected one JSON object per line, found invalid JSON ({error})"
            ) from None
        if not isinstance(raw, dict):
            raise RuleError(f"{where}: expected a JSON object, found {type(raw).__name__}")
        rule = _parse_rule(raw, lexicon, where, len(rules), norms)
        if rule.id in seen:
            raise RuleError(f"{where}: duplicate rule id {rule.id!r} (first defined on line {seen[rule.id]})")
        seen[rule.id] = number
        rules.append(rule)
    if not rules:
        raise RuleError(f"{file}: expected at least one rule, found none")
    return rules
