# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Apply: the planned actions carried out in the tracker, looking before every write.

One search finds every planned fingerprint before any create, so a task that exists is never
opened again; a write budget bounds a run; a lost answer to a create is settled by looking.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import structlog

from os2bot.domain import Action, ActionKind, Applied, Issue
from os2bot.ports import Tracker, TrackerError, TrackerUnavailable

log = structlog.get_logger(__name__)


def writes(action: Action) -> int:
    """How many Jira writes *action* takes (a resolve comments and transitions)."""
    if action.kind is ActionKind.RESOLVE or (action.kind is ActionKind.COMMENT and action.mark):
        return 2
    return 1


def apply_actions(
    actions: list[Action],
    tracker: Tracker,
    errors: list[str] | None = None,
    *,
    budget: int = 50,
    on_applied: Callable[[Applied], None] | None = None,
) -> tuple[list[Applied], list[Action]]:
    """Carry out *actions* within *budget* writes; return what was done and what waits.

    Before any create, one search asks Jira for every planned fingerprint label at once, so a
    task that exists is never opened again (one call, however many creates). An action Jira
    refuses is logged and listed in *errors*, and the others go on; Jira being unreachable
    stops the run (the next run picks up where this one stopped, and finds what was done by
    its labels). *on_applied* hears of each write as soon as it is done, before the next.
    """
    existing = _find_tasks(tracker, [a for a in actions if a.kind is ActionKind.CREATE])
    applied: list[Applied] = []
    used = 0
    for index, action in enumerate(actions):
        cost = writes(action)
        if used + cost > budget:
            deferred = actions[index:]
            log.warning("apply.budget_spent", budget=budget, deferred=len(deferred))
            return applied, deferred
        used += cost
        try:
            done = _apply(action, tracker, existing)
        except TrackerUnavailable:
            raise
        except TrackerError as exc:
            log.warning("apply.refused", fingerprint=action.fingerprint, error=str(exc))
            if errors is not None:
                errors.append(f"{action.issue_key or action.project}: {action.summary}: {exc}")
            continue
        applied.append(done)
        if on_applied is not None:
            on_applied(done)
    return applied, []


def _apply(action: Action, tracker: Tracker, existing: Mapping[str, Issue]) -> Applied:
    """One action.

    A create is skipped when its label exists, and looks again after a lost answer.
    """
    key = action.issue_key or ""
    if action.kind is ActionKind.CREATE:
        found = existing.get(action.fingerprint)
        if found:
            log.info("apply.exists", fingerprint=action.fingerprint, key=found.key)
            return Applied(action, found.key, found.url, existed=True)
        try:
            task = tracker.create_task(
                project=action.project,
                summary=action.summary,
                description=action.description,
                labels=action.labels,
                assignee=action.assignee,
                due=action.due,
            )
        except TrackerUnavailable:
            # The answer was lost, not necessarily the write: look before anyone retries.
            found = _find_tasks(tracker, [action]).get(action.fingerprint)
            if found is None:
                raise
            task = found
        log.info("apply.created", fingerprint=action.fingerprint, key=task.key)
        return Applied(action, task.key, task.url)
    if action.kind is ActionKind.UPDATE:
        tracker.update_task(
            key,
            summary=action.summary,
            description=action.description,
            labels=action.labels,
            assignee=action.assignee,
            due=action.due,
        )
        log.info("apply.updated", key=key, version=action.version)
    elif action.kind is ActionKind.COMMENT:
        tracker.comment(key, action.comment)
        if action.mark:
            tracker.update_task(key, labels=action.labels)
        log.info("apply.commented", key=key, mark=action.mark or None)
    elif action.kind is ActionKind.EDIT_COMMENT and action.comment_id:
        tracker.edit_comment(key, action.comment_id, action.comment)
        log.info("apply.comment_edited", key=key)
    elif action.kind is ActionKind.RESOLVE:
        tracker.comment(key, action.comment)
        resolved = tracker.resolve(key)
        log.info("apply.resolved", key=key, resolved=resolved)
    return Applied(action, key, "")


def _find_tasks(tracker: Tracker, creates: Sequence[Action]) -> dict[str, Issue]:
    """The open tasks that carry the fingerprint labels of *creates*, by fingerprint."""
    if not creates:
        return {}
    found = tracker.tasks_with_fingerprints([a.fingerprint for a in creates])
    return {t.fingerprint: t for t in found if t.fingerprint}
