# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The sandbox Jira's worklogs and bulk changelogs, for joint support.

Seeded from each issue's `priority`, `components`, `comments`, `transitions` and `worklogs`,
and answering as Atlassian's REST v2 description says (`tests/specs/jira-platform-v2…`):

- `GET issue/{key}/worklog` — PageOfWorklogs (startAt, maxResults, total, worklogs).
- `GET worklog/updated?since=` — ChangedWorklogs: ids and update times of worklogs updated
  *after* `since` (ms), oldest first, at most 1000 a page, `until` the youngest on the page,
  `nextPage` while not `lastPage`. "This resource does not return worklogs updated during the
  minute preceding the request."
- `GET worklog/deleted?since=` — ChangedWorklogs of worklogs deleted after `since` (ms), as
  `worklog/updated` pages them, `updatedTime` being when each was deleted; the same minute
  is left out. Data Center serves it too (REST API 2 since Jira 7).
- `DELETE issue/{key}/worklog/{id}` — 204, or 404 when the issue or the worklog is not there;
  the deletion is kept with its time for `worklog/deleted`.
- `POST worklog/list` — the worklogs of up to 1000 ids ("400 … more than 1000 worklog IDs or
  is empty"); `expand=properties` adds their properties.
- `POST changelog/bulkfetch` (Cloud) — the changelogs of up to 1000 issues, optionally only
  for some fields, "sorted by changelog date and issue IDs, starting from the oldest",
  paged by `nextPageToken`; Data Center has no such route (404).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from os2bot.sandbox.http import Request, Response, jira_error
from os2bot.sandbox.seed import JiraSeed, resolve_datetime

if TYPE_CHECKING:
    from os2bot.sandbox.jira import JiraFake

UPDATED_PAGE = 1000  # worklog/updated: "a limit of 1000 worklogs per page"
LIST_LIMIT = 1000  # worklog/list: "limited to 1000 items"
BULK_ISSUES = 1000  # changelog/bulkfetch: "up to 1000 issues"
BULK_FIELDS = 10  # "... filter them by up to 10 field IDs"
QUIET = timedelta(minutes=1)  # worklog/updated leaves out the last minute's changes


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


class Worklogs:
    """Every issue's worklogs, and the routes that read them and bulk changelogs."""

    def __init__(self, fake: JiraFake, seed: JiraSeed, start: datetime) -> None:
        """Add the seed's support extras (priority, components, comments, changes, worklogs)."""
        self.fake = fake
        self.logs: dict[int, dict[str, Any]] = {}
        self.deleted: dict[int, int] = {}  # worklog id -> when it was deleted (ms)
        self._next = 30000
        for raw in seed.issues:
            extras = (raw.priority, raw.components, raw.comments, raw.transitions, raw.worklogs)
            if not any(extras):
                continue
            for issue in list(fake.issues.values()):
                fields = issue["fields"]
                if fields["project"]["key"] != raw.project or fields["summary"] != raw.summary:
                    continue
                self._extras(issue, raw, start)

    def _extras(self, issue: dict[str, Any], raw: Any, start: datetime) -> None:
        fake, tz = self.fake, self.fake.tz
        fields = issue["fields"]
        if raw.priority:
            fields["priority"] = {
                "self": f"{fake.base_url}/rest/api/2/priority/{raw.priority}",
                "id": raw.priority,
                "name": raw.priority,
            }
        if raw.components:
            fields["components"] = [{"name": c} for c in raw.components]
        for comment in raw.comments:
            when = resolve_datetime(comment.at, start, tz)
            fake.comments[issue["key"]].append(
                fake._comment_json(  # noqa: SLF001 - the fake's own comment shape
                    issue["key"],
                    fake._new_id(),  # noqa: SLF001
                    comment.body,
                    when,
                    fake._user(comment.author),  # noqa: SLF001
                )
            )
        workflow = fake.workflows[fields["project"]["key"]]
        for change in raw.transitions:
            when = resolve_datetime(change.at, start, tz)
            before = fields["status"]
            after = next(s for s in workflow if s.name == change.to)
            fake._log(  # noqa: SLF001
                issue,
                fake._user(change.author),  # noqa: SLF001
                when,
                [
                    {
                        "field": "status",
                        "fieldtype": "jira",
                        "fieldId": "status",
                        "from": str(before["id"]),
                        "fromString": str(before["name"]),
                        "to": after.id,
                        "toString": after.name,
                    }
                ],
            )
            fields["status"] = fake._status_json(after)  # noqa: SLF001
        fake.histories[issue["key"]].sort(key=lambda h: h["created"])
        fake.written()  # priority, components and status changed: no search answer stands
        author = fields.get("reporter") or {}
        for log in raw.worklogs:
            who = fake._user(log.author) if log.author else None  # noqa: SLF001
            started = resolve_datetime(log.started, start, tz)
            updated = resolve_datetime(log.updated, start, tz) if log.updated else started
            self.add(issue, who, started, int(log.hours * 3600), updated, log.properties, author)

    def add(  # noqa: PLR0917 - a worklog's own fields
        self,
        issue: dict[str, Any],
        who: Any,
        started: datetime,
        seconds: int,
        updated: datetime,
        properties: dict[str, str] | None = None,
        author_json: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Log *seconds* of work on *issue* (tests use it to change what Jira holds)."""
        fake = self.fake
        self._next += 1
        user = fake._user_json(who) if who is not None else (author_json or {})  # noqa: SLF001
        log = {
            "self": f"{fake.base_url}/rest/api/2/issue/{issue['id']}/worklog/{self._next}",
            "author": user,
            "updateAuthor": user,
            "comment": "",
            "created": _rfc3339(fake, updated),
            "updated": _rfc3339(fake, updated),
            "started": _rfc3339(fake, started),
            "timeSpent": _spent(seconds),
            "timeSpentSeconds": seconds,
            "id": str(self._next),
            "issueId": issue["id"],
            "_updated_ms": _ms(updated),
            "_properties": dict(properties or {}),
        }
        self.logs[self._next] = log
        return log

    def touch(self, worklog_id: int, seconds: int, when: datetime) -> None:
        """Change a worklog's time spent, as someone editing it at *when* (for tests)."""
        log = self.logs[worklog_id]
        log["timeSpentSeconds"] = seconds
        log["timeSpent"] = _spent(seconds)
        log["updated"] = _rfc3339(self.fake, when)
        log["_updated_ms"] = _ms(when)

    def delete(self, worklog_id: int, when: datetime) -> None:
        """Delete a worklog, as someone doing so at *when* (worklog/deleted tells it)."""
        del self.logs[worklog_id]
        self.deleted[worklog_id] = _ms(when)

    # ------------------------------------------------------------------ routes

    def routes(self) -> list[tuple[str, str, Callable[[Request], Response]]]:
        """(method, path pattern, handler) of each route, for JiraFake.routes."""
        api = r"/rest/api/2"
        return [
            ("GET", rf"{api}/issue/(?P<key>[^/]+)/worklog", self.issue_worklogs),
            ("DELETE", rf"{api}/issue/(?P<key>[^/]+)/worklog/(?P<id>[^/]+)", self.remove),
            ("GET", rf"{api}/worklog/updated", self.updated),
            ("GET", rf"{api}/worklog/deleted", self.deleted_since),
            ("POST", rf"{api}/worklog/list", self.list),
            ("POST", rf"{api}/changelog/bulkfetch", self.bulkfetch),
        ]

    @staticmethod
    def _shown(log: dict[str, Any], *, properties: bool = False) -> dict[str, Any]:
        shown = {k: v for k, v in log.items() if not k.startswith("_")}
        if properties:
            shown["properties"] = [{"key": k, "value": v} for k, v in log["_properties"].items()]
        return shown

    def issue_worklogs(self, request: Request) -> Response:
        """GET issue/{key}/worklog: the issue's worklogs, paged by startAt."""
        found = self.fake._issue_or_404(request.params["key"])  # noqa: SLF001
        if isinstance(found, Response):
            return found
        try:
            start = max(0, int(request.arg("startAt", "0") or 0))
            size = max(1, min(int(request.arg("maxResults", "5000") or 5000), 5000))
        except ValueError:
            return jira_error(400, "startAt and maxResults must be numbers.")
        logs = [log for log in self.logs.values() if log["issueId"] == found["id"]]
        logs.sort(key=lambda log: log["started"])
        page = logs[start : start + size]
        return Response(
            200,
            {
                "startAt": start,
                "maxResults": size,
                "total": len(logs),
                "worklogs": [self._shown(log) for log in page],
            },
        )

    def updated(self, request: Request) -> Response:
        """GET worklog/updated: ids of worklogs changed after `since`, oldest first."""
        changed = [(int(log["_updated_ms"]), int(log["id"])) for log in self.logs.values()]
        return self._changed(request, "worklog/updated", changed)

    def remove(self, request: Request) -> Response:
        """DELETE issue/{key}/worklog/{id}: 204; 404 when the issue or the worklog is not there."""
        found = self.fake._issue_or_404(request.params["key"])  # noqa: SLF001
        if isinstance(found, Response):
            return found
        raw = request.params["id"]
        log = self.logs.get(int(raw)) if raw.isdigit() else None
        if log is None or log["issueId"] != found["id"]:
            return jira_error(404, f"Cannot find worklog with id: {raw}.")
        self.delete(int(raw), self.fake.now())
        return Response(204)

    def deleted_since(self, request: Request) -> Response:
        """GET worklog/deleted: ids of worklogs deleted after `since`, oldest first."""
        return self._changed(request, "worklog/deleted", [(w, i) for i, w in self.deleted.items()])

    def _changed(self, request: Request, path: str, changes: list[tuple[int, int]]) -> Response:
        """A ChangedWorklogs page of (ms, worklog id) *changes* after `since`, oldest first.

        At most 1000 a page, `until` the youngest on it, the last minute's changes left out.
        """
        try:
            since = int(request.arg("since", "0") or 0)
        except ValueError:
            return jira_error(400, "since must be a number of milliseconds.")
        quiet = _ms(self.fake.now() - QUIET)
        after = sorted(change for change in changes if since < change[0] <= quiet)
        page = after[:UPDATED_PAGE]
        until = page[-1][0] if page else since
        link = f"{self.fake.base_url}/rest/api/2/{path}"
        last = len(after) <= UPDATED_PAGE
        body: dict[str, Any] = {
            "self": f"{link}?since={since}",
            "since": since,
            "until": until,
            "lastPage": last,
            "values": [
                {"worklogId": wid, "updatedTime": when, "properties": []} for when, wid in page
            ],
        }
        if not last:
            body["nextPage"] = f"{link}?since={until}"
        return Response(200, body)

    def list(self, request: Request) -> Response:
        """POST worklog/list: the worklogs of up to 1000 ids (unknown ids are left out)."""
        try:
            ids = (request.json() or {}).get("ids")
        except ValueError:
            return jira_error(400, "Unexpected character in the request body.")
        if not isinstance(ids, list) or not ids or len(ids) > LIST_LIMIT:
            return jira_error(400, f"Provide between 1 and {LIST_LIMIT} worklog IDs.")
        properties = "properties" in str(request.arg("expand", "") or "")
        found = [self.logs[int(i)] for i in ids if str(i).isdigit() and int(i) in self.logs]
        return Response(200, [self._shown(log, properties=properties) for log in found])

    def bulkfetch(self, request: Request) -> Response:  # noqa: C901 - the spec's checks, in order
        """POST changelog/bulkfetch (Cloud): changelogs of up to 1000 issues, oldest first."""
        fake = self.fake
        if not fake.cloud:
            return jira_error(404, "null for uri: " + request.path)
        try:
            body = request.json() or {}
        except ValueError:
            return jira_error(400, "Unexpected character in the request body.")
        wanted = body.get("issueIdsOrKeys")
        fields = body.get("fieldIds") or []
        if not isinstance(wanted, list) or not wanted or len(wanted) > BULK_ISSUES:
            return jira_error(400, f"Provide between 1 and {BULK_ISSUES} issue IDs or keys.")
        if len(fields) > BULK_FIELDS:
            return jira_error(400, f"Provide at most {BULK_FIELDS} field IDs.")
        try:
            size = max(1, min(int(body.get("maxResults") or 1000), 10000))
            offset = int(base64.urlsafe_b64decode(str(body.get("nextPageToken") or "MA==")))
        except ValueError:
            return jira_error(400, "The provided next page token is invalid.")
        entries: list[tuple[str, int, dict[str, Any]]] = []
        for ref in wanted:
            issue = fake._issue_or_404(str(ref))  # noqa: SLF001
            if isinstance(issue, Response):
                continue
            for history in fake.histories[issue["key"]]:
                items = [i for i in history["items"] if not fields or i.get("fieldId") in fields]
                if items:
                    entries.append(
                        (history["created"], int(issue["id"]), {**history, "items": items})
                    )
        entries.sort(key=lambda e: (e[0], e[1]))
        page = entries[offset : offset + size]
        grouped: dict[int, list[dict[str, Any]]] = {}
        for _created, issue_id, history in page:
            grouped.setdefault(issue_id, []).append(history)
        answer: dict[str, Any] = {
            "issueChangeLogs": [
                {"issueId": str(issue_id), "changeHistories": histories}
                for issue_id, histories in grouped.items()
            ]
        }
        if offset + size < len(entries):
            answer["nextPageToken"] = base64.urlsafe_b64encode(str(offset + size).encode()).decode()
        return Response(200, answer)


def _rfc3339(fake: JiraFake, moment: datetime) -> str:
    local = moment.astimezone(fake.tz)
    offset = local.strftime("%z")
    return local.strftime("%Y-%m-%dT%H:%M:%S.000") + offset[:3] + ":" + offset[3:]


def _spent(seconds: int) -> str:
    """Jira's way of writing time spent: 3h 20m."""
    hours, minutes = divmod(seconds // 60, 60)
    parts = ([f"{hours}h"] if hours else []) + ([f"{minutes}m"] if minutes or not hours else [])
    return " ".join(parts)
