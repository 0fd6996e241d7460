# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Chat port on Slack, through slack_sdk's WebClient and Block Kit."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import structlog
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from os2bot.domain import SLACK_SYMBOL
from os2bot.ports import ChatError, ChatMessage, ChatMessageGone, Link, TargetAccess

log = structlog.get_logger(__name__)

MAX_HEADER = 150
MAX_SECTION = 3000
MAX_BLOCKS = 50
ZWSP = "\u200b"
EVENT_TYPE = "os2bot_message"  # the metadata that lets the bot find its own posts
LOOK_BACK = 120  # seconds before a lost post's start that its search covers (clock skew)
CHANNEL_ID = re.compile(r"[CGD][A-Z0-9]{8,}")
MAX_CHANNEL_PAGES = 20
# Failures after which a post may or may not have been carried out (Slack's fatal_error: "It's
# possible some aspect of the operation succeeded before the error was raised").
UNCERTAIN_CODES = frozenset({"fatal_error", "internal_error"})
HTTP_SERVER_ERROR = 500

# Anything in text from Jira that Slack would turn into a ping: <!channel>, <!here>,
# <!everyone>, <@U123>, <!subteam^…>, and the bare words @here/@channel/@everyone.
_BARE_MENTION = re.compile(r"@(here|channel|everyone)\b", re.IGNORECASE)
_FORMATTING = re.compile(r"([*_~`])")


def escape_mrkdwn(value: str) -> str:
    """Text safe to put in a mrkdwn field: no pings, no links, no accidental formatting.

    Slack's rule is to escape &, < and >; that alone turns <!channel> into harmless text.
    A zero-width space after @ defuses bare @here, and one before *, _, ~ and ` stops them
    pairing up into bold, italics, strike-through or code.
    """
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _BARE_MENTION.sub(lambda m: "@" + ZWSP + m.group(1), value)
    return _FORMATTING.sub(ZWSP + r"\1", value)


def escape_plain(value: str) -> str:
    """Text safe for a plain_text field (headers), which Slack does not parse for markup."""
    value = value.replace("<!", "<" + ZWSP + "!").replace("<@", "<" + ZWSP + "@")
    return _BARE_MENTION.sub(lambda m: "@" + ZWSP + m.group(1), value)


def _truncate(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _chunks(lines: list[str], limit: int) -> list[str]:
    """Lines joined into as few texts as fit *limit* characters each.

    A line too long for one text on its own is cut.
    """
    chunks: list[str] = []
    current = ""
    for line in (_truncate(line, limit) for line in lines):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            candidate = line
        current = candidate
    if current:
        chunks.append(current)
    return chunks


def _link(link: Link) -> str:
    """A link as mrkdwn: its label links, its title follows as text."""
    url = link.url.replace("|", "%7C").replace(">", "%3E")
    shown = f"<{url}|{escape_mrkdwn(link.label)}>"
    return shown + (f" {escape_mrkdwn(link.title)}" if link.title else "")


def _section(body: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": body}}


def render_blocks(message: ChatMessage) -> list[dict[str, Any]]:
    """Block Kit for a message, within Slack's limits; everything from outside is escaped.

    Sections hold at most 3,000 characters and a message 50 blocks: when the lines do not fit,
    the last (least important) are left out and a line says how many.
    """
    head: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {
                "type": "plain_text",
                "text": _truncate(escape_plain(message.title), MAX_HEADER),
            },
        }
    ]
    if message.mentions:
        head.append(_section(mentions(message)))
    if message.text:
        head += [
            _section(chunk)
            for chunk in _chunks(escape_mrkdwn(message.text).split("\n"), MAX_SECTION)
        ]
    lines = [
        f"{SLACK_SYMBOL.get(line.state, '•')} *{escape_mrkdwn(line.title)}*"
        + (f" — {_link(line.link)}" if line.link else "")
        + (f" — {escape_mrkdwn(line.detail)}" if line.detail else "")
        for line in message.lines
    ]
    tail: list[dict[str, Any]] = []
    if message.more:
        tail.append(_section("→ " + _link(message.more)))
    if message.links_title or message.links:
        items = [f"• {_link(link)}" for link in message.links] or [
            escape_mrkdwn(message.empty_links)
        ]
        if message.links_title:
            items.insert(0, f"*{escape_mrkdwn(message.links_title)}*")
        tail += [_section(chunk) for chunk in _chunks(items, MAX_SECTION)][: MAX_BLOCKS // 4]
    if message.footer:
        tail.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": escape_mrkdwn(message.footer)}],
            }
        )
    room = MAX_BLOCKS - len(head) - len(tail)
    kept = len(lines)
    body = [_section(chunk) for chunk in _chunks(lines, MAX_SECTION)]
    while len(body) > room - (1 if kept < len(lines) else 0) and kept:
        kept -= 1
        body = [_section(chunk) for chunk in _chunks(lines[:kept], MAX_SECTION)]
    if kept < len(lines):
        body.append(_section(escape_mrkdwn(message.omitted.format(count=len(lines) - kept))))
    return head + body + tail


def mentions(message: ChatMessage) -> str:
    """The message's pings by user id (the escalation ladder's one exception), else names."""
    return " ".join(
        f"<@{m.slack_user_id}>" if m.slack_user_id else escape_mrkdwn(m.name)
        for m in message.mentions
    )


def _fallback(message: ChatMessage) -> str:
    """The notification text: the title, after the pings so that they notify."""
    title = escape_mrkdwn(message.fallback)
    return _truncate(f"{mentions(message)} {title}" if message.mentions else title, 3000)


Sleep = Callable[[float], None]


class _InjectedSleep(RetryHandler):
    """A slack_sdk retry handler that waits through an injected *sleep*, at most *max_wait*.

    slack_sdk's own handlers call time.sleep, which a test cannot replace and which no
    Retry-After is too long for.
    """

    def __init__(self, max_retry_count: int, *, sleep: Sleep, max_wait: float) -> None:
        super().__init__(max_retry_count)
        self._sleep = sleep
        self._max_wait = max_wait

    def _duration(self, state: RetryState, response: HttpResponse | None) -> float:
        """slack_sdk's exponential backoff with jitter."""
        del response
        return self.interval_calculator.calculate_sleep_duration(state.current_attempt)

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        """Wait, then let the client try again (what slack_sdk's handlers do, minus time.sleep)."""
        del request, error
        state.next_attempt_requested = True
        self._sleep(min(self._max_wait, self._duration(state, response)))
        state.increment_current_attempt()


class _RateLimitRetry(_InjectedSleep, RateLimitErrorRetryHandler):
    """429: wait for the Retry-After Slack names (1 s when it names none).

    A wait beyond max_wait is not waited at all, nor cut short (Slack would refuse again):
    the call fails, and what it carried is left for the next run.
    """

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return (
            super()._can_retry(state=state, request=request, response=response, error=error)
            and self._duration(state, response) <= self._max_wait
        )

    def _duration(self, state: RetryState, response: HttpResponse | None) -> float:
        del state
        headers = response.headers if response is not None else {}
        for name, values in headers.items():
            if name.lower() == "retry-after":
                value = values[0] if isinstance(values, list) else values
                try:
                    return max(0.0, float(value))
                except ValueError:
                    break
        return 1.0


def _resends_a_post(request: HttpRequest) -> bool:
    """Whether retrying *request* could post a message twice (a lost answer is no failure)."""
    return request.url.rstrip("/").endswith("/chat.postMessage")


class _NeverResendsAPost(RetryHandler):
    """A retry handler that never retries a post: its answer was lost, not necessarily it."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return not _resends_a_post(request) and super()._can_retry(
            state=state, request=request, response=response, error=error
        )


class _ServerErrorRetry(_NeverResendsAPost, _InjectedSleep, ServerErrorRetryHandler):
    """500 and 503: retry after slack_sdk's backoff — never a post, which may have landed."""


class _ConnectionErrorRetry(_NeverResendsAPost, _InjectedSleep, ConnectionErrorRetryHandler):
    """Connection reset or refused: retry after slack_sdk's backoff — never a post."""


class _Uncertain(ChatError):
    """The call failed in a way that leaves open whether Slack carried it out."""


def marker(key: str | None, message: ChatMessage) -> str:
    """What identifies a post among the bot's messages: its outbox key, else its content."""
    return hashlib.sha256((key or message.to_json()).encode("utf-8")).hexdigest()[:32]


class SlackChat:
    """Slack via slack_sdk; 429s wait for Retry-After (up to a cap), 5xx and resets retry."""

    def __init__(
        self,
        token: str,
        *,
        base_url: str = "https://slack.com/api/",
        timeout: int = 15,
        max_retries: int = 2,
        max_wait: float = 60,
        sleep: Sleep = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """A WebClient with retry handlers that wait through *sleep*, never over *max_wait* s.

        A Retry-After beyond *max_wait* is not waited: the call fails as a ChatError and the
        outbox keeps the message, rather than the run sleeping with its lock held.
        """
        self.calls: dict[tuple[str, str], int] = {}  # (method, outcome) -> count
        self._clock = clock
        self._channels: dict[str, str] = {}  # name -> ID
        self._user_ids: dict[str, str | None] = {}  # e-mail -> user id, for mentions
        self._client = WebClient(
            token=token,
            base_url=base_url,
            timeout=timeout,
            retry_handlers=[
                _RateLimitRetry(max_retries, sleep=sleep, max_wait=max_wait),
                _ServerErrorRetry(max_retries, sleep=sleep, max_wait=max_wait),
                _ConnectionErrorRetry(max_retries, sleep=sleep, max_wait=max_wait),
            ],
        )

    def _count(self, method: str, outcome: str) -> None:
        key = (method, outcome)
        self.calls[key] = self.calls.get(key, 0) + 1

    def _call(self, method: str, **kwargs: Any) -> dict[str, Any]:
        """A Web API method with a JSON body (the write methods)."""
        return self._invoke(method, lambda: self._client.api_call(method, json=kwargs))

    def _invoke(self, method: str, call: Callable[[], Any]) -> dict[str, Any]:
        try:
            response = call()
            self._count(method, "ok")
        except SlackApiError as exc:
            code = exc.response.get("error", "error")
            self._count(method, code)
            if code == "message_not_found":
                raise ChatMessageGone(f"Slack {method}: {code}") from None
            if code in UNCERTAIN_CODES or exc.response.status_code >= HTTP_SERVER_ERROR:
                raise _Uncertain(f"Slack {method}: {code}") from None
            raise ChatError(f"Slack {method}: {code}") from None
        except (SlackClientError, OSError) as exc:
            self._count(method, "network")
            raise _Uncertain(f"Slack {method}: {type(exc).__name__}") from None
        return dict(response.data) if isinstance(response.data, dict) else {}

    def post(self, target: str, message: ChatMessage, *, key: str | None = None) -> str:
        """chat.postMessage; the reference is 'channel-id/ts'.

        Posting twice is what a retry after a lost answer does, so a post is never repeated:
        it carries metadata naming it (by *key*, else by its content), and when its answer is
        lost the bot looks in the channel's history for it. Found, it is delivered; not
        found, it is a ChatError and the message waits for the next run.
        """
        message = self._with_user_ids(message)
        mark = marker(key, message)
        started = self._clock()
        try:
            data = self._call(
                "chat.postMessage",
                channel=target,
                text=_fallback(message),
                blocks=render_blocks(message),
                unfurl_links=False,
                unfurl_media=False,
                metadata={"event_type": EVENT_TYPE, "event_payload": {"key": mark}},
            )
        except _Uncertain as exc:
            found = self._find_post(target, mark, since=started - LOOK_BACK)
            if found is None:
                raise ChatError(f"{exc}; not found in the channel, left for the next run") from None
            log.warning("slack.post_found", target=target, ref=found, error=str(exc))
            return found
        return f"{data['channel']}/{data['ts']}"

    def reply(self, channel: str, message: ChatMessage, *, thread: str | None = None) -> str:
        """An answer in *channel* (in the thread of *thread*, if given); 'channel-id/ts'.

        Never repeated after a lost answer: a question is answered at most once.
        """
        args: dict[str, Any] = {
            "channel": channel,
            "text": _fallback(message),
            "blocks": render_blocks(message),
            "unfurl_links": False,
            "unfurl_media": False,
        }
        if thread:
            args["thread_ts"] = thread
        data = self._call("chat.postMessage", **args)
        return f"{data['channel']}/{data['ts']}"

    def person(self, user_id: str) -> tuple[str, str | None]:
        """A person's name and e-mail (users.info; the e-mail needs users:read.email)."""
        data = self._invoke("users.info", lambda: self._client.users_info(user=user_id))
        user = data.get("user") or {}
        profile = user.get("profile") or {}
        name = profile.get("real_name") or user.get("real_name") or user.get("name") or user_id
        return str(name), profile.get("email")

    def me(self) -> str:
        """The bot's own user id (auth.test)."""
        return str(self._invoke("auth.test", self._client.auth_test).get("user_id") or "")

    @property
    def web_client(self) -> WebClient:
        """The WebClient, with its base URL and retry handlers (Socket Mode opens through it)."""
        return self._client

    def channel_id(self, target: str) -> str | None:
        """The id of a channel given by #name or id (None when Slack does not know it)."""
        return self._channel_id(target)

    def _with_user_ids(self, message: ChatMessage) -> ChatMessage:
        """*message* with each mention's Slack user id, looked up by e-mail where not given."""
        if not message.mentions:
            return message
        found = tuple(
            m
            if m.slack_user_id or not m.email
            else dataclasses.replace(m, slack_user_id=self.user_id(m.email))
            for m in message.mentions
        )
        return dataclasses.replace(message, mentions=found)

    def user_id(self, email: str) -> str | None:
        """The Slack user id of the account with *email* (users.lookupByEmail, once)."""
        if email in self._user_ids:
            return self._user_ids[email]
        try:
            data = self._invoke(
                "users.lookupByEmail", lambda: self._client.users_lookupByEmail(email=email)
            )
        except ChatError as exc:
            log.info("slack.user_unknown", error=str(exc))
            found = None
        else:
            found = (data.get("user") or {}).get("id")
        self._user_ids[email] = found
        return found

    def _find_post(self, target: str, mark: str, *, since: float) -> str | None:
        """The reference of the bot's post marked *mark* since *since*, if it is there."""
        try:
            channel = self._channel_id(target)
            if channel is None:
                return None
            data = self._invoke(
                "conversations.history",
                lambda: self._client.conversations_history(
                    channel=channel, oldest=f"{since:.6f}", limit=200, include_all_metadata=True
                ),
            )
        except ChatError as exc:
            log.warning("slack.post_search_failed", target=target, error=str(exc))
            return None
        for found in data.get("messages") or ():
            metadata = found.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == EVENT_TYPE and payload.get("key") == mark:
                return f"{channel}/{found['ts']}"
        return None

    def _channel_id(self, target: str) -> str | None:
        """The ID of *target* (conversations.history takes no names), looked up once."""
        if CHANNEL_ID.fullmatch(target):
            return target
        name = target.removeprefix("#")
        cursor = ""
        for _ in range(MAX_CHANNEL_PAGES):
            if name in self._channels:
                break
            data = self._invoke(
                "conversations.list",
                partial(
                    self._client.conversations_list,
                    exclude_archived=True,
                    types="public_channel,private_channel",
                    limit=1000,
                    cursor=cursor or None,
                ),
            )
            self._channels.update(
                {c["name"]: c["id"] for c in data.get("channels") or () if "name" in c}
            )
            cursor = (data.get("response_metadata") or {}).get("next_cursor") or ""
            if not cursor:
                break
        return self._channels.get(name)

    def update(self, target: str, ref: str, message: ChatMessage) -> str:
        """chat.update of an earlier message."""
        channel, _, ts = ref.partition("/")
        del target  # the reference already names the channel by id, as chat.update needs
        data = self._call(
            "chat.update",
            channel=channel,
            ts=ts,
            text=_truncate(escape_mrkdwn(message.fallback), 3000),
            blocks=render_blocks(message),
        )
        return f"{data['channel']}/{data['ts']}"

    # ----------------------------------------------------------- inspection (os2bot doctor)

    def whoami(self) -> str:
        """auth.test: the bot's user name and its workspace (ChatError if the token is refused)."""
        data = self._invoke("auth.test", self._client.auth_test)
        return f"{data.get('user') or '?'} ({data.get('team') or '?'})"

    def _member_of(self) -> dict[str, str]:
        """users.conversations: the channels the bot is in, name -> ID, every page."""
        found: dict[str, str] = {}
        cursor = ""
        for _ in range(MAX_CHANNEL_PAGES):
            data = self._invoke(
                "users.conversations",
                partial(
                    self._client.users_conversations,
                    types="public_channel,private_channel",
                    exclude_archived=True,
                    limit=1000,
                    cursor=cursor or None,
                ),
            )
            found.update({c["name"]: c["id"] for c in data.get("channels") or () if "name" in c})
            cursor = (data.get("response_metadata") or {}).get("next_cursor") or ""
            if not cursor:
                break
        return found

    def _presence(self, target: str) -> tuple[bool, bool]:
        """Whether a channel the bot is not listed in exists, and whether it is a member."""
        if not CHANNEL_ID.fullmatch(target):
            return self._channel_id(target) is not None, False
        try:
            data = self._invoke(
                "conversations.info", partial(self._client.conversations_info, channel=target)
            )
        except _Uncertain:
            raise
        except ChatError as exc:
            if str(exc).endswith("channel_not_found"):
                return False, False
            raise
        return True, bool((data.get("channel") or {}).get("is_member"))

    def access(self, targets: Sequence[str]) -> list[TargetAccess]:
        """Each channel: there, the bot invited to it (Slack refuses its posts otherwise).

        One users.conversations listing for all of them; a channel the bot is not in is
        looked up by conversations.info (an ID) or conversations.list (a #name).
        """
        member_of = self._member_of()
        found: list[TargetAccess] = []
        for target in targets:
            member = target.removeprefix("#") in member_of or target in member_of.values()
            exists, member = (True, True) if member else self._presence(target)
            found.append(TargetAccess(target=target, exists=exists, member=member, may_post=member))
        return found
