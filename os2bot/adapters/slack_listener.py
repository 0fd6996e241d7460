# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Listening on Slack through Socket Mode: slack_sdk's built-in client, no public endpoint.

The app-level token (OS2BOT_SLACK_APP_TOKEN, xapp-…) opens a websocket through
`apps.connections.open`; every envelope is acknowledged at once (Slack retries what is not
acknowledged within seconds), and `app_mention` events and direct messages (`message`, channel
type im) are answered: a mention in the thread it was made in, a direct message directly.
slack_sdk's own reconnecting is turned off: a dropped connection is opened again after a
capped backoff here, so that a Slack away for long is not hammered. Slack's own `disconnect`
(refresh_requested) the client follows by itself. Each message is claimed in the state
database before it is answered, so a retried envelope or a redelivery after a reconnect is
never answered twice.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import structlog
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.client import BaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from os2bot.adapters.listening import Connection, Handle, Pace, Wait, backoff
from os2bot.adapters.slack_chat import SlackChat
from os2bot.config import Config
from os2bot.conversation import product_at
from os2bot.dialogue import Said, Speaker
from os2bot.ports import ChatError, ChatMessage

log = structlog.get_logger(__name__)


class SlackListener(Connection):
    """One Socket Mode connection that hands each message for the bot to *handle*."""

    name = "slack"

    def __init__(
        self,
        config: Config,
        *,
        app_token: str,
        bot_token: str,
        base_url: str = "https://slack.com/api/",
        handle: Handle,
        backoff: float = 1.0,
        backoff_cap: float = 60.0,
        min_interval: float = 1.0,
        check_every: float = 1.0,
        wait: Wait | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Listen with *app_token*, answer with *bot_token*; *handle* answers a message.

        *wait* waits on the stop event between reconnects (tests pass one that does not);
        replies are *min_interval* seconds apart at least (Slack's one message a second per
        channel); the connection is looked at every *check_every* seconds.
        """
        super().__init__()
        self.config = config
        self.app_token = app_token
        self.handle = handle
        self.backoff, self.backoff_cap = backoff, backoff_cap
        self.check_every = check_every
        self._wait = wait or (lambda stop, seconds: stop.wait(seconds))
        self._pace = Pace(min_interval, monotonic=monotonic, sleep=sleep)
        self.chat = SlackChat(bot_token, base_url=base_url, sleep=sleep)
        self._client: SocketModeClient | None = None
        self._wake = threading.Event()
        self._me = ""
        self._channels: dict[str, str] = {}  # channel id -> product key
        self._people: dict[str, tuple[str, str | None]] = {}

    # ------------------------------------------------------------------ the loop

    def run(self, stop: threading.Event) -> None:
        """Listen until *stop* is set; never raises (a failure is retried after a backoff)."""
        failures = 0
        while not stop.is_set():
            try:
                self._connect()
                failures = 0
                self.up.set()
                while not stop.is_set() and self._alive():
                    self._wake.wait(self.check_every)
                    self._wake.clear()
            except (ChatError, SlackApiError, SlackClientError, OSError) as exc:
                self._lost(exc)
            except Exception as exc:  # a bug must not end the listening
                log.exception("slack.listener_failed")
                self._lost(exc)
            else:
                if stop.is_set():
                    break
                self._lost(ChatError("Slack: the Socket Mode connection closed"))
            failures += 1
            self._wait(stop, backoff(failures, self.backoff, self.backoff_cap))
        self._close()
        self.up.clear()

    def stop(self) -> None:
        """Wake the loop so that it sees the stop event (called from another thread)."""
        self._wake.set()

    def _connect(self) -> None:
        self._close()
        if not self._me:
            self._me = self.chat.me()
            self._channels = self._product_channels()
        # The URL first: a refused app token needs no client and its threads.
        url = str(self.chat.web_client.apps_connections_open(app_token=self.app_token)["url"])
        client = SocketModeClient(
            app_token=self.app_token,
            web_client=self.chat.web_client,
            auto_reconnect_enabled=False,
            concurrency=1,  # one message at a time: answers keep their order and the pace
            on_close_listeners=[lambda _code, _reason: self._wake.set()],
            on_error_listeners=[lambda _error: self._wake.set()],
        )
        client.socket_mode_request_listeners.append(self._request)
        client.wss_uri = url
        self._client = client
        client.connect()
        if not client.is_connected():
            raise ChatError("Slack: the Socket Mode connection could not be opened")
        log.info("slack.socket_connected")

    def _alive(self) -> bool:
        """Whether the connection still stands (waiting out a refresh the client is making)."""
        client = self._client
        if client is None:
            return False
        with client.connect_operation_lock:
            return client.is_connected()

    def _close(self) -> None:
        """Close the client at once.

        slack_sdk's close() waits for its reader to time out (3 s) and its queue to idle (1 s):
        the socket is shut first and the queue woken, so a stop is not kept waiting.
        """
        client, self._client = self._client, None
        if client is None:
            return
        session = client.current_session
        sock = getattr(session, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        client.closed = True
        client.message_queue.put(None)  # the processor wakes, sees it is closed, and ends
        try:
            client.close()
        except Exception:  # closing what may be broken already
            log.info("slack.socket_close_failed", exc_info=True)

    def _product_channels(self) -> dict[str, str]:
        """Each product's Slack channel by its id (configured by #name or by id)."""
        found: dict[str, str] = {}
        for product in self.config.products:
            channel = product.chat.slack_channel
            if not channel:
                continue
            try:
                channel_id = self.chat.channel_id(channel)
            except ChatError as exc:
                log.warning("slack.channel_unknown", channel=channel, error=str(exc))
                continue
            if channel_id:
                found[channel_id] = product.key
        return found

    # ------------------------------------------------------------- one message

    def _request(self, client: BaseSocketModeClient, request: SocketModeRequest) -> None:
        """Acknowledge the envelope at once, then answer the message it carries, if any."""
        client.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
        if request.type != "events_api":
            return
        event: dict[str, Any] = (request.payload or {}).get("event") or {}
        kind = event.get("type")
        direct = kind == "message" and event.get("channel_type") == "im"
        if not (kind == "app_mention" or direct):
            return
        user = str(event.get("user") or "")
        if not user or user == self._me or event.get("bot_id") or event.get("subtype"):
            return
        channel, ts = str(event.get("channel") or ""), str(event.get("ts") or "")
        name, email = self._person(user)
        said = Said(
            speaker=Speaker("slack", user, name, email),
            text=_without_mention(str(event.get("text") or "")),
            place="slack:direct" if direct else f"slack:{channel}",
            at=datetime.fromtimestamp(float(ts or 0), UTC),
            product=None
            if direct
            else self._channels.get(channel) or product_at(self.config, "slack", channel),
        )
        reply = self.handle(said, f"{channel}/{ts}")
        if reply is not None:
            self._reply(channel, reply, None if direct else str(event.get("thread_ts") or ts))

    def _person(self, user: str) -> tuple[str, str | None]:
        if user not in self._people:
            try:
                self._people[user] = self.chat.person(user)
            except ChatError as exc:
                log.info("slack.person_unknown", user=user, error=str(exc))
                return user, None
        return self._people[user]

    def _reply(self, channel: str, reply: ChatMessage, thread: str | None) -> None:
        with self._pace.turn():
            try:
                self.chat.reply(channel, reply, thread=thread)
            except ChatError as exc:
                log.warning("slack.reply_failed", channel=channel, error=str(exc))


def _without_mention(text: str) -> str:
    """The text without user mentions (<@U…>) and extra space."""
    words = [w for w in text.split() if not (w.startswith("<@") and w.endswith(">"))]
    return " ".join(words)
