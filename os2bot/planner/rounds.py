# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Prioritisation rounds: one task per product per round, listing the waiting requests."""

from __future__ import annotations

from datetime import timedelta

from os2bot import wiki
from os2bot.calendar import period_name, working_day_on_or_before
from os2bot.config import Product, Threshold
from os2bot.domain import Issue, round_fingerprint
from os2bot.planner.model import Desired, Plan, Wishes
from os2bot.rules.qualification import missing_points


def requests(plan: Plan, product: Product) -> list[Issue]:
    """The product's development requests waiting for prioritisation, most votes first."""
    found = plan.snapshot.issues(product.requests_query, product.project)
    return sorted(found, key=lambda i: (-i.votes, i.created or plan.snapshot.taken_at, i.order))


def plan_rounds(plan: Plan, wishes: Wishes) -> None:
    """One task per product per round, opened lead_days before it (or early on a threshold)."""
    for product in plan.config.products:
        settings = product.prioritisation
        if settings is None or not plan.readable(product.project):
            continue
        round_date = settings.next_round(plan.today, plan.config.bot.tz)
        waiting = requests(plan, product)
        due_soon = plan.today >= round_date - timedelta(days=settings.lead_days)
        if not (due_soon or _threshold_tripped(plan, settings.threshold, waiting)):
            continue
        lead = product.coordination_group.lead if product.coordination_group else None
        period = period_name(round_date, plan.language)
        lines = [_request_line(plan, request, product.readiness) for request in waiting] or [
            plan.t("task.round.no_requests")
        ]
        wishes.want(
            Desired(
                fingerprint=round_fingerprint(product.key, round_date),
                product=product.key,
                project=product.project,
                summary=plan.t("task.round.summary", period=period),
                description=plan.t(
                    "task.round.description",
                    product=product.name,
                    date=round_date.isoformat(),
                    count=len(waiting),
                    requests="\n".join(lines),
                ),
                assignee=plan.assignee(lead, product.project),
                due=working_day_on_or_before(round_date, plan.closed),
            )
        )


def _threshold_tripped(plan: Plan, threshold: Threshold, requests: list[Issue]) -> bool:
    """Requests pile up: too many, or the oldest waits too long."""
    if threshold.count is not None and len(requests) >= threshold.count:
        return True
    oldest = min((r.created for r in requests if r.created), default=None)
    if threshold.oldest_days is None or oldest is None:
        return False
    age = (plan.today - oldest.astimezone(plan.config.bot.tz).date()).days
    return age >= threshold.oldest_days


def _request_line(plan: Plan, request: Issue, readiness: dict[str, list[str]] | None) -> str:
    missing = missing_points(request, readiness)
    state = (
        plan.t("task.round.ready")
        if not missing
        else plan.t(
            "task.round.missing",
            points=", ".join(plan.t(f"point.{p}") for p in missing),
        )
    )
    tz = plan.config.bot.tz
    created = request.created.astimezone(tz).date().isoformat() if request.created else "-"
    return plan.t(
        "task.round.line",
        key=request.key,
        url=request.url,
        summary=wiki.escape(request.summary),
        votes=request.votes,
        created=created,
        state=state,
    )
