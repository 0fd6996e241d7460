# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""English texts."""

TEXTS: dict[str, str] = {
    # Configuration errors
    "config.no_main_file": "the configuration directory has no {file}",
    "config.no_products": "there are no product files (*.yaml) in the directory",
    "config.duplicate": "'{value}' is already used in another file",
    "config.duplicate_in": "'{value}' is already used in {other}",
    "config.unknown_profile": "governance profile '{value}' does not exist (known: {known})",
    "config.unknown_check": "check '{value}' does not exist in the profile (known: {known})",
    "config.unknown_catalogue": "requirement catalogue '{value}' does not exist (known: {known})",
    "config.unknown_param": "'{value}' is not a parameter of check {check}'s evidence "
    "(known: {known})",
    "config.no_file": "the file '{value}' does not exist (paths are relative to the "
    "configuration directory)",
    "config.not_utf8": "the file is not saved as UTF-8",
    "config.yaml_syntax": "YAML error at line {line}, column {column}: {problem}",
    "config.not_mapping": "the file must hold a YAML mapping (key: value) at the top",
    "pydantic.missing": "the field is missing",
    "pydantic.extra_forbidden": "unknown field (a typo?)",
    "pydantic.string_type": "must be text, not {input}",
    "pydantic.string_too_short": "must not be empty",
    "pydantic.string_pattern_mismatch": "'{input}' does not have the expected form ({pattern})",
    "pydantic.int_type": "must be a whole number, not {input}",
    "pydantic.int_parsing": "must be a whole number, not '{input}'",
    "pydantic.int_from_float": "must be a whole number, not {input}",
    "pydantic.bool_type": "must be true or false, not {input}",
    "pydantic.bool_parsing": "must be true or false, not '{input}'",
    "pydantic.literal_error": "'{input}' is not allowed; choose one of {expected}",
    "pydantic.greater_than_equal": "must be at least {ge}, not {input}",
    "pydantic.less_than_equal": "must be at most {le}, not {input}",
    "pydantic.too_short": "must have at least {min_length} item(s)",
    "pydantic.list_type": "must be a list, not {input}",
    "pydantic.dict_type": "must be a mapping (key: value), not {input}",
    "pydantic.model_type": "must be a mapping (key: value), not {input}",
    "pydantic.model_attributes_type": "must be a mapping (key: value), not {input}",
    "pydantic.value_error": "invalid value: {detail}",
    "pydantic.other": "invalid value: {detail}",
    # CLI
    "cli.config_invalid": "The configuration cannot be used:",
    "cli.config_ok": "The configuration is valid: {products} product(s), {checks} checks, "
    "profile(s): {profiles}.",
    "cli.missing_secret": "The environment variable {name} is missing "
    "(secrets are read from the environment only).",
    "cli.unknown_product": "There is no product '{value}' in the configuration (known: {known}).",
    "cli.busy": "Another os2bot run is in progress (the lock {lock} is held). Try again later.",
    "cli.service_started": "os2bot is running; /healthz and /metrics on port {port}. "
    "Stop with SIGTERM.",
    "cli.bad_environment": "The environment variable {name} is invalid: {detail}",
    "cli.bad_since": "--since '{value}' is not a date; write it as YYYY-MM-DD.",
    "demo.edited": "edited",
    "cli.jira_unreachable": "Jira cannot be reached: {error}",
    "cli.chat_unreachable": "Chat cannot be reached: {error}",
    # Check states
    "state.met": "met",
    "state.not_met": "not met",
    "state.unknown": "unknown",
    "state.not_applicable": "not applicable",
    "state.waived": "waived",
    # Evidence and reasons
    "reason.jql.met": "Newest: {key} «{summary}» ({date}, {days} days ago); {count} in all.",
    "reason.jql.too_old": "The newest is {key} «{summary}» of {date}, {days} days ago — "
    "more than {window} days.",
    "reason.jql.found": "Found in Jira: {key} «{summary}»; {count} in all.",
    "reason.jql.none": "No issues in Jira match ({jql}).",
    "reason.jql.too_few": "Only {count} issue(s) match; at least {min_count} are needed.",
    "reason.jql.no_date": "None of the matching issues has a date in the field {field}.",
    "reason.project_unreadable": "The Jira project {project} does not exist or cannot be read.",
    "reason.query_failed": "The Jira search failed: {error}",
    "reason.not_applicable.phase": "Does not apply in the {phase} phase.",
    "reason.not_applicable.extension": "Applies only when the agreement has the {extension} "
    "extension.",
    "reason.waived": "Waived by {approver} until {expires}: {reason}",
    "reason.waiver_expired": "The waiver from {approver} expired on {expires} and no longer "
    "counts.",
    "reason.declared.no_group": "The product file names no {group}.",
    "reason.declared.no_lead": "The product file names no chair of the {group}.",
    "reason.declared.no_members": "The product file names no members of the {group}.",
    "reason.declared.group": "Declared: a {group} chaired by {lead} with {members} member(s).",
    "reason.declared.need_missing": "The product file does not state that the need is mapped.",
    "reason.declared.need": "Declared: the need is mapped (document: {document}).",
    "reason.declared.no_suppliers": "The product file names no suppliers.",
    "reason.declared.phases_missing": "No supplier covers: {phases}.",
    "reason.declared.suppliers": "Declared: all five phases are covered ({suppliers}).",
    "reason.declared.no_agreement": "The product file has no signed affiliation agreement.",
    "reason.declared.not_funded": "The affiliation agreement does not fund {item}.",
    "reason.declared.funded": "Declared: the agreement (signed {signed}) funds {item}.",
    "reason.declared.no_trace": "Declared in the product file, but Jira holds no trace of it "
    "({jql}).",
    "reason.declared.fee_unpaid": "The affiliation fee is unpaid by: {authorities}.",
    "reason.declared.fee_paid": "All {count} new authorities have paid the affiliation fee.",
    "reason.activity.idle": "No issue in the project was updated in the last {days} days.",
    "reason.activity.recent": "{count} issue(s) updated in the last {days} days; the newest "
    "{key} ({date}).",
    "reason.activity.no_board": "The project has no board in Jira.",
    "reason.activity.wrong_board": "Board {board} is not the project's (its boards: {boards}).",
    "reason.activity.board": "Board(s): {boards}.",
    "reason.activity.boards_unreadable": "Jira's boards could not be read: {error}",
    "reason.versions.overdue": "Version(s) past their release date: {versions}.",
    "reason.versions.none_released": "No version has been released.",
    "reason.versions.too_old": "The newest released version is {version} of {date}, {days} "
    "days ago — more than {window} days.",
    "reason.versions.ok": "Newest released version: {version} ({date}); none of {count} overdue.",
    "reason.versions.ok_none": "None of {count} versions overdue.",
    "reason.assessment.none": "There is no self-assessment for the product.",
    "reason.assessment.unreadable": "The self-assessment {file} cannot be read: {error}",
    "reason.assessment.no_catalogue": "The profile names no requirement catalogue.",
    "reason.assessment.stale": "The self-assessment is of {filled}, {days} days ago — older "
    "than {window} days.",
    "reason.assessment.failing": "Answered 'Nej' up to level {level}: {ids}; unanswered: "
    "{unanswered} (self-assessment {filled}, catalogue {version}).",
    "reason.assessment.ok": "All {count} requirements up to level {level} are met "
    "(self-assessment {filled}, catalogue {version}).",
    "reason.assessment.recommendations": "Recommendations answered 'Nej': {ids}.",
    "term.steering_group": "steering group",
    "term.coordination_group": "coordination group",
    "term.udvikling": "development",
    "term.implementering": "implementation",
    "term.raadgivning": "consulting",
    "term.projektledelse": "project management",
    "term.faellesskab": "community interplay",
    "term.vedligehold": "maintenance of the shared codebase",
    "term.governancekrav": "compliance with OS2's governance requirements",
    "term.koordinationsgruppe": "the coordination group's work",
    "term.videndeling": "knowledge sharing, meetings and workshops",
    "term.leverandoerdialog": "supplier dialogue",
    "term.promovering": "promotion of the product",
    "term.prioritering": "coordinating and prioritising development requests",
    "term.bestilling": "ordering and managing development tasks",
    "term.arkitektur": "architecture management and governance of the codebase",
    "term.driftsaftale": "operations agreement and any SLA",
    "term.release": "release and deployment management",
    "term.leverandoerstyring": "supplier management",
    "term.videreudvikling": "further development",
    "term.faelles_drift": "joint operations",
    "term.tilsagn": "pledge (tilsagn)",
    "term.tilslutning": "affiliation (tilslutning)",
    "term.drift": "operations (drift)",
    "reason.rule_failed": "The check could not be carried out: {error}",
    # Tasks the bot opens
    "task.reminder.summary": "{product}: {check} is not met",
    "task.reminder.description": (
        "os2bot has judged the prerequisite *{check}* for {product} to be *not met*.\n\n"
        "h3. Why\n{reason}\n\n"
        "h3. How to fix it\n{fix}\n\n"
        "h3. Source\n{source}\n\n"
        "----\n"
        "This task was opened by os2bot and is resolved automatically when the prerequisite "
        "is met. Owner: {owner}."
    ),
    "task.round.summary": "Prioritising development requests – {period}",
    "task.round.description": (
        "The coordination group of {product} prioritises development requests at its meeting "
        "on {date}.\n\n"
        "h3. Requests to prioritise ({count})\n"
        "Sorted by votes and age. Before ordering, points 1–5 of OS2's \"task "
        'qualification" must be filled in.\n{requests}\n\n'
        "----\nos2bot keeps this list up to date until the meeting. Resolve the task when "
        "the priorities are decided."
    ),
    "task.round.line": "# [{key}|{url}] {summary} — {votes} vote(s), created {created} — {state}",
    "task.round.ready": "ready to order",
    "task.round.missing": "missing: {points}",
    "task.round.no_requests": "No development requests are waiting for prioritisation.",
    "point.title": "1 title",
    "point.description": "2 description",
    "point.user_story": "3 user story",
    "point.acceptance": "4 acceptance criteria",
    "point.documentation": "5 documentation requirements",
    "triage.missing": (
        "*os2bot* – task qualification\n\n"
        'Before development is ordered, points 1–5 of OS2\'s "task qualification" must be '
        "filled in. Missing:\n{points}\n\n"
        "See https://faq.os2.eu/kvalificering-af-opgaver-i-jira. This comment is updated when "
        "the issue changes."
    ),
    "triage.complete": (
        "*os2bot* – task qualification\n\n"
        'Points 1–5 of OS2\'s "task qualification" are now filled in: the request can be '
        "prioritised and ordered.{points}"
    ),
    "task.release.summary": "Release {version} – release and deployment management",
    "task.release.description": (
        "Version {version} of {product} is due for release on {date}.\n\n"
        "h3. Checklist\n{checklist}\n\n"
        "h3. Unresolved issues in the version\n{issues}\n\n"
        "----\nOpened by os2bot following OS2's release flow. It is resolved when the version "
        "is marked released in Jira."
    ),
    "task.release.no_issues": "No unresolved issues.",
    "task.release.overdue": "os2bot: Version {version} was due for release on {date} and is "
    "late. Agree a new date, or release the version.",
    "task.release.released": "os2bot: Version {version} is released ({date}). Resolving this task.",
    "release.step.review": "Code review done",
    "release.step.tested": "Tested against the acceptance criteria",
    "release.step.tag": "Tag created",
    "release.step.notes": "Release notes written",
    "release.step.docs": "User and implementation documentation updated",
    "release.step.informed": "Member authorities informed",
    "release.step.deployment_window": "Deployment window agreed with the supplier",
    "task.fee.summary": "Invoice the affiliation fee: {authority} – {product}",
    "task.fee.description": (
        "{authority} has joined {product} (from {joined}) and has paid neither for the "
        "development nor the affiliation fee.\n\nInvoice the one-off fee and mark the "
        "authority as paid (fee_paid) in the product file. os2bot then resolves this task."
    ),
    "task.fee.paid": "os2bot: {authority} has paid the affiliation fee. Resolving this task.",
    "task.expiry.summary": "The affiliation agreement of {product} expires on {date} ({days} "
    "days' notice)",
    "task.expiry.description": (
        "The affiliation agreement of {product} expires on {date}. Agree its renewal with the "
        "steering group and update the expiry date in the product file."
    ),
    "plan.deferred": "The write budget ({budget}) is used up: {count} action(s) wait for the "
    "next run.",
    "task.resolved.comment": "os2bot: {check} is now met. {reason} Resolving this task.",
    "owner.steering_group": "the steering group",
    "owner.coordination_group": "the coordination group",
    "owner.secretariat": "the secretariat",
    # Chat
    "chat.omitted": "… {count} more line(s) left out here (the message's length limit).",
    "chat.event.opened": "New task from os2bot for {product}",
    "chat.event.overdue": "Late release in {product}",
    "chat.event.failing": "{product}: {check} is no longer met",
    "chat.event.cleared": "{product}: {check} is met again",
    "chat.event.round": "{product}: prioritisation meeting {date} (in {days} days)",
    "chat.event.round_requests": "{count} development request(s) wait for prioritisation.",
    "chat.event.batch": "News from os2bot ({count})",
    "chat.symbol.met": "✅",
    "chat.symbol.not_met": "❌",
    "chat.symbol.unknown": "❔",
    "chat.symbol.waived": "🟡",
    "chat.digest.title": "Weekly view of the OS2 portfolio – week {week}, {year}",
    "chat.digest.change": "{before} → {after}",
    "chat.digest.first": "First digest: changes are shown from next week.",
    "chat.digest.no_changes": "No changes since the last digest.",
    "chat.digest.at_risk": "Most at risk: {products}",
    "chat.digest.risk": "{product} ({failing} not met, {high} of them serious; {unknown} unknown)",
    "chat.digest.no_risk": "none",
    "chat.digest.report": "The full report",
    "chat.digest.footer": "{products} products · os2bot",
    "chat.alert.failing": "os2bot is failing: {count} runs in a row did not succeed",
    "chat.alert.failing_text": "First failure {since}. Latest error: {error}",
    "chat.alert.recovered": "os2bot runs again",
    "chat.alert.recovered_text": "The run succeeded after {count} failed in a row.",
    "chat.status.title": "{product} — affiliation agreement status",
    "chat.status.tasks": "Open tasks from os2bot",
    "chat.status.no_tasks": "No open tasks from os2bot.",
    "chat.status.footer": "Updated {when} by os2bot · profile {profile} {version}",
    # Plan and demo output
    "action.create": "create",
    "action.update": "update",
    "action.comment": "comment",
    "action.edit_comment": "edit comment",
    "action.resolve": "resolve",
    "plan.none": "No changes: everything is as it should be.",
    "demo.title": "os2bot demo — sandbox at {url} ({deployment})",
    "demo.run": "Run {number}",
    "demo.results": "Results",
    "demo.tasks_opened": "Tasks opened in Jira",
    "demo.no_tasks_opened": "No new tasks.",
    "demo.chat": "Chat messages",
    "demo.no_chat": "No new chat messages (status unchanged).",
    "demo.summary": "{tasks} task(s) opened, {messages} chat message(s) sent, {calls} Jira calls.",
    "demo.idempotent": "The second run opened nothing new: os2bot is idempotent.",
    "demo.not_idempotent": "ERROR: the second run opened {tasks} task(s) again.",
    "dashboard.summary": "OS2 portfolio: compliance with the affiliation agreements (os2bot)",
    "dashboard.intro": "Kept current by os2bot after every run. Do not edit the text: it is "
    "overwritten. The full report: os2bot report.",
    "dashboard.changes": "Changed since the last run",
    "dashboard.change": "{product} · {check}: {before} → {after}",
    "dashboard.no_changes": "No changes.",
    "dashboard.gaps": "Not met ({count})",
    "dashboard.no_gaps": "Everything is met or waived.",
    "dashboard.matrix": "Every product and check",
    "dashboard.legend": "(/) met · (x) not met · (?) unknown · ≈ waived · - not applicable",
    "dashboard.cut": "_(The rest is left out: Jira's limit on a description's length. See the "
    "full report.)_",
    "report.title": "Compliance with the affiliation agreements – the OS2 portfolio",
    "report.note.no_history": "No history yet: the report is drawn from the current run.",
    "report.note.one_run": "Only one run in the history: trends show from the next run.",
    "report.no_result": "No result in the latest run.",
    "report.changes": "Changes in the period",
    "report.no_changes": "No changes in the period.",
    "report.generated": "Made {when} (UTC) by os2bot from {runs} run(s).",
    "report.matrix": "Products and checks",
    "report.matrix_caption": "Every check for every product; hovering over a cell shows the "
    "reason.",
    "report.trend": "Trend",
    "report.trend_label": "Share of checks met across the portfolio, per run",
    "report.trend_product": "Share of checks met for {product}, per run",
    "report.level": "Level",
    "report.phase": "Phase",
    "report.agreement": "Affiliation agreement",
    "report.agreement_value": "signed {signed}, expires {expires}",
    "report.no_agreement": "none",
    "report.last_sg": "Last steering group meeting",
    "report.last_kg": "Last coordination group meeting",
    "report.next_round": "Next prioritisation round",
    "report.waivers": "Waivers",
    "report.until": "until",
    "report.expired": "expired",
    "report.written": "The report is written: {path}",
    "report.product_header": "{name} ({project}) — phase: {phase}, level {level}",
    "report.checks_count": "{count} checks ({checks})",
    "report.check": "Check",
    "report.gaps": "Not met or unknown",
    "report.calls": "Jira calls in all: {total}",
    "summary.budget_left": "Write budget: {used} of {budget} used.",
}
