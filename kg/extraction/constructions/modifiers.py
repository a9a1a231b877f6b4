"""Relations inside a noun phrase: "the Moscow-led CSTO", "NATO member Turkey"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.core import Extractor
    from kg.extraction.lexicon import Pattern
    from kg.extraction.sentence import Sentence
    from kg.records import Relation

__all__ = ["modifier_relations"]


def modifier_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """Participle modifiers ("Moscow-led") and organisation nouns before a member ("NATO member")."""
    lexicon = extractor.lexicon
    for token in sentence.tokens:
        if token.dep_ in {"amod", "compound", "acl"} and token.tag_ in {"VBN", "VBD", "JJ", "NN"}:
            for pattern in extractor.patterns(lexicon.modifiers, token):
                yield from participle_relation(extractor, pattern, token, sentence)
        if token.dep_ in {"compound", "nmod"}:
            for pattern in extractor.patterns(lexicon.modifier_nouns, token):
                yield from member_modifier(extractor, pattern, token, sentence)


def participle_relation(
    extractor: Extractor, pattern: Pattern, modifier: Token, sentence: Sentence
) -> Iterator[Relation]:
    """ "the Moscow-led CSTO": the modifier's own modifiers act on the noun it modifies."""
    agents = [c for c in modifier.children if c.dep_ in {"npadvmod", "compound", "nmod", "amod", "poss"}]
    if modifier.i > 1 and sentence.sent.doc[modifier.i - 1].text in {"-", "\u2013"}:
        agents.append(sentence.sent.doc[modifier.i - 2])
    arguments = extractor.arguments
    yield from extractor.emit(
        pattern,
        arguments.args(agents, sentence),
        arguments.args([modifier.head], sentence),
        sentence,
        modifier,
        [modifier],
        False,
    )


def member_modifier(extractor: Extractor, pattern: Pattern, noun: Token, sentence: Sentence) -> Iterator[Relation]:
    """ "NATO member Turkey": the compound names the organisation, the head the member."""
    organisations = [c for c in noun.children if c.dep_ in {"compound", "nmod"}]
    arguments = extractor.arguments
    yield from extractor.emit(
        pattern,
        arguments.args([noun.head], sentence),
        arguments.args(organisations, sentence),
        sentence,
        noun,
        [noun],
        False,
    )
