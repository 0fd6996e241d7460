# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Hostile and failing servers, with the real clients: the bot stops, says why, loses nothing."""

from __future__ import annotations

import dataclasses
import io
import shutil
from datetime import UTC, datetime

import pytest
import yaml

from os2bot.cli import main
from os2bot.domain import State
from os2bot.flow import Mode, run_once
from os2bot.ports import TrackerError, TrackerUnavailable
from os2bot.sandbox import Fault
from os2bot.sandbox.seed import load_seed

from builders import config, product
from conftest import CONFIG, make_seed, meeting, tracker_for, write_yaml

SEARCHES = [("cloud", "/search/jql$"), ("datacenter", "/search$")]


def meetings(deployment: str = "cloud", count: int = 3):
    """*count* meetings in MO, in pages of 2."""
    return make_seed(
        deployment=deployment,
        issues=[meeting("MO", f"-{n + 3}d") for n in range(count)],
        page_size=2,
    )


@pytest.mark.parametrize(("deployment", "path"), SEARCHES)
def test_a_search_that_never_ends_is_cut_at_the_page_cap_and_said_to_be(
    sandbox_factory, deployment, path
):
    """A Jira that always offers one more page is read for at most the adapter's page cap;
    then the search fails with a TrackerError saying it was cut — never a silent part."""
    sandbox = sandbox_factory(meetings(deployment))
    sandbox.add_fault(Fault(kind="endless", path=path, times=400))
    tracker = tracker_for(sandbox)

    with pytest.raises(TrackerError) as caught:
        tracker.search("project = MO", ("summary",))

    assert "cut" in str(caught.value)
    assert not isinstance(caught.value, TrackerUnavailable)
    assert len(sandbox.calls(path)) == tracker.max_pages


def test_a_repeated_next_page_token_stops_the_search_at_once(sandbox_factory):
    """When Jira hands out the token it gave before, paging stops there with a TrackerError
    instead of reading the same page for ever."""
    sandbox = sandbox_factory(meetings())
    sandbox.add_fault(Fault(kind="endless", path="/search/jql$", same_token=True, times=400))

    with pytest.raises(TrackerError) as caught:
        tracker_for(sandbox).search("project = MO", ("summary",))

    assert "cut" in str(caught.value)
    assert len(sandbox.calls("/search/jql$")) == 2


@pytest.mark.parametrize(("deployment", "path"), SEARCHES)
def test_a_search_past_the_run_deadline_is_cut(sandbox_factory, deployment, path):
    """Paging stops once the run's deadline has passed, even before the page cap."""
    sandbox = sandbox_factory(meetings(deployment))
    sandbox.add_fault(Fault(kind="endless", path=path, times=400))
    ticks = iter(range(0, 10_000, 100))  # every look at the clock: 100 s later

    with pytest.raises(TrackerError) as caught:
        tracker_for(sandbox, run_deadline=450, monotonic=lambda: float(next(ticks))).search(
            "project = MO", ("summary",)
        )

    assert "deadline" in str(caught.value)
    assert len(sandbox.calls(path)) == 4


@pytest.mark.parametrize(("deployment", "path"), SEARCHES)
def test_a_cut_search_makes_its_checks_unknown_and_the_run_goes_on(
    sandbox_factory, deployment, path
):
    """Every search endless: the run still finishes, and the checks that needed a search are
    unknown, saying the search was cut."""
    sandbox = sandbox_factory(meetings(deployment))
    sandbox.add_fault(Fault(kind="endless", path=path))
    cfg = config(product(key="os2mo", name="OS2mo", jira={"project": "MO"}))
    jira = cfg.bot.jira.model_copy(update={"deployment": deployment})
    cfg = dataclasses.replace(cfg, bot=cfg.bot.model_copy(update={"jira": jira}))

    report = run_once(
        cfg,
        tracker_for(sandbox, max_pages=5),
        now=datetime.now(UTC),
        language="en",
        mode=Mode.CHECK,
    )

    kg = next(r for r in report.results if r.check_id == "koordinationsgruppe")
    assert kg.state is State.UNKNOWN
    assert "cut" in str(kg.reason.params)
    assert len(sandbox.calls(path)) <= 5 * len({r.check_id for r in report.results})


# ----------------------------------------------------------------- what the CLI says went wrong


def cli(sandbox, monkeypatch, tmp_path, command: str, **env: str) -> int:
    """`os2bot COMMAND` against *sandbox* as an operator runs it, on the sandbox's deployment."""
    deployment = sandbox.seed.jira.deployment
    config_dir = tmp_path / "config"
    shutil.copytree(CONFIG, config_dir, dirs_exist_ok=True)
    bot = yaml.safe_load((config_dir / "os2bot.yaml").read_text(encoding="utf-8"))
    bot["jira"]["deployment"] = deployment
    write_yaml(config_dir / "os2bot.yaml", bot)
    user = sandbox.seed.jira.users[0]
    variables = {
        "OS2BOT_JIRA_URL": sandbox.url,
        "OS2BOT_JIRA_EMAIL": user.email,
        "OS2BOT_JIRA_TOKEN": str(user.api_token),
        "OS2BOT_JIRA_PAT": str(user.pat),
        "OS2BOT_STATE": str(tmp_path / "state.sqlite3"),
        **env,
    }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return main([command, "--config", str(config_dir)], out=io.StringIO(), sleep=lambda _: None)


def demo_on(deployment: str):
    """The demo's seed on *deployment*."""
    seed = load_seed(CONFIG / "demo")
    seed.jira.deployment = deployment
    return seed


@pytest.mark.parametrize(
    ("deployment", "variable", "names"),
    [
        ("cloud", "OS2BOT_JIRA_TOKEN", ("OS2BOT_JIRA_EMAIL", "OS2BOT_JIRA_TOKEN")),
        ("datacenter", "OS2BOT_JIRA_PAT", ("OS2BOT_JIRA_PAT",)),
    ],
)
@pytest.mark.parametrize("command", ["check", "apply"])
def test_refused_credentials_are_named_as_such_without_their_values(
    sandbox_factory, monkeypatch, tmp_path, capsys, deployment, variable, names, command
):
    """A 401 is not "Jira cannot be reached": the CLI says Jira refused the credentials and
    names the variables to check for the deployment — never their values."""
    sandbox = sandbox_factory(demo_on(deployment))

    code = cli(sandbox, monkeypatch, tmp_path, command, **{variable: "wrong-secret-4711"})

    err = capsys.readouterr().err
    assert code == 3
    assert "kan ikke nås" not in err
    assert "legitimation" in err
    for name in names:
        assert name in err
    assert "wrong-secret-4711" not in err


def test_a_permission_refused_is_named_as_such(sandbox_factory, monkeypatch, tmp_path, capsys):
    """A 403 says the bot's user lacks a permission, not that Jira is away."""
    sandbox = sandbox_factory(demo_on("cloud"))
    sandbox.add_fault(Fault(kind="status", status=403, path=r"/rest/api/2/project$"))

    code = cli(sandbox, monkeypatch, tmp_path, "check")

    err = capsys.readouterr().err
    assert code == 3
    assert "kan ikke nås" not in err
    assert "rettigheder" in err


def test_a_bad_request_is_named_as_such_with_jiras_words(
    sandbox_factory, monkeypatch, tmp_path, capsys
):
    """A 400 says Jira found the request invalid, and quotes Jira's errorMessages."""
    sandbox = sandbox_factory(demo_on("cloud"))
    sandbox.add_fault(Fault(kind="status", status=400, path=r"/rest/api/2/project$"))

    code = cli(sandbox, monkeypatch, tmp_path, "check")

    err = capsys.readouterr().err
    assert code == 3
    assert "kan ikke nås" not in err
    assert "ugyldig" in err
    assert "Injected fault" in err


def test_jira_answering_500_is_still_unreachable(sandbox_factory, monkeypatch, tmp_path, capsys):
    """A Jira that keeps answering 5xx is the one case that says it cannot be reached."""
    sandbox = sandbox_factory(demo_on("cloud"))
    sandbox.add_fault(Fault(kind="status", status=502, path=r"/rest/api/2/project$"))

    code = cli(sandbox, monkeypatch, tmp_path, "check")

    assert code == 3
    assert "Jira kan ikke nås" in capsys.readouterr().err
