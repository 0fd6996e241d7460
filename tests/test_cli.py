# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The command line, as an operator runs it: demo, check, plan, apply, exit codes, no secrets."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys

import pytest

from os2bot.cli import main
from os2bot.sandbox import Fault
from os2bot.sandbox.seed import load_seed

from conftest import CONFIG, meeting


def test_demo_runs_the_whole_flow_twice_and_opens_nothing_the_second_time(tmp_path, monkeypatch):
    """`os2bot demo` shows every product's results in a matrix with a legend, the tasks it
    opened (one secretariat task for the expired agreement and one for the project it cannot
    read), the chat messages as posted, a second run that opens nothing, and writes the
    compliance report with both runs in its history."""
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()

    code = main(["demo", "--config", str(CONFIG)], out=out)

    text = out.getvalue()
    first, second = text.split("=== Kørsel 2 ===")
    assert code == 0
    headers = [line for line in first.splitlines()[:60] if line.startswith(" " * 40)]
    for product in ("OS2borgerPC", "OS2mo", "OS2forms", "OS2valghalla", "OS2kitos", "OS2loop"):
        assert any(product in header for header in headers)  # the matrix, in blocks
    assert "✔ opfyldt  ≈ dispenseret  ✘ ikke opfyldt  ? ukendt  · gælder ikke" in first
    assert "✘ OS2forms · Fungerende koordinationsgruppe: Den seneste er OS2FORMS-" in first
    assert "/browse/OS2FORMS-" in first
    assert "┌─ slack:#os2forms" in first
    assert "┌─ zulip:OS2valghalla>os2bot status" in first
    # OS2borgerPC on GitHub: judged from its issues and its minutes in Git, tasks opened as
    # GitHub issues, its status in chat; OS2valghalla's meetings read from Git.
    assert "┌─ zulip:OS2borgerPC>os2bot status" in first
    assert "OS2borgerPC/os2borgerpc-produktforvaltning#" in first
    assert "/OS2borgerPC/os2borgerpc-produktforvaltning/issues/" in first
    assert "┌─ zulip:sekretariatet>ugeoversigt" in first  # the secretariat's digest
    opened = first.split("Opgaver oprettet i Jira og på GitHub:")[1].split("Chatbeskeder:")[0]
    assert opened.count("Tilslutningsaftalen for OS2loop er udløbet (2026-09-30)") == 1
    assert opened.count("OS2valghalla: Jira-projektet VALGHAL kan ikke læses") == 1
    assert "OS2loop: Aftalen finansierer" not in opened  # the expired task stands for the items
    assert "Ugeoversigt for OS2-porteføljen" in first
    # Nothing opened; the one message is the escalation of the reminder the demo moved past due.
    assert "0 opgaver oprettet, 1 chatbesked sendt" in second
    assert "Anden kørsel oprettede intet nyt" in second
    [report] = tmp_path.glob("os2bot-rapport-*.html")
    assert f"Rapporten er gemt: {report}" in second
    page = report.read_text(encoding="utf-8")
    # A Jira product whose minutes are in Git: the report links them where they live.
    assert "OS2Valghalla/os2valghalla-styring" in page
    assert "ud fra 2 kørsler" in page
    for product in ("OS2mo", "OS2forms", "OS2valghalla", "OS2kitos", "OS2loop"):
        assert f">{product}</a></th>" in page


def test_demo_shows_the_ladders_first_step_and_a_conversation_in_chat(tmp_path, monkeypatch):
    """The demo moves one reminder past its due date before the second run, which comments on
    it and pings its owner in chat; then, over Socket Mode and Zulip's event queue, the
    coordinator asks for the status and acknowledges the reminder, and the secretariat asks
    for the portfolio."""
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()

    code = main(["demo", "--config", str(CONFIG)], out=out)

    text = out.getvalue()
    second, scene = text.split("=== Kørsel 2 ===")[1].split("=== I chatten")
    assert code == 0
    assert "Påmindelse: OS2forms – Fungerende koordinationsgruppe" in second
    assert "@Anne Vestergaard" in second
    assert "Anne Vestergaard → slack:#os2forms: @os2bot status" in scene
    assert "OS2forms — status for tilslutningsaftalen" in scene
    assert "er kvitteret" in scene
    assert "Camilla Krogh → zulip:sekretariatet>os2bot: @**os2bot** status" in scene
    assert "OS2-porteføljen – status fra seneste kørsel" in scene
    assert "os2bot: Kvitteret af Anne Vestergaard i chatten (Slack)" in scene
    assert "Anden kørsel oprettede intet nyt" in scene


def test_demo_in_english(tmp_path, monkeypatch):
    """`os2bot demo --language en` writes everything in English."""
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()

    main(["demo", "--config", str(CONFIG), "--language", "en"], out=out)

    assert "✘ OS2forms · Functioning coordination group: The newest is" in out.getvalue()
    assert "The second run opened nothing new" in out.getvalue()
    # The conversation answers in English too, though the configuration says Danish.
    assert "The OS2 portfolio – status from the latest run" in out.getvalue()
    assert "OS2-porteføljen" not in out.getvalue()


@pytest.fixture
def live(sandbox_factory, monkeypatch, tmp_path):
    """The demo's sandbox standing in for production Jira, GitHub and Slack, reached through
    the OS2BOT_* variables as an operator would set them."""
    sandbox = sandbox_factory(load_seed(CONFIG / "demo"))
    user = sandbox.seed.jira.users[0]
    monkeypatch.setenv("OS2BOT_GITHUB_TOKEN", sandbox.seed.github.token)
    monkeypatch.setenv("OS2BOT_GITHUB_URL", sandbox.url + "/api/v3")
    monkeypatch.setenv("OS2BOT_JIRA_URL", sandbox.url)
    monkeypatch.setenv("OS2BOT_JIRA_EMAIL", user.email)
    monkeypatch.setenv("OS2BOT_JIRA_TOKEN", str(user.api_token))
    monkeypatch.setenv("OS2BOT_SLACK_TOKEN", sandbox.seed.slack.tokens[0])
    monkeypatch.setenv("OS2BOT_SLACK_API_URL", sandbox.url + "/api/")
    monkeypatch.setenv("OS2BOT_STATE", str(tmp_path / "state.sqlite3"))
    return sandbox


def test_check_is_read_only_and_exits_1_when_a_check_fails(live):
    """`os2bot check` prints the matrix and the gaps, writes nothing, and exits 1."""
    out = io.StringIO()

    code = main(["check", "--config", str(CONFIG)], out=out)

    assert code == 1
    assert "Ikke opfyldt eller ukendt:" in out.getvalue()
    assert "✘ OS2kitos · Behovet er afdækket" in out.getvalue()
    assert live.calls(method="POST", path_pattern="/issue") == []
    assert live.slack.messages == []


@pytest.mark.usefixtures("live")
def test_check_one_product_in_detail_exits_0_when_all_met_or_waived():
    """`os2bot check --product os2mo` details OS2mo only — reasons, the other evidence and
    links — and exits 0 because every applicable check is met or waived."""
    out = io.StringIO()

    code = main(["check", "--config", str(CONFIG), "--product", "os2mo"], out=out)

    shown = out.getvalue()
    assert code == 0
    assert shown.startswith("OS2mo (MO) — fase: drift, niveau 2")
    assert "OS2forms" not in shown
    assert "≈ Aftalen finansierer promovering af produktet: dispenseret" in shown
    assert "Styregruppemøde – oktober" in shown  # the meeting behind "functioning"
    assert "/browse/MO-" in shown


@pytest.mark.usefixtures("live")
def test_unknown_product_is_named_and_exits_2(capsys):
    """`--product` with a key that is not configured lists the known keys and exits 2."""
    code = main(["check", "--config", str(CONFIG), "--product", "os2nope"], out=io.StringIO())

    assert code == 2
    assert "os2mo" in capsys.readouterr().err


@pytest.mark.usefixtures("live")
def test_check_as_json_with_stats():
    """`--format json --stats` gives every product's results with evidence and the Jira calls."""
    out = io.StringIO()

    main(["check", "--config", str(CONFIG), "--format", "json", "--stats"], out=out)

    data = json.loads(out.getvalue())
    mo = next(p for p in data["products"] if p["key"] == "os2mo")
    forms_kg = next(
        r
        for p in data["products"]
        if p["key"] == "os2forms"
        for r in p["results"]
        if r["check"] == "koordinationsgruppe"
    )
    assert len(mo["results"]) == 21
    assert forms_kg["state"] == "not_met"
    assert forms_kg["evidence"][0]["url"].endswith("/browse/" + forms_kg["evidence"][0]["key"])
    assert data["jira_calls"]["GET search/jql"] >= 1


@pytest.mark.usefixtures("live")
def test_check_as_markdown():
    """`--format markdown` gives a table with a row per check and a column per product."""
    out = io.StringIO()

    main(["check", "--config", str(CONFIG), "--format", "markdown"], out=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "| Tjek | OS2borgerPC | OS2forms | OS2kitos | OS2loop | OS2mo | OS2valghalla |"
    )
    # OS2borgerPC's and OS2valghalla's minutes are in Git (OS2valghalla's Jira is unreadable).
    assert "| Fungerende koordinationsgruppe | ✔ | ✘ | ✘ | ✔ | ✔ | ✔ |" in lines


def test_plan_prints_the_tasks_it_would_open_and_writes_nothing(live):
    """`os2bot plan` shows the creates it would do, with the task text, and writes nothing."""
    out = io.StringIO()

    main(["plan", "--config", str(CONFIG)], out=out)

    shown = out.getvalue()
    assert (
        "+         opret  OS2FORMS  OS2forms: Fungerende koordinationsgruppe er ikke opfyldt"
        in shown
    )
    assert "│ os2bot har vurderet *Fungerende koordinationsgruppe*" in shown
    assert "✎     kommentér  OS2FORMS-5" in shown  # the triage comment it would make
    assert live.jira.issues_with_label("os2bot") == []


def test_apply_twice_opens_each_task_once(live):
    """`os2bot apply` opens the reminders and posts status; a second apply opens nothing."""
    main(["apply", "--config", str(CONFIG)], out=io.StringIO())
    opened = len(live.jira.issues_with_label("os2bot"))
    out = io.StringIO()

    main(["apply", "--config", str(CONFIG)], out=out)

    assert opened > 0
    assert len(live.jira.issues_with_label("os2bot")) == opened
    statuses = [m for m in live.slack.messages if "status for tilslutningsaftalen" in str(m.blocks)]
    assert len(statuses) == 4  # one per Slack product; OS2valghalla is on Zulip
    assert all(m.edits == [] for m in statuses)
    assert "Ingen ændringer" in out.getvalue()


def test_report_from_history_in_every_format(live, tmp_path):
    """After two applies, `os2bot report` writes HTML, Markdown, JSON and CSV from the history,
    and the JSON has both runs."""
    main(["apply", "--config", str(CONFIG)], out=io.StringIO())
    main(["apply", "--config", str(CONFIG)], out=io.StringIO())
    written = {}
    for fmt in ("html", "markdown", "json", "csv"):
        path = tmp_path / f"rapport.{fmt}"
        out = io.StringIO()
        code = main(
            ["report", "--config", str(CONFIG), "--format", fmt, "--out", str(path)], out=out
        )
        assert code == 0
        assert str(path) in out.getvalue()
        written[fmt] = path.read_text(encoding="utf-8")

    data = json.loads(written["json"])
    assert data["runs"] == 2
    assert data["note"] is None
    assert {p["key"] for p in data["products"]} == {
        "os2borgerpc",
        "os2mo",
        "os2forms",
        "os2valghalla",
        "os2kitos",
        "os2loop",
    }
    assert any(t["key"].startswith("OS2FORMS-") for p in data["products"] for t in p["open_tasks"])
    assert written["csv"].startswith("product,product_name,check,title,group,severity,state")
    assert "| Produkt |" in written["markdown"]
    assert "## Mest i risiko" in written["markdown"]
    assert live.calls(method="POST", path_pattern="/issue$")  # the applies wrote; report did not


def test_report_without_history_checks_live_and_says_so(live, tmp_path):
    """With an empty state database, `os2bot report --product os2mo` judges now, read-only,
    and the report says it has no history."""
    path = tmp_path / "rapport.json"

    code = main(
        [
            "report",
            "--config",
            str(CONFIG),
            "--format",
            "json",
            "--out",
            str(path),
            "--product",
            "os2mo",
        ],
        out=io.StringIO(),
    )

    data = json.loads(path.read_text(encoding="utf-8"))
    assert code == 0
    assert [p["key"] for p in data["products"]] == ["os2mo"]
    assert data["note"].startswith("Ingen historik endnu")
    # GitHub's GraphQL reads are POSTs, and so are Jira's bulk reads of worklogs and
    # changelogs (worklog/list, changelog/bulkfetch); nothing else may be.
    reads = {"/api/graphql", "/rest/api/2/worklog/list", "/rest/api/2/changelog/bulkfetch"}
    assert [c for c in live.calls(method="POST") if c.path not in reads] == []


def test_unreachable_jira_exits_3(monkeypatch, capsys):
    """With Jira down, `os2bot check` backs off three times, then says so and exits 3."""
    monkeypatch.setenv("OS2BOT_JIRA_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("OS2BOT_JIRA_EMAIL", "bot@os2.test")
    monkeypatch.setenv("OS2BOT_JIRA_TOKEN", "x-token-x")
    waits: list[float] = []

    code = main(["check", "--config", str(CONFIG)], out=io.StringIO(), sleep=waits.append)

    assert code == 3
    assert waits == [2.0, 4.0, 8.0]
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
    debug = ["--config", str(CONFIG), "--log-level", "DEBUG"]
    waits: list[float] = []
    main(["apply", *debug], out=out, sleep=waits.append)
    live.add_fault(Fault(kind="status", status=500, path="/search/jql", times=1))
    main(["apply", *debug], out=out, sleep=waits.append)
    monkeypatch.setenv("OS2BOT_SLACK_TOKEN", "xoxb-wrong-9999-secret")
    live.jira.add_issue(**meeting("OS2FORMS", "-1d"))  # a state change: status is edited
    main(["apply", *debug], out=out, sleep=waits.append)
    monkeypatch.setenv("OS2BOT_JIRA_TOKEN", "wrong-jira-token-777")
    main(["check", *debug], out=out, sleep=waits.append)

    captured = capsys.readouterr()
    printed = out.getvalue() + captured.out + captured.err
    user = live.seed.jira.users[0]
    basic = base64.b64encode(f"{user.email}:{user.api_token}".encode()).decode()
    assert "run.finished" in printed
    assert "invalid_auth" in printed
    assert waits == [2.0]  # the Jira 500 was retried once, without really waiting
    for secret in (
        str(user.api_token),
        live.seed.slack.tokens[0],
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


def test_an_invalid_environment_variable_is_named_in_danish_without_its_value(monkeypatch, capsys):
    """A bad OS2BOT_LANGUAGE is named, in Danish, and its value is not echoed; exit 2."""
    monkeypatch.setenv("OS2BOT_LANGUAGE", "klingon-secret-value")

    code = main(["config", "validate", "--config", str(CONFIG)], out=io.StringIO())

    err = capsys.readouterr().err
    assert code == 2
    assert "Miljøvariablen OS2BOT_LANGUAGE er ugyldig" in err
    assert "klingon-secret-value" not in err


@pytest.mark.usefixtures("live")
def test_report_since_that_is_not_a_date_is_explained(capsys):
    """`os2bot report --since i-går` says how to write the date, in Danish, and exits 2."""
    main(["apply", "--config", str(CONFIG)], out=io.StringIO())

    code = main(["report", "--config", str(CONFIG), "--since", "i-går"], out=io.StringIO())

    assert code == 2
    assert "skriv den som ÅÅÅÅ-MM-DD" in capsys.readouterr().err


def test_a_corrupt_state_database_is_named_and_nothing_is_contacted(live, tmp_path, capsys):
    """`os2bot apply` with a state database that is not one names the file and the variable
    that moves it, exits 2, and has asked Jira nothing."""
    (tmp_path / "state.sqlite3").write_bytes(b"this is not an SQLite database" * 100)

    code = main(["apply", "--config", str(CONFIG)], out=io.StringIO())

    err = capsys.readouterr().err
    assert code == 2
    assert str(tmp_path / "state.sqlite3") in err
    assert "OS2BOT_STATE" in err
    assert "Traceback" not in err
    assert live.calls() == []


@pytest.mark.usefixtures("live")
def test_a_full_disk_mid_run_is_said_plainly_and_exits_3(monkeypatch, capsys):
    """When the state database cannot be written mid-run (a full disk), `os2bot apply`
    says so in plain words and exits 3, without a traceback."""
    import sqlite3

    from os2bot.state import SqliteState

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SqliteState, "enqueue", full)

    code = main(["apply", "--config", str(CONFIG)], out=io.StringIO())

    err = capsys.readouterr().err
    assert code == 3
    assert "database or disk is full" in err
    assert "Tilstandsdatabasen" in err
    assert "Traceback" not in err


def test_a_second_service_on_a_port_in_use_says_which_and_exits_2(live, tmp_path, capsys):
    """`os2bot run` on a port another process holds names the port and the setting, exits 2,
    and contacts nothing."""
    import shutil
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    config_dir = tmp_path / "config"
    shutil.copytree(CONFIG, config_dir)
    main_file = config_dir / "os2bot.yaml"
    main_file.write_text(
        main_file.read_text(encoding="utf-8") + f"service:\n  port: {port}\n", encoding="utf-8"
    )

    try:
        code = main(["run", "--config", str(config_dir)], out=io.StringIO())
    finally:
        taken.close()

    err = capsys.readouterr().err
    assert code == 2
    assert str(port) in err
    assert "service.port" in err
    assert "Traceback" not in err
    assert live.calls() == []


@pytest.mark.usefixtures("live")
def test_an_unexpected_error_is_said_without_a_traceback(monkeypatch, capsys):
    """A bug the bot did not foresee ends with one line saying what happened and how to see
    the details, exit 4 — not a traceback."""
    from os2bot import flow

    def broken(*_args, **_kwargs):
        raise RuntimeError("something the developers did not foresee")

    monkeypatch.setattr(flow, "evaluate", broken)

    code = main(["check", "--config", str(CONFIG)], out=io.StringIO())

    err = capsys.readouterr().err
    assert code == 4
    assert "RuntimeError: something the developers did not foresee" in err
    assert "--log-level DEBUG" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [["check"], ["plan"], ["apply"], ["report"], ["run"]])
def test_without_a_configuration_only_the_demo_may_use_the_example(
    command, tmp_path, monkeypatch, capsys
):
    """With no ./config and no $OS2BOT_CONFIG, a command that reads or writes a real Jira
    refuses to fall back on the shipped example (it names OS2's real Jira and projects):
    exit 2, saying how to point at a configuration, and nothing is contacted."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OS2BOT_CONFIG", raising=False)
    monkeypatch.setenv("OS2BOT_JIRA_URL", "http://127.0.0.1:9")  # would fail if contacted
    monkeypatch.setenv("OS2BOT_JIRA_EMAIL", "bot@os2.test")
    monkeypatch.setenv("OS2BOT_JIRA_TOKEN", "x-token-x")

    code = main(command, out=io.StringIO(), sleep=lambda _s: pytest.fail("contacted Jira"))

    err = capsys.readouterr().err
    assert code == 2
    assert "--config" in err
    assert "OS2BOT_CONFIG" in err


def test_the_demo_may_use_the_example_configuration(tmp_path, monkeypatch):
    """`os2bot demo` from an empty directory runs on the shipped example, and says so."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OS2BOT_CONFIG", raising=False)
    out = io.StringIO()

    code = main(["demo"], out=out)

    assert code == 0
    assert "eksempelkonfiguration" in out.getvalue().splitlines()[0]


@pytest.mark.usefixtures("live")
def test_options_work_before_the_subcommand_too(capsys):
    """`os2bot --config DIR --language en check` is the same as giving them after `check`."""
    out = io.StringIO()

    code = main(["--config", str(CONFIG), "--language", "en", "check"], out=out)

    assert code == 1
    assert "Not met or unknown:" in out.getvalue()
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("live")
def test_the_configuration_used_is_named_in_run_started(capsys):
    """The run's first log event names the configuration directory it used."""
    main(["check", "--config", str(CONFIG), "--log-level", "INFO"], out=io.StringIO())

    started = next(
        json.loads(line) for line in capsys.readouterr().err.splitlines() if '"run.started"' in line
    )
    assert started["config"] == str(CONFIG.resolve())


@pytest.mark.parametrize("deployment", ["cloud", "datacenter"])
def test_validate_online_asks_jiras_own_parser_about_every_fragment(
    deployment, sandbox_factory, tmp_path, monkeypatch, capsys
):
    """`config validate --online` has Jira parse every JQL fragment: the shipped ones pass,
    and a fragment whose field this Jira does not have is named with its place and Jira's
    words, exit 2 — on Cloud (jql/parse) and on Data Center (a strict search for nothing)."""
    import shutil

    seed = load_seed(CONFIG / "demo")
    seed.jira.deployment = deployment
    sandbox = sandbox_factory(seed)
    user = sandbox.seed.jira.users[0]
    config_dir = tmp_path / "config"
    shutil.copytree(CONFIG, config_dir)
    main_file = config_dir / "os2bot.yaml"
    main_file.write_text(
        main_file.read_text(encoding="utf-8").replace(
            "deployment: cloud", f"deployment: {deployment}"
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("OS2BOT_JIRA_URL", sandbox.url)
    monkeypatch.setenv("OS2BOT_JIRA_EMAIL", user.email)
    monkeypatch.setenv("OS2BOT_JIRA_TOKEN", str(user.api_token))
    monkeypatch.setenv("OS2BOT_JIRA_PAT", str(user.pat))
    out = io.StringIO()

    good = main(["config", "validate", "--online", "--config", str(config_dir)], out=out)
    profile = config_dir / "governance" / "tilslutningsaftale.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace(
            "jql: labels = koordinationsgruppemøde AND statusCategory = Done",
            "jql: '\"Epic Link\" = MO-1 AND labels = x'",
        ),
        encoding="utf-8",
    )
    bad = main(["config", "validate", "--online", "--config", str(config_dir)], out=io.StringIO())

    err = capsys.readouterr().err
    assert good == 0
    assert "Jira godkender alle" in out.getvalue()
    assert bad == 2
    assert "governance (tilslutningsaftale): checks[1].evidence.jql: Jira afviser JQL'en:" in err
    assert "Field 'Epic Link' does not exist" in err


COMMANDS = [
    ["demo"],
    ["sandbox", "serve"],
    ["check"],
    ["plan"],
    ["run"],
    ["report"],
    ["apply"],
    ["config", "validate"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_every_command_explains_itself_with_an_example_and_its_exit_codes(command, capsys):
    """Each subcommand's --help says what it does, shows an example and lists every exit
    code."""
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])

    shown = capsys.readouterr().out
    assert done.value.code == 0
    assert "example:\n  " in shown
    assert "os2bot " in shown.split("example:")[1]
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "130 "):
        assert f"\n  {code}" in shown


@pytest.mark.usefixtures("live")
def test_an_unknown_product_is_an_error_and_a_known_one_is_found_by_any_name(tmp_path):
    """`report --product nope` says which products exist and exits 2, writing nothing; the
    Jira key or the name in any case finds the product."""
    path = tmp_path / "rapport.json"

    unknown = main(["report", "--config", str(CONFIG), "--product", "nope", "--out", str(path)])
    by_jira_key = main(
        [
            "report",
            "--config",
            str(CONFIG),
            "--format",
            "json",
            "--out",
            str(path),
            "--product",
            "mo",
            "--product",
            "OS2FORMS",
        ],
        out=io.StringIO(),
    )

    assert unknown == 2
    assert by_jira_key == 0
    keys = [p["key"] for p in json.loads(path.read_text(encoding="utf-8"))["products"]]
    assert keys == ["os2forms", "os2mo"]


def test_sandbox_serve_prints_an_export_line_for_every_credential():
    """The lines `sandbox serve` prints set every URL and credential os2bot reads, quoted for
    the shell."""
    from os2bot.cli import _exports
    from os2bot.sandbox import Sandbox

    sandbox = Sandbox(CONFIG / "demo")
    lines = _exports(sandbox)

    names = {line.split("=", 1)[0].removeprefix("export ") for line in lines}
    assert names == {
        "OS2BOT_JIRA_URL",
        "OS2BOT_JIRA_EMAIL",
        "OS2BOT_JIRA_TOKEN",
        "OS2BOT_JIRA_PAT",
        "OS2BOT_SLACK_TOKEN",
        "OS2BOT_SLACK_API_URL",
        "OS2BOT_ZULIP_SITE",
        "OS2BOT_ZULIP_EMAIL",
        "OS2BOT_ZULIP_API_KEY",
    }
    assert all(line.startswith("export OS2BOT_") for line in lines)


def test_shell_completion_is_printed_for_bash(capsys):
    """`os2bot --print-completion bash` prints a bash completion script naming the commands."""
    with pytest.raises(SystemExit):
        main(["--print-completion", "bash"])

    script = capsys.readouterr().out
    assert "complete" in script
    assert "report" in script
