# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The service's job: one locked, recorded run; alerts after repeated failures; metrics."""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import structlog

from os2bot.config import Config
from os2bot.flow import Mode, RunResult, run_once
from os2bot.messages import Language, text
from os2bot.notify import Outcome, deliver
from os2bot.ports import Chat, ChatError, ChatMessage, Tracker, TrackerError
from os2bot.record import record_failure
from os2bot.state import Busy, RunLock, SqliteState, StateError

log = structlog.get_logger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real time."""
    return datetime.now(UTC)


class Runner:
    """Runs os2bot's flow — for the scheduler, `apply` and the demo: one at a time, recorded."""

    def __init__(
        self,
        config: Config,
        *,
        state_path: Path,
        language: Language,
        connect_tracker: Callable[[], Tracker | Mapping[str, Tracker]],
        connect_chats: Callable[[], Mapping[str, Chat]],
        clock: Clock = utc_now,
        observe: Callable[[RunResult | None, str, float, Mapping[str, Chat], int], None]
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
        self.last_exception: Exception | None = None
        self.outcome = ""  # of the last run: ok, degraded, failed or skipped

    def run(self, *, digest: bool = False) -> RunResult | None:
        """One run if no other holds the lock; never raises (the scheduler must go on).

        None when the run was skipped (`outcome` "skipped") or failed (`last_exception`).
        """
        lock = RunLock(self.state_path)
        try:
            lock.acquire()
        except Busy:
            log.warning("run.skipped", reason="another run holds the lock", lock=str(lock.path))
            self.outcome = "skipped"
            if self.observe:
                self.observe(None, "skipped", 0.0, {}, 0)
            return None
        try:
            return self._locked_run(digest=digest)
        finally:
            lock.release()

    def _locked_run(self, *, digest: bool) -> RunResult | None:
        try:
            state = SqliteState(self.state_path)
        except StateError as exc:
            # Before anything is contacted: nothing of this run could be recorded.
            log.error("run.failed", error=str(exc))  # noqa: TRY400 - said without a traceback
            self.last_failure, self.last_error, self.last_exception = self.clock(), str(exc), exc
            self.outcome = "failed"
            if self.observe:
                self.observe(None, "failed", 0.0, {}, 0)
            return None
        started = self.clock()
        began = time.monotonic()
        chats: Mapping[str, Chat] = {}
        try:
            chats = self.connect_chats()
            tracker = self.connect_tracker()
            run = run_once(
                self.config,
                tracker,
                now=started,
                language=self.language,
                mode=Mode.APPLY,
                chats=chats,
                state=state,
                digest=digest,
                clock=self.clock,
            )
        except Exception as exc:
            if isinstance(exc, sqlite3.Error):
                exc = StateError(state.path, exc)
            error = f"{type(exc).__name__}: {exc}"
            if isinstance(exc, TrackerError | ChatError | StateError):
                # Expected (refused, away, no space): said, without a traceback.
                log.error("run.failed", error=error)  # noqa: TRY400
            else:
                log.exception("run.failed", error=error)
            self.last_failure, self.last_error, self.last_exception = self.clock(), error, exc
            self.outcome = "failed"
            try:
                record_failure(
                    state,
                    mode=Mode.APPLY.value,
                    started=started,
                    finished=self.clock(),
                    error=error,
                )
                self._alert(state, chats)
                waiting = len(state.pending())
            except sqlite3.Error as unwritable:
                log.error("state.unwritable", error=str(unwritable))  # noqa: TRY400
                waiting = 0
            if self.observe:
                self.observe(None, "failed", time.monotonic() - began, chats, waiting)
            state.close()
            return None
        self.last_success, self.last_error, self.last_exception = self.clock(), None, None
        self.outcome = run.outcome
        self._recovered(state, chats)
        self._forget_old(state)
        if self.observe:
            self.observe(run, run.outcome, time.monotonic() - began, chats, len(state.pending()))
        state.close()
        return run

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
