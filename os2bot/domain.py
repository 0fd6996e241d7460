# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Plain values the core works with: issues, snapshots, check results, actions, fingerprints."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

BOT_LABEL = "os2bot"
FINGERPRINT_PREFIX = "os2bot-"


class State(StrEnum):
    """The outcome of one check for one product."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"
    WAIVED = "waived"


class ActionKind(StrEnum):
    """What the bot does to a task in Jira."""

    CREATE = "create"
    UPDATE = "update"
    COMMENT = "comment"
    RESOLVE = "resolve"


@dataclass(frozen=True)
class Msg:
    """A user-facing text not yet rendered: a message key and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Issue:
    """One Jira issue, with the fields the rules read."""

    key: str
    project: str
    summary: str
    url: str
    issue_type: str | None = None
    status: str | None = None
    status_category: str | None = None  # "new" | "indeterminate" | "done"
    labels: tuple[str, ...] = ()
    created: datetime | None = None
    updated: datetime | None = None
    resolved: datetime | None = None
    duedate: date | None = None
    description: str | None = None

    def date_of(self, name: str) -> datetime | date | None:
        """The issue's date in the JQL field *name* (created, updated, resolved, duedate)."""
        values: dict[str, datetime | date | None] = {
            "created": self.created,
            "updated": self.updated,
            "resolved": self.resolved,
            "duedate": self.duedate,
        }
        return values[name]

    @property
    def order(self) -> tuple[str, int]:
        """Sort key: project, then issue number as a number (MO-9 before MO-10)."""
        project, _, number = self.key.rpartition("-")
        return (project, int(number) if number.isdigit() else 0)

    @property
    def fingerprint(self) -> str | None:
        """The fingerprint label of a task the bot opened, or None for other issues."""
        for label in self.labels:
            if label.startswith(FINGERPRINT_PREFIX):
                return label.removeprefix(FINGERPRINT_PREFIX)
        return None


@dataclass(frozen=True)
class Version:
    """A Jira project version (a release)."""

    name: str
    released: bool
    archived: bool = False
    release_date: date | None = None


@dataclass(frozen=True)
class Answer:
    """One answer of a self-assessment: efterlevet Ja/Nej, and the documentation given."""

    requirement: str
    complied: bool | None  # None: neither "Ja" nor "Nej"
    documentation: str = ""


@dataclass(frozen=True)
class SelfAssessment:
    """OS2's self-assessment (selvevaluering) as its form exports it."""

    product_name: str
    filled: date
    answers: dict[str, Answer]


@dataclass(frozen=True)
class Query:
    """A JQL evidence query, run once across all the products that use it."""

    jql: str
    fields: tuple[str, ...] = (
        "summary",
        "project",
        "issuetype",
        "status",
        "labels",
        "created",
        "updated",
        "resolutiondate",
        "duedate",
    )

    @property
    def id(self) -> str:
        """A short stable id for logs and stats."""
        return hashlib.sha256(self.jql.encode()).hexdigest()[:8]


@dataclass
class Snapshot:
    """What collect read from Jira in one run; rules read nothing else."""

    taken_at: datetime
    timezone: str  # IANA name; windows are counted in its calendar days
    projects: frozenset[str]  # the projects that exist and can be read
    results: dict[Query, dict[str, list[Issue]]] = field(default_factory=dict)
    failures: dict[Query, str] = field(default_factory=dict)
    versions: dict[str, list[Version]] = field(default_factory=dict)
    versions_failures: dict[str, str] = field(default_factory=dict)
    boards: dict[str, list[int]] | None = None  # project -> board ids; None: not read
    boards_error: str | None = None
    assessments: dict[str, SelfAssessment | str] = field(default_factory=dict)  # str: error
    bot_tasks: list[Issue] = field(default_factory=list)
    calls: dict[str, int] = field(default_factory=dict)

    def issues(self, query: Query, project: str) -> list[Issue]:
        """The issues of *project* that *query* matched."""
        return self.results.get(query, {}).get(project, [])


@dataclass(frozen=True)
class CheckResult:
    """The judgement of one check for one product, with its evidence."""

    product: str
    check_id: str
    state: State
    reason: Msg
    evidence: tuple[Issue, ...] = ()
    notes: tuple[Msg, ...] = ()  # what the check's other evidence said


@dataclass(frozen=True)
class Action:
    """One write the planner decided on; `fingerprint` makes it idempotent."""

    kind: ActionKind
    fingerprint: str
    product: str
    project: str
    summary: str
    description: str = ""
    comment: str = ""
    issue_key: str | None = None  # the existing task, for update/comment/resolve

    @property
    def labels(self) -> tuple[str, str]:
        """The labels every bot task carries."""
        return (BOT_LABEL, FINGERPRINT_PREFIX + self.fingerprint)


def fingerprint(*parts: str) -> str:
    """A stable 12-hex-digit fingerprint of rule, product and subject."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12]
