"""The rendered network page in headless Chromium: it draws, offline, without injection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.graph.namespace import GKD, GKE, GKG, GKS
from kg.viz import render_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCRIPT = "<script>alert(1)</script>"
IMAGE = '<img src=x onerror="alert(2)">'

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"needs Chromium at {CHROMIUM} (Debian package chromium)")
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="needs the playwright Python package (pip install playwright); "
           "its browser download is not needed, Debian's Chromium is used")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _graph() -> Graph:
    """Three asserted relations among four actors, plus a negated one with a fifth."""
    graph = Graph()
    names = {"uzbekistan": (GKG.Country, "Uzbekistan"),
             "united-states": (GKG.Country, "United States"),
             "russia": (GKG.Country, "Russia"),
             "collective-security-treaty-organization": (GKG.InternationalOrganization,
                                                         "CSTO"),
             "shell-company": (GKG.Organization, f"Shell {IMAGE}")}
    for slug, (cls, label) in names.items():
        graph.add((GKE[slug], RDF.type, cls))
        graph.add((GKE[slug], RDFS.label, Literal(label, lang="en")))
    document = GKD["hostile"]
    graph.add((document, RDF.type, GKG.Document))
    graph.add((document, DCTERMS.identifier, Literal(f"hostile{SCRIPT}")))
    graph.add((document, DCTERMS.source, URIRef("https://example.org/news")))
    statements = [
        ("uzbekistan", GKG.withdrewFrom, "collective-security-treaty-organization",
         GKG.Asserted, "Tashkent pulled out of the CSTO."),
        ("uzbekistan", GKG.withdrewFrom, "collective-security-treaty-organization",
         GKG.Asserted, "Uzbekistan left the bloc."),
        ("united-states", GKG.cooperatesWith, "uzbekistan", GKG.Asserted,
         f"They agreed {SCRIPT} to cooperate."),
        ("shell-company", GKG.criticized, "united-states", GKG.Asserted,
         f"{IMAGE} criticized Washington."),
        ("russia", GKG.attacked, "uzbekistan", GKG.Negated,
         "Russia did not attack Uzbekistan."),
    ]
    for number, (subject, relation, obj, modality, evidence) in enumerate(statements):
        statement = GKS[f"statement-{number}"]
        graph.add((statement, RDF.type, GKG.Statement))
        graph.add((statement, RDF.subject, GKE[subject]))
        graph.add((statement, RDF.predicate, relation))
        graph.add((statement, RDF.object, GKE[obj]))
        graph.add((statement, GKG.modality, modality))
        graph.add((statement, GKG.evidence, Literal(evidence)))
        graph.add((statement, PROV.wasDerivedFrom, document))
    return graph


def _open(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    """Open ``path``; return the page, every URL it requested and every dialog."""
    page = browser.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    def dismiss(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-geokg-drawn=true]", state="attached", timeout=8000)
    return page, requests, dialogs


@pytest.mark.parametrize(("include_unasserted", "expected"), [(False, [4, 3]), (True, [5, 4])])
def test_page_draws_the_network_offline(browser: Any, tmp_path: Path,
                                        include_unasserted: bool,
                                        expected: list[int]) -> None:
    path = render_html(_graph(), tmp_path / "net.html", include_unasserted=include_unasserted)

    page, requests, dialogs = _open(browser, path)
    try:
        counts = page.evaluate("[network.body.data.nodes.length,"
                               " network.body.data.edges.length]")
        drawn = page.evaluate("Object.keys(network.getPositions()).length")
    finally:
        page.close()

    assert counts == expected
    assert drawn == expected[0]
    assert requests and all(url.startswith(("file://", "data:")) for url in requests), requests
    assert dialogs == []


def test_tooltips_show_document_text_without_running_it(browser: Any, tmp_path: Path) -> None:
    path = render_html(_graph(), tmp_path / "net.html")

    page, _, dialogs = _open(browser, path)
    try:
        tooltips = page.evaluate("""() => {
            const all = nodes.get().concat(edges.get());
            return {
                elements: all.every(item => item.title instanceof HTMLElement),
                injected: all.filter(item => item.title.querySelector("script, img")).length,
                text: all.map(item => item.title.textContent).join("\\n"),
            };
        }""")
        company = page.evaluate("""id => {
            const point = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById("mynetwork").getBoundingClientRect();
            return {x: box.left + point.x, y: box.top + point.y};
        }""", str(GKE["shell-company"]))
        page.mouse.move(company["x"], company["y"])
        tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=3000)
        shown = tooltip.evaluate("element => [element.innerText, "
                                 "element.querySelectorAll('img, script').length]")
    finally:
        page.close()

    assert tooltips["elements"] is True
    assert tooltips["injected"] == 0
    assert f"They agreed {SCRIPT} to cooperate." in tooltips["text"]
    assert f"hostile{SCRIPT}" in tooltips["text"]
    assert f"Shell {IMAGE}" in tooltips["text"]
    assert shown == [f"Shell {IMAGE}\nType: Organization\nWikidata: none", 0]
    assert dialogs == []


def test_example_article_page_draws_every_actor_and_relation(browser: Any, tmp_path: Path,
                                                           example_graph: Any) -> None:
    expected = example_graph.query("""
        SELECT (COUNT(DISTINCT ?actor) AS ?actors) (COUNT(DISTINCT ?pair) AS ?relations) WHERE {
          ?statement a gkg:Statement ; gkg:modality gkg:Asserted ;
                     rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          VALUES ?end { 0 1 }
          BIND(IF(?end = 0, ?s, ?o) AS ?actor)
          BIND(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o)) AS ?pair)
        }""").iloc[0]
    path = example_graph.to_html(tmp_path / "example.html")

    page, requests, dialogs = _open(browser, path)
    try:
        counts = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
    finally:
        page.close()

    assert counts == [int(expected["actors"]), int(expected["relations"])]
    assert counts[0] >= 10 and counts[1] >= 12
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
    assert dialogs == []
