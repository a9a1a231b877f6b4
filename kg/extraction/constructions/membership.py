"""Membership stated in passing: "became members of BRICS, joining Brazil, Russia ..."."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction.lexicon import Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.arguments import Arg
    from kg.extraction.core import Extractor
    from kg.extraction.sentence import Sentence
    from kg.records import Relation

__all__ = ["joining_members"]


def joining_members(
    extractor: Extractor, pattern: Pattern, verb: Token, objects: list[Arg], sentence: Sentence
) -> Iterator[Relation]:
    """ "became members of BRICS, joining Brazil, Russia ...": those joined are members already.

    A joining verb whose objects are countries, inside a clause about an
    organisation, says the countries belong to that organisation.
    """
    spec = extractor.lexicon.relations["memberOf"]
    if pattern.relation != "joined" or verb.dep_ not in {"advcl", "conj"}:
        return
    countries = [o for o in objects if o.entity.type == "Country"]
    if not countries:
        return
    clause = verb.head
    inside = {t.i for t in verb.subtree}
    organisations = [
        arg
        for t in clause.subtree
        if t.i not in inside and t.dep_ in {"pobj", "dobj", "attr"}
        for arg in extractor.arguments.resolve(t, sentence)
        if arg.entity.type in spec.object_types
    ]
    organisations = list({arg.entity.key: arg for arg in organisations}.values())
    if len(organisations) != 1:
        return
    membership = Pattern("memberOf", "verb", verb.lemma_, confidence=spec.confidence * extractor.confidence.derived)
    # the sentence dates the joining, not the older memberships
    yield from extractor.emit(membership, countries, organisations, sentence, verb, [verb], False, dated=False)
