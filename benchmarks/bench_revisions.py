"""Pipeline speed of this checkout against another git revision, on the same texts and the same machine.

Machines differ between sessions (the bare tokenizer of ``bench_batch.py`` has measured from 4.4M to 6.3M
words/s on the same texts), so a figure from an earlier session says little about a change. This script
checks out ``--base`` (default ``HEAD~1``) into a temporary git worktree and times both versions of the
library on the corpus articles, alternating runs so that machine load falls on both alike; it reports words
per second for each and their ratio.

    python benchmarks/bench_revisions.py --base a5d4b78 [--runs 3] [--limit 400]

Each version runs in a subprocess of its own (a fresh interpreter with only that version's ``extractor`` on
the path), builds the pipeline once, extracts every article once to warm up, then once per timed run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WORKER = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import extractor
assert Path(extractor.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()), extractor.__file__
from extractor import Extractor
paths = json.loads(sys.argv[2])
texts = [Path(p).read_text(encoding="utf-8") for p in paths]
ex = Extractor()
for text in texts:
    ex.extract(text, published="2025-01-01")
start = time.perf_counter()
for text in texts:
    ex.extract(text, published="2025-01-01")
print(json.dumps({"seconds": time.perf_counter() - start}))
"""


def _time(source: Path, paths: list[str]) -> float:
    """Seconds for one pass over ``paths`` with the library at ``source`` (after a warm-up pass)."""
    done = subprocess.run(
        [sys.executable, "-c", _WORKER, str(source), json.dumps(paths)],
        capture_output=True, text=True, check=True, cwd=tempfile.gettempdir(),
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])["seconds"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD~1", help="git revision to compare with (default HEAD~1)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per version, alternating (default 3)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N corpus articles (0: all)")
    args = parser.parse_args(argv)

    paths = sorted(str(p) for p in (ROOT / "corpus" / "articles").glob("*/*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    words = sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)
    with tempfile.TemporaryDirectory() as tmp:
        base_dir = Path(tmp) / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base_dir), args.base],
            check=True,
        )
        try:
            times: dict[str, list[float]] = {"base": [], "this": []}
            for _ in range(args.runs):
                times["base"].append(_time(base_dir, paths))
                times["this"].append(_time(ROOT, paths))
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_dir)], check=True
            )
    best = {name: min(values) for name, values in times.items()}
    print(f"{len(paths)} corpus articles, {words:,} words; best of {args.runs} alternating runs each")
    print(f"base ({args.base}): {words / best['base']:,.0f} words/s ({best['base']:.2f} s)")
    print(f"this checkout:      {words / best['this']:,.0f} words/s ({best['this']:.2f} s)")
    print(f"this / base:        {best['base'] / best['this']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
