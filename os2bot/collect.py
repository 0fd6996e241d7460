# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Collect: one snapshot per run from the tracker and disk, each question asked once.

Every evidence query runs once across all the products that need it and is filed by
project afterwards; versions are read only where a check or task needs them, boards in one
listing, self-assessments from disk.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import structlog

from os2bot import rules
from os2bot.config import Config
from os2bot.domain import Issue, Query, SelfAssessment, Snapshot
from os2bot.ports import Tracker, TrackerError, TrackerUnavailable
from os2bot.rules.self_assessment import parse as parse_assessment

log = structlog.get_logger(__name__)

TASK_FIELDS = ("summary", "project", "status", "labels")


def collect_snapshot(
    config: Config, tracker: Tracker, now: datetime, *, with_tasks: bool = True
) -> Snapshot:
    """Read everything the rules need, each query once across all products.

    Versions are read only where a check needs them, boards in one listing, self-assessments
    from disk.

    A query Jira rejects makes the checks that need it unknown; Jira being unreachable stops
    the run. With *with_tasks* it also reads the bot's open tasks, which planning needs.
    """
    configured = {p.project for p in config.products}
    if config.bot.secretariat.jira_project:
        configured.add(config.bot.secretariat.jira_project)
    readable = tracker.readable_projects() & configured
    snapshot = Snapshot(taken_at=now, timezone=config.bot.timezone, projects=frozenset(readable))
    wanted = rules.needs(config)
    if with_tasks:
        _add_task_needs(config, wanted)
    for query, projects in sorted(wanted.queries.items(), key=lambda kv: kv[0].id):
        _collect_query(snapshot, tracker, query, sorted(projects & readable))
    _collect_versions_and_boards(snapshot, tracker, wanted, readable)
    for product_key, path in wanted.assessments.items():
        snapshot.assessments[product_key] = _read_assessment(config.root / path)
    if with_tasks:
        _collect_release_issues(config, snapshot, tracker)
    if readable and with_tasks:
        snapshot.bot_tasks = tracker.bot_tasks(sorted(readable), TASK_FIELDS)
    return snapshot


def _collect_versions_and_boards(
    snapshot: Snapshot, tracker: Tracker, wanted: rules.Needs, readable: frozenset[str]
) -> None:
    """Versions per project that needs them; every board in one listing."""
    for project in sorted(wanted.versions & readable):
        try:
            snapshot.versions[project] = tracker.versions(project)
        except TrackerUnavailable:
            raise
        except TrackerError as exc:
            snapshot.versions_failures[project] = str(exc)
    if wanted.boards:
        try:
            snapshot.boards = tracker.boards()
        except TrackerUnavailable:
            raise
        except TrackerError as exc:
            snapshot.boards_error = str(exc)


def _add_task_needs(config: Config, wanted: rules.Needs) -> None:
    """What planning tasks needs besides the checks: requests and versions."""
    for product in config.products:
        project = product.project
        if product.prioritisation is not None or product.triage:
            wanted.query(product.requests_query, project)
        if product.releases.enabled:
            wanted.versions.add(project)


def _collect_release_issues(config: Config, snapshot: Snapshot, tracker: Tracker) -> None:
    """The unresolved issues of every version due for a release task, in one search."""
    today = snapshot.taken_at.astimezone(config.bot.tz).date()
    due: set[tuple[str, str]] = set()
    for product in config.products:
        project = product.project
        if not product.releases.enabled:
            continue
        horizon = today + timedelta(days=product.releases.lead_days)
        due |= {
            (project, v.name)
            for v in snapshot.versions.get(project, [])
            if not v.released and not v.archived and v.release_date and v.release_date <= horizon
        }
    if not due:
        return
    try:
        found = tracker.open_issues_in_versions(sorted(due))
    except TrackerUnavailable:
        raise
    except TrackerError as exc:
        log.warning("collect.release_issues_failed", error=str(exc))
        return
    for key in due:
        snapshot.release_issues[key] = []
    for issue in found:
        for name in issue.fix_versions:
            if (issue.project, name) in due:
                snapshot.release_issues[(issue.project, name)].append(issue)


def _collect_query(snapshot: Snapshot, tracker: Tracker, query: Query, projects: list[str]) -> None:
    """Run *query* once for all *projects* and file its issues by project."""
    if not projects:
        return
    try:
        issues = tracker.evidence(query, projects)
    except TrackerUnavailable:
        raise
    except TrackerError as exc:
        log.warning("collect.query_failed", query=query.id, error=str(exc))
        snapshot.failures[query] = str(exc)
        return
    by_project: dict[str, list[Issue]] = {p: [] for p in projects}
    for issue in issues:
        by_project.setdefault(issue.project, []).append(issue)
    snapshot.results[query] = by_project
    log.debug("collect.query", query=query.id, issues=len(issues), projects=len(projects))


def _read_assessment(path: Path) -> SelfAssessment | str:
    """A self-assessment file, or what is wrong with it."""
    try:
        return parse_assessment(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
