# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Results, the snapshot and the bot's existing tasks -> actions. Pure: no I/O, no clock.

Each source below says which tasks should exist (with what content), which have served their
purpose, and which one-off comments are due; `reconcile` turns that into creates, updates,
comments and resolves against what Jira already holds. Every idempotency decision is here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from os2bot.calendar import (
    add_working_days,
    next_round,
    next_working_day,
    period_name,
    working_day_on_or_before,
)
from os2bot.config import CheckDef, Config, Person, Product, Threshold
from os2bot.domain import (
    JIRA_WIKI_SYMBOL,
    Action,
    ActionKind,
    CheckResult,
    Issue,
    Query,
    Snapshot,
    State,
    content_version,
    fingerprint,
    state_changes,
)
from os2bot.messages import Language, render, text
from os2bot.rules.qualification import missing_points

REMINDER = "reminder"
OVERDUE_MARK = "os2bot-forsinket"
TRIAGE_MARKERS = ("*os2bot* – kvalificering", "*os2bot* – task qualification")
CLEARED = {State.MET, State.WAIVED, State.NOT_APPLICABLE}


def round_fingerprint(product: Product, round_date: date) -> str:
    """The fingerprint of the prioritisation task for the round on *round_date*."""
    return fingerprint("prioritering", product.key, round_date.isoformat())


def reminder_fingerprint(product: Product, check: CheckDef) -> str:
    """The fingerprint of the reminder task for *check* on *product*."""
    return fingerprint(REMINDER, product.key, check.id)


@dataclass(frozen=True)
class Desired:
    """A task that should exist, with what it should say."""

    fingerprint: str
    product: str
    project: str
    summary: str
    description: str
    assignee: str | None = None
    due: date | None = None
    stable: tuple[object, ...] = ()  # what decides that the content changed (default: all)
    mark: str = ""  # a label for a one-off event (e.g. overdue) ...
    mark_comment: str = ""  # ... and the comment that tells an existing task about it

    @property
    def version(self) -> str:
        """The content version: a change here updates the task."""
        parts = self.stable or (self.summary, self.description, self.assignee, self.due)
        return content_version(*parts)


@dataclass
class Wishes:
    """What the sources want: tasks, tasks whose purpose is served, one-off comments."""

    tasks: dict[str, Desired] = field(default_factory=dict)
    cleared: dict[str, tuple[str, str]] = field(default_factory=dict)  # fp -> product, comment
    comments: list[Action] = field(default_factory=list)

    def want(self, task: Desired) -> None:
        """Ask for *task* (the first source to ask for a fingerprint wins)."""
        self.tasks.setdefault(task.fingerprint, task)


@dataclass(frozen=True)
class Plan:
    """Everything the planner needs besides the results."""

    config: Config
    snapshot: Snapshot
    language: Language

    @property
    def today(self) -> date:
        """Today in the configured timezone."""
        return self.snapshot.taken_at.astimezone(self.config.bot.tz).date()

    @property
    def closed(self) -> tuple[str, ...]:
        """Closed days besides public holidays."""
        return tuple(self.config.bot.tasks.closed_days)

    def t(self, message: str, **params: object) -> str:
        """A text in the plan's language."""
        return text(message, self.language, **params)

    def readable(self, project: str) -> bool:
        """Whether the bot can write in *project* (it must be able to read it)."""
        return project in self.snapshot.projects


def plan_actions(
    results: Iterable[CheckResult],
    config: Config,
    snapshot: Snapshot,
    language: Language,
    previous: Mapping[tuple[str, str], str] | None = None,
) -> list[Action]:
    """The writes that bring Jira in line with the results and the governance calendar.

    *previous* are the states of the last run (for the dashboard's "what changed").
    """
    plan = Plan(config, snapshot, language)
    wishes = Wishes()
    results = list(results)
    _dashboard(plan, wishes, results, previous or {})
    _reminders(plan, wishes, results)
    _prioritisation_rounds(plan, wishes)
    _releases(plan, wishes)
    _secretariat(plan, wishes)
    _triage(plan, wishes)
    return reconcile(wishes, snapshot.bot_tasks)


def reconcile(wishes: Wishes, open_tasks: Iterable[Issue]) -> list[Action]:
    """Creates for missing tasks, updates for outdated ones, resolves for served ones.

    A one-off event (a mark such as "overdue") is written into a new task's labels; an
    existing task gets a comment and the mark, once.
    """
    existing = {t.fingerprint: t for t in open_tasks if t.fingerprint}
    actions: list[Action] = []
    for fp, task in wishes.tasks.items():
        found = existing.get(fp)
        common = {
            "fingerprint": fp,
            "product": task.product,
            "project": task.project,
            "summary": task.summary,
            "description": task.description,
            "assignee": task.assignee,
            "due": task.due,
            "version": task.version,
            "mark": task.mark,
        }
        if found is None:
            actions.append(Action(kind=ActionKind.CREATE, **common))  # type: ignore[arg-type]
            continue
        news = bool(task.mark) and task.mark not in found.labels
        outdated = found.content_version != task.version
        if outdated:
            actions.append(
                Action(
                    kind=ActionKind.UPDATE,
                    issue_key=found.key,
                    keep_labels=found.labels,
                    **common,  # type: ignore[arg-type]
                )
            )
        if news:
            actions.append(
                Action(
                    kind=ActionKind.COMMENT,
                    fingerprint=fp,
                    product=task.product,
                    project=found.project,
                    summary=found.summary,
                    comment=task.mark_comment,
                    issue_key=found.key,
                    # The update above sets the mark already; without one, the comment does.
                    mark="" if outdated else task.mark,
                    version=found.content_version or "",
                    keep_labels=found.labels,
                )
            )
    for fp, (product, closing) in wishes.cleared.items():
        found = existing.get(fp)
        if found is not None and fp not in wishes.tasks:
            actions.append(
                Action(
                    kind=ActionKind.RESOLVE,
                    fingerprint=fp,
                    product=product,
                    project=found.project,
                    summary=found.summary,
                    comment=closing,
                    issue_key=found.key,
                )
            )
    actions.extend(wishes.comments)
    return actions


# ----------------------------------------------------------------------------- reminders


def _owner(plan: Plan, product: Product, owner: str) -> tuple[str, Person | None]:
    """The project a check's reminder goes to, and who it is assigned to."""
    secretariat = plan.config.bot.secretariat
    if owner == "secretariat":
        return secretariat.jira_project or product.jira.project, secretariat.lead
    group = product.coordination_group if owner == "coordination_group" else product.steering_group
    return product.jira.project, group.lead if group else None


def _reminders(plan: Plan, wishes: Wishes, results: list[CheckResult]) -> None:
    """A task for each failing check that reminds; resolved when the check clears."""
    products = {p.key: p for p in plan.config.products}
    for result in results:
        product = products[result.product]
        check = plan.config.profile_for(product).check(result.check_id)
        fp = reminder_fingerprint(product, check)
        project, person = _owner(plan, product, check.owner)
        if not plan.readable(project):
            continue
        if result.state is State.NOT_MET and check.remind:
            wishes.want(
                _reminder(
                    plan,
                    result,
                    product=product,
                    check=check,
                    fp=fp,
                    project=project,
                    person=person,
                )
            )
        elif result.state in CLEARED:
            wishes.cleared[fp] = (
                product.key,
                plan.t(
                    "task.resolved.comment",
                    check=check.title.get(plan.language),
                    reason=render(result.reason, plan.language),
                ),
            )


def _reminder(
    plan: Plan,
    result: CheckResult,
    *,
    product: Product,
    check: CheckDef,
    fp: str,
    project: str,
    person: Person | None,
) -> Desired:
    language = plan.language
    evidence = "".join(f"\n* [{e.key}|{e.url}] {e.title}" for e in result.evidence)
    notes = "".join(f"\n* {render(n, language)}" for n in result.notes)
    description = plan.t(
        "task.reminder.description",
        check=check.title.get(language),
        product=product.name,
        reason=render(result.reason, language) + evidence + notes,
        fix=check.fix.get(language),
        source=check.source,
        owner=plan.t(f"owner.{check.owner}"),
    )
    # What decides "changed": the reason and its evidence, not the day count in the text.
    stable_params = {k: v for k, v in result.reason.params.items() if k != "days"}
    return Desired(
        fingerprint=fp,
        product=product.key,
        project=project,
        summary=plan.t(
            "task.reminder.summary", product=product.name, check=check.title.get(language)
        ),
        description=description,
        assignee=person.jira_user if person else None,
        due=add_working_days(
            plan.today, plan.config.bot.tasks.reminder_due_working_days, plan.closed
        ),
        stable=(
            check.id,
            result.reason.key,
            sorted(stable_params.items()),
            [i.key for i in result.evidence],
            person.jira_user if person else None,
            language,
        ),
    )


# ---------------------------------------------------------------- prioritisation rounds


def _requests(plan: Plan, product: Product) -> list[Issue]:
    """The product's development requests waiting for prioritisation."""
    found = plan.snapshot.issues(
        Query(product.requests_jql, fields=REQUEST_FIELDS), product.jira.project
    )
    return sorted(found, key=lambda i: (-i.votes, i.created or plan.snapshot.taken_at, i.order))


REQUEST_FIELDS: tuple[str, ...] = (
    "summary",
    "description",
    "project",
    "status",
    "labels",
    "created",
    "votes",
    "comments",
)


def _prioritisation_rounds(plan: Plan, wishes: Wishes) -> None:
    """One task per product per round, opened lead_days before it (or early on a threshold)."""
    for product in plan.config.products:
        settings = product.prioritisation
        if settings is None or not plan.readable(product.jira.project):
            continue
        round_date = next_round(
            plan.today,
            months=tuple(settings.months),
            day=settings.day,
            cron=settings.cron,
            tz=plan.config.bot.tz,
        )
        requests = _requests(plan, product)
        due_soon = plan.today >= round_date - timedelta(days=settings.lead_days)
        if not (due_soon or _threshold_tripped(plan, settings.threshold, requests)):
            continue
        lead = product.coordination_group.lead if product.coordination_group else None
        period = period_name(round_date, plan.language)
        lines = [_request_line(plan, request) for request in requests] or [
            plan.t("task.round.no_requests")
        ]
        wishes.want(
            Desired(
                fingerprint=round_fingerprint(product, round_date),
                product=product.key,
                project=product.jira.project,
                summary=plan.t("task.round.summary", period=period),
                description=plan.t(
                    "task.round.description",
                    product=product.name,
                    date=round_date.isoformat(),
                    count=len(requests),
                    requests="\n".join(lines),
                ),
                assignee=lead.jira_user if lead else None,
                due=working_day_on_or_before(round_date, plan.closed),
            )
        )


def _threshold_tripped(plan: Plan, threshold: Threshold, requests: list[Issue]) -> bool:
    """Requests pile up: too many, or the oldest waits too long."""
    if threshold.count is not None and len(requests) >= threshold.count:
        return True
    oldest = min((r.created for r in requests if r.created), default=None)
    if threshold.oldest_days is None or oldest is None:
        return False
    age = (plan.today - oldest.astimezone(plan.config.bot.tz).date()).days
    return age >= threshold.oldest_days


def _request_line(plan: Plan, request: Issue) -> str:
    missing = missing_points(request)
    state = (
        plan.t("task.round.ready")
        if not missing
        else plan.t(
            "task.round.missing",
            points=", ".join(plan.t(f"point.{p}") for p in missing),
        )
    )
    tz = plan.config.bot.tz
    created = request.created.astimezone(tz).date().isoformat() if request.created else "-"
    return plan.t(
        "task.round.line",
        key=request.key,
        url=request.url,
        summary=request.summary,
        votes=request.votes,
        created=created,
        state=state,
    )


# ------------------------------------------------------------------------------ triage


def _triage(plan: Plan, wishes: Wishes) -> None:
    """One comment per request that lacks points 1-5; edited when that changes."""
    for product in plan.config.products:
        if not product.triage or not plan.readable(product.jira.project):
            continue
        for request in _requests(plan, product):
            missing = missing_points(request)
            mine = next((c for c in request.comments if c.body.startswith(TRIAGE_MARKERS)), None)
            if not missing and mine is None:
                continue
            body = plan.t(
                "triage.missing" if missing else "triage.complete",
                points="\n".join(f"* {plan.t('point.' + p)}" for p in missing),
            )
            if mine is not None and mine.body.strip() == body.strip():
                continue
            wishes.comments.append(
                Action(
                    kind=ActionKind.EDIT_COMMENT if mine else ActionKind.COMMENT,
                    fingerprint=fingerprint("triage", request.key),
                    product=product.key,
                    project=product.jira.project,
                    summary=request.summary,
                    comment=body,
                    issue_key=request.key,
                    comment_id=mine.id if mine else None,
                )
            )


# ---------------------------------------------------------------------------- releases


def _releases(plan: Plan, wishes: Wishes) -> None:
    """A release task before each version's date; a comment when late; resolved when out."""
    for product in plan.config.products:
        project = product.jira.project
        if not product.releases.enabled or not plan.readable(project):
            continue
        lead = product.coordination_group.lead if product.coordination_group else None
        joint = "faelles_drift" in product.extensions
        for version in plan.snapshot.versions.get(project, []):
            fp = fingerprint("release", product.key, version.name)
            if version.released:
                released_on = version.release_date.isoformat() if version.release_date else "-"
                wishes.cleared[fp] = (
                    product.key,
                    plan.t("task.release.released", version=version.name, date=released_on),
                )
                continue
            if version.archived or version.release_date is None:
                continue
            days_left = (version.release_date - plan.today).days
            if days_left > product.releases.lead_days:
                continue
            issues = plan.snapshot.release_issues.get((project, version.name), [])
            checklist = [plan.t(f"release.step.{step}") for step in RELEASE_STEPS]
            if joint:
                checklist.append(plan.t("release.step.deployment_window"))
            overdue = (
                plan.t(
                    "task.release.overdue",
                    version=version.name,
                    date=version.release_date.isoformat(),
                )
                if days_left < 0
                else ""
            )
            wishes.want(
                Desired(
                    fingerprint=fp,
                    product=product.key,
                    project=project,
                    summary=plan.t("task.release.summary", version=version.name),
                    description=plan.t(
                        "task.release.description",
                        product=product.name,
                        version=version.name,
                        date=version.release_date.isoformat(),
                        checklist="\n".join(f"* (?) {step}" for step in checklist),
                        issues="\n".join(f"* [{i.key}|{i.url}] {i.summary}" for i in issues)
                        or plan.t("task.release.no_issues"),
                    )
                    + (f"\n\n{overdue}" if overdue else ""),
                    assignee=lead.jira_user if lead else None,
                    due=working_day_on_or_before(version.release_date, plan.closed),
                    mark=OVERDUE_MARK if overdue else "",
                    mark_comment=overdue,
                )
            )


RELEASE_STEPS = ("review", "tested", "tag", "notes", "docs", "informed")


# ------------------------------------------------------------------------- secretariat


def _secretariat(plan: Plan, wishes: Wishes) -> None:
    """Fee invoices for new authorities, and agreements about to expire."""
    secretariat = plan.config.bot.secretariat
    assignee = secretariat.lead.jira_user if secretariat.lead else None
    for product in plan.config.products:
        project = secretariat.jira_project or product.jira.project
        if not plan.readable(project):
            continue
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
        expires = product.agreement.expires if product.agreement else None
        if expires is None:
            continue
        days_left = (expires - plan.today).days
        for threshold in sorted(secretariat.expiry_days, reverse=True):
            if 0 <= days_left <= threshold:
                wishes.want(
                    Desired(
                        fingerprint=fingerprint(
                            "expiry", product.key, str(threshold), expires.isoformat()
                        ),
                        product=product.key,
                        project=project,
                        summary=plan.t(
                            "task.expiry.summary",
                            product=product.name,
                            date=expires.isoformat(),
                            days=threshold,
                        ),
                        description=plan.t(
                            "task.expiry.description",
                            product=product.name,
                            date=expires.isoformat(),
                            days=threshold,
                        ),
                        assignee=assignee,
                        due=_expiry_due(plan, expires, threshold),
                        # The due date moves with today once its target has passed.
                        stable=(product.key, threshold, expires, assignee, plan.language),
                    )
                )


def _expiry_due(plan: Plan, expires: date, threshold: int) -> date:
    """A third of the notice before expiry, on a working day, and never in the past."""
    target = expires - timedelta(days=threshold // 3)
    if target <= plan.today:
        return next_working_day(plan.today, plan.closed)
    return working_day_on_or_before(target, plan.closed)


# ---------------------------------------------------------------------------- dashboard

DASHBOARD_LIMIT = 32_000  # Jira's description holds 32,767 characters; keep a margin


def _dashboard(
    plan: Plan,
    wishes: Wishes,
    results: list[CheckResult],
    previous: Mapping[tuple[str, str], str],
) -> None:
    """One issue in the secretariat's project with the whole portfolio, edited in place.

    Most important first — what changed, then what is not met, then the matrix — so that
    when Jira's size limit cuts, it cuts the least important, and the issue says so.
    """
    secretariat = plan.config.bot.secretariat
    project = secretariat.jira_project
    if not secretariat.dashboard or project is None or not plan.readable(project):
        return
    language = plan.language
    products = list(plan.config.products)
    by_key = {(r.product, r.check_id): r for r in results}
    names = {p.key: p.name for p in products}

    def title(result: CheckResult) -> str:
        return plan.config.check_of(result.product, result.check_id).title.get(language)

    changed = [
        plan.t(
            "dashboard.change",
            product=names[r.product],
            check=title(r),
            before=plan.t("state." + before.value),
            after=plan.t("state." + r.state.value),
        )
        for r, before in state_changes(results, previous)
    ]
    gaps = [f"* {names[r.product]}: {title(r)}" for r in results if r.state is State.NOT_MET]
    checks = plan.config.profile_for(products[0]).checks if products else []
    matrix = ["||" + plan.t("report.check") + "||" + "||".join(p.name for p in products) + "||"]
    matrix += [
        f"|{c.title.get(language)}|"
        + "|".join(
            JIRA_WIKI_SYMBOL[by_key[(p.key, c.id)].state] if (p.key, c.id) in by_key else " "
            for p in products
        )
        + "|"
        for c in checks
    ]
    parts = [
        plan.t("dashboard.intro"),
        "h3. " + plan.t("dashboard.changes"),
        "\n".join(f"* {line}" for line in changed) or plan.t("dashboard.no_changes"),
        "h3. " + plan.t("dashboard.gaps", count=len(gaps)),
        "\n".join(gaps) or plan.t("dashboard.no_gaps"),
        "h3. " + plan.t("dashboard.matrix"),
        "\n".join(matrix),
        plan.t("dashboard.legend"),
    ]
    description = "\n\n".join(parts)
    if len(description) > DASHBOARD_LIMIT:
        note = "\n\n" + plan.t("dashboard.cut")
        description = description[: DASHBOARD_LIMIT - len(note)].rsplit("\n", 1)[0] + note
    lead = secretariat.lead
    wishes.want(
        Desired(
            fingerprint=fingerprint("dashboard", project),
            product="",  # the whole portfolio's, no one product's
            project=project,
            summary=plan.t("dashboard.summary"),
            description=description,
            assignee=lead.jira_user if lead else None,
        )
    )
