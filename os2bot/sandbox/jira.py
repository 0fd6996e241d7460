# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Jira part of the sandbox: REST v2 and agile boards, for Cloud and Data Center."""

from __future__ import annotations

import base64
import binascii
import bisect
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from itertools import chain
from typing import Any
from zoneinfo import ZoneInfo

from os2bot.sandbox import jql
from os2bot.sandbox.http import Request, Response, jira_error
from os2bot.sandbox.jira_worklog import Worklogs
from os2bot.sandbox.seed import (
    JiraSeed,
    SeedIssue,
    SeedProject,
    SeedStatus,
    SeedUser,
    resolve_date,
)
from os2bot.sandbox.seed import resolve_datetime as seed_datetime

CATEGORIES = {
    "new": {"id": 2, "key": "new", "colorName": "blue-gray", "name": "To Do"},
    "indeterminate": {
        "id": 4,
        "key": "indeterminate",
        "colorName": "yellow",
        "name": "In Progress",
    },
    "done": {"id": 3, "key": "done", "colorName": "green", "name": "Done"},
}

# The fields the sandbox knows, as GET /field lists them (system fields only).
FIELDS: list[tuple[str, str, str, list[str]]] = [
    ("summary", "Summary", "string", ["summary"]),
    ("description", "Description", "string", ["description"]),
    ("issuetype", "Issue Type", "issuetype", ["issuetype", "type"]),
    ("project", "Project", "project", ["project"]),
    ("status", "Status", "status", ["status"]),
    ("labels", "Labels", "array", ["labels"]),
    ("created", "Created", "datetime", ["created", "createdDate"]),
    ("updated", "Updated", "datetime", ["updated", "updatedDate"]),
    ("resolutiondate", "Resolved", "datetime", ["resolved", "resolutiondate"]),
    ("resolution", "Resolution", "resolution", ["resolution"]),
    ("duedate", "Due date", "date", ["due", "duedate"]),
    ("assignee", "Assignee", "user", ["assignee"]),
    ("reporter", "Reporter", "user", ["reporter"]),
    ("creator", "Creator", "user", ["creator"]),
    ("fixVersions", "Fix versions", "array", ["fixVersion"]),
    ("votes", "Votes", "votes", ["votes"]),
    ("comment", "Comment", "comments-page", ["comment"]),
]
# Jira's own limits.
MAX_SUMMARY = 255
MAX_LABEL = 255
MAX_TEXT_FIELD = 32767
SETTABLE = {"project", "issuetype", "summary", "description", "labels", "duedate", "assignee"}

AUTH_REQUIRED = "You are not authenticated. Authentication required to perform this operation."

# How many of an issue's changes `expand=changelog` shows on Cloud: the enhanced search shows
# the 40 most recent (Atlassian's migration notes for search/jql), reading one issue the 100
# most recent; both newest first ("a list of recent updates to an issue, sorted by date,
# starting from the most recent", the v2 description of `expand`). Data Center shows every
# change, oldest first. The whole history is GET issue/{key}/changelog (Cloud), oldest first.
CLOUD_SEARCH_CHANGELOG = 40
CLOUD_ISSUE_CHANGELOG = 100
# How many issues one page of a search holds at most, as Jira grants them (docs/sandbox.md).
# Cloud's search/jql: "API may return fewer items per page where a large number of fields or
# properties are requested. The greatest number of items returned per page is achieved when
# requesting `id` or `key` only. It returns max 5000 issues" (the v2 description of
# maxResults). Atlassian gives no number for "a large number of fields"; the sandbox grants
# 5,000 for a few small fields and 100 — the page Jira's own clients are given — for more,
# for large ones (description, comment, every field) and for any expand. Data Center's search
# is capped by jira.search.views.default.max, 1,000 by default. maxResults defaults to 50 on
# both (the description's default).
DEFAULT_MAX_RESULTS = 50
CLOUD_MAX_PAGE = 5000
CLOUD_HEAVY_PAGE = 100
DATACENTER_MAX_PAGE = 1000
SMALL_FIELDS = frozenset(
    {
        "id",
        "key",
        "summary",
        "issuetype",
        "project",
        "status",
        "labels",
        "created",
        "updated",
        "resolutiondate",
        "resolution",
        "duedate",
        "assignee",
        "reporter",
        "creator",
        "fixVersions",
        "votes",
        "priority",
    }
)
FEW_FIELDS = 10  # more than this many fields is "a large number"
# A search result is reused while nothing was written and, for a query with dates, for this
# long after the moment it was evaluated (a paged Cloud search is evaluated at its first
# page's moment, which its page tokens carry).
RESULT_REUSE = timedelta(seconds=1)
RESULT_CACHE = 64
# Someone who is not the bot: seeded issues are created and changed by people, as in a real
# project. A seed names its own people as users after the bot; without any, this one acts.
SANDBOX_PERSON = SeedUser(
    account_id="712020:0e0b5c6c-0b2b-4007-a5e5-d3e0b0b0a001",
    name="anne.anvender",
    display_name="Anne Anvender",
    email="anne.anvender@example.dk",
)
# The project permissions GET mypermissions answers for: key -> (id, name, description), as
# Jira's built-in permissions are named and numbered ("Built-in permissions",
# developer.atlassian.com/cloud/jira/platform/rest/v2/api-group-permission-schemes/).
PERMISSIONS: dict[str, tuple[str, str, str]] = {
    "BROWSE_PROJECTS": ("10", "Browse Projects", "Ability to browse projects and their issues."),
    "CREATE_ISSUES": ("11", "Create Issues", "Ability to create issues."),
    "EDIT_ISSUES": ("12", "Edit Issues", "Ability to edit issues."),
    "ASSIGN_ISSUES": ("13", "Assign Issues", "Ability to assign issues to other people."),
    "RESOLVE_ISSUES": ("14", "Resolve Issues", "Ability to resolve and reopen issues."),
    "ADD_COMMENTS": ("15", "Add Comments", "Ability to comment on issues."),
    "ASSIGNABLE_USER": ("17", "Assignable User", "Users with this permission may be assigned."),
    "EDIT_OWN_COMMENTS": ("35", "Edit Own Comments", "Ability to edit own comments."),
    "TRANSITION_ISSUES": ("46", "Transition Issues", "Ability to transition issues."),
}
# What a write without its permission is told. The status is the one Atlassian's description
# lists for it (400: "is by a user who does not have the necessary permission", "the user does
# not have permission to transition the issue", "… to edit the comment"); the words are the
# sandbox's own.
NO_PERMISSION = "You do not have the permission {name} in this project."
USER_NOT_FOUND = "Specified user does not exist or you do not have required permissions"


def _fmt(moment: datetime, tz: ZoneInfo, *, rfc3339: bool = False) -> str:
    """Jira's timestamp, in the user's timezone.

    Issue fields carry what Jira really sends (2026-10-13T12:00:00.000+0200); objects that the
    OpenAPI description types as date-time (serverTime, comments) carry RFC 3339 (+02:00), as
    the spec demands.
    """
    local = moment.astimezone(tz)
    offset = local.strftime("%z")
    if rfc3339:
        offset = offset[:3] + ":" + offset[3:]
    return local.strftime("%Y-%m-%dT%H:%M:%S.") + f"{local.microsecond // 1000:03d}" + offset


class JiraFake:
    """State and handlers of the fake Jira."""

    def __init__(self, seed: JiraSeed, now: Callable[[], datetime], base_url: str) -> None:
        """Build projects, users and issues from *seed*, dates relative to *now*."""
        self.seed = seed
        self.now = now
        self.base_url = base_url
        self.tz = ZoneInfo(seed.timezone)
        self.cloud = seed.deployment == "cloud"
        self._lock = threading.RLock()
        self.users = list(seed.users)
        self.projects: dict[str, dict[str, Any]] = {}
        self.workflows: dict[str, list[SeedStatus]] = {}
        self.withheld: dict[str, set[str]] = {}  # project key -> permissions nobody has
        self.boards: list[dict[str, Any]] = []
        self.versions: dict[str, list[dict[str, Any]]] = {}
        self.issues: dict[str, dict[str, Any]] = {}  # by key
        self._by_id: dict[str, dict[str, Any]] = {}
        self._by_project: dict[str, dict[str, dict[str, Any]]] = {}  # project key -> key -> issue
        # What JQL may call a project (its key, id or name, case-folded as the predicate
        # folds them) -> the keys of the projects it names.
        self._project_refs: dict[str, set[str]] = {}
        # What searches derive from the issues, each built when a search first needs it and
        # dropped by every write (`written`), so none outlives one: results by JQL (the moment
        # evaluated, the sorted issues), issues by label (folded), and issues in the order of
        # a date field with their instants.
        self._results: OrderedDict[str, tuple[datetime, list[dict[str, Any]]]] = OrderedDict()
        self._labelled: dict[str, list[dict[str, Any]]] | None = None
        self._dated: dict[str, tuple[list[datetime], list[dict[str, Any]]]] = {}
        self._queries: OrderedDict[str, jql.JqlQuery] = OrderedDict()
        self._users_json: dict[str, dict[str, Any]] = {}
        self._statuses_json: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.comments: dict[str, list[dict[str, Any]]] = {}
        # Every change to an issue's fields, oldest first, with who made it (Jira's changelog).
        self.histories: dict[str, list[dict[str, Any]]] = {}
        if len(self.users) < 2:  # noqa: PLR2004 - the bot and at least one person
            self.users.append(SANDBOX_PERSON)
        self.person = self.users[1]
        self._next_id = 10000
        self._counters: dict[str, int] = {}
        # Jira Cloud's search (search/jql) is eventually consistent: "The API doesn't provide
        # read-after-write consistency by default … The delay might vary from a few seconds
        # to minutes" (developer.atlassian.com/cloud/jira/platform/search-and-reconcile).
        # A test sets index_lag to hold new issues out of Cloud searches for that many
        # seconds, unless named in `reconcileIssues`; reading an issue by key is consistent.
        self.index_lag = 0.0
        self._indexed_at: dict[str, datetime] = {}
        start = now()
        for number, project in enumerate(seed.projects):
            self._add_project(project, number, start)
        for seed_issue in seed.issues:
            for _ in range(seed_issue.count):
                self._add_seed_issue(seed_issue.model_dump(), start)
        self.worklogs = Worklogs(self, seed, start)  # support: worklogs, comments, changes

    # ----------------------------------------------------------------- building state

    def _new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    def _add_project(self, project: SeedProject, number: int, start: datetime) -> None:
        project_id = str(10000 + number)
        types = [
            {
                "self": f"{self.base_url}/rest/api/2/issuetype/{10001 + index}",
                "id": str(10001 + index),
                "name": name,
                "description": "",
                "subtask": False,
                "iconUrl": f"{self.base_url}/images/icons/issuetypes/{name.lower()}.svg",
            }
            for index, name in enumerate(project.issue_types)
        ]
        self.projects[project.key] = {
            "self": f"{self.base_url}/rest/api/2/project/{project_id}",
            "id": project_id,
            "key": project.key,
            "name": project.name,
            "projectTypeKey": "software",
            "simplified": False,
            "style": "classic",
            "isPrivate": False,
            "issueTypes": types,
        }
        for ref in (project.key.casefold(), project_id, project.name.casefold()):
            self._project_refs.setdefault(ref, set()).add(project.key)
        if project.lead:
            self.projects[project.key]["lead"] = self._user_json(self._user(project.lead))
        self.workflows[project.key] = list(project.workflow)
        self.withheld[project.key] = set(project.withheld)
        self._counters[project.key] = 0
        for board in project.boards:
            self.boards.append(
                {
                    "id": board.id,
                    "self": f"{self.base_url}/rest/agile/1.0/board/{board.id}",
                    "name": board.name,
                    "type": board.type,
                    "location": {
                        "projectId": int(project_id),
                        "projectKey": project.key,
                        "projectName": project.name,
                        "displayName": f"{project.name} ({project.key})",
                        "projectTypeKey": "software",
                    },
                }
            )
        self.versions[project.key] = [
            {
                "self": f"{self.base_url}/rest/api/2/version/{20000 + number * 100 + index}",
                "id": str(20000 + number * 100 + index),
                "name": version.name,
                "archived": version.archived,
                "released": version.released,
                "projectId": int(project_id),
                **(
                    {"releaseDate": resolve_date(version.release_date, start, self.tz).isoformat()}
                    if version.release_date
                    else {}
                ),
            }
            for index, version in enumerate(project.versions)
        ]

    def _add_seed_issue(self, raw: dict[str, Any], start: datetime) -> None:
        project = raw["project"]
        workflow = self.workflows[project]
        resolved = seed_datetime(raw["resolved"], start, self.tz) if raw["resolved"] else None
        if raw["status"]:
            status = next(s for s in workflow if s.name == raw["status"])
        else:
            status = next(
                (s for s in workflow if s.category == "done") if resolved else iter(workflow)
            )
        created = seed_datetime(raw["created"], start, self.tz)
        updated = seed_datetime(raw["updated"], start, self.tz) if raw["updated"] else None
        author = self._user(raw["author"]) if raw["author"] else self.person
        fields: dict[str, Any] = {
            "summary": raw["summary"],
            "description": raw["description"],
            "issuetype": self._issue_type(project, raw["type"]),
            "labels": list(raw["labels"]),
            "duedate": resolve_date(raw["duedate"], start, self.tz).isoformat()
            if raw["duedate"]
            else None,
            "assignee": self._user_json(self._user(raw["assignee"])) if raw["assignee"] else None,
            "fixVersions": [v for v in self.versions[project] if v["name"] in raw["fix_versions"]],
            "votes": {"votes": raw["votes"], "hasVoted": False},
        }
        issue = self._store_issue(
            project, fields, status, created, updated or resolved or created, author=author
        )
        # The seed's dates are changes someone made: its author, as the changelog says.
        if resolved:
            issue["fields"]["resolutiondate"] = _fmt(resolved, self.tz)
            issue["fields"]["resolution"] = {"id": "10000", "name": "Done"}
            self._log(
                issue,
                author,
                resolved,
                [
                    _change("status", workflow[0].id, workflow[0].name, status.id, status.name),
                    _change("resolution", None, None, "10000", "Done"),
                ],
            )
        if updated and updated > (resolved or created):
            self._log(issue, author, updated, [_change("description", None, None, None, None)])
        self.written()

    def _store_issue(
        self,
        project: str,
        fields: dict[str, Any],
        status: SeedStatus,
        created: datetime,
        updated: datetime,
        *,
        author: SeedUser,
    ) -> dict[str, Any]:
        self._counters[project] += 1
        key = f"{project}-{self._counters[project]}"
        issue_id = self._new_id()
        project_json = self.projects[project]
        issue = {
            "id": issue_id,
            "key": key,
            "self": f"{self.base_url}/rest/api/2/issue/{issue_id}",
            "fields": {
                "project": {k: project_json[k] for k in ("self", "id", "key", "name")},
                "status": self._status_json(status),
                "created": _fmt(created, self.tz),
                "updated": _fmt(updated, self.tz),
                "resolutiondate": None,
                "resolution": None,
                "reporter": self._user_json(author),
                "creator": self._user_json(author),
                "comment": {"comments": [], "maxResults": 0, "total": 0, "startAt": 0},
                **fields,
            },
        }
        self.issues[key] = issue
        self._by_id[issue_id] = issue
        self._by_project.setdefault(project, {})[key] = issue
        self.written()
        self.comments[key] = []
        self.histories[key] = []
        return issue

    def written(self) -> None:
        """An issue was written: no search result computed before stands any longer.

        Every write path calls this (create, edit, comment, transition, a seed added); code
        that changes `issues` in place from outside must call it too. It drops the cached
        results and the indexes by label and by date; under the lock, so that no search in
        progress keeps a result from before the write.
        """
        with self._lock:
            self._results.clear()
            self._labelled = None
            self._dated.clear()

    def _log(
        self, issue: dict[str, Any], who: SeedUser, when: datetime, items: list[dict[str, str]]
    ) -> None:
        """Record a change to *issue*'s fields by *who* in its changelog."""
        self.written()
        self.histories[issue["key"]].append(
            {
                "id": self._new_id(),
                "author": self._user_json(who),
                "created": _fmt(when, self.tz, rfc3339=True),
                "items": items,
            }
        )

    def _author(self, request: Request) -> SeedUser:
        """Who makes a write: the user the request authenticates as."""
        user = self.authenticate(request)
        assert user is not None  # noqa: S101 - the server authenticates before dispatch
        return user

    def _issue_type(self, project: str, name_or_id: str) -> dict[str, Any]:
        for issue_type in self.projects[project]["issueTypes"]:
            if name_or_id in (issue_type["name"], issue_type["id"]):
                return {k: issue_type[k] for k in ("self", "id", "name", "subtask")}
        raise KeyError(name_or_id)

    def _status_json(self, status: SeedStatus) -> dict[str, Any]:
        """A status as Jira shows it; one shared object per status (never changed in place)."""
        shared = (status.id, status.name, status.category)
        known = self._statuses_json.get(shared)
        if known is not None:
            return known
        category = CATEGORIES[status.category]
        self._statuses_json[shared] = {
            "self": f"{self.base_url}/rest/api/2/status/{status.id}",
            "id": status.id,
            "name": status.name,
            "description": "",
            "iconUrl": f"{self.base_url}/images/icons/statuses/generic.png",
            "statusCategory": {
                "self": f"{self.base_url}/rest/api/2/statuscategory/{category['id']}",
                **category,
            },
        }
        return self._statuses_json[shared]

    def _user(self, name: str) -> SeedUser:
        for user in self.users:
            if name in (user.name, user.account_id, user.email):
                return user
        raise KeyError(name)

    def _user_json(self, user: SeedUser) -> dict[str, Any]:
        """A user as Jira shows one; one shared object per user (never changed in place)."""
        known = self._users_json.get(user.account_id)
        if known is None:
            known = self._users_json[user.account_id] = self._build_user_json(user)
        return known

    def _build_user_json(self, user: SeedUser) -> dict[str, Any]:
        common = {
            "displayName": user.display_name,
            "emailAddress": user.email,
            "active": user.active,
            "timeZone": self.seed.timezone,
        }
        if self.cloud:
            return {
                "self": f"{self.base_url}/rest/api/2/user?accountId={user.account_id}",
                "accountId": user.account_id,
                "accountType": "atlassian",
                **common,
            }
        return {
            "self": f"{self.base_url}/rest/api/2/user?username={user.name}",
            "name": user.name,
            "key": user.name,
            **common,
        }

    # ------------------------------------------------------------------------ auth

    def authenticate(self, request: Request) -> SeedUser | None:
        """The user a request authenticates as: Basic email+token or Bearer PAT."""
        header = request.headers.get("authorization", "")
        scheme, _, credentials = header.partition(" ")
        if scheme.lower() == "bearer":
            return next((u for u in self.users if u.pat and u.pat == credentials), None)
        if scheme.lower() == "basic":
            try:
                email, _, token = base64.b64decode(credentials).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError):
                return None
            return next(
                (u for u in self.users if u.api_token and (u.email, u.api_token) == (email, token)),
                None,
            )
        return None

    # ------------------------------------------------------------------------ routes

    def routes(self) -> list[tuple[str, str, Callable[[Request], Response]]]:
        """(method, path pattern, handler) for every route the fake serves."""
        api = r"/rest/api/2"
        return [
            ("GET", rf"{api}/serverInfo", self.server_info),
            ("GET", rf"{api}/myself", self.myself),
            ("GET", rf"{api}/field", self.fields),
            ("GET", rf"{api}/project", self.project_list),
            ("GET", rf"{api}/project/(?P<key>[^/]+)", self.project),
            ("GET", rf"{api}/project/(?P<key>[^/]+)/versions", self.project_versions),
            ("GET", rf"{api}/project/(?P<key>[^/]+)/statuses", self.project_statuses),
            ("GET", rf"{api}/mypermissions", self.my_permissions),
            ("GET", rf"{api}/user", self.user),
            ("GET", rf"{api}/search/jql", self.search_jql),
            ("POST", rf"{api}/search/jql", self.search_jql),
            ("POST", rf"{api}/jql/parse", self.parse_jql),
            ("GET", rf"{api}/search", self.search),
            ("POST", rf"{api}/search", self.search),
            ("POST", rf"{api}/issue", self.create_issue),
            ("GET", rf"{api}/issue/(?P<key>[^/]+)", self.get_issue),
            ("PUT", rf"{api}/issue/(?P<key>[^/]+)", self.edit_issue),
            ("GET", rf"{api}/issue/(?P<key>[^/]+)/changelog", self.get_changelog),
            ("GET", rf"{api}/issue/(?P<key>[^/]+)/comment", self.get_comments),
            ("POST", rf"{api}/issue/(?P<key>[^/]+)/comment", self.add_comment),
            ("PUT", rf"{api}/issue/(?P<key>[^/]+)/comment/(?P<id>\d+)", self.edit_comment),
            ("GET", rf"{api}/issue/(?P<key>[^/]+)/transitions", self.get_transitions),
            ("POST", rf"{api}/issue/(?P<key>[^/]+)/transitions", self.do_transition),
            ("GET", r"/rest/agile/1\.0/board", self.board_list),
            *self.worklogs.routes(),
        ]

    def server_info(self, _request: Request) -> Response:
        """GET serverInfo: deploymentType follows the seed."""
        now = self.now()
        version = "1001.0.0-SNAPSHOT" if self.cloud else "9.12.15"
        return Response(
            200,
            {
                "baseUrl": self.base_url,
                "displayUrl": self.base_url,
                "version": version,
                "versionNumbers": [int(part) for part in version.split("-", 1)[0].split(".")],
                "deploymentType": "Cloud" if self.cloud else "Server",
                "buildNumber": 100_280 if self.cloud else 9_120_015,
                "buildDate": "2026-01-01T00:00:00.000+00:00",
                "serverTime": _fmt(now, self.tz, rfc3339=True),
                "scmInfo": "0" * 40,
                "serverTitle": "OS2 Jira (sandbox)",
                "serverTimeZone": self.seed.timezone,
            },
        )

    def myself(self, request: Request) -> Response:
        """GET myself: the authenticated user."""
        user = self.authenticate(request)
        assert user is not None  # noqa: S101 - the server authenticates before dispatch
        return Response(200, {**self._user_json(user), "locale": "da_DK"})

    def fields(self, _request: Request) -> Response:
        """GET field: the system fields."""
        return Response(
            200,
            [
                {
                    "id": field_id,
                    "key": field_id,
                    "name": name,
                    "custom": False,
                    "orderable": field_id in SETTABLE,
                    "navigable": True,
                    "searchable": True,
                    "clauseNames": clauses,
                    "schema": {"type": kind, "system": field_id},
                }
                for field_id, name, kind, clauses in FIELDS
            ],
        )

    def _project_or_404(self, key: str) -> dict[str, Any] | Response:
        with self._lock:
            for project in self.projects.values():
                if key in (project["key"], project["id"]):
                    return project
        return jira_error(404, f"No project could be found with key '{key}'.")

    def project_list(self, request: Request) -> Response:
        """GET project: every project; issue types only with `expand=issueTypes`.

        Atlassian's description of `expand`: "`issueTypes` Returns all issue types associated
        with the project."
        """
        expand = _expand(request.arg("expand"))
        keep = "issueTypes" in expand
        with self._lock:
            return Response(
                200,
                [
                    {k: v for k, v in p.items() if keep or k != "issueTypes"}
                    for p in self.projects.values()
                ],
            )

    def project(self, request: Request) -> Response:
        """GET project/{key}: one project with its issue types and lead."""
        found = self._project_or_404(request.params["key"])
        return found if isinstance(found, Response) else Response(200, found)

    def project_statuses(self, request: Request) -> Response:
        """GET project/{key}/statuses: each issue type with the statuses of its workflow.

        "Returns the valid statuses for a project. The statuses are grouped by issue type"
        (Atlassian's description); in the sandbox every type follows the project's workflow.
        """
        found = self._project_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        statuses = [self._status_json(status) for status in self.workflows[found["key"]]]
        return Response(
            200,
            [
                {
                    "self": issue_type["self"],
                    "id": issue_type["id"],
                    "name": issue_type["name"],
                    "subtask": issue_type["subtask"],
                    "statuses": statuses,
                }
                for issue_type in found["issueTypes"]
            ],
        )

    def my_permissions(self, request: Request) -> Response:
        """GET mypermissions: whether the caller holds each permission asked for.

        In a project's context (projectKey or projectId) a permission the seed withholds there
        is not held; an unknown project is a 404, as one the user may not browse is ("Returned
        if the project or issue is not found or the user does not have permission to view the
        project or issue"). Cloud requires the `permissions` list (a 400 without it, "Returned
        if `permissions` is empty, contains an invalid key …"); Data Center answers every
        permission without it.
        """
        wanted = [p for value in request.query.get("permissions", []) for p in value.split(",")]
        wanted = [p.strip() for p in wanted if p.strip()]
        if not wanted and self.cloud:
            return jira_error(400, "The permissions query parameter is required.")
        unknown = [p for p in wanted if p not in PERMISSIONS]
        if unknown:
            return jira_error(400, f"Invalid permission key: {unknown[0]}")
        withheld: set[str] = set()
        key = request.arg("projectId") or request.arg("projectKey")
        if key:
            found = self._project_or_404(key)
            if isinstance(found, Response):
                return found
            withheld = self.withheld[found["key"]]
        return Response(
            200,
            {
                "permissions": {
                    name: {
                        "id": PERMISSIONS[name][0],
                        "key": name,
                        "name": PERMISSIONS[name][1],
                        "type": "PROJECT",
                        "description": PERMISSIONS[name][2],
                        "havePermission": name not in withheld,
                    }
                    for name in wanted or PERMISSIONS
                }
            },
        )

    def user(self, request: Request) -> Response:
        """GET user: one user by accountId on Cloud, by username on Data Center.

        On Cloud `username` and `key` are "no longer available" (Atlassian's description), so
        a user name finds nobody there, and an accountId finds nobody on Data Center: each is
        a 404, "Returned if the user is not found".
        """
        wanted = request.arg("accountId") if self.cloud else request.arg("username")
        with self._lock:
            found = next(
                (u for u in self.users if wanted == (u.account_id if self.cloud else u.name)),
                None,
            )
        if found is None:
            if self.cloud:
                return jira_error(404, USER_NOT_FOUND)
            return jira_error(404, f"The user named '{wanted}' does not exist")
        return Response(200, self._user_json(found))

    def _lacks(self, project: str, permission: str) -> Response | None:
        """The 400 a write gets when nobody in *project* holds *permission*."""
        if permission not in self.withheld.get(project, set()):
            return None
        return jira_error(400, NO_PERMISSION.format(name=PERMISSIONS[permission][1]))

    def project_versions(self, request: Request) -> Response:
        """GET project/{key}/versions, with overdue computed from today."""
        found = self._project_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        today = self.now().astimezone(self.tz).date()
        versions = []
        for version in self.versions[found["key"]]:
            item = dict(version)
            if "releaseDate" in item and not item["released"]:
                item["overdue"] = date.fromisoformat(item["releaseDate"]) < today
            versions.append(item)
        return Response(200, versions)

    def board_list(self, request: Request) -> Response:
        """GET agile board, filtered by projectKeyOrId, paged."""
        project = request.arg("projectKeyOrId")
        with self._lock:
            boards = [
                b
                for b in self.boards
                if project is None
                or project in (b["location"]["projectKey"], str(b["location"]["projectId"]))
            ]
        start = int(request.arg("startAt", "0") or 0)
        size = int(request.arg("maxResults", "50") or 50)
        page = boards[start : start + size]
        return Response(
            200,
            {
                "maxResults": size,
                "startAt": start,
                "total": len(boards),
                "isLast": start + len(page) >= len(boards),
                "values": page,
            },
        )

    # ----------------------------------------------------------------------- search

    def _search_args(self, request: Request) -> dict[str, Any]:
        if request.method == "POST":
            body = request.json() or {}
            fields = body.get("fields")
            return {
                "jql": body.get("jql", ""),
                "fields": fields if isinstance(fields, list) else None,
                "maxResults": body.get("maxResults"),
                "startAt": body.get("startAt", 0),
                "nextPageToken": body.get("nextPageToken"),
                "reconcileIssues": body.get("reconcileIssues") or [],
                "expand": _expand(body.get("expand")),
            }
        fields = [f for value in request.query.get("fields", []) for f in value.split(",") if f]
        return {
            "jql": request.arg("jql", "") or "",
            "fields": fields or None,
            "maxResults": request.arg("maxResults"),
            "startAt": request.arg("startAt", "0"),
            "nextPageToken": request.arg("nextPageToken"),
            "expand": _expand(request.arg("expand")),
        }

    def catch_up_index(self) -> None:
        """The search index has caught up with every write (tests end a lag with this)."""
        with self._lock:
            self._indexed_at.clear()

    def _indexed(self, issue: dict[str, Any], now: datetime, reconcile: set[str]) -> bool:
        """Whether Cloud's search index has caught up with *issue* (or it is reconciled)."""
        due = self._indexed_at.get(issue["id"])
        return due is None or due <= now or issue["id"] in reconcile

    def _query(self, jql_text: str) -> jql.JqlQuery:
        """*jql_text* parsed, once per text (parsing is pure; raises JqlError)."""
        query = self._queries.get(jql_text)
        if query is None:
            query = jql.parse(jql_text)
            self._queries[jql_text] = query
            if len(self._queries) > RESULT_CACHE:
                self._queries.popitem(last=False)
        return query

    def _matching(
        self, jql_text: str, at: datetime | None = None
    ) -> tuple[list[dict[str, Any]], datetime] | Response:
        """Every issue *jql_text* matches, in its order, and the moment it was evaluated at.

        *at* pins the moment (a later page of a paged search); otherwise it is now. A result
        is kept until the next write (see `written`), and a query with dates is reused only
        at its own moment or within RESULT_REUSE after it. Only the projects the query is
        bounded to are looked through.
        """
        try:
            query = self._query(jql_text)
        except jql.JqlError as exc:
            return jira_error(400, *exc.messages)
        with self._lock:
            now = self.now()
            moment = at or now
            cached = self._results.get(jql_text)
            if cached is not None and (
                not query.timed
                or cached[0] == moment
                or (at is None and timedelta(0) <= now - cached[0] <= RESULT_REUSE)
            ):
                self._results.move_to_end(jql_text)
                return cached[1], cached[0]
            missing = [
                value
                for value in query.values_of("project")
                if value.casefold() not in self._project_refs
            ]
            if missing:
                return jira_error(
                    400,
                    *(
                        f"The value '{value}' does not exist for the field 'project'."
                        for value in missing
                    ),
                )
            found = [
                issue
                for issue in self._candidates(query, moment)
                if query.matches(issue, moment, self.tz)
            ]
            result = query.sort(found)
            self._results[jql_text] = (moment, result)
            if len(self._results) > RESULT_CACHE:
                self._results.popitem(last=False)
        return result, moment

    def _candidates(self, query: jql.JqlQuery, moment: datetime) -> Iterable[dict[str, Any]]:
        """The issues *query* could match, the narrowest way it is bounded.

        By its keys, its labels, a date floor (`updated >= -1d`) or its projects; every
        candidate is still judged by the whole query.
        """
        if query.keys is not None:
            found = (self.issues.get(k.upper()) or self._by_id.get(k) for k in query.keys)
            return {id(i): i for i in found if i is not None}.values()
        if query.labels is not None:
            by_label = self._by_label()
            return {id(i): i for v in query.labels for i in by_label.get(v, ())}.values()
        floors = query.floors(moment, self.tz)
        if floors:
            field, floor = max(floors, key=lambda pair: pair[1])
            instants, issues = self._by_date(field)
            return issues[bisect.bisect_left(instants, floor - timedelta(seconds=1)) :]
        if query.projects is None:
            return self.issues.values()
        keys = {key for ref in query.projects for key in self._project_refs.get(ref, ())}
        return chain.from_iterable(self._by_project.get(key, {}).values() for key in sorted(keys))

    def _by_date(self, field: str) -> tuple[list[datetime], list[dict[str, Any]]]:
        """The issues with a date in *field*, oldest first, and their instants.

        Rebuilt when a search needs it after a write.
        """
        built = self._dated.get(field)
        if built is None:
            dated = [(when, i) for i in self.issues.values() if (when := jql.instant(field, i))]
            dated.sort(key=lambda pair: pair[0])
            built = self._dated[field] = ([w for w, _ in dated], [i for _, i in dated])
        return built

    def _by_label(self) -> dict[str, list[dict[str, Any]]]:
        """Issues by label, folded as the JQL scope folds; rebuilt after a write."""
        if self._labelled is None:
            index: dict[str, list[dict[str, Any]]] = {}
            for issue in self.issues.values():
                for label in issue["fields"].get("labels") or ():
                    index.setdefault(str(label).casefold(), []).append(issue)
            self._labelled = index
        return self._labelled

    def _page_size(self, requested: Any, args: dict[str, Any]) -> int:
        """The issues one page holds: what was asked (default 50), at most what Jira grants.

        Cloud grants 5,000 for a few small fields and 100 for more or larger ones or any
        expand; Data Center 1,000 (see CLOUD_MAX_PAGE). A seed's `page_size` lowers either.
        """
        try:
            size = int(requested) if requested not in (None, "") else DEFAULT_MAX_RESULTS
        except (TypeError, ValueError):
            size = DEFAULT_MAX_RESULTS
        granted = self.largest_page(args["fields"], args["expand"])
        if self.seed.page_size is not None:
            granted = min(granted, self.seed.page_size)
        return max(1, min(size, granted))

    def largest_page(self, fields: list[str] | None, expand: frozenset[str]) -> int:
        """The largest page this deployment grants for *fields* and *expand* (rule above)."""
        if not self.cloud:
            return DATACENTER_MAX_PAGE
        # search/jql's default is `id` only ("The default is `id`").
        wanted = {f.strip() for f in fields or ["id"] if f.strip()}
        light = not expand and len(wanted) <= FEW_FIELDS and all(f in SMALL_FIELDS for f in wanted)
        return CLOUD_MAX_PAGE if light else CLOUD_HEAVY_PAGE

    def search_jql(self, request: Request) -> Response:
        """GET/POST search/jql: Cloud's search, paged with nextPageToken."""
        if not self.cloud:
            return jira_error(404, "null for uri: " + request.path)
        args = self._search_args(request)
        token = _decode_token(args["nextPageToken"], args["jql"])
        if token is None:
            return jira_error(400, "The provided next page token is invalid or expired.")
        start, pinned = token
        found = self._matching(args["jql"], pinned)
        if isinstance(found, Response):
            return found
        matching, moment = found
        now = self.now()
        reconcile = {str(i) for i in args.get("reconcileIssues") or ()}
        if self._indexed_at:  # some issue is still on its way into the index
            matching = [i for i in matching if self._indexed(i, now, reconcile)]
        size = self._page_size(args["maxResults"], args)
        page = matching[start : start + size]
        fields = args["fields"] or ["id"]  # "By default, this resource returns IDs only"
        body: dict[str, Any] = {
            "issues": [
                self._project_fields(i, fields, args["expand"], CLOUD_SEARCH_CHANGELOG)
                for i in page
            ],
            "isLast": start + size >= len(matching),
        }
        if start + size < len(matching):
            body["nextPageToken"] = _encode_token(start + size, args["jql"], moment)
        return Response(200, body)

    def parse_jql(self, request: Request) -> Response:
        """POST jql/parse (Cloud): each query parsed and validated, its errors in Jira's words.

        A query that is valid gets its structure, which the bot does not read; the sandbox
        sends an empty one (the schema allows it).
        """
        if not self.cloud:
            return jira_error(404, "null for uri: " + request.path)
        if request.arg("validation") not in {"strict", "warn", "none"}:
            return jira_error(400, "The validation parameter is required.")
        try:
            body = request.json() or {}
        except ValueError:
            return jira_error(400, "Unexpected character in the request body.")
        queries = body.get("queries")
        if not isinstance(queries, list) or not queries:
            return jira_error(400, "The queries field is required.")
        parsed = []
        for query in queries:
            try:
                jql.parse(str(query))
            except jql.JqlError as exc:
                parsed.append({"query": query, "errors": list(dict.fromkeys(exc.messages))})
            else:
                parsed.append({"query": query, "structure": {}})
        return Response(200, {"queries": parsed})

    def search(self, request: Request) -> Response:
        """GET/POST search: Data Center's search, paged with startAt (removed on Cloud)."""
        if self.cloud:
            return jira_error(
                410,
                "The requested API has been removed. Please migrate to the "
                "/rest/api/3/search/jql API. A full migration guideline is available at "
                "https://developer.atlassian.com/changelog/#CHANGE-2046",
            )
        args = self._search_args(request)
        found = self._matching(args["jql"])
        if isinstance(found, Response):
            return found
        matching = found[0]
        size = self._page_size(args["maxResults"], args)
        try:
            start = max(0, int(args["startAt"] or 0))
        except (TypeError, ValueError):
            return jira_error(400, "startAt must be a number.")
        page = matching[start : start + size]
        return Response(
            200,
            {
                "expand": "schema,names",
                "startAt": start,
                "maxResults": size,
                "total": len(matching),
                "issues": [self._project_fields(i, args["fields"], args["expand"]) for i in page],
            },
        )

    def _project_fields(
        self,
        issue: dict[str, Any],
        wanted: list[str] | None,
        expand: frozenset[str] = frozenset(),
        cloud_changelog: int = CLOUD_ISSUE_CHANGELOG,
    ) -> dict[str, Any]:
        """The issue with only the *wanted* fields (Jira's fields parameter), and *expand*.

        `changelog` in *expand* adds the issue's changes, as many and in the order the
        deployment shows them (see CLOUD_SEARCH_CHANGELOG).
        """
        everything = issue["fields"]
        named = {f for f in wanted or () if not f.startswith("-")}
        # Exclusions alone start from every field: `-description` "Returns all navigable
        # (default) fields except description" (Atlassian's description of `fields`).
        every = not named or "*all" in named or "*navigable" in named
        chosen = set(everything) if every else named
        chosen -= {f[1:] for f in (wanted or []) if f.startswith("-")}
        fields = {k: v for k, v in everything.items() if k in chosen}
        if "comment" in fields:
            comments = self.comments.get(issue["key"], [])
            fields["comment"] = {
                "comments": comments,
                "maxResults": len(comments),
                "total": len(comments),
                "startAt": 0,
            }
        bean: dict[str, Any] = {
            "expand": "operations,versionedRepresentations,editmeta,changelog,renderedFields",
            "id": issue["id"],
            "key": issue["key"],
            "self": issue["self"],
            "fields": fields,
        }
        if "changelog" in expand:
            histories = list(self.histories.get(issue["key"], []))
            if self.cloud:
                histories = histories[::-1][:cloud_changelog]
            bean["changelog"] = {
                "startAt": 0,
                "maxResults": len(histories),
                "total": len(self.histories.get(issue["key"], [])),
                "histories": histories,
            }
        return bean

    # ----------------------------------------------------------------------- issues

    def _issue_or_404(self, key: str) -> dict[str, Any] | Response:
        with self._lock:
            issue = self.issues.get(key) or self._by_id.get(key)
            if issue is not None:
                return issue
        return jira_error(404, "Issue does not exist or you do not have permission to see it.")

    def get_issue(self, request: Request) -> Response:
        """GET issue/{key}."""
        found = self._issue_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        fields = [f for value in request.query.get("fields", []) for f in value.split(",") if f]
        expand = _expand(request.arg("expand"))
        return Response(200, self._project_fields(found, fields or None, expand))

    def get_changelog(self, request: Request) -> Response:
        """GET issue/{key}/changelog: every change, oldest first, paged (Cloud only)."""
        if not self.cloud:
            return jira_error(404, "null for uri: " + request.path)
        found = self._issue_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        try:
            start = max(0, int(request.arg("startAt", "0") or 0))
            size = max(1, min(int(request.arg("maxResults", "100") or 100), 100))
        except ValueError:
            return jira_error(400, "startAt and maxResults must be numbers.")
        with self._lock:
            histories = list(self.histories[found["key"]])
        page = histories[start : start + size]
        link = f"{self.base_url}/rest/api/2/issue/{found['key']}/changelog"
        body: dict[str, Any] = {
            "self": f"{link}?startAt={start}&maxResults={size}",
            "maxResults": size,
            "startAt": start,
            "total": len(histories),
            "isLast": start + size >= len(histories),
            "values": page,
        }
        if not body["isLast"]:
            body["nextPage"] = f"{link}?startAt={start + size}&maxResults={size}"
        return Response(200, body)

    def _check_fields(self, fields: dict[str, Any], project: str) -> dict[str, str]:
        """Jira's validation of settable fields, as the `errors` map of a 400.

        Without the Assign Issues permission the assignee is not on the screen.
        """
        settable = SETTABLE - ({"assignee"} if "ASSIGN_ISSUES" in self.withheld[project] else set())
        errors: dict[str, str] = {
            name: f"Field '{name}' cannot be set. It is not on the appropriate screen, or unknown."
            for name in fields
            if name not in settable
        }
        if "labels" in fields and (problem := _label_problem(fields["labels"])):
            errors["labels"] = problem
        summary = str(fields.get("summary") or "")
        if "summary" in fields and not summary.strip():
            errors["summary"] = "You must specify a summary of the issue."
        elif len(summary) > MAX_SUMMARY:
            errors["summary"] = "Summary must be less than 255 characters."
        if len(str(fields.get("description") or "")) > MAX_TEXT_FIELD:
            errors["description"] = (
                "The entered text is too long. It exceeds the allowed limit of 32,767 characters."
            )
        if (
            "assignee" not in errors
            and fields.get("assignee") is not None
            and (problem := self._assignee_problem(fields))
        ):
            errors["assignee"] = problem
        if fields.get("duedate") is not None:
            try:
                date.fromisoformat(str(fields["duedate"]))
            except ValueError:
                errors["duedate"] = "Error parsing date string: " + str(fields["duedate"])
        return errors

    def _assignee_problem(self, fields: dict[str, Any]) -> str | None:
        """Cloud names users by accountId, Data Center by name; anything else is refused."""
        assignee = fields["assignee"]
        id_field = "accountId" if self.cloud else "name"
        if not isinstance(assignee, dict) or not assignee.get(id_field):
            return f"The assignee must be given by {id_field}."
        known = {u.account_id if self.cloud else u.name for u in self.users}
        if assignee[id_field] not in known:
            return f"Specified assignee {assignee[id_field]} does not exist."
        return None

    def _assignee_json(self, assignee: dict[str, Any] | None) -> dict[str, Any] | None:
        if assignee is None:
            return None
        wanted = assignee.get("accountId") if self.cloud else assignee.get("name")
        return self._user_json(self._user(str(wanted)))

    def create_issue(self, request: Request) -> Response:
        """POST issue: create, with Jira's field validation."""
        try:
            body = request.json()
        except ValueError:
            return jira_error(400, "Unexpected character in the request body.")
        fields = dict((body or {}).get("fields") or {})
        project_ref = fields.get("project") or {}
        with self._lock:
            project = next(
                (
                    p["key"]
                    for p in self.projects.values()
                    if project_ref.get("key") == p["key"] or project_ref.get("id") == p["id"]
                ),
                None,
            )
            if project is None:
                return jira_error(400, project="valid project is required")
            if refused := self._lacks(project, "CREATE_ISSUES"):
                return refused
            type_ref = fields.get("issuetype") or {}
            try:
                issue_type = self._issue_type(
                    project, str(type_ref.get("id") or type_ref.get("name") or "")
                )
            except KeyError:
                return jira_error(400, issuetype="valid issue type is required")
            if "summary" not in fields:
                return jira_error(400, summary="You must specify a summary of the issue.")
            errors = self._check_fields(fields, project)
            if errors:
                return jira_error(400, **errors)
            now = self.now()
            issue = self._store_issue(
                project,
                {
                    "summary": fields["summary"],
                    "description": fields.get("description"),
                    "issuetype": issue_type,
                    "labels": list(fields.get("labels") or []),
                    "duedate": fields.get("duedate"),
                    "assignee": self._assignee_json(fields.get("assignee")),
                    "fixVersions": [],
                    "votes": {"votes": 0, "hasVoted": False},
                },
                self.workflows[project][0],
                now,
                now,
                author=self._author(request),
            )
            if self.index_lag:
                self._indexed_at[issue["id"]] = now + timedelta(seconds=self.index_lag)
        return Response(201, {"id": issue["id"], "key": issue["key"], "self": issue["self"]})

    def edit_issue(self, request: Request) -> Response:
        """PUT issue/{key}: set fields, or add/remove labels through `update`."""
        found = self._issue_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        try:
            body = request.json() or {}
        except ValueError:
            return jira_error(400, "Unexpected character in the request body.")
        fields = dict(body.get("fields") or {})
        for forbidden in ("project", "issuetype"):
            if forbidden in fields:
                return jira_error(400, **{forbidden: f"Field '{forbidden}' cannot be set here."})
        project = found["fields"]["project"]["key"]
        if refused := self._lacks(project, "EDIT_ISSUES"):
            return refused
        errors = self._check_fields(fields, project)
        if errors:
            return jira_error(400, **errors)
        with self._lock:
            target = found["fields"]
            before = dict(target)
            for name, value in fields.items():
                target[name] = self._assignee_json(value) if name == "assignee" else value
            target["labels"] = _updated_labels(
                target["labels"], (body.get("update") or {}).get("labels", [])
            )
            items = [
                _field_change(name, before.get(name), target.get(name))
                for name in sorted(set(fields) | {"labels"})
                if before.get(name) != target.get(name)
            ]
            if items:  # Jira logs a change, and moves `updated`, only when something changed
                now = self.now()
                self._log(found, self._author(request), now, items)
                target["updated"] = _fmt(now, self.tz)
            self.written()
        return Response(204)

    def _comment_json(
        self, key: str, comment_id: str, body: str, when: datetime, who: SeedUser
    ) -> dict[str, Any]:
        author = self._user_json(who)
        issue_id = self.issues[key]["id"]
        return {
            "self": f"{self.base_url}/rest/api/2/issue/{issue_id}/comment/{comment_id}",
            "id": comment_id,
            "author": author,
            "updateAuthor": author,
            "body": body,
            "created": _fmt(when, self.tz, rfc3339=True),
            "updated": _fmt(when, self.tz, rfc3339=True),
            "jsdPublic": True,
        }

    def get_comments(self, request: Request) -> Response:
        """GET issue/{key}/comment."""
        found = self._issue_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        with self._lock:
            comments = list(self.comments[found["key"]])
        return Response(
            200,
            {
                "startAt": 0,
                "maxResults": len(comments),
                "total": len(comments),
                "comments": comments,
            },
        )

    def add_comment(self, request: Request) -> Response:
        """POST issue/{key}/comment."""
        found = self._issue_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        try:
            body = (request.json() or {}).get("body")
        except ValueError:
            return jira_error(400, "Unexpected character in the request body.")
        if not isinstance(body, str) or not body.strip():
            return jira_error(400, comment="Comment body can not be empty!")
        if refused := self._lacks(found["fields"]["project"]["key"], "ADD_COMMENTS"):
            return refused
        with self._lock:
            comment = self._comment_json(
                found["key"], self._new_id(), body, self.now(), self._author(request)
            )
            self.comments[found["key"]].append(comment)
            found["fields"]["updated"] = comment["updated"]
            self.written()
        return Response(201, comment)

    def edit_comment(self, request: Request) -> Response:
        """PUT issue/{key}/comment/{id}."""
        found = self._issue_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        body = (request.json() or {}).get("body")
        if refused := self._lacks(found["fields"]["project"]["key"], "EDIT_OWN_COMMENTS"):
            return refused
        with self._lock:
            for comment in self.comments[found["key"]]:
                if comment["id"] == request.params["id"]:
                    now = self.now()
                    comment["body"] = body
                    comment["updated"] = _fmt(now, self.tz, rfc3339=True)
                    comment["updateAuthor"] = self._user_json(self._author(request))
                    found["fields"]["updated"] = _fmt(now, self.tz)
                    self.written()
                    return Response(200, comment)
        return jira_error(404, "Can not find a comment for the id: " + request.params["id"])

    def _transitions(self, issue: dict[str, Any]) -> list[dict[str, Any]]:
        """The transitions the user may take: none without Transition Issues."""
        project = issue["fields"]["project"]["key"]
        if "TRANSITION_ISSUES" in self.withheld[project]:
            return []
        workflow = self.workflows[project]
        current = issue["fields"]["status"]["id"]
        return [
            {
                "id": str(11 + index * 10),
                "name": status.name,
                "to": self._status_json(status),
                "hasScreen": False,
                "isGlobal": True,
                "isInitial": False,
                "isAvailable": True,
                "isConditional": False,
                "isLooped": False,
            }
            for index, status in enumerate(workflow)
            if status.id != current
        ]

    def get_transitions(self, request: Request) -> Response:
        """GET issue/{key}/transitions: every other status of the project's workflow."""
        found = self._issue_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        with self._lock:
            return Response(200, {"expand": "transitions", "transitions": self._transitions(found)})

    def do_transition(self, request: Request) -> Response:
        """POST issue/{key}/transitions: move the issue, set or clear its resolution."""
        found = self._issue_or_404(request.params["key"])
        if isinstance(found, Response):
            return found
        body = request.json() or {}
        wanted = str((body.get("transition") or {}).get("id", ""))
        with self._lock:
            transition = next((t for t in self._transitions(found) if t["id"] == wanted), None)
            if transition is None:
                return jira_error(
                    400,
                    "It seems that you have tried to perform a workflow operation "
                    f"({wanted}) that is not valid for the current state of this issue "
                    f"({found['key']}).",
                )
            now = self.now()
            fields = found["fields"]
            who = self._author(request)
            was, resolution = fields["status"], fields["resolution"]
            fields["status"] = transition["to"]
            done = transition["to"]["statusCategory"]["key"] == "done"
            fields["resolutiondate"] = _fmt(now, self.tz) if done else None
            fields["resolution"] = {"id": "10000", "name": "Done"} if done else None
            fields["updated"] = _fmt(now, self.tz)
            items = [_change("status", was["id"], was["name"], *_id_name(transition["to"]))]
            if resolution != fields["resolution"]:
                items.append(
                    _change("resolution", *_id_name(resolution), *_id_name(fields["resolution"]))
                )
            self._log(found, who, now, items)
            for comment in (body.get("update") or {}).get("comment", []):
                text = (comment.get("add") or {}).get("body")
                if text:
                    self.comments[found["key"]].append(
                        self._comment_json(found["key"], self._new_id(), text, now, who)
                    )
            self.written()
        return Response(204)

    # ----------------------------------------------------------------- inspection

    def add_issue(self, **seed: Any) -> dict[str, Any]:
        """Add an issue as a seed file would (dates relative to now), e.g. during a test."""
        raw = SeedIssue.model_validate(seed).model_dump()
        with self._lock:
            self._add_seed_issue(raw, self.now())
            return self.issues[f"{raw['project']}-{self._counters[raw['project']]}"]

    def issues_with_label(self, label: str) -> list[dict[str, Any]]:
        """Issues carrying *label* (for tests and the demo's account)."""
        with self._lock:
            return [i for i in self.issues.values() if label in i["fields"]["labels"]]


def _expand(value: Any) -> frozenset[str]:
    """Jira's `expand`: what to add to each issue, comma-separated.

    Data Center's POST search takes a list instead.
    """
    parts = value if isinstance(value, list) else str(value or "").split(",")
    return frozenset(str(p).strip() for p in parts if str(p).strip())


def _change(
    field: str, from_id: str | None, from_text: str | None, to_id: str | None, to_text: str | None
) -> dict[str, str]:
    """One item of a change, as Jira's changelog gives it (values it has are strings)."""
    item = {
        "field": field,
        "fieldtype": "jira",
        "fieldId": field,
        "from": from_id,
        "fromString": from_text,
        "to": to_id,
        "toString": to_text,
    }
    return {k: v for k, v in item.items() if v is not None}


def _id_name(value: dict[str, Any] | None) -> tuple[str | None, str | None]:
    """The id and name of a status or resolution, or none."""
    return (str(value["id"]), str(value["name"])) if value else (None, None)


def _field_change(name: str, before: Any, after: Any) -> dict[str, str]:
    """A field edit as a changelog item: users by their id and name, labels space-separated."""

    def shown(value: Any) -> tuple[str | None, str | None]:
        if value is None:
            return None, None
        if isinstance(value, dict):  # a user
            return value.get("accountId") or value.get("name"), value.get("displayName")
        if isinstance(value, list):
            return None, " ".join(map(str, value))
        return None, str(value)

    return _change(name, *shown(before), *shown(after))


def _label_problem(labels: Any) -> str | None:
    """Jira's complaint about *labels*, if it has one."""
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        return "Labels must be a list of strings."
    for label in labels:
        if " " in label:
            return f"The label '{label}' contains spaces which is invalid."
        if len(label) > MAX_LABEL:
            return f"The label '{label}' exceeds the maximum length of 255 characters."
    return None


def _updated_labels(labels: list[str], operations: list[dict[str, Any]]) -> list[str]:
    """Labels after an edit's `update.labels` operations (add, remove, set)."""
    result = list(labels)
    for operation in operations:
        if "set" in operation:
            result = list(operation["set"])
        if "add" in operation and operation["add"] not in result:
            result.append(operation["add"])
        if "remove" in operation and operation["remove"] in result:
            result.remove(operation["remove"])
    return result


def _encode_token(offset: int, jql_text: str, moment: datetime) -> str:
    """A page token: where the next page starts, the query's digest, the moment it is read at."""
    digest = hashlib.sha256(jql_text.encode()).hexdigest()[:8]
    stamp = moment.astimezone(UTC).isoformat()
    return base64.urlsafe_b64encode(f"{offset}:{digest}:{stamp}".encode()).decode()


def _decode_token(token: str | None, jql_text: str) -> tuple[int, datetime | None] | None:
    """The offset and moment in a page token; None when the token is not one for this query."""
    if not token:
        return 0, None
    try:
        text = base64.urlsafe_b64decode(token.encode()).decode()
        offset, digest, stamp = text.split(":", 2)
        if digest != hashlib.sha256(jql_text.encode()).hexdigest()[:8]:
            return None
        return int(offset), datetime.fromisoformat(stamp)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


def utc_now() -> datetime:
    """The real current time (the sandbox's default clock)."""
    return datetime.now(UTC)
