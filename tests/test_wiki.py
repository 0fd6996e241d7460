# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Jira wiki markup: text from Jira made inert, texts fitted to Jira's limits."""

from __future__ import annotations

import pytest

from os2bot.wiki import escape, fit, length


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("[~accountid:712020:abc]", r"\[\~accountid:712020:abc\]"),
        ("[~mette]", r"\[\~mette\]"),
        ("[klik|https://evil.example]", r"\[klik\|https://evil.example\]"),
        ("{color:red}x{color}", r"\{color:red\}x\{color\}"),
        ("!https://evil.example/x.png!", r"\!https://evil.example/x.png\!"),
        ("*fed* _kursiv_ +ind+ ^op^ ~ned~", r"\*fed\* \_kursiv\_ \+ind\+ \^op\^ \~ned\~"),
        ("||a||b|| |c|", r"\|\|a\|\|b\|\| \|c\|"),
        ("-slettet- a -- b ---- c", r"\-slettet\- a \-\- b \-\-\-\- c"),
        ("??citat??", r"\?\?citat\?\?"),
        ("# punkt", r"\# punkt"),
        ("C:\\sti\\\\x", "C:&#92;sti&#92;&#92;x"),
    ],
)
def test_every_markup_form_is_escaped(value, expected):
    """Mentions, links, macros, images, emphasis, tables, deletion, citation, lists and
    backslashes come out as literal text."""
    assert escape(value) == expected


def test_ordinary_text_is_left_readable():
    """Keys, dates, hyphenated words and a question keep their form."""
    value = "MO-3 «KG-møde» (2026-11-01)? Ja."

    assert escape(value) == value


def test_a_value_cannot_start_a_line():
    """Line breaks become spaces, so a value cannot start a heading, quote or list."""
    assert (
        escape("x\nh1. Overskrift\r\nbq. citat\u2028* punkt")
        == "x h1. Overskrift bq. citat \\* punkt"
    )


def test_fit_cuts_at_a_line_end_and_never_leaves_half_an_escape():
    """A text over the limit is cut at the last whole line that fits, plus the note; a cut
    that would split an escape drops its backslash."""
    lines = "\n".join(f"* linje {n}" for n in range(100))

    cut = fit(lines, 50, "[cut]")
    escaped = fit("ab" + "\\*" * 30, 11)

    assert cut == "* linje 0\n* linje 1\n* linje 2\n* linje 3[cut]"
    assert not escaped.endswith("\\")
    assert length(escaped) <= 11


def test_length_counts_utf16_units_as_jira_does():
    """An emoji outside the Basic Multilingual Plane counts two; a cut never splits one."""
    assert length("😀a") == 3
    assert fit("😀😀😀", 5) == "😀😀"
