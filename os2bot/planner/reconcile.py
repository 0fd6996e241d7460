# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Wishes against the bot's open tasks -> actions: every idempotency decision, in one place."""

from __future__ import annotations

from collections.abc import Iterable

from os2bot.domain import Action, ActionKind, Issue, label_key
from os2bot.planner.model import Wishes


def reconcile(wishes: Wishes, open_tasks: Iterable[Issue]) -> list[Action]:
    """Creates for missing tasks, updates for outdated ones, resolves for served ones.

    A one-off event (a mark such as "overdue") is written into a new task's labels; an
    existing task gets a comment and the mark, once.
    """
    existing = {t.fingerprint: t for t in open_tasks if t.fingerprint}
    actions: list[Action] = []
    for fp, task in wishes.tasks.items():
        found = existing.get(fp)
        common = {
            "fingerprint": fp,
            "product": task.product,
            "project": task.project,
            "summary": task.summary,
            "description": task.description,
            "assignee": task.assignee,
            "due": task.due,
            "version": task.version,
            "mark": task.mark,
        }
        if found is None:
            actions.append(Action(kind=ActionKind.CREATE, **common))  # type: ignore[arg-type]
            continue
        news = bool(task.mark) and label_key(task.mark) not in set(map(label_key, found.labels))
        outdated = found.content_version != task.version
        if outdated:
            actions.append(
                Action(
                    kind=ActionKind.UPDATE,
                    issue_key=found.key,
                    keep_labels=found.labels,
                    **common,  # type: ignore[arg-type]
                )
            )
        if news:
            actions.append(
                Action(
                    kind=ActionKind.COMMENT,
                    fingerprint=fp,
                    product=task.product,
                    project=found.project,
                    summary=found.summary,
                    comment=task.mark_comment,
                    issue_key=found.key,
                    # The update above sets the mark already; without one, the comment does.
                    mark="" if outdated else task.mark,
                    version=found.content_version or "",
                    keep_labels=found.labels,
                )
            )
    for fp, (product, closing) in wishes.cleared.items():
        found = existing.get(fp)
        if found is not None and fp not in wishes.tasks:
            actions.append(
                Action(
                    kind=ActionKind.RESOLVE,
                    fingerprint=fp,
                    product=product,
                    project=found.project,
                    summary=found.summary,
                    comment=closing,
                    issue_key=found.key,
                )
            )
    actions.extend(wishes.comments)
    return actions
