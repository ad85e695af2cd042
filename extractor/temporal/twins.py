"""ASCII twins of regexes: the same matches on ASCII-only text, found faster.

Python's ``re`` tests word characters (``\\w``, ``\\b``) and folds case (``re.IGNORECASE``) through the
Unicode database for ``str`` patterns, one function call per character; with ``re.ASCII`` it uses tables.
On a text whose characters are all ASCII (most English news; ``str.isascii()`` answers without reading
the text) the two compilations of a pattern match exactly alike, unless the pattern holds a non-ASCII
character that case-insensitive matching lets stand for an ASCII one ("ſ" for "s", the Kelvin sign for
"k"). :func:`ascii_twin` compiles the ASCII twin when it can show that the pattern has none; the
recogniser, the anchor index and the tense reader pick the twin for ASCII texts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["ascii_twin"]


class _Unknown(Exception):
    """The pattern holds something whose characters are not listed (a group reference...)."""


@lru_cache(maxsize=4096)
def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` compiled with ``re.ASCII`` when it then matches every ASCII-only text exactly as
    ``pattern`` does; else ``pattern`` itself. Cached: a tagger built again (the tests build many) does not
    compile the twins again."""
    if pattern.flags & re.ASCII:
        return pattern
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # the twin is only a speed-up
        return pattern
    try:
        points = _code_points(list(parser.parse(pattern.pattern, pattern.flags)), constants)
        if any(_stands_for_ascii(point) for point in points if point > 127):
            return pattern
        return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)
    except (_Unknown, RecursionError, ValueError, TypeError, AttributeError, re.error):
        return pattern


def _code_points(items: list, c: Any) -> set[int]:
    """Every character a parsed pattern names (literals, class members and ranges)."""
    points: set[int] = set()
    for op, argument in items:
        if op in (c.LITERAL, c.NOT_LITERAL):
            points.add(argument)
        elif op is c.IN:
            for item_op, item in argument:
                if item_op in (c.LITERAL, c.NOT_LITERAL):
                    points.add(item)
                elif item_op is c.RANGE:
                    if item[1] - item[0] > 0x3000:
                        raise _Unknown
                    points.update(range(item[0], item[1] + 1))
                elif item_op not in (c.NEGATE, c.CATEGORY):
                    raise _Unknown
        elif op is c.BRANCH:
            for alternative in argument[1]:
                points |= _code_points(list(alternative), c)
        elif op is c.SUBPATTERN:
            points |= _code_points(list(argument[-1]), c)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
            points |= _code_points(list(argument[2]), c)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            points |= _code_points(list(argument[1]), c)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            points |= _code_points(list(argument), c)
        elif op not in (c.AT, c.ANY, c.CATEGORY):
            raise _Unknown  # group references and anything else: no twin
    return points


@lru_cache(maxsize=1024)
def _stands_for_ascii(point: int) -> bool:
    """Whether the character matches an ASCII one when case is ignored (Unicode rules)."""
    pattern = re.compile(re.escape(chr(point)), re.IGNORECASE)
    return any(pattern.fullmatch(chr(code)) for code in range(128))
