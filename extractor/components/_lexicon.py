"""A surface-form index shared by the gazetteer components (aircraft, operators, places, sources).

Names in the press vary in case, hyphens, spaces, dots and accents ("Il-76MD", "IL 76MD", "Il76MD", "U.S.",
"Rzeszów"/"Rzeszow", "Al-Udeid"/"Al Udeid"). Instead of enumerating token patterns for each variant, a phrase is
keyed by the concatenation of its tokens folded to lowercase ASCII letters and digits, and the Doc is scanned with
the same folding over windows of up to ``max_tokens`` tokens. Longest match wins, left to right.

Case is not thrown away entirely: an alias that is written in capitals only matches text whose letters are all
capitals too ("RAF", "AP", "US" will not match "raf", "ap", "us"), and an alias that starts with a capital or a
digit only matches text that starts with a capital or a digit ("Nice" the city never matches "nice").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase ASCII letters and digits only: 'Rzeszów-Jasionka' -> 'rzeszowjasionka'."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("", ascii_text.lower())


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


@dataclass(frozen=True)
class Entry:
    """One indexed surface form and what it stands for."""

    payload: dict
    alias: str
    all_caps: bool
    capitalised: bool


@dataclass
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    entry: Entry


@dataclass
class Lexicon:
    """Maps folded phrases to payloads; ``find`` scans a Doc."""

    max_tokens: int = 8
    _index: dict[str, list[Entry]] = field(default_factory=dict)

    def add(self, alias: str, payload: dict) -> None:
        key = fold(alias)
        if not key:
            return
        letters = _letters(alias)
        entry = Entry(
            payload=payload,
            alias=alias,
            all_caps=len(letters) >= 2 and letters.isupper() and len(letters) <= 6,
            capitalised=bool(alias[:1]) and (alias[0].isupper() or alias[0].isdigit()),
        )
        bucket = self._index.setdefault(key, [])
        if all(existing.payload is not payload for existing in bucket):
            bucket.append(entry)

    def add_many(self, aliases: Iterable[str], payload: dict) -> None:
        for alias in aliases:
            if alias:
                self.add(alias, payload)

    def __contains__(self, alias: str) -> bool:
        return fold(alias) in self._index

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, text: str) -> list[Entry]:
        return self._index.get(fold(text), [])

    def candidates(self, doc: Doc, start: int, allowed: list[bool] | None = None) -> Iterator[Match]:
        """Every match starting at token ``start``, shortest first."""
        first = doc[start]
        if _is_edge_punct(first):
            return
        key = ""
        limit = min(len(doc), start + self.max_tokens)
        for end in range(start + 1, limit + 1):
            token = doc[end - 1]
            if allowed is not None and not allowed[end - 1]:
                return
            if end - 1 > start and token.is_space:
                return
            if token.text in {".", ",", ";", ":", "(", ")", "\n"} and end - 1 > start:
                # sentence punctuation never sits inside a name (but dots inside "U.S." are one token)
                return
            key += fold(token.text)
            if not key or _is_edge_punct(token):
                continue
            for entry in self._index.get(key, ()):
                if _case_ok(entry, doc[start:end].text):
                    yield Match(start, end, entry)

    def find(self, doc: Doc, allowed: list[bool] | None = None) -> list[Match]:
        """Longest non-overlapping matches, left to right. ``allowed[i]`` False blocks token i."""
        matches: list[Match] = []
        i = 0
        n = len(doc)
        while i < n:
            if allowed is not None and not allowed[i]:
                i += 1
                continue
            best: Match | None = None
            for match in self.candidates(doc, i, allowed):
                if best is None or match.end > best.end:
                    best = match
            if best is None:
                i += 1
                continue
            matches.append(best)
            i = best.end
        return matches


def _is_edge_punct(token: Token) -> bool:
    return token.is_punct or token.is_space or token.text in {"'s", "’s", "'", "’"}


def _case_ok(entry: Entry, surface: str) -> bool:
    if entry.all_caps:
        letters = _letters(surface)
        return letters.isupper()
    if entry.capitalised:
        return surface[:1].isupper() or surface[:1].isdigit()
    return True


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a dozen": 12, "dozen": 12, "a pair of": 2, "pair of": 2, "a couple of": 2, "couple of": 2, "both": 2,
    "single": 1, "a single": 1, "lone": 1, "a lone": 1,
}  # fmt: skip


def parse_number(text: str) -> int | None:
    """'three' -> 3, '42' -> 42, '1,200' -> 1200, 'a pair of' -> 2; None for anything else."""
    cleaned = text.strip().lower().replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    return NUMBER_WORDS.get(cleaned)

