# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""What every evidence kind shares: its model's base, its context, its verdict, what it needs.

The kind modules are imported while the configuration is still loading (the configuration
validates evidence against them), so this module takes from `os2bot.config` only its leaf
module `base` at run time, and the rest for type checking.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar
from zoneinfo import ZoneInfo

from pydantic import Field, PrivateAttr

from os2bot.config.base import Model
from os2bot.domain import Evidence, Issue, Msg, Query, Sample, Snapshot, State

if TYPE_CHECKING:
    from os2bot.config import Catalogue, Product


class EvidenceModel(Model):
    """How one kind of evidence is configured: `kind` names it, the other fields are parameters.

    A product may override a parameter for itself (`overrides:` in its file), except those in
    `identity`, which say what the evidence is; to change those, it replaces the evidence.
    """

    kind: str = Field(description="Evidence kind.")
    identity: ClassVar[tuple[str, ...]] = ()
    # The parameters the product file set for itself (an override, or its own evidence),
    # as `rules.effective_evidence` found them: a judge may say whose value applies.
    _overridden: frozenset[str] = PrivateAttr(default_factory=frozenset)

    @property
    def overridden(self) -> frozenset[str]:
        """The parameters the product file set for itself rather than take from the profile."""
        return self._overridden

    def set_by_product(self, names: frozenset[str]) -> EvidenceModel:
        """A copy that records *names* (and those recorded already) as the product's own."""
        copy = self.model_copy()
        copy._overridden = self._overridden | names  # noqa: SLF001 - its own class
        return copy


@dataclass(frozen=True)
class Context:
    """Everything a judge may read: the snapshot, the product, the catalogue, today."""

    snapshot: Snapshot
    product: Product
    catalogue: Catalogue | None

    @property
    def tz(self) -> ZoneInfo:
        """The configured timezone."""
        return ZoneInfo(self.snapshot.timezone)

    @property
    def today(self) -> date:
        """Today, in the configured timezone."""
        return self.snapshot.taken_at.astimezone(self.tz).date()

    @property
    def project(self) -> str:
        """The product's project in its tracker: a Jira project key or a GitHub repository."""
        return self.product.project

    @property
    def on_github(self) -> bool:
        """Whether the product's tracker is GitHub."""
        return self.product.tracker == "github"

    def days_ago(self, day: date) -> int:
        """Whole calendar days from *day* to today."""
        return (self.today - day).days

    def local_date(self, value: datetime | date | None) -> date | None:
        """The calendar day of *value* in the configured timezone.

        Windows are counted in calendar days, so a change to or from daylight saving time
        cannot move a boundary by an hour.
        """
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.astimezone(self.tz).date()
        return value


# Days a tracker query's window adds to the rule's: a tracker may count 24-hour periods back
# from now (Jira's -Nd) where a rule counts calendar days in the configured timezone, and two
# days cover a late-evening run across a change to or from summer time.
SPARE_DAYS = 2


@dataclass
class Needs:
    """What collect must read from trackers, repositories and disk for the applicable checks."""

    queries: dict[Query, set[str]] = field(default_factory=dict)
    # How much of each query the judgements need; None: every match (some reader wants all).
    samples: dict[Query, Sample | None] = field(default_factory=dict)
    versions: set[str] = field(default_factory=set)
    boards: bool = False
    assessments: dict[str, str] = field(default_factory=dict)  # product key -> path
    # product key -> (repository, path or file-name pattern)
    repo_assessments: dict[str, tuple[str, str]] = field(default_factory=dict)
    folders: set[tuple[str, str]] = field(default_factory=set)  # (repository, folder)

    def query(self, found: Query, project: str, sample: Sample | None = None) -> None:
        """Ask for *found* in *project*; with *sample*, only as much of it as that says.

        Asked several times, the query reads what every asker needs: the widest window, the
        most issues; once anyone asks without a sample, every match.
        """
        if found not in self.queries:
            self.samples[found] = sample
        elif (had := self.samples.get(found)) is not None:
            self.samples[found] = had.merge(sample)
        self.queries.setdefault(found, set()).add(project)

    def sample(self, found: Query) -> Sample | None:
        """How much of *found* to read: None for every match."""
        return self.samples.get(found)


@dataclass(frozen=True)
class Verdict:
    """What one piece of evidence says."""

    state: State
    reason: Msg
    evidence: tuple[Evidence, ...] = ()
    notes: tuple[Msg, ...] = ()


def unreadable(ctx: Context, query: Query) -> Verdict | None:
    """Unknown when the project or the query's results could not be read, else None."""
    snapshot, project = ctx.snapshot, ctx.project
    if project not in snapshot.projects:
        key = "reason.repo_unreadable" if ctx.on_github else "reason.project_unreadable"
        return verdict(State.UNKNOWN, key, project=project)
    if (error := snapshot.failure(query, project)) is not None:
        key = "reason.github_failed" if ctx.on_github else "reason.query_failed"
        return verdict(State.UNKNOWN, key, error=error)
    return None


def verdict(
    state: State, message: str, evidence: tuple[Evidence, ...] = (), **params: object
) -> Verdict:
    """A verdict with its reason: the message key and its values."""
    return Verdict(state, Msg(message, dict(params)), evidence)


def refs(issues: Iterable[Issue], date_field: str = "updated") -> tuple[Evidence, ...]:
    """Issues as evidence references, each dated by *date_field*."""
    return tuple(issue.as_evidence(date_field) for issue in issues)
