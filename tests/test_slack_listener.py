# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Listening on Slack through Socket Mode with slack_sdk's built-in client against the
sandbox's loopback websocket: mentions and direct messages in both languages, who may act,
envelopes acknowledged, a retried envelope answered once, reconnects, a clean stop."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
import requests

from os2bot.adapters.slack_listener import SlackListener
from os2bot.conversation import Conversation
from os2bot.flow import Mode, run_once
from os2bot.state import SqliteState

from builders import PROFILE, config, product
from conftest import SLACK_APP_TOKEN, SLACK_TOKEN, make_seed, tracker_for

TOOLS = PROFILE.model_copy(update={"checks": [PROFILE.check("os2-vaerktoejer")]})
BOT = "U0OS2BOT1"
MO_CHANNEL = "C0TESTMO01"


def cfg():
    """OS2mo in #os2mo; Mette leads its coordination group (known by her e-mail)."""
    mo = product(
        key="os2mo",
        name="OS2mo",
        jira={"project": "MO"},
        chat={"slack_channel": "#os2mo"},
        coordination_group={"lead": {"name": "Mette Hansen", "email": "mette@os2.test"}},
        releases={"enabled": False},
    )
    return config(mo, profile=TOOLS)


class Listening:
    """A Slack listener in its own thread, with its waits and counts; stopped after the test."""

    def __init__(self, sandbox, state, configuration, **kwargs):
        """Start listening on *sandbox*'s Slack with a conversation over *state*."""
        self.sandbox = sandbox
        self.waits: list[float] = []
        self.sleeps: list[float] = []
        self.counted: list[tuple[str, str]] = []
        conversation = Conversation(
            configuration,
            state,
            connect_tracker=lambda: tracker_for(sandbox),
            count=lambda command, outcome: self.counted.append((command, outcome)),
        )
        kwargs.setdefault("app_token", SLACK_APP_TOKEN)
        self.listener = SlackListener(
            configuration,
            bot_token=SLACK_TOKEN,
            base_url=sandbox.url + "/api/",
            handle=conversation.answer,
            wait=self._wait,
            sleep=self.sleeps.append,
            check_every=0.05,
            **kwargs,
        )
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.listener.run, args=(self.stop,), daemon=True)
        self.thread.start()

    def _wait(self, stop, seconds):
        self.waits.append(seconds)
        return stop.is_set()

    def replies(self):
        """What the bot posted that answers people (not statuses or events)."""
        return [m for m in self.sandbox.slack.messages if m.user is None and m.metadata is None]

    def expect(self, count: int):
        """Wait (woken by each post) until the bot has answered *count* times."""
        assert self.sandbox.slack.wait_until(lambda: len(self.replies()) >= count), self.replies()
        return self.replies()

    def connected(self, times: int = 1):
        """Wait until the app has connected *times* times and is connected now."""
        socket = self.sandbox.slack.socket
        assert socket.wait_until(lambda: socket.opened >= times and bool(socket.connections))
        assert self.listener.up.wait(timeout=10)

    def close(self):
        """Stop as the service does on SIGTERM."""
        self.stop.set()
        self.listener.stop()
        self.thread.join(timeout=15)


@pytest.fixture
def world(sandbox_factory, tmp_path):
    """The sandbox, a run's record, and a listener to start."""
    sandbox = sandbox_factory(
        make_seed(projects=[{"key": "MO", "name": "OS2mo"}, {"key": "SEK", "name": "SEK"}])
    )
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
        listening.connected()
        return listening

    yield sandbox, state, listen
    for listening in started:
        listening.close()


def blocks(message) -> str:
    """A message's blocks as one text."""
    return str(message.blocks)


def test_a_mention_in_the_products_channel_is_answered_in_its_thread(world):
    """«@os2bot status» in #os2mo is acknowledged at once and answered with OS2mo's status in
    the thread of the question."""
    sandbox, _state, listen = world
    listening = listen()

    ts = sandbox.slack.say("U0METTE01", f"<@{BOT}> status", channel=MO_CHANNEL)

    reply = listening.expect(1)[0]
    assert reply.channel == MO_CHANNEL
    assert reply.thread_ts == ts
    assert "OS2mo — status for tilslutningsaftalen" in blocks(reply)
    socket = sandbox.slack.socket
    assert socket.wait_until(lambda: all(e.acknowledged for e in socket.envelopes.values()))
    assert listening.counted == [("status", "answered")]


def test_a_direct_message_is_answered_directly_in_english(world):
    """«help» written to the bot directly is answered in the direct conversation, in English."""
    sandbox, _state, listen = world
    listening = listen()

    sandbox.slack.say("U0METTE01", "help")

    reply = listening.expect(1)[0]
    assert reply.channel.startswith("D")
    assert reply.thread_ts is None
    assert "What I can do" in blocks(reply)


@pytest.mark.parametrize(
    ("user", "words", "title"),
    [
        ("U0METTE01", "kvittér MO-1", "Tak – MO-1 er kvitteret"),
        ("U0METTE01", "ack MO-1", "Thanks – MO-1 is acknowledged"),
        ("U0SOREN01", "kvittér MO-1", "Du kan desværre ikke kvittere for MO-1"),
    ],
)
def test_acknowledging_is_for_the_group_recognised_by_the_slack_accounts_email(
    world, user, words, title
):
    """Mette (users.info gives the bot her e-mail) may acknowledge, in Danish or English;
    Søren, not in the group, is refused, and Jira hears nothing of it."""
    sandbox, state, listen = world
    listening = listen()

    sandbox.slack.say(user, f"<@{BOT}> {words}", channel=MO_CHANNEL)

    assert title in listening.expect(1)[0].text or title in blocks(listening.replies()[0])
    written = [c for c in sandbox.jira.comments["MO-1"] if "(Slack)" in c["body"]]
    assert len(written) == (0 if user == "U0SOREN01" else 1)
    assert state.chat_actions()[-1].email == (
        "soren@os2.test" if user == "U0SOREN01" else "mette@os2.test"
    )


def test_an_envelope_slack_retries_is_answered_once(world):
    """Slack sends the same event again (retry_attempt 1): it is acknowledged again, and the
    question is not answered a second time."""
    sandbox, _state, listen = world
    listening = listen()
    sandbox.slack.say("U0METTE01", f"<@{BOT}> kvittér MO-1", channel=MO_CHANNEL)
    listening.expect(1)
    socket = sandbox.slack.socket
    envelope = next(iter(socket.envelopes.values()))

    socket.redeliver(envelope.id)
    sandbox.slack.say("U0METTE01", f"<@{BOT}> hjælp", channel=MO_CHANNEL)

    listening.expect(2)
    assert envelope.attempts == 2
    assert len(listening.replies()) == 2
    assert len([c for c in sandbox.jira.comments["MO-1"] if "Kvitteret" in c["body"]]) == 1


def test_a_dropped_connection_is_opened_again_after_a_backoff(world):
    """Slack's side closes the websocket: the listener waits its backoff, opens a new
    connection, and answers a question that came while it was away."""
    sandbox, _state, listen = world
    listening = listen()
    socket = sandbox.slack.socket

    socket.drop()
    assert socket.wait_until(lambda: not socket.connections)
    sandbox.slack.say("U0METTE01", f"<@{BOT}> opgaver", channel=MO_CHANNEL)

    listening.connected(times=2)
    reply = listening.expect(1)[0]
    assert "Åbne opgaver fra os2bot for OS2mo" in blocks(reply)
    assert listening.waits == [1.0]
    assert listening.listener.reconnects == 1


def test_a_refresh_slack_asks_for_is_followed_without_a_backoff(world):
    """Slack's «disconnect» (refresh_requested) makes the client connect anew by itself: no
    backoff, and the next question is answered on the new connection."""
    sandbox, _state, listen = world
    listening = listen()
    socket = sandbox.slack.socket

    socket.refresh()
    assert socket.wait_until(lambda: socket.opened == 2)
    sandbox.slack.say("U0METTE01", f"<@{BOT}> hjælp", channel=MO_CHANNEL)

    listening.expect(1)
    assert listening.waits == []


def test_the_listener_stops_cleanly(world):
    """Stopping ends the thread and closes the websocket."""
    sandbox, _state, listen = world
    listening = listen()

    listening.close()

    assert not listening.thread.is_alive()
    assert not listening.listener.connected
    assert sandbox.slack.socket.wait_until(lambda: not sandbox.slack.socket.connections)


def test_a_bot_token_does_not_open_socket_mode_and_a_wrong_app_token_is_retried(world):
    """apps.connections.open refuses a bot token as Slack does; a listener with an app token
    Slack does not know retries with a capped backoff."""
    sandbox, _state, _listen = world
    refused = requests.post(
        sandbox.url + "/api/apps.connections.open",
        headers={"Authorization": f"Bearer {SLACK_TOKEN}"},
        timeout=10,
    ).json()
    stop = threading.Event()
    waits: list[float] = []

    def wait(_stop, seconds):
        waits.append(seconds)
        if len(waits) == 4:
            stop.set()
        return stop.is_set()

    listener = SlackListener(
        cfg(),
        app_token="xapp-1-unknown",
        bot_token=SLACK_TOKEN,
        base_url=sandbox.url + "/api/",
        handle=lambda _said, _id: None,
        wait=wait,
        backoff_cap=2.0,
    )

    listener.run(stop)

    assert refused == {"ok": False, "error": "not_allowed_token_type"}
    assert waits == [1.0, 2.0, 2.0, 2.0]
    assert "invalid_auth" in (listener.last_error or "")


def _broken(what: str):
    """A stand-in for the listener's own code that fails as a bug would."""

    def fail() -> bool:
        raise RuntimeError(f"a bug in {what}")

    return fail


@pytest.mark.parametrize("where", ["connect", "receive"])
def test_an_unexpected_error_does_not_end_the_listening(where):
    """A bug while connecting, or while the connection stands, is retried after the backoff
    like a lost connection: `run` goes on until stopped, and the listener says it is not
    connected and why."""
    stop = threading.Event()
    waits: list[float] = []

    def wait(_stop, seconds):
        waits.append(seconds)
        if len(waits) == 3:
            stop.set()
        return stop.is_set()

    listener = SlackListener(
        cfg(),
        app_token=SLACK_APP_TOKEN,
        bot_token=SLACK_TOKEN,
        base_url="http://127.0.0.1:9/api/",  # never asked: connecting is replaced below
        handle=lambda _said, _id: None,
        wait=wait,
        check_every=0,
    )
    if where == "connect":
        listener._connect = _broken("connect")
    else:
        listener._connect = lambda: None
        listener._alive = _broken("receive")

    listener.run(stop)

    # A connection that was made starts the backoff over; failing to make one doubles it.
    assert waits == ([1.0, 2.0, 4.0] if where == "connect" else [1.0, 1.0, 1.0])
    assert listener.reconnects == 3
    assert not listener.connected
    assert listener.last_error == f"RuntimeError: a bug in {where}"


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_command_is_answered_in_the_channel_in_either_language(world, language):
    """Each of the seven commands, written by the coordination group's lead in #os2mo, gets
    its answer in the language it was written in."""
    from test_zulip_listener import EVERY_COMMAND

    sandbox, _state, listen = world
    listening = listen()

    for number, (words, _title) in enumerate(EVERY_COMMAND[language], start=1):
        sandbox.slack.say("U0METTE01", f"<@{BOT}> {words}", channel=MO_CHANNEL)
        listening.expect(number)

    answers = [blocks(reply) for reply in listening.replies()]
    for (words, title), answer in zip(EVERY_COMMAND[language], answers, strict=True):
        assert title in answer, words
