# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Joint support read from Jira: support issues and their first responses, worklogs.

Reads, per run:

- one search for every product's support issues in the SLA's window (with `expand=changelog`
  and comments), and one for the issues that draw on the cards (ids only);
- on Cloud, where a search shows only an issue's 40 newest changes, `POST changelog/bulkfetch`
  (status changes only, 1000 issues a request) for the issues whose history was cut and whose
  first response is not known from an earlier run; Data Center's search shows every change;
- `GET worklog/updated?since=` from where the last run got to, and `POST worklog/list` for
  the changed ids, 1000 a request; `GET worklog/deleted?since=` likewise for the worklogs
  deleted since (Cloud and Data Center both serve it). The state database keeps the rest.

First response: the first comment or status change by someone other than the reporter —
never by the bot (`jira_tracker._is_me`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from os2bot.adapters.jira_tracker import _clean, _is_me, _parse_time, shown_in_part
from os2bot.ports import TrackerError
from os2bot.support import Selector, SupportAsk, SupportIssue, Worklog

if TYPE_CHECKING:
    from os2bot.adapters.jira_tracker import JiraTracker

BULK = 1000  # worklog/list and changelog/bulkfetch take at most this many ids
ISSUE_FIELDS = [
    "summary",
    "created",
    "resolutiondate",
    "priority",
    "reporter",
    "comment",
    "project",
]


def _quoted(values: Sequence[str]) -> str:
    return ", ".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values)


def selector_jql(selector: Selector) -> str:
    """Any of the labels, components or issue types, as JQL."""
    parts = []
    if selector.labels:
        parts.append(f"labels in ({_quoted(selector.labels)})")
    if selector.components:
        parts.append(f"component in ({_quoted(selector.components)})")
    if selector.issue_types:
        parts.append(f"issuetype in ({_quoted(selector.issue_types)})")
    return " OR ".join(parts)


def _identity(user: dict[str, Any] | None) -> dict[str, str]:
    """A user as Jira shows one, as `_is_me` compares: accountId on Cloud, name and key on DC."""
    return {k: str(user[k]) for k in ("accountId", "name", "key") if user and user.get(k)}


def first_response(
    raw: dict[str, Any],
    histories: Sequence[dict[str, Any]],
    comments: Sequence[dict[str, Any]],
    me: dict[str, str],
) -> datetime | None:
    """The first comment or status change by someone who is neither the reporter nor the bot."""
    reporter = _identity((raw.get("fields") or {}).get("reporter"))

    def answered(author: dict[str, Any] | None) -> bool:
        return not _is_me(author, me) and not _is_me(author, reporter)

    moments: list[datetime | None] = [
        _parse_time(c.get("created")) for c in comments if answered(c.get("author"))
    ]
    moments += [
        _parse_time(h.get("created"))
        for h in histories
        if any(
            i.get("field") == "status" or i.get("fieldId") == "status" for i in h.get("items") or []
        )
        and answered(h.get("author"))
    ]
    return min((m for m in moments if m is not None), default=None)


class JiraSupport:
    """The SupportReader port for a JiraTracker, through its client, session and retries."""

    def __init__(self, tracker: JiraTracker) -> None:
        """Read through *tracker* (its calls are counted with its own)."""
        self.tracker = tracker

    # --------------------------------------------------------------- issues

    def support_issues(
        self, asks: Sequence[SupportAsk], known: dict[str, datetime]
    ) -> tuple[list[SupportIssue], dict[str, frozenset[str]]]:
        """Support issues of every ask in one search, and card issues in another."""
        if not asks:
            return [], {}
        me = self.tracker._myself()  # noqa: SLF001 - who the bot is, read once a run
        clauses = [
            f'(project = "{a.project}" AND ({selector_jql(a.issues)}) '
            f'AND created >= "{a.since.isoformat()}")'
            for a in asks
        ]
        raws = self.tracker._search_expanded(" OR ".join(clauses), ISSUE_FIELDS)  # noqa: SLF001
        # Data Center's search shows every change; Cloud's the newest 40.
        cut = [
            r
            for r in raws
            if self.tracker.is_cloud
            and r["key"] not in known
            and shown_in_part(r.get("changelog") or {}, "histories")
        ]
        histories = self._full_histories(cut) if cut else {}
        found = []
        for raw in raws:
            fields = raw.get("fields") or {}
            comments = (fields.get("comment") or {}).get("comments") or []
            if shown_in_part(fields.get("comment") or {}, "comments") and raw["key"] not in known:
                comments = self.tracker._paged(f"issue/{raw['key']}/comment", "comments")  # noqa: SLF001
            shown = histories.get(
                str(raw.get("id")), (raw.get("changelog") or {}).get("histories") or []
            )
            responded = known.get(raw["key"]) or first_response(raw, shown, comments, me)
            created = _parse_time(fields.get("created"))
            if created is None:
                continue
            found.append(
                SupportIssue(
                    key=raw["key"],
                    project=(fields.get("project") or {}).get("key")
                    or raw["key"].rsplit("-", 1)[0],
                    summary=_clean(fields.get("summary") or ""),
                    url=f"{self.tracker.url}/browse/{raw['key']}",
                    priority=(fields.get("priority") or {}).get("name"),
                    created=created,
                    resolved=_parse_time(fields.get("resolutiondate")),
                    first_response=responded,
                )
            )
        return found, self._card_issues(asks)

    def _card_issues(self, asks: Sequence[SupportAsk]) -> dict[str, frozenset[str]]:
        carded = [a for a in asks if a.card is not None]
        if not carded:
            return {}
        jql = " OR ".join(
            f'(project = "{a.project}" AND ({selector_jql(a.card)}))'  # type: ignore[arg-type]
            for a in carded
        )
        ids: dict[str, set[str]] = {a.project: set() for a in carded}
        for raw in self.tracker._raw_search(jql, ["project"]):  # noqa: SLF001
            project = ((raw.get("fields") or {}).get("project") or {}).get("key")
            ids.setdefault(project or raw["key"].rsplit("-", 1)[0], set()).add(str(raw["id"]))
        return {project: frozenset(found) for project, found in ids.items()}

    def _full_histories(self, raws: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        """Every status change of these issues, by issue id: changelog/bulkfetch (Cloud)."""
        found: dict[str, list[dict[str, Any]]] = {str(r["id"]): [] for r in raws}
        ids = list(found)
        for start in range(0, len(ids), BULK):
            token: str | None = None
            for _ in range(self.tracker.max_pages):
                body: dict[str, Any] = {
                    "issueIdsOrKeys": ids[start : start + BULK],
                    "fieldIds": ["status"],
                    "maxResults": 1000,
                }
                if token:
                    body["nextPageToken"] = token
                page = self._post("changelog/bulkfetch", body)
                for entry in page.get("issueChangeLogs") or []:
                    found.setdefault(str(entry.get("issueId")), []).extend(
                        entry.get("changeHistories") or []
                    )
                token = page.get("nextPageToken")
                if not token:
                    break
            else:
                raise TrackerError("changelog/bulkfetch did not end within the page cap")
        return found

    # ------------------------------------------------------------- worklogs

    def worklogs_changed(self, since_ms: int) -> tuple[list[int], int]:
        """Every page of worklog/updated after *since_ms*: the ids, and `until` of the last."""
        return self._since("worklog/updated", since_ms)

    def worklogs_deleted(self, since_ms: int) -> tuple[list[int], int]:
        """Every page of worklog/deleted after *since_ms*: the ids, and `until` of the last."""
        return self._since("worklog/deleted", since_ms)

    def _since(self, path: str, since_ms: int) -> tuple[list[int], int]:
        """Every page of a ChangedWorklogs resource after *since_ms*, oldest first."""
        ids: list[int] = []
        until = since_ms
        for _ in range(self.tracker.max_pages):
            page = self._get(path, {"since": until})
            ids += [int(v["worklogId"]) for v in page.get("values") or [] if "worklogId" in v]
            until = int(page.get("until") or until)
            if page.get("lastPage", True) or not page.get("values"):
                return list(dict.fromkeys(ids)), until
        raise TrackerError(f"{path} did not end within the page cap")

    def worklogs(self, ids: Sequence[int]) -> list[Worklog]:
        """The worklogs of *ids*, 1000 a request, with their properties."""
        found: list[Worklog] = []
        for start in range(0, len(ids), BULK):
            page = self._post(
                "worklog/list", {"ids": list(ids[start : start + BULK])}, {"expand": "properties"}
            )
            for raw in page if isinstance(page, list) else []:
                started = _parse_time(raw.get("started"))
                updated = _parse_time(raw.get("updated"))
                if started is None:
                    continue
                found.append(
                    Worklog(
                        id=int(raw["id"]),
                        issue_id=str(raw.get("issueId")),
                        started=started,
                        seconds=int(raw.get("timeSpentSeconds") or 0),
                        updated_ms=int(updated.timestamp() * 1000) if updated else 0,
                        properties=tuple(
                            (str(p.get("key")), _property_value(p.get("value")))
                            for p in raw.get("properties") or []
                        ),
                    )
                )
        return found

    # ------------------------------------------------------------------ http

    def _get(self, path: str, params: dict[str, Any]) -> Any:
        jira = self.tracker._jira  # noqa: SLF001
        return self.tracker._read(partial(jira._get_json, path, params=params))  # noqa: SLF001

    def _post(self, path: str, body: dict[str, Any], params: dict[str, Any] | None = None) -> Any:
        jira = self.tracker._jira  # noqa: SLF001
        url = jira._get_url(path)  # noqa: SLF001
        session = jira._session  # noqa: SLF001
        response = self.tracker._read(partial(session.post, url, json=body, params=params))  # noqa: SLF001
        try:
            return response.json()
        except ValueError as exc:
            raise TrackerError(f"Jira's answer to {path} is not JSON") from exc


def _property_value(value: Any) -> str:
    """A worklog property's value as text (Tempo keeps an account as {"value": "…"})."""
    if isinstance(value, dict) and "value" in value:
        return str(value["value"])
    return str(value)
