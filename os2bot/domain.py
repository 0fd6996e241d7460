# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Plain values the core works with: issues, snapshots, check results, actions, fingerprints."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from os2bot.support import SupportFacts

BOT_LABEL = "os2bot"
FINGERPRINT_PREFIX = "os2bot-"
VERSION_PREFIX = "os2bot-v-"


def label_key(label: str) -> str:
    """A label as Jira's search compares it: lower-cased, so `OS2bot` and `os2bot` are one.

    Jira's search finds labels in any case (docs/sandbox.md), so a label read back from an
    issue that search found is compared the same way; a Jira that matched case-sensitively
    would only have returned exact matches, which compare equal here too.
    """
    return label.lower()


class State(StrEnum):
    """The outcome of one check for one product."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"
    WAIVED = "waived"


# How each state is drawn, one table per medium. The keys are States, which are strings, so a
# table also answers to a state's value ("met"). Chat tables have an "event" line too.

# Narrow symbols, readable without colour: the terminal, Markdown and the HTML report.
TEXT_SYMBOL: Mapping[State, str] = {
    State.MET: "✔",
    State.NOT_MET: "✘",
    State.UNKNOWN: "?",
    State.NOT_APPLICABLE: "·",
    State.WAIVED: "≈",
}
# Emoji where a chat system shows Unicode (Zulip, the console chat, the digest's counts).
EMOJI_SYMBOL: Mapping[str, str] = {
    State.MET: "✅",
    State.NOT_MET: "❌",
    State.UNKNOWN: "❔",
    State.NOT_APPLICABLE: "➖",
    State.WAIVED: "🟡",
    "event": "🔔",
}
# Slack's names for the same emoji.
SLACK_SYMBOL: Mapping[str, str] = {
    State.MET: ":white_check_mark:",
    State.NOT_MET: ":x:",
    State.UNKNOWN: ":grey_question:",
    State.NOT_APPLICABLE: ":heavy_minus_sign:",
    State.WAIVED: ":large_yellow_circle:",
    "event": ":bell:",
}
# Jira wiki markup's icons, for the secretariat's dashboard issue.
JIRA_WIKI_SYMBOL: Mapping[State, str] = {
    State.MET: "(/)",
    State.NOT_MET: "(x)",
    State.UNKNOWN: "(?)",
    State.NOT_APPLICABLE: "-",
    State.WAIVED: "≈",
}
# A terminal's ANSI colours; they only add to TEXT_SYMBOL, never replace it.
ANSI_COLOUR: Mapping[State, str] = {
    State.MET: "\033[32m",
    State.NOT_MET: "\033[1;31m",
    State.UNKNOWN: "\033[33m",
    State.NOT_APPLICABLE: "\033[2m",
    State.WAIVED: "\033[36m",
}
# The HTML report's colours: text on white with at least 4.5:1 contrast (WCAG AA).
HTML_COLOUR: Mapping[State, str] = {
    State.MET: "#1b6e2a",
    State.NOT_MET: "#b00020",
    State.UNKNOWN: "#8a5a00",
    State.NOT_APPLICABLE: "#555",
    State.WAIVED: "#0b5e8a",
}


class ActionKind(StrEnum):
    """What the bot does in Jira."""

    CREATE = "create"
    UPDATE = "update"
    COMMENT = "comment"
    EDIT_COMMENT = "edit_comment"
    RESOLVE = "resolve"


@dataclass(frozen=True)
class Msg:
    """A user-facing text not yet rendered: a message key and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Comment:
    """A comment on an issue.

    `digest` is the digest of the text the bot wrote, when the tracker keeps a different form
    of it (GitHub holds Markdown made from the bot's wiki markup, with this digest beside it).
    """

    id: str
    body: str
    digest: str | None = None

    def says(self, body: str) -> bool:
        """Whether this comment says *body*, as the bot would write it."""
        if self.digest is not None:
            return self.digest == text_digest(body)
        return self.body.strip() == body.strip()


def text_digest(body: str) -> str:
    """A short digest of a text the bot writes (surrounding white space aside)."""
    return hashlib.sha256(body.strip().encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Evidence:
    """A plain reference to what a judgement rests on, wherever it lives.

    `source` names the system (jira, github, git, file); the URL is the one the source gave,
    so a report links to the evidence without knowing how that system builds its links.
    """

    source: str
    key: str
    title: str
    url: str
    date: datetime | date | None = None

    def to_json(self) -> dict[str, str | None]:
        """The reference as JSON values (dates in ISO 8601)."""
        return {
            "source": self.source,
            "key": self.key,
            "title": self.title,
            "url": self.url,
            "date": self.date.isoformat() if self.date is not None else None,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, str | None] | str) -> Evidence:
        """A reference as `to_json` wrote it; a bare string is an older run's Jira key."""
        if isinstance(raw, str):
            return cls(source="jira", key=raw, title="", url="")
        return cls(
            source=str(raw.get("source") or ""),
            key=str(raw.get("key") or ""),
            title=str(raw.get("title") or ""),
            url=str(raw.get("url") or ""),
            date=_recorded_date(raw.get("date")),
        )


def _recorded_date(value: str | None) -> datetime | date | None:
    """An evidence date as `Evidence.to_json` wrote it: a day, or a moment with its offset."""
    if not value:
        return None
    if len(value) == len("2026-01-02"):
        return date.fromisoformat(value)
    return datetime.fromisoformat(value)


@dataclass(frozen=True)
class Issue:
    """One issue of a tracker (Jira issue, GitHub issue or pull request) with what rules read.

    A GitHub issue's key is `owner/name#number`, and its project is the repository.
    """

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
    votes: int = 0
    fix_versions: tuple[str, ...] = ()
    comments: tuple[Comment, ...] = ()
    source: str = "jira"  # the tracker the issue lives in

    def date_of(self, name: str) -> datetime | date | None:
        """The issue's date named *name* (created, updated, resolved, duedate)."""
        values: dict[str, datetime | date | None] = {
            "created": self.created,
            "updated": self.updated,
            "resolved": self.resolved,
            "duedate": self.duedate,
        }
        return values[name]

    def as_evidence(self, date_field: str = "updated") -> Evidence:
        """The issue as a plain evidence reference, dated by *date_field*."""
        return Evidence(
            source=self.source,
            key=self.key,
            title=self.summary,
            url=self.url,
            date=self.date_of(date_field),
        )

    @property
    def order(self) -> tuple[str, int]:
        """Sort key: project, then issue number as a number (MO-9 before MO-10, o/r#9 first)."""
        project, _, number = self.key.rpartition("#" if "#" in self.key else "-")
        return (project, int(number) if number.isdigit() else 0)

    @property
    def fingerprint(self) -> str | None:
        """The fingerprint label of a task the bot opened, or None for other issues."""
        for label in map(label_key, self.labels):
            if label.startswith(FINGERPRINT_PREFIX) and not label.startswith(VERSION_PREFIX):
                rest = label.removeprefix(FINGERPRINT_PREFIX)
                if len(rest) == FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in rest):
                    return rest
        return None

    @property
    def content_version(self) -> str | None:
        """The content version label of a bot task."""
        for label in map(label_key, self.labels):
            if label.startswith(VERSION_PREFIX):
                return label.removeprefix(VERSION_PREFIX)
        return None


@dataclass(frozen=True)
class Version:
    """A release: a Jira project version, a GitHub milestone or GitHub release."""

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


# An issue's state as a tracker-neutral condition: open, closed as done, or either.
IssueState = Literal["open", "closed", "any"]

ISSUE_FIELDS: tuple[str, ...] = (
    "summary",
    "project",
    "issue_type",
    "status",
    "labels",
    "created",
    "updated",
    "resolved",
    "duedate",
)


@dataclass(frozen=True)
class Query:
    """Evidence the core asks a tracker for, run once across all the products that use it.

    The core states what it wants, the tracker adapter says it in its own language:
    `condition` is that tracker's own evidence syntax as the governance data writes it (for
    Jira a JQL fragment), `labels` are labels an issue must all carry and `state` whether it is
    open or closed as done (tracker-neutral: GitHub's conditions are written so),
    `updated_within_days` asks for issues updated in the last N days, and `people_only` asks for
    what people did: the bot's own tasks are left out and, when `updated` is among the fields,
    each issue's `updated` is its newest change by someone other than the bot (issues only the
    bot changed are left out). `fields` are names of `Issue`'s attributes: only those are read.
    """

    condition: str = ""
    updated_within_days: int | None = None
    people_only: bool = False
    fields: tuple[str, ...] = ISSUE_FIELDS
    labels: tuple[str, ...] = ()
    state: IssueState | None = None

    @property
    def id(self) -> str:
        """A short stable id for logs and stats."""
        key = f"{self.condition}\x1f{self.updated_within_days}\x1f{self.people_only}"
        if self.labels or self.state:
            key += f"\x1f{','.join(self.labels)}\x1f{self.state}"
        return hashlib.sha256(key.encode()).hexdigest()[:8]


@dataclass(frozen=True)
class Sample:
    """How much of a query's matches the judgements need, project by project.

    Judging asks for the newest evidence, never for all of it: a tracker may answer a query
    with only part of its matches as long as, for every project, it returns every match dated
    within the last `within_days` days by `date_field` (none when `within_days` is None or
    `recent_only` is false and no window is set) and, where that gives fewer than `at_least`,
    also the newest `at_least` matches by that date, dated ones before undated ones. With
    `recent_only` it need return nothing older than the window (the activity check: an old
    change is no activity). A tracker may return more — all matches is always right — so a
    count of what it returned is "at least so many", never a total.

    Not part of a query's identity: checks that ask the same query with different windows
    share one search, which reads the widest window (`merge`).
    """

    date_field: str  # an Issue date: created, updated, resolved, duedate
    within_days: int | None = None
    at_least: int = 1
    recent_only: bool = False

    def merge(self, other: Sample | None) -> Sample | None:
        """One sample that serves both; None (read every match) when they cannot share."""
        if other is None or other.date_field != self.date_field:
            return None
        if self.within_days is None or other.within_days is None:
            window = None
        else:
            window = max(self.within_days, other.within_days)
        return Sample(
            date_field=self.date_field,
            within_days=window,
            at_least=max(self.at_least, other.at_least),
            recent_only=self.recent_only and other.recent_only and window is not None,
        )


@dataclass(frozen=True)
class RepoFile:
    """A file (or folder) in a Git repository, as a tracker's repository API lists it."""

    repo: str  # owner/name
    path: str  # from the repository's root, e.g. beslutninger/2026-11-02-budget.md
    url: str  # where a person reads it
    is_folder: bool = False

    @property
    def name(self) -> str:
        """The file's name, without its folder."""
        return self.path.rpartition("/")[2]

    def as_evidence(self, day: date | None = None) -> Evidence:
        """The file as a plain evidence reference, dated *day*."""
        return Evidence(
            source="git", key=f"{self.repo}:{self.path}", title=self.name, url=self.url, date=day
        )


@dataclass(frozen=True)
class ReadPlan:
    """Everything one run will ask one tracker, told before it asks.

    A tracker that can read several things in one request (GitHub's GraphQL) then reads each
    repository once; one that cannot ignores it. What it answers later is the same either way.
    """

    projects: frozenset[str] = frozenset()  # the configured projects (or repositories)
    queries: dict[Query, frozenset[str]] = field(default_factory=dict)
    versions: frozenset[str] = frozenset()
    folders: frozenset[tuple[str, str]] = frozenset()  # (repository, folder)
    bot_tasks: bool = False


@dataclass
class Snapshot:
    """What collect read from trackers, repositories and disk in one run; rules read no more."""

    taken_at: datetime
    timezone: str  # IANA name; windows are counted in its calendar days
    projects: frozenset[str]  # the projects (and repositories) that exist and can be read
    results: dict[Query, dict[str, list[Issue]]] = field(default_factory=dict)
    failures: dict[Query, str] = field(default_factory=dict)
    # A query that failed on one tracker while another answered it: by (query, project).
    project_failures: dict[tuple[Query, str], str] = field(default_factory=dict)
    versions: dict[str, list[Version]] = field(default_factory=dict)
    versions_failures: dict[str, str] = field(default_factory=dict)
    boards: dict[str, list[int]] | None = None  # project -> board ids; None: not read
    boards_error: str | None = None
    assessments: dict[str, SelfAssessment | str] = field(default_factory=dict)  # str: error
    assessment_refs: dict[str, Evidence] = field(default_factory=dict)  # where each was read
    folders: dict[tuple[str, str], list[RepoFile]] = field(default_factory=dict)
    folder_failures: dict[tuple[str, str], str] = field(default_factory=dict)
    release_issues: dict[tuple[str, str], list[Issue]] = field(default_factory=dict)
    issue_types: dict[str, list[str]] = field(default_factory=dict)
    bot_tasks: list[Issue] = field(default_factory=list)
    calls: dict[str, int] = field(default_factory=dict)
    support: dict[str, SupportFacts] = field(default_factory=dict)  # product key -> joint support

    def issues(self, query: Query, project: str) -> list[Issue]:
        """The issues of *project* that *query* matched."""
        return self.results.get(query, {}).get(project, [])

    def failure(self, query: Query, project: str) -> str | None:
        """Why *query* could not be read for *project*, or None when it was read."""
        return self.failures.get(query) or self.project_failures.get((query, project))


@dataclass(frozen=True)
class CheckResult:
    """The judgement of one check for one product, with its evidence."""

    product: str
    check_id: str
    state: State
    reason: Msg
    evidence: tuple[Evidence, ...] = ()
    notes: tuple[Msg, ...] = ()  # what the check's other evidence said

    @classmethod
    def from_row(cls, row: Sequence[str]) -> CheckResult:
        """A result as the state database keeps it (see `record`).

        The row is product, check, state, the reason's key, its values and the evidence, the
        last two as JSON; evidence an older run kept as bare Jira keys reads too.
        """
        product, check, state, key, params, evidence = row
        return cls(
            product,
            check,
            State(state),
            Msg(key, json.loads(params or "{}")),
            tuple(Evidence.from_json(e) for e in json.loads(evidence or "[]")),
        )


@dataclass(frozen=True)
class Action:
    """One write the planner decided on; `fingerprint` makes it idempotent.

    A task's labels carry its fingerprint (which task it is) and its content version (what it
    says), so that a run can tell "exists" from "exists but out of date" without reading back
    descriptions that people may have edited.
    """

    kind: ActionKind
    fingerprint: str
    product: str
    project: str
    summary: str
    description: str = ""
    comment: str = ""
    issue_key: str | None = None  # the existing issue, for update/comment/resolve
    comment_id: str | None = None  # for edit_comment
    assignee: str | None = None  # accountId (Cloud) or user name (Data Center)
    due: date | None = None
    version: str = ""  # content hash of summary, description, assignee and due date
    mark: str = ""  # an extra label recording that a one-off comment was made
    keep_labels: tuple[str, ...] = ()  # labels of the existing task to keep on update

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels the task carries after this action."""
        labels = [BOT_LABEL, FINGERPRINT_PREFIX + self.fingerprint]
        if self.version:
            labels.append(VERSION_PREFIX + self.version)
        # Kept labels that Jira's search would take for one already here are left out.
        seen = {label_key(label) for label in labels}
        for label in self.keep_labels:
            key = label_key(label)
            if key not in seen and not key.startswith(VERSION_PREFIX):
                labels.append(label)
                seen.add(key)
        if self.mark and label_key(self.mark) not in seen:
            labels.append(self.mark)
        return tuple(labels)


FINGERPRINT_LENGTH = 12


def state_changes(
    results: Iterable[CheckResult], previous: Mapping[tuple[str, str], str]
) -> list[tuple[CheckResult, State]]:
    """The results whose state differs from the one recorded before, with that state.

    A check with no recorded state is not a change: there is nothing to compare with.
    """
    return [
        (result, State(before))
        for result in results
        if (before := previous.get((result.product, result.check_id))) is not None
        and before != result.state.value
    ]


def count_by_state(results: Iterable[CheckResult]) -> dict[State, int]:
    """How many results are in each state; every state is there, in the order of State."""
    counts = dict.fromkeys(State, 0)
    for result in results:
        counts[result.state] += 1
    return counts


@dataclass(frozen=True)
class Applied:
    """An action carried out (or found done already)."""

    action: Action
    key: str
    url: str
    existed: bool = False


def fingerprint(*parts: str) -> str:
    """A stable 12-hex-digit fingerprint of rule, product and subject."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:FINGERPRINT_LENGTH]


def content_version(*parts: object) -> str:
    """An 8-hex-digit hash of what a task says."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:8]


# ------------------------------------------------------------ the bot's marks on its tasks

OVERDUE_MARK = "os2bot-forsinket"  # a label: the task has been told it is overdue

# The bot's triage comment starts with an invisible Jira wiki anchor, so it is found again
# whatever its text says in whichever language (a translator's edit must not make a second).
TRIAGE_MARK = "{anchor:os2bot-triage}"
# Comments the bot wrote before it had the mark start with the text's heading.
_TRIAGE_LEGACY = ("*os2bot* – kvalificering", "*os2bot* – task qualification")


def mark_triage(body: str) -> str:
    """A triage comment's text with the bot's machine mark."""
    return f"{TRIAGE_MARK}{body}"


def is_triage_comment(body: str) -> bool:
    """Whether a comment is the bot's triage comment."""
    return body.startswith((TRIAGE_MARK, *_TRIAGE_LEGACY))


def reminder_fingerprint(product: str, check: str) -> str:
    """The fingerprint of the reminder task for *check* on *product*."""
    return fingerprint("reminder", product, check)


def round_fingerprint(product: str, round_date: date) -> str:
    """The fingerprint of the prioritisation task for the round on *round_date*."""
    return fingerprint("prioritering", product, round_date.isoformat())


# What prioritisation and triage read of a development request.
REQUEST_FIELDS: tuple[str, ...] = (
    "summary",
    "description",
    "project",
    "status",
    "labels",
    "created",
    "votes",
    "comments",
)


def requests_query(condition: str = "", label: str | None = None) -> Query:
    """The query for a product's development requests.

    On Jira its `requests_jql`; on GitHub the open issues with its requests label.
    """
    if label is not None:
        return Query(labels=(label,), state="open", fields=REQUEST_FIELDS)
    return Query(condition, fields=REQUEST_FIELDS)
