# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Declared evidence: facts stated in the product file, with the Jira trace that backs them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field, model_validator

from os2bot.config.terms import SUPPLIER_PHASES, FundingItem
from os2bot.domain import Msg, State
from os2bot.rules import jql
from os2bot.rules.base import Context, EvidenceModel, Needs, Verdict, verdict

if TYPE_CHECKING:
    from os2bot.config import Group, Product

Fact = Literal[
    "steering_group",
    "coordination_group",
    "need_mapped",
    "suppliers_cover_phases",
    "funded_item",
    "fee_paid",
]


class DeclaredEvidence(EvidenceModel):
    """A fact stated in the product file, backed by a tracker trace where one is configured."""

    kind: Literal["declared"] = Field(description="Evidence kind.")
    fact: Fact = Field(description="Which fact of the product file is read.")
    item: FundingItem | None = Field(
        default=None, description="For fact funded_item: the funding item."
    )
    trace: jql.JqlEvidence | None = Field(
        default=None, description="Jira issues that should back the declaration."
    )

    # Which fact is read, and where Jira must show it: a product replaces the evidence to
    # change these rather than overriding them.
    identity: ClassVar[tuple[str, ...]] = ("fact", "item", "trace")

    @model_validator(mode="after")
    def _item_with_funded_item(self) -> DeclaredEvidence:
        if (self.fact == "funded_item") != (self.item is not None):
            raise ValueError("`item` goes with fact funded_item, and only with it")
        return self


MODEL = DeclaredEvidence


def needs(evidence: DeclaredEvidence, product: Product, wanted: Needs) -> None:
    """The trace's query, if the declaration has one; the fact itself is in the product file."""
    if evidence.trace is not None:
        jql.needs(evidence.trace, product, wanted)


def judge(evidence: DeclaredEvidence, ctx: Context) -> Verdict:
    """The fact as declared; when it holds and a trace is configured, Jira must show it too."""
    declared = FACTS[evidence.fact](evidence, ctx)
    if declared.state is not State.MET or evidence.trace is None:
        return declared
    no_trace = "reason.declared.no_trace_github" if ctx.on_github else "reason.declared.no_trace"
    return backed(declared, evidence.trace, ctx, no_trace)


def backed(declared: Verdict, trace: jql.JqlEvidence, ctx: Context, no_trace: str) -> Verdict:
    """A declaration that holds, with the tracker trace that must back it.

    Met with the trace's issues as evidence; unknown when the trace could not be read; not
    met, for the reason *no_trace* (given the trace's condition as `jql`), when it is missing.
    The declaration's own reason stays as a note.
    """
    found = jql.judge(trace, ctx)
    if found.state is State.MET:
        return Verdict(State.MET, declared.reason, found.evidence, (found.reason,))
    if found.state is State.UNKNOWN:
        return Verdict(State.UNKNOWN, found.reason, notes=(declared.reason,))
    return Verdict(
        State.NOT_MET,
        Msg(no_trace, {"jql": jql.describe(trace, ctx.product)}),
        notes=(declared.reason,),
    )


def _group(group: Group | None, which: str) -> Verdict:
    if group is None:
        return verdict(State.NOT_MET, "reason.declared.no_group", group=which)
    if group.lead is None:
        return verdict(State.NOT_MET, "reason.declared.no_lead", group=which)
    if not group.members:
        return verdict(State.NOT_MET, "reason.declared.no_members", group=which)
    if not group.kommissorium:
        # OS2's groups work to terms of reference: a group declared without them is a name.
        return verdict(State.NOT_MET, "reason.declared.no_kommissorium", group=which)
    return verdict(
        State.MET,
        "reason.declared.group",
        group=which,
        lead=group.lead.name,
        members=len(group.members),
        kommissorium=group.kommissorium,
    )


def _steering_group(_evidence: DeclaredEvidence, ctx: Context) -> Verdict:
    return _group(ctx.product.steering_group, "steering_group")


def _coordination_group(_evidence: DeclaredEvidence, ctx: Context) -> Verdict:
    return _group(ctx.product.coordination_group, "coordination_group")


def _need_mapped(_evidence: DeclaredEvidence, ctx: Context) -> Verdict:
    need = ctx.product.need
    if not need.mapped:
        return verdict(State.NOT_MET, "reason.declared.need_missing")
    if not need.document:
        return verdict(State.NOT_MET, "reason.declared.need_no_document")
    return verdict(State.MET, "reason.declared.need", document=need.document)


def _suppliers_cover_phases(_evidence: DeclaredEvidence, ctx: Context) -> Verdict:
    suppliers = ctx.product.suppliers
    covered = {phase for supplier in suppliers for phase in supplier.phases}
    missing = [phase for phase in SUPPLIER_PHASES if phase not in covered]
    if not suppliers:
        return verdict(State.NOT_MET, "reason.declared.no_suppliers")
    if missing:
        return verdict(State.NOT_MET, "reason.declared.phases_missing", phases=missing)
    return verdict(
        State.MET, "reason.declared.suppliers", suppliers=", ".join(s.name for s in suppliers)
    )


def _funded_item(evidence: DeclaredEvidence, ctx: Context) -> Verdict:
    agreement = ctx.product.agreement
    if agreement is None or agreement.signed is None:
        return verdict(State.NOT_MET, "reason.declared.no_agreement")
    if agreement.expires is not None and agreement.expired(ctx.today):
        # The practice says the agreement must *secure* funding; one that has ended secures
        # nothing, whatever it listed.
        return verdict(
            State.NOT_MET,
            "reason.declared.agreement_expired",
            item=evidence.item,
            expires=agreement.expires.isoformat(),
        )
    if evidence.item not in agreement.funded_items:
        return verdict(State.NOT_MET, "reason.declared.not_funded", item=evidence.item)
    return verdict(
        State.MET, "reason.declared.funded", item=evidence.item, signed=agreement.signed.isoformat()
    )


def _fee_paid(_evidence: DeclaredEvidence, ctx: Context) -> Verdict:
    new = [m for m in ctx.product.members if not m.paid_development]
    unpaid = [m.name for m in new if not m.fee_paid]
    if unpaid:
        return verdict(State.NOT_MET, "reason.declared.fee_unpaid", authorities=", ".join(unpaid))
    return verdict(State.MET, "reason.declared.fee_paid", count=len(new))


FACTS: dict[str, Callable[[DeclaredEvidence, Context], Verdict]] = {
    "steering_group": _steering_group,
    "coordination_group": _coordination_group,
    "need_mapped": _need_mapped,
    "suppliers_cover_phases": _suppliers_cover_phases,
    "funded_item": _funded_item,
    "fee_paid": _fee_paid,
}
