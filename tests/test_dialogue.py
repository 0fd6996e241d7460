# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The command interpreter, pure: each command in Danish and English, who may act, the one
write each action makes, and that no text a person writes gets a traceback."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime

import pytest

from os2bot.dialogue import (
    Comment,
    Knowledge,
    NewTask,
    Said,
    Speaker,
    interpret,
    parse_date,
)
from os2bot.domain import CheckResult, Evidence, Msg, State, fingerprint, reminder_fingerprint
from os2bot.ladder import Memory, Record
from os2bot.ports import OpenTask

from builders import config, product

AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # Tuesday 1 December 2026, 10:00 in Copenhagen
MO = product(
    key="os2mo",
    name="OS2mo",
    jira={"project": "MO"},
    chat={"slack_channel": "#os2mo", "zulip_stream": "OS2mo"},
    steering_group={"lead": {"name": "Anne Formand", "email": "anne@os2.test"}},
    coordination_group={
        "lead": {"name": "Mette Hansen", "email": "Mette@OS2.test"},
        "members": [{"name": "Søren Holm", "zulip_user_id": 22}],
    },
)
FORMS = product(key="os2forms", name="OS2forms", jira={"project": "OS2FORMS"})
CFG = config(MO, FORMS)
TOOLS = "os2-vaerktoejer"  # owned by the coordination group
REMINDER = OpenTask(
    key="MO-5",
    fingerprint=reminder_fingerprint("os2mo", TOOLS),
    product="os2mo",
    project="MO",
    summary="OS2mo: OS2s værktøjer benyttes er ikke opfyldt",
    url="https://jira.test/browse/MO-5",
    due=date(2026, 11, 27),
    labels=("os2bot", "os2bot-eskaleret-1"),
)
ROUND = OpenTask(
    key="MO-7",
    fingerprint=fingerprint("prioritering", "os2mo", "2027-02-15"),
    product="os2mo",
    project="MO",
    summary="Prioritering af udviklingsønsker – februar 2027",
    url="https://jira.test/browse/MO-7",
)
KNOWN = Knowledge(
    run_at=datetime(2026, 12, 1, 6, 0, tzinfo=UTC),
    results=(
        CheckResult(
            "os2mo",
            TOOLS,
            State.NOT_MET,
            Msg("reason.jql.none", {"jql": "updated >= -60d"}),
            (Evidence("jira", "MO-1", "Gammel sag", "https://jira.test/browse/MO-1"),),
        ),
        CheckResult("os2mo", "behov-afdaekket", State.MET, Msg("reason.jql.none", {"jql": "x"})),
        CheckResult("os2forms", TOOLS, State.UNKNOWN, Msg("reason.query_failed", {"error": "x"})),
    ),
    tasks=(REMINDER, ROUND),
    ladder=Memory({"MO-5": Record(REMINDER.fingerprint, "os2mo", {1: date(2026, 11, 30)})}),
)
METTE = Speaker("slack", "U0METTE01", "Mette Hansen", "mette@os2.test")
SOREN = Speaker("zulip", "22", "Søren Holm", None)  # the organisation hides his e-mail
STRANGER = Speaker("slack", "U0OTHER01", "Ukendt Person", "ukendt@example.com")


def ask(words: str, who: Speaker = METTE, *, product: str | None = "os2mo", known=KNOWN):
    """The answer to *words*, said by *who* in *product*'s channel (None: a direct message)."""
    place = f"{who.chat}:direct" if product is None else f"{who.chat}:#os2mo"
    return interpret(Said(who, words, place, AT, product), CFG, known)


def everything(answer) -> str:
    """All the text of an answer's message, for looking things up in it."""
    message = answer.message
    parts = [message.title, message.text, message.footer, message.links_title]
    parts += [f"{line.title} {line.detail}" for line in message.lines]
    parts += [f"{link.label} {link.title} {link.url}" for link in message.links]
    return "\n".join(parts)


# ----------------------------------------------------------------------------- status


def test_status_in_a_products_channel_is_that_products_with_its_page_and_tasks():
    """«status» in #os2mo answers with OS2mo's checks, a link to its page in the report and
    its open tasks, in the configured language."""
    answer = ask("status")

    assert answer.command == "status"
    assert answer.language == "da"
    assert answer.message.title == "OS2mo — status for tilslutningsaftalen"
    assert answer.message.lines[0].state == "not_met"
    labels = [link.label for link in answer.message.links]
    assert labels == ["OS2mo i rapporten", "MO-5", "MO-7"]
    assert answer.message.links[0].url == "https://os2.eu/os2bot/rapport#p-os2mo"
    assert answer.intent is None


def test_status_without_a_product_outside_its_channel_is_the_portfolios():
    """A direct "status" sums up every product, the worst first."""
    answer = ask("status", product=None)

    assert answer.message.title == "OS2-porteføljen – status fra seneste kørsel"
    assert [line.title for line in answer.message.lines] == ["OS2mo", "OS2forms"]
    assert "1 ikke opfyldt" in answer.message.lines[0].detail
    assert answer.message.lines[1].detail == "1 ukendt"


def test_the_portfolios_counts_are_danish_plurals():
    """Two unknown checks are "2 ukendte", as Danish counts them."""
    unknown = CheckResult("os2mo", "behov-afdaekket", State.UNKNOWN, Msg("reason.rule_failed", {}))
    known = dataclasses.replace(KNOWN, results=(*KNOWN.results[:1], unknown, unknown))

    answer = ask("status", product=None, known=known)

    assert answer.message.lines[0].detail == "1 ikke opfyldt, 2 ukendte"


def test_status_names_a_product_by_key_or_name_in_any_case():
    """«status OS2FORMS» and "status os2forms" both mean OS2forms."""
    assert ask("status OS2FORMS", product=None).product == "os2forms"
    assert ask("status os2forms", product=None).product == "os2forms"


def test_an_unknown_product_is_answered_with_the_known_ones():
    """«status os2foo» says it knows no such product and lists the ones it knows."""
    answer = ask("status os2foo")

    assert answer.outcome == "invalid"
    assert "»os2foo«" in answer.message.title
    assert "os2mo, os2forms" in answer.message.title


def test_before_any_run_the_bot_says_it_has_nothing_to_answer_from():
    """With no run recorded, status says so instead of guessing."""
    answer = ask("status", known=Knowledge())

    assert "har ikke kørt endnu" in answer.message.title


# -------------------------------------------------------------------------------- why


@pytest.mark.parametrize(
    ("words", "language", "fix"),
    [
        ("hvorfor os2mo os2-vaerktoejer", "da", "Sådan løses det: Brug produktets Jira-projekt"),
        ("why os2mo Værktøjer", "en", "How to fix it: Use the product's Jira project"),
        ("Hvorfor værktøjer", "da", "Sådan løses det"),  # in #os2mo: the channel's product
    ],
)
def test_why_gives_the_reason_the_evidence_and_the_fix_in_the_asked_language(words, language, fix):
    """«hvorfor»/"why" answers with the reason, how to fix it, and the evidence as links; a
    check is named by its id or its short label, the product by the channel if left out."""
    answer = ask(words)

    assert answer.language == language
    assert answer.command == "why"
    assert fix in answer.message.text
    assert ("updated >= -60d" in answer.message.text) is True
    assert [link.url for link in answer.message.links] == ["https://jira.test/browse/MO-1"]


def test_why_for_an_unknown_check_lists_the_products_checks():
    """An unknown check is answered with the checks the product has."""
    answer = ask("hvorfor os2mo tavle")

    assert answer.outcome == "invalid"
    assert "»tavle«" in answer.message.title
    assert TOOLS in answer.message.title


# ------------------------------------------------------------------------------ tasks


def test_tasks_lists_the_open_tasks_with_due_date_and_ladder_step():
    """«opgaver» lists OS2mo's open tasks as links, with a reminder's due date and step."""
    answer = ask("opgaver")

    assert answer.message.title == "Åbne opgaver fra os2bot for OS2mo (2)"
    first = answer.message.links[0]
    assert first.label == "MO-5"
    assert "frist 2026-11-27" in first.title
    assert "eskaleret: trin 1 af 3" in first.title


def test_tasks_in_english_and_for_everyone_outside_a_channel():
    """«tasks» answers in English; without a product outside a channel it lists them all."""
    answer = ask("tasks", product=None)

    assert answer.message.title == "Open tasks from os2bot (2)"
    assert "due 2026-11-27" in answer.message.links[0].title


# ------------------------------------------------------------------ acknowledge, snooze


@pytest.mark.parametrize(
    ("words", "who", "comment"),
    [
        ("kvittér MO-5", METTE, "os2bot: Kvitteret af Mette Hansen i chatten (Slack)"),
        ("kvitter mo-5", METTE, "os2bot: Kvitteret af Mette Hansen i chatten (Slack)"),
        ("ack MO-5", SOREN, "os2bot: Acknowledged by Søren Holm in chat (Zulip)"),
    ],
)
def test_an_acknowledgement_by_the_owning_group_is_one_comment_and_holds_the_ladder(
    words, who, comment
):
    """The coordination group's lead (by e-mail, in any case) or a member (by Zulip user id)
    acknowledges: one comment on the task, and the ladder holds ten working days."""
    answer = ask(words, who)

    assert answer.command == "acknowledge"
    assert isinstance(answer.intent, Comment)
    assert answer.intent.issue_key == "MO-5"
    assert answer.intent.body.startswith(comment)
    assert answer.intent.hold_until == date(2026, 12, 15)
    assert "2026-12-15" in answer.message.text


@pytest.mark.parametrize(
    ("words", "command"),
    [
        ("kvittér MO-5", "acknowledge"),
        ("udsæt MO-5 2026-12-10", "snooze"),
        ("dispensation os2mo os2-vaerktoejer fordi", "waiver"),
    ],
)
def test_someone_outside_the_group_is_refused_politely_and_told_who_may(words, command):
    """A stranger is refused without any write; the answer names the owning group and the
    secretariat, and the e-mail the bot saw."""
    answer = ask(words, STRANGER)

    assert answer.command == command
    assert answer.outcome == "refused"
    assert answer.intent is None
    assert "koordinationsgruppen for OS2mo og sekretariatet" in answer.message.text
    assert "ukendt@example.com" in answer.message.text


def test_a_refusal_without_an_email_asks_for_the_chat_id():
    """Someone whose chat hides their e-mail is told to have their chat id added."""
    hidden = Speaker("zulip", "99", "Skjult", None)

    answer = ask("kvittér MO-5", hidden)

    assert answer.outcome == "refused"
    assert "chat-id" in answer.message.text


def test_only_reminder_tasks_the_last_run_knew_can_be_acknowledged():
    """An unknown key and a task that is no reminder are answered, never written to."""
    unknown = ask("kvittér MO-99")
    round_task = ask("kvittér MO-7")
    bare = ask("kvittér")

    assert unknown.intent is None
    assert "MO-99" in unknown.message.title
    assert "ikke en påmindelse" in round_task.message.title
    assert "kvittér <opgave>" in bare.message.title


@pytest.mark.parametrize(
    ("words", "until"),
    [
        ("udsæt MO-5 2026-12-20", date(2026, 12, 20)),
        ("udsæt MO-5 20.12.2026", date(2026, 12, 20)),
        ("udsæt MO-5 20/12", date(2026, 12, 20)),
        ("udsæt MO-5 20. december", date(2026, 12, 20)),
        ("udsæt MO-5 14 dage", date(2026, 12, 15)),
        ("snooze MO-5 2 weeks", date(2026, 12, 15)),
        ("snooze MO-5 December 31", None),  # not a form it reads: usage
    ],
)
def test_a_snooze_takes_a_date_as_people_write_it(words, until):
    """Dates in ISO, Danish numeric and named forms and as a span are understood; the comment
    says who snoozed until when."""
    answer = ask(words)

    if until is None:
        assert answer.outcome == "invalid"
        assert "snooze <task> <date>" in answer.message.title
        return
    assert isinstance(answer.intent, Comment)
    assert answer.intent.hold_until == until
    assert until.isoformat() in answer.intent.body


@pytest.mark.parametrize("when", ["2027-01-01", "2026-12-01", "2026-11-20"])
def test_a_snooze_beyond_the_limit_or_not_ahead_is_refused_with_the_limit(when):
    """The ladder is held at most 30 days, and only from tomorrow: the answer says the latest
    day allowed."""
    answer = ask(f"udsæt MO-5 {when}")

    assert answer.intent is None
    assert answer.outcome == "invalid"
    assert "senest 2026-12-31" in answer.message.text


# ----------------------------------------------------------------------------- waiver


def test_a_waiver_request_is_one_task_for_the_secretariat_with_the_reason_made_inert():
    """«dispensation» opens one task in the secretariat's project with the reason (Jira markup
    in it escaped), the latest judgement and how waivers are given; the answer says waivers
    stay decisions by people."""
    answer = ask("dispensation os2mo os2-vaerktoejer Vi har ingen tavle [~accountid:x] endnu")

    assert isinstance(answer.intent, NewTask)
    assert answer.intent.project == "SEK"
    assert answer.intent.summary == "Anmodning om dispensation: OS2mo – OS2s værktøjer benyttes"
    assert answer.intent.fingerprint == fingerprint("dispensation", "os2mo", TOOLS)
    assert "Vi har ingen tavle \\[\\~accountid:x\\] endnu" in answer.intent.description
    assert "ikke opfyldt: Ingen sager i Jira matcher" in answer.intent.description
    assert "produktfilen under waivers" in answer.intent.description
    assert "mennesker træffer" in answer.message.text


def test_a_waiver_request_in_english_and_without_a_reason():
    """«waiver» works in English; a request without a reason asks for one."""
    english = ask("waiver os2mo os2-vaerktoejer Our board is on GitHub")
    bare = ask("dispensation os2mo os2-vaerktoejer")

    assert english.language == "en"
    assert english.intent is not None
    assert english.message.title.startswith("The request for a waiver")
    assert bare.intent is None
    assert "begrundelse" in bare.message.title


def test_the_steering_group_owns_its_checks_waivers():
    """For a check the steering group owns, its chair may ask and the coordination group's
    lead may not."""
    anne = Speaker("slack", "U0ANNE001", "Anne Formand", "anne@os2.test")

    assert ask("dispensation os2mo koordinationsgruppe Vi mødes i GitHub", anne).intent is not None
    assert ask("dispensation os2mo koordinationsgruppe Vi mødes", METTE).outcome == "refused"


# ----------------------------------------------------------------- help and nonsense


@pytest.mark.parametrize(
    ("words", "language"), [("hjælp", "da"), ("help", "en"), ("HJAELP!", "da")]
)
def test_help_lists_every_command_in_the_asked_language(words, language):
    """«hjælp»/"help" lists the seven commands, each with how it is written."""
    answer = ask(words)

    assert answer.language == language
    assert len(answer.message.lines) == 7
    assert answer.message.lines[0].title == (
        "status [produkt]" if language == "da" else "status [product]"
    )


@pytest.mark.parametrize(
    "words",
    [
        "",
        "   ",
        "hej bot",
        "DROP TABLE results;",
        "kvittér " + "x" * 5000,
        "udsæt MO-5 31.02.2027",
        "udsæt MO-5 99 uger",
        "hvorfor",
        "why os2mo",
        "status \u202e\u0000",
        "dispensation",
        "opgaver os2foo",
        "@**all** <!channel>",
    ],
)
def test_anything_a_person_writes_gets_an_answer_and_never_a_traceback(words):
    """Empty, unknown, hostile, overlong or half-written commands are answered with help or
    a short explanation."""
    answer = ask(words)

    assert answer.message.title
    assert answer.intent is None


def test_an_unknown_command_gets_help_saying_what_was_not_understood():
    """«hej» is no command: the answer says so and lists what the bot can do."""
    answer = ask("hej")

    assert answer.command == "unknown"
    assert answer.outcome == "unknown"
    assert answer.message.text == "Jeg kender ikke kommandoen »hej«."
    assert len(answer.message.lines) == 7


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("2026-12-24", date(2026, 12, 24)),
        ("24-12-2026", date(2026, 12, 24)),
        ("24.12.26", date(2026, 12, 24)),
        ("1/3", date(2027, 3, 1)),
        ("1. marts 2027", date(2027, 3, 1)),
        ("3 uger", date(2026, 12, 22)),
        ("om 2 dage", date(2026, 12, 3)),
        ("in 3 days", date(2026, 12, 4)),
        ("24 dec", date(2026, 12, 24)),
        ("snart", None),
        ("32.12.2026", None),
        ("", None),
    ],
)
def test_dates_are_read_as_danes_and_others_write_them(value, found):
    """A day without a year is the next one to come; nonsense is no date."""
    assert parse_date(value, date(2026, 12, 1)) == found


def test_a_word_both_languages_share_is_answered_in_the_configured_language():
    """«status» is Danish and English alike: a bot configured in English answers in English."""
    shipped = config(MO, FORMS)
    english = dataclasses.replace(shipped, bot=shipped.bot.model_copy(update={"language": "en"}))

    answer = interpret(Said(METTE, "status", "slack:direct", AT, None), english, KNOWN)

    assert answer.language == "en"
    assert answer.message.title == "The OS2 portfolio – status from the latest run"


def test_knowledge_reads_results_recorded_before_evidence_had_titles():
    """A run recorded when evidence was kept as bare Jira keys still answers in chat: its
    evidence reads as those keys, and a newer run's evidence keeps its link and date."""
    old = ("os2mo", "koordinationsgruppe", "met", "reason.jql.met", "{}", '["MO-7"]')
    new_evidence = Evidence("jira", "MO-9", "KG-møde", "https://jira.test/browse/MO-9")
    new_evidence = dataclasses.replace(new_evidence, date=date(2026, 11, 2))
    new = (
        "os2mo",
        "styregruppe",
        "met",
        "reason.jql.met",
        '{"key": "MO-9"}',
        json.dumps([new_evidence.to_json()]),
    )

    known = Knowledge.from_rows(("2026-11-29T07:00:00+00:00", [old, new]), [], Memory())

    assert [r.evidence for r in known.results] == [
        (Evidence("jira", "MO-7", "", ""),),
        (new_evidence,),
    ]
    assert known.results[1].reason == Msg("reason.jql.met", {"key": "MO-9"})
