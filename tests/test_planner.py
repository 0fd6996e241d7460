# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The planner's reminders: results and existing tasks in, actions out, with no I/O."""

from __future__ import annotations

import dataclasses
from datetime import date

from os2bot.calendar import add_working_days
from os2bot.domain import ActionKind, CheckResult, Issue, Msg, State, reminder_fingerprint
from os2bot.planner import plan_actions

from builders import check, config, product, snapshot

KG = check("koordinationsgruppe")
LEAD = {"name": "Mette", "jira_user": "acc-mette"}
MO = product(
    key="os2mo",
    name="OS2mo",
    jira={"project": "MO"},
    coordination_group={"lead": LEAD, "members": [{"name": "Søren"}]},
    steering_group={
        "lead": {"name": "Henrik", "jira_user": "acc-henrik"},
        "members": [{"name": "Pia"}],
    },
    releases={"enabled": False},
)
CONFIG = config(MO)
FP = reminder_fingerprint(MO.key, KG.id)


def result(state: State, **params) -> CheckResult:
    """A coordination-group result for OS2mo."""
    return CheckResult(
        "os2mo", KG.id, state, Msg("reason.jql.none", {"jql": "labels = x", **params})
    )


def plan(results, tasks=(), language="da", projects=frozenset({"MO"})):
    """Plan with *tasks* already open in Jira."""
    snap = dataclasses.replace(snapshot(projects=set(projects)), bot_tasks=list(tasks))
    return plan_actions(results, CONFIG, snap, language)


def task(labels, key="MO-9") -> Issue:
    """An open task the bot made earlier."""
    return Issue(
        key=key,
        project="MO",
        summary="OS2mo: …",
        url=f"https://j/browse/{key}",
        labels=tuple(labels),
        status_category="new",
    )


def test_not_met_opens_one_labelled_task_for_the_owner():
    """A failing check plans one create in the product's project, assigned to the owner's
    lead, carrying the bot label, the fingerprint and the content version."""
    actions = plan([result(State.NOT_MET)])

    assert [a.kind for a in actions] == [ActionKind.CREATE]
    action = actions[0]
    assert action.project == "MO"
    assert action.assignee == "acc-henrik"  # the check's owner is the steering group
    assert action.labels[:2] == ("os2bot", f"os2bot-{FP}")
    assert action.labels[2] == f"os2bot-v-{action.version}"
    assert action.summary == "OS2mo: Fungerende koordinationsgruppe er ikke opfyldt"
    assert "Sådan løses det" in action.description
    # Due in 20 Danish working days from Friday 27 Nov 2026, counted by hand: 30 Nov to
    # 23 Dec are 18, 24-27 Dec are closed, 28 and 29 Dec make 20.
    assert action.due == add_working_days(date(2026, 11, 27), 20)
    assert action.due == date(2026, 12, 29)


def test_existing_task_with_the_same_content_is_left_alone():
    """When the task exists with the same content version, nothing is planned."""
    first = plan([result(State.NOT_MET)])[0]

    assert plan([result(State.NOT_MET)], [task(first.labels)]) == []


def test_changed_content_updates_the_task_instead_of_opening_another():
    """When the reason changes, the existing task is updated in place with a new version."""
    first = plan([result(State.NOT_MET)])[0]

    actions = plan([result(State.NOT_MET, jql="labels = y")], [task(first.labels)])

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.UPDATE, "MO-9")]
    assert actions[0].version != first.version
    assert f"os2bot-v-{first.version}" not in actions[0].labels


def test_a_task_whose_labels_someone_upper_cased_is_still_the_same_task():
    """Jira's search finds labels in any case, so the bot reads its labels back in any case.

    `labels = os2bot` and `labels in ("os2bot-<fingerprint>")` also find an issue labelled
    `OS2BOT-<FINGERPRINT>` (Jira keeps a lower-cased copy of labels for search; see
    docs/sandbox.md); if the bot then read the fingerprint case-sensitively it would open a
    second task for the same subject.
    """
    first = plan([result(State.NOT_MET)])[0]
    shouted = task(label.upper() for label in first.labels)

    assert shouted.fingerprint == FP
    assert shouted.content_version == first.version
    assert plan([result(State.NOT_MET)], [shouted]) == []


def test_an_update_keeps_no_second_copy_of_a_label_in_another_case():
    """An update writes the bot's labels once, dropping a kept label Jira would take as the same."""
    first = plan([result(State.NOT_MET)])[0]
    shouted = task([*(label.upper() for label in first.labels), "Koordination"])

    update = plan([result(State.NOT_MET, jql="labels = y")], [shouted])[0]

    assert update.kind is ActionKind.UPDATE
    assert update.labels[:2] == ("os2bot", f"os2bot-{FP}")
    assert "Koordination" in update.labels
    keys = [label.lower() for label in update.labels]
    assert len(keys) == len(set(keys))


def test_a_new_day_alone_does_not_update_the_task():
    """Only the day count moved: the content version is the same, no update."""
    first = plan([result(State.NOT_MET, days=152)])[0]

    assert plan([result(State.NOT_MET, days=153)], [task(first.labels)]) == []


def test_met_again_resolves_the_open_task_with_a_comment():
    """A check that is met again resolves its task and says why."""
    met = CheckResult(
        "os2mo",
        KG.id,
        State.MET,
        Msg(
            "reason.jql.met",
            {"key": "MO-3", "summary": "KG-møde", "date": "2026-11-01", "days": 26, "count": 3},
        ),
    )

    actions = plan([met], [task(["os2bot", f"os2bot-{FP}"])], language="en")

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.RESOLVE, "MO-9")]
    assert "is now met" in actions[0].comment
    assert "MO-3" in actions[0].comment


def test_unknown_neither_opens_nor_resolves():
    """Missing evidence is no verdict: unknown plans nothing, with or without a task."""
    existing = task(["os2bot", f"os2bot-{FP}"])

    assert plan([result(State.UNKNOWN)]) == []
    assert plan([result(State.UNKNOWN)], [existing]) == []


def test_nothing_is_planned_in_a_project_the_bot_cannot_read():
    """A product whose project is unreadable gets no task (Jira would refuse it anyway)."""
    assert plan([result(State.NOT_MET)], projects=frozenset()) == []


def test_fingerprints_differ_per_product_and_are_stable():
    """Each product gets its own fingerprint, the same in every run."""
    other = product(key="os2forms", jira={"project": "OS2FORMS"})

    assert reminder_fingerprint(MO.key, KG.id) == reminder_fingerprint(MO.key, KG.id)
    assert reminder_fingerprint(MO.key, KG.id) != reminder_fingerprint(other.key, KG.id)
    assert len(FP) == 12


def test_english_task_text():
    """With language en the task is written in English."""
    action = plan([result(State.NOT_MET)], language="en")[0]

    assert action.summary == "OS2mo: Functioning coordination group is not met"
    assert "How to fix it" in action.description
