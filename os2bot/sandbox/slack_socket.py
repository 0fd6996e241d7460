# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Slack's Socket Mode in the sandbox: a loopback websocket that apps.connections.open names.

As Slack documents it (docs.slack.dev/apis/events-api/using-socket-mode): the app calls
`apps.connections.open` with its app-level token (xapp-…) and gets a one-off `wss://` URL
(here `ws://127.0.0.1:…`); on connecting it is sent a `hello`; events come as envelopes
(`type: events_api`, an `envelope_id` and the Events API `payload`), each of which the app
acknowledges by sending back `{"envelope_id": …}`; Slack asks an app to reconnect with a
`disconnect` message (`refresh_requested`) and retries an envelope that was not
acknowledged, with `retry_attempt` counting up. Tests and the demo put people's messages in
(`SlackFake.say`); `redeliver`, `refresh` and `drop` act out Slack's retries and outages.
"""

from __future__ import annotations

import itertools
import json
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import structlog
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

log = structlog.get_logger(__name__)


@dataclass
class Envelope:
    """An event sent over Socket Mode, and whether the app acknowledged it."""

    id: str
    payload: dict[str, Any]
    attempts: int = 0
    acknowledged: bool = False

    def frame(self) -> str:
        """The envelope as Slack sends it (retry_attempt counts the resends)."""
        return json.dumps(
            {
                "envelope_id": self.id,
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": max(0, self.attempts - 1),
                "retry_reason": "timeout" if self.attempts > 1 else "",
                "payload": self.payload,
            }
        )


@dataclass
class SocketMode:
    """The websocket side: tickets handed out, connections, envelopes and their acks."""

    app_id: str = "A0OS2BOT01"
    host: str = "127.0.0.1"
    url: str = ""
    envelopes: dict[str, Envelope] = field(default_factory=dict)
    connections: list[ServerConnection] = field(default_factory=list)
    opened: int = 0  # connections made, ever
    _tickets: set[str] = field(default_factory=set)
    _ids: Any = field(default_factory=lambda: itertools.count(1))
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _server: Server | None = None
    _thread: threading.Thread | None = None

    def start(self) -> None:
        """Serve the websocket on a free loopback port."""
        self._server = serve(self._session, self.host, 0, compression=None, ping_interval=None)
        port = self._server.socket.getsockname()[1]
        self.url = f"ws://{self.host}:{port}/link/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Close every connection and stop serving."""
        if self._server is not None:
            self._server.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def open(self) -> str:
        """A one-off URL for apps.connections.open."""
        ticket = secrets.token_hex(8)
        with self._changed:
            self._tickets.add(ticket)
        return f"{self.url}?ticket={ticket}&app_id={self.app_id}"

    def _session(self, connection: ServerConnection) -> None:
        """One app connection: hello, then the acks it sends, until either side closes."""
        query = parse_qs(urlsplit(connection.request.path if connection.request else "").query)
        ticket = (query.get("ticket") or [""])[0]
        with self._changed:
            if ticket not in self._tickets:
                connection.close(4001, "invalid ticket")  # Slack ends a stale or forged link
                return
            self._tickets.discard(ticket)
            self.connections.append(connection)
            self.opened += 1
            waiting = [e for e in self.envelopes.values() if not e.acknowledged]
            self._changed.notify_all()
        try:
            connection.send(
                json.dumps(
                    {
                        "type": "hello",
                        "num_connections": len(self.connections),
                        "connection_info": {"app_id": self.app_id},
                        "debug_info": {"host": "sandbox", "approximate_connection_time": 18060},
                    }
                )
            )
            for envelope in waiting:  # what came while no one was connected
                self._send(connection, envelope)
            for frame in connection:
                self._ack(frame)
        except ConnectionClosed:
            pass
        finally:
            with self._changed:
                if connection in self.connections:
                    self.connections.remove(connection)
                self._changed.notify_all()

    def _ack(self, frame: str | bytes) -> None:
        try:
            data = json.loads(frame)
        except ValueError:
            return
        with self._changed:
            envelope = self.envelopes.get(str(data.get("envelope_id")))
            if envelope is not None:
                envelope.acknowledged = True
            self._changed.notify_all()

    def _send(self, connection: ServerConnection, envelope: Envelope) -> None:
        envelope.attempts += 1
        try:
            connection.send(envelope.frame())
        except ConnectionClosed:
            log.info("sandbox.socket_send_failed", envelope=envelope.id)

    def deliver(self, payload: dict[str, Any]) -> str:
        """Send an Events API payload to one connected app (kept for the next, if none)."""
        envelope = Envelope(f"{next(self._ids):04d}-{secrets.token_hex(6)}", payload)
        with self._changed:
            self.envelopes[envelope.id] = envelope
            target = self.connections[-1] if self.connections else None
        if target is not None:
            self._send(target, envelope)
        return envelope.id

    def redeliver(self, envelope_id: str) -> None:
        """Send an envelope again, as Slack retries one (retry_attempt goes up)."""
        with self._changed:
            envelope = self.envelopes[envelope_id]
            target = self.connections[-1] if self.connections else None
        if target is not None:
            self._send(target, envelope)

    def refresh(self) -> None:
        """Ask every connected app to reconnect (Slack's `disconnect`, refresh_requested)."""
        with self._changed:
            targets = list(self.connections)
        for connection in targets:
            try:
                connection.send(
                    json.dumps(
                        {
                            "type": "disconnect",
                            "reason": "refresh_requested",
                            "debug_info": {"host": "sandbox"},
                        }
                    )
                )
            except ConnectionClosed:
                continue

    def drop(self) -> None:
        """Close every connection, as when Slack's side goes away."""
        with self._changed:
            targets = list(self.connections)
        for connection in targets:
            connection.close(1011, "sandbox dropped the connection")

    def wait_until(self, done: Callable[[], bool], timeout: float = 10.0) -> bool:
        """Wait until *done()* holds, woken by connections and acks (for tests; no polling)."""
        with self._changed:
            return bool(self._changed.wait_for(done, timeout))
