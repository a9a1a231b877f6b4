"""store: the on-disk Oxigraph store against an rdflib graph in memory, at 100k and 1M triples.

A synthetic corpus that follows the RDF contract (``kg.graph.build``) is made
for each size: 3,000 actors (countries, organisations, people with a country,
agents), documents of 15 statements each (relations from the vocabulary, four
in five asserted, with times and evidence), until the graph has the size. Not
timed. Then, side by side in this process:

- **load Turtle**: ``rdflib.Graph.parse`` of the graph's Turtle file (what
  ``kg query graph.ttl`` pays every time) vs Oxigraph's ``bulk_load`` of the
  same file into a new on-disk store (median of three loads, each into a new
  store; rdflib's parse, a minute at 1M, runs once);
- **open for a query**: the same rdflib parse vs reopening the store
  (:meth:`KnowledgeGraph.load` of the directory), what ``kg query kg-store`` pays;
- **commit documents**: ``KnowledgeGraph.add`` of every document into rdflib vs
  :meth:`PersistentGraph.add` (one transaction per document, truthy triples
  and entity merging included) into the store;
- **selective lookup**: the statements of one subject and relation, with evidence;
- **two-hop join**: who attacked an actor that is a member of something (statements);
- **whole-graph aggregate**: statements per relation (GROUP BY over every statement);
- **kg stats**: :meth:`KnowledgeGraph.stats` on each.

Queries run on the engines (rdflib's ``Graph.query`` vs pyoxigraph's
``Store.query`` over the union of the store's graphs), results read to the
end; median of three runs (one for rdflib's slow ones at 1M). Every ratio is
rdflib's time over the store's: how many times faster the store is. Floors at
1M: load and selective lookup >= 10x, two-hop join >= 20x, kg stats >= 1x.
"""

from __future__ import annotations

import logging
import random
import tempfile
import time
from functools import partial
from pathlib import Path

from benchlib import Row, median, timed

logger = logging.getLogger(__name__)

NAME = "store"
SIZES = (100_000, 1_000_000)
FLOORS = {"load Turtle": 10.0, "selective lookup": 10.0, "two-hop join": 20.0, "kg stats": 1.0}
STATEMENTS_PER_DOCUMENT = 15

SELECTIVE = """SELECT ?st ?o ?evidence WHERE {
  ?st rdf:subject gke:%s ; rdf:predicate gkg:attacked ; rdf:object ?o ; gkg:evidence ?evidence }"""
TWO_HOP = """SELECT ?a ?b ?org WHERE {
  ?s1 rdf:subject ?a ; rdf:predicate gkg:attacked ; rdf:object ?b .
  ?s2 rdf:subject ?b ; rdf:predicate gkg:memberOf ; rdf:object ?org }"""
AGGREGATE = """SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st rdf:predicate ?p } GROUP BY ?p"""


def synthetic_documents(seed: int = 7):
    """(document, relations) pairs following the contract, without end (the caller stops)."""
    from kg.records import RELATIONS, SECTORS, Document, Entity, Relation, TimeSpan

    rng = random.Random(seed)
    countries = [Entity(f"country-{n}", f"Country {n}", "Country", iso3=f"C{n:02d}"[:3]) for n in range(200)]
    organisations = [Entity(f"organisation-{n}", f"Organisation {n}", "InternationalOrganization") for n in range(100)]
    people = [Entity(f"person-{n}", f"Person {n}", "Person", country=f"country-{n % 200}") for n in range(2_500)]
    agents = [
        Entity(
            f"country-{n}-{sector.lower()}",
            f"Country {n} ({sector.lower()})",
            "Agent",
            country=f"country-{n}",
            sector=sector,
        )
        for n in range(100)
        for sector in SECTORS[:2]
    ]
    actors = countries + organisations + people + agents
    by_key = {c.key: c for c in countries}
    words = [
        "the",
        "ministers",
        "said",
        "talks",
        "would",
        "resume",
        "after",
        "the",
        "summit",
        "in",
        "the",
        "capital",
        "next",
        "week",
    ]
    number = 0
    while True:
        relations = []
        for index in range(STATEMENTS_PER_DOCUMENT):
            predicate = rng.choice(("attacked", "memberOf", *RELATIONS))
            subject = rng.choice(countries if predicate == "attacked" and rng.random() < 0.5 else actors)
            obj = rng.choice(organisations if predicate == "memberOf" else actors)
            if obj.key == subject.key:
                continue
            countries_of = tuple(by_key[e.country] for e in (subject, obj) if e.country in by_key)
            year = str(rng.randint(1990, 2024))
            relations.append(
                Relation(
                    subject,
                    predicate,
                    obj,
                    f"doc-{number}",
                    " ".join(rng.choices(words, k=18)) + ".",
                    index * 120,
                    index * 120 + 110,
                    subject.label,
                    obj.label,
                    time=TimeSpan(f"in {year}", point=year) if rng.random() < 0.5 else None,
                    modality="Asserted" if rng.random() < 0.8 else rng.choice(("Negated", "Future")),
                    confidence=round(rng.uniform(0.5, 0.95), 2),
                    countries=countries_of,
                )
            )
        yield Document(f"doc-{number}", "text", title=f"Document {number}"), relations
        number += 1


def sized_corpus(triples: int) -> tuple[list[tuple], float, object]:
    """Synthetic documents whose graph has at least ``triples`` triples.

    They are added one by one to a new rdflib :class:`KnowledgeGraph` until
    it holds that many triples, so the size is the graph's own count, not
    an estimate. Returns the documents, the seconds the adds took (size
    checks left out) and the graph.
    """
    from kg.graph.store import KnowledgeGraph

    graph = KnowledgeGraph()
    pairs: list[tuple] = []
    seconds = 0.0
    for pair in synthetic_documents():
        start = time.perf_counter()
        graph.add(*pair, "0.1.0")
        seconds += time.perf_counter() - start
        pairs.append(pair)
        if len(pairs) % 16 == 0 and len(graph.graph) >= triples:
            break
    return pairs, seconds, graph


def _engine_query(graph, sparql: str) -> int:
    from kg.graph.persistent import _PREFIXES, PersistentGraph

    if isinstance(graph, PersistentGraph):
        return sum(1 for _ in graph._store.query(sparql, prefixes=_PREFIXES, use_default_graph_as_union=True))
    return sum(1 for _ in graph.graph.query(sparql))


def _repeat(function, times: int) -> float:
    return median(timed(function)[0] for _ in range(times))


def run_size(triples: int, folder: Path) -> list[Row]:
    from kg.graph.persistent import PersistentGraph
    from kg.graph.store import KnowledgeGraph

    pairs, memory_seconds, memory = sized_corpus(triples)
    store_path = folder / f"store-{triples}"
    with PersistentGraph.open(store_path) as store:
        store_seconds, _ = timed(lambda: _add_all(store, pairs))
        size = len(store)
        turtle = store.serialize(folder / f"graph-{triples}.ttl")
    memory_size = len(memory)
    logger.info("%d documents, %d triples in the store, %d in rdflib", len(pairs), size, memory_size)
    del memory
    parse_seconds, graph = timed(lambda: KnowledgeGraph.load(turtle))
    import pyoxigraph as ox

    loads = iter(range(3))

    def bulk_load() -> None:
        # each time into a new store: what loading a file costs, not adding to a full one
        ox.Store(str(folder / f"bulk-{triples}-{next(loads)}")).bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)

    bulk_seconds = _repeat(bulk_load, 3)
    open_seconds, store = timed(lambda: KnowledgeGraph.load(store_path))
    slow = 1 if triples >= 1_000_000 else 3
    results = {
        "load Turtle": (parse_seconds, bulk_seconds, "rdflib parse vs Oxigraph bulk_load into a new store"),
        "open for a query": (parse_seconds, open_seconds, "rdflib parse vs reopening the store"),
        "commit documents": (memory_seconds, store_seconds, f"{len(pairs):,} documents, one transaction each"),
    }
    attacker = next(r.subject.key for _, relations in pairs for r in relations if r.predicate == "attacked")
    for name, sparql, times in (
        ("selective lookup", SELECTIVE % attacker, 3),
        ("two-hop join", TWO_HOP, slow),
        ("whole-graph aggregate", AGGREGATE, slow),
    ):
        answers = {_engine_query(graph, sparql), _engine_query(store, sparql)}
        assert len(answers) == 1, (name, answers)
        results[name] = (
            _repeat(partial(_engine_query, graph, sparql), times),
            _repeat(partial(_engine_query, store, sparql), 3),
            f"{answers.pop():,} rows",
        )
    memory_stats, store_stats = graph.stats(), store.stats()
    assert {k: v for k, v in memory_stats.items() if k != "triples"} == {
        k: v for k, v in store_stats.items() if k != "triples"
    }, "the two graphs differ"
    results["kg stats"] = (_repeat(graph.stats, slow), _repeat(store.stats, 3), "same counts")
    store.close()
    rows = []
    for name, (baseline, value, note) in results.items():
        ratio = baseline / value
        floor = FLOORS.get(name) if triples >= 1_000_000 else None
        rows.append(
            Row(
                NAME,
                f"{name} @ {triples // 1000:,}k",
                value,
                "s",
                baseline,
                "rdflib Graph in memory",
                ratio,
                note=f"{memory_size:,} triples ({size:,} quads in the store); {note}; ratio = rdflib / store",
                floor=f"ratio >= {floor:g}" if floor else None,
                floor_met=(ratio >= floor) if floor else None,
                samples=[value],
                baseline_samples=[baseline],
            )
        )
        logger.info("%s @ %d: rdflib %.3f s, store %.3f s (%.1fx)", name, triples, baseline, value, ratio)
    return rows


def _add_all(graph, pairs):
    for document, relations in pairs:
        graph.add(document, relations, "0.1.0")
    return graph


def run(context, sizes: tuple[int, ...] = SIZES) -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for triples in sizes:
            rows.extend(run_size(triples, Path(folder)))
    return rows
