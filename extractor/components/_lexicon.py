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
from typing import NamedTuple

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, ORTH, SPACY
from spacy.tokens import Doc, Span

from ..extensions import doc_text

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


#: letters NFKD does not split into a base letter and a mark ("Wrocław", "Ørland", "Đakovo")
_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
     "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H"}
)  # fmt: skip


def fold(text: str) -> str:
    """Lowercase ASCII letters and digits only: 'Rzeszów-Jasionka' -> 'rzeszowjasionka'."""
    if text.isascii():
        return _NON_ALNUM.sub("", text.lower())
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("", ascii_text.lower())


_NON_ASCII_LETTER = re.compile(r"[^A-Za-z]+")


def _words_ok(alias: str, surface: str) -> bool:
    """The folded keys drop the spaces, so "Addis on" folds like "Addison" and "F-35 is" like "F-35Is": a name
    or a number run together with the lower-case word after it, where the alias has no word break, is no
    match ("air base" for "airbase" and "flew in to" for "flew into" still are)."""
    words = surface.split()
    if len(words) < 2:
        return True
    breaks: set[int] = set()
    length = 0
    for part in re.split(r"[\s\-/]+", alias):
        length += len(fold(part))
        breaks.add(length)
    length = 0
    for left, right in zip(words, words[1:]):
        length += len(fold(left))
        if (
            length not in breaks
            and ((left[:1].isupper() and not alias.islower()) or any(c.isdigit() for c in left))
            and right.isalpha()
            and right.islower()
        ):
            return False
    return True


def _letters(text: str) -> str:
    if text.isascii():
        return _NON_ASCII_LETTER.sub("", text)
    return "".join(ch for ch in text if ch.isalpha())


class Entry(NamedTuple):
    """One indexed surface form and what it stands for (a tuple: tens of thousands are built at start-up)."""

    payload: dict
    alias: str
    all_caps: bool
    capitalised: bool


@dataclass
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    entry: Entry


_PREFIX_LEN = 12  # prefixes of folded keys kept for early rejection (longer keys are checked whole)
_TABLE_ATTRS = [ORTH, SPACY, IS_PUNCT, IS_SPACE, IDX]
_PREFIX_SLICES = [slice(0, n) for n in range(1, _PREFIX_LEN + 1)]
_SENTENCE_PUNCT = {".", ",", ";", ":", "(", ")", "\n"}
_EDGE = {"'s", "’s", "'", "’"}


class TokenTable:
    """What the lexicons need of a Doc's tokens, computed once per Doc and shared by every component.

    Read from the Doc's arrays in one pass: iterating a Doc makes a Python ``Token`` object per token, which
    costs more than most components' own work, so components loop over these lists instead."""

    __slots__ = (
        "doc", "texts", "lowers", "folds", "edge", "space", "breaks", "alpha", "capital", "idx", "ws",
        "_text", "_sents",
    )  # fmt: skip

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        rows = doc.to_array(_TABLE_ATTRS).tolist() if len(doc) else []
        strings = doc.vocab.strings
        self.texts = texts = [strings[row[0]] for row in rows]
        self.ws = [row[1] == 1 for row in rows]  # followed by a space
        self.space = [row[3] == 1 for row in rows]
        self.idx = [row[4] for row in rows]
        self.lowers = [text.lower() for text in texts]
        self.folds = [fold(text) for text in texts]
        self.edge = [
            row[2] == 1 or row[3] == 1 or text in _EDGE for row, text in zip(rows, texts, strict=True)
        ]
        self.breaks = [text in _SENTENCE_PUNCT for text in texts]
        self.alpha = [text.isalpha() for text in texts]
        self.capital = [text[:1].isupper() for text in texts]
        self._text: str | None = None
        self._sents: list[Span] | None = None

    @property
    def text(self) -> str:
        """``doc.text``, built once (``Doc.text`` joins every token again on each access)."""
        if self._text is None:
            self._text = doc_text(self.doc)
        return self._text

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without making the Span's tokens."""
        if end <= start:
            return ""
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.texts[end - 1])]

    def sents(self) -> list[Span]:
        """The Doc's sentences, read once from the SENT_START array (``doc.sents`` makes a Token per token)."""
        if self._sents is None:
            doc = self.doc
            flags = doc.to_array("SENT_START").tolist() if len(doc) else []
            starts = [0] + [i for i in range(1, len(flags)) if flags[i] == 1] if flags else []
            bounds = list(zip(starts, starts[1:] + [len(doc)], strict=True))
            self._sents = [doc[start:end] for start, end in bounds]
        return self._sents


_LAST_TABLE: list[TokenTable] = []


def token_table(doc: Doc) -> TokenTable:
    """The TokenTable of ``doc`` (the last one is cached: components run one Doc at a time)."""
    if _LAST_TABLE and _LAST_TABLE[0].doc is doc and len(_LAST_TABLE[0].texts) == len(doc):
        return _LAST_TABLE[0]
    table = TokenTable(doc)
    _LAST_TABLE[:] = [table]
    return table


@dataclass
class Lexicon:
    """Maps folded phrases to payloads; ``find`` scans a Doc."""

    max_tokens: int = 8
    _index: dict[str, list[Entry]] = field(default_factory=dict)
    _prefixes: set[str] = field(default_factory=set)

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
        bucket = self._index.get(key)
        if bucket is None:
            self._index[key] = [entry]
        elif all(existing.payload is not payload for existing in bucket):
            bucket.append(entry)
        self._prefixes.update(map(key.__getitem__, _PREFIX_SLICES[: len(key)]))

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

    def candidates(
        self, doc: Doc, start: int, allowed: list[bool] | None = None, end: int | None = None
    ) -> Iterator[Match]:
        """Every match starting at token ``start`` (and ending by ``end``), shortest first."""
        return self._candidates(token_table(doc), start, allowed, end)

    def _candidates(
        self, table: TokenTable, start: int, allowed: list[bool] | None, end: int | None
    ) -> Iterator[Match]:
        if table.edge[start]:
            return
        limit = min(len(table.texts) if end is None else end, start + self.max_tokens)
        key = ""
        for stop in range(start + 1, limit + 1):
            i = stop - 1
            if allowed is not None and not allowed[i]:
                return
            if i > start and (table.space[i] or table.breaks[i]):
                return  # sentence punctuation never sits inside a name (dots inside "U.S." are one token)
            key += table.folds[i]
            if not key:
                continue
            if key[:_PREFIX_LEN] not in self._prefixes:
                return
            if table.edge[i] or (i > start and not table.folds[i]):
                continue  # a name never ends on a symbol that adds no letter ("Urumqi →")
            bucket = self._index.get(key)
            if bucket:
                surface = table.span_text(start, stop)
                for entry in bucket:
                    if _case_ok(entry, surface) and (stop - start == 1 or _words_ok(entry.alias, surface)):
                        yield Match(start, stop, entry)

    def find(
        self, doc: Doc, allowed: list[bool] | None = None, start: int = 0, end: int | None = None
    ) -> list[Match]:
        """Longest non-overlapping matches in tokens [start, end), left to right. ``allowed[i]`` False blocks i."""
        table = token_table(doc)
        folds, prefixes = table.folds, self._prefixes
        matches: list[Match] = []
        i = start
        n = len(table.texts) if end is None else end
        while i < n:
            first = folds[i]
            if (allowed is not None and not allowed[i]) or (first and first[:_PREFIX_LEN] not in prefixes):
                i += 1
                continue
            best: Match | None = None
            for match in self._candidates(table, i, allowed, n):
                if best is None or match.end > best.end:
                    best = match
            if best is None or self._overtaken(table, best, allowed, n):
                i += 1
                continue
            matches.append(best)
            i = best.end
        return matches

    def _overtaken(self, table: TokenTable, best: Match, allowed: list[bool] | None, n: int) -> bool:
        """A longer match starting inside ``best`` and running past it: "the UN Refugee Agency" is the
        refugee agency, not "the UN" and two more words."""
        folds = table.folds
        for j in range(best.start + 1, best.end):
            if folds[j] and folds[j][:_PREFIX_LEN] not in self._prefixes:
                continue
            for match in self._candidates(table, j, allowed, n):
                if match.end > best.end and match.end - j > best.end - best.start:
                    return True
        return False


def _case_ok(entry: Entry, surface: str) -> bool:
    if entry.all_caps:
        letters = _letters(surface)
        return letters.isupper()
    if entry.capitalised:
        return surface[:1].isupper() or surface[:1].isdigit()
    return True


def hyphen_prefix(doc: Doc, start: int) -> str | None:
    """The lower-cased word joined by a hyphen right before token ``start`` ("al" in "al-Jufra", "pre" in
    "pre-positioned"), or None."""
    if (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
    ):
        return doc[start - 2].lower_
    return None


#: the keys :func:`span_fields` gives a mention; the rest of a mention dict is what it names
SPAN_KEYS = ("start", "end", "token_start", "token_end", "text")


def span_fields(span: Span) -> dict:
    """The offsets every mention dict carries: character and token bounds and the text."""
    return {
        "start": span.start_char,
        "end": span.end_char,
        "token_start": span.start,
        "token_end": span.end,
        "text": span.text,
    }


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
    if cleaned.isascii() and cleaned.isdigit() and len(cleaned) <= 9:  # not "¹": int() refuses it
        return int(cleaned)
    return NUMBER_WORDS.get(cleaned)


def headline_end_of(text: str) -> int:
    """End of a headline: a first line without closing punctuation, followed by more text (else 0)."""
    first, sep, rest = text.partition("\n")
    if sep and rest.strip() and first.strip() and first.rstrip()[-1] not in '.!?"”':
        return len(first)
    return 0
