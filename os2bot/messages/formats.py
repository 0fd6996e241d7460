# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Dates, times and numbers the way a reader of each language writes them, from CLDR (Babel).

For people only: "29. nov. 2026", "29. nov. 2026 kl. 10.05", "83 %", "12.345". JSON and CSV keep
ISO 8601 and plain numbers. A moment is shown in the configured timezone, never in UTC.
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from typing import Any

from babel.dates import format_date, format_time
from babel.numbers import format_decimal, format_percent

from os2bot.messages.table import Language, fill
from os2bot.messages.texts import TEXTS

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day(value: date | datetime | str, language: Language, tz: tzinfo | None = None) -> str:
    """A calendar day: "29. nov. 2026" (da), "Nov 29, 2026" (en).

    A moment (a datetime, or its ISO text) is first put in *tz*, so a run at 23:30 UTC
    counts on the next day in Copenhagen.
    """
    found = parse(value)
    if isinstance(found, datetime):
        if tz is not None and found.tzinfo is not None:
            found = found.astimezone(tz)
        found = found.date()
    return format_date(found, "medium", locale=language)


def long_day(value: date | datetime | str, language: Language) -> str:
    """A calendar day in words: "12. februar 2027" (da), "February 12, 2027" (en)."""
    found = parse(value)
    if isinstance(found, datetime):
        found = found.date()
    return format_date(found, "long", locale=language)


def moment(value: datetime | str, language: Language, tz: tzinfo) -> str:
    """A day and a time of day in *tz*: "29. nov. 2026 kl. 10.05" (da)."""
    found = parse(value)
    if not isinstance(found, datetime):
        return day(found, language)
    local = found.astimezone(tz) if found.tzinfo is not None else found
    return fill(
        TEXTS["format.moment"][language],
        language,
        {
            "day": format_date(local.date(), "medium", locale=language),
            "time": format_time(local.time(), "short", locale=language),
        },
    )


def short_day(value: date | datetime | str, language: Language, tz: tzinfo | None = None) -> str:
    """A day without its year, for a chart's axis: "29. nov." (da), "Nov 29" (en)."""
    found = parse(value)
    if isinstance(found, datetime):
        found = (found.astimezone(tz) if tz is not None else found).date()
    return format_date(found, "d. MMM" if language == "da" else "MMM d", locale=language)


def percent(share: float, language: Language) -> str:
    """A share as a percentage: "83 %" (da), "83%" (en)."""
    return str(format_percent(share, locale=language))


def number(value: float, language: Language) -> str:
    """A number with the language's separators: "12.345" (da), "12,345" (en)."""
    return str(format_decimal(value, locale=language))


def is_iso_day(value: Any) -> bool:
    """Whether *value* is a day written as ISO 8601 (YYYY-MM-DD), and nothing else."""
    return isinstance(value, str) and ISO_DAY.fullmatch(value) is not None


def parse(value: date | datetime | str) -> date | datetime:
    """*value* as a date or a datetime (ISO text is read)."""
    if isinstance(value, str):
        return date.fromisoformat(value) if is_iso_day(value) else datetime.fromisoformat(value)
    return value
