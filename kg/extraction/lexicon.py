"""The relation lexicon and the grammar word lists, read from JSON configuration.

The lexicon says how news phrases each relation of the vocabulary: verb
patterns ("pull out of", "impose sanction on"), nominalisations ("withdrawal
from") and participle modifiers ("Moscow-led"). Patterns are written as lemmas;
the first word is the trigger, the rest is the path from the trigger to the
relation's object. The packaged files live in ``kg/lexicon/``; a user can pass
their own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import ConfigError
from kg.records import RELATIONS, STANDING_RELATIONS

__all__ = ["ACTOR_TYPES", "Pattern", "RelationSpec", "Lexicon", "LEXICON_DIR"]

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicon"

ACTOR_TYPES = ("Country", "InternationalOrganization", "Person", "GovernmentBody", "Organization", "Agent")
_KNOWN_TYPES = set(ACTOR_TYPES) | {"Place", "Event"}
_TIME_ROLES = {"point", "period", "start", "end"}
# After "be", these start a copula pattern ("be part of", "be on visit to"), not a passive one.
_COPULA_COMPLEMENTS = frozenset(
    {
        "part",
        "member",
        "ally",
        "party",
        "agency",
        "body",
        "subordinate",
        "on",
        "in",
        "at",
        "home",
        "signatory",
        "elect",
        "appoint",
        "at war with",
    }
)


@dataclass(frozen=True)
class Pattern:
    """One way of stating a relation."""

    relation: str
    kind: str  # "verb" | "noun" | "modifier" | "modifier_noun"
    trigger: str
    path: tuple[str, ...] = ()
    reverse: bool = False
    confidence: float = 0.75
    #: How the pattern dates its relation, when it differs from the relation's
    #: ("move capital to" starts a capitalOf): "point", "period", "start" or "end".
    time_role: str | None = None
    #: Words before the trigger, for hyphenated triggers ("build-up" -> "build", "-", "up").
    prefix: tuple[str, ...] = ()
    #: Written "be <participle> ...": matches the participle in the passive voice,
    #: whose grammatical subject is the relation's subject ("is located in").
    passive: bool = False
    #: Where a verb without an object of its own finds it in its complement clause:
    #: "object" (the target of the event it is about: "threatened to shell Iraqi towns")
    #: or "subject" (who is to act: "demanded that Rwanda leave").
    complement: str | None = None
    #: Relations whose events in the complement give no object ("refused to impose
    #: sanctions on Russia" does not reject Russia).
    complement_excludes: frozenset[str] = frozenset()
    #: Only objects after these prepositions in the complement count ("agreed to restore ties with Cuba").
    complement_prepositions: frozenset[str] = frozenset()
    #: The path's words are the verb's noun object, read directly ("impose sanction").
    noun_object: bool = False
    #: The object is the trigger's own object, not the path's: "ordered French troops to leave".
    object_from_trigger: bool = False
    #: A noun whose possessive is the one acted on: "his detention by the coup leaders".
    possessive_object: bool = False
    #: The verb states the relation only with a complement clause: "told the Taliban not to attack".
    requires_complement: bool = False
    #: A warning threatens only when what it says is the warner's own act to come:
    #: "warned it would counter any challenge", not "warned Sudan that it has work to do".
    warning: bool = False
    #: Relations the words presuppose, asserted whatever the pattern's own modality, with
    #: the time role the pattern's time fills when it is asserted: "withdraw its troops
    #: from Chad" presupposes troops in Chad, which the withdrawal ends.
    presupposes: tuple[tuple[str, str], ...] = ()
    #: The words call the act a protest ("in protest at"): whoever does it protests, armed or not.
    declared_protest: bool = False

    @property
    def text(self) -> str:
        trigger = "".join((*self.prefix, self.trigger))
        return " ".join(("be", trigger, *self.path) if self.passive else (trigger, *self.path))


@dataclass(frozen=True)
class RelationSpec:
    """What a relation accepts and how its time is recorded."""

    name: str
    subject_types: frozenset[str]
    object_types: frozenset[str]
    time_role: str
    confidence: float
    also: tuple[tuple[str, str], ...] = ()
    commodity: bool = False
    #: The object may be named inside the object phrase: "struck a refinery inside Russia".
    object_inside: bool = False
    #: An attempt is the act itself ("tried to storm parliament" is an attack).
    attempt_is_act: bool = False
    #: An object noun that names an act gives its doer: "rejected calls by Belarus's rulers".
    object_doers: bool = False
    #: The object when the text names none: "subject_country" ("protesters took to the
    #: streets" protest against their own state).
    default_object: str | None = None
    #: The relation an agent of a sector states instead ("Kenyan police arrived in Haiti":
    #: a deployment, not a visit).
    agent_relation: tuple[tuple[str, str], ...] = ()
    #: Agents of these sectors are no object: speaking to reporters is no meeting.
    excluded_sectors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Relation patterns indexed by trigger lemma, and the grammar word lists."""

    relations: dict[str, RelationSpec]
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    modifiers: dict[str, tuple[Pattern, ...]]
    modifier_nouns: dict[str, tuple[Pattern, ...]]
    grammar: dict[str, Any] = field(default_factory=dict)
    triggers_by_relation: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Agent nouns and their sectors (``agents.json``): "troop" -> "Military".
    agent_nouns: dict[str, str] = field(default_factory=dict)
    #: Agent nouns that are titles in the singular ("official").
    plural_only_agents: frozenset[str] = frozenset()
    #: The word sets of :meth:`title_words` and :meth:`words`, made once: every document's
    #: extractor asks for them, and the grammar they come from does not change.
    _word_sets: dict[tuple[str, tuple[str, ...]], frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def load(
        cls,
        relations_path: str | Path | None = None,
        grammar_path: str | Path | None = None,
        agents_path: str | Path | None = None,
    ) -> Lexicon:
        """Read the lexicon; without arguments, the packaged one (cached).

        Raises
        ------
        ConfigError
            When a file is missing, is not JSON, or names an unknown type or time role.
        """
        if relations_path is None and grammar_path is None and agents_path is None:
            return _default_lexicon()
        return _read(
            Path(relations_path or LEXICON_DIR / "relations.json"),
            Path(grammar_path or LEXICON_DIR / "grammar.json"),
            Path(agents_path or LEXICON_DIR / "agents.json"),
            LEXICON_DIR / "cameo.json" if relations_path is None else None,
        )

    def patterns(self) -> list[Pattern]:
        """Every pattern, in lexicon order."""
        seen: list[Pattern] = []
        for index in (self.verbs, self.nouns, self.modifiers, self.modifier_nouns):
            for patterns in index.values():
                seen.extend(patterns)
        return seen

    def triggers(self, relation: str) -> frozenset[str]:
        """The trigger words of one relation's patterns ("join", "accede", "accession" ...)."""
        return self.triggers_by_relation.get(relation, frozenset())

    def phrases(self, relation: str) -> list[str]:
        """The phrases of one relation as written in the lexicon (for documentation)."""
        return [p.text for p in self.patterns() if p.relation == relation]

    def title_words(self, *kinds: str) -> frozenset[str]:
        """The words of titles of office ("prime", "minister"), without function words like "of"."""
        made = self._word_sets.get(("title_words", kinds))
        if made is None:
            titles = self.grammar["titles"]
            made = self._word_sets[("title_words", kinds)] = frozenset(
                word
                for kind in kinds
                for phrase in titles[kind]
                for word in phrase.split()
                if word not in {"of", "the", "in", "a", "an", "and", "for"}
            )
        return made

    def words(self, *keys: str) -> frozenset[str]:
        """A word list of the grammar, e.g. ``words("modality", "negating_verbs")``."""
        made = self._word_sets.get(("words", keys))
        if made is None:
            value: Any = self.grammar
            for key in keys:
                value = value[key]
            made = self._word_sets[("words", keys)] = frozenset(value)
        return made


@lru_cache(maxsize=1)
def _grammar_schema() -> dict:
    return _load_json(LEXICON_DIR / "grammar.schema.json")


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return _read(
        LEXICON_DIR / "relations.json",
        LEXICON_DIR / "grammar.json",
        LEXICON_DIR / "agents.json",
        LEXICON_DIR / "cameo.json",
    )


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: lexicon file not found; pass an existing JSON file") from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}:{error.lineno}: not valid JSON ({error.msg}); fix the file") from None


def _default_object(path: Path, name: str, value: Any) -> str | None:
    if value not in (None, "subject_country"):
        raise ConfigError(
            f'{path}: relation {name!r} has default_object {value!r}; use "subject_country" or leave it out'
        )
    return value


def _agent_relation(path: Path, name: str, value: dict) -> tuple[tuple[str, str], ...]:
    from kg.records import SECTORS

    for sector, relation in value.items():
        if sector not in SECTORS or relation not in RELATIONS:
            raise ConfigError(
                f"{path}: relation {name!r} maps agents of {sector!r} to {relation!r}; use sectors of "
                f"{', '.join(SECTORS)} and relations of the vocabulary"
            )
    return tuple(sorted(value.items()))


def _add_derived(data: dict, derived: dict, prepositions: frozenset[str]) -> None:
    """Add the derived patterns (``cameo.json``) that the hand-written lexicon does not have.

    A derived pattern takes its relation's confidence times the file's
    ``confidence_factor``; the hand-written entries win where both have a pattern.
    """
    factor = float(derived.get("confidence_factor", 1.0))
    relations = data.setdefault("relations", {})
    # a phrase the hand-written lexicon gives to one event is not derived for another event ("expel
    # diplomat" is an expulsion, not a severance); an event and the state it starts may share one
    # ("formed an alliance with": cooperation and alliance)
    written: dict[tuple[str, bool, str], set[str]] = {}
    for name, entry in relations.items():
        for section in ("verbs", "nouns"):
            for i in entry.get(section, []):
                phrase = _without_preposition(i if isinstance(i, str) else i["pattern"], prepositions)
                written.setdefault((section, name in STANDING_RELATIONS, phrase), set()).add(name)
    for name, sections in derived.get("relations", {}).items():
        entry = relations.get(name)
        if entry is None:
            continue
        base = float(entry.get("confidence", 0.75))
        for section, items in sections.items():
            known = {(i if isinstance(i, str) else i["pattern"]) for i in entry.get(section, [])}
            for item in items:
                phrase = _without_preposition(item["pattern"], prepositions)
                if item["pattern"] in known or written.get((section, name in STANDING_RELATIONS, phrase), {name}) - {
                    name
                }:
                    continue
                extra = {k: v for k, v in item.items() if k != "source"}
                entry.setdefault(section, []).append({**extra, "confidence": round(base * factor, 3)})


def _without_preposition(pattern: str, prepositions: frozenset[str]) -> str:
    """A pattern without the preposition that introduces its object: "open embassy in" -> "open embassy"."""
    words = pattern.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in prepositions else pattern


def _types(path: Path, name: str, values: list[str]) -> frozenset[str]:
    expanded: set[str] = set()
    for value in values:
        if value == "Actor":
            expanded.update(ACTOR_TYPES)
        elif value in _KNOWN_TYPES:
            expanded.add(value)
        else:
            raise ConfigError(
                f"{path}: relation {name!r} names unknown entity type {value!r}; "
                f"use Actor or one of {sorted(_KNOWN_TYPES)}"
            )
    return frozenset(expanded)


_JSON_TYPES = {"object": dict, "array": list, "string": str, "number": (int, float), "boolean": bool}


def check_shape(path: Path, value: Any, schema: dict, where: str = "") -> None:
    """Check a grammar file against its schema (``grammar.schema.json``): every section and
    setting the packaged grammar has, with its type.

    Raises
    ------
    ConfigError
        Naming the file, the first missing or mistyped setting, what it must be, and how to fix it.
    """
    kind = schema.get("type")
    expected = _JSON_TYPES.get(kind) if kind else None
    if expected is not None and (not isinstance(value, expected) or (kind == "number" and isinstance(value, bool))):
        raise ConfigError(
            f"{path}: {where or 'the file'} must be {_described(schema)}, not {type(value).__name__}; "
            f"write it as in the packaged grammar {LEXICON_DIR / 'grammar.json'}"
        )
    if kind == "object":
        for key in schema.get("required", ()):
            if key not in value:
                inner = schema["properties"][key]
                raise ConfigError(
                    f"{path}: missing {f'{where}.' if where else ''}{key} ({_described(inner)}); "
                    f"copy it from the packaged grammar {LEXICON_DIR / 'grammar.json'}"
                )
        for key, inner in schema.get("properties", {}).items():
            if key in value:
                check_shape(path, value[key], inner, f"{where}.{key}" if where else key)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for key, item in value.items():
                check_shape(path, item, extra, f"{where}.{key}" if where else key)
    elif kind == "array" and schema.get("items"):
        for index, item in enumerate(value):
            check_shape(path, item, schema["items"], f"{where}[{index}]")


def _described(schema: dict) -> str:
    kind = schema.get("type")
    if kind == "array":
        item = schema.get("items", {}).get("type")
        return f"a list of {item}s" if item else "a list"
    return {
        "object": "a section (a JSON object)",
        "number": "a number",
        "string": "a string",
        "boolean": "true or false",
    }.get(kind, "a value")


def _read(relations_path: Path, grammar_path: Path, agents_path: Path, derived_path: Path | None = None) -> Lexicon:
    data = _load_json(relations_path)
    grammar = _load_json(grammar_path)
    check_shape(grammar_path, grammar, _grammar_schema())
    agents = _load_json(agents_path)
    if derived_path is not None and derived_path.exists():
        _add_derived(data, _load_json(derived_path), frozenset(grammar.get("prepositions", ())))
    specs: dict[str, RelationSpec] = {}
    indexes: dict[str, dict[str, list[Pattern]]] = {
        "verbs": {},
        "nouns": {},
        "modifiers": {},
        "modifier_nouns": {},
    }
    kinds = {"verbs": "verb", "nouns": "noun", "modifiers": "modifier", "modifier_nouns": "modifier_noun"}
    for name, entry in data.get("relations", {}).items():
        if name not in RELATIONS:
            raise ConfigError(f"{relations_path}: unknown relation {name!r}; the vocabulary has {', '.join(RELATIONS)}")
        time_role = entry.get("time", "point")
        if time_role not in _TIME_ROLES:
            raise ConfigError(
                f"{relations_path}: relation {name!r} has time role {time_role!r}; use one of {sorted(_TIME_ROLES)}"
            )
        confidence = float(entry.get("confidence", 0.75))
        specs[name] = RelationSpec(
            name=name,
            subject_types=_types(relations_path, name, entry.get("subject", ["Actor"])),
            object_types=_types(relations_path, name, entry.get("object", ["Actor"])),
            time_role=time_role,
            confidence=confidence,
            also=tuple(sorted(entry.get("also", {}).items())),
            commodity=bool(entry.get("commodity", False)),
            object_inside=bool(entry.get("object_inside", False)),
            attempt_is_act=bool(entry.get("attempt_is_act", False)),
            object_doers=bool(entry.get("object_doers", False)),
            default_object=_default_object(relations_path, name, entry.get("default_object")),
            agent_relation=_agent_relation(relations_path, name, entry.get("agent_relation", {})),
            excluded_sectors=frozenset(entry.get("excluded_sectors", ())),
        )
        for section, kind in kinds.items():
            for item in entry.get(section, []):
                if isinstance(item, str):
                    item = {"pattern": item}
                words = item["pattern"].lower().split()
                if not words:
                    raise ConfigError(f"{relations_path}: empty pattern in relation {name!r}")
                pattern_time = item.get("time")
                if pattern_time is not None and pattern_time not in _TIME_ROLES:
                    raise ConfigError(
                        f"{relations_path}: pattern {item['pattern']!r} of {name!r} has time role "
                        f"{pattern_time!r}; use one of {sorted(_TIME_ROLES)}"
                    )
                complement = item.get("complement")
                if complement not in (None, "object", "subject"):
                    raise ConfigError(
                        f"{relations_path}: pattern {item['pattern']!r} of {name!r} has complement "
                        f'{complement!r}; use "object" or "subject"'
                    )
                unknown = sorted(set(item.get("complement_excludes", ())) - set(RELATIONS))
                if unknown:
                    raise ConfigError(
                        f"{relations_path}: pattern {item['pattern']!r} of {name!r} excludes unknown "
                        f"relations {unknown}; name relations of the vocabulary"
                    )
                presupposes = item.get("presupposes", {})
                for other, role in presupposes.items():
                    if other not in RELATIONS or role not in _TIME_ROLES:
                        raise ConfigError(
                            f"{relations_path}: pattern {item['pattern']!r} of {name!r} presupposes "
                            f"{other!r} with time role {role!r}; name a relation of the vocabulary and "
                            f"one of {sorted(_TIME_ROLES)}"
                        )
                parts = re.split(r"(-)", words[0])  # "build-up": the parser sees build, -, up
                passive = kind == "verb" and words[0] == "be" and len(words) > 1 and words[1] not in _COPULA_COMPLEMENTS
                if passive:
                    parts, words = [words[1]], words[1:]
                pattern = Pattern(
                    relation=name,
                    kind=kind,
                    trigger=parts[-1],
                    prefix=tuple(parts[:-1]),
                    path=tuple(words[1:]),
                    reverse=bool(item.get("reverse", False)),
                    confidence=float(item.get("confidence", confidence)),
                    time_role=pattern_time,
                    passive=passive,
                    complement=complement,
                    complement_excludes=frozenset(item.get("complement_excludes", ())),
                    complement_prepositions=frozenset(item.get("complement_prepositions", ())),
                    noun_object=bool(item.get("noun_object", False)),
                    object_from_trigger=item.get("object_from") == "trigger",
                    possessive_object=item.get("possessive") == "object",
                    requires_complement=bool(item.get("requires_complement", False)),
                    warning=bool(item.get("warning", False)),
                    presupposes=tuple(sorted(presupposes.items())),
                )
                indexes[section].setdefault(pattern.trigger, []).append(pattern)
    triggers: dict[str, set[str]] = {}
    for index in indexes.values():
        for patterns in index.values():
            for pattern in patterns:
                triggers.setdefault(pattern.relation, set()).add(pattern.trigger)
    return Lexicon(
        relations=specs,
        grammar=grammar,
        agent_nouns={phrase: entry[0] for phrase, entry in agents.get("nouns", {}).items()},
        plural_only_agents=frozenset(agents.get("plural_only", ())),
        triggers_by_relation={name: frozenset(words) for name, words in triggers.items()},
        **{section: {k: tuple(dict.fromkeys(v)) for k, v in index.items()} for section, index in indexes.items()},
    )
