"""Word tables for the temporal tagger and the regex macros built from them.

Reads ``extractor/resources/timex_lexicon.json`` once. Rule patterns (``timex_rules.jsonl``) name macros in
braces, e.g. ``{MONTH}`` or ``{NUM}``; :func:`macros` returns the regex text for each name. The parsing
helpers (:func:`parse_number`, :func:`month_number`...) turn a matched surface form back into a value; they
return ``None`` for text they cannot read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Lexicon", "load_lexicon", "LEXICON_PATH"]

LEXICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "timex_lexicon.json"

_REQUIRED_TABLES = (
    "months",
    "weekdays",
    "weekday_plurals",
    "numbers",
    "number_scales",
    "vague_numbers",
    "ordinals",
    "units",
    "seasons",
    "parts_of_day",
    "timezones",
    "holidays",
    "ref_words",
)

_MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_SMALL_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen"
)
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPACES = re.compile(r"\s+")
_DIGIT_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_WORD_GAPS = re.compile(r"[\s-]+")
_DIGITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _alternation(words: list[str] | set[str] | dict[str, Any]) -> str:
    """Regex alternation of ``words`` (longest first so that "sept" wins over "sep"), spaces made flexible."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


@dataclass(frozen=True)
class Lexicon:
    """The word tables of ``timex_lexicon.json``; keys are lower-case surface forms."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_plurals: dict[str, int]
    numbers: dict[str, float]
    number_scales: dict[str, int]
    vague_numbers: dict[str, str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    timezones: list[str]
    holidays: dict[str, str]
    ref_words: dict[str, str]
    modifiers: dict[str, Any]

    # -- macros ---------------------------------------------------------------------------------------------
    def macros(self) -> dict[str, str]:
        """Return macro name -> regex text (non-capturing) for use in rule patterns."""
        full_months = [name for name in self.months if name not in _MONTH_ABBREVIATIONS]
        abbreviations = [name for name in self.months if name in _MONTH_ABBREVIATIONS]
        month_full = rf"(?:{_alternation(full_months)})\b"
        month_any = rf"(?:(?:{_alternation(full_months)})\b|(?:{_alternation(abbreviations)})(?:\.|\b))"
        weekday_full = [name for name in self.weekdays if name.endswith("day")]
        number_word = (
            rf"(?:(?:{_TENS_WORDS})(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
            rf"|{_SMALL_NUMBER_WORDS})"
        )
        scaled_word = (
            rf"(?:(?:{number_word}|a|one)[\s-]+(?:hundred|thousand)(?:[\s-]+(?:and[\s-]+)?{number_word})?)"
        )
        digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
        fraction = r"(?:\s+and\s+(?:a\s+)?half|\s+1/2|\s*½)"
        number = (
            rf"(?:(?:{digits}|{scaled_word}|{number_word}){fraction}?"
            r"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|half\s+an?|an?\s+half|an?|a\s+single)"
        )
        units = (
            r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
            r"|decades?|century|centuries)"
        )
        unit_singular = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century)"
        ordinal = _alternation([word for word in self.ordinals if word not in {"last", "final"}])
        return {
            "MONTH": month_any,
            "MONTHFULL": month_full,
            "WEEKDAY": rf"(?:{_alternation(weekday_full)})\b",
            "WEEKDAYS": rf"(?:{_alternation(self.weekday_plurals)})\b",
            "DAY": r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])",
            "YEAR": r"(?:1[0-9]{3}|20[0-9]{2})(?![\d])",
            "NUMWORD": number_word,
            "NUM": number,
            "VAGUE": rf"(?:{_alternation(self.vague_numbers)})",
            "UNIT": units,
            "UNIT1": unit_singular,
            "ORD": rf"(?:{ordinal})",
            "SEASON": rf"(?:{_alternation(self.seasons)})",
            "POD": r"(?:morning|afternoon|evening|night|overnight)",
            "TZ": rf"(?-i:{_alternation(self.timezones)})\b",
            "HOLIDAY": rf"(?:{_alternation(self.holidays)})(?!\w)",
            "AMPM": r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)",
        }

    # -- parsers
    # ----------------------------------------------------------------------------------------------
    def month_number(self, text: str | None) -> int | None:
        """Return 1-12 for a month name or abbreviation ("Sept.", "october"), else None."""
        if not text:
            return None
        return self.months.get(text.lower().rstrip(".").strip())

    def weekday_number(self, text: str | None) -> int | None:
        """Return ISO weekday 1 (Monday) - 7 (Sunday) for a weekday name, singular or plural, else None."""
        if not text:
            return None
        key = text.lower().rstrip(".").strip()
        return self.weekdays.get(key) or self.weekday_plurals.get(key)

    def ordinal_number(self, text: str | None) -> int | None:
        """Return the value of an ordinal ("third" -> 3, "21st" -> 21, "last" -> -1), else None."""
        if not text:
            return None
        key = _SPACES.sub("-", text.lower().strip())
        if key in self.ordinals:
            return self.ordinals[key]
        match = _DIGIT_ORDINAL.fullmatch(key)
        return int(match.group(1)) if match else None

    def unit_code(self, text: str | None) -> str | None:
        """Return the TIMEX3 unit letter(s) for a unit word ("months" -> "M"), else None."""
        if not text:
            return None
        return self.units.get(text.lower().strip().rstrip("."))

    def parse_number(self, text: str | None) -> float | None:
        """Read a cardinal written in digits or words ("24", "1,200", "twenty-four", "two and a half",
        "a couple of", "one hundred"); return None when ``text`` is not a number."""
        if text is None:
            return None
        raw = _SPACES.sub(" ", text.lower().strip())
        if not raw:
            return None
        half = 0.0
        for suffix in (" and a half", " and half", " 1/2", "½", " ½"):
            if raw.endswith(suffix):
                raw = raw[: -len(suffix)].strip()
                half = 0.5
                break
        if raw in self.numbers:
            return float(self.numbers[raw]) + half
        digits = raw.replace(",", "")
        if _DECIMAL.fullmatch(digits):
            return float(digits) + half
        words = [word for word in _WORD_GAPS.split(raw) if word and word != "and"]
        if not words:
            return None
        total = 0.0
        current = 0.0
        for word in words:
            if word in ("a", "an") and current == 0:
                current = 1
            elif word in self.number_scales:
                scale = self.number_scales[word]
                current = (current or 1) * scale
                if scale >= 1000:
                    total += current
                    current = 0
            elif word in self.numbers:
                current += float(self.numbers[word])
            elif word in _DIGITS:
                current += _DIGITS[word]
            else:
                return None
        return total + current + half


def _validate(data: dict[str, Any], path: Path) -> None:
    missing = [name for name in _REQUIRED_TABLES if name not in data]
    if missing:
        raise ValueError(
            f"{path}: expected tables {', '.join(_REQUIRED_TABLES)}; missing {', '.join(missing)}"
        )
    for name in ("months", "weekdays", "weekday_plurals", "ordinals"):
        for key, value in data[name].items():
            if not isinstance(value, int):
                raise ValueError(
                    f"{path}: table {name!r} entry {key!r}: expected an integer, found {value!r}"
                )


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load and validate the lexicon JSON (default: the packaged ``timex_lexicon.json``)."""
    file = Path(path) if path else LEXICON_PATH
    data = json.loads(file.read_text(encoding="utf-8"))
    _validate(data, file)
    return Lexicon(**{name: data[name] for name in _REQUIRED_TABLES}, modifiers=data.get("modifiers", {}))
