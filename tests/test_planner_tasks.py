# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The planner's governance tasks: prioritisation rounds, triage comments, release tasks,
secretariat tasks and where reminders go. Pure: fixed dates, no I/O."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from os2bot.config import Prioritisation, Product, Secretariat
from os2bot.domain import (
    OVERDUE_MARK,
    REQUEST_FIELDS,
    TRIAGE_MARK,
    Action,
    ActionKind,
    CheckResult,
    Comment,
    Issue,
    Msg,
    Query,
    State,
    Version,
    is_triage_comment,
    reminder_fingerprint,
)
from os2bot.planner import plan_actions

from builders import NOW, config, issue, product, snapshot

LEAD = {"name": "Mette", "jira_user": "acc-mette"}
SEK_LEAD = "712020:5ec2e7a2-0b2b-4f00-9c1d-5ec2e7a2b001"
REQUESTS = Query(Prioritisation().requests_jql, fields=REQUEST_FIELDS)
TODAY = NOW.date()  # Friday 27 November 2026; 09:00 in Copenhagen

COMPLETE = (
    "Som sagsbehandler ønsker jeg at kunne eksportere sager til CSV, så jeg kan genbruge dem.\n"
    "Acceptkriterier: eksporten indeholder alle felter.\n"
    "Krav til dokumentation: brugervejledningen opdateres."
)
NO_STORY = "Eksport af sager til CSV-format, så de kan bruges i andre systemer uden besvær."


def at(year: int, month: int, day: int) -> datetime:
    """08:00 UTC (09:00 in Copenhagen) on a day."""
    return datetime(year, month, day, 8, 0, tzinfo=UTC)


def mo(**changes: Any) -> Product:
    """OS2mo in project MO with a coordination-group lead and, unless changed, no task
    sources besides the ones a test turns on."""
    data: dict[str, Any] = {
        "key": "os2mo",
        "name": "OS2mo",
        "jira": {"project": "MO"},
        "coordination_group": {"lead": LEAD, "members": [{"name": "Søren"}]},
        "releases": {"enabled": False},
    }
    data.update(changes)
    return product(**data)


def request(key: str, **fields: Any) -> Issue:
    """A development request; by default complete and created in October 2026."""
    fields.setdefault("summary", "Eksport af sager til CSV")
    fields.setdefault("description", COMPLETE)
    fields.setdefault("created", at(2026, 10, 1))
    return issue(key, **fields)


def plan(
    prod: Product,
    *,
    now: datetime = NOW,
    requests: list[Issue] | tuple[Issue, ...] = (),
    tasks: list[Issue] | tuple[Issue, ...] = (),
    projects: tuple[str, ...] = ("MO",),
    results: tuple[CheckResult, ...] = (),
    language: str = "da",
    cfg: Any = None,
    **snapshot_fields: Any,
) -> list[Action]:
    """Plan for *prod* at *now*, with *requests* found and *tasks* already open in Jira."""
    snap = snapshot(
        now=now,
        projects=set(projects),
        results={REQUESTS: {prod.jira.project: list(requests)}},
        **snapshot_fields,
    )
    snap = dataclasses.replace(snap, bot_tasks=list(tasks))
    return plan_actions(list(results), cfg or config(prod), snap, language)


def opened(action: Action, key: str = "MO-100") -> Issue:
    """The open task that *action* left in Jira."""
    return Issue(
        key=key,
        project=action.project,
        summary=action.summary,
        url=f"https://jira.test/browse/{key}",
        labels=action.labels,
        status_category="new",
    )


def kinds(actions: list[Action]) -> list[ActionKind]:
    """The kinds of *actions*, in order."""
    return [a.kind for a in actions]


# ---------------------------------------------------------------- prioritisation rounds

ROUNDS = mo(prioritisation={"lead_days": 14})


def test_no_round_task_before_the_lead_window():
    """Two and a half months before the February round, no round task is opened."""
    assert plan(ROUNDS, requests=[request("MO-1")]) == []
    assert plan(ROUNDS, now=at(2027, 1, 31), requests=[request("MO-1")]) == []


def test_round_task_opens_lead_days_before_the_round():
    """Fourteen days before the 15 February round the coordination group gets its task."""
    actions = plan(ROUNDS, now=at(2027, 2, 1), requests=[request("MO-1")])

    assert kinds(actions) == [ActionKind.CREATE]
    action = actions[0]
    assert action.summary == "Prioritering af udviklingsønsker – februar 2027"
    assert action.project == "MO"
    assert action.assignee == "acc-mette"
    assert action.due == date(2027, 2, 15)  # a Monday
    assert "2027-02-15" in action.description


def test_round_task_lists_requests_as_links_by_votes_then_age():
    """Requests are listed as links, most votes first and the oldest first among equals."""
    requests = [
        request("MO-1", votes=1, created=at(2026, 1, 5)),
        request("MO-2", votes=5, created=at(2026, 9, 1)),
        request("MO-3", votes=5, created=at(2026, 3, 1)),
        request("MO-10", votes=0, created=at(2025, 1, 1)),
    ]

    description = plan(ROUNDS, now=at(2027, 2, 5), requests=requests)[0].description

    links = [f"# [{key}|https://jira.test/browse/{key}]" for key in ("MO-3", "MO-2", "MO-1")]
    links.append("# [MO-10|https://jira.test/browse/MO-10]")
    positions = [description.index(link) for link in links]
    assert positions == sorted(positions)
    assert "5 stemmer, oprettet 2026-03-01" in description
    assert "Ønsker til prioritering (4)" in description


def test_round_task_marks_each_request_ready_or_names_what_is_missing():
    """Each request says "klar til bestilling" or "mangler:" with the missing points named."""
    requests = [
        request("MO-1", votes=3),
        request("MO-2", votes=2, description=NO_STORY),
        request("MO-3", votes=1, summary="Eksport", description=None),
    ]

    description = plan(ROUNDS, now=at(2027, 2, 5), requests=requests)[0].description
    lines = {line.split("|")[0]: line for line in description.splitlines() if "|" in line}

    assert lines["# [MO-1"].endswith("— klar til bestilling")
    assert lines["# [MO-2"].endswith(
        "— mangler: 3 brugerhistorie, 4 acceptkriterier, 5 krav til dokumentation"
    )
    assert lines["# [MO-3"].endswith(
        "— mangler: 1 opgavetitel, 2 beskrivelse, 3 brugerhistorie, 4 acceptkriterier, "
        "5 krav til dokumentation"
    )


def test_round_task_without_requests_says_so():
    """A round with no waiting requests still gets its task, saying there are none."""
    actions = plan(ROUNDS, now=at(2027, 2, 5))

    assert kinds(actions) == [ActionKind.CREATE]
    assert "Ingen udviklingsønsker venter på prioritering." in actions[0].description


def test_round_task_is_due_on_the_working_day_before_a_holiday_round():
    """A round on Langfredag 2027 is due on the Wednesday before Easter."""
    easter = mo(prioritisation={"months": [3], "day": 26})

    actions = plan(easter, now=at(2027, 3, 15))

    assert actions[0].summary == "Prioritering af udviklingsønsker – marts 2027"
    assert actions[0].due == date(2027, 3, 24)


def test_a_new_request_updates_the_round_task_instead_of_opening_another():
    """A request arriving after the task was opened updates the same task with the new list."""
    first = plan(ROUNDS, now=at(2027, 2, 2), requests=[request("MO-1")])[0]

    actions = plan(
        ROUNDS,
        now=at(2027, 2, 3),
        requests=[request("MO-1"), request("MO-7", votes=2)],
        tasks=[opened(first)],
    )

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.UPDATE, "MO-100")]
    assert actions[0].fingerprint == first.fingerprint
    assert actions[0].version != first.version
    assert f"os2bot-v-{actions[0].version}" in actions[0].labels
    assert f"os2bot-v-{first.version}" not in actions[0].labels
    assert "[MO-7|https://jira.test/browse/MO-7]" in actions[0].description


def test_the_same_requests_the_next_day_change_nothing():
    """With the same requests a later run leaves the round task alone."""
    requests = [request("MO-1"), request("MO-2", votes=4)]
    first = plan(ROUNDS, now=at(2027, 2, 2), requests=requests)[0]

    assert plan(ROUNDS, now=at(2027, 2, 9), requests=requests, tasks=[opened(first)]) == []


def test_many_requests_open_the_round_task_early():
    """Reaching the threshold count opens the next round's task months before its window."""
    piled = mo(prioritisation={"threshold": {"count": 3}})
    requests = [request(f"MO-{n}") for n in (1, 2, 3)]

    assert plan(piled, requests=requests[:2]) == []
    actions = plan(piled, requests=requests)
    assert kinds(actions) == [ActionKind.CREATE]
    assert actions[0].summary == "Prioritering af udviklingsønsker – februar 2027"
    assert actions[0].due == date(2027, 2, 15)


def test_an_old_request_opens_the_round_task_early():
    """A request waiting longer than oldest_days opens the next round's task early."""
    waiting = mo(prioritisation={"threshold": {"oldest_days": 60}})

    assert plan(waiting, requests=[request("MO-1", created=NOW - timedelta(days=30))]) == []
    actions = plan(waiting, requests=[request("MO-1", created=NOW - timedelta(days=61))])
    assert kinds(actions) == [ActionKind.CREATE]
    assert actions[0].summary == "Prioritering af udviklingsønsker – februar 2027"


def test_a_request_exactly_oldest_days_old_opens_the_round_task():
    """A request that is exactly oldest_days old opens the round task early."""
    waiting = mo(prioritisation={"threshold": {"oldest_days": 60}})

    actions = plan(waiting, requests=[request("MO-1", created=NOW - timedelta(days=60))])

    assert kinds(actions) == [ActionKind.CREATE]


def test_request_creation_date_is_given_in_the_bots_timezone():
    """A request created 00:30 on 1 February Copenhagen time is listed as created that day."""
    late = request("MO-1", created=datetime(2027, 1, 31, 23, 30, tzinfo=UTC))

    description = plan(ROUNDS, now=at(2027, 2, 5), requests=[late])[0].description

    assert "oprettet 2027-02-01" in description


def test_a_cron_calendar_decides_the_round():
    """With a cron calendar (first day of each quarter's last month) the December round opens."""
    quarterly = mo(prioritisation={"cron": "0 9 1 3,6,9,12 *", "lead_days": 14})

    actions = plan(quarterly, requests=[request("MO-1")])

    assert kinds(actions) == [ActionKind.CREATE]
    assert actions[0].summary == "Prioritering af udviklingsønsker – december 2026"
    assert actions[0].due == date(2026, 12, 1)


def test_the_next_round_gets_its_own_task():
    """After the February round, the May round gets a new task; February's is not touched."""
    february = plan(ROUNDS, now=at(2027, 2, 5), requests=[request("MO-1")])[0]

    actions = plan(ROUNDS, now=at(2027, 5, 3), requests=[request("MO-1")], tasks=[opened(february)])

    assert kinds(actions) == [ActionKind.CREATE]
    assert actions[0].fingerprint != february.fingerprint
    assert actions[0].summary == "Prioritering af udviklingsønsker – maj 2027"
    assert actions[0].due == date(2027, 5, 14)  # 15 May 2027 is a Saturday


def test_round_task_in_english():
    """With language en the round task's title names the period in English."""
    actions = plan(ROUNDS, now=at(2027, 2, 5), requests=[request("MO-1")], language="en")

    assert actions[0].summary == "Prioritising development requests – February 2027"
    assert "ready to order" in actions[0].description


def test_no_round_task_without_prioritisation():
    """A product without prioritisation settings gets no round task."""
    assert plan(mo(), now=at(2027, 2, 5), requests=[request("MO-1")]) == []


# ------------------------------------------------------------------------------ triage

TRIAGED = mo(prioritisation={}, triage=True)
HEADING = "*os2bot* – kvalificering"


def test_triage_comments_once_on_a_request_missing_points():
    """A request without user story, acceptance criteria and documentation gets one comment."""
    human = Comment("9", "Godt forslag!")

    actions = plan(TRIAGED, requests=[request("MO-5", description=NO_STORY, comments=(human,))])

    assert kinds(actions) == [ActionKind.COMMENT]
    action = actions[0]
    assert action.issue_key == "MO-5"
    assert action.project == "MO"
    assert is_triage_comment(action.comment)
    assert HEADING in action.comment
    assert "* 3 brugerhistorie\n* 4 acceptkriterier\n* 5 krav til dokumentation" in action.comment
    assert "1 opgavetitel" not in action.comment
    assert "2 beskrivelse" not in action.comment


def test_triage_leaves_its_own_comment_alone_when_it_still_holds():
    """When the bot's comment already names exactly what is missing, nothing is planned."""
    first = plan(TRIAGED, requests=[request("MO-5", description=NO_STORY)])[0]
    mine = Comment("10001", first.comment)

    assert plan(TRIAGED, requests=[request("MO-5", description=NO_STORY, comments=(mine,))]) == []


def test_triage_edits_its_comment_when_what_is_missing_changes():
    """When the user story is added, the bot edits its comment to name only what is left."""
    first = plan(TRIAGED, requests=[request("MO-5", description=NO_STORY)])[0]
    mine = Comment("10001", first.comment)
    better = NO_STORY + "\nSom sagsbehandler ønsker jeg at kunne eksportere."

    actions = plan(TRIAGED, requests=[request("MO-5", description=better, comments=(mine,))])

    assert [(a.kind, a.issue_key, a.comment_id) for a in actions] == [
        (ActionKind.EDIT_COMMENT, "MO-5", "10001")
    ]
    assert is_triage_comment(actions[0].comment)
    assert "brugerhistorie" not in actions[0].comment
    assert "* 4 acceptkriterier\n* 5 krav til dokumentation" in actions[0].comment


def test_triage_finds_its_comment_by_its_machine_mark_whatever_the_text_says():
    """A reworded comment text (a translator's edit) is still the bot's: edited, not doubled."""
    first = plan(TRIAGED, requests=[request("MO-5", description=NO_STORY)])[0]
    reworded = Comment("10001", first.comment.replace(HEADING, "*os2bot* – tjekliste"))

    actions = plan(TRIAGED, requests=[request("MO-5", description=NO_STORY, comments=(reworded,))])

    assert [(a.kind, a.comment_id) for a in actions] == [(ActionKind.EDIT_COMMENT, "10001")]


def test_triage_recognises_comments_written_before_the_machine_mark():
    """A comment from before the mark (starting with the heading) is edited, not doubled."""
    first = plan(TRIAGED, requests=[request("MO-5", description=NO_STORY)])[0]
    old = Comment("10001", first.comment.removeprefix(TRIAGE_MARK))

    actions = plan(TRIAGED, requests=[request("MO-5", comments=(old,))])

    assert [(a.kind, a.comment_id) for a in actions] == [(ActionKind.EDIT_COMMENT, "10001")]


def test_triage_says_so_when_everything_is_filled_in():
    """When points 1-5 are all filled in, the bot edits its comment to say the request is ready."""
    first = plan(TRIAGED, requests=[request("MO-5", description=NO_STORY)])[0]
    mine = Comment("10001", first.comment)

    actions = plan(TRIAGED, requests=[request("MO-5", comments=(mine,))])

    assert [(a.kind, a.comment_id) for a in actions] == [(ActionKind.EDIT_COMMENT, "10001")]
    assert "er nu udfyldt" in actions[0].comment
    assert "Der mangler" not in actions[0].comment


def test_triage_leaves_a_complete_request_without_a_comment_alone():
    """A request that is complete from the start gets no comment at all."""
    assert plan(TRIAGED, requests=[request("MO-5")]) == []


def test_no_triage_comments_when_triage_is_off():
    """With triage off, requests that miss points get no comment."""
    untriaged = mo(prioritisation={}, triage=False)

    assert plan(untriaged, requests=[request("MO-5", description=NO_STORY)]) == []


# ---------------------------------------------------------------------------- releases

RELEASING = mo(releases={"enabled": True, "lead_days": 21})
CHECKLIST = (
    "Review af koden er gennemført",
    "Testet mod acceptkriterierne",
    "Tag er oprettet",
    "Release notes er skrevet",
    "Bruger- og implementeringsdokumentation er opdateret",
    "Medlemsmyndighederne er informeret",
)
WINDOW = "Deploymentvindue er aftalt med leverandøren"


def release(
    prod: Product,
    version: Version,
    *,
    now: datetime = NOW,
    issues: tuple[Issue, ...] = (),
    tasks: tuple[Issue, ...] = (),
) -> list[Action]:
    """Plan with *version* as the project's only version and *issues* unresolved in it."""
    return plan(
        prod,
        now=now,
        tasks=tasks,
        versions={"MO": [version]},
        release_issues={("MO", version.name): list(issues)},
    )


def upcoming(days: int, name: str = "3.3.0") -> Version:
    """An unreleased version due *days* from today."""
    return Version(name, released=False, release_date=TODAY + timedelta(days=days))


def checklist_items(description: str) -> list[str]:
    """The checklist items of a release task."""
    return [line.removeprefix("* (?) ") for line in description.splitlines() if "(?)" in line]


def test_release_task_ten_days_before_the_release():
    """Ten days before its date a version gets its release task with checklist and issues."""
    issues = (issue("MO-7", summary="Ret eksporten"), issue("MO-8", summary="Nyt filter"))

    actions = release(RELEASING, upcoming(10), issues=issues)

    assert kinds(actions) == [ActionKind.CREATE]
    action = actions[0]
    assert action.summary == "Release 3.3.0 – release- og deploymentstyring"
    assert action.project == "MO"
    assert action.assignee == "acc-mette"
    assert action.due == date(2026, 12, 7)
    assert checklist_items(action.description) == list(CHECKLIST)
    assert "* [MO-7|https://jira.test/browse/MO-7] Ret eksporten" in action.description
    assert "* [MO-8|https://jira.test/browse/MO-8] Nyt filter" in action.description
    assert OVERDUE_MARK not in action.labels


def test_release_task_on_a_holiday_is_due_the_working_day_before():
    """A release on 2. juledag 2026 is due on 23 December."""
    christmas = Version("3.3.0", released=False, release_date=date(2026, 12, 26))

    actions = release(RELEASING, christmas, now=at(2026, 12, 16))

    assert actions[0].due == date(2026, 12, 23)
    assert "Ingen uløste sager." in actions[0].description


def test_joint_operations_add_the_deployment_window_to_the_checklist():
    """With fælles drift the checklist also asks for an agreed deployment window."""
    joint = mo(
        releases={"enabled": True},
        agreement={"signed": "2025-01-01", "extensions": ["faelles_drift"]},
    )

    description = release(joint, upcoming(10))[0].description

    assert checklist_items(description) == [*CHECKLIST, WINDOW]
    assert WINDOW not in release(RELEASING, upcoming(10))[0].description


def test_no_release_task_before_the_lead_window():
    """Thirty days before the release (lead 21 days) no task is opened; 21 days before it is."""
    assert release(RELEASING, upcoming(30)) == []
    assert kinds(release(RELEASING, upcoming(21))) == [ActionKind.CREATE]


def test_a_moved_release_date_updates_the_task():
    """When the release date moves within the window, the task's due date follows."""
    first = release(RELEASING, upcoming(10))[0]

    actions = release(RELEASING, upcoming(14), tasks=(opened(first),))

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.UPDATE, "MO-100")]
    assert actions[0].due == date(2026, 12, 11)


def test_a_released_version_resolves_its_task():
    """When the version is released, its open task is resolved with a comment naming it."""
    first = release(RELEASING, upcoming(10))[0]
    out = Version("3.3.0", released=True, release_date=date(2026, 12, 7))

    actions = release(RELEASING, out, now=at(2026, 12, 8), tasks=(opened(first),))

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.RESOLVE, "MO-100")]
    assert "Version 3.3.0 er frigivet (2026-12-07)" in actions[0].comment


def test_a_released_version_without_a_task_plans_nothing():
    """A released version whose task is already closed plans nothing."""
    out = Version("3.2.0", released=True, release_date=date(2026, 11, 1))

    assert release(RELEASING, out) == []


def test_an_overdue_version_without_a_task_gets_a_task_marked_late():
    """A version past its date without a task gets one, labelled and described as late."""
    late = Version("3.3.0", released=False, release_date=date(2026, 11, 20))

    actions = release(RELEASING, late)

    assert kinds(actions) == [ActionKind.CREATE]
    assert OVERDUE_MARK in actions[0].labels
    assert "skulle være frigivet 2026-11-20 og er forsinket" in actions[0].description
    assert actions[0].due == date(2026, 11, 20)


def test_an_overdue_version_comments_once_on_its_existing_task():
    """When a version's date passes, its task gets one comment and the late mark, once."""
    first = release(RELEASING, upcoming(5))[0]
    late_now = NOW + timedelta(days=7)

    actions = release(RELEASING, upcoming(5), now=late_now, tasks=(opened(first),))

    comments = [a for a in actions if a.kind is ActionKind.COMMENT]
    assert len(comments) == 1
    assert comments[0].issue_key == "MO-100"
    assert "3.3.0 skulle være frigivet 2026-12-02 og er forsinket" in comments[0].comment
    after = next(a for a in actions if a.kind is ActionKind.UPDATE).labels
    assert OVERDUE_MARK in after
    assert f"os2bot-{first.fingerprint}" in after

    again = release(
        RELEASING,
        upcoming(5),
        now=late_now + timedelta(days=1),
        tasks=(dataclasses.replace(opened(first), labels=after),),
    )
    assert again == []


def test_an_overdue_task_that_already_has_the_mark_gets_no_comment():
    """A task created late (carrying the mark) is not told again that it is late."""
    late = Version("3.3.0", released=False, release_date=date(2026, 11, 20))
    first = release(RELEASING, late)[0]

    assert release(RELEASING, late, now=NOW + timedelta(days=3), tasks=(opened(first),)) == []


def test_the_late_mark_in_another_case_counts_as_the_mark():
    """A task carrying the late mark in capitals is not told again: Jira sees one label."""
    late = Version("3.3.0", released=False, release_date=date(2026, 11, 20))
    first = opened(release(RELEASING, late)[0])
    shouted = dataclasses.replace(first, labels=tuple(label.upper() for label in first.labels))

    assert release(RELEASING, late, now=NOW + timedelta(days=3), tasks=(shouted,)) == []


def test_archived_and_dateless_versions_are_ignored():
    """Archived versions and versions without a release date get no release task."""
    archived = Version("3.3.0", released=False, archived=True, release_date=TODAY)
    dateless = Version("3.4.0", released=False)

    assert release(RELEASING, archived) == []
    assert release(RELEASING, dateless) == []


def test_no_release_tasks_when_releases_are_disabled():
    """With releases disabled even an overdue version gets no task."""
    late = Version("3.3.0", released=False, release_date=date(2026, 11, 20))

    assert release(mo(), upcoming(10)) == []
    assert release(mo(), late) == []


JOINT = mo(
    releases={"enabled": True},
    agreement={"signed": "2025-01-01", "extensions": ["faelles_drift"]},
)
LATE = Version("3.3.0", released=False, release_date=date(2026, 11, 20))


def release_management_failing(key: str = "reason.versions.overdue") -> CheckResult:
    """Release and deployment management failing for OS2mo, by default for the late 3.3.0."""
    params = {"versions": "3.3.0"} if key == "reason.versions.overdue" else {"item": "release"}
    return CheckResult("os2mo", "drift-release", State.NOT_MET, Msg(key, params))


def test_a_late_version_opens_its_release_task_and_no_release_management_reminder():
    """A version past its date gives the coordination group one task to act on, the release
    task, not also a reminder that release and deployment management is not met."""
    actions = plan(
        JOINT,
        versions={"MO": [LATE]},
        release_issues={("MO", "3.3.0"): []},
        results=(release_management_failing(),),
    )

    assert [a.summary for a in actions] == ["Release 3.3.0 – release- og deploymentstyring"]


def test_the_late_versions_release_task_says_release_management_is_not_met():
    """The release task of a late version says that the check fails while the version is late,
    so nothing is lost by having no reminder."""
    actions = plan(
        JOINT,
        versions={"MO": [LATE]},
        release_issues={("MO", "3.3.0"): []},
        results=(release_management_failing(),),
    )

    assert (
        "Så længe versionen er forsinket, er »Release- og deploymentstyring« ikke opfyldt"
        in actions[0].description
    )


def test_an_open_release_management_reminder_is_resolved_pointing_to_the_release_task():
    """A reminder opened before the release task covered the late version is resolved with a
    link to the release task."""
    reminder = Issue(
        key="MO-50",
        project="MO",
        summary="OS2mo: Release- og deploymentstyring er ikke opfyldt",
        url="https://jira.test/browse/MO-50",
        labels=("os2bot", "os2bot-" + reminder_fingerprint("os2mo", "drift-release")),
    )
    release_task = opened(release(JOINT, LATE)[0], key="MO-51")

    actions = plan(
        JOINT,
        versions={"MO": [LATE]},
        release_issues={("MO", "3.3.0"): []},
        results=(release_management_failing(),),
        tasks=[reminder, release_task],
    )

    resolved = [a for a in actions if a.kind is ActionKind.RESOLVE]
    assert [a.issue_key for a in resolved] == ["MO-50"]
    assert "[MO-51|https://jira.test/browse/MO-51]" in resolved[0].comment


def test_release_management_failing_for_another_reason_still_gets_its_reminder():
    """When release management fails because the agreement does not fund it, that is another
    problem than the late version, and it keeps its own reminder."""
    actions = plan(
        JOINT,
        versions={"MO": [LATE]},
        release_issues={("MO", "3.3.0"): []},
        results=(release_management_failing("reason.declared.not_funded"),),
    )

    assert sorted(a.summary for a in actions) == [
        "OS2mo: Release- og deploymentstyring er ikke opfyldt",
        "Release 3.3.0 – release- og deploymentstyring",
    ]


# ------------------------------------------------------------------------- secretariat

MEMBERS = [
    {"name": "Aarhus Kommune", "joined": "2026-10-01"},
    {"name": "Odense Kommune", "paid_development": True},
]
WITH_SEK = ("MO", "SEK")


def expiring(days: int) -> Product:
    """OS2mo whose agreement expires *days* from today, with no members."""
    expires = (TODAY + timedelta(days=days)).isoformat()
    return mo(agreement={"signed": "2025-01-01", "expires": expires})


def test_fee_task_for_a_member_that_paid_neither():
    """An authority that paid neither development nor fee gets one invoice task in SEK."""
    actions = plan(mo(members=MEMBERS), projects=WITH_SEK)

    assert kinds(actions) == [ActionKind.CREATE]
    action = actions[0]
    assert action.summary == "Fakturér tilslutningsafgift: Aarhus Kommune – OS2mo"
    assert action.project == "SEK"
    assert action.assignee == SEK_LEAD
    assert "(fra 2026-10-01)" in action.description
    assert action.due == date(2026, 12, 11)  # ten working days


def test_one_fee_task_per_authority():
    """Two unpaid authorities get a task each, with different fingerprints."""
    members = [{"name": "Aarhus Kommune"}, {"name": "Vejle Kommune"}]

    actions = plan(mo(members=members), projects=WITH_SEK)

    assert [a.summary.split(": ")[1] for a in actions] == [
        "Aarhus Kommune – OS2mo",
        "Vejle Kommune – OS2mo",
    ]
    assert actions[0].fingerprint != actions[1].fingerprint


def test_no_fee_task_for_a_member_that_paid_development():
    """An authority that paid for the development gets no invoice task."""
    assert plan(mo(members=[MEMBERS[1]]), projects=WITH_SEK) == []


def test_paid_fee_resolves_the_invoice_task():
    """When the fee is marked paid, the open invoice task is resolved, naming the authority."""
    first = plan(mo(members=[MEMBERS[0]]), projects=WITH_SEK)[0]
    paid = mo(members=[{**MEMBERS[0], "fee_paid": True}])

    actions = plan(paid, projects=WITH_SEK, tasks=[opened(first, key="SEK-4")])

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.RESOLVE, "SEK-4")]
    assert "Aarhus Kommune har betalt tilslutningsafgiften" in actions[0].comment


def test_the_fee_task_is_not_rewritten_on_later_days():
    """The invoice task stays as it is on the following days."""
    first = plan(mo(members=[MEMBERS[0]]), projects=WITH_SEK)[0]
    later = NOW + timedelta(days=5)

    assert plan(mo(members=[MEMBERS[0]]), now=later, projects=WITH_SEK, tasks=[opened(first)]) == []


def test_no_fee_task_in_the_tilsagn_phase():
    """A product in the tilsagn phase gets no invoice tasks."""
    assert plan(mo(phase="tilsagn", members=MEMBERS), projects=WITH_SEK) == []


def test_agreement_expiring_in_60_days_gets_the_90_day_task_only():
    """Sixty days before expiry the secretariat gets the 90-day notice task only."""
    actions = plan(expiring(60), projects=WITH_SEK)

    assert kinds(actions) == [ActionKind.CREATE]
    action = actions[0]
    assert action.summary == "Tilslutningsaftalen for OS2mo udløber 2027-01-26 (90 dages varsel)"
    assert action.project == "SEK"
    assert action.assignee == SEK_LEAD
    assert action.due == date(2026, 12, 23)  # 27 Dec minus Christmas


def test_under_30_days_left_opens_only_the_30_day_notice():
    """An agreement found with 20 days left gets the nearest notice only, the 30-day one: one
    expiry task per agreement per run."""
    actions = plan(expiring(20), projects=WITH_SEK)

    assert [a.summary for a in actions] == [
        "Tilslutningsaftalen for OS2mo udløber 2026-12-17 (30 dages varsel)",
    ]
    assert [a.due for a in actions] == [date(2026, 12, 7)]


def test_the_nearer_notice_replaces_the_farther_one():
    """When the 30-day notice opens, the open 90-day notice is resolved, naming its successor."""
    ninety = plan(expiring(60), projects=WITH_SEK)[0]
    later = NOW + timedelta(days=40)  # 20 days left

    actions = plan(expiring(60), now=later, projects=WITH_SEK, tasks=[opened(ninety, key="SEK-1")])

    assert [(a.kind, a.issue_key) for a in actions] == [
        (ActionKind.CREATE, None),
        (ActionKind.RESOLVE, "SEK-1"),
    ]
    assert "(30 dages varsel)" in actions[0].summary
    assert "Afløst af opgaven »Tilslutningsaftalen for OS2mo udløber" in actions[1].comment


def test_an_expiry_task_is_not_rewritten_every_day():
    """An open expiry notice task is left alone on the next working day."""
    first = plan(expiring(20), projects=WITH_SEK)
    tasks = [opened(action, key=f"SEK-{n}") for n, action in enumerate(first, 1)]
    monday = NOW + timedelta(days=3)

    assert plan(expiring(20), now=monday, projects=WITH_SEK, tasks=tasks) == []


@pytest.mark.parametrize("days", [91, 200])
def test_no_expiry_task_outside_the_notice(days):
    """An agreement expiring beyond 90 days gets no notice task."""
    assert plan(expiring(days), projects=WITH_SEK) == []


def funding_failures(product: str = "os2mo", expires: str = "2026-11-17") -> tuple:
    """The six minimum funding checks failing because the agreement expired on *expires*."""
    return tuple(
        CheckResult(
            product,
            check_id,
            State.NOT_MET,
            Msg("reason.declared.agreement_expired", {"item": check_id, "expires": expires}),
        )
        for check_id in (
            "finansiering-vedligehold",
            "finansiering-governancekrav",
            "finansiering-koordinationsgruppe",
            "finansiering-videndeling",
            "finansiering-leverandoerdialog",
            "finansiering-promovering",
        )
    )


@pytest.mark.parametrize("days", [-1, -10, -400])
def test_an_expired_agreement_gets_one_task_for_the_secretariat(days):
    """An agreement that has ended gets one task in SEK saying so, instead of silence."""
    actions = plan(expiring(days), projects=WITH_SEK)

    assert kinds(actions) == [ActionKind.CREATE]
    expires = (TODAY + timedelta(days=days)).isoformat()
    assert actions[0].summary == f"Tilslutningsaftalen for OS2mo er udløbet ({expires})"
    assert actions[0].project == "SEK"
    assert actions[0].assignee == SEK_LEAD
    assert actions[0].due == date(2026, 12, 4)  # five working days


def test_the_expired_agreement_task_replaces_the_funding_reminders():
    """Funding checks that fail only because the agreement expired open no reminder each: the
    one expired-agreement task lists them."""
    actions = plan(expiring(-10), projects=WITH_SEK, results=funding_failures())

    assert kinds(actions) == [ActionKind.CREATE]
    assert "er udløbet" in actions[0].summary
    assert "* Aftalen finansierer vedligehold af den fælles kodebase" in actions[0].description
    assert "* Aftalen finansierer promovering af produktet" in actions[0].description


def test_an_open_funding_reminder_is_resolved_pointing_to_the_expired_agreement_task():
    """A funding reminder opened before the agreement expired is resolved with a link to the
    task that now covers it, so the secretariat has one task to act on."""
    reminder = Issue(
        key="SEK-3",
        project="SEK",
        summary="OS2mo: Aftalen finansierer vedligehold af den fælles kodebase er ikke opfyldt",
        url="https://jira.test/browse/SEK-3",
        labels=("os2bot", "os2bot-" + reminder_fingerprint("os2mo", "finansiering-vedligehold")),
    )

    actions = plan(
        expiring(-10), projects=WITH_SEK, results=funding_failures()[:1], tasks=[reminder]
    )

    assert [(a.kind, a.issue_key) for a in actions] == [
        (ActionKind.CREATE, None),
        (ActionKind.RESOLVE, "SEK-3"),
    ]
    assert "Tilslutningsaftalen for OS2mo er udløbet" in actions[1].comment


def test_a_renewed_agreement_resolves_the_expired_agreement_task():
    """When the product file gives the agreement a new expiry date in the future, the
    expired-agreement task is resolved with the new date."""
    expired = opened(plan(expiring(-10), projects=WITH_SEK)[0], key="SEK-7")

    actions = plan(expiring(4 * 365), projects=WITH_SEK, tasks=[expired])

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.RESOLVE, "SEK-7")]
    assert "er fornyet og gælder nu til og med 2030-11-26" in actions[0].comment


def test_the_expired_agreement_task_is_not_rewritten_every_day():
    """The expired-agreement task stays as it is on the following days."""
    first = plan(expiring(-10), projects=WITH_SEK)[0]

    later = plan(
        expiring(-10), now=NOW + timedelta(days=5), projects=WITH_SEK, tasks=[opened(first)]
    )

    assert later == []


def test_without_a_secretariat_project_its_tasks_go_to_the_product_project():
    """With no secretariat project configured, invoices go to the product's own project."""
    shipped = config(mo(members=[MEMBERS[0]]))
    lead = shipped.bot.secretariat.lead
    cfg = dataclasses.replace(
        shipped,
        bot=shipped.bot.model_copy(update={"secretariat": Secretariat(lead=lead)}),
    )

    actions = plan(mo(members=[MEMBERS[0]]), cfg=cfg, projects=("MO",))

    assert [(a.kind, a.project, a.assignee) for a in actions] == [
        (ActionKind.CREATE, "MO", SEK_LEAD)
    ]


def test_no_secretariat_tasks_when_its_project_cannot_be_read():
    """When SEK cannot be read, no invoice or expiry task is planned anywhere."""
    prod = mo(members=MEMBERS, agreement={"signed": "2025-01-01", "expires": "2026-12-17"})

    assert plan(prod, projects=("MO",)) == []


def unreadable_results(count: int = 3) -> tuple[CheckResult, ...]:
    """OS2mo's Jira checks, unknown because its project cannot be read."""
    reason = Msg("reason.project_unreadable", {"project": "MO"})
    checks = ("styregruppe", "koordinationsgruppe", "os2-vaerktoejer")[:count]
    return tuple(CheckResult("os2mo", c, State.UNKNOWN, reason) for c in checks)


def test_a_project_that_cannot_be_read_gets_one_task_for_the_secretariat():
    """A product whose Jira project is missing, or closed to the bot, gives the secretariat one
    task saying so, with how many checks it leaves unknown, instead of silence."""
    actions = plan(mo(), projects=("SEK",), results=unreadable_results())

    assert kinds(actions) == [ActionKind.CREATE]
    action = actions[0]
    assert action.summary == "OS2mo: Jira-projektet MO kan ikke læses"
    assert action.project == "SEK"
    assert action.assignee == SEK_LEAD
    assert "findes ikke, eller os2bots Jira-bruger har ikke adgang til det" in action.description
    assert "3 tjek er derfor ukendte" in action.description


def test_a_project_readable_again_resolves_its_task():
    """When the project can be read again, the secretariat's task is resolved, saying so."""
    first = plan(mo(), projects=("SEK",), results=unreadable_results())[0]

    actions = plan(mo(), projects=WITH_SEK, tasks=[opened(first, key="SEK-9")])

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.RESOLVE, "SEK-9")]
    assert "Jira-projektet MO kan nu læses" in actions[0].comment


def test_the_unreadable_project_task_is_not_rewritten_every_day():
    """The task stays as it is while the project stays unreadable."""
    first = plan(mo(), projects=("SEK",), results=unreadable_results())[0]
    later = NOW + timedelta(days=3)

    assert plan(mo(), now=later, projects=("SEK",), tasks=[opened(first)]) == []


def test_no_unreadable_project_task_without_a_secretariat_project_to_put_it_in():
    """With no secretariat project configured the task would go to the unreadable project
    itself, so none is planned."""
    shipped = config(mo())
    lead = shipped.bot.secretariat.lead
    cfg = dataclasses.replace(
        shipped, bot=shipped.bot.model_copy(update={"secretariat": Secretariat(lead=lead)})
    )

    assert plan(mo(), cfg=cfg, projects=(), results=unreadable_results()) == []


# ---------------------------------------------------------------------------- reminders


def failing(check_id: str) -> CheckResult:
    """A failing result for OS2mo."""
    return CheckResult("os2mo", check_id, State.NOT_MET, Msg("reason.jql.none", {"jql": "x"}))


def test_secretariat_reminders_go_to_sek_and_its_lead():
    """A failing check the secretariat owns becomes a task in SEK for the secretariat lead."""
    actions = plan(mo(), projects=WITH_SEK, results=(failing("styregruppe"),))

    assert [(a.kind, a.project, a.assignee) for a in actions] == [
        (ActionKind.CREATE, "SEK", SEK_LEAD)
    ]
    assert actions[0].summary.startswith("OS2mo: ")
    assert "Ansvarlig: sekretariatet." in actions[0].description


def test_coordination_group_reminders_go_to_its_lead():
    """A failing check the coordination group owns goes to its lead in the product project."""
    actions = plan(mo(), projects=WITH_SEK, results=(failing("os2-vaerktoejer"),))

    assert [(a.kind, a.project, a.assignee) for a in actions] == [
        (ActionKind.CREATE, "MO", "acc-mette")
    ]
    assert "Ansvarlig: koordinationsgruppen." in actions[0].description


def test_a_check_that_does_not_remind_opens_no_task():
    """The fee check does not remind (the invoice tasks do that instead)."""
    assert plan(mo(), projects=WITH_SEK, results=(failing("tilslutningsafgift"),)) == []


def test_nothing_is_planned_in_projects_that_cannot_be_read():
    """With no readable project, no source plans anything, however much is due."""
    busy = mo(
        prioritisation={"threshold": {"count": 1}},
        triage=True,
        releases={"enabled": True},
        members=MEMBERS,
        agreement={"signed": "2025-01-01", "expires": "2026-12-17"},
    )
    results = (failing("styregruppe"), failing("os2-vaerktoejer"))
    everything = {
        "requests": [request("MO-5", description=NO_STORY)],
        "results": results,
        "versions": {"MO": [upcoming(-3)]},
    }

    assert plan(busy, projects=(), **everything) == []
    readable = plan(busy, projects=WITH_SEK, **everything)
    assert {a.project for a in readable} == {"MO", "SEK"}
    assert len(readable) == 7  # 2 reminders, round, release, fee, 1 notice, triage
