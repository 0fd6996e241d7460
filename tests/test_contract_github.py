# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The contract helper on GitHub: its REST description (OpenAPI) and its GraphQL schema."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import contract
from builders import GITHUB_REPO as REPO
from builders import github_issue
from contract import (
    ContractError,
    github_schema,
    load_spec,
    validate_graphql,
    validate_request,
    validate_response,
)

GHES = "http://127.0.0.1:8765/api/v3"
DOTCOM = "https://api.github.com"


@pytest.fixture(scope="module", autouse=True)
def _specs_loaded():
    """GitHub's description and schema are large: load them once for the module."""
    load_spec("github")
    github_schema()


def issue(**changes: object) -> dict[str, object]:
    """An issue as GitHub's REST API sends it: a meeting's, without a body."""
    return github_issue(title="Koordinationsgruppemøde – november", body=None, **changes)


def test_a_realistic_issue_passes_and_a_wrong_one_fails():
    """An issue GitHub would send validates; one whose closing reason GitHub does not know
    does not."""
    url = f"{GHES}/repos/{REPO}/issues/7"
    validate_response("GET", url, 200, json.dumps(issue()))

    with pytest.raises(ContractError, match="'resolved' is not one of"):
        validate_response("GET", url, 200, json.dumps(issue(state_reason="resolved")))


@pytest.mark.parametrize("base", [GHES, DOTCOM])
def test_github_enterprise_and_github_com_paths_both_match(base):
    """GitHub Enterprise Server's /api/v3 prefix and api.github.com's root both find the
    operation in GitHub's description."""
    validate_response("GET", f"{base}/repos/{REPO}/issues/7", 200, json.dumps(issue()))


def test_a_create_request_is_checked_against_the_description():
    """The bot's create body validates; one whose labels are numbers does not."""
    url = f"{GHES}/repos/{REPO}/issues"
    good = {"title": "Påmindelse", "body": "tekst", "labels": ["os2bot"], "assignees": ["mette"]}
    validate_request("POST", url, json.dumps(good).encode())

    with pytest.raises(ContractError, match=r"POST /repos/\S+/issues request \(github\)"):
        validate_request("POST", url, json.dumps({**good, "labels": [1, 2]}).encode())


def test_a_rate_limit_answer_is_allowed_on_any_operation_as_a_basic_error():
    """A 429 that an operation does not list is GitHub's rate-limit answer: fine as a
    basic-error, a failure with any other shape."""
    url = f"{GHES}/repos/{REPO}/issues/7"
    body = {
        "message": "You have exceeded a secondary rate limit.",
        "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
    }
    validate_response("GET", url, 429, json.dumps(body))

    with pytest.raises(ContractError, match="basic-error"):
        validate_response("GET", url, 429, json.dumps({"message": 5}))


def test_an_undocumented_status_still_fails_on_github():
    """A status that is neither documented nor a rate-limit answer is a contract failure."""
    with pytest.raises(ContractError, match="-> 418"):
        validate_response("GET", f"{GHES}/repos/{REPO}/issues/7", 418, b"{}")


QUERY = """query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    issues(first: 10, labels: ["koordinationsgruppemøde"], states: [CLOSED]) {
      pageInfo { hasNextPage endCursor }
      nodes { number title closedAt stateReason labels(first: 20) { nodes { name } } }
    }
    object(expression: "HEAD:beslutninger") { __typename ... on Tree { entries { name type } } }
  }
}"""


def body(query: str = QUERY, **variables: object) -> bytes:
    """A GraphQL request body."""
    return json.dumps(
        {"query": query, "variables": variables or {"owner": "OS2borgerPC", "name": "x"}}
    ).encode()


def answer(**repository: object) -> bytes:
    """An answer to QUERY."""
    data = {
        "nameWithOwner": "OS2borgerPC/x",
        "issues": {
            "pageInfo": {"hasNextPage": False, "endCursor": None},
            "nodes": [
                {
                    "number": 3,
                    "title": "KG-møde",
                    "closedAt": "2026-11-02T10:00:00Z",
                    "stateReason": "COMPLETED",
                    "labels": {"nodes": [{"name": "koordinationsgruppemøde"}]},
                }
            ],
        },
        "object": {"__typename": "Tree", "entries": [{"name": "2026-11-02-x.md", "type": "blob"}]},
    }
    data.update(repository)
    return json.dumps({"data": {"repository": data}}).encode()


def test_a_graphql_query_and_its_answer_pass():
    """A query valid against GitHub's schema, with variables of the declared types, and an
    answer shaped as it selected, pass."""
    validate_graphql(body(), answer())


def test_a_field_github_does_not_have_fails():
    """A query asking for a field GitHub's schema lacks is refused, naming the field."""
    with pytest.raises(ContractError, match="Cannot query field 'issuez'"):
        validate_graphql(body(QUERY.replace("issues(", "issuez(")))


def test_a_variable_of_the_wrong_type_fails():
    """A variable GitHub would refuse (a number for a String!) fails."""
    with pytest.raises(ContractError, match="owner"):
        validate_graphql(body(owner=5, name="x"))


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"nameWithOwner": None}, "nameWithOwner: null where the schema says non-null"),
        ({"issues": {"nodes": []}}, "pageInfo: missing"),
        (
            {"object": {"__typename": "Tree", "entries": [{"name": 5, "type": "blob"}]}},
            "is not a String",
        ),
    ],
)
def test_an_answer_not_shaped_as_the_query_asked_fails(changes, fragment):
    """A null non-null field, a missing selected field or a value of the wrong type fails."""
    with pytest.raises(ContractError, match=fragment):
        validate_graphql(body(), answer(**changes))


def test_an_enum_value_outside_the_schema_fails():
    """An issue's closing reason must be one of GitHub's IssueStateReason values."""
    nodes = json.loads(answer())["data"]["repository"]["issues"]["nodes"]
    nodes[0]["stateReason"] = "DONE"
    with pytest.raises(ContractError, match="'DONE' is not a value of IssueStateReason"):
        validate_graphql(
            body(),
            answer(issues={"pageInfo": {"hasNextPage": False, "endCursor": None}, "nodes": nodes}),
        )


def test_errors_beside_partial_data_are_allowed():
    """GitHub answers a missing repository with null data and an error: valid."""
    data = {"data": {"repository": None}, "errors": [{"type": "NOT_FOUND", "message": "x"}]}
    validate_graphql(body(), json.dumps(data).encode())


SHARED_SPECS = Path(contract.__file__).resolve().parent.parent.parent / "shared" / "specs"


@pytest.mark.skipif(not SHARED_SPECS.is_dir(), reason="no shared/specs beside this checkout")
@pytest.mark.parametrize(
    ("vendored", "name"),
    [
        (contract.SPECS_DIR / "github-api.github.com.json.gz", "github-api.github.com.json.gz"),
        (contract.GRAPHQL_SCHEMA_FILE, "github-schema.graphql.gz"),
    ],
)
def test_the_vendored_github_files_are_the_shared_originals(vendored, name):
    """GitHub's REST description and GraphQL schema are byte-for-byte the shared copies."""
    assert gzip.decompress(vendored.read_bytes()) == gzip.decompress(
        (SHARED_SPECS / name).read_bytes()
    )
