# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The report served by `os2bot run`: pages in a browser at desktop and phone widths, the
access rule, read-only answers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime

import pytest
import requests
from cdp import Browser

from os2bot.config import load_config
from os2bot.config.bot import ReportServing
from os2bot.sandbox.seed import load_seed
from os2bot.service.view import COOKIE, Access, AccessRefused, ReportView, access_rule

from conftest import CONFIG

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TOKEN = "a-long-random-report-token-0123456789"


def start_service(sandbox, tmp_path, extra: str = "", env_extra: dict | None = None):
    """`os2bot run` on a copy of the shipped configuration against *sandbox*, running once
    at start on a free port; returns the process and the port."""
    config_dir = tmp_path / "config"
    shutil.copytree(CONFIG, config_dir)
    main = (config_dir / "os2bot.yaml").read_text(encoding="utf-8")
    (config_dir / "os2bot.yaml").write_text(
        main + "schedule:\n  run_at_start: true\nservice:\n  port: 0\n" + extra,
        encoding="utf-8",
    )
    user = sandbox.seed.jira.users[0]
    env = {
        **os.environ,
        "OS2BOT_STATE": str(tmp_path / "state.sqlite3"),
        "OS2BOT_JIRA_URL": sandbox.url,
        "OS2BOT_JIRA_EMAIL": user.email,
        "OS2BOT_JIRA_TOKEN": str(user.api_token),
        **(env_extra or {}),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "os2bot", "run", "--config", str(config_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_first_run(service) -> int:
    """The service's port, once its first run has finished (read from its log, no polling)."""
    started = service.stdout.readline()
    port = int(started.split("port ")[1].split(".")[0])
    for line in service.stderr:
        if '"event": "run.finished"' in line:
            break
    return port


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_served_pages_read_on_a_desktop_and_a_phone(sandbox_factory, tmp_path, artefact):
    """`os2bot run` serves the portfolio and a product page from its first run: at 1400 and
    390 px the summary and "most at risk" fit the width (no sideways scrolling on a phone),
    every gap's reason and fix are in the page's text, and the page loads nothing else."""
    sandbox = sandbox_factory(load_seed(CONFIG / "demo"))
    service = start_service(sandbox, tmp_path)
    try:
        port = wait_for_first_run(service)
        base = f"http://127.0.0.1:{port}"
        document = requests.get(f"{base}/rapport.json", timeout=10).json()
        browser = Browser(CHROMIUM, tmp_path / "profile")
        found = {}
        try:
            for path, name in (("/", "portefolje"), ("/produkt/os2forms", "os2forms")):
                for width in (1400, 390):
                    browser.open(base + path, width=width)
                    found[(path, width)] = browser.evaluate(
                        "JSON.stringify({"
                        "scroll: document.documentElement.scrollWidth,"
                        "inner: window.innerWidth,"
                        "boxes: [...document.querySelectorAll("
                        "'section[aria-labelledby=overblik], section[aria-labelledby=risiko],"
                        " section[aria-labelledby=status], section[aria-labelledby=mangler]')]"
                        ".map(s => s.getBoundingClientRect().right),"
                        "text: document.body.textContent,"
                        "loaded: performance.getEntriesByType('resource').length})"
                    )
                    browser.screenshot(artefact(f"served-{name}-{width}.png"), full=True)
        finally:
            browser.close()
    finally:
        service.send_signal(signal.SIGTERM)
        service.wait(timeout=60)

    forms = next(p for p in document["products"] if p["key"] == "os2forms")
    assert document["at_risk"]
    assert forms["gaps"]
    for (path, width), raw in found.items():
        page = json.loads(raw)
        assert page["loaded"] == 0, path
        assert page["boxes"], path
        assert all(right <= page["inner"] for right in page["boxes"]), (path, width)
        if width == 390:
            assert page["scroll"] <= page["inner"], path
        for gap in forms["gaps"]:
            assert gap["reason"] in page["text"], (path, gap["check"])
            assert gap["fix"] in page["text"], (path, gap["check"])
    # Joint support on OS2forms' page: the SLA with each breach, the card with its run-out day.
    support = forms["support"]
    assert support["card"] is not None
    assert support["card"]["outlook"] == "early"  # the demo's card runs out before its period
    assert support["sla"]["breaches"]
    page = json.loads(found[("/produkt/os2forms", 1400)])["text"]
    assert "Fælles support" in page
    assert "Klippekort" in page
    assert "løber kortet tør" in page
    for breach in support["sla"]["breaches"]:
        assert breach["key"] in page
    portfolio = json.loads(found[("/", 390)])["text"]
    assert "Mest i risiko" in portfolio
    assert document["products"][0]["name"] in portfolio


def test_the_served_report_refuses_to_start_where_others_reach_it_without_an_access_rule(
    tmp_path,
):
    """Bound to every interface with no token and no declared proxy, `os2bot run` refuses to
    start (exit 2) and says how to give an access rule; nothing is contacted."""
    env = {
        **os.environ,
        "OS2BOT_STATE": str(tmp_path / "state.sqlite3"),
        "OS2BOT_JIRA_URL": "http://127.0.0.1:9",
        "OS2BOT_JIRA_EMAIL": "bot@os2.test",
        "OS2BOT_JIRA_TOKEN": "x-token-x",
        "OS2BOT_SERVICE_HOST": "0.0.0.0",  # noqa: S104 - the point of the test
    }
    env.pop("OS2BOT_REPORT_TOKEN", None)

    done = subprocess.run(
        [sys.executable, "-m", "os2bot", "run", "--config", str(CONFIG)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 2
    assert "OS2BOT_REPORT_TOKEN" in done.stderr
    assert "service.report.access: proxy" in done.stderr


@pytest.mark.parametrize(
    ("host", "serving", "token", "expected"),
    [
        ("127.0.0.1", {}, None, "loopback"),
        ("::1", {}, None, "loopback"),
        ("0.0.0.0", {}, TOKEN, "token"),  # noqa: S104
        ("0.0.0.0", {"access": "proxy"}, None, "proxy"),  # noqa: S104
        ("127.0.0.1", {}, TOKEN, "token"),  # a token set is always asked for
    ],
)
def test_access_rules(host, serving, token, expected):
    """The loopback needs no rule; elsewhere a token or a declared proxy is the rule."""
    assert access_rule(host, ReportServing(**serving), token).kind == expected


@pytest.mark.parametrize(
    ("host", "serving", "token", "why"),
    [
        ("0.0.0.0", {}, None, "cli.report_public"),  # noqa: S104
        ("192.0.2.7", {}, None, "cli.report_public"),
        ("127.0.0.1", {"access": "token"}, None, "cli.report_no_token"),
        ("0.0.0.0", {}, "short", "cli.report_weak_token"),  # noqa: S104
    ],
)
def test_no_access_rule_is_refused(host, serving, token, why):
    """Where others reach it without a rule, with `access: token` but no token, or with a
    guessable token, the report is refused, saying why."""
    with pytest.raises(AccessRefused) as refused:
        access_rule(host, ReportServing(**serving), token)
    assert refused.value.text_key == why


def view(tmp_path, access: Access) -> ReportView:
    """The served report with no runs yet."""
    return ReportView(
        load_config(CONFIG),
        state_path=tmp_path / "none.sqlite3",
        language="da",
        jira_url="https://jira.test",
        access=access,
        clock=lambda: datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
    )


def test_a_token_is_asked_for_as_a_bearer_header_or_once_in_the_address(tmp_path):
    """Without the token the report answers 401; with it as a Bearer header it answers; with
    ?token= it sets a cookie holding no token and sends the reader to the address without
    it; the cookie then suffices; a wrong token gets nothing."""
    served = view(tmp_path, Access("token", token=TOKEN))

    refused = served.answer("/", {})
    bearer = served.answer("/", {"authorization": f"Bearer {TOKEN}"})
    wrong = served.answer("/?token=wrong", {})
    once = served.answer("/produkt/os2mo?token=" + TOKEN, {})
    cookie = once.headers["Set-Cookie"].split(";")[0]
    again = served.answer("/produkt/os2mo", {"cookie": cookie})

    assert refused.status == 401
    assert bearer.status == 200
    assert wrong.status == 401
    assert once.status == 303
    assert once.headers["Location"] == "/produkt/os2mo"
    assert cookie.startswith(f"{COOKIE}=")
    assert TOKEN not in once.headers["Set-Cookie"]
    assert "HttpOnly" in once.headers["Set-Cookie"]
    assert again.status == 200
    assert b"OS2mo" in again.body


def test_behind_a_declared_proxy_a_request_without_its_header_is_refused(tmp_path):
    """With `access: proxy` a request that did not come through the proxy (no reader header)
    is refused; one that names its reader is answered."""
    served = view(tmp_path, Access("proxy", proxy_header="X-Forwarded-User"))

    assert served.answer("/", {}).status == 403
    assert served.answer("/", {"x-forwarded-user": "mette@os2.eu"}).status == 200


def test_the_served_report_is_read_only_and_answers_unknown_products_with_404(tmp_path):
    """Pages carry a policy that loads nothing from elsewhere; a product is found by its key,
    Jira key or name in any case, an unknown one is 404; paths that are not the report's are
    left to others; the JSON is the document."""
    served = view(tmp_path, Access("loopback"))

    page = served.answer("/produkt/MO", {})
    by_name = served.answer("/produkt/os2MO", {})
    unknown = served.answer("/produkt/nope", {})
    data = served.answer("/rapport.json", {})

    assert page.status == 200
    assert by_name.status == 200
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert unknown.status == 404
    assert served.answer("/healthz", {}) is None
    assert data.content_type.startswith("application/json")
    assert json.loads(data.body)["note"].startswith("Ingen kørsler endnu")
