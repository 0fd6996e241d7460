# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Tracker port on Jira Cloud and Data Center, through the `jira` package."""

from __future__ import annotations

import dataclasses
import json
import queue
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import requests
import structlog
from jira import JIRA, JIRAError
from jira.resilientsession import ResilientSession

from os2bot import wiki
from os2bot.domain import (
    BOT_LABEL,
    FINGERPRINT_PREFIX,
    Comment,
    Issue,
    Query,
    ReadPlan,
    Sample,
    Version,
)
from os2bot.messages import Language, text
from os2bot.ports import (
    Board,
    ProjectFacts,
    TrackerAuthError,
    TrackerBadRequest,
    TrackerError,
    TrackerPermissionError,
    TrackerRateLimited,
    TrackerUnavailable,
    TrackerUser,
)

if TYPE_CHECKING:
    from os2bot.adapters.jira_support import JiraSupport

log = structlog.get_logger(__name__)
T = TypeVar("T")
R = TypeVar("R")

_KEY = re.compile(r"/[A-Z][A-Z0-9_]+-\d+(?=/|$)")
# Unicode's bidirectional embeddings, overrides and isolates: text from Jira holding them can
# show other than it reads (a file name spelt backwards), in chat, tasks and the report alike.
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_NUMBER = re.compile(r"/\d+(?=/|$)")
# A segment naming a project or an issue by its key or id (project/MO, issue/10042).
_NAMED = re.compile(r"/(project|issue)/(?!\{)[^/]+")
_JIRA_TIME = "%Y-%m-%dT%H:%M:%S.%f%z"
HTTP_SERVER_ERROR = 500
HTTP_BAD_REQUEST = 400
HTTP_UNAUTHORIZED = 401
HTTP_FORBIDDEN = 403
HTTP_TOO_MANY = 429
HTTP_NOT_FOUND = 404
HTTP_UNAVAILABLE = 503
# Pages as large as Jira grants: Cloud's search/jql gives up to 5,000 issues a page, fewer
# the more is asked of each (Atlassian: "The greatest number of items returned per page is
# achieved when requesting `id` or `key` only"); Data Center up to its
# jira.search.views.default.max (1,000 by default). Asking for more than it gives is harmless:
# the pages are read to their end either way.
PAGE_SIZE = 1000
KEYS_PAGE_SIZE = 5000  # when only keys, projects and dates are asked
LONG_JQL = 2000  # characters: longer queries go in a POST body, not the URL
WORKERS = 6  # concurrent reads at most (each with its own HTTP session)
# Activity is the newest change people made: looked for in windows that widen from the last
# day, so an active project is settled by its newest issues and never reads its history.
ACTIVITY_STAGES = (1, 7, 30)
VERIFY_ROUNDS = 6  # rounds of reading whose change the newest issues were, at most
# ports.PERMISSIONS as Jira's project permission keys (GET mypermissions).
PERMISSION_KEYS = {
    "browse": "BROWSE_PROJECTS",
    "create": "CREATE_ISSUES",
    "edit": "EDIT_ISSUES",
    "comment": "ADD_COMMENTS",
    "edit_comment": "EDIT_OWN_COMMENTS",
    "transition": "TRANSITION_ISSUES",
    "assign": "ASSIGN_ISSUES",
}


def _endpoint(method: str, url: str) -> str:
    """`GET search/jql`, `GET project/{key}/versions`: a template, never a project or an issue.

    Call counts and the metrics' `endpoint` label are kept by it, so their series do not grow
    with the portfolio: whatever names a project, an issue, a board or a comment is a
    placeholder.
    """
    path = url.split("?", 1)[0]
    path = re.sub(r"^https?://[^/]+", "", path)
    path = re.sub(r"^/rest/(api/2|agile/1\.0)/", "", path)
    path = _KEY.sub("/{key}", "/" + path)
    path = _NAMED.sub(lambda m: f"/{m.group(1)}/{{key}}", path)
    path = _NUMBER.sub("/{id}", path)
    return f"{method} {path.lstrip('/')}"


def _clean(value: str) -> str:
    """Text from Jira without bidirectional controls."""
    return value.translate(_BIDI)


def _error_text(exc: JIRAError) -> str:
    """What Jira said, without the request headers that JIRAError's str() would include."""
    body = getattr(exc, "text", "") or ""
    try:
        data = json.loads(body)
    except (TypeError, ValueError):
        return _clean(f"HTTP {exc.status_code}: {str(body)[:200]}")
    if isinstance(data, dict):
        messages = list(data.get("errorMessages") or [])
        messages += [f"{k}: {v}" for k, v in (data.get("errors") or {}).items()]
        if messages:
            return _clean(f"HTTP {exc.status_code}: " + "; ".join(messages))
    return f"HTTP {exc.status_code}"


def _refused_fields(exc: JIRAError) -> set[str]:
    """The fields a 400 from Jira names in its `errors` (JIRAError.text is only the message)."""
    response = getattr(exc, "response", None)
    try:
        data = json.loads(response.text if response is not None else "{}")
    except (TypeError, ValueError):
        return set()
    return set((data.get("errors") or {}) if isinstance(data, dict) else ())


def _retry_after(exc: JIRAError) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("Retry-After") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _rate_limit_wait(exc: Exception) -> float | None:
    """How long Jira asked the bot to wait when it refused a request for its rate limit.

    429 means the request was not carried out; so does 503 with a Retry-After (Atlassian's
    rate limiting and maintenance answer so). None for any other failure.
    """
    if not isinstance(exc, JIRAError):
        return None
    retry_after = _retry_after(exc)
    if exc.status_code == HTTP_TOO_MANY:
        return max(0.0, retry_after if retry_after is not None else 2.0)
    if exc.status_code == HTTP_UNAVAILABLE and retry_after is not None:
        return max(0.0, retry_after)
    return None


class _AssigneeRefused(Exception):
    """Jira refused a write for its assignee alone (a 400 naming only that field)."""


def _translate(exc: Exception, deployment: str) -> TrackerError:
    """The bot's own error for what the client raised, by what it means to an operator."""
    if isinstance(exc, JIRAError):
        status = exc.status_code or 0
        message = _error_text(exc)
        if status == 0 or status >= HTTP_SERVER_ERROR or status == HTTP_TOO_MANY:
            return TrackerUnavailable(message, retry_after=_retry_after(exc), status=status or None)
        if status == HTTP_UNAUTHORIZED:
            return TrackerAuthError(message, deployment=deployment)
        if status == HTTP_FORBIDDEN:
            return TrackerPermissionError(message)
        if status == HTTP_BAD_REQUEST:
            return TrackerBadRequest(message)
        return TrackerError(message)
    # requests' own errors: connection refused, reset, timeout. Their text names host and path,
    # never the Authorization header.
    return TrackerUnavailable(f"{type(exc).__name__}: {exc}")


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.strptime(value, _JIRA_TIME)  # noqa: DTZ007 - the format has %z
    except ValueError:
        return datetime.fromisoformat(value)


def _is_me(user: dict[str, Any] | None, me: dict[str, str]) -> bool:
    """Whether *user* (as Jira shows one) is the bot: by accountId on Cloud, name or key on DC."""
    if not user:
        return False
    return any(user.get(k) is not None and str(user.get(k)) == v for k, v in me.items())


def _newest_by_people(raw: dict[str, Any], me: dict[str, str]) -> datetime | None:
    """The newest change to an issue that someone other than the bot made.

    Creating the issue is its creator's change; each changelog entry its author's; a comment
    its author's when written and its editor's when edited. A deleted comment leaves no trace,
    so it counts for no one.
    """
    fields = raw.get("fields") or {}
    moments: list[datetime | None] = []
    if not _is_me(fields.get("creator") or fields.get("reporter"), me):
        moments.append(_parse_time(fields.get("created")))
    moments.extend(
        _parse_time(change.get("created"))
        for change in (raw.get("changelog") or {}).get("histories") or []
        if not _is_me(change.get("author"), me)
    )
    for comment in (fields.get("comment") or {}).get("comments") or []:
        if not _is_me(comment.get("author"), me):
            moments.append(_parse_time(comment.get("created")))
        if not _is_me(comment.get("updateAuthor"), me):
            moments.append(_parse_time(comment.get("updated")))
    return max((m for m in moments if m is not None), default=None)


def _next_candidates(
    waiting: list[tuple[datetime, str]], best: tuple[datetime, Issue] | None, count: int
) -> list[str]:
    """Up to *count* keys off the front of *waiting*; none that cannot beat *best*."""
    keys: list[str] = []
    while waiting and len(keys) < count:
        updated, key = waiting[0]
        if best is not None and updated <= best[0]:
            waiting.clear()
            break
        keys.append(key)
        waiting.pop(0)
    return keys


def shown_in_part(part: dict[str, Any], items: str) -> bool:
    """Whether Jira showed fewer of a list (an issue's changes, comments) than it holds."""
    return int(part.get("total") or 0) > len(part.get(items) or [])


def _partial(raw: dict[str, Any]) -> bool:
    """Whether Jira showed only part of an issue's changes or comments."""
    changelog = raw.get("changelog") or {}
    comments = (raw.get("fields") or {}).get("comment") or {}
    return shown_in_part(changelog, "histories") or shown_in_part(comments, "comments")


# `Issue` dates -> their JQL names.
_JQL_DATE = {"created": "created", "updated": "updated", "resolved": "resolved", "duedate": "due"}

# `Issue` attribute names -> Jira field names, where they differ.
FIELD_NAMES = {
    "issue_type": "issuetype",
    "resolved": "resolutiondate",
    "fix_versions": "fixVersions",
    "comments": "comment",
}


def _jira_fields(names: Sequence[str]) -> list[str]:
    """`Issue` attribute names as Jira's field names, each once (Jira's own pass through)."""
    return list(dict.fromkeys(FIELD_NAMES.get(name, name) for name in names))


def _projects(projects: Sequence[str]) -> str:
    return "project in (" + ", ".join(f'"{p}"' for p in projects) + ")"


def evidence_jql(query: Query) -> str:
    """The JQL for an evidence query, without its project clause.

    `-Nd` counts 24-hour periods back from now while the rules count calendar days, so the
    rule asks for a window with days to spare. `labels != x` leaves out issues without labels,
    hence the IS EMPTY that keeps them.
    """
    parts = [f"({query.condition})"] if query.condition else []
    if query.updated_within_days is not None:
        parts.append(f"updated >= -{query.updated_within_days}d")
    if query.people_only:
        parts.append(f"(labels IS EMPTY OR labels != {BOT_LABEL})")
    if not parts:
        raise ValueError("an evidence query must ask for something")
    if len(parts) == 1 and query.condition:
        return query.condition
    return " AND ".join(parts)


class JiraTracker:
    """Jira through the real `jira` client; SDK errors become TrackerError/TrackerUnavailable."""

    def __init__(
        self,
        url: str,
        *,
        deployment: str,
        email: str | None = None,
        api_token: str | None = None,
        pat: str | None = None,
        task_issue_type: str = "Task",
        language: Language = "da",
        timeout: float = 30,
        max_retries: int = 3,
        max_retry_delay: float = 60,
        max_pages: int = 200,
        run_deadline: float = 900,
        workers: int = WORKERS,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """Connect; the client reads serverInfo, which tells Cloud from Data Center.

        The client's own retrying is switched off: it would retry a POST after a dropped
        connection and so could open a task twice. Reads are retried here instead (429 and
        5xx, honouring Retry-After); writes are not, and the service looks for the task's
        label before it tries again.

        A search reads at most *max_pages* pages, and none once *run_deadline* seconds have
        passed since the adapter was made (one adapter per run).
        """
        self.url = url.rstrip("/")
        self.max_retries = max_retries
        self.max_retry_delay = max_retry_delay
        self.max_pages = max_pages
        self.workers = max(1, workers)
        self._monotonic = monotonic
        self._lock = threading.Lock()  # the counts and pauses, shared by concurrent reads
        self._sessions: queue.SimpleQueue[requests.Session] = queue.SimpleQueue()
        self._read_paused_until = 0.0  # Jira's Retry-After, honoured by every reader
        self._versions: dict[str, list[Version] | TrackerError] = {}  # read ahead
        self._deadline = monotonic() + run_deadline
        self._write_waits_left = max_retry_delay  # seconds a run may wait to repeat writes
        self._write_paused_until = 0.0
        self._sleep = sleep
        self.deployment = deployment
        self.task_issue_type = task_issue_type
        self.language = language  # of the note on a text cut to fit Jira
        self._issue_types: dict[str, list[str]] = {}
        self._me: dict[str, str] | None = None  # who the bot is, read once when needed
        self.calls: dict[str, int] = {}
        self.responses: dict[tuple[str, int], int] = {}  # (endpoint, HTTP status) -> count
        auth: dict[str, Any] = (
            {"token_auth": pat}
            if deployment == "datacenter"
            else {"basic_auth": (email, api_token)}
        )
        self._jira = self._read(
            lambda: JIRA(server=self.url, timeout=timeout, max_retries=0, logging=False, **auth)
        )
        self._count("GET", "serverInfo")
        self._jira._session.hooks["response"].append(self._on_response)  # noqa: SLF001 - the only place requests are seen

    def _read(self, call: Callable[[], T]) -> T:
        """Run a read, retrying while Jira is unavailable (rate limit, 5xx, network).

        Each wait is Jira's Retry-After, else a backoff; one beyond max_retry_delay is not
        waited at all. A Retry-After pauses every concurrent reader, not just this one.
        """
        attempt = 0
        self._wait_for_read_pause()
        while True:
            try:
                return call()
            except (JIRAError, requests.RequestException) as exc:
                error = _translate(exc, self.deployment)
            if not isinstance(error, TrackerUnavailable) or attempt >= self.max_retries:
                raise error
            attempt += 1
            delay = max(0.0, error.retry_after if error.retry_after is not None else 2.0**attempt)
            if delay > self.max_retry_delay:
                # Waiting less than Jira asked is refused again; waiting longer holds the run
                # (and its lock): the run stops, and the next one reads again.
                raise error
            log.warning("jira.retry", attempt=attempt, delay=delay, error=str(error))
            until = 0.0
            if error.retry_after is not None:
                with self._lock:
                    until = self._monotonic() + delay
                    self._read_paused_until = max(self._read_paused_until, until)
            self._sleep(delay)
            with self._lock:  # waited out: the pause is over unless another reader's lasts
                if self._read_paused_until == until:
                    self._read_paused_until = 0.0

    def _wait_for_read_pause(self) -> None:
        """Wait out the pause another reader's Retry-After asked of all of them."""
        if not self._read_paused_until:  # no pause ever asked: no look at the clock
            return
        with self._lock:
            left = self._read_paused_until - self._monotonic()
        if left > 0:
            self._sleep(left)

    def _new_session(self) -> requests.Session:
        """An HTTP session like the client's own (auth, headers, errors), for one reader."""
        base = self._jira._session  # noqa: SLF001
        session = ResilientSession(timeout=base.timeout, max_retries=0)
        session.headers.update(base.headers)
        session.auth = base.auth
        session.verify = base.verify
        session.proxies = dict(base.proxies)
        session.cookies.update(base.cookies)
        session.hooks["response"].append(self._on_response)
        return session

    @contextmanager
    def _borrowed(self) -> Iterator[requests.Session]:
        """A session of the pool's (one is made when all are in use), given back after."""
        try:
            session = self._sessions.get_nowait()
        except queue.Empty:
            session = self._new_session()
        try:
            yield session
        finally:
            self._sessions.put(session)

    def _parallel(self, call: Callable[[requests.Session, T], R], items: Sequence[T]) -> list[R]:
        """*call* on every item, at most `workers` at a time, each with its own session.

        In the items' order; the first failure is raised once every call has ended.
        """
        if len(items) <= 1 or self.workers == 1:
            return [call(self._jira._session, item) for item in items]  # noqa: SLF001

        def one(item: T) -> R:
            with self._borrowed() as session:
                return call(session, item)

        with ThreadPoolExecutor(max_workers=min(self.workers, len(items))) as pool:
            futures = [pool.submit(one, item) for item in items]
        return [future.result() for future in futures]

    def _without_bad_assignee(
        self, fields: dict[str, Any], call: Callable[[dict[str, Any]], T]
    ) -> T:
        """Write *fields*; if Jira refuses only the assignee, write again without one.

        A 400 means nothing was written, so the second try cannot duplicate; a task without
        an assignee is better than no task (the user may be named the other deployment's way,
        or have left).
        """

        def with_assignee() -> T:
            try:
                return call(fields)
            except JIRAError as exc:
                if exc.status_code == HTTP_BAD_REQUEST and _refused_fields(exc) == {"assignee"}:
                    raise _AssigneeRefused(_error_text(exc)) from None
                raise

        try:
            return self._write(with_assignee)
        except _AssigneeRefused as refused:
            log.warning("jira.assignee_refused", error=str(refused))
        return self._write(lambda: call({k: v for k, v in fields.items() if k != "assignee"}))

    def _write(self, call: Callable[[], T]) -> T:
        """Run a write once: a failure is reported, never blindly repeated.

        The exception is a write Jira refused for its rate limit, which it did not carry out:
        that one is sent once more after the wait Jira asked for, if the wait fits in what is
        left of the run's budget for such waits (max_retry_delay seconds in all). Otherwise,
        or when Jira refuses again, it is TrackerRateLimited — left for the next run — and the
        writes after it wait for the next run too while Jira's pause lasts.
        """
        self._check_write_pause()
        try:
            return call()
        except (JIRAError, requests.RequestException) as exc:
            wait, message = self._rate_limited(exc)
        if wait <= self._write_waits_left:
            log.warning("jira.write_rate_limited", delay=wait, error=message)
            self._write_waits_left -= wait
            self._sleep(wait)
            try:
                return call()
            except (JIRAError, requests.RequestException) as exc:
                wait, message = self._rate_limited(exc)
        self._write_paused_until = max(self._write_paused_until, self._monotonic() + wait)
        raise TrackerRateLimited(
            f"{message} (Jira's rate limit; left for the next run)", retry_after=wait
        )

    def _rate_limited(self, exc: JIRAError | requests.RequestException) -> tuple[float, str]:
        """The wait Jira asked for and what it said, when it refused for its rate limit.

        Any other failure is raised as the bot's own error.
        """
        wait = _rate_limit_wait(exc)
        if wait is None:
            raise _translate(exc, self.deployment) from None
        return wait, _error_text(exc) if isinstance(exc, JIRAError) else str(exc)

    def _check_write_pause(self) -> None:
        """Refuse a write, unsent, while Jira's last rate-limit pause lasts."""
        left = self._write_paused_until - self._monotonic()
        if left > 0:
            raise TrackerRateLimited(
                f"Jira asked for a pause in writes ({left:.0f} s left); left for the next run",
                retry_after=left,
            )

    @property
    def support(self) -> JiraSupport:
        """Joint support's reads (worklogs, first responses): `adapters/jira_support.py`."""
        from os2bot.adapters.jira_support import JiraSupport  # noqa: PLC0415 - it imports this

        return JiraSupport(self)

    @property
    def is_cloud(self) -> bool:
        """What the server said it is."""
        return bool(self._jira._is_cloud)  # noqa: SLF001 - set by the client from serverInfo

    def _count(self, method: str, url: str) -> None:
        name = _endpoint(method, url)
        with self._lock:
            self.calls[name] = self.calls.get(name, 0) + 1

    def _on_response(self, response: requests.Response, *_args: Any, **_kwargs: Any) -> None:
        method, url = response.request.method or "GET", response.request.url or ""
        self._count(method, url)
        key = (_endpoint(method, url), response.status_code)
        with self._lock:
            self.responses[key] = self.responses.get(key, 0) + 1

    # ------------------------------------------------------------------- reads

    def readable_projects(self) -> frozenset[str]:
        """Keys of every project the bot can browse, with their issue types (one call).

        The issue types are kept for the tasks the run may open; a server that does not
        expand them is asked project by project when a task is opened there.
        """
        found = self._read(lambda: self._jira.projects(expand="issueTypes"))
        for project in found:
            types = project.raw.get("issueTypes")
            if isinstance(types, list):
                self._issue_types[project.key] = [
                    _clean(str(t.get("name"))) for t in types if not t.get("subtask")
                ]
        return frozenset(p.key for p in found)

    def read_ahead(self, plan: ReadPlan) -> None:
        """Read the versions the run will ask for now, several projects at a time."""
        wanted = sorted(plan.versions - self._versions.keys())

        def one(session: requests.Session, project: str) -> list[Version] | TrackerError:
            get = partial(session.get, self._jira._get_url(f"project/{project}/versions"))  # noqa: SLF001
            try:
                return [self._version(v) for v in self._read(get).json()]
            except TrackerUnavailable:
                raise
            except TrackerError as exc:
                return exc

        for project, versions in zip(wanted, self._parallel(one, wanted), strict=True):
            self._versions[project] = versions

    def search(self, jql: str, fields: Sequence[str]) -> list[Issue]:
        """All pages of a search: nextPageToken on Cloud, startAt on Data Center.

        *fields* are `Issue` attribute names (Jira's own names pass through). The pages are
        read here, not by the client, which follows nextPageToken for as long as Jira hands
        one out and stops a Data Center search where it likes: a search that does not end
        within the page cap or the run's deadline is a TrackerError, never a silent part.
        """
        return [self._issue(raw) for raw in self._raw_search(jql, fields)]

    def _raw_search(
        self,
        jql: str,
        fields: Sequence[str],
        expand: str | None = None,
        *,
        size: int = PAGE_SIZE,
    ) -> list[dict[str, Any]]:
        """Every page of a search as Jira's JSON, each issue once; *fields* as `search`'s."""
        pages = self._cloud_pages if self.is_cloud else self._datacenter_pages
        found: dict[str, dict[str, Any]] = {}
        for raw in pages(jql, _jira_fields(fields), expand, size=size):
            # An issue moved between pages by a change during the search counts once.
            found.setdefault(str(raw.get("key")), raw)
        return list(found.values())

    def _first_page(
        self,
        jql: str,
        fields: Sequence[str],
        count: int,
        session: requests.Session | None = None,
    ) -> list[dict[str, Any]]:
        """The first *count* issues a search finds, in one request, as Jira's JSON."""
        path = "search/jql" if self.is_cloud else "search"
        page = self._search_page(
            path, jql, _jira_fields(fields), {"maxResults": count}, session=session
        )
        return list(page.get("issues") or [])

    def _cloud_pages(
        self,
        jql: str,
        fields: list[str],
        expand: str | None = None,
        *,
        size: int = PAGE_SIZE,
        session: requests.Session | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Cloud's search/jql, page by page: to isLast, a missing token, or a cap."""
        seen: set[str] = set()
        token: str | None = None
        for _ in range(self.max_pages):
            paging = {"nextPageToken": token, "expand": expand}
            page = self._search_page("search/jql", jql, fields, paging, size=size, session=session)
            yield from page.get("issues") or ()
            token = page.get("nextPageToken")
            if page.get("isLast") is True or not token:
                return
            if token in seen:
                raise TrackerError(self._cut(jql, "Jira repeated a nextPageToken"))
            seen.add(token)
        raise TrackerError(self._cut(jql, f"more than {self.max_pages} pages"))

    def _datacenter_pages(
        self,
        jql: str,
        fields: list[str],
        expand: str | None = None,
        *,
        size: int = PAGE_SIZE,
        session: requests.Session | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Data Center's search, page by page: to an empty page, startAt >= total, or a cap."""
        start = 0
        for _ in range(self.max_pages):
            paging = {"startAt": start, "expand": expand}
            page = self._search_page("search", jql, fields, paging, size=size, session=session)
            issues = page.get("issues") or []
            yield from issues
            start += len(issues)
            total = page.get("total")
            if not issues or (isinstance(total, int) and start >= total):
                return
        raise TrackerError(self._cut(jql, f"more than {self.max_pages} pages"))

    def _search_page(
        self,
        path: str,
        jql: str,
        fields: list[str],
        paging: dict[str, Any],
        *,
        size: int = PAGE_SIZE,
        session: requests.Session | None = None,
    ) -> dict[str, Any]:
        """One page: GET, or POST when the JQL is too long for a URL."""
        if self._monotonic() > self._deadline:
            raise TrackerError(self._cut(jql, "the run's deadline has passed"))
        url = self._jira._get_url(path)  # noqa: SLF001
        session = session or self._jira._session  # noqa: SLF001
        wanted = {"maxResults": size, **{k: v for k, v in paging.items() if v is not None}}
        if len(jql) > LONG_JQL:
            body = {"jql": jql, "fields": fields, **wanted}
            call = partial(session.post, url, data=json.dumps(body))
        else:
            params = {"jql": jql, "fields": fields, **wanted}
            call = partial(session.get, url, params=params)
        response = self._read(call)
        try:
            page = response.json()
        except ValueError:
            page = None
        if not isinstance(page, dict):
            raise TrackerError(f"Jira's answer to a search is not a page of issues: {jql[:200]}")
        return page

    @staticmethod
    def _cut(jql: str, why: str) -> str:
        return f"the search was cut ({why}); its results are incomplete: {jql[:200]}"

    def check_conditions(self, conditions: Sequence[str]) -> dict[str, list[str]]:
        """Jira's own parser on each JQL fragment: its errors, by fragment (none: valid).

        Cloud parses them all in one `POST jql/parse?validation=strict`; Data Center has no
        such endpoint, so each fragment is tried as a search for no results with strict
        validation, and a 400 is its errors.
        """
        if not conditions:
            return {}
        if self.is_cloud:
            url = self._jira._get_url("jql/parse")  # noqa: SLF001
            session = self._jira._session  # noqa: SLF001
            body = json.dumps({"queries": list(conditions)})
            response = self._read(
                partial(session.post, url, params={"validation": "strict"}, data=body)
            )
            found = (response.json() or {}).get("queries") or []
            return {str(q.get("query")): list(q.get("errors") or ()) for q in found}
        errors: dict[str, list[str]] = {}
        url = self._jira._get_url("search")  # noqa: SLF001
        session = self._jira._session  # noqa: SLF001
        for condition in conditions:
            params: dict[str, str | int] = {
                "jql": condition,
                "maxResults": 0,
                "validateQuery": "strict",
            }
            try:
                self._read(partial(session.get, url, params=params))
            except TrackerBadRequest as exc:
                errors[condition] = [str(exc)]
            else:
                errors[condition] = []
        return errors

    def evidence(
        self, query: Query, projects: Sequence[str], sample: Sample | None = None
    ) -> list[Issue]:
        """*query* across *projects*: every match, or with a *sample* only what it promises.

        People's changes (`people_only` with `updated`) are read from each issue's history.
        """
        people = query.people_only and "updated" in query.fields
        if sample is not None and people and sample.date_field == "updated":
            return self._people_sample(query, projects, sample)
        if people:
            return self._people_evidence(query, projects)
        if sample is not None:
            return self._sampled(query, projects, sample)
        return self.search(f"{_projects(projects)} AND ({evidence_jql(query)})", query.fields)

    def _sampled(self, query: Query, projects: Sequence[str], sample: Sample) -> list[Issue]:
        """The matches in the window; for a project with too few there, its newest ones.

        The window is one search for all projects; a project with fewer than the sample's
        `at_least` in it gets one short search of its newest matches (several projects at a
        time). A sample without a window reads every match.
        """
        condition = f"({evidence_jql(query)})"
        if sample.within_days is None:
            return self.search(f"{_projects(projects)} AND {condition}", query.fields)
        field = _JQL_DATE[sample.date_field]
        recent = self.search(
            f"{_projects(projects)} AND {condition} AND {field} >= -{sample.within_days}d",
            query.fields,
        )
        found = {issue.key: issue for issue in recent}
        if sample.recent_only:
            return list(found.values())
        counts = Counter(issue.project for issue in recent)
        short = [p for p in projects if counts[p] < sample.at_least]

        def newest(session: requests.Session, project: str) -> list[dict[str, Any]]:
            """The project's newest dated matches; if too few, its undated ones after."""
            jql = f'project = "{project}" AND {condition}'
            dated = f"{jql} AND {field} IS NOT EMPTY ORDER BY {field} DESC"
            raw = self._first_page(dated, query.fields, sample.at_least, session)
            if len(raw) < sample.at_least:
                undated = f"{jql} AND {field} IS EMPTY"
                raw += self._first_page(undated, query.fields, sample.at_least, session)
            return raw

        for raws in self._parallel(newest, short):
            for raw in raws:
                found.setdefault(str(raw.get("key")), self._issue(raw))
        return list(found.values())

    def bot_tasks(self, projects: Sequence[str], fields: Sequence[str]) -> list[Issue]:
        """The bot's label, not in a done status."""
        return self.search(
            f"{_projects(projects)} AND labels = {BOT_LABEL} AND statusCategory != Done", fields
        )

    def tasks_with_fingerprints(
        self, fingerprints: Sequence[str], projects: Sequence[str] | None = None
    ) -> list[Issue]:
        """Every fingerprint label in one search, whatever the project (*projects* aside)."""
        del projects  # one search covers every project: a task moved elsewhere is found too
        labels = ", ".join(f'"{FINGERPRINT_PREFIX}{f}"' for f in fingerprints)
        return self.search(
            f"labels in ({labels}) AND statusCategory != Done", ("summary", "labels", "project")
        )

    def open_issues_in_versions(self, versions: Sequence[tuple[str, str]]) -> list[Issue]:
        """One search over the versions' projects and names, filed by the caller."""
        projects = sorted({project for project, _ in versions})
        names = ", ".join(f'"{name}"' for name in sorted({name for _, name in versions}))
        return self.search(
            f"{_projects(projects)} AND fixVersion in ({names}) AND statusCategory != Done",
            ("summary", "project", "status", "fix_versions"),
        )

    def task(self, key: str) -> Issue | None:
        """GET issue/{key}: read from the database, not the search index; None on 404."""

        def read() -> Any:
            try:
                return self._jira.issue(key, fields="summary,labels,project,status")
            except JIRAError as exc:
                if exc.status_code == HTTP_NOT_FOUND:
                    return None
                raise

        found = self._read(read)
        return None if found is None else self._issue(found.raw)

    def versions(self, project: str) -> list[Version]:
        """The project's versions: as read ahead, else one call."""
        if (ahead := self._versions.get(project)) is not None:
            if isinstance(ahead, TrackerError):
                raise ahead
            return ahead
        found = self._read(lambda: self._jira.project_versions(project))
        return [self._version(v.raw) for v in found]

    @staticmethod
    def _version(raw: dict[str, Any]) -> Version:
        return Version(
            name=_clean(raw.get("name", "")),
            released=bool(raw.get("released")),
            archived=bool(raw.get("archived")),
            release_date=date.fromisoformat(raw["releaseDate"]) if raw.get("releaseDate") else None,
        )

    def boards(self) -> dict[str, list[int]]:
        """Every board, paged, filed under its project's key."""
        found = self._read(lambda: self._jira.boards(maxResults=0))
        by_project: dict[str, list[int]] = {}
        for board in found:
            location = board.raw.get("location") or {}
            key = location.get("projectKey")
            if key:
                by_project.setdefault(key, []).append(int(board.raw["id"]))
        return by_project

    # ------------------------------------------------- what people did, not the bot

    def _people_evidence(self, query: Query, projects: Sequence[str]) -> list[Issue]:
        """The issues people changed, each dated by the newest change not the bot's own.

        Issues only the bot changed are left out. Jira's `updated` moves with the bot's own
        writes (a triage comment, an edit), so the search also reads who made each change:
        the issue's creator, its changelog (`expand=changelog`) and its comments, in the same
        calls. Where Jira shows only part of an issue's history (Cloud's search shows the 40
        newest changes) and the part shown does not explain `updated`, that issue's whole
        history is read (a call or two per such issue, which only the bot's own changes on a
        person's issue can make necessary).
        """
        me = self._myself()
        wanted = list(dict.fromkeys([*query.fields, "created", "creator", "comment", "updated"]))
        jql = f"{_projects(projects)} AND ({evidence_jql(query)})"
        found: list[Issue] = []
        for raw in self._search_expanded(jql, wanted):
            issue = self._issue(raw)
            newest = _newest_by_people(raw, me)
            if _partial(raw) and (newest is None or (issue.updated and newest < issue.updated)):
                newest = _newest_by_people(self._whole_history(raw), me)
            if newest is not None:
                found.append(dataclasses.replace(issue, updated=newest))
        return found

    def _people_sample(self, query: Query, projects: Sequence[str], sample: Sample) -> list[Issue]:
        """Each project's newest change by people within the sample's window, if it has one.

        Looked for in windows that widen from the last day (`ACTIVITY_STAGES`), each one
        search across the projects not yet settled that reads keys and dates only; then the
        newest issues' histories are read in one search by key, to date each by the newest
        change someone other than the bot made. A project is settled once that date is newer
        than anything the wider windows could hold. An active project so costs its newest
        issue, however much history it has.
        """
        window = sample.within_days
        if window is None or not sample.recent_only:
            return self._people_evidence(query, projects)
        now = datetime.now(UTC)
        best: dict[str, tuple[datetime, Issue]] = {}
        remaining = list(projects)
        lower = 0
        for upper in [*(d for d in ACTIVITY_STAGES if d < window), window]:
            if not remaining:
                break
            jql = f"{_projects(remaining)} AND ({evidence_jql(query)}) AND updated >= -{upper}d"
            if lower:
                jql += f" AND updated < -{lower}d"
            candidates: dict[str, list[tuple[datetime, str]]] = {}
            for raw in self._raw_search(jql, ["project", "updated"], size=KEYS_PAGE_SIZE):
                issue = self._issue(raw)
                if issue.updated is not None:
                    candidates.setdefault(issue.project, []).append((issue.updated, issue.key))
            self._people_dates(query, candidates, best, jql)
            edge = now - timedelta(days=upper)
            remaining = [p for p in remaining if p not in best or best[p][0] < edge]
            lower = upper
        # The judge measures the window in its own calendar days: an issue whose newest
        # change by people is older is returned as such and judged too old there.
        return [dataclasses.replace(issue, updated=when) for when, issue in best.values()]

    def _people_dates(
        self,
        query: Query,
        candidates: dict[str, list[tuple[datetime, str]]],
        best: dict[str, tuple[datetime, Issue]],
        stage_jql: str,
    ) -> None:
        """Date candidates by people's newest change, newest first, into *best* by project.

        A candidate whose `updated` is not newer than its project's best cannot beat it and
        ends that project's reading. Each round reads every project's next candidates in one
        search by key (more of them each round); should Jira refuse the list of keys (an
        issue deleted since), the stage's search is read with histories instead.
        """
        me = self._myself()
        wanted = list(dict.fromkeys([*query.fields, "project", "created", "creator", "comment"]))
        queues = {p: sorted(c, reverse=True) for p, c in candidates.items()}
        for round_ in range(VERIFY_ROUNDS):
            keys = [
                key
                for project, waiting in queues.items()
                for key in _next_candidates(waiting, best.get(project), 4**round_)
            ]
            if not keys:
                return
            try:
                raws = self._search_expanded(f"key in ({', '.join(keys)})", wanted)
            except TrackerBadRequest as exc:
                log.warning("jira.people_keys_refused", error=str(exc))
                raws = self._search_expanded(stage_jql, wanted)
                queues.clear()
            for raw in raws:
                issue = self._issue(raw)
                newest = _newest_by_people(raw, me)
                if _partial(raw) and (newest is None or (issue.updated and newest < issue.updated)):
                    newest = _newest_by_people(self._whole_history(raw), me)
                had = best.get(issue.project)
                if newest is not None and (had is None or newest > had[0]):
                    best[issue.project] = (newest, issue)
        if any(queues.values()):
            log.warning("jira.people_dates_cut", rounds=VERIFY_ROUNDS)

    def _myself(self) -> dict[str, str]:
        """Who the bot is in Jira (one call per run): accountId on Cloud, name and key on DC."""
        if self._me is None:
            raw = self._read(self._jira.myself)
            self._me = {k: str(raw[k]) for k in ("accountId", "name", "key") if raw.get(k)}
        return self._me

    def _search_expanded(self, jql: str, fields: list[str]) -> list[dict[str, Any]]:
        """All pages of a search with each issue's changelog, as Jira's JSON."""
        return self._raw_search(jql, fields, "changelog")  # bounded as every search is

    def _whole_history(self, raw: dict[str, Any]) -> dict[str, Any]:
        """*raw* with every change and every comment of the issue, not just those shown."""
        key = raw["key"]
        if self.is_cloud:  # every change, paged, oldest first
            histories = self._paged(f"issue/{key}/changelog", "values")
        else:  # Data Center's expand shows every change
            issue = self._read(lambda: self._jira.issue(key, fields="created", expand="changelog"))
            histories = (issue.raw.get("changelog") or {}).get("histories") or []
        comments = self._paged(f"issue/{key}/comment", "comments")
        fields = {**raw.get("fields", {}), "comment": {"comments": comments}}
        return {**raw, "fields": fields, "changelog": {"histories": histories}}

    def _paged(self, path: str, items: str) -> list[dict[str, Any]]:
        """Every item of a startAt-paged list of one issue's."""
        collected: list[dict[str, Any]] = []
        for _ in range(self.max_pages):
            params = {"startAt": len(collected), "maxResults": 100}
            page = self._read(partial(self._jira._get_json, path, params=params))  # noqa: SLF001
            values = page.get(items) or []
            collected += values
            if not values or len(collected) >= int(page.get("total", 0)):
                return collected
        raise TrackerError(f"the history of an issue was cut (more than {self.max_pages} pages)")

    def _issue(self, raw: dict[str, Any]) -> Issue:
        """The bot's Issue for Jira's JSON; every text in it without bidirectional controls."""
        fields = raw.get("fields") or {}
        status = fields.get("status") or {}
        duedate = fields.get("duedate")
        comments = (fields.get("comment") or {}).get("comments") or []
        issue_type = (fields.get("issuetype") or {}).get("name")
        description = fields.get("description")
        return Issue(
            key=raw["key"],
            project=(fields.get("project") or {}).get("key") or raw["key"].rsplit("-", 1)[0],
            summary=_clean(fields.get("summary") or ""),
            url=f"{self.url}/browse/{raw['key']}",
            issue_type=_clean(issue_type) if issue_type else None,
            status=_clean(status["name"]) if status.get("name") else None,
            status_category=(status.get("statusCategory") or {}).get("key"),
            labels=tuple(_clean(label) for label in fields.get("labels") or ()),
            created=_parse_time(fields.get("created")),
            updated=_parse_time(fields.get("updated")),
            resolved=_parse_time(fields.get("resolutiondate")),
            duedate=date.fromisoformat(duedate) if duedate else None,
            description=_clean(description) if isinstance(description, str) else description,
            votes=int((fields.get("votes") or {}).get("votes") or 0),
            fix_versions=tuple(_clean(v.get("name", "")) for v in fields.get("fixVersions") or ()),
            comments=tuple(
                Comment(id=str(c.get("id")), body=_clean(str(c.get("body") or "")))
                for c in comments
            ),
        )

    # ------------------------------------------------------------------ writes

    def _issue_type(self, project: str) -> str:
        """The configured task type if the project has it, else a Danish or standard one.

        Looked up once per project and run: projects differ ("Task", "Opgave").
        """
        if project not in self._issue_types:
            details = self._read(lambda: self._jira.project(project))
            types = getattr(details, "issueTypes", [])
            self._issue_types[project] = [t.name for t in types if not getattr(t, "subtask", False)]
        names = self._issue_types[project]
        for wanted in (self.task_issue_type, "Task", "Opgave"):
            if wanted in names:
                return wanted
        return names[0] if names else self.task_issue_type

    def _user(self, user: str) -> dict[str, str]:
        """Cloud names users by accountId, Data Center by user name."""
        return {"accountId": user} if self.is_cloud else {"name": user}

    def _task_fields(
        self,
        *,
        summary: str | None,
        description: str | None,
        labels: Sequence[str] | None,
        assignee: str | None,
        due: date | None,
    ) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        if summary is not None:
            fields["summary"] = wiki.fit(summary, wiki.SUMMARY_LIMIT, "…")
        if description is not None:
            fields["description"] = self._fit(description)
        if labels is not None:
            fields["labels"] = list(labels)
        if assignee is not None:
            fields["assignee"] = self._user(assignee)
        if due is not None:
            fields["duedate"] = due.isoformat()
        return fields

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
        """Open a task (project by key, type by name: no look-ups but the type list)."""
        fields = {
            "project": {"key": project},
            "issuetype": {"name": self._issue_type(project)},
            **self._task_fields(
                summary=summary,
                description=description,
                labels=labels,
                assignee=assignee,
                due=due,
            ),
        }
        created = self._without_bad_assignee(
            fields, lambda f: self._jira.create_issue(fields=f, prefetch=False)
        )
        key = created.key
        return Issue(
            key=key,
            project=project,
            summary=fields["summary"],
            url=f"{self.url}/browse/{key}",
            labels=tuple(labels),
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
        """PUT the changed fields (one call)."""
        fields = self._task_fields(
            summary=summary, description=description, labels=labels, assignee=assignee, due=due
        )
        url = self._jira._get_url(f"issue/{key}")  # noqa: SLF001
        session = self._jira._session  # noqa: SLF001
        self._without_bad_assignee(
            fields, lambda f: session.put(url, data=json.dumps({"fields": f}))
        )

    def _fit(self, body: str) -> str:
        """A description or comment cut to what Jira takes, saying so (Jira refuses more)."""
        return wiki.fit(body, wiki.TEXT_LIMIT, "\n\n" + text("task.cut", self.language))

    def comment(self, key: str, body: str) -> str:
        """Add a comment; return its id."""
        body = self._fit(body)
        return str(self._write(lambda: self._jira.add_comment(key, body)).id)

    def edit_comment(self, key: str, comment_id: str, body: str) -> None:
        """PUT the comment's new text (one call; the client's own way reads it first)."""
        url = self._jira._get_url(f"issue/{key}/comment/{comment_id}")  # noqa: SLF001
        session = self._jira._session  # noqa: SLF001
        self._write(partial(session.put, url, data=json.dumps({"body": self._fit(body)})))

    def resolve(self, key: str) -> bool:
        """Take the first transition into a done-category status, whatever it is called."""
        for transition in self._read(lambda: self._jira.transitions(key)):
            category = ((transition.get("to") or {}).get("statusCategory") or {}).get("key")
            if category == "done":
                # Posted directly: the client's transition_issue() sends the id as a number,
                # where Atlassian's spec says string.
                url = self._jira._get_url(f"issue/{key}/transitions")  # noqa: SLF001
                body = json.dumps({"transition": {"id": str(transition["id"])}})
                session = self._jira._session  # noqa: SLF001
                self._write(partial(session.post, url, data=body))
                return True
        return False

    # ------------------------------------------- inspection (os2bot doctor, os2bot product new)

    def kind(self) -> str:
        """The server's kind as its serverInfo said: "cloud" or "datacenter"."""
        return "cloud" if self.is_cloud else "datacenter"

    def _person(self, raw: dict[str, Any]) -> TrackerUser:
        """A user as product files name them: accountId on Cloud, user name on Data Center."""
        ref = str(raw.get("accountId") if self.is_cloud else raw.get("name") or "")
        return TrackerUser(
            ref=ref,
            display_name=_clean(str(raw.get("displayName") or ref)),
            active=bool(raw.get("active", True)),
        )

    def _found(self, call: Callable[[], T]) -> T | None:
        """A read whose 404 means "not there" (or not visible to the bot): None."""

        def read() -> T | None:
            try:
                return call()
            except JIRAError as exc:
                if exc.status_code == HTTP_NOT_FOUND:
                    return None
                raise

        return self._read(read)

    def myself(self) -> TrackerUser:
        """GET myself."""
        return self._person(self._read(self._jira.myself))

    def find_user(self, ref: str) -> TrackerUser | None:
        """GET user by accountId (Cloud) or username (Data Center); None on 404."""
        param = "accountId" if self.is_cloud else "username"
        raw = self._found(lambda: self._jira._get_json("user", params={param: ref}))  # noqa: SLF001
        return None if raw is None else self._person(raw)

    def permissions(self, project: str) -> dict[str, bool] | None:
        """GET mypermissions in the project's context, for every permission the bot uses."""
        raw = self._found(
            lambda: self._jira.my_permissions(
                projectKey=project, permissions=",".join(PERMISSION_KEYS.values())
            )
        )
        if raw is None:
            return None
        held = raw.get("permissions") or {}
        return {
            name: bool((held.get(key) or {}).get("havePermission"))
            for name, key in PERMISSION_KEYS.items()
        }

    def project_facts(self, project: str) -> ProjectFacts | None:
        """GET project/{key} (with lead and issue types), its statuses and its boards."""
        get_json = self._jira._get_json  # noqa: SLF001
        raw = self._found(
            lambda: get_json(f"project/{project}", params={"expand": "lead,issueTypes"})
        )
        if raw is None:
            return None
        by_type = self._read(lambda: get_json(f"project/{project}/statuses"))
        statuses: dict[str, str] = {}
        for issue_type in by_type or ():
            for status in issue_type.get("statuses") or ():
                category = (status.get("statusCategory") or {}).get("key") or ""
                statuses.setdefault(_clean(str(status.get("name") or "")), category)
        try:
            boards = self._read(lambda: self._jira.boards(projectKeyOrID=project, maxResults=0))
        except TrackerUnavailable:
            raise
        except TrackerError as exc:  # no agile API (Jira without Software), or refused
            log.warning("jira.boards_unreadable", project=project, error=str(exc))
            boards = None
        lead = raw.get("lead")
        return ProjectFacts(
            key=str(raw.get("key") or project),
            name=_clean(str(raw.get("name") or project)),
            url=f"{self.url}/browse/{project}",
            lead=self._person(lead) if isinstance(lead, dict) else None,
            issue_types=tuple(
                _clean(str(t.get("name")))
                for t in raw.get("issueTypes") or ()
                if not t.get("subtask")
            ),
            statuses=tuple(statuses.items()),
            boards=None
            if boards is None
            else tuple(
                Board(
                    id=int(b.raw["id"]),
                    name=_clean(str(b.raw.get("name") or "")),
                    project=(b.raw.get("location") or {}).get("projectKey"),
                )
                for b in boards
            ),
        )

    def newest_labelled(self, project: str, label: str) -> Issue | None:
        """One page of one issue: the project's newest with *label*, by creation."""
        value = label.replace("\\", "\\\\").replace('"', '\\"')
        jql = f'project = "{project}" AND labels = "{value}" ORDER BY created DESC'
        issues = self._first_page(jql, ["summary", "labels", "created", "project"], 1)
        return self._issue(issues[0]) if issues else None
