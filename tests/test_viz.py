"""Tests of kg.viz: the actor network and the offline pyvis page."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS

from kg.graph.namespace import GKD, GKE, GKG, GKS, WD, extractor_iri
from kg.viz import NetworkView, actor_network, render_html, show

UZBEKISTAN = GKE["uzbekistan"]
CSTO = GKE["collective-security-treaty-organization"]
UNITED_STATES = GKE["united-states"]
RUSSIA = GKE["russia"]
SHELL_COMPANY = GKE["shell-company"]
SEED_DOCUMENT = GKD["seed-uzbek-us"]
HOSTILE_DOCUMENT = GKD["hostile"]
SCRIPT = "<script>alert(1)</script>"
IMAGE = '<img src=x onerror="alert(2)">'


def _xsd(name: str) -> URIRef:
    # Not imported at module level: pytest probes module globals, and the open XSD
    # namespace warns on every unknown attribute.
    from rdflib.namespace import XSD

    return XSD[name]


XSD_DECIMAL, XSD_DATE, XSD_GYEAR, XSD_GYEAR_MONTH = (
    _xsd(name) for name in ("decimal", "date", "gYear", "gYearMonth"))
HOSTILE_EVIDENCE = f"Washington and Tashkent agreed to cooperate {SCRIPT} in 2001."


def _entity(graph: Graph, entity: URIRef, cls: URIRef, label: str, qid: str | None) -> None:
    graph.add((entity, RDF.type, cls))
    graph.add((entity, RDFS.label, Literal(label, lang="en")))
    if qid is not None:
        graph.add((entity, OWL.sameAs, WD[qid]))


def _document(graph: Graph, document: URIRef, identifier: str, source: URIRef) -> None:
    graph.add((document, RDF.type, GKG.Document))
    graph.add((document, RDF.type, PROV.Entity))
    graph.add((document, DCTERMS.identifier, Literal(identifier)))
    graph.add((document, DCTERMS.title, Literal(f"Title of {identifier}")))
    graph.add((document, DCTERMS.source, source))


def _statement(graph: Graph, statement: URIRef, subject: URIRef, relation: URIRef,
               obj: URIRef, *, modality: URIRef, evidence: str, confidence: str,
               document: URIRef, **times: Literal) -> None:
    graph.add((statement, RDF.type, RDF.Statement))
    graph.add((statement, RDF.type, GKG.Statement))
    graph.add((statement, RDF.subject, subject))
    graph.add((statement, RDF.predicate, relation))
    graph.add((statement, RDF.object, obj))
    graph.add((statement, GKG.modality, modality))
    graph.add((statement, GKG.evidence, Literal(evidence)))
    graph.add((statement, GKG.confidence, Literal(confidence, datatype=XSD_DECIMAL)))
    graph.add((statement, GKG.charStart, Literal(0)))
    graph.add((statement, GKG.charEnd, Literal(len(evidence))))
    graph.add((statement, PROV.wasDerivedFrom, document))
    graph.add((statement, PROV.wasGeneratedBy, extractor_iri("0.1.0")))
    for name, value in times.items():
        graph.add((statement, GKG[name], value))
    if modality == GKG.Asserted:
        graph.add((subject, relation, obj))  # the truthy triple


@pytest.fixture
def graph() -> Graph:
    """Four statements about Uzbekistan, one negated, two from a hostile document."""
    g = Graph()
    _entity(g, UZBEKISTAN, GKG.Country, "Uzbekistan", "Q265")
    g.add((UZBEKISTAN, GKG.iso3166Alpha3, Literal("UZB")))
    _entity(g, CSTO, GKG.InternationalOrganization,
            "Collective Security Treaty Organization", None)
    g.add((CSTO, RDF.type, GKG.Actor))
    _entity(g, UNITED_STATES, GKG.Country, "United States", "Q30")
    _entity(g, RUSSIA, GKG.Country, "Russia", "Q159")
    _entity(g, SHELL_COMPANY, GKG.Organization, f"Shell {IMAGE} Company", None)
    _document(g, SEED_DOCUMENT, "seed-uzbek-us", URIRef("file:///corpus/seed-uzbek-us.txt"))
    _document(g, HOSTILE_DOCUMENT, f"hostile{SCRIPT}", URIRef("https://example.org/a?b=1&c=2"))
    _statement(g, GKS["withdrew-1"], UZBEKISTAN, GKG.withdrewFrom, CSTO,
               modality=GKG.Asserted, evidence="Tashkent pulled out of the CSTO in 2012.",
               confidence="0.86", document=SEED_DOCUMENT,
               pointInTime=Literal("2012", datatype=XSD_GYEAR),
               timeText=Literal("in 2012"))
    _statement(g, GKS["withdrew-2"], UZBEKISTAN, GKG.withdrewFrom, CSTO,
               modality=GKG.Asserted, evidence="Uzbekistan left the bloc.",
               confidence="0.7", document=SEED_DOCUMENT)
    _statement(g, GKS["cooperates"], UNITED_STATES, GKG.cooperatesWith, UZBEKISTAN,
               modality=GKG.Asserted, evidence=HOSTILE_EVIDENCE, confidence="0.9",
               document=HOSTILE_DOCUMENT,
               startTime=Literal("2001", datatype=XSD_GYEAR),
               endTime=Literal("2005-11", datatype=XSD_GYEAR_MONTH))
    _statement(g, GKS["criticized"], SHELL_COMPANY, GKG.criticized, UNITED_STATES,
               modality=GKG.Asserted, evidence="The company criticized Washington.",
               confidence="0.5", document=HOSTILE_DOCUMENT,
               pointInTime=Literal("2023-09-27", datatype=XSD_DATE))
    _statement(g, GKS["attacked"], RUSSIA, GKG.attacked, UZBEKISTAN,
               modality=GKG.Negated, evidence="Russia did not attack Uzbekistan.",
               confidence="0.8", document=SEED_DOCUMENT)
    return g


def _vis_data(page: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """The nodes, edges and options that the page hands to vis-network."""
    decoder = json.JSONDecoder()

    def value_after(marker: str) -> Any:
        return decoder.raw_decode(page, page.index(marker) + len(marker))[0]

    return (value_after("nodes = new vis.DataSet("), value_after("edges = new vis.DataSet("),
            value_after("var options = "))


def test_actor_network_has_the_entities_and_one_edge_per_statement(graph: Graph) -> None:
    network = actor_network(graph)

    assert dict(network.nodes(data=True)) == {
        str(UZBEKISTAN): {"label": "Uzbekistan", "type": "Country", "qid": "Q265"},
        str(CSTO): {"label": "Collective Security Treaty Organization",
                    "type": "InternationalOrganization", "qid": None},
        str(UNITED_STATES): {"label": "United States", "type": "Country", "qid": "Q30"},
        str(RUSSIA): {"label": "Russia", "type": "Country", "qid": "Q159"},
        str(SHELL_COMPANY): {"label": f"Shell {IMAGE} Company", "type": "Organization",
                             "qid": None},
    }
    seed = {"document": "seed-uzbek-us", "source": "file:///corpus/seed-uzbek-us.txt"}
    hostile = {"document": f"hostile{SCRIPT}", "source": "https://example.org/a?b=1&c=2"}
    assert {key: (u, v, data) for u, v, key, data in network.edges(keys=True, data=True)} == {
        str(GKS["withdrew-1"]): (str(UZBEKISTAN), str(CSTO), {
            "relation": "withdrewFrom", "modality": "Asserted", "time": "2012",
            "evidence": "Tashkent pulled out of the CSTO in 2012.", "confidence": 0.86,
            **seed}),
        str(GKS["withdrew-2"]): (str(UZBEKISTAN), str(CSTO), {
            "relation": "withdrewFrom", "modality": "Asserted", "time": None,
            "evidence": "Uzbekistan left the bloc.", "confidence": 0.7, **seed}),
        str(GKS["cooperates"]): (str(UNITED_STATES), str(UZBEKISTAN), {
            "relation": "cooperatesWith", "modality": "Asserted", "time": "2001\u20132005-11",
            "evidence": HOSTILE_EVIDENCE, "confidence": 0.9, **hostile}),
        str(GKS["criticized"]): (str(SHELL_COMPANY), str(UNITED_STATES), {
            "relation": "criticized", "modality": "Asserted", "time": "2023-09-27",
            "evidence": "The company criticized Washington.", "confidence": 0.5, **hostile}),
        str(GKS["attacked"]): (str(RUSSIA), str(UZBEKISTAN), {
            "relation": "attacked", "modality": "Negated", "time": None,
            "evidence": "Russia did not attack Uzbekistan.", "confidence": 0.8, **seed}),
    }


def test_actor_network_of_a_graph_without_statements_is_empty() -> None:
    graph = Graph()
    _entity(graph, UZBEKISTAN, GKG.Country, "Uzbekistan", "Q265")

    network = actor_network(graph)

    assert (network.number_of_nodes(), network.number_of_edges()) == (0, 0)


def test_render_html_loads_nothing_from_the_web(graph: Graph, tmp_path: Path) -> None:
    page = render_html(graph, tmp_path / "net.html").read_text(encoding="utf-8")

    assert re.findall(r"""\b(?:src|href)\s*=\s*["']?\s*https?://""", page, re.I) == []
    assert "cdn.jsdelivr.net" not in page
    assert "vis.Network" in page  # vis-network itself is inlined


def test_render_html_escapes_text_from_documents(graph: Graph, tmp_path: Path) -> None:
    page = render_html(graph, tmp_path / "net.html", title=f"Sahel {SCRIPT}",
                       include_unasserted=True).read_text(encoding="utf-8")
    nodes, edges, _ = _vis_data(page)

    assert SCRIPT not in page and "<img" not in page
    assert f"<h1>Sahel {html.escape(SCRIPT)}</h1>" in page
    assert f"<title>Sahel {html.escape(SCRIPT)}</title>" in page
    cooperation = next(edge for edge in edges if edge["label"] == "cooperatesWith")
    assert html.escape(HOSTILE_EVIDENCE) in cooperation["title"]
    assert html.escape(f"hostile{SCRIPT}") in cooperation["title"]
    assert html.escape("https://example.org/a?b=1&c=2") in cooperation["title"]
    company = next(node for node in nodes if node["id"] == str(SHELL_COMPANY))
    assert html.escape(f"Shell {IMAGE} Company") in company["title"]
    for item in nodes + edges:  # the only tags in tooltips are geokg's own
        assert set(re.findall(r"</?([a-zA-Z]+)", item["title"])) <= {
            "b", "br", "ul", "li", "small", "p"}


def test_render_html_draws_only_asserted_relations_by_default(
        graph: Graph, tmp_path: Path) -> None:
    nodes, edges, _ = _vis_data(render_html(graph, tmp_path / "net.html")
                                .read_text(encoding="utf-8"))

    assert sorted(node["id"] for node in nodes) == sorted(
        str(entity) for entity in (UZBEKISTAN, CSTO, UNITED_STATES, SHELL_COMPANY))
    assert sorted((e["from"], e["label"], e["to"], e["dashes"]) for e in edges) == [
        (str(SHELL_COMPANY), "criticized", str(UNITED_STATES), False),
        (str(UNITED_STATES), "cooperatesWith", str(UZBEKISTAN), False),
        (str(UZBEKISTAN), "withdrewFrom", str(CSTO), False),
    ]


def test_render_html_draws_unasserted_relations_dashed_on_request(
        graph: Graph, tmp_path: Path) -> None:
    nodes, edges, _ = _vis_data(render_html(graph, tmp_path / "net.html",
                                            include_unasserted=True)
                                .read_text(encoding="utf-8"))

    assert len(nodes) == 5
    attacked = [edge for edge in edges if edge["label"] == "attacked"]
    assert [(e["from"], e["to"], e["dashes"], e["color"]) for e in attacked] == [
        (str(RUSSIA), str(UZBEKISTAN), True, "#b0b0b0")]
    assert "Negated" in attacked[0]["title"]
    assert sum(edge["dashes"] for edge in edges) == 1


def test_render_html_aggregates_statements_of_one_relation(
        graph: Graph, tmp_path: Path) -> None:
    _, edges, _ = _vis_data(render_html(graph, tmp_path / "net.html")
                            .read_text(encoding="utf-8"))

    withdrawal = [edge for edge in edges if edge["label"] == "withdrewFrom"]
    assert len(withdrawal) == 1
    title = withdrawal[0]["title"]
    assert "(2 statements)" in title
    assert "Tashkent pulled out of the CSTO in 2012." in title
    assert "Uzbekistan left the bloc." in title
    assert "2012 \u00b7 Asserted \u00b7 seed-uzbek-us \u00b7 file:///corpus/seed-uzbek-us.txt" \
        in title
    assert withdrawal[0]["width"] == 2.0
    assert withdrawal[0]["arrows"] == "to"
    cooperation = next(edge for edge in edges if edge["label"] == "cooperatesWith")
    assert cooperation["arrows"] == ""  # symmetric relation


def test_render_html_styles_nodes_by_type_with_a_legend(graph: Graph, tmp_path: Path) -> None:
    page = render_html(graph, tmp_path / "net.html").read_text(encoding="utf-8")
    nodes, _, _ = _vis_data(page)

    styles = {node["id"]: (node["label"], node["color"], node["shape"]) for node in nodes}
    assert styles[str(UZBEKISTAN)] == ("Uzbekistan", "#1f77b4", "dot")
    assert styles[str(CSTO)] == ("Collective Security Treaty Organization",
                                 "#ff7f0e", "diamond")
    assert styles[str(SHELL_COMPANY)][1:] == ("#9467bd", "triangleDown")
    uzbekistan = next(node for node in nodes if node["id"] == str(UZBEKISTAN))
    assert uzbekistan["title"] == "<b>Uzbekistan</b><br>Type: Country<br>Wikidata: Q265"
    legend = re.search(r'<ul class="geokg-legend".*?</ul>', page, re.S)
    assert legend is not None
    for name in ("Country", "InternationalOrganization", "Person", "GovernmentBody",
                 "Organization", "Place", "Event"):
        assert f"</span>{name} (" in legend.group(0)


def test_render_html_places_nodes_and_turns_physics_off(graph: Graph, tmp_path: Path) -> None:
    nodes, _, options = _vis_data(render_html(graph, tmp_path / "net.html")
                                  .read_text(encoding="utf-8"))

    assert all(isinstance(node["x"], float) and isinstance(node["y"], float)
               for node in nodes)
    assert len({(node["x"], node["y"]) for node in nodes}) == len(nodes)
    assert options["physics"]["enabled"] is False
    assert options["layout"]["improvedLayout"] is False
    assert options["edges"]["smooth"] is False


def test_render_html_is_deterministic(graph: Graph, tmp_path: Path) -> None:
    first = render_html(graph, tmp_path / "a.html").read_text(encoding="utf-8")
    second = render_html(graph, tmp_path / "b.html").read_text(encoding="utf-8")

    assert first == second


def test_render_html_writes_only_the_requested_file(
        graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "net.html").write_text("old", encoding="utf-8")

    written = render_html(graph, "out/views/net.html")
    render_html(graph, tmp_path / "out" / "net.html")

    assert written == Path("out/views/net.html")
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "out", "out/net.html", "out/views", "out/views/net.html"]
    assert (tmp_path / "out" / "net.html").read_text(encoding="utf-8").startswith(
        "<!DOCTYPE html>")


def test_show_embeds_the_page_in_an_iframe(graph: Graph) -> None:
    view = show(graph, height="400px")

    assert isinstance(view, NetworkView)
    frame = view._repr_html_()
    assert frame.count("<") == 2  # <iframe ...> and </iframe>: the page is escaped
    srcdoc = re.fullmatch(r'<iframe srcdoc="([^"]*)" style="([^"]*)" '
                          r'sandbox="allow-scripts"></iframe>', frame)
    assert srcdoc is not None
    assert html.unescape(srcdoc.group(1)) == view.page
    assert "height:400px" in srcdoc.group(2)
    assert view.data == frame


def test_importing_viz_loads_neither_spacy_nor_the_drawing_libraries() -> None:
    probe = ("import sys, kg.viz; print(sorted(m for m in ('spacy', 'pyvis', 'networkx', "
             "'IPython') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[1])

    assert result.stdout.strip() == "[]"
