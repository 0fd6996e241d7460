# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The shape of the code: the core loads no SDK, no scheduler and no HTTP library — not even
indirectly — and the flow's steps import each other only downstream."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import os2bot

PACKAGE = Path(os2bot.__file__).resolve().parent
# What only the edges may load: the tracker and chat SDKs, the scheduler, HTTP clients.
FORBIDDEN = ("jira", "slack_sdk", "zulip", "apscheduler", "requests", "urllib3", "github")
# The edges: they build, run or fake the adapters. Everything else is the core.
EDGES = ("os2bot.adapters", "os2bot.sandbox", "os2bot.service", "os2bot.cli", "os2bot.wiring")
EDGES += ("os2bot.__main__",)


def core_modules() -> list[str]:
    """Every module of the package that is not an edge, found by walking the package."""
    found = [
        info.name
        for info in pkgutil.walk_packages([str(PACKAGE)], prefix="os2bot.")
        if not info.name.startswith(EDGES)
    ]
    return ["os2bot", *sorted(found)]


def loaded_after_import(modules: list[str]) -> set[str]:
    """The forbidden top-level packages in sys.modules after a fresh interpreter imports
    *modules* (the test's own process has loaded everything already)."""
    program = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & {set(FORBIDDEN)!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(done.stdout))


def test_the_core_loads_no_sdk_scheduler_or_http_library():
    """Importing every core module (domain, config, collect, rules, planner, apply, notify,
    record, flow, report, messages…) loads none of jira, slack_sdk, zulip, apscheduler,
    requests: the core talks to ports."""
    modules = core_modules()

    assert {"os2bot.collect", "os2bot.planner", "os2bot.notify", "os2bot.flow"} <= set(modules)
    assert loaded_after_import(modules) == set()


def test_the_check_fails_when_a_core_module_loads_an_sdk(tmp_path, monkeypatch):
    """The check has teeth: a core module that imports an SDK, directly or through another
    module, is caught."""
    leak = tmp_path / "leaky_core.py"
    leak.write_text("import os2bot.domain\nimport apscheduler.triggers.cron\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))

    assert loaded_after_import(["os2bot.domain", "leaky_core"]) == {"apscheduler"}


def test_the_edges_do_load_what_the_core_may_not():
    """Exempting the edges is needed: the adapters and the service really load the SDKs."""
    loaded = loaded_after_import(
        [
            "os2bot.adapters.jira_tracker",
            "os2bot.adapters.github_tracker",
            "os2bot.adapters.slack_chat",
            "os2bot.service.scheduler",
        ]
    )

    assert {"jira", "github", "slack_sdk", "apscheduler", "requests"} <= loaded


# The flow, in order: a step may import the steps before it, never one after it.
# collect asks the rules what they need, so rules come first among the imports.
FLOW = ("rules", "collect", "planner", "apply", "notify", "record", "flow")


def imports_of(module: str) -> set[str]:
    """The os2bot modules *module*'s files import (its package's files, for a package)."""
    path = PACKAGE / module.replace(".", "/")
    files = sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
    names: set[str] = set()
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
    return {
        name.removeprefix("os2bot.").split(".")[0] for name in names if name.startswith("os2bot.")
    }


@pytest.mark.parametrize("step", FLOW)
def test_flow_steps_import_only_earlier_steps(step):
    """Collect -> evaluate (rules) -> plan -> apply -> notify -> record: notify does not
    import the planner, apply does not import notify, and so on."""
    later = set(FLOW[FLOW.index(step) + 1 :])
    if step == "record":
        later.discard("flow")  # record names the run's type for the type checker only

    assert imports_of(step) & later == set()


def module_imports() -> dict[str, set[str]]:
    """Each os2bot module's module-level imports of other os2bot modules (not those only
    for the type checker, not those inside functions)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    whole = f"{node.module}.{alias.name}"
                    found.add(whole if whole in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_import_cycles():
    """No module imports, directly or through others, a module that imports it back."""
    graph = module_imports()
    cycles = []
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            current = todo.pop()
            if current == start:
                cycles.append(start)
                break
            if current not in seen:
                seen.add(current)
                todo.extend(graph[current])

    assert {"os2bot.flow", "os2bot.collect", "os2bot.rules"} <= set(graph)
    assert cycles == []
