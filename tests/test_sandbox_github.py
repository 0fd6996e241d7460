# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The sandbox's GitHub answers as GitHub does: REST writes, GraphQL reads against GitHub's
schema, its errors and rate limits, and every answer valid against GitHub's descriptions."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest
import requests

from os2bot.sandbox import Fault

from conftest import GITHUB_TOKEN, make_seed
from contract import ContractError, validate_graphql, validate_request, validate_response

REPO = "OS2borgerPC/os2borgerpc-produktforvaltning"
AUTH = {"Authorization": f"token {GITHUB_TOKEN}"}
GITHUB = {
    "users": ["lise-kg"],
    "repositories": [
        {
            "name": REPO,
            "files": {
                "dagsordner-og-referater/koordinationsgruppe/20261102_referat.md": "# Referat",
                "dagsordner-og-referater/koordinationsgruppe/skabelon.md": "# Skabelon",
                "beslutninger/2026-11-02-budget.md": "Budget",
            },
            "milestones": [{"title": "5.2.0", "due_on": "+10d"}],
            "releases": [{"tag": "v5.1.0", "published": "-30d"}, {"tag": "v5.2.0-rc1"}],
        },
        {"name": "OS2borgerPC/hemmelig", "readable": False},
        {"name": "OS2borgerPC/kun-laes", "writable": False},
    ],
    "issues": [
        {
            "repo": REPO,
            "title": "Koordinationsgruppemøde – november",
            "labels": ["koordinationsgruppemøde"],
            "state": "closed",
            "created": "-30d",
            "closed": "-25d",
            "author": "lise-kg",
            "reactions": {"+1": 2},
            "comments": [{"author": "lise-kg", "body": "Referatet er lagt i Git."}],
        },
        {"repo": REPO, "title": "En PR", "pull_request": True, "author": "lise-kg"},
    ],
}
QUERY = """query {
  viewer { login }
  r0: repository(owner: "OS2borgerPC", name: "os2borgerpc-produktforvaltning") {
    nameWithOwner url
    issues(first: 10, labels: ["koordinationsgruppemøde"], states: [CLOSED],
           orderBy: {field: UPDATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title url state stateReason closedAt
        labels(first: 20) { nodes { name } }
        reactions(content: THUMBS_UP) { totalCount }
        comments(first: 10) { nodes { databaseId body author { login } } }
        timelineItems(last: 10, itemTypes: [ISSUE_COMMENT, CLOSED_EVENT, LABELED_EVENT]) {
          nodes { __typename ... on IssueComment { author { login } createdAt }
                  ... on ClosedEvent { actor { login } createdAt } }
        }
      }
    }
    pullRequests(first: 5) { nodes { number title } }
    milestones(first: 10, states: [OPEN, CLOSED]) { nodes { title state dueOn } }
    releases(first: 10) { nodes { tagName publishedAt isDraft } }
    folder: object(expression: "HEAD:dagsordner-og-referater/koordinationsgruppe") {
      __typename ... on Tree { entries { name path type } }
    }
    file: object(expression: "HEAD:beslutninger/2026-11-02-budget.md") {
      __typename ... on Blob { text isBinary }
    }
  }
  r1: repository(owner: "OS2borgerPC", name: "hemmelig") { nameWithOwner }
}"""


@pytest.fixture
def hub(sandbox_factory):
    """A sandbox with OS2borgerPC's repositories on its GitHub."""
    return sandbox_factory(make_seed(github=GITHUB))


def api(hub, method, path, **kwargs):
    """A REST request to the sandbox's GitHub, as the bot's token."""
    kwargs.setdefault("headers", AUTH)
    return requests.request(method, f"{hub.url}/api/v3{path}", timeout=10, **kwargs)


def graphql(hub, query=QUERY, headers=AUTH):
    """A GraphQL request to the sandbox's GitHub."""
    return requests.post(
        f"{hub.url}/api/graphql",
        json={"query": query, "variables": {}},
        headers=headers,
        timeout=10,
    )


def check_exchanges(hub) -> list[str]:
    """Every GitHub exchange validated against GitHub's REST description or GraphQL schema."""
    failures = []
    for exchange in hub.exchanges:
        if not exchange.path.startswith(("/api/v3/", "/api/graphql")):
            continue
        url = hub.url + exchange.path
        if exchange.query:
            url += "?" + urlencode(exchange.query, doseq=True)
        try:
            if exchange.path == "/api/graphql":
                _check_graphql(exchange)
                continue
            validate_response(exchange.method, url, exchange.status, exchange.response_body)
            if exchange.method in {"POST", "PATCH"} and exchange.status < 400:
                validate_request(exchange.method, url, exchange.request_body or None)
        except ContractError as exc:
            failures.append(str(exc))
    return failures


def _check_graphql(exchange) -> None:
    """A GraphQL exchange: the query valid and the answer shaped as it asked; a query GitHub's
    schema refuses must be answered with errors alone."""
    try:
        validate_graphql(exchange.request_body)
    except ContractError:
        answer = json.loads(exchange.response_body)
        if set(answer) != {"errors"}:
            raise
        return
    validate_graphql(exchange.request_body, exchange.response_body, status=exchange.status)


def walk_every_route(hub) -> None:
    """Call each GitHub route the sandbox serves, successes and errors."""
    api(hub, "GET", "/user")
    api(hub, "GET", "/rate_limit")
    api(hub, "GET", "/user", headers={})  # 401: requires authentication
    api(hub, "GET", "/user", headers={"Authorization": "token wrong"})  # 401: bad credentials
    created = api(
        hub,
        "POST",
        f"/repos/{REPO}/issues",
        json={
            "title": "Påmindelse",
            "body": "tekst",
            "labels": ["os2bot"],
            "assignees": ["lise-kg"],
        },
    ).json()
    number = created["number"]
    api(hub, "POST", f"/repos/{REPO}/issues", json={"title": "x", "labels": ["x" * 51]})  # 422
    api(hub, "POST", f"/repos/{REPO}/issues", json={"title": "x", "assignees": ["ukendt"]})  # 422
    api(hub, "POST", "/repos/OS2borgerPC/kun-laes/issues", json={"title": "x"})  # 403
    api(hub, "POST", "/repos/OS2borgerPC/hemmelig/issues", json={"title": "x"})  # 404
    api(hub, "GET", f"/repos/{REPO}/issues/{number}")
    api(hub, "GET", f"/repos/{REPO}/issues/999")  # 404
    api(hub, "GET", f"/repos/{REPO}/issues/2")  # a pull request, as an issue
    api(
        hub,
        "PATCH",
        f"/repos/{REPO}/issues/{number}",
        json={"title": "Ny", "labels": ["os2bot", "ny"]},
    )
    comment = api(
        hub, "POST", f"/repos/{REPO}/issues/{number}/comments", json={"body": "hej"}
    ).json()
    api(hub, "PATCH", f"/repos/{REPO}/issues/comments/{comment['id']}", json={"body": "hej igen"})
    api(
        hub,
        "PATCH",
        f"/repos/{REPO}/issues/{number}",
        json={"state": "closed", "state_reason": "completed"},
    )
    graphql(hub)
    graphql(hub, 'query { repository(owner: "a", name: "b") { issuez { totalCount } } }')


def test_every_github_route_conforms_to_githubs_descriptions(hub):
    """Each GitHub route is called, successes and errors, and every answer (and every write)
    validates against GitHub's OpenAPI description or GraphQL schema."""
    walk_every_route(hub)

    failures = check_exchanges(hub)
    assert failures == [], "\n\n".join(failures)
    hit = {(e.method, e.path) for e in hub.exchanges}
    missed = [
        f"{method} {pattern}"
        for method, pattern, _ in hub.github.routes()
        if not any(m == method and re.fullmatch(pattern, path) for m, path in hit)
    ]
    assert missed == []


def test_graphql_reads_a_repository_as_github_would(hub):
    """Labelled closed issues with their reactions, comments and timeline; pull requests apart;
    milestones, releases, a folder and a file; a repository the token may not read is null
    beside an error of type NOT_FOUND."""
    answer = graphql(hub).json()
    repo = answer["data"]["r0"]

    (meeting,) = repo["issues"]["nodes"]
    assert meeting["stateReason"] == "COMPLETED"
    assert meeting["reactions"]["totalCount"] == 2
    assert [n["__typename"] for n in meeting["timelineItems"]["nodes"]] == [
        "LabeledEvent",
        "ClosedEvent",
        "IssueComment",
    ]
    assert [p["title"] for p in repo["pullRequests"]["nodes"]] == ["En PR"]
    assert repo["milestones"]["nodes"][0]["title"] == "5.2.0"
    assert [r["isDraft"] for r in repo["releases"]["nodes"]] == [False, True]
    assert [e["name"] for e in repo["folder"]["entries"]] == ["20261102_referat.md", "skabelon.md"]
    assert repo["file"]["text"] == "Budget"
    assert answer["data"]["r1"] is None
    assert answer["errors"][0]["type"] == "NOT_FOUND"
    assert answer["data"]["viewer"]["login"] == "os2bot"


def test_a_field_github_lacks_is_an_error_as_on_github(hub):
    """Queries run against GitHub's own schema: a misspelt field is refused, not ignored."""
    answer = graphql(hub, 'query { repository(owner: "a", name: "b") { issuez { totalCount } } }')

    assert "Cannot query field 'issuez'" in answer.json()["errors"][0]["message"]


def test_graphql_labels_match_any_of_them(hub):
    """issues(labels: [a, b]) lists issues with either label (GitHub's GraphQL filter is OR)."""
    hub.github.add_issue(repo=REPO, title="Andet", labels=["andet"])
    query = (
        'query { repository(owner: "OS2borgerPC", name: "os2borgerpc-produktforvaltning") '
        '{ issues(first: 10, labels: ["andet", "koordinationsgruppemøde"]) { nodes { title } } } }'
    )

    titles = [
        n["title"] for n in graphql(hub, query).json()["data"]["repository"]["issues"]["nodes"]
    ]

    assert sorted(titles) == ["Andet", "Koordinationsgruppemøde – november"]


def test_connections_page_with_cursors(hub):
    """first/after page through a connection; more than 100 at once is refused."""
    for n in range(3):
        hub.github.add_issue(repo=REPO, title=f"Sag {n}")
    base = 'query { repository(owner: "OS2borgerPC", name: "os2borgerpc-produktforvaltning") '
    first = graphql(
        hub, base + "{ issues(first: 2) { pageInfo { hasNextPage endCursor } nodes { title } } } }"
    )
    page = first.json()["data"]["repository"]["issues"]
    after = page["pageInfo"]["endCursor"]
    second = graphql(
        hub, base + f'{{ issues(first: 10, after: "{after}") {{ nodes {{ title }} }} }} }}'
    )
    too_many = graphql(hub, base + "{ issues(first: 101) { nodes { title } } } }")

    assert page["pageInfo"]["hasNextPage"] is True
    assert len(second.json()["data"]["repository"]["issues"]["nodes"]) == 2
    assert "exceeds the `first` limit of 100" in too_many.json()["errors"][0]["message"]


def test_labels_are_created_on_first_use_and_over_50_characters_refused(hub):
    """A label that does not exist is created when applied; one longer than GitHub's 50
    characters is a 422 naming the field."""
    created = api(
        hub, "POST", f"/repos/{REPO}/issues", json={"title": "x", "labels": ["os2bot-ny"]}
    )
    refused = api(hub, "POST", f"/repos/{REPO}/issues", json={"title": "x", "labels": ["x" * 51]})

    assert created.status_code == 201
    assert "os2bot-ny" in hub.github.repos[REPO.lower()].labels
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "labels"


def test_closing_keeps_the_reason_and_the_bots_doings_are_in_the_timeline(hub):
    """PATCH state closed with state_reason completed; the bot's labels, comments and close
    are timeline events by the bot (so that they can be told from people's)."""
    number = api(
        hub, "POST", f"/repos/{REPO}/issues", json={"title": "x", "labels": ["os2bot"]}
    ).json()["number"]
    api(hub, "POST", f"/repos/{REPO}/issues/{number}/comments", json={"body": "c"})
    closed = api(
        hub,
        "PATCH",
        f"/repos/{REPO}/issues/{number}",
        json={"state": "closed", "state_reason": "completed"},
    ).json()

    issue = hub.github.issue(REPO, number)
    assert (closed["state"], closed["state_reason"]) == ("closed", "completed")
    assert {e.actor for e in issue.events} == {"os2bot"}
    assert [e.kind for e in issue.events] == ["LabeledEvent", "IssueComment", "ClosedEvent"]


def test_every_answer_carries_the_rate_limit_and_a_used_up_limit_answers_403(hub):
    """x-ratelimit-* headers on every answer; REST at zero answers 403 until the reset,
    GraphQL at zero answers 200 with an error of type RATE_LIMIT."""
    before = api(hub, "GET", "/user")
    hub.github.exhaust("core", reset_in=30)
    hub.github.exhaust("graphql", reset_in=30)
    rest = api(hub, "GET", "/user")
    gql = graphql(hub)

    assert before.headers["x-ratelimit-remaining"] == "4999"
    assert rest.status_code == 403
    assert rest.headers["x-ratelimit-remaining"] == "0"
    assert int(rest.headers["x-ratelimit-reset"]) > 0
    assert "rate limit exceeded" in rest.json()["message"]
    assert gql.status_code == 200
    assert gql.json()["errors"][0]["type"] == "RATE_LIMIT"
    assert gql.headers["x-ratelimit-resource"] == "graphql"


@pytest.mark.parametrize("status", [403, 429])
def test_a_secondary_rate_limit_answers_with_retry_after(hub, status):
    """The secondary limit (fault injection) answers 403 or 429 with Retry-After and GitHub's
    message, and the answer validates as GitHub's basic error."""
    hub.add_fault(Fault(kind="status", status=status, retry_after=7, path=r"^/api/v3/user$"))

    answer = api(hub, "GET", "/user")

    assert answer.status_code == status
    assert answer.headers["Retry-After"] == "7"
    assert "secondary rate limit" in answer.json()["message"]
    assert check_exchanges(hub) == []
