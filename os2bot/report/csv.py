# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The compliance report as CSV: one row per product × check, for a spreadsheet."""

from __future__ import annotations

import csv
import io

from os2bot.report.document import ComplianceReport

# A spreadsheet runs a cell that starts like a formula (=HYPERLINK(…) in a Jira summary);
# a quote in front keeps it text.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def inert(value: str) -> str:
    """*value* as a cell a spreadsheet shows and never evaluates."""
    return "'" + value if value.startswith(_FORMULA) else value


def render_compliance_report(document: ComplianceReport) -> str:
    """One row per product × check.

    Its state, reason, since when (ISO 8601), evidence keys, open task and, for a gap, how
    to fix it.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "product",
            "product_name",
            "check",
            "title",
            "group",
            "severity",
            "state",
            "since",
            "reason",
            "fix",
            "evidence",
            "task",
        ]
    )
    checks = {c["id"]: c for c in document["checks"]}
    for product in document["products"]:
        for cell in product["cells"]:
            check = checks.get(cell["check"], {})
            gap = cell["state"] in {"not_met", "unknown"}
            row = [
                product["key"],
                product["name"],
                cell["check"],
                check.get("title", ""),
                check.get("group", ""),
                check.get("severity", ""),
                cell["state"],
                cell["since"] or "",
                cell["reason"],
                check.get("fix", "") if gap else "",
                " ".join(e["key"] for e in cell["evidence"]),
                cell["task"]["key"] if cell["task"] else "",
            ]
            writer.writerow([inert(value) for value in row])
    return out.getvalue()
