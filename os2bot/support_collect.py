# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Collect joint support into the snapshot: support issues, first responses, card worklogs.

Run after `collect.collect_snapshot`, for the products that declare `support:` (with the
agreement's extension faelles_drift) in a project that could be read. Reads go through the
Jira tracker's `support` reader (`ports.SupportReader`); what was read before is kept in the
state database (`ports.SupportStore`) — worklogs by id with a cursor for `worklog/updated`
and one for `worklog/deleted` (a worklog deleted in Jira is forgotten), first responses once
found — so a second run reads only what changed. Without a state
database (a read-only `check`) everything is read from the cards' period starts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import structlog

from os2bot.config import Config, Product
from os2bot.domain import Snapshot
from os2bot.ports import (
    SupportReader,
    SupportStore,
    Tracker,
    TrackerError,
    TrackerUnavailable,
)
from os2bot.rules import effective_evidence
from os2bot.rules.support import SupportEvidence
from os2bot.support import SupportAsk, SupportFacts, SupportIssue, Worklog

log = structlog.get_logger(__name__)
TRACKER = "jira"


@dataclass
class MemoryStore:
    """A SupportStore for one run, when there is no state database."""

    cursor: tuple[int, int] | None = None
    gone_cursor: tuple[int, int] | None = None
    logs: dict[int, Worklog] = field(default_factory=dict)
    responses: dict[str, datetime] = field(default_factory=dict)

    def worklog_cursor(self, _tracker: str) -> tuple[int, int] | None:
        """Where reading got to."""
        return self.cursor

    def save_worklogs(
        self, _tracker: str, worklogs: Sequence[Worklog], cursor: tuple[int, int]
    ) -> None:
        """Keep them for this run."""
        self.logs.update({w.id: w for w in worklogs})
        self.cursor = cursor

    def deletion_cursor(self, _tracker: str) -> tuple[int, int] | None:
        """Where reading deletions got to."""
        return self.gone_cursor

    def forget_worklogs(self, _tracker: str, ids: Sequence[int], cursor: tuple[int, int]) -> None:
        """Forget them for this run."""
        for worklog_id in ids:
            self.logs.pop(worklog_id, None)
        self.gone_cursor = cursor

    def stored_worklogs(self, _tracker: str, issue_ids: Sequence[str]) -> list[Worklog]:
        """Those of these issues."""
        wanted = set(issue_ids)
        return [w for w in self.logs.values() if w.issue_id in wanted]

    def first_responses(self) -> dict[str, datetime]:
        """Found this run."""
        return dict(self.responses)

    def save_first_responses(self, found: dict[str, datetime]) -> None:
        """Keep them for this run."""
        self.responses.update(found)


def window_days(config: Config, product: Product) -> int:
    """The longest SLA window among the product's support checks (default 90 days)."""
    days = [
        e.window_days
        for check in config.profile_for(product).checks
        for e in effective_evidence(check, product)
        if isinstance(e, SupportEvidence) and e.fact == "sla"
    ]
    return max(days, default=90)


def _ms(day: date) -> int:
    return int(datetime.combine(day, time(), UTC).timestamp() * 1000)


def collect_support(
    config: Config,
    trackers: Mapping[str, Tracker],
    snapshot: Snapshot,
    state: object | None = None,
) -> None:
    """Each supported product's support issues and card worklogs into *snapshot.support*."""
    products = [
        p
        for p in config.products
        if p.support is not None and p.jira is not None and p.project in snapshot.projects
    ]
    if not products:
        return
    reader = getattr(trackers.get(TRACKER), "support", None)
    if not isinstance(reader, SupportReader):
        for product in products:
            snapshot.support[product.key] = SupportFacts(error="no Jira connection")
        return
    store: SupportStore = state if isinstance(state, SupportStore) else MemoryStore()
    today = snapshot.taken_at.astimezone(config.bot.tz).date()
    asks = [_ask(config, p, today) for p in products]
    try:
        facts = _read(reader, store, asks, products)
    except TrackerUnavailable:
        raise
    except TrackerError as exc:
        log.warning("collect.support_failed", error=str(exc))
        for product in products:
            snapshot.support[product.key] = SupportFacts(error=str(exc))
        return
    snapshot.support.update(facts)


def _ask(config: Config, product: Product, today: date) -> SupportAsk:
    support = product.support
    assert support is not None  # noqa: S101 - only products with support are asked about
    card = support.card.draws.selector() if support.card is not None else None
    since = today - timedelta(days=window_days(config, product))
    return SupportAsk(product.project, support.issues.selector(), since, card)


def _read(
    reader: SupportReader,
    store: SupportStore,
    asks: Sequence[SupportAsk],
    products: Sequence[Product],
) -> dict[str, SupportFacts]:
    known = store.first_responses()
    issues, card_ids = reader.support_issues(asks, known)
    found = {i.key: i.first_response for i in issues if i.first_response is not None}
    fresh = {k: v for k, v in found.items() if k not in known}
    if fresh:
        store.save_first_responses(fresh)
    cards = [p.support.card for p in products if p.support and p.support.card]
    worklogs: list[Worklog] = []
    if cards:
        wanted_from = _ms(min(card.start for card in cards))
        kept = store.worklog_cursor(TRACKER)
        cursor = kept
        if cursor is None or cursor[0] > wanted_from:
            cursor = (wanted_from, wanted_from)  # a card reaching further back reads again
        ids, until = reader.worklogs_changed(cursor[1])
        changed = reader.worklogs(ids) if ids else []
        store.save_worklogs(TRACKER, changed, (cursor[0], max(until, cursor[1])))
        _forget_deleted(reader, store, kept, max(until, cursor[1]))
        every = sorted({i for ids_ in card_ids.values() for i in ids_})
        worklogs = store.stored_worklogs(TRACKER, every)
    result: dict[str, SupportFacts] = {}
    for product in products:
        mine: tuple[SupportIssue, ...] = tuple(i for i in issues if i.project == product.project)
        drawing = card_ids.get(product.project, frozenset())
        card = product.support.card if product.support else None
        logs = tuple(w for w in worklogs if w.issue_id in drawing and _counts(w, card))
        result[product.key] = SupportFacts(issues=mine, card_issues=drawing, worklogs=logs)
    return result


def _forget_deleted(
    reader: SupportReader, store: SupportStore, kept: tuple[int, int] | None, read_to: int
) -> None:
    """Forget the kept worklogs deleted in Jira since the last run: one worklog/deleted call.

    The very first read needs none: every worklog it kept was there when worklog/list
    answered, after *read_to*, so deletions are read from there on. A database that kept
    worklogs before deletions were read starts at the worklogs' own beginning.
    """
    gone_cursor = store.deletion_cursor(TRACKER)
    if gone_cursor is None:
        if kept is None:
            store.forget_worklogs(TRACKER, [], (read_to, read_to))
            return
        gone_cursor = (kept[0], kept[0])
    gone, until = reader.worklogs_deleted(gone_cursor[1])
    store.forget_worklogs(TRACKER, gone, (gone_cursor[0], max(until, gone_cursor[1])))


def _counts(worklog: Worklog, card: object) -> bool:
    """Whether *worklog* draws on *card*: with a worklog property named, only if it has it."""
    wanted = getattr(card, "worklog_property", None)
    if not wanted:
        return True
    return any(worklog.properties.count(pair) for pair in wanted.items())
