# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""A JQL fragment from the governance data, checked offline before anything runs it.

The Jira adapter runs a fragment as `project in (…) AND (<fragment>)`, once for all products.
A fragment that closes more parentheses than it opens (`labels = x) OR (project is not
EMPTY`) would break out of that clause and search all of Jira; one with ORDER BY or an open
quote cannot be placed inside it at all. These are checked here, offline, for every Jira
the bot may meet; whether the fields and functions exist is for Jira's own parser to say
(`os2bot config validate --online`).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

_ORDER_BY = re.compile(r"\border\s+by\b", re.IGNORECASE)


def check_fragment(fragment: str | None) -> str | None:
    """*fragment* unchanged if it can stand inside the project clause.

    Otherwise a validation error whose type names the problem (its text: `pydantic.<type>`).
    """
    if fragment is None:
        return None
    outside, open_quote = _outside_quotes(fragment)
    if open_quote:
        raise PydanticCustomError("jql_open_quote", "a quoted text is not closed")
    depth = 0
    for char in outside:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise PydanticCustomError("jql_breaks_out", "a ')' closes more than was opened")
    if depth:
        raise PydanticCustomError("jql_open_parenthesis", "a '(' is not closed")
    if _ORDER_BY.search(outside):
        raise PydanticCustomError("jql_order_by", "ORDER BY does not belong in a fragment")
    if not outside.strip():
        raise PydanticCustomError("jql_empty", "the fragment is empty")
    return fragment


def _outside_quotes(fragment: str) -> tuple[str, bool]:
    """*fragment* with quoted text blanked out (escapes honoured); whether a quote is open."""
    outside: list[str] = []
    quote, escaped = "", False
    for char in fragment:
        if not quote:
            quote = char if char in "\"'" else ""
            outside.append(char)
        elif escaped:
            escaped = False
            outside.append(" ")
        else:
            escaped = char == "\\"
            quote = "" if char == quote else quote
            outside.append(" ")
    return "".join(outside), bool(quote)


JqlFragment = Annotated[str, AfterValidator(check_fragment)]
"""A JQL fragment as the governance data writes it (see check_fragment)."""
