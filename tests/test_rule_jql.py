# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""JQL evidence: matching issues in the product's project, counted in local calendar days."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from os2bot.config import JqlEvidence
from os2bot.domain import Issue, State
from os2bot.rules import jql, judge_check

from builders import NOW, check, context, issue, product, snapshot

CPH = ZoneInfo("Europe/Copenhagen")
# The coordination-group meeting: resolved issues, the newest within 90 days.
MEETING = check("koordinationsgruppe").evidence
assert isinstance(MEETING, JqlEvidence)
QUERY = jql.query(MEETING)


def judge(*issues: Issue, evidence: JqlEvidence = MEETING, now: datetime = NOW, **kwargs):
    """The verdict on *issues* found by *evidence*'s query in TEST, at *now*."""
    found = jql.query(evidence)
    snap = snapshot(now=now, results={found: {"TEST": list(issues)}}, **kwargs)
    return jql.judge(evidence, context(snap))


@pytest.mark.parametrize(
    ("resolved", "days", "state"),
    [
        # 01:30 local on 29 August is still 28 August in UTC: 90 local days, not 91.
        (datetime(2026, 8, 28, 23, 30, tzinfo=UTC), 90, State.MET),
        # 23:30 local on 28 August: 91 local days, though only 90 days and 10 hours ago.
        (datetime(2026, 8, 28, 21, 30, tzinfo=UTC), 91, State.NOT_MET),
        (datetime(2026, 8, 29, 21, 59, tzinfo=UTC), 90, State.MET),
    ],
)
def test_window_is_counted_in_copenhagen_calendar_days(resolved, days, state):
    """A meeting exactly 90 local calendar days ago is recent enough and one 91 days ago is not,
    whatever the UTC date or the hours elapsed."""
    verdict = judge(issue("TEST-1", resolved=resolved))

    assert verdict.state is state
    assert verdict.reason.params["days"] == days
    assert verdict.reason.key == (
        "reason.jql.met_window" if state is State.MET else "reason.jql.too_old"
    )


@pytest.mark.parametrize(
    ("resolved", "now", "state"),
    [
        # 00:30 on the night summer time ends (still CEST), judged 90 local days later.
        (
            datetime(2026, 10, 25, 0, 30, tzinfo=CPH),
            datetime(2027, 1, 23, 0, 10, tzinfo=CPH),
            State.MET,
        ),
        (
            datetime(2026, 10, 25, 0, 30, tzinfo=CPH),
            datetime(2027, 1, 24, 0, 10, tzinfo=CPH),
            State.NOT_MET,
        ),
        # 03:30, just after the change to CET.
        (
            datetime(2026, 10, 25, 3, 30, tzinfo=CPH),
            datetime(2027, 1, 23, 23, 50, tzinfo=CPH),
            State.MET,
        ),
        # Across the change to summer time (29 March 2026): 23:30 the evening before.
        (
            datetime(2026, 3, 28, 23, 30, tzinfo=CPH),
            datetime(2026, 6, 26, 0, 5, tzinfo=CPH),
            State.MET,
        ),
        (
            datetime(2026, 3, 28, 23, 30, tzinfo=CPH),
            datetime(2026, 6, 27, 0, 5, tzinfo=CPH),
            State.NOT_MET,
        ),
    ],
)
def test_daylight_saving_change_does_not_move_the_boundary(resolved, now, state):
    """A change to or from summer time neither gains nor loses a day of the 90-day window."""
    verdict = judge(issue("TEST-1", resolved=resolved), now=now.astimezone(UTC))

    assert verdict.state is state
    assert verdict.reason.params["days"] == (90 if state is State.MET else 91)


def test_no_matching_issue_is_not_met_and_names_the_query():
    """Without any matching issue the check is not met, and the reason shows the JQL searched."""
    verdict = judge()

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.jql.none"
    assert verdict.reason.params == {"jql": MEETING.jql}
    assert verdict.evidence == ()


def test_issues_of_another_project_do_not_count():
    """Meetings held in another product's project are no evidence for this product."""
    other = issue("OTHER-1", resolved=NOW)
    snap = snapshot(projects={"TEST", "OTHER"}, results={QUERY: {"OTHER": [other]}})

    verdict = jql.judge(MEETING, context(snap))

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.jql.none"


@pytest.mark.parametrize(
    ("date_field", "fields"),
    [
        ("resolved", {"created": datetime(2026, 11, 1, tzinfo=UTC)}),
        ("duedate", {"resolved": datetime(2026, 11, 1, tzinfo=UTC), "duedate": None}),
        ("updated", {"updated": None}),
    ],
)
def test_issues_without_the_date_are_not_met(date_field, fields):
    """Matching issues that lack the dated field cannot show recency: not met, naming the field."""
    evidence = MEETING.model_copy(update={"date_field": date_field})
    found = issue("TEST-1", **fields)

    verdict = judge(found, evidence=evidence)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.jql.no_date"
    assert verdict.reason.params == {"field": date_field}
    assert [e.key for e in verdict.evidence] == [found.key]


def test_an_undated_issue_is_skipped_when_another_has_the_date():
    """One matching issue without a date does not spoil the verdict of a dated one."""
    dated = issue("TEST-1", resolved=datetime(2026, 11, 20, 10, tzinfo=UTC))

    verdict = judge(issue("TEST-2"), dated)

    assert verdict.state is State.MET
    assert [e.key for e in verdict.evidence] == [dated.key]


def test_due_date_is_a_plain_calendar_day():
    """A due date (a day, not a time) is counted as that day."""
    evidence = MEETING.model_copy(update={"date_field": "duedate"})

    verdict = judge(issue("TEST-1", duedate=date(2026, 8, 29)), evidence=evidence)

    assert verdict.state is State.MET
    assert verdict.reason.params["days"] == 90
    assert verdict.reason.params["date"] == "2026-08-29"


@pytest.mark.parametrize(("count", "state"), [(2, State.NOT_MET), (3, State.MET), (4, State.MET)])
def test_min_count_needs_that_many_matching_issues(count, state):
    """With min_count 3, two recent meetings are too few and three are enough."""
    evidence = MEETING.model_copy(update={"min_count": 3})
    issues = [issue(f"TEST-{n}", resolved=datetime(2026, 11, n, tzinfo=UTC)) for n in range(1, 5)]

    verdict = judge(*issues[:count], evidence=evidence)

    assert verdict.state is state
    if state is State.NOT_MET:
        assert verdict.reason.key == "reason.jql.too_few"
        assert verdict.reason.params == {"count": count, "min_count": 3}
    else:
        assert verdict.reason.key == "reason.jql.met_window"
        assert verdict.reason.params["count"] == count


def test_unreadable_project_is_unknown():
    """A project that does not exist or cannot be read gives no verdict, naming the project."""
    verdict = judge(issue("TEST-1", resolved=NOW), projects=set())

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.project_unreadable"
    assert verdict.reason.params == {"project": "TEST"}


def test_failed_query_is_unknown_with_the_error():
    """When Jira's search for the evidence failed, the check is unknown and says why."""
    verdict = judge(failures={QUERY: "HTTP 500 from Jira"})

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.query_failed"
    assert verdict.reason.params == {"error": "HTTP 500 from Jira"}


def test_a_failure_of_another_query_does_not_matter():
    """Only the failure of this evidence's own query makes it unknown."""
    other = jql.query(MEETING.model_copy(update={"jql": "labels = andet"}))

    verdict = judge(issue("TEST-1", resolved=NOW), failures={other: "HTTP 500"})

    assert verdict.state is State.MET


def test_newest_issue_is_the_evidence_with_its_browse_url():
    """The newest matching issue is shown as evidence, linked, with its key, summary and age."""
    older = issue("TEST-3", resolved=datetime(2026, 9, 1, 12, tzinfo=UTC))
    newest = issue("TEST-1", summary="KG-møde november", resolved=datetime(2026, 11, 2, tzinfo=UTC))
    middle = issue("TEST-2", resolved=datetime(2026, 10, 5, tzinfo=UTC))

    verdict = judge(older, newest, middle)

    assert verdict.state is State.MET
    assert [e.key for e in verdict.evidence] == [newest.key]
    assert verdict.evidence[0].url == "https://jira.test/browse/TEST-1"
    assert verdict.reason.params == {
        "key": "TEST-1",
        "summary": "KG-møde november",
        "date": "2026-11-02",
        "days": 25,
        "count": 3,
        "window": 90,
        "basis": "window_profile",
    }


def test_newest_of_the_same_day_is_the_later_one():
    """Of two meetings resolved the same day, the one resolved later is shown as the newest."""
    morning = issue("TEST-9", resolved=datetime(2026, 11, 20, 8, tzinfo=UTC))
    afternoon = issue("TEST-10", resolved=datetime(2026, 11, 20, 15, tzinfo=UTC))

    verdict = judge(morning, afternoon)

    assert [e.key for e in verdict.evidence] == [afternoon.key]


def test_too_old_names_the_newest_and_the_window():
    """When even the newest meeting is too old, the reason names it, its age and the window."""
    old = issue("TEST-1", summary="KG-møde", resolved=datetime(2026, 6, 1, 10, tzinfo=UTC))

    verdict = judge(old)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.jql.too_old"
    assert verdict.reason.params == {
        "key": "TEST-1",
        "summary": "KG-møde",
        "date": "2026-06-01",
        "days": 179,
        "window": 90,
        "basis": "window_profile",
    }
    assert [e.key for e in verdict.evidence] == [old.key]


def test_without_a_window_any_dated_issue_is_enough():
    """Evidence without within_days is met by an old issue too."""
    evidence = MEETING.model_copy(update={"within_days": None})

    verdict = judge(issue("TEST-1", resolved=datetime(2020, 1, 1, tzinfo=UTC)), evidence=evidence)

    assert verdict.state is State.MET


@pytest.mark.parametrize(
    ("overrides", "state"), [({}, State.MET), ({"within_days": 45}, State.NOT_MET)]
)
def test_product_override_of_the_window_applies(overrides, state):
    """A product that overrides the coordination group's window to 45 days fails on a meeting
    60 days ago that the default 90-day window accepts."""
    meeting = issue("TEST-1", resolved=datetime(2026, 9, 28, 10, tzinfo=UTC))
    snap = snapshot(results={QUERY: {"TEST": [meeting]}})
    prod = product(overrides={"koordinationsgruppe": overrides} if overrides else {})

    result = judge_check(check("koordinationsgruppe"), context(snap, prod))

    assert result.state is state
    assert result.reason.params["days"] == 60
    if state is State.NOT_MET:
        assert result.reason.key == "reason.jql.too_old"
        assert result.reason.params["window"] == 45


# ------------------------------------------------------------------- a group's declared cadence

SIXTY_DAYS_AGO = issue("TEST-1", summary="KG-møde", resolved=datetime(2026, 9, 28, 10, tzinfo=UTC))


def group(cadence_days: int | None) -> dict:
    """A coordination group with a chair, a member and, if given, its declared cadence."""
    declared = {
        "lead": {"name": "KG-formand"},
        "members": [{"name": "Medlem"}],
        "kommissorium": "https://os2.test/kommissorium.pdf",
    }
    return declared | ({"cadence_days": cadence_days} if cadence_days else {})


def judged(prod, *meetings: Issue):
    """The coordination-group check for *prod* with *meetings* found."""
    snap = snapshot(results={QUERY: {"TEST": list(meetings)}})
    return judge_check(check("koordinationsgruppe"), context(snap, prod))


def test_a_groups_declared_cadence_is_its_meeting_window():
    """A coordination group that declares it meets every 30 days fails on a meeting 60 days ago,
    which the profile's 90 days would accept, and the reason says the declared cadence applies."""
    result = judged(product(coordination_group=group(30)), SIXTY_DAYS_AGO)

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.jql.too_old"
    assert result.reason.params["window"] == 30
    assert result.reason.params["basis"] == "window_cadence"


def test_a_meeting_within_the_declared_cadence_is_met_naming_the_cadence():
    """A steering group meeting every 180 days is met by a meeting 150 days ago, beyond the
    profile's 120 days, and the reason names the declared cadence as the window."""
    meeting = issue("TEST-2", summary="SG-møde", resolved=datetime(2026, 6, 30, 10, tzinfo=UTC))
    steering = check("styregruppe")
    sg_meetings = next(e for e in steering.evidences if isinstance(e, JqlEvidence))
    snap = snapshot(results={jql.query(sg_meetings): {"TEST": [meeting]}})
    prod = product(steering_group={**group(180)})

    result = judge_check(steering, context(snap, prod))

    assert result.state is State.MET
    meeting_note = next(n for n in result.notes if n.key == "reason.jql.met_window")
    assert meeting_note.params["window"] == 180
    assert meeting_note.params["basis"] == "window_cadence"


def test_without_a_declared_cadence_the_profiles_window_applies_and_is_named():
    """A group that declares no cadence is judged by the profile's 90 days, and the reason says
    that the profile's default applies."""
    result = judged(product(coordination_group=group(None)), SIXTY_DAYS_AGO)

    assert result.state is State.MET
    assert result.reason.key == "reason.jql.met_window"
    assert result.reason.params["window"] == 90
    assert result.reason.params["basis"] == "window_profile"


def test_a_products_own_window_for_the_check_beats_the_declared_cadence():
    """A product file that sets the check's window itself (overrides) has the last word over
    its group's cadence, and the reason says so."""
    prod = product(
        coordination_group=group(30), overrides={"koordinationsgruppe": {"within_days": 75}}
    )

    result = judged(prod, SIXTY_DAYS_AGO)

    assert result.state is State.MET
    assert result.reason.params["window"] == 75
    assert result.reason.params["basis"] == "window_override"
