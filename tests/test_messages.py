# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Every text exists in Danish and English, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from os2bot.messages import CATALOGUES, text


def placeholders(template: str) -> set[str]:
    """The {names} a template fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_danish_and_english_have_the_same_keys():
    """No text is missing in either language."""
    assert set(CATALOGUES["da"]) == set(CATALOGUES["en"])


@pytest.mark.parametrize("key", sorted(CATALOGUES["da"]))
def test_both_languages_fill_in_the_same_values(key):
    """A Danish and an English text show the same facts."""
    assert placeholders(CATALOGUES["da"][key]) == placeholders(CATALOGUES["en"][key])


def test_unknown_validation_error_falls_back_to_pydantics_detail():
    """A pydantic error type without its own text still says what is wrong."""
    assert text("pydantic.some_new_type", "da", detail="Input should be a valid UUID") == (
        "ugyldig værdi: Input should be a valid UUID"
    )


def test_missing_text_is_an_error_not_a_silent_key():
    """Asking for a text that does not exist fails loudly."""
    with pytest.raises(KeyError):
        text("no.such.key", "en")
