# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""YAML configuration files -> validated pydantic models, with errors that name file and path."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from os2bot.messages import Language, text

# --------------------------------------------------------------------------------------------
# Models. Every field carries a description: `os2bot config validate` and the README's
# reference table are drawn from them.


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(_Model):
    """A text users read, in Danish and English."""

    da: str = Field(min_length=1, description="Danish text (the default language).")
    en: str = Field(min_length=1, description="English text.")

    def get(self, language: Language) -> str:
        """Return the text in *language*."""
        return self.da if language == "da" else self.en


class Person(_Model):
    """Someone the bot may name or assign tasks to."""

    name: str = Field(min_length=1, description="Full name.")
    authority: str | None = Field(default=None, description="Municipality or organisation.")
    email: str | None = Field(default=None, description="E-mail address.")
    jira_user: str | None = Field(
        default=None, description="Jira accountId (Cloud) or user name (Data Center)."
    )


class JiraConfig(_Model):
    """Where Jira is and what kind it is."""

    url: str | None = Field(
        default=None,
        pattern=r"^https?://[^\s/]+(/[^\s]*)?$",
        description="Base URL of Jira, e.g. https://os2web.atlassian.net. "
        "OS2BOT_JIRA_URL overrides it.",
    )
    deployment: Literal["cloud", "datacenter"] = Field(
        default="cloud",
        description="cloud: email + API token, /search/jql paging; "
        "datacenter: personal access token, /search paging.",
    )
    task_issue_type: str = Field(
        default="Task", min_length=1, description="Issue type of the tasks the bot opens."
    )


class SlackConfig(_Model):
    """Slack workspace settings (the token comes from OS2BOT_SLACK_TOKEN)."""

    enabled: bool = Field(default=True, description="Post to Slack at all.")


class ZulipConfig(_Model):
    """Zulip (OS2samtale) settings; site, e-mail and API key come from OS2BOT_ZULIP_*."""

    enabled: bool = Field(default=True, description="Post to Zulip at all.")


class ChatConfig(_Model):
    """Chat systems the bot posts to."""

    slack: SlackConfig = Field(default_factory=SlackConfig, description="Slack settings.")
    zulip: ZulipConfig = Field(default_factory=ZulipConfig, description="Zulip settings.")
    round_reminder_days: int = Field(
        default=7, ge=0, description="Remind the coordination group this many days before a round."
    )


class ChatTargets(_Model):
    """Where messages go: a Slack channel and/or a Zulip stream and topic (OS2samtale)."""

    slack_channel: str | None = Field(
        default=None,
        pattern=r"^(#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{6,})$",
        description="Slack channel: #name or channel id (C…).",
    )
    zulip_stream: str | None = Field(
        default=None, min_length=1, max_length=60, description="Zulip stream (channel)."
    )
    zulip_topic: str = Field(
        default="os2bot", min_length=1, max_length=60, description="Zulip topic in the stream."
    )

    def targets(self) -> list[str]:
        """Addresses as the chat adapters read them: 'slack:#x', 'zulip:stream>topic'."""
        found = []
        if self.slack_channel:
            found.append(f"slack:{self.slack_channel}")
        if self.zulip_stream:
            found.append(f"zulip:{self.zulip_stream}>{self.zulip_topic}")
        return found


ProductChat = ChatTargets


class Secretariat(_Model):
    """The OS2 secretariat: where its tasks go."""

    jira_project: str | None = Field(
        default=None,
        pattern=r"^[A-Z][A-Z0-9_]{1,19}$",
        description="Jira project for the secretariat's tasks (fees, expiring agreements).",
    )
    lead: Person | None = Field(default=None, description="Who the secretariat's tasks go to.")
    expiry_days: list[int] = Field(
        default_factory=lambda: [90, 30],
        description="Open a task this many days before an agreement expires.",
    )
    chat: ChatTargets = Field(
        default_factory=ChatTargets, description="Where the weekly digest goes."
    )
    report_url: str | None = Field(
        default=None, description="Link to the full compliance report, shown in the digest."
    )
    dashboard: bool = Field(
        default=False,
        description="Keep one dashboard issue in the secretariat's project current.",
    )


class TasksConfig(_Model):
    """How the bot writes to Jira."""

    budget: int = Field(
        default=50, ge=1, description="Most writes in one run; the rest waits for the next run."
    )
    closed_days: list[str] = Field(
        default_factory=lambda: ["12-24", "12-31", "06-05"],
        description="MM-DD days treated as closed besides public holidays (due dates).",
    )
    reminder_due_working_days: int = Field(
        default=20, ge=1, description="Working days a reminder task is due in."
    )


def _cron(value: str) -> str:
    from os2bot.calendar import check_cron  # noqa: PLC0415 - calendar imports config's peers

    check_cron(value)
    return value


class Schedule(_Model):
    """When `os2bot run` works, as cron expressions in the configured timezone."""

    apply: str = Field(default="0 7 * * 1-5", description="One run (default weekdays 07:00).")
    digest: str = Field(
        default="0 8 * * 1", description="A run with the secretariat's digest (Monday 08:00)."
    )
    misfire_grace_seconds: int = Field(
        default=3600, ge=1, description="A run missed by less than this still happens."
    )
    run_at_start: bool = Field(default=False, description="Also run once when the service starts.")

    @field_validator("apply", "digest")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        return _cron(value)


class ServiceConfig(_Model):
    """The long-running service: health and metrics, alerts, history."""

    host: str = Field(default="127.0.0.1", description="Address /healthz and /metrics bind to.")
    port: int = Field(default=9464, ge=0, le=65535, description="Port of /healthz and /metrics.")
    failure_alert_after: int = Field(
        default=3, ge=1, description="Tell the maintainer after this many failed runs in a row."
    )
    maintainer: ChatTargets = Field(
        default_factory=ChatTargets, description="Where failure and recovery alerts go."
    )
    retention_days: int | None = Field(
        default=None, ge=1, description="Forget run history older than this (default: keep all)."
    )


class BotConfig(_Model):
    """config/os2bot.yaml: where Jira and chat are, language and timezone."""

    language: Language = Field(default="da", description="Language of everything users read.")
    timezone: str = Field(
        default="Europe/Copenhagen",
        description="IANA timezone for dates, windows and schedules.",
    )
    jira: JiraConfig = Field(default_factory=JiraConfig, description="The Jira instance.")
    chat: ChatConfig = Field(default_factory=ChatConfig, description="Chat systems.")
    secretariat: Secretariat = Field(
        default_factory=Secretariat, description="The OS2 secretariat."
    )
    tasks: TasksConfig = Field(default_factory=TasksConfig, description="Task settings.")
    schedule: Schedule = Field(default_factory=Schedule, description="When `os2bot run` works.")
    service: ServiceConfig = Field(
        default_factory=ServiceConfig, description="Health, metrics, alerts, history."
    )

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        return value

    @property
    def tz(self) -> ZoneInfo:
        """The configured timezone."""
        return ZoneInfo(self.timezone)


DateField = Literal["created", "updated", "resolved", "duedate"]
Phase = Literal["tilsagn", "tilslutning", "drift"]
PHASES: tuple[Phase, ...] = ("tilsagn", "tilslutning", "drift")
Level = Literal["sandkasse", "1", "2", "3"]
LEVELS: tuple[Level, ...] = ("sandkasse", "1", "2", "3")
Extension = Literal["videreudvikling", "faelles_drift"]
SupplierPhase = Literal[
    "udvikling", "implementering", "raadgivning", "projektledelse", "faellesskab"
]
SUPPLIER_PHASES: tuple[SupplierPhase, ...] = (
    "udvikling",
    "implementering",
    "raadgivning",
    "projektledelse",
    "faellesskab",
)
FundingItem = Literal[
    # the six the agreement must fund at minimum
    "vedligehold",
    "governancekrav",
    "koordinationsgruppe",
    "videndeling",
    "leverandoerdialog",
    "promovering",
    # the extension for continuous further development
    "prioritering",
    "bestilling",
    "arkitektur",
    # joint operations
    "driftsaftale",
    "release",
    "leverandoerstyring",
]
Fact = Literal[
    "steering_group",
    "coordination_group",
    "need_mapped",
    "suppliers_cover_phases",
    "funded_item",
    "fee_paid",
]


class JqlEvidence(_Model):
    """Issues in the product's Jira project that match a JQL fragment."""

    kind: Literal["jql"] = Field(description="Evidence kind.")
    jql: str = Field(
        min_length=1,
        description="JQL fragment; the bot adds `project in (...)` and runs it once for all "
        "products.",
    )
    date_field: DateField = Field(
        default="resolved", description="Date that `within_days` is measured on."
    )
    within_days: int | None = Field(
        default=None, ge=1, description="The newest matching issue must be this recent."
    )
    min_count: int = Field(default=1, ge=1, description="At least this many issues must match.")


class DeclaredEvidence(_Model):
    """A fact stated in the product file, backed by a Jira trace where one is configured."""

    kind: Literal["declared"] = Field(description="Evidence kind.")
    fact: Fact = Field(description="Which fact of the product file is read.")
    item: FundingItem | None = Field(
        default=None, description="For fact funded_item: the funding item."
    )
    trace: JqlEvidence | None = Field(
        default=None, description="Jira issues that should back the declaration."
    )

    @model_validator(mode="after")
    def _item_with_funded_item(self) -> DeclaredEvidence:
        if (self.fact == "funded_item") != (self.item is not None):
            raise ValueError("`item` goes with fact funded_item, and only with it")
        return self


class ActivityEvidence(_Model):
    """The Jira project is in use: issues updated lately, and a board exists."""

    kind: Literal["activity"] = Field(description="Evidence kind.")
    updated_within_days: int = Field(
        default=60, ge=1, description="Some issue must have been updated this recently."
    )
    board: bool = Field(default=True, description="The project must have an agile board.")


class VersionsEvidence(_Model):
    """Release management seen in the project's Jira versions."""

    kind: Literal["versions"] = Field(description="Evidence kind.")
    released_within_days: int | None = Field(
        default=None, ge=1, description="Some version must have been released this recently."
    )
    no_overdue: bool = Field(
        default=True, description="No unreleased version may be past its release date."
    )


class SelfAssessmentEvidence(_Model):
    """OS2's self-assessment (selvevaluering) against the governance requirement catalogue."""

    kind: Literal["self_assessment"] = Field(description="Evidence kind.")
    max_age_days: int = Field(
        default=183, ge=1, description="Older assessments are stale (OS2 evaluates twice a year)."
    )


Evidence = Annotated[
    JqlEvidence | DeclaredEvidence | ActivityEvidence | VersionsEvidence | SelfAssessmentEvidence,
    Field(discriminator="kind"),
]
EVIDENCE_KINDS = frozenset({"jql", "declared", "activity", "versions", "self_assessment"})

Owner = Literal["steering_group", "coordination_group", "secretariat"]


class Applicability(_Model):
    """When a check applies: in which phases, and only with which agreement extension."""

    phases: list[Phase] = Field(
        default_factory=lambda: list(PHASES),
        description="Product phases in which the check applies.",
    )
    extension: Extension | None = Field(
        default=None, description="Applies only when the agreement has this extension."
    )


class CheckDef(_Model):
    """One check of the governance profile."""

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Stable id, used in fingerprints."
    )
    title: Bilingual = Field(description="What is checked.")
    short: str = Field(
        default="", max_length=12, description="Short column label for tables (default: id)."
    )
    source: str = Field(
        min_length=1, description="Where in OS2's practice (seed text) the check comes from."
    )
    category: Literal["prerequisite", "funding", "fee", "requirement"] = Field(
        description="prerequisite, funding item, fee or catalogue requirement."
    )
    severity: Literal["high", "medium", "low"] = Field(description="How much a gap matters.")
    applies: Applicability = Field(
        default_factory=Applicability, description="When the check applies."
    )
    evidence: Evidence = Field(description="How the check is evidenced.")
    also: list[Evidence] = Field(
        default_factory=list, description="Further evidence that must hold as well."
    )
    fix: Bilingual = Field(description="How to fix it, shown in tasks and chat.")
    owner: Owner = Field(
        default="steering_group", description="Who is reminded when the check fails."
    )
    remind: bool = Field(default=True, description="Open a reminder task when not met.")

    @property
    def evidences(
        self,
    ) -> list[
        JqlEvidence
        | DeclaredEvidence
        | ActivityEvidence
        | VersionsEvidence
        | SelfAssessmentEvidence
    ]:
        """All evidence the check needs, first the main one."""
        return [self.evidence, *self.also]

    @property
    def label(self) -> str:
        """The short column label."""
        return self.short or self.id[:12]


class Profile(_Model):
    """config/governance/*.yaml: a governance profile, the checks as data."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Profile id.")
    version: str = Field(min_length=1, description="Version of this profile.")
    title: Bilingual = Field(description="Name of the profile.")
    catalogue: str | None = Field(
        default=None, description="Id of the requirement catalogue that self-assessments use."
    )
    checks: list[CheckDef] = Field(min_length=1, description="The checks.")

    @field_validator("checks")
    @classmethod
    def _unique_ids(cls, checks: list[CheckDef]) -> list[CheckDef]:
        seen: set[str] = set()
        for check in checks:
            if check.id in seen:
                raise ValueError(f"duplicate check id {check.id!r}")
            seen.add(check.id)
        return checks

    def check(self, check_id: str) -> CheckDef:
        """Return the check with *check_id*."""
        return next(c for c in self.checks if c.id == check_id)


class Requirement(_Model):
    """One requirement of OS2's governance requirement catalogue."""

    id: str = Field(pattern=r"^[RFSG][0-9]{1,2}$", description="Requirement id, e.g. G6.")
    category: Literal["relevans", "formkrav", "strategisk", "governance"] = Field(
        description="OS2's theme (kategori)."
    )
    level: Level = Field(description="The lowest product level it applies to.")
    title: Bilingual = Field(description="The requirement, abbreviated.")
    recommendation: bool = Field(
        default=False, description="Only recommended (anbefaling): a 'Nej' warns, not fails."
    )


class Catalogue(_Model):
    """config/governance/catalogue-*.yaml: OS2's governance requirements, versioned."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Catalogue id.")
    version: str = Field(min_length=1, description="OS2's version of the catalogue.")
    source: str = Field(min_length=1, description="Where the catalogue comes from.")
    requirements: list[Requirement] = Field(min_length=1, description="The requirements.")

    @field_validator("requirements")
    @classmethod
    def _unique_requirements(cls, requirements: list[Requirement]) -> list[Requirement]:
        ids = [r.id for r in requirements]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate requirement id(s): {', '.join(duplicates)}")
        return requirements


class EvidenceOverride(_Model):
    """Per-product changes to a check's evidence parameters."""

    jql: str | None = Field(default=None, min_length=1, description="Replacement JQL fragment.")
    date_field: DateField | None = Field(default=None, description="Replacement date field.")
    within_days: int | None = Field(default=None, ge=1, description="Replacement window.")
    min_count: int | None = Field(default=None, ge=1, description="Replacement minimum count.")
    updated_within_days: int | None = Field(
        default=None, ge=1, description="Replacement activity window."
    )
    board: bool | None = Field(default=None, description="Whether a board is required.")
    released_within_days: int | None = Field(
        default=None, ge=1, description="Replacement release window."
    )
    no_overdue: bool | None = Field(default=None, description="Whether overdue versions fail.")
    max_age_days: int | None = Field(
        default=None, ge=1, description="Replacement self-assessment age limit."
    )


class ProductJira(_Model):
    """The product's Jira project."""

    project: str = Field(
        pattern=r"^[A-Z][A-Z0-9_]{1,19}$", description="Jira project key, e.g. MO."
    )
    board: int | None = Field(default=None, ge=1, description="Jira board id.")


class Group(_Model):
    """A steering or coordination group."""

    lead: Person | None = Field(default=None, description="Chair (formand) or coordinator.")
    members: list[Person] = Field(default_factory=list, description="Members.")
    cadence_days: int | None = Field(
        default=None, ge=1, description="Meets at least every this many days."
    )
    kommissorium: str | None = Field(default=None, description="Link to the terms of reference.")


class Supplier(_Model):
    """A supplier (leverandør) and the phases it covers."""

    name: str = Field(min_length=1, description="Supplier name.")
    phases: list[SupplierPhase] = Field(min_length=1, description="Phases the supplier covers.")


class Need(_Model):
    """Whether the need is mapped (what must the affiliation cover)."""

    mapped: bool = Field(default=False, description="The need is mapped and agreed.")
    document: str | None = Field(default=None, description="Link to the need analysis.")


class Agreement(_Model):
    """The affiliation agreement (tilslutningsaftale)."""

    signed: date | None = Field(default=None, description="Date the agreement was signed.")
    expires: date | None = Field(default=None, description="Date the agreement expires.")
    extensions: list[Extension] = Field(
        default_factory=list, description="videreudvikling and/or faelles_drift."
    )
    funded_items: list[FundingItem] = Field(
        default_factory=list, description="What the agreement funds."
    )


class MemberAuthority(_Model):
    """A municipality or other authority that has joined the product."""

    name: str = Field(min_length=1, description="Authority name, e.g. Aarhus Kommune.")
    joined: date | None = Field(default=None, description="Date it joined.")
    paid_development: bool = Field(
        default=False, description="Paid for the product's development already."
    )
    fee_paid: bool = Field(default=False, description="Paid the affiliation fee.")


class Waiver(_Model):
    """A decision that a check need not be met for a while."""

    check: str = Field(min_length=1, description="Check id.")
    reason: str = Field(min_length=1, description="Why.")
    approver: str = Field(min_length=1, description="Who decided (e.g. the steering group).")
    expires: date = Field(description="Last day the waiver counts.")


class Threshold(_Model):
    """Open the next round's task early when requests pile up."""

    count: int | None = Field(
        default=None, ge=1, description="This many untriaged development requests."
    )
    oldest_days: int | None = Field(
        default=None, ge=1, description="The oldest untriaged request is this many days old."
    )


class Prioritisation(_Model):
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
    requests_jql: str = Field(
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
        return None if cron is None else _cron(cron)


class Releases(_Model):
    """Release- og deploymentstyring tasks for the product's Jira versions."""

    enabled: bool = Field(default=True, description="Open release tasks.")
    lead_days: int = Field(
        default=21, ge=1, description="Open a version's task this many days before its date."
    )


class Product(_Model):
    """config/products/*.yaml: one OS2 product."""

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Short stable key, e.g. os2mo.")
    name: str = Field(min_length=1, description="Product name, e.g. OS2mo.")
    profile: str = Field(
        default="tilslutningsaftale", description="Governance profile id the product follows."
    )
    phase: Phase = Field(default="drift", description="tilsagn, tilslutning or drift.")
    level: Level = Field(default="2", description="Product level: sandkasse, 1, 2 or 3.")
    jira: ProductJira = Field(description="The product's Jira project.")
    steering_group: Group | None = Field(default=None, description="The steering group.")
    coordination_group: Group | None = Field(default=None, description="The coordination group.")
    suppliers: list[Supplier] = Field(default_factory=list, description="Suppliers.")
    need: Need = Field(default_factory=Need, description="The need the agreement covers.")
    agreement: Agreement | None = Field(default=None, description="The affiliation agreement.")
    members: list[MemberAuthority] = Field(default_factory=list, description="Member authorities.")
    self_assessment: str | None = Field(
        default=None, description="Path of OS2's self-assessment JSON, relative to the config."
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
    overrides: dict[str, EvidenceOverride] = Field(
        default_factory=dict, description="Evidence overrides by check id."
    )

    @property
    def requests_jql(self) -> str:
        """Which issues are development requests (for rounds and triage)."""
        return (self.prioritisation or Prioritisation()).requests_jql

    @property
    def extensions(self) -> list[Extension]:
        """The agreement's extensions (none without an agreement)."""
        return list(self.agreement.extensions) if self.agreement else []


# --------------------------------------------------------------------------------------------
# Loading


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong in one file."""

    file: str
    path: str
    message_key: str
    params: dict[str, Any]

    def render(self, language: Language) -> str:
        """Return ``file: path: what is wrong`` in *language*."""
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {text(self.message_key, language, **self.params)}"


class ConfigError(Exception):
    """The configuration cannot be used; every problem names its file and path."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        """Keep *problems*, which are rendered in the user's language on output."""
        super().__init__(problems[0].render("en") if problems else "configuration error")
        self.problems = problems

    def render(self, language: Language) -> str:
        """All problems, one per line."""
        return "\n".join(p.render(language) for p in self.problems)


@dataclass(frozen=True)
class Config:
    """Everything loaded from a config directory."""

    root: Path
    bot: BotConfig
    profiles: dict[str, Profile]
    products: tuple[Product, ...]
    catalogues: dict[str, Catalogue] = field(default_factory=dict)

    def profile_for(self, product: Product) -> Profile:
        """The governance profile *product* follows."""
        return self.profiles[product.profile]

    def product(self, key: str) -> Product:
        """The product with *key*."""
        return next(p for p in self.products if p.key == key)

    def check_of(self, product_key: str, check_id: str) -> CheckDef:
        """The check *check_id* of the profile that product *product_key* follows."""
        return self.profile_for(self.product(product_key)).check(check_id)


def example_config_dir() -> Path:
    """The example configuration shipped with os2bot (the source tree's, or the wheel's)."""
    source_tree = Path(__file__).resolve().parent.parent / "config"
    if (source_tree / "os2bot.yaml").exists():
        return source_tree
    return Path(__file__).resolve().parent / "_config"


def load_config(root: Path) -> Config:
    """Load and validate every file under *root*; raise ConfigError listing all problems."""
    problems: list[ConfigProblem] = []
    if not (root / "os2bot.yaml").is_file():
        raise ConfigError(
            [ConfigProblem(str(root), "", "config.no_main_file", {"file": "os2bot.yaml"})]
        )
    bot = _load_model(root, root / "os2bot.yaml", BotConfig, problems)
    profiles, catalogues = _load_governance(root, problems)
    products = _load_products(root, profiles, problems)
    if not products and not problems:
        problems.append(ConfigProblem(str(root / "products"), "", "config.no_products", {}))
    if problems or bot is None:
        raise ConfigError(problems)
    return Config(
        root=root, bot=bot, profiles=profiles, products=tuple(products), catalogues=catalogues
    )


def _load_governance(
    root: Path, problems: list[ConfigProblem]
) -> tuple[dict[str, Profile], dict[str, Catalogue]]:
    """Profiles and requirement catalogues (a file with `requirements:` is a catalogue)."""
    profiles: dict[str, Profile] = {}
    catalogues: dict[str, Catalogue] = {}
    for path in sorted((root / "governance").glob("*.yaml")):
        is_catalogue = _has_top_level_key(path, "requirements")
        loaded: Catalogue | Profile | None = (
            _load_model(root, path, Catalogue, problems)
            if is_catalogue
            else _load_model(root, path, Profile, problems)
        )
        if loaded is None:
            continue
        known: dict[str, Any] = catalogues if isinstance(loaded, Catalogue) else profiles
        if loaded.id in known:
            problems.append(
                ConfigProblem(_rel(root, path), "id", "config.duplicate", {"value": loaded.id})
            )
        known[loaded.id] = loaded
    problems.extend(
        ConfigProblem(
            f"governance ({profile.id})",
            "catalogue",
            "config.unknown_catalogue",
            {"value": profile.catalogue, "known": ", ".join(sorted(catalogues)) or "-"},
        )
        for profile in profiles.values()
        if profile.catalogue and profile.catalogue not in catalogues
    )
    return profiles, catalogues


def _has_top_level_key(path: Path, key: str) -> bool:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return False  # the real load reports it
    return isinstance(data, dict) and key in data


def _load_products(
    root: Path, profiles: dict[str, Profile], problems: list[ConfigProblem]
) -> list[Product]:
    """Every products/*.yaml, with keys and Jira projects unique across files."""
    products: list[Product] = []
    seen: dict[str, str] = {}
    for path in sorted((root / "products").glob("*.yaml")):
        product = _load_model(root, path, Product, problems)
        if product is None:
            continue
        rel = _rel(root, path)
        for name, value in (("key", product.key), ("jira.project", product.jira.project)):
            marker = f"{name}={value}"
            if marker in seen:
                problems.append(
                    ConfigProblem(
                        rel, name, "config.duplicate_in", {"value": value, "other": seen[marker]}
                    )
                )
            seen[marker] = rel
        problems.extend(_cross_check(root, rel, product, profiles))
        products.append(product)
    return products


def _cross_check(
    root: Path, rel: str, product: Product, profiles: dict[str, Profile]
) -> list[ConfigProblem]:
    """What a product file says about other files: profile, check ids, paths."""
    profile = profiles.get(product.profile)
    if profile is None:
        return [
            ConfigProblem(
                rel,
                "profile",
                "config.unknown_profile",
                {"value": product.profile, "known": ", ".join(sorted(profiles)) or "-"},
            )
        ]
    checks = {c.id: c for c in profile.checks}
    known = ", ".join(sorted(checks))
    problems: list[ConfigProblem] = []
    for check_id, override in product.overrides.items():
        check = checks.get(check_id)
        if check is None:
            problems.append(
                ConfigProblem(
                    rel,
                    f"overrides.{check_id}",
                    "config.unknown_check",
                    {"value": check_id, "known": known},
                )
            )
            continue
        params = {name for e in check.evidences for name in type(e).model_fields}
        problems.extend(
            ConfigProblem(
                rel,
                f"overrides.{check_id}.{name}",
                "config.unknown_param",
                {"value": name, "check": check_id, "known": ", ".join(sorted(params - {"kind"}))},
            )
            for name in override.model_dump(exclude_none=True)
            if name not in params
        )
    problems.extend(
        ConfigProblem(
            rel,
            f"waivers[{index}].check",
            "config.unknown_check",
            {"value": waiver.check, "known": known},
        )
        for index, waiver in enumerate(product.waivers)
        if waiver.check not in checks
    )
    if product.self_assessment and not (root / product.self_assessment).is_file():
        problems.append(
            ConfigProblem(
                rel, "self_assessment", "config.no_file", {"value": product.self_assessment}
            )
        )
    return problems


def _rel(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


M = TypeVar("M", bound=BaseModel)


def _load_model(root: Path, path: Path, model: type[M], problems: list[ConfigProblem]) -> M | None:
    rel = _rel(root, path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.append(ConfigProblem(rel, "", "config.not_utf8", {}))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        column = mark.column + 1 if mark is not None else "?"
        problems.append(
            ConfigProblem(
                rel,
                "",
                "config.yaml_syntax",
                {"line": line, "column": column, "problem": getattr(exc, "problem", None) or exc},
            )
        )
        return None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        problems.append(ConfigProblem(rel, "", "config.not_mapping", {}))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_problems_from(rel, exc))
        return None


def _problems_from(rel: str, exc: ValidationError) -> list[ConfigProblem]:
    problems = []
    for error in exc.errors(include_url=False):
        path = ""
        trail: list[str | int] = []
        for part in error["loc"]:
            # pydantic puts a discriminated union's tag into the location
            # ("evidence.jql.within_days", "also[0].jql.jql"); users wrote no tag.
            in_union = trail[-1:] in (["evidence"], ["trace"]) or (
                len(trail) > 1 and isinstance(trail[-1], int) and trail[-2] == "also"
            )
            if in_union and part in EVIDENCE_KINDS:
                continue
            trail.append(part)
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        kind = str(error["type"])
        ctx = {k: _short(v) for k, v in (error.get("ctx") or {}).items()}
        params: dict[str, Any] = {"detail": error["msg"], "input": _short(error.get("input"))}
        params.update(ctx)
        key = f"pydantic.{kind}"
        problems.append(ConfigProblem(rel, path, key, params))
    return problems


def _short(value: Any) -> str:
    rendered = repr(value) if not isinstance(value, str) else value
    return rendered if len(rendered) <= 60 else rendered[:57] + "..."  # noqa: PLR2004
