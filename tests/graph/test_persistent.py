"""The persistent store: named graphs per document, content hashes, truthy triples kept right."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from kg.graph.locking import StoreInUseError
from kg.graph.namespace import GKG
from kg.graph.persistent import (
    ENTITY_GRAPH,
    TRUTHY_GRAPH,
    PersistentGraph,
    StoreError,
    content_hash,
    document_ntriples,
    is_store,
)
from kg.graph.store import KnowledgeGraph
from kg.records import Document, Entity, Relation, TimeSpan

VERSION = "0.1.0"
RUSSIA = Entity("russia", "Russia", "Country", iso3="RUS", qid="Q159")
UKRAINE = Entity("ukraine", "Ukraine", "Country", iso3="UKR", qid="Q212")
EGYPT = Entity("egypt", "Egypt", "Country", iso3="EGY")
NATO = Entity("nato", "NATO", "InternationalOrganization", aliases=("North Atlantic Treaty Organization",))
RUSSIAN_MILITARY = Entity("russia-military", "Russia (military)", "Agent", country="russia", sector="Military")
EGYPTIAN_POLICE = Entity("egypt-police", "Egypt (police)", "Agent", country="egypt", sector="Police")
EGYPTIAN_PROTESTERS = Entity("egypt-protesters", "Egypt (protesters)", "Agent", country="egypt", sector="Protesters")
COUNTRIES = (RUSSIA, UKRAINE, EGYPT)


def relation(
    subject: Entity, predicate: str, obj: Entity, document: str, start: int = 0, modality: str = "Asserted"
) -> Relation:
    countries = tuple(c for c in COUNTRIES if c.key in {subject.country, obj.country})
    return Relation(
        subject,
        predicate,
        obj,
        document,
        f"Evidence {start}.",
        start,
        start + 10,
        subject.label,
        obj.label,
        modality=modality,
        confidence=0.8,
        countries=countries,
    )


def document(identifier: str, text: str = "Some text.") -> Document:
    return Document(identifier, text, title=f"Title of {identifier}")


# d1: Russian troops attacked Ukraine (lifted: russia attacked ukraine); Egyptian police coerced protesters
D1 = (
    document("d1"),
    [
        relation(RUSSIAN_MILITARY, "attacked", UKRAINE, "d1"),
        relation(EGYPTIAN_POLICE, "coerced", EGYPTIAN_PROTESTERS, "d1", 20),
    ],
)
# d2: Russia attacked Ukraine directly; Russia threatened NATO (future: no truthy triple)
D2 = (
    document("d2"),
    [relation(RUSSIA, "attacked", UKRAINE, "d2"), relation(RUSSIA, "threatened", NATO, "d2", 30, modality="Future")],
)
# d2, changed: now only a meeting
D2_CHANGED = (document("d2", "Other text."), [relation(RUSSIA, "metWith", UKRAINE, "d2", 5)])
# d3: Russia joined nothing, Ukraine joined NATO
D3 = (document("d3"), [relation(UKRAINE, "joined", NATO, "d3")])


def canonical_triples(graph: KnowledgeGraph) -> set[str]:
    """The graph's triples as canonical N-Triples lines, without the store's content hashes."""
    if isinstance(graph, PersistentGraph):
        triples = (quad.triple for quad in graph.quads())
    else:
        # through an Oxigraph store too, which writes literals in canonical form ("0.80" -> "0.8")
        canonical = ox.Store()
        canonical.load(graph.graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        triples = (quad.triple for quad in canonical)
    return {str(t) for t in triples if t.predicate.value != str(GKG.contentHash)}


def truthy(graph: KnowledgeGraph) -> set[tuple[str, str, str]]:
    names = {str(GKG[r]) for r in ("attacked", "coerced", "metWith", "threatened", "joined")}
    found = set()
    for line in canonical_triples(graph):
        s, p, o = line.rstrip(" .").split(" ", 2)
        if p.strip("<>") in names and s.startswith("<https://w3id.org/geokg/entity/"):
            found.add(
                (s.rsplit("/", 1)[-1].rstrip(">"), p.rsplit("#", 1)[-1].rstrip(">"), o.rsplit("/", 1)[-1].rstrip(">"))
            )
    return found


@pytest.fixture
def store(tmp_path: Path):
    with PersistentGraph.open(tmp_path / "kg-store") as opened:
        yield opened


def test_store_holds_exactly_the_graph_of_a_file_build_through_changes(store: PersistentGraph) -> None:
    memory = KnowledgeGraph()
    for step in (D1, D2, D3, D2_CHANGED):
        store.add(*step, VERSION)
        memory.add(*step, VERSION)
        assert canonical_triples(store) == canonical_triples(memory)
    store.remove("d1")
    from kg.graph.build import remove_document

    remove_document(memory.graph, "d1")
    assert canonical_triples(store) == canonical_triples(memory)
    assert store.stats() == memory.stats() | {"triples": len(store)}


def test_truthy_triple_stays_while_another_document_supports_it(store: PersistentGraph) -> None:
    store.add(*D1, VERSION)
    store.add(*D2, VERSION)
    assert truthy(store) == {
        ("russia-military", "attacked", "ukraine"),
        ("russia", "attacked", "ukraine"),
        ("egypt-police", "coerced", "egypt-protesters"),
    }
    store.remove("d2")  # d1 still supports russia attacked ukraine, through the agent lift
    assert truthy(store) == {
        ("russia-military", "attacked", "ukraine"),
        ("russia", "attacked", "ukraine"),
        ("egypt-police", "coerced", "egypt-protesters"),
    }
    store.add(*D2, VERSION)
    store.remove("d1")  # d2 supports it directly
    assert truthy(store) == {("russia", "attacked", "ukraine")}
    store.add(*D2_CHANGED, VERSION)  # the changed d2 no longer does
    assert truthy(store) == {("russia", "metWith", "ukraine")}
    assert store.documents() == ["d2"]


def test_each_document_has_its_own_graph_and_entities_theirs(store: PersistentGraph) -> None:
    store.add(*D1, VERSION)
    store.add(*D3, VERSION)
    graphs = {g.value for g in store._store.named_graphs()}
    assert graphs == {
        "https://w3id.org/geokg/document/d1",
        "https://w3id.org/geokg/document/d3",
        ENTITY_GRAPH,
        TRUTHY_GRAPH,
    }
    d3 = {
        q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        for q in store._store.quads_for_pattern(None, None, None, ox.NamedNode("https://w3id.org/geokg/document/d3"))
    }
    assert {"subject", "predicate", "object", "modality", "evidence", "contentHash", "identifier"} <= d3
    labels = {
        (q.subject.value.rsplit("/", 1)[-1], q.object.value)
        for q in store._store.quads_for_pattern(
            None, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None, ox.NamedNode(ENTITY_GRAPH)
        )
    }
    assert labels == {
        ("russia-military", "Russia (military)"),
        ("russia", "Russia"),
        ("ukraine", "Ukraine"),
        ("egypt", "Egypt"),
        ("egypt-police", "Egypt (police)"),
        ("egypt-protesters", "Egypt (protesters)"),
        ("nato", "NATO"),
    }
    assert store.statements_from("d3") == kg.KnowledgeGraph.statements_from(store, "d3")


def test_document_ntriples_are_the_triples_of_an_rdflib_build() -> None:
    import datetime
    from dataclasses import replace

    from rdflib import Graph, Literal

    from kg.graph.build import document_iri

    awkward = 'He said "no" \\ then\nleft\r\tMoscow; Zelensky – Зеленський, 習近平 😀'
    person = Entity("jose-lopez", "José López", "Person", country="egypt", aliases=("J. López", "José López"))
    relations = [
        *D1[1],
        replace(
            relation(person, "criticized", RUSSIA, "d9", 40),
            evidence=awkward,
            subject_text=awkward,
            role="spokesman",
            time=TimeSpan("in March 2022", point="2022-03"),
            attributed_to=EGYPT,
            qualifiers=(("commodity", "grain"),),
            countries=(EGYPT, RUSSIA),
        ),
        replace(relation(RUSSIA, "threatened", NATO, "d9", 60, modality="Future"), confidence=0.705),
    ]
    doc = Document("d9", "Some text.", title=awkward, date=datetime.date(2024, 2, 29), source="https://ex.org/a b")
    expected = KnowledgeGraph(Graph())
    expected.add(doc, relations, VERSION)
    expected.graph.add((document_iri("d9"), GKG.contentHash, Literal("sha256:0")))

    written = Graph().parse(data=document_ntriples(doc, relations, VERSION, "sha256:0"), format="nt")

    assert set(written) == set(expected.graph)
    assert len(written) == len(expected.graph) > 40


def test_content_hash_changes_with_text_date_and_reader() -> None:
    base = Document("d1", "Chile and Peru met.")
    assert content_hash(base, "r1") == content_hash(Document("d1", "Chile and Peru met."), "r1")
    import datetime

    others = [
        Document("d1", "Chile and Peru met again."),
        Document("d1", "Chile and Peru met.", date=datetime.date(2024, 1, 2)),
        Document("d1", "Chile and Peru met.", title="T"),
    ]
    assert len({content_hash(base, "r1"), content_hash(base, "r2"), *(content_hash(d, "r1") for d in others)}) == 5


def test_stored_hash_is_the_documents_digest(store: PersistentGraph) -> None:
    store.add(*D1, VERSION)
    assert store.stored_hash("d1") == content_hash(D1[0], VERSION)
    assert store.stored_hash("d9") is None


def test_reopened_store_keeps_its_graph(tmp_path: Path) -> None:
    with PersistentGraph.open(tmp_path / "s") as store:
        store.add(*D1, VERSION)
        expected = canonical_triples(store)
    assert is_store(tmp_path / "s")
    reopened = KnowledgeGraph.load(tmp_path / "s")
    try:
        assert isinstance(reopened, PersistentGraph) and reopened.read_only
        assert canonical_triples(reopened) == expected
        assert reopened.query("SELECT ?o WHERE { gke:russia-military gkg:attacked ?o }")["o_iri"].tolist() == [
            "https://w3id.org/geokg/entity/ukraine"
        ]
        with pytest.raises(StoreError, match="read-only"):
            reopened.add(*D2, VERSION)
    finally:
        reopened.close()


def test_exported_files_hold_the_union_or_the_named_graphs(store: PersistentGraph, tmp_path: Path) -> None:
    store.add(*D1, VERSION)
    store.add(*D2, VERSION)
    expected = canonical_triples(store)
    for suffix in (".ttl", ".nt", ".jsonld"):
        loaded = KnowledgeGraph.load(store.serialize(tmp_path / f"g{suffix}"))
        assert (
            canonical_triples(loaded)
            | {str(q.triple) for q in store.quads() if q.predicate.value == str(GKG.contentHash)}
            >= expected
        )
        assert canonical_triples(loaded) == expected
    dataset = ox.Store()
    dataset.load(path=str(store.serialize(tmp_path / "g.trig")), format=ox.RdfFormat.TRIG)
    assert {(str(q.graph_name), str(q.triple)) for q in dataset} == {
        (str(q.graph_name), str(q.triple)) for q in store.quads()
    }


def test_removing_an_unknown_document_says_so(store: PersistentGraph) -> None:
    with pytest.raises(StoreError, match=r"no document 'd7' in the store"):
        store.remove("d7")


def test_a_directory_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="not a geokg store"):
        PersistentGraph.open(tmp_path)
    with pytest.raises(StoreError, match="no store here; build one with"):
        PersistentGraph.open(tmp_path / "missing", read_only=True)


HOLD_STORE = textwrap.dedent("""
    import sys, time
    from kg.graph.persistent import PersistentGraph
    store = PersistentGraph.open(sys.argv[1], read_only=sys.argv[2] == "read")
    print("ready", flush=True)
    sys.stdin.readline()
""")


def _holder(path: Path, mode: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_STORE, str(path), mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def test_a_second_writer_fails_at_once_naming_the_first(tmp_path: Path) -> None:
    path = tmp_path / "kg-store"
    with PersistentGraph.open(path) as store:
        store.add(*D1, VERSION)
    holder = _holder(path, "write")
    try:
        with pytest.raises(StoreInUseError, match=rf"in use by process {holder.pid} \(.*\)"):
            PersistentGraph.open(path)
        with pytest.raises(StoreInUseError, match=rf"in use by process {holder.pid}"):
            PersistentGraph.open(path, read_only=True)
    finally:
        holder.communicate("\n", timeout=30)
    with PersistentGraph.open(path) as store:  # free again, nothing lost
        assert store.documents() == ["d1"]


def test_readers_share_a_store_but_keep_writers_out(tmp_path: Path) -> None:
    path = tmp_path / "kg-store"
    PersistentGraph.open(path).close()
    holder = _holder(path, "read")
    try:
        with PersistentGraph.open(path, read_only=True) as reader:
            assert len(reader) == 0
        with pytest.raises(StoreInUseError, match=rf"in use by process {holder.pid}"):
            PersistentGraph.open(path)
    finally:
        holder.communicate("\n", timeout=30)


def test_build_graph_into_a_store_streams_and_skips_unchanged(nlp, tmp_path: Path) -> None:
    texts = ["Tashkent pulled out of the CSTO in 2012.", "Chile and Peru signed a trade agreement."]
    with kg.build_graph(texts, store=tmp_path / "s", nlp=nlp) as store:
        first = {str(q.triple) for q in store.quads()}
        assert len(store.documents()) == 2
        assert store.query("SELECT ?o WHERE { gke:uzbekistan gkg:withdrewFrom ?o }")["o_iri"].tolist() == [
            "https://w3id.org/geokg/entity/collective-security-treaty-organization"
        ]
    from kg.api import as_documents
    from kg.ingest import build_store

    with PersistentGraph.open(tmp_path / "s") as store:
        report = build_store(as_documents(texts), store, nlp=nlp)
        assert (report.documents, report.extracted, report.unchanged) == (2, 0, 2)
        assert {str(q.triple) for q in store.quads()} == first
