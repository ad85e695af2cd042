"""Batch benchmark: one command, a table on stdout, the figures in ``benchmarks/results/batch.json``.

    python benchmarks/bench_batch.py              # full run (about 7 minutes on 2 idle cores)
    python benchmarks/bench_batch.py --quick      # smaller sizes, to try it out (about 1 minute)

What it measures, in one run, on a generated corpus (sentence templates written for this benchmark, varied
aircraft, operators, places, dates and sources; seed 2025, so every run reads the same articles):

* throughput (words/s, articles/s) of the whole pipeline in one process, against spaCy's bare tokenizer
  (``spacy.blank("en").tokenizer``) and ``dateparser.search_dates`` over the same texts (search_dates on a
  sample, its time scaled to the corpus; the table says so);
* peak RSS of ``extractor extract --workers 1`` over 2,000 and 20,000 articles, each in a fresh process
  (memory must stay flat: the batch layer streams);
* the speed-up of ``--workers 2`` over ``--workers 1`` (CLI subprocesses on the same input, best of three
  alternating runs on the 2,000 articles, one run each on the 20,000: there the start-up, about 2 s for either
  side, weighs little), and the CPU seconds each process spends on the same work (on a machine shared with
  other jobs, wall-clock speed-up understates the pool);
* start-up time: import plus pipeline build, in a fresh process.

Targets (checked in the table): pipeline >= 20% of the bare tokenizer; >= 20x search_dates; workers 2 >= 1.6x
workers 1; peak RSS <= 600 MB and flat; start-up <= 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "batch.json"
SEED = 2025
REPEATS = 3

# --- the generated corpus -------------------------------------------------------------------------

AIRCRAFT = [
    ("an", "Il-76MD transport aircraft"),
    ("an", "An-124-100 Ruslan heavy-lift freighter"),
    ("a", "C-17A Globemaster III"),
    ("a", "C-130J Super Hercules"),
    ("an", "A400M Atlas"),
    ("an", "Il-62M airliner"),
    ("a", "KC-135R Stratotanker"),
    ("a", "KC-46A Pegasus tanker"),
    ("a", "P-8A Poseidon maritime patrol aircraft"),
    ("an", "RC-135W Rivet Joint"),
    ("an", "E-3 Sentry AWACS aircraft"),
    ("a", "Y-20 strategic airlifter"),
    ("a", "B-52H bomber"),
    ("an", "Airbus A330 MRTT"),
    ("a", "Tu-154 government jet"),
    ("an", "An-26 turboprop"),
    ("an", "Il-20M reconnaissance aircraft"),
    ("an", "MQ-9 Reaper drone"),
    ("a", "Tu-214 airliner"),
    ("a", "CC-177 Globemaster"),
    ("a", "C-5M Super Galaxy"),
    ("a", "Boeing 747-400F"),
]
OPERATORS = [
    "the Russian Aerospace Forces",
    "the US Air Force",
    "the Royal Air Force",
    "the Luftwaffe",
    "the French Air and Space Force",
    "the People's Liberation Army Air Force",
    "the Turkish Air Force",
    "the Royal Canadian Air Force",
    "the Italian Air Force",
    "the Qatar Emiri Air Force",
    "Silk Way Airlines",
    "the Royal Netherlands Air Force",
    "the Polish Air Force",
    "the Indian Air Force",
    "the Egyptian Air Force",
]
PLACES = [
    "Hmeimim",
    "Latakia",
    "Benghazi",
    "Chkalovsky airfield",
    "Ramstein Air Base",
    "Al Udeid",
    "Incirlik",
    "RAF Brize Norton",
    "RAF Akrotiri",
    "Rzeszow",
    "Leipzig",
    "Bamako",
    "Niamey",
    "Tripoli",
    "Tehran",
    "Minsk",
    "Djibouti",
    "Sigonella",
    "Souda Bay",
    "Nevatim",
    "Amman",
    "Cairo",
    "Tabriz",
    "Orenburg",
    "Larnaca",
    "Doha",
    "Ouagadougou",
    "Khartoum",
    "Port Sudan",
    "Constanta",
    "Otopeni",
    "Mihail Kogalniceanu",
    "Lajes Field",
    "Moron Air Base",
    "Fairford",
    "Mildenhall",
    "Aviano",
    "Bagram",
    "Erbil",
    "Ain al-Asad",
    "Baku",
    "Yerevan",
]
SOURCES = [
    "Flightradar24 data showed",
    "according to ADS-B Exchange",
    "flight trackers said",
    "a defence ministry spokesperson said",
    "Reuters reported",
    "satellite images from Maxar showed",
    "an official told reporters",
    "the Italian tracking site ItaMilRadar said",
    "local media reported",
    "two people familiar with the flights said",
    "the air force said in a statement",
]
LEAD_SOURCES = [
    "According to Flightradar24",
    "Flight tracking data showed that",
    "Officials said",
    "Satellite images indicate that",
    "A spokesperson for the base confirmed that",
    "Local media reported that",
]
EVENT_TEMPLATES = [
    "{count_word} {operator_adj}{aircraft_plural} flew from {origin} to {destination} {date}, {source}.",
    "{a_aircraft_cap} of {operator} landed at {destination} {date} after a flight from {origin}, {source}.",
    "{operator_cap} sent {count_word_lower} {aircraft_plural} to {destination} {date}, {source}.",
    "The {aircraft} took off from {origin} {date} and headed for {destination}, {source}.",
    "{lead_source} {a_aircraft} operated by {operator} arrived in {destination} from {origin} {date}.",
    "{a_aircraft_cap} was diverted to {destination} {date} while flying from {origin} to {other}, {source}.",
    "{count_word} {aircraft_plural} have made arrivals at {destination} since {since_date}, {source}.",
    "The {aircraft} returned to {origin} {date}, {source}.",
    "{operator_cap} is expected to deploy {count_word_lower} {aircraft_plural} to {destination} {date}.",
    "It was not clear whether the {aircraft} seen at {destination} {date} had come from {origin}.",
]
FILLER = [
    "The ministry did not respond to a request for comment.",
    "Officials declined to say what the aircraft were carrying.",
    "Analysts said the pattern of flights pointed to a sustained logistics operation.",
    "The base has been used for supply flights for more than a decade.",
    "Such flights are routine, a spokesperson said, and are planned weeks in advance.",
    "The runway was extended in 2019 to handle larger transport aircraft.",
    "Weather over the region delayed several departures earlier in the week.",
    "Neither government has published a schedule for the rotation.",
    "Tracking sites often lose aircraft that switch off their transponders over conflict zones.",
    "The deployment follows an agreement signed between the two countries last year.",
    "Photographs posted online showed pallets being unloaded on the apron.",
    "Residents near the airfield reported an unusual number of night-time movements.",
    '"We will continue to support our partners in the region," the statement said.',
    "The aircraft carry no weapons, according to the defence ministry.",
    "Earlier rotations lasted about six weeks.",
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
COUNT_WORDS = ["Two", "Three", "Four", "Five", "Six"]
TITLES = [
    "{aircraft} spotted at {destination}",
    "{operator_cap} moves aircraft to {destination}",
    "Transport flights to {destination} continue",
    "Airlift from {origin} enters its second week",
    "Flight trackers follow {aircraft} to {destination}",
    "{destination} sees new arrivals",
]
DATELINE_PLACES = ["MOSCOW", "WASHINGTON", "LONDON", "PARIS", "BEIRUT", "ANKARA", "CAIRO", "BERLIN", "DOHA"]
CREDITS = ["Reuters", "AFP", "AP"]


def _date_phrase(rng: random.Random, published: date) -> str:
    day = published - timedelta(days=rng.randint(0, 9))
    return rng.choice(
        [
            f"on {WEEKDAYS[day.weekday()]}",
            f"on {MONTHS[day.month - 1]} {day.day}",
            f"on {day.day} {MONTHS[day.month - 1]}",
            "last week",
            "earlier this month",
            f"early on {WEEKDAYS[day.weekday()]}",
            "two days later",
            "on Sunday night",
            f"on {MONTHS[day.month - 1][:3]}. {day.day}",
        ]
    )


def make_article(n: int, rng: random.Random) -> dict:
    """One article: id, title, published and a text of 6 to 14 sentences in 2 to 4 paragraphs."""
    published = date(2023, 1, 1) + timedelta(days=rng.randint(0, 1000))
    operator = rng.choice(OPERATORS)
    slots = {
        "aircraft": rng.choice(AIRCRAFT)[1].split()[0],
        "operator_cap": operator[0].upper() + operator[1:],
        "origin": rng.choice(PLACES),
        "destination": rng.choice(PLACES),
    }
    sentences = []
    fillers = rng.sample(FILLER, len(FILLER))
    for _ in range(rng.randint(6, 14)):
        if rng.random() < 0.5:
            operator = rng.choice(OPERATORS)
            count_word = rng.choice(COUNT_WORDS)
            source = rng.choice(SOURCES)
            article, aircraft = rng.choice(AIRCRAFT)
            values = {
                "aircraft": aircraft,
                "a_aircraft": f"{article} {aircraft}",
                "a_aircraft_cap": f"{article.capitalize()} {aircraft}",
                "aircraft_plural": _plural(aircraft),
                "lead_source": rng.choice(LEAD_SOURCES),
                "operator": operator,
                "operator_cap": operator[0].upper() + operator[1:],
                "operator_adj": rng.choice(["", "Russian ", "American ", "British ", "Chinese ", "Turkish "]),
                "origin": rng.choice(PLACES),
                "destination": rng.choice(PLACES),
                "other": rng.choice(PLACES),
                "date": _date_phrase(rng, published),
                "since_date": f"{MONTHS[published.month - 1]} {rng.randint(1, 28)}",
                "source": source,
                "source_cap": source[0].upper() + source[1:],
                "count_word": count_word,
                "count_word_lower": count_word.lower(),
            }
            sentences.append(rng.choice(EVENT_TEMPLATES).format(**values))
        else:
            sentences.append(fillers.pop())
    paragraphs, start = [], 0
    for size in _split(len(sentences), rng):
        paragraphs.append(" ".join(sentences[start : start + size]))
        start += size
    if rng.random() < 0.4:
        credit = rng.choice(CREDITS)
        month = MONTHS[published.month - 1][:3]
        paragraphs[0] = f"{rng.choice(DATELINE_PLACES)}, {month} {published.day} ({credit}) - {paragraphs[0]}"
    title = rng.choice(TITLES).format(**slots)
    article = {"id": f"bench-{n:06d}", "title": title, "text": "\n\n".join(paragraphs)}
    if rng.random() < 0.8:
        article["published"] = published.isoformat()
    return article


def _plural(aircraft: str) -> str:
    """'Il-76MD transport aircraft' stays; 'Globemaster III' -> 'Globemaster IIIs'; else add an 's'."""
    head = aircraft.rsplit(" ", 1)
    if head[-1] in {"aircraft", "III"}:
        return aircraft if head[-1] == "aircraft" else aircraft.replace("Globemaster III", "Globemaster IIIs")
    return aircraft + "s"


def _split(total: int, rng: random.Random) -> list[int]:
    parts = rng.randint(2, min(4, total))
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def make_corpus(count: int, seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    return [make_article(n, rng) for n in range(count)]


def write_corpus(path: Path, count: int, seed: int = SEED) -> Path:
    """Write ``count`` articles as JSONL (streamed: 20,000 articles never sit in memory at once)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            handle.write(json.dumps(make_article(n, rng), ensure_ascii=False) + "\n")
    return path


# --- measurements ---------------------------------------------------------------------------------


def words(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


def time_pipeline(texts: list[dict]) -> tuple[float, float]:
    """(seconds to extract every article in this process, build seconds)."""
    from extractor import Extractor

    started = time.perf_counter()
    extractor = Extractor()
    built = time.perf_counter() - started
    extractor.extract(texts[0]["text"], published=texts[0].get("published"))  # warm the caches once
    started = time.perf_counter()
    for article in texts:
        extractor.extract_record(article)
    return time.perf_counter() - started, built


def time_tokenizer(texts: list[str]) -> float:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    tokenizer(texts[0])
    started = time.perf_counter()
    for text in texts:
        tokenizer(text)
    return time.perf_counter() - started


def time_search_dates(texts: list[str], sample: int) -> tuple[float, int]:
    """(seconds scaled to all texts, sample size)."""
    from dateparser.search import search_dates

    chosen = texts[:sample]
    search_dates(chosen[0], languages=["en"])
    started = time.perf_counter()
    for text in chosen:
        search_dates(text, languages=["en"])
    elapsed = time.perf_counter() - started
    return elapsed * words(texts) / max(1, words(chosen)), len(chosen)


_RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


def run_cli(corpus: Path, out: Path, workers: int) -> tuple[float, float]:
    """Run ``extractor extract`` in a fresh process: (wall seconds, peak RSS in MB of the largest process)."""
    command = [
        sys.executable,
        "-m",
        "extractor",
        "extract",
        str(corpus),
        "-o",
        str(out),
        "--force",
        "--quiet",
        "--workers",
        str(workers),
    ]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RSS_WRAPPER, *command], capture_output=True, text=True, cwd=ROOT, env=_env()
    )
    wall = time.perf_counter() - started
    peak_kb, code = done.stdout.split()
    if code != "0":
        raise RuntimeError(f"extractor extract exited with {code}: {done.stderr[-2000:]}")
    return wall, int(peak_kb) / 1024


def cpu_split(corpus: list[dict]) -> dict | None:
    """CPU seconds of the work in one process vs in each of two pool workers (Linux: /proc/<pid>/stat).

    On a machine whose cores are shared with other jobs, wall-clock speed-up understates the pool; the CPU
    split shows whether the work itself divides evenly and what the pool adds.
    """
    from extractor.batch import BatchConfig, PoolEngine, SerialEngine

    if not Path("/proc/self/stat").exists():
        return None
    entries = list(enumerate(corpus, 1))
    serial = SerialEngine(BatchConfig(workers=1))
    before = _cpu_seconds(os.getpid())
    for _ in serial.outcomes(entries):
        pass
    serial_cpu = _cpu_seconds(os.getpid()) - before
    with PoolEngine(BatchConfig(workers=2)) as pool:
        pids = [worker.process.pid for worker in pool.workers]
        start = [_cpu_seconds(pid) for pid in pids]
        started = time.perf_counter()
        for _ in pool.outcomes(entries):
            pass
        wall = time.perf_counter() - started
        workers = [_cpu_seconds(pid) - cpu for pid, cpu in zip(pids, start, strict=True)]
    return {
        "serial_cpu_s": serial_cpu,
        "worker_cpu_s": workers,
        "pool_wall_s": wall,
        "cpu_speedup": serial_cpu / max(workers),
        "overhead": sum(workers) / serial_cpu - 1,
    }


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def startup_seconds() -> float:
    """Import plus pipeline build in a fresh process (best of three)."""
    code = (
        "import time; t = time.perf_counter(); from extractor import Extractor; Extractor(); "
        "print(time.perf_counter() - t)"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=_env()
            ).stdout
        )
        for _ in range(3)
    ]
    return min(runs)


def _commit() -> str | None:
    """HEAD, with "+dirty" when the work tree differs (others may be editing the components)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
    except OSError:
        return None
    return f"{head}+dirty" if dirty else head or None


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# --- the run --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the benchmark out")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    small, large = (300, 3000) if args.quick else (2000, 20000)
    sample = 40 if args.quick else 150

    corpus = make_corpus(small)
    texts = [a["text"] for a in corpus]
    n_words = words(texts)
    pipeline_s, _ = time_pipeline(corpus)
    tokenizer_s = time_tokenizer(texts)
    search_dates_s, sampled = time_search_dates(texts, sample)
    startup = startup_seconds()
    split = cpu_split(corpus)

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp)
        small_path = write_corpus(folder / "small.jsonl", small)
        large_path = write_corpus(folder / "large.jsonl", large)
        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        runs: dict[int, list[float]] = {1: [], 2: []}
        rss_small = 0.0
        for _ in range(REPEATS):  # alternate, best of REPEATS: other jobs on a shared machine come and go
            for workers in (1, 2):
                wall, rss = run_cli(small_path, folder / f"out{workers}.jsonl", workers=workers)
                runs[workers].append(wall)
                rss_small = max(rss_small, rss) if workers == 1 else rss_small
        one_s, two_s = min(runs[1]), min(runs[2])
        identical = (folder / "out1.jsonl").read_bytes() == (folder / "out2.jsonl").read_bytes()
        # the large corpus: peak RSS of --workers 1, and the speed-up once start-up (paid once by each side,
        # about 2 s) is small next to the work, as in the folders of tens of thousands of articles the tool is for
        large_one_s, rss_large = run_cli(large_path, folder / "out-large1.jsonl", workers=1)
        large_two_s, _ = run_cli(large_path, folder / "out-large2.jsonl", workers=2)
        large_identical = (folder / "out-large1.jsonl").read_bytes() == (folder / "out-large2.jsonl").read_bytes()

    results = {
        "corpus": {"articles": small, "words": n_words, "seed": SEED, "large_articles": large},
        "pipeline": {
            "seconds": pipeline_s,
            "words_per_s": n_words / pipeline_s,
            "articles_per_s": small / pipeline_s,
        },
        "tokenizer": {"seconds": tokenizer_s, "words_per_s": n_words / tokenizer_s},
        "search_dates": {
            "seconds_scaled": search_dates_s,
            "sample_articles": sampled,
            "words_per_s": n_words / search_dates_s,
        },
        "workers": {
            "runs_s": runs,
            "load_before": load_before,
            "one_s": one_s,
            "two_s": two_s,
            "speedup": one_s / two_s,
            "identical_output": identical,
            "cores": os.cpu_count(),
            "large": {
                "articles": large,
                "one_s": large_one_s,
                "two_s": large_two_s,
                "speedup": large_one_s / large_two_s,
                "identical_output": large_identical,
            },
        },
        "rss_mb": {str(small): rss_small, str(large): rss_large, "growth": rss_large / rss_small},
        "startup_s": startup,
        "cpu_split": split,
        "notes": [
            f"search_dates(text, languages=['en']) timed on the first {sampled} articles, scaled by words",
            f"workers: wall time of `extractor extract --workers N` subprocesses, start-up included, best of "
            f"{REPEATS} alternating runs",
            "peak RSS: ru_maxrss of the largest process of the run (--workers 1: one process)",
        ],
        "commit": _commit(),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_avg_1m": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        },
    }
    results["targets"] = _targets(results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(_table(results))
    print(f"\nwritten: {args.output}")
    return 0


def _targets(r: dict) -> dict:
    ratio_tok = r["pipeline"]["words_per_s"] / r["tokenizer"]["words_per_s"]
    ratio_sd = r["pipeline"]["words_per_s"] / r["search_dates"]["words_per_s"]
    rss = r["rss_mb"]
    return {
        "pipeline_vs_tokenizer": {"value": ratio_tok, "target": ">= 0.20", "met": ratio_tok >= 0.20},
        "pipeline_vs_search_dates": {"value": ratio_sd, "target": ">= 20", "met": ratio_sd >= 20},
        "workers_2_speedup": {
            "value": r["workers"]["speedup"],
            "target": ">= 1.6 (2,000 articles)",
            "met": r["workers"]["speedup"] >= 1.6,
        },
        "workers_2_speedup_large": {
            "value": r["workers"]["large"]["speedup"],
            "target": f">= 1.6 ({r['workers']['large']['articles']:,} art.)",
            "met": r["workers"]["large"]["speedup"] >= 1.6,
        },
        "peak_rss_mb": {
            "value": max(v for k, v in rss.items() if k != "growth"),
            "target": "<= 600",
            "met": max(v for k, v in rss.items() if k != "growth") <= 600,
        },
        "rss_flat": {
            "value": rss["growth"],
            "target": "<= 1.15 (large / small)",
            "met": rss["growth"] <= 1.15,
        },
        "startup_s": {"value": r["startup_s"], "target": "<= 3", "met": r["startup_s"] <= 3},
    }


def _table(r: dict) -> str:
    c = r["corpus"]
    rows = [
        ("corpus", f"{c['articles']:,} articles, {c['words']:,} words (seed {c['seed']})", ""),
        (
            "pipeline, 1 process",
            f"{r['pipeline']['words_per_s']:,.0f} words/s, {r['pipeline']['articles_per_s']:,.1f} articles/s",
            "",
        ),
        ("spaCy bare tokenizer", f"{r['tokenizer']['words_per_s']:,.0f} words/s", ""),
        (
            "dateparser.search_dates",
            f"{r['search_dates']['words_per_s']:,.0f} words/s "
            f"(sample of {r['search_dates']['sample_articles']} articles, scaled)",
            "",
        ),
        (
            "workers 1 / 2 (CLI)",
            f"{r['workers']['one_s']:.1f} s / {r['workers']['two_s']:.1f} s, "
            f"identical output: {r['workers']['identical_output']}; load average before "
            f"{r['workers']['load_before']:.1f} on {r['workers']['cores']} cores",
            "",
        ),
        (
            f"workers 1 / 2, {r['workers']['large']['articles']:,} art.",
            f"{r['workers']['large']['one_s']:.1f} s / {r['workers']['large']['two_s']:.1f} s, "
            f"identical output: {r['workers']['large']['identical_output']} (one run each)",
            "",
        ),
        (
            "CPU split (in process)",
            "n/a"
            if not r["cpu_split"]
            else f"1 process {r['cpu_split']['serial_cpu_s']:.1f} s CPU; 2 workers "
            + " + ".join(f"{c:.1f}" for c in r["cpu_split"]["worker_cpu_s"])
            + f" s CPU (pool wall {r['cpu_split']['pool_wall_s']:.1f} s): CPU speed-up "
            f"{r['cpu_split']['cpu_speedup']:.2f}x, overhead {100 * r['cpu_split']['overhead']:.0f}%",
            "",
        ),
        (
            "peak RSS",
            ", ".join(f"{k} articles: {v:,.0f} MB" for k, v in r["rss_mb"].items() if k != "growth"),
            "",
        ),
        ("start-up (import + build)", f"{r['startup_s']:.2f} s", ""),
    ]
    lines = [f"{'measure':<28} {'value'}", "-" * 100]
    lines += [f"{name:<28} {value}" for name, value, _ in rows]
    lines += ["", f"{'target':<28} {'value':>10}  {'goal':<26} met", "-" * 72]
    for name, t in r["targets"].items():
        lines.append(f"{name:<28} {t['value']:>10.2f}  {t['target']:<26} {'yes' if t['met'] else 'NO'}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
