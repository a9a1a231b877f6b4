"""What the benchmarks share: timing, result rows, the corpus and the loaded pipeline.

Every benchmark compares geokg with a baseline measured in the same process, so
a row carries both numbers and their ratio; absolute times move with the
machine, the ratio much less.
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

#: Where the shared evaluation and news data live; nothing is copied from here.
DATA_DIR = Path("/work/shared/data")
BBC_POLITICS = DATA_DIR / "news" / "bbc_politics.jsonl"


@dataclass
class Row:
    """One line of the result table.

    ``value`` and ``baseline`` are in ``unit``; ``ratio`` is ``value / baseline``
    unless the benchmark says otherwise in ``note``. ``floor`` names the target
    from the issue tracker and ``floor_met`` whether this run met it.
    """

    benchmark: str
    case: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_case: str | None = None
    ratio: float | None = None
    note: str = ""
    floor: str | None = None
    floor_met: bool | None = None
    samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by one call of ``function``, and what it returned."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def timed_cpu(function: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process, all threads) of one call of ``function``."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def paired_ratio(samples: list[float], baseline: list[float]) -> float:
    """Median over rounds of ``sample / baseline`` taken within the same round.

    Pairing by round cancels a slowdown that hits both cases of a round alike,
    which a ratio of two medians would not.
    """
    return median(value / base for value, base in zip(samples, baseline))


def interleaved(cases: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[Any]]:
    """Run each case once per round, alternating the order (A B C, C B A, A B C ...).

    Each callable returns its own measurement. Alternating the order spreads slow
    drifts of a shared machine (another process waking up, CPU frequency) over
    all cases instead of charging them to whichever runs last.
    """
    names = list(cases)
    samples: dict[str, list[Any]] = {name: [] for name in names}
    for round_number in range(rounds):
        order = names if round_number % 2 == 0 else list(reversed(names))
        for name in order:
            value = cases[name]()
            samples[name].append(value)
            logger.info("round %d  %-28s %s", round_number + 1, name, value)
    return samples


class Context:
    """State shared by the benchmarks of one run: options, documents, pipeline, relations.

    The pipeline is loaded once and the relations of a document are extracted
    once, whichever benchmark needs them first.
    """

    def __init__(self, limit: int | None = None, quick: bool = False):
        self.limit = limit
        self.quick = quick
        self._documents: list | None = None
        self._pipeline = None
        self._relations: dict[str, tuple] = {}

    def documents(self, default_limit: int | None = None) -> list:
        """BBC politics documents, capped by ``--limit`` or else ``default_limit``."""
        if self._documents is None:
            from kg.readers import read_documents

            self._documents = list(read_documents([BBC_POLITICS]))
        cap = self.limit if self.limit is not None else default_limit
        return self._documents if cap is None else self._documents[:cap]

    def pipeline(self):
        """The full geokg pipeline (``kg.load_pipeline()``), loaded once."""
        if self._pipeline is None:
            import kg

            self._pipeline = kg.load_pipeline()
        return self._pipeline

    def remember(self, pairs: Iterable[tuple]) -> None:
        """Keep ``(document, relations)`` pairs another benchmark already extracted."""
        for document, relations in pairs:
            self._relations[document.id] = relations

    def relations(self, documents: list) -> list[tuple]:
        """``(document, relations)`` for each document, extracting only those not seen yet."""
        from kg.api import extract

        missing = [d for d in documents if d.id not in self._relations]
        if missing:
            logger.info("extracting relations from %d documents", len(missing))
            self.remember(extract(missing, self.pipeline(), batch_size=64))
        return [(d, self._relations[d.id]) for d in documents]


def word_count(texts: Iterable[str]) -> int:
    """Whitespace-separated words, the unit of every words/s figure."""
    return sum(len(text.split()) for text in texts)


# ---------------------------------------------------------------------- output

_COLUMNS = (
    ("benchmark", 10, "<"),
    ("case", 34, "<"),
    ("baseline", 15, ">"),
    ("value", 15, ">"),
    ("ratio", 7, ">"),
    ("note", 0, "<"),
)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.3f} s" if value < 100 else f"{value:.1f} s"
    if unit == "words/s":
        return f"{value:,.0f} w/s"
    return f"{value:,.4g} {unit}"


def format_table(rows: list[Row]) -> str:
    """A fixed-width table of the rows; baseline cases are listed under it."""
    header = "  ".join(f"{name:{align}{width}}" if width else name for name, width, align in _COLUMNS)
    lines = [header, "-" * len(header.rstrip())]
    baselines: dict[str, None] = {}
    for row in rows:
        if row.baseline_case:
            baselines.setdefault(f"  {row.benchmark:<10}  {row.baseline_case}")
        note = row.note
        if row.floor:
            verdict = "met" if row.floor_met else "MISSED"
            note = f"{note}; floor {row.floor}: {verdict}" if note else f"floor {row.floor}: {verdict}"
        cells = (
            row.benchmark[:10],
            row.case[:34],
            _number(row.baseline, row.unit),
            _number(row.value, row.unit),
            "-" if row.ratio is None else f"{row.ratio:.2f}x",
            note,
        )
        lines.append(
            "  ".join(
                f"{cell:{align}{width}}" if width else cell for cell, (_, width, align) in zip(cells, _COLUMNS)
            ).rstrip()
        )
    if baselines:
        lines += ["", "baselines:", *baselines]
    return "\n".join(lines)
