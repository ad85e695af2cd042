"""Imported by the batch pool's forkserver (``--workers N``): builds the default pipeline once, before the
workers fork, so each worker starts with it in memory (copy-on-write) instead of building its own.

Not for library use: importing this module builds a pipeline. When the build fails here, ``NLP`` is None and
the workers build theirs (and report the error the usual way).
"""

from __future__ import annotations

from spacy.language import Language

from .pipeline import build_pipeline

NLP: Language | None
try:
    NLP = build_pipeline()
except Exception:  # noqa: BLE001 - a worker builds again and reports the error to the main process
    NLP = None
