# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The secretariat's compliance report: every product against every check, with history.

`build` turns the run history (or, without one, the current run) into one JSON document —
described by `docs/report.schema.json` — and the HTML, Markdown and CSV renderings are drawn
from that same document, so every format says the same.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from os2bot.calendar import next_round
from os2bot.config import Config, Product
from os2bot.domain import CheckResult, Evidence, Msg, State
from os2bot.messages import Language, render, text

SCHEMA_VERSION = "1"
SYMBOL = {"met": "✔", "not_met": "✘", "unknown": "?", "not_applicable": "·", "waived": "≈"}
COLOUR = {  # text on white with at least 4.5:1 contrast (WCAG AA)
    "met": "#1b6e2a",
    "not_met": "#b00020",
    "unknown": "#8a5a00",
    "not_applicable": "#555555",
    "waived": "#0b5e8a",
}
MEETINGS = {"styregruppe": "steering_group", "koordinationsgruppe": "coordination_group"}


@dataclass(frozen=True)
class Point:
    """One run of the history: when, and every result."""

    run_id: str
    started: datetime
    results: dict[tuple[str, str], tuple[str, Msg, list[Evidence]]]  # state, reason, evidence


def points_from_history(
    history: Sequence[tuple[str, str, Sequence[tuple[str, str, str, str, str, str]]]],
) -> list[Point]:
    """The state database's history as points, oldest first."""
    return [
        Point(
            run_id,
            datetime.fromisoformat(started),
            {
                (product, check): (state, Msg(key, json.loads(params)), _evidence(evidence))
                for product, check, state, key, params, evidence in rows
            },
        )
        for run_id, started, rows in history
    ]


def _evidence(recorded: str) -> list[Evidence]:
    """Evidence as history keeps it; runs recorded before references kept Jira keys only."""
    return [
        Evidence(source="jira", key=item, title="", url="")
        if isinstance(item, str)
        else Evidence(source=item["source"], key=item["key"], title=item["title"], url=item["url"])
        for item in json.loads(recorded)
    ]


def point_from_results(run_id: str, started: datetime, results: Sequence[CheckResult]) -> Point:
    """The current run as a point (a report without history)."""
    return Point(
        run_id,
        started,
        {(r.product, r.check_id): (r.state.value, r.reason, list(r.evidence)) for r in results},
    )


def build(
    config: Config,
    points: Sequence[Point],
    *,
    now: datetime,
    language: Language,
    since: datetime,
    jira_url: str,
    tasks: Sequence[tuple[str, str, str, str]] = (),
    from_history: bool = True,
    products: Sequence[Product] | None = None,
) -> dict[str, Any]:
    """The report as a JSON document (see docs/report.schema.json)."""
    chosen = list(products if products is not None else config.products)
    today = now.astimezone(config.bot.tz).date()
    latest = points[-1] if points else None
    before = next((p for p in reversed(points) if p.started <= since), None)
    checks = config.profile_for(chosen[0]).checks if chosen else []
    browse = jira_url.rstrip("/") + "/browse/"
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "generated": now.isoformat(),
        "language": language,
        "since": since.isoformat(),
        "runs": len(points),
        "note": None
        if from_history and len(points) > 1
        else text(
            "report.note.no_history" if not from_history or not points else "report.note.one_run",
            language,
        ),
        "legend": {s.value: text("state." + s.value, language) for s in State},
        "checks": [
            {
                "id": c.id,
                "title": c.title.get(language),
                "category": c.category,
                "severity": c.severity,
            }
            for c in checks
        ],
        "products": [
            _product(
                config,
                product,
                points,
                latest,
                language=language,
                today=today,
                browse=browse,
                tasks=tasks,
            )
            for product in chosen
        ],
        "portfolio_trend": [
            {
                "run": p.run_id,
                "started": p.started.isoformat(),
                "met_share": _share(p, {x.key for x in chosen}),
                "counts": _counts(p, chosen),
            }
            for p in points
        ],
        "changes": _changes(config, chosen, before, latest, language) if before else [],
    }
    return document


def _product(
    config: Config,
    product: Product,
    points: Sequence[Point],
    latest: Point | None,
    *,
    language: Language,
    today: date,
    browse: str,
    tasks: Sequence[tuple[str, str, str, str]],
) -> dict[str, Any]:
    profile = config.profile_for(product)
    cells = []
    for check in profile.checks:
        found = latest.results.get((product.key, check.id)) if latest else None
        state, reason, evidence = found or ("unknown", Msg("report.no_result"), [])
        cells.append(
            {
                "check": check.id,
                "state": state,
                "reason": render(reason, language),
                "evidence": [
                    {"key": e.key, "url": e.url or browse + e.key, "summary": e.title}
                    for e in evidence
                ],
            }
        )
    agreement = product.agreement
    rounds = product.prioritisation
    return {
        "key": product.key,
        "name": product.name,
        "jira_project": product.jira.project,
        "phase": product.phase,
        "level": product.level,
        "agreement": {
            "signed": agreement.signed.isoformat() if agreement.signed else None,
            "expires": agreement.expires.isoformat() if agreement.expires else None,
            "days_left": (agreement.expires - today).days if agreement.expires else None,
            "extensions": list(agreement.extensions),
        }
        if agreement
        else None,
        "next_round": next_round(
            today, months=tuple(rounds.months), day=rounds.day, cron=rounds.cron, tz=config.bot.tz
        ).isoformat()
        if rounds
        else None,
        "last_meetings": {
            group: _meeting_date(latest, product.key, check) for check, group in MEETINGS.items()
        },
        "open_tasks": [
            {"key": key, "url": browse + key, "summary": summary}
            for owner, key, _fp, summary in tasks
            if owner == product.key
        ],
        "waivers": [
            {
                "check": w.check,
                "reason": w.reason,
                "approver": w.approver,
                "expires": w.expires.isoformat(),
                "active": w.expires >= today,
            }
            for w in product.waivers
        ],
        "cells": cells,
        "trend": [
            {
                "run": p.run_id,
                "started": p.started.isoformat(),
                "met_share": _share(p, {product.key}),
            }
            for p in points
        ],
    }


def _meeting_date(latest: Point | None, product: str, check: str) -> str | None:
    """The newest meeting the check found (its reason names the date), if any."""
    if latest is None or (product, check) not in latest.results:
        return None
    _state, reason, _evidence = latest.results[(product, check)]
    value = reason.params.get("date")
    return str(value) if value else None


def _share(point: Point, products: set[str]) -> float | None:
    """Met checks as a share of those that count: not applicable and waived ones do not."""
    states = [s for (p, _c), (s, _r, _e) in point.results.items() if p in products]
    uncounted = {State.NOT_APPLICABLE.value, State.WAIVED.value}
    applicable = [s for s in states if s not in uncounted]
    if not applicable:
        return None
    return round(sum(1 for s in applicable if s == State.MET.value) / len(applicable), 4)


def _counts(point: Point, products: Sequence[Product]) -> dict[str, int]:
    keys = {p.key for p in products}
    counts = {s.value: 0 for s in State}
    for (product, _check), (state, _reason, _evidence) in point.results.items():
        if product in keys:
            counts[state] += 1
    return counts


def _changes(
    config: Config,
    products: Sequence[Product],
    before: Point,
    latest: Point | None,
    language: Language,
) -> list[dict[str, Any]]:
    if latest is None:
        return []
    found = []
    for product in products:
        for check in config.profile_for(product).checks:
            old = before.results.get((product.key, check.id))
            new = latest.results.get((product.key, check.id))
            if old and new and old[0] != new[0]:
                found.append(
                    {
                        "product": product.key,
                        "product_name": product.name,
                        "check": check.id,
                        "title": check.title.get(language),
                        "before": old[0],
                        "after": new[0],
                        "direction": "better"
                        if new[0] == State.MET.value
                        else "worse"
                        if new[0] == State.NOT_MET.value
                        else "other",
                    }
                )
    return found


# ---------------------------------------------------------------------------- renderings


def to_json(document: dict[str, Any]) -> str:
    """The document itself, as described by docs/report.schema.json."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(document: dict[str, Any]) -> str:
    """One row per product × check."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["product", "product_name", "check", "title", "state", "reason", "evidence"])
    titles = {c["id"]: c["title"] for c in document["checks"]}
    for product in document["products"]:
        for cell in product["cells"]:
            writer.writerow(
                [
                    product["key"],
                    product["name"],
                    cell["check"],
                    titles.get(cell["check"], ""),
                    cell["state"],
                    cell["reason"],
                    " ".join(e["key"] for e in cell["evidence"]),
                ]
            )
    return out.getvalue()


def to_markdown(document: dict[str, Any]) -> str:
    """The matrix and the changes as Markdown."""
    language: Language = document["language"]
    products = document["products"]
    lines = [f"# {text('report.title', language)}", ""]
    if document["note"]:
        lines += [f"> {document['note']}", ""]
    lines.append(
        "| "
        + text("report.check", language)
        + " | "
        + " | ".join(p["name"] for p in products)
        + " |"
    )
    lines.append("|---|" + "---|" * len(products))
    for index, check in enumerate(document["checks"]):
        row = [SYMBOL[p["cells"][index]["state"]] for p in products]
        lines.append(f"| {check['title']} | " + " | ".join(row) + " |")
    lines += ["", "  ".join(f"{SYMBOL[k]} {v}" for k, v in document["legend"].items()), ""]
    lines += [f"## {text('report.changes', language)}", ""]
    lines += [
        f"- {c['product_name']} · {c['title']}: {document['legend'][c['before']]} → "
        f"{document['legend'][c['after']]}"
        for c in document["changes"]
    ] or [text("report.no_changes", language)]
    return "\n".join(lines) + "\n"


def _svg_trend(
    points: list[dict[str, Any]], label: str, *, slug: str, width: int = 560, height: int = 140
) -> str:
    """A line of met shares per run, as inline SVG with a text alternative."""
    values = [p["met_share"] for p in points if p["met_share"] is not None]
    description = ", ".join(
        f"{p['started'][:10]}: {round(p['met_share'] * 100)} %"
        for p in points
        if p["met_share"] is not None
    )
    pad = 24
    if not values:
        coords = ""
    elif len(values) == 1:
        y = height - pad - values[0] * (height - 2 * pad)
        coords = f"{pad},{y:.1f} {width - pad},{y:.1f}"
    else:
        step = (width - 2 * pad) / (len(values) - 1)
        coords = " ".join(
            f"{pad + i * step:.1f},{height - pad - v * (height - 2 * pad):.1f}"
            for i, v in enumerate(values)
        )
    dots = (
        "".join(
            f'<circle cx="{c.split(",")[0]}" cy="{c.split(",")[1]}" r="3" fill="#0b5e8a"/>'
            for c in coords.split()
        )
        if len(values) > 1
        else ""
    )
    return (
        f'<svg class="trend" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="t-{slug} d-{slug}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="t-{slug}">{html.escape(label)}</title>'
        f'<desc id="d-{slug}">{html.escape(description)}</desc>'
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" '
        'stroke="#555"/>'
        f'<line x1="{pad}" y1="{pad}" x2="{width - pad}" y2="{pad}" stroke="#ccc" '
        'stroke-dasharray="4"/>'
        f'<text x="{pad}" y="{pad - 6}" font-size="11" fill="#333">100 %</text>'
        f'<text x="{pad}" y="{height - 6}" font-size="11" fill="#333">0 %</text>'
        + (
            f'<polyline points="{coords}" fill="none" stroke="#0b5e8a" stroke-width="2"/>'
            if coords
            else ""
        )
        + dots
        + "</svg>"
    )


_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;
margin:0;padding:1rem;max-width:80rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;min-width:100%}
th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top;text-align:left}
thead th{background:#f0f0f0;position:sticky;top:0}
td.s{text-align:center;font-weight:bold;font-size:1.1rem}
.met{color:#1b6e2a}.not_met{color:#b00020}.unknown{color:#8a5a00}.not_applicable{color:#555}.waived{color:#0b5e8a}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.note{background:#fff4d6;border-left:4px solid #8a5a00;padding:.5rem .8rem}
.legend span{margin-right:1rem}small{color:#444}
a{color:#0b4f8a}svg.trend{max-width:42rem;height:auto;display:block}
@media (max-width:40rem){body{padding:.5rem;font-size:14px}}
"""


def to_html(document: dict[str, Any]) -> str:
    """One self-contained HTML page: no scripts, fonts or styles from elsewhere."""
    language: Language = document["language"]
    legend = document["legend"]
    e = html.escape
    products = document["products"]
    head = "".join(f'<th scope="col">{e(p["name"])}</th>' for p in products)
    rows = []
    for index, check in enumerate(document["checks"]):
        cells = []
        for product in products:
            cell = product["cells"][index]
            links = " ".join(f'<a href="{e(x["url"])}">{e(x["key"])}</a>' for x in cell["evidence"])
            cells.append(
                f'<td class="s {cell["state"]}" title="{e(cell["reason"])}">'
                f'<span aria-hidden="true">{SYMBOL[cell["state"]]}</span>'
                f'<span class="sr">{e(legend[cell["state"]])}: {e(cell["reason"])}</span>'
                + (f"<br><small>{links}</small>" if links else "")
                + "</td>"
            )
        rows.append(f'<tr><th scope="row">{e(check["title"])}</th>{"".join(cells)}</tr>')
    legend_html = "".join(
        f'<span class="{k}"><span aria-hidden="true">{SYMBOL[k]}</span> {e(v)}</span>'
        for k, v in legend.items()
    )
    changes = (
        "".join(
            f"<li>{e(c['product_name'])} · {e(c['title'])}: {e(legend[c['before']])} → "
            f'<span class="{c["after"]}">{e(legend[c["after"]])}</span></li>'
            for c in document["changes"]
        )
        or f"<li>{e(text('report.no_changes', language))}</li>"
    )
    sections = "".join(_product_section(p, language) for p in products)
    note = f'<p class="note">{e(document["note"])}</p>' if document["note"] else ""
    when = document["generated"][:16].replace("T", " ")
    generated = text("report.generated", language, when=when, runs=document["runs"])
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(text("report.title", language))}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{e(text("report.title", language))}</h1>
<p>{e(generated)}</p>
{note}
<h2 id="matrix">{e(text("report.matrix", language))}</h2>
<div class="scroll"><table>
<caption>{e(text("report.matrix_caption", language))}</caption>
<thead><tr><th scope="col">{e(text("report.check", language))}</th>{head}</tr></thead>
<tbody>{"".join(rows)}</tbody>
</table></div>
<p class="legend" id="legend">{legend_html}</p>
<h2 id="trend">{e(text("report.trend", language))}</h2>
{_svg_trend(document["portfolio_trend"], text("report.trend_label", language), slug="all")}
<h2>{e(text("report.changes", language))}</h2>
<ul>{changes}</ul>
{sections}
</body>
</html>
"""


def _product_section(product: dict[str, Any], language: Language) -> str:
    e = html.escape
    agreement = product["agreement"]
    facts = [
        (text("report.level", language), product["level"]),
        (text("report.phase", language), text("term." + product["phase"], language)),
        (
            text("report.agreement", language),
            text(
                "report.agreement_value",
                language,
                signed=agreement["signed"] or "-",
                expires=agreement["expires"] or "-",
            )
            if agreement
            else text("report.no_agreement", language),
        ),
        (text("report.last_sg", language), product["last_meetings"]["steering_group"] or "-"),
        (text("report.last_kg", language), product["last_meetings"]["coordination_group"] or "-"),
        (text("report.next_round", language), product["next_round"] or "-"),
    ]
    tasks = (
        "".join(
            f'<li><a href="{e(t["url"])}">{e(t["key"])}</a> {e(t["summary"])}</li>'
            for t in product["open_tasks"]
        )
        or f"<li>{e(text('chat.status.no_tasks', language))}</li>"
    )
    waivers = "".join(
        f"<li>{e(w['check'])}: {e(w['reason'])} ({e(w['approver'])}, "
        f"{e(text('report.until', language))} {e(w['expires'])}"
        f"{'' if w['active'] else ' — ' + e(text('report.expired', language))})</li>"
        for w in product["waivers"]
    )
    return (
        f'<section aria-labelledby="p-{e(product["key"])}">'
        f'<h2 id="p-{e(product["key"])}">{e(product["name"])} ({e(product["jira_project"])})</h2>'
        "<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{e(str(v))}</dd>" for k, v in facts) + "</dl>"
        f"<h3>{e(text('chat.status.tasks', language))}</h3><ul>{tasks}</ul>"
        + (f"<h3>{e(text('report.waivers', language))}</h3><ul>{waivers}</ul>" if waivers else "")
        + _svg_trend(
            product["trend"],
            text("report.trend_product", language, product=product["name"]),
            slug=product["key"],
            height=100,
        )
        + "</section>"
    )
