# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Evidence: how a check is evidenced, one model per kind, and a product's parameter overrides."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from os2bot.config.base import Model
from os2bot.config.terms import FundingItem

DateField = Literal["created", "updated", "resolved", "duedate"]
Fact = Literal[
    "steering_group",
    "coordination_group",
    "need_mapped",
    "suppliers_cover_phases",
    "funded_item",
    "fee_paid",
]


class JqlEvidence(Model):
    """Issues in the product's Jira project that match a JQL fragment."""

    kind: Literal["jql"] = Field(description="Evidence kind.")
    jql: str = Field(
        min_length=1,
        description="JQL fragment; the bot adds `project in (...)` and runs it once for all "
        "products.",
    )
    date_field: DateField = Field(
        default="resolved", description="Date that `within_days` is measured on."
    )
    within_days: int | None = Field(
        default=None, ge=1, description="The newest matching issue must be this recent."
    )
    min_count: int = Field(default=1, ge=1, description="At least this many issues must match.")


class DeclaredEvidence(Model):
    """A fact stated in the product file, backed by a Jira trace where one is configured."""

    kind: Literal["declared"] = Field(description="Evidence kind.")
    fact: Fact = Field(description="Which fact of the product file is read.")
    item: FundingItem | None = Field(
        default=None, description="For fact funded_item: the funding item."
    )
    trace: JqlEvidence | None = Field(
        default=None, description="Jira issues that should back the declaration."
    )

    @model_validator(mode="after")
    def _item_with_funded_item(self) -> DeclaredEvidence:
        if (self.fact == "funded_item") != (self.item is not None):
            raise ValueError("`item` goes with fact funded_item, and only with it")
        return self


class ActivityEvidence(Model):
    """The Jira project is in use: issues updated lately, and a board exists."""

    kind: Literal["activity"] = Field(description="Evidence kind.")
    updated_within_days: int = Field(
        default=60, ge=1, description="Some issue must have been updated this recently."
    )
    board: bool = Field(default=True, description="The project must have an agile board.")


class VersionsEvidence(Model):
    """Release management seen in the project's Jira versions."""

    kind: Literal["versions"] = Field(description="Evidence kind.")
    released_within_days: int | None = Field(
        default=None, ge=1, description="Some version must have been released this recently."
    )
    no_overdue: bool = Field(
        default=True, description="No unreleased version may be past its release date."
    )


class SelfAssessmentEvidence(Model):
    """OS2's self-assessment (selvevaluering) against the governance requirement catalogue."""

    kind: Literal["self_assessment"] = Field(description="Evidence kind.")
    max_age_days: int = Field(
        default=183, ge=1, description="Older assessments are stale (OS2 evaluates twice a year)."
    )


Evidence = Annotated[
    JqlEvidence | DeclaredEvidence | ActivityEvidence | VersionsEvidence | SelfAssessmentEvidence,
    Field(discriminator="kind"),
]
EVIDENCE_KINDS = frozenset({"jql", "declared", "activity", "versions", "self_assessment"})


class EvidenceOverride(Model):
    """Per-product changes to a check's evidence parameters."""

    jql: str | None = Field(default=None, min_length=1, description="Replacement JQL fragment.")
    date_field: DateField | None = Field(default=None, description="Replacement date field.")
    within_days: int | None = Field(default=None, ge=1, description="Replacement window.")
    min_count: int | None = Field(default=None, ge=1, description="Replacement minimum count.")
    updated_within_days: int | None = Field(
        default=None, ge=1, description="Replacement activity window."
    )
    board: bool | None = Field(default=None, description="Whether a board is required.")
    released_within_days: int | None = Field(
        default=None, ge=1, description="Replacement release window."
    )
    no_overdue: bool | None = Field(default=None, description="Whether overdue versions fail.")
    max_age_days: int | None = Field(
        default=None, ge=1, description="Replacement self-assessment age limit."
    )
