# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The service (`os2bot run`) and its runner: schedule, lock, record, alerts, health, metrics.

Only this package and the adapters may import the scheduler (APScheduler) and SDKs.
"""
