# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The command line, as an operator runs it: demo, check, plan, apply, exit codes, no secrets."""

from __future__ import annotations

import base64
import io
import subprocess
import sys

import pytest
from conftest import CONFIG, JIRA_USER, SLACK_TOKEN, make_seed, meeting

from os2bot.cli import main
from os2bot.sandbox import Fault


def test_demo_runs_the_whole_flow_twice_and_opens_nothing_the_second_time():
    """`os2bot demo` shows the three products' results, the task it opened, the chat messages
    as posted, and a second run that opens nothing."""
    out = io.StringIO()

    code = main(["demo", "--config", str(CONFIG)], out=out)

    text = out.getvalue()
    first, second = text.split("=== Kørsel 2 ===")
    assert code == 0
    for product in ("OS2mo", "OS2forms", "OS2valghalla"):
        assert product in first
    assert "✅ Fungerende koordinationsgruppe: opfyldt" in first
    assert "❌ Fungerende koordinationsgruppe: ikke opfyldt" in first
    assert "❔ Fungerende koordinationsgruppe: ukendt" in first
    assert "/browse/OS2FORMS-" in first
    assert "┌─ #os2forms" in first
    assert "1 opgave(r) oprettet" in first
    assert "0 opgave(r) oprettet, 0 chatbesked(er) sendt" in second
    assert "Anden kørsel oprettede intet nyt" in second


def test_demo_in_english():
    """`os2bot demo --language en` writes everything in English."""
    out = io.StringIO()

    main(["demo", "--config", str(CONFIG), "--language", "en"], out=out)

    assert "Functioning coordination group: not met" in out.getvalue()
    assert "The second run opened nothing new" in out.getvalue()


@pytest.fixture
def live(sandbox_factory, monkeypatch, tmp_path):
    """A sandbox standing in for production Jira and Slack, reached through OS2BOT_* variables."""
    sandbox = sandbox_factory(
        make_seed(issues=[meeting("MO", "-30d"), meeting("OS2FORMS", "-150d")])
    )
    monkeypatch.setenv("OS2BOT_JIRA_URL", sandbox.url)
    monkeypatch.setenv("OS2BOT_JIRA_EMAIL", JIRA_USER["email"])
    monkeypatch.setenv("OS2BOT_JIRA_TOKEN", JIRA_USER["api_token"])
    monkeypatch.setenv("OS2BOT_SLACK_TOKEN", SLACK_TOKEN)
    monkeypatch.setenv("OS2BOT_SLACK_API_URL", sandbox.url + "/api/")
    monkeypatch.setenv("OS2BOT_STATE", str(tmp_path / "state.sqlite3"))
    return sandbox


def test_check_is_read_only_and_exits_1_when_a_check_fails(live):
    """`os2bot check` prints the results, writes nothing, and exits 1 because OS2forms fails."""
    out = io.StringIO()

    code = main(["check", "--config", str(CONFIG)], out=out)

    assert code == 1
    assert "OS2forms (OS2FORMS)" in out.getvalue()
    assert live.calls(method="POST", path_pattern="/issue") == []
    assert live.slack.messages == []


@pytest.mark.usefixtures("live")
def test_check_one_product_that_passes_exits_0():
    """`os2bot check --product os2mo` judges only OS2mo, which is met: exit 0."""
    out = io.StringIO()

    code = main(["check", "--config", str(CONFIG), "--product", "os2mo"], out=out)

    assert code == 0
    assert "OS2forms" not in out.getvalue()


def test_plan_prints_the_task_it_would_open_and_writes_nothing(live):
    """`os2bot plan` shows the create it would do, with the task text, and writes nothing."""
    out = io.StringIO()

    main(["plan", "--config", str(CONFIG)], out=out)

    assert (
        "opret  OS2FORMS  OS2forms: Fungerende koordinationsgruppe er ikke opfyldt"
        in out.getvalue()
    )
    assert live.jira.issues_with_label("os2bot") == []


def test_apply_twice_opens_one_task(live):
    """`os2bot apply` opens the reminder and posts status; a second apply opens nothing."""
    main(["apply", "--config", str(CONFIG)], out=io.StringIO())
    out = io.StringIO()

    main(["apply", "--config", str(CONFIG)], out=out)

    assert len(live.jira.issues_with_label("os2bot")) == 1
    assert len(live.slack.messages) == 3
    assert "Ingen ændringer" in out.getvalue()


def test_unreachable_jira_exits_3(monkeypatch, capsys):
    """With Jira down, `os2bot check` says so and exits 3."""
    monkeypatch.setenv("OS2BOT_JIRA_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("OS2BOT_JIRA_EMAIL", "bot@os2.test")
    monkeypatch.setenv("OS2BOT_JIRA_TOKEN", "x-token-x")

    code = main(["check", "--config", str(CONFIG)], out=io.StringIO())

    assert code == 3
    assert "Jira kan ikke nås" in capsys.readouterr().err


def test_missing_secret_is_named_and_exits_2(monkeypatch, capsys):
    """Without OS2BOT_JIRA_TOKEN the command names the missing variable and exits 2."""
    monkeypatch.setenv("OS2BOT_JIRA_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("OS2BOT_JIRA_EMAIL", "bot@os2.test")
    monkeypatch.delenv("OS2BOT_JIRA_TOKEN", raising=False)

    code = main(["check", "--config", str(CONFIG)], out=io.StringIO())

    assert code == 2
    assert "OS2BOT_JIRA_TOKEN" in capsys.readouterr().err


def test_no_secret_appears_in_logs_or_output(live, monkeypatch, capsys):
    """Across a successful run, a Jira 500, a rejected Slack token and a failed login at debug
    level, neither token, nor the Basic credentials, appears in anything printed."""
    out = io.StringIO()
    main(["apply", "--config", str(CONFIG), "--log-level", "DEBUG"], out=out)
    live.add_fault(Fault(kind="status", status=500, path="/search/jql", times=1))
    main(["apply", "--config", str(CONFIG), "--log-level", "DEBUG"], out=out)
    monkeypatch.setenv("OS2BOT_SLACK_TOKEN", "xoxb-wrong-9999-secret")
    live.jira._add_seed_issue(
        {
            **meeting("MO", "-1d"),
            "type": "Task",
            "description": None,
            "status": None,
            "updated": None,
            "duedate": None,
            "assignee": None,
            "fix_versions": [],
            "votes": 0,
            "count": 1,
        },
        live.jira.now(),
    )
    main(["apply", "--config", str(CONFIG), "--log-level", "DEBUG"], out=out)
    monkeypatch.setenv("OS2BOT_JIRA_TOKEN", "wrong-jira-token-777")
    main(["check", "--config", str(CONFIG), "--log-level", "DEBUG"], out=out)

    captured = capsys.readouterr()
    printed = out.getvalue() + captured.out + captured.err
    basic = base64.b64encode(f"{JIRA_USER['email']}:{JIRA_USER['api_token']}".encode()).decode()
    assert "run.finished" in printed
    assert "invalid_auth" in printed
    for secret in (
        JIRA_USER["api_token"],
        SLACK_TOKEN,
        basic,
        "xoxb-wrong-9999-secret",
        "wrong-jira-token-777",
    ):
        assert secret not in printed


def test_python_m_os2bot_runs():
    """`python -m os2bot --version` works as the console script does."""
    done = subprocess.run(
        [sys.executable, "-m", "os2bot", "--version"], capture_output=True, text=True, check=False
    )

    assert done.returncode == 0
    assert done.stdout.startswith("os2bot ")
