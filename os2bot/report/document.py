# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The two documents every report is drawn from: a run's results, and the compliance report.

`build_run_results` turns one run's check results into `RunResults`, which `os2bot check`
shows as a matrix, as Markdown or as JSON. `build_compliance_report` turns the run history
(or, without one, the current run as its only point) into the secretariat's compliance report:
a JSON document described by `docs/report.schema.json`, shown as HTML, Markdown, JSON or CSV.
Each is built once, and every format renders that same document, so every format says the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from os2bot.config import CheckDef, Config, Product
from os2bot.domain import CheckResult, Evidence, Msg, State, count_by_state
from os2bot.messages import Language, render, text

# ------------------------------------------------------------------------- a run's results


@dataclass(frozen=True)
class Link:
    """A link to what a result rests on."""

    key: str
    url: str
    summary: str


@dataclass(frozen=True)
class ResultLine:
    """One check's result for one product, in the document's language."""

    check: str
    title: str
    category: str
    severity: str
    state: State
    reason: str
    notes: tuple[str, ...]
    evidence: tuple[Link, ...]


@dataclass(frozen=True)
class ProductResults:
    """One product and its results."""

    key: str
    name: str
    jira_project: str
    phase: str
    level: str
    results: tuple[ResultLine, ...]


@dataclass(frozen=True)
class Row:
    """A row of the matrix: one check."""

    check: str
    title: str


@dataclass(frozen=True)
class Gap:
    """Checks of one product that are not met or unknown for one and the same reason."""

    product: str  # the product's name
    state: State
    reason: str
    titles: tuple[str, ...]


@dataclass(frozen=True)
class RunResults:
    """What one run found, ready for the terminal, Markdown and JSON."""

    generated: datetime
    language: Language
    profiles: dict[str, str]  # profile id -> version
    rows: tuple[Row, ...]  # the checks of the first product's profile
    products: tuple[ProductResults, ...]  # every configured product, those without results too
    gaps: tuple[Gap, ...]
    jira_calls: dict[str, int]

    def state(self, product: str, check: str) -> State | None:
        """The state of *check* for *product*, if the run judged it."""
        return self._states.get((product, check))

    @cached_property
    def _states(self) -> dict[tuple[str, str], State]:
        return {(p.key, r.check): r.state for p in self.products for r in p.results}


def build_run_results(
    config: Config,
    results: Sequence[CheckResult],
    language: Language,
    *,
    generated: datetime,
    calls: dict[str, int] | None = None,
) -> RunResults:
    """*results* of one run as a document, per configured product."""
    products = tuple(
        ProductResults(
            key=product.key,
            name=product.name,
            jira_project=product.project,
            phase=product.phase,
            level=product.level,
            results=tuple(
                _result_line(config.profile_for(product).check(r.check_id), r, language)
                for r in results
                if r.product == product.key
            ),
        )
        for product in config.products
    )
    checks = config.profile_for(config.products[0]).checks if config.products else []
    return RunResults(
        generated=generated,
        language=language,
        profiles={p.id: p.version for p in config.profiles.values()},
        rows=tuple(Row(c.id, c.title.get(language)) for c in checks),
        products=products,
        gaps=_gaps(products),
        jira_calls=dict(calls or {}),
    )


def _result_line(check: CheckDef, result: CheckResult, language: Language) -> ResultLine:
    return ResultLine(
        check=result.check_id,
        title=check.title.get(language),
        category=check.category,
        severity=check.severity,
        state=result.state,
        reason=render(result.reason, language),
        notes=tuple(render(n, language) for n in result.notes),
        evidence=tuple(Link(e.key, e.url, e.title) for e in result.evidence),
    )


def _gaps(products: Iterable[ProductResults]) -> tuple[Gap, ...]:
    """Not met and unknown results, one gap per product, state and reason.

    Checks of one product that fail for the same reason (typically an unreadable Jira
    project) share one gap, so that one cause does not drown the rest.
    """
    grouped: dict[tuple[str, State, str], Gap] = {}
    for product in products:
        for line in product.results:
            if line.state not in {State.NOT_MET, State.UNKNOWN}:
                continue
            gap = grouped.get((product.key, line.state, line.reason))
            titles = (*gap.titles, line.title) if gap else (line.title,)
            grouped[(product.key, line.state, line.reason)] = Gap(
                product.name, line.state, line.reason, titles
            )
    return tuple(grouped.values())


# ----------------------------------------------------------------- the compliance report

# The compliance report is the JSON document that docs/report.schema.json describes.
ComplianceReport = dict[str, Any]

SCHEMA_VERSION = "1"
MEETINGS = {"styregruppe": "steering_group", "koordinationsgruppe": "coordination_group"}


@dataclass(frozen=True)
class Point:
    """One run of the history: when, and every result by (product, check)."""

    run_id: str
    started: datetime
    results: dict[tuple[str, str], CheckResult]

    def results_of(self, products: set[str]) -> list[CheckResult]:
        """The results of *products*."""
        return [r for (product, _check), r in self.results.items() if product in products]


def points_from_history(
    history: Sequence[tuple[str, str, Sequence[tuple[str, str, str, str, str, str]]]],
) -> list[Point]:
    """The state database's history as points, oldest first."""
    return [
        Point(
            run_id,
            datetime.fromisoformat(started),
            {
                (product, check): CheckResult(
                    product=product,
                    check_id=check,
                    state=State(state),
                    reason=Msg(key, json.loads(params)),
                    evidence=_evidence(evidence),
                )
                for product, check, state, key, params, evidence in rows
            },
        )
        for run_id, started, rows in history
    ]


def _evidence(recorded: str) -> tuple[Evidence, ...]:
    """Evidence as history keeps it; runs recorded before references kept Jira keys only."""
    return tuple(
        Evidence(source="jira", key=item, title="", url="")
        if isinstance(item, str)
        else Evidence(source=item["source"], key=item["key"], title=item["title"], url=item["url"])
        for item in json.loads(recorded)
    )


def point_from_results(run_id: str, started: datetime, results: Sequence[CheckResult]) -> Point:
    """The current run as a point (a report without history)."""
    return Point(run_id, started, {(r.product, r.check_id): r for r in results})


def build_compliance_report(
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
    task_url: Callable[[str], str] | None = None,
) -> ComplianceReport:
    """The compliance report over *points*, oldest first (see docs/report.schema.json).

    *task_url* links a task by its key wherever it lives (a Jira issue, a GitHub issue);
    without it, tasks are linked as Jira issues under *jira_url*.
    """
    chosen = list(products if products is not None else config.products)
    today = now.astimezone(config.bot.tz).date()
    latest = points[-1] if points else None
    before = next((p for p in reversed(points) if p.started <= since), None)
    checks = config.profile_for(chosen[0]).checks if chosen else []
    browse = jira_url.rstrip("/") + "/browse/"
    link = task_url or (lambda key: browse + key)
    keys = {p.key for p in chosen}
    return {
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
                link=link,
                tasks=tasks,
            )
            for product in chosen
        ],
        "portfolio_trend": [
            {
                "run": p.run_id,
                "started": p.started.isoformat(),
                "met_share": _met_share(p.results_of(keys)),
                "counts": {s.value: n for s, n in count_by_state(p.results_of(keys)).items()},
            }
            for p in points
        ],
        "changes": _changes(config, chosen, before, latest, language) if before else [],
    }


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
    link: Callable[[str], str],
) -> dict[str, Any]:
    profile = config.profile_for(product)
    cells = []
    for check in profile.checks:
        found = latest.results.get((product.key, check.id)) if latest else None
        state, reason, evidence = (
            (found.state, found.reason, found.evidence)
            if found
            else (State.UNKNOWN, Msg("report.no_result"), ())
        )
        cells.append(
            {
                "check": check.id,
                "state": state.value,
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
        "jira_project": product.project,
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
        "next_round": rounds.next_round(today, config.bot.tz).isoformat() if rounds else None,
        "last_meetings": {
            group: _meeting_date(latest, product.key, check) for check, group in MEETINGS.items()
        },
        "open_tasks": [
            {"key": key, "url": link(key), "summary": summary}
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
                "met_share": _met_share(p.results_of({product.key})),
            }
            for p in points
        ],
    }


def _meeting_date(latest: Point | None, product: str, check: str) -> str | None:
    """The newest meeting the check found (its reason names the date), if any."""
    if latest is None or (product, check) not in latest.results:
        return None
    value = latest.results[(product, check)].reason.params.get("date")
    return str(value) if value else None


def _met_share(results: Iterable[CheckResult]) -> float | None:
    """Met checks as a share of those that count: not applicable and waived ones do not."""
    counts = count_by_state(results)
    applicable = sum(counts.values()) - counts[State.NOT_APPLICABLE] - counts[State.WAIVED]
    if not applicable:
        return None
    return round(counts[State.MET] / applicable, 4)


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
            if old and new and old.state != new.state:
                found.append(
                    {
                        "product": product.key,
                        "product_name": product.name,
                        "check": check.id,
                        "title": check.title.get(language),
                        "before": old.state.value,
                        "after": new.state.value,
                        "direction": "better"
                        if new.state is State.MET
                        else "worse"
                        if new.state is State.NOT_MET
                        else "other",
                    }
                )
    return found
