"""What someone carrying the project on relies on: licence, lint settings, contributor notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parents[2]


def test_licence_file_matches_the_package_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")

    assert project["license"] == {"text": "MIT"}
    assert licence.startswith("MIT License\n\nCopyright (c) ")
    assert re.search(r"^Copyright \(c\) \d{4} the geokg authors$", licence, re.MULTILINE)
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in licence


def test_ruff_is_configured_for_lint_and_format() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ruff = settings["tool"]["ruff"]

    assert ruff["target-version"] == "py310"
    assert {"E", "F", "I", "B"} <= set(ruff["lint"]["select"])
    assert "format" in ruff
    assert any(dependency.startswith("ruff") for dependency in settings["project"]["optional-dependencies"]["dev"])


def test_contributing_says_how_to_make_the_common_changes() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")

    for needed in (
        "kg/lexicon/relations.json",
        "scripts/build_lexicon_ttl.py",
        "kg/gazetteer/curated",
        "scripts/build_gazetteer.py",
        "tests/extraction/test_news_phrasing.py",
        "tests/reliability/",
        "kg eval ../shared/data/dev",
    ):
        assert needed in text, needed
    for path in re.findall(r"`((?:kg|tests|scripts|docs|ontologies)/[\w./-]+)`", text):
        assert (ROOT / path.rstrip("/")).exists(), f"CONTRIBUTING.md names {path}, which does not exist"


def test_changelog_has_an_unreleased_section() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")

    assert text.startswith("# Changelog\n")
    assert "\n## Unreleased\n" in text


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"])
def test_the_code_is_clean_under_its_own_ruff_settings(command) -> None:
    import shutil
    import subprocess
    import sys

    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff is not None, "ruff is a dev dependency: install with `make dev`"
    result = subprocess.run([ruff, *command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
