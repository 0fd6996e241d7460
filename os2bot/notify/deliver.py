# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Chat delivery: standing statuses posted or edited in place, the outbox sent once.

Events and the digest go through the outbox in the state database: each is kept under a
dedup key before anything is sent, and delivered — once — by this run or a later one, so a
chat outage loses nothing and repeats nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import structlog

from os2bot.config import Config
from os2bot.domain import CheckResult, Issue
from os2bot.messages import Language, text
from os2bot.notify.compose import combined, content_hash, status_message
from os2bot.ports import (
    Chat,
    ChatError,
    ChatMessage,
    ChatMessageGone,
    MessageRef,
    StateStore,
)
from os2bot.support import CardUsage

log = structlog.get_logger(__name__)

# Events to one target are sent together; a digest always goes alone.
BATCHABLE = ("opened:", "overdue:", "state:", "round:")


@dataclass(frozen=True)
class Posted:
    """A chat message sent or edited."""

    target: str
    product: str
    ref: str
    edited: bool
    message: ChatMessage


@dataclass
class Outcome:
    """What notify did: messages posted or edited, events kept, problems met."""

    posted: list[Posted] = field(default_factory=list)
    queued: int = 0
    delivered: int = 0
    waiting: int = 0
    errors: list[str] = field(default_factory=list)


def route(chats: Mapping[str, Chat], target: str) -> tuple[Chat, str] | None:
    """The chat system and its own address for 'slack:#x' or 'zulip:stream>topic'."""
    system, _, address = target.partition(":")
    chat = chats.get(system)
    return (chat, address) if chat is not None else None


def post_statuses(
    config: Config,
    chats: Mapping[str, Chat],
    state: StateStore,
    *,
    results: Sequence[CheckResult],
    tasks: Sequence[Issue],
    language: Language,
    now: datetime,
    outcome: Outcome,
    cards: Mapping[str, CardUsage] | None = None,
) -> None:
    """Post or edit each product's standing status, on each of its targets, when it changed.

    A failure is reported and nothing is remembered, so the next run tries again.
    """
    for product in config.products:
        message = status_message(
            config,
            product=product,
            results=results,
            tasks=[t for t in tasks if t.project == product.project],
            language=language,
            now=now,
            card=cards.get(product.key) if cards else None,
        )
        digest = content_hash(message)
        for target in product.chat.targets():
            routed = route(chats, target)
            if routed is None:
                continue
            chat, address = routed
            previous = state.message_ref(target, product.key)
            if previous and previous.content_hash == digest:
                continue
            try:
                ref, edited = _post_or_edit(chat, address, previous, message)
            except ChatError as exc:
                log.warning(
                    "notify.status_failed", product=product.key, target=target, error=str(exc)
                )
                outcome.errors.append(text("cli.chat_unreachable", language, error=str(exc)))
                continue
            state.save_message_ref(target, product.key, MessageRef(ref=ref, content_hash=digest))
            log.info("notify.status", product=product.key, target=target, edited=edited)
            outcome.posted.append(Posted(target, product.key, ref, edited, message))


def _post_or_edit(
    chat: Chat, address: str, previous: MessageRef | None, message: ChatMessage
) -> tuple[str, bool]:
    if previous is None:
        return chat.post(address, message), False
    try:
        return chat.update(address, previous.ref, message), True
    except ChatMessageGone:
        # Someone deleted it: post a new one, which becomes the standing message.
        return chat.post(address, message), False


# ---------------------------------------------------------------------------------- outbox


def deliver(
    chats: Mapping[str, Chat], state: StateStore, language: Language, outcome: Outcome
) -> None:
    """Send every pending outbox message; several events for one target go as one message.

    A message is marked delivered only after the chat system took it; one that fails stays
    for the next run. Nothing is sent twice: each was kept once, under its dedup key.
    """
    batches: dict[str, tuple[str, list[tuple[str, ChatMessage]]]] = {}
    for item in state.pending():
        batch_key = item.target if item.dedup_key.startswith(BATCHABLE) else item.dedup_key
        _target, items = batches.setdefault(batch_key, (item.target, []))
        items.append((item.dedup_key, ChatMessage.from_json(item.message)))
    for target, items in batches.values():
        routed = route(chats, target)
        if routed is None:
            outcome.waiting += len(items)
            continue
        chat, address = routed
        message = items[0][1] if len(items) == 1 else combined([m for _, m in items], language)
        try:
            ref = chat.post(address, message, key="\n".join(key for key, _ in items))
        except ChatError as exc:
            log.warning("notify.outbox_failed", target=target, messages=len(items), error=str(exc))
            for key, _ in items:
                state.failed(key, str(exc))
            outcome.waiting += len(items)
            outcome.errors.append(text("cli.chat_unreachable", language, error=str(exc)))
            continue
        for key, _ in items:
            state.delivered(key, ref)
        outcome.delivered += len(items)
        outcome.posted.append(Posted(target, "", ref, edited=False, message=message))
        log.info("notify.delivered", target=target, messages=len(items))
