# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Products on GitHub end to end: the real GitHub adapter (PyGithub) against the sandbox's
GitHub, judged, tasks opened, updated and closed, GitHub's rate limits honoured, and every
request and answer valid against GitHub's descriptions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_sandbox_github import check_exchanges

from os2bot.adapters.github_tracker import GitHubTracker
from os2bot.adapters.jira_tracker import JiraTracker
from os2bot.config import load_config
from os2bot.domain import ActionKind, State
from os2bot.flow import Mode, run_once
from os2bot.ports import TrackerUnavailable
from os2bot.sandbox import Fault
from os2bot.sandbox.seed import load_seed
from os2bot.state import SqliteState

from builders import config, product
from conftest import CONFIG, github_for, make_seed, meeting, tracker_for

REPO = "OS2borgerPC/os2borgerpc-produktforvaltning"
KG = "dagsordner-og-referater/koordinationsgruppe"
BORGERPC_JSON = Path(__file__).parent / "data" / "os2borgerpc-selvevaluering-06082026.json"


class Clock:
    """A clock the sandbox, the adapter and its waits share: a wait moves time, never sleeps."""

    def __init__(self) -> None:
        """Start at the real time now, whole seconds."""
        self.moment = datetime.now(UTC).replace(microsecond=0)
        self.slept: list[float] = []

    def now(self) -> datetime:
        """The clock's time."""
        return self.moment

    def time(self) -> float:
        """The clock's time in epoch seconds."""
        return self.moment.timestamp()

    def sleep(self, seconds: float) -> None:
        """Move the clock on instead of sleeping."""
        self.slept.append(seconds)
        self.moment += timedelta(seconds=seconds)


def borgerpc(**changes: Any):
    """OS2borgerPC on GitHub: its coordination group's lead has a GitHub login."""
    data: dict[str, Any] = {
        "key": "os2borgerpc",
        "name": "OS2borgerPC",
        "jira": None,
        "github": {"repo": REPO},
        "coordination_group": {
            "lead": {"name": "Lise", "github_user": "lise-kg"},
            "members": [{"name": "Medlem"}],
            "kommissorium": "https://example.test/kg.md",
        },
        "steering_group": {
            "lead": {"name": "Formand", "github_user": "formand"},
            "members": [{"name": "Medlem"}],
            "kommissorium": "https://example.test/sg.md",
        },
    }
    data.update(changes)
    return product(**data)


def repo(**changes: Any) -> dict[str, Any]:
    """The product-management repository, with minutes in Git."""
    data: dict[str, Any] = {
        "name": REPO,
        "files": {f"{KG}/20261102_referat.md": "# Referat", f"{KG}/skabelon.md": "# Skabelon"},
    }
    data.update(changes)
    return data


def meeting_issue(label: str = "koordinationsgruppemøde", closed: str = "-20d", **changes: Any):
    """A meeting recorded as an issue, closed (as completed) when held."""
    data = {
        "repo": REPO,
        "title": "Koordinationsgruppemøde",
        "labels": [label],
        "state": "closed",
        "created": "-40d",
        "closed": closed,
        "author": "lise-kg",
    }
    data.update(changes)
    return data


def github_seed(*issues: dict[str, Any], repositories=None, jira_issues=None):
    """A sandbox whose GitHub holds *issues* in the product-management repository."""
    return make_seed(
        issues=jira_issues or [],
        github={
            "users": ["lise-kg", "formand"],
            "repositories": repositories if repositories is not None else [repo()],
            "issues": list(issues),
        },
    )


def run(sandbox, cfg, state=None, mode=Mode.APPLY, clock=None, *, jira=True, **kwargs):
    """One run with the real GitHub (and Jira) adapters against *sandbox*."""
    clock = clock or Clock()
    gh = github_for(sandbox, sleep=clock.sleep, clock=clock.time, **kwargs)
    trackers = {"github": gh, **({"jira": tracker_for(sandbox)} if jira else {})}
    return run_once(
        cfg, trackers, now=clock.now(), language="da", mode=mode, state=state, clock=clock.now
    )


def result(run_result, check_id: str, product_key: str = "os2borgerpc"):
    """The result of *check_id* for *product_key*."""
    return next(
        r for r in run_result.results if r.product == product_key and r.check_id == check_id
    )


# ------------------------------------------------------------------------ evidence kinds


def test_a_meeting_issue_closed_as_completed_is_a_meeting_held(sandbox_factory):
    """The coordination group met 20 days ago (its issue closed as completed): met, with the
    issue on GitHub as evidence."""
    sandbox = sandbox_factory(github_seed(meeting_issue()))

    found = result(run(sandbox, config(borgerpc()), mode=Mode.CHECK), "koordinationsgruppe")

    assert found.state is State.MET
    assert found.evidence[0].source == "github"
    assert found.evidence[0].url == f"{sandbox.url}/{REPO}/issues/1"


@pytest.mark.parametrize(
    ("issue", "reason"),
    [
        (meeting_issue(closed="-150d", created="-160d"), "reason.jql.too_old"),
        (meeting_issue(state_reason="not_planned"), "reason.github.none"),  # cancelled
        ({**meeting_issue(), "state": "open", "closed": None}, "reason.github.none"),
        (meeting_issue(label="andet"), "reason.github.none"),
    ],
)
def test_no_meeting_held_recently_is_not_met(sandbox_factory, issue, reason):
    """A meeting too long ago, one closed as not planned, one still open, or an issue without
    the label: not met."""
    sandbox = sandbox_factory(github_seed(issue))

    found = result(run(sandbox, config(borgerpc()), mode=Mode.CHECK), "koordinationsgruppe")

    assert (found.state, found.reason.key) == (State.NOT_MET, reason)


def test_an_unreadable_repository_makes_its_checks_unknown_never_met(sandbox_factory):
    """A repository the token may not read: every check that needs GitHub is unknown."""
    sandbox = sandbox_factory(github_seed(repositories=[repo(readable=False)]))

    run_result = run(sandbox, config(borgerpc()), mode=Mode.CHECK)

    for check_id in ("koordinationsgruppe", "os2-vaerktoejer"):
        found = result(run_result, check_id)
        assert (found.state, found.reason.key) == (State.UNKNOWN, "reason.repo_unreadable")


def test_people_make_activity_and_the_bots_own_comments_and_labels_never_do(sandbox_factory):
    """An issue a person opened long ago that only the bot touched since (a comment, a label
    that is not its task label) is no activity, however recently GitHub says it was updated;
    a person's comment is."""
    old = {"repo": REPO, "title": "Gammelt ønske", "created": "-200d", "author": "lise-kg"}
    sandbox = sandbox_factory(github_seed(old))
    issue = sandbox.github.issue(REPO, 1)
    bot_comment = sandbox.github._comment(issue, "os2bot", "os2bot: triage", datetime.now(UTC))
    sandbox.github._set_labels(
        sandbox.github.repos[REPO.lower()], issue, ["os2bot-forsinket"], datetime.now(UTC)
    )
    issue.updated = bot_comment.created
    cfg = config(borgerpc())

    idle = result(run(sandbox, cfg, mode=Mode.CHECK), "os2-vaerktoejer")
    sandbox.github._comment(issue, "lise-kg", "Stadig aktuelt", datetime.now(UTC))
    active = result(run(sandbox, cfg, mode=Mode.CHECK), "os2-vaerktoejer")

    assert (idle.state, idle.reason.key) == (State.NOT_MET, "reason.activity.idle")
    assert active.state is State.MET
    assert [n.key for n in active.notes] == ["reason.activity.github"]


def test_a_pull_request_by_a_person_is_activity(sandbox_factory):
    """Pull requests count as well as issues."""
    pull = {
        "repo": REPO,
        "title": "Ret login",
        "pull_request": True,
        "created": "-3d",
        "author": "lise-kg",
    }
    sandbox = sandbox_factory(github_seed(pull))

    found = result(run(sandbox, config(borgerpc()), mode=Mode.CHECK), "os2-vaerktoejer")

    assert found.state is State.MET
    assert found.evidence[0].url.endswith("/pull/1")


def releases_product():
    """OS2borgerPC with joint operations, whose release check reads milestones and releases."""
    return borgerpc(
        agreement={
            "signed": "2025-01-01",
            "extensions": ["faelles_drift"],
            "funded_items": ["release"],
        }
    )


def test_an_overdue_milestone_is_not_met_and_a_recent_release_is_met(sandbox_factory):
    """Versions on GitHub: an open milestone past its due date fails the release check; with
    it closed, a release published last month and the signed agreement filed, it is met."""
    late = repo(milestones=[{"title": "5.2.0", "due_on": "-5d"}])
    done = repo(
        milestones=[{"title": "5.2.0", "due_on": "-5d", "state": "closed"}],
        releases=[
            {"tag": "v5.2.0", "published": "-20d"},
            {"tag": "v6.0.0-rc1", "published": "-1d", "prerelease": True},
        ],
    )

    overdue = result(
        run(
            sandbox_factory(github_seed(repositories=[late])),
            config(releases_product()),
            mode=Mode.CHECK,
        ),
        "drift-release",
    )
    # The signed agreement, filed as an issue, backs release management as a funded item.
    agreement = meeting_issue(label="tilslutningsaftale", title="Tilslutningsaftale (underskrevet)")
    released = result(
        run(
            sandbox_factory(github_seed(agreement, repositories=[done])),
            config(releases_product()),
            mode=Mode.CHECK,
        ),
        "drift-release",
    )

    assert overdue.state is State.NOT_MET
    assert "reason.versions.overdue" in {overdue.reason.key, *(n.key for n in overdue.notes)}
    assert released.state is State.MET


MINUTES_IN_GIT = {
    "koordinationsgruppe": [
        {"kind": "git", "path": KG, "within_days": 90},
        {"kind": "declared", "fact": "coordination_group"},
    ]
}


def test_minutes_in_git_are_the_coordination_groups_evidence(sandbox_factory):
    """OS2borgerPC's way: the newest minutes file, dated in its name, within 90 days — met,
    linked where it lives; older minutes — not met; no such folder — unknown."""
    fresh = sandbox_factory(github_seed())
    stale = sandbox_factory(
        github_seed(repositories=[repo(files={f"{KG}/20260101_referat.md": "x"})])
    )
    missing = sandbox_factory(github_seed(repositories=[repo(files={"README.md": "x"})]))
    cfg = config(borgerpc(evidence=MINUTES_IN_GIT))

    met = result(run(fresh, cfg, mode=Mode.CHECK), "koordinationsgruppe")
    old = result(run(stale, cfg, mode=Mode.CHECK), "koordinationsgruppe")
    unknown = result(run(missing, cfg, mode=Mode.CHECK), "koordinationsgruppe")

    assert met.state is State.MET
    assert met.evidence[0].url == f"{fresh.url}/{REPO}/blob/HEAD/{KG}/20261102_referat.md"
    assert (old.state, old.reason.key) == (State.NOT_MET, "reason.git.too_old")
    assert (unknown.state, unknown.reason.key) == (State.UNKNOWN, "reason.git.unreadable")


def test_a_jira_product_takes_its_meetings_from_git_in_the_same_run(sandbox_factory):
    """A Jira product and a GitHub product in one run; the Jira product's coordination group
    is judged by minutes in a repository, the GitHub product's by its meeting issues."""
    valghalla_repo = repo(name="OS2Valghalla/governance", files={"referater/20261115_kg.md": "x"})
    sandbox = sandbox_factory(
        github_seed(
            meeting_issue(),
            repositories=[repo(), valghalla_repo],
            jira_issues=[meeting("MO", "-10d")],
        )
    )
    on_jira = product(
        key="os2valghalla",
        name="OS2valghalla",
        jira={"project": "MO", "board": 1},
        evidence={
            "koordinationsgruppe": [
                {
                    "kind": "git",
                    "repo": "OS2Valghalla/governance",
                    "path": "referater",
                    "within_days": 45,
                },
                {"kind": "declared", "fact": "coordination_group"},
            ]
        },
    )

    run_result = run(sandbox, config(on_jira, borgerpc()), mode=Mode.CHECK)

    jira_kg = result(run_result, "koordinationsgruppe", "os2valghalla")
    github_kg = result(run_result, "koordinationsgruppe")
    assert (jira_kg.state, jira_kg.evidence[0].source) == (State.MET, "git")
    assert (github_kg.state, github_kg.evidence[0].source) == (State.MET, "github")
    assert set(run_result.calls_by_tracker) == {"jira", "github"}
    assert run_result.calls_by_tracker["jira"]["GET search/jql"] >= 1


def assessment_repo(*files: tuple[str, str]) -> dict[str, Any]:
    """The repository with files under dokumenter/."""
    return repo(files={f"dokumenter/{name}": content for name, content in files})


SELF_ASSESSMENT = {"path": "dokumenter/*selvevaluering*.json"}


def test_the_real_os2borgerpc_self_assessment_is_read_from_the_repository(sandbox_factory):
    """OS2borgerPC's own self-assessment JSON, found by pattern in its repository (the newest
    by filledDate of two), is judged against the catalogue: its "Nej" up to level 2 fail it,
    and the evidence links the file."""
    real = BORGERPC_JSON.read_text(encoding="utf-8")
    older = json.loads(real) | {"filledDate": "2025-12-01"}
    sandbox = sandbox_factory(
        github_seed(
            repositories=[
                assessment_repo(
                    ("os2borgerpc-selvevaluering-06082026.json", real),
                    ("os2borgerpc-selvevaluering-01122025.json", json.dumps(older)),
                    ("CONTRIBUTING.md", "x"),
                )
            ]
        )
    )
    clock = Clock()
    clock.moment = datetime(2026, 11, 27, 9, tzinfo=UTC)

    found = result(
        run(
            sandbox, config(borgerpc(self_assessment=SELF_ASSESSMENT)), mode=Mode.CHECK, clock=clock
        ),
        "governancekrav",
    )

    assert found.state is State.NOT_MET
    assert found.reason.key == "reason.assessment.failing"
    assert found.reason.params["filled"] == "2026-06-24"
    assert set(found.reason.params["ids"].split(", ")) == {"F14", "F16", "F18", "S4"}
    assert found.evidence[0].title == "os2borgerpc-selvevaluering-06082026.json"


@pytest.mark.parametrize(
    ("files", "fragment"),
    [
        ((("os2borgerpc-selvevaluering.json", '{"productName": "x"}'),), "the field filledDate"),
        ((("os2borgerpc-selvevaluering.json", "{ikke json"),), "JSONDecodeError"),
        ((("README.md", "x"),), "no file matches"),
    ],
)
def test_a_malformed_or_missing_self_assessment_is_unknown_naming_the_file(
    sandbox_factory, files, fragment
):
    """A file that is not OS2's format, not JSON, or not there is unknown — never met — and
    the reason names the file."""
    sandbox = sandbox_factory(github_seed(repositories=[assessment_repo(*files)]))

    found = result(
        run(sandbox, config(borgerpc(self_assessment=SELF_ASSESSMENT)), mode=Mode.CHECK),
        "governancekrav",
    )

    assert found.state is State.UNKNOWN
    assert fragment in found.reason.params["error"]
    assert REPO in found.reason.params["error"] + found.reason.params["file"]


def test_the_signed_agreement_filed_as_an_issue_backs_the_declared_funding(sandbox_factory):
    """A declared funding item with its GitHub trace: the issue labelled tilslutningsaftale;
    without it, the declaration alone is not met, and the reason says GitHub has no trace."""
    agreement = {"repo": REPO, "title": "Tilslutningsaftale 2025", "labels": ["tilslutningsaftale"]}
    traced = sandbox_factory(github_seed(agreement))
    untraced = sandbox_factory(github_seed())

    found = result(run(traced, config(borgerpc()), mode=Mode.CHECK), "finansiering-vedligehold")
    missing = result(run(untraced, config(borgerpc()), mode=Mode.CHECK), "finansiering-vedligehold")

    assert found.state is State.MET
    assert found.evidence[0].source == "github"
    assert (missing.state, missing.reason.key) == (
        State.NOT_MET,
        "reason.declared.no_trace_github",
    )
    assert missing.reason.params["jql"] == 'label:"tilslutningsaftale"'


def test_a_fresh_self_assessment_answering_yes_is_met(sandbox_factory):
    """A self-assessment in the repository, filled in last month, with every requirement up
    to the product's level answered "Ja": met."""
    data = json.loads(BORGERPC_JSON.read_text(encoding="utf-8"))
    data["filledDate"] = (datetime.now(UTC) - timedelta(days=30)).date().isoformat()
    for entry in data["krav"]:
        entry["efterlevet"] = "Ja"
    sandbox = sandbox_factory(
        github_seed(repositories=[assessment_repo(("x-selvevaluering.json", json.dumps(data)))])
    )

    found = result(
        run(sandbox, config(borgerpc(self_assessment=SELF_ASSESSMENT)), mode=Mode.CHECK),
        "governancekrav",
    )

    assert (found.state, found.reason.key) == (State.MET, "reason.assessment.ok")


# ------------------------------------------------------------------------ tasks


def tasks(sandbox) -> list:
    """The bot's issues in the repository."""
    return sandbox.github.issues_with_label("os2bot")


def test_tasks_are_opened_as_github_issues_once_and_a_second_run_opens_nothing(
    sandbox_factory, tmp_path
):
    """A failing check opens an issue labelled os2bot and its fingerprint (within GitHub's 50
    characters), assigned by GitHub login, its text in Markdown; the second run plans nothing."""
    sandbox = sandbox_factory(github_seed())
    state = SqliteState(tmp_path / "state.sqlite3")
    cfg = config(borgerpc())

    first = run(sandbox, cfg, state)
    second = run(sandbox, cfg, state)

    (reminder,) = [t for t in tasks(sandbox) if "Fungerende koordinationsgruppe" in t.title]
    assert reminder.labels[0] == "os2bot"
    assert all(len(label) <= 50 for t in tasks(sandbox) for label in t.labels)
    assert reminder.assignees == ["formand"]
    assert "### Hvorfor" in reminder.body
    assert "<!-- os2bot v=" in reminder.body
    assert first.created
    assert first.errors == []
    assert second.actions == []
    assert second.created == []


def test_a_task_whose_content_changes_is_edited_in_place(sandbox_factory, tmp_path):
    """The reason changes (the newest meeting moves out of the window): the same issue is
    updated, not a second one opened."""
    sandbox = sandbox_factory(github_seed(meeting_issue(closed="-150d", created="-160d")))
    state = SqliteState(tmp_path / "state.sqlite3")
    cfg = config(borgerpc())
    run(sandbox, cfg, state)
    before = {t.number: t.body for t in tasks(sandbox)}
    sandbox.github.add_issue(**meeting_issue(closed="-120d", created="-121d"))

    second = run(sandbox, cfg, state)

    assert [a.kind for a in second.actions] == [ActionKind.UPDATE]
    assert {t.number for t in tasks(sandbox)} == set(before)
    assert len([t for t in tasks(sandbox) if t.body != before[t.number]]) == 1
    assert "PATCH repos/{owner}/{repo}/issues/{number}" in second.calls


def test_a_task_whose_check_clears_is_closed_as_completed_with_a_comment(sandbox_factory, tmp_path):
    """The meeting is held: the reminder gets a closing comment and is closed as completed."""
    sandbox = sandbox_factory(github_seed())
    state = SqliteState(tmp_path / "state.sqlite3")
    cfg = config(borgerpc())
    run(sandbox, cfg, state)
    (reminder,) = [t for t in tasks(sandbox) if "Fungerende koordinationsgruppe" in t.title]
    sandbox.github.add_issue(**meeting_issue())

    closing = run(sandbox, cfg, state)

    assert ActionKind.RESOLVE in [a.kind for a in closing.actions]
    assert (reminder.state, reminder.state_reason) == ("closed", "completed")
    assert "er nu opfyldt" in reminder.comments[-1].body


def test_a_create_whose_answer_was_lost_opens_no_duplicate(sandbox_factory, tmp_path):
    """GitHub opens the issue but the answer is lost: apply looks in the repository before
    anyone tries again (GitHub's lists are consistent at once), and no run opens it twice."""
    sandbox = sandbox_factory(github_seed())
    state = SqliteState(tmp_path / "state.sqlite3")
    cfg = config(borgerpc())
    sandbox.add_fault(Fault(kind="drop", after=True, method="POST", path=r"/issues$", times=1))

    first = run(sandbox, cfg, state)
    second = run(sandbox, cfg, state)

    titles = [t.title for t in tasks(sandbox)]
    assert len(titles) == len(set(titles))
    assert first.errors == []
    assert second.created == []


def test_triage_comments_are_written_once_and_edited_in_place(sandbox_factory, tmp_path):
    """A request missing its acceptance criteria gets one triage comment in Markdown; when the
    request's form is completed, the same comment is edited, not a second posted."""
    body = "### Background\n\nAs a caseworker I want to see documents so that I can act.\n"
    request = {
        "repo": REPO,
        "title": "Vis borgerens dokumenter",
        "labels": ["enhancement"],
        "body": body,
    }
    sandbox = sandbox_factory(github_seed(request))
    state = SqliteState(tmp_path / "state.sqlite3")
    readiness = {
        "user_story": ["Background"],
        "acceptance": ["Acceptance Criteria"],
        "documentation": ["Documentation"],
    }
    cfg = config(
        borgerpc(
            github={"repo": REPO, "requests_label": "enhancement", "readiness": readiness},
            triage=True,
        )
    )

    run(sandbox, cfg, state)
    again = run(sandbox, cfg, state)
    issue = sandbox.github.issue(REPO, 1)
    issue.body = body + "\n### Acceptance Criteria\n\n- shown\n\n### Documentation\n\n- guide\n"
    edited = run(sandbox, cfg, state)

    (comment,) = issue.comments
    assert comment.body.startswith("<!-- os2bot-triage -->")
    assert "**os2bot**" in comment.body
    assert [a.kind for a in again.actions if a.kind is ActionKind.COMMENT] == []
    assert [a.kind for a in edited.actions] == [ActionKind.EDIT_COMMENT]
    assert "er nu udfyldt" in comment.body


# ------------------------------------------------------------------------ rate limits


def test_a_used_up_graphql_limit_is_waited_out_when_it_resets_soon(sandbox_factory):
    """x-ratelimit-remaining 0 with the reset 20 s away: the adapter waits (on the clock, not
    in real time) until x-ratelimit-reset and reads on."""
    clock = Clock()
    sandbox = sandbox_factory(github_seed(meeting_issue()), now=clock.now)
    sandbox.github.exhaust("graphql", reset_in=20)

    found = result(
        run(sandbox, config(borgerpc()), mode=Mode.CHECK, clock=clock), "koordinationsgruppe"
    )

    assert found.state is State.MET
    assert len(clock.slept) == 1
    assert 20 <= clock.slept[0] <= 22


def test_a_limit_used_up_for_long_defers_the_rest_of_the_run_and_says_so(sandbox_factory):
    """The primary limit resets in 50 minutes: the run stops rather than wait, saying GitHub's
    rate limit is reached; the next run reads again."""
    clock = Clock()
    sandbox = sandbox_factory(github_seed(), now=clock.now)
    sandbox.github.exhaust("graphql", reset_in=3000)

    with pytest.raises(TrackerUnavailable) as stopped:
        run(sandbox, config(borgerpc()), mode=Mode.CHECK, clock=clock)

    assert stopped.value.text_key == "cli.github_rate_limited"
    assert clock.slept == []


@pytest.mark.parametrize("status", [403, 429])
def test_a_secondary_limit_on_a_read_is_waited_out_by_its_retry_after(sandbox_factory, status):
    """403 or 429 with Retry-After on a read: waited for that long, then read again."""
    clock = Clock()
    sandbox = sandbox_factory(github_seed(meeting_issue()), now=clock.now)
    sandbox.add_fault(
        Fault(kind="status", status=status, retry_after=5, path="/api/graphql", times=1)
    )

    found = result(
        run(sandbox, config(borgerpc()), mode=Mode.CHECK, clock=clock), "koordinationsgruppe"
    )

    assert found.state is State.MET
    assert clock.slept == [5]


def test_a_secondary_limit_on_a_write_is_tried_once_after_its_wait_then_left(
    sandbox_factory, tmp_path
):
    """A create refused with 403 and Retry-After is sent once more after the wait; refused
    again, it and the writes after it are left for the next run, nothing written twice."""
    clock = Clock()
    sandbox = sandbox_factory(github_seed(), now=clock.now)
    state = SqliteState(tmp_path / "state.sqlite3")
    sandbox.add_fault(
        Fault(kind="status", status=403, retry_after=10, method="POST", path=r"/issues$")
    )

    refused = run(sandbox, config(borgerpc()), state, clock=clock)

    assert tasks(sandbox) == []
    assert clock.slept == [10]
    assert refused.errors
    assert "GitHub's rate limit" in refused.errors[0]
    sandbox.faults.clear()
    later = run(sandbox, config(borgerpc()), state, clock=clock)
    assert later.created


# ------------------------------------------------------------------------ calls and contract


def test_github_calls_grow_with_repositories_not_with_checks(sandbox_factory):
    """Ten products on ten repositories are read in one GraphQL request (a batch of ten), and
    the same ten products with twice as many checks' worth of queries still in one."""
    names = [f"OS2test/repo{n}" for n in range(10)]
    sandbox = sandbox_factory(github_seed(repositories=[repo(name=n) for n in names]))
    products = [borgerpc(key=f"p{n}", github={"repo": name}) for n, name in enumerate(names)]

    checked = run(sandbox, config(*products), mode=Mode.CHECK, jira=False)

    assert checked.calls_by_tracker["github"] == {"POST graphql": 1}


def test_every_request_the_bot_sends_to_github_and_every_answer_conform(sandbox_factory, tmp_path):
    """Two runs over a product on GitHub — reads, creates, comments, updates, closes — send
    and receive only what GitHub's REST description and GraphQL schema describe."""
    body = "### Background\n\nAs a caseworker I want documents so that I can act.\n"
    sandbox = sandbox_factory(
        github_seed(
            meeting_issue(closed="-150d", created="-160d"),
            {"repo": REPO, "title": "Ønske", "labels": ["udviklingsønske"], "body": body},
            repositories=[repo(milestones=[{"title": "5.2.0", "due_on": "+10d"}])],
        )
    )
    state = SqliteState(tmp_path / "state.sqlite3")
    cfg = config(borgerpc(triage=True, prioritisation={"lead_days": 400}))

    run(sandbox, cfg, state)
    sandbox.github.add_issue(**meeting_issue())
    run(sandbox, cfg, state)

    assert check_exchanges(sandbox) == []
    methods = {(e.method, e.path.rsplit("/", 1)[-1]) for e in sandbox.exchanges}
    assert ("POST", "issues") in methods
    assert ("POST", "comments") in methods


def test_the_demo_on_both_trackers_conforms_and_opens_nothing_the_second_time(
    sandbox_factory, tmp_path
):
    """The shipped configuration on the demo data, Jira and GitHub together: OS2borgerPC's
    tasks are GitHub issues, OS2valghalla's meetings come from Git, a second run opens
    nothing, and every GitHub exchange fits GitHub's descriptions."""
    seed = load_seed(CONFIG / "demo")
    sandbox = sandbox_factory(seed)
    cfg = load_config(CONFIG)
    state = SqliteState(tmp_path / "state.sqlite3")
    user = seed.jira.users[0]

    def both():
        """The two adapters, with the demo seed's own credentials."""
        jira = JiraTracker(
            sandbox.url, deployment="cloud", email=user.email, api_token=user.api_token
        )
        hub = GitHubTracker(sandbox.url + "/api/v3", token=seed.github.token, sleep=lambda _s: None)
        return {"jira": jira, "github": hub}

    first = run_once(
        cfg, both(), now=datetime.now(UTC), language="da", mode=Mode.APPLY, state=state
    )
    second = run_once(
        cfg, both(), now=datetime.now(UTC), language="da", mode=Mode.APPLY, state=state
    )

    opened = [a.key for a in first.created if a.key.startswith("OS2borgerPC/")]
    assert len(opened) >= 3  # a reminder, the prioritisation round, the release
    assert result(first, "koordinationsgruppe", "os2valghalla").evidence[0].source == "git"
    assert second.created == []
    assert check_exchanges(sandbox) == []


def test_every_page_of_a_long_list_is_read(sandbox_factory):
    """150 meeting issues are more than GitHub's page of 100: the next page is read too (one
    more request), and every issue counts."""
    sandbox = sandbox_factory(github_seed(meeting_issue(count=150)))

    checked = run(sandbox, config(borgerpc()), mode=Mode.CHECK, jira=False)

    assert result(checked, "koordinationsgruppe").reason.params["count"] == 150
    assert checked.calls_by_tracker["github"] == {"POST graphql": 2}
