# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Plain values of the core: results counted by state, and each state's look in every medium."""

from __future__ import annotations

import pytest

from os2bot.domain import (
    ANSI_COLOUR,
    EMOJI_SYMBOL,
    HTML_COLOUR,
    JIRA_WIKI_SYMBOL,
    SLACK_SYMBOL,
    TEXT_SYMBOL,
    CheckResult,
    Msg,
    State,
    count_by_state,
)


def result(state):
    """A result in *state*."""
    return CheckResult("os2mo", "styregruppe", state, Msg("reason.jql.none"))


def test_count_by_state_names_every_state_in_order_with_zero_for_none():
    """Results are counted per state; a state with no result counts 0, and the states come in
    the order State lists them."""
    counts = count_by_state([result(State.MET), result(State.MET), result(State.WAIVED)])

    assert list(counts) == list(State)
    assert counts == {
        State.MET: 2,
        State.NOT_MET: 0,
        State.UNKNOWN: 0,
        State.NOT_APPLICABLE: 0,
        State.WAIVED: 1,
    }


@pytest.mark.parametrize(
    "table", [TEXT_SYMBOL, EMOJI_SYMBOL, SLACK_SYMBOL, JIRA_WIKI_SYMBOL, ANSI_COLOUR, HTML_COLOUR]
)
def test_every_medium_draws_every_state_and_answers_to_its_value(table):
    """Each medium's table has every state, found by the State or by its value ("met")."""
    assert all(table[state] == table[state.value] for state in State)


def test_the_text_symbols_tell_every_state_apart():
    """No two states share a symbol in the narrow text a terminal, Markdown and HTML show."""
    assert len(set(TEXT_SYMBOL.values())) == len(State)
