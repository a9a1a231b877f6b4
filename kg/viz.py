"""Interactive network views of a geokg graph.

:func:`actor_network` projects the statement nodes of a graph onto a
:class:`networkx.MultiDiGraph` of actors, one edge per statement.
:func:`render_html` draws that network as a self-contained pyvis page that opens
offline and sends no request off the machine, and :func:`show` embeds the same
page in a Jupyter notebook.

networkx and pyvis are imported inside the functions that need them.
"""

from __future__ import annotations

import html
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS

from kg.errors import GeoKGError
from kg.graph.namespace import GKG, SYMMETRIC_RELATIONS, WD

if TYPE_CHECKING:
    import networkx
    import rdflib

__all__ = ["actor_network", "render_html", "show", "NetworkView", "ENTITY_STYLES"]

logger = logging.getLogger(__name__)

#: Colour and vis-network shape of each entity class, by local name.
ENTITY_STYLES: dict[str, tuple[str, str]] = {
    "Country": ("#1f77b4", "dot"),
    "InternationalOrganization": ("#ff7f0e", "diamond"),
    "Person": ("#2ca02c", "triangle"),
    "GovernmentBody": ("#d62728", "square"),
    "Organization": ("#9467bd", "triangleDown"),
    "Place": ("#8c564b", "hexagon"),
    "Event": ("#e377c2", "star"),
}
_OTHER_STYLE = ("#7f7f7f", "ellipse")
_SHAPE_NAMES = {"dot": "circle", "triangleDown": "inverted triangle"}
_UNASSERTED_COLOUR = "#b0b0b0"
_ASSERTED_EDGE_COLOUR = "#555555"

# Most specific first: an entity typed both gkg:Actor and gkg:Country is a Country.
_ENTITY_CLASSES = tuple(GKG[name] for name in ENTITY_STYLES) + (GKG.Actor,)
_ASSERTED = "Asserted"
_MAX_STATEMENTS_IN_TOOLTIP = 25
_MAX_EVIDENCE_CHARS = 400
_LAYOUT_SEED = 7
_STABILISATION_STEPS = 150
_NETWORK_HEIGHT = "100%"  # of the card, which fills the window below the header

# Bootstrap is linked from cdn.jsdelivr.net by every pyvis 0.3.2 template; the page
# only uses its "card" class, which the inline style below replaces.
_REMOTE_TAG = re.compile(
    r"<(?P<tag>link|script)\b[^>]*?\b(?:href|src)\s*=\s*['\"]?https?://[^>]*>"
    r"(?:\s*</(?P=tag)>)?",
    re.IGNORECASE | re.DOTALL,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
_DEAD_COMMENT = re.compile(r"<!--(?:(?!-->).)*node_modules(?:(?!-->).)*-->", re.DOTALL)
_REMOTE_ATTRIBUTE = re.compile(r"\b(?:src|href)\s*=\s*['\"]?\s*https?://", re.IGNORECASE)

_PAGE_STYLE = """<style>
html, body { height: 100%; }
body { margin: 0; font-family: system-ui, sans-serif; display: flex; flex-direction: column; }
.card { border: 0; flex: 1 1 auto; min-height: 300px; }
.geokg-header { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px;
  padding: 6px 10px; min-height: 44px; box-sizing: border-box; font-size: 13px; }
.geokg-header h1 { font-size: 18px; margin: 0 12px 0 0; }
.geokg-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; list-style: none;
  margin: 0; padding: 0; }
.geokg-swatch { display: inline-block; width: 11px; height: 11px; margin-right: 4px;
  border-radius: 2px; vertical-align: middle; }
.geokg-dashed { display: inline-block; width: 22px; margin-right: 4px;
  border-top: 2px dashed #b0b0b0; vertical-align: middle; }
.vis-tooltip { max-width: 480px; white-space: normal !important; }
</style>"""

# Tooltips are escaped HTML strings; vis-network shows a string title as plain text,
# so each one becomes an element before the first hover. The network is also fitted
# to the view (there is no stabilisation to do it when physics is off), physics stops
# once a stabilisation is done, and the body is marked once the first frame is drawn.
_PAGE_SCRIPT = """<script type="text/javascript">
(function () {
  function asElement(item) {
    if (typeof item.title !== "string") { return null; }
    var element = document.createElement("div");
    element.innerHTML = item.title;
    return {id: item.id, title: element};
  }
  function convert(dataSet) {
    var updates = [];
    dataSet.forEach(function (item) {
      var update = asElement(item);
      if (update !== null) { updates.push(update); }
    });
    dataSet.update(updates);
  }
  network.once("afterDrawing", function () {
    document.body.setAttribute("data-geokg-drawn", "true");
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
  });
  convert(nodes);
  convert(edges);
  network.fit();
})();
</script>"""


def _local_name(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[1] if "#" in text else text.rsplit("/", 1)[-1]


def _text(value: object | None) -> str | None:
    return None if value is None else str(value)


def _float(value: object | None) -> float | None:
    if isinstance(value, Literal):
        try:
            return float(value.toPython())
        except (TypeError, ValueError):
            logger.warning("Ignoring confidence %r: it is not a number.", str(value))
    return None


def _time(point: object | None, start: object | None, end: object | None) -> str | None:
    if point is not None:
        return str(point)
    if start is None and end is None:
        return None
    return f"{start or ''}\N{EN DASH}{end or ''}"


def _objects_by_subject(graph: rdflib.Graph, predicate: URIRef) -> dict[Any, Any]:
    """One pass over ``predicate``: subject -> one object (the first seen)."""
    mapping: dict[Any, Any] = {}
    for subject, value in graph.subject_objects(predicate):
        mapping.setdefault(subject, value)
    return mapping


def _is_resource(node: object | None) -> bool:
    return node is not None and not isinstance(node, Literal)


def _entity_label(graph: rdflib.Graph, entity: Any) -> str:
    """The English label, else an untagged one, else the IRI's last segment."""
    labels = sorted(graph.objects(entity, RDFS.label), key=str)
    for wanted in ("en", None):
        for label in labels:
            if getattr(label, "language", None) == wanted:
                return str(label)
    return str(labels[0]) if labels else _local_name(entity)


def _entity_type(graph: rdflib.Graph, entity: Any) -> str | None:
    classes = set(graph.objects(entity, RDF.type))
    for cls in _ENTITY_CLASSES:
        if cls in classes:
            return _local_name(cls)
    return None


def _entity_qid(graph: rdflib.Graph, entity: Any) -> str | None:
    wikidata = str(WD)
    qids = sorted(
        str(target)[len(wikidata):]
        for target in graph.objects(entity, OWL.sameAs)
        if str(target).startswith(wikidata)
    )
    return qids[0] if qids else None


def actor_network(graph: rdflib.Graph) -> networkx.MultiDiGraph:
    """Project the statement nodes of ``graph`` onto a network of actors.

    Every ``gkg:Statement`` becomes one edge from its ``rdf:subject`` to its
    ``rdf:object``, keyed by the statement IRI, whatever its modality. Nodes are
    the entities that statements connect; documents, extractors and other
    provenance resources never become nodes.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph following the geokg RDF contract.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are entity IRIs (``str``) with the attributes ``label``
        (``rdfs:label``, English preferred, else the IRI's last segment), ``type``
        (local name of the entity's gkg class, or ``None``) and ``qid`` (Wikidata
        QID from ``owl:sameAs``, or ``None``). Edges are keyed by statement IRI
        and carry ``relation`` and ``modality`` (local names), ``time``
        (``gkg:pointInTime``, else ``"start–end"`` from ``gkg:startTime`` /
        ``gkg:endTime``, else ``None``), ``evidence``, ``document``
        (``dcterms:identifier`` of the ``prov:wasDerivedFrom`` document),
        ``source`` (its ``dcterms:source``) and ``confidence`` (``float``).
        Missing values are ``None``.

    Examples
    --------
    >>> from rdflib import Graph, Literal
    >>> from rdflib.namespace import RDF, RDFS
    >>> from kg.graph.namespace import GKE, GKG, GKS
    >>> g = Graph()
    >>> g += [
    ...     (GKE.uzbekistan, RDF.type, GKG.Country),
    ...     (GKE.uzbekistan, RDFS.label, Literal("Uzbekistan", lang="en")),
    ...     (GKE.csto, RDF.type, GKG.InternationalOrganization),
    ...     (GKS.s1, RDF.type, GKG.Statement),
    ...     (GKS.s1, RDF.subject, GKE.uzbekistan),
    ...     (GKS.s1, RDF.predicate, GKG.withdrewFrom),
    ...     (GKS.s1, RDF.object, GKE.csto),
    ...     (GKS.s1, GKG.modality, GKG.Asserted),
    ... ]
    >>> network = actor_network(g)
    >>> network.nodes[str(GKE.uzbekistan)]["label"], network.nodes[str(GKE.csto)]["type"]
    ('Uzbekistan', 'InternationalOrganization')
    >>> [(data["relation"], data["modality"]) for *_, data in network.edges(data=True)]
    [('withdrewFrom', 'Asserted')]
    """
    import networkx as nx

    statements = set(graph.subjects(RDF.type, GKG.Statement))
    subjects = _objects_by_subject(graph, RDF.subject)
    predicates = _objects_by_subject(graph, RDF.predicate)
    objects = _objects_by_subject(graph, RDF.object)
    modalities = _objects_by_subject(graph, GKG.modality)
    points = _objects_by_subject(graph, GKG.pointInTime)
    starts = _objects_by_subject(graph, GKG.startTime)
    ends = _objects_by_subject(graph, GKG.endTime)
    evidences = _objects_by_subject(graph, GKG.evidence)
    confidences = _objects_by_subject(graph, GKG.confidence)
    derived_from = _objects_by_subject(graph, PROV.wasDerivedFrom)

    network = nx.MultiDiGraph()
    documents: dict[Any, tuple[str | None, str | None]] = {}
    entities: dict[str, Any] = {}  # node key -> the RDF term, IRI or blank node
    for statement in sorted(statements, key=str):
        subject = subjects.get(statement)
        predicate = predicates.get(statement)
        obj = objects.get(statement)
        if predicate is None or not _is_resource(subject) or not _is_resource(obj):
            logger.debug("Skipping statement %s: it lacks an entity subject, "
                         "predicate or object.", statement)
            continue
        document = derived_from.get(statement)
        if document is not None and document not in documents:
            documents[document] = (
                _text(graph.value(document, DCTERMS.identifier)),
                _text(graph.value(document, DCTERMS.source)),
            )
        identifier, source = documents.get(document, (None, None))
        entities.setdefault(str(subject), subject)
        entities.setdefault(str(obj), obj)
        modality = modalities.get(statement)
        network.add_edge(
            str(subject),
            str(obj),
            key=str(statement),
            relation=_local_name(predicate),
            modality=None if modality is None else _local_name(modality),
            time=_time(points.get(statement), starts.get(statement), ends.get(statement)),
            evidence=_text(evidences.get(statement)),
            document=identifier,
            source=source,
            confidence=_float(confidences.get(statement)),
        )

    for node, attributes in network.nodes(data=True):
        entity = entities[node]
        attributes["label"] = _entity_label(graph, entity)
        attributes["type"] = _entity_type(graph, entity)
        attributes["qid"] = _entity_qid(graph, entity)
    logger.debug("Actor network: %d nodes, %d statements.",
                 network.number_of_nodes(), network.number_of_edges())
    return network


def _is_asserted(modality: str | None) -> bool:
    # A statement without gkg:modality is read as asserted, the extractor's default.
    return modality in (None, _ASSERTED)


def _node_tooltip(label: str, entity_type: str | None, qid: str | None) -> str:
    escape = html.escape
    tooltip = (
        f"<b>{escape(label)}</b><br>"
        f"Type: {escape(entity_type or 'unknown')}<br>"
        f"Wikidata: {escape(qid or 'none')}"
    )
    # pyvis switches to another popup template when a node title contains "href";
    # the character reference displays the same and keeps vis-network's tooltips.
    return tooltip.replace("href", "hr&#101;f")


def _statement_tooltip(statement: dict[str, Any]) -> str:
    escape = html.escape
    evidence = statement.get("evidence") or ""
    if len(evidence) > _MAX_EVIDENCE_CHARS:
        evidence = evidence[:_MAX_EVIDENCE_CHARS].rstrip() + "\N{HORIZONTAL ELLIPSIS}"
    details = " \N{MIDDLE DOT} ".join(
        escape(part)
        for part in (
            statement.get("time") or "no date",
            statement.get("modality") or _ASSERTED,
            statement.get("document") or "unknown document",
            statement.get("source") or "unknown source",
        )
    )
    quoted = (f"\N{LEFT DOUBLE QUOTATION MARK}{escape(evidence)}\N{RIGHT DOUBLE QUOTATION MARK}"
              if evidence else "(no evidence sentence)")
    return f"<li>{quoted}<br><small>{details}</small></li>"


def _edge_tooltip(subject: str, relation: str, obj: str,
                  statements: list[dict[str, Any]]) -> str:
    escape = html.escape
    ordered = sorted(
        statements,
        key=lambda s: (s.get("time") or "", s.get("document") or "", s.get("evidence") or ""),
    )
    shown = ordered[:_MAX_STATEMENTS_IN_TOOLTIP]
    items = "".join(_statement_tooltip(statement) for statement in shown)
    more = len(ordered) - len(shown)
    tail = f"<p>\N{HORIZONTAL ELLIPSIS} and {more} more</p>" if more else ""
    count = f"{len(ordered)} statement{'s' if len(ordered) != 1 else ''}"
    return (
        f"<b>{escape(subject)} {escape(relation)} {escape(obj)}</b> ({count})"
        f"<ul style=\"margin:4px 0;padding-left:18px\">{items}</ul>{tail}"
    )


def _layout(nodes: list[str], links: list[tuple[str, str]]
            ) -> tuple[dict[str, tuple[float, float]], bool]:
    """Node positions, and whether they come from a force-directed layout.

    networkx needs scipy for a spring layout of 500 nodes or more; without it the
    nodes start at random and the browser settles them (see :func:`_options`).
    """
    import networkx as nx

    if not nodes:
        return {}, True
    undirected = nx.Graph()
    undirected.add_nodes_from(nodes)
    undirected.add_edges_from((u, v) for u, v in links if u != v)
    scale = max(150.0, 75.0 * math.sqrt(len(nodes)))
    try:
        positions = nx.spring_layout(undirected, seed=_LAYOUT_SEED, scale=scale)
        force_directed = True
    except ImportError:
        logger.warning(
            "A spring layout of %d nodes needs scipy; starting from random positions "
            "and letting the browser settle them, which is slower. Install scipy for "
            "a precomputed layout.", len(nodes))
        unit_square = nx.random_layout(undirected, seed=_LAYOUT_SEED)
        positions = {
            node: ((2 * x - 1) * scale, (2 * y - 1) * scale)
            for node, (x, y) in unit_square.items()
        }
        force_directed = False
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}, force_directed


def _vis_data(network: networkx.MultiDiGraph, include_unasserted: bool
              ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    """vis-network nodes and edges for the drawn part of ``network``.

    The flag says whether the positions are already a force-directed layout.
    """
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for subject, obj, attributes in network.edges(data=True):
        if include_unasserted or _is_asserted(attributes.get("modality")):
            grouped[(subject, attributes["relation"], obj)].append(attributes)

    degree: dict[str, int] = defaultdict(int)
    for subject, _, obj in grouped:
        degree[subject] += 1
        degree[obj] += 1
    node_ids = sorted(degree)
    positions, force_directed = _layout(node_ids, [(s, o) for s, _, o in grouped])

    vis_nodes = []
    for node in node_ids:
        attributes = network.nodes[node]
        colour, shape = ENTITY_STYLES.get(attributes.get("type") or "", _OTHER_STYLE)
        x, y = positions[node]
        vis_nodes.append({
            "id": node,
            # Labels are drawn on the canvas as plain text, never parsed as HTML.
            "label": attributes["label"],
            "title": _node_tooltip(attributes["label"], attributes.get("type"),
                                   attributes.get("qid")),
            "color": colour,
            "shape": shape,
            "size": round(10 + 4 * math.sqrt(degree[node]), 1),
            "x": round(x, 1),
            "y": round(y, 1),
        })

    vis_edges = []
    for (subject, relation, obj), statements in sorted(grouped.items()):
        asserted = any(_is_asserted(s.get("modality")) for s in statements)
        vis_edges.append({
            "id": f"{subject} {relation} {obj}",
            "from": subject,
            "to": obj,
            "label": relation,
            "title": _edge_tooltip(network.nodes[subject]["label"], relation,
                                   network.nodes[obj]["label"], statements),
            "arrows": "" if relation in SYMMETRIC_RELATIONS else "to",
            "dashes": not asserted,
            "color": _ASSERTED_EDGE_COLOUR if asserted else _UNASSERTED_COLOUR,
            "width": round(1 + math.log2(len(statements)), 2),
        })
    return vis_nodes, vis_edges, force_directed


def _options(physics: bool, node_count: int) -> dict[str, Any]:
    return {
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "stabilization": {"enabled": physics, "iterations": _STABILISATION_STEPS,
                              "fit": True},
        },
        "layout": {"improvedLayout": False},
        "edges": {
            "smooth": False,
            "font": {"size": 10, "align": "middle", "strokeWidth": 3},
        },
        "nodes": {"font": {"size": 14}},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": node_count > 2000,
            "hideEdgesOnZoom": node_count > 2000,
        },
    }


def _header(title: str, include_unasserted: bool, node_count: int, edge_count: int) -> str:
    escape = html.escape
    entries = [
        f'<li><span class="geokg-swatch" style="background:{colour}"></span>'
        f"{escape(name)} ({_SHAPE_NAMES.get(shape, shape)})</li>"
        for name, (colour, shape) in ENTITY_STYLES.items()
    ]
    if include_unasserted:
        entries.append('<li><span class="geokg-dashed"></span>'
                       "negated, hypothetical or future</li>")
    summary = f"{node_count} actors, {edge_count} relations"
    return (
        f'<div class="geokg-header"><h1>{escape(title)}</h1>'
        f'<span>{summary}</span>'
        f'<ul class="geokg-legend" aria-label="legend">{"".join(entries)}</ul></div>'
    )


def _page(graph: rdflib.Graph, *, title: str, include_unasserted: bool,
          physics: bool) -> str:
    """The complete, self-contained HTML page."""
    from pyvis.network import Network

    network = actor_network(graph)
    vis_nodes, vis_edges, force_directed = _vis_data(network, include_unasserted)

    net = Network(height=_NETWORK_HEIGHT, width="100%", directed=True,
                  cdn_resources="in_line", heading="")
    # Filled directly: Network.add_node checks membership in a list, O(N) per call.
    net.nodes = vis_nodes
    net.edges = vis_edges
    net.node_ids = [node["id"] for node in vis_nodes]
    net.options = _options(physics or not force_directed, len(vis_nodes))
    page = net.generate_html()

    page = _REMOTE_TAG.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _DEAD_COMMENT.sub("", page)
    page = "<!DOCTYPE html>\n" + page.replace("<html>", '<html lang="en">', 1)
    page = page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n'
                        f"<title>{html.escape(title)}</title>\n"
                        '<meta name="viewport" content="width=device-width, initial-scale=1">',
                        1)
    page = page.replace("</head>", f"{_PAGE_STYLE}\n</head>", 1)
    header = _header(title, include_unasserted, len(vis_nodes), len(vis_edges))
    page = re.sub(r"<body>", lambda _: f"<body>\n{header}", page, count=1)
    head, separator, tail = page.rpartition("</body>")
    page = f"{head}{_PAGE_SCRIPT}\n{separator}{tail}"
    remaining = _REMOTE_ATTRIBUTE.search(page)
    if remaining:  # pragma: no cover - guards against a changed pyvis template
        raise GeoKGError(
            f"The pyvis page still loads a remote resource near "
            f"{page[remaining.start():remaining.start() + 80]!r}; geokg supports the "
            f"template of pyvis 0.3.2 only: install pyvis==0.3.2."
        )
    return page


def _write_atomically(path: Path, text: str) -> None:
    from kg.fileio import atomic_write

    atomic_write(path, text)


def render_html(graph: rdflib.Graph, path: str | Path, *, title: str = "geokg",
                include_unasserted: bool = False, physics: bool = False) -> Path:
    """Write an interactive, offline HTML view of the actor network.

    One edge is drawn per (subject, relation, object), labelled by the relation;
    its tooltip lists the supporting statements (evidence, date, modality,
    document and source). Nodes are coloured and shaped by entity class, with a
    legend above the network. Positions are computed before the page is written,
    so the browser draws without simulating physics.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph following the geokg RDF contract.
    path : str or pathlib.Path
        The HTML file to write; parent folders are created. The file is replaced
        atomically, and nothing else is written.
    title : str, default "geokg"
        Heading of the page.
    include_unasserted : bool, default False
        Also draw relations supported only by negated, hypothetical or future
        statements, as grey dashed edges.
    physics : bool, default False
        Let vis-network refine the precomputed layout with a short simulation
        (150 stabilisation steps) before it freezes. Slower on large graphs. Without
        scipy, networkx cannot lay out 500 nodes or more, and that simulation is
        used whatever this flag says.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from rdflib import Graph
    >>> from rdflib.namespace import RDF
    >>> from kg.graph.namespace import GKE, GKG, GKS
    >>> g = Graph()
    >>> g += [(GKS.s1, RDF.type, GKG.Statement), (GKS.s1, RDF.subject, GKE.mali),
    ...       (GKS.s1, RDF.predicate, GKG.expelled), (GKS.s1, RDF.object, GKE.france)]
    >>> out = render_html(g, pathlib.Path(tempfile.mkdtemp()) / "net.html", title="Sahel")
    >>> "expelled" in out.read_text(encoding="utf-8")
    True
    """
    target = Path(path)
    page = _page(graph, title=title, include_unasserted=include_unasserted, physics=physics)
    _write_atomically(target, page)
    logger.info("Wrote the network view to %s.", target)
    return target


@dataclass(frozen=True)
class NetworkView:
    """A network page that Jupyter displays inline.

    Attributes
    ----------
    page : str
        The complete HTML page, as :func:`render_html` writes it.
    height : str
        CSS height of the frame in the notebook.
    """

    page: str
    height: str = "600px"

    @property
    def data(self) -> str:
        """The ``<iframe>`` element, as ``IPython.display.HTML.data`` would hold it."""
        return self._repr_html_()

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
            f'style="width:100%;height:{html.escape(self.height, quote=True)};border:0" '
            'sandbox="allow-scripts"></iframe>'
        )


def show(graph: rdflib.Graph, *, height: str = "600px", title: str = "geokg",
         include_unasserted: bool = False, physics: bool = False) -> NetworkView:
    """Display the actor network inline in a Jupyter notebook.

    The page of :func:`render_html` is embedded in a sandboxed ``<iframe>``
    through ``srcdoc``, so no file is written and nothing is loaded from the web.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph following the geokg RDF contract.
    height : str, default "600px"
        CSS height of the frame.
    title, include_unasserted, physics
        As in :func:`render_html`.

    Returns
    -------
    NetworkView
        An object with ``_repr_html_``; make it the last expression of a cell.

    Examples
    --------
    >>> from rdflib import Graph
    >>> view = show(Graph(), height="400px")
    >>> view._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    page = _page(graph, title=title, include_unasserted=include_unasserted, physics=physics)
    return NetworkView(page=page, height=height)
