# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Secrets and endpoints from the environment (never from config files), via pydantic-settings."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from os2bot.log import register_secret


class Settings(BaseSettings):
    """OS2BOT_* environment variables."""

    model_config = SettingsConfigDict(env_prefix="OS2BOT_", extra="ignore")

    config: Path | None = Field(default=None, description="Configuration directory.")
    jira_url: str | None = Field(default=None, description="Jira base URL (overrides config).")
    jira_email: str | None = Field(default=None, description="Cloud: the bot user's e-mail.")
    jira_token: SecretStr | None = Field(default=None, description="Cloud: API token.")
    jira_pat: SecretStr | None = Field(default=None, description="Data Center: access token.")
    github_token: SecretStr | None = Field(
        default=None, description="GitHub token (fine-grained: issues read/write, contents read)."
    )
    github_url: str | None = Field(
        default=None,
        description="GitHub's API: https://api.github.com (default), or https://HOST/api/v3 "
        "for GitHub Enterprise Server.",
    )
    github_app_id: str | None = Field(default=None, description="GitHub App: its id.")
    github_app_key: SecretStr | None = Field(
        default=None, description="GitHub App: its private key (PEM)."
    )
    github_app_installation: int | None = Field(
        default=None, description="GitHub App: the installation's id."
    )
    github_bot_login: str | None = Field(
        default=None,
        description="The bot's GitHub login (a GitHub App: <slug>[bot]); default the token's.",
    )
    slack_token: SecretStr | None = Field(default=None, description="Slack bot token (xoxb-…).")
    slack_app_token: SecretStr | None = Field(
        default=None,
        description="Slack app-level token (xapp-…, scope connections:write): listening "
        "through Socket Mode.",
    )
    slack_api_url: str = Field(
        default="https://slack.com/api/", description="Slack Web API base URL."
    )
    zulip_site: str | None = Field(default=None, description="Zulip site, e.g. OS2samtale.")
    zulip_email: str | None = Field(default=None, description="The Zulip bot's e-mail.")
    zulip_api_key: SecretStr | None = Field(default=None, description="The Zulip bot's API key.")
    service_host: str | None = Field(
        default=None, description="Address /healthz and /metrics bind to (overrides config)."
    )
    report_token: SecretStr | None = Field(
        default=None,
        description="Who may read the served report: a Bearer token, or ?token= once.",
    )
    state: Path = Field(default=Path("os2bot.sqlite3"), description="State database path.")
    language: Literal["da", "en"] | None = Field(
        default=None, description="Language (overrides config)."
    )

    def register_secrets(self) -> None:
        """Tell the log redactor the exact secret values, wherever they might turn up."""
        for secret in (
            self.jira_token,
            self.jira_pat,
            self.slack_token,
            self.slack_app_token,
            self.zulip_api_key,
            self.report_token,
            self.github_token,
            self.github_app_key,
        ):
            if secret is not None:
                register_secret(secret.get_secret_value())
