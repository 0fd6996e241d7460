# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Escalation in chat: the message a ladder step owes, kept when its comment is written.

A step is remembered in the state database the moment its comment is on the task, and its
chat message is kept in the outbox at once (under a key of its own, never batched, so its
one mention stays its own); a step by task shows in the secretariat's weekly digest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

import structlog

from os2bot.config import CheckDef, Config, Person, Product
from os2bot.domain import ActionKind, Applied, Issue
from os2bot.ladder import (
    ROLE_KEYS,
    Memory,
    ladder,
    recipient,
    reminder_index,
    role_of,
    step_of,
    steps_on,
    who_is,
    working_days_between,
)
from os2bot.messages import Language, text
from os2bot.ports import ChatMessage, Link, Mention, StateStore, StatusLine

log = structlog.get_logger(__name__)


def mention(person: Person | None) -> tuple[Mention, ...]:
    """A ping for *person*, if the configuration maps them to a chat identity."""
    if person is None or not (person.email or person.zulip_user_id or person.slack_user_id):
        return ()
    return (Mention(person.name, person.email, person.zulip_user_id, person.slack_user_id),)


def step_message(
    config: Config,
    product: Product,
    check: CheckDef,
    number: int,
    *,
    task: Issue,
    reminded: date | None,
    language: Language,
    today: date,
) -> tuple[list[str], ChatMessage] | None:
    """The chat targets and the message of step *number* of a task's ladder (None: by task)."""
    steps = ladder(config, product, check)
    if not 1 <= number <= len(steps) or steps[number - 1].by != "chat":
        return None
    step = steps[number - 1]
    person = recipient(config, product, check, step)
    role = text(ROLE_KEYS[role_of(check, step)], language)
    who = who_is(person, role)
    due = task.duedate.isoformat() if task.duedate else "-"
    closed = tuple(config.bot.tasks.closed_days)
    days = working_days_between(task.duedate, today, closed) if task.duedate else 0
    title_key, text_key = (
        ("ladder.chat.reminded", "ladder.chat.reminded_text")
        if number == 1
        else ("ladder.chat.escalated", "ladder.chat.escalated_text")
    )
    targets = (
        config.bot.secretariat.chat.targets() if step.to == "secretariat" else []
    ) or product.chat.targets()
    check_title = check.title.get(language)
    message = ChatMessage(
        title=text(title_key, language, product=product.name, check=check_title),
        text=text(
            text_key,
            language,
            who=who,
            key=task.key,
            due=due,
            days=days,
            owner=text(f"owner.{check.owner}", language),
            reminded=reminded.isoformat() if reminded else "-",
        ),
        links=(Link(url=task.url, label=task.key, title=task.summary),) if task.url else (),
        mentions=mention(person),
    )
    return targets, message


def ladder_owed(
    config: Config,
    state: StateStore,
    language: Language,
    *,
    now: datetime,
    tasks: Sequence[Issue],
) -> Callable[[Applied], None]:
    """What apply calls after each write: a ladder step's record and chat message, at once."""
    index = reminder_index(config)
    known = {task.key: task for task in tasks}
    today = now.astimezone(config.bot.tz).date()

    def owe(done: Applied) -> None:
        action = done.action
        number = step_of(action.mark) if action.mark else None
        if action.kind is not ActionKind.COMMENT or number is None:
            return
        key = action.issue_key or done.key
        hit = index.get(action.fingerprint)
        if hit is not None:
            # The message first (its dedup key keeps it once), then the record: a run that
            # stops between them has the step on the task's label, and its message kept.
            product, check = hit
            task = known.get(key) or Issue(key, action.project, action.summary, "")
            if task.duedate is None and action.due is not None:
                task = Issue(key, task.project, task.summary, task.url, duedate=action.due)
            reminded = state.ladder_memory().steps(key).get(1, today if number == 1 else None)
            found = step_message(
                config,
                product,
                check,
                number,
                task=task,
                reminded=reminded,
                language=language,
                today=today,
            )
            for target, message in _each(found):
                state.enqueue(f"ladder:{key}:{number}@{target}", target, message.to_json())
        if state.record_step(
            key, number, fingerprint=action.fingerprint, product=action.product, on=today
        ):
            log.info("escalation.step", key=key, step=number, product=action.product)

    return owe


def _each(found: tuple[list[str], ChatMessage] | None) -> list[tuple[str, ChatMessage]]:
    """(target, message) for each target of a step's message (none for a step by task)."""
    if found is None:
        return []
    targets, message = found
    return [(target, message) for target in targets]


def escalated_lines(
    config: Config, memory: Memory, tasks: Sequence[Issue], language: Language
) -> list[tuple[StatusLine, Link]]:
    """The open reminder tasks that reached a step by task: the digest's "Eskaleret"."""
    index = reminder_index(config)
    found = []
    for task in sorted(tasks, key=lambda t: t.order):
        hit = index.get(task.fingerprint or "")
        if hit is None:
            continue
        product, check = hit
        steps = ladder(config, product, check)
        taken = set(memory.steps(task.key)) | steps_on(task.labels)
        if not any(steps[n - 1].by == "task" for n in taken if 1 <= n <= len(steps)):
            continue
        line = StatusLine(
            state="not_met",
            title=text(
                "chat.digest.escalated",
                language,
                product=product.name,
                check=check.title.get(language),
            ),
            detail=text(
                "chat.digest.escalated_detail",
                language,
                key=task.key,
                due=task.duedate.isoformat() if task.duedate else "-",
                owner=text(f"owner.{check.owner}", language),
            ),
        )
        found.append((line, Link(url=task.url, label=task.key, title=task.summary)))
    return found
