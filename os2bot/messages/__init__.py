# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Every text a user reads, in Danish (default) and English, looked up by a stable key.

The texts live in one table, `os2bot.messages.texts.TEXTS`, both languages side by side per key;
`os2bot.messages.table` says how a text chooses its plural forms.
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from babel.lists import format_list

from os2bot.messages.formats import day, is_iso_day
from os2bot.messages.table import LANGUAGES, Language, fill, has_choice
from os2bot.messages.texts import TEXTS

if TYPE_CHECKING:
    from os2bot.domain import Msg

__all__ = [
    "LANGUAGES",
    "TEXTS",
    "Language",
    "render",
    "said_by",
    "template",
    "term",
    "text",
]

_ALTERNATIVES = re.compile(r", | or ")


def _alternatives(expected: Any, language: Language) -> Any:
    """Pydantic's "'a', 'b' or 'c'" joined the way *language* says "or"."""
    if language == "en" or not isinstance(expected, str):
        return expected
    return format_list(_ALTERNATIVES.split(expected), style="or", locale=language)


def text(key: str, language: Language, /, **params: Any) -> str:
    """Return the text for *key* in *language*, with *params* filled in.

    Validation errors from pydantic have a key per error type; a type we have no text for
    falls back to pydantic's own (English) detail, so the user still learns what is wrong.
    """
    entry = TEXTS.get(key)
    if key.startswith("pydantic."):
        entry = entry or TEXTS["pydantic.other"]
        if "expected" in params:
            params["expected"] = _alternatives(params["expected"], language)
    if entry is None:
        raise KeyError(f"no {language} text for {key!r}")
    return fill(entry[language], language, params)


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """What a text says in any language, each placeholder standing for some text."""
    shapes = []
    for language in LANGUAGES:
        parts = [
            re.escape(literal) + (".+?" if name is not None else "")
            for literal, name, _spec, _conversion in string.Formatter().parse(TEXTS[key][language])
        ]
        shapes.append("".join(parts))
    return re.compile("|".join(f"(?:{shape})" for shape in shapes), re.DOTALL)


def said_by(key: str, value: str) -> bool:
    """Whether *value* is the text *key* filled in, in any language, whatever its values.

    For telling a task the bot wrote by its summary.
    """
    return _pattern(key).fullmatch(value) is not None


def template(key: str, language: Language) -> str:
    """A text with its {placeholders} left in, for a part that fills them in later.

    Such a part fills it in with plain `str.format`, which knows no plural forms: a text that
    chooses among forms is not one to hand out this way.
    """
    found = TEXTS[key][language]
    if has_choice(found):
        raise ValueError(f"{key!r} chooses among forms; fill it in with text()")
    return found


def term(value: str, language: Language) -> str:
    """An OS2 term (phase, funding item, group) in *language*; other values unchanged."""
    entry = TEXTS.get(f"term.{value}")
    return value if entry is None else entry[language]


def render(msg: Msg, language: Language) -> str:
    """A message in *language*, with OS2 terms among its values translated.

    A list stays a list (of translated items), so a text can choose its forms by its length;
    it reads as its items, comma-separated. A day (an ISO date, as rules and history keep
    them) reads the language's way: "29. nov. 2026".
    """
    params: dict[str, Any] = {}
    for name, value in msg.params.items():
        if is_iso_day(value) or (isinstance(value, date) and not isinstance(value, datetime)):
            params[name] = day(value, language)
        elif isinstance(value, str):
            params[name] = term(value, language)
        elif isinstance(value, list | tuple):
            params[name] = tuple(term(str(v), language) for v in value)
        else:
            params[name] = value
    return text(msg.key, language, **params)
