# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Versions evidence: no version past its release date, one released lately."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from os2bot.config import VersionsEvidence, terms
from os2bot.domain import Query, State, Version
from os2bot.rules import judge_check, versions

from builders import check, context, issue, product, snapshot

RELEASE = check("drift-release")
# The signed agreement filed in Jira, which the release item's declaration rests on.
AGREEMENT_QUERY = Query(condition="labels = tilslutningsaftale")
AGREEMENT = issue("TEST-1", summary="Tilslutningsaftale", resolved=datetime(2025, 1, 2, tzinfo=UTC))
EVIDENCE = next(e for e in RELEASE.evidences if isinstance(e, VersionsEvidence))
# NOW is 27 November 2026 in Copenhagen; releases count within 365 days.
RELEASED = Version("2.3", released=True, release_date=date(2026, 9, 1))
ITEMS = list(terms.MINIMUM_FUNDING)


def joint_operations(funded: tuple[str, ...] = ("release",)):
    """A product whose agreement has joint operations and funds *funded* on top of the six."""
    return product(
        agreement={
            "signed": "2025-01-01",
            "extensions": ["faelles_drift"],
            "funded_items": [*ITEMS, *funded],
        }
    )


def judge(
    *found: Version, evidence: VersionsEvidence = EVIDENCE, now: datetime | None = None, **kwargs
):
    """The verdict on *found* as TEST's versions."""
    kwargs.setdefault("versions", {"TEST": list(found)})
    snap = snapshot(now=now, **kwargs) if now else snapshot(**kwargs)
    return versions.judge(evidence, context(snap))


def test_shipped_release_check_wants_a_yearly_release_and_none_overdue():
    """Release management means no overdue version and a release within 365 days."""
    assert EVIDENCE.no_overdue is True
    assert EVIDENCE.released_within_days == 365


def test_recent_release_and_nothing_overdue_is_met():
    """A version released in September with nothing overdue is met, naming the release."""
    planned = Version("2.4", released=False, release_date=date(2026, 12, 15))

    verdict = judge(RELEASED, planned)

    assert verdict.state is State.MET
    assert verdict.reason.key == "reason.versions.ok"
    assert verdict.reason.params == {"version": "2.3", "date": "2026-09-01", "count": 2}


def test_overdue_unreleased_versions_are_named():
    """Unreleased versions past their release date fail the check, each named."""
    late = Version("2.4", released=False, release_date=date(2026, 10, 1))
    later = Version("2.10", released=False, release_date=date(2026, 11, 26))

    verdict = judge(RELEASED, late, later)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.versions.overdue"
    assert set(verdict.reason.params["versions"].split(", ")) == {"2.4", "2.10"}


def test_version_due_today_is_not_yet_overdue():
    """A version planned for today is not overdue until tomorrow."""
    verdict = judge(RELEASED, Version("2.4", released=False, release_date=date(2026, 11, 27)))

    assert verdict.state is State.MET


def test_due_date_is_today_in_copenhagen_not_in_utc():
    """Just after midnight in Copenhagen (still the day before in UTC), yesterday's version is
    overdue."""
    late = Version("2.4", released=False, release_date=date(2026, 11, 26))
    just_after_midnight = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)

    verdict = judge(RELEASED, late, now=just_after_midnight)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.params["versions"] == "2.4"


def test_archived_overdue_version_is_ignored():
    """An archived version never released does not count as overdue."""
    archived = Version("1.9", released=False, archived=True, release_date=date(2025, 3, 1))

    verdict = judge(RELEASED, archived)

    assert verdict.state is State.MET
    assert verdict.reason.params["count"] == 1


def test_unreleased_version_without_a_date_is_not_overdue():
    """A planned version with no release date is never overdue."""
    verdict = judge(RELEASED, Version("3.0", released=False, release_date=None))

    assert verdict.state is State.MET


def test_overdue_versions_are_allowed_when_the_product_says_so():
    """With no_overdue off, an overdue version no longer fails the check."""
    late = Version("2.4", released=False, release_date=date(2026, 10, 1))

    verdict = judge(RELEASED, late, evidence=EVIDENCE.model_copy(update={"no_overdue": False}))

    assert verdict.state is State.MET


@pytest.mark.parametrize(
    ("released_on", "state"),
    [
        (date(2025, 11, 27), State.MET),  # exactly 365 days ago
        (date(2025, 11, 26), State.NOT_MET),  # 366 days ago
    ],
)
def test_release_window_boundary(released_on, state):
    """A release exactly 365 days ago is recent enough; one a day older is not."""
    verdict = judge(Version("2.0", released=True, release_date=released_on))

    assert verdict.state is state
    if state is State.NOT_MET:
        assert verdict.reason.key == "reason.versions.too_old"
        assert verdict.reason.params == {
            "version": "2.0",
            "date": "2025-11-26",
            "days": 366,
            "window": 365,
        }


def test_newest_release_decides_the_window():
    """An old release does not matter when a newer one is within the window."""
    old = Version("1.0", released=True, release_date=date(2023, 5, 1))

    verdict = judge(old, RELEASED)

    assert verdict.state is State.MET
    assert verdict.reason.params["version"] == "2.3"


@pytest.mark.parametrize(
    "found",
    [
        [],
        [Version("2.4", released=False, release_date=date(2026, 12, 1))],
        [Version("2.3", released=True, release_date=None)],
        [Version("2.3", released=True, archived=True, release_date=date(2026, 9, 1))],
    ],
)
def test_no_dated_release_is_not_met(found):
    """Without any (unarchived, dated) released version, no release is shown: not met."""
    verdict = judge(*found)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.versions.none_released"


def test_without_a_release_window_no_release_is_needed():
    """Evidence with only no_overdue is met by a project with no release yet."""
    evidence = EVIDENCE.model_copy(update={"released_within_days": None})

    verdict = judge(Version("1.0", released=False), evidence=evidence)

    assert verdict.state is State.MET
    assert verdict.reason.key == "reason.versions.ok_none"
    assert verdict.reason.params == {"count": 1}


def test_versions_that_could_not_be_read_are_unknown():
    """When Jira's versions of the project could not be read, the check is unknown."""
    verdict = judge(versions={}, versions_failures={"TEST": "HTTP 403"})

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.query_failed"
    assert verdict.reason.params == {"error": "HTTP 403"}


def test_unreadable_project_is_unknown():
    """A project that cannot be read gives no verdict on its versions."""
    verdict = judge(RELEASED, projects=set())

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.project_unreadable"


@pytest.mark.parametrize(
    ("found", "funded", "state", "key"),
    [
        ([RELEASED], ("release",), State.MET, "reason.declared.funded"),
        ([RELEASED], (), State.NOT_MET, "reason.declared.not_funded"),
        (
            [RELEASED, Version("2.4", released=False, release_date=date(2026, 10, 1))],
            ("release",),
            State.NOT_MET,
            "reason.versions.overdue",
        ),
        ([], ("release",), State.NOT_MET, "reason.versions.none_released"),
    ],
)
def test_release_check_needs_funding_and_releases(found, funded, state, key):
    """Release management is met only when the agreement funds it (the signed agreement filed
    in Jira) and Jira shows releases."""
    snap = snapshot(versions={"TEST": found}, results={AGREEMENT_QUERY: {"TEST": [AGREEMENT]}})

    result = judge_check(RELEASE, context(snap, joint_operations(funded)))

    assert result.state is state
    assert result.reason.key == key


def test_release_check_with_unreadable_versions_is_unknown():
    """A funded release check whose versions cannot be read is unknown, not met."""
    snap = snapshot(
        versions_failures={"TEST": "HTTP 500"}, results={AGREEMENT_QUERY: {"TEST": [AGREEMENT]}}
    )

    result = judge_check(RELEASE, context(snap, joint_operations()))

    assert result.state is State.UNKNOWN
    assert [n.key for n in result.notes] == ["reason.declared.funded", "reason.jql.met"]
