# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Joint support: SLA in support hours, the hours card, first responses, incremental worklogs."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import requests

from os2bot.domain import State
from os2bot.sandbox.seed import SeedIssue
from os2bot.state import SqliteState
from os2bot.support import (
    Outcome,
    Selector,
    SupportAsk,
    SupportDay,
    SupportIssue,
    Term,
    Worklog,
    card_usage,
    judge_issue,
    support_hours,
)
from os2bot.support_collect import MemoryStore, _read

from conftest import JIRA_USER, make_seed, tracker_for
from contract import validate_request, validate_response

CPH = ZoneInfo("Europe/Copenhagen")
TODAY = datetime.now(CPH).date()
DAY = SupportDay()  # 8-16 on Danish working days
FOUR_HOURS = Term(first_response=4, resolution=16)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment in Copenhagen."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=CPH)


def issue(created: datetime, responded: datetime | None, resolved: datetime | None = None):
    """A support issue of priority High."""
    return SupportIssue(
        "S-1", "S", "Fejl", "http://j/browse/S-1", "High", created, resolved, responded
    )


# --------------------------------------------------------------------- SLA in support hours


def test_a_response_on_monday_to_a_friday_afternoon_issue_keeps_a_4_hour_sla():
    """Friday 15:00 to Monday 10:00 is 3 support hours: the weekend does not count."""
    friday = date(2026, 11, 27)
    monday = date(2026, 11, 30)
    judged = judge_issue(
        issue(at(friday, 15), at(monday, 10), at(monday, 15)), FOUR_HOURS, DAY, CPH, at(monday, 16)
    )
    assert judged.response_hours == 3
    assert judged.outcome is Outcome.KEPT


def test_a_response_on_tuesday_to_a_friday_afternoon_issue_breaks_it():
    """Friday 15:00 to Tuesday 09:00 is 1 + 8 + 1 = 10 support hours: breached."""
    friday, tuesday = date(2026, 11, 27), date(2026, 12, 1)
    judged = judge_issue(
        issue(at(friday, 15), at(tuesday, 9)), FOUR_HOURS, DAY, CPH, at(tuesday, 12)
    )
    assert judged.response_hours == 10
    assert judged.outcome is Outcome.BREACHED
    assert "first_response" in judged.late


def test_easter_holidays_do_not_count_towards_the_sla():
    """Wednesday before Easter 2027 15:00 to Tuesday after 10:00: Maundy Thursday, Good Friday,
    the weekend and Easter Monday are closed, so 1 + 2 = 3 support hours: kept."""
    wednesday, tuesday = date(2027, 3, 24), date(2027, 3, 30)
    assert support_hours(at(wednesday, 15), at(tuesday, 10), DAY, CPH) == 3
    judged = judge_issue(
        issue(at(wednesday, 15), at(tuesday, 10), at(tuesday, 15)),
        FOUR_HOURS,
        DAY,
        CPH,
        at(tuesday, 16),
    )
    assert judged.outcome is Outcome.KEPT


def test_the_same_calendar_time_without_a_holiday_breaks_the_sla():
    """Wednesday 15:00 to the next Tuesday 10:00 in an ordinary week is 35 support hours."""
    wednesday, tuesday = date(2026, 11, 18), date(2026, 11, 24)
    judged = judge_issue(
        issue(at(wednesday, 15), at(tuesday, 10)), FOUR_HOURS, DAY, CPH, at(tuesday, 11)
    )
    assert judged.outcome is Outcome.BREACHED


# -------------------------------------------------------------------------- the hours card


def logs(hours_each: float, days: list[date]) -> list[Worklog]:
    """A worklog of *hours_each* at 9 on each day."""
    return [
        Worklog(id=n, issue_id="1", started=at(d, 9), seconds=int(hours_each * 3600))
        for n, d in enumerate(days)
    ]


def test_a_card_at_74_percent_that_lasts_needs_no_task_and_at_76_it_does():
    """74 of 100 hours used and slow: no task; 76 hours: the 75 % mark is passed."""
    today, start, end = date(2026, 11, 30), date(2026, 1, 1), date(2026, 12, 31)
    old = [date(2026, 2, 1) + timedelta(days=i) for i in range(37)]  # long before the 8 weeks
    at74 = card_usage(logs(2, old), bought=100, start=start, end=end, today=today, tz=CPH)
    at76 = card_usage(
        logs(2, [*old, date(2026, 3, 20)]), bought=100, start=start, end=end, today=today, tz=CPH
    )
    assert round(at74.share * 100) == 74
    assert not at74.needs_attention
    assert round(at76.share * 100) == 76
    assert at76.needs_attention


def test_a_card_used_fast_runs_out_before_its_period_ends():
    """70 of 100 hours in the last 8 weeks (8.75 h a week): 30 hours left last about 3.4
    weeks, so the card runs out in December, before the period ends on 31 March 2027."""
    today = date(2026, 11, 30)
    days = [today - timedelta(days=7 * w) for w in range(7)]
    usage = card_usage(
        logs(10, days),
        bought=100,
        start=date(2026, 4, 1),
        end=date(2027, 3, 31),
        today=today,
        tz=CPH,
    )
    assert usage.used == 70
    assert usage.runs_out is not None
    assert usage.runs_out < date(2027, 3, 31)
    assert usage.runs_out == today + timedelta(days=24)
    assert usage.runs_out_early
    assert usage.needs_attention


def test_the_status_line_says_how_the_card_stands():
    """Chat's status line names the card's outlook: used up, running out early, lasting, idle."""
    from os2bot.notify.compose import card_status
    from os2bot.support import CardUsage, outlook

    start, end = date(2026, 1, 1), date(2026, 12, 31)

    def card(used: float, runs_out: date | None) -> CardUsage:
        return CardUsage(100, used, start, end, 2.5, runs_out)

    cards = {
        "used_up": card(100, date(2026, 10, 5)),
        "early": card(80, date(2026, 11, 2)),
        "lasts": card(20, date(2027, 6, 1)),
        "idle": card(20, None),
    }
    assert {name: outlook(c) for name, c in cards.items()} == {n: n for n in cards}
    assert card_status(cards["used_up"], "da") == (
        "Klippekort: 100 af 100 timer brugt (100 %); opbrugt 5. oktober 2026, før perioden "
        "slutter 31. december 2026"
    )
    assert card_status(cards["early"], "en") == (
        "Prepaid hours card: 80 of 100 hours used (80%); runs out on November 2, 2026, before the "
        "period ends on December 31, 2026"
    )
    assert card_status(cards["lasts"], "da").endswith(
        "rækker perioden ud (den slutter 31. december 2026; med det forbrug først tomt "
        "1. juni 2027)"
    )
    assert "intet forbrug de seneste 8 uger" in card_status(cards["idle"], "da")


# ----------------------------------------------- first responses and worklogs from the sandbox


def support_seed():
    """The test seed with a support issue the bot and a supplier commented on."""
    seed = make_seed()
    for name in ("reporter", "supplier"):
        seed.jira.users.append(
            seed.jira.users[0].model_copy(
                update={
                    "account_id": f"712020:{name}",
                    "name": name,
                    "display_name": name.title(),
                    "email": f"{name}@example.dk",
                    "api_token": None,
                    "pat": None,
                }
            )
        )
    seed.jira.issues.append(
        SeedIssue(
            project="MO",
            summary="Login fejler",
            labels=["support"],
            priority="High",
            created="-3d 09:00",
            author="reporter",
            comments=[
                {"author": JIRA_USER["name"], "at": "-3d 09:05", "body": "os2bot: registreret"},
                {"author": "supplier", "at": "-2d 10:00", "body": "Vi kigger på det"},
            ],
            worklogs=[{"author": "supplier", "started": "-2d 10:00", "hours": 3}],
        )
    )
    return seed


def test_the_bots_own_comment_is_no_first_response(sandbox_factory):
    """The bot commented five minutes after the issue was created; the first response is the
    supplier's comment the next day, so that is what the SLA is measured by."""
    sandbox = sandbox_factory(support_seed())
    tracker = tracker_for(sandbox)
    ask = SupportAsk("MO", Selector(labels=("support",)), TODAY - timedelta(days=90))
    found, _cards = tracker.support.support_issues([ask], {})
    (read,) = found
    comments = sandbox.jira.comments[read.key]
    supplier = datetime.fromisoformat(comments[1]["created"])
    assert read.first_response == supplier


def card_runs(sandbox, state):
    """Runs of the support read for MO (support issues and card: label support, the card from
    30 days back), each through a new tracker: it returns the facts and that tracker's calls."""
    ask = SupportAsk(
        "MO",
        Selector(labels=("support",)),
        TODAY - timedelta(days=90),
        Selector(labels=("support",)),
    )
    card = SimpleNamespace(start=TODAY - timedelta(days=30), worklog_property=None)
    product = SimpleNamespace(project="MO", key="mo", support=SimpleNamespace(card=card))

    def run():
        tracker = tracker_for(sandbox)
        return _read(tracker.support, state, [ask], [product]), tracker.calls

    return run


def login_issue(sandbox) -> str:
    """The key of the seed's support issue."""
    return next(
        k for k, i in sandbox.jira.issues.items() if i["fields"]["summary"] == "Login fejler"
    )


def test_the_first_response_is_the_first_comment_or_status_change_by_neither_reporter_nor_bot():
    """The reporter's own comment and status change and the bot's comment do not answer the
    issue; a supplier's status change before its comment does. Identity by accountId on Cloud,
    by name or key on Data Center; a change to another field is no response."""
    from os2bot.adapters.jira_support import first_response

    def user(**ids: str) -> dict[str, str]:
        return {"displayName": "x", **ids}

    def when(hour: int) -> str:
        return f"2026-11-30T{hour:02d}:00:00.000+0100"

    def change(author: dict[str, str], hour: int, field: str = "status") -> dict[str, object]:
        return {"author": author, "created": when(hour), "items": [{"field": field}]}

    for reporter, supplier, bot, me in [
        (user(accountId="r"), user(accountId="s"), user(accountId="b"), {"accountId": "b"}),
        (user(name="r", key="JIRAUSER1"), user(name="s"), user(name="b"), {"name": "b"}),
    ]:
        raw = {"fields": {"reporter": reporter}}
        comments = [
            {"author": reporter, "created": when(9)},
            {"author": bot, "created": when(10)},
            {"author": supplier, "created": when(14)},
        ]
        histories = [
            change(reporter, 11),
            change(supplier, 12, "priority"),
            change(supplier, 13),
        ]
        assert first_response(raw, histories, comments, me) == datetime.fromisoformat(when(13))
        assert first_response(raw, histories[:2], comments, me) == datetime.fromisoformat(when(14))
        assert first_response(raw, histories[:2], comments[:2], me) is None


def test_worklogs_are_read_incrementally(sandbox_factory, tmp_path):
    """A second run asks worklog/updated once and reads no worklog again; a changed worklog
    is read alone, in one worklog/list call."""
    sandbox = sandbox_factory(support_seed())
    state = SqliteState(tmp_path / "state.sqlite3")
    run = card_runs(sandbox, state)
    first, calls1 = run()
    assert calls1.get("POST worklog/list") == 1
    _, calls2 = run()
    assert calls2.get("GET worklog/updated") == 1
    assert "POST worklog/list" not in calls2
    assert len(state.stored_worklogs("jira", sorted(first["mo"].card_issues))) == 1
    (worklog_id,) = list(sandbox.jira.worklogs.logs)
    sandbox.jira.worklogs.touch(worklog_id, 4 * 3600, datetime.now(UTC) - timedelta(minutes=5))
    _, calls3 = run()
    assert calls3.get("POST worklog/list") == 1
    (kept,) = state.stored_worklogs("jira", sorted(first["mo"].card_issues))
    assert kept.seconds == 4 * 3600


def test_a_worklog_deleted_in_jira_no_longer_counts_after_the_next_run(sandbox_factory, tmp_path):
    """The first run keeps the worklog (and asks no worklog/deleted: nothing kept could have
    gone yet); it is deleted through Jira's REST API; the second run forgets it at the cost of
    one worklog/deleted call, and the card's hours drop to zero."""
    sandbox = sandbox_factory(support_seed())
    state = SqliteState(tmp_path / "state.sqlite3")
    run = card_runs(sandbox, state)
    first, calls1 = run()
    assert len(first["mo"].worklogs) == 1
    assert "GET worklog/deleted" not in calls1
    (worklog_id,) = list(sandbox.jira.worklogs.logs)
    key = login_issue(sandbox)
    response = requests.delete(
        f"{sandbox.url}/rest/api/2/issue/{key}/worklog/{worklog_id}",
        headers={"Authorization": "Basic " + _basic()},
        timeout=10,
    )
    assert response.status_code == 204
    # Jira leaves out the last minute's deletions; the second run comes later than that.
    sandbox.jira.worklogs.deleted[worklog_id] -= 5 * 60 * 1000
    second, calls2 = run()
    assert second["mo"].worklogs == ()
    assert state.stored_worklogs("jira", sorted(first["mo"].card_issues)) == []
    assert calls2.get("GET worklog/deleted") == 1
    # What a second run cost before (the first without worklog/list), and one call more.
    assert sum(calls2.values()) == sum(calls1.values()) - calls1["POST worklog/list"] + 1
    _, calls3 = run()
    assert calls3.get("GET worklog/deleted") == 1
    assert "POST worklog/list" not in calls3


def walk_worklog_routes(sandbox, auth):
    """Call every worklog and changelog route; return (method, url, status, body, request)."""
    api = sandbox.url + "/rest/api/2"
    head = {"Authorization": auth}
    key = login_issue(sandbox)
    out = []
    for method, path, kwargs in [
        ("GET", f"/issue/{key}/worklog", {}),
        ("GET", "/issue/NOPE-1/worklog", {}),
        ("GET", "/worklog/updated", {"params": {"since": 0}}),
        ("GET", "/worklog/deleted", {"params": {"since": 0}}),
        ("POST", "/worklog/list", {"json": {"ids": [30001]}, "params": {"expand": "properties"}}),
        ("POST", "/worklog/list", {"json": {"ids": []}}),
        (
            "POST",
            "/changelog/bulkfetch",
            {"json": {"issueIdsOrKeys": [key], "fieldIds": ["status"]}},
        ),
        ("POST", "/changelog/bulkfetch", {"json": {"issueIdsOrKeys": []}}),
        ("DELETE", f"/issue/{key}/worklog/99999", {}),
        ("DELETE", f"/issue/{key}/worklog/30001", {}),
        ("GET", "/worklog/deleted", {"params": {"since": 0}}),
    ]:
        response = requests.request(method, api + path, headers=head, timeout=10, **kwargs)
        out.append(
            (method, response.url, response.status_code, response.content, kwargs.get("json"))
        )
    return out


def test_every_worklog_and_changelog_answer_conforms_to_atlassians_description(sandbox_factory):
    """Each worklog and bulk-changelog route, successes and errors, validates against the spec."""
    sandbox = sandbox_factory(support_seed())
    answers = walk_worklog_routes(sandbox, "Basic " + _basic())
    assert [status for _method, _url, status, _body, _sent in answers] == [
        *(200, 404, 200, 200, 200, 400),  # worklogs, a missing issue's, updated, deleted, list
        *(200, 400, 404, 204, 200),  # bulkfetch and empty, DELETE missing and real, deleted
    ]
    updated, deleted_after = json.loads(answers[2][3]), json.loads(answers[10][3])
    assert [v["worklogId"] for v in updated["values"]] == [30001]
    assert updated["lastPage"] is True
    assert deleted_after["values"] == []  # deleted this minute: Jira tells it after a minute
    for method, url, status, body, sent in answers:
        validate_response(method, url, status, body)
        if sent and status < 400:
            validate_request(
                method, url, json.dumps(sent).encode(), content_type="application/json"
            )


def _basic() -> str:
    return base64.b64encode(f"{JIRA_USER['email']}:{JIRA_USER['api_token']}".encode()).decode()


def test_memory_store_keeps_a_run_without_a_state_database(sandbox_factory):
    """Without a state database (a read-only check) the run still counts every worklog: the
    store keeps what it is given for the run, by issue, and forgets what is deleted."""
    store = MemoryStore()
    store.save_worklogs("jira", logs(1, [date(2026, 11, 2)]), (0, 5))
    assert len(store.stored_worklogs("jira", ["1"])) == 1
    assert store.stored_worklogs("jira", ["2"]) == []
    store.forget_worklogs("jira", [0], (5, 6))
    assert store.stored_worklogs("jira", ["1"]) == []
    assert (store.worklog_cursor("jira"), store.deletion_cursor("jira")) == ((0, 5), (5, 6))
    facts, calls = card_runs(sandbox_factory(support_seed()), MemoryStore())()
    assert [w.seconds for w in facts["mo"].worklogs] == [3 * 3600]
    assert calls.get("POST worklog/list") == 1


# ------------------------------------------------------- the support agreement's end


def _os2forms_with_support_expiring(expires: date):
    """The shipped configuration with OS2forms' support agreement ending on *expires*."""
    import dataclasses

    from os2bot.config import load_config

    from conftest import CONFIG

    config = load_config(CONFIG)
    products = []
    for product in config.products:
        changed = product
        if product.key == "os2forms":
            agreement = product.support.agreement.model_copy(update={"expires": expires})
            support = product.support.model_copy(update={"agreement": agreement})
            changed = product.model_copy(update={"support": support})
        products.append(changed)
    return dataclasses.replace(config, products=products)


def _plan(config, today: date):
    from os2bot.domain import Snapshot
    from os2bot.planner import plan_actions
    from os2bot.rules import evaluate

    now = datetime(today.year, today.month, today.day, 9, tzinfo=CPH)
    projects = frozenset(p.project for p in config.products) | {"SEK"}
    snapshot = Snapshot(taken_at=now, timezone="Europe/Copenhagen", projects=projects)
    results = evaluate(snapshot, config)
    return results, plan_actions(results, config, snapshot, "da")


def test_an_expired_support_agreement_fails_both_checks_and_opens_one_task():
    """After its last day the agreement is not in force and its SLA binds no one; the
    secretariat gets one task saying so, which stands for both checks' reminders."""
    today = date(2027, 7, 5)
    results, actions = _plan(_os2forms_with_support_expiring(date(2027, 6, 30)), today)
    mine = {r.check_id: r for r in results if r.product == "os2forms"}
    assert mine["drift-supportaftale"].state.value == "not_met"
    assert mine["drift-supportaftale"].reason.key == "reason.support.expired"
    assert mine["drift-sla"].reason.key == "reason.sla.agreement_expired"
    titles = [a.summary for a in actions if a.product == "os2forms" and a.kind.value == "create"]
    assert "Supportaftalen for OS2forms er udløbet (2027-06-30)" in titles
    assert not any("Supportaftale i kraft er ikke opfyldt" in t for t in titles)
    assert not any("SLA overholdt er ikke opfyldt" in t for t in titles)


def test_the_support_agreement_in_force_is_met_only_with_its_trace_in_jira():
    """Declared and in force: met with the filed agreement as evidence, not met without it
    (naming the JQL), unknown when the project cannot be read; the declaration stays a note."""
    from os2bot.rules import jql
    from os2bot.rules import support as support_rule

    from builders import check, context, product, snapshot
    from builders import issue as tracker_issue

    evidence = check("drift-supportaftale").evidences[0]
    assert isinstance(evidence, support_rule.SupportEvidence)
    assert evidence.trace is not None
    query = jql.query(evidence.trace)
    supported = product(
        agreement={"signed": "2025-01-01", "extensions": ["faelles_drift"]},
        support={
            "agreement": {"supplier": "Drift A/S", "start": "2026-01-01", "expires": "2027-12-31"}
        },
    )
    filed = tracker_issue("TEST-7", summary="Supportaftale 2026")

    def judge(**snap):
        return support_rule.judge(evidence, context(snapshot(**snap), supported))

    met = judge(results={query: {"TEST": [filed]}})
    assert (met.state, met.reason.key) == (State.MET, "reason.support.in_force")
    assert [e.key for e in met.evidence] == ["TEST-7"]
    missing = judge(results={query: {"TEST": []}})
    assert missing.state is State.NOT_MET
    assert missing.reason.key == "reason.support.no_trace"
    assert missing.reason.params == {"jql": "labels = supportaftale"}
    assert [n.key for n in missing.notes] == ["reason.support.in_force"]
    unread = judge(projects=set())
    assert unread.state is State.UNKNOWN
    assert [n.key for n in unread.notes] == ["reason.support.in_force"]


def test_the_nearest_notice_before_the_support_agreement_expires_and_never_both():
    """80 days before: the 90-day notice; 20 days before: the 30-day notice only."""
    config = _os2forms_with_support_expiring(date(2027, 6, 30))
    _, at80 = _plan(config, date(2027, 6, 30) - timedelta(days=80))
    _, at20 = _plan(config, date(2027, 6, 30) - timedelta(days=20))

    def notices(actions):
        return [
            a.summary
            for a in actions
            if a.kind.value == "create"
            and a.summary.startswith("Supportaftalen for OS2forms udløber")
        ]

    assert notices(at80) == ["Supportaftalen for OS2forms udløber 2027-06-30 (90 dages varsel)"]
    assert notices(at20) == ["Supportaftalen for OS2forms udløber 2027-06-30 (30 dages varsel)"]


# ---------------------------------------------------------------- the card and SLA in the report


def test_the_report_shows_the_sla_with_its_breaches_and_the_card_recorded_per_run(
    shipped_config,
):
    """A run records the card's numbers; the next run could not read the card, so the report
    shows the card as the first run measured it (and says when), the SLA as the latest run
    judged it with its breach linked — valid against the schema, in HTML and Markdown."""
    import jsonschema

    from os2bot.domain import CheckResult, Evidence, Msg, State
    from os2bot.ports import RunRecord
    from os2bot.report import html, markdown
    from os2bot.report.document import build_compliance_report, points_from_history
    from os2bot.support import card_numbers

    from conftest import REPO as ROOT

    state = SqliteState(":memory:")
    start = date(2026, 4, 1)
    logs = [Worklog(n, "10", at(start + timedelta(days=7 * n), 10), 8 * 3600) for n in range(1, 9)]
    usage = card_usage(
        logs, bought=100, start=start, end=date(2027, 3, 31), today=date(2026, 6, 1), tz=CPH
    )
    sla = CheckResult(
        "os2forms",
        "drift-sla",
        State.NOT_MET,
        Msg(
            "reason.sla.not_kept",
            {"kept": 3, "count": 4, "share": 75, "threshold": 90, "days": 90, "breaches": ["S-9"]},
        ),
        (Evidence("jira", "S-9", "Login fejler", "https://jira.example/browse/S-9"),),
    )
    row = (
        sla.product,
        sla.check_id,
        sla.state.value,
        sla.reason.key,
        json.dumps(sla.reason.params),
        json.dumps([e.to_json() for e in sla.evidence]),
    )
    first, second = "2026-06-01T08:00:00+00:00", "2026-06-02T08:00:00+00:00"
    card_row = ("os2forms", json.dumps(card_numbers(usage)))
    state.record_run(RunRecord("r1", "apply", first, first, "ok", {}, None, [row], [], [card_row]))
    state.record_run(RunRecord("r2", "apply", second, second, "ok", {}, None, [row], []))
    points = points_from_history(state.history(), state.cards())
    now = datetime.fromisoformat(second)
    doc = build_compliance_report(
        shipped_config,
        points,
        now=now,
        language="da",
        since=now - timedelta(days=7),
        jira_url="https://jira.example",
    )
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    forms = next(p for p in doc["products"] if p["key"] == "os2forms")
    support = forms["support"]
    assert support["sla"]["kept"] == 3
    assert support["sla"]["count"] == 4
    assert support["sla"]["breaches"] == [
        {"key": "S-9", "url": "https://jira.example/browse/S-9", "summary": "Login fejler"}
    ]
    card = support["card"]
    assert card["recorded"] == first  # the latest run did not read it
    assert (card["used"], card["bought"], card["outlook"]) == (64.0, 100, "early")
    assert card["runs_out"] == usage.runs_out.isoformat()
    assert all(p["support"] is None for p in doc["products"] if p["key"] != "os2forms")

    page = html.render_product_page(doc, "os2forms")
    assert '<a href="https://jira.example/browse/S-9">S-9</a>' in page
    assert "64 af 100 timer brugt (64 %)" in page
    assert "Ét brud på SLA&#39;en:" in page
    assert "Målt ved kørslen" in page
    text = markdown.render_compliance_report(doc)
    assert "- [S-9](https://jira.example/browse/S-9) Login fejler" in text
    assert "løber kortet tør" in text


def test_a_state_database_of_schema_6_gains_the_cards_table(tmp_path):
    """A database written before cards were recorded is migrated on open; its runs stay."""
    import sqlite3

    from os2bot.state import _MIGRATIONS

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for version in range(1, 7):
        db.executescript(_MIGRATIONS[version])
        db.execute("INSERT INTO schema_version VALUES (?)", (version,))
    db.execute(
        "INSERT INTO runs (run_id, mode, started_at, outcome) VALUES ('r0', 'apply', "
        "'2026-01-01T00:00:00+00:00', 'ok')"
    )
    db.commit()
    db.close()
    readonly = SqliteState(path, readonly=True)
    assert readonly.cards() == {}  # read-only before any run migrated it: no cards, no error
    readonly.close()
    state = SqliteState(path)
    assert state.version == 7
    assert [r["run_id"] for r in state.runs()] == ["r0"]
    assert state.cards() == {}
