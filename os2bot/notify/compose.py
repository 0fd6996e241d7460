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
from os2bot.messages.formats import day, long_day, moment, number
from os2bot.ports import ChatMessage, Link, StatusLine
from os2bot.support import CardUsage, outlook

# Lines come most important first, so that a cut for a chat system's limits drops the least.
IMPORTANCE = {State.NOT_MET: 0, State.UNKNOWN: 1, State.WAIVED: 2, State.MET: 3}
FAILING = (State.NOT_MET, State.UNKNOWN)
SEVERITY = {"high": 0, "medium": 1, "low": 2}

# Values that move without the state moving (a day passes, someone comments, a newer meeting
# is held): the status message is edited for states, reasons and tasks, not for these.
VOLATILE = frozenset({"days", "count", "date", "key", "summary"})


def counted(counts: Mapping[State, int], states: Sequence[State], language: Language) -> str:
    """Counts by state in words, those that are not zero: "7 ikke opfyldt, 2 ukendte"."""
    return ", ".join(
        text("count." + s.value, language, count=counts[s]) for s in states if counts[s]
    )


# ------------------------------------------------------------------------ status messages


def status_message(
    config: Config,
    *,
    product: Product,
    results: Sequence[CheckResult],
    tasks: Sequence[Issue],
    language: Language,
    now: datetime,
    card: CardUsage | None = None,
) -> ChatMessage:
    """The standing status of one product: what fails, with why; what is met, as one line.

    It stays short as checks grow: a line per gap (high severity first), then one line
    counting what is met and one counting what is waived, then the bot's open tasks.
    """
    profile = config.profile_for(product)
    mine = [r for r in results if r.product == product.key]
    order = {c.id: n for n, c in enumerate(profile.checks)}
    gaps = sorted(
        (r for r in mine if r.state in FAILING),
        key=lambda r: (
            IMPORTANCE[r.state],
            SEVERITY[profile.check(r.check_id).severity],
            order.get(r.check_id, 0),
        ),
    )
    counts = count_by_state(mine)
    lines = [
        StatusLine(
            state=r.state.value,
            title=profile.check(r.check_id).title.get(language),
            detail=render(r.reason, language),
        )
        for r in gaps
    ]
    for folded, key in ((State.MET, "chat.status.met"), (State.WAIVED, "chat.status.waived")):
        if counts[folded]:
            lines.append(StatusLine(folded.value, text(key, language, count=counts[folded]), ""))
    card_line = card_status(card, language) if card is not None else ""
    if card_line:  # the prepaid hours card: used of bought, and when it runs out
        lines.append(StatusLine("card", card_line, ""))
    links = tuple(
        Link(url=t.url, label=t.key, title=without_name(t.summary, product.name))
        for t in sorted(tasks, key=lambda t: t.order)
    )
    page = config.bot.secretariat.product_page(product.key)
    return ChatMessage(
        title=text("chat.status.title", language, product=product.name),
        lines=tuple(lines),
        links_title=text("chat.status.tasks", language),
        links=links,
        empty_links=text("chat.status.no_tasks", language),
        footer=text(
            "chat.status.footer",
            language,
            when=moment(now, language, config.bot.tz),
            profile=profile.id,
            version=profile.version,
        ),
        digest=_status_digest(gaps, counts, links, language, card_line),
        omitted=template("chat.omitted", language),
        notification=text(
            "chat.notification",
            language,
            product=product.name,
            what=counted(counts, FAILING, language)
            or text("chat.status.all_met", language, count=counts[State.MET]),
        ),
        subject=product.name,
        more=Link(url=page, label=text("chat.status.page", language, product=product.name))
        if page
        else None,
    )


CARD_STATUS = {
    "used_up": "status.card.used_up",
    "early": "status.card.early",
    "lasts": "status.card.lasts",
    "idle": "status.card.idle",
}
"""The status line of each outlook of a card (`support.outlook`)."""


def card_status(usage: CardUsage, language: Language) -> str:
    """The card in one line for chat: hours used of bought, and when it runs out."""
    values = {
        "used": number(round(usage.used, 1), language),
        "bought": usage.bought,
        "share": round(usage.share * 100),
        "end": long_day(usage.end, language),
        "runs_out": long_day(usage.runs_out, language) if usage.runs_out else "-",
    }
    return text(CARD_STATUS[outlook(usage)], language, **values)


def without_name(summary: str, name: str) -> str:
    """*summary* without the product's name in front, in a message about that product."""
    return summary.removeprefix(f"{name}: ")


def _status_digest(
    results: Sequence[CheckResult],
    counts: Mapping[State, int],
    links: tuple[Link, ...],
    language: str,
    card: str = "",
) -> str:
    """What makes a status message worth editing: gaps, reasons, counts, tasks, the card."""
    parts = [
        (
            r.check_id,
            r.state.value,
            r.reason.key,
            sorted((k, str(v)) for k, v in r.reason.params.items() if k not in VOLATILE),
        )
        for r in results
    ]
    folded = [counts[State.MET], counts[State.WAIVED]]
    kept: list[object] = [parts, folded, [(link.label, link.title) for link in links], language]
    if card:
        kept.append(card)
    data = json.dumps(kept)
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
    """Something worth a new message, once: its dedup key says what "once" means.

    Its audience is the product's own channels, or the secretariat's (fee invoices and
    expiring agreements are the secretariat's business, not the product community's).
    """

    key: str
    product: str
    message: ChatMessage
    audience: str = "product"  # or "secretariat"


def _event(
    key: str,
    product: Product,
    language: Language,
    *,
    title: str,
    body: str = "",
    link: Link | None = None,
    audience: str = "product",
) -> Event:
    """An event about *product*, its name in the notification, not the title.

    The title goes to the product's own channel, which says whose it is already.
    """
    return Event(
        key,
        product.key,
        ChatMessage(
            title=title,
            text=body,
            links=(link,) if link else (),
            notification=text("chat.notification", language, product=product.name, what=title),
            subject=product.name,
        ),
        audience,
    )


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
    found: list[Event] = []
    found += applied_events(config, done, language)
    found += _changes(config, results, previous, language, today)
    found += _rounds(config, requests, tasks, language, today)
    return found


def applied_events(config: Config, done: Sequence[Applied], language: Language) -> list[Event]:
    """What the tracker writes themselves are worth saying: a task opened, a release late.

    A task opened in the secretariat's own project (a fee invoice, an expiring agreement) is
    told to the secretariat, not to the product's channels.
    """
    products = {p.key: p for p in config.products}
    secretariat_project = config.bot.secretariat.jira_project
    found = []
    for item in done:
        action = item.action
        product = products.get(action.product)
        if product is None:
            continue  # the portfolio's own issue (the dashboard) belongs to no product channel
        audience = (
            "secretariat"
            if secretariat_project is not None
            and action.project == secretariat_project
            and action.project != product.project
            else "product"
        )
        summary = (
            action.summary
            if audience == "secretariat"
            else without_name(action.summary, product.name)
        )
        link = Link(url=item.url, label=item.key, title=summary) if item.url else None
        if action.kind is ActionKind.CREATE and not item.existed:
            found.append(
                _event(
                    f"opened:{action.fingerprint}",
                    product,
                    language,
                    title=text("chat.event.opened", language),
                    link=link,
                    audience=audience,
                )
            )
        if OVERDUE_MARK in action.labels and action.kind in {ActionKind.CREATE, ActionKind.COMMENT}:
            found.append(
                _event(
                    f"overdue:{action.fingerprint}",
                    product,
                    language,
                    title=text("chat.event.overdue", language),
                    body=action.comment or action.summary,
                    link=link,
                    audience=audience,
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
            _event(
                f"state:{result.product}:{result.check_id}:{now.value}:{today.isoformat()}",
                product,
                language,
                title=text(key, language, check=check.title.get(language)),
                body=render(result.reason, language),
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
        task = next((t for t in tasks if t.fingerprint == wanted), None)
        found.append(
            _event(
                f"round:{product.key}:{round_date.isoformat()}",
                product,
                language,
                title=text(
                    "chat.event.round",
                    language,
                    date=day(round_date, language),
                    days=(round_date - today).days,
                ),
                body=text(
                    "chat.event.round_requests", language, count=requests.get(product.key, 0)
                ),
                link=Link(url=task.url, label=task.key, title=task.summary) if task else None,
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
        f"{EMOJI_SYMBOL[s]} {text('count.' + s.value, language, count=counts[s])}"
        for s in IMPORTANCE
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
    risk = most_at_risk(config, results)[:RISK_SHOWN]
    risk_text = "\n".join(
        [
            text("chat.digest.at_risk", language),
            *(
                "• "
                + text(
                    "chat.digest.risk",
                    language,
                    product=config.product(r.product).name,
                    what=counted(count_by_state(r.failing), FAILING, language),
                    high=r.high,
                )
                for r in risk
            ),
        ]
        if risk
        else [text("chat.digest.no_risk", language)]
    )
    changes_text = (
        text("chat.digest.first", language)
        if not previous
        else (text("chat.digest.no_changes", language) if not changes else "")
    )
    page = config.bot.secretariat.report_page()
    title = text("chat.digest.title", language, week=today.isocalendar().week, year=today.year)
    return ChatMessage(
        title=title,
        text="\n\n".join(part for part in (summary, risk_text, changes_text) if part),
        lines=tuple(line for line, _link in escalated) + tuple(changes),
        links=tuple(link for _line, link in escalated if link.url),
        footer=text("chat.digest.footer", language, products=len(config.products)),
        omitted=template("chat.omitted", language),
        notification=f"{title}: {counted(counts, FAILING, language) or summary}",
        more=Link(url=page, label=text("chat.digest.report", language)) if page else None,
    )


RISK_SHOWN = 5  # products the digest names as most at risk


@dataclass(frozen=True)
class Risk:
    """A product with gaps: its failing results, and how serious the worst of them is."""

    product: str
    failing: tuple[CheckResult, ...]  # not met and unknown
    worst: int  # SEVERITY of the worst not-met check (3 when only unknowns)
    high: int  # not-met checks of high severity


def most_at_risk(config: Config, results: Sequence[CheckResult]) -> list[Risk]:
    """Products with gaps, most serious first.

    Ordered by the worst severity not met, then by how many high-severity checks fail, then
    how many fail, then how many are unknown.
    """
    found = []
    for product in config.products:
        profile = config.profile_for(product)
        failing = tuple(r for r in results if r.product == product.key and r.state in FAILING)
        if not failing:
            continue
        severities = [
            SEVERITY[profile.check(r.check_id).severity]
            for r in failing
            if r.state is State.NOT_MET
        ]
        found.append(
            Risk(
                product.key,
                failing,
                min(severities, default=len(SEVERITY)),
                severities.count(SEVERITY["high"]),
            )
        )
    counts = {r.product: count_by_state(r.failing) for r in found}
    found.sort(
        key=lambda r: (
            r.worst,
            -r.high,
            -counts[r.product][State.NOT_MET],
            -counts[r.product][State.UNKNOWN],
        )
    )
    return found


def combined(messages: list[ChatMessage], language: Language) -> ChatMessage:
    """Several events as one message: a line each, with its task as the link — each once.

    In a product's own channel the lines do not repeat the product's name: the notification
    says it once.
    """
    subjects = {m.subject for m in messages}
    subject = subjects.pop() if len(subjects) == 1 else ""
    title = text("chat.event.batch", language, count=len(messages))
    lines = []
    extra: dict[str, Link] = {}
    for m in messages:
        first, *rest = m.links or (None,)
        lines.append(StatusLine(state="event", title=m.title, detail=m.text, link=first))
        for link in rest:
            extra.setdefault(link.url, link)
    return ChatMessage(
        title=title,
        lines=tuple(lines),
        links=tuple(extra.values()),
        omitted=template("chat.omitted", language),
        notification=text("chat.notification", language, product=subject, what=title)
        if subject
        else title,
        subject=subject,
    )
