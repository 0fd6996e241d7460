# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The bot never grades itself: its own comments, edits and issues are evidence of nothing.

Through the real Jira adapter and the sandbox, which records who made each change.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from os2bot.adapters import jira_tracker
from os2bot.adapters.jira_tracker import JiraTracker
from os2bot.domain import State
from os2bot.flow import Mode, run_once
from os2bot.sandbox.seed import SeedUser, resolve_date

from builders import PROFILE, config, product
from conftest import make_seed, tracker_for
from test_sandbox_contract import check_exchanges

CPH = ZoneInfo("Europe/Copenhagen")
DEPLOYMENTS = ["cloud", "datacenter"]
PERSON = SeedUser(
    account_id="712020:test-person",
    name="pia.person",
    display_name="Pia Person",
    email="pia@kommune.test",
    api_token="test-person-token",
    pat="test-person-pat",
)
TOOLS = PROFILE.model_copy(update={"checks": [PROFILE.check("os2-vaerktoejer")]})


def seed(deployment: str, *issues: dict):
    """Project MO with board 12, the bot and Pia, and *issues* (made by Pia unless they say)."""
    data = make_seed(
        deployment=deployment,
        projects=[{"key": "MO", "name": "OS2mo", "boards": [{"id": 12, "name": "MO"}]}],
        issues=list(issues),
    )
    data.jira.users.append(PERSON)
    return data


def as_person(sandbox) -> JiraTracker:
    """The Jira adapter logged in as Pia, a person in the project."""
    return JiraTracker(
        sandbox.url,
        deployment=sandbox.seed.jira.deployment,
        email=PERSON.email,
        api_token=PERSON.api_token,
        pat=PERSON.pat,
    )


def judged(sandbox, check_id: str = "os2-vaerktoejer", **changes):
    """The check of OS2mo (project MO), as a read-only run finds it."""
    prod = product(key="os2mo", name="OS2mo", jira={"project": "MO", "board": 12}, **changes)
    cfg = config(prod, profile=PROFILE if changes else TOOLS)
    jira = cfg.bot.jira.model_copy(update={"deployment": sandbox.seed.jira.deployment})
    cfg = dataclasses.replace(cfg, bot=cfg.bot.model_copy(update={"jira": jira}))
    run = run_once(cfg, tracker_for(sandbox), now=datetime.now(UTC), language="da", mode=Mode.CHECK)
    return next(r for r in run.results if r.check_id == check_id), run


def days_ago(days: int) -> str:
    """The Copenhagen calendar day *days* days before now, as the sandbox's seeds count it."""
    return resolve_date(f"-{days}d", datetime.now(UTC), CPH).isoformat()


OLD_REQUEST = {"project": "MO", "summary": "Eksport til lønsystem", "created": "-100d"}


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_the_bots_comment_on_an_old_request_does_not_make_the_project_active(
    sandbox_factory, deployment
):
    """A project where only the bot wrote lately (a triage comment on a request people left
    100 days ago) is not in use: the bot's write moved Jira's `updated`, but it is no one's
    activity."""
    sandbox = sandbox_factory(seed(deployment, OLD_REQUEST))
    tracker_for(sandbox).comment("MO-1", "os2bot: punkt 1–5 mangler.")

    result, _run = judged(sandbox)

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.activity.idle"


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_a_persons_comment_makes_the_project_active(sandbox_factory, deployment):
    """A comment by a person is activity, dated the day it was written."""
    sandbox = sandbox_factory(seed(deployment, OLD_REQUEST))
    as_person(sandbox).comment("MO-1", "Vi har brug for det i Aarhus.")

    result, _run = judged(sandbox)

    assert result.state is State.MET
    assert [e.key for e in result.evidence] == ["MO-1"]
    assert result.reason.params["date"] == days_ago(0)


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_the_activity_is_dated_by_the_newest_change_people_made(sandbox_factory, deployment):
    """A request people changed ten days ago and the bot commented on today is activity of ten
    days ago, not of today."""
    sandbox = sandbox_factory(seed(deployment, {**OLD_REQUEST, "updated": "-10d"}))
    tracker_for(sandbox).comment("MO-1", "os2bot: punkt 1–5 mangler.")

    result, _run = judged(sandbox)

    assert result.state is State.MET
    assert result.reason.params["date"] == days_ago(10)
    assert result.evidence[0].date is not None
    assert result.evidence[0].date.astimezone(CPH).date().isoformat() == days_ago(10)


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_an_issue_the_bot_created_is_no_ones_activity(sandbox_factory, deployment):
    """An issue the bot opened, even without its label, shows no one using the project."""
    sandbox = sandbox_factory(seed(deployment))
    tracker_for(sandbox).create_task(project="MO", summary="Uden etiket", description="", labels=[])

    result, _run = judged(sandbox)

    assert result.state is State.NOT_MET


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_a_persons_change_behind_many_of_the_bots_is_still_found(sandbox_factory, deployment):
    """A person's change ten days ago hidden behind more of the bot's changes than a search
    shows (Cloud shows the 40 newest) is still found, by reading that issue's whole history."""
    sandbox = sandbox_factory(seed(deployment, {**OLD_REQUEST, "updated": "-10d"}))
    bot = tracker_for(sandbox)
    for n in range(41):
        bot.update_task("MO-1", summary=f"Eksport til lønsystem ({n})")

    result, run = judged(sandbox)

    assert result.state is State.MET
    assert result.reason.params["date"] == days_ago(10)
    read_history = sum(n for call, n in run.calls.items() if "changelog" in call)
    assert read_history == (1 if deployment == "cloud" else 0)
    assert check_exchanges(sandbox) == []


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_reading_an_issues_whole_history_gives_the_same_answer(
    sandbox_factory, monkeypatch, deployment
):
    """Where Jira shows only part of a history, the adapter reads the whole of it (changes and
    comments) in each deployment's own way, and finds the same newest change by people."""
    sandbox = sandbox_factory(seed(deployment, {**OLD_REQUEST, "updated": "-10d"}))
    as_person(sandbox).comment("MO-1", "Stadig aktuelt.")
    tracker_for(sandbox).comment("MO-1", "os2bot: punkt 1–5 mangler.")
    monkeypatch.setattr(jira_tracker, "_partial", lambda _raw: True)

    result, run = judged(sandbox)

    assert result.reason.params["date"] == days_ago(0)
    assert run.calls.get("GET issue/{key}/comment") == 1
    assert check_exchanges(sandbox) == []


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_meetings_dated_by_updated_ignore_the_bots_writes(sandbox_factory, deployment):
    """Evidence dated by `updated` (minutes found by a label) is dated by what people did: the
    bot's comment on old minutes does not make them recent."""
    sandbox = sandbox_factory(
        seed(
            deployment,
            {"project": "MO", "summary": "Referat", "labels": ["referat"], "created": "-100d"},
        )
    )
    tracker_for(sandbox).comment("MO-1", "os2bot: husk referatet.")
    minutes = [
        {"kind": "jql", "jql": "labels = referat", "date_field": "updated", "within_days": 45}
    ]

    result, _run = judged(sandbox, "koordinationsgruppe", evidence={"koordinationsgruppe": minutes})

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.jql.too_old"
    assert result.reason.params["date"] == days_ago(100)


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_the_newest_persons_change_is_found_behind_issues_only_the_bot_touched(
    sandbox_factory, deployment
):
    """Seven requests the bot commented on today (people left them 100 days ago) stand before
    the issue a person changed 20 days ago: that change is the activity, found by reading the
    newest issues' histories round by round, and the old requests are not."""
    requests = [{**OLD_REQUEST, "summary": f"Ønske {n}"} for n in range(7)]
    changed = {"project": "MO", "summary": "Fejl i eksport", "created": "-40d", "updated": "-20d"}
    sandbox = sandbox_factory(seed(deployment, *requests, changed))
    bot = tracker_for(sandbox)
    for n in range(1, 8):
        bot.comment(f"MO-{n}", "os2bot: punkt 1–5 mangler.")

    result, run = judged(sandbox)

    assert result.state is State.MET
    assert [e.key for e in result.evidence] == ["MO-8"]
    assert result.reason.params["date"] == days_ago(20)
    assert run.calls.get("GET search/jql" if deployment == "cloud" else "GET search", 0) <= 8
