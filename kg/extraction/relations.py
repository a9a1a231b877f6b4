"""Relations from the dependency parse: every construction over every sentence.

:func:`extract_relations` walks a document's sentences and runs the
constructions of :mod:`kg.extraction.constructions` (verb phrases, event nouns,
modifiers, titles, locations) on each, through the shared core of
:mod:`kg.extraction.core` (arguments, subjects and voice, modality, time).
Duplicates of one statement in one sentence keep the best reading.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kg.extraction.constructions import CONSTRUCTIONS
from kg.extraction.constructions.protests import implicit_protests
from kg.extraction.core import Extractor
from kg.extraction.sentence import Sentence
from kg.records import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extraction.entities import DocumentEntities
    from kg.extraction.lexicon import Lexicon
    from kg.gazetteer import Gazetteer

__all__ = ["extract_relations"]


def extract_relations(
    doc: Doc,
    found: DocumentEntities,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    *,
    min_confidence: float = 0.0,
    document_id: str = "",
    document_date: date | None = None,
) -> list[Relation]:
    """Extract the relations of one parsed document.

    Parameters
    ----------
    doc
        A parsed spaCy document.
    found
        Its entities and mentions (from :func:`kg.extraction.entities.find_mentions`).
    gazetteer, lexicon
        Background names and the relation lexicon with its grammar.
    min_confidence
        Statements below this confidence are dropped.
    document_id, document_date
        Provenance of the statements and the anchor of relative dates.

    Returns
    -------
    list of Relation
        One record per relation occurrence, the best reading of duplicates kept;
        symmetric relations in canonical (sorted key) order.
    """
    extractor = Extractor(doc, found, gazetteer, lexicon, min_confidence, document_id, document_date)
    coreference = lexicon.grammar["coreference"]
    anaphoric = coreference["anaphoric_times"]
    numbers = {word: value for value, word in enumerate(lexicon.grammar["number_words"])}
    best: dict[tuple, Relation] = {}
    previous: Sentence | None = None
    #: (trigger word forms, date) of the dated events read so far, for "N years after it joined"
    timeline: list[tuple[frozenset[str], str]] = []
    body_start = found.layout.body_start
    for sent in doc.sents:
        if sent.end_char <= body_start:
            continue  # the headline: the document's title, not evidence
        if sent.start_char < body_start:
            # a headline the parser ran into the first sentence
            first = next((t.i for t in sent if t.idx >= body_start and not t.is_space), None)
            if first is None:
                continue
            sent = doc[first : sent.end]
        sentence = Sentence(sent, found, document_date, previous, anaphoric, timeline, numbers)
        previous = sentence
        consumed: set[int] = set()
        extractor.earlier = list(best.values())
        for construction in CONSTRUCTIONS:
            for relation in construction(extractor, sentence, consumed):
                key = (relation.subject.key, relation.predicate, relation.object.key, relation.char_start)
                known = best.get(key)
                if known is None or _rank(relation) > _rank(known):
                    best[key] = relation
        for relation in best.values():
            if relation.char_start == sent.start_char and relation.time is not None and relation.time.point:
                timeline.append((lexicon.triggers(relation.predicate), relation.time.point))
    for relation in [*extractor.titles.finish(), *implicit_protests(extractor, list(best.values()))]:
        key = (relation.subject.key, relation.predicate, relation.object.key, relation.char_start)
        best.setdefault(key, relation)
    capitals = {(r.subject.key, r.object.key, r.char_start) for r in best.values() if r.predicate == "capitalOf"}
    kept = [
        r
        for r in extractor.titles.dated(list(best.values()))
        if not (r.predicate == "locatedIn" and (r.subject.key, r.object.key, r.char_start) in capitals)
    ]
    return sorted(kept, key=lambda r: (r.char_start, r.predicate, r.subject.key, r.object.key))


def _rank(relation: Relation) -> tuple:
    return (relation.modality == "Asserted", relation.time is not None, relation.confidence)
