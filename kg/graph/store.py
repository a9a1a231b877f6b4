"""The knowledge graph: an rdflib graph with the operations analysts use.

:class:`KnowledgeGraph` holds the triples of the RDF contract, merges documents
into them (re-adding a document replaces its statements), reads and writes the
RDF file formats, answers SPARQL as pandas tables, validates against the SHACL
shapes and hands the actor network to networkx and pyvis.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF

from kg.errors import GraphFormatError
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

_ENTITY_CLASSES = (
    "Country",
    "InternationalOrganization",
    "Person",
    "GovernmentBody",
    "Organization",
    "Agent",
    "Place",
    "Event",
)


def format_for(path: str | Path, format: str | None = None) -> str:
    """The rdflib format of a graph file, from ``format`` or the file extension."""
    if format:
        return FORMATS.get("." + format.lstrip("."), format)
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        allowed = ", ".join(sorted(FORMATS))
        raise GraphFormatError(
            f"{path}: unknown graph format {suffix or '(no extension)'!r}; use one of the extensions {allowed}"
        )
    return FORMATS[suffix]


class KnowledgeGraph:
    """A geopolitical knowledge graph.

    Parameters
    ----------
    graph
        An rdflib graph to wrap; a new in-memory graph by default.
    prefixes
        Bind the contract's prefixes (for Turtle and SPARQL); a graph that is
        only written as N-Triples can do without.

    Examples
    --------
    >>> kg_ = KnowledgeGraph()
    >>> len(kg_)
    0
    """

    def __init__(self, graph: Graph | None = None, *, prefixes: bool = True):
        graph = graph if graph is not None else Graph(bind_namespaces="rdflib" if prefixes else "none")
        self.graph = bind_prefixes(graph) if prefixes else graph

    def __len__(self) -> int:
        return len(self.graph)

    def _repr_html_(self) -> str:
        """A summary for Jupyter: documents, actors by type, statements by relation."""
        from kg.viz import summary_html

        return summary_html(self.stats())

    def __repr__(self) -> str:
        stats = self.stats()
        return (
            f"<KnowledgeGraph: {stats['entities']} entities, {stats['statements']} statements, "
            f"{stats['documents']} documents>"
        )

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
        """Read a graph file (Turtle, N-Triples, JSON-LD, TriG ...), or open a store read-only.

        A directory is opened as a persistent store
        (:class:`~kg.graph.persistent.PersistentGraph`), without reading it into memory.

        Raises
        ------
        GraphFormatError
            When the file is missing, has an unknown extension, or does not parse.
        """
        if Path(path).is_dir():
            from kg.graph.persistent import PersistentGraph

            return PersistentGraph.open(path, read_only=True)
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
        except Exception as error:  # noqa: BLE001 - rdflib raises many parser-specific types
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

    def query(self, sparql: str, params: Mapping[str, str] | None = None) -> pandas.DataFrame | KnowledgeGraph:
        """Run a SPARQL query; a SELECT or ASK answers as a pandas table, a CONSTRUCT or DESCRIBE as a graph.

        An IRI column holds labels, with the IRIs in a companion ``NAME_iri``
        column; dates are ``datetime64`` with the dates as written in
        ``NAME_text``; confidences and other numbers are numbers (see
        :meth:`kg.query.QueryResult.to_frame`). ``params`` bind variables to
        values (labels of actors become their IRIs), never pasted into the text.

        Raises
        ------
        QueryError
            When the query does not parse or cannot be evaluated.
        QueryRefusedError
            When it is a SPARQL Update (INSERT, DELETE, LOAD ...): the graph only answers.
        """
        from kg.query import bindings_for, run_query

        result = run_query(self.graph, sparql, bindings_for(self.graph, params or {}))
        if result.kind in ("CONSTRUCT", "DESCRIBE"):
            return KnowledgeGraph(result.graph)
        return result.to_frame()

    def named_query(self, name: str, **params: str) -> pandas.DataFrame:
        """Run one of the named queries of ``kg/queries`` (:func:`kg.named_queries` lists them).

        Examples
        --------
        >>> KnowledgeGraph().named_query("withdrawals", actor="gke:uzbekistan").empty
        True
        """
        from kg.query import bindings_for, named_query, run_query

        query = named_query(name)
        return run_query(self.graph, query.sparql, bindings_for(self.graph, params, query)).to_frame()

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

    def to_networkx(self, **options: Any) -> networkx.MultiDiGraph:
        """The actor network of the asserted statements (options of :func:`kg.analysis.actor_graph`)."""
        from kg.analysis import actor_graph

        return actor_graph(self, **options)

    def show(self, **options: Any):
        """The interactive view inline in Jupyter, JupyterLab or VS Code (options of :func:`kg.viz.render_html`)."""
        from kg.viz import show

        return show(self.graph, **options)

    def to_html(self, path: str | Path, **options: Any) -> Path:
        """Write the interactive HTML view (works offline)."""
        from kg.viz import render_html

        return render_html(self.graph, path, **options)

    def documents(self) -> list[str]:
        """Identifiers of the documents in the graph."""
        from rdflib.namespace import DCTERMS

        return sorted(str(self.graph.value(d, DCTERMS.identifier)) for d in self.graph.subjects(RDF.type, GKG.Document))

    def statements_from(self, document_id: str) -> list[URIRef]:
        """Statement nodes derived from one document."""
        return sorted(self.graph.subjects(PROV.wasDerivedFrom, document_iri(document_id)))


def _local(term) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
