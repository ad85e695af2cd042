"""Batch runs: read inputs, extract, write one record per input article, in input order.

    extractor extract INPUT... [-o OUT.jsonl] [--workers N] [--resume | --force] [--stats FILE]
                               [--timeout-per-article S] [--max-chars N] [--quiet]

Nothing is lost: every input article yields exactly one record (``--format articles``), ``ok`` or ``error``
with the reason (empty file, not text, invalid UTF-8, invalid JSON on line N, missing text field, too large,
timed out...). A summary (articles, ok, error, events, elapsed, articles/s) goes to stderr at the end, and
with ``--stats FILE`` to a JSON file.

Output. Records are written whole, one ``write(2)`` per article, as soon as every earlier article is done, so
a killed run (even ``kill -9``) leaves a valid JSONL prefix. An existing output is never overwritten without
``--force``. ``--resume`` drops a partial last line, skips the input articles whose ``doc_id`` is already in
the output (counted, so duplicate ids are handled) and appends the rest: the resumed file ends with the same
records, in the same order, as an uninterrupted run.

Workers. ``--workers N`` (default: the number of usable cores) runs a pool of N processes (``forkserver`` on
Linux, ``spawn`` elsewhere); with ``forkserver`` the server builds the pipeline once and every worker forks
with it in memory (``extractor._preload``), with ``spawn`` each worker builds its own. Workers take chunks of
articles and send back each record as JSON text; the main process never loads spaCy. The main process reads the inputs, keeps the output in input order and writes it, so the
output is byte-identical for any N. One worker, or an input of a single chunk, runs in the main process.

Time limit. ``--timeout-per-article S`` (default 10; 0 = none) stops an article that takes longer (SIGALRM in
the process that reads it) and writes an ``error`` record "timed out" for it. When the alarm cannot interrupt
(native code that never returns to Python), the main process kills the worker after ``2 S + 5`` seconds
without progress, records the article as timed out and gives the rest of its chunk to a fresh worker; a worker
that dies (crash, out of memory) costs only the article it was reading.

Progress. A progress bar on stderr (articles/s, ETA, errors so far) when stderr is a terminal, unless the
environment variable ``CI`` is set or ``--quiet`` is given (which also drops the summary).

Exit codes: 0 the run completed, even when some articles are ``error`` records; 2 bad usage (unknown option,
bad value, existing output without ``--force`` or ``--resume``, ``--resume`` into a file that is not an
article-format output); 1 the run itself failed (the pipeline cannot be built, the output cannot be written,
a worker cannot start); 130 interrupted (Ctrl-C): the output holds whole records, rerun with ``--resume``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from .api import DEFAULT_MAX_CHARS, Extractor, coerce_input, error_record
from .errors import ArticleTimeout, UsageError
from .io.readers import InputFailure, estimate_total, iter_inputs
from .io.writers import JsonlOutput, record_lines, recover_output

DEFAULT_TIMEOUT_S = 10.0
#: articles per chunk sent to a worker, and the text (characters) that also closes a chunk
CHUNK_ARTICLES = 8
DEFAULT_FACTORY = "extractor.api:Extractor"
CHUNK_CHARS = 200_000
#: chunks each worker may run ahead of the oldest unwritten article (bounds the reorder buffer)
_AHEAD_CHUNKS = 4
_POLL_S = 0.5
_SHUTDOWN_S = 5.0

Entry = tuple[int, Any]  # (1-based input position, item or InputFailure)


@dataclass(frozen=True)
class BatchConfig:
    """What a run needs besides its inputs and output; picklable (it is sent to the workers)."""

    fmt: str = "articles"
    published: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    timeout_s: float | None = DEFAULT_TIMEOUT_S
    workers: int = 1
    chunk_articles: int = CHUNK_ARTICLES
    start_method: str | None = None
    #: "module:callable" that builds the extractor from (default_published=, max_chars=); tests swap it
    factory: str = DEFAULT_FACTORY
    watchdog_grace_s: float = 5.0

    def build_extractor(self) -> Extractor:
        preloaded = sys.modules.get("extractor._preload")
        if self.factory == DEFAULT_FACTORY and getattr(preloaded, "NLP", None) is not None:
            # a pool worker forked from a forkserver that built the pipeline already (see PoolEngine)
            from .api import Extractor

            return Extractor(default_published=self.published, max_chars=self.max_chars, nlp=preloaded.NLP)
        module_name, _, name = self.factory.partition(":")
        factory = getattr(importlib.import_module(module_name), name)
        return factory(default_published=self.published, max_chars=self.max_chars)

    @property
    def watchdog_s(self) -> float | None:
        """Seconds without progress after which the main process kills a worker."""
        return 2 * self.timeout_s + self.watchdog_grace_s if self.timeout_s else None


@dataclass(frozen=True)
class Outcome:
    """One article's result: its output lines (JSON text), status, event count and error type."""

    lines: list[str]
    status: str
    events: int
    error_type: str | None = None


@dataclass
class Stats:
    articles: int = 0
    ok: int = 0
    error: int = 0
    events: int = 0
    skipped: int = 0
    error_types: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.articles += 1
        self.events += outcome.events
        if outcome.status == "ok":
            self.ok += 1
        else:
            self.error += 1
            self.error_types[outcome.error_type or "error"] += 1


class RunFailed(Exception):
    """The run itself cannot go on (exit code 1)."""


class WorkerDied(Exception):
    """A worker process ended (crash, out of memory) while reading an article: that article's error."""


def default_workers() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


# --- command line ---------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, or - for JSONL on stdin")
    parser.add_argument("-o", "--output", default="-", help="output JSONL file (default: stdout)")
    parser.add_argument("--published", help="publication date for articles that give none (YYYY-MM-DD)")
    parser.add_argument("--format", choices=["articles", "events"], default="articles",
                        help="articles: one record per article; events: one line per event")  # fmt: skip
    existing = parser.add_mutually_exclusive_group()
    existing.add_argument("--force", action="store_true", help="overwrite an existing output file")
    existing.add_argument(
        "--resume",
        action="store_true",
        help="keep the records already in the output, append the missing ones",
    )
    parser.add_argument(
        "--workers", type=_positive_int, default=None, metavar="N",
        help="worker processes (default: the number of cores)",
    )  # fmt: skip
    parser.add_argument(
        "--timeout-per-article", type=_seconds, default=DEFAULT_TIMEOUT_S, metavar="S",
        help=f"seconds one article may take (default {DEFAULT_TIMEOUT_S:g}; 0: no limit)",
    )  # fmt: skip
    parser.add_argument(
        "--max-chars", type=_positive_int, default=DEFAULT_MAX_CHARS, metavar="N",
        help=f"read at most N characters of an article (default {DEFAULT_MAX_CHARS:,})",
    )  # fmt: skip
    parser.add_argument("--stats", help="write the run summary as JSON to this file")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary on stderr")
    from .spark import add_arguments as add_engine_arguments

    add_engine_arguments(parser)  # --engine spark, --output-format, --spark-master ... (extractor.spark)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, found {number}")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, found {value!r}") from None
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0, found {value}")
    return number


def run(args: argparse.Namespace) -> int:
    """``extractor extract``: returns the exit code (see the module docstring)."""
    if getattr(args, "engine", "local") != "local" or getattr(args, "output_format", "jsonl") != "jsonl":
        from .spark import run as run_spark

        return run_spark(args)
    started = time.perf_counter()
    try:
        config = BatchConfig(
            fmt=args.format,
            published=args.published,
            max_chars=args.max_chars,
            timeout_s=args.timeout_per_article or None,
            workers=args.workers or default_workers(),
        )
        done = _prepare_output(args)
    except UsageError as exc:
        print(f"extractor: {exc.message}", file=sys.stderr)
        return 2
    stats = Stats()
    completed = False
    try:
        items = iter_inputs(args.inputs, max_chars=config.max_chars)
        entries = _skip_done(items, done, stats)
        first = list(islice(entries, config.chunk_articles + 1))
        engine = _engine(config, small=len(first) <= config.chunk_articles)
        progress = _progress(args, total=_progress_total(args, done))
        with engine, JsonlOutput(args.output, append=args.resume) as out, progress:
            for outcome in engine.outcomes(chain(first, entries)):
                out.write(outcome.lines)
                stats.add(outcome)
                progress.advance(stats)
        completed = True
    except KeyboardInterrupt:
        print("extractor: interrupted; the output holds whole records, rerun with --resume", file=sys.stderr)
        return 130
    except RunFailed as exc:
        print(f"extractor: run failed: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"extractor: run failed: {exc}", file=sys.stderr)
        return 1
    finally:
        summary = _summary(stats, config, time.perf_counter() - started, completed)
        if args.stats:
            _write_stats(args.stats, summary)
    if not args.quiet:
        print(_summary_line(summary, args), file=sys.stderr)
    return 0


def _prepare_output(args: argparse.Namespace) -> Counter[str]:
    """Check the output against --force / --resume; for --resume, the doc_ids already written."""
    to_file = args.output not in (None, "-")
    if args.resume and not to_file:
        raise UsageError("--resume needs an output file (-o FILE), not stdout")
    if args.resume and args.format != "articles":
        raise UsageError(
            "--resume needs --format articles (events lines do not show which articles are done)"
        )
    if not to_file or not Path(args.output).exists():
        return Counter()
    if Path(args.output).is_dir():
        raise UsageError(f"{args.output} is a folder; expected an output file")
    if args.resume:
        done, dropped = recover_output(args.output)
        if dropped and not args.quiet:
            print(
                f"extractor: dropped a partial last line ({dropped} bytes) from {args.output}",
                file=sys.stderr,
            )
        return done
    if not args.force:
        raise UsageError(f"{args.output} exists; pass --force to overwrite it or --resume to complete it")
    return Counter()


def _skip_done(items: Iterable[Any], done: Counter[str], stats: Stats) -> Iterator[Entry]:
    """(position, item) for the items whose doc_id is not (or not as many times) in ``done``."""
    remaining = Counter(done)
    left = sum(remaining.values())
    for index, item in enumerate(items, 1):
        if left:
            key = doc_key(item, index)
            if remaining[key] > 0:
                remaining[key] -= 1
                left -= 1
                stats.skipped += 1
                continue
        yield index, item


def doc_key(item: Any, index: int) -> str:
    """The ``doc_id`` the record of ``item`` will carry (the readers give every item a non-empty id)."""
    if isinstance(item, InputFailure):
        return item.doc_id
    try:
        value = coerce_input(item).get("id")
    except Exception:  # noqa: BLE001 - such an item becomes an error record named after its position
        value = None
    return str(value) if value is not None else f"input-{index}"


def _summary(stats: Stats, config: BatchConfig, elapsed: float, completed: bool) -> dict:
    return {
        "completed": completed,
        "articles": stats.articles,
        "ok": stats.ok,
        "error": stats.error,
        "events": stats.events,
        "skipped": stats.skipped,
        "error_types": dict(sorted(stats.error_types.items())),
        "elapsed_s": round(elapsed, 3),
        "articles_per_s": round(stats.articles / elapsed, 2) if elapsed > 0 else None,
        "workers": config.workers,
    }


def _summary_line(summary: dict, args: argparse.Namespace) -> str:
    line = (
        f"extractor: {summary['articles']} articles, {summary['ok']} ok, {summary['error']} error, "
        f"{summary['events']} events in {summary['elapsed_s']:.1f}s ({summary['articles_per_s']} articles/s, "
        f"{summary['workers']} worker{'s' if summary['workers'] != 1 else ''})"
    )
    if summary["skipped"]:
        line += f"; skipped {summary['skipped']} already in {args.output}"
    return line


def _write_stats(path: str, summary: dict) -> None:
    try:
        Path(path).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        print(f"extractor: cannot write --stats {path}: {exc}", file=sys.stderr)


# --- one article ----------------------------------------------------------------------------------


class ArticleAlarm:
    """Per-article time limit with SIGALRM, in the main thread of a POSIX process; a no-op elsewhere.

    ``arm()`` before an article, ``disarm()`` after it: the handler raises :class:`ArticleTimeout` only while
    armed, so an alarm that lands after ``disarm`` is ignored.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._armed = False
        self._previous: Any = None
        self.active = False

    def __enter__(self) -> ArticleAlarm:
        in_main_thread = threading.current_thread() is threading.main_thread()
        if self.seconds and hasattr(signal, "setitimer") and in_main_thread:
            self._previous = signal.signal(signal.SIGALRM, self._on_alarm)
            self.active = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self.active:
            self.disarm()
            signal.signal(signal.SIGALRM, self._previous)
            self.active = False

    def arm(self) -> None:
        if self.active and self.seconds:
            self._armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def disarm(self) -> None:
        if self.active:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _on_alarm(self, signum: int, frame: Any) -> None:
        if self._armed:
            self._armed = False
            raise ArticleTimeout(timeout_message(self.seconds))


def timeout_message(seconds: float | None) -> str:
    return f"timed out: the article took more than {seconds:g} s (--timeout-per-article)"


def extract_outcome(extractor: Extractor, item: Any, index: int, fmt: str, alarm: ArticleAlarm) -> Outcome:
    """Read one article under the alarm; never raises for a bad article."""
    try:
        alarm.arm()
        try:
            record = extractor.extract_record(item, index=index)
        finally:
            alarm.disarm()
    except Exception as exc:  # noqa: BLE001 - the timeout, or anything extract_record let through
        record = item_error_record(item, exc, index)
    return _outcome(record, fmt, item, index)


def failure_outcome(failure: InputFailure, fmt: str) -> Outcome:
    """An input that could not be read (see :mod:`extractor.io.readers`)."""
    record = error_record(failure.error, doc_id=failure.doc_id, path=failure.path)
    return _outcome(record, fmt, None, 0)


def item_error_record(item: Any, exc: BaseException, index: int) -> Any:
    """An error record for ``item`` built without the pipeline (only string metadata is copied)."""
    try:
        fields = coerce_input(item)
    except Exception:  # noqa: BLE001
        fields = {}

    def text(name: str) -> str | None:
        value = fields.get(name)
        return value if isinstance(value, str) else None

    return error_record(
        exc, doc_id=doc_key(item, index), path=text("path"), title=text("title"), url=text("url")
    )


def _outcome(record: Any, fmt: str, item: Any, index: int) -> Outcome:
    try:
        lines = record_lines(record, fmt)
    except Exception as exc:  # noqa: BLE001 - e.g. a lone surrogate that UTF-8 JSON cannot hold
        fallback = error_record(
            exc,
            doc_id=_printable(record.doc_id) or "input",
            path=_printable(record.path),
            title=None,
            url=None,
        )
        record = fallback
        lines = record_lines(record, fmt)
    error_type = record.error.type if record.error else None
    return Outcome(lines, record.status, len(record.events), error_type)


def _printable(value: str | None) -> str | None:
    return value.encode("utf-8", "backslashreplace").decode("utf-8") if value is not None else None


# --- engines: in this process, or a pool of worker processes --------------------------------------


def _engine(config: BatchConfig, *, small: bool) -> SerialEngine | PoolEngine:
    """The engine for a run, started (the pipeline is built, workers are ready); raises :class:`RunFailed`."""
    if config.workers <= 1 or small:
        try:
            return SerialEngine(config)
        except Exception as exc:  # noqa: BLE001
            raise RunFailed(f"cannot build the pipeline: {type(exc).__name__}: {exc}") from exc
    return PoolEngine(config)


class SerialEngine:
    """Reads the articles one after the other in this process."""

    def __init__(self, config: BatchConfig) -> None:
        self.config = config
        self.extractor = config.build_extractor()

    def outcomes(self, entries: Iterable[Entry]) -> Iterator[Outcome]:
        with ArticleAlarm(self.config.timeout_s) as alarm:
            for index, item in entries:
                if isinstance(item, InputFailure):
                    yield failure_outcome(item, self.config.fmt)
                else:
                    yield extract_outcome(self.extractor, item, index, self.config.fmt, alarm)

    def __enter__(self) -> SerialEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _worker_main(conn: multiprocessing.connection.Connection, config: BatchConfig) -> None:
    """A worker: build the pipeline once, then read chunks [(seq, index, item)] and send
    ("done", seq, Outcome) per article, until it receives None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    try:
        extractor = config.build_extractor()
    except BaseException as exc:  # noqa: BLE001 - reported to the main process, which fails the run
        conn.send(("init_error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    with ArticleAlarm(config.timeout_s) as alarm:
        while True:
            try:
                chunk = conn.recv()
            except (EOFError, OSError):
                return
            if chunk is None:
                return
            for seq, index, item in chunk:
                conn.send(("done", seq, extract_outcome(extractor, item, index, config.fmt, alarm)))


class _Worker:
    """One worker process, its pipe, and the chunk it holds."""

    def __init__(self, context: Any, config: BatchConfig, number: int) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_worker_main, args=(child, config), name=f"extractor-worker-{number}", daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False
        self.chunk: list[tuple[int, int, Any]] = []
        self.done = 0
        self.since = time.monotonic()

    @property
    def busy(self) -> bool:
        return self.done < len(self.chunk)

    def assign(self, chunk: list[tuple[int, int, Any]]) -> None:
        self.chunk, self.done, self.since = chunk, 0, time.monotonic()
        self.conn.send(chunk)

    def stop(self, *, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                kill = True
        if not kill:
            self.process.join(_SHUTDOWN_S)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(_SHUTDOWN_S)
        self.conn.close()


class PoolEngine:
    """A pool of worker processes over chunks of articles; yields outcomes in input order."""

    def __init__(self, config: BatchConfig) -> None:
        self.config = config
        method = config.start_method or _default_start_method()
        self.context = multiprocessing.get_context(method)
        if method == "forkserver":
            # the forkserver imports these once; every worker forks from it. With the default factory it also
            # builds the pipeline (extractor._preload), so workers start with it instead of building their own
            default = config.factory == DEFAULT_FACTORY
            self.context.set_forkserver_preload(["extractor.api"] + (["extractor._preload"] if default else []))
        self._spawned = 0
        self.workers: list[_Worker] = []
        try:
            for _ in range(config.workers):
                self.workers.append(self._spawn())
            while not all(worker.ready for worker in self.workers):
                self._collect({}, deque())
        except BaseException:
            self.close(kill=True)
            raise

    def _spawn(self) -> _Worker:
        self._spawned += 1
        return _Worker(self.context, self.config, self._spawned)

    def __enter__(self) -> PoolEngine:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(kill=exc_type is not None)

    def close(self, *, kill: bool = False) -> None:
        for worker in self.workers:
            worker.stop(kill=kill)
        self.workers = []

    def outcomes(self, entries: Iterable[Entry]) -> Iterator[Outcome]:
        source = iter(entries)
        buffer: dict[int, Outcome] = {}
        requeued: deque[list[tuple[int, int, Any]]] = deque()
        next_seq = 0  # the oldest article not yet yielded
        read = 0  # articles taken from the source
        exhausted = False
        ahead = self.config.chunk_articles * _AHEAD_CHUNKS * max(1, len(self.workers))

        def take_chunk() -> list[tuple[int, int, Any]]:
            nonlocal read, exhausted
            chunk: list[tuple[int, int, Any]] = []
            chars = 0
            while len(chunk) < self.config.chunk_articles and chars < CHUNK_CHARS:
                entry = next(source, None)
                if entry is None:
                    exhausted = True
                    break
                index, item = entry
                if isinstance(item, InputFailure):
                    buffer[read] = failure_outcome(item, self.config.fmt)
                else:
                    chunk.append((read, index, item))
                    text = item.get("text") if isinstance(item, dict) else None
                    chars += len(text) if isinstance(text, str) else 0
                read += 1
            return chunk

        while True:
            while next_seq in buffer:
                yield buffer.pop(next_seq)
                next_seq += 1
            for worker in self.workers:
                if not worker.ready or worker.busy:
                    continue
                if requeued:
                    worker.assign(requeued.popleft())
                elif not exhausted and read - next_seq < ahead:
                    chunk = take_chunk()
                    if chunk:
                        worker.assign(chunk)
            if next_seq in buffer:
                continue
            if exhausted and next_seq == read:
                return
            self._collect(buffer, requeued)

    def _collect(self, buffer: dict[int, Outcome], requeued: deque) -> None:
        """Wait for messages; put outcomes in ``buffer``; replace dead or stuck workers."""
        waitables: list[Any] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        ready = set(multiprocessing.connection.wait(waitables, timeout=_POLL_S))
        now = time.monotonic()
        for position, worker in enumerate(list(self.workers)):
            alive = True
            if worker.conn in ready or worker.process.sentinel in ready:
                alive = self._drain(worker, buffer)
            if alive and not worker.process.is_alive() and not worker.conn.poll():
                alive = False
            if not alive:
                self._replace(position, worker, buffer, requeued, None)
            elif worker.busy and self.config.watchdog_s and now - worker.since > self.config.watchdog_s:
                message = timeout_message(self.config.timeout_s) + "; the worker was stopped"
                self._replace(position, worker, buffer, requeued, ArticleTimeout(message))

    def _drain(self, worker: _Worker, buffer: dict[int, Outcome]) -> bool:
        """Receive every pending message of ``worker``; False when its pipe is closed (the worker is gone)."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                kind = message[0]
                if kind == "done":
                    _, seq, outcome = message
                    expected = worker.chunk[worker.done][0]
                    if seq != expected:
                        raise RunFailed(f"worker sent article {seq}, expected {expected}")
                    buffer[seq] = outcome
                    worker.done += 1
                    worker.since = time.monotonic()
                elif kind == "ready":
                    worker.ready = True
                    worker.since = time.monotonic()
                elif kind == "init_error":
                    raise RunFailed(f"a worker cannot build the pipeline: {message[1]}")
        except (EOFError, OSError):
            return False
        return True

    def _replace(
        self, position: int, worker: _Worker, buffer: dict, requeued: deque, exc: Exception | None
    ) -> None:
        """Record the article ``worker`` was reading as an error (``exc``, or :class:`WorkerDied` when None),
        requeue the rest of its chunk, and start a fresh worker in its place (it takes work once ready)."""
        worker.stop(kill=True)
        if exc is None:
            exc = WorkerDied(
                f"the worker process died (exit code {worker.process.exitcode}) reading this article"
            )
        if not worker.ready:
            exitcode = worker.process.exitcode
            raise RunFailed(f"a worker died while building the pipeline (exit code {exitcode})")
        if worker.busy:
            seq, index, item = worker.chunk[worker.done]
            buffer[seq] = _outcome(item_error_record(item, exc, index), self.config.fmt, item, index)
            rest = worker.chunk[worker.done + 1 :]
            if rest:
                requeued.appendleft(rest)
        self.workers[position] = self._spawn()


def _default_start_method() -> str:
    """``forkserver`` where it exists (no fork of a threaded parent), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


# --- progress -------------------------------------------------------------------------------------


class _NoProgress:
    def advance(self, stats: Stats) -> None:
        return None

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class _RichProgress:
    """A rich progress bar on stderr: done/total, articles/s, ETA, errors so far."""

    def __init__(self, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TextColumn("[red]{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task("extract", total=total, rate="-", errors=0)
        self._started = time.perf_counter()

    def advance(self, stats: Stats) -> None:
        elapsed = time.perf_counter() - self._started
        rate = f"{stats.articles / elapsed:.1f}" if elapsed > 0 else "-"
        self._progress.update(self._task, completed=stats.articles, rate=rate, errors=stats.error)

    def __enter__(self) -> _RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()


def show_progress(args: argparse.Namespace) -> bool:
    """A bar only for a person watching: stderr is a terminal, not CI, not --quiet."""
    return not args.quiet and not os.environ.get("CI") and sys.stderr.isatty()


def _progress(args: argparse.Namespace, total: int | None) -> _RichProgress | _NoProgress:
    return _RichProgress(total) if show_progress(args) else _NoProgress()


def _progress_total(args: argparse.Namespace, done: Counter[str]) -> int | None:
    if not show_progress(args):
        return None
    total = estimate_total(args.inputs)
    return None if total is None else max(0, total - sum(done.values()))
