# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Joint support in sentences for people, from a product's `support` in the compliance report.

The HTML pages and the Markdown report say the same thing from the same document: the
support agreement, the SLA as the latest run judged it (the breaches are linked by each
renderer its own way) and the prepaid hours card with its run-out day.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from os2bot.messages import Language, text
from os2bot.messages.formats import day, number

OUTLOOK = {
    "used_up": "report.support.used_up",
    "early": "report.support.early",
    "lasts": "report.support.lasts",
    "idle": "report.support.idle",
}
"""The sentence of each outlook of a card (`support.outlook`)."""


def agreement_sentence(support: dict[str, Any], language: Language, tz: ZoneInfo) -> str:
    """Who gives support, and until when."""
    return text(
        "report.support.agreement",
        language,
        supplier=support["supplier"],
        expires=day(support["expires"], language, tz),
    )


def sla_sentence(sla: dict[str, Any], language: Language) -> str:
    """The SLA kept of the decided issues in the window, against its threshold."""
    if sla["count"] is None:
        return text("report.support.sla_unmeasured", language, reason=sla["reason"])
    if not sla["count"]:
        return text("report.support.sla_none", language, days=sla["days"])
    return text(
        "report.support.sla",
        language,
        kept=sla["kept"],
        count=sla["count"],
        days=sla["days"],
        share=sla["share"],
        threshold=sla["threshold"],
    )


def breaches_heading(sla: dict[str, Any], language: Language) -> str:
    """The words before the list of breaches."""
    return text("report.support.breaches", language, count=len(sla["breaches"]))


def card_sentences(card: dict[str, Any], language: Language, tz: ZoneInfo) -> list[str]:
    """Hours used of bought in the period, the burn rate, and when the card runs out."""
    days = {"end": day(card["end"], language, tz)}
    runs_out = day(card["runs_out"], language, tz) if card["runs_out"] else "-"
    lines = [
        text(
            "report.support.card",
            language,
            start=day(card["start"], language, tz),
            used=number(round(card["used"], 1), language),
            bought=_whole(card["bought"]),
            share=round(card["share"] * 100),
            issues=card["issues"],
            **days,
        )
    ]
    if card["outlook"] != "idle":
        lines.append(text("report.support.rate", language, rate=round(card["burn_per_week"])))
    lines.append(text(OUTLOOK[card["outlook"]], language, runs_out=runs_out, **days))
    return lines


def _whole(hours: float) -> int | float:
    """Hours bought as a whole number where they are one (100, not 100.0)."""
    return int(hours) if float(hours).is_integer() else hours
