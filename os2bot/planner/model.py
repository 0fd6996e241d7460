# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""What the planner's task sources share: the plan's inputs, the tasks they wish for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from os2bot.config import Config, Person, Product
from os2bot.domain import Action, CheckResult, Snapshot, State, content_version
from os2bot.ladder import Memory
from os2bot.messages import Language, text

CLEARED = {State.MET, State.WAIVED, State.NOT_APPLICABLE}


@dataclass(frozen=True)
class Desired:
    """A task that should exist, with what it should say."""

    fingerprint: str
    product: str
    project: str
    summary: str
    description: str
    assignee: str | None = None
    due: date | None = None
    stable: tuple[object, ...] = ()  # what decides that the content changed (default: all)
    mark: str = ""  # a label for a one-off event (e.g. overdue) ...
    mark_comment: str = ""  # ... and the comment that tells an existing task about it
    # Failing checks, as (product, check id), whose reminder this task replaces: one problem,
    # one task. The reminder is not opened, and an open one is resolved with a link here.
    covers: tuple[tuple[str, str], ...] = ()

    @property
    def version(self) -> str:
        """The content version: a change here updates the task."""
        parts = self.stable or (self.summary, self.description, self.assignee, self.due)
        return content_version(*parts)


@dataclass
class Wishes:
    """What the sources want: tasks, tasks whose purpose is served, one-off comments."""

    tasks: dict[str, Desired] = field(default_factory=dict)
    cleared: dict[str, tuple[str, str]] = field(default_factory=dict)  # fp -> product, comment
    comments: list[Action] = field(default_factory=list)

    def want(self, task: Desired) -> None:
        """Ask for *task* (the first source to ask for a fingerprint wins)."""
        self.tasks.setdefault(task.fingerprint, task)


@dataclass(frozen=True)
class Plan:
    """Everything a task source reads: results, the last run's states, the snapshot."""

    config: Config
    snapshot: Snapshot
    language: Language
    results: tuple[CheckResult, ...] = ()
    previous: Mapping[tuple[str, str], str] = field(default_factory=dict)
    ladder: Memory = field(default_factory=Memory)  # the escalation steps and holds remembered

    @property
    def today(self) -> date:
        """Today in the configured timezone."""
        return self.snapshot.taken_at.astimezone(self.config.bot.tz).date()

    @property
    def closed(self) -> tuple[str, ...]:
        """Closed days besides public holidays."""
        return tuple(self.config.bot.tasks.closed_days)

    def t(self, message: str, **params: object) -> str:
        """A text in the plan's language."""
        return text(message, self.language, **params)

    def readable(self, project: str) -> bool:
        """Whether the bot can write in *project* (it must be able to read it)."""
        return project in self.snapshot.projects

    def assignee(self, person: Person | None, project: str) -> str | None:
        """Who *person* is in the tracker of *project* (a Jira user, a GitHub login)."""
        return person.user_on(self.config.tracker_of(project)) if person else None

    def owner(self, product: Product, owner: str) -> tuple[str, Person | None]:
        """The project a check's task goes to, and who it is assigned to."""
        secretariat = self.config.bot.secretariat
        if owner == "secretariat":
            return secretariat.jira_project or product.project, secretariat.lead
        group = (
            product.coordination_group if owner == "coordination_group" else product.steering_group
        )
        return product.project, group.lead if group else None
