# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Listening on Zulip through the real `zulip` client against the sandbox's event queue:
conversations in a stream and in direct messages, in both languages, who may act, a queue
that expires, a connection that drops, a clean stop."""

from __future__ import annotations

import dataclasses
import threading
from datetime import UTC, datetime

import pytest

from os2bot.adapters.zulip_listener import ZulipListener
from os2bot.conversation import Conversation
from os2bot.flow import Mode, run_once
from os2bot.sandbox import Fault
from os2bot.sandbox.seed import ZulipSeed, ZulipUser
from os2bot.state import SqliteState

from builders import PROFILE, config, product
from conftest import make_seed, tracker_for

TOOLS = PROFILE.model_copy(update={"checks": [PROFILE.check("os2-vaerktoejer")]})
ZULIP = ZulipSeed(
    email="bot@os2samtale.test",
    api_key="zulip-test-key",
    streams=["OS2mo", "sekretariatet"],
    users=[
        ZulipUser(
            user_id=21, full_name="Mette Hansen", email="user21@x", delivery_email="mette@os2.test"
        ),
        ZulipUser(user_id=22, full_name="Søren Holm", email="user22@x"),  # e-mail hidden
        ZulipUser(user_id=23, full_name="Ukendt", email="ukendt@example.com"),
    ],
)


def cfg():
    """OS2mo on Zulip; Mette leads its coordination group (by e-mail), Søren is a member
    known by his Zulip user id."""
    mo = product(
        key="os2mo",
        name="OS2mo",
        jira={"project": "MO"},
        chat={"zulip_stream": "OS2mo", "zulip_topic": "os2bot"},
        coordination_group={
            "lead": {"name": "Mette Hansen", "email": "mette@os2.test"},
            "members": [{"name": "Søren Holm", "zulip_user_id": 22}],
        },
        releases={"enabled": False},
    )
    return config(mo, profile=TOOLS)


class Listening:
    """A listener in its own thread, with what it waited and counted, stopped after the test."""

    def __init__(self, sandbox, state, configuration, **kwargs):
        """Start listening on *sandbox*'s Zulip with a conversation over *state*."""
        self.sandbox = sandbox
        self.waits: list[float] = []
        self.sleeps: list[float] = []
        self.counted: list[tuple[str, str]] = []
        self.conversation = Conversation(
            configuration,
            state,
            connect_tracker=lambda: tracker_for(sandbox),
            count=lambda command, outcome: self.counted.append((command, outcome)),
        )
        self.listener = ZulipListener(
            configuration,
            site=sandbox.url,
            email=ZULIP.email,
            api_key=ZULIP.api_key,
            handle=self.conversation.answer,
            wait=self._wait,
            sleep=self.sleeps.append,
            **kwargs,
        )
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.listener.run, args=(self.stop,), daemon=True)
        self.thread.start()

    def _wait(self, _stop, seconds):
        self.waits.append(seconds)
        return False

    def replies(self):
        """The bot's messages that answer people (not its statuses)."""
        return [m for m in self.sandbox.zulip.messages if m.sender_id == 9]

    def expect(self, count: int):
        """Wait (woken by each message) until the bot has answered *count* times."""
        assert self.sandbox.zulip.wait_until(lambda: len(self.replies()) >= count), self.replies()
        return self.replies()

    def ready(self):
        """Wait until the listener has its queue and polls it."""
        assert self.listener.up.wait(timeout=10)

    def close(self):
        """Stop as the service does on SIGTERM: the event, then the queue deleted."""
        self.stop.set()
        self.listener.stop()
        self.thread.join(timeout=10)


@pytest.fixture
def world(sandbox_factory, tmp_path):
    """The sandbox (Zulip with a short heartbeat), a run's record, and a listener to start."""
    seed = dataclasses.replace(
        make_seed(projects=[{"key": "MO", "name": "OS2mo"}, {"key": "SEK", "name": "SEK"}]),
        zulip=ZULIP,
    )
    sandbox = sandbox_factory(seed, zulip_heartbeat=0.2)
    state = SqliteState(tmp_path / "state.sqlite3")
    configuration = cfg()
    run_once(
        configuration,
        tracker_for(sandbox),
        now=datetime.now(UTC),
        language="da",
        mode=Mode.APPLY,
        state=state,
    )
    started: list[Listening] = []

    def listen(**kwargs) -> Listening:
        listening = Listening(sandbox, state, configuration, **kwargs)
        started.append(listening)
        listening.ready()
        return listening

    yield sandbox, state, listen
    for listening in started:
        listening.close()


def test_a_question_in_the_products_stream_is_answered_in_its_topic(world):
    """Mette asks «@**os2bot** status» in OS2mo > os2bot: the answer is OS2mo's status, in
    that topic, and the bot's own messages are not taken for questions."""
    sandbox, _state, listen = world
    listening = listen()

    sandbox.zulip.say(21, "@**os2bot** status", stream="OS2mo", topic="os2bot")

    reply = listening.expect(1)[0]
    assert reply.stream == "OS2mo"
    assert reply.topic == "os2bot"
    assert "OS2mo — status for tilslutningsaftalen" in reply.content
    assert listening.counted == [("status", "answered")]


def test_a_direct_message_is_answered_directly_in_english_when_asked_in_english(world):
    """«help» in a direct message gets the list of commands in English, as a direct message
    to the one who asked."""
    sandbox, _state, listen = world
    listening = listen()

    sandbox.zulip.say(21, "help")

    reply = listening.expect(1)[0]
    assert reply.private
    assert set(reply.recipients) == {9, 21}
    assert "What I can do" in reply.content


def test_messages_not_for_the_bot_are_left_alone(world):
    """A stream message that does not name the bot, or names everyone, gets no answer."""
    sandbox, _state, listen = world
    listening = listen()

    sandbox.zulip.say(21, "status", stream="OS2mo", topic="os2bot")
    sandbox.zulip.say(21, "@**all** status", stream="OS2mo", topic="os2bot")
    sandbox.zulip.say(21, "@**os2bot** hjælp", stream="OS2mo", topic="os2bot")

    replies = listening.expect(1)
    assert len(replies) == 1
    assert "Det kan jeg hjælpe med" in replies[0].content


@pytest.mark.parametrize(
    ("user", "words", "title"),
    [
        (21, "@**os2bot** kvittér MO-1", "Tak – MO-1 er kvitteret"),
        (22, "@**os2bot** ack MO-1", "Thanks – MO-1 is acknowledged"),
        (23, "@**os2bot** kvittér MO-1", "Du kan desværre ikke kvittere for MO-1"),
    ],
)
def test_acknowledging_is_for_the_group_recognised_by_email_or_user_id(world, user, words, title):
    """Mette (her real e-mail visible to the bot) and Søren (e-mail hidden, mapped by user id)
    may acknowledge; someone else is refused politely, and Jira hears nothing of it."""
    sandbox, state, listen = world
    listening = listen()

    sandbox.zulip.say(user, words, stream="OS2mo", topic="os2bot")

    assert title in listening.expect(1)[0].content.replace("\\", "")
    acted = [
        c
        for c in sandbox.jira.comments["MO-1"]
        if "chatten (Zulip)" in c["body"] or "in chat (Zulip)" in c["body"]
    ]
    assert len(acted) == (0 if user == 23 else 1)
    assert state.chat_actions()[-1].outcome == ("refused" if user == 23 else "done")


def test_an_expired_queue_is_registered_again_and_nothing_is_answered_twice(world):
    """Zulip lets the queue expire after one answer; a question asked meanwhile is answered
    once after the new queue is registered, and the one answered before is not again."""
    sandbox, _state, listen = world
    listening = listen()
    sandbox.zulip.say(21, "@**os2bot** status", stream="OS2mo", topic="os2bot")
    listening.expect(1)

    sandbox.zulip.expire_queues()
    sandbox.zulip.say(21, "@**os2bot** opgaver", stream="OS2mo", topic="os2bot")

    replies = listening.expect(2)
    assert sandbox.zulip.wait_until(lambda: len(sandbox.zulip.queues) == 2)
    assert len(listening.replies()) == 2
    assert "Åbne opgaver fra os2bot for OS2mo" in replies[1].content
    assert listening.counted == [("status", "answered"), ("tasks", "answered")]


def test_a_dropped_connection_is_retried_after_a_backoff_on_the_same_queue(world):
    """The long poll's connection drops once: the listener waits its backoff, reconnects,
    keeps its queue, and answers what comes next."""
    sandbox, _state, listen = world
    fault = sandbox.add_fault(Fault("drop", path=r"^/api/v1/events$", method="GET", times=1))
    listening = listen()
    assert sandbox.zulip.wait_until(lambda: fault.fired == 1)

    sandbox.zulip.say(21, "@**os2bot** hjælp", stream="OS2mo", topic="os2bot")

    listening.expect(1)
    assert listening.waits == [1.0]
    assert listening.listener.reconnects == 1
    assert listening.listener.connected
    assert len(sandbox.zulip.queues) == 1


def test_replies_keep_zulips_pace(world):
    """Two questions in a row: the second answer waits out the minimum interval."""
    sandbox, _state, listen = world
    listening = listen(min_interval=30.0)

    sandbox.zulip.say(21, "@**os2bot** hjælp", stream="OS2mo", topic="os2bot")
    sandbox.zulip.say(21, "@**os2bot** hjælp", stream="OS2mo", topic="os2bot")

    listening.expect(2)
    assert len(listening.sleeps) == 1
    assert 29.0 < listening.sleeps[0] <= 30.0


def test_the_listener_stops_at_once_and_says_it_is_not_connected(world):
    """Stopping deletes the queue, which ends the waiting long poll: the thread ends."""
    _sandbox, _state, listen = world
    listening = listen()
    assert listening.listener.connected

    listening.close()

    assert not listening.thread.is_alive()
    assert not listening.listener.connected


def test_an_unreachable_zulip_is_retried_with_a_capped_backoff():
    """With nothing listening on the port, the waits double up to the cap and stay there."""
    import socket

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    stop = threading.Event()
    waits: list[float] = []

    def wait(_stop, seconds):
        waits.append(seconds)
        if len(waits) == 8:
            stop.set()
        return stop.is_set()

    listener = ZulipListener(
        cfg(),
        site=f"http://127.0.0.1:{port}",
        email=ZULIP.email,
        api_key=ZULIP.api_key,
        handle=lambda _said, _id: None,
        wait=wait,
        backoff_cap=16.0,
    )

    listener.run(stop)

    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0, 16.0, 16.0, 16.0]
    assert not listener.connected
    assert listener.last_error


def _broken(what: str):
    """A stand-in for the listener's own code that fails as a bug would."""

    def fail(*_args: object) -> None:
        raise RuntimeError(f"a bug in {what}")

    return fail


@pytest.mark.parametrize("where", ["connect", "receive"])
def test_an_unexpected_error_does_not_end_the_listening(where):
    """A bug while connecting, or while the queue is polled, is retried after the backoff
    like a lost connection: `run` goes on until stopped, and the listener says it is not
    connected and why."""
    stop = threading.Event()
    waits: list[float] = []

    def wait(_stop, seconds):
        waits.append(seconds)
        if len(waits) == 3:
            stop.set()
        return stop.is_set()

    listener = ZulipListener(
        cfg(),
        site="http://127.0.0.1:9",  # never asked: connecting is replaced below
        email=ZULIP.email,
        api_key=ZULIP.api_key,
        handle=lambda _said, _id: None,
        wait=wait,
    )
    if where == "connect":
        listener._connect = _broken("connect")
    else:

        def connect() -> None:
            listener._client = object()
            listener._queue = "queue"

        listener._connect = connect
        listener._poll = _broken("receive")

    listener.run(stop)

    # A connection that was made starts the backoff over; failing to make one doubles it.
    assert waits == ([1.0, 2.0, 4.0] if where == "connect" else [1.0, 1.0, 1.0])
    assert listener.reconnects == 3
    assert not listener.connected
    assert listener.last_error == f"RuntimeError: a bug in {where}"


EVERY_COMMAND = {
    "da": [
        ("status", "OS2mo — status for tilslutningsaftalen"),
        ("hvorfor værktøjer", "OS2mo: OS2s værktøjer benyttes – ikke opfyldt"),
        ("opgaver", "Åbne opgaver fra os2bot for OS2mo"),
        ("kvittér MO-1", "Tak – MO-1 er kvitteret"),
        ("udsæt MO-1 14 dage", "MO-1 er udsat til"),
        ("dispensation os2mo os2-vaerktoejer Tavlen ligger på GitHub", "Anmodningen om"),
        ("hjælp", "Det kan jeg hjælpe med"),
    ],
    "en": [
        ("status", "OS2mo — status for tilslutningsaftalen"),  # one word: the bot's language
        ("why værktøjer", "OS2mo: OS2's tools are used – not met"),
        ("tasks", "Open tasks from os2bot for OS2mo"),
        ("ack MO-1", "Thanks – MO-1 is acknowledged"),
        ("snooze MO-1 2 weeks", "MO-1 is snoozed until"),
        ("waiver os2mo os2-vaerktoejer Our board is on GitHub", "The request for a waiver"),
        ("help", "What I can do"),
    ],
}


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_command_is_answered_in_the_stream_in_either_language(world, language):
    """Each of the seven commands, written by the coordination group's lead in OS2mo's
    stream, gets its answer in the language it was written in."""
    sandbox, _state, listen = world
    listening = listen()

    for number, (words, _title) in enumerate(EVERY_COMMAND[language], start=1):
        sandbox.zulip.say(21, f"@**os2bot** {words}", stream="OS2mo", topic="os2bot")
        listening.expect(number)

    answers = [reply.content.replace("\\", "") for reply in listening.replies()]
    for (words, title), answer in zip(EVERY_COMMAND[language], answers, strict=True):
        assert title in answer, words
