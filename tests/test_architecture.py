# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The shape of the code: the core imports no SDK; adapters are the only place that may."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "os2bot"
SDKS = {"jira", "slack_sdk", "zulip", "requests", "urllib3"}
CORE = ["domain.py", "ports.py", "planner.py", "service.py", "config", "rules", "messages"]


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module *path* imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def core_files() -> list[Path]:
    """Every Python file of the core."""
    files: list[Path] = []
    for part in CORE:
        target = PACKAGE / part
        files.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return files


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_imports_no_sdk(path):
    """Domain, rules, planner, service, config and messages never import jira, slack_sdk, zulip
    or an HTTP library: they talk to ports."""
    assert imported_modules(path) & SDKS == set()


def test_adapters_do_import_the_sdks():
    """The check above has teeth: the adapters it exempts really import the SDKs."""
    imported = set()
    for path in (PACKAGE / "adapters").glob("*.py"):
        imported |= imported_modules(path)

    assert {"jira", "slack_sdk"} <= imported
