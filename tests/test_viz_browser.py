"""The view in headless Chromium: it draws offline, its filters, time window and search work,
its labels do not overlap, and its tooltips show escaped evidence with working links."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS
from sample_graph import MARKUP, sample_graph

import kg
from kg.graph.namespace import GKD
from kg.viz import render_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM} (Debian package chromium)")
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="needs the playwright Python package (pip install playwright); "
    "its browser download is not needed, Debian's Chromium is used",
)

ARTICLE = b"<!DOCTYPE html><title>Tashkent quits the CSTO</title><p>The article.</p>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def article_server() -> Iterator[str]:
    """A local HTTP server of one news article, so that a source link can be followed offline."""

    class Article(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the handler's API)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(ARTICLE)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Article)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory, article_server: str) -> Path:
    graph = sample_graph()
    graph.graph.set((GKD["exit-2012"], DCTERMS.source, URIRef(f"{article_server}/2012/exit?id=7&lang=en")))
    return render_html(graph, tmp_path_factory.mktemp("view") / "sample.html", title="Sample")


class View:
    """An open page, with every request it made and every dialog it opened."""

    def __init__(self, browser: Any, path: Path):
        self.page = browser.new_page(viewport={"width": 1300, "height": 850})
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dismiss)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-geokg-idle=true]", state="attached", timeout=15000)

    def _dismiss(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def counts(self) -> list[int]:
        """Nodes and edges that vis-network holds now."""
        return self.page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")

    def shown(self) -> list[str]:
        return sorted(self.page.evaluate("geokg.shownNodes().map(id => geokg.model.nodes[id].label)"))

    def node_id(self, label: str) -> int:
        return self.page.evaluate("label => geokg.model.nodes.findIndex(n => n.label === label)", label)

    def screen_point(self, label: str) -> dict[str, float]:
        return self.page.evaluate(
            """id => {
            const point = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById("mynetwork").getBoundingClientRect();
            return {x: box.left + point.x, y: box.top + point.y};
        }""",
            self.node_id(label),
        )

    def toggle(self, group: str, value: str) -> None:
        self.page.locator(f"#geokg-{group} input[value='{value}']").click()

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def view(browser: Any, sample_page: Path) -> Iterator[View]:
    opened = View(browser, sample_page)
    yield opened
    opened.close()


ASSERTED_ACTORS = [
    "Bahodir Kurbanov",
    "Collective Security Treaty Organization",
    "Michael Kurilla",
    "Ministry of Defence of Uzbekistan",
    "Russia",
    "Russia (military)",
    "Shavkat Mirziyoyev",
    "Tashkent",
    "Ukraine",
    "United States",
    "Uzbekistan",
    "Armenia",
]


def test_the_view_draws_the_asserted_network_offline_with_a_legend(view: View) -> None:
    assert view.counts() == [12, 12]
    assert view.shown() == sorted(ASSERTED_ACTORS)
    assert view.page.evaluate("Object.keys(network.getPositions()).length") == 12
    assert view.page.locator("#geokg-status").inner_text() == "12 of 12 actors, 12 of 14 relations, 12 statements"
    legend = view.page.locator("#geokg-panel").inner_text()
    for name in (
        "membership",
        "diplomacy",
        "cooperation",
        "conflict",
        "coercion",
        "structure",
        "Country",
        "Agent",
        "InternationalOrganization",
        "Person",
        "GovernmentBody",
        "Place",
        "Asserted",
        "Negated",
        "Hypothetical",
        "Future",
    ):
        assert name in legend
    assert view.requests and all(url.startswith(("file://", "data:")) for url in view.requests), view.requests
    assert view.dialogs == [] and view.errors == []


def test_labels_are_short_and_do_not_overlap(view: View) -> None:
    boxes = view.page.evaluate("geokg.labels()")

    texts = {box["text"] for box in boxes}
    assert {"Uzbekistan", "Russia", "CSTO"} <= texts
    assert "Collective Security Treaty Organization" not in texts
    for number, a in enumerate(boxes):
        for b in boxes[number + 1 :]:
            apart = (
                a["x"] + a["w"] <= b["x"]
                or b["x"] + b["w"] <= a["x"]
                or a["y"] + a["h"] <= b["y"]
                or b["y"] + b["h"] <= a["y"]
            )
            assert apart, (a, b)


@pytest.mark.parametrize(
    ("group", "value", "expected"),
    [
        ("families", "coercion", [11, 10]),  # criticized and threatened go, and Armenia with them
        ("families", "membership", [11, 9]),  # joined, memberOf, withdrewFrom; the CSTO goes
        ("types", "Person", [8, 9]),  # three persons, and the ministry only Kurbanov served
        ("modalities", "Negated", [12, 13]),  # Kurilla did not meet Kurbanov
        ("modalities", "Hypothetical", [12, 13]),  # the United States might ally with Uzbekistan
    ],
)
def test_each_filter_changes_what_is_drawn(view: View, group: str, value: str, expected: list[int]) -> None:
    view.toggle(group, value)

    assert view.counts() == expected


def test_unasserted_statements_are_drawn_dashed(view: View) -> None:
    view.toggle("modalities", "Negated")

    dashed = view.page.evaluate(
        "edges.get().filter(e => e.dashes && geokg.shownEdges().includes(e.id))"
        ".map(e => geokg.model.edges[e.id].relation)"
    )
    assert dashed == ["metWith"]


def test_minimum_confidence(view: View) -> None:
    view.page.locator("#geokg-confidence").fill("0.8")

    assert view.counts() == [9, 8]
    assert "Armenia" not in view.shown()
    assert view.page.locator("#geokg-confidence-value").inner_text() == "0.80"


@pytest.mark.parametrize(
    ("field", "value", "actors", "relations"),
    [
        ("from", "2023", 11, 8),  # this year's events, and what was reported this year
        ("to", "1999", 2, 2),  # the joining and the membership
        ("as-of", "2000", 2, 2),  # a member then
        ("as-of", "2013", 3, 2),  # the withdrawal and the criticism happened; the membership is over
        ("as-of", "2012-06-15", 2, 1),  # after the withdrawal, before the criticism was reported
    ],
)
def test_the_time_window_changes_what_is_drawn(view: View, field: str, value: str, actors: int, relations: int) -> None:
    view.page.locator(f"#geokg-{field}").fill(value)
    view.page.locator(f"#geokg-{field}").press("Enter")

    assert view.counts() == [actors, relations]


def test_a_membership_ended_by_a_withdrawal_is_not_shown_after_it(view: View) -> None:
    def relations_as_of(day: str) -> list[str]:
        view.page.locator("#geokg-as-of").fill(day)
        view.page.locator("#geokg-as-of").press("Enter")
        return sorted(view.page.evaluate("geokg.shownEdges().map(id => geokg.model.edges[id].relation)"))

    assert relations_as_of("2011") == ["joined", "memberOf"]
    assert relations_as_of("2012-06") == ["criticized", "withdrewFrom"]
    assert "memberOf" not in relations_as_of("2024")


def test_a_date_that_is_not_a_date_is_ignored_and_said(view: View) -> None:
    view.page.locator("#geokg-from").fill("last year")
    view.page.locator("#geokg-from").press("Enter")

    assert view.counts() == [12, 12]
    assert (
        "ignoring the from date: write YYYY, YYYY-MM or YYYY-MM-DD" in view.page.locator("#geokg-status").inner_text()
    )


def test_search_finds_and_focuses_an_actor(view: View) -> None:
    search = view.page.locator("#geokg-search")
    search.fill("armenia")
    search.press("Enter")

    armenia = view.node_id("Armenia")
    assert view.page.evaluate("network.getSelectedNodes()") == [armenia]
    centre = view.page.evaluate("network.getViewPosition()")
    position = view.page.evaluate("id => network.getPositions([id])[id]", armenia)
    assert abs(centre["x"] - position["x"]) < 1 and abs(centre["y"] - position["y"]) < 1
    assert view.page.evaluate("network.getScale()") >= 1.2
    assert view.page.locator("#geokg-message").inner_text() == ""

    search.fill("CSTO")  # an abbreviation
    search.press("Enter")
    assert view.page.evaluate("network.getSelectedNodes()") == [view.node_id("Collective Security Treaty Organization")]

    search.fill("Atlantis")
    search.press("Enter")
    assert view.page.locator("#geokg-message").inner_text() == "No actor matches \u201cAtlantis\u201d."


def test_search_says_when_the_filters_hide_the_actor(view: View) -> None:
    view.toggle("families", "coercion")
    view.page.locator("#geokg-search").fill("Armenia")
    view.page.locator("#geokg-search").press("Enter")

    assert view.page.locator("#geokg-message").inner_text() == "Armenia is hidden by the filters."


def _edge_midpoint(view: View, subject: str, obj: str) -> dict[str, float]:
    a, b = view.screen_point(subject), view.screen_point(obj)
    return {"x": (a["x"] + b["x"]) / 2, "y": (a["y"] + b["y"]) / 2}


def test_an_edge_tooltip_shows_escaped_evidence_and_every_statement(view: View) -> None:
    point = _edge_midpoint(view, "Michael Kurilla", "Uzbekistan")
    view.page.mouse.move(point["x"], point["y"])
    tooltip = view.page.wait_for_selector("#geokg-tooltip", state="visible", timeout=3000)

    text = tooltip.inner_text()
    assert text.startswith("Michael Kurilla visited Uzbekistan (1 statement)")
    assert f"Kurilla visited Uzbekistan on September 26 {MARKUP}." in text
    assert "2023-09-26 \u00b7 confidence 0.80 \u00b7 Asserted \u00b7 Kurilla in Tashkent " + MARKUP in text
    assert tooltip.evaluate("element => element.querySelectorAll('script, img').length") == 0
    assert view.dialogs == [] and view.errors == []


def test_a_source_title_is_a_link_that_opens_the_article(view: View, article_server: str) -> None:
    point = _edge_midpoint(view, "Russia", "Uzbekistan")
    view.page.mouse.click(point["x"], point["y"])  # a click pins the tooltip
    tooltip = view.page.wait_for_selector("#geokg-tooltip.geokg-pinned", state="visible", timeout=3000)

    assert "Moscow criticized Tashkent." in tooltip.inner_text()
    assert (
        "2012-06-29 (reported) \u00b7 confidence 0.70 \u00b7 Asserted \u00b7 Tashkent quits the CSTO"
        in tooltip.inner_text()
    )
    link = view.page.locator("#geokg-tooltip a")
    assert link.get_attribute("href") == f"{article_server}/2012/exit?id=7&lang=en"
    assert link.get_attribute("rel") == "noopener noreferrer"
    with view.page.context.expect_page() as opened:
        link.click()
    article = opened.value
    article.wait_for_load_state()
    assert article.title() == "Tashkent quits the CSTO"
    article.close()
    assert all(url.startswith(("file://", "data:", article_server)) for url in view.requests), view.requests


def test_a_node_tooltip_names_the_agents_country(view: View) -> None:
    point = view.screen_point("Russia (military)")
    view.page.mouse.move(point["x"], point["y"])
    tooltip = view.page.wait_for_selector("#geokg-tooltip", state="visible", timeout=3000)

    assert tooltip.inner_text().splitlines()[:4] == [
        "Russia (military)",
        "Type: Agent",
        "Country: Russia",
        "Sector: Military",
    ]


def test_the_example_article_view_draws_every_actor_and_relation(
    browser: Any, tmp_path: Path, example_graph: kg.KnowledgeGraph
) -> None:
    from kg.analysis import actor_graph

    network = actor_graph(example_graph, include_places=True)
    path = example_graph.to_html(tmp_path / "example.html")

    view = View(browser, path)
    try:
        assert view.counts() == [network.number_of_nodes(), network.number_of_edges()]
        assert view.counts()[0] >= 10 and view.counts()[1] >= 12
        assert all(url.startswith(("file://", "data:")) for url in view.requests), view.requests
        assert view.errors == []
    finally:
        view.close()
