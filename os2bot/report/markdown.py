# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The documents as Markdown, for an issue or a wiki: the matrix as a table, then the news."""

from __future__ import annotations

import re
from collections.abc import Sequence

from os2bot.domain import TEXT_SYMBOL, State
from os2bot.messages import Language, text
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
    """The title, why the history is short (if it is), the matrix and what changed."""
    language: Language = document["language"]
    products = document["products"]
    legend = document["legend"]
    lines = [f"# {text('report.title', language)}", ""]
    if document["note"]:
        lines += [f"> {escape(document['note'])}", ""]
    rows = [
        (check["title"], [TEXT_SYMBOL[p["cells"][index]["state"]] for p in products])
        for index, check in enumerate(document["checks"])
    ]
    lines += _table(language, [p["name"] for p in products], rows)
    lines += ["", "  ".join(f"{TEXT_SYMBOL[k]} {v}" for k, v in legend.items()), ""]
    lines += [f"## {text('report.changes', language)}", ""]
    lines += [
        f"- {escape(c['product_name'])} · {escape(c['title'])}: "
        f"{legend[c['before']]} → {legend[c['after']]}"
        for c in document["changes"]
    ] or [text("report.no_changes", language)]
    return "\n".join(lines) + "\n"


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
