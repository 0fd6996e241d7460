# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Hostile and failing servers, with the real clients: the bot stops, says why, loses nothing."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from os2bot.domain import State
from os2bot.flow import Mode, run_once
from os2bot.ports import TrackerError, TrackerUnavailable
from os2bot.sandbox import Fault

from builders import config, product
from conftest import make_seed, meeting, tracker_for

SEARCHES = [("cloud", "/search/jql$"), ("datacenter", "/search$")]


def meetings(deployment: str = "cloud", count: int = 3):
    """*count* meetings in MO, in pages of 2."""
    return make_seed(
        deployment=deployment,
        issues=[meeting("MO", f"-{n + 3}d") for n in range(count)],
        page_size=2,
    )


@pytest.mark.parametrize(("deployment", "path"), SEARCHES)
def test_a_search_that_never_ends_is_cut_at_the_page_cap_and_said_to_be(
    sandbox_factory, deployment, path
):
    """A Jira that always offers one more page is read for at most the adapter's page cap;
    then the search fails with a TrackerError saying it was cut — never a silent part."""
    sandbox = sandbox_factory(meetings(deployment))
    sandbox.add_fault(Fault(kind="endless", path=path, times=400))
    tracker = tracker_for(sandbox)

    with pytest.raises(TrackerError) as caught:
        tracker.search("project = MO", ("summary",))

    assert "cut" in str(caught.value)
    assert not isinstance(caught.value, TrackerUnavailable)
    assert len(sandbox.calls(path)) == tracker.max_pages


def test_a_repeated_next_page_token_stops_the_search_at_once(sandbox_factory):
    """When Jira hands out the token it gave before, paging stops there with a TrackerError
    instead of reading the same page for ever."""
    sandbox = sandbox_factory(meetings())
    sandbox.add_fault(Fault(kind="endless", path="/search/jql$", same_token=True, times=400))

    with pytest.raises(TrackerError) as caught:
        tracker_for(sandbox).search("project = MO", ("summary",))

    assert "cut" in str(caught.value)
    assert len(sandbox.calls("/search/jql$")) == 2


@pytest.mark.parametrize(("deployment", "path"), SEARCHES)
def test_a_search_past_the_run_deadline_is_cut(sandbox_factory, deployment, path):
    """Paging stops once the run's deadline has passed, even before the page cap."""
    sandbox = sandbox_factory(meetings(deployment))
    sandbox.add_fault(Fault(kind="endless", path=path, times=400))
    ticks = iter(range(0, 10_000, 100))  # every look at the clock: 100 s later

    with pytest.raises(TrackerError) as caught:
        tracker_for(sandbox, run_deadline=450, monotonic=lambda: float(next(ticks))).search(
            "project = MO", ("summary",)
        )

    assert "deadline" in str(caught.value)
    assert len(sandbox.calls(path)) == 4


@pytest.mark.parametrize(("deployment", "path"), SEARCHES)
def test_a_cut_search_makes_its_checks_unknown_and_the_run_goes_on(
    sandbox_factory, deployment, path
):
    """Every search endless: the run still finishes, and the checks that needed a search are
    unknown, saying the search was cut."""
    sandbox = sandbox_factory(meetings(deployment))
    sandbox.add_fault(Fault(kind="endless", path=path))
    cfg = config(product(key="os2mo", name="OS2mo", jira={"project": "MO"}))
    jira = cfg.bot.jira.model_copy(update={"deployment": deployment})
    cfg = dataclasses.replace(cfg, bot=cfg.bot.model_copy(update={"jira": jira}))

    report = run_once(
        cfg,
        tracker_for(sandbox, max_pages=5),
        now=datetime.now(UTC),
        language="en",
        mode=Mode.CHECK,
    )

    kg = next(r for r in report.results if r.check_id == "koordinationsgruppe")
    assert kg.state is State.UNKNOWN
    assert "cut" in str(kg.reason.params)
    assert len(sandbox.calls(path)) <= 5 * len({r.check_id for r in report.results})
