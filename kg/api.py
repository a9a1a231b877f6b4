"""The public entry points: from texts or files to records and graphs."""

from __future__ import annotations

import hashlib
import logging
from collections import deque
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
                 on_error: Callable[[InputError], None] | None = None, options=None) -> Iterator[Document]:
    """Turn texts, paths, URLs and documents into :class:`~kg.records.Document` records.

    A :class:`~pathlib.Path`, an http(s) URL, or a one-line string naming an
    existing file or directory, is read with :func:`kg.readers.read_documents`
    (``options``, a :class:`kg.sources.SourceOptions`, says how to read pages,
    feeds, tables and URLs); any other string is a text whose id is a hash of
    its content.
    """
    from kg.readers import read_documents
    from kg.sources import is_url

    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    for item in inputs:
        if isinstance(item, Document):
            yield item
        elif isinstance(item, Path) or is_url(item) or _names_existing_path(item):
            yield from read_documents([item], date=date, on_error=on_error, options=options)
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


def _parsed(documents: Iterable[Document], nlp: Any, batch_size: int, n_process: int
            ) -> Iterator[tuple[Document, list[tuple[int, Any]]]]:
    """Each document with its spaCy documents and their offsets, streaming, in order.

    A text longer than the pipeline takes at once is parsed in pieces
    (:func:`kg.nlp.chunks.text_chunks`); the offset of each piece in the whole
    text comes with it.
    """
    from kg.nlp.chunks import chunk_limit, text_chunks

    limit = chunk_limit(nlp)
    waiting: deque[tuple[Document, list[int]]] = deque()

    def prepared():
        for document in documents:
            pieces = text_chunks(document.text, limit)
            waiting.append((document, [offset for offset, _ in pieces]))
            for _, piece in pieces:
                doc = nlp.make_doc(piece)
                doc._.geokg_document_id = document.id
                doc._.geokg_document_date = document.date.isoformat() if document.date else None
                yield doc

    parsed = iter(nlp.pipe(prepared(), batch_size=batch_size, n_process=n_process))
    for first in parsed:
        document, offsets = waiting.popleft()
        yield document, [(offsets[0], first), *((offset, next(parsed)) for offset in offsets[1:])]


def extract_mentions(documents: Iterable[Document], nlp: Any = None, *, batch_size: int = 32,
                     n_process: int = 1) -> Iterator[tuple[str, Mention, Entity]]:
    """Run the pipeline; yield each entity mention as (document id, mention, entity)."""
    from kg.nlp.chunks import shifted

    nlp = nlp or load_pipeline()
    for document, pieces in _parsed(documents, nlp, batch_size, n_process):
        for offset, doc in pieces:
            entities = doc._.geokg_entities or {}
            for mention in doc._.geokg_mentions:
                yield document.id, shifted(mention, offset), entities[mention.entity_key]


def extract(documents: Iterable[Document], nlp: Any = None, *, batch_size: int = 32,
            n_process: int = 1) -> Iterator[tuple[Document, tuple[Relation, ...]]]:
    """Run the pipeline over documents; yield each with its relations, as each is done.

    Documents are read from ``documents`` as the pipeline needs them, so a
    generator streams through in constant memory. A text longer than the
    pipeline's ``max_length`` is parsed in pieces cut between paragraphs or
    sentences; the relations' character offsets count from the start of the
    whole text.

    Examples
    --------
    >>> from kg.records import Document
    >>> doc = Document("d1", "Tashkent pulled out of the CSTO in 2012.")
    >>> [(r.subject.label, r.predicate, r.object.label) for _, rs in extract([doc]) for r in rs][0]  # doctest: +SKIP
    ('Uzbekistan', 'withdrewFrom', 'Collective Security Treaty Organization')
    """
    from kg.nlp.chunks import shifted

    nlp = nlp or load_pipeline()
    for document, pieces in _parsed(documents, nlp, batch_size, n_process):
        yield document, tuple(shifted(relation, offset) for offset, doc in pieces
                              for relation in doc._.geokg_relations)


def build_graph(inputs: Iterable[str | Path | Document] | str | Path, *, date: date | None = None,
                model: str | None = None, nlp: Any = None, graph=None, store: str | Path | None = None,
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
    store
        Directory of a persistent store to build into instead (created if
        needed): documents stream through and unchanged ones are skipped
        (:func:`kg.ingest.build_store`). The store is returned open for
        writing; close it to let other processes use it.
    on_error
        Called with each bad input (which is then skipped); by default the error is raised.

    Returns
    -------
    KnowledgeGraph
        A :class:`~kg.graph.persistent.PersistentGraph` when ``store`` is given.

    Examples
    --------
    >>> graph = build_graph(["Tashkent pulled out of the CSTO in 2012."])  # doctest: +SKIP
    >>> graph.query("SELECT ?o WHERE { gke:uzbekistan gkg:withdrewFrom ?o }")  # doctest: +SKIP
    """
    import kg
    from kg.graph.store import KnowledgeGraph

    if store is not None:
        from kg.graph.persistent import PersistentGraph
        from kg.ingest import build_store

        persistent = PersistentGraph.open(store)
        try:
            build_store(as_documents(inputs, date=date, on_error=on_error), persistent, model=model, nlp=nlp)
        except BaseException:
            persistent.close()
            raise
        return persistent
    knowledge_graph = graph if graph is not None else KnowledgeGraph()
    documents = list(as_documents(inputs, date=date, on_error=on_error))
    for document, relations in extract(documents, nlp or load_pipeline(model)):
        knowledge_graph.add(document, relations, kg.__version__)
    return knowledge_graph
