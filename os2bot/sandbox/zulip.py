# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Zulip part of the sandbox (OS2samtale): server settings, users/me, send and edit."""

from __future__ import annotations

import base64
import binascii
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from os2bot.sandbox.http import Request, Response
from os2bot.sandbox.seed import ZulipSeed

MAX_MESSAGE_LENGTH = 10_000
TRUNCATED = "\n[message truncated]"  # what Zulip appends when it cuts a message


@dataclass
class ZulipMessage:
    """A message as the sandbox keeps it."""

    id: int
    stream: str
    topic: str
    content: str
    edits: list[str] = field(default_factory=list)
    deleted: bool = False


def zulip_error(status: int, msg: str, code: str = "BAD_REQUEST", **extra: Any) -> Response:
    """An error in Zulip's shape."""
    return Response(status, {"result": "error", "msg": msg, "code": code, **extra})


class ZulipFake:
    """State and handlers of the fake Zulip."""

    def __init__(self, seed: ZulipSeed) -> None:
        """Streams and the bot from *seed*."""
        self.seed = seed
        self._lock = threading.Lock()
        self._ids = itertools.count(1001)
        self.messages: list[ZulipMessage] = []

    def routes(self) -> list[tuple[str, str, Callable[[Request], Response]]]:
        """(method, path pattern, handler) for every endpoint served."""
        return [
            ("GET", r"/api/v1/server_settings", self.server_settings),
            ("GET", r"/api/v1/users/me", self.me),
            ("POST", r"/api/v1/messages", self.send),
            ("PATCH", r"/api/v1/messages/(?P<id>\d+)", self.edit),
        ]

    def authenticate(self, request: Request) -> bool:
        """Basic auth with the bot's e-mail and API key (server_settings needs none)."""
        if request.path.endswith("/server_settings"):
            return True
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            email, _, key = base64.b64decode(credentials).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return (email, key) == (self.seed.email, self.seed.api_key)

    def server_settings(self, _request: Request) -> Response:
        """What the zulip client reads when it starts."""
        return Response(
            200,
            {
                "result": "success",
                "msg": "",
                "zulip_version": "10.2",
                "zulip_feature_level": 334,
                "realm_name": self.seed.realm,
                "realm_uri": "https://os2samtale.os2.eu",
                "push_notifications_enabled": False,
                "authentication_methods": {"password": True},
            },
        )

    def me(self, _request: Request) -> Response:
        """The bot user."""
        return Response(
            200,
            {
                "result": "success",
                "msg": "",
                "user_id": 9,
                "email": self.seed.email,
                "full_name": "os2bot",
                "is_bot": True,
                "is_admin": False,
            },
        )

    def send(self, request: Request) -> Response:
        """POST messages: a stream message; Zulip cuts what exceeds the length limit."""
        form = request.form()
        if form.get("type") not in {"stream", "channel"}:
            return zulip_error(400, "Invalid message type")
        stream = str(form.get("to") or "")
        if stream not in self.seed.streams:
            return zulip_error(
                400, f"Channel '{stream}' does not exist", "STREAM_DOES_NOT_EXIST", stream=stream
            )
        content = str(form.get("content") or "")
        if not content.strip():
            return zulip_error(400, "Message must not be empty")
        if len(content) > MAX_MESSAGE_LENGTH:
            content = content[: MAX_MESSAGE_LENGTH - len(TRUNCATED)] + TRUNCATED
        topic = str(form.get("topic") or form.get("subject") or "(no topic)")
        with self._lock:
            message = ZulipMessage(next(self._ids), stream, topic, content)
            self.messages.append(message)
        return Response(200, {"result": "success", "msg": "", "id": message.id})

    def edit(self, request: Request) -> Response:
        """PATCH messages/{id}: new content for a message that still exists."""
        wanted = int(request.params["id"])
        content = str(request.form().get("content") or "")
        with self._lock:
            message = next((m for m in self.messages if m.id == wanted and not m.deleted), None)
            if message is None:
                return zulip_error(400, "Invalid message(s)")
            if len(content) > MAX_MESSAGE_LENGTH:
                content = content[: MAX_MESSAGE_LENGTH - len(TRUNCATED)] + TRUNCATED
            message.edits.append(message.content)
            message.content = content
        return Response(200, {"result": "success", "msg": ""})

    def delete(self, message_id: int) -> None:
        """Delete a message, as a person in the stream might (for tests)."""
        with self._lock:
            for message in self.messages:
                if message.id == message_id:
                    message.deleted = True
