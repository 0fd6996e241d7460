# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The evidence kinds, listed once in `KINDS`.

The configuration's evidence union, the overridable parameters, the judges and what collect
must read are all drawn from it.

A new kind is one module in `os2bot/rules/` — its evidence model (`MODEL`, a subclass of
`EvidenceModel` with `kind: Literal["<name>"]`), `judge(evidence, ctx) -> Verdict` and
`needs(evidence, product, wanted) -> None` — and one entry in `KINDS` below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, get_args

from os2bot.rules import activity, declared, git, jql, self_assessment, support, versions
from os2bot.rules.base import Context, EvidenceModel, Needs, Verdict

if TYPE_CHECKING:
    from os2bot.config import Product


class Kind(Protocol):
    """What the module of one evidence kind provides."""

    @property
    def MODEL(self) -> type[EvidenceModel]:  # noqa: N802 - a module constant, seen as a protocol
        """The evidence model, with `kind: Literal["<name>"]`."""

    def judge(self, evidence: Any, ctx: Context, /) -> Verdict:
        """What this piece of evidence says for the product in *ctx*."""

    def needs(self, evidence: Any, product: Product, wanted: Needs, /) -> None:
        """Add to *wanted* what collect must read to judge *evidence* for *product*."""


KINDS: tuple[Kind, ...] = (jql, declared, activity, versions, git, self_assessment, support)


def kind_name(model: type[EvidenceModel]) -> str:
    """The name a configuration file gives the kind: the value of its model's `kind`."""
    (name,) = get_args(model.model_fields["kind"].annotation)
    return str(name)


MODELS: dict[str, type[EvidenceModel]] = {kind_name(k.MODEL): k.MODEL for k in KINDS}
JUDGES: dict[str, Callable[[Any, Context], Verdict]] = {kind_name(k.MODEL): k.judge for k in KINDS}
NEEDS: dict[str, Callable[[Any, Product, Needs], None]] = {
    kind_name(k.MODEL): k.needs for k in KINDS
}
