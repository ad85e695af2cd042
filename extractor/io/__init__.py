"""Readers and writers. No NLP here."""

from __future__ import annotations

from .readers import InputFailure, iter_inputs
from .writers import open_writer

__all__ = ["InputFailure", "iter_inputs", "open_writer"]
