from __future__ import annotations

import pytest

CASES = [
    ("Bloomberg reported the flight.", [("Bloomberg", "Bloomberg", "media")]),
    ("FR24 data showed the flight.", [("FR24", "Flightradar24", "flight_tracker")]),
    (
        "Bloomberg, citing data from flight tracking platform Flightradar24 and a source with direct ties to the "
        "Kremlin, confirmed it.",
        [
            ("Bloomberg", "Bloomberg", "media"),
            ("Flightradar24", "Flightradar24", "flight_tracker"),
            ("a source with direct ties to the Kremlin", "source with direct ties to the Kremlin", "anonymous"),
        ],
    ),
    (
        "Two U.S. officials who spoke on condition of anonymity said it landed.",
        [("Two U.S. officials", "U.S. officials", "anonymous")],  # a relative clause is not the descriptor
    ),
    # the generic data noun belongs to the provider named after it (gold: "Satellite images taken by Maxar" -> Maxar)
    ("Satellite imagery from Maxar showed two jets.", [("Maxar", "Maxar Technologies", "imagery")]),
    ("Defence Minister Andrei Belousov said it landed.", [("Defence Minister Andrei Belousov", None, "official")]),
    ("It landed, according to The Sahel Observer.", [("The Sahel Observer", "The Sahel Observer", "media")]),
    ("It landed, data from Skyline Tracking showed.", [("Skyline Tracking", "Skyline Tracking", "other")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_sources_table(run, text, expected):
    found = run(text)._.sources
    assert [s["text"] for s in found] == [e[0] for e in expected]
    for source, (_, name, kind) in zip(found, expected):
        if name is not None:
            assert source["name"] == name
        assert source["kind"] == kind
