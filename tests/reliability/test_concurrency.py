"""Two processes writing one output: the second fails at once, nobody's work is lost (real processes)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from tests.reliability.conftest import ACCESSION, AGREEMENT, THREAT, WITHDRAWAL, kg_process, kg_run, litter, wait_for

TEXTS = [WITHDRAWAL, THREAT, ACCESSION, AGREEMENT]

HOLDER = """
import sys, time
from kg.fileio import OutputLock
with OutputLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(120)
"""


def corpus(path: Path, prefix: str, count: int) -> Path:
    path.write_text(
        "".join(json.dumps({"id": f"{prefix}{i}", "text": TEXTS[i % len(TEXTS)]}) + "\n" for i in range(count)),
        encoding="utf-8",
    )
    return path


def in_use_message(output: Path, pid: int) -> str:
    return (
        f"kg build: error: {output}: in use by process {pid} (another geokg run is writing it); "
        "wait until it has finished, or write to another file\n"
    )


def test_a_second_writer_fails_at_once_naming_the_first(tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    output.write_bytes(b"")  # an earlier file: must stay as it is
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(output)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"

        completed = kg_run("build", corpus(tmp_path / "a.jsonl", "a", 2), "-o", output)

        assert (completed.returncode, completed.stdout) == (75, "")
        assert completed.stderr == in_use_message(output, holder.pid)
        assert output.read_bytes() == b""
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()

    # the killed holder's lock is taken over: the next build runs and cleans up
    assert litter(tmp_path) == [".graph.ttl.lock"]
    completed = kg_run("build", tmp_path / "a.jsonl", "-o", output)
    assert completed.returncode == 0, completed.stderr
    assert kg.KnowledgeGraph.load(output).documents() == ["a0", "a1"]
    assert litter(tmp_path) == []


@pytest.mark.parametrize("append", [False, True], ids=["build", "append"])
def test_two_builds_into_one_output_never_lose_work_silently(tmp_path: Path, append: bool) -> None:
    output = tmp_path / "graph.ttl"
    flags = ["--append"] if append else []
    first_input = corpus(tmp_path / "first.jsonl", "f", 12)
    second_input = corpus(tmp_path / "second.jsonl", "s", 2)

    first = kg_process("build", first_input, "-o", output, *flags)
    wait_for(lambda: (tmp_path / ".graph.ttl.lock").exists())
    second = kg_process("build", second_input, "-o", output, *flags)
    second_out, second_err = second.communicate(timeout=300)
    first_out, first_err = first.communicate(timeout=300)

    assert first.returncode == 0, first_err
    assert (second.returncode, second_out) == (75, "")
    assert second_err == in_use_message(output, first.pid)
    assert kg.KnowledgeGraph.load(output).documents() == sorted(f"f{i}" for i in range(12))
    assert litter(tmp_path) == []

    # the one told to wait runs again and adds its documents (or replaces the graph without --append)
    again = kg_run("build", second_input, "-o", output, *flags)
    assert again.returncode == 0, again.stderr
    expected = sorted([f"f{i}" for i in range(12)] * append + ["s0", "s1"])
    assert kg.KnowledgeGraph.load(output).documents() == expected


def test_the_same_process_cannot_hold_one_output_twice(tmp_path: Path) -> None:
    from kg.errors import OutputInUseError
    from kg.fileio import OutputLock

    with OutputLock(tmp_path / "g.ttl"), pytest.raises(OutputInUseError, match="in use by process") as caught:
        OutputLock(tmp_path / "g.ttl").acquire()
    assert caught.value.pid is not None
    assert litter(tmp_path) == []
