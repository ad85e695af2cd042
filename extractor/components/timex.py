"""spaCy component ``timex_tagger``: TIMEX3 time expressions with TimeML values.

Reads:
    ``doc.text``, ``doc._.dct`` (publication date "YYYY-MM-DD" or None), sentence boundaries when set
    (the pipeline runs spaCy's ``sentencizer`` first); without a DCT, ``doc._.dateline`` when it gives a day
    without a year ("yesterday" is then XXXX-12-08 under "ASTANA. December 9.").
Writes:
    ``doc.spans[spans_key]`` (default ``"timex"``): one span per expression, labelled DATE / TIME / DURATION
    / SET;
    ``doc._.timexes``: a fresh list of JSON-safe dicts sorted by start —
    ``{"start", "end", "text", "type", "value", "granularity", "relation", "mod", "rule", "tid"}`` plus
    ``"range_end"`` ("Feb 21-22") and ``"freq"`` ("twice a week") when they apply.

The work is done by :class:`extractor.temporal.TemporalTagger`, which knows nothing about spaCy.
"""

from __future__ import annotations

from numpy import count_nonzero
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text  # importing it registers doc._.dct and doc._.timexes
from ..temporal import TemporalTagger

__all__ = ["TimexTagger", "make_timex_tagger"]


class TimexTagger:
    """Tags time expressions; see the module docstring for what it reads and writes."""

    def __init__(
        self,
        nlp: Language,
        name: str = "timex_tagger",
        *,
        spans_key: str = "timex",
        rules_path: str | None = None,
        lexicon_path: str | None = None,
        use_fallback: bool = True,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.engine = TemporalTagger(
            rules_path=rules_path, lexicon_path=lexicon_path, use_fallback=use_fallback
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # Doc.text is built from the tokens on every access
        sentences = _sentence_bounds(doc, len(text))
        timexes = self.engine.tag(text, doc._.dct or _yearless_dateline(doc), sentences=sentences)
        spans = []
        for timex in timexes:
            span = doc.char_span(timex.start, timex.end, label=timex.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.timexes = [timex.to_dict() for timex in timexes]
        return doc


def _yearless_dateline(doc: Doc) -> str | None:
    """ "XXXX-12-09" for a dateline that gives the day but not the year ("ASTANA. December 9. KAZINFORM -"),
    when the article has no publication date: "yesterday" is then XXXX-12-08."""
    dateline = doc._.dateline
    if not isinstance(dateline, dict) or not dateline.get("month") or not dateline.get("day"):
        return None
    return f"XXXX-{dateline['month']:02d}-{dateline['day']:02d}"


def _sentence_bounds(doc: Doc, length: int) -> list[tuple[int, int]] | None:
    """``[start, end)`` character offsets of the sentences, or None when no component set them. Reads the
    SENT_START array: ``doc.sents`` and ``doc.has_annotation`` iterate over Python token objects, which costs
    more than the whole tagger on a long article."""
    if len(doc) == 0:
        return None
    rows = doc.to_array([SENT_START, IDX])
    flags = rows[1:, 0]
    starts = rows[1:, 1][flags == 1].tolist()
    if not starts and not count_nonzero(flags):  # no sentence start set, not even "not a start"
        return None
    chars = [0, *starts, length]
    return list(zip(chars, chars[1:], strict=False))


@Language.factory(
    "timex_tagger",
    assigns=["doc.spans", "doc._.timexes"],
    default_config={"spans_key": "timex", "rules_path": None, "lexicon_path": None, "use_fallback": True},
)
def make_timex_tagger(
    nlp: Language,
    name: str,
    spans_key: str,
    rules_path: str | None,
    lexicon_path: str | None,
    use_fallback: bool,
) -> TimexTagger:
    return TimexTagger(
        nlp,
        name,
        spans_key=spans_key,
        rules_path=rules_path,
        lexicon_path=lexicon_path,
        use_fallback=use_fallback,
    )
