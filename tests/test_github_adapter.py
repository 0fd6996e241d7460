# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The GitHub adapter alone, with `responses` (PyGithub is built on requests): GitHub.com's and
Enterprise Server's URLs, errors as the bot's own, rate limits, and what it writes — every
exchange valid against GitHub's descriptions."""

from __future__ import annotations

import json
from datetime import date

import pytest
import responses

from os2bot.adapters.github_markdown import to_markdown
from os2bot.adapters.github_tracker import GitHubTracker
from os2bot.domain import TRIAGE_MARK, Query, ReadPlan
from os2bot.ports import (
    TrackerAuthError,
    TrackerPermissionError,
    TrackerRateLimited,
    TrackerUnavailable,
)

from builders import GITHUB_REPO as REPO
from builders import github_issue as issue
from builders import github_user as user
from contract import validate_exchange

API = "https://api.github.com"
# PyGithub's connection names the port in every URL it sends (https://api.github.com:443/…).
SENT = API + ":443"
NOW = 1_800_000_000.0


def error(message: str, **extra: object) -> dict[str, object]:
    """GitHub's basic error."""
    return {"message": message, "documentation_url": "https://docs.github.com/rest", **extra}


class Waits:
    """A recording wait on a clock of its own: the adapter never sleeps for real."""

    def __init__(self) -> None:
        """Start at NOW."""
        self.now = NOW
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        """Move on instead of sleeping."""
        self.slept.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        """The time."""
        return self.now


@pytest.fixture
def waits():
    """A fresh recording wait."""
    return Waits()


@pytest.fixture
def adapter(waits):
    """The adapter on GitHub.com, for OS2borgerPC's repository."""
    return GitHubTracker(
        API, token="ghp_x", repositories=[REPO], sleep=waits.sleep, clock=waits.clock
    )


@pytest.fixture
def mocked():
    """Every exchange checked against GitHub's descriptions as it happens."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps
        assert rsps.calls, "the test sent nothing to check"
        for call in rsps.calls:
            if call.response is not None:
                validate_exchange(call.response)


def graphql_answer(repository: dict[str, object] | None = None, **extra: object) -> dict:
    """A GraphQL answer for the first repository alias (and the viewer)."""
    return {"data": {"r0": repository, "viewer": {"login": "os2bot"}, **extra}}


def test_a_task_read_by_key_comes_from_rest_with_its_marks(adapter, mocked):
    """GET /repos/{owner}/{repo}/issues/{number}: the body's marks give the content version
    label and the due date back."""
    mocked.get(f"{SENT}/repos/{REPO}/issues/7", json=issue(labels=[]))

    found = adapter.task(f"{REPO}#7")

    assert found is not None
    assert found.key == f"{REPO}#7"
    assert found.content_version == "abcd1234"
    assert found.duedate == date(2026, 12, 10)
    assert found.description == "tekst"


@pytest.mark.parametrize("status", [404, 410])
def test_a_task_that_is_gone_is_none(adapter, mocked, status):
    """Deleted (410) or not there (404): None, so that apply opens it anew."""
    mocked.get(f"{SENT}/repos/{REPO}/issues/7", status=status, json=error("Not Found"))

    assert adapter.task(f"{REPO}#7") is None


def test_a_create_writes_markdown_labels_without_the_version_and_the_assignee(adapter, mocked):
    """POST issues: the wiki text as Markdown, the version and due date in a hidden mark, the
    labels GitHub keeps (not the version), the assignee by login."""
    mocked.post(f"{SENT}/repos/{REPO}/issues", status=201, json=issue(number=9))

    created = adapter.create_task(
        project=REPO,
        summary="OS2borgerPC: Fungerende koordinationsgruppe er ikke opfyldt",
        description="h3. Hvorfor\n* [MO-1|https://x.test/MO-1] *vigtigt*",
        labels=["os2bot", "os2bot-0123456789ab", "os2bot-v-abcd1234"],
        assignee="lise-kg",
        due=date(2026, 12, 10),
    )

    sent = json.loads(mocked.calls[0].request.body)
    assert sent["labels"] == ["os2bot", "os2bot-0123456789ab"]
    assert sent["assignees"] == ["lise-kg"]
    assert sent["body"].startswith("### Hvorfor\n- [MO-1](https://x.test/MO-1) **vigtigt**")
    assert "**Frist:** 2026-12-10" in sent["body"]
    assert sent["body"].endswith("<!-- os2bot v=abcd1234 due=2026-12-10 -->")
    assert created.key == f"{REPO}#9"
    assert created.fingerprint == "0123456789ab"


def test_an_assignee_github_refuses_is_dropped_and_the_task_still_opened(adapter, mocked):
    """A 422 naming only the assignees wrote nothing: the create is sent again without them."""
    refused = error(
        "Validation Failed",
        errors=[{"resource": "Issue", "field": "assignees", "code": "invalid"}],
    )
    mocked.post(f"{SENT}/repos/{REPO}/issues", status=422, json=refused)
    mocked.post(f"{SENT}/repos/{REPO}/issues", status=201, json=issue(number=9))

    adapter.create_task(
        project=REPO, summary="x", description="y", labels=["os2bot"], assignee="gone"
    )

    assert "assignees" in json.loads(mocked.calls[0].request.body)
    assert "assignees" not in json.loads(mocked.calls[1].request.body)


def test_resolving_closes_as_completed(adapter, mocked):
    """PATCH state closed with state_reason completed."""
    mocked.patch(
        f"{SENT}/repos/{REPO}/issues/7",
        json=issue(state="closed", state_reason="completed", closed_at="2026-11-27T09:00:00Z"),
    )

    assert adapter.resolve(f"{REPO}#7") is True
    assert json.loads(mocked.calls[0].request.body) == {
        "state": "closed",
        "state_reason": "completed",
    }


def test_comments_carry_the_digest_of_what_the_bot_wrote(adapter, mocked):
    """A triage comment becomes Markdown with an HTML mark, and the digest of the wiki text it
    came from, so a later run knows whether its text changed."""
    comment = {
        "id": 99,
        "node_id": "IC_99",
        "url": f"{API}/repos/{REPO}/issues/comments/99",
        "html_url": f"https://github.com/{REPO}/issues/7#issuecomment-99",
        "body": "x",
        "user": user(),
        "created_at": "2026-11-02T09:00:00Z",
        "updated_at": "2026-11-02T09:00:00Z",
        "issue_url": f"{API}/repos/{REPO}/issues/7",
        "author_association": "MEMBER",
    }
    mocked.post(f"{SENT}/repos/{REPO}/issues/7/comments", status=201, json=comment)

    assert adapter.comment(f"{REPO}#7", TRIAGE_MARK + "*os2bot* – kvalificering") == "99"
    body = json.loads(mocked.calls[0].request.body)["body"]
    assert body.startswith("<!-- os2bot-triage -->\n**os2bot** – kvalificering")
    assert "<!-- os2bot digest=" in body


@pytest.mark.parametrize(
    ("status", "answer", "raised", "text_key"),
    [
        (401, error("Bad credentials"), TrackerAuthError, "cli.github_credentials"),
        (
            403,
            error("Resource not accessible by personal access token"),
            TrackerPermissionError,
            "cli.github_permission",
        ),
    ],
)
def test_githubs_refusals_are_the_bots_own_errors(
    adapter, mocked, status, answer, raised, text_key
):
    """Bad credentials and a token without the permission are told apart, in words that say
    which setting to check."""
    mocked.get(f"{SENT}/repos/{REPO}/issues/7", status=status, json=answer)

    with pytest.raises(raised) as caught:
        adapter.task(f"{REPO}#7")

    assert caught.value.text_key == text_key


def test_a_server_error_on_a_read_is_retried_with_backoff(adapter, mocked, waits):
    """A 502 on a read is tried again after a short backoff."""
    mocked.get(f"{SENT}/repos/{REPO}/issues/7", status=502, json=error("Server Error"))
    mocked.get(f"{SENT}/repos/{REPO}/issues/7", json=issue())

    assert adapter.task(f"{REPO}#7") is not None
    assert waits.slept == [2.0]


def test_a_used_up_primary_limit_refuses_writes_unsent_until_its_reset(adapter, mocked, waits):
    """A write answered 403 with x-ratelimit-remaining 0 and a reset an hour away is left for
    the next run; the writes after it are refused without a request."""
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(NOW) + 3600)}
    mocked.patch(
        f"{SENT}/repos/{REPO}/issues/7",
        status=403,
        json=error("API rate limit exceeded for user ID 1."),
        headers=headers,
    )

    with pytest.raises(TrackerRateLimited):
        adapter.resolve(f"{REPO}#7")
    with pytest.raises(TrackerRateLimited):
        adapter.resolve(f"{REPO}#8")

    assert len(mocked.calls) == 1
    assert waits.slept == []


def test_a_primary_limit_on_a_read_that_resets_soon_is_waited_for(adapter, mocked, waits):
    """A read whose answer says the limit is used up until 10 s from now waits until then."""
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(NOW) + 10)}
    mocked.get(
        f"{SENT}/repos/{REPO}/issues/7",
        status=403,
        json=error("API rate limit exceeded for user ID 1."),
        headers=headers,
    )
    mocked.get(f"{SENT}/repos/{REPO}/issues/7", json=issue())

    assert adapter.task(f"{REPO}#7") is not None
    assert waits.slept == [11.0]


def test_a_graphql_rate_limit_error_beyond_the_wait_stops_the_run(adapter, mocked):
    """GraphQL's used-up limit answers 200 with an error of type RATE_LIMIT; with the reset
    far away, the read stops the run and says why."""
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(NOW) + 1800)}
    limited = {"errors": [{"type": "RATE_LIMIT", "message": "API rate limit already exceeded"}]}
    mocked.post(f"{SENT}/graphql", json=limited, headers=headers)

    with pytest.raises(TrackerUnavailable) as stopped:
        adapter.readable_projects()

    assert stopped.value.text_key == "cli.github_rate_limited"


def test_one_graphql_request_reads_everything_a_run_asks_of_a_repository(adapter, mocked):
    """Told ahead, the adapter reads a repository's meetings, milestones, releases and a folder
    in one request; the questions that follow cost nothing."""
    meeting = Query(labels=("koordinationsgruppemøde",), state="closed")
    repository = {
        "nameWithOwner": REPO,
        "url": f"https://github.com/{REPO}",
        "p0": {"pageInfo": {"hasNextPage": False, "endCursor": None}, "nodes": []},
        "p1": {"pageInfo": {"hasNextPage": False, "endCursor": None}, "nodes": []},
        "p2": {"pageInfo": {"hasNextPage": False, "endCursor": None}, "nodes": []},
        "p3": {
            "__typename": "Tree",
            "entries": [
                {"name": "20261102_referat.md", "path": "kg/20261102_referat.md", "type": "blob"}
            ],
        },
    }
    mocked.post(f"{SENT}/graphql", json=graphql_answer(repository))

    adapter.read_ahead(
        ReadPlan(
            projects=frozenset({REPO}),
            queries={meeting: frozenset({REPO})},
            versions=frozenset({REPO}),
            folders=frozenset({(REPO, "kg")}),
        )
    )
    readable = adapter.readable_projects()
    found = adapter.evidence(meeting, [REPO])
    versions = adapter.versions(REPO)
    folder = adapter.folder(REPO, "kg")

    assert len(mocked.calls) == 1
    assert (readable, found, versions) == (frozenset({REPO}), [], [])
    assert folder[0].url == f"https://github.com/{REPO}/blob/HEAD/kg/20261102_referat.md"


def test_github_enterprise_server_is_reached_under_its_own_prefix(waits):
    """With https://HOST/api/v3, REST goes under /api/v3 and GraphQL to /api/graphql."""
    ghes = GitHubTracker(
        "https://git.kommune.dk/api/v3",
        token="t",
        repositories=[REPO],
        sleep=waits.sleep,
        clock=waits.clock,
    )
    with responses.RequestsMock() as mocked:
        mocked.get(f"https://git.kommune.dk:443/api/v3/repos/{REPO}/issues/7", json=issue())
        mocked.post(
            "https://git.kommune.dk:443/api/graphql",
            json=graphql_answer({"nameWithOwner": REPO, "url": "u"}),
        )

        ghes.task(f"{REPO}#7")
        ghes.readable_projects()

        assert [c.request.url.split("?")[0] for c in mocked.calls] == [
            f"https://git.kommune.dk:443/api/v3/repos/{REPO}/issues/7",
            "https://git.kommune.dk:443/api/graphql",
        ]


@pytest.mark.parametrize(
    ("wiki", "markdown"),
    [
        ("h3. Hvorfor", "### Hvorfor"),
        ("----", "---"),
        ("* (?) Review", "- [ ] Review"),
        ("# [MO-1|https://x.test] sag", "1. [MO-1](https://x.test) sag"),
        ("*fed* og \\*ikke\\*", "**fed** og \\*ikke\\*"),
        ("||Tjek||OS2mo||", "| Tjek | OS2mo |\n| --- | --- |"),
        ("|KG|(/)|", "| KG | ✅ |"),
        ("skrevet af @someone", "skrevet af @\u200bsomeone"),
        (TRIAGE_MARK + "tekst", "<!-- os2bot-triage -->\ntekst"),
    ],
)
def test_the_bots_wiki_markup_becomes_github_markdown(wiki, markdown):
    """Headings, rules, checklists, numbered links, bold (not escaped stars), tables, icons, a
    quoted mention made inert, and the triage mark."""
    assert to_markdown(wiki) == markdown


def test_a_secondary_limit_without_retry_after_waits_a_minute(adapter, mocked, waits):
    """GitHub's secondary limit may come without Retry-After: then the bot waits a minute, as
    GitHub's documentation asks, and reads again."""
    secondary = error("You have exceeded a secondary rate limit. Please wait a few minutes.")
    mocked.get(f"{SENT}/repos/{REPO}/issues/7", status=403, json=secondary)
    mocked.get(f"{SENT}/repos/{REPO}/issues/7", json=issue())

    assert adapter.task(f"{REPO}#7") is not None
    assert waits.slept == [60.0]
