# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Activity evidence: the project is in use — issues updated lately by people, and a board.

On GitHub, issues and pull requests count, and a repository needs no board: its issue list
is the backlog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from os2bot.domain import Msg, Query, Sample, State
from os2bot.rules.base import (
    SPARE_DAYS,
    Context,
    EvidenceModel,
    Needs,
    Verdict,
    refs,
    unreadable,
    verdict,
)

if TYPE_CHECKING:
    from os2bot.config import Product


class ActivityEvidence(EvidenceModel):
    """The tracker is in use: issues updated lately, and (on Jira) a board exists."""

    kind: Literal["activity"] = Field(description="Evidence kind.")
    updated_within_days: int = Field(
        default=60, ge=1, description="Some issue must have been updated this recently."
    )
    board: bool = Field(
        default=True, description="The Jira project must have an agile board (not on GitHub)."
    )


MODEL = ActivityEvidence


def query(evidence: ActivityEvidence) -> Query:
    """Issues people updated in the window, with days to spare.

    The rule counts calendar days in the configured timezone; a tracker may count 24-hour
    periods back from now (Jira's -Nd), so `SPARE_DAYS` cover a late-evening run across a
    DST change. Only what people did counts: the bot's own tasks are left out, and each
    issue is dated by the newest change someone other than the bot made (a triage comment
    must not make a project look active).
    """
    return Query(
        updated_within_days=evidence.updated_within_days + SPARE_DAYS,
        people_only=True,
        fields=("updated",),
    )


def sample(evidence: ActivityEvidence) -> Sample:
    """Only the newest change people made in the window: one is activity; none is none."""
    return Sample(
        date_field="updated",
        within_days=evidence.updated_within_days + SPARE_DAYS,
        at_least=1,
        recent_only=True,
    )


def needs(evidence: ActivityEvidence, product: Product, wanted: Needs) -> None:
    """The project's newest change by people and, if a board is asked for, the boards."""
    wanted.query(query(evidence), product.project, sample(evidence))
    wanted.boards = wanted.boards or (evidence.board and product.tracker == "jira")


def judge(evidence: ActivityEvidence, ctx: Context) -> Verdict:
    """Met when some issue was updated within the window and, if asked, a board exists."""
    snapshot, project = ctx.snapshot, ctx.project
    found = query(evidence)
    if (cannot := unreadable(ctx, found)) is not None:
        return cannot
    recent = [
        (day, issue)
        for issue in snapshot.issues(found, project)
        if (day := ctx.local_date(issue.updated)) is not None
        and ctx.days_ago(day) <= evidence.updated_within_days
    ]
    if not recent:
        return verdict(State.NOT_MET, "reason.activity.idle", days=evidence.updated_within_days)
    day, newest = max(recent, key=lambda pair: (pair[0], pair[1].order))
    activity = Msg(
        "reason.activity.recent",
        {
            "key": newest.key,
            "date": day.isoformat(),
            "days": evidence.updated_within_days,
        },
    )
    if ctx.on_github:
        return Verdict(State.MET, activity, refs([newest]), (Msg("reason.activity.github", {}),))
    if not evidence.board:
        return Verdict(State.MET, activity, refs([newest]))
    if snapshot.boards is None:
        return Verdict(
            State.UNKNOWN,
            Msg("reason.activity.boards_unreadable", {"error": snapshot.boards_error or "-"}),
            notes=(activity,),
        )
    boards = snapshot.boards.get(project, [])
    wanted = ctx.product.jira.board if ctx.product.jira is not None else None
    if not boards:
        return Verdict(State.NOT_MET, Msg("reason.activity.no_board", {}), notes=(activity,))
    if wanted is not None and wanted not in boards:
        return Verdict(
            State.NOT_MET,
            Msg("reason.activity.wrong_board", {"board": wanted, "boards": boards}),
            notes=(activity,),
        )
    return Verdict(
        State.MET, activity, refs([newest]), (Msg("reason.activity.board", {"boards": boards}),)
    )
