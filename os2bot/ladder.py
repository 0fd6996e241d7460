# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The escalation ladder of a reminder task: which step is next, when, and who hears of it. Pure.

A reminder task past its due date climbs its owner's ladder (config/governance: escalation),
one step at a time, each step once: the first counts working days from the due date, each
later one from the day the step before happened. A step is remembered twice — in the state
database (with its day) and as a label on the task (os2bot-eskaleret-N) — and either is
enough to know it happened. An acknowledgement or a snooze in chat holds the ladder until a
day; a task that is resolved, or no longer past its due date, does not climb.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from os2bot.calendar import add_working_days, is_working_day
from os2bot.config import CheckDef, Config, Escalation, Person, Product, Step
from os2bot.domain import Issue, fingerprint, label_key, reminder_fingerprint

STEP_PREFIX = "os2bot-eskaleret-"  # a label: the task has been through step N


def step_mark(number: int) -> str:
    """The label that records step *number* (1-based) on a task."""
    return f"{STEP_PREFIX}{number}"


def step_of(label: str) -> int | None:
    """The step a label records, or None for any other label."""
    rest = label_key(label).removeprefix(STEP_PREFIX)
    if rest == label_key(label) or not rest.isdigit():
        return None
    return int(rest)


def steps_on(labels: Iterable[str]) -> set[int]:
    """The steps the labels of a task record."""
    return {n for n in map(step_of, labels) if n is not None}


def escalation_fingerprint(issue_key: str) -> str:
    """The fingerprint of the secretariat's task for an escalated reminder task."""
    return fingerprint("escalation", issue_key)


@dataclass(frozen=True)
class Record:
    """What the state database remembers of one task's ladder."""

    fingerprint: str
    product: str
    steps: Mapping[int, date] = field(default_factory=dict)  # step -> the day it happened


@dataclass(frozen=True)
class Memory:
    """The ladder as the state database remembers it: steps taken, and holds from chat."""

    records: Mapping[str, Record] = field(default_factory=dict)  # issue key -> record
    holds: Mapping[str, date] = field(default_factory=dict)  # issue key -> held until this day

    def steps(self, key: str) -> Mapping[int, date]:
        """The steps remembered for task *key*."""
        record = self.records.get(key)
        return record.steps if record else {}


@dataclass(frozen=True)
class Reminder:
    """A reminder task, with the product and check it reminds of."""

    task: Issue
    product: Product
    check: CheckDef


def reminders(config: Config, tasks: Iterable[Issue]) -> list[Reminder]:
    """The reminder tasks among *tasks*, known by their fingerprints."""
    index = reminder_index(config)
    found = []
    for task in tasks:
        hit = index.get(task.fingerprint or "")
        if hit is not None:
            found.append(Reminder(task, *hit))
    return found


def reminder_index(config: Config) -> dict[str, tuple[Product, CheckDef]]:
    """Every reminder fingerprint the configuration could make, with its product and check."""
    return {
        reminder_fingerprint(product.key, check.id): (product, check)
        for product in config.products
        for check in config.profile_for(product).checks
    }


def escalation_of(config: Config, product: Product) -> Escalation:
    """The ladders that hold for *product*: the profile's, with the product's replacements."""
    return product.escalation.over(config.profile_for(product).escalation)


def ladder(config: Config, product: Product, check: CheckDef) -> list[Step]:
    """The ladder of the reminder task for *check* on *product*."""
    return escalation_of(config, product).ladder(check.owner)


@dataclass(frozen=True)
class Position:
    """Where a task stands on its ladder."""

    done: Mapping[int, date]  # steps taken, with the day each happened
    next: int | None  # the next step (1-based), None at the top
    next_on: date | None  # the first day the next step may happen
    held_until: date | None = None


def position(
    steps: list[Step],
    *,
    due: date,
    remembered: Mapping[int, date],
    labelled: Iterable[int] = (),
    held_until: date | None = None,
    closed: tuple[str, ...] = (),
) -> Position:
    """Where a task with *due* stands, from the steps remembered and those on its labels.

    A step only its label records (its day lost with a run that stopped before saying so) is
    taken to have happened on the first day it could have.
    """
    labelled = set(labelled)
    done: dict[int, date] = {}
    base = due
    for number, step in enumerate(steps, start=1):
        earliest = add_working_days(base, step.after_working_days, closed)
        if number in remembered:
            base = done[number] = remembered[number]
        elif number in labelled:
            base = done[number] = earliest
        else:
            start = max(earliest, held_until) if held_until else earliest
            return Position(done, number, start, held_until)
    return Position(done, None, None, held_until)


def working_days_between(start: date, end: date, closed: tuple[str, ...] = ()) -> int:
    """How many working days lie after *start*, up to and including *end*."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day, closed)
    return count


def due_now(point: Position, *, today: date, due: date) -> bool:
    """Whether the next step happens today: the task is past due and its day has come."""
    return (
        point.next is not None
        and today > due
        and point.next_on is not None
        and (today >= point.next_on)
    )


def owner_lead(config: Config, product: Product, owner: str) -> Person | None:
    """Who leads the group a check names (the reminder task's assignee)."""
    if owner == "secretariat":
        return config.bot.secretariat.lead
    group = product.coordination_group if owner == "coordination_group" else product.steering_group
    return group.lead if group else None


def recipient(config: Config, product: Product, check: CheckDef, step: Step) -> Person | None:
    """The person a step tells: the owner's lead, a group's chair, or the secretariat's lead."""
    return owner_lead(config, product, check.owner if step.to == "owner" else step.to)


# Who a step tells, by the group it tells: the text key of their role.
ROLE_KEYS = {
    "coordination_group": "ladder.who.coordination_group",
    "steering_group": "ladder.who.steering_group",
    "secretariat": "ladder.who.secretariat",
}


def who_is(person: Person | None, role: str) -> str:
    """Someone as a text: name and role ("Mette Hansen (koordinationsgruppens formand)")."""
    if person is None:
        return role
    return person.name if person.name.casefold() == role.casefold() else f"{person.name} ({role})"


def role_of(check: CheckDef, step: Step) -> str:
    """The group a step tells, as an owner name."""
    return check.owner if step.to == "owner" else step.to


def allowed(config: Config, product: Product, owner: str) -> list[Person]:
    """Who may hold a task's ladder or ask for a waiver: the owning group and the secretariat."""
    people: list[Person] = []
    if owner != "secretariat":
        group = (
            product.coordination_group if owner == "coordination_group" else product.steering_group
        )
        if group is not None:
            people += [p for p in (group.lead, *group.members) if p is not None]
    secretariat = config.bot.secretariat
    people += [p for p in (secretariat.lead, *secretariat.members) if p is not None]
    return people
