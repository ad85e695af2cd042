"""Shared fixtures: the pipeline is built once per test session (blank English + the project's components)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():
    from extractor import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def run(nlp):
    """run(text, dct=None) -> Doc with every component applied."""

    def _run(text: str, dct: str | None = None):
        doc = nlp.make_doc(text)
        doc._.dct = dct
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc

    return _run
