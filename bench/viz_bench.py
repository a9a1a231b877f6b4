"""viz: ``kg.viz.render_html`` on synthetic graphs of 500 and 5,000 entities.

Each synthetic graph follows the RDF contract (built with
``kg.graph.build.add_relation``): a preferential-attachment network, so a few
hub countries take many relations as in news, with two asserted statements per
new entity and entity types and relations taken in turn from the vocabulary.
Building it is not timed.

Baseline: ``networkx.spring_layout`` alone on the same network, with the
seed and scale ``render_html`` uses. The ratio says how much the page costs
beyond its layout (projection to an actor network, tooltips, JSON, writing).
"""

from __future__ import annotations

import logging
import math
import tempfile
from pathlib import Path

from benchlib import Context, Row, interleaved, median, paired_ratio, timed

logger = logging.getLogger(__name__)

NAME = "viz"
SIZES = (500, 5_000)
#: Timed rounds per size; at 5,000 entities one layout takes most of a minute.
ROUNDS = {500: 3, 5_000: 1}
_SEED = 7


def synthetic_graph(entity_count: int):
    """An rdflib graph of ``entity_count`` entities joined by about twice as many statements."""
    import networkx as nx
    from rdflib import Graph

    from kg.graph.build import add_relation
    from kg.graph.namespace import RELATIONS
    from kg.records import ENTITY_TYPES, Entity, Relation

    entities = [
        Entity(key=f"entity-{number}", label=f"Entity {number}",
               type=ENTITY_TYPES[number % len(ENTITY_TYPES)])
        for number in range(entity_count)
    ]
    network = nx.barabasi_albert_graph(entity_count, 2, seed=_SEED)
    graph = Graph()
    for number, (a, b) in enumerate(network.edges()):
        subject, obj = (entities[a], entities[b]) if number % 2 else (entities[b], entities[a])
        document_id = f"synthetic-{number // 10}"
        evidence = f"{subject.label} and {obj.label} were in the news."
        add_relation(graph, Relation(
            subject=subject, predicate=RELATIONS[number % len(RELATIONS)], object=obj,
            document_id=document_id, evidence=evidence, char_start=0, char_end=len(evidence),
            subject_text=subject.label, object_text=obj.label, confidence=0.8,
        ), "bench")
    return graph


def layout_input(graph):
    """The undirected network ``render_html`` lays out, and the scale it uses."""
    import networkx as nx

    from kg.viz import actor_network

    network = actor_network(graph)
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(network.nodes))
    undirected.add_edges_from((u, v) for u, v in network.edges() if u != v)
    return undirected, max(150.0, 75.0 * math.sqrt(undirected.number_of_nodes()))


def run(context: Context) -> list[Row]:
    import networkx as nx

    from kg.viz import render_html

    try:
        import scipy  # noqa: F401  (networkx's spring layout of 500+ nodes needs it)
    except ImportError:
        raise RuntimeError("networkx needs scipy for a spring layout of 500 nodes or more; "
                           "install scipy (a geokg dependency) to run this benchmark") from None

    sizes = SIZES[:1] if context.quick else SIZES
    rows = []
    with tempfile.TemporaryDirectory(prefix="geokg-bench-") as folder:
        for size in sizes:
            graph = synthetic_graph(size)
            undirected, scale = layout_input(graph)
            target = Path(folder) / f"network-{size}.html"

            def layout() -> float:
                return timed(lambda: nx.spring_layout(undirected, seed=_SEED, scale=scale))[0]

            def render() -> float:
                return timed(lambda: render_html(graph, target, title=f"{size} entities"))[0]

            samples = interleaved({"spring_layout": layout, "render_html": render},
                                  rounds=ROUNDS[size])
            layout_s, render_s = median(samples["spring_layout"]), median(samples["render_html"])
            rows.append(Row(
                NAME, f"render_html, {size:,} entities", render_s, "s", layout_s,
                "networkx spring_layout alone",
                paired_ratio(samples["render_html"], samples["spring_layout"]),
                note=f"{len(graph):,} triples, page {target.stat().st_size / 1e6:.1f} MB, "
                     f"median of {ROUNDS[size]}",
                samples=samples["render_html"], baseline_samples=samples["spring_layout"],
            ))
    return rows
