"""The tokenizer that keeps each Doc's text, and ``doc_text``, which reads it instead of rebuilding it."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.attrs import ORTH
from spacy.tokens import Doc

from extractor.extensions import TEXT_KEY, TextKeepingTokenizer, doc_text, keep_text

TEXTS = [
    "An Il-76 landed at Hmeimim on Oct. 26.",
    "  leading and trailing spaces  ",
    "Line one.\n\nLine two\twith a tab and unicode: Tiraspol–Chişinău, İzmir.",
    "x",
]


@pytest.fixture(scope="module")
def nlp():
    return keep_text(spacy.blank("en"))


@pytest.mark.parametrize("text", TEXTS)
def test_doc_text_is_the_text_the_doc_was_made_from(nlp, text):
    doc = nlp.make_doc(text)
    assert doc.user_data[TEXT_KEY] is text
    assert doc_text(doc) == doc.text == text


def test_nlp_call_keeps_the_text_too(nlp):
    text = "The An-124 left Chkalovsky on Wednesday."
    assert nlp(text).user_data[TEXT_KEY] is text
    assert [doc.user_data[TEXT_KEY] for doc in nlp.pipe([text, "Two."])] == [text, "Two."]


def test_a_doc_made_otherwise_falls_back_to_doc_text():
    doc = Doc(spacy.blank("en").vocab, words=["No", "kept", "text"], spaces=[True, True, False])
    assert TEXT_KEY not in doc.user_data
    assert doc_text(doc) == "No kept text"


def test_a_text_that_no_longer_fits_the_tokens_is_not_used(nlp):
    doc = nlp.make_doc("Three short words")
    doc.user_data[TEXT_KEY] = "Another text entirely, longer"
    assert doc_text(doc) == "Three short words"
    doc.user_data[TEXT_KEY] = "Three short wordz"  # same length, another last token
    assert doc_text(doc) == "Three short words"


def test_empty_doc(nlp):
    assert doc_text(nlp.make_doc("")) == ""


def test_the_wrapper_passes_everything_else_to_the_tokenizer(nlp):
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, TextKeepingTokenizer)
    tokenizer.add_special_case("Oct.", [{ORTH: "Oct."}])
    assert [token.text for token in nlp.make_doc("on Oct. 26")] == ["on", "Oct.", "26"]
    tokenizer.max_cache_size = 12345  # set on the wrapped tokenizer, not on the wrapper
    assert tokenizer.tokenizer.max_cache_size == 12345
    assert keep_text(nlp).tokenizer is tokenizer  # wrapped once
    restored = spacy.blank("en")
    restored.tokenizer.from_bytes(tokenizer.to_bytes())
    assert [token.text for token in restored.make_doc("on Oct. 26")] == ["on", "Oct.", "26"]


def test_kept_text_survives_pickling(nlp):
    doc = pickle.loads(pickle.dumps(nlp.make_doc("Picked up at Rzeszow.")))
    assert doc_text(doc) == "Picked up at Rzeszow."


def test_the_project_pipeline_keeps_the_text():
    from extractor.pipeline import build_pipeline

    nlp = build_pipeline()
    assert isinstance(nlp.tokenizer, TextKeepingTokenizer)
    text = "A C-17 arrived at Ramstein on Monday."
    doc = nlp(text)
    assert doc.user_data[TEXT_KEY] is text
    assert doc._.timexes and doc._.timexes[0]["text"] == "Monday"
