# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The secretariat's compliance report: one document, four formats, history and trends."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import jsonschema
import pytest

from os2bot.domain import CheckResult, Evidence, Msg, State
from os2bot.httpd import PromptHTTPServer
from os2bot.messages import render
from os2bot.report import csv as report_csv
from os2bot.report import html as report_html
from os2bot.report import json as report_json
from os2bot.report import markdown as report_markdown
from os2bot.report.document import (
    Point,
    build_compliance_report,
    build_run_results,
    points_from_history,
)

from builders import PROFILE, config, product

SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "docs" / "report.schema.json").read_text()
)
CHECKS = [c.id for c in PROFILE.checks]
NOW = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
MO = product(key="os2mo", name="OS2mo", jira={"project": "MO"})
FORMS = product(key="os2forms", name="OS2forms", jira={"project": "OS2FORMS"}, phase="tilslutning")


def point(run: str, days_ago: int, states: dict[tuple[str, str], str]):
    """A run *days_ago* days before NOW; unnamed checks are met."""
    results = {}
    for product_key in ("os2mo", "os2forms"):
        for check in CHECKS:
            state = states.get((product_key, check), "met")
            results[(product_key, check)] = CheckResult(
                product_key,
                check,
                State(state),
                Msg("reason.jql.none", {"jql": "labels = x"}),
                (Evidence("jira", "MO-1", "Møde", "https://os2web.atlassian.net/browse/MO-1"),),
            )
    return Point(run, NOW - timedelta(days=days_ago), results)


def document(points, **kwargs):
    """The report over MO and OS2forms."""
    return build_compliance_report(
        config(MO, FORMS),
        points,
        now=NOW,
        language="da",
        since=NOW - timedelta(days=7),
        jira_url="https://os2web.atlassian.net",
        **kwargs,
    )


HISTORY = [
    point("r1", 14, {("os2forms", "koordinationsgruppe"): "met"}),
    point(
        "r2", 8, {("os2forms", "koordinationsgruppe"): "met", ("os2mo", "styregruppe"): "unknown"}
    ),
    point(
        "r3", 0, {("os2forms", "koordinationsgruppe"): "not_met", ("os2mo", "styregruppe"): "met"}
    ),
]


def test_json_follows_its_schema_and_tells_changes_and_trend():
    """The JSON validates against docs/report.schema.json, lists what changed since the last
    run before `since`, and gives a trend point per run."""
    doc = document(HISTORY)

    jsonschema.validate(doc, SCHEMA)
    changes = {(c["product"], c["check"], c["before"], c["after"]) for c in doc["changes"]}
    assert changes == {
        ("os2forms", "koordinationsgruppe", "met", "not_met"),
        ("os2mo", "styregruppe", "unknown", "met"),
    }
    assert doc["portfolio_trend"][0]["met_share"] == 1.0
    assert doc["portfolio_trend"][-1]["met_share"] < 1.0
    forms = next(p for p in doc["products"] if p["key"] == "os2forms")
    assert forms["cells"][CHECKS.index("koordinationsgruppe")]["evidence"] == [
        {"key": "MO-1", "url": "https://os2web.atlassian.net/browse/MO-1", "summary": "Møde"}
    ]
    assert doc["note"] is None


def test_evidence_links_where_it_lives_and_old_history_still_links_to_jira():
    """A reference from Git keeps its own URL; a run recorded with Jira keys only gets /browse/."""
    minutes = Evidence("git", "20261102_referat.md", "Referat", "https://github.test/r/blob/x.md")
    rows = [
        (
            "os2mo",
            "koordinationsgruppe",
            "met",
            "reason.jql.none",
            '{"jql": "x"}',
            json.dumps([minutes.to_json()]),
        ),
        ("os2mo", "styregruppe", "met", "reason.jql.none", '{"jql": "x"}', json.dumps(["MO-7"])),
    ]
    points = points_from_history([("r1", NOW.isoformat(), rows)])

    doc = document(points)

    mo = next(p for p in doc["products"] if p["key"] == "os2mo")
    by_check = {c["check"]: c["evidence"] for c in mo["cells"]}
    assert by_check["koordinationsgruppe"] == [
        {
            "key": "20261102_referat.md",
            "url": "https://github.test/r/blob/x.md",
            "summary": "Referat",
        }
    ]
    assert by_check["styregruppe"][0]["url"] == "https://os2web.atlassian.net/browse/MO-7"


def test_csv_parses_into_the_same_cells_as_the_json():
    """CSV has one row per product × check, with the same states as the JSON."""
    doc = document(HISTORY)

    rows = list(csv.DictReader(io.StringIO(report_csv.render_compliance_report(doc))))

    expected = {(p["key"], c["check"]): c["state"] for p in doc["products"] for c in p["cells"]}
    assert {(r["product"], r["check"]): r["state"] for r in rows} == expected
    assert len(rows) == 2 * len(CHECKS)


def test_markdown_and_html_show_the_same_states():
    """Markdown and HTML show each cell's symbol for the state the JSON gives."""
    doc = document(HISTORY)
    markdown = report_markdown.render_compliance_report(doc)
    html = report_html.render_compliance_report(doc)

    forms_row = next(line for line in markdown.splitlines() if line.startswith("| OS2forms |"))
    kg = CHECKS.index("koordinationsgruppe")
    assert forms_row.split(" | ")[1 + kg] == "✘"
    assert html.count('<td class="not_met') == sum(
        c["state"] == "not_met" for p in doc["products"] for c in p["cells"]
    )
    assert "## Ændringer" in markdown


def test_empty_history_is_said_and_still_a_valid_report():
    """Without any run the report says there is no history yet and still validates."""
    doc = document([], from_history=False)

    jsonschema.validate(doc, SCHEMA)
    assert doc["note"] == "Ingen historik endnu: rapporten bygger på den aktuelle kørsel."
    assert doc["portfolio_trend"] == []
    assert "Ingen historik endnu" in report_html.render_compliance_report(doc)


def test_a_product_with_every_check_waived():
    """A product whose every check is waived shows ≈ everywhere, lists its waivers, and its
    share is not counted (nothing is required of it for now)."""
    waivers = [
        {"check": c, "reason": "Udfases", "approver": "Bestyrelsen", "expires": "2027-06-30"}
        for c in CHECKS
    ]
    waived = product(key="os2mo", name="OS2mo", jira={"project": "MO"}, waivers=waivers)
    points = [
        Point(
            "r1",
            NOW,
            {
                ("os2mo", c): CheckResult(
                    "os2mo",
                    c,
                    State.WAIVED,
                    Msg(
                        "reason.waived",
                        {"reason": "Udfases", "approver": "Bestyrelsen", "expires": "2027-06-30"},
                    ),
                )
                for c in CHECKS
            },
        )
    ]

    doc = build_compliance_report(
        config(waived), points, now=NOW, language="da", since=NOW, jira_url="https://j"
    )

    jsonschema.validate(doc, SCHEMA)
    [mo] = doc["products"]
    assert {c["state"] for c in mo["cells"]} == {"waived"}
    assert len(mo["waivers"]) == len(CHECKS)
    assert all(w["active"] for w in mo["waivers"])
    assert mo["trend"][0]["met_share"] is None


def test_filters_choose_products():
    """A report for chosen products has only those."""
    doc = document(HISTORY, products=[FORMS])

    assert [p["key"] for p in doc["products"]] == ["os2forms"]


def test_english_report():
    """With language en the report is in English."""
    doc = build_compliance_report(
        config(MO),
        HISTORY,
        now=NOW,
        language="en",
        since=NOW - timedelta(days=7),
        jira_url="https://j",
    )

    html = report_html.render_compliance_report(doc)
    assert '<html lang="en">' in html
    assert "Every product and check" in html
    assert "Nov 27, 2026" in html


# A Jira summary written to do harm: HTML, Markdown emphasis and link, a table cell, a formula.
HOSTILE = "<script>alert(1)</script> *fed* [klik](javascript:alert(1)) | =1+1"


def test_jira_text_with_markup_is_inert_in_every_format_and_page():
    """A Jira summary with <script>, Markdown markup and a formula — in a reason, in evidence
    and in a task — shows as text everywhere: escaped in the file and served HTML and in the
    product page, backslash-escaped in Markdown, a CSV cell that reads back as exactly that
    text, and a JSON string that parses back as exactly that text."""
    hostile = Msg(
        "reason.jql.found", {"key": "MO-1", "summary": HOSTILE, "count": 1, "date": "2026-11-01"}
    )
    latest = point("r1", 0, {})
    latest.results[("os2mo", "styregruppe")] = CheckResult(
        "os2mo",
        "styregruppe",
        State.NOT_MET,
        hostile,
        (Evidence("jira", "MO-1", HOSTILE, "https://os2web.atlassian.net/browse/MO-1"),),
    )
    doc = document([latest], tasks=[("os2mo", "MO-9", "fp", HOSTILE)])
    run = build_run_results(config(MO, FORMS), list(latest.results.values()), "da", generated=NOW)

    pages = [
        report_html.render_compliance_report(doc),
        report_html.render_compliance_report(doc, served=True),
        report_html.render_product_page(doc, "os2mo"),
    ]
    markdowns = [
        report_markdown.render_compliance_report(doc),
        report_markdown.render_run_results(run),
    ]
    rows = list(csv.DictReader(io.StringIO(report_csv.render_compliance_report(doc))))
    data = json.loads(report_json.render_compliance_report(doc))

    for html in pages:
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert 'href="javascript' not in html
    for markdown in markdowns:
        assert "<script>" not in markdown
        assert "[klik](" not in markdown
    escaped = r"\<script\>alert(1)\</script\> \*fed\* \[klik\](javascript:alert(1)) \| =1+1"
    assert escaped in markdowns[1]
    [cell] = [r for r in rows if (r["product"], r["check"]) == ("os2mo", "styregruppe")]
    assert cell["reason"] == render(hostile, "da")
    [mo] = [p for p in data["products"] if p["key"] == "os2mo"]
    assert mo["open_tasks"][0]["summary"] == HOSTILE


def test_csv_cells_that_look_like_formulas_stay_text():
    """A CSV cell that a spreadsheet would evaluate (=, +, -, @ first) gets a quote in front."""
    named = product(key="os2mo", name='=HYPERLINK("https://evil.test")', jira={"project": "MO"})
    doc = build_compliance_report(
        config(named), [point("r1", 0, {})], now=NOW, language="da", since=NOW, jira_url="https://j"
    )

    rows = list(csv.DictReader(io.StringIO(report_csv.render_compliance_report(doc))))

    assert {r["product_name"] for r in rows} == {'\'=HYPERLINK("https://evil.test")'}


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Chromium's own background traffic (updates, clock, accounts), not the page's.
CHROMIUM_OWN = {
    "update.googleapis.com",
    "clients2.google.com",
    "clientservices.googleapis.com",
    "accounts.google.com",
    "www.google.com",
    "optimizationguide-pa.googleapis.com",
    "safebrowsingohttpgateway.googleapis.com",
    "content-autofill.googleapis.com",
    "edgedl.me.gvt1.com",
    "redirector.gvt1.com",
}


def _host(request_line: str) -> str:
    """The host a proxied request was for (absolute URL or CONNECT host:port)."""
    rest = request_line.split("://", 1)[-1]
    return rest.split("/", 1)[0].split(":", 1)[0]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_html_renders_in_headless_chromium_without_requests(tmp_path, artefact):
    """Headless Chromium renders the matrix, the legend and the trend chart, and the page asks
    nothing of the network (a recording proxy sees no request)."""
    path = tmp_path / "rapport.html"
    path.write_text(report_html.render_compliance_report(document(HISTORY)), encoding="utf-8")
    seen: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def log_message(self, *_args):
            """Quiet."""

        def do_GET(self):
            seen.append(self.path)
            self.send_response(404)
            self.end_headers()

        do_CONNECT = do_GET  # noqa: N815

    proxy = PromptHTTPServer(("127.0.0.1", 0), Recorder)  # stops without a 0.5 s poll
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    flags = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--proxy-server=127.0.0.1:{proxy.server_address[1]}",
        "--proxy-bypass-list=<-loopback>",
        "--window-size=1280,2000",
    ]
    try:
        dom = subprocess.run(
            [*flags, "--dump-dom", path.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
        shot = artefact("rapport-screenshot.png")
        subprocess.run(
            [*flags, f"--screenshot={shot}", path.as_uri()],
            capture_output=True,
            timeout=120,
            check=True,
        )
    finally:
        proxy.shutdown()

    assert '<table class="matrix">' in dom
    assert 'id="legend"' in dom
    assert "<polyline" in dom
    assert 'th scope="row"' in dom
    assert shot.stat().st_size > 10_000
    page = path.read_text(encoding="utf-8")
    assert [r for r in seen if _host(r) not in CHROMIUM_OWN] == []
    for fetching in ("<script", "<link", "src=", "url(", "@import"):
        assert fetching not in page


# ------------------------------------------------------------------- dates come from evidence

SG_MEETING = Evidence(
    "jira",
    "MO-2",
    "Styregruppemøde – oktober",
    "https://os2web.atlassian.net/browse/MO-2",
    datetime(2026, 10, 20, 22, 30, tzinfo=UTC),  # 21 October in Copenhagen
)
KG_MEETING = Evidence(
    "jira",
    "MO-4",
    "Koordinationsgruppemøde – november",
    "https://os2web.atlassian.net/browse/MO-4",
    datetime(2026, 11, 10, 14, 0, tzinfo=UTC),
)


def meetings_point() -> Point:
    """A run in which OS2mo's steering group is met by its declaration (a reason without a
    date) with the meeting as evidence, and its coordination group by the meeting itself."""
    results = {
        ("os2mo", "styregruppe"): CheckResult(
            "os2mo",
            "styregruppe",
            State.MET,
            Msg(
                "reason.declared.group",
                {"group": "steering_group", "lead": "A", "members": 2, "kommissorium": "k.pdf"},
            ),
            (SG_MEETING,),
        ),
        ("os2mo", "koordinationsgruppe"): CheckResult(
            "os2mo",
            "koordinationsgruppe",
            State.NOT_MET,
            Msg(
                "reason.jql.too_old",
                {
                    "key": "MO-4",
                    "summary": "Koordinationsgruppemøde – november",
                    "date": "2026-11-10",
                    "days": 17,
                    "window": 14,
                    "basis": "window_cadence",
                },
            ),
            (KG_MEETING,),
        ),
    }
    return Point("r1", NOW, results)


def test_the_last_meetings_are_dated_and_named_by_their_meeting_evidence():
    """The report's last steering and coordination group meetings are the meeting issues the
    checks rest on, dated by those issues in Copenhagen days, not by the wording of a reason."""
    doc = document([meetings_point()])

    jsonschema.validate(doc, SCHEMA)
    mo = next(p for p in doc["products"] if p["key"] == "os2mo")
    assert mo["last_meetings"] == {
        "steering_group": {
            "date": "2026-10-21",
            "key": "MO-2",
            "url": "https://os2web.atlassian.net/browse/MO-2",
            "summary": "Styregruppemøde – oktober",
        },
        "coordination_group": {
            "date": "2026-11-10",
            "key": "MO-4",
            "url": "https://os2web.atlassian.net/browse/MO-4",
            "summary": "Koordinationsgruppemøde – november",
        },
    }


def test_meeting_dates_survive_the_run_history():
    """A run kept in the history keeps its evidence's dates, so the report drawn from it shows
    the last meeting too."""
    rows = [
        (
            "os2mo",
            "styregruppe",
            "met",
            "reason.declared.group",
            json.dumps({"group": "steering_group", "lead": "A", "members": 2, "kommissorium": "k"}),
            json.dumps([SG_MEETING.to_json()]),
        )
    ]

    doc = document(points_from_history([("r1", NOW.isoformat(), rows)]))

    mo = next(p for p in doc["products"] if p["key"] == "os2mo")
    assert mo["last_meetings"]["steering_group"]["date"] == "2026-10-21"
    assert mo["last_meetings"]["coordination_group"] is None


def test_html_names_the_last_meeting_with_its_date():
    """The HTML report shows the last steering group meeting's date with a link to it."""
    page = report_html.render_compliance_report(document([meetings_point()]))

    assert "21. okt. 2026" in page
    assert 'href="https://os2web.atlassian.net/browse/MO-2"' in page


def test_a_reason_recorded_before_its_text_took_another_value_still_renders():
    """A run recorded before a reason's text named one more value (the steering group's
    kommissorium) is still shown, the missing value as a dash, rather than breaking the report."""
    rows = [
        (
            "os2mo",
            "styregruppe",
            "met",
            "reason.declared.group",
            json.dumps({"group": "steering_group", "lead": "A", "members": 2}),
            json.dumps([SG_MEETING.to_json()]),
        )
    ]

    doc = document(points_from_history([("r1", NOW.isoformat(), rows)]))

    mo = next(p for p in doc["products"] if p["key"] == "os2mo")
    cell = mo["cells"][CHECKS.index("styregruppe")]
    assert cell["reason"] == (
        "Ifølge produktfilen: styregruppe med formand A og 2 medlemmer; kommissorium: -."
    )


def test_the_overviews_tiles_read_as_danish_counts():
    """One unknown check is "1 ukendt", two are "2 ukendte"."""
    one = point("r1", 0, {("os2mo", "styregruppe"): "unknown"})
    two = point(
        "r2", 0, {("os2mo", "styregruppe"): "unknown", ("os2forms", "styregruppe"): "unknown"}
    )

    assert "<strong>1</strong> ukendt</li>" in report_html.render_compliance_report(document([one]))
    assert "<strong>2</strong> ukendte</li>" in report_html.render_compliance_report(
        document([two])
    )
