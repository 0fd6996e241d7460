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
    "reason.jql.none": "No issues in Jira match ({jql}).",
    "reason.jql.too_few": "Only {count} issue(s) match; at least {min_count} are needed.",
    "reason.jql.no_date": "None of the matching issues has a date in the field {field}.",
    "reason.project_unreadable": "The Jira project {project} does not exist or cannot be read.",
    "reason.query_failed": "The Jira search failed: {error}",
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
    "task.resolved.comment": "os2bot: {check} is now met. {reason} Resolving this task.",
    "owner.steering_group": "the steering group",
    "owner.coordination_group": "the coordination group",
    "owner.secretariat": "the secretariat",
    # Chat
    "chat.status.title": "{product} — affiliation agreement status",
    "chat.status.tasks": "Open tasks from os2bot",
    "chat.status.no_tasks": "No open tasks from os2bot.",
    "chat.status.footer": "Updated {when} by os2bot · profile {profile} {version}",
    # Plan and demo output
    "action.create": "create",
    "action.update": "update",
    "action.comment": "comment",
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
    "summary.budget_left": "Write budget: {used} of {budget} used.",
}
