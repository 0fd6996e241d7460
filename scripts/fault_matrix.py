#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Print the fault matrix: each fault in a run against the sandbox, then recovery runs.

    python scripts/fault_matrix.py [CONFIG_DIR]

Columns: tasks opened twice, chat messages sent twice, chat messages lost (after the
recovery runs), the faulted run's wall time and what it asked to wait, and whether it was
cut short (the rest being left for the next run, as designed).
"""

from __future__ import annotations

import sys
from pathlib import Path

from os2bot.log import configure_logging
from os2bot.sandbox.faultmatrix import WAIT_BOUND, run_scenario, scenarios


def main() -> int:
    """Run every scenario and print one row each; exit 1 if anything was lost or repeated."""
    configure_logging(level="CRITICAL")
    config_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "config"
    print(f"| {'scenario':<44} | dup. tasks | dup. msgs | lost msgs | seconds | waited | cut |")
    print(f"|{'-' * 46}|-----------:|----------:|----------:|--------:|-------:|-----|")
    bad = 0
    for scenario in scenarios():
        o = run_scenario(scenario, config_dir)
        bad += o.duplicate_tasks + o.duplicate_messages + o.lost_messages + (o.waited > WAIT_BOUND)
        print(
            f"| {o.scenario:<44} | {o.duplicate_tasks:>10} | {o.duplicate_messages:>9} | "
            f"{o.lost_messages:>9} | {o.seconds:>7.2f} | {o.waited:>6.0f} | "
            f"{'yes' if o.aborted else 'no':<3} |"
        )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
