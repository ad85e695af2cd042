"""Temporal tagging: TIMEX3 recognition and normalisation for news text, in pure Python.

Public surface:

- :class:`TemporalTagger` — the engine (no spaCy): ``TemporalTagger().tag(text, "2025-10-30")``.
- :class:`Timex` — one result (offsets, type, value, granularity, relation, mod, rule, tid).
- :func:`tag` — ``tag(text, dct) -> list[dict]`` through a cached blank English spaCy pipeline
  (sentencizer + the ``timex_tagger`` component); used by the TimeML evaluator.
- :func:`dateparser_calls` / :func:`reset_dateparser_calls` — how often the dateparser fallback really ran.
"""

from __future__ import annotations

from typing import Any

from .fallback import calls as dateparser_calls
from .fallback import reset_counter as reset_dateparser_calls
from .tagger import TemporalTagger, Timex, parse_dct, split_sentences

__all__ = [
    "TemporalTagger",
    "Timex",
    "tag",
    "dateparser_calls",
    "reset_dateparser_calls",
    "parse_dct",
    "split_sentences",
]

_PIPELINE: dict[str, Any] = {}


def _pipeline() -> Any:
    if "nlp" not in _PIPELINE:
        import spacy

        from ..components import timex as _timex_component  # noqa: F401  registers the factory
        from ..extensions import keep_text

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("timex_tagger")
        _PIPELINE["nlp"] = keep_text(nlp)
    return _PIPELINE["nlp"]


def tag(text: str, dct: str | None) -> list[dict[str, Any]]:
    """Tag ``text`` with publication date ``dct`` ("YYYY-MM-DD" or None) and return the ``doc._.timexes``
    dicts.

    Builds a blank English pipeline with the sentencizer and the ``timex_tagger`` component once per
    process."""
    nlp = _pipeline()
    doc = nlp.make_doc(text)
    doc._.dct = dct
    for _, component in nlp.pipeline:
        doc = component(doc)
    return list(doc._.timexes)
