# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Access: a product whose Jira project cannot be read gets a task for the secretariat."""

from __future__ import annotations

from os2bot.calendar import add_working_days
from os2bot.domain import State, fingerprint
from os2bot.planner.model import Desired, Plan, Wishes

# The reason a Jira check gives when the product's project cannot be read (os2bot.rules.base).
UNREADABLE_REASON = "reason.project_unreadable"


def plan_access(plan: Plan, wishes: Wishes) -> None:
    """One secretariat task per product whose Jira project cannot be read; resolved when it can.

    A project that does not exist and one the bot may not browse look the same from outside,
    and both leave the product's Jira checks unknown and its tasks unopened: nobody else can
    be told. The task goes to the secretariat's project, so without one there is nowhere to put
    it (the product's own project is the one that cannot be read).
    """
    secretariat = plan.config.bot.secretariat
    project = secretariat.jira_project
    if project is None or not plan.readable(project):
        return
    assignee = secretariat.lead.jira_user if secretariat.lead else None
    for product in plan.config.products:
        fp = fingerprint("unreadable", product.key)
        missing = product.project
        if plan.readable(missing):
            wishes.cleared[fp] = product.key, plan.t("task.unreadable.readable", project=missing)
            continue
        unknown = sum(
            1
            for r in plan.results
            if r.product == product.key
            and r.state is State.UNKNOWN
            and r.reason.key == UNREADABLE_REASON
        )
        wishes.want(
            Desired(
                fingerprint=fp,
                product=product.key,
                project=project,
                summary=plan.t("task.unreadable.summary", product=product.name, project=missing),
                description=plan.t(
                    "task.unreadable.description",
                    product=product.name,
                    project=missing,
                    count=unknown,
                ),
                assignee=assignee,
                due=add_working_days(plan.today, 10, plan.closed),
                # Not rewritten as the count of unknown checks moves with the profile.
                stable=(product.key, missing, assignee, plan.language),
            )
        )
