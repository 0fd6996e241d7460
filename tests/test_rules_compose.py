# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Composing a check: applicability, the worst of its evidence, waivers, and a whole run."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from os2bot import rules
from os2bot.domain import Msg, Sample, State
from os2bot.rules import evaluate, jql, judge_check

from builders import MINIMUM_FUNDING, PROFILE, check, config, context, issue, product, snapshot

SG_QUERY = jql.query(check("styregruppe").also[0])
KG_QUERY = jql.query(check("koordinationsgruppe").evidence)
COORDINATION = {
    "lead": {"name": "KG-formand"},
    "members": [{"name": "Medlem"}],
    "kommissorium": "https://os2.test/kg-kommissorium.pdf",
}
MEETING = issue("TEST-1", summary="Styregruppemøde", resolved=datetime(2026, 11, 2, 10, tzinfo=UTC))
SIX = list(MINIMUM_FUNDING)
FUNDING = [c.id for c in PROFILE.checks if c.category == "funding"]
MINIMUM = [c for c in FUNDING if check(c).applies.extension is None]
DRIFT_ONLY = [
    c.id
    for c in PROFILE.checks
    if c.applies.extension == "faelles_drift" and c.evidence.kind != "support"
]
DEVELOPMENT = [c.id for c in PROFILE.checks if c.applies.extension == "videreudvikling"]


def waiver(check_id: str, expires: str = "2027-03-31") -> dict[str, str]:
    """A waiver of *check_id* decided by the steering group, lasting until *expires*."""
    return {
        "check": check_id,
        "reason": "Ny styregruppe nedsættes i foråret",
        "approver": "Styregruppen",
        "expires": expires,
    }


# ------------------------------------------------------------------------------- applicability


@pytest.mark.parametrize("check_id", [*FUNDING, "tilslutningsafgift"])
def test_funding_and_fee_do_not_apply_in_the_tilsagn_phase(check_id):
    """Before affiliation (tilsagn), funding items and the fee are not applicable."""
    prod = product(phase="tilsagn")

    result = judge_check(check(check_id), context(snapshot(), prod))

    assert result.state is State.NOT_APPLICABLE
    assert result.reason == Msg("reason.not_applicable.phase", {"phase": "tilsagn"})


@pytest.mark.parametrize(
    ("check_id", "extension"),
    [*((c, "faelles_drift") for c in DRIFT_ONLY), *((c, "videreudvikling") for c in DEVELOPMENT)],
)
def test_extension_checks_do_not_apply_without_the_extension(check_id, extension):
    """A check for an agreement extension does not apply when the agreement lacks it."""
    result = judge_check(check(check_id), context(snapshot()))

    assert result.state is State.NOT_APPLICABLE
    assert result.reason == Msg("reason.not_applicable.extension", {"extension": extension})


@pytest.mark.parametrize(
    ("check_id", "extension"),
    [*((c, "faelles_drift") for c in DRIFT_ONLY), *((c, "videreudvikling") for c in DEVELOPMENT)],
)
def test_extension_checks_are_judged_with_the_extension(check_id, extension):
    """With the extension in the agreement, its checks are judged (here: the items are unfunded)."""
    prod = product(
        agreement={"signed": "2025-01-01", "extensions": [extension], "funded_items": SIX}
    )

    result = judge_check(check(check_id), context(snapshot(), prod))

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.declared.not_funded"


def test_steering_group_applies_in_every_phase():
    """The steering group is judged in the tilsagn phase too."""
    snap = snapshot(results={SG_QUERY: {"TEST": [MEETING]}})

    result = judge_check(check("styregruppe"), context(snap, product(phase="tilsagn")))

    assert result.state is State.MET


# ------------------------------------------------------------------------------- worst wins


def test_declared_group_without_a_meeting_is_not_met_with_the_declaration_noted():
    """A steering group declared but never meeting is not met; the declaration is in the notes."""
    result = judge_check(check("styregruppe"), context(snapshot()))

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.jql.none"
    assert [n.key for n in result.notes] == ["reason.declared.group"]


def test_meeting_without_a_declared_group_is_not_met_and_keeps_the_meeting_as_evidence():
    """Meetings in Jira do not make up for a steering group missing from the product file."""
    snap = snapshot(results={SG_QUERY: {"TEST": [MEETING]}})

    result = judge_check(check("styregruppe"), context(snap, product(steering_group=None)))

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.declared.no_group"
    assert [n.key for n in result.notes] == ["reason.jql.met_window"]
    assert [e.key for e in result.evidence] == [MEETING.key]


def test_all_evidence_met_is_met():
    """A declared steering group that met recently is met, with the meeting as evidence."""
    snap = snapshot(results={SG_QUERY: {"TEST": [MEETING]}})

    result = judge_check(check("styregruppe"), context(snap))

    assert result.state is State.MET
    assert result.reason.key == "reason.declared.group"
    assert [e.key for e in result.evidence] == [MEETING.key]
    assert [n.key for n in result.notes] == ["reason.jql.met_window"]


def test_unknown_beats_met():
    """A declared group whose meetings cannot be read is unknown, not met."""
    result = judge_check(check("styregruppe"), context(snapshot(projects=set())))

    assert result.state is State.UNKNOWN
    assert result.reason.key == "reason.project_unreadable"
    assert [n.key for n in result.notes] == ["reason.declared.group"]


def test_not_met_beats_unknown():
    """A missing steering group is not met even when Jira cannot be read."""
    prod = product(steering_group=None)

    result = judge_check(check("styregruppe"), context(snapshot(projects=set()), prod))

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.declared.no_group"
    assert [n.key for n in result.notes] == ["reason.project_unreadable"]


# ------------------------------------------------------------------------------- waivers


@pytest.mark.parametrize("expires", ["2027-03-31", "2026-11-27"])
def test_active_waiver_turns_not_met_into_waived_keeping_the_reason(expires):
    """A waiver in force (to its last day) shows the check as waived, with the gap in the notes."""
    prod = product(steering_group=None, waivers=[waiver("styregruppe", expires)])

    result = judge_check(check("styregruppe"), context(snapshot(), prod))

    assert result.state is State.WAIVED
    assert result.reason == Msg(
        "reason.waived",
        {
            "reason": "Ny styregruppe nedsættes i foråret",
            "approver": "Styregruppen",
            "expires": expires,
        },
    )
    assert [n.key for n in result.notes] == [
        "reason.declared.no_group",
        "reason.jql.none",
    ]


def test_active_waiver_turns_unknown_into_waived():
    """A waiver covers a check whose evidence could not be read, too."""
    prod = product(waivers=[waiver("koordinationsgruppe")])

    result = judge_check(check("koordinationsgruppe"), context(snapshot(projects=set()), prod))

    assert result.state is State.WAIVED
    assert result.notes[0].key == "reason.project_unreadable"


def test_expired_waiver_leaves_not_met_and_says_it_expired():
    """A waiver that expired yesterday no longer counts, and the result says so."""
    prod = product(steering_group=None, waivers=[waiver("styregruppe", "2026-11-26")])

    result = judge_check(check("styregruppe"), context(snapshot(), prod))

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.declared.no_group"
    assert result.notes[-1] == Msg(
        "reason.waiver_expired",
        {
            "reason": "Ny styregruppe nedsættes i foråret",
            "approver": "Styregruppen",
            "expires": "2026-11-26",
        },
    )


def test_waiver_expires_at_the_end_of_its_day_in_copenhagen():
    """Just after midnight in Copenhagen (still the day before in UTC), yesterday's waiver is
    expired."""
    prod = product(steering_group=None, waivers=[waiver("styregruppe", "2026-11-27")])
    snap = snapshot(now=datetime(2026, 11, 27, 23, 30, tzinfo=UTC))

    result = judge_check(check("styregruppe"), context(snap, prod))

    assert result.state is State.NOT_MET
    assert result.notes[-1].key == "reason.waiver_expired"


def test_a_newer_waiver_wins_over_an_expired_one():
    """With an expired and a renewed waiver for the same check, the renewed one applies."""
    waivers = [waiver("styregruppe", "2026-06-30"), waiver("styregruppe", "2027-06-30")]
    prod = product(steering_group=None, waivers=waivers)

    result = judge_check(check("styregruppe"), context(snapshot(), prod))

    assert result.state is State.WAIVED
    assert result.reason.params["expires"] == "2027-06-30"


def test_waiver_on_a_met_check_leaves_it_met():
    """A check that is met shows as met, whatever waiver exists for it."""
    prod = product(waivers=[waiver("styregruppe")])
    snap = snapshot(results={SG_QUERY: {"TEST": [MEETING]}})

    result = judge_check(check("styregruppe"), context(snap, prod))

    assert result.state is State.MET
    assert result.reason.key == "reason.declared.group"


def test_waiver_of_another_check_has_no_effect():
    """A waiver applies only to the check it names."""
    prod = product(steering_group=None, waivers=[waiver("koordinationsgruppe")])

    result = judge_check(check("styregruppe"), context(snapshot(), prod))

    assert result.state is State.NOT_MET


def test_waiver_does_not_make_a_check_apply():
    """A waived check that does not apply stays not applicable."""
    prod = product(phase="tilsagn", waivers=[waiver("tilslutningsafgift")])

    result = judge_check(check("tilslutningsafgift"), context(snapshot(), prod))

    assert result.state is State.NOT_APPLICABLE


# ------------------------------------------------------------------------------- a whole run


def other_product(**changes):
    """A second product, in project OTHER, with both agreement extensions."""
    return product(
        key="os2andet",
        name="OS2andet",
        jira={"project": "OTHER", "board": 9},
        agreement={
            "signed": "2025-01-01",
            "extensions": ["faelles_drift", "videreudvikling"],
            "funded_items": SIX,
        },
        **changes,
    )


def test_evaluate_gives_one_result_per_product_and_check():
    """A run judges every check of the profile once for every product."""
    products = (product(), other_product())

    results = evaluate(snapshot(projects={"TEST", "OTHER"}), config(*products))

    assert Counter((r.product, r.check_id) for r in results) == Counter(
        {(p.key, c.id): 1 for p in products for c in PROFILE.checks}
    )


def test_unreadable_project_makes_jira_checks_unknown_but_the_run_goes_on():
    """When a product's project cannot be read, its Jira-based checks are unknown while its
    declared-only checks, and other products, are still judged."""
    other_meeting = issue("OTHER-1", resolved=datetime(2026, 11, 2, tzinfo=UTC))
    snap = snapshot(projects={"OTHER"}, results={KG_QUERY: {"OTHER": [other_meeting]}})

    results = evaluate(snap, config(product(), other_product()))

    mine = {r.check_id: r for r in results if r.product == "os2test"}
    for check_id in ("styregruppe", "koordinationsgruppe", "os2-vaerktoejer", *MINIMUM):
        assert mine[check_id].state is State.UNKNOWN, check_id
    assert mine["koordinationsgruppe"].reason == Msg(
        "reason.project_unreadable", {"project": "TEST"}
    )
    for check_id in ("behov-afdaekket", "leverandoerer", "tilslutningsafgift"):
        assert mine[check_id].state is State.MET, check_id
    assert mine["governancekrav"].state is State.NOT_MET
    others = {r.check_id: r for r in results if r.product == "os2andet"}
    assert others["koordinationsgruppe"].state is State.MET
    assert [e.key for e in others["koordinationsgruppe"].evidence] == [other_meeting.key]


def test_a_judge_that_raises_is_unknown_and_the_run_goes_on(monkeypatch):
    """A rule that crashes makes its checks unknown with the error, and other checks are judged."""

    def broken(_evidence, _ctx):
        raise RuntimeError("boom")

    monkeypatch.setitem(rules.JUDGES, "activity", broken)

    results = evaluate(snapshot(), config(product()))

    by_id = {r.check_id: r for r in results}
    assert by_id["os2-vaerktoejer"].state is State.UNKNOWN
    assert by_id["os2-vaerktoejer"].reason == Msg(
        "reason.rule_failed", {"error": "RuntimeError: boom"}
    )
    assert by_id["behov-afdaekket"].state is State.MET
    assert len(results) == len(PROFILE.checks)


def test_a_judge_that_raises_on_a_waived_check_is_still_waived(monkeypatch):
    """A check under an active waiver stays waived even when its rule fails."""

    def broken(_evidence, _ctx):
        raise RuntimeError("boom")

    monkeypatch.setitem(rules.JUDGES, "activity", broken)
    prod = product(waivers=[waiver("os2-vaerktoejer")])

    results = evaluate(snapshot(), config(prod))

    by_id = {r.check_id: r for r in results}
    assert by_id["os2-vaerktoejer"].state is State.WAIVED


def test_product_with_every_check_waived_is_all_waived_or_met():
    """A product that has a waiver for every check shows nothing as not met or unknown."""
    prod = other_product(waivers=[waiver(c.id) for c in PROFILE.checks])

    results = evaluate(snapshot(projects=set()), config(prod))

    states = Counter(r.state for r in results)
    assert set(states) <= {State.WAIVED, State.MET}
    assert states[State.WAIVED] > 0
    assert len(results) == len(PROFILE.checks)


# ------------------------------------------------------------------------------- replaced evidence

MINUTES = {"kind": "jql", "jql": "labels = referat", "date_field": "created", "within_days": 45}
MINUTES_QUERY = jql.query(jql.JqlEvidence(**MINUTES))


def test_a_product_may_judge_its_meetings_by_a_declared_fact_instead():
    """A product that replaces the coordination group's meeting search with the declared group
    is judged by the declaration alone, while a product on the profile's evidence is not met."""
    declared_only = other_product(
        evidence={"koordinationsgruppe": [{"kind": "declared", "fact": "coordination_group"}]}
    )

    results = evaluate(snapshot(projects={"TEST", "OTHER"}), config(product(), declared_only))

    by_product = {r.product: r for r in results if r.check_id == "koordinationsgruppe"}
    assert by_product["os2test"].state is State.NOT_MET
    assert by_product["os2test"].reason.key == "reason.jql.none"
    assert by_product["os2andet"].state is State.MET
    assert by_product["os2andet"].reason.key == "reason.declared.group"
    assert by_product["os2andet"].notes == ()


def test_a_product_may_judge_its_meetings_by_another_search():
    """A product whose minutes are other issues is judged by its own search: the profile's
    meetings do not count for it, its minutes do."""
    minutes = issue("OTHER-7", summary="Referat", created=datetime(2026, 11, 20, tzinfo=UTC))
    meeting = issue("OTHER-1", resolved=datetime(2026, 11, 2, tzinfo=UTC))
    meetings_only = {KG_QUERY: {"OTHER": [meeting]}}
    with_minutes = {**meetings_only, MINUTES_QUERY: {"OTHER": [minutes]}}
    replaced = config(other_product(evidence={"koordinationsgruppe": [MINUTES]}))

    before = evaluate(snapshot(projects={"OTHER"}, results=meetings_only), replaced)
    after = evaluate(snapshot(projects={"OTHER"}, results=with_minutes), replaced)

    [not_met] = [r for r in before if r.check_id == "koordinationsgruppe"]
    [met] = [r for r in after if r.check_id == "koordinationsgruppe"]
    assert not_met.state is State.NOT_MET
    assert not_met.reason == Msg("reason.jql.none", {"jql": "labels = referat"})
    assert met.state is State.MET
    assert [e.key for e in met.evidence] == ["OTHER-7"]


def test_collect_reads_a_products_replacement_not_the_profiles_evidence():
    """`needs()` asks for the replacement's search in the product's project and no longer for
    the profile's meeting search there; other products still get the profile's."""
    replaced = other_product(evidence={"koordinationsgruppe": [MINUTES]})

    wanted = rules.needs(config(product(), replaced))

    assert wanted.queries[KG_QUERY] == {"TEST"}
    assert wanted.queries[MINUTES_QUERY] == {"OTHER"}


def test_a_replacement_of_another_kind_changes_what_collect_reads():
    """A product that evidences its release management by a search instead of Jira versions
    needs no versions read for it, and the search instead."""
    releases = {"kind": "jql", "jql": "labels = release", "within_days": 120}
    replaced = other_product(evidence={"drift-release": [releases]})

    on_profile = rules.needs(config(other_product()))
    wanted = rules.needs(config(replaced))

    assert on_profile.versions == {"OTHER"}
    assert wanted.versions == set()
    assert wanted.queries[jql.query(jql.JqlEvidence(**releases))] == {"OTHER"}


def test_products_sharing_a_meeting_search_read_the_widest_window_once():
    """Two products whose coordination groups meet every 30 and every 150 days share one
    search: it reads 150 days (and the spare days), so both are judged from it."""
    often = product(coordination_group={**COORDINATION, "cadence_days": 30})
    seldom = other_product(coordination_group={**COORDINATION, "cadence_days": 150})

    wanted = rules.needs(config(often, seldom))

    assert wanted.queries[KG_QUERY] == {"TEST", "OTHER"}
    assert wanted.sample(KG_QUERY) == Sample("resolved", within_days=152, at_least=1)


def test_a_query_someone_asks_whole_is_read_whole():
    """A query one asker needs whole (no sample) is read whole, whoever else samples it; a
    different date field cannot share a sample either."""
    wanted = rules.Needs()
    wanted.query(KG_QUERY, "TEST", Sample("resolved", within_days=92))
    wanted.query(KG_QUERY, "OTHER")
    assert wanted.sample(KG_QUERY) is None

    assert Sample("resolved", 92).merge(Sample("created", 92)) is None
    assert Sample("resolved", 92).merge(Sample("resolved", None, at_least=3)) == Sample(
        "resolved", None, at_least=3
    )
    recent = Sample("updated", 62, recent_only=True)
    assert recent.merge(recent) == recent
    assert recent.merge(Sample("updated", 30)) == Sample("updated", 62)
