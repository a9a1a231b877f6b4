"""ingest: ``kg build`` into a store against the bare spaCy pipeline, and two workers against one.

1. **store build vs bare spaCy**, in this process, on the same BBC politics
   documents with the same pipeline object and ``batch_size=32`` (the build's
   default): bare spaCy is ``nlp.pipe(texts)`` with geokg's components disabled;
   the build is :func:`kg.ingest.build_store` into a new on-disk store, which
   runs the whole pipeline, turns the records into triples, checks content
   hashes and commits every document in its own transaction. Interleaved
   rounds; the ratio is bare spaCy's time over the build's, round by round,
   median. Floor: **>= 0.85**.
2. **--workers 2 vs --workers 1**: ``kg build`` run as a new process (the way
   users run it) over all 417 documents into a new store, once with one
   process and once with two worker processes; each time includes loading
   the pipeline(s), in interleaved rounds. Ratio: one worker's time over two
   workers', round by round, median. Floor: **>= 1.6x** (on 2 cores). The note
   gives the CPU seconds of each (what the work costs, whatever else runs) and
   the load average after each build (what else ran).
"""

from __future__ import annotations

import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import BBC_POLITICS, Context, Row, interleaved, median, paired_ratio, timed, word_count

logger = logging.getLogger(__name__)

NAME = "ingest"
DEFAULT_LIMIT = 100
BATCH_SIZE = 32
MIN_RATIO = 0.85
MIN_WORKER_SPEEDUP = 1.6
GEOKG_LAYERS = ("geokg_ruler", "geokg_entities", "geokg_relations")


def run(context: Context, rounds: int = 3, workers: bool = True) -> list[Row]:
    from kg.graph.persistent import PersistentGraph
    from kg.ingest import build_store

    nlp = context.pipeline()
    documents = context.documents(DEFAULT_LIMIT)
    texts = [document.text for document in documents]
    words = word_count(texts)

    def bare() -> float:
        with nlp.select_pipes(disable=list(GEOKG_LAYERS)):
            seconds, _ = timed(lambda: [None for _ in nlp.pipe(texts, batch_size=BATCH_SIZE)])
        return seconds

    def store_build() -> float:
        with tempfile.TemporaryDirectory() as folder:
            with PersistentGraph.open(Path(folder) / "kg-store") as store:
                seconds, report = timed(lambda: build_store(iter(documents), store, nlp=nlp, batch_size=BATCH_SIZE))
            assert report.extracted == len(documents), report
        return seconds

    bare(), store_build()  # warm up caches and lazy imports
    samples = interleaved({"bare spaCy": bare, "kg build into the store": store_build}, rounds=rounds)
    ratio = paired_ratio(samples["bare spaCy"], samples["kg build into the store"])
    rows = [
        Row(
            NAME,
            "kg build into the store",
            words / median(samples["kg build into the store"]),
            "words/s",
            words / median(samples["bare spaCy"]),
            f"bare spaCy nlp.pipe, same model and batch size {BATCH_SIZE}",
            ratio,
            note=f"{len(documents)} docs, {words:,} words, median of {rounds} rounds",
            floor=f"ratio >= {MIN_RATIO:.2f}",
            floor_met=ratio >= MIN_RATIO,
            samples=samples["kg build into the store"],
            baseline_samples=samples["bare spaCy"],
        )
    ]
    if workers:
        rows.append(_workers_row(rounds))
    return rows


def _cli_build(workers: int) -> dict[str, float]:
    """One ``kg build`` of all BBC politics documents as a new process: wall and CPU seconds.

    CPU seconds are those of the build and its worker processes (all of them
    are waited for), so they count the work done whatever else runs on the
    machine; the load average is read as the build ends.
    """
    with tempfile.TemporaryDirectory() as folder:
        command = [
            sys.executable,
            "-m",
            "kg.cli",
            "build",
            str(BBC_POLITICS),
            "--store",
            str(Path(folder) / "kg-store"),
            "--workers",
            str(workers),
        ]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {result.stderr[-500:]}")
        logger.info("workers=%d: %.1f s: %s", workers, seconds, result.stdout.strip())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": seconds, "cpu": cpu, "load": os.getloadavg()[0]}


def _workers_row(rounds: int) -> Row:
    """``--workers 2`` against one worker, in interleaved rounds (1 2, 2 1, 1 2 ...).

    The ratio is one worker's wall time over two workers', round by round,
    median. Two workers can only be 2x faster when both cores are free: with
    other processes running, the note's load average and the CPU seconds tell
    why a ratio is lower. ``CPU 1/2`` (one worker's CPU seconds over two
    workers') is the share of work that parallel running adds: 2 x that share
    is what two workers could reach on two idle cores.
    """
    from kg.readers import read_documents

    words = word_count(d.text for d in read_documents([BBC_POLITICS]))
    samples = interleaved({"one": lambda: _cli_build(1), "two": lambda: _cli_build(2)}, rounds=rounds)
    one = [s["wall"] for s in samples["one"]]
    two = [s["wall"] for s in samples["two"]]
    speedup = paired_ratio(one, two)
    cpu_share = median(a["cpu"] / b["cpu"] for a, b in zip(samples["one"], samples["two"]))
    loads = ", ".join(f"{s['load']:.1f}" for pair in zip(samples["one"], samples["two"]) for s in pair)
    return Row(
        NAME,
        "kg build --workers 2",
        words / median(two),
        "words/s",
        words / median(one),
        "kg build --workers 1",
        speedup,
        note=f"417 docs, {words:,} words, new process each, pipeline loads included; median of "
        f"{rounds} rounds; CPU s one {median(s['cpu'] for s in samples['one']):.1f} / two "
        f"{median(s['cpu'] for s in samples['two']):.1f} (CPU 1/2 {cpu_share:.2f}); "
        f"load average after each build {loads}",
        floor=f"ratio >= {MIN_WORKER_SPEEDUP:.1f}",
        floor_met=speedup >= MIN_WORKER_SPEEDUP,
        samples=two,
        baseline_samples=one,
    )
