# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The compliance report as HTML pages, from Jinja templates: the portfolio, and each product.

Autoescape is on: every value from the document (and so from Jira) is escaped by the
template engine, not by hand. A page loads nothing from elsewhere: no scripts, fonts or
styles. Dates, times and numbers are written for people by Babel (`messages.formats`), in
the configured timezone; the document itself keeps ISO 8601.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import jinja2

from os2bot.domain import HTML_COLOUR, TEXT_SYMBOL
from os2bot.messages import Language, formats, text
from os2bot.report import support
from os2bot.report.document import TASK_KINDS, ComplianceReport

TEMPLATE = "compliance_report.html.j2"
PRODUCT_TEMPLATE = "product_page.html.j2"


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


@dataclass(frozen=True)
class Formats:
    """Dates, times and counts for people, in the document's language and timezone."""

    language: Language
    tz: ZoneInfo
    today: date

    def day(self, value: str) -> str:
        """A day: 29. nov. 2026."""
        return formats.day(value, self.language, self.tz)

    def moment(self, value: str) -> str:
        """A day and a time: 29. nov. 2026 kl. 10.05."""
        return formats.moment(value, self.language, self.tz)

    def number(self, value: float) -> str:
        """A number: 12.345."""
        return formats.number(value, self.language)

    def days_since(self, value: str) -> int:
        """Whole days from *value* to the report's day."""
        found = formats.parse(value)
        if isinstance(found, datetime):
            found = found.astimezone(self.tz).date()
        return (self.today - found).days

    def counted(self, not_met: int, unknown: int) -> str:
        """The gaps counted in words: 3 ikke opfyldt, 2 ukendte (empty when none)."""
        parts = [
            text("count." + state, self.language, count=count)
            for state, count in (("not_met", not_met), ("unknown", unknown))
            if count
        ]
        return ", ".join(parts)


def _context(document: ComplianceReport) -> dict[str, Any]:
    language: Language = document["language"]
    tz = ZoneInfo(document["timezone"])
    f = Formats(language, tz, datetime.fromisoformat(document["generated"]).astimezone(tz).date())

    def t(key: str, **params: Any) -> str:
        return text(key, language, **params)

    def chart(points: list[dict[str, Any]], label: str, *, slug: str) -> dict[str, Any]:
        return trend_chart(points, label, slug=slug, language=language)

    words = {
        "agreement": lambda s: support.agreement_sentence(s, language, tz),
        "sla": lambda sla: support.sla_sentence(sla, language),
        "breaches": lambda sla: support.breaches_heading(sla, language),
        "card": lambda card: support.card_sentences(card, language, tz),
    }
    return {
        "doc": document,
        "support": words,
        "t": t,
        "f": f,
        "symbol": TEXT_SYMBOL,
        "colours": HTML_COLOUR,
        "trend": chart,
    }


def render_compliance_report(document: ComplianceReport, *, served: bool = False) -> str:
    """The portfolio page, risk first.

    Counts, the products most at risk, the matrix (a product a row), each product's gaps
    with their fixes, the trend and what changed.

    *served*: the page `os2bot run` serves at its root, linking each product's own page; a
    file links to the product's section in itself instead.
    """

    def href(key: str, *, page: bool = served) -> str:
        return f"produkt/{quote(key, safe='')}" if page else f"#p-{key}"

    return (
        _environment().get_template(TEMPLATE).render(served=served, href=href, **_context(document))
    )


def render_product_page(document: ComplianceReport, key: str, *, portfolio: str = "../") -> str:
    """One product's page; *portfolio* links back to the portfolio.

    Its status, gaps with fixes, open tasks by kind, waivers and their expiry, every check,
    its trend and its history.
    """
    product = next(p for p in document["products"] if p["key"] == key)
    return (
        _environment()
        .get_template(PRODUCT_TEMPLATE)
        .render(p=product, portfolio=portfolio, task_kinds=TASK_KINDS, **_context(document))
    )


LABELLED = 12  # up to this many points each carry their value; more, only first, last and ends


def trend_chart(
    points: list[dict[str, Any]],
    label: str,
    *,
    slug: str,
    language: Language = "da",
    width: int = 640,
    height: int = 220,
) -> dict[str, Any]:
    """Where a line of met shares per day goes on a chart with a date axis, and its values.

    Days are placed by date, so a gap in the history shows as one; each point carries its
    value (as a label, and as a title when there are many), and the description says them
    all, for a reader who cannot see the chart.
    """
    shown = [p for p in points if p["met_share"] is not None]
    left, right, top, bottom = 48, width - 24, 24, height - 34
    days = [date.fromisoformat(p["day"]) for p in shown]
    span = max((days[-1] - days[0]).days, 1) if days else 1

    def x(day: date) -> float:
        if len(days) == 1:
            return (left + right) / 2
        return left + (day - days[0]).days / span * (right - left)

    def y(share: float) -> float:
        return bottom - share * (bottom - top)

    values = [p["met_share"] for p in shown]
    ends = {0, len(shown) - 1}
    if values:
        ends |= {values.index(max(values)), values.index(min(values))}
    dots: list[dict[str, Any]] = [
        {
            "x": round(x(d), 1),
            "y": round(y(p["met_share"]), 1),
            "label_y": round(max(y(p["met_share"]) - 9, top - 8), 1),
            "title": f"{formats.day(d, language)}: {formats.percent(p['met_share'], language)}",
            "label": formats.percent(p["met_share"], language)
            if len(shown) <= LABELLED or n in ends
            else "",
        }
        for n, (d, p) in enumerate(zip(days, shown, strict=True))
    ]
    return {
        "slug": slug,
        "label": label,
        "description": "; ".join(str(dot["title"]) for dot in dots)
        or text("report.trend_empty", language),
        "empty": text("report.trend_empty", language),
        "width": width,
        "height": height,
        "left": left,
        "right": right,
        "top": top,
        "bottom": bottom,
        "grid": [(round(y(s), 1), formats.percent(s, language)) for s in (0, 0.5, 1)],
        "ticks": [(round(x(d), 1), formats.short_day(d, language)) for d in _ticks(days)],
        "line": " ".join(f"{dot['x']},{dot['y']}" for dot in dots) if len(dots) > 1 else "",
        "dots": dots,
    }


def _ticks(days: list[date], most: int = 6) -> list[date]:
    """Up to *most* days to name on the axis, evenly among those with a point, ends included."""
    if len(days) <= most:
        return days
    step = (len(days) - 1) / (most - 1)
    return [days[round(n * step)] for n in range(most)]
