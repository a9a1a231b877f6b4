"""Helpers for the reliability tests: the CLI in-process, and real `kg` processes.

Tests that need a folder this process cannot read or write run `kg` without
root's permission override when the suite runs as root (root reads and writes
everything otherwise).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

import kg
from kg.cli import main

KG = Path(sys.executable).with_name("kg")

WITHDRAWAL = "Tashkent pulled out of the CSTO in 2012.\n"
THREAT = "Russia threatened Armenia on Monday.\n"
RECOGNITION = "France recognised Palestine on September 22.\n"
ACCESSION = "Finland joined NATO in 2023.\n"
AGREEMENT = "Chile and Peru signed a trade agreement in 2006.\n"


@pytest.fixture(autouse=True)
def _commands_share_the_pipeline(shared_pipeline) -> None:
    """In-process commands reuse the session's pipeline."""


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run `kg` in this process; return (exit code, stdout, stderr)."""
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def unprivileged() -> list[str]:
    """The command prefix that runs a process under the ordinary permission checks.

    Root passes every permission check; without the capabilities that let it
    (``setpriv`` from util-linux drops them), it is refused like any user.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux): cannot drop the permission override")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def interruptible() -> None:
    """In a child before it runs: Ctrl-C handled as in a terminal, even when the tests run as a
    background job (which starts with SIGINT ignored, and its children with it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def kg_process(*argv: str | Path, unprivileged_run: bool = False, **options) -> subprocess.Popen:
    """Start a real `kg` process."""
    prefix = unprivileged() if unprivileged_run else []
    return subprocess.Popen(
        [*prefix, str(KG), *map(str, argv)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=interruptible,
        **options,
    )


def kg_run(*argv: str | Path, unprivileged_run: bool = False, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run a real `kg` process to its end."""
    prefix = unprivileged() if unprivileged_run else []
    return subprocess.run(
        [*prefix, str(KG), *map(str, argv)], capture_output=True, text=True, timeout=timeout, check=False
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def triples(path: Path) -> Graph:
    return kg.KnowledgeGraph.load(path).graph


def litter(folder: Path) -> list[str]:
    """Hidden files geokg may leave beside its outputs (temporary files, locks)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def wait_for(condition, seconds: float = 60.0) -> None:
    """Poll `condition` until it holds (fails the test after `seconds`)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds} s waiting for {condition}")
        time.sleep(0.005)
