# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""SQLite state: what the bot remembers between runs, with a versioned schema."""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Self, TextIO

from os2bot.ladder import Memory, Record
from os2bot.ports import ChatAction, Create, MessageRef, OpenTask, RunRecord
from os2bot.support import Worklog

SCHEMA_VERSION = 7

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
    2: """
        CREATE TABLE outbox (
            dedup_key TEXT PRIMARY KEY,
            target TEXT NOT NULL,
            message TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            delivered_at TEXT,
            ref TEXT
        );
        CREATE INDEX outbox_pending ON outbox (delivered_at, created_at);
        CREATE TABLE check_states (
            product TEXT NOT NULL,
            check_id TEXT NOT NULL,
            state TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (product, check_id)
        );
        CREATE TABLE digest_states (
            product TEXT NOT NULL,
            check_id TEXT NOT NULL,
            state TEXT NOT NULL,
            PRIMARY KEY (product, check_id)
        );
    """,
    3: """
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            mode TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            outcome TEXT NOT NULL,
            counts TEXT NOT NULL DEFAULT '{}',
            error TEXT
        );
        CREATE INDEX runs_started ON runs (started_at);
        CREATE TABLE results (
            run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            product TEXT NOT NULL,
            check_id TEXT NOT NULL,
            state TEXT NOT NULL,
            reason_key TEXT NOT NULL,
            reason_params TEXT NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (run_id, product, check_id)
        );
        CREATE TABLE actions (
            run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            product TEXT NOT NULL,
            issue_key TEXT,
            summary TEXT NOT NULL,
            outcome TEXT NOT NULL
        );
    """,
    4: """
        CREATE TABLE creates (
            fingerprint TEXT PRIMARY KEY,
            issue_key TEXT,
            created_at TEXT NOT NULL,
            product TEXT NOT NULL,
            project TEXT NOT NULL,
            summary TEXT NOT NULL
        );
    """,
    5: """
        CREATE TABLE ladder_steps (
            issue_key TEXT NOT NULL,
            step INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            product TEXT NOT NULL,
            done_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (issue_key, step)
        );
        CREATE TABLE chat_actions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            chat TEXT NOT NULL,
            place TEXT NOT NULL,
            user_id TEXT NOT NULL,
            user_name TEXT NOT NULL,
            email TEXT,
            command TEXT NOT NULL,
            product TEXT,
            issue_key TEXT,
            hold_until TEXT,
            outcome TEXT NOT NULL,
            detail TEXT
        );
        CREATE INDEX chat_actions_key ON chat_actions (issue_key, outcome);
        CREATE TABLE chat_seen (
            chat TEXT NOT NULL,
            message_id TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (chat, message_id)
        );
        CREATE TABLE open_tasks (
            issue_key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            product TEXT NOT NULL,
            project TEXT NOT NULL,
            summary TEXT NOT NULL,
            url TEXT NOT NULL,
            due TEXT,
            labels TEXT NOT NULL DEFAULT '[]'
        );
    """,
    # Joint support: worklogs kept incrementally (worklog/updated since the cursor), and
    # first responses once found, so that neither is read again every run.
    6: """
        CREATE TABLE worklogs (
            tracker TEXT NOT NULL,
            id INTEGER NOT NULL,
            issue_id TEXT NOT NULL,
            started TEXT NOT NULL,
            seconds INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            properties TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (tracker, id)
        );
        CREATE INDEX worklogs_by_issue ON worklogs (tracker, issue_id);
        CREATE TABLE worklog_cursor (
            tracker TEXT PRIMARY KEY,
            read_from INTEGER NOT NULL,
            read_until INTEGER NOT NULL
        );
        CREATE TABLE first_responses (
            issue_key TEXT PRIMARY KEY,
            responded TEXT NOT NULL
        );
    """,
    # Each run's prepaid hours cards as it read them (used, bought, burn rate, run-out day),
    # so that the report and the served product page show them from the history.
    7: """
        CREATE TABLE cards (
            run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            product TEXT NOT NULL,
            numbers TEXT NOT NULL,
            PRIMARY KEY (run_id, product)
        );
    """,
}


def _now() -> str:
    return datetime.now(UTC).isoformat()


class StateError(Exception):
    """The state database cannot be opened, read or written (corrupt, no space, no access)."""

    def __init__(self, path: str, error: Exception, *, opening: bool = False) -> None:
        """Name the file and what SQLite said; *opening*: before anything else was done."""
        super().__init__(f"{path}: {error}")
        self.path = path
        self.error = str(error)
        self.opening = opening


class Busy(Exception):
    """Another os2bot run holds the lock."""


class RunLock:
    """One run at a time: an exclusive lock on a file beside the state database.

    flock is per open file and released by the kernel when the process dies, so a crashed run
    never leaves a stale lock behind.
    """

    def __init__(self, state_path: Path | str) -> None:
        """The lock belonging to the database at *state_path*."""
        self.path = Path(f"{state_path}.lock")
        self._file: TextIO | None = None

    def acquire(self) -> None:
        """Take the lock now or raise Busy."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise Busy(str(self.path)) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        """Let go of the lock."""
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> Self:
        """Acquire on entering."""
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        """Release on leaving."""
        self.release()


@dataclass(frozen=True)
class OutboxItem:
    """A message waiting in the outbox."""

    dedup_key: str
    target: str
    message: str  # JSON of the ChatMessage
    attempts: int


class SqliteState:
    """The state database; created and migrated forward on open."""

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        """Open (or create) the database at *path*; ':memory:' works for tests.

        *readonly* opens an existing database for reading only — nothing created, migrated or
        written (the served report reads so while runs write).
        """
        self.path = str(path)
        try:
            if readonly:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
                return
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise StateError(self.path, exc, opening=True) from None

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

    # ------------------------------------------------------------ joint support

    def worklog_cursor(self, tracker: str) -> tuple[int, int] | None:
        """(read from, read up to) in ms of the worklogs kept, or None before the first read."""
        row = self._db.execute(
            "SELECT read_from, read_until FROM worklog_cursor WHERE tracker = ?", (tracker,)
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def save_worklogs(
        self, tracker: str, worklogs: Sequence[Worklog], cursor: tuple[int, int]
    ) -> None:
        """Keep *worklogs* (replacing those with their ids) and the cursor, in one transaction."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany(
                "INSERT OR REPLACE INTO worklogs (tracker, id, issue_id, started, seconds, "
                "updated_ms, properties) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        tracker,
                        w.id,
                        w.issue_id,
                        w.started.isoformat(),
                        w.seconds,
                        w.updated_ms,
                        json.dumps([list(p) for p in w.properties]),
                    )
                    for w in worklogs
                ],
            )
            self._db.execute(
                "INSERT OR REPLACE INTO worklog_cursor (tracker, read_from, read_until) "
                "VALUES (?, ?, ?)",
                (tracker, *cursor),
            )

    def deletion_cursor(self, tracker: str) -> tuple[int, int] | None:
        """(read from, read up to) in ms of the worklog deletions read, or None before the first.

        Kept beside the worklogs' own cursor, under the tracker's name with `:deleted`.
        """
        return self.worklog_cursor(f"{tracker}:deleted")

    def forget_worklogs(self, tracker: str, ids: Sequence[int], cursor: tuple[int, int]) -> None:
        """Forget worklogs deleted in the tracker, and the deletions' cursor, in one transaction."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany(
                "DELETE FROM worklogs WHERE tracker = ? AND id = ?", [(tracker, i) for i in ids]
            )
            self._db.execute(
                "INSERT OR REPLACE INTO worklog_cursor (tracker, read_from, read_until) "
                "VALUES (?, ?, ?)",
                (f"{tracker}:deleted", *cursor),
            )

    def stored_worklogs(self, tracker: str, issue_ids: Sequence[str]) -> list[Worklog]:
        """The kept worklogs of these issues."""
        wanted = set(issue_ids)
        rows = self._db.execute(
            "SELECT id, issue_id, started, seconds, updated_ms, properties FROM worklogs "
            "WHERE tracker = ? ORDER BY id",
            (tracker,),
        ).fetchall()
        return [
            Worklog(
                id=int(r[0]),
                issue_id=str(r[1]),
                started=datetime.fromisoformat(r[2]),
                seconds=int(r[3]),
                updated_ms=int(r[4]),
                properties=tuple((str(k), str(v)) for k, v in json.loads(r[5])),
            )
            for r in rows
            if str(r[1]) in wanted
        ]

    def first_responses(self) -> dict[str, datetime]:
        """First responses found before, by issue key."""
        rows = self._db.execute("SELECT issue_key, responded FROM first_responses").fetchall()
        return {str(r[0]): datetime.fromisoformat(r[1]) for r in rows}

    def save_first_responses(self, found: dict[str, datetime]) -> None:
        """Keep first responses found."""
        self._db.executemany(
            "INSERT OR REPLACE INTO first_responses (issue_key, responded) VALUES (?, ?)",
            [(k, v.isoformat()) for k, v in found.items()],
        )

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

    # ------------------------------------------------------------------ creates

    def remember_create(self, create: Create) -> None:
        """Remember a create: attempted (no key yet), or done (its key)."""
        self._db.execute(
            "INSERT INTO creates (fingerprint, issue_key, created_at, product, project, summary) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET "
            "issue_key = excluded.issue_key, created_at = excluded.created_at",
            (
                create.fingerprint,
                create.key,
                create.at.isoformat(),
                create.product,
                create.project,
                create.summary,
            ),
        )

    def recent_creates(self, since: datetime) -> dict[str, Create]:
        """The creates remembered since *since*; older ones are forgotten."""
        self._db.execute("DELETE FROM creates WHERE created_at < ?", (since.isoformat(),))
        rows = self._db.execute(
            "SELECT fingerprint, issue_key, created_at, product, project, summary FROM creates"
        )
        return {
            fp: Create(fp, key, datetime.fromisoformat(at), product, project, summary)
            for fp, key, at, product, project, summary in rows
        }

    def forget_create(self, fingerprint: str) -> None:
        """Nothing uncertain about this task any more."""
        self._db.execute("DELETE FROM creates WHERE fingerprint = ?", (fingerprint,))

    # ------------------------------------------------------------------- outbox

    def enqueue(self, dedup_key: str, target: str, message: str) -> bool:
        """Keep a message for delivery; False when one with this key was kept before."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO outbox (dedup_key, target, message, created_at) "
            "VALUES (?, ?, ?, ?)",
            (dedup_key, target, message, _now()),
        )
        return cursor.rowcount == 1

    def pending(self) -> list[OutboxItem]:
        """Messages not delivered yet, oldest first."""
        rows = self._db.execute(
            "SELECT dedup_key, target, message, attempts FROM outbox "
            "WHERE delivered_at IS NULL ORDER BY created_at, dedup_key"
        ).fetchall()
        return [
            OutboxItem(key, target, message, attempts) for key, target, message, attempts in rows
        ]

    def delivered(self, dedup_key: str, ref: str) -> None:
        """Mark a message delivered (it is never sent again)."""
        self._db.execute(
            "UPDATE outbox SET delivered_at = ?, ref = ? WHERE dedup_key = ?",
            (_now(), ref, dedup_key),
        )

    def failed(self, dedup_key: str, error: str) -> None:
        """Count a failed attempt; the message stays for the next run."""
        self._db.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE dedup_key = ?",
            (error[:500], dedup_key),
        )

    # ---------------------------------------------------------------- check states

    def check_states(self, table: str = "check_states") -> dict[tuple[str, str], str]:
        """The states last recorded, by (product, check)."""
        if table not in {"check_states", "digest_states"}:
            raise ValueError(table)
        rows = self._db.execute(f"SELECT product, check_id, state FROM {table}").fetchall()  # noqa: S608 - table is one of two names
        return {(product, check): state for product, check, state in rows}

    def save_check_states(
        self, states: dict[tuple[str, str], str], table: str = "check_states"
    ) -> None:
        """Replace the recorded states with *states*."""
        if table not in {"check_states", "digest_states"}:
            raise ValueError(table)
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute(f"DELETE FROM {table}")  # noqa: S608 - table is one of two names
            if table == "check_states":
                self._db.executemany(
                    "INSERT INTO check_states (product, check_id, state, updated_at) "
                    "VALUES (?, ?, ?, ?)",
                    [(p, c, s, _now()) for (p, c), s in states.items()],
                )
            else:
                self._db.executemany(
                    "INSERT INTO digest_states (product, check_id, state) VALUES (?, ?, ?)",
                    [(p, c, s) for (p, c), s in states.items()],
                )

    # ------------------------------------------------------------------- history

    def record_run(self, run: RunRecord) -> None:
        """Keep a run, its results and its actions, in one transaction."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute(
                "INSERT OR REPLACE INTO runs (run_id, mode, started_at, finished_at, outcome, "
                "counts, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    run.run_id,
                    run.mode,
                    run.started_at,
                    run.finished_at,
                    run.outcome,
                    json.dumps(run.counts),
                    run.error,
                ),
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(run.run_id, *row) for row in run.results],
            )
            self._db.executemany(
                "INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(run.run_id, *row) for row in run.actions],
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO cards (run_id, product, numbers) VALUES (?, ?, ?)",
                [(run.run_id, *row) for row in run.cards],
            )

    def runs(self, limit: int = 100) -> list[dict[str, object]]:
        """The newest runs, newest first."""
        rows = self._db.execute(
            "SELECT run_id, mode, started_at, finished_at, outcome, counts, error FROM runs "
            "ORDER BY started_at DESC LIMIT ?",
            (limit,),
        ).fetchall()
        keys = ("run_id", "mode", "started_at", "finished_at", "outcome", "counts", "error")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def latest_run(self) -> str | None:
        """The id of the newest run that judged something (the served report's cache key)."""
        row = self._db.execute(
            "SELECT run_id FROM runs WHERE outcome != 'failed' ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
        return str(row[0]) if row else None

    def results_of(self, run_id: str) -> list[tuple[str, str, str]]:
        """(product, check, state) of every result of a run."""
        return [
            (p, c, s)
            for p, c, s in self._db.execute(
                "SELECT product, check_id, state FROM results WHERE run_id = ? "
                "ORDER BY product, check_id",
                (run_id,),
            )
        ]

    def history(self) -> list[tuple[str, str, list[tuple[str, str, str, str, str, str]]]]:
        """Every run that judged something, oldest first: (run id, start, results).

        Each result is (product, check, state, reason key, reason params JSON, evidence JSON).
        """
        runs = self._db.execute(
            "SELECT run_id, started_at FROM runs WHERE outcome != 'failed' ORDER BY started_at"
        ).fetchall()
        found = []
        for run_id, started in runs:
            rows = self._db.execute(
                "SELECT product, check_id, state, reason_key, reason_params, evidence "
                "FROM results WHERE run_id = ?",
                (run_id,),
            ).fetchall()
            if rows:
                found.append((run_id, started, [tuple(row) for row in rows]))
        return found

    def cards(self) -> dict[str, dict[str, dict[str, object]]]:
        """Each run's prepaid hours cards as recorded: run id -> product -> numbers."""
        found: dict[str, dict[str, dict[str, object]]] = {}
        try:
            rows = self._db.execute("SELECT run_id, product, numbers FROM cards").fetchall()
        except sqlite3.OperationalError:
            return found  # a database opened read-only before a run migrated it to schema 7
        for run_id, product, numbers in rows:
            found.setdefault(str(run_id), {})[str(product)] = json.loads(numbers)
        return found

    def bot_tasks(self) -> list[tuple[str, str, str, str]]:
        """Tasks the bot opened and has not resolved, from its actions.

        Each is (product, key, fingerprint, summary).
        """
        rows = self._db.execute(
            "SELECT a.product, a.issue_key, a.fingerprint, a.summary FROM actions a "
            "WHERE a.kind = 'create' AND a.issue_key IS NOT NULL AND a.outcome != 'deferred' "
            "AND NOT EXISTS (SELECT 1 FROM actions r WHERE r.kind = 'resolve' "
            "AND r.fingerprint = a.fingerprint AND r.outcome = 'done' "
            "AND r.rowid > a.rowid) ORDER BY a.product, a.issue_key"
        ).fetchall()
        return [tuple(row) for row in rows]

    def forget_before(self, cutoff: str) -> int:
        """Delete runs started before *cutoff* (ISO time) with their results; how many."""
        with self._db:
            self._db.execute("BEGIN")
            old = [
                r
                for (r,) in self._db.execute(
                    "SELECT run_id FROM runs WHERE started_at < ?", (cutoff,)
                )
            ]
            for table in ("results", "actions", "cards"):
                self._db.executemany(
                    f"DELETE FROM {table} WHERE run_id = ?",  # noqa: S608 - fixed table names
                    [(r,) for r in old],
                )
            self._db.execute("DELETE FROM runs WHERE started_at < ?", (cutoff,))
        return len(old)

    def last_results(self) -> tuple[str, list[tuple[str, str, str, str, str, str]]] | None:
        """The newest run that judged something: (its start, its results), or None.

        Each result is (product, check, state, reason key, reason params JSON, evidence JSON).
        """
        row = self._db.execute(
            "SELECT r.run_id, r.started_at FROM runs r WHERE r.outcome != 'failed' "
            "AND EXISTS (SELECT 1 FROM results s WHERE s.run_id = r.run_id) "
            "ORDER BY r.started_at DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        rows = self._db.execute(
            "SELECT product, check_id, state, reason_key, reason_params, evidence "
            "FROM results WHERE run_id = ? ORDER BY product, check_id",
            (row[0],),
        ).fetchall()
        return row[1], [tuple(r) for r in rows]

    # ------------------------------------------------------------ the ladder, chat

    def record_step(
        self, issue_key: str, step: int, *, fingerprint: str, product: str, on: date
    ) -> bool:
        """Remember that a task went through a step of its ladder; False if it was known."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO ladder_steps (issue_key, step, fingerprint, product, done_on, "
            "recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            (issue_key, step, fingerprint, product, on.isoformat(), _now()),
        )
        return cursor.rowcount == 1

    def ladder_memory(self) -> Memory:
        """The steps taken on every task's ladder, and the holds chat answers set."""
        records: dict[str, Record] = {}
        for key, step, fp, product, on in self._db.execute(
            "SELECT issue_key, step, fingerprint, product, done_on FROM ladder_steps "
            "ORDER BY issue_key, step"
        ):
            record = records.get(key) or Record(fp, product, {})
            steps = {**record.steps, step: date.fromisoformat(on)}
            records[key] = Record(record.fingerprint, record.product, steps)
        holds = {
            key: date.fromisoformat(until)
            for key, until in self._db.execute(
                "SELECT issue_key, MAX(hold_until) FROM chat_actions WHERE outcome = 'done' "
                "AND hold_until IS NOT NULL AND issue_key IS NOT NULL GROUP BY issue_key"
            )
        }
        return Memory(records, holds)

    def record_chat_action(self, action: ChatAction) -> None:
        """Keep what someone did or tried in chat: who, what, when, where, and how it went."""
        self._db.execute(
            "INSERT INTO chat_actions (at, chat, place, user_id, user_name, email, command, "
            "product, issue_key, hold_until, outcome, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                action.at.isoformat(),
                action.chat,
                action.place,
                action.user_id,
                action.user_name,
                action.email,
                action.command,
                action.product,
                action.issue_key,
                action.hold_until.isoformat() if action.hold_until else None,
                action.outcome,
                action.detail[:500] if action.detail else None,
            ),
        )

    def chat_actions(self) -> list[ChatAction]:
        """Everything recorded from chat, oldest first."""
        rows = self._db.execute(
            "SELECT at, chat, place, user_id, user_name, email, command, product, issue_key, "
            "hold_until, outcome, detail FROM chat_actions ORDER BY id"
        ).fetchall()
        keys: tuple[str, ...] = ("at", "chat", "place", "user_id", "user_name", "email")
        keys += ("command", "product", "issue_key", "hold_until", "outcome", "detail")
        found = []
        for row in rows:
            raw = dict(zip(keys, row, strict=True))
            raw["at"] = datetime.fromisoformat(raw["at"])
            raw["hold_until"] = date.fromisoformat(raw["hold_until"]) if raw["hold_until"] else None
            found.append(ChatAction(**raw))
        return found

    def claim_message(self, chat: str, message_id: str, *, keep_days: int = 30) -> bool:
        """Whether this chat message is new: the first to claim it answers it, no one else.

        Claims older than *keep_days* are forgotten (no chat redelivers that late).
        """
        now = datetime.now(UTC)
        self._db.execute(
            "DELETE FROM chat_seen WHERE seen_at < ?",
            ((now - timedelta(days=keep_days)).isoformat(),),
        )
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO chat_seen (chat, message_id, seen_at) VALUES (?, ?, ?)",
            (chat, message_id, now.isoformat()),
        )
        return cursor.rowcount == 1

    def save_open_tasks(self, tasks: list[OpenTask]) -> None:
        """Replace the bot's open tasks as the last run left them."""
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute("DELETE FROM open_tasks")
            self._db.executemany(
                "INSERT OR REPLACE INTO open_tasks (issue_key, fingerprint, product, project, "
                "summary, url, due, labels) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        t.key,
                        t.fingerprint,
                        t.product,
                        t.project,
                        t.summary,
                        t.url,
                        t.due.isoformat() if t.due else None,
                        json.dumps(list(t.labels)),
                    )
                    for t in tasks
                ],
            )

    def open_tasks(self) -> list[OpenTask]:
        """The bot's open tasks as the last run left them."""
        rows = self._db.execute(
            "SELECT issue_key, fingerprint, product, project, summary, url, due, labels "
            "FROM open_tasks ORDER BY product, issue_key"
        ).fetchall()
        return [
            OpenTask(
                key=key,
                fingerprint=fp,
                product=product,
                project=project,
                summary=summary,
                url=url,
                due=date.fromisoformat(due) if due else None,
                labels=tuple(json.loads(labels)),
            )
            for key, fp, product, project, summary, url, due, labels in rows
        ]

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def writable_problem(path: Path | str) -> str | None:
    """What keeps the bot from writing the state database at *path*; None when nothing does.

    Nothing in the database changes: an existing one is opened read-write and a write lock is
    taken and given back at once (SQLite's BEGIN IMMEDIATE), which fails on a read-only file,
    a read-only file system or a file that is no database. A database not there yet needs a
    directory the bot may create it in; the lock file beside it needs the same.
    """
    target = Path(path)
    if target.is_dir():
        return f"{target} is a directory"
    if target.exists():
        try:
            db = sqlite3.connect(f"file:{target}?mode=rw", uri=True, isolation_level=None)
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("ROLLBACK")
            finally:
                db.close()
        except sqlite3.Error as exc:
            return str(exc)
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # SqliteState creates the missing directories
    if not folder.is_dir():
        return f"{folder} is not a directory"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{folder} is not writable"
    return None
