"""The knowledge graph: an rdflib graph with the operations analysts use.

:class:`KnowledgeGraph` holds the triples of the RDF contract, merges documents
into them (re-adding a document replaces its statements), reads and writes the
RDF file formats, answers SPARQL as pandas tables, validates against the SHACL
shapes and hands the actor network to networkx and pyvis.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from kg.errors import GraphFormatError, QueryError
from kg.fileio import atomic_write
from kg.graph.build import add_document, add_entity, add_relation, document_iri, remove_document
from kg.graph.namespace import GKG, bind_prefixes
from kg.records import Document, Relation

if TYPE_CHECKING:
    import networkx
    import pandas

__all__ = ["FORMATS", "KnowledgeGraph", "format_for"]

logger = logging.getLogger(__name__)

#: File extensions and the rdflib format names they map to.
FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
    ".rdf": "xml",
    ".xml": "xml",
}

#: Formats that hold named graphs: read every graph of the file, write the default graph.
_DATASET_FORMATS = frozenset({"trig", "nquads"})

_ENTITY_CLASSES = ("Country", "InternationalOrganization", "Person", "GovernmentBody",
                   "Organization", "Place", "Event")


def format_for(path: str | Path, format: str | None = None) -> str:
    """The rdflib format of a graph file, from ``format`` or the file extension."""
    if format:
        return FORMATS.get("." + format.lstrip("."), format)
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        allowed = ", ".join(sorted(FORMATS))
        raise GraphFormatError(
            f"{path}: unknown graph format {suffix or '(no extension)'!r}; "
            f"use one of the extensions {allowed}"
        )
    return FORMATS[suffix]


class KnowledgeGraph:
    """A geopolitical knowledge graph.

    Parameters
    ----------
    graph
        An rdflib graph to wrap; a new in-memory graph by default.

    Examples
    --------
    >>> kg_ = KnowledgeGraph()
    >>> len(kg_)
    0
    """

    def __init__(self, graph: Graph | None = None):
        self.graph = bind_prefixes(graph if graph is not None else Graph())

    def __len__(self) -> int:
        return len(self.graph)

    def __repr__(self) -> str:
        stats = self.stats()
        return (f"<KnowledgeGraph: {stats['entities']} entities, {stats['statements']} statements, "
                f"{stats['documents']} documents>")

    # ------------------------------------------------------------------ building

    def add(self, document: Document, relations: Iterable[Relation], extractor_version: str) -> int:
        """Merge one document's statements into the graph, replacing any earlier build of it.

        Returns the number of statement nodes added.
        """
        if (document_iri(document.id), None, None) in self.graph:
            remove_document(self.graph, document.id)
        add_document(self.graph, document)
        relations = list(relations)
        for relation in relations:
            add_relation(self.graph, relation, extractor_version)
        # a second pass links actors to their countries now that every country node is written
        for relation in relations:
            for entity in (relation.subject, relation.object):
                if entity.country:
                    add_entity(self.graph, entity)
        return len(relations)

    # ------------------------------------------------------------------ files

    @classmethod
    def load(cls, path: str | Path, format: str | None = None) -> KnowledgeGraph:
        """Read a graph file (Turtle, N-Triples, JSON-LD, TriG ...).

        Raises
        ------
        GraphFormatError
            When the file is missing, has an unknown extension, or does not parse.
        """
        knowledge_graph = cls()
        knowledge_graph.parse(path, format)
        return knowledge_graph

    def parse(self, path: str | Path, format: str | None = None) -> None:
        """Add the triples of a graph file to this graph."""
        path = Path(path)
        rdf_format = format_for(path, format)
        if not path.is_file():
            raise GraphFormatError(f"{path}: no such graph file; check the path")
        incoming = Dataset() if rdf_format in _DATASET_FORMATS else Graph()
        try:
            incoming.parse(path, format=rdf_format)
        except Exception as error:  # rdflib raises many parser-specific types
            detail = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise GraphFormatError(f"{path}: not valid {rdf_format} ({detail}); fix or regenerate the file") from None
        if isinstance(incoming, Dataset):  # the triples of every graph in the file
            for subject, predicate, obj, _graph_name in incoming.quads((None, None, None, None)):
                self.graph.add((subject, predicate, obj))
        else:
            for triple in incoming:
                self.graph.add(triple)

    def serialize(self, path: str | Path, format: str | None = None) -> Path:
        """Write the graph; the format follows the extension. The file appears whole or not at all."""
        path = Path(path)
        rdf_format = format_for(path, format)
        content = self._for_format(rdf_format).serialize(format=rdf_format, encoding="utf-8")
        return atomic_write(path, content)

    def to_string(self, format: str = "turtle") -> str:
        """The graph serialised as text."""
        rdf_format = FORMATS.get("." + format.lstrip("."), format)
        return self._for_format(rdf_format).serialize(format=rdf_format)

    def _for_format(self, rdf_format: str) -> Graph:
        """The graph to hand rdflib's serializer: dataset formats get the triples as the default graph."""
        if rdf_format not in _DATASET_FORMATS:
            return self.graph
        dataset = bind_prefixes(Dataset())
        dataset.default_graph += self.graph
        return dataset

    # ------------------------------------------------------------------ questions

    def query(self, sparql: str) -> pandas.DataFrame:
        """Run a SPARQL SELECT or ASK query; return a pandas table.

        Literals become Python values (numbers, dates as ISO strings, text);
        IRIs stay strings. An ASK query gives one column ``ask``.

        Raises
        ------
        QueryError
            When the query does not parse or cannot be evaluated.
        QueryRefusedError
            When it is a SPARQL Update (INSERT, DELETE, LOAD ...): the graph only answers.
        """
        import pandas as pd

        from kg.graph.sparql import check_read_only

        check_read_only(sparql)
        try:
            result = self.graph.query(sparql)
            if result.type == "ASK":
                return pd.DataFrame({"ask": [bool(result.askAnswer)]})
            if result.type != "SELECT":
                raise QueryError(f"only SELECT and ASK queries return tables, not {result.type}; "
                                 "use a SELECT query")
            columns = [str(v) for v in result.vars]
            rows = [[_python(value) for value in row] for row in result]
        except QueryError:
            raise
        except Exception as error:
            detail = " ".join(str(error).split())[:300]
            raise QueryError(f"invalid SPARQL query: {detail}; check the query syntax") from None
        return pd.DataFrame(rows, columns=columns)

    def stats(self) -> dict[str, Any]:
        """Counts of entities by type, statements by relation and modality, and documents."""
        entities_by_type: Counter[str] = Counter()
        for cls_name in _ENTITY_CLASSES:
            entities_by_type[cls_name] = sum(1 for _ in self.graph.subjects(RDF.type, GKG[cls_name]))
        relations: Counter[str] = Counter()
        modalities: Counter[str] = Counter()
        statements = 0
        for node in self.graph.subjects(RDF.type, GKG.Statement):
            statements += 1
            predicate = self.graph.value(node, RDF.predicate)
            modality = self.graph.value(node, GKG.modality)
            relations[_local(predicate)] += 1
            modalities[_local(modality)] += 1
        documents = sum(1 for _ in self.graph.subjects(RDF.type, GKG.Document))
        return {
            "entities": sum(entities_by_type.values()),
            "entities_by_type": {k: v for k, v in entities_by_type.items() if v},
            "statements": statements,
            "relations": dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
            "modalities": dict(sorted(modalities.items())),
            "documents": documents,
            "triples": len(self.graph),
        }

    def validate(self) -> tuple[bool, str]:
        """Check the graph against the SHACL shapes; return (conforms, report text)."""
        from kg.graph.ontology import validate

        return validate(self.graph)

    def to_networkx(self) -> networkx.MultiDiGraph:
        """The actor network: entities as nodes, one edge per statement (see :mod:`kg.viz`)."""
        from kg.viz import actor_network

        return actor_network(self.graph)

    def show(self, **options: Any):
        """An inline interactive view for Jupyter."""
        from kg.viz import show

        return show(self.graph, **options)

    def to_html(self, path: str | Path, **options: Any) -> Path:
        """Write the interactive HTML view (works offline)."""
        from kg.viz import render_html

        return render_html(self.graph, path, **options)

    def documents(self) -> list[str]:
        """Identifiers of the documents in the graph."""
        from rdflib.namespace import DCTERMS

        return sorted(str(self.graph.value(d, DCTERMS.identifier))
                      for d in self.graph.subjects(RDF.type, GKG.Document))

    def statements_from(self, document_id: str) -> list[URIRef]:
        """Statement nodes derived from one document."""
        return sorted(self.graph.subjects(PROV.wasDerivedFrom, document_iri(document_id)))


def _local(term) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _python(value) -> Any:
    if value is None:
        return None
    if isinstance(value, Literal):
        python = value.toPython()
        if hasattr(python, "isoformat"):
            return str(value)
        if python is value:
            return str(value)
        return float(python) if type(python).__name__ == "Decimal" else python
    return str(value)
