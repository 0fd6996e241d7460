# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""How a check is evidenced, and what a product may override, drawn from the kinds' registry.

Any of the kinds registered in `os2bot.rules.registry` may evidence a check, and a product
may override their parameters for itself; both are drawn from the registry, so a new kind
needs nothing here. Importing this module
imports the kind modules, which take from the configuration only its leaf modules `base`
and `terms`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, Union

from pydantic import Field, create_model
from pydantic.fields import FieldInfo

from os2bot.config.base import Model
from os2bot.rules.activity import ActivityEvidence
from os2bot.rules.base import EvidenceModel
from os2bot.rules.declared import DeclaredEvidence, Fact
from os2bot.rules.git import GitEvidence
from os2bot.rules.jql import DateField, GitHubCondition, JqlEvidence
from os2bot.rules.registry import MODELS
from os2bot.rules.self_assessment import SelfAssessmentEvidence
from os2bot.rules.versions import VersionsEvidence

__all__ = [
    "EVIDENCE_KINDS",
    "MODELS",
    "ActivityEvidence",
    "DateField",
    "DeclaredEvidence",
    "Evidence",
    "EvidenceModel",
    "EvidenceOverride",
    "Fact",
    "GitEvidence",
    "GitHubCondition",
    "JqlEvidence",
    "SelfAssessmentEvidence",
    "VersionsEvidence",
    "evidence_union",
    "override_model",
]

EVIDENCE_KINDS = frozenset(MODELS)


def evidence_union(models: tuple[type[EvidenceModel], ...]) -> Any:
    """A field type that accepts any of *models*, told apart by `kind`."""
    return Annotated[Union[models], Field(discriminator="kind")]  # noqa: UP007 - built at run time


def override_model(models: tuple[type[EvidenceModel], ...]) -> type[Model]:
    """A model of every parameter of *models* a product may override, each optional.

    A parameter keeps its kind's type and bounds; kinds that share a parameter name must
    agree on its type. `kind` and each kind's `identity` are not parameters.
    """
    fields: dict[str, Any] = {}
    for model in models:
        for name, info in model.model_fields.items():
            if name == "kind" or name in model.identity:
                continue
            optional: Any = Union[info.annotation, None]  # noqa: UP007 - built at run time
            if name in fields:
                if fields[name][0] != optional:
                    raise TypeError(f"evidence kinds disagree on the type of parameter {name!r}")
                continue
            replacement = FieldInfo.merge_field_infos(
                info, default=None, description=f"Instead of the profile's: {info.description}"
            )
            replacement.annotation = optional
            fields[name] = (optional, replacement)
    return create_model(
        "EvidenceOverride",
        __base__=Model,
        __module__=__name__,
        __doc__="Per-product changes to a check's evidence parameters.",
        **fields,
    )


if TYPE_CHECKING:
    # What a type checker can know of a union drawn from a registry: some kind of evidence.
    Evidence: TypeAlias = EvidenceModel
    EvidenceOverride: TypeAlias = Model
else:
    Evidence = evidence_union(tuple(MODELS.values()))
    EvidenceOverride = override_model(tuple(MODELS.values()))
