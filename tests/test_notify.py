# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Chat events, pure: what is news, and what a reminder links to."""

from __future__ import annotations

from datetime import date

from os2bot.domain import CheckResult, Issue, Msg, State, round_fingerprint
from os2bot.notify.compose import events

from builders import config, product

FORMS = product(
    key="os2forms",
    name="OS2forms",
    jira={"project": "OS2FORMS"},
    prioritisation={"months": [12], "day": 1},
)
CFG = config(FORMS)
TODAY = date(2026, 11, 27)


def task(key: str, labels: tuple[str, ...]) -> Issue:
    """An open bot task."""
    return Issue(
        key=key, project="OS2FORMS", summary=key, url=f"https://j/browse/{key}", labels=labels
    )


def test_round_reminder_links_the_rounds_own_task_found_by_its_fingerprint():
    """Four days before the round the reminder links the round's task — and no other task,
    whatever its title says."""
    mine = task(
        "OS2FORMS-7", ("os2bot", f"os2bot-{round_fingerprint(FORMS.key, date(2026, 12, 1))}")
    )
    other = task(
        "OS2FORMS-8", ("os2bot", f"os2bot-{round_fingerprint(FORMS.key, date(2026, 9, 1))}")
    )

    found = events(
        CFG,
        results=[],
        previous={},
        done=[],
        requests={"os2forms": 3},
        tasks=[mine, other],
        language="da",
        today=TODAY,
    )

    [reminder] = found
    assert reminder.key == "round:os2forms:2026-12-01"
    assert [link.label for link in reminder.message.links] == ["OS2FORMS-7"]
    assert "3 udviklingsønsker" in reminder.message.text


def test_only_a_check_that_starts_or_stops_failing_is_news():
    """Failing after met and met after failing are events; unknown after met is not, and a
    product the database has never seen is a baseline."""

    def result(check: str, state: State) -> CheckResult:
        return CheckResult("os2forms", check, state, Msg("reason.jql.none", {"jql": "x"}))

    found = events(
        CFG,
        results=[
            result("styregruppe", State.NOT_MET),
            result("koordinationsgruppe", State.MET),
            result("behov-afdaekket", State.UNKNOWN),
        ],
        previous={
            ("os2forms", "styregruppe"): "met",
            ("os2forms", "koordinationsgruppe"): "not_met",
            ("os2forms", "behov-afdaekket"): "met",
        },
        done=[],
        requests={},
        tasks=[],
        language="da",
        today=date(2026, 10, 1),
    )
    first_time = events(
        CFG,
        results=[result("styregruppe", State.NOT_MET)],
        previous={},
        done=[],
        requests={},
        tasks=[],
        language="da",
        today=date(2026, 10, 1),
    )

    assert [e.message.title for e in found] == [
        "OS2forms: Fungerende styregruppe er ikke længere opfyldt",
        "OS2forms: Fungerende koordinationsgruppe er opfyldt igen",
    ]
    assert first_time == []
