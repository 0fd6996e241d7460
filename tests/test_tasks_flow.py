# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The tasks of the governance model, end to end against the demo data on the sandbox."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
from datetime import UTC, date, datetime

import pytest

from os2bot.calendar import working_day_on_or_before
from os2bot.config import Config, load_config
from os2bot.domain import ActionKind
from os2bot.flow import Mode, run_once
from os2bot.ports import TrackerUnavailable
from os2bot.sandbox import Fault
from os2bot.sandbox.seed import load_seed
from os2bot.state import SqliteState

from conftest import CONFIG

DEPLOYMENTS = ["cloud", "datacenter"]


def demo(deployment: str = "cloud"):
    """The demo's seed, on *deployment*."""
    seed = load_seed(CONFIG / "demo")
    seed.jira.deployment = deployment
    return seed


def configured(deployment: str = "cloud", **bot_changes) -> Config:
    """The shipped configuration on *deployment*, with changes to os2bot.yaml's settings."""
    cfg = load_config(CONFIG)
    jira = cfg.bot.jira.model_copy(update={"deployment": deployment})
    return dataclasses.replace(cfg, bot=cfg.bot.model_copy(update={"jira": jira, **bot_changes}))


def run(sandbox, cfg: Config, tmp_path, mode=Mode.APPLY, sleep=lambda _s: None):
    """One run with the real clients against *sandbox*."""
    from os2bot.adapters.jira_tracker import JiraTracker
    from os2bot.adapters.slack_chat import SlackChat

    user = sandbox.seed.jira.users[0]
    tracker = JiraTracker(
        sandbox.url,
        deployment=sandbox.seed.jira.deployment,
        email=user.email,
        api_token=user.api_token,
        pat=user.pat,
        sleep=sleep,
    )
    chat = SlackChat(sandbox.seed.slack.tokens[0], base_url=sandbox.url + "/api/")
    return run_once(
        cfg,
        tracker,
        now=datetime.now(UTC),
        language="da",
        mode=mode,
        chats={"slack": chat},
        state=SqliteState(tmp_path / "state.sqlite3"),
    )


def bot_tasks(sandbox) -> dict[str, dict]:
    """The bot's tasks in the sandbox, by summary."""
    return {i["fields"]["summary"]: i for i in sandbox.jira.issues_with_label("os2bot")}


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_every_kind_of_task_appears_once_in_danish_and_a_second_apply_plans_nothing(
    sandbox_factory, tmp_path, deployment
):
    """On the demo data each kind of task is opened — reminder, prioritisation round, release,
    fee invoice, expiring agreement — in Danish, and a second apply plans nothing at all."""
    sandbox = sandbox_factory(demo(deployment))
    cfg = configured(deployment)

    first = run(sandbox, cfg, tmp_path)
    second = run(sandbox, cfg, tmp_path)

    tasks = bot_tasks(sandbox)
    summaries = set(tasks)
    assert "OS2forms: Fungerende koordinationsgruppe er ikke opfyldt" in summaries
    assert "Prioritering af udviklingsønsker – februar 2027" in summaries
    assert "Release 3.3.0 – release- og deploymentstyring" in summaries
    assert "Fakturér tilslutningsafgift: Vejle Kommune – OS2forms" in summaries
    assert any(s.startswith("Tilslutningsaftalen for OS2forms udløber") for s in summaries)
    assert len(first.created) == len(tasks)
    assert second.actions == []
    fee = tasks["Fakturér tilslutningsafgift: Vejle Kommune – OS2forms"]
    assert fee["fields"]["project"]["key"] == "SEK"
    assignee = fee["fields"]["assignee"]
    if deployment == "cloud":
        assert assignee["accountId"] == "712020:5ec2e7a2-0b2b-4f00-9c1d-5ec2e7a2b001"
    else:
        assert assignee is None  # the product file names Cloud accountIds, which DC lacks


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_assignee_is_sent_the_way_each_deployment_names_users(
    sandbox_factory, tmp_path, deployment
):
    """The coordination group lead is assigned by accountId on Cloud and by user name on
    Data Center; the sandbox refuses the other form, as Jira does."""
    sandbox = sandbox_factory(demo(deployment))
    cfg = configured(deployment)
    user = "712020:6b1f2c44-aa41-4e0b-9a4c-0d2f3a4b5c6d" if deployment == "cloud" else "mette.kg"
    mo = next(p for p in cfg.products if p.key == "os2mo")
    lead = mo.coordination_group.lead.model_copy(update={"jira_user": user})
    group = mo.coordination_group.model_copy(update={"lead": lead})
    products = tuple(
        p.model_copy(update={"coordination_group": group}) if p.key == "os2mo" else p
        for p in cfg.products
    )

    run(sandbox, dataclasses.replace(cfg, products=products), tmp_path)

    release = bot_tasks(sandbox)["Release 3.3.0 – release- og deploymentstyring"]
    assert release["fields"]["assignee"]["displayName"] == "Mette Hansen (KG-formand)"
    version = next(v for v in sandbox.jira.versions["MO"] if v["name"] == "3.3.0")
    due = working_day_on_or_before(date.fromisoformat(version["releaseDate"]))
    assert release["fields"]["duedate"] == due.isoformat()


def test_a_new_request_updates_the_round_task_instead_of_opening_another(sandbox_factory, tmp_path):
    """A development request that arrives before the round is added to the round's task."""
    sandbox = sandbox_factory(demo())
    cfg = configured()
    run(sandbox, cfg, tmp_path)
    sandbox.jira.add_issue(
        project="MO",
        type="Story",
        summary="Import af lokationer",
        labels=["udviklingsønske"],
        created="-1d",
        votes=2,
    )

    report = run(sandbox, cfg, tmp_path)

    rounds = [s for s in bot_tasks(sandbox) if s.startswith("Prioritering af udviklingsønsker")]
    mo_round = bot_tasks(sandbox)["Prioritering af udviklingsønsker – februar 2027"]
    assert len(rounds) == 2  # one for OS2mo and one for OS2forms, each once
    assert [a.kind for a in report.actions] == [ActionKind.UPDATE]
    assert "Import af lokationer" in mo_round["fields"]["description"]


def test_released_version_resolves_its_task_through_a_done_status(sandbox_factory, tmp_path):
    """When the version is marked released, its release task is resolved with a comment."""
    sandbox = sandbox_factory(demo())
    cfg = configured()
    run(sandbox, cfg, tmp_path)
    task = bot_tasks(sandbox)["Release 3.3.0 – release- og deploymentstyring"]
    next(v for v in sandbox.jira.versions["MO"] if v["name"] == "3.3.0")["released"] = True

    run(sandbox, cfg, tmp_path)

    assert task["fields"]["status"]["statusCategory"]["key"] == "done"
    assert "Version 3.3.0 er frigivet" in sandbox.jira.comments[task["key"]][-1]["body"]


def test_paid_fee_resolves_the_invoice_task_in_a_workflow_named_faerdig(sandbox_factory, tmp_path):
    """When the product file marks the fee paid, the secretariat's invoice task is resolved
    through its workflow's done status, which is called 'Færdig'."""
    sandbox = sandbox_factory(demo())
    cfg = configured()
    run(sandbox, cfg, tmp_path)
    task = bot_tasks(sandbox)["Fakturér tilslutningsafgift: Vejle Kommune – OS2forms"]
    forms = next(p for p in cfg.products if p.key == "os2forms")
    members = [m.model_copy(update={"fee_paid": True}) for m in forms.members]
    paid = forms.model_copy(update={"members": members})
    cfg = dataclasses.replace(
        cfg, products=tuple(paid if p.key == "os2forms" else p for p in cfg.products)
    )

    run(sandbox, cfg, tmp_path)

    assert task["fields"]["status"]["name"] == "Færdig"
    assert "Vejle Kommune har betalt" in sandbox.jira.comments[task["key"]][-1]["body"]


def test_overdue_version_comments_once_and_the_chat_hears_of_it_once(sandbox_factory, tmp_path):
    """A release task opened for a version that is already late says so in its text and
    carries the mark; later runs do not comment again."""
    sandbox = sandbox_factory(demo())
    cfg = configured()

    run(sandbox, cfg, tmp_path)
    run(sandbox, cfg, tmp_path)

    task = bot_tasks(sandbox)["Release 5.2.0 – release- og deploymentstyring"]
    assert "os2bot-forsinket" in task["fields"]["labels"]
    assert "forsinket" in task["fields"]["description"]
    assert sandbox.jira.comments[task["key"]] == []


def test_write_budget_defers_the_rest_and_says_so_and_later_runs_finish_the_work(
    sandbox_factory, tmp_path
):
    """With a budget of 5 writes a run stops after 5, reports what waits, and the following
    runs open the rest — each task exactly once."""
    sandbox = sandbox_factory(demo())
    tasks = configured().bot.tasks.model_copy(update={"budget": 5})
    cfg = configured(tasks=tasks)

    first = run(sandbox, cfg, tmp_path)
    runs = 1
    while run(sandbox, cfg, tmp_path).deferred and runs < 10:
        runs += 1

    unlimited = run(sandbox, configured(), tmp_path)
    assert len(first.applied) == 5
    assert first.deferred
    assert runs >= 3
    assert unlimited.actions == []
    labels = [
        next(lbl for lbl in t["fields"]["labels"] if len(lbl) == 19)
        for t in sandbox.jira.issues_with_label("os2bot")
    ]
    assert len(labels) == len(set(labels))  # no fingerprint twice


def test_jira_down_mid_apply_stops_the_run_and_the_next_one_duplicates_nothing(
    sandbox_factory, tmp_path
):
    """When Jira starts refusing creates with 503 part-way, the run stops; the next run opens
    the remaining tasks and none twice."""
    sandbox = sandbox_factory(demo())
    cfg = configured()
    fault = sandbox.add_fault(
        Fault(kind="status", status=503, path=r"/rest/api/2/issue$", method="POST", every=4)
    )

    with pytest.raises(TrackerUnavailable):
        run(sandbox, cfg, tmp_path)
    opened = len(bot_tasks(sandbox))
    sandbox.faults.clear()
    run(sandbox, cfg, tmp_path)
    final = run(sandbox, cfg, tmp_path)

    assert fault.fired == 1
    assert 0 < opened < len(bot_tasks(sandbox))
    assert final.actions == []
    summaries = [t["fields"]["summary"] for t in sandbox.jira.issues_with_label("os2bot")]
    assert len(summaries) == len(set(summaries))


def announced(sandbox) -> list[str]:
    """The task keys chat announced as opened, one per announcement (a batch lists several,
    each on its own line with its key as the link; a lone announcement links its one task)."""
    keys = []
    for message in sandbox.slack.messages:
        body = str(message.blocks)
        if message.text.endswith(": Ny opgave fra os2bot"):
            keys += re.findall(r"\|([A-Z][A-Z0-9]+-\d+)>", body)[:1]
        keys += re.findall(r"Ny opgave fra os2bot\* — <[^|>]+\|([A-Z][A-Z0-9]+-\d+)>", body)
    return keys


def test_a_rate_limited_write_is_tried_once_more_after_its_retry_after(sandbox_factory, tmp_path):
    """A create Jira refuses once for its rate limit (429: not done) is sent again after the
    Retry-After Jira named, and the run opens every task."""
    sandbox = sandbox_factory(demo())
    sandbox.add_fault(
        Fault(
            kind="status",
            status=429,
            retry_after=1,
            path=r"/rest/api/2/issue$",
            method="POST",
            times=1,
        )
    )
    waits: list[float] = []

    first = run(sandbox, configured(), tmp_path, sleep=waits.append)
    again = run(sandbox, configured(), tmp_path)

    assert waits == [1.0]
    assert first.errors == []
    assert len(first.created) == len(bot_tasks(sandbox))
    assert again.actions == []


@pytest.mark.parametrize(
    "fault",
    [
        Fault(kind="status", status=503, path=r"/rest/api/2/issue$", method="POST", every=4),
        Fault(kind="drop", path=r"/rest/api/2/issue$", method="POST", after=True, every=5),
        Fault(kind="drop", path=r"/comment$", method="POST", after=True, times=1),
    ],
    ids=["503-on-a-create", "answer-lost-after-a-create", "answer-lost-after-a-comment"],
)
def test_a_run_aborted_after_some_writes_still_announces_every_task_it_opened_once(
    sandbox_factory, tmp_path, fault
):
    """Whatever stops a run part-way, each task it managed to open is announced in chat —
    by a later run if not by this one — exactly once."""
    sandbox = sandbox_factory(demo())
    cfg = configured()
    sandbox.add_fault(fault)

    with contextlib.suppress(TrackerUnavailable):
        run(sandbox, cfg, tmp_path)
    opened_before_the_abort = {i["key"] for i in sandbox.jira.issues_with_label("os2bot")}
    sandbox.faults.clear()
    run(sandbox, cfg, tmp_path)
    run(sandbox, cfg, tmp_path)

    opened = sorted(
        i["key"]
        for i in sandbox.jira.issues_with_label("os2bot")
        # The dashboard is no product's to announce; fee invoices and expiring agreements in
        # the secretariat's project go to the secretariat's Zulip, which this run lacks;
        # OS2valghalla is announced on Zulip, not used here.
        if not i["key"].startswith("SEK-") and "OS2valghalla" not in i["fields"]["summary"]
    )
    keys = announced(sandbox)
    assert fault.fired
    assert opened_before_the_abort
    assert sorted(set(keys)) == opened
    assert len(keys) == len(set(keys))


def test_a_search_index_that_lags_behind_the_writes_opens_nothing_twice(sandbox_factory, tmp_path):
    """Jira Cloud's search sees new issues only after a while: the next run does not find its
    tasks by search, reads the ones it opened by key instead, and opens none again."""
    sandbox = sandbox_factory(demo())
    cfg = configured()
    sandbox.jira.index_lag = 3600

    first = run(sandbox, cfg, tmp_path)
    second = run(sandbox, cfg, tmp_path)

    assert first.created
    assert second.created == []
    assert len(sandbox.jira.issues_with_label("os2bot")) == len(first.created)
    assert sandbox.calls(r"/rest/api/2/issue/[A-Z]+-\d+$")


def test_a_create_whose_answer_was_lost_is_not_repeated_until_a_search_settles_it(
    sandbox_factory, tmp_path
):
    """A create whose answer is lost while the search index lags may have landed: later runs
    leave that task alone (saying it waits) until a search finds it, then go on as usual."""
    sandbox = sandbox_factory(demo())
    cfg = configured()
    sandbox.jira.index_lag = 3600
    sandbox.add_fault(Fault(kind="drop", path=r"/rest/api/2/issue$", method="POST", after=True))

    with pytest.raises(TrackerUnavailable):
        run(sandbox, cfg, tmp_path)
    sandbox.faults.clear()
    waiting = run(sandbox, cfg, tmp_path)
    sandbox.jira.catch_up_index()
    settled = run(sandbox, cfg, tmp_path)
    final = run(sandbox, cfg, tmp_path)

    summaries = [t["fields"]["summary"] for t in sandbox.jira.issues_with_label("os2bot")]
    assert len(waiting.uncertain) == 1
    assert waiting.uncertain[0].summary == summaries[0]
    assert settled.uncertain == []
    assert final.actions == []
    assert len(summaries) == len(set(summaries))


@pytest.mark.parametrize(
    "fault",
    [
        {"status": 429, "retry_after": 1, "times": 2},
        {"status": 429, "times": 2},
        {"status": 503, "retry_after": 2, "times": 2},
        {"status": 429, "retry_after": 3600, "times": 1},
    ],
    ids=["429-twice", "429-without-retry-after", "503-with-retry-after", "429-for-an-hour"],
)
def test_a_write_still_rate_limited_is_refused_and_the_run_goes_on(
    sandbox_factory, tmp_path, fault
):
    """A create Jira keeps refusing for its rate limit (429, or 503 with Retry-After), or asks
    for a longer wait than the cap, does not stop the run: it is listed among the run's errors,
    the chat still hears, and the next run opens what was left — each task once."""
    sandbox = sandbox_factory(demo())
    cfg = configured()
    limited = sandbox.add_fault(
        Fault(kind="status", path=r"/rest/api/2/issue$", method="POST", **fault)
    )
    waits: list[float] = []

    first = run(sandbox, cfg, tmp_path, sleep=waits.append)
    opened = len(bot_tasks(sandbox))
    second = run(sandbox, cfg, tmp_path)
    final = run(sandbox, cfg, tmp_path)

    assert limited.fired == fault["times"]
    assert first.errors
    assert first.posted
    assert all(w <= 60 for w in waits)
    assert opened < len(bot_tasks(sandbox))
    assert second.created
    assert final.actions == []
    summaries = [t["fields"]["summary"] for t in sandbox.jira.issues_with_label("os2bot")]
    assert len(summaries) == len(set(summaries))


def test_dashboard_issue_is_kept_current_in_place(sandbox_factory, tmp_path):
    """The secretariat's dashboard issue is opened once and edited in place when a product's
    state changes — never a second one."""
    sandbox = sandbox_factory(demo())
    cfg = configured()
    run(sandbox, cfg, tmp_path)
    run(sandbox, cfg, tmp_path)
    dashboards = [i for s, i in bot_tasks(sandbox).items() if s.startswith("OS2-porteføljen")]
    before = dashboards[0]["fields"]["description"]
    sandbox.jira.add_issue(
        project="OS2FORMS",
        summary="Koordinationsgruppemøde – november",
        labels=["koordinationsgruppemøde"],
        created="-3d",
        resolved="-1d",
    )

    run(sandbox, cfg, tmp_path)

    after = [i for s, i in bot_tasks(sandbox).items() if s.startswith("OS2-porteføljen")]
    assert len(dashboards) == 1
    assert [i["key"] for i in after] == [dashboards[0]["key"]]
    assert after[0]["fields"]["project"]["key"] == "SEK"
    assert (
        "OS2forms · Fungerende koordinationsgruppe: ikke opfyldt → opfyldt"
        in after[0]["fields"]["description"]
    )
    assert before != after[0]["fields"]["description"]


# ------------------------------------------------------------- hostile text from Jira

HOSTILE = (
    "[~accountid:712020:5ec2e7a2-0b2b] *fed* _kursiv_ {color:red}rød{color} "
    "[klik her|https://evil.example] !https://evil.example/x.png! ||celle|| -slettet- h1. x"
)
UNESCAPED = re.compile(
    r"(?<!\\)\[~|(?<!\\)\{color|(?<!\\)\[klik|(?<!\\)!https|(?<!\\)\|\|celle|(?<!\\)\*fed"
)
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def hostile_issues(sandbox, summary: str) -> None:
    """*summary* on a development request, an issue in a release and OS2forms' newest meeting
    (still too old: the check stays not met, and its reminder quotes the meeting)."""
    sandbox.jira.add_issue(
        project="OS2FORMS", type="Story", summary=summary, labels=["udviklingsønske"], votes=5
    )
    sandbox.jira.add_issue(project="OS2FORMS", type="Bug", summary=summary, fix_versions=["5.2.0"])
    sandbox.jira.add_issue(
        project="OS2FORMS",
        summary=summary,
        labels=["koordinationsgruppemøde"],
        created="-150d",
        resolved="-140d",
    )


def descriptions(sandbox) -> dict[str, str]:
    """The description of each of the bot's tasks, by summary."""
    return {s: i["fields"]["description"] or "" for s, i in bot_tasks(sandbox).items()}


def test_markup_and_mentions_from_jira_are_inert_in_what_the_bot_writes(sandbox_factory, tmp_path):
    """A summary holding a user mention, a link, an image, colour, a table and emphasis is
    copied into the round, release and reminder tasks escaped — so Jira notifies no one and
    renders none of it — while its words are still there."""
    sandbox = sandbox_factory(demo())
    hostile_issues(sandbox, HOSTILE)

    first = run(sandbox, configured(), tmp_path)

    written = descriptions(sandbox)
    quoting = {s: d for s, d in written.items() if "accountid" in d}
    assert first.errors == []
    assert {s.split(":")[0].split(" – ")[0] for s in quoting} >= {
        "Prioritering af udviklingsønsker",
        "Release 5.2.0",
        "OS2forms",
    }
    for summary, description in quoting.items():
        assert UNESCAPED.search(description) is None, summary
        assert "rød" in description


def test_a_100_kb_summary_cannot_make_a_task_jira_refuses(sandbox_factory, tmp_path):
    """A request with a 100 KB summary does not make a task description Jira refuses every
    run: the description is cut to Jira's 32,767 characters and says so, and a second run
    has nothing to do."""
    sandbox = sandbox_factory(demo())
    sandbox.jira.add_issue(
        project="OS2FORMS", type="Story", summary="x" * 100_000, labels=["udviklingsønske"]
    )

    first = run(sandbox, configured(), tmp_path)
    second = run(sandbox, configured(), tmp_path)

    [forms_round] = [
        d for s, d in descriptions(sandbox).items() if "OS2forms" in d and "Prioritering" in s
    ]
    assert first.errors == []
    assert len(forms_round) <= 32_767
    assert "afkortet" in forms_round
    assert second.actions == []


def test_bidi_controls_from_jira_reach_neither_chat_nor_tasks_nor_the_report(
    sandbox_factory, tmp_path
):
    """Right-to-left overrides and isolates in Jira text are removed where the text enters the
    bot: no chat message, task or result carries them."""
    sandbox = sandbox_factory(demo())
    hostile_issues(sandbox, "Koordinationsgruppemøde \u202egpj.exe\u202c \u2066x\u2069")

    report = run(sandbox, configured(), tmp_path)

    chat = " ".join(
        m.text + json.dumps(m.blocks, ensure_ascii=False) for m in sandbox.slack.messages
    )
    results = json.dumps(
        [(r.reason.params, [e.to_json() for e in r.evidence]) for r in report.results],
        ensure_ascii=False,
        default=str,
    )
    assert "gpj.exe" in chat
    assert "gpj.exe" in results
    assert BIDI.search(chat) is None
    assert BIDI.search(" ".join(descriptions(sandbox).values())) is None
    assert BIDI.search(results) is None
