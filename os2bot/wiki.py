# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
r"""Jira wiki markup: text from Jira made inert, and texts fitted to Jira's field limits.

The bot writes descriptions and comments in Jira's wiki markup (Atlassian's "Text Formatting
Notation", https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all), and
quotes Jira's own text in them: summaries, version names, error messages. Quoted as it is,
`[~accountid:…]` would notify that person and `[x|url]`, `!image!`, `{color}`, `*…*` or a
table would render. Atlassian's notation escapes a special character X as `\X`.
"""

from __future__ import annotations

import re

SUMMARY_LIMIT = 255  # Jira's summary field
TEXT_LIMIT = 32_767  # Jira's description and comment fields (UTF-16 code units: Java's length)

# Characters that start or end markup: links and mentions ([ ] |), macros ({ }), images (!),
# emphasis, insertion, super- and subscript (* _ + ^ ~), lists (# *), tables (|); a hyphen
# at a word's edge (deletion, -text-; dashes and rules, -- --- ----), ?? (citation), and the
# backslash (an escape, or with another a line break).
_SPECIAL = re.compile(r"[\\\[\]{}|!*_+^~#]|(?<!\w)-|-(?!\w)|\?(?=\?)|(?<=\?)\?")
# A line break would let a value start a line: a heading (h1.), a quote (bq.), a list, a rule.
_LINE_BREAK = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def escape(value: str) -> str:
    r"""*value* as literal text in wiki markup: every special character escaped, one line.

    A hyphen between two letters or digits (MO-3, 2026-11-27) and a lone question mark start
    nothing and are left as they are. A backslash cannot be escaped with a backslash (`\\`
    is a forced line break), so it becomes the HTML entity the renderer shows as one.
    """
    return _SPECIAL.sub(_escaped, _LINE_BREAK.sub(" ", value))


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return "&#92;" if char == "\\" else "\\" + char


def length(value: str) -> int:
    """Jira's length of *value*: UTF-16 code units, as Java counts (an emoji is two)."""
    return len(value.encode("utf-16-le")) // 2


def fit(value: str, limit: int, note: str = "") -> str:
    """*value* if Jira takes it, else cut to *limit* with *note* at the end.

    The cut falls at the end of a line where there is one (a list keeps whole items, a link
    is never halved), and never leaves half an escape behind.
    """
    if length(value) <= limit:
        return value
    room = max(0, limit - length(note))
    cut = value.encode("utf-16-le")[: room * 2].decode("utf-16-le", errors="ignore")
    head, newline, _ = cut.rpartition("\n")
    if newline and head.strip():
        cut = head
    cut = cut.rstrip()
    if (len(cut) - len(cut.rstrip("\\"))) % 2:
        cut = cut[:-1]
    return cut + note
