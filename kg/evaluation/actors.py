"""Which gold keys an extracted actor answers to.

An entity resolves to a gold key through its names (label, aliases,
abbreviations, the statement's words for it) or its Wikidata id. Two kinds of
actor also resolve through their country, as the gold sets' conventions say:

- an ``Agent`` (a country's sector acting, "Israeli troops") answers to the
  gold key of its country and to the agent key ``<COUNTRY>_<SUFFIX>`` for each
  suffix of its sector in ``agent_keys.json`` (Military: ``ISR_MIL``,
  ``PAK_RANGERS`` ...);
- a ``GovernmentBody`` or ``Organization`` whose names match no gold key
  answers to its country's key when the statement names it with the
  country's demonym ("French foreign ministry" -> ``FRA``).

The country is the entity among the statement's
:attr:`~kg.records.Relation.countries` whose key is the actor's ``country``,
else a country entity of that key seen elsewhere in the same run.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from kg.errors import ConfigError
from kg.records import SECTORS, Entity

__all__ = ["AGENT_KEYS_PATH", "CountryIndex", "GoldResolver", "agent_key_suffixes", "normalise"]

#: The table of agent-key suffixes per sector.
AGENT_KEYS_PATH = Path(__file__).with_name("agent_keys.json")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalise(name: str) -> str:
    """Fold case, accents, apostrophes and spacing, and drop a leading "the ".

    Examples
    --------
    >>> normalise("The  Côte d’Ivoire")
    "cote d'ivoire"
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    folded = " ".join(folded.split())
    return folded[4:] if folded.startswith("the ") else folded


@lru_cache(maxsize=4)
def agent_key_suffixes(path: Path = AGENT_KEYS_PATH) -> Mapping[str, tuple[str, ...]]:
    """Read the gold-key suffixes of each sector.

    Parameters
    ----------
    path : Path, optional
        A JSON file ``{"suffixes": {sector: [suffix, ...]}}``; by default the
        table shipped with geokg.

    Returns
    -------
    mapping of str to tuple of str
        Sector (one of :data:`kg.records.SECTORS`) -> suffixes.

    Raises
    ------
    ConfigError
        When the file cannot be read, names an unknown sector or gives a
        suffix that is not upper-case letters.

    Examples
    --------
    >>> agent_key_suffixes()["Police"]
    ('POLICE',)
    >>> "Media" in agent_key_suffixes()
    False
    """
    try:
        table = json.loads(path.read_text(encoding="utf-8")).get("suffixes")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError) as error:
        raise ConfigError(
            f"{path}: cannot read the agent-key table ({error}); give a JSON object "
            '{"suffixes": {sector: [suffix, ...]}}'
        ) from None
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: "suffixes" must map sectors to lists of key suffixes')
    suffixes = {}
    for sector, values in table.items():
        if sector not in SECTORS:
            raise ConfigError(f"{path}: unknown sector {sector!r}; use one of {', '.join(SECTORS)}")
        if not isinstance(values, list) or not all(
            isinstance(value, str) and re.fullmatch(r"[A-Z]+", value) for value in values
        ):
            raise ConfigError(f'{path}: sector {sector!r} needs a list of upper-case suffixes such as "MIL"')
        suffixes[sector] = tuple(values)
    return MappingProxyType(suffixes)


def _has_words(text: str, phrase: str) -> bool:
    """Whether normalised `text` contains normalised `phrase` as whole words."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


class CountryIndex:
    """Find the country entity an actor belongs to.

    An actor names its country by key (:attr:`~kg.records.Entity.country`); the
    country entity is looked up among a statement's
    :attr:`~kg.records.Relation.countries`, else among the countries added
    with :meth:`add` (those seen anywhere in the same run).

    Examples
    --------
    >>> kenya = Entity("kenya", "Kenya", "Country", iso3="KEN")
    >>> police = Entity("kenya-police", "Kenya (police)", "Agent", country="kenya",
    ...                 sector="Police")
    >>> index = CountryIndex()
    >>> index.of(police) is None
    True
    >>> index.add([kenya])
    >>> index.of(police).iso3
    'KEN'
    """

    def __init__(self) -> None:
        self._countries: dict[str, Entity] = {}

    def add(self, entities: Iterable[Entity]) -> None:
        """Remember the country entities among `entities`."""
        for entity in entities:
            if entity.type == "Country":
                self._countries.setdefault(entity.key, entity)

    def of(self, entity: Entity, countries: Iterable[Entity] = ()) -> Entity | None:
        """The country entity `entity` belongs to, or None."""
        if not entity.country or entity.type == "Country":
            return None
        for country in countries:
            if country.key == entity.country and country.type == "Country":
                return country
        return self._countries.get(entity.country)


class GoldResolver:
    """Map extracted entities to the gold keys they answer to.

    Parameters
    ----------
    entities : mapping
        Gold key -> an object with ``key``, ``aliases`` and ``qid``
        (:class:`~kg.evaluation.relations.GoldEntity`).
    agent_suffixes : mapping, optional
        Sector -> gold-key suffixes; by default :func:`agent_key_suffixes`.

    Examples
    --------
    >>> from kg.evaluation.relations import GoldEntity
    >>> gold = {"KEN": GoldEntity("KEN", ("Kenya",)),
    ...         "KEN_POLICE": GoldEntity("KEN_POLICE", ("Kenyan police",))}
    >>> kenya = Entity("kenya", "Kenya", "Country", iso3="KEN")
    >>> police = Entity("kenya-police", "Kenya (police)", "Agent", country="kenya",
    ...                 sector="Police")
    >>> sorted(GoldResolver(gold).resolve(police, "officers", countries=(kenya,)))
    ['KEN', 'KEN_POLICE']
    """

    def __init__(self, entities: Mapping, agent_suffixes: Mapping[str, Iterable[str]] | None = None) -> None:
        self._keys = frozenset(entities)
        self._by_alias: dict[str, set[str]] = defaultdict(set)
        self._by_qid: dict[str, set[str]] = defaultdict(set)
        for entity in entities.values():
            for alias in entity.aliases:
                self._by_alias[normalise(alias)].add(entity.key)
            if entity.qid:
                self._by_qid[entity.qid].add(entity.key)
        suffixes = agent_key_suffixes() if agent_suffixes is None else agent_suffixes
        self._suffixes = {sector: tuple(values) for sector, values in suffixes.items()}
        self._countries = CountryIndex()
        self._cache: dict[tuple[Entity, str, Entity | None], frozenset[str]] = {}

    def know_countries(self, entities: Iterable[Entity]) -> None:
        """Remember country entities, so that actors naming their key find them."""
        self._countries.add(entities)

    def resolve(self, entity: Entity, text: str, countries: Iterable[Entity] = ()) -> frozenset[str]:
        """Return the gold keys `entity`, written as `text`, resolves to.

        `countries` are the statement's country entities, where an agent's or
        a body's country is looked up first.
        """
        country = self._countries.of(entity, countries)
        cached = self._cache.get((entity, text, country))
        if cached is not None:
            return cached
        keys = self._named(entity, text)
        if country is not None and entity.type == "Agent":
            country_keys = self._named(country, country.label)
            keys |= country_keys
            codes = country_keys | ({country.iso3} if country.iso3 else set())
            for suffix in self._suffixes.get(entity.sector or "", ()):
                keys |= {f"{code}_{suffix}" for code in codes} & self._keys
        elif country is not None and not keys and entity.type in ("GovernmentBody", "Organization"):
            written = normalise(text)
            if any(_has_words(written, normalise(demonym)) for demonym in country.demonyms):
                keys = self._named(country, country.label)
        result = frozenset(keys)
        self._cache[(entity, text, country)] = result
        return result

    def _named(self, entity: Entity, text: str) -> set[str]:
        """The gold keys of the entity's own names, its Wikidata id and `text`."""
        keys: set[str] = set(self._by_qid.get(entity.qid, ())) if entity.qid else set()
        for name in (*entity.names, text):
            keys |= self._by_alias.get(normalise(name), set())
        if entity.type == "Person":
            # "Jens Stoltenberg" also answers to a gold alias "Stoltenberg".
            words = normalise(entity.label).split()
            for first in range(1, len(words)):
                keys |= self._by_alias.get(" ".join(words[first:]), set())
        return keys
