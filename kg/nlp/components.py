"""geokg's spaCy components, registered under the ``spacy_factories`` entry point.

``geokg_entities`` links the entities spaCy found to the gazetteer, persons and
coreferent mentions; ``geokg_relations`` extracts relations. Both keep their
results on the ``Doc`` as plain records (never ``Span`` objects), so documents
pickle and ``nlp.pipe(n_process=...)`` works::

    doc._.geokg_entities   # dict: entity key -> kg.records.Entity
    doc._.geokg_mentions   # tuple of kg.records.Mention
    doc._.geokg_relations  # tuple of kg.records.Relation

Set ``doc._.geokg_document_id`` and ``doc._.geokg_document_date`` (ISO string)
before the pipeline runs to give statements their provenance and relative
dates their anchor.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from kg.extraction.entities import DocumentEntities, EntitySettings, find_mentions
from kg.extraction.lexicon import Lexicon
from kg.extraction.relations import RelationSettings, extract_relations
from kg.gazetteer import Gazetteer

__all__ = ["EntityLinker", "RelationExtractor", "make_entity_linker", "make_relation_extractor"]

for _name, _default in (
    ("geokg_document_id", ""),
    ("geokg_document_date", None),
    ("geokg_entities", None),
    ("geokg_mentions", ()),
    ("geokg_relations", ()),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _lexicon(relations_path: str | None, grammar_path: str | None) -> Lexicon:
    return Lexicon.load(relations_path or None, grammar_path or None)


class EntityLinker:
    """Links entity mentions to gazetteer entries, persons and earlier mentions."""

    def __init__(self, nlp: Language, name: str, *, relations_path: str | None,
                 grammar_path: str | None, gazetteer_path: str | None):
        self.name = name
        self.gazetteer = Gazetteer.load(gazetteer_path or None)
        lexicon = _lexicon(relations_path, grammar_path)
        coreference = lexicon.grammar["coreference"]
        titles = lexicon.grammar["titles"]
        self.settings = EntitySettings(
            title_words=frozenset(
                w for phrase in titles["ranks"] + titles["leader"] + titles["official"]
                for w in phrase.split()
            ) | frozenset(titles["national_words"]),
            title_modifiers=frozenset(titles["national_words"]),
            descriptions={k: tuple(v) for k, v in coreference["descriptions"].items()},
            pronouns={k: tuple(v) for k, v in coreference["pronouns"].items()},
            coreference_window=int(coreference.get("window", 2)),
            national_body_words=frozenset(lexicon.grammar["national_body_words"]),
        )

    def __call__(self, doc: Doc) -> Doc:
        found = find_mentions(doc, self.gazetteer, self.settings)
        doc._.geokg_entities = found.entities
        doc._.geokg_mentions = tuple(found.mentions)
        return doc


class RelationExtractor:
    """Extracts the relations of the vocabulary with time, modality and confidence."""

    def __init__(self, nlp: Language, name: str, *, relations_path: str | None,
                 grammar_path: str | None, gazetteer_path: str | None, min_confidence: float):
        self.name = name
        self.gazetteer = Gazetteer.load(gazetteer_path or None)
        self.lexicon = _lexicon(relations_path, grammar_path)
        self.settings = RelationSettings(min_confidence=min_confidence)

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.geokg_entities
        if entities is None:
            raise ValueError(
                "geokg_relations needs the entities of geokg_entities; "
                "add 'geokg_entities' to the pipeline before 'geokg_relations'"
            )
        found = DocumentEntities(dict(entities), list(doc._.geokg_mentions))
        raw_date = doc._.geokg_document_date
        document_date = date.fromisoformat(raw_date) if raw_date else None
        relations = extract_relations(
            doc, found, self.gazetteer, self.lexicon, self.settings,
            document_id=doc._.geokg_document_id or "", document_date=document_date,
        )
        doc._.geokg_entities = found.entities
        doc._.geokg_relations = tuple(relations)
        return doc


_PATHS = {"relations_path": None, "grammar_path": None, "gazetteer_path": None}


@Language.factory("geokg_entities", default_config=dict(_PATHS))
def make_entity_linker(nlp: Language, name: str, relations_path: str | None,
                       grammar_path: str | None, gazetteer_path: str | None) -> EntityLinker:
    """Create the ``geokg_entities`` component."""
    return EntityLinker(nlp, name, relations_path=relations_path, grammar_path=grammar_path,
                        gazetteer_path=gazetteer_path)


@Language.factory("geokg_relations", default_config={**_PATHS, "min_confidence": 0.0})
def make_relation_extractor(nlp: Language, name: str, relations_path: str | None,
                            grammar_path: str | None, gazetteer_path: str | None,
                            min_confidence: float) -> RelationExtractor:
    """Create the ``geokg_relations`` component."""
    return RelationExtractor(nlp, name, relations_path=relations_path, grammar_path=grammar_path,
                             gazetteer_path=gazetteer_path, min_confidence=min_confidence)
