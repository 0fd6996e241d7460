# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The one place that builds adapters: the trackers and the chat systems, from the settings.

The CLI's commands, the demo and the service all get their connections here, so a new
tracker or chat is wired in once. Secrets come from the environment (Settings) only. A run
connects to Jira when a product (or the secretariat) is on Jira, and to GitHub when a product
is on GitHub or reads files from a repository.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import structlog

from os2bot import rules
from os2bot.config import Config
from os2bot.dialogue import Said
from os2bot.messages import Language, text
from os2bot.ports import (
    Chat,
    ChatError,
    ChatInspector,
    ChatMessage,
    Listener,
    Tracker,
    TrackerInspector,
)
from os2bot.settings import Settings

if TYPE_CHECKING:
    from os2bot.adapters.slack_chat import SlackChat
    from os2bot.adapters.zulip_chat import ZulipChat

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class Wiring:
    """Builds connections from *settings*; *sleep* is the retry policy's wait (tests pass one)."""

    config: Config
    settings: Settings
    sleep: Callable[[float], None] = time.sleep

    def missing(self) -> list[str]:
        """The OS2BOT_* variables the trackers need that are not set, all of them."""
        s, jira = self.settings, self.config.bot.jira
        needed: list[tuple[str, object]] = []
        if self.uses_jira:
            needed.append(("OS2BOT_JIRA_URL", s.jira_url or jira.url))
            if jira.deployment == "cloud":
                needed += [("OS2BOT_JIRA_EMAIL", s.jira_email), ("OS2BOT_JIRA_TOKEN", s.jira_token)]
            else:
                needed += [("OS2BOT_JIRA_PAT", s.jira_pat)]
        if not self.uses_jira and self.repositories() and not self.github_connected:
            needed.append(("OS2BOT_GITHUB_TOKEN", s.github_token))
        return [name for name, value in needed if not value]

    @property
    def github_connected(self) -> bool:
        """Whether GitHub's credentials are set: a token, or a GitHub App's three settings."""
        return self._github_app or self.settings.github_token is not None

    def unconnected(self) -> list[str]:
        """Trackers the configuration uses that the run goes without (no credentials).

        Their products' checks are unknown, and the operator is told so.
        """
        if self.uses_jira and self.repositories() and not self.github_connected:
            return ["OS2BOT_GITHUB_TOKEN"]
        return []

    @property
    def uses_jira(self) -> bool:
        """Whether a product or the secretariat is on Jira (or no product yet: os2bot.yaml's)."""
        return not self.config.products or "jira" in self.config.projects_by_tracker()

    def repositories(self) -> list[str]:
        """Every GitHub repository the run reads: products on GitHub, files read from Git."""
        wanted = rules.needs(self.config)
        found = set(self.config.projects_by_tracker().get("github", set()))
        found |= {repo for repo, _ in wanted.folders}
        found |= {repo for repo, _ in wanted.repo_assessments.values()}
        return sorted(found)

    @property
    def _github_app(self) -> bool:
        s = self.settings
        return bool(s.github_app_id and s.github_app_key and s.github_app_installation)

    def trackers(self) -> dict[str, Tracker]:
        """The trackers the configuration uses, by name (jira, github)."""
        found: dict[str, Tracker] = {}
        if self.uses_jira:
            found["jira"] = self.tracker()
        if self.repositories() and self.github_connected:
            found["github"] = self.github()
        return found

    @property
    def tracker_url(self) -> str:
        """Where the tracker is: the environment's URL, else the configuration's."""
        return str(self.settings.jira_url or self.config.bot.jira.url or "")

    def tracker(self) -> Tracker:
        """The Jira adapter (raises TrackerError when Jira refuses or cannot be reached)."""
        from os2bot.adapters.jira_tracker import JiraTracker  # noqa: PLC0415 - SDK at the edge

        s = self.settings
        return JiraTracker(
            self.tracker_url,
            deployment=self.config.bot.jira.deployment,
            email=s.jira_email,
            api_token=s.jira_token.get_secret_value() if s.jira_token else None,
            pat=s.jira_pat.get_secret_value() if s.jira_pat else None,
            task_issue_type=self.config.bot.jira.task_issue_type,
            language=s.language or self.config.bot.language,
            sleep=self.sleep,
        )

    @property
    def github_web(self) -> str:
        """Where people read GitHub: github.com, or an Enterprise Server's own host."""
        api = (self.settings.github_url or "https://api.github.com").rstrip("/")
        if api == "https://api.github.com":
            return "https://github.com"
        return api.removesuffix("/api/v3")

    def task_url(self, key: str) -> str:
        """Where a person reads the task *key*: a Jira issue, or a GitHub issue (owner/name#n)."""
        repo, hash_sign, number = key.rpartition("#")
        if hash_sign and "/" in repo:
            return f"{self.github_web}/{repo}/issues/{number}"
        return f"{self.tracker_url.rstrip('/')}/browse/{key}"

    def github(self) -> Tracker:
        """The GitHub adapter: a token, or a GitHub App installation (whose tokens it renews)."""
        from github import Auth  # noqa: PLC0415 - SDK at the edge

        from os2bot.adapters.github_tracker import (  # noqa: PLC0415
            DEFAULT_URL,
            GitHubTracker,
        )

        s = self.settings
        auth: Auth.Auth | None = None
        if self._github_app and s.github_app_key and s.github_app_installation:
            app = Auth.AppAuth(str(s.github_app_id), s.github_app_key.get_secret_value())
            auth = app.get_installation_auth(s.github_app_installation)
        elif s.github_token is not None:
            auth = Auth.Token(s.github_token.get_secret_value())
        return GitHubTracker(
            s.github_url or DEFAULT_URL,
            auth=auth,
            repositories=self.repositories(),
            bot_login=s.github_bot_login,
            language=s.language or self.config.bot.language,
            sleep=self.sleep,
        )

    def chats(
        self, language: Language, *, report: Callable[[str], None] | None = None
    ) -> dict[str, Chat]:
        """The chat systems whose secrets are set; one that cannot be reached is left out.

        Its messages wait in the outbox for the next run; *report* is told why, in *language*.
        """
        built, errors = self._chat_adapters()
        for name, exc in errors.items():
            log.warning("wiring.chat_unreachable", chat=name, error=str(exc))
            if report is not None:
                report(text("cli.chat_unreachable", language, error=exc))
        return dict(built)

    def inspector(self) -> TrackerInspector:
        """The tracker's adapter, asked what the bot may do there (doctor, product new)."""
        tracker = self.tracker()
        if not isinstance(tracker, TrackerInspector):  # pragma: no cover - every adapter is one
            raise TypeError(f"{type(tracker).__name__} cannot say what the bot may do")
        return tracker

    def missing_chat(self) -> dict[str, list[str]]:
        """For each enabled chat system, the OS2BOT_* variables it needs that are not set."""
        s, chat = self.settings, self.config.bot.chat
        missing: dict[str, list[str]] = {}
        if chat.slack.enabled:
            missing["slack"] = [] if s.slack_token else ["OS2BOT_SLACK_TOKEN"]
        if chat.zulip.enabled:
            missing["zulip"] = self._zulip_missing()
        return missing

    def _zulip_missing(self) -> list[str]:
        """The OS2BOT_ZULIP_* variables that are not set (all three are needed)."""
        s = self.settings
        needed = {
            "OS2BOT_ZULIP_SITE": s.zulip_site,
            "OS2BOT_ZULIP_EMAIL": s.zulip_email,
            "OS2BOT_ZULIP_API_KEY": s.zulip_api_key,
        }
        return [name for name, value in needed.items() if not value]

    def _zulip_set(self) -> tuple[str, str, str] | None:
        """Zulip's site, e-mail and API key when all three are set, else None."""
        s = self.settings
        if s.zulip_site and s.zulip_email and s.zulip_api_key:
            return s.zulip_site, s.zulip_email, s.zulip_api_key.get_secret_value()
        return None

    def chat_inspectors(self) -> tuple[dict[str, ChatInspector], dict[str, str]]:
        """The chat systems whose secrets are set, to ask where the bot may post.

        Also why a system could not be connected (Zulip's client reads the server at once).
        """
        built, errors = self._chat_adapters()
        return dict(built), {name: str(exc) for name, exc in errors.items()}

    def _chat_adapters(self) -> tuple[dict[str, SlackChat | ZulipChat], dict[str, ChatError]]:
        """The enabled chat systems whose secrets are set, by name; why one failed, by name.

        Each adapter is both a `Chat` and a `ChatInspector`; Zulip's client reads the server
        at once, so building it may fail.
        """
        from os2bot.adapters.slack_chat import SlackChat  # noqa: PLC0415 - SDK at the edge
        from os2bot.adapters.zulip_chat import ZulipChat  # noqa: PLC0415

        s, chat = self.settings, self.config.bot.chat
        built: dict[str, SlackChat | ZulipChat] = {}
        errors: dict[str, ChatError] = {}
        if chat.slack.enabled and s.slack_token is not None:
            built["slack"] = SlackChat(
                s.slack_token.get_secret_value(), base_url=s.slack_api_url, sleep=self.sleep
            )
        zulip = self._zulip_set()
        if chat.zulip.enabled and zulip is not None:
            site, email, api_key = zulip
            try:
                built["zulip"] = ZulipChat(
                    site=site, email=email, api_key=api_key, sleep=self.sleep
                )
            except ChatError as exc:
                errors["zulip"] = exc
        return built, errors

    def listeners(
        self,
        handle_for: Callable[[str], Callable[[Said, str], ChatMessage | None]],
        *,
        min_interval: float = 1.0,
        check_every: float = 1.0,
    ) -> list[Listener]:
        """The chat listeners whose secrets are set: Zulip's event queue, Slack's Socket Mode.

        *handle_for(chat)* answers that chat's messages. Slack needs the app-level token
        (OS2BOT_SLACK_APP_TOKEN) besides the bot token. Replies are *min_interval* seconds
        apart at least (the chats' rate limits); Slack's connection is looked at every
        *check_every* seconds (the demo's scene, on the sandbox, waits for neither).
        """
        from os2bot.adapters.slack_listener import SlackListener  # noqa: PLC0415 - SDK at the edge
        from os2bot.adapters.zulip_listener import ZulipListener  # noqa: PLC0415

        s, chat = self.settings, self.config.bot.chat
        found: list[Listener] = []
        zulip = self._zulip_set()
        if chat.zulip.enabled and chat.zulip.listen and zulip is not None:
            site, email, api_key = zulip
            found.append(
                ZulipListener(
                    self.config,
                    site=site,
                    email=email,
                    api_key=api_key,
                    handle=handle_for("zulip"),
                    min_interval=min_interval,
                )
            )
        if chat.slack.enabled and chat.slack.listen and s.slack_token and s.slack_app_token:
            found.append(
                SlackListener(
                    self.config,
                    app_token=s.slack_app_token.get_secret_value(),
                    bot_token=s.slack_token.get_secret_value(),
                    base_url=s.slack_api_url,
                    handle=handle_for("slack"),
                    min_interval=min_interval,
                    check_every=check_every,
                )
            )
        return found
