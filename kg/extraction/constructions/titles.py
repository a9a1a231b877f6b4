"""Titles and roles: "Uzbek Defence Minister Bakhodir Kurbanov", "Pekka Haavisto, Finland's foreign minister".

A person named with a title of office is ``leaderOf`` (heads of state,
government and organisations) or ``officialOf`` (ministers, envoys, officers)
the country, organisation or body the title names; the role as written is kept
on the statement (``gkg:role``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterator

from kg.extraction.arguments import Arg

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extraction.core import Extractor
    from kg.extraction.sentence import Sentence
    from kg.records import Mention, Relation

__all__ = ["title_relations", "TitleReader"]


def title_relations(extractor: Extractor, sentence: Sentence, consumed: set[int]) -> Iterator[Relation]:
    """The leaderOf and officialOf statements of the persons named in the sentence."""
    yield from TitleReader(extractor).relations(sentence)


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
        self.organisational_words = tuple(titles["organisational_role_words"])
        self.title_words = extractor.lexicon.title_words("leader", "official") | self.title_modifiers

    def role_of(self, words: list[Token]) -> tuple[str, str] | None:
        """The longest title of office at the end of ``words``: (kind, role as written)."""
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
        extractor = self.extractor
        found = extractor.found
        people = {}
        for mentions in sentence.by_token.values():
            for mention in mentions:
                if found.entities[mention.entity_key].type == "Person":
                    people.setdefault((mention.start, mention.entity_key), mention)
        anchored: set[str] = set()
        pending: list[tuple[Mention, Token, str, str]] = []
        doc = sentence.sent.doc
        fit = extractor.arguments.fit
        for (_, key), mention in sorted(people.items()):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            person = Arg(found.entities[key], mention.text, mention.via)
            unanchored: list[tuple[str, str]] = []
            done = False
            for words, context in self.title_phrases(span, sentence):
                role = self.role_of(words)
                if role is None:
                    continue
                kind, role_text = role
                relation = "leaderOf" if kind == "leader" else "officialOf"
                spec = extractor.lexicon.relations[relation]
                anchors = extractor.arguments.args(context, sentence)
                fitted = [a for a in (fit(x, spec.object_types) for x in anchors) if a is not None]
                core = self.core_role(role_text)
                # "the Iranian film director", "a Russian military leader": nationality, not office
                fitted = [a for a in fitted if not (a.via == "demonym" and core in self.generic_titles
                                                    and role_text.lower() != "leader")]
                if fitted:
                    anchor = fitted[0]
                    anchored.add(anchor.entity.key)
                    made = extractor.record(relation, spec, person, replace(anchor, via="title"), sentence, None,
                                            "Asserted", spec.confidence, role=tidy_role(role_text))
                    if made is not None:
                        yield made
                    done = True
                    break
                if core in self.context_roles:
                    unanchored.append((relation, role_text))
            if not done and unanchored:
                pending.append((mention, span.root, *unanchored[0]))
        for mention, root, relation, role_text in pending:
            anchor = self.context_anchor(root, role_text, sentence, anchored)
            if anchor is None:
                continue
            spec = extractor.lexicon.relations[relation]
            person = Arg(found.entities[mention.entity_key], mention.text, mention.via)
            made = extractor.record(relation, spec, person, anchor, sentence, None, "Asserted",
                                    spec.confidence * extractor.confidence.title_context, role=tidy_role(role_text))
            if made is not None:
                yield made

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
        words: list[Token] = []
        context: list[Token] = []
        index = span.start - 1
        while index >= sentence.sent.start and index in subtree:
            token = doc[index]
            if token.is_punct and token.text not in {"-", "\u2013"}:
                break
            if not context and token.lower_.rstrip(".") in self.title_words and not sentence.mentions(token):
                words.insert(0, token)
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
        # 5. "Y was sworn in as Pakistan's prime minister", "Y, named as head of X"
        if root.dep_ in {"nsubj", "nsubjpass"}:
            for prep in (c for t in (root.head, *root.head.children) for c in t.children
                         if c.dep_ == "prep" and c.lower_ == "as"):
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
        words = [c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.lower_.rstrip(".") in self.title_words]
        words.append(noun)
        context = [c for c in noun.lefts if c.dep_ in {"poss", "compound", "amod", "nmod"} and c not in words]
        context += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "to"}
                    for p in c.children if p.dep_ == "pobj"]
        return words, context

    def context_anchor(self, root: Token, role: str, sentence: Sentence, taken: set[str]) -> Arg | None:
        """For a title without its country ("President Zelensky"), the country the sentence gives it.

        Only two readings are trusted, as news writes them: the country that is a
        grammatical subject of the sentence ("India has refused ..., Foreign
        Minister Jaishankar said"), or the country visited in the sentence ("visited
        Kyiv, where he met President Zelensky"). Organisational titles ("Secretary
        General") take the organisation named in the sentence. Countries and
        organisations already claimed by another title are skipped.
        """
        extractor = self.extractor
        organisational = any(word in role.lower() for word in self.organisational_words)
        visited: list[int] = []
        host = root.dep_ not in {"nsubj", "nsubjpass"}  # "met President X" in a visit, not "King X began a visit"
        for token in sentence.sent:
            visitors = {c.i for c in token.children if c.dep_ == "nsubj"}
            if root.i not in visitors and any(
                    p.relation == "visited" for p in extractor.patterns(extractor.lexicon.verbs, token)):
                # the visited place: the verb's object, or the object of its preposition ("flew to")
                visited += [o.i for o in token.subtree if o.dep_ in {"dobj", "pobj"}
                            and o.head.i in {token.i, *(c.i for c in token.children)}]
        ranked: list[tuple[tuple[int, int], Arg]] = []
        gazetteer = extractor.gazetteer
        for index, mentions in sorted(sentence.by_token.items()):
            for mention in mentions:
                entity = extractor.found.entities[mention.entity_key]
                if mention.via == "coreference":
                    continue
                token = sentence.sent.doc[index]
                if organisational:
                    if entity.type == "InternationalOrganization" and entity.key not in taken:
                        ranked.append(((0, abs(index - root.i)), Arg(entity, mention.text, mention.via)))
                    continue
                capital = entity.type == "Place" and entity.capital_of in gazetteer
                country = gazetteer[entity.capital_of] if capital else entity
                if country.type != "Country" or country.key in taken:
                    continue
                if index in visited and host:
                    rank = 0
                elif token.dep_ in {"nsubj", "nsubjpass"} and not capital:
                    rank = 1
                else:
                    continue
                extractor.found.entities.setdefault(country.key, country)
                ranked.append(((rank, abs(index - root.i)),
                               Arg(country, mention.text, "metonym" if capital else mention.via)))
        return min(ranked, key=lambda item: item[0])[1] if ranked else None


def tidy_role(text: str) -> str:
    """A role as written, without articles: "the Foreign Minister" -> "Foreign Minister"."""
    words = [w for w in text.split() if w.lower() not in {"the", "a", "an"}]
    return " ".join(words).strip(" ,")
