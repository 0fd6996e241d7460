# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The demo's chat scene: a reminder past its due date, then a coordinator talking to the bot.

Before the demo's second run one reminder task is moved past its due date (as if weeks had
gone by), so that run takes the ladder's first step. Then the listeners start as `os2bot run`
starts them, and people write in the sandbox's Slack and Zulip: the steering group's chair
asks for the status and acknowledges the reminder, the secretariat asks for the portfolio.
Every message travels through the real slack_sdk (Socket Mode) and zulip (event queue)
clients; the answers are printed as they were posted.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import TextIO

from os2bot.adapters.console_chat import ConsoleChat
from os2bot.adapters.listening import Handle
from os2bot.calendar import working_day_on_or_before
from os2bot.config import Config
from os2bot.conversation import Conversation
from os2bot.dialogue import Said
from os2bot.domain import reminder_fingerprint
from os2bot.messages import Language, text
from os2bot.ports import ChatMessage, Listener, Tracker
from os2bot.sandbox.server import Sandbox
from os2bot.settings import Settings
from os2bot.state import SqliteState

# The reminder the scene moves past its due date: OS2forms' coordination group, a check its
# steering group owns (so the group's chair is the one reminded, and may acknowledge).
PRODUCT, CHECK = "os2forms", "koordinationsgruppe"


def overdue(sandbox: Sandbox, config: Config) -> str | None:
    """Move the reminder's due date to the last working day before yesterday; its key."""
    wanted = "os2bot-" + reminder_fingerprint(PRODUCT, CHECK)
    for issue in sandbox.jira.issues_with_label(wanted):
        today = sandbox.jira.now().astimezone(config.bot.tz).date()
        closed = tuple(config.bot.tasks.closed_days)
        past = working_day_on_or_before(today - timedelta(days=2), closed)
        sandbox.jira.issues[issue["key"]]["fields"]["duedate"] = past.isoformat()
        sandbox.jira.written()  # a change in place: no search result from before it stands
        return str(issue["key"])
    return None


class _Heard:
    """The answers given, and a way to wait for the one a question gets."""

    def __init__(self, answer: Callable[[Said, str], ChatMessage | None]) -> None:
        self._answer = answer
        self._done = threading.Condition()
        self.answers: list[ChatMessage] = []

    def handle(self, said: Said, message_id: str) -> ChatMessage | None:
        """Answer (the listeners call this) and wake whoever waits for it."""
        reply = self._answer(said, message_id)
        with self._done:
            if reply is not None:
                self.answers.append(reply)
            self._done.notify_all()
        return reply

    def after(self, ask: Callable[[], object], timeout: float = 15.0) -> ChatMessage | None:
        """Ask, and the answer it gets (None if none comes in *timeout* seconds)."""
        with self._done:
            before = len(self.answers)
        ask()
        with self._done:
            self._done.wait_for(lambda: len(self.answers) > before, timeout)
            return self.answers[-1] if len(self.answers) > before else None


@dataclass
class Scene:
    """The listeners on the sandbox, and what was said to them and answered.

    *build* makes the listeners (wiring's, as `os2bot run` has them), given how to answer.
    """

    sandbox: Sandbox
    config: Config
    settings: Settings
    connect_tracker: Callable[[], Tracker]
    out: TextIO
    language: Language
    build: Callable[[Handle], list[Listener]]

    def play(self, key: str | None) -> None:
        """Start listening, let people write, print each question and answer, stop."""
        state = SqliteState(self.settings.state)
        conversation = Conversation(self.config, state, connect_tracker=self.connect_tracker)
        heard = _Heard(conversation.answer)
        listeners = self.build(heard.handle)
        stop = threading.Event()
        threads = [
            threading.Thread(target=item.run, args=(stop,), daemon=True) for item in listeners
        ]
        for thread in threads:
            thread.start()
        try:
            for listener in listeners:
                listener.up.wait(timeout=10)
            self._talk(heard, key)
        finally:
            stop.set()
            for listener in listeners:
                listener.stop()
            for thread in threads:
                thread.join(timeout=10)
            state.close()

    def _talk(self, heard: _Heard, key: str | None) -> None:
        console = ConsoleChat(self.out)
        print(f"\n=== {text('demo.scene', self.language)} ===", file=self.out)
        for who, where, words, ask in self._lines(key):
            print(f"\n  {who} → {where}: {words}", file=self.out)
            reply = heard.after(ask)
            if reply is not None:
                console.show(where, reply)
        if key:
            print(f"\n{text('demo.scene_jira', self.language, key=key)}:", file=self.out)
            for comment in self.sandbox.jira.comments.get(key, []):
                print(f"  • {comment['body']}", file=self.out)

    def _lines(self, key: str | None) -> list[tuple[str, str, str, Callable[[], object]]]:
        """Who writes what where, and how it is put in the sandbox."""
        slack, zulip = self.sandbox.seed.slack, self.sandbox.seed.zulip
        lines: list[tuple[str, str, str, Callable[[], object]]] = []
        channel = next((c for c in slack.channels if c.name == PRODUCT), None)
        if slack.users and channel is not None:
            coordinator = slack.users[0]
            said = ["status"]
            if key:
                said.append(f"kvittér {key}" if self.language == "da" else f"ack {key}")
            for words in said:
                text_ = f"<@{slack.bot_user_id}> {words}"
                lines.append(
                    (
                        coordinator.real_name,
                        f"slack:#{channel.name}",
                        f"@os2bot {words}",
                        partial(self.sandbox.slack.say, coordinator.id, text_, channel=channel.id),
                    )
                )
        if zulip.users and zulip.streams:
            person, stream = zulip.users[0], zulip.streams[-1]
            lines.append(
                (
                    person.full_name,
                    f"zulip:{stream}>os2bot",
                    "@**os2bot** status",
                    partial(
                        self.sandbox.zulip.say,
                        person.user_id,
                        "@**os2bot** status",
                        stream=stream,
                        topic="os2bot",
                    ),
                )
            )
        return lines
