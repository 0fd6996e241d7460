# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""`os2bot doctor`: what the bot may and may not do, for every product and target, read-only.

The CLI connects (through `wiring`) and hands this module the ports; this module asks them —
never to change anything — judges what they say into findings, and renders the findings as
tables, each problem with how to fix it. A problem is something the first `apply` would run
into; a note is worth knowing but stops nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from os2bot.config import Config, Person, Product
from os2bot.domain import BOT_LABEL, Msg
from os2bot.messages import Language, text
from os2bot.ports import (
    PERMISSIONS,
    ChatError,
    ChatInspector,
    TargetAccess,
    TrackerError,
    TrackerInspector,
    TrackerUnavailable,
)
from os2bot.rules import applies, effective_evidence

Status = Literal["ok", "problem", "note", "unknown", "none"]
SYMBOL: Mapping[Status, str] = {
    "ok": "✔",
    "problem": "✘",
    "note": "!",
    "unknown": "?",
    "none": "·",
}
_WORST: tuple[Status, ...] = ("problem", "unknown", "note", "ok", "none")
STATUS_TEXT: Mapping[Status, str] = {
    "ok": "doctor.status.ok",
    "problem": "doctor.status.problem",
    "note": "doctor.status.note",
    "unknown": "doctor.status.unknown",
    "none": "doctor.status.none",
}

# Subjects that are not products: the secretariat's Jira project, its digest, the alerts.
SECRETARIAT, DIGEST, ALERTS = "*secretariat", "*digest", "*alerts"
SUBJECT_TEXT = {
    SECRETARIAT: "doctor.subject.secretariat",
    DIGEST: "doctor.subject.digest",
    ALERTS: "doctor.subject.alerts",
}

JIRA_COLUMNS = (*PERMISSIONS, "board", "done", "people", "labels")
CHAT_COLUMNS = ("exists", "member", "post")
COLUMN_TEXT = {
    "browse": "doctor.col.browse",
    "create": "doctor.col.create",
    "edit": "doctor.col.edit",
    "comment": "doctor.col.comment",
    "edit_comment": "doctor.col.edit_comment",
    "transition": "doctor.col.transition",
    "assign": "doctor.col.assign",
    "board": "doctor.col.board",
    "done": "doctor.col.done",
    "people": "doctor.col.people",
    "labels": "doctor.col.labels",
    "exists": "doctor.col.exists",
    "member": "doctor.col.member",
    "post": "doctor.col.post",
}
# What the bot cannot do without each permission (the key names Jira's permission too).
LACKS = {
    "browse": "doctor.lacks.browse",
    "create": "doctor.lacks.create",
    "edit": "doctor.lacks.edit",
    "comment": "doctor.lacks.comment",
    "edit_comment": "doctor.lacks.edit_comment",
    "transition": "doctor.lacks.transition",
    "assign": "doctor.lacks.assign",
}
# The connections, in the order they are shown, and their labels.
CONNECTIONS = {
    "jira": "doctor.conn.jira",
    "slack": "doctor.conn.slack",
    "zulip": "doctor.conn.zulip",
    "state": "doctor.conn.state",
    "schedule": "doctor.conn.schedule",
}
CHAT_NAMES = {"slack": "Slack", "zulip": "Zulip"}
CHAT_SECRETS = {
    "slack": ["OS2BOT_SLACK_TOKEN"],
    "zulip": ["OS2BOT_ZULIP_SITE", "OS2BOT_ZULIP_EMAIL", "OS2BOT_ZULIP_API_KEY"],
}
SECRETS = {
    "cloud": ["OS2BOT_JIRA_EMAIL", "OS2BOT_JIRA_TOKEN"],
    "datacenter": ["OS2BOT_JIRA_PAT"],
}
KIND_NAME = {"cloud": "Jira Cloud", "datacenter": "Jira Data Center"}

_LABEL_EQUALS = re.compile(r"""\blabels\s*=\s*("[^"]*"|'[^']*'|[^\s()]+)""", re.IGNORECASE)
_LABEL_IN = re.compile(r"\blabels\s+in\s*\(([^)]*)\)", re.IGNORECASE)
_ACCOUNT_ID = re.compile(r"^(\d+:[0-9a-zA-Z-]+|[0-9a-f]{24})$")


@dataclass(frozen=True)
class Finding:
    """One thing the doctor found: a cell of a table, or a connection's line."""

    subject: str  # a product key, SECRETARIAT/DIGEST/ALERTS, or "" for the bot as a whole
    target: str  # "jira:MO", "slack:#os2mo", "zulip:stream>topic"; or a key of CONNECTIONS
    check: str  # a column of JIRA_COLUMNS or CHAT_COLUMNS; "login" for a connection
    status: Status
    detail: Msg | None = None  # what was found: for problems and notes, and connection lines
    fix: Msg | None = None


@dataclass
class _Jira:
    """Findings for one Jira project, filled cell by cell."""

    subject: str
    project: str
    found: list[Finding] = field(default_factory=list)

    def add(
        self, check: str, status: Status, detail: Msg | None = None, fix: Msg | None = None
    ) -> None:
        self.found.append(Finding(self.subject, f"jira:{self.project}", check, status, detail, fix))

    def unknown(self, checks: Sequence[str] = JIRA_COLUMNS) -> None:
        for check in checks:
            self.add(check, "unknown")


# --------------------------------------------------------------------------------- labels


def labels_in(jql: str) -> list[str]:
    """The labels a JQL fragment asks for (`labels = x`, `labels in (x, y)`), in order."""
    found: list[str] = [m.group(1) for m in _LABEL_EQUALS.finditer(jql)]
    for match in _LABEL_IN.finditer(jql):
        found += match.group(1).split(",")
    cleaned = (value.strip().strip("\"'") for value in found)
    return list(dict.fromkeys(v for v in cleaned if v and v.upper() != "EMPTY"))


def _jql_texts(value: Any) -> Iterator[str]:
    """Every `jql` string in a dumped evidence model, however deep (trace, also)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "jql" and isinstance(item, str):
                yield item
            else:
                yield from _jql_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _jql_texts(item)


def product_labels(config: Config, product: Product) -> list[str]:
    """The labels the checks that apply to *product* search for, and its requests' label."""
    found: list[str] = []
    for check in config.profile_for(product).checks:
        if applies(check, product):
            for evidence in effective_evidence(check, product):
                for jql in _jql_texts(evidence.model_dump()):
                    found += labels_in(jql)
    if product.prioritisation is not None or product.triage:
        found += labels_in(product.requests_jql)
    return [label for label in dict.fromkeys(found) if label.lower() != BOT_LABEL]


# ------------------------------------------------------------------------------- tracker


def tracker_not_set_up(config: Config, missing: Sequence[str]) -> list[Finding]:
    """Jira's URL or credentials are not in the environment: nothing can be asked."""
    findings = [
        Finding(
            "",
            "jira",
            "login",
            "problem",
            Msg("doctor.jira.not_set_up", {"names": list(missing)}),
            Msg("doctor.fix.secrets"),
        )
    ]
    return findings + _unknown_projects(config)


def tracker_refused(config: Config, error: TrackerError) -> list[Finding]:
    """Jira could not be reached, or refused the bot's credentials, at the first call."""
    finding = Finding("", "jira", "login", "problem", Msg(error.text_key, {"error": str(error)}))
    return [finding, *_unknown_projects(config)]


def _projects(config: Config) -> list[tuple[str, str, Product | None]]:
    """(subject, Jira project, product) for every product, then the secretariat's project."""
    found: list[tuple[str, str, Product | None]] = [
        (p.key, p.project, p) for p in sorted(config.products, key=lambda p: p.key)
    ]
    if config.bot.secretariat.jira_project:
        found.append((SECRETARIAT, config.bot.secretariat.jira_project, None))
    return found


def _unknown_projects(config: Config) -> list[Finding]:
    cells: list[Finding] = []
    for subject, project, _product in _projects(config):
        jira = _Jira(subject, project)
        jira.unknown()
        cells += jira.found
    return cells


def tracker_findings(config: Config, tracker: TrackerInspector) -> list[Finding]:
    """Whom the bot is in Jira and, per project, what it may do and what it will meet."""
    try:
        me = tracker.myself()
        kind = tracker.kind()
    except TrackerError as exc:
        return tracker_refused(config, exc)
    try:
        boards = _boards(tracker)
    except TrackerUnavailable as exc:
        return tracker_refused(config, exc)
    login = Msg(
        "doctor.jira.login",
        {
            "user": me.display_name,
            "ref": me.ref,
            "url": tracker.url,
            "kind": KIND_NAME.get(kind, kind),
        },
    )
    findings = [Finding("", "jira", "login", "ok", login)]
    configured = config.bot.jira.deployment
    if kind != configured:
        findings.append(
            Finding(
                "",
                "jira",
                "login",
                "problem",
                Msg("doctor.jira.kind_mismatch", {"configured": configured, "actual": kind}),
                Msg("doctor.fix.kind", {"actual": kind, "secrets": SECRETS.get(kind, [])}),
            )
        )
    stopped: TrackerUnavailable | None = None
    for subject, project, product in _projects(config):
        jira = _Jira(subject, project)
        if stopped is None:
            try:
                _inspect_project(
                    config, tracker, jira, product, bot=me.display_name, boards=boards, kind=kind
                )
            except TrackerUnavailable as exc:
                stopped = exc
                jira.found = []
            except TrackerError as exc:  # refused (403, 400): the run would meet it too
                jira.found = []
                jira.add("browse", "problem", Msg(exc.text_key, {"error": str(exc)}))
                jira.unknown(JIRA_COLUMNS[1:])
        if stopped is not None:
            jira.unknown()
        findings += jira.found
    if stopped is not None:
        findings.append(
            Finding("", "jira", "login", "problem", Msg(stopped.text_key, {"error": str(stopped)}))
        )
    return findings


def _boards(tracker: TrackerInspector) -> Mapping[str, list[int]] | str:
    """Every board by project; or why they could not be read (no Jira Software, refused).

    Raises TrackerUnavailable: then nothing else can be read either.
    """
    try:
        return tracker.boards()
    except TrackerUnavailable:
        raise
    except TrackerError as exc:
        return str(exc)


def _inspect_project(
    config: Config,
    tracker: TrackerInspector,
    jira: _Jira,
    product: Product | None,
    *,
    bot: str,
    boards: Mapping[str, list[int]] | str,
    kind: str,
) -> None:
    """One project's row: permissions, board, done status, people, labels."""
    project = jira.project
    held = tracker.permissions(project)
    if held is None:
        jira.add(
            "browse",
            "problem",
            Msg("doctor.jira.not_visible", {"project": project}),
            Msg("doctor.fix.not_visible", {"user": bot}),
        )
        jira.unknown(JIRA_COLUMNS[1:])
        return
    for name in PERMISSIONS:
        if held.get(name):
            jira.add(name, "ok")
        else:
            jira.add(
                name,
                "problem",
                Msg(LACKS[name], {"project": project}),
                Msg("doctor.fix.permission", {"user": bot}),
            )
    _board(jira, product, boards)
    facts = tracker.project_facts(project)
    if facts is None:
        jira.add("done", "unknown")
    elif facts.done_statuses:
        jira.add("done", "ok")
    else:
        statuses = [name for name, _category in facts.statuses] or ["-"]
        jira.add(
            "done",
            "problem",
            Msg("doctor.jira.no_done", {"project": project, "statuses": statuses}),
            Msg("doctor.fix.no_done"),
        )
    _people(jira, tracker, _assignees(config, product), kind)
    if product is None:
        jira.add("labels", "none")
        return
    unused = [
        label
        for label in product_labels(config, product)
        if tracker.newest_labelled(project, label) is None
    ]
    if unused:
        jira.add(
            "labels",
            "note",
            Msg("doctor.labels.unused", {"labels": unused, "project": project}),
            Msg("doctor.fix.labels", {"labels": unused}),
        )
    else:
        jira.add("labels", "ok")


def _board(jira: _Jira, product: Product | None, boards: Mapping[str, list[int]] | str) -> None:
    """The configured board exists and is the project's own (*boards*: why they were unread)."""
    if product is None:
        jira.add("board", "none")
        return
    if isinstance(boards, str):
        jira.add("board", "note", Msg("reason.activity.boards_unreadable", {"error": boards}))
        return
    own = boards.get(jira.project, [])
    wanted = product.jira.board if product.jira else None
    if wanted is None:
        if own:
            jira.add("board", "none")
        else:
            jira.add(
                "board",
                "note",
                Msg("doctor.board.none", {"project": jira.project}),
                Msg("doctor.fix.board_create"),
            )
    elif wanted in own:
        jira.add("board", "ok")
    else:
        owner = next((key for key, ids in boards.items() if wanted in ids), None)
        fix = (
            Msg("doctor.fix.board_choose", {"boards": own})
            if own
            else Msg("doctor.fix.board_create")
        )
        detail = (
            Msg(
                "doctor.board.other_project",
                {"board": wanted, "owner": owner, "project": jira.project},
            )
            if owner
            else Msg("doctor.board.missing", {"board": wanted})
        )
        jira.add("board", "problem", detail, fix)


def _assignees(config: Config, product: Product | None) -> list[tuple[Person, str]]:
    """Everyone the file names with a jira_user, with their role's text key."""
    if product is None:
        lead = config.bot.secretariat.lead
        return [(lead, "doctor.role.secretariat")] if lead and lead.jira_user else []
    people: list[tuple[Person, str]] = []
    for group, lead_role, member_role in (
        (product.steering_group, "doctor.role.steering_lead", "doctor.role.steering_member"),
        (
            product.coordination_group,
            "doctor.role.coordination_lead",
            "doctor.role.coordination_member",
        ),
    ):
        if group is None:
            continue
        if group.lead is not None:
            people.append((group.lead, lead_role))
        people += [(member, member_role) for member in group.members]
    return [(person, role) for person, role in people if person.jira_user]


def _people(
    jira: _Jira, tracker: TrackerInspector, people: list[tuple[Person, str]], kind: str
) -> None:
    """Each person the file names exists on this deployment, by its way of naming users."""
    if not people:
        jira.add("people", "none")
        return
    for person, role in people:
        ref = str(person.jira_user)
        about = {"name": person.name, "role": Msg(role), "ref": ref}
        found = tracker.find_user(ref)
        if found is None:
            cloud = kind == "cloud"
            looks_like_id = bool(_ACCOUNT_ID.match(ref))
            if cloud:
                fix = "doctor.fix.person_cloud" if looks_like_id else "doctor.fix.person_cloud_name"
            else:
                fix = "doctor.fix.person_dc_account" if looks_like_id else "doctor.fix.person_dc"
            detail = "doctor.person.missing_cloud" if cloud else "doctor.person.missing_dc"
            jira.add("people", "problem", Msg(detail, about), Msg(fix, {"ref": ref}))
        elif not found.active:
            jira.add(
                "people",
                "problem",
                Msg("doctor.person.inactive", about),
                Msg("doctor.fix.person_inactive"),
            )
        else:
            jira.add("people", "ok")


# ---------------------------------------------------------------------------------- chat


def chat_targets(config: Config) -> list[tuple[str, str, str]]:
    """(subject, chat system, address) of every place the bot posts to."""
    found: list[tuple[str, str, str]] = []
    places = [(p.key, p.chat.targets()) for p in sorted(config.products, key=lambda p: p.key)]
    places += [
        (DIGEST, config.bot.secretariat.chat.targets()),
        (ALERTS, config.bot.service.maintainer.targets()),
    ]
    for subject, targets in places:
        for target in targets:
            system, _, address = target.partition(":")
            found.append((subject, system, address))
    return found


def chat_findings(
    config: Config,
    inspectors: Mapping[str, ChatInspector],
    *,
    missing: Mapping[str, Sequence[str]],
    unreachable: Mapping[str, str],
) -> list[Finding]:
    """Each chat system: whom the bot is there; each target: there, the bot in it, may post.

    *missing* holds, per enabled system, the OS2BOT_* variables not set (an empty list when
    none is missing); a system absent from it is switched off in os2bot.yaml. *unreachable*
    holds why an enabled, set-up system could not be connected.
    """
    targets = chat_targets(config)
    findings: list[Finding] = []
    for system, name in CHAT_NAMES.items():
        mine = [(subject, address) for subject, s, address in targets if s == system]
        if system not in missing:
            if mine:
                findings.append(
                    Finding(
                        "",
                        system,
                        "login",
                        "note",
                        Msg("doctor.chat.disabled", {"chat": name, "system": system}),
                    )
                )
                findings += _cells(system, mine, "none")
            continue
        if missing[system]:
            if mine:
                findings.append(
                    Finding(
                        "",
                        system,
                        "login",
                        "problem",
                        Msg(
                            "doctor.chat.not_set_up", {"chat": name, "names": list(missing[system])}
                        ),
                        Msg("doctor.fix.secrets"),
                    )
                )
                findings += _cells(system, mine, "unknown")
            continue
        inspector = inspectors.get(system)
        if inspector is None:
            error = unreachable.get(system, "-")
            findings.append(_refused(system, error))
            findings += _cells(system, mine, "unknown")
            continue
        findings += _chat(system, inspector, mine)
    return findings


def _refused(system: str, error: str) -> Finding:
    name = CHAT_NAMES[system]
    return Finding(
        "",
        system,
        "login",
        "problem",
        Msg("doctor.chat.refused", {"chat": name, "error": error}),
        Msg("doctor.fix.chat_token", {"names": CHAT_SECRETS[system]}),
    )


def _cells(system: str, targets: Sequence[tuple[str, str]], status: Status) -> list[Finding]:
    return [
        Finding(subject, f"{system}:{address}", check, status)
        for subject, address in targets
        for check in CHAT_COLUMNS
    ]


def _chat(
    system: str, inspector: ChatInspector, targets: Sequence[tuple[str, str]]
) -> list[Finding]:
    """One chat system that is set up: whom the bot is, then every target."""
    try:
        who = inspector.whoami()
        access = inspector.access([address for _subject, address in targets])
    except ChatError as exc:
        return [_refused(system, str(exc)), *_cells(system, targets, "unknown")]
    findings = [Finding("", system, "login", "ok", Msg("doctor.chat.login", {"who": who}))]
    bot = who.partition(" ")[0]
    for (subject, address), seen in zip(targets, access, strict=True):
        findings += _target(system, subject, address, seen, bot)
    return findings


def _target(system: str, subject: str, address: str, seen: TargetAccess, bot: str) -> list[Finding]:
    """The three cells of one chat target; the problem, if any, carries the text."""
    target = f"{system}:{address}"
    stream = address.partition(">")[0]

    def cell(
        check: str, status: Status, detail: Msg | None = None, fix: Msg | None = None
    ) -> Finding:
        return Finding(subject, target, check, status, detail, fix)

    if not seen.exists:
        if system == "slack":
            problem = cell(
                "exists",
                "problem",
                Msg("doctor.slack.missing", {"channel": address}),
                Msg("doctor.fix.slack_missing", {"bot": bot}),
            )
        else:
            problem = cell(
                "exists",
                "problem",
                Msg("doctor.zulip.missing", {"stream": stream}),
                Msg("doctor.fix.zulip_missing"),
            )
        return [problem, cell("member", "none"), cell("post", "problem")]
    member: Finding
    if seen.member:
        member = cell("member", "ok")
    elif seen.may_post:
        member = cell("member", "none")  # a public Zulip stream: posting needs no subscription
    else:
        member = cell(
            "member",
            "problem",
            Msg("doctor.slack.not_member", {"channel": address}),
            Msg("doctor.fix.slack_invite", {"bot": bot, "channel": address}),
        )
    return [cell("exists", "ok"), member, cell("post", "ok" if seen.may_post else "problem")]


# ------------------------------------------------------------------ state and schedule


def state_finding(path: Path, problem: str | None, *, exists: bool) -> Finding:
    """Whether the state database can be written (or, not there yet, created)."""
    if problem is not None:
        return Finding(
            "",
            "state",
            "login",
            "problem",
            Msg("doctor.state.problem", {"path": str(path), "error": problem}),
            Msg("doctor.fix.state"),
        )
    key = "doctor.state.ok" if exists else "doctor.state.new"
    return Finding("", "state", "login", "ok", Msg(key, {"path": str(path)}))


def schedule_finding(runs: Mapping[str, Sequence[datetime]]) -> Finding:
    """The service's next runs: apply and the weekly digest."""

    def shown(moments: Sequence[datetime]) -> list[str]:
        return [m.strftime("%Y-%m-%d %H:%M") for m in moments] or ["-"]

    return Finding(
        "",
        "schedule",
        "login",
        "ok",
        Msg(
            "doctor.schedule",
            {"apply": shown(runs.get("apply", ())), "digest": shown(runs.get("digest", ()))},
        ),
    )


# ------------------------------------------------------------------------------ output


def has_problems(findings: Sequence[Finding]) -> bool:
    """Whether anything would stop or spoil the bot's runs."""
    return any(f.status == "problem" for f in findings)


def say(msg: Msg, language: Language) -> str:
    """A finding's text in *language*; a Msg among its values is said first."""
    params = {k: say(v, language) if isinstance(v, Msg) else v for k, v in msg.params.items()}
    return text(msg.key, language, **params)


def _subject(subject: str, language: Language) -> str:
    return text(SUBJECT_TEXT[subject], language) if subject in SUBJECT_TEXT else subject


def _worst(statuses: Sequence[Status]) -> Status:
    return next((s for s in _WORST if s in statuses), "none")


def _table(
    findings: Sequence[Finding],
    columns: Sequence[str],
    prefix: str | tuple[str, ...],
    language: Language,
) -> list[str]:
    """One row per (subject, target), one symbol per column: the worst finding in the cell."""
    rows: dict[tuple[str, str], dict[str, list[Status]]] = {}
    for finding in findings:
        if finding.target.startswith(prefix):
            cells = rows.setdefault((finding.subject, finding.target), {})
            cells.setdefault(finding.check, []).append(finding.status)
    if not rows:
        return []
    rows = dict(sorted(rows.items(), key=lambda row: (row[0][0] in SUBJECT_TEXT, *row[0])))
    names = [(_subject(s, language), t.removeprefix("jira:")) for s, t in rows]
    first = max(len(n) for n, _t in names)
    second = max(len(t) for _n, t in names)
    headers = [text(COLUMN_TEXT[c], language) for c in columns]
    lines = ["  " + " " * (first + second + 4) + "  ".join(headers)]
    for (name, shown_target), cells in zip(names, rows.values(), strict=True):
        symbols = [
            SYMBOL[_worst(cells.get(c, ["none"]))].ljust(len(h))
            for c, h in zip(columns, headers, strict=True)
        ]
        lines.append(f"  {name:<{first}}  {shown_target:<{second}}  " + "  ".join(symbols).rstrip())
    return lines


def render(findings: Sequence[Finding], language: Language) -> str:
    """The connections, the Jira and chat tables, the legend, the problems and the notes."""
    lines = [text("doctor.title", language), "", text("doctor.section.connections", language)]
    labels = {key: text(label, language) for key, label in CONNECTIONS.items()}
    width = max(len(label) for label in labels.values())
    for key in CONNECTIONS:
        for finding in findings:
            if finding.target == key and finding.detail is not None:
                detail = say(finding.detail, language)
                lines.append(f"  {SYMBOL[finding.status]} {labels[key]:<{width}}  {detail}")
    for title, columns, prefix in (
        ("doctor.section.jira", JIRA_COLUMNS, "jira:"),
        ("doctor.section.chat", CHAT_COLUMNS, ("slack:", "zulip:")),
    ):
        table = _table(findings, columns, prefix, language)
        if table:
            lines += ["", text(title, language), *table]
    lines += [
        "",
        "  ".join(f"{SYMBOL[s]} {text(STATUS_TEXT[s], language)}" for s in STATUS_TEXT),
    ]
    for status, heading in (("problem", "doctor.problems"), ("note", "doctor.notes")):
        chosen = [f for f in findings if f.status == status and f.detail is not None]
        chosen.sort(key=lambda f: f.target not in CONNECTIONS)  # the bot's own first
        if not chosen:
            continue
        lines += ["", text(heading, language, count=len(chosen))]
        for number, finding in enumerate(chosen, start=1):
            where = (
                labels[finding.target]
                if finding.target in CONNECTIONS
                else f"{_subject(finding.subject, language)} · {finding.target}"
            )
            assert finding.detail is not None  # noqa: S101 - chosen above
            lines.append(f"  {number}. {where}: {say(finding.detail, language)}")
            if finding.fix is not None:
                lines.append(f"     → {say(finding.fix, language)}")
    problems = sum(1 for f in findings if f.status == "problem" and f.detail is not None)
    summary = (
        text("doctor.summary.problems", language, count=problems)
        if problems
        else text("doctor.summary.ok", language)
    )
    lines += ["", summary]
    return "\n".join(lines)
