# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Few Jira calls: the number of searches depends on the profile, not on the number of products."""

from __future__ import annotations

from datetime import UTC, datetime

from os2bot.flow import Mode, run_once

from builders import config, product
from conftest import make_seed, meeting, tracker_for


def portfolio(count: int):
    """*count* alike products (P0…), each with its own Jira project, board and meetings."""
    keys = [f"P{n}" for n in range(count)]
    products = [
        product(key=f"os2p{n}", name=f"OS2p{n}", jira={"project": key, "board": 100 + n})
        for n, key in enumerate(keys)
    ]
    seed = make_seed(
        page_size=100,  # what the jira client asks for: 30 products' evidence fits one page
        projects=[
            {"key": key, "name": key, "boards": [{"id": 100 + n, "name": key}]}
            for n, key in enumerate(keys)
        ],
        issues=[meeting(key, "-20d") for key in keys]
        + [{**meeting(key, "-30d"), "labels": ["styregruppemøde"]} for key in keys]
        + [{**meeting(key, "-400d"), "labels": ["tilslutningsaftale"]} for key in keys],
    )
    return config(*products), seed


def searches_for(count: int, sandbox_factory) -> tuple[int, int, dict[str, int]]:
    """Search calls and all Jira calls that judging *count* products takes."""
    cfg, seed = portfolio(count)
    sandbox = sandbox_factory(seed)

    report = run_once(
        cfg, tracker_for(sandbox), now=datetime.now(UTC), language="da", mode=Mode.CHECK
    )

    assert len(report.results) == count * 21
    searches = len(sandbox.calls(r"/rest/api/2/search"))
    return searches, len(sandbox.exchanges), report.calls


def test_3_and_30_products_take_the_same_number_of_searches(sandbox_factory):
    """Judging 30 products takes exactly as many search calls as judging 3, and as many
    Jira calls in all: every evidence query runs once across all projects (while the results
    fit in as many pages)."""
    few, few_total, few_stats = searches_for(3, sandbox_factory)
    many, many_total, many_stats = searches_for(30, sandbox_factory)

    assert few == many
    assert few_total == many_total
    assert few_stats == many_stats
    assert few <= 4  # meetings (SG, KG), the agreement trace, activity


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
