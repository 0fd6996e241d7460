# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""`os2bot run`: jobs from config, failures survived and alerted, one run at a time,
history kept, /healthz and /metrics, and a clean stop on SIGTERM."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from structlog.testing import capture_logs

from os2bot.adapters.jira_tracker import JiraTracker
from os2bot.adapters.slack_chat import SlackChat
from os2bot.config import ChatTargets, load_config
from os2bot.ports import RunRecord, TrackerUnavailable
from os2bot.sandbox import Fault
from os2bot.sandbox.seed import load_seed
from os2bot.service.health import Health, Metrics, restore, serve
from os2bot.service.runner import Runner
from os2bot.service.scheduler import build_scheduler, next_apply
from os2bot.state import RunLock, SqliteState

from conftest import CONFIG

MONDAY = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 07:00 in Copenhagen


def test_jobs_come_from_the_configured_cron_expressions_in_copenhagen_time():
    """The scheduler has the apply and digest jobs, one instance each, coalesced, firing at
    the configured times in Europe/Copenhagen — weekdays 07:00 and Monday 08:00."""
    config = load_config(CONFIG)
    scheduler = build_scheduler(config, lambda **_: None)

    jobs = {job.id: job for job in scheduler.get_jobs()}
    apply, digest = jobs["apply"], jobs["digest"]
    saturday = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)

    assert set(jobs) == {"apply", "digest"}
    assert apply.max_instances == 1
    assert apply.coalesce is True
    assert apply.misfire_grace_time == config.bot.schedule.misfire_grace_seconds
    assert digest.kwargs == {"digest": True}
    assert (
        apply.trigger.get_next_fire_time(None, saturday).isoformat() == "2026-11-30T07:00:00+01:00"
    )
    assert (
        digest.trigger.get_next_fire_time(None, saturday).isoformat() == "2026-11-30T08:00:00+01:00"
    )


def runner_for(sandbox, tmp_path, config=None, *, clock, fail=lambda: False):
    """A Runner on the demo config against *sandbox*; *fail* makes Jira unreachable."""
    config = config or load_config(CONFIG)
    user = sandbox.seed.jira.users[0]

    def tracker():
        if fail():
            raise TrackerUnavailable("ConnectionError: Jira is down")
        return JiraTracker(
            sandbox.url, deployment="cloud", email=user.email, api_token=user.api_token
        )

    def chats():
        return {"slack": SlackChat(sandbox.seed.slack.tokens[0], base_url=sandbox.url + "/api/")}

    return Runner(
        config,
        state_path=tmp_path / "state.sqlite3",
        language="da",
        connect_tracker=tracker,
        connect_chats=chats,
        clock=clock,
    )


def maintained(config):
    """*config* with a maintainer channel and alerts after 3 failures."""
    service = config.bot.service.model_copy(
        update={"maintainer": ChatTargets(slack_channel="#os2mo"), "failure_alert_after": 3}
    )
    return dataclasses.replace(config, bot=config.bot.model_copy(update={"service": service}))


def test_failed_runs_do_not_stop_the_service_and_alert_the_maintainer_once_then_recovery(
    sandbox_factory, tmp_path
):
    """Runs that fail are recorded and the next still runs; after three in a row the
    maintainer hears of it once, and once more when a run succeeds again."""
    sandbox = sandbox_factory(load_seed(CONFIG / "demo"))
    down = {"jira": True}
    clock = iter(MONDAY + timedelta(minutes=n) for n in range(1000))
    runner = runner_for(
        sandbox,
        tmp_path,
        maintained(load_config(CONFIG)),
        clock=lambda: next(clock),
        fail=lambda: down["jira"],
    )

    outcomes = [runner.run() for _ in range(5)]
    down["jira"] = False
    recovered = runner.run()
    later = runner.run()

    alerts = [m for m in sandbox.slack.messages if "os2bot fejler" in str(m.blocks)]
    recoveries = [m for m in sandbox.slack.messages if "os2bot kører igen" in str(m.blocks)]
    history = SqliteState(tmp_path / "state.sqlite3").runs()
    assert outcomes == [None] * 5
    assert recovered is not None
    assert later is not None
    assert len(alerts) == 1
    assert "3 kørsler i træk" in str(alerts[0].blocks)
    assert len(recoveries) == 1
    assert [r["outcome"] for r in history][:3] == ["ok", "ok", "failed"]
    assert len([r for r in history if r["outcome"] == "failed"]) == 5


def test_each_run_keeps_its_results_and_actions_in_the_history(sandbox_factory, tmp_path):
    """A run's every check result and every action taken are kept, for trends and reports."""
    sandbox = sandbox_factory(load_seed(CONFIG / "demo"))
    runner = runner_for(sandbox, tmp_path, clock=lambda: datetime.now(UTC))

    report = runner.run()

    state = SqliteState(tmp_path / "state.sqlite3")
    [run] = state.runs()
    results = state.results_of(run["run_id"])
    actions = state._db.execute("SELECT kind, outcome FROM actions").fetchall()
    assert run["run_id"] == report.run_id
    assert len(results) == len(report.results)
    assert ("os2forms", "koordinationsgruppe", "not_met") in results
    assert len(actions) == len(report.applied)
    assert {kind for kind, _ in actions} >= {"create"}


def test_retention_forgets_old_runs(tmp_path, sandbox_factory):
    """With retention_days set, runs older than that are deleted with their results."""
    sandbox = sandbox_factory(load_seed(CONFIG / "demo"))
    config = load_config(CONFIG)
    service = config.bot.service.model_copy(update={"retention_days": 30})
    config = dataclasses.replace(config, bot=config.bot.model_copy(update={"service": service}))
    times = iter([datetime.now(UTC) - timedelta(days=60)] * 3 + [datetime.now(UTC)] * 10)
    runner = runner_for(sandbox, tmp_path, config, clock=lambda: next(times))

    runner.run()
    runner.run()

    runs = SqliteState(tmp_path / "state.sqlite3").runs()
    assert len(runs) == 1


def test_health_turns_503_when_runs_stop_succeeding_or_fail():
    """/healthz is 200 after a success, 503 once the next scheduled run is overdue beyond the
    grace time without a success, and 503 right after a failed run."""
    config = load_config(CONFIG)
    health = Health(next_run=next_apply(config), grace=timedelta(hours=1), started=MONDAY)
    health.last_success = MONDAY  # Monday 07:00 Copenhagen

    fresh, _ = health.status(MONDAY + timedelta(hours=5))
    on_time, _ = health.status(MONDAY + timedelta(days=1, minutes=30))  # Tuesday 07:30
    stale, body = health.status(MONDAY + timedelta(days=1, hours=2))  # Tuesday 09:00
    health.last_failure, health.last_error = MONDAY + timedelta(hours=6), "Jira is down"
    failing, failing_body = health.status(MONDAY + timedelta(hours=7))

    assert (fresh, on_time) == (200, 200)
    assert stale == 503
    assert body["status"] == "stale"
    assert failing == 503
    assert "Jira is down" in failing_body["reason"]


def test_metrics_parse_with_prometheus_parser_and_count_runs(sandbox_factory, tmp_path):
    """/metrics is valid Prometheus text: runs by outcome, Jira calls by endpoint and status,
    checks by state, actions by kind and the outbox length — served on 127.0.0.1."""
    sandbox = sandbox_factory(load_seed(CONFIG / "demo"))
    metrics = Metrics()
    runner = runner_for(sandbox, tmp_path, clock=lambda: datetime.now(UTC))
    runner.observe = metrics.observe
    runner.run()
    health = Health(next_run=lambda _m: None, grace=timedelta(hours=1), started=MONDAY)
    server = serve("127.0.0.1", 0, health=health, metrics=metrics, clock=lambda: MONDAY)
    try:
        answer = requests.get(f"http://127.0.0.1:{server.server_address[1]}/metrics", timeout=5)
        healthz = requests.get(f"http://127.0.0.1:{server.server_address[1]}/healthz", timeout=5)
    finally:
        server.shutdown()

    families = {f.name: f for f in text_string_to_metric_families(answer.text)}
    runs = {
        s.labels["outcome"]: s.value
        for s in families["os2bot_runs"].samples
        if s.name.endswith("_total")
    }
    jira = {
        (s.labels["endpoint"], s.labels["status"]) for s in families["os2bot_jira_calls"].samples
    }
    checks = {s.labels["state"]: s.value for s in families["os2bot_checks"].samples}
    assert server.server_address[0] == "127.0.0.1"
    assert runs == {"ok": 1.0}
    assert ("GET search/jql", "200") in jira
    assert checks["not_met"] > 0
    assert {s.labels["kind"] for s in families["os2bot_actions"].samples} >= {"create"}
    assert "os2bot_outbox_pending" in families
    assert healthz.status_code == 200


def test_a_second_process_is_refused_while_a_run_holds_the_lock(tmp_path):
    """While one process holds the run lock, `os2bot apply` in another process says so and
    exits 3 without touching Jira or chat."""
    state = tmp_path / "state.sqlite3"
    env = {
        **os.environ,
        "OS2BOT_STATE": str(state),
        "OS2BOT_JIRA_URL": "http://127.0.0.1:9",
        "OS2BOT_JIRA_EMAIL": "bot@os2.test",
        "OS2BOT_JIRA_TOKEN": "x-token-x",
    }

    with RunLock(state):
        done = subprocess.run(
            [sys.executable, "-m", "os2bot", "apply", "--config", str(CONFIG)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    assert done.returncode == 3
    assert "En anden os2bot-kørsel er i gang" in done.stderr
    assert "Jira kan ikke nås" not in done.stderr


@pytest.mark.parametrize(
    "signals",
    [
        (signal.SIGTERM,),
        (signal.SIGTERM, signal.SIGTERM),
        (signal.SIGTERM, signal.SIGINT),
    ],
    ids=["sigterm", "sigterm-twice", "sigterm-then-sigint"],
)
def test_stopping_during_a_run_lets_it_finish_and_record_then_exits_0(
    sandbox_factory, tmp_path, signals
):
    """SIGTERM while a run is in progress — once, or followed by another signal as a
    supervisor or an impatient operator sends — lets the run finish and be recorded once,
    and the service exits 0 without a traceback."""
    sandbox = sandbox_factory(load_seed(CONFIG / "demo"))
    # The run's second search (of nine) is held back half a second: the SIGTERM sent once the
    # first is answered arrives while the run is in progress.
    sandbox.add_fault(Fault(kind="latency", latency=0.5, path=r"/search/jql", every=2, times=1))
    config_dir = tmp_path / "config"
    import shutil

    shutil.copytree(CONFIG, config_dir)
    main = (config_dir / "os2bot.yaml").read_text(encoding="utf-8")
    (config_dir / "os2bot.yaml").write_text(
        main + "schedule:\n  run_at_start: true\nservice:\n  port: 0\n", encoding="utf-8"
    )
    user = sandbox.seed.jira.users[0]
    env = {
        **os.environ,
        "OS2BOT_STATE": str(tmp_path / "state.sqlite3"),
        "OS2BOT_JIRA_URL": sandbox.url,
        "OS2BOT_JIRA_EMAIL": user.email,
        "OS2BOT_JIRA_TOKEN": str(user.api_token),
    }
    service = subprocess.Popen(
        [sys.executable, "-m", "os2bot", "run", "--config", str(config_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started = service.stdout.readline() if service.stdout else ""
    port = int(started.split("port ")[1].split(".")[0])
    healthz = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
    deadline = time.monotonic() + 30
    while not sandbox.calls(r"/search/jql") and time.monotonic() < deadline:
        time.sleep(0.01)
    for signum in signals:
        service.send_signal(signum)
        time.sleep(0.05)
    code = service.wait(timeout=60)
    err = service.stderr.read() if service.stderr else ""

    runs = SqliteState(tmp_path / "state.sqlite3").runs()
    assert sandbox.calls(r"/search/jql"), err
    assert code == 0, err
    assert [r["outcome"] for r in runs] == ["ok"]
    assert runs[0]["finished_at"] is not None
    assert '"event": "service.stopping"' in err
    assert "Traceback" not in err
    assert healthz.status_code == 200
    assert healthz.json()["status"] == "ok"


def test_the_image_runs_the_service_as_a_user_without_privileges_and_checks_its_health():
    """The Dockerfile's image runs `os2bot run` as a numeric non-root user, keeps state in a
    /data volume and config in /config, and its HEALTHCHECK asks the configured port."""
    dockerfile = (CONFIG.parent / "Dockerfile").read_text(encoding="utf-8")
    lines = [line.strip() for line in dockerfile.splitlines()]

    user = next(line for line in lines if line.startswith("USER "))
    expose = next(line for line in lines if line.startswith("EXPOSE ")).split()[1]
    assert user == "USER 10001:10001"
    assert 'ENTRYPOINT ["os2bot"]' in lines
    assert 'CMD ["run"]' in lines
    assert 'VOLUME ["/data"]' in lines
    assert "OS2BOT_CONFIG=/config" in dockerfile
    assert 'CMD ["python", "-m", "os2bot.service.probe"]' in lines  # the configured port
    assert expose == "9464"
    assert "FROM python:3.11-slim AS build" in lines


def test_after_a_restart_health_knows_the_last_success_from_the_history(tmp_path):
    """A service started on a state database whose last run succeeded says when, in /healthz
    and the metric, before it has run itself; HEAD /healthz answers without a body."""
    state = SqliteState(tmp_path / "state.sqlite3")
    finished = MONDAY + timedelta(minutes=2)
    state.record_run(
        RunRecord("r1", "apply", MONDAY.isoformat(), finished.isoformat(), "ok", counts={})
    )
    state.close()
    health = Health(next_run=lambda _m: None, grace=timedelta(hours=1), started=MONDAY)
    metrics = Metrics()

    restore(health, metrics, tmp_path / "state.sqlite3")
    server = serve("127.0.0.1", 0, health=health, metrics=metrics, clock=lambda: MONDAY)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/healthz"
        head = requests.head(url, timeout=5)
        got = requests.get(url, timeout=5)
        post = requests.post(url, timeout=5)
    finally:
        server.shutdown()

    assert got.json()["last_success"] == finished.isoformat()
    assert metrics.last_success._value.get() == finished.timestamp()
    assert head.status_code == 200
    assert head.content == b""
    assert post.status_code == 405


def test_run_finished_says_the_outcome_and_how_long_the_run_took(sandbox_factory, tmp_path):
    """The one run.finished event of a run carries its outcome and its duration in seconds,
    and says "failed" when the run did not get to its end."""
    sandbox = sandbox_factory(load_seed(CONFIG / "demo"))
    runner = runner_for(sandbox, tmp_path, clock=lambda: datetime.now(UTC))

    with capture_logs() as logs:
        runner.run()
        # Jira refuses the credentials part-way through the next run (not retried).
        sandbox.add_fault(Fault(kind="status", status=401, path=r"/search/jql"))
        runner.run()

    finished = [e for e in logs if e["event"] == "run.finished"]
    assert [e["outcome"] for e in finished] == ["ok", "failed"]
    assert all(e["duration_seconds"] >= 0 for e in finished)
