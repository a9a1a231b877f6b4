"""Where places are: "Vancouver, British Columbia, Canada", "the Bolshoi Theatre in Moscow"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extraction.arguments import Arg

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extraction.core import Extractor
    from kg.extraction.sentence import Sentence
    from kg.records import Mention, Relation

__all__ = ["location_relations"]


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
    for index, (token, mention) in sorted(heads.items()):
        located = found.entities[mention.entity_key]
        if located.type not in spec.subject_types:
            continue
        containers: list[Token] = []
        node = token
        for _ in range(chain):  # an apposition chain: A, B, C
            nxt = [c for c in node.children if c.dep_ == "appos" and c.i > node.i
                   and doc[c.left_edge.i - 1].text == ","]
            if not nxt or any(c.dep_ in {"conj", "cc"} for c in (*nxt[0].children, *node.children)):
                break  # "Nagoya, Shizuoka and other cities": a list, not a location
            containers.append(nxt[0])
            node = nxt[0]
        containers += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "in"
                       for p in c.children if p.dep_ == "pobj"]
        subject = Arg(located, mention.text, mention.via)
        for container in containers:
            for m in sentence.mentions(container):
                arg = Arg(found.entities[m.entity_key], m.text, m.via)
                if arg.entity.type not in spec.object_types or arg.entity.key == located.key:
                    continue
                if arg.entity.type == "Country" and located.country and located.country != arg.entity.key:
                    continue
                made = extractor.record("locatedIn", spec, subject, arg, sentence, None, "Asserted",
                                        spec.confidence * extractor.confidence.location)
                if made is not None:
                    yield made
