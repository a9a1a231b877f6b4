"""The view's page as Python writes it: data, styles, focus, country level, reduction, escaping."""

from __future__ import annotations

import colorsys
import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sample_graph import MARKUP, sample_graph

import kg
from kg.errors import QueryError
from kg.graph.namespace import GKE
from kg.layout import force_layout
from kg.viz import NetworkView, page, render_html, show, summary_html

CSTO = "Collective Security Treaty Organization"


@pytest.fixture(scope="module")
def graph() -> kg.KnowledgeGraph:
    return sample_graph()


def parts(text: str) -> tuple[list[dict], list[dict], dict, dict]:
    """The vis-network nodes, edges and options, and the model the page's script filters."""
    decoder = json.JSONDecoder()

    def value_after(marker: str) -> Any:
        return decoder.raw_decode(text, text.index(marker) + len(marker))[0]

    model = json.loads(
        re.search(r'<script type="application/json" id="geokg-data">(.*?)</script>', text, re.S).group(1)
    )

    def element(name: str) -> Any:
        return json.loads(
            re.search(rf'<script type="application/json" id="geokg-{name}">(.*?)</script>', text, re.S).group(1)
        )

    return element("nodes"), element("edges"), value_after("var options = "), model


def labels(model: dict) -> list[str]:
    return sorted(node["label"] for node in model["nodes"])


def triples(model: dict) -> list[tuple[str, str, str]]:
    nodes = model["nodes"]
    return sorted((nodes[e["from"]]["label"], e["relation"], nodes[e["to"]]["label"]) for e in model["edges"])


def hue(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(red, green, blue)[0]


def test_the_page_loads_nothing_from_the_web(graph: kg.KnowledgeGraph) -> None:
    text = page(graph)

    assert re.findall(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I) == []
    assert "cdn.jsdelivr.net" not in text and "bootstrap" not in text.lower()
    assert "vis.Network" in text  # vis-network itself is inlined


def test_the_model_holds_every_statement_of_every_relation(graph: kg.KnowledgeGraph) -> None:
    nodes, edges, options, model = parts(page(graph))

    assert len(nodes) == len(model["nodes"]) == 12  # every actor and place of a statement, any modality
    assert triples(model) == [
        ("Bahodir Kurbanov", "metWith", "Michael Kurilla"),
        ("Bahodir Kurbanov", "officialOf", "Ministry of Defence of Uzbekistan"),
        ("Michael Kurilla", "visited", "Uzbekistan"),
        ("Russia", "criticized", "Uzbekistan"),
        ("Russia", "inConflictWith", "Ukraine"),
        ("Russia", "threatened", "Armenia"),
        ("Russia (military)", "attacked", "Ukraine"),
        ("Shavkat Mirziyoyev", "leaderOf", "Uzbekistan"),
        ("Tashkent", "capitalOf", "Uzbekistan"),
        ("United States", "alliedWith", "Uzbekistan"),
        ("United States", "cooperatesWith", "Uzbekistan"),
        ("Uzbekistan", "joined", CSTO),
        ("Uzbekistan", "memberOf", CSTO),
        ("Uzbekistan", "withdrewFrom", CSTO),
    ]
    by_relation = {e["relation"]: (e, edges[e_id]) for e_id, e in enumerate(model["edges"])}
    assert {
        name: (e["family"], vis["arrows"])
        for name, (e, vis) in by_relation.items()
        if name in ("withdrewFrom", "cooperatesWith", "attacked", "threatened", "visited", "leaderOf")
    } == {
        "withdrewFrom": ("membership", "to"),
        "cooperatesWith": ("cooperation", ""),
        "attacked": ("conflict", "to"),
        "threatened": ("coercion", "to"),
        "visited": ("diplomacy", "to"),
        "leaderOf": ("structure", "to"),
    }
    statements = {model["edges"][s[0]]["relation"]: s for s in model["statements"]}
    documents = model["documents"]
    membership = statements["memberOf"]
    assert membership[1:8] == [0, 0.85, "1994-01-01", "2012-01-01", 1, "1994", "start"]
    criticism = statements["criticized"]
    assert criticism[1:8] == [0, 0.7, "2012-06-29", "2012-06-29", 0, "2012-06-29", "reported"]
    assert documents[criticism[8]] == {
        "id": "exit-2012",
        "title": "Tashkent quits the CSTO",
        "url": "https://news.example.org/2012/exit?id=7&lang=en",
        "date": "2012-06-29",
    }
    assert model["modalities"][statements["alliedWith"][1]] == "Hypothetical"
    assert model["defaults"] == {"modalities": ["Asserted"]}
    assert options["physics"]["enabled"] is False and options["layout"]["improvedLayout"] is False


def test_nodes_are_styled_by_type_and_agents_take_their_countrys_colour(graph: kg.KnowledgeGraph) -> None:
    nodes, _, _, model = parts(page(graph))
    by_label = {entity["label"]: (entity, nodes[number]) for number, entity in enumerate(model["nodes"])}

    assert {label: vis["shape"] for label, (_, vis) in by_label.items()} == {
        "Armenia": "dot",
        "Bahodir Kurbanov": "triangle",
        CSTO: "diamond",
        "Michael Kurilla": "triangle",
        "Ministry of Defence of Uzbekistan": "square",
        "Russia": "dot",
        "Russia (military)": "hexagon",
        "Shavkat Mirziyoyev": "triangle",
        "Tashkent": "dot",
        "Ukraine": "dot",
        "United States": "dot",
        "Uzbekistan": "dot",
    }
    russia, military = by_label["Russia"][1]["color"], by_label["Russia (military)"][1]["color"]
    assert abs(hue(russia) - hue(military["background"])) < 0.02
    assert abs(hue(russia) - hue(military["border"])) < 0.02
    country_hues = sorted(
        hue(by_label[name][1]["color"]) for name in ("Armenia", "Russia", "Ukraine", "United States", "Uzbekistan")
    )
    assert min(b - a for a, b in zip(country_hues, country_hues[1:])) > 0.05  # five distinct colours
    entity, vis = by_label[CSTO]
    assert (entity["short"], entity["type"]) == ("CSTO", "InternationalOrganization")
    assert by_label["Russia (military)"][0]["country"] == "Russia"
    assert by_label["Tashkent"][1]["shapeProperties"] == {"borderDashes": [3, 2]}
    # size by degree: Uzbekistan has the most neighbours
    assert max(by_label.values(), key=lambda pair: pair[1]["size"])[0]["label"] == "Uzbekistan"


def test_size_by_a_centrality(graph: kg.KnowledgeGraph) -> None:
    for measure in ("pagerank", "betweenness"):
        nodes, _, _, model = parts(page(graph, size_by=measure))
        assert model["sizeBy"] == measure
        biggest = max(range(len(nodes)), key=lambda i: nodes[i]["size"])
        assert model["nodes"][biggest]["label"] == "Uzbekistan", measure
    with pytest.raises(QueryError, match="size_by 'fame' is not one of degree, pagerank, betweenness"):
        page(graph, size_by="fame")


def test_focus_draws_the_neighbourhood_and_says_what_was_left_out(graph: kg.KnowledgeGraph) -> None:
    _, _, _, one = parts(page(graph, focus="Armenia"))
    _, _, _, two = parts(page(graph, focus=["armenia"], hops=2))

    assert labels(one) == ["Armenia", "Russia"]
    assert one["note"] == "Focused on Armenia (1 hop): 2 of 12 actors and 1 of 14 relations."
    assert labels(two) == ["Armenia", "Russia", "Ukraine", "Uzbekistan"]
    with pytest.raises(QueryError, match="no actor named 'Atlantis'"):
        page(graph, focus="Atlantis")


def test_country_level_folds_agents_persons_and_bodies(graph: kg.KnowledgeGraph) -> None:
    _, _, _, model = parts(page(graph, level="country"))

    assert labels(model) == ["Armenia", CSTO, "Russia", "Tashkent", "Ukraine", "United States", "Uzbekistan"]
    assert ("Russia", "attacked", "Ukraine") in triples(model)
    assert ("United States", "visited", "Uzbekistan") in triples(model)


def test_a_large_view_keeps_its_most_connected_actors_and_says_so(graph: kg.KnowledgeGraph) -> None:
    _, _, _, model = parts(page(graph, max_nodes=4))

    assert labels(model) == [CSTO, "Russia", "Ukraine", "Uzbekistan"]
    assert model["note"] == (
        "Showing the 4 most connected of 12 actors and 5 of 14 relations; 8 actors and "
        "9 relations left out (use a focus actor or the country level to see them)."
    )


def test_text_from_documents_cannot_break_out_of_the_page(graph: kg.KnowledgeGraph) -> None:
    text = page(graph, title=f"Sahel {MARKUP}")
    _, _, _, model = parts(text)

    assert MARKUP not in text
    assert f"<title>Sahel {html.escape(MARKUP)}</title>" in text
    assert any(MARKUP in (s[9] or "") for s in model["statements"])  # kept as data, escaped in the script
    assert any(MARKUP in (d["title"] or "") for d in model["documents"])


def test_render_html_writes_only_the_requested_file_and_is_deterministic(
    graph: kg.KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    written = render_html(graph, "out/views/net.html")
    again = render_html(graph, tmp_path / "again.html")

    assert written == Path("out/views/net.html")
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "again.html",
        "out",
        "out/views",
        "out/views/net.html",
    ]
    assert written.read_text(encoding="utf-8") == again.read_text(encoding="utf-8")
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_show_embeds_the_page_in_an_iframe(graph: kg.KnowledgeGraph) -> None:
    view = graph.show(height="400px")

    assert isinstance(view, NetworkView)
    frame = view._repr_html_()
    assert frame.count("<") == 2  # <iframe ...> and </iframe>: the page is escaped
    srcdoc = re.fullmatch(r'<iframe srcdoc="([^"]*)" style="([^"]*)" sandbox="([^"]*)"></iframe>', frame)
    assert srcdoc is not None
    assert html.unescape(srcdoc.group(1)) == view.page == page(graph)
    assert "height:400px" in srcdoc.group(2)
    assert srcdoc.group(3).split() == ["allow-scripts", "allow-popups", "allow-popups-to-escape-sandbox"]
    assert show(graph, focus="Armenia").page == page(graph, focus="Armenia")


def test_repr_html_summarises_documents_actors_and_statements(graph: kg.KnowledgeGraph) -> None:
    summary = graph._repr_html_()

    assert summary == summary_html(graph.stats())
    assert "3 documents, 12 actors, 14 statements (Asserted 12, Hypothetical 1, Negated 1), " in summary
    assert "<tr><td>Country</td><td style='text-align:right'>5</td></tr>" in summary
    assert "<tr><td>Agent</td><td style='text-align:right'>1</td></tr>" in summary
    assert "<tr><td>withdrewFrom</td><td style='text-align:right'>1</td></tr>" in summary


def test_force_layout_packs_components_apart_and_is_deterministic() -> None:
    nodes = [f"n{i}" for i in range(40)]
    edges = [(f"n{i}", f"n{i + 1}", 1.0) for i in range(29)] + [("n30", "n31", 1.0), ("n32", "n33", 2.0)]

    first = force_layout(nodes, edges)
    second = force_layout(nodes, edges)

    assert first == second
    assert len({(round(x), round(y)) for x, y in first.values()}) == 40
    chain = [first[f"n{i}"] for i in range(30)]
    pair = [first["n30"], first["n31"]]
    box = (min(x for x, _ in chain), max(x for x, _ in chain), min(y for _, y in chain), max(y for _, y in chain))
    assert not any(box[0] <= x <= box[1] and box[2] <= y <= box[3] for x, y in pair)
    # linked nodes sit about one edge length (100 units) apart
    lengths = sorted(abs(complex(*first[u]) - complex(*first[v])) for u, v, _ in edges)
    assert 50 < lengths[len(lengths) // 2] < 200


def test_importing_viz_loads_neither_spacy_nor_the_drawing_libraries() -> None:
    code = (
        "import sys, kg.viz, kg.layout, kg.analysis; "
        "print([m for m in ('spacy', 'pyvis', 'networkx', 'numpy') if m in sys.modules])"
    )

    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"
    )


def test_an_empty_graph_draws_an_empty_view() -> None:
    nodes, edges, _, model = parts(page(kg.KnowledgeGraph()))

    assert (nodes, edges, model["statements"], model["note"]) == ([], [], [], "")
    assert str(GKE)  # the namespace module is importable alongside


# ---------------------------------------------------------------------- kg viz


@pytest.fixture(scope="module")
def graph_file(graph: kg.KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return graph.serialize(tmp_path_factory.mktemp("viz") / "sample.ttl")


def kg_viz(capsys, *args: object) -> tuple[int, str, str]:
    from kg.cli import main

    code = main(["viz", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_kg_viz_focus_hops_and_country_level(capsys, graph_file: Path, tmp_path: Path) -> None:
    code, out, err = kg_viz(
        capsys,
        graph_file,
        "-o",
        tmp_path / "focus.html",
        "--focus",
        "Uzbekistan",
        "--hops",
        "2",
        "--level",
        "country",
        "--size-by",
        "pagerank",
    )

    assert code == 0, err
    assert out == f"kg viz: wrote {tmp_path / 'focus.html'}\n"
    _, _, _, model = parts((tmp_path / "focus.html").read_text(encoding="utf-8"))
    assert labels(model) == ["Armenia", CSTO, "Russia", "Tashkent", "Ukraine", "United States", "Uzbekistan"]
    assert model["title"] == "sample" and model["level"] == "country" and model["sizeBy"] == "pagerank"
    assert model["note"] == "Focused on Uzbekistan (2 hops): 7 of 7 actors and 12 of 12 relations."


def test_kg_viz_all_ticks_every_modality(capsys, graph_file: Path, tmp_path: Path) -> None:
    code, _, err = kg_viz(capsys, graph_file, "-o", tmp_path / "all.html", "--all")

    assert code == 0, err
    assert parts((tmp_path / "all.html").read_text(encoding="utf-8"))[3]["defaults"] == {
        "modalities": ["Asserted", "Negated", "Hypothetical", "Future"]
    }


def test_kg_viz_reports_an_unknown_focus_in_one_line(capsys, graph_file: Path, tmp_path: Path) -> None:
    code, out, err = kg_viz(capsys, graph_file, "-o", tmp_path / "x.html", "--focus", "Atlantis")

    assert (code, out) == (6, "")  # a name that finds nothing is a query error
    assert err.startswith("kg viz: error: no actor named 'Atlantis'") and err.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Chromium (Debian package chromium)")
def test_kg_viz_png_is_a_screenshot_of_the_view(capsys, graph_file: Path, tmp_path: Path) -> None:
    code, out, err = kg_viz(capsys, graph_file, "-o", tmp_path / "v.html", "--png", tmp_path / "v.png")

    assert code == 0, err
    assert out.splitlines()[-1] == f"kg viz: wrote {tmp_path / 'v.png'}"
    data = (tmp_path / "v.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1400, 900)
    assert len(data) > 20_000  # a drawn network, not a blank page
