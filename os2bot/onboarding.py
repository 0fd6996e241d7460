# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""`os2bot product new`: a product file's first draft from what the tracker knows.

`survey` asks a tracker (any `TrackerInspector`) about one project: its name, lead, boards,
versions, issue types, the workflow's done status, and which of the profile's labels are in
use. `draft` writes the product file from that: every field of `Product` present — what the
tracker knows filled in, what only the product's people know (groups, suppliers, agreement,
members, chat) as commented placeholders in the reader's language, each explained in OS2's
words. `left_to_fill` says what is still missing once the file is loaded.

Pure but for the tracker it is handed. The tracker's section of the file is written by
`_tracker_lines`, the one place that knows it is `jira:`; a GitHub repository (`product new
KEY --github owner/repo`) comes in through the same survey once its adapter implements
`TrackerInspector`, with its own section there.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.lists import format_list

from os2bot.config import MINIMUM_FUNDING, Config, Product
from os2bot.doctor import product_labels
from os2bot.domain import Issue, Msg, Version
from os2bot.messages import Language, text
from os2bot.ports import ProjectFacts, TrackerInspector

WIDTH = 95  # a comment's lines, "# " included
RELEASE_LEAD_DAYS = 21


@dataclass(frozen=True)
class LabelUse:
    """One of the profile's labels in the project: its newest issue, None if never used."""

    label: str
    newest: Issue | None


@dataclass(frozen=True)
class Survey:
    """What the tracker said about the project, for the draft."""

    key: str
    facts: ProjectFacts
    versions: tuple[Version, ...]
    labels: tuple[LabelUse, ...]
    kind: str  # the tracker's deployment: how it names users
    task_issue_type: str


def _first_product(config: Config, key: str, project: str, name: str) -> Product:
    """The product as the draft will load: only what the tracker knows."""
    profile = "tilslutningsaftale" if "tilslutningsaftale" in config.profiles else None
    profile = profile or next(iter(config.profiles))
    return Product.model_validate(
        {"key": key, "name": name, "profile": profile, "jira": {"project": project}}
    )


def survey(config: Config, tracker: TrackerInspector, key: str, project: str) -> Survey | None:
    """Ask the tracker about *project*; None when it has no such project (or hides it)."""
    facts = tracker.project_facts(project)
    if facts is None:
        return None
    product = _first_product(config, key, project, facts.name)
    labels = tuple(
        LabelUse(label, tracker.newest_labelled(project, label))
        for label in product_labels(config, product)
    )
    return Survey(
        key=key,
        facts=facts,
        versions=tuple(tracker.versions(project)),
        labels=labels,
        kind=tracker.kind(),
        task_issue_type=config.bot.jira.task_issue_type,
    )


# -------------------------------------------------------------------------------- the file


def _q(value: str) -> str:
    """*value* as a YAML scalar that reads back as the same string (JSON is YAML)."""
    return json.dumps(value.replace("\n", " "), ensure_ascii=False)


def _one_line(value: str) -> str:
    """Text from the tracker made safe for a comment: one line."""
    return " ".join(value.split())


class _File:
    """The lines of the product file, in *language*."""

    def __init__(self, language: Language) -> None:
        self.language: Language = language
        self.lines: list[str] = []

    def t(self, key: str, /, **params: Any) -> str:
        return text(key, self.language, **params)

    def comment(self, key: str, /, **params: Any) -> None:
        """A paragraph of comment, wrapped."""
        self.lines += textwrap.wrap(
            self.t(key, **params),
            WIDTH,
            initial_indent="# ",
            subsequent_indent="# ",
            break_on_hyphens=False,
        )

    def heading(self, key: str, /) -> None:
        title = f"# ── {self.t(key)} "
        self.lines += ["", title + "─" * max(3, WIDTH - len(title))]

    def field(self, line: str, note: str | None = None) -> None:
        """An active line, with a note after it when there is one."""
        self.lines.append(f"{line:<32} # {note}" if note else line)

    def placeholder(self, *lines: str) -> None:
        """A commented block of YAML to uncomment and fill in."""
        self.lines += [f"# {line}" if line else "#" for line in lines]


def draft(found: Survey, *, today: date, language: Language) -> str:
    """The product file: every field present, the people's fields as placeholders."""
    f = _File(language)
    facts = found.facts
    f.comment("onboard.file.header", name=facts.name, today=today, project=facts.key, url=facts.url)
    f.lines.append("#")
    f.comment("onboard.file.howto")
    f.lines.append("")
    f.field(f"key: {found.key}", f.t("onboard.file.key"))
    f.field(f"name: {_q(facts.name)}", f.t("onboard.file.name"))
    f.field("profile: tilslutningsaftale", f.t("onboard.file.profile"))
    f.field("phase: drift", f.t("onboard.file.phase"))
    f.field('level: "2"', f.t("onboard.file.level"))
    _tracker_lines(f, found)
    _groups(f, found)
    _agreement(f, found.key)
    _practice(f, found)
    _chat_and_exceptions(f, found)
    return "\n".join(f.lines) + "\n"


def _tracker_lines(f: _File, found: Survey) -> None:
    """The tracker's section and what the tracker knows beside it, as comments."""
    facts = found.facts
    f.heading("onboard.file.section.jira")
    f.lines.append("jira:")
    f.field(f"  project: {facts.key}", f.t("onboard.file.project"))
    _board_line(f, facts)
    candidates = list(dict.fromkeys((found.task_issue_type, "Task", "Opgave")))
    wanted = next((t for t in candidates if t in facts.issue_types), None)
    types = list(facts.issue_types) or ["-"]
    if wanted is not None:
        f.comment("onboard.file.issue_types", types=types, task=wanted)
    else:
        either = format_list(candidates, style="or", locale=f.language)
        f.comment("onboard.file.no_task_type", types=types, wanted=either)
    if facts.done_statuses:
        f.comment("onboard.file.done", statuses=list(facts.done_statuses))
    else:
        f.comment("onboard.file.no_done")
    if facts.lead is not None:
        f.comment("onboard.file.lead", name=_one_line(facts.lead.display_name), ref=facts.lead.ref)
    if found.labels:
        f.comment("onboard.file.labels", project=facts.key)
        f.lines += [f"#   {_label_line(f, use)}" for use in found.labels]
    f.comment("onboard.file.github")
    f.placeholder("github:", "  repo: " + f.t("onboard.ph.repo"))


def _board_line(f: _File, facts: ProjectFacts) -> None:
    """jira.board: the project's first board, the others named beside it."""
    own = [b for b in facts.boards or () if b.project in (None, facts.key)]
    if facts.boards is None:
        f.field("  board:", f.t("onboard.file.boards_unreadable"))
    elif own:
        others = [f"{b.id} {_q(_one_line(b.name))}" for b in own[1:]]
        note = f.t("onboard.file.board", board=_one_line(own[0].name))
        if others:
            note += "; " + f.t("onboard.file.boards_other", boards=others)
        f.field(f"  board: {own[0].id}", note)
    else:
        f.field("  board:", f.t("onboard.file.no_board"))


def _label_line(f: _File, use: LabelUse) -> str:
    """One of the profile's labels: its newest issue, or that it is not used yet."""
    if use.newest is None:
        return f.t("onboard.file.label_unused", label=use.label)
    return f.t(
        "onboard.file.label_used",
        label=use.label,
        key=use.newest.key,
        summary=_one_line(use.newest.summary)[:60],
        date=use.newest.created.date() if use.newest.created else "-",
    )


def _person(f: _File, kind: str, *, name: str = "", ref: str = "") -> str:
    """A person in flow style, with placeholders for what is not known."""
    user = ref or f.t("onboard.ph.account" if kind == "cloud" else "onboard.ph.username")
    return (
        "{name: "
        + (_q(name) if name else f.t("onboard.ph.name"))
        + ", authority: "
        + f.t("onboard.ph.authority")
        + ", jira_user: "
        + (_q(user) if ref else user)
        + "}"
    )


def _groups(f: _File, found: Survey) -> None:
    """The steering and coordination groups: placeholders, the tracker's lead suggested."""
    user_kind = f.t(
        "onboard.file.user_kind.cloud" if found.kind == "cloud" else "onboard.file.user_kind.dc"
    )
    f.heading("onboard.file.section.steering_group")
    f.comment("onboard.file.steering_group", user_kind=user_kind)
    f.placeholder(
        "steering_group:",
        f"  lead: {_person(f, found.kind)}",
        "  members:",
        "    - {name: "
        + f.t("onboard.ph.name")
        + ", authority: "
        + f.t("onboard.ph.authority")
        + "}",
        "  cadence_days: 90",
        "  kommissorium: " + f.t("onboard.ph.kommissorium"),
    )
    f.heading("onboard.file.section.coordination_group")
    f.comment("onboard.file.coordination_group")
    lead = found.facts.lead
    if lead is not None:
        f.comment("onboard.file.lead_suggested")
    f.placeholder(
        "coordination_group:",
        "  lead: "
        + (
            _person(f, found.kind, name=_one_line(lead.display_name), ref=lead.ref)
            if lead is not None
            else _person(f, found.kind)
        ),
        "  members:",
        "    - {name: "
        + f.t("onboard.ph.name")
        + ", authority: "
        + f.t("onboard.ph.authority")
        + "}",
        "  cadence_days: 30",
        "  kommissorium: " + f.t("onboard.ph.kommissorium"),
    )
    f.heading("onboard.file.section.suppliers")
    f.comment("onboard.file.suppliers")
    f.placeholder(
        "suppliers:",
        "  - name: " + f.t("onboard.ph.supplier"),
        "    phases: [udvikling, implementering, raadgivning, projektledelse, faellesskab]",
    )
    f.heading("onboard.file.section.need")
    f.comment("onboard.file.need")
    f.placeholder("need:", "  mapped: true", "  document: " + f.t("onboard.ph.need"))


def _agreement(f: _File, key: str) -> None:
    """The affiliation agreement and the member authorities: placeholders."""
    f.heading("onboard.file.section.agreement")
    f.comment("onboard.file.agreement")
    f.placeholder(
        "agreement:",
        "  signed: " + f.t("onboard.ph.date"),
        "  expires: " + f.t("onboard.ph.date"),
        "  extensions: []",
        "  funded_items: [" + ", ".join(MINIMUM_FUNDING) + "]",
    )
    f.heading("onboard.file.section.members")
    f.comment("onboard.file.members")
    f.placeholder(
        "members:",
        "  - name: " + f.t("onboard.ph.authority"),
        "    joined: " + f.t("onboard.ph.date"),
        "    paid_development: false",
        "    fee_paid: false",
    )
    f.comment("onboard.file.self_assessment")
    f.placeholder(f"self_assessment: selvevaluering/{key}.json")
    f.comment("onboard.file.support")
    f.placeholder(
        "support:",
        "  agreement: {supplier: Leverandør, start: 2026-01-01, expires: 2027-12-31}",
        "  issues: {labels: [support]}",
        '  hours: {opens: "08:00", closes: "16:00"}',
        '  sla: {High: {first_response: 4h, resolution: 2d}, "*": {first_response: 1d, '
        "resolution: 5d}}",
        "  card: {hours: 100, start: 2026-01-01, end: 2026-12-31, draws: {labels: [support]}}",
    )


def _practice(f: _File, found: Survey) -> None:
    """Rounds, triage and releases: what the tracker says decides releases."""
    f.heading("onboard.file.section.practice")
    f.comment("onboard.file.prioritisation")
    f.placeholder(
        "prioritisation:",
        "  months: [2, 5, 9, 11]",
        "  day: 15",
        "  lead_days: 14",
    )
    f.field("triage: false", f.t("onboard.file.triage"))
    upcoming = [v for v in found.versions if not v.released and not v.archived]
    if found.versions:
        shown = [
            f"{_one_line(v.name)} ({v.release_date or '-'})" for v in (upcoming or found.versions)
        ][:5]
        f.comment("onboard.file.versions", versions=shown)
        f.comment("onboard.file.releases_on", days=RELEASE_LEAD_DAYS)
        f.lines.append(f"releases: {{enabled: true, lead_days: {RELEASE_LEAD_DAYS}}}")
    else:
        f.comment("onboard.file.releases_off")
        f.lines.append(f"releases: {{enabled: false, lead_days: {RELEASE_LEAD_DAYS}}}")


def _chat_and_exceptions(f: _File, found: Survey) -> None:
    """Chat targets as placeholders; waivers, overrides and evidence as examples."""
    f.heading("onboard.file.section.chat")
    f.comment("onboard.file.chat")
    f.placeholder(
        "chat:",
        '  slack_channel: "#' + f.t("onboard.ph.channel") + '"',
        "  zulip_stream: " + f.t("onboard.ph.stream"),
        "  zulip_topic: os2bot",
    )
    f.heading("onboard.file.section.exceptions")
    f.comment("onboard.file.waivers")
    f.placeholder(
        "waivers:",
        "  - check: " + f.t("onboard.ph.check"),
        "    reason: " + f.t("onboard.ph.reason"),
        "    approver: " + f.t("onboard.ph.approver"),
        "    expires: " + f.t("onboard.ph.date"),
    )
    f.comment("onboard.file.overrides")
    f.placeholder("overrides:", "  koordinationsgruppe: {within_days: 45}")
    f.comment("onboard.file.escalation")
    f.placeholder(
        "escalation:",
        "  coordination_group:",
        "    - {to: owner, after_working_days: 1}",
        "    - {to: steering_group, after_working_days: 5}",
    )
    unused = [use.label for use in found.labels if use.newest is None]
    f.comment("onboard.file.evidence", labels=unused or ["-"])
    f.placeholder(
        "evidence:",
        "  koordinationsgruppe:",
        "    - {kind: jql, jql: labels = referat, date_field: created, within_days: 45}",
        "    - {kind: declared, fact: coordination_group}",
    )


# ------------------------------------------------------------------- before and after it


def refusal(config: Config, key: str, project: str, *, exists: bool) -> Msg | None:
    """Why no file is written for *key* and *project*, if there is a reason.

    A key that is no product key, a project key that is no Jira key, a file there already
    (*exists*), a key or project another product uses.
    """
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", key):
        return Msg("onboard.bad_key", {"key": key})
    if not re.fullmatch(r"[A-Z][A-Z0-9_]{1,19}", project):
        return Msg("onboard.bad_project", {"project": project})
    if exists:
        return Msg("onboard.exists", {"path": f"products/{key}.yaml"})
    for other in config.products:
        if key == other.key:
            return Msg("onboard.taken", {"value": key, "other": other.key})
        if project == other.project:
            return Msg("onboard.taken", {"value": project, "other": other.key})
    return None


def left_to_fill(product: Product) -> list[Msg]:
    """What only the product's people know and the file does not say yet."""
    left: list[Msg] = []
    if product.steering_group is None or product.steering_group.lead is None:
        left.append(Msg("onboard.todo.steering_group"))
    if product.coordination_group is None or product.coordination_group.lead is None:
        left.append(Msg("onboard.todo.coordination_group"))
    if not product.suppliers:
        left.append(Msg("onboard.todo.suppliers"))
    if not product.need.mapped:
        left.append(Msg("onboard.todo.need"))
    if product.agreement is None and product.phase != "tilsagn":
        left.append(Msg("onboard.todo.agreement"))
    if not product.members and product.phase != "tilsagn":
        left.append(Msg("onboard.todo.members"))
    if product.self_assessment is None:
        left.append(Msg("onboard.todo.self_assessment"))
    if not product.chat.targets():
        left.append(Msg("onboard.todo.chat"))
    return left
