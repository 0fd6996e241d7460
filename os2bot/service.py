# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""One run: collect -> evaluate -> plan -> apply -> notify. The CLI, scheduler and tests call it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

import structlog

from os2bot import rules
from os2bot.config import Config
from os2bot.domain import (
    Action,
    ActionKind,
    Applied,
    CheckResult,
    Issue,
    Query,
    SelfAssessment,
    Snapshot,
    State,
    count_by_state,
)
from os2bot.messages import Language
from os2bot.notify import (
    Outcome,
    Posted,
    deliver,
    digest_message,
    events,
    open_tasks,
    post_statuses,
)
from os2bot.planner import REQUEST_FIELDS, plan_actions
from os2bot.ports import (
    Chat,
    StateStore,
    Tracker,
    TrackerError,
    TrackerUnavailable,
)
from os2bot.rules import evaluate
from os2bot.rules.self_assessment import parse as parse_assessment

log = structlog.get_logger(__name__)

TASK_FIELDS = ("summary", "project", "status", "labels")


class Mode(StrEnum):
    """How far a run goes."""

    CHECK = "check"  # collect and evaluate
    PLAN = "plan"  # ... and plan
    APPLY = "apply"  # ... and write to Jira and chat


@dataclass
class RunReport:
    """What one run saw and did."""

    run_id: str
    started: datetime
    mode: Mode
    results: list[CheckResult] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    applied: list[Applied] = field(default_factory=list)
    posted: list[Posted] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    deferred: list[Action] = field(default_factory=list)  # past the write budget
    waiting: int = 0  # chat messages kept in the outbox for a later run
    calls: dict[str, int] = field(default_factory=dict)
    responses: dict[tuple[str, int], int] = field(default_factory=dict)  # (endpoint, status)
    snapshot: Snapshot | None = None

    def count(self, state: State) -> int:
        """How many results are in *state*."""
        return count_by_state(self.results)[state]

    @property
    def created(self) -> list[Applied]:
        """Tasks this run opened."""
        return [a for a in self.applied if a.action.kind is ActionKind.CREATE and not a.existed]


def collect_snapshot(
    config: Config, tracker: Tracker, now: datetime, *, with_tasks: bool = True
) -> Snapshot:
    """Read everything the rules need, each query once across all products.

    Versions are read only where a check needs them, boards in one listing, self-assessments
    from disk.

    A query Jira rejects makes the checks that need it unknown; Jira being unreachable stops
    the run. With *with_tasks* it also reads the bot's open tasks, which planning needs.
    """
    configured = {p.jira.project for p in config.products}
    if config.bot.secretariat.jira_project:
        configured.add(config.bot.secretariat.jira_project)
    readable = tracker.readable_projects() & configured
    snapshot = Snapshot(taken_at=now, timezone=config.bot.timezone, projects=frozenset(readable))
    wanted = rules.needs(config)
    if with_tasks:
        _add_task_needs(config, wanted)
    for query, projects in sorted(wanted.queries.items(), key=lambda kv: kv[0].id):
        _collect_query(snapshot, tracker, query, sorted(projects & readable))
    _collect_versions_and_boards(snapshot, tracker, wanted, readable)
    for product_key, path in wanted.assessments.items():
        snapshot.assessments[product_key] = _read_assessment(config.root / path)
    if with_tasks:
        _collect_release_issues(config, snapshot, tracker)
    if readable and with_tasks:
        snapshot.bot_tasks = tracker.bot_tasks(sorted(readable), TASK_FIELDS)
    return snapshot


def _collect_versions_and_boards(
    snapshot: Snapshot, tracker: Tracker, wanted: rules.Needs, readable: frozenset[str]
) -> None:
    """Versions per project that needs them; every board in one listing."""
    for project in sorted(wanted.versions & readable):
        try:
            snapshot.versions[project] = tracker.versions(project)
        except TrackerUnavailable:
            raise
        except TrackerError as exc:
            snapshot.versions_failures[project] = str(exc)
    if wanted.boards:
        try:
            snapshot.boards = tracker.boards()
        except TrackerUnavailable:
            raise
        except TrackerError as exc:
            snapshot.boards_error = str(exc)


def _add_task_needs(config: Config, wanted: rules.Needs) -> None:
    """What planning tasks needs besides the checks: requests and versions."""
    for product in config.products:
        project = product.jira.project
        if product.prioritisation is not None or product.triage:
            wanted.query(Query(product.requests_jql, fields=REQUEST_FIELDS), project)
        if product.releases.enabled:
            wanted.versions.add(project)


def _collect_release_issues(config: Config, snapshot: Snapshot, tracker: Tracker) -> None:
    """The unresolved issues of every version due for a release task, in one search."""
    today = snapshot.taken_at.astimezone(config.bot.tz).date()
    due: set[tuple[str, str]] = set()
    for product in config.products:
        project = product.jira.project
        if not product.releases.enabled:
            continue
        horizon = today + timedelta(days=product.releases.lead_days)
        due |= {
            (project, v.name)
            for v in snapshot.versions.get(project, [])
            if not v.released and not v.archived and v.release_date and v.release_date <= horizon
        }
    if not due:
        return
    try:
        found = tracker.open_issues_in_versions(sorted(due))
    except TrackerUnavailable:
        raise
    except TrackerError as exc:
        log.warning("collect.release_issues_failed", error=str(exc))
        return
    for key in due:
        snapshot.release_issues[key] = []
    for issue in found:
        for name in issue.fix_versions:
            if (issue.project, name) in due:
                snapshot.release_issues[(issue.project, name)].append(issue)


def _collect_query(snapshot: Snapshot, tracker: Tracker, query: Query, projects: list[str]) -> None:
    """Run *query* once for all *projects* and file its issues by project."""
    if not projects:
        return
    try:
        issues = tracker.evidence(query, projects)
    except TrackerUnavailable:
        raise
    except TrackerError as exc:
        log.warning("collect.query_failed", query=query.id, error=str(exc))
        snapshot.failures[query] = str(exc)
        return
    by_project: dict[str, list[Issue]] = {p: [] for p in projects}
    for issue in issues:
        by_project.setdefault(issue.project, []).append(issue)
    snapshot.results[query] = by_project
    log.debug("collect.query", query=query.id, issues=len(issues), projects=len(projects))


def _read_assessment(path: Path) -> SelfAssessment | str:
    """A self-assessment file, or what is wrong with it."""
    try:
        return parse_assessment(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"


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
) -> tuple[list[Applied], list[Action]]:
    """Carry out *actions* within *budget* writes; return what was done and what waits.

    Before any create, one search asks Jira for every planned fingerprint label at once, so a
    task that exists is never opened again (one call, however many creates). An action Jira
    refuses is logged and listed in *errors*, and the others go on; Jira being unreachable
    stops the run (the next run picks up where this one stopped, and finds what was done by
    its labels).
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


def run_once(
    config: Config,
    tracker: Tracker,
    *,
    now: datetime,
    language: Language,
    mode: Mode = Mode.APPLY,
    chats: Mapping[str, Chat] | None = None,
    state: StateStore | None = None,
    digest: bool = False,
) -> RunReport:
    """One run of the flow; in CHECK and PLAN modes nothing is written.

    With *digest*, the secretariat's weekly digest is queued and sent too.
    """
    report = RunReport(run_id=uuid.uuid4().hex[:12], started=now, mode=mode)
    structlog.contextvars.bind_contextvars(run_id=report.run_id)
    try:
        log.info("run.started", mode=mode.value, products=len(config.products))
        snapshot = collect_snapshot(config, tracker, now, with_tasks=mode is not Mode.CHECK)
        report.snapshot = snapshot
        report.results = evaluate(snapshot, config)
        if mode is not Mode.CHECK:
            previous = state.check_states() if state is not None else {}
            report.actions = plan_actions(report.results, config, snapshot, language, previous)
        if mode is Mode.APPLY:
            report.applied, report.deferred = apply_actions(
                report.actions, tracker, report.errors, budget=config.bot.tasks.budget
            )
            if state is not None:
                outcome = notify_all(
                    config, report, chats or {}, state, language=language, now=now, digest=digest
                )
                report.posted = outcome.posted
                report.waiting = outcome.waiting
                report.errors += outcome.errors
        return report
    finally:
        report.calls = dict(tracker.calls)
        report.responses = dict(getattr(tracker, "responses", {}))
        log.info(
            "run.finished",
            mode=mode.value,
            products=len(config.products),
            met=report.count(State.MET),
            not_met=report.count(State.NOT_MET),
            unknown=report.count(State.UNKNOWN),
            planned=len(report.actions),
            created=len(report.created),
            applied=len(report.applied),
            deferred=len(report.deferred),
            messages=len(report.posted),
            outbox_waiting=report.waiting,
            errors=len(report.errors),
            jira_calls=sum(report.calls.values()),
        )
        structlog.contextvars.unbind_contextvars("run_id")


def notify_all(
    config: Config,
    report: RunReport,
    chats: Mapping[str, Chat],
    state: StateStore,
    *,
    language: Language,
    now: datetime,
    digest: bool,
) -> Outcome:
    """Statuses, events and (when asked) the digest; the events are kept before any is sent."""
    snapshot = report.snapshot
    assert snapshot is not None  # noqa: S101 - notify runs after collect
    today = now.astimezone(config.bot.tz).date()
    tasks = open_tasks(snapshot.bot_tasks, report.applied)
    outcome = Outcome()
    post_statuses(
        config,
        chats,
        state,
        results=report.results,
        tasks=tasks,
        language=language,
        now=now,
        outcome=outcome,
    )
    current = {(r.product, r.check_id): r.state.value for r in report.results}
    requests = {
        p.key: len(snapshot.issues(Query(p.requests_jql, fields=REQUEST_FIELDS), p.jira.project))
        for p in config.products
    }
    for event in events(
        config,
        results=report.results,
        previous=state.check_states(),
        done=report.applied,
        requests=requests,
        tasks=tasks,
        language=language,
        today=today,
    ):
        product = next(p for p in config.products if p.key == event.product)
        for target in product.chat.targets():
            if state.enqueue(f"{event.key}@{target}", target, event.message.to_json()):
                outcome.queued += 1
    state.save_check_states(current)
    if digest:
        message = digest_message(
            config,
            results=report.results,
            previous=state.check_states("digest_states"),
            language=language,
            today=today,
        )
        week = today.isocalendar()
        for target in config.bot.secretariat.chat.targets():
            if state.enqueue(
                f"digest:{week.year}-W{week.week:02d}@{target}", target, message.to_json()
            ):
                outcome.queued += 1
        state.save_check_states(current, "digest_states")
    deliver(chats, state, language, outcome)
    return outcome
