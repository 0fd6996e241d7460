# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""One run: collect -> evaluate -> plan -> apply -> notify -> record.

`run_once` is the one function the CLI, the service's runner and the tests call. In CHECK and
PLAN modes nothing is written; APPLY writes to the trackers and chat and records the run.

A run may span several trackers (Jira and GitHub): each product is read from its own, and
each action written to the tracker of its project.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

import structlog

from os2bot.apply import Ledger, apply_actions
from os2bot.collect import as_trackers, collect_snapshot
from os2bot.config import Config
from os2bot.domain import (
    Action,
    ActionKind,
    Applied,
    CheckResult,
    Snapshot,
    State,
    count_by_state,
)
from os2bot.messages import Language
from os2bot.notify import Posted, notify, owed_for
from os2bot.planner import plan_actions
from os2bot.ports import Chat, Repository, StateStore, Tracker
from os2bot.record import record_run
from os2bot.rules import evaluate
from os2bot.support_collect import collect_support

log = structlog.get_logger(__name__)


class Mode(StrEnum):
    """How far a run goes."""

    CHECK = "check"  # collect and evaluate
    PLAN = "plan"  # ... and plan
    APPLY = "apply"  # ... and write to the tracker and chat, and record


@dataclass
class RunResult:
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
    uncertain: list[Action] = field(default_factory=list)  # creates waiting to be settled
    waiting: int = 0  # chat messages kept in the outbox for a later run
    calls: dict[str, int] = field(default_factory=dict)  # every tracker's, by endpoint
    responses: dict[tuple[str, int], int] = field(default_factory=dict)  # (endpoint, status)
    calls_by_tracker: dict[str, dict[str, int]] = field(default_factory=dict)
    snapshot: Snapshot | None = None

    def count(self, state: State) -> int:
        """How many results are in *state*."""
        return count_by_state(self.results)[state]

    @property
    def created(self) -> list[Applied]:
        """Tasks this run opened."""
        return [a for a in self.applied if a.action.kind is ActionKind.CREATE and not a.existed]

    @property
    def outcome(self) -> str:
        """ok, or degraded when something was refused or could not be delivered."""
        return "degraded" if self.errors else "ok"


def run_once(
    config: Config,
    trackers: Tracker | Mapping[str, Tracker],
    *,
    now: datetime,
    language: Language,
    mode: Mode = Mode.APPLY,
    chats: Mapping[str, Chat] | None = None,
    state: StateStore | None = None,
    digest: bool = False,
    clock: Callable[[], datetime] | None = None,
    repository: Repository | None = None,
) -> RunResult:
    """One run of the flow; in CHECK and PLAN modes nothing is written.

    *trackers* are by name (jira, github); one tracker alone is Jira's. Files in Git are read
    through *repository* (default: the tracker that reads them). With *digest*, the
    secretariat's weekly digest is queued and sent too. With a *state*, an APPLY run notifies
    and records itself (finished at *clock*'s time, default *now*).
    """
    by_name = as_trackers(trackers)
    run = RunResult(run_id=uuid.uuid4().hex[:12], started=now, mode=mode)
    structlog.contextvars.bind_contextvars(run_id=run.run_id)
    began = time.monotonic()
    ending = "failed"  # until the run gets to its end
    try:
        log.info(
            "run.started",
            mode=mode.value,
            products=len(config.products),
            config=str(config.root.resolve()),
        )
        snapshot = collect_snapshot(
            config, by_name, now, with_tasks=mode is not Mode.CHECK, repository=repository
        )
        collect_support(config, by_name, snapshot, state)  # joint support: worklogs, SLA
        run.snapshot = snapshot
        run.results = evaluate(snapshot, config)
        if mode is not Mode.CHECK:
            previous = state.check_states() if state is not None else {}
            ladder = state.ladder_memory() if state is not None else None
            run.actions = plan_actions(
                run.results, config, snapshot, language, previous, ladder=ladder
            )
        if mode is Mode.APPLY:
            done = apply_actions(
                run.actions,
                by_name,
                run.errors,
                route=config.tracker_of,
                budget=config.bot.tasks.budget,
                on_applied=owed_for(config, state, language, now=now, tasks=snapshot.bot_tasks)
                if state is not None
                else None,
                ledger=Ledger(state, now) if state is not None else None,
                known_tasks=snapshot.bot_tasks,
            )
            run.applied, run.deferred, run.uncertain = done.applied, done.deferred, done.uncertain
            if state is not None:
                outcome = notify(
                    config,
                    chats or {},
                    state,
                    snapshot=snapshot,
                    results=run.results,
                    applied=run.applied,
                    language=language,
                    now=now,
                    digest=digest,
                )
                run.posted = outcome.posted
                run.waiting = outcome.waiting
                run.errors += outcome.errors
        _count_calls(run, by_name, repository)
        if mode is Mode.APPLY and state is not None:
            record_run(state, run, finished=(clock or (lambda: now))(), config=config)
    except KeyboardInterrupt:
        ending = "interrupted"
        raise
    else:
        ending = run.outcome
        return run
    finally:
        _count_calls(run, by_name, repository)
        log.info(
            "run.finished",
            mode=mode.value,
            outcome=ending,
            duration_seconds=round(time.monotonic() - began, 3),
            products=len(config.products),
            met=run.count(State.MET),
            not_met=run.count(State.NOT_MET),
            unknown=run.count(State.UNKNOWN),
            planned=len(run.actions),
            created=len(run.created),
            applied=len(run.applied),
            deferred=len(run.deferred),
            uncertain=len(run.uncertain),
            messages=len(run.posted),
            outbox_waiting=run.waiting,
            errors=len(run.errors),
            jira_calls=sum(run.calls_by_tracker.get("jira", {}).values()),
            github_calls=sum(run.calls_by_tracker.get("github", {}).values()),
        )
        structlog.contextvars.unbind_contextvars("run_id")


def _count_calls(
    run: RunResult, trackers: Mapping[str, Tracker], repository: Repository | None
) -> None:
    """Every tracker's calls so far, by tracker and (the names do not overlap) together."""
    counted: dict[str, Tracker | Repository] = dict(trackers)
    if repository is not None and all(t is not repository for t in counted.values()):
        counted["github"] = repository  # a repository without a tracker counts its calls too
    run.calls_by_tracker = {name: dict(t.calls) for name, t in counted.items()}
    run.calls = {k: v for calls in run.calls_by_tracker.values() for k, v in calls.items()}
    run.responses = {
        k: v for t in counted.values() for k, v in dict(getattr(t, "responses", {})).items()
    }
