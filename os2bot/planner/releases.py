# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Releases: a task before each version's date, a comment when late, resolved when out."""

from __future__ import annotations

from os2bot import wiki
from os2bot.calendar import working_day_on_or_before
from os2bot.config import Product
from os2bot.domain import OVERDUE_MARK, CheckResult, State, fingerprint
from os2bot.planner.model import Desired, Plan, Wishes

RELEASE_STEPS = ("review", "tested", "tag", "notes", "docs", "informed")
# The reason a versions check gives for late versions (os2bot.rules.versions).
OVERDUE_REASON = "reason.versions.overdue"


def plan_releases(plan: Plan, wishes: Wishes) -> None:
    """A release task before each version's date; a comment when late; resolved when out."""
    for product in plan.config.products:
        project = product.project
        if not product.releases.enabled or not plan.readable(project):
            continue
        lead = product.coordination_group.lead if product.coordination_group else None
        joint = "faelles_drift" in product.extensions
        for version in plan.snapshot.versions.get(project, []):
            fp = fingerprint("release", product.key, version.name)
            if version.released:
                released_on = version.release_date.isoformat() if version.release_date else "-"
                wishes.cleared[fp] = (
                    product.key,
                    plan.t(
                        "task.release.released", version=wiki.escape(version.name), date=released_on
                    ),
                )
                continue
            if version.archived or version.release_date is None:
                continue
            days_left = (version.release_date - plan.today).days
            if days_left > product.releases.lead_days:
                continue
            issues = plan.snapshot.release_issues.get((project, version.name), [])
            checklist = [plan.t(f"release.step.{step}") for step in RELEASE_STEPS]
            if joint:
                checklist.append(plan.t("release.step.deployment_window"))
            overdue = (
                plan.t(
                    "task.release.overdue",
                    version=wiki.escape(version.name),
                    date=version.release_date.isoformat(),
                )
                if days_left < 0
                else ""
            )
            # One problem, one task: a check failing because this version is late is followed
            # up here, and says so, instead of in a reminder of its own.
            failing = _failing_for(plan, product, version.name) if overdue else []
            checks = "".join(
                "\n\n"
                + plan.t(
                    "task.release.check_failing",
                    check=plan.config.check_of(product.key, r.check_id).title.get(plan.language),
                )
                for r in failing
            )
            wishes.want(
                Desired(
                    fingerprint=fp,
                    product=product.key,
                    project=project,
                    summary=plan.t("task.release.summary", version=version.name),
                    description=plan.t(
                        "task.release.description",
                        product=product.name,
                        version=wiki.escape(version.name),
                        date=version.release_date.isoformat(),
                        checklist="\n".join(f"* (?) {step}" for step in checklist),
                        issues="\n".join(
                            f"* [{i.key}|{i.url}] {wiki.escape(i.summary)}" for i in issues
                        )
                        or plan.t("task.release.no_issues"),
                    )
                    + (f"\n\n{overdue}" if overdue else "")
                    + checks,
                    assignee=plan.assignee(lead, project),
                    due=working_day_on_or_before(version.release_date, plan.closed),
                    mark=OVERDUE_MARK if overdue else "",
                    mark_comment=overdue,
                    covers=tuple((product.key, r.check_id) for r in failing),
                )
            )


def _failing_for(plan: Plan, product: Product, version: str) -> list[CheckResult]:
    """The product's checks that fail because of late versions, *version* among them."""
    return [
        result
        for result in plan.results
        if result.product == product.key
        and result.state is State.NOT_MET
        and result.reason.key == OVERDUE_REASON
        and version in str(result.reason.params.get("versions", "")).split(", ")
    ]
