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
