# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Every text a user reads, in Danish (default) and English, looked up by a stable key."""

from __future__ import annotations

from typing import Any, Literal

from os2bot.messages import da, en

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
