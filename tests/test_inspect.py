# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The adapters asked what the bot may do — Jira, Slack and Zulip on the sandbox, read-only."""

from __future__ import annotations

import dataclasses

import pytest

from os2bot.adapters.slack_chat import SlackChat
from os2bot.adapters.zulip_chat import ZulipChat
from os2bot.ports import PERMISSIONS, ChatError, ChatInspector, TrackerInspector
from os2bot.sandbox.seed import SeedUser, ZulipSeed

from conftest import JIRA_USER, SLACK_TOKEN, make_seed, meeting, tracker_for

METTE = SeedUser(
    account_id="712020:mette", name="mette.kg", display_name="Mette Hansen", email="m@x.dk"
)


def seed(deployment="cloud"):
    """MO led by Mette, with a board, two labelled issues and no assigning; OS2FORMS plain."""
    data = make_seed(
        deployment=deployment,
        projects=[
            {
                "key": "MO",
                "name": "OS2mo",
                "lead": "mette.kg",
                "withheld": ["ASSIGN_ISSUES"],
                "boards": [{"id": 12, "name": "MO tavle"}],
                "workflow": [
                    {"id": "1", "name": "Åben", "category": "new"},
                    {"id": "2", "name": "Lukket", "category": "done"},
                ],
            },
            {"key": "OS2FORMS", "name": "OS2forms", "boards": [{"id": 30, "name": "Forms"}]},
        ],
        issues=[
            meeting("MO", "-90d", summary="Ældre møde"),
            {**meeting("MO", "-10d", summary="Nyeste møde"), "created": "-20d"},
        ],
    )
    data.jira.users.append(METTE)
    return data


@pytest.mark.parametrize("deployment", ["cloud", "datacenter"])
def test_jira_says_who_the_bot_is_and_what_it_may_do(sandbox_factory, deployment):
    """The Jira adapter names the bot's user, its server's kind, its permissions per project
    (None for a project it cannot see) and finds people the deployment's way only."""
    tracker = tracker_for(sandbox_factory(seed(deployment)))
    mette = METTE.account_id if deployment == "cloud" else METTE.name
    other = METTE.name if deployment == "cloud" else METTE.account_id

    assert isinstance(tracker, TrackerInspector)
    assert tracker.kind() == deployment
    assert tracker.myself().display_name == JIRA_USER["display_name"]
    held = tracker.permissions("MO")
    assert held is not None
    assert set(held) == set(PERMISSIONS)
    assert {name for name, ok in held.items() if not ok} == {"assign"}
    assert tracker.permissions("NOPE") is None
    found = tracker.find_user(mette)
    assert found is not None
    assert (found.ref, found.display_name, found.active) == (mette, "Mette Hansen", True)
    assert tracker.find_user(other) is None


def test_jira_project_facts_for_a_first_draft(sandbox_factory):
    """A project's facts: name, lead, issue types, the done status, its own boards only."""
    tracker = tracker_for(sandbox_factory(seed()))

    facts = tracker.project_facts("MO")

    assert facts is not None
    assert (facts.key, facts.name, facts.url.endswith("/browse/MO")) == ("MO", "OS2mo", True)
    assert facts.lead is not None
    assert facts.lead.ref == METTE.account_id
    assert facts.issue_types == ("Epic", "Story", "Task", "Bug")
    assert facts.done_statuses == ("Lukket",)
    assert [(b.id, b.name, b.project) for b in facts.boards] == [(12, "MO tavle", "MO")]
    assert tracker.project_facts("NOPE") is None


def test_jira_newest_labelled_issue_is_the_newest_created(sandbox_factory):
    """The newest issue with a label comes from one search of one result; none is None."""
    sandbox = sandbox_factory(seed())
    tracker = tracker_for(sandbox)

    newest = tracker.newest_labelled("MO", "koordinationsgruppemøde")

    assert newest is not None
    assert newest.summary == "Nyeste møde"
    assert tracker.newest_labelled("MO", "styregruppemøde") is None
    assert tracker.newest_labelled("OS2FORMS", "koordinationsgruppemøde") is None
    searches = sandbox.calls(r"/search/jql$")
    assert all(e.query["maxResults"] == ["1"] for e in searches)


def test_slack_says_where_the_bot_is_invited(sandbox_factory):
    """Slack: the bot's name and workspace; per channel, by #name or ID, whether it exists and
    the bot is in it — a channel without the bot is no place it may post."""
    data = seed()
    data.slack.channels[1].member = False  # os2forms
    sandbox = sandbox_factory(data)
    chat = SlackChat(SLACK_TOKEN, base_url=sandbox.url + "/api/")

    found = chat.access(["#os2mo", "#os2forms", "C0TESTFRM1", "#nowhere", "C0NOSUCH01"])

    assert isinstance(chat, ChatInspector)
    assert chat.whoami() == "os2bot (OS2 demo)"
    assert [(a.exists, a.member, a.may_post) for a in found] == [
        (True, True, True),
        (True, False, False),
        (True, False, False),
        (False, False, False),
        (False, False, False),
    ]


def test_slack_refusing_the_token_is_a_chat_error(sandbox_factory):
    """A token Slack does not know is a ChatError naming the method and Slack's code."""
    chat = SlackChat("xoxb-wrong", base_url=sandbox_factory().url + "/api/")

    with pytest.raises(ChatError, match="invalid_auth"):
        chat.whoami()


def test_zulip_says_which_streams_exist_and_which_the_bot_follows(sandbox_factory):
    """Zulip: the bot's name and e-mail; per stream>topic, whether the stream exists and the
    bot is subscribed — a public stream it does not follow is still one it may post to."""
    zulip = ZulipSeed(streams=["OS2mo", "OS2forms"], unsubscribed=["OS2forms"])
    sandbox = sandbox_factory(dataclasses.replace(seed(), zulip=zulip))
    chat = ZulipChat(site=sandbox.url, email=zulip.email, api_key=zulip.api_key)

    found = chat.access(["OS2mo>status", "OS2forms>status", "OS2nope>status"])

    assert chat.whoami() == f"os2bot <{zulip.email}>"
    assert [(a.exists, a.member, a.may_post) for a in found] == [
        (True, True, True),
        (True, False, True),
        (False, False, False),
    ]
