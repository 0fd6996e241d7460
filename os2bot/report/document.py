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

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from os2bot.config import CheckDef, Config, Product, Profile
from os2bot.domain import (
    CheckResult,
    Msg,
    State,
    count_by_state,
    reminder_fingerprint,
)
from os2bot.messages import TEXTS, Language, render, said_by, text
from os2bot.messages.table import placeholders

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

SCHEMA_VERSION = "3"  # 2: risk first, grouped checks, dated meeting evidence; 3: support
MEETINGS = {"styregruppe": "steering_group", "koordinationsgruppe": "coordination_group"}


@dataclass(frozen=True)
class Point:
    """One run of the history: when, and every result by (product, check)."""

    run_id: str
    started: datetime
    results: dict[tuple[str, str], CheckResult]
    cards: dict[str, dict[str, Any]] = field(default_factory=dict)  # product -> card numbers

    def results_of(self, products: set[str]) -> list[CheckResult]:
        """The results of *products*."""
        return [r for (product, _check), r in self.results.items() if product in products]


def points_from_history(
    history: Sequence[tuple[str, str, Sequence[tuple[str, str, str, str, str, str]]]],
    cards: Mapping[str, Mapping[str, dict[str, Any]]] | None = None,
) -> list[Point]:
    """The state database's history as points, oldest first (*cards*: by run id, by product)."""
    cards = cards or {}
    return [
        Point(
            run_id,
            datetime.fromisoformat(started),
            {(row[0], row[1]): CheckResult.from_row(row) for row in rows},
            dict(cards.get(run_id, {})),
        )
        for run_id, started, rows in history
    ]


def point_from_results(
    run_id: str,
    started: datetime,
    results: Sequence[CheckResult],
    cards: Mapping[str, dict[str, Any]] | None = None,
) -> Point:
    """The current run as a point (a report without history)."""
    return Point(run_id, started, {(r.product, r.check_id): r for r in results}, dict(cards or {}))


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

    Risk first: the counts by state and the products most at risk come before the matrix.
    Every gap carries its reason, its fix, since when it has failed (from the history) and
    its open task. Trends have one point per day, the day's last run, in the configured
    timezone. Dates and times are ISO 8601; the renderers write them for people.
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
    daily = _daily(points, config)
    documented = [
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
            daily=daily,
        )
        for product in chosen
    ]
    latest_results = latest.results_of(keys) if latest else []
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": now.isoformat(),
        "language": language,
        "timezone": config.bot.timezone,
        "since": since.isoformat(),
        "runs": len(points),
        "first_run": points[0].started.isoformat() if points else None,
        "latest_run": latest.started.isoformat() if latest else None,
        "note": None
        if from_history and len(points) > 1
        else text(
            "report.note.no_history" if not from_history or not points else "report.note.one_run",
            language,
        ),
        "legend": {s.value: text("state." + s.value, language) for s in State},
        "profiles": ", ".join(f"{p.id} {p.version}" for p in config.profiles.values()),
        "summary": {s.value: n for s, n in count_by_state(latest_results).items()},
        "groups": [
            {"id": group, "title": text("report.group." + group, language), "checks": ids}
            for group, ids in _groups(checks).items()
        ],
        "checks": [
            {
                "id": c.id,
                "title": c.title.get(language),
                "short": c.label,
                "category": c.category,
                "group": group_of(c),
                "severity": c.severity,
                "fix": c.fix.get(language),
            }
            for c in checks
        ],
        "at_risk": _at_risk(documented),
        "products": documented,
        "portfolio_trend": [
            {
                "day": day.isoformat(),
                "run": p.run_id,
                "started": p.started.isoformat(),
                "met_share": _met_share(p.results_of(keys)),
                "counts": {s.value: n for s, n in count_by_state(p.results_of(keys)).items()},
            }
            for day, p in daily
        ],
        "changes": _changes(config, chosen, before, latest, language) if before else [],
    }


GROUPS = ("prerequisite", "funding", "videreudvikling", "faelles_drift", "fee", "requirement")
"""The groups of checks, in the order a reader meets them: what must be in place first, the
minimum funding, the two extensions of the agreement, the fee, OS2's requirements."""

SEVERITIES = {"high": 0, "medium": 1, "low": 2}


def group_of(check: CheckDef) -> str:
    """A check's group: its category, or for a funding item its agreement extension."""
    if check.category == "funding" and check.applies.extension is not None:
        return check.applies.extension
    return check.category


def _groups(checks: Sequence[CheckDef]) -> dict[str, list[str]]:
    """The check ids of each group that has any, in GROUPS order."""
    found: dict[str, list[str]] = {group: [] for group in GROUPS}
    for check in checks:
        found.setdefault(group_of(check), []).append(check.id)
    return {group: ids for group, ids in found.items() if ids}


def _daily(points: Sequence[Point], config: Config) -> list[tuple[date, Point]]:
    """One point per day in the configured timezone: the day's last run, oldest day first."""
    by_day: dict[date, Point] = {}
    for point in points:
        by_day[point.started.astimezone(config.bot.tz).date()] = point
    return sorted(by_day.items())


def _since(points: Sequence[Point], product: str, check: str) -> str | None:
    """When the check's latest state began, from the history kept.

    The first run of the unbroken streak in that state that reaches the latest run.
    """
    if not points or (product, check) not in points[-1].results:
        return None
    state = points[-1].results[(product, check)].state
    first = points[-1]
    for point in reversed(points):
        found = point.results.get((product, check))
        if found is None or found.state is not state:
            break
        first = point
    return first.started.isoformat()


def task_order(key: str) -> tuple[str, int]:
    """Sort key of an issue key: project, then number as a number (OS2FORMS-7 before -10)."""
    project, _, number = key.rpartition("-")
    return (project, int(number) if number.isdigit() else 0)


def _task_kind(product: Product, checks: Sequence[CheckDef], fp: str, summary: str) -> str:
    """What kind of task the bot opened.

    A gap's reminder, a round, a release, the secretariat's (a fee, an expiring agreement),
    or another.
    """
    if any(fp == reminder_fingerprint(product.key, c.id) for c in checks):
        return "gap"
    for kind, keys in TASK_TEXTS.items():
        if any(said_by(key, summary) for key in keys):
            return kind
    return "other"


TASK_KINDS = ("gap", "round", "release", "secretariat", "other")
"""The kinds of the bot's tasks, in the order a product's page lists them."""

GAP_STATES = (State.NOT_MET.value, State.UNKNOWN.value)
"""The states a gap is in: a check not met, or one that could not be judged."""

TASK_TEXTS = {
    "round": ("task.round.summary",),
    "release": ("task.release.summary",),
    "secretariat": ("task.fee.summary", "task.expiry.summary"),
}


def _at_risk(products: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Products with gaps, most serious first.

    By the severity of what is not met (high first), then by how long it has failed (longest
    first); products with unknowns only come last.
    """
    found = []
    for product in products:
        gaps = product["gaps"]
        if not gaps:
            continue
        failing = [g for g in gaps if g["state"] == State.NOT_MET.value]
        worst = min((SEVERITIES[g["severity"]] for g in failing), default=len(SEVERITIES))
        at_worst = [g for g in failing if SEVERITIES[g["severity"]] == worst] or gaps
        since = min((g["since"] for g in at_worst if g["since"]), default=None)
        found.append(
            {
                "product": product["key"],
                "name": product["name"],
                "severity": next(
                    (name for name, rank in SEVERITIES.items() if rank == worst), None
                ),
                "since": since,
                "not_met": len(failing),
                "unknown": len(gaps) - len(failing),
                "checks": [g["check"] for g in gaps],
            }
        )
    found.sort(key=lambda r: (SEVERITIES.get(r["severity"], 3), r["since"] or "~", r["name"]))
    return found


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
    daily: Sequence[tuple[date, Point]] = (),
) -> dict[str, Any]:
    profile = config.profile_for(product)
    open_tasks: list[dict[str, Any]] = sorted(
        (
            {
                "key": key,
                "url": link(key),
                "summary": summary,
                "kind": _task_kind(product, profile.checks, fp, summary),
                "check": next(
                    (c.id for c in profile.checks if fp == reminder_fingerprint(product.key, c.id)),
                    None,
                ),
            }
            for owner, key, fp, summary in tasks
            if owner == product.key
        ),
        key=lambda t: task_order(str(t["key"])),
    )
    cells: list[dict[str, Any]] = []
    for check in profile.checks:
        found = latest.results.get((product.key, check.id)) if latest else None
        state, reason, evidence = (
            (found.state, found.reason, found.evidence)
            if found
            else (State.UNKNOWN, Msg("report.no_result"), ())
        )
        task = next((t for t in open_tasks if t["check"] == check.id), None)
        cells.append(
            {
                "check": check.id,
                "state": state.value,
                "reason": _recorded(reason, language),
                "since": _since(points, product.key, check.id),
                "evidence": [
                    {"key": e.key, "url": e.url or browse + e.key, "summary": e.title}
                    for e in evidence
                ],
                "task": {"key": task["key"], "url": task["url"], "summary": task["summary"]}
                if task
                else None,
            }
        )
    order = {c.id: n for n, c in enumerate(profile.checks)}
    gaps: list[dict[str, Any]] = sorted(
        (
            {
                **cell,
                "title": profile.check(cell["check"]).title.get(language),
                "severity": profile.check(cell["check"]).severity,
                "fix": profile.check(cell["check"]).fix.get(language),
            }
            for cell in cells
            if cell["state"] in GAP_STATES
        ),
        key=lambda g: (
            g["state"] != State.NOT_MET.value,
            SEVERITIES[g["severity"]],
            order[g["check"]],
        ),
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
            group: _meeting(latest, product.key, check, config.bot.tz)
            for check, group in MEETINGS.items()
        },
        "open_tasks": open_tasks,
        "waivers": [
            {
                "check": w.check,
                "title": _title(profile, w.check, language),
                "reason": w.reason,
                "approver": w.approver,
                "expires": w.expires.isoformat(),
                "active": w.expires >= today,
            }
            for w in product.waivers
        ],
        "counts": {
            s.value: n
            for s, n in count_by_state(
                [r for (owner, _c), r in latest.results.items() if owner == product.key]
                if latest
                else []
            ).items()
        },
        "gaps": gaps,
        "cells": cells,
        "trend": [
            {
                "day": day.isoformat(),
                "run": p.run_id,
                "started": p.started.isoformat(),
                "met_share": _met_share(p.results_of({product.key})),
            }
            for day, p in daily
        ],
        "history": _history(profile, product.key, points, language),
        "support": _support(product, points, latest, language, browse),
    }


SLA_MEASURED = ("reason.sla.kept", "reason.sla.not_kept", "reason.sla.no_issues")
"""The SLA check's reasons that carry its numbers (the others say why it was not measured)."""


def _support(
    product: Product,
    points: Sequence[Point],
    latest: Point | None,
    language: Language,
    browse: str,
) -> dict[str, Any] | None:
    """Joint support: the agreement, the SLA as the latest run judged it, the hours card.

    The SLA comes from the latest run's SLA check (its reason's numbers, its breaches as
    evidence); the card from the newest run that read it (`recorded` says when).
    """
    support = product.support
    if support is None:
        return None
    found = next(
        (
            r
            for (owner, _check), r in sorted((latest.results if latest else {}).items())
            if owner == product.key and r.reason.key.startswith("reason.sla.")
        ),
        None,
    )
    sla: dict[str, Any] | None = None
    if found is not None:
        params = found.reason.params if found.reason.key in SLA_MEASURED else {}
        share = params.get("share")
        sla = {
            "check": found.check_id,
            "state": found.state.value,
            "reason": _recorded(found.reason, language),
            "kept": params.get("kept", 0 if params else None),
            "count": params.get("count", 0 if params else None),
            "share": share,
            "threshold": params.get("threshold"),
            "days": params.get("days"),
            "breaches": [
                {"key": e.key, "url": e.url or browse + e.key, "summary": e.title}
                for e in found.evidence
            ],
        }
    card: dict[str, Any] | None = None
    if support.card is not None:
        recorded = next((p for p in reversed(points) if product.key in p.cards), None)
        if recorded is not None:
            card = {**recorded.cards[product.key], "recorded": recorded.started.isoformat()}
    return {
        "supplier": support.agreement.supplier,
        "expires": support.agreement.expires.isoformat(),
        "sla": sla,
        "card_declared": support.card is not None,
        "card": card,
    }


def _title(profile: Profile, check: str, language: Language) -> str:
    """A check's title, or its id when the profile no longer has it."""
    found = next((c for c in profile.checks if c.id == check), None)
    return found.title.get(language) if found else check


HISTORY_SHOWN = 30  # the newest changes a product's history shows


def _history(
    profile: Profile, product: str, points: Sequence[Point], language: Language
) -> list[dict[str, Any]]:
    """Every change of a check's state over the history, newest first."""
    found = []
    for older, newer in itertools.pairwise(points):
        for check in profile.checks:
            old = older.results.get((product, check.id))
            new = newer.results.get((product, check.id))
            if old and new and old.state is not new.state:
                found.append(
                    {
                        "when": newer.started.isoformat(),
                        "check": check.id,
                        "title": check.title.get(language),
                        "before": old.state.value,
                        "after": new.state.value,
                    }
                )
    return found[::-1][:HISTORY_SHOWN]


def _meeting(latest: Point | None, product: str, check: str, tz: ZoneInfo) -> dict[str, str] | None:
    """The newest meeting the check rests on: its dated evidence, the day in *tz*.

    The date is the evidence's own, never read from the wording of a reason (a declared group
    is met by a reason without a date, with its meeting as evidence).
    """
    found = latest.results.get((product, check)) if latest else None
    dated = [(_day(e.date, tz), e) for e in (found.evidence if found else ()) if e.date is not None]
    if not dated:
        return None
    day, newest = max(dated, key=lambda pair: pair[0])
    return {"date": day.isoformat(), "key": newest.key, "url": newest.url, "summary": newest.title}


def _day(value: datetime | date, tz: ZoneInfo) -> date:
    """The calendar day of an evidence date in *tz*."""
    return value.astimezone(tz).date() if isinstance(value, datetime) else value


def _recorded(reason: Msg, language: Language) -> str:
    """A reason as recorded, in today's words; a value its text has come to name since is a dash.

    History outlives texts: a run recorded before a reason named one more value must not
    break the report.
    """
    try:
        return render(reason, language)
    except KeyError:
        entry = TEXTS.get(reason.key)
        if entry is None:
            return reason.key
        missing = placeholders(entry[language]) - set(reason.params)
        return render(Msg(reason.key, dict.fromkeys(missing, "-") | reason.params), language)


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
