# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Tracker-query evidence (a JQL fragment on Jira): enough matching issues, the newest recent."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from os2bot.config.jql import JqlFragment
from os2bot.domain import Query, State
from os2bot.rules.base import (
    Context,
    EvidenceModel,
    Needs,
    Verdict,
    refs,
    unreadable,
    verdict,
)

if TYPE_CHECKING:
    from os2bot.config import Group, Product

DateField = Literal["created", "updated", "resolved", "duedate"]
GroupName = Literal["steering_group", "coordination_group"]
# Whose word the window is, as a reason names it (an OS2 term in the text table).
WindowBasis = Literal["window_override", "window_cadence", "window_profile"]


class JqlEvidence(EvidenceModel):
    """Issues in the product's Jira project that match a JQL fragment."""

    kind: Literal["jql"] = Field(description="Evidence kind.")
    jql: JqlFragment = Field(
        min_length=1,
        description="JQL fragment; the bot adds `project in (...)` and runs it once for all "
        "products.",
    )
    date_field: DateField = Field(
        default="resolved", description="Date that `within_days` is measured on."
    )
    within_days: int | None = Field(
        default=None, ge=1, description="The newest matching issue must be this recent."
    )
    min_count: int = Field(default=1, ge=1, description="At least this many issues must match.")
    cadence_of: GroupName | None = Field(
        default=None,
        description="The product's group whose declared meeting cadence (cadence_days) is the "
        "window instead of within_days, when it declares one.",
    )

    # Whose cadence sets the window says what the evidence is: a product replaces the evidence
    # to change it.
    identity: ClassVar[tuple[str, ...]] = ("cadence_of",)


MODEL = JqlEvidence


def window(evidence: JqlEvidence, ctx: Context) -> tuple[int | None, WindowBasis]:
    """How recent the newest issue must be, and whose word that is.

    The product file's own window for the check comes first, then the group's declared meeting
    cadence, then the profile's default. The second value names which (a term for the reason).
    """
    if "within_days" in evidence.overridden:
        return evidence.within_days, "window_override"
    if evidence.cadence_of is not None:
        group: Group | None = getattr(ctx.product, evidence.cadence_of)
        if group is not None and group.cadence_days is not None:
            return group.cadence_days, "window_cadence"
    return evidence.within_days, "window_profile"


def query(evidence: JqlEvidence) -> Query:
    """The query that gathers this evidence (the project clause is added by collect).

    Dated by `updated`, the evidence is what people did: the bot's own writes move Jira's
    `updated` too, so the query asks for people's changes only.
    """
    return Query(condition=evidence.jql, people_only=evidence.date_field == "updated")


def needs(evidence: JqlEvidence, product: Product, wanted: Needs) -> None:
    """The query, in the product's project."""
    wanted.query(query(evidence), product.jira.project)


def judge(evidence: JqlEvidence, ctx: Context) -> Verdict:
    """Met when at least min_count issues match and the newest is within the window."""
    snapshot, project = ctx.snapshot, ctx.project
    found = query(evidence)
    if (cannot := unreadable(ctx, found)) is not None:
        return cannot
    issues = snapshot.issues(found, project)
    if not issues:
        return verdict(State.NOT_MET, "reason.jql.none", jql=evidence.jql)
    if len(issues) < evidence.min_count:
        return verdict(
            State.NOT_MET,
            "reason.jql.too_few",
            refs(issues, evidence.date_field),
            count=len(issues),
            min_count=evidence.min_count,
        )
    dated = [
        (day, issue)
        for issue in issues
        if (day := ctx.local_date(issue.date_of(evidence.date_field))) is not None
    ]
    within_days, basis = window(evidence, ctx)
    if not dated and within_days is None:
        # No window: the matching issues are the evidence, whether or not they carry a date
        # (a signed agreement filed as an issue that is still open, say).
        newest = max(issues, key=lambda issue: issue.order)
        return verdict(
            State.MET,
            "reason.jql.found",
            refs([newest], evidence.date_field),
            key=newest.key,
            summary=newest.summary,
            count=len(issues),
        )
    if not dated:
        return verdict(
            State.NOT_MET,
            "reason.jql.no_date",
            refs(issues, evidence.date_field),
            field=evidence.date_field,
        )
    # The newest by date; on the same day the higher issue number, which Jira gave later.
    newest_date, newest = max(dated, key=lambda pair: (pair[0], pair[1].order))
    days = ctx.days_ago(newest_date)
    params = {
        "key": newest.key,
        "summary": newest.summary,
        "date": newest_date.isoformat(),
        "days": days,
    }
    if within_days is not None and days > within_days:
        return verdict(
            State.NOT_MET,
            "reason.jql.too_old",
            refs([newest], evidence.date_field),
            window=within_days,
            basis=basis,
            **params,
        )
    if within_days is not None:
        return verdict(
            State.MET,
            "reason.jql.met_window",
            refs([newest], evidence.date_field),
            count=len(issues),
            window=within_days,
            basis=basis,
            **params,
        )
    return verdict(
        State.MET,
        "reason.jql.met",
        refs([newest], evidence.date_field),
        count=len(issues),
        **params,
    )
