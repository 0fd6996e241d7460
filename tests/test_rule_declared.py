# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Declared evidence: facts from the product file, and the Jira trace that backs them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from os2bot.config import DeclaredEvidence, JqlEvidence, terms
from os2bot.domain import State
from os2bot.rules import declared, jql

from builders import MINIMUM_FUNDING, PROFILE, check, context, issue, product, snapshot

TRACE = JqlEvidence(
    kind="jql", jql="labels = tilslutningsaftale", github={"labels": ["tilslutningsaftale"]}
)
TRACE_QUERY = jql.query(TRACE)
AGREEMENT_ISSUE = issue(
    "TEST-5",
    summary="Tilslutningsaftale 2025",
    created=datetime(2025, 1, 2, 9, tzinfo=UTC),
    resolved=datetime(2025, 1, 3, 9, tzinfo=UTC),
)
SIX = list(MINIMUM_FUNDING)
PERSON = {"name": "Anne Andersen"}


def fact(name: str, item: str | None = None) -> DeclaredEvidence:
    """Declared evidence of *name*, without a trace."""
    return DeclaredEvidence(kind="declared", fact=name, item=item)


def judge(evidence: DeclaredEvidence, **changes):
    """The verdict on the good product with *changes*, in a snapshot where no query matched."""
    return declared.judge(evidence, context(snapshot(), product(**changes)))


@pytest.mark.parametrize("which", ["steering_group", "coordination_group"])
@pytest.mark.parametrize(
    ("group", "key"),
    [
        (None, "reason.declared.no_group"),
        ({"members": [PERSON]}, "reason.declared.no_lead"),
        ({"lead": PERSON}, "reason.declared.no_members"),
        ({"lead": PERSON, "members": []}, "reason.declared.no_members"),
    ],
)
def test_incomplete_group_is_not_met(which, group, key):
    """A group that is missing, has no chair or has no members is not met, saying which."""
    verdict = judge(fact(which), **{which: group})

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == key
    assert verdict.reason.params == {"group": which}


@pytest.mark.parametrize("which", ["steering_group", "coordination_group"])
def test_group_with_chair_and_members_is_met(which):
    """A group with a chair, members and its kommissorium is met, naming the chair, counting the
    members and linking the kommissorium."""
    group = {
        "lead": {"name": "Bo Berg"},
        "members": [PERSON, {"name": "Carl Clausen"}],
        "kommissorium": "https://os2.eu/kommissorium.pdf",
    }

    verdict = judge(fact(which), **{which: group})

    assert verdict.state is State.MET
    assert verdict.reason.key == "reason.declared.group"
    assert verdict.reason.params == {
        "group": which,
        "lead": "Bo Berg",
        "members": 2,
        "kommissorium": "https://os2.eu/kommissorium.pdf",
    }


@pytest.mark.parametrize(
    ("need", "state", "key"),
    [
        ({"mapped": True, "document": "https://os2.eu/behov"}, State.MET, "reason.declared.need"),
        (
            {"mapped": False, "document": "https://os2.eu/behov"},
            State.NOT_MET,
            "reason.declared.need_missing",
        ),
        ({}, State.NOT_MET, "reason.declared.need_missing"),
    ],
)
def test_need_mapped(need, state, key):
    """The need counts as mapped only when the product file says so."""
    verdict = judge(fact("need_mapped"), need=need)

    assert verdict.state is state
    assert verdict.reason.key == key
    if state is State.MET:
        assert verdict.reason.params == {"document": "https://os2.eu/behov"}


@pytest.mark.parametrize("which", ["steering_group", "coordination_group"])
def test_a_group_without_its_kommissorium_is_not_met(which):
    """A group declared with chair and members but no link to its terms of reference
    (kommissorium) is not met, and the reason says the link is missing."""
    group = {"lead": {"name": "Bo Berg"}, "members": [PERSON]}

    verdict = judge(fact(which), **{which: group})

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.declared.no_kommissorium"
    assert verdict.reason.params == {"group": which}


def test_a_mapped_need_without_its_analysis_is_not_met():
    """A need declared mapped without a link to the analysis is not met, and the reason says
    the link to the analysis is what is missing."""
    verdict = judge(fact("need_mapped"), need={"mapped": True})

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.declared.need_no_document"


def test_suppliers_covering_every_phase_are_met():
    """Suppliers that between them cover all five phases are met, listed by name."""
    suppliers = [
        {"name": "Udvikler A/S", "phases": ["udvikling", "implementering"]},
        {"name": "Rådgiver ApS", "phases": ["raadgivning", "projektledelse", "faellesskab"]},
    ]

    verdict = judge(fact("suppliers_cover_phases"), suppliers=suppliers)

    assert verdict.state is State.MET
    assert verdict.reason.key == "reason.declared.suppliers"
    assert verdict.reason.params == {"suppliers": "Udvikler A/S, Rådgiver ApS"}


def test_suppliers_missing_phases_name_the_missing_phases():
    """When no supplier covers some phases, the reason lists exactly those phases."""
    suppliers = [{"name": "Udvikler A/S", "phases": ["udvikling", "implementering"]}]

    verdict = judge(fact("suppliers_cover_phases"), suppliers=suppliers)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.declared.phases_missing"
    assert list(verdict.reason.params["phases"]) == ["raadgivning", "projektledelse", "faellesskab"]


def test_no_suppliers_is_not_met():
    """A product file without suppliers is not met."""
    verdict = judge(fact("suppliers_cover_phases"), suppliers=[])

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.declared.no_suppliers"


@pytest.mark.parametrize(
    "agreement", [None, {"funded_items": SIX}, {"signed": None, "funded_items": SIX}]
)
def test_funded_item_needs_a_signed_agreement(agreement):
    """Without an agreement, or with one not signed, no item counts as funded."""
    verdict = judge(fact("funded_item", "vedligehold"), agreement=agreement)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.declared.no_agreement"


def test_item_not_funded_is_not_met_naming_the_item():
    """A signed agreement that does not fund the item is not met, naming the item."""
    agreement = {"signed": "2025-01-01", "funded_items": ["vedligehold"]}

    verdict = judge(fact("funded_item", "promovering"), agreement=agreement)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.declared.not_funded"
    assert verdict.reason.params == {"item": "promovering"}


def test_funded_item_is_met_with_the_signing_date():
    """An item the signed agreement funds is met, with the date the agreement was signed."""
    verdict = judge(fact("funded_item", "promovering"))

    assert verdict.state is State.MET
    assert verdict.reason.key == "reason.declared.funded"
    assert verdict.reason.params == {"item": "promovering", "signed": "2025-01-01"}


FUNDING_ITEMS = list(terms.FUNDING_ITEMS)


@pytest.mark.parametrize("item", FUNDING_ITEMS)
def test_an_expired_agreement_secures_no_funding(item):
    """An agreement that ended ten days ago funds none of its items, the minimum ones and the
    extensions' alike, and the reason names the date it expired."""
    expired = {
        "signed": "2022-01-01",
        "expires": "2026-11-17",  # NOW is 27 November 2026
        "extensions": ["videreudvikling", "faelles_drift"],
        "funded_items": FUNDING_ITEMS,
    }

    verdict = judge(fact("funded_item", item), agreement=expired)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.declared.agreement_expired"
    assert verdict.reason.params == {"item": item, "expires": "2026-11-17"}


def test_an_agreement_still_funds_its_items_on_its_last_day():
    """The expiry date is the agreement's last day in force: on that day its items are funded."""
    last_day = {"signed": "2022-01-01", "expires": "2026-11-27", "funded_items": SIX}

    verdict = judge(fact("funded_item", "vedligehold"), agreement=last_day)

    assert verdict.state is State.MET


@pytest.mark.parametrize(
    ("members", "state", "unpaid"),
    [
        ([], State.MET, None),
        ([{"name": "Aarhus Kommune", "fee_paid": True}], State.MET, None),
        ([{"name": "Aarhus Kommune", "paid_development": True}], State.MET, None),
        (
            [
                {"name": "Aarhus Kommune", "paid_development": True},
                {"name": "Vejle Kommune"},
                {"name": "Odense Kommune", "fee_paid": True},
                {"name": "Faxe Kommune"},
            ],
            State.NOT_MET,
            "Vejle Kommune, Faxe Kommune",
        ),
    ],
)
def test_fee_is_owed_only_by_new_authorities(members, state, unpaid):
    """A new authority that paid neither for development nor the fee is named as unpaid; one
    that paid for development owes no fee."""
    verdict = judge(fact("fee_paid"), members=members)

    assert verdict.state is state
    if unpaid is None:
        assert verdict.reason.key == "reason.declared.fee_paid"
    else:
        assert verdict.reason.key == "reason.declared.fee_unpaid"
        assert verdict.reason.params == {"authorities": unpaid}


def test_fee_paid_counts_the_new_authorities():
    """The met reason counts the new authorities that paid, not those that paid development."""
    members = [
        {"name": "Aarhus Kommune", "paid_development": True},
        {"name": "Vejle Kommune", "fee_paid": True},
    ]

    verdict = judge(fact("fee_paid"), members=members)

    assert verdict.reason.params == {"count": 1}


# ------------------------------------------------------------------------------- the trace

FUNDED = check("finansiering-vedligehold").evidence


def test_shipped_funding_check_is_traced_by_the_agreement_label():
    """The funding checks look for the signed agreement filed under the tilslutningsaftale label."""
    assert isinstance(FUNDED, DeclaredEvidence)
    assert FUNDED.trace == TRACE


@pytest.mark.parametrize(
    "funding",
    [c for c in PROFILE.checks if c.category == "funding"],
    ids=lambda c: c.id,
)
def test_every_funded_item_is_backed_by_the_signed_agreement_in_jira(funding):
    """Every funding check rests on a document: the declared item holds only when the signed
    agreement is filed in Jira, joint-operations items included."""
    declared_item = next(e for e in funding.evidences if isinstance(e, DeclaredEvidence))

    assert declared_item.trace is not None
    assert declared_item.trace.jql in {"labels = tilslutningsaftale", "labels = driftsaftale"}


def test_declared_item_without_a_trace_in_jira_is_not_met():
    """An item the product file declares funded, with no agreement filed in Jira, is not met."""
    verdict = declared.judge(FUNDED, context(snapshot(results={TRACE_QUERY: {"TEST": []}})))

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.declared.no_trace"
    assert verdict.reason.params == {"jql": "labels = tilslutningsaftale"}
    assert [n.key for n in verdict.notes] == ["reason.declared.funded"]


def test_declared_item_with_its_trace_is_met_and_shows_the_trace():
    """When the agreement is filed in Jira, the item is met and the agreement issue is evidence."""
    snap = snapshot(results={TRACE_QUERY: {"TEST": [AGREEMENT_ISSUE]}})

    verdict = declared.judge(FUNDED, context(snap))

    assert verdict.state is State.MET
    assert verdict.reason.key == "reason.declared.funded"
    assert [e.key for e in verdict.evidence] == [AGREEMENT_ISSUE.key]
    assert verdict.evidence[0].url == "https://jira.test/browse/TEST-5"
    assert [n.key for n in verdict.notes] == ["reason.jql.met"]


def test_declared_item_traced_by_an_open_issue_is_met():
    """An agreement filed in Jira as an issue that is still open backs the declaration too."""
    filed = issue("TEST-5", summary="Tilslutningsaftale", created=datetime(2025, 1, 2, tzinfo=UTC))
    snap = snapshot(results={TRACE_QUERY: {"TEST": [filed]}})

    verdict = declared.judge(FUNDED, context(snap))

    assert verdict.state is State.MET
    assert [e.key for e in verdict.evidence] == [filed.key]


@pytest.mark.parametrize(
    ("snap_kwargs", "key"),
    [
        ({"failures": {TRACE_QUERY: "HTTP 502"}}, "reason.query_failed"),
        ({"projects": set()}, "reason.project_unreadable"),
    ],
)
def test_declared_item_whose_trace_cannot_be_read_is_unknown(snap_kwargs, key):
    """When Jira cannot be searched for the trace, the declaration is neither met nor not met."""
    verdict = declared.judge(FUNDED, context(snapshot(**snap_kwargs)))

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == key
    assert [n.key for n in verdict.notes] == ["reason.declared.funded"]


def test_trace_is_not_consulted_when_the_declaration_fails():
    """An item the agreement does not fund is not met, even if an agreement is filed in Jira."""
    snap = snapshot(results={TRACE_QUERY: {"TEST": [AGREEMENT_ISSUE]}})
    prod = product(agreement={"signed": "2025-01-01", "funded_items": ["promovering"]})

    verdict = declared.judge(FUNDED, context(snap, prod))

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.declared.not_funded"
    assert verdict.evidence == ()
