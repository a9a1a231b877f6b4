"""Properties that hold for any text: generated and adversarial inputs (hypothesis).

Any text runs through the pipeline without an exception; every graph it gives
conforms to the SHACL shapes, survives serialising and parsing in every format,
and comes out the same when built twice. The examples are bounded so that the
file runs in seconds; the texts mix news phrases the extractor acts on with
markup, control characters, scripts and punctuation it must survive.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import kg
from kg.graph.store import FORMATS
from kg.records import Document

pytestmark = pytest.mark.filterwarnings(
    "ignore:Dataset.* is deprecated:DeprecationWarning",
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning",
)

NEWS = [
    "Tashkent pulled out of the CSTO in 2012.",
    "Russia threatened Armenia on Monday.",
    "Finland joined NATO",
    "the European Union imposed sanctions on Iran last week",
    "Uzbek President Shavkat Mirziyoyev met Joe Biden",
    "China and India signed an agreement",
    "Israeli troops attacked Gaza",
    "Egyptian police arrested protesters in Cairo",
    "the Kremlin warned Washington",
    "Mali suspended its participation in ECOWAS since 2021",
    "The United States recognized Kosovo",
    '"We will not withdraw," the minister said.',
    "Ukraine did not join the CSTO.",
    "Turkey could leave NATO",
    "the bloc",
    "it",
    "they",
    "in the early 2000s",
    "on September 26",
    "21 years after it joined",
    "Côte d'Ivoire",
    "Türkiye",
]
ODD = [
    "<script>alert(1)</script>",
    "<b>",
    "&amp;",
    "]]>",
    '"""',
    "'''",
    "\\",
    "\\u0000",
    "@prefix x: <y> .",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\u00a0",
    "\t",
    "\r\n",
    "\n\n",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "😀",
    "Россия",
    "中国",
    "العربية",
    "—",
    "…",
    "%",
    "{",
    "}",
    "<",
    ">",
    "?",
    "#",
    "_:b0",
    "gke:x",
]
pieces = st.one_of(st.sampled_from(NEWS), st.sampled_from(ODD), st.text(max_size=12))
texts = st.lists(pieces, min_size=1, max_size=12).map(" ".join).filter(lambda text: text.strip())
dates = st.one_of(st.none(), st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2026, 1, 1)))

BOUNDED = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def graph_of(nlp, text: str, date: datetime.date | None) -> kg.KnowledgeGraph:
    return kg.build_graph([Document("doc-under-test", text, date=date)], nlp=nlp)


@BOUNDED
@given(text=texts, date=dates)
def test_any_text_runs_through_the_pipeline(nlp, text: str, date) -> None:
    ((document, relations),) = list(kg.extract([Document("d", text, date=date)], nlp))

    assert document.text == text
    for relation in relations:  # offsets point into the text as given
        assert 0 <= relation.char_start <= relation.char_end <= len(text)
        assert relation.evidence.strip()


@BOUNDED
@given(text=texts, date=dates)
def test_every_graph_conforms_to_the_shapes(nlp, text: str, date) -> None:
    conforms, report = graph_of(nlp, text, date).validate()

    assert conforms, report


@settings(BOUNDED, max_examples=15)
@given(text=texts, date=dates)
def test_every_format_round_trips(nlp, text: str, date) -> None:
    graph = graph_of(nlp, text, date)

    for rdf_format in sorted(set(FORMATS.values())):
        parsed = Dataset() if rdf_format in ("trig", "nquads") else Graph()
        parsed.parse(data=graph.to_string(rdf_format), format=rdf_format)
        triples = Graph()
        for triple in parsed.quads((None, None, None, None)) if isinstance(parsed, Dataset) else parsed:
            triples.add(triple[:3])
        assert isomorphic(triples, graph.graph), rdf_format


@settings(BOUNDED, max_examples=15)
@given(text=texts, date=dates)
def test_building_twice_gives_the_same_graph(nlp, text: str, date) -> None:
    document = Document("doc-under-test", text, date=date)
    once = kg.build_graph([document], nlp=nlp)
    twice = kg.build_graph([document], nlp=nlp, graph=kg.build_graph([document], nlp=nlp))

    assert len(twice) == len(once)
    assert isomorphic(twice.graph, once.graph)
