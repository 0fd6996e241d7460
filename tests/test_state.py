# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The state database: forward migrations keep what an older version remembered."""

from __future__ import annotations

import sqlite3

from os2bot.ports import MessageRef
from os2bot.state import SCHEMA_VERSION, SqliteState


def test_a_version_1_database_is_migrated_and_keeps_its_message_references(tmp_path):
    """A database written by schema version 1 opens at the current version, with the status
    message it remembered, and gains the outbox."""
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE schema_version (version INTEGER NOT NULL);"
        "INSERT INTO schema_version VALUES (1);"
        "CREATE TABLE message_refs (target TEXT NOT NULL, product TEXT NOT NULL, ref TEXT NOT NULL,"
        " content_hash TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (target, product));"
        "INSERT INTO message_refs VALUES ('slack:#os2mo', 'os2mo', 'C1/1.0', 'abc', '2026-01-01');"
    )
    db.commit()
    db.close()

    state = SqliteState(path)

    assert state.version == SCHEMA_VERSION
    assert state.message_ref("slack:#os2mo", "os2mo") == MessageRef("C1/1.0", "abc")
    assert state.enqueue("k", "slack:#os2mo", "{}") is True
    assert [item.dedup_key for item in state.pending()] == ["k"]


def test_the_same_message_is_kept_once_and_delivered_once(tmp_path):
    """An event kept twice under one key is one message; once delivered it is not pending."""
    state = SqliteState(tmp_path / "s.sqlite3")

    first = state.enqueue("opened:abc@slack:#os2mo", "slack:#os2mo", "{}")
    second = state.enqueue("opened:abc@slack:#os2mo", "slack:#os2mo", "{}")
    state.failed("opened:abc@slack:#os2mo", "Slack chat.postMessage: fatal_error")
    still = [(i.dedup_key, i.attempts) for i in state.pending()]
    state.delivered("opened:abc@slack:#os2mo", "C1/2.0")

    assert (first, second) == (True, False)
    assert still == [("opened:abc@slack:#os2mo", 1)]
    assert state.pending() == []


def test_a_ladder_step_is_remembered_once_with_its_day(tmp_path):
    """A step recorded twice is one step, with the day it was first recorded."""
    from datetime import date

    state = SqliteState(tmp_path / "s.sqlite3")

    first = state.record_step("MO-5", 1, fingerprint="abc", product="os2mo", on=date(2026, 12, 1))
    again = state.record_step("MO-5", 1, fingerprint="abc", product="os2mo", on=date(2026, 12, 2))

    assert (first, again) == (True, False)
    assert state.ladder_memory().steps("MO-5") == {1: date(2026, 12, 1)}
    assert state.ladder_memory().records["MO-5"].product == "os2mo"


def test_the_longest_hold_carried_out_in_chat_is_the_one_that_counts(tmp_path):
    """An acknowledgement after a longer snooze does not shorten it; refused actions hold
    nothing."""
    from datetime import UTC, date, datetime

    from os2bot.ports import ChatAction

    state = SqliteState(tmp_path / "s.sqlite3")

    def act(until: date, outcome: str = "done") -> None:
        state.record_chat_action(
            ChatAction(
                at=datetime(2026, 12, 1, tzinfo=UTC),
                chat="zulip",
                place="OS2mo>os2bot",
                user_id="21",
                user_name="Mette",
                email="mette@os2.test",
                command="snooze",
                product="os2mo",
                issue_key="MO-5",
                outcome=outcome,
                hold_until=until,
            )
        )

    act(date(2026, 12, 20))
    act(date(2026, 12, 10))
    act(date(2027, 1, 30), outcome="refused")

    assert state.ladder_memory().holds == {"MO-5": date(2026, 12, 20)}
    assert [a.outcome for a in state.chat_actions()] == ["done", "done", "refused"]


def test_a_chat_message_is_claimed_once(tmp_path):
    """The first claim of a message answers it; a second claim, after a reconnect or by a
    second listener, does not."""
    state = SqliteState(tmp_path / "s.sqlite3")

    assert state.claim_message("zulip", "1001") is True
    assert state.claim_message("zulip", "1001") is False
    assert state.claim_message("slack", "1001") is True
