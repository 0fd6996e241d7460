# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Run os2bot as ``python -m os2bot``."""

import sys

from os2bot.cli import main

sys.exit(main())
