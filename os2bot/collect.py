# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Collect: one snapshot per run from the trackers, repositories and disk, each question once.

Every evidence query runs once per tracker across all the products on it and is filed by
project afterwards; versions are read only where a check or task needs them, boards in one
listing, folders of repositories once each, self-assessments from disk or a repository. A
tracker that can read ahead (GitHub's GraphQL) is told everything first and reads each
repository once.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path

import structlog

from os2bot import rules
from os2bot.config import Config
from os2bot.domain import (
    Evidence,
    Query,
    ReadPlan,
    RepoFile,
    Sample,
    SelfAssessment,
    Snapshot,
)
from os2bot.ports import ReadsAhead, Repository, Tracker, TrackerError, TrackerUnavailable
from os2bot.rules.self_assessment import is_pattern
from os2bot.rules.self_assessment import parse as parse_assessment

log = structlog.get_logger(__name__)

TASK_FIELDS = ("summary", "project", "status", "labels", "duedate")  # due: the ladder's start


def as_trackers(trackers: Tracker | Mapping[str, Tracker]) -> dict[str, Tracker]:
    """Trackers by name; one tracker alone is Jira (as before there were several)."""
    if isinstance(trackers, Mapping):
        return dict(trackers)
    return {"jira": trackers}


def repository_of(trackers: Mapping[str, Tracker]) -> Repository | None:
    """The tracker that also reads Git repositories (GitHub), if one does."""
    return next((t for t in trackers.values() if isinstance(t, Repository)), None)


def collect_snapshot(
    config: Config,
    trackers: Tracker | Mapping[str, Tracker],
    now: datetime,
    *,
    with_tasks: bool = True,
    repository: Repository | None = None,
) -> Snapshot:
    """Read everything the rules need, each query once per tracker across all its products.

    *trackers* are by name (jira, github); a product is asked of its own tracker, and a
    product whose tracker is missing is unreadable. Git folders and self-assessments in
    repositories are read through *repository* (default: the tracker that reads them).

    A query a tracker rejects makes the checks that need it unknown; a tracker being
    unreachable stops the run. With *with_tasks* it also reads the bot's open tasks, which
    planning needs.
    """
    by_name = as_trackers(trackers)
    repository = repository or repository_of(by_name)
    configured = config.projects_by_tracker()
    wanted = rules.needs(config)
    if with_tasks:
        _add_task_needs(config, wanted)
    _read_ahead(by_name, configured, wanted, repository, with_tasks=with_tasks)
    readable: dict[str, set[str]] = {}
    for name in sorted(configured):
        tracker = by_name.get(name)
        readable[name] = set(tracker.readable_projects() & configured[name]) if tracker else set()
    every = frozenset().union(*readable.values())
    snapshot = Snapshot(taken_at=now, timezone=config.bot.timezone, projects=every)
    for query, projects in sorted(wanted.queries.items(), key=lambda kv: kv[0].id):
        asked = [(name, sorted(projects & found)) for name, found in sorted(readable.items())]
        asked = [(name, ps) for name, ps in asked if ps]
        for name, ps in asked:
            _collect_query(
                snapshot, by_name[name], query, ps, wanted.sample(query), alone=len(asked) == 1
            )
    _collect_versions_and_boards(snapshot, by_name, readable, wanted)
    for product_key, path in wanted.assessments.items():
        snapshot.assessments[product_key] = _read_assessment(config.root / path)
    _collect_repositories(snapshot, repository, wanted)
    if with_tasks:
        _collect_release_issues(config, snapshot, by_name)
        for name, projects in sorted(readable.items()):
            if projects:
                snapshot.bot_tasks += by_name[name].bot_tasks(sorted(projects), TASK_FIELDS)
    return snapshot


def _read_ahead(
    trackers: Mapping[str, Tracker],
    configured: Mapping[str, set[str]],
    wanted: rules.Needs,
    repository: Repository | None,
    *,
    with_tasks: bool,
) -> None:
    """Tell each tracker that can read ahead what this run will ask it."""
    told: set[int] = set()
    for name, tracker in sorted(trackers.items()):
        if not isinstance(tracker, ReadsAhead):
            continue
        projects = configured.get(name, set())
        folders = _folders(wanted) if id(tracker) == id(repository) else frozenset()
        tracker.read_ahead(
            ReadPlan(
                projects=frozenset(projects),
                queries={
                    q: frozenset(ps & projects) for q, ps in wanted.queries.items() if ps & projects
                },
                versions=frozenset(wanted.versions & projects),
                folders=folders,
                bot_tasks=with_tasks,
            )
        )
        told.add(id(tracker))
    if isinstance(repository, ReadsAhead) and id(repository) not in told:
        repository.read_ahead(ReadPlan(folders=_folders(wanted)))


def _folders(wanted: rules.Needs) -> frozenset[tuple[str, str]]:
    """The repository folders a run reads: for git evidence and self-assessment patterns."""
    return frozenset(wanted.folders)


def _collect_versions_and_boards(
    snapshot: Snapshot,
    trackers: Mapping[str, Tracker],
    readable: Mapping[str, set[str]],
    wanted: rules.Needs,
) -> None:
    """Versions per project that needs them, from its tracker; every board in one listing."""
    for name, projects in sorted(readable.items()):
        for project in sorted(wanted.versions & projects):
            try:
                snapshot.versions[project] = trackers[name].versions(project)
            except TrackerUnavailable:
                raise
            except TrackerError as exc:
                snapshot.versions_failures[project] = str(exc)
    jira = trackers.get("jira")
    if wanted.boards and jira is not None:
        try:
            snapshot.boards = jira.boards()
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


def _collect_release_issues(
    config: Config, snapshot: Snapshot, trackers: Mapping[str, Tracker]
) -> None:
    """The unresolved issues of every version due for a release task, one search a tracker."""
    for name, pairs in sorted(_due_versions(config, snapshot).items()):
        tracker = trackers.get(name)
        if not pairs or tracker is None:
            continue
        try:
            found = tracker.open_issues_in_versions(sorted(pairs))
        except TrackerUnavailable:
            raise
        except TrackerError as exc:
            log.warning("collect.release_issues_failed", tracker=name, error=str(exc))
            continue
        for key in pairs:
            snapshot.release_issues[key] = []
        for issue in found:
            for version in issue.fix_versions:
                if (issue.project, version) in pairs:
                    snapshot.release_issues[(issue.project, version)].append(issue)


def _due_versions(config: Config, snapshot: Snapshot) -> dict[str, set[tuple[str, str]]]:
    """(project, version) pairs due for a release task, by the tracker of their project."""
    today = snapshot.taken_at.astimezone(config.bot.tz).date()
    due: dict[str, set[tuple[str, str]]] = {}
    for product in config.products:
        if not product.releases.enabled:
            continue
        horizon = today + timedelta(days=product.releases.lead_days)
        due.setdefault(product.tracker, set()).update(
            (product.project, v.name)
            for v in snapshot.versions.get(product.project, [])
            if not v.released and not v.archived and v.release_date and v.release_date <= horizon
        )
    return due


def _collect_query(
    snapshot: Snapshot,
    tracker: Tracker,
    query: Query,
    projects: list[str],
    sample: Sample | None,
    *,
    alone: bool,
) -> None:
    """Run *query* once for all *projects* of one tracker and file its issues by project.

    With a *sample* the tracker may answer with only the matches the judgements need.

    When this tracker is the only one asked (*alone*), a refusal fails the query as a whole,
    as before there were several trackers; else only for this tracker's projects.
    """
    try:
        issues = tracker.evidence(query, projects, sample)
    except TrackerUnavailable:
        raise
    except TrackerError as exc:
        log.warning("collect.query_failed", query=query.id, error=str(exc))
        if alone:
            snapshot.failures[query] = str(exc)
        else:
            snapshot.project_failures.update({(query, p): str(exc) for p in projects})
        return
    by_project = snapshot.results.setdefault(query, {})
    for project in projects:
        by_project.setdefault(project, [])
    for issue in issues:
        by_project.setdefault(issue.project, []).append(issue)
    log.debug("collect.query", query=query.id, issues=len(issues), projects=len(projects))


def _collect_repositories(
    snapshot: Snapshot, repository: Repository | None, wanted: rules.Needs
) -> None:
    """Folders for git evidence, and self-assessments kept in repositories."""
    if not wanted.folders and not wanted.repo_assessments:
        return
    if repository is None:
        why = "no GitHub connection (OS2BOT_GITHUB_TOKEN is not set)"
        snapshot.folder_failures.update(dict.fromkeys(wanted.folders, why))
        snapshot.assessments.update(dict.fromkeys(wanted.repo_assessments, why))
        return
    for where in sorted(wanted.folders):
        try:
            snapshot.folders[where] = repository.folder(*where)
        except TrackerUnavailable:
            raise
        except TrackerError as exc:
            snapshot.folder_failures[where] = str(exc)
    _collect_repo_assessments(snapshot, repository, wanted.repo_assessments)


def _collect_repo_assessments(
    snapshot: Snapshot, repository: Repository, sources: Mapping[str, tuple[str, str]]
) -> None:
    """Each product's self-assessment in a repository, every file read in one request.

    A path names the file; of a pattern's files the newest by filledDate counts.
    """
    candidates: dict[str, list[RepoFile]] = {}
    for product_key, (repo, path) in sorted(sources.items()):
        folder, _, name = path.rpartition("/")
        if not is_pattern(name):
            url = _file_url(snapshot.folders.get((repo, folder), []), path)
            candidates[product_key] = [RepoFile(repo=repo, path=path, url=url)]
            continue
        if (error := snapshot.folder_failures.get((repo, folder))) is not None:
            snapshot.assessments[product_key] = f"{repo}:{folder}: {error}"
            continue
        matching = [
            f
            for f in snapshot.folders.get((repo, folder), [])
            if not f.is_folder and fnmatch.fnmatchcase(f.name, name)
        ]
        if not matching:
            snapshot.assessments[product_key] = f"{repo}:{path}: no file matches"
            continue
        candidates[product_key] = matching
    wanted = sorted({(f.repo, f.path) for files in candidates.values() for f in files})
    texts = repository.file_texts(wanted) if wanted else {}
    for product_key, files in candidates.items():
        _choose_assessment(snapshot, product_key, files, texts)


def _choose_assessment(
    snapshot: Snapshot,
    product_key: str,
    files: Sequence[RepoFile],
    texts: Mapping[tuple[str, str], str | TrackerError],
) -> None:
    """The newest readable assessment of *files* (by filledDate), or what is wrong with them."""
    read: list[tuple[SelfAssessment, RepoFile]] = []
    problems: list[str] = []
    for file in files:
        text = texts.get((file.repo, file.path))
        where = f"{file.repo}:{file.path}"
        if not isinstance(text, str):
            problems.append(f"{where}: {text or 'not read'}")
            continue
        try:
            read.append((parse_assessment(json.loads(text)), file))
        except ValueError as exc:
            problems.append(f"{where}: {type(exc).__name__}: {exc}")
    if not read:
        snapshot.assessments[product_key] = "; ".join(problems) or "-"
        return
    assessment, file = max(read, key=lambda pair: (pair[0].filled, pair[1].path))
    snapshot.assessments[product_key] = assessment
    snapshot.assessment_refs[product_key] = Evidence(
        source="git",
        key=f"{file.repo}:{file.path}",
        title=file.name,
        url=file.url,
        date=assessment.filled,
    )


def _file_url(listing: Sequence[RepoFile], path: str) -> str:
    """A file's URL from its folder's listing, when that was read."""
    return next((f.url for f in listing if f.path == path), "")


def _read_assessment(path: Path) -> SelfAssessment | str:
    """A self-assessment file, or what is wrong with it."""
    try:
        return parse_assessment(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
