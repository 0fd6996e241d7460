# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The registry of rules: each turns a snapshot and a product into check results."""

from __future__ import annotations

from collections.abc import Callable

from os2bot.config import Config, Product, Profile
from os2bot.domain import CheckResult, Msg, Snapshot, State
from os2bot.rules import evidence

Rule = Callable[[Snapshot, Product, Profile], list[CheckResult]]

# Listed explicitly: adding a rule is one module and one line here.
RULES: tuple[tuple[str, Rule], ...] = (("evidence", evidence.check),)


def evaluate(snapshot: Snapshot, config: Config) -> list[CheckResult]:
    """Every rule for every product; a rule that fails yields `unknown`, never a crash."""
    results: list[CheckResult] = []
    for product in config.products:
        profile = config.profile_for(product)
        for _name, rule in RULES:
            try:
                results.extend(rule(snapshot, product, profile))
            except Exception as exc:  # noqa: BLE001 - the rule boundary: one bad rule is unknown
                results.extend(
                    CheckResult(
                        product=product.key,
                        check_id=check.id,
                        state=State.UNKNOWN,
                        reason=Msg("reason.rule_failed", {"error": f"{type(exc).__name__}: {exc}"}),
                    )
                    for check in profile.checks
                )
    return results
