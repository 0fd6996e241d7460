# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Reminders: a task for each failing check that reminds, resolved when the check clears."""

from __future__ import annotations

from os2bot import wiki
from os2bot.calendar import add_working_days
from os2bot.config import CheckDef, Person, Product
from os2bot.domain import CheckResult, State, reminder_fingerprint
from os2bot.messages import render
from os2bot.planner.model import CLEARED, Desired, Plan, Wishes


def plan_reminders(plan: Plan, wishes: Wishes) -> None:
    """A task for each failing check that reminds; resolved when the check clears."""
    products = {p.key: p for p in plan.config.products}
    for result in plan.results:
        product = products[result.product]
        check = plan.config.profile_for(product).check(result.check_id)
        fp = reminder_fingerprint(product.key, check.id)
        project, person = plan.owner(product, check.owner)
        if not plan.readable(project):
            continue
        if result.state is State.NOT_MET and check.remind:
            wishes.want(
                _reminder(
                    plan,
                    result,
                    product=product,
                    check=check,
                    fp=fp,
                    project=project,
                    person=person,
                )
            )
        elif result.state in CLEARED:
            wishes.cleared[fp] = (
                product.key,
                plan.t(
                    "task.resolved.comment",
                    check=check.title.get(plan.language),
                    reason=wiki.escape(render(result.reason, plan.language)),
                ),
            )


def _reminder(
    plan: Plan,
    result: CheckResult,
    *,
    product: Product,
    check: CheckDef,
    fp: str,
    project: str,
    person: Person | None,
) -> Desired:
    language = plan.language
    # A reason quotes Jira (a summary, an error): all of it is plain text, so all is escaped.
    evidence = "".join(f"\n* [{e.key}|{e.url}] {wiki.escape(e.title)}" for e in result.evidence)
    notes = "".join(f"\n* {wiki.escape(render(n, language))}" for n in result.notes)
    description = plan.t(
        "task.reminder.description",
        check=check.title.get(language),
        product=product.name,
        reason=wiki.escape(render(result.reason, language)) + evidence + notes,
        fix=check.fix.get(language),
        source=check.source,
        owner=plan.t(f"owner.{check.owner}"),
    )
    # What decides "changed": the reason and its evidence, not the day count in the text.
    stable_params = {k: v for k, v in result.reason.params.items() if k != "days"}
    return Desired(
        fingerprint=fp,
        product=product.key,
        project=project,
        summary=plan.t(
            "task.reminder.summary", product=product.name, check=check.title.get(language)
        ),
        description=description,
        assignee=plan.assignee(person, project),
        due=add_working_days(
            plan.today, plan.config.bot.tasks.reminder_due_working_days, plan.closed
        ),
        stable=(
            check.id,
            result.reason.key,
            sorted(stable_params.items()),
            [i.key for i in result.evidence],
            plan.assignee(person, project),
            language,
        ),
    )


def settle_covered(plan: Plan, wishes: Wishes) -> None:
    """One problem, one task: a check whose failure another task stands for gets no reminder.

    When a task from another source covers a failing check (an expired agreement covers the
    funding checks, a late version's release task covers release management), the check's
    reminder is not opened, and one already open is resolved with a link to that task.
    """
    existing = {task.fingerprint: task for task in plan.snapshot.bot_tasks if task.fingerprint}
    covering: dict[str, list[str]] = {}
    products: dict[str, str] = {}
    for task in list(wishes.tasks.values()):
        found = existing.get(task.fingerprint)
        named = f"[{found.key}|{found.url}] {task.summary}" if found else f"«{task.summary}»"
        for product, check_id in task.covers:
            fp = reminder_fingerprint(product, check_id)
            covering.setdefault(fp, []).append(named)
            products[fp] = product
    for fp, tasks in covering.items():
        wishes.tasks.pop(fp, None)
        wishes.cleared[fp] = products[fp], plan.t("task.reminder.covered", task=", ".join(tasks))
