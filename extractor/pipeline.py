"""Builds the spaCy pipeline: the one place where the order of the components lives.

    sentencizer -> aircraft_ruler -> operator_ruler -> source_tagger -> place_ruler -> timex_tagger
                -> event_builder -> attribution

Gazetteer components run before the places so that "Qatar Emiri Air Force" or "Times of Israel" hold no place;
events need every mention; attribution needs the events it ties sources to.
"""

from __future__ import annotations

import json
from functools import cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_suffix_regex

# importing the modules registers the factories (they are also declared under the spacy_factories entry point)
from .components import aircraft, attribution, events, operators, places, sources, timex  # noqa: F401
from .extensions import ensure_doc_extensions, keep_text

PIPE_NAMES = (
    "sentencizer",
    "aircraft_ruler",
    "operator_ruler",
    "source_tagger",
    "place_ruler",
    "timex_tagger",
    "event_builder",
    "attribution",
)
#: spaCy's tokenizer cache holds 10,000 entries by default; news vocabularies overflow it and every miss
#: re-runs the prefix/suffix/infix rules. A larger cache keeps long runs at warm speed.
TOKENIZER_CACHE_SIZE = 200_000
#: spaCy splits a full stop after a digit or a lower-case letter, not after a capital (it keeps "U.S."); a
#: designator or a Zulu time ending a sentence ("landed at 0748Z.", "the C-17A.", "an MQ-9B.") ends it too
EXTRA_SUFFIXES = (r"(?<=[0-9][A-Z])\.", r"(?<=[0-9][A-Z][A-Z])\.")


def build_pipeline(*, exclude: tuple[str, ...] = ()) -> Language:
    """A blank English pipeline with the extractor's components (minus ``exclude``)."""
    ensure_doc_extensions()
    nlp = spacy.blank("en")
    if hasattr(nlp.tokenizer, "max_cache_size"):
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, *EXTRA_SUFFIXES]).search
    for abbreviation in _abbreviations():
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    for word in _sentence_ends():
        nlp.tokenizer.add_special_case(word, [{ORTH: word[:-1]}, {ORTH: "."}])
    for name in PIPE_NAMES:
        if name in exclude:
            continue
        if name == "sentencizer":
            nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "\n", "\n\n", "\n\n\n"]})
        else:
            nlp.add_pipe(name)
    return keep_text(nlp)  # the components read the text a Doc was made from, instead of rebuilding it


@cache
def _abbreviations() -> tuple[str, ...]:
    """``resources/abbreviations.json``: words with a full stop that never end a sentence here."""
    from .resources import resource_path

    data = json.loads(resource_path("abbreviations.json").read_text(encoding="utf-8"))
    return tuple(dict.fromkeys(data["abbreviations"]))


@cache
def _sentence_ends() -> tuple[str, ...]:
    """``resources/abbreviations.json``: words whose full stop ends a sentence (spaCy reads an initial)."""
    from .resources import resource_path

    data = json.loads(resource_path("abbreviations.json").read_text(encoding="utf-8"))
    return tuple(data.get("sentence_ends") or ())
