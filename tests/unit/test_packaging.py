"""Packaging metadata that setuptools reads without a deprecation warning."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_license_is_an_spdx_string_and_setuptools_understands_it():
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    # A table (`{ text = "MIT" }`) makes every `pip install -e .` print three deprecation
    # warnings; a plain SPDX expression needs setuptools 77 or later.
    assert project["project"]["license"] == "MIT"
    requires = " ".join(project["build-system"]["requires"])
    found = re.search(r"setuptools>=(\d+)", requires)
    assert found is not None and int(found.group(1)) >= 77, requires


def test_editable_install_is_a_plain_path_entry():
    setuptools = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]
    # Without it, setuptools installs an import finder and `make start` prints an
    # "Editable installation" warning about folders with the same name.
    assert setuptools["package-dir"] == {"": "."}
