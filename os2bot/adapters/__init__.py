# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Adapters: the only modules that import jira, slack_sdk or zulip."""
