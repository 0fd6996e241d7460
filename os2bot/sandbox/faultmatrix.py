# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The fault matrix: a fault in a run against the sandbox, recovery runs, and what came of it.

What is counted: tasks opened twice, chat messages lost or sent twice, time spent.

Used by `tests/test_fault_matrix.py` (which asserts none lost, none twice, every run within
its bounds) and `scripts/fault_matrix.py` (which prints the table). A scenario is a fault, or
a way to stop a run part-way; the runs use the real `jira`, `slack_sdk` and `zulip` clients.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from os2bot.config import Config, load_config
from os2bot.flow import Mode, RunResult, run_once
from os2bot.ports import Chat, ChatError, TrackerError
from os2bot.sandbox.faults import Fault
from os2bot.sandbox.seed import load_seed
from os2bot.sandbox.server import Sandbox
from os2bot.state import SqliteState

RECOVERY_RUNS = 2
# The longest a run may spend waiting on retries (its injected sleeps, in seconds): every
# Retry-After is capped at a minute and the rest left for the next run.
WAIT_BOUND = 120.0
_FINGERPRINT = re.compile(r"os2bot-[0-9a-f]{12}")


@dataclass
class Scenario:
    """One row of the matrix: what goes wrong in the first run."""

    name: str
    faults: tuple[Fault, ...] = ()
    index_lag: float = 0.0  # Jira Cloud's search lags writes by this many seconds
    stop_after_writes: int | None = None  # the process dies after this many writes
    # Whether the faulted run is expected to be cut short (and the rest left for later).
    aborts: bool = False


def scenarios() -> list[Scenario]:
    """Every fault the bot must survive without losing or repeating anything."""
    create = r"/rest/api/2/issue$"
    return [
        Scenario(
            "503 on every 4th create", (Fault("status", create, "POST", every=4),), aborts=True
        ),
        Scenario(
            "answer lost after a create", (Fault("drop", create, "POST", every=5, after=True),)
        ),
        Scenario(
            "answer lost after a create, search lagging",
            (Fault("drop", create, "POST", times=1, after=True),),
            index_lag=3600,
            aborts=True,
        ),
        Scenario("search index lagging behind writes", index_lag=3600),
        Scenario(
            "answer lost after a comment",
            (Fault("drop", r"/comment$", "POST", times=1, after=True),),
            aborts=True,
        ),
        Scenario(
            "429 on creates, Retry-After 1",
            (Fault("status", create, "POST", status=429, retry_after=1, times=3),),
        ),
        Scenario(
            "429 on a create, Retry-After 3600",
            (Fault("status", create, "POST", status=429, retry_after=3600, times=1),),
        ),
        Scenario("Jira answers 503 to every search", (Fault("status", r"/search"),), aborts=True),
        Scenario("a search that never ends", (Fault("endless", r"/search"),), aborts=True),
        Scenario(
            "Slack answer lost after a post",
            (Fault("drop", r"/api/chat\.postMessage$", "POST", times=2, after=True),),
        ),
        Scenario(
            "Slack 429, Retry-After 3600",
            (Fault("status", r"/api/chat\.postMessage$", status=429, retry_after=3600, times=2),),
        ),
        Scenario(
            "Zulip answer lost after a send",
            (Fault("drop", r"/api/v1/messages$", "POST", times=1, after=True),),
        ),
        Scenario("Zulip 503 on sends", (Fault("status", r"/api/v1/messages$", "POST", times=3),)),
        Scenario("process killed after 3 writes", stop_after_writes=3, aborts=True),
    ]


@dataclass
class ScenarioOutcome:
    """What a scenario came to, counted after the recovery runs."""

    scenario: str
    duplicate_tasks: int = 0
    duplicate_messages: int = 0
    lost_messages: int = 0
    seconds: float = 0.0  # wall time of the faulted run
    waited: float = 0.0  # what the faulted run asked to sleep, in seconds
    aborted: bool = False
    problems: list[str] = field(default_factory=list)


class Killed(BaseException):
    """The process dies: nothing after this point of the run happens."""


def run_scenario(scenario: Scenario, config_dir: Path) -> ScenarioOutcome:
    """The faulted run, then recovery runs, against a fresh sandbox; what came of it."""
    outcome = ScenarioOutcome(scenario.name)
    with _sandbox(config_dir) as sandbox, tempfile.TemporaryDirectory() as tmp:
        config = _on(load_config(config_dir), sandbox.seed.jira.deployment)
        state_path = Path(tmp) / "state.sqlite3"
        sandbox.jira.index_lag = scenario.index_lag
        for fault in scenario.faults:
            sandbox.add_fault(fault)
        waits: list[float] = []
        began = time.monotonic()
        try:
            _run(sandbox, config, state_path, waits, stop_after=scenario.stop_after_writes)
        except (TrackerError, ChatError, Killed) as exc:
            outcome.aborted = True
            outcome.problems.append(f"{type(exc).__name__}: {exc}")
        outcome.seconds = time.monotonic() - began
        outcome.waited = sum(waits)
        sandbox.faults.clear()
        sandbox.jira.catch_up_index()
        for _ in range(RECOVERY_RUNS):
            _run(sandbox, config, state_path, [])
        _count(sandbox, state_path, outcome)
    return outcome


@contextmanager
def _sandbox(config_dir: Path) -> Iterator[Sandbox]:
    with Sandbox(load_seed(config_dir / "demo")) as sandbox:
        yield sandbox


def _on(config: Config, deployment: str) -> Config:
    jira = config.bot.jira.model_copy(update={"deployment": deployment})
    return dataclasses.replace(config, bot=config.bot.model_copy(update={"jira": jira}))


def _run(
    sandbox: Sandbox,
    config: Config,
    state_path: Path,
    waits: list[float],
    *,
    stop_after: int | None = None,
) -> RunResult:
    """One applied run with the real clients; *stop_after* writes, the process 'dies'."""
    from os2bot.adapters.jira_tracker import JiraTracker  # noqa: PLC0415 - the real clients
    from os2bot.adapters.slack_chat import SlackChat  # noqa: PLC0415
    from os2bot.adapters.zulip_chat import ZulipChat  # noqa: PLC0415

    user = sandbox.seed.jira.users[0]
    tracker = JiraTracker(
        sandbox.url,
        deployment=sandbox.seed.jira.deployment,
        email=user.email,
        api_token=user.api_token,
        pat=user.pat,
        sleep=waits.append,
    )
    if stop_after is not None:
        _die_after(tracker, stop_after)
    chats: dict[str, Chat] = {
        "slack": SlackChat(
            sandbox.seed.slack.tokens[0], base_url=sandbox.url + "/api/", sleep=waits.append
        ),
        "zulip": ZulipChat(
            site=sandbox.url,
            email=sandbox.seed.zulip.email,
            api_key=sandbox.seed.zulip.api_key,
            sleep=waits.append,
        ),
    }
    state = SqliteState(state_path)
    try:
        return run_once(
            config,
            tracker,
            now=datetime.now(UTC),
            language="da",
            mode=Mode.APPLY,
            chats=chats,
            state=state,
            digest=True,
        )
    finally:
        state.close()


def _die_after(tracker: object, writes: int) -> None:
    """Make *tracker* kill the run after *writes* writes (each done, its answer received)."""
    done = 0
    for name in ("create_task", "update_task", "comment", "edit_comment", "resolve"):
        write: Callable[..., object] = getattr(tracker, name)

        def counted(
            *args: object, _write: Callable[..., object] = write, **kwargs: object
        ) -> object:
            nonlocal done
            result = _write(*args, **kwargs)
            done += 1
            if done >= writes:
                raise Killed(f"killed after {done} writes")
            return result

        setattr(tracker, name, counted)


def _count(sandbox: Sandbox, state_path: Path, outcome: ScenarioOutcome) -> None:
    """Tasks twice, messages twice, messages lost, after recovery.

    A task's "opened" event is lost unless the outbox holds it as delivered, which it marks
    only once the chat system took it; what the chat systems hold shows what was sent twice.
    """
    open_tasks = [
        issue
        for issue in sandbox.jira.issues_with_label("os2bot")
        if (issue["fields"].get("status") or {}).get("statusCategory", {}).get("key") != "done"
    ]
    fingerprints = Counter(
        label
        for issue in open_tasks
        for label in issue["fields"]["labels"]
        if _FINGERPRINT.fullmatch(label)
    )
    outcome.duplicate_tasks = sum(n - 1 for n in fingerprints.values())
    outcome.duplicate_messages = _repeated_posts(sandbox)
    opened = {
        label.removeprefix("os2bot-")
        for issue in sandbox.jira.issues_with_label("os2bot")
        if not issue["fields"]["summary"].startswith("OS2-porteføljen")  # no product's own
        for label in issue["fields"]["labels"]
        if _FINGERPRINT.fullmatch(label)
    }
    with sqlite3.connect(state_path) as db:
        delivered = {
            key.split("@")[0].removeprefix("opened:")
            for (key,) in db.execute(
                "SELECT dedup_key FROM outbox WHERE delivered_at IS NOT NULL "
                "AND dedup_key LIKE 'opened:%'"
            )
        }
        pending = db.execute("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").fetchone()
    outcome.lost_messages = len(opened - delivered) + int(pending[0])


def _repeated_posts(sandbox: Sandbox) -> int:
    """Messages posted more than once with the same content to the same place."""
    slack = Counter((m.channel, m.text, str(m.blocks)) for m in sandbox.slack.messages)
    zulip = Counter((m.stream, m.topic, m.content) for m in sandbox.zulip.messages)
    return sum(n - 1 for n in (*slack.values(), *zulip.values()) if n > 1)


def run_matrix(config_dir: Path) -> list[ScenarioOutcome]:
    """Every scenario, one after the other."""
    return [run_scenario(scenario, config_dir) for scenario in scenarios()]
