# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The compliance report as one self-contained HTML page, from a Jinja template.

Autoescape is on: every value from the document (and so from Jira) is escaped by the
template engine, not by hand. The page loads nothing from elsewhere: no scripts, fonts or styles.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from os2bot.domain import HTML_COLOUR, TEXT_SYMBOL
from os2bot.messages import Language, text
from os2bot.report.document import ComplianceReport

TEMPLATE = "compliance_report.html.j2"


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("os2bot.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a misspelt name fails the render, not the reader
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_compliance_report(document: ComplianceReport) -> str:
    """The matrix with evidence links, legend, trend, changes and a section per product."""
    language: Language = document["language"]

    def t(key: str, **params: Any) -> str:
        return text(key, language, **params)

    return (
        _environment()
        .get_template(TEMPLATE)
        .render(doc=document, t=t, symbol=TEXT_SYMBOL, colours=HTML_COLOUR, trend=trend_chart)
    )


def trend_chart(
    points: list[dict[str, Any]], label: str, *, slug: str, width: int = 560, height: int = 140
) -> dict[str, Any]:
    """Where a line of met shares per run goes on a chart, and its text alternative."""
    shown = [p for p in points if p["met_share"] is not None]
    values = [p["met_share"] for p in shown]
    pad = 24
    if not values:
        coords = []
    elif len(values) == 1:
        y = f"{height - pad - values[0] * (height - 2 * pad):.1f}"
        coords = [(str(pad), y), (str(width - pad), y)]
    else:
        step = (width - 2 * pad) / (len(values) - 1)
        coords = [
            (f"{pad + i * step:.1f}", f"{height - pad - v * (height - 2 * pad):.1f}")
            for i, v in enumerate(values)
        ]
    return {
        "slug": slug,
        "label": label,
        "description": ", ".join(
            f"{p['started'][:10]}: {round(p['met_share'] * 100)} %" for p in shown
        ),
        "width": width,
        "height": height,
        "pad": pad,
        "line": " ".join(f"{x},{y}" for x, y in coords),
        "dots": coords if len(values) > 1 else [],
    }
