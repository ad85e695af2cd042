"""The exported gold trains a spaCy NER with ``training/ner.cfg`` and nothing else: no conversion step.

The dev gold (``corpus/gold/dev.jsonl``) is exported as ``training/make_corpus.py`` does (paragraphs; every
fifth article to dev), ``spacy debug data`` must accept it (exit 0), and ``spacy train`` must run a few steps
to a pipeline that ``spacy.load`` reads. Slow (about 20 s on two cores), but it runs in every test session.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "training" / "ner.cfg"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    sys.path.insert(0, str(ROOT / "training"))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(ROOT / "training"))
    assert make_corpus.main(["--out", str(out), "--test-gold", str(out / "no-test.jsonl")]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["dev.spacy", "train.spacy"]
    return out


def _spacy(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "spacy", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_export_training_debug_data_accepts_the_export(corpus):
    paths = ["--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy")]
    result = _spacy("debug", "data", str(CONFIG), *paths, cwd=corpus)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No entities consisting of or starting/ending with whitespace" in result.stdout
    assert "Corpus is loadable" in result.stdout


@pytest.mark.slow
def test_export_training_trains_and_loads(corpus):
    paths = ["--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy")]
    steps = ["--training.max_steps", "20", "--training.eval_frequency", "10"]
    result = _spacy("train", str(CONFIG), "--output", str(corpus / "model"), *paths, *steps, cwd=corpus)
    assert result.returncode == 0, result.stdout + result.stderr
    nlp = spacy.load(corpus / "model" / "model-last")
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) >= {"AIRCRAFT", "PLACE", "ORG", "SOURCE", "DATE"}
    text = "A Russian Il-76MD landed at Hmeimim on Tuesday, Flightradar24 data showed."
    doc = nlp(text)
    assert [t.text for t in doc] == [t.text for t in spacy.blank("en")(text)]  # the extractor's tokenizer
    assert all(ent.label_ in nlp.get_pipe("ner").labels for ent in doc.ents)
