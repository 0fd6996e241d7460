# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The dashboard issue: the whole portfolio in one Jira issue, edited in place."""

from __future__ import annotations

import dataclasses

from os2bot.domain import ActionKind, CheckResult, Issue, Msg, State
from os2bot.planner import plan_actions
from os2bot.planner.dashboard import DASHBOARD_LIMIT

from builders import PROFILE, config, product, snapshot

CHECKS = [c.id for c in PROFILE.checks]


def configured(*products):
    """*products* with the dashboard on, in the secretariat's project SEK."""
    cfg = config(*products)
    secretariat = cfg.bot.secretariat.model_copy(update={"dashboard": True, "jira_project": "SEK"})
    return dataclasses.replace(cfg, bot=cfg.bot.model_copy(update={"secretariat": secretariat}))


def results(states: dict[tuple[str, str], State], products):
    """A result per product and check; unnamed ones met."""
    return [
        CheckResult(
            p.key, c, states.get((p.key, c), State.MET), Msg("reason.jql.none", {"jql": "x"})
        )
        for p in products
        for c in CHECKS
    ]


def dashboard_actions(cfg, found, tasks=(), previous=None):
    """The planned actions on the dashboard issue only."""
    snap = dataclasses.replace(snapshot(projects={"SEK"}), bot_tasks=list(tasks))
    return [
        a
        for a in plan_actions(found, cfg, snap, "da", previous)
        if a.summary.startswith("OS2-porteføljen")
    ]


MO = product(key="os2mo", name="OS2mo", jira={"project": "MO"}, releases={"enabled": False})
FORMS = product(
    key="os2forms", name="OS2forms", jira={"project": "OS2FORMS"}, releases={"enabled": False}
)


def test_dashboard_is_one_issue_with_changes_gaps_and_the_matrix_in_that_order():
    """The dashboard names what changed first, then what is not met, then the matrix."""
    cfg = configured(MO, FORMS)
    now = results({("os2forms", "koordinationsgruppe"): State.NOT_MET}, [MO, FORMS])
    previous = {("os2forms", "koordinationsgruppe"): "met"}

    [action] = dashboard_actions(cfg, now, previous=previous)

    text = action.description
    assert action.kind is ActionKind.CREATE
    assert action.project == "SEK"
    assert (
        text.index("Ændret siden sidste kørsel")
        < text.index("Ikke opfyldt (1)")
        < text.index("||Tjek||")
    )
    assert "OS2forms · Fungerende koordinationsgruppe: opfyldt → ikke opfyldt" in text
    assert "|Fungerende koordinationsgruppe|(/)|(x)|" in text
    assert "(/) opfyldt · (x) ikke opfyldt · (?) ukendt · ≈ dispenseret · - gælder ikke" in text


def test_dashboard_is_edited_in_place_and_left_alone_when_nothing_changed():
    """An existing dashboard is updated when the portfolio changes, and not touched otherwise."""
    cfg = configured(MO, FORMS)
    first = dashboard_actions(cfg, results({}, [MO, FORMS]))[0]
    existing = Issue(
        key="SEK-1", project="SEK", summary=first.summary, url="u", labels=first.labels
    )

    same = dashboard_actions(cfg, results({}, [MO, FORMS]), [existing])
    changed = dashboard_actions(
        cfg, results({("os2mo", "styregruppe"): State.NOT_MET}, [MO, FORMS]), [existing]
    )

    assert same == []
    assert [(a.kind, a.issue_key) for a in changed] == [(ActionKind.UPDATE, "SEK-1")]


def test_a_dashboard_too_long_for_jira_is_cut_from_the_least_important_end_and_says_so():
    """With 300 products the matrix does not fit: the text stays within Jira's limit, keeps
    the gaps, and ends with a note that the rest is left out."""
    many = [
        product(
            key=f"os2p{n}",
            name=f"OS2produkt{n:03d}",
            jira={"project": f"P{n}"},
            releases={"enabled": False},
        )
        for n in range(300)
    ]
    cfg = configured(*many)
    found = results({(p.key, "koordinationsgruppe"): State.NOT_MET for p in many}, many)

    [action] = dashboard_actions(cfg, found)

    assert len(action.description) <= DASHBOARD_LIMIT
    assert "* OS2produkt000: Fungerende koordinationsgruppe" in action.description
    assert action.description.endswith("Se hele rapporten.)_")


def test_no_dashboard_unless_configured():
    """With `secretariat.dashboard: false` there is no dashboard issue."""
    cfg = configured(MO)
    secretariat = cfg.bot.secretariat.model_copy(update={"dashboard": False})
    cfg = dataclasses.replace(cfg, bot=cfg.bot.model_copy(update={"secretariat": secretariat}))

    snap = snapshot(projects={"SEK", "MO"})
    assert not [
        a
        for a in plan_actions(results({}, [MO]), cfg, snap, "da")
        if a.summary.startswith("OS2-porteføljen")
    ]
