# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Activity evidence: issues updated lately in the product's project, and its board."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from os2bot.config import ActivityEvidence
from os2bot.domain import Issue, State
from os2bot.rules import activity, judge_check

from builders import check, context, issue, product, snapshot

TOOLS = check("os2-vaerktoejer")
EVIDENCE = TOOLS.evidence
assert isinstance(EVIDENCE, ActivityEvidence)
QUERY = activity.query(EVIDENCE)
# NOW is 27 November 2026, 09:00 in Copenhagen; the window is 60 days.
RECENT = issue("TEST-4", updated=datetime(2026, 11, 20, 14, tzinfo=UTC))


def judge(*issues: Issue, prod=None, **kwargs):
    """The verdict on *issues* updated in TEST (board 7 by default)."""
    kwargs.setdefault("boards", {"TEST": [7]})
    snap = snapshot(results={QUERY: {"TEST": list(issues)}}, **kwargs)
    return activity.judge(EVIDENCE, context(snap, prod))


def test_shipped_check_asks_for_60_days_and_a_board():
    """The tools check wants an update in the last 60 days and a board."""
    assert EVIDENCE.updated_within_days == 60
    assert EVIDENCE.board is True


def test_recent_update_and_board_are_met():
    """A project updated a week ago, with the product's board, is in use."""
    verdict = judge(RECENT)

    assert verdict.state is State.MET
    assert verdict.reason.key == "reason.activity.recent"
    assert verdict.reason.params == {"key": "TEST-4", "date": "2026-11-20", "days": 60}
    assert [e.key for e in verdict.evidence] == [RECENT.key]
    assert [(n.key, n.params) for n in verdict.notes] == [
        ("reason.activity.board", {"boards": [7]})
    ]


def test_newest_update_is_the_evidence():
    """Of several updated issues, the newest is the evidence and dates the reason."""
    old = issue("TEST-1", updated=datetime(2026, 5, 1, tzinfo=UTC))
    middle = issue("TEST-2", updated=datetime(2026, 10, 1, tzinfo=UTC))

    verdict = judge(old, RECENT, middle)

    assert [e.key for e in verdict.evidence] == [RECENT.key]
    assert verdict.reason.params["date"] == "2026-11-20"


@pytest.mark.parametrize(
    ("updated", "state"),
    [
        # 23:30 local on 28 September: 60 local days ago, though 60 days and 9.5 hours.
        (datetime(2026, 9, 28, 21, 30, tzinfo=UTC), State.MET),
        # 00:30 local on 28 September is 27 September in UTC: still 60 local days.
        (datetime(2026, 9, 27, 22, 30, tzinfo=UTC), State.MET),
        # 23:30 local on 27 September: 61 days.
        (datetime(2026, 9, 27, 21, 30, tzinfo=UTC), State.NOT_MET),
    ],
)
def test_window_boundary_is_exactly_n_local_days(updated, state):
    """An update exactly 60 local calendar days ago counts; one 61 days ago does not."""
    verdict = judge(issue("TEST-1", updated=updated))

    assert verdict.state is state
    if state is State.NOT_MET:
        assert verdict.reason.key == "reason.activity.idle"
        assert verdict.reason.params == {"days": 60}


@pytest.mark.parametrize(
    "issues",
    [
        [],
        [issue("TEST-1", updated=datetime(2026, 7, 1, tzinfo=UTC))],
        [issue("TEST-1", updated=None, created=datetime(2026, 11, 26, tzinfo=UTC))],
    ],
)
def test_no_recent_update_is_idle(issues):
    """With no issue updated within the window, the project is not in use."""
    verdict = judge(*issues)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.activity.idle"
    assert verdict.evidence == ()


def test_idle_project_is_not_met_even_without_readable_boards():
    """An idle project is not met, whatever could be read of the boards."""
    verdict = judge(boards=None, boards_error="HTTP 403")

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.activity.idle"


@pytest.mark.parametrize("boards", [{}, {"TEST": []}, {"OTHER": [7]}])
def test_no_board_is_not_met(boards):
    """A project without a board is not met, though its issues are active."""
    verdict = judge(RECENT, boards=boards)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.activity.no_board"
    assert [n.key for n in verdict.notes] == ["reason.activity.recent"]


def test_unreadable_boards_are_unknown():
    """When Jira's boards could not be read, the check is unknown, with the error."""
    verdict = judge(RECENT, boards=None, boards_error="HTTP 403: no Jira Software")

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.activity.boards_unreadable"
    assert verdict.reason.params == {"error": "HTTP 403: no Jira Software"}


def test_configured_board_not_among_the_projects_boards_is_not_met():
    """A product file naming a board the project does not have is not met, listing the boards."""
    verdict = judge(RECENT, boards={"TEST": [3, 4], "OTHER": [7]})

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.activity.wrong_board"
    assert verdict.reason.params == {"board": 7, "boards": [3, 4]}


def test_any_board_will_do_when_none_is_configured():
    """A product file that names no board is met by any board of the project."""
    prod = product(jira={"project": "TEST"})

    verdict = judge(RECENT, prod=prod, boards={"TEST": [3]})

    assert verdict.state is State.MET


@pytest.mark.parametrize("boards", [None, {}, {"TEST": [3]}])
def test_board_not_required_is_met_without_boards(boards):
    """With `board: false` for the product, recent activity alone is met, boards or not."""
    snap = snapshot(results={QUERY: {"TEST": [RECENT]}}, boards=boards, boards_error="HTTP 403")
    prod = product(overrides={"os2-vaerktoejer": {"board": False}})

    result = judge_check(TOOLS, context(snap, prod))

    assert result.state is State.MET
    assert result.reason.key == "reason.activity.recent"
    assert [e.key for e in result.evidence] == [RECENT.key]


def test_unreadable_project_and_failed_query_are_unknown():
    """A project that cannot be read, or a failed search, gives no verdict."""
    unreadable = judge(RECENT, projects=set())
    failed = judge(failures={QUERY: "HTTP 500"})

    assert (unreadable.state, unreadable.reason.key) == (
        State.UNKNOWN,
        "reason.project_unreadable",
    )
    assert (failed.state, failed.reason.key) == (State.UNKNOWN, "reason.query_failed")
    assert failed.reason.params == {"error": "HTTP 500"}


def test_override_of_the_window_applies():
    """A product with a 10-day activity window is idle with its newest update 20 days old."""
    updated = issue("TEST-1", updated=datetime(2026, 11, 7, 10, tzinfo=UTC))
    prod = product(overrides={"os2-vaerktoejer": {"updated_within_days": 10}})
    evidence = EVIDENCE.model_copy(update={"updated_within_days": 10})
    snap = snapshot(results={activity.query(evidence): {"TEST": [updated]}}, boards={"TEST": [7]})

    result = judge_check(TOOLS, context(snap, prod))

    assert result.state is State.NOT_MET
    assert result.reason.params == {"days": 10}
