"""One error hierarchy: what the library raises on purpose, and what the command makes of it."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

import kg
import kg.errors
from kg import cli
from kg.cli import EXIT_CODES, INTERNAL_ERROR, exit_code
from kg.errors import ConfigError, ExtractionError, GeoKGError, RemoteError, VocabularyError
from kg.records import Document
from tests.reliability.conftest import THREAT, WITHDRAWAL, kg_run, run, write


def error_classes() -> list[type[GeoKGError]]:
    return [value for value in vars(kg.errors).values() if inspect.isclass(value) and issubclass(value, GeoKGError)]


def test_every_error_class_is_exported_and_has_an_exit_code() -> None:
    classes = error_classes()
    assert sorted(c.__name__ for c in classes) == sorted(
        name for name in kg.errors.__all__ if not name.endswith("Warning")
    )
    assert {c: exit_code(c("x")) for c in classes} == {
        kg.errors.GeoKGError: 1,
        kg.errors.InputError: 4,
        kg.errors.GraphFormatError: 5,
        kg.errors.QueryError: 6,
        kg.errors.QueryRefusedError: 6,
        kg.errors.RemoteError: 7,
        kg.errors.OutputError: 8,
        kg.errors.OutputInUseError: 75,
        kg.errors.IncompleteBuildError: 9,
        kg.errors.ConfigError: 10,
        kg.errors.ModelNotFoundError: 10,
        kg.errors.VocabularyError: 10,
        kg.errors.RecordError: 10,
        kg.errors.ExtractionError: 1,
        kg.errors.StoreError: 11,
        kg.errors.StoreInUseError: 75,
    }
    assert set(EXIT_CODES) <= set(classes)
    assert exit_code(RuntimeError("bug")) == INTERNAL_ERROR == 70


def test_no_library_module_raises_a_bare_builtin_on_purpose() -> None:
    """The library's own raises go through the hierarchy (KeyError of a mapping lookup aside)."""
    offenders = []
    for path in sorted(Path(kg.__file__).parent.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if stripped.startswith("raise ") and "(" in stripped:
                name = stripped[len("raise ") :].split("(")[0].strip()
                builtin = name in {
                    "ValueError",
                    "FileNotFoundError",
                    "OSError",
                    "RuntimeError",
                    "Exception",
                    "IOError",
                    "PermissionError",
                    "LookupError",
                }
                if builtin:
                    offenders.append(f"{path.relative_to(Path(kg.__file__).parent)}:{number}: {stripped}")
    # The Re-DocRED loader raises ValueError internally and turns it into InputError itself.
    assert [o for o in offenders if not o.startswith("evaluation/relations.py")] == []


def test_remote_error_is_the_hierarchy_s() -> None:
    from kg.graph import remote

    assert remote.RemoteError is RemoteError
    assert issubclass(RemoteError, GeoKGError)


def test_gazetteer_errors_are_config_errors(tmp_path: Path) -> None:
    from kg.gazetteer import Gazetteer
    from kg.records import Entity

    with pytest.raises(
        ConfigError,
        match=r"^gazetteer data file .*countries\.json is missing; run "
        r"scripts/build_gazetteer.py or pass the directory that holds ",
    ):
        Gazetteer.load(tmp_path)
    twice = Entity(key="malta", label="Malta", type="Country")
    with pytest.raises(ConfigError, match="^duplicate gazetteer key 'malta'; every entity needs its own key$"):
        Gazetteer([twice, twice])


def test_unknown_relation_is_a_vocabulary_error() -> None:
    from kg.graph.ontology import super_properties

    with pytest.raises(VocabularyError, match=r"^Unknown geokg relation 'withdrawFrom'\. Use one of: memberOf, "):
        super_properties("withdrawFrom")
    with pytest.raises(ValueError):  # still a ValueError for callers that catch that
        super_properties("withdrawFrom")


def test_relation_component_without_entities_is_a_config_error() -> None:
    import spacy

    from kg.nlp import components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("geokg_relations")
    with pytest.raises(
        ConfigError,
        match="^geokg_relations needs the entities of geokg_entities; add "
        "'geokg_entities' to the pipeline before 'geokg_relations'$",
    ):
        nlp("Malta and Chad met.")


def test_record_values_out_of_range_are_record_errors() -> None:
    from kg.records import Entity, TimeSpan

    with pytest.raises(kg.errors.RecordError, match="^time value '12 May' is not YYYY, YYYY-MM or YYYY-MM-DD; "):
        TimeSpan("on 12 May", point="12 May")
    with pytest.raises(VocabularyError, match="^sector 'Navy' is not one of "):
        Entity(key="x", label="X", type="Agent", sector="Navy")


def test_missing_model_is_one_line_and_exit_10(capsys, tmp_path: Path, monkeypatch) -> None:
    article = write(tmp_path / "a.txt", WITHDRAWAL)
    monkeypatch.setenv("KG_SPACY_MODEL", "en_core_web_xx")

    code, out, err = run(capsys, "build", article, "-o", tmp_path / "g.ttl", "--model", "en_core_web_xx")

    assert (code, out) == (10, "")
    assert err.startswith("kg build: error: spaCy pipeline 'en_core_web_xx' is not installed (installed: ")
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "g.ttl").exists()


def test_internal_error_is_one_line_and_the_traceback_comes_with_v(capsys, monkeypatch, tmp_path: Path) -> None:
    def broken(args):
        raise RuntimeError("a fault in a command")

    monkeypatch.setattr(cli, "_stats", broken)

    code, out, err = run(capsys, "stats", tmp_path / "g.ttl")

    assert code == 70
    assert err == (
        "kg stats: internal error: RuntimeError: a fault in a command; this is a bug in geokg: "
        "run the command again with -v and report the traceback\n"
    )

    code, out, err = run(capsys, "-v", "stats", tmp_path / "g.ttl")

    assert code == 70
    assert err.startswith("Traceback (most recent call last):\n")
    assert 'raise RuntimeError("a fault in a command")' in err
    assert err.splitlines()[-1].startswith("kg stats: internal error: RuntimeError: a fault in a command; ")


def test_user_error_shows_its_traceback_only_with_v(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "stats", tmp_path / "missing.ttl")

    assert code == 5
    assert err == f"kg stats: error: {tmp_path / 'missing.ttl'}: no such graph file; check the path\n"

    code, out, err = run(capsys, "-v", "stats", tmp_path / "missing.ttl")

    assert code == 5
    assert err.startswith("Traceback (most recent call last):\n")
    assert "kg.errors.GraphFormatError: " in err
    assert err.splitlines()[-1] == f"kg stats: error: {tmp_path / 'missing.ttl'}: no such graph file; check the path"


# ------------------------------------------------------------- one bad document


@pytest.fixture
def exploding_pipeline(nlp):
    """The session pipeline with a component that fails on documents mentioning 'EXPLODE'."""
    from spacy.language import Language

    if "reliability_exploder" not in Language.factories:

        @Language.component("reliability_exploder")
        def exploder(doc):
            if "EXPLODE" in doc.text:
                raise ValueError("the component cannot read this document")
            return doc

    nlp.add_pipe("reliability_exploder", first=True)
    try:
        yield nlp
    finally:
        nlp.remove_pipe("reliability_exploder")


def test_one_document_the_pipeline_fails_on_never_loses_the_others(exploding_pipeline) -> None:
    documents = [Document(f"d{i}", THREAT) for i in range(40)]
    documents[33] = Document("bad", "EXPLODE. " + THREAT)
    problems: list[GeoKGError] = []

    built = [
        (d.id, len(rs)) for d, rs in kg.extract(documents, exploding_pipeline, batch_size=8, on_error=problems.append)
    ]

    assert built == [(f"d{i}", 1) for i in range(40) if i != 33]
    (problem,) = problems
    assert isinstance(problem, ExtractionError)
    assert str(problem) == (
        "document 'bad': extraction failed (ValueError: the component cannot read this document); the "
        "document was skipped; this is a fault in geokg or its pipeline: run with -v and report the traceback"
    )
    assert isinstance(problem.__cause__, ValueError)


def test_without_a_handler_the_failing_document_is_raised(exploding_pipeline) -> None:
    with pytest.raises(ExtractionError, match="^document 'bad': extraction failed "):
        list(kg.extract([Document("ok", THREAT), Document("bad", "EXPLODE.")], exploding_pipeline))


def test_build_reports_the_failing_document_and_strict_stops(capsys, exploding_pipeline, tmp_path: Path) -> None:
    corpus = write(
        tmp_path / "news.jsonl",
        "\n".join(json.dumps(r) for r in [{"id": "ok", "text": THREAT}, {"id": "bad", "text": "EXPLODE. " + THREAT}])
        + "\n",
    )

    code, out, err = run(capsys, "build", corpus, "-o", tmp_path / "g.ttl")

    assert code == 0
    assert err == (
        "kg build: skipped: document 'bad': extraction failed (ValueError: the component cannot "
        "read this document); the document was skipped; this is a fault in geokg or its "
        "pipeline: run with -v and report the traceback\n"
    )
    assert out.startswith("kg build: 1 built, 1 skipped, 0 warnings; ")
    assert kg.KnowledgeGraph.load(tmp_path / "g.ttl").documents() == ["ok"]

    code, out, err = run(capsys, "build", corpus, "-o", tmp_path / "strict.ttl", "--strict")

    assert (code, out) == (9, "")
    assert err.splitlines()[-1].startswith("kg build: error: 1 input skipped (see above) and --strict is given")
    assert not (tmp_path / "strict.ttl").exists()


def _store_documents(store: Path) -> list[str]:
    from kg.graph.persistent import PersistentGraph

    with PersistentGraph.open(store, read_only=True) as opened:
        return opened.documents()


def test_store_build_skips_the_failing_document_and_strict_stops_at_it(
    capsys, exploding_pipeline, tmp_path: Path
) -> None:
    records = [
        {"id": "ok", "text": THREAT},
        {"id": "bad", "text": "EXPLODE. " + THREAT},
        {"id": "later", "text": WITHDRAWAL},
    ]
    corpus = write(tmp_path / "news.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    failure = (
        "kg build: skipped: document 'bad': extraction failed (ValueError: the component cannot "
        "read this document); the document was skipped; this is a fault in geokg or its "
        "pipeline: run with -v and report the traceback"
    )

    code, out, err = run(capsys, "build", corpus, "--store", tmp_path / "s")

    assert code == 0
    assert [line for line in err.splitlines() if "skipped" in line] == [failure]
    assert out.startswith("kg build: 3 document(s): 2 extracted, 0 unchanged, 1 skipped; ")
    assert _store_documents(tmp_path / "s") == ["later", "ok"]

    code, out, err = run(capsys, "build", corpus, "--store", tmp_path / "strict", "--strict")

    assert (code, out) == (9, "")
    assert [line for line in err.splitlines() if "skipped" in line] == [failure]
    assert err.splitlines()[-1] == (
        f"kg build: error: a document could not be built (see above) and --strict is given, so the build "
        f"stopped there; the documents committed to {tmp_path / 'strict'} before it stay, each whole; fix or "
        "remove that document, or run without --strict to build the others"
    )
    assert _store_documents(tmp_path / "strict") == ["ok"]


def test_strict_store_build_with_a_skipped_input_commits_nothing(capsys, tmp_path: Path) -> None:
    good = write(tmp_path / "good.jsonl", json.dumps({"id": "ok", "text": THREAT}) + "\n")
    corpus = write(tmp_path / "news.jsonl", json.dumps({"id": "a", "text": WITHDRAWAL}) + "\n{oops\n")
    store = tmp_path / "s"
    assert run(capsys, "build", good, "--store", store)[0] == 0

    code, out, err = run(capsys, "build", corpus, "--store", store, "--strict")

    assert (code, out) == (9, "")
    assert err.splitlines() == [
        f"kg build: warning: {corpus}:2: invalid JSON (Expecting property name enclosed in double quotes "
        "at column 2); write one JSON object per line (skipped)",
        "kg build: error: 1 input skipped (see above) and --strict is given, so the build stopped and "
        "nothing was written; fix or remove the inputs named above, or run without --strict to build "
        "the others",
    ]
    assert _store_documents(store) == ["ok"]  # 'a' was read but not committed
    code, _, _ = run(capsys, "build", corpus, "--store", tmp_path / "new", "--strict")
    assert code == 9
    assert not (tmp_path / "new").exists()


def test_real_process_error_has_no_traceback(tmp_path: Path) -> None:
    completed = kg_run("query", tmp_path / "missing.ttl", "SELECT * WHERE { ?s ?p ?o }")

    assert completed.returncode == 5
    assert completed.stderr == (f"kg query: error: {tmp_path / 'missing.ttl'}: no such graph file; check the path\n")


@pytest.mark.parametrize(
    ("signal_error", "code", "said"),
    [("KeyboardInterrupt", 130, "interrupted"), ("_Terminated", 143, "stopped by SIGTERM")],
)
def test_a_signal_a_library_turned_into_its_own_error_still_stops_cleanly(
    monkeypatch, capsys, signal_error, code, said
) -> None:
    from kg import cli

    stop = cli._Terminated if signal_error == "_Terminated" else KeyboardInterrupt

    def stats(args):
        try:
            raise stop()
        except BaseException as error:
            raise RuntimeError("initialisation of an extension failed") from error

    monkeypatch.setattr(cli, "_stats", stats)
    assert cli.main(["stats", "graph.ttl"]) == code
    assert capsys.readouterr().err == f"kg stats: {said}; files being written were left as they were\n"
