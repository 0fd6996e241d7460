# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The escalation ladder end to end: real Jira, Slack and Zulip clients against the sandbox,
runs on chosen days, the state database between them."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from os2bot.adapters.slack_chat import SlackChat
from os2bot.adapters.zulip_chat import ZulipChat
from os2bot.config import ChatTargets
from os2bot.flow import Mode, run_once
from os2bot.ladder import escalation_fingerprint
from os2bot.ports import ChatAction
from os2bot.sandbox.seed import SlackChannel, ZulipSeed, ZulipUser
from os2bot.state import SqliteState

from builders import PROFILE, config, product
from conftest import SLACK_TOKEN, make_seed, tracker_for

TOOLS = PROFILE.model_copy(update={"checks": [PROFILE.check("os2-vaerktoejer")]})
ZULIP = ZulipSeed(
    email="bot@os2samtale.test",
    api_key="zulip-test-key",
    streams=["OS2mo", "sekretariatet"],
    users=[
        ZulipUser(
            user_id=21,
            full_name="Mette Hansen",
            email="user21@os2samtale.test",  # the organisation hides e-mails from bots ...
            delivery_email="mette@os2.test",  # ... but lets this one be looked up
        )
    ],
)


class Days:
    """A clock the test moves from run to run; the sandbox's Jira reads it too."""

    def __init__(self) -> None:
        """Start on Monday 2 November 2026."""
        self.now = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)

    def on(self, year: int, month: int, day: int) -> datetime:
        """Move to 09:00 in Copenhagen on a day."""
        self.now = datetime(year, month, day, 8, 0, tzinfo=UTC)
        return self.now


def seed():
    """MO (no board, no activity: the tools check fails) and the secretariat's SEK."""
    data = make_seed(projects=[{"key": "MO", "name": "OS2mo"}, {"key": "SEK", "name": "SEK"}])
    data.slack.channels.append(SlackChannel(id="C0SEKRET01", name="sekretariatet"))
    return dataclasses.replace(data, zulip=ZULIP)


def cfg():
    """OS2mo on Slack and Zulip, its coordination group's lead mapped by e-mail; the digest
    to the secretariat on Slack."""
    mo = product(
        key="os2mo",
        name="OS2mo",
        jira={"project": "MO"},
        chat={"slack_channel": "#os2mo", "zulip_stream": "OS2mo", "zulip_topic": "os2bot"},
        steering_group={"lead": {"name": "Anne Formand", "email": "anne@os2.test"}},
        coordination_group={"lead": {"name": "Mette Hansen", "email": "mette@os2.test"}},
        releases={"enabled": False},
    )
    base = config(mo, profile=TOOLS)
    secretariat = base.bot.secretariat.model_copy(
        update={"chat": ChatTargets(slack_channel="#sekretariatet")}
    )
    return dataclasses.replace(base, bot=base.bot.model_copy(update={"secretariat": secretariat}))


@pytest.fixture
def world(sandbox_factory, tmp_path):
    """A sandbox on a moving clock, the state database, and a way to run on a day."""
    days = Days()
    sandbox = sandbox_factory(seed(), now=lambda: days.now)
    state = SqliteState(tmp_path / "state.sqlite3")
    configuration = cfg()

    def run(year, month, day, *, digest=False):
        now = days.on(year, month, day)
        return run_once(
            configuration,
            tracker_for(sandbox),
            now=now,
            language="da",
            mode=Mode.APPLY,
            chats={
                "slack": SlackChat(SLACK_TOKEN, base_url=sandbox.url + "/api/"),
                "zulip": ZulipChat(site=sandbox.url, email=ZULIP.email, api_key=ZULIP.api_key),
            },
            state=state,
            digest=digest,
        )

    return sandbox, state, run


def reminder(sandbox):
    """The reminder task in the sandbox's Jira."""
    return next(i for i in sandbox.jira.issues_with_label("os2bot") if i["key"].startswith("MO-"))


def ladder_posts(sandbox):
    """The ladder's chat messages: Slack's blocks as text, Zulip's content."""
    wanted = ("Påmindelse:", "Eskalering:")
    slack = [str(m.blocks) for m in sandbox.slack.messages if any(w in m.text for w in wanted)]
    zulip = [m.content for m in sandbox.zulip.messages if any(w in m.content for w in wanted)]
    return slack, zulip


def comments(sandbox, key):
    """The comment bodies of issue *key*."""
    return [c["body"] for c in sandbox.jira.comments[key]]


def test_the_ladder_climbs_once_per_step_in_order_pinging_only_the_mapped(world):
    """The reminder due 30 November: step 1 on 1 December comments and pings Mette (mapped by
    e-mail) on Slack and Zulip; a run the next day adds nothing; step 2 on 15 December names
    the steering group's chair, who has no chat identity, without a ping; step 3 on 4 January
    (ten working days on, past Christmas) opens one secretariat task and shows under
    "Eskaleret" in the weekly digest."""
    sandbox, state, run = world
    run(2026, 11, 2)
    task = reminder(sandbox)
    assert task["fields"]["duedate"] == "2026-11-30"
    key = task["key"]

    run(2026, 12, 1)
    run(2026, 12, 2)
    slack, zulip = ladder_posts(sandbox)
    assert len(slack) == 1
    assert "<@U0METTE01>" in slack[0]
    assert len(zulip) == 1
    assert "@**Mette Hansen|21**" in zulip[0]
    assert "os2bot-eskaleret-1" in reminder(sandbox)["fields"]["labels"]
    assert len([c for c in comments(sandbox, key) if "mindet om den" in c]) == 1

    run(2026, 12, 14)
    assert len(ladder_posts(sandbox)[0]) == 1  # ten working days have not passed
    run(2026, 12, 15)
    slack, zulip = ladder_posts(sandbox)
    assert len(slack) == 2
    assert "Anne Formand (styregruppens formand)" in slack[1]
    assert "<@" not in slack[1]  # no one to ping: named in plain text

    assert run(2026, 12, 30).actions == []  # nine working days after step 2
    second = run(2027, 1, 4, digest=True)
    assert {a.action.summary for a in second.created} == {
        f"Eskaleret: OS2mo – OS2s værktøjer benyttes ({key})"
    }
    digest = next(
        m for m in sandbox.slack.messages if m.channel == "C0SEKRET01" and "Ugeoversigt" in m.text
    )
    blocks = str(digest.blocks)
    assert "Eskaleret · OS2mo · OS2s værktøjer benyttes" in blocks
    assert state.ladder_memory().steps(key) == {
        1: date(2026, 12, 1),
        2: date(2026, 12, 15),
        3: date(2027, 1, 4),
    }
    labels = reminder(sandbox)["fields"]["labels"]
    assert {"os2bot-eskaleret-1", "os2bot-eskaleret-2", "os2bot-eskaleret-3"} <= set(labels)

    later = run(2027, 1, 5)
    assert later.actions == []


def test_an_acknowledgement_holds_the_ladder_until_its_day(world):
    """Acknowledged in chat on 2 December until 22 December, step 2 waits past its own day
    (15 December) and comes on the 22nd."""
    sandbox, state, run = world
    run(2026, 11, 2)
    run(2026, 12, 1)
    key = reminder(sandbox)["key"]
    state.record_chat_action(
        ChatAction(
            at=datetime(2026, 12, 2, 9, tzinfo=UTC),
            chat="slack",
            place="C0TESTMO01",
            user_id="U0METTE01",
            user_name="Mette Hansen",
            email="mette@os2.test",
            command="acknowledge",
            product="os2mo",
            issue_key=key,
            outcome="done",
            hold_until=date(2026, 12, 22),
        )
    )

    run(2026, 12, 15)
    assert len(ladder_posts(sandbox)[0]) == 1
    run(2026, 12, 22)
    assert len(ladder_posts(sandbox)[0]) == 2


def test_a_refused_or_failed_action_in_chat_holds_nothing(world):
    """Only an acknowledgement or snooze that was carried out holds the ladder."""
    sandbox, state, run = world
    run(2026, 11, 2)
    run(2026, 12, 1)
    key = reminder(sandbox)["key"]
    for outcome in ("refused", "failed"):
        state.record_chat_action(
            ChatAction(
                at=datetime(2026, 12, 2, 9, tzinfo=UTC),
                chat="zulip",
                place="OS2mo>os2bot",
                user_id="77",
                user_name="Udenforstående",
                email="x@example.com",
                command="snooze",
                product="os2mo",
                issue_key=key,
                outcome=outcome,
                hold_until=date(2026, 12, 31),
            )
        )

    run(2026, 12, 15)
    assert len(ladder_posts(sandbox)[0]) == 2


def test_resolving_the_reminder_stops_the_ladder_and_resolves_the_secretariats_task(world):
    """After step 3 someone resolves the reminder in Jira: the next run resolves the
    secretariat's task and the ladder says nothing more."""
    sandbox, _state, run = world
    for day in ((2026, 11, 2), (2026, 12, 1), (2026, 12, 15), (2027, 1, 4)):
        run(*day)
    key = reminder(sandbox)["key"]
    assert tracker_for(sandbox).resolve(key)
    posts = len(sandbox.slack.messages)

    result = run(2027, 1, 5)

    resolved = [a for a in result.applied if a.action.kind.value == "resolve"]
    assert [a.action.fingerprint for a in resolved] == [escalation_fingerprint(key)]
    assert not [m for m in sandbox.slack.messages[posts:] if "Eskalering" in m.text]


def test_a_mention_pings_only_a_known_user_id_and_stays_inert_otherwise():
    """A mention with a user id pings in Zulip's and Slack's own syntax; one without is the
    name as plain text, its markup escaped, so a hostile name pings no one."""
    from os2bot.adapters.slack_chat import render_blocks
    from os2bot.adapters.zulip_chat import render_markdown
    from os2bot.ports import ChatMessage, Mention

    known = ChatMessage(
        title="Påmindelse",
        mentions=(Mention("Mette *Hansen*", zulip_user_id=21, slack_user_id="U0METTE01"),),
    )
    unknown = ChatMessage(title="Påmindelse", mentions=(Mention("@**all** <!channel>"),))

    assert "@**Mette Hansen|21**" in render_markdown(known)
    assert "<@U0METTE01>" in str(render_blocks(known))
    assert "@**all**" not in render_markdown(unknown)
    assert "<!channel>" not in str(render_blocks(unknown))
