# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Tests of the contract helper (tests/contract.py) against the vendors' OpenAPI descriptions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
import responses

import contract
from contract import (
    ContractError,
    load_spec,
    validate_exchange,
    validate_request,
    validate_response,
)

U = "http://127.0.0.1:8765"
J2 = f"{U}/rest/api/2"
AGILE = f"{U}/rest/agile/1.0"
SLACK = f"{U}/api"
TS = "1700000000.000100"


@pytest.fixture(scope="module", autouse=True)
def _specs_loaded():
    """Load the three specs once for the whole module (load_spec is cached per process)."""
    for name in ("jira-v2", "jira-agile", "slack"):
        load_spec(name)


def _user() -> dict[str, object]:
    return {
        "self": f"{J2}/user?username=os2bot",
        "key": "JIRAUSER10000",
        "name": "os2bot",
        "displayName": "os2bot",
        "emailAddress": "os2bot@example.org",
        "active": True,
        "timeZone": "Europe/Copenhagen",
    }


def _issue() -> dict[str, object]:
    return {
        "id": "10001",
        "key": "OS2-1",
        "self": f"{J2}/issue/10001",
        "fields": {
            "summary": "Tilslutningsaftale: OS2mo",
            "status": {"id": "1", "name": "Open"},
            "labels": ["os2bot"],
            "created": "2024-01-02T10:00:00.000+0000",
        },
    }


def _comment() -> dict[str, object]:
    return {
        "self": f"{J2}/issue/10001/comment/10200",
        "id": "10200",
        "author": {"name": "os2bot", "displayName": "os2bot", "active": True},
        "body": "Forudsætningerne er opfyldt.",
        "created": "2024-01-02T10:00:00.000+00:00",
        "updated": "2024-01-02T10:00:00.000+00:00",
    }


def _message() -> dict[str, object]:
    return {"type": "message", "text": "Status for OS2mo", "ts": TS, "user": "U0123ABCD"}


# (case id, method, url, status, valid body, wrong body, fragment the failure must name)
RESPONSE_CASES: list[tuple[str, str, str, int, object, object, str]] = [
    (
        "serverInfo",
        "GET",
        f"{J2}/serverInfo",
        200,
        {
            "baseUrl": U,
            "version": "9.12.0",
            "versionNumbers": [9, 12, 0],
            "deploymentType": "Server",
            "buildNumber": 9120000,
            "buildDate": "2024-01-02T00:00:00.000+00:00",
            "serverTime": "2024-05-01T10:00:00.000+00:00",
            "scmInfo": "abc123",
            "serverTitle": "Sandbox Jira",
        },
        {"baseUrl": U, "deploymentType": 5},
        "at $.deploymentType: 5 is not of type 'string'",
    ),
    (
        "myself",
        "GET",
        f"{J2}/myself",
        200,
        _user(),
        {**_user(), "username": "os2bot"},
        "'username' was unexpected",
    ),
    (
        "field",
        "GET",
        f"{J2}/field",
        200,
        [
            {
                "id": "summary",
                "key": "summary",
                "name": "Summary",
                "custom": False,
                "orderable": True,
                "navigable": True,
                "searchable": True,
                "clauseNames": ["summary"],
                "schema": {"type": "string", "system": "summary"},
            },
            {
                "id": "customfield_10010",
                "key": "customfield_10010",
                "name": "Aftaletype",
                "custom": True,
                "clauseNames": ["cf[10010]", "Aftaletype"],
                "schema": {
                    "type": "option",
                    "custom": "com.atlassian.jira.plugin.system.customfieldtypes:select",
                    "customId": 10010,
                },
            },
        ],
        [{"id": "summary", "name": "Summary", "schema": {"system": "summary"}}],
        "at $[0].schema: 'type' is a required property",
    ),
    (
        "project",
        "GET",
        f"{J2}/project/OS2",
        200,
        {
            "self": f"{J2}/project/10000",
            "id": "10000",
            "key": "OS2",
            "name": "OS2 governance",
            "projectTypeKey": "software",
            "lead": {"name": "admin", "displayName": "Admin", "active": True},
            "issueTypes": [{"id": "10001", "name": "Task", "subtask": False}],
        },
        {"id": 10000, "key": "OS2"},
        "at $.id: 10000 is not of type 'string'",
    ),
    (
        "project versions",
        "GET",
        f"{J2}/project/OS2/versions",
        200,
        [
            {
                "self": f"{J2}/version/10100",
                "id": "10100",
                "name": "2024.1",
                "archived": False,
                "released": True,
                "releaseDate": "2024-03-01",
                "projectId": 10000,
            }
        ],
        [{"id": "10100", "name": "2024.1", "releaseDate": "01-03-2024"}],
        "'01-03-2024' is not a 'date'",
    ),
    (
        "search/jql GET",
        "GET",
        f"{J2}/search/jql?jql=project%20%3D%20OS2&maxResults=50",
        200,
        {"issues": [_issue()], "nextPageToken": "CAEaAggD", "isLast": False},
        {"issues": {"OS2-1": _issue()}},
        "at $.issues:",
    ),
    (
        "search/jql POST",
        "POST",
        f"{J2}/search/jql",
        200,
        {"issues": [_issue()], "isLast": True},
        {"issues": [_issue()], "total": 1},
        "'total' was unexpected",
    ),
    (
        "search GET",
        "GET",
        f"{J2}/search?jql=project%3DOS2&startAt=0",
        200,
        {"startAt": 0, "maxResults": 50, "total": 1, "issues": [_issue()]},
        {"startAt": 0, "maxResults": 50, "total": "1", "issues": [_issue()]},
        "at $.total: '1' is not of type 'integer'",
    ),
    (
        "search POST",
        "POST",
        f"{J2}/search",
        200,
        {"startAt": 0, "maxResults": 50, "total": 0, "issues": []},
        {"startAt": 0, "issues": None},
        "at $.issues: None",
    ),
    (
        "create issue",
        "POST",
        f"{J2}/issue",
        201,
        {"id": "10001", "key": "OS2-1", "self": f"{J2}/issue/10001"},
        {"id": 10001, "key": "OS2-1"},
        "at $.id: 10001 is not of type 'string'",
    ),
    (
        "get issue",
        "GET",
        f"{J2}/issue/OS2-1?fields=summary,status",
        200,
        _issue(),
        {"id": "10001", "key": "OS2-1", "summary": "flattened fields"},
        "'summary' was unexpected",
    ),
    (
        "get comments",
        "GET",
        f"{J2}/issue/OS2-1/comment",
        200,
        {"startAt": 0, "maxResults": 50, "total": 1, "comments": [_comment()]},
        {
            "startAt": 0,
            "total": 1,
            "comments": [{**_comment(), "created": "2024-01-02T10:00:00.000+0000"}],
        },
        "at $.comments[0].created: '2024-01-02T10:00:00.000+0000' is not a 'date-time'",
    ),
    (
        "add comment",
        "POST",
        f"{J2}/issue/OS2-1/comment",
        201,
        _comment(),
        {**_comment(), "id": 10200},
        "at $.id: 10200 is not of type 'string'",
    ),
    (
        "update comment",
        "PUT",
        f"{J2}/issue/OS2-1/comment/10200",
        200,
        _comment(),
        {**_comment(), "body": ["not", "a", "string"]},
        "at $.body:",
    ),
    (
        "get transitions",
        "GET",
        f"{J2}/issue/OS2-1/transitions",
        200,
        {
            "transitions": [
                {
                    "id": "31",
                    "name": "Done",
                    "to": {
                        "id": "10002",
                        "name": "Done",
                        "statusCategory": {"id": 3, "key": "done", "name": "Done"},
                    },
                    "hasScreen": False,
                    "isGlobal": True,
                    "isInitial": False,
                    "isConditional": False,
                }
            ]
        },
        {"transitions": [{"id": 31, "name": "Done"}]},
        "at $.transitions[0].id: 31 is not of type 'string'",
    ),
    (
        "agile board",
        "GET",
        f"{AGILE}/board?projectKeyOrId=OS2",
        200,
        {
            "maxResults": 50,
            "startAt": 0,
            "total": 1,
            "isLast": True,
            "values": [
                {
                    "id": 1,
                    "self": f"{AGILE}/board/1",
                    "name": "OS2 board",
                    "type": "scrum",
                    "location": {
                        "projectId": 10000,
                        "projectKey": "OS2",
                        "projectName": "OS2 governance",
                        "displayName": "OS2 governance (OS2)",
                        "projectTypeKey": "software",
                    },
                }
            ],
        },
        {"values": [{"id": "1", "name": "OS2 board"}]},
        "at $.values[0].id: '1' is not of type 'integer'",
    ),
    (
        "slack auth.test",
        "POST",
        f"{SLACK}/auth.test",
        200,
        {
            "ok": True,
            "url": "https://os2.slack.com/",
            "team": "OS2",
            "user": "os2bot",
            "team_id": "T0123ABCD",
            "user_id": "U0123ABCD",
            "bot_id": "B0123ABCD",
            "is_enterprise_install": False,
        },
        {"ok": True, "url": "https://os2.slack.com/", "team": "OS2", "user": "os2bot"},
        "'team_id' is a required property",
    ),
    (
        "slack chat.postMessage",
        "POST",
        f"{SLACK}/chat.postMessage",
        200,
        {"ok": True, "channel": "C0123ABCD", "ts": TS, "message": _message()},
        {"ok": True, "channel": "general", "ts": 1700000000.0001, "message": _message()},
        "at $.channel: 'general' does not match '^[CGD][A-Z0-9]{8,}$'",
    ),
    (
        "slack chat.update",
        "POST",
        f"{SLACK}/chat.update",
        200,
        {
            "ok": True,
            "channel": "C0123ABCD",
            "ts": TS,
            "text": "Opdateret status",
            "message": {"text": "Opdateret status"},
        },
        {"ok": True, "channel": "C0123ABCD", "ts": TS, "message": {"text": "x"}},
        "at $: 'text' is a required property",
    ),
    (
        "slack conversations.list",
        "GET",
        f"{SLACK}/conversations.list?types=public_channel&limit=200",
        200,
        {
            "ok": True,
            "channels": [
                {
                    "id": "C0123ABCD",
                    "name": "os2-governance",
                    "is_channel": True,
                    "is_archived": False,
                    "is_member": True,
                }
            ],
            "response_metadata": {"next_cursor": ""},
        },
        {"ok": True, "channels": [], "response_metadata": {}},
        "at $.response_metadata: 'next_cursor' is a required property",
    ),
]


@dataclass(frozen=True)
class Case:
    """One operation: a valid body, a wrong one and the fragment its failure must contain."""

    method: str
    url: str
    status: int
    valid: object
    wrong: object
    fragment: str


RESPONSE_PARAMS = [pytest.param(Case(*rest), id=name) for name, *rest in RESPONSE_CASES]


@pytest.mark.parametrize("case", RESPONSE_PARAMS)
def test_realistic_response_passes(case):
    """A minimal realistic 2xx body for each operation the sandbox serves validates."""
    validate_response(case.method, case.url, case.status, json.dumps(case.valid))


@pytest.mark.parametrize("case", RESPONSE_PARAMS)
def test_wrong_response_fails_naming_the_problem(case):
    """A clearly wrong body fails with a ContractError naming method, path, status and problem."""
    with pytest.raises(ContractError) as excinfo:
        validate_response(case.method, case.url, case.status, json.dumps(case.wrong))
    message = str(excinfo.value)
    path = case.url.removeprefix(U).split("?")[0]
    assert f"{case.method} {path} -> {case.status}" in message
    assert case.fragment in message


def test_slack_post_message_reports_every_violation():
    """A Slack postMessage body with a numeric ts and a channel name reports both errors."""
    body = {"ok": True, "channel": "general", "ts": 1700000000.0001, "message": _message()}
    with pytest.raises(ContractError) as excinfo:
        validate_response("POST", f"{SLACK}/chat.postMessage", 200, json.dumps(body))
    message = str(excinfo.value)
    assert "at $.channel: 'general' does not match" in message
    assert "at $.ts: 1700000000.0001 is not of type 'string'" in message


@pytest.mark.parametrize(
    "method",
    ["auth.test", "chat.postMessage", "chat.update", "conversations.list"],
)
def test_slack_ok_false_is_validated_against_default(method):
    """An HTTP 200 ok:false body is checked against the `default` error schema."""
    verb = "GET" if method == "conversations.list" else "POST"
    url = f"{SLACK}/{method}"
    validate_response(verb, url, 200, json.dumps({"ok": False, "error": "invalid_auth"}))
    with pytest.raises(ContractError, match=r"\$\.error: 'bogus' is not one of"):
        validate_response(verb, url, 200, json.dumps({"ok": False, "error": "bogus"}))
    with pytest.raises(ContractError, match="'error' is a required property"):
        validate_response(verb, url, 200, json.dumps({"ok": False}))


def test_slack_chat_update_message_blocks_must_be_an_object():
    """The spec types chat.update's message.blocks as an object, so echoing a list fails."""
    body = {
        "ok": True,
        "channel": "C0123ABCD",
        "ts": TS,
        "text": "x",
        "message": {"text": "x", "blocks": [{"type": "section"}]},
    }
    with pytest.raises(ContractError, match=r"\$\.message\.blocks: .* is not of type 'object'"):
        validate_response("POST", f"{SLACK}/chat.update", 200, json.dumps(body))


def test_jira_offset_without_colon_fails_outside_fields():
    """Jira's own '+0000' offset is not RFC 3339, so the spec rejects it in serverTime."""
    body = {"baseUrl": U, "serverTime": "2024-05-01T10:00:00.000+0000"}
    with pytest.raises(ContractError, match=r"\$\.serverTime: .* is not a 'date-time'"):
        validate_response("GET", f"{J2}/serverInfo", 200, json.dumps(body))


@pytest.mark.parametrize(
    ("method", "url"),
    [("PUT", f"{J2}/issue/OS2-1"), ("POST", f"{J2}/issue/OS2-1/transitions")],
)
def test_jira_204_with_empty_body_passes(method, url):
    """Jira's 204 No Content responses validate with an empty body and no content type."""
    validate_response(method, url, 204, b"", content_type="")


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("PUT", f"{J2}/issue/OS2-1", 201),
        ("POST", f"{J2}/issue/OS2-1/transitions", 200),
        ("POST", f"{J2}/issue", 200),
        ("GET", f"{J2}/serverInfo", 404),
    ],
)
def test_undocumented_status_fails(method, url, status):
    """A status the operation does not document fails and lists the documented ones."""
    with pytest.raises(ContractError, match="Unknown response http status") as excinfo:
        validate_response(method, url, status, b"{}")
    assert "documented:" in str(excinfo.value)


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", f"{J2}/issue/OS2-404", 404),
        ("GET", f"{J2}/search/jql?jql=bad", 400),
        ("GET", f"{J2}/myself", 401),
        ("POST", f"{J2}/issue", 400),
        ("GET", f"{AGILE}/board", 401),
    ],
)
def test_jira_error_collection_passes(method, url, status):
    """Jira error bodies shaped as ErrorCollection (errorMessages/errors) validate."""
    body = {"errorMessages": ["Issue does not exist"], "errors": {"summary": "required"}}
    validate_response(method, url, status, json.dumps(body))


@pytest.mark.parametrize(
    ("method", "url", "status", "body", "fragment"),
    [
        ("GET", f"{J2}/issue/OS2-404", 404, {"message": "no"}, "'message' was unexpected"),
        ("POST", f"{J2}/issue", 400, {"errorMessages": "no"}, "$.errorMessages: 'no' is not"),
        ("GET", f"{J2}/myself", 401, {"errors": {"x": ["y"]}}, "$.errors.x: ['y'] is not"),
        ("GET", f"{AGILE}/board", 401, {"error": "no"}, "'error' was unexpected"),
    ],
)
def test_wrong_jira_error_body_fails(method, url, status, body, fragment):
    """Jira error bodies that are not an ErrorCollection fail, even where the spec has no schema."""
    with pytest.raises(ContractError) as excinfo:
        validate_response(method, url, status, json.dumps(body))
    assert fragment in str(excinfo.value)


def test_jira_error_body_must_be_json():
    """A non-JSON Jira error body fails; an empty one is accepted where no body is documented."""
    with pytest.raises(ContractError, match="error body is not JSON"):
        validate_response("GET", f"{J2}/issue/OS2-1", 404, "<html>Not found</html>")
    validate_response("GET", f"{J2}/issue/OS2-1", 401, b"")


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", f"{J2}/no-such-resource"),
        ("DELETE", f"{J2}/serverInfo"),
        ("GET", f"{AGILE}/board/1/nothing"),
        ("POST", f"{SLACK}/chat.noSuchMethod"),
    ],
)
def test_undocumented_route_fails(method, url):
    """A path or method missing from the spec is a contract failure for responses and requests."""
    with pytest.raises(ContractError, match="not documented in the"):
        validate_response(method, url, 200, b"{}")
    with pytest.raises(ContractError, match="not documented in the"):
        validate_request(method, url, None)


def test_path_outside_every_spec_fails():
    """A path under no known prefix fails instead of being silently skipped."""
    with pytest.raises(ContractError, match="no vendor spec covers this path"):
        validate_response("GET", f"{U}/jira/rest/api/2/serverInfo", 200, b"{}")


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:1/rest/api/2/serverInfo",
        "http://[::1]:65000/rest/api/2/serverInfo",
        "https://your-domain.atlassian.net/rest/api/2/serverInfo",
        "/rest/api/2/serverInfo",
    ],
)
def test_any_host_and_port_match(url):
    """Servers are rewritten so any loopback host:port (or none) matches the Jira paths."""
    validate_response("GET", url, 200, json.dumps({"baseUrl": U}))


def test_content_type_is_checked():
    """A JSON charset parameter is fine but a non-JSON content type is not documented."""
    body = json.dumps({"baseUrl": U})
    url = f"{J2}/serverInfo"
    validate_response("GET", url, 200, body, content_type="application/json;charset=UTF-8")
    with pytest.raises(ContractError, match="mimetype not found: text/html"):
        validate_response("GET", url, 200, body, content_type="text/html")


def test_contract_error_is_an_assertion_error():
    """ContractError subclasses AssertionError so pytest reports it as a failed check."""
    assert issubclass(ContractError, AssertionError)


def test_load_spec_is_cached():
    """load_spec returns the same object for the same name."""
    assert load_spec("slack") is load_spec("slack")
    assert load_spec("jira-v2") is not load_spec("jira-agile")


def test_specs_dir_resolution(monkeypatch):
    """The spec directory is OS2BOT_SPECS_DIR when set, else the vendored copies in tests/specs."""
    monkeypatch.delenv("OS2BOT_SPECS_DIR", raising=False)
    assert contract._specs_dir() == Path(contract.__file__).resolve().parent / "specs"
    monkeypatch.setenv("OS2BOT_SPECS_DIR", "/elsewhere/specs")
    assert contract._specs_dir() == Path("/elsewhere/specs")


SHARED_SPECS = Path(contract.__file__).resolve().parent.parent.parent / "shared" / "specs"


@pytest.mark.skipif(not SHARED_SPECS.is_dir(), reason="no shared/specs beside this checkout")
@pytest.mark.parametrize(
    "name",
    [
        "jira-platform-v2.swagger.v3.json",
        "jira-software.swagger.v3.json",
        "slack_web_openapi_v3.converted.json",
    ],
)
def test_vendored_specs_are_the_shared_originals(name):
    """The gzipped copies in tests/specs are byte-for-byte the vendors' files in shared/specs."""
    vendored = contract.read_spec_text(Path(contract.__file__).resolve().parent / "specs", name)

    assert vendored == (SHARED_SPECS / name).read_text(encoding="utf-8")


# ------------------------------------------------------------------------------- requests

CREATE_ISSUE = {
    "fields": {
        "project": {"key": "OS2"},
        "issuetype": {"name": "Task"},
        "summary": "Tilslutningsaftale mangler: OS2mo",
        "description": "Oprettet af os2bot.",
        "labels": ["os2bot"],
    }
}


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


def test_valid_create_issue_request_passes():
    """The bot's create-issue body (fields with project, issuetype, summary) validates."""
    validate_request("POST", f"{J2}/issue", _json(CREATE_ISSUE))


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"fields": ["summary"]}, "at $.fields: ['summary'] is not of type 'object'"),
        ({"update": {"labels": {"add": "x"}}}, "at $.update.labels:"),
        (None, "Missing required request body"),
    ],
)
def test_invalid_create_issue_request_fails(body, fragment):
    """A create-issue body of the wrong shape, or none, fails naming the problem."""
    raw = None if body is None else _json(body)
    with pytest.raises(ContractError) as excinfo:
        validate_request("POST", f"{J2}/issue", raw)
    message = str(excinfo.value)
    assert "POST /rest/api/2/issue request" in message
    assert fragment in message


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("PUT", f"{J2}/issue/OS2-1", {"fields": {"labels": ["os2bot", "aftale"]}}),
        ("POST", f"{J2}/issue/OS2-1/comment", {"body": "Forudsætningerne er opfyldt."}),
        ("PUT", f"{J2}/issue/OS2-1/comment/10200", {"body": "Opdateret."}),
        ("POST", f"{J2}/issue/OS2-1/transitions", {"transition": {"id": "31"}}),
        ("POST", f"{J2}/search/jql", {"jql": "project = OS2", "maxResults": 50}),
        ("POST", f"{J2}/search", {"jql": "project = OS2", "startAt": 0, "fields": ["summary"]}),
    ],
)
def test_valid_jira_request_bodies_pass(method, url, body):
    """Realistic Jira request bodies for edit, comment, transition and search validate."""
    validate_request(method, url, _json(body))


@pytest.mark.parametrize(
    ("method", "url", "body", "fragment"),
    [
        (
            "POST",
            f"{J2}/issue/OS2-1/transitions",
            {"transition": {"id": 31}, "fields": {}},
            "at $.transition.id: 31 is not of type 'string'",
        ),
        (
            "POST",
            f"{J2}/issue/OS2-1/comment",
            {"body": "x", "id": "10200"},
            "at $.id: Tried to write read-only property",
        ),
        (
            "POST",
            f"{J2}/search/jql",
            {"jql": "project = OS2", "startAt": 0},
            "'startAt' was unexpected",
        ),
        (
            "POST",
            f"{J2}/search/jql",
            {"jql": "project = OS2", "expand": None},
            "at $.expand: None",
        ),
    ],
)
def test_invalid_jira_request_bodies_fail(method, url, body, fragment):
    """Jira request bodies with wrong types, read-only or unknown keys fail naming the key."""
    with pytest.raises(ContractError) as excinfo:
        validate_request(method, url, _json(body))
    assert fragment in str(excinfo.value)


def test_jira_query_parameters_are_checked():
    """Query parameters are cast and checked against the operation's parameter schemas."""
    validate_request("GET", f"{J2}/search/jql?jql=project%3DOS2&maxResults=50&fields=summary", None)
    with pytest.raises(ContractError, match="Query parameter error: maxResults"):
        validate_request("GET", f"{J2}/search/jql?jql=project%3DOS2&maxResults=many", None)


def test_request_auth_is_not_checked():
    """Requests validate whatever their auth (security is not part of the contract)."""
    headers = {"Authorization": "Bearer personal-access-token"}
    validate_request("GET", f"{J2}/myself", None, headers=headers)
    validate_request("GET", f"{J2}/myself", None)


def test_slack_json_message_fields_pass():
    """slack_sdk's JSON postMessage body (blocks list, booleans, no token) validates."""
    body = {
        "channel": "C0123ABCD",
        "text": "Status for OS2mo",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*OS2mo*"}}],
        "unfurl_links": False,
        "as_user": True,
    }
    headers = {"Authorization": "Bearer xoxb-test", "Content-Type": "application/json"}
    validate_request(
        "POST",
        f"{SLACK}/chat.postMessage",
        _json(body),
        content_type="application/json;charset=utf-8",
        headers=headers,
    )
    update = {"channel": "C0123ABCD", "ts": TS, "text": "Opdateret", "blocks": []}
    validate_request("POST", f"{SLACK}/chat.update", _json(update))


@pytest.mark.parametrize(
    ("method", "body", "fragment"),
    [
        ("chat.postMessage", {"text": "no channel"}, "at $: 'channel' is a required property"),
        (
            "chat.postMessage",
            {"channel": "C0123ABCD", "unfurl_links": "no"},
            "at $.unfurl_links: 'no' is not of type 'boolean'",
        ),
        ("chat.update", {"channel": "C0123ABCD", "ts": 1.5}, "at $.ts: 1.5 is not of type"),
    ],
)
def test_slack_json_message_fields_fail(method, body, fragment):
    """Wrong JSON message fields fail against the method's form-parameter schema."""
    with pytest.raises(ContractError) as excinfo:
        validate_request("POST", f"{SLACK}/{method}", _json(body))
    message = str(excinfo.value)
    assert f"POST /api/{method} request" in message
    assert fragment in message


def test_slack_get_and_post_are_interchangeable():
    """auth.test is documented as GET but slack_sdk POSTs it, which Slack accepts."""
    validate_request("POST", f"{SLACK}/auth.test", None, content_type="")
    validate_request("POST", f"{SLACK}/auth.test", b"{}")
    validate_request("GET", f"{SLACK}/conversations.list?types=public_channel&limit=200", None)
    validate_request("POST", f"{SLACK}/conversations.list", _json({"limit": 200}))
    with pytest.raises(ContractError, match="Query parameter error: limit"):
        validate_request("GET", f"{SLACK}/conversations.list?limit=lots", None)


@responses.activate
def test_validate_exchange_checks_request_and_response():
    """validate_exchange checks the request as requests sent it and the response it got."""
    created = {"id": "10001", "key": "OS2-1", "self": f"{J2}/issue/10001"}
    responses.add(responses.POST, f"{J2}/issue", json=created, status=201)
    validate_exchange(requests.post(f"{J2}/issue", json=CREATE_ISSUE, timeout=5))

    bad_request = requests.post(f"{J2}/issue", json={"fields": "x"}, timeout=5)
    with pytest.raises(ContractError, match="POST /rest/api/2/issue request"):
        validate_exchange(bad_request)


@responses.activate
def test_validate_exchange_rejects_bad_response():
    """validate_exchange fails when the response body breaks the contract."""
    responses.add(responses.GET, f"{J2}/serverInfo", json={"deploymentType": 5})
    with pytest.raises(ContractError, match=r"GET /rest/api/2/serverInfo -> 200 response"):
        validate_exchange(requests.get(f"{J2}/serverInfo", timeout=5))
