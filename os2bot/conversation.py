# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""A chat message in, an answer out: claimed once, its one write made, every action recorded.

Answers come from the state database; the one write (a comment or a task) goes to the tracker.

The listeners (adapters) hand each message addressed to the bot to `Conversation.answer`
and post what it returns where the message was written. Asking never starts a run: what the
bot knows comes from the last run's record (`dialogue.Knowledge`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import structlog

from os2bot.config import Config
from os2bot.dialogue import (
    Answer,
    Comment,
    Knowledge,
    NewTask,
    Said,
    confirm,
    failed,
    interpret,
)
from os2bot.domain import BOT_LABEL, FINGERPRINT_PREFIX
from os2bot.messages import text
from os2bot.ports import ChatAction, ChatMessage, Tracker, TrackerError
from os2bot.state import SqliteState

log = structlog.get_logger(__name__)

ACTING = frozenset({"acknowledge", "snooze", "waiver"})  # commands kept as the record of them


def product_at(config: Config, chat: str, *names: str) -> str | None:
    """The product whose channel is *names* (a Zulip stream; a Slack channel's id or name)."""
    wanted = {n.casefold().removeprefix("#") for n in names if n}
    for product in config.products:
        here = product.chat.zulip_stream if chat == "zulip" else product.chat.slack_channel
        if here and here.casefold().removeprefix("#") in wanted:
            return product.key
    return None


class Conversation:
    """Answers chat messages for one chat system; safe to call from its listener's thread."""

    def __init__(
        self,
        config: Config,
        state: SqliteState,
        *,
        connect_tracker: Callable[[], Tracker],
        count: Callable[[str, str], None] | None = None,
    ) -> None:
        """*connect_tracker* is called for a write only; *count* hears (command, outcome)."""
        self.config = config
        self.state = state
        self.connect_tracker = connect_tracker
        self.count = count or (lambda _command, _outcome: None)

    def answer(self, said: Said, message_id: str) -> ChatMessage | None:
        """The reply to *said*, or None when this message was answered before (a redelivery)."""
        if not self.state.claim_message(said.speaker.chat, message_id):
            log.info("chat.seen_before", chat=said.speaker.chat, message=message_id)
            return None
        try:
            knowledge = Knowledge.from_rows(
                self.state.last_results(), self.state.open_tasks(), self.state.ladder_memory()
            )
            answer = interpret(said, self.config, knowledge)
            message, outcome = self._carry_out(said, answer)
        except Exception:
            log.exception("chat.answer_failed", chat=said.speaker.chat, message=message_id)
            self.count("unknown", "error")
            language = self.config.bot.language
            return ChatMessage(
                title=text("answer.crashed", language), text=text("answer.crashed_text", language)
            )
        log.info(
            "chat.answered",
            chat=said.speaker.chat,
            command=answer.command,
            outcome=outcome,
            product=answer.product,
            issue=answer.issue_key,
        )
        self.count(answer.command, outcome)
        return message

    def _carry_out(self, said: Said, answer: Answer) -> tuple[ChatMessage, str]:
        """Make the answer's one write, record what was done, and say how it went."""
        intent = answer.intent
        if intent is None:
            if answer.command in ACTING:
                self._record(said, answer, answer.outcome, answer.issue_key)
            return answer.message, answer.outcome
        try:
            tracker = self.connect_tracker()
            if isinstance(intent, Comment):
                tracker.comment(intent.issue_key, intent.body)
                key, url = intent.issue_key, ""
            else:
                key, url = self._open(tracker, intent)
        except TrackerError as exc:
            log.warning("chat.write_failed", command=answer.command, error=str(exc))
            self._record(said, answer, "failed", answer.issue_key, detail=str(exc))
            return failed(answer), "failed"
        hold = intent.hold_until if isinstance(intent, Comment) else None
        self._record(said, answer, "done", key, hold_until=hold)
        return confirm(answer, key, url), "done"

    def _open(self, tracker: Tracker, intent: NewTask) -> tuple[str, str]:
        """The task, or a comment on it when it is open already: its key and link."""
        found = tracker.tasks_with_fingerprints([intent.fingerprint])
        if found:
            tracker.comment(found[0].key, intent.again)
            return found[0].key, found[0].url
        task = tracker.create_task(
            project=intent.project,
            summary=intent.summary,
            description=intent.description,
            labels=(BOT_LABEL, FINGERPRINT_PREFIX + intent.fingerprint),
            assignee=intent.assignee,
        )
        return task.key, task.url

    def _record(
        self,
        said: Said,
        answer: Answer,
        outcome: str,
        key: str | None,
        *,
        hold_until: date | None = None,
        detail: str | None = None,
    ) -> None:
        self.state.record_chat_action(
            ChatAction(
                at=said.at,
                chat=said.speaker.chat,
                place=said.place,
                user_id=said.speaker.user_id,
                user_name=said.speaker.name,
                email=said.speaker.email,
                command=answer.command,
                product=answer.product,
                issue_key=key,
                outcome=outcome,
                hold_until=hold_until,
                detail=detail,
            )
        )
