"""Argument resolution: which entities a token of the parse stands for.

A token names entities through its own mentions; a relative pronoun through
the noun its clause describes; a possessive or object pronoun through the
nearest fitting mention before it; a generic head ("the Uzbek government",
"Lithuania's foreign minister") through its modifiers; a title through the
person in apposition to it. :meth:`Arguments.fit` checks that an argument fits
a relation's slot, letting a capital or seat of power stand for its government.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.extraction.clauses import prepositional_objects
from kg.extraction.lexicon import ACTOR_TYPES, Lexicon, RelationSpec
from kg.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.entities import DocumentEntities
    from kg.extraction.sentence import Sentence
    from kg.gazetteer import Gazetteer

__all__ = ["Arg", "Arguments"]


@dataclass(frozen=True)
class Arg:
    """One argument of a relation: the entity, the words that name it, how it was resolved."""

    entity: Entity
    text: str
    via: str


#: Finds the subject tokens of the verb of a clause (see :class:`kg.extraction.clauses.Clauses`).
SubjectsOf = Callable[["Token", "Sentence"], list["Token"]]


class Arguments:
    """Resolves tokens to the entities they stand for."""

    def __init__(self, found: DocumentEntities, gazetteer: Gazetteer, lexicon: Lexicon):
        self.found = found
        self.gazetteer = gazetteer
        grammar = lexicon.grammar
        pronouns = grammar["pronouns"]
        self.relative_pronouns = frozenset(pronouns["relative"])
        self.possessive_pronouns = frozenset(pronouns["possessive"])
        self.person_possessives = frozenset(pronouns["person_possessive"])
        self.plural_possessives = frozenset(pronouns["plural_possessive"])
        self.object_pronouns = frozenset(pronouns["object"])
        self.person_relatives = frozenset(pronouns["person_relative"])
        self.speaker_pronouns = frozenset(pronouns["speaker"])
        self.reported_pronouns = pronouns["reported_speaker"]
        self.body_titles = frozenset(pronouns["body_titles"])
        self.protest_nouns = frozenset(grammar["protests"]["nouns"])
        self.reporting_verbs = frozenset(grammar["reporting_verbs"])
        self.depth = int(grammar["walks"]["resolve_depth"])
        self.anchor_hops = int(grammar["walks"]["relative_anchor_hops"])
        self.place_hops = int(grammar["walks"]["place_chain_hops"])
        self.generic_heads = lexicon.words("generic_heads")
        titles = grammar["titles"]
        self.title_words = lexicon.title_words("leader", "official") | frozenset(titles["national_words"])
        self.place_prepositions = frozenset(grammar["place_prepositions"])
        self.quantity_nouns = frozenset(grammar["quantity_nouns"])
        self.reason_prepositions = frozenset(grammar["reason_prepositions"])
        self.doer_prepositions = frozenset(grammar["doer_prepositions"])
        self.private_roles = frozenset(grammar["private_role_nouns"])
        self.patient_nouns = frozenset(grammar["event_anaphora"]["patient_nouns"])
        self.association_participles = frozenset(grammar["association_participles"])
        self.retinue_nouns = frozenset(grammar["retinue_nouns"])
        self.carrier_nouns = frozenset(grammar["carriers"]["nouns"])
        self.facility_nouns = frozenset(grammar["facilities"]["nouns"])
        self.meeting_nouns = frozenset(grammar["meetings"]["nouns"])
        self.meeting_relations = frozenset(grammar["meetings"]["relations"])
        self.facility_prepositions = frozenset(grammar["facilities"]["prepositions"])
        #: A site "on the Egyptian border" is at the edge of Egypt, not inside it.
        self.edge_nouns = frozenset(grammar["facilities"]["edge_nouns"])
        self.carrying_verbs = frozenset(grammar["carriers"]["carrying_verbs"])
        self.instruments = frozenset(grammar["instrument_nouns"])
        self.followers = frozenset(grammar["agents"]["follower_nouns"])
        self.plural_pronouns = frozenset(grammar["pronouns"]["plural_objects"])
        self.state_heads = frozenset(grammar["state_heads"])
        #: Heads a country's name or demonym does not make its state's: "an Iraqi group" is no Iraq.
        self.stateless_heads = frozenset(grammar["stateless_heads"])
        #: Sectors whose agents act for their state; rebels, protesters or criminals do not.
        self.state_sectors = frozenset(grammar["agents"]["state_sectors"])
        #: Agents that stand for their state where a relation needs one: its organs, and its people
        #: ("ordered the Americans to leave"), not groups within it.
        self.standing_sectors = self.state_sectors | {grammar["agents"]["people_sector"]}
        #: Agent nouns resolve through their modifiers too: "Hezbollah guerrillas", "UN peacekeepers".
        self.agent_heads = frozenset(phrase for phrase in lexicon.agent_nouns if " " not in phrase)
        #: Set by the extractor: the subjects of a clause, for object pronouns.
        self.subjects_of: SubjectsOf = lambda verb, sentence: []

    # ------------------------------------------------------------------ tokens to entities

    def resolve(self, token: Token, sentence: Sentence, depth: int = 0) -> list[Arg]:
        """Entities a token stands for: its mentions, a pronoun's referent, a generic head's modifier."""
        mentions = sentence.mentions(token)
        if mentions:
            return [Arg(self.found.entities[m.entity_key], m.text, m.via) for m in mentions]
        if depth > self.depth:
            return []
        lower = token.lower_
        if lower in self.relative_pronouns and token.dep_ != "poss":
            anchor = self.relative_anchor(token, sentence)
            return self.resolve(anchor, sentence, depth + 1) if anchor is not None else []
        if lower in self.possessive_pronouns and token.dep_ == "poss":
            return self.possessive_owner(token, sentence, depth)
        if lower in self.speaker_pronouns and token.dep_ in {"nsubj", "nsubjpass"}:
            return self.speaker(token, sentence, depth)
        if lower in self.reported_pronouns and token.dep_ in {"nsubj", "nsubjpass"}:
            described = self.described_speaker(token, sentence, depth)
            if described:
                return described
        if lower in self.object_pronouns and token.dep_ in {"dobj", "pobj"}:
            return self.object_pronoun(token, sentence, depth)
        if lower in self.quantity_nouns and token.pos_ in {"NOUN", "NUM", "PROPN"}:
            # "scores of refugees", "thousands of protesters", "a group of rebels"
            counted = [
                p
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if counted:
                return [a for p in counted for a in self.resolve(p, sentence, depth + 1)]
        if token.lower_ in self.title_words and token.pos_ in {"NOUN", "PROPN"}:
            persons = [
                arg
                for h in self.title_holders(token, sentence)
                for arg in self.resolve(h, sentence, depth + 1)
                if arg.entity.type == "Person"
            ]
            if persons:
                return persons
        if token.lemma_.lower() in self.followers:
            return []  # "Khan's supporters", "Palestine supporters": neither Khan nor Palestine
        if (
            token.lemma_.lower() in self.generic_heads
            or token.lower_ in self.title_words
            or (token.tag_ == "NNS" and token.lemma_.lower() in self.title_words)
            or token.lemma_.lower() in self.agent_heads
        ) and token.pos_ in {"NOUN", "PROPN"}:
            return self.generic_head(token, sentence, depth)
        return []

    def speaker(self, pronoun: Token, sentence: Sentence, depth: int) -> list[Arg]:
        """ "Zelenskyy said: 'We must hold Russia accountable'": "we" and "I" in what someone says are the speaker."""
        for verb in pronoun.ancestors:
            if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in self.reporting_verbs:
                speakers = [
                    c
                    for c in verb.children
                    if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in self.speaker_pronouns
                ]
                return [a for c in speakers for a in self.resolve(c, sentence, depth + 1)]
        return []

    def described_speaker(self, pronoun: Token, sentence: Sentence, depth: int) -> list[Arg]:
        """ "Iraq's prime minister said he had met insurgents", "the rebels said they had freed two soldiers":
        the subject of what a speaker named by a description (no name to refer back to) reports is the speaker."""
        number = self.reported_pronouns[pronoun.lower_]
        clause = pronoun.head
        verb = clause.head
        while clause.dep_ in {"conj", "xcomp"} and verb.i != clause.i:
            clause, verb = verb, verb.head  # "said he would go and meet them"
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in self.reporting_verbs:
            return []
        speakers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if len(speakers) != 1 or speakers[0].pos_ != "NOUN":
            return []
        speaker = speakers[0]
        if (speaker.tag_ == "NNS") != (number == "plural"):
            return []
        lemma = speaker.lemma_.lower()
        # "the Israeli army", "the Iraqi government": a group's own name, not a person's title
        named = any(self.found.entities[m.entity_key].type != "Person" for m in sentence.mentions(speaker))
        person = (
            not named
            and lemma not in self.body_titles
            and (lemma in self.title_words or speaker.lower_ in self.title_words)
        )
        group = named or (lemma in self.generic_heads and not person)
        if not (group if number == "thing" else person if number == "singular" else person or group):
            return []  # "he" is a minister, "it" an army or a government, "they" either
        return self.resolve(speaker, sentence, depth + 1)

    def title_holders(self, title: Token, sentence: Sentence) -> list[Token]:
        """Who holds a title: "the commander of Central Command, General X", "Qatar's emir, Tamim"."""
        holders = [c for c in title.children if c.dep_ == "appos"]
        holders += [
            a
            for c in title.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
            for a in p.children
            if a.dep_ == "appos"
        ]
        # "Secretary of the Security Council Viktor Makhmudov", parsed as one noun phrase
        holders += [
            p for c in title.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
        ]
        if not holders and title.i + 2 < sentence.sent.end and title.doc[title.i + 1].text == ",":
            holders = [title.doc[title.i + 2]]  # "Qatar's emir, Tamim bin Hamad Al Thani," parsed loosely
        return holders

    def named_after(self, token: Token, sentence: Sentence, depth: int = 0) -> list[Arg]:
        """The person or organisation named right after a description: "his Iranian counterpart, Hossein
        Amir-Abdollahian", "Lebanese militant group Hezbollah", "the Sahrawi independence movement
        Polisario Front"; the one named, not the nationality of the description. A description of a
        private pursuit ("media outlet RBK", "the driver Max Verstappen") names no political actor."""
        if token.lemma_.lower() in self.private_roles:
            return []
        named = [
            a
            for c in token.children
            if c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN" and c.i > token.i
            for a in self.resolve(c, sentence, depth + 1)
            if a.entity.type in {"Person", "Organization"}
        ]
        following = token.doc[token.i + 1] if token.i + 1 < sentence.sent.end else None
        if not named and following is not None and following.pos_ == "PROPN":
            # the parser may hang the name on the next verb ("group Hezbollah took effect"): it is still the name
            named = [
                a for a in self.resolve(following, sentence, depth + 1) if a.entity.type in {"Person", "Organization"}
            ]
        return named

    def generic_head(self, token: Token, sentence: Sentence, depth: int) -> list[Arg]:
        """ "the Uzbek government", "Lithuania's foreign minister": the entity behind a generic noun.

        A description of a private pursuit ("Russian media outlet RBK") stands for no state.
        """
        if token.lemma_.lower() in self.private_roles:
            return []
        named = self.named_after(token, sentence, depth)
        if named:
            return named
        found: list[Arg] = []
        if token.lemma_.lower() in self.state_heads:
            # "his government", "the Bush administration", "the military government of President Prosper
            # Avril": the leader's state
            leaders = [
                p
                for c in token.children
                if c.dep_ in {"poss", "compound"}
                for p in self.resolve(c, sentence, depth + 1)
            ]
            leaders += [
                p
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children
                if o.dep_ == "pobj"
                for p in self.resolve(o, sentence, depth + 1)
            ]
            states = [self._state_of(p) for p in leaders if p.entity.type == "Person"]
            if states and all(states):
                return states
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            found.extend(self.resolve(token.head, sentence, depth + 1))  # "NATO, an alliance ..."
        stateless = token.lemma_.lower() in self.stateless_heads
        for child in token.children:
            if child.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}:
                for modifier in self.expand(child):  # "Afghan and Pakistani officials"
                    found.extend(
                        a
                        for a in self.resolve(modifier, sentence, depth + 1)
                        if not (stateless and a.entity.type == "Country")
                    )
                if child.tag_ == "VBN" and child.lemma_.lower() not in self.association_participles:
                    # "the Saudi-led coalition"; "Iran-backed militias" are not Iran
                    for grandchild in child.children:
                        if grandchild.dep_ in {"npadvmod", "compound", "nmod", "amod"}:
                            found.extend(self.resolve(grandchild, sentence, depth + 1))
            elif child.dep_ == "prep" and (
                child.lower_ == "of" or (child.lower_ == "from" and token.lemma_.lower() in self.agent_heads)
            ):
                for pobj in child.children:  # "the army of Niger", "fighters from Hamas", "the ministers of A and B"
                    if pobj.dep_ == "pobj":
                        for named in self.expand(pobj):
                            found.extend(self.resolve(named, sentence, depth + 1))
        return found

    def _state_of(self, person: Arg) -> Arg | None:
        """The country a person leads or serves, as far as the entity says."""
        key = person.entity.country
        if not key or key not in self.gazetteer:
            return None
        country = self.gazetteer[key]
        self.found.entities.setdefault(country.key, country)
        return Arg(country, person.text, "coreference")

    def relative_anchor(self, pronoun: Token, sentence: Sentence) -> Token | None:
        """The noun a relative clause describes ("NATO, which ..."), a person for "who"."""
        clause = pronoun.head
        while clause.dep_ not in {"relcl", "acl"} and clause.head.i != clause.i and clause.i >= pronoun.i - 1:
            if clause.dep_ == "ROOT":
                return None
            clause = clause.head
        if clause.dep_ not in {"relcl", "acl"}:
            return None
        anchor = clause.head
        if pronoun.lower_ in self.person_relatives:
            # "the head of Central Command, General X, who ..." may attach to the organisation.
            node = anchor
            for _ in range(self.anchor_hops):
                if self._names_person(node, sentence):
                    return node
                persons = [c for c in node.children if c.dep_ == "appos" and self._names_person(c, sentence)]
                if persons:
                    return persons[0]
                if node.head.i == node.i:
                    break
                node = node.head
        return anchor

    def _names_person(self, token: Token, sentence: Sentence) -> bool:
        return any(self.found.entities[m.entity_key].type == "Person" for m in sentence.mentions(token))

    def nearest_before(self, pronoun: Token, sentence: Sentence, accept: Callable[[Entity], bool]) -> list[Arg]:
        """The nearest mention before ``pronoun`` in its sentence whose entity ``accept`` takes."""
        for index in range(pronoun.i - 1, sentence.sent.start - 1, -1):
            token = sentence.sent.doc[index]
            if token.dep_ in {"compound", "amod"}:
                continue
            for mention in sentence.mentions(token):
                entity = self.found.entities[mention.entity_key]
                if accept(entity):
                    return [Arg(entity, mention.text, "coreference")]
        return []

    def protest_country(self, noun: Token, sentence: Sentence) -> Entity | None:
        """The country a protest noun places the protest in: "protests in Bangladesh", "protests spread
        across Niger", "protests were staged in Cairo"."""
        holders = [noun] + ([noun.head] if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} else [])
        places = [p for t in holders for p in prepositional_objects(t, {"in", "across", "throughout"})]
        for arg in self.args(places, sentence):
            key = arg.entity.key if arg.entity.type == "Country" else (arg.entity.country or arg.entity.capital_of)
            if key in self.gazetteer and self.gazetteer[key].type == "Country":
                return self.gazetteer[key]
        return None

    def protesters_before(self, pronoun: Token, sentence: Sentence) -> Arg | None:
        """The protesters of the nearest protest named before a plural pronoun in its sentence."""
        from kg.extraction.agents import agent_entity

        for index in range(pronoun.i - 1, sentence.sent.start - 1, -1):
            noun = sentence.sent.doc[index]
            if noun.pos_ == "NOUN" and noun.tag_ == "NNS" and noun.lemma_.lower() in self.protest_nouns:
                country = self.protest_country(noun, sentence)
                if country is None:
                    return None
                protesters = agent_entity(country, "Protesters")
                self.found.entities.setdefault(protesters.key, protesters)
                return Arg(protesters, noun.text, "coreference")
        return None

    def object_pronoun(self, pronoun: Token, sentence: Sentence, depth: int) -> list[Arg]:
        """ "cut ties with Israel, accusing it of ...": the nearest actor before, not the verb's own subject."""
        subjects = self.subjects_of(clause_verb(pronoun), sentence)
        own = {a.entity.key for t in subjects for a in self.resolve(t, sentence, depth + 1)}
        if pronoun.lower_ in self.plural_pronouns:
            # "authorities dispersed them": a group before, over the country its cities are named by
            groups = self.nearest_before(
                pronoun, sentence, lambda entity: entity.key not in own and entity.type == "Agent"
            )
            if groups:
                return groups
            protesters = self.protesters_before(pronoun, sentence)  # "Protests were staged ... dispersed them"
            if protesters is not None:
                return [protesters]
        return self.nearest_before(
            pronoun,
            sentence,
            lambda entity: (
                entity.key not in own
                and entity.type in {"Country", "InternationalOrganization", "Organization", "Agent"}
            ),
        )

    def possessive_owner(self, pronoun: Token, sentence: Sentence, depth: int) -> list[Arg]:
        """ "its war against Ukraine": the owner named before the possessive.

        The subject of the possessive's clause when it fits ("Armenia urged the EU to
        send monitors to its border"); else the nearest fitting mention before it:
        "his"/"her" a person, "its"/"their" a country or organisation ("criticised
        China over its support for Russia").
        """
        wanted = frozenset({"Person"} if pronoun.lower_ in self.person_possessives else set(ACTOR_TYPES) - {"Person"})
        clause = clause_verb(pronoun)
        reason = next((t for t in pronoun.ancestors if t.dep_ == "prep" and t.lower_ in self.reason_prepositions), None)
        if reason is not None and reason.head.pos_ in {"VERB", "AUX"}:
            # "expelled Russia for its invasion of Ukraine": the one punished
            punished = [
                a
                for c in reason.head.children
                if c.dep_ == "dobj"
                for a in self.resolve(c, sentence, depth + 1)
                if self.fit(a, wanted) is not None
            ]
            if punished:
                return [replace(self.fit(a, wanted), via="coreference") for a in punished]
        if (
            clause.dep_ == "advcl"
            and clause.tag_ == "VBG"
            and clause.head.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
        ):
            clause = clause.head  # "rioted at a jail, setting fire to their mattresses": the rioters'
        while (
            pronoun.lower_ in self.plural_possessives
            and clause.dep_ == "conj"
            and clause.head.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
        ):
            clause = clause.head  # "stuck to their guns and concluded their talks": the first verb's subject
        for subject in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i):
            # "India and Pakistan concluded their talks": "their" are both
            owners = [
                a
                for s in (self.expand(subject) if pronoun.lower_ in self.plural_possessives else [subject])
                for a in self.resolve(s, sentence, depth + 1)
                if self.fit(a, wanted) is not None
            ]
            if owners:
                return [replace(self.fit(a, wanted), via="coreference") for a in owners]
        found = self.nearest_before(
            pronoun,
            sentence,
            lambda entity: (
                entity.type in wanted
                or (entity.type == "Place" and "Country" in wanted and bool(entity.capital_of or entity.metonym_for))
            ),
        )
        if not found and wanted == {"Person"}:
            # "China sanctioned Nancy Pelosi. The ministry described her visit as ...": the person last named
            start = sentence.sent.start_char
            earlier = [
                m for m in self.found.mentions if m.end <= start and self.found.entities[m.entity_key].type == "Person"
            ]
            if earlier:
                last = max(earlier, key=lambda m: m.start)
                found = [Arg(self.found.entities[last.entity_key], last.text, "coreference")]
        return found

    # ------------------------------------------------------------------ phrases to arguments

    def expand(self, token: Token) -> list[Token]:
        """A token and the tokens coordinated with it ("Mali, Burkina Faso and Niger")."""
        out = [token]
        stack = [token]
        while stack:
            node = stack.pop()
            for child in node.children:
                in_brackets = child.i > 0 and child.doc[child.i - 1].text == "("  # "(EC)": the same name again
                coordinated = child.dep_ == "conj" or (
                    child.dep_ == "appos" and child.pos_ == "PROPN" and node.pos_ == "PROPN" and not in_brackets
                )
                if coordinated and child not in out:
                    out.append(child)
                    stack.append(child)
        return out

    def args(self, tokens: Iterable[Token], sentence: Sentence) -> list[Arg]:
        """The arguments named by tokens and everything coordinated with them, each entity once."""
        found: list[Arg] = []
        for token in tokens:
            for expanded in self.expand(token):
                for arg in self.resolve(expanded, sentence):
                    if all(arg.entity.key != f.entity.key for f in found):
                        found.append(arg)
        return found

    def object_args(self, tokens: Iterable[Token], sentence: Sentence, spec: RelationSpec) -> list[Arg]:
        """The objects of a relation; a common noun names its object through its modifiers.

        "rejected a French suggestion", "sanctioned two Iranian officials",
        "denounced Finland's decision"; for relations that reach into their object
        phrase, a place inside it too: "struck a refinery deep inside Russia".
        """
        found: list[Arg] = []
        for token in tokens:
            for expanded in self.expand(token):
                carried = self.carried(expanded, sentence) if spec.object_inside else []
                if carried:
                    # "ambushed the convoy of President X", "fired on a car carrying two Iraqi policemen"
                    found += [a for a in carried if all(a.entity.key != f.entity.key for f in found)]
                    continue
                # "Khan's security staff", "his bodyguards": people around someone, not that someone
                retinue = (
                    expanded.pos_ == "NOUN"
                    and expanded.lemma_.lower() in self.retinue_nouns
                    and not sentence.mentions(expanded)  # "supporters of Imran Khan" are a group of their own
                )
                args = [] if retinue else self.resolve(expanded, sentence)
                # "the young Mexican driver", "the American sprinters": a person, not their country
                unnamed = retinue or expanded.lemma_.lower() in self.private_roles
                if not args and expanded.pos_ == "NOUN" and not unnamed:
                    args = self.named_after(expanded, sentence)  # "the independence movement Polisario Front"
                if not args and expanded.pos_ == "NOUN" and not unnamed:
                    modifiers = [c for c in expanded.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
                    if spec.name in self.meeting_relations and expanded.lemma_.lower() in self.meeting_nouns:
                        modifiers = []  # "walked out of African Union peace talks": the talks, not the Union
                    if expanded.lemma_.lower() in self.patient_nouns and not prepositional_objects(expanded, {"of"}):
                        # "condemned his detention": the victim is not the one the act is held against
                        # ("condemned Iran's detention of two citizens" is held against Iran)
                        modifiers = [c for c in modifiers if c.dep_ != "poss"]
                    modifiers += [
                        g
                        for c in modifiers
                        if c.tag_ == "VBN" and c.lemma_.lower() not in self.association_participles
                        for g in c.children
                        if g.dep_ in {"npadvmod", "compound", "nmod", "amod"}
                    ]  # "a U.S.-drafted resolution"; not "Al-Qaeda-linked operatives", who are someone else
                    args = [a for m in modifiers for e in self.expand(m) for a in self.resolve(e, sentence)]
                    if not args and spec.object_doers:
                        # "rejected calls by Belarus's rulers", "dismissed an appeal from President X";
                        # "the arrest of Navalny" names its victim, not its doer
                        patient = expanded.lemma_.lower() in self.patient_nouns
                        doers = prepositional_objects(expanded, {"by"} if patient else self.doer_prepositions)
                        doers += [  # "rejected the accusations made by South Africa"
                            p
                            for c in expanded.children
                            if c.dep_ == "acl" and c.tag_ == "VBN"
                            for a in c.children
                            if a.dep_ == "agent"
                            for p in a.children
                            if p.dep_ == "pobj"
                        ]
                        args = [a for p in doers for a in self.resolve(p, sentence)]
                    if not args and spec.object_inside and expanded.lemma_.lower() not in self.instruments:
                        # "struck a refinery deep inside Russia"; not "fired tear gas in Tbilisi": a weapon is no target
                        places = self._places_in(expanded)
                        args = [a for p in places for a in self.resolve(p, sentence)]
                        if not args:
                            # "a building in a refugee camp in Gaza": the place named further in
                            args = self.place_within(places, sentence)
                        if not args:
                            # "a district headquarters in Nepal's northwestern mountains": the region's owner
                            # (not "the chief of Israel's militia ally": whose ally, not where)
                            owners = [
                                c for p in places if p.head.lower_ != "of" for c in p.children if c.dep_ == "poss"
                            ]
                            args = [a for o in owners for a in self.resolve(o, sentence) if a.entity.type == "Country"]
                for arg in args:
                    if all(arg.entity.key != f.entity.key for f in found):
                        found.append(arg)
        return found

    def place_within(self, places: list[Token], sentence: Sentence) -> list[Arg]:
        """The first place or country named in a chain of phrases of place, nearest first:
        "in one of the camps in the north of Gaza"."""
        for _ in range(self.place_hops):
            places = [p for place in places for p in self._places_in(place)]
            found = [a for p in places for a in self.resolve(p, sentence) if a.entity.type in {"Place", "Country"}]
            if found or not places:
                return found
        return []

    def _places_in(self, token: Token) -> list[Token]:
        """The phrases of place on ``token`` that say where it is: not "on the Egyptian border"."""
        return [
            p for p in prepositional_objects(token, self.place_prepositions) if p.lemma_.lower() not in self.edge_nouns
        ]

    def facility_places(self, nouns: Iterable[Token], verb: Token, sentence: Sentence) -> list[Arg]:
        """Where the buildings or sites acted on stand, when the parser hangs the phrase of place on
        the verb: "attacked a police station in northern Mali", "struck a hospital in Kharkiv"."""
        if not any(
            n.pos_ == "NOUN" and n.lemma_.lower() in self.facility_nouns and not sentence.mentions(n)
            for token in nouns
            for n in self.expand(token)
        ):
            return []
        places = prepositional_objects(verb, self.facility_prepositions)
        found = [a for p in places for a in self.resolve(p, sentence) if a.entity.type in {"Place", "Country"}]
        return found or self.place_within(places, sentence)

    def carried(self, noun: Token, sentence: Sentence) -> list[Arg]:
        """Who a vehicle carries, for an act against it: "the convoy of President X", "X's motorcade",
        "a car carrying two policemen". A convoy of aid carries no one."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.carrier_nouns or sentence.mentions(noun):
            return []
        riders = [c for c in noun.children if c.dep_ == "poss"] + prepositional_objects(noun, {"of"})
        riders += [
            o
            for c in noun.children
            if c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in self.carrying_verbs
            for o in c.children
            if o.dep_ == "dobj"
        ]
        return [a for r in riders for e in self.expand(r) for a in self.resolve(e, sentence)]

    def state_of(self, arg: Arg) -> Arg:
        """The country of a city or other place the gazetteer places in one, or of a state's agent
        ("diplomats from Qatar"); any other argument as it is."""
        if arg.entity.type not in {"Place", "Agent"} or arg.entity.country not in self.gazetteer:
            return arg
        country = self.gazetteer[arg.entity.country]
        self.found.entities.setdefault(country.key, country)
        return Arg(country, arg.text, arg.via)

    def fit(self, arg: Arg, types: frozenset[str]) -> Arg | None:
        """The argument if its type fits the slot; a capital or seat of power stands for its government."""
        if arg.entity.type in types:
            return arg
        if (
            arg.entity.type == "Agent"
            and "Country" in types
            and arg.entity.country in self.gazetteer
            and arg.entity.sector in (self.state_sectors if "Place" in types else self.standing_sectors)
        ):
            # "Indian troops in the Maldives": where the relation needs a state, its agent stands for it;
            # its people do not where a place may be meant ("the city most visited by Russian tourists")
            country = self.gazetteer[arg.entity.country]
            self.found.entities.setdefault(country.key, country)
            return Arg(country, arg.text, arg.via)
        if arg.entity.type == "Place" and types <= {"Country"} and arg.entity.country in self.gazetteer:
            # "a French base in N'Djamena": where a relation needs a state, a city stands for its country
            return self.state_of(arg)
        if arg.entity.type == "Place" and types & set(ACTOR_TYPES):
            target_key = arg.entity.metonym_for or arg.entity.capital_of
            if target_key and target_key in self.gazetteer:
                target = self.gazetteer[target_key]
                if target.type in types:
                    self.found.entities.setdefault(target.key, target)
                    return Arg(target, arg.text, "metonym")
        return None


def clause_verb(token: Token) -> Token:
    """The verb of the clause that holds ``token``."""
    clause = token.head
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    return clause
