# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""A run's results: one document, drawn as a terminal matrix, gaps, details, Markdown and JSON."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from os2bot.domain import CheckResult, Evidence, Msg, State
from os2bot.report import json as report_json
from os2bot.report import markdown as report_markdown
from os2bot.report import terminal
from os2bot.report.document import build_run_results

from builders import PROFILE, config, product

NOW = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
CHECKS = [c.id for c in PROFILE.checks]
MO = product(key="os2mo", name="OS2mo", jira={"project": "MO"})
FORMS = product(key="os2forms", name="OS2forms", jira={"project": "OS2FORMS"})
UNREADABLE = Msg("reason.project_unreadable", {"project": "MO"})


def results(product_key, states):
    """A result per check of *product_key*; unnamed checks are met."""
    return [
        CheckResult(product_key, c, states.get(c, State.MET), Msg("reason.jql.none", {"jql": "x"}))
        for c in CHECKS
    ]


def test_checks_failing_for_one_reason_share_one_gap_line():
    """Checks of one product that are unknown for the same reason are one gap line naming
    them all, so that one cause does not drown the rest."""
    found = results("os2mo", {"styregruppe": State.NOT_MET})
    found += [CheckResult("os2forms", c, State.UNKNOWN, UNREADABLE) for c in CHECKS[:3]]
    document = build_run_results(config(MO, FORMS), found, "en", generated=NOW)

    lines = terminal.render_gaps(document).splitlines()

    assert len(lines) == 2
    assert lines[0].startswith("✘ OS2mo · Functioning steering group: ")
    assert lines[1].startswith("? OS2forms · 3 checks (Functioning steering group; ")


def test_a_product_without_results_is_a_blank_column_and_left_out_of_the_json():
    """With results for one product only, the matrix and the Markdown keep the other's column
    empty, and the JSON lists only the product that has results."""
    document = build_run_results(config(MO, FORMS), results("os2mo", {}), "da", generated=NOW)

    matrix = terminal.render_matrix(document, width=120).splitlines()
    markdown = report_markdown.render_run_results(document).splitlines()
    data = json.loads(report_json.render_run_results(document))

    assert matrix[2].rstrip().endswith("✔")
    assert matrix[2].count("✔") == 1
    assert markdown[2] == "| Fungerende styregruppe | ✔ |  |"
    assert [p["key"] for p in data["products"]] == ["os2mo"]


def test_colour_only_adds_to_the_symbols():
    """The coloured matrix and gaps say exactly what the plain ones say, once the colour
    codes are taken out."""
    found = results("os2mo", {"styregruppe": State.NOT_MET, "koordinationsgruppe": State.WAIVED})
    document = build_run_results(config(MO), found, "da", generated=NOW)
    ansi = re.compile(r"\033\[[0-9;]*m")

    for render in (terminal.render_matrix, terminal.render_gaps):
        coloured = render(document, colour=True)

        assert ansi.search(coloured)
        assert ansi.sub("", coloured) == render(document, colour=False)


def test_details_give_reason_notes_and_evidence_links():
    """One product in detail: its header, then every check with state, reason, notes and links."""
    minutes = Evidence("jira", "MO-4", "Møde", "https://jira.test/browse/MO-4")
    found = results("os2mo", {})
    found[0] = CheckResult(
        "os2mo",
        CHECKS[0],
        State.MET,
        Msg("reason.jql.none", {"jql": "x"}),
        evidence=(minutes,),
        notes=(Msg("reason.jql.none", {"jql": "y"}),),
    )
    document = build_run_results(config(MO), found, "da", generated=NOW)

    lines = terminal.render_details(document, "os2mo").splitlines()

    assert lines[0] == "OS2mo (MO) — fase: drift, niveau 2"
    assert lines[1:5] == [
        "  ✔ Fungerende styregruppe: opfyldt",
        "      Ingen sager i Jira matcher (x).",
        "      Ingen sager i Jira matcher (y).",
        "      → MO-4 https://jira.test/browse/MO-4",
    ]


def test_json_gives_each_result_with_its_check_and_evidence():
    """The JSON names each result's check, title, category, severity, state and evidence."""
    minutes = Evidence("jira", "MO-4", "Møde", "https://jira.test/browse/MO-4")
    found = [
        CheckResult(
            "os2mo", "styregruppe", State.MET, Msg("reason.jql.none", {"jql": "x"}), (minutes,)
        )
    ]
    document = build_run_results(config(MO), found, "en", generated=NOW, calls={"GET search": 2})

    data = json.loads(report_json.render_run_results(document))

    assert data["products"][0]["results"] == [
        {
            "check": "styregruppe",
            "title": "Functioning steering group",
            "category": "prerequisite",
            "severity": "high",
            "state": "met",
            "reason": "No issues in Jira match (x).",
            "notes": [],
            "evidence": [
                {"key": "MO-4", "url": "https://jira.test/browse/MO-4", "summary": "Møde"}
            ],
        }
    ]
    assert data["jira_calls"] == {"GET search": 2}
    assert data["generated"] == NOW.isoformat()
