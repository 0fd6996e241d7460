# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The evidence kinds for a product on GitHub: conditions in GitHub's terms, met, not met and
unknown, from a hand-built snapshot."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from os2bot.config import ActivityEvidence, JqlEvidence, VersionsEvidence
from os2bot.domain import Evidence, Issue, Query, SelfAssessment, State, Version
from os2bot.rules import Needs, activity, jql, judge_check, self_assessment, versions
from os2bot.rules.qualification import missing_points

from builders import CATALOGUE, check, context, product, snapshot

REPO = "OS2borgerPC/os2borgerpc-produktforvaltning"
ON_GITHUB = product(jira=None, github={"repo": REPO})
MEETING = check("koordinationsgruppe").evidence
assert isinstance(MEETING, JqlEvidence)
GITHUB_QUERY = Query(labels=("koordinationsgruppemøde",), state="closed")


def gh_issue(number: int, **fields) -> Issue:
    """An issue of REPO as the GitHub adapter reads it."""
    return Issue(
        key=f"{REPO}#{number}",
        project=REPO,
        summary=fields.pop("summary", f"Issue {number}"),
        url=f"https://github.com/{REPO}/issues/{number}",
        source="github",
        **fields,
    )


def on_github(results: dict[Query, list[Issue]], **kwargs):
    """A snapshot in which REPO can be read, with *results* filed under it."""
    return snapshot(
        projects={REPO}, results={q: {REPO: issues} for q, issues in results.items()}, **kwargs
    )


def test_the_shipped_meeting_checks_state_their_github_condition():
    """The profile's meeting evidence names GitHub labels and 'closed' beside its JQL, so one
    profile serves products on Jira and on GitHub."""
    assert MEETING.github is not None
    assert MEETING.github.labels == ["koordinationsgruppemøde"]
    assert MEETING.github.state == "closed"
    assert jql.query(MEETING, ON_GITHUB) == GITHUB_QUERY
    assert jql.query(MEETING, product()) == Query(condition=MEETING.jql or "")


def test_a_closed_meeting_issue_within_the_window_is_met():
    """A meeting issue closed 20 days ago meets the coordination group's 90 days, and the
    evidence links the issue on GitHub."""
    held = gh_issue(12, resolved=datetime(2026, 11, 7, 10, tzinfo=UTC))

    verdict = jql.judge(MEETING, context(on_github({GITHUB_QUERY: [held]}), ON_GITHUB))

    assert verdict.state is State.MET
    assert verdict.reason.params["key"] == f"{REPO}#12"
    assert verdict.evidence == (
        Evidence(
            "github",
            f"{REPO}#12",
            "Issue 12",
            f"https://github.com/{REPO}/issues/12",
            datetime(2026, 11, 7, 10, tzinfo=UTC),
        ),
    )


def test_no_meeting_issue_is_not_met_naming_the_github_condition():
    """No matching issue is not met, and the reason quotes the condition in GitHub's terms."""
    verdict = jql.judge(MEETING, context(on_github({GITHUB_QUERY: []}), ON_GITHUB))

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.github.none"
    assert verdict.reason.params["jql"] == 'label:"koordinationsgruppemøde" is:closed'


def test_an_unreadable_repository_is_unknown():
    """A repository GitHub did not let the bot read makes the check unknown, saying so."""
    verdict = jql.judge(MEETING, context(snapshot(projects=set()), ON_GITHUB))

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.repo_unreadable"


def test_a_failed_read_on_github_does_not_spoil_jira_products():
    """A query GitHub refused is unknown for the GitHub product only; the Jira product that
    shares the query keeps its answer."""
    query = activity.query(ActivityEvidence(kind="activity", board=False))
    updated = Issue("TEST-1", "TEST", "x", "u", updated=datetime(2026, 11, 20, tzinfo=UTC))
    snap = snapshot(
        projects={"TEST", REPO},
        results={query: {"TEST": [updated]}},
        project_failures={(query, REPO): "HTTP 502"},
    )
    evidence = ActivityEvidence(kind="activity", board=False)

    assert activity.judge(evidence, context(snap, product())).state is State.MET
    failed = activity.judge(evidence, context(snap, ON_GITHUB))
    assert (failed.state, failed.reason.key) == (State.UNKNOWN, "reason.github_failed")


def test_evidence_written_for_jira_only_is_unknown_on_github():
    """A JQL-only piece of evidence cannot be judged for a GitHub product: unknown, with the
    way out (a github condition, or a replacement), never met."""
    jira_only = JqlEvidence(kind="jql", jql="labels = x")
    wanted = Needs()
    jql.needs(jira_only, ON_GITHUB, wanted)

    verdict = jql.judge(jira_only, context(on_github({}), ON_GITHUB))

    assert wanted.queries == {}
    assert (verdict.state, verdict.reason.key) == (State.UNKNOWN, "reason.jql.no_github")


def test_evidence_written_for_github_only_is_unknown_on_jira():
    """The other way round: a GitHub-only condition leaves a Jira product unknown."""
    github_only = JqlEvidence(kind="jql", github={"labels": ["x"]})

    verdict = jql.judge(github_only, context(snapshot(), product()))

    assert (verdict.state, verdict.reason.key) == (State.UNKNOWN, "reason.jql.no_jql")


@pytest.mark.parametrize(
    "github",
    [{"labels": []}, {"labels": ["x" * 51]}, {"labels": ["x"], "state": "done"}],
)
def test_github_conditions_keep_githubs_limits(github):
    """No labels, a label longer than GitHub's 50 characters, or a state GitHub does not
    know, are configuration errors."""
    with pytest.raises(ValidationError):
        JqlEvidence(kind="jql", github=github)


def test_evidence_with_no_condition_at_all_is_refused():
    """A tracker query must state a condition for some tracker."""
    with pytest.raises(ValidationError, match="give `jql`"):
        JqlEvidence(kind="jql")


def test_activity_on_github_needs_no_board():
    """A repository updated lately is in use; GitHub has no boards to ask for, and none is."""
    evidence = check("os2-vaerktoejer").evidence
    assert isinstance(evidence, ActivityEvidence)
    query = activity.query(evidence)
    wanted = Needs()
    activity.needs(evidence, ON_GITHUB, wanted)
    recent = gh_issue(3, updated=datetime(2026, 11, 20, tzinfo=UTC))

    verdict = activity.judge(evidence, context(on_github({query: [recent]}), ON_GITHUB))

    assert wanted.boards is False
    assert verdict.state is State.MET
    assert [n.key for n in verdict.notes] == ["reason.activity.github"]


def test_idle_repository_is_not_met():
    """No issue or pull request updated by people in the window is not met."""
    evidence = check("os2-vaerktoejer").evidence
    query = activity.query(evidence)  # type: ignore[arg-type]

    verdict = activity.judge(evidence, context(on_github({query: []}), ON_GITHUB))  # type: ignore[arg-type]

    assert verdict.state is State.NOT_MET


def test_milestones_overdue_on_github_are_not_met_and_a_recent_release_is_met():
    """Milestones and releases are versions: an open milestone past its due date is overdue;
    a release published 30 days ago is a release within the year."""
    evidence = VersionsEvidence(kind="versions", released_within_days=365)
    late = [Version("Efterår 2026", released=False, release_date=date(2026, 11, 1))]
    released = [Version("v5.1.0", released=True, release_date=date(2026, 10, 28))]

    overdue = versions.judge(
        evidence, context(snapshot(projects={REPO}, versions={REPO: late}), ON_GITHUB)
    )
    fine = versions.judge(
        evidence, context(snapshot(projects={REPO}, versions={REPO: released}), ON_GITHUB)
    )

    assert (overdue.state, overdue.reason.key) == (State.NOT_MET, "reason.versions.overdue")
    assert (fine.state, fine.reason.params["version"]) == (State.MET, "v5.1.0")


def test_versions_of_an_unreadable_repository_are_unknown():
    """Milestones GitHub refused to list are unknown, in GitHub's words."""
    snap = snapshot(projects={REPO}, versions_failures={REPO: "HTTP 403"})

    verdict = versions.judge(VersionsEvidence(kind="versions"), context(snap, ON_GITHUB))

    assert (verdict.state, verdict.reason.key) == (State.UNKNOWN, "reason.github_failed")


SOURCE = {"repo": REPO, "path": "dokumenter/*selvevaluering*.json"}


def test_a_self_assessment_in_a_repository_is_asked_for_by_folder_and_pattern():
    """Collect is asked for the file or pattern, and for the folder's listing (which finds a
    pattern's files and links an exact file)."""
    wanted = Needs()
    evidence = check("governancekrav").evidence

    self_assessment.needs(evidence, product(self_assessment=SOURCE), wanted)  # type: ignore[arg-type]
    self_assessment.needs(
        evidence,  # type: ignore[arg-type]
        product(key="exact", github={"repo": REPO}, self_assessment={"path": "a/b.json"}),
        wanted,
    )

    assert wanted.repo_assessments == {
        "os2test": (REPO, SOURCE["path"]),
        "exact": (REPO, "a/b.json"),
    }
    assert wanted.folders == {(REPO, "dokumenter"), (REPO, "a")}


def test_an_unreadable_self_assessment_in_a_repository_is_unknown_naming_the_file():
    """A malformed file is unknown — never met — and the reason names where it was read."""
    prod = product(self_assessment=SOURCE)
    snap = snapshot(assessments={"os2test": f"{REPO}:dokumenter/x.json: the field krav is missing"})

    result = judge_check(check("governancekrav"), context(snap, prod))

    assert result.state is State.UNKNOWN
    assert result.reason.key == "reason.assessment.unreadable"
    assert result.reason.params["file"] == f"{REPO}:dokumenter/*selvevaluering*.json"
    assert "dokumenter/x.json" in result.reason.params["error"]


def test_a_self_assessment_read_from_a_repository_links_the_file():
    """The verdict's evidence is the file it was read from, on GitHub."""
    prod = product(self_assessment=SOURCE, level="1")
    ref = Evidence(
        "git", f"{REPO}:dokumenter/a.json", "a.json", "https://github.com/x", date(2026, 6, 24)
    )
    fresh = SelfAssessment("OS2test", date(2026, 10, 1), {})
    snap = snapshot(assessments={"os2test": fresh}, assessment_refs={"os2test": ref})

    verdict = self_assessment.judge(check("governancekrav").evidence, context(snap, prod))  # type: ignore[arg-type]

    assert verdict.evidence == (ref,)
    assert CATALOGUE is not None


FORM = """### Background

As a caseworker I want to see the citizen's documents so that I can answer at once.

### Acceptance Criteria

- The documents are listed newest first.

### Notes

_No response_
"""
HEADINGS = {
    "user_story": ["Background"],
    "acceptance": ["Acceptance Criteria"],
    "documentation": ["Notes", "Documentation"],
}


def test_readiness_points_are_read_from_an_issue_forms_headings():
    """Points named by headings count when their section holds an answer; "_No response_"
    under Notes leaves point 5 missing."""
    request = gh_issue(5, summary="Vis borgerens dokumenter", description=FORM)

    assert missing_points(request, HEADINGS) == ["documentation"]


def test_without_headings_the_points_are_read_from_the_text_as_on_jira():
    """No mapping: the same body is judged by its words (it has no "krav til dokumentation")."""
    request = gh_issue(5, summary="Vis borgerens dokumenter", description=FORM)

    assert missing_points(request) == ["documentation"]
    assert missing_points(request, {"acceptance": ["Risks"]}) == ["acceptance", "documentation"]
