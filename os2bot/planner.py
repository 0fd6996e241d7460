# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Results and the bot's existing tasks -> actions. Pure: every idempotency decision is here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from os2bot.config import CheckDef, Config, Product
from os2bot.domain import Action, ActionKind, CheckResult, Issue, State, fingerprint
from os2bot.messages import Language, render, text

REMINDER = "reminder"


def reminder_fingerprint(product: Product, check: CheckDef) -> str:
    """The fingerprint of the reminder task for *check* on *product*."""
    return fingerprint(REMINDER, product.key, check.id)


def plan_actions(
    results: Iterable[CheckResult],
    config: Config,
    open_tasks: Sequence[Issue],
    language: Language,
    readable: frozenset[str] | None = None,
) -> list[Action]:
    """The writes that bring Jira in line with *results*.

    A failing check opens one reminder task; a task that exists already (found by its
    fingerprint label) is left alone; a check that is met again gets its task resolved with
    a comment. `unknown` never opens or resolves anything: missing evidence is not a verdict.
    Nothing is planned in a project the bot cannot read (*readable*, when given).
    """
    by_fingerprint = {t.fingerprint: t for t in open_tasks if t.fingerprint}
    products = {p.key: p for p in config.products}
    actions: list[Action] = []
    for result in results:
        product = products[result.product]
        if readable is not None and product.jira.project not in readable:
            continue
        check = config.profile_for(product).check(result.check_id)
        fp = reminder_fingerprint(product, check)
        existing = by_fingerprint.get(fp)
        if result.state is State.NOT_MET and check.remind and existing is None:
            actions.append(_create(result, product, check, fp, language))
        elif result.state in {State.MET, State.WAIVED, State.NOT_APPLICABLE} and existing:
            actions.append(
                Action(
                    kind=ActionKind.RESOLVE,
                    fingerprint=fp,
                    product=product.key,
                    project=product.jira.project,
                    summary=existing.summary,
                    comment=text(
                        "task.resolved.comment",
                        language,
                        check=check.title.get(language),
                        reason=render(result.reason, language),
                    ),
                    issue_key=existing.key,
                )
            )
    return actions


def _create(
    result: CheckResult, product: Product, check: CheckDef, fp: str, language: Language
) -> Action:
    evidence = "".join(f"\n* [{i.key}|{i.url}] {i.summary}" for i in result.evidence)
    description = text(
        "task.reminder.description",
        language,
        check=check.title.get(language),
        product=product.name,
        reason=render(result.reason, language) + evidence,
        fix=check.fix.get(language),
        source=check.source,
        owner=text(f"owner.{check.owner}", language),
    )
    return Action(
        kind=ActionKind.CREATE,
        fingerprint=fp,
        product=product.key,
        project=product.jira.project,
        summary=text(
            "task.reminder.summary", language, product=product.name, check=check.title.get(language)
        ),
        description=description,
    )
