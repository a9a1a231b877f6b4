"""Interrupted writes and builds (real processes killed): the old file or the new, no litter, same graph."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.compare import isomorphic

import kg
from kg.fileio import atomic_write, temporary_files
from tests.reliability.conftest import (
    ACCESSION,
    AGREEMENT,
    RECOGNITION,
    THREAT,
    WITHDRAWAL,
    kg_process,
    kg_run,
    litter,
    run,
    wait_for,
)

TEXTS = [WITHDRAWAL, THREAT, ACCESSION, AGREEMENT, RECOGNITION]

SLOW_WRITER = """
import sys, time
from kg.fileio import atomic_write

def chunks():
    yield b"@prefix ex: <http://example.org/> .\\n"
    print("writing", flush=True)
    time.sleep(120)
    yield b"ex:a ex:b ex:c .\\n"

atomic_write(sys.argv[1], chunks())
"""


def corpus(path: Path, prefix: str, count: int) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": f"{prefix}{i}", "text": TEXTS[i % len(TEXTS)], "date": "2024-03-01"}) + "\n"
            for i in range(count)
        ),
        encoding="utf-8",
    )
    return path


def test_kill_in_the_middle_of_a_write_keeps_the_old_file_and_the_next_write_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    atomic_write(target, "<http://example.org/old> <http://example.org/p> <http://example.org/o> .\n")
    old = target.read_bytes()
    writer = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline() == "writing\n"

    writer.send_signal(signal.SIGKILL)
    writer.wait()

    assert target.read_bytes() == old
    (leftover,) = temporary_files(target)  # the killed writer's part, never the target
    assert leftover.name.startswith(f".graph.ttl.geokg-{writer.pid}-")

    graph = kg.KnowledgeGraph()
    graph.graph.add((URIRef("http://example.org/new"), URIRef("http://example.org/p"), URIRef("http://example.org/o")))
    graph.serialize(target)  # what kg build and kg export write with

    assert litter(tmp_path) == []
    assert isomorphic(kg.KnowledgeGraph.load(target).graph, graph.graph)


@pytest.mark.parametrize(
    ("stop", "code", "message", "earlier"),
    [
        (signal.SIGINT, 130, "interrupted", b""),
        (signal.SIGTERM, 143, "stopped by SIGTERM", None),
    ],
    ids=["SIGINT", "SIGTERM"],
)
def test_a_signal_stops_a_build_with_one_line_and_leaves_the_old_file(
    tmp_path: Path, stop: signal.Signals, code: int, message: str, earlier: bytes | None
) -> None:
    output = tmp_path / "graph.ttl"
    if earlier is not None:
        atomic_write(output, earlier)
    # enough documents that the build is still running half a second after it takes its lock
    process = kg_process("build", corpus(tmp_path / "news.jsonl", "n", 400), "-o", output)
    wait_for(lambda: (tmp_path / ".graph.ttl.lock").exists())
    time.sleep(0.5)

    process.send_signal(stop)
    out, err = process.communicate(timeout=120)

    assert (process.returncode, out) == (code, "")
    assert err == f"kg build: {message}; files being written were left as they were\n"
    assert (output.read_bytes() if output.exists() else None) == earlier
    assert litter(tmp_path) == []


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_interrupted_append_run_again_gives_the_graph_of_an_uninterrupted_build(
    capsys, tmp_path: Path, stop: signal.Signals
) -> None:
    first = corpus(tmp_path / "first.jsonl", "a", 5)
    second = corpus(tmp_path / "second.jsonl", "b", 150)  # long enough to be interrupted
    clean = tmp_path / "clean" / "graph.ttl"
    assert run(capsys, "build", first, second, "-o", clean)[0] == 0  # in this process: same pipeline

    output = tmp_path / "out" / "graph.ttl"
    assert run(capsys, "build", first, "-o", output)[0] == 0
    before = output.read_bytes()
    lock = output.with_name(".graph.ttl.lock")
    rng = random.Random(10)
    for _ in range(2):  # interrupted (up to) twice at different moments
        process = kg_process("build", second, "-o", output, "--append")
        wait_for(lock.exists)
        time.sleep(rng.uniform(0.0, 1.0))
        process.send_signal(stop)
        process.communicate(timeout=120)
        if process.returncode == 0:  # finished before the signal: nothing to test this round
            break
        assert output.read_bytes() == before  # the old graph, whole
        assert temporary_files(output) == []

    completed = kg_run("build", second, "-o", output, "--append")

    assert completed.returncode == 0, completed.stderr
    assert isomorphic(kg.KnowledgeGraph.load(output).graph, kg.KnowledgeGraph.load(clean).graph)
    assert litter(output.parent) == []
