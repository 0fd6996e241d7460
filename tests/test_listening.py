# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""What both chat listeners share: the capped backoff and the replies' pace."""

from __future__ import annotations

import pytest

from os2bot.adapters.listening import Pace, backoff


def test_the_backoff_doubles_from_its_base_up_to_its_cap():
    """One failure waits the base; each further one twice as long, never past the cap."""
    assert [backoff(n, 1.0, 16.0) for n in range(1, 8)] == [1.0, 2.0, 4.0, 8.0, 16.0, 16.0, 16.0]
    assert backoff(3, 0.5, 60.0) == 2.0


class Clock:
    """A clock that moves only when slept on."""

    def __init__(self) -> None:
        """At 100 s, nothing slept."""
        self.now = 100.0
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        """Sleep: the time moves on."""
        self.slept.append(seconds)
        self.now += seconds


def test_replies_are_kept_apart_from_the_end_of_the_last_turn():
    """The first reply goes at once; the next waits what is left of the interval, counted
    from the end of the last turn; a turn that raised does not count."""
    clock = Clock()
    pace = Pace(30.0, monotonic=lambda: clock.now, sleep=clock.sleep)

    with pace.turn():
        clock.now += 5.0  # the reply took five seconds
    clock.now += 10.0
    with pace.turn():
        pass
    assert clock.slept == [20.0]

    with pytest.raises(RuntimeError), pace.turn():  # waits its turn, then fails
        raise RuntimeError("a bug")
    with pace.turn():  # the interval still counts from the last reply that was made
        pass
    assert clock.slept == [20.0, 30.0]
