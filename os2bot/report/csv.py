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
    """One row per product × check, with its state, reason and evidence keys."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["product", "product_name", "check", "title", "state", "reason", "evidence"])
    titles = {c["id"]: c["title"] for c in document["checks"]}
    for product in document["products"]:
        for cell in product["cells"]:
            row = [
                product["key"],
                product["name"],
                cell["check"],
                titles.get(cell["check"], ""),
                cell["state"],
                cell["reason"],
                " ".join(e["key"] for e in cell["evidence"]),
            ]
            writer.writerow([inert(value) for value in row])
    return out.getvalue()
