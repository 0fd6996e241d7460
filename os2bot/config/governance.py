# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""config/governance/*.yaml: governance profiles (checks as data) and requirement catalogues."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from os2bot.config.base import Bilingual, Model
from os2bot.config.escalation import Escalation
from os2bot.config.evidence import Evidence
from os2bot.config.terms import PHASES, Extension, Level, Phase

Owner = Literal["steering_group", "coordination_group", "secretariat"]


class Applicability(Model):
    """When a check applies: in which phases, and only with which agreement extension."""

    phases: list[Phase] = Field(
        default_factory=lambda: list(PHASES),
        description="Product phases in which the check applies.",
    )
    extension: Extension | None = Field(
        default=None, description="Applies only when the agreement has this extension."
    )


class CheckDef(Model):
    """One check of the governance profile."""

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Stable id, used in fingerprints."
    )
    title: Bilingual = Field(description="What is checked.")
    short: str = Field(
        default="", max_length=12, description="Short column label for tables (default: id)."
    )
    source: str = Field(
        min_length=1, description="Where in OS2's practice (seed text) the check comes from."
    )
    category: Literal["prerequisite", "funding", "fee", "requirement"] = Field(
        description="prerequisite, funding item, fee or catalogue requirement."
    )
    severity: Literal["high", "medium", "low"] = Field(description="How much a gap matters.")
    applies: Applicability = Field(
        default_factory=Applicability, description="When the check applies."
    )
    evidence: Evidence = Field(description="How the check is evidenced.")
    also: list[Evidence] = Field(
        default_factory=list, description="Further evidence that must hold as well."
    )
    fix: Bilingual = Field(description="How to fix it, shown in tasks and chat.")
    owner: Owner = Field(
        default="steering_group", description="Who is reminded when the check fails."
    )
    remind: bool = Field(default=True, description="Open a reminder task when not met.")

    @property
    def evidences(self) -> list[Evidence]:
        """All evidence the check needs, first the main one."""
        return [self.evidence, *self.also]

    @property
    def label(self) -> str:
        """The short column label."""
        return self.short or self.id[:12]


class Profile(Model):
    """config/governance/*.yaml: a governance profile, the checks as data."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Profile id.")
    version: str = Field(min_length=1, description="Version of this profile.")
    title: Bilingual = Field(description="Name of the profile.")
    catalogue: str | None = Field(
        default=None, description="Id of the requirement catalogue that self-assessments use."
    )
    checks: list[CheckDef] = Field(min_length=1, description="The checks.")
    escalation: Escalation = Field(
        default_factory=Escalation,
        description="Who hears of a reminder task left past its due date, and when.",
    )

    @field_validator("checks")
    @classmethod
    def _unique_ids(cls, checks: list[CheckDef]) -> list[CheckDef]:
        seen: set[str] = set()
        for check in checks:
            if check.id in seen:
                raise ValueError(f"duplicate check id {check.id!r}")
            seen.add(check.id)
        return checks

    def check(self, check_id: str) -> CheckDef:
        """Return the check with *check_id*."""
        return next(c for c in self.checks if c.id == check_id)


class Requirement(Model):
    """One requirement of OS2's governance requirement catalogue."""

    id: str = Field(pattern=r"^[RFSG][0-9]{1,2}$", description="Requirement id, e.g. G6.")
    category: Literal["relevans", "formkrav", "strategisk", "governance"] = Field(
        description="OS2's theme (kategori)."
    )
    level: Level = Field(description="The lowest product level it applies to.")
    title: Bilingual = Field(description="The requirement, abbreviated.")
    recommendation: bool = Field(
        default=False, description="Only recommended (anbefaling): a 'Nej' warns, not fails."
    )


class Catalogue(Model):
    """config/governance/catalogue-*.yaml: OS2's governance requirements, versioned."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="Catalogue id.")
    version: str = Field(min_length=1, description="OS2's version of the catalogue.")
    source: str = Field(min_length=1, description="Where the catalogue comes from.")
    requirements: list[Requirement] = Field(min_length=1, description="The requirements.")

    @field_validator("requirements")
    @classmethod
    def _unique_requirements(cls, requirements: list[Requirement]) -> list[Requirement]:
        ids = [r.id for r in requirements]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate requirement id(s): {', '.join(duplicates)}")
        return requirements
