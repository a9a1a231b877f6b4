"""The ``kg`` command: build, query, viz, validate and stats, and how it reports bad input."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

import kg
from kg.cli import main
from kg.graph.namespace import GKE, GKG

UZBEKISTAN = GKE["uzbekistan"]
CSTO = GKE["collective-security-treaty-organization"]
WITHDRAWAL = "Tashkent pulled out of the CSTO in 2012.\n"
WITHDRAWAL_QUERY = """
SELECT ?org ?year WHERE {
  ?st rdf:subject gke:uzbekistan ; rdf:predicate gkg:withdrewFrom ; rdf:object ?org ;
      gkg:pointInTime ?year .
}
"""
# rdflib's own TriG plugins still call its deprecated Dataset API.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.* is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)
RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig"}


@pytest.fixture(autouse=True)
def _commands_share_the_pipeline(shared_pipeline) -> None:
    """The commands reuse the session's pipeline instead of loading their own each time."""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "withdrawal.txt"
    path.write_text(WITHDRAWAL, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """A Turtle graph of the withdrawal sentence, built once for the read-only commands."""
    folder = tmp_path_factory.mktemp("graph")
    output = folder / "graph.ttl"
    kg.build_graph([WITHDRAWAL], nlp=nlp).serialize(output)
    return output


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(code: int, err: str, *names: str) -> None:
    """A non-zero exit, one ``kg ...: error: ...`` line naming the input, no traceback."""
    assert code != 0
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert re.match(r"kg \w+: error: ", lines[0]), err
    for name in names:
        assert name in lines[0], (name, err)


def parse(path: Path) -> Graph:
    """Parse a graph file independently of geokg; dataset formats give their union."""
    rdf_format = RDF_FORMATS[path.suffix]
    if rdf_format == "trig":
        dataset = Dataset()
        dataset.parse(path, format="trig")
        graph = Graph()
        for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
            graph.add((subject, predicate, obj))
        return graph
    return Graph().parse(path, format=rdf_format)


# ---------------------------------------------------------------------- build


@pytest.mark.parametrize("suffix", sorted(RDF_FORMATS))
def test_build_writes_the_format_of_the_extension(capsys, article: Path, tmp_path: Path, suffix: str) -> None:
    output = tmp_path / f"graph{suffix}"

    code, out, err = run(capsys, "build", article, "-o", output, "--date", "2024-01-15")

    assert code == 0, err
    assert out == f"kg build: 1 built, 0 skipped, 0 warnings; 2 statements -> {output}\n"
    graph = parse(output)
    assert (UZBEKISTAN, GKG.withdrewFrom, CSTO) in graph

    code, out, err = run(capsys, "query", output, WITHDRAWAL_QUERY, "--format", "json")
    assert code == 0, err
    assert json.loads(out) == [{"org": "gke:collective-security-treaty-organization", "year": "2012"}]


def test_build_writes_html_view_too(capsys, article: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, "build", article, "-o", tmp_path / "g.ttl", "--html", tmp_path / "g.html")

    assert code == 0, err
    assert (tmp_path / "g.html").is_file()


def test_console_script_builds_a_graph(article: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("kg")
    output = tmp_path / "graph.ttl"

    completed = subprocess.run(
        [str(script), "build", str(article), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr
    assert (UZBEKISTAN, GKG.withdrewFrom, CSTO) in parse(output)


def test_jsonl_with_a_malformed_line_builds_the_other_documents(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "text": WITHDRAWAL, "date": "2024-01-15"})
        + "\n"
        + '{"id": "a2", "text": "broken\n'
        + json.dumps({"id": "a3", "text": "Russia threatened Armenia on Monday.", "date": "2023-09-20"})
        + "\n",
        encoding="utf-8",
    )
    output = tmp_path / "news.ttl"

    code, out, err = run(capsys, "build", corpus, "-o", output)

    assert code == 0, err
    warnings = err.strip().splitlines()
    assert len(warnings) == 1, err
    assert warnings[0].startswith(f"kg build: skipped: {corpus}:2: invalid JSON ")
    assert "Traceback" not in err
    assert out.startswith("kg build: 2 built, 1 skipped, 0 warnings; ")
    assert kg.KnowledgeGraph.load(output).documents() == ["a1", "a3"]


# ---------------------------------------------------------------------- build: bad input


def test_missing_input_file(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    output = tmp_path / "graph.ttl"

    code, out, err = run(capsys, "build", missing, "-o", output)

    assert_one_line_error(code, err, str(missing))
    assert not output.exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\n"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("latin1.txt", "Caf\u00e9 diplomacy in Paris.\n".encode("latin-1")),
    ],
    ids=["empty", "blank", "binary", "invalid-utf8"],
)
def test_unreadable_input_file(capsys, tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    output = tmp_path / "graph.ttl"

    code, out, err = run(capsys, "build", path, "-o", output)

    assert_one_line_error(code, err, str(path))
    assert not output.exists()


def test_bad_date(capsys, article: Path, tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"

    code, out, err = run(capsys, "build", article, "-o", output, "--date", "2023-13-45")

    assert_one_line_error(code, err, "2023-13-45", "YYYY-MM-DD")
    assert not output.exists()


def test_unknown_output_extension(capsys, article: Path, tmp_path: Path) -> None:
    output = tmp_path / "graph.xyz"

    code, out, err = run(capsys, "build", article, "-o", output)

    assert_one_line_error(code, err, str(output), ".ttl")
    assert not output.exists()


def test_missing_model(capsys, article: Path, tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"

    code, out, err = run(capsys, "build", article, "-o", output, "--model", "no_such_model")

    assert_one_line_error(code, err, "no_such_model")
    assert not output.exists()


@pytest.mark.parametrize("problem", ["missing-input", "bad-date", "empty-input", "missing-model"])
def test_failed_build_leaves_existing_output_unchanged(capsys, article: Path, tmp_path: Path, problem: str) -> None:
    output = tmp_path / "graph.ttl"
    output.write_text("# the graph of an earlier run\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    argv = {
        "missing-input": [tmp_path / "nowhere.txt", "-o", output],
        "bad-date": [article, "-o", output, "--date", "27/09/2023"],
        "empty-input": [empty, "-o", output],
        "missing-model": [article, "-o", output, "--model", "no_such_model"],
    }[problem]

    code, out, err = run(capsys, "build", *argv)

    assert code != 0
    assert "Traceback" not in err
    assert output.read_text(encoding="utf-8") == "# the graph of an earlier run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["withdrawal.txt", "graph.ttl", "empty.txt"])


# ---------------------------------------------------------------------- query


def test_query_table(capsys, graph_file: Path) -> None:
    code, out, err = run(capsys, "query", graph_file, WITHDRAWAL_QUERY)

    assert code == 0, err
    header, row = out.strip().splitlines()
    assert header.split() == ["org", "year"]
    assert row.split() == ["gke:collective-security-treaty-organization", "2012"]


def test_query_csv(capsys, graph_file: Path) -> None:
    code, out, err = run(capsys, "query", graph_file, WITHDRAWAL_QUERY, "--format", "csv")

    assert code == 0, err
    assert list(csv.reader(io.StringIO(out))) == [
        ["org", "year"],
        ["gke:collective-security-treaty-organization", "2012"],
    ]


def test_query_json(capsys, graph_file: Path) -> None:
    code, out, err = run(capsys, "query", graph_file, WITHDRAWAL_QUERY, "--format", "json")

    assert code == 0, err
    assert json.loads(out) == [{"org": "gke:collective-security-treaty-organization", "year": "2012"}]


def test_query_from_rq_file(capsys, graph_file: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "withdrawals.rq"
    query_file.write_text(WITHDRAWAL_QUERY, encoding="utf-8")

    code, out, err = run(capsys, "query", graph_file, query_file, "--format", "json", "--iris")

    assert code == 0, err
    assert json.loads(out) == [{"org": str(CSTO), "year": "2012"}]


def test_query_without_results(capsys, graph_file: Path) -> None:
    code, out, err = run(capsys, "query", graph_file, "SELECT ?s WHERE { ?s gkg:attacked ?o }")

    assert code == 0, err
    assert out.strip() == "(no results)"


def test_invalid_sparql(capsys, graph_file: Path) -> None:
    code, out, err = run(capsys, "query", graph_file, "SELEC ?s WHERE { ?s ?p ?o }")

    assert_one_line_error(code, err, "invalid SPARQL query", "SELEC")
    assert out == ""


def test_invalid_sparql_in_rq_file(capsys, graph_file: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "broken.rq"
    query_file.write_text("SELECT ?s WHERE { ?s ?p }\n", encoding="utf-8")

    code, out, err = run(capsys, "query", graph_file, query_file)

    assert_one_line_error(code, err, str(query_file), "invalid SPARQL query")
    assert out == ""


def test_missing_rq_file(capsys, graph_file: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "nowhere.rq"

    code, out, err = run(capsys, "query", graph_file, query_file)

    assert_one_line_error(code, err, str(query_file))


# ---------------------------------------------------------------------- graph files: bad input


@pytest.fixture
def broken_turtle(tmp_path: Path) -> Path:
    path = tmp_path / "broken.ttl"
    path.write_text("@prefix gke: <https://w3id.org/geokg/entity/> .\ngke:uzbekistan gke:oops .\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["query", "GRAPH", "SELECT * WHERE { ?s ?p ?o }"],
        ["viz", "GRAPH", "-o", "HTML"],
        ["validate", "GRAPH"],
        ["stats", "GRAPH"],
    ],
    ids=["query", "viz", "validate", "stats"],
)
@pytest.mark.parametrize("problem", ["missing", "unparseable"])
def test_bad_graph_file(capsys, tmp_path: Path, broken_turtle: Path, command: list[str], problem: str) -> None:
    graph = tmp_path / "nowhere.ttl" if problem == "missing" else broken_turtle
    html = tmp_path / "view.html"
    argv = [{"GRAPH": graph, "HTML": html}.get(part, part) for part in command]

    code, out, err = run(capsys, *argv)

    assert_one_line_error(code, err, str(graph))
    assert out == ""
    assert not html.exists()


def test_unparseable_graph_error_says_turtle(capsys, broken_turtle: Path) -> None:
    code, out, err = run(capsys, "stats", broken_turtle)

    assert_one_line_error(code, err, str(broken_turtle), "turtle")


# ---------------------------------------------------------------------- viz, validate, stats


def test_viz_writes_offline_html(capsys, graph_file: Path, tmp_path: Path) -> None:
    html = tmp_path / "view.html"

    code, out, err = run(capsys, "viz", graph_file, "-o", html)

    assert code == 0, err
    page = html.read_text(encoding="utf-8")
    assert "Uzbekistan" in page
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)


def test_validate_conforming_graph(capsys, graph_file: Path) -> None:
    code, out, err = run(capsys, "validate", graph_file)

    assert code == 0, err
    assert "conforms" in out


def test_validate_reports_violations(capsys, tmp_path: Path) -> None:
    graph = tmp_path / "bad.ttl"
    graph.write_text(
        "@prefix gke: <https://w3id.org/geokg/entity/> .\n"
        "@prefix gkg: <https://w3id.org/geokg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        'gke:uzbekistan a gkg:Country ; rdfs:label "Uzbekistan"@en ; gkg:iso3166Alpha3 "uzb" .\n',
        encoding="utf-8",
    )

    code, out, err = run(capsys, "validate", graph)

    assert code == 3
    assert "does not conform" in err
    assert "Traceback" not in err


def test_stats_json_counts(capsys, graph_file: Path) -> None:
    code, out, err = run(capsys, "stats", graph_file, "--format", "json")

    assert code == 0, err
    stats = json.loads(out)
    graph = kg.KnowledgeGraph.load(graph_file)
    assert stats["documents"] == 1
    assert stats["entities"] == 2
    assert stats["entities_by_type"] == {"Country": 1, "InternationalOrganization": 1}
    assert stats["relations"]["withdrewFrom"] == 1
    assert (
        stats["statements"]
        == sum(stats["relations"].values())
        == len(graph.query("SELECT ?st WHERE { ?st a gkg:Statement }"))
    )
    assert stats["triples"] == len(graph)


def test_stats_table(capsys, graph_file: Path) -> None:
    code, out, err = run(capsys, "stats", graph_file)

    assert code == 0, err
    lines = [line.split() for line in out.splitlines()]
    assert ["documents", "1"] in lines
    assert ["entities", "2"] in lines
    assert ["withdrewFrom", "1"] in lines
