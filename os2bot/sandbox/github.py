# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The GitHub part of the sandbox: the REST endpoints os2bot writes through, GraphQL for reads.

It lives where GitHub Enterprise Server has it — REST under `/api/v3`, GraphQL at
`/api/graphql`, web pages at the root (`/{owner}/{repo}/issues/{number}`) — so the bot is
pointed at it as at an Enterprise Server. What it believes about GitHub, and why, is in
docs/sandbox.md; the answers validate against GitHub's own OpenAPI description and GraphQL
schema (tests/test_sandbox_github.py).

Every answer carries GitHub's rate-limit headers (x-ratelimit-limit, -remaining, -used,
-reset, -resource), counted per resource (core for REST, graphql for GraphQL). A resource at
zero answers 403 until its reset, as GitHub's primary rate limit does.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from os2bot.sandbox.http import Request, Response
from os2bot.sandbox.seed import GitHubSeed, SeedGitHubIssue, resolve_date, resolve_datetime

DOCS = "https://docs.github.com/rest"
RATE_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"
MAX_LABEL = 50  # GitHub refuses longer label names ("name is too long (maximum is 50 …)")
MAX_BODY = 65536  # characters in an issue's or comment's body
MAX_TITLE = 256
HOUR = 3600
_RELATIVE_IN_PATH = re.compile(r"\{(?P<when>[+-]\d+[dw])(?::(?P<format>[^}]+))?\}")


def github_error(status: int, message: str, **extra: Any) -> Response:
    """An error in GitHub's shape: message and documentation_url (basic-error)."""
    return Response(status, {"message": message, "documentation_url": DOCS, **extra})


def validation_failed(field_name: str, code: str, **extra: Any) -> Response:
    """GitHub's 422: Validation Failed, naming the field and what is wrong with it."""
    error = {"resource": "Issue", "field": field_name, "code": code, **extra}
    return Response(
        422, {"message": "Validation Failed", "errors": [error], "documentation_url": DOCS}
    )


def json_body(request: Request, required: str | None = None) -> dict[str, Any] | Response:
    """A write's JSON object, or GitHub's answer why not.

    400 when it does not parse; 422 when the *required* field is missing or it is no object.
    """
    try:
        body = request.json() or {}
    except ValueError:
        return github_error(400, "Problems parsing JSON")
    if not isinstance(body, dict) or (required is not None and not body.get(required)):
        return validation_failed(required or "body", "missing_field")
    return body


def iso(moment: datetime | None) -> str | None:
    """GitHub's timestamps: UTC, whole seconds, Z."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class GhEvent:
    """A timeline event: who did what to an issue, when."""

    kind: str  # GraphQL's __typename: IssueComment, ClosedEvent, LabeledEvent, …
    actor: str
    at: datetime
    detail: str = ""  # the label, the new title, the milestone


@dataclass
class GhComment:
    """A comment on an issue."""

    id: int
    issue: int
    author: str
    body: str
    created: datetime
    updated: datetime


@dataclass
class GhIssue:
    """An issue or pull request of a repository."""

    repo: str
    number: int
    id: int
    title: str
    body: str | None
    author: str
    created: datetime
    updated: datetime
    state: str = "open"
    state_reason: str | None = None
    closed_at: datetime | None = None
    labels: list[str] = field(default_factory=list)
    assignees: list[str] = field(default_factory=list)
    milestone: str | None = None
    reactions: dict[str, int] = field(default_factory=dict)
    comments: list[GhComment] = field(default_factory=list)
    events: list[GhEvent] = field(default_factory=list)
    pull_request: bool = False
    edited_at: datetime | None = None
    editor: str | None = None


@dataclass
class GhMilestone:
    """A milestone."""

    number: int
    id: int
    title: str
    due_on: date | None
    state: str
    created: datetime
    closed_at: datetime | None
    description: str | None


@dataclass
class GhRelease:
    """A release."""

    id: int
    tag: str
    name: str
    published: datetime | None
    prerelease: bool
    created: datetime


@dataclass
class GhRepo:
    """A repository: its issues, labels, milestones, releases and files."""

    name: str  # owner/name
    id: int
    private: bool
    readable: bool
    writable: bool
    created: datetime
    labels: dict[str, int] = field(default_factory=dict)  # name -> id
    milestones: list[GhMilestone] = field(default_factory=list)
    releases: list[GhRelease] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    issues: dict[int, GhIssue] = field(default_factory=dict)
    next_number: int = 1


@dataclass
class RateLimit:
    """One resource's primary rate limit: what is left, and when it fills again."""

    limit: int
    remaining: int
    reset: int  # epoch seconds

    @property
    def used(self) -> int:
        """Requests (or points) used in this window."""
        return self.limit - self.remaining


class GitHubFake:
    """State and REST handlers of the fake GitHub; GraphQL is in `github_graphql`."""

    def __init__(self, seed: GitHubSeed, now: Callable[[], datetime], base_url: str) -> None:
        """Build users, repositories and issues from *seed*, dates relative to *now*."""
        self.seed = seed
        self.now = now
        self.web = base_url  # GitHub Enterprise Server: web pages at the root ...
        self.api = base_url + "/api/v3"  # ... and REST under /api/v3
        self.tz = ZoneInfo("Europe/Copenhagen")
        self.lock = threading.RLock()
        self._ids = itertools.count(1000)
        self.repos: dict[str, GhRepo] = {}
        self.comments: dict[int, GhComment] = {}
        start = now()
        reset = int(start.timestamp()) + HOUR
        self.limits = {
            "core": RateLimit(seed.rate_limit, seed.rate_limit, reset),
            "graphql": RateLimit(seed.graphql_limit, seed.graphql_limit, reset),
        }
        for repo in seed.repositories:
            self.repos[repo.name.lower()] = self._repo(repo, start)
        for seed_issue in seed.issues:
            for _ in range(seed_issue.count):
                self._add_seed_issue(seed_issue, start)

    # ----------------------------------------------------------------- building state

    def next_id(self) -> int:
        """A new database id."""
        return next(self._ids)

    def _repo(self, seed: Any, start: datetime) -> GhRepo:
        repo = GhRepo(
            name=seed.name,
            id=self.next_id(),
            private=seed.private,
            readable=seed.readable,
            writable=seed.writable,
            created=start,
            files={self._dated(path, start): text for path, text in seed.files.items()},
        )
        for number, milestone in enumerate(seed.milestones, start=1):
            closed = (
                resolve_datetime(milestone.closed or "-1d", start, self.tz)
                if milestone.state == "closed"
                else None
            )
            repo.milestones.append(
                GhMilestone(
                    number=number,
                    id=self.next_id(),
                    title=milestone.title,
                    due_on=resolve_date(milestone.due_on, start, self.tz)
                    if milestone.due_on
                    else None,
                    state=milestone.state,
                    created=start,
                    closed_at=closed,
                    description=milestone.description,
                )
            )
        for release in seed.releases:
            published = (
                resolve_datetime(release.published, start, self.tz) if release.published else None
            )
            repo.releases.append(
                GhRelease(
                    id=self.next_id(),
                    tag=release.tag,
                    name=release.name or release.tag,
                    published=published,
                    prerelease=release.prerelease,
                    created=published or start,
                )
            )
        return repo

    def _dated(self, path: str, start: datetime) -> str:
        """A file path with relative dates in it, `{-25d}` or `{-25d:%Y-%m-%d}`, made real.

        The demo's minutes are named by their meetings' dates, and so never go stale.
        """
        return _RELATIVE_IN_PATH.sub(
            lambda m: resolve_date(m["when"], start, self.tz).strftime(m["format"] or "%Y%m%d"),
            path,
        )

    def _add_seed_issue(self, seed: SeedGitHubIssue, start: datetime) -> GhIssue:
        repo = self.repos[seed.repo.lower()]
        author = seed.author or self._a_person()
        created = resolve_datetime(seed.created, start, self.tz)
        issue = self._new_issue(repo, seed.title, seed.body, author, created)
        issue.pull_request = seed.pull_request
        issue.assignees = list(seed.assignees)
        issue.milestone = seed.milestone
        issue.reactions = dict(seed.reactions)
        for label in seed.labels:
            self._label(repo, label)
            issue.labels.append(label)
            issue.events.append(GhEvent("LabeledEvent", author, created, label))
        moments = [created]
        for comment in seed.comments:
            when = resolve_datetime(comment.created, start, self.tz)
            self._comment(issue, comment.author, comment.body, when)
            moments.append(when)
        if seed.state == "closed":
            closed = resolve_datetime(seed.closed or seed.updated or seed.created, start, self.tz)
            issue.state, issue.closed_at = "closed", closed
            issue.state_reason = seed.state_reason or "completed"
            issue.events.append(GhEvent("ClosedEvent", seed.closed_by or author, closed))
            moments.append(closed)
        issue.updated = (
            resolve_datetime(seed.updated, start, self.tz) if seed.updated else max(moments)
        )
        return issue

    def _a_person(self) -> str:
        """A login that is not the bot's, for issues people opened."""
        return next((u for u in self.seed.users if u != self.seed.bot), "os2-bruger")

    def _new_issue(
        self, repo: GhRepo, title: str, body: str | None, author: str, at: datetime
    ) -> GhIssue:
        number = repo.next_number
        repo.next_number += 1
        issue = GhIssue(
            repo=repo.name,
            number=number,
            id=self.next_id(),
            title=title,
            body=body,
            author=author,
            created=at,
            updated=at,
        )
        repo.issues[number] = issue
        return issue

    def _label(self, repo: GhRepo, name: str) -> None:
        """Create the label in the repository on first use, as GitHub does when one is applied."""
        if name not in repo.labels:
            repo.labels[name] = self.next_id()

    def _comment(self, issue: GhIssue, author: str, body: str, at: datetime) -> GhComment:
        comment = GhComment(self.next_id(), issue.number, author, body, at, at)
        issue.comments.append(comment)
        self.comments[comment.id] = comment
        issue.events.append(GhEvent("IssueComment", author, at, str(comment.id)))
        return comment

    def add_issue(self, **seed: Any) -> GhIssue:
        """Add an issue while the sandbox runs (tests)."""
        with self.lock:
            return self._add_seed_issue(SeedGitHubIssue(**seed), self.now())

    def issue(self, repo: str, number: int) -> GhIssue | None:
        """An issue by repository and number."""
        found = self.repos.get(repo.lower())
        return found.issues.get(number) if found else None

    def issues_with_label(self, label: str) -> list[GhIssue]:
        """Every issue carrying *label*, in any repository (tests)."""
        with self.lock:
            return [i for r in self.repos.values() for i in r.issues.values() if label in i.labels]

    # ----------------------------------------------------------------- rate limits

    def resource(self, path: str) -> str:
        """The rate-limit resource a path counts against."""
        return "graphql" if path == "/api/graphql" else "core"

    def spend(self, path: str, cost: int = 1) -> Response | None:
        """Count a request; the primary limit's 403 when the resource has nothing left."""
        with self.lock:
            limit = self.limits[self.resource(path)]
            now = int(self.now().timestamp())
            if now >= limit.reset:
                limit.remaining, limit.reset = limit.limit, now + HOUR
            if limit.remaining <= 0:
                if path == "/api/graphql":
                    # GraphQL's primary limit answers 200 with an error of type RATE_LIMIT
                    # (github.com/yanyongyu/githubkit/issues/271; GitHub's GraphQL rate-limit
                    # page: "the response status will still be 200").
                    return Response(
                        200,
                        {
                            "errors": [
                                {
                                    "type": "RATE_LIMIT",
                                    "code": "graphql_rate_limit",
                                    "message": "API rate limit already exceeded for user ID 1.",
                                }
                            ]
                        },
                    )
                return github_error(
                    403,
                    "API rate limit exceeded for user ID 1. If you reach out to GitHub Support "
                    "for help, please include the request ID.",
                    documentation_url=RATE_DOCS,
                )
            limit.remaining = max(0, limit.remaining - cost)
            return None

    def exhaust(self, resource: str = "core", *, reset_in: float = 60) -> None:
        """Use up *resource*'s primary limit until *reset_in* seconds from now (tests)."""
        with self.lock:
            limit = self.limits[resource]
            limit.remaining = 0
            limit.reset = math.ceil(self.now().timestamp() + reset_in)

    def rate_headers(self, path: str) -> dict[str, str]:
        """GitHub's rate-limit headers for an answer to *path*."""
        resource = self.resource(path)
        limit = self.limits[resource]
        return {
            "x-ratelimit-limit": str(limit.limit),
            "x-ratelimit-remaining": str(limit.remaining),
            "x-ratelimit-used": str(limit.used),
            "x-ratelimit-reset": str(limit.reset),
            "x-ratelimit-resource": resource,
        }

    # ----------------------------------------------------------------- authentication

    def authenticate(self, request: Request) -> str | None:
        """The login a request authenticates as: `token X` or `Bearer X` with the seed's token."""
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() in {"token", "bearer"} and credentials == self.seed.token:
            return self.seed.bot
        return None

    # ----------------------------------------------------------------- JSON

    def user_json(self, login: str) -> dict[str, Any]:
        """A simple-user."""
        api = f"{self.api}/users/{login}"
        return {
            "login": login,
            "id": int(hashlib.sha256(login.encode()).hexdigest()[:6], 16),
            "node_id": f"U_{login}",
            "avatar_url": f"{self.web}/avatars/{login}",
            "gravatar_id": "",
            "url": api,
            "html_url": f"{self.web}/{login}",
            "followers_url": f"{api}/followers",
            "following_url": f"{api}/following{{/other_user}}",
            "gists_url": f"{api}/gists{{/gist_id}}",
            "starred_url": f"{api}/starred{{/owner}}{{/repo}}",
            "subscriptions_url": f"{api}/subscriptions",
            "organizations_url": f"{api}/orgs",
            "repos_url": f"{api}/repos",
            "events_url": f"{api}/events{{/privacy}}",
            "received_events_url": f"{api}/received_events",
            "type": "User",
            "site_admin": False,
        }

    def label_json(self, repo: GhRepo, name: str) -> dict[str, Any]:
        """A label."""
        return {
            "id": repo.labels[name],
            "node_id": f"LA_{repo.labels[name]}",
            "url": f"{self.api}/repos/{repo.name}/labels/{name}",
            "name": name,
            "description": None,
            "color": "ededed",
            "default": False,
        }

    def milestone_json(self, repo: GhRepo, milestone: GhMilestone) -> dict[str, Any]:
        """A milestone."""
        issues = [i for i in repo.issues.values() if i.milestone == milestone.title]
        api = f"{self.api}/repos/{repo.name}/milestones/{milestone.number}"
        due = (
            datetime.combine(milestone.due_on, datetime.min.time(), UTC)
            if milestone.due_on
            else None
        )
        return {
            "url": api,
            "html_url": f"{self.web}/{repo.name}/milestone/{milestone.number}",
            "labels_url": f"{api}/labels",
            "id": milestone.id,
            "node_id": f"MI_{milestone.id}",
            "number": milestone.number,
            "state": milestone.state,
            "title": milestone.title,
            "description": milestone.description,
            "creator": self.user_json(self.seed.bot),
            "open_issues": sum(1 for i in issues if i.state == "open"),
            "closed_issues": sum(1 for i in issues if i.state == "closed"),
            "created_at": iso(milestone.created),
            "updated_at": iso(milestone.closed_at or milestone.created),
            "closed_at": iso(milestone.closed_at),
            "due_on": iso(due),
        }

    def issue_json(self, issue: GhIssue) -> dict[str, Any]:
        """An issue as REST gives it (a pull request carries `pull_request`)."""
        repo = self.repos[issue.repo.lower()]
        api = f"{self.api}/repos/{repo.name}/issues/{issue.number}"
        milestone = next((m for m in repo.milestones if m.title == issue.milestone), None)
        reactions = {
            key: issue.reactions.get(key, 0)
            for key in ("+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket")
        }
        data: dict[str, Any] = {
            "id": issue.id,
            "node_id": f"I_{issue.id}",
            "url": api,
            "repository_url": f"{self.api}/repos/{repo.name}",
            "labels_url": f"{api}/labels{{/name}}",
            "comments_url": f"{api}/comments",
            "events_url": f"{api}/events",
            "html_url": self.html_url(issue),
            "number": issue.number,
            "state": issue.state,
            "state_reason": issue.state_reason,
            "title": issue.title,
            "body": issue.body,
            "user": self.user_json(issue.author),
            "labels": [self.label_json(repo, name) for name in issue.labels],
            "assignee": self.user_json(issue.assignees[0]) if issue.assignees else None,
            "assignees": [self.user_json(login) for login in issue.assignees],
            "milestone": self.milestone_json(repo, milestone) if milestone else None,
            "locked": False,
            "comments": len(issue.comments),
            "created_at": iso(issue.created),
            "updated_at": iso(issue.updated),
            "closed_at": iso(issue.closed_at),
            "author_association": "MEMBER",
            "reactions": {"url": f"{api}/reactions", "total_count": sum(reactions.values())}
            | reactions,
        }
        if issue.pull_request:
            pulls = f"{self.api}/repos/{repo.name}/pulls/{issue.number}"
            data["pull_request"] = {
                "url": pulls,
                "html_url": f"{self.web}/{repo.name}/pull/{issue.number}",
                "diff_url": f"{self.web}/{repo.name}/pull/{issue.number}.diff",
                "patch_url": f"{self.web}/{repo.name}/pull/{issue.number}.patch",
            }
        return data

    def html_url(self, issue: GhIssue) -> str:
        """Where a person reads the issue (or pull request)."""
        kind = "pull" if issue.pull_request else "issues"
        return f"{self.web}/{issue.repo}/{kind}/{issue.number}"

    def comment_json(self, comment: GhComment) -> dict[str, Any]:
        """An issue comment."""
        repo = self.repos_by_issue(comment)
        return {
            "id": comment.id,
            "node_id": f"IC_{comment.id}",
            "url": f"{self.api}/repos/{repo}/issues/comments/{comment.id}",
            "html_url": f"{self.web}/{repo}/issues/{comment.issue}#issuecomment-{comment.id}",
            "body": comment.body,
            "user": self.user_json(comment.author),
            "created_at": iso(comment.created),
            "updated_at": iso(comment.updated),
            "issue_url": f"{self.api}/repos/{repo}/issues/{comment.issue}",
            "author_association": "MEMBER",
        }

    def repos_by_issue(self, comment: GhComment) -> str:
        """The repository a comment's issue is in."""
        for repo in self.repos.values():
            issue = repo.issues.get(comment.issue)
            if issue is not None and comment in issue.comments:
                return repo.name
        raise KeyError(comment.id)

    # ----------------------------------------------------------------- routes

    def routes(self) -> list[tuple[str, str, Callable[[Request], Response]]]:
        """(method, path pattern, handler) for every REST route served (GraphQL: the server)."""
        repo = r"/api/v3/repos/(?P<owner>[^/]+)/(?P<repo>[^/]+)"
        return [
            ("GET", r"/api/v3/user", self.get_user),
            ("GET", r"/api/v3/rate_limit", self.rate_limit),
            ("POST", rf"{repo}/issues", self.create_issue),
            ("GET", rf"{repo}/issues/(?P<number>\d+)", self.get_issue),
            ("PATCH", rf"{repo}/issues/(?P<number>\d+)", self.update_issue),
            ("POST", rf"{repo}/issues/(?P<number>\d+)/comments", self.create_comment),
            ("PATCH", rf"{repo}/issues/comments/(?P<id>\d+)", self.update_comment),
        ]

    def get_user(self, _request: Request) -> Response:
        """GET /user: the token's user, as its owner sees it (a private-user)."""
        now = iso(self.now())
        private = {
            "user_view_type": "private",
            "name": None,
            "company": None,
            "blog": "",
            "location": None,
            "email": None,
            "hireable": None,
            "bio": None,
            "public_repos": 0,
            "public_gists": 0,
            "followers": 0,
            "following": 0,
            "created_at": now,
            "updated_at": now,
            "private_gists": 0,
            "total_private_repos": 0,
            "owned_private_repos": 0,
            "disk_usage": 0,
            "collaborators": 0,
            "two_factor_authentication": True,
        }
        return Response(200, self.user_json(self.seed.bot) | private)

    def rate_limit(self, _request: Request) -> Response:
        """GET /rate_limit: every resource's limit (this call does not count)."""

        def overview(limit: RateLimit) -> dict[str, int]:
            return {
                "limit": limit.limit,
                "remaining": limit.remaining,
                "reset": limit.reset,
                "used": limit.used,
            }

        resources = {name: overview(limit) for name, limit in self.limits.items()}
        # Search has its own limit: 30 requests a minute (the sandbox serves no search).
        minute = int(self.now().timestamp()) + 60
        resources["search"] = {"limit": 30, "remaining": 30, "reset": minute, "used": 0}
        return Response(200, {"resources": resources, "rate": resources["core"]})

    def _repo_or_404(self, request: Request, *, write: bool = False) -> GhRepo | Response:
        name = f"{request.params['owner']}/{request.params['repo']}"
        repo = self.repos.get(name.lower())
        if repo is None or not repo.readable:
            return github_error(404, "Not Found")
        if write and not repo.writable:
            return github_error(403, "Resource not accessible by personal access token")
        return repo

    def _issue_or_404(self, request: Request, *, write: bool = False) -> GhIssue | Response:
        repo = self._repo_or_404(request, write=write)
        if isinstance(repo, Response):
            return repo
        issue = repo.issues.get(int(request.params["number"]))
        return issue if issue is not None else github_error(404, "Not Found")

    def _check(self, body: dict[str, Any]) -> Response | None:
        """GitHub's validation of what an issue write sets."""
        labels = body.get("labels")
        if labels is not None:
            if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
                return validation_failed("labels", "invalid")
            if any(len(x) > MAX_LABEL or not x.strip() for x in labels):
                return validation_failed("labels", "invalid", message="name is too long")
        assignees = body.get("assignees")
        if assignees is not None:
            unknown = [a for a in assignees if a not in {*self.seed.users, self.seed.bot}]
            if unknown:
                return validation_failed("assignees", "invalid", value=unknown[0])
        if len(str(body.get("title") or "")) > MAX_TITLE:
            return validation_failed("title", "invalid")
        if len(str(body.get("body") or "")) > MAX_BODY:
            return validation_failed("body", "custom", message="body is too long")
        return None

    def create_issue(self, request: Request) -> Response:
        """POST /repos/{owner}/{repo}/issues: labels that do not exist are created."""
        body = json_body(request, "title")
        if isinstance(body, Response):
            return body
        with self.lock:
            repo = self._repo_or_404(request, write=True)
            if isinstance(repo, Response):
                return repo
            if (refused := self._check(body)) is not None:
                return refused
            now = self.now()
            issue = self._new_issue(repo, str(body["title"]), body.get("body"), self.seed.bot, now)
            self._set_labels(repo, issue, list(body.get("labels") or []), now)
            self._set_assignees(issue, list(body.get("assignees") or []), now)
        return Response(201, self.issue_json(issue), {"Location": self.issue_json(issue)["url"]})

    def get_issue(self, request: Request) -> Response:
        """GET /repos/{owner}/{repo}/issues/{number}."""
        with self.lock:
            issue = self._issue_or_404(request)
            if isinstance(issue, Response):
                return issue
            return Response(200, self.issue_json(issue))

    def update_issue(self, request: Request) -> Response:
        """PATCH /repos/{owner}/{repo}/issues/{number}.

        Title, body, labels (replaced), assignees (replaced), state with state_reason.
        """
        body = json_body(request)
        if isinstance(body, Response):
            return body
        with self.lock:
            issue = self._issue_or_404(request, write=True)
            if isinstance(issue, Response):
                return issue
            if (refused := self._check(body)) is not None:
                return refused
            repo = self.repos[issue.repo.lower()]
            now, bot = self.now(), self.seed.bot
            if "title" in body and body["title"] != issue.title:
                issue.title = str(body["title"])
                issue.events.append(GhEvent("RenamedTitleEvent", bot, now, issue.title))
            if "body" in body and body["body"] != issue.body:
                issue.body, issue.edited_at, issue.editor = body["body"], now, bot
            if body.get("labels") is not None:
                self._set_labels(repo, issue, list(body["labels"]), now)
            if body.get("assignees") is not None:
                self._set_assignees(issue, list(body["assignees"]), now)
            state = body.get("state")
            if state == "closed" and issue.state != "closed":
                issue.state, issue.closed_at = "closed", now
                issue.state_reason = body.get("state_reason") or "completed"
                issue.events.append(GhEvent("ClosedEvent", bot, now))
            elif state == "open" and issue.state != "open":
                issue.state, issue.closed_at, issue.state_reason = "open", None, "reopened"
                issue.events.append(GhEvent("ReopenedEvent", bot, now))
            issue.updated = now
            return Response(200, self.issue_json(issue))

    def _set_labels(self, repo: GhRepo, issue: GhIssue, labels: list[str], now: datetime) -> None:
        for name in labels:
            self._label(repo, name)
        for name in labels:
            if name not in issue.labels:
                issue.events.append(GhEvent("LabeledEvent", self.seed.bot, now, name))
        for name in issue.labels:
            if name not in labels:
                issue.events.append(GhEvent("UnlabeledEvent", self.seed.bot, now, name))
        issue.labels = list(dict.fromkeys(labels))

    def _set_assignees(self, issue: GhIssue, assignees: list[str], now: datetime) -> None:
        for login in assignees:
            if login not in issue.assignees:
                issue.events.append(GhEvent("AssignedEvent", self.seed.bot, now, login))
        issue.assignees = list(dict.fromkeys(assignees))

    def create_comment(self, request: Request) -> Response:
        """POST /repos/{owner}/{repo}/issues/{number}/comments."""
        body = json_body(request, "body")
        if isinstance(body, Response):
            return body
        with self.lock:
            issue = self._issue_or_404(request, write=True)
            if isinstance(issue, Response):
                return issue
            if len(str(body["body"])) > MAX_BODY:
                return validation_failed("body", "custom", message="body is too long")
            now = self.now()
            comment = self._comment(issue, self.seed.bot, str(body["body"]), now)
            issue.updated = now
            return Response(201, self.comment_json(comment))

    def update_comment(self, request: Request) -> Response:
        """PATCH /repos/{owner}/{repo}/issues/comments/{id}."""
        body = json_body(request, "body")
        if isinstance(body, Response):
            return body
        with self.lock:
            repo = self._repo_or_404(request, write=True)
            if isinstance(repo, Response):
                return repo
            comment = self.comments.get(int(request.params["id"]))
            if comment is None or self.repos_by_issue(comment) != repo.name:
                return github_error(404, "Not Found")
            now = self.now()
            comment.body, comment.updated = str(body["body"]), now
            repo.issues[comment.issue].updated = now
            return Response(200, self.comment_json(comment))
