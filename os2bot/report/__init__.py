# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Reports of check results: two documents (document.py), one renderer per format.

- `document`: `RunResults` (one run, for `os2bot check`) and the compliance report (the run
  history, for `os2bot report`), each built once from check results.
- `terminal`: the matrix, legend, gaps, one product in detail, Jira calls and the plan.
- `markdown`, `json`: both documents; `html`, `csv`: the compliance report.
- `output`: printing a run's results in the chosen format, writing the compliance report.
"""
