"""Titles and roles: "Uzbek Defence Minister Bakhodir Kurbanov", "Pekka Haavisto, Finland's foreign minister".

A person named with a title of office is ``leaderOf`` (heads of state,
government and organisations) or ``officialOf`` (ministers, envoys, officers)
the country, organisation or body the title names; the role as written is kept
on the statement (``gkg:role``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.extraction.agents import agent_entity
from kg.extraction.arguments import Arg
from kg.extraction.clauses import description_before
from kg.records import STANDING_RELATIONS, TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extraction.core import Extractor
    from kg.extraction.sentence import Sentence
    from kg.records import Entity, Relation

__all__ = ["title_relations", "TitleReader"]


def title_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """The leaderOf and officialOf statements of the persons named in the sentence."""
    yield from extractor.titles.relations(sentence)


@dataclass(frozen=True)
class _Reading:
    """A title that named nothing where it stood ("President Emmanuel Macron")."""

    person: Arg
    relation: str
    role_text: str
    core: str
    root: Token
    sentence: Sentence
    visited: Arg | None
    former: bool = False


class TitleReader:
    """Finds the titles around persons' names and the entities they are titles of."""

    def __init__(self, extractor: Extractor):
        self.extractor = extractor
        titles = extractor.lexicon.grammar["titles"]
        self.leader_titles = frozenset(titles["leader"])
        self.official_titles = frozenset(titles["official"])
        self.honorifics = frozenset(titles["honorifics"])
        self.generic_titles = frozenset(titles["generic"])
        self.context_roles = frozenset(titles["context_roles"])
        self.title_modifiers = frozenset(titles["national_words"])
        self.lesser_words = frozenset(titles["lesser_rank_words"])
        self.organisational_roles = frozenset(titles["organisational_roles"])
        #: Words that make a title one outside the state's offices ("opposition leader", "rebel commander").
        self.non_state_modifiers = frozenset(titles["non_state_modifiers"])
        self.rank_titles = frozenset(titles["rank_titles"])
        self.envoy_roles = frozenset(titles["envoy_roles"])
        self.national_titles = dict(titles["national_titles"])
        self.office_ending_verbs = frozenset(titles["office_ending_verbs"])
        self.title_words = extractor.lexicon.title_words("leader", "official") | self.title_modifiers
        #: Persons whose titles named their country or organisation: person key -> entity key.
        self.anchored: dict[str, str] = {}
        #: Who holds a role of an entity in this document: (entity key, role) -> person key.
        self.claims: dict[tuple[str, str], str] = {}
        #: Roles described without a person ("the French ambassador"): role -> (country key, sentence start).
        self.descriptions: dict[str, set[tuple[str, int]]] = {}
        self.pending: list[_Reading] = []
        self.office_start_phrases = frozenset(titles["office_start_phrases"])
        self.office_start_verbs = frozenset(phrase.split()[0] for phrase in self.office_start_phrases)
        self.former_words = frozenset(titles["former_words"])
        #: Capitalised words a title may carry and still be the story country's ("Acting President").
        self.qualifying_words = self.title_words | self.honorifics | self.former_words | self.lesser_words
        #: When persons took office, read from "came to power in 2016": person key -> time.
        self.office_starts: dict[str, TimeSpan] = {}
        self.counterpart_nouns = frozenset(titles["counterpart_nouns"])
        #: "his Chinese counterpart Xi Jinping": (person, whose counterpart, country, sentence), read at the end.
        self.counterparts: list[tuple[Arg, Arg, Arg, Sentence]] = []

    def role_of(self, words: list[Token]) -> tuple[str, str] | None:
        """The longest title of office at the end of ``words``: (kind, role as written)."""
        words = [w for w in words if w.text not in {"-", "\u2013"}]  # "Major-General" is a major general
        lowered = [w.lower_.rstrip(".") for w in words]
        known = self.leader_titles | self.official_titles
        for start in range(len(words)):
            phrase = " ".join(lowered[start:])
            core_words = lowered[start:]
            while core_words and core_words[0] in self.title_modifiers and " ".join(core_words) not in known:
                core_words = core_words[1:]
            core = " ".join(core_words)
            text = " ".join(w.text for w in words[start:])
            if core in self.leader_titles and phrase:
                kind = "official" if any(w in self.lesser_words for w in lowered[start:]) else "leader"
                return kind, text
            if core in self.official_titles:
                return "official", text
        return None

    def relations(self, sentence: Sentence) -> Iterator[Relation]:
        """The titles read in one sentence: those naming what they are titles of, now.

        Titles without it ("President Emmanuel Macron") wait for :meth:`finish`,
        which reads them with what the whole document says.
        """
        extractor = self.extractor
        found = extractor.found
        people = {}
        for mentions in sentence.by_token.values():
            for mention in mentions:
                if found.entities[mention.entity_key].type == "Person":
                    people.setdefault((mention.start, mention.entity_key), mention)
        doc = sentence.sent.doc
        fit = extractor.arguments.fit
        holders: set[int] = set()
        covered: list[tuple[int, int]] = []
        # the longest of the names that start together first: "Patricio Quevedo", not "Patricio"
        for (_, key), mention in sorted(people.items(), key=lambda item: (item[0][0], -item[1].end, item[0][1])):
            if any(start <= mention.start and mention.end <= end for start, end in covered):
                continue
            covered.append((mention.start, mention.end))
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            person = Arg(found.entities[key], mention.text, mention.via)
            unanchored: list[_Reading] = []
            done = False
            for words, context in self.title_phrases(span, sentence):
                role = self.role_of(words)
                if role is None:
                    continue
                holders.update(w.i for w in words)
                kind, role_text = role
                relation = "leaderOf" if kind == "leader" else "officialOf"
                spec = extractor.lexicon.relations[relation]
                anchors = [self.people_state(a) for a in extractor.arguments.args(context, sentence)]
                core = self.core_role(role_text)
                # "Quebec Premier Francois Legault", "Moscow Mayor Sergei Sobyanin": an office of the province
                # or city, not of its country; a capital stands for its state only in a state's office
                # ("Moscow's ambassador")
                local = [
                    a
                    for a in anchors
                    if a.entity.type == "Place"
                    and (
                        core in self.generic_titles
                        if a.entity.capital_of
                        else not a.entity.metonym_for  # "Kremlin spokesman": the seat of power is the state
                    )
                ]
                if local:
                    continue
                fitted = [a for a in (fit(x, spec.object_types) for x in anchors) if a is not None]
                # "the Iranian film director", "a Russian military leader": nationality, not office
                fitted = [
                    a
                    for a in fitted
                    if not (a.via == "demonym" and core in self.generic_titles and role_text.lower() != "leader")
                ]
                if fitted:
                    anchor = self.state_of_body(fitted[0])
                    if anchor is not fitted[0]:
                        # "Secretary of the Security Council": an official of the state, the body in the role
                        relation, spec = "officialOf", extractor.lexicon.relations["officialOf"]
                        body = fitted[0].entity.label.split(" (")[0]
                        if body.lower() not in role_text.lower():
                            role_text = f"{role_text} of {body}"
                    self.anchored.setdefault(key, anchor.entity.key)
                    self.claims.setdefault((anchor.entity.key, core), key)
                    made = self._office(
                        relation,
                        spec,
                        person,
                        replace(anchor, via="title"),
                        sentence,
                        spec.confidence,
                        role_text,
                        self._former(words),
                    )
                    if made is not None:
                        yield made
                    done = True
                    break
                if self._foreign_qualifier(words, context, sentence, national=core in self.national_titles):
                    continue  # "the Catalan Education Minister": of a region or people the text does not name
                if core not in self.generic_titles or core in self.context_roles or core in self.rank_titles:
                    unanchored.append(
                        _Reading(
                            person,
                            relation,
                            role_text,
                            core,
                            span.root,
                            sentence,
                            self.visited_host(span.root, sentence),
                            self._former(words),
                        )
                    )
            if not done and unanchored:
                self.pending.append(unanchored[0])
            if not done and not unanchored:
                self._read_counterpart(person, span, sentence)
        self._read_descriptions(sentence, holders)
        self._read_office_starts(sentence)

    def _foreign_qualifier(
        self, words: list[Token], context: list[Token], sentence: Sentence, *, national: bool = False
    ) -> bool:
        """Whether a title is qualified by a capitalised word that names no entity: "the Catalan
        Education Minister", "Kurdish Prime Minister". It is an office of what that word names,
        not of the country the story is about. A title that is one country's office (`national`)
        is another's with any such word, even the sentence's first ("Coptic Pope Tawadros")."""
        doc = sentence.sent.doc
        first = sentence.sent.start - 1 if national else sentence.sent.start
        before = [doc[words[0].i - 1]] if words[0].i > sentence.sent.start else []
        qualifiers = self.qualifying_words
        return any(
            t.i > first
            and t.pos_ in {"ADJ", "PROPN"}
            and t.text[:1].isupper()
            and t.lower_.rstrip(".") not in qualifiers
            and t.dep_ in {"amod", "compound"}
            and not sentence.mentions(t)
            for t in (*before, *context)
        )

    def _office(
        self,
        relation: str,
        spec,
        person: Arg,
        anchor: Arg,
        sentence: Sentence,
        confidence: float,
        role_text: str,
        former: bool,
    ) -> Relation | None:
        """The office a title states; a former one ("former President Sarkozy") ended before the document."""
        time = None
        if former:
            if self.extractor.document_date is None:
                return None  # ended, but when is not known at all
            said = (
                role_text
                if any(w.lower().strip("-") in self.former_words for w in role_text.split())
                else f"former {role_text}"
            )
            time = TimeSpan(said, end=self.extractor.document_date.isoformat())
        return self.extractor.record(
            relation, spec, person, anchor, sentence, time, "Asserted", confidence, role=tidy_role(role_text)
        )

    def _former(self, words: list[Token]) -> bool:
        """Whether a title is a past one: "former French President", "ex-President", "the late King"."""
        if not words:
            return False
        doc = words[0].doc
        # the title's modifiers, however many: "former Iraqi governing council president Ahmed Chalabi"
        phrase = words[-1]
        while phrase.dep_ in {"compound", "amod"} and phrase.head.i > phrase.i:
            phrase = phrase.head
        start = min(phrase.left_edge.i, max(words[0].sent.start, words[0].i - 3))
        return any(t.lower_.strip("-") in self.former_words for t in (*doc[start : words[0].i], *words))

    def people_state(self, anchor: Arg) -> Arg:
        """ "Hugo Chavez as their president" (the Venezuelans'): a people's leader leads their state."""
        entity = self.extractor.found.entities.get(anchor.entity.key, anchor.entity)
        if entity.type != "Agent" or entity.sector in self.extractor.arguments.state_sectors:
            return anchor
        country = self.extractor.gazetteer.get(entity.country or "")
        if country is None or country.type != "Country":
            return anchor
        self.extractor.found.entities.setdefault(country.key, country)
        return Arg(country, anchor.text, anchor.via)

    def _read_office_starts(self, sentence: Sentence) -> None:
        """ "since he came to power in 2016", "took office in May": when a person's office began."""
        extractor = self.extractor
        if not sentence.times:
            return  # an office start is read only with its date
        for verb in sentence.tokens:
            if (
                verb.pos_ not in {"VERB", "AUX"}
                or verb.lemma_.lower() not in self.office_start_verbs
                or office_phrase(verb) not in self.office_start_phrases
            ):
                continue
            time = extractor.timing.of(verb, [verb], sentence)
            if time is None or time.point is None:
                continue
            # "was sworn in": the one sworn in is the passive's subject
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
            holders = passive or extractor.clauses.subjects_of(verb, sentence)
            for holder in extractor.arguments.args(holders, sentence):
                if holder.entity.type == "Person":
                    self.office_starts.setdefault(holder.entity.key, TimeSpan(time.text, start=time.point))

    def dated(self, relations: list[Relation]) -> list[Relation]:
        """Undated offices of persons the document says when they took: dated from then."""
        return [
            replace(r, time=self.office_starts[r.subject.key])
            if r.predicate in {"leaderOf", "officialOf"} and r.time is None and r.subject.key in self.office_starts
            else r
            for r in relations
        ]

    def state_of_body(self, anchor: Arg) -> Arg:
        """A national body's head or official is an official of its state ("Israeli foreign ministry spokesman")."""
        entity = anchor.entity
        if entity.type != "GovernmentBody" or not entity.country:
            return anchor
        country = self.extractor.found.entities.get(entity.country) or self.extractor.gazetteer.get(entity.country)
        if country is None or country.type != "Country":
            return anchor
        self.extractor.found.entities.setdefault(country.key, country)
        return Arg(country, anchor.text, anchor.via)

    def _read_descriptions(self, sentence: Sentence, holders: set[int]) -> None:
        """Titles named without a person ("the French ambassador"): a later "Ambassador Joel Meyer" is that one."""
        extractor = self.extractor
        for token in sentence.tokens:
            if token.i in holders or token.pos_ != "NOUN" or token.lower_.rstrip(".") not in self.title_words:
                continue
            if token.head.i != token.i and token.dep_ in {"compound", "amod"} and token.head.pos_ in {"NOUN", "PROPN"}:
                continue  # part of a longer title
            words, context = self.title_noun(token)
            role = self.role_of(words)
            if role is None:
                continue
            anchors = [a for a in extractor.arguments.args(context, sentence) if a.entity.type == "Country"]
            if anchors:
                self.descriptions.setdefault(self.core_role(role[1]), set()).add(
                    (anchors[0].entity.key, sentence.sent.start)
                )

    def finish(self) -> Iterator[Relation]:
        """The titles that named nothing where they stood, read with the whole document."""
        extractor = self.extractor
        pending, self.pending = self.pending, []
        for reading in pending:
            key = reading.person.entity.key
            if key in self.anchored:
                continue  # "French Foreign Minister Le Drian ... Foreign Minister Le Drian"
            anchor = self.document_anchor(reading)
            if anchor is None:
                continue
            spec = extractor.lexicon.relations[reading.relation]
            fitted = extractor.arguments.fit(anchor, spec.object_types)
            if fitted is None:
                continue
            self.anchored[key] = fitted.entity.key
            self.claims.setdefault((fitted.entity.key, reading.core), key)
            made = self._office(
                reading.relation,
                spec,
                reading.person,
                replace(fitted, via="title"),
                reading.sentence,
                spec.confidence * extractor.confidence.title_context,
                reading.role_text,
                reading.former,
            )
            if made is not None:
                yield made
        yield from self.counterpart_offices()

    def _read_counterpart(self, person: Arg, span: Span, sentence: Sentence) -> None:
        """ "met his Chinese counterpart Xi Jinping", "Wang Yi, Blinken's Chinese counterpart": the person
        holds, in the country the noun names, the office that the possessor holds in his own."""
        root = span.root
        nouns = [root.head] if root.dep_ == "appos" else []
        nouns += [c for c in root.children if c.dep_ == "appos"]
        resolve = self.extractor.arguments.resolve
        for noun in nouns:
            if noun.lemma_.lower() not in self.counterpart_nouns or sentence.mentions(noun):
                continue
            owners = [a for c in noun.children if c.dep_ == "poss" for a in resolve(c, sentence)]
            countries = [
                a
                for c in noun.children
                if c.dep_ in {"amod", "compound"}
                for a in resolve(c, sentence)
                if a.entity.type == "Country"
            ]
            if len(owners) == 1 and owners[0].entity.type == "Person" and len(countries) == 1:
                self.counterparts.append((person, owners[0], countries[0], sentence))
                return

    def counterpart_offices(self) -> Iterator[Relation]:
        """The offices of the counterparts read in the document, once every title is read."""
        extractor = self.extractor
        counterparts, self.counterparts = self.counterparts, []
        for person, owner, country, sentence in counterparts:
            kinds = self.offices_held(owner.entity)
            if len(kinds) != 1 or country.entity.key in kinds[0][1]:
                continue  # no office known, or two; or a counterpart in the owner's own country
            relation = kinds[0][0]
            spec = extractor.lexicon.relations[relation]
            extractor.found.entities.setdefault(country.entity.key, country.entity)
            made = self._office(
                relation,
                spec,
                person,
                replace(country, via="title"),
                sentence,
                spec.confidence * extractor.confidence.title_context,
                "counterpart",
                False,
            )
            if made is not None:
                yield made

    def offices_held(self, person: Entity) -> list[tuple[str, frozenset[str]]]:
        """The kinds of office (leaderOf, officialOf) a person holds, each with where: as this document's
        titles say, else as the gazetteer has it in the document's year (or now, undated)."""
        held: dict[str, set[str]] = {}
        for (where, core), key in self.claims.items():
            if key == person.key:
                kind = "leaderOf" if core in self.leader_titles else "officialOf"
                held.setdefault(kind, set()).add(where)
        if not held:
            date = self.extractor.document_date
            for title, where, start, end in self.extractor.gazetteer.roles(person.key):
                current = end is None if date is None else start <= date.year <= (end or date.year)
                if current:
                    kind = "leaderOf" if title.lower() in self.leader_titles else "officialOf"
                    held.setdefault(kind, set()).add(where)
        return [(kind, frozenset(where)) for kind, where in held.items()]

    def document_anchor(self, reading: _Reading) -> Arg | None:
        """What an unanchored title is a title of, from the sentence and the document.

        In order: the organisation named in the sentence for an organisation's
        title ("Secretary General Jens Stoltenberg ... NATO"); the one country an
        earlier description gave the role ("the French ambassador" ... "Ambassador
        Joel Meyer"); the country visited ("visited Kyiv, where he met President
        Zelensky"); else the country the document is about, unless the role is an
        envoy's (envoys serve abroad), or the one country the sentence's actors
        and places belong to ("protestors stormed parliament in a bid to topple PM
        Manasseh Sogavare" in a story from Australia), or another person already holds that role of
        that country in the document. A military rank makes its holder an officer
        of the country's military.
        """
        extractor = self.extractor
        gazetteer = extractor.gazetteer
        organisational = reading.core in self.organisational_roles
        if organisational:
            organisations: dict[str, Arg] = {}  # by entity: "EU farm commissioner ... the bloc" is one
            for mentions in reading.sentence.by_token.values():
                for m in mentions:
                    entity = extractor.found.entities[m.entity_key]
                    if entity.type == "InternationalOrganization":
                        organisations.setdefault(entity.key, Arg(entity, m.text, m.via))
            return next(iter(organisations.values())) if len(organisations) == 1 else None
        known = self.known_anchor(reading)
        if known is not None:
            return known
        if reading.visited is not None:
            return reading.visited
        # a description in an earlier sentence is the same person; in the same sentence, another one
        described = {
            key for key, start in self.descriptions.get(reading.core, set()) if start < reading.sentence.sent.start
        }
        country_key: str | None = None
        via = "coreference"
        if len(described) == 1:
            country_key = next(iter(described))
        elif reading.core in self.national_titles:
            country_key = self.national_titles[reading.core]  # "Secretary of State" is a US office
        elif (
            reading.core not in self.envoy_roles
            and self.sentence_country(reading) is not None
            and not self.acts_on(reading, self.sentence_country(reading))
        ):
            country_key = self.sentence_country(reading)
            via = "context"
        elif (
            reading.core not in self.envoy_roles
            and extractor.found.home
            and not self.acts_on(reading, extractor.found.home)
        ):
            country_key = extractor.found.home
            via = "context"
        if country_key is None or country_key not in gazetteer:
            return None
        if self.claims.get((country_key, reading.core), reading.person.entity.key) != reading.person.entity.key:
            return None  # "Venezuelan President Maduro ... President Trump": one president a country
        country = gazetteer[country_key]
        extractor.found.entities.setdefault(country.key, country)
        if reading.core in self.rank_titles:
            military = agent_entity(country, "Military")
            extractor.found.entities.setdefault(military.key, military)
            return Arg(military, reading.person.text, via)
        return Arg(country, reading.person.text, via)

    def sentence_country(self, reading: _Reading) -> str | None:
        """The one country that the other actors and places of the title's sentence belong to, if one."""
        entities = self.extractor.found.entities
        countries = set()
        for mentions in reading.sentence.by_token.values():
            for mention in mentions:
                entity = entities[mention.entity_key]
                if entity.key == reading.person.entity.key or entity.type == "Person":
                    continue
                key = entity.key if entity.type == "Country" else entity.capital_of or entity.country
                if not key:
                    return None  # an organisation or place of no known country
                countries.add(key)
        return next(iter(countries)) if len(countries) == 1 else None

    def known_anchor(self, reading: _Reading) -> Arg | None:
        """What the gazetteer says a known person holds the title of ("President Donald Trump")."""
        extractor = self.extractor
        gazetteer = extractor.gazetteer
        person = reading.person.entity
        if person.key not in gazetteer:
            return None
        wanted = reading.core.replace("-", " ")
        places = [
            where
            for title, where, _start, _end in gazetteer.roles(person.key)
            if title.lower().replace("-", " ").endswith(wanted) or wanted.endswith(title.lower())
        ]
        key = places[0] if places else person.country
        if key is None or key not in gazetteer:
            return None
        entity = gazetteer[key]
        extractor.found.entities.setdefault(entity.key, entity)
        return Arg(entity, reading.person.text, "title")

    def acts_on(self, reading: _Reading, country_key: str) -> bool:
        """Whether the person acts on the country in the sentence ("Minister Katz visited Cyprus").

        The country is the object of an event the person's verb states (a visit, a
        criticism, an attack): a visitor or a critic is not that country's minister.
        """
        root = reading.root
        if root.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        extractor = self.extractor
        verb = root.head
        # the event in the verb ("visited Kenya") or in its object noun ("began a state visit to Kenya")
        events = [(verb, p) for p in extractor.patterns(extractor.lexicon.verbs, verb)]
        events += [
            (noun, p)
            for noun in verb.children
            if noun.dep_ == "dobj"
            for p in extractor.patterns(extractor.lexicon.nouns, noun)
            if p.path
        ]
        for trigger, pattern in events:
            if pattern.relation in STANDING_RELATIONS:
                continue
            followed = extractor.follow(trigger, pattern.path, pattern.noun_object)
            if followed is None:
                continue
            for arg in extractor.arguments.args(followed[1], reading.sentence):
                if arg.via != "demonym" and country_key in {arg.entity.key, arg.entity.capital_of}:
                    return True
        return False

    def visited_host(self, root: Token, sentence: Sentence) -> Arg | None:
        """ "visited Kyiv, where he met President Zelensky": the country of the place visited."""
        if root.dep_ in {"nsubj", "nsubjpass"}:
            return None  # "King X began a visit": the visitor, not the host
        extractor = self.extractor
        visited: list[Token] = []
        for token in sentence.tokens:
            if token.pos_ not in {"VERB", "AUX"} or root.i in {c.i for c in token.children if c.dep_ == "nsubj"}:
                continue
            for pattern in extractor.patterns(extractor.lexicon.verbs, token):
                followed = extractor.follow(token, pattern.path) if pattern.relation == "visited" else None
                if followed is not None:
                    visited += followed[1]  # the place visited: "visited Kyiv", "flew to Kyiv"
        gazetteer = extractor.gazetteer
        for place in visited:
            for mention in sentence.mentions(place):
                entity = extractor.found.entities[mention.entity_key]
                if mention.via == "coreference":
                    continue
                capital = entity.type == "Place" and entity.capital_of in gazetteer
                country = gazetteer[entity.capital_of] if capital else entity
                if country.type == "Country":
                    extractor.found.entities.setdefault(country.key, country)
                    return Arg(country, mention.text, "metonym" if capital else mention.via)
        return None

    def core_role(self, role_text: str) -> str:
        """A role without its qualifiers: "Deputy Foreign Minister" -> "foreign minister"."""
        words = [w.rstrip(".") for w in role_text.lower().split()]
        while len(words) > 1 and " ".join(words) not in self.leader_titles | self.official_titles:
            words = words[1:]
        return " ".join(words)

    def title_phrases(self, span: Span, sentence: Sentence) -> Iterator[tuple[list[Token], list[Token]]]:
        """Candidate (title words, anchor tokens) around a person's name."""
        doc = span.doc
        root = span.root
        # 1. Premodifiers: "Uzbekistan's Defence Minister Bahodir Kurbanov", "Kremlin spokesman Dmitry Peskov".
        subtree = {t.i for t in root.subtree}
        before = description_before(root)
        if before is not None:
            # "IAEA chief Mohamed ElBaradei said": a title and the name the parser split from it are one phrase
            subtree |= {t.i for t in before.subtree}
        # a capitalised title right before the name is its title, however the parser attached it
        # ("Pope John Paul prayed" parsed with "Pope" as an object)
        index = span.start - 1
        while (
            index >= sentence.sent.start
            and doc[index].text[:1].isupper()
            and doc[index].lower_.rstrip(".") in self.title_words
            and not sentence.mentions(doc[index])
        ):
            subtree.add(index)
            index -= 1
        words: list[Token] = []
        context: list[Token] = []
        index = span.start - 1
        while index >= sentence.sent.start and index in subtree:
            token = doc[index]
            if token.is_punct and token.text not in {"-", "\u2013"}:
                break
            if not context and token.lower_.rstrip(".") in self.title_words and not sentence.mentions(token):
                words.insert(0, token)
            elif words and token.lower_ in self.non_state_modifiers:
                words = []  # "Kenya's opposition leader Raila Odinga" holds no office of Kenya
                break
            elif not words and not context and token.lower_.rstrip(".") in self.honorifics:
                pass  # "Prime Minister Sheikh Hasina": an honorific between the title and the name
            elif words and not context and token.lower_.strip("-") in self.former_words:
                pass  # "Iraq's toppled leader Saddam Hussein": the office's end, read by _former
            elif (
                words
                and not context
                and token.lower_ == "of"
                and index > sentence.sent.start
                and doc[index - 1].lower_.rstrip(".") in self.title_words
            ):
                words.insert(0, token)  # "Secretary of State John Kerry"
            elif token.lower_ in {"'s", "\u2019s", "the", "-", "\u2013"}:
                pass
            elif words and sentence.mentions(token):
                context.insert(0, token)
            else:
                break
            index -= 1
        if words:
            yield words, context
        # 1b. The same apposition read from the words when the parse misses it:
        #     "the head of United States Central Command (Centcom), General Michael Kurilla"
        surface = self.surface_apposition(span, sentence)
        if surface is not None:
            yield surface
        # 2. Apposition after the name: "Pekka Haavisto, Finland's foreign minister".
        for child in root.children:
            if child.dep_ == "appos":
                yield self.title_noun(child)
        # 3. Name in apposition to a title: "the commander of X, General Y" (possibly attached to X).
        if root.dep_ == "appos":
            head = root.head
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ == "of":
                yield self.title_noun(head.head.head)
            yield self.title_noun(head)
        # 4. Copula: "Y is the president of X".
        if root.dep_ == "nsubj":
            for child in root.head.children:
                if child.dep_ == "attr":
                    yield self.title_noun(child)
        # 5. "Y was sworn in as Pakistan's prime minister", "Y, named as head of X", "Y, taking over as
        #    prime minister", "Y, who served as Yemen's ambassador", "kept Y as their president"
        holders = [root, *(c for c in root.children if c.dep_ in {"acl", "relcl"})]
        if root.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            holders += [root.head, *(c for c in root.head.children if c.dep_ in {"xcomp", "advcl", "conj"})]
        for prep in (
            c
            for t in holders
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "as" and c.head.lemma_.lower() not in self.office_ending_verbs
        ):  # "fired as commander"
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    yield self.title_noun(noun)

    def surface_apposition(self, span: Span, sentence: Sentence) -> tuple[list[Token], list[Token]] | None:
        """ "<role> of <organisation> [(<abbreviation>)], [rank] <name>" read left from the name."""
        doc = span.doc
        start = sentence.sent.start
        index = span.start - 1
        while index > start and doc[index].lower_.rstrip(".") in self.honorifics:
            index -= 1
        if index <= start or doc[index].text != ",":
            return None
        index -= 1
        if doc[index].text == ")":
            while index > start and doc[index].text != "(":
                index -= 1
            index -= 1
        if index >= start and doc[index].lower_ in self.title_words and doc[index].pos_ == "NOUN":
            # "Qatar's emir, Tamim bin Hamad Al Thani": the title noun right before the name
            return self.title_noun(doc[index])
        mentions = sentence.mentions(doc[index]) if index >= start else []
        if not mentions:
            return None
        organisation = doc[index]
        named = doc.char_span(mentions[0].start, mentions[0].end, alignment_mode="expand")
        if named is None:
            return None
        index = named.start - 1
        if index >= start and doc[index].lower_ == "the":
            index -= 1
        if index < start + 1 or doc[index].lower_ != "of":
            return None
        role_end = index
        while index > start and doc[index - 1].lower_ in self.title_words:
            index -= 1
        if index == role_end:
            return None
        return list(doc[index:role_end]), [organisation]

    def title_noun(self, noun: Token) -> tuple[list[Token], list[Token]]:
        """The title words of a title noun and the tokens that may name what it is a title of."""
        if any(c.lower_ in self.non_state_modifiers for c in noun.lefts if c.dep_ in {"compound", "amod"}):
            return [], []  # "the country's opposition leader": no office of the country
        words = [c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.lower_.rstrip(".") in self.title_words]
        words.append(noun)
        context = [c for c in noun.lefts if c.dep_ in {"poss", "compound", "amod", "nmod"} and c not in words]
        context += [
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "to", "from"}  # "an official from the ministry"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        return words, context


def office_phrase(verb: Token) -> str:
    """A verb with its particle, object or prepositional object: "come to power", "take office", "swear in"."""
    words = [verb.lemma_.lower()]
    for child in verb.children:
        if child.dep_ == "prt":
            words.append(child.lower_)
        elif child.dep_ == "dobj":
            words.append(child.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ in {"to", "into"}:
            words += [child.lower_, *(p.lemma_.lower() for p in child.children if p.dep_ == "pobj")]
    return " ".join(words)


def tidy_role(text: str) -> str:
    """A role as written, without articles: "the Foreign Minister" -> "Foreign Minister"."""
    words = [w for w in text.split() if w.lower() not in {"the", "a", "an"}]
    return " ".join(words).strip(" ,")
