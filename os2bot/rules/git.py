# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Git evidence: governance kept as dated files in a repository folder.

OS2borgerPC keeps agendas and minutes as `dagsordner-og-referater/koordinationsgruppe/
YYYYMMDD_*.md` and decisions as `beslutninger/YYYY-MM-DD-*.md`: each file's date is in its
name, so "the newest minutes within 90 days" is read from the folder's listing alone.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from os2bot.config.terms import REPO_PATTERN
from os2bot.domain import Evidence, RepoFile, State
from os2bot.rules.base import Context, EvidenceModel, Needs, Verdict, verdict

if TYPE_CHECKING:
    from os2bot.config import Product

# A date at the start of a file name: 20261102_referat.md or 2026-11-02-budget.md.
_DATED = re.compile(r"^(?P<y>\d{4})(?P<sep>-?)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?=[_\-. ]|$)")


class GitEvidence(EvidenceModel):
    """Dated files in a folder of a Git repository: minutes, agendas, a decision log."""

    kind: Literal["git"] = Field(description="Evidence kind.")
    repo: str | None = Field(
        default=None,
        pattern=REPO_PATTERN,
        description="Repository, owner/name (default: the product's github.repo).",
    )
    path: str = Field(
        min_length=1,
        pattern=r"^[^/].*[^/]$|^[^/]$",
        description="Folder in the repository, e.g. dagsordner-og-referater/koordinationsgruppe.",
    )
    contains: str | None = Field(
        default=None,
        min_length=1,
        description="Only files whose name contains this, e.g. referat (case does not matter).",
    )
    within_days: int | None = Field(
        default=None, ge=1, description="The newest dated file must be this recent."
    )
    min_count: int = Field(default=1, ge=1, description="At least this many dated files.")

    # Which files are read: a product replaces the evidence to change these.
    identity: ClassVar[tuple[str, ...]] = ("repo", "path", "contains")


MODEL = GitEvidence


def repository(evidence: GitEvidence, product: Product) -> str | None:
    """The repository the evidence reads: its own, else the product's."""
    return evidence.repo or product.repository


def needs(evidence: GitEvidence, product: Product, wanted: Needs) -> None:
    """The folder's listing."""
    repo = repository(evidence, product)
    if repo is not None:
        wanted.folders.add((repo, evidence.path))


def file_date(name: str) -> date | None:
    """The date a file's name starts with (YYYYMMDD_… or YYYY-MM-DD-…), None if none."""
    match = _DATED.match(name)
    if match is None:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def judge(evidence: GitEvidence, ctx: Context) -> Verdict:
    """Met when at least min_count files are dated in their names, the newest within the window.

    Files dated after today (an agenda for a coming meeting) are no evidence of a meeting held;
    files without a date in their name (a template, a README) are not counted.
    """
    repo = repository(evidence, ctx.product)
    if repo is None:
        return verdict(State.UNKNOWN, "reason.git.no_repo", path=evidence.path)
    where = (repo, evidence.path)
    if (error := ctx.snapshot.folder_failures.get(where)) is not None:
        return verdict(
            State.UNKNOWN, "reason.git.unreadable", repo=repo, path=evidence.path, error=error
        )
    if where not in ctx.snapshot.folders:
        return verdict(
            State.UNKNOWN, "reason.git.unreadable", repo=repo, path=evidence.path, error="-"
        )
    wanted = (evidence.contains or "").lower()
    dated = sorted(
        (day, file)
        for file in ctx.snapshot.folders[where]
        if not file.is_folder
        and wanted in file.name.lower()
        and (day := file_date(file.name)) is not None
        and day <= ctx.today
    )
    place = {"repo": repo, "path": evidence.path, "contains": evidence.contains or "-"}
    if not dated:
        return verdict(State.NOT_MET, "reason.git.none", (), **place)
    day, newest = dated[-1]
    if len(dated) < evidence.min_count:
        return verdict(
            State.NOT_MET,
            "reason.git.too_few",
            _refs(dated),
            count=len(dated),
            min_count=evidence.min_count,
            **place,
        )
    days = ctx.days_ago(day)
    params = {"name": newest.name, "date": day.isoformat(), "days": days}
    if evidence.within_days is not None and days > evidence.within_days:
        return verdict(
            State.NOT_MET,
            "reason.git.too_old",
            (newest.as_evidence(day),),
            window=evidence.within_days,
            **params,
            **place,
        )
    return verdict(
        State.MET,
        "reason.git.met",
        (newest.as_evidence(day),),
        count=len(dated),
        **params,
        **place,
    )


def _refs(dated: list[tuple[date, RepoFile]]) -> tuple[Evidence, ...]:
    """The dated files as evidence references, newest first."""
    return tuple(file.as_evidence(day) for day, file in reversed(dated))
