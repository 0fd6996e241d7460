# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Chat messages composed from a run, pure: standing statuses, events, the weekly digest.

Nothing here sends anything; `deliver` does. Statuses come most important first, events say
what is worth a new message once (their dedup keys say what "once" means).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from os2bot.config import Config, Product
from os2bot.domain import (
    EMOJI_SYMBOL,
    OVERDUE_MARK,
    ActionKind,
    Applied,
    CheckResult,
    Issue,
    State,
    count_by_state,
    round_fingerprint,
    state_changes,
)
from os2bot.messages import Language, render, template, text
from os2bot.ports import ChatMessage, Link, StatusLine

# Lines come most important first, so that a cut for a chat system's limits drops the least.
IMPORTANCE = {State.NOT_MET: 0, State.UNKNOWN: 1, State.WAIVED: 2, State.MET: 3}

# Values that move without the state moving (a day passes, someone comments, a newer meeting
# is held): the status message is edited for states, reasons and tasks, not for these.
VOLATILE = frozenset({"days", "count", "date", "key", "summary"})


# ------------------------------------------------------------------------ status messages


def status_message(
    config: Config,
    *,
    product: Product,
    results: Sequence[CheckResult],
    tasks: Sequence[Issue],
    language: Language,
    now: datetime,
) -> ChatMessage:
    """The standing status message of one product: gaps first, then what is met."""
    profile = config.profile_for(product)
    shown = sorted(
        (r for r in results if r.product == product.key and r.state in IMPORTANCE),
        key=lambda r: IMPORTANCE[r.state],
    )
    lines = tuple(
        StatusLine(
            state=r.state.value,
            title=profile.check(r.check_id).title.get(language),
            detail=f"{text('state.' + r.state.value, language)}. {render(r.reason, language)}",
        )
        for r in shown
    )
    links = tuple(
        Link(url=t.url, label=t.key, title=t.summary) for t in sorted(tasks, key=lambda t: t.order)
    )
    return ChatMessage(
        title=text("chat.status.title", language, product=product.name),
        lines=lines,
        links_title=text("chat.status.tasks", language),
        links=links,
        empty_links=text("chat.status.no_tasks", language),
        footer=text(
            "chat.status.footer",
            language,
            when=now.astimezone(config.bot.tz).strftime("%Y-%m-%d %H:%M"),
            profile=profile.id,
            version=profile.version,
        ),
        digest=_status_digest(shown, links, language),
        omitted=template("chat.omitted", language),
    )


def _status_digest(results: Sequence[CheckResult], links: tuple[Link, ...], language: str) -> str:
    """What makes a status message worth editing: states, kinds of reason, open tasks."""
    parts = [
        (
            r.check_id,
            r.state.value,
            r.reason.key,
            sorted((k, str(v)) for k, v in r.reason.params.items() if k not in VOLATILE),
        )
        for r in results
    ]
    data = json.dumps([parts, [(link.label, link.title) for link in links], language])
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def content_hash(message: ChatMessage) -> str:
    """A hash of what a message says, leaving out the footer's time stamp."""
    if message.digest:
        return message.digest
    data = asdict(message)
    data.pop("footer")
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def open_tasks(snapshot_tasks: Sequence[Issue], done: Sequence[Applied]) -> list[Issue]:
    """The bot's open tasks after this run: those read, plus created, less resolved."""
    tasks = list(snapshot_tasks)
    known = {t.key for t in tasks}
    resolved = {d.key for d in done if d.action.kind is ActionKind.RESOLVE}
    tasks += [
        Issue(d.key, d.action.project, d.action.summary, d.url, labels=d.action.labels)
        for d in done
        if d.action.kind is ActionKind.CREATE and d.key not in known
    ]
    return [t for t in tasks if t.key not in resolved]


# ---------------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Event:
    """Something worth a new message, once: its dedup key says what "once" means."""

    key: str
    product: str
    message: ChatMessage


def events(
    config: Config,
    *,
    results: Sequence[CheckResult],
    previous: Mapping[tuple[str, str], str],
    done: Sequence[Applied],
    requests: Mapping[str, int],
    tasks: Sequence[Issue],
    language: Language,
    today: date,
) -> list[Event]:
    """Tasks opened, checks newly failing or cleared, late releases, rounds coming up."""
    products = {p.key: p for p in config.products}
    found: list[Event] = []
    found += applied_events(products, done, language)
    found += _changes(config, results, previous, language, today)
    found += _rounds(config, requests, tasks, language, today)
    return found


def applied_events(
    products: Mapping[str, Product], done: Sequence[Applied], language: Language
) -> list[Event]:
    """What the tracker writes themselves are worth saying: a task opened, a release late."""
    found = []
    for item in done:
        action = item.action
        if action.product not in products:
            continue  # the portfolio's own issue (the dashboard) belongs to no product channel
        if action.kind is ActionKind.CREATE and not item.existed:
            found.append(
                Event(
                    f"opened:{action.fingerprint}",
                    action.product,
                    ChatMessage(
                        title=text(
                            "chat.event.opened", language, product=products[action.product].name
                        ),
                        links=(Link(url=item.url, label=item.key, title=action.summary),),
                    ),
                )
            )
        if OVERDUE_MARK in action.labels and action.kind in {ActionKind.CREATE, ActionKind.COMMENT}:
            found.append(
                Event(
                    f"overdue:{action.fingerprint}",
                    action.product,
                    ChatMessage(
                        title=text(
                            "chat.event.overdue", language, product=products[action.product].name
                        ),
                        text=action.comment or action.summary,
                        links=(Link(url=item.url, label=item.key, title=action.summary),)
                        if item.url
                        else (),
                    ),
                )
            )
    return found


def _changes(
    config: Config,
    results: Sequence[CheckResult],
    previous: Mapping[tuple[str, str], str],
    language: Language,
    today: date,
) -> list[Event]:
    """A check that starts failing, or stops: compared with the last run's states.

    A product the state database has never seen is a baseline, not news.
    """
    seen = {product for product, _ in previous}
    found = []
    for result, before in state_changes(results, previous):
        now = result.state
        failing = now is State.NOT_MET
        cleared = before is State.NOT_MET and now in {State.MET, State.WAIVED}
        if result.product not in seen or not (failing or cleared):
            continue
        product = config.product(result.product)
        check = config.check_of(result.product, result.check_id)
        key = "chat.event.failing" if failing else "chat.event.cleared"
        found.append(
            Event(
                f"state:{result.product}:{result.check_id}:{now.value}:{today.isoformat()}",
                result.product,
                ChatMessage(
                    title=text(
                        key, language, product=product.name, check=check.title.get(language)
                    ),
                    text=render(result.reason, language),
                ),
            )
        )
    return found


def _rounds(
    config: Config,
    requests: Mapping[str, int],
    tasks: Sequence[Issue],
    language: Language,
    today: date,
) -> list[Event]:
    """Remind the coordination group a few days before each prioritisation round."""
    days = config.bot.chat.round_reminder_days
    found = []
    for product in config.products:
        settings = product.prioritisation
        if settings is None:
            continue
        round_date = settings.next_round(today, config.bot.tz)
        if round_date - today > timedelta(days=days):
            continue
        wanted = round_fingerprint(product.key, round_date)
        links = tuple(
            Link(url=t.url, label=t.key, title=t.summary) for t in tasks if t.fingerprint == wanted
        )
        found.append(
            Event(
                f"round:{product.key}:{round_date.isoformat()}",
                product.key,
                ChatMessage(
                    title=text(
                        "chat.event.round",
                        language,
                        product=product.name,
                        date=round_date.isoformat(),
                        days=(round_date - today).days,
                    ),
                    text=text(
                        "chat.event.round_requests", language, count=requests.get(product.key, 0)
                    ),
                    links=links,
                ),
            )
        )
    return found


# ---------------------------------------------------------------------------------- digest


def digest_message(
    config: Config,
    *,
    results: Sequence[CheckResult],
    previous: Mapping[tuple[str, str], str],
    language: Language,
    today: date,
    escalated: Sequence[tuple[StatusLine, Link]] = (),
) -> ChatMessage:
    """The secretariat's weekly view: counts by state, changes, the products most at risk.

    *escalated* reminder tasks (the ladder's last step) come first, each with its link.
    """
    counts = count_by_state(results)
    summary = " · ".join(
        f"{EMOJI_SYMBOL[s]} {counts[s]} {text('state.' + s.value, language)}" for s in IMPORTANCE
    )
    changes = [
        StatusLine(
            state=result.state.value,
            title=f"{config.product(result.product).name} · "
            f"{config.check_of(result.product, result.check_id).title.get(language)}",
            detail=text(
                "chat.digest.change",
                language,
                before=text("state." + before.value, language),
                after=text("state." + result.state.value, language),
            ),
        )
        for result, before in state_changes(results, previous)
    ]
    risk = _most_at_risk(config, results, language)
    changes_text = (
        text("chat.digest.first", language)
        if not previous
        else (text("chat.digest.no_changes", language) if not changes else "")
    )
    report_url = config.bot.secretariat.report_url
    return ChatMessage(
        title=text("chat.digest.title", language, week=today.isocalendar().week, year=today.year),
        text="\n".join(
            part
            for part in (
                summary,
                text("chat.digest.at_risk", language, products=risk),
                changes_text,
            )
            if part
        ),
        lines=tuple(line for line, _link in escalated) + tuple(changes),
        links=tuple(link for _line, link in escalated if link.url)
        + (
            (Link(url=report_url, label=text("chat.digest.report", language)),)
            if report_url
            else ()
        ),
        footer=text("chat.digest.footer", language, products=len(config.products)),
        omitted=template("chat.omitted", language),
    )


def _most_at_risk(config: Config, results: Sequence[CheckResult], language: Language) -> str:
    """The three products with the most serious gaps, named with their counts."""
    scores = []
    for product in config.products:
        profile = config.profile_for(product)
        mine = [r for r in results if r.product == product.key]
        high = sum(
            1
            for r in mine
            if r.state is State.NOT_MET and profile.check(r.check_id).severity == "high"
        )
        counts = count_by_state(mine)
        failing, unknown = counts[State.NOT_MET], counts[State.UNKNOWN]
        if failing or unknown:
            scores.append(((high, failing, unknown), product.name, failing, high, unknown))
    scores.sort(reverse=True)
    return "; ".join(
        text(
            "chat.digest.risk", language, product=name, failing=failing, high=high, unknown=unknown
        )
        for _score, name, failing, high, unknown in scores[:3]
    ) or text("chat.digest.no_risk", language)


def combined(messages: list[ChatMessage], language: Language) -> ChatMessage:
    """Several events as one message: a line each, their links together (each once)."""
    links: dict[str, Link] = {}
    for message in messages:
        for link in message.links:
            links.setdefault(link.url, link)
    return ChatMessage(
        title=text("chat.event.batch", language, count=len(messages)),
        lines=tuple(
            StatusLine(
                state="event",
                title=m.title,
                detail=m.text or "; ".join(f"{link.label} {link.title}" for link in m.links),
            )
            for m in messages
        ),
        links=tuple(links.values()),
        omitted=template("chat.omitted", language),
    )
