"""Interactive network views of a geokg graph: one offline HTML page, or inline in Jupyter.

:func:`render_html` writes a self-contained pyvis page (vis-network inlined, no
request leaves the machine) that an analyst can explore: nodes coloured and
shaped by type (agents in their country's colour family) and sized by degree or
a chosen centrality; edges coloured by relation family, with arrows for directed
relations only and widths by the number of supporting statements; labels drawn
so that they never overlap; a legend that is also the set of filters (relation
family, actor type, modality, minimum confidence), a time window (from, to, as
of a day), a search box that focuses an actor, and tooltips listing every
supporting statement with its evidence, date, confidence, modality and source.

Positions are computed in Python (:func:`kg.layout.force_layout`), so the page
draws without simulating physics. Larger graphs are focused
(``focus``/``hops``), folded to countries (``level="country"``) or reduced to
their most connected actors, and the page says in one line what was left out.
:func:`show` embeds the same page in a notebook through an ``<iframe srcdoc>``,
which Jupyter, JupyterLab and VS Code all display.

networkx and pyvis are imported inside the functions that need them.
"""

from __future__ import annotations

import colorsys
import html
import json
import logging
import math
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from kg.errors import GeoKGError, QueryError
from kg.records import MODALITIES

if TYPE_CHECKING:
    import networkx

__all__ = [
    "ENTITY_STYLES",
    "FAMILY_COLOURS",
    "NetworkView",
    "render_html",
    "page",
    "show",
    "screenshot",
    "summary_html",
    "MAX_NODES",
    "MAX_EDGES",
]

logger = logging.getLogger(__name__)

#: Colour, vis-network shape and legend text of each entity type.
ENTITY_STYLES: dict[str, tuple[str, str, str]] = {
    "Country": ("#1f77b4", "dot", "each country in its own colour"),
    "Agent": (
        "#9ecae1",
        "hexagon",
        "a country's sector (military, police ...), in a light shade of its country's colour",
    ),
    "InternationalOrganization": ("#ff7f0e", "diamond", "international organisations, alliances, treaties"),
    "Person": ("#2ca02c", "triangle", "persons"),
    "GovernmentBody": ("#d62728", "square", "ministries, commands, parliaments"),
    "Organization": ("#9467bd", "triangleDown", "companies, media, parties, armed groups"),
    "Place": ("#8c564b", "dot", "cities, regions, facilities (dashed outline)"),
    "Event": ("#e377c2", "star", "wars, summits, operations"),
}
_OTHER_STYLE = ("#7f7f7f", "dot", "untyped")

#: Colour and legend text of each relation family.
FAMILY_COLOURS: dict[str, tuple[str, str]] = {
    "membership": ("#1f77b4", "member of, joined, withdrew from, suspended, leads, took part in"),
    "diplomacy": ("#17becf", "visits, meetings, diplomatic relations, requests, recognition"),
    "cooperation": ("#2ca02c", "alliances, agreements, cooperation, aid, support, exports"),
    "conflict": ("#d62728", "conflict, attacks, mobilisation, military presence"),
    "coercion": ("#ff7f0e", "threats, sanctions, expulsions, criticism, protest, rejection"),
    "structure": ("#8c8c8c", "leaders, officials, parts, capitals, locations, borders"),
}

#: Largest view drawn whole; larger graphs are reduced to their most connected actors.
MAX_NODES = 5_000
MAX_EDGES = 20_000
_SIZE_MEASURES = ("degree", "pagerank", "betweenness")
_NETWORK_TEMPLATE = "view.html"
_TEMPLATES = Path(__file__).resolve().parent / "templates"


# ---------------------------------------------------------------------- colours


_GOLDEN = (math.sqrt(5) - 1) / 2


def _country_hues(countries: list[str]) -> dict[str, float]:
    """Well-separated hues for the countries of a view, most connected first (golden-angle steps)."""
    return {iri: (0.6 + number * _GOLDEN) % 1.0 for number, iri in enumerate(countries)}


def _hsl(hue: float, saturation: float, lightness: float) -> str:
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def _node_colour(entity: dict[str, Any], hues: dict[str, float]) -> str | dict[str, str]:
    """A plain colour (cheapest for vis-network), or, for an agent, a light fill in its country's border."""
    kind = entity.get("type")
    if kind == "Country" and entity["iri"] in hues:
        return _hsl(hues[entity["iri"]], 0.62, 0.45)
    if kind == "Agent" and entity.get("country_iri") in hues:
        hue = hues[entity["country_iri"]]
        return {"background": _hsl(hue, 0.55, 0.78), "border": _hsl(hue, 0.62, 0.45)}
    return ENTITY_STYLES.get(kind or "", _OTHER_STYLE)[0]


# ---------------------------------------------------------------------- the drawn network


def _resolve_focus(grouped: Grouped, entities: dict, names: Iterable[str]) -> list[str]:
    """The IRIs of the focus actors, looked up among the actors of the view."""
    import networkx as nx

    from kg.analysis import _find_node

    names = list(names)
    if not names:
        return []
    index = nx.Graph()
    index.add_nodes_from(
        (node, {"label": entities[node].label, "names": entities[node].names}) for node in _nodes_of(grouped)
    )
    return [_find_node(index, name) for name in names]


def _node_fields(entity: Any) -> dict[str, Any]:
    from kg.analysis import _node_attributes

    return _node_attributes(entity)


Grouped = dict  # (subject, relation, object) -> the statements drawn as that edge


def _nodes_of(grouped: Grouped) -> set[str]:
    return {subject for subject, _, _ in grouped} | {obj for _, _, obj in grouped}


def _select(
    grouped: Grouped, entities: dict, focus: list[str], hops: int, max_nodes: int, max_edges: int
) -> tuple[Grouped, str]:
    """The edges to draw, and a note saying what was left out.

    Works on the grouped statements, before any networkx graph is built, so that a
    focus or a reduction of a large graph costs a pass over its edges.
    """
    from collections import deque

    total_nodes, total_edges = len(_nodes_of(grouped)), len(grouped)
    notes = []
    if focus:
        neighbours: dict[str, set[str]] = defaultdict(set)
        for subject, _, obj in grouped:
            neighbours[subject].add(obj)
            neighbours[obj].add(subject)
        distance = {centre: 0 for centre in focus}
        queue = deque(focus)
        while queue:
            node = queue.popleft()
            if distance[node] < hops:
                for other in neighbours[node]:
                    if other not in distance:
                        distance[other] = distance[node] + 1
                        queue.append(other)
        grouped = {key: value for key, value in grouped.items() if key[0] in distance and key[2] in distance}
        names = ", ".join(entities[c].label for c in focus)
        notes.append(
            f"Focused on {names} ({hops} hop{'s' if hops != 1 else ''}): "
            f"{len(distance):,} of {total_nodes:,} actors and "
            f"{len(grouped):,} of {total_edges:,} relations"
        )
    present = _nodes_of(grouped)
    if len(present) > max_nodes or len(grouped) > max_edges:
        before_nodes, before_edges = len(present), len(grouped)
        asserted: dict[str, int] = defaultdict(int)
        strength: dict[str, int] = defaultdict(int)
        for (subject, _, obj), supporting in grouped.items():
            count = sum(1 for s in supporting if s.asserted)
            for node in (subject, obj):
                asserted[node] += count
                strength[node] += len(supporting)
        ranked = sorted(present, key=lambda node: (-asserted[node], -strength[node], node))
        kept = set(focus) | set(ranked[: max(max_nodes - len(set(focus)), 0)])
        grouped = {key: value for key, value in grouped.items() if key[0] in kept and key[2] in kept}
        if len(grouped) > max_edges:
            ranked_edges = sorted(grouped, key=lambda key: (-len(grouped[key]), key))
            grouped = {key: grouped[key] for key in sorted(ranked_edges[:max_edges])}
        shown = len(_nodes_of(grouped) | set(focus))
        notes.append(
            f"Showing the {shown:,} most connected of {before_nodes:,} actors "
            f"and {len(grouped):,} of {before_edges:,} relations; {before_nodes - shown:,} actors "
            f"and {before_edges - len(grouped):,} relations left out (use a focus actor or the "
            f"country level to see them)"
        )
    return grouped, "; ".join(notes) + ("." if notes else "")


def _measure(network: networkx.MultiDiGraph, size_by: str) -> dict[str, float]:
    """The size measure of each drawn node, on its asserted relations."""
    import networkx as nx

    from kg.analysis import _simple

    asserted = nx.MultiDiGraph()
    asserted.add_nodes_from(network.nodes)
    for u, v, key, data in network.edges(keys=True, data=True):
        count = sum(1 for s in data["statements"] if s.asserted)
        if count:
            asserted.add_edge(u, v, key=key, weight=count, directed=data["directed"])
    if size_by == "degree":
        return {node: float(degree) for node, degree in _simple(asserted).degree()}
    if size_by == "pagerank":
        return nx.pagerank(_simple(asserted, directed=True), weight="weight")
    undirected = _simple(asserted)
    sample = None if undirected.number_of_nodes() <= 500 else 500
    return nx.betweenness_centrality(undirected, k=sample, seed=7)


def _model(
    graph: Any,
    *,
    title: str,
    level: str,
    focus: Iterable[str],
    hops: int,
    size_by: str,
    include_unasserted: bool,
    max_nodes: int,
    max_edges: int,
) -> tuple[list, list, dict]:
    """vis-network nodes and edges, and the model the page's script filters."""
    from kg.layout import force_layout

    if size_by not in _SIZE_MEASURES:
        raise QueryError(f"size_by {size_by!r} is not one of {', '.join(_SIZE_MEASURES)}")
    if hops < 0:
        raise QueryError(f"hops must be 0 or more, not {hops}")
    from kg.analysis import _network_of, _projection, _rdf, statement_records

    rdf = _rdf(graph)
    grouped, entities_by_iri = _projection(rdf, statement_records(rdf), level, include_places=True)
    centres = _resolve_focus(grouped, entities_by_iri, list(focus))
    grouped, note = _select(grouped, entities_by_iri, centres, hops, max_nodes, max_edges)
    network = _network_of(grouped, entities_by_iri, level)
    network.add_nodes_from(c for c in centres if c not in network)
    for centre in centres:
        network.nodes[centre].update(_node_fields(entities_by_iri[centre]))
    node_ids = sorted(network.nodes)
    index = {node: number for number, node in enumerate(node_ids)}
    measure = _measure(network, size_by)
    peak = max(measure.values(), default=0.0) or 1.0
    smallest, spread = (8.0, 22.0) if len(node_ids) <= 500 else (4.0, 14.0)
    countries = sorted(
        {n for n in node_ids if network.nodes[n].get("type") == "Country"}
        | {
            network.nodes[n]["country"]
            for n in node_ids
            if network.nodes[n].get("type") == "Agent" and network.nodes[n].get("country")
        },
        key=lambda n: (-measure.get(n, 0.0), n),
    )
    hues = _country_hues(countries)
    positions = force_layout(node_ids, ((u, v, data["weight"]) for u, v, data in network.edges(data=True)), scale=90.0)

    entities, vis_nodes = [], []
    for node in node_ids:
        data = network.nodes[node]
        country = data.get("country")
        entity = {
            "iri": node,
            "label": data["label"],
            "short": data.get("short_label") or data["label"],
            "type": data.get("type") or "Actor",
            "names": list(data.get("names", ())),
            "country": network.nodes[country]["label"] if country in network else _country_label(rdf, country),
            "country_iri": country,
            "sector": data.get("sector"),
            "qid": data.get("qid"),
            "measure": round(measure.get(node, 0.0), 4),
        }
        entities.append(entity)
        shape = ENTITY_STYLES.get(data.get("type") or "", _OTHER_STYLE)[1]
        x, y = positions[node]
        vis_node = {
            "id": index[node],
            "x": round(x, 1),
            "y": round(y, 1),
            "shape": shape,
            "size": round(smallest + spread * math.sqrt(max(measure.get(node, 0.0), 0.0) / peak), 1),
            "color": _node_colour(entity, hues),
        }
        if data.get("type") == "Place":
            vis_node["shapeProperties"] = {"borderDashes": [3, 2]}
        vis_nodes.append(vis_node)

    documents: dict[str, int] = {}
    relations, vis_edges, statements = [], [], []
    modality_index = {name: number for number, name in enumerate(MODALITIES)}
    pairs: dict[frozenset, int] = {}
    for number, (u, v, key, data) in enumerate(
        sorted(network.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))
    ):
        family = data["family"]
        relations.append(
            {"from": index[u], "to": index[v], "relation": key, "family": family, "directed": data["directed"]}
        )
        parallel = pairs.get(frozenset((u, v)), 0)
        pairs[frozenset((u, v))] = parallel + 1
        colour = FAMILY_COLOURS.get(family, ("#999999", ""))[0]
        vis_edge = {
            "id": number,
            "from": index[u],
            "to": index[v],
            "arrows": "to" if data["directed"] else "",
            "color": colour,
            "width": 1,
            "dashes": False,
        }
        if parallel:
            vis_edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if parallel % 2 else "curvedCCW",
                "roundness": 0.15 * ((parallel + 1) // 2),
            }
        vis_edges.append(vis_edge)
        for record in sorted(data["statements"], key=lambda r: (r.begin, r.iri)):
            if record.document is not None and record.document not in documents:
                documents[record.document] = len(documents)
            statements.append(
                [
                    number,
                    modality_index.get(record.modality, 0),
                    None if record.confidence is None else round(record.confidence, 3),
                    record.begin,
                    record.end,
                    1 if record.is_state else 0,
                    record.when,
                    record.placed,
                    documents.get(record.document),
                    record.evidence,
                ]
            )

    defaults = list(MODALITIES) if include_unasserted else ["Asserted"]
    present_types = {entity["type"] for entity in entities}
    model = {
        "title": title,
        "note": note,
        "level": level,
        "sizeBy": size_by,
        "families": [
            {"name": name, "colour": colour, "description": description}
            for name, (colour, description) in FAMILY_COLOURS.items()
        ],
        "types": [
            {"name": name, "colour": colour, "shape": shape, "description": description, "dashed": name == "Place"}
            for name, (colour, shape, description) in ENTITY_STYLES.items()
        ]
        + (
            [{"name": "Actor", "colour": _OTHER_STYLE[0], "shape": "dot", "description": "untyped"}]
            if "Actor" in present_types
            else []
        ),
        "modalities": list(MODALITIES),
        "defaults": {"modalities": defaults},
        "nodes": entities,
        "edges": relations,
        "statements": statements,
        "documents": _document_rows(rdf, documents),
    }
    return vis_nodes, vis_edges, model


def _country_label(rdf: Any, country: str | None) -> str | None:
    if not country:
        return None
    from kg.query import label_of

    return label_of(rdf, URIRef(country))


def _document_rows(rdf: Any, documents: Iterable[str]) -> list[dict[str, Any]]:
    """Identifier, title, URL and date of each document, in the order given."""
    nodes = [URIRef(document) for document in documents]
    wanted = set(nodes)

    def values(predicate: URIRef) -> dict[Any, Any]:
        return {s: o for s, o in rdf.subject_objects(predicate) if s in wanted}

    sources, identifiers = values(DCTERMS.source), values(DCTERMS.identifier)
    titles, dates = values(DCTERMS.title), values(DCTERMS.date)
    return [
        {
            "id": str(identifiers[node]) if node in identifiers else str(node).rsplit("/", 1)[-1],
            "title": " ".join(str(titles[node]).split()) if node in titles else None,
            "url": str(sources[node]) if node in sources else None,
            "date": str(dates[node]) if node in dates else None,
        }
        for node in nodes
    ]


def _options(node_count: int, edge_count: int) -> dict[str, Any]:
    large = node_count > 1500 or edge_count > 5000
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1, "color": {"opacity": 0.85}},
        "nodes": {"font": {"size": 0}, "borderWidth": 1.5},
        "interaction": {
            "hover": True,
            "tooltipDelay": 100,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": False,
            "navigationButtons": False,
        },
    }


def _json_for_script(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def page(
    graph: Any,
    *,
    title: str = "geokg",
    level: str = "actor",
    focus: Iterable[str] | str = (),
    hops: int = 1,
    size_by: str = "degree",
    include_unasserted: bool = False,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
) -> str:
    """The complete, self-contained HTML page of the view (see :func:`render_html`)."""
    import pyvis
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from pyvis.network import Network

    if isinstance(focus, str):
        focus = [focus]
    vis_nodes, vis_edges, model = _model(
        graph,
        title=title,
        level=level,
        focus=focus,
        hops=hops,
        size_by=size_by,
        include_unasserted=include_unasserted,
        max_nodes=max_nodes,
        max_edges=max_edges,
    )
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=html.escape(title))
    # Filled directly: Network.add_node checks membership in a list, O(N) per call.
    net.nodes = vis_nodes
    net.edges = vis_edges
    net.node_ids = [node["id"] for node in vis_nodes]
    net.options = _options(len(vis_nodes), len(vis_edges))
    pyvis_templates = Path(pyvis.__file__).resolve().parent / "templates"
    net.templateEnv = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(_TEMPLATES)), FileSystemLoader(str(pyvis_templates))])
    )
    net.path = _NETWORK_TEMPLATE
    text = net.generate_html()
    marker = "/*GEOKG_DATA*/"
    if text.count(marker) != 1:  # pragma: no cover - guards the template
        raise GeoKGError("the view template lost its data marker; reinstall geokg")
    return text.replace(marker, _json_for_script(model), 1)


def _write_atomically(path: Path, text: str) -> None:
    from kg.fileio import atomic_write

    atomic_write(path, text)


def render_html(graph: Any, path: str | Path, **options: Any) -> Path:
    """Write the interactive, offline HTML view of a graph's actor network.

    Parameters
    ----------
    graph : KnowledgeGraph or rdflib.Graph
        A graph following the geokg RDF contract.
    path : str or pathlib.Path
        The HTML file to write (replaced atomically; parent folders are created).
    title : str, default "geokg"
    level : {"actor", "country"}, default "actor"
        ``"country"`` folds agents, persons and government bodies into their countries.
    focus : str or iterable of str, optional
        Actors (labels or IRIs) to centre the view on; only actors within ``hops`` are drawn.
    hops : int, default 1
    size_by : {"degree", "pagerank", "betweenness"}, default "degree"
    include_unasserted : bool, default False
        Tick every modality at first, not only asserted statements (the page's filter can
        change it either way).
    max_nodes, max_edges : int
        Larger views are reduced to their most connected actors, with a note saying so.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from rdflib import Graph
    >>> out = render_html(Graph(), pathlib.Path(tempfile.mkdtemp()) / "net.html", title="Sahel")
    >>> "<title>Sahel</title>" in out.read_text(encoding="utf-8")
    True
    """
    target = Path(path)
    _write_atomically(target, page(graph, **options))
    logger.info("Wrote the network view to %s.", target)
    return target


@dataclass(frozen=True)
class NetworkView:
    """A network page that Jupyter, JupyterLab and VS Code display inline.

    Attributes
    ----------
    page : str
        The complete HTML page, as :func:`render_html` writes it.
    height : str
        CSS height of the frame in the notebook.
    """

    page: str
    height: str = "650px"

    def __repr__(self) -> str:
        return f"<NetworkView: {len(self.page) / 1e6:.1f} MB page, height {self.height}>"

    @property
    def data(self) -> str:
        """The ``<iframe>`` element, as ``IPython.display.HTML.data`` would hold it."""
        return self._repr_html_()

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" '
            f'style="width:100%;height:{html.escape(self.height, quote=True)};border:0" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to a file."""
        target = Path(path)
        _write_atomically(target, self.page)
        return target


def show(graph: Any, *, height: str = "650px", **options: Any) -> NetworkView:
    """The interactive view, inline in a notebook (the options of :func:`render_html`).

    The page is embedded in a sandboxed ``<iframe>`` through ``srcdoc``: no file is
    written, nothing is loaded from the web, and it works where pyvis's own notebook
    mode does not (JupyterLab, VS Code).

    Examples
    --------
    >>> from rdflib import Graph
    >>> show(Graph(), height="400px")._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    return NetworkView(page=page(graph, **options), height=height)


def screenshot(
    html_path: str | Path,
    png_path: str | Path,
    *,
    width: int = 1400,
    height: int = 900,
    chromium: str | None = None,
    wait_ms: int = 15_000,
) -> Path:
    """A PNG of a view as headless Chromium draws it, once the page has settled.

    Raises
    ------
    GeoKGError
        When no Chromium is installed, or it writes no image.
    """
    import shutil
    import subprocess

    browser = chromium or next(
        (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
    )
    if browser is None:
        raise GeoKGError(
            "a screenshot needs Chromium on the PATH (Debian package chromium); install it or leave out --png"
        )
    target = Path(png_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geokg-chromium-") as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--virtual-time-budget={wait_ms}",
            f"--screenshot={target.resolve()}",
            Path(html_path).resolve().as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=wait_ms / 1000 + 60, check=False)
        except subprocess.TimeoutExpired:
            raise GeoKGError(f"Chromium took too long to draw {html_path}; try a smaller view") from None
    if not target.is_file() or target.stat().st_size == 0:
        raise GeoKGError(f"Chromium wrote no screenshot of {html_path}; check that {browser} runs headless")
    return target


def summary_html(stats: dict[str, Any]) -> str:
    """An HTML summary of :meth:`KnowledgeGraph.stats`: documents, actors by type, statements by relation."""
    escape = html.escape

    def rows(counts: dict[str, int]) -> str:
        return "".join(
            f"<tr><td>{escape(str(name))}</td><td style='text-align:right'>{count:,}</td></tr>"
            for name, count in counts.items()
        )

    modalities = ", ".join(f"{escape(name)} {count:,}" for name, count in stats.get("modalities", {}).items())
    return (
        "<div class='geokg-summary'>"
        f"<b>KnowledgeGraph</b>: {stats['documents']:,} documents, {stats['entities']:,} actors, "
        f"{stats['statements']:,} statements ({modalities or 'none'}), {stats['triples']:,} triples"
        "<div style='display:flex;gap:24px;align-items:flex-start'>"
        f"<table><thead><tr><th>actors by type</th><th></th></tr></thead><tbody>{rows(stats['entities_by_type'])}"
        "</tbody></table>"
        f"<table><thead><tr><th>statements by relation</th><th></th></tr></thead><tbody>{rows(stats['relations'])}"
        "</tbody></table></div></div>"
    )
