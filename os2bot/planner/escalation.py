# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Escalation: a reminder task past its due date climbs its owner's ladder, one step a run.

A step by chat is a comment on the task with the step's mark (the chat message follows from
that write, see notify/escalation.py); a step by task adds one task in the secretariat's
project, kept while the reminder is open and resolved with it. Only a task whose check is
still not met climbs (an unknown check waits), and never while a hold from chat lasts.
"""

from __future__ import annotations

from os2bot import wiki
from os2bot.calendar import add_working_days
from os2bot.config import CheckDef, Product, Step
from os2bot.domain import Action, ActionKind
from os2bot.ladder import (
    ROLE_KEYS,
    Position,
    Reminder,
    due_now,
    escalation_fingerprint,
    ladder,
    position,
    recipient,
    reminders,
    role_of,
    step_mark,
    steps_on,
    who_is,
    working_days_between,
)
from os2bot.planner.model import Desired, Plan, Wishes


def plan_escalation(plan: Plan, wishes: Wishes) -> None:
    """The next step of every reminder task past its due date, once; its secretariat task."""
    open_keys = {task.key for task in plan.snapshot.bot_tasks}
    for found in reminders(plan.config, plan.snapshot.bot_tasks):
        task, product, check = found.task, found.product, found.check
        wished = wishes.tasks.get(task.fingerprint or "")
        if task.duedate is None or wished is None:
            continue  # no due date to pass, or the check is no longer known to be failing
        steps = ladder(plan.config, product, check)
        point = position(
            steps,
            due=task.duedate,
            remembered=plan.ladder.steps(task.key),
            labelled=steps_on(task.labels),
            held_until=plan.ladder.holds.get(task.key),
            closed=plan.closed,
        )
        for number, step in enumerate(steps, start=1):
            if step.by == "task" and number in point.done:
                _secretariat_task(plan, wishes, found, point)
        if not due_now(point, today=plan.today, due=task.duedate) or point.next is None:
            continue
        step = steps[point.next - 1]
        wishes.comments.append(
            Action(
                kind=ActionKind.COMMENT,
                fingerprint=task.fingerprint or "",
                product=product.key,
                project=task.project,
                summary=task.summary,
                comment=_comment(plan, found, step, first=point.next == 1),
                issue_key=task.key,
                mark=step_mark(point.next),
                due=task.duedate,  # the task's own, for the step's chat message
                version=wished.version,
                keep_labels=task.labels,
            )
        )
        if step.by == "task":
            _secretariat_task(plan, wishes, found, point, today=True)
    _clear_resolved(plan, wishes, open_keys)


def _who(plan: Plan, product: Product, check: CheckDef, step: Step) -> str:
    """A step's recipient as a text: their name and role, or the role alone."""
    role = plan.t(ROLE_KEYS[role_of(check, step)])
    return who_is(recipient(plan.config, product, check, step), role)


def _comment(plan: Plan, found: Reminder, step: Step, *, first: bool) -> str:
    task, product, check = found.task, found.product, found.check
    due = task.duedate.isoformat() if task.duedate else "-"
    days = working_days_between(task.duedate, plan.today, plan.closed) if task.duedate else 0
    if step.by == "task":
        return plan.t("ladder.comment.secretariat", due=due, days=days)
    who = wiki.escape(_who(plan, product, check, step))
    if first:
        return plan.t("ladder.comment.reminded", due=due, who=who, key=task.key)
    return plan.t("ladder.comment.escalated", due=due, days=days, who=who)


def _secretariat_task(
    plan: Plan, wishes: Wishes, found: Reminder, point: Position, *, today: bool = False
) -> None:
    """One task in the secretariat's project for an escalated reminder, while it is open."""
    task, product, check = found.task, found.product, found.check
    secretariat = plan.config.bot.secretariat
    project = secretariat.jira_project or product.project
    if not plan.readable(project):
        return
    steps = ladder(plan.config, product, check)
    taken = dict(point.done)
    if today and point.next is not None:
        taken[point.next] = plan.today
    lines = [
        plan.t(
            "ladder.task.step",
            date=day.isoformat(),
            who=wiki.escape(_who(plan, product, check, steps[number - 1])),
        )
        for number, day in sorted(taken.items())
        if steps[number - 1].by == "chat"
    ]
    lead = secretariat.lead.jira_user if secretariat.lead else None
    title = check.title.get(plan.language)
    wishes.want(
        Desired(
            fingerprint=escalation_fingerprint(task.key),
            product=product.key,
            project=project,
            summary=plan.t("ladder.task.summary", product=product.name, check=title, key=task.key),
            description=plan.t(
                "ladder.task.description",
                key=task.key,
                url=task.url,
                check=title,
                product=product.name,
                due=task.duedate.isoformat() if task.duedate else "-",
                steps="\n".join(lines) or "-",
                owner=plan.t(f"owner.{check.owner}"),
            ),
            assignee=lead,
            due=add_working_days(plan.today, 10, plan.closed),
            # What it says does not move with the days: it is written once.
            stable=(task.key, product.key, check.id, lead, plan.language),
        )
    )


def _clear_resolved(plan: Plan, wishes: Wishes, open_keys: set[str]) -> None:
    """The secretariat's task of a reminder that is no longer open is resolved with it."""
    for key, record in plan.ladder.records.items():
        project = key.rsplit("-", 1)[0]
        if key in open_keys or not plan.readable(project):
            continue  # still open, or its project cannot be read: nothing is known
        wishes.cleared.setdefault(
            escalation_fingerprint(key),
            (record.product, plan.t("ladder.task.resolved", key=key)),
        )
