# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The compliance view of check results: a terminal matrix, Markdown and JSON."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from os2bot.config import Config, Product
from os2bot.domain import CheckResult, State
from os2bot.messages import Language, render, text

# One narrow symbol per state, readable without colour; colour only adds to it.
SYMBOL = {
    State.MET: "✔",
    State.NOT_MET: "✘",
    State.UNKNOWN: "?",
    State.NOT_APPLICABLE: "·",
    State.WAIVED: "≈",
}
_COLOUR = {
    State.MET: "\033[32m",
    State.NOT_MET: "\033[1;31m",
    State.UNKNOWN: "\033[33m",
    State.NOT_APPLICABLE: "\033[2m",
    State.WAIVED: "\033[36m",
}
_RESET = "\033[0m"
ORDER = (State.MET, State.WAIVED, State.NOT_MET, State.UNKNOWN, State.NOT_APPLICABLE)


def _paint(state: State, value: str, colour: bool) -> str:  # noqa: FBT001 - a private helper
    return f"{_COLOUR[state]}{value}{_RESET}" if colour else value


def _by_product(results: Sequence[CheckResult]) -> dict[tuple[str, str], CheckResult]:
    return {(r.product, r.check_id): r for r in results}


def legend(language: Language, *, colour: bool = False) -> str:
    """What the symbols mean."""
    return "  ".join(
        f"{_paint(s, SYMBOL[s], colour)} {text('state.' + s.value, language)}" for s in ORDER
    )


def render_matrix(
    config: Config,
    results: Sequence[CheckResult],
    language: Language,
    *,
    products: Sequence[Product] | None = None,
    colour: bool = False,
    width: int | None = None,
) -> str:
    """Checks down, products across, a symbol per cell; wide portfolios wrap into blocks."""
    chosen = list(products if products is not None else config.products)
    if not chosen:
        return ""
    cells = _by_product(results)
    checks = config.profile_for(chosen[0]).checks
    label_width = min(44, max(len(c.title.get(language)) for c in checks))
    column = max(4, min(12, max(len(p.name) for p in chosen)))
    room = (width or shutil.get_terminal_size((100, 24)).columns) - label_width - 2
    per_block = max(1, room // (column + 1))
    lines: list[str] = []
    for start in range(0, len(chosen), per_block):
        block = chosen[start : start + per_block]
        header = " " * (label_width + 2) + " ".join(p.name[:column].center(column) for p in block)
        lines += [header.rstrip(), " " * (label_width + 2) + " ".join("─" * column for _ in block)]
        for check in checks:
            title = check.title.get(language)
            title = title if len(title) <= label_width else title[: label_width - 1] + "…"
            row = [_cell(cells.get((p.key, check.id)), column, colour) for p in block]
            lines.append(f"{title:<{label_width}}  " + " ".join(row))
        lines.append("")
    lines.append(legend(language, colour=colour))
    return "\n".join(lines)


def _cell(result: CheckResult | None, column: int, colour: bool) -> str:  # noqa: FBT001
    if result is None:
        return " " * column
    return _paint(result.state, SYMBOL[result.state].center(column), colour)


def render_gaps(
    config: Config, results: Sequence[CheckResult], language: Language, *, colour: bool = False
) -> str:
    """One line per check that is not met or unknown, with its reason.

    Checks of one product that fail for the same reason (typically an unreadable Jira
    project) share one line, so that one cause does not drown the rest.
    """
    names = {p.key: p for p in config.products}
    grouped: dict[tuple[str, State, str], list[str]] = {}
    for result in results:
        if result.state not in {State.NOT_MET, State.UNKNOWN}:
            continue
        product = names[result.product]
        title = config.profile_for(product).check(result.check_id).title.get(language)
        reason = render(result.reason, language)
        grouped.setdefault((result.product, result.state, reason), []).append(title)
    lines = []
    for (product_key, state, reason), titles in grouped.items():
        mark = _paint(state, SYMBOL[state], colour)
        what = (
            titles[0]
            if len(titles) == 1
            else text("report.checks_count", language, count=len(titles), checks="; ".join(titles))
        )
        lines.append(f"{mark} {names[product_key].name} · {what}: {reason}")
    return "\n".join(lines)


def render_details(
    config: Config,
    results: Sequence[CheckResult],
    product: Product,
    language: Language,
    *,
    colour: bool = False,
) -> str:
    """Every check of one product with its reason, the other evidence, and links."""
    profile = config.profile_for(product)
    lines = [
        text(
            "report.product_header",
            language,
            name=product.name,
            project=product.jira.project,
            phase=text("term." + product.phase, language),
            level=product.level,
        )
    ]
    for result in (r for r in results if r.product == product.key):
        check = profile.check(result.check_id)
        mark = _paint(result.state, SYMBOL[result.state], colour)
        state = text("state." + result.state.value, language)
        lines.append(f"  {mark} {check.title.get(language)}: {state}")
        lines.append(f"      {render(result.reason, language)}")
        lines.extend(f"      {render(note, language)}" for note in result.notes)
        lines.extend(f"      → {ref.key} {ref.url}" for ref in result.evidence)
    return "\n".join(lines)


def render_markdown(config: Config, results: Sequence[CheckResult], language: Language) -> str:
    """A Markdown table (checks × products) and the gaps, for an issue or a wiki."""
    cells = _by_product(results)
    products = list(config.products)
    checks = config.profile_for(products[0]).checks if products else []
    lines = [
        "| " + text("report.check", language) + " | " + " | ".join(p.name for p in products) + " |",
        "|---|" + "---|" * len(products),
    ]
    for check in checks:
        row = [
            SYMBOL[cells[(p.key, check.id)].state] if (p.key, check.id) in cells else ""
            for p in products
        ]
        lines.append(f"| {check.title.get(language)} | " + " | ".join(row) + " |")
    lines += ["", legend(language), ""]
    gaps = render_gaps(config, results, language)
    if gaps:
        lines += [f"**{text('report.gaps', language)}**", ""]
        lines += [f"- {line}" for line in gaps.splitlines()]
    return "\n".join(lines)


def as_json(
    config: Config,
    results: Sequence[CheckResult],
    language: Language,
    *,
    generated: datetime,
    calls: dict[str, int] | None = None,
) -> dict[str, Any]:
    """Results with their evidence, per product, as plain JSON values."""
    products = []
    for product in config.products:
        profile = config.profile_for(product)
        product_results = [r for r in results if r.product == product.key]
        if not product_results:
            continue
        products.append(
            {
                "key": product.key,
                "name": product.name,
                "jira_project": product.jira.project,
                "phase": product.phase,
                "level": product.level,
                "results": [
                    {
                        "check": r.check_id,
                        "title": profile.check(r.check_id).title.get(language),
                        "category": profile.check(r.check_id).category,
                        "severity": profile.check(r.check_id).severity,
                        "state": r.state.value,
                        "reason": render(r.reason, language),
                        "notes": [render(n, language) for n in r.notes],
                        "evidence": [
                            {"key": e.key, "url": e.url, "summary": e.title} for e in r.evidence
                        ],
                    }
                    for r in product_results
                ],
            }
        )
    return {
        "generated": generated.isoformat(),
        "language": language,
        "profiles": {p.id: p.version for p in config.profiles.values()},
        "products": products,
        "jira_calls": calls or {},
    }


def render_json(
    config: Config,
    results: Sequence[CheckResult],
    language: Language,
    *,
    generated: datetime,
    calls: dict[str, int] | None = None,
) -> str:
    """as_json, serialised."""
    data = as_json(config, results, language, generated=generated, calls=calls)
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_stats(calls: dict[str, int], language: Language) -> str:
    """Jira calls by endpoint."""
    total = sum(calls.values())
    lines = [text("report.calls", language, total=total)]
    lines += [f"  {count:>4}  {endpoint}" for endpoint, count in sorted(calls.items())]
    return "\n".join(lines)
