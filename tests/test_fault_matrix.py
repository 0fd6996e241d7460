# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The fault matrix: whatever goes wrong in one run, nothing is opened twice, no chat message
is lost or sent twice once later runs have recovered, and no run waits without bound."""

from __future__ import annotations

import pytest

from os2bot.sandbox.faultmatrix import WAIT_BOUND, run_scenario, scenarios

from conftest import CONFIG


@pytest.mark.parametrize("scenario", scenarios(), ids=lambda s: s.name)
def test_nothing_lost_nothing_twice_never_stuck(scenario):
    """A fault in the first run, then two recovery runs: no task twice, no chat message lost
    or twice, the faulted run cut short only where that is how it is designed to end, and
    its waits within the bound."""
    outcome = run_scenario(scenario, CONFIG)

    assert outcome.duplicate_tasks == 0, outcome
    assert outcome.duplicate_messages == 0, outcome
    assert outcome.lost_messages == 0, outcome
    assert outcome.waited <= WAIT_BOUND, outcome
    assert outcome.aborted == scenario.aborts, outcome
