# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Danish working days, prioritisation rounds and their names: fixed dates, no clock."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from os2bot.calendar import (
    add_working_days,
    is_working_day,
    next_round,
    next_working_day,
    period_name,
    working_day_on_or_before,
)

TZ = ZoneInfo("Europe/Copenhagen")
ROUNDS = (2, 5, 9, 11)


# ------------------------------------------------------------------------ working days


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2027, 3, 25), "skærtorsdag 2027"),
        (date(2027, 3, 26), "langfredag 2027"),
        (date(2027, 3, 29), "2. påskedag 2027"),
        (date(2026, 4, 2), "skærtorsdag 2026"),
        (date(2026, 4, 3), "langfredag 2026"),
        (date(2026, 4, 6), "2. påskedag 2026"),
        (date(2026, 5, 14), "Kristi himmelfartsdag 2026"),
        (date(2027, 5, 6), "Kristi himmelfartsdag 2027"),
        (date(2026, 5, 25), "2. pinsedag 2026"),
        (date(2027, 5, 17), "2. pinsedag 2027"),
        (date(2026, 6, 5), "grundlovsdag 2026"),
        (date(2026, 12, 24), "juleaftensdag 2026"),
        (date(2026, 12, 25), "1. juledag 2026"),
        (date(2027, 12, 24), "juleaftensdag 2027"),
        (date(2026, 12, 31), "nytårsaftensdag 2026"),
        (date(2027, 1, 1), "nytårsdag 2027"),
    ],
)
def test_holidays_and_closed_days_on_weekdays_are_not_working_days(day, name):
    """A Danish public holiday or closed day that falls on a weekday is no working day."""
    assert day.weekday() < 5, name  # the case would prove nothing on a weekend
    assert not is_working_day(day), name


@pytest.mark.parametrize(
    "day",
    [
        date(2027, 3, 24),  # the Wednesday before Easter
        date(2027, 3, 30),  # the Tuesday after 2. påskedag
        date(2026, 4, 1),
        date(2026, 4, 7),
        date(2026, 5, 15),  # the Friday after Kristi himmelfart is no holiday
        date(2027, 4, 23),  # store bededag was abolished from 2024
        date(2026, 12, 23),
        date(2026, 12, 28),
        date(2026, 12, 30),
        date(2026, 11, 27),
    ],
)
def test_ordinary_weekdays_are_working_days(day):
    """An ordinary Monday to Friday, also close to holidays, is a working day."""
    assert is_working_day(day)


def test_weekends_are_not_working_days():
    """Saturday and Sunday are never working days."""
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 11, 29))  # Sunday
    assert is_working_day(date(2026, 11, 30))  # Monday


def test_grundlovsdag_is_closed_only_through_the_closed_days():
    """Grundlovsdag is a closed day, not a public holiday: without closed days it is worked."""
    assert not is_working_day(date(2026, 6, 5))
    assert is_working_day(date(2026, 6, 5), closed=())
    assert is_working_day(date(2026, 12, 24), closed=())
    assert not is_working_day(date(2026, 11, 27), closed=("11-27",))


def test_a_due_date_on_2_paaskedag_2027_moves_back_to_the_wednesday_before():
    """A due date of Monday 29 March 2027 moves back over Easter to Wednesday 24 March."""
    assert working_day_on_or_before(date(2027, 3, 29)) == date(2027, 3, 24)
    assert working_day_on_or_before(date(2027, 3, 26)) == date(2027, 3, 24)


def test_easter_2026_moves_due_dates_back_to_the_wednesday_before():
    """Over Easter 2026 (2-6 April) a due date moves back to Wednesday 1 April."""
    assert working_day_on_or_before(date(2026, 4, 6)) == date(2026, 4, 1)
    assert next_working_day(date(2026, 4, 2)) == date(2026, 4, 7)


def test_a_round_on_26_december_2026_is_due_23_december():
    """A round on 2. juledag 2026 is due on the last working day before Christmas Eve."""
    assert working_day_on_or_before(date(2026, 12, 26)) == date(2026, 12, 23)


def test_pinse_and_kristi_himmelfart_move_due_dates():
    """Due dates on Kristi himmelfart and 2. pinsedag move to the working day before."""
    assert working_day_on_or_before(date(2026, 5, 14)) == date(2026, 5, 13)
    assert working_day_on_or_before(date(2026, 5, 25)) == date(2026, 5, 22)
    assert working_day_on_or_before(date(2027, 5, 17)) == date(2027, 5, 14)


def test_weekend_due_dates_move_to_friday_and_start_on_monday():
    """A due date on a weekend moves back to Friday; the next working day is Monday."""
    assert working_day_on_or_before(date(2026, 11, 29)) == date(2026, 11, 27)
    assert next_working_day(date(2026, 11, 28)) == date(2026, 11, 30)
    assert working_day_on_or_before(date(2026, 11, 27)) == date(2026, 11, 27)
    assert next_working_day(date(2026, 11, 27)) == date(2026, 11, 27)


def test_next_working_day_over_new_year():
    """From nytårsaftensdag 2026 the next working day is Monday 4 January 2027."""
    assert next_working_day(date(2026, 12, 31)) == date(2027, 1, 4)


def test_add_working_days_skips_christmas():
    """Counting working days from 22 December skips 24-27 December."""
    assert add_working_days(date(2026, 12, 22), 1) == date(2026, 12, 23)
    assert add_working_days(date(2026, 12, 22), 2) == date(2026, 12, 28)


def test_add_working_days_skips_new_year():
    """Counting working days from 30 December 2026 skips 31 December to 3 January."""
    assert add_working_days(date(2026, 12, 30), 1) == date(2027, 1, 4)
    assert add_working_days(date(2026, 12, 23), 5) == date(2027, 1, 5)


def test_add_working_days_over_an_ordinary_fortnight():
    """Ten working days from a Friday are two calendar weeks later."""
    assert add_working_days(date(2026, 11, 27), 10) == date(2026, 11, 27) + timedelta(days=14)


# ---------------------------------------------------------------------- prioritisation


def test_next_round_on_the_day_itself_is_that_day():
    """On the round's own day the round is today, not the next one."""
    assert next_round(date(2027, 2, 15), months=ROUNDS, day=15, tz=TZ) == date(2027, 2, 15)


def test_next_round_the_day_after_is_the_next_month_in_the_list():
    """The day after a round, the next round is in the next listed month."""
    assert next_round(date(2027, 2, 16), months=ROUNDS, day=15, tz=TZ) == date(2027, 5, 15)


def test_next_round_rolls_over_the_year_end():
    """After the last round of a year, the next round is the first one of the next year."""
    assert next_round(date(2026, 11, 27), months=ROUNDS, day=15, tz=TZ) == date(2027, 2, 15)
    assert next_round(date(2026, 12, 31), months=(11, 2), day=1, tz=TZ) == date(2027, 2, 1)


def test_next_round_from_a_cron_expression():
    """A cron expression names the round days: the first day of each quarter's last month."""
    cron = "0 9 1 3,6,9,12 *"

    assert next_round(date(2026, 11, 27), cron=cron, tz=TZ) == date(2026, 12, 1)
    assert next_round(date(2026, 12, 1), cron=cron, tz=TZ) == date(2026, 12, 1)
    assert next_round(date(2026, 12, 2), cron=cron, tz=TZ) == date(2027, 3, 1)


def test_a_cron_expression_wins_over_months_and_day():
    """With both given, the cron expression decides the round."""
    got = next_round(date(2026, 11, 27), months=ROUNDS, day=15, cron="0 9 10 1 *", tz=TZ)

    assert got == date(2027, 1, 10)


def test_a_cron_weekday_is_read_as_in_crontab():
    """A round cron on weekday 1 (crontab: Monday) falls on a Monday."""
    got = next_round(date(2026, 11, 27), cron="0 9 * * 1", tz=TZ)

    assert got == date(2026, 11, 30)
    assert got.strftime("%A") == "Monday"


# -------------------------------------------------------------------------- period names


@pytest.mark.parametrize(
    ("day", "danish", "english"),
    [
        (date(2027, 2, 15), "februar 2027", "February 2027"),
        (date(2027, 5, 15), "maj 2027", "May 2027"),
        (date(2026, 12, 1), "december 2026", "December 2026"),
        (date(2027, 1, 10), "januar 2027", "January 2027"),
    ],
)
def test_period_name_in_danish_and_english(day, danish, english):
    """A round is named by month and year, in lower case Danish or capitalised English."""
    assert period_name(day, "da") == danish
    assert period_name(day, "en") == english
