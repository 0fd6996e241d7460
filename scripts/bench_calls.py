#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Benchmark: tracker calls and time for one run over N sandbox products, on Jira and on GitHub.

Prints one line per portfolio size and tracker; nothing is asserted. Run from the repository
root:
    .venv/bin/python scripts/bench_calls.py 3 30 300

Jira: a read-only run (check) over N products, each in its own project.
GitHub: a read-only run (check) and a planning run (plan, which also reads the bot's open tasks
and the development requests) over N products, each in its own repository with minutes in Git
and a self-assessment found by pattern; GitHub's calls should grow with the number of
repositories only (one GraphQL request per batch of ten), never with products × checks.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from os2bot.flow import Mode, run_once
from os2bot.log import configure_logging
from os2bot.sandbox import Sandbox

from builders import config, product
from conftest import github_for, make_seed, meeting, tracker_for

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
ASSESSMENT = (DATA / "os2borgerpc-selvevaluering-06082026.json").read_text(encoding="utf-8")
KG = "dagsordner-og-referater/koordinationsgruppe"


def measure(count: int) -> str:
    """One run over *count* products; the measurements as a line."""
    keys = [f"P{n}" for n in range(count)]
    cfg = config(
        *(
            product(key=f"os2p{n}", name=f"OS2p{n}", jira={"project": k, "board": 100 + n})
            for n, k in enumerate(keys)
        )
    )
    seed = make_seed(
        page_size=100,
        projects=[
            {"key": k, "name": k, "boards": [{"id": 100 + n, "name": k}]}
            for n, k in enumerate(keys)
        ],
        issues=[meeting(k, "-20d") for k in keys]
        + [{**meeting(k, "-30d"), "labels": ["styregruppemøde"]} for k in keys],
    )
    with Sandbox(seed) as sandbox:
        started = time.perf_counter()
        report = run_once(
            cfg, tracker_for(sandbox), now=datetime.now(UTC), language="da", mode=Mode.CHECK
        )
        elapsed = time.perf_counter() - started
        searches = len(sandbox.calls(r"/rest/api/2/search"))
        total = len(sandbox.exchanges)
    return (
        f"products={count:<4} results={len(report.results):<5} search_calls={searches:<3} "
        f"jira_calls={total:<3} seconds={elapsed:.2f}"
    )


def measure_github(count: int, mode: Mode) -> str:
    """One run over *count* products on GitHub, each in its own repository."""
    repos = [f"OS2bench/repo{n}" for n in range(count)]
    products = [
        product(
            key=f"os2g{n}",
            name=f"OS2g{n}",
            jira=None,
            github={"repo": repo},
            self_assessment={"path": "dokumenter/*selvevaluering*.json"},
            prioritisation={"lead_days": 400},
            triage=True,
            evidence={
                "koordinationsgruppe": [
                    {"kind": "git", "path": KG, "within_days": 90},
                    {"kind": "declared", "fact": "coordination_group"},
                ]
            },
        )
        for n, repo in enumerate(repos)
    ]
    seed = make_seed(
        projects=[],
        github={
            "users": ["lise-kg"],
            "repositories": [
                {
                    "name": repo,
                    "files": {
                        f"{KG}/20261102_referat.md": "# Referat",
                        "dokumenter/os2bench-selvevaluering.json": ASSESSMENT,
                    },
                    "milestones": [{"title": "2.0", "due_on": "+60d"}],
                    "releases": [{"tag": "v1.0", "published": "-30d"}],
                }
                for repo in repos
            ],
            "issues": [
                issue
                for repo in repos
                for issue in (
                    {
                        "repo": repo,
                        "title": "Styregruppemøde",
                        "labels": ["styregruppemøde"],
                        "state": "closed",
                        "created": "-40d",
                        "closed": "-30d",
                        "author": "lise-kg",
                    },
                    {
                        "repo": repo,
                        "title": "Ønske",
                        "labels": ["udviklingsønske"],
                        "author": "lise-kg",
                        "created": "-5d",
                    },
                )
            ],
        },
    )
    cfg = config(*products)
    with Sandbox(seed) as sandbox:
        started = time.perf_counter()
        report = run_once(
            cfg,
            {"github": github_for(sandbox, repositories=repos)},
            now=datetime.now(UTC),
            language="da",
            mode=mode,
        )
        elapsed = time.perf_counter() - started
        graphql = len(sandbox.calls(r"^/api/graphql$"))
        total = len(sandbox.calls(r"^/api/"))
    return (
        f"products={count:<4} repositories={count:<4} mode={mode.value:<5} "
        f"results={len(report.results):<5} graphql_calls={graphql:<3} github_calls={total:<3} "
        f"seconds={elapsed:.2f}"
    )


if __name__ == "__main__":
    configure_logging(level="WARNING")
    sizes = [int(a) for a in sys.argv[1:]] or [3, 30, 300]
    for size in sizes:
        print(measure(size), flush=True)
    for mode in (Mode.CHECK, Mode.PLAN):
        for size in sizes:
            print(measure_github(size, mode), flush=True)
