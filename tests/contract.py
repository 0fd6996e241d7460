# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
r"""Contract checks: validate HTTP exchanges against the vendors' official OpenAPI descriptions.

Imported by tests (not a test module itself). The spec is picked from the URL path:
``/rest/api/2/…`` → Jira platform v2, ``/rest/agile/1.0/…`` → Jira Software agile,
``/api/<method>`` → Slack Web API. An undocumented path, method or status is a failure.

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
    "load_spec",
    "validate_exchange",
    "validate_request",
    "validate_response",
]

SpecName = Literal["jira-v2", "jira-agile", "slack"]


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
}
_PREFIXES: Final[tuple[tuple[str, SpecName], ...]] = (
    ("/rest/api/2/", "jira-v2"),
    ("/rest/agile/1.0/", "jira-agile"),
    ("/api/", "slack"),
)
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
    config = Config(spec_validator_cls=None, request_validator_cls=_RequestValidatorWithoutSecurity)
    return OpenAPI.from_dict(data, config=config)


# --------------------------------------------------------------------------- lookup helpers


def _split_url(url: str) -> tuple[str, str, MultiDict[str, str]]:
    parts = urlsplit(url)
    scheme = parts.scheme or "http"
    netloc = parts.netloc or "127.0.0.1"
    query: MultiDict[str, str] = MultiDict(parse_qsl(parts.query, keep_blank_values=True))
    return f"{scheme}://{netloc}", parts.path or "/", query


def _spec_name_for(method: str, path: str) -> SpecName:
    for prefix, name in _PREFIXES:
        if path.startswith(prefix):
            return name
    raise ContractError(
        f"{method.upper()} {path}: no vendor spec covers this path "
        "(expected /rest/api/2/…, /rest/agile/1.0/… or /api/<slack method>)"
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
    spec_name = _spec_name_for(method, path)
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
        raise _fail(what, [exc]) from None

    errors: list[Exception] = []
    for error in route.api.iter_response_errors(request, response):
        if isinstance(error, MissingData) and not _media_types_have_schema(operation_response):
            continue  # e.g. Jira's 204 "content: {application/json: {}}" with no body
        errors.append(error)

    if not errors and route.spec_name != "slack" and status >= 400 and data.strip():
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
