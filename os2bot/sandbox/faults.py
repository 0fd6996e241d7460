# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Fault injection for the sandbox: latency, 429 with Retry-After, 5xx, dropped connections.

Also one hostile server: `endless` answers a search with its first page again and again, each
time with a new nextPageToken (`same_token` repeats one), or on Data Center with a total that
stays ahead of startAt, so a client that trusts the paging never stops.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Literal


@dataclass
class Fault:
    """A fault on every *every*-th request whose path matches *path* (at most *times* times)."""

    kind: Literal["latency", "status", "drop", "endless"]
    path: str = ".*"
    method: str | None = None
    every: int = 1
    times: int | None = None
    status: int = 503
    retry_after: int | None = None
    latency: float = 0.0
    after: bool = False  # drop: handle the request first, then hang up (the write happened)
    same_token: bool = False  # endless: the same nextPageToken every time, not a new one
    seen: int = field(default=0, init=False)
    fired: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        """Compile the path pattern once."""
        self._pattern = re.compile(self.path)

    def applies(self, method: str, path: str) -> bool:
        """Count the request and say whether this fault fires on it."""
        if self.method and self.method.upper() != method.upper():
            return False
        if not self._pattern.search(path):
            return False
        if self.times is not None and self.fired >= self.times:
            return False
        self.seen += 1
        if self.seen % self.every:
            return False
        self.fired += 1
        return True


class Faults:
    """The faults in force; thread-safe, settable per test."""

    def __init__(self) -> None:
        """Start with none."""
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        """Put *fault* in force and return it (its counters tell how often it fired)."""
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Remove every fault."""
        with self._lock:
            self._faults.clear()

    def firing(self, method: str, path: str) -> list[Fault]:
        """The faults that fire on this request."""
        with self._lock:
            return [f for f in self._faults if f.applies(method, path)]
