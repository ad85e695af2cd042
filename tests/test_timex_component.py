"""The ``timex_tagger`` spaCy component, the ``tag()`` helper, the rule files and the dateparser fallback.

Blank English pipelines only; sentences written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.components.timex  # noqa: F401  registers the factory
from extractor.temporal import TemporalTagger, dateparser_calls, reset_dateparser_calls, tag
from extractor.temporal.lexicon import load_lexicon
from extractor.temporal.rules import RULES_PATH, RuleError, load_rules

ARTICLE = (
    "Flights resumed earlier this month after a six-month hiatus. On October 26, a Russian Il-76 landed at "
    "Hmeimim at 0612Z; two days later it flew on to Benghazi. The ministry said on Wednesday that more "
    "flights "
    "would follow next week."
)


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("timex_tagger")
    return pipeline


def _run(nlp, text: str, dct: str | None):
    doc = nlp.make_doc(text)
    doc._.dct = dct
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def test_timex_component_writes_spans_and_dicts(nlp) -> None:
    doc = _run(nlp, ARTICLE, "2025-10-30")
    spans = doc.spans["timex"]
    timexes = doc._.timexes
    assert [span.label_ for span in spans] == [t["type"] for t in timexes]
    assert [t["text"] for t in timexes] == [
        "earlier this month",
        "six-month",
        "October 26",
        "0612Z",
        "two days later",
        "Wednesday",
        "next week",
    ]
    assert [t["value"] for t in timexes] == [
        "2025-10",
        "P6M",
        "2025-10-26",
        "2025-10-26T06:12",
        "2025-10-28",
        "2025-10-29",
        "2025-W45",
    ]
    assert [t["tid"] for t in timexes] == [f"t{i}" for i in range(1, len(timexes) + 1)]
    assert [t["start"] for t in timexes] == sorted(t["start"] for t in timexes)
    for timex in timexes:
        assert ARTICLE[timex["start"] : timex["end"]] == timex["text"]
        assert set(timex) >= {
            "start",
            "end",
            "text",
            "type",
            "value",
            "granularity",
            "relation",
            "mod",
            "rule",
            "tid",
        }
    json.dumps(timexes)


def test_timex_component_lists_are_fresh_per_doc(nlp) -> None:
    first = _run(nlp, "It landed yesterday.", "2025-10-30")
    second = _run(nlp, "It left today.", "2025-10-30")
    assert first._.timexes is not second._.timexes
    assert [t["value"] for t in first._.timexes] == ["2025-10-29"]
    assert [t["value"] for t in second._.timexes] == ["2025-10-30"]


@pytest.mark.parametrize(
    ("dct", "expected"),
    [
        ("2025-10-30", "2025-10-26"),
        (None, "XXXX-10-26"),
        ("not a date", "XXXX-10-26"),
        ("2025-10-30T08:00:00Z", "2025-10-26"),
    ],
    ids=["dct", "no-dct", "unreadable-dct", "datetime-dct"],
)
def test_timex_component_reads_dct(nlp, dct, expected) -> None:
    doc = _run(nlp, "The jet landed on October 26.", dct)
    assert [t["value"] for t in doc._.timexes] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They flew to Termez yesterday.", ["XXXX-12-08"]),
        ("They returned early today and left again the next day.", ["XXXX-12-09", "XXXX-12-10"]),
        ("A second jet landed last night.", ["XXXX-12-08TNI"]),
        ("It left on Tuesday.", ["XXXX-WXX-2"]),  # a weekday needs the year
    ],
    ids=["yesterday", "today-then-next-day", "last-night", "weekday"],
)
def test_timex_yearless_dct_from_a_dateline(nlp, text, expected) -> None:
    """No publication date, but a dateline that gives the day without a year ("ASTANA. December 9.")."""
    assert [t.value for t in TemporalTagger().tag(text, "XXXX-12-09")] == expected
    doc = nlp.make_doc(text)
    doc._.dct = None
    doc._.dateline = {"month": 12, "day": 9, "year": None}
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [t["value"] for t in doc._.timexes] == expected


def test_timex_clock_time_on_a_weekday_without_a_publication_date() -> None:
    values = [t.value for t in TemporalTagger().tag("It left at 2215Z on Tuesday and landed at 0330Z.", None)]
    assert values == ["XXXX-WXX-2T22:15", "XXXX-WXX-2", "XXXX-WXX-2T03:30"]  # the sentence's day, as with a date


@pytest.mark.parametrize(
    "report",
    ["In a statement on Friday, the spokesperson said", "Speaking at a news conference on Friday, he said",
     "The spokesperson told reporters on Friday"],
)
def test_timex_the_day_of_a_statement_is_not_the_day_of_the_clock_times_it_tells(report) -> None:
    text = f"The helicopter flew close to the plane on Thursday. {report} the plane took off at 7:10 a.m."
    values = [t.value for t in TemporalTagger().tag(text, "2025-02-21")]
    assert values == ["2025-02-20", "2025-02-21", "2025-02-20T07:10"]


def test_timex_yearless_dct_is_checked() -> None:
    assert [t.value for t in TemporalTagger().tag("They flew yesterday.", "XXXX-02-30")] == [None]
    assert [t.value for t in TemporalTagger().tag("They flew yesterday.", "XXXX-03-01")] == ["XXXX-02-29"]


def test_timex_component_empty_text(nlp) -> None:
    doc = _run(nlp, "", "2025-10-30")
    assert doc._.timexes == []
    assert list(doc.spans["timex"]) == []


def test_timex_tag_function_matches_component(nlp) -> None:
    assert tag(ARTICLE, "2025-10-30") == _run(nlp, ARTICLE, "2025-10-30")._.timexes


def test_timex_pipeline_disk_round_trip(nlp, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == ["sentencizer", "timex_tagger"]
    assert _run(reloaded, ARTICLE, "2025-10-30")._.timexes == _run(nlp, ARTICLE, "2025-10-30")._.timexes


# ---- rule data ------------------------------------------------------------------------------------------

_TAGGER = TemporalTagger()
_EXAMPLES = [(rule.id, example) for rule in _TAGGER.rules for example in rule.examples]


def test_timex_rules_all_have_examples() -> None:
    assert all(rule.examples for rule in _TAGGER.rules), [
        rule.id for rule in _TAGGER.rules if not rule.examples
    ]


@pytest.mark.parametrize(("rule_id", "example"), _EXAMPLES, ids=[f"{r}:{e}" for r, e in _EXAMPLES])
def test_timex_rule_example_matches(rule_id: str, example: str) -> None:
    rule = next(rule for rule in _TAGGER.rules if rule.id == rule_id)
    assert rule.regex.fullmatch(example), f"rule {rule_id} does not match its example {example!r}"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        (
            '{"id": "x.y", "type": "DATE", "norm": "calendar", "anchors": ["MONTH"], "pattern": "{NOPE}"}',
            "unknown macro",
        ),
        (
            '{"id": "x.y", "type": "DATE", "norm": "nope", "anchors": ["MONTH"], "pattern": "a"}',
            "unknown normaliser",
        ),
        (
            '{"id": "x.y", "type": "WHEN", "norm": "calendar", "anchors": ["MONTH"], "pattern": "a"}',
            "expected type",
        ),
        (
            '{"id": "Bad Id", "type": "DATE", "norm": "calendar", "anchors": ["MONTH"], "pattern": "a"}',
            "expected an id",
        ),
        (
            '{"id": "x.y", "type": "DATE", "norm": "calendar", "anchors": ["MONTH"], "pattern": "(a"}',
            "does not compile",
        ),
        (
            '{"id": "x.y", "type": "DATE", "norm": "calendar", "anchors": ["MONTH"], "pattern": "a", '
            '"colour": 1}',
            "unknown field",
        ),
        (
            '{"id": "x.y", "type": "DATE", "norm": "calendar", "anchors": ["MOON"], "pattern": "a"}',
            "expected 'anchors'",
        ),
    ],
    ids=["json", "macro", "normaliser", "type", "id", "regex", "field", "anchors"],
)
def test_timex_rule_file_errors_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "rules.jsonl"
    path.write_text("// comment\n" + line + "\n", encoding="utf-8")
    from extractor.temporal.normalize import NORMALIZERS

    with pytest.raises(RuleError) as error:
        load_rules(load_lexicon(), path, norms=set(NORMALIZERS))
    assert f"{path}:2" in str(error.value)
    assert message in str(error.value)


def test_timex_rule_file_duplicate_ids(tmp_path: Path) -> None:
    rule = '{"id": "x.y", "type": "DATE", "norm": "calendar", "anchors": ["MONTH"], "pattern": "a"}'
    path = tmp_path / "rules.jsonl"
    path.write_text(rule + "\n" + rule + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_rules(load_lexicon(), path)


def test_timex_packaged_rule_ids_are_unique() -> None:
    ids = [
        json.loads(line)["id"]
        for line in RULES_PATH.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("//")
    ]
    assert len(ids) == len(set(ids))


# ---- dateparser fallback --------------------------------------------------------------------------------


def test_timex_dateparser_fallback_is_counted_and_cached(tmp_path: Path) -> None:
    rules = tmp_path / "rules.jsonl"
    rules.write_text(
        '{"id": "date.fallback_test", "type": "DATE", "norm": "dateparser", "anchors": ["MONTH"],'
        ' "pattern": "the ides of March 2024",'
        ' "examples": ["the ides of March 2024"]}\n'
        '{"id": "date.fallback_iso", "type": "DATE", "norm": "dateparser", "anchors": ["MONTH"],'
        ' "pattern": "3rd of March, 2024"}\n',
        encoding="utf-8",
    )
    tagger = TemporalTagger(rules_path=str(rules))
    reset_dateparser_calls()
    first = tagger.tag("It happened on 3rd of March, 2024.", "2025-10-30")
    assert [(t.text, t.value) for t in first] == [("3rd of March, 2024", "2024-03-03")]
    assert dateparser_calls() == 1
    tagger.tag("It happened on 3rd of March, 2024.", "2025-10-30")
    assert dateparser_calls() == 1, "the second call must come from the cache"
    without = TemporalTagger(rules_path=str(rules), use_fallback=False).tag(
        "It was 3rd of March, 2024.", None
    )
    assert [(t.text, t.value) for t in without] == [("3rd of March, 2024", None)]


def test_timex_long_tail_goes_to_dateparser_once() -> None:
    reset_dateparser_calls()
    text = "The order dated 26-Oct-2024 was leaked; a copy dated 26-Oct-2024 followed."
    assert [t.value for t in _TAGGER.tag(text, "2025-10-30")] == ["2024-10-26", "2024-10-26"]
    assert dateparser_calls() <= 1


def test_timex_common_forms_never_call_dateparser() -> None:
    reset_dateparser_calls()
    _TAGGER.tag(ARTICLE * 3, "2025-10-30")
    assert dateparser_calls() == 0


# ---- robustness ------------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789 -/.,:'aAdeJMOnorsTuyZ\n")), max_size=80),
    st.sampled_from(["2025-10-30", None, "2000-02-29"]),
)
def test_timex_never_crashes_and_offsets_are_exact(text: str, dct: str | None) -> None:
    for timex in _TAGGER.tag(text, dct):
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


def test_timex_anchor_windows_find_what_a_full_scan_finds() -> None:
    from test_timex_table import ATTRIBUTE_CASES, CASES

    texts = [case[1] for case in CASES] + [case[1] for case in ATTRIBUTE_CASES] + [ARTICLE]
    texts.append(" ".join(texts))
    recognizer = _TAGGER.recognizer
    for text in texts:
        windowed = sorted((c.start, c.end, c.rule.id) for c in recognizer.find(text))
        full = sorted((c.start, c.end, c.rule.id) for c in recognizer.find(text, full_scan=True))
        assert windowed == full, text


def test_timex_rule_examples_contain_their_anchors() -> None:
    from extractor.temporal.anchors import AnchorIndex

    index = AnchorIndex(load_lexicon())
    for rule in _TAGGER.rules:
        for example in rule.examples:
            classes = index.classify(example)
            assert any(classes.get(name) for name in rule.anchors), (rule.id, example, dict(classes))


def test_timex_first_character_filter_keeps_every_match() -> None:
    from test_timex_table import ATTRIBUTE_CASES, CASES

    from extractor.temporal.rules import compile_pattern

    text = " ".join([case[1] for case in CASES] + [case[1] for case in ATTRIBUTE_CASES] + [ARTICLE])
    lexicon = load_lexicon()
    filtered = 0
    for rule in _TAGGER.rules:
        plain = compile_pattern(
            rule.pattern, lexicon, case_sensitive=not rule.regex.flags & 2, first_char_filter=False
        )
        assert [m.span() for m in rule.regex.finditer(text)] == [m.span() for m in plain.finditer(text)], (
            rule.id
        )
        filtered += rule.regex.pattern != plain.pattern
    assert filtered > len(_TAGGER.rules) // 2, "the filter should apply to most rules"


@pytest.mark.parametrize(
    "sample, expected",
    [
        ("RUSSIAN JETS LAND IN SYRIA ON OCTOBER 26", True),
        ("Russian jets land in Syria on October 26", False),
        ("ÉTAT-MAJOR: AVIONS À HMEIMIM", True),  # accented capitals count as letters, not as A-Z capitals
        ("Ünïcödé ẞ ÉÉÉÉ ab", False),
        ("12345 ---", False),  # no letters at all
        ("", False),
    ],
)
def test_timex_all_capitals_check(sample: str, expected: bool) -> None:
    import re

    from extractor.temporal.recognize import _shouting

    letters = re.findall(r"[^\W\d_]", sample)
    reference = bool(letters) and len(re.findall(r"[A-Z]", sample)) / len(letters) > 0.8
    assert _shouting(sample) is reference
    assert _shouting(sample) is expected


@given(st.text(alphabet="aZ09q_-'’ .:İß²\n", max_size=60))
@settings(max_examples=300, deadline=None)
def test_timex_anchor_classes_match_a_plain_word_loop(text: str) -> None:
    """The split-and-intersect classifier finds the same anchors as looking up every \\w+ word in turn."""
    import re

    from extractor.temporal.anchors import _DIGIT_TOKEN, _YEAR_SUFFIX

    index = _TAGGER.recognizer.anchor_index
    expected: dict[str, list[tuple[int, int]]] = {}
    lowered = "".join(char.lower()[0] for char in text)
    for match in re.finditer(r"\w+", lowered):
        token, (start, end) = match.group(), match.span()
        if token[0].isdigit():
            names = ["NUMBER", *index._digit_classes(text, text[start:end], start)]
        elif token in index.words:
            names = list(index.words[token])
        elif token[0] == "q" and _DIGIT_TOKEN["QUARTER"].fullmatch(token):
            names = ["QUARTER"]
        elif token[-1].isdigit() and _YEAR_SUFFIX.search(token):
            names = ["YEAR"]
        else:
            names = []
        for name in names:
            expected.setdefault(name, []).append((start, end))
    assert {k: v for k, v in index.classify(text).items() if v} == expected


_PIECES = (
    "the|last|next|early|mid-|late|Monday|Oct.|October|26|26th|2025|1990s|'90s|'98|two|three-month|days|weeks|"
    "ago|later|earlier|of|and|to|-|,|.|10:35|p.m.|0612Z|noon|every|twice|a|week|year-end|Q3|quarter|spring|now|"
    "recently|the past|more than|about|half|an|hour|between|since|Su-35|An-26|flew|will|fiscal|FY2024|end|"
    "weekend|tonight|morning|century|21st"
).split("|")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40), st.sampled_from([" ", "  ", "\n"]))
def test_timex_word_start_search_finds_what_a_full_scan_finds(pieces: list[str], space: str) -> None:
    """Rules tried only at the word starts before their anchors find exactly what scanning the whole text
    finds, on random mixtures of time words, numbers and punctuation."""
    text = space.join(pieces)
    recognizer = _TAGGER.recognizer
    windowed = sorted((c.start, c.end, c.rule.id) for c in recognizer.find(text))
    full = sorted((c.start, c.end, c.rule.id) for c in recognizer.find(text, full_scan=True))
    assert windowed == full


def test_timex_word_start_rules_are_told_apart() -> None:
    from extractor.temporal.rules import starts_with_word_character

    lexicon = load_lexicon()
    assert starts_with_word_character("(?P<month>{MONTH}) (?P<day>{DAY})", lexicon)
    assert starts_with_word_character("(?:the )?(?P<num>{NUM}) (?P<unit>{UNIT})", lexicon)
    assert not starts_with_word_character("(?P<yy>'\\d\\d)(?!s)", lexicon)  # begins with an apostrophe
    assert not starts_with_word_character("(?:the )?'(?P<decade_short>\\d0)'?s", lexicon)
    assert not starts_with_word_character("(?:x)?(?:-)?y", lexicon)  # may begin with "-"
    word_start = {rule.id: rule.word_start for rule in _TAGGER.rules}
    assert word_start["date.month_day"] and not word_start["date.year_short"]
    assert sum(word_start.values()) > len(word_start) * 0.9


@pytest.mark.parametrize(
    ("text", "lowers"),
    [
        ("October \x00 landed", ["october", "\x00", "landed"]),  # a control character is a token of its own
        ("İSTANBUL jets LANDED", ["i̇stanbul", "jets", "landed"]),  # lower-casing that lengthens a word
        ("It didn't  land", ["it", "did", "n't", "land"]),
    ],
)
def test_timex_tense_cues_tokens_keep_their_offsets(text: str, lowers: list[str]) -> None:
    from extractor.temporal.tense import SentenceCues

    cues = SentenceCues(text)
    assert cues.lowers == lowers
    for start, end, lower in zip(cues.token_starts, cues.token_ends, cues.lowers, strict=True):
        assert text[start:end].lower() == lower


# -- the speed-ups must not change what is found ----------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab_1 ,.\n-'éñ’—½²\u0301\u00a0ſKİ日", max_size=40))
def test_timex_word_split_matches_the_regex_split(text: str) -> None:
    """The anchor index reads words with byte operations (and an ASCII stand-in for other characters); they
    are the words and offsets the (\\W+) split gives."""
    from itertools import accumulate

    from extractor.temporal.anchors import _WORD_SPLIT, _words

    parts = _WORD_SPLIT.split(text)
    assert _words(text) == (parts[0::2], list(accumulate(map(len, parts), initial=0))[0::2])


def test_timex_ascii_twins_match_alike_on_ascii_text() -> None:
    """The recogniser's ASCII twins (used for ASCII-only texts) find what the rules as loaded find."""
    import re

    from extractor.temporal.twins import ascii_twin

    assert ascii_twin(re.compile("ſ", re.IGNORECASE)).flags & re.ASCII == 0  # stands for "s": no twin
    assert ascii_twin(re.compile("[\u212a]", re.IGNORECASE)).flags & re.ASCII == 0  # the Kelvin sign
    assert ascii_twin(re.compile(r"\bOct\w*", re.IGNORECASE)).flags & re.ASCII
    recognizer = _TAGGER.recognizer
    tables, twins = recognizer._tables, recognizer._ascii_tables
    assert all(rule.unguarded.flags & re.ASCII for rule in twins.rules)
    text = ARTICLE + " Around 2 p.m. on Sept. 3, 2024, two An-26s flew for about three hours or so."
    assert text.isascii()
    found = sorted((m.span(), rule.id) for rule, m in recognizer._search(text, tables))
    assert found == sorted((m.span(), rule.id) for rule, m in recognizer._search(text, twins))


@pytest.mark.parametrize(
    "text", ["An Il-76 flew in - and out -- at 10:35, late.", "a-b- -c d--e (x) 5-6", "", " - ", "Su-35s"]
)
def test_timex_tense_split_without_apostrophe_is_the_full_split(text: str) -> None:
    from extractor.temporal.tense import _TOKEN_SPLIT, _TOKEN_SPLITS

    assert "'" not in text
    assert _TOKEN_SPLITS[text.isascii(), False].split(text) == _TOKEN_SPLIT.split(text)


def test_timex_results_are_plain_frozen_timexes() -> None:
    """Timex objects are built without the dataclass constructor; they must equal constructed ones."""
    import dataclasses

    from extractor.temporal import Timex

    timexes = _TAGGER.tag(ARTICLE, "2025-10-30")
    assert timexes
    for timex in timexes:
        assert list(vars(timex)) == [field.name for field in dataclasses.fields(Timex)]
        assert timex == Timex(**vars(timex))
        assert list(timex.to_dict())[:10] == [field.name for field in dataclasses.fields(Timex)][:10]
        with pytest.raises(dataclasses.FrozenInstanceError):
            timex.start = 0  # type: ignore[misc]
