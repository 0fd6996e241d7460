# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The report, served live by `os2bot run` from the state database, beside /healthz.

`/` is the portfolio, `/produkt/<key>` one product's page, `/rapport.json` the document:
always the latest run, no file to copy. Read-only: GET and HEAD, the database opened for
reading only. Who may read it is the access rule's business (`access_rule`): on the loopback
anyone on the machine; bound elsewhere only with a token or behind a declared reverse proxy,
or the service refuses to start.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from os2bot.config import Config
from os2bot.config.bot import ReportServing
from os2bot.messages import Language, text
from os2bot.report.document import (
    ComplianceReport,
    build_compliance_report,
    points_from_history,
)
from os2bot.report.html import render_compliance_report, render_product_page
from os2bot.settings import Settings
from os2bot.state import SqliteState, StateError

Clock = Callable[[], datetime]

COOKIE = "os2bot_report"
MIN_TOKEN = 16  # characters: a token shorter than this is guessable
# What a page may load: nothing but its own inline styles and the SVG in it.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


class AccessRefused(Exception):
    """The report would be served without an access rule where others can reach it."""

    def __init__(self, text_key: str, **params: object) -> None:
        """*text_key* says why, in the user's language."""
        super().__init__(text_key)
        self.text_key = text_key
        self.params = params


@dataclass(frozen=True)
class Access:
    """Who may read the served report."""

    kind: Literal["loopback", "token", "proxy"]
    token: str | None = field(default=None, repr=False)
    proxy_header: str = "X-Forwarded-User"

    @property
    def cookie_value(self) -> str:
        """What the cookie holds after a valid ?token=: a MAC of the token, not the token."""
        return hmac.new((self.token or "").encode(), b"os2bot-report", hashlib.sha256).hexdigest()


def is_loopback(host: str) -> bool:
    """Whether *host* is an address only this machine reaches."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def access_rule(host: str, serving: ReportServing, token: str | None) -> Access:
    """The access rule for a report bound to *host*; AccessRefused when there is none.

    A token (OS2BOT_REPORT_TOKEN) or `access: token` asks every reader for it; `access: proxy`
    trusts a reverse proxy that names the reader in a header; with neither the report is
    served on the loopback only.
    """
    if serving.access == "proxy":
        return Access("proxy", proxy_header=serving.proxy_header)
    if serving.access == "token" or token:
        if not token:
            raise AccessRefused("cli.report_no_token")
        if len(token) < MIN_TOKEN:
            raise AccessRefused("cli.report_weak_token", length=MIN_TOKEN)
        return Access("token", token=token)
    if is_loopback(host):
        return Access("loopback")
    raise AccessRefused("cli.report_public", host=host)


def report_view(
    config: Config,
    settings: Settings,
    *,
    host: str,
    language: Language,
    jira_url: str,
    clock: Clock,
) -> ReportView | None:
    """The served report as configured, None when it is off.

    AccessRefused when it would be public by accident: bound where others reach it, and no
    access rule.
    """
    serving = config.bot.service.report
    if not serving.enabled:
        return None
    token = settings.report_token.get_secret_value() if settings.report_token else None
    return ReportView(
        config,
        state_path=settings.state,
        language=language,
        jira_url=jira_url,
        access=access_rule(host, serving, token),
        clock=clock,
    )


@dataclass(frozen=True)
class Response:
    """What the server sends: status, body, its type, and further headers."""

    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)


class ReportView:
    """Answers the report's paths from the state database; rebuilt when a run has finished."""

    def __init__(
        self,
        config: Config,
        *,
        state_path: Path,
        language: Language,
        jira_url: str,
        access: Access,
        clock: Clock,
    ) -> None:
        """Read *state_path*; link evidence and tasks to *jira_url*."""
        self.config = config
        self.state_path = state_path
        self.language = language
        self.jira_url = jira_url
        self.access = access
        self.clock = clock
        self._lock = threading.Lock()
        self._cache: tuple[tuple[str | None, str], ComplianceReport] | None = None

    # -------------------------------------------------------------------------- routes

    def answer(self, target: str, headers: Mapping[str, str]) -> Response | None:
        """The response to a GET of *target*, or None when the path is not the report's.

        *headers* are the request's, their names in lower case.
        """
        url = urlsplit(target)
        path = url.path
        if path not in {"/", "/rapport.json"} and not path.startswith("/produkt/"):
            return None
        refused = self._refused(url.path, url.query, headers)
        if refused is not None:
            return refused
        document = self.document()
        if path == "/rapport.json":
            return self._ok(
                json.dumps(document, ensure_ascii=False, indent=2).encode(),
                "application/json; charset=utf-8",
            )
        if path == "/":
            return self._ok(render_compliance_report(document, served=True).encode())
        product = self.config.find_product(unquote(path.removeprefix("/produkt/")).strip("/"))
        if product is None:
            return self._page(404, "report.served.no_product")
        return self._ok(render_product_page(document, product.key, portfolio="../").encode())

    def _ok(self, body: bytes, kind: str = "text/html; charset=utf-8") -> Response:
        return Response(200, body, kind, SECURITY_HEADERS)

    def _page(self, status: int, key: str, **headers: str) -> Response:
        """A short page saying *key*'s text."""
        words = text(key, self.language)
        body = (
            f'<!DOCTYPE html><html lang="{self.language}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>os2bot</title></head><body><p>{words}</p></body></html>"
        )
        return Response(status, body.encode(), headers={**SECURITY_HEADERS, **headers})

    # -------------------------------------------------------------------------- access

    def _refused(self, path: str, query: str, headers: Mapping[str, str]) -> Response | None:
        """None when the reader may read; else the answer that says they may not."""
        access = self.access
        if access.kind == "loopback":
            return None
        if access.kind == "proxy":
            if headers.get(access.proxy_header.lower(), "").strip():
                return None
            return self._page(403, "report.served.no_proxy")
        token = access.token or ""
        given = headers.get("authorization", "")
        if given.startswith("Bearer ") and hmac.compare_digest(given[7:].strip(), token):
            return None
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except ValueError:
            cookie = SimpleCookie()
        if COOKIE in cookie and hmac.compare_digest(cookie[COOKIE].value, access.cookie_value):
            return None
        params = parse_qsl(query, keep_blank_values=True)
        offered = next((v for k, v in params if k == "token"), None)
        if offered is not None and hmac.compare_digest(offered, token):
            # Once: the token becomes a cookie, and the address loses it (history, referrers).
            rest = urlencode([(k, v) for k, v in params if k != "token"])
            secure = "; Secure" if headers.get("x-forwarded-proto", "") == "https" else ""
            return Response(
                303,
                b"",
                headers={
                    **SECURITY_HEADERS,
                    "Location": path + (f"?{rest}" if rest else ""),
                    "Set-Cookie": f"{COOKIE}={access.cookie_value}; Path=/; HttpOnly; "
                    f"SameSite=Strict; Max-Age={30 * 24 * 3600}{secure}",
                },
            )
        return self._page(
            401, "report.served.token", **{"WWW-Authenticate": 'Bearer realm="os2bot"'}
        )

    # ------------------------------------------------------------------------ document

    def document(self) -> ComplianceReport:
        """The compliance report of the latest run.

        Built again only when a run has finished, or the day has changed (which moves
        "since" and the day counts).
        """
        now = self.clock()
        today = now.astimezone(self.config.bot.tz).date().isoformat()
        with self._lock:
            try:
                state = SqliteState(self.state_path, readonly=True)
            except StateError:
                state = None  # no run yet: no database
            try:
                latest = state.latest_run() if state else None
                if self._cache is not None and self._cache[0] == (latest, today):
                    return self._cache[1]
                points = points_from_history(state.history(), state.cards()) if state else []
                tasks = state.bot_tasks() if state else []
            finally:
                if state is not None:
                    state.close()
            document = build_compliance_report(
                self.config,
                points,
                now=now,
                language=self.language,
                since=now - timedelta(days=7),
                jira_url=self.jira_url,
                tasks=tasks,
            )
            if not points:
                document["note"] = text("report.note.no_runs", self.language)
            self._cache = ((latest, today), document)
            return document
