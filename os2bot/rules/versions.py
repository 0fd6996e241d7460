# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Versions evidence: releases — none overdue, one lately.

On Jira the project's versions; on GitHub the repository's milestones (due_on, open or
closed) and its published releases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from os2bot.domain import State
from os2bot.rules.base import Context, EvidenceModel, Needs, Verdict, verdict

if TYPE_CHECKING:
    from os2bot.config import Product


class VersionsEvidence(EvidenceModel):
    """Release management seen in Jira versions, or GitHub milestones and releases."""

    kind: Literal["versions"] = Field(description="Evidence kind.")
    released_within_days: int | None = Field(
        default=None, ge=1, description="Some version must have been released this recently."
    )
    no_overdue: bool = Field(
        default=True, description="No unreleased version may be past its release date."
    )


MODEL = VersionsEvidence


def needs(_evidence: VersionsEvidence, product: Product, wanted: Needs) -> None:
    """The versions of the product's project."""
    wanted.versions.add(product.project)


def judge(evidence: VersionsEvidence, ctx: Context) -> Verdict:
    """Met when no unreleased version is past its date and one was released in the window."""
    snapshot, project = ctx.snapshot, ctx.project
    if project not in snapshot.projects:
        key = "reason.repo_unreadable" if ctx.on_github else "reason.project_unreadable"
        return verdict(State.UNKNOWN, key, project=project)
    if project in snapshot.versions_failures:
        key = "reason.github_failed" if ctx.on_github else "reason.query_failed"
        return verdict(State.UNKNOWN, key, error=snapshot.versions_failures[project])
    versions = [v for v in snapshot.versions.get(project, []) if not v.archived]
    overdue = sorted(
        v.name
        for v in versions
        if not v.released and v.release_date is not None and v.release_date < ctx.today
    )
    if evidence.no_overdue and overdue:
        return verdict(State.NOT_MET, "reason.versions.overdue", versions=", ".join(overdue))
    released = [v for v in versions if v.released and v.release_date is not None]
    newest = max(released, key=lambda v: (v.release_date, v.name), default=None)
    if evidence.released_within_days is not None:
        if newest is None or newest.release_date is None:
            return verdict(State.NOT_MET, "reason.versions.none_released")
        days = ctx.days_ago(newest.release_date)
        if days > evidence.released_within_days:
            return verdict(
                State.NOT_MET,
                "reason.versions.too_old",
                version=newest.name,
                date=newest.release_date.isoformat(),
                days=days,
                window=evidence.released_within_days,
            )
    if newest is None or newest.release_date is None:
        return verdict(State.MET, "reason.versions.ok_none", count=len(versions))
    return verdict(
        State.MET,
        "reason.versions.ok",
        version=newest.name,
        date=newest.release_date.isoformat(),
        count=len(versions),
    )
