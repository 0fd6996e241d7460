# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Danish working days and the governance calendar: prioritisation rounds and due dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from croniter import CroniterBadCronError, CroniterBadDateError, croniter

# Days most Danish public workplaces are closed although they are not public holidays.
DEFAULT_CLOSED = ("12-24", "12-31", "06-05")  # juleaftensdag, nytårsaftensdag, grundlovsdag

MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@cache
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("DK", years=year))


def is_working_day(day: date, closed: tuple[str, ...] = DEFAULT_CLOSED) -> bool:
    """Monday to Friday, not a Danish public holiday, not one of the *closed* MM-DD days."""
    if day.weekday() >= 5:  # noqa: PLR2004 - Saturday and Sunday
        return False
    if day in _public_holidays(day.year):
        return False
    return day.strftime("%m-%d") not in closed


def working_day_on_or_before(day: date, closed: tuple[str, ...] = DEFAULT_CLOSED) -> date:
    """*day* if it is a working day, else the last working day before it."""
    while not is_working_day(day, closed):
        day -= timedelta(days=1)
    return day


def next_working_day(day: date, closed: tuple[str, ...] = DEFAULT_CLOSED) -> date:
    """*day* if it is a working day, else the first working day after it."""
    while not is_working_day(day, closed):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, count: int, closed: tuple[str, ...] = DEFAULT_CLOSED) -> date:
    """The working day *count* working days after *day*."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day, closed):
            count -= 1
    return day


def cron_problem(expression: str) -> str | None:
    """What is wrong with a five-field cron expression: "invalid", "never_fires" or None.

    A day of the month and a weekday must both match (APScheduler's reading, which runs the
    schedule), so `0 9 31 2 *` or `0 9 30 2 1` never fire and are refused, not met at run time.
    """
    if len(expression.split()) != 5 or not croniter.is_valid(expression):  # noqa: PLR2004
        return "invalid"
    try:
        croniter(expression, datetime(2000, 1, 1, tzinfo=UTC), day_or=False).get_next(datetime)
    except CroniterBadDateError:
        return "never_fires"
    return None


def next_round(
    today: date,
    *,
    months: tuple[int, ...] = (),
    day: int = 15,
    cron: str | None = None,
    tz: ZoneInfo,
) -> date:
    """The date of the next prioritisation round on or after *today*.

    Either *months* (e.g. February, May, September, November) with *day* of the month, or a
    cron expression (minute hour day month weekday, crontab's weekday numbers). A day of the
    month and a weekday must both match, as in the service's scheduler (APScheduler).
    """
    if cron:
        start = datetime.combine(today, time.min, tzinfo=tz) - timedelta(microseconds=1)
        try:
            fire = croniter(cron, start, day_or=False).get_next(datetime)
        except (CroniterBadDateError, CroniterBadCronError) as exc:
            raise ValueError(f"cron expression {cron!r} never fires") from exc
        fired: date = fire.astimezone(tz).date()
        return fired
    candidates = [
        date(year, month, min(day, 28))
        for year in (today.year, today.year + 1)
        for month in sorted(months)
    ]
    return next(d for d in candidates if d >= today)


def period_name(round_date: date, language: str) -> str:
    """'maj 2027' / 'May 2027': how a round is named in its task's title."""
    names = MONTHS_DA if language == "da" else MONTHS_EN
    return f"{names[round_date.month - 1]} {round_date.year}"
