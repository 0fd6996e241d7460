# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Tracker-query evidence: enough matching issues, the newest recent.

One piece of evidence states its condition for each tracker: a JQL fragment for products on
Jira, and labels and a state for products on GitHub. So one governance profile serves both,
and a product that moves from Jira to GitHub changes its tracker, not its checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from os2bot.config.base import Model
from os2bot.config.jql import check_fragment
from os2bot.config.terms import GITHUB_LABEL_MAX
from os2bot.domain import IssueState, Query, Sample, State
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
    from os2bot.config import Group, Product

DateField = Literal["created", "updated", "resolved", "duedate"]
GroupName = Literal["steering_group", "coordination_group"]
# Whose word the window is, as a reason names it (an OS2 term in the text table).
WindowBasis = Literal["window_override", "window_cadence", "window_profile"]


class GitHubCondition(Model):
    """Which issues of a GitHub repository match: GitHub's own terms, labels and state."""

    labels: list[str] = Field(
        min_length=1,
        description="Labels an issue must all carry, e.g. [koordinationsgruppemøde].",
    )
    state: IssueState = Field(
        default="any",
        description="open, closed (closed as completed: a meeting held) or any.",
    )

    @model_validator(mode="after")
    def _labels_fit(self) -> GitHubCondition:
        too_long = [label for label in self.labels if len(label) > GITHUB_LABEL_MAX]
        if too_long or any(not label.strip() for label in self.labels):
            raise ValueError(f"GitHub labels are 1 to {GITHUB_LABEL_MAX} characters")
        return self

    def describe(self) -> str:
        """The condition as GitHub's issue search would write it."""
        labels = " ".join(f'label:"{label}"' for label in self.labels)
        return labels if self.state == "any" else f"{labels} is:{self.state}"


class JqlEvidence(EvidenceModel):
    """Issues of the product's tracker that match: a JQL fragment on Jira, labels on GitHub."""

    kind: Literal["jql"] = Field(description="Evidence kind.")
    jql: Annotated[str, StringConstraints(min_length=1), AfterValidator(check_fragment)] | None = (
        Field(
            default=None,
            description="JQL fragment for products on Jira; the bot adds `project in (...)` and "
            "runs it once for all products.",
        )
    )
    github: GitHubCondition | None = Field(
        default=None, description="The same evidence for products on GitHub: labels and state."
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

    @model_validator(mode="after")
    def _some_condition(self) -> JqlEvidence:
        if self.jql is None and self.github is None:
            raise ValueError("give `jql` (Jira), `github` (GitHub) or both")
        return self


MODEL = JqlEvidence


def window(evidence: JqlEvidence, product: Product) -> tuple[int | None, WindowBasis]:
    """How recent the newest issue must be, and whose word that is.

    The product file's own window for the check comes first, then the group's declared meeting
    cadence, then the profile's default. The second value names which (a term for the reason).
    """
    if "within_days" in evidence.overridden:
        return evidence.within_days, "window_override"
    if evidence.cadence_of is not None:
        group: Group | None = getattr(product, evidence.cadence_of)
        if group is not None and group.cadence_days is not None:
            return group.cadence_days, "window_cadence"
    return evidence.within_days, "window_profile"


def query(evidence: JqlEvidence, product: Product | None = None) -> Query | None:
    """The query that gathers this evidence for *product*'s tracker (default Jira's).

    None when the evidence states no condition for that tracker; the project clause is added
    by the tracker. Dated by `updated`, the evidence is what people did: the bot's own writes
    move Jira's `updated` too, so the query asks for people's changes only.
    """
    if product is not None and product.tracker == "github":
        if evidence.github is None:
            return None
        return Query(labels=tuple(evidence.github.labels), state=evidence.github.state)
    if evidence.jql is None:
        return None
    return Query(condition=evidence.jql, people_only=evidence.date_field == "updated")


def describe(evidence: JqlEvidence, product: Product) -> str:
    """The condition as the product's tracker writes it, for messages."""
    if product.tracker == "github":
        return evidence.github.describe() if evidence.github is not None else "-"
    return evidence.jql or "-"


def sample(evidence: JqlEvidence, product: Product) -> Sample:
    """How much of the query judging *product* needs: its window's matches, or the newest.

    Every match in the window (`SPARE_DAYS` to spare) tells the newest and the count in the
    window; with fewer than min_count there, the newest min_count tell whether enough match
    at all and how old the newest is.
    """
    within_days, _ = window(evidence, product)
    return Sample(
        date_field=evidence.date_field,
        within_days=None if within_days is None else within_days + SPARE_DAYS,
        at_least=evidence.min_count,
    )


def needs(evidence: JqlEvidence, product: Product, wanted: Needs) -> None:
    """The query, in the product's project, as much of it as the judgement needs."""
    found = query(evidence, product)
    if found is not None:
        wanted.query(found, product.project, sample(evidence, product))


def judge(evidence: JqlEvidence, ctx: Context) -> Verdict:
    """Met when at least min_count issues match and the newest is within the window."""
    snapshot, project = ctx.snapshot, ctx.project
    found = query(evidence, ctx.product)
    if found is None:
        missing_key = "reason.jql.no_github" if ctx.on_github else "reason.jql.no_jql"
        return verdict(State.UNKNOWN, missing_key)
    if (cannot := unreadable(ctx, found)) is not None:
        return cannot
    issues = snapshot.issues(found, project)
    if not issues:
        none_key = "reason.github.none" if ctx.on_github else "reason.jql.none"
        return verdict(State.NOT_MET, none_key, jql=describe(evidence, ctx.product))
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
    within_days, basis = window(evidence, ctx.product)
    if not dated and within_days is None:
        # No window: the matching issues are the evidence, whether or not they carry a date
        # (a signed agreement filed as an issue that is still open, say).
        newest = max(issues, key=lambda issue: issue.order)
        return verdict(
            State.MET,
            "reason.github.found" if ctx.on_github else "reason.jql.found",
            refs([newest], evidence.date_field),
            key=newest.key,
            summary=newest.summary,
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
        # Every match in the window was read (the sample's promise), so this count is whole.
        return verdict(
            State.MET,
            "reason.jql.met_window",
            refs([newest], evidence.date_field),
            count=sum(1 for day, _ in dated if ctx.days_ago(day) <= within_days),
            window=within_days,
            basis=basis,
            **params,
        )
    return verdict(
        State.MET,
        "reason.jql.met",
        refs([newest], evidence.date_field),
        **params,
    )
