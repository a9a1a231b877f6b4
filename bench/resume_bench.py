"""resume: a build killed (SIGKILL) half-way and run again, against one uninterrupted build.

Both build the first ``--limit`` BBC politics documents (default 200) with
``kg build --store`` in new processes. The interrupted one is killed when its
progress lines report half the documents, then run again. Reported: the time of
the uninterrupted build (baseline), the time of the killed run plus the resumed
run (ratio: how much longer, the pipeline loads included), how many documents
the resumed run extracted (only those not committed before the kill), a run
over the unchanged corpus (no extraction at all) and whether the final store
holds exactly the quads of the uninterrupted build.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import BBC_POLITICS, Row

NAME = "resume"
DEFAULT_LIMIT = 200


def _quads(path: Path) -> set[tuple[str, str]]:
    from kg.graph.persistent import PersistentGraph

    with PersistentGraph.open(path, read_only=True) as store:
        return {(str(q.graph_name), str(q.triple)) for q in store.quads()}


def run(context, limit: int | None = None) -> list[Row]:
    count = limit or DEFAULT_LIMIT
    command = [sys.executable, "-m", "kg.cli", "build"]
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        lines = [line for line in BBC_POLITICS.read_text(encoding="utf-8").splitlines() if line.strip()][:count]
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([*command, str(corpus), "--store", f"{folder}/whole"], check=True, capture_output=True)
        whole = time.perf_counter() - start

        start = time.perf_counter()
        killed = subprocess.Popen(
            [*command, str(corpus), "--store", f"{folder}/killed"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        tenths = 0
        while tenths < 5:
            line = killed.stderr.readline()
            if not line:
                break
            tenths += line.startswith("kg build: ") and "documents" in line
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        resumed = subprocess.run(
            [*command, str(corpus), "--store", f"{folder}/killed"], check=True, capture_output=True, text=True
        )
        interrupted = time.perf_counter() - start
        start = time.perf_counter()
        again = subprocess.run(
            [*command, str(corpus), "--store", f"{folder}/killed"], check=True, capture_output=True, text=True
        )
        unchanged = time.perf_counter() - start
        same = _quads(Path(folder) / "whole") == _quads(Path(folder) / "killed")
    summary = resumed.stdout.strip().split(" -> ")[0]
    return [
        Row(
            NAME,
            "killed at half, then resumed",
            interrupted,
            "s",
            whole,
            "uninterrupted kg build",
            interrupted / whole,
            note=f"{count} docs; resumed run: {summary}; same quads: {same}",
            floor="same quads",
            floor_met=same,
        ),
        Row(
            NAME,
            "run again over an unchanged corpus",
            unchanged,
            "s",
            whole,
            "uninterrupted kg build",
            unchanged / whole,
            note=again.stdout.strip().split(" -> ")[0],
        ),
    ]
