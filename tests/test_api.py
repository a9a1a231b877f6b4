"""The Python API: build_graph, KnowledgeGraph (query, networkx, files, stats), load_pipeline."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDFS

import kg
from kg.errors import GraphFormatError, InputError, ModelNotFoundError, QueryError
from kg.graph.namespace import GKD, GKE, GKG
from kg.graph.store import FORMATS
from kg.nlp.pipeline import MODEL_ENV_VAR, choose_model, installed_models
from kg.records import Document, Entity, Relation, TimeSpan

# rdflib's own TriG and N-Quads plugins still call its deprecated Dataset API.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.* is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)

WITHDRAWAL = "Tashkent pulled out of the CSTO in 2012."
THREAT = "Russia threatened Armenia on Monday."
UZBEKISTAN_IRI = GKE["uzbekistan"]
CSTO_IRI = GKE["collective-security-treaty-organization"]
UNITED_STATES_IRI = GKE["united-states"]
WITHDRAWAL_QUERY = """
SELECT ?org ?year ?evidence WHERE {
  ?st rdf:subject gke:uzbekistan ; rdf:predicate gkg:withdrewFrom ; rdf:object ?org ;
      gkg:pointInTime ?year ; gkg:evidence ?evidence .
}"""


def text_id(text: str) -> str:
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@pytest.fixture(scope="module")
def withdrawal_graph(nlp) -> kg.KnowledgeGraph:
    return kg.build_graph([WITHDRAWAL], nlp=nlp)


# A graph written from records by hand, so counts and rows do not depend on extraction.
UZBEKISTAN = Entity("uzbekistan", "Uzbekistan", "Country", qid="Q265", iso3="UZB", demonyms=("Uzbek",))
CSTO = Entity(
    "collective-security-treaty-organization",
    "Collective Security Treaty Organization",
    "InternationalOrganization",
    qid="Q318693",
    abbreviations=("CSTO",),
)
UNITED_STATES = Entity("united-states", "United States", "Country", qid="Q30", iso3="USA")
HANDMADE_TEXT = f"{WITHDRAWAL} It may ally with the United States."
HANDMADE_DOCUMENT = Document("handmade", HANDMADE_TEXT, date=datetime.date(2023, 9, 27))
HANDMADE_RELATIONS = (
    Relation(
        UZBEKISTAN,
        "withdrewFrom",
        CSTO,
        "handmade",
        WITHDRAWAL,
        0,
        40,
        "Tashkent",
        "CSTO",
        time=TimeSpan("in 2012", point="2012"),
        confidence=0.9,
    ),
    Relation(
        UZBEKISTAN,
        "alliedWith",
        UNITED_STATES,
        "handmade",
        HANDMADE_TEXT[41:],
        41,
        len(HANDMADE_TEXT),
        "It",
        "the United States",
        modality="Hypothetical",
        confidence=0.6,
    ),
)


@pytest.fixture
def handmade_graph() -> kg.KnowledgeGraph:
    graph = kg.KnowledgeGraph()
    graph.add(HANDMADE_DOCUMENT, HANDMADE_RELATIONS, "0.0.0")
    return graph


# ---------------------------------------------------------------------- build_graph


def test_build_graph_from_texts(nlp) -> None:
    graph = kg.build_graph([WITHDRAWAL, THREAT], date=datetime.date(2023, 9, 27), nlp=nlp)

    assert graph.documents() == sorted([text_id(WITHDRAWAL), text_id(THREAT)])
    assert (UZBEKISTAN_IRI, GKG.withdrewFrom, CSTO_IRI) in graph.graph
    assert (GKE["russia"], GKG.threatened, GKE["armenia"]) in graph.graph
    assert graph.graph.value(GKD[text_id(THREAT)], DCTERMS.date) == Literal(
        "2023-09-27", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")
    )


def test_build_graph_from_one_text(nlp) -> None:
    graph = kg.build_graph(WITHDRAWAL, nlp=nlp)

    assert graph.documents() == [text_id(WITHDRAWAL)]
    assert (UZBEKISTAN_IRI, GKG.withdrewFrom, CSTO_IRI) in graph.graph


def test_build_graph_from_path(nlp, tmp_path: Path) -> None:
    path = tmp_path / "bloc.txt"
    path.write_text(f"Uzbekistan quits bloc\n\n{WITHDRAWAL}\n", encoding="utf-8")

    graph = kg.build_graph(path, date=datetime.date(2012, 6, 29), nlp=nlp)

    document = GKD["bloc"]
    assert graph.documents() == ["bloc"]
    assert graph.graph.value(document, DCTERMS.title) == Literal("Uzbekistan quits bloc")
    assert graph.graph.value(document, DCTERMS.source) == URIRef(path.resolve().as_uri())
    assert str(graph.graph.value(document, DCTERMS.date)) == "2012-06-29"
    assert (UZBEKISTAN_IRI, GKG.withdrewFrom, CSTO_IRI) in graph.graph


def test_build_graph_from_path_string_and_directory(nlp, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(WITHDRAWAL, encoding="utf-8")
    (tmp_path / "two.txt").write_text(THREAT, encoding="utf-8")

    assert kg.build_graph(str(tmp_path / "one.txt"), nlp=nlp).documents() == ["one"]
    assert kg.build_graph([tmp_path], nlp=nlp).documents() == ["one", "two"]


def test_build_graph_from_documents(nlp) -> None:
    documents = [Document("d1", WITHDRAWAL, date=datetime.date(2013, 1, 1), title="Bloc"), Document("d2", THREAT)]

    graph = kg.build_graph(documents, nlp=nlp)

    assert graph.documents() == ["d1", "d2"]
    assert graph.graph.value(GKD["d1"], DCTERMS.title) == Literal("Bloc")
    assert (UZBEKISTAN_IRI, GKG.withdrewFrom, CSTO_IRI) in graph.graph


def test_build_graph_adds_to_a_given_graph(nlp) -> None:
    graph = kg.KnowledgeGraph()
    kg.build_graph([WITHDRAWAL], nlp=nlp, graph=graph)
    result = kg.build_graph([Document("d2", THREAT)], nlp=nlp, graph=graph)

    assert result is graph
    assert graph.documents() == sorted([text_id(WITHDRAWAL), "d2"])


def test_build_graph_from_long_one_line_text(nlp) -> None:
    text = " ".join([WITHDRAWAL] * 8)  # longer than a file name may be

    graph = kg.build_graph([text], nlp=nlp)

    assert graph.documents() == [text_id(text)]
    assert (UZBEKISTAN_IRI, GKG.withdrewFrom, CSTO_IRI) in graph.graph


def test_build_graph_rejects_empty_text(nlp) -> None:
    with pytest.raises(InputError, match="empty text"):
        kg.build_graph(["   "], nlp=nlp)


def test_build_graph_skips_bad_input_with_on_error(nlp, tmp_path: Path) -> None:
    problems: list[InputError] = []

    graph = kg.build_graph(["", tmp_path / "missing.txt", WITHDRAWAL], nlp=nlp, on_error=problems.append)

    assert graph.documents() == [text_id(WITHDRAWAL)]
    assert len(problems) == 2
    assert str(tmp_path / "missing.txt") in str(problems[1])


def test_extract_yields_relation_records(nlp) -> None:
    ((document, relations),) = kg.extract([Document("d1", WITHDRAWAL)], nlp)

    assert document.id == "d1"
    withdrawal = next(r for r in relations if r.predicate == "withdrewFrom")
    assert (withdrawal.subject.key, withdrawal.object.key) == ("uzbekistan", CSTO.key)
    assert withdrawal.time.point == "2012"
    assert withdrawal.evidence == WITHDRAWAL


# ---------------------------------------------------------------------- query


def test_query_returns_dataframe_with_exact_rows(withdrawal_graph: kg.KnowledgeGraph) -> None:
    table = withdrawal_graph.query(WITHDRAWAL_QUERY)

    expected = pd.DataFrame(
        {
            "org": ["Collective Security Treaty Organization"],
            "org_iri": [str(CSTO_IRI)],
            "year": pd.to_datetime(["2012-01-01"]),
            "year_text": ["2012"],
            "evidence": [WITHDRAWAL],
        }
    )
    assert_frame_equal(table, expected)


def test_query_converts_literals(handmade_graph: kg.KnowledgeGraph) -> None:
    table = handmade_graph.query("""
        SELECT ?relation ?start ?end ?confidence ?label WHERE {
          ?st rdf:predicate ?relation ; gkg:charStart ?start ; gkg:charEnd ?end ;
              gkg:confidence ?confidence ; rdf:object ?o .
          ?o rdfs:label ?label .
        } ORDER BY ?start""")

    expected = pd.DataFrame(
        {
            "relation": ["withdrewFrom", "alliedWith"],
            "relation_iri": [str(GKG.withdrewFrom), str(GKG.alliedWith)],
            "start": [0, 41],
            "end": [40, len(HANDMADE_TEXT)],
            "confidence": [0.9, 0.6],
            "label": ["Collective Security Treaty Organization", "United States"],
        }
    )
    assert_frame_equal(table, expected)


def test_query_ask(handmade_graph: kg.KnowledgeGraph) -> None:
    table = handmade_graph.query("ASK { gke:uzbekistan gkg:alliedWith gke:united-states }")

    assert_frame_equal(table, pd.DataFrame({"ask": [False]}))


def test_query_without_results_has_the_columns(handmade_graph: kg.KnowledgeGraph) -> None:
    table = handmade_graph.query("SELECT ?a ?b WHERE { ?a gkg:attacked ?b }")

    assert table.empty
    assert list(table.columns) == ["a", "b"]


@pytest.mark.parametrize(
    "sparql",
    [
        "SELEC ?s WHERE { ?s ?p ?o }",
        "SELECT ?s WHERE { ?s ?p }",
        "SELECT ?s WHERE { ?s nope:thing ?o }",
        "INSERT DATA { gke:uzbekistan gkg:alliedWith gke:united-states }",
    ],
    ids=["keyword", "triple", "prefix", "update"],
)
def test_invalid_query_raises_query_error(handmade_graph: kg.KnowledgeGraph, sparql: str) -> None:
    with pytest.raises(QueryError):
        handmade_graph.query(sparql)


# ---------------------------------------------------------------------- networkx


def test_to_networkx_nodes_and_edges(handmade_graph: kg.KnowledgeGraph) -> None:
    network = handmade_graph.to_networkx()
    everything = handmade_graph.to_networkx(modalities=None)

    assert {node: (data["label"], data["type"], data["qid"]) for node, data in network.nodes(data=True)} == {
        str(UZBEKISTAN_IRI): ("Uzbekistan", "Country", "Q265"),
        str(CSTO_IRI): ("Collective Security Treaty Organization", "InternationalOrganization", "Q318693"),
    }
    edges = {
        (u, v, key, data["weight"], tuple((s.modality, s.date, s.document) for s in data["statements"]))
        for u, v, key, data in everything.edges(keys=True, data=True)
    }
    assert edges == {
        (
            str(UZBEKISTAN_IRI),
            str(CSTO_IRI),
            "withdrewFrom",
            1,
            (("Asserted", "2012", "https://w3id.org/geokg/document/handmade"),),
        ),
        (
            str(UNITED_STATES_IRI),
            str(UZBEKISTAN_IRI),
            "alliedWith",
            1,
            (("Hypothetical", None, "https://w3id.org/geokg/document/handmade"),),
        ),
    }


def test_to_networkx_of_extracted_graph(withdrawal_graph: kg.KnowledgeGraph) -> None:
    network = withdrawal_graph.to_networkx()

    assert set(network.nodes) == {str(UZBEKISTAN_IRI), str(CSTO_IRI)}
    relations = {data["relation"] for _, _, data in network.edges(data=True)}
    assert "withdrewFrom" in relations


# ---------------------------------------------------------------------- files


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_serialize_round_trip(handmade_graph: kg.KnowledgeGraph, tmp_path: Path, suffix: str) -> None:
    path = handmade_graph.serialize(tmp_path / f"graph{suffix}")

    reloaded = kg.KnowledgeGraph.load(path)

    assert len(reloaded) == len(handmade_graph)
    assert isomorphic(reloaded.graph, handmade_graph.graph)


def test_serialize_extracted_graph_round_trip(withdrawal_graph: kg.KnowledgeGraph, tmp_path: Path) -> None:
    for suffix in (".ttl", ".nt", ".jsonld", ".trig"):
        reloaded = kg.KnowledgeGraph.load(withdrawal_graph.serialize(tmp_path / f"graph{suffix}"))
        assert isomorphic(reloaded.graph, withdrawal_graph.graph), suffix


def test_serialize_unknown_extension(handmade_graph: kg.KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(GraphFormatError, match=r"\.xyz"):
        handmade_graph.serialize(tmp_path / "graph.xyz")
    assert list(tmp_path.iterdir()) == []


def test_load_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(GraphFormatError, match="no such graph file"):
        kg.KnowledgeGraph.load(tmp_path / "nowhere.ttl")
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="broken.ttl"):
        kg.KnowledgeGraph.load(broken)


# ---------------------------------------------------------------------- stats, validation


def test_stats_exact_counts(handmade_graph: kg.KnowledgeGraph) -> None:
    assert handmade_graph.stats() == {
        "entities": 3,
        "entities_by_type": {"Country": 2, "InternationalOrganization": 1},
        "statements": 2,
        "relations": {"alliedWith": 1, "withdrewFrom": 1},
        "modalities": {"Asserted": 1, "Hypothetical": 1},
        "documents": 1,
        # entities 5 + 4 + 4, document 4, statements 16 + 14, one truthy triple
        "triples": 48,
    }


def test_hypothetical_statement_has_no_truthy_triple(handmade_graph: kg.KnowledgeGraph) -> None:
    assert (UZBEKISTAN_IRI, GKG.withdrewFrom, CSTO_IRI) in handmade_graph.graph
    assert (UZBEKISTAN_IRI, GKG.alliedWith, UNITED_STATES_IRI) not in handmade_graph.graph


def test_readding_a_document_replaces_its_statements(handmade_graph: kg.KnowledgeGraph) -> None:
    handmade_graph.add(HANDMADE_DOCUMENT, HANDMADE_RELATIONS[1:], "0.0.0")

    assert handmade_graph.stats()["relations"] == {"alliedWith": 1}
    assert (UZBEKISTAN_IRI, GKG.withdrewFrom, CSTO_IRI) not in handmade_graph.graph
    assert handmade_graph.graph.value(CSTO_IRI, RDFS.label) == Literal(
        "Collective Security Treaty Organization", lang="en"
    )


def test_validate(handmade_graph: kg.KnowledgeGraph) -> None:
    conforms, report = handmade_graph.validate()

    assert conforms, report


# ---------------------------------------------------------------------- pipeline choice


def test_missing_model_error_lists_installed_models_and_how_to_install() -> None:
    with pytest.raises(ModelNotFoundError) as raised:
        kg.load_pipeline(model="no_such_model")

    message = str(raised.value)
    assert "no_such_model" in message
    assert installed_models()
    for name in installed_models():
        assert name in message
    assert "pip install" in message


def test_model_environment_variable_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_ENV_VAR, "no_such_model_from_env")

    with pytest.raises(ModelNotFoundError, match="no_such_model_from_env"):
        kg.load_pipeline()
    with pytest.raises(ModelNotFoundError, match="no_such_model_from_env"):
        kg.build_graph([WITHDRAWAL])


def test_explicit_model_wins_over_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = installed_models()[-1]
    monkeypatch.setenv(MODEL_ENV_VAR, chosen)

    assert choose_model() == chosen
    with pytest.raises(ModelNotFoundError, match="'no_such_model'"):
        choose_model("no_such_model")


def test_documents_survive_two_processes_with_the_same_relations(nlp):
    from kg.api import extract

    documents = [
        Document("p1", "Tashkent pulled out of the CSTO in 2012.", datetime.date(2023, 9, 27)),
        Document("p2", "Mali, Burkina Faso and Niger left ECOWAS in January.", datetime.date(2024, 3, 1)),
    ]
    single = [relations for _, relations in extract(documents, nlp)]
    double = [relations for _, relations in extract(documents, nlp, n_process=2, batch_size=1)]
    assert single == double
    assert ("uzbekistan", "withdrewFrom", "collective-security-treaty-organization") in {
        (r.subject.key, r.predicate, r.object.key) for r in single[0]
    }
