# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Checks evidenced by Jira issues: enough matching issues, the newest recent enough."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from os2bot.config import CheckDef, Config, JqlEvidence, Product, Profile
from os2bot.domain import CheckResult, Issue, Msg, Query, Snapshot, State

# What the rules read of each issue: collect asks Jira for these fields only.
FIELDS: tuple[str, ...] = (
    "summary",
    "project",
    "issuetype",
    "status",
    "labels",
    "created",
    "updated",
    "resolutiondate",
    "duedate",
)


def effective_evidence(check: CheckDef, product: Product) -> JqlEvidence:
    """The check's evidence with the product's overrides applied."""
    override = product.overrides.get(check.id)
    if override is None:
        return check.evidence
    changes = override.model_dump(exclude_none=True)
    return check.evidence.model_copy(update=changes)


def query_for(check: CheckDef, product: Product) -> Query:
    """The JQL query that evidences *check* for *product* (without the project clause)."""
    return Query(jql=effective_evidence(check, product).jql)


def queries(config: Config) -> dict[Query, set[str]]:
    """Every distinct evidence query, with the Jira projects that need it."""
    needed: dict[Query, set[str]] = {}
    for product in config.products:
        for check in config.profile_for(product).checks:
            needed.setdefault(query_for(check, product), set()).add(product.jira.project)
    return needed


def check(snapshot: Snapshot, product: Product, profile: Profile) -> list[CheckResult]:
    """Judge every JQL-evidenced check of *profile* for *product*."""
    return [_judge(snapshot, product, c) for c in profile.checks]


def _judge(snapshot: Snapshot, product: Product, check_def: CheckDef) -> CheckResult:
    evidence = effective_evidence(check_def, product)
    query = Query(jql=evidence.jql)
    project = product.jira.project

    def result(
        state: State, message: str, found: tuple[Issue, ...] = (), **params: object
    ) -> CheckResult:
        return CheckResult(product.key, check_def.id, state, Msg(message, dict(params)), found)

    if project not in snapshot.projects:
        return result(State.UNKNOWN, "reason.project_unreadable", project=project)
    if query in snapshot.failures:
        return result(State.UNKNOWN, "reason.query_failed", error=snapshot.failures[query])
    issues = snapshot.issues(query, project)
    if not issues:
        return result(State.NOT_MET, "reason.jql.none", jql=evidence.jql)
    if len(issues) < evidence.min_count:
        return result(
            State.NOT_MET,
            "reason.jql.too_few",
            tuple(issues),
            count=len(issues),
            min_count=evidence.min_count,
        )
    tz = ZoneInfo(snapshot.timezone)
    dated = [(d, i) for i in issues if (d := _local_date(i.date_of(evidence.date_field), tz))]
    if not dated:
        return result(State.NOT_MET, "reason.jql.no_date", tuple(issues), field=evidence.date_field)
    newest_date, newest = max(dated, key=lambda pair: (pair[0], pair[1].key))
    days = (snapshot.taken_at.astimezone(tz).date() - newest_date).days
    params = {
        "key": newest.key,
        "summary": newest.summary,
        "date": newest_date.isoformat(),
        "days": days,
    }
    if evidence.within_days is not None and days > evidence.within_days:
        return result(
            State.NOT_MET, "reason.jql.too_old", (newest,), window=evidence.within_days, **params
        )
    return result(State.MET, "reason.jql.met", (newest,), count=len(issues), **params)


def _local_date(value: datetime | date | None, tz: ZoneInfo) -> date | None:
    """The calendar day of *value* in *tz*.

    Windows are counted in calendar days in the configured timezone, so DST cannot shift a
    boundary by an hour.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(tz).date()
    return value
