# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""A loopback fake of the parts of Jira (Cloud and Data Center) and Slack that os2bot uses."""

from os2bot.sandbox.faults import Fault
from os2bot.sandbox.server import Sandbox

__all__ = ["Fault", "Sandbox"]
