# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Slack part of the sandbox: the Web API methods the bot calls, and Socket Mode.

auth.test, chat.postMessage/update, conversations.list/history, users.info/lookupByEmail, and
apps.connections.open, which hands out the loopback websocket of `slack_socket.SocketMode`.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from os2bot.sandbox.http import Request, Response
from os2bot.sandbox.seed import SlackChannel, SlackSeed, SlackUser
from os2bot.sandbox.slack_socket import SocketMode

# Slack's documented limits for messages and Block Kit.
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_TEXT = 40000
MAX_HISTORY = 999  # conversations.history's largest page


@dataclass
class SlackMessage:
    """A message as the sandbox keeps it: what was posted, and every edit."""

    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    edits: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False
    metadata: dict[str, Any] | None = None  # event_type and event_payload, when posted with them
    user: str | None = None  # a person's message: their user id (None: the bot's)
    thread_ts: str | None = None  # a reply in a thread: the thread's first message


class SlackFake:
    """State and handlers of the fake Slack Web API."""

    def __init__(self, seed: SlackSeed, now: Callable[[], datetime]) -> None:
        """Channels, people and tokens from *seed*; Socket Mode starts with the sandbox."""
        self.seed = seed
        self.now = now
        self._lock = threading.Condition()  # also wakes a test waiting for a message
        self._sequence = itertools.count(1)
        self._events = itertools.count(1)
        self.messages: list[SlackMessage] = []
        self.ims: dict[str, str] = {}  # user id -> their direct-message channel with the bot
        self.socket = SocketMode()

    def routes(self) -> list[tuple[str, str, Callable[[Request], Response]]]:
        """(method, path pattern, handler) for every Web API method served."""
        return [
            ("POST", r"/api/auth\.test", self.auth_test),
            ("POST", r"/api/chat\.postMessage", self.post_message),
            ("POST", r"/api/chat\.update", self.update_message),
            ("POST", r"/api/conversations\.list", self.conversations_list),
            ("GET", r"/api/conversations\.list", self.conversations_list),
            ("GET", r"/api/conversations\.history", self.conversations_history),
            ("POST", r"/api/conversations\.history", self.conversations_history),
            ("GET", r"/api/conversations\.info", self.conversations_info),
            ("POST", r"/api/conversations\.info", self.conversations_info),
            ("GET", r"/api/users\.conversations", self.users_conversations),
            ("POST", r"/api/users\.conversations", self.users_conversations),
            ("GET", r"/api/users\.lookupByEmail", self.users_lookup_by_email),
            ("POST", r"/api/users\.lookupByEmail", self.users_lookup_by_email),
            ("GET", r"/api/users\.info", self.users_info),
            ("POST", r"/api/users\.info", self.users_info),
            ("POST", r"/api/apps\.connections\.open", self.connections_open),
        ]

    def authenticate(self, request: Request) -> str | None:
        """The error code when the request is not authenticated, else None.

        An app-level token opens Socket Mode and nothing else; a bot token does the rest.
        """
        header = request.headers.get("authorization", "")
        token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
        if not token:
            token = str(request.form().get("token") or request.arg("token") or "")
        if not token:
            return "not_authed"
        socket_mode = request.path.endswith("/apps.connections.open")
        if token in self.seed.app_tokens:
            return None if socket_mode else "not_allowed_token_type"
        if token in self.seed.tokens:
            return "not_allowed_token_type" if socket_mode else None
        return "invalid_auth"

    def connections_open(self, _request: Request) -> Response:
        """apps.connections.open: a one-off websocket URL for Socket Mode."""
        return Response(200, {"ok": True, "url": self.socket.open()})

    def say(
        self, user: str, text: str, *, channel: str | None = None, thread: str | None = None
    ) -> str:
        """A person writes: in a channel, or (without one) to the bot directly; the message's ts.

        A channel message that mentions the bot is sent to the app as `app_mention`, a direct
        message as `message` (channel_type im): the events the bot subscribes to.
        """
        if channel is None:
            channel = self.ims.setdefault(user, "D" + user[1:].ljust(9, "0")[:9])
        ts = f"{int(self.now().timestamp())}.{next(self._sequence):06d}"
        with self._lock:
            self.messages.append(SlackMessage(channel, ts, text, [], user=user, thread_ts=thread))
        event: dict[str, Any] = {
            "user": user,
            "text": text,
            "ts": ts,
            "channel": channel,
            "event_ts": ts,
            "team": self.seed.team_id,
            "client_msg_id": f"{next(self._events):08d}-sandbox",
        }
        if thread:
            event["thread_ts"] = thread
        if channel.startswith("D"):
            event |= {"type": "message", "channel_type": "im"}
        elif f"<@{self.seed.bot_user_id}>" in text:
            event |= {"type": "app_mention"}
        else:
            return ts  # the app subscribes to neither: nothing is sent
        number = next(self._events)
        self.socket.deliver(
            {
                "token": "sandbox-verification",
                "team_id": self.seed.team_id,
                "api_app_id": self.socket.app_id,
                "event": event,
                "type": "event_callback",
                "event_id": f"Ev{number:010d}",
                "event_time": int(self.now().timestamp()),
                "is_ext_shared_channel": False,
            }
        )
        return ts

    @staticmethod
    def error(code: str) -> Response:
        """Slack's errors are HTTP 200 with ok:false."""
        return Response(200, {"ok": False, "error": code})

    def _channel(self, ref: str) -> str | None:
        name = ref.removeprefix("#")
        for channel in self.seed.channels:
            if ref == channel.id or name == channel.name:
                return channel.id
        return ref if ref in self.ims.values() else None

    def auth_test(self, _request: Request) -> Response:
        """auth.test: who the token belongs to."""
        return Response(
            200,
            {
                "ok": True,
                "url": "https://os2-demo.slack.com/",
                "team": self.seed.team,
                "user": self.seed.bot_name,
                "team_id": self.seed.team_id,
                "user_id": self.seed.bot_user_id,
                "bot_id": self.seed.bot_id,
                "is_enterprise_install": False,
            },
        )

    def _channel_json(self, channel: SlackChannel, *, membership: bool = True) -> dict[str, Any]:
        """A public channel as conversations.* describe it.

        is_member says whether the bot is in it; users.conversations leaves is_member and
        num_members out.
        """
        created = int(self.now().timestamp()) - 86_400 * 365
        found: dict[str, Any] = {
            "id": channel.id,
            "name": channel.name,
            "is_channel": True,
            "is_private": False,
            "is_archived": False,
            "is_general": False,
            "created": created,
            "creator": self.seed.bot_user_id,
            "name_normalized": channel.name,
            "is_shared": False,
            "is_org_shared": False,
            "is_mpim": False,
            "is_im": False,
            "is_ext_shared": False,
            "unlinked": 0,
            "topic": {"value": "", "creator": "", "last_set": 0},
            "purpose": {"value": "", "creator": "", "last_set": 0},
        }
        if membership:
            found |= {"is_member": channel.member, "num_members": 3}
        return found

    def users_lookup_by_email(self, request: Request) -> Response:
        """users.lookupByEmail: the person with that e-mail (users:read.email)."""
        email = str({**request.form(), **{k: v[0] for k, v in request.query.items()}}.get("email"))
        found = next((u for u in self.seed.users if u.email and u.email == email), None)
        return self.error("users_not_found") if found is None else self._user(found)

    def users_info(self, request: Request) -> Response:
        """users.info: one person, by id, with their e-mail (users:read.email)."""
        wanted = str({**request.form(), **{k: v[0] for k, v in request.query.items()}}.get("user"))
        found = next((u for u in self.seed.users if u.id == wanted), None)
        return self.error("user_not_found") if found is None else self._user(found)

    def _user(self, user: SlackUser) -> Response:
        profile: dict[str, Any] = {
            "real_name": user.real_name,
            "real_name_normalized": user.real_name,
            "display_name": user.name,
            "display_name_normalized": user.name,
            "avatar_hash": "",
            "title": "",
            "phone": "",
            "skype": "",
            "status_text": "",
            "status_emoji": "",
            "fields": None,
            "team": self.seed.team_id,
        }
        if user.email:
            profile["email"] = user.email
        return Response(
            200,
            {
                "ok": True,
                "user": {
                    "id": user.id,
                    "team_id": self.seed.team_id,
                    "name": user.name,
                    "real_name": user.real_name,
                    "deleted": False,
                    "is_bot": False,
                    "is_app_user": False,
                    "updated": int(self.now().timestamp()),
                    "profile": profile,
                },
            },
        )

    def conversations_list(self, _request: Request) -> Response:
        """conversations.list: the seeded channels."""
        return Response(
            200,
            {
                "ok": True,
                "channels": [self._channel_json(c) for c in self.seed.channels],
                "response_metadata": {"next_cursor": ""},
            },
        )

    def conversations_info(self, request: Request) -> Response:
        """conversations.info: one channel by its ID, with is_member for the caller.

        A name is channel_not_found: the method takes "Conversation ID to learn more about".
        """
        args = {**request.form(), **{k: v[0] for k, v in request.query.items()}}
        wanted = str(args.get("channel") or "")
        found = next((c for c in self.seed.channels if c.id == wanted), None)
        if found is None:
            return self.error("channel_not_found")
        return Response(200, {"ok": True, "channel": self._channel_json(found)})

    def users_conversations(self, _request: Request) -> Response:
        """users.conversations: the channels the bot is a member of, on one page.

        "Returned conversation objects do not include `num_members` or `is_member`" (Slack).
        """
        return Response(
            200,
            {
                "ok": True,
                "channels": [
                    self._channel_json(c, membership=False) for c in self.seed.channels if c.member
                ],
                "response_metadata": {"next_cursor": ""},
            },
        )

    def _validate(self, text: str, blocks: Any) -> str | None:
        """Slack's own checks on a message, as error codes."""
        if not text and not blocks:
            return "no_text"
        if len(text) > MAX_TEXT:
            return "msg_too_long"
        if blocks is None:
            return None
        if not isinstance(blocks, list) or len(blocks) > MAX_BLOCKS:
            return "invalid_blocks"
        for block in blocks:
            if not isinstance(block, dict) or "type" not in block:
                return "invalid_blocks"
            body = block.get("text") or {}
            limit = MAX_HEADER_TEXT if block["type"] == "header" else MAX_SECTION_TEXT
            if isinstance(body, dict) and len(str(body.get("text", ""))) > limit:
                return "invalid_blocks"
        return None

    def _message_args(
        self, request: Request
    ) -> tuple[dict[str, Any], str, str, list[dict[str, Any]] | None] | Response:
        """The form, channel id, text and blocks of a message call, or Slack's error."""
        form = request.form()
        blocks = form.get("blocks")
        if isinstance(blocks, str):
            blocks = json.loads(blocks)  # form-encoded bodies carry blocks as a JSON string
        channel = self._channel(str(form.get("channel") or ""))
        if channel is None:
            return self.error("channel_not_found")
        text = str(form.get("text") or "")
        problem = self._validate(text, blocks)
        if problem:
            return self.error(problem)
        return form, channel, text, blocks

    def post_message(self, request: Request) -> Response:
        """chat.postMessage: record the message and give it a ts.

        A bot that was not invited to the channel is refused: "not_in_channel: Cannot post
        user messages to a channel they are not in" (Slack's method documentation; a bot
        token without the chat:write.public scope, which the sandbox does not grant).
        """
        args = self._message_args(request)
        if isinstance(args, Response):
            return args
        form, channel, text, blocks = args
        joined = next((c for c in self.seed.channels if c.id == channel), None)
        if joined is not None and not joined.member:  # a direct message has no channel entry
            return self.error("not_in_channel")
        metadata = form.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)  # form-encoded bodies carry it as a JSON string
        if metadata is not None and not _valid_metadata(metadata):
            return self.error("invalid_metadata_format")
        ts = f"{int(self.now().timestamp())}.{next(self._sequence):06d}"
        thread = str(form["thread_ts"]) if form.get("thread_ts") else None
        with self._lock:
            self.messages.append(
                SlackMessage(channel, ts, text, blocks or [], metadata=metadata, thread_ts=thread)
            )
            self._lock.notify_all()
        return Response(
            200,
            {
                "ok": True,
                "channel": channel,
                "ts": ts,
                "message": self._message_json(text, ts, blocks),
            },
        )

    def update_message(self, request: Request) -> Response:
        """chat.update: edit a message in place."""
        args = self._message_args(request)
        if isinstance(args, Response):
            return args
        form, channel, text, blocks = args
        with self._lock:
            message = next(
                (
                    m
                    for m in self.messages
                    if m.channel == channel and m.ts == form.get("ts") and not m.deleted
                ),
                None,
            )
            if message is None:
                return self.error("message_not_found")
            message.edits.append({"text": message.text, "blocks": message.blocks})
            message.text, message.blocks = text, blocks or []
        return Response(
            200,
            {
                "ok": True,
                "channel": channel,
                "ts": message.ts,
                "text": text,
                # Slack's spec types chat.update's message.blocks as an object, so the
                # echoed message leaves the blocks out rather than contradict it.
                "message": {
                    k: v
                    for k, v in self._message_json(text, message.ts, blocks).items()
                    if k != "blocks"
                },
            },
        )

    def conversations_history(self, request: Request) -> Response:
        """conversations.history: a channel's messages, newest first, from oldest to latest.

        Like Slack, it wants the channel's ID (a name is channel_not_found), and gives a
        message's metadata only when asked with include_all_metadata.
        """
        args = {**request.form(), **{k: v[0] for k, v in request.query.items()}}
        channel = str(args.get("channel") or "")
        if channel not in {c.id for c in self.seed.channels}:
            return self.error("channel_not_found")
        try:
            oldest = float(args.get("oldest") or 0)
            latest = float(args.get("latest") or "inf")
            limit = max(1, min(int(args.get("limit") or 100), MAX_HISTORY))
        except ValueError:
            return self.error("invalid_arguments")
        metadata = str(args.get("include_all_metadata", "")).lower() in {"1", "true"}
        with self._lock:
            found = [
                m
                for m in reversed(self.messages)
                if m.channel == channel and not m.deleted and oldest < float(m.ts) <= latest
            ]
        page = found[:limit]
        body: dict[str, Any] = {
            "ok": True,
            "messages": [
                {
                    **self._message_json(m.text, m.ts, m.blocks),
                    **({"metadata": m.metadata} if metadata and m.metadata else {}),
                }
                for m in page
            ],
            "has_more": len(found) > limit,
            "pin_count": 0,
            "channel_actions_ts": None,
            "channel_actions_count": 0,
        }
        return Response(200, body)  # no cursor: the sandbox's channels fit a page

    def _message_json(self, text: str, ts: str, blocks: Any) -> dict[str, Any]:
        return {
            "type": "message",
            "subtype": "bot_message",
            "text": text,
            "ts": ts,
            "user": self.seed.bot_user_id,
            "bot_id": self.seed.bot_id,
            "username": self.seed.bot_name,
            "blocks": blocks or [],
        }

    def wait_until(self, done: Callable[[], bool], timeout: float = 10.0) -> bool:
        """Wait until *done()* holds, woken by each message posted (for tests; no polling)."""
        with self._lock:
            return bool(self._lock.wait_for(done, timeout))

    def delete(self, channel: str, ts: str) -> None:
        """Delete a message, as a person in the channel might (for tests)."""
        with self._lock:
            for message in self.messages:
                if (message.channel, message.ts) == (channel, ts):
                    message.deleted = True


def _valid_metadata(metadata: Any) -> bool:
    """Slack's shape for message metadata: an event_type and an event_payload object."""
    return (
        isinstance(metadata, dict)
        and isinstance(metadata.get("event_type"), str)
        and isinstance(metadata.get("event_payload"), dict)
    )
