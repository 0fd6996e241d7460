# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The escalation ladder as data: who hears of a reminder task left past its due date, and when.

The governance profile holds a ladder per owner (the group a check names); a product file may
replace any of them, or the pauses that chat answers set.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from os2bot.config.base import Model

Rung = Literal["owner", "steering_group", "coordination_group", "secretariat"]
MAX_STEPS = 5  # the marks on a task (os2bot-eskaleret-1 …) are numbered this far


class Step(Model):
    """One step of a ladder: whom it tells, how long after the step before, and how."""

    to: Rung = Field(
        description="Who is told: owner (the lead of the group the check names, the task's "
        "assignee), steering_group (its chair), coordination_group (its lead) or secretariat."
    )
    after_working_days: int = Field(
        ge=0,
        le=250,
        description="Working days (Danish calendar) after the step before; the first step "
        "counts from the task's due date (1: the first working day after it).",
    )
    by: Literal["chat", "task"] = Field(
        default="chat",
        description="chat: a comment on the task and a chat message naming them; task: the "
        "secretariat's weekly digest (Eskaleret) and one task in the secretariat's project.",
    )


def _steps(value: list[Step]) -> list[Step]:
    if len(value) > MAX_STEPS:
        raise ValueError(f"a ladder has at most {MAX_STEPS} steps")
    for step in value:
        if step.by == "task" and step.to != "secretariat":
            raise ValueError("only the secretariat is told by a task (by: task, to: secretariat)")
    return value


def _default(*steps: tuple[Rung, int, str]) -> list[Step]:
    return [Step(to=to, after_working_days=days, by=by) for to, days, by in steps]  # type: ignore[arg-type]


class Escalation(Model):
    """The profile's ladders, one per owner, and how long answers in chat hold them."""

    coordination_group: list[Step] = Field(
        default_factory=lambda: _default(
            ("owner", 1, "chat"), ("steering_group", 10, "chat"), ("secretariat", 10, "task")
        ),
        description="The ladder of a task the coordination group owns.",
    )
    steering_group: list[Step] = Field(
        default_factory=lambda: _default(
            ("owner", 1, "chat"), ("secretariat", 10, "chat"), ("secretariat", 10, "task")
        ),
        description="The ladder of a task the steering group owns.",
    )
    secretariat: list[Step] = Field(
        default_factory=lambda: _default(("owner", 1, "chat")),
        description="The ladder of a task the secretariat owns.",
    )
    acknowledge_working_days: int = Field(
        default=10,
        ge=1,
        le=60,
        description="An acknowledgement in chat (kvittér) holds the ladder this many working days.",
    )
    snooze_max_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="A snooze in chat (udsæt) holds the ladder at most this many days.",
    )

    @field_validator("coordination_group", "steering_group", "secretariat")
    @classmethod
    def _valid(cls, value: list[Step]) -> list[Step]:
        return _steps(value)

    def ladder(self, owner: str) -> list[Step]:
        """The ladder of a task *owner* owns."""
        steps: list[Step] = getattr(self, owner)
        return steps


class EscalationOverride(Model):
    """A product's own ladders: what it names replaces the profile's, the rest stays."""

    coordination_group: list[Step] | None = Field(
        default=None, description="The ladder of a task the coordination group owns."
    )
    steering_group: list[Step] | None = Field(
        default=None, description="The ladder of a task the steering group owns."
    )
    secretariat: list[Step] | None = Field(
        default=None, description="The ladder of a task the secretariat owns."
    )
    acknowledge_working_days: int | None = Field(
        default=None, ge=1, le=60, description="Working days an acknowledgement holds the ladder."
    )
    snooze_max_days: int | None = Field(
        default=None, ge=1, le=365, description="The longest snooze, in days."
    )

    @field_validator("coordination_group", "steering_group", "secretariat")
    @classmethod
    def _valid(cls, value: list[Step] | None) -> list[Step] | None:
        return None if value is None else _steps(value)

    def over(self, profile: Escalation) -> Escalation:
        """The profile's ladders with this product's replacements."""
        names = type(self).model_fields
        return profile.model_copy(
            update={name: getattr(self, name) for name in names if getattr(self, name) is not None}
        )
