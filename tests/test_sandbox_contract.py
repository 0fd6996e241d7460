# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Everything the sandbox answers, and everything the bot sends, against the vendors' specs."""

from __future__ import annotations

import base64
import dataclasses
import json
import re
from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest
import requests

from os2bot.adapters.jira_tracker import JiraTracker
from os2bot.adapters.slack_chat import SlackChat
from os2bot.config import load_config
from os2bot.flow import Mode, run_once
from os2bot.sandbox.seed import load_seed
from os2bot.state import SqliteState

from conftest import (
    CONFIG,
    JIRA_USER,
    SLACK_APP_TOKEN,
    SLACK_TOKEN,
    chat_for,
    make_seed,
    meeting,
    tracker_for,
)
from contract import ContractError, validate_request, validate_response
from test_flow import config_for

BASIC = (
    "Basic " + base64.b64encode(f"{JIRA_USER['email']}:{JIRA_USER['api_token']}".encode()).decode()
)
BEARER = f"Bearer {JIRA_USER['pat']}"


def walk_every_route(sandbox, auth):  # noqa: PLR0915 - one call per route, in order
    """Call each route the sandbox serves, the way a client would, successes and errors."""
    jira = {"Authorization": auth}
    slack = {"Authorization": f"Bearer {SLACK_TOKEN}"}
    api = sandbox.url + "/rest/api/2"
    cloud = sandbox.seed.jira.deployment == "cloud"
    get = lambda path, **kw: requests.get(api + path, headers=jira, timeout=10, **kw)  # noqa: E731
    post = lambda path, body: requests.post(api + path, headers=jira, json=body, timeout=10)  # noqa: E731
    get("/serverInfo")
    get("/myself")
    requests.get(api + "/myself", timeout=10)  # 401
    get("/field")
    get("/project")
    get("/project/MO")
    get("/project/NOPE")  # 404
    get("/project/MO/versions")
    walk_access_routes(get, cloud=cloud)
    search = "/search/jql" if cloud else "/search"
    get(
        search,
        params={
            "jql": "project = MO ORDER BY created DESC",
            "fields": "summary,labels",
            "maxResults": 1,
        },
    )
    get(search, params={"jql": "project = MO AND ("})  # 400
    get(search, params={"jql": "project = MO", "fields": "updated,creator", "expand": "changelog"})
    # Cloud's search/jql takes expand as a comma-separated string, Data Center's search a list.
    expand = "changelog" if cloud else ["changelog"]
    post(search, {"jql": "project = MO", "fields": ["comment"], "expand": expand})
    post(
        search, {"jql": "labels = koordinationsgruppemøde", "fields": ["summary"], "maxResults": 5}
    )
    other = "/search" if cloud else "/search/jql"
    get(other, params={"jql": "project = MO"})  # 410 on Cloud, 404 on Data Center
    post(other, {"jql": "project = MO"})
    created = post(
        "/issue",
        {
            "fields": {
                "project": {"key": "MO"},
                "issuetype": {"name": "Task"},
                "summary": "Kontrakt",
                "labels": ["os2bot"],
            }
        },
    ).json()
    post(
        "/issue",
        {"fields": {"project": {"key": "MO"}, "issuetype": {"name": "Saga"}, "summary": "x"}},
    )  # 400
    key = created["key"]
    get(f"/issue/{key}", params={"fields": "summary,status"})
    get(f"/issue/{key}", params={"fields": "creator,comment", "expand": "changelog"})
    get(f"/issue/{key}/changelog", params={"startAt": 0, "maxResults": 1})  # 404 on Data Center
    get("/issue/MO-999")  # 404
    # Joint support: worklogs and bulk changelogs (tests/test_support.py walks them further).
    get("/issue/MO-1/worklog")
    get("/worklog/updated", params={"since": 0})
    get("/worklog/deleted", params={"since": 0})
    requests.delete(api + "/issue/MO-1/worklog/1", headers=jira, timeout=10)  # 404: no such
    post("/worklog/list", {"ids": [1]})
    post("/changelog/bulkfetch", {"issueIdsOrKeys": ["MO-1"]})  # 404 on Data Center
    requests.put(
        f"{api}/issue/{key}", headers=jira, json={"fields": {"summary": "Kontrakt 2"}}, timeout=10
    )
    comment = post(f"/issue/{key}/comment", {"body": "hej"}).json()
    get(f"/issue/{key}/comment")
    requests.put(
        f"{api}/issue/{key}/comment/{comment['id']}",
        headers=jira,
        json={"body": "hej igen"},
        timeout=10,
    )
    transitions = get(f"/issue/{key}/transitions").json()["transitions"]
    post(f"/issue/{key}/transitions", {"transition": {"id": transitions[-1]["id"]}})
    requests.get(
        sandbox.url + "/rest/agile/1.0/board",
        headers=jira,
        params={"projectKeyOrId": "MO"},
        timeout=10,
    )
    requests.post(  # Cloud's JQL parser (config validate --online); Data Center has none
        api + "/jql/parse",
        headers=jira,
        params={"validation": "strict"},
        json={"queries": ["labels = x", "labels = x) OR (labels = y", '"Epic Link" = MO-1']},
        timeout=10,
    )
    for method in ("auth.test", "conversations.list", "users.conversations"):
        requests.post(f"{sandbox.url}/api/{method}", headers=slack, timeout=10)
    requests.get(f"{sandbox.url}/api/users.conversations", headers=slack, timeout=10)
    requests.get(
        f"{sandbox.url}/api/conversations.info",
        headers=slack,
        params={"channel": "C0TESTMO01"},
        timeout=10,
    )
    requests.post(  # channel_not_found
        f"{sandbox.url}/api/conversations.info",
        headers=slack,
        data={"channel": "C0NOSUCH01"},
        timeout=10,
    )
    requests.post(
        f"{sandbox.url}/api/auth.test", headers={"Authorization": "Bearer xoxb-no"}, timeout=10
    )
    posted = requests.post(
        f"{sandbox.url}/api/chat.postMessage",
        headers=slack,
        timeout=10,
        json={
            "channel": "#os2mo",
            "text": "hej",
            "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*hej*"}}],
            "metadata": {"event_type": "os2bot_message", "event_payload": {"key": "k"}},
        },
    ).json()
    requests.get(
        f"{sandbox.url}/api/conversations.history",
        headers=slack,
        params={"channel": posted["channel"], "include_all_metadata": "true", "limit": 10},
        timeout=10,
    )
    requests.post(  # channel_not_found: history takes a channel's ID, never its name
        f"{sandbox.url}/api/conversations.history",
        headers=slack,
        data={"channel": "#os2mo"},
        timeout=10,
    )
    requests.post(
        f"{sandbox.url}/api/chat.postMessage",
        headers=slack,
        timeout=10,
        json={"channel": "#nowhere", "text": "hej"},
    )
    requests.post(
        f"{sandbox.url}/api/chat.update",
        headers=slack,
        timeout=10,
        json={"channel": posted["channel"], "ts": posted["ts"], "text": "hej igen"},
    )
    requests.get(f"{sandbox.url}/api/conversations.list", headers=slack, timeout=10)
    for method in ("users.lookupByEmail", "users.info"):
        for verb in (requests.get, requests.post):
            verb(
                f"{sandbox.url}/api/{method}",
                headers=slack,
                params={"email": "mette@os2.test", "user": "U0METTE01"},
                timeout=10,
            )
    requests.post(  # Socket Mode: the app-level token gets a websocket URL, a bot token not
        f"{sandbox.url}/api/apps.connections.open",
        headers={"Authorization": f"Bearer {SLACK_APP_TOKEN}"},
        timeout=10,
    )
    requests.get(  # users_not_found
        f"{sandbox.url}/api/users.lookupByEmail",
        headers=slack,
        params={"email": "nobody@os2.test"},
        timeout=10,
    )


def walk_access_routes(get, *, cloud):
    """What `os2bot doctor` and `product new` ask Jira: statuses, permissions, users."""
    get("/project/MO/statuses")
    get("/project/NOPE/statuses")  # 404
    get(
        "/mypermissions",
        params={"projectKey": "MO", "permissions": "BROWSE_PROJECTS,CREATE_ISSUES"},
    )
    get("/mypermissions", params={"projectKey": "NOPE", "permissions": "BROWSE_PROJECTS"})  # 404
    get("/mypermissions", params={"permissions": "NO_SUCH_PERMISSION"})  # 400
    user = JIRA_USER["account_id"] if cloud else JIRA_USER["name"]
    get("/user", params={"accountId" if cloud else "username": user})
    get("/user", params={"accountId" if cloud else "username": "nobody"})  # 404


def inspect_with_the_bot(sandbox):
    """What `os2bot doctor` and `os2bot product new` ask, through the real adapters."""
    tracker = tracker_for(sandbox)
    tracker.myself()
    tracker.project_facts("MO")
    tracker.permissions("MO")
    tracker.permissions("NOPE")
    tracker.find_user(JIRA_USER["account_id"] if tracker.is_cloud else JIRA_USER["name"])
    tracker.newest_labelled("MO", "koordinationsgruppemøde")
    chat = chat_for(sandbox)
    chat.whoami()
    chat.access(["#os2mo", "C0TESTFRM1", "#nowhere"])


def run_the_bot(sandbox, tmp_path):
    """The whole flow, twice, so that creates, searches, status posts and edits all happen."""
    deployment = sandbox.seed.jira.deployment
    state = SqliteState(tmp_path / "state.sqlite3")
    for _ in range(2):
        run_once(
            config_for(deployment),
            tracker_for(sandbox),
            now=datetime.now(UTC),
            language="da",
            mode=Mode.APPLY,
            chats={"slack": chat_for(sandbox)},
            state=state,
        )


# Where the sandbox follows Atlassian's behaviour rather than its (older) description.
DEVIATIONS = {
    # Atlassian removed GET/POST /rest/api/2/search on Cloud (CHANGE-2046) and answers 410;
    # the v2 description still documents it. The sandbox answers as Cloud does, so a bot
    # that fell back to the old endpoint would fail here, not in production.
    ("GET", "/rest/api/2/search", 410),
    ("POST", "/rest/api/2/search", 410),
    # Data Center never had /search/jql; there is no public Data Center description, and the
    # Cloud one cannot document a route's absence.
    ("GET", "/rest/api/2/search/jql", 404),
    ("POST", "/rest/api/2/search/jql", 404),
    # Nor jql/parse: the bot asks Data Center with a strict search for nothing instead.
    ("POST", "/rest/api/2/jql/parse", 404),
    # Nor changelog/bulkfetch (Cloud only): the bot reads Data Center's changelogs from the
    # search's expand=changelog instead.
    ("POST", "/rest/api/2/changelog/bulkfetch", 404),
    # Slack's description (2020) predates Socket Mode (2021): apps.connections.open is not in
    # it. Its answer ({"ok": true, "url": "wss://…"}) follows Slack's method documentation.
    ("POST", "/api/apps.connections.open", 200),
}


def as_the_spec_knows(exchange) -> bytes:
    """The answer without what came after the spec: Slack's description predates message
    metadata (2022), which conversations.history gives when asked (include_all_metadata) and
    which the spec's Message object, closed to unknown keys, does not list."""
    if exchange.path != "/api/conversations.history" or not exchange.response_body:
        return exchange.response_body
    body = json.loads(exchange.response_body)
    for message in body.get("messages") or ():
        message.pop("metadata", None)
    return json.dumps(body).encode()


def check_exchanges(sandbox):
    """Validate every recorded exchange; return the failures."""
    failures = []
    for exchange in sandbox.exchanges:
        if (exchange.method, exchange.path, exchange.status) in DEVIATIONS:
            continue
        url = sandbox.url + exchange.path
        if exchange.query:
            url += "?" + urlencode(exchange.query, doseq=True)
        try:
            validate_response(exchange.method, url, exchange.status, as_the_spec_knows(exchange))
            if exchange.status < 400 and exchange.method in {"POST", "PUT"}:
                validate_request(
                    exchange.method,
                    url,
                    exchange.request_body or None,
                    content_type=exchange.request_type or "application/json",
                )
        except ContractError as exc:
            failures.append(str(exc))
    return failures


@pytest.mark.parametrize(("deployment", "auth"), [("cloud", BASIC), ("datacenter", BEARER)])
def test_every_route_and_the_bots_own_traffic_conform_to_the_specs(
    sandbox_factory, tmp_path, deployment, auth
):
    """Each route the sandbox implements is called, the bot runs its whole flow, and every
    response (and every write the bot sends) validates against Atlassian's and Slack's OpenAPI."""
    seed = make_seed(
        deployment=deployment, issues=[meeting("MO", "-30d"), meeting("OS2FORMS", "-150d")]
    )
    seed.jira.projects[0].versions = [
        type(seed.jira.projects[0])
        .model_fields["versions"]
        .annotation.__args__[0](name="1.0", release_date="+10d")
    ]
    seed.jira.projects[0].lead = JIRA_USER["name"]
    sandbox = sandbox_factory(seed)

    walk_every_route(sandbox, auth)
    run_the_bot(sandbox, tmp_path)
    inspect_with_the_bot(sandbox)

    failures = check_exchanges(sandbox)
    assert failures == [], "\n\n".join(failures)
    hit = {(e.method, e.path) for e in sandbox.exchanges}
    routes = sandbox.jira.routes() + sandbox.slack.routes()
    missed = [
        f"{method} {pattern}"
        for method, pattern, _handler in routes
        if not any(m == method and re.fullmatch(pattern, path) for m, path in hit)
    ]
    assert missed == []


@pytest.mark.parametrize("deployment", ["cloud", "datacenter"])
def test_the_demo_run_conforms_to_the_specs(sandbox_factory, tmp_path, deployment):
    """The full profile against the demo data — searches, versions, the board listing, task
    creation and Slack posts — sends and receives only what the specs describe."""
    seed = load_seed(CONFIG / "demo")
    seed.jira.deployment = deployment
    sandbox = sandbox_factory(seed)
    user = seed.jira.users[0]
    cfg = load_config(CONFIG)
    cfg = dataclasses.replace(
        cfg,
        bot=cfg.bot.model_copy(
            update={"jira": cfg.bot.jira.model_copy(update={"deployment": deployment})}
        ),
    )
    tracker = JiraTracker(
        sandbox.url, deployment=deployment, email=user.email, api_token=user.api_token, pat=user.pat
    )
    chat = SlackChat(seed.slack.tokens[0], base_url=sandbox.url + "/api/")

    run_once(
        cfg,
        tracker,
        now=datetime.now(UTC),
        language="da",
        mode=Mode.APPLY,
        chats={"slack": chat},
        state=SqliteState(tmp_path / "state.sqlite3"),
    )

    failures = check_exchanges(sandbox)
    assert failures == [], "\n\n".join(failures)
    assert sandbox.calls(r"/versions$")
    assert sandbox.calls(r"/rest/agile/1\.0/board$")
