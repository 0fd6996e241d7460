# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""A run on a terminal: the matrix and its legend, the gaps, one product in detail, the plan."""

from __future__ import annotations

import shutil

from os2bot.config import Config
from os2bot.domain import ANSI_COLOUR, TEXT_SYMBOL, ActionKind, State
from os2bot.flow import Mode, RunResult
from os2bot.messages import Language, text
from os2bot.report.document import ResultLine, RunResults

_RESET = "\033[0m"
# The legend's order: the settled states first, then what needs doing.
ORDER = (State.MET, State.WAIVED, State.NOT_MET, State.UNKNOWN, State.NOT_APPLICABLE)
# Read the plan like a diff: + a new task, ~ a changed one, ✎ a comment, ✓ a resolved one.
DIFF_SIGNS = {
    ActionKind.CREATE: "+",
    ActionKind.UPDATE: "~",
    ActionKind.COMMENT: "✎",
    ActionKind.EDIT_COMMENT: "✎",
    ActionKind.RESOLVE: "✓",
}


def _paint(state: State, value: str, colour: bool) -> str:  # noqa: FBT001 - a private helper
    return f"{ANSI_COLOUR[state]}{value}{_RESET}" if colour else value


def render_legend(language: Language, *, colour: bool = False) -> str:
    """What the symbols mean."""
    return "  ".join(
        f"{_paint(s, TEXT_SYMBOL[s], colour)} {text('state.' + s.value, language)}" for s in ORDER
    )


def render_matrix(document: RunResults, *, colour: bool = False, width: int | None = None) -> str:
    """Checks down, products across, a symbol per cell; wide portfolios wrap into blocks."""
    products = document.products
    if not products:
        return ""
    rows = document.rows
    label_width = min(44, max(len(row.title) for row in rows))
    column = max(4, min(12, max(len(p.name) for p in products)))
    room = (width or shutil.get_terminal_size((100, 24)).columns) - label_width - 2
    per_block = max(1, room // (column + 1))
    lines: list[str] = []
    for start in range(0, len(products), per_block):
        block = products[start : start + per_block]
        header = " " * (label_width + 2) + " ".join(p.name[:column].center(column) for p in block)
        lines += [header.rstrip(), " " * (label_width + 2) + " ".join("─" * column for _ in block)]
        for row in rows:
            title = row.title
            title = title if len(title) <= label_width else title[: label_width - 1] + "…"
            cells = [_cell(document.state(p.key, row.check), column, colour) for p in block]
            lines.append(f"{title:<{label_width}}  " + " ".join(cells))
        lines.append("")
    lines.append(render_legend(document.language, colour=colour))
    return "\n".join(lines)


def _cell(state: State | None, column: int, colour: bool) -> str:  # noqa: FBT001
    if state is None:
        return " " * column
    return _paint(state, TEXT_SYMBOL[state].center(column), colour)


def render_gaps(document: RunResults, *, colour: bool = False) -> str:
    """One line per gap: what is not met or unknown, and why."""
    language = document.language
    lines = []
    for gap in document.gaps:
        what = (
            gap.titles[0]
            if len(gap.titles) == 1
            else text(
                "report.checks_count", language, count=len(gap.titles), checks="; ".join(gap.titles)
            )
        )
        mark = _paint(gap.state, TEXT_SYMBOL[gap.state], colour)
        lines.append(f"{mark} {gap.product} · {what}: {gap.reason}")
    return "\n".join(lines)


def render_details(document: RunResults, product_key: str, *, colour: bool = False) -> str:
    """Every check of one product with its reason, the other evidence, and links."""
    language = document.language
    product = next(p for p in document.products if p.key == product_key)
    lines = [
        text(
            "report.product_header",
            language,
            name=product.name,
            project=product.jira_project,
            phase=text("term." + product.phase, language),
            level=product.level,
        )
    ]
    for line in product.results:
        lines += _detail(line, language, colour=colour)
    return "\n".join(lines)


def _detail(line: ResultLine, language: Language, *, colour: bool) -> list[str]:
    mark = _paint(line.state, TEXT_SYMBOL[line.state], colour)
    return [
        f"  {mark} {line.title}: {text('state.' + line.state.value, language)}",
        f"      {line.reason}",
        *(f"      {note}" for note in line.notes),
        *(f"      → {link.key} {link.url}" for link in line.evidence),
    ]


def render_stats(calls: dict[str, int], language: Language) -> str:
    """Jira calls by endpoint."""
    total = sum(calls.values())
    lines = [text("report.calls", language, total=total)]
    lines += [f"  {count:>4}  {endpoint}" for endpoint, count in sorted(calls.items())]
    return "\n".join(lines)


def render_plan(config: Config, report: RunResult, language: Language) -> str:
    """The actions a run planned (with their text in `plan`), what it deferred, its errors."""
    names = {p.key: p.name for p in config.products}
    lines = [""]
    if not report.actions:
        lines.append(text("plan.none", language))
    for action in report.actions:
        sign = DIFF_SIGNS[action.kind]
        verb = text(f"action.{action.kind.value}", language)
        target = action.issue_key or action.project
        product = f"  [{names[action.product]}]" if action.product in names else ""
        lines.append(f"{sign} {verb:>13}  {target}  {action.summary}{product}")
        if report.mode is not Mode.PLAN:
            continue
        detail = (
            action.description
            if action.kind in {ActionKind.CREATE, ActionKind.UPDATE}
            else action.comment
        )
        lines += [f"{'':17}│ {line}" for line in [x for x in detail.splitlines() if x.strip()][:4]]
        if action.assignee or action.due:
            lines.append(f"{'':17}│ → {action.assignee or '-'}, {action.due or '-'}")
    if report.deferred:
        lines.append(
            "\n"
            + text(
                "plan.deferred",
                language,
                budget=config.bot.tasks.budget,
                count=len(report.deferred),
            )
        )
    if report.uncertain:
        lines.append("\n" + text("plan.uncertain", language, count=len(report.uncertain)))
    lines += [f"⚠ {error}" for error in report.errors]
    return "\n".join(lines)
