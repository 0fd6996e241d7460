# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Zulip part of the sandbox (OS2samtale): settings, users, send, edit, read, event queues.

Event queues follow Zulip's documented long-polling API (zulip.com/api/real-time-events):
`POST register` gives a queue id and `last_event_id` -1; `GET events` answers at once with the
events after `last_event_id` (and forgets those up to it), or holds the request until one
comes, answering a `heartbeat` event when none has come for a while (Zulip: about a minute;
here `heartbeat` seconds, so that a listener notices a stop soon); a queue that is deleted
(`DELETE events`) or has expired answers `BAD_EVENT_QUEUE_ID`, after which a client registers
again. People's messages are put in by tests and the demo (`say`), and reach every queue, the
bot's own messages too, as Zulip sends a client its own messages.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from os2bot.sandbox.http import Request, Response
from os2bot.sandbox.seed import ZulipSeed, ZulipUser

MAX_MESSAGE_LENGTH = 10_000
TRUNCATED = "\n[message truncated]"  # what Zulip appends when it cuts a message
BOT_ID = 9
# A mention of the bot that notifies it (a silent @_**os2bot** does not set the flag).
_BOT_MENTION = re.compile(rf"(?<!_)@\*\*os2bot(\|{BOT_ID})?\*\*")
QUEUE_LIFETIME = 600.0  # seconds without a poll after which Zulip lets a queue expire
MAX_ANCHOR_SIDE = 5000  # Zulip's limit for num_before and num_after


@dataclass
class ZulipMessage:
    """A message as the sandbox keeps it."""

    id: int
    stream: str  # "" for a direct message
    topic: str
    content: str
    timestamp: int = 0  # seconds since the epoch, as Zulip gives it
    edits: list[str] = field(default_factory=list)
    deleted: bool = False
    sender_id: int = BOT_ID
    recipients: tuple[int, ...] = ()  # a direct message's people (sender included)

    @property
    def private(self) -> bool:
        """Whether it is a direct message."""
        return not self.stream


@dataclass
class EventQueue:
    """A registered event queue: its events not yet acknowledged, and when it was last used."""

    id: str
    events: list[dict[str, Any]] = field(default_factory=list)
    last_id: int = -1
    used: float = 0.0
    gone: bool = False


def zulip_error(status: int, msg: str, code: str = "BAD_REQUEST", **extra: Any) -> Response:
    """An error in Zulip's shape."""
    return Response(status, {"result": "error", "msg": msg, "code": code, **extra})


class ZulipFake:
    """State and handlers of the fake Zulip."""

    def __init__(
        self,
        seed: ZulipSeed,
        now: Callable[[], datetime] | None = None,
        *,
        heartbeat: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """Streams and people from *seed*; *now* stamps the messages.

        A long poll with nothing to give answers a heartbeat after *heartbeat* seconds.
        """
        self.seed = seed
        self.now = now or (lambda: datetime.now(UTC))
        self.heartbeat = heartbeat
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._ids = itertools.count(1001)
        self._queue_ids = itertools.count(1)
        self.messages: list[ZulipMessage] = []
        self.queues: dict[str, EventQueue] = {}
        self.stopping = False

    def routes(self) -> list[tuple[str, str, Callable[[Request], Response]]]:
        """(method, path pattern, handler) for every endpoint served."""
        return [
            ("GET", r"/api/v1/server_settings", self.server_settings),
            ("GET", r"/api/v1/users/me", self.me),
            ("GET", r"/api/v1/users/(?P<who>[^/]+)", self.user),
            ("POST", r"/api/v1/messages", self.send),
            ("GET", r"/api/v1/messages", self.get_messages),
            ("PATCH", r"/api/v1/messages/(?P<id>\d+)", self.edit),
            ("GET", r"/api/v1/get_stream_id", self.get_stream_id),
            ("GET", r"/api/v1/users/me/subscriptions", self.subscriptions),
            ("POST", r"/api/v1/register", self.register),
            ("GET", r"/api/v1/events", self.events),
            ("DELETE", r"/api/v1/events", self.deregister),
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

    def get_stream_id(self, request: Request) -> Response:
        """GET get_stream_id: a stream's id by its name.

        Zulip's documentation answers a stream that does not exist with {"code":
        "BAD_REQUEST", "msg": "Invalid stream name 'nonexistent'"} (zulip.com/api/get-stream-id;
        "channel" since Zulip 9, which this sandbox claims to be).
        """
        name = request.arg("stream") or ""
        if name not in self.seed.streams:
            return zulip_error(400, f"Invalid channel name '{name}'")
        return Response(
            200, {"result": "success", "msg": "", "stream_id": self.seed.streams.index(name) + 1}
        )

    def subscriptions(self, _request: Request) -> Response:
        """GET users/me/subscriptions: the streams the bot is subscribed to."""
        return Response(
            200,
            {
                "result": "success",
                "msg": "",
                "subscriptions": [
                    {
                        "stream_id": number,
                        "name": name,
                        "description": "",
                        "invite_only": False,
                        "is_web_public": False,
                        "is_archived": False,
                        "is_muted": False,
                        "color": "#76ce90",
                        "stream_post_policy": 1,
                    }
                    for number, name in enumerate(self.seed.streams, start=1)
                    if name not in self.seed.unsubscribed
                ],
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
        """POST messages: to a stream and topic, or directly to people (by id or e-mail).

        Zulip cuts what exceeds the length limit.
        """
        form = request.form()
        kind = form.get("type")
        content = str(form.get("content") or "")
        if kind in {"private", "direct"}:
            people = self._people(form.get("to"))
            if people is None:
                return zulip_error(400, "Invalid user ID or e-mail", "BAD_REQUEST")
            stream, topic = "", ""
        elif kind in {"stream", "channel"}:
            stream = str(form.get("to") or "")
            if stream not in self.seed.streams:
                return zulip_error(
                    400,
                    f"Channel '{stream}' does not exist",
                    "STREAM_DOES_NOT_EXIST",
                    stream=stream,
                )
            topic = str(form.get("topic") or form.get("subject") or "(no topic)")
            people = ()
        else:
            return zulip_error(400, "Invalid message type")
        if not content.strip():
            return zulip_error(400, "Message must not be empty")
        if len(content) > MAX_MESSAGE_LENGTH:
            content = content[: MAX_MESSAGE_LENGTH - len(TRUNCATED)] + TRUNCATED
        message = self._add(stream, topic, content, BOT_ID, people)
        return Response(200, {"result": "success", "msg": "", "id": message.id})

    def _people(self, value: Any) -> tuple[int, ...] | None:
        """The user ids a direct message's `to` names (a JSON list of ids or e-mails)."""
        try:
            names = json.loads(value) if isinstance(value, str) else value
        except ValueError:
            names = [value]
        if not isinstance(names, list) or not names:
            return None
        found = []
        for name in names:
            user = next(
                (
                    u
                    for u in self.seed.users
                    if str(name) in {str(u.user_id), u.email, u.delivery_email}
                ),
                None,
            )
            if user is None:
                return None
            found.append(user.user_id)
        return tuple(found)

    def say(
        self,
        user_id: int,
        content: str,
        *,
        stream: str = "",
        topic: str = "",
    ) -> int:
        """A person writes: to a stream and topic, or (without a stream) to the bot directly.

        Returns the message id. For tests and the demo; the bot only ever reads this.
        """
        recipients = () if stream else (user_id, BOT_ID)
        return self._add(stream, topic, content, user_id, recipients).id

    def _add(
        self, stream: str, topic: str, content: str, sender: int, recipients: tuple[int, ...]
    ) -> ZulipMessage:
        with self._changed:
            message = ZulipMessage(
                next(self._ids),
                stream,
                topic,
                content,
                int(self.now().timestamp()),
                sender_id=sender,
                recipients=tuple(sorted({*recipients, sender})) if recipients else (),
            )
            self.messages.append(message)
            for queue in self.queues.values():
                if not queue.gone:
                    queue.last_id += 1
                    queue.events.append(
                        {
                            "type": "message",
                            "id": queue.last_id,
                            "message": self._message_json(message, raw=True),
                            "flags": self._flags(message),
                        }
                    )
            self._changed.notify_all()
        return message

    def _flags(self, message: ZulipMessage) -> list[str]:
        """The bot's flags on a message: mentioned when it names the bot (not @all)."""
        flags = ["read"] if message.sender_id == BOT_ID else []
        if _BOT_MENTION.search(message.content):
            flags.append("mentioned")
        if re.search(r"@_?\*\*(all|everyone|stream|channel|topic)\*\*", message.content):
            flags.append("wildcard_mentioned")
        return flags

    # ------------------------------------------------------------- event queues

    def register(self, request: Request) -> Response:
        """POST register: a new event queue for message events (the only kind served)."""
        form = request.form()
        try:
            kinds = json.loads(form.get("event_types") or '["message"]')
        except ValueError:
            return zulip_error(400, "Invalid event_types")
        if not isinstance(kinds, list) or set(kinds) - {"message"}:
            return zulip_error(400, "Only message events are served by the sandbox")
        with self._changed:
            queue = EventQueue(f"{int(self._monotonic())}:{next(self._queue_ids)}")
            queue.used = self._monotonic()
            self.queues[queue.id] = queue
            newest = self.messages[-1].id if self.messages else -1
            self._changed.notify_all()
        return Response(
            200,
            {
                "result": "success",
                "msg": "",
                "queue_id": queue.id,
                "last_event_id": -1,
                "max_message_id": newest,
                "zulip_version": "10.2",
                "zulip_feature_level": 334,
            },
        )

    def events(self, request: Request) -> Response:
        """GET events: those after last_event_id, at once or when one comes (long poll)."""
        queue_id = request.arg("queue_id") or ""
        try:
            last = int(request.arg("last_event_id") or -1)
        except ValueError:
            return zulip_error(400, "Invalid last_event_id")
        dont_block = (request.arg("dont_block") or "false").lower() == "true"
        deadline = self._monotonic() + self.heartbeat
        with self._changed:
            self._changed.notify_all()  # a poll came: a test waiting for one may look
            while True:
                queue = self._live(queue_id)
                if queue is None:
                    return _bad_queue(queue_id)
                queue.used = self._monotonic()
                queue.events = [e for e in queue.events if e["id"] > last]
                if queue.events or dont_block:
                    events = list(queue.events)
                    break
                left = deadline - self._monotonic()
                if left <= 0 or self.stopping:
                    queue.last_id += 1
                    events = [{"type": "heartbeat", "id": queue.last_id}]
                    queue.events.append(events[0])
                    break
                self._changed.wait(left)
        return Response(
            200, {"result": "success", "msg": "", "events": events, "queue_id": queue_id}
        )

    def _live(self, queue_id: str) -> EventQueue | None:
        queue = self.queues.get(queue_id)
        if queue is None or queue.gone:
            return None
        if self._monotonic() - queue.used > QUEUE_LIFETIME:
            queue.gone = True
            return None
        return queue

    def deregister(self, request: Request) -> Response:
        """DELETE events: the queue is gone; a poll waiting on it is answered at once."""
        queue_id = str(request.form().get("queue_id") or request.arg("queue_id") or "")
        with self._changed:
            queue = self.queues.get(queue_id)
            if queue is None or queue.gone:
                return _bad_queue(queue_id)
            queue.gone = True
            self._changed.notify_all()
        return Response(200, {"result": "success", "msg": ""})

    def wait_until(self, done: Callable[[], bool], timeout: float = 10.0) -> bool:
        """Wait until *done* holds, woken by each new message (for tests; no polling)."""
        deadline = self._monotonic() + timeout
        with self._changed:
            while not done():
                left = deadline - self._monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
        return True

    def expire_queues(self) -> None:
        """Let every queue expire, as Zulip does after a client stays away (for tests)."""
        with self._changed:
            for queue in self.queues.values():
                queue.gone = True
            self._changed.notify_all()

    def stop(self) -> None:
        """Answer every waiting poll at once (the sandbox is stopping)."""
        with self._changed:
            self.stopping = True
            self._changed.notify_all()

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
        # Zulip counts num_before and num_after besides the anchor, which comes too when it
        # matches the narrow (include_anchor, true by default).
        older = [m for m in found if m.id < point][-before:] if before else []
        at_anchor = [m for m in found if m.id == point]
        newer = [m for m in found if m.id > point][:after]
        chosen = older + at_anchor + newer
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
        sender = self._user(message.sender_id)
        found: dict[str, Any] = {
            "id": message.id,
            "sender_id": message.sender_id,
            "sender_email": sender[1],
            "sender_full_name": sender[0],
            "sender_realm_str": "os2samtale",
            "subject": message.topic,
            "topic_links": [],
            "content": message.content,
            "content_type": "text/x-markdown" if raw else "text/html",
            "timestamp": message.timestamp,
            "client": "os2bot" if message.sender_id == BOT_ID else "website",
            "is_me_message": False,
            "flags": ["read"],
            "reactions": [],
            "submessages": [],
            "avatar_url": None,
        }
        if message.private:
            found |= {
                "type": "private",
                "display_recipient": [
                    {"id": uid, "email": self._user(uid)[1], "full_name": self._user(uid)[0]}
                    for uid in message.recipients
                ],
                "recipient_id": 500 + sum(message.recipients),
            }
        else:
            stream_id = self.seed.streams.index(message.stream) + 1
            found |= {
                "type": "stream",
                "stream_id": stream_id,
                "display_recipient": message.stream,
                "recipient_id": 100 + stream_id,
            }
        return found

    def _user(self, user_id: int) -> tuple[str, str]:
        """(full name, the e-mail others see) of a user id."""
        if user_id == BOT_ID:
            return "os2bot", self.seed.email
        user = next((u for u in self.seed.users if u.user_id == user_id), None)
        return (user.full_name, user.email) if user else (f"Bruger {user_id}", f"user{user_id}@x")

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
    served = {"channel", "stream", "topic", "sender", "is"}
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
        if operator == "is" and not _is(message, operand):
            return False
        if operator == "channel" and message.stream != operand:
            return False
        if operator == "topic" and message.topic.lower() != operand.lower():
            return False
        if operator == "sender" and operand not in {seed.email, str(BOT_ID)}:
            return False
    return True


def _is(message: ZulipMessage, operand: str) -> bool:
    """Zulip's is: filters the sandbox knows: mentioned (the bot, by name) and dm/private."""
    if operand in {"dm", "private"}:
        return message.private
    if operand == "mentioned":
        return bool(_BOT_MENTION.search(message.content))
    return False


def _bad_queue(queue_id: str) -> Response:
    """Zulip's answer for a queue that was deleted or has expired."""
    return zulip_error(
        400, f"Bad event queue ID: {queue_id}", "BAD_EVENT_QUEUE_ID", queue_id=queue_id
    )
