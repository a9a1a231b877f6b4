"""The shape of a news document: headline, dateline, body, and the country it is about.

A leading headline (a short first line followed by a blank line) is the
document's title, not part of the first sentence's evidence; a dateline or
byline ("LONDON (AP) —", "ISLAMABAD (Reuters) -", "Canadian Press - VANCOUVER
(CP) -", "By bne IntelliNews September 27, 2023") names where and by whom the
story was filed, not an actor. :func:`read_layout` finds where the body starts.

:func:`home_country` weighs the countries a document names (their names,
demonyms, capitals and cities, the first sentence and the dateline count
more) to find the country the story is about: "police" and "protesters" with
no nationality of their own belong to it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extraction.entities import DocumentEntities
    from kg.gazetteer import Gazetteer
    from kg.records import Entity

__all__ = ["Layout", "LayoutSettings", "dateline_places", "read_layout", "home_country"]


@dataclass(frozen=True)
class LayoutSettings:
    """Tunables of document layout (the grammar file's ``"document"`` section)."""

    #: Longest first line read as a headline.
    headline_max_chars: int = 150
    #: How far into the body a dateline may reach.
    dateline_max_chars: int = 80
    #: Words that end a dateline's agency or byline ("Reuters", "AP").
    agency_words: frozenset[str] = frozenset()
    #: Weights of the evidence for the document's country.
    weights: dict[str, float] | None = None
    #: The home country must weigh at least this much.
    home_min_weight: float = 2.0
    #: Character references left broken in scraped text, and the characters they stand for.
    broken_references: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Layout:
    """Character offsets of a document's parts; ``body_start`` is where its sentences begin."""

    headline_end: int = 0
    dateline_start: int = 0
    dateline_end: int = 0

    @property
    def body_start(self) -> int:
        return max(self.headline_end, self.dateline_end)

    def in_body(self, start: int) -> bool:
        """Whether text starting at ``start`` lies in the body (not in the headline or dateline)."""
        if start < self.headline_end:
            return False
        return not self.dateline_start <= start < self.dateline_end

    def to_data(self) -> dict[str, int]:
        return {
            "headline_end": self.headline_end,
            "dateline_start": self.dateline_start,
            "dateline_end": self.dateline_end,
        }


_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Za-z.'&]*(?:[ ,/]+[A-Za-z0-9.'&]+){0,5}\s*)?(?:\([A-Za-z .]+\)\s*)?"
    r"(?:-{1,2}|\u2013|\u2014|:)\s"
)
_BYLINE = re.compile(r"\s*By\s+(?:[A-Z][\w.'&-]*\s+){1,4}(?:\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\s+\d{4})\s*")
_CAPITALS_PLACE = re.compile(r"[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]{2,}){0,2}(?=[ ,:]|$)")
_CAPITALS_WORD = re.compile(r"\s*(?P<place>[A-Z][A-Z.'\-]{2,}(?:[ ,]+[A-Z][A-Z.'\-]{2,}){0,2})[,]?\s+(?=[A-Z][a-z])")


def read_layout(text: str, settings: LayoutSettings, is_place: Callable[[str], bool] = lambda name: False) -> Layout:
    """Find the headline and the dateline at the start of ``text``.

    ``is_place`` says whether a name is a place's: a city in capitals opens a
    dateline without punctuation ("HARARE Zimbabwe's military ...") only then.

    Examples
    --------
    >>> layout = read_layout("KABUL (Reuters) - Afghan forces said ...", LayoutSettings())
    >>> layout.body_start
    18
    """
    headline_end = _headline_end(text, settings)
    start = headline_end
    while start < len(text) and text[start].isspace():
        start += 1
    dateline_end = _dateline_end(text[start:], settings, is_place)
    return Layout(
        headline_end=headline_end,
        dateline_start=start if dateline_end else 0,
        dateline_end=start + dateline_end if dateline_end else 0,
    )


def _headline_end(text: str, settings: LayoutSettings) -> int:
    """Where a leading headline (a short first line, then a blank line) ends, or 0."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    first, separator, rest = stripped.partition("\n")
    if not separator or not rest.strip() or len(first.strip()) > settings.headline_max_chars:
        return 0
    if not re.match(r"[ \t]*\r?\n", rest) and not rest.startswith("\n"):
        return 0  # the first line runs on into the text: a sentence broken across lines
    if first.rstrip().endswith((".", ",", ":", ";")) or not first.strip()[:1].isupper():
        return 0
    return offset + len(first) + 1


def _dateline_end(text: str, settings: LayoutSettings, is_place: Callable[[str], bool]) -> int:
    """Where a dateline or byline at the start of ``text`` ends, or 0."""
    window = text[: settings.dateline_max_chars]
    byline = _BYLINE.match(window)
    if byline is not None:
        return byline.end()
    match = _DATELINE.match(window)
    if match is not None and match.end() >= 4:
        head = text[: match.end()].strip(" -\u2013\u2014")
        words = head.split()
        place = _CAPITALS_PLACE.match(head)
        placed = place is not None and is_place(place.group().title())  # "JERUSALEM Aug. 23, 2004 -"
        if text[: match.end()].rstrip().endswith(":"):
            marked = placed  # "BAGHDAD, Sept 12:", not "NATO: allies meet"
        else:
            marked = placed or "(" in head or head.isupper() or bool(words and words[-1] in settings.agency_words)
        if marked:
            rest = _dateline_end(text[match.end() :], settings, is_place) if match.end() < len(text) else 0
            return match.end() + rest
    capitals = _CAPITALS_WORD.match(window)
    if capitals is not None and is_place(capitals["place"].split(",")[0].title()):
        return capitals.end()  # "HARARE Zimbabwe's military ...": a city in capitals, then the story
    return 0


def home_country(
    doc: Doc,
    found: DocumentEntities,
    gazetteer: Gazetteer,
    layout: Layout,
    settings: LayoutSettings,
    dateline_text: str | None = None,
) -> Entity | None:
    """The country the document is about, when one stands out; else None.

    Each mention of a country counts (by name, demonym or metonym), a city or
    capital, or a person the gazetteer knows in national office, counts for its country, the first
    sentence and the dateline count
    extra. The leading country must weigh at least ``home_min_weight`` and more
    than any other.
    """
    weights = settings.weights or {}
    score: Counter[str] = Counter()
    first_sentence = next(iter(s for s in doc.sents if s.end_char > layout.body_start), None)
    counted_first: set[str] = set()
    first_seen: dict[str, int] = {}
    for mention in found.mentions:
        entity = found.entities.get(mention.entity_key)
        country = _country_key(entity, gazetteer)
        if country is None:
            continue
        if not layout.in_body(mention.start):
            if layout.dateline_start <= mention.start < layout.dateline_end:
                score[country] += weights.get("dateline", 1.0)
            continue
        score[country] += (
            weights.get("mention", 1.0)
            if entity.type in {"Country", "Agent"}
            else weights.get("person", 0.5)
            if entity.type == "Person"
            else weights.get("place", 0.5)
        )
        first_seen.setdefault(country, mention.start)
        if first_sentence is not None and mention.start < first_sentence.end_char and country not in counted_first:
            counted_first.add(country)
            score[country] += weights.get("first_sentence", 1.0)
    if layout.dateline_end:
        # the dateline as written: the text the parser read has it blanked out
        dateline = dateline_text or doc.text[layout.dateline_start : layout.dateline_end]
        for entity in dateline_places(dateline, gazetteer):
            country = _country_key(entity, gazetteer)
            if country is not None:
                score[country] += weights.get("dateline", 1.0)
    if not score:
        return None
    # ties go to the country named first: news names its subject early
    ranked = sorted(score.items(), key=lambda item: (-item[1], first_seen.get(item[0], math.inf)))
    best, weight = ranked[0]
    if weight < settings.home_min_weight:
        return None
    return found.entities.get(best) or gazetteer.get(best)


def dateline_places(dateline: str, gazetteer: Gazetteer) -> list[Entity]:
    """The entities a dateline's names are, first reading of each: "KHARTOUM, Sudan --" is Khartoum and Sudan."""
    return [
        entity
        for name in re.findall(r"[A-Z][A-Za-z.'\-]+(?:[ ][A-Z][A-Za-z.'\-]+)*", dateline.title())
        for entity in gazetteer.lookup(name)[:1]
    ]


def _country_key(entity: Entity | None, gazetteer: Gazetteer) -> str | None:
    """The country an entity is, or is a place of."""
    if entity is None:
        return None
    if entity.type == "Country":
        return entity.key
    if entity.type in {"Place", "Agent"}:
        key = entity.capital_of or entity.country
        if key and (key in gazetteer) and gazetteer[key].type == "Country":
            return key
    if entity.type == "Person":
        # "Cuban leader Miguel Díaz-Canel ... he said": a known head of state stands for his country
        held = [where for _, where, _, _ in gazetteer.roles(entity.key) if where in gazetteer]
        if held and gazetteer[held[-1]].type == "Country":
            return held[-1]
    return None
