# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The sandbox HTTP server: a threaded loopback server routing to Jira, Slack, Zulip and GitHub."""

from __future__ import annotations

import dataclasses
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, Literal, Self
from urllib.parse import parse_qs, urlsplit

import structlog

from os2bot.httpd import PromptHTTPServer
from os2bot.sandbox import github_graphql
from os2bot.sandbox.faults import Fault, Faults
from os2bot.sandbox.github import RATE_DOCS, GitHubFake, github_error
from os2bot.sandbox.http import Request, Response, jira_error
from os2bot.sandbox.jira import AUTH_REQUIRED, JiraFake, utc_now
from os2bot.sandbox.seed import SeedData, load_seed
from os2bot.sandbox.slack import SlackFake
from os2bot.sandbox.zulip import ZulipFake, zulip_error

log = structlog.get_logger(__name__)

Handler = Callable[[Request], Response]
HTTP_OK = 200
HTTP_FORBIDDEN = 403
HTTP_TOO_MANY = 429


@dataclass(frozen=True)
class Exchange:
    """One request the sandbox answered, for tests that count or inspect calls."""

    method: str
    path: str
    query: dict[str, list[str]]
    status: int
    request_body: bytes = b""
    request_type: str = ""
    response_body: bytes = b""
    route: str = ""  # the endpoint, its parameters named: "GET /rest/api/2/issue/{key}"


class Sandbox:
    """Jira, Slack, Zulip and GitHub on one loopback port; a context manager or start()/stop()."""

    def __init__(
        self,
        seed: SeedData | Path,
        *,
        port: int = 0,
        host: str = "127.0.0.1",
        now: Callable[[], datetime] = utc_now,
        zulip_heartbeat: float = 1.0,
        latency: float = 0.0,
        keep_bodies: bool = True,
    ) -> None:
        """Bind to *host*:*port* (0 = a free port); the fakes are built from *seed*.

        An idle Zulip long poll is answered with a heartbeat after *zulip_heartbeat* seconds.
        *latency* seconds are added to every request (a `latency` fault on every path), as a
        network between the bot and the service would. Without *keep_bodies* the exchanges
        are recorded without their bodies (benchmarks: pages of thousands of issues).
        """
        self.seed = load_seed(seed) if isinstance(seed, Path) else seed
        self.faults = Faults()
        if latency:
            self.faults.add(Fault(kind="latency", latency=latency))
        self.keep_bodies = keep_bodies
        self.exchanges: list[Exchange] = []
        self._exchange_lock = threading.Lock()
        self._server = PromptHTTPServer((host, port), self._handler_class())
        self.url = f"http://{host}:{self._server.server_address[1]}"
        self.jira = JiraFake(self.seed.jira, now, self.url)
        self.slack = SlackFake(self.seed.slack, now)
        self.zulip = ZulipFake(self.seed.zulip, now, heartbeat=zulip_heartbeat)
        self.github = GitHubFake(self.seed.github, now, self.url)
        github_routes = [
            *self.github.routes(),
            ("POST", r"/api/graphql", lambda r: github_graphql.execute(self.github, r)),
        ]
        self._routes: list[tuple[str, re.Pattern[str], Handler, str, str]] = [
            (method, re.compile(pattern + "$"), handler, system, _route_name(method, pattern))
            for system, routes in (
                ("jira", self.jira.routes()),
                ("github", github_routes),
                ("zulip", self.zulip.routes()),
                ("slack", self.slack.routes()),
            )
            for method, pattern, handler in routes
        ]
        self._thread: threading.Thread | None = None

    # --------------------------------------------------------------- lifecycle

    def start(self) -> Self:
        """Serve in a background thread (Slack's Socket Mode websocket too)."""
        self.slack.socket.start()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        log.debug("sandbox.started", url=self.url)
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted."""
        self.slack.socket.start()
        try:
            self._server.serve_forever()
        finally:
            self.slack.socket.stop()

    def stop(self) -> None:
        """Stop serving and close the socket; a long poll waiting is answered first."""
        self.zulip.stop()
        self.slack.socket.stop()
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        """Start on entering the block."""
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        """Stop on leaving the block."""
        self.stop()

    # ------------------------------------------------------------- inspection

    def calls(self, path_pattern: str = ".*", method: str | None = None) -> list[Exchange]:
        """The exchanges whose path matches *path_pattern* (and *method*)."""
        pattern = re.compile(path_pattern)
        with self._exchange_lock:
            return [
                e
                for e in self.exchanges
                if pattern.search(e.path) and (method is None or e.method == method)
            ]

    def calls_by_endpoint(self) -> dict[str, int]:
        """How many requests each endpoint answered ("GET /rest/api/2/project/{key}")."""
        counts: dict[str, int] = {}
        with self._exchange_lock:
            for exchange in self.exchanges:
                name = exchange.route or f"{exchange.method} {exchange.path}"
                counts[name] = counts.get(name, 0) + 1
        return dict(sorted(counts.items()))

    def add_fault(self, fault: Fault) -> Fault:
        """Put a fault in force."""
        return self.faults.add(fault)

    # ---------------------------------------------------------------- dispatch

    def dispatch(self, request: Request) -> Response:
        """Route *request* to its handler, after authentication."""
        if request.path.startswith("/_sandbox/"):
            return self._control(request)
        allowed: list[str] = []
        for method, pattern, handler, system, route in self._routes:
            match = pattern.match(request.path)
            if not match:
                continue
            if method != request.method:
                allowed.append(method)
                continue
            request.params = match.groupdict()
            request.route = route
            if system == "github":
                return self._github(request, handler)
            return self._refused(system, request) or handler(request)
        if is_github(request.path):
            return github_error(404, "Not Found")
        if allowed:
            return Response(405, {"errorMessages": ["Method Not Allowed"], "errors": {}})
        if request.path.startswith("/api/v1/"):
            return zulip_error(404, "Endpoint not found", "NOT_FOUND")
        if request.path.startswith("/api/"):
            return SlackFake.error("unknown_method")
        return jira_error(404, f"null for uri: {self.url}{request.path}")

    def _github(self, request: Request, handler: Handler) -> Response:
        """A GitHub request: authenticated, counted against its rate limit, with its headers.

        GitHub answers 401 "Requires authentication" without credentials and "Bad
        credentials" with wrong ones; the rate-limit headers come with every answer, and a
        resource used up answers 403 until its reset (docs.github.com/en/rest/using-the-
        rest-api/rate-limits-for-the-rest-api).
        """
        if self.github.authenticate(request) is None:
            missing = not request.headers.get("authorization")
            message = "Requires authentication" if missing else "Bad credentials"
            return github_error(401, message)
        response = self.github.spend(request.path) or handler(request)
        response.headers.update(self.github.rate_headers(request.path))
        return response

    def _refused(self, system: str, request: Request) -> Response | None:
        """The answer to a request that does not authenticate, in its system's shape."""
        if system == "jira" and self.jira.authenticate(request) is None:
            return jira_error(401, AUTH_REQUIRED)
        if system == "slack" and (problem := self.slack.authenticate(request)):
            return SlackFake.error(problem)
        if system == "zulip" and not self.zulip.authenticate(request):
            return zulip_error(401, "Invalid API key", "INVALID_API_KEY")
        return None

    def _control(self, request: Request) -> Response:
        """A small control API for `sandbox serve`: faults and recorded messages."""
        if request.path == "/_sandbox/faults" and request.method == "POST":
            data = request.json() or {}
            self.faults.add(Fault(**data))
            return Response(201, {"ok": True})
        if request.path == "/_sandbox/faults" and request.method == "DELETE":
            self.faults.clear()
            return Response(204)
        if request.path == "/_sandbox/calls" and request.method == "GET":
            return Response(200, self.calls_by_endpoint())
        if request.path == "/_sandbox/calls" and request.method == "DELETE":
            with self._exchange_lock:
                self.exchanges.clear()
            return Response(204)
        if request.path == "/_sandbox/slack/messages":
            return Response(
                200,
                [
                    {"channel": m.channel, "ts": m.ts, "text": m.text, "blocks": m.blocks}
                    for m in self.slack.messages
                ],
            )
        return Response(404, {"error": "unknown control path"})

    def inject_faults(self, request: Request) -> Response | Literal["drop"] | None:
        """Apply the faults in force: sleep, answer instead of the fake, or hang up."""
        if request.path.startswith("/_sandbox/"):
            return None  # the control API itself is never faulted
        response: Response | None = None
        for fault in self.faults.firing(request.method, request.path):
            if fault.kind == "latency":
                time.sleep(fault.latency)
            elif fault.kind == "endless":
                response = self._endless_page(request, fault)
            elif fault.kind == "drop":
                if fault.after:
                    self.dispatch(request)  # the write happens, the answer is lost
                self._record(request, 0)
                return "drop"
            else:
                headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else {}
                if is_github(request.path):
                    headers |= self.github.rate_headers(request.path)
                body = _fault_body(request.path, fault)
                response = Response(fault.status, body, headers)
        return response

    def _endless_page(self, request: Request, fault: Fault) -> Response:
        """The first page of the search again, as if more always followed (see Fault)."""
        paging = {"nextPageToken", "startAt"}
        body = request.body
        if request.method == "POST" and body:
            data = json.loads(body)
            body = json.dumps({k: v for k, v in data.items() if k not in paging}).encode()
        first = dataclasses.replace(
            request, query={k: v for k, v in request.query.items() if k not in paging}, body=body
        )
        response = self.dispatch(first)
        if response.status != HTTP_OK or not isinstance(response.body, dict):
            return response
        page = dict(response.body)
        if request.path.endswith("/search/jql"):
            page["isLast"] = False
            page["nextPageToken"] = "endless" if fault.same_token else f"endless-{fault.fired}"
        else:
            start = _start_at(request)
            page["startAt"] = start
            page["total"] = start + len(page.get("issues") or []) + 1
        return Response(HTTP_OK, page, response.headers)

    def _record(self, request: Request, status: int, body: bytes = b"") -> None:
        if request.path.startswith("/_sandbox/"):
            return  # the control API is not a call to any service
        keep = self.keep_bodies
        exchange = Exchange(
            request.method,
            request.path,
            request.query if keep else {},
            status,
            request.body if keep else b"",
            request.headers.get("content-type", ""),
            body if keep else b"",
            request.route,
        )
        with self._exchange_lock:
            self.exchanges.append(exchange)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        sandbox = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "os2bot-sandbox"
            # A response leaves in one write (headers and body buffered, sent at the flush
            # below), and Nagle's algorithm is off: on a keep-alive connection a second small
            # write would otherwise wait for the client's delayed ACK, ~40 ms per request.
            wbufsize = 1 << 18
            disable_nagle_algorithm = True

            def log_message(self, *_args: Any) -> None:
                """Keep the terminal quiet; exchanges are recorded instead."""

            def _serve(self) -> None:
                split = urlsplit(self.path)
                length = int(self.headers.get("content-length") or 0)
                request = Request(
                    method=self.command,
                    path=split.path,
                    query=parse_qs(split.query, keep_blank_values=True),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=self.rfile.read(length) if length else b"",
                )
                response = sandbox.inject_faults(request)
                if response == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if response is None:
                    try:
                        response = sandbox.dispatch(request)
                    except Exception:  # the sandbox must answer like a server, not hang up
                        log.exception("sandbox.handler_failed", path=request.path)
                        response = jira_error(500, "Internal server error")
                payload = response.encoded()
                sandbox._record(request, response.status, payload)
                self.send_response(response.status)
                if payload:
                    self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve  # noqa: N815

        return _Handler


def _route_name(method: str, pattern: str) -> str:
    """A route's pattern as people write an endpoint: `GET /rest/api/2/issue/{key}`."""
    named = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", pattern)
    return f"{method} {named.replace(chr(92), '')}"


def _start_at(request: Request) -> int:
    """The startAt a Data Center search asked for, in its query or its JSON body."""
    value: Any = request.arg("startAt")
    if request.method == "POST" and request.body:
        value = json.loads(request.body).get("startAt", value)
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def is_github(path: str) -> bool:
    """Whether *path* is GitHub's (Enterprise Server's layout: /api/v3/…, /api/graphql)."""
    return path.startswith("/api/v3/") or path == "/api/graphql"


def _fault_body(path: str, fault: Fault) -> dict[str, Any]:
    """An injected error in the shape the system at *path* uses."""
    limited = fault.status == HTTP_TOO_MANY
    if is_github(path):
        # GitHub's secondary rate limit answers 403 or 429, with Retry-After when it says how
        # long to wait (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
        if limited or (fault.status == HTTP_FORBIDDEN and fault.retry_after is not None):
            return {
                "message": "You have exceeded a secondary rate limit. Please wait a few minutes "
                "before you try again.",
                "documentation_url": RATE_DOCS,
            }
        return {"message": "Injected fault", "documentation_url": RATE_DOCS}
    if path.startswith("/api/v1/"):
        body: dict[str, Any] = {
            "result": "error",
            "msg": "API usage exceeded rate limit" if limited else "Injected fault",
            "code": "RATE_LIMIT_HIT" if limited else "INTERNAL_SERVER_ERROR",
        }
        if limited:
            body["retry-after"] = fault.retry_after or 1
        return body
    if path.startswith("/api/"):
        return {"ok": False, "error": "ratelimited" if limited else "fatal_error"}
    return {"errorMessages": ["Injected fault"], "errors": {}}


def describe(sandbox: Sandbox) -> dict[str, Any]:
    """A summary of the sandbox for `sandbox serve` to print."""
    jira_user = sandbox.seed.jira.users[0]
    return {
        "url": sandbox.url,
        "deployment": sandbox.seed.jira.deployment,
        "projects": sorted(sandbox.jira.projects),
        "issues": len(sandbox.jira.issues),
        "slack_channels": [c.name for c in sandbox.seed.slack.channels],
        "jira_email": jira_user.email,
        "slack_api_url": sandbox.url + "/api/",
        "slack_app_tokens": sandbox.seed.slack.app_tokens,  # Socket Mode (OS2BOT_SLACK_APP_TOKEN)
        "zulip_site": sandbox.url,
        "zulip_streams": sandbox.seed.zulip.streams,
        "github_url": sandbox.url + "/api/v3",
        "github_repositories": sorted(r.name for r in sandbox.github.repos.values()),
    }


def dumps(data: Any) -> str:
    """JSON for the terminal."""
    return json.dumps(data, ensure_ascii=False, indent=2)
