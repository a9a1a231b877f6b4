"""The relation lexicon: complete, valid, and documented in the ontology."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import ConfigError
from kg.extraction.lexicon import LEXICON_DIR, Lexicon
from kg.graph.namespace import RELATIONS

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("build_lexicon_ttl", ROOT / "scripts" / "build_lexicon_ttl.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_relation_of_the_vocabulary_has_phrases():
    lexicon = Lexicon.load()
    assert set(lexicon.relations) == set(RELATIONS)
    empty = [name for name in RELATIONS if not lexicon.phrases(name)]
    assert empty == []


def test_phrases_named_in_the_issue_are_in_the_lexicon():
    lexicon = Lexicon.load()
    assert {"pull out of", "quit", "leave", "exit", "withdrawal from"} <= set(lexicon.phrases("withdrewFrom"))
    assert {"freeze participation in"} <= set(lexicon.phrases("suspendedParticipationIn"))
    assert {"impose sanction on", "slap sanction on"} <= set(lexicon.phrases("sanctioned"))
    assert {"cut tie with"} <= set(lexicon.phrases("severedRelationsWith"))
    assert {"expel ambassador of"} <= set(lexicon.phrases("expelled"))
    assert {"launch strike on"} <= set(lexicon.phrases("attacked"))
    assert {"mass troop on border of"} <= set(lexicon.phrases("mobilizedAgainst"))
    assert {"sign agreement with", "ink deal with"} <= set(lexicon.phrases("signedAgreementWith"))
    assert {"reach deal with"} <= set(lexicon.phrases("agreedWith"))


def test_ontology_documents_the_lexicon_as_hidden_labels():
    script = _script()
    shipped = Graph().parse(ROOT / "ontologies" / "geokg-lexicon.ttl", format="turtle")
    assert isomorphic(shipped, script.lexicon_graph(Lexicon.load())), (
        "ontologies/geokg-lexicon.ttl is out of date: run python scripts/build_lexicon_ttl.py"
    )


def _write(tmp_path: Path, relations: dict) -> Path:
    path = tmp_path / "relations.json"
    path.write_text(json.dumps({"relations": relations}), encoding="utf-8")
    return path


def test_unknown_entity_type_is_a_config_error(tmp_path):
    path = _write(tmp_path, {"joined": {"subject": ["Nation"], "verbs": ["join"]}})
    with pytest.raises(ConfigError, match=r"relations\.json: relation 'joined' names unknown entity type 'Nation'"):
        Lexicon.load(path, LEXICON_DIR / "grammar.json")


def test_unknown_time_role_is_a_config_error(tmp_path):
    path = _write(tmp_path, {"joined": {"time": "someday", "verbs": ["join"]}})
    with pytest.raises(ConfigError, match="time role 'someday'"):
        Lexicon.load(path, LEXICON_DIR / "grammar.json")


def test_broken_json_names_file_and_line(tmp_path):
    path = tmp_path / "relations.json"
    path.write_text('{"relations": {\n  "joined": [,]\n}}', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"relations\.json:2: not valid JSON"):
        Lexicon.load(path, LEXICON_DIR / "grammar.json")


def test_missing_lexicon_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="lexicon file not found"):
        Lexicon.load(tmp_path / "nothing.json", LEXICON_DIR / "grammar.json")


def test_patterns_are_indexed_by_trigger_with_their_path():
    lexicon = Lexicon.load()
    [pattern] = [p for p in lexicon.verbs["pull"] if p.relation == "withdrewFrom" and p.path == ("out", "of")]
    assert pattern.kind == "verb"
    [reverse] = [p for p in lexicon.verbs["readmit"] if p.relation == "joined" and not p.passive]
    assert reverse.reverse is True


def test_unknown_relation_is_a_config_error(tmp_path):
    path = _write(tmp_path, {"befriended": {"verbs": ["befriend"]}})
    with pytest.raises(ConfigError, match="unknown relation 'befriended'; the vocabulary has memberOf, leads"):
        Lexicon.load(path, LEXICON_DIR / "grammar.json")


def _grammar_without(tmp_path: Path, change) -> Path:
    grammar = json.loads((LEXICON_DIR / "grammar.json").read_text(encoding="utf-8"))
    change(grammar)
    path = tmp_path / "grammar.json"
    path.write_text(json.dumps(grammar), encoding="utf-8")
    return path


def test_grammar_without_a_section_names_it(tmp_path):
    path = _grammar_without(tmp_path, lambda g: g.pop("coreference"))
    with pytest.raises(ConfigError) as error:
        Lexicon.load(LEXICON_DIR / "relations.json", path)
    assert str(error.value) == (
        f"{path}: missing coreference (a section (a JSON object)); copy it from the "
        f"packaged grammar {LEXICON_DIR / 'grammar.json'}"
    )


def test_grammar_setting_of_the_wrong_type_names_it(tmp_path):
    path = _grammar_without(tmp_path, lambda g: g["walks"].update(resolve_depth="two"))
    with pytest.raises(ConfigError, match=r"grammar\.json: walks\.resolve_depth must be a number, not str; "):
        Lexicon.load(LEXICON_DIR / "relations.json", path)


def test_grammar_word_list_with_a_number_names_the_item(tmp_path):
    path = _grammar_without(tmp_path, lambda g: g["contests"]["verbs"].append(3))
    position = len(json.loads((LEXICON_DIR / "grammar.json").read_text(encoding="utf-8"))["contests"]["verbs"])
    with pytest.raises(ConfigError, match=rf"contests\.verbs\[{position}\] must be a string, not int"):
        Lexicon.load(LEXICON_DIR / "relations.json", path)


def test_grammar_map_values_are_checked(tmp_path):
    path = _grammar_without(tmp_path, lambda g: g["titles"]["national_titles"].update(taoiseach=["ireland"]))
    with pytest.raises(ConfigError, match=r"titles\.national_titles\.taoiseach must be a string, not list"):
        Lexicon.load(LEXICON_DIR / "relations.json", path)


def test_the_shipped_grammar_schema_is_the_one_the_grammar_gives():
    spec = importlib.util.spec_from_file_location("build_grammar_schema", ROOT / "scripts" / "build_grammar_schema.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((LEXICON_DIR / "grammar.schema.json").read_text(encoding="utf-8"))
    assert shipped == module.build()


def test_word_sets_asked_again_are_the_same_and_title_words_are_not_the_phrases():
    grammar = {"titles": {"leader": ["prime minister", "head of state"]}}
    lexicon = Lexicon(relations={}, verbs={}, nouns={}, modifiers={}, modifier_nouns={}, grammar=grammar)
    assert lexicon.title_words("leader") == {"prime", "minister", "head", "state"}
    assert lexicon.words("titles", "leader") == {"prime minister", "head of state"}
    assert lexicon.title_words("leader") == {"prime", "minister", "head", "state"}
    assert lexicon.words("titles", "leader") is lexicon.words("titles", "leader")
