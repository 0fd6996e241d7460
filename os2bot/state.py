# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""SQLite state: what the bot remembers between runs, with a versioned schema."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from os2bot.ports import MessageRef

SCHEMA_VERSION = 1

_MIGRATIONS: dict[int, str] = {
    1: """
        CREATE TABLE message_refs (
            target TEXT NOT NULL,
            product TEXT NOT NULL,
            ref TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (target, product)
        );
    """,
}


class SqliteState:
    """The state database; created and migrated forward on open."""

    def __init__(self, path: Path | str) -> None:
        """Open (or create) the database at *path*; ':memory:' works for tests."""
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._migrate()

    def _migrate(self) -> None:
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = row[0] or 0
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self._db:
                self._db.execute("BEGIN")
                for statement in filter(str.strip, _MIGRATIONS[version].split(";")):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))

    @property
    def version(self) -> int:
        """The schema version of the open database."""
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def message_ref(self, target: str, product: str) -> MessageRef | None:
        """The standing status message of *product* in *target*."""
        row = self._db.execute(
            "SELECT ref, content_hash FROM message_refs WHERE target = ? AND product = ?",
            (target, product),
        ).fetchone()
        return MessageRef(ref=row[0], content_hash=row[1]) if row else None

    def save_message_ref(self, target: str, product: str, ref: MessageRef) -> None:
        """Remember where the standing status message is and what it said."""
        self._db.execute(
            "INSERT INTO message_refs (target, product, ref, content_hash, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (target, product) DO UPDATE SET "
            "ref = excluded.ref, content_hash = excluded.content_hash, "
            "updated_at = excluded.updated_at",
            (target, product, ref.ref, ref.content_hash, datetime.now(UTC).isoformat()),
        )

    def close(self) -> None:
        """Close the database."""
        self._db.close()
