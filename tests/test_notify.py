# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Chat, composed: what is news, what a status says, where each message goes."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from os2bot.adapters.console_chat import render_text
from os2bot.adapters.slack_chat import render_blocks
from os2bot.config import ChatTargets, Config
from os2bot.domain import (
    Action,
    ActionKind,
    Applied,
    CheckResult,
    Issue,
    Msg,
    State,
    round_fingerprint,
)
from os2bot.notify import keep_events
from os2bot.notify.compose import combined, digest_message, events, status_message
from os2bot.ports import ChatMessage
from os2bot.state import SqliteState

from builders import PROFILE, config, product

FORMS = product(
    key="os2forms",
    name="OS2forms",
    jira={"project": "OS2FORMS"},
    prioritisation={"months": [12], "day": 1},
)
CFG = config(FORMS)
PLAIN = config(FORMS.model_copy(update={"prioritisation": None}))  # no round coming up
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
        "Fungerende styregruppe er ikke længere opfyldt",
        "Fungerende koordinationsgruppe er opfyldt igen",
    ]
    assert found[0].message.notification == (
        "OS2forms: Fungerende styregruppe er ikke længere opfyldt"
    )
    assert first_time == []


# ------------------------------------------------------------------ calmer chat

STATUS_NOW = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)


def results_of(states: dict[str, State]) -> list[CheckResult]:
    """OS2forms' results: the named checks in their states, every other check of the
    profile met."""
    return [
        CheckResult(
            "os2forms",
            c.id,
            states.get(c.id, State.MET),
            Msg("reason.jql.none", {"jql": f"labels = {c.id}"}),
        )
        for c in PROFILE.checks
    ]


def test_status_lists_what_fails_with_its_reason_and_folds_what_is_met_into_one_line():
    """The status names each failing check with its reason — high severity first — and says
    what is met in one line, so it stays short however many checks there are."""
    results = results_of(
        {
            "behov-afdaekket": State.NOT_MET,  # medium
            "styregruppe": State.NOT_MET,  # high
            "governancekrav": State.UNKNOWN,
            "tilslutningsafgift": State.WAIVED,
        }
    )

    message = status_message(
        CFG, product=FORMS, results=results, tasks=[], language="da", now=STATUS_NOW
    )

    titles = [line.title for line in message.lines]
    met = len(PROFILE.checks) - 4
    assert titles == [
        "Fungerende styregruppe",
        "Behovet er afdækket",
        "OS2s governancekrav (selvevaluering)",
        f"{met} tjek opfyldt",
        "1 tjek dispenseret",
    ]
    assert message.lines[0].detail == "Ingen sager i Jira matcher (labels = styregruppe)."
    assert "28. nov. 2026 kl. 00.30" in message.footer  # Copenhagen time, the Danish way


def test_status_notification_says_what_fails_not_only_the_header():
    """A notification of the status names the product and counts what fails ("OS2forms: 2 ikke
    opfyldt, 1 ukendt"); with nothing failing it says that all is met."""
    failing = results_of(
        {
            "styregruppe": State.NOT_MET,
            "behov-afdaekket": State.NOT_MET,
            "governancekrav": State.UNKNOWN,
        }
    )
    fine = results_of({})

    def note(results):
        return status_message(
            CFG, product=FORMS, results=results, tasks=[], language="da", now=STATUS_NOW
        ).fallback

    assert note(failing) == "OS2forms: 2 ikke opfyldt, 1 ukendt"
    assert note(fine) == f"OS2forms: alle {len(PROFILE.checks)} tjek er opfyldt"


def test_status_links_the_products_page_when_the_report_is_served():
    """With `secretariat.report_url` set, the status links to the product's own page there;
    without it, to nothing."""

    def with_url(url):
        secretariat = CFG.bot.secretariat.model_copy(update={"report_url": url})
        return dataclasses.replace(CFG, bot=CFG.bot.model_copy(update={"secretariat": secretariat}))

    def more(configuration):
        return status_message(
            configuration,
            product=FORMS,
            results=results_of({}),
            tasks=[],
            language="da",
            now=STATUS_NOW,
        ).more

    link = more(with_url("https://os2bot.os2.eu"))
    assert link is not None
    assert link.url == "https://os2bot.os2.eu/produkt/os2forms"
    assert more(with_url(None)) is None


def opened(key: str, project: str = "OS2FORMS", summary: str = "") -> Applied:
    """A task os2bot just opened."""
    action = Action(
        kind=ActionKind.CREATE,
        fingerprint=key.lower().replace("-", ""),
        product="os2forms",
        project=project,
        summary=summary or "OS2forms: Fungerende styregruppe er ikke opfyldt",
    )
    return Applied(action, key, f"https://j/browse/{key}")


def test_events_in_a_batch_list_each_task_once_with_its_key_as_the_link():
    """Several events for one channel become one message in which each task appears once —
    its key the link on its own line — with no second list of the same links, and no line
    repeating the product's name inside its own channel."""
    found = events(
        PLAIN,
        results=[],
        previous={},
        done=[opened("OS2FORMS-7"), opened("OS2FORMS-10")],
        requests={},
        tasks=[],
        language="da",
        today=TODAY,
    )

    batch = combined([e.message for e in found], "da")
    lines = render_text(batch)

    assert batch.links == ()
    assert [line.link.label for line in batch.lines if line.link] == ["OS2FORMS-7", "OS2FORMS-10"]
    assert sum("OS2FORMS-7" in line for line in lines) == 1
    assert not any("OS2forms" in line for line in lines[1:])
    assert "Fungerende styregruppe er ikke opfyldt" in lines[1]
    assert batch.fallback == "OS2forms: 2 nyheder fra os2bot"


def test_a_lone_event_notifies_with_the_products_name():
    """One event alone keeps its short title in the product's channel, and its notification
    names the product."""
    [event] = events(
        PLAIN,
        results=[],
        previous={},
        done=[opened("OS2FORMS-7")],
        requests={},
        tasks=[],
        language="da",
        today=TODAY,
    )

    blocks = render_blocks(event.message)

    assert event.message.title == "Ny opgave fra os2bot"
    assert event.message.fallback == "OS2forms: Ny opgave fra os2bot"
    assert str(blocks).count("|OS2FORMS-7>") == 1


def secretariat_config() -> Config:
    """OS2forms on Slack, the secretariat with its own Jira project and Zulip topic."""
    forms = product(
        key="os2forms",
        name="OS2forms",
        jira={"project": "OS2FORMS"},
        chat={"slack_channel": "#os2forms"},
    )
    base = config(forms)
    secretariat = base.bot.secretariat.model_copy(
        update={
            "jira_project": "SEK",
            "chat": ChatTargets(zulip_stream="sekretariatet", zulip_topic="os2bot"),
        }
    )
    return dataclasses.replace(base, bot=base.bot.model_copy(update={"secretariat": secretariat}))


def test_secretariat_events_go_to_the_secretariat_not_the_product_community():
    """A fee invoice opened in the secretariat's project is told in the secretariat's topic,
    its title naming the product; a reminder in the product's own project goes to the
    product's channel."""
    configuration = secretariat_config()
    state = SqliteState(":memory:")
    found = events(
        configuration,
        results=[],
        previous={},
        done=[
            opened("SEK-3", project="SEK", summary="Fakturér tilslutningsafgift: Aarhus"),
            opened("OS2FORMS-7"),
        ],
        requests={},
        tasks=[],
        language="da",
        today=TODAY,
    )

    keep_events(configuration, state, found)

    kept = {item.target: ChatMessage.from_json(item.message) for item in state.pending()}
    assert set(kept) == {"zulip:sekretariatet>os2bot", "slack:#os2forms"}
    assert kept["zulip:sekretariatet>os2bot"].links[0].label == "SEK-3"
    assert kept["zulip:sekretariatet>os2bot"].title == "OS2forms: Ny opgave fra os2bot"
    assert kept["slack:#os2forms"].links[0].label == "OS2FORMS-7"
    assert kept["slack:#os2forms"].title == "Ny opgave fra os2bot"


def test_the_digest_lists_the_products_most_at_risk_one_per_line_and_counts_in_words():
    """The digest's "most at risk" is a list, high severity first, and its counts agree with
    their number ("2 ukendte")."""
    mo = product(key="os2mo", name="OS2mo", jira={"project": "MO"})
    configuration = config(FORMS, mo)
    results = [
        CheckResult("os2forms", "behov-afdaekket", State.NOT_MET, Msg("report.no_result")),
        CheckResult("os2mo", "styregruppe", State.NOT_MET, Msg("report.no_result")),
        CheckResult("os2mo", "governancekrav", State.UNKNOWN, Msg("report.no_result")),
        CheckResult("os2forms", "styregruppe", State.UNKNOWN, Msg("report.no_result")),
    ]

    message = digest_message(
        configuration, results=results, previous={}, language="da", today=TODAY
    )

    lines = message.text.splitlines()
    start = lines.index("Mest i risiko:")
    assert lines[start + 1 : start + 3] == [
        "• OS2mo: 1 ikke opfyldt, 1 ukendt – 1 med høj alvor",
        "• OS2forms: 1 ikke opfyldt, 1 ukendt",
    ]
    assert "2 ukendte" in lines[0]
