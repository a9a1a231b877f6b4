"""``kg serve``: a read-only SPARQL endpoint over a store, queried with SPARQLWrapper."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.graph.locking import StoreInUseError
from kg.graph.persistent import PersistentGraph
from kg.records import Document, Entity, Relation

CHILE = Entity("chile", "Chile", "Country", iso3="CHL")
PERU = Entity("peru", "Peru", "Country", iso3="PER")
BOLIVIA = Entity("bolivia", "Bolivia", "Country", iso3="BOL")
METWITH = """SELECT ?o WHERE { gke:chile gkg:metWith ?o } ORDER BY ?o"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("served") / "kg-store"
    with PersistentGraph.open(path) as store:
        for number, other in enumerate((PERU, BOLIVIA)):
            relation = Relation(
                CHILE,
                "metWith",
                other,
                f"d{number}",
                "Chile met its neighbour.",
                0,
                24,
                "Chile",
                other.label,
                confidence=0.9,
            )
            store.add(Document(f"d{number}", "Chile met its neighbour."), [relation], "0.1.0")
    return path


@pytest.fixture(scope="module")
def endpoint(store_path: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "serve",
            "--store",
            str(store_path),
            "--port",
            str(port),
            "--timeout",
            "2",
            "--max-rows",
            "20",
            "--workers",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    try:
        assert line.startswith(f"kg serve: read-only SPARQL endpoint on http://127.0.0.1:{port}/query"), (
            line if line else line + process.stderr.read()
        )
        yield f"http://127.0.0.1:{port}/query", process
    finally:
        process.terminate()
        process.communicate(timeout=20)


def _client(url: str, query: str, return_format=JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client


def _error(url: str, data: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), method="POST")
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request, timeout=30)
    return raised.value.code, raised.value.read().decode()


def test_select_answers_in_json_xml_and_csv(endpoint) -> None:
    url, _ = endpoint
    rows = _client(url, METWITH).queryAndConvert()["results"]["bindings"]
    assert rows == [
        {"o": {"type": "uri", "value": "https://w3id.org/geokg/entity/bolivia"}},
        {"o": {"type": "uri", "value": "https://w3id.org/geokg/entity/peru"}},
    ]
    xml = _client(url, METWITH, XML).queryAndConvert()
    assert [node.firstChild.data for node in xml.getElementsByTagName("uri")] == [
        "https://w3id.org/geokg/entity/bolivia",
        "https://w3id.org/geokg/entity/peru",
    ]
    csv_text = _client(url, METWITH, CSV).queryAndConvert().decode()
    assert csv_text.splitlines() == ["o", "https://w3id.org/geokg/entity/bolivia", "https://w3id.org/geokg/entity/peru"]


def test_literals_ask_and_construct(endpoint) -> None:
    url, _ = endpoint
    rows = _client(
        url, "SELECT ?c ?l WHERE { ?st gkg:confidence ?c . gke:peru rdfs:label ?l } LIMIT 1"
    ).queryAndConvert()["results"]["bindings"]
    assert rows == [
        {
            "c": {"type": "literal", "value": "0.9", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"},
            "l": {"type": "literal", "value": "Peru", "xml:lang": "en"},
        }
    ]
    assert _client(url, "ASK { gke:chile gkg:metWith gke:peru }").queryAndConvert()["boolean"] is True
    from SPARQLWrapper import TURTLE

    construct = _client(url, "CONSTRUCT { ?s gkg:metWith ?o } WHERE { ?s gkg:metWith ?o }", TURTLE)
    turtle = construct.queryAndConvert().decode()
    from rdflib import Graph

    assert len(Graph().parse(data=turtle, format="turtle")) == 2


def test_update_is_refused_with_a_clear_message(endpoint) -> None:
    url, _ = endpoint
    code, message = _error(url, {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert code == 403
    assert message.startswith("this endpoint is read-only: SPARQL Update is refused;")
    code, message = _error(url, {"query": "PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }"})
    assert code == 403 and "read-only" in message
    # a comment before the operation hides nothing: kg.graph.sparql decides what is an update
    code, message = _error(url, {"query": "# tidy up\nCLEAR ALL"})
    assert code == 403 and message.startswith("this endpoint is read-only: SPARQL Update is refused;")
    client = _client(url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    client.setMethod("POST")
    with pytest.raises(urllib.error.HTTPError, match="403"):
        client.query()
    assert _client(url, "ASK { <urn:a> ?p ?o }").queryAndConvert()["boolean"] is False


def test_bad_query_gets_a_message_not_a_stack_trace(endpoint) -> None:
    url, _ = endpoint
    with pytest.raises(QueryBadFormed, match="invalid SPARQL query"):
        _client(url, "SELECT ?x WHERE {").query()
    code, message = _error(url, {"query": "SELECT ?x WHERE {"})
    assert code == 400 and "Traceback" not in message and message.startswith("invalid SPARQL query: ")


def test_long_answers_are_refused_and_slow_queries_stopped(endpoint) -> None:
    url, process = endpoint
    code, message = _error(url, {"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert code == 413
    assert message.startswith("the answer has more than 20 results; add a LIMIT")
    assert len(_client(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 20").queryAndConvert()["results"]["bindings"]) == 20
    code, message = _error(
        url, {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"}
    )
    assert code == 503
    assert message.startswith("the query ran longer than 2 s and was stopped;")
    # the endpoint goes on answering, with a fresh worker
    assert _client(url, "ASK { gke:chile gkg:metWith gke:bolivia }").queryAndConvert()["boolean"] is True
    assert process.poll() is None


def test_a_served_store_keeps_writers_out(endpoint, store_path: Path) -> None:
    _, process = endpoint
    with pytest.raises(StoreInUseError, match=rf"in use by process {process.pid} \(.*serve"):
        PersistentGraph.open(store_path)
