# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The service's job: one locked, recorded run; alerts after repeated failures; metrics."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import structlog

from os2bot.config import Config
from os2bot.domain import count_by_state
from os2bot.messages import Language, text
from os2bot.notify import Outcome, deliver
from os2bot.ports import Chat, ChatMessage, Tracker
from os2bot.service import Mode, RunReport, run_once
from os2bot.state import Busy, RunLock, RunRecord, SqliteState

log = structlog.get_logger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real time."""
    return datetime.now(UTC)


@dataclass
class Connections:
    """What a run talks to; made anew for each run, so a restarted Jira is found again."""

    tracker: Tracker
    chats: Mapping[str, Chat]


class Runner:
    """Runs os2bot's flow for the scheduler (and `apply`): one at a time, recorded."""

    def __init__(
        self,
        config: Config,
        *,
        state_path: Path,
        language: Language,
        connect_tracker: Callable[[], Tracker],
        connect_chats: Callable[[], Mapping[str, Chat]],
        clock: Clock = utc_now,
        observe: Callable[[RunReport | None, str, float, Mapping[str, Chat], int], None]
        | None = None,
    ) -> None:
        """*connect_* build the adapters; *observe* receives each run's outcome (metrics)."""
        self.config = config
        self.state_path = state_path
        self.language = language
        self.connect_tracker = connect_tracker
        self.connect_chats = connect_chats
        self.clock = clock
        self.observe = observe
        self.last_success: datetime | None = None
        self.last_failure: datetime | None = None
        self.last_error: str | None = None

    def run(self, *, digest: bool = False) -> RunReport | None:
        """One run if no other holds the lock; never raises (the scheduler must go on)."""
        lock = RunLock(self.state_path)
        try:
            lock.acquire()
        except Busy:
            log.warning("run.skipped", reason="another run holds the lock", lock=str(lock.path))
            if self.observe:
                self.observe(None, "skipped", 0.0, {}, 0)
            return None
        try:
            return self._locked_run(digest=digest)
        finally:
            lock.release()

    def _locked_run(self, *, digest: bool) -> RunReport | None:
        state = SqliteState(self.state_path)
        started = self.clock()
        began = time.monotonic()
        chats: Mapping[str, Chat] = {}
        try:
            chats = self.connect_chats()
            tracker = self.connect_tracker()
            report = run_once(
                self.config,
                tracker,
                now=started,
                language=self.language,
                mode=Mode.APPLY,
                chats=chats,
                state=state,
                digest=digest,
            )
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            log.exception("run.failed", error=error)
            self.last_failure, self.last_error = self.clock(), error
            state.record_run(
                RunRecord(
                    run_id=f"failed-{started.strftime('%Y%m%dT%H%M%S%f')}",
                    mode="apply",
                    started_at=started.isoformat(),
                    finished_at=self.clock().isoformat(),
                    outcome="failed",
                    counts={},
                    error=error,
                )
            )
            self._alert(state, chats)
            if self.observe:
                self.observe(None, "failed", time.monotonic() - began, chats, len(state.pending()))
            state.close()
            return None
        state.record_run(record_of(report, started, self.clock()))
        self.last_success, self.last_error = self.clock(), None
        self._recovered(state, chats)
        self._forget_old(state)
        if self.observe:
            outcome = "ok" if not report.errors else "degraded"
            self.observe(report, outcome, time.monotonic() - began, chats, len(state.pending()))
        state.close()
        return report

    # ------------------------------------------------------------------------ alerts

    def _alert(self, state: SqliteState, chats: Mapping[str, Chat]) -> None:
        """After N failures in a row, tell the maintainer — once per streak."""
        streak = _failed_streak(state.runs(limit=1000))
        limit = self.config.bot.service.failure_alert_after
        if len(streak) != limit:
            return
        first = streak[-1]
        message = ChatMessage(
            title=text("chat.alert.failing", self.language, count=limit),
            text=text(
                "chat.alert.failing_text",
                self.language,
                since=first["started_at"],
                error=streak[0]["error"] or "-",
            ),
        )
        self._send(state, chats, f"alert:failing:{first['run_id']}", message)

    def _recovered(self, state: SqliteState, chats: Mapping[str, Chat]) -> None:
        """After an alerted streak, say that runs work again."""
        streak = _failed_streak(state.runs(limit=1000)[1:])  # [0] just succeeded
        if len(streak) < self.config.bot.service.failure_alert_after:
            return
        message = ChatMessage(
            title=text("chat.alert.recovered", self.language),
            text=text("chat.alert.recovered_text", self.language, count=len(streak)),
        )
        self._send(state, chats, f"alert:recovered:{streak[-1]['run_id']}", message)

    def _send(
        self, state: SqliteState, chats: Mapping[str, Chat], key: str, message: ChatMessage
    ) -> None:
        for target in self.config.bot.service.maintainer.targets():
            state.enqueue(f"{key}@{target}", target, message.to_json())
        deliver(chats, state, self.language, Outcome())
        log.warning("run.alert", key=key)

    def _forget_old(self, state: SqliteState) -> None:
        days = self.config.bot.service.retention_days
        if days is None:
            return
        cutoff = (self.clock() - timedelta(days=days)).isoformat()
        if forgotten := state.forget_before(cutoff):
            log.info("state.retention", forgotten=forgotten, cutoff=cutoff)


def _failed_streak(runs: list[dict[str, object]]) -> list[dict[str, object]]:
    """The failed runs at the head of *runs* (newest first), up to the first that did not fail."""
    return list(itertools.takewhile(lambda run: run["outcome"] == "failed", runs))


def record_of(report: RunReport, started: datetime, finished: datetime) -> RunRecord:
    """A run report as history keeps it."""
    counts = {
        **{state.value: n for state, n in count_by_state(report.results).items()},
        "planned": len(report.actions),
        "applied": len(report.applied),
        "deferred": len(report.deferred),
        "messages": len(report.posted),
        "errors": len(report.errors),
        "jira_calls": sum(report.calls.values()),
    }
    return RunRecord(
        run_id=report.run_id,
        mode=report.mode.value,
        started_at=started.isoformat(),
        finished_at=finished.isoformat(),
        outcome="ok" if not report.errors else "degraded",
        counts=counts,
        error="; ".join(report.errors) or None,
        results=[
            (
                r.product,
                r.check_id,
                r.state.value,
                r.reason.key,
                json.dumps(r.reason.params, ensure_ascii=False, default=str),
                json.dumps([e.to_json() for e in r.evidence], ensure_ascii=False),
            )
            for r in report.results
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
            for a in report.applied
        ]
        + [
            (a.kind.value, a.fingerprint, a.product, a.issue_key, a.summary, "deferred")
            for a in report.deferred
        ],
    )
