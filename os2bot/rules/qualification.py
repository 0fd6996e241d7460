# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""OS2's "kvalificering af opgaver": points 1-5 a development request needs before ordering.

On Jira the points are found in the description's words; on GitHub an issue form gives each
field a heading (OS2ulf's "Background", "Acceptance Criteria", …), and the product says which
headings answer which point. A heading's section counts when it holds an answer — GitHub
writes "_No response_" under a field left empty.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

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
# A Markdown heading (## or ###, as GitHub's issue forms write their fields).
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<title>.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_NO_RESPONSE = "_No response_"


def missing_points(issue: Issue, headings: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The points of 1-5 that *issue* lacks, in order (empty: ready to be ordered).

    *headings* names, by point, the headings of an issue form whose sections answer it; the
    points it does not name are looked for in the text.
    """
    text = f"{issue.summary}\n{issue.description or ''}"
    present = {
        "title": len(issue.summary.strip()) >= MIN_TITLE,
        "description": len((issue.description or "").strip()) >= MIN_DESCRIPTION,
        "user_story": bool(_USER_STORY.search(text)),
        "acceptance": bool(_ACCEPTANCE.search(issue.description or "")),
        "documentation": bool(_DOCUMENTATION.search(issue.description or "")),
    }
    if headings:
        answered = sections(issue.description or "")
        for point, names in headings.items():
            answers = [answered.get(name.strip().lower(), "") for name in names]
            least = MIN_DESCRIPTION if point == "description" else 1
            present[point] = any(len(answer) >= least for answer in answers)
    return [point for point in POINTS if not present[point]]


def sections(body: str) -> dict[str, str]:
    """A Markdown text's sections by heading (lower case): the answer under each, if any."""
    found: dict[str, str] = {}
    matches = list(_HEADING.finditer(body))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        answer = body[match.end() : end].strip()
        found[match["title"].strip().lower()] = "" if answer == _NO_RESPONSE else answer
    return found
