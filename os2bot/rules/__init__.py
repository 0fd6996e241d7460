# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Checks as data, judged by one judge per evidence kind; this module composes them.

A check applies or not (phase, agreement extension); its evidence — the main one and any
`also` — is judged piece by piece; the worst verdict decides (not met before unknown before
met); an active waiver turns not met or unknown into waived.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The configuration first: it validates evidence against the kinds in `registry`, so it loads
# them itself; the kind modules take from it only its leaf modules. Loading the rules first
# would have the configuration ask for a registry still half loaded.
import os2bot.config  # noqa: F401
from os2bot.domain import CheckResult, Msg, Snapshot, State
from os2bot.rules.base import Context, EvidenceModel, Needs, Verdict
from os2bot.rules.registry import JUDGES, KINDS, NEEDS

if TYPE_CHECKING:
    from os2bot.config import CheckDef, Config, EvidenceOverride, Product

__all__ = [
    "JUDGES",
    "KINDS",
    "NEEDS",
    "Context",
    "Needs",
    "Verdict",
    "applies",
    "effective_evidence",
    "evaluate",
    "judge_check",
    "needs",
]

_SEVERITY = {State.NOT_MET: 0, State.UNKNOWN: 1, State.MET: 2}


def applies(check: CheckDef, product: Product) -> bool:
    """Whether *check* applies to *product* in its phase and with its agreement."""
    if product.phase not in check.applies.phases:
        return False
    return check.applies.extension is None or check.applies.extension in product.extensions


def effective_evidence(check: CheckDef, product: Product) -> list[EvidenceModel]:
    """The check's evidence for *product*, replaced and overridden as the product says.

    A replacement (`evidence:` in the product file) stands for the check's evidence and `also`
    together; an override applies to every piece of evidence that has the parameter; configuration
    validation refuses parameters that no piece has. Each piece records which parameters the
    product file set for itself (`EvidenceModel.overridden`).
    """
    evidence = product.evidence_for(check)
    if check.id in product.evidence:
        evidence = [e.set_by_product(frozenset(e.model_fields_set - {"kind"})) for e in evidence]
    override: EvidenceOverride | None = product.overrides.get(check.id)
    if override is None:
        return evidence
    changes = override.model_dump(exclude_none=True)
    result = []
    for e in evidence:
        mine = {k: v for k, v in changes.items() if k in type(e).model_fields}
        result.append(e.model_copy(update=mine).set_by_product(frozenset(mine)))
    return result


def needs(config: Config) -> Needs:
    """Every read the applicable checks of all products need, each query listed once."""
    wanted = Needs()
    for product in config.products:
        for check in config.profile_for(product).checks:
            if not applies(check, product):
                continue
            for evidence in effective_evidence(check, product):
                NEEDS[evidence.kind](evidence, product, wanted)
    return wanted


def judge_check(check: CheckDef, ctx: Context) -> CheckResult:
    """One check for one product: applicability, every piece of evidence, waivers."""
    product = ctx.product
    if not applies(check, product):
        reason = (
            Msg("reason.not_applicable.phase", {"phase": product.phase})
            if product.phase not in check.applies.phases
            else Msg("reason.not_applicable.extension", {"extension": check.applies.extension})
        )
        return CheckResult(product.key, check.id, State.NOT_APPLICABLE, reason)
    verdicts = [JUDGES[e.kind](e, ctx) for e in effective_evidence(check, product)]
    decisive = min(verdicts, key=lambda v: _SEVERITY[v.state])
    others = [v.reason for v in verdicts if v is not decisive]
    notes = (*decisive.notes, *others, *(n for v in verdicts if v is not decisive for n in v.notes))
    evidence = tuple(issue for v in verdicts for issue in v.evidence)
    result = CheckResult(product.key, check.id, decisive.state, decisive.reason, evidence, notes)
    return _waive(result, ctx)


def _waive(result: CheckResult, ctx: Context) -> CheckResult:
    """Apply the product's waiver for the check, if one is in force."""
    waivers = [w for w in ctx.product.waivers if w.check == result.check_id]
    if not waivers:
        return result
    waiver = max(waivers, key=lambda w: w.expires)
    params = {
        "reason": waiver.reason,
        "approver": waiver.approver,
        "expires": waiver.expires.isoformat(),
    }
    if waiver.expires < ctx.today:
        expired = Msg("reason.waiver_expired", params)
        return CheckResult(
            result.product,
            result.check_id,
            result.state,
            result.reason,
            result.evidence,
            (*result.notes, expired),
        )
    if result.state not in {State.NOT_MET, State.UNKNOWN}:
        return result
    return CheckResult(
        result.product,
        result.check_id,
        State.WAIVED,
        Msg("reason.waived", params),
        result.evidence,
        (result.reason, *result.notes),
    )


def evaluate(snapshot: Snapshot, config: Config) -> list[CheckResult]:
    """Every check for every product; a judge that fails yields `unknown`, never a crash."""
    results: list[CheckResult] = []
    for product in config.products:
        profile = config.profile_for(product)
        catalogue = config.catalogues.get(profile.catalogue) if profile.catalogue else None
        ctx = Context(snapshot=snapshot, product=product, catalogue=catalogue)
        for check in profile.checks:
            try:
                results.append(judge_check(check, ctx))
            except Exception as exc:  # noqa: BLE001 - the rule boundary: one bad judge is unknown
                failed = CheckResult(
                    product=product.key,
                    check_id=check.id,
                    state=State.UNKNOWN,
                    reason=Msg("reason.rule_failed", {"error": f"{type(exc).__name__}: {exc}"}),
                )
                results.append(_waive(failed, ctx))
    return results
