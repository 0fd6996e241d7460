# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Self-assessment evidence: OS2's selvevaluering judged against the requirement catalogue."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from os2bot.config import SelfAssessmentEvidence
from os2bot.domain import SelfAssessment, State
from os2bot.rules import Context, judge_check, self_assessment

from builders import CATALOGUE, NOW, check, product, snapshot

DATA = Path(__file__).parent / "data" / "os2borgerpc-selvevaluering-06082026.json"
RAW: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
BORGERPC = self_assessment.parse(RAW)
EVIDENCE = check("governancekrav").evidence
assert isinstance(EVIDENCE, SelfAssessmentEvidence)
FILE = "selvevaluering/os2borgerpc.json"


def all_yes(**answers: str) -> dict[str, Any]:
    """The real assessment with every requirement answered 'Ja', except *answers*."""
    data = copy.deepcopy(RAW)
    for entry in data["krav"]:
        entry["efterlevet"] = answers.get(entry["id"], "Ja")
    return data


def judge(
    assessment: SelfAssessment | str | None = BORGERPC,
    *,
    level: str = "2",
    now: datetime = NOW,
    catalogue=CATALOGUE,
    **changes,
):
    """The verdict on *assessment* for a product at *level*, judged at *now*."""
    changes.setdefault("self_assessment", FILE)
    prod = product(level=level, **changes)
    assessments = {} if assessment is None else {prod.key: assessment}
    snap = snapshot(now=now, assessments=assessments)
    return self_assessment.judge(EVIDENCE, Context(snap, prod, catalogue))


def ids(value: str) -> set[str]:
    """The requirement ids in a comma-separated reason parameter ('-' is none)."""
    return set() if value == "-" else set(value.split(", "))


# ------------------------------------------------------------------------------- parse


def test_parse_reads_the_real_os2borgerpc_export():
    """OS2's exported JSON for OS2BorgerPC is read with all 43 answers and their documentation."""
    assert BORGERPC.product_name == "OS2BorgerPC"
    assert BORGERPC.filled == date(2026, 6, 24)
    assert len(BORGERPC.answers) == 43
    assert BORGERPC.answers["F14"].complied is False
    assert BORGERPC.answers["R1"].complied is True
    assert BORGERPC.answers["R1"].documentation == "Idriftsat i ca. 7 kommuner"
    assert {a.requirement for a in BORGERPC.answers.values() if a.complied is False} == {
        "R4", "F14", "F16", "F18", "F21", "F22", "S4", "S5", "G8", "G14",
    }  # fmt: skip


def test_real_export_answers_exactly_the_catalogue():
    """The catalogue and OS2's export list the same 43 requirements."""
    assert set(BORGERPC.answers) == {r.id for r in CATALOGUE.requirements}


@pytest.mark.parametrize(
    ("said", "complied"),
    [
        ("Ja", True),
        (" nej ", False),
        ("JA", True),
        (True, True),
        (False, False),
        ("Delvist", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_reads_yes_no_and_anything_else_as_unanswered(said, complied):
    """'Ja' and 'Nej' in any case are answers; anything else is unanswered."""
    data = {"filledDate": "2026-06-24", "krav": [{"id": "G6", "efterlevet": said}]}

    assert self_assessment.parse(data).answers["G6"].complied is complied


def test_parse_takes_the_day_of_a_timestamp():
    """A filledDate with a time of day is read as its date."""
    data = {"filledDate": "2026-06-24T10:15:00.000Z", "krav": []}

    assert self_assessment.parse(data).filled == date(2026, 6, 24)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([], "not a JSON object"),
        ("krav", "not a JSON object"),
        ({"productName": "X", "krav": []}, "filledDate"),
        ({"filledDate": "2026-06-24"}, "krav"),
        ({"filledDate": "2026-06-24", "krav": {"R1": "Ja"}}, "krav is not a list"),
        ({"filledDate": "2026-06-24", "krav": [{"efterlevet": "Ja"}]}, "no id"),
        ({"filledDate": "2026-06-24", "krav": ["R1"]}, "no id"),
    ],
)
def test_parse_of_malformed_data_names_the_problem(data, problem):
    """A file that is not OS2's export is refused with a ValueError saying what is wrong."""
    with pytest.raises(ValueError, match=problem):
        self_assessment.parse(data)


def test_parse_of_an_unreadable_date_is_a_value_error():
    """A filledDate that is not a date is refused as a format error, not a crash."""
    with pytest.raises(ValueError, match="24-06-2026"):
        self_assessment.parse({"filledDate": "24-06-2026", "krav": []})


# ------------------------------------------------------------------------------- judge


def test_level_2_fails_on_its_nej_answers_and_notes_the_recommendation():
    """At level 2, OS2BorgerPC fails on F14, F16, F18 and S4; G8 (a recommendation) is a note;
    the level-3 requirements it answered 'Nej' do not count."""
    verdict = judge()

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.assessment.failing"
    params = verdict.reason.params
    assert ids(params["ids"]) == {"F14", "F16", "F18", "S4"}
    assert params["unanswered"] == "-"
    assert (params["level"], params["filled"], params["version"]) == ("2", "2026-06-24", "1.1.0")
    assert [(n.key, n.params) for n in verdict.notes] == [
        ("reason.assessment.recommendations", {"ids": "G8"})
    ]


def test_level_3_fails_on_every_binding_nej():
    """At level 3 the level-3 requirements answered 'Nej' fail as well."""
    verdict = judge(level="3")

    assert verdict.state is State.NOT_MET
    assert ids(verdict.reason.params["ids"]) == {
        "R4", "F14", "F16", "F18", "F21", "F22", "S4", "S5", "G14",
    }  # fmt: skip
    assert [n.params for n in verdict.notes] == [{"ids": "G8"}]


@pytest.mark.parametrize(("level", "count"), [("sandkasse", 6), ("1", 16)])
def test_lower_levels_are_met(level, count):
    """OS2BorgerPC meets every requirement of the sandbox level and level 1."""
    verdict = judge(level=level)

    assert verdict.state is State.MET
    assert verdict.reason.key == "reason.assessment.ok"
    assert verdict.reason.params["count"] == count
    assert verdict.reason.params["level"] == level
    assert verdict.notes == ()


def test_recommendation_answered_nej_alone_is_met_with_a_note():
    """A recommendation answered 'Nej' warns without failing the check."""
    assessment = self_assessment.parse(all_yes(G8="Nej", F19="Nej"))

    verdict = judge(assessment)

    assert verdict.state is State.MET
    assert [(n.key, ids(n.params["ids"])) for n in verdict.notes] == [
        ("reason.assessment.recommendations", {"F19", "G8"})
    ]


def test_requirement_missing_from_the_export_counts_as_unanswered():
    """A requirement the assessment leaves out fails the check as unanswered."""
    data = all_yes()
    data["krav"] = [entry for entry in data["krav"] if entry["id"] != "F12"]

    verdict = judge(self_assessment.parse(data))

    assert verdict.state is State.NOT_MET
    assert verdict.reason.params["ids"] == "-"
    assert verdict.reason.params["unanswered"] == "F12"


def test_requirement_neither_ja_nor_nej_counts_as_unanswered():
    """An answer other than 'Ja' or 'Nej' fails the check as unanswered."""
    verdict = judge(self_assessment.parse(all_yes(G6="Delvist", R4="")))

    assert verdict.state is State.NOT_MET
    assert verdict.reason.params["unanswered"] == "G6"


def test_unanswered_above_the_level_do_not_count():
    """A level-3 requirement left out does not matter to a level-2 product."""
    data = all_yes()
    data["krav"] = [entry for entry in data["krav"] if entry["id"] != "G14"]

    assert judge(self_assessment.parse(data)).state is State.MET


@pytest.mark.parametrize(
    ("now", "stale", "days"),
    [
        (datetime(2027, 1, 10, 9, tzinfo=UTC), True, 200),
        (datetime(2026, 12, 25, 9, tzinfo=UTC), True, 184),
        (datetime(2026, 12, 24, 9, tzinfo=UTC), False, 183),
        # 23:30 UTC on 24 December is 25 December in Copenhagen: 184 days.
        (datetime(2026, 12, 24, 23, 30, tzinfo=UTC), True, 184),
    ],
)
def test_assessment_older_than_183_days_is_stale(now, stale, days):
    """An assessment more than 183 local days old is stale; one exactly 183 days old is not."""
    verdict = judge(level="sandkasse", now=now)

    if stale:
        assert verdict.state is State.NOT_MET
        assert verdict.reason.key == "reason.assessment.stale"
        assert verdict.reason.params == {"filled": "2026-06-24", "days": days, "window": 183}
    else:
        assert verdict.state is State.MET


def test_product_override_of_the_age_limit_applies():
    """A product allowing a year between assessments is not stale after 200 days."""
    prod = product(
        self_assessment=FILE,
        level="sandkasse",
        overrides={"governancekrav": {"max_age_days": 365}},
    )
    snap = snapshot(now=datetime(2027, 1, 10, 9, tzinfo=UTC), assessments={prod.key: BORGERPC})

    result = judge_check(check("governancekrav"), Context(snap, prod, CATALOGUE))

    assert result.state is State.MET


def test_assessment_that_could_not_be_read_is_unknown():
    """When the assessment file could not be read, the check is unknown, naming file and error."""
    verdict = judge("the field filledDate is missing")

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.assessment.unreadable"
    assert verdict.reason.params == {"error": "the field filledDate is missing", "file": FILE}


def test_assessment_that_was_not_read_is_unknown():
    """A configured assessment missing from the snapshot gives no verdict."""
    verdict = judge(None)

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.assessment.unreadable"


def test_no_self_assessment_configured_is_not_met():
    """A product without a self-assessment has not documented the governance requirements."""
    verdict = judge(self_assessment=None)

    assert verdict.state is State.NOT_MET
    assert verdict.reason.key == "reason.assessment.none"


def test_no_catalogue_is_unknown():
    """Without a requirement catalogue the assessment cannot be judged."""
    verdict = judge(catalogue=None)

    assert verdict.state is State.UNKNOWN
    assert verdict.reason.key == "reason.assessment.no_catalogue"
