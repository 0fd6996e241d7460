# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""`os2bot run` listens beside its schedule: Zulip's event queue and Slack's Socket Mode
answered from the state database, each listener in /healthz, commands in /metrics, and a
clean stop on SIGTERM."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import requests
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from os2bot.config import load_config
from os2bot.sandbox.seed import ZulipSeed, ZulipUser
from os2bot.service.health import Health
from os2bot.service.listeners import ListenerMetrics, Listening
from os2bot.settings import Settings
from os2bot.wiring import Wiring

from conftest import CONFIG, JIRA_USER, SLACK_APP_TOKEN, SLACK_TOKEN, make_seed

ZULIP = ZulipSeed(
    email="bot@os2samtale.test",
    api_key="zulip-test-key",
    streams=["OS2valghalla", "sekretariatet"],
    users=[ZulipUser(user_id=21, full_name="Camilla Krogh", email="user21@x")],
)


def test_the_service_answers_on_both_chats_reports_its_listeners_and_stops_cleanly(
    sandbox_factory, tmp_path
):
    """With the chat secrets set, `os2bot run` connects to Zulip and Slack, answers a mention
    on each, shows both listeners connected in /healthz, counts the commands in /metrics,
    and on SIGTERM stops listening and exits 0 without a traceback."""
    sandbox = sandbox_factory(dataclasses.replace(make_seed(), zulip=ZULIP))
    config_dir = tmp_path / "config"
    shutil.copytree(CONFIG, config_dir)
    main = (config_dir / "os2bot.yaml").read_text(encoding="utf-8")
    (config_dir / "os2bot.yaml").write_text(main + "service:\n  port: 0\n", encoding="utf-8")
    env = {
        **os.environ,
        "OS2BOT_STATE": str(tmp_path / "state.sqlite3"),
        "OS2BOT_JIRA_URL": sandbox.url,
        "OS2BOT_JIRA_EMAIL": JIRA_USER["email"],
        "OS2BOT_JIRA_TOKEN": JIRA_USER["api_token"],
        "OS2BOT_SLACK_TOKEN": SLACK_TOKEN,
        "OS2BOT_SLACK_APP_TOKEN": SLACK_APP_TOKEN,
        "OS2BOT_SLACK_API_URL": sandbox.url + "/api/",
        "OS2BOT_ZULIP_SITE": sandbox.url,
        "OS2BOT_ZULIP_EMAIL": ZULIP.email,
        "OS2BOT_ZULIP_API_KEY": ZULIP.api_key,
    }
    service = subprocess.Popen(
        [sys.executable, "-m", "os2bot", "run", "--config", str(config_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        started = service.stdout.readline() if service.stdout else ""
        port = int(started.split("port ")[1].split(".")[0])
        socket = sandbox.slack.socket
        assert socket.wait_until(lambda: bool(socket.connections))
        assert sandbox.zulip.wait_until(lambda: bool(sandbox.zulip.queues))

        sandbox.slack.say("U0METTE01", "<@U0OS2BOT1> hjælp", channel="C0TESTMO01")
        sandbox.zulip.say(21, "@**os2bot** status", stream="sekretariatet", topic="os2bot")

        assert sandbox.slack.wait_until(
            lambda: any("Det kan jeg hjælpe med" in m.text for m in sandbox.slack.messages)
        )
        assert sandbox.zulip.wait_until(
            lambda: any(
                m.sender_id == 9 and m.stream == "sekretariatet" for m in sandbox.zulip.messages
            )
        )
        health = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).json()
        metrics = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    finally:
        service.send_signal(signal.SIGTERM)
        code = service.wait(timeout=60)
    err = service.stderr.read() if service.stderr else ""

    assert code == 0, err
    assert "Traceback" not in err
    assert '"event": "listener.stopped"' in err
    assert health["listeners"]["slack"]["connected"] is True
    assert health["listeners"]["zulip"]["connected"] is True
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(metrics)
        for s in family.samples
    }
    help_on_slack = (("chat", "slack"), ("command", "help"), ("outcome", "answered"))
    status_on_zulip = (("chat", "zulip"), ("command", "status"), ("outcome", "answered"))
    assert samples[("os2bot_chat_commands_total", help_on_slack)] == 1
    assert samples[("os2bot_chat_commands_total", status_on_zulip)] == 1
    assert samples[("os2bot_listener_connected", (("chat", "slack"),))] == 1


def test_without_chat_secrets_the_service_listens_nowhere_and_says_so(tmp_path):
    """No listener is built without its secrets (Slack needs the app-level token besides the
    bot token); /healthz then lists none."""
    config = load_config(CONFIG)
    wiring = Wiring(config, Settings(state=tmp_path / "s.sqlite3", slack_token="xoxb-only"))
    listening = Listening(
        config,
        state_path=tmp_path / "s.sqlite3",
        connect_tracker=wiring.tracker,
        build=wiring.listeners,
        metrics=ListenerMetrics(CollectorRegistry()),
    )
    now = datetime.now(UTC)
    health = Health(
        next_run=lambda _moment: None,
        grace=timedelta(hours=1),
        started=now,
        listeners=listening.status,
    )

    listening.start()
    listening.stop()

    assert listening.listeners == []
    assert health.status(now)[1]["listeners"] == {}
