# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Triage: one comment per development request that lacks points 1-5, edited in place."""

from __future__ import annotations

from os2bot.domain import Action, ActionKind, fingerprint, is_triage_comment, mark_triage
from os2bot.planner.model import Plan, Wishes
from os2bot.planner.rounds import requests
from os2bot.rules.qualification import missing_points


def plan_triage(plan: Plan, wishes: Wishes) -> None:
    """One comment per request that lacks points 1-5; edited when that changes."""
    for product in plan.config.products:
        if not product.triage or not plan.readable(product.project):
            continue
        for request in requests(plan, product):
            missing = missing_points(request, product.readiness)
            mine = next((c for c in request.comments if is_triage_comment(c.body)), None)
            if not missing and mine is None:
                continue
            body = mark_triage(
                plan.t(
                    "triage.missing" if missing else "triage.complete",
                    points="\n".join(f"* {plan.t('point.' + p)}" for p in missing),
                )
            )
            if mine is not None and mine.says(body):
                continue
            wishes.comments.append(
                Action(
                    kind=ActionKind.EDIT_COMMENT if mine else ActionKind.COMMENT,
                    fingerprint=fingerprint("triage", request.key),
                    product=product.key,
                    project=product.project,
                    summary=request.summary,
                    comment=body,
                    issue_key=request.key,
                    comment_id=mine.id if mine else None,
                )
            )
