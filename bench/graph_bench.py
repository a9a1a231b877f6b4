"""graph: records to rdflib triples, Turtle out and back, and SPARQL, at about 100k triples.

The relations extracted from the BBC politics documents (extraction is not
timed) are replicated under new document ids (``bbc-politics-001~r3``) until
the graph holds about ``--triples`` triples; entities are shared between the
copies as they would be across a real corpus. Timed, each once:

- add: ``KnowledgeGraph.add`` of every (document, relations) copy;
- serialize: ``KnowledgeGraph.serialize`` to a Turtle file;
- parse: ``KnowledgeGraph.load`` of that file;
- selective query: the statements of one subject and relation;
- GROUP BY: statements counted per relation over the whole graph.

- selective query and GROUP BY run through ``KnowledgeGraph.query`` (so the
  times include the pandas table) and report the median of three runs.

Baseline: ``rdflib.Graph.add`` of the same triples, already built, into a new
graph, timed twice (after the add and at the end) and the median taken. Every
ratio is the row's time over that one, a yardstick of how fast this machine's
rdflib runs right now.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import tempfile
from pathlib import Path

from benchlib import Context, Row, median, timed

logger = logging.getLogger(__name__)

NAME = "graph"
#: Documents used when ``--limit`` is not given (of 417); the copies make up the size.
DEFAULT_LIMIT = 200
DEFAULT_TRIPLES = 100_000
QUERY_REPEAT = 3

_GROUP_BY = """
SELECT ?relation (COUNT(?statement) AS ?statements) WHERE {
  ?statement a gkg:Statement ; rdf:predicate ?relation .
} GROUP BY ?relation ORDER BY DESC(?statements)
"""

_SELECTIVE = """
SELECT ?statement ?object ?evidence WHERE {
  ?statement rdf:subject <%s> ; rdf:predicate <%s> ; rdf:object ?object ;
             gkg:evidence ?evidence .
}
"""


def replicate(pairs: list[tuple], copies: int) -> list[tuple]:
    """``copies`` copies of the (document, relations) pairs, each under new document ids."""
    replicated = []
    for copy in range(copies):
        for document, relations in pairs:
            new_id = document.id if copy == 0 else f"{document.id}~r{copy}"
            replicated.append(
                (
                    dataclasses.replace(document, id=new_id),
                    tuple(dataclasses.replace(r, document_id=new_id) for r in relations),
                )
            )
    return replicated


def _build(pairs: list[tuple]):
    import kg
    from kg.graph.store import KnowledgeGraph

    graph = KnowledgeGraph()
    for document, relations in pairs:
        graph.add(document, relations, kg.__version__)
    return graph


def run(context: Context, triples: int = DEFAULT_TRIPLES) -> list[Row]:
    from rdflib import Graph

    from kg.graph.build import entity_iri
    from kg.graph.namespace import GKG

    pairs = context.relations(context.documents(DEFAULT_LIMIT))
    statements = sum(len(relations) for _, relations in pairs)
    if statements == 0:
        raise RuntimeError("no relations were extracted, so there is nothing to put in a graph; raise --limit")
    # Triples each further copy adds (entities are shared, so the first copy adds more).
    one, two = len(_build(pairs)), len(_build(replicate(pairs, 2)))
    copies = max(1, 1 + math.ceil((triples - one) / max(1, two - one)))
    corpus = replicate(pairs, copies)

    add_s, knowledge_graph = timed(lambda: _build(corpus))
    size = len(knowledge_graph)
    ready_made = list(knowledge_graph.graph)

    def plain_add() -> Graph:
        plain = Graph()
        for triple in ready_made:
            plain.add(triple)
        return plain

    baseline_samples = [timed(plain_add)[0]]

    with tempfile.TemporaryDirectory(prefix="geokg-bench-") as folder:
        path = Path(folder) / "graph.ttl"
        serialize_s = timed(lambda: knowledge_graph.serialize(path))[0]
        megabytes = path.stat().st_size / 1e6
        parse_s, reparsed = timed(lambda: type(knowledge_graph).load(path))
    if len(reparsed) != size:
        logger.warning("re-parsed graph has %d triples, the original %d", len(reparsed), size)

    first = next(relations[0] for _, relations in pairs if relations)
    selective = _SELECTIVE % (entity_iri(first.subject), GKG[first.predicate])
    selective_samples = [timed(lambda: knowledge_graph.query(selective)) for _ in range(QUERY_REPEAT)]
    group_samples = [timed(lambda: knowledge_graph.query(_GROUP_BY)) for _ in range(QUERY_REPEAT)]
    selective_s, selected = median(s for s, _ in selective_samples), selective_samples[0][1]
    group_s, grouped = median(s for s, _ in group_samples), group_samples[0][1]
    # The yardstick again, so a slow spell of the machine does not skew it alone.
    baseline_samples.append(timed(plain_add)[0])
    baseline_s = median(baseline_samples)

    baseline_case = f"rdflib Graph.add of the same {size:,} triples"

    def row(case: str, seconds: float, note: str) -> Row:
        return Row(
            NAME,
            case,
            seconds,
            "s",
            baseline_s,
            baseline_case,
            seconds / baseline_s,
            note=note,
            baseline_samples=baseline_samples,
        )

    return [
        row(
            "KnowledgeGraph.add",
            add_s,
            f"{len(corpus):,} docs, {statements * copies:,} statements, {size:,} triples "
            f"({copies} copies of {len(pairs)} docs)",
        ),
        row("serialize Turtle", serialize_s, f"{megabytes:.1f} MB"),
        row("parse Turtle (KnowledgeGraph.load)", parse_s, f"{len(reparsed):,} triples back"),
        row(
            "SPARQL selective",
            selective_s,
            f"{len(selected)} rows: {first.subject.key} {first.predicate}; median of {QUERY_REPEAT}",
        ),
        row("SPARQL GROUP BY relation", group_s, f"{len(grouped)} groups; median of {QUERY_REPEAT}"),
    ]
