"""``kg build`` into a store: streaming, skipping unchanged documents, resuming after a kill."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kg
from kg.cli import main
from kg.graph.persistent import PersistentGraph

COUNTRIES = [
    "France",
    "Germany",
    "Poland",
    "Japan",
    "Brazil",
    "Kenya",
    "Egypt",
    "Turkey",
    "India",
    "Chile",
    "Peru",
    "Canada",
    "Mexico",
    "Spain",
    "Italy",
    "Norway",
    "Sweden",
    "Finland",
]
TEMPLATES = [
    "{a} imposed sanctions on {b} in 2019.",
    "The president of {a} visited {b} last week.",
    "{a} and {b} signed a trade agreement on Tuesday.",
    "{a} criticized {b} over its border policy.",
    "{a} joined NATO in 2023.",
]


def corpus(count: int) -> list[dict]:
    """Documents of a few sentences each, with relations between countries."""
    records = []
    for number in range(count):
        sentences = []
        for offset in range(6):
            a = COUNTRIES[(number + offset) % len(COUNTRIES)]
            b = COUNTRIES[(number * 7 + offset + 3) % len(COUNTRIES)]
            sentences.append(TEMPLATES[(number + offset) % len(TEMPLATES)].format(a=a, b=b))
        records.append({"id": f"doc-{number:03d}", "text": " ".join(sentences) * 3, "date": "2024-03-01"})
    return records


def write_corpus(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def store_quads(path: Path) -> set[tuple[str, str]]:
    with PersistentGraph.open(path, read_only=True) as store:
        return {(str(q.graph_name), str(q.triple)) for q in store.quads()}


def store_documents(path: Path) -> list[str]:
    with PersistentGraph.open(path, read_only=True) as store:
        return store.documents()


@pytest.fixture
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, nlp):
    """In-process builds reuse the session's pipeline; counts how often it is asked for."""
    asked = []

    def load_pipeline(model: str | None = None, **options):
        asked.append(model)
        return nlp

    monkeypatch.setattr(kg, "load_pipeline", load_pipeline)
    return asked


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_default_store_then_unchanged_run_extracts_nothing(
    capsys, shared_pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus_file = write_corpus(tmp_path / "news.jsonl", corpus(5))
    code, out, err = run(capsys, "build", corpus_file)
    assert code == 0, err
    assert out.startswith("kg build: 5 document(s): 5 extracted, 0 unchanged, 0 skipped; ")
    assert out.rstrip().endswith("-> kg-store")
    assert store_documents(tmp_path / "kg-store") == [f"doc-{n:03d}" for n in range(5)]
    before = store_quads(tmp_path / "kg-store")
    asked = len(shared_pipeline)

    code, out, err = run(capsys, "build", corpus_file)
    assert code == 0, err
    assert out.startswith("kg build: 5 document(s): 0 extracted, 5 unchanged, 0 skipped; 0 statement(s)")
    assert len(shared_pipeline) == asked  # the pipeline was not even loaded
    assert store_quads(tmp_path / "kg-store") == before


def test_changed_document_replaces_exactly_its_own_statements(capsys, shared_pipeline, tmp_path: Path) -> None:
    records = corpus(3)
    store = tmp_path / "s"
    run(capsys, "build", write_corpus(tmp_path / "a.jsonl", records), "--store", store)
    before = store_quads(store)
    records[1] = {"id": "doc-001", "text": "Japan expelled Brazil's ambassador in 2020.", "date": "2024-03-01"}
    code, out, _ = run(capsys, "build", write_corpus(tmp_path / "a.jsonl", records), "--store", store)
    assert out.startswith("kg build: 3 document(s): 1 extracted, 2 unchanged")
    after = store_quads(store)
    graph = "<https://w3id.org/geokg/document/doc-001>"
    untouched = {q for q in before if q[0] not in (graph, "<https://w3id.org/geokg/graph/truthy>")}
    assert untouched <= after
    with PersistentGraph.open(store, read_only=True) as opened:
        rows = opened.query(
            "SELECT ?s ?o WHERE { GRAPH gkd:doc-001 { ?st rdf:predicate gkg:expelled ; "
            "rdf:subject ?s ; rdf:object ?o } }"
        )
        assert rows.to_dict("records") == [
            {
                "s": "Japan",
                "s_iri": "https://w3id.org/geokg/entity/japan",
                "o": "Brazil",
                "o_iri": "https://w3id.org/geokg/entity/brazil",
            }
        ]
        assert len(opened.statements_from("doc-001")) == 1


def test_store_commands_query_stats_viz_validate_export_remove(capsys, shared_pipeline, tmp_path: Path) -> None:
    store = tmp_path / "kg-store"
    run(capsys, "build", write_corpus(tmp_path / "n.jsonl", corpus(4)), "--store", store)
    code, out, _ = run(capsys, "query", store, "SELECT ?b WHERE { gke:france gkg:sanctioned ?b }", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "b"
    code, out, _ = run(capsys, "stats", store, "--format", "json")
    stats = json.loads(out)
    assert stats["documents"] == 4 and stats["statements"] > 0
    assert run(capsys, "validate", store)[1].strip() == f"kg validate: {store} conforms to the geokg shapes"
    code, out, _ = run(capsys, "viz", store, "-o", tmp_path / "v.html")
    assert code == 0 and (tmp_path / "v.html").read_text().count("<html") == 1
    code, out, _ = run(capsys, "export", store, "-o", tmp_path / "g.ttl")
    assert code == 0
    exported = kg.KnowledgeGraph.load(tmp_path / "g.ttl")
    assert exported.stats() == stats | {"triples": len(exported)}
    removed = len(kg.KnowledgeGraph.load(tmp_path / "g.ttl").statements_from("doc-002"))
    code, out, _ = run(capsys, "remove", "doc-002", "--store", store)
    assert out.strip() == f"kg remove: 1 document(s), {removed} statement(s) removed from {store}"
    assert store_documents(store) == ["doc-000", "doc-001", "doc-003"]
    code, _, err = run(capsys, "remove", "doc-002", "--store", store)
    assert code == 11 and "no document 'doc-002' in the store (nothing was removed)" in err


def test_file_build_and_store_build_give_the_same_graph(capsys, shared_pipeline, tmp_path: Path) -> None:
    corpus_file = write_corpus(tmp_path / "n.jsonl", corpus(6))
    run(capsys, "build", corpus_file, "-o", tmp_path / "file.nt")
    run(capsys, "build", corpus_file, "--store", tmp_path / "s", "-o", tmp_path / "store.nt")
    import pyoxigraph as ox

    def triples(path: Path) -> set[str]:
        canonical = ox.Store()
        canonical.load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        return {str(q.triple) for q in canonical if "contentHash" not in q.predicate.value}

    assert triples(tmp_path / "file.nt") == triples(tmp_path / "store.nt")


def test_append_is_refused_with_a_store(capsys, tmp_path: Path) -> None:
    corpus_file = write_corpus(tmp_path / "n.jsonl", corpus(1))
    code, _, err = run(capsys, "build", corpus_file, "--store", tmp_path / "s", "--append")
    assert code == 4 and "drop --append" in err


# ---------------------------------------------------------------------- real processes

KG = [sys.executable, "-m", "kg.cli"]


def _start_build(corpus_file: Path, store: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*KG, "build", str(corpus_file), "--store", str(store), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # Ctrl-C as in a terminal
    )


def _wait_for_progress(process: subprocess.Popen, tenths: int) -> None:
    """Read the quiet progress lines until ``tenths`` tenths of the documents are done."""
    seen = 0
    while seen < tenths:
        line = process.stderr.readline()
        assert line, "the build ended before it could be interrupted"
        if line.startswith("kg build: ") and "documents" in line:
            seen += 1


@pytest.fixture(scope="module")
def reference(tmp_path_factory, nlp) -> tuple[Path, Path]:
    """A 30-document corpus and the store of its uninterrupted build."""
    folder = tmp_path_factory.mktemp("reference")
    corpus_file = write_corpus(folder / "news.jsonl", corpus(30))
    with PersistentGraph.open(folder / "store") as store:
        from kg.api import as_documents
        from kg.ingest import build_store

        build_store(as_documents([corpus_file]), store, nlp=nlp)
    return corpus_file, folder / "store"


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_build_resumes_to_the_uninterrupted_graph(reference, tmp_path: Path, stop) -> None:
    corpus_file, expected = reference
    store = tmp_path / "store"
    # small batches: documents are committed one batch after another, so the signal lands mid-build
    process = _start_build(corpus_file, store, "--batch-size", "2")
    _wait_for_progress(process, random.Random(stop).randint(2, 6))
    time.sleep(random.Random(stop + 1).random() * 0.3)
    process.send_signal(stop)
    _, err = process.communicate(timeout=120)
    committed = store_documents(store)
    assert 0 < len(committed) < 30
    if stop == signal.SIGINT:
        assert process.returncode == 130
        assert f"interrupted; {len(committed)} document(s) committed to {store}" in err
        assert "Traceback" not in err
    else:
        assert process.returncode == -signal.SIGKILL
    resumed = subprocess.run(
        [*KG, "build", str(corpus_file), "--store", str(store)], capture_output=True, text=True, timeout=300
    )
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.startswith(
        f"kg build: 30 document(s): {30 - len(committed)} extracted, {len(committed)} unchanged"
    )
    assert store_quads(store) == store_quads(expected)


def test_two_workers_build_the_same_graph(reference, tmp_path: Path) -> None:
    corpus_file, expected = reference
    result = subprocess.run(
        [*KG, "build", str(corpus_file), "--store", str(tmp_path / "s"), "--workers", "2", "--batch-size", "4"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("kg build: 30 document(s): 30 extracted, 0 unchanged")
    assert store_quads(tmp_path / "s") == store_quads(expected)


def test_worker_tasks_are_whole_batches_and_small_at_the_end() -> None:
    from kg.ingest import _tasks

    tasks = list(_tasks(iter(range(417)), 32, 2, 8))
    assert [len(task) for task in tasks] == [32] * 11 + [8] * 8 + [1]
    assert [document for task in tasks for document in task] == list(range(417))
    assert list(_tasks(iter(range(5)), 32, 2, 8)) == [[0, 1, 2, 3, 4]]
    assert list(_tasks(iter(()), 32, 2, 8)) == []


def test_second_build_into_a_busy_store_fails_at_once_and_loses_nothing(reference, tmp_path: Path) -> None:
    corpus_file, expected = reference
    store = tmp_path / "store"
    first = _start_build(corpus_file, store)
    _wait_for_progress(first, 1)
    started = time.monotonic()
    second = subprocess.run(
        [*KG, "build", str(corpus_file), "--store", str(store)], capture_output=True, text=True, timeout=120
    )
    assert second.returncode == 75  # in use: try again later
    assert second.stderr.startswith(f"kg build: error: {store}: the store is in use by process {first.pid} (")
    assert "Traceback" not in second.stderr
    assert time.monotonic() - started < 30
    first.communicate(timeout=300)
    assert first.returncode == 0
    assert store_quads(store) == store_quads(expected)


# ---------------------------------------------------------------------- a Dask cluster


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
        ) as local,
        distributed.Client(local) as client,
    ):
        yield local, client


def test_dask_cluster_builds_the_same_graph(reference, cluster, tmp_path: Path, nlp) -> None:
    from kg.api import as_documents
    from kg.ingest import build_store

    corpus_file, expected = reference
    local, client = cluster
    with PersistentGraph.open(tmp_path / "s") as store:
        report = build_store(as_documents([corpus_file]), store, scheduler=client, batch_size=4)
    assert (report.documents, report.extracted) == (30, 30)
    assert store_quads(tmp_path / "s") == store_quads(expected)
    # both workers took part, each loading the pipeline once
    loaded = client.run(lambda: sorted(str(k) for k in __import__("kg.distributed").distributed._pipelines))
    assert sorted(loaded.values()) == [["None"], ["None"]]


def test_cli_build_with_a_scheduler_address(reference, cluster, tmp_path: Path) -> None:
    corpus_file, expected = reference
    local, _ = cluster
    result = subprocess.run(
        [
            *KG,
            "build",
            str(corpus_file),
            "--store",
            str(tmp_path / "s"),
            "--scheduler",
            local.scheduler_address,
            "--batch-size",
            "8",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("kg build: 30 document(s): 30 extracted, 0 unchanged")
    assert store_quads(tmp_path / "s") == store_quads(expected)


def test_unreachable_scheduler_is_one_clear_error(capsys, tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    corpus_file = write_corpus(tmp_path / "n.jsonl", corpus(1))
    code, _, err = run(
        capsys, "build", corpus_file, "--store", tmp_path / "s", "--scheduler", f"tcp://127.0.0.1:{port}"
    )
    assert code == 1
    assert err.startswith(f"kg build: error: tcp://127.0.0.1:{port}: cannot reach the Dask scheduler")
    assert "Traceback" not in err


def test_progress_bar_on_a_terminal_and_quiet_lines_elsewhere(reference, tmp_path: Path) -> None:
    import pty

    corpus_file, _ = reference
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*KG, "build", str(corpus_file), "--store", str(tmp_path / "tty")],
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
    )
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the build ended and closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    out, _ = process.communicate(timeout=120)
    os.close(leader)
    text = screen.decode("utf-8", "replace")
    assert "kg build: 100%" in text and "30/30" in text
    assert "statements" in text and "words/s" in text
    assert out.startswith("kg build: 30 document(s): 30 extracted")
    piped = subprocess.run(
        [*KG, "build", str(corpus_file), "--store", str(tmp_path / "pipe")], capture_output=True, text=True, timeout=120
    )
    lines = [line for line in piped.stderr.splitlines() if line.startswith("kg build: ") and "documents," in line]
    assert lines[-1].startswith("kg build: 30/30 documents, ")
    assert len(lines) <= 11 and "\r" not in piped.stderr
