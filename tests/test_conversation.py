# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Answering in chat against the sandbox's Jira and a real state database: each message once,
each action one write, every action recorded, no traceback ever."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from os2bot import conversation
from os2bot.conversation import Conversation, product_at
from os2bot.dialogue import Said, Speaker
from os2bot.flow import Mode, run_once
from os2bot.sandbox import Fault
from os2bot.state import SqliteState

from builders import PROFILE, config, product
from conftest import make_seed, tracker_for

TOOLS = PROFILE.model_copy(update={"checks": [PROFILE.check("os2-vaerktoejer")]})
DAY = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
METTE = Speaker("slack", "U0METTE01", "Mette Hansen", "mette@os2.test")
STRANGER = Speaker("zulip", "77", "Ukendt", "ukendt@example.com")


def cfg():
    """OS2mo, its tools check failing, its coordination group's lead known by e-mail."""
    mo = product(
        key="os2mo",
        name="OS2mo",
        jira={"project": "MO"},
        chat={"slack_channel": "#os2mo", "zulip_stream": "OS2mo"},
        coordination_group={"lead": {"name": "Mette Hansen", "email": "mette@os2.test"}},
        releases={"enabled": False},
    )
    return config(mo, profile=TOOLS)


@pytest.fixture
def talk(sandbox_factory, tmp_path):
    """A run has opened the reminder; a conversation answers from its record."""
    sandbox = sandbox_factory(
        make_seed(projects=[{"key": "MO", "name": "OS2mo"}, {"key": "SEK", "name": "SEK"}])
    )
    state = SqliteState(tmp_path / "state.sqlite3")
    configuration = cfg()
    run_once(
        configuration, tracker_for(sandbox), now=DAY, language="da", mode=Mode.APPLY, state=state
    )
    counted: list[tuple[str, str]] = []
    chat = Conversation(
        configuration,
        state,
        connect_tracker=lambda: tracker_for(sandbox),
        count=lambda command, outcome: counted.append((command, outcome)),
    )
    return sandbox, state, chat, counted


def say(chat, words, who=METTE, message_id="m1"):
    """What the bot answers *words* said by *who* in #os2mo."""
    return chat.answer(Said(who, words, "slack:C0TESTMO01", DAY, "os2mo"), message_id)


def comments(sandbox, key):
    """The bodies of the comments on *key*."""
    return [c["body"] for c in sandbox.jira.comments[key]]


def test_an_acknowledgement_is_one_comment_recorded_with_who_what_when_where(talk):
    """«kvittér MO-1» writes one comment, records the action with its hold, and the ladder
    reads the hold from the state database."""
    sandbox, state, chat, counted = talk

    reply = say(chat, "kvittér MO-1")

    assert reply.title == "Tak – MO-1 er kvitteret"
    assert [c for c in comments(sandbox, "MO-1") if "Kvitteret af Mette Hansen" in c]
    action = state.chat_actions()[-1]
    assert (action.command, action.outcome, action.issue_key) == ("acknowledge", "done", "MO-1")
    assert (action.chat, action.place, action.email) == (
        "slack",
        "slack:C0TESTMO01",
        "mette@os2.test",
    )
    assert state.ladder_memory().holds == {"MO-1": date(2026, 12, 15)}
    assert counted == [("acknowledge", "done")]


def test_a_message_delivered_again_is_answered_once(talk):
    """The same message id a second time (a reconnect, a retry) gets no answer and no write."""
    sandbox, _state, chat, counted = talk

    first = say(chat, "kvittér MO-1", message_id="m7")
    again = say(chat, "kvittér MO-1", message_id="m7")

    assert first is not None
    assert again is None
    assert len([c for c in comments(sandbox, "MO-1") if "Kvitteret" in c]) == 1
    assert counted == [("acknowledge", "done")]


def test_a_waiver_request_opens_one_task_and_a_second_request_comments_on_it(talk):
    """Two requests for the same waiver: one task in the secretariat's project, then one
    comment on it; each answer links the task."""
    sandbox, _state, chat, _counted = talk

    first = say(chat, "dispensation os2mo os2-vaerktoejer Tavlen er på GitHub", message_id="a")
    second = say(chat, "waiver os2mo os2-vaerktoejer Still on GitHub", message_id="b")

    tasks = [i for i in sandbox.jira.issues_with_label("os2bot") if i["key"].startswith("SEK-")]
    assert [t["fields"]["summary"] for t in tasks] == [
        "Anmodning om dispensation: OS2mo – OS2s værktøjer benyttes"
    ]
    key = tasks[0]["key"]
    assert [link.label for link in first.links] == [key]
    assert [link.label for link in second.links] == [key]
    assert [c for c in comments(sandbox, key) if "asked for a waiver again" in c]


def test_a_refusal_is_recorded_and_writes_nothing(talk):
    """A stranger's acknowledgement is refused, recorded as refused, and holds nothing."""
    sandbox, state, chat, counted = talk

    reply = say(chat, "kvittér MO-1", STRANGER)

    assert reply.title == "Du kan desværre ikke kvittere for MO-1"
    assert not [c for c in comments(sandbox, "MO-1") if "Kvitteret" in c]
    assert [a.outcome for a in state.chat_actions()] == ["refused"]
    assert state.ladder_memory().holds == {}
    assert counted == [("acknowledge", "refused")]


def test_when_jira_cannot_take_the_comment_nothing_is_held_and_the_answer_says_so(talk):
    """Jira answers 503 to the comment: the reply says nothing changed, the action is recorded
    as failed, and the ladder is not held."""
    sandbox, state, chat, counted = talk
    sandbox.add_fault(Fault("status", path=r"/comment$", method="POST", status=503))

    reply = say(chat, "kvittér MO-1")

    assert reply.title == "Det lykkedes ikke at skrive i Jira"
    assert [a.outcome for a in state.chat_actions()] == ["failed"]
    assert state.ladder_memory().holds == {}
    assert counted == [("acknowledge", "failed")]


def test_a_failure_inside_is_an_apology_never_a_traceback(talk, monkeypatch):
    """Whatever breaks while answering, the person gets a short apology and the error is
    counted, not raised."""
    _sandbox, _state, chat, counted = talk

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(conversation, "interpret", broken)

    reply = say(chat, "status")

    assert reply.title == "Beklager, noget gik galt"
    assert "boom" not in reply.text
    assert counted == [("unknown", "error")]


def test_status_is_answered_from_the_last_run_without_asking_jira(talk):
    """«status» reads the state database only: Jira sees no request while it is answered."""
    sandbox, _state, chat, _counted = talk
    before = len(sandbox.exchanges)

    reply = say(chat, "status")

    assert reply.title == "OS2mo — status for tilslutningsaftalen"
    assert len(sandbox.exchanges) == before


def test_a_channel_names_its_product_on_either_chat():
    """A Zulip stream or a Slack channel (by id or #name) is the product whose it is."""
    configuration = cfg()

    assert product_at(configuration, "zulip", "os2mo") == "os2mo"
    assert product_at(configuration, "slack", "C0TESTMO01", "os2mo") == "os2mo"
    assert product_at(configuration, "slack", "C0OTHER001", "random") is None


def test_a_snooze_holds_the_ladder_until_its_day(talk):
    """«udsæt MO-1 2026-12-20» writes one comment and holds the ladder until that day."""
    sandbox, state, chat, counted = talk

    reply = say(chat, "udsæt MO-1 2026-12-20")

    assert reply.title == "MO-1 er udsat til 2026-12-20"
    assert [c for c in comments(sandbox, "MO-1") if "Udsat af Mette Hansen" in c]
    assert state.ladder_memory().holds == {"MO-1": date(2026, 12, 20)}
    assert counted == [("snooze", "done")]
