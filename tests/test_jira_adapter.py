# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Jira adapter on canned, spec-conformant answers (responses): errors, retries, writes."""

from __future__ import annotations

import json
from datetime import date

import pytest
import requests
import responses

from os2bot.adapters.jira_tracker import JiraTracker
from os2bot.ports import TrackerError, TrackerRateLimited, TrackerUnavailable

from contract import validate_request, validate_response

BASE = "https://os2web.atlassian.net"
API = BASE + "/rest/api/2"
SERVER_INFO = {
    "baseUrl": BASE,
    "version": "1001.0.0-SNAPSHOT",
    "versionNumbers": [1001, 0, 0],
    "deploymentType": "Cloud",
    "buildNumber": 100280,
    "buildDate": "2026-01-01T00:00:00.000+00:00",
    "serverTime": "2026-11-27T10:00:00.000+01:00",
    "scmInfo": "0" * 40,
    "serverTitle": "OS2 Jira",
}
PROJECT = {
    "self": f"{API}/project/10000",
    "id": "10000",
    "key": "MO",
    "name": "OS2mo",
    "issueTypes": [
        {"self": f"{API}/issuetype/1", "id": "1", "name": "Opgave", "subtask": False},
        {"self": f"{API}/issuetype/2", "id": "2", "name": "Underopgave", "subtask": True},
    ],
}


def canned(method, path, status, body, **kwargs):
    """Register an answer, after checking that it is one the spec allows (429 and 503 are
    transport answers Atlassian's description does not list per operation)."""
    if status not in {429, 503}:
        validate_response(method, BASE + path, status, json.dumps(body))
    responses.add(method, BASE + path, json=body, status=status, **kwargs)


def tracker(**kwargs) -> JiraTracker:
    """The adapter against the canned Cloud instance; sleeping is recorded, not done."""
    canned("GET", "/rest/api/2/serverInfo", 200, SERVER_INFO)
    return JiraTracker(
        BASE, deployment="cloud", email="bot@os2.eu", api_token="secret-tok-1", **kwargs
    )


@responses.activate
def test_task_type_is_found_per_project_and_a_refused_assignee_is_dropped():
    """A project without 'Task' gets its Danish 'Opgave'; when Jira refuses only the assignee,
    the task is created without one rather than not at all — and both requests match the spec."""
    canned("GET", "/rest/api/2/project/MO", 200, PROJECT)
    canned(
        "POST",
        "/rest/api/2/issue",
        400,
        {"errorMessages": [], "errors": {"assignee": "Specified assignee x does not exist."}},
    )
    canned(
        "POST",
        "/rest/api/2/issue",
        201,
        {"id": "10001", "key": "MO-1", "self": f"{API}/issue/10001"},
    )

    task = tracker().create_task(
        project="MO",
        summary="Påmindelse",
        description="Tekst",
        labels=["os2bot"],
        assignee="x",
        due=date(2026, 12, 23),
    )

    first, second = (
        json.loads(c.request.body) for c in responses.calls if c.request.method == "POST"
    )
    for call in responses.calls:
        if call.request.method == "POST":
            validate_request("POST", call.request.url, call.request.body)
    assert task.key == "MO-1"
    assert first["fields"]["issuetype"] == {"name": "Opgave"}
    assert first["fields"]["assignee"] == {"accountId": "x"}
    assert first["fields"]["duedate"] == "2026-12-23"
    assert "assignee" not in second["fields"]


@responses.activate
def test_other_refusals_are_reported_with_jiras_words_and_no_credentials():
    """A 400 on anything but the assignee is a TrackerError quoting Jira, never the token."""
    canned("GET", "/rest/api/2/project/MO", 200, PROJECT)
    canned(
        "POST",
        "/rest/api/2/issue",
        400,
        {
            "errorMessages": [],
            "errors": {"labels": "The label 'a b' contains spaces which is invalid."},
        },
    )

    with pytest.raises(TrackerError) as caught:
        tracker().create_task(project="MO", summary="x", description="y", labels=["a b"])

    assert "contains spaces" in str(caught.value)
    assert "secret-tok-1" not in str(caught.value)
    assert "Authorization" not in str(caught.value)
    assert not isinstance(caught.value, TrackerUnavailable)


@responses.activate
def test_reads_are_retried_after_jiras_retry_after_and_writes_are_not():
    """A 429 on a read waits the Retry-After Jira sent and tries again; a 503 on a create is
    reported at once, since Jira may have done it."""
    waits: list[float] = []
    jira = tracker(sleep=waits.append)
    canned(
        "GET",
        "/rest/api/2/project",
        429,
        {"errorMessages": ["Rate limited"], "errors": {}},
        headers={"Retry-After": "7"},
    )
    canned(
        "GET", "/rest/api/2/project", 200, [{k: v for k, v in PROJECT.items() if k != "issueTypes"}]
    )
    canned("GET", "/rest/api/2/project/MO", 200, PROJECT)
    canned("POST", "/rest/api/2/issue", 503, {"errorMessages": ["Unavailable"], "errors": {}})

    projects = jira.readable_projects()
    with pytest.raises(TrackerUnavailable):
        jira.create_task(project="MO", summary="x", description="y", labels=["os2bot"])

    assert projects == {"MO"}
    assert waits == [7.0]
    assert len([c for c in responses.calls if c.request.method == "POST"]) == 1


@responses.activate
def test_unreachable_jira_is_unavailable():
    """A refused connection is TrackerUnavailable, so the CLI exits 3."""
    responses.add("GET", f"{API}/serverInfo", body=requests.ConnectionError("refused"))

    with pytest.raises(TrackerUnavailable):
        JiraTracker(BASE, deployment="cloud", email="bot@os2.eu", api_token="t", max_retries=0)


@responses.activate
def test_search_reads_every_page_by_next_page_token_with_only_the_asked_fields():
    """Cloud search follows nextPageToken to the end and asks only for the given fields."""
    jira = tracker()
    issue = {
        "id": "1",
        "key": "MO-1",
        "self": f"{API}/issue/1",
        "fields": {
            "summary": "Møde",
            "labels": ["koordinationsgruppemøde"],
            "resolutiondate": "2026-10-28T15:00:00.000+0100",
            "votes": {"votes": 3},
        },
    }
    canned("GET", "/rest/api/2/field", 200, [])
    canned(
        "GET",
        "/rest/api/2/search/jql",
        200,
        {"issues": [issue], "nextPageToken": "p2", "isLast": False},
    )
    canned(
        "GET",
        "/rest/api/2/search/jql",
        200,
        {"issues": [{**issue, "id": "2", "key": "MO-2"}], "isLast": True},
    )

    found = jira.search("project = MO", ("summary", "labels", "resolutiondate"))

    searches = [c.request for c in responses.calls if "/search/jql" in c.request.url]
    assert [i.key for i in found] == ["MO-1", "MO-2"]
    assert found[0].resolved is not None
    assert found[0].resolved.utcoffset().total_seconds() == 3600
    assert found[0].votes == 3
    assert "fields=summary" in searches[0].url
    assert "fields=labels" in searches[0].url
    assert "nextPageToken=p2" in searches[1].url


def issue_json(key: str) -> dict:
    """A search hit with only a summary."""
    number = key.rsplit("-", 1)[1]
    return {"id": number, "key": key, "self": f"{API}/issue/{number}", "fields": {"summary": key}}


@responses.activate
def test_a_long_query_is_paged_in_post_bodies_that_match_the_spec():
    """A search too long for a URL (a hundred fingerprints) goes as POST search/jql, the
    token in the body; every request the adapter sends and every answer match the spec."""
    jira = tracker()
    canned(
        "POST",
        "/rest/api/2/search/jql",
        200,
        {"issues": [issue_json("MO-1")], "nextPageToken": "p2", "isLast": False},
    )
    canned("POST", "/rest/api/2/search/jql", 200, {"issues": [issue_json("MO-2")], "isLast": True})

    found = jira.tasks_with_fingerprints([f"{n:016x}" for n in range(100)])

    posts = [c.request for c in responses.calls if c.request.method == "POST"]
    for request in posts:
        validate_request("POST", request.url, request.body)
    first, second = (json.loads(r.body) for r in posts)
    assert [i.key for i in found] == ["MO-1", "MO-2"]
    assert "nextPageToken" not in first
    assert second["nextPageToken"] == "p2"
    assert first["fields"] == ["summary", "labels", "project"]
    assert jira.calls["POST search/jql"] == 2


@responses.activate
def test_data_center_search_pages_by_start_at_until_the_total():
    """On Data Center the adapter asks search with startAt, moves on by what it was given
    (Jira may give fewer than asked), and stops when startAt reaches the total."""
    canned("GET", "/rest/api/2/serverInfo", 200, {**SERVER_INFO, "deploymentType": "Server"})
    jira = JiraTracker(BASE, deployment="datacenter", pat="pat-1")
    for start, keys in ((0, ["MO-1", "MO-2"]), (2, ["MO-3"])):
        canned(
            "GET",
            "/rest/api/2/search",
            200,
            {
                "startAt": start,
                "maxResults": 2,
                "total": 3,
                "issues": [issue_json(k) for k in keys],
            },
        )

    found = jira.search("project = MO", ("summary",))

    searches = [c.request for c in responses.calls if "/search" in c.request.url]
    for request in searches:
        validate_request("GET", request.url, None)
    assert [i.key for i in found] == ["MO-1", "MO-2", "MO-3"]
    assert "startAt=0" in searches[0].url
    assert "startAt=2" in searches[1].url
    assert len(searches) == 2


@responses.activate
def test_a_write_refused_for_the_rate_limit_is_repeated_once_then_left_with_the_rest():
    """A comment answered 429 is sent again after Jira's Retry-After; refused again, it is
    TrackerRateLimited (a refusal, not an outage), and the next write is not even sent while
    Jira's pause lasts."""
    waits: list[float] = []
    jira = tracker(sleep=waits.append, monotonic=lambda: 1000.0)
    limited = {"errorMessages": ["Rate limited"], "errors": {}}
    path = "/rest/api/2/issue/MO-1/comment"
    for _ in range(2):
        canned("POST", path, 429, limited, headers={"Retry-After": "7"})

    with pytest.raises(TrackerRateLimited) as refused:
        jira.comment("MO-1", "Hej")
    with pytest.raises(TrackerRateLimited):
        jira.comment("MO-1", "Hej igen")

    assert waits == [7.0]
    assert refused.value.retry_after == 7.0
    assert not isinstance(refused.value, TrackerUnavailable)
    assert len([c for c in responses.calls if c.request.method == "POST"]) == 2


@responses.activate
def test_a_read_asked_to_wait_longer_than_the_cap_is_not_waited():
    """A 429 on a read with a Retry-After beyond max_retry_delay is not slept on (nor retried
    too early): the read fails at once as TrackerUnavailable, carrying Jira's wait."""
    waits: list[float] = []
    jira = tracker(sleep=waits.append)
    canned(
        "GET",
        "/rest/api/2/project",
        429,
        {"errorMessages": ["Rate limited"], "errors": {}},
        headers={"Retry-After": "3600"},
    )

    with pytest.raises(TrackerUnavailable) as caught:
        jira.readable_projects()

    assert waits == []
    assert caught.value.retry_after == 3600
    assert len([c for c in responses.calls if "/project" in c.request.url]) == 1


@responses.activate
def test_what_the_bot_writes_fits_jiras_limits_counted_as_jira_counts():
    """A 300-character summary is cut to Jira's 255 with an ellipsis; a description or comment
    over 32,767 UTF-16 units (an emoji counts two) is cut with a note in the bot's language."""
    jira = tracker(language="en")
    canned("GET", "/rest/api/2/project/MO", 200, PROJECT)
    canned("POST", "/rest/api/2/issue", 201, {"id": "1", "key": "MO-1", "self": f"{API}/issue/1"})
    comment = {"id": "5", "self": f"{API}/issue/MO-1/comment/5", "body": "x"}
    canned("POST", "/rest/api/2/issue/MO-1/comment", 201, comment)

    task = jira.create_task(
        project="MO", summary="s" * 300, description="😀\n" * 20_000, labels=["os2bot"]
    )
    jira.comment("MO-1", "k" * 40_000)

    created, commented = (
        json.loads(c.request.body) for c in responses.calls if c.request.method == "POST"
    )
    summary = created["fields"]["summary"]
    description = created["fields"]["description"]
    assert len(summary) == 255
    assert summary.endswith("…")
    assert task.summary == summary
    assert len(description.encode("utf-16-le")) // 2 <= 32_767
    assert description.endswith("(os2bot: The text is cut here, as Jira takes no more.)")
    assert len(commented["body"]) <= 32_767
    assert commented["body"].endswith("Jira takes no more.)")


@responses.activate
def test_bidi_controls_are_removed_where_jira_text_enters_the_bot():
    """Summaries, descriptions, comments, labels and version names lose their bidirectional
    embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), and nothing else."""
    jira = tracker()
    issue = {
        "id": "1",
        "key": "MO-1",
        "self": f"{API}/issue/1",
        "fields": {
            "summary": "Møde \u202egpj.exe\u202c",
            "description": "\u2066x\u2069 y",
            "labels": ["a\u202ab"],
            "comment": {"comments": [{"id": "2", "body": "\u2067z\u2069"}]},
        },
    }
    canned("GET", "/rest/api/2/search/jql", 200, {"issues": [issue], "isLast": True})
    version = {"self": f"{API}/version/1", "id": "1", "name": "1.0\u202e", "released": False}
    canned("GET", "/rest/api/2/project/MO/versions", 200, [version])

    [found] = jira.search("project = MO", ("summary", "description", "labels", "comments"))
    [release] = jira.versions("MO")

    assert found.summary == "Møde gpj.exe"
    assert found.description == "x y"
    assert found.labels == ("ab",)
    assert found.comments[0].body == "z"
    assert release.name == "1.0"
