"""Build kg/lexicon/cameo.json: verb patterns derived from the CAMEO verb dictionary.

Reads PETRARCH2's CAMEO verb dictionary (``CAMEO.2.0.txt``, MIT, Open Event Data
Alliance) and the curated input ``kg/lexicon/cameo-curated.json``, which says
which CAMEO codes express which geokg relation (following the CAMEO-to-PLOVER
table of PLOVER's manual and DESIGN.md's relation vocabulary) and which derived
entries are dropped after review (too broad, or wrong in news English).

Three shapes of dictionary entry become lexicon patterns:

- a verb with a code of its own, or in a block with one (``ACCUSE [112]``,
  ``--- SAVAGE [111] ---``): the verb alone, its object the relation's object
  ("accused Russia");
- a verb with an object noun (``- * SANCTIONS [163]`` under IMPOSE): the verb
  and the noun (matched only as the verb's noun object), the relation's object
  named by the noun's modifiers or its target phrase ("imposed sanctions on Iran");
- a verb with a bare preposition (``- * (AGAINST) [140]`` under RALLY): the
  verb and the preposition, its object the relation's object.

Every entry records the dictionary line it came from. The output is sorted and
byte-identical on every run.

    python scripts/build_cameo_lexicon.py ../shared/data/petrarch2/CAMEO.2.0.txt
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

LEXICON = Path(__file__).resolve().parents[1] / "kg" / "lexicon"
BLOCK = re.compile(r"^---\s+(?P<name>\S.*?)\s+\[(?P<code>[^\]]*)\]\s+---")
VERB = re.compile(r"^(?P<verb>[A-Z][A-Z_'\-]*)\s*(?:\{[^}]*\})?\s*(?:\[(?P<code>[^\]]+)\])?")
PATTERN = re.compile(r"^-\s+(?P<body>.*?)\s*\[(?P<code>[^\]]+)\]")
SET = re.compile(r"^&(?P<name>[A-Z_0-9]+)")
WORD = re.compile(r"^[A-Z][A-Z'\-]*$")


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[dict]]:
    """The synonym sets and the verb blocks (verbs with codes, patterns with codes) of the dictionary."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    sets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    current_set: str | None = None
    block: dict | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            current_set = None
            continue
        if block is None:
            named = SET.match(line)
            if named:
                current_set = named["name"]
                sets[current_set] = []
                continue
            if current_set and line.startswith("+"):
                sets[current_set].append(line[1:].strip().replace("_", " ").lower())
                continue
        header = BLOCK.match(line)
        if header:
            block = {"name": header["name"], "code": header["code"], "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None:
            continue
        pattern = PATTERN.match(line)
        if pattern:
            # the comment names the verb of the block the pattern was written for
            comment = raw.split("#", 1)[1].strip().split()[:1] if "#" in raw else []
            verb = (
                comment[0].replace("_", " ").lower() if comment and WORD.match(comment[0].replace("_", "-")) else None
            )
            block["patterns"].append((pattern["body"], pattern["code"], number, raw.strip(), verb))
            continue
        verb = VERB.match(line.strip())
        if verb:
            block["verbs"].append((verb["verb"].replace("_", " ").lower(), verb["code"], number, raw.strip()))
    return sets, blocks


def relation_of(code: str, codes: dict[str, str]) -> str | None:
    """The geokg relation of a CAMEO code: the longest code prefix the curated table maps."""
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    for length in range(len(code), 1, -1):
        relation = codes.get(code[:length])
        if relation is not None:
            return relation or None  # "" maps a code to nothing on purpose
    return None


def _phrase(words: list[str], sets: dict[str, list[str]]) -> list[str]:
    """The lower-case phrase a pattern's object words spell; none for synonym sets (``&WEAPON``).

    A synonym set multiplies a pattern by every member ("drop missile", "drop
    sword" ...), mostly phrases news never uses; such patterns are not read.
    """
    phrases = [""]
    for word in words:
        if WORD.match(word):
            phrases = [f"{p} {word.lower()}".strip() for p in phrases]
        else:
            return []
    return phrases


def derive(blocks: list[dict], sets: dict[str, list[str]], curated: dict) -> dict[str, list[dict]]:
    """Lexicon entries by relation, each with its source line."""
    codes = curated["codes"]
    prepositions = set(curated["object_prepositions"])
    rejected_verbs = set(curated["reject_verbs"])
    rejected = set(curated["reject_patterns"])
    block_defaults_skipped = set(curated["block_codes_not_inherited"])
    found: dict[str, dict[str, dict]] = {}

    def add(relation: str, pattern: dict, source: str) -> None:
        if pattern["pattern"] in rejected or pattern["pattern"].split()[0] in rejected_verbs:
            return
        entries = found.setdefault(relation, {})
        entries.setdefault(pattern["pattern"], {**pattern, "source": f"CAMEO.2.0.txt:{source}"})

    for block in blocks:
        verbs = [v for v in block["verbs"] if " " not in v[0] or len(v[0].split()) <= 2]
        block_code = block["code"] if block["code"] not in block_defaults_skipped else ""
        for verb, code, number, raw in verbs:
            relation = relation_of(code or block_code, codes) if (code or block_code) else None
            if relation is not None:
                add(relation, {"pattern": verb}, f"{number}: {raw}")
        for body, code, number, raw, written_for in block["patterns"]:
            relation = relation_of(code, codes)
            if relation is None:
                continue
            tokens = body.replace("{", " ").replace("}", " ").replace("(", " ( ").replace(")", " ) ").split()
            if not tokens or tokens[0] != "*" or any(t in {"+", "$", "^", "%"} for t in tokens):
                continue
            rest = tokens[1:]
            for verb in [v for v, *_ in verbs if v == written_for] or [v for v, *_ in verbs[:1]]:
                if rest[:1] == ["("] and rest[-1:] == [")"] and len(rest) == 3 and rest[1].lower() in prepositions:
                    add(relation, {"pattern": f"{verb} {rest[1].lower()}"}, f"{number}: {raw}")
                elif rest and "(" not in rest and len(rest) <= 2:
                    for phrase in _phrase(rest, sets):
                        add(relation, {"pattern": f"{verb} {phrase}", "noun_object": True}, f"{number}: {raw}")
    return {
        relation: sorted(entries.values(), key=lambda e: e["pattern"]) for relation, entries in sorted(found.items())
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path, help="path of PETRARCH2's CAMEO.2.0.txt")
    parser.add_argument("-o", "--output", type=Path, default=LEXICON / "cameo.json")
    args = parser.parse_args(argv)
    if not args.dictionary.is_file():
        print(f"{args.dictionary}: no such file; give the path of CAMEO.2.0.txt", file=sys.stderr)
        return 2
    curated = json.loads((LEXICON / "cameo-curated.json").read_text(encoding="utf-8"))
    sets, blocks = read_dictionary(args.dictionary)
    relations = derive(blocks, sets, curated)
    data = {
        "_about": "Verb patterns derived from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, MIT, Open Event "
        "Data Alliance) by scripts/build_cameo_lexicon.py with kg/lexicon/cameo-curated.json; each entry "
        "records its source line. Read with relations.json, whose entries take precedence; do not edit "
        "by hand.",
        "confidence_factor": curated["confidence_factor"],
        "relations": {relation: {"verbs": entries} for relation, entries in relations.items()},
    }
    args.output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.output}: {sum(len(e) for e in relations.values())} patterns for {len(relations)} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
