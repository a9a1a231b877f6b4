"""Readable queries: tables of names, typed columns, named queries with bound parameters."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS
from sample_graph import sample_graph

import kg
from kg.cli import main
from kg.errors import QueryError
from kg.graph.namespace import GKE, GKG
from kg.query import QUERY_DIR, named_queries, resolve_actor, run_query

INJECTIONS = ['"} ; DROP ALL', "'; DROP ALL ; #", "} } DROP ALL { {", '") } UNION { ?s ?p ?o } #']


@pytest.fixture(scope="module")
def graph() -> kg.KnowledgeGraph:
    return sample_graph()


@pytest.fixture(scope="module")
def graph_file(graph: kg.KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return graph.serialize(tmp_path_factory.mktemp("query") / "sample.ttl")


def rows(table: pd.DataFrame, *columns: str) -> list[tuple]:
    return [
        tuple(None if pd.isna(value) else value for value in row)
        for row in table[list(columns)].itertuples(index=False)
    ]


def cli(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ---------------------------------------------------------------------- the named queries


def test_the_named_queries_are_shipped_with_what_they_answer_and_their_parameters() -> None:
    queries = named_queries()

    assert sorted(queries) == ["hostile-dyads", "interactions", "leaders", "memberships", "statements", "withdrawals"]
    assert sorted(path.stem for path in QUERY_DIR.glob("*.rq")) == sorted(queries)
    for query in queries.values():
        assert len(query.description) > 60, query.name
        for parameter in query.parameters:
            assert parameter.description, (query.name, parameter.name)
            assert f"?{parameter.name}" in query.sparql.split("\nSELECT", 1)[1], (query.name, parameter.name)
    assert [(p.name, p.kind, p.required, p.default) for p in queries["interactions"].parameters] == [
        ("actor", "actor", True, None),
        ("relation", "relation", False, None),
        ("modality", "modality", False, "Asserted"),
    ]


def test_memberships_over_time(graph: kg.KnowledgeGraph) -> None:
    table = graph.named_query("memberships")

    assert rows(table, "member", "relation", "organization", "date_text", "start_text", "reported_text") == [
        ("Uzbekistan", "joined", "Collective Security Treaty Organization", "1994", None, "1994-05-01"),
        ("Uzbekistan", "memberOf", "Collective Security Treaty Organization", None, "1994", "1994-05-01"),
        ("Uzbekistan", "withdrewFrom", "Collective Security Treaty Organization", "2012", None, "2012-06-29"),
    ]
    assert table["member_iri"].unique().tolist() == [str(GKE.uzbekistan)]


def test_withdrawals_in_a_date_range(graph: kg.KnowledgeGraph) -> None:
    everything = graph.named_query("withdrawals")
    in_2012 = graph.named_query("withdrawals", **{"from": "2012", "to": "2012-12"})
    later = graph.named_query("withdrawals", **{"from": "2013"})
    overlapping = graph.named_query("withdrawals", **{"from": "2012-07"})  # a year overlaps its months
    russia = graph.named_query("withdrawals", actor="Russia")

    assert rows(everything, "actor", "withdrew_from", "date_text", "time_text", "confidence") == [
        ("Uzbekistan", "Collective Security Treaty Organization", "2012", "in 2012", 0.95)
    ]
    assert len(in_2012) == 1
    assert len(overlapping) == 1
    assert later.empty and russia.empty


def test_interactions_of_an_actor_in_date_order(graph: kg.KnowledgeGraph) -> None:
    asserted = graph.named_query("interactions", actor="uzbekistan")
    everything = graph.named_query("interactions", actor="gke:uzbekistan", modality="any")
    visits = graph.named_query("interactions", actor="Uzbekistan", relation="visited")

    assert rows(asserted, "subject", "relation", "object", "date_text", "start_text", "reported_text") == [
        ("Uzbekistan", "joined", "Collective Security Treaty Organization", "1994", None, "1994-05-01"),
        ("Uzbekistan", "memberOf", "Collective Security Treaty Organization", None, "1994", "1994-05-01"),
        ("Uzbekistan", "withdrewFrom", "Collective Security Treaty Organization", "2012", None, "2012-06-29"),
        ("Russia", "criticized", "Uzbekistan", None, None, "2012-06-29"),
        ("Michael Kurilla", "visited", "Uzbekistan", "2023-09-26", None, "2023-09-27"),
        ("Tashkent", "capitalOf", "Uzbekistan", None, None, "2023-09-27"),
        ("United States", "cooperatesWith", "Uzbekistan", None, None, "2023-09-27"),
        ("Shavkat Mirziyoyev", "leaderOf", "Uzbekistan", None, None, "2023-09-27"),
    ]
    assert set(everything["modality"]) == {"Asserted", "Hypothetical"}
    assert rows(everything[everything["modality"] == "Hypothetical"], "subject", "relation", "object") == [
        ("United States", "alliedWith", "Uzbekistan")
    ]
    assert rows(visits, "subject", "date_text") == [("Michael Kurilla", "2023-09-26")]


def test_leaders_and_officials_of_a_country(graph: kg.KnowledgeGraph) -> None:
    table = graph.named_query("leaders", country="Uzbekistan")

    assert rows(table, "person", "relation", "role", "of") == [
        ("Bahodir Kurbanov", "officialOf", "Defence Minister", "Ministry of Defence of Uzbekistan"),
        ("Shavkat Mirziyoyev", "leaderOf", "President", "Uzbekistan"),
    ]
    assert graph.named_query("leaders", country="Armenia").empty


def test_hostile_dyads_by_count(graph: kg.KnowledgeGraph) -> None:
    table = graph.named_query("hostile-dyads")
    armenia = graph.named_query("hostile-dyads", actor="Armenia")
    in_2012 = graph.named_query("hostile-dyads", **{"from": "2012", "to": "2012"})

    assert rows(table, "actor_1", "actor_2", "statements", "relations", "first", "last") == [
        ("Armenia", "Russia", 1, "threatened", "2023-09", "2023-09"),
        ("Russia", "Ukraine", 1, "inConflictWith", "2023-09-27", "2023-09-27"),
        ("Russia", "Uzbekistan", 1, "criticized", "2012-06-29", "2012-06-29"),
        ("Russia (military)", "Ukraine", 1, "attacked", "2023-09-20", "2023-09-20"),
    ]
    assert rows(armenia, "actor_1", "actor_2") == [("Armenia", "Russia")]
    assert rows(in_2012, "actor_1", "actor_2") == [("Russia", "Uzbekistan")]


def test_statements_with_evidence_in_a_date_range(graph: kg.KnowledgeGraph) -> None:
    in_2012 = graph.named_query("statements", **{"from": "2012", "to": "2012"})
    september = graph.named_query("statements", **{"from": "2023-09-21", "to": "2023-09-26"})
    pulled = graph.named_query("statements", text="PULLED OUT")

    # the membership since 1994 runs on through 2012 (no end is stated)
    assert rows(in_2012, "subject", "relation", "object", "document") == [
        ("Uzbekistan", "memberOf", "Collective Security Treaty Organization", "pact-1994"),
        ("Uzbekistan", "withdrewFrom", "Collective Security Treaty Organization", "exit-2012"),
        ("Russia", "criticized", "Uzbekistan", "exit-2012"),
    ]
    assert rows(september, "subject", "relation", "date_text") == [
        ("Uzbekistan", "memberOf", None),
        ("Russia", "threatened", "2023-09"),
        ("Michael Kurilla", "visited", "2023-09-26"),
    ]
    assert rows(pulled, "evidence") == [("Tashkent pulled out of the CSTO in 2012.",)]


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_parameter_is_bound_as_a_value_never_as_query_text(graph: kg.KnowledgeGraph, value: str) -> None:
    before = len(graph)

    assert graph.named_query("statements", text=value).empty
    with pytest.raises(QueryError, match="no entity named"):
        graph.named_query("interactions", actor=value)
    assert len(graph) == before


def test_an_actor_whose_label_holds_query_syntax_is_found_by_it() -> None:
    graph = sample_graph()
    label = INJECTIONS[0]
    graph.graph.set((GKE.armenia, RDFS.label, Literal(label, lang="en")))

    table = graph.named_query("interactions", actor=label)

    assert rows(table, "subject", "relation", "object", "object_iri") == [
        ("Russia", "threatened", label, str(GKE.armenia))
    ]


def test_parameters_are_checked_against_their_kind(graph: kg.KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match=r"needs --param actor=\.\.\."):
        graph.named_query("interactions")
    with pytest.raises(QueryError, match=r"no parameter 'country'; its parameters are: actor, relation, modality"):
        graph.named_query("interactions", actor="Russia", country="Russia")
    with pytest.raises(QueryError, match=r"from='last year' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"):
        graph.named_query("withdrawals", **{"from": "last year"})
    with pytest.raises(QueryError, match=r"relation='visit' is not a geokg relation; did you mean visited\?"):
        graph.named_query("interactions", actor="Russia", relation="visit")
    with pytest.raises(QueryError, match=r"modality='maybe' is not a modality"):
        graph.named_query("interactions", actor="Russia", modality="maybe")
    with pytest.raises(QueryError, match=r"no named query 'withdrawal'; did you mean 'withdrawals'\?"):
        graph.named_query("withdrawal")
    with pytest.raises(QueryError, match=r"no entity named 'Uzbekstan' in the graph; did you mean 'Uzbekistan'\?"):
        graph.named_query("leaders", country="Uzbekstan")


def test_actors_are_found_by_label_alternative_label_prefixed_name_and_iri(graph: kg.KnowledgeGraph) -> None:
    for name in ("Russia", "russian federation", "gke:russia", str(GKE.russia), f"<{GKE.russia}>"):
        assert resolve_actor(graph.graph, name) == GKE.russia, name
    assert resolve_actor(graph.graph, "CSTO") == GKE["collective-security-treaty-organization"]


def test_a_label_shared_by_two_entities_asks_for_the_iri() -> None:
    graph = sample_graph()
    graph.graph.add((GKE.armenia, RDFS.label, Literal("Georgia", lang="en")))
    graph.graph.add((GKE.ukraine, RDFS.label, Literal("Georgia", lang="en")))

    with pytest.raises(QueryError, match=r"'Georgia' names more than one entity \(.*armenia, .*ukraine\)"):
        resolve_actor(graph.graph, "Georgia")


# ---------------------------------------------------------------------- KnowledgeGraph.query tables


def test_query_tables_have_labels_iris_typed_dates_and_numbers(graph: kg.KnowledgeGraph) -> None:
    table = graph.query("""
        SELECT ?subject ?date ?confidence ?start WHERE {
          ?st rdf:subject ?subject ; rdf:predicate ?p ; gkg:confidence ?confidence .
          OPTIONAL { ?st gkg:pointInTime ?date } OPTIONAL { ?st gkg:charStart ?start }
          VALUES ?p { gkg:withdrewFrom gkg:threatened gkg:criticized }
        } ORDER BY ?confidence""")

    assert list(table.columns) == ["subject", "subject_iri", "date", "date_text", "confidence", "start"]
    assert str(table["date"].dtype).startswith("datetime64")
    assert table["confidence"].dtype == "float64"
    assert table["start"].dtype == "int64"
    assert rows(table, "subject", "subject_iri", "date_text", "confidence") == [
        ("Russia", str(GKE.russia), None, 0.7),
        ("Russia", str(GKE.russia), "2023-09", 0.75),
        ("Uzbekistan", str(GKE.uzbekistan), "2012", 0.95),
    ]
    assert table["date"].dt.strftime("%Y-%m-%d").tolist()[1:] == ["2023-09-01", "2012-01-01"]


def test_query_binds_params_in_any_query(graph: kg.KnowledgeGraph) -> None:
    table = graph.query("SELECT ?o WHERE { ?actor gkg:threatened ?o }", params={"actor": "Russia"})

    assert rows(table, "o", "o_iri") == [("Armenia", str(GKE.armenia))]


def test_construct_and_describe_answer_with_a_graph(graph: kg.KnowledgeGraph) -> None:
    constructed = graph.query("CONSTRUCT { ?s gkg:threatened ?o } WHERE { ?s gkg:threatened ?o }")
    described = graph.query("DESCRIBE gke:armenia")

    assert isinstance(constructed, kg.KnowledgeGraph)
    assert set(constructed.graph) == {(GKE.russia, GKG.threatened, GKE.armenia)}
    assert (GKE.armenia, RDFS.label, Literal("Armenia", lang="en")) in described.graph


def test_updates_are_refused(graph: kg.KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match=r"^SPARQL Update \(DROP\) is refused on purpose: "):
        run_query(graph.graph, "PREFIX x: <urn:x>\nDROP ALL")


# ---------------------------------------------------------------------- kg query


def test_kg_query_list_shows_every_named_query_and_its_parameters(capsys) -> None:
    code, out, err = cli(capsys, "query", "--list")

    assert code == 0, err
    for name, query in named_queries().items():
        assert f"{name}\n    {query.description}\n" in out
    assert "    --param actor=ACTOR (required): the actor (a label such as Uzbekistan, or an IRI)\n" in out
    assert "    --param modality=MODALITY (default Asserted): " in out


def test_kg_query_named_prints_compact_names_dates_as_written(capsys, graph_file: Path) -> None:
    code, out, err = cli(capsys, "query", graph_file, "--named", "withdrawals")

    assert code == 0, err
    header, row = out.splitlines()
    assert header.split() == ["actor", "withdrew_from", "date", "time_text", "reported", "confidence", "evidence"]
    assert re.split(r"\s{2,}", row) == [
        "gke:uzbekistan",
        "gke:collective-security-treaty-organization",
        "2012",
        "in 2012",
        "2012-06-29",
        "0.95",
        "Tashkent pulled out of the CSTO in 2012.",
    ]


def test_kg_query_labels_and_params(capsys, graph_file: Path) -> None:
    code, out, err = cli(
        capsys,
        "query",
        graph_file,
        "--named",
        "leaders",
        "--param",
        "country=Uzbekistan",
        "--labels",
        "--format",
        "csv",
    )

    assert code == 0, err
    assert list(csv.reader(io.StringIO(out))) == [
        ["person", "relation", "role", "of", "date", "reported", "confidence", "evidence"],
        [
            "Bahodir Kurbanov",
            "officialOf",
            "Defence Minister",
            "Ministry of Defence of Uzbekistan",
            "",
            "2023-09-27",
            "0.80",
            "Defence Minister Kurbanov",
        ],
        [
            "Shavkat Mirziyoyev",
            "leaderOf",
            "President",
            "Uzbekistan",
            "",
            "2023-09-27",
            "0.90",
            "President Mirziyoyev leads Uzbekistan",
        ],
    ]


def test_kg_query_table_keeps_each_row_on_one_line_and_json_whole(capsys, tmp_path: Path) -> None:
    graph = sample_graph()
    long_evidence = "Kurilla visited Uzbekistan.\n\nHe met officials " + "and talked " * 40 + "at length."
    statement = next(graph.graph.subjects(GKG.evidence, Literal("Russia warned Armenia this month.")))
    graph.graph.set((statement, GKG.evidence, Literal(long_evidence)))
    path = graph.serialize(tmp_path / "long.ttl")
    query = "SELECT ?s ?evidence WHERE { ?st rdf:subject ?s ; gkg:evidence ?evidence ; rdf:predicate gkg:threatened }"

    _, table, _ = cli(capsys, "query", path, query)
    _, out, err = cli(capsys, "query", path, query, "--format", "json", "--iris")

    lines = table.splitlines()
    assert len(lines) == 2 and len(lines[1]) <= 160
    assert lines[1].startswith("gke:russia  Kurilla visited Uzbekistan. He met officials and talked")
    assert lines[1].endswith("\N{HORIZONTAL ELLIPSIS}")
    assert json.loads(out) == [{"s": str(GKE.russia), "evidence": long_evidence}]
    assert "\\/" not in out and "https://w3id.org/geokg/entity/russia" in out


def test_kg_query_construct_prints_turtle(capsys, graph_file: Path) -> None:
    code, out, err = cli(
        capsys, "query", graph_file, "CONSTRUCT { ?s gkg:threatened ?o } WHERE { ?s gkg:threatened ?o }"
    )

    assert code == 0, err
    assert "@prefix gke: <https://w3id.org/geokg/entity/> ." in out
    assert isomorphic(Graph().parse(data=out, format="turtle"), Graph().add((GKE.russia, GKG.threatened, GKE.armenia)))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--named", "leaders"], "named query 'leaders' needs --param country="),
        (["--named", "leaders", "--param", "country"], "parameter 'country' is not NAME=VALUE"),
        (["--named", "nowhere"], "no named query 'nowhere'"),
        (["--named", "interactions", "--param", f"actor={INJECTIONS[0]}"], "no entity named"),
        (["DELETE WHERE { ?s ?p ?o }"], "SPARQL Update (DELETE) is refused on purpose"),
    ],
    ids=["missing", "malformed", "unknown", "injection", "update"],
)
def test_kg_query_reports_bad_parameters_in_one_line(capsys, graph_file: Path, args: list[str], message: str) -> None:
    code, out, err = cli(capsys, "query", graph_file, *args)

    assert code == 6 and out == ""  # QueryError
    assert err.startswith("kg query: error: ") and message in err
    assert err.count("\n") == 1


# ---------------------------------------------------------------------- the example article


def test_named_queries_on_the_example_article(example_graph: kg.KnowledgeGraph) -> None:
    csto = "Collective Security Treaty Organization"

    assert rows(
        example_graph.named_query("withdrawals"), "actor", "withdrew_from", "date_text", "time_text", "reported_text"
    ) == [("Uzbekistan", csto, "2012", "in 2012", "2023-09-27")]
    assert rows(
        example_graph.named_query("memberships", actor="Uzbekistan"),
        "member",
        "relation",
        "organization",
        "date_text",
        "end_text",
        "reported_text",
    ) == [
        ("Uzbekistan", "memberOf", csto, None, "2012", "2023-09-27"),
        ("Uzbekistan", "withdrewFrom", csto, "2012", None, "2023-09-27"),
        ("Uzbekistan", "memberOf", csto, None, None, "2023-09-27"),
    ]
    assert rows(example_graph.named_query("leaders", country="Uzbekistan"), "person", "relation", "role", "of") == [
        ("Bahodir Kurbanov", "officialOf", "Defence Minister", "Uzbekistan"),
        ("Shavkat Mirziyoyev", "leaderOf", "President", "Uzbekistan"),
        ("Viktor Makhmudov", "officialOf", "secretary of Security Council of Uzbekistan", "Uzbekistan"),
    ]
    assert rows(example_graph.named_query("hostile-dyads"), "actor_1", "actor_2", "statements", "relations") == [
        ("Armenia", "Russia", 1, "threatened"),
        ("Russia", "Ukraine", 1, "inConflictWith"),
        ("United States", "Uzbekistan", 1, "expelled"),
    ]
    visits = example_graph.named_query("interactions", actor="Uzbekistan", relation="visited")
    assert rows(visits, "subject", "relation", "object", "date_text") == [
        ("Michael Kurilla", "visited", "Uzbekistan", "2022"),
        ("Michael Kurilla", "visited", "Uzbekistan", "2023-09-26"),
    ]


# ---------------------------------------------------------------------- on a persistent store


def test_named_queries_on_a_store_bind_values_like_in_memory(graph: kg.KnowledgeGraph, tmp_path: Path) -> None:
    from sample_graph import DOCUMENTS, RELATIONS

    from kg.graph.persistent import PersistentGraph

    with PersistentGraph.open(tmp_path / "store") as store:
        for document in DOCUMENTS:
            store.add(document, RELATIONS[document.id], "0.0.0")
        for name, params in [
            ("interactions", {"actor": "Uzbekistan"}),
            ("leaders", {"country": "Uzbekistan"}),
            ("withdrawals", {"from": "2012"}),
            ("hostile-dyads", {"actor": "Russia"}),
            ("statements", {"text": INJECTIONS[0]}),
        ]:
            stored, memory = store.named_query(name, **params), graph.named_query(name, **params)
            columns = [c for c in memory.columns if not c.endswith("_text") and c not in ("confidence",)]
            assert rows(stored, *columns) == rows(memory, *columns), name
        assert store.named_query("statements", text=INJECTIONS[0]).empty
        assert len(store.named_query("interactions", actor="Uzbekistan")) == 8
