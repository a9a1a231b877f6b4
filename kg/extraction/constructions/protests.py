"""Protests named as events: "anti-government protests in Bangladesh", "protests against the Oli government".

News often names a protest without its protesters: "amid anti-government
protests in Bangladesh", "protests erupted in Cairo". The protesters are the
people of the country the protest is in (``<country>-protesters``); they
protest against what follows "against", else, when the protest is against the
government or nothing is said, against their own state.

Protesters named without any protest of theirs in the document ("protesters
blocked Rustaveli Avenue", "demonstrators chasing the minister") protest
against their own state: :func:`implicit_protests` reads them once the
document's sentences are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.extraction.agents import agent_entity
from kg.extraction.arguments import Arg
from kg.extraction.clauses import is_purpose
from kg.extraction.lexicon import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.core import Extractor
    from kg.extraction.sentence import Sentence
    from kg.records import Entity, Relation

__all__ = ["gathers_for_another_purpose", "implicit_protests", "mission_state", "protest_relations", "protest_state"]


def protest_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """``protestedAgainst`` from protest nouns whose protesters the sentence leaves implicit."""
    grammar = extractor.lexicon.grammar["protests"]
    nouns = frozenset(grammar["nouns"])
    confidence = float(grammar["confidence"])
    arguments = extractor.arguments
    protesters = frozenset(grammar["protester_nouns"])
    force_modifiers = frozenset(grammar["force_modifiers"])
    for token in sentence.tokens:
        for mention in sentence.mentions(token):
            entity = extractor.found.entities[mention.entity_key]
            if (
                entity.type == "Agent"
                and entity.sector == "Protesters"
                and token.lemma_.lower() in protesters
                and not _supporters(token)
            ):
                extractor.protesters.append((token, sentence, Arg(entity, mention.text, mention.via)))
    for noun in sentence.tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or noun.i in consumed or sentence.mentions(noun):
            continue
        if noun.dep_ == "pobj" and noun.head.lower_ == "on" and any(c.lower_ == "the" for c in noun.children):
            continue  # "freedom was on the march in Iraq": an idiom of progress, no demonstration
        if any(c.dep_ in {"amod", "compound"} and c.lower_ in force_modifiers for c in noun.children):
            continue  # "US surgical strikes", "retaliatory strikes": acts of force, not walkouts
        if any(
            c.dep_ in {"poss", "compound", "amod", "nmod"} and arguments.resolve(c, sentence) for c in noun.children
        ) or any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children):
            continue  # "Kenyan protests", "protests by farmers": the noun constructions read those
        country = arguments.protest_country(noun, sentence)  # "protests in Bangladesh", "across Niger"
        if country is None:
            continue
        protesters = agent_entity(country, "Protesters")
        extractor.found.entities.setdefault(protesters.key, protesters)
        extractor.found.entities.setdefault(country.key, country)
        targets = arguments.args(
            [
                p
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "against"
                for p in c.children
                if p.dep_ == "pobj"
            ],
            sentence,
        )
        if not targets:
            targets = [Arg(country, noun.text, "context")]
        pattern = Pattern("protestedAgainst", "noun", noun.lemma_.lower(), confidence=confidence)
        yield from extractor.emit(
            pattern, [Arg(protesters, noun.text, "context")], targets, sentence, noun, [noun], False
        )


def implicit_protests(extractor: Extractor, made: Iterable[Relation]) -> Iterator[Relation]:
    """Protesters who protest nothing the text names protest against their own state, where first named."""
    grammar = extractor.lexicon.grammar["protests"]
    confidence = float(grammar["confidence"]) * float(grammar["implicit_factor"])
    stated = {r.subject.key for r in made if r.predicate in {"protestedAgainst", "supports"}}
    seen: set[str] = set()
    for token, sentence, protesters in extractor.protesters:
        key = protesters.entity.key
        country = extractor.gazetteer.get(protesters.entity.country or "")
        if key in stated or key in seen or country is None or country.type != "Country":
            continue
        seen.add(key)
        extractor.found.entities.setdefault(country.key, country)
        pattern = Pattern("protestedAgainst", "noun", token.lemma_.lower(), confidence=confidence)
        # "protesters chanting slogans on Sunday": the protesters' own clause dates the protest
        own = [token, *(c for c in token.children if c.dep_ == "acl" and c.pos_ == "VERB")]
        # "fired tear gas to disperse protesters": the dispersal is a purpose, the protesters were there
        there = "Asserted" if _purpose_object(token) else None
        yield from extractor.emit(
            pattern,
            [protesters],
            [Arg(country, protesters.text, "context")],
            sentence,
            token,
            own,
            False,
            modality=there,
        )


def protest_state(extractor: Extractor, verb: Token, protesters: Arg, sentence: Sentence) -> Arg | None:
    """The state a group protests against when the verb names none: where the verb places the protest
    ("rioted at a jail in northern Israel"), else the group's own state ("Iraqi Kurds demonstrated").

    Only groups protest so: a state or an official that protests names what it protests against.
    """
    entity = protesters.entity
    if entity.type != "Agent" or entity.sector in extractor.arguments.state_sectors:
        return None
    if extractor.demanded_releases(c for c in verb.children if is_purpose(c)):
        return None  # "marched to demand the release of aid workers": against their captors, whoever they are
    locative = extractor.place_words
    # the verb's own phrases: not the subject's, nor those of a clause it governs ("marched through Rome to
    # demand the release of aid workers seized in Baghdad" is a march in Italy)
    elsewhere = {
        t.i
        for c in verb.children
        if c.dep_ in {"nsubj", "nsubjpass", "xcomp", "ccomp", "advcl", "conj"}
        for t in c.subtree
    }
    places = []
    for token in verb.subtree:
        if token.i in elsewhere or token.dep_ != "pobj" or token.head.lower_ not in locative:
            continue
        mission = mission_state(extractor, token, sentence)
        if mission is not None:
            places.append((abs(token.i - verb.i), mission.key, token.text))  # "at the French Embassy"
            continue
        for mention in sentence.mentions(token):
            place = extractor.found.entities[mention.entity_key]
            key = place.key if place.type == "Country" else place.country if place.type == "Place" else None
            if key in extractor.gazetteer:
                places.append((abs(token.i - verb.i), key, mention.text))
    key, text = (min(places)[1:]) if places else (entity.country, protesters.text)
    country = extractor.gazetteer.get(key or "")
    if country is None or country.type != "Country":
        return None
    extractor.found.entities.setdefault(country.key, country)
    return Arg(country, text, "context")


def gathers_for_another_purpose(extractor: Extractor, verb: Token) -> bool:
    """Whether a gathering's purpose is no protest: "took to the streets to celebrate the victory",
    "to fight an invasion of locusts" (a cause fought for or against, "to fight for their rights", is one)."""
    other = extractor.lexicon.grammar["protests"]["other_purposes"]
    # the parser makes the purpose of "took to the streets to ..." a complement as often as a clause
    aims = (
        c for c in verb.children if is_purpose(c) or c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
    )
    return any(
        c.lemma_.lower() in other and not any(p.dep_ == "prep" and p.lower_ in {"for", "against"} for p in c.children)
        for c in aims
    )


def mission_state(extractor: Extractor, token: Token, sentence: Sentence) -> Entity | None:
    """The state whose embassy or mission ``token`` names: "the French Embassy", "the U.S. consulate"."""
    if token.lemma_.lower() not in extractor.mission_nouns:
        return None
    for owner in (c for c in token.children if c.dep_ in {"amod", "compound", "poss", "nmod"}):
        named = [extractor.found.entities[m.entity_key] for m in sentence.mentions(owner)]
        country = extractor.gazetteer.by_demonym(owner.text) or next((e for e in named if e.type == "Country"), None)
        if country is not None and country.type == "Country":
            return country
    return None


def _supporters(token: Token) -> bool:
    """ "pro-government demonstrators", "pro-junta protesters", "demonstrators (both) for and against
    independence": they rally for someone or something, not (only) against their state."""
    following = [t.lower_ for t in token.doc[token.i + 1 : token.i + 3]]
    if following[:1] == ["for"] or following == ["both", "for"]:
        return True  # the parser may hang "for" on the verb: read the words after the noun
    return any(t.lower_ == "pro" or t.lower_.startswith("pro-") for c in token.lefts for t in c.subtree)


def _purpose_object(token: Token) -> bool:
    """Whether a noun is the object of a clause of purpose ("fired tear gas to disperse protesters")."""
    return token.dep_ == "dobj" and is_purpose(token.head)


def demanding_protests(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """Protests that say what they are against: "began a hunger strike to demand the resignation
    of President X", "a hunger strike in protest of the Russian government's refusal", and any act
    done "in protest at" something ("walked away from the talks in protest at government attacks").

    The protesters are the subject of the verb that holds the protest noun, or of the act; the target
    is whoever the demanded or protested thing belongs to (its possessor, its "of" or its "by", or a
    modifier naming a doer: "government attacks").
    """
    grammar = extractor.lexicon.grammar["protests"]
    nouns = frozenset(grammar["nouns"])
    demanding = extractor.modality.requesting_verbs
    against = frozenset(grammar["against_prepositions"])
    pattern = Pattern("protestedAgainst", "noun", "protest", confidence=float(grammar["confidence"]))
    declared = Pattern(
        "protestedAgainst", "noun", "in protest", confidence=float(grammar["confidence"]), declared_protest=True
    )

    def protested(token: Token) -> list[Token]:
        """What "in protest of / at / against X" beside ``token`` protests: X (the parser may hang
        "at X", right after "in protest", anywhere)."""
        found = []
        for c in token.children:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for g in c.children:
                if g.dep_ != "pobj" or g.lemma_.lower() != "protest":
                    continue
                after = [token.doc[g.i + 1]] if g.i + 1 < len(token.doc) else []
                for h in {*g.children, *after}:
                    if h.dep_ == "prep" and h.lower_ in against:
                        found += [p for p in h.children if p.dep_ == "pobj"]
        return found

    for noun in sentence.tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or noun.dep_ != "dobj":
            continue
        verb = noun.head
        # "to demand the resignation of X": what the purpose clause demands
        demanded = [
            o
            for c in verb.children
            if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in demanding
            for o in c.children
            if o.dep_ == "dobj"
        ]
        demanded += protested(verb) + protested(noun)
        if demanded:
            yield from _protest_of(extractor, pattern, verb, noun, demanded, sentence, consumed)
    if "protest" not in sentence.words:
        return
    for verb in sentence.tokens:
        # "walked away from the talks in protest at X", "recalled its ambassador in protest over X"
        if verb.pos_ not in {"VERB", "AUX"} or any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in nouns for c in verb.children
        ):
            continue
        demanded = protested(verb)
        # "boycotted the talks in protest at X": the parser may hang the protest on the object
        demanded += [p for o in verb.children if o.dep_ == "dobj" for p in protested(o)]
        if demanded:
            yield from _protest_of(extractor, declared, verb, demanded[0].head.head, demanded, sentence, consumed)


def _protest_of(
    extractor: Extractor,
    pattern: Pattern,
    verb: Token,
    anchor: Token,
    demanded: list[Token],
    sentence: Sentence,
    consumed: set[int],
) -> Iterator[Relation]:
    """``protestedAgainst`` from the subjects of ``verb`` to the owners of what they demand or protest."""
    arguments = extractor.arguments
    owners = [c for d in demanded for c in d.children if c.dep_ == "poss"]
    owners += [
        p
        for d in demanded
        for c in d.children
        if c.dep_ == "prep" and c.lower_ in {"of", "by"}
        for p in c.children
        if p.dep_ == "pobj"
    ]
    owners += [
        p
        for d in demanded
        for a in d.children
        if a.dep_ == "acl"
        for c in a.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if not owners:
        # "in protest at government attacks", "at Israeli raids": a modifier names the doer
        owners = [c for d in demanded for c in d.children if c.dep_ in {"compound", "amod", "nmod"}]
    targets = [a for a in arguments.args(owners, sentence) if a.entity.type != "Place"]
    subjects = arguments.args(extractor.clauses.subjects_of(verb, sentence), sentence)
    governments = [o for o in owners if o.lemma_.lower() in arguments.state_heads]
    if not targets and governments:
        # "Sudanese rebels boycotted the talks in protest at government attacks": a group's government
        # named by no country is its own state's
        states = {
            s.entity.country
            for s in subjects
            if s.entity.type == "Agent" and s.entity.sector not in arguments.state_sectors
        }
        country = extractor.gazetteer.get(next(iter(states)) or "") if len(states) == 1 else None
        if country is not None and country.type == "Country":
            extractor.found.entities.setdefault(country.key, country)
            targets = [Arg(country, governments[0].text, "context")]
    subjects = [s for s in subjects if s.entity.key not in {t.entity.key for t in targets}]
    if subjects and targets:
        consumed.add(anchor.i)
        yield from extractor.emit(pattern, subjects, targets, sentence, anchor, [anchor], False)
