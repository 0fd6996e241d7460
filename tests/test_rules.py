# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The JQL-evidence rule, on snapshots built by hand."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from conftest import CONFIG

from os2bot.config import Config, load_config
from os2bot.domain import CheckResult, Issue, Query, Snapshot, State
from os2bot.rules import evaluate
from os2bot.rules.evidence import queries, query_for

CPH = ZoneInfo("Europe/Copenhagen")


def config() -> Config:
    """The shipped configuration (three products, one check)."""
    return load_config(CONFIG)


def snapshot(
    now: datetime, issues: dict[str, list[Issue]], projects: set[str] | None = None
) -> Snapshot:
    """A snapshot whose coordination-group query found *issues* per project."""
    cfg = config()
    product = cfg.products[0]
    query = query_for(cfg.profile_for(product).checks[0], product)
    found = projects if projects is not None else {"MO", "OS2FORMS", "VALGHAL"}
    return Snapshot(
        taken_at=now,
        timezone="Europe/Copenhagen",
        projects=frozenset(found),
        results={query: issues},
    )


def meeting(key: str, resolved: datetime | None) -> Issue:
    """A resolved meeting issue."""
    return Issue(
        key=key,
        project=key.split("-", maxsplit=1)[0],
        summary="KG-møde",
        url=f"https://j/browse/{key}",
        labels=("koordinationsgruppemøde",),
        resolved=resolved,
    )


def result_for(results: list[CheckResult], product: str) -> CheckResult:
    """The one result of *product*."""
    return next(r for r in results if r.product == product)


def test_meeting_exactly_90_local_days_ago_is_met_and_91_is_not():
    """The window is inclusive: a meeting 90 calendar days ago counts, 91 days ago does not."""
    now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    ninety = datetime(2026, 8, 29, 21, 30, tzinfo=UTC)  # 23:30 on 29 Aug in Copenhagen
    ninety_one = datetime(2026, 8, 28, 21, 59, tzinfo=UTC)  # 23:59 on 28 Aug in Copenhagen

    met = evaluate(snapshot(now, {"MO": [meeting("MO-1", ninety)]}), config())
    not_met = evaluate(snapshot(now, {"MO": [meeting("MO-1", ninety_one)]}), config())

    assert result_for(met, "os2mo").state is State.MET
    assert result_for(met, "os2mo").reason.params["days"] == 90
    assert result_for(not_met, "os2mo").state is State.NOT_MET
    assert result_for(not_met, "os2mo").reason.params["days"] == 91


def test_window_counts_copenhagen_days_across_the_dst_change():
    """A meeting at 00:30 Copenhagen time just after DST ended is dated that local day, not the
    UTC day before, so the boundary does not move by the hour DST shifts."""
    now = datetime(2027, 1, 23, 12, 0, tzinfo=UTC)  # 90 days after 25 Oct 2026
    just_after_midnight = datetime(2026, 10, 25, 0, 30, tzinfo=CPH).astimezone(UTC)  # 24 Oct UTC

    results = evaluate(snapshot(now, {"MO": [meeting("MO-1", just_after_midnight)]}), config())

    assert result_for(results, "os2mo").state is State.MET
    assert result_for(results, "os2mo").reason.params["date"] == "2026-10-25"


def test_newest_meeting_decides_and_is_the_evidence():
    """With several meetings the newest one is judged and named as evidence."""
    now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    old = meeting("MO-1", datetime(2026, 1, 5, tzinfo=UTC))
    new = meeting("MO-7", datetime(2026, 11, 1, tzinfo=UTC))

    result = result_for(evaluate(snapshot(now, {"MO": [old, new]}), config()), "os2mo")

    assert result.state is State.MET
    assert [i.key for i in result.evidence] == ["MO-7"]
    assert result.reason.params["count"] == 2


def test_no_matching_issues_is_not_met():
    """A project without meeting issues fails the check and says no issue matched."""
    result = result_for(evaluate(snapshot(datetime.now(UTC), {"MO": []}), config()), "os2mo")

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.jql.none"


def test_meetings_without_resolution_date_are_not_met_not_a_crash():
    """Matching issues whose resolved field is null give not_met with the reason, not an error."""
    result = result_for(
        evaluate(snapshot(datetime.now(UTC), {"MO": [meeting("MO-1", None)]}), config()), "os2mo"
    )

    assert result.state is State.NOT_MET
    assert result.reason.key == "reason.jql.no_date"


def test_unreadable_project_is_unknown_never_met():
    """A product whose Jira project cannot be read is unknown, and the others are still judged."""
    now = datetime(2026, 11, 27, tzinfo=UTC)
    results = evaluate(
        snapshot(now, {"MO": [meeting("MO-1", now)]}, projects={"MO", "OS2FORMS"}), config()
    )

    assert result_for(results, "os2valghalla").state is State.UNKNOWN
    assert result_for(results, "os2valghalla").reason.key == "reason.project_unreadable"
    assert result_for(results, "os2mo").state is State.MET


def test_failed_query_is_unknown():
    """When Jira rejected the evidence query, the check is unknown with Jira's words."""
    cfg = config()
    snap = snapshot(datetime.now(UTC), {})
    product = cfg.products[0]
    query = query_for(cfg.profile_for(product).checks[0], product)
    snap.results.clear()
    snap.failures[query] = "HTTP 400: Field 'labels' does not exist"

    result = result_for(evaluate(snap, cfg), "os2mo")

    assert result.state is State.UNKNOWN
    assert "does not exist" in result.reason.params["error"]


def test_products_sharing_a_query_share_one_search():
    """Products without overrides share one evidence query; each distinct fragment is one query."""
    needed = queries(config())

    assert len(needed) == 1
    assert needed[Query(jql="labels = koordinationsgruppemøde AND statusCategory = Done")] == {
        "MO",
        "OS2FORMS",
        "VALGHAL",
    }


def test_per_product_window_override_applies():
    """OS2valghalla's 45-day window fails a meeting 60 days ago that the default 90 would pass."""
    now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    sixty_days = datetime(2026, 9, 28, 10, 0, tzinfo=UTC)
    issues = {"MO": [meeting("MO-1", sixty_days)], "VALGHAL": [meeting("VALGHAL-1", sixty_days)]}

    results = evaluate(snapshot(now, issues), config())

    assert result_for(results, "os2mo").state is State.MET
    assert result_for(results, "os2valghalla").state is State.NOT_MET
    assert result_for(results, "os2valghalla").reason.params["window"] == 45


def test_a_crashing_rule_yields_unknown_for_its_checks(monkeypatch):
    """One broken rule gives unknown results instead of stopping the run."""

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr("os2bot.rules.RULES", (("broken", broken),))

    results = evaluate(snapshot(datetime.now(UTC), {}), config())

    assert {r.state for r in results} == {State.UNKNOWN}
    assert "boom" in results[0].reason.params["error"]
