#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Benchmark: Jira calls and time for one read-only run over N sandbox products.

Prints one line per portfolio size; nothing is asserted. Run from the repository root:
    .venv/bin/python scripts/bench_calls.py 3 30 300
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from os2bot.flow import Mode, run_once
from os2bot.log import configure_logging
from os2bot.sandbox import Sandbox

from builders import config, product
from conftest import make_seed, meeting, tracker_for


def measure(count: int) -> str:
    """One run over *count* products; the measurements as a line."""
    keys = [f"P{n}" for n in range(count)]
    cfg = config(
        *(
            product(key=f"os2p{n}", name=f"OS2p{n}", jira={"project": k, "board": 100 + n})
            for n, k in enumerate(keys)
        )
    )
    seed = make_seed(
        page_size=100,
        projects=[
            {"key": k, "name": k, "boards": [{"id": 100 + n, "name": k}]}
            for n, k in enumerate(keys)
        ],
        issues=[meeting(k, "-20d") for k in keys]
        + [{**meeting(k, "-30d"), "labels": ["styregruppemøde"]} for k in keys],
    )
    with Sandbox(seed) as sandbox:
        started = time.perf_counter()
        report = run_once(
            cfg, tracker_for(sandbox), now=datetime.now(UTC), language="da", mode=Mode.CHECK
        )
        elapsed = time.perf_counter() - started
        searches = len(sandbox.calls(r"/rest/api/2/search"))
        total = len(sandbox.exchanges)
    return (
        f"products={count:<4} results={len(report.results):<5} search_calls={searches:<3} "
        f"jira_calls={total:<3} seconds={elapsed:.2f}"
    )


if __name__ == "__main__":
    configure_logging(level="WARNING")
    for size in [int(a) for a in sys.argv[1:]] or [3, 30, 300]:
        print(measure(size), flush=True)
