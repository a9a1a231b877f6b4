"""Pushing graphs to a SPARQL server and querying it, against a local Oxigraph server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import cli
from kg.errors import QueryError
from kg.graph.remote import RemoteError, push, query_endpoint
from kg.graph.store import KnowledgeGraph

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))

pytestmark = pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="needs the oxigraph server (pip install oxigraph)")

WITHDRAWAL = """SELECT ?org ?year WHERE {
  ?st rdf:subject gke:uzbekistan ; rdf:predicate gkg:withdrewFrom ; rdf:object ?org ;
      gkg:pointInTime ?year .
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the Oxigraph server did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def graph(nlp) -> KnowledgeGraph:
    import kg

    return kg.build_graph(["Tashkent pulled out of the CSTO in 2012."], nlp=nlp)


def test_pushed_graph_answers_the_same_query(server, graph):
    sent = push(graph.graph, f"{server}/store", replace=True)

    remote = query_endpoint(f"{server}/query", WITHDRAWAL)
    local = graph.query(WITHDRAWAL)

    assert sent == len(graph)
    assert remote.to_dict("records") == [
        {"org": "https://w3id.org/geokg/entity/collective-security-treaty-organization", "year": "2012"}
    ]
    assert remote["org"].tolist() == local["org_iri"].tolist()
    count = query_endpoint(f"{server}/query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert count["n"].tolist() == [len(graph)]


def test_replace_clears_the_target_graph_first(server, graph):
    push(graph.graph, f"{server}/store", replace=True)
    push(graph.graph, f"{server}/store", named_graph="https://example.org/run-2")
    push(graph.graph, f"{server}/store", named_graph="https://example.org/run-2", replace=True)

    named = query_endpoint(
        f"{server}/query",
        """SELECT (COUNT(*) AS ?n) WHERE {
        GRAPH <https://example.org/run-2> { ?s ?p ?o } }""",
    )
    assert named["n"].tolist() == [len(graph)]


def test_cli_push_and_remote_query(server, graph, tmp_path, capsys):
    path = graph.serialize(tmp_path / "g.ttl")
    assert cli.main(["push", str(path), f"{server}/store", "--replace"]) == 0
    assert f"sent {len(graph)} triples" in capsys.readouterr().out

    assert cli.main(["query", f"{server}/query", WITHDRAWAL, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["org,year", "gke:collective-security-treaty-organization,2012"]


def test_invalid_query_is_a_query_error(server):
    with pytest.raises(QueryError, match="the server answered 400"):
        query_endpoint(f"{server}/query", "SELECT WHERE {")


def test_unreachable_endpoint_is_named(graph):
    url = f"http://127.0.0.1:{_free_port()}/store"
    with pytest.raises(RemoteError, match=rf"{url}.*cannot reach the endpoint"):
        push(graph.graph, url)


def test_cli_reports_an_unreachable_endpoint_in_one_line(graph, tmp_path, capsys):
    path = graph.serialize(tmp_path / "g.ttl")
    url = f"http://127.0.0.1:{_free_port()}/store"
    assert cli.main(["push", str(path), url]) == 7  # RemoteError
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"kg push: error: {url}") and "\n" not in error


# ---------------------------------------------------------------------- stores, in batches


@pytest.fixture
def store(tmp_path, graph):
    from kg.graph.persistent import PersistentGraph
    from kg.records import Document

    with PersistentGraph.open(tmp_path / "kg-store") as opened:
        for number, text in enumerate(
            ["Tashkent pulled out of the CSTO in 2012.", "France imposed sanctions on Iran in 2019."]
        ):
            import kg

            document = Document(f"d{number}", text)
            opened.add(document, next(iter(kg.api.extract([document])))[1], "0.1.0")
        yield opened


def _sparqlwrapper(url: str, query: str) -> list[dict]:
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    return [{k: v["value"] for k, v in row.items()} for row in client.queryAndConvert()["results"]["bindings"]]


def test_store_pushed_in_batches_holds_the_same_triples(server, store):
    sent = push(store, f"{server}/store", replace=True, batch_size=7)
    assert sent == len(store)
    rows = _sparqlwrapper(f"{server}/query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    union = {(q.subject.value, q.predicate.value, q.object.value) for q in store.quads()}
    assert {(r["s"], r["p"], r["o"]) for r in rows} == union


def test_store_pushed_with_named_graphs_keeps_one_graph_per_document(server, store):
    push(store, f"{server}/store", replace=True, named_graphs=True, batch_size=10)
    rows = _sparqlwrapper(f"{server}/query", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    expected = {name: sum(1 for _ in quads) for name, quads in store.graphs()}
    assert {r["g"]: int(r["n"]) for r in rows if r["g"] in expected} == expected
    assert "https://w3id.org/geokg/document/d0" in expected


def test_cli_pushes_a_store(server, store, capsys):
    store.close()
    assert cli.main(["push", str(store.path), f"{server}/store", "--replace", "--batch-size", "5"]) == 0
    reopened = KnowledgeGraph.load(store.path)
    assert capsys.readouterr().out.strip() == f"kg push: sent {len(reopened)} triples to {server}/store"
    reopened.close()
