# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""structlog set-up: console on a terminal, JSON otherwise, secrets redacted everywhere."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterable, MutableMapping
from typing import Any, TextIO

import structlog

REDACTED = "***"

# Keys whose values are secrets whatever they look like.
_SECRET_KEY = re.compile(
    r"(token|password|passwd|secret|api_key|apikey|authorization|pat)$", re.IGNORECASE
)

# Values that look like secrets wherever they appear: Slack tokens, Bearer/Basic headers,
# Atlassian API tokens, and key=value pairs in URLs or messages.
_SECRET_VALUE = re.compile(
    r"(xox[abposr]-[A-Za-z0-9-]+)"
    r"|((?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+)"
    r"|(ATATT[A-Za-z0-9_=-]+)"
    r"|((?:token|password|api_key|apikey|secret)=[^&\s\"']+)",
    re.IGNORECASE,
)

_known_secrets: set[str] = set()


def register_secret(value: str | None) -> None:
    """Remember a secret from the environment so that its exact text is redacted too."""
    if value and len(value) >= 4:  # noqa: PLR2004 - shorter values would redact ordinary words
        _known_secrets.add(value)


def redact_text(text: str) -> str:
    """Return *text* with every known or secret-looking substring replaced."""
    for secret in _known_secrets:
        text = text.replace(secret, REDACTED)
    return _SECRET_VALUE.sub(_mask, text)


def _mask(match: re.Match[str]) -> str:
    found = match.group(0)
    if "=" in found and not found.lower().startswith(("bearer", "basic")):
        return found.split("=", 1)[0] + "=" + REDACTED
    if found.lower().startswith(("bearer", "basic")):
        return found.split()[0] + " " + REDACTED
    return REDACTED


def _redact_value(key: str, value: Any) -> Any:
    if _SECRET_KEY.search(key) and value not in (None, ""):
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, MutableMapping):
        return {k: _redact_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact_value(key, v) for v in value]
    if isinstance(value, BaseException):
        return redact_text(f"{type(value).__name__}: {value}")
    return value


def redact_secrets(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """A structlog processor that masks secrets in every field of an event."""
    return {key: _redact_value(key, value) for key, value in event_dict.items()}


def _redact_rendered(_logger: Any, _method: str, rendered: Any) -> Any:
    # Last line of defence: exceptions are formatted late, so scrub the rendered line too.
    return redact_text(rendered) if isinstance(rendered, str) else rendered


def colour_wanted(stream: TextIO) -> bool:
    """Whether to colour what goes to *stream*: a terminal, unless NO_COLOR is set.

    As no-color.org says, set means present and not empty.
    """
    return stream.isatty() and not os.environ.get("NO_COLOR")


def configure_logging(
    *, level: str = "INFO", stream: TextIO | None = None, json: bool | None = None
) -> None:
    """Set up structlog once: console on a terminal, JSON lines otherwise."""
    out = stream if stream is not None else sys.stderr
    as_json = not out.isatty() if json is None else json
    processors: Iterable[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        redact_secrets,
        structlog.processors.format_exc_info if as_json else structlog.dev.set_exc_info,
        structlog.processors.JSONRenderer()
        if as_json
        else structlog.dev.ConsoleRenderer(colors=colour_wanted(out)),
        _redact_rendered,
    ]
    structlog.configure(
        processors=list(processors),
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
        ),
        logger_factory=structlog.PrintLoggerFactory(out),
        cache_logger_on_first_use=False,
    )
    # The jira and urllib3 loggers go through the standard library: keep them quiet and
    # never let them print request headers.
    logging.basicConfig(level=logging.WARNING, stream=out)
    for name in ("jira", "urllib3", "slack_sdk"):
        logging.getLogger(name).setLevel(logging.ERROR)
