# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The secretariat's task about a prepaid hours card (klippekort) that is running out.

One task per card period, opened when 75 % of the hours are used or when the card will run
out before its period ends at the burn rate of the last 8 weeks; updated in place as the
numbers change (hours used, the run-out day), resolved when neither holds any more. The
support agreement's own end is told as the affiliation agreement's is (`secretariat`).
"""

from __future__ import annotations

from collections.abc import Callable

from os2bot.calendar import add_working_days
from os2bot.config import Product
from os2bot.domain import fingerprint
from os2bot.messages import Language
from os2bot.messages.formats import long_day, number
from os2bot.planner.model import Desired, Plan, Wishes
from os2bot.support import CardUsage, card_of


def plan_support(plan: Plan, wishes: Wishes) -> None:
    """One task per running-out card, in the secretariat's project."""
    secretariat = plan.config.bot.secretariat
    for product in plan.config.products:
        support = product.support
        if support is None or support.card is None:
            continue
        project = secretariat.jira_project or product.project
        if not plan.readable(project):
            continue
        card = support.card
        fp = fingerprint("card", product.key, card.start.isoformat())
        usage = card_of(product, plan.snapshot)
        if usage is None:
            continue  # not read: neither opened nor resolved
        active = card.start <= plan.today <= card.end
        if not (active and usage.needs_attention):
            wishes.cleared[fp] = product.key, plan.t("task.card.cleared", product=product.name)
            continue
        wishes.want(_task(plan, product, project, usage, fp))


def card_lines(usage: CardUsage, language: Language, say: Callable[..., str]) -> list[str]:
    """The card in sentences: hours used, burn rate, when it runs out (*say*: plan.t)."""
    days = {
        "start": long_day(usage.start, language),
        "end": long_day(usage.end, language),
    }
    lines = [
        say(
            "task.card.used",
            used=number(round(usage.used, 1), language),
            bought=usage.bought,
            share=round(usage.share * 100),
            issues=len(usage.issues),
            **days,
        ),
        say("task.card.rate", rate=round(usage.burn_per_week)),
    ]
    runs_out = long_day(usage.runs_out, language) if usage.runs_out else "-"
    if usage.used >= usage.bought:
        lines.append(say("task.card.used_up", runs_out=runs_out, **days))
    elif usage.runs_out_early:
        lines.append(say("task.card.early", runs_out=runs_out, **days))
    else:
        lines.append(say("task.card.lasts", **days))
    return lines


def _task(plan: Plan, product: Product, project: str, usage: CardUsage, fp: str) -> Desired:
    lines = card_lines(usage, plan.language, plan.t)
    description = "\n\n".join([*lines, plan.t("task.card.fix")])
    return Desired(
        fingerprint=fp,
        product=product.key,
        project=project,
        summary=plan.t(
            "task.card.summary",
            product=product.name,
            start=long_day(usage.start, plan.language),
            end=long_day(usage.end, plan.language),
        ),
        description=description,
        assignee=plan.assignee(plan.config.bot.secretariat.lead, project),
        due=add_working_days(plan.today, 10, plan.closed),
        # The numbers decide: whole hours used and the run-out day (a day passing is no change).
        stable=(product.key, round(usage.used), usage.runs_out, plan.language),
    )
