# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Git evidence: governance kept as dated files in a repository folder."""

from __future__ import annotations

from datetime import date

import pytest

from os2bot.config import GitEvidence
from os2bot.domain import RepoFile, State
from os2bot.rules import NEEDS, Needs, git, judge_check

from builders import check, context, product, snapshot

REPO = "OS2borgerPC/os2borgerpc-produktforvaltning"
KG = "dagsordner-og-referater/koordinationsgruppe"
MINUTES = GitEvidence(kind="git", path=KG, within_days=90)
ON_GITHUB = product(jira=None, github={"repo": REPO})


def files(*names: str, folder: str = KG, repo: str = REPO) -> list[RepoFile]:
    """Files of *folder* as the repository lists them."""
    return [
        RepoFile(
            repo=repo, path=f"{folder}/{name}", url=f"https://github.com/{repo}/blob/main/{name}"
        )
        for name in names
    ]


def judge(*names: str, evidence: GitEvidence = MINUTES, prod=ON_GITHUB, **kwargs):
    """The verdict on a folder holding *names* (today is 2026-11-27)."""
    snap = snapshot(folders={(REPO, evidence.path): files(*names)}, **kwargs)
    return git.judge(evidence, context(snap, prod))


def test_the_newest_minutes_within_the_window_are_met():
    """A minutes file dated 25 days ago in its name meets "within 90 days", and the evidence
    links the file where it lives."""
    verdict = judge("20260601_referat.md", "20261102_referat.md", "skabelon.md")

    assert verdict.state is State.MET
    assert verdict.reason.key == "reason.git.met"
    assert verdict.reason.params["name"] == "20261102_referat.md"
    assert verdict.reason.params["days"] == 25
    assert verdict.reason.params["count"] == 2
    (ref,) = verdict.evidence
    assert (ref.source, ref.date, ref.url) == (
        "git",
        date(2026, 11, 2),
        f"https://github.com/{REPO}/blob/main/20261102_referat.md",
    )


def test_minutes_older_than_the_window_are_not_met():
    """The newest minutes 120 days ago do not meet a 90-day window; the verdict names them."""
    verdict = judge("20260730_referat.md")

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.git.too_old"
    assert verdict.reason.params["days"] == 120


@pytest.mark.parametrize(
    "names",
    [
        (),
        ("skabelon.md", "README.md"),  # no date in the name
        ("20261207_dagsorden.md",),  # an agenda for a meeting still to come
        ("20261345_referat.md",),  # no such day
    ],
)
def test_no_dated_file_up_to_today_is_not_met(names):
    """Templates, undated files, agendas dated in the future and impossible dates are no
    evidence of a meeting held."""
    verdict = judge(*names)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.git.none"


def test_a_decision_log_dated_with_hyphens_counts_the_same():
    """beslutninger/YYYY-MM-DD-*.md is read like YYYYMMDD_*.md."""
    log = GitEvidence(kind="git", path="beslutninger", within_days=60)
    snap = snapshot(
        folders={(REPO, "beslutninger"): files("2026-11-20-budget.md", folder="beslutninger")}
    )

    verdict = git.judge(log, context(snap, ON_GITHUB))

    assert verdict.state is State.MET
    assert verdict.reason.params["date"] == "2026-11-20"


def test_contains_keeps_only_matching_file_names():
    """With contains: referat, an agenda is not taken for minutes (and case does not matter)."""
    evidence = MINUTES.model_copy(update={"contains": "referat"})

    assert judge("20261102_dagsorden.md", evidence=evidence).state is State.NOT_MET
    assert judge("20261102_REFERAT.md", evidence=evidence).state is State.MET


def test_too_few_dated_files_are_not_met():
    """min_count: two dated files are too few when three are asked for."""
    evidence = MINUTES.model_copy(update={"min_count": 3})

    verdict = judge("20261001_referat.md", "20261102_referat.md", evidence=evidence)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.git.too_few"
    assert [ref.title for ref in verdict.evidence] == ["20261102_referat.md", "20261001_referat.md"]


def test_an_unreadable_folder_is_unknown_naming_it():
    """A folder the repository API refused is unknown — never met — and the reason names it."""
    snap = snapshot(folder_failures={(REPO, KG): "404 Not Found"})

    verdict = git.judge(MINUTES, context(snap, ON_GITHUB))

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.git.unreadable"
    assert verdict.reason.params == {"repo": REPO, "path": KG, "error": "404 Not Found"}


def test_a_folder_collect_did_not_read_is_unknown():
    """Nothing read for the folder at all is unknown, not 'none found'."""
    verdict = git.judge(MINUTES, context(snapshot(), ON_GITHUB))

    assert verdict.state is State.UNKNOWN


def test_a_jira_product_without_a_repository_is_unknown():
    """A Jira product whose git evidence names no repo, and which has none, cannot be read."""
    verdict = git.judge(MINUTES, context(snapshot(), product()))

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.git.no_repo"


def test_a_jira_product_takes_its_meetings_from_git():
    """A Jira product replaces its coordination group's JQL evidence with minutes in Git: the
    check is judged by the folder, and collect is asked for the folder, not the JQL."""
    elsewhere = "OS2valghalla/governance"
    prod = product(
        evidence={
            "koordinationsgruppe": [
                {"kind": "git", "repo": elsewhere, "path": "referater", "within_days": 45},
                {"kind": "declared", "fact": "coordination_group"},
            ]
        }
    )
    wanted = Needs()
    for evidence in prod.evidence_for(check("koordinationsgruppe")):
        NEEDS[evidence.kind](evidence, prod, wanted)
    snap = snapshot(
        folders={
            (elsewhere, "referater"): files(
                "20261110_referat.md", folder="referater", repo=elsewhere
            )
        }
    )

    result = judge_check(check("koordinationsgruppe"), context(snap, prod))

    assert wanted.folders == {(elsewhere, "referater")}
    assert wanted.queries == {}
    assert result.state is State.MET
    assert result.evidence[0].source == "git"


def test_needs_asks_for_the_folder_of_the_products_repository():
    """Without its own repo, the evidence reads the product's github.repo."""
    wanted = Needs()

    git.needs(MINUTES, ON_GITHUB, wanted)

    assert wanted.folders == {(REPO, KG)}


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("20261102_referat.md", date(2026, 11, 2)),
        ("2026-11-02-budget.md", date(2026, 11, 2)),
        ("20261102.md", date(2026, 11, 2)),
        ("2026-1102_x.md", None),  # one hyphen is neither form
        ("202611021_x.md", None),  # a ninth digit is no date
        ("x_20261102.md", None),  # the date must come first
    ],
)
def test_file_dates_are_read_from_the_start_of_the_name(name, day):
    """YYYYMMDD and YYYY-MM-DD at the start of a name, followed by _, -, . or the end."""
    assert git.file_date(name) == day
