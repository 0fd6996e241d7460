# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The sandbox's JQL: parsing, Jira's error messages, evaluation over issue JSON and sorting."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from os2bot.sandbox.jql import JqlError, JqlQuery, parse

CPH = ZoneInfo("Europe/Copenhagen")
# Tuesday 13 October 2026, 12:00 in Copenhagen (CEST, UTC+2) = 10:00 UTC.
NOW = datetime(2026, 10, 13, 12, 0, tzinfo=CPH)

CATEGORIES = {
    "new": {"id": 2, "key": "new", "name": "To Do"},
    "indeterminate": {"id": 4, "key": "indeterminate", "name": "In Progress"},
    "done": {"id": 3, "key": "done", "name": "Done"},
}
STATUSES = {
    "To Do": ("1", "new"),
    "In Progress": ("3", "indeterminate"),
    "Done": ("10001", "done"),
}
MISSING = {"id": "99", "key": "MO-99", "fields": {}}
NULLS = {
    "id": "98",
    "key": "MO-98",
    "fields": dict.fromkeys(
        (
            "project",
            "issuetype",
            "status",
            "labels",
            "summary",
            "created",
            "updated",
            "resolutiondate",
            "duedate",
            "fixVersions",
            "assignee",
            "votes",
            "resolution",
        )
    ),
}


def issue(
    key: str = "MO-1",
    *,
    issue_id: str = "10001",
    project: tuple[str, str, str] = ("10000", "MO", "OS2mo"),
    issuetype: str = "Task",
    status: str = "To Do",
    labels: list[str] | None = None,
    summary: str | None = "Koordinationsgruppemøde: plan for 2027 (udkast)",
    created: str | None = "2026-10-01T10:00:00.000+0000",
    updated: str | None = None,
    resolved: str | None = None,
    duedate: str | None = None,
    fix_versions: list[tuple[str, str]] | None = None,
    assignee: dict[str, str] | None = None,
    votes: int | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """Build a Jira REST v2 issue dict with the fields the sandbox's JQL reads."""
    status_id, category = STATUSES[status]
    fields: dict[str, Any] = {
        "project": {"id": project[0], "key": project[1], "name": project[2]},
        "issuetype": {"id": "10002" if issuetype == "Task" else "10003", "name": issuetype},
        "status": {"id": status_id, "name": status, "statusCategory": CATEGORIES[category]},
        "labels": labels if labels is not None else [],
        "summary": summary,
        "created": created,
        "updated": updated or created,
        "resolutiondate": resolved,
        "duedate": duedate,
        "fixVersions": [{"id": i, "name": n} for i, n in (fix_versions or [])],
        "assignee": assignee,
        "votes": {"votes": votes, "hasVoted": False} if votes is not None else None,
        **extra,
    }
    return {"id": issue_id, "key": key, "fields": fields}


def hits(jql: str, item: dict[str, Any], now: datetime = NOW) -> bool:
    """Whether *item* matches *jql* at *now* in Copenhagen."""
    return parse(jql).matches(item, now, CPH)


def search(jql: str, items: list[dict[str, Any]], now: datetime = NOW) -> list[str]:
    """The keys of the matching issues, in the query's order, as the sandbox's search does."""
    query = parse(jql)
    return [i["key"] for i in query.sort([i for i in items if query.matches(i, now, CPH)])]


def error(jql: str) -> list[str]:
    """The messages of the JqlError that parsing *jql* raises."""
    with pytest.raises(JqlError) as caught:
        parse(jql)
    return caught.value.messages


METTE = {
    "accountId": "5b10a2844c20165700ede21g",
    "displayName": "Mette Hansen",
    "name": "mette",
    "key": "JIRAUSER10100",
    "emailAddress": "mette@example.dk",
}


# -- project, issuetype, status ------------------------------------------------------------


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ("project = MO", True),
        ("project = mo", True),
        ("project = 10000", True),
        ("project = OS2mo", True),
        ("project = os2MO", True),
        ("project = FORMS", False),
        ("project != MO", False),
        ("project != FORMS", True),
        ("project IN (FORMS, MO)", True),
        ("project IN (FORMS, VALGHAL)", False),
        ("project NOT IN (FORMS, VALGHAL)", True),
        ("project NOT IN (FORMS, mo)", False),
        ("project IS NOT EMPTY", True),
        ("project IS EMPTY", False),
    ],
)
def test_project_compares_case_insensitively_to_key_id_or_name(jql: str, *, expected: bool) -> None:
    """Project matches its key, id or name in any case, with every equality operator."""
    assert hits(jql, issue()) is expected


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ("issuetype = Task", True),
        ("issuetype = task", True),
        ("issuetype = 10002", True),
        ("type = Task", True),
        ("issuetype != Task", False),
        ("issuetype IN (Bug, Task)", True),
        ("issuetype NOT IN (Bug, Epic)", True),
        ("issuetype = Bug", False),
    ],
)
def test_issuetype_compares_by_name_or_id(jql: str, *, expected: bool) -> None:
    """Issue type matches its name case-insensitively or its id, also through the alias type."""
    assert hits(jql, issue()) is expected


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ('status = "In Progress"', True),
        ("status = 'in progress'", True),
        ("status = 3", True),
        ("status != Done", True),
        ("status IN (Done, 'In Progress')", True),
        ("status NOT IN (Done, 3)", False),
        ('statusCategory = "In Progress"', True),
        ("statusCategory = indeterminate", True),
        ("statusCategory = INDETERMINATE", True),
        ("statusCategory = 4", True),
        ("statusCategory != Done", True),
        ("statusCategory IN (new, done)", False),
        ("statusCategory NOT IN (new, done)", True),
    ],
)
def test_status_and_status_category(jql: str, *, expected: bool) -> None:
    """Status matches name or id; statusCategory matches the category's name, key or id."""
    assert hits(jql, issue(status="In Progress")) is expected


def test_resolution_unresolved_means_empty() -> None:
    """`resolution = Unresolved` matches an issue without a resolution, as in Jira."""
    open_issue = issue(resolution=None)
    fixed = issue(resolution={"id": "1", "name": "Fixed"})
    assert hits("resolution = Unresolved", open_issue)
    assert not hits("resolution = Unresolved", fixed)
    assert hits("resolution != Unresolved", fixed)
    assert hits("resolution = fixed", fixed)
    assert hits("resolution IS EMPTY", open_issue)


# -- labels and fix versions ------------------------------------------------------------------


def test_a_meeting_labelled_with_a_capital_is_found_by_the_lower_case_label() -> None:
    """`labels = koordinationsgruppemøde` finds an issue labelled `Koordinationsgruppemøde`."""
    meeting = issue(labels=["Koordinationsgruppemøde"], status="Done")
    assert hits("labels = koordinationsgruppemøde AND statusCategory = Done", meeting)


def test_labels_fold_as_java_lower_case_not_unicode_case_folding() -> None:
    """A label is lower-cased as Java does, so `STRASSE` does not find `straße` (nor ß `ss`)."""
    assert hits("labels = STRAßE", issue(labels=["straße"]))
    assert not hits("labels = STRASSE", issue(labels=["straße"]))


LABELLED = issue(labels=["styregruppemøde", "os2bot-3fa2b1c4d5e6", "Release"])
UNLABELLED = issue(labels=[])


@pytest.mark.parametrize(
    ("jql", "labelled", "unlabelled"),
    [
        ("labels = styregruppemøde", True, False),
        ("labels = os2bot-3fa2b1c4d5e6", True, False),
        ("labels = Release", True, False),
        ("labels = release", True, False),
        ("labels = RELEASE", True, False),
        ("labels = Styregruppemøde", True, False),
        ("labels = STYREGRUPPEMØDE", True, False),
        ("labels != release", False, False),
        ("labels != Release", False, False),
        ("labels != other", True, False),
        ("labels IN (foo, release)", True, False),
        ("labels NOT IN (foo, RELEASE)", False, False),
        ("labels IN (foo, Release)", True, False),
        ("labels IN (foo, bar)", False, False),
        ("labels NOT IN (foo, bar)", True, False),
        ("labels NOT IN (foo, styregruppemøde)", False, False),
        ("labels IS EMPTY", False, True),
        ("labels IS NOT EMPTY", True, False),
        ("labels = EMPTY", False, True),
        ("labels != EMPTY", True, False),
        ("labels IN (EMPTY, foo)", False, True),
        ("labels IN (EMPTY, Release)", True, True),
    ],
)
def test_labels_are_multi_valued_and_case_insensitive(
    jql: str, *, labelled: bool, unlabelled: bool
) -> None:
    """Labels match in any case if any label is among the values; != never matches no labels.

    Case: Jira indexes a lower-cased copy of each label and lower-cases the searched value
    (LabelsIndexer / LabelIndexInfoResolver(true) in Jira's source); see the comment at
    `_label_ids` in os2bot/sandbox/jql.py for the sources, and docs/sandbox.md. Empty: "The
    "!=" operator will not match a field that has no value"
    (https://support.atlassian.com/jira-software-cloud/docs/jql-operators/).
    """
    assert hits(jql, LABELLED) is labelled
    assert hits(jql, UNLABELLED) is unlabelled


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ("fixVersion = 2.4.0", True),
        ('fixVersion = "2.4.0"', True),
        ("fixVersion = 10100", True),
        ("FIXVERSION = 2.5.0", True),
        ("fixVersion = 3.0.0", False),
        ("fixVersion != 3.0.0", True),
        ("fixVersion != 2.4.0", False),
        ("fixVersion IN (1.0, 2.5.0)", True),
        ("fixVersion NOT IN (1.0, 2.5.0)", False),
        ("fixVersion IS NOT EMPTY", True),
    ],
)
def test_fix_version_matches_any_version_by_name_or_id(jql: str, *, expected: bool) -> None:
    """The fixVersion field reads fields.fixVersions and matches any version by name or id."""
    item = issue(fix_versions=[("10100", "2.4.0"), ("10101", "2.5.0")])
    assert hits(jql, item) is expected


def test_fix_version_empty_list_is_empty() -> None:
    """An issue with no fix versions is EMPTY and never matches != or NOT IN."""
    item = issue(fix_versions=[])
    assert hits("fixVersion IS EMPTY", item)
    assert not hits("fixVersion != 2.4.0", item)
    assert not hits("fixVersion NOT IN (2.4.0)", item)


# -- assignee and key -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "5b10a2844c20165700ede21g",
        "mette",
        "JIRAUSER10100",
        '"Mette Hansen"',
        "'mette hansen'",
        '"mette@example.dk"',
    ],
)
def test_assignee_matches_account_id_name_key_display_name_or_email(value: str) -> None:
    """An assignee is found by Cloud's accountId or Data Center's name and key, name or email."""
    assert hits(f"assignee = {value}", issue(assignee=METTE))
    assert not hits(f"assignee != {value}", issue(assignee=METTE))


def test_assignee_is_empty_when_null() -> None:
    """An unassigned issue is EMPTY and is neither = nor != anybody."""
    assert hits("assignee IS EMPTY", issue())
    assert hits("assignee IS NULL", issue())
    assert not hits("assignee IS NOT EMPTY", issue())
    assert not hits("assignee = mette", issue())
    assert not hits("assignee != mette", issue())
    assert hits("assignee IS NOT NULL", issue(assignee=METTE))


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ("key = MO-12", True),
        ("key = mo-12", True),
        ("issuekey = MO-12", True),
        ("issue = 10012", True),
        ("key != MO-12", False),
        ("key IN (MO-1, MO-12)", True),
        ("key NOT IN (MO-1, MO-2)", True),
        ("key NOT IN (MO-1, MO-12)", False),
        ("key = MO-1", False),
        ("key IS NOT EMPTY", True),
        ("key IS EMPTY", False),
    ],
)
def test_key_and_issuekey(jql: str, *, expected: bool) -> None:
    """The key and issuekey fields match the key case-insensitively, or the issue id."""
    assert hits(jql, issue("MO-12", issue_id="10012")) is expected


# -- text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ("summary ~ plan", True),
        ("summary ~ PLAN", True),
        ('summary ~ "udkast plan"', True),
        ('summary ~ "plan, udkast!"', True),
        ("summary ~ koordinationsgruppemøde", True),
        ('summary ~ "koordinations*"', True),
        ('summary ~ "koord*  udk*"', True),
        ("summary ~ koord", False),
        ('summary ~ "plan budget"', False),
        ("summary ~ 2027", True),
        ('summary ~ "\\"plan for\\""', True),
        ('summary ~ "\\"for plan\\""', False),
        ("summary !~ budget", True),
        ("summary !~ plan", False),
        ("summary IS NOT EMPTY", True),
        ("summary ~ EMPTY", False),
    ],
)
def test_summary_contains_every_word(jql: str, *, expected: bool) -> None:
    """`~` needs every word of the operand in the summary, ignoring case and punctuation."""
    assert hits(jql, issue()) is expected


def test_text_searches_summary_and_description() -> None:
    """`text ~` looks in the summary and the description together."""
    item = issue(summary="Styregruppemøde", description="Referat fra mødet")
    assert hits('text ~ "styregruppemøde referat"', item)
    assert hits("description ~ referat", item)
    assert not hits("description ~ styregruppemøde", item)


def test_text_search_reads_atlassian_document_format() -> None:
    """A v3 description (an ADF tree) is searched by its text nodes."""
    adf = {
        "type": "doc",
        "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Beslutning"}]}],
    }
    assert hits("description ~ beslutning", issue(description=adf))


# -- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jql", "created", "expected"),
    [
        # -90d from 2026-10-13T10:00Z is 2026-07-15T10:00Z exactly.
        ("created >= -90d", "2026-07-15T10:00:00.000+0000", True),
        ("created >= -90d", "2026-07-15T09:59:59.999+0000", False),
        ("created > -90d", "2026-07-15T10:00:00.000+0000", False),
        ("created <= -90d", "2026-07-15T10:00:00.000+0000", True),
        ("created < -90d", "2026-07-15T10:00:00.000+0000", False),
        ("created < -90d", "2026-07-15T09:59:59.999+0000", True),
        # -4w is 28 days: 2026-09-15T10:00Z.
        ('created >= "-4w"', "2026-09-15T10:00:00.000+0000", True),
        ('created >= "-4w"', "2026-09-15T09:59:59.000+0000", False),
        ("created >= -2h", "2026-10-13T08:00:00.000+0000", True),
        ("created >= -2h", "2026-10-13T07:59:00.000+0000", False),
        ("created >= -30m", "2026-10-13T09:30:00.000+0000", True),
        ("created >= -30m", "2026-10-13T09:29:00.000+0000", False),
        ('created >= "-1w 2d"', "2026-10-04T10:00:00.000+0000", True),
        ('created >= "-1w 2d"', "2026-10-04T09:00:00.000+0000", False),
        ("created >= -1w2d", "2026-10-04T10:00:00.000+0000", True),
        ("created >= -1W2D", "2026-10-04T09:00:00.000+0000", False),
        ('created < "+1d"', "2026-10-14T09:59:00.000+0000", True),
        ('created < "1d"', "2026-10-14T10:00:00.000+0000", False),
    ],
)
def test_relative_dates_at_exact_boundaries(jql: str, created: str, *, expected: bool) -> None:
    """Relative dates count exact days (24 h) and weeks (7 d) back or forward from now."""
    assert hits(jql, issue(created=created)) is expected


def test_relative_days_are_exact_across_the_dst_change() -> None:
    """-1d right after the autumn DST change is 24 hours, not one wall-clock day."""
    now = datetime(2026, 10, 25, 12, 0, tzinfo=CPH)  # CET, 11:00 UTC
    assert hits("created >= -1d", issue(created="2026-10-24T11:00:00.000+0000"), now)
    assert not hits("created >= -1d", issue(created="2026-10-24T10:59:59.000+0000"), now)


@pytest.mark.parametrize(
    ("jql", "created", "expected"),
    [
        # Midnight 31 January in Copenhagen (CET, UTC+1) is 30 January 23:00 UTC.
        ('created >= "2026-01-31"', "2026-01-30T23:00:00.000+0000", True),
        ('created >= "2026-01-31"', "2026-01-30T22:59:59.000+0000", False),
        ('created >= "2026/01/31"', "2026-01-31T22:59:59.000+0000", True),
        ('created <= "2026-01-31"', "2026-01-30T23:00:00.000+0000", True),
        ('created <= "2026-01-31"', "2026-01-31T09:00:00.000+0000", False),
        ("created >= 2026-01-31", "2026-01-30T23:00:00.000+0000", True),
        ('created = "2026-01-31 14:30"', "2026-01-31T13:30:00.000+0000", True),
        ('created = "2026/01/31 14:30"', "2026-01-31T13:30:00.000+0000", True),
        ('created = "2026-01-31 14:30"', "2026-01-31T13:30:01.000+0000", False),
        ('created != "2026-01-31 14:30"', "2026-01-31T13:30:01.000+0000", True),
        ('created IN ("2026-01-31 14:30", "2026-02-01")', "2026-01-31T23:00:00.000+0000", True),
        ('created NOT IN ("2026-01-31 14:30")', "2026-01-31T13:30:00.000+0000", False),
        # Colon offsets (what the contract checks want) parse the same.
        ('created >= "2026-01-31"', "2026-01-31T00:00:00.000+01:00", True),
    ],
)
def test_absolute_dates_are_wall_clock_in_the_users_time_zone(
    jql: str, created: str, *, expected: bool
) -> None:
    """Absolute dates are Copenhagen time; a bare date is midnight at the start of that day."""
    assert hits(jql, issue(created=created)) is expected


@pytest.mark.parametrize(
    ("created", "expected"),
    [
        # 29 March 2026 has 23 hours: 00:00 CET (28th 23:00 UTC) to 00:00 CEST (29th 22:00 UTC).
        ("2026-03-28T22:59:59.000+0000", False),
        ("2026-03-28T23:00:00.000+0000", True),
        ("2026-03-29T21:59:59.000+0000", True),
        ("2026-03-29T22:00:00.000+0000", False),
    ],
)
def test_a_day_across_the_spring_dst_change(created: str, *, expected: bool) -> None:
    """The spring-forward day runs from midnight CET to midnight CEST: 23 hours."""
    jql = 'created >= "2026-03-29" AND created < "2026-03-30"'
    assert hits(jql, issue(created=created)) is expected


@pytest.mark.parametrize(
    ("created", "expected"),
    [
        # 25 October 2026 has 25 hours: 00:00 CEST (24th 22:00 UTC) to 00:00 CET (25th 23:00 UTC).
        ("2026-10-24T21:59:59.000+0000", False),
        ("2026-10-24T22:00:00.000+0000", True),
        ("2026-10-25T22:30:00.000+0000", True),
        ("2026-10-25T23:00:00.000+0000", False),
    ],
)
def test_a_day_across_the_autumn_dst_change(created: str, *, expected: bool) -> None:
    """The fall-back day runs from midnight CEST to midnight CET: 25 hours."""
    jql = 'created >= "2026/10/25" AND created < "2026/10/26"'
    assert hits(jql, issue(created=created)) is expected


@pytest.mark.parametrize(
    ("jql", "created", "expected"),
    [
        ("created <= now()", "2026-10-13T10:00:00.000+0000", True),
        ("created > now()", "2026-10-13T10:00:00.000+0000", False),
        ("created = NOW()", "2026-10-13T10:00:00.000+0000", True),
        # Start of today in Copenhagen (CEST) is 12 October 22:00 UTC.
        ("created >= startOfDay()", "2026-10-12T22:00:00.000+0000", True),
        ("created >= startOfDay()", "2026-10-12T21:59:59.000+0000", False),
        ("created >= startOfDay(-1d)", "2026-10-11T22:00:00.000+0000", True),
        ('created >= startOfDay("-1")', "2026-10-11T21:59:59.000+0000", False),
        ("created <= endOfDay()", "2026-10-13T21:59:59.999+0000", True),
        ("created <= endOfDay()", "2026-10-13T22:00:00.000+0000", False),
        # Weeks start on Monday: 12 October.
        ("created >= startOfWeek()", "2026-10-11T22:00:00.000+0000", True),
        ("created >= startOfWeek()", "2026-10-11T21:59:00.000+0000", False),
        ("created >= startOfMonth(-1)", "2026-08-31T22:00:00.000+0000", True),
        ("created >= startOfMonth(-1)", "2026-08-31T21:59:00.000+0000", False),
        # The month ends after the DST change, in CET.
        ("created <= endOfMonth()", "2026-10-31T22:59:59.999+0000", True),
        ("created <= endOfMonth()", "2026-10-31T23:00:00.000+0000", False),
        ("created >= startOfYear()", "2025-12-31T23:00:00.000+0000", True),
        ("created < startOfYear()", "2025-12-31T22:59:00.000+0000", True),
        ("created <= endOfYear(-1y)", "2025-12-31T22:59:59.999+0000", True),
        ('created >= startOfDay("+2h")', "2026-10-13T00:00:00.000+0000", True),
        ('created >= startOfDay("+2h")', "2026-10-12T23:59:00.000+0000", False),
    ],
)
def test_date_functions(jql: str, created: str, *, expected: bool) -> None:
    """The now() and startOf/endOf functions resolve in the user's time zone, with increments."""
    assert hits(jql, issue(created=created)) is expected


@pytest.mark.parametrize(
    ("jql", "duedate", "expected"),
    [
        ('duedate = "2026-12-01"', "2026-12-01", True),
        ('duedate = "2026-12-02"', "2026-12-01", False),
        ('due <= "2026-12-01"', "2026-12-01", True),
        ('duedate < "2026-12-01"', "2026-12-01", False),
        # now() is today, 13 October: due today is not due before now, and is due now.
        ("duedate < now()", "2026-10-13", False),
        ("duedate < now()", "2026-10-12", True),
        ("duedate <= now()", "2026-10-13", True),
        ("duedate = now()", "2026-10-13", True),
        ("duedate > now()", "2026-10-13", False),
        ("duedate >= now()", "2026-10-13", True),
        ("duedate >= startOfDay()", "2026-10-13", True),
        ("duedate < startOfDay()", "2026-10-13", False),
        ("duedate <= endOfDay()", "2026-10-13", True),
        ("duedate = -1d", "2026-10-12", True),
        ("duedate != -1d", "2026-10-12", False),
        ("duedate <= 7d", "2026-10-20", True),
        ("duedate <= 7d", "2026-10-21", False),
        ("duedate < 7d", "2026-10-20", False),
        ("duedate IS NOT EMPTY", "2026-10-21", True),
    ],
)
def test_due_date_compares_as_a_day(jql: str, duedate: str, *, expected: bool) -> None:
    """A due date compares with the calendar day each operand falls on, not with an instant.

    As Jira's source does it (JqlLocalDateSupportImpl: now() and `-1d` become the LocalDate
    they fall on in the user's time zone); see the comment in `_Compiler.dates` in
    os2bot/sandbox/jql.py and docs/sandbox.md.
    """
    assert hits(jql, issue(duedate=duedate)) is expected


def test_due_today_is_the_users_today_not_utcs() -> None:
    """Just after midnight in Copenhagen, now() is the Copenhagen day though UTC lags a day."""
    just_after_midnight = datetime(2026, 10, 13, 0, 30, tzinfo=CPH)  # 12 October 22:30 UTC
    assert hits("duedate = now()", issue(duedate="2026-10-13"), just_after_midnight)
    assert not hits("duedate = now()", issue(duedate="2026-10-12"), just_after_midnight)


def test_updated_and_resolved_read_their_fields() -> None:
    """The updated field reads fields.updated and resolved reads fields.resolutiondate."""
    item = issue(
        created="2026-01-01T10:00:00.000+0000",
        updated="2026-10-12T10:00:00.000+0000",
        resolved="2026-10-10T10:00:00.000+0000",
    )
    assert hits("updated >= -1d", item)
    assert not hits("created >= -1d", item)
    assert hits("resolved >= -4d AND resolved <= -3d", item)
    assert hits("resolutionDate IS NOT EMPTY", item)
    assert hits("resolved IS EMPTY", issue())


def test_predicate_follows_a_new_now() -> None:
    """A query reused with a later now re-resolves its relative dates."""
    query = parse("created >= -1d")
    item = issue(created="2026-10-13T10:00:00.000+0000")
    assert query.matches(item, NOW, CPH)
    assert not query.matches(item, datetime(2026, 10, 15, 12, 0, tzinfo=CPH), CPH)
    assert query.matches(item, NOW, CPH)


def test_absolute_dates_follow_the_time_zone() -> None:
    """The same absolute date is a different instant for a user in another time zone."""
    query = parse('created >= "2026-01-31"')
    item = issue(created="2026-01-30T23:30:00.000+0000")
    assert query.matches(item, NOW, CPH)
    assert not query.matches(item, NOW, ZoneInfo("UTC"))


def test_naive_now_is_refused() -> None:
    """A naive now would make every date comparison ambiguous, so it raises ValueError."""
    with pytest.raises(ValueError, match="timezone-aware"):
        parse("created >= -1d").matches(issue(), datetime(2026, 10, 13, 12, 0), CPH)  # noqa: DTZ001


# -- votes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ("votes = 3", True),
        ("votes != 3", False),
        ("votes > 2", True),
        ("votes >= 3", True),
        ("votes < 3", False),
        ("votes <= 3", True),
        ("votes IN (1, 3)", True),
        ("votes NOT IN (1, 3)", False),
    ],
)
def test_votes_compare_as_numbers(jql: str, *, expected: bool) -> None:
    """The votes field reads fields.votes.votes and compares numerically."""
    assert hits(jql, issue(votes=3)) is expected


# -- missing and null fields -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("jql", "expected"),
    [
        ("project = MO", False),
        ("project != MO", False),
        ("project IN (MO, FORMS)", False),
        ("project NOT IN (MO, FORMS)", False),
        ("project IS EMPTY", True),
        ("project IS NOT EMPTY", False),
        ("project = EMPTY", True),
        ("project != EMPTY", False),
        ("project IN (EMPTY, MO)", True),
        ("project NOT IN (EMPTY, MO)", False),
        ("issuetype = Task", False),
        ("status != Done", False),
        ("statusCategory != Done", False),
        ("statusCategory IS EMPTY", True),
        ("labels = a", False),
        ("labels != a", False),
        ("labels IN (a)", False),
        ("labels NOT IN (a)", False),
        ("labels IS EMPTY", True),
        ("labels IS NOT EMPTY", False),
        ("fixVersion = 2.4.0", False),
        ("fixVersion != 2.4.0", False),
        ("fixVersion IS EMPTY", True),
        ("summary ~ plan", False),
        ("summary !~ plan", False),
        ("summary IS EMPTY", True),
        ("summary IS NOT EMPTY", False),
        ("created > -90d", False),
        ("created < -90d", False),
        ("created >= -90d", False),
        ("created <= -90d", False),
        ('created = "2026-01-01"', False),
        ('created != "2026-01-01"', False),
        ('created IN ("2026-01-01")', False),
        ('created NOT IN ("2026-01-01")', False),
        ("created IS EMPTY", True),
        ("created IS NOT EMPTY", False),
        ("updated < now()", False),
        ("resolved IS EMPTY", True),
        ("duedate <= now()", False),
        ("duedate > now()", False),
        ("duedate IS EMPTY", True),
        ("assignee = mette", False),
        ("assignee != mette", False),
        ("assignee IS NULL", True),
        ("votes > 0", False),
        ("votes != 1", False),
        ("votes IS EMPTY", True),
        ("resolution = Unresolved", True),
        # NOT flips the operator (Jira's De Morgan rewrite): still no match on an empty field.
        ("NOT project = MO", False),
        ("NOT project != MO", False),
        ("NOT labels = a", False),
        ("NOT labels IN (a, b)", False),
        ("NOT summary ~ plan", False),
        ("NOT created > -90d", False),
        ("NOT votes >= 1", False),
        ("NOT labels IS NOT EMPTY", True),
        ("NOT labels IN (EMPTY, a)", False),
        ("NOT labels NOT IN (EMPTY, a)", True),
        ("NOT (project = MO OR labels = a)", False),
    ],
)
@pytest.mark.parametrize("item", [MISSING, NULLS], ids=["missing", "null"])
def test_empty_fields_match_only_emptiness(
    jql: str, item: dict[str, Any], *, expected: bool
) -> None:
    """A missing or null field matches only IS EMPTY (and = EMPTY); =, !=, IN, NOT IN, <, ~ fail."""
    assert hits(jql, item) is expected


def test_not_is_the_flipped_operator_not_the_complement() -> None:
    """`NOT f = v` is `f != v`, so it skips issues where f is empty, as Jira documents.

    "Note that typing field != value is the same as typing NOT field = value" and "The "!="
    operator will not match a field that has no value"; the page's own example finds "all
    issues that are assigned to any user except jsmith" with `not assignee = jsmith`
    (https://support.atlassian.com/jira-software-cloud/docs/jql-operators/).
    """
    unassigned, other = issue(), issue(assignee={"name": "anders"})
    assert not hits("NOT assignee = mette", unassigned)
    assert hits("NOT assignee = mette", other)
    assert hits("NOT assignee = mette OR assignee IS EMPTY", unassigned)
    assert hits("NOT (labels = a AND labels = b)", issue(labels=["a"]))
    assert not hits("NOT (labels = a AND labels = b)", issue(labels=[]))


def test_not_is_checked_as_written() -> None:
    """An operator the field refuses is reported as written, before NOT flips it."""
    assert error("NOT summary = plan") == [
        "The operator '=' is not supported by the 'summary' field."
    ]


def test_issue_without_fields_key() -> None:
    """An issue dict with no fields object at all is all-empty, not an error."""
    bare = {"id": "1", "key": "MO-1"}
    assert hits("labels IS EMPTY AND key = MO-1", bare)
    assert not hits("project = MO", bare)


def test_zero_votes_are_not_empty() -> None:
    """Zero votes is a value, not EMPTY."""
    assert hits("votes = 0", issue(votes=0))
    assert not hits("votes IS EMPTY", issue(votes=0))


# -- boolean structure -------------------------------------------------------------------


A = issue(labels=["a"])
B = issue(labels=["b"])
AB = issue(labels=["a", "b"])
C = issue(labels=["c"])


@pytest.mark.parametrize(
    ("jql", "a", "b", "ab", "c"),
    [
        ("labels = a OR labels = b AND labels = c", True, False, True, False),
        ("(labels = a OR labels = b) AND labels = c", False, False, False, False),
        ("labels = a AND labels = b OR labels = c", False, False, True, True),
        ("labels = a AND (labels = b OR labels = c)", False, False, True, False),
        ("NOT labels = a AND labels = b", False, True, False, False),
        ("NOT (labels = a AND labels = b)", True, True, False, True),
        ("NOT labels = a OR labels = b", False, True, True, True),
        ("NOT NOT labels = a", True, False, True, False),
        ("!labels = a", False, True, False, True),
        ("labels = a && labels = b", False, False, True, False),
        ("labels = a & labels = b", False, False, True, False),
        ("labels = a || labels = c", True, False, True, True),
        ("labels = a | labels = c", True, False, True, True),
        ("((labels = a))", True, False, True, False),
        ("labels = a OR labels = b OR labels = c", True, True, True, True),
        ("labels != x AND labels != y AND labels != z AND labels != a", False, True, False, True),
    ],
)
def test_precedence_not_over_and_over_or(jql: str, *, a: bool, b: bool, ab: bool, c: bool) -> None:
    """NOT binds tighter than AND, which binds tighter than OR; parentheses override both."""
    assert [hits(jql, item) for item in (A, B, AB, C)] == [a, b, ab, c]


def test_keywords_and_field_names_are_case_insensitive() -> None:
    """Keywords, operators and field names work in any case."""
    jql = (
        "PROJECT = MO and Labels In (Release) oR STATUS iS nOt empty AND not issueType = Bug "
        "Order bY Created desc, KEY asc"
    )
    query = parse(jql)
    assert query.matches(LABELLED, NOW, CPH)
    assert query.order_by == [("created", True), ("key", False)]


def test_a_keyword_prefix_is_an_ordinary_word() -> None:
    """Words that merely start with a keyword (orderly, island, notes) are values."""
    item = issue(labels=["orderly", "island", "notes", "android"])
    assert hits("labels = orderly AND labels = island AND labels = notes", item)
    assert hits("labels = android", item)


@pytest.mark.parametrize(
    ("jql", "label"),
    [
        ('labels = "with space"', "with space"),
        ("labels = 'with space'", "with space"),
        ('labels = "say \\"hi\\""', 'say "hi"'),
        ("labels = 'it\\'s'", "it's"),
        ('labels = "back\\\\slash"', "back\\slash"),
        ('labels = "tab\\there"', "tab\there"),
        ("labels = r\\u00f8dgr\\u00f8d", "rødgrød"),
        ("labels = two\\ words", "two words"),
        ('labels = "a+b/c*d"', "a+b/c*d"),
        ("labels = koordinationsgruppemøde", "koordinationsgruppemøde"),
        ("labels = ÆbleØlÅ", "ÆbleØlÅ"),
        ("labels = os2bot-3fa2b1c4d5e6", "os2bot-3fa2b1c4d5e6"),
        ("labels = 2026-q4", "2026-q4"),
        ('labels = "and"', "and"),
        ('labels = "order"', "order"),
    ],
)
def test_values_quoted_escaped_and_bare(jql: str, label: str) -> None:
    """Quoted strings keep spaces and resolve escapes; bare words take non-ASCII and hyphens."""
    assert hits(jql, issue(labels=[label]))
    assert not hits(jql, issue(labels=["other"]))


def test_quoted_field_name() -> None:
    """A field name may be quoted, as Jira allows for names with spaces."""
    assert hits('"project" = MO', issue())


@pytest.mark.parametrize("jql", ["", "   ", "\n\t", "ORDER BY created", "order by key desc"])
def test_empty_query_matches_everything(jql: str) -> None:
    """Empty JQL, whitespace or a bare ORDER BY matches every issue, even an empty one."""
    assert hits(jql, issue())
    assert hits(jql, MISSING)


def test_multi_line_query() -> None:
    """Newlines are whitespace between tokens."""
    assert hits("project = MO\nAND\n  labels = Release", LABELLED)


# -- ORDER BY -------------------------------------------------------------------------------


def test_default_order_is_key_descending_numerically() -> None:
    """Without ORDER BY, issues come by key descending, project then number as a number."""
    items = [issue(k) for k in ("MO-9", "MO-10", "ABC-100", "MO-2", "ABC-7")]
    assert search("", items) == ["MO-10", "MO-9", "MO-2", "ABC-100", "ABC-7"]
    assert parse("project = MO").order_by == []


def test_order_by_key_ascending_is_numeric() -> None:
    """ORDER BY key sorts MO-9 before MO-10."""
    items = [issue(k) for k in ("MO-10", "MO-9", "MO-100", "MO-1")]
    assert search("ORDER BY key ASC", items) == ["MO-1", "MO-9", "MO-10", "MO-100"]
    assert search("order by issuekey", items) == ["MO-1", "MO-9", "MO-10", "MO-100"]


def test_order_by_several_fields() -> None:
    """Later ORDER BY fields break ties left by earlier ones."""
    items = [
        issue("MO-1", created="2026-10-01T10:00:00.000+0000", votes=1),
        issue("MO-2", created="2026-10-02T10:00:00.000+0000", votes=5),
        issue("MO-3", created="2026-10-03T10:00:00.000+0000", votes=1),
        issue("MO-4", created="2026-10-01T10:00:00.000+0000", votes=5),
    ]
    assert search("ORDER BY votes DESC, created ASC", items) == ["MO-4", "MO-2", "MO-1", "MO-3"]
    assert search("ORDER BY votes, created DESC", items) == ["MO-3", "MO-1", "MO-2", "MO-4"]
    assert search("ORDER BY created DESC, key DESC", items) == ["MO-3", "MO-2", "MO-4", "MO-1"]
    assert parse("ORDER BY votes DESC, created").order_by == [("votes", True), ("created", False)]


def test_order_by_puts_empty_last_ascending_and_first_descending() -> None:
    """Issues without a value sort after the rest ascending and before them descending."""
    items = [
        issue("MO-1", votes=2),
        issue("MO-2"),
        issue("MO-3", votes=7),
        issue("MO-4"),
    ]
    assert search("ORDER BY votes ASC", items) == ["MO-1", "MO-3", "MO-2", "MO-4"]
    assert search("ORDER BY votes DESC", items) == ["MO-2", "MO-4", "MO-3", "MO-1"]


def test_order_by_dates_compares_instants() -> None:
    """Dates with different offsets sort by instant, and due dates by day."""
    items = [
        issue("MO-1", created="2026-10-01T10:00:00.000+0200", duedate="2026-12-01"),
        issue("MO-2", created="2026-10-01T09:00:00.000+0000", duedate=None),
        issue("MO-3", created="2026-10-01T08:30:00.000+0000", duedate="2026-11-01"),
    ]
    assert search("ORDER BY created", items) == ["MO-1", "MO-3", "MO-2"]
    assert search("ORDER BY duedate", items) == ["MO-3", "MO-1", "MO-2"]
    assert search("ORDER BY due DESC", items) == ["MO-2", "MO-1", "MO-3"]


def test_order_by_names() -> None:
    """Named fields sort by their name case-insensitively, projects by key."""
    items = [
        issue("MO-1", summary="beta", status="Done"),
        issue("FORMS-1", project=("10001", "FORMS", "OS2forms"), summary="Alpha"),
        issue("MO-2", summary="gamma", status="In Progress"),
    ]
    assert search("ORDER BY summary", items) == ["FORMS-1", "MO-1", "MO-2"]
    assert search("ORDER BY project DESC, key", items) == ["MO-1", "MO-2", "FORMS-1"]
    assert search("ORDER BY status, key", items) == ["MO-1", "MO-2", "FORMS-1"]


def test_sort_is_stable_and_returns_a_new_list() -> None:
    """Equal sort keys keep their input order, and the input list is left alone."""
    items = [issue(f"MO-{n}", votes=1) for n in (3, 1, 2)]
    query = parse("ORDER BY votes")
    assert [i["key"] for i in query.sort(items)] == ["MO-3", "MO-1", "MO-2"]
    assert [i["key"] for i in items] == ["MO-3", "MO-1", "MO-2"]


# -- errors -----------------------------------------------------------------------------------


SYNTAX = "Error in the JQL Query: "


@pytest.mark.parametrize(
    ("jql", "message"),
    [
        ("(project = MO", "Expecting ')' before the end of the query."),
        (
            "project = MO)",
            "Expecting either 'OR' or 'AND' but got ')'. (line 1, character 13)",
        ),
        (
            "((project = MO) AND labels = a",
            "Expecting ')' before the end of the query.",
        ),
        ("project =", "Expecting either a value, list or function before the end of the query."),
        ("project = MO AND", "Expecting a field name at the end of the query."),
        ("project = MO OR NOT", "Expecting a field name at the end of the query."),
        (
            "project = MO foo",
            "Expecting either 'OR' or 'AND' but got 'foo'. (line 1, character 14)",
        ),
        (
            "project MO",
            (
                "Expecting operator but got 'MO'. The valid operators are '=', '!=', '<', '>', "
                "'<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)"
            ),
        ),
        ("project", "Expecting operator before the end of the query. The valid operators are"),
        ("labels NOT = a", "Expecting 'IN' but got '='. (line 1, character 12)"),
        (
            "project = and",
            (
                "Expecting either a value, list or function but got 'and'. You must surround "
                "'and' in quotation marks to use it as a value. (line 1, character 11)"
            ),
        ),
        ("labels IN (a, b", "Expecting ')' before the end of the query."),
        ("labels IN (a b)", "Expecting ')' or ',' but got 'b'. (line 1, character 14)"),
        (
            ", a = b",
            (
                "Expecting a field name but got ','. You must surround ',' in quotation marks to "
                "use it as a field name. (line 1, character 1)"
            ),
        ),
        ("a = b ORDER created", "Expecting 'by' but got 'created'. (line 1, character 13)"),
        ("a = b ORDER BY", "Expecting a field name at the end of the query."),
        (
            "ORDER BY created sideways",
            "Expecting either 'ASC' or 'DESC' but got 'sideways'. (line 1, character 18)",
        ),
        ("ORDER BY created DESC key", "Expecting ',' but got 'key'. (line 1, character 23)"),
        ("created > startOfDay(", "Expecting ')' before the end of the query."),
        ("created > startOfDay(-1d,", "Expecting a function argument at the end of the query."),
        (
            "labels = 50%",
            (
                "The character '%' is a reserved JQL character. You must enclose it in a string or "
                "use the escape '\\u0025' instead. (line 1, character 12)"
            ),
        ),
        ("labels = a+b", "The character '+' is a reserved JQL character."),
        (
            "summary ~ 'plan",
            "The quoted string 'plan' has not been completed. (line 1, character 11)",
        ),
        (
            'summary ~ "plan\nfor',
            "The quoted string 'plan for' has not been completed. (line 1, character 11)",
        ),
        (
            "labels = a\\qb",
            (
                "'\\q' is an illegal JQL escape sequence. The valid escape sequences are "
                "\\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. (line 1, character 11)"
            ),
        ),
        ('labels = "\\u00zz"', "'\\u00z' is an illegal JQL escape sequence."),
        (
            "summary ~ update",
            (
                "'update' is a reserved JQL word. You must surround it in quotation marks to use "
                "it in a query. (line 1, character 11)"
            ),
        ),
        ("'' = c", "A field name cannot be empty. (line 1, character 1)"),
        ("created > ''()", "A function name cannot be empty. (line 1, character 11)"),
        (
            "project = MO\n  AND labels bar",
            (
                "Expecting operator but got 'bar'. The valid operators are '=', '!=', '<', '>', "
                "'<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 2, character 14)"
            ),
        ),
    ],
)
def test_syntax_errors_use_jiras_wording(jql: str, message: str) -> None:
    """A syntax error raises JqlError with one message in Jira's wording and position."""
    messages = error(jql)
    assert len(messages) == 1
    assert messages[0].startswith(SYNTAX + message)


@pytest.mark.parametrize(
    ("jql", "message"),
    [
        ("foo = bar", "Field 'foo' does not exist or you do not have permission to view it."),
        ("Foo ~ bar", "Field 'Foo' does not exist or you do not have permission to view it."),
        ("project ~ MO", "The operator '~' is not supported by the 'project' field."),
        ("summary = plan", "The operator '=' is not supported by the 'summary' field."),
        ("labels > a", "The operator '>' is not supported by the 'labels' field."),
        ("created ~ -1d", "The operator '~' is not supported by the 'created' field."),
        (
            "created > -90x",
            (
                "Date value '-90x' for field 'created' is invalid. Valid formats include: "
                "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period "
                "format e.g. '-5d', '4w 2d'."
            ),
        ),
        ('created > "2026-02-30"', "Date value '2026-02-30' for field 'created' is invalid."),
        ('duedate < "31/01/2026"', "Date value '31/01/2026' for field 'duedate' is invalid."),
        ('created > "yesterday"', "Date value 'yesterday' for field 'created' is invalid."),
        ("assignee = currentUser()", "Unable to find JQL function 'currentUser()'."),
        ("created > foo(1, 2)", "Unable to find JQL function 'foo(1, 2)'."),
        ("project = now()", "A value provided by the function 'now' is invalid for the field"),
        ("created > now(1)", "Function 'now' expected '0' arguments but received '1'."),
        (
            "created > startOfDay(x)",
            (
                "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M "
                "for 1 month earlier."
            ),
        ),
        (
            "labels in a",
            "Operator 'in' does not support the non-list value '\"a\"' for field 'labels'.",
        ),
        (
            "labels = (a, b)",
            "Operator '=' does not support the list value '(\"a\", \"b\")' for field 'labels'.",
        ),
        (
            "labels not in EMPTY",
            (
                "Operator 'not in' does not support the empty value representation 'EMPTY' for "
                "field 'labels'."
            ),
        ),
        (
            "created < EMPTY",
            (
                "Operator '<' does not support the empty value representation 'EMPTY' for field "
                "'created'."
            ),
        ),
        (
            "project IS MO",
            "Operator 'is' does not support searching for non-empty values for field 'project'.",
        ),
        ('summary ~ "!!"', "The field 'summary' does not support searching for an empty string."),
        ("votes > many", "Value 'many' is invalid for the 'votes' field."),
        ("ORDER BY foo", "Field 'foo' does not exist or you do not have permission to view it."),
        ("ORDER BY labels", "Field 'labels' does not support sorting."),
    ],
)
def test_validation_errors_use_jiras_wording(jql: str, message: str) -> None:
    """A well-formed query that Jira would reject raises JqlError with Jira's message."""
    messages = error(jql)
    assert messages[0].startswith(message)
    assert not messages[0].startswith(SYNTAX)


def test_every_validation_error_is_reported() -> None:
    """Like Jira, all validation problems come back at once, each once."""
    messages = error("foo = 1 AND project ~ MO AND created > -9x AND foo = 2 ORDER BY bar")
    assert messages == [
        "Field 'foo' does not exist or you do not have permission to view it.",
        "The operator '~' is not supported by the 'project' field.",
        "Date value '-9x' for field 'created' is invalid. " + messages[2].split("invalid. ")[1],
        "Field 'bar' does not exist or you do not have permission to view it.",
    ]


def test_jql_error_is_a_value_error_with_messages() -> None:
    """JqlError is a ValueError whose text joins its messages."""
    with pytest.raises(ValueError, match="does not exist") as caught:
        parse("nonsense = 1")
    assert isinstance(caught.value, JqlError)
    assert caught.value.messages == [str(caught.value)]


# -- the rest of the interface ---------------------------------------------------------------


def test_values_of_lists_literal_values_per_field() -> None:
    """values_of gives the literal values compared with a field, via any alias, once each."""
    query = parse(
        "project IN (MO, 'OS2 forms') AND (Project != VALGHAL OR project = MO) "
        "AND project IS NOT EMPTY AND created > now() AND type = Task"
    )
    assert query.values_of("project") == ["MO", "OS2 forms", "VALGHAL"]
    assert query.values_of("issuetype") == ["Task"]
    assert query.values_of("created") == []
    assert query.values_of("labels") == []
    assert query.values_of("nonsense") == []


def test_parse_returns_a_reusable_query() -> None:
    """The query from parse can be matched many times and shows its text."""
    query = parse("labels = Release")
    assert isinstance(query, JqlQuery)
    assert query.jql == "labels = Release"
    assert "labels = Release" in repr(query)
    items = [LABELLED, UNLABELLED] * 50
    assert sum(query.matches(i, NOW, CPH) for i in items) == 50


def test_many_clauses_do_not_recurse_deeply() -> None:
    """A long OR chain (as the bot builds for many projects) parses and matches."""
    jql = " OR ".join(f"key = MO-{n}" for n in range(1500))
    assert hits(jql, issue("MO-1499"))
    assert not hits(jql, issue("MO-1500"))


def test_now_in_another_zone_is_the_same_instant() -> None:
    """A now given in UTC means the same moment as in Copenhagen."""
    item = issue(created="2026-07-15T10:00:00.000+0000")
    assert hits("created >= -90d", item, NOW.astimezone(UTC))
