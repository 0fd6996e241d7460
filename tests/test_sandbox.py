# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The sandbox on real HTTP: auth, search paging, fields, writes, Slack, seeds and faults."""

from __future__ import annotations

import base64
import dataclasses
import json
import time
from datetime import UTC, datetime, timedelta

import pytest
import requests

from os2bot.sandbox import Fault
from os2bot.sandbox.seed import ZulipSeed, resolve_date, resolve_datetime

from conftest import JIRA_USER, SLACK_TOKEN, make_seed, meeting

BASIC = (
    "Basic " + base64.b64encode(f"{JIRA_USER['email']}:{JIRA_USER['api_token']}".encode()).decode()
)
BEARER = f"Bearer {JIRA_USER['pat']}"


def jira(sandbox, method, path, *, auth=BASIC, **kwargs):
    """A raw Jira request to the sandbox."""
    return requests.request(
        method, sandbox.url + path, headers={"Authorization": auth}, timeout=10, **kwargs
    )


def many_meetings(n):
    """*n* meeting issues in MO."""
    return [{**meeting("MO", f"-{i + 1}d"), "summary": f"Møde {i}"} for i in range(n)]


def test_requests_without_valid_credentials_get_401_in_jiras_shape(sandbox_factory):
    """No auth, wrong token and a PAT on Basic are all refused with errorMessages."""
    sandbox = sandbox_factory()
    wrong = "Basic " + base64.b64encode(b"bot@os2.test:nope").decode()

    responses = [
        requests.get(sandbox.url + "/rest/api/2/myself", timeout=10),
        jira(sandbox, "GET", "/rest/api/2/myself", auth=wrong),
        jira(sandbox, "GET", "/rest/api/2/myself", auth="Bearer nope"),
    ]

    assert [r.status_code for r in responses] == [401, 401, 401]
    assert all("Authentication required" in r.json()["errorMessages"][0] for r in responses)


def test_basic_and_bearer_both_authenticate(sandbox_factory):
    """Email + API token (Cloud) and a personal access token (Data Center) both work."""
    sandbox = sandbox_factory()

    assert jira(sandbox, "GET", "/rest/api/2/myself").json()["emailAddress"] == JIRA_USER["email"]
    assert jira(sandbox, "GET", "/rest/api/2/myself", auth=BEARER).status_code == 200


def test_server_info_follows_the_seeds_deployment(sandbox_factory):
    """ServerInfo says Cloud or Server as the seed says, which is how the jira client decides."""
    cloud = sandbox_factory(make_seed(deployment="cloud"))
    datacenter = sandbox_factory(make_seed(deployment="datacenter"))

    assert jira(cloud, "GET", "/rest/api/2/serverInfo").json()["deploymentType"] == "Cloud"
    assert jira(datacenter, "GET", "/rest/api/2/serverInfo").json()["deploymentType"] == "Server"


def test_search_jql_pages_with_next_page_token_until_the_last(sandbox_factory):
    """7 issues with pages of 3 come back in 3 pages linked by nextPageToken, none twice."""
    sandbox = sandbox_factory(make_seed(issues=many_meetings(7), page_size=3))
    keys, token, pages = [], None, 0

    while True:
        params = {"jql": "project = MO", "maxResults": 100, "fields": "summary"}
        if token:
            params["nextPageToken"] = token
        body = jira(sandbox, "GET", "/rest/api/2/search/jql", params=params).json()
        pages += 1
        keys += [i["key"] for i in body["issues"]]
        token = body.get("nextPageToken")
        if not token:
            break

    assert pages == 3
    assert sorted(keys) == sorted(f"MO-{n}" for n in range(1, 8))
    assert body["isLast"] is True


def test_search_jql_post_and_fields_honoured(sandbox_factory):
    """POST search/jql returns only the asked-for fields."""
    sandbox = sandbox_factory(make_seed(issues=many_meetings(2)))

    body = jira(
        sandbox,
        "POST",
        "/rest/api/2/search/jql",
        json={"jql": "labels = koordinationsgruppemøde", "fields": ["summary", "labels"]},
    ).json()

    assert len(body["issues"]) == 2
    assert set(body["issues"][0]["fields"]) == {"summary", "labels"}


def test_legacy_search_pages_with_start_at_in_data_center_mode(sandbox_factory):
    """Data Center's /search pages with startAt and reports the total."""
    sandbox = sandbox_factory(
        make_seed(deployment="datacenter", issues=many_meetings(5), page_size=2)
    )

    first = jira(
        sandbox, "GET", "/rest/api/2/search", auth=BEARER, params={"jql": "project = MO"}
    ).json()
    last = jira(
        sandbox,
        "GET",
        "/rest/api/2/search",
        auth=BEARER,
        params={"jql": "project = MO", "startAt": 4},
    ).json()

    assert (first["total"], first["maxResults"], len(first["issues"])) == (5, 2, 2)
    assert (last["startAt"], len(last["issues"])) == (4, 1)


def test_legacy_search_is_gone_on_cloud_and_search_jql_absent_on_data_center(sandbox_factory):
    """Like Atlassian: Cloud removed /search (410), Data Center never had /search/jql (404)."""
    cloud = sandbox_factory(make_seed(deployment="cloud"))
    datacenter = sandbox_factory(make_seed(deployment="datacenter"))

    assert jira(cloud, "GET", "/rest/api/2/search", params={"jql": ""}).status_code == 410
    assert jira(datacenter, "GET", "/rest/api/2/search/jql", auth=BEARER).status_code == 404


def test_invalid_jql_is_400_with_error_messages(sandbox_factory):
    """Broken JQL and an unknown project give 400 with Jira's errorMessages."""
    sandbox = sandbox_factory()

    broken = jira(sandbox, "GET", "/rest/api/2/search/jql", params={"jql": "project = MO AND ("})
    unknown = jira(
        sandbox, "GET", "/rest/api/2/search/jql", params={"jql": "project in (MO, NOPE)"}
    )

    assert broken.status_code == 400
    assert broken.json()["errorMessages"][0].startswith("Error in the JQL Query")
    assert unknown.status_code == 400
    assert unknown.json()["errorMessages"] == [
        "The value 'NOPE' does not exist for the field 'project'."
    ]


def test_create_validates_fields_like_jira(sandbox_factory):
    """Labels with spaces, unknown issue types and missing summaries are refused with errors."""
    sandbox = sandbox_factory()
    base = {"project": {"key": "MO"}, "issuetype": {"name": "Task"}, "summary": "x"}

    spaced = jira(
        sandbox, "POST", "/rest/api/2/issue", json={"fields": {**base, "labels": ["a b"]}}
    )
    bad_type = jira(
        sandbox,
        "POST",
        "/rest/api/2/issue",
        json={"fields": {**base, "issuetype": {"name": "Saga"}}},
    )
    no_summary = jira(
        sandbox,
        "POST",
        "/rest/api/2/issue",
        json={"fields": {k: v for k, v in base.items() if k != "summary"}},
    )
    created = jira(
        sandbox, "POST", "/rest/api/2/issue", json={"fields": {**base, "labels": ["os2bot"]}}
    )

    assert spaced.status_code == 400
    assert "labels" in spaced.json()["errors"]
    assert bad_type.json()["errors"] == {"issuetype": "valid issue type is required"}
    assert "summary" in no_summary.json()["errors"]
    assert created.status_code == 201
    assert created.json()["key"] == "MO-1"


def test_transition_to_done_sets_resolution_and_comment(sandbox_factory):
    """A transition into a done-category status resolves the issue and can carry a comment."""
    sandbox = sandbox_factory(
        make_seed(
            projects=[
                {
                    "key": "MO",
                    "name": "OS2mo",
                    "workflow": [
                        {"id": "1", "name": "Åben", "category": "new"},
                        {"id": "2", "name": "Færdig", "category": "done"},
                    ],
                }
            ],
            issues=[{"project": "MO", "summary": "x"}],
        )
    )

    offered = jira(sandbox, "GET", "/rest/api/2/issue/MO-1/transitions").json()["transitions"]
    done = next(t for t in offered if t["to"]["statusCategory"]["key"] == "done")
    moved = jira(
        sandbox,
        "POST",
        "/rest/api/2/issue/MO-1/transitions",
        json={
            "transition": {"id": done["id"]},
            "update": {"comment": [{"add": {"body": "Lukket"}}]},
        },
    )
    issue = jira(sandbox, "GET", "/rest/api/2/issue/MO-1").json()

    assert done["name"] == "Færdig"
    assert moved.status_code == 204
    assert issue["fields"]["status"]["name"] == "Færdig"
    assert issue["fields"]["resolutiondate"] is not None
    assert sandbox.jira.comments["MO-1"][0]["body"] == "Lukket"


def test_slack_records_posts_and_edits_and_refuses_bad_tokens(sandbox_factory):
    """chat.postMessage is recorded, chat.update edits it, and a wrong token is invalid_auth."""
    sandbox = sandbox_factory()
    auth = {"Authorization": f"Bearer {SLACK_TOKEN}"}

    posted = requests.post(
        sandbox.url + "/api/chat.postMessage",
        headers=auth,
        timeout=10,
        json={"channel": "#os2mo", "text": "hej"},
    ).json()
    requests.post(
        sandbox.url + "/api/chat.update",
        headers=auth,
        timeout=10,
        json={"channel": posted["channel"], "ts": posted["ts"], "text": "hej igen"},
    )
    refused = requests.post(
        sandbox.url + "/api/auth.test", timeout=10, headers={"Authorization": "Bearer xoxb-wrong"}
    ).json()

    assert posted["channel"] == "C0TESTMO01"
    assert [m.text for m in sandbox.slack.messages] == ["hej igen"]
    assert sandbox.slack.messages[0].edits[0]["text"] == "hej"
    assert refused == {"ok": False, "error": "invalid_auth"}


def test_slack_refuses_more_than_50_blocks(sandbox_factory):
    """A message over Slack's 50-block limit is refused with invalid_blocks, as Slack does."""
    sandbox = sandbox_factory()
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "x"}}] * 51

    answer = requests.post(
        sandbox.url + "/api/chat.postMessage",
        timeout=10,
        headers={"Authorization": f"Bearer {SLACK_TOKEN}"},
        json={"channel": "#os2mo", "text": "x", "blocks": blocks},
    ).json()

    assert answer == {"ok": False, "error": "invalid_blocks"}
    assert sandbox.slack.messages == []


def test_slack_history_gives_metadata_only_when_asked_and_wants_channel_ids(sandbox_factory):
    """conversations.history lists a channel's messages newest first; a message's metadata
    comes only with include_all_metadata, and a channel name is channel_not_found, as in
    Slack."""
    sandbox = sandbox_factory()
    auth = {"Authorization": f"Bearer {SLACK_TOKEN}"}
    for n in range(2):
        requests.post(
            sandbox.url + "/api/chat.postMessage",
            headers=auth,
            timeout=10,
            json={
                "channel": "#os2mo",
                "text": f"hej {n}",
                "metadata": {"event_type": "os2bot_message", "event_payload": {"key": str(n)}},
            },
        )

    def history(**params):
        return requests.get(
            sandbox.url + "/api/conversations.history", headers=auth, params=params, timeout=10
        ).json()

    plain = history(channel="C0TESTMO01")
    rich = history(channel="C0TESTMO01", include_all_metadata="true", limit=1)
    by_name = history(channel="#os2mo")

    assert [m["text"] for m in plain["messages"]] == ["hej 1", "hej 0"]
    assert all("metadata" not in m for m in plain["messages"])
    assert rich["messages"][0]["metadata"]["event_payload"] == {"key": "1"}
    assert rich["has_more"] is True
    assert by_name == {"ok": False, "error": "channel_not_found"}


def test_zulip_messages_are_read_by_narrow_from_the_newest(sandbox_factory):
    """GET messages with a narrow on stream, topic and sender gives the newest messages of
    that topic, oldest first, as sent (apply_markdown=false)."""
    zulip = ZulipSeed(email="bot@z.test", api_key="k", streams=["OS2forms", "andet"])
    sandbox = sandbox_factory(dataclasses.replace(make_seed(), zulip=zulip))
    auth = ("bot@z.test", "k")
    for stream, topic, content in [
        ("OS2forms", "status", "*en*"),
        ("OS2forms", "andet", "to"),
        ("andet", "status", "tre"),
        ("OS2forms", "status", "fire"),
    ]:
        requests.post(
            sandbox.url + "/api/v1/messages",
            auth=auth,
            data={"type": "stream", "to": stream, "topic": topic, "content": content},
            timeout=10,
        )
    narrow = [
        {"operator": "stream", "operand": "OS2forms"},
        {"operator": "topic", "operand": "status"},
        ["sender", "bot@z.test"],
    ]

    answer = requests.get(
        sandbox.url + "/api/v1/messages",
        auth=auth,
        params={
            "anchor": "newest",
            "num_before": 5,
            "num_after": 0,
            "narrow": json.dumps(narrow),
            "apply_markdown": "false",
        },
        timeout=10,
    ).json()
    unknown = requests.get(
        sandbox.url + "/api/v1/messages",
        auth=auth,
        params={"anchor": "newest", "num_before": 5, "narrow": '[["has", "link"]]'},
        timeout=10,
    ).json()

    assert answer["result"] == "success"
    assert [m["content"] for m in answer["messages"]] == ["*en*", "fire"]
    assert all(m["subject"] == "status" for m in answer["messages"])
    assert answer["messages"][0]["timestamp"] > 0
    assert unknown["code"] == "BAD_NARROW"


def test_seed_dates_are_relative_to_today():
    """'-45d' is 45 days before now, '+2w 10:00' is 10:00 local time 14 days ahead."""
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Europe/Copenhagen")

    assert resolve_datetime("-45d", now, tz) == now - timedelta(days=45)
    assert resolve_datetime("+2w 10:00", now, tz) == datetime(2026, 12, 11, 9, 0, tzinfo=UTC)
    assert resolve_date("-1d", now, tz).isoformat() == "2026-11-26"


def test_seed_clock_time_names_the_local_calendar_day_late_in_the_evening():
    """At 23:06 in Copenhagen, '-150d 12:00' is noon 150 local days back, across summer time."""
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Europe/Copenhagen")
    now = datetime(2026, 11, 29, 22, 6, tzinfo=UTC)  # 23:06 local

    moment = resolve_datetime("-150d 12:00", now, tz)

    assert moment == datetime(2026, 7, 2, 12, 0, tzinfo=tz)


def test_fault_every_nth_request_on_a_path(sandbox_factory):
    """A 503 on every 2nd myself call leaves the other calls and paths alone."""
    sandbox = sandbox_factory()
    fault = sandbox.add_fault(Fault(kind="status", status=503, path=r"/myself$", every=2))

    codes = [jira(sandbox, "GET", "/rest/api/2/myself").status_code for _ in range(4)]
    other = jira(sandbox, "GET", "/rest/api/2/serverInfo").status_code

    assert codes == [200, 503, 200, 503]
    assert other == 200
    assert fault.fired == 2


def test_fault_429_carries_retry_after(sandbox_factory):
    """A rate-limit fault answers 429 with the Retry-After header."""
    sandbox = sandbox_factory()
    sandbox.add_fault(Fault(kind="status", status=429, retry_after=7, times=1))

    limited = jira(sandbox, "GET", "/rest/api/2/myself")
    after = jira(sandbox, "GET", "/rest/api/2/myself")

    assert (limited.status_code, limited.headers["Retry-After"]) == (429, "7")
    assert after.status_code == 200


def test_fault_dropped_connection(sandbox_factory):
    """A drop fault closes the connection without an answer."""
    sandbox = sandbox_factory()
    sandbox.add_fault(Fault(kind="drop", path="/serverInfo", times=1))

    with pytest.raises(requests.ConnectionError):
        jira(sandbox, "GET", "/rest/api/2/serverInfo")
    assert jira(sandbox, "GET", "/rest/api/2/serverInfo").status_code == 200


def test_fault_latency(sandbox_factory):
    """A latency fault delays the answer by the given time."""
    sandbox = sandbox_factory()
    sandbox.add_fault(Fault(kind="latency", latency=0.3, times=1))

    started = time.monotonic()
    jira(sandbox, "GET", "/rest/api/2/myself")

    assert time.monotonic() - started >= 0.3


def test_requests_on_a_kept_alive_connection_do_not_wait_for_delayed_acks(sandbox_factory):
    """Twenty requests on one keep-alive connection take far less than the ~40 ms each that a
    response written in two pieces costs under Nagle's algorithm and delayed ACKs."""
    sandbox = sandbox_factory()

    with requests.Session() as session:
        session.headers["Authorization"] = BASIC
        session.get(sandbox.url + "/rest/api/2/myself", timeout=10)  # the connection is open
        started = time.monotonic()
        answers = [session.get(sandbox.url + "/rest/api/2/myself", timeout=10) for _ in range(20)]
        elapsed = time.monotonic() - started

    assert [a.status_code for a in answers] == [200] * 20
    assert elapsed < 0.5


def test_a_sandbox_stops_without_waiting_for_a_poll(sandbox_factory):
    """Five sandboxes started and stopped one after another take under a second, where
    http.server's half-second poll made each stop right after a start wait about 0.5 s."""
    started = time.monotonic()
    for _ in range(5):
        sandbox = sandbox_factory()
        jira(sandbox, "GET", "/rest/api/2/myself")
        sandbox.stop()
    elapsed = time.monotonic() - started

    assert elapsed < 1.0
    with pytest.raises(requests.ConnectionError):
        jira(sandbox, "GET", "/rest/api/2/myself")


def test_faults_can_be_set_over_http_for_a_standalone_sandbox(sandbox_factory):
    """`sandbox serve` users set faults with POST /_sandbox/faults and clear them with DELETE."""
    sandbox = sandbox_factory()

    requests.post(
        sandbox.url + "/_sandbox/faults", json={"kind": "status", "status": 502}, timeout=10
    )
    failing = jira(sandbox, "GET", "/rest/api/2/myself").status_code
    requests.delete(sandbox.url + "/_sandbox/faults", timeout=10)

    assert failing == 502
    assert jira(sandbox, "GET", "/rest/api/2/myself").status_code == 200


def test_endless_fault_keeps_offering_a_next_page(sandbox_factory):
    """The hostile `endless` search answers the first page each time with a fresh
    nextPageToken and isLast false (or one token again, with same_token); the normal
    search still ends."""
    sandbox = sandbox_factory(make_seed(issues=many_meetings(3), page_size=2))
    params = {"jql": "project = MO", "fields": "summary"}
    normal = jira(sandbox, "GET", "/rest/api/2/search/jql", params=params).json()
    fresh = sandbox.add_fault(Fault(kind="endless", path="/search/jql$", times=2))
    tokens = [
        jira(sandbox, "GET", "/rest/api/2/search/jql", params={**params, "nextPageToken": t})
        .json()
        .get("nextPageToken")
        for t in ("x", "y")
    ]
    sandbox.faults.clear()
    sandbox.add_fault(Fault(kind="endless", path="/search/jql$", same_token=True, times=2))
    posted = [
        jira(
            sandbox, "POST", "/rest/api/2/search/jql", json={**params, "fields": ["summary"]}
        ).json()
        for _ in range(2)
    ]

    assert normal["isLast"] is False
    assert fresh.fired == 2
    assert len(set(tokens)) == 2
    assert [p["nextPageToken"] for p in posted] == ["endless", "endless"]
    assert all(p["isLast"] is False and len(p["issues"]) == 2 for p in posted)


def test_endless_fault_on_data_center_keeps_the_total_ahead(sandbox_factory):
    """On Data Center the endless search's total always lies beyond the page asked for."""
    sandbox = sandbox_factory(
        make_seed(deployment="datacenter", issues=many_meetings(3), page_size=2)
    )
    sandbox.add_fault(Fault(kind="endless", path="/search$"))

    page = jira(
        sandbox,
        "GET",
        "/rest/api/2/search",
        auth=BEARER,
        params={"jql": "project = MO", "startAt": 500},
    ).json()

    assert page["startAt"] == 500
    assert page["total"] > 500 + len(page["issues"])
    assert len(page["issues"]) == 2


# ---------------------------------------------------------------------- who made each change

PERSON = {
    "account_id": "712020:test-person",
    "name": "pia.person",
    "display_name": "Pia Person",
    "email": "pia@kommune.test",
    "api_token": "test-person-token",
}
PERSON_BASIC = "Basic " + base64.b64encode(b"pia@kommune.test:test-person-token").decode()


def with_person(deployment: str = "cloud", issues=None):
    """A seed with the bot and one person who can log in, and MO-1 created by the person."""
    seed = make_seed(
        deployment=deployment,
        issues=issues or [{"project": "MO", "summary": "Udviklingsønske", "created": "-90d"}],
    )
    seed.jira.users.append(type(seed.jira.users[0]).model_validate(PERSON))
    return seed


def test_a_comment_is_written_by_whoever_is_logged_in(sandbox_factory):
    """A comment's author and its editor are the users who wrote and edited it, not always the
    bot."""
    sandbox = sandbox_factory(with_person())

    written = jira(sandbox, "POST", "/rest/api/2/issue/MO-1/comment", json={"body": "Hej"}).json()
    jira(
        sandbox,
        "PUT",
        f"/rest/api/2/issue/MO-1/comment/{written['id']}",
        auth=PERSON_BASIC,
        json={"body": "Hej igen"},
    )
    comment = jira(sandbox, "GET", "/rest/api/2/issue/MO-1/comment").json()["comments"][0]

    assert comment["author"]["accountId"] == JIRA_USER["account_id"]
    assert comment["updateAuthor"]["accountId"] == PERSON["account_id"]


def test_every_change_is_in_the_changelog_with_who_made_it(sandbox_factory):
    """Seeded changes are the person's, and an edit and a transition the bot makes are logged
    as the bot's, with what changed; creating the issue names its creator."""
    sandbox = sandbox_factory(
        with_person(
            issues=[{"project": "MO", "summary": "Møde", "created": "-30d", "resolved": "-20d"}]
        )
    )
    jira(sandbox, "PUT", "/rest/api/2/issue/MO-1", json={"fields": {"summary": "Møde i KG"}})

    issue = jira(
        sandbox,
        "GET",
        "/rest/api/2/issue/MO-1",
        params={"expand": "changelog", "fields": "creator"},
    ).json()

    histories = sorted(issue["changelog"]["histories"], key=lambda h: h["created"])
    assert issue["fields"]["creator"]["accountId"] == PERSON["account_id"]
    assert [h["author"]["accountId"] for h in histories] == [
        PERSON["account_id"],
        JIRA_USER["account_id"],
    ]
    assert [i["field"] for i in histories[0]["items"]] == ["status", "resolution"]
    assert histories[1]["items"] == [
        {
            "field": "summary",
            "fieldtype": "jira",
            "fieldId": "summary",
            "fromString": "Møde",
            "toString": "Møde i KG",
        }
    ]


def test_an_edit_that_changes_nothing_is_not_a_change(sandbox_factory):
    """Setting a field to the value it has logs nothing and leaves `updated` alone, as Jira."""
    sandbox = sandbox_factory(with_person())
    before = jira(sandbox, "GET", "/rest/api/2/issue/MO-1").json()["fields"]["updated"]

    jira(sandbox, "PUT", "/rest/api/2/issue/MO-1", json={"fields": {"summary": "Udviklingsønske"}})

    after = jira(sandbox, "GET", "/rest/api/2/issue/MO-1", params={"expand": "changelog"}).json()
    assert after["fields"]["updated"] == before
    assert after["changelog"]["histories"] == []


@pytest.mark.parametrize(
    ("deployment", "shown", "newest_first"), [("cloud", 40, True), ("datacenter", 45, False)]
)
def test_search_expands_the_changelog_as_each_deployment_does(
    sandbox_factory, deployment, shown, newest_first
):
    """Cloud's search shows an issue's 40 newest changes, newest first, and says how many there
    are; Data Center shows them all, oldest first."""
    sandbox = sandbox_factory(with_person(deployment))
    for n in range(45):
        jira(sandbox, "PUT", "/rest/api/2/issue/MO-1", json={"fields": {"summary": f"Ønske {n}"}})
    path = "/rest/api/2/search/jql" if deployment == "cloud" else "/rest/api/2/search"

    found = jira(sandbox, "GET", path, params={"jql": "project = MO", "expand": "changelog"}).json()

    changelog = found["issues"][0]["changelog"]
    summaries = [h["items"][0]["toString"] for h in changelog["histories"]]
    assert changelog["total"] == 45
    assert len(summaries) == shown
    assert summaries[0] == ("Ønske 44" if newest_first else "Ønske 0")


def test_the_changelog_of_an_issue_pages_every_change_oldest_first_on_cloud(sandbox_factory):
    """GET issue/{key}/changelog gives every change, oldest first, a page at a time; Data
    Center has no such route."""
    sandbox = sandbox_factory(with_person())
    for n in range(3):
        jira(sandbox, "PUT", "/rest/api/2/issue/MO-1", json={"fields": {"summary": f"Ønske {n}"}})

    first = jira(sandbox, "GET", "/rest/api/2/issue/MO-1/changelog", params={"maxResults": 2})
    second = jira(sandbox, "GET", "/rest/api/2/issue/MO-1/changelog", params={"startAt": 2})

    assert [v["items"][0]["toString"] for v in first.json()["values"]] == ["Ønske 0", "Ønske 1"]
    assert first.json()["isLast"] is False
    assert [v["items"][0]["toString"] for v in second.json()["values"]] == ["Ønske 2"]
    assert second.json()["isLast"] is True
    datacenter = sandbox_factory(with_person("datacenter"))
    assert jira(datacenter, "GET", "/rest/api/2/issue/MO-1/changelog").status_code == 404


# ------------------------------------------------------------------------ access (os2bot doctor)


def withholding(*permissions, deployment="cloud"):
    """A seed whose project MO withholds *permissions* and is led by the bot's user; one more
    user has been deactivated."""
    seed = make_seed(
        deployment=deployment,
        projects=[
            {"key": "MO", "name": "OS2mo", "lead": "os2bot", "withheld": list(permissions)},
            {"key": "OS2FORMS", "name": "OS2forms"},
        ],
    )
    seed.jira.users.append(
        type(seed.jira.users[0])(
            account_id="712020:gone", name="gone", display_name="Gone", email="g@x", active=False
        )
    )
    return seed


def test_my_permissions_answer_per_project_and_refuse_what_cloud_refuses(sandbox_factory):
    """GET mypermissions says, per project, which permissions the caller holds; an unknown
    project is 404, an unknown key or (on Cloud) no list at all is 400."""
    sandbox = sandbox_factory(withholding("ASSIGN_ISSUES"))

    def permissions(**params):
        return jira(sandbox, "GET", "/rest/api/2/mypermissions", params=params)

    mo = permissions(projectKey="MO", permissions="CREATE_ISSUES,ASSIGN_ISSUES").json()
    forms = permissions(projectKey="OS2FORMS", permissions="ASSIGN_ISSUES").json()

    assert mo["permissions"]["CREATE_ISSUES"]["havePermission"] is True
    assert mo["permissions"]["ASSIGN_ISSUES"]["havePermission"] is False
    assert forms["permissions"]["ASSIGN_ISSUES"]["havePermission"] is True
    assert permissions(projectKey="NOPE", permissions="ASSIGN_ISSUES").status_code == 404
    assert permissions(projectKey="MO", permissions="SAIL_AWAY").status_code == 400
    assert permissions(projectKey="MO").status_code == 400


def test_a_withheld_permission_is_refused_where_it_is_needed(sandbox_factory):
    """Without Create Issues a create is 400; without Assign Issues the assignee cannot be set;
    without Transition Issues an issue offers no transitions; without Add Comments a comment
    is 400."""
    sandbox = sandbox_factory(withholding("ASSIGN_ISSUES", "TRANSITION_ISSUES", "ADD_COMMENTS"))
    task = {"project": {"key": "MO"}, "issuetype": {"name": "Task"}, "summary": "Opgave"}

    assigned = jira(
        sandbox,
        "POST",
        "/rest/api/2/issue",
        json={"fields": {**task, "assignee": {"accountId": JIRA_USER["account_id"]}}},
    )
    key = jira(sandbox, "POST", "/rest/api/2/issue", json={"fields": task}).json()["key"]
    transitions = jira(sandbox, "GET", f"/rest/api/2/issue/{key}/transitions").json()
    comment = jira(sandbox, "POST", f"/rest/api/2/issue/{key}/comment", json={"body": "hej"})
    no_create = sandbox_factory(withholding("CREATE_ISSUES"))

    assert assigned.status_code == 400
    assert set(assigned.json()["errors"]) == {"assignee"}
    assert transitions["transitions"] == []
    assert comment.status_code == 400
    assert jira(no_create, "POST", "/rest/api/2/issue", json={"fields": task}).status_code == 400


@pytest.mark.parametrize("deployment", ["cloud", "datacenter"])
def test_users_are_found_the_deployments_way_only(sandbox_factory, deployment):
    """GET user finds a user by accountId on Cloud and by user name on Data Center; the other
    deployment's kind of name finds nobody (404), and a deactivated user says so."""
    sandbox = sandbox_factory(withholding(deployment=deployment))
    own, other = ("accountId", "username") if deployment == "cloud" else ("username", "accountId")
    ids = {"accountId": JIRA_USER["account_id"], "username": JIRA_USER["name"]}
    auth = BASIC if deployment == "cloud" else BEARER
    gone = "712020:gone" if deployment == "cloud" else "gone"

    def user(**params):
        return jira(sandbox, "GET", "/rest/api/2/user", auth=auth, params=params)

    assert user(**{own: ids[own]}).json()["displayName"] == "os2bot"
    assert user(**{own: ids[other]}).status_code == 404
    assert user(**{own: gone}).json()["active"] is False


def test_project_lead_and_statuses_by_issue_type(sandbox_factory):
    """GET project/{key} names the lead; project/{key}/statuses lists each issue type's
    statuses with their categories."""
    sandbox = sandbox_factory(withholding())

    project = jira(sandbox, "GET", "/rest/api/2/project/MO").json()
    statuses = jira(sandbox, "GET", "/rest/api/2/project/MO/statuses").json()

    assert project["lead"]["accountId"] == JIRA_USER["account_id"]
    assert [t["name"] for t in statuses] == ["Epic", "Story", "Task", "Bug"]
    assert {s["name"]: s["statusCategory"]["key"] for s in statuses[0]["statuses"]} == {
        "To Do": "new",
        "In Progress": "indeterminate",
        "Done": "done",
    }


def test_slack_knows_which_channels_the_bot_is_in_and_refuses_posts_elsewhere(sandbox_factory):
    """users.conversations lists only the channels the bot was invited to, conversations.info
    says is_member, and a post to a channel without the bot is not_in_channel."""
    seed = make_seed()
    seed.slack.channels[1].member = False  # #os2forms
    sandbox = sandbox_factory(seed)
    auth = {"Authorization": f"Bearer {SLACK_TOKEN}"}

    def call(method, **params):
        return requests.get(
            f"{sandbox.url}/api/{method}", headers=auth, params=params, timeout=10
        ).json()

    mine = call("users.conversations", types="public_channel,private_channel")
    info = call("conversations.info", channel="C0TESTFRM1")
    posted = requests.post(
        sandbox.url + "/api/chat.postMessage",
        headers=auth,
        json={"channel": "#os2forms", "text": "hej"},
        timeout=10,
    ).json()

    assert [c["name"] for c in mine["channels"]] == ["os2mo", "os2valghalla"]
    assert info["channel"]["is_member"] is False
    assert call("conversations.info", channel="#os2forms")["error"] == "channel_not_found"
    assert posted == {"ok": False, "error": "not_in_channel"}


def test_zulip_gives_stream_ids_and_the_bots_subscriptions(sandbox_factory):
    """get_stream_id finds a stream by name and answers a missing one as Zulip documents;
    users/me/subscriptions lists the streams the bot is subscribed to."""
    zulip = ZulipSeed(streams=["OS2mo", "OS2forms"], unsubscribed=["OS2forms"])
    sandbox = sandbox_factory(dataclasses.replace(make_seed(), zulip=zulip))
    auth = (zulip.email, zulip.api_key)

    def call(path, **params):
        return requests.get(f"{sandbox.url}/api/v1/{path}", auth=auth, params=params, timeout=10)

    found = call("get_stream_id", stream="OS2forms").json()
    missing = call("get_stream_id", stream="OS2nope")
    subscribed = call("users/me/subscriptions").json()["subscriptions"]

    assert found == {"result": "success", "msg": "", "stream_id": 2}
    assert missing.status_code == 400
    assert missing.json()["msg"] == "Invalid channel name 'OS2nope'"
    assert [s["name"] for s in subscribed] == ["OS2mo"]
