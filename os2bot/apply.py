# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Apply: the planned actions carried out in the trackers, looking before every write.

Each action goes to the tracker of its project (a Jira project, a GitHub repository). One
search per tracker finds every planned fingerprint before any create, so a task that exists
is never opened again; one write budget bounds a run; a lost answer to a create is settled by
looking.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import structlog

from os2bot.domain import Action, ActionKind, Applied, Issue
from os2bot.ports import StateStore, Tracker, TrackerError, TrackerUnavailable

log = structlog.get_logger(__name__)


def writes(action: Action) -> int:
    """How many tracker writes *action* takes (a resolve comments and transitions)."""
    if action.kind is ActionKind.RESOLVE or (action.kind is ActionKind.COMMENT and action.mark):
        return 2
    return 1


@dataclass(frozen=True)
class Ledger:
    """The creates of recent runs, so that a search that has not caught up cannot double one.

    Jira Cloud's search index lags writes by seconds to minutes, and an answer lost to a
    timeout may still land after the next run's search: neither may open a task twice.

    A create with a known key is checked by reading that key (consistent at once); one whose
    answer was lost stays *uncertain* for `settle`, and is not tried again until a search has
    found it or that time has passed.
    """

    store: StateStore
    now: datetime
    settle: timedelta = timedelta(minutes=30)
    keep: timedelta = timedelta(days=2)


@dataclass
class Outcome:
    """What apply did: writes done, actions left for a later run, and why they wait."""

    applied: list[Applied] = field(default_factory=list)
    deferred: list[Action] = field(default_factory=list)  # past the write budget
    uncertain: list[Action] = field(default_factory=list)  # an earlier create may have landed


@dataclass(frozen=True)
class Routes:
    """Which tracker a project's writes go to."""

    trackers: Tracker | Mapping[str, Tracker]
    route: Callable[[str], str] | None = None  # project -> tracker name (default: jira)

    def name(self, project: str) -> str:
        """The name of *project*'s tracker."""
        return self.route(project) if self.route is not None else "jira"

    def tracker(self, project: str) -> Tracker:
        """The tracker *project* is in; TrackerError when the bot has no connection to it."""
        if not isinstance(self.trackers, Mapping):
            return self.trackers
        name = self.name(project)
        if name not in self.trackers:
            raise TrackerError(f"no connection to {name} for {project}")
        return self.trackers[name]

    def find_tasks(self, creates: Sequence[Action]) -> dict[str, Issue]:
        """The open tasks with the fingerprints of *creates*: one search per tracker."""
        by_tracker: dict[str, list[Action]] = {}
        for action in creates:
            by_tracker.setdefault(self.name(action.project), []).append(action)
        found: dict[str, Issue] = {}
        for _, planned in sorted(by_tracker.items()):
            try:
                tracker = self.tracker(planned[0].project)
            except TrackerError:
                continue  # its creates are refused one by one, each reported
            found.update(_find_tasks(tracker, planned))
        return found


def apply_actions(
    actions: list[Action],
    trackers: Tracker | Mapping[str, Tracker],
    errors: list[str] | None = None,
    *,
    budget: int = 50,
    on_applied: Callable[[Applied], None] | None = None,
    ledger: Ledger | None = None,
    route: Callable[[str], str] | None = None,
) -> Outcome:
    """Carry out *actions* within *budget* writes; return what was done and what waits.

    *trackers* are by name (a single tracker is Jira's); *route* names the tracker of a
    project (default: jira). Before any create, one search per tracker asks for every planned
    fingerprint at once, so a task that exists is never opened again (one call, however many
    creates); the *ledger* covers what that search cannot see yet. An action a tracker
    refuses is logged and listed in *errors*, and the others go on; a tracker being
    unreachable stops the run (the next run picks up where this one stopped, and finds what
    was done by its labels). *on_applied* hears of each write as soon as it is done.
    """
    routes = Routes(trackers, route)
    existing = routes.find_tasks([a for a in actions if a.kind is ActionKind.CREATE])
    recent = ledger.store.recent_creates(ledger.now - ledger.keep) if ledger else {}
    outcome = Outcome()
    used = 0
    for index, action in enumerate(actions):
        cost = writes(action)
        if used + cost > budget:
            outcome.deferred = actions[index:]
            log.warning("apply.budget_spent", budget=budget, deferred=len(outcome.deferred))
            return outcome
        used += cost
        try:
            tracker = routes.tracker(action.project)
            if action.kind is ActionKind.CREATE:
                done = _create(action, tracker, existing, recent, ledger)
            else:
                done = _apply(action, tracker)
        except TrackerUnavailable:
            raise
        except TrackerError as exc:
            log.warning("apply.refused", fingerprint=action.fingerprint, error=str(exc))
            if errors is not None:
                errors.append(f"{action.issue_key or action.project}: {action.summary}: {exc}")
            continue
        if done is None:
            outcome.uncertain.append(action)
            continue
        outcome.applied.append(done)
        if on_applied is not None:
            on_applied(done)
    return outcome


def _create(
    action: Action,
    tracker: Tracker,
    existing: Mapping[str, Issue],
    recent: Mapping[str, tuple[str | None, datetime]],
    ledger: Ledger | None,
) -> Applied | None:
    """Open the task unless it exists; None when an earlier create is still uncertain."""
    fp = action.fingerprint
    found = existing.get(fp)
    if found is None and ledger is not None and fp in recent:
        found, settled = _remembered(fp, recent[fp], tracker, ledger)
        if not settled:
            log.warning("apply.create_uncertain", fingerprint=fp)
            return None
    if found is not None:
        if ledger is not None and fp in recent:
            ledger.store.forget_create(fp)
        log.info("apply.exists", fingerprint=fp, key=found.key)
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
    except TrackerUnavailable as exc:
        if not exc.write_may_have_happened:
            raise
        # The answer was lost, not necessarily the write: look before anyone retries, and
        # if the search cannot see it, leave it uncertain until one can.
        task_found = _find_tasks(tracker, [action]).get(fp)
        if task_found is None:
            if ledger is not None:
                ledger.store.remember_create(fp, None, ledger.now)
            raise
        task = task_found
    if ledger is not None:
        ledger.store.remember_create(fp, task.key, ledger.now)
    log.info("apply.created", fingerprint=fp, key=task.key)
    return Applied(action, task.key, task.url)


def _remembered(
    fp: str, remembered: tuple[str | None, datetime], tracker: Tracker, ledger: Ledger
) -> tuple[Issue | None, bool]:
    """A create of an earlier run the search did not find: (the open task, settled?)."""
    key, at = remembered
    if key is None:
        return None, ledger.now - at >= ledger.settle
    task = tracker.task(key)
    if task is not None and task.fingerprint == fp and task.status_category != "done":
        return task, True
    return None, True  # deleted or resolved since: a new task is due


def _apply(action: Action, tracker: Tracker) -> Applied:
    """One update, comment, edit or resolve."""
    key = action.issue_key or ""
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
    found = tracker.tasks_with_fingerprints(
        [a.fingerprint for a in creates], sorted({a.project for a in creates})
    )
    return {t.fingerprint: t for t in found if t.fingerprint}
