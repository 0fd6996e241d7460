# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Chat port on Zulip — OS2's own chat, OS2samtale — through the `zulip` package."""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import requests
import structlog
import zulip

from os2bot.domain import EMOJI_SYMBOL
from os2bot.ports import ChatError, ChatMessage, ChatMessageGone, Link, Mention, TargetAccess

log = structlog.get_logger(__name__)

MAX_CONTENT = 10_000  # Zulip's default max_message_length
ZWSP = "\u200b"
RATE_LIMITED = "RATE_LIMIT_HIT"
LOOK_BACK = 120  # seconds before a lost send's start that its search covers (clock skew)
LOOK_AT = 50  # the bot's latest messages in the topic that a search compares

# Zulip's markdown: a backslash escapes punctuation. Mentions (@**all**, @**everyone**,
# @**stream**, @**Name**, @*group*, @_**silent**) are broken by a zero-width space after @.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$<])")
_MENTION = re.compile(r"@(?=[*_])")


def escape_markdown(value: str) -> str:
    """Text safe in a Zulip message: no mentions, no markup, no links."""
    value = _MENTION.sub("@" + ZWSP, value)
    return _MARKDOWN.sub(r"\\\1", value)


def _link(link: Link) -> str:
    """A link as Zulip markdown: its label links, its title follows as text."""
    url = link.url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    shown = f"[{escape_markdown(link.label)}]({url})"
    return shown + (f" {escape_markdown(link.title)}" if link.title else "")


def render_markdown(message: ChatMessage, limit: int = MAX_CONTENT) -> str:
    """The message as Zulip markdown, within *limit* characters.

    When it does not fit, lines are left out from the end (the least important) and a line
    says how many; links and footer are kept.
    """
    head = [f"**{escape_markdown(message.title)}**"]
    if message.mentions:
        head += ["", " ".join(_mention(m) for m in message.mentions)]
    if message.text:
        head += ["", escape_markdown(message.text)]
    lines = [
        f"{EMOJI_SYMBOL.get(line.state, '🔔')} **{escape_markdown(line.title)}**"
        + (f" — {_link(line.link)}" if line.link else "")
        + (f" — {escape_markdown(line.detail)}" if line.detail else "")
        for line in message.lines
    ]
    tail: list[str] = []
    if message.more:
        tail += ["", "→ " + _link(message.more)]
    if message.links_title or message.links:
        tail.append("")
        if message.links_title:
            tail.append(f"**{escape_markdown(message.links_title)}**")
        tail += [f"* {_link(link)}" for link in message.links] or [
            escape_markdown(message.empty_links)
        ]
    if message.footer:
        tail += ["", f"*{escape_markdown(message.footer)}*"]

    def assemble(kept: int) -> str:
        body = lines[:kept]
        if kept < len(lines):
            body.append(escape_markdown(message.omitted.format(count=len(lines) - kept)))
        return "\n".join(head + ([""] if body else []) + body + tail)

    kept = len(lines)
    content = assemble(kept)
    while len(content) > limit and kept:
        kept -= 1
        content = assemble(kept)
    return content[:limit]


def _mention(person: Mention) -> str:
    """A ping by user id (the escalation ladder's one exception), else the name as text."""
    if person.zulip_user_id is None:
        return escape_markdown(person.name)
    name = re.sub(r"[*|`\n]", "", person.name) or str(person.zulip_user_id)
    return f"@**{name}|{person.zulip_user_id}**"


def _wait(result: dict[str, Any], attempt: int) -> float:
    """The wait before try *attempt*: Zulip's retry-after, else an exponential backoff."""
    try:
        return max(0.0, float(result.get("retry-after", 2.0**attempt)))
    except (TypeError, ValueError):
        return 2.0**attempt


class _Uncertain(ChatError):
    """The call failed in a way that leaves open whether Zulip carried it out."""


class ZulipChat:
    """Zulip via `zulip.Client`; 429 waits for Retry-After, 5xx and network errors retry."""

    def __init__(
        self,
        *,
        site: str,
        email: str,
        api_key: str,
        max_retries: int = 2,
        max_wait: float = 60,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Connect (the client reads the server's settings straight away).

        Retries wait through *sleep*. A wait beyond *max_wait* seconds is not waited: the call
        fails as a ChatError and the outbox keeps the message for the next run.
        """
        self.max_retries = max_retries
        self.max_wait = max_wait
        self._sleep = sleep
        self._clock = clock
        self.calls: dict[tuple[str, str], int] = {}  # (method, outcome) -> count
        self._user_ids: dict[str, int | None] = {}  # e-mail -> user id, for mentions
        try:
            self._client = zulip.Client(
                email=email,
                api_key=api_key,
                site=site,
                retry_on_errors=False,
                client="os2bot",
            )
        except (zulip.ZulipError, requests.RequestException, AssertionError) as exc:
            raise ChatError(f"Zulip: {type(exc).__name__}") from None

    def _call(
        self, call: Callable[[], dict[str, Any]], what: str, *, repeatable: bool = True
    ) -> dict[str, Any]:
        """Run *call*, waiting out rate limits and (if *repeatable*) network errors and 5xx.

        A call that is not repeatable (a send) is never tried again after a failure that may
        have come after Zulip carried it out: that is an _Uncertain ChatError.
        """
        attempt = 0
        while True:
            try:
                result = call()
            except (zulip.ZulipError, requests.RequestException) as exc:
                result = {"result": "error", "msg": type(exc).__name__, "code": "NETWORK"}
            code = str(result.get("code", "")) or "error"
            outcome = "ok" if result.get("result") == "success" else code
            self.calls[(what, outcome)] = self.calls.get((what, outcome), 0) + 1
            if result.get("result") == "success":
                return result
            uncertain = code == "NETWORK" or str(result.get("status_code", "")).startswith("5")
            retryable = code == RATE_LIMITED or (uncertain and repeatable)
            wait = _wait(result, attempt + 1)
            if not retryable or attempt >= self.max_retries or wait > self.max_wait:
                message = f"Zulip {what}: {result.get('msg') or code or 'error'}"
                if (
                    code == "BAD_REQUEST"
                    and "invalid message" in str(result.get("msg", "")).lower()
                ):
                    raise ChatMessageGone(message)
                raise _Uncertain(message) if uncertain else ChatError(message)
            attempt += 1
            self._sleep(wait)

    def post(self, target: str, message: ChatMessage, *, key: str | None = None) -> str:
        """Send to 'stream>topic'; the reference is the message id.

        Sending twice is what a retry after a lost answer does, so a send is never repeated:
        when its answer is lost the bot looks for its own message with the same content in
        the topic. Found, it is delivered; not found, it is a ChatError and the message waits
        for the next run. (*key* is not needed: the content identifies the message.)
        """
        del key
        stream, _, topic = target.partition(">")
        topic = topic or "os2bot"
        content = render_markdown(self._with_user_ids(message))
        started = self._clock()
        try:
            result = self._call(
                lambda: self._client.send_message(
                    {"type": "stream", "to": stream, "topic": topic, "content": content}
                ),
                "send_message",
                repeatable=False,
            )
        except _Uncertain as exc:
            found = self._find_post(stream, topic, content, since=started - LOOK_BACK)
            if found is None:
                raise ChatError(f"{exc}; not found in the topic, left for the next run") from None
            log.warning("zulip.post_found", target=target, ref=found, error=str(exc))
            return found
        return str(result["id"])

    def send_direct(self, user_id: int, message: ChatMessage) -> str:
        """A direct message to one person (a reply to what they wrote to the bot)."""
        content = render_markdown(self._with_user_ids(message))
        result = self._call(
            lambda: self._client.send_message(
                {"type": "private", "to": [user_id], "content": content}
            ),
            "send_message",
            repeatable=False,
        )
        return str(result["id"])

    def deregister(self, queue_id: str) -> None:
        """Delete an event queue (a listener stopping ends its long poll this way)."""
        self._call(
            lambda: self._client.deregister(queue_id, timeout=5), "deregister", repeatable=False
        )

    def _with_user_ids(self, message: ChatMessage) -> ChatMessage:
        """*message* with each mention's Zulip user id, looked up by e-mail where not given."""
        if not message.mentions:
            return message
        found = tuple(
            m
            if m.zulip_user_id is not None or not m.email
            else dataclasses.replace(m, zulip_user_id=self.user_id(m.email))
            for m in message.mentions
        )
        return dataclasses.replace(message, mentions=found)

    def user_id(self, email: str) -> int | None:
        """The Zulip user id of the account with *email* (looked up once), None if unknown."""
        if email in self._user_ids:
            return self._user_ids[email]
        try:
            result = self._call(
                lambda: self._client.call_endpoint(url=f"users/{email}", method="GET"),
                "get_user_by_email",
            )
        except ChatError as exc:
            log.info("zulip.user_unknown", error=str(exc))
            found = None
        else:
            user_id = (result.get("user") or {}).get("user_id")
            found = int(user_id) if user_id is not None else None
        self._user_ids[email] = found
        return found

    def _find_post(self, stream: str, topic: str, content: str, *, since: float) -> str | None:
        """The id of the bot's own message in the topic with *content*, sent since *since*."""
        narrow = [
            {"operator": "stream", "operand": stream},
            {"operator": "topic", "operand": topic},
            {"operator": "sender", "operand": self._client.email},
        ]
        try:
            result = self._call(
                lambda: self._client.get_messages(
                    {
                        "anchor": "newest",
                        "num_before": LOOK_AT,
                        "num_after": 0,
                        "narrow": narrow,
                        "apply_markdown": False,
                    }
                ),
                "get_messages",
            )
        except ChatError as exc:
            log.warning("zulip.post_search_failed", stream=stream, error=str(exc))
            return None
        for found in reversed(result.get("messages") or []):
            if (
                int(found.get("timestamp") or 0) >= since
                and str(found.get("content", "")).strip() == content.strip()
            ):
                return str(found["id"])
        return None

    def update(self, target: str, ref: str, message: ChatMessage) -> str:
        """Edit the message *ref* in place."""
        del target  # a message id is enough for Zulip
        self._call(
            lambda: self._client.update_message(
                {"message_id": int(ref), "content": render_markdown(message)}
            ),
            "update_message",
        )
        return ref

    # ----------------------------------------------------------- inspection (os2bot doctor)

    def whoami(self) -> str:
        """users/me: the bot's name and e-mail (ChatError if the key is refused)."""
        me = self._call(self._client.get_profile, "get_profile")
        return f"{me.get('full_name') or '?'} <{me.get('email') or '?'}>"

    def access(self, targets: Sequence[str]) -> list[TargetAccess]:
        """Each 'stream>topic': the stream there (get_stream_id), the bot subscribed.

        A stream the bot can find by name is public or one it is subscribed to, and either
        way it may post there (unless the stream's own posting policy says otherwise, which
        the bot does not read).
        """
        subscribed = {
            str(s.get("name"))
            for s in self._call(self._client.get_subscriptions, "get_subscriptions").get(
                "subscriptions"
            )
            or ()
        }
        found: list[TargetAccess] = []
        for target in targets:
            stream = target.partition(">")[0]
            try:
                self._call(partial(self._client.get_stream_id, stream), "get_stream_id")
                exists = True
            except _Uncertain:
                raise
            except ChatError:
                exists = False
            member = stream in subscribed
            found.append(TargetAccess(target=target, exists=exists, member=member, may_post=exists))
        return found
