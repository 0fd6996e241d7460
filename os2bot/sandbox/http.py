# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The sandbox's request and response values, shared by its Jira and Slack parts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Request:
    """An HTTP request as the sandbox's handlers see it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""
    params: dict[str, str] = field(default_factory=dict)  # from the route pattern
    route: str = ""  # the endpoint that answered, e.g. "GET /rest/api/2/issue/{key}"

    def arg(self, name: str, default: str | None = None) -> str | None:
        """The first query value of *name*."""
        values = self.query.get(name)
        return values[0] if values else default

    def json(self) -> Any:
        """The body as JSON (raises ValueError when it is not)."""
        return json.loads(self.body or b"null")

    def form(self) -> dict[str, Any]:
        """The body as JSON or as a form, whichever the content type says (Slack takes both)."""
        content_type = self.headers.get("content-type", "")
        if "json" in content_type:
            data = self.json()
            return data if isinstance(data, dict) else {}
        parsed = parse_qs(self.body.decode("utf-8"))
        return {key: values[0] for key, values in parsed.items()}


@dataclass
class Response:
    """An HTTP response from a handler."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> bytes:
        """The body as bytes (empty for 204)."""
        if self.body is None:
            return b""
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


def jira_error(status: int, *messages: str, **errors: str) -> Response:
    """An error in Jira's shape: errorMessages and errors."""
    return Response(status, {"errorMessages": list(messages), "errors": errors})
