# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The chat listeners beside the scheduler in `os2bot run`: threads, health and metrics.

Each listener runs in a thread of its own with its own connection to the state database, and
answers from it (never starting a run); a write goes to the tracker `connect_tracker` builds.
/healthz shows whether each is connected; /metrics counts commands by chat, name and outcome.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import structlog
from prometheus_client import CollectorRegistry, Counter, Gauge

from os2bot.config import Config
from os2bot.conversation import Conversation
from os2bot.dialogue import Said
from os2bot.ports import ChatMessage, Listener, Tracker
from os2bot.state import SqliteState

log = structlog.get_logger(__name__)

Handle = Callable[[Said, str], ChatMessage | None]


class ListenerMetrics:
    """Commands answered, by chat, command and outcome; whether each listener is connected."""

    def __init__(self, registry: CollectorRegistry) -> None:
        """Register the metrics in *registry* (the service's, beside the runs')."""
        self.commands = Counter(
            "os2bot_chat_commands",
            "Chat commands answered, by chat, command and outcome.",
            ["chat", "command", "outcome"],
            registry=registry,
        )
        self.connected = Gauge(
            "os2bot_listener_connected",
            "Whether the chat listener is connected (1) or not (0).",
            ["chat"],
            registry=registry,
        )
        self.reconnects = Gauge(
            "os2bot_listener_reconnects",
            "Connections a chat listener lost and opened again since the service started.",
            ["chat"],
            registry=registry,
        )


class Listening:
    """The listeners of one service: started together, stopped together, asked for health."""

    def __init__(
        self,
        config: Config,
        *,
        state_path: Path,
        connect_tracker: Callable[[], Tracker],
        build: Callable[[Callable[[str], Handle]], Sequence[Listener]],
        metrics: ListenerMetrics | None = None,
    ) -> None:
        """*build* makes the listeners (wiring.listeners), given how to answer each chat."""
        self.config = config
        self.state_path = state_path
        self.connect_tracker = connect_tracker
        self.metrics = metrics
        self._states: list[SqliteState] = []
        self.listeners = list(build(self._handle_for))
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def _handle_for(self, chat: str) -> Handle:
        """A conversation over its own state connection, counting into the metrics."""
        state = SqliteState(self.state_path)
        self._states.append(state)

        def count(command: str, outcome: str) -> None:
            if self.metrics is not None:
                self.metrics.commands.labels(chat=chat, command=command, outcome=outcome).inc()

        return Conversation(
            self.config, state, connect_tracker=self.connect_tracker, count=count
        ).answer

    def start(self) -> None:
        """Start each listener in a thread of its own."""
        for listener in self.listeners:
            thread = threading.Thread(
                target=listener.run, args=(self._stop,), name=f"listen-{listener.name}", daemon=True
            )
            thread.start()
            self._threads.append(thread)
            if self.metrics is not None:
                self._watch(self.metrics, listener)
            log.info("listener.started", chat=listener.name)

    @staticmethod
    def _watch(metrics: ListenerMetrics, listener: Listener) -> None:
        """The gauges read the listener at each scrape."""
        metrics.connected.labels(chat=listener.name).set_function(lambda: float(listener.connected))
        metrics.reconnects.labels(chat=listener.name).set_function(
            lambda: float(listener.reconnects)
        )

    def stop(self, timeout: float = 10.0) -> None:
        """Stop every listener and wait for it (a message being answered is finished first)."""
        self._stop.set()
        for listener in self.listeners:
            listener.stop()
        for thread in self._threads:
            thread.join(timeout=timeout)
            if thread.is_alive():
                log.warning("listener.not_stopped", thread=thread.name)
        for state in self._states:
            state.close()
        log.info("listener.stopped", listeners=len(self.listeners))

    def status(self) -> dict[str, Any]:
        """Each listener's state, for /healthz."""
        found: dict[str, Any] = {}
        for listener in self.listeners:
            found[listener.name] = {
                "connected": listener.connected,
                "reconnects": listener.reconnects,
                "last_error": listener.last_error,
            }
        return found
