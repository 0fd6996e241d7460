# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The documents as Markdown, for an issue or a wiki: the matrix as a table, then the news."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from os2bot.domain import TEXT_SYMBOL, State
from os2bot.messages import Language, text
from os2bot.messages.formats import day, moment
from os2bot.report import support as support_text
from os2bot.report.document import ComplianceReport, RunResults
from os2bot.report.terminal import render_gaps, render_legend

# What Markdown would read as markup — emphasis, code, links, HTML, table cells — in text that
# comes from Jira or the configuration; escaped, it shows as itself.
_MARKUP = re.compile(r"([\\`*_~\[\]<>|])")


def escape(value: str) -> str:
    """*value* as literal text in Markdown."""
    return _MARKUP.sub(r"\\\1", value)


def render_run_results(document: RunResults) -> str:
    """The matrix (checks × products), the legend and the gaps."""
    language = document.language
    products = document.products
    rows = [
        (row.title, [_symbol(document.state(p.key, row.check)) for p in products])
        for row in document.rows
    ]
    lines = [*_table(language, [p.name for p in products], rows), "", render_legend(language), ""]
    # A gap line is plain text (symbol, product, checks, reason): all of it is escaped.
    gaps = render_gaps(document)
    if gaps:
        lines += [f"**{text('report.gaps', language)}**", ""]
        lines += [f"- {escape(line)}" for line in gaps.splitlines()]
    return "\n".join(lines)


def render_compliance_report(document: ComplianceReport) -> str:
    """The report risk first, dates the language's way.

    Counts, the products most at risk, each gap with its reason and fix, then the matrix (a
    product a row) and what changed.
    """
    language: Language = document["language"]
    tz = ZoneInfo(document["timezone"])
    products = document["products"]
    legend = document["legend"]
    lines = [f"# {text('report.title', language)}", ""]
    lines += [
        text(
            "report.generated",
            language,
            when=moment(document["generated"], language, tz),
            runs=document["runs"],
        )
        + " "
        + text("report.timezone", language),
        "",
    ]
    if document["note"]:
        lines += [f"> {escape(document['note'])}", ""]
    summary = document["summary"]
    lines += [
        " · ".join(
            f"{TEXT_SYMBOL[state]} {text('count.' + state, language, count=summary[state])}"
            for state in (
                State.NOT_MET,
                State.UNKNOWN,
                State.WAIVED,
                State.MET,
                State.NOT_APPLICABLE,
            )
        ),
        "",
        f"## {text('report.at_risk', language)}",
        "",
    ]
    names = {p["key"]: p for p in products}
    lines += [
        f"{n}. **{escape(r['name'])}** — "
        + ", ".join(escape(g["title"]) for g in names[r["product"]]["gaps"])
        for n, r in enumerate(document["at_risk"], 1)
    ] or [text("report.no_risk", language)]
    lines += ["", f"## {text('report.gaps_title', language)}", ""]
    for product in products:
        if not product["gaps"]:
            continue
        lines += [f"### {escape(product['name'])}", ""]
        for gap in product["gaps"]:
            since = (
                " — "
                + text(
                    "report.since." + gap["state"],
                    language,
                    date=day(gap["since"], language, tz),
                    days=_days(gap["since"], document, tz),
                )
                if gap["since"]
                else ""
            )
            lines += [
                f"- {TEXT_SYMBOL[gap['state']]} **{escape(gap['title'])}**{since}",
                f"  - {text('report.why', language)} {escape(gap['reason'])}",
                f"  - {text('report.fix', language)} {escape(gap['fix'])}",
            ]
            if gap["task"]:
                lines.append(f"  - {text('report.task', language)} {escape(gap['task']['key'])}")
        lines.append("")
    supported = [p for p in products if p["support"]]
    if supported:
        lines += [f"## {text('report.support', language)}", ""]
    for product in supported:
        lines += [f"### {escape(product['name'])}", "", *_support(product["support"], language, tz)]
    lines += [f"## {text('report.matrix', language)}", ""]
    checks = document["checks"]
    lines += [
        f"| {text('report.product', language)} | "
        + " | ".join(escape(c["short"]) for c in checks)
        + " |",
        "|---|" + "---|" * len(checks),
        *(
            f"| {escape(p['name'])} | "
            + " | ".join(TEXT_SYMBOL[cell["state"]] for cell in p["cells"])
            + " |"
            for p in products
        ),
    ]
    lines += ["", "  ".join(f"{TEXT_SYMBOL[k]} {v}" for k, v in legend.items()), ""]
    lines += [f"## {text('report.changes', language)}", ""]
    lines += [
        f"- {escape(c['product_name'])} · {escape(c['title'])}: "
        f"{legend[c['before']]} → {legend[c['after']]}"
        for c in document["changes"]
    ] or [text("report.no_changes", language)]
    return "\n".join(lines) + "\n"


def _support(support: dict[str, Any], language: Language, tz: ZoneInfo) -> list[str]:
    """A product's joint support: the agreement, the SLA with its breaches linked, the card."""
    lines = [escape(support_text.agreement_sentence(support, language, tz)), ""]
    sla = support["sla"]
    if sla:
        lines += [escape(support_text.sla_sentence(sla, language)), ""]
        if sla["breaches"]:
            lines += [escape(support_text.breaches_heading(sla, language)), ""]
            lines += [
                f"- [{escape(b['key'])}]({b['url']}) {escape(b.get('summary', ''))}"
                for b in sla["breaches"]
            ]
            lines.append("")
    card = support["card"]
    heading = f"**{text('report.support.card_title', language)}:** "
    if card:
        lines += [
            heading + " ".join(escape(s) for s in support_text.card_sentences(card, language, tz))
        ]
    elif support["card_declared"]:
        lines += [heading + text("report.support.card_unread", language)]
    else:
        lines += [heading + text("report.support.no_card", language)]
    return [*lines, ""]


def _days(since: str, document: ComplianceReport, tz: ZoneInfo) -> int:
    """Whole days from *since* to the day the report was made."""
    made = datetime.fromisoformat(document["generated"]).astimezone(tz).date()
    return (made - datetime.fromisoformat(since).astimezone(tz).date()).days


def _symbol(state: State | None) -> str:
    return TEXT_SYMBOL[state] if state is not None else ""


def _table(
    language: Language, columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]
) -> list[str]:
    """Checks down, products across: a check's title and a symbol per product on each row."""
    return [
        f"| {text('report.check', language)} | " + " | ".join(map(escape, columns)) + " |",
        "|---|" + "---|" * len(columns),
        *(f"| {escape(title)} | " + " | ".join(cells) + " |" for title, cells in rows),
    ]
