# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The secretariat's tasks: fee invoices for new authorities, agreements about to expire."""

from __future__ import annotations

from datetime import date, timedelta

from os2bot.calendar import add_working_days, next_working_day, working_day_on_or_before
from os2bot.domain import fingerprint
from os2bot.planner.model import Desired, Plan, Wishes


def plan_secretariat(plan: Plan, wishes: Wishes) -> None:
    """Fee invoices for new authorities, and agreements about to expire."""
    secretariat = plan.config.bot.secretariat
    for product in plan.config.products:
        project = secretariat.jira_project or product.project
        if not plan.readable(project):
            continue
        assignee = plan.assignee(secretariat.lead, project)
        if product.phase != "tilsagn":
            for member in product.members:
                fp = fingerprint("fee", product.key, member.name)
                if member.fee_paid or member.paid_development:
                    wishes.cleared[fp] = product.key, plan.t("task.fee.paid", authority=member.name)
                    continue
                wishes.want(
                    Desired(
                        fingerprint=fp,
                        product=product.key,
                        project=project,
                        summary=plan.t(
                            "task.fee.summary", authority=member.name, product=product.name
                        ),
                        description=plan.t(
                            "task.fee.description",
                            authority=member.name,
                            product=product.name,
                            joined=member.joined.isoformat() if member.joined else "-",
                        ),
                        assignee=assignee,
                        due=add_working_days(plan.today, 10, plan.closed),
                        stable=(member.name, product.key, assignee),
                    )
                )
        expires = product.agreement.expires if product.agreement else None
        if expires is None:
            continue
        days_left = (expires - plan.today).days
        for threshold in sorted(secretariat.expiry_days, reverse=True):
            if 0 <= days_left <= threshold:
                wishes.want(
                    Desired(
                        fingerprint=fingerprint(
                            "expiry", product.key, str(threshold), expires.isoformat()
                        ),
                        product=product.key,
                        project=project,
                        summary=plan.t(
                            "task.expiry.summary",
                            product=product.name,
                            date=expires.isoformat(),
                            days=threshold,
                        ),
                        description=plan.t(
                            "task.expiry.description",
                            product=product.name,
                            date=expires.isoformat(),
                            days=threshold,
                        ),
                        assignee=assignee,
                        due=_expiry_due(plan, expires, threshold),
                        # The due date moves with today once its target has passed.
                        stable=(product.key, threshold, expires, assignee, plan.language),
                    )
                )


def _expiry_due(plan: Plan, expires: date, threshold: int) -> date:
    """A third of the notice before expiry, on a working day, and never in the past."""
    target = expires - timedelta(days=threshold // 3)
    if target <= plan.today:
        return next_working_day(plan.today, plan.closed)
    return working_day_on_or_before(target, plan.closed)
