# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""YAML configuration files -> validated pydantic models, with errors that name file and path."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

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


class ChatConfig(_Model):
    """Chat systems the bot posts to."""

    slack: SlackConfig = Field(default_factory=SlackConfig, description="Slack settings.")


class BotConfig(_Model):
    """config/os2bot.yaml: where Jira and chat are, language and timezone."""

    language: Language = Field(default="da", description="Language of everything users read.")
    timezone: str = Field(
        default="Europe/Copenhagen",
        description="IANA timezone for dates, windows and schedules.",
    )
    jira: JiraConfig = Field(default_factory=JiraConfig, description="The Jira instance.")
    chat: ChatConfig = Field(default_factory=ChatConfig, description="Chat systems.")

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


class JqlEvidence(_Model):
    """Evidence from issues in the product's Jira project that match a JQL fragment."""

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


# One evidence kind so far; more join this as a discriminated union on `kind`.
Evidence = JqlEvidence
EVIDENCE_KINDS = frozenset({"jql"})

Owner = Literal["steering_group", "coordination_group", "secretariat"]


class CheckDef(_Model):
    """One check of the governance profile."""

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Stable id, used in fingerprints."
    )
    title: Bilingual = Field(description="What is checked.")
    source: str = Field(
        min_length=1, description="Where in OS2's practice (seed text) the check comes from."
    )
    category: Literal["prerequisite", "funding", "fee", "requirement"] = Field(
        description="prerequisite, funding item, fee or catalogue requirement."
    )
    severity: Literal["high", "medium", "low"] = Field(description="How much a gap matters.")
    evidence: Evidence = Field(description="How the check is evidenced.")
    fix: Bilingual = Field(description="How to fix it, shown in tasks and chat.")
    owner: Owner = Field(
        default="steering_group", description="Who is reminded when the check fails."
    )
    remind: bool = Field(default=True, description="Open a reminder task when not met.")


class Profile(_Model):
    """config/governance/*.yaml: a governance profile, the checks as data."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Profile id.")
    version: str = Field(min_length=1, description="Version of this profile.")
    title: Bilingual = Field(description="Name of the profile.")
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


class EvidenceOverride(_Model):
    """Per-product changes to a check's JQL evidence."""

    jql: str | None = Field(default=None, min_length=1, description="Replacement JQL fragment.")
    date_field: DateField | None = Field(default=None, description="Replacement date field.")
    within_days: int | None = Field(default=None, ge=1, description="Replacement window.")
    min_count: int | None = Field(default=None, ge=1, description="Replacement minimum count.")


class ProductJira(_Model):
    """The product's Jira project."""

    project: str = Field(
        pattern=r"^[A-Z][A-Z0-9_]{1,19}$", description="Jira project key, e.g. MO."
    )
    board: int | None = Field(default=None, ge=1, description="Jira board id.")


class ProductChat(_Model):
    """Where the product's status goes."""

    slack_channel: str | None = Field(
        default=None,
        pattern=r"^(#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{6,})$",
        description="Slack channel: #name or channel id (C…).",
    )


class Product(_Model):
    """config/products/*.yaml: one OS2 product."""

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Short stable key, e.g. os2mo.")
    name: str = Field(min_length=1, description="Product name, e.g. OS2mo.")
    profile: str = Field(
        default="tilslutningsaftale", description="Governance profile id the product follows."
    )
    jira: ProductJira = Field(description="The product's Jira project.")
    chat: ProductChat = Field(default_factory=ProductChat, description="Chat targets.")
    overrides: dict[str, EvidenceOverride] = Field(
        default_factory=dict, description="Evidence overrides by check id."
    )


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

    def profile_for(self, product: Product) -> Profile:
        """The governance profile *product* follows."""
        return self.profiles[product.profile]


def default_config_dir() -> Path:
    """$OS2BOT_CONFIG, else ./config, else the example configuration shipped with os2bot."""
    if env := os.environ.get("OS2BOT_CONFIG"):
        return Path(env)
    here = Path("config")
    if (here / "os2bot.yaml").exists():
        return here
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
    profiles: dict[str, Profile] = {}
    for path in sorted((root / "governance").glob("*.yaml")):
        profile = _load_model(root, path, Profile, problems)
        if profile is None:
            continue
        if profile.id in profiles:
            problems.append(
                ConfigProblem(_rel(root, path), "id", "config.duplicate", {"value": profile.id})
            )
        profiles[profile.id] = profile
    products = _load_products(root, profiles, problems)
    if not products and not problems:
        problems.append(ConfigProblem(str(root / "products"), "", "config.no_products", {}))
    if problems or bot is None:
        raise ConfigError(problems)
    return Config(root=root, bot=bot, profiles=profiles, products=tuple(products))


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
        for field, value in (("key", product.key), ("jira.project", product.jira.project)):
            marker = f"{field}={value}"
            if marker in seen:
                problems.append(
                    ConfigProblem(
                        rel, field, "config.duplicate_in", {"value": value, "other": seen[marker]}
                    )
                )
            seen[marker] = rel
        problems.extend(_cross_check(rel, product, profiles))
        products.append(product)
    return products


def _cross_check(rel: str, product: Product, profiles: dict[str, Profile]) -> list[ConfigProblem]:
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
    known = {c.id for c in profile.checks}
    return [
        ConfigProblem(
            rel,
            f"overrides.{check_id}",
            "config.unknown_check",
            {"value": check_id, "known": ", ".join(sorted(known))},
        )
        for check_id in product.overrides
        if check_id not in known
    ]


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
        previous: str | int = ""
        for part in error["loc"]:
            # pydantic puts a discriminated union's tag into the location
            # ("evidence.jql.within_days"); users wrote "evidence.within_days".
            if previous == "evidence" and part in EVIDENCE_KINDS:
                continue
            previous = part
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
