# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Headless Chromium driven over the DevTools protocol on a pipe: load a page at a window
width, measure its layout, take a screenshot. Standard library only (no driver to install)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
from pathlib import Path
from typing import Any


def _as_3_and_4(reading: int, writing: int) -> None:
    """In the child: the protocol's pipes as fd 3 and 4, inherited by Chromium.

    Copied first, so that a pipe that is fd 3 or 4 already loses its close-on-exec too.
    """
    first, second = os.dup(reading), os.dup(writing)
    os.dup2(first, 3)
    os.dup2(second, 4)


class Browser:
    """One headless Chromium; `open()` a page at a width, then `evaluate()` and `screenshot()`."""

    def __init__(self, chromium: str, profile: Path, *flags: str) -> None:
        """Start Chromium with --remote-debugging-pipe (commands on fd 3, answers on fd 4)."""
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        self._process = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                *flags,
            ],
            close_fds=False,  # the pipes become fd 3 and 4 in the child (preexec_fn)
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=lambda: _as_3_and_4(to_browser_read, from_browser_write),  # noqa: PLW1509
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next = 0
        self._session: str | None = None

    def _send(self, method: str, *, session: bool = True, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session and self._session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return dict(answer.get("result", {}))

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(raw))

    def open(self, url: str, *, width: int, height: int = 900) -> None:
        """Load *url* in a window *width* pixels wide, as a phone when narrow."""
        target = self._send("Target.createTarget", session=False, url="about:blank")
        attached = self._send(
            "Target.attachToTarget", session=False, targetId=target["targetId"], flatten=True
        )
        self._session = attached["sessionId"]
        self._send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self._send("Page.navigate", url=url)
        while self.evaluate("document.readyState") != "complete":
            pass  # each evaluate is a round trip to the browser; no sleep

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (the page's own CSP forbids its
        scripts; the protocol's evaluation is the test's, not the page's)."""
        found = self._send("Runtime.evaluate", expression=expression, returnByValue=True)
        return found.get("result", {}).get("value")

    def screenshot(self, path: Path, *, full: bool = False) -> None:
        """The page as PNG: the window, or (*full*) the whole page."""
        found = self._send("Page.captureScreenshot", format="png", captureBeyondViewport=full)
        path.write_bytes(base64.b64decode(found["data"]))

    def close(self) -> None:
        """Stop Chromium."""
        self._process.terminate()
        self._process.wait(timeout=30)
        os.close(self._to_browser)
        os.close(self._from_browser)
