"""memory: peak memory of store builds of 1k, 10k and 50k documents (flat is the goal).

The documents are made from the AG News world items (1,900 short news
stories, about 35 words each): item ``i`` of a corpus of ``n`` documents is
story ``i mod 1900`` with its sentences in another order for every round
through the stories, under its own id, so no two documents are the same and
each is extracted. Each build is ``kg build CORPUS --store NEW --workers 2``
in a new process; the peak is the largest sum of the resident memory of that
process and its workers, sampled every 0.2 s (psutil). Ratio: a build's peak
over the 1k build's; floor for 50k: **<= 1.3x**.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchlib import DATA_DIR, Row

logger = logging.getLogger(__name__)

NAME = "memory"
AG_NEWS = DATA_DIR / "news" / "ag_news_world.jsonl"
SIZES = (1_000, 10_000, 50_000)
MAX_RATIO = 1.3


def write_corpus(path: Path, count: int) -> None:
    """``count`` distinct documents from the AG News world stories."""
    import re

    stories = [json.loads(line) for line in AG_NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            story = stories[number % len(stories)]
            turn = number // len(stories)
            sentences = re.split(r"(?<=[.!?])\s+", story["text"].strip())
            shift = turn % max(1, len(sentences))
            text = " ".join(sentences[shift:] + sentences[:shift])
            if turn:
                text += f" ({turn})"
            out.write(json.dumps({"id": f"{story['id']}~{turn}", "text": text, "date": story.get("date")}) + "\n")


def peak_memory(command: list[str]) -> tuple[float, float, str, float]:
    """(peak MB of the process tree, seconds, stdout, peak MB of the first process alone) of ``command``."""
    import psutil

    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    watched = psutil.Process(process.pid)
    peak = parent_peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, parent_peak
        while not done.is_set():
            try:
                tree = [watched, *watched.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
                parent_peak = max(parent_peak, watched.memory_info().rss)
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode})")
    return peak / 1e6, time.perf_counter() - start, out.strip(), parent_peak / 1e6


def run(context, sizes: tuple[int, ...] = SIZES, workers: int = 2) -> list[Row]:
    rows = []
    base = None
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            corpus = Path(folder) / f"corpus-{count}.jsonl"
            write_corpus(corpus, count)
            megabytes, seconds, summary, parent = peak_memory(
                [
                    sys.executable,
                    "-m",
                    "kg.cli",
                    "build",
                    str(corpus),
                    "--store",
                    str(Path(folder) / f"s-{count}"),
                    "--workers",
                    str(workers),
                ]
            )
            logger.info("%d documents: peak %.0f MB in %.0f s: %s", count, megabytes, seconds, summary)
            base = base or megabytes
            ratio = megabytes / base
            last = count == sizes[-1] and len(sizes) > 1
            rows.append(
                Row(
                    NAME,
                    f"peak memory, {count:,} documents",
                    megabytes,
                    "MB",
                    base,
                    f"peak memory, {sizes[0]:,} documents",
                    ratio,
                    note=f"--workers {workers}, {seconds:.0f} s; the build process alone {parent:,.0f} "
                    f"MB; {summary.split(' -> ')[0]}",
                    floor=f"ratio <= {MAX_RATIO}" if last else None,
                    floor_met=(ratio <= MAX_RATIO) if last else None,
                )
            )
    return rows
