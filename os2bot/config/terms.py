# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""OS2's vocabulary as value sets: phases, product levels, agreement extensions, funding items.

Shared by the product files, the governance profile and the judges; like `base`, it imports
nothing else of os2bot's configuration.
"""

from __future__ import annotations

from typing import Literal, get_args

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
    # the six the agreement must fund at minimum (MINIMUM_FUNDING)
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
FUNDING_ITEMS: tuple[FundingItem, ...] = get_args(FundingItem)
# What every agreement funds at minimum, no extension needed (the profile's funding checks).
MINIMUM_FUNDING: tuple[FundingItem, ...] = (
    "vedligehold",
    "governancekrav",
    "koordinationsgruppe",
    "videndeling",
    "leverandoerdialog",
    "promovering",
)

# OS2's points of "kvalificering af opgaver" that a GitHub issue form's headings may carry
# (point 1, the title, is the issue's own title).
ReadinessPoint = Literal["description", "user_story", "acceptance", "documentation"]

# A GitHub repository, owner/name: GitHub's own limits on user, organisation and repository
# names (39 characters of letters, digits and hyphens; 100 of letters, digits, . _ -).
REPO_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$"
# GitHub's label names hold at most 50 characters.
GITHUB_LABEL_MAX = 50
