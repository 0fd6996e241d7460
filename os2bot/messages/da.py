# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Danske tekster (standardsproget)."""

TEXTS: dict[str, str] = {
    # Configuration errors
    "config.no_main_file": "konfigurationsmappen mangler filen {file}",
    "config.no_products": "der er ingen produktfiler (*.yaml) i mappen",
    "config.duplicate": "'{value}' er allerede brugt i en anden fil",
    "config.duplicate_in": "'{value}' er allerede brugt i {other}",
    "config.unknown_profile": "governanceprofilen '{value}' findes ikke (kendte: {known})",
    "config.unknown_check": "tjekket '{value}' findes ikke i profilen (kendte: {known})",
    "config.not_utf8": "filen er ikke gemt som UTF-8",
    "config.yaml_syntax": "YAML-fejl i linje {line}, kolonne {column}: {problem}",
    "config.not_mapping": "filen skal indeholde en YAML-mapping (nøgle: værdi) øverst",
    "pydantic.missing": "feltet mangler",
    "pydantic.extra_forbidden": "ukendt felt (stavefejl?)",
    "pydantic.string_type": "skal være tekst, ikke {input}",
    "pydantic.string_too_short": "må ikke være tom",
    "pydantic.string_pattern_mismatch": "'{input}' har ikke den forventede form ({pattern})",
    "pydantic.int_type": "skal være et heltal, ikke {input}",
    "pydantic.int_parsing": "skal være et heltal, ikke '{input}'",
    "pydantic.int_from_float": "skal være et heltal, ikke {input}",
    "pydantic.bool_type": "skal være true eller false, ikke {input}",
    "pydantic.bool_parsing": "skal være true eller false, ikke '{input}'",
    "pydantic.literal_error": "'{input}' er ikke tilladt; vælg en af {expected}",
    "pydantic.greater_than_equal": "skal være mindst {ge}, ikke {input}",
    "pydantic.less_than_equal": "må højst være {le}, ikke {input}",
    "pydantic.too_short": "skal have mindst {min_length} element(er)",
    "pydantic.list_type": "skal være en liste, ikke {input}",
    "pydantic.dict_type": "skal være en mapping (nøgle: værdi), ikke {input}",
    "pydantic.model_type": "skal være en mapping (nøgle: værdi), ikke {input}",
    "pydantic.model_attributes_type": "skal være en mapping (nøgle: værdi), ikke {input}",
    "pydantic.value_error": "ugyldig værdi: {detail}",
    "pydantic.other": "ugyldig værdi: {detail}",
    # CLI
    "cli.config_invalid": "Konfigurationen kan ikke bruges:",
    "cli.config_ok": "Konfigurationen er i orden: {products} produkt(er), {checks} tjek, "
    "profil(er): {profiles}.",
    "cli.missing_secret": "Miljøvariablen {name} mangler (hemmeligheder læses kun fra miljøet).",
    "cli.jira_unreachable": "Jira kan ikke nås: {error}",
    "cli.chat_unreachable": "Chatten kan ikke nås: {error}",
    # Check states
    "state.met": "opfyldt",
    "state.not_met": "ikke opfyldt",
    "state.unknown": "ukendt",
    "state.not_applicable": "gælder ikke",
    "state.waived": "dispenseret",
    # Evidence and reasons
    "reason.jql.met": "Seneste: {key} «{summary}» ({date}, {days} dage siden); {count} i alt.",
    "reason.jql.too_old": "Seneste er {key} «{summary}» fra {date}, {days} dage siden — "
    "mere end {window} dage.",
    "reason.jql.none": "Ingen sager i Jira matcher ({jql}).",
    "reason.jql.too_few": "Kun {count} sag(er) matcher; der skal være mindst {min_count}.",
    "reason.jql.no_date": "Ingen af de matchende sager har en dato i feltet {field}.",
    "reason.project_unreadable": "Jira-projektet {project} findes ikke eller kan ikke læses.",
    "reason.query_failed": "Jira-søgningen fejlede: {error}",
    "reason.rule_failed": "Tjekket kunne ikke gennemføres: {error}",
    # Tasks the bot opens
    "task.reminder.summary": "{product}: {check} er ikke opfyldt",
    "task.reminder.description": (
        "os2bot har vurderet forudsætningen *{check}* for {product} "
        "som *ikke opfyldt*.\n\n"
        "h3. Hvorfor\n{reason}\n\n"
        "h3. Sådan løses det\n{fix}\n\n"
        "h3. Kilde\n{source}\n\n"
        "----\n"
        "Opgaven er oprettet af os2bot og lukkes automatisk, når forudsætningen er opfyldt. "
        "Ansvarlig: {owner}."
    ),
    "task.resolved.comment": "os2bot: {check} er nu opfyldt. {reason} Opgaven lukkes.",
    "owner.steering_group": "styregruppen",
    "owner.coordination_group": "koordinationsgruppen",
    "owner.secretariat": "sekretariatet",
    # Chat
    "chat.status.title": "{product} — status for tilslutningsaftalen",
    "chat.status.tasks": "Åbne opgaver fra os2bot",
    "chat.status.no_tasks": "Ingen åbne opgaver fra os2bot.",
    "chat.status.footer": "Opdateret {when} af os2bot · profil {profile} {version}",
    # Plan and demo output
    "action.create": "opret",
    "action.update": "opdatér",
    "action.comment": "kommentér",
    "action.resolve": "luk",
    "plan.none": "Ingen ændringer: alt er, som det skal være.",
    "demo.title": "os2bot demo — sandkasse på {url} ({deployment})",
    "demo.run": "Kørsel {number}",
    "demo.results": "Resultater",
    "demo.tasks_opened": "Opgaver oprettet i Jira",
    "demo.no_tasks_opened": "Ingen nye opgaver.",
    "demo.chat": "Chatbeskeder",
    "demo.no_chat": "Ingen nye chatbeskeder (status er uændret).",
    "demo.summary": "{tasks} opgave(r) oprettet, {messages} chatbesked(er) sendt, "
    "{calls} Jira-kald.",
    "demo.idempotent": "Anden kørsel oprettede intet nyt: os2bot er idempotent.",
    "demo.not_idempotent": "FEJL: anden kørsel oprettede {tasks} opgave(r) igen.",
    "summary.budget_left": "Skrivebudget: {used} af {budget} brugt.",
}
