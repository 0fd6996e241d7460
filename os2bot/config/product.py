# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""config/products/*.yaml: one OS2 product — tracker, groups, suppliers, agreement, chat."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import Field, field_validator, model_validator

from os2bot.calendar import next_round
from os2bot.config.base import Model, Person
from os2bot.config.bot import ChatTargets, valid_cron
from os2bot.config.escalation import EscalationOverride
from os2bot.config.evidence import Evidence, EvidenceOverride
from os2bot.config.governance import CheckDef
from os2bot.config.jql import JqlFragment
from os2bot.config.terms import (
    GITHUB_LABEL_MAX,
    REPO_PATTERN,
    Extension,
    FundingItem,
    Level,
    Phase,
    ReadinessPoint,
    SupplierPhase,
)
from os2bot.domain import Query, requests_query
from os2bot.support import Selector, SupportDay, Term

ProductChat = ChatTargets


class ProductJira(Model):
    """The product's Jira project."""

    project: str = Field(
        pattern=r"^[A-Z][A-Z0-9_]{1,19}$", description="Jira project key, e.g. MO."
    )
    board: int | None = Field(default=None, ge=1, description="Jira board id.")


class ProductGitHub(Model):
    """The product's GitHub repository: its tracker, or (beside `jira`) where its files are."""

    repo: str = Field(
        pattern=REPO_PATTERN,
        description="Repository, owner/name, e.g. OS2borgerPC/os2borgerpc-produktforvaltning.",
    )
    requests_label: str = Field(
        default="udviklingsønske",
        min_length=1,
        max_length=GITHUB_LABEL_MAX,
        description="Label of development requests (OS2ulf uses enhancement).",
    )
    readiness: dict[ReadinessPoint, list[str]] = Field(
        default_factory=dict,
        description="Issue-form headings that answer OS2's points 2-5 of task qualification, "
        'by point, e.g. {acceptance: ["Acceptance Criteria"]}; points without headings are '
        "read from the text as on Jira.",
    )


class SelfAssessmentSource(Model):
    """A self-assessment read from a repository, not copied into the configuration."""

    repo: str | None = Field(
        default=None,
        pattern=REPO_PATTERN,
        description="Repository, owner/name (default: the product's github.repo).",
    )
    path: str = Field(
        min_length=1,
        pattern=r"^[^/].*[^/]$",
        description="File path in the repository, or a pattern for the file name such as "
        "dokumenter/*selvevaluering*.json (the newest by filledDate is read).",
    )


class Group(Model):
    """A steering or coordination group."""

    lead: Person | None = Field(default=None, description="Chair (formand) or coordinator.")
    members: list[Person] = Field(default_factory=list, description="Members.")
    cadence_days: int | None = Field(
        default=None, ge=1, description="Meets at least every this many days."
    )
    kommissorium: str | None = Field(default=None, description="Link to the terms of reference.")


class Supplier(Model):
    """A supplier (leverandør) and the phases it covers."""

    name: str = Field(min_length=1, description="Supplier name.")
    phases: list[SupplierPhase] = Field(min_length=1, description="Phases the supplier covers.")


class Need(Model):
    """Whether the need is mapped (what must the affiliation cover)."""

    mapped: bool = Field(default=False, description="The need is mapped and agreed.")
    document: str | None = Field(default=None, description="Link to the need analysis.")


class Agreement(Model):
    """The affiliation agreement (tilslutningsaftale)."""

    signed: date | None = Field(default=None, description="Date the agreement was signed.")
    expires: date | None = Field(
        default=None, description="The agreement's last day in force (it has expired after it)."
    )
    extensions: list[Extension] = Field(
        default_factory=list, description="videreudvikling and/or faelles_drift."
    )
    funded_items: list[FundingItem] = Field(
        default_factory=list, description="What the agreement funds."
    )

    def expired(self, today: date) -> bool:
        """Whether the agreement has ended: its last day in force lies before *today*."""
        return self.expires is not None and self.expires < today


_DURATION = r"^\d+(?:\.\d+)?[hd]$"


def _hours(value: str, day: SupportDay) -> float:
    """A term ("4h" support hours, "2d" working days) in support hours."""
    amount = float(value[:-1])
    return amount * day.hours if value.endswith("d") else amount


class IssueSelector(Model):
    """Which issues of the project: any of these labels, components or issue types."""

    labels: list[str] = Field(default_factory=list, description="Jira labels.")
    components: list[str] = Field(default_factory=list, description="Jira components.")
    issue_types: list[str] = Field(default_factory=list, description="Jira issue types.")

    @model_validator(mode="after")
    def _names_something(self) -> IssueSelector:
        if not (self.labels or self.components or self.issue_types):
            raise ValueError("name at least one label, component or issue type")
        return self

    def selector(self) -> Selector:
        """As the tracker is asked."""
        return Selector(tuple(self.labels), tuple(self.components), tuple(self.issue_types))


class SlaTerm(Model):
    """The SLA's times for one priority, in support hours (4h) or working days (2d)."""

    first_response: str = Field(
        pattern=_DURATION, description="Time to first response: 4h (support hours) or 2d."
    )
    resolution: str = Field(
        pattern=_DURATION, description="Time to resolution: 16h (support hours) or 5d."
    )


class SupportHours(Model):
    """When support is open: these hours on Danish working days."""

    opens: time = Field(default=time(8), description="Support opens, e.g. 08:00.")
    closes: time = Field(default=time(16), description="Support closes, e.g. 16:00.")

    @model_validator(mode="after")
    def _opens_before_closing(self) -> SupportHours:
        if self.closes <= self.opens:
            raise ValueError("support must open before it closes")
        return self


class SupportAgreementTerms(Model):
    """The joint support agreement (supportaftale) with the supplier."""

    supplier: str = Field(min_length=1, description="The supplier that gives support.")
    start: date = Field(description="First day in force.")
    expires: date = Field(description="Last day in force (it has expired after it).")
    document: str | None = Field(default=None, description="Where the signed agreement is filed.")

    @model_validator(mode="after")
    def _starts_before_expiring(self) -> SupportAgreementTerms:
        if self.expires < self.start:
            raise ValueError("the support agreement expires before it starts")
        return self

    def expired(self, today: date) -> bool:
        """Whether its last day in force lies before *today*."""
        return self.expires < today


class HoursCard(Model):
    """A prepaid hours card (klippekort): hours bought for a period, drawn on by some issues."""

    hours: int = Field(gt=0, description="Whole hours bought for the period.")
    start: date = Field(description="First day of the period.")
    end: date = Field(description="Last day of the period.")
    draws: IssueSelector = Field(description="The issues whose worklogs draw on the card.")
    worklog_property: dict[str, str] | None = Field(
        default=None,
        description="Only worklogs with this property (key: value), e.g. a Tempo account "
        "kept as a worklog property.",
    )

    @model_validator(mode="after")
    def _period(self) -> HoursCard:
        if self.end < self.start:
            raise ValueError("the card's period ends before it starts")
        if self.worklog_property is not None and len(self.worklog_property) != 1:
            raise ValueError("worklog_property names one key and its value")
        return self


class Support(Model):
    """Joint support (with the agreement's extension faelles_drift): agreement, SLA, hours card."""

    agreement: SupportAgreementTerms = Field(description="The support agreement.")
    issues: IssueSelector = Field(
        default_factory=lambda: IssueSelector(labels=["support"]),
        description="Which Jira issues are support issues (default: label support).",
    )
    hours: SupportHours = Field(
        default_factory=SupportHours, description="Support hours on working days."
    )
    sla: dict[str, SlaTerm] = Field(
        default_factory=dict,
        description="SLA terms by Jira priority name; * for every other priority.",
    )
    card: HoursCard | None = Field(default=None, description="A prepaid hours card.")

    @property
    def day(self) -> SupportDay:
        """The support day on the Danish calendar."""
        return SupportDay(self.hours.opens, self.hours.closes)

    def terms(self) -> dict[str, Term]:
        """The SLA terms in support hours, by priority."""
        day = self.day
        return {
            priority: Term(_hours(t.first_response, day), _hours(t.resolution, day))
            for priority, t in self.sla.items()
        }


class MemberAuthority(Model):
    """A municipality or other authority that has joined the product."""

    name: str = Field(min_length=1, description="Authority name, e.g. Aarhus Kommune.")
    joined: date | None = Field(default=None, description="Date it joined.")
    paid_development: bool = Field(
        default=False, description="Paid for the product's development already."
    )
    fee_paid: bool = Field(default=False, description="Paid the affiliation fee.")


class Waiver(Model):
    """A decision that a check need not be met for a while."""

    check: str = Field(min_length=1, description="Check id.")
    reason: str = Field(min_length=1, description="Why.")
    approver: str = Field(min_length=1, description="Who decided (e.g. the steering group).")
    expires: date = Field(description="Last day the waiver counts.")


class Threshold(Model):
    """Open the next round's task early when requests pile up."""

    count: int | None = Field(
        default=None, ge=1, description="This many untriaged development requests."
    )
    oldest_days: int | None = Field(
        default=None, ge=1, description="The oldest untriaged request is this many days old."
    )


class Prioritisation(Model):
    """The coordination group's rounds of prioritising development requests."""

    months: list[int] = Field(
        default_factory=lambda: [2, 5, 9, 11],
        description="Months with a prioritisation meeting.",
    )
    day: int = Field(default=15, ge=1, le=28, description="Day of the month of the meeting.")
    cron: str | None = Field(
        default=None, description="A cron expression instead of months and day."
    )
    lead_days: int = Field(
        default=14, ge=0, description="Open the round's task this many days before."
    )
    threshold: Threshold = Field(
        default_factory=Threshold, description="Open the task early when requests pile up."
    )
    requests_jql: JqlFragment = Field(
        default='labels = udviklingsønske AND statusCategory = "To Do"',
        min_length=1,
        description="Which issues are development requests waiting for prioritisation.",
    )

    @field_validator("months")
    @classmethod
    def _months(cls, months: list[int]) -> list[int]:
        if not months or any(not 1 <= m <= 12 for m in months):  # noqa: PLR2004
            raise ValueError("months must be 1 to 12")
        return months

    @field_validator("cron")
    @classmethod
    def _cron(cls, cron: str | None) -> str | None:
        return None if cron is None else valid_cron(cron)

    def next_round(self, today: date, tz: ZoneInfo) -> date:
        """The date of the next round on or after *today* (calendar days in *tz*)."""
        return next_round(today, months=tuple(self.months), day=self.day, cron=self.cron, tz=tz)


class Releases(Model):
    """Release- og deploymentstyring tasks for the product's Jira versions or GitHub milestones."""

    enabled: bool = Field(default=True, description="Open release tasks.")
    lead_days: int = Field(
        default=21, ge=1, description="Open a version's task this many days before its date."
    )


class Product(Model):
    """config/products/*.yaml: one OS2 product."""

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Short stable key, e.g. os2mo.")
    name: str = Field(min_length=1, description="Product name, e.g. OS2mo.")
    profile: str = Field(
        default="tilslutningsaftale", description="Governance profile id the product follows."
    )
    phase: Phase = Field(default="drift", description="tilsagn, tilslutning or drift.")
    level: Level = Field(default="2", description="Product level: sandkasse, 1, 2 or 3.")
    jira: ProductJira | None = Field(
        default=None, description="The product's Jira project (its tracker, when given)."
    )
    github: ProductGitHub | None = Field(
        default=None,
        description="The product's GitHub repository: its tracker when there is no jira, else "
        "where its files (minutes, self-assessment) are.",
    )
    steering_group: Group | None = Field(default=None, description="The steering group.")
    coordination_group: Group | None = Field(default=None, description="The coordination group.")
    suppliers: list[Supplier] = Field(default_factory=list, description="Suppliers.")
    need: Need = Field(default_factory=Need, description="The need the agreement covers.")
    agreement: Agreement | None = Field(default=None, description="The affiliation agreement.")
    support: Support | None = Field(
        default=None,
        description="Joint support: the support agreement, its SLA and any prepaid hours card "
        "(only with the agreement's extension faelles_drift).",
    )
    members: list[MemberAuthority] = Field(default_factory=list, description="Member authorities.")
    self_assessment: str | SelfAssessmentSource | None = Field(
        default=None,
        description="OS2's self-assessment JSON: a path relative to the config, or "
        "{repo, path} in a repository.",
    )
    waivers: list[Waiver] = Field(default_factory=list, description="Waivers by check.")
    prioritisation: Prioritisation | None = Field(
        default=None, description="Prioritisation rounds (none: no round tasks)."
    )
    triage: bool = Field(
        default=False, description="Comment on requests that miss points 1-5 of the checklist."
    )
    releases: Releases = Field(default_factory=Releases, description="Release tasks.")
    chat: ProductChat = Field(default_factory=ProductChat, description="Chat targets.")
    escalation: EscalationOverride = Field(
        default_factory=EscalationOverride,
        description="The product's own escalation ladders, replacing the profile's.",
    )
    overrides: dict[str, EvidenceOverride] = Field(
        default_factory=dict, description="Evidence overrides by check id."
    )
    evidence: dict[str, Annotated[list[Evidence], Field(min_length=1)]] = Field(
        default_factory=dict,
        description="Evidence replacing a check's own (its evidence and also), by check id; "
        "any kind, e.g. a declared fact instead of a JQL search.",
    )

    @model_validator(mode="after")
    def _has_a_tracker(self) -> Product:
        if self.jira is None and self.github is None:
            raise ValueError("a product names its tracker: jira: {project: …} or github: {repo: …}")
        return self

    @model_validator(mode="after")
    def _support_with_joint_operations(self) -> Product:
        if self.support is not None and "faelles_drift" not in self.extensions:
            raise ValueError(
                "support goes with joint operations: the agreement's extensions must include "
                "faelles_drift"
            )
        if self.support is not None and self.jira is None:
            raise ValueError("support is measured from Jira: the product needs jira: {project: …}")
        return self

    @property
    def tracker(self) -> str:
        """The tracker of its tasks and issues: jira when it names a Jira project, else github."""
        return "jira" if self.jira is not None else "github"

    @property
    def project(self) -> str:
        """Its project in its tracker: the Jira project key, or the GitHub repository."""
        if self.jira is not None:
            return self.jira.project
        assert self.github is not None  # noqa: S101 - the validator above guarantees it
        return self.github.repo

    @property
    def repository(self) -> str | None:
        """Its GitHub repository, if it names one (as tracker or for its files)."""
        return self.github.repo if self.github is not None else None

    @property
    def requests_query(self) -> Query:
        """The query for its development requests, in its tracker's terms."""
        if self.jira is None and self.github is not None:
            return requests_query(label=self.github.requests_label)
        return requests_query(self.requests_jql)

    @property
    def readiness(self) -> dict[str, list[str]] | None:
        """Issue-form headings by OS2 point, for requests on GitHub (None on Jira)."""
        if self.tracker == "github" and self.github is not None:
            return {point: list(headings) for point, headings in self.github.readiness.items()}
        return None

    def evidence_for(self, check: CheckDef) -> list[Evidence]:
        """The evidence *check* is judged by for this product: its replacement, else the check's."""
        return list(self.evidence.get(check.id) or check.evidences)

    @property
    def requests_jql(self) -> str:
        """Which issues are development requests (for rounds and triage)."""
        return (self.prioritisation or Prioritisation()).requests_jql

    @property
    def extensions(self) -> list[Extension]:
        """The agreement's extensions (none without an agreement)."""
        return list(self.agreement.extensions) if self.agreement else []
