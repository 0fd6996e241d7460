# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The dashboard: one issue in the secretariat's project with the whole portfolio."""

from __future__ import annotations

from os2bot.domain import JIRA_WIKI_SYMBOL, CheckResult, State, fingerprint, state_changes
from os2bot.planner.model import Desired, Plan, Wishes

# The legend's order: what is fine first, then what is wrong, then what does not count.
LEGEND = (State.MET, State.NOT_MET, State.UNKNOWN, State.WAIVED, State.NOT_APPLICABLE)
DASHBOARD_LIMIT = 32_000  # Jira's description holds 32,767 characters; keep a margin


def plan_dashboard(plan: Plan, wishes: Wishes) -> None:
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
    results = plan.results
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
        for r, before in state_changes(results, plan.previous)
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
    page = secretariat.report_page()
    parts = [
        plan.t("dashboard.intro")
        + " "
        + (plan.t("dashboard.report", url=page) if page else plan.t("dashboard.report_command")),
        "h3. " + plan.t("dashboard.changes"),
        "\n".join(f"* {line}" for line in changed) or plan.t("dashboard.no_changes"),
        "h3. " + plan.t("dashboard.gaps", count=len(gaps)),
        "\n".join(gaps) or plan.t("dashboard.no_gaps"),
        "h3. " + plan.t("dashboard.matrix"),
        "\n".join(matrix),
        " · ".join(f"{JIRA_WIKI_SYMBOL[s]} {plan.t('state.' + s.value)}" for s in LEGEND),
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
            assignee=plan.assignee(lead, project),
        )
    )
