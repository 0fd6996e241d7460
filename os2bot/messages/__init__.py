# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Every text a user reads, in Danish (default) and English, looked up by a stable key."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from os2bot.messages import da, en

if TYPE_CHECKING:
    from os2bot.domain import Msg

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")

CATALOGUES: dict[Language, dict[str, str]] = {"da": da.TEXTS, "en": en.TEXTS}


def text(key: str, language: Language, /, **params: Any) -> str:
    """Return the text for *key* in *language*, with *params* filled in.

    Validation errors from pydantic have a key per error type; a type we have no text for
    falls back to pydantic's own (English) detail, so the user still learns what is wrong.
    """
    catalogue = CATALOGUES[language]
    template = catalogue.get(key)
    if template is None and key.startswith("pydantic."):
        template = catalogue["pydantic.other"]
    if template is None:
        raise KeyError(f"no {language} text for {key!r}")
    return template.format(**params)


def template(key: str, language: Language) -> str:
    """A text with its {placeholders} left in, for a part that fills them in later."""
    return CATALOGUES[language][key]


def term(value: str, language: Language) -> str:
    """An OS2 term (phase, funding item, group) in *language*; other values unchanged."""
    return CATALOGUES[language].get(f"term.{value}", value)


def render(msg: Msg, language: Language) -> str:
    """A message in *language*, with OS2 terms among its values translated."""
    params: dict[str, Any] = {}
    for name, value in msg.params.items():
        if isinstance(value, str):
            params[name] = term(value, language)
        elif isinstance(value, list | tuple):
            params[name] = ", ".join(term(str(v), language) for v in value)
        else:
            params[name] = value
    return text(msg.key, language, **params)
