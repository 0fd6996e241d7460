# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Listening on Zulip (OS2samtale): the event queue, long-polled, answered where it was asked.

The bot registers a queue for message events and long-polls it (`GET events`), so no public
endpoint is needed. It answers direct messages and stream messages that mention it (not @all).
A queue Zulip let expire (BAD_EVENT_QUEUE_ID) is registered again at once, and the messages
that mention the bot since the last one handled are fetched, so none is missed; a lost
connection is retried after a capped backoff. Each message is claimed in the state database
before it is answered, so a redelivery or a catch-up never answers twice. `zulip`'s own
`call_on_each_message` is not used: it hides the ids needed for exactly that.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import requests
import structlog
import zulip

from os2bot.adapters.listening import Connection, Handle, Pace, Wait, backoff
from os2bot.adapters.zulip_chat import ZulipChat
from os2bot.config import Config
from os2bot.conversation import product_at
from os2bot.dialogue import Said, Speaker
from os2bot.ports import ChatError, ChatMessage

log = structlog.get_logger(__name__)

BAD_QUEUE = "BAD_EVENT_QUEUE_ID"
CATCH_UP = 100  # messages fetched after a new queue, to answer what came while it was away


class _QueueGone(Exception):
    """Zulip no longer knows the queue (deleted, or expired): register a new one."""


class ZulipListener(Connection):
    """One Zulip connection that hands each message for the bot to *handle* and posts replies."""

    name = "zulip"

    def __init__(
        self,
        config: Config,
        *,
        site: str,
        email: str,
        api_key: str,
        handle: Handle,
        backoff: float = 1.0,
        backoff_cap: float = 60.0,
        min_interval: float = 1.0,
        wait: Wait | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Listen as the bot with these credentials; *handle* answers a message.

        *wait* waits on the stop event between reconnects (tests pass one that does not);
        replies are *min_interval* seconds apart at least (Zulip's rate limit).
        """
        super().__init__()
        self.config = config
        self.site, self.email, self.api_key = site, email, api_key
        self.handle = handle
        self.backoff, self.backoff_cap = backoff, backoff_cap
        self._wait = wait or (lambda stop, seconds: stop.wait(seconds))
        self._pace = Pace(min_interval, monotonic=monotonic, sleep=sleep)
        self._client: Any = None
        self._chat: ZulipChat | None = None
        self._queue: str | None = None
        self._last_event = -1
        self._me: tuple[int, str] = (0, "")
        self._newest = 0  # the newest message id handled: a new queue catches up from here
        self._emails: dict[int, str | None] = {}

    # ------------------------------------------------------------------ the loop

    def run(self, stop: threading.Event) -> None:
        """Listen until *stop* is set; never raises (a failure is retried after a backoff)."""
        failures = 0
        while not stop.is_set():
            try:
                if self._client is None:
                    self._connect()
                if self._queue is None:
                    self._register()
                self.up.set()
                failures = 0
                self._poll(stop)
            except _QueueGone:
                log.info("zulip.queue_gone", queue=self._queue)
                self._queue = None
            except (ChatError, zulip.ZulipError, requests.RequestException, OSError) as exc:
                self._lost(exc)
                failures += 1
                self._wait(stop, backoff(failures, self.backoff, self.backoff_cap))
            except Exception as exc:  # a bug must not end the listening
                log.exception("zulip.listener_failed")
                self._lost(exc)
                failures += 1
                self._wait(stop, backoff(failures, self.backoff, self.backoff_cap))
        self.up.clear()

    def stop(self) -> None:
        """Delete the queue so that a waiting long poll ends now (called from another thread)."""
        queue, chat = self._queue, self._chat
        if queue is None or chat is None:
            return
        try:
            chat.deregister(queue)
        except ChatError as exc:
            log.info("zulip.deregister_failed", error=str(exc))

    def _lost(self, exc: BaseException) -> None:
        """As every listener's, and the client is made anew on the next try."""
        self._client = None
        super()._lost(exc)

    def _connect(self) -> None:
        """The clients: one long-polls, the other (the Chat adapter) replies."""
        try:
            client = zulip.Client(
                email=self.email,
                api_key=self.api_key,
                site=self.site,
                retry_on_errors=False,
                client="os2bot-listener",
            )
        except (zulip.ZulipError, requests.RequestException, AssertionError) as exc:
            raise ChatError(f"Zulip: {type(exc).__name__}") from None
        profile = self._ok(client.get_profile(), "users/me")
        self._me = (int(profile["user_id"]), str(profile.get("email") or self.email))
        self._chat = ZulipChat(site=self.site, email=self.email, api_key=self.api_key)
        self._client = client

    def _register(self) -> None:
        answer = self._ok(
            self._client.register(event_types=["message"], apply_markdown=False),
            "register",
        )
        first = self._queue is None and self._newest == 0
        self._queue = str(answer["queue_id"])
        self._last_event = int(answer.get("last_event_id", -1))
        log.info("zulip.queue_registered", queue=self._queue)
        if first:
            self._newest = int(answer.get("max_message_id") or 0)
        else:
            self._catch_up()

    def _poll(self, stop: threading.Event) -> None:
        """Long-poll the queue and handle what comes, until *stop* (or the queue is gone)."""
        while not stop.is_set():
            answer = self._client.get_events(queue_id=self._queue, last_event_id=self._last_event)
            if answer.get("code") == BAD_QUEUE:
                raise _QueueGone
            events = self._ok(answer, "events").get("events") or []
            for event in events:
                self._last_event = max(self._last_event, int(event.get("id", -1)))
                if event.get("type") == "message" and not stop.is_set():
                    self._message(event.get("message") or {}, event.get("flags") or [])

    def _catch_up(self) -> None:
        """The messages for the bot from the newest one seen on: a new queue has none of them.

        Zulip includes the anchor itself; each message is claimed before it is answered, so
        one that was answered already is not answered again.
        """
        since = self._newest
        for operand in ("mentioned", "dm"):
            answer = self._client.get_messages(
                {
                    "anchor": since,
                    "num_before": 0,
                    "num_after": CATCH_UP,
                    "narrow": [{"operator": "is", "operand": operand}],
                    "apply_markdown": False,
                }
            )
            for message in self._ok(answer, "messages").get("messages") or []:
                self._message(message, ["mentioned"] if operand == "mentioned" else [])

    @staticmethod
    def _ok(answer: dict[str, Any], what: str) -> dict[str, Any]:
        if answer.get("result") != "success":
            if answer.get("code") == BAD_QUEUE:
                raise _QueueGone
            raise ChatError(f"Zulip {what}: {answer.get('msg') or answer.get('code') or 'error'}")
        return answer

    # ------------------------------------------------------------- one message

    def _message(self, message: dict[str, Any], flags: list[str]) -> None:
        """Answer one message if it is for the bot: a direct message, or one that names it."""
        message_id = int(message.get("id", 0))
        self._newest = max(self._newest, message_id)
        sender = int(message.get("sender_id", 0))
        direct = message.get("type") == "private"
        if sender == self._me[0] or not (direct or "mentioned" in flags):
            return
        stream = "" if direct else str(message.get("display_recipient") or "")
        topic = str(message.get("subject") or "")
        said = Said(
            speaker=Speaker(
                "zulip",
                str(sender),
                str(message.get("sender_full_name") or sender),
                self._email_of(sender, str(message.get("sender_email") or "")),
            ),
            text=_without_mention(str(message.get("content") or "")),
            place="zulip:direct" if direct else f"zulip:{stream}>{topic}",
            at=datetime.fromtimestamp(int(message.get("timestamp") or 0), UTC),
            product=None if direct else product_at(self.config, "zulip", stream),
        )
        reply = self.handle(said, str(message_id))
        if reply is not None:
            self._reply(reply, stream=stream, topic=topic, to=sender)

    def _email_of(self, user_id: int, shown: str) -> str | None:
        """The sender's real e-mail where Zulip lets the bot see it, else the one shown."""
        if user_id not in self._emails:
            found: str | None = shown or None
            try:
                answer = self._client.get_user_by_id(user_id)
            except (zulip.ZulipError, requests.RequestException):
                answer = {}
            if answer.get("result") == "success":
                user = answer.get("user") or {}
                found = user.get("delivery_email") or user.get("email") or found
            self._emails[user_id] = found
        return self._emails[user_id]

    def _reply(self, reply: ChatMessage, *, stream: str, topic: str, to: int) -> None:
        """Post the reply where it was asked, no sooner than min_interval after the last."""
        chat = self._chat
        if chat is None:  # pragma: no cover - messages come only once connected
            return
        with self._pace.turn():
            try:
                if stream:
                    chat.post(f"{stream}>{topic}", reply)
                else:
                    chat.send_direct(to, reply)
            except ChatError as exc:
                log.warning("zulip.reply_failed", error=str(exc))


_MENTION = re.compile(r"@_?\*\*[^*]+\*\*")


def _without_mention(content: str) -> str:
    """The text without the bot's mention (or any), quoted replies and extra space."""
    lines = [line for line in content.splitlines() if not line.startswith(">")]
    return " ".join(_MENTION.sub(" ", " ".join(lines)).split())
