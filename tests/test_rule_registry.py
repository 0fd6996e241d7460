# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The registry of evidence kinds: one module and one line make a kind, everything else follows."""

from __future__ import annotations

import subprocess
import sys
from typing import Literal

import pytest
from pydantic import Field, TypeAdapter, ValidationError

from os2bot import rules
from os2bot.config import EVIDENCE_KINDS, Evidence, EvidenceOverride
from os2bot.config.evidence import evidence_union, override_model
from os2bot.domain import Query, State
from os2bot.rules import registry
from os2bot.rules.base import EvidenceModel, Needs, verdict

from builders import PROFILE, check, config, context, product, snapshot

NAMES = [registry.kind_name(kind.MODEL) for kind in registry.KINDS]


class WikiEvidence(EvidenceModel):
    """A made-up kind: pages in a wiki space, as a new kind would add it."""

    kind: Literal["wiki"] = Field(description="Evidence kind.")
    space: str = Field(min_length=1, description="Wiki space.")
    within_days: int | None = Field(default=None, ge=1, description="Newest page this recent.")


def test_every_registered_kind_has_a_model_a_judge_and_needs():
    """Each module in KINDS brings an evidence model named by its `kind`, a judge and its needs,
    and the judges and needs are looked up by that name."""
    for kind, name in zip(registry.KINDS, NAMES, strict=True):
        assert issubclass(kind.MODEL, EvidenceModel), name
        assert registry.JUDGES[name] is kind.judge
        assert registry.NEEDS[name] is kind.needs
        assert registry.MODELS[name] is kind.MODEL

    assert list(registry.JUDGES) == NAMES
    assert list(registry.NEEDS) == NAMES
    assert set(NAMES) == EVIDENCE_KINDS
    assert len(set(NAMES)) == len(NAMES)


def test_the_evidence_union_accepts_exactly_the_registered_kinds():
    """A configuration's evidence may be of any registered kind and of no other."""
    union = TypeAdapter(Evidence)

    with pytest.raises(ValidationError) as caught:
        union.validate_python({"kind": "wiki"})

    error = caught.value.errors()[0]
    assert error["type"] == "union_tag_invalid"
    assert error["ctx"]["expected_tags"] == ", ".join(f"'{name}'" for name in NAMES)
    assert [reached(union, name) for name in NAMES] == NAMES


def reached(union: TypeAdapter, name: str) -> str:
    """The kind that `{kind: name}` is validated as, whether or not it lacks fields."""
    try:
        return union.validate_python({"kind": name}).kind
    except ValidationError as exc:  # the kind's own required fields are missing
        (kind,) = {e["loc"][0] for e in exc.errors()}
        return str(kind)


def test_a_product_may_override_every_parameter_but_a_kinds_identity():
    """The override model offers each registered kind's parameters, not `kind` and not what
    says which evidence it is (a declared fact and its trace)."""
    expected = {
        name
        for model in registry.MODELS.values()
        for name in model.model_fields
        if name != "kind" and name not in model.identity
    }

    assert set(EvidenceOverride.model_fields) == expected
    assert {"fact", "item", "trace"}.isdisjoint(EvidenceOverride.model_fields)
    assert all(f.description for f in EvidenceOverride.model_fields.values())


def test_a_new_kind_model_joins_the_union_and_the_overrides():
    """Given one more model, the union validates its evidence and the override model offers its
    parameters with their bounds: nothing else is written for a new kind's configuration."""
    models = (*registry.MODELS.values(), WikiEvidence)

    wiki = TypeAdapter(evidence_union(models)).validate_python({"kind": "wiki", "space": "MO"})
    override = override_model(models)

    assert wiki == WikiEvidence(kind="wiki", space="MO")
    assert "space" in override.model_fields
    with pytest.raises(ValidationError):
        override.model_validate({"within_days": 0})


def test_kinds_that_disagree_on_a_parameter_type_are_refused():
    """Two kinds whose parameter of the same name differ in type cannot both be registered."""

    class Other(EvidenceModel):
        """A made-up kind whose `space` is a number."""

        kind: Literal["other"] = Field(description="Evidence kind.")
        space: int = Field(description="Space number.")

    with pytest.raises(TypeError, match="'space'"):
        override_model((WikiEvidence, Other))


def test_a_new_kind_is_judged_and_collected_through_the_registry(monkeypatch):
    """A check evidenced by a kind that the registry knows is judged by that kind's judge, and
    collect is asked for what that kind's needs say: `needs()` and `judge_check()` only look
    kinds up."""

    def wiki_needs(evidence, prod, wanted: Needs) -> None:
        wanted.query(Query(condition=f"space = {evidence.space}"), prod.jira.project)

    def wiki_judge(evidence, _ctx):
        return verdict(State.MET, "reason.jql.none", jql=evidence.space)

    monkeypatch.setitem(registry.NEEDS, "wiki", wiki_needs)
    monkeypatch.setitem(registry.JUDGES, "wiki", wiki_judge)
    # model_copy does not validate: the shipped union does not know the made-up kind.
    wiki = check("koordinationsgruppe").model_copy(
        update={"evidence": WikiEvidence(kind="wiki", space="MO"), "also": []}
    )
    profile = PROFILE.model_copy(update={"checks": [wiki]})

    wanted = rules.needs(config(product(), profile=profile))
    result = rules.judge_check(wiki, context(snapshot()))

    assert wanted.queries == {Query(condition="space = MO"): {"TEST"}}
    assert result.state is State.MET
    assert result.reason.params == {"jql": "MO"}


@pytest.mark.parametrize(
    "module", ["os2bot.config", "os2bot.rules", "os2bot.rules.jql", "os2bot.config.terms"]
)
def test_configuration_and_rules_load_whichever_is_imported_first(module):
    """The configuration validates against the kinds and the kinds build on the configuration;
    importing either first, in a fresh interpreter, loads both."""
    code = f"import {module}; from os2bot.config import CheckDef, JqlEvidence; import os2bot.rules"

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)

    assert done.returncode == 0, done.stderr
