# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""`os2bot product new` against the sandbox: a first draft from what Jira knows, every field
present, the people's fields as placeholders; it validates, and once a person has filled it
in, `check` judges the product."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date

import pytest
import yaml

from os2bot.cli import main
from os2bot.config import Product, load_config
from os2bot.domain import Issue
from os2bot.onboarding import LabelUse, Survey, draft
from os2bot.ports import ProjectFacts
from os2bot.sandbox.seed import load_seed

from conftest import CONFIG, write_yaml

# The blocks a person uncomments, and what they write instead of each placeholder, in order
# (a placeholder used twice takes the next value each time).
PEOPLE = ("steering_group", "coordination_group", "suppliers", "need", "agreement", "members")
PEOPLE += ("self_assessment", "chat")
VALUES = {
    "<navn>": ["Henrik Lund", "Pia Kjær", "Søren Holm"],
    "<myndighed>": ["Aarhus Kommune"] * 4 + ["Syddjurs Kommune"],
    "<link til kommissoriet>": ["https://os2.eu/os2mo/sg", "https://os2.eu/os2mo/kg"],
    "<leverandør>": ["Magenta ApS"],
    "<link til behovsafdækningen>": ["https://os2.eu/produkt/os2mo"],
    "<ÅÅÅÅ-MM-DD>": ["2024-03-01", "2028-02-29", "2019-01-01"],
    "#<kanal>": ["#os2mo"],
    "<kanal i OS2samtale>": ["OS2valghalla"],
}


def fill(draft: str, values: dict[str, list[str]], kind: str) -> str:
    """The draft as a person fills it in: the people's blocks uncommented, each placeholder
    replaced by the next of its values, the user name or account id the deployment's way."""
    out: list[str] = []
    inside = False
    for line in draft.splitlines():
        block = re.match(r"# ([a-z_]+):", line)
        if block and block.group(1) in PEOPLE:
            inside = True
            out.append(line[2:])
        elif inside and line.startswith("#   "):
            out.append(line[2:])
        else:
            inside = False
            out.append(line)
    filled = "\n".join(out) + "\n"
    user = {"cloud": "712020:6b1f2c44-aa41-4e0b-9a4c-0d2f3a4b5c6d", "datacenter": "mette.kg"}
    values = {**values, "<konto-id>": [user[kind]], "<brugernavn>": [user[kind]]}
    for placeholder, replacements in values.items():
        for value in replacements:
            filled = filled.replace(placeholder, value, 1)
    return filled.replace("fee_paid: false", "fee_paid: true")


@pytest.fixture
def empty_config(tmp_path):
    """An empty configuration: os2bot.yaml and the governance profile, no product files."""
    root = tmp_path / "config"
    shutil.copytree(CONFIG / "governance", root / "governance")
    shutil.copy(CONFIG / "os2bot.yaml", root / "os2bot.yaml")
    return root


@pytest.fixture(params=["cloud", "datacenter"])
def jira(request, sandbox_factory, monkeypatch, tmp_path, empty_config):
    """The demo's sandbox as Jira Cloud or Data Center, reached as an operator would, and the
    empty configuration set to the same deployment."""
    seed = load_seed(CONFIG / "demo")
    seed.jira.deployment = request.param
    sandbox = sandbox_factory(seed)
    user = seed.jira.users[0]
    monkeypatch.setenv("OS2BOT_JIRA_URL", sandbox.url)
    monkeypatch.setenv("OS2BOT_JIRA_EMAIL", user.email)
    monkeypatch.setenv("OS2BOT_JIRA_TOKEN", str(user.api_token))
    monkeypatch.setenv("OS2BOT_JIRA_PAT", str(user.pat))
    monkeypatch.setenv("OS2BOT_SLACK_TOKEN", seed.slack.tokens[0])
    monkeypatch.setenv("OS2BOT_SLACK_API_URL", sandbox.url + "/api/")
    monkeypatch.setenv("OS2BOT_STATE", str(tmp_path / "state.sqlite3"))
    bot = yaml.safe_load((empty_config / "os2bot.yaml").read_text(encoding="utf-8"))
    bot["jira"]["deployment"] = request.param
    write_yaml(empty_config / "os2bot.yaml", bot)
    return sandbox


def run(*args: str) -> tuple[int, str]:
    """The CLI, with its standard output."""
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


def test_a_draft_from_jira_validates_and_once_filled_in_is_judged(jira, empty_config):
    """From an empty configuration, `product new os2mo --jira MO` writes a file with every
    field, what Jira knows filled in; it validates at once and says what is left; filled in
    as a person would, it validates again and `check` judges the product from it."""
    kind = jira.seed.jira.deployment

    code, shown = run("product", "new", "os2mo", "--jira", "MO", "--config", str(empty_config))

    path = empty_config / "products" / "os2mo.yaml"
    draft = path.read_text(encoding="utf-8")
    assert code == 0, shown
    assert f"Skrev {path} ud fra Jira-projektet MO »OS2mo«." in shown
    assert "Filen er gyldig, som os2bot config validate ser den." in shown
    assert "✘ Fungerende styregruppe: ikke opfyldt" in shown
    assert "Tilbage at udfylde — det ved kun produktets folk (8):" in shown
    assert "• agreement — tilslutningsaftalen" in shown
    for name in Product.model_fields:
        assert re.search(rf"^(# )?{name}:", draft, re.MULTILINE), name
    assert "  board: 12" in draft
    assert (
        "# Sagstyper i projektet: Epic, Story, Task, Bug. Botten opretter sine opgaver som »Task«."
        in draft
    )
    assert "Workflowets færdig-status: Done." in draft
    assert "koordinationsgruppemøde: senest MO-4 »Koordinationsgruppemøde – oktober«" in draft
    assert "Versioner i Jira: 3.3.0" in draft
    assert "releases: {enabled: true, lead_days: 21}" in draft
    lead = "712020:6b1f2c44-aa41-4e0b-9a4c-0d2f3a4b5c6d" if kind == "cloud" else "mette.kg"
    assert (
        '#   lead: {name: "Mette Hansen (KG-formand)", authority: <myndighed>, '
        f'jira_user: "{lead}"}}' in draft
    )
    assert ("<konto-id>" in draft) == (kind == "cloud")
    assert ("<brugernavn>" in draft) == (kind == "datacenter")

    (empty_config / "selvevaluering").mkdir()
    shutil.copy(CONFIG / "selvevaluering" / "os2mo.json", empty_config / "selvevaluering")
    path.write_text(fill(draft, VALUES, kind), encoding="utf-8")
    valid, said = run("config", "validate", "--config", str(empty_config))
    code, checked = run("check", "--product", "os2mo", "--config", str(empty_config))

    assert valid == 0, said
    product = load_config(empty_config).product("os2mo")
    assert product.coordination_group is not None
    assert product.coordination_group.lead is not None
    assert product.coordination_group.lead.jira_user == lead
    assert product.chat.targets() == ["slack:#os2mo", "zulip:OS2valghalla>os2bot"]
    for check in (
        "Fungerende styregruppe",
        "Fungerende koordinationsgruppe",
        "OS2s værktøjer benyttes",
        "Behovet er afdækket",
        "Leverandører dækker alle faser",
        "Aftalen finansierer vedligehold af den fælles kodebase",
        "Tilslutningsafgift betalt",
    ):
        assert f"✔ {check}: opfyldt" in checked, checked
    # Only the self-assessment (a file with a fixed date, half a year valid) may age.
    not_met = [line for line in checked.splitlines() if line.startswith("  ✘")]
    assert all("governancekrav (selvevaluering)" in line for line in not_met), checked
    assert code == (1 if not_met else 0)


def test_an_existing_file_is_never_overwritten(jira, empty_config, capsys):
    """A second `product new` for the same key refuses, names the file, and leaves it as it
    was — whatever a person wrote in it since."""
    run("product", "new", "os2mo", "--jira", "MO", "--config", str(empty_config))
    path = empty_config / "products" / "os2mo.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    capsys.readouterr()

    code, _ = run("product", "new", "os2mo", "--jira", "MO", "--config", str(empty_config))

    assert code == 2
    assert "os2bot overskriver aldrig en produktfil" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before
    assert jira.calls(method="POST", path_pattern="/rest/api/2/issue") == []


def test_a_key_or_project_another_product_uses_is_refused(jira, empty_config, capsys):
    """A second product on the same Jira project, or a bad key, is refused before Jira is
    asked anything, and no file is written."""
    run("product", "new", "os2mo", "--jira", "MO", "--config", str(empty_config))
    capsys.readouterr()
    asked = len(jira.exchanges)

    same_project = run("product", "new", "os2mo2", "--jira", "MO", "--config", str(empty_config))
    err = capsys.readouterr().err
    bad_key = run("product", "new", "OS2Mo", "--jira", "MO", "--config", str(empty_config))

    assert same_project[0] == 2
    assert "'MO' bruges allerede af produktet os2mo." in err
    assert bad_key[0] == 2
    assert "kan ikke være en produktnøgle" in capsys.readouterr().err
    assert len(jira.exchanges) == asked
    assert sorted(p.name for p in (empty_config / "products").iterdir()) == ["os2mo.yaml"]


@pytest.mark.usefixtures("jira")
def test_a_project_jira_does_not_show_writes_nothing(empty_config, capsys):
    """A project the bot cannot see (OS2valghalla's is not in this Jira) is named with the
    doctor's words, and no file is written."""
    code, _ = run(
        "product", "new", "os2valghalla", "--jira", "VALGHAL", "--config", str(empty_config)
    )

    assert code == 2
    assert "Jira-projektet VALGHAL findes ikke, eller botten må ikke se det" in (
        capsys.readouterr().err
    )
    assert not (empty_config / "products" / "os2valghalla.yaml").exists()


@pytest.mark.usefixtures("jira")
def test_a_placeholder_left_in_is_named_by_config_validate(empty_config, capsys):
    """A block uncommented but not filled in is refused by config validate, naming the path
    and the placeholder."""
    run("product", "new", "os2mo", "--jira", "MO", "--config", str(empty_config))
    path = empty_config / "products" / "os2mo.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("# suppliers:\n#   - name", "suppliers:\n  - name"), encoding="utf-8"
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "#     phases: [udvikling", "    phases: [udvikling"
        ),
        encoding="utf-8",
    )
    capsys.readouterr()

    code, _ = run("config", "validate", "--config", str(empty_config))

    assert code == 2
    assert (
        "products/os2mo.yaml: suppliers[0].name: '<leverandør>' er en pladsholder fra os2bot "
        "product new; skriv den rigtige værdi" in capsys.readouterr().err
    )


@pytest.mark.usefixtures("jira")
def test_the_draft_is_written_in_english_when_asked(empty_config):
    """With --language en the file's comments and placeholders are English, and so is what
    the command prints."""
    code, shown = run(
        "product",
        "new",
        "os2kitos",
        "--jira",
        "KITOSUDV",
        "--config",
        str(empty_config),
        "--language",
        "en",
    )

    draft = (empty_config / "products" / "os2kitos.yaml").read_text(encoding="utf-8")
    assert code == 0
    assert "Wrote " in shown
    assert "Left to fill in — only the product's people know (8):" in shown
    assert "# ── Steering group (styregruppe) ─" in draft
    assert "lead: {name: <name>, authority: <authority>," in draft
    assert "the board “KITOS udvikling”" in draft
    assert "No versions in Jira yet" in draft


def test_a_draft_says_what_jira_could_not_tell_or_lacks():
    """Boards that could not be read, no done status and none of the task types are said in
    the draft's comments, and a Data Center draft asks for user names."""
    facts = ProjectFacts(
        key="ULF",
        name="OS2ulf: backlog",
        url="https://jira.example/browse/ULF",
        lead=None,
        issue_types=("Epos", "Historie"),
        statuses=(("Åben", "new"), ("I gang", "indeterminate")),
        boards=None,
    )
    meeting = Issue(key="ULF-3", project="ULF", summary="KG-møde\nmarts", url="")
    found = Survey(
        key="os2ulf",
        facts=facts,
        versions=(),
        labels=(LabelUse("koordinationsgruppemøde", meeting), LabelUse("referat", None)),
        kind="datacenter",
        task_issue_type="Task",
    )

    text = draft(found, today=date(2026, 11, 30), language="da")

    assert 'name: "OS2ulf: backlog"' in text
    assert "  board:                         # Jiras tavler kunne ikke læses" in text
    assert (
        "Ingen af dem hedder Task eller Opgave, så botten opretter sine opgaver som den første"
        in (" ".join(line.removeprefix("# ") for line in text.splitlines()))
    )
    assert "Workflowet har ingen status i kategorien »Færdig«" in text
    assert "#   koordinationsgruppemøde: senest ULF-3 »KG-møde marts«, oprettet -" in text
    assert "#   referat: ikke brugt endnu" in text
    assert "jira_user: <brugernavn>}" in text
    assert yaml.safe_load(text)["jira"] == {"project": "ULF", "board": None}
