"""Each bad input of the README's table: the exact message, exit code and resulting graph."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

import kg
from kg.graph.build import document_iri
from kg.graph.namespace import GKD, GKE, GKG
from kg.readers import today_anywhere
from tests.reliability.conftest import (
    ACCESSION,
    AGREEMENT,
    RECOGNITION,
    THREAT,
    WITHDRAWAL,
    kg_run,
    litter,
    run,
    triples,
    write,
)

UZBEKISTAN, CSTO = GKE["uzbekistan"], GKE["collective-security-treaty-organization"]
RUSSIA, ARMENIA = GKE["russia"], GKE["armenia"]


def jsonl(path: Path, *records: dict | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return write(path, "\n".join(lines) + "\n")


def statements_of(graph, document_id: str) -> set[tuple]:
    """(subject, predicate, object) of the statements derived from one document."""
    return {
        (graph.value(node, RDF.subject), graph.value(node, RDF.predicate), graph.value(node, RDF.object))
        for node in graph.subjects(PROV.wasDerivedFrom, document_iri(document_id))
    }


# ------------------------------------------------------------- document ids


def test_ids_that_slugify_alike_stay_two_documents(capsys, tmp_path: Path) -> None:
    corpus = jsonl(
        tmp_path / "news.jsonl",
        {"id": "Doc 1", "text": WITHDRAWAL},
        {"id": "doc-1", "text": THREAT},
        {"id": "DOC_1", "text": ACCESSION},
    )
    output = tmp_path / "graph.ttl"

    code, out, err = run(capsys, "build", corpus, "-o", output)

    assert (code, err) == (0, "")
    assert out.startswith("kg build: 3 built, 0 skipped, 0 warnings; ")
    graph = triples(output)
    assert kg.KnowledgeGraph(graph).documents() == ["DOC_1", "Doc 1", "doc-1"]
    assert set(graph.subjects(RDF.type, GKG.Document)) == {GKD["doc-1-68cb2b47"], GKD["doc-1"], GKD["DOC_1"]}
    assert statements_of(graph, "Doc 1") == {(UZBEKISTAN, GKG.withdrewFrom, CSTO), (UZBEKISTAN, GKG.memberOf, CSTO)}
    assert statements_of(graph, "doc-1") == {(RUSSIA, GKG.threatened, ARMENIA)}


def test_document_iris_are_stable_and_safe_ids_are_kept() -> None:
    assert str(document_iri("reuters-44")) == "https://w3id.org/geokg/document/reuters-44"
    assert str(document_iri("seed_uzbek.us")) == "https://w3id.org/geokg/document/seed_uzbek.us"
    assert str(document_iri("Doc 1")) == "https://w3id.org/geokg/document/doc-1-68cb2b47"
    assert str(document_iri("Côte d'Ivoire/2024")) == str(document_iri("Côte d'Ivoire/2024"))
    assert document_iri("a/b") != document_iri("a b") != document_iri("a-b")
    dots = hashlib.sha1(b"..").hexdigest()[:8]
    assert str(document_iri("..")) == f"https://w3id.org/geokg/document/unnamed-{dots}"  # not the segment ".."


def test_the_same_id_in_two_files_is_skipped_not_merged(capsys, tmp_path: Path) -> None:
    first = jsonl(tmp_path / "a.jsonl", {"id": "n1", "text": WITHDRAWAL})
    second = jsonl(tmp_path / "b.jsonl", {"id": "n1", "text": THREAT})
    output = tmp_path / "graph.ttl"

    code, out, err = run(capsys, "build", first, second, "-o", output)

    assert code == 0
    assert err == (
        f"kg build: skipped: {second}:1: duplicate document id 'n1', already used at "
        f"{first}:1; give every document a unique id\n"
    )
    assert out.startswith("kg build: 1 built, 1 skipped, 0 warnings; ")
    assert statements_of(triples(output), "n1") == {
        (UZBEKISTAN, GKG.withdrewFrom, CSTO),
        (UZBEKISTAN, GKG.memberOf, CSTO),
    }


# ------------------------------------------------------------- dates


def test_jsonl_date_with_trailing_junk_drops_only_the_date(capsys, tmp_path: Path) -> None:
    corpus = jsonl(
        tmp_path / "wire.jsonl",
        {"id": "r1", "text": THREAT, "date": "26-FEB-1987 15:49:56.01 junk"},
        {"id": "r2", "text": WITHDRAWAL, "date": "2024-01-15"},
    )
    output = tmp_path / "graph.ttl"

    code, out, err = run(capsys, "build", corpus, "-o", output)

    assert code == 0
    assert err == (
        f"kg build: warning: {corpus}:1: invalid date '26-FEB-1987 15:49:56.01 junk': expected YYYY-MM-DD "
        "(for example 2023-09-27); an ISO datetime such as 2023-09-27T08:15:00Z or a wire-service stamp "
        "such as 26-FEB-1987 15:49:56.01 is also accepted; the date was dropped and record 'r1' read "
        "without one (relative dates in it stay unresolved)\n"
    )
    assert out.startswith("kg build: 2 built, 0 skipped, 1 warnings; ")
    graph = triples(output)
    assert graph.value(document_iri("r1"), DCTERMS.date) is None
    assert graph.value(document_iri("r2"), DCTERMS.date) == Literal("2024-01-15", datatype=XSD.date)
    assert statements_of(graph, "r1") == {(RUSSIA, GKG.threatened, ARMENIA)}


def test_future_date_option_is_refused_before_any_work(capsys, monkeypatch, tmp_path: Path) -> None:
    article = write(tmp_path / "recognition.txt", RECOGNITION)
    monkeypatch.setattr(kg, "load_pipeline", lambda *a, **k: pytest.fail("the pipeline was loaded"))

    code, out, err = run(capsys, "build", article, "--date", "2099-01-01", "-o", tmp_path / "g.ttl")

    assert (code, out) == (4, "")
    assert err == (
        f"kg build: error: --date 2099-01-01 is in the future (today is "
        f"{today_anywhere().isoformat()}); give the date the text was published\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recognition.txt"]


def test_today_is_accepted_as_a_date(capsys, tmp_path: Path) -> None:
    article = write(tmp_path / "recognition.txt", RECOGNITION)
    today = datetime.date.today().isoformat()

    code, out, err = run(capsys, "build", article, "--date", today, "-o", tmp_path / "g.ttl")

    assert (code, err) == (0, "")
    assert triples(tmp_path / "g.ttl").value(document_iri("recognition"), DCTERMS.date) == Literal(
        today, datatype=XSD.date
    )


def test_future_jsonl_date_is_dropped_with_a_warning(capsys, tmp_path: Path) -> None:
    corpus = jsonl(tmp_path / "news.jsonl", {"id": "f1", "text": RECOGNITION, "date": "2099-01-01"})

    code, out, err = run(capsys, "build", corpus, "-o", tmp_path / "g.ttl")

    assert code == 0
    assert err == (
        f"kg build: warning: {corpus}:1: date 2099-01-01 is in the future (today is "
        f"{today_anywhere().isoformat()}); give the date the text was published; the date was "
        "dropped and record 'f1' read without one (relative dates in it stay unresolved)\n"
    )
    graph = triples(tmp_path / "g.ttl")
    assert graph.value(document_iri("f1"), DCTERMS.date) is None
    # without a document date, "September 22" has no year to resolve against
    (statement,) = graph.subjects(RDF.predicate, GKG.recognized)
    assert graph.value(statement, GKG.pointInTime) is None


# ------------------------------------------------------------- folders


def test_notes_files_in_a_corpus_folder_are_reported_not_read(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "README.txt", "Chile and Peru signed a trade agreement in 2006.\n")
    write(corpus / "AGNEWS-README.txt", "Finland joined NATO in 2023.\n")
    write(corpus / "LICENSE.txt", "Russia threatened Armenia on Monday.\n")
    write(corpus / "licensing-talks.txt", WITHDRAWAL)  # news about licences is news
    output = tmp_path / "graph.ttl"

    code, out, err = run(capsys, "build", corpus, "-o", output)

    assert code == 0
    assert err.splitlines() == [
        f"kg build: warning: {corpus / name}: not read as news: the name says it is the corpus's notes "
        f"({Path(name).stem}); give the file itself to read it anyway"
        for name in ("AGNEWS-README.txt", "LICENSE.txt", "README.txt")
    ]
    assert out.startswith("kg build: 1 built, 0 skipped, 3 warnings; ")
    assert kg.KnowledgeGraph.load(output).documents() == ["licensing-talks"]


def test_a_notes_file_given_by_name_is_read(capsys, tmp_path: Path) -> None:
    readme = write(tmp_path / "README.txt", AGREEMENT)

    code, out, err = run(capsys, "build", readme, "-o", tmp_path / "g.ttl")

    assert (code, err) == (0, "")
    assert statements_of(triples(tmp_path / "g.ttl"), "README") == {
        (GKE["chile"], GKG.signedAgreementWith, GKE["peru"])
    }


def test_unreadable_subfolder_is_reported_and_the_rest_built(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", WITHDRAWAL)
    write(corpus / "private" / "b.txt", THREAT)
    (corpus / "private").chmod(0)
    output = tmp_path / "graph.ttl"

    completed = kg_run("build", corpus, "-o", output, unprivileged_run=True)

    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == (
        f"kg build: skipped: {corpus / 'private'}: cannot read this folder (Permission denied); the "
        "documents in it were not read; make it readable (e.g. chmod u+rx) or move the documents out\n"
    )
    assert completed.stdout.startswith("kg build: 1 built, 1 skipped, 0 warnings; ")
    assert kg.KnowledgeGraph.load(output).documents() == ["a"]

    strict = kg_run("build", corpus, "-o", tmp_path / "strict.ttl", "--strict", unprivileged_run=True)

    assert strict.returncode == 9
    assert strict.stderr.splitlines()[-1] == (
        "kg build: error: 1 input skipped (see above) and --strict is given, so the build stopped and "
        "nothing was written; fix or remove the inputs named above, or run without --strict to build "
        "the others"
    )
    assert not (tmp_path / "strict.ttl").exists()


# ------------------------------------------------------------- HTML saved as text

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>World news</title></head>
<body><nav><a href="/">Home</a> | Russia threatened Armenia on Monday.</nav>
<p>Tashkent pulled out of the CSTO in 2012.</p></body></html>
"""


def test_html_page_saved_as_txt_is_refused_with_how_to_read_it(capsys, tmp_path: Path) -> None:
    page = write(tmp_path / "page.txt", PAGE)
    article = write(tmp_path / "article.txt", AGREEMENT)
    output = tmp_path / "graph.ttl"

    code, out, err = run(capsys, "build", page, article, "-o", output)

    assert code == 0
    assert err.startswith(
        f"kg build: skipped: {page}: is an HTML page, not plain text; its markup would be read as news; save "
    )
    assert out.startswith("kg build: 1 built, 1 skipped, 0 warnings; ")
    assert kg.KnowledgeGraph.load(output).documents() == ["article"]

    code, out, err = run(capsys, "build", page, "-o", tmp_path / "page.ttl")

    assert (code, out) == (4, "")
    assert err.startswith(f"kg build: error: {page}: is an HTML page, not plain text; ")


def test_html_text_in_a_jsonl_record_is_refused(capsys, tmp_path: Path) -> None:
    corpus = jsonl(tmp_path / "news.jsonl", {"id": "p1", "text": PAGE}, {"id": "p2", "text": THREAT})

    code, out, err = run(capsys, "build", corpus, "-o", tmp_path / "g.ttl")

    assert code == 0
    assert err.startswith(f"kg build: skipped: {corpus}:1: the \"text\" of record 'p1' is an HTML page, ")
    assert kg.KnowledgeGraph.load(tmp_path / "g.ttl").documents() == ["p2"]


@pytest.mark.parametrize(
    "text",
    [
        "Use the <div> element, the ministry's web guide says.\n\nIt was published in 2020.",
        "The <html> tag was discussed at the conference in Geneva.",
        "Russia threatened Armenia on Monday <b>again</b>.",
    ],
)
def test_plain_text_that_mentions_tags_is_read(capsys, tmp_path: Path, text: str) -> None:
    code, out, err = run(capsys, "build", write(tmp_path / "t.txt", text), "-o", tmp_path / "g.ttl")

    assert (code, err) == (0, "")
    assert out.startswith("kg build: 1 built, 0 skipped, 0 warnings; ")


# ------------------------------------------------------------- output locations


def test_unwritable_output_folder_fails_before_any_extraction(tmp_path: Path) -> None:
    article = write(tmp_path / "article.txt", WITHDRAWAL)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)

    completed = kg_run("-v", "build", article, "-o", locked / "graph.ttl", unprivileged_run=True)

    assert (completed.returncode, completed.stdout) == (8, "")
    assert completed.stderr.splitlines()[-1] == (
        f"kg build: error: {locked / 'graph.ttl'}: cannot write in {locked} (Permission denied); "
        "choose a folder you can write to"
    )
    assert "loading spaCy pipeline" not in completed.stderr  # nothing was extracted
    assert list(locked.iterdir()) == []


def test_unwritable_html_location_fails_before_any_extraction(capsys, monkeypatch, tmp_path: Path) -> None:
    article = write(tmp_path / "article.txt", WITHDRAWAL)
    monkeypatch.setattr(kg, "load_pipeline", lambda *a, **k: pytest.fail("the pipeline was loaded"))
    blocker = write(tmp_path / "report", "a file, not a folder")

    code, out, err = run(capsys, "build", article, "-o", tmp_path / "g.ttl", "--html", blocker / "g.html")

    assert (code, out) == (8, "")
    assert err == (
        f"kg build: error: {blocker / 'g.html'}: {blocker} is a file, not a folder; choose another output location\n"
    )
    assert not (tmp_path / "g.ttl").exists()


def test_output_that_is_a_folder_is_refused(capsys, tmp_path: Path) -> None:
    article = write(tmp_path / "article.txt", WITHDRAWAL)
    (tmp_path / "out.ttl").mkdir()

    code, out, err = run(capsys, "build", article, "-o", tmp_path / "out.ttl")

    assert code == 8
    assert err == (
        f"kg build: error: {tmp_path / 'out.ttl'}: is a folder; give the name of a file to "
        f"write, e.g. {tmp_path / 'out.ttl' / 'graph.ttl'}\n"
    )


# ------------------------------------------------------------- queries


@pytest.fixture
def graph_file(tmp_path: Path, nlp) -> Path:
    return kg.build_graph([WITHDRAWAL], nlp=nlp).serialize(tmp_path / "graph.ttl")


@pytest.mark.parametrize("length", [256, 300, 511, 2000])
def test_long_one_line_inline_query_is_a_query(capsys, graph_file: Path, length: int) -> None:
    query = "SELECT ?o WHERE { gke:uzbekistan gkg:withdrewFrom ?o }"
    query = query + " " * (length - len(query) - 3) + "# x"
    assert len(query) == length and "/" not in query

    code, out, err = run(capsys, "query", graph_file, query, "--format", "csv")

    assert (code, err) == (0, "")
    assert out == "o\ngke:collective-security-treaty-organization\n"


@pytest.mark.parametrize(
    ("request_text", "kind"),
    [
        ("INSERT DATA { gke:a gkg:attacked gke:b }", "Update (INSERT)"),
        ("PREFIX ex: <http://example.org/>\n# remove all\nDELETE WHERE { ?s ?p ?o }", "Update (DELETE)"),
        ("LOAD <http://example.org/data.ttl>", "LOAD"),
        ("clear default", "Update (CLEAR)"),
        ("DROP ALL", "Update (DROP)"),
        ("WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "Update (WITH)"),
    ],
)
def test_sparql_update_is_refused_on_purpose(capsys, graph_file: Path, request_text: str, kind: str) -> None:
    before = graph_file.read_bytes()

    code, out, err = run(capsys, "query", graph_file, request_text)

    assert (code, out) == (6, "")
    assert err == (
        f"kg query: error: SPARQL {kind} is refused on purpose: geokg queries only read, so "
        "that a query can never change a graph; use SELECT, ASK, CONSTRUCT or DESCRIBE, and "
        "change a graph by building it again (kg build)\n"
    )
    assert graph_file.read_bytes() == before


def test_sparql_update_is_refused_before_reaching_an_endpoint(capsys) -> None:
    # nothing listens on this port: a request sent would fail with a RemoteError instead
    code, out, err = run(capsys, "query", "http://127.0.0.1:9/query", "LOAD <http://example.org/x>")

    assert code == 6
    assert err.startswith("kg query: error: SPARQL LOAD is refused on purpose: ")


def test_update_in_a_query_file_names_the_file(capsys, graph_file: Path, tmp_path: Path) -> None:
    query_file = write(tmp_path / "change.rq", "INSERT DATA { gke:a gkg:attacked gke:b }\n")

    code, out, err = run(capsys, "query", graph_file, query_file)

    assert code == 6
    assert err.startswith(f"kg query: error: {query_file}: SPARQL Update (INSERT) is refused on purpose: ")


def test_a_select_that_mentions_insert_is_a_query(capsys, graph_file: Path) -> None:
    query = 'SELECT DISTINCT ?e WHERE { ?s gkg:evidence ?e FILTER(!CONTAINS(?e, "INSERT")) }'

    code, out, err = run(capsys, "query", graph_file, query, "--format", "csv")

    assert (code, err) == (0, "")
    assert out == "e\nTashkent pulled out of the CSTO in 2012.\n"


def test_library_refuses_updates_too(graph_file: Path) -> None:
    graph = kg.KnowledgeGraph.load(graph_file)
    size = len(graph)

    with pytest.raises(kg.errors.QueryRefusedError, match="refused on purpose"):
        graph.query("DELETE WHERE { ?s ?p ?o }")
    assert len(graph) == size


def test_permissions_on_written_files_follow_the_umask(capsys, tmp_path: Path) -> None:
    article = write(tmp_path / "article.txt", WITHDRAWAL)
    old = os.umask(0o027)
    try:
        code, _, err = run(capsys, "build", article, "-o", tmp_path / "g.ttl")
    finally:
        os.umask(old)

    assert (code, err) == (0, "")
    assert stat.S_IMODE((tmp_path / "g.ttl").stat().st_mode) == 0o640
    assert litter(tmp_path) == []


# ------------------------------------------------------------- text no format can carry


def test_control_characters_and_bad_urls_still_give_a_graph_in_every_format(capsys, tmp_path: Path) -> None:
    corpus = jsonl(
        tmp_path / "news.jsonl",
        {"id": "c1", "text": "Finland joined NATO in 2023.\x08", "url": "https://example.org/a page?q=<1>"},
    )

    for suffix in (".rdf", ".ttl", ".nt", ".jsonld", ".trig", ".nq"):
        code, out, err = run(capsys, "build", corpus, "-o", tmp_path / f"g{suffix}")
        assert (code, err) == (0, ""), suffix
        graph = triples(tmp_path / f"g{suffix}")
        assert graph.value(document_iri("c1"), DCTERMS.source) == URIRef("https://example.org/a%20page?q=%3C1%3E")
        (statement,) = graph.subjects(RDF.predicate, GKG.joined)
        assert str(graph.value(statement, GKG.evidence)) == "Finland joined NATO in 2023.\ufffd"
