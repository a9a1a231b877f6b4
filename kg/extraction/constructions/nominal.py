"""Event and relation nouns: "Armenia's withdrawal from the CSTO", "sanctions on Iran", "a member of".

A noun pattern is a nominalisation and the path to its object. Its subject is
a possessive, an entity modifier, a "by" phrase, or the subject of the light
verb that carries the noun ("imposed sanctions on"). A noun pattern without a
path relates the noun's holder to its modifier: "Tashkent, the Uzbek capital",
"Israel, a close US ally"; "came under Russian drone attack" makes the one
under it the target.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction.clauses import is_passive, prepositional_objects
from kg.extraction.document import dateline_places
from kg.records import STANDING_RELATIONS
from kg.records import SYMMETRIC_RELATIONS as SYMMETRIC

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.core import Extractor
    from kg.extraction.lexicon import Pattern
    from kg.extraction.sentence import Sentence
    from kg.records import Relation

__all__ = ["noun_relations"]


def noun_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """The relations stated by event and relation nouns not already read inside a verb phrase."""
    for token in sentence.tokens:
        if token.pos_ in {"NOUN", "PROPN"} and token.i not in consumed:
            patterns = extractor.patterns(extractor.lexicon.nouns, token)
            received = extractor.clauses.received_from(token, sentence) if patterns else None
            if received is not None:
                yield from received_relations(extractor, patterns, token, received, sentence)
                continue
            survived = survived_act(extractor, token) if patterns else None
            if survived is not None and any(_names_target(extractor, p, token) for p in patterns):
                survived = None  # "repelled a Russian attack on Kharkiv": the phrase names its target
            if survived is not None:
                yield from survived_relations(extractor, patterns, token, survived, sentence)
                continue
            for pattern in patterns:
                if extractor.may_follow(pattern, sentence) or pattern.relation in extractor.story_targets:
                    yield from noun_relation(extractor, pattern, token, sentence, consumed)


def received_relations(
    extractor: Extractor,
    patterns: list[Pattern],
    noun: Token,
    received: tuple[list[Token], list[Token]],
    sentence: Sentence,
) -> Iterator[Relation]:
    """What a received event noun states: its sender does it to its receiver ("received a request from Sogavare")."""
    senders, receivers = received
    arguments = extractor.arguments
    for pattern in _one_per_relation(patterns):
        objects = arguments.object_args(receivers, sentence, extractor.lexicon.relations[pattern.relation])
        yield from extractor.emit(pattern, arguments.args(senders, sentence), objects, sentence, noun, [noun], True)


def _names_target(extractor: Extractor, pattern: Pattern, noun: Token) -> bool:
    """Whether the noun phrase names the act's target itself ("a Russian attack on Kharkiv")."""
    followed = extractor.follow(noun, pattern.path) if pattern.path else None
    return followed is not None and bool(followed[1])


def _one_per_relation(patterns: list[Pattern]) -> list[Pattern]:
    """The first pattern of each relation: a construction that ignores the paths reads each relation once."""
    first: dict[str, Pattern] = {}
    for pattern in patterns:
        first.setdefault(pattern.relation, pattern)
    return list(first.values())


def _phrase_of(noun: Token) -> Token:
    """The noun phrase an event noun heads, or modifies ("an assassination attempt")."""
    return noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun


def survived_act(extractor: Extractor, noun: Token) -> Token | None:
    """The verb by which someone survived or repelled the act a noun names ("survived an Israeli
    assassination attempt", "repelled a Russian attack"), if it is one."""
    phrase = _phrase_of(noun)
    verb = phrase.head
    if phrase.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in extractor.surviving_verbs:
        return verb
    return None


def survived_relations(
    extractor: Extractor, patterns: list[Pattern], noun: Token, verb: Token, sentence: Sentence
) -> Iterator[Relation]:
    """Who survives or repels an act is its target; its doer is the one the phrase names ("an Israeli ... attempt")."""
    phrase = _phrase_of(noun)
    arguments = extractor.arguments
    targets = arguments.args(extractor.clauses.subjects_of(verb, sentence), sentence)
    doers = [c for c in phrase.children if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i != noun.i]
    doers += prepositional_objects(phrase, {"by", "from"})
    for pattern in _one_per_relation(patterns):
        yield from extractor.emit(pattern, arguments.args(doers, sentence), targets, sentence, noun, [noun], True)


def noun_relation(
    extractor: Extractor,
    pattern: Pattern,
    noun: Token,
    sentence: Sentence,
    consumed: frozenset[int] | set[int] = frozenset(),
) -> Iterator[Relation]:
    """The relations of one noun pattern at one noun; words a verb's statement used (``consumed``) are its own."""
    followed = extractor.follow(noun, pattern.path)
    if followed is not None and any(t.i in consumed for t in followed[0][1:]):
        return  # "handed over medical supplies to Iraqi relief workers": the "to" is the verb's, read with it
    # "all because of the U.S. embargo": sanctions that name no target are on the country the story is about
    untargeted = followed is None and len(pattern.path) == 1 and pattern.relation in extractor.story_targets
    if untargeted:
        followed = [noun], []
    if followed is None:
        return
    matched, object_tokens = followed
    if not pattern.path:
        object_tokens = []
    arguments = extractor.arguments
    exclude = {t.i for t in object_tokens}
    named = (
        place_name(noun) if not pattern.path and noun.pos_ == "NOUN" and noun.lower_ in extractor.naming_nouns else None
    )
    if named is not None:
        exclude.add(named.i)
    if (
        pattern.path
        and pattern.path[-1] == "between"
        or (
            pattern.relation in SYMMETRIC
            and pattern.path[-1:] == ("of",)
            and len(arguments.args(object_tokens, sentence)) > 1
        )
    ):
        # "clashes between X and Y", "the borders of both countries and Laos"
        yield from extractor.symmetric_pairs(pattern, arguments.args(object_tokens, sentence), sentence, noun, matched)
        return
    if pattern.possessive_object:
        # "his detention by the coup leaders", "the arrest of Imran Khan by the Rangers";
        # with an "of" phrase the possessive is the doer: "Iran's detention of two French citizens"
        owners = [c for c in noun.children if c.dep_ == "poss"]
        patients = prepositional_objects(noun, {"of"}) or owners
        doers = prepositional_objects(noun, {"by"})
        if not doers and noun.dep_ == "dobj" and not is_passive(noun.head):
            doers = prepositional_objects(noun.head, {"by"})  # "treating his detention by the coup leaders as"
        doers = doers or [t for t in owners if t not in patients]
        subjects = arguments.args(doers, sentence)
        if not doers:
            # "Britain condemned his detention": his jailer named before; "before Zuniga's arrest": the state where
            # it happens, when the victim is named ("made their first arrest": "their" are the ones arresting)
            subjects = extractor.patient_doers([noun], sentence)
            if not subjects and not any(t.pos_ == "PRON" for t in patients):
                subjects = extractor.acting_state(pattern, noun, sentence)
        yield from extractor.emit(pattern, subjects, arguments.args(patients, sentence), sentence, noun, matched, False)
        return
    # "Japan issued a deportation order against": the noun the pattern runs through carries the actors
    holder = matched[1] if len(matched) > 1 and noun.dep_ == "compound" and matched[1].i == noun.head.i else noun
    subject_tokens, inherited = extractor.clauses.noun_subjects(
        holder,
        exclude,
        sentence,
        standing=pattern.relation in STANDING_RELATIONS,
        of_is_object=not pattern.path or pattern.path[0] == "of",
    )
    subjects = arguments.args(subject_tokens, sentence)
    if not subjects:
        # "the kidnappers of two French journalists": an agent noun does what it names
        subjects = [a for a in arguments.resolve(noun, sentence) if a.entity.type == "Agent"]
    if not pattern.path:
        if pattern.relation in SYMMETRIC and len(subjects) > 1:
            yield from extractor.symmetric_pairs(pattern, subjects, sentence, noun, matched)
            return
        pair = arguments.resolve(noun, sentence)
        if pattern.relation in SYMMETRIC and len(pair) > 1:
            # "the two neighbours": the noun itself names the pair
            yield from extractor.symmetric_pairs(pattern, pair, sentence, noun, matched)
            return
        # "Tashkent, the Uzbek capital", "Israel, a close US ally", "the Russian city of Beslan":
        # the noun's holder and its modifier, a description that takes no time from the sentence's
        # event ("in the Syrian capital, Damascus, on Tuesday")
        holder = noun_holder(noun)
        if holder is not None and subject_tokens and not inherited:
            yield from extractor.emit(
                pattern, arguments.args([holder], sentence), subjects, sentence, noun, matched, False, dated=False
            )
        elif named is not None and subject_tokens and not inherited:
            # "the Indian city of Mumbai and the Pakistani city of Karachi": each name with its own noun;
            # a place the gazetteer puts in another country is not in the one the noun names, and a
            # modifier is the name only of a place the gazetteer puts there ("Sudan's Darfur region",
            # not "the French-ruled Pacific island")
            modifier = named.head.i == noun.i
            places = [
                a
                for a in arguments.resolve(named, sentence)
                if (all(a.entity.country == s.entity.key for s in subjects) if a.entity.country else not modifier)
            ]
            yield from extractor.emit(pattern, places, subjects, sentence, noun, matched, False, dated=False)
        elif subject_tokens and not inherited:
            # "Assad has fled Damascus ... rebels captured the Syrian capital": the place the noun refers back
            # to, named in the text or where the story was filed ("KHARTOUM, Sudan -- ... the Sudanese capital")
            referents = [
                a for a in arguments.resolve(noun, sentence) if a.via == "coreference" and a.entity.type == "Place"
            ]
            if referents:
                named = {m.entity_key for m in extractor.found.mentions if m.via == "name"}
                dateline = extractor.doc._.geokg_dateline if extractor.doc.has_extension("geokg_dateline") else None
                if dateline:
                    named.update(e.key for e in dateline_places(dateline[2], extractor.gazetteer))
                referents = [a for a in referents if a.entity.key in named]
                yield from extractor.emit(pattern, referents, subjects, sentence, noun, matched, False, dated=False)
        # "Odesa came under Russian drone attack": the one under it is the target
        target = under_target(noun)
        if target is not None and subject_tokens and not inherited:
            yield from extractor.emit(
                pattern, subjects, arguments.args([target], sentence), sentence, noun, matched, False
            )
        return
    objects = arguments.object_args(object_tokens, sentence, extractor.lexicon.relations[pattern.relation])
    if untargeted:
        objects = extractor.story_country(subjects, noun)
    yield from extractor.emit(pattern, subjects, objects, sentence, noun, matched, inherited)


def under_target(noun: Token) -> Token | None:
    """The subject of "came/was under <attack>", the target of the act the noun names."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "under":
        return None
    verb = noun.head.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subjects[0] if subjects else None


def place_name(noun: Token) -> Token | None:
    """The name a place noun is followed by or modified with: "the city of Najaf", "Sichuan province"."""
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and noun.head.i == noun.i + 1:
        return noun.head  # "the Iraqi city Najaf"
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == noun.i - 1:
            return child  # "the Kashmir region of India": the name, then the place it is in
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == noun.i + 1:
            names = [p for p in child.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
            if names:
                return names[0]
    return None


def noun_holder(noun: Token) -> Token | None:
    """The entity a noun describes: its apposition anchor or its copula's subject."""
    named = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if named:
        return named[0]  # "Poland's capital, Warsaw, ..."
    if noun.dep_ == "appos":
        return noun.head
    if noun.dep_ in {"oprd", "dobj"} and is_passive(noun.head):
        subjects = [c for c in noun.head.children if c.dep_ == "nsubjpass"]
        return subjects[0] if subjects else None  # "Brasilia was made Brazil's capital"
    if noun.dep_ == "attr" and noun.head.lemma_ in {"be", "become", "remain"}:
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
        return subjects[0] if subjects else None
    return None
