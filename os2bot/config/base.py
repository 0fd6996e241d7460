# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""What every configuration file shares: the strict model base, bilingual texts, people.

Every field carries a description: `os2bot config validate` and the README's reference table
are drawn from them. This module imports nothing else of os2bot's configuration, so that the
evidence kinds in `os2bot.rules` can build on it while the configuration is still loading.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from os2bot.messages import Language


class Model(BaseModel):
    """A configuration model: unknown fields are refused, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(Model):
    """A text users read, in Danish and English."""

    da: str = Field(min_length=1, description="Danish text (the default language).")
    en: str = Field(min_length=1, description="English text.")

    def get(self, language: Language) -> str:
        """Return the text in *language*."""
        return self.da if language == "da" else self.en


class Person(Model):
    """Someone the bot may name or assign tasks to."""

    name: str = Field(min_length=1, description="Full name.")
    authority: str | None = Field(default=None, description="Municipality or organisation.")
    email: str | None = Field(
        default=None,
        description="E-mail address; also how chat recognises them (their chat account's "
        "e-mail) and may name them with a ping in an escalation.",
    )
    jira_user: str | None = Field(
        default=None, description="Jira accountId (Cloud) or user name (Data Center)."
    )
    zulip_user_id: int | None = Field(
        default=None,
        ge=1,
        description="Zulip user id, for when the organisation hides e-mail addresses from bots.",
    )
    slack_user_id: str | None = Field(
        default=None, pattern=r"^[UW][A-Z0-9]{2,}$", description="Slack user id (U…)."
    )
    github_user: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$",
        description="GitHub login, for tasks in a GitHub repository.",
    )

    def user_on(self, tracker: str) -> str | None:
        """Who this person is on *tracker* (jira or github), None when not known there."""
        return self.github_user if tracker == "github" else self.jira_user
