# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Zulip part of the sandbox (OS2samtale): server settings, users/me, send, edit, read."""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from os2bot.sandbox.http import Request, Response
from os2bot.sandbox.seed import ZulipSeed, ZulipUser

MAX_MESSAGE_LENGTH = 10_000
TRUNCATED = "\n[message truncated]"  # what Zulip appends when it cuts a message
BOT_ID = 9
MAX_ANCHOR_SIDE = 5000  # Zulip's limit for num_before and num_after


@dataclass
class ZulipMessage:
    """A message as the sandbox keeps it."""

    id: int
    stream: str
    topic: str
    content: str
    timestamp: int = 0  # seconds since the epoch, as Zulip gives it
    edits: list[str] = field(default_factory=list)
    deleted: bool = False


def zulip_error(status: int, msg: str, code: str = "BAD_REQUEST", **extra: Any) -> Response:
    """An error in Zulip's shape."""
    return Response(status, {"result": "error", "msg": msg, "code": code, **extra})


class ZulipFake:
    """State and handlers of the fake Zulip."""

    def __init__(self, seed: ZulipSeed, now: Callable[[], datetime] | None = None) -> None:
        """Streams and the bot from *seed*; *now* stamps the messages."""
        self.seed = seed
        self.now = now or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._ids = itertools.count(1001)
        self.messages: list[ZulipMessage] = []

    def routes(self) -> list[tuple[str, str, Callable[[Request], Response]]]:
        """(method, path pattern, handler) for every endpoint served."""
        return [
            ("GET", r"/api/v1/server_settings", self.server_settings),
            ("GET", r"/api/v1/users/me", self.me),
            ("GET", r"/api/v1/users/(?P<who>[^/]+)", self.user),
            ("POST", r"/api/v1/messages", self.send),
            ("GET", r"/api/v1/messages", self.get_messages),
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
                "user_id": BOT_ID,
                "email": self.seed.email,
                "full_name": "os2bot",
                "is_bot": True,
                "is_admin": False,
            },
        )

    def user(self, request: Request) -> Response:
        """GET users/{id or e-mail}: one person, with delivery_email only where visible.

        Zulip finds a user by the e-mail others see or the real one; a dummy e-mail (the
        organisation hides addresses) is found only as it is.
        """
        who = request.params["who"]
        for user in self.seed.users:
            if who in {str(user.user_id), user.email, user.delivery_email}:
                return Response(200, {"result": "success", "msg": "", "user": self.user_json(user)})
        return zulip_error(400, "No such user", "BAD_REQUEST")

    @staticmethod
    def user_json(user: ZulipUser) -> dict[str, Any]:
        """A user as Zulip describes one."""
        found: dict[str, Any] = {
            "user_id": user.user_id,
            "email": user.email,
            "full_name": user.full_name,
            "is_bot": False,
            "is_active": True,
            "is_admin": False,
            "role": 400,
            "timezone": "Europe/Copenhagen",
        }
        if user.delivery_email:
            found["delivery_email"] = user.delivery_email
        return found

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
            message = ZulipMessage(
                next(self._ids), stream, topic, content, int(self.now().timestamp())
            )
            self.messages.append(message)
        return Response(200, {"result": "success", "msg": "", "id": message.id})

    def get_messages(self, request: Request) -> Response:
        """GET messages: around an anchor, filtered by a narrow (channel, topic, sender).

        Content comes as sent (apply_markdown=false) or as Zulip would render it (here: the
        same text, marked text/html); the bot compares what it sent.
        """
        args = {k: v[0] for k, v in request.query.items()}
        try:
            narrow = _narrow(json.loads(args.get("narrow") or "[]"))
            before = int(args.get("num_before") or 0)
            after = int(args.get("num_after") or 0)
        except (TypeError, ValueError):
            return zulip_error(400, "Invalid narrow or count")
        if before > MAX_ANCHOR_SIDE or after > MAX_ANCHOR_SIDE:
            return zulip_error(400, "Too many messages requested (maximum 5000).")
        if narrow is None:
            return zulip_error(400, "Invalid narrow operator: unknown operator", "BAD_NARROW")
        with self._lock:
            found = [m for m in self.messages if not m.deleted and _matches(m, narrow, self.seed)]
        anchor = args.get("anchor", "newest")
        if anchor == "newest":
            point = found[-1].id if found else 0
        elif anchor == "oldest":
            point = found[0].id if found else 0
        else:
            try:
                point = int(anchor)
            except ValueError:
                return zulip_error(400, "Invalid anchor")
        older = [m for m in found if m.id <= point][-before:] if before else []
        newer = [m for m in found if m.id > point][:after]
        chosen = older + newer
        raw = str(args.get("apply_markdown", "true")).lower() == "false"
        return Response(
            200,
            {
                "result": "success",
                "msg": "",
                "anchor": point,
                "found_anchor": any(m.id == point for m in found),
                "found_oldest": not found or chosen[:1] == found[:1],
                "found_newest": not found or chosen[-1:] == found[-1:],
                "history_limited": False,
                "messages": [self._message_json(m, raw=raw) for m in chosen],
            },
        )

    def _message_json(self, message: ZulipMessage, *, raw: bool) -> dict[str, Any]:
        stream_id = self.seed.streams.index(message.stream) + 1
        return {
            "id": message.id,
            "sender_id": BOT_ID,
            "sender_email": self.seed.email,
            "sender_full_name": "os2bot",
            "sender_realm_str": "os2samtale",
            "type": "stream",
            "stream_id": stream_id,
            "display_recipient": message.stream,
            "recipient_id": 100 + stream_id,
            "subject": message.topic,
            "topic_links": [],
            "content": message.content,
            "content_type": "text/x-markdown" if raw else "text/html",
            "timestamp": message.timestamp,
            "client": "os2bot",
            "is_me_message": False,
            "flags": ["read"],
            "reactions": [],
            "submessages": [],
            "avatar_url": None,
        }

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


def _narrow(terms: Any) -> list[tuple[str, str]] | None:
    """A narrow as (operator, operand) pairs; None when an operator is one not served.

    Zulip takes both shapes: {"operator": …, "operand": …} and [operator, operand]; "stream"
    is the older name of "channel".
    """
    served = {"channel", "stream", "topic", "sender"}
    pairs: list[tuple[str, str]] = []
    for term in terms if isinstance(terms, list) else [None]:
        if isinstance(term, dict):
            operator, operand = term.get("operator"), term.get("operand")
        elif isinstance(term, list) and len(term) == 2:  # noqa: PLR2004 - a pair
            operator, operand = term
        else:
            return None
        if operator not in served:
            return None
        pairs.append(("channel" if operator == "stream" else str(operator), str(operand)))
    return pairs


def _matches(message: ZulipMessage, narrow: list[tuple[str, str]], seed: ZulipSeed) -> bool:
    for operator, operand in narrow:
        if operator == "channel" and message.stream != operand:
            return False
        if operator == "topic" and message.topic.lower() != operand.lower():
            return False
        if operator == "sender" and operand not in {seed.email, str(BOT_ID)}:
            return False
    return True
