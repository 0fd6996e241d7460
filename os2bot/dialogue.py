# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""What the bot answers in chat, pure: text in, an answer and at most one write out.

Answers come from what the last run recorded (`Knowledge`), never from the tracker. Commands
are understood in Danish and English, and answered in the language they were given in
("status" names both: it gets the configured language). Acknowledging, snoozing and asking
for a waiver are for the owning group and the secretariat, recognised by the e-mail (or the
chat user id) that the configuration names; others get a refusal that says who may.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from os2bot import wiki
from os2bot.calendar import MONTHS_DA, MONTHS_EN, add_working_days
from os2bot.config import CheckDef, Config, Person, Product
from os2bot.domain import (
    EMOJI_SYMBOL,
    CheckResult,
    Issue,
    State,
    count_by_state,
    fingerprint,
)
from os2bot.ladder import (
    Memory,
    allowed,
    escalation_of,
    ladder,
    position,
    reminder_index,
    steps_on,
)
from os2bot.messages import Language, render, template, text
from os2bot.notify.compose import IMPORTANCE, status_message
from os2bot.ports import ChatMessage, Link, OpenTask, StatusLine

MAX_INPUT = 2000  # characters of a message read; the rest is not a command
MAX_REASON = 2000  # characters of a waiver's reason put in Jira
MAX_LISTED = 40  # tasks listed in one answer


# ------------------------------------------------------------------------------ values


@dataclass(frozen=True)
class Speaker:
    """Who wrote: their chat account, and the e-mail the chat system shows the bot."""

    chat: str  # "zulip" or "slack"
    user_id: str
    name: str
    email: str | None = None


@dataclass(frozen=True)
class Said:
    """A message addressed to the bot, its mention taken off."""

    speaker: Speaker
    text: str
    place: str  # where: a chat target (zulip:stream>topic, slack:C…) or "<chat>:direct"
    at: datetime
    product: str | None = None  # the product whose channel it was said in


@dataclass(frozen=True)
class Knowledge:
    """What the state database holds from the last run: results, open tasks, the ladder."""

    run_at: datetime | None = None
    results: tuple[CheckResult, ...] = ()
    tasks: tuple[OpenTask, ...] = ()
    ladder: Memory = field(default_factory=Memory)

    @classmethod
    def from_rows(
        cls,
        last: tuple[str, Sequence[tuple[str, str, str, str, str, str]]] | None,
        tasks: Sequence[OpenTask],
        ladder: Memory,
    ) -> Knowledge:
        """Knowledge from the state database's rows (see SqliteState.last_results)."""
        if last is None:
            return cls(None, (), tuple(tasks), ladder)
        started, rows = last
        results = tuple(CheckResult.from_row(row) for row in rows)
        return cls(datetime.fromisoformat(started), results, tuple(tasks), ladder)


@dataclass(frozen=True)
class Comment:
    """A write: one comment on a task; *hold_until* holds its ladder until that day."""

    issue_key: str
    body: str
    hold_until: date | None = None


@dataclass(frozen=True)
class NewTask:
    """A write: one task (or, when one with its fingerprint is open, one comment on it)."""

    fingerprint: str
    project: str
    summary: str
    description: str
    again: str  # the comment when the task is open already
    assignee: str | None = None


Intent = Comment | NewTask


@dataclass(frozen=True)
class Answer:
    """What to say, and the one write to make first (if any)."""

    command: str  # status, why, tasks, acknowledge, snooze, waiver, help, unknown
    outcome: str  # answered, refused, invalid, unknown, or (with an intent) done
    language: Language
    message: ChatMessage  # said when there is no write, or after the write succeeded
    intent: Intent | None = None
    product: str | None = None
    issue_key: str | None = None


# ------------------------------------------------------------------------ the commands

COMMANDS: dict[str, tuple[str, Language | None]] = {
    "status": ("status", None),
    "hvorfor": ("why", "da"),
    "why": ("why", "en"),
    "opgaver": ("tasks", "da"),
    "tasks": ("tasks", "en"),
    "kvitter": ("acknowledge", "da"),
    "ack": ("acknowledge", "en"),
    "acknowledge": ("acknowledge", "en"),
    "udsaet": ("snooze", "da"),
    "snooze": ("snooze", "en"),
    "dispensation": ("waiver", "da"),
    "waiver": ("waiver", "en"),
    "hjaelp": ("help", "da"),
    "help": ("help", "en"),
}


def _fold(word: str) -> str:
    """A word as commands are matched: case, accents and æ/ø/å folded (kvittér = kvitter)."""
    word = word.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(".,:;!?")


def interpret(said: Said, config: Config, knowledge: Knowledge) -> Answer:
    """The answer to one message; never raises for anything a person can write."""
    words = said.text[:MAX_INPUT].split()
    if not words:
        return _help(config.bot.language, "help")
    found = COMMANDS.get(_fold(words[0]))
    if found is None:
        return _unknown(config.bot.language, words[0])
    command, language = found
    talk = _Talk(said, config, knowledge, language or config.bot.language, words[1:])
    handler = {
        "status": talk.status,
        "why": talk.why,
        "tasks": talk.tasks,
        "acknowledge": talk.acknowledge,
        "snooze": talk.snooze,
        "waiver": talk.waiver,
        "help": talk.help,
    }[command]
    return handler()


# Each command's line in the help: how it is written, what it does.
HELP = (
    ("answer.help.status.usage", "answer.help.status"),
    ("answer.help.why.usage", "answer.help.why"),
    ("answer.help.tasks.usage", "answer.help.tasks"),
    ("answer.help.acknowledge.usage", "answer.help.acknowledge"),
    ("answer.help.snooze.usage", "answer.help.snooze"),
    ("answer.help.waiver.usage", "answer.help.waiver"),
    ("answer.help.help.usage", "answer.help.help"),
)
USAGE = {"acknowledge": "answer.acknowledge.usage", "snooze": "answer.snooze.usage"}
REFUSED = {
    "acknowledge": "answer.acknowledge.refused",
    "snooze": "answer.snooze.refused",
    "waiver": "answer.waiver.refused",
}


def _help(
    language: Language, command: str, *, outcome: str = "answered", intro: str = ""
) -> Answer:
    lines = tuple(
        StatusLine(state="event", title=text(usage, language), detail=text(what, language))
        for usage, what in HELP
    )
    return Answer(
        command,
        outcome,
        language,
        ChatMessage(
            title=text("answer.help.title", language),
            text=intro or text("answer.help.intro", language),
            lines=lines,
            footer=text("answer.help.footer", language),
        ),
    )


def _unknown(language: Language, word: str) -> Answer:
    return _help(
        language,
        "unknown",
        outcome="unknown",
        intro=text("answer.unknown", language, word=word[:40]),
    )


def _say(command: str, outcome: str, language: Language, title: str, body: str = "") -> Answer:
    return Answer(command, outcome, language, ChatMessage(title=title, text=body))


@dataclass
class _Talk:
    """One message being answered: who, where, in which language, with which arguments."""

    said: Said
    config: Config
    knowledge: Knowledge
    language: Language
    args: list[str]

    def t(self, message: str, /, **params: object) -> str:
        """A text in the answer's language."""
        return text(message, self.language, **params)

    @property
    def today(self) -> date:
        return self.said.at.astimezone(self.config.bot.tz).date()

    def help(self) -> Answer:
        """What the bot can do."""
        return _help(self.language, "help")

    # ------------------------------------------------------------------- lookups

    def product(self, word: str | None) -> Product | None:
        """The product a word names (key or name, any case), or the channel's."""
        if word is None:
            return next((p for p in self.config.products if p.key == self.said.product), None)
        folded = word.casefold()
        return next((p for p in self.config.products if folded in {p.key, p.name.casefold()}), None)

    def check(self, product: Product, word: str) -> CheckDef | None:
        """The check a word names: its id or its short label, any case."""
        folded = word.casefold()
        return next(
            (
                c
                for c in self.config.profile_for(product).checks
                if folded in {c.id.casefold(), c.label.casefold()}
            ),
            None,
        )

    def no_product(self, command: str, word: str | None) -> Answer:
        known = ", ".join(p.key for p in self.config.products)
        if word is None:
            return _say(
                command, "invalid", self.language, self.t("answer.product_needed", known=known)
            )
        return _say(
            command,
            "invalid",
            self.language,
            self.t("answer.unknown_product", value=word[:40], known=known),
        )

    def no_check(self, command: str, product: Product, word: str | None) -> Answer:
        known = ", ".join(c.id for c in self.config.profile_for(product).checks)
        key = "answer.check_needed" if word is None else "answer.unknown_check"
        return _say(
            command,
            "invalid",
            self.language,
            self.t(key, value=(word or "")[:40], product=product.name, known=known),
        )

    def not_run(self, command: str) -> Answer:
        return _say(command, "answered", self.language, self.t("answer.no_run"))

    def page(self, product: Product | None) -> tuple[Link, ...]:
        """The link to a product's page in the compliance report (the portfolio's without)."""
        url = self.config.bot.secretariat.report_url
        if not url:
            return ()
        if product is None:
            return (Link(url=url, label=self.t("answer.report")),)
        return (
            Link(url=f"{url}#p-{product.key}", label=self.t("answer.page", product=product.name)),
        )

    def when(self) -> str:
        run_at = self.knowledge.run_at
        return run_at.astimezone(self.config.bot.tz).strftime("%Y-%m-%d %H:%M") if run_at else "-"

    # -------------------------------------------------------------------- status

    def status(self) -> Answer:
        if self.knowledge.run_at is None:
            return self.not_run("status")
        word = self.args[0] if self.args else None
        product = self.product(word)
        if word is not None and product is None:
            return self.no_product("status", word)
        if product is None:
            return self.portfolio()
        results = [r for r in self.knowledge.results if r.product == product.key]
        tasks = [_issue(t) for t in self.knowledge.tasks if t.product == product.key]
        message = status_message(
            self.config,
            product=product,
            results=results,
            tasks=tasks,
            language=self.language,
            now=self.knowledge.run_at,
        )
        message = dataclasses.replace(message, links=self.page(product) + message.links)
        return Answer("status", "answered", self.language, message, product=product.key)

    def portfolio(self) -> Answer:
        lines = []
        for product in self.config.products:
            mine = [r for r in self.knowledge.results if r.product == product.key]
            counts = count_by_state(mine)
            worst = next((s for s in IMPORTANCE if counts[s]), State.MET)
            detail = ", ".join(
                self.t("count." + s.value, count=counts[s]) for s in IMPORTANCE if counts[s]
            )
            lines.append(StatusLine(state=worst.value, title=product.name, detail=detail or "-"))
        lines.sort(key=lambda line: IMPORTANCE[State(line.state)])
        counted = count_by_state(self.knowledge.results)
        summary = " · ".join(f"{EMOJI_SYMBOL[s]} {counted[s]}" for s in IMPORTANCE if counted[s])
        message = ChatMessage(
            title=self.t("answer.portfolio.title"),
            text=summary,
            lines=tuple(lines),
            links=self.page(None),
            footer=self.t("answer.footer", when=self.when()),
            omitted=template("chat.omitted", self.language),
        )
        return Answer("status", "answered", self.language, message)

    # ----------------------------------------------------------------------- why

    def why(self) -> Answer:
        if self.knowledge.run_at is None:
            return self.not_run("why")
        args = list(self.args)
        product = self.product(args[0]) if args else None
        if product is not None and args:
            args = args[1:]
        elif self.said.product is not None and len(args) <= 1:
            product = self.product(None)
        if product is None:
            return self.no_product("why", args[0] if len(args) > 1 else None)
        check = self.check(product, args[0]) if args else None
        if check is None:
            return self.no_check("why", product, args[0] if args else None)
        result = next(
            (
                r
                for r in self.knowledge.results
                if (r.product, r.check_id) == (product.key, check.id)
            ),
            None,
        )
        title = check.title.get(self.language)
        if result is None:
            return _say(
                "why",
                "answered",
                self.language,
                self.t("answer.why.none", check=title, product=product.name),
            )
        parts = [render(result.reason, self.language)]
        if result.state in {State.NOT_MET, State.UNKNOWN}:
            parts.append(self.t("answer.why.fix", fix=check.fix.get(self.language)))
        message = ChatMessage(
            title=self.t(
                "answer.why.title",
                product=product.name,
                check=title,
                state=self.t("state." + result.state.value),
            ),
            text="\n\n".join(parts),
            links_title=self.t("answer.why.evidence") if result.evidence else "",
            links=tuple(
                Link(url=e.url, label=e.key, title=e.title) for e in result.evidence if e.url
            ),
            footer=self.t("answer.footer", when=self.when()),
            omitted=template("chat.omitted", self.language),
        )
        return Answer("why", "answered", self.language, message, product=product.key)

    # --------------------------------------------------------------------- tasks

    def tasks(self) -> Answer:
        word = self.args[0] if self.args else None
        product = self.product(word)
        if word is not None and product is None:
            return self.no_product("tasks", word)
        tasks = sorted(
            (t for t in self.knowledge.tasks if product is None or t.product == product.key),
            key=lambda t: (t.product, _issue(t).order),
        )
        shown = tasks[:MAX_LISTED]
        title = (
            self.t("answer.tasks.title", product=product.name, count=len(tasks))
            if product
            else self.t("answer.tasks.all", count=len(tasks))
        )
        message = ChatMessage(
            title=title,
            links=tuple(Link(url=t.url, label=t.key, title=self.task_line(t)) for t in shown),
            empty_links=self.t("chat.status.no_tasks"),
            text=self.t("answer.tasks.more", count=len(tasks) - len(shown))
            if len(tasks) > len(shown)
            else "",
            footer=self.t("answer.footer", when=self.when()),
        )
        return Answer(
            "tasks", "answered", self.language, message, product=product.key if product else None
        )

    def task_line(self, task: OpenTask) -> str:
        """A task's summary, due date and place on its ladder."""
        parts = [task.summary]
        if task.due:
            parts.append(self.t("answer.tasks.due", date=task.due.isoformat()))
        hit = reminder_index(self.config).get(task.fingerprint)
        if hit is not None and task.due is not None:
            steps = ladder(self.config, *hit)
            point = position(
                steps,
                due=task.due,
                remembered=self.knowledge.ladder.steps(task.key),
                labelled=steps_on(task.labels),
                closed=tuple(self.config.bot.tasks.closed_days),
            )
            if point.done:
                parts.append(self.t("answer.tasks.step", step=max(point.done), steps=len(steps)))
        held = self.knowledge.ladder.holds.get(task.key)
        if held is not None and held > self.today:
            parts.append(self.t("answer.tasks.held", date=held.isoformat()))
        return " — ".join(parts)

    # ------------------------------------------------------ acknowledge, snooze

    def reminder(self, command: str) -> tuple[OpenTask, Product, CheckDef] | Answer:
        """The open reminder task the first argument names, or the answer why not."""
        if not self.args:
            return _say(command, "invalid", self.language, self.t(USAGE[command]))
        key = self.args[0].upper()
        task = next((t for t in self.knowledge.tasks if t.key == key), None)
        if task is None:
            return _say(command, "invalid", self.language, self.t("answer.no_task", key=key[:40]))
        hit = reminder_index(self.config).get(task.fingerprint)
        if hit is None:
            return _say(command, "invalid", self.language, self.t("answer.not_reminder", key=key))
        return task, *hit

    def refusal(self, command: str, product: Product, owner: str, key: str | None) -> Answer | None:
        """A polite refusal when the speaker is not of the owning group or the secretariat."""
        if _recognised(self.said.speaker, allowed(self.config, product, owner)):
            return None
        group = (
            self.t("answer.who.secretariat")
            if owner == "secretariat"
            else self.t("answer.who.group", group=self.t(f"owner.{owner}"), product=product.name)
        )
        email = self.said.speaker.email
        message = ChatMessage(
            title=self.t(REFUSED[command], key=key or product.name),
            text=self.t("answer.refused", who=group)
            + " "
            + (
                self.t("answer.refused.email", email=email)
                if email
                else self.t("answer.refused.no_email")
            ),
        )
        return Answer(
            command, "refused", self.language, message, product=product.key, issue_key=key
        )

    def acknowledge(self) -> Answer:
        found = self.reminder("acknowledge")
        if isinstance(found, Answer):
            return found
        task, product, check = found
        refused = self.refusal("acknowledge", product, check.owner, task.key)
        if refused is not None:
            return refused
        days = escalation_of(self.config, product).acknowledge_working_days
        until = add_working_days(self.today, days, tuple(self.config.bot.tasks.closed_days))
        return self.hold(
            "acknowledge",
            task,
            product.key,
            until,
            comment="answer.acknowledge.comment",
            title=self.t("answer.acknowledge.done", key=task.key),
            text=self.t("answer.acknowledge.done_text", until=until.isoformat(), days=days),
        )

    def hold(
        self,
        command: str,
        task: OpenTask,
        product: str,
        until: date,
        *,
        comment: str,
        title: str,
        text: str,
    ) -> Answer:
        """A reminder's ladder held until *until*: the comment on the task, and the answer."""
        body = self.t(
            comment,
            name=wiki.escape(self.said.speaker.name),
            chat=self.chat_name(),
            when=self.stamp(),
            until=until.isoformat(),
        )
        message = ChatMessage(
            title=title, text=text, links=(Link(url=task.url, label=task.key, title=task.summary),)
        )
        return Answer(
            command,
            "done",
            self.language,
            message,
            Comment(task.key, body, until),
            product=product,
            issue_key=task.key,
        )

    def snooze(self) -> Answer:
        found = self.reminder("snooze")
        if isinstance(found, Answer):
            return found
        task, product, check = found
        refused = self.refusal("snooze", product, check.owner, task.key)
        if refused is not None:
            return refused
        limit = escalation_of(self.config, product).snooze_max_days
        latest = self.today + timedelta(days=limit)
        until = parse_date(" ".join(self.args[1:]), self.today)
        if until is None:
            return _say("snooze", "invalid", self.language, self.t("answer.snooze.usage"))
        if until <= self.today or until > latest:
            return Answer(
                "snooze",
                "invalid",
                self.language,
                ChatMessage(
                    title=self.t("answer.snooze.out_of_range", date=until.isoformat()),
                    text=self.t("answer.snooze.limit", days=limit, latest=latest.isoformat()),
                ),
                product=product.key,
                issue_key=task.key,
            )
        return self.hold(
            "snooze",
            task,
            product.key,
            until,
            comment="answer.snooze.comment",
            title=self.t("answer.snooze.done", key=task.key, date=until.isoformat()),
            text=self.t("answer.snooze.done_text", date=until.isoformat()),
        )

    # -------------------------------------------------------------------- waiver

    def waiver(self) -> Answer:
        args = list(self.args)
        product = self.product(args[0]) if args else None
        if product is None:
            return _say("waiver", "invalid", self.language, self.t("answer.waiver.usage"))
        check = self.check(product, args[1]) if len(args) > 1 else None
        if check is None:
            return self.no_check("waiver", product, args[1] if len(args) > 1 else None)
        reason = _rest(self.said.text[:MAX_INPUT], 3).strip()
        if not reason:
            return _say("waiver", "invalid", self.language, self.t("answer.waiver.no_reason"))
        refused = self.refusal("waiver", product, check.owner, None)
        if refused is not None:
            return refused
        secretariat = self.config.bot.secretariat
        title = check.title.get(self.language)
        result = next(
            (
                r
                for r in self.knowledge.results
                if (r.product, r.check_id) == (product.key, check.id)
            ),
            None,
        )
        judged = (
            self.t("state." + result.state.value)
            + ": "
            + wiki.escape(render(result.reason, self.language))
            if result
            else "-"
        )
        speaker = self.said.speaker
        who = wiki.escape(speaker.name + (f" ({speaker.email})" if speaker.email else ""))
        quoted = wiki.escape(reason[:MAX_REASON])
        summary = self.t("answer.waiver.summary", product=product.name, check=title)
        message = ChatMessage(
            title=self.t("answer.waiver.done", product=product.name, check=title),
            text=self.t("answer.waiver.done_text"),
        )
        return Answer(
            "waiver",
            "done",
            self.language,
            message,
            NewTask(
                fingerprint=fingerprint("dispensation", product.key, check.id),
                project=secretariat.jira_project or product.project,
                summary=summary,
                description=self.t(
                    "answer.waiver.description",
                    who=who,
                    chat=self.chat_name(),
                    when=self.stamp(),
                    check=title,
                    product=product.name,
                    reason=quoted,
                    judged=judged,
                ),
                again=self.t("answer.waiver.again", who=who, when=self.stamp(), reason=quoted),
                assignee=secretariat.lead.jira_user if secretariat.lead else None,
            ),
            product=product.key,
        )

    # --------------------------------------------------------------------- bits

    def chat_name(self) -> str:
        return "Zulip" if self.said.speaker.chat == "zulip" else "Slack"

    def stamp(self) -> str:
        return self.said.at.astimezone(self.config.bot.tz).strftime("%Y-%m-%d %H:%M")


def confirm(answer: Answer, key: str, url: str) -> ChatMessage:
    """The answer once its write is done, with a link to what was written (a new task)."""
    if not url:
        return answer.message
    link = Link(url=url, label=key, title=answer.message.title)
    return dataclasses.replace(answer.message, links=(*answer.message.links, link))


def failed(answer: Answer) -> ChatMessage:
    """What to say when the write could not be made (the tracker refused or is away)."""
    return ChatMessage(
        title=text("answer.write_failed", answer.language),
        text=text("answer.write_failed_text", answer.language),
    )


def _recognised(speaker: Speaker, people: Sequence[Person]) -> bool:
    """Whether the speaker is one of *people*: by e-mail, or by the chat's own user id."""
    email = (speaker.email or "").casefold()
    for person in people:
        if email and person.email and person.email.casefold() == email:
            return True
        if speaker.chat == "zulip" and str(person.zulip_user_id) == speaker.user_id:
            return True
        if speaker.chat == "slack" and person.slack_user_id == speaker.user_id:
            return True
    return False


def _issue(task: OpenTask) -> Issue:
    return Issue(
        task.key, task.project, task.summary, task.url, labels=task.labels, duedate=task.due
    )


def _rest(value: str, skip: int) -> str:
    """*value* after its first *skip* words, as written (spacing and case kept)."""
    parts = value.strip().split(None, skip)
    return parts[skip] if len(parts) > skip else ""


# ------------------------------------------------------------------------------- dates

_MONTHS = (
    {_fold(name): number for number, name in enumerate(MONTHS_DA, start=1)}
    | {_fold(name): number for number, name in enumerate(MONTHS_EN, start=1)}
    | {_fold(name[:3]): number for number, name in enumerate(MONTHS_EN, start=1)}
)
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?\.?$")
_SPAN = re.compile(r"^(?:om\s+|in\s+)?(\d{1,3})\s*(dag|dage|day|days|d|uge|uger|week|weeks|w)$")
_NAMED = re.compile(r"^(\d{1,2})\.?\s+([a-zæøå]+)\.?(?:\s+(\d{4}))?$")


def parse_date(value: str, today: date) -> date | None:
    """A day as people write it: 2026-12-15, 15.12.2026, 15/12, 15. december, 14 dage, 2 weeks.

    A day and month without a year is the next such day from *today*; None if it is no date.
    """
    value = value.strip().casefold()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    if span := _SPAN.match(value):
        amount, unit = int(span.group(1)), span.group(2)
        return today + timedelta(days=amount * (7 if unit[0] in "uw" else 1))
    numeric = _NUMERIC.match(value)
    named = _NAMED.match(value)
    if numeric:
        day, month, year = int(numeric.group(1)), int(numeric.group(2)), numeric.group(3)
    elif named and _fold(named.group(2)) in _MONTHS:
        day, month, year = int(named.group(1)), _MONTHS[_fold(named.group(2))], named.group(3)
    else:
        return None
    try:
        if year is not None:
            return date(int(year) + (2000 if len(year) == 2 else 0), month, day)  # noqa: PLR2004
        found = date(today.year, month, day)
        return found if found > today else date(today.year + 1, month, day)
    except ValueError:
        return None
