# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The slice end to end: real jira and slack_sdk clients, real HTTP, the sandbox on loopback."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from os2bot.config import Config
from os2bot.domain import State
from os2bot.flow import Mode, run_once
from os2bot.sandbox import Fault
from os2bot.state import SqliteState

from builders import PROFILE, config, product
from conftest import chat_for, make_seed, meeting, tracker_for

DEPLOYMENTS = ["cloud", "datacenter"]


def demo_like_seed(deployment: str, forms_summary: str = "Koordinationsgruppemøde – juni"):
    """OS2mo met 30 days ago, OS2forms 150 days ago, OS2valghalla's project is missing."""
    return make_seed(
        deployment=deployment,
        issues=[meeting("MO", "-30d"), meeting("OS2FORMS", "-150d 12:00", summary=forms_summary)],
    )


# The walking skeleton's slice: one check, three products.
KG_ONLY = PROFILE.model_copy(update={"checks": [PROFILE.check("koordinationsgruppe")]})


def config_for(deployment: str) -> Config:
    """OS2mo, OS2forms and OS2valghalla judged on the coordination group only, on *deployment*."""
    products = [
        product(key=key, name=name, jira={"project": project}, chat={"slack_channel": channel})
        for key, name, project, channel in (
            ("os2mo", "OS2mo", "MO", "#os2mo"),
            ("os2forms", "OS2forms", "OS2FORMS", "#os2forms"),
            ("os2valghalla", "OS2valghalla", "VALGHAL", "#os2valghalla"),
        )
    ]
    cfg = config(*products, profile=KG_ONLY)
    jira = cfg.bot.jira.model_copy(update={"deployment": deployment})
    return dataclasses.replace(cfg, bot=cfg.bot.model_copy(update={"jira": jira}))


def run(sandbox, state, deployment, mode=Mode.APPLY, **kwargs):
    """One run of the flow against *sandbox*."""
    return run_once(
        config_for(deployment),
        tracker_for(sandbox, **kwargs),
        now=datetime.now(UTC),
        language="da",
        mode=mode,
        chats={"slack": chat_for(sandbox)},
        state=state,
    )


def status_messages(sandbox):
    """The standing status messages in the sandbox's Slack (events are other messages)."""
    return [
        (m.channel, m.ts)
        for m in sandbox.slack.messages
        if m.text.endswith("status for tilslutningsaftalen")
    ]


def bot_tasks(sandbox):
    """The issues in the sandbox that the bot opened."""
    return sandbox.jira.issues_with_label("os2bot")


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_slice_judges_opens_one_task_and_posts_status(sandbox_factory, tmp_path, deployment):
    """Each product is judged from Jira, one reminder task opens for the product whose
    coordination group has not met for five months, and each product's channel gets its status."""
    sandbox = sandbox_factory(demo_like_seed(deployment))
    state = SqliteState(tmp_path / "state.sqlite3")

    report = run(sandbox, state, deployment)

    states = {r.product: r.state for r in report.results}
    assert states == {"os2mo": State.MET, "os2forms": State.NOT_MET, "os2valghalla": State.UNKNOWN}
    tasks = bot_tasks(sandbox)
    assert len(tasks) == 1
    task = tasks[0]
    assert task["fields"]["project"]["key"] == "OS2FORMS"
    assert task["fields"]["summary"] == "OS2forms: Fungerende koordinationsgruppe er ikke opfyldt"
    assert any(label.startswith("os2bot-") for label in task["fields"]["labels"])
    assert "150 dage siden" in task["fields"]["description"]
    channels = {m.channel: m for m in sandbox.slack.messages}
    assert set(channels) == {"C0TESTMO01", "C0TESTFRM1", "C0TESTVAL1"}
    forms_text = str(channels["C0TESTFRM1"].blocks)
    assert task["key"] in forms_text
    assert "ikke opfyldt" in forms_text


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_second_run_opens_nothing_and_edits_nothing(sandbox_factory, tmp_path, deployment):
    """Running the same job twice leaves one task and does not touch unchanged chat messages."""
    sandbox = sandbox_factory(demo_like_seed(deployment))
    state = SqliteState(tmp_path / "state.sqlite3")
    run(sandbox, state, deployment)
    posted = len(sandbox.slack.messages)

    second = run(sandbox, state, deployment)

    assert second.actions == []
    assert len(bot_tasks(sandbox)) == 1
    assert len(sandbox.slack.messages) == posted
    assert all(m.edits == [] for m in sandbox.slack.messages)


@pytest.mark.parametrize(
    ("deployment", "endpoint"), [("cloud", "/search/jql$"), ("datacenter", "/search$")]
)
def test_search_follows_every_page(sandbox_factory, tmp_path, deployment, endpoint):
    """With pages of 2 issues, a meeting on the last page still counts: all pages are read,
    by nextPageToken on Cloud and by startAt on Data Center."""
    old = [meeting("MO", f"-{20 + i}d") for i in range(5)]  # all in the check's window
    seed = make_seed(
        deployment=deployment,
        issues=[*old, meeting("MO", "-10d"), meeting("OS2FORMS", "-10d")],
        page_size=2,
    )
    sandbox = sandbox_factory(seed)

    report = run(sandbox, SqliteState(tmp_path / "s.sqlite3"), deployment, mode=Mode.CHECK)

    assert {r.product: r.state for r in report.results}["os2mo"] is State.MET
    evidence_pages = [
        c for c in sandbox.calls(endpoint) if "koordinationsgruppemøde" in c.query["jql"][0]
    ]
    assert len(evidence_pages) == 4  # 7 evidence issues in pages of 2


def test_lost_answer_to_create_does_not_duplicate_the_task(sandbox_factory, tmp_path):
    """When Jira creates the task but the connection drops before the answer, the bot finds the
    task by its fingerprint label instead of creating it again, in this run and the next."""
    sandbox = sandbox_factory(demo_like_seed("cloud"))
    sandbox.add_fault(
        Fault(kind="drop", path=r"/rest/api/2/issue$", method="POST", after=True, times=1)
    )
    state = SqliteState(tmp_path / "state.sqlite3")

    first = run(sandbox, state, "cloud")
    second = run(sandbox, state, "cloud")

    assert len(bot_tasks(sandbox)) == 1
    assert [a.key for a in first.applied] == [bot_tasks(sandbox)[0]["key"]]
    assert second.actions == []


def test_met_again_comments_and_resolves_in_a_workflow_named_faerdig(sandbox_factory, tmp_path):
    """When the group meets again the task is resolved through whatever status is 'done' —
    here 'Færdig' — with a comment carrying the new evidence."""
    workflow = [
        {"id": "1", "name": "Åben", "category": "new"},
        {"id": "2", "name": "I gang", "category": "indeterminate"},
        {"id": "3", "name": "Færdig", "category": "done"},
    ]
    seed = make_seed(
        projects=[
            {"key": "MO", "name": "OS2mo"},
            {"key": "OS2FORMS", "name": "OS2forms", "workflow": workflow},
        ],
        issues=[meeting("MO", "-30d"), meeting("OS2FORMS", "-150d")],
    )
    sandbox = sandbox_factory(seed)
    state = SqliteState(tmp_path / "state.sqlite3")
    run(sandbox, state, "cloud")
    key = bot_tasks(sandbox)[0]["key"]
    sandbox.jira.add_issue(
        **meeting("OS2FORMS", "-1d", summary="Koordinationsgruppemøde – november")
    )

    report = run(sandbox, state, "cloud")

    task = sandbox.jira.issues[key]
    assert [a.action.kind.value for a in report.applied] == ["resolve"]
    assert task["fields"]["status"]["name"] == "Færdig"
    assert "er nu opfyldt" in sandbox.jira.comments[key][-1]["body"]
    assert "november" in sandbox.jira.comments[key][-1]["body"]


def test_ping_words_from_jira_do_not_ping_in_slack(sandbox_factory, tmp_path):
    """A Jira summary with <!channel>, <!here>, <@U…> and @here reaches Slack as harmless text."""
    sandbox = sandbox_factory(
        demo_like_seed("cloud", forms_summary="KG <!channel> <!here> <@U0KING01> @here @channel")
    )

    run(sandbox, SqliteState(tmp_path / "s.sqlite3"), "cloud")

    message = next(m for m in sandbox.slack.messages if m.channel == "C0TESTFRM1")
    posted = str(message.blocks) + message.text
    assert "KG" in posted
    for ping in ("<!channel>", "<!here>", "<@U0KING01>", "@here", "@channel"):
        assert ping not in posted


def test_deleted_status_message_is_posted_again(sandbox_factory, tmp_path):
    """If someone deletes the status message, the next change posts a new one and remembers it."""
    sandbox = sandbox_factory(demo_like_seed("cloud"))
    state = SqliteState(tmp_path / "state.sqlite3")
    run(sandbox, state, "cloud")
    forms = next(m for m in sandbox.slack.messages if m.channel == "C0TESTFRM1")
    sandbox.slack.delete(forms.channel, forms.ts)
    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))  # the group met: the status changes

    report = run(sandbox, state, "cloud")

    reposted = [p for p in report.posted if p.product == "os2forms"]
    assert [p.edited for p in reposted] == [False]
    assert state.message_ref("slack:#os2forms", "os2forms").ref == reposted[0].ref


def test_changed_status_is_edited_in_place(sandbox_factory, tmp_path):
    """A product whose status changes gets its one message edited, not a second message."""
    sandbox = sandbox_factory(demo_like_seed("cloud"))
    state = SqliteState(tmp_path / "state.sqlite3")
    run(sandbox, state, "cloud")
    statuses = status_messages(sandbox)
    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))  # the group met: the status changes

    run(sandbox, state, "cloud")

    forms = next(m for m in sandbox.slack.messages if m.channel == "C0TESTFRM1")
    mo = next(m for m in sandbox.slack.messages if m.channel == "C0TESTMO01")
    assert status_messages(sandbox) == statuses
    assert len(forms.edits) == 1
    assert "opfyldt" in str(forms.blocks)
    assert mo.edits == []  # nothing changed for OS2mo


def test_jira_rate_limit_is_waited_out_with_retry_after(sandbox_factory, tmp_path):
    """A 429 on search is retried after the Retry-After Jira sent, and the run completes."""
    sandbox = sandbox_factory(demo_like_seed("cloud"))
    sandbox.add_fault(Fault(kind="status", status=429, retry_after=4, path="/search/jql", times=1))
    waits: list[float] = []

    report = run(
        sandbox, SqliteState(tmp_path / "s.sqlite3"), "cloud", mode=Mode.CHECK, sleep=waits.append
    )

    assert waits == [4.0]
    assert {r.product: r.state for r in report.results}["os2mo"] is State.MET


def test_creates_look_for_all_their_labels_in_one_search_and_skip_what_exists(sandbox_factory):
    """Before opening tasks the bot asks Jira once for all their fingerprint labels; a task
    that appeared since the run began (another process, a lost answer) is not opened again."""
    from os2bot.apply import apply_actions
    from os2bot.domain import Action, ActionKind

    sandbox = sandbox_factory(make_seed())
    creates = [
        Action(
            kind=ActionKind.CREATE,
            fingerprint=f"{n:012x}",
            product="os2mo",
            project="MO",
            summary=f"Opgave {n}",
            description="x",
        )
        for n in range(5)
    ]
    sandbox.jira.add_issue(project="MO", summary="Opgave 2", labels=list(creates[2].labels))
    before = len(sandbox.calls(r"/search/jql$"))

    done = apply_actions(creates, tracker_for(sandbox))
    applied, deferred = done.applied, done.deferred

    assert deferred == []
    assert [a.existed for a in applied] == [False, False, True, False, False]
    assert len(sandbox.calls(r"/search/jql$")) - before == 1
    assert len(bot_tasks(sandbox)) == 5


def test_a_task_whose_labels_were_upper_cased_is_not_opened_again(sandbox_factory):
    """Jira's search finds `OS2BOT-<FP>` for `os2bot-<fp>`, and the bot takes it as its task.

    Jira matches labels in any case (docs/sandbox.md); the bot reads the fingerprint back in
    any case too, so the search's answer and the bot's reading of it agree.
    """
    from os2bot.apply import apply_actions
    from os2bot.domain import Action, ActionKind

    sandbox = sandbox_factory(make_seed())
    create = Action(
        kind=ActionKind.CREATE,
        fingerprint="00000000abcd",
        product="os2mo",
        project="MO",
        summary="Opgave",
        description="x",
    )
    sandbox.jira.add_issue(
        project="MO", summary="Opgave", labels=[label.upper() for label in create.labels]
    )

    applied = apply_actions([create], tracker_for(sandbox)).applied

    assert [a.existed for a in applied] == [True]
