# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Few Jira calls: they depend on the profile, not on the number of products or their history.

Each product's project holds years of history (meetings, requests, bugs) besides its recent
evidence; the sandbox pages by 100, so reading that history would take many pages. Judging
asks only for the newest evidence, so the calls are the same for 3 and 30 products and for
50 and 5,000 issues a project.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from os2bot.flow import Mode, run_once
from os2bot.state import SqliteState

from builders import config, product
from conftest import make_seed, meeting, tracker_for

PAGE = 100  # the sandbox's largest page here: 5,000 issues of history would be 50 pages


def history(key: str, count: int) -> list[dict[str, Any]]:
    """*count* issues of a project's past: old meetings, requests and bugs, none recent."""
    kinds = [
        {"labels": ["koordinationsgruppemøde"], "summary": "Koordinationsgruppemøde"},
        {"labels": ["styregruppemøde"], "summary": "Styregruppemøde"},
        {"labels": ["udviklingsønske"], "summary": "Ønske", "type": "Story"},
        {"labels": [], "summary": "Fejl", "type": "Bug"},
    ]
    issues = []
    for n in range(count):
        age = 130 + n % 3000  # from four months to eight years ago
        kind = kinds[n % len(kinds)]
        issues.append(
            {
                "project": key,
                **kind,
                "created": f"-{age + 20}d",
                "resolved": f"-{age}d",
                "updated": f"-{age}d",
            }
        )
    return issues


def portfolio(count: int, depth: int = 50):
    """*count* alike products (P0…), each with its own project, board, recent evidence and
    *depth* issues of history."""
    keys = [f"P{n}" for n in range(count)]
    products = [
        product(key=f"os2p{n}", name=f"OS2p{n}", jira={"project": key, "board": 100 + n})
        for n, key in enumerate(keys)
    ]
    recent = [
        issue
        for key in keys
        for issue in (
            {**meeting(key, "-20d"), "updated": "-1d"},
            {**meeting(key, "-30d"), "labels": ["styregruppemøde"]},
            {**meeting(key, "-400d"), "labels": ["tilslutningsaftale"]},
        )
    ]
    seed = make_seed(
        page_size=PAGE,
        projects=[
            {"key": key, "name": key, "boards": [{"id": 100 + n, "name": key}]}
            for n, key in enumerate(keys)
        ],
        issues=recent + [i for key in keys for i in history(key, depth - 3)],
    )
    return config(*products), seed


def calls_for(count: int, depth: int, sandbox_factory) -> tuple[dict[str, int], dict[str, str]]:
    """The bot's Jira calls by endpoint for judging *count* products of *depth* issues, and
    each product's verdict on the coordination group."""
    cfg, seed = portfolio(count, depth)
    sandbox = sandbox_factory(seed)

    report = run_once(
        cfg, tracker_for(sandbox), now=datetime.now(UTC), language="da", mode=Mode.CHECK
    )

    assert len(report.results) == count * 21
    assert len(sandbox.exchanges) == sum(report.calls.values())
    verdicts = {r.product: r.state.value for r in report.results if r.check_id == "os2-vaerktoejer"}
    return report.calls, verdicts


def test_3_and_30_products_take_the_same_calls(sandbox_factory):
    """Judging 30 products takes exactly the calls that judging 3 takes, endpoint by endpoint:
    every evidence query runs once across all projects."""
    few, _ = calls_for(3, 50, sandbox_factory)
    many, verdicts = calls_for(30, 50, sandbox_factory)

    assert few == many
    assert set(verdicts.values()) == {"met"}


def test_5000_issues_of_history_take_the_calls_of_50(sandbox_factory):
    """A project with 5,000 issues of history is judged with the calls one with 50 takes:
    the newest evidence is asked for, never the history (it would be 50 pages a project)."""
    shallow, _ = calls_for(3, 50, sandbox_factory)
    deep, verdicts = calls_for(3, 5000, sandbox_factory)

    assert deep == shallow
    assert set(verdicts.values()) == {"met"}
    assert sum(n for endpoint, n in deep.items() if "search" in endpoint) <= 8


def test_every_product_is_judged_from_the_shared_queries(sandbox_factory):
    """Splitting shared results by project gives each of 30 products its own evidence."""
    cfg, seed = portfolio(30)
    sandbox = sandbox_factory(seed)

    report = run_once(
        cfg, tracker_for(sandbox), now=datetime.now(UTC), language="da", mode=Mode.CHECK
    )

    kg = [r for r in report.results if r.check_id == "koordinationsgruppe"]
    assert {r.state.value for r in kg} == {"met"}
    assert {r.evidence[0].key.rsplit("-", 1)[0] for r in kg} == {f"P{n}" for n in range(30)}


def test_a_product_without_recent_evidence_is_judged_by_its_newest_old_one(sandbox_factory):
    """Where the window holds nothing, the newest match is still found and named — by a short
    search for that project alone, not by reading its history."""
    cfg, seed = portfolio(3, 400)
    recent_kg = [
        i for i in seed.jira.issues if i.project == "P1" and i.resolved == "-20d" and i.labels
    ]
    seed.jira.issues = [i for i in seed.jira.issues if i not in recent_kg]
    sandbox = sandbox_factory(seed)

    report = run_once(
        cfg, tracker_for(sandbox), now=datetime.now(UTC), language="da", mode=Mode.CHECK
    )

    kg = {r.product: r for r in report.results if r.check_id == "koordinationsgruppe"}
    assert kg["os2p1"].state.value == "not_met"
    assert kg["os2p1"].reason.key == "reason.jql.too_old"
    assert kg["os2p1"].reason.params["days"] == 130  # the newest of its history
    assert kg["os2p0"].state.value == "met"


def test_tasks_in_many_projects_need_no_read_of_each_project(sandbox_factory, tmp_path):
    """Opening tasks in 30 projects reads no project on its own: the issue types came with
    the one list of projects (`expand=issueTypes`), and a second run opens nothing."""
    cfg, seed = portfolio(30)
    sandbox = sandbox_factory(seed)
    state = SqliteState(tmp_path / "state.sqlite3")

    first = run_once(
        cfg,
        tracker_for(sandbox),
        now=datetime.now(UTC),
        language="da",
        mode=Mode.APPLY,
        state=state,
    )
    second = run_once(
        cfg,
        tracker_for(sandbox),
        now=datetime.now(UTC),
        language="da",
        mode=Mode.APPLY,
        state=state,
    )

    assert len(sandbox.calls(r"/rest/api/2/issue$")) == 30  # one reminder a project
    assert sandbox.calls(r"/rest/api/2/project/[^/]+$") == []
    assert first.calls["GET project"] == 1
    assert not [a for a in second.applied if not a.existed]
