# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Self-assessment evidence: OS2's selvevaluering against the requirement catalogue.

The JSON is read from the configuration directory, or from a repository (a path, or a file
name pattern of which the newest by filledDate counts), so nobody copies it by hand.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from os2bot.config.terms import LEVELS
from os2bot.domain import Answer, Msg, SelfAssessment, State
from os2bot.rules.base import Context, EvidenceModel, Needs, Verdict, verdict

if TYPE_CHECKING:
    from os2bot.config import Product

_YES = {"ja", "yes", "true"}
_NO = {"nej", "no", "false"}


class SelfAssessmentEvidence(EvidenceModel):
    """OS2's self-assessment (selvevaluering) against the governance requirement catalogue."""

    kind: Literal["self_assessment"] = Field(description="Evidence kind.")
    max_age_days: int = Field(
        default=183, ge=1, description="Older assessments are stale (OS2 evaluates twice a year)."
    )


MODEL = SelfAssessmentEvidence


def needs(_evidence: SelfAssessmentEvidence, product: Product, wanted: Needs) -> None:
    """The product's self-assessment file, when it names one: on disk or in a repository."""
    source = product.self_assessment
    if isinstance(source, str):
        wanted.assessments[product.key] = source
    elif source is not None and (repo := source.repo or product.repository) is not None:
        wanted.repo_assessments[product.key] = (repo, source.path)
        # The folder's listing finds the files of a pattern, and the link to an exact file.
        wanted.folders.add((repo, source.path.rpartition("/")[0]))


def is_pattern(name: str) -> bool:
    """Whether a file name is a pattern (dokumenter/*selvevaluering*.json), not a name."""
    return any(char in name for char in "*?[")


def where(product: Product) -> str:
    """Where the product's self-assessment is read from, as messages name it."""
    source = product.self_assessment
    if source is None or isinstance(source, str):
        return source or "-"
    return f"{source.repo or product.repository}:{source.path}"


def parse(data: Any) -> SelfAssessment:
    """OS2's exported JSON (productName, filledDate, krav[]) as a SelfAssessment.

    Raises ValueError, naming what is missing, when the shape is not OS2's.
    """
    if not isinstance(data, dict):
        raise ValueError("the file is not a JSON object")  # noqa: TRY004 - a format error
    try:
        filled = date.fromisoformat(str(data["filledDate"])[:10])
        requirements = data["krav"]
    except KeyError as exc:
        raise ValueError(f"the field {exc.args[0]} is missing") from None
    if not isinstance(requirements, list):
        raise ValueError("krav is not a list")  # noqa: TRY004 - a format error
    answers: dict[str, Answer] = {}
    for entry in requirements:
        if not isinstance(entry, dict) or "id" not in entry:
            raise ValueError("an entry of krav has no id")
        said = str(entry.get("efterlevet", "")).strip().lower()
        complied = True if said in _YES else False if said in _NO else None
        answers[str(entry["id"])] = Answer(
            requirement=str(entry["id"]),
            complied=complied,
            documentation=str(entry.get("dokumentation") or ""),
        )
    return SelfAssessment(
        product_name=str(data.get("productName", "")), filled=filled, answers=answers
    )


def judge(evidence: SelfAssessmentEvidence, ctx: Context) -> Verdict:
    """Met when the assessment is fresh and no requirement up to the product's level is 'Nej'.

    Recommendations (anbefaling) answered 'Nej' are noted, not failed; requirements the
    assessment does not answer count as not met.
    """
    product = ctx.product
    if product.self_assessment is None:
        return verdict(State.NOT_MET, "reason.assessment.none")
    assessment = ctx.snapshot.assessments.get(product.key)
    if assessment is None or isinstance(assessment, str):
        return verdict(
            State.UNKNOWN,
            "reason.assessment.unreadable",
            error=assessment or "-",
            file=where(product),
        )
    read_from = ctx.snapshot.assessment_refs.get(product.key)
    found = (read_from,) if read_from is not None else ()
    if ctx.catalogue is None:
        return verdict(State.UNKNOWN, "reason.assessment.no_catalogue")
    age = ctx.days_ago(assessment.filled)
    filled = assessment.filled.isoformat()
    if age > evidence.max_age_days:
        return verdict(
            State.NOT_MET,
            "reason.assessment.stale",
            found,
            filled=filled,
            days=age,
            window=evidence.max_age_days,
        )
    ceiling = LEVELS.index(product.level)
    applicable = [r for r in ctx.catalogue.requirements if LEVELS.index(r.level) <= ceiling]
    failing: list[str] = []
    warnings: list[str] = []
    unanswered: list[str] = []
    for requirement in applicable:
        answer = assessment.answers.get(requirement.id)
        if answer is None or answer.complied is None:
            unanswered.append(requirement.id)
        elif not answer.complied:
            (warnings if requirement.recommendation else failing).append(requirement.id)
    notes = (
        (Msg("reason.assessment.recommendations", {"ids": ", ".join(warnings)}),)
        if warnings
        else ()
    )
    level = product.level
    if failing or unanswered:
        reason = Msg(
            "reason.assessment.failing",
            {
                "ids": ", ".join(failing) or "-",
                "unanswered": ", ".join(unanswered) or "-",
                "level": level,
                "filled": filled,
                "version": ctx.catalogue.version,
            },
        )
        return Verdict(State.NOT_MET, reason, found, notes)
    reason = Msg(
        "reason.assessment.ok",
        {
            "count": len(applicable),
            "level": level,
            "filled": filled,
            "version": ctx.catalogue.version,
        },
    )
    return Verdict(State.MET, reason, found, notes)
