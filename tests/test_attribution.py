from __future__ import annotations

import pytest


def _names(sources):
    return [s["name"] for s in sources]


CASES = [
    (
        "citing-chain",
        "Bloomberg, citing data from flight tracking platform Flightradar24 and a source with direct ties to the "
        "Kremlin, confirmed the resumption of operations.",
        [("Bloomberg", ["Flightradar24", "source with direct ties to the Kremlin"])],
    ),
    ("according-to", "According to Flightradar24, an Il-76 landed at Hmeimim.", [(None, ["Flightradar24"])]),
    ("reported", "An Il-76 landed at Hmeimim, Reuters reported.", [("Reuters", [])]),
    ("told", "Two officials told Reuters that an Il-76 landed at Hmeimim.", [("Reuters", ["officials"])]),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_attribution_table(run, name, text, expected):
    found = run(text, "2025-10-30")._.attributions
    assert len(found) == len(expected)
    for attribution, (outlet, cites) in zip(found, expected):
        assert (attribution["outlet"]["name"] if attribution["outlet"] else None) == outlet
        assert _names(attribution["cites"]) == cites


def test_attribution_scope_continues_to_following_sentences(run):
    text = (
        "According to Flightradar24, two aircraft flew to Latakia. "
        "An Il-76 landed at Hmeimim on Monday. "
        "Separately, Reuters reported that an An-124 landed at Benina."
    )
    doc = run(text, "2025-10-30")
    events = doc._.events
    assert _names(events[0]["sources"]) == ["Flightradar24"]
    assert _names(events[-1]["sources"]) == ["Reuters"]
