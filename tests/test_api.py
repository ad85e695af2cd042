"""The library surface: extract, extract_many, Extractor; input field names; publication-date sources."""

from __future__ import annotations

import pytest

import models
from extractor import Extractor, extract, extract_many
from extractor.api import normalize_published
from extractor.errors import InputError

TEXT = "An Il-76MD of the Russian Aerospace Forces landed at Hmeimim on Tuesday, Flightradar24 data showed."


def test_api_extract_returns_a_record():
    record = extract(TEXT, published="2025-10-30", doc_id="a1")
    assert isinstance(record, models.ArticleRecord)
    assert record.status == "ok" and record.doc_id == "a1"
    assert record.events[0].id == "a1#1"
    assert record.events[0].date.value == "2025-10-28"


def test_api_extract_many_keeps_order_and_accepts_news_please_names():
    items = [
        {"id": "x", "text": TEXT, "published": "2025-10-30"},
        {"id": "y", "maintext": TEXT, "date_publish": "2025-10-30 08:15:00"},
        models.ArticleInput(id="z", text=TEXT),
    ]
    records = list(extract_many(items))
    assert [r.doc_id for r in records] == ["x", "y", "z"]
    assert records[1].published.value == "2025-10-30" and records[1].published.source == "input"
    assert records[2].published.value is None


@pytest.mark.parametrize(
    "item, error_type",
    [
        ({"id": "empty", "text": "   "}, "InputError"),
        ({"id": "none"}, "InputError"),
        ({"id": "bad-date", "text": TEXT, "published": "yesterday-ish"}, "InputError"),
        (42, "InputError"),
    ],
    ids=["empty", "missing-text", "bad-date", "not-an-object"],
)
def test_api_bad_items_become_error_records(extractor, item, error_type):
    (record,) = list(extractor.extract_many([item]))
    assert record.status == "error"
    assert record.error.type == error_type
    assert record.error.message


def test_api_extract_raises_on_empty_text(extractor):
    with pytest.raises(InputError):
        extractor.extract("")


@pytest.mark.parametrize(
    "value, expected",
    [("2025-10-30", "2025-10-30"), ("2025-10-30T08:00:00Z", "2025-10-30"), (None, None), ("", None)],
    ids=["date", "datetime", "none", "empty"],
)
def test_api_normalize_published(value, expected):
    assert normalize_published(value) == expected


@pytest.mark.parametrize(
    "text, kwargs, value, source",
    [
        ("MOSCOW, Oct 30, 2025 (Reuters) - " + TEXT, {}, "2025-10-30", "dateline"),
        ("MOSCOW, Oct 30 (Reuters) - " + TEXT, {"filename_date": "2025-01-02"}, "2025-10-30", "dateline"),
        (TEXT, {"filename_date": "2025-01-02"}, "2025-01-02", "filename"),
        (TEXT, {"published": "2024-05-01"}, "2024-05-01", "input"),
        ("OSLO, Feb 12 (Reuters) - The bombers are the first to deploy to Norway in 2025.", {}, "2025-02-12",
         "dateline"),
        ("ANKARA, March 11 (AFP) - Turkey reopened its embassy in Damascus in December 2024.", {},
         "2025-03-11", "dateline"),
        ("VILNIUS, June 4 (Reuters) - The base is due to be finished by 2027.", {}, None, None),
    ],
    ids=["dateline", "dateline-year-from-filename", "filename", "input", "dateline-year-from-the-text",
         "a-later-month-of-a-named-year-went-before", "a-target-year-is-not-the-story's"],
)
def test_api_publication_date_sources(extractor, text, kwargs, value, source):
    record = extractor.extract(text, **kwargs)
    assert (record.published.value, record.published.source) == (value, source)


def test_api_default_published_is_the_last_resort():
    ex = Extractor(default_published="2025-10-30")
    record = ex.extract(TEXT)
    assert (record.published.value, record.published.source) == ("2025-10-30", "default")


def test_api_pipeline_is_usable_by_other_pipelines(nlp):
    doc = nlp(TEXT)
    assert doc._.events and doc._.events[0]["aircraft"][0]["model"] == "Il-76MD"
    assert {"aircraft", "places", "operators", "sources", "timex"} <= set(doc.spans)


def test_api_schema_has_no_spacy():
    import subprocess
    import sys

    code = "import models, sys; models.json_schema(); sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_api_record_lists_every_source_mention_attributed_or_not(extractor):
    text = "An Il-76 landed at Hmeimim on Monday, Reuters reported. ADS-B Exchange is a popular site."
    record = extractor.extract(text, published="2025-10-30")
    assert {s.name for s in record.sources} >= {"Reuters", "ADS-B Exchange"}
    cited = {c.name for a in record.attributions for c in a.cites} | {a.outlet.name for a in record.attributions if a.outlet}
    assert "ADS-B Exchange" not in cited
