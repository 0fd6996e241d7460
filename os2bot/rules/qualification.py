# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""OS2's "kvalificering af opgaver": points 1-5 a development request needs before ordering."""

from __future__ import annotations

import re

from os2bot.domain import Issue

# Points 1-5 of https://faq.os2.eu/kvalificering-af-opgaver-i-jira (OS2-DOMAIN.md §2.1);
# points 6-9 are the supplier's to fill in when estimating, so they are not asked for here.
POINTS: tuple[str, ...] = ("title", "description", "user_story", "acceptance", "documentation")

_USER_STORY = re.compile(
    r"\bsom\b.{1,120}?\bønsker\s+jeg\b|\bas\s+an?\b.{1,120}?\bi\s+want\b", re.IGNORECASE | re.DOTALL
)
_ACCEPTANCE = re.compile(r"acceptkriteri|acceptance\s+criteri", re.IGNORECASE)
_DOCUMENTATION = re.compile(
    r"krav\s+til\s+dokumentation|dokumentationskrav|documentation\s+requirements", re.IGNORECASE
)
MIN_TITLE = 10
MIN_DESCRIPTION = 40


def missing_points(issue: Issue) -> list[str]:
    """The points of 1-5 that *issue* lacks, in order (empty: ready to be ordered)."""
    text = f"{issue.summary}\n{issue.description or ''}"
    present = {
        "title": len(issue.summary.strip()) >= MIN_TITLE,
        "description": len((issue.description or "").strip()) >= MIN_DESCRIPTION,
        "user_story": bool(_USER_STORY.search(text)),
        "acceptance": bool(_ACCEPTANCE.search(issue.description or "")),
        "documentation": bool(_DOCUMENTATION.search(issue.description or "")),
    }
    return [point for point in POINTS if not present[point]]
