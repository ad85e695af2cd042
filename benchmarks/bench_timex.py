"""Throughput of the timex_tagger component against dateparser.search_dates on the same articles.

    python benchmarks/bench_timex.py [--articles 200] [--dateparser-limit N] [--seed 7] [--repeat 3]

Articles come from ``corpus/articles/**/*.txt`` (with the publication date from the ``.meta.json`` beside each
file) and are topped up to ``--articles`` with generated ones: a headline plus sentences written for this
benchmark, combined at random with a fixed seed (about four in ten carry a time expression). Both systems see
exactly the same texts and dates; the tagger runs as a blank English spaCy pipeline (sentencizer +
timex_tagger, with the tokenizer keeping each Doc's text as the project pipeline's does), dateparser as
``search_dates(text, settings={"RELATIVE_BASE": dct}, languages=["en"])``. Each system is timed ``--repeat`` times and the fastest run is kept. Prints a table with articles per second for
the component alone and with the tokenizer and sentencizer (which the project pipeline runs anyway),
expressions found, dateparser calls per article, and the speed ratios (target: component >= 20x faster).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADLINES = [
    "Russian transport jets keep up Syria shuttle",
    "Tracker data show new flights to eastern Libya",
    "Air force moves tankers ahead of exercise",
    "Cargo flights resume after long pause",
    "Bombers return to northern base",
]

SENTENCES = [
    "An Ilyushin Il-76 of the Russian Air Force landed at Hmeimim on {md} after a {n}-month hiatus.",
    "Flight-tracking data showed the aircraft left Chkalovsky at {hhmm}Z and crossed Iranian airspace.",
    "Two days later the same An-124 flew on to Benghazi, according to a source with ties to the ministry.",
    "The ministry said on {wd} that more flights would follow next week.",
    "Since {md}, at least {k} flights have used the route, most of them at night.",
    "A Su-35 escorted the transport over the Mediterranean, while an F-16 shadowed it from a distance.",
    "The base has been expanded in recent years and now hosts a squadron of Tu-22M3 bombers.",
    "Earlier this month, a C-130 delivered spare parts for the Il-76 fleet.",
    "Officials declined to comment on the flights for now.",
    "The airlift is expected to continue until {md2}, a spokesman said.",
    "Last year the route carried about {k},200 tonnes of cargo.",
    "Satellite images taken on {wd} showed four aircraft on the apron.",
    "The tanker took off at {h}:{mm} a.m. local time and returned three hours later.",
    "Crews fly the shuttle twice a week, and a daily courier links the base with Moscow.",
    "The contract, signed in March 2024, covers the next three years.",
    "In the 1990s the airfield was used only by civilian traffic.",
    "The deployment is the largest since the third quarter of {y}.",
    "Local media reported that the An-26 was grounded for several weeks last winter.",
    "The aircraft is due back at its home base by the end of the month.",
    "A second Il-62M arrived the following day with a delegation on board.",
    "Analysts expect the tempo to rise in the coming weeks.",
    "The runway, closed for repairs for six months, reopened on {wd2}.",
    "Between {mon} {d} and {d2}, tracker data logged no movements at all.",
    "Radar data from {y} suggests the same aircraft flew the route every two weeks.",
    "The An-124 landed shortly after midnight and left before dawn.",
    "At least 35 aircraft and 1,200 troops took part in the exercise.",
    "The squadron will redeploy to the north in early {mon2}.",
    "A year ago the apron was empty; today it is crowded with transports.",
    "The flight lasted four hours and 20 minutes, longer than usual.",
    "The crew rested for two days before the return leg on {wd}.",
]

# Most sentences of a news article carry no time expression; these keep the generated articles realistic.
FILLER = [
    "The aircraft, a four-engine heavy transport, is operated by the 224th Flight Unit.",
    "Its transponder was switched off over the sea, a common practice on such routes.",
    "The airfield sits on the coast south of the port and has a single long runway.",
    "Analysts said the pattern pointed to a steady supply of spare parts and ammunition.",
    "The defence ministry did not respond to a request for comment.",
    "A spokesman for the airport authority declined to discuss military traffic.",
    "Open-source researchers matched the registration with photographs taken by spotters.",
    "The route avoids the airspace of several European countries.",
    "Cargo manifests for the flights have not been published.",
    "The base also hosts a small detachment of helicopters and a field hospital.",
    "Diplomats in the region have raised concerns about the build-up.",
    "The government has denied that any weapons were delivered.",
    "Satellite imagery showed new revetments along the northern apron.",
    "The carrier is subject to sanctions and cannot buy parts in the West.",
    "Pilots on the route file flight plans that list a civilian destination.",
    "A second tracking service confirmed the call sign but not the cargo.",
    "The plane was built in Tashkent and later upgraded with new engines.",
    "Residents near the airport reported heavy traffic at night.",
    "The alliance said it was monitoring the situation closely.",
    "Such flights are usually coordinated with the foreign ministry.",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def generated_articles(count: int, seed: int) -> list[tuple[str, str]]:
    """(text, dct) pairs built from the sentence bank above."""
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        dct = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
        fill = {
            "md": f"{MONTHS[rng.randrange(12)]} {rng.randrange(1, 29)}",
            "md2": f"{MONTHS[rng.randrange(12)][:3]}. {rng.randrange(1, 29)}",
            "n": rng.choice(["two", "three", "six", "nine"]),
            "hhmm": f"{rng.randrange(24):02d}{rng.randrange(60):02d}",
            "wd": rng.choice(WEEKDAYS),
            "wd2": rng.choice(WEEKDAYS),
            "k": rng.randrange(2, 60),
            "h": rng.randrange(1, 12),
            "mm": f"{rng.randrange(60):02d}",
            "y": rng.randrange(2015, 2025),
            "mon": rng.choice(MONTHS),
            "mon2": rng.choice(MONTHS),
            "d": rng.randrange(1, 20),
            "d2": rng.randrange(20, 29),
        }
        body = [
            (rng.choice(SENTENCES) if rng.random() < 0.4 else rng.choice(FILLER)).format(**fill)
            for _ in range(rng.randrange(10, 22))
        ]
        articles.append((rng.choice(HEADLINES) + "\n\n" + " ".join(body), dct.isoformat()))
    return articles


def corpus_articles() -> list[tuple[str, str | None]]:
    """(text, published) for every corpus/articles/**/*.txt; the date comes from the .meta.json beside it."""
    articles = []
    for path in sorted((ROOT / "corpus" / "articles").glob("**/*.txt")):
        meta_path = path.with_suffix(".meta.json")
        published = None
        if meta_path.exists():
            try:
                published = json.loads(meta_path.read_text(encoding="utf-8")).get("published")
            except (OSError, json.JSONDecodeError):
                published = None
        articles.append((path.read_text(encoding="utf-8"), published))
    return articles


def run_tagger(articles: list[tuple[str, str | None]]) -> tuple[float, float, int, int]:
    """(seconds in the timex_tagger component, seconds for the whole pipeline including the tokenizer and the
    sentencizer, expressions found, dateparser calls) over ``articles``."""
    import spacy

    import extractor.components.timex  # noqa: F401  registers the factory
    from extractor.extensions import keep_text
    from extractor.temporal import dateparser_calls, reset_dateparser_calls

    nlp = spacy.blank("en")
    sentencizer = nlp.add_pipe("sentencizer")
    timex = nlp.add_pipe("timex_tagger")
    keep_text(nlp)  # as the project pipeline does: the tokenizer keeps each Doc's text for the components
    for text, dct in articles[:5]:  # warm-up: regex and tokenizer caches
        doc = nlp.make_doc(text)
        doc._.dct = dct
        timex(sentencizer(doc))
    reset_dateparser_calls()
    found = 0
    component = 0.0
    started = time.perf_counter()
    for text, dct in articles:
        doc = nlp.make_doc(text)
        doc._.dct = dct
        doc = sentencizer(doc)
        before = time.perf_counter()
        doc = timex(doc)
        component += time.perf_counter() - before
        found += len(doc._.timexes)
    return component, time.perf_counter() - started, found, dateparser_calls()


def run_dateparser(articles: list[tuple[str, str | None]]) -> tuple[float, int]:
    """Seconds and dates found by dateparser.search_dates over ``articles``."""
    from dateparser.search import search_dates

    for text, dct in articles[:5]:  # warm-up: language data and caches
        search_dates(
            text, settings={"RELATIVE_BASE": datetime.fromisoformat(dct)} if dct else {}, languages=["en"]
        )
    found = 0
    started = time.perf_counter()
    for text, dct in articles:
        settings = {}
        if dct:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(dct)
        result = search_dates(text, settings=settings, languages=["en"])
        found += len(result or [])
    return time.perf_counter() - started, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=200, help="total articles (corpus first, then generated)"
    )
    parser.add_argument(
        "--dateparser-limit",
        type=int,
        default=None,
        help="run dateparser on only the first N articles (its rate is still per article)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time each system this many times and keep the fastest run (less noise from other load)",
    )
    args = parser.parse_args(argv)

    articles = corpus_articles()[: args.articles]
    from_corpus = len(articles)
    articles += generated_articles(max(0, args.articles - from_corpus), args.seed)
    characters = sum(len(text) for text, _ in articles)

    component_seconds, pipeline_seconds, tagger_found, calls = min(
        (run_tagger(articles) for _ in range(max(1, args.repeat))), key=lambda run: run[0]
    )
    subset = articles[: args.dateparser_limit] if args.dateparser_limit else articles
    parser_seconds, parser_found = min(
        (run_dateparser(subset) for _ in range(max(1, args.repeat))), key=lambda run: run[0]
    )

    parser_rate = len(subset) / parser_seconds
    rows = [
        (
            "timex_tagger component",
            len(articles),
            component_seconds,
            tagger_found,
            f"{calls / len(articles):.3f}",
        ),
        ("  + tokenizer, sentencizer", len(articles), pipeline_seconds, tagger_found, ""),
        ("dateparser.search_dates", len(subset), parser_seconds, parser_found, "(all of them)"),
    ]
    print(
        f"{len(articles)} articles ({from_corpus} from corpus/articles, "
        f"{len(articles) - from_corpus} generated), "
        f"{characters / len(articles):.0f} characters on average"
    )
    print()
    print(
        f"{'system':<28}{'articles':>9}{'seconds':>10}{'articles/s':>12}{'ms/article':>12}{'found/art.':>11}"
        f"{'dateparser calls/art.':>23}"
    )
    for name, count, seconds, found, calls_text in rows:
        print(
            f"{name:<28}{count:>9}{seconds:>10.2f}{count / seconds:>12.1f}{1000 * seconds / count:>12.2f}"
            f"{found / count:>11.1f}{calls_text:>23}"
        )
    print()
    component_ratio = (len(articles) / component_seconds) / parser_rate
    pipeline_ratio = (len(articles) / pipeline_seconds) / parser_rate
    print(
        f"speed ratio, timex_tagger component vs dateparser.search_dates: {component_ratio:.1f}x "
        "(target >= 20x: "
        f"{'OK' if component_ratio >= 20 else 'BELOW TARGET'})"
    )
    print(f"speed ratio, with spaCy tokenizer and sentencizer included: {pipeline_ratio:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
