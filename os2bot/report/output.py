# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Where reports go: a run's results printed in the chosen format, the compliance report to file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from os2bot.config import Config
from os2bot.flow import Mode, RunResult
from os2bot.log import colour_wanted
from os2bot.messages import Language, text
from os2bot.report import csv, html, json, markdown, terminal
from os2bot.report.document import (
    ComplianceReport,
    build_compliance_report,
    build_run_results,
    point_from_results,
    points_from_history,
)
from os2bot.state import SqliteState
from os2bot.support import card_numbers, card_of

EXTENSIONS = {"html": "html", "markdown": "md", "json": "json", "csv": "csv"}
RENDERERS: dict[str, Callable[[ComplianceReport], str]] = {
    "html": html.render_compliance_report,
    "markdown": markdown.render_compliance_report,
    "json": json.render_compliance_report,
    "csv": csv.render_compliance_report,
}


def print_report(
    out: TextIO,
    config: Config,
    report: RunResult,
    language: Language,
    *,
    product: str | None = None,
    output: str = "table",
    stats: bool = False,
) -> None:
    """The results (matrix and gaps, one product in detail, JSON or Markdown), then the plan."""
    colour = output == "table" and colour_wanted(out)
    document = build_run_results(
        config,
        [r for r in report.results if product in (None, r.product)],
        language,
        generated=report.started,
        calls=report.calls if stats else None,
    )
    if output == "json":
        out.write(json.render_run_results(document) + "\n")
        return
    if output == "markdown":
        out.write(markdown.render_run_results(document) + "\n")
    elif product is not None:
        out.write(terminal.render_details(document, product, colour=colour) + "\n")
    else:
        out.write(terminal.render_matrix(document, colour=colour) + "\n")
        gaps = terminal.render_gaps(document, colour=colour)
        if gaps:
            out.write(f"\n{text('report.gaps', language)}:\n{gaps}\n")
    if report.mode is not Mode.CHECK:
        out.write(terminal.render_plan(config, report, language) + "\n")
    if stats:
        out.write("\n" + terminal.render_stats(report.calls, language) + "\n")


def write_report(
    language: Language,
    config: Config,
    state: SqliteState,
    *,
    fmt: str = "html",
    out: Path | None = None,
    since: datetime | None = None,
    products: Sequence[str] | None = None,
    phase: str | None = None,
    level: str | None = None,
    jira_url: str = "",
    current: RunResult | None = None,
    task_url: Callable[[str], str] | None = None,
) -> Path:
    """Build the compliance report from the history (or *current*) and write it as *fmt*."""
    now = datetime.now(UTC)
    points = points_from_history(state.history(), state.cards())
    from_history = bool(points)
    if not points and current is not None:
        snapshot = current.snapshot
        cards = {
            p.key: card_numbers(usage)
            for p in config.products
            if snapshot is not None and (usage := card_of(p, snapshot)) is not None
        }
        points = [point_from_results(current.run_id, current.started, current.results, cards)]
    chosen = [
        p
        for p in config.products
        if (not products or p.key in products)
        and phase in (None, p.phase)
        and level in (None, p.level)
    ]
    document = build_compliance_report(
        config,
        points,
        now=now,
        language=language,
        since=since or now - timedelta(days=7),
        jira_url=jira_url,
        tasks=state.bot_tasks(),
        from_history=from_history,
        products=chosen,
        task_url=task_url,
    )
    path = out or Path(f"os2bot-rapport-{now.astimezone(config.bot.tz).date()}.{EXTENSIONS[fmt]}")
    path.write_text(RENDERERS[fmt](document), encoding="utf-8")
    return path
