# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
r"""Contract checks: validate HTTP exchanges against the vendors' official OpenAPI descriptions.

Imported by tests (not a test module itself). The spec is picked from the URL path:
``/rest/api/2/…`` → Jira platform v2, ``/rest/agile/1.0/…`` → Jira Software agile,
``/api/<method>`` → Slack Web API, ``/api/v3/…`` (GitHub Enterprise Server's layout, which the
sandbox uses) or any path on ``api.github.com`` → GitHub's REST description. An undocumented
path, method or status is a failure. GraphQL requests to GitHub (``/api/graphql``,
``api.github.com/graphql``) are checked against GitHub's GraphQL schema instead
(``validate_graphql``).

How the specs are used here:

- Servers are rewritten to the relative ``/`` (Jira) and ``/api`` (Slack), so any host:port
  (loopback sandbox, ``responses`` mocks) matches; only the path is checked.
- Response validation needs the request only to find the operation; request security is never
  checked (the bot's Basic/Bearer auth is not the spec's concern here).

Quirks found in the specs (they matter when writing fixtures or the sandbox):

- Jira (v2 and agile): no 200 response schema has a ``required`` list, but nearly every object
  has ``additionalProperties: false`` (ServerInformation, User, FieldDetails, Project, Version,
  SearchResults, SearchAndReconcileResults, IssueBean, CreatedIssue, Transitions,
  ErrorCollection, PageBeanBoard and its board values…): an unknown key fails, a missing one
  never does. Free-form maps: ``IssueBean.fields``, ``Comment``/``PageOfComments``,
  ``IssueTransition`` and ``StatusDetails`` allow extra keys.
- Jira ``date-time`` is checked as RFC 3339: ``2024-01-02T10:00:00.000+00:00`` passes but what
  real Jira sends, ``2024-01-02T10:00:00.000+0000`` (no colon in the offset), FAILS. Sandbox
  and fixtures must use the colon form; bot code must parse both. ``Version.releaseDate`` and
  ``startDate`` are ``date`` (``2024-01-31``); ``self`` links are ``uri``; ``Project.uuid`` is
  ``uuid``; ``Version.projectId`` and board ``id`` are integers while issue/project/comment
  ``id`` are strings. Values inside ``IssueBean.fields`` are not checked at all (dates there may
  be in any form).
- Jira error statuses (400/401/404 …) are documented without a body schema except on
  ``POST /rest/api/2/issue`` (ErrorCollection). This helper checks every non-empty Jira error
  body of such a status against ``ErrorCollection`` (``errorMessages: [str]``,
  ``errors: {str: str}``, ``status: int``; nothing else allowed). Undocumented statuses fail
  (e.g. 404 for ``serverInfo``, 200 for ``POST /issue`` which documents 201).
- Jira 204s (``PUT /issue/{key}``, ``POST …/transitions``) are documented as
  ``application/json`` without a schema; an empty body is accepted.
- Jira request bodies: ``IssueTransition.id`` is a string — the ``jira`` package's
  ``transition_issue`` sends an int and therefore fails; ``SearchAndReconcileRequestBean``
  (POST search/jql) forbids unknown keys and ``null`` values (``jira``'s ``use_post=True`` sends
  ``"expand": null``); readOnly properties (e.g. ``Comment.id``) are rejected in request bodies.
  Agile ``GET /board`` declares its ``type`` query parameter as an *object*.
- Slack: every 200 schema has ``additionalProperties: false`` and IDs have patterns:
  channel ``^[CGD][A-Z0-9]{8,}$`` (so ``C0123ABCD``, not ``general`` or ``C123``), user
  ``^[UW][A-Z0-9]{2,}$``, team ``^T[A-Z0-9]{2,}$``, bot ``^B[A-Z0-9]{8,}$``, ts
  ``^\d{10}\.\d{6}$`` (a string, never a number). ``chat.update``'s ``channel``/``ts`` are
  plain strings, and its ``message`` requires only ``text`` but types ``message.blocks`` as an
  *object* (echoing a blocks list fails). ``objs_message`` (postMessage ``message``) requires
  ``text``, ``type``, ``ts`` and forbids unknown keys (real Slack's ``app_id`` fails; ``team``
  must match ``^[TE][A-Z0-9]{8,}$``).
  ``objs_conversation`` has ``items`` but no ``type``, so conversations.list channel entries
  are effectively unchecked.
- Slack errors (HTTP 200 with ``ok: false``) exist only under ``default``: a 200 body with
  ``ok: false`` is validated against ``default`` (``ok``, ``error`` from an enum, optional
  ``needed``/``provided``/``callstack`` …).
- Slack transport: the spec wants a ``token`` parameter and form bodies; slack_sdk sends JSON
  with ``Authorization: Bearer``. ``token`` is ignored; JSON fields are checked against the
  form schema (lists/dicts JSON-encoded and booleans stringified where the schema wants a
  string, as the form transport would). ``auth.test`` is documented as GET but slack_sdk POSTs
  it: for Slack a method documented under the other verb is used (Slack accepts both), and body
  fields of a GET-documented method are checked as its query parameters.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import parse_qsl, urlsplit

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    build_schema,
    parse,
    validate,
)
from graphql.execution.values import get_variable_values
from openapi_core import OpenAPI
from openapi_core.configurations import Config
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.exceptions import OperationNotFound, PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_core.templating.responses.finders import ResponseFinder
from openapi_core.validation.request.exceptions import MissingRequiredRequestBody
from openapi_core.validation.request.validators import V30RequestValidator
from openapi_core.validation.response.exceptions import MissingData
from openapi_core.validation.schemas import (
    oas30_read_schema_validators_factory,
    oas30_write_schema_validators_factory,
)
from werkzeug.datastructures import Headers, MultiDict

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    import requests
    from jsonschema_path import SchemaPath
    from openapi_core.templating.paths.datatypes import PathOperationServer

__all__ = [
    "SPECS_DIR",
    "ContractError",
    "SpecName",
    "github_schema",
    "load_spec",
    "validate_exchange",
    "validate_graphql",
    "validate_request",
    "validate_response",
]

SpecName = Literal["jira-v2", "jira-agile", "slack", "github"]


def _specs_dir() -> Path:
    """$OS2BOT_SPECS_DIR, else the gzipped copies in tests/specs (so a fresh clone can test)."""
    env = os.environ.get("OS2BOT_SPECS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent / "specs"


def read_spec_text(directory: Path, file_name: str) -> str:
    """The spec *file_name* from *directory*, plain or gzipped."""
    plain = directory / file_name
    if plain.exists():
        return plain.read_text(encoding="utf-8")
    return gzip.decompress((directory / (file_name + ".gz")).read_bytes()).decode("utf-8")


SPECS_DIR: Final[Path] = _specs_dir()

# spec name -> (file, relative server that replaces https://your-domain.atlassian.net etc.)
_SPECS: Final[dict[SpecName, tuple[str, str]]] = {
    "jira-v2": ("jira-platform-v2.swagger.v3.json", "/"),
    "jira-agile": ("jira-software.swagger.v3.json", "/"),
    "slack": ("slack_web_openapi_v3.converted.json", "/api"),
    # GitHub's paths are checked without GitHub Enterprise Server's /api/v3 prefix.
    "github": ("github-api.github.com.json", "/"),
}
_PREFIXES: Final[tuple[tuple[str, SpecName], ...]] = (
    ("/rest/api/2/", "jira-v2"),
    ("/rest/agile/1.0/", "jira-agile"),
    (GHES_PREFIX := "/api/v3/", "github"),
    ("/api/", "slack"),
)
GITHUB_HOST: Final = "api.github.com"
# GitHub answers any request with 403 or 429 when a rate limit is hit, whether or not the
# operation's description lists them ("If you exceed your primary rate limit, you will receive
# a 403 or 429 response", docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api),
# any request without valid credentials with 401 ("Requires authentication", "Bad
# credentials"), and any request its servers fail with 500, 502 or 504 (the description lists
# 503 on some operations only): such an answer is checked against GitHub's basic-error schema.
GITHUB_ANY_OPERATION: Final = frozenset({401, 403, 429, 500, 502, 503, 504})
_SLACK_TOKEN_PLACEHOLDER: Final = "xoxb-contract-placeholder"
_MAX_TEXT: Final = 240
_MAX_SUBERRORS: Final = 4


class ContractError(AssertionError):
    """An HTTP exchange does not match the vendor's OpenAPI description."""


class _CheckFailedError(Exception):
    """A check this helper adds on top of openapi-core; the openapi-core error is the cause."""


def _noted(note: str, exc: Exception) -> Exception:
    wrapped = _CheckFailedError(note)
    wrapped.__cause__ = exc
    return wrapped


class _RequestValidatorWithoutSecurity(V30RequestValidator):
    """Request validator that skips security requirements (auth is not part of the contract)."""

    def _get_security(self, parameters: RequestParameters, operation: SchemaPath) -> dict[str, str]:
        del parameters, operation
        return {}


@dataclass
class _Request:
    """Minimal openapi-core ``Request`` protocol implementation."""

    host_url: str
    path: str
    method: str
    body: bytes | None
    content_type: str
    parameters: RequestParameters = field(default_factory=RequestParameters)


@dataclass
class _Response:
    """Minimal openapi-core ``Response`` protocol implementation."""

    status_code: int
    data: bytes | None
    content_type: str
    headers: Headers = field(default_factory=Headers)


@functools.cache
def load_spec(name: SpecName) -> OpenAPI:
    """Load one spec (cached), with servers rewritten so that any host:port matches."""
    file_name, server = _SPECS[name]
    data = json.loads(read_spec_text(SPECS_DIR, file_name))
    data["servers"] = [{"url": server, "description": "any host (rewritten for contract tests)"}]
    if name == "github":
        _null_in_nullable_enums(data)
    config = Config(spec_validator_cls=None, request_validator_cls=_RequestValidatorWithoutSecurity)
    return OpenAPI.from_dict(data, config=config)


def _null_in_nullable_enums(node: Any) -> None:
    """Let a `nullable: true` schema with an `enum` take null, as GitHub means it to.

    GitHub sends `"state_reason": null` for an issue never closed, and describes the field as
    `nullable: true` with an enum of the four reasons; the OpenAPI 3.0 validator checks the
    enum even for null, so null is added to such enums (as OpenAPI 3.1 would write it).
    """
    if isinstance(node, dict):
        enum = node.get("enum")
        if node.get("nullable") is True and isinstance(enum, list) and None not in enum:
            enum.append(None)
        for value in node.values():
            _null_in_nullable_enums(value)
    elif isinstance(node, list):
        for value in node:
            _null_in_nullable_enums(value)


# --------------------------------------------------------------------------- lookup helpers


def _split_url(url: str) -> tuple[str, str, MultiDict[str, str]]:
    parts = urlsplit(url)
    scheme = parts.scheme or "http"
    netloc = parts.netloc or "127.0.0.1"
    query: MultiDict[str, str] = MultiDict(parse_qsl(parts.query, keep_blank_values=True))
    return f"{scheme}://{netloc}", parts.path or "/", query


def _spec_name_for(method: str, path: str, host_url: str = "") -> SpecName:
    if urlsplit(host_url).hostname == GITHUB_HOST:
        return "github"
    for prefix, name in _PREFIXES:
        if path.startswith(prefix):
            return name
    raise ContractError(
        f"{method.upper()} {path}: no vendor spec covers this path "
        "(expected /rest/api/2/…, /rest/agile/1.0/…, /api/v3/… or /api/<slack method>)"
    )


@dataclass(frozen=True)
class _Route:
    spec_name: SpecName
    api: OpenAPI
    host_url: str
    path: str
    method: str  # lowercase, possibly the Slack method documented for this path
    found: PathOperationServer


def _find_route(method: str, url: str) -> tuple[_Route, MultiDict[str, str]]:
    host_url, path, query = _split_url(url)
    spec_name = _spec_name_for(method, path, host_url)
    if spec_name == "github" and path.startswith(GHES_PREFIX):
        path = path.removeprefix(GHES_PREFIX.rstrip("/"))
    api = load_spec(spec_name)
    finder = APICallPathFinder(api.spec)
    wanted = method.lower()
    full_url = host_url + path
    try:
        found = finder.find(wanted, full_url)
    except OperationNotFound as exc:
        documented = _slack_documented_method(api, path) if spec_name == "slack" else None
        if documented is None:
            raise _undocumented(method, path, spec_name, exc) from exc
        wanted = documented
        found = finder.find(wanted, full_url)
    except PathError as exc:
        raise _undocumented(method, path, spec_name, exc) from exc
    route = _Route(spec_name, api, host_url, path, wanted, found)
    return route, query


def _slack_documented_method(api: OpenAPI, path: str) -> str | None:
    """Slack accepts GET and POST for every Web API method; the spec documents one of them."""
    item = api.spec / "paths" / path.removeprefix("/api")
    if not item.exists():
        return None
    methods = [m for m in ("get", "post") if m in item]
    return methods[0] if len(methods) == 1 else None


def _undocumented(method: str, path: str, spec_name: str, exc: Exception) -> ContractError:
    return ContractError(
        f"{method.upper()} {path}: route is not documented in the {spec_name} spec "
        f"({type(exc).__name__}: {exc})"
    )


# --------------------------------------------------------------------------- error formatting


def _shorten(text: str, limit: int = _MAX_TEXT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    keep_tail = 60
    return f"{text[: limit - keep_tail - 1]}…{text[-keep_tail:]}"


def _json_path(parts: Iterable[object]) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _schema_error_lines(error: Exception, indent: str = "  ") -> list[str]:
    where = _json_path(getattr(error, "absolute_path", ()))
    message = _shorten(str(getattr(error, "message", error)))
    keyword = getattr(error, "validator", None)
    suffix = f" [{keyword}]" if keyword else ""
    lines = [f"{indent}- at {where}: {message}{suffix}"]
    context: list[Exception] = list(getattr(error, "context", None) or [])
    for sub in context[:_MAX_SUBERRORS]:
        lines.extend(_schema_error_lines(sub, indent + "    "))
    if len(context) > _MAX_SUBERRORS:
        lines.append(f"{indent}    … {len(context) - _MAX_SUBERRORS} more alternatives")
    return lines


def _error_chain(exc: BaseException) -> Iterator[BaseException]:
    current: BaseException | None = exc
    while current is not None:
        yield current
        current = current.__cause__


def _describe(exc: BaseException) -> list[str]:
    """Readable lines for one openapi-core error: its chain plus its nested schema errors."""
    heads: list[str] = []
    details: list[str] = []
    for level in _error_chain(exc):
        schema_errors = getattr(level, "schema_errors", None)
        if schema_errors is not None:
            errors = list(schema_errors)
            heads.append(f"{type(level).__name__} ({len(errors)} schema error(s))")
            for error in errors:
                details.extend(_schema_error_lines(error))
            break
        if isinstance(level, _CheckFailedError):
            heads.append(str(level))
            continue
        text = str(level)
        cause = level.__cause__
        if cause is not None and str(cause) and str(cause) in text:
            text = text.replace(str(cause), "").rstrip(" :")
        if not text or text == type(level).__name__:
            heads.append(type(level).__name__)
        else:
            heads.append(f"{type(level).__name__}: {_shorten(text)}")
        if isinstance(level, ResponseNotFound):
            heads[-1] += f" (documented: {', '.join(level.availableresponses)})"
    return [" <- ".join(heads), *details]


def _fail(what: str, errors: list[Exception]) -> ContractError:
    lines = [f"{what}: {len(errors)} contract violation(s)"]
    for error in errors:
        described = _describe(error)
        lines.append(f"* {described[0]}")
        lines.extend(described[1:])
    return ContractError("\n".join(lines))


# --------------------------------------------------------------------------- responses


def _to_bytes(body: bytes | str | None) -> bytes:
    if body is None:
        return b""
    return body.encode("utf-8") if isinstance(body, str) else body


def _parse_json(data: bytes) -> Any:
    try:
        return json.loads(data)
    except ValueError:
        return None


def _media_types_have_schema(operation_response: SchemaPath) -> bool:
    """Tell whether some media type has a non-empty schema (Atlassian 204s have ``{}``)."""
    if "content" not in operation_response:
        return False
    return any(
        "schema" in media and bool(list((media / "schema").str_keys()))
        for _, media in (operation_response / "content").str_items()
    )


def validate_response(
    method: str,
    url: str,
    status: int,
    body: bytes | str,
    *,
    content_type: str = "application/json",
    request_body: bytes | None = None,
    query: Mapping[str, Any] | None = None,
) -> None:
    """Raise ContractError unless ``status``/``body`` is a documented response of the route."""
    route, url_query = _find_route(method, url)
    what = f"{method.upper()} {route.path} -> {status} response ({route.spec_name})"
    data = _to_bytes(body)
    parsed = _parse_json(data)

    lookup_status = status
    if (
        route.spec_name == "slack"
        and status == 200  # Slack errors are HTTP 200 + ok:false
        and isinstance(parsed, dict)
        and parsed.get("ok") is False
    ):
        # described only under `default`; an unlisted status makes openapi-core pick it
        lookup_status = 599
        what += " [ok:false, validated against `default`]"

    params_query: MultiDict[str, Any] = MultiDict(url_query)
    for key, value in (query or {}).items():
        params_query.add(key, value)
    request = _Request(
        host_url=route.host_url,
        path=route.path,
        method=route.method,
        body=request_body,
        content_type="application/json",
        parameters=RequestParameters(query=params_query),
    )
    response = _Response(status_code=lookup_status, data=data, content_type=content_type)

    operation = route.found.operation
    try:
        operation_response = ResponseFinder(operation / "responses").find(str(lookup_status))
    except ResponseNotFound as exc:
        if route.spec_name == "github" and status in GITHUB_ANY_OPERATION:
            errors = _github_schema_errors(route.api, "basic-error", parsed)
            if errors:
                raise _fail(what + " [checked as basic-error]", errors) from None
            return
        raise _fail(what, [exc]) from None

    errors: list[Exception] = []
    for error in route.api.iter_response_errors(request, response):
        if isinstance(error, MissingData) and not _media_types_have_schema(operation_response):
            continue  # e.g. Jira's 204 "content: {application/json: {}}" with no body
        errors.append(error)

    if not errors and route.spec_name.startswith("jira") and status >= 400 and data.strip():
        errors.extend(_jira_error_body_errors(operation_response, data, parsed))
    if errors:
        raise _fail(what, errors)


def _jira_error_body_errors(
    operation_response: SchemaPath, data: bytes, parsed: object
) -> list[Exception]:
    """Undocumented Jira error bodies must still look like Jira's ErrorCollection."""
    if "content" in operation_response:
        return []  # the spec documents this error body itself; already validated
    if parsed is None:
        text = _shorten(data.decode(errors="replace"))
        return [_CheckFailedError(f"error body is not JSON (Jira sends ErrorCollection): {text}")]
    jira = load_spec("jira-v2")
    schema = jira.spec / "components" / "schemas" / "ErrorCollection"
    validator = oas30_read_schema_validators_factory.create(jira.spec, schema)
    try:
        validator.validate(parsed)
    except Exception as exc:  # noqa: BLE001 (reported, not swallowed)
        return [_noted("error body checked against Jira's ErrorCollection", exc)]
    return []


def _github_schema_errors(api: OpenAPI, name: str, parsed: object) -> list[Exception]:
    """*parsed* checked against GitHub's component schema *name*."""
    schema = api.spec / "components" / "schemas" / name
    validator = oas30_read_schema_validators_factory.create(api.spec, schema)
    try:
        validator.validate(parsed)
    except Exception as exc:  # noqa: BLE001 (reported, not swallowed)
        return [_noted(f"checked against GitHub's {name}", exc)]
    return []


# --------------------------------------------------------------------------- requests


def _form_value(value: object) -> str:
    """Render a JSON value the way Slack's form transport carries it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    return str(value)


def _slack_json_fields(body: bytes | None) -> dict[str, Any] | Exception:
    if not body:
        return {}
    parsed = _parse_json(body)
    if not isinstance(parsed, dict):
        return _CheckFailedError(f"JSON request body is not an object: {_shorten(repr(parsed))}")
    return {key: value for key, value in parsed.items() if key != "token"}


def _slack_body_errors(route: _Route, fields: dict[str, Any]) -> list[Exception]:
    """Check JSON body fields against the method's form-parameter schema."""
    operation = route.found.operation
    if "requestBody" not in operation:
        return []
    content = operation / "requestBody" / "content"
    media = next(iter(media for _, media in content.str_items()), None)
    if media is None or "schema" not in media:
        return []
    schema = media / "schema"
    properties = schema / "properties"
    converted: dict[str, Any] = {}
    for key, value in fields.items():
        expected = (properties / key / "type").read_str(None) if key in properties else None
        if expected == "string" and isinstance(value, (bool, list, dict)):
            converted[key] = _form_value(value)
        else:
            converted[key] = value
    if "token" in properties:
        converted["token"] = _SLACK_TOKEN_PLACEHOLDER
    validator = oas30_write_schema_validators_factory.create(route.api.spec, schema)
    try:
        validator.validate(converted)
    except Exception as exc:  # noqa: BLE001 (reported, not swallowed)
        return [_noted("JSON body fields checked against the method's form schema", exc)]
    return []


@dataclass
class _SlackPrepared:
    """A Slack request reshaped for the spec: what goes to openapi-core and what we check."""

    body: bytes | None
    errors: list[Exception]


def _prepare_slack_request(
    route: _Route,
    body: bytes | None,
    content_type: str,
    query: MultiDict[str, str],
    header: Headers,
) -> _SlackPrepared:
    """Ignore ``token``, accept JSON instead of form bodies, check the fields themselves."""
    header["token"] = _SLACK_TOKEN_PLACEHOLDER
    query.setlist("token", [_SLACK_TOKEN_PLACEHOLDER])
    has_body = "requestBody" in route.found.operation
    mime = content_type.split(";", maxsplit=1)[0].strip().lower()
    errors: list[Exception] = []
    fields: dict[str, Any]
    if mime == "application/json":
        parsed = _slack_json_fields(body)
        if isinstance(parsed, Exception):
            errors.append(parsed)
            parsed = {}
        fields = parsed
    elif body and not has_body:
        fields = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    else:
        return _SlackPrepared(body=body, errors=errors)  # form body: openapi-core checks it
    if has_body:
        errors.extend(_slack_body_errors(route, fields))
    else:  # GET-documented method called with a body: Slack reads the fields as arguments
        for key, value in fields.items():
            query.setlist(key, [_form_value(value)])
    return _SlackPrepared(body=None, errors=errors)


def validate_request(
    method: str,
    url: str,
    body: bytes | None,
    *,
    content_type: str = "application/json",
    headers: Mapping[str, str] | None = None,
) -> None:
    """Raise ContractError unless the request the bot sends matches the documented operation."""
    route, query = _find_route(method, url)
    what = f"{method.upper()} {route.path} request ({route.spec_name})"
    header = Headers(dict(headers or {}))
    errors: list[Exception] = []
    request_body = body
    if route.spec_name == "slack":
        prepared = _prepare_slack_request(route, body, content_type, query, header)
        request_body = prepared.body
        errors.extend(prepared.errors)
    body_checked_elsewhere = route.spec_name == "slack" and request_body is None

    request = _Request(
        host_url=route.host_url,
        path=route.path,
        method=route.method,
        body=request_body,
        content_type=content_type,
        parameters=RequestParameters(query=query, header=header),
    )
    for error in route.api.iter_request_errors(request):
        if body_checked_elsewhere and isinstance(error, MissingRequiredRequestBody):
            continue
        errors.append(error)
    if errors:
        raise _fail(what, errors)


# --------------------------------------------------------------------------- requests glue


def validate_exchange(response: requests.Response) -> None:
    """Validate both ``response.request`` (as sent) and ``response`` against the specs."""
    prepared = response.request
    method = prepared.method or "GET"
    url = prepared.url or ""
    raw = prepared.body
    body = raw.encode("utf-8") if isinstance(raw, str) else raw
    if is_graphql(url):
        validate_graphql(body or b"", response.content, status=response.status_code)
        return
    headers = {key: str(value) for key, value in prepared.headers.items()}
    validate_request(
        method,
        url,
        body or None,
        content_type=headers.get("Content-Type", "application/json"),
        headers=headers,
    )
    validate_response(
        method,
        url,
        response.status_code,
        response.content,
        content_type=response.headers.get("Content-Type", ""),
        request_body=body or None,
    )


# --------------------------------------------------------------------------- GitHub GraphQL

# GitHub's GraphQL schema, as the sandbox serves it (the sandbox answers from this very file,
# so the copy lives in the package; tests/test_contract.py checks it is GitHub's own).
GRAPHQL_SCHEMA_FILE: Final = (
    Path(__file__).resolve().parent.parent
    / "os2bot"
    / "sandbox"
    / "data"
    / "github-schema.graphql.gz"
)


def is_graphql(url: str) -> bool:
    """Whether *url* is GitHub's GraphQL endpoint (api.github.com/graphql, or /api/graphql)."""
    path = urlsplit(url).path
    return path == "/api/graphql" or (urlsplit(url).hostname == GITHUB_HOST and path == "/graphql")


@functools.cache
def github_schema() -> GraphQLSchema:
    """GitHub's schema, built once per process.

    GitHub's SDL does not pass graphql-core's own schema checks (duplicate fields, deprecation
    rules), so it is built as valid and its validation errors are cleared: queries are then
    validated against it as GitHub would (an unknown field fails).
    """
    sdl = gzip.decompress(GRAPHQL_SCHEMA_FILE.read_bytes()).decode("utf-8")
    schema = build_schema(sdl, assume_valid_sdl=True)
    schema._validation_errors = []
    return schema


def validate_graphql(body: bytes, answer: bytes | None = None, *, status: int = 200) -> None:
    """Raise ContractError unless the GraphQL request (and its answer) fit GitHub's schema.

    The request must be ``{"query": …, "variables": …}`` with a query valid against the schema
    and variables of the declared types. A 200 answer must be ``{"data": …}`` and/or
    ``{"errors": [{"message": …}, …]}``, its data shaped as the query selected it: every
    selected field present, of its type, null only where the schema allows. Other statuses
    (rate limits, 401) carry GitHub's REST error body.
    """
    what = "POST graphql request (github-graphql)"
    request = _parse_json(body)
    if not isinstance(request, dict) or not isinstance(request.get("query"), str):
        raise ContractError(
            f"{what}: the body is not {{query, variables}}: {_shorten(repr(request))}"
        )
    schema = github_schema()
    try:
        document = parse(request["query"])
    except GraphQLError as exc:
        raise ContractError(f"{what}: {exc.message}") from None
    problems = [error.message for error in validate(schema, document)]
    operation = next(
        (d for d in document.definitions if isinstance(d, OperationDefinitionNode)), None
    )
    variables: dict[str, Any] = {}
    if operation is not None and not problems:
        coerced = get_variable_values(
            schema, operation.variable_definitions or (), request.get("variables") or {}
        )
        if isinstance(coerced, list):
            problems += [error.message for error in coerced]
        else:
            variables = coerced
    if problems:
        raise ContractError(f"{what}: " + "; ".join(problems))
    if answer is None:
        return
    what = f"POST graphql -> {status} response (github-graphql)"
    data = _parse_json(answer)
    if status != 200:
        errors = _github_schema_errors(load_spec("github"), "basic-error", data)
        if errors:
            raise _fail(what, errors)
        return
    problems = _graphql_answer_problems(schema, document, operation, data, variables)
    if problems:
        raise ContractError(f"{what}: " + "; ".join(problems[: _MAX_SUBERRORS * 2]))


def _graphql_answer_problems(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode | None,
    data: object,
    variables: dict[str, Any],
) -> list[str]:
    if not isinstance(data, dict) or not ({"data", "errors"} & set(data)):
        return [f"the answer is not {{data, errors}}: {_shorten(repr(data))}"]
    problems = [
        f"$.errors[{index}] has no message"
        for index, error in enumerate(data.get("errors") or [])
        if not isinstance(error, dict) or not isinstance(error.get("message"), str)
    ]
    if data.get("data") is None or operation is None:
        return problems
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    root = schema.query_type if operation.operation.value == "query" else schema.mutation_type
    checker = _AnswerChecker(
        schema, fragments, variables, problems, partial=bool(data.get("errors"))
    )
    checker.object(root, operation.selection_set, data["data"], "$.data")
    return problems


@dataclass
class _AnswerChecker:
    """Walks an answer alongside the query that asked for it, against the schema's types."""

    schema: GraphQLSchema
    fragments: dict[str, FragmentDefinitionNode]
    variables: dict[str, Any]
    problems: list[str]
    partial: bool  # with errors, a field may be null where the schema says non-null

    def object(self, parent: Any, selections: SelectionSetNode, value: Any, at: str) -> None:
        if not isinstance(value, dict):
            self.problems.append(
                f"{at}: expected an object of {parent.name}, got {type(value).__name__}"
            )
            return
        typename = value.get("__typename")
        concrete = self.schema.get_type(typename) if isinstance(typename, str) else parent
        for field_node, type_condition in self._fields(parent, concrete, value, selections):
            key = field_node.alias.value if field_node.alias else field_node.name.value
            owner = self.schema.get_type(type_condition) if type_condition else parent
            if key not in value:
                self.problems.append(f"{at}.{key}: missing")
                continue
            if field_node.name.value == "__typename":
                continue
            definition = getattr(owner, "fields", {}).get(field_node.name.value)
            if definition is None:
                self.problems.append(f"{at}.{key}: {owner} has no such field")
                continue
            self.value(definition.type, field_node, value[key], f"{at}.{key}")

    def _fields(
        self, parent: Any, concrete: Any, value: dict[str, Any], selections: SelectionSetNode
    ) -> Iterator[tuple[FieldNode, str | None]]:
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                yield selection, None
                continue
            if isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments[selection.name.value]
                condition, inner = fragment.type_condition.name.value, fragment.selection_set
            elif isinstance(selection, InlineFragmentNode):
                condition = (
                    selection.type_condition.name.value if selection.type_condition else None
                )
                inner = selection.selection_set
            else:
                continue
            if condition is None or condition == parent.name:
                yield from self._fields(parent, concrete, value, inner)
            elif concrete is not None and _applies(self.schema, condition, concrete):
                for field_node, _ in self._fields(parent, concrete, value, inner):
                    yield field_node, condition

    def value(self, kind: Any, node: FieldNode, value: Any, at: str) -> None:
        if isinstance(kind, GraphQLNonNull):
            if value is None and not self.partial:
                self.problems.append(f"{at}: null where the schema says non-null")
            kind = kind.of_type
        if value is None:
            return
        if isinstance(kind, GraphQLList):
            if not isinstance(value, list):
                self.problems.append(f"{at}: expected a list, got {type(value).__name__}")
                return
            for index, item in enumerate(value):
                self.value(kind.of_type, node, item, f"{at}[{index}]")
        elif isinstance(kind, GraphQLEnumType | GraphQLScalarType):
            if not _leaf_fits(kind, value):
                what = "a value of " if isinstance(kind, GraphQLEnumType) else "a "
                self.problems.append(f"{at}: {value!r} is not {what}{kind.name}")
        elif node.selection_set is not None:
            self.object(kind, node.selection_set, value, at)


def _leaf_fits(kind: GraphQLEnumType | GraphQLScalarType, value: Any) -> bool:
    """Whether a JSON value is one of an enum's values or of a scalar's wire type."""
    if isinstance(kind, GraphQLEnumType):
        return value in kind.values
    expected = _SCALARS.get(kind.name, (str,))
    return isinstance(value, expected) and (isinstance(value, bool) is (bool in expected))


# Built-in scalars by their JSON types; GitHub's own (DateTime, URI, GitObjectID, HTML…) are
# strings on the wire.
_SCALARS: Final[dict[str, tuple[type, ...]]] = {
    "Int": (int,),
    "Float": (int, float),
    "Boolean": (bool,),
    "ID": (str, int),
}


def _applies(schema: GraphQLSchema, condition: str, concrete: Any) -> bool:
    """Whether a fragment on *condition* applies to an object of type *concrete*."""
    if condition == concrete.name:
        return True
    abstract = schema.get_type(condition)
    return isinstance(abstract, GraphQLInterfaceType | GraphQLUnionType) and schema.is_sub_type(
        abstract, concrete
    )
