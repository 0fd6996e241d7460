# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""GitHub's GraphQL API in the sandbox: queries executed against GitHub's own schema.

graphql-core parses, validates and executes each query against GitHub's schema (the SDL GitHub
publishes, in data/github-schema.graphql.gz), so a field GitHub does not have fails here as it
would there, and every answer is shaped by GitHub's types. The resolvers below serve the part
of the schema os2bot reads: a repository's issues, pull requests, milestones, releases and
Git objects (trees and blobs), and the viewer.

What the sandbox believes about GitHub's GraphQL (docs/sandbox.md):
- `issues(labels: [...])` matches issues carrying *any* of the labels (the GitHub CLI, which
  passes its --label list to this argument, was reported to list either label:
  github.com/cli/cli/issues/419); `filterBy.since` keeps issues updated at or after it.
- A repository that does not exist, or that the token may not read, is `null` with an error
  of type NOT_FOUND beside the other data, as GitHub answers.
- Connections page with `first`/`after` (at most 100), giving `pageInfo.endCursor`.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from graphql import GraphQLError, GraphQLSchema, build_schema, graphql_sync

from os2bot.sandbox.github import GhIssue, GhMilestone, GhRepo, GitHubFake, iso
from os2bot.sandbox.http import Request, Response

SCHEMA_FILE = Path(__file__).resolve().parent / "data" / "github-schema.graphql.gz"
MAX_PAGE = 100

# Timeline items by GraphQL type name, as IssueTimelineItemsItemType names them.
ITEM_TYPES = {
    "IssueComment": "ISSUE_COMMENT",
    "ClosedEvent": "CLOSED_EVENT",
    "ReopenedEvent": "REOPENED_EVENT",
    "LabeledEvent": "LABELED_EVENT",
    "UnlabeledEvent": "UNLABELED_EVENT",
    "AssignedEvent": "ASSIGNED_EVENT",
    "RenamedTitleEvent": "RENAMED_TITLE_EVENT",
    "MilestonedEvent": "MILESTONED_EVENT",
}


@functools.cache
def schema() -> GraphQLSchema:
    """GitHub's schema, built once per process (about a second and a half).

    GitHub's SDL does not pass graphql-core's own checks of a schema (duplicate fields,
    deprecation rules), so it is built as valid and those checks are cleared; queries are
    still validated against it.
    """
    sdl = gzip.decompress(SCHEMA_FILE.read_bytes()).decode("utf-8")
    built = build_schema(sdl, assume_valid_sdl=True)
    built._validation_errors = []  # noqa: SLF001 - see the docstring
    return built


def execute(fake: GitHubFake, request: Request) -> Response:
    """POST /api/graphql: run the query; errors beside data as GitHub gives them."""
    try:
        body = request.json()
    except ValueError:
        return Response(400, {"message": "Problems parsing JSON", "documentation_url": ""})
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        return Response(
            400, {"message": "A query attribute must be specified and must be a string."}
        )
    with fake.lock:
        result = graphql_sync(
            schema(),
            body["query"],
            root_value=_Root(fake).value(),
            variable_values=body.get("variables") or {},
        )
    answer: dict[str, Any] = {}
    if result.errors:
        answer["errors"] = [_error(e) for e in result.errors]
    if result.data is not None or not result.errors:
        answer["data"] = result.data
    return Response(200, answer)


def _error(error: GraphQLError) -> dict[str, Any]:
    """An error as GitHub writes it: its `type` beside message, path and locations."""
    formatted: dict[str, Any] = dict(error.formatted)
    extensions = formatted.pop("extensions", None) or {}
    if isinstance(extensions, dict) and "type" in extensions:
        formatted = {"type": extensions["type"], **formatted}
    return formatted


def _cursor(index: int) -> str:
    return base64.b64encode(f"cursor:v2:{index}".encode()).decode()


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        return int(base64.b64decode(cursor).decode().rsplit(":", 1)[1]) + 1
    except (ValueError, IndexError) as exc:
        raise GraphQLError(f"`{cursor}` does not appear to be a valid cursor.") from exc


def connection(items: Sequence[Any], args: dict[str, Any]) -> dict[str, Any]:
    """A page of *items* as GitHub's connections give it (nodes, edges, pageInfo, totalCount)."""
    first, last = args.get("first"), args.get("last")
    if first is None and last is None:
        raise GraphQLError(
            "You must provide a `first` or `last` value to properly paginate the connection."
        )
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= MAX_PAGE:
            raise GraphQLError(
                f"Requesting {value} records on the connection exceeds the `{name}` limit of "
                "100 records."
            )
    start = _offset(args.get("after"))
    end = len(items)
    if args.get("before"):
        end = min(end, _offset(args["before"]) - 1)
    indexed = list(enumerate(items))[start:end]
    if first is not None:
        page = indexed[:first]
        more = len(indexed) > first
    else:
        page = indexed[max(0, len(indexed) - (last or 0)) :]
        more = False
    return {
        "nodes": [node for _, node in page],
        "edges": [{"node": node, "cursor": _cursor(i)} for i, node in page],
        "totalCount": len(items),
        "pageInfo": {
            "hasNextPage": more,
            "hasPreviousPage": bool(page) and page[0][0] > 0,
            "startCursor": _cursor(page[0][0]) if page else None,
            "endCursor": _cursor(page[-1][0]) if page else None,
        },
    }


def _ordered(items: Iterable[Any], order: dict[str, Any] | None, keys: dict[str, str]) -> list[Any]:
    """*items* in the order asked (orderBy: {field, direction}), else by creation."""
    field_name = keys.get((order or {}).get("field", ""), "created")
    reverse = (order or {}).get("direction") == "DESC"
    return sorted(items, key=lambda item: getattr(item, field_name), reverse=reverse)


class _Root:
    """The query root and every object below it, as dicts whose callables take arguments."""

    def __init__(self, fake: GitHubFake) -> None:
        self.fake = fake

    def value(self) -> dict[str, Any]:
        return {
            "viewer": self.actor(self.fake.seed.bot),
            "repository": self.repository,
            "rateLimit": self.rate_limit,
        }

    def rate_limit(self, _info: Any, **_args: Any) -> dict[str, Any]:
        limit = self.fake.limits["graphql"]
        reset = datetime.fromtimestamp(limit.reset, tz=self.fake.now().tzinfo)
        return {
            "cost": 1,
            "limit": limit.limit,
            "nodeCount": 0,
            "remaining": limit.remaining,
            "resetAt": iso(reset),
            "used": limit.used,
        }

    def actor(self, login: str) -> dict[str, Any]:
        return {"__typename": "User", "login": login, "url": f"{self.fake.web}/{login}"}

    def repository(self, _info: Any, owner: str, name: str, **_args: Any) -> dict[str, Any]:
        repo = self.fake.repos.get(f"{owner}/{name}".lower())
        if repo is None or not repo.readable:
            raise GraphQLError(
                f"Could not resolve to a Repository with the name '{owner}/{name}'.",
                extensions={"type": "NOT_FOUND"},
            )
        return {
            "__typename": "Repository",
            "id": f"R_{repo.id}",
            "name": repo.name.split("/")[1],
            "nameWithOwner": repo.name,
            "url": f"{self.fake.web}/{repo.name}",
            "isPrivate": repo.private,
            "viewerPermission": "WRITE" if repo.writable else "READ",
            "defaultBranchRef": {"__typename": "Ref", "name": "main"},
            "issues": lambda _i, **a: self.issues(repo, a, pulls=False),
            "pullRequests": lambda _i, **a: self.issues(repo, a, pulls=True),
            "issue": lambda _i, number, **_a: self.issue_or_none(repo, number, pulls=False),
            "milestones": lambda _i, **a: self.milestones(repo, a),
            "milestone": lambda _i, number, **_a: self.milestone_or_none(repo, number),
            "releases": lambda _i, **a: self.releases(repo, a),
            "object": lambda _i, expression=None, **_a: self.git_object(repo, expression),
        }

    # ------------------------------------------------------------------ issues

    def issues(self, repo: GhRepo, args: dict[str, Any], *, pulls: bool) -> dict[str, Any]:
        found = [i for i in repo.issues.values() if i.pull_request is pulls]
        filters = args.get("filterBy") or {}
        labels = args.get("labels") or filters.get("labels")
        if labels:
            found = [i for i in found if set(labels) & set(i.labels)]
        states = args.get("states") or filters.get("states")
        if states:
            found = [i for i in found if _state(i) in states]
        if filters.get("since"):
            since = datetime.fromisoformat(filters["since"])
            found = [i for i in found if i.updated >= since]
        keys = {"CREATED_AT": "created", "UPDATED_AT": "updated", "COMMENTS": "number"}
        ordered = _ordered(found, args.get("orderBy"), keys)
        return connection([self.issue(i) for i in ordered], args)

    def issue_or_none(self, repo: GhRepo, number: int, *, pulls: bool) -> dict[str, Any] | None:
        found = repo.issues.get(number)
        if found is None or found.pull_request is not pulls:
            raise GraphQLError(
                f"Could not resolve to an {'PullRequest' if pulls else 'Issue'} with the number "
                f"of {number}.",
                extensions={"type": "NOT_FOUND"},
            )
        return self.issue(found)

    def issue(self, issue: GhIssue) -> dict[str, Any]:
        repo = self.fake.repos[issue.repo.lower()]
        milestone = next((m for m in repo.milestones if m.title == issue.milestone), None)
        state = _state(issue)
        data: dict[str, Any] = {
            "__typename": "PullRequest" if issue.pull_request else "Issue",
            "id": f"I_{issue.id}",
            "databaseId": issue.id,
            "number": issue.number,
            "title": issue.title,
            "body": issue.body or "",
            "url": self.fake.html_url(issue),
            "state": state,
            "closed": issue.state == "closed",
            "createdAt": iso(issue.created),
            "updatedAt": iso(issue.updated),
            "closedAt": iso(issue.closed_at),
            "lastEditedAt": iso(issue.edited_at),
            "author": self.actor(issue.author),
            "editor": self.actor(issue.editor) if issue.editor else None,
            "labels": lambda _i, **a: connection(
                [{"__typename": "Label", "name": n} for n in issue.labels], a
            ),
            "assignees": lambda _i, **a: connection(
                [self.actor(login) for login in issue.assignees], a
            ),
            "reactions": lambda _i, content=None, **a: self.reactions(issue, content, a),
            "comments": lambda _i, **a: connection(
                [self.comment(issue, c) for c in issue.comments], a
            ),
            "milestone": self.milestone(repo, milestone) if milestone else None,
            "timelineItems": lambda _i, **a: self.timeline(issue, a),
        }
        if issue.pull_request:
            data |= {"merged": False, "mergedAt": None, "isDraft": False}
        else:
            data["stateReason"] = (issue.state_reason or "").upper() or None
        return data

    def reactions(self, issue: GhIssue, content: str | None, args: dict[str, Any]) -> Any:
        names = {"THUMBS_UP": "+1", "THUMBS_DOWN": "-1", "HEART": "heart", "HOORAY": "hooray"}
        wanted = [names.get(content, content.lower())] if content else list(issue.reactions)
        count = sum(issue.reactions.get(name, 0) for name in wanted)
        page = connection([], {**args, "first": args.get("first") or 0})
        return page | {"totalCount": count}

    def comment(self, issue: GhIssue, comment: Any) -> dict[str, Any]:
        return {
            "__typename": "IssueComment",
            "id": f"IC_{comment.id}",
            "databaseId": comment.id,
            "body": comment.body,
            "url": f"{self.fake.html_url(issue)}#issuecomment-{comment.id}",
            "author": self.actor(comment.author),
            "createdAt": iso(comment.created),
            "updatedAt": iso(comment.updated),
            "lastEditedAt": iso(comment.updated) if comment.updated != comment.created else None,
        }

    def timeline(self, issue: GhIssue, args: dict[str, Any]) -> dict[str, Any]:
        wanted = set(args.get("itemTypes") or ITEM_TYPES.values())
        since = args.get("since")
        after = datetime.fromisoformat(since) if since else None
        comments = {str(c.id): c for c in issue.comments}
        items = []
        for event in sorted(issue.events, key=lambda e: e.at):
            if ITEM_TYPES.get(event.kind) not in wanted or (after and event.at < after):
                continue
            node: dict[str, Any] = {"__typename": event.kind, "createdAt": iso(event.at)}
            if event.kind == "IssueComment":
                node = self.comment(issue, comments[event.detail])
            else:
                node["actor"] = self.actor(event.actor)
            items.append(node)
        return connection(items, args)

    # ------------------------------------------------------------ milestones, releases

    def milestones(self, repo: GhRepo, args: dict[str, Any]) -> dict[str, Any]:
        states = args.get("states")
        found = [m for m in repo.milestones if not states or m.state.upper() in states]
        keys = {"DUE_DATE": "due_key", "CREATED_AT": "created", "NUMBER": "number"}
        ordered = _ordered((_Sortable(m) for m in found), args.get("orderBy"), keys)
        return connection([self.milestone(repo, s.milestone) for s in ordered], args)

    def milestone_or_none(self, repo: GhRepo, number: int) -> dict[str, Any] | None:
        found = next((m for m in repo.milestones if m.number == number), None)
        return self.milestone(repo, found) if found else None

    def milestone(self, repo: GhRepo, milestone: GhMilestone) -> dict[str, Any]:
        due = (
            iso(datetime.combine(milestone.due_on, datetime.min.time(), self.fake.now().tzinfo))
            if milestone.due_on
            else None
        )
        return {
            "__typename": "Milestone",
            "id": f"MI_{milestone.id}",
            "number": milestone.number,
            "title": milestone.title,
            "description": milestone.description,
            "state": milestone.state.upper(),
            "dueOn": due,
            "closed": milestone.state == "closed",
            "closedAt": iso(milestone.closed_at),
            "createdAt": iso(milestone.created),
            "url": f"{self.fake.web}/{repo.name}/milestone/{milestone.number}",
            "issues": lambda _i, **a: self.milestone_issues(repo, milestone, a),
        }

    def milestone_issues(
        self, repo: GhRepo, milestone: GhMilestone, args: dict[str, Any]
    ) -> dict[str, Any]:
        states = args.get("states")
        found = [
            i
            for i in repo.issues.values()
            if i.milestone == milestone.title
            and not i.pull_request
            and (not states or _state(i) in states)
        ]
        return connection([self.issue(i) for i in found], args)

    def releases(self, repo: GhRepo, args: dict[str, Any]) -> dict[str, Any]:
        keys = {"CREATED_AT": "created", "NAME": "name"}
        ordered = _ordered(repo.releases, args.get("orderBy"), keys)
        return connection(
            [
                {
                    "__typename": "Release",
                    "id": f"RE_{r.id}",
                    "name": r.name,
                    "tagName": r.tag,
                    "url": f"{self.fake.web}/{repo.name}/releases/tag/{r.tag}",
                    "createdAt": iso(r.created),
                    "publishedAt": iso(r.published),
                    "isDraft": r.published is None,
                    "isPrerelease": r.prerelease,
                    "isLatest": False,
                }
                for r in ordered
            ],
            args,
        )

    # ------------------------------------------------------------------ Git objects

    def git_object(self, repo: GhRepo, expression: str | None) -> dict[str, Any] | None:
        """`object(expression: "HEAD:path")`: a blob for a file, a tree for a folder, or null.

        Every ref reads the same files: the sandbox keeps one branch.
        """
        if not expression or ":" not in expression:
            return None
        path = expression.split(":", 1)[1].strip("/")
        if path in repo.files:
            text = repo.files[path]
            return {
                "__typename": "Blob",
                "oid": _oid(text),
                "text": text,
                "byteSize": len(text.encode("utf-8")),
                "isBinary": False,
                "isTruncated": False,
                "abbreviatedOid": _oid(text)[:7],
            }
        prefix = f"{path}/" if path else ""
        children: dict[str, str] = {}
        for file in repo.files:
            if file.startswith(prefix):
                head, _, rest = file[len(prefix) :].partition("/")
                children[head] = "tree" if rest else "blob"
        if not children:
            return None
        return {
            "__typename": "Tree",
            "oid": _oid(prefix),
            "abbreviatedOid": _oid(prefix)[:7],
            "entries": [
                {
                    "__typename": "TreeEntry",
                    "name": name,
                    "path": prefix + name,
                    "type": kind,
                    "mode": 16384 if kind == "tree" else 33188,
                    "oid": _oid(prefix + name),
                }
                for name, kind in sorted(children.items())
            ],
        }


class _Sortable:
    """A milestone with a sort key for its due date (none last)."""

    def __init__(self, milestone: GhMilestone) -> None:
        self.milestone = milestone
        self.created = milestone.created
        self.number = milestone.number
        self.due_key = (milestone.due_on is None, milestone.due_on or milestone.created.date())


def _state(issue: GhIssue) -> str:
    return issue.state.upper()


def _oid(text: str) -> str:
    """A Git-like object id for a text (the sandbox's objects are only ever read by path)."""
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()
