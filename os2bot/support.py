# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Joint support, pure: support issues and worklogs as read, support hours, the SLA, the card.

Time towards an SLA counts in support hours only: the hours of the product's support day
(e.g. 8-16) on Danish working days (public holidays from the `holidays` package and the
configured closed days). A term in working days is that many support days' hours.

The hours card (klippekort) counts the worklogs of the issues that draw on it, started in its
period; the burn rate is the hours logged in the last 8 weeks, and the card runs out when the
hours left are used at that rate.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from os2bot.calendar import DEFAULT_CLOSED, is_working_day

if TYPE_CHECKING:
    from os2bot.config import Product
    from os2bot.domain import Snapshot

BURN_WEEKS = 8  # the burn rate is measured over this many weeks
CARD_WARN_SHARE = 0.75  # a task for the secretariat once this share of the card is used
_MAX_DAYS = 3 * 366  # the longest stretch support hours are counted over


@dataclass(frozen=True)
class Selector:
    """Which issues of a project: any of these labels, components or issue types."""

    labels: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    issue_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class SupportAsk:
    """What one product's support needs read: its support issues since a day, its card's issues."""

    project: str
    issues: Selector
    since: date  # support issues created on or after this day (the SLA's window)
    card: Selector | None = None  # issues that draw on the card, if it has one


@dataclass(frozen=True)
class SupportIssue:
    """A support issue and when it was first answered by someone other than its reporter."""

    key: str
    project: str
    summary: str
    url: str
    priority: str | None
    created: datetime
    resolved: datetime | None
    first_response: datetime | None  # first comment or transition by a person not the reporter


@dataclass(frozen=True)
class Worklog:
    """One worklog as Jira keeps it: on which issue, when the work started, how long."""

    id: int
    issue_id: str
    started: datetime
    seconds: int
    updated_ms: int = 0
    properties: tuple[tuple[str, str], ...] = ()  # (key, value) of each worklog property


@dataclass(frozen=True)
class SupportFacts:
    """What collect read for one product's support."""

    issues: tuple[SupportIssue, ...] = ()
    card_issues: frozenset[str] = frozenset()  # ids of the issues that draw on the card
    worklogs: tuple[Worklog, ...] = ()  # on those issues
    error: str | None = None  # why they could not be read


@dataclass(frozen=True)
class SupportDay:
    """The support hours of a working day, e.g. 8-16, on the Danish calendar."""

    opens: time = time(8)
    closes: time = time(16)
    closed: tuple[str, ...] = DEFAULT_CLOSED

    @property
    def hours(self) -> float:
        """Support hours in one working day."""
        return (_seconds(self.closes) - _seconds(self.opens)) / 3600


def _seconds(moment: time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def support_hours(start: datetime, end: datetime, day: SupportDay, tz: ZoneInfo) -> float:
    """Support hours between *start* and *end*: only a working day's support hours count."""
    if end <= start:
        return 0.0
    first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
    last = min(last, first + timedelta(days=_MAX_DAYS))
    total = 0.0
    current = first
    while current <= last:
        if is_working_day(current, day.closed):
            opens = datetime.combine(current, day.opens, tz)
            closes = datetime.combine(current, day.closes, tz)
            overlap = (min(end, closes) - max(start, opens)).total_seconds()
            total += max(0.0, overlap)
        current += timedelta(days=1)
    return total / 3600


class Outcome(StrEnum):
    """How one support issue did against its SLA."""

    KEPT = "kept"
    BREACHED = "breached"
    PENDING = "pending"  # not answered or resolved yet, and still within its time


@dataclass(frozen=True)
class Term:
    """An SLA term in support hours: to first response and to resolution."""

    first_response: float
    resolution: float


@dataclass(frozen=True)
class Judged:
    """One support issue against its term."""

    issue: SupportIssue
    outcome: Outcome
    response_hours: float | None  # support hours to the first response (so far, if none)
    resolution_hours: float | None
    late: tuple[str, ...] = ()  # "first_response", "resolution": what broke the term


def judge_issue(
    issue: SupportIssue, term: Term, day: SupportDay, tz: ZoneInfo, now: datetime
) -> Judged:
    """Kept when both the first response and the resolution came within their support hours."""
    response = support_hours(issue.created, issue.first_response or now, day, tz)
    resolution = support_hours(issue.created, issue.resolved or now, day, tz)
    late = []
    if response > term.first_response:
        late.append("first_response")
    if resolution > term.resolution:
        late.append("resolution")
    if late:
        outcome = Outcome.BREACHED
    elif issue.first_response is None or issue.resolved is None:
        outcome = Outcome.PENDING
    else:
        outcome = Outcome.KEPT
    return Judged(issue, outcome, round(response, 2), round(resolution, 2), tuple(late))


@dataclass(frozen=True)
class SlaSummary:
    """The SLA over the window: issues kept and breached (pending ones do not count yet)."""

    judged: tuple[Judged, ...]
    unmatched: tuple[SupportIssue, ...] = ()  # no term for their priority

    @property
    def kept(self) -> int:
        """Issues whose terms were kept."""
        return sum(j.outcome is Outcome.KEPT for j in self.judged)

    @property
    def breaches(self) -> tuple[Judged, ...]:
        """Issues whose terms were broken, oldest first."""
        found = [j for j in self.judged if j.outcome is Outcome.BREACHED]
        return tuple(sorted(found, key=lambda j: (j.issue.created, j.issue.key)))

    @property
    def decided(self) -> int:
        """Issues kept or breached."""
        return self.kept + len(self.breaches)

    @property
    def share(self) -> float | None:
        """The share kept, or None when no issue is decided yet."""
        return self.kept / self.decided if self.decided else None


def summarise_sla(
    issues: Iterable[SupportIssue],
    terms: dict[str, Term],
    day: SupportDay,
    tz: ZoneInfo,
    now: datetime,
) -> SlaSummary:
    """Every issue against the term of its priority (`*` for priorities not named)."""
    judged, unmatched = [], []
    for issue in issues:
        term = terms.get(issue.priority or "") or terms.get("*")
        if term is None:
            unmatched.append(issue)
            continue
        judged.append(judge_issue(issue, term, day, tz, now))
    return SlaSummary(tuple(judged), tuple(unmatched))


@dataclass(frozen=True)
class CardUsage:
    """A prepaid hours card: hours bought and used in its period, and when it runs out."""

    bought: float
    used: float
    start: date
    end: date
    burn_per_week: float  # hours a week over the last 8 weeks
    runs_out: date | None  # at that rate; None when nothing is being used
    worklogs: int = 0
    issues: tuple[str, ...] = field(default=())

    @property
    def share(self) -> float:
        """The share of the card used."""
        return self.used / self.bought if self.bought else 1.0

    @property
    def left(self) -> float:
        """Hours left (never below zero)."""
        return max(0.0, self.bought - self.used)

    @property
    def runs_out_early(self) -> bool:
        """Whether it runs out before its period ends."""
        return self.runs_out is not None and self.runs_out < self.end

    @property
    def needs_attention(self) -> bool:
        """At 75 % used, or running out before the period ends: the secretariat is told."""
        return self.share >= CARD_WARN_SHARE or self.runs_out_early


def card_usage(
    worklogs: Sequence[Worklog],
    *,
    bought: float,
    start: date,
    end: date,
    today: date,
    tz: ZoneInfo,
) -> CardUsage:
    """Hours used from *worklogs* started in the card's period, the burn rate, the run-out day.

    The burn rate is the hours started in the last 8 weeks (up to today, within the period);
    the card runs out today plus the hours left at that rate. A card used up ran out on the
    day its hours were passed.
    """
    in_period = sorted(
        (w for w in worklogs if start <= w.started.astimezone(tz).date() <= min(end, today)),
        key=lambda w: w.started,
    )
    used = sum(w.seconds for w in in_period) / 3600
    window_start = max(start, today - timedelta(weeks=BURN_WEEKS) + timedelta(days=1))
    recent = sum(w.seconds for w in in_period if w.started.astimezone(tz).date() >= window_start)
    days = max(1, (today - window_start).days + 1)
    per_day = recent / 3600 / days
    runs_out: date | None
    if used >= bought:
        runs_out = _passed_on(in_period, bought, tz) or today
    elif per_day > 0:
        runs_out = today + timedelta(days=math.ceil((bought - used) / per_day))
    else:
        runs_out = None
    return CardUsage(
        bought=bought,
        used=round(used, 2),
        start=start,
        end=end,
        burn_per_week=round(per_day * 7, 2),
        runs_out=runs_out,
        worklogs=len(in_period),
        issues=tuple(sorted({w.issue_id for w in in_period})),
    )


def outlook(usage: CardUsage) -> str:
    """How the card stands: used_up, idle, early or lasts.

    idle: nothing used in the last 8 weeks; early: it runs out before its period ends.
    """
    if usage.used >= usage.bought:
        return "used_up"
    if usage.runs_out is None:
        return "idle"
    return "early" if usage.runs_out_early else "lasts"


def card_numbers(usage: CardUsage) -> dict[str, object]:
    """The card's numbers as a run's history keeps them (JSON), for the report."""
    return {
        "bought": usage.bought,
        "used": usage.used,
        "share": round(usage.share, 4),
        "start": usage.start.isoformat(),
        "end": usage.end.isoformat(),
        "burn_per_week": usage.burn_per_week,
        "runs_out": usage.runs_out.isoformat() if usage.runs_out else None,
        "outlook": outlook(usage),
        "worklogs": usage.worklogs,
        "issues": len(usage.issues),
    }


def _passed_on(worklogs: Sequence[Worklog], bought: float, tz: ZoneInfo) -> date | None:
    """The day the hours logged passed *bought*."""
    total = 0.0
    for worklog in worklogs:
        total += worklog.seconds / 3600
        if total >= bought:
            return worklog.started.astimezone(tz).date()
    return None


def card_of(product: Product, snapshot: Snapshot) -> CardUsage | None:
    """The card of *product* as *snapshot* read it (today in its timezone), if it was read."""
    support = product.support
    facts = snapshot.support.get(product.key)
    if support is None or support.card is None or facts is None or facts.error is not None:
        return None
    card, tz = support.card, ZoneInfo(snapshot.timezone)
    return card_usage(
        facts.worklogs,
        bought=card.hours,
        start=card.start,
        end=card.end,
        today=snapshot.taken_at.astimezone(tz).date(),
        tz=tz,
    )
