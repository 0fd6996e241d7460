# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The secretariat's tasks: fee invoices for new authorities, agreements expiring or expired."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from os2bot.calendar import add_working_days, next_working_day, working_day_on_or_before
from os2bot.config import Product
from os2bot.domain import State, fingerprint
from os2bot.planner.model import Desired, Plan, Wishes
from os2bot.rules.support import EXPIRED_REASONS as SUPPORT_EXPIRED_REASONS

# The reason a funding check gives when the agreement has ended (os2bot.rules.declared).
EXPIRED_REASON = "reason.declared.agreement_expired"
AFFILIATION_TEXTS = {
    "notice": "task.expiry.summary",
    "notice_description": "task.expiry.description",
    "renewed": "task.expiry.renewed",
    "expired": "task.expired.summary",
    "expired_description": "task.expired.description",
    "expired_fix": "task.expired.fix",
}
SUPPORT_TEXTS = {
    "notice": "task.support_expiry.summary",
    "notice_description": "task.support_expiry.description",
    "renewed": "task.support_expiry.renewed",
    "expired": "task.support_expired.summary",
    "expired_description": "task.support_expired.description",
    "expired_fix": "task.support_expired.fix",
}


def plan_secretariat(plan: Plan, wishes: Wishes) -> None:
    """Fee invoices for new authorities, and agreements about to expire or expired."""
    secretariat = plan.config.bot.secretariat
    for product in plan.config.products:
        project = secretariat.jira_project or product.project
        if not plan.readable(project):
            continue
        assignee = plan.assignee(secretariat.lead, project)
        if product.phase != "tilsagn":
            for member in product.members:
                fp = fingerprint("fee", product.key, member.name)
                if member.fee_paid or member.paid_development:
                    wishes.cleared[fp] = product.key, plan.t("task.fee.paid", authority=member.name)
                    continue
                wishes.want(
                    Desired(
                        fingerprint=fp,
                        product=product.key,
                        project=project,
                        summary=plan.t(
                            "task.fee.summary", authority=member.name, product=product.name
                        ),
                        description=plan.t(
                            "task.fee.description",
                            authority=member.name,
                            product=product.name,
                            joined=member.joined.isoformat() if member.joined else "-",
                        ),
                        assignee=assignee,
                        due=add_working_days(plan.today, 10, plan.closed),
                        stable=(member.name, product.key, assignee),
                    )
                )
        _plan_expiry(plan, wishes, product, project, assignee)


@dataclass(frozen=True)
class Ending:
    """An agreement whose end the secretariat is told of: the affiliation or support agreement."""

    prefix: str  # of its tasks' fingerprints: "" (affiliation agreement) or "support-"
    texts: dict[str, str]  # its texts: notice, notice_description, renewed, expired, …
    expires: date
    expired: bool
    covered: tuple[str, ...]  # the reasons of the checks its expired task stands for
    params: tuple[tuple[str, str], ...] = ()  # more values for its texts (the supplier)


def _plan_expiry(
    plan: Plan, wishes: Wishes, product: Product, project: str, assignee: str | None
) -> None:
    """The affiliation agreement's end, and the support agreement's (with joint support)."""
    agreement = product.agreement
    if agreement is not None and agreement.expires is not None:
        ending = Ending(
            "",
            AFFILIATION_TEXTS,
            agreement.expires,
            agreement.expired(plan.today),
            (EXPIRED_REASON,),
        )
        plan_ending(plan, wishes, product, project, assignee, ending)
    support = product.support
    if support is not None and "faelles_drift" in product.extensions:
        terms = support.agreement
        ending = Ending(
            "support-",
            SUPPORT_TEXTS,
            terms.expires,
            terms.expired(plan.today),
            SUPPORT_EXPIRED_REASONS,
            (("supplier", terms.supplier),),
        )
        plan_ending(plan, wishes, product, project, assignee, ending)


def plan_ending(  # noqa: PLR0917 - the source's own arguments, then the agreement
    plan: Plan,
    wishes: Wishes,
    product: Product,
    project: str,
    assignee: str | None,
    ending: Ending,
) -> None:
    """One task per agreement at a time: the nearest notice, then "expired" until renewed.

    Before the agreement expires, the notice of the nearest threshold; after, one task saying
    it has expired, until the product file gives it a new expiry date. A task that a nearer
    one replaces, or that a renewal has made moot, is resolved with a comment saying why.
    """
    expires = ending.expires
    days_left = (expires - plan.today).days
    thresholds = sorted(plan.config.bot.secretariat.expiry_days)
    expired_fp = fingerprint(f"{ending.prefix}expired", product.key)
    current: Desired | None = None
    if ending.expired:
        current = _expired_task(
            plan, product, project=project, assignee=assignee, ending=ending, fp=expired_fp
        )
    else:
        nearest = next((t for t in thresholds if days_left <= t), None)
        if nearest is not None:
            current = _notice_task(
                plan, product, project=project, assignee=assignee, ending=ending, threshold=nearest
            )
    if current is not None:
        wishes.want(current)
    renewed = plan.t(ending.texts["renewed"], product=product.name, date=expires.isoformat())
    closing = renewed if current is None else plan.t("task.expiry.replaced", task=current.summary)
    for threshold in thresholds:
        fp = _notice_fingerprint(product.key, threshold, ending.prefix)
        if current is None or fp != current.fingerprint:
            # A notice further out than today's is replaced by a nearer one or the expired
            # task; one nearer than today's means the agreement was renewed.
            further = current is not None and days_left <= threshold
            wishes.cleared[fp] = product.key, closing if further else renewed
    if current is None or current.fingerprint != expired_fp:
        wishes.cleared[expired_fp] = product.key, renewed


def _notice_fingerprint(product: str, threshold: int, prefix: str = "") -> str:
    """The notice *threshold* days before the product's agreement expires, whatever its date.

    Without the date in it, a renewal to a new date finds the notice and resolves it.
    """
    return fingerprint(f"{prefix}expiry", product, str(threshold))


def _notice_task(
    plan: Plan,
    product: Product,
    *,
    project: str,
    assignee: str | None,
    ending: Ending,
    threshold: int,
) -> Desired:
    expires = ending.expires
    values = {"product": product.name, "date": expires.isoformat(), **dict(ending.params)}
    return Desired(
        fingerprint=_notice_fingerprint(product.key, threshold, ending.prefix),
        product=product.key,
        project=project,
        summary=plan.t(ending.texts["notice"], days=threshold, **values),
        description=plan.t(ending.texts["notice_description"], days=threshold, **values),
        assignee=assignee,
        due=_expiry_due(plan, expires, threshold),
        # The due date moves with today once its target has passed.
        stable=(product.key, threshold, expires, assignee, plan.language, *_extra(ending)),
    )


def _expired_task(
    plan: Plan, product: Product, *, project: str, assignee: str | None, ending: Ending, fp: str
) -> Desired:
    """The agreement has ended: one task that stands for the checks that fail for it.

    The checks that fail for that reason are listed in it.
    """
    expires = ending.expires
    covered = [
        result
        for result in plan.results
        if result.product == product.key
        and result.state is State.NOT_MET
        and result.reason.key in ending.covered
    ]
    titles = [
        plan.config.check_of(product.key, r.check_id).title.get(plan.language) for r in covered
    ]
    values = {"product": product.name, "date": expires.isoformat(), **dict(ending.params)}
    description = plan.t(ending.texts["expired_description"], **values)
    if titles:
        items = "\n".join(f"* {title}" for title in titles)
        description += "\n\n" + plan.t("task.expired.items", count=len(titles)) + "\n" + items
    description += "\n\n" + plan.t(ending.texts["expired_fix"])
    return Desired(
        fingerprint=fp,
        product=product.key,
        project=project,
        summary=plan.t(ending.texts["expired"], **values),
        description=description,
        assignee=assignee,
        due=add_working_days(plan.today, 5, plan.closed),
        stable=(product.key, expires, tuple(titles), assignee, plan.language, *_extra(ending)),
        covers=tuple((product.key, r.check_id) for r in covered),
    )


def _extra(ending: Ending) -> tuple[object, ...]:
    """What else decides a task's content: nothing for the affiliation agreement (as before)."""
    return (ending.params,) if ending.params else ()


def _expiry_due(plan: Plan, expires: date, threshold: int) -> date:
    """A third of the notice before expiry, on a working day, and never in the past."""
    target = expires - timedelta(days=threshold // 3)
    if target <= plan.today:
        return next_working_day(plan.today, plan.closed)
    return working_day_on_or_before(target, plan.closed)
