# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Logging: JSON off a terminal, and secrets masked wherever they turn up."""

from __future__ import annotations

import io
import json

import structlog

from os2bot.log import colour_wanted, configure_logging, redact_text, register_secret


def test_json_lines_when_not_on_a_terminal():
    """Logging to a pipe gives one JSON object per event, with the stable event name."""
    stream = io.StringIO()
    configure_logging(stream=stream)

    structlog.get_logger().info("run.finished", created=1)

    event = json.loads(stream.getvalue())
    assert (event["event"], event["created"], event["level"]) == ("run.finished", 1, "info")


def test_secret_fields_and_secret_looking_values_are_masked():
    """A field named like a secret, a Slack token, a Bearer header and token= in a URL are
    masked; ordinary words are left alone."""
    stream = io.StringIO()
    configure_logging(stream=stream, json=True)

    structlog.get_logger().warning(
        "jira.retry",
        api_token="abc123",
        error="header Authorization: Bearer eyJhbGciOi.secret",
        url="https://x/api?token=s3cr3t&page=2",
        note="posted xoxb-1234-5678-abcdef to Slack",
        product="os2mo",
    )

    event = json.loads(stream.getvalue())
    assert event["api_token"] == "***"
    assert "eyJhbGciOi" not in event["error"]
    assert event["url"] == "https://x/api?token=***&page=2"
    assert "xoxb-1234" not in event["note"]
    assert event["product"] == "os2mo"


def test_registered_secret_is_masked_even_in_exceptions():
    """A secret from the environment is masked in a logged exception's text too."""
    register_secret("plain-looking-value-42")
    stream = io.StringIO()
    configure_logging(stream=stream, json=True)

    def login():
        raise RuntimeError("login failed for plain-looking-value-42")

    try:
        login()
    except RuntimeError:
        structlog.get_logger().exception("run.failed")

    assert "plain-looking-value-42" not in stream.getvalue()
    assert "login failed for ***" in stream.getvalue()
    assert redact_text("x plain-looking-value-42 y") == "x *** y"


def test_no_color_turns_the_console_renderers_colours_off(monkeypatch):
    """On a terminal the log is coloured, unless NO_COLOR is set (and not empty)."""

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert colour_wanted(Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_wanted(Terminal())
    monkeypatch.setenv("NO_COLOR", "")
    assert colour_wanted(Terminal())
