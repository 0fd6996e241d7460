# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""`os2bot doctor` against the sandbox: what the bot may and may not do, each problem named
with its fix, exit 0 or 1, and nothing written anywhere."""

from __future__ import annotations

import dataclasses
import io
import shutil

import pytest

from os2bot.cli import main
from os2bot.doctor import labels_in, product_labels
from os2bot.sandbox import Fault
from os2bot.sandbox.seed import SeedData, SeedUser, ZulipSeed
from os2bot.state import SqliteState, writable_problem

from builders import SHIPPED
from builders import product as built_product
from conftest import CONFIG, JIRA_USER, SLACK_TOKEN, make_seed, meeting, write_yaml

METTE = SeedUser(
    account_id="712020:mette", name="mette.kg", display_name="Mette Hansen", email="m@x.dk"
)
ZULIP = ZulipSeed(email="bot@os2samtale.test", api_key="zulip-key", streams=["OS2forms", "sek"])


def healthy_seed(deployment: str = "cloud") -> SeedData:
    """MO and OS2FORMS with their own boards and every label the products use; Mette; the
    bot in #os2mo; Zulip with OS2forms and the secretariat's stream."""
    labels = ("styregruppemøde", "koordinationsgruppemøde", "tilslutningsaftale")
    seed = make_seed(
        deployment=deployment,
        projects=[
            {"key": "MO", "name": "OS2mo", "boards": [{"id": 12, "name": "MO tavle"}]},
            {"key": "OS2FORMS", "name": "OS2forms", "boards": [{"id": 30, "name": "Forms"}]},
        ],
        issues=[
            {**meeting(project, "-10d"), "labels": [label]}
            for project in ("MO", "OS2FORMS")
            for label in labels
        ],
    )
    seed.jira.users.append(METTE)
    return dataclasses.replace(seed, zulip=ZULIP)


def product_file(key: str, project: str, board: int, **extra: object) -> dict[str, object]:
    """A product file in drift whose coordination group is led by Mette (on Cloud)."""
    return {
        "key": key,
        "name": key.upper(),
        "jira": {"project": project, "board": board},
        "coordination_group": {
            "lead": {"name": "Mette Hansen", "jira_user": METTE.account_id},
            "members": [{"name": "Søren Holm"}],
        },
        **extra,
    }


@pytest.fixture
def setup(tmp_path, monkeypatch):
    """A configuration of two products (os2mo on Slack, os2forms on Zulip), the digest on
    Zulip, and the environment pointing at a sandbox the test starts with start(seed)."""
    root = tmp_path / "config"
    shutil.copytree(CONFIG / "governance", root / "governance")
    write_yaml(
        root / "os2bot.yaml",
        {
            "jira": {"deployment": "cloud"},
            "secretariat": {"chat": {"zulip_stream": "sek", "zulip_topic": "ugeoversigt"}},
        },
    )
    write_yaml(
        root / "products" / "os2mo.yaml",
        product_file("os2mo", "MO", 12, chat={"slack_channel": "#os2mo"}),
    )
    write_yaml(
        root / "products" / "os2forms.yaml",
        product_file("os2forms", "OS2FORMS", 30, chat={"zulip_stream": "OS2forms"}),
    )
    monkeypatch.setenv("OS2BOT_STATE", str(tmp_path / "state" / "os2bot.sqlite3"))

    class Setup:
        config = root

        def start(self, seed: SeedData, sandbox_factory):
            sandbox = sandbox_factory(seed)
            monkeypatch.setenv("OS2BOT_JIRA_URL", sandbox.url)
            monkeypatch.setenv("OS2BOT_JIRA_EMAIL", JIRA_USER["email"])
            monkeypatch.setenv("OS2BOT_JIRA_TOKEN", JIRA_USER["api_token"])
            monkeypatch.setenv("OS2BOT_JIRA_PAT", JIRA_USER["pat"])
            monkeypatch.setenv("OS2BOT_SLACK_TOKEN", SLACK_TOKEN)
            monkeypatch.setenv("OS2BOT_SLACK_API_URL", sandbox.url + "/api/")
            monkeypatch.setenv("OS2BOT_ZULIP_SITE", sandbox.url)
            monkeypatch.setenv("OS2BOT_ZULIP_EMAIL", ZULIP.email)
            monkeypatch.setenv("OS2BOT_ZULIP_API_KEY", ZULIP.api_key)
            return sandbox

        def change(self, name: str, **fields: object) -> None:
            path = root / "products" / f"{name}.yaml"
            data = __import__("yaml").safe_load(path.read_text(encoding="utf-8"))
            data.update(fields)
            write_yaml(path, data)

        def doctor(self, language: str = "da") -> tuple[int, str]:
            out = io.StringIO()
            code = main(
                ["doctor", "--config", str(root), "--language", language], out=out, sleep=no_sleep
            )
            return code, out.getvalue()

    return Setup()


def no_sleep(_seconds: float) -> None:
    """Retries in these tests do not wait."""


def problems(shown: str) -> list[str]:
    """The numbered problem lines of the doctor's output (without their fixes)."""
    lines = shown.splitlines()
    start = next(
        (n for n, line in enumerate(lines) if "— og sådan løses" in line or "— and how to" in line),
        None,
    )
    if start is None:
        return []
    found = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        if not line.strip().startswith("→"):
            found.append(line.strip())
    return found


def row(shown: str, name: str, target: str) -> list[str]:
    """The symbols in the table row of *name* (a product key) and *target* (a Jira project
    key, or a chat target)."""
    for line in shown.splitlines():
        words = line.split()
        if words[:2] == [name, target]:
            return words[2:]
    raise AssertionError(f"no row {name} {target}")


def test_all_well_exits_0_and_writes_nothing(setup, sandbox_factory):
    """With every permission, board, person, channel and stream in place the doctor says so
    in a table, exits 0, and neither writes to Jira nor posts to chat nor creates the state
    database."""
    sandbox = setup.start(healthy_seed(), sandbox_factory)

    code, shown = setup.doctor()

    assert code == 0, shown
    assert "✔ Jira      logget ind som os2bot (712020:test-bot) på http://" in shown
    assert "Jira Cloud" in shown
    assert "✔ Slack     logget ind som os2bot (OS2 demo)" in shown
    assert "✔ Zulip     logget ind som os2bot <bot@os2samtale.test>" in shown
    assert "findes ikke endnu og oprettes ved første kørsel" in shown
    assert "næste kørsler 20" in shown
    assert row(shown, "os2mo", "MO") == ["✔"] * 11
    assert row(shown, "os2mo", "slack:#os2mo") == ["✔", "✔", "✔"]
    assert row(shown, "ugeoversigt", "zulip:sek>ugeoversigt") == ["✔", "✔", "✔"]
    assert "Alt i orden: botten har den adgang, den skal bruge." in shown
    assert [e for e in sandbox.exchanges if e.method in {"POST", "PUT", "PATCH", "DELETE"}] == [
        e for e in sandbox.exchanges if e.path.startswith("/api/") and e.method == "POST"
    ]  # only Slack's reads, which slack_sdk POSTs
    assert not sandbox.slack.messages
    assert not sandbox.zulip.messages
    assert not list(setup.config.parent.glob("state/*"))


def test_a_missing_permission_is_named_with_what_it_breaks_and_how_to_grant_it(
    setup, sandbox_factory
):
    """A project where the bot may not transition issues shows ✘ under Status, says the bot
    cannot close its tasks, tells how to grant the permission, and exits 1."""
    seed = healthy_seed()
    seed.jira.projects[0].withheld = ["TRANSITION_ISSUES"]
    setup.start(seed, sandbox_factory)

    code, shown = setup.doctor()

    assert code == 1
    assert row(shown, "os2mo", "MO")[:7] == ["✔"] * 5 + ["✘", "✔"]
    assert problems(shown) == [
        (
            "1. os2mo · jira:MO: Botten må ikke skifte status på sager i MO (»Transition Issues«), "
            "så den kan ikke lukke sine opgaver, når et tjek er opfyldt igen."
        )
    ]
    assert "→ Giv bottens Jira-bruger os2bot rettigheden i projektets rettighedsskema" in shown


def test_a_board_of_another_project_is_a_problem(setup, sandbox_factory):
    """jira.board naming another project's board says whose board it is and lists the
    project's own."""
    setup.start(healthy_seed(), sandbox_factory)
    setup.change("os2mo", jira={"project": "MO", "board": 30})

    code, shown = setup.doctor()

    assert code == 1
    assert problems(shown) == [
        (
            "1. os2mo · jira:MO: Tavle 30 hører til projektet OS2FORMS, ikke til MO, så tjekket "
            "»OS2s værktøjer benyttes« bliver ikke opfyldt."
        )
    ]
    assert "→ Skriv en af projektets egne tavler i jira.board: 12." in shown


def test_an_assignee_unknown_on_cloud_is_a_problem(setup, sandbox_factory):
    """A jira_user Jira Cloud does not know is named, with where to find an account id."""
    setup.start(healthy_seed(), sandbox_factory)
    setup.change(
        "os2forms",
        steering_group={"lead": {"name": "Henrik Lund", "jira_user": "712020:nobody"}},
    )

    code, shown = setup.doctor()

    assert code == 1
    assert problems(shown) == [
        (
            "1. os2forms · jira:OS2FORMS: Henrik Lund (styregruppens formand): Jira Cloud kender "
            "ingen konto med id'et 712020:nobody, så opgaverne oprettes uden ansvarlig."
        )
    ]
    assert "…/jira/people/<konto-id>" in shown


def test_cloud_account_ids_on_data_center_are_caught_before_the_first_run(
    setup, sandbox_factory, monkeypatch
):
    """The measured failure: a Data Center Jira with Cloud account ids in the product files
    would drop every assignee; the doctor names each person and says to write user names."""
    setup.start(healthy_seed("datacenter"), sandbox_factory)
    write_yaml(setup.config / "os2bot.yaml", {"jira": {"deployment": "datacenter"}})
    monkeypatch.delenv("OS2BOT_JIRA_EMAIL")

    code, shown = setup.doctor("en")

    assert code == 1
    assert "Jira Data Center" in shown
    found = problems(shown)
    assert len(found) == 2
    assert all("Jira Data Center knows no user named 712020:mette" in line for line in found)
    assert "712020:mette looks like a Jira Cloud account id, but this Jira is Data Center" in shown


def test_a_deployment_that_is_not_what_the_configuration_says_is_a_problem(setup, sandbox_factory):
    """os2bot.yaml saying cloud for a Data Center server is named, with what to write."""
    setup.start(healthy_seed("datacenter"), sandbox_factory)

    code, shown = setup.doctor()

    assert code == 1
    assert "os2bot.yaml siger jira.deployment: cloud, men serveren er datacenter" in shown
    assert "Skriv jira.deployment: datacenter i os2bot.yaml" in shown


def test_a_slack_channel_without_the_bot_is_a_problem(setup, sandbox_factory):
    """A Slack channel the bot was not invited to: ✘ under Medlem and Må skrive, and the
    /invite to type."""
    seed = healthy_seed()
    seed.slack.channels[0].member = False  # #os2mo
    setup.start(seed, sandbox_factory)

    code, shown = setup.doctor()

    assert code == 1
    assert row(shown, "os2mo", "slack:#os2mo") == ["✔", "✘", "✘"]
    assert problems(shown) == [
        (
            "1. os2mo · slack:#os2mo: Botten er ikke med i Slack-kanalen #os2mo, og Slack afviser "
            "dens beskeder der (not_in_channel)."
        )
    ]
    assert "→ Invitér botten til kanalen: skriv /invite @os2bot i #os2mo." in shown


def test_a_missing_zulip_stream_is_a_problem(setup, sandbox_factory):
    """A Zulip stream that does not exist is named, for a product and for the digest."""
    seed = dataclasses.replace(healthy_seed(), zulip=ZULIP.model_copy(update={"streams": ["sek"]}))
    setup.start(seed, sandbox_factory)

    code, shown = setup.doctor("en")

    assert code == 1
    assert row(shown, "os2forms", "zulip:OS2forms>os2bot") == ["✘", "·", "✘"]
    assert problems(shown) == [
        (
            "1. os2forms · zulip:OS2forms>os2bot: The Zulip channel OS2forms does not exist, or "
            "the bot cannot see it (a private channel it is not subscribed to)."
        )
    ]


def test_an_unwritable_state_database_is_a_problem(setup, sandbox_factory, monkeypatch, tmp_path):
    """A state database whose directory cannot exist (a file stands in its way) is named,
    with where to point OS2BOT_STATE."""
    setup.start(healthy_seed(), sandbox_factory)
    (tmp_path / "blocked").write_text("a file, not a directory", encoding="utf-8")
    monkeypatch.setenv("OS2BOT_STATE", str(tmp_path / "blocked" / "os2bot.sqlite3"))

    code, shown = setup.doctor()

    assert code == 1
    assert problems(shown) == [
        (
            f"1. Tilstand: Tilstandsdatabasen {tmp_path}/blocked/os2bot.sqlite3 kan ikke skrives: "
            f"{tmp_path}/blocked is not a directory"
        )
    ]
    assert "→ Peg OS2BOT_STATE på en fil i en mappe, botten må skrive i" in shown


def test_jira_not_set_up_is_named_and_the_rest_still_checked(setup, sandbox_factory, monkeypatch):
    """Without Jira's secrets the doctor says which are missing, marks every Jira cell as
    unknown, and still checks chat, the state database and the schedule."""
    setup.start(healthy_seed(), sandbox_factory)
    monkeypatch.delenv("OS2BOT_JIRA_TOKEN")

    code, shown = setup.doctor()

    assert code == 1
    assert "✘ Jira      Jira er ikke sat op: miljøvariablen OS2BOT_JIRA_TOKEN mangler." in shown
    assert row(shown, "os2mo", "MO") == ["?"] * 11
    assert "✔ Slack" in shown
    assert "✔ Zulip" in shown


def test_unused_labels_are_a_note_not_a_problem(setup, sandbox_factory):
    """A project where the profile's meeting labels are not used yet gets a note naming them;
    notes alone leave the exit code 0."""
    seed = healthy_seed()
    seed.jira.issues = [i for i in seed.jira.issues if i.project != "MO"]
    setup.start(seed, sandbox_factory)

    code, shown = setup.doctor()

    assert code == 0
    assert row(shown, "os2mo", "MO")[-1] == "!"
    assert (
        "1. os2mo · jira:MO: Etiketterne styregruppemøde, koordinationsgruppemøde, "
        "tilslutningsaftale er ikke brugt i MO endnu" in shown
    )


# --------------------------------------------------------------------------- the pure parts


def test_labels_are_read_from_jql_fragments():
    """`labels = x`, quoted values and `labels in (…)` are read; negations and EMPTY are not."""
    assert labels_in("labels = styregruppemøde AND statusCategory = Done") == ["styregruppemøde"]
    assert labels_in("labels in (a, \"b c\") OR labels = 'd'") == ["d", "a", "b c"]
    assert labels_in("labels IS EMPTY OR labels != os2bot") == []


def test_a_products_labels_follow_its_phase_extensions_and_replaced_evidence():
    """Only checks that apply count (joint operations brings driftsaftale), a replaced
    evidence's labels replace the profile's, and rounds add the requests' label."""
    plain = built_product()
    joint = built_product(agreement={"signed": "2025-01-01", "extensions": ["faelles_drift"]})
    own = built_product(
        evidence={"koordinationsgruppe": [{"kind": "jql", "jql": "labels = referat"}]},
        prioritisation={"months": [3]},
    )

    assert product_labels(SHIPPED, plain) == [
        "styregruppemøde",
        "koordinationsgruppemøde",
        "tilslutningsaftale",
    ]
    assert "driftsaftale" in product_labels(SHIPPED, joint)
    assert product_labels(SHIPPED, own) == [
        "styregruppemøde",
        "referat",
        "tilslutningsaftale",
        "udviklingsønske",
    ]


def test_the_state_probe_changes_nothing_and_names_what_is_wrong(tmp_path):
    """An existing database is writable without a change to it; a directory, a file that is
    no database, and a path under a file are each named."""
    good = tmp_path / "state.sqlite3"
    SqliteState(good).close()
    before = good.read_bytes()
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database at all, not even close" * 40)
    (tmp_path / "file").write_text("x", encoding="utf-8")

    assert writable_problem(good) is None
    assert good.read_bytes() == before
    assert writable_problem(tmp_path / "new" / "deeper" / "state.sqlite3") is None
    assert not (tmp_path / "new").exists()
    assert writable_problem(tmp_path) == f"{tmp_path} is a directory"
    assert "not a database" in str(writable_problem(tmp_path / "junk.sqlite3"))
    assert (
        writable_problem(tmp_path / "file" / "s.sqlite3")
        == f"{tmp_path / 'file'} is not a directory"
    )


def test_doctor_is_listed_in_the_help(capsys):
    """`os2bot --help` lists doctor among the commands."""
    with pytest.raises(SystemExit):
        main(["--help"])

    assert "doctor" in capsys.readouterr().out


def test_doctor_works_before_the_first_product_file(tmp_path, monkeypatch, capsys):
    """An empty configuration is refused by `config validate` with a pointer to `product
    new`, while `doctor` still checks what it can (here: Jira is not set up)."""
    root = tmp_path / "config"
    shutil.copytree(CONFIG / "governance", root / "governance")
    write_yaml(root / "os2bot.yaml", {"jira": {"deployment": "cloud"}})
    for name in ("OS2BOT_JIRA_URL", "OS2BOT_JIRA_EMAIL", "OS2BOT_JIRA_TOKEN", "OS2BOT_SLACK_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OS2BOT_STATE", str(tmp_path / "state.sqlite3"))
    out = io.StringIO()

    refused = main(["config", "validate", "--config", str(root)], out=io.StringIO())
    code = main(["doctor", "--config", str(root)], out=out)

    assert refused == 2
    assert "skriv den første med os2bot product new NØGLE --jira PROJEKT" in capsys.readouterr().err
    assert code == 1
    assert "Jira er ikke sat op" in out.getvalue()


def test_boards_that_cannot_be_read_are_a_note_and_the_rest_is_checked(setup, sandbox_factory):
    """A Jira whose agile board listing fails (no Jira Software) gets a note for the boards,
    and permissions, people and labels are still checked."""
    sandbox = setup.start(healthy_seed(), sandbox_factory)
    sandbox.add_fault(Fault(kind="status", path=r"/rest/agile/1\.0/board$", status=404))

    code, shown = setup.doctor()

    assert code == 0, shown
    assert row(shown, "os2mo", "MO") == ["✔"] * 7 + ["!"] + ["✔"] * 3
    assert "Jiras tavler kunne ikke læses: HTTP 404" in shown
