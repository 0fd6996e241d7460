# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Sandbox seed data from YAML, with dates relative to today so the demo never goes stale."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import yaml
from pydantic import BaseModel, ConfigDict, Field

_RELATIVE = re.compile(
    r"^(?P<sign>[+-])(?P<amount>\d+)(?P<unit>[dwh])(?:\s+(?P<clock>\d{1,2}:\d{2}))?$"
)


class _Seed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SeedUser(_Seed):
    """A Jira user; the bot authenticates as one of them."""

    account_id: str = Field(description="Cloud accountId.")
    name: str = Field(description="Data Center user name.")
    display_name: str = Field(description="Name shown in Jira.")
    email: str = Field(description="E-mail address; with api_token it is Cloud's Basic auth.")
    api_token: str | None = Field(default=None, description="Cloud API token (Basic auth).")
    pat: str | None = Field(default=None, description="Personal access token (Bearer).")
    active: bool = Field(default=True, description="False: the account is deactivated.")


class SeedStatus(_Seed):
    """A workflow status and its category."""

    id: str = Field(description="Status id.")
    name: str = Field(description="Status name as the workflow shows it.")
    category: Literal["new", "indeterminate", "done"] = Field(description="Status category.")


DEFAULT_WORKFLOW = [
    SeedStatus(id="10000", name="To Do", category="new"),
    SeedStatus(id="3", name="In Progress", category="indeterminate"),
    SeedStatus(id="10001", name="Done", category="done"),
]


class SeedVersion(_Seed):
    """A project version."""

    name: str = Field(description="Version name.")
    release_date: str | None = Field(default=None, description="Release date, e.g. +14d.")
    released: bool = Field(default=False, description="Released already.")
    archived: bool = Field(default=False, description="Archived.")


class SeedBoard(_Seed):
    """An agile board."""

    id: int = Field(description="Board id.")
    name: str = Field(description="Board name.")
    type: Literal["scrum", "kanban", "simple"] = Field(default="kanban", description="Type.")


# Project permissions a seed may withhold from every user of a project, as Jira names them.
# Browsing is not among them: a project the bot may not browse answers 404 everywhere, as one
# that does not exist does ("the project is not found or the user does not have permission to
# view it"), so such a project is left out of the seed.
Withholdable = Literal[
    "CREATE_ISSUES",
    "EDIT_ISSUES",
    "ADD_COMMENTS",
    "EDIT_OWN_COMMENTS",
    "TRANSITION_ISSUES",
    "ASSIGN_ISSUES",
]


class SeedProject(_Seed):
    """A Jira project."""

    key: str = Field(description="Project key.")
    name: str = Field(description="Project name.")
    lead: str | None = Field(default=None, description="The project lead's user name.")
    withheld: list[Withholdable] = Field(
        default_factory=list, description="Project permissions no user has here."
    )
    issue_types: list[str] = Field(
        default_factory=lambda: ["Epic", "Story", "Task", "Bug"], description="Issue types."
    )
    workflow: list[SeedStatus] = Field(
        default_factory=lambda: list(DEFAULT_WORKFLOW), description="Statuses in order."
    )
    boards: list[SeedBoard] = Field(default_factory=list, description="Boards.")
    versions: list[SeedVersion] = Field(default_factory=list, description="Versions.")


class SeedComment(_Seed):
    """A comment on a Jira issue, by someone, at a (relative) time."""

    author: str = Field(description="User name of who wrote it (the bot's too).")
    at: str = Field(description="When, e.g. -3d 10:00.")
    body: str = Field(default="Vi kigger på det.", description="The text.")


class SeedTransition(_Seed):
    """A status change of a Jira issue, by someone, at a (relative) time."""

    author: str = Field(description="User name of who made it.")
    at: str = Field(description="When, e.g. -3d 10:00.")
    to: str = Field(description="The status it moved to.")


class SeedWorklog(_Seed):
    """Work logged on a Jira issue."""

    author: str | None = Field(default=None, description="User name; default the issue's.")
    started: str = Field(description="When the work started, e.g. -10d 09:00.")
    hours: float = Field(gt=0, description="Hours spent.")
    updated: str | None = Field(default=None, description="Last changed; default started.")
    properties: dict[str, str] = Field(
        default_factory=dict, description="Worklog properties (key: value), e.g. a Tempo account."
    )


class SeedIssue(_Seed):
    """A Jira issue; dates may be relative (-45d, -3w, +2d 10:00)."""

    project: str = Field(description="Project key.")
    type: str = Field(default="Task", description="Issue type name.")
    summary: str = Field(description="Summary.")
    description: str | None = Field(default=None, description="Description (wiki markup).")
    status: str | None = Field(default=None, description="Status name; default the first.")
    labels: list[str] = Field(default_factory=list, description="Labels.")
    created: str = Field(default="-30d", description="Created.")
    updated: str | None = Field(default=None, description="Updated; default created/resolved.")
    resolved: str | None = Field(default=None, description="Resolved; needs a done status.")
    duedate: str | None = Field(default=None, description="Due date.")
    assignee: str | None = Field(default=None, description="Assignee's user name.")
    author: str | None = Field(
        default=None,
        description="User name of who created and changed it; default the first user after the "
        "bot (the users' first), or the sandbox's own person.",
    )
    fix_versions: list[str] = Field(default_factory=list, description="Fix version names.")
    votes: int = Field(default=0, description="Votes.")
    count: int = Field(default=1, ge=1, description="Make this many alike issues (benchmarks).")
    priority: str | None = Field(default=None, description="Priority name, e.g. High.")
    components: list[str] = Field(default_factory=list, description="Component names.")
    comments: list[SeedComment] = Field(default_factory=list, description="Comments.")
    transitions: list[SeedTransition] = Field(
        default_factory=list, description="Status changes after it was created."
    )
    worklogs: list[SeedWorklog] = Field(default_factory=list, description="Work logged.")


class JiraSeed(_Seed):
    """config/demo/jira.yaml."""

    deployment: Literal["cloud", "datacenter"] = Field(default="cloud", description="Kind.")
    timezone: str = Field(default="Europe/Copenhagen", description="Users' timezone.")
    page_size: int | None = Field(
        default=None,
        ge=1,
        description="Largest page a search returns, below what Jira grants (tests force paging "
        "with it); none: Jira's own limits (docs/sandbox.md).",
    )
    users: list[SeedUser] = Field(min_length=1, description="Users; the first is the bot.")
    projects: list[SeedProject] = Field(default_factory=list, description="Projects.")
    issues: list[SeedIssue] = Field(default_factory=list, description="Issues.")


class SlackChannel(_Seed):
    """A Slack channel."""

    id: str = Field(pattern=r"^[CG][A-Z0-9]{8,}$", description="Channel id.")
    name: str = Field(description="Channel name without #.")
    member: bool = Field(default=True, description="The bot has been invited to the channel.")


class SlackUser(_Seed):
    """A person in the Slack workspace."""

    id: str = Field(pattern=r"^[UW][A-Z0-9]{2,}$", description="User id.")
    name: str = Field(description="User name (handle).")
    real_name: str = Field(description="Full name.")
    email: str | None = Field(default=None, description="E-mail (users:read.email shows it).")


class SlackSeed(_Seed):
    """config/demo/slack.yaml."""

    team_id: str = Field(default="T0OS2DEMO", description="Workspace id.")
    team: str = Field(default="OS2 demo", description="Workspace name.")
    bot_user_id: str = Field(default="U0OS2BOT1", description="The bot's user id.")
    bot_id: str = Field(default="B0OS2BOT1", description="The bot id.")
    bot_name: str = Field(default="os2bot", description="The bot's name.")
    tokens: list[str] = Field(min_length=1, description="Tokens that authenticate.")
    channels: list[SlackChannel] = Field(default_factory=list, description="Channels.")
    users: list[SlackUser] = Field(default_factory=list, description="People besides the bot.")
    app_tokens: list[str] = Field(
        default_factory=list, description="App-level tokens (xapp-…) that open Socket Mode."
    )


class ZulipUser(_Seed):
    """A person in the Zulip organisation."""

    user_id: int = Field(ge=10, description="User id (the bot is 9).")
    full_name: str = Field(description="Full name.")
    email: str = Field(description="The e-mail others see (a dummy when hidden).")
    delivery_email: str | None = Field(
        default=None, description="The real e-mail, where the organisation lets the bot see it."
    )


class ZulipSeed(_Seed):
    """config/demo/zulip.yaml (OS2samtale)."""

    realm: str = Field(default="OS2samtale (sandkasse)", description="Organisation name.")
    email: str = Field(default="os2bot-bot@os2samtale.os2.eu", description="The bot's e-mail.")
    api_key: str = Field(default="sandbox-zulip-key", description="The bot's API key.")
    streams: list[str] = Field(default_factory=list, description="Streams (channels).")
    unsubscribed: list[str] = Field(
        default_factory=list, description="Streams the bot is not subscribed to (public ones)."
    )
    users: list[ZulipUser] = Field(default_factory=list, description="People besides the bot.")


_REPO = r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$"


class SeedGitHubComment(_Seed):
    """A comment on a GitHub issue."""

    author: str = Field(description="The commenter's login.")
    body: str = Field(description="Markdown text.")
    created: str = Field(default="-1d", description="Created, e.g. -3d.")


class SeedGitHubIssue(_Seed):
    """A GitHub issue or pull request; dates may be relative (-45d, -3w, +2d 10:00)."""

    repo: str = Field(pattern=_REPO, description="Repository, owner/name.")
    title: str = Field(description="Title.")
    body: str | None = Field(default=None, description="Markdown body.")
    labels: list[str] = Field(default_factory=list, description="Label names.")
    state: Literal["open", "closed"] = Field(default="open", description="open or closed.")
    state_reason: Literal["completed", "not_planned", "duplicate"] | None = Field(
        default=None, description="Why it was closed (default completed)."
    )
    author: str | None = Field(default=None, description="Who opened it (default a person).")
    created: str = Field(default="-30d", description="Created.")
    updated: str | None = Field(default=None, description="Last change; default the newest.")
    closed: str | None = Field(default=None, description="Closed at (state closed).")
    closed_by: str | None = Field(default=None, description="Who closed it (default author).")
    milestone: str | None = Field(default=None, description="Milestone title.")
    assignees: list[str] = Field(default_factory=list, description="Assignees' logins.")
    reactions: dict[str, int] = Field(
        default_factory=dict, description='Reaction counts, e.g. {"+1": 3}.'
    )
    comments: list[SeedGitHubComment] = Field(default_factory=list, description="Comments.")
    pull_request: bool = Field(default=False, description="A pull request, not an issue.")
    count: int = Field(default=1, ge=1, description="Make this many alike (benchmarks).")


class SeedMilestone(_Seed):
    """A repository milestone."""

    title: str = Field(description="Title, e.g. 5.2.0.")
    due_on: str | None = Field(default=None, description="Due date, e.g. +14d.")
    state: Literal["open", "closed"] = Field(default="open", description="open or closed.")
    closed: str | None = Field(default=None, description="Closed at (state closed).")
    description: str | None = Field(default=None, description="Description.")


class SeedRelease(_Seed):
    """A GitHub release."""

    tag: str = Field(description="Tag name, e.g. v5.1.0.")
    name: str | None = Field(default=None, description="Release name (default the tag).")
    published: str | None = Field(default=None, description="Published at; none: a draft.")
    prerelease: bool = Field(default=False, description="Marked as a pre-release.")


class SeedRepository(_Seed):
    """A GitHub repository: milestones, releases, files on its default branch."""

    name: str = Field(pattern=_REPO, description="owner/name.")
    private: bool = Field(default=False, description="Private repository.")
    readable: bool = Field(default=True, description="The bot's token may read it.")
    writable: bool = Field(default=True, description="The bot's token may write issues.")
    milestones: list[SeedMilestone] = Field(default_factory=list, description="Milestones.")
    releases: list[SeedRelease] = Field(default_factory=list, description="Releases.")
    files: dict[str, str] = Field(
        default_factory=dict, description="Files by path, with their text."
    )
    file_sources: dict[str, str] = Field(
        default_factory=dict,
        description="Files by path, their text read from a file relative to the seed folder.",
    )


class GitHubSeed(_Seed):
    """config/demo/github.yaml: GitHub as the sandbox serves it (REST and GraphQL)."""

    token: str = Field(default="sandbox-github-token", description="The bot's token.")
    bot: str = Field(default="os2bot", description="The login the token belongs to.")
    users: list[str] = Field(default_factory=list, description="People's logins (assignable).")
    rate_limit: int = Field(default=5000, ge=0, description="Requests an hour (REST).")
    graphql_limit: int = Field(default=5000, ge=0, description="GraphQL points an hour.")
    repositories: list[SeedRepository] = Field(default_factory=list, description="Repositories.")
    issues: list[SeedGitHubIssue] = Field(
        default_factory=list, description="Issues and pull requests."
    )


@dataclass
class SeedData:
    """Everything the sandbox starts from."""

    jira: JiraSeed
    slack: SlackSeed
    zulip: ZulipSeed = field(default_factory=ZulipSeed)
    source: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    github: GitHubSeed = field(default_factory=GitHubSeed)


def load_seed(directory: Path) -> SeedData:
    """Read jira.yaml and slack.yaml from *directory*, and zulip.yaml and github.yaml if there."""
    jira = JiraSeed.model_validate(_read(directory / "jira.yaml"))
    slack = SlackSeed.model_validate(_read(directory / "slack.yaml"))
    zulip_file = directory / "zulip.yaml"
    zulip = ZulipSeed.model_validate(_read(zulip_file)) if zulip_file.exists() else ZulipSeed()
    github_file = directory / "github.yaml"
    github = GitHubSeed.model_validate(_read(github_file)) if github_file.exists() else GitHubSeed()
    for repo in github.repositories:
        for path, source in repo.file_sources.items():
            repo.files[path] = (directory / source).read_text(encoding="utf-8")
    return SeedData(jira=jira, slack=slack, zulip=zulip, source=directory, github=github)


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise TypeError(f"{path}: expected a mapping at the top")
    return data


def resolve_datetime(value: str, now: datetime, tz: ZoneInfo) -> datetime:
    """A seed date ('-45d', '+2w', '-3d 09:30', or ISO) as an aware datetime."""
    match = _RELATIVE.match(value.strip())
    if match is None:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
    amount = int(match["amount"]) * (-1 if match["sign"] == "-" else 1)
    unit = {"d": timedelta(days=1), "w": timedelta(weeks=1), "h": timedelta(hours=1)}
    moment = now.astimezone(UTC) + amount * unit[match["unit"]]  # exact durations, as JQL's
    if match["clock"]:
        # A clock time names a local calendar day: "-150d 12:00" is noon 150 days before today
        # as people count, whatever the hour now and whether summer time lies in between.
        hours, minutes = (int(part) for part in match["clock"].split(":"))
        local_day = (
            now.astimezone(tz).date() + amount * unit[match["unit"]]
            if match["unit"] != "h"
            else moment.astimezone(tz).date()
        )
        moment = datetime.combine(local_day, time(hours, minutes), tzinfo=tz)
    return moment.astimezone(UTC)


def resolve_date(value: str, now: datetime, tz: ZoneInfo) -> date:
    """A seed date as a calendar date in *tz*."""
    if _RELATIVE.match(value.strip()):
        return resolve_datetime(value, now, tz).astimezone(tz).date()
    return date.fromisoformat(value)
