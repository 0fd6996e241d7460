# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Notify: what a run tells people in chat, composed (pure) and then delivered.

A standing status is one message per product and target, edited in place only when what it
says changed. Events (a task opened, a check newly failing or cleared, a release late, a
round coming up) and the weekly digest are kept in the outbox before any is sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from os2bot.config import Config
from os2bot.domain import Applied, CheckResult, Issue, Snapshot
from os2bot.messages import Language
from os2bot.notify.compose import Event, applied_events, digest_message, events, open_tasks
from os2bot.notify.deliver import Outcome, Posted, deliver, post_statuses, route
from os2bot.notify.escalation import escalated_lines, ladder_owed
from os2bot.ports import Chat, StateStore
from os2bot.support import card_of

__all__ = ["Outcome", "Posted", "deliver", "keep_events", "notify", "owed_for", "route"]


def keep_events(config: Config, state: StateStore, found: Sequence[Event]) -> int:
    """Keep each event in the outbox for each of its audience's targets; how many were new.

    A product's events go to its own targets, the secretariat's to `secretariat.chat`. Where a
    target is shared (the secretariat's, or one that several products post to) the message's
    title names the product. The dedup key makes keeping idempotent.
    """
    products = {p.key: p for p in config.products}
    users: dict[str, set[str]] = {}
    for product in config.products:
        for target in product.chat.targets():
            users.setdefault(target, set()).add(product.key)
    kept = 0
    for event in found:
        if event.audience == "secretariat":
            targets = config.bot.secretariat.chat.targets()
        else:
            targets = products[event.product].chat.targets()
        for target in targets:
            message = event.message
            if users.get(target, set()) != {event.product}:
                message = message.about(message.subject)
            kept += state.enqueue(f"{event.key}@{target}", target, message.to_json())
    return kept


def owed_for(
    config: Config,
    state: StateStore,
    language: Language,
    *,
    now: datetime | None = None,
    tasks: Sequence[Issue] = (),
) -> Callable[[Applied], None]:
    """What apply calls after each write: the events that write owes, kept at once.

    So a run that stops later (a refused write, a lost answer, a killed process) cannot lose
    them; a later run delivers them. With *now*, a step of an escalation ladder is recorded
    and its message kept too (*tasks*: the bot's open tasks, for their links and due dates).
    """
    ladder = ladder_owed(config, state, language, now=now, tasks=tasks) if now else None

    def owe(done: Applied) -> None:
        keep_events(config, state, applied_events(config, [done], language))
        if ladder is not None:
            ladder(done)

    return owe


def notify(
    config: Config,
    chats: Mapping[str, Chat],
    state: StateStore,
    *,
    snapshot: Snapshot,
    results: Sequence[CheckResult],
    applied: Sequence[Applied],
    language: Language,
    now: datetime,
    digest: bool,
) -> Outcome:
    """Statuses, events and (when asked) the digest; the events are kept before any is sent."""
    today = now.astimezone(config.bot.tz).date()
    tasks = open_tasks(snapshot.bot_tasks, applied)
    outcome = Outcome()
    post_statuses(
        config,
        chats,
        state,
        results=results,
        tasks=tasks,
        language=language,
        now=now,
        outcome=outcome,
        cards={p.key: c for p in config.products if (c := card_of(p, snapshot)) is not None},
    )
    current = {(r.product, r.check_id): r.state.value for r in results}
    requests = {p.key: len(snapshot.issues(p.requests_query, p.project)) for p in config.products}
    found = events(
        config,
        results=results,
        previous=state.check_states(),
        done=applied,
        requests=requests,
        tasks=tasks,
        language=language,
        today=today,
    )
    outcome.queued += keep_events(config, state, found)
    state.save_check_states(current)
    if digest:
        message = digest_message(
            config,
            results=results,
            previous=state.check_states("digest_states"),
            language=language,
            today=today,
            escalated=escalated_lines(config, state.ladder_memory(), tasks, language),
        )
        week = today.isocalendar()
        for target in config.bot.secretariat.chat.targets():
            if state.enqueue(
                f"digest:{week.year}-W{week.week:02d}@{target}", target, message.to_json()
            ):
                outcome.queued += 1
        state.save_check_states(current, "digest_states")
    deliver(chats, state, language, outcome)
    return outcome
