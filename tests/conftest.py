# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Shared fixtures: sandboxes seeded in code, configurations in temporary directories."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import structlog
import yaml

from os2bot.adapters.github_tracker import GitHubTracker
from os2bot.adapters.jira_tracker import JiraTracker
from os2bot.adapters.slack_chat import SlackChat
from os2bot.config import Config, load_config
from os2bot.sandbox import Sandbox
from os2bot.sandbox.seed import GitHubSeed, JiraSeed, SeedData, SlackSeed

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "config"

JIRA_USER = {
    "account_id": "712020:test-bot",
    "name": "os2bot",
    "display_name": "os2bot",
    "email": "bot@os2.test",
    "api_token": "test-jira-token-123",
    "pat": "test-jira-pat-456",
}
SLACK_TOKEN = "xoxb-test-0000-slack"
SLACK_APP_TOKEN = "xapp-1-test-socket-mode"
CHANNELS = [
    {"id": "C0TESTMO01", "name": "os2mo"},
    {"id": "C0TESTFRM1", "name": "os2forms"},
    {"id": "C0TESTVAL1", "name": "os2valghalla"},
]
SLACK_USERS = [
    {"id": "U0METTE01", "name": "mette", "real_name": "Mette Hansen", "email": "mette@os2.test"},
    {"id": "U0SOREN01", "name": "soren", "real_name": "Søren Holm", "email": "soren@os2.test"},
]


GITHUB_TOKEN = "ghp_test0000github"


def make_seed(
    *,
    deployment: str = "cloud",
    projects: list[dict[str, Any]] | None = None,
    issues: list[dict[str, Any]] | None = None,
    page_size: int = 50,
    github: dict[str, Any] | None = None,
) -> SeedData:
    """A sandbox seed built in code; by default the projects MO and OS2FORMS, no issues, and a
    GitHub with only the bot's token unless *github* says more."""
    jira = JiraSeed.model_validate(
        {
            "deployment": deployment,
            "page_size": page_size,
            "users": [JIRA_USER],
            "projects": projects
            if projects is not None
            else [{"key": "MO", "name": "OS2mo"}, {"key": "OS2FORMS", "name": "OS2forms"}],
            "issues": issues or [],
        }
    )
    slack = SlackSeed.model_validate(
        {
            "tokens": [SLACK_TOKEN],
            "app_tokens": [SLACK_APP_TOKEN],
            "channels": CHANNELS,
            "users": SLACK_USERS,
        }
    )
    hub = GitHubSeed.model_validate({"token": GITHUB_TOKEN, **(github or {})})
    return SeedData(jira=jira, slack=slack, github=hub)


def meeting(
    project: str, resolved: str, summary: str = "Koordinationsgruppemøde"
) -> dict[str, Any]:
    """A coordination-group meeting issue, resolved at *resolved* (e.g. '-30d')."""
    return {
        "project": project,
        "summary": summary,
        "labels": ["koordinationsgruppemøde"],
        "created": "-200d",
        "resolved": resolved,
    }


@pytest.fixture
def sandbox_factory() -> Iterator[Callable[..., Sandbox]]:
    """Start sandboxes from seeds; all are stopped after the test."""
    started: list[Sandbox] = []

    def start(seed: SeedData | None = None, **kwargs: Any) -> Sandbox:
        sandbox = Sandbox(seed or make_seed(), **kwargs).start()
        started.append(sandbox)
        return sandbox

    yield start
    for sandbox in started:
        sandbox.stop()


def tracker_for(sandbox: Sandbox, **kwargs: Any) -> JiraTracker:
    """The real Jira adapter, pointed at *sandbox* with the right kind of credentials."""
    return JiraTracker(
        sandbox.url,
        deployment=sandbox.seed.jira.deployment,
        email=JIRA_USER["email"],
        api_token=JIRA_USER["api_token"],
        pat=JIRA_USER["pat"],
        **kwargs,
    )


def github_for(sandbox: Sandbox, **kwargs: Any) -> GitHubTracker:
    """The real GitHub adapter, pointed at *sandbox* as at a GitHub Enterprise Server."""
    kwargs.setdefault("sleep", lambda _seconds: None)
    return GitHubTracker(sandbox.url + "/api/v3", token=GITHUB_TOKEN, **kwargs)


def chat_for(sandbox: Sandbox) -> SlackChat:
    """The real Slack adapter, pointed at *sandbox*."""
    return SlackChat(SLACK_TOKEN, base_url=sandbox.url + "/api/", max_retries=2)


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """A copy of the shipped configuration that a test may change."""
    target = tmp_path / "config"
    shutil.copytree(CONFIG, target)
    return target


def write_yaml(path: Path, data: Any) -> None:
    """Write *data* as YAML to *path*."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def shipped_config() -> Config:
    """The configuration in the repository."""
    return load_config(CONFIG)


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    """Every test starts with structlog's defaults and no bound context."""
    yield
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()


NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


ARTEFACTS: list[Path] = []
ARTEFACT_DIR = REPO / "artifacts"


@pytest.fixture
def artefact():
    """A path under artifacts/ to keep a file a person may want to look at after the run."""

    def keep(name: str) -> Path:
        ARTEFACT_DIR.mkdir(exist_ok=True)
        path = ARTEFACT_DIR / name
        ARTEFACTS.append(path)
        return path

    return keep


def pytest_terminal_summary(terminalreporter) -> None:
    """Name the artefacts the tests kept (the report's screenshot), so CI's output shows them."""
    kept = [p for p in ARTEFACTS if p.exists()]
    if kept:
        terminalreporter.write_line("artefacts: " + ", ".join(str(p) for p in kept))
