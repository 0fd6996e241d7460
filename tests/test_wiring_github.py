# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Wiring by what the configuration uses: Jira, GitHub or both, their secrets, and links to
tasks wherever they live."""

from __future__ import annotations

import dataclasses

from pydantic import SecretStr

from os2bot.adapters.github_tracker import GitHubTracker
from os2bot.config import load_config
from os2bot.settings import Settings
from os2bot.wiring import Wiring

from builders import config, product
from conftest import CONFIG

REPO = "OS2borgerPC/os2borgerpc-produktforvaltning"
ON_GITHUB = product(key="os2borgerpc", jira=None, github={"repo": REPO})
JIRA = {
    "jira_url": "https://os2web.atlassian.net",
    "jira_email": "bot@os2.eu",
    "jira_token": SecretStr("t"),
}


def wiring(cfg, **settings) -> Wiring:
    """Wiring for *cfg* with these settings (none from the environment)."""
    return Wiring(cfg, Settings(_env_file=None, **settings))  # type: ignore[call-arg]


def test_github_only_needs_the_github_token_and_not_jiras():
    """A portfolio on GitHub alone (no secretariat project) needs OS2BOT_GITHUB_TOKEN only."""
    cfg = config(ON_GITHUB)
    secretariat = cfg.bot.secretariat.model_copy(update={"jira_project": None})
    cfg = dataclasses.replace(cfg, bot=cfg.bot.model_copy(update={"secretariat": secretariat}))

    assert wiring(cfg).missing() == ["OS2BOT_GITHUB_TOKEN"]
    assert wiring(cfg, github_token=SecretStr("g")).missing() == []
    assert set(wiring(cfg, github_token=SecretStr("g")).trackers()) == {"github"}


def test_without_githubs_token_a_mixed_run_goes_on_without_github_and_says_so():
    """Jira and GitHub products, no GitHub token: not fatal, but named; the run has Jira only."""
    mixed = wiring(config(product(), ON_GITHUB), **JIRA)

    assert mixed.missing() == []
    assert mixed.unconnected() == ["OS2BOT_GITHUB_TOKEN"]


def test_a_jira_product_reading_files_from_git_connects_to_github():
    """Minutes in a repository make GitHub needed even when every product is on Jira."""
    minutes = product(
        evidence={
            "koordinationsgruppe": [
                {"kind": "git", "repo": "OS2Valghalla/styring", "path": "referater"},
            ]
        }
    )
    connected = wiring(config(minutes), **JIRA, github_token=SecretStr("g"))

    assert connected.repositories() == ["OS2Valghalla/styring"]
    assert isinstance(connected.github(), GitHubTracker)  # built without a request


def test_the_shipped_configuration_reads_both_repositories():
    """The example configuration: OS2borgerPC's repository and OS2valghalla's minutes."""
    assert wiring(load_config(CONFIG), **JIRA).repositories() == [
        "OS2Valghalla/os2valghalla-styring",
        REPO,
    ]


def test_tasks_are_linked_where_they_live():
    """A Jira key under Jira's browse URL; owner/name#n on github.com, or on an Enterprise
    Server's own host."""
    dotcom = wiring(config(), **JIRA)
    enterprise = wiring(config(), **JIRA, github_url="https://git.kommune.dk/api/v3")

    assert dotcom.task_url("MO-3") == "https://os2web.atlassian.net/browse/MO-3"
    assert dotcom.task_url(f"{REPO}#7") == f"https://github.com/{REPO}/issues/7"
    assert enterprise.task_url(f"{REPO}#7") == f"https://git.kommune.dk/{REPO}/issues/7"


def test_a_github_app_installation_stands_in_for_a_token():
    """A GitHub App's id, key and installation are enough: no token is missing, and the
    adapter signs as the installation (PyGithub renews its tokens)."""
    from github.Auth import AppInstallationAuth

    app = wiring(
        config(ON_GITHUB),
        **JIRA,
        github_app_id="123",
        github_app_key=SecretStr("-----BEGIN RSA PRIVATE KEY-----"),
        github_app_installation=42,
        github_bot_login="os2bot[bot]",
    )

    assert app.missing() == []
    assert app.unconnected() == []
    adapter = app.github()
    assert isinstance(adapter._github.requester.auth, AppInstallationAuth)
    assert adapter.bot_login == "os2bot[bot]"
