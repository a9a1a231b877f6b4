"""The public entry points: from texts or files to records and graphs."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.nlp.pipeline import load_pipeline
from kg.records import Document, Entity, Mention, Relation

__all__ = ["build_graph", "extract", "extract_mentions", "load_pipeline", "as_documents"]

logger = logging.getLogger(__name__)


def as_documents(inputs: Iterable[str | Path | Document], *, date: date | None = None,
                 on_error: Callable[[InputError], None] | None = None) -> Iterator[Document]:
    """Turn texts, paths and documents into :class:`~kg.records.Document` records.

    A :class:`~pathlib.Path`, or a one-line string naming an existing file or
    directory, is read with :func:`kg.readers.read_documents`; any other string
    is a text whose id is a hash of its content.
    """
    from kg.readers import read_documents

    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    for item in inputs:
        if isinstance(item, Document):
            yield item
        elif isinstance(item, Path) or _names_existing_path(item):
            yield from read_documents([item], date=date, on_error=on_error)
        else:
            if not item.strip():
                error = InputError("empty text given as a document; pass text with at least one sentence")
                if on_error is None:
                    raise error
                on_error(error)
                continue
            digest = hashlib.sha1(item.encode("utf-8")).hexdigest()[:12]
            yield Document(id=f"text-{digest}", text=item, date=date)


def _names_existing_path(text: str) -> bool:
    """True when a string is a file or directory name rather than a text.

    An empty string is a (bad) text, not the current directory; a one-line text
    too long to be a file name is a text, not an error.
    """
    if not text.strip() or "\n" in text or len(text) >= 1024:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # e.g. "File name too long"
        return False


def _parsed(documents: list[Document], nlp: Any, batch_size: int, n_process: int):
    """The spaCy documents of ``documents``, with their ids and dates set."""

    def prepared():
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.geokg_document_id = document.id
            doc._.geokg_document_date = document.date.isoformat() if document.date else None
            yield doc

    return zip(documents, nlp.pipe(prepared(), batch_size=batch_size, n_process=n_process))


def extract_mentions(documents: Iterable[Document], nlp: Any = None, *, batch_size: int = 32,
                     n_process: int = 1) -> Iterator[tuple[str, Mention, Entity]]:
    """Run the pipeline; yield each entity mention as (document id, mention, entity)."""
    nlp = nlp or load_pipeline()
    for document, doc in _parsed(list(documents), nlp, batch_size, n_process):
        entities = doc._.geokg_entities or {}
        for mention in doc._.geokg_mentions:
            yield document.id, mention, entities[mention.entity_key]


def extract(documents: Iterable[Document], nlp: Any = None, *, batch_size: int = 32,
            n_process: int = 1) -> Iterator[tuple[Document, tuple[Relation, ...]]]:
    """Run the pipeline over documents; yield each with its relations.

    Examples
    --------
    >>> from kg.records import Document
    >>> doc = Document("d1", "Tashkent pulled out of the CSTO in 2012.")
    >>> [(r.subject.label, r.predicate, r.object.label) for _, rs in extract([doc]) for r in rs][0]  # doctest: +SKIP
    ('Uzbekistan', 'withdrewFrom', 'Collective Security Treaty Organization')
    """
    nlp = nlp or load_pipeline()
    for document, doc in _parsed(list(documents), nlp, batch_size, n_process):
        yield document, tuple(doc._.geokg_relations)


def build_graph(inputs: Iterable[str | Path | Document] | str | Path, *, date: date | None = None,
                model: str | None = None, nlp: Any = None, graph=None,
                on_error: Callable[[InputError], None] | None = None):
    """Build a knowledge graph from texts, files or documents.

    Parameters
    ----------
    inputs
        Texts, paths of .txt/.jsonl files or directories, or Document records.
    date
        Publication date for inputs that carry none (anchors "on Tuesday").
    model
        spaCy pipeline package to use; the best installed one by default.
    nlp
        An already loaded pipeline (from :func:`load_pipeline`), to reuse.
    graph
        A :class:`~kg.graph.store.KnowledgeGraph` to add to; a new one by default.
    on_error
        Called with each bad input (which is then skipped); by default the error is raised.

    Returns
    -------
    KnowledgeGraph

    Examples
    --------
    >>> graph = build_graph(["Tashkent pulled out of the CSTO in 2012."])  # doctest: +SKIP
    >>> graph.query("SELECT ?o WHERE { gke:uzbekistan gkg:withdrewFrom ?o }")  # doctest: +SKIP
    """
    import kg
    from kg.graph.store import KnowledgeGraph

    knowledge_graph = graph if graph is not None else KnowledgeGraph()
    documents = list(as_documents(inputs, date=date, on_error=on_error))
    for document, relations in extract(documents, nlp or load_pipeline(model)):
        knowledge_graph.add(document, relations, kg.__version__)
    return knowledge_graph
