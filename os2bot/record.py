# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Record: a run, its results and its actions kept in the state database as history.

The report, the served view and chat answers draw on what is recorded here.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from os2bot.config import Config
from os2bot.domain import ActionKind, Snapshot, State, count_by_state
from os2bot.ladder import escalation_fingerprint, reminder_index
from os2bot.notify.compose import open_tasks
from os2bot.ports import OpenTask, RunRecord, StateStore
from os2bot.support import card_numbers, card_of

if TYPE_CHECKING:
    from os2bot.flow import RunResult


def record_run(
    state: StateStore, run: RunResult, *, finished: datetime, config: Config | None = None
) -> None:
    """Keep *run* as history: counts, every result with its evidence, every action.

    With *config*, also the bot's tasks the run left open (what chat answers list) and each
    prepaid hours card's numbers as the run read them (what the report shows).
    """
    cards = card_rows(config, run.snapshot) if config is not None and run.snapshot else []
    state.record_run(record_of(run, run.started, finished, cards=cards))
    if config is not None and run.snapshot is not None:
        state.save_open_tasks(open_task_rows(config, state, run, run.snapshot))


def card_rows(config: Config, snapshot: Snapshot) -> list[tuple[str, str]]:
    """(product, numbers JSON) of every card *snapshot* read; a card not read is left out."""
    return [
        (product.key, json.dumps(card_numbers(usage), ensure_ascii=False))
        for product in config.products
        if (usage := card_of(product, snapshot)) is not None
    ]


def open_task_rows(
    config: Config, state: StateStore, run: RunResult, snapshot: Snapshot
) -> list[OpenTask]:
    """The bot's tasks open after *run*, each with the product it belongs to where known.

    A reminder names its product by its fingerprint, an escalation task by the reminder it
    escalates, any other task by the product whose project it is in, or by what this run did
    ("" when none of these tell, e.g. the portfolio's dashboard).
    """
    reminders = {fp: product.key for fp, (product, _check) in reminder_index(config).items()}
    memory = state.ladder_memory()
    escalations = {
        escalation_fingerprint(key): record.product for key, record in memory.records.items()
    }
    projects = {p.project: p.key for p in config.products}
    done = {a.action.fingerprint: a.action.product for a in run.applied if a.action.product}
    due = {t.key: t.duedate for t in snapshot.bot_tasks} | {
        a.key: a.action.due for a in run.applied if a.action.kind is ActionKind.CREATE
    }
    rows = []
    for task in open_tasks(snapshot.bot_tasks, run.applied):
        fp = task.fingerprint or ""
        product = (
            reminders.get(fp) or escalations.get(fp) or done.get(fp) or projects.get(task.project)
        )
        rows.append(
            OpenTask(
                key=task.key,
                fingerprint=fp,
                product=product or "",
                project=task.project,
                summary=task.summary,
                url=task.url,
                due=task.duedate or due.get(task.key),
                labels=task.labels,
            )
        )
    return rows


def record_failure(
    state: StateStore, *, mode: str, started: datetime, finished: datetime, error: str
) -> None:
    """Keep a run that failed before it could finish, with its error."""
    state.record_run(
        RunRecord(
            run_id=f"failed-{started.strftime('%Y%m%dT%H%M%S%f')}",
            mode=mode,
            started_at=started.isoformat(),
            finished_at=finished.isoformat(),
            outcome="failed",
            counts={},
            error=error,
        )
    )


def record_of(
    run: RunResult,
    started: datetime,
    finished: datetime,
    *,
    cards: list[tuple[str, str]] | None = None,
) -> RunRecord:
    """A run as history keeps it (*cards*: `card_rows`)."""
    by_state = count_by_state(run.results)
    counts = {state.value: by_state[state] for state in State} | {
        "planned": len(run.actions),
        "applied": len(run.applied),
        "deferred": len(run.deferred),
        "uncertain": len(run.uncertain),
        "messages": len(run.posted),
        "errors": len(run.errors),
        "jira_calls": sum(run.calls_by_tracker.get("jira", run.calls).values()),
        "github_calls": sum(run.calls_by_tracker.get("github", {}).values()),
    }
    return RunRecord(
        run_id=run.run_id,
        mode=run.mode.value,
        started_at=started.isoformat(),
        finished_at=finished.isoformat(),
        outcome=run.outcome,
        counts=counts,
        error="; ".join(run.errors) or None,
        results=[
            (
                r.product,
                r.check_id,
                r.state.value,
                r.reason.key,
                json.dumps(r.reason.params, ensure_ascii=False, default=str),
                json.dumps([e.to_json() for e in r.evidence], ensure_ascii=False),
            )
            for r in run.results
        ],
        actions=[
            (
                a.action.kind.value,
                a.action.fingerprint,
                a.action.product,
                a.key or None,
                a.action.summary,
                "existed" if a.existed else "done",
            )
            for a in run.applied
        ]
        + [
            (a.kind.value, a.fingerprint, a.product, a.issue_key, a.summary, "deferred")
            for a in run.deferred
        ]
        + [
            (a.kind.value, a.fingerprint, a.product, a.issue_key, a.summary, "uncertain")
            for a in run.uncertain
        ],
        cards=list(cards or []),
    )
