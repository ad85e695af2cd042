"""Training-data export: alignment reports, filters, paragraph splits, the CLI, and round trips per format.

Every round trip writes a file, reads it back with the consuming library's own reader (spaCy ``DocBin`` and
``conll_ner_to_docs``, ``srsly.read_jsonl`` for Prodigy and doccano), and compares the spans and relations
with the records or gold lines they came from; the expected relations are derived here, independently of the
exporter. Texts: the record below, written for these tests, and three dev gold lines
(``corpus/gold/dev.jsonl``): dev-000 (a leg and its return sharing an aircraft), dev-007 (an agency credit
"/TASS/." the tokenizer keeps in one token) and dev-008 (an operator "Russian" inside the aircraft mention
"Russian aircraft").
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import spacy
import srsly
from spacy.tokens import DocBin
from spacy.training.converters import conll_ner_to_docs
from spacy.util import compile_suffix_regex

import models
from extractor.cli import main
from extractor.export import (
    USER_DATA_KEY,
    AnnotatedDoc,
    ExportIssue,
    ExportOptions,
    documents_from_gold,
    documents_from_inputs,
    export_documents,
    from_record,
    split_paragraphs,
)
from extractor.export._align import align, blank_pipeline
from extractor.pipeline import EXTRA_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold" / "dev.jsonl"
GOLD_IDS = ("dev-000", "dev-007", "dev-008")

TEXT = (
    "Two officials said a C-17A of the RAF flew from RAF Fairford to Akrotiri at 0938Z.\n\n"
    "Reuters reported the flight on Tuesday."
)


def _at(needle: str, nth: int = 1, *, text: str = TEXT) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return (start, start + len(needle))


def _record() -> models.ArticleRecord:
    """A hand-made record: an overlap (ORG "RAF" inside PLACE "RAF Fairford"), a span inside a token
    ("official" of "officials"), a time the tokenizer keeps with its full stop, and a low-confidence event
    without an aircraft in the second paragraph."""
    c17 = models.Aircraft(text="C-17A", span=_at("C-17A"), model="C-17A", icao_type="C17", rule="ac.c-17a")
    raf = models.Org(text="RAF", span=_at("RAF"), name="Royal Air Force", country="GB", rule="op.raf")
    fairford = models.Place(text="RAF Fairford", span=_at("RAF Fairford"), name="RAF Fairford",
                            kind="airbase", country="GB", icao="EGVA", rule="base.egva")  # fmt: skip
    akrotiri = models.Place(text="Akrotiri", span=_at("Akrotiri"), name="RAF Akrotiri", kind="airbase",
                            country="CY", icao="LCRA", rule="base.lcra")  # fmt: skip
    time = models.Timex(
        text="0938Z", span=_at("0938Z"), type="TIME", value="XXXX-XX-XXT09:38", rule="time.zulu"
    )
    tuesday = models.Timex(
        text="Tuesday", span=_at("Tuesday"), type="DATE", value="2025-10-28", rule="date.dow"
    )
    reuters = models.Source(
        text="Reuters", span=_at("Reuters"), name="Reuters", kind="media", rule="src.reuters"
    )
    first = models.Event(
        id="hand#1", action="flight", aircraft=[c17], operator=raf, origin=fairford, destination=akrotiri,
        date=time, dates=[time], sources=[reuters], confidence=0.8, rules=["trg.fly"],
        evidence=models.Evidence(span=(0, TEXT.index("Reuters")), text=TEXT[: TEXT.index("Reuters")]),
    )  # fmt: skip
    second_start = TEXT.index("Reuters")
    second = models.Event(
        id="hand#2", action="arrival", destination=None, date=tuesday, dates=[tuesday], sources=[reuters],
        confidence=0.3, rules=["trg.report"],
        evidence=models.Evidence(span=(second_start, len(TEXT)), text=TEXT[second_start:]),
    )  # fmt: skip
    entities = [
        models.Entity(label="SOURCE", text="official", span=_at("official"), rule="src.official"),
        models.Entity(label="ORG", text="RAF", span=_at("RAF", 2), rule="op.raf"),
    ]
    for mention, label in ((c17, "AIRCRAFT"), (raf, "ORG"), (fairford, "PLACE"), (akrotiri, "PLACE"),
                           (reuters, "SOURCE")):  # fmt: skip
        entities.append(models.Entity(label=label, text=mention.text, span=mention.span, rule=mention.rule))
    return models.ArticleRecord(
        doc_id="hand", events=[first, second], timexes=[time, tuesday], entities=entities,
        extractor_version="test",
    )  # fmt: skip


def _hand_doc() -> AnnotatedDoc:
    doc = from_record(_record(), TEXT)
    assert isinstance(doc, AnnotatedDoc)
    return doc


@cache
def _blank() -> spacy.language.Language:
    """Blank English with the one tokenizer rule the pipeline adds (a full stop after "0938Z" is its own)."""
    nlp = spacy.blank("en")
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, *EXTRA_SUFFIXES]).search
    return nlp


def _gold_docs() -> list[AnnotatedDoc]:
    docs = [d for d in documents_from_gold(GOLD) if isinstance(d, AnnotatedDoc) and d.doc_id in GOLD_IDS]
    assert [d.doc_id for d in docs] == list(GOLD_IDS)
    return docs


@cache
def _gold_lines() -> dict[str, dict]:
    with GOLD.open(encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle if line.strip()]
    return {line["doc_id"]: line for line in lines if line["doc_id"] in GOLD_IDS}


# ------------------------------------------------------------------------- expectations, derived separately

Triple = tuple[tuple[int, int], tuple[int, int], str]


def _prodigy_relations(task: dict) -> set[Triple]:
    def span(s: dict) -> tuple[int, int]:
        return (s["start"], s["end"])

    return {(span(r["head_span"]), span(r["child_span"]), r["label"]) for r in task["relations"]}


def _record_relations(record: models.ArticleRecord) -> set[Triple]:
    """(anchor span, role span, role) for each role of each event with an aircraft: the documented layout."""
    out = set()
    for event in record.events:
        if not event.aircraft:
            continue
        anchor = tuple(event.aircraft[0].span)
        roles = [("aircraft", a) for a in event.aircraft[1:]]
        roles += [(name, getattr(event, name)) for name in ("operator", "origin", "destination")]
        roles += [("via", p) for p in event.via] + [("date", event.date)] + [("date", d) for d in event.dates]
        roles += [("source", s) for s in event.sources]
        out.update((anchor, tuple(obj.span), role) for role, obj in roles if obj is not None)
    return out


def _gold_relations(line: dict) -> set[Triple]:
    """As above, for a gold line, without the source relations (gold names sources without spans)."""
    out = set()
    for event in line["events"]:
        if not event["aircraft"]:
            continue
        anchor = tuple(event["aircraft"][0]["span"])
        roles = [("aircraft", a) for a in event["aircraft"][1:]]
        roles += [(name, event[name]) for name in ("operator", "origin", "destination")]
        roles += [("via", p) for p in event["via"]] + [("date", event["date"])]
        roles += [("date", d) for d in event["dates"]]
        out.update((anchor, tuple(obj["span"]), role) for role, obj in roles if obj)
    return out


def _gold_mentions(line: dict) -> set[tuple[int, int, str]]:
    out = {(*s["span"], "SOURCE") for s in line["sources"]} | {
        (*t["span"], t["type"]) for t in line["timexes"]
    }
    for event in line["events"]:
        out.update((*a["span"], "AIRCRAFT") for a in event["aircraft"])
        out.update((*p["span"], "PLACE") for p in [event["origin"], event["destination"], *event["via"]] if p)
        out.update((*t["span"], t["type"]) for t in event["dates"])
        if event["operator"]:
            out.add((*event["operator"]["span"], "ORG"))
    return out


def _record_mentions(record: models.ArticleRecord) -> set[tuple[int, int, str]]:
    return {(*e.span, e.label) for e in record.entities} | {(*t.span, t.type) for t in record.timexes}


@cache
def _tokens(text: str) -> spacy.tokens.Doc:
    return _blank().make_doc(text)


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the blank-English tokens that ``[start, end)`` touches."""
    span = _tokens(text).char_span(start, end, alignment_mode="expand")
    return (span.start_char, span.end_char)


def _expected(doc: AnnotatedDoc) -> tuple[set[tuple[int, int, str]], set[Triple]]:
    """Mentions and relations of ``doc``'s source, widened to tokens, from the record or the gold line."""
    if doc.doc_id == "hand":
        mentions, rels = _record_mentions(_record()), _record_relations(_record())
    else:
        line = _gold_lines()[doc.doc_id]
        mentions, rels = _gold_mentions(line), _gold_relations(line)
    mentions = {(*_widened(doc.text, s, e), label) for s, e, label in mentions}
    rels = {(_widened(doc.text, *h), _widened(doc.text, *c), r) for h, c, r in rels}
    return mentions, rels


CASES = ["hand", *GOLD_IDS]


def _docs() -> list[AnnotatedDoc]:
    return [_hand_doc(), *_gold_docs()]


# ------------------------------------------------------------------------------------------------ alignment


@pytest.mark.parametrize(
    "needle, nth, kind, widened",
    [
        ("C-17A", 1, None, "C-17A"),
        ("official", 1, "alignment", "officials"),
        ("0938Z", 1, None, "0938Z"),
        ("\n\n", 1, "unaligned", None),
    ],
    ids=["exact", "inside-a-token", "clock-before-full-stop", "whitespace-only"],
)
def test_export_align_reports_every_misfit(needle, nth, kind, widened):
    doc = blank_pipeline().make_doc(TEXT)
    issues: list[ExportIssue] = []
    start, end = _at(needle, nth)
    span = align(doc, "hand", start, end, "X", issues, offset=100)
    assert (span.text if span is not None else None) == widened
    assert [i.kind for i in issues] == ([kind] if kind else [])
    if kind:
        assert (issues[0].doc_id, issues[0].start, issues[0].end) == ("hand", 100 + start, 100 + end)


def test_export_hand_alignment_issues_are_the_misaligned_entities_only(tmp_path):
    # the first event's evidence ends with the paragraph break: trimmed quietly, it is not an entity
    report = export_documents([_hand_doc()], "spacy", tmp_path / "hand.spacy")
    assert [(i.start, i.end) for i in report.alignment_issues] == [_at("official")]


@pytest.mark.parametrize(
    "labels, role, winner",
    [
        (("ORG", "SOURCE"), None, "SOURCE"),
        (("ORG", "SOURCE"), "ORG", "ORG"),
        (("PLACE", "SOURCE"), None, "PLACE"),
    ],
    ids=["source-before-org", "event-role-first", "place-before-source"],
)
def test_export_one_span_two_labels_ents_keep_one(tmp_path, labels, role, winner):
    text = "Reuters said the Il-76 landed."
    entities = [models.Entity(label=label, text="Reuters", span=(0, 7)) for label in labels]
    events = []
    if role:
        aircraft = models.Aircraft(text="Il-76", span=(17, 22))
        operator = models.Org(text="Reuters", span=(0, 7), name="Reuters")
        events = [models.Event(id="r#1", aircraft=[aircraft], operator=operator,
                               evidence=models.Evidence(span=(0, len(text)), text=text))]  # fmt: skip
    doc = from_record(models.ArticleRecord(doc_id="r", entities=entities, events=events), text)
    path = tmp_path / "r.spacy"
    report = export_documents([doc], "spacy", path)
    (sdoc,) = DocBin().from_disk(path).get_docs(_blank().vocab)
    assert [(e.text, e.label_) for e in sdoc.ents if e.text == "Reuters"] == [("Reuters", winner)]
    assert len(report.of_kind("overlap")) == 1


def test_export_gold_alignment_issues_name_doc_and_offsets(tmp_path):
    report = export_documents(_gold_docs(), "spacy", tmp_path / "gold.spacy")
    assert [(i.doc_id, i.start, i.end) for i in report.alignment_issues] == [("dev-007", 93, 97)]
    assert report.documents == 3 and report.skipped == 0


# ------------------------------------------------------------------------------------------------ round trips


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_export_spacy_round_trip(tmp_path, case):
    (doc,) = [d for d in _docs() if d.doc_id == case]
    path = tmp_path / "out.spacy"
    export_documents([doc], "spacy", path)
    (sdoc,) = DocBin().from_disk(path).get_docs(_blank().vocab)
    mentions, rels = _expected(doc)
    assert {(s.start_char, s.end_char, s.label_) for s in sdoc.spans["sc"]} == mentions
    ents = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
    assert set(ents) <= mentions
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:], strict=False)), "doc.ents must not overlap"
    data = json.loads(json.dumps(sdoc.user_data[USER_DATA_KEY]))  # DocBin reads lists back as tuples
    assert data["doc_id"] == case
    got = {(tuple(r["head"][:2]), tuple(r["child"][:2]), r["label"]) for r in data["relations"]}
    got = {(_widened(doc.text, *h), _widened(doc.text, *c), r) for h, c, r in got}
    assert {r for r in got if r[2] != "source"} == {r for r in rels if r[2] != "source"}
    if case == "hand":
        assert got == rels
    assert [s.id_ for s in sdoc.spans["events"]] == [e.id for e in doc.events]
    assert [s.label_ for s in sdoc.spans["events"]] == [e.action for e in doc.events]


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_export_prodigy_round_trip(tmp_path, case):
    (doc,) = [d for d in _docs() if d.doc_id == case]
    path = tmp_path / "out.jsonl"
    export_documents([doc], "prodigy", path)
    (task,) = srsly.read_jsonl(path)
    tokens = task["tokens"]
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == task["text"]
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    spans = task["spans"] + task["overlapping_spans"]
    for span in spans:  # token_end is inclusive
        assert (tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]) == (
            span["start"],
            span["end"],
        )
    mentions, rels = _expected(doc)
    assert {(s["start"], s["end"], s["label"]) for s in spans} == mentions
    for relation in task["relations"]:
        assert relation["head"] == relation["head_span"]["token_end"]
        assert relation["child"] == relation["child_span"]["token_end"]
    got = _prodigy_relations(task)
    assert {r for r in got if r[2] != "source"} == {r for r in rels if r[2] != "source"}
    if case == "hand":
        assert got == rels
    assert task["meta"]["doc_id"] == case and "rules" in task["meta"]


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_export_doccano_round_trip(tmp_path, case):
    (doc,) = [d for d in _docs() if d.doc_id == case]
    path = tmp_path / "out.jsonl"
    export_documents([doc], "doccano", path)
    (task,) = srsly.read_jsonl(path)
    by_id = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in task["entities"]}
    mentions, rels = _expected(doc)
    # character offsets: no widening in doccano, the raw spans come back
    raw = {(m.start, m.end, m.label) for m in doc.mentions}
    assert set(by_id.values()) == raw
    assert {(*_widened(doc.text, s, e), label) for s, e, label in raw} == mentions
    got = {(by_id[r["from_id"]][:2], by_id[r["to_id"]][:2], r["type"]) for r in task["relations"]}
    got = {(_widened(doc.text, *h), _widened(doc.text, *c), r) for h, c, r in got}
    assert {r for r in got if r[2] != "source"} == {r for r in rels if r[2] != "source"}
    if case == "hand":
        assert got == rels
    assert len({r["id"] for r in task["relations"]}) == len(task["relations"])


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_export_conll_round_trip(tmp_path, case):
    (doc,) = [d for d in _docs() if d.doc_id == case]
    path = tmp_path / "out.conll"
    report = export_documents([doc], "conll", path)
    (read,) = conll_ner_to_docs(path.read_text(encoding="utf-8"), n_sents=0, no_print=True)
    tokens = [t for t in _tokens(doc.text) if not t.is_space]
    assert [t.text for t in read] == [t.text for t in tokens]
    got = {(tokens[e.start].idx, tokens[e.end - 1].idx + len(tokens[e.end - 1]), e.label_) for e in read.ents}
    mentions, _ = _expected(doc)
    overlapped = {(i.start, i.end) for i in report.of_kind("overlap")}
    assert got == {m for m in mentions if m[:2] not in overlapped}
    assert len(got) + len(overlapped) == len(mentions)


def test_export_conll_separates_documents_and_sentences(tmp_path):
    path = tmp_path / "out.conll"
    export_documents([_hand_doc(), _hand_doc()], "conll", path)
    text = path.read_text(encoding="utf-8")
    assert text.count("-DOCSTART- -X- O O\n\n") == 2
    assert "0938Z\tB-TIME\n.\tO\n\nReuters\tB-SOURCE" in text
    assert "RAF\tB-PLACE\nFairford\tI-PLACE" in text


# ------------------------------------------------------------------------------------------------ behaviour


def test_export_overlap_keeps_longest_in_ents_and_all_in_sc(tmp_path):
    path = tmp_path / "out.spacy"
    report = export_documents([_hand_doc()], "spacy", path)
    (sdoc,) = DocBin().from_disk(path).get_docs(_blank().vocab)
    assert ("RAF Fairford", "PLACE") in [(e.text, e.label_) for e in sdoc.ents]
    assert ("RAF", "ORG") in [
        (s.text, s.label_) for s in sdoc.spans["sc"] if s.start_char == _at("RAF", 2)[0]
    ]
    assert [(i.kind, i.start) for i in report.of_kind("overlap")] == [("overlap", _at("RAF", 2)[0])]


def test_export_event_without_aircraft_is_reported(tmp_path):
    report = export_documents([_hand_doc()], "prodigy", tmp_path / "out.jsonl")
    assert [(i.kind, i.message.split(" has")[0]) for i in report.of_kind("no-anchor")] == [
        ("no-anchor", "event hand#2")
    ]


@pytest.mark.parametrize(
    "options, labels, events",
    [
        (ExportOptions(), {"AIRCRAFT", "ORG", "PLACE", "SOURCE", "TIME", "DATE"}, 2),
        (ExportOptions(labels=frozenset({"AIRCRAFT", "PLACE"})), {"AIRCRAFT", "PLACE"}, 2),
        (ExportOptions(min_confidence=0.5), {"AIRCRAFT", "ORG", "PLACE", "SOURCE", "TIME", "DATE"}, 1),
    ],
    ids=["all", "labels", "min-confidence"],
)
def test_export_filters(tmp_path, options, labels, events):
    path = tmp_path / "out.jsonl"
    export_documents([_hand_doc()], "doccano", path, options)
    (task,) = srsly.read_jsonl(path)
    assert {e["label"] for e in task["entities"]} == labels
    assert len(task["events"]) == events
    types = {r["type"] for r in task["relations"]}
    assert types <= ({"origin", "destination"} if options.labels else {"operator", "origin", "destination",
                                                                      "date", "source"})  # fmt: skip


@pytest.mark.parametrize(
    "only_with_events, split, expected",
    [(False, "none", 1), (True, "none", 1), (False, "paragraph", 2), (True, "paragraph", 1)],
    ids=["article", "article-with-events", "paragraphs", "paragraphs-with-events"],
)
def test_export_only_with_events_and_split(tmp_path, only_with_events, split, expected):
    doc = _hand_doc()
    doc.events = doc.events[:1]
    options = ExportOptions(only_with_events=only_with_events, split=split)
    report = export_documents([doc], "prodigy", tmp_path / "out.jsonl", options)
    assert report.documents == expected


def test_export_split_paragraphs_rebases_offsets_and_reports_roles_left_behind():
    first, second = split_paragraphs(_hand_doc())
    assert (first.offset, second.offset) == (0, TEXT.index("Reuters"))
    assert second.text == "Reuters reported the flight on Tuesday."
    for part in (first, second):
        for mention in part.mentions:
            assert part.text[mention.start : mention.end] == mention.text
    assert [e.id for e in first.events] == ["hand#1"] and [e.id for e in second.events] == ["hand#2"]
    assert [(i.kind, i.message.split(":")[0]) for i in first.notes] == [("split", "event hand#1")]


def test_export_record_with_the_wrong_text_is_skipped_with_a_reason():
    result = from_record(_record(), TEXT.replace("C-17A", "KC-46"))
    assert isinstance(result, ExportIssue)
    assert (result.doc_id, result.kind) == ("hand", "text-mismatch")
    assert "'C-17A'" in result.message


# -------------------------------------------------------------------------------------------- pipeline + CLI


ARTICLE = "An Il-76MD of the Russian Aerospace Forces landed at Hmeimim on Tuesday, Flightradar24 data said."


def test_export_pipeline_output_matches_its_record(tmp_path, extractor):
    (tmp_path / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (doc,) = documents_from_inputs([str(tmp_path / "a1.txt")], extractor=extractor, published="2025-10-30")
    record = extractor.extract(ARTICLE, published="2025-10-30", doc_id="a1")
    assert isinstance(doc, AnnotatedDoc) and doc.origin == "pipeline"
    path = tmp_path / "out.jsonl"
    export_documents([doc], "prodigy", path)
    (task,) = srsly.read_jsonl(path)
    got = _prodigy_relations(task)
    assert got == _record_relations(record) and got
    assert {(s["start"], s["end"], s["label"]) for s in task["spans"]} == _record_mentions(record)


def _write_records(tmp_path: Path, extractor) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    record = extractor.extract(ARTICLE, published="2025-10-30", doc_id="a1")
    orphan = extractor.extract(ARTICLE, published="2025-10-30", doc_id="no-such-article")
    records = tmp_path / "records.jsonl"
    records.write_text(record.model_dump_json() + "\n" + orphan.model_dump_json() + "\n", encoding="utf-8")
    return records


def test_export_cli_records_need_articles(tmp_path, extractor, capsys):
    records = _write_records(tmp_path, extractor)
    code = main(["export", str(records), "--format", "doccano", "-o", str(tmp_path / "out.jsonl")])
    assert code == 2
    assert "--articles" in capsys.readouterr().err


def test_export_cli_joins_records_and_articles_on_doc_id(tmp_path, extractor, capsys):
    records = _write_records(tmp_path, extractor)
    out = tmp_path / "out.jsonl"
    argv = [
        "export",
        str(records),
        "--articles",
        str(tmp_path / "articles"),
        "--format",
        "doccano",
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    (task,) = srsly.read_jsonl(out)
    assert task["meta"]["doc_id"] == "a1" and task["meta"]["origin"] == "records"
    err = capsys.readouterr().err
    assert "no-such-article: input: no article with this doc_id" in err
    assert "1 documents" in err and "1 skipped" in err


def test_export_cli_gold_warns_with_doc_id_and_offsets(tmp_path, capsys):
    gold = tmp_path / "corpus" / "gold" / "dev.jsonl"
    gold.parent.mkdir(parents=True)
    gold.write_text(json.dumps(_gold_lines()["dev-007"]) + "\n", encoding="utf-8")
    article = tmp_path / "corpus" / "articles" / "dev" / "dev-007.txt"
    article.parent.mkdir(parents=True)
    article.write_bytes((ROOT / "corpus" / "articles" / "dev" / "dev-007.txt").read_bytes())
    out = tmp_path / "gold.spacy"
    report = tmp_path / "report.json"
    assert (
        main(["export", "--gold", str(gold), "--format", "spacy", "-o", str(out), "--report", str(report)])
        == 0
    )
    err = capsys.readouterr().err
    assert "warning: dev-007 [93,97): alignment: SOURCE 'TASS'" in err
    assert json.loads(report.read_text())["issues"][0]["start"] == 93
    # the output exists now: a second run needs --force
    assert main(["export", "--gold", str(gold), "--format", "spacy", "-o", str(out)]) == 2


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--format", "spacy", "-o", "x.spacy"], "nothing to export"),
        (["--gold", "missing.jsonl", "--format", "conll", "-o", "x.conll"], "expected a gold JSONL file"),
        (["--gold", str(GOLD), "--format", "spacy", "-o", "-"], "binary DocBin"),
        (
            ["--gold", str(GOLD), "--format", "conll", "-o", "x.conll", "--labels", "PLANE"],
            "expected some of",
        ),
    ],
    ids=["no-input", "missing-gold", "spacy-to-stdout", "unknown-label"],
)
def test_export_cli_usage_errors(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(["export", *argv]) == 2
    assert message in capsys.readouterr().err
