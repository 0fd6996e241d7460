# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""os2bot: the governance bot for OS2 products."""

__version__ = "0.1.0"
