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
from typing import Literal

import structlog

from os2bot.domain import Action, ActionKind, Applied, Issue
from os2bot.ports import Create, StateStore, Tracker, TrackerError, TrackerUnavailable

log = structlog.get_logger(__name__)


def writes(action: Action) -> int:
    """How many tracker writes *action* takes (a resolve comments and transitions)."""
    if action.kind is ActionKind.RESOLVE or (action.kind is ActionKind.COMMENT and action.mark):
        return 2
    return 1


@dataclass
class Ledger:
    """The creates of recent runs: nothing opened twice, nothing opened left unannounced.

    Jira Cloud's search index lags writes by seconds to minutes, and an answer lost to a
    timeout may still land after the next run's search: neither may open a task twice. The
    ledger hears of each create before it is sent (an *attempt*) and of its key after. A
    create with a known key is checked by reading that key (consistent at once); an attempt
    whose answer never came stays *uncertain* for `settle` and is not tried again until a
    search has found it or that time has passed; an attempt whose task a search finds was
    opened by a run that stopped before it could say so, and is announced now.
    """

    store: StateStore
    now: datetime
    settle: timedelta = timedelta(minutes=30)
    keep: timedelta = timedelta(days=2)
    recent: dict[str, Create] = field(init=False)

    def __post_init__(self) -> None:
        """Read what recent runs remembered (older entries are forgotten)."""
        self.recent = self.store.recent_creates(self.now - self.keep)

    def attempted(self, fingerprint: str) -> bool:
        """Whether a create of this task was sent and its outcome never recorded."""
        entry = self.recent.get(fingerprint)
        return entry is not None and entry.key is None

    def attempt(self, action: Action) -> None:
        """A create is about to be sent."""
        self._remember(action.fingerprint, None, action.product, action.project, action.summary)

    def opened(self, action: Action, key: str) -> None:
        """A create was done: the task's key."""
        self._remember(action.fingerprint, key, action.product, action.project, action.summary)

    def forget(self, fingerprint: str) -> None:
        """Nothing uncertain about this task any more."""
        if self.recent.pop(fingerprint, None) is not None:
            self.store.forget_create(fingerprint)

    def look(self, fingerprint: str, tracker: Tracker) -> tuple[Issue | None, bool]:
        """A remembered create the search did not find: (the open task, settled?)."""
        entry = self.recent[fingerprint]
        if entry.key is None:
            return None, self.now - entry.at >= self.settle
        task = tracker.task(entry.key)
        if task is not None and task.fingerprint == fingerprint and task.status_category != "done":
            return task, True
        return None, True  # deleted or resolved since: a new task is due

    def unannounced(self, tasks: Sequence[Issue]) -> list[Applied]:
        """Tasks among *tasks* that an attempt opened without its run recording it."""
        found = []
        for task in tasks:
            entry = self.recent.get(task.fingerprint or "")
            if entry is None or entry.key is not None:
                continue
            action = Action(
                kind=ActionKind.CREATE,
                fingerprint=entry.fingerprint,
                product=entry.product,
                project=entry.project,
                summary=entry.summary,
                keep_labels=task.labels,
            )
            log.info("apply.found_unannounced", fingerprint=entry.fingerprint, key=task.key)
            self.forget(entry.fingerprint)
            found.append(Applied(action, task.key, task.url))
        return found

    def _remember(
        self, fingerprint: str, key: str | None, product: str, project: str, summary: str
    ) -> None:
        entry = Create(fingerprint, key, self.now, product, project, summary)
        self.store.remember_create(entry)
        self.recent[fingerprint] = entry


@dataclass
class ApplyResult:
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
    known_tasks: Sequence[Issue] = (),
    route: Callable[[str], str] | None = None,
) -> ApplyResult:
    """Carry out *actions* within *budget* writes; return what was done and what waits.

    *trackers* are by name (a single tracker is Jira's); *route* names the tracker of a
    project (default: jira). Before any create, one search per tracker asks for every planned
    fingerprint at once, so a task that exists is never opened again (one call, however many
    creates); the *ledger* covers what that search cannot see yet, and finds among
    *known_tasks* (the bot's tasks collect read) those opened by a run that stopped before it
    could announce them. An action a tracker refuses is logged and listed in *errors*, and
    the others go on; a tracker being unreachable stops the run (the next run picks up where
    this one stopped, and finds what was done by its labels). *on_applied* hears of each
    write as soon as it is done, before the next.
    """
    routes = Routes(trackers, route)
    outcome = ApplyResult()

    def tell(done: Applied) -> None:
        outcome.applied.append(done)
        if on_applied is not None:
            on_applied(done)

    for found in ledger.unannounced(known_tasks) if ledger else []:
        tell(found)
    existing = routes.find_tasks([a for a in actions if a.kind is ActionKind.CREATE])
    used = 0
    for index, action in enumerate(actions):
        cost = writes(action)
        if used + cost > budget:
            outcome.deferred = actions[index:]
            log.warning("apply.budget_spent", budget=budget, deferred=len(outcome.deferred))
            return outcome
        used += cost
        done = _carry_out(action, routes, existing, ledger, errors)
        if done is None:
            outcome.uncertain.append(action)
        elif done is not False:
            tell(done)
    return outcome


def _carry_out(
    action: Action,
    routes: Routes,
    existing: Mapping[str, Issue],
    ledger: Ledger | None,
    errors: list[str] | None,
) -> Applied | Literal[False] | None:
    """One action: done, None when its create is uncertain, False when the tracker refused.

    A refusal is logged and listed in *errors*; the tracker being unreachable is raised.
    """
    try:
        tracker = routes.tracker(action.project)
        if action.kind is ActionKind.CREATE:
            return _create(action, tracker, existing, ledger)
        return _apply(action, tracker)
    except TrackerUnavailable:
        raise
    except TrackerError as exc:
        log.warning("apply.refused", fingerprint=action.fingerprint, error=str(exc))
        if errors is not None:
            errors.append(f"{action.issue_key or action.project}: {action.summary}: {exc}")
        return False


def _create(
    action: Action, tracker: Tracker, existing: Mapping[str, Issue], ledger: Ledger | None
) -> Applied | None:
    """Open the task unless it exists; None when an earlier create is still uncertain."""
    fp = action.fingerprint
    found = existing.get(fp)
    if found is None and ledger is not None and fp in ledger.recent:
        found, settled = ledger.look(fp, tracker)
        if not settled:
            log.warning("apply.create_uncertain", fingerprint=fp)
            return None
    if found is not None:
        # An attempt whose task is there was never announced: say so now.
        attempted = ledger is not None and ledger.attempted(fp)
        if ledger is not None:
            ledger.forget(fp)
        log.info("apply.exists", fingerprint=fp, key=found.key, attempted=attempted)
        return Applied(action, found.key, found.url, existed=not attempted)
    if ledger is not None:
        ledger.attempt(action)
    task = _send_create(action, tracker, ledger)
    if ledger is not None:
        ledger.opened(action, task.key)
    log.info("apply.created", fingerprint=fp, key=task.key)
    return Applied(action, task.key, task.url)


def _send_create(action: Action, tracker: Tracker, ledger: Ledger | None) -> Issue:
    """The create itself; after a lost answer, a look for what it may have done."""
    try:
        return tracker.create_task(
            project=action.project,
            summary=action.summary,
            description=action.description,
            labels=action.labels,
            assignee=action.assignee,
            due=action.due,
        )
    except TrackerUnavailable as exc:
        if not exc.write_may_have_happened:
            if ledger is not None:
                ledger.forget(action.fingerprint)
            raise
        # The answer was lost, not necessarily the write: look before anyone retries, and
        # if the search cannot see it, leave it uncertain (the attempt stays) until one can.
        found = _find_tasks(tracker, [action]).get(action.fingerprint)
        if found is None:
            raise
        return found
    except TrackerError:
        if ledger is not None:
            ledger.forget(action.fingerprint)  # refused: certainly not done
        raise


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
