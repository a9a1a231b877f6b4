"""How ``kg build`` shows its progress: a bar on a terminal, a line now and then elsewhere.

Only :mod:`kg.cli` uses this module; the library itself never prints.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from kg.ingest import BuildReport

__all__ = ["TerminalProgress", "LineProgress", "progress_for"]


class TerminalProgress:
    """A tqdm bar: documents done (of the total when known), statements, words/s, ETA."""

    def __init__(self, total: int | None, stream: TextIO):
        from tqdm import tqdm

        columns, rows = _size(stream)
        self._bar = tqdm(
            total=total, unit="doc", file=stream, ncols=columns, nrows=rows, smoothing=0.1, desc="kg build"
        )
        self._done = 0

    def document_done(self, report: BuildReport) -> None:
        done = report.extracted + report.unchanged
        self._bar.update(done - self._done)
        self._done = done
        self._bar.set_postfix_str(
            f"{report.statements:,} statements, {report.words_per_second:,.0f} words/s, {report.unchanged:,} unchanged",
            refresh=False,
        )

    def warn(self, message: str) -> None:
        self._bar.write(message, file=sys.stderr)

    def close(self) -> None:
        self._bar.close()


def _size(stream: TextIO) -> tuple[int, int]:
    """The terminal's columns and rows, or 100 x 24 where it does not say (a new
    pseudo-terminal says 0 x 0, and tqdm draws nothing on a terminal of no rows)."""
    import os

    try:
        size = os.get_terminal_size(stream.fileno())
        columns, rows = size.columns, size.lines
    except (OSError, ValueError):
        columns = rows = 0
    return columns or 100, rows or 24


class LineProgress:
    """A quiet line at each tenth of the documents (when their number is known) and
    every ``every`` seconds, for logs and pipes."""

    def __init__(self, total: int | None, stream: TextIO, every: float = 30.0):
        self._total = total
        self._stream = stream
        self._every = every
        self._next = time.monotonic() + every
        self._tenths = 0

    def document_done(self, report: BuildReport) -> None:
        now = time.monotonic()
        done = report.extracted + report.unchanged
        tenths = done * 10 // self._total if self._total else 0
        if now < self._next and tenths <= self._tenths:
            return
        self._next = now + self._every
        self._tenths = max(self._tenths, tenths)
        of = f"/{self._total:,}" if self._total else ""
        print(
            f"kg build: {done:,}{of} documents, {report.statements:,} statements, "
            f"{report.words_per_second:,.0f} words/s",
            file=self._stream,
            flush=True,
        )

    def warn(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    def close(self) -> None:
        pass


def progress_for(stream: TextIO, total: int | None) -> TerminalProgress | LineProgress:
    """A bar when ``stream`` is a terminal, else quiet lines."""
    if stream.isatty():
        return TerminalProgress(total, stream)
    return LineProgress(total, stream)
