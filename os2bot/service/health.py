# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""/healthz and /metrics for `os2bot run`: is the bot working, and what has it done."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from os2bot.domain import State
from os2bot.flow import RunResult
from os2bot.httpd import PromptHTTPServer
from os2bot.ports import Chat
from os2bot.service.view import ReportView, Response
from os2bot.state import SqliteState, StateError

Clock = Callable[[], datetime]
NextRun = Callable[[datetime], datetime | None]


class Metrics:
    """Prometheus metrics of the runs, in a registry of their own."""

    def __init__(self) -> None:
        """Register every metric."""
        self.registry = CollectorRegistry()
        self.runs = Counter(
            "os2bot_runs",
            "Runs by outcome (ok, degraded, failed, skipped).",
            ["outcome"],
            registry=self.registry,
        )
        self.duration = Histogram(
            "os2bot_run_duration_seconds",
            "How long a run took.",
            buckets=(1, 5, 15, 30, 60, 120, 300, 600, 1800),
            registry=self.registry,
        )
        self.jira_calls = Counter(
            "os2bot_jira_calls",
            "Jira calls by endpoint and HTTP status.",
            ["endpoint", "status"],
            registry=self.registry,
        )
        self.chat_calls = Counter(
            "os2bot_chat_calls",
            "Chat calls by system, method, outcome.",
            ["system", "method", "outcome"],
            registry=self.registry,
        )
        self.checks = Gauge(
            "os2bot_checks",
            "Check results of the last run, by state.",
            ["state"],
            registry=self.registry,
        )
        self.actions = Counter(
            "os2bot_actions", "Jira actions carried out, by kind.", ["kind"], registry=self.registry
        )
        self.deferred = Counter(
            "os2bot_actions_deferred",
            "Actions left for the next run (write budget).",
            registry=self.registry,
        )
        self.outbox = Gauge(
            "os2bot_outbox_pending", "Chat messages waiting in the outbox.", registry=self.registry
        )
        self.last_success = Gauge(
            "os2bot_last_success_timestamp_seconds",
            "When the last run succeeded (Unix time).",
            registry=self.registry,
        )
        self._chat_seen: dict[tuple[str, str, str], int] = {}

    def observe(
        self,
        report: RunResult | None,
        outcome: str,
        seconds: float,
        chats: Mapping[str, Chat],
        outbox: int,
    ) -> None:
        """Count one run (the Runner calls this after each)."""
        self.runs.labels(outcome=outcome).inc()
        if outcome == "skipped":
            return
        self.duration.observe(seconds)
        self.outbox.set(outbox)
        self._count_chat_calls(chats)
        if report is None:
            return
        for (endpoint, status), count in report.responses.items():
            self.jira_calls.labels(endpoint=endpoint, status=str(status)).inc(count)
        for state in State:
            self.checks.labels(state=state.value).set(report.count(state))
        for done in report.applied:
            self.actions.labels(kind=done.action.kind.value).inc()
        self.deferred.inc(len(report.deferred))
        if outcome in {"ok", "degraded"}:
            self.last_success.set(report.started.timestamp())

    def _count_chat_calls(self, chats: Mapping[str, Chat]) -> None:
        # Adapters keep running totals; count only what is new since the last run.
        for system, chat in chats.items():
            for (method, result), total in dict(getattr(chat, "calls", {})).items():
                key = (system, method, result)
                new = total - self._chat_seen.get(key, 0)
                if new > 0:
                    self.chat_calls.labels(system=system, method=method, outcome=result).inc(new)
                self._chat_seen[key] = total

    def exposition(self) -> bytes:
        """The metrics in Prometheus' text format."""
        return bytes(generate_latest(self.registry))


class Health:
    """Healthy while the last run succeeded and the next is not overdue (plus grace)."""

    def __init__(
        self,
        *,
        next_run: NextRun,
        grace: timedelta,
        started: datetime,
        listeners: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        """*next_run* says when the schedule runs next after a given moment.

        *listeners* tells whether each chat listener is connected; it is shown, and does not
        make the bot unhealthy (a restart does not bring a chat back).
        """
        self.listeners = listeners
        self.next_run = next_run
        self.grace = grace
        self.started = started
        self.last_success: datetime | None = None
        self.last_failure: datetime | None = None
        self.last_error: str | None = None

    def restore(self, runs: list[dict[str, object]]) -> None:
        """The last success and failure from the run history (*runs* newest first).

        So a restarted service knows them before its first run.
        """
        for run in runs:
            finished = run.get("finished_at") or run.get("started_at")
            if not isinstance(finished, str):
                continue
            moment = datetime.fromisoformat(finished)
            if run.get("outcome") in {"ok", "degraded"}:
                self.last_success = self.last_success or moment
            elif run.get("outcome") == "failed" and self.last_failure is None:
                self.last_failure = moment
                self.last_error = str(run.get("error") or "")
            if self.last_success is not None:
                return

    def status(self, now: datetime) -> tuple[int, dict[str, Any]]:
        """The HTTP status and JSON body of /healthz at *now*."""
        body: dict[str, Any] = {
            "last_success": self.last_success.isoformat() if self.last_success else None,
            "last_failure": self.last_failure.isoformat() if self.last_failure else None,
        }
        if self.listeners is not None:
            body["listeners"] = self.listeners()
        if self.last_failure and (
            self.last_success is None or self.last_failure > self.last_success
        ):
            return 503, {
                **body,
                "status": "failing",
                "reason": f"last run failed: {self.last_error}",
            }
        reference = self.last_success or self.started
        due = self.next_run(reference)
        if due is not None and now > due + self.grace:
            return 503, {
                **body,
                "status": "stale",
                "reason": f"no successful run since {reference.isoformat()}; one was due "
                f"{due.isoformat()}",
            }
        return 200, {**body, "status": "ok", "next_run": due.isoformat() if due else None}


def restore(health: Health, metrics: Metrics, state_path: Path) -> None:
    """The last success (and a later failure) from the run history, after a restart.

    Nothing when there is no history yet.
    """
    if not state_path.exists():
        return
    try:
        state = SqliteState(state_path, readonly=True)
        try:
            runs = state.runs(limit=200)
        finally:
            state.close()
    except (StateError, sqlite3.Error):
        return
    health.restore(runs)
    if health.last_success is not None:
        metrics.last_success.set(health.last_success.timestamp())


def route(
    target: str,
    headers: Mapping[str, str],
    *,
    health: Health,
    metrics: Metrics,
    clock: Clock,
    view: ReportView | None,
) -> Response:
    """The answer to a GET of *target*: health, metrics, the report, or not found."""
    path = target.split("?", maxsplit=1)[0]
    if path == "/healthz":
        code, body = health.status(clock())
        return Response(code, json.dumps(body).encode(), "application/json")
    if path == "/metrics":
        return Response(200, metrics.exposition(), CONTENT_TYPE_LATEST)
    found = view.answer(target, headers) if view is not None else None
    if found is not None:
        return found
    return Response(404, b'{"error": "not found"}', "application/json")


def serve(
    host: str,
    port: int,
    *,
    health: Health,
    metrics: Metrics,
    clock: Clock,
    view: ReportView | None = None,
) -> ThreadingHTTPServer:
    """Serve /healthz, /metrics and (given a *view*) the report in a background thread.

    GET and HEAD only: nothing here changes anything.
    """

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:
            """Quiet: probes every few seconds would flood the log."""

        def _answer(self) -> Response:
            headers = {name.lower(): value for name, value in self.headers.items()}
            return route(self.path, headers, health=health, metrics=metrics, clock=clock, view=view)

        def _send(self, response: Response, *, body: bool) -> None:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if body:
                self.wfile.write(response.body)

        def do_GET(self) -> None:
            self._send(self._answer(), body=True)

        def do_HEAD(self) -> None:
            self._send(self._answer(), body=False)

        def _read_only(self) -> None:
            self._send(
                Response(
                    405, b'{"error": "read-only"}', "application/json", {"Allow": "GET, HEAD"}
                ),
                body=True,
            )

        do_POST = do_PUT = do_PATCH = do_DELETE = _read_only  # noqa: N815 - http.server's names

    server = PromptHTTPServer((host, port), Handler)  # stops at once on SIGTERM
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
