# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The interfaces the core talks to; adapters implement them, tests fake them."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from os2bot.domain import Issue, Query, ReadPlan, RepoFile, Sample, Version
from os2bot.support import SupportAsk, SupportIssue, Worklog

if TYPE_CHECKING:
    from os2bot.ladder import Memory


class TrackerError(Exception):
    """The tracker answered, but not as hoped (bad query, permission, validation)."""

    text_key = "cli.jira_failed"  # what the CLI tells the operator (with {error})


class TrackerUnavailable(TrackerError):
    """The tracker could not be reached or kept failing (network, 5xx, rate limit past retries)."""

    text_key = "cli.jira_unreachable"

    def __init__(
        self, message: str, *, retry_after: float | None = None, status: int | None = None
    ) -> None:
        """Keep the tracker's Retry-After and HTTP status, when it sent them."""
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status  # None: no answer at all (connection lost, timeout)

    @property
    def write_may_have_happened(self) -> bool:
        """Whether a write this answered may have been done all the same.

        429 and 503 say the request was not handled; no answer at all, or a gateway's 500,
        502 or 504, leave it open.
        """
        return self.status not in {429, 503}


class TrackerBadRequest(TrackerError):
    """The tracker found the request invalid (HTTP 400); its own words are in the message."""

    text_key = "cli.jira_bad_request"


class TrackerAuthError(TrackerError):
    """The tracker refused the bot's credentials (HTTP 401)."""

    def __init__(self, message: str, *, deployment: str) -> None:
        """The deployment decides which settings hold the credentials."""
        super().__init__(message)
        self.text_key = (
            "cli.jira_credentials_datacenter"
            if deployment == "datacenter"
            else "cli.jira_credentials_cloud"
        )


class TrackerPermissionError(TrackerError):
    """The tracker knows the bot but does not let it do this (HTTP 403)."""

    text_key = "cli.jira_permission"


class TrackerRateLimited(TrackerError):
    """The tracker refused a write for its rate limit: nothing was written, the next run tries.

    Not TrackerUnavailable: one refused write must not stop the run.
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        """Keep how long the tracker asked the bot to wait."""
        super().__init__(message)
        self.retry_after = retry_after


class ChatError(Exception):
    """The chat system refused or could not take a message (it may work next time)."""


class ChatMessageGone(ChatError):
    """The message to edit no longer exists (someone deleted it)."""


class Tracker(Protocol):
    """An issue tracker, asked for what the core means rather than in a query language.

    Projects are the tracker's own keys; `fields` are names of `Issue` attributes.

    Every search reads all pages, or raises TrackerError when it had to stop short (a page cap,
    a deadline). Raises TrackerUnavailable when the tracker cannot be reached and TrackerError
    when it refuses.
    """

    calls: dict[str, int]

    def readable_projects(self) -> frozenset[str]:
        """Keys of every project the bot can read."""
        ...

    def evidence(
        self, query: Query, projects: Sequence[str], sample: Sample | None = None
    ) -> list[Issue]:
        """The issues of *projects* that *query* asks for.

        With `query.people_only` the bot's own writes count for nothing: its tasks are left
        out and, if `updated` is asked for, it is the newest change someone else made. With a
        *sample*, at least the matches it promises (see `Sample`): a tracker that cannot ask
        for less may return every match.
        """
        ...

    def bot_tasks(self, projects: Sequence[str], fields: Sequence[str]) -> list[Issue]:
        """The bot's unresolved tasks in *projects*."""
        ...

    def tasks_with_fingerprints(
        self, fingerprints: Sequence[str], projects: Sequence[str] | None = None
    ) -> list[Issue]:
        """The unresolved tasks that carry any of these fingerprints.

        *projects* are where the tasks are to be: a tracker that must look project by project
        (GitHub) looks there; one that searches all at once (Jira) may look everywhere.
        """
        ...

    def open_issues_in_versions(self, versions: Sequence[tuple[str, str]]) -> list[Issue]:
        """The unresolved issues planned for these (project, version name) pairs."""
        ...

    def check_conditions(self, conditions: Sequence[str]) -> dict[str, list[str]]:
        """The tracker's own verdict on evidence conditions: the errors of each (none: valid).

        For Jira the conditions are JQL fragments, and its own parser judges them.
        """
        ...

    def task(self, key: str) -> Issue | None:
        """One task read by its key, None when it does not exist.

        Unlike a search, reading by key sees a write at once.
        """
        ...

    def versions(self, project: str) -> list[Version]:
        """The project's versions."""
        ...

    def boards(self) -> dict[str, list[int]]:
        """Every agile board's id, by the key of the project it belongs to."""
        ...

    def create_task(
        self,
        *,
        project: str,
        summary: str,
        description: str,
        labels: Sequence[str],
        assignee: str | None = None,
        due: date | None = None,
    ) -> Issue:
        """Open a task; return it with its key and URL."""
        ...

    def update_task(
        self,
        key: str,
        *,
        summary: str | None = None,
        description: str | None = None,
        labels: Sequence[str] | None = None,
        assignee: str | None = None,
        due: date | None = None,
    ) -> None:
        """Change a task's fields; None leaves a field as it is."""
        ...

    def comment(self, key: str, body: str) -> str:
        """Add a comment to an issue; return its id."""
        ...

    def edit_comment(self, key: str, comment_id: str, body: str) -> None:
        """Replace the text of a comment."""
        ...

    def resolve(self, key: str) -> bool:
        """Move an issue to a done status; False when its workflow offers none."""
        ...


@runtime_checkable
class ReadsAhead(Protocol):
    """A tracker that can read what a run will ask in fewer requests when told it first."""

    def read_ahead(self, plan: ReadPlan) -> None:
        """Read what *plan* lists now, so that the questions that follow are answered from it."""
        ...


@runtime_checkable
class SupportReader(Protocol):
    """A tracker that reads joint support: support issues with first responses, worklogs.

    Jira implements it beside `Tracker`; a tracker without it leaves support unknown.
    """

    def support_issues(
        self, asks: Sequence[SupportAsk], known: dict[str, datetime]
    ) -> tuple[list[SupportIssue], dict[str, frozenset[str]]]:
        """Support issues with their first responses, and the ids of each card's issues.

        Each project's support issues since its ask's day; *known* first responses, by issue
        key, are not looked up again.
        """

    def worklogs_changed(self, since_ms: int) -> tuple[list[int], int]:
        """Ids of the worklogs changed after *since_ms*, and the moment read up to (ms)."""

    def worklogs_deleted(self, since_ms: int) -> tuple[list[int], int]:
        """Ids of the worklogs deleted after *since_ms*, and the moment read up to (ms)."""

    def worklogs(self, ids: Sequence[int]) -> list[Worklog]:
        """The worklogs with these ids."""


@runtime_checkable
class SupportStore(Protocol):
    """Where worklogs and first responses are kept between runs (the state database)."""

    def worklog_cursor(self, tracker: str) -> tuple[int, int] | None:
        """(read from, read up to) in ms, or None before the first read."""

    def save_worklogs(
        self, tracker: str, worklogs: Sequence[Worklog], cursor: tuple[int, int]
    ) -> None:
        """Keep *worklogs* (replacing those with their ids) and where reading got to."""

    def deletion_cursor(self, tracker: str) -> tuple[int, int] | None:
        """(read from, read up to) in ms of the deletions read, or None before the first."""

    def forget_worklogs(self, tracker: str, ids: Sequence[int], cursor: tuple[int, int]) -> None:
        """Forget the worklogs deleted in the tracker and keep where reading deletions got to."""

    def stored_worklogs(self, tracker: str, issue_ids: Sequence[str]) -> list[Worklog]:
        """The kept worklogs of these issues."""

    def first_responses(self) -> dict[str, datetime]:
        """First responses found before, by issue key."""

    def save_first_responses(self, found: dict[str, datetime]) -> None:
        """Keep first responses found."""


@runtime_checkable
class Repository(Protocol):
    """Files in Git repositories, read through a tracker's API (no clone).

    Raises TrackerUnavailable when the service cannot be reached and TrackerError when it
    refuses or the repository or folder does not exist.
    """

    calls: dict[str, int]

    def folder(self, repo: str, path: str) -> list[RepoFile]:
        """The files and folders directly in *path* of *repo*'s default branch."""
        ...

    def file_texts(
        self, files: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], str | TrackerError]:
        """The text of each (repository, path), or why it could not be read."""
        ...


@dataclass(frozen=True)
class Link:
    """A link in a chat message."""

    url: str
    label: str
    title: str = ""


@dataclass(frozen=True)
class StatusLine:
    """One line of a chat message: a check in a status, an event in a batch.

    A line may carry one link (the task it is about), shown once, beside its title.
    """

    state: str  # a State value, or "event"
    title: str
    detail: str
    link: Link | None = None


@dataclass(frozen=True)
class Mention:
    """Someone a message names with a ping, on purpose: the escalation ladder's one exception.

    Only people whose chat identity is in the configuration are mentioned; an adapter that
    cannot find them in its system names them in plain text instead.
    """

    name: str
    email: str | None = None
    zulip_user_id: int | None = None
    slack_user_id: str | None = None


@dataclass(frozen=True)
class ChatMessage:
    """A chat message, before an adapter renders it for its system (and escapes it).

    Lines come most important first: when a system's limits force a cut, adapters drop lines
    from the end and say how many (`omitted` is the text for that, with {count}).
    """

    title: str
    lines: tuple[StatusLine, ...] = ()
    links_title: str = ""
    links: tuple[Link, ...] = ()
    empty_links: str = ""
    footer: str = ""
    digest: str = ""  # what decides "changed" (default: everything but the footer)
    text: str = ""  # a paragraph under the title (events, digests)
    omitted: str = "… {count} more line(s) left out."
    # What a notification shows where the system shows one line of text (Slack's `text`):
    # it names the product and says what matters ("OS2forms: 7 ikke opfyldt").
    notification: str = ""
    subject: str = ""  # the product the message is about (its name), if one
    more: Link | None = None  # where the whole story is (the product's page, the report)

    @property
    def fallback(self) -> str:
        """The one line a notification shows: `notification`, else the title."""
        return self.notification or self.title

    def about(self, subject: str) -> ChatMessage:
        """The message for a channel shared by several products: its title names *subject*."""
        if not subject or self.title.startswith(f"{subject}: "):
            return self
        return replace(self, title=f"{subject}: {self.title}")

    mentions: tuple[Mention, ...] = ()  # pinged before the text (only the escalation ladder)

    def to_json(self) -> str:
        """The message as JSON, for the outbox."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> ChatMessage:
        """A message kept in the outbox (messages kept before lines had links read too)."""
        raw = json.loads(data)
        raw["lines"] = tuple(
            StatusLine(**{**line, "link": Link(**line["link"]) if line.get("link") else None})
            for line in raw.get("lines", ())
        )
        raw["links"] = tuple(Link(**link) for link in raw.get("links", ()))
        raw["more"] = Link(**raw["more"]) if raw.get("more") else None
        raw["mentions"] = tuple(Mention(**m) for m in raw.get("mentions", ()))
        return cls(**raw)


class Chat(Protocol):
    """A chat system (Slack, Zulip, the console); addresses are its own (#channel, stream>topic).

    Raises ChatError when the message could not be delivered, ChatMessageGone when the
    message to edit was deleted.
    """

    def post(self, target: str, message: ChatMessage, *, key: str | None = None) -> str:
        """Post *message* to *target*; return a reference for later edits.

        *key* names the message (the outbox's dedup key): a post whose answer is lost is not
        sent again blindly, the adapter looks for it by its key (or its content) first.
        """
        ...

    def update(self, target: str, ref: str, message: ChatMessage) -> str:
        """Replace the message *ref* with *message*; return its (maybe new) reference."""
        ...


class Listener(Protocol):
    """A chat system's listening side: messages for the bot in, answers out, until stopped.

    `run` blocks until *stop* is set and never raises (a lost connection is retried);
    `stop` ends a waiting long poll or socket from another thread.
    """

    name: str
    last_error: str | None
    reconnects: int
    up: threading.Event  # set while connected: whoever starts a listener may wait for it

    @property
    def connected(self) -> bool:
        """Whether it is connected now."""
        ...

    def run(self, stop: threading.Event) -> None:
        """Listen until *stop* is set."""
        ...

    def stop(self) -> None:
        """Wake the listening so that it sees the stop."""
        ...


class Clock(Protocol):
    """Now, made explicit so that tests freeze it."""

    def now(self) -> datetime:
        """The current aware datetime."""
        ...


@dataclass(frozen=True)
class RunRecord:
    """One run as history keeps it."""

    run_id: str
    mode: str
    started_at: str
    finished_at: str | None
    outcome: str  # "ok", "failed", "interrupted"
    counts: dict[str, int]
    error: str | None = None
    # (product, check, state, reason key, reason params JSON, evidence references JSON)
    results: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)
    # (kind, fingerprint, product, issue key, summary, outcome)
    actions: list[tuple[str, str, str, str | None, str, str]] = field(default_factory=list)
    # (product, its prepaid hours card's numbers JSON) — `support.card_numbers`
    cards: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Create:
    """A create the bot attempted: before its answer `key` is None, after it the task's key."""

    fingerprint: str
    key: str | None
    at: datetime
    product: str
    project: str
    summary: str


@dataclass(frozen=True)
class OpenTask:
    """A task of the bot's that was open when the last run ended, as chat answers show it."""

    key: str
    fingerprint: str
    product: str  # "" for the portfolio's own (the dashboard)
    project: str
    summary: str
    url: str
    due: date | None = None
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChatAction:
    """What someone asked for in chat that acts (or was refused): kept as the record of it."""

    at: datetime
    chat: str  # "zulip" or "slack"
    place: str  # where it was said: stream>topic, a channel, or a direct message
    user_id: str
    user_name: str
    email: str | None
    command: str  # the command's name: acknowledge, snooze, waiver
    product: str | None
    issue_key: str | None
    outcome: str  # done, refused, failed
    hold_until: date | None = None  # acknowledge and snooze: the ladder waits until this day
    detail: str | None = None


@dataclass(frozen=True)
class MessageRef:
    """Where a product's standing status message is, and what it said."""

    ref: str
    content_hash: str


class StateStore(Protocol):
    """What the bot remembers between runs."""

    def message_ref(self, target: str, product: str) -> MessageRef | None:
        """The standing status message of *product* in *target*, if one was posted."""
        ...

    def save_message_ref(self, target: str, product: str, ref: MessageRef) -> None:
        """Remember the standing status message."""
        ...

    def enqueue(self, dedup_key: str, target: str, message: str) -> bool:
        """Keep a message for delivery; False when this key was kept before."""
        ...

    def pending(self) -> list[Any]:
        """Messages not delivered yet (OutboxItem: dedup_key, target, message, attempts)."""
        ...

    def delivered(self, dedup_key: str, ref: str) -> None:
        """Mark a message delivered."""
        ...

    def failed(self, dedup_key: str, error: str) -> None:
        """Count a failed delivery."""
        ...

    def record_run(self, run: RunRecord) -> None:
        """Keep a run, its results and its actions."""
        ...

    def remember_create(self, create: Create) -> None:
        """Remember a create: attempted (no key yet, or its answer was lost), or done."""
        ...

    def recent_creates(self, since: datetime) -> dict[str, Create]:
        """The creates remembered since *since*, by fingerprint; older ones are forgotten."""
        ...

    def forget_create(self, fingerprint: str) -> None:
        """A search found the task (or it is gone): nothing uncertain about it any more."""
        ...

    def check_states(self, table: str = "check_states") -> dict[tuple[str, str], str]:
        """The states last recorded."""
        ...

    def save_check_states(
        self, states: dict[tuple[str, str], str], table: str = "check_states"
    ) -> None:
        """Replace the recorded states."""
        ...

    def record_step(
        self, issue_key: str, step: int, *, fingerprint: str, product: str, on: date
    ) -> bool:
        """Remember that a task went through a step of its ladder; False if it was known."""
        ...

    def ladder_memory(self) -> Memory:
        """The steps taken on every task's ladder, and the holds chat answers set."""
        ...

    def save_open_tasks(self, tasks: list[OpenTask]) -> None:
        """Replace the bot's open tasks as the last run left them."""
        ...


# --------------------------------------------------- what the bot may do (doctor, product new)

PERMISSIONS = ("browse", "create", "edit", "comment", "edit_comment", "transition", "assign")
"""What the bot does in a tracker project, by the names the core uses for any tracker: see its
project, open tasks, edit them, comment, edit its own comments, move them to done, assign."""


@dataclass(frozen=True)
class TrackerUser:
    """A person or the bot in a tracker, named as product files name them (`jira_user`)."""

    ref: str  # Jira Cloud: the accountId; Jira Data Center: the user name
    display_name: str
    active: bool = True


@dataclass(frozen=True)
class Board:
    """An agile board and the project it belongs to."""

    id: int
    name: str
    project: str | None


@dataclass(frozen=True)
class ProjectFacts:
    """What a tracker knows about one project, for a product file's first draft."""

    key: str
    name: str
    url: str
    lead: TrackerUser | None
    issue_types: tuple[str, ...]
    statuses: tuple[tuple[str, str], ...]  # (name, category: new, indeterminate or done)
    boards: tuple[Board, ...] | None  # None: the tracker could not list them

    @property
    def done_statuses(self) -> tuple[str, ...]:
        """The statuses of the done category, which the bot resolves its tasks into."""
        return tuple(name for name, category in self.statuses if category == "done")


@runtime_checkable
class TrackerInspector(Protocol):
    """A tracker asked what the bot may do there and what it holds, never to change anything.

    Raises TrackerUnavailable when the tracker cannot be reached and TrackerError when it
    refuses; "not there" is None, not an error.
    """

    url: str

    def kind(self) -> str:
        """What the server says it is: "cloud" or "datacenter" for Jira."""
        ...

    def myself(self) -> TrackerUser:
        """Whom the bot is logged in as."""
        ...

    def project_facts(self, project: str) -> ProjectFacts | None:
        """The project's name, lead, issue types, statuses and boards; None if not visible."""
        ...

    def permissions(self, project: str) -> dict[str, bool] | None:
        """Each of PERMISSIONS: whether the bot holds it in *project*; None if not visible."""
        ...

    def find_user(self, ref: str) -> TrackerUser | None:
        """The user a product file names *ref* (this deployment's way), None if none is."""
        ...

    def newest_labelled(self, project: str, label: str) -> Issue | None:
        """The newest issue of *project* carrying *label*, None if no issue does."""
        ...

    def versions(self, project: str) -> list[Version]:
        """The project's versions."""
        ...

    def boards(self) -> dict[str, list[int]]:
        """Every agile board's id, by the key of the project it belongs to."""
        ...


@dataclass(frozen=True)
class TargetAccess:
    """What a chat says about one target: is it there, is the bot in it, may the bot post."""

    target: str  # the chat's own address, as after "slack:" or "zulip:" in a product file
    exists: bool
    member: bool  # Slack: invited to the channel; Zulip: subscribed to the stream
    may_post: bool


@runtime_checkable
class ChatInspector(Protocol):
    """A chat system asked whom the bot is and where it may post, never to post.

    Raises ChatError when the chat refuses the bot's token or cannot be reached.
    """

    def whoami(self) -> str:
        """The bot's name in the chat and the workspace or organisation."""
        ...

    def access(self, targets: Sequence[str]) -> list[TargetAccess]:
        """For each of *targets*, in order: there, the bot in it, the bot may post."""
        ...
