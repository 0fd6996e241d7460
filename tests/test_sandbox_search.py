# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The sandbox's search at scale: results cached until a write, pages as large as Jira grants."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import requests

from os2bot.domain import reminder_fingerprint
from os2bot.sandbox import Sandbox, jql
from os2bot.sandbox.jira import CLOUD_HEAVY_PAGE, CLOUD_MAX_PAGE, DATACENTER_MAX_PAGE
from os2bot.sandbox.scene import CHECK, PRODUCT, overdue
from os2bot.sandbox.seed import SeedData

from conftest import JIRA_USER, make_seed, meeting

CPH = ZoneInfo("Europe/Copenhagen")
BASIC = (
    "Basic " + base64.b64encode(f"{JIRA_USER['email']}:{JIRA_USER['api_token']}".encode()).decode()
)
BEARER = f"Bearer {JIRA_USER['pat']}"


def search(sandbox: Sandbox, jql_text: str, **params: Any) -> dict[str, Any]:
    """One page of Cloud's search/jql."""
    response = requests.get(
        sandbox.url + "/rest/api/2/search/jql",
        params={"jql": jql_text, **params},
        headers={"Authorization": BASIC},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def keys(sandbox: Sandbox, jql_text: str) -> set[str]:
    """Every key a (single-page) search finds."""
    return {i["key"] for i in search(sandbox, jql_text, fields="key", maxResults=5000)["issues"]}


def every_key(sandbox: Sandbox, jql_text: str) -> set[str]:
    """Every key a search finds, page after page."""
    found: set[str] = set()
    token: dict[str, str] = {}
    while True:
        page = search(sandbox, jql_text, fields="key", **token)
        found |= {i["key"] for i in page["issues"]}
        if page["isLast"]:
            return found
        token = {"nextPageToken": page["nextPageToken"]}


def unlimited(seed: SeedData) -> SeedData:
    """*seed* without the tests' page limit: pages as Jira grants them."""
    seed.jira.page_size = None
    return seed


def test_a_search_after_a_create_finds_the_new_issue(sandbox_factory):
    """A cached result never outlives a write: the same JQL right after a create sees it."""
    sandbox = sandbox_factory(make_seed(issues=[meeting("MO", "-5d")]))
    query = "project = MO AND labels = koordinationsgruppemøde"
    assert keys(sandbox, query) == {"MO-1"}

    created = requests.post(
        sandbox.url + "/rest/api/2/issue",
        json={
            "fields": {
                "project": {"key": "MO"},
                "issuetype": {"name": "Task"},
                "summary": "Nyt møde",
                "labels": ["koordinationsgruppemøde"],
            }
        },
        headers={"Authorization": BASIC},
        timeout=10,
    )

    assert created.status_code == 201
    assert keys(sandbox, query) == {"MO-1", created.json()["key"]}


def test_a_search_after_an_edit_comment_or_transition_sees_the_change(sandbox_factory):
    """An edit of labels, a transition, a comment and a comment's edit (both move `updated`)
    each invalidate."""
    now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    clock = [now]
    sandbox = sandbox_factory(
        make_seed(issues=[{"project": "MO", "summary": "Ønske", "created": "-400d"}]),
        now=lambda: clock[0],
    )
    auth = {"Authorization": BASIC}
    labelled = "project = MO AND labels = udviklingsønske"
    recent = "project = MO AND updated >= -1d"
    done = "project = MO AND statusCategory = Done"
    assert keys(sandbox, labelled) == keys(sandbox, recent) == keys(sandbox, done) == set()

    requests.put(
        sandbox.url + "/rest/api/2/issue/MO-1",
        json={"update": {"labels": [{"add": "udviklingsønske"}]}},
        headers=auth,
        timeout=10,
    )
    assert keys(sandbox, labelled) == keys(sandbox, recent) == {"MO-1"}

    clock[0] = now + timedelta(days=3)  # the edit falls out of the window as time passes
    assert keys(sandbox, recent) == set()
    comment = requests.post(
        sandbox.url + "/rest/api/2/issue/MO-1/comment",
        json={"body": "Ja"},
        headers=auth,
        timeout=10,
    ).json()
    assert keys(sandbox, recent) == {"MO-1"}

    clock[0] = now + timedelta(days=6)
    assert keys(sandbox, recent) == set()
    requests.put(
        sandbox.url + f"/rest/api/2/issue/MO-1/comment/{comment['id']}",
        json={"body": "Ja, i næste uge"},
        headers=auth,
        timeout=10,
    )
    assert keys(sandbox, recent) == {"MO-1"}

    offered = requests.get(
        sandbox.url + "/rest/api/2/issue/MO-1/transitions", headers=auth, timeout=10
    ).json()["transitions"]
    to_done = next(t for t in offered if t["to"]["statusCategory"]["key"] == "done")
    requests.post(
        sandbox.url + "/rest/api/2/issue/MO-1/transitions",
        json={"transition": {"id": to_done["id"]}},
        headers=auth,
        timeout=10,
    )
    assert keys(sandbox, done) == {"MO-1"}


def test_add_issue_invalidates_too(sandbox_factory):
    """An issue a test adds directly is found by the next search of the same JQL."""
    sandbox = sandbox_factory(make_seed(issues=[meeting("MO", "-5d")]))
    assert keys(sandbox, "labels = koordinationsgruppemøde") == {"MO-1"}

    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))

    assert keys(sandbox, "labels = koordinationsgruppemøde") == {"MO-1", "OS2FORMS-1"}


def test_a_paged_search_is_read_at_its_first_pages_moment(sandbox_factory):
    """The later pages of a search are evaluated at the moment its first page was, so a
    window sliding between pages neither skips nor repeats an issue; the token carries it."""
    now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    clock = [now]
    issues = [
        {"project": "MO", "summary": f"Sag {n}", "created": f"-{10 + n}d", "updated": f"-{n + 1}d"}
        for n in range(6)
    ]
    sandbox = sandbox_factory(make_seed(issues=issues, page_size=2), now=lambda: clock[0])
    query = "project = MO AND updated >= -145h"

    first = search(sandbox, query, fields="key")
    clock[0] = now + timedelta(days=2)  # two issues would have left the window by now
    second = search(sandbox, query, fields="key", nextPageToken=first["nextPageToken"])
    third = search(sandbox, query, fields="key", nextPageToken=second["nextPageToken"])
    fresh = every_key(sandbox, query)  # a new search is read at the new moment

    found = [i["key"] for page in (first, second, third) for i in page["issues"]]
    assert sorted(found) == sorted(f"MO-{n}" for n in range(1, 7))
    assert third["isLast"] is True
    assert fresh == {"MO-1", "MO-2", "MO-3", "MO-4"}


def test_a_token_for_another_query_is_refused(sandbox_factory):
    """A page token only continues the query it came from (Jira: invalid or expired)."""
    sandbox = sandbox_factory(make_seed(issues=[meeting("MO", f"-{n}d") for n in range(1, 4)]))
    sandbox.seed.jira.page_size = 1
    token = search(sandbox, "project = MO", fields="key")["nextPageToken"]

    refused = requests.get(
        sandbox.url + "/rest/api/2/search/jql",
        params={"jql": "project = OS2FORMS", "nextPageToken": token},
        headers={"Authorization": BASIC},
        timeout=10,
    )

    assert refused.status_code == 400
    assert refused.json()["errorMessages"] == [
        "The provided next page token is invalid or expired."
    ]


def test_cloud_grants_5000_for_id_or_key_and_few_small_fields(sandbox_factory):
    """`key` only, or a few small fields: pages up to 5,000, whatever more is asked."""
    many = [{**meeting("MO", "-3d"), "count": 5200}]
    sandbox = sandbox_factory(unlimited(make_seed(issues=many)))

    by_key = search(sandbox, "project = MO", fields="key", maxResults=10000)
    few = search(sandbox, "project = MO", fields="key,updated,labels", maxResults=5000)
    default = search(sandbox, "project = MO", maxResults=5000)  # search/jql's default: id

    assert len(by_key["issues"]) == len(few["issues"]) == CLOUD_MAX_PAGE
    assert len(default["issues"]) == CLOUD_MAX_PAGE
    assert set(default["issues"][0]["fields"]) == set()
    assert by_key["isLast"] is False


def test_cloud_grants_100_for_many_or_large_fields_or_an_expand(sandbox_factory):
    """Many fields, a large one (description, comment, every field) or expand: 100 a page."""
    many = [{**meeting("MO", "-3d"), "count": 150}]
    sandbox = sandbox_factory(unlimited(make_seed(issues=many)))
    eleven = (
        "key,summary,status,labels,created,updated,resolutiondate,duedate,assignee,votes,project"
    )

    sizes = [
        len(search(sandbox, "project = MO", maxResults=1000, **params)["issues"])
        for params in (
            {"fields": eleven},
            {"fields": "key,description"},
            {"fields": "key,comment"},
            {"fields": "*all"},
            {"fields": "*navigable"},
            {"fields": "-description"},  # every navigable field but the description
            {"fields": "key", "expand": "changelog"},
        )
    ]

    assert sizes == [CLOUD_HEAVY_PAGE] * 7
    assert len(search(sandbox, "project = MO", fields="key")["issues"]) == 50  # the default


def test_an_exclusion_alone_returns_every_other_field(sandbox_factory):
    """`-description` "Returns all navigable (default) fields except description" (Atlassian's
    description of `fields`), for a search and for reading one issue."""
    sandbox = sandbox_factory(make_seed(issues=[meeting("MO", "-3d")]))

    [found] = search(sandbox, "project = MO", fields="-description")["issues"]
    read = requests.get(
        sandbox.url + "/rest/api/2/issue/MO-1",
        params={"fields": "-description,-labels"},
        headers={"Authorization": BASIC},
        timeout=10,
    ).json()

    assert {"summary", "labels", "status", "updated"} <= set(found["fields"])
    assert "description" not in found["fields"]
    assert "summary" in read["fields"]
    assert not {"description", "labels"} & set(read["fields"])


def test_data_center_caps_a_page_at_1000(sandbox_factory):
    """Data Center's search gives at most jira.search.views.default.max (1,000) a page."""
    many = [{**meeting("MO", "-3d"), "count": 1100}]
    sandbox = sandbox_factory(unlimited(make_seed(deployment="datacenter", issues=many)))

    body = requests.get(
        sandbox.url + "/rest/api/2/search",
        params={"jql": "project = MO", "maxResults": 5000, "fields": "key"},
        headers={"Authorization": BEARER},
        timeout=10,
    ).json()

    assert (len(body["issues"]), body["maxResults"], body["total"]) == (
        DATACENTER_MAX_PAGE,
        DATACENTER_MAX_PAGE,
        1100,
    )


def test_the_seeds_page_size_still_lowers_the_page(sandbox_factory):
    """Tests force paging with `page_size`, below what Jira would grant."""
    sandbox = sandbox_factory(make_seed(issues=[{**meeting("MO", "-3d"), "count": 7}], page_size=3))

    assert len(search(sandbox, "project = MO", fields="key", maxResults=5000)["issues"]) == 3


def test_project_scope_bounds_only_what_and_bounds():
    """`project in (…) AND …` is bounded by its projects; OR with an unbounded side, or NOT,
    is not — the scope only narrows where the sandbox looks, never what matches."""
    assert jql.parse("project in (MO, Os2Forms) AND labels = x").projects == {"mo", "os2forms"}
    assert jql.parse("labels = x AND project = MO").projects == {"mo"}
    assert jql.parse("project = MO OR project = LOOP").projects == {"mo", "loop"}
    assert jql.parse("(project = MO AND labels = a) OR labels = b").projects is None
    assert jql.parse("NOT project = MO").projects is None
    assert jql.parse("project != MO").projects is None
    assert jql.parse("labels = x").projects is None
    assert jql.parse("updated >= -1d").timed
    assert not jql.parse("labels = x").timed


def test_latency_is_added_to_every_request_and_calls_are_counted_by_endpoint():
    """`latency` delays each answer; calls_by_endpoint names endpoints by their routes."""
    with Sandbox(make_seed(issues=[meeting("MO", "-5d")]), latency=0.05, keep_bodies=False) as box:
        started = time.perf_counter()
        requests.get(
            box.url + "/rest/api/2/issue/MO-1", headers={"Authorization": BASIC}, timeout=10
        )
        search(box, "project = MO")
        elapsed = time.perf_counter() - started
        counted = requests.get(box.url + "/_sandbox/calls", timeout=10).json()
        requests.delete(box.url + "/_sandbox/calls", timeout=10)
        after = box.calls_by_endpoint()

    assert elapsed >= 0.1
    assert counted == {"GET /rest/api/2/issue/{key}": 1, "GET /rest/api/2/search/jql": 1}
    assert after == {}
    assert box.exchanges == []


def test_keys_labels_and_date_floors_bound_only_what_and_bounds():
    """Keys, labels and `date >= …` narrow where the sandbox looks only when ANDed at the
    query's top; an OR with an unbounded side, or NOT, does not."""
    assert jql.parse("key in (MO-1, mo-2)").keys == {"mo-1", "mo-2"}
    assert jql.parse("labels = KG AND project = MO").labels == {"kg"}
    assert jql.parse("labels = a OR updated >= -1d").labels is None
    assert jql.parse("NOT labels = a").labels is None
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    floors = jql.parse("project = MO AND updated >= -1d AND updated < -2d").floors(now, CPH)
    assert floors == [("updated", now - timedelta(days=1))]
    assert jql.parse("updated >= -1d OR labels = a").floors(now, CPH) == []
    assert jql.parse("NOT updated >= -1d").floors(now, CPH) == []


def test_searches_bounded_by_keys_labels_or_dates_find_what_a_full_look_finds(sandbox_factory):
    """The narrowed look (by key, by label, by a date floor) finds exactly the issues that
    looking through every issue finds, including after a write."""
    issues = [
        {**meeting(project, f"-{days}d"), "updated": f"-{days}d", "labels": labels}
        for project in ("MO", "OS2FORMS")
        for days, labels in ((1, ["kg"]), (3, ["sg"]), (10, ["kg", "sg"]), (40, []))
    ]
    sandbox = sandbox_factory(make_seed(issues=issues))
    queries = [
        "key in (MO-1, OS2FORMS-3, MO-99)",
        "labels = kg AND project = MO",
        "labels in (KG, sg) AND resolved >= -5d",
        "updated >= -4d",
        "updated >= -20d AND updated < -2d AND labels != kg",
        "updated >= -4d OR labels = sg",
        "NOT labels = kg AND created >= -365d",
        "project in (10000, os2forms) AND labels != sg",  # an id and a key in another case
        'project = "OS2forms"',  # a name
        "project = MO OR project = 10001",
    ]

    def full_look(text: str) -> set[str]:
        query = jql.parse(text)
        now = sandbox.jira.now()
        return {k for k, i in sandbox.jira.issues.items() if query.matches(i, now, CPH)}

    for text in queries:
        assert keys(sandbox, text) == full_look(text), text
    assert keys(sandbox, 'project = "OS2forms"') == {f"OS2FORMS-{n}" for n in range(1, 5)}
    requests.post(
        sandbox.url + "/rest/api/2/issue",
        json={
            "fields": {
                "project": {"key": "MO"},
                "summary": "Ny",
                "issuetype": {"name": "Task"},
                "labels": ["kg"],
            }
        },
        headers={"Authorization": BASIC},
        timeout=10,
    )
    for text in queries:
        assert keys(sandbox, text) == full_look(text), text
    assert "MO-5" in keys(sandbox, "labels = kg AND updated >= -1d")


def test_the_demos_overdue_reminder_is_found_by_a_due_date_search(sandbox_factory, shipped_config):
    """`scene.overdue` changes a due date in place; a search made before it does not stand."""
    wanted = "os2bot-" + reminder_fingerprint(PRODUCT, CHECK)
    sandbox = sandbox_factory(
        make_seed(
            issues=[
                {
                    "project": "OS2FORMS",
                    "summary": "Påmindelse",
                    "labels": [wanted],
                    "created": "-3d",
                    "duedate": "+10d",
                }
            ]
        )
    )
    query = f"labels = {wanted} AND duedate < now()"
    assert keys(sandbox, query) == set()

    late = overdue(sandbox, shipped_config)

    assert late == "OS2FORMS-1"
    assert keys(sandbox, query) == {"OS2FORMS-1"}
