"""Gold keys of actors: names, agents through their country and sector, demonym bodies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.evaluation import GoldEntity
from kg.evaluation.actors import GoldResolver, agent_key_suffixes
from kg.records import Entity

GOLD = {
    key: GoldEntity(key, tuple(aliases))
    for key, aliases in {
        "KEN": ["Kenya", "Kenyan"],
        "KEN_POLICE": ["Kenyan police"],
        "KEN_PROTESTERS": ["Kenyan protesters"],
        "KEN_OPPOSITION": ["Kenyan opposition"],
        "KEN_MEDIA": ["Kenyan media"],
        "PAK": ["Pakistan"],
        "PAK_MIL": ["Pakistan Army"],
        "PAK_RANGERS": ["Pakistan Rangers"],
        "XKX": ["Kosovo"],
        "XKX_POLICE": ["Kosovo police"],
        "FRA": ["France", "French"],
        "FRA_MFA": ["Quai d'Orsay"],
        "Ruto": ["Ruto"],
    }.items()
}

KENYA = Entity("kenya", "Kenya", "Country", iso3="KEN", demonyms=("Kenyan",))
PAKISTAN = Entity("pakistan", "Pakistan", "Country", iso3="PAK", demonyms=("Pakistani",))
KOSOVO = Entity("kosovo", "Kosovo", "Country", demonyms=("Kosovar",))  # no ISO code
FRANCE = Entity("france", "France", "Country", iso3="FRA", demonyms=("French",))


def agent(country: Entity, sector: str) -> Entity:
    return Entity(
        f"{country.key}-{sector.lower()}",
        f"{country.label} ({sector.lower()})",
        "Agent",
        country=country.key,
        sector=sector,
    )


@pytest.fixture
def resolver() -> GoldResolver:
    return GoldResolver(GOLD)


@pytest.mark.parametrize(
    ("country", "sector", "keys"),
    [
        (KENYA, "Police", {"KEN", "KEN_POLICE"}),
        (KENYA, "Protesters", {"KEN", "KEN_PROTESTERS"}),
        # Opposition answers to OPPOSITION and PROTESTERS keys
        (KENYA, "Opposition", {"KEN", "KEN_OPPOSITION", "KEN_PROTESTERS"}),
        # Military: MIL and RANGERS exist; NATGUARD and JUNTA are not gold keys here
        (PAKISTAN, "Military", {"PAK", "PAK_MIL", "PAK_RANGERS"}),
        # the country's gold key gives the prefix when it has no ISO code
        (KOSOVO, "Police", {"XKX", "XKX_POLICE"}),
        # Media is not in the table: the agent is its country only, never KEN_MEDIA
        (KENYA, "Media", {"KEN"}),
        (KENYA, "Judiciary", {"KEN"}),
    ],
)
def test_agent_resolves_to_its_country_and_the_agent_keys_of_its_sector(
    resolver: GoldResolver, country: Entity, sector: str, keys: set[str]
) -> None:
    assert resolver.resolve(agent(country, sector), "officers", (country,)) == keys


def test_agent_finds_its_country_among_countries_seen_elsewhere(resolver: GoldResolver) -> None:
    police = agent(KENYA, "Police")

    assert resolver.resolve(police, "officers") == frozenset()
    resolver.know_countries([PAKISTAN, KENYA, agent(KENYA, "Protesters")])
    assert resolver.resolve(police, "officers") == {"KEN", "KEN_POLICE"}


def test_agent_named_by_a_gold_alias_resolves_by_name_too(resolver: GoldResolver) -> None:
    # no country known: the words alone reach KEN_POLICE
    assert resolver.resolve(agent(KENYA, "Police"), "Kenyan police") == {"KEN_POLICE"}


def test_agent_of_an_unknown_country_resolves_to_nothing(resolver: GoldResolver) -> None:
    ruritania = Entity("ruritania", "Ruritania", "Country", iso3="RUR")
    assert resolver.resolve(agent(ruritania, "Police"), "police", (ruritania,)) == frozenset()


@pytest.mark.parametrize(
    ("entity", "text", "keys"),
    [
        # a body named with its country's demonym is the country
        (
            Entity("mfa-fra", "Ministry of Foreign Affairs (France)", "GovernmentBody", country="france"),
            "French foreign ministry",
            {"FRA"},
        ),
        (Entity("le-monde", "Le Monde", "Organization", country="france"), "the French daily", {"FRA"}),
        # without the demonym in the words, nothing
        (
            Entity("mfa-fra", "Ministry of Foreign Affairs (France)", "GovernmentBody", country="france"),
            "the foreign ministry",
            set(),
        ),
        # "Frenchman" holds no demonym as a word
        (
            Entity("mfa-fra", "Ministry of Foreign Affairs (France)", "GovernmentBody", country="france"),
            "the Frenchmen's ministry",
            set(),
        ),
        # a body that resolves by its own name keeps only that key
        (Entity("mfa-fra", "Quai d'Orsay", "GovernmentBody", country="france"), "French foreign ministry", {"FRA_MFA"}),
        # a person is never their country, whatever the words
        (Entity("jean-dupont", "Jean Dupont", "Person", country="france"), "French envoy Jean Dupont", set()),
    ],
)
def test_body_or_organisation_resolves_to_its_country_only_by_demonym(
    resolver: GoldResolver, entity: Entity, text: str, keys: set[str]
) -> None:
    assert resolver.resolve(entity, text, (FRANCE,)) == keys


def test_agent_key_table_follows_the_gold_conventions() -> None:
    assert dict(agent_key_suffixes()) == {
        "Military": ("MIL", "RANGERS", "NATGUARD", "JUNTA"),
        "Police": ("POLICE",),
        "Government": ("GOV", "JUNTA"),
        "Protesters": ("PROTESTERS",),
        "Opposition": ("OPPOSITION", "PROTESTERS"),
        "Rebels": ("REBELS",),
        "Legislature": ("PARLIAMENT", "CONGRESS", "NA"),
        "Civilians": ("CIVILIANS",),
        "Criminals": ("GANGS",),
        "Business": ("TRADERS",),
    }


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"suffixes": {"Army": ["MIL"]}}, "unknown sector 'Army'; use one of Government, Military"),
        ({"suffixes": {"Police": ["police"]}}, "sector 'Police' needs a list of upper-case suffixes"),
        ({"suffixes": ["MIL"]}, '"suffixes" must map sectors to lists of key suffixes'),
        ([], "cannot read the agent-key table"),
    ],
)
def test_malformed_agent_key_table_raises_config_error(tmp_path: Path, table: object, message: str) -> None:
    path = tmp_path / "agent_keys.json"
    path.write_text(json.dumps(table), encoding="utf-8")

    with pytest.raises(ConfigError) as caught:
        agent_key_suffixes(path)

    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
