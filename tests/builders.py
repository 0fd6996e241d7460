# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Build configurations, products and snapshots by hand, for tests of the pure core."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from os2bot.config import (
    SUPPLIER_PHASES,
    CheckDef,
    Config,
    Product,
    Profile,
    load_config,
)
from os2bot.domain import Issue, Query, Snapshot
from os2bot.rules import Context

from conftest import CONFIG

SHIPPED = load_config(CONFIG)
PROFILE = SHIPPED.profiles["tilslutningsaftale"]
CATALOGUE = SHIPPED.catalogues["governancekrav-1.1.0"]
# The six items every agreement must fund, as the profile says (no extension needed).
MINIMUM_FUNDING = [
    c.evidence.item
    for c in PROFILE.checks
    if c.category == "funding" and c.applies.extension is None and c.evidence.kind == "declared"
]
NOW = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


def product(**changes: Any) -> Product:
    """A product in good order (drift, level 2, both groups with their kommissorium, all
    phases covered, the need mapped with its analysis, the six minimum items funded), with
    *changes* applied on top."""
    data: dict[str, Any] = {
        "key": "os2test",
        "name": "OS2test",
        "phase": "drift",
        "level": "2",
        "jira": {"project": "TEST", "board": 7},
        "steering_group": {
            "lead": {"name": "Formand"},
            "members": [{"name": "Medlem"}],
            "kommissorium": "https://os2.test/sg-kommissorium.pdf",
        },
        "coordination_group": {
            "lead": {"name": "KG-formand"},
            "members": [{"name": "Medlem"}],
            "kommissorium": "https://os2.test/kg-kommissorium.pdf",
        },
        "suppliers": [{"name": "Leverandør A/S", "phases": list(SUPPLIER_PHASES)}],
        "need": {"mapped": True, "document": "https://os2.test/behovsafdaekning.pdf"},
        "agreement": {
            "signed": "2025-01-01",
            "funded_items": list(MINIMUM_FUNDING),
        },
    }
    data.update(changes)
    return Product.model_validate(data)


def config(*products: Product, profile: Profile = PROFILE) -> Config:
    """The shipped configuration with *products* instead of the shipped ones (and without the
    dashboard issue, which tests of it turn on)."""
    secretariat = SHIPPED.bot.secretariat.model_copy(update={"dashboard": False})
    bot = SHIPPED.bot.model_copy(update={"secretariat": secretariat})
    return dataclasses.replace(
        SHIPPED, bot=bot, products=tuple(products), profiles={profile.id: profile}
    )


def check(check_id: str) -> CheckDef:
    """A check of the shipped profile."""
    return PROFILE.check(check_id)


def issue(key: str, **fields: Any) -> Issue:
    """An issue as collect would read it."""
    return Issue(
        key=key,
        project=key.rsplit("-", 1)[0],
        summary=fields.pop("summary", key),
        url=f"https://jira.test/browse/{key}",
        **fields,
    )


def snapshot(
    *,
    now: datetime = NOW,
    projects: set[str] | None = None,
    results: dict[Query, dict[str, list[Issue]]] | None = None,
    **kwargs: Any,
) -> Snapshot:
    """A snapshot taken at *now* in which the project TEST can be read."""
    return Snapshot(
        taken_at=now,
        timezone="Europe/Copenhagen",
        projects=frozenset(projects if projects is not None else {"TEST"}),
        results=results or {},
        **kwargs,
    )


def context(snap: Snapshot, prod: Product | None = None) -> Context:
    """What a judge sees for *prod* (default: the good product) in *snap*."""
    return Context(snapshot=snap, product=prod or product(), catalogue=CATALOGUE)


def github_user(login: str = "os2bot") -> dict[str, object]:
    """A simple-user as GitHub's API sends it (api.github.com)."""
    base = f"https://api.github.com/users/{login}"
    return {
        "login": login,
        "id": 1,
        "node_id": "U_1",
        "avatar_url": "https://avatars.githubusercontent.com/u/1",
        "gravatar_id": "",
        "url": base,
        "html_url": f"https://github.com/{login}",
        "followers_url": f"{base}/followers",
        "following_url": f"{base}/following{{/other_user}}",
        "gists_url": f"{base}/gists{{/gist_id}}",
        "starred_url": f"{base}/starred{{/owner}}{{/repo}}",
        "subscriptions_url": f"{base}/subscriptions",
        "organizations_url": f"{base}/orgs",
        "repos_url": f"{base}/repos",
        "events_url": f"{base}/events{{/privacy}}",
        "received_events_url": f"{base}/received_events",
        "type": "User",
        "site_admin": False,
    }


GITHUB_REPO = "OS2borgerPC/os2borgerpc-produktforvaltning"


def github_issue(number: int = 7, **changes: object) -> dict[str, object]:
    """An issue of GITHUB_REPO as GitHub's REST API sends it (api.github.com): a reminder the
    bot opened, its mark in the body; *changes* on top."""
    api = f"https://api.github.com/repos/{GITHUB_REPO}/issues/{number}"
    data: dict[str, object] = {
        "id": 7000 + number,
        "node_id": f"I_{number}",
        "url": api,
        "repository_url": f"https://api.github.com/repos/{GITHUB_REPO}",
        "labels_url": f"{api}/labels{{/name}}",
        "comments_url": f"{api}/comments",
        "events_url": f"{api}/events",
        "html_url": f"https://github.com/{GITHUB_REPO}/issues/{number}",
        "number": number,
        "state": "open",
        "state_reason": None,
        "title": "Påmindelse",
        "body": "tekst\n\n<!-- os2bot v=abcd1234 due=2026-12-10 -->",
        "user": github_user(),
        "labels": [],
        "assignee": None,
        "assignees": [],
        "milestone": None,
        "locked": False,
        "comments": 0,
        "created_at": "2026-11-02T09:00:00Z",
        "updated_at": "2026-11-02T09:00:00Z",
        "closed_at": None,
        "author_association": "MEMBER",
    }
    data.update(changes)
    return data
