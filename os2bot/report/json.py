# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The documents as JSON: a run's results, and the compliance report (its own schema)."""

from __future__ import annotations

import json
from typing import Any

from os2bot.report.document import ComplianceReport, RunResults


def render_run_results(document: RunResults) -> str:
    """The run's results with their evidence, per product that has any, and the Jira calls."""
    data: dict[str, Any] = {
        "generated": document.generated.isoformat(),
        "language": document.language,
        "profiles": document.profiles,
        "products": [
            {
                "key": product.key,
                "name": product.name,
                "jira_project": product.jira_project,
                "phase": product.phase,
                "level": product.level,
                "results": [
                    {
                        "check": line.check,
                        "title": line.title,
                        "category": line.category,
                        "severity": line.severity,
                        "state": line.state.value,
                        "reason": line.reason,
                        "notes": list(line.notes),
                        "evidence": [
                            {"key": e.key, "url": e.url, "summary": e.summary}
                            for e in line.evidence
                        ],
                    }
                    for line in product.results
                ],
            }
            for product in document.products
            if product.results
        ],
        "jira_calls": document.jira_calls,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_compliance_report(document: ComplianceReport) -> str:
    """The document itself, as docs/report.schema.json describes it."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
