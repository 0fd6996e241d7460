# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""config/os2bot.yaml: where Jira and chat are, language, timezone, schedules, the service."""

from __future__ import annotations

from typing import Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from os2bot.calendar import cron_problem
from os2bot.config.base import Model, Person
from os2bot.messages import Language


class JiraConfig(Model):
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


class SlackConfig(Model):
    """Slack workspace settings (the token comes from OS2BOT_SLACK_TOKEN)."""

    enabled: bool = Field(default=True, description="Post to Slack at all.")
    listen: bool = Field(
        default=True,
        description="Answer in Slack (Socket Mode) while `os2bot run` runs, when "
        "OS2BOT_SLACK_APP_TOKEN is set.",
    )


class ZulipConfig(Model):
    """Zulip (OS2samtale) settings; site, e-mail and API key come from OS2BOT_ZULIP_*."""

    enabled: bool = Field(default=True, description="Post to Zulip at all.")
    listen: bool = Field(
        default=True,
        description="Answer in Zulip (its event queue) while `os2bot run` runs.",
    )


class ChatConfig(Model):
    """Chat systems the bot posts to."""

    slack: SlackConfig = Field(default_factory=SlackConfig, description="Slack settings.")
    zulip: ZulipConfig = Field(default_factory=ZulipConfig, description="Zulip settings.")
    round_reminder_days: int = Field(
        default=7, ge=0, description="Remind the coordination group this many days before a round."
    )


class ChatTargets(Model):
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


class Secretariat(Model):
    """The OS2 secretariat: where its tasks go."""

    jira_project: str | None = Field(
        default=None,
        pattern=r"^[A-Z][A-Z0-9_]{1,19}$",
        description="Jira project for the secretariat's tasks (fees, expiring agreements).",
    )
    lead: Person | None = Field(default=None, description="Who the secretariat's tasks go to.")
    members: list[Person] = Field(
        default_factory=list,
        description="Others of the secretariat: may acknowledge, snooze and ask for waivers in "
        "chat, as the lead may.",
    )
    expiry_days: list[int] = Field(
        default_factory=lambda: [90, 30],
        description="Open a task this many days before an agreement expires.",
    )
    chat: ChatTargets = Field(
        default_factory=ChatTargets, description="Where the weekly digest goes."
    )
    report_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^\s/]+(/[^\s]*)?$",
        description="Where `os2bot run` serves the report, as people reach it (e.g. behind a "
        "reverse proxy): the digest, the dashboard issue and each status message link there.",
    )
    dashboard: bool = Field(
        default=False,
        description="Keep one dashboard issue in the secretariat's project current.",
    )

    def report_page(self) -> str | None:
        """The served report's portfolio page, if `report_url` is set."""
        return self.report_url.rstrip("/") + "/" if self.report_url else None

    def product_page(self, key: str) -> str | None:
        """The served report's page of the product *key*, if `report_url` is set."""
        base = self.report_page()
        return f"{base}produkt/{quote(key, safe='')}" if base else None


class TasksConfig(Model):
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


def valid_cron(value: str) -> str:
    """*value* if it is a cron expression that fires, else ValueError."""
    problem = cron_problem(value)
    if problem == "invalid":
        raise PydanticCustomError(
            "cron_invalid", "not a cron expression: {value}", {"value": value}
        )
    if problem == "never_fires":
        raise PydanticCustomError("cron_never_fires", "never fires: {value}", {"value": value})
    return value


class Schedule(Model):
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
        return valid_cron(value)


class ReportServing(Model):
    """The report `os2bot run` serves beside /healthz: who may read it.

    On the loopback (the default address) anyone on the machine may. Bound elsewhere, the
    service refuses to start unless an access rule is given: a token (OS2BOT_REPORT_TOKEN)
    or a reverse proxy declared here, so governance data is never public by accident.
    """

    enabled: bool = Field(default=True, description="Serve the report at /, /produkt/<key>.")
    access: Literal["token", "proxy"] | None = Field(
        default=None,
        description="token: a Bearer header or ?token= (then a cookie) with "
        "OS2BOT_REPORT_TOKEN; proxy: a reverse proxy in front authenticates and names the "
        "reader in proxy_header, and a request without it is refused. Without: the loopback "
        "only (unless OS2BOT_REPORT_TOKEN is set, which means token).",
    )
    proxy_header: str = Field(
        default="X-Forwarded-User",
        pattern=r"^[A-Za-z0-9-]+$",
        description="The header a trusted reverse proxy sets to the authenticated reader.",
    )


class ServiceConfig(Model):
    """The long-running service: health, metrics and the served report, alerts, history."""

    host: str = Field(
        default="127.0.0.1", description="Address /healthz, /metrics and the report bind to."
    )
    port: int = Field(
        default=9464, ge=0, le=65535, description="Port of /healthz, /metrics and the report."
    )
    report: ReportServing = Field(
        default_factory=ReportServing, description="The report served beside /healthz."
    )
    failure_alert_after: int = Field(
        default=3, ge=1, description="Tell the maintainer after this many failed runs in a row."
    )
    maintainer: ChatTargets = Field(
        default_factory=ChatTargets, description="Where failure and recovery alerts go."
    )
    retention_days: int | None = Field(
        default=None, ge=1, description="Forget run history older than this (default: keep all)."
    )


class BotConfig(Model):
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
