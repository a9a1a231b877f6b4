"""Where places are: "Vancouver, British Columbia, Canada", "the Bolshoi Theatre in Moscow"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extraction.arguments import Arg

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.core import Extractor
    from kg.extraction.sentence import Sentence
    from kg.records import Mention, Relation

__all__ = ["capital_relations", "location_relations"]


def location_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """A place, organisation or body followed by a place in apposition, or by "in" and a place, is located there.

    A place the gazetteer puts in another country is not located in the country named.
    """
    spec = extractor.lexicon.relations["locatedIn"]
    found = extractor.found
    doc = sentence.sent.doc
    heads: dict[int, tuple[Token, Mention]] = {}
    for index, mentions in sentence.by_token.items():
        token = doc[index]
        for mention in mentions:
            if not (mention.start <= token.idx < mention.end):
                continue
            if not (mention.start <= token.head.idx < mention.end) or token.head.i == token.i:
                heads[index] = (token, mention)
    chain = int(extractor.lexicon.grammar["walks"]["apposition_chain"])
    for _index, (token, mention) in sorted(heads.items()):
        located = found.entities[mention.entity_key]
        if located.type not in spec.subject_types:
            continue
        containers: list[Token] = []
        node = token
        for _ in range(chain):  # an apposition chain: A, B, C
            nxt = [
                c for c in node.children if c.dep_ == "appos" and c.i > node.i and doc[c.left_edge.i - 1].text == ","
            ]
            if not nxt or any(c.dep_ in {"conj", "cc"} for c in (*nxt[0].children, *node.children)):
                break  # "Nagoya, Shizuoka and other cities": a list, not a location
            containers.append(nxt[0])
            node = nxt[0]
        containers += [
            p for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"
        ]
        containers += _next_place_phrase(token)
        subject = Arg(located, mention.text, mention.via)
        for container in containers:
            for m in sentence.mentions(container):
                arg = Arg(found.entities[m.entity_key], m.text, m.via)
                if arg.entity.type not in spec.object_types or arg.entity.key == located.key:
                    continue
                if arg.entity.type == "Country" and located.country and located.country != arg.entity.key:
                    continue
                made = extractor.record(
                    "locatedIn",
                    spec,
                    subject,
                    arg,
                    sentence,
                    None,
                    "Asserted",
                    spec.confidence * extractor.confidence.location,
                )
                if made is not None:
                    yield made


def _next_place_phrase(token: Token) -> list[Token]:
    """The place of an "in" phrase that follows the place phrase of ``token`` on the same word:
    "broke out in Goma in eastern Congo", "was held in Sochi, in southern Russia" (the parser hangs
    both phrases on the verb)."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in {"in", "at"} or preposition.head.i == preposition.i:
        return []
    doc = token.doc
    after = token.right_edge.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    following = next(
        (c for c in preposition.head.children if c.i == after and c.dep_ == "prep" and c.lower_ == "in"), None
    )
    if following is None:
        return []
    return [p for p in following.children if p.dep_ == "pobj"]


def capital_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """ "the capital, Niamey", "the Belarusian capital of Minsk", "Iran's capital city, Tehran".

    A city the text calls a capital is the capital of the country the phrase
    names (a demonym, a possessive, "of" a country); without one, of the country
    the gazetteer makes it the capital of, or the document's country. A named
    country and the gazetteer must agree.
    """
    spec = extractor.lexicon.relations["capitalOf"]
    gazetteer = extractor.gazetteer
    found = extractor.found
    words = extractor.lexicon.words("capital_words")
    for noun in sentence.tokens:
        if noun.lemma_.lower() not in words or noun.pos_ != "NOUN":
            continue
        phrase = (
            noun.head
            if noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"} and noun.head.lower_ in {"city", "town"}
            else noun
        )  # "capital city"
        cities = [c for c in phrase.children if c.dep_ == "appos"]
        cities += [
            p for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
        ]
        if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
            cities.append(noun.head)  # "the capital Naypyidaw"
        if phrase.dep_ == "appos":
            cities.append(phrase.head)  # "Tehran, Iran's capital"
        places = [
            Arg(found.entities[m.entity_key], m.text, m.via)
            for c in cities
            for m in sentence.mentions(c)
            if found.entities[m.entity_key].type == "Place"
        ]
        if not places:
            continue
        modifiers = [c for t in {noun, phrase} for c in t.children if c.dep_ in {"amod", "poss", "compound", "nmod"}]
        modifiers += [
            p for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
        ]
        named = [
            Arg(found.entities[m.entity_key], m.text, m.via)
            for c in modifiers
            for m in sentence.mentions(c)
            if found.entities[m.entity_key].type == "Country"
        ]
        for place in places:
            known = place.entity.capital_of
            countries = [a for a in named if not known or a.entity.key == known]
            if not countries and not named:
                key = known or found.home
                if key and key in gazetteer:
                    countries = [Arg(gazetteer[key], noun.text, "context")]
                    found.entities.setdefault(key, gazetteer[key])
            for country in countries:
                made = extractor.record("capitalOf", spec, place, country, sentence, None, "Asserted", spec.confidence)
                if made is not None:
                    yield made
