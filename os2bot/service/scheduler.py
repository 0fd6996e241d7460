# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""APScheduler wiring only: the jobs of config/os2bot.yaml, in its timezone."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from os2bot.config import Config

_WEEKDAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


def crontab_weekdays(expression: str) -> str:
    """*expression* with its weekday numbers as names.

    crontab counts weekdays from 0 = Sunday (7 = Sunday too); APScheduler's from_crontab
    passes the numbers on to its own field, which counts from 0 = Monday. Names mean the same
    to both.
    """
    fields = expression.split()
    if len(fields) == 5:  # noqa: PLR2004 - minute hour day month weekday
        fields[4] = re.sub(r"\d+", lambda m: _WEEKDAY_NAMES[int(m.group()) % 8], fields[4])
    return " ".join(fields)


def trigger(expression: str, config: Config) -> CronTrigger:
    """A cron trigger in the configured timezone (crontab's weekday numbers)."""
    return CronTrigger.from_crontab(crontab_weekdays(expression), timezone=config.bot.tz)


def build_scheduler(config: Config, job: Callable[..., object]) -> BlockingScheduler:
    """A scheduler with the apply and digest jobs: one instance each, missed runs coalesced."""
    schedule = config.bot.schedule
    scheduler = BlockingScheduler(timezone=config.bot.tz)
    defaults = {
        "max_instances": 1,
        "coalesce": True,
        "misfire_grace_time": schedule.misfire_grace_seconds,
        "replace_existing": True,
    }
    scheduler.add_job(
        job,
        trigger(schedule.apply, config),
        id="apply",
        name="apply",
        kwargs={"digest": False},
        **defaults,
    )
    scheduler.add_job(
        job,
        trigger(schedule.digest, config),
        id="digest",
        name="digest",
        kwargs={"digest": True},
        **defaults,
    )
    return scheduler


def next_apply(config: Config) -> Callable[[datetime], datetime | None]:
    """When the apply job runs next after a given moment (for /healthz)."""
    cron = trigger(config.bot.schedule.apply, config)

    def after(moment: datetime) -> datetime | None:
        # Strictly after: a run at 07:00 is not "due" again at 07:00.
        fire: datetime | None = cron.get_next_fire_time(None, moment + timedelta(seconds=1))
        return fire

    return after


def next_runs(config: Config, after: datetime, count: int = 3) -> dict[str, list[datetime]]:
    """The next *count* runs of each job after *after*, as the scheduler will fire them."""
    runs: dict[str, list[datetime]] = {}
    for job, expression in (
        ("apply", config.bot.schedule.apply),
        ("digest", config.bot.schedule.digest),
    ):
        cron = trigger(expression, config)
        fired: list[datetime] = []
        previous: datetime | None = None
        moment = after
        for _ in range(count):
            fire: datetime | None = cron.get_next_fire_time(previous, moment)
            if fire is None:
                break
            fired.append(fire)
            previous, moment = fire, fire + timedelta(seconds=1)
        runs[job] = fired
    return runs
