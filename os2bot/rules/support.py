# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Support evidence: the joint support agreement in force, and its SLA kept, from Jira.

Facts:

- `agreement`: the product file declares a support agreement (`support.agreement`) that has
  started and not expired, and Jira holds its trace (an issue labelled `supportaftale` by
  default), as the other agreements are traced.
- `sla`: of the support issues created in the window (90 days), the share whose first
  response and resolution both came within the term of their priority, counted in support
  hours — at least the threshold (90 %). Issues still within their time do not count yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from os2bot.domain import Evidence, Msg, State
from os2bot.rules import jql
from os2bot.rules.base import Context, EvidenceModel, Needs, Verdict, verdict
from os2bot.rules.declared import backed
from os2bot.support import SlaSummary, summarise_sla

if TYPE_CHECKING:
    from os2bot.config import Product

SupportFact = Literal["agreement", "sla"]
# The reasons that say the support agreement has ended (the secretariat's task covers them).
EXPIRED_REASONS = ("reason.support.expired", "reason.sla.agreement_expired")


class SupportEvidence(EvidenceModel):
    """Joint support as the product file declares it and Jira shows it."""

    kind: Literal["support"] = Field(description="Evidence kind.")
    fact: SupportFact = Field(
        description="agreement (in force and traced in Jira) or sla (kept in the window)."
    )
    threshold: float = Field(
        default=0.9, gt=0, le=1, description="For sla: the share of issues that must keep it."
    )
    window_days: int = Field(
        default=90, ge=1, description="For sla: support issues created in this many days."
    )
    trace: jql.JqlEvidence | None = Field(
        default=None, description="For agreement: the Jira issues that should back it."
    )

    identity: ClassVar[tuple[str, ...]] = ("fact", "trace")


MODEL = SupportEvidence


def needs(evidence: SupportEvidence, product: Product, wanted: Needs) -> None:
    """The trace's query; support issues and worklogs are read by the support collector."""
    if evidence.trace is not None:
        jql.needs(evidence.trace, product, wanted)


def judge(evidence: SupportEvidence, ctx: Context) -> Verdict:
    """The support agreement in force, or the SLA kept."""
    support = ctx.product.support
    if support is None:
        return verdict(State.NOT_MET, "reason.support.none")
    agreement = support.agreement
    if evidence.fact == "agreement":
        return _agreement(evidence, ctx)
    if agreement.expired(ctx.today):
        # An SLA under an agreement that has ended binds no one.
        return verdict(
            State.NOT_MET, "reason.sla.agreement_expired", expires=agreement.expires.isoformat()
        )
    if not support.sla:
        return verdict(State.NOT_MET, "reason.sla.no_terms")
    if ctx.project not in ctx.snapshot.projects:
        return verdict(State.UNKNOWN, "reason.project_unreadable", project=ctx.project)
    facts = ctx.snapshot.support.get(ctx.product.key)
    if facts is None or facts.error is not None:
        error = facts.error if facts is not None else "-"
        return verdict(State.UNKNOWN, "reason.sla.unread", error=error)
    issues = [
        i
        for i in facts.issues
        if (ctx.today - i.created.astimezone(ctx.tz).date()).days < evidence.window_days
    ]
    summary = summarise_sla(issues, support.terms(), support.day, ctx.tz, ctx.snapshot.taken_at)
    return _sla_verdict(evidence, summary)


def _sla_verdict(evidence: SupportEvidence, summary: SlaSummary) -> Verdict:
    share = summary.share
    days = evidence.window_days
    threshold = round(evidence.threshold * 100)
    if share is None:
        return verdict(State.MET, "reason.sla.no_issues", days=days)
    breaches = tuple(
        Evidence(
            source="jira",
            key=j.issue.key,
            title=j.issue.summary,
            url=j.issue.url,
            date=j.issue.created,
        )
        for j in summary.breaches
    )
    params = {
        "kept": summary.kept,
        "count": summary.decided,
        "share": round(share * 100),
        "threshold": threshold,
        "days": days,
        "breaches": [j.issue.key for j in summary.breaches],
    }
    if share >= evidence.threshold:
        return Verdict(State.MET, Msg("reason.sla.kept", params), breaches)
    return Verdict(State.NOT_MET, Msg("reason.sla.not_kept", params), breaches)


def _agreement(evidence: SupportEvidence, ctx: Context) -> Verdict:
    support = ctx.product.support
    assert support is not None  # noqa: S101 - judge checked it
    agreement = support.agreement
    if agreement.expired(ctx.today):
        return verdict(
            State.NOT_MET, "reason.support.expired", expires=agreement.expires.isoformat()
        )
    if agreement.start > ctx.today:
        return verdict(
            State.NOT_MET, "reason.support.not_started", start=agreement.start.isoformat()
        )
    declared = verdict(
        State.MET,
        "reason.support.in_force",
        supplier=agreement.supplier,
        expires=agreement.expires.isoformat(),
    )
    if evidence.trace is None:
        return declared
    return backed(declared, evidence.trace, ctx, "reason.support.no_trace")
