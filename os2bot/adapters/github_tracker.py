# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Tracker and Repository ports on GitHub.com and GitHub Enterprise Server, via PyGithub.

Reads go through GitHub's GraphQL API, several repositories in one request: told ahead what a
run will ask (`read_ahead`), the adapter reads each repository's labelled issues, recent
activity, milestones, releases and folders once, and answers every later question from that.
So calls grow with the number of repositories (one request per `batch` of them), never with
products × checks. Writes, and reading one task back by its number, go through REST.

PyGithub carries the requests: its Requester knows GitHub.com's and Enterprise Server's URLs
(REST under /api/v3, GraphQL at /api/graphql), signs them with a token or a GitHub App
installation (whose tokens it renews), and raises GitHub's errors with their headers. Its own
retrying and pacing are switched off: the adapter honours GitHub's rate limits itself, with a
wait it can be given (tests never sleep).

GitHub's own concepts, as the bot uses them:
- a task is an issue labelled `os2bot` and `os2bot-<fingerprint>` (19 characters, within
  GitHub's 50); its content version and due date live in an HTML comment in its body (a label
  per version would litter the repository's label list, which GitHub keeps as objects);
- resolving closes the issue with state_reason "completed";
- a meeting held is an issue closed as completed; activity is what people, not the bot, did
  to issues and pull requests (their timelines say who); votes are 👍 reactions;
- versions are milestones (due_on, open or closed) and published releases.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import requests
import structlog
from github import Auth, Github, GithubException

from os2bot import wiki
from os2bot.adapters.github_markdown import from_markdown_mark, to_markdown
from os2bot.domain import (
    BOT_LABEL,
    FINGERPRINT_PREFIX,
    VERSION_PREFIX,
    Comment,
    Issue,
    Query,
    ReadPlan,
    RepoFile,
    Sample,
    Version,
    label_key,
    text_digest,
)
from os2bot.messages import Language, text
from os2bot.ports import (
    TrackerAuthError,
    TrackerBadRequest,
    TrackerError,
    TrackerPermissionError,
    TrackerRateLimited,
    TrackerUnavailable,
)

log = structlog.get_logger(__name__)
T = TypeVar("T")

DEFAULT_URL = "https://api.github.com"
PAGE = 100  # GitHub's largest page, REST and GraphQL
TITLE_LIMIT = 256  # an issue title's characters
BODY_LIMIT = 65_536  # an issue's or comment's body
HTTP_BAD_REQUEST, HTTP_UNAUTHORIZED, HTTP_FORBIDDEN = 400, 401, 403
HTTP_NOT_FOUND, HTTP_GONE = 404, 410
HTTP_UNPROCESSABLE, HTTP_TOO_MANY, HTTP_SERVER_ERROR = 422, 429, 500
# The bot's marks in a task's body: its content version and due date (see the module doc).
_MARK = re.compile(r"<!-- os2bot(?P<fields>(?: [a-z]+=[^ ]+)*) -->")
_REPO_KEY = re.compile(r"^(?P<repo>[^/#\s]+/[^/#\s]+)#(?P<number>\d+)$")
# What people do to issues and pull requests that the timelines show, and who did it.
ISSUE_ACTIVITY = (
    "ISSUE_COMMENT CLOSED_EVENT REOPENED_EVENT LABELED_EVENT UNLABELED_EVENT ASSIGNED_EVENT "
    "RENAMED_TITLE_EVENT MILESTONED_EVENT"
)
PULL_ACTIVITY = (
    "ISSUE_COMMENT CLOSED_EVENT REOPENED_EVENT LABELED_EVENT PULL_REQUEST_COMMIT "
    "PULL_REQUEST_REVIEW MERGED_EVENT"
)
_ACTORS = """__typename
... on IssueComment { author { login } createdAt }
... on ClosedEvent { actor { login } createdAt }
... on ReopenedEvent { actor { login } createdAt }
... on LabeledEvent { actor { login } createdAt }
... on UnlabeledEvent { actor { login } createdAt }
... on AssignedEvent { actor { login } createdAt }
... on RenamedTitleEvent { actor { login } createdAt }
... on MilestonedEvent { actor { login } createdAt }"""
_PULL_ACTORS = """__typename
... on IssueComment { author { login } createdAt }
... on ClosedEvent { actor { login } createdAt }
... on ReopenedEvent { actor { login } createdAt }
... on LabeledEvent { actor { login } createdAt }
... on PullRequestCommit { commit { committedDate author { user { login } } } }
... on PullRequestReview { author { login } createdAt }
... on MergedEvent { actor { login } createdAt }"""
FRAGMENTS = {
    "Light": "fragment Light on Issue { number title url state stateReason createdAt "
    "updatedAt closedAt labels(first: 50) { nodes { name } } }",
    "Full": "fragment Full on Issue { number title url state stateReason createdAt updatedAt "
    "closedAt body labels(first: 50) { nodes { name } } "
    "reactions(content: THUMBS_UP) { totalCount } comments(first: 100) { totalCount "
    "pageInfo { hasNextPage endCursor } nodes { databaseId body author { login } } } }",
    "Acted": "fragment Acted on Issue { number title url createdAt updatedAt lastEditedAt "
    "author { login } editor { login } labels(first: 50) { nodes { name } } "
    f"timelineItems(last: 25, since: $since, itemTypes: [{ISSUE_ACTIVITY.replace(' ', ', ')}]) "
    f"{{ nodes {{ {_ACTORS} }} }} }}",
    "PullActed": "fragment PullActed on PullRequest { number title url createdAt updatedAt "
    "lastEditedAt author { login } editor { login } labels(first: 50) { nodes { name } } "
    f"timelineItems(last: 25, since: $since, itemTypes: [{PULL_ACTIVITY.replace(' ', ', ')}]) "
    f"{{ nodes {{ {_PULL_ACTORS} }} }} }}",
}
PAGE_INFO = "pageInfo { hasNextPage endCursor }"


def _lit(value: str) -> str:
    """A GraphQL string literal (JSON's escapes are GraphQL's)."""
    return json.dumps(value, ensure_ascii=False)


def parse_time(value: str | None) -> datetime | None:
    """GitHub's ISO 8601 timestamps (…Z)."""
    return datetime.fromisoformat(value) if value else None


def split_key(key: str) -> tuple[str, int]:
    """owner/name#number as (repository, number)."""
    match = _REPO_KEY.match(key)
    if match is None:
        raise TrackerBadRequest(f"not a GitHub issue key (owner/name#number): {key}")
    return match["repo"], int(match["number"])


@dataclass(frozen=True)
class Part:
    """One thing read of a repository: a connection, a folder or a file.

    Connections: issues with a label, recent activity, milestones, releases.
    """

    kind: str  # labelled, recent, pulls, milestones, releases, tree, blob, milestone_issues
    arg: str = ""  # the label, the path, the milestone's number
    states: str = ""  # OPEN, CLOSED or "" (any)
    detail: str = "Light"  # the issue fragment: Light, Full

    def field(self, since: str) -> str:
        """The GraphQL field that reads this part (first page; *since* bounds activity)."""
        del since  # read through the $since variable
        if self.kind == "labelled":
            states = f", states: [{self.states}]" if self.states else ""
            return (
                f"issues(first: {PAGE}, labels: [{_lit(self.arg)}]{states}, "
                f"orderBy: {{field: UPDATED_AT, direction: DESC}}) "
                f"{{ {PAGE_INFO} nodes {{ ...{self.detail} }} }}"
            )
        if self.kind == "recent":
            return (
                f"issues(first: {PAGE}, filterBy: {{since: $since}}, "
                f"orderBy: {{field: UPDATED_AT, direction: DESC}}) "
                f"{{ {PAGE_INFO} nodes {{ ...Acted }} }}"
            )
        if self.kind == "pulls":
            return (
                f"pullRequests(first: {PAGE}, orderBy: {{field: UPDATED_AT, direction: DESC}}) "
                f"{{ {PAGE_INFO} nodes {{ ...PullActed }} }}"
            )
        if self.kind == "milestones":
            return (
                f"milestones(first: {PAGE}, states: [OPEN, CLOSED]) "
                f"{{ {PAGE_INFO} nodes {{ number title state dueOn closedAt url }} }}"
            )
        if self.kind == "releases":
            return (
                f"releases(first: {PAGE}, orderBy: {{field: CREATED_AT, direction: DESC}}) "
                f"{{ {PAGE_INFO} nodes {{ name tagName url publishedAt isDraft isPrerelease }} }}"
            )
        if self.kind == "milestone_issues":
            return (
                f"milestone(number: {int(self.arg)}) {{ issues(first: {PAGE}, states: [OPEN]) "
                f"{{ {PAGE_INFO} nodes {{ ...Light }} }} }}"
            )
        if self.kind == "tree":
            return (
                f"object(expression: {_lit('HEAD:' + self.arg)}) "
                "{ __typename ... on Tree { entries { name path type } } }"
            )
        return (  # blob
            f"object(expression: {_lit('HEAD:' + self.arg)}) "
            "{ __typename ... on Blob { text isBinary isTruncated } }"
        )

    @property
    def paged(self) -> bool:
        """Whether the part is a connection that may have more pages."""
        return self.kind not in {"tree", "blob"}

    def fragments(self) -> set[str]:
        """The named fragments its field uses."""
        return {
            "labelled": {self.detail},
            "recent": {"Acted"},
            "pulls": {"PullActed"},
            "milestone_issues": {"Light"},
        }.get(self.kind, set())


@dataclass
class RepoState:
    """What one run read of one repository."""

    readable: bool | None = None  # None: not asked yet
    error: str = ""
    url: str = ""
    parts: dict[Part, Any] = field(default_factory=dict)  # a list of nodes, or an object
    failed: dict[Part, str] = field(default_factory=dict)


class GitHubTracker:
    """GitHub through PyGithub's Requester; GitHub's errors become TrackerError and kin."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        *,
        token: str | None = None,
        auth: Auth.Auth | None = None,
        repositories: Iterable[str] = (),
        bot_login: str | None = None,
        language: Language = "da",
        timeout: float = 30,
        max_retries: int = 3,
        max_retry_delay: float = 60,
        batch: int = 10,
        max_pages: int = 50,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Connect to GitHub at *url* (GitHub.com's API, or https://HOST/api/v3).

        Nothing is sent until the first question. *repositories* are the ones the bot works
        in (more may be announced by `read_ahead`); *bot_login* is the bot's own login
        (default: the token's user, asked of GitHub), whose doings are never activity.
        """
        credentials = auth if auth is not None else Auth.Token(token) if token else None
        self._github = Github(
            base_url=url.rstrip("/"),
            auth=credentials,
            timeout=int(timeout),
            retry=None,
            seconds_between_requests=None,
            seconds_between_writes=None,
            per_page=PAGE,
        )
        self._requester = self._github.requester
        self.url = url.rstrip("/")
        self.language = language
        self.max_retries = max_retries
        self.max_retry_delay = max_retry_delay
        self.batch = max(1, batch)
        self.max_pages = max_pages
        self._sleep = sleep
        self._clock = clock
        self._bot = bot_login
        self._known: set[str] = set(repositories)
        self._repos: dict[str, RepoState] = {}
        self._since: datetime | None = None  # the oldest activity asked for
        self._reset: dict[str, float] = {}  # resource -> when a used-up limit fills again
        self._write_waits_left = max_retry_delay
        self._write_paused_until = 0.0
        self.calls: dict[str, int] = {}
        self.responses: dict[tuple[str, int], int] = {}

    # ------------------------------------------------------------------ transport

    def _count(self, endpoint: str, status: int) -> None:
        self.calls[endpoint] = self.calls.get(endpoint, 0) + 1
        key = (endpoint, status)
        self.responses[key] = self.responses.get(key, 0) + 1

    def _send(self, verb: str, path: str, body: Any = None, *, endpoint: str) -> Any:
        """One request, counted; its rate-limit headers noted; GitHub's errors translated."""
        url = self._requester.graphql_url if path == "graphql" else path
        try:
            headers, data = self._requester.requestJsonAndCheck(verb, url, input=body)
        except GithubException as exc:
            self._count(endpoint, exc.status)
            self._note(exc.headers or {})
            raise _translate(exc, self._clock()) from None
        except requests.RequestException as exc:
            self._count(endpoint, 0)
            raise _unavailable(f"{type(exc).__name__}: {exc}") from None
        self._count(endpoint, 200)
        self._note(headers)
        if path == "graphql":
            _raise_graphql_rate_limit(data, headers, self._clock())
        return data

    def _note(self, headers: Mapping[str, Any]) -> None:
        """Remember a resource GitHub says is used up, and when it fills again."""
        lower = {str(k).lower(): v for k, v in headers.items()}
        if str(lower.get("x-ratelimit-remaining")) == "0" and "x-ratelimit-reset" in lower:
            resource = str(lower.get("x-ratelimit-resource") or "core")
            try:
                self._reset[resource] = float(lower["x-ratelimit-reset"])
            except (TypeError, ValueError):
                return

    def _primary_wait(self, resource: str) -> float:
        """Seconds until *resource*'s used-up primary limit fills again (0: not used up)."""
        reset = self._reset.get(resource)
        if reset is None:
            return 0.0
        left = reset - self._clock()
        if left <= 0:
            del self._reset[resource]
            return 0.0
        return left + 1  # GitHub's reset is whole seconds: one more is safe

    def _read(self, verb: str, path: str, body: Any = None, *, endpoint: str) -> Any:
        """A read: a rate limit waited out, 5xx retried, within max_retry_delay.

        Beyond that GitHub is unavailable and the run stops (the next one reads again).
        """
        resource = "graphql" if path == "graphql" else "core"
        attempt = 0
        while True:
            wait = self._primary_wait(resource)
            if wait > self.max_retry_delay:
                raise _rate_limited_read(wait)
            if wait:
                log.warning("github.rate_limit_wait", resource=resource, delay=wait)
                self._sleep(wait)
            try:
                return self._send(verb, path, body, endpoint=endpoint)
            except TrackerUnavailable as error:
                attempt += 1
                if error.retry_after is None and self._primary_wait(resource):
                    continue  # the primary limit: waited for (or refused) above
                delay = error.retry_after if error.retry_after is not None else 2.0**attempt
                limited = error.status in {HTTP_FORBIDDEN, HTTP_TOO_MANY}
                if limited and delay > self.max_retry_delay:
                    raise _rate_limited_read(delay) from None
                if attempt > self.max_retries or delay > self.max_retry_delay:
                    raise
                log.warning("github.retry", attempt=attempt, delay=delay, error=str(error))
                self._sleep(delay)

    def _write(self, verb: str, path: str, body: Any, *, endpoint: str) -> Any:
        """A write, sent once: a failure is reported, never blindly repeated.

        A write GitHub refused for a rate limit was not carried out: it is sent once more
        after the wait GitHub asked for, if that fits in the run's budget for such waits;
        otherwise it is TrackerRateLimited, left for the next run, and the writes after it
        wait for the next run too while the limit lasts.
        """
        for attempt in (1, 2):
            left = max(self._write_paused_until - self._clock(), self._primary_wait("core"))
            if left > 0:
                raise TrackerRateLimited(
                    f"GitHub asked for a pause in writes ({left:.0f} s left); left for the "
                    "next run",
                    retry_after=left,
                )
            try:
                return self._send(verb, path, body, endpoint=endpoint)
            except TrackerUnavailable as error:
                limited = error.status in {HTTP_FORBIDDEN, HTTP_TOO_MANY}
                wait = error.retry_after if limited else None
                if wait is None and limited and self._primary_wait("core"):
                    wait = self._primary_wait("core")
                if wait is None:
                    raise
                if attempt == 1 and wait <= self._write_waits_left:
                    log.warning("github.write_rate_limited", delay=wait, error=str(error))
                    self._write_waits_left -= wait
                    self._sleep(wait)
                    continue
                self._write_paused_until = max(self._write_paused_until, self._clock() + wait)
                raise TrackerRateLimited(
                    f"{error} (GitHub's rate limit; left for the next run)", retry_after=wait
                ) from None
        raise AssertionError("unreachable")  # pragma: no cover

    # ------------------------------------------------------------------ GraphQL reading

    @property
    def bot_login(self) -> str:
        """The bot's login: as configured, else the token's user."""
        if self._bot is None:
            data = self._read(
                "POST",
                "graphql",
                {"query": "query { viewer { login } }", "variables": {}},
                endpoint="POST graphql",
            )
            viewer = ((data or {}).get("data") or {}).get("viewer") or {}
            self._bot = str(viewer.get("login") or "")
            if not self._bot:
                # A GitHub App's installation token has no viewer: its login is <slug>[bot].
                log.warning("github.bot_login_unknown", hint="set OS2BOT_GITHUB_BOT_LOGIN")
        return self._bot

    def read_ahead(self, plan: ReadPlan) -> None:
        """Read everything *plan* lists, each repository once (a request per `batch`)."""
        self._known |= set(plan.projects)
        wanted: dict[str, set[Part]] = {repo: set() for repo in plan.projects}
        for query, repos in plan.queries.items():
            try:
                parts = self._parts(query)
            except TrackerError:
                continue  # asked later, it fails there, as that query's failure alone
            for part in parts:
                for repo in repos:
                    wanted.setdefault(repo, set()).add(part)
        for repo in plan.versions:
            wanted.setdefault(repo, set()).update({Part("milestones"), Part("releases")})
        for repo, path in plan.folders:
            wanted.setdefault(repo, set()).add(Part("tree", path))
        if plan.bot_tasks:
            for repo in plan.projects:
                wanted[repo].add(_bot_tasks_part())
        self._ensure(wanted)

    def _parts(self, query: Query) -> list[Part]:
        """What a query reads of each repository."""
        if query.condition:
            raise TrackerBadRequest(
                f"GitHub has no JQL: the condition is for Jira ({query.condition[:200]})"
            )
        if query.labels:
            detail = "Full" if {"description", "votes", "comments"} & set(query.fields) else "Light"
            states = {"open": "OPEN", "closed": "CLOSED"}.get(query.state or "any", "")
            return [Part("labelled", query.labels[0], states, detail)]
        if query.updated_within_days is not None:
            since = self._clock_now() - timedelta(days=query.updated_within_days)
            if self._since is None or since < self._since:
                if self._since is not None:
                    self._forget("recent", "pulls")  # read again from further back
                self._since = since
            return [Part("recent"), Part("pulls")]
        raise TrackerBadRequest("an evidence query must ask for something")

    def _clock_now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), tz=UTC).replace(microsecond=0)

    def _forget(self, *kinds: str) -> None:
        for state in self._repos.values():
            for part in [p for p in state.parts if p.kind in kinds]:
                del state.parts[part]

    def _state(self, repo: str) -> RepoState:
        return self._repos.setdefault(repo, RepoState())

    def _ensure(self, wanted: Mapping[str, set[Part]]) -> None:
        """Read what is not read yet, in as few requests as the repositories allow.

        First pages in batches of repositories, then the further pages of every connection
        that has more, several in one request.
        """
        missing = {
            repo: {p for p in parts if p not in self._state(repo).parts}
            for repo, parts in wanted.items()
        }
        todo = [
            (repo, parts)
            for repo, parts in sorted(missing.items())
            if self._state(repo).readable is not False
            and (parts or self._state(repo).readable is None)
        ]
        more: list[tuple[str, Part, str]] = []
        for start in range(0, len(todo), self.batch):
            more += self._first_pages(todo[start : start + self.batch])
        pages = 1
        while more:
            pages += 1
            if pages > self.max_pages:
                raise TrackerError(
                    f"GitHub's answer was cut: more than {self.max_pages} pages; the results "
                    "are incomplete"
                )
            further: list[tuple[str, Part, str]] = []
            for start in range(0, len(more), self.batch):  # as many connections as repositories
                further += self._next_pages(more[start : start + self.batch])
            more = further

    def _first_pages(self, group: Sequence[tuple[str, set[Part]]]) -> list[tuple[str, Part, str]]:
        """One request for the first page of every part of *group*'s repositories."""
        aliases: dict[str, tuple[str, dict[str, Part]]] = {}
        fields: list[str] = []
        used: set[str] = set()
        for index, (repo, parts) in enumerate(group):
            owner, name = repo.split("/", 1)
            named = {f"p{n}": part for n, part in enumerate(sorted(parts, key=repr))}
            aliases[f"r{index}"] = (repo, named)
            inner = " ".join(f"{a}: {p.field('')}" for a, p in named.items())
            fields.append(
                f"r{index}: repository(owner: {_lit(owner)}, name: {_lit(name)}) "
                f"{{ nameWithOwner url {inner} }}"
            )
            for part in parts:
                used |= part.fragments()
        if self._bot is None:
            fields.append("viewer { login }")
        data, errors = self._graphql(" ".join(fields), used)
        if self._bot is None and isinstance(data.get("viewer"), dict):
            self._bot = str(data["viewer"].get("login") or "")
        more: list[tuple[str, Part, str]] = []
        for alias, (repo, named) in aliases.items():
            state = self._state(repo)
            node = data.get(alias)
            problem = errors.get(alias)
            if node is None:
                state.readable = False
                state.error = problem or "not found"
                continue
            state.readable, state.url = True, str(node.get("url") or "")
            for part_alias, part in named.items():
                more += self._store(
                    repo, part, node.get(part_alias), errors.get(f"{alias}.{part_alias}")
                )
        return more

    def _next_pages(self, more: Sequence[tuple[str, Part, str]]) -> list[tuple[str, Part, str]]:
        """One request for the next page of each connection in *more*."""
        fields, index = [], {}
        used: set[str] = set()
        for n, (repo, part, cursor) in enumerate(more):
            owner, name = repo.split("/", 1)
            first = part.field("").replace(
                f"first: {PAGE}", f"first: {PAGE}, after: {_lit(cursor)}", 1
            )
            fields.append(
                f"q{n}: repository(owner: {_lit(owner)}, name: {_lit(name)}) {{ p: {first} }}"
            )
            index[f"q{n}"] = (repo, part)
            used |= part.fragments()
        data, errors = self._graphql(" ".join(fields), used)
        further: list[tuple[str, Part, str]] = []
        for alias, (repo, part) in index.items():
            node = data.get(alias) or {}
            problem = errors.get(f"{alias}.p") or errors.get(alias)
            further += self._store(repo, part, node.get("p"), problem, append=True)
        return further

    def _store(
        self, repo: str, part: Part, value: Any, problem: str | None, *, append: bool = False
    ) -> list[tuple[str, Part, str]]:
        """Keep what a part read; return its next page to read, if any."""
        state = self._state(repo)
        if problem is not None:
            state.failed[part] = problem
            return []
        if not part.paged:
            state.parts[part] = value
            return []
        connection = value or {}
        if part.kind == "milestone_issues":
            connection = connection.get("issues") or {}
        nodes = list(connection.get("nodes") or [])
        state.parts[part] = [*state.parts.get(part, []), *nodes] if append else nodes
        info = connection.get("pageInfo") or {}
        if not info.get("hasNextPage") or not info.get("endCursor"):
            return []
        if part.kind == "pulls" and nodes and self._since is not None:
            oldest = parse_time(nodes[-1].get("updatedAt"))
            if oldest is not None and oldest < self._since:
                return []  # ordered by update: the rest is older than any window
        return [(repo, part, str(info["endCursor"]))]

    def _graphql(self, fields: str, fragments: set[str]) -> tuple[dict[str, Any], dict[str, str]]:
        """Run one query; its data, and its errors by alias path (r0, r0.p1)."""
        needs_since = bool(fragments & {"Acted", "PullActed"})
        head = "query($since: DateTime!)" if needs_since else "query"
        document = " ".join([f"{head} {{ {fields} }}", *(FRAGMENTS[f] for f in sorted(fragments))])
        variables = {"since": _iso(self._since or self._clock_now())} if needs_since else {}
        answer = self._read(
            "POST", "graphql", {"query": document, "variables": variables}, endpoint="POST graphql"
        )
        if not isinstance(answer, dict):
            raise TrackerError("GitHub's answer to a GraphQL query is not an object")
        errors: dict[str, str] = {}
        for error in answer.get("errors") or []:
            path = ".".join(str(p) for p in (error.get("path") or [])[:2])
            message = str(error.get("message") or error)
            if not path:
                raise TrackerBadRequest(f"GitHub refused the query: {message}")
            errors[path] = message
            if error.get("type") == "NOT_FOUND":
                errors.setdefault(path.split(".")[0], message)
        return dict(answer.get("data") or {}), errors

    def _nodes(self, repo: str, part: Part) -> list[dict[str, Any]]:
        """A part's nodes for a readable repository; TrackerError when it could not be read."""
        state = self._state(repo)
        if state.readable is False:
            raise TrackerError(f"{repo}: {state.error}")
        if part in state.failed:
            raise TrackerError(f"{repo}: {state.failed[part]}")
        return list(state.parts.get(part) or [])

    # ------------------------------------------------------------------ reads: the port

    def readable_projects(self) -> frozenset[str]:
        """The repositories the bot works in that GitHub lets it read."""
        self._ensure({repo: set() for repo in self._known})
        return frozenset(r for r in self._known if self._state(r).readable)

    def evidence(
        self, query: Query, projects: Sequence[str], sample: Sample | None = None
    ) -> list[Issue]:
        """The issues of *projects* that *query* asks for, read once per repository.

        Every match, whatever the *sample*: the repository's issues are read in one GraphQL
        request per batch of repositories anyway.
        """
        del sample
        parts = self._parts(query)
        self._ensure({repo: set(parts) for repo in projects})
        found: list[Issue] = []
        for repo in projects:
            if query.labels:
                found += self._matching(repo, parts[0], query)
            else:
                found += self._active(repo, query)
        return found

    def _matching(self, repo: str, part: Part, query: Query) -> list[Issue]:
        """Issues carrying every label of *query*, in its state (closed: closed as completed)."""
        wanted = {label_key(label) for label in query.labels}
        since = (
            self._clock_now() - timedelta(days=query.updated_within_days)
            if query.updated_within_days is not None
            else None
        )
        issues = []
        for node in self._nodes(repo, part):
            issue = self._issue(repo, node)
            if not wanted <= {label_key(label) for label in issue.labels}:
                continue
            if query.state == "closed" and not _completed(node):
                continue
            if query.state == "open" and node.get("state") != "OPEN":
                continue
            if since is not None and (issue.updated is None or issue.updated < since):
                continue
            issues.append(issue)
        return issues

    def _active(self, repo: str, query: Query) -> list[Issue]:
        """Issues and pull requests updated in the window.

        With people_only, by people: the bot's own tasks are left out, and each item is dated
        by the newest thing a person (not the bot) did to it.
        """
        since = self._clock_now() - timedelta(days=query.updated_within_days or 0)
        nodes = self._nodes(repo, Part("recent")) + self._nodes(repo, Part("pulls"))
        found = []
        for node in nodes:
            issue = self._issue(repo, node)
            if query.people_only:
                if BOT_LABEL in {label_key(label) for label in issue.labels}:
                    continue
                issue = replace(issue, updated=self._people_moment(node))
            if issue.updated is not None and issue.updated >= since:
                found.append(issue)
        return found

    def _people_moment(self, node: Mapping[str, Any]) -> datetime | None:
        """The newest moment someone other than the bot acted on an issue or pull request."""
        bot = self.bot_login.lower()
        moments: list[datetime | None] = []
        if _login(node.get("author")) != bot:
            moments.append(parse_time(node.get("createdAt")))
        if node.get("lastEditedAt") and _login(node.get("editor")) not in {bot, ""}:
            moments.append(parse_time(node.get("lastEditedAt")))
        for item in (node.get("timelineItems") or {}).get("nodes") or []:
            who, when = _actor(item)
            if who and who != bot:
                moments.append(parse_time(when))
        return max((m for m in moments if m is not None), default=None)

    def bot_tasks(self, projects: Sequence[str], fields: Sequence[str]) -> list[Issue]:
        """The bot's open tasks (issues labelled os2bot) in *projects*."""
        del fields  # a task's labels, title and state come with every read
        part = _bot_tasks_part()
        self._ensure({repo: {part} for repo in projects})
        return [self._issue(repo, node) for repo in projects for node in self._nodes(repo, part)]

    def check_conditions(self, conditions: Sequence[str]) -> dict[str, list[str]]:
        """None refused: GitHub's conditions (labels, state) are checked by the config's models."""
        return {condition: [] for condition in conditions}

    def tasks_with_fingerprints(
        self, fingerprints: Sequence[str], projects: Sequence[str] | None = None
    ) -> list[Issue]:
        """The open tasks with these fingerprints, read afresh (not from this run's reads).

        GitHub's issue lists are consistent at once, unlike its search.
        """
        repos = sorted(set(projects) if projects else self._known)
        part = _bot_tasks_part()
        for repo in repos:
            self._state(repo).parts.pop(part, None)
        self._ensure({repo: {part} for repo in repos})
        wanted = {FINGERPRINT_PREFIX + fp for fp in fingerprints}
        found = []
        for repo in repos:
            if self._state(repo).readable is False:
                continue
            for node in self._nodes(repo, part):
                issue = self._issue(repo, node)
                if wanted & {label_key(label) for label in issue.labels}:
                    found.append(issue)
        return found

    def open_issues_in_versions(self, versions: Sequence[tuple[str, str]]) -> list[Issue]:
        """The open issues of each (repository, milestone title), a request per batch."""
        wanted: dict[str, set[Part]] = {}
        titles: dict[tuple[str, str], str] = {}
        for repo, title in versions:
            number = next(
                (
                    str(m.get("number"))
                    for m in self._state(repo).parts.get(Part("milestones")) or []
                    if m.get("title") == title
                ),
                None,
            )
            if number is not None:
                wanted.setdefault(repo, set()).add(Part("milestone_issues", number))
                titles[(repo, number)] = title
        self._ensure(wanted)
        found = []
        for repo, parts in wanted.items():
            for part in parts:
                for node in self._nodes(repo, part):
                    issue = self._issue(repo, node)
                    found.append(replace(issue, fix_versions=(titles[(repo, part.arg)],)))
        return found

    def task(self, key: str) -> Issue | None:
        """GET /repos/{owner}/{repo}/issues/{number}; None when it is gone (404, 410)."""
        repo, number = split_key(key)
        try:
            data = self._read(
                "GET",
                f"/repos/{repo}/issues/{number}",
                endpoint="GET repos/{owner}/{repo}/issues/{number}",
            )
        except GitHubGone:
            return None
        return self._rest_issue(repo, data)

    def versions(self, project: str) -> list[Version]:
        """The repository's milestones (due_on; closed = released) and published releases."""
        parts = {Part("milestones"), Part("releases")}
        self._ensure({project: parts})
        found = []
        for node in self._nodes(project, Part("milestones")):
            closed = node.get("state") == "CLOSED"
            due = parse_time(node.get("dueOn"))
            day = due.date() if due else None
            if closed and day is None and (done := parse_time(node.get("closedAt"))):
                day = done.date()
            found.append(Version(str(node.get("title") or ""), released=closed, release_date=day))
        for node in self._nodes(project, Part("releases")):
            published = parse_time(node.get("publishedAt"))
            if node.get("isDraft") or node.get("isPrerelease") or published is None:
                continue
            name = str(node.get("name") or node.get("tagName") or "")
            found.append(Version(name, released=True, release_date=published.date()))
        return found

    def boards(self) -> dict[str, list[int]]:
        """GitHub has no boards: a repository's issues are its backlog (no call)."""
        return {}

    # ------------------------------------------------------------------ reads: repositories

    def folder(self, repo: str, path: str) -> list[RepoFile]:
        """The entries of *path* on the default branch (one tree, read with the others)."""
        part = Part("tree", path.strip("/"))
        self._ensure({repo: {part}})
        state = self._state(repo)
        if state.readable is False:
            raise TrackerError(f"{repo}: {state.error}")
        if part in state.failed:
            raise TrackerError(f"{repo}:{path}: {state.failed[part]}")
        tree = state.parts.get(part)
        if not tree or tree.get("__typename") != "Tree":
            raise TrackerError(f"{repo} has no folder {path or '/'}")
        return [
            RepoFile(
                repo=repo,
                path=str(entry["path"]),
                url=f"{state.url}/{'tree' if entry['type'] == 'tree' else 'blob'}/HEAD/"
                f"{entry['path']}",
                is_folder=entry["type"] == "tree",
            )
            for entry in tree.get("entries") or []
        ]

    def file_texts(
        self, files: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], str | TrackerError]:
        """The text of each (repository, path), in as few requests as repositories allow."""
        wanted: dict[str, set[Part]] = {}
        for repo, path in files:
            wanted.setdefault(repo, set()).add(Part("blob", path))
        self._ensure(wanted)
        found: dict[tuple[str, str], str | TrackerError] = {}
        for repo, path in files:
            state = self._state(repo)
            blob = state.parts.get(Part("blob", path))
            if state.readable is False:
                found[(repo, path)] = TrackerError(f"{repo}: {state.error}")
            elif not blob or blob.get("__typename") != "Blob":
                found[(repo, path)] = TrackerError(f"no file {path} in {repo}")
            elif blob.get("isBinary") or blob.get("isTruncated") or blob.get("text") is None:
                found[(repo, path)] = TrackerError(f"{repo}:{path} is not text GitHub gives out")
            else:
                found[(repo, path)] = str(blob["text"])
        return found

    # ------------------------------------------------------------------ issues as the bot's

    def _issue(self, repo: str, node: Mapping[str, Any]) -> Issue:
        """A GraphQL issue or pull request as the bot's Issue."""
        labels = tuple(str(n.get("name")) for n in (node.get("labels") or {}).get("nodes") or [])
        closed = node.get("state") in {"CLOSED", "MERGED"}
        body = node.get("body")
        marks = _marks(body or "")
        if "v" in marks:
            labels += (VERSION_PREFIX + marks["v"],)
        comments = tuple(_comment(c) for c in (node.get("comments") or {}).get("nodes") or [] if c)
        return Issue(
            key=f"{repo}#{node.get('number')}",
            project=repo,
            summary=_clean(str(node.get("title") or "")),
            url=str(node.get("url") or ""),
            status=str(node.get("state") or "").lower() or None,
            status_category="done" if closed else "new",
            labels=labels,
            created=parse_time(node.get("createdAt")),
            updated=parse_time(node.get("updatedAt")),
            resolved=parse_time(node.get("closedAt")) if _completed(node) else None,
            duedate=date.fromisoformat(marks["due"]) if "due" in marks else None,
            description=_without_marks(body) if isinstance(body, str) else None,
            votes=int((node.get("reactions") or {}).get("totalCount") or 0),
            comments=comments,
            source="github",
        )

    def _rest_issue(self, repo: str, data: Mapping[str, Any]) -> Issue:
        """A REST issue as the bot's Issue."""
        return self._issue(
            repo,
            {
                "number": data.get("number"),
                "title": data.get("title"),
                "url": data.get("html_url"),
                "state": str(data.get("state") or "").upper(),
                "stateReason": str(data.get("state_reason") or "").upper() or None,
                "createdAt": data.get("created_at"),
                "updatedAt": data.get("updated_at"),
                "closedAt": data.get("closed_at"),
                "body": data.get("body"),
                "labels": {
                    "nodes": [{"name": label["name"]} for label in data.get("labels") or []]
                },
            },
        )

    # ------------------------------------------------------------------ writes

    def _body(self, description: str, labels: Sequence[str] | None, due: date | None) -> str:
        """A task's body: its text in Markdown, its due date, and the bot's marks."""
        version = next(
            (
                label_key(label).removeprefix(VERSION_PREFIX)
                for label in labels or ()
                if label_key(label).startswith(VERSION_PREFIX)
            ),
            None,
        )
        fields = ""
        if version:
            fields += f" v={version}"
        if due is not None:
            fields += f" due={due.isoformat()}"
        mark = f"<!-- os2bot{fields} -->"
        due_line = f"\n\n{text('task.due', self.language, date=due.isoformat())}" if due else ""
        note = "\n\n" + text("task.cut_github", self.language)
        room = BODY_LIMIT - len(mark) - len(due_line) - 2
        return wiki.fit(to_markdown(description), room, note) + due_line + "\n\n" + mark

    def _labels(self, labels: Sequence[str]) -> list[str]:
        """The labels GitHub keeps: all but the content version, which the body carries."""
        return [label for label in labels if not label_key(label).startswith(VERSION_PREFIX)]

    def _without_bad_assignee(
        self, write: Callable[[dict[str, Any]], T], body: dict[str, Any]
    ) -> T:
        """Write *body*; if GitHub refuses only its assignees (422), write it without them.

        A 422 means nothing was written, so the second try cannot duplicate; a task without
        an assignee is better than none (the login may be wrong, or its owner gone).
        """
        try:
            return write(body)
        except GitHubRefused as exc:
            if "assignees" not in body or exc.fields != {"assignees"}:
                raise
            log.warning("github.assignee_refused", error=str(exc))
        return write({k: v for k, v in body.items() if k != "assignees"})

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
        """POST /repos/{owner}/{repo}/issues (labels that do not exist yet are created)."""
        body: dict[str, Any] = {
            "title": wiki.fit(summary, TITLE_LIMIT, "…"),
            "body": self._body(description, labels, due),
            "labels": self._labels(labels),
        }
        if assignee:
            body["assignees"] = [assignee]
        data = self._without_bad_assignee(
            lambda b: self._write(
                "POST", f"/repos/{project}/issues", b, endpoint="POST repos/{owner}/{repo}/issues"
            ),
            body,
        )
        return Issue(
            key=f"{project}#{data['number']}",
            project=project,
            summary=body["title"],
            url=str(data.get("html_url") or ""),
            labels=tuple(labels),
            source="github",
        )

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
        """PATCH the changed fields (one call); the body is rewritten only with a description."""
        repo, number = split_key(key)
        body: dict[str, Any] = {}
        if summary is not None:
            body["title"] = wiki.fit(summary, TITLE_LIMIT, "…")
        if description is not None:
            body["body"] = self._body(description, labels, due)
        if labels is not None:
            body["labels"] = self._labels(labels)
        if assignee is not None:
            body["assignees"] = [assignee]
        self._without_bad_assignee(
            lambda b: self._write(
                "PATCH",
                f"/repos/{repo}/issues/{number}",
                b,
                endpoint="PATCH repos/{owner}/{repo}/issues/{number}",
            ),
            body,
        )

    def _comment_body(self, body: str) -> str:
        """A comment in Markdown, with the digest of the bot's own text beside it."""
        mark = f"\n\n<!-- os2bot digest={text_digest(body)} -->"
        note = "\n\n" + text("task.cut_github", self.language)
        return wiki.fit(to_markdown(body), BODY_LIMIT - len(mark), note) + mark

    def comment(self, key: str, body: str) -> str:
        """POST a comment; return its id."""
        repo, number = split_key(key)
        data = self._write(
            "POST",
            f"/repos/{repo}/issues/{number}/comments",
            {"body": self._comment_body(body)},
            endpoint="POST repos/{owner}/{repo}/issues/{number}/comments",
        )
        return str(data["id"])

    def edit_comment(self, key: str, comment_id: str, body: str) -> None:
        """PATCH the comment's text (one call)."""
        repo, _ = split_key(key)
        self._write(
            "PATCH",
            f"/repos/{repo}/issues/comments/{int(comment_id)}",
            {"body": self._comment_body(body)},
            endpoint="PATCH repos/{owner}/{repo}/issues/comments/{comment_id}",
        )

    def resolve(self, key: str) -> bool:
        """Close the issue as completed (GitHub has no workflow to search: always possible)."""
        repo, number = split_key(key)
        self._write(
            "PATCH",
            f"/repos/{repo}/issues/{number}",
            {"state": "closed", "state_reason": "completed"},
            endpoint="PATCH repos/{owner}/{repo}/issues/{number}",
        )
        return True


# ---------------------------------------------------------------------- errors


class GitHubGone(TrackerError):
    """GitHub has no such thing (404), or no longer (410)."""

    text_key = "cli.github_failed"

    def __init__(self, message: str, *, status: int) -> None:
        """Keep the status: 404 or 410."""
        super().__init__(message)
        self.status = status


class GitHubRefused(TrackerBadRequest):
    """GitHub found a write invalid (422) or could not parse it (400)."""

    text_key = "cli.github_failed"

    def __init__(self, message: str, *, fields: Iterable[str] = ()) -> None:
        """Keep the fields GitHub named."""
        super().__init__(message)
        self.fields = frozenset(fields)


# ---------------------------------------------------------------------- helpers


def _bot_tasks_part() -> Part:
    return Part("labelled", BOT_LABEL, "OPEN", "Full")


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _completed(node: Mapping[str, Any]) -> bool:
    """Closed as completed (a meeting held), not as not planned or a duplicate.

    Issues closed before GitHub kept a reason have none; they count as completed.
    """
    return node.get("state") == "CLOSED" and node.get("stateReason") in {None, "COMPLETED"}


def _login(actor: Any) -> str:
    return str((actor or {}).get("login") or "").lower()


def _actor(item: Mapping[str, Any]) -> tuple[str, str | None]:
    """Who did a timeline item, and when."""
    if item.get("__typename") == "PullRequestCommit":
        commit = item.get("commit") or {}
        return _login((commit.get("author") or {}).get("user")), commit.get("committedDate")
    who = item.get("actor") if "actor" in item else item.get("author")
    return _login(who), item.get("createdAt")


def _marks(body: str) -> dict[str, str]:
    """The bot's marks in a task's body (content version, due date)."""
    found = _MARK.search(body)
    if found is None:
        return {}
    return dict(part.split("=", 1) for part in found["fields"].split())


def _without_marks(body: str) -> str:
    return _MARK.sub("", body).rstrip()


_DIGEST = re.compile(r"\s*<!-- os2bot digest=(?P<digest>[0-9a-f]+) -->\s*$")


def _comment(node: Mapping[str, Any]) -> Comment:
    """A comment as the bot reads it: its own with the digest of what it wrote."""
    body = str(node.get("body") or "")
    found = _DIGEST.search(body)
    digest = found["digest"] if found else None
    if found:
        body = body[: found.start()]
    return Comment(
        id=str(node.get("databaseId")), body=from_markdown_mark(_clean(body)), digest=digest
    )


_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def _clean(value: str) -> str:
    """Text from GitHub without bidirectional controls (they can make a text read otherwise)."""
    return value.translate(_BIDI)


def _retry_after(headers: Mapping[str, Any]) -> float | None:
    lower = {str(k).lower(): v for k, v in headers.items()}
    try:
        value = lower.get("retry-after")
        return max(0.0, float(value)) if value is not None else None
    except (TypeError, ValueError):
        return None


def _message(exc: GithubException) -> str:
    data = exc.data if isinstance(exc.data, dict) else {}
    message = _clean(str(data.get("message") or exc.message or ""))
    details = [
        f"{e.get('field')}: {e.get('code')}"
        for e in data.get("errors") or []
        if isinstance(e, dict)
    ]
    return f"HTTP {exc.status}: {message}" + (f" ({'; '.join(details)})" if details else "")


def _unavailable(
    message: str, *, retry_after: float | None = None, status: int | None = None
) -> TrackerUnavailable:
    error = TrackerUnavailable(message, retry_after=retry_after, status=status)
    error.text_key = "cli.github_unreachable"
    return error


def _raise_graphql_rate_limit(data: Any, headers: Mapping[str, Any], now: float) -> None:
    """Raise GraphQL's primary limit, which answers 200 with an error of type RATE_LIMIT.

    RATE_LIMITED in GitHub's older words; the wait is the one the headers give.
    """
    errors = (data or {}).get("errors") if isinstance(data, dict) else None
    limited = [e for e in errors or [] if e.get("type") in {"RATE_LIMIT", "RATE_LIMITED"}]
    if not limited:
        return
    lower = {str(k).lower(): v for k, v in headers.items()}
    wait = _retry_after(headers)
    if wait is None:
        try:
            wait = max(0.0, float(lower["x-ratelimit-reset"]) - now + 1)
        except (KeyError, TypeError, ValueError):
            wait = 60.0
    raise _unavailable(
        f"GitHub: {limited[0].get('message') or 'rate limit'}",
        retry_after=wait,
        status=HTTP_TOO_MANY,
    )


def _rate_limited_read(wait: float) -> TrackerUnavailable:
    """GitHub's primary limit, used up for longer than a run may wait: the run stops."""
    error = TrackerUnavailable(
        f"the rate limit is used up for {wait:.0f} s more; the rest of the run waits for the "
        "next run",
        retry_after=wait,
        status=HTTP_FORBIDDEN,
    )
    error.text_key = "cli.github_rate_limited"
    return error


def _translate(exc: GithubException, now: float) -> TrackerError:
    """The bot's own error for what GitHub answered, by what it means to an operator."""
    status, headers = exc.status, exc.headers or {}
    message = _message(exc)
    lower = {str(k).lower(): v for k, v in headers.items()}
    retry_after = _retry_after(headers)
    primary = str(lower.get("x-ratelimit-remaining")) == "0"
    secondary = "secondary rate limit" in message.lower()
    if secondary and retry_after is None:
        retry_after = 60.0  # "wait for at least one minute before retrying" (GitHub's docs)
    if status in {HTTP_FORBIDDEN, HTTP_TOO_MANY} and (retry_after is not None or primary):
        if retry_after is None and primary:
            try:
                retry_after = max(0.0, float(lower["x-ratelimit-reset"]) - now + 1)
            except (KeyError, TypeError, ValueError):
                retry_after = 60.0
        return _unavailable(message, retry_after=retry_after, status=status)
    if status == HTTP_TOO_MANY or status >= HTTP_SERVER_ERROR or status == 0:
        return _unavailable(message, retry_after=retry_after, status=status or None)
    if status == HTTP_UNAUTHORIZED:
        auth = TrackerAuthError(message, deployment="github")
        auth.text_key = "cli.github_credentials"
        return auth
    if status == HTTP_FORBIDDEN:
        refused = TrackerPermissionError(message)
        refused.text_key = "cli.github_permission"
        return refused
    if status in {HTTP_NOT_FOUND, HTTP_GONE}:
        return GitHubGone(message, status=status)
    if status in {HTTP_BAD_REQUEST, HTTP_UNPROCESSABLE}:
        data = exc.data if isinstance(exc.data, dict) else {}
        fields = [str(e.get("field")) for e in data.get("errors") or [] if isinstance(e, dict)]
        return GitHubRefused(message, fields=fields)
    failed = TrackerError(message)
    failed.text_key = "cli.github_failed"
    return failed
