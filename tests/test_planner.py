# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The planner: results and existing tasks in, actions out, with no I/O."""

from __future__ import annotations

from os2bot.config import load_config
from os2bot.domain import ActionKind, CheckResult, Issue, Msg, State
from os2bot.planner import plan_actions, reminder_fingerprint

from conftest import CONFIG

CONFIG_ = load_config(CONFIG)
MO = next(p for p in CONFIG_.products if p.key == "os2mo")
CHECK = CONFIG_.profile_for(MO).check("koordinationsgruppe")


def result(state: State, product: str = "os2mo") -> CheckResult:
    """A coordination-group result for *product*."""
    return CheckResult(product, CHECK.id, state, Msg("reason.jql.none", {"jql": "labels = x"}))


def task(fingerprint: str, key: str = "MO-9") -> Issue:
    """An open task the bot made earlier."""
    return Issue(
        key=key,
        project="MO",
        summary="OS2mo: …",
        url=f"https://j/browse/{key}",
        labels=("os2bot", f"os2bot-{fingerprint}"),
        status_category="new",
    )


def test_not_met_opens_one_labelled_task_in_the_products_project():
    """A failing check plans one create in the product's project, carrying both bot labels."""
    actions = plan_actions([result(State.NOT_MET)], CONFIG_, [], "da")

    assert [a.kind for a in actions] == [ActionKind.CREATE]
    action = actions[0]
    assert action.project == "MO"
    assert action.labels == ("os2bot", f"os2bot-{reminder_fingerprint(MO, CHECK)}")
    assert action.summary == "OS2mo: Fungerende koordinationsgruppe er ikke opfyldt"
    assert "Sådan løses det" in action.description


def test_existing_task_with_the_fingerprint_is_not_created_again():
    """When the task exists already, nothing is planned."""
    existing = task(reminder_fingerprint(MO, CHECK))

    assert plan_actions([result(State.NOT_MET)], CONFIG_, [existing], "da") == []


def test_met_again_resolves_the_open_task_with_a_comment():
    """A check that is met again resolves its task and says why."""
    existing = task(reminder_fingerprint(MO, CHECK))
    met = CheckResult(
        "os2mo",
        CHECK.id,
        State.MET,
        Msg(
            "reason.jql.met",
            {"key": "MO-3", "summary": "KG-møde", "date": "2026-11-01", "days": 26, "count": 3},
        ),
    )

    actions = plan_actions([met], CONFIG_, [existing], "en")

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.RESOLVE, "MO-9")]
    assert "is now met" in actions[0].comment
    assert "MO-3" in actions[0].comment


def test_unknown_neither_opens_nor_resolves():
    """Missing evidence is no verdict: unknown plans nothing, with or without a task."""
    existing = task(reminder_fingerprint(MO, CHECK))

    assert plan_actions([result(State.UNKNOWN)], CONFIG_, [], "da") == []
    assert plan_actions([result(State.UNKNOWN)], CONFIG_, [existing], "da") == []


def test_fingerprints_differ_per_product_and_are_stable():
    """Each product gets its own fingerprint, the same in every run."""
    forms = next(p for p in CONFIG_.products if p.key == "os2forms")

    assert reminder_fingerprint(MO, CHECK) == reminder_fingerprint(MO, CHECK)
    assert reminder_fingerprint(MO, CHECK) != reminder_fingerprint(forms, CHECK)
    assert len(reminder_fingerprint(MO, CHECK)) == 12


def test_english_task_text():
    """With language en the task is written in English."""
    action = plan_actions([result(State.NOT_MET)], CONFIG_, [], "en")[0]

    assert action.summary == "OS2mo: Functioning coordination group is not met"
    assert "How to fix it" in action.description
