# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The escalation ladder, pure: where a task stands, which step is next and when, and the
planner's comments and secretariat tasks. Fixed dates, Danish working days, no I/O."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from os2bot.config import Escalation, EscalationOverride, Step
from os2bot.domain import ActionKind, CheckResult, Issue, Msg, State
from os2bot.ladder import (
    Memory,
    Record,
    escalation_fingerprint,
    ladder,
    position,
    step_mark,
    step_of,
    steps_on,
    working_days_between,
)
from os2bot.planner import plan_actions

from builders import config, product, snapshot

CLOSED = ("12-24", "12-31", "06-05")
KG_LADDER = Escalation().coordination_group
KG_OWNED = "os2-vaerktoejer"  # the coordination group owns this check's reminders
SG_OWNED = "koordinationsgruppe"  # the steering group owns this one's
PEOPLE = {
    "steering_group": {
        "lead": {"name": "Anne Formand", "email": "anne@os2.test"},
        "members": [{"name": "Karsten", "email": "karsten@os2.test"}],
    },
    "coordination_group": {
        "lead": {"name": "Mette Hansen", "jira_user": "acc-mette", "slack_user_id": "U0METTE01"},
        "members": [{"name": "Søren", "email": "soren@os2.test"}],
    },
}
PRODUCT = product(**PEOPLE)
CFG = config(PRODUCT)
MET_REASON = Msg(
    "reason.jql.met",
    {"key": "TEST-1", "summary": "Møde", "date": "2026-11-20", "days": 3, "count": 1},
)


def at(year: int, month: int, day: int) -> datetime:
    """09:00 in Copenhagen on a day."""
    return datetime(year, month, day, 8, 0, tzinfo=UTC)


def failing(check: str = KG_OWNED) -> CheckResult:
    """The check, not met for OS2test."""
    return CheckResult(
        "os2test", check, State.NOT_MET, Msg("reason.jql.none", {"jql": "labels = x"})
    )


def reminder(check: str = KG_OWNED, *, due: date, labels: tuple[str, ...] = ()) -> Issue:
    """The reminder task the planner opens for *check*, open in Jira, due on *due*."""
    opened = plan_actions([failing(check)], CFG, snapshot(now=at(2026, 10, 1)), "da")
    create = next(a for a in opened if a.kind is ActionKind.CREATE)
    return Issue(
        key="TEST-5",
        project=create.project,
        summary=create.summary,
        url="https://jira.test/browse/TEST-5",
        labels=create.labels + labels,
        duedate=due,
        status_category="new",
    )


def plan_on(
    day: datetime,
    task: Issue,
    *,
    memory: Memory | None = None,
    results: list[CheckResult] | None = None,
    projects: set[str] | None = None,
    bot_tasks: list[Issue] | None = None,
):
    """The actions a run on *day* plans with *task* open and the ladder as *memory* says."""
    snap = dataclasses.replace(
        snapshot(now=day, projects=projects or {"TEST", "SEK"}),
        bot_tasks=bot_tasks if bot_tasks is not None else [task],
    )
    return plan_actions(
        results if results is not None else [failing(_check_of(task))],
        CFG,
        snap,
        "da",
        ladder=memory or Memory(),
    )


def _check_of(task: Issue) -> str:
    return SG_OWNED if "koordinationsgruppe" in task.summary.lower() else KG_OWNED


def remembered(*steps: tuple[int, date], key: str = "TEST-5") -> Memory:
    """A ladder memory with *steps* taken on task *key*."""
    fp = reminder(due=date(2026, 11, 1)).fingerprint or ""
    return Memory({key: Record(fp, "os2test", dict(steps))})


# ------------------------------------------------------------------------- the pure core


def test_a_mark_names_its_step_and_no_other_label_does():
    """os2bot-eskaleret-2 records step 2, in any case; other bot labels record none."""
    assert step_mark(2) == "os2bot-eskaleret-2"
    assert step_of("OS2bot-Eskaleret-2") == 2
    assert step_of("os2bot-forsinket") is None
    assert step_of("os2bot-eskaleret-x") is None
    assert steps_on(["os2bot", "os2bot-eskaleret-1", "os2bot-eskaleret-3"]) == {1, 3}


def test_the_first_step_is_the_first_working_day_after_the_due_date():
    """Due on Friday 27 November 2026, the first step comes on Monday the 30th."""
    point = position(KG_LADDER, due=date(2026, 11, 27), remembered={}, closed=CLOSED)

    assert point.next == 1
    assert point.next_on == date(2026, 11, 30)


def test_a_later_step_counts_working_days_from_the_step_before_over_christmas():
    """Step 1 on 18 December 2026: ten working days on, past Christmas Eve, Christmas, New
    Year's Eve and New Year's Day, step 2 comes on Thursday 7 January 2027."""
    point = position(
        KG_LADDER,
        due=date(2026, 12, 17),
        remembered={1: date(2026, 12, 18)},
        closed=CLOSED,
    )

    assert point.next == 2
    assert point.next_on == date(2027, 1, 7)


def test_a_hold_postpones_the_next_step_to_its_day_and_an_old_hold_does_not():
    """A hold until 10 December moves step 2 from 8 to 10 December; one that ended before
    the step's day changes nothing."""
    taken = {1: date(2026, 11, 24)}
    held = position(
        KG_LADDER,
        due=date(2026, 11, 23),
        remembered=taken,
        held_until=date(2026, 12, 10),
        closed=CLOSED,
    )
    old = position(
        KG_LADDER,
        due=date(2026, 11, 23),
        remembered=taken,
        held_until=date(2026, 11, 25),
        closed=CLOSED,
    )

    assert held.next_on == date(2026, 12, 10)
    assert old.next_on == date(2026, 12, 8)


def test_a_step_only_its_label_records_counts_from_the_first_day_it_could_have_happened():
    """A label without a remembered day (a run stopped before saying so) still counts: the
    ladder goes on from that step's earliest day instead of repeating it."""
    point = position(KG_LADDER, due=date(2026, 11, 27), remembered={}, labelled={1}, closed=CLOSED)

    assert point.done == {1: date(2026, 11, 30)}
    assert point.next == 2
    assert point.next_on == date(2026, 12, 14)


def test_a_climbed_ladder_has_no_next_step():
    """Every step taken: nothing is next."""
    days = {1: date(2026, 11, 2), 2: date(2026, 11, 16), 3: date(2026, 11, 30)}
    point = position(KG_LADDER, due=date(2026, 11, 1), remembered=days, closed=CLOSED)

    assert point.next is None
    assert point.next_on is None


def test_working_days_between_skips_weekends_and_holidays():
    """From Friday 18 December to Monday 4 January 2027 there are seven working days."""
    assert working_days_between(date(2026, 12, 18), date(2027, 1, 4), CLOSED) == 7


def test_a_product_may_replace_one_ladder_and_keeps_the_others():
    """A product's ladder for the coordination group replaces the profile's; the steering
    group's and the pauses stay the profile's."""
    own = product(
        escalation={"coordination_group": [{"to": "secretariat", "after_working_days": 3}]}
    )
    cfg = config(own)
    kg = cfg.profile_for(own).check(KG_OWNED)
    sg = cfg.profile_for(own).check(SG_OWNED)

    assert ladder(cfg, own, kg) == [Step(to="secretariat", after_working_days=3)]
    assert ladder(cfg, own, sg) == Escalation().steering_group


@pytest.mark.parametrize(
    "steps",
    [
        [{"to": "owner", "after_working_days": 1, "by": "task"}],
        [{"to": "owner", "after_working_days": 1}] * 6,
        [{"to": "owner", "after_working_days": -1}],
    ],
)
def test_a_ladder_that_cannot_work_is_refused(steps):
    """A task for anyone but the secretariat, more than five steps, or negative days are
    configuration errors, in the profile and in a product file alike."""
    with pytest.raises(ValidationError):
        Escalation(coordination_group=steps)
    with pytest.raises(ValidationError):
        EscalationOverride(steering_group=steps)


# ---------------------------------------------------------------------------- the planner


def ladder_actions(actions):
    """The actions the ladder planned: its comments and the secretariat's task."""
    return [
        a
        for a in actions
        if a.mark.startswith("os2bot-eskaleret")
        or a.fingerprint == escalation_fingerprint("TEST-5")
    ]


def test_a_task_not_yet_past_due_does_not_climb():
    """On its due date a reminder task is not escalated."""
    task = reminder(due=date(2026, 11, 27))

    assert ladder_actions(plan_on(at(2026, 11, 27), task)) == []


def test_the_first_step_comments_once_and_names_the_owners_lead():
    """The first working day after the due date: a comment on the task with the step's mark,
    naming the coordination group's lead, and telling how to acknowledge or snooze."""
    task = reminder(due=date(2026, 11, 27))

    actions = ladder_actions(plan_on(at(2026, 11, 30), task))

    assert [a.kind for a in actions] == [ActionKind.COMMENT]
    comment = actions[0]
    assert comment.issue_key == "TEST-5"
    assert comment.mark == "os2bot-eskaleret-1"
    assert "os2bot-eskaleret-1" in comment.labels
    assert comment.version == task.content_version  # the task's labels stay current
    assert comment.due == date(2026, 11, 27)
    assert "Mette Hansen (koordinationsgruppens formand)" in comment.comment
    assert "kvittér TEST-5" in comment.comment
    assert "udsæt TEST-5" in comment.comment


def test_a_step_remembered_is_not_taken_again_and_the_next_waits_its_days():
    """After step 1 on 30 November, nothing is planned on 4 December; on 14 December (ten
    working days on) step 2 tells the steering group's chair."""
    task = reminder(due=date(2026, 11, 27), labels=("os2bot-eskaleret-1",))
    memory = remembered((1, date(2026, 11, 30)))

    assert ladder_actions(plan_on(at(2026, 12, 4), task, memory=memory)) == []
    actions = ladder_actions(plan_on(at(2026, 12, 14), task, memory=memory))

    assert [a.mark for a in actions] == ["os2bot-eskaleret-2"]
    assert "Anne Formand (styregruppens formand)" in actions[0].comment
    assert "11 arbejdsdage efter fristen 2026-11-27" in actions[0].comment


def test_the_last_step_opens_one_secretariat_task_and_comments_on_the_reminder():
    """Step 3 (ten working days after step 2, past Christmas) comments on the reminder and
    opens one task in the secretariat's project, which links the reminder and lists who was
    told when."""
    task = reminder(due=date(2026, 11, 27), labels=("os2bot-eskaleret-1", "os2bot-eskaleret-2"))
    memory = remembered((1, date(2026, 11, 30)), (2, date(2026, 12, 14)))

    assert ladder_actions(plan_on(at(2026, 12, 29), task, memory=memory)) == []
    actions = ladder_actions(plan_on(at(2026, 12, 30), task, memory=memory))

    assert sorted(a.kind for a in actions) == [ActionKind.COMMENT, ActionKind.CREATE]
    create = next(a for a in actions if a.kind is ActionKind.CREATE)
    comment = next(a for a in actions if a.kind is ActionKind.COMMENT)
    assert comment.mark == "os2bot-eskaleret-3"
    assert "eskaleret til sekretariatet" in comment.comment
    assert create.project == "SEK"
    assert create.summary == "Eskaleret: OS2test – OS2s værktøjer benyttes (TEST-5)"
    assert "[TEST-5|https://jira.test/browse/TEST-5]" in create.description
    assert "2026-11-30: Mette Hansen (koordinationsgruppens formand) fik besked" in (
        create.description
    )
    assert "2026-12-14: Anne Formand (styregruppens formand) fik besked" in create.description


def test_a_climbed_ladder_keeps_its_secretariat_task_without_writing_again():
    """Once the secretariat's task exists, later runs plan nothing more for the ladder."""
    steps = ("os2bot-eskaleret-1", "os2bot-eskaleret-2", "os2bot-eskaleret-3")
    task = reminder(due=date(2026, 11, 27), labels=steps)
    memory = remembered((1, date(2026, 11, 30)), (2, date(2026, 12, 14)), (3, date(2026, 12, 30)))
    first = ladder_actions(plan_on(at(2027, 1, 4), task, memory=memory))
    create = first[0]
    escalation = Issue(
        "SEK-9", "SEK", create.summary, "https://jira.test/browse/SEK-9", labels=create.labels
    )

    again = ladder_actions(
        plan_on(at(2027, 1, 5), task, memory=memory, bot_tasks=[task, escalation])
    )

    assert [a.kind for a in first] == [ActionKind.CREATE]  # the task was missing: reopened
    assert again == []


def test_a_resolved_reminder_resolves_its_secretariat_task():
    """When the reminder is no longer open, the secretariat's task for it is resolved."""
    memory = remembered((1, date(2026, 11, 30)), (2, date(2026, 12, 14)), (3, date(2026, 12, 30)))
    escalation = Issue(
        "SEK-9",
        "SEK",
        "Eskaleret",
        "https://jira.test/browse/SEK-9",
        labels=("os2bot", "os2bot-" + escalation_fingerprint("TEST-5")),
    )
    met = CheckResult("os2test", KG_OWNED, State.MET, MET_REASON)

    actions = plan_on(
        at(2027, 1, 5),
        reminder(due=date(2026, 11, 27)),
        memory=memory,
        results=[met],
        bot_tasks=[escalation],
    )

    assert [(a.kind, a.issue_key) for a in actions] == [(ActionKind.RESOLVE, "SEK-9")]
    assert "TEST-5 er løst" in actions[0].comment


def test_a_hold_from_chat_keeps_the_ladder_still_until_its_day():
    """Held until 10 December, step 2 waits past its own day (8 December) and comes then."""
    task = reminder(due=date(2026, 11, 20), labels=("os2bot-eskaleret-1",))
    fp = task.fingerprint or ""
    memory = Memory(
        {"TEST-5": Record(fp, "os2test", {1: date(2026, 11, 24)})}, {"TEST-5": date(2026, 12, 10)}
    )

    assert ladder_actions(plan_on(at(2026, 12, 9), task, memory=memory)) == []
    assert [a.mark for a in ladder_actions(plan_on(at(2026, 12, 10), task, memory=memory))] == [
        "os2bot-eskaleret-2"
    ]


def test_a_check_no_longer_failing_stops_the_ladder():
    """A met check resolves the reminder; an unknown one leaves it open, and neither climbs."""
    task = reminder(due=date(2026, 11, 20))
    met = CheckResult("os2test", KG_OWNED, State.MET, MET_REASON)
    unknown = CheckResult(
        "os2test", KG_OWNED, State.UNKNOWN, Msg("reason.query_failed", {"error": "x"})
    )

    resolved = plan_on(at(2026, 12, 1), task, results=[met])
    waiting = plan_on(at(2026, 12, 1), task, results=[unknown])

    assert [a.kind for a in resolved] == [ActionKind.RESOLVE]
    assert ladder_actions(waiting) == []


def test_a_due_date_moved_later_in_jira_stops_the_climb_until_it_passes():
    """People who move the due date ahead in Jira put the ladder off until it passes."""
    task = reminder(due=date(2026, 12, 18), labels=("os2bot-eskaleret-1",))
    memory = remembered((1, date(2026, 11, 24)))

    assert ladder_actions(plan_on(at(2026, 12, 14), task, memory=memory)) == []


def test_a_steering_group_task_goes_to_the_secretariat_in_its_second_step():
    """For a task the steering group owns, step 1 names its chair and step 2 the secretariat."""
    task = reminder(SG_OWNED, due=date(2026, 11, 27))
    first = ladder_actions(plan_on(at(2026, 11, 30), task))
    memory = remembered((1, date(2026, 11, 30)))
    second = ladder_actions(
        plan_on(
            at(2026, 12, 14),
            dataclasses.replace(task, labels=(*task.labels, first[0].mark)),
            memory=memory,
        )
    )

    assert "Anne Formand (styregruppens formand)" in first[0].comment
    assert "sendt videre til Sekretariatet." in second[0].comment


def test_each_step_happens_once_and_in_order_whatever_the_days_between_runs():
    """Runs every working day from the due date to February climb the ladder in order, each
    step exactly once, ten working days apart, then plan nothing more."""
    task = reminder(due=date(2026, 11, 27))
    records: dict[int, date] = {}
    taken: list[tuple[int, date]] = []
    day = date(2026, 11, 27)
    while day < date(2027, 2, 15):
        memory = Memory({"TEST-5": Record(task.fingerprint or "", "os2test", dict(records))})
        labels = tuple(step_mark(n) for n in records)
        current = dataclasses.replace(task, labels=task.labels + labels)
        for action in ladder_actions(
            plan_on(at(day.year, day.month, day.day), current, memory=memory)
        ):
            if action.kind is ActionKind.COMMENT:
                number = step_of(action.mark)
                records[number] = day
                taken.append((number, day))
        day = date.fromordinal(day.toordinal() + 1)

    assert taken == [(1, date(2026, 11, 30)), (2, date(2026, 12, 14)), (3, date(2026, 12, 30))]
