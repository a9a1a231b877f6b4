"""The core that every relation construction shares.

:class:`Extractor` holds one document's parse and entities with the pieces the
constructions use: :class:`~kg.extraction.arguments.Arguments` (which entities a
token stands for), :class:`~kg.extraction.clauses.Clauses` (subjects and voice),
:class:`~kg.extraction.modality.Modality` and
:class:`~kg.extraction.timing.Timing`. It matches lexicon patterns against the
parse (:meth:`Extractor.patterns`, :meth:`Extractor.follow`) and turns
arguments into :class:`~kg.records.Relation` records with their time, modality,
attribution and confidence (:meth:`Extractor.emit`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

from kg.extraction.arguments import Arg, Arguments
from kg.extraction.clauses import Clauses, is_passive, passive_subjects, prepositional_objects
from kg.extraction.lexicon import Lexicon, Pattern, RelationSpec
from kg.extraction.modality import Modality
from kg.extraction.sentence import Sentence, word_forms
from kg.extraction.timing import Timing
from kg.records import EVENT_RELATIONS, Entity, Relation, TimeSpan
from kg.records import SYMMETRIC_RELATIONS as SYMMETRIC

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extraction.entities import DocumentEntities
    from kg.gazetteer import Gazetteer

__all__ = ["Confidence", "Extractor"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Confidence:
    """The confidence factors of the grammar file (``"confidence"``)."""

    #: Factor by how an argument was resolved: a name, a demonym, a metonym ...
    via: dict[str, float]
    #: Arguments found by following a control or coordinated verb.
    inherited: float
    #: Titles whose country or organisation comes from the sentence's context.
    title_context: float
    #: A relation stated through another ("withdrew" ends "memberOf").
    derived: float
    #: Patterns whose path in the parse is longer than ``long_path`` words.
    long_path: int
    long_path_factor: float
    #: Places located by apposition or "in".
    location: float
    #: Bounds of a statement's confidence.
    floor: float
    ceiling: float

    @classmethod
    def from_grammar(cls, grammar: dict) -> Confidence:
        values = grammar["confidence"]
        return cls(
            via={k: float(v) for k, v in values["via"].items()},
            **{k: (int(v) if k == "long_path" else float(v)) for k, v in values.items() if k != "via"},
        )


class Extractor:
    """One document's parse, entities and lexicon, and the means to state relations from them."""

    def __init__(
        self,
        doc: Doc,
        found: DocumentEntities,
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        min_confidence: float,
        document_id: str,
        document_date: date | None,
    ):
        self.doc = doc
        self.found = found
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.min_confidence = min_confidence
        self.document_id = document_id
        self.document_date = document_date
        self.confidence = Confidence.from_grammar(lexicon.grammar)
        self.arguments = Arguments(found, gazetteer, lexicon)
        self.clauses = Clauses(self.arguments, lexicon)
        self.arguments.subjects_of = self.clauses.subjects_of
        self.modality = Modality(lexicon)
        self.timing = Timing(lexicon)
        from kg.extraction.constructions.titles import TitleReader

        #: Titles of office read across the document's sentences.
        self.titles = TitleReader(self)
        self.prepositions = lexicon.words("prepositions")
        #: Prepositions that name the target of an event noun ("strikes on", "an ultimatum to");
        #: "in" only where a place can be the target ("lifted the curfew in Montenegro"),
        #: not where it is only where the event happened ("held talks in Beijing").
        self.target_prepositions = lexicon.words("target_prepositions")
        self.locative_prepositions = lexicon.words("locative_target_prepositions")
        self.locative_targets = lexicon.words("locative_target_relations")
        #: Missions that stand in another state's city ("opened an embassy in Tehran": Iran's)
        self.mission_nouns = lexicon.words("mission_nouns")
        #: Weapons and means, never the target of the act that uses them.
        self.state_acts = lexicon.words("state_acts")
        self.warning_modals = lexicon.words("warning_modals")
        #: Protesters named in the sentences read so far, with where (see :mod:`~kg.extraction.constructions.protests`)
        self.protesters: list[tuple[Token, Sentence, Arg]] = []
        self.instrument_nouns = lexicon.words("instrument_nouns")
        protest = lexicon.grammar["protest_sector"]
        self.protest_sector = (protest["from"], protest["to"])
        self.protest_relations = frozenset(protest["relations"])
        self.movement_relations = lexicon.words("movement_relations")
        self.weapon_settings = lexicon.words("walks", "weapon_setting_prepositions")
        self.complement_locatives = lexicon.words("walks", "complement_locative_prepositions")
        self.complement_reasons = lexicon.words("walks", "complement_reason_prepositions")
        self.departures = lexicon.words("departures", "relations")
        self.forces = lexicon.words("departures", "force_sectors")
        self.protest_relations = lexicon.words("protest_sector", "relations")
        self.unprotesting = lexicon.words("protest_sector", "not_protesting")
        #: Words that make a named organisation political ("Party", "Front", "Movement").
        self.political_words = lexicon.words("political_organisation_words")
        self.honorific_names = lexicon.words("titles", "honorifics_of_names")
        self._political_persons: frozenset[str] | None = None
        self.skippable_path_words = lexicon.words("skippable_path_words")
        anaphora = lexicon.grammar["event_anaphora"]
        self.event_anaphors = frozenset(anaphora["nouns"])
        self.anaphor_determiners = frozenset(anaphora["determiners"])
        self.anaphoric_relations = frozenset(anaphora["relations"])
        self.referred_acts = frozenset(anaphora["acts"])
        #: "called for his release": a request of whoever the earlier sentences say detained him
        self.release_nouns = frozenset(anaphora["release_nouns"])
        self.detaining_relations = frozenset(anaphora["detaining_relations"])
        #: "condemned his detention": acts named by their victim, and the relations that state them
        self.patient_nouns = frozenset(anaphora["patient_nouns"])
        self.patient_relations = frozenset(anaphora["patient_relations"])
        #: Relations whose nouns, naming no target, are on the country the story is about ("the U.S. embargo").
        self.story_targets = lexicon.words("story_target_relations")
        #: Place nouns that the place's name follows or modifies: "the Russian city of Beslan", "Sichuan province".
        self.naming_nouns = lexicon.words("naming_nouns")
        #: Relations a state has only with others, never with the persons in its own service.
        self.external_relations = lexicon.words("external_relations")
        #: "survived an Israeli assassination attempt": who survives or repels an act is its target.
        self.surviving_verbs = lexicon.words("surviving_verbs")
        #: Relations whose agents of some sectors take something for granted: (sectors, presupposed relations).
        self.agent_presuppositions = {
            relation: (frozenset(entry["sectors"]), tuple(sorted(entry["presupposes"].items())))
            for relation, entry in lexicon.grammar["agent_presuppositions"].items()
        }
        #: Facts of geography a noun names whatever the clause around it says ("the Israeli-Lebanon border").
        self.timeless_relations = lexicon.words("timeless_relations")
        #: Prepositions that place an act ("rioted at a jail in Israel").
        self.place_words = lexicon.words("agents", "locative_prepositions")
        #: The statements read from the sentences before the current one.
        self.earlier: list[Relation] = []

    # ------------------------------------------------------------------ lexicon patterns

    def patterns(self, index: dict[str, tuple[Pattern, ...]], token: Token) -> list[Pattern]:
        """The patterns of one index (verbs, nouns ...) whose trigger is ``token``."""
        # A pattern is indexed once, under its trigger, and the forms are distinct: no repeats.
        return [
            pattern for form in word_forms(token) for pattern in index.get(form, ()) if _prefix_matches(pattern, token)
        ]

    def may_follow(self, pattern: Pattern, sentence: Sentence) -> bool:
        """Whether every word of a pattern's path is in the sentence (a path word may be skipped)."""
        return _required_words(pattern.path, self.skippable_path_words) <= sentence.words

    def needs_object(self, pattern: Pattern) -> bool:
        """Whether a pattern names its object after a preposition ("cut tie with X")."""
        return bool(pattern.path) and pattern.path[-1] in self.prepositions

    def follow(
        self, trigger: Token, path: tuple[str, ...], noun_object: bool = False
    ) -> tuple[list[Token], list[Token]] | None:
        """Walk a pattern's path from its trigger; return (matched tokens, object heads).

        With ``noun_object`` the path is the verb's object noun and its modifiers,
        children of the verb and of each other ("impose economic sanctions").
        """
        if noun_object:
            return self._follow_noun(trigger, path)
        matched = [trigger]
        node = trigger
        for index, word in enumerate(path):
            step = self._child(matched, node, word)
            if step is None:
                if word in self.skippable_path_words and index < len(path) - 1:
                    continue  # "threatened to block": not a last "to", whose phrase names the object
                return None
            matched.append(step)
            node = step
        if len(matched) > 1 and (
            matched[-1].dep_ == "prt" or (matched[-1].dep_ == "advmod" and matched[-1].pos_ == "ADV")
        ):
            # a particle or adverb ends the phrase: the object is the verb's ("kicked out France's ambassador",
            # "pushed demonstrators away")
            verb = matched[-2]
            objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
            if not objects and is_passive(verb):
                objects = passive_subjects(verb)
            return matched, objects
        last = matched[-1]
        if last.dep_ in {"prep", "agent", "dative"} or (last.pos_ == "ADP" and last.i != trigger.i):
            return matched, [c for c in last.children if c.dep_ in {"pobj", "pcomp"}]
        if last.pos_ in {"VERB", "AUX"}:
            objects = [c for c in last.children if c.dep_ in {"dobj", "dative"}]
            if not objects and is_passive(last):
                objects = passive_subjects(last)
                if not objects and last.dep_ == "acl":
                    objects = [last.head]
            if not objects:
                # "left ECOWAS" parsed with a particle-like object; "supports Azerbaijan" as npadvmod
                objects = [
                    c
                    for c in last.children
                    if c.dep_ in {"attr", "oprd"} or (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > last.i)
                ]
            return matched, objects
        if last.i != trigger.i and last.pos_ in {"NOUN", "PROPN"}:
            # "summoned the Russian ambassador": the object is named by the noun's modifiers
            return matched, [last]
        return matched, []

    def _follow_noun(self, verb: Token, path: tuple[str, ...]) -> tuple[list[Token], list[Token]] | None:
        nouns = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}]
        if len(nouns) > 1:
            return None  # "held two journalists hostage": a second object says what the first is made
        for noun in nouns:
            if path[-1] not in word_forms(noun):
                # "suspended aid deliveries": the noun of the pattern may modify the object
                named = next((c for c in noun.children if c.dep_ == "compound" and path[-1] in word_forms(c)), None)
                if named is not None and len(path) == 1:
                    return [verb, named, noun], [noun]
                continue
            words = [noun]
            for word in reversed(path[:-1]):
                modifier = next(
                    (c for c in words[0].children if c.dep_ in {"compound", "amod"} and word in word_forms(c)), None
                )
                if modifier is None:
                    break
                words.insert(0, modifier)
            if len(words) == len(path):
                return [verb, *words], [noun]
        return None

    def _child(self, matched: list[Token], node: Token, word: str) -> Token | None:
        """The next word of a path: a child of the last matched token, else of an earlier one.

        The parser may hang a preposition on the verb rather than on its light noun
        ("imposed sanctions on", "cut ties with"), so earlier path tokens are searched too.
        """
        if node.dep_ == "compound" and node.head not in matched and word in word_forms(node.head):
            return node.head  # "a deportation order against", "a missile strike on": the noun it modifies
        anchors = [node, *reversed(matched[:-1])]
        trigger = matched[0]
        if word in self.prepositions and trigger.pos_ in {"VERB", "AUX"}:
            # "station a brigade in Lithuania": the place may hang on the object
            anchors += [c for c in trigger.children if c.dep_ == "dobj"]
        # "issued a deportation order on Tuesday against": the phrase the trigger heads, or modifies
        phrase = trigger.head if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" else trigger
        if (
            trigger.pos_ in {"NOUN", "PROPN"}
            and phrase.dep_ in {"nsubjpass", "dobj", "nsubj"}
            and word in self.prepositions
        ):
            anchors.append(phrase.head)  # "Concessions were made to Azerbaijan": the verb holds the phrase
        for anchor in anchors:
            for child in anchor.children:
                if child in matched or child.dep_ in {"aux", "auxpass", "mark", "punct", "cc", "neg", "det", "case"}:
                    continue
                if (
                    word in self.prepositions
                    and _dates(child)
                    and any(word in word_forms(c) and not _dates(c) for c in anchor.children if c.i > child.i)
                ):
                    continue  # "called on Thursday on Nigeria to": the phrase of time is not the path
                # in the passive the light noun is the subject: "relations were severed with"
                if child.dep_ in {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"} and not (
                    child.dep_ == "nsubjpass" and word not in self.prepositions
                ):
                    continue
                if word in word_forms(child):
                    return child
                # "normalising relations with": look one clause level down for the light noun's preposition
                if child.dep_ in {"acl", "xcomp"} and word != "to":
                    for grandchild in child.children:
                        if word in (grandchild.lemma_.lower(), grandchild.lower_):
                            return grandchild
        return None

    # ------------------------------------------------------------------ records

    def record(
        self,
        predicate: str,
        spec: RelationSpec,
        subject: Arg,
        obj: Arg,
        sentence: Sentence,
        time: TimeSpan | None,
        modality: str,
        confidence: float,
        reporter: Entity | None = None,
        role: str | None = None,
        qualifiers: tuple[tuple[str, str], ...] = (),
        time_role: str | None = None,
    ) -> Relation | None:
        """One statement, or None when it relates an entity to itself or its confidence is too low."""
        if subject.entity.key == obj.entity.key:
            return None
        if predicate in SYMMETRIC and subject.entity.key > obj.entity.key:
            subject, obj = obj, subject
        via = self.confidence.via
        factor = min(via.get(subject.via, 1.0), via.get(obj.via, 1.0))
        confidence = round(max(self.confidence.floor, min(self.confidence.ceiling, confidence * factor)), 2)
        if confidence < self.min_confidence:
            return None
        time_role = time_role or spec.time_role
        if time is not None and time_role in {"start", "end"} and time.point is not None:
            time = replace(time, point=None, **{time_role: time.point})
        if modality == "Asserted" and time is not None and self.document_date is not None:
            first = time.point or time.start
            if first is not None and first > self.document_date.isoformat()[: len(first)]:
                modality = "Future"  # "Scholz's trip to China next month"
        sent = sentence.sent
        return Relation(
            subject=subject.entity,
            predicate=predicate,
            object=obj.entity,
            document_id=self.document_id,
            evidence=sent.text.strip(),
            # the evidence's own offsets: not those of a blanked dateline or spaces before it
            char_start=sent.start_char + len(sent.text) - len(sent.text.lstrip()),
            char_end=sent.start_char + len(sent.text.rstrip()),
            subject_text=subject.text,
            object_text=obj.text,
            time=time,
            modality=modality,
            confidence=confidence,
            role=role,
            attributed_to=reporter,
            qualifiers=qualifiers,
            countries=self.countries_of(subject.entity, obj.entity, reporter),
        )

    def act_doers(self, tokens: list[Token], subjects: list[Arg], relation: str) -> list[Arg]:
        """Who did the act a noun refers back to: "EU leaders condemned the incident" (Belarus's).

        An act noun with a definite or demonstrative determiner and no actor of its own names
        the last act stated before its sentence by someone other than the speaker.
        """
        if relation not in self.anaphoric_relations:
            return []
        own = {a.entity.key for a in subjects}
        for token in tokens:
            if token.lemma_.lower() not in self.event_anaphors or not any(
                c.dep_ == "det" and c.lower_ in self.anaphor_determiners for c in token.children
            ):
                continue
            acts = [
                r
                for r in self.earlier
                if r.modality == "Asserted" and r.predicate in self.referred_acts and r.subject.key not in own
            ]
            if acts:
                last = max(acts, key=lambda r: r.char_start)
                return [Arg(last.subject, token.text, "coreference")]
        return []

    def detainers(self, tokens: list[Token], sentence: Sentence) -> list[Arg]:
        """Who holds the person whose release a noun names: "called for his immediate release".

        The holder is the one the earlier sentences say detained that person; a
        call for a release is a request of whoever can grant it.
        """
        return self._doers_to_patients(tokens, sentence, self.release_nouns, self.detaining_relations)

    def patient_doers(self, tokens: list[Token], sentence: Sentence) -> list[Arg]:
        """Who did an act a noun names by its victim: "Britain condemned his detention" (his jailer's).

        The doer is the noun's "by" phrase, else the one the earlier sentences
        say did such an act to that victim; the victim is never the one condemned.
        """
        acts = [t for t in tokens if t.lemma_.lower() in self.patient_nouns]
        named = self.arguments.args([p for t in acts for p in prepositional_objects(t, {"by"})], sentence)
        return named or self._doers_to_patients(acts, sentence, self.patient_nouns, self.patient_relations)

    def _doers_to_patients(
        self, tokens: list[Token], sentence: Sentence, nouns: frozenset[str], relations: frozenset[str]
    ) -> list[Arg]:
        """The doer of the last asserted earlier act of ``relations`` on the victim a noun of ``nouns`` names."""
        acts = [t for t in tokens if t.lemma_.lower() in nouns]
        patients = [c for t in acts for c in t.children if c.dep_ == "poss"]
        patients += [p for t in acts for p in prepositional_objects(t, {"of"})]
        keys = {a.entity.key for a in self.arguments.args(patients, sentence)}
        earlier = [
            r for r in self.earlier if r.modality == "Asserted" and r.predicate in relations and r.object.key in keys
        ]
        if not earlier:
            return []
        last = max(earlier, key=lambda r: r.char_start)
        return [Arg(last.subject, acts[0].text, "coreference")]

    def political(self, arg: Arg) -> bool:
        """Whether an argument is a political actor: a state, an organisation of states, a state's
        body or agent, a political organisation, or a person the text or the gazetteer gives a role.

        Sport and business news name persons and clubs that meet, beat and visit;
        only political actors make an event of the vocabulary.
        """
        entity = arg.entity
        if entity.type in {"Country", "InternationalOrganization", "GovernmentBody", "Agent"}:
            return True
        if entity.type == "Organization":
            words = set(entity.label.lower().replace("-", " ").split())
            return entity.key in self.gazetteer or bool(entity.country) or bool(words & self.political_words)
        if entity.type == "Person":
            return entity.key in self.political_persons
        return False

    @property
    def political_persons(self) -> frozenset[str]:
        """Persons with a political role in the document: a title, an honorific, the gazetteer's."""
        if self._political_persons is None:
            self._political_persons = frozenset(self._persons_with_roles())
        return self._political_persons

    def _persons_with_roles(self):
        titles = self.titles.title_words | self.titles.honorifics | self.honorific_names
        for mention in self.found.mentions:
            entity = self.found.entities.get(mention.entity_key)
            if entity is None or entity.type != "Person":
                continue
            if entity.key in self.gazetteer:
                yield entity.key
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            before = [t.lower_.rstrip(".") for t in self.doc[max(span.start - 3, 0) : span.start]]
            around = [c.lower_ for t in span for c in t.children if c.dep_ == "appos"]
            if span.root.dep_ == "appos":
                around.append(span.root.head.lower_)
            if any(word in titles for word in before + around):
                yield entity.key

    def as_protesters(self, subject: Arg) -> Arg:
        """ "Hundreds of citizens took to the streets to protest": people who protest are protesters."""
        entity = subject.entity
        if entity.type != "Agent" or entity.sector != self.protest_sector[0] or entity.country not in self.gazetteer:
            return subject
        from kg.extraction.agents import agent_entity

        protesters = agent_entity(self.gazetteer[entity.country], self.protest_sector[1])
        self.found.entities.setdefault(protesters.key, protesters)
        return Arg(protesters, subject.text, subject.via)

    def own_person(self, first: Entity, second: Entity) -> bool:
        """Whether one entity is a country and the other in its service: a person the gazetteer places
        there, or the state's own agents ("senior soldiers delivered an address to the nation")."""
        pair = {first.type, second.type}
        if pair not in ({"Country", "Person"}, {"Country", "Agent"}):
            return False
        country, other = (first, second) if first.type == "Country" else (second, first)
        if other.type == "Agent" and other.sector not in self.arguments.state_sectors:
            return False  # "Sudan's government met the Darfur rebels": rebels are not in its service
        return other.country == country.key

    def same_country(self, first: Entity, second: Entity) -> bool:
        """Whether two entities are, or belong to, the same country."""

        def country(entity: Entity) -> str | None:
            return entity.key if entity.type == "Country" else (entity.country or entity.capital_of)

        return country(first) is not None and country(first) == country(second)

    def subject_countries(
        self, subjects: list[Arg], trigger: Token | None = None, sentence: Sentence | None = None
    ) -> list[Arg]:
        """Whom a protest without a target is against: the state where it is held, else the protesters' own.

        "Palestinian prisoners rioted at a jail in northern Israel" (Israel);
        "protesters took to the streets" (their own state).
        """
        if trigger is not None and sentence is not None:
            held = self.country_where(trigger, sentence)
            if held is not None:
                return [held]
        found = []
        for subject in subjects:
            country = self.gazetteer.get(subject.entity.country) if subject.entity.type == "Agent" else None
            if country is not None and country.type == "Country":
                self.found.entities.setdefault(country.key, country)
                found.append(Arg(country, subject.text, "context"))
        return found

    def country_where(self, trigger: Token, sentence: Sentence) -> Arg | None:
        """The country of the place an event is said to happen "in" or "at", if the text names one."""
        places = [
            p
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ in {"in", "at"}
            for p in c.subtree
            if p.dep_ == "pobj"
        ]
        for arg in self.arguments.args(places, sentence):
            key = arg.entity.key if arg.entity.type == "Country" else (arg.entity.country or arg.entity.capital_of)
            if key and key in self.gazetteer and self.gazetteer[key].type == "Country":
                country = self.gazetteer[key]
                self.found.entities.setdefault(country.key, country)
                return Arg(country, arg.text, "context")
        return None

    def acting_state(self, pattern: Pattern, trigger: Token, sentence: Sentence) -> list[Arg]:
        """Who arrests or jails when the text does not say: the state where it happens, else the story's.

        "Suu Kyi and President Win Myint were detained in the capital Naypyidaw"
        (Myanmar); only acts that a state's authorities alone carry out
        (grammar ``state_acts``) are read so.
        """
        if " ".join((pattern.trigger, *pattern.path)) not in self.state_acts:
            return []
        held = self.country_where(trigger, sentence)
        if held is not None:
            return [held]
        home = self._home_country()
        return [self._from_context(home, trigger)] if home is not None else []

    def story_country(self, subjects: list[Arg], trigger: Token) -> list[Arg]:
        """The country the story is about, as the target of an act that names none, when the actors are others."""
        home = self._home_country()
        if home is None or not subjects:
            return []
        if any(s.entity.key == home.key or s.entity.country == home.key for s in subjects):
            return []  # "Cuba's own restrictions": no target of its own acts
        return [self._from_context(home, trigger)]

    def _home_country(self) -> Entity | None:
        """The country the story is about, if the document has one."""
        home = self.gazetteer.get(self.found.home) if self.found.home else None
        return home if home is not None and home.type == "Country" else None

    def _from_context(self, entity: Entity, trigger: Token) -> Arg:
        """An argument the text leaves implicit, taken from the document's context."""
        self.found.entities.setdefault(entity.key, entity)
        return Arg(entity, trigger.text, "context")

    def demanded_releases(self, clauses: Iterable[Token]) -> list[Token]:
        """The release nouns the clauses demand ("to demand the release of aid workers")."""
        return [o for c in clauses for o in c.children if o.dep_ == "dobj" and o.lemma_.lower() in self.release_nouns]

    def countries_of(self, *entities: Entity | None) -> tuple[Entity, ...]:
        """The country records of the entities' ``country`` keys, for the graph to link."""
        found: dict[str, Entity] = {}
        for entity in entities:
            if entity is None or not entity.country or entity.type == "Country":
                continue
            country = self.found.entities.get(entity.country) or self.gazetteer.get(entity.country)
            if country is not None and country.type == "Country":
                found.setdefault(country.key, country)
        return tuple(found.values())

    def emit(
        self,
        pattern: Pattern,
        subjects: list[Arg],
        objects: list[Arg],
        sentence: Sentence,
        trigger: Token,
        matched: list[Token],
        inherited: bool,
        modality: str | None = None,
        dated: bool = True,
    ) -> Iterator[Relation]:
        """The statements of a pattern between each fitting subject and object."""
        spec = self.lexicon.relations[pattern.relation]
        if pattern.reverse:
            subjects, objects = objects, subjects
        if spec.agent_relation:
            # "Kenyan police arrived in Haiti": agents of these sectors state another relation
            instead = dict(spec.agent_relation)
            moved = [s for s in subjects if s.entity.type == "Agent" and s.entity.sector in instead]
            for subject in moved:
                other = replace(pattern, relation=instead[subject.entity.sector], reverse=False)
                yield from self.emit(other, [subject], objects, sentence, trigger, matched, inherited, modality, dated)
            subjects = [s for s in subjects if s not in moved]
        presupposing = self.agent_presuppositions.get(pattern.relation)
        if presupposing and not pattern.presupposes and objects and all(o.entity.type == "Country" for o in objects):
            # "Israeli troops will withdraw from southern Lebanon": troops withdraw from where they are;
            # leaving a city ("left Kherson") does not end their presence in the country
            sectors, presupposed = presupposing
            moved = [s for s in subjects if s.entity.type == "Agent" and s.entity.sector in sectors]
            if moved:
                other = replace(pattern, presupposes=presupposed)
                yield from self.emit(other, moved, objects, sentence, trigger, matched, inherited, modality, dated)
                subjects = [s for s in subjects if s not in moved]
        if pattern.relation in self.protest_relations:
            subjects = [self.as_protesters(s) for s in subjects]
        fit = self.arguments.fit
        subjects = [a for a in (fit(s, spec.subject_types) for s in subjects) if a is not None]
        objects = [a for a in (fit(o, spec.object_types) for o in objects) if a is not None]
        own = {s.entity.key for s in subjects}
        # "France and Germany recalled their ambassadors": what "their" refers back to is the subjects' own
        objects = [o for o in objects if not (o.via == "coreference" and o.entity.key in own)]
        if spec.excluded_sectors:
            objects = [o for o in objects if o.entity.sector not in spec.excluded_sectors]
        if "Place" not in spec.subject_types:
            # a relation between actors involves places the gazetteer knows, not "Rustaveli Avenue"
            objects = [o for o in objects if o.entity.type != "Place" or o.entity.country or o.entity.capital_of]
        if not objects and spec.default_object == "subject_country":
            objects = self.subject_countries(subjects, trigger, sentence)
        if spec.name in EVENT_RELATIONS and not any(map(self.political, subjects + objects)):
            return  # "Liverpool beat Chelsea", "he met Neville's cross": no political actor takes part
        if not subjects or not objects:
            return
        time = self.timing.of(trigger, matched, sentence) if dated else None
        found_modality, reporting_verb = self.modality.of(trigger, spec.attempt_is_act)
        negation = self.modality.negation_words
        if any(c.dep_ == "det" and c.lower_ in negation for t in matched[1:] for c in t.children):
            found_modality = "Negated"  # "have no diplomatic relations"
        modality = modality or found_modality
        if pattern.kind != "verb" and spec.name in self.timeless_relations and modality != "Negated":
            modality = "Asserted"  # "will move away from the Israeli-Lebanon border": the border is there
        reporter = self.modality.reporter(reporting_verb, trigger, sentence, self.arguments)
        confidence = pattern.confidence * (self.confidence.inherited if inherited else 1.0)
        if len(matched) > self.confidence.long_path:
            confidence *= self.confidence.long_path_factor
        qualifiers: tuple[tuple[str, str], ...] = ()
        if spec.commodity:
            goods = [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            if goods:
                qualifiers = (("commodity", goods[0].text),)
        for subject in subjects:
            for obj in objects:
                if pattern.relation in self.movement_relations and self.same_country(subject.entity, obj.entity):
                    continue  # troops cannot withdraw from, visit or be stationed in their own country
                if (
                    pattern.relation in self.departures
                    and obj.entity.type == "Place"
                    and subject.entity.sector not in self.forces
                    and any(c.dep_ == "dobj" and c.text in obj.text for c in trigger.children)
                ):
                    continue  # "a diplomat who left Pyongyang" travelled; "withdrew its troops from" did not
                if (
                    pattern.relation in self.protest_relations
                    and subject.entity.sector in self.unprotesting
                    and not pattern.declared_protest
                ):
                    continue  # "Israeli forces blocked main roads": a closure, not a protest
                if pattern.relation in self.external_relations and self.own_person(subject.entity, obj.entity):
                    continue  # "President Musharraf and Prime Minister Aziz attended a meeting": no state meets its own
                made = self.record(
                    pattern.relation,
                    spec,
                    subject,
                    obj,
                    sentence,
                    time,
                    modality,
                    confidence,
                    reporter,
                    qualifiers=qualifiers,
                    time_role=pattern.time_role,
                )
                if made is None:
                    continue
                yield made
                yield from self._also(spec, subject, obj, sentence, time, made.modality, confidence, reporter)
                yield from self._presupposed(pattern, subject, obj, sentence, time, made.modality, confidence)

    def _also(
        self,
        spec: RelationSpec,
        subject: Arg,
        obj: Arg,
        sentence: Sentence,
        time: TimeSpan | None,
        modality: str,
        confidence: float,
        reporter: Entity | None,
    ) -> Iterator[Relation]:
        """The relations a relation states too ("joined" starts a "memberOf")."""
        for other, role in spec.also:
            other_spec = self.lexicon.relations.get(other)
            if other_spec is None:
                continue
            s, o = (
                self.arguments.fit(subject, other_spec.subject_types),
                self.arguments.fit(obj, other_spec.object_types),
            )
            if s is None or o is None:
                continue
            derived_time = None
            if time is not None and time.point is not None:
                derived_time = TimeSpan(time.text, **{role: time.point})
            derived = self.record(
                other,
                other_spec,
                s,
                o,
                sentence,
                derived_time,
                modality,
                confidence * self.confidence.derived,
                reporter,
            )
            if derived is not None:
                yield derived

    def _presupposed(
        self,
        pattern: Pattern,
        subject: Arg,
        obj: Arg,
        sentence: Sentence,
        time: TimeSpan | None,
        modality: str,
        confidence: float,
    ) -> Iterator[Relation]:
        """What the words take for granted, asserted whatever the pattern's modality.

        "called on Rwanda to withdraw its forces from DR Congo" does not say they
        withdrew, but that they are there; an asserted withdrawal also ends it then.
        """
        for other, role in pattern.presupposes:
            other_spec = self.lexicon.relations.get(other)
            if other_spec is None:
                continue
            s, o = (
                self.arguments.fit(subject, other_spec.subject_types),
                self.arguments.fit(obj, other_spec.object_types),
            )
            if s is None or o is None:
                continue
            presupposed_time = None
            if modality == "Asserted" and time is not None and time.point is not None:
                presupposed_time = TimeSpan(time.text, **{role: time.point})
            made = self.record(
                other,
                other_spec,
                s,
                o,
                sentence,
                presupposed_time,
                "Asserted",
                confidence * self.confidence.derived,
                None,
            )
            if made is not None:
                yield made

    def symmetric_pairs(
        self, pattern: Pattern, args: list[Arg], sentence: Sentence, trigger: Token, matched: list[Token]
    ) -> Iterator[Relation]:
        """ "Uzbek-US cooperation", "X and Y met": every pair of the coordinated actors."""
        if pattern.relation not in SYMMETRIC or len(args) < 2:
            return
        for first, second in combinations(args, 2):
            yield from self.emit(pattern, [first], [second], sentence, trigger, matched, False)


@lru_cache(maxsize=8192)
def _required_words(path: tuple[str, ...], skippable: frozenset[str]) -> frozenset[str]:
    """The words of a pattern's path that the sentence must hold for the path to match."""
    return frozenset(word for word in path if word not in skippable)


def _prefix_matches(pattern: Pattern, token: Token) -> bool:
    """Whether the words before ``token`` spell a hyphenated trigger ("build - up")."""
    if not pattern.prefix:
        return True
    start = token.i - len(pattern.prefix)
    return start >= 0 and tuple(t.lower_ for t in token.doc[start : token.i]) == pattern.prefix


def _dates(preposition: Token) -> bool:
    """Whether a preposition's object is a date or time ("on Thursday")."""
    return preposition.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in preposition.children
    )
