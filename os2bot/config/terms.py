# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""OS2's vocabulary as value sets: phases, product levels, agreement extensions, funding items.

Shared by the product files, the governance profile and the judges; like `base`, it imports
nothing else of os2bot's configuration.
"""

from __future__ import annotations

from typing import Literal

Phase = Literal["tilsagn", "tilslutning", "drift"]
PHASES: tuple[Phase, ...] = ("tilsagn", "tilslutning", "drift")
Level = Literal["sandkasse", "1", "2", "3"]
LEVELS: tuple[Level, ...] = ("sandkasse", "1", "2", "3")
Extension = Literal["videreudvikling", "faelles_drift"]
SupplierPhase = Literal[
    "udvikling", "implementering", "raadgivning", "projektledelse", "faellesskab"
]
SUPPLIER_PHASES: tuple[SupplierPhase, ...] = (
    "udvikling",
    "implementering",
    "raadgivning",
    "projektledelse",
    "faellesskab",
)
FundingItem = Literal[
    # the six the agreement must fund at minimum
    "vedligehold",
    "governancekrav",
    "koordinationsgruppe",
    "videndeling",
    "leverandoerdialog",
    "promovering",
    # the extension for continuous further development
    "prioritering",
    "bestilling",
    "arkitektur",
    # joint operations
    "driftsaftale",
    "release",
    "leverandoerstyring",
]
