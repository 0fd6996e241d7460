# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Chat over real HTTP — Slack and Zulip on the sandbox: edits, outages, limits, pings, digest."""

from __future__ import annotations

import dataclasses
import time
from datetime import UTC, datetime, timedelta

import pytest

from os2bot.adapters.slack_chat import MAX_BLOCKS, MAX_SECTION, SlackChat, render_blocks
from os2bot.adapters.zulip_chat import MAX_CONTENT, ZulipChat, render_markdown
from os2bot.config import ChatTargets, Config
from os2bot.flow import Mode, run_once
from os2bot.ports import ChatError, ChatMessage, StatusLine
from os2bot.sandbox import Fault
from os2bot.sandbox.seed import SeedData, ZulipSeed
from os2bot.state import SqliteState

from builders import PROFILE, config, product
from conftest import SLACK_TOKEN, make_seed, meeting, tracker_for

KG_ONLY = PROFILE.model_copy(update={"checks": [PROFILE.check("koordinationsgruppe")]})
ZULIP = ZulipSeed(
    email="bot@os2samtale.test", api_key="zulip-test-key", streams=["OS2forms", "sekretariatet"]
)


def seed(forms_summary: str = "Koordinationsgruppemøde") -> SeedData:
    """OS2mo met 30 days ago, OS2forms 150 days ago, and a Zulip with two streams."""
    data = make_seed(
        issues=[meeting("MO", "-30d"), meeting("OS2FORMS", "-150d", summary=forms_summary)]
    )
    return dataclasses.replace(data, zulip=ZULIP)


def cfg() -> Config:
    """OS2mo on Slack, OS2forms on Zulip and Slack, the digest to the secretariat on Zulip."""
    products = [
        product(
            key="os2mo", name="OS2mo", jira={"project": "MO"}, chat={"slack_channel": "#os2mo"}
        ),
        product(
            key="os2forms",
            name="OS2forms",
            jira={"project": "OS2FORMS"},
            chat={
                "slack_channel": "#os2forms",
                "zulip_stream": "OS2forms",
                "zulip_topic": "status",
            },
        ),
    ]
    base = config(*products, profile=KG_ONLY)
    secretariat = base.bot.secretariat.model_copy(
        update={
            "chat": ChatTargets(zulip_stream="sekretariatet", zulip_topic="ugeoversigt"),
            "jira_project": None,
        }
    )
    return dataclasses.replace(base, bot=base.bot.model_copy(update={"secretariat": secretariat}))


def chats(sandbox, sleeps: list[float] | None = None):
    """The real Slack and Zulip adapters on the sandbox; their waits go to *sleeps* if given."""
    sleep = sleeps.append if sleeps is not None else time.sleep
    return {
        "slack": SlackChat(SLACK_TOKEN, base_url=sandbox.url + "/api/", max_retries=2, sleep=sleep),
        "zulip": ZulipChat(site=sandbox.url, email=ZULIP.email, api_key=ZULIP.api_key, sleep=sleep),
    }


def run(sandbox, state, configuration=None, *, now=None, digest=False, sleeps=None):
    """One apply with both chat systems."""
    return run_once(
        configuration or cfg(),
        tracker_for(sandbox),
        now=now or datetime.now(UTC),
        language="da",
        mode=Mode.APPLY,
        chats=chats(sandbox, sleeps),
        state=state,
        digest=digest,
    )


def zulip_status(sandbox):
    """The standing status messages in the sandbox's Zulip."""
    return [m for m in sandbox.zulip.messages if "status for tilslutningsaftalen" in m.content]


def test_zulip_status_is_posted_then_edited_in_place(sandbox_factory, tmp_path):
    """OS2forms' status goes to its Zulip stream and topic; when the state changes the same
    message is edited, and a run without changes touches nothing."""
    sandbox = sandbox_factory(seed())
    state = SqliteState(tmp_path / "s.sqlite3")
    run(sandbox, state)
    run(sandbox, state)
    unchanged = [list(m.edits) for m in zulip_status(sandbox)]
    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))

    run(sandbox, state)

    [status] = zulip_status(sandbox)
    assert (status.stream, status.topic) == ("OS2forms", "status")
    assert unchanged == [[]]
    assert len(status.edits) == 1
    assert "❌" in status.edits[0]
    assert "✅" in status.content


def test_deleted_zulip_status_is_posted_again(sandbox_factory, tmp_path):
    """When someone deletes the status in Zulip, the next change posts a new one."""
    sandbox = sandbox_factory(seed())
    state = SqliteState(tmp_path / "s.sqlite3")
    run(sandbox, state)
    sandbox.zulip.delete(zulip_status(sandbox)[0].id)
    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))

    report = run(sandbox, state)

    live = [m for m in zulip_status(sandbox) if not m.deleted]
    assert len(live) == 1
    assert any(p.target.startswith("zulip:") and not p.edited for p in report.posted)


@pytest.mark.parametrize(
    ("system", "path"), [("slack", r"/api/chat\.postMessage"), ("zulip", r"/api/v1/messages$")]
)
def test_events_survive_a_chat_outage_and_arrive_exactly_once(
    sandbox_factory, tmp_path, system, path
):
    """While a chat system answers 503 the events wait in the outbox; the first run after the
    outage delivers them, and no later run repeats them."""
    sandbox = sandbox_factory(seed())
    state = SqliteState(tmp_path / "s.sqlite3")
    run(sandbox, state)  # baseline: the states are recorded
    sandbox.add_fault(Fault(kind="status", status=503, path=path, method="POST"))
    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))  # OS2forms is met again: an event

    during = run(sandbox, state, sleeps=[])
    waiting = len(state.pending())
    sandbox.faults.clear()
    after = run(sandbox, state)
    again = run(sandbox, state)

    def events_in_chat():
        if system == "slack":
            return [m.text for m in sandbox.slack.messages if "opfyldt igen" in str(m.blocks)]
        return [m.content for m in sandbox.zulip.messages if "opfyldt igen" in m.content]

    assert during.waiting >= 1
    assert waiting >= 1
    assert after.waiting == 0
    assert len(events_in_chat()) == 1
    assert again.posted == []
    assert state.pending() == []


def test_outbox_is_kept_across_processes(sandbox_factory, tmp_path):
    """Messages kept during an outage are still there when the state database is reopened."""
    sandbox = sandbox_factory(seed())
    path = tmp_path / "s.sqlite3"
    run(sandbox, SqliteState(path))
    sandbox.add_fault(Fault(kind="status", status=503, path=r"/api/v1/messages$"))
    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))
    first = SqliteState(path)
    run(sandbox, first, sleeps=[])
    first.close()

    assert len(SqliteState(path).pending()) >= 1


def test_slack_retry_after_is_honoured(sandbox_factory, tmp_path):
    """A 429 from Slack with Retry-After: 1 is retried after waiting that second, and delivered."""
    sandbox = sandbox_factory(seed())
    sandbox.add_fault(
        Fault(kind="status", status=429, retry_after=1, path=r"/api/chat\.postMessage", times=1)
    )
    sleeps: list[float] = []

    run(sandbox, SqliteState(tmp_path / "s.sqlite3"), sleeps=sleeps)

    posts = sandbox.calls(r"/api/chat\.postMessage")
    assert [c.status for c in posts[:2]] == [429, 200]
    assert sleeps == [1.0]
    assert len([m for m in sandbox.slack.messages if "status" in str(m.blocks)]) == 2


@pytest.mark.parametrize(
    ("system", "path"), [("slack", r"/api/chat\.postMessage"), ("zulip", r"/api/v1/messages$")]
)
def test_a_retry_after_beyond_the_cap_is_not_waited_and_the_post_is_left(
    sandbox_factory, system, path
):
    """A 429 asking for an hour's wait is not slept on (not even the cap's 60 s, with the run
    lock held): the post fails at once as a ChatError, for the outbox to keep."""
    sandbox = sandbox_factory(seed())
    sandbox.add_fault(Fault(kind="status", status=429, retry_after=3600, path=path, times=1))
    sleeps: list[float] = []
    chat = chats(sandbox, sleeps)[system]
    target = "#os2mo" if system == "slack" else "OS2forms>status"

    with pytest.raises(ChatError):
        chat.post(target, ChatMessage(title="Status"))

    assert sleeps == []
    assert [c.status for c in sandbox.calls(path)] == [429]


@pytest.mark.parametrize(
    "path", [r"/api/chat\.postMessage", r"/api/v1/messages$"], ids=["slack", "zulip"]
)
def test_events_held_back_by_a_long_retry_after_arrive_with_the_next_run(
    sandbox_factory, tmp_path, path
):
    """While a chat system asks for an hour's pause the run does not wait: the events stay in
    the outbox and the next run delivers them, once."""
    sandbox = sandbox_factory(seed())
    state = SqliteState(tmp_path / "s.sqlite3")
    run(sandbox, state)
    sandbox.add_fault(Fault(kind="status", status=429, retry_after=3600, path=path, method="POST"))
    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))
    sleeps: list[float] = []

    during = run(sandbox, state, sleeps=sleeps)
    sandbox.faults.clear()
    after = run(sandbox, state)

    assert sleeps == []
    assert during.waiting >= 1
    assert after.waiting == 0
    assert state.pending() == []


def test_zulip_rate_limit_waits_its_retry_after(sandbox_factory, tmp_path):
    """Zulip's RATE_LIMIT_HIT is waited out for the retry-after it names, then delivered."""
    sandbox = sandbox_factory(seed())
    sandbox.add_fault(
        Fault(kind="status", status=429, retry_after=3, path=r"/api/v1/messages$", times=1)
    )
    sleeps: list[float] = []

    run(sandbox, SqliteState(tmp_path / "s.sqlite3"), sleeps=sleeps)

    assert sleeps == [3.0]
    assert len(zulip_status(sandbox)) == 1


PINGS = (
    "<!channel> <!here> <!everyone> <@U0KING01> @here @channel "
    "@**all** @**everyone** @*admins* @_**Mette**"
)


def test_no_ping_form_from_jira_reaches_slack_or_zulip(sandbox_factory, tmp_path):
    """Every ping form in a Jira summary — Slack's and Zulip's — arrives as harmless text."""
    sandbox = sandbox_factory(seed(forms_summary=f"KG {PINGS}"))

    run(sandbox, SqliteState(tmp_path / "s.sqlite3"))

    slack = " ".join(
        str(m.blocks) + m.text for m in sandbox.slack.messages if m.channel == "C0TESTFRM1"
    )
    zulip = " ".join(m.content for m in sandbox.zulip.messages)
    assert "KG" in slack
    assert "KG" in zulip
    for ping in ("<!channel>", "<!here>", "<!everyone>", "<@U0KING01>", "@here", "@channel"):
        assert ping not in slack
    for ping in ("@**all**", "@**everyone**", "@*admins*", "@_**Mette**"):
        assert ping not in zulip


def long_message() -> ChatMessage:
    """A status with 1,000 lines of 200 characters: too long for either system."""
    return ChatMessage(
        title="OS2test — status",
        lines=tuple(
            StatusLine("not_met" if n < 5 else "met", f"Tjek {n:03d}", "x" * 200)
            for n in range(1000)
        ),
        footer="fod",
        omitted="… {count} linje(r) udeladt.",
    )


def test_slack_limits_are_kept_by_leaving_out_the_least_important_and_saying_so(sandbox_factory):
    """A message too long for Slack keeps its first (most important) lines, stays within 50
    blocks of at most 3,000 characters, says how many lines it left out, and Slack takes it."""
    sandbox = sandbox_factory(seed())
    blocks = render_blocks(long_message())

    ref = chats(sandbox)["slack"].post("#os2mo", long_message())

    texts = [b["text"]["text"] for b in blocks if b.get("type") == "section"]
    assert ref.startswith("C0TESTMO01/")
    assert len(blocks) <= MAX_BLOCKS
    assert all(len(t) <= MAX_SECTION for t in texts)
    assert "Tjek 000" in texts[0]
    assert any("linje(r) udeladt" in t for t in texts)
    assert "Tjek 999" not in " ".join(texts)


def test_zulip_limit_is_kept_by_leaving_out_the_least_important_and_saying_so(sandbox_factory):
    """A message too long for Zulip is cut by the bot — within 10,000 characters, first lines
    kept, a line saying how many were left out — so Zulip never truncates it."""
    sandbox = sandbox_factory(seed())
    content = render_markdown(long_message())

    chats(sandbox)["zulip"].post("OS2forms>status", long_message())

    stored = sandbox.zulip.messages[-1].content
    assert len(content) <= MAX_CONTENT
    assert "Tjek 000" in content
    assert "linje\\(r\\) udeladt" in content
    assert "fod" in content
    assert "[message truncated]" not in stored


def test_weekly_digest_counts_states_names_the_products_at_risk_and_the_changes(
    sandbox_factory, tmp_path
):
    """The secretariat's digest goes to its Zulip topic once a week: counts by state, the
    products most at risk, and — from the second week — what changed."""
    sandbox = sandbox_factory(seed())
    state = SqliteState(tmp_path / "s.sqlite3")
    monday = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    run(sandbox, state, now=monday, digest=True)
    run(sandbox, state, now=monday + timedelta(hours=1), digest=True)  # same week: not again
    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))

    run(sandbox, state, now=monday + timedelta(days=7), digest=True)

    digests = [m for m in sandbox.zulip.messages if m.topic == "ugeoversigt"]
    assert len(digests) == 2
    first, second = (m.content for m in digests)
    assert "uge 48" in first
    assert "❌ 1 ikke opfyldt" in first
    assert "OS2forms" in first.split("Mest i risiko")[1]
    assert "Første oversigt" in first
    assert "uge 49" in second
    assert "ikke opfyldt → opfyldt" in second


def test_a_check_newly_failing_is_told_once_and_a_first_run_is_only_a_baseline(
    sandbox_factory, tmp_path
):
    """The first run records states without news; when OS2mo's group stops meeting, one
    event says so; the next run says nothing more."""
    sandbox = sandbox_factory(seed())
    state = SqliteState(tmp_path / "s.sqlite3")
    first = run(sandbox, state, now=datetime.now(UTC))
    later = datetime.now(UTC) + timedelta(days=70)  # OS2mo's meeting is now 100 days old

    run(sandbox, state, now=later)
    run(sandbox, state, now=later + timedelta(hours=1))

    news = [m for m in sandbox.slack.messages if "ikke længere opfyldt" in str(m.blocks)]
    assert not any("ikke længere" in str(p.message) for p in first.posted)
    assert len(news) == 1
    assert news[0].text.startswith("OS2mo: ")


# --------------------------------------------------------------- a post whose answer is lost

POSTS = [
    ("slack", r"/api/chat\.postMessage", "#os2mo"),
    ("zulip", r"/api/v1/messages$", "OS2forms>status"),
]


def landed(sandbox, system: str) -> list:
    """The messages the sandbox's Slack or Zulip holds."""
    return list(sandbox.slack.messages if system == "slack" else sandbox.zulip.messages)


@pytest.mark.parametrize(("system", "path", "target"), POSTS)
def test_a_post_whose_answer_is_lost_is_found_instead_of_sent_again(
    sandbox_factory, system, path, target
):
    """When the connection drops after the chat system took the message, the adapter does not
    send it again: it finds the message it posted and returns that one's reference."""
    sandbox = sandbox_factory(seed())
    sandbox.add_fault(Fault(kind="drop", after=True, path=path, method="POST", times=1))

    ref = chats(sandbox, [])[system].post(target, ChatMessage(title="Status"), key="opened:1")

    [message] = landed(sandbox, system)
    expected = f"{message.channel}/{message.ts}" if system == "slack" else str(message.id)
    assert ref == expected
    assert len(sandbox.calls(path, method="POST")) == 1


@pytest.mark.parametrize(("system", "path", "target"), POSTS)
def test_a_post_that_did_not_land_is_not_resent_blindly_but_left_for_the_next_run(
    sandbox_factory, system, path, target
):
    """When the connection drops before the chat system took the message, the adapter looks,
    finds nothing, and fails with a ChatError (for the outbox to keep) — it sends it once."""
    sandbox = sandbox_factory(seed())
    sandbox.add_fault(Fault(kind="drop", path=path, method="POST", times=1))

    with pytest.raises(ChatError):
        chats(sandbox, [])[system].post(target, ChatMessage(title="Status"), key="opened:1")

    assert landed(sandbox, system) == []
    assert len(sandbox.calls(path, method="POST")) == 1


@pytest.mark.parametrize(("system", "path", "_target"), POSTS)
def test_events_whose_answer_was_lost_arrive_exactly_once(
    sandbox_factory, tmp_path, system, path, _target
):
    """An event posted while every answer is lost is found where it landed: it is marked
    delivered, and neither this run nor the next posts it again."""
    sandbox = sandbox_factory(seed())
    state = SqliteState(tmp_path / "s.sqlite3")
    run(sandbox, state)
    sandbox.add_fault(Fault(kind="drop", after=True, path=path, method="POST"))
    sandbox.jira.add_issue(**meeting("OS2FORMS", "-1d"))  # OS2forms is met again: an event

    run(sandbox, state, sleeps=[])
    sandbox.faults.clear()
    run(sandbox, state)

    def events():
        if system == "slack":
            return [m for m in sandbox.slack.messages if "opfyldt igen" in str(m.blocks)]
        return [m for m in sandbox.zulip.messages if "opfyldt igen" in m.content]

    assert len(events()) == 1
    assert state.pending() == []
