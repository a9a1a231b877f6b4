"""Network analysis: the actor network, rankings, blocs, timelines, the signed projection and tension."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sample_graph import sample_graph

import kg
from kg import analysis
from kg.errors import QueryError
from kg.graph.namespace import GKE
from kg.records import RELATIONS

CSTO = "Collective Security Treaty Organization"


@pytest.fixture(scope="module")
def graph() -> kg.KnowledgeGraph:
    return sample_graph()


def edges(network) -> list[tuple[str, str, str, int]]:
    return sorted(
        (network.nodes[u]["label"], key, network.nodes[v]["label"], data["weight"])
        for u, v, key, data in network.edges(keys=True, data=True)
    )


def test_every_relation_has_one_family() -> None:
    assert sorted(analysis.FAMILY_OF) == sorted(RELATIONS)
    assert sorted(analysis.FAMILIES) == ["coercion", "conflict", "cooperation", "diplomacy", "membership", "structure"]


def test_actor_graph_has_the_asserted_statements_without_places_or_documents(graph: kg.KnowledgeGraph) -> None:
    network = analysis.actor_graph(graph)

    assert edges(network) == [
        ("Bahodir Kurbanov", "officialOf", "Ministry of Defence of Uzbekistan", 1),
        ("Michael Kurilla", "visited", "Uzbekistan", 1),
        ("Russia", "criticized", "Uzbekistan", 1),
        ("Russia", "inConflictWith", "Ukraine", 1),
        ("Russia", "threatened", "Armenia", 1),
        ("Russia (military)", "attacked", "Ukraine", 1),
        ("Shavkat Mirziyoyev", "leaderOf", "Uzbekistan", 1),
        ("United States", "cooperatesWith", "Uzbekistan", 1),
        ("Uzbekistan", "joined", CSTO, 1),
        ("Uzbekistan", "memberOf", CSTO, 1),
        ("Uzbekistan", "withdrewFrom", CSTO, 1),
    ]
    russian_military = network.nodes[str(GKE["russia-military"])]
    assert (russian_military["type"], russian_military["country"], russian_military["sector"]) == (
        "Agent",
        str(GKE.russia),
        "Military",
    )
    assert network.nodes[str(GKE["collective-security-treaty-organization"])]["short_label"] == "CSTO"


def test_actor_graph_on_request_keeps_places_documents_and_other_modalities(graph: kg.KnowledgeGraph) -> None:
    with_places = analysis.actor_graph(graph, include_places=True)
    everything = analysis.actor_graph(graph, modalities=None)
    with_documents = analysis.actor_graph(graph, include_documents=True)

    assert ("Tashkent", "capitalOf", "Uzbekistan", 1) in edges(with_places)
    assert set(edges(everything)) - set(edges(analysis.actor_graph(graph))) == {
        ("Bahodir Kurbanov", "metWith", "Michael Kurilla", 1),
        ("United States", "alliedWith", "Uzbekistan", 1),
    }
    documents = [node for node, data in with_documents.nodes(data=True) if data["type"] == "Document"]
    assert sorted(documents) == sorted(
        f"https://w3id.org/geokg/document/{d}" for d in ("pact-1994", "exit-2012", "visit-2023")
    )


def test_country_level_folds_agents_persons_and_bodies_into_their_countries(graph: kg.KnowledgeGraph) -> None:
    network = analysis.actor_graph(graph, level="country")

    assert edges(network) == [
        ("Russia", "attacked", "Ukraine", 1),
        ("Russia", "criticized", "Uzbekistan", 1),
        ("Russia", "inConflictWith", "Ukraine", 1),
        ("Russia", "threatened", "Armenia", 1),
        ("United States", "cooperatesWith", "Uzbekistan", 1),
        ("United States", "visited", "Uzbekistan", 1),  # Kurilla's visit
        ("Uzbekistan", "joined", CSTO, 1),
        ("Uzbekistan", "memberOf", CSTO, 1),
        ("Uzbekistan", "withdrewFrom", CSTO, 1),
    ]


def test_time_window_and_as_of(graph: kg.KnowledgeGraph) -> None:
    in_2012 = analysis.actor_graph(graph, since="2012", until="2012")
    as_of_2000 = analysis.actor_graph(graph, as_of="2000")
    as_of_2013 = analysis.actor_graph(graph, as_of="2013-01-01")

    # the membership from 1994 holds until the withdrawal at the start of 2012
    assert edges(in_2012) == [
        ("Russia", "criticized", "Uzbekistan", 1),
        ("Uzbekistan", "joined", CSTO, 1),
        ("Uzbekistan", "memberOf", CSTO, 1),
        ("Uzbekistan", "withdrewFrom", CSTO, 1),
    ]
    assert edges(as_of_2000) == [("Uzbekistan", "joined", CSTO, 1), ("Uzbekistan", "memberOf", CSTO, 1)]
    # after the withdrawal: the withdrawal and the criticism happened, the membership is over
    assert edges(as_of_2013) == [("Russia", "criticized", "Uzbekistan", 1), ("Uzbekistan", "withdrewFrom", CSTO, 1)]


def test_statement_spans_place_undated_events_at_their_document_date(graph: kg.KnowledgeGraph) -> None:
    table = analysis.statements(graph)
    spans = {(row.subject, row.relation): (row.begin, row.end, row.placed) for row in table.itertuples()}

    assert spans[("Uzbekistan", "memberOf")] == ("1994-01-01", "2012-01-01", "start")
    assert spans[("Uzbekistan", "joined")] == ("1994-01-01", "2012-01-01", "date")
    assert spans[("Russia", "criticized")] == ("2012-06-29", "2012-06-29", "reported")
    assert spans[("Russia", "threatened")] == ("2023-09-01", "2023-09-30", "date")
    assert spans[("Russia", "inConflictWith")] == ("2023-09-27", "9999-12-31", "reported")


def test_rankings_are_tables_with_labels(graph: kg.KnowledgeGraph) -> None:
    table = analysis.rankings(graph, level="country")

    assert list(table.columns) == ["actor", "type", "degree", "statements", "pagerank", "betweenness", "actor_iri"]
    assert table["actor"].tolist()[0] == "Uzbekistan"
    by_actor = table.set_index("actor")
    assert by_actor.loc["Uzbekistan", ["degree", "statements"]].tolist() == [3, 6]
    assert by_actor.loc["Russia", ["degree", "statements"]].tolist() == [3, 4]
    # each of Russia and Uzbekistan lies on the only path of 7 of the 10 pairs of the others
    assert by_actor["betweenness"].round(4).to_dict() == {
        "Uzbekistan": 0.7,
        "Ukraine": 0.0,
        "Russia": 0.7,
        "Collective Security Treaty Organization": 0.0,
        "Armenia": 0.0,
        "United States": 0.0,
    }
    assert abs(table["pagerank"].sum() - 1) < 1e-9
    assert table["pagerank"].is_monotonic_decreasing


def test_communities_and_membership_blocs(graph: kg.KnowledgeGraph) -> None:
    groups = analysis.communities(graph, level="country")
    blocs = analysis.membership_blocs(graph)

    assert sorted(groups.groupby("community")["actor"].apply(sorted).tolist()) == [
        ["Armenia", "Russia", "Ukraine"],
        [CSTO, "United States", "Uzbekistan"],
    ]
    assert blocs[["organization", "size", "members"]].to_dict("records") == [
        {"organization": CSTO, "size": 1, "members": ["Uzbekistan"]}
    ]
    assert analysis.membership_blocs(graph, as_of="2005")["members"].tolist() == [["Uzbekistan"]]
    assert analysis.membership_blocs(graph, as_of="2013").empty


def test_ego_network(graph: kg.KnowledgeGraph) -> None:
    one = analysis.ego_network(graph, "Armenia")
    two = analysis.ego_network(graph, "armenia", radius=2, level="country")

    assert sorted(one.nodes[n]["label"] for n in one) == ["Armenia", "Russia"]
    assert sorted(two.nodes[n]["label"] for n in two) == ["Armenia", "Russia", "Ukraine", "Uzbekistan"]
    with pytest.raises(QueryError, match="no actor named 'Atlantis'"):
        analysis.ego_network(graph, "Atlantis")


def test_timeline_of_a_country_includes_its_agents(graph: kg.KnowledgeGraph) -> None:
    actor_level = analysis.timeline(graph, "Russia")
    country_level = analysis.timeline(graph, "Russia", level="country")

    assert [
        tuple(row)
        for row in country_level[["when_text", "subject", "relation", "object", "placed"]].itertuples(index=False)
    ] == [
        ("2012-06-29", "Russia", "criticized", "Uzbekistan", "reported"),
        ("2023-09", "Russia", "threatened", "Armenia", "date"),
        ("2023-09-20", "Russia (military)", "attacked", "Ukraine", "date"),
        ("2023-09-27", "Russia", "inConflictWith", "Ukraine", "reported"),
    ]
    assert "attacked" not in actor_level["relation"].tolist()
    assert str(country_level["when"].dtype).startswith("datetime64")


def test_signed_projection_and_tension(graph: kg.KnowledgeGraph) -> None:
    signed = analysis.signed_graph(graph, level="country")

    assert sorted(
        (signed.nodes[u]["label"], signed.nodes[v]["label"], d["positive"], d["negative"], d["sign"])
        for u, v, d in signed.edges(data=True)
    ) == sorted(
        [
            ("Russia", "Armenia", 0, 1, -1),
            ("Russia", "Ukraine", 0, 2, -1),
            ("Russia", "Uzbekistan", 0, 1, -1),
            ("Uzbekistan", "United States", 2, 0, 1),
        ]
    )
    assert analysis.tension(graph, "Russia", "Ukraine") == analysis.Tension(
        1.0, 1.5, 0.0, 2, {"attacked": 1, "inConflictWith": 1}
    )
    assert analysis.tension(graph, "United States", "Uzbekistan") == analysis.Tension(
        -1.0, 0.0, 1.4, 2, {"cooperatesWith": 1, "visited": 1}
    )
    assert analysis.tension(graph, "Uzbekistan", "Russia", since="2013").statements == 0
    assert analysis.tension(graph, "Uzbekistan", "Russia", until="2012").score == 1.0


def test_a_mixed_pair_scores_between_the_extremes() -> None:
    graph = sample_graph()
    from sample_graph import EXIT, RUSSIA, UZBEKISTAN, _relation

    graph.add(
        EXIT,
        (
            *__import__("sample_graph").RELATIONS[EXIT.id],
            _relation(EXIT, RUSSIA, "cooperatesWith", UZBEKISTAN, "Moscow criticized Tashkent.", confidence=0.3),
        ),
        "0.0.0",
    )

    assert analysis.tension(graph, "Russia", "Uzbekistan") == analysis.Tension(
        0.4, 0.7, 0.3, 2, {"cooperatesWith": 1, "criticized": 1}
    )


def test_importing_analysis_does_not_import_networkx() -> None:
    code = "import sys, kg.analysis; print('networkx' in sys.modules)"

    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )


def test_an_undated_membership_told_with_its_withdrawal_ends_with_it() -> None:
    import datetime

    from sample_graph import CSTO as CSTO_ENTITY
    from sample_graph import EXIT, UZBEKISTAN, _relation

    from kg.records import Document

    graph = sample_graph()
    # "Uzbekistan was once a member" in the document of the withdrawal: it held until 2012
    graph.add(
        EXIT,
        (
            *__import__("sample_graph").RELATIONS[EXIT.id],
            _relation(EXIT, UZBEKISTAN, "memberOf", CSTO_ENTITY, "Tashkent pulled out of the CSTO"),
        ),
        "0.0.0",
    )
    # a later report of membership, in another document, holds from its date on
    later = Document("rejoin-2030", "Uzbekistan is a member of the CSTO.", date=datetime.date(2030, 1, 1))

    assert analysis.membership_blocs(graph, as_of="2011")["members"].tolist() == [["Uzbekistan"]]
    assert analysis.membership_blocs(graph, as_of="2013").empty
    graph.add(
        later, (_relation(later, UZBEKISTAN, "memberOf", CSTO_ENTITY, "Uzbekistan is a member of the CSTO."),), "0.0.0"
    )
    assert analysis.membership_blocs(graph, as_of="2013").empty
    assert analysis.membership_blocs(graph, as_of="2031")["members"].tolist() == [["Uzbekistan"]]


def test_a_store_is_read_with_one_query_into_the_same_records(graph: kg.KnowledgeGraph, tmp_path) -> None:
    from sample_graph import DOCUMENTS, RELATIONS

    from kg.graph.persistent import PersistentGraph

    with PersistentGraph.open(tmp_path / "store") as store:
        for document in DOCUMENTS:
            store.add(document, RELATIONS[document.id], "0.0.0")
        assert analysis.statement_records(store.graph) == analysis.statement_records(graph.graph)
        assert edges(analysis.actor_graph(store, level="country")) == edges(
            analysis.actor_graph(graph, level="country")
        )
