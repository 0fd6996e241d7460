# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Configuration: the shipped files load, and broken ones fail early, naming file and path."""

from __future__ import annotations

import io
import socket
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from os2bot import config as config_module
from os2bot.cli import main
from os2bot.config import ConfigError, example_config_dir, load_config, terms
from os2bot.rules import effective_evidence

from builders import MINIMUM_FUNDING
from conftest import CONFIG, write_yaml


def test_shipped_configuration_loads():
    """Every file under config/ validates: five products on the tilslutningsaftale profile."""
    cfg = load_config(CONFIG)

    assert sorted(p.key for p in cfg.products) == [
        "os2borgerpc",
        "os2forms",
        "os2kitos",
        "os2loop",
        "os2mo",
        "os2valghalla",
    ]
    assert len(cfg.profiles["tilslutningsaftale"].checks) == 21
    assert len(cfg.catalogues["governancekrav-1.1.0"].requirements) == 43
    assert set(cfg.profiles) == {"tilslutningsaftale"}
    assert cfg.bot.timezone == "Europe/Copenhagen"


def test_every_config_field_has_a_description():
    """Each field of each configuration model documents itself (the reference is built on it)."""
    models = [
        obj
        for obj in vars(config_module).values()
        if isinstance(obj, type)
        and issubclass(obj, BaseModel)
        and obj.__module__.startswith("os2bot.")
    ]
    undocumented = [
        f"{model.__name__}.{name}"
        for model in models
        for name, field in model.model_fields.items()
        if not field.description
    ]

    assert len(models) >= 8
    assert undocumented == []


def _product(config_dir: Path) -> Path:
    return config_dir / "products" / "os2mo.yaml"


def _set(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _mo(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": "os2mo",
        "name": "OS2mo",
        "jira": {"project": "MO", "board": 12},
        "chat": {"slack_channel": "#os2mo"},
    }
    data.update(changes)
    return data


# Each case: how to break the config, then the file, the path and a part of the Danish text.
BROKEN: list[tuple[str, Any, str, str, str]] = [
    (
        "missing project",
        lambda d: write_yaml(_product(d), _mo(jira={"board": 12})),
        "products/os2mo.yaml",
        "jira.project",
        "feltet mangler",
    ),
    (
        "lower-case project key",
        lambda d: write_yaml(_product(d), _mo(jira={"project": "mo"})),
        "products/os2mo.yaml",
        "jira.project",
        "har ikke den forventede form",
    ),
    (
        "typo in a field name",
        lambda d: write_yaml(_product(d), _mo(chat={"slack_chanel": "#x"})),
        "products/os2mo.yaml",
        "chat.slack_chanel",
        "ukendt felt",
    ),
    (
        "board is not a number",
        lambda d: write_yaml(_product(d), _mo(jira={"project": "MO", "board": "tolv"})),
        "products/os2mo.yaml",
        "jira.board",
        "heltal",
    ),
    (
        "YAML syntax error",
        lambda d: _set(_product(d), "key: os2mo\njira: [project: MO\n"),
        "products/os2mo.yaml",
        "",
        "YAML-fejl i linje",
    ),
    (
        "file is a list",
        lambda d: _set(_product(d), "- key: os2mo\n"),
        "products/os2mo.yaml",
        "",
        "YAML-mapping",
    ),
    (
        "unknown profile",
        lambda d: write_yaml(_product(d), _mo(profile="governance-2019")),
        "products/os2mo.yaml",
        "profile",
        "findes ikke",
    ),
    (
        "override of a check that does not exist",
        lambda d: write_yaml(_product(d), _mo(overrides={"bestyrelse": {"within_days": 10}})),
        "products/os2mo.yaml",
        "overrides.bestyrelse",
        "findes ikke i profilen",
    ),
    (
        "negative window in an override",
        lambda d: write_yaml(
            _product(d), _mo(overrides={"koordinationsgruppe": {"within_days": -5}})
        ),
        "products/os2mo.yaml",
        "overrides.koordinationsgruppe.within_days",
        "mindst 1",
    ),
    (
        "two products with one Jira project",
        lambda d: write_yaml(d / "products" / "kopi.yaml", _mo(key="os2mo-kopi")),
        "products/os2mo.yaml",
        "jira.project",
        "allerede brugt i products/kopi.yaml",
    ),
    (
        "unknown timezone",
        lambda d: _set(d / "os2bot.yaml", "timezone: Europe/Aarhus\n"),
        "os2bot.yaml",
        "timezone",
        "unknown timezone",
    ),
    (
        "deployment misspelt",
        lambda d: _set(d / "os2bot.yaml", "jira:\n  deployment: server\n"),
        "os2bot.yaml",
        "jira.deployment",
        "'server' er ikke tilladt",
    ),
    (
        "language not supported",
        lambda d: _set(d / "os2bot.yaml", "language: de\n"),
        "os2bot.yaml",
        "language",
        "ikke tilladt",
    ),
    (
        "check without evidence",
        lambda d: _set(
            d / "governance" / "tilslutningsaftale.yaml",
            (d / "governance" / "tilslutningsaftale.yaml").read_text().split("    evidence:")[0]
            + "    fix: {da: x, en: y}\n",
        ),
        "governance/tilslutningsaftale.yaml",
        "checks[0].evidence",
        "feltet mangler",
    ),
    (
        "evidence window of zero days",
        lambda d: _set(
            d / "governance" / "tilslutningsaftale.yaml",
            (d / "governance" / "tilslutningsaftale.yaml")
            .read_text()
            .replace("within_days: 90", "within_days: 0"),
        ),
        "governance/tilslutningsaftale.yaml",
        "checks[1].evidence.within_days",
        "mindst 1",
    ),
    (
        "empty JQL fragment (a field named like its evidence kind)",
        lambda d: _set(
            d / "governance" / "tilslutningsaftale.yaml",
            (d / "governance" / "tilslutningsaftale.yaml")
            .read_text()
            .replace("jql: labels = koordinationsgruppemøde", 'jql: "" #'),
        ),
        "governance/tilslutningsaftale.yaml",
        "checks[1].evidence.jql",
        "må ikke være tom",
    ),
    (
        "not UTF-8",
        lambda d: _product(d).write_bytes("name: OS2m\xf8\n".encode("latin-1")),
        "products/os2mo.yaml",
        "",
        "UTF-8",
    ),
    (
        "override of a parameter the check's evidence does not have",
        lambda d: write_yaml(
            _product(d), _mo(overrides={"koordinationsgruppe": {"updated_within_days": 10}})
        ),
        "products/os2mo.yaml",
        "overrides.koordinationsgruppe.updated_within_days",
        "er ikke en parameter",
    ),
    (
        "waiver for a check that does not exist",
        lambda d: write_yaml(
            _product(d),
            _mo(
                waivers=[
                    {
                        "check": "bestyrelse",
                        "reason": "x",
                        "approver": "SG",
                        "expires": "2027-01-01",
                    }
                ]
            ),
        ),
        "products/os2mo.yaml",
        "waivers[0].check",
        "findes ikke i profilen",
    ),
    (
        "waiver without a valid expiry date",
        lambda d: write_yaml(
            _product(d),
            _mo(
                waivers=[
                    {"check": "styregruppe", "reason": "x", "approver": "SG", "expires": "snart"}
                ]
            ),
        ),
        "products/os2mo.yaml",
        "waivers[0].expires",
        "ugyldig værdi",
    ),
    (
        "self-assessment file that does not exist",
        lambda d: write_yaml(_product(d), _mo(self_assessment="selvevaluering/mangler.json")),
        "products/os2mo.yaml",
        "self_assessment",
        "findes ikke",
    ),
    (
        "misspelt funding item",
        lambda d: write_yaml(_product(d), _mo(agreement={"funded_items": ["vedligeholdelse"]})),
        "products/os2mo.yaml",
        "agreement.funded_items[0]",
        "'vedligeholdelse' er ikke tilladt",
    ),
    (
        "supplier phase that does not exist",
        lambda d: write_yaml(_product(d), _mo(suppliers=[{"name": "X", "phases": ["drift"]}])),
        "products/os2mo.yaml",
        "suppliers[0].phases[0]",
        "ikke tilladt",
    ),
    (
        "product level 4",
        lambda d: write_yaml(_product(d), _mo(level="4")),
        "products/os2mo.yaml",
        "level",
        "'4' er ikke tilladt",
    ),
    (
        "replacement evidence with a window of zero days",
        lambda d: write_yaml(
            _product(d),
            _mo(evidence={"koordinationsgruppe": [{"kind": "jql", "jql": "x", "within_days": 0}]}),
        ),
        "products/os2mo.yaml",
        "evidence.koordinationsgruppe[0].within_days",
        "mindst 1",
    ),
    (
        "replacement evidence missing its declared fact",
        lambda d: write_yaml(
            _product(d),
            _mo(
                evidence={
                    "koordinationsgruppe": [
                        {"kind": "jql", "jql": "labels = referat"},
                        {"kind": "declared"},
                    ]
                }
            ),
        ),
        "products/os2mo.yaml",
        "evidence.koordinationsgruppe[1].fact",
        "feltet mangler",
    ),
    (
        "replacement evidence of a kind that is not registered",
        lambda d: write_yaml(
            _product(d),
            _mo(evidence={"koordinationsgruppe": [{"kind": "nextcloud", "folder": "x"}]}),
        ),
        "products/os2mo.yaml",
        "evidence.koordinationsgruppe[0]",
        "'nextcloud'",
    ),
    (
        "replacement evidence that is empty",
        lambda d: write_yaml(_product(d), _mo(evidence={"koordinationsgruppe": []})),
        "products/os2mo.yaml",
        "evidence.koordinationsgruppe",
        "mindst 1 element",
    ),
    (
        "replacement evidence for a check that does not exist",
        lambda d: write_yaml(
            _product(d),
            _mo(evidence={"bestyrelse": [{"kind": "declared", "fact": "steering_group"}]}),
        ),
        "products/os2mo.yaml",
        "evidence.bestyrelse",
        "findes ikke i profilen",
    ),
    (
        "override of a parameter the replacement evidence does not have",
        lambda d: write_yaml(
            _product(d),
            _mo(
                evidence={
                    "koordinationsgruppe": [{"kind": "declared", "fact": "coordination_group"}]
                },
                overrides={"koordinationsgruppe": {"within_days": 30}},
            ),
        ),
        "products/os2mo.yaml",
        "overrides.koordinationsgruppe.within_days",
        "er ikke en parameter",
    ),
    ("no main file", lambda d: (d / "os2bot.yaml").unlink(), "config", "", "os2bot.yaml"),
    # What a hostile or careless file may hold (issue "Nothing lost, nothing twice, never stuck").
    (
        "a schedule that never fires (31 February)",
        lambda d: _set(d / "os2bot.yaml", "schedule:\n  apply: '0 9 31 2 *'\n"),
        "os2bot.yaml",
        "schedule.apply",
        "indtræffer aldrig",
    ),
    (
        "a digest schedule that is not cron",
        lambda d: _set(d / "os2bot.yaml", "schedule:\n  digest: 'every monday'\n"),
        "os2bot.yaml",
        "schedule.digest",
        "er ikke et cron-udtryk",
    ),
    (
        "a prioritisation round that never comes (30 February, a Monday)",
        lambda d: write_yaml(_product(d), _mo(prioritisation={"cron": "0 9 30 2 1"})),
        "products/os2mo.yaml",
        "prioritisation.cron",
        "indtræffer aldrig",
    ),
    (
        "a profile fragment that breaks out of the project clause",
        lambda d: _set(
            d / "governance" / "tilslutningsaftale.yaml",
            (d / "governance" / "tilslutningsaftale.yaml")
            .read_text()
            .replace(
                "jql: labels = koordinationsgruppemøde",
                "jql: labels = x) OR (project is not EMPTY",
            ),
        ),
        "governance/tilslutningsaftale.yaml",
        "checks[1].evidence.jql",
        "bryde ud af",
    ),
    (
        "a product override that breaks out of the project clause",
        lambda d: write_yaml(
            _product(d),
            _mo(overrides={"koordinationsgruppe": {"jql": "labels = x) OR (labels = y"}}),
        ),
        "products/os2mo.yaml",
        "overrides.koordinationsgruppe.jql",
        "bryde ud af",
    ),
    (
        "requests_jql that breaks out of the project clause",
        lambda d: write_yaml(
            _product(d), _mo(prioritisation={"requests_jql": "labels = x) OR (project = SEK"})
        ),
        "products/os2mo.yaml",
        "prioritisation.requests_jql",
        "bryde ud af",
    ),
    (
        "a fragment with ORDER BY",
        lambda d: write_yaml(
            _product(d),
            _mo(prioritisation={"requests_jql": "labels = x ORDER BY created DESC"}),
        ),
        "products/os2mo.yaml",
        "prioritisation.requests_jql",
        "ORDER BY",
    ),
    (
        "a fragment with a quote never closed",
        lambda d: write_yaml(
            _product(d),
            _mo(evidence={"koordinationsgruppe": [{"kind": "jql", "jql": 'labels = "møde'}]}),
        ),
        "products/os2mo.yaml",
        "evidence.koordinationsgruppe[0].jql",
        "anførselstegn",
    ),
    (
        "a fragment with a parenthesis never closed",
        lambda d: write_yaml(
            _product(d),
            _mo(overrides={"koordinationsgruppe": {"jql": "(labels = x OR labels = y"}}),
        ),
        "products/os2mo.yaml",
        "overrides.koordinationsgruppe.jql",
        "lukkes aldrig",
    ),
    (
        "a self-assessment path that climbs out of the configuration",
        lambda d: write_yaml(_product(d), _mo(self_assessment="../../../../etc/passwd")),
        "products/os2mo.yaml",
        "self_assessment",
        "uden for konfigurationsmappen",
    ),
    (
        "a self-assessment path that is absolute",
        lambda d: write_yaml(_product(d), _mo(self_assessment="/etc/passwd")),
        "products/os2mo.yaml",
        "self_assessment",
        "uden for konfigurationsmappen",
    ),
    (
        "a key written twice",
        lambda d: _set(
            _product(d),
            "key: os2mo\nname: OS2mo\njira: {project: MO}\nname: OS2 mo\n",
        ),
        "products/os2mo.yaml",
        "",
        "nøglen 'name' står to gange (linje 2 og linje 4)",
    ),
    (
        "a key written twice inside a mapping",
        lambda d: _set(
            _product(d), "key: os2mo\nname: OS2mo\njira:\n  project: MO\n  project: X\n"
        ),
        "products/os2mo.yaml",
        "",
        "nøglen 'project' står to gange",
    ),
    (
        "a YAML alias bomb",
        lambda d: _set(
            _product(d),
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            )
            + "key: os2mo\n",
        ),
        "products/os2mo.yaml",
        "",
        "folder sig ud til mere end",
    ),
    (
        "50,000 nested lists",
        lambda d: _set(_product(d), "key: " + "[" * 50_000 + "]" * 50_000 + "\n"),
        "products/os2mo.yaml",
        "",
        "indlejret mere end",
    ),
    (
        "a file far too large to be a product file",
        lambda d: _set(_product(d), "key: os2mo\n" + "# padding\n" * 200_000),
        "products/os2mo.yaml",
        "",
        "større end",
    ),
]


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket fails the test."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("config validation must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.parametrize(
    ("_name", "breaker", "file", "path", "words"), BROKEN, ids=[b[0] for b in BROKEN]
)
@pytest.mark.usefixtures("no_network")
def test_broken_config_names_file_and_path_and_exits_2(
    config_dir, capsys, _name, breaker, file, path, words
):
    """`os2bot apply` on a broken config exits 2 before contacting anything, and the Danish
    error names the file, the path inside it and what is wrong."""
    breaker(config_dir)
    out = io.StringIO()

    code = main(["apply", "--config", str(config_dir)], out=out)

    err = capsys.readouterr().err
    expected_where = f"{file}: {path}:" if path else f"{file}:"
    assert code == 2
    assert "Konfigurationen kan ikke bruges" in err
    assert any(expected_where in line and words in line for line in err.splitlines()), err
    assert out.getvalue() == ""


def test_errors_are_in_english_on_request(config_dir, capsys):
    """With --language en, configuration errors are in English."""
    write_yaml(_product(config_dir), _mo(jira={"board": 12}))

    code = main(["config", "validate", "--config", str(config_dir), "--language", "en"])

    assert code == 2
    assert "products/os2mo.yaml: jira.project: the field is missing" in capsys.readouterr().err


def test_all_problems_are_reported_at_once(config_dir):
    """Several broken files give one error listing every problem, not just the first."""
    write_yaml(_product(config_dir), _mo(jira={"board": 12}))
    _set(config_dir / "os2bot.yaml", "language: de\n")

    with pytest.raises(ConfigError) as caught:
        load_config(config_dir)

    where = [(p.file, p.path) for p in caught.value.problems]
    assert ("products/os2mo.yaml", "jira.project") in where
    assert ("os2bot.yaml", "language") in where


def test_validate_reports_what_it_loaded():
    """`os2bot config validate` on the shipped config says what it found and exits 0."""
    out = io.StringIO()

    code = main(["config", "validate", "--config", str(CONFIG)], out=out)

    assert code == 0
    assert "6 produkter" in out.getvalue()
    assert "21 tjek" in out.getvalue()


def test_a_product_may_replace_a_checks_evidence(config_dir):
    """A product file's `evidence:` replaces the check's evidence and `also` for that product,
    with any registered kind, and overrides then apply to the replacement."""
    write_yaml(
        _product(config_dir),
        _mo(
            evidence={
                "koordinationsgruppe": [
                    {"kind": "jql", "jql": "labels = referat", "date_field": "created"}
                ]
            },
            overrides={"koordinationsgruppe": {"within_days": 30}},
        ),
    )

    cfg = load_config(config_dir)

    mo = cfg.product("os2mo")
    check = cfg.check_of("os2mo", "koordinationsgruppe")
    assert [e.model_dump(exclude_defaults=True) for e in mo.evidence_for(check)] == [
        {"kind": "jql", "jql": "labels = referat", "date_field": "created"}
    ]
    assert [e.kind for e in check.evidences] == ["jql", "declared"]
    assert [e.within_days for e in effective_evidence(check, mo)] == [30]


def test_the_example_configuration_is_the_one_beside_the_source():
    """The example that demo and sandbox may fall back on is the configuration in the source
    tree (the wheel ships the same files)."""
    assert example_config_dir() == CONFIG


def test_the_minimum_funding_is_what_the_shipped_profile_asks_of_every_agreement():
    """terms.MINIMUM_FUNDING (which `product new` drafts and tests fund) is the items the
    shipped profile's funding checks ask for without an extension, each once."""
    assert set(terms.MINIMUM_FUNDING) == set(MINIMUM_FUNDING)
    assert len(terms.MINIMUM_FUNDING) == len(set(terms.MINIMUM_FUNDING))
    assert set(terms.MINIMUM_FUNDING) <= set(terms.FUNDING_ITEMS)
