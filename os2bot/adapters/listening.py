# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""What the chat listeners share, without an SDK: the backoff, the connection's state, the pace.

`SlackListener` and `ZulipListener` each keep their own loop (a socket, a long poll); both
wait the same capped, doubling backoff after a failure (`backoff`), say the same about their
connection for /healthz (`Connection`: `up`, `connected`, `reconnects`, `last_error`), and
keep their replies a minimum interval apart (`Pace`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import structlog

from os2bot.dialogue import Said
from os2bot.ports import ChatMessage

log = structlog.get_logger(__name__)

Handle = Callable[[Said, str], ChatMessage | None]
Wait = Callable[[threading.Event, float], bool]


def backoff(failures: int, base: float, cap: float) -> float:
    """The wait after *failures* failures in a row: *base*, doubled each time, at most *cap*."""
    return min(cap, base * 2.0 ** (failures - 1))


class Connection:
    """A listener's connection as /healthz sees it: up or not, how often lost, the last error.

    *name* is the chat's (`slack`, `zulip`): the listener's name and its log events' prefix.
    """

    name: str

    def __init__(self) -> None:
        """Not connected yet, never lost."""
        self.up = threading.Event()  # set while connected (health; tests wait on it)
        self.last_error: str | None = None
        self.reconnects = 0

    @property
    def connected(self) -> bool:
        """Whether the listener is connected now."""
        return self.up.is_set()

    def _lost(self, exc: BaseException) -> None:
        """The connection is gone (or never came): say so, and why."""
        self.up.clear()
        self.last_error = f"{type(exc).__name__}: {exc}"
        self.reconnects += 1
        event = f"{self.name}.listener_disconnected"  # structlog's event: slack.…, zulip.…
        log.warning(event, error=self.last_error)


class Pace:
    """Replies *min_interval* seconds apart at least (a chat's rate limit), one at a time."""

    def __init__(
        self,
        min_interval: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """*monotonic* and *sleep* are the clock and the wait (tests pass their own)."""
        self.min_interval = min_interval
        self._monotonic = monotonic
        self._sleep = sleep
        self._lock = threading.Lock()
        self._last = float("-inf")

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Wait until the interval since the last reply has passed; the reply is made inside.

        The next interval counts from the end of this turn (a reply that failed as the chat
        said counts too); a turn that raises leaves it as it was.
        """
        with self._lock:
            waited = self._last + self.min_interval - self._monotonic()
            if waited > 0:
                self._sleep(waited)
            yield
            self._last = self._monotonic()
