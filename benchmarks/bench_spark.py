"""Spark benchmark: the Spark engine on ``local[2]`` against the local engine with ``--workers 2``.

    python benchmarks/bench_spark.py               # 2,000 articles (needs the spark extra and Java 17)
    python benchmarks/bench_spark.py --quick       # 200 articles, to try it out
    python benchmarks/bench_spark.py --repeat 3    # the fastest of 3 runs each, on a busy machine

One command, a table on stdout, the figures in ``benchmarks/results/spark.json``. Both engines read the same
generated JSONL (``benchmarks/bench_batch.py``'s templates, seed 2025) with no per-article time limit:

* ``extractor extract --workers 2`` and ``extractor extract --engine spark --spark-master local[2]``, each
  in a fresh process, wall time end to end (start-up included);
* the Spark engine in a session that is already up with warm workers: articles/s of the work alone;
* Spark's start-up cost: session start (JVM), and the first partition (Python workers start, import the
  package and build the pipeline, then read one article each);
* whether the two engines wrote the same records.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "spark.json"
MASTER = "local[2]"

_IN_SESSION = r"""
import json, sys, time
started = time.perf_counter()
from extractor.spark import default_partitions, extract_inputs, read_inputs, spark_session
spark, _ = spark_session(sys.argv[1], [("spark.ui.enabled", "false")], quiet=True)
session_s = time.perf_counter() - started

started = time.perf_counter()
raw, _, options = read_inputs(spark, [sys.argv[2]])
# round robin: one article per partition, so that both Python workers start and build the pipeline
first = extract_inputs(raw.repartition(2), options).select("record")
first.write.mode("overwrite").text(sys.argv[4] + "/first")
first_s = time.perf_counter() - started

started = time.perf_counter()
raw, estimate, options = read_inputs(spark, [sys.argv[3]])
partitions = default_partitions(spark, estimate)
extract_inputs(raw, options, partitions=partitions).select("record").write.mode("overwrite").text(
    sys.argv[4] + "/warm")
warm_s = time.perf_counter() - started
spark.stop()
print(json.dumps({"session_s": session_s, "first_partition_s": first_s, "warm_s": warm_s,
                  "partitions": partitions}))
"""


def _bench_batch():
    """benchmarks/bench_batch.py as a module: its article generator is the one both benchmarks read."""
    spec = importlib.util.spec_from_file_location("bench_batch", ROOT / "benchmarks" / "bench_batch.py")
    if spec is None or spec.loader is None:
        raise SystemExit("bench_spark: benchmarks/bench_batch.py (the article generator) is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _run(command: list[str]) -> tuple[float, str]:
    """(wall seconds, stdout) of a fresh process; raises with its stderr when it fails."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=_env())
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[:6])} ... exited with {done.returncode}: {done.stderr[-3000:]}"
        )
    return wall, done.stdout


def _lines(path: Path) -> list[str]:
    files = sorted(path.glob("part-*")) if path.is_dir() else [path]
    return sorted(line for file in files for line in file.read_text(encoding="utf-8").splitlines())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 articles instead of 2,000")
    parser.add_argument("--articles", type=int, help="how many articles (default 2,000; --quick 200)")
    parser.add_argument("--repeat", type=int, default=1, help="keep the fastest of N runs (a shared machine)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    count = args.articles or (200 if args.quick else 2000)
    python = sys.executable
    extract = [python, "-m", "extractor", "extract", "--quiet", "--force", "--timeout-per-article", "0"]
    results: dict = {"articles": count, "master": MASTER, "repeat": args.repeat,
                     "python": platform.python_version(), "cores": os.cpu_count(),
                     "load_before": os.getloadavg()[0]}  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
        folder = Path(tmp)
        generator = _bench_batch()
        corpus = generator.write_corpus(folder / "articles.jsonl", count)
        one = generator.write_corpus(folder / "one.jsonl", 2, seed=7)

        runs: dict[str, list[float]] = {}
        for _ in range(args.repeat):  # the engines take turns, so that a busy spell hits both
            wall, _ = _run([*extract, str(corpus), "-o", str(folder / "local.jsonl"), "--workers", "2"])
            runs.setdefault("local_workers2_s", []).append(wall)
            spark_cli = [*extract, "--engine", "spark", "--spark-master", MASTER, str(corpus)]
            wall, _ = _run([*spark_cli, "-o", str(folder / "spark")])
            runs.setdefault("spark_cli_s", []).append(wall)
            _, out = _run([python, "-c", _IN_SESSION, MASTER, str(one), str(corpus), str(folder / "session")])
            for key, value in json.loads(out.strip().splitlines()[-1]).items():
                runs.setdefault(key, []).append(value)
        results.update({key: min(values) for key, values in runs.items()})
        local = _lines(folder / "local.jsonl")
        results["same_records"] = local == _lines(folder / "spark") == _lines(folder / "session" / "warm")
        results["records"] = len(local)
    results["load_after"] = os.getloadavg()[0]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(_table(results))
    return 0 if results["same_records"] else 1


def _table(r: dict) -> str:
    n = r["articles"]
    rows = [
        ("local engine, --workers 2 (fresh process)", r["local_workers2_s"]),
        (f"spark engine, {r['master']} (fresh process)", r["spark_cli_s"]),
        (f"spark engine, {r['master']}, session up, warm workers", r["warm_s"]),
    ]
    lines = [f"{n:,} generated articles, {r['cores']} cores, load average {r['load_before']:.1f} before / "
             f"{r['load_after']:.1f} after; fastest of {r['repeat']} run(s)", "",
             f"{'run':<56} {'seconds':>8} {'articles/s':>11}", "-" * 77]  # fmt: skip
    lines += [f"{label:<56} {seconds:>8.1f} {n / seconds:>11.1f}" for label, seconds in rows]
    lines += [
        "",
        f"spark start-up: session start {r['session_s']:.1f} s; first partition (Python workers start, "
        f"import, build the pipeline, read 1 article each) {r['first_partition_s']:.1f} s; "
        f"{r['partitions']} partitions for the warm run",
        f"same records from both engines: {'yes' if r['same_records'] else 'NO'} ({r['records']:,} lines)",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
