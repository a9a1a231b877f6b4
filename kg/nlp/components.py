"""geokg's spaCy components, registered under the ``spacy_factories`` entry point.

``geokg_entities`` links the entities spaCy found to the gazetteer, persons and
coreferent mentions; ``geokg_relations`` extracts relations. Both keep their
results on the ``Doc`` as plain records (never ``Span`` objects), so documents
pickle and ``nlp.pipe(n_process=...)`` works::

    doc._.geokg_entities   # dict: entity key -> kg.records.Entity
    doc._.geokg_mentions   # tuple of kg.records.Mention
    doc._.geokg_relations  # tuple of kg.records.Relation

(read-only views of ``geokg_entity_data``, ``geokg_mention_data`` and
``geokg_relation_data``, the same records as plain dicts and lists).

Set ``doc._.geokg_document_id`` and ``doc._.geokg_document_date`` (ISO string)
before the pipeline runs to give statements their provenance and relative
dates their anchor.
"""

from __future__ import annotations

from collections import deque
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ConfigError
from kg.extraction.agents import AgentSettings
from kg.extraction.document import Layout, LayoutSettings, read_layout
from kg.extraction.entities import DocumentEntities, EntitySettings, find_mentions
from kg.extraction.lexicon import Lexicon
from kg.extraction.relations import extract_relations
from kg.gazetteer import Gazetteer
from kg.nlp.readable import Breaks, readable
from kg.records import (
    Entity,
    Mention,
    Relation,
    entity_from_data,
    mention_from_data,
    relation_from_data,
    to_data,
)

__all__ = [
    "DatelineTokenizer",
    "GazetteerRuler",
    "EntityLinker",
    "RelationExtractor",
    "make_entity_linker",
    "make_gazetteer_ruler",
    "make_relation_extractor",
]

# The results are stored as plain data (dicts and lists), so a Doc goes through
# msgpack (DocBin, nlp.pipe(n_process=...)); the getters hand out records.
for _name, _default in (
    ("geokg_document_id", ""),
    ("geokg_document_date", None),
    ("geokg_entity_data", None),
    ("geokg_mention_data", None),
    ("geokg_relation_data", None),
    ("geokg_layout_data", None),
    # the dateline the tokenizer blanked out: [start, end, its text as written]
    ("geokg_dateline", None),
    # offsets in the doc back to offsets in the text as given (kg.nlp.readable)
    ("geokg_text_breaks", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _entities(doc: Doc) -> dict[str, Entity] | None:
    data = doc._.geokg_entity_data
    return None if data is None else {key: entity_from_data(value) for key, value in data.items()}


def _mentions(doc: Doc) -> tuple[Mention, ...]:
    return tuple(mention_from_data(m) for m in doc._.geokg_mention_data or ())


def _relations(doc: Doc) -> tuple[Relation, ...]:
    return tuple(relation_from_data(r) for r in doc._.geokg_relation_data or ())


for _name, _getter in (("geokg_entities", _entities), ("geokg_mentions", _mentions), ("geokg_relations", _relations)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, getter=_getter)


def _lexicon(relations_path: str | None, grammar_path: str | None) -> Lexicon:
    return Lexicon.load(relations_path or None, grammar_path or None)


class GazetteerRuler:
    """Marks the gazetteer's names, abbreviations and demonyms as entities, before ``ner``.

    Two phrase matchers do the work: exact case for abbreviations, one-word
    names and demonyms ("US", "Niger", "Uzbek"), any case for names of several
    words ("collective security treaty organisation"). Overlapping matches keep
    the longest. Each entity span carries the gazetteer key as its ``ent_id_``.
    """

    def __init__(self, nlp: Language, name: str, *, gazetteer_path: str | None):
        from spacy.matcher import PhraseMatcher

        self.name = name
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_matcher: dict[int, tuple[list[str], list[str]]] = {id(self.exact): ([], []), id(self.folded): ([], [])}
        matchers = {id(self.exact): self.exact, id(self.folded): self.folded}
        gazetteer = Gazetteer.load(gazetteer_path or None)
        # words of persons' names ("Sadr" of Muqtada al-Sadr) are not acronyms written as words ("SADR")
        name_words = {
            w
            for e in gazetteer
            if e.type == "Person"
            for n in (e.label, *e.aliases)
            for w in n.replace("-", " ").split()
        }
        for entry in gazetteer.ruler_patterns(persons=True):
            pattern = entry["pattern"]
            if isinstance(pattern, list):
                attribute = next(iter(pattern[0]))
                text = " ".join(token[attribute] for token in pattern)
                matcher = self.folded if attribute == "LOWER" else self.exact
            else:
                text, matcher = pattern, self.exact
            keys, texts = by_matcher[id(matcher)]
            keys.append(f"{entry['label']}|{entry['id']}")
            texts.append(text)
            if matcher is self.exact and text.isalpha() and text.istitle() and len(text) >= 4:
                # "PAKISTANI troops", "GAZA CITY": names in a capitalised lead or dateline
                keys.append(f"{entry['label']}|{entry['id']}")
                texts.append(text.upper())
            if (
                matcher is self.exact
                and text.isalpha()
                and text.isupper()
                and len(text) >= 4
                and text.title() not in name_words
            ):
                # "Ecowas", "Nato", "Opec": acronyms written as words in British style
                keys.append(f"{entry['label']}|{entry['id']}")
                texts.append(text.title())
        for matcher_id, (keys, texts) in by_matcher.items():
            grouped: dict[str, list] = {}
            for key, doc in zip(keys, nlp.tokenizer.pipe(texts)):
                grouped.setdefault(key, []).append(doc)
            for key, docs in grouped.items():
                matchers[matcher_id].add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                if matcher is self.folded and not _written_as_a_name(doc[start:end]):
                    continue  # "annexation of Crimea" in running text is a description
                label, key = doc.vocab.strings[match_id].split("|", 1)
                spans.append(Span(doc, start, end, label=label, span_id=key))
        if spans:
            kept = filter_spans(spans)
            others = [e for e in doc.ents if not any(e.start < k.end and k.start < e.end for k in kept)]
            doc.ents = filter_spans(kept + others)
        return doc


def _written_as_a_name(span) -> bool:
    """A name matched in any case must still begin with a capital ("Security Council", "UN"), or
    with a short particle joined to one ("al Qaeda", "bin Laden")."""
    words = [t for t in span if not t.is_punct and t.lower_ not in {"the", "of"}]
    if not words or not words[0].is_lower:
        return True
    return len(words) > 1 and len(words[0]) <= 3 and words[1].text[:1].isupper()


class EntityLinker:
    """Links entity mentions to gazetteer entries, persons and earlier mentions."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        relations_path: str | None,
        grammar_path: str | None,
        gazetteer_path: str | None,
    ):
        self.name = name
        self.gazetteer = Gazetteer.load(gazetteer_path or None)
        lexicon = _lexicon(relations_path, grammar_path)
        coreference = lexicon.grammar["coreference"]
        titles = lexicon.grammar["titles"]
        self.settings = EntitySettings(
            title_words=lexicon.title_words("ranks", "leader", "official") | frozenset(titles["national_words"]),
            title_modifiers=frozenset(titles["national_words"]),
            occupations=frozenset(titles["occupations"]),
            honorifics=frozenset(titles["honorifics_of_names"]),
            descriptions={k: tuple(v) for k, v in coreference["descriptions"].items()},
            pronouns={k: tuple(v) for k, v in coreference["pronouns"].items()},
            coreference_window=int(coreference.get("window", 2)),
            named_heads=frozenset(coreference.get("named_heads", ())),
            national_body_words=frozenset(lexicon.grammar["national_body_words"]),
            generic_body_names=frozenset(lexicon.grammar["generic_body_names"]),
            organisation_heads=frozenset(lexicon.grammar["organisation_heads"]),
            number_words=tuple(lexicon.grammar["number_words"]),
            organisation_name_words=frozenset(lexicon.grammar["organisation_name_words"]),
            natural_event_words=frozenset(lexicon.grammar["natural_event_words"]),
            home_descriptions=frozenset(coreference["home_descriptions"]),
            capital_descriptions=frozenset(coreference["capital_descriptions"]),
            layout=layout_settings(lexicon.grammar["document"]),
            agents=agent_settings(lexicon),
        )

    def __call__(self, doc: Doc) -> Doc:
        found = find_mentions(doc, self.gazetteer, self.settings)
        doc._.geokg_entity_data = {key: to_data(e) for key, e in found.entities.items()}
        doc._.geokg_mention_data = [to_data(m) for m in found.mentions]
        doc._.geokg_layout_data = {**found.layout.to_data(), "home": found.home}
        return doc


def layout_settings(section: dict) -> LayoutSettings:
    """The grammar file's ``"document"`` section as :class:`~kg.extraction.document.LayoutSettings`."""
    return LayoutSettings(
        headline_max_chars=int(section["headline_max_chars"]),
        dateline_max_chars=int(section["dateline_max_chars"]),
        agency_words=frozenset(section["agency_words"]),
        weights={k: float(v) for k, v in section["weights"].items()},
        home_min_weight=float(section["home_min_weight"]),
        broken_references={str(k): str(v) for k, v in section["broken_references"].items()},
    )


def agent_settings(lexicon: Lexicon) -> AgentSettings:
    """The agent nouns of the lexicon and the grammar's ``"agents"`` section."""
    section = lexicon.grammar["agents"]
    return AgentSettings(
        nouns=lexicon.agent_nouns,
        plural_only=lexicon.plural_only_agents,
        foreign_modifiers=frozenset(section["foreign_modifiers"]),
        country_prepositions=frozenset(section["country_prepositions"]),
        locative_prepositions=frozenset(section["locative_prepositions"]),
        instruments=frozenset(lexicon.grammar["instrument_nouns"]),
        people_sector=section["people_sector"],
        creed_modifiers=frozenset(section["creed_modifiers"]),
        follower_nouns=frozenset(section["follower_nouns"]),
        site_nouns=frozenset(section["site_nouns"]),
        spokesman_nouns=frozenset(section["spokesman_nouns"]),
        state_sectors=frozenset(section["state_sectors"]),
        state_heads=frozenset(lexicon.grammar["state_heads"]),
        ethnic_words=frozenset(section["ethnic_words"]),
        named_country_only=frozenset(section["named_country_only"]),
        captive_nouns=frozenset(section["captive_nouns"]),
        generic_name_words=frozenset(section["generic_name_words"]),
        longest_phrase=int(section["longest_phrase"]),
        control_participles=frozenset(section["control_participles"]),
    )


class RelationExtractor:
    """Extracts the relations of the vocabulary with time, modality and confidence."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        relations_path: str | None,
        grammar_path: str | None,
        gazetteer_path: str | None,
        min_confidence: float,
    ):
        self.name = name
        self.gazetteer = Gazetteer.load(gazetteer_path or None)
        self.lexicon = _lexicon(relations_path, grammar_path)
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.geokg_entities
        if entities is None:
            raise ConfigError(
                "geokg_relations needs the entities of geokg_entities; "
                "add 'geokg_entities' to the pipeline before 'geokg_relations'"
            )
        layout = dict(doc._.geokg_layout_data or {})
        home = layout.pop("home", None)
        found = DocumentEntities(dict(entities), list(doc._.geokg_mentions), Layout(**layout), home)
        raw_date = doc._.geokg_document_date
        document_date = date.fromisoformat(raw_date) if raw_date else None
        relations = extract_relations(
            doc,
            found,
            self.gazetteer,
            self.lexicon,
            min_confidence=self.min_confidence,
            document_id=doc._.geokg_document_id or "",
            document_date=document_date,
        )
        data = doc._.geokg_entity_data
        doc._.geokg_entity_data = {  # the entities extraction left as they were keep their data
            key: data[key] if entities.get(key) is entity else to_data(entity) for key, entity in found.entities.items()
        }
        doc._.geokg_relation_data = [to_data(r) for r in relations]
        return doc


class DatelineTokenizer:
    """Tokenizes a news text as the parser should read it, its dateline blanked out.

    The parser reads the text with the character references a scraper left
    behind repaired and runs of spaces made one (:mod:`kg.nlp.readable`);
    ``doc._.geokg_text_breaks`` maps the doc's offsets back to the text as
    given. A dateline or byline ("BRASILIA, Brazil - Hundreds of ...") names
    where and by whom a story was filed; left in, the parser makes it the
    first sentence's subject, so it is replaced by spaces of the same length.
    Everything else is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer, settings: LayoutSettings, gazetteer: Gazetteer):
        self.tokenizer = tokenizer
        self.settings = settings
        self.gazetteer = gazetteer

    def __call__(self, text: str) -> Doc:
        blanked, notes = self.blank(text)
        return self._noted(self.tokenizer(blanked), notes)

    def pipe(self, texts, batch_size: int = 1000):
        notes: deque[tuple] = deque()

        def blanked():
            for text in texts:
                blank, noted = self.blank(text)
                notes.append(noted)
                yield blank

        for doc in self.tokenizer.pipe(blanked(), batch_size=batch_size):
            yield self._noted(doc, notes.popleft())

    @staticmethod
    def _noted(doc: Doc, notes: tuple) -> Doc:
        # the dateline: where the story was filed still counts for what it is about
        doc._.geokg_dateline, doc._.geokg_text_breaks = notes
        return doc

    def blank(self, text: str) -> tuple[str, tuple[list | None, Breaks]]:
        """The text to tokenize, with the dateline as ``[start, end, text]`` (None if none) and the breakpoints."""
        text, breaks = readable(text, self.settings.broken_references)
        layout = read_layout(text, self.settings, self._is_place)
        if not layout.dateline_end:
            return text, (None, breaks)
        start, end = layout.dateline_start, layout.dateline_end
        blanked = text[:start] + "".join(c if c == "\n" else " " for c in text[start:end]) + text[end:]
        return blanked, ([start, end, text[start:end]], breaks)

    def _is_place(self, name: str) -> bool:
        return any(e.type in {"Place", "Country"} for e in self.gazetteer.lookup(name))

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


_PATHS = {"relations_path": None, "grammar_path": None, "gazetteer_path": None}


@Language.factory("geokg_ruler", default_config={"gazetteer_path": None})
def make_gazetteer_ruler(nlp: Language, name: str, gazetteer_path: str | None) -> GazetteerRuler:
    """Create the ``geokg_ruler`` component (add it before ``ner``)."""
    return GazetteerRuler(nlp, name, gazetteer_path=gazetteer_path)


@Language.factory("geokg_entities", default_config=dict(_PATHS))
def make_entity_linker(
    nlp: Language, name: str, relations_path: str | None, grammar_path: str | None, gazetteer_path: str | None
) -> EntityLinker:
    """Create the ``geokg_entities`` component."""
    return EntityLinker(
        nlp, name, relations_path=relations_path, grammar_path=grammar_path, gazetteer_path=gazetteer_path
    )


@Language.factory("geokg_relations", default_config={**_PATHS, "min_confidence": 0.0})
def make_relation_extractor(
    nlp: Language,
    name: str,
    relations_path: str | None,
    grammar_path: str | None,
    gazetteer_path: str | None,
    min_confidence: float,
) -> RelationExtractor:
    """Create the ``geokg_relations`` component."""
    return RelationExtractor(
        nlp,
        name,
        relations_path=relations_path,
        grammar_path=grammar_path,
        gazetteer_path=gazetteer_path,
        min_confidence=min_confidence,
    )
