# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Results, the snapshot and the bot's existing tasks -> actions. Pure: no I/O, no clock.

Each task source (one module each, listed in SOURCES) says which tasks should exist (with
what content), which have served their purpose, and which one-off comments are due;
`reconcile` turns that into creates, updates, comments and resolves against what the tracker
already holds. Every idempotency decision is in `reconcile`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from os2bot.config import Config
from os2bot.domain import Action, CheckResult, Snapshot
from os2bot.ladder import Memory
from os2bot.messages import Language
from os2bot.planner.access import plan_access
from os2bot.planner.dashboard import plan_dashboard
from os2bot.planner.escalation import plan_escalation
from os2bot.planner.model import Desired, Plan, Wishes
from os2bot.planner.reconcile import reconcile
from os2bot.planner.releases import plan_releases
from os2bot.planner.reminders import plan_reminders, settle_covered
from os2bot.planner.rounds import plan_rounds
from os2bot.planner.secretariat import plan_secretariat
from os2bot.planner.support import plan_support
from os2bot.planner.triage import plan_triage

# The task sources, in order: the first to wish for a fingerprint wins. A new source is one
# module and one line here.
SOURCES: tuple[Callable[[Plan, Wishes], None], ...] = (
    plan_dashboard,
    plan_reminders,
    plan_rounds,
    plan_releases,
    plan_secretariat,
    plan_support,
    plan_access,
    plan_triage,
    plan_escalation,  # after reminders: it climbs the ladder of the reminder tasks wished for
)

__all__ = ["SOURCES", "Desired", "Plan", "Wishes", "plan_actions", "reconcile"]


def plan_actions(
    results: Iterable[CheckResult],
    config: Config,
    snapshot: Snapshot,
    language: Language,
    previous: Mapping[tuple[str, str], str] | None = None,
    *,
    ladder: Memory | None = None,
) -> list[Action]:
    """The writes that bring the tracker in line with the results and the governance calendar.

    *previous* are the states of the last run (for the dashboard's "what changed"); *ladder*
    is what the state database remembers of the escalation ladders.
    """
    plan = Plan(config, snapshot, language, tuple(results), previous or {}, ladder or Memory())
    wishes = Wishes()
    for source in SOURCES:
        source(plan, wishes)
    settle_covered(plan, wishes)
    return reconcile(wishes, snapshot.bot_tasks)
