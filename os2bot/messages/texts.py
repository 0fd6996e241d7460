# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Every text a user reads, Danish (the default) and English side by side under one key.

The syntax of plural and other choices is in `os2bot.messages.table`. The table is checked when
this module is imported: a missing language or languages that fill in different values fail then.
"""

from os2bot.messages.table import T, build

TEXTS: dict[str, T] = build(
    {
        # Configuration errors
        "config.no_main_file": T(
            da="konfigurationsmappen mangler filen {file}",
            en="the configuration directory has no {file}",
        ),
        "config.no_products": T(
            da="der er ingen produktfiler (*.yaml) i mappen; skriv den første med "
            "os2bot product new NØGLE --jira PROJEKT",
            en="there are no product files (*.yaml) in the directory; write the first with "
            "os2bot product new KEY --jira PROJECT",
        ),
        "config.duplicate": T(
            da="'{value}' er allerede brugt i en anden fil",
            en="'{value}' is already used in another file",
        ),
        "config.duplicate_in": T(
            da="'{value}' er allerede brugt i {other}",
            en="'{value}' is already used in {other}",
        ),
        "config.unknown_profile": T(
            da="governanceprofilen '{value}' findes ikke (kendte: {known})",
            en="governance profile '{value}' does not exist (known: {known})",
        ),
        "config.unknown_check": T(
            da="tjekket '{value}' findes ikke i profilen (kendte: {known})",
            en="check '{value}' does not exist in the profile (known: {known})",
        ),
        "config.unknown_catalogue": T(
            da="kravkataloget '{value}' findes ikke (kendte: {known})",
            en="requirement catalogue '{value}' does not exist (known: {known})",
        ),
        "config.unknown_param": T(
            da="'{value}' er ikke en parameter i evidensen for tjekket {check} (kendte: {known})",
            en="'{value}' is not a parameter of check {check}'s evidence (known: {known})",
        ),
        "config.no_repository": T(
            da="der er intet repository: angiv repo (owner/navn) her eller github.repo i "
            "produktfilen",
            en="no repository: give repo (owner/name) here or github.repo in the product file",
        ),
        "config.no_file": T(
            da="filen '{value}' findes ikke (stien regnes fra konfigurationsmappen)",
            en="the file '{value}' does not exist (paths are relative to the configuration "
            "directory)",
        ),
        "config.yaml_duplicate_key": T(
            da="nøglen '{key}' står to gange (linje {first} og linje {line}); skriv den én gang",
            en="the key '{key}' is written twice (line {first} and line {line}); write it once",
        ),
        "config.yaml_too_deep": T(
            da="YAML'en er indlejret mere end {limit} niveauer dybt",
            en="the YAML is nested more than {limit} levels deep",
        ),
        "config.yaml_too_many_values": T(
            da="YAML'en folder sig ud til mere end {limit} værdier (gentagne ankre og aliaser)",
            en="the YAML expands to more than {limit} values (repeated anchors and aliases)",
        ),
        "config.yaml_too_large": T(
            da="filen er større end {limit} byte; en konfigurationsfil er på få kilobyte",
            en="the file is larger than {limit} bytes; a configuration file is a few kilobytes",
        ),
        "config.path_outside": T(
            da="'{value}' ligger uden for konfigurationsmappen; angiv en sti inde i den",
            en="'{value}' lies outside the configuration directory; give a path inside it",
        ),
        "config.not_utf8": T(
            da="filen er ikke gemt som UTF-8",
            en="the file is not saved as UTF-8",
        ),
        "config.yaml_syntax": T(
            da="YAML-fejl i linje {line}, kolonne {column}: {problem}",
            en="YAML error at line {line}, column {column}: {problem}",
        ),
        "config.placeholder": T(
            da="'{value}' er en pladsholder fra os2bot product new; skriv den rigtige værdi",
            en="'{value}' is a placeholder from os2bot product new; write the real value",
        ),
        "config.not_mapping": T(
            da="filen skal indeholde en YAML-mapping (nøgle: værdi) øverst",
            en="the file must hold a YAML mapping (key: value) at the top",
        ),
        # Validation errors, one per pydantic error type (others fall back to pydantic.other)
        "pydantic.missing": T(da="feltet mangler", en="the field is missing"),
        "pydantic.extra_forbidden": T(da="ukendt felt (stavefejl?)", en="unknown field (a typo?)"),
        "pydantic.string_type": T(
            da="skal være tekst, ikke {input}",
            en="must be text, not {input}",
        ),
        "pydantic.string_too_short": T(da="må ikke være tom", en="must not be empty"),
        "pydantic.string_pattern_mismatch": T(
            da="'{input}' har ikke den forventede form ({pattern})",
            en="'{input}' does not have the expected form ({pattern})",
        ),
        "pydantic.int_type": T(
            da="skal være et heltal, ikke {input}",
            en="must be a whole number, not {input}",
        ),
        "pydantic.int_parsing": T(
            da="skal være et heltal, ikke '{input}'",
            en="must be a whole number, not '{input}'",
        ),
        "pydantic.int_from_float": T(
            da="skal være et heltal, ikke {input}",
            en="must be a whole number, not {input}",
        ),
        "pydantic.bool_type": T(
            da="skal være true eller false, ikke {input}",
            en="must be true or false, not {input}",
        ),
        "pydantic.bool_parsing": T(
            da="skal være true eller false, ikke '{input}'",
            en="must be true or false, not '{input}'",
        ),
        "pydantic.literal_error": T(
            da="'{input}' er ikke tilladt; vælg en af {expected}",
            en="'{input}' is not allowed; choose one of {expected}",
        ),
        "pydantic.greater_than_equal": T(
            da="skal være mindst {ge}, ikke {input}",
            en="must be at least {ge}, not {input}",
        ),
        "pydantic.less_than_equal": T(
            da="må højst være {le}, ikke {input}",
            en="must be at most {le}, not {input}",
        ),
        "pydantic.too_short": T(
            da="skal have mindst {min_length:one=# element|other=# elementer}",
            en="must have at least {min_length:one=# item|other=# items}",
        ),
        "pydantic.list_type": T(
            da="skal være en liste, ikke {input}",
            en="must be a list, not {input}",
        ),
        "pydantic.dict_type": T(
            da="skal være en mapping (nøgle: værdi), ikke {input}",
            en="must be a mapping (key: value), not {input}",
        ),
        "pydantic.model_type": T(
            da="skal være en mapping (nøgle: værdi), ikke {input}",
            en="must be a mapping (key: value), not {input}",
        ),
        "pydantic.model_attributes_type": T(
            da="skal være en mapping (nøgle: værdi), ikke {input}",
            en="must be a mapping (key: value), not {input}",
        ),
        "pydantic.cron_invalid": T(
            da="'{value}' er ikke et cron-udtryk (minut time dag måned ugedag)",
            en="'{value}' is not a cron expression (minute hour day month weekday)",
        ),
        "pydantic.cron_never_fires": T(
            da="cron-udtrykket '{value}' indtræffer aldrig (dagen findes ikke i måneden, eller "
            "dag og ugedag passer aldrig sammen)",
            en="the cron expression '{value}' never fires (the day is not in the month, or the "
            "day and the weekday never meet)",
        ),
        "pydantic.jql_breaks_out": T(
            da="en ')' lukker mere, end JQL-stykket har åbnet; det ville bryde ud af "
            "produktets projektafgrænsning og søge i hele Jira",
            en="a ')' closes more than the JQL fragment opened; it would break out of the "
            "product's project clause and search all of Jira",
        ),
        "pydantic.jql_open_parenthesis": T(
            da="en '(' i JQL-stykket lukkes aldrig",
            en="a '(' in the JQL fragment is never closed",
        ),
        "pydantic.jql_open_quote": T(
            da="en tekst i anførselstegn i JQL-stykket lukkes aldrig",
            en="a quoted text in the JQL fragment is never closed",
        ),
        "pydantic.jql_order_by": T(
            da="ORDER BY hører ikke hjemme i et JQL-stykke; os2bot sætter selv "
            "projektafgrænsningen omkring det",
            en="ORDER BY does not belong in a JQL fragment; os2bot puts the project clause "
            "around it",
        ),
        "pydantic.jql_empty": T(da="JQL-stykket er tomt", en="the JQL fragment is empty"),
        "pydantic.value_error": T(da="ugyldig værdi: {detail}", en="invalid value: {detail}"),
        "pydantic.other": T(da="ugyldig værdi: {detail}", en="invalid value: {detail}"),
        # CLI
        "cli.no_config": T(
            da="Der er ingen konfiguration: angiv mappen med --config MAPPE eller "
            "OS2BOT_CONFIG=MAPPE, eller kør fra en mappe, der har config/os2bot.yaml. "
            "(Kun os2bot demo og os2bot sandbox bruger eksempelkonfigurationen, for den "
            "peger på OS2s rigtige Jira.)",
            en="There is no configuration: name its directory with --config DIR or "
            "OS2BOT_CONFIG=DIR, or run from a directory that has config/os2bot.yaml. "
            "(Only os2bot demo and os2bot sandbox use the example configuration, since it "
            "points at OS2's real Jira.)",
        ),
        "cli.config_used.option": T(
            da="Konfiguration: {path} (fra --config)", en="Configuration: {path} (from --config)"
        ),
        "cli.config_used.environment": T(
            da="Konfiguration: {path} (fra OS2BOT_CONFIG)",
            en="Configuration: {path} (from OS2BOT_CONFIG)",
        ),
        "cli.config_used.directory": T(
            da="Konfiguration: {path} (mappen config her)",
            en="Configuration: {path} (the config directory here)",
        ),
        "cli.config_used.example": T(
            da="Konfiguration: {path} (eksempelkonfigurationen, der følger med os2bot)",
            en="Configuration: {path} (the example configuration shipped with os2bot)",
        ),
        "cli.jql_valid": T(
            da="Jira godkender {count:one=JQL-stykket|other=alle # JQL-stykker} i konfigurationen.",
            en="Jira accepts {count:one=the JQL fragment|other=all # JQL fragments} in the "
            "configuration.",
        ),
        "cli.jql_refused": T(da="Jira afviser JQL'en: {error}", en="Jira refuses the JQL: {error}"),
        "cli.config_invalid": T(
            da="Konfigurationen kan ikke bruges:",
            en="The configuration cannot be used:",
        ),
        "cli.config_ok": T(
            da="Konfigurationen er i orden: {products:one=# produkt|other=# produkter} og "
            "{checks} tjek fra {profiles}.",
            en="The configuration is valid: {products:one=# product|other=# products} and "
            "{checks:one=# check|other=# checks} from {profiles}.",
        ),
        "cli.missing_secret": T(
            da="Miljøvariablen {name} mangler (hemmeligheder læses kun fra miljøet).",
            en="The environment variable {name} is missing (secrets are read from the "
            "environment only).",
        ),
        "cli.unknown_product": T(
            da="Produktet '{value}' findes ikke i konfigurationen (kendte: {known}).",
            en="There is no product '{value}' in the configuration (known: {known}).",
        ),
        "cli.state_unreadable": T(
            da="Tilstandsdatabasen {path} kan ikke åbnes: {error}. Flyt filen væk (så opretter "
            "os2bot en ny), eller peg på en anden med OS2BOT_STATE. Intet er kontaktet.",
            en="The state database {path} cannot be opened: {error}. Move the file away (os2bot "
            "then creates a new one), or point OS2BOT_STATE at another. Nothing was contacted.",
        ),
        "cli.state_unwritable": T(
            da="Tilstandsdatabasen {path} kan ikke skrives: {error}. Kørslen er stoppet; "
            "næste kørsel finder de opgaver, der nåede at blive oprettet, og sender det, "
            "der venter i udbakken.",
            en="The state database {path} cannot be written: {error}. The run stopped; the "
            "next run finds the tasks that were opened and sends what waits in the outbox.",
        ),
        "cli.port_in_use": T(
            da="Porten {port} på {host} er optaget. Kører os2bot run allerede? Stop den anden "
            "proces, eller vælg en anden port med service.port i os2bot.yaml.",
            en="Port {port} on {host} is in use. Is os2bot run running already? Stop the other "
            "process, or choose another port with service.port in os2bot.yaml.",
        ),
        "cli.port_refused": T(
            da="Porten {port} på {host} kan ikke bruges ({error}). Er {host} en adresse på "
            "denne maskine? Ret service.host i os2bot.yaml eller OS2BOT_SERVICE_HOST.",
            en="Port {port} on {host} cannot be used ({error}). Is {host} an address of this "
            "machine? Correct service.host in os2bot.yaml or OS2BOT_SERVICE_HOST.",
        ),
        "cli.crashed": T(
            da="os2bot stødte på en uventet fejl: {error}. Kør igen med --log-level DEBUG for "
            "detaljer, og meld gerne fejlen til udviklerne.",
            en="os2bot met an unexpected error: {error}. Run again with --log-level DEBUG for "
            "the details, and please report it to the developers.",
        ),
        "cli.interrupted": T(da="Afbrudt.", en="Interrupted."),
        "cli.busy": T(
            da="En anden os2bot-kørsel er i gang (låsen {lock} er taget). Prøv igen senere.",
            en="Another os2bot run is in progress (the lock {lock} is held). Try again later.",
        ),
        "cli.service_started": T(
            da="os2bot kører; /healthz og /metrics på port {port}. Stop med SIGTERM.",
            en="os2bot is running; /healthz and /metrics on port {port}. Stop with SIGTERM.",
        ),
        "cli.report_served": T(
            da="Rapporten vises på {url} (adgang: {access}).",
            en="The report is served at {url} (access: {access}).",
        ),
        "cli.report_public": T(
            da="os2bot run vil vise rapporten på {host}, som andre maskiner kan nå, men der er "
            "ingen adgangsregel. Sæt OS2BOT_REPORT_TOKEN (mindst 16 tegn), eller sæt "
            "service.report.access: proxy i os2bot.yaml, når en omvendt proxy foran "
            "godkender læserne – eller slå rapporten fra med service.report.enabled: false.",
            en="os2bot run would serve the report on {host}, which other machines reach, but "
            "there is no access rule. Set OS2BOT_REPORT_TOKEN (16 characters at least), or "
            "set service.report.access: proxy in os2bot.yaml when a reverse proxy in front "
            "authenticates the readers – or turn the report off with "
            "service.report.enabled: false.",
        ),
        "cli.report_no_token": T(
            da="service.report.access er token, men OS2BOT_REPORT_TOKEN er ikke sat.",
            en="service.report.access is token, but OS2BOT_REPORT_TOKEN is not set.",
        ),
        "cli.report_weak_token": T(
            da="OS2BOT_REPORT_TOKEN er for kort: brug mindst {length} tilfældige tegn.",
            en="OS2BOT_REPORT_TOKEN is too short: use {length} random characters at least.",
        ),
        "cli.bad_environment": T(
            da="Miljøvariablen {name} er ugyldig: {detail}",
            en="The environment variable {name} is invalid: {detail}",
        ),
        "cli.bad_since": T(
            da="--since '{value}' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD.",
            en="--since '{value}' is not a date; write it as YYYY-MM-DD.",
        ),
        "cli.jira_unreachable": T(
            da="Jira kan ikke nås: {error}",
            en="Jira cannot be reached: {error}",
        ),
        "cli.jira_credentials_cloud": T(
            da="Jira afviste bottens legitimation; tjek OS2BOT_JIRA_EMAIL og OS2BOT_JIRA_TOKEN: "
            "{error}",
            en="Jira refused the bot's credentials; check OS2BOT_JIRA_EMAIL and "
            "OS2BOT_JIRA_TOKEN: {error}",
        ),
        "cli.jira_credentials_datacenter": T(
            da="Jira afviste bottens legitimation; tjek OS2BOT_JIRA_PAT: {error}",
            en="Jira refused the bot's credentials; check OS2BOT_JIRA_PAT: {error}",
        ),
        "cli.jira_permission": T(
            da="Jira giver ikke botten lov; giv dens bruger de nødvendige rettigheder: {error}",
            en="Jira does not allow the bot this; give its user the permissions it needs: {error}",
        ),
        "cli.jira_bad_request": T(
            da="Jira afviste forespørgslen som ugyldig: {error}",
            en="Jira rejected the request as invalid: {error}",
        ),
        "cli.jira_failed": T(
            da="Jira-kaldet mislykkedes: {error}",
            en="The Jira request failed: {error}",
        ),
        "cli.tracker_not_connected": T(
            da="Miljøvariablen {name} mangler: produkterne på GitHub og filerne i Git vurderes "
            "som ukendt i denne kørsel.",
            en="The environment variable {name} is missing: the products on GitHub and the "
            "files in Git are judged unknown in this run.",
        ),
        "cli.github_unreachable": T(
            da="GitHub kan ikke nås: {error}",
            en="GitHub cannot be reached: {error}",
        ),
        "cli.github_credentials": T(
            da="GitHub afviste bottens legitimation; tjek OS2BOT_GITHUB_TOKEN (eller "
            "GitHub App-nøglen): {error}",
            en="GitHub refused the bot's credentials; check OS2BOT_GITHUB_TOKEN (or the GitHub "
            "App key): {error}",
        ),
        "cli.github_permission": T(
            da="GitHub giver ikke botten lov; giv tokenet adgang til repositoriet (issues: "
            "læse og skrive, contents: læse): {error}",
            en="GitHub does not allow the bot this; give the token access to the repository "
            "(issues: read and write, contents: read): {error}",
        ),
        "cli.github_rate_limited": T(
            da="GitHubs grænse for antal kald er nået; resten af kørslen venter til næste "
            "kørsel: {error}",
            en="GitHub's rate limit is reached; the rest of the run waits for the next run: "
            "{error}",
        ),
        "cli.github_failed": T(
            da="GitHub-kaldet mislykkedes: {error}",
            en="The GitHub request failed: {error}",
        ),
        "cli.chat_unreachable": T(
            da="Chatten kan ikke nås: {error}",
            en="Chat cannot be reached: {error}",
        ),
        # os2bot doctor
        "doctor.title": T(
            da="os2bot doctor — hvad botten må, og hvad der mangler",
            en="os2bot doctor — what the bot may do, and what is missing",
        ),
        "doctor.section.connections": T(da="Forbindelser", en="Connections"),
        "doctor.section.jira": T(
            da="Jira pr. produkt — hvad botten må i projektet, og hvad den møder der",
            en="Jira per product — what the bot may do in the project, and what it will meet",
        ),
        "doctor.section.chat": T(
            da="Chat pr. mål — findes kanalen, er botten med, må den skrive",
            en="Chat per target — does the channel exist, is the bot in it, may it post",
        ),
        "doctor.status.ok": T(da="i orden", en="fine"),
        "doctor.status.problem": T(da="problem", en="problem"),
        "doctor.status.note": T(da="bemærkning", en="note"),
        "doctor.status.unknown": T(da="kunne ikke afgøres", en="could not tell"),
        "doctor.status.none": T(da="ikke relevant", en="not relevant"),
        "doctor.subject.secretariat": T(da="sekretariatet", en="secretariat"),
        "doctor.subject.digest": T(da="ugeoversigt", en="digest"),
        "doctor.subject.alerts": T(da="driftsalarmer", en="alerts"),
        "doctor.conn.jira": T(da="Jira", en="Jira"),
        "doctor.conn.slack": T(da="Slack", en="Slack"),
        "doctor.conn.zulip": T(da="Zulip", en="Zulip"),
        "doctor.conn.state": T(da="Tilstand", en="State"),
        "doctor.conn.schedule": T(da="Plan", en="Schedule"),
        "doctor.col.browse": T(da="Se", en="Browse"),
        "doctor.col.create": T(da="Opret", en="Create"),
        "doctor.col.edit": T(da="Ret", en="Edit"),
        "doctor.col.comment": T(da="Kommentér", en="Comment"),
        "doctor.col.edit_comment": T(da="Egne komm.", en="Own comm."),
        "doctor.col.transition": T(da="Status", en="Transition"),
        "doctor.col.assign": T(da="Tildel", en="Assign"),
        "doctor.col.board": T(da="Tavle", en="Board"),
        "doctor.col.done": T(da="Færdig", en="Done"),
        "doctor.col.people": T(da="Personer", en="People"),
        "doctor.col.labels": T(da="Etiketter", en="Labels"),
        "doctor.col.exists": T(da="Findes", en="Exists"),
        "doctor.col.member": T(da="Medlem", en="Member"),
        "doctor.col.post": T(da="Må skrive", en="May post"),
        "doctor.jira.login": T(
            da="logget ind som {user} ({ref}) på {url}, {kind}",
            en="logged in as {user} ({ref}) at {url}, {kind}",
        ),
        "doctor.jira.not_set_up": T(
            da="Jira er ikke sat op: {names:one=miljøvariablen # mangler|other=miljøvariablerne "
            "# mangler}.",
            en="Jira is not set up: {names:one=the environment variable # is missing|"
            "other=the environment variables # are missing}.",
        ),
        "doctor.fix.secrets": T(
            da="Sæt dem i bottens miljø (se tabellen over OS2BOT_*-variabler i README); "
            "hemmeligheder skrives aldrig i konfigurationsfilerne.",
            en="Set them in the bot's environment (see the table of OS2BOT_* variables in the "
            "README); secrets never go in the configuration files.",
        ),
        "doctor.jira.kind_mismatch": T(
            da="os2bot.yaml siger jira.deployment: {configured}, men serveren er {actual}. Så "
            "navngiver botten brugere på den forkerte måde og søger det forkerte sted.",
            en="os2bot.yaml says jira.deployment: {configured}, but the server is {actual}. The "
            "bot would then name users the wrong way and search in the wrong place.",
        ),
        "doctor.fix.kind": T(
            da="Skriv jira.deployment: {actual} i os2bot.yaml, og sæt de legitimationsoplysninger, "
            "der hører til ({secrets}).",
            en="Write jira.deployment: {actual} in os2bot.yaml and set the credentials that go "
            "with it ({secrets}).",
        ),
        "doctor.jira.not_visible": T(
            da="Jira-projektet {project} findes ikke, eller botten må ikke se det (Jira svarer "
            "ens på de to).",
            en="The Jira project {project} does not exist, or the bot may not see it (Jira "
            "answers both alike).",
        ),
        "doctor.fix.not_visible": T(
            da="Ret jira.project i produktfilen, hvis nøglen er forkert; ellers giv bottens "
            "Jira-bruger {user} rettigheden »Browse Projects« i projektet.",
            en="Correct jira.project in the product file if the key is wrong; otherwise give "
            "the bot's Jira user {user} the “Browse Projects” permission in the project.",
        ),
        "doctor.lacks.browse": T(
            da="Botten må ikke se projektet {project} (»Browse Projects«), så dets tjek bliver "
            "»ukendt«.",
            en="The bot may not see the project {project} (“Browse Projects”), so its checks "
            "come out “unknown”.",
        ),
        "doctor.lacks.create": T(
            da="Botten må ikke oprette sager i {project} (»Create Issues«), så påmindelser og "
            "andre opgaver bliver ikke oprettet.",
            en="The bot may not create issues in {project} (“Create Issues”), so reminders and "
            "other tasks are not opened.",
        ),
        "doctor.lacks.edit": T(
            da="Botten må ikke redigere sager i {project} (»Edit Issues«), så dens opgaver "
            "bliver ikke opdateret, når indholdet ændrer sig.",
            en="The bot may not edit issues in {project} (“Edit Issues”), so its tasks are not "
            "updated when their content changes.",
        ),
        "doctor.lacks.comment": T(
            da="Botten må ikke kommentere sager i {project} (»Add Comments«): ingen "
            "triagekommentarer, intet om forsinkede versioner og ingen afsluttende kommentar "
            "på løste påmindelser.",
            en="The bot may not comment on issues in {project} (“Add Comments”): no triage "
            "comments, no word on late versions and no closing comment on resolved reminders.",
        ),
        "doctor.lacks.edit_comment": T(
            da="Botten må ikke rette sine egne kommentarer i {project} (»Edit Own Comments«), "
            "så triagekommentarerne bliver ikke opdateret.",
            en="The bot may not edit its own comments in {project} (“Edit Own Comments”), so "
            "its triage comments are not kept up to date.",
        ),
        "doctor.lacks.transition": T(
            da="Botten må ikke skifte status på sager i {project} (»Transition Issues«), så "
            "den kan ikke lukke sine opgaver, når et tjek er opfyldt igen.",
            en="The bot may not transition issues in {project} (“Transition Issues”), so it "
            "cannot close its tasks when a check is met again.",
        ),
        "doctor.lacks.assign": T(
            da="Botten må ikke tildele sager i {project} (»Assign Issues«), så opgaverne "
            "oprettes uden ansvarlig.",
            en="The bot may not assign issues in {project} (“Assign Issues”), so its tasks are "
            "opened without an assignee.",
        ),
        "doctor.fix.permission": T(
            da="Giv bottens Jira-bruger {user} rettigheden i projektets rettighedsskema "
            "(Projektindstillinger → Rettigheder), fx gennem en projektrolle, brugeren har.",
            en="Give the bot's Jira user {user} the permission in the project's permission "
            "scheme (Project settings → Permissions), e.g. through a project role it has.",
        ),
        "doctor.jira.no_done": T(
            da="Workflowet i {project} har ingen status i kategorien »Færdig« (kun {statuses}), "
            "så botten kan ikke lukke sine opgaver, og møder tæller aldrig som holdt.",
            en="The workflow of {project} has no status in the “Done” category (only "
            "{statuses}), so the bot cannot close its tasks and meetings never count as held.",
        ),
        "doctor.fix.no_done": T(
            da="Bed en Jira-administrator om at give workflowet en status i kategorien »Færdig« "
            "(fx »Done« eller »Lukket«).",
            en="Ask a Jira administrator to give the workflow a status in the “Done” category "
            "(e.g. “Done” or “Closed”).",
        ),
        "doctor.board.none": T(
            da="Projektet {project} har ingen tavle, og tjekket »OS2s værktøjer benyttes« "
            "kræver en.",
            en="The project {project} has no board, and the check “OS2's tools are used” needs "
            "one.",
        ),
        "doctor.board.other_project": T(
            da="Tavle {board} hører til projektet {owner}, ikke til {project}, så tjekket »OS2s "
            "værktøjer benyttes« bliver ikke opfyldt.",
            en="Board {board} belongs to the project {owner}, not to {project}, so the check "
            "“OS2's tools are used” is not met.",
        ),
        "doctor.board.missing": T(
            da="Der findes ingen tavle {board}, som botten kan se, så tjekket »OS2s værktøjer "
            "benyttes« bliver ikke opfyldt.",
            en="There is no board {board} that the bot can see, so the check “OS2's tools are "
            "used” is not met.",
        ),
        "doctor.fix.board_choose": T(
            da="Skriv en af projektets egne tavler i jira.board: {boards}.",
            en="Write one of the project's own boards in jira.board: {boards}.",
        ),
        "doctor.fix.board_create": T(
            da="Opret en tavle for projektet i Jira, og skriv dens id i jira.board.",
            en="Create a board for the project in Jira and write its id in jira.board.",
        ),
        "doctor.role.steering_lead": T(
            da="styregruppens formand", en="chair of the steering group"
        ),
        "doctor.role.steering_member": T(
            da="medlem af styregruppen", en="member of the steering group"
        ),
        "doctor.role.coordination_lead": T(
            da="koordinationsgruppens formand", en="chair of the coordination group"
        ),
        "doctor.role.coordination_member": T(
            da="medlem af koordinationsgruppen", en="member of the coordination group"
        ),
        "doctor.role.secretariat": T(
            da="sekretariatets kontaktperson", en="the secretariat's contact"
        ),
        "doctor.person.missing_cloud": T(
            da="{name} ({role}): Jira Cloud kender ingen konto med id'et {ref}, så opgaverne "
            "oprettes uden ansvarlig.",
            en="{name} ({role}): Jira Cloud knows no account with the id {ref}, so the tasks "
            "are opened without an assignee.",
        ),
        "doctor.person.missing_dc": T(
            da="{name} ({role}): Jira Data Center kender ingen bruger med brugernavnet {ref}, så "
            "opgaverne oprettes uden ansvarlig.",
            en="{name} ({role}): Jira Data Center knows no user named {ref}, so the tasks are "
            "opened without an assignee.",
        ),
        "doctor.person.inactive": T(
            da="{name} ({role}): kontoen {ref} er deaktiveret i Jira, så opgaverne kan ikke "
            "tildeles vedkommende.",
            en="{name} ({role}): the account {ref} is deactivated in Jira, so tasks cannot be "
            "assigned to them.",
        ),
        "doctor.fix.person_cloud": T(
            da="Skriv personens konto-id i jira_user; det står sidst i adressen på personens "
            "profil i Jira (…/jira/people/<konto-id>). {ref} findes ikke her.",
            en="Write the person's account id in jira_user; it ends the address of their "
            "profile in Jira (…/jira/people/<account id>). {ref} does not exist here.",
        ),
        "doctor.fix.person_cloud_name": T(
            da="{ref} ligner et brugernavn, men Jira Cloud kender kun konto-id'er: skriv "
            "personens konto-id i jira_user (sidst i adressen på personens profil, "
            "…/jira/people/<konto-id>).",
            en="{ref} looks like a user name, but Jira Cloud knows account ids only: write the "
            "person's account id in jira_user (it ends the address of their profile, "
            "…/jira/people/<account id>).",
        ),
        "doctor.fix.person_dc": T(
            da="Skriv personens brugernavn i jira_user (det, vedkommende logger ind med); {ref} "
            "findes ikke her.",
            en="Write the person's user name in jira_user (the one they log in with); {ref} "
            "does not exist here.",
        ),
        "doctor.fix.person_dc_account": T(
            da="{ref} ligner et konto-id fra Jira Cloud, men denne Jira er Data Center, hvor "
            "brugere hedder deres brugernavn: skriv brugernavnet i jira_user.",
            en="{ref} looks like a Jira Cloud account id, but this Jira is Data Center, where "
            "users go by their user name: write the user name in jira_user.",
        ),
        "doctor.fix.person_inactive": T(
            da="Skriv en aktiv persons Jira-bruger i jira_user, fx gruppens nye formand.",
            en="Write an active person's Jira user in jira_user, e.g. the group's new chair.",
        ),
        "doctor.labels.unused": T(
            da="{labels:one=Etiketten # er|other=Etiketterne # er} ikke brugt i {project} endnu, "
            "så de tjek, der søger efter {labels:one=den|other=dem}, finder intet.",
            en="{labels:one=The label # is|other=The labels # are} not used in {project} yet, "
            "so the checks that search for {labels:one=it|other=them} find nothing.",
        ),
        "doctor.fix.labels": T(
            da="Registrér møder og aftaler i Jira med {labels:one=etiketten|other=etiketterne}, "
            "eller skriv under evidence: i produktfilen, hvordan produktet dokumenterer dem i "
            "stedet.",
            en="Record meetings and agreements in Jira with {labels:one=the label|other=the "
            "labels}, or say under evidence: in the product file how the product documents "
            "them instead.",
        ),
        "doctor.chat.login": T(da="logget ind som {who}", en="logged in as {who}"),
        "doctor.chat.disabled": T(
            da="{chat} er slået fra i os2bot.yaml (chat.{system}.enabled: false), så beskeder til "
            "{chat} bliver ikke sendt.",
            en="{chat} is switched off in os2bot.yaml (chat.{system}.enabled: false), so "
            "messages to {chat} are not sent.",
        ),
        "doctor.chat.not_set_up": T(
            da="{chat} er ikke sat op ({names} mangler), så beskeder til {chat} bliver ikke sendt.",
            en="{chat} is not set up ({names} not set), so messages to {chat} are not sent.",
        ),
        "doctor.chat.refused": T(
            da="{chat} afviste botten eller kunne ikke nås: {error}",
            en="{chat} refused the bot or could not be reached: {error}",
        ),
        "doctor.fix.chat_token": T(
            da="Tjek bottens adgangsoplysninger ({names}) og serverens adresse.",
            en="Check the bot's credentials ({names}) and the server's address.",
        ),
        "doctor.slack.missing": T(
            da="Slack-kanalen {channel} findes ikke, eller botten kan ikke se den (en privat "
            "kanal, den ikke er inviteret til).",
            en="The Slack channel {channel} does not exist, or the bot cannot see it (a private "
            "channel it is not invited to).",
        ),
        "doctor.fix.slack_missing": T(
            da="Ret kanalens navn eller id i konfigurationen, eller invitér botten til den "
            "private kanal (/invite @{bot}).",
            en="Correct the channel's name or id in the configuration, or invite the bot to "
            "the private channel (/invite @{bot}).",
        ),
        "doctor.slack.not_member": T(
            da="Botten er ikke med i Slack-kanalen {channel}, og Slack afviser dens beskeder "
            "der (not_in_channel).",
            en="The bot is not in the Slack channel {channel}, and Slack refuses its messages "
            "there (not_in_channel).",
        ),
        "doctor.fix.slack_invite": T(
            da="Invitér botten til kanalen: skriv /invite @{bot} i {channel}.",
            en="Invite the bot to the channel: type /invite @{bot} in {channel}.",
        ),
        "doctor.zulip.missing": T(
            da="Zulip-kanalen {stream} findes ikke, eller botten kan ikke se den (en privat "
            "kanal, den ikke abonnerer på).",
            en="The Zulip channel {stream} does not exist, or the bot cannot see it (a private "
            "channel it is not subscribed to).",
        ),
        "doctor.fix.zulip_missing": T(
            da="Ret kanalens navn (zulip_stream) i konfigurationen, eller opret kanalen i Zulip "
            "og tilføj botten som abonnent.",
            en="Correct the channel's name (zulip_stream) in the configuration, or create the "
            "channel in Zulip and subscribe the bot to it.",
        ),
        "doctor.state.ok": T(da="{path} kan skrives", en="{path} can be written"),
        "doctor.state.new": T(
            da="{path} findes ikke endnu og oprettes ved første kørsel",
            en="{path} does not exist yet and is created by the first run",
        ),
        "doctor.state.problem": T(
            da="Tilstandsdatabasen {path} kan ikke skrives: {error}",
            en="The state database {path} cannot be written: {error}",
        ),
        "doctor.fix.state": T(
            da="Peg OS2BOT_STATE på en fil i en mappe, botten må skrive i (i containeren: "
            "/data/os2bot.sqlite3).",
            en="Point OS2BOT_STATE at a file in a directory the bot may write to (in the "
            "container: /data/os2bot.sqlite3).",
        ),
        "doctor.schedule": T(
            da="næste kørsler {apply}; ugeoversigt {digest}",
            en="next runs {apply}; digest {digest}",
        ),
        "doctor.problems": T(
            da="{count:one=# problem|other=# problemer} — og sådan løses {count:one=det|other=de}:",
            en="{count:one=# problem|other=# problems} — and how to fix {count:one=it|other=them}:",
        ),
        "doctor.notes": T(
            da="{count:one=# bemærkning|other=# bemærkninger}:",
            en="{count:one=# note|other=# notes}:",
        ),
        "doctor.summary.ok": T(
            da="Alt i orden: botten har den adgang, den skal bruge.",
            en="All is well: the bot has the access it needs.",
        ),
        "doctor.summary.problems": T(
            da="{count:one=Ét problem skal|other=# problemer skal} løses, før botten kan køre "
            "uden fejl.",
            en="{count:one=One problem needs|other=# problems need} fixing before the bot can "
            "run without errors.",
        ),
        # os2bot product new
        "onboard.bad_key": T(
            da="'{key}' kan ikke være en produktnøgle: brug små bogstaver, tal og bindestreger, "
            "fx os2kitos.",
            en="'{key}' cannot be a product key: use lower-case letters, digits and hyphens, "
            "e.g. os2kitos.",
        ),
        "onboard.bad_project": T(
            da="'{project}' er ikke en Jira-projektnøgle: store bogstaver, tal og _, fx KITOSUDV.",
            en="'{project}' is not a Jira project key: capitals, digits and _, e.g. KITOSUDV.",
        ),
        "onboard.exists": T(
            da="{path} findes allerede, og os2bot overskriver aldrig en produktfil. Ret den "
            "selv, eller vælg en anden nøgle.",
            en="{path} exists already, and os2bot never overwrites a product file. Edit it "
            "yourself, or choose another key.",
        ),
        "onboard.taken": T(
            da="'{value}' bruges allerede af produktet {other}.",
            en="'{value}' is used already by the product {other}.",
        ),
        "onboard.written": T(
            da="Skrev {path} ud fra Jira-projektet {project} »{name}«.",
            en="Wrote {path} from the Jira project {project} “{name}”.",
        ),
        "onboard.valid": T(
            da="Filen er gyldig, som os2bot config validate ser den.",
            en="The file is valid, as os2bot config validate sees it.",
        ),
        "onboard.invalid": T(
            da="Filen er skrevet, men konfigurationen kan ikke bruges endnu:",
            en="The file is written, but the configuration cannot be used yet:",
        ),
        "onboard.judgement": T(
            da="Med filen, som den er nu, ville tjekkene give:",
            en="With the file as it is now, the checks would give:",
        ),
        "onboard.todo": T(
            da="Tilbage at udfylde — det ved kun produktets folk ({count}):",
            en="Left to fill in — only the product's people know ({count}):",
        ),
        "onboard.todo.none": T(
            da="Intet mangler at blive udfyldt.",
            en="Nothing is left to fill in.",
        ),
        "onboard.todo.steering_group": T(
            da="steering_group — styregruppens formand og medlemmer",
            en="steering_group — the steering group's chair and members",
        ),
        "onboard.todo.coordination_group": T(
            da="coordination_group — koordinationsgruppens formand og medlemmer",
            en="coordination_group — the coordination group's chair and members",
        ),
        "onboard.todo.suppliers": T(
            da="suppliers — leverandørerne og de faser, de dækker",
            en="suppliers — the suppliers and the phases they cover",
        ),
        "onboard.todo.need": T(
            da="need — om behovet er afdækket, med link til behovsafdækningen",
            en="need — whether the need is mapped, with a link to the analysis",
        ),
        "onboard.todo.agreement": T(
            da="agreement — tilslutningsaftalen: datoer, udvidelser og det, den finansierer",
            en="agreement — the affiliation agreement: dates, extensions and what it funds",
        ),
        "onboard.todo.members": T(
            da="members — de tilsluttede myndigheder, og hvad de har betalt",
            en="members — the member authorities, and what they have paid",
        ),
        "onboard.todo.self_assessment": T(
            da="self_assessment — OS2s selvevaluering som JSON",
            en="self_assessment — OS2's self-assessment as JSON",
        ),
        "onboard.todo.chat": T(
            da="chat — Slack-kanalen og/eller kanalen i OS2samtale (Zulip)",
            en="chat — the Slack channel and/or the channel in OS2samtale (Zulip)",
        ),
        "onboard.next": T(
            da="Udfyld felterne i {path}, og kør så os2bot config validate, os2bot doctor og "
            "os2bot check --product {key}.",
            en="Fill in the fields in {path}, then run os2bot config validate, os2bot doctor "
            "and os2bot check --product {key}.",
        ),
        # The product file os2bot product new writes (its comments and placeholders)
        "onboard.file.header": T(
            da="{name} — produktfil skrevet af »os2bot product new« {today} ud fra "
            "Jira-projektet {project} ({url}).",
            en="{name} — product file written by “os2bot product new” on {today} from the Jira "
            "project {project} ({url}).",
        ),
        "onboard.file.howto": T(
            da="Det, Jira ved, er udfyldt. Det, kun produktets folk ved, står som kommentarer: "
            "fjern »# « foran linjerne i en blok, og skriv de rigtige værdier i stedet for <…>. "
            "Kør så »os2bot config validate« og »os2bot doctor«.",
            en="What Jira knows is filled in. What only the product's people know is written as "
            "comments: remove the “# ” in front of a block's lines and write the real values "
            "instead of <…>. Then run “os2bot config validate” and “os2bot doctor”.",
        ),
        "onboard.file.key": T(
            da="kort, fast nøgle; står i bottens mærker på opgaverne",
            en="short, stable key; part of the bot's labels on its tasks",
        ),
        "onboard.file.name": T(
            da="produktets navn, som OS2 skriver det", en="the product's name as OS2 writes it"
        ),
        "onboard.file.profile": T(
            da="governanceprofilen, produktet måles efter",
            en="the governance profile the product is judged by",
        ),
        "onboard.file.phase": T(
            da="tilsagn, tilslutning eller drift", en="tilsagn, tilslutning or drift"
        ),
        "onboard.file.level": T(
            da="produktniveau: sandkasse, 1, 2 eller 3",
            en="product level: sandkasse, 1, 2 or 3",
        ),
        "onboard.file.section.jira": T(da="Jira", en="Jira"),
        "onboard.file.project": T(da="Jira-projektets nøgle", en="the Jira project's key"),
        "onboard.file.board": T(da="tavlen »{board}«", en="the board “{board}”"),
        "onboard.file.boards_other": T(
            da="projektets andre tavler: {boards}", en="the project's other boards: {boards}"
        ),
        "onboard.file.boards_unreadable": T(
            da="Jiras tavler kunne ikke læses; skriv tavlens id her",
            en="Jira's boards could not be read; write the board's id here",
        ),
        "onboard.file.no_board": T(
            da="projektet har ingen tavle, og tjekket »OS2s værktøjer benyttes« kræver en",
            en="the project has no board, and the check “OS2's tools are used” needs one",
        ),
        "onboard.file.issue_types": T(
            da="Sagstyper i projektet: {types}. Botten opretter sine opgaver som »{task}«.",
            en="Issue types in the project: {types}. The bot opens its tasks as “{task}”.",
        ),
        "onboard.file.no_task_type": T(
            da="Sagstyper i projektet: {types}. Ingen af dem hedder {wanted}, så botten opretter "
            "sine opgaver som den første.",
            en="Issue types in the project: {types}. None of them is called {wanted}, so the bot "
            "opens its tasks as the first.",
        ),
        "onboard.file.done": T(
            da="Workflowets færdig-status: {statuses}. Botten lukker sine opgaver i den, og et "
            "møde tæller som holdt, når det står der.",
            en="The workflow's done status: {statuses}. The bot closes its tasks into it, and a "
            "meeting counts as held once it is there.",
        ),
        "onboard.file.no_done": T(
            da="Workflowet har ingen status i kategorien »Færdig«, så botten kan ikke lukke "
            "sine opgaver (se os2bot doctor).",
            en="The workflow has no status in the “Done” category, so the bot cannot close its "
            "tasks (see os2bot doctor).",
        ),
        "onboard.file.lead": T(
            da="Projektleder i Jira: {name} (jira_user: {ref}).",
            en="Project lead in Jira: {name} (jira_user: {ref}).",
        ),
        "onboard.file.labels": T(
            da="Profilens etiketter i {project} — tjekkene finder møder og aftaler ved dem:",
            en="The profile's labels in {project} — the checks find meetings and agreements by "
            "them:",
        ),
        "onboard.file.label_used": T(
            da="{label}: senest {key} »{summary}«, oprettet {date}",
            en="{label}: newest {key} “{summary}”, created {date}",
        ),
        "onboard.file.label_unused": T(
            da="{label}: ikke brugt endnu, så de tjek, der søger efter den, finder intet",
            en="{label}: not used yet, so the checks that search for it find nothing",
        ),
        "onboard.file.user_kind.cloud": T(
            da="personens konto-id i Jira Cloud", en="the person's account id in Jira Cloud"
        ),
        "onboard.file.user_kind.dc": T(
            da="personens brugernavn i Jira Data Center",
            en="the person's user name in Jira Data Center",
        ),
        "onboard.file.section.steering_group": T(
            da="Styregruppe (SG)", en="Steering group (styregruppe)"
        ),
        "onboard.file.steering_group": T(
            da="Styregruppen har ansvaret for økonomi, retning og leverandørstyring. Skriv "
            "formand og medlemmer, gerne én fra hver myndighed, der har skrevet under; "
            "jira_user er {user_kind} og bruges, når botten tildeler opgaver.",
            en="The steering group answers for economy, direction and supplier management. "
            "Write its chair and members, preferably one from each authority that signed; "
            "jira_user is {user_kind} and is used when the bot assigns tasks.",
        ),
        "onboard.file.section.coordination_group": T(
            da="Koordinationsgruppe (KG)", en="Coordination group (koordinationsgruppe)"
        ),
        "onboard.file.coordination_group": T(
            da="Koordinationsgruppen prioriterer udviklingsønskerne og holder møderne. Botten "
            "tildeler prioriteringsrunder og release-opgaver til formanden.",
            en="The coordination group prioritises the development requests and holds the "
            "meetings. The bot assigns prioritisation rounds and release tasks to its chair.",
        ),
        "onboard.file.lead_suggested": T(
            da="Formanden herunder er Jira-projektets leder; ret det, hvis formanden er en anden.",
            en="The chair below is the Jira project's lead; change it if the chair is someone "
            "else.",
        ),
        "onboard.file.section.suppliers": T(da="Leverandører", en="Suppliers"),
        "onboard.file.suppliers": T(
            da="Hver leverandør og de faser, den dækker: udvikling, implementering, "
            "raadgivning, projektledelse og faellesskab (samspil med fællesskabet). Alle fem "
            "skal være dækket.",
            en="Each supplier and the phases it covers: udvikling (development), "
            "implementering (implementation), raadgivning (consulting), projektledelse "
            "(project management) and faellesskab (community). All five must be covered.",
        ),
        "onboard.file.section.need": T(da="Behov", en="Need"),
        "onboard.file.need": T(
            da="Er behovet afdækket — hvad skal tilslutningen dække? Link til behovsafdækningen.",
            en="Is the need mapped — what must the affiliation cover? Link to the analysis.",
        ),
        "onboard.file.section.agreement": T(
            da="Tilslutningsaftale", en="Affiliation agreement (tilslutningsaftale)"
        ),
        "onboard.file.agreement": T(
            da="Hvornår aftalen er underskrevet, og hvornår den udløber; udvidelserne "
            "videreudvikling og faelles_drift, hvis aftalen har dem; og de punkter, den "
            "finansierer. De seks minimumspunkter står der allerede.",
            en="When the agreement was signed and when it expires; the extensions "
            "videreudvikling and faelles_drift, if it has them; and the items it funds. The "
            "six minimum items are there already.",
        ),
        "onboard.file.section.members": T(da="Tilsluttede myndigheder", en="Member authorities"),
        "onboard.file.members": T(
            da="Hver myndighed, der er tilsluttet: hvornår, og om den har betalt for "
            "udviklingen eller tilslutningsafgiften. Sekretariatet fakturerer afgiften hos "
            "dem, der ikke har.",
            en="Each authority that has joined: when, and whether it paid for the development "
            "or the affiliation fee. The secretariat invoices the fee to those that have not.",
        ),
        "onboard.file.self_assessment": T(
            da="OS2s selvevaluering, som skemaet eksporterer den (JSON), med stien regnet fra "
            "konfigurationsmappen:",
            en="OS2's self-assessment as the form exports it (JSON), its path relative to the "
            "configuration directory:",
        ),
        "onboard.file.section.practice": T(
            da="Prioritering, triage og releases", en="Prioritisation, triage and releases"
        ),
        "onboard.file.prioritisation": T(
            da="Koordinationsgruppens prioriteringsrunder: måneder og dag for møderne; botten "
            "opretter rundens opgave lead_days dage før. Uden blokken opretter den ingen "
            "runder.",
            en="The coordination group's prioritisation rounds: months and day of the "
            "meetings; the bot opens each round's task lead_days days before. Without the "
            "block it opens no rounds.",
        ),
        "onboard.file.triage": T(
            da="kommentér udviklingsønsker, der mangler punkt 1–5",
            en="comment on requests that lack points 1–5",
        ),
        "onboard.file.versions": T(
            da="Versioner i Jira: {versions}.", en="Versions in Jira: {versions}."
        ),
        "onboard.file.releases_on": T(
            da="Botten opretter en release-opgave {days} dage før en versions dato.",
            en="The bot opens a release task {days} days before a version's date.",
        ),
        "onboard.file.releases_off": T(
            da="Ingen versioner i Jira endnu; slå release-opgaver til, når projektet får "
            "versioner.",
            en="No versions in Jira yet; turn release tasks on when the project gets versions.",
        ),
        "onboard.file.section.chat": T(da="Chat", en="Chat"),
        "onboard.file.chat": T(
            da="Hvor botten skriver produktets status: en Slack-kanal (#navn eller kanal-id) "
            "og/eller en kanal i OS2samtale (Zulip) med et emne.",
            en="Where the bot posts the product's status: a Slack channel (#name or channel id) "
            "and/or a channel in OS2samtale (Zulip) with a topic.",
        ),
        "onboard.file.section.exceptions": T(
            da="Undtagelser fra profilen", en="Exceptions to the profile"
        ),
        "onboard.file.waivers": T(
            da="Dispensationer: et tjek, der ikke skal være opfyldt en tid, med begrundelse, "
            "hvem der har besluttet det, og hvornår det udløber.",
            en="Waivers: a check that need not be met for a while, with the reason, who "
            "decided it and when it expires.",
        ),
        "onboard.file.github": T(
            da="Flytter produktet til GitHub, skriv repositoriet her i stedet for jira: "
            "(opgaver og evidens læses så på GitHub):",
            en="When the product moves to GitHub, name its repository here instead of jira: "
            "(tasks and evidence are then read on GitHub):",
        ),
        "onboard.ph.repo": T(da="<ejer/repositorium>", en="<owner/repository>"),
        "onboard.file.escalation": T(
            da="En egen eskaleringsstige i stedet for profilens, fx når styregruppen skal høre "
            "om en forsinket opgave tidligere:",
            en="An escalation ladder of the product's own instead of the profile's, e.g. when "
            "the steering group should hear of a late task sooner:",
        ),
        "onboard.file.overrides": T(
            da="Egne tærskler i stedet for profilens, fx når koordinationsgruppen mødes hver "
            "måned:",
            en="Thresholds of the product's own instead of the profile's, e.g. when the "
            "coordination group meets monthly:",
        ),
        "onboard.file.evidence": T(
            da="Anden dokumentation end profilens, fx når møderne har etiketten »referat« i "
            "stedet for profilens (ikke brugt her endnu: {labels}):",
            en="Other evidence than the profile's, e.g. when meetings carry the label “referat” "
            "instead of the profile's (not used here yet: {labels}):",
        ),
        "onboard.ph.name": T(da="<navn>", en="<name>"),
        "onboard.ph.authority": T(da="<myndighed>", en="<authority>"),
        "onboard.ph.account": T(da="<konto-id>", en="<account id>"),
        "onboard.ph.username": T(da="<brugernavn>", en="<user name>"),
        "onboard.ph.kommissorium": T(
            da="<link til kommissoriet>", en="<link to the terms of reference>"
        ),
        "onboard.ph.supplier": T(da="<leverandør>", en="<supplier>"),
        "onboard.ph.need": T(da="<link til behovsafdækningen>", en="<link to the analysis>"),
        "onboard.ph.date": T(da="<ÅÅÅÅ-MM-DD>", en="<YYYY-MM-DD>"),
        "onboard.ph.channel": T(da="<kanal>", en="<channel>"),
        "onboard.ph.stream": T(da="<kanal i OS2samtale>", en="<channel in OS2samtale>"),
        "onboard.ph.check": T(da="<tjek-id>", en="<check id>"),
        "onboard.ph.reason": T(da="<begrundelse>", en="<reason>"),
        "onboard.ph.approver": T(da="<hvem besluttede>", en="<who decided>"),
        # Check states
        "state.met": T(da="opfyldt", en="met"),
        "state.not_met": T(da="ikke opfyldt", en="not met"),
        "state.unknown": T(da="ukendt", en="unknown"),
        "state.not_applicable": T(da="gælder ikke", en="not applicable"),
        "state.waived": T(da="dispenseret", en="waived"),
        # Counts of checks by state, for summaries: "7 ikke opfyldt, 2 ukendte"
        "count.met": T(da="{count} opfyldt", en="{count} met"),
        "count.not_met": T(da="{count} ikke opfyldt", en="{count} not met"),
        "count.unknown": T(
            da="{count:one=# ukendt|other=# ukendte}",
            en="{count} unknown",
        ),
        "count.not_applicable": T(da="{count} gælder ikke", en="{count} not applicable"),
        "count.waived": T(da="{count} dispenseret", en="{count} waived"),
        # Dates and times for people (messages/formats.py); ISO 8601 in JSON and CSV
        "format.moment": T(da="{day} kl. {time}", en="{day}, {time}"),
        # Evidence and reasons
        "reason.jql.met": T(
            da="Seneste: {key} »{summary}« ({date}, "
            "{days:0=i dag|one=for # dag siden|other=for # dage siden}).",
            en="Newest: {key} “{summary}” ({date}, {days:0=today|one=# day ago|other=# days ago}).",
        ),
        "reason.jql.met_window": T(
            da="Seneste: {key} »{summary}« ({date}, "
            "{days:0=i dag|one=for # dag siden|other=for # dage siden}); "
            "{count:one=# sag|other=# sager} inden for "
            "{window:one=den seneste dag|other=de seneste # dage} ({basis}).",
            en="Newest: {key} “{summary}” ({date}, {days:0=today|one=# day ago|other=# days ago}); "
            "{count:one=# issue|other=# issues} within "
            "{window:one=the last day|other=the last # days} ({basis}).",
        ),
        "reason.jql.too_old": T(
            da="Den seneste er {key} »{summary}« fra {date}, "
            "{days:one=for # dag siden|other=for # dage siden} — mere end "
            "{window:one=# dag|other=# dage} ({basis}).",
            en="The newest is {key} “{summary}” of {date}, {days:one=# day ago|other=# days ago} "
            "— more than {window:one=# day|other=# days} ({basis}).",
        ),
        "reason.jql.found": T(
            da="Fundet i Jira: {key} »{summary}«.",
            en="Found in Jira: {key} “{summary}”.",
        ),
        "reason.jql.none": T(
            da="Ingen sager i Jira matcher ({jql}).",
            en="No issues in Jira match ({jql}).",
        ),
        "reason.jql.too_few": T(
            da="Kun {count:one=# sag matcher|other=# sager matcher}; der skal være mindst "
            "{min_count}.",
            en="Only {count:one=# issue matches|other=# issues match}; at least "
            "{min_count:one=# is|other=# are} needed.",
        ),
        "reason.jql.no_date": T(
            da="Ingen af de matchende sager har en dato i feltet {field}.",
            en="None of the matching issues has a date in the field {field}.",
        ),
        "reason.project_unreadable": T(
            da="Jira-projektet {project} findes ikke eller kan ikke læses.",
            en="The Jira project {project} does not exist or cannot be read.",
        ),
        "reason.query_failed": T(
            da="Jira-søgningen fejlede: {error}",
            en="The Jira search failed: {error}",
        ),
        "reason.not_applicable.phase": T(
            da="Gælder ikke i fasen {phase}.",
            en="Does not apply in the {phase} phase.",
        ),
        "reason.not_applicable.extension": T(
            da="Gælder kun, når aftalen har udvidelsen {extension}.",
            en="Applies only when the agreement has the {extension} extension.",
        ),
        "reason.waived": T(
            da="Dispenseret af {approver} til og med {expires}: {reason}",
            en="Waived by {approver} until {expires}: {reason}",
        ),
        "reason.waiver_expired": T(
            da="Dispensationen fra {approver} udløb {expires} og tæller ikke længere.",
            en="The waiver from {approver} expired on {expires} and no longer counts.",
        ),
        "reason.declared.no_group": T(
            da="Produktfilen angiver ingen {group}.",
            en="The product file names no {group}.",
        ),
        "reason.declared.no_lead": T(
            da="Produktfilen angiver en {group} uden formand.",
            en="The product file names no chair of the {group}.",
        ),
        "reason.declared.no_members": T(
            da="Produktfilen angiver en {group} uden medlemmer.",
            en="The product file names no members of the {group}.",
        ),
        "reason.declared.no_kommissorium": T(
            da="Produktfilen angiver en {group} uden link til dens kommissorium.",
            en="The product file names a {group} without a link to its terms of reference "
            "(kommissorium).",
        ),
        "reason.declared.group": T(
            da="Ifølge produktfilen: {group} med formand {lead} og "
            "{members:one=# medlem|other=# medlemmer}; kommissorium: {kommissorium}.",
            en="According to the product file: a {group} chaired by {lead} with "
            "{members:one=# member|other=# members}; terms of reference: {kommissorium}.",
        ),
        "reason.declared.need_missing": T(
            da="Produktfilen angiver ikke, at behovet er afdækket.",
            en="The product file does not state that the need is mapped.",
        ),
        "reason.declared.need_no_document": T(
            da="Produktfilen angiver, at behovet er afdækket, men linker ikke til "
            "behovsafdækningen (need.document).",
            en="The product file states that the need is mapped but does not link to the "
            "analysis (need.document).",
        ),
        "reason.declared.need": T(
            da="Ifølge produktfilen er behovet afdækket (behovsafdækning: {document}).",
            en="According to the product file the need is mapped (analysis: {document}).",
        ),
        "reason.declared.no_suppliers": T(
            da="Produktfilen angiver ingen leverandører.",
            en="The product file names no suppliers.",
        ),
        "reason.declared.phases_missing": T(
            da="Ingen leverandør dækker {phases:one=fasen|other=faserne} {phases}.",
            en="No supplier covers the {phases:one=phase|other=phases} {phases}.",
        ),
        "reason.declared.suppliers": T(
            da="Ifølge produktfilen er alle fem faser dækket ({suppliers}).",
            en="According to the product file all five phases are covered ({suppliers}).",
        ),
        "reason.declared.no_agreement": T(
            da="Der er ingen underskrevet tilslutningsaftale i produktfilen.",
            en="The product file has no signed affiliation agreement.",
        ),
        "reason.declared.agreement_expired": T(
            da="Tilslutningsaftalen udløb {expires} og sikrer ikke længere økonomi til {item}.",
            en="The affiliation agreement expired on {expires} and no longer secures funding for "
            "{item}.",
        ),
        "reason.declared.not_funded": T(
            da="Tilslutningsaftalen finansierer ikke {item}.",
            en="The affiliation agreement does not fund {item}.",
        ),
        "reason.declared.funded": T(
            da="Ifølge produktfilen finansierer aftalen (underskrevet {signed}) {item}.",
            en="According to the product file the agreement (signed {signed}) funds {item}.",
        ),
        "reason.declared.no_trace": T(
            da="Det står i produktfilen, men Jira har intet spor af det ({jql}).",
            en="The product file says so, but Jira holds no trace of it ({jql}).",
        ),
        "reason.declared.fee_unpaid": T(
            da="Tilslutningsafgiften er ikke betalt af {authorities}.",
            en="The affiliation fee is unpaid by: {authorities}.",
        ),
        "reason.declared.fee_paid": T(
            da="{count:0=Ingen nye myndigheder skal betale tilslutningsafgift."
            "|one=Den nye myndighed har betalt tilslutningsafgiften."
            "|other=Alle # nye myndigheder har betalt tilslutningsafgiften.}",
            en="{count:0=No new authority has to pay the affiliation fee."
            "|one=The new authority has paid the affiliation fee."
            "|other=All # new authorities have paid the affiliation fee.}",
        ),
        "reason.activity.idle": T(
            da="Ingen sager i projektet er opdateret "
            "{days:one=den seneste dag|other=de seneste # dage}.",
            en="No issue in the project was updated in the last {days:one=day|other=# days}.",
        ),
        "reason.activity.recent": T(
            da="Senest ændret af andre end os2bot: {key} ({date}) – inden for "
            "{days:one=den seneste dag|other=de seneste # dage}.",
            en="Last changed by someone other than os2bot: {key} ({date}) – within the last "
            "{days:one=day|other=# days}.",
        ),
        "reason.activity.no_board": T(
            da="Projektet har ingen tavle i Jira.",
            en="The project has no board in Jira.",
        ),
        "reason.activity.wrong_board": T(
            da="Tavle {board} hører ikke til projektet "
            "({boards:one=projektets tavle|other=projektets tavler}: {boards}).",
            en="Board {board} is not the project's ({boards:one=its board|other=its boards}: "
            "{boards}).",
        ),
        "reason.activity.board": T(
            da="{boards:one=Tavle|other=Tavler}: {boards}.",
            en="{boards:one=Board|other=Boards}: {boards}.",
        ),
        "reason.activity.boards_unreadable": T(
            da="Jiras tavler kunne ikke læses: {error}",
            en="Jira's boards could not be read: {error}",
        ),
        "reason.versions.overdue": T(
            da="Forsinkede versioner: {versions} (ikke frigivet, selv om releasedatoen er "
            "passeret).",
            en="Late versions: {versions} (not released, though the release date has passed).",
        ),
        "reason.versions.none_released": T(
            da="Ingen version er frigivet.",
            en="No version has been released.",
        ),
        "reason.versions.too_old": T(
            da="Den seneste frigivne version er {version} fra {date}, "
            "{days:one=for # dag siden|other=for # dage siden} — mere end "
            "{window:one=# dag|other=# dage}.",
            en="The newest released version is {version} of {date}, "
            "{days:one=# day ago|other=# days ago} — more than {window:one=# day|other=# days}.",
        ),
        "reason.versions.ok": T(
            da="Seneste frigivne version: {version} ({date}); "
            "{count:one=projektets eneste version er ikke forsinket"
            "|other=ingen af projektets # versioner er forsinket}.",
            en="Newest released version: {version} ({date}); "
            "{count:one=the project's only version is not overdue"
            "|other=none of the project's # versions is overdue}.",
        ),
        "reason.versions.ok_none": T(
            da="{count:0=Projektet har ingen versioner."
            "|one=Projektets eneste version er ikke forsinket."
            "|other=Ingen af projektets # versioner er forsinket.}",
            en="{count:0=The project has no versions."
            "|one=The project's only version is not overdue."
            "|other=None of the project's # versions is overdue.}",
        ),
        "reason.assessment.none": T(
            da="Der er ingen selvevaluering for produktet.",
            en="There is no self-assessment for the product.",
        ),
        "reason.assessment.unreadable": T(
            da="Selvevalueringen {file} kan ikke læses: {error}",
            en="The self-assessment {file} cannot be read: {error}",
        ),
        "reason.assessment.no_catalogue": T(
            da="Profilen angiver intet kravkatalog.",
            en="The profile names no requirement catalogue.",
        ),
        "reason.assessment.stale": T(
            da="Selvevalueringen er fra {filled}, "
            "{days:one=for # dag siden|other=for # dage siden} — "
            "ældre end {window:one=# dag|other=# dage}.",
            en="The self-assessment is of {filled}, {days:one=# day ago|other=# days ago} — "
            "older than {window:one=# day|other=# days}.",
        ),
        "reason.assessment.failing": T(
            da="Besvaret 'Nej' op til niveau {level}: {ids:-=ingen|other=#}; ubesvaret: "
            "{unanswered:-=ingen|other=#} (selvevaluering {filled}, katalog {version}).",
            en="Answered 'Nej' up to level {level}: {ids:-=none|other=#}; unanswered: "
            "{unanswered:-=none|other=#} (self-assessment {filled}, catalogue {version}).",
        ),
        "reason.assessment.ok": T(
            da="Krav op til niveau {level}: {count:0=der er ingen|one=det ene er opfyldt"
            "|other=alle # er opfyldt} (selvevaluering {filled}, katalog {version}).",
            en="Requirements up to level {level}: {count:0=there are none|one=the only one is met"
            "|other=all # are met} (self-assessment {filled}, catalogue {version}).",
        ),
        "reason.assessment.recommendations": T(
            da="Besvaret 'Nej' (anbefalet, ikke krævet): {ids}.",
            en="Answered 'Nej' (recommended, not required): {ids}.",
        ),
        # Products on GitHub, and governance kept in Git
        "reason.github.none": T(
            da="Ingen issues på GitHub matcher ({jql}).",
            en="No issues on GitHub match ({jql}).",
        ),
        "reason.github.found": T(
            da="Fundet på GitHub: {key} »{summary}«.",
            en="Found on GitHub: {key} “{summary}”.",
        ),
        "reason.jql.no_github": T(
            da="Evidensen er kun beskrevet for Jira (JQL); giv den en github-betingelse "
            "(etiketter og tilstand) i profilen, eller erstat den i produktfilen.",
            en="The evidence is described for Jira only (JQL); give it a github condition "
            "(labels and state) in the profile, or replace it in the product file.",
        ),
        "reason.jql.no_jql": T(
            da="Evidensen er kun beskrevet for GitHub; giv den en JQL-betingelse i profilen, "
            "eller erstat den i produktfilen.",
            en="The evidence is described for GitHub only; give it a JQL condition in the "
            "profile, or replace it in the product file.",
        ),
        "reason.repo_unreadable": T(
            da="GitHub-repositoriet {project} findes ikke eller kan ikke læses.",
            en="The GitHub repository {project} does not exist or cannot be read.",
        ),
        "reason.github_failed": T(
            da="Læsningen fra GitHub fejlede: {error}",
            en="Reading from GitHub failed: {error}",
        ),
        "reason.declared.no_trace_github": T(
            da="Erklæret i produktfilen, men GitHub har intet spor af det ({jql}).",
            en="Declared in the product file, but GitHub holds no trace of it ({jql}).",
        ),
        "reason.activity.github": T(
            da="På GitHub er repositoriets issues backloggen; der kræves ingen tavle.",
            en="On GitHub the repository's issues are the backlog; no board is needed.",
        ),
        "reason.git.no_repo": T(
            da="Der er intet repository at læse {path} i; angiv repo ved evidensen eller "
            "github.repo i produktfilen.",
            en="There is no repository to read {path} in; give repo with the evidence or "
            "github.repo in the product file.",
        ),
        "reason.git.unreadable": T(
            da="Mappen {path} i {repo} kan ikke læses: {error}",
            en="The folder {path} in {repo} cannot be read: {error}",
        ),
        "reason.git.none": T(
            da="Ingen daterede filer i {repo}:{path} (filnavnet skal begynde med datoen, "
            "ÅÅÅÅMMDD_ eller ÅÅÅÅ-MM-DD-; skal indeholde: {contains}).",
            en="No dated files in {repo}:{path} (the file name must start with the date, "
            "YYYYMMDD_ or YYYY-MM-DD-; must contain: {contains}).",
        ),
        "reason.git.too_few": T(
            da="Kun {count:one=# dateret fil|other=# daterede filer} i {repo}:{path}; der skal "
            "være mindst {min_count}.",
            en="Only {count:one=# dated file|other=# dated files} in {repo}:{path}; at least "
            "{min_count:one=# is|other=# are} needed.",
        ),
        "reason.git.too_old": T(
            da="Den seneste er {name} fra {date}, "
            "{days:one=for # dag siden|other=for # dage siden} — "
            "mere end {window:one=# dag|other=# dage} ({repo}:{path}).",
            en="The newest is {name} of {date}, {days:one=# day ago|other=# days ago} — more "
            "than {window:one=# day|other=# days} ({repo}:{path}).",
        ),
        "reason.git.met": T(
            da="Seneste: {name} ({date}, "
            "{days:0=i dag|one=for # dag siden|other=for # dage siden}); "
            "{count} i alt i {repo}:{path}.",
            en="Newest: {name} ({date}, {days:0=today|one=# day ago|other=# days ago}); "
            "{count} in all in {repo}:{path}.",
        ),
        "reason.rule_failed": T(
            da="Tjekket kunne ikke gennemføres: {error}",
            en="The check could not be carried out: {error}",
        ),
        # OS2 terms: groups, supplier phases, funding items, extensions, life-cycle phases
        "term.steering_group": T(da="styregruppe", en="steering group"),
        "term.window_cadence": T(
            da="gruppens erklærede mødekadence", en="the group's declared meeting cadence"
        ),
        "term.window_profile": T(da="profilens standard", en="the profile's default"),
        "term.window_override": T(
            da="produktfilens egen frist for tjekket",
            en="the product file's own window for the check",
        ),
        "term.coordination_group": T(da="koordinationsgruppe", en="coordination group"),
        "term.udvikling": T(da="udvikling", en="development"),
        "term.implementering": T(da="implementering", en="implementation"),
        "term.raadgivning": T(da="rådgivning", en="consulting"),
        "term.projektledelse": T(da="projektledelse", en="project management"),
        "term.faellesskab": T(da="samspil med fællesskabet", en="community interplay"),
        "term.vedligehold": T(
            da="vedligehold af den fælles kodebase",
            en="maintenance of the shared codebase",
        ),
        "term.governancekrav": T(
            da="efterlevelse af OS2s governancekrav",
            en="compliance with OS2's governance requirements",
        ),
        "term.koordinationsgruppe": T(
            da="koordinationsgruppens arbejde",
            en="the coordination group's work",
        ),
        "term.videndeling": T(
            da="videndeling, møder og workshops",
            en="knowledge sharing, meetings and workshops",
        ),
        "term.leverandoerdialog": T(da="leverandørdialog", en="supplier dialogue"),
        "term.promovering": T(da="promovering af produktet", en="promotion of the product"),
        "term.prioritering": T(
            da="koordinering og prioritering af udviklingsønsker",
            en="coordinating and prioritising development requests",
        ),
        "term.bestilling": T(
            da="bestilling og styring af udviklingsopgaver",
            en="ordering and managing development tasks",
        ),
        "term.arkitektur": T(
            da="arkitekturstyring og governance af kodebasen",
            en="architecture management and governance of the codebase",
        ),
        "term.driftsaftale": T(
            da="driftsaftale og eventuel SLA",
            en="operations agreement and any SLA",
        ),
        "term.release": T(
            da="release- og deploymentstyring",
            en="release and deployment management",
        ),
        "term.leverandoerstyring": T(da="leverandørstyring", en="supplier management"),
        "term.videreudvikling": T(da="videreudvikling", en="further development"),
        "term.faelles_drift": T(da="fælles drift", en="joint operations"),
        "term.tilsagn": T(da="tilsagn", en="pledge (tilsagn)"),
        "term.tilslutning": T(da="tilslutning", en="affiliation (tilslutning)"),
        "term.drift": T(da="drift", en="operations (drift)"),
        # Tasks the bot opens
        "task.reminder.summary": T(
            da="{product}: {check} er ikke opfyldt",
            en="{product}: {check} is not met",
        ),
        "task.reminder.description": T(
            da=(
                "os2bot har vurderet *{check}* for {product} som *ikke opfyldt*.\n\n"
                "h3. Hvorfor\n{reason}\n\n"
                "h3. Sådan løses det\n{fix}\n\n"
                "h3. Kilde\n{source}\n\n"
                "----\n"
                "Opgaven er oprettet af os2bot og lukkes automatisk, når tjekket er "
                "opfyldt. Ansvarlig: {owner}."
            ),
            en=(
                "os2bot has judged *{check}* for {product} to be *not met*.\n\n"
                "h3. Why\n{reason}\n\n"
                "h3. How to fix it\n{fix}\n\n"
                "h3. Source\n{source}\n\n"
                "----\n"
                "This task was opened by os2bot and is resolved automatically when the "
                "check is met. Owner: {owner}."
            ),
        ),
        "task.round.summary": T(
            da="Prioritering af udviklingsønsker – {period}",
            en="Prioritising development requests – {period}",
        ),
        "task.round.description": T(
            da=(
                "Koordinationsgruppen for {product} prioriterer udviklingsønsker på mødet "
                "{date}.\n\n"
                "h3. Ønsker til prioritering ({count})\n"
                "Sorteret efter stemmer og alder. Før bestilling skal punkt 1–5 i OS2s "
                '"kvalificering af opgaver" være udfyldt.\n{requests}\n\n'
                "----\nListen holdes opdateret af os2bot indtil mødet. Luk opgaven, når "
                "prioriteringen er besluttet."
            ),
            en=(
                "The coordination group of {product} prioritises development requests at its "
                "meeting on {date}.\n\n"
                "h3. Requests to prioritise ({count})\n"
                "Sorted by votes and age. Before ordering, points 1–5 of OS2's \"task "
                'qualification" must be filled in.\n{requests}\n\n'
                "----\nos2bot keeps this list up to date until the meeting. Resolve the task "
                "when the priorities are decided."
            ),
        ),
        "task.round.line": T(
            da="# [{key}|{url}] {summary} — {votes:one=# stemme|other=# stemmer}, oprettet "
            "{created} — {state}",
            en="# [{key}|{url}] {summary} — {votes:one=# vote|other=# votes}, created {created} "
            "— {state}",
        ),
        "task.round.ready": T(da="klar til bestilling", en="ready to order"),
        "task.round.missing": T(da="mangler: {points}", en="missing: {points}"),
        "task.round.no_requests": T(
            da="Ingen udviklingsønsker venter på prioritering.",
            en="No development requests are waiting for prioritisation.",
        ),
        "point.title": T(da="1 opgavetitel", en="1 title"),
        "point.description": T(da="2 beskrivelse", en="2 description"),
        "point.user_story": T(da="3 brugerhistorie", en="3 user story"),
        "point.acceptance": T(da="4 acceptkriterier", en="4 acceptance criteria"),
        "point.documentation": T(da="5 krav til dokumentation", en="5 documentation requirements"),
        "triage.missing": T(
            da=(
                "*os2bot* – kvalificering af opgaven\n\n"
                'Før bestilling af udvikling skal punkt 1–5 i OS2s "kvalificering af opgaver" '
                "være udfyldt. Der mangler:\n{points}\n\n"
                "Se https://faq.os2.eu/kvalificering-af-opgaver-i-jira. Denne kommentar "
                "opdateres, når opgaven ændres."
            ),
            en=(
                "*os2bot* – task qualification\n\n"
                'Before development is ordered, points 1–5 of OS2\'s "task qualification" must '
                "be filled in. Missing:\n{points}\n\n"
                "See https://faq.os2.eu/kvalificering-af-opgaver-i-jira. This comment is updated "
                "when the issue changes."
            ),
        ),
        "triage.complete": T(
            da=(
                "*os2bot* – kvalificering af opgaven\n\n"
                'Punkt 1–5 i OS2s "kvalificering af opgaver" er nu udfyldt: opgaven kan '
                "prioriteres og bestilles.{points}"
            ),
            en=(
                "*os2bot* – task qualification\n\n"
                'Points 1–5 of OS2\'s "task qualification" are now filled in: the request can be '
                "prioritised and ordered.{points}"
            ),
        ),
        "task.release.summary": T(
            da="Release {version} – release- og deploymentstyring",
            en="Release {version} – release and deployment management",
        ),
        "task.release.description": T(
            da=(
                "Version {version} af {product} skal frigives {date}.\n\n"
                "h3. Tjekliste\n{checklist}\n\n"
                "h3. Uløste sager i versionen\n{issues}\n\n"
                "----\nOprettet af os2bot efter OS2s releaseflow. Opgaven lukkes, når versionen "
                "er markeret som frigivet i Jira."
            ),
            en=(
                "Version {version} of {product} is due for release on {date}.\n\n"
                "h3. Checklist\n{checklist}\n\n"
                "h3. Unresolved issues in the version\n{issues}\n\n"
                "----\nOpened by os2bot following OS2's release flow. It is resolved when the "
                "version is marked released in Jira."
            ),
        ),
        "task.release.no_issues": T(da="Ingen uløste sager.", en="No unresolved issues."),
        "task.release.overdue": T(
            da="os2bot: Version {version} skulle være frigivet {date} og er forsinket. Aftal en "
            "ny dato, eller frigiv versionen.",
            en="os2bot: Version {version} was due for release on {date} and is late. Agree a "
            "new date, or release the version.",
        ),
        "task.release.check_failing": T(
            da="Så længe versionen er forsinket, er »{check}« ikke opfyldt. Der oprettes ingen "
            "særskilt påmindelse om det: det følges op her.",
            en="While the version is late, “{check}” is not met. No separate reminder is opened "
            "for it: it is followed up here.",
        ),
        "task.release.released": T(
            da="os2bot: Version {version} er frigivet ({date}). Opgaven lukkes.",
            en="os2bot: Version {version} is released ({date}). Resolving this task.",
        ),
        "release.step.review": T(da="Review af koden er gennemført", en="Code review done"),
        "release.step.tested": T(
            da="Testet mod acceptkriterierne",
            en="Tested against the acceptance criteria",
        ),
        "release.step.tag": T(da="Tag er oprettet", en="Tag created"),
        "release.step.notes": T(da="Release notes er skrevet", en="Release notes written"),
        "release.step.docs": T(
            da="Bruger- og implementeringsdokumentation er opdateret",
            en="User and implementation documentation updated",
        ),
        "release.step.informed": T(
            da="Medlemsmyndighederne er informeret",
            en="Member authorities informed",
        ),
        "release.step.deployment_window": T(
            da="Deploymentvindue er aftalt med leverandøren",
            en="Deployment window agreed with the supplier",
        ),
        "task.fee.summary": T(
            da="Fakturér tilslutningsafgift: {authority} – {product}",
            en="Invoice the affiliation fee: {authority} – {product}",
        ),
        "task.fee.description": T(
            da=(
                "{authority} er tilsluttet {product} (fra {joined}) og har hverken betalt for "
                "udviklingen eller tilslutningsafgiften.\n\nFakturér engangsbeløbet, og markér "
                "myndigheden som betalt (fee_paid) i produktfilen. Opgaven lukkes derefter af "
                "os2bot."
            ),
            en=(
                "{authority} has joined {product} (from {joined}) and has paid neither for the "
                "development nor the affiliation fee.\n\nInvoice the one-off fee and mark the "
                "authority as paid (fee_paid) in the product file. os2bot then resolves this "
                "task."
            ),
        ),
        "task.fee.paid": T(
            da="os2bot: {authority} har betalt tilslutningsafgiften. Opgaven lukkes.",
            en="os2bot: {authority} has paid the affiliation fee. Resolving this task.",
        ),
        # Joint support: the support agreement, its SLA and the prepaid hours card
        "onboard.file.support": T(
            da="Fælles support (kun med udvidelsen faelles_drift): supportaftalen, SLA'en pr. "
            "prioritet (4h = supporttimer, 2d = arbejdsdage) og et eventuelt klippekort.",
            en="Joint support (only with the faelles_drift extension): the support agreement, "
            "the SLA per priority (4h = support hours, 2d = working days) and any prepaid hours "
            "card.",
        ),
        "reason.support.none": T(
            da="Produktfilen angiver ingen supportaftale (support.agreement).",
            en="The product file declares no support agreement (support.agreement).",
        ),
        "reason.support.expired": T(
            da="Supportaftalen udløb {expires}.",
            en="The support agreement expired on {expires}.",
        ),
        "reason.support.not_started": T(
            da="Supportaftalen træder først i kraft {start}.",
            en="The support agreement does not come into force until {start}.",
        ),
        "reason.support.in_force": T(
            da="Supportaftalen med {supplier} er i kraft til og med {expires}.",
            en="The support agreement with {supplier} is in force up to and including {expires}.",
        ),
        "reason.support.no_trace": T(
            da="Supportaftalen er angivet i produktfilen, men Jira har ingen sag, der viser den "
            "({jql}).",
            en="The support agreement is declared in the product file, but no Jira issue shows "
            "it ({jql}).",
        ),
        "reason.sla.agreement_expired": T(
            da="Supportaftalen udløb {expires}, så dens SLA binder ikke længere leverandøren.",
            en="The support agreement expired on {expires}, so its SLA no longer binds the "
            "supplier.",
        ),
        "reason.sla.no_terms": T(
            da="Produktfilen angiver ingen SLA-tider (support.sla).",
            en="The product file states no SLA times (support.sla).",
        ),
        "reason.sla.unread": T(
            da="Supportsagerne kunne ikke læses: {error}",
            en="The support issues could not be read: {error}",
        ),
        "reason.sla.no_issues": T(
            da="Ingen supportsager at måle SLA'en på "
            "{days:one=den seneste dag|other=de seneste # dage}.",
            en="No support issues to measure the SLA by in "
            "{days:one=the last day|other=the last # days}.",
        ),
        "reason.sla.kept": T(
            da="SLA'en blev overholdt i {kept} af {count:one=# supportsag|other=# supportsager} "
            "{days:one=den seneste dag|other=de seneste # dage} ({share} %; kravet er mindst "
            "{threshold} %).",
            en="The SLA was kept in {kept} of {count:one=# support issue|other=# support "
            "issues} in {days:one=the last day|other=the last # days} ({share}%; at least "
            "{threshold}% required).",
        ),
        "reason.sla.not_kept": T(
            da="SLA'en blev kun overholdt i {kept} af {count:one=# supportsag|other=# "
            "supportsager} {days:one=den seneste dag|other=de seneste # dage} ({share} %; kravet "
            "er mindst {threshold} %). Brud: {breaches}.",
            en="The SLA was kept in only {kept} of {count:one=# support issue|other=# support "
            "issues} in {days:one=the last day|other=the last # days} ({share}%; at least "
            "{threshold}% required). Breaches: {breaches}.",
        ),
        "task.support_expiry.summary": T(
            da="Supportaftalen for {product} udløber {date} "
            "({days:one=# dags varsel|other=# dages varsel})",
            en="The support agreement for {product} expires on {date} "
            "({days:one=# day's notice|other=# days' notice})",
        ),
        "task.support_expiry.description": T(
            da="Supportaftalen for {product} med {supplier} udløber {date}. Aftal fornyelsen med "
            "leverandøren og styregruppen, og opdatér udløbsdatoen (support.agreement.expires) i "
            "produktfilen.",
            en="The support agreement for {product} with {supplier} expires on {date}. Agree its "
            "renewal with the supplier and the steering group, and update the expiry date "
            "(support.agreement.expires) in the product file.",
        ),
        "task.support_expiry.renewed": T(
            da="os2bot: Supportaftalen for {product} er fornyet og gælder nu til og med {date}. "
            "Opgaven lukkes.",
            en="os2bot: The support agreement for {product} has been renewed and is now in force "
            "until {date}. Resolving this task.",
        ),
        "task.support_expired.summary": T(
            da="Supportaftalen for {product} er udløbet ({date})",
            en="The support agreement for {product} has expired ({date})",
        ),
        "task.support_expired.description": T(
            da="Supportaftalen for {product} med {supplier} udløb {date}. Uden en aftale i kraft "
            "er der ingen SLA at holde leverandøren op på.",
            en="The support agreement for {product} with {supplier} expired on {date}. Without an "
            "agreement in force there is no SLA to hold the supplier to.",
        ),
        "task.support_expired.fix": T(
            da="Forny aftalen med leverandøren, og angiv den nye udløbsdato "
            "(support.agreement.expires) i produktfilen. Så lukker os2bot opgaven.",
            en="Renew the agreement with the supplier and give the new expiry date "
            "(support.agreement.expires) in the product file. os2bot then resolves this task.",
        ),
        "task.card.summary": T(
            da="Klippekortet for {product} ({start} – {end}) er ved at slippe op",
            en="The prepaid hours card for {product} ({start} – {end}) is running out",
        ),
        "task.card.used": T(
            da="{used} af {bought:one=# time|other=# timer} er brugt ({share} %) i perioden "
            "{start} – {end}, på {issues:one=# sag|other=# sager}.",
            en="{used} of {bought:one=# hour|other=# hours} used ({share}%) in the period "
            "{start} – {end}, on {issues:one=# issue|other=# issues}.",
        ),
        "task.card.rate": T(
            da="De seneste 8 uger er der i gennemsnit brugt "
            "{rate:0=under en halv time|one=ca. # time|other=ca. # timer} om ugen.",
            en="Over the last 8 weeks, an average of "
            "{rate:0=under half an hour|one=about # hour|other=about # hours} a week was used.",
        ),
        "task.card.early": T(
            da="Med det forbrug løber klippekortet tør {runs_out}, før perioden slutter {end}.",
            en="At that rate the card runs out on {runs_out}, before the period ends on {end}.",
        ),
        "task.card.lasts": T(
            da="Med det forbrug rækker klippekortet perioden ud (den slutter {end}).",
            en="At that rate the card lasts the period (it ends on {end}).",
        ),
        "task.card.used_up": T(
            da="Klippekortet er brugt op ({runs_out}), før perioden slutter {end}.",
            en="The card was used up on {runs_out}, before the period ends on {end}.",
        ),
        "task.card.fix": T(
            da="Aftal med styregruppen og leverandøren, om der skal købes flere timer, eller om "
            "forbruget skal ned. os2bot opdaterer opgaven, når tallene ændrer sig, og lukker den, "
            "når klippekortet ikke længere er ved at slippe op (fx når et nyt kort er angivet "
            "under support.card i produktfilen).",
            en="Agree with the steering group and the supplier whether to buy more hours or use "
            "fewer. os2bot updates this task as the numbers change and resolves it when the card "
            "is no longer running out (e.g. when a new card is given under support.card in the "
            "product file).",
        ),
        "task.card.cleared": T(
            da="os2bot: Klippekortet for {product} er ikke længere ved at slippe op. Opgaven "
            "lukkes.",
            en="os2bot: The prepaid hours card for {product} is no longer running out. Resolving "
            "this task.",
        ),
        "status.card.early": T(
            da="Klippekort: {used} af {bought:one=# time|other=# timer} brugt ({share} %); løber "
            "tør {runs_out}, før perioden slutter {end}",
            en="Prepaid hours card: {used} of {bought:one=# hour|other=# hours} used ({share}%); "
            "runs out on {runs_out}, before the period ends on {end}",
        ),
        "status.card.lasts": T(
            da="Klippekort: {used} af {bought:one=# time|other=# timer} brugt ({share} %); rækker "
            "perioden ud (den slutter {end}; med det forbrug først tomt {runs_out})",
            en="Prepaid hours card: {used} of {bought:one=# hour|other=# hours} used ({share}%); "
            "lasts the period (it ends on {end}; at this rate not empty until {runs_out})",
        ),
        "status.card.idle": T(
            da="Klippekort: {used} af {bought:one=# time|other=# timer} brugt ({share} %); intet "
            "forbrug de seneste 8 uger (perioden slutter {end})",
            en="Prepaid hours card: {used} of {bought:one=# hour|other=# hours} used ({share}%); "
            "none used in the last 8 weeks (the period ends on {end})",
        ),
        "status.card.used_up": T(
            da="Klippekort: {used} af {bought:one=# time|other=# timer} brugt ({share} %); opbrugt "
            "{runs_out}, før perioden slutter {end}",
            en="Prepaid hours card: {used} of {bought:one=# hour|other=# hours} used ({share}%); "
            "used up on {runs_out}, before the period ends on {end}",
        ),
        "task.expiry.summary": T(
            da="Tilslutningsaftalen for {product} udløber {date} "
            "({days:one=# dags varsel|other=# dages varsel})",
            en="The affiliation agreement of {product} expires on {date} "
            "({days:one=# day's notice|other=# days' notice})",
        ),
        "task.expiry.description": T(
            da="Tilslutningsaftalen for {product} udløber {date}. Aftal fornyelse med "
            "styregruppen, og opdatér aftalens udløbsdato i produktfilen.",
            en="The affiliation agreement of {product} expires on {date}. Agree its renewal with "
            "the steering group and update the expiry date in the product file.",
        ),
        "task.expiry.replaced": T(
            da="os2bot: Afløst af opgaven »{task}«. Opgaven lukkes.",
            en="os2bot: Replaced by the task “{task}”. Resolving this task.",
        ),
        "task.expiry.renewed": T(
            da="os2bot: Tilslutningsaftalen for {product} er fornyet og gælder nu til og med "
            "{date}. Opgaven lukkes.",
            en="os2bot: The affiliation agreement of {product} has been renewed and is now in "
            "force until {date}. Resolving this task.",
        ),
        "task.expired.summary": T(
            da="Tilslutningsaftalen for {product} er udløbet ({date})",
            en="The affiliation agreement of {product} has expired ({date})",
        ),
        "task.expired.description": T(
            da="Tilslutningsaftalen for {product} udløb {date}. En udløbet aftale sikrer ikke "
            "økonomi til noget af det, den dækkede.",
            en="The affiliation agreement of {product} expired on {date}. An agreement that has "
            "expired secures funding for none of what it covered.",
        ),
        "task.expired.items": T(
            da="Indtil aftalen er fornyet, er {count:one=dette punkt|other=disse # punkter} "
            "ikke opfyldt:",
            en="Until the agreement is renewed, {count:one=this item is|other=these # items are} "
            "not met:",
        ),
        "task.expired.fix": T(
            da="Aftal fornyelsen med styregruppen, og angiv den nye udløbsdato (agreement.expires) "
            "i produktfilen. Så lukker os2bot opgaven.",
            en="Agree the renewal with the steering group and give the new expiry date "
            "(agreement.expires) in the product file. os2bot then resolves this task.",
        ),
        "task.unreadable.summary": T(
            da="{product}: Jira-projektet {project} kan ikke læses",
            en="{product}: the Jira project {project} cannot be read",
        ),
        "task.unreadable.description": T(
            da="os2bot kan ikke læse Jira-projektet {project}, som produktfilen for {product} "
            "angiver: projektet findes ikke, eller os2bots Jira-bruger har ikke adgang til det. "
            "{count:0=Ingen tjek afhænger af projektet|one=# tjek er derfor ukendt"
            "|other=# tjek er derfor ukendte}, og os2bot kan ikke oprette opgaver i det.\n\n"
            "Ret projektnøglen (jira.project) i produktfilen, eller giv os2bots Jira-bruger "
            "adgang til at se projektet (tilladelsen Browse projects). os2bot lukker opgaven, "
            "når projektet kan læses.",
            en="os2bot cannot read the Jira project {project} that the product file of {product} "
            "names: the project does not exist, or os2bot's Jira user has no access to it. "
            "{count:0=No check depends on the project|one=# check is unknown because of it"
            "|other=# checks are unknown because of it}, and os2bot cannot open tasks in it."
            "\n\nCorrect the project key (jira.project) in the product file, or give os2bot's "
            "Jira user access to the project (the Browse projects permission). os2bot resolves "
            "this task when the project can be read.",
        ),
        "task.unreadable.readable": T(
            da="os2bot: Jira-projektet {project} kan nu læses. Opgaven lukkes.",
            en="os2bot: The Jira project {project} can now be read. Resolving this task.",
        ),
        "task.reminder.covered": T(
            da="os2bot: Det følges nu op i opgaven {task}, så denne opgave lukkes.",
            en="os2bot: This is now followed up in the task {task}, so this task is resolved.",
        ),
        "plan.deferred": T(
            da="Skrivebudgettet ({budget}) er brugt op: "
            "{count:one=# handling venter|other=# handlinger venter} til næste kørsel.",
            en="The write budget ({budget}) is used up: "
            "{count:one=# action waits|other=# actions wait} for the next run.",
        ),
        "plan.uncertain": T(
            da="{count:one=# opgave venter|other=# opgaver venter}: et tidligere forsøg på at "
            "oprette {count:one=den|other=dem} kan være lykkedes, selv om svaret gik tabt. "
            "os2bot opretter {count:one=den|other=dem} ikke igen, før Jira har vist, om "
            "{count:one=den|other=de} findes.",
            en="{count:one=# task waits|other=# tasks wait}: an earlier attempt to open "
            "{count:one=it|other=them} may have succeeded although the answer was lost. os2bot "
            "will not open {count:one=it|other=them} again until Jira has shown whether "
            "{count:one=it exists|other=they exist}.",
        ),
        "task.cut": T(
            da="(os2bot: Teksten er afkortet her, for Jira tager ikke mere.)",
            en="(os2bot: The text is cut here, as Jira takes no more.)",
        ),
        "task.cut_github": T(
            da="(os2bot: Teksten er afkortet her, for GitHub tager ikke mere.)",
            en="(os2bot: The text is cut here, as GitHub takes no more.)",
        ),
        "task.due": T(
            da="**Frist:** {date}",
            en="**Due:** {date}",
        ),
        "task.resolved.comment": T(
            da="os2bot: {check} er nu opfyldt. {reason} Opgaven lukkes.",
            en="os2bot: {check} is now met. {reason} Resolving this task.",
        ),
        # The escalation ladder
        "ladder.who.coordination_group": T(
            da="koordinationsgruppens formand", en="the coordination group's chair"
        ),
        "ladder.who.steering_group": T(da="styregruppens formand", en="the steering group's chair"),
        "ladder.who.secretariat": T(da="sekretariatet", en="the secretariat"),
        "ladder.comment.reminded": T(
            da="os2bot: Opgaven skulle have været løst senest {due} og er stadig åben. {who} er "
            "mindet om den i chatten. Er I i gang, så skriv »kvittér {key}« til os2bot i chatten; "
            "skal den vente, så skriv »udsæt {key} <dato>«.",
            en="os2bot: This task was due on {due} and is still open. {who} has been reminded in "
            "chat. If you are on it, write “ack {key}” to os2bot in chat; if it must wait, write "
            "“snooze {key} <date>”.",
        ),
        "ladder.comment.escalated": T(
            da="os2bot: Opgaven er stadig åben {days:one=# arbejdsdag|other=# arbejdsdage} efter "
            "fristen {due}. Den er nu sendt videre til {who}.",
            en="os2bot: This task is still open {days:one=# working day|other=# working days} "
            "after its due date {due}. It has now been passed on to {who}.",
        ),
        "ladder.comment.secretariat": T(
            da="os2bot: Opgaven er stadig åben {days:one=# arbejdsdag|other=# arbejdsdage} efter "
            "fristen {due} og er nu eskaleret til sekretariatet, som har fået en opgave om den og "
            "ser den i ugeoversigten.",
            en="os2bot: This task is still open {days:one=# working day|other=# working days} "
            "after its due date {due} and is now escalated to the secretariat, which has a task "
            "about it and sees it in the weekly digest.",
        ),
        "ladder.chat.reminded": T(
            da="Påmindelse: {product} – {check}", en="Reminder: {product} – {check}"
        ),
        "ladder.chat.reminded_text": T(
            da="{who}: Opgaven {key} skulle have været løst senest {due} og er stadig åben. Er I "
            "i gang, så skriv »kvittér {key}« til mig; skal den vente, så skriv »udsæt {key} "
            "<dato>«.",
            en="{who}: Task {key} was due on {due} and is still open. If you are on it, write "
            "“ack {key}” to me; if it must wait, write “snooze {key} <date>”.",
        ),
        "ladder.chat.escalated": T(
            da="Eskalering: {product} – {check}", en="Escalation: {product} – {check}"
        ),
        "ladder.chat.escalated_text": T(
            da="{who}: Opgaven {key} er stadig åben {days:one=# arbejdsdag|other=# arbejdsdage} "
            "efter fristen {due}. Påmindelsen gik til {owner} {reminded}. Vil du følge op?",
            en="{who}: Task {key} is still open {days:one=# working day|other=# working days} "
            "after its due date {due}. The reminder went to {owner} on {reminded}. Will you "
            "follow up?",
        ),
        "ladder.task.summary": T(
            da="Eskaleret: {product} – {check} ({key})",
            en="Escalated: {product} – {check} ({key})",
        ),
        "ladder.task.description": T(
            da=(
                "Påmindelsen [{key}|{url}] om *{check}* for {product} skulle have været løst "
                "senest {due} og er stadig åben.\n\n"
                "h3. Hvem har fået besked\n{steps}\n\n"
                "h3. Hvad sekretariatet kan gøre\n"
                "Tag kontakt til {owner}, og aftal en plan: en ny frist i Jira, eller en "
                "dispensation, som skrives i produktfilen.\n\n"
                "----\nOprettet af os2bot. Opgaven lukkes, når påmindelsen er løst."
            ),
            en=(
                "The reminder [{key}|{url}] about *{check}* for {product} was due on {due} and is "
                "still open.\n\n"
                "h3. Who has been told\n{steps}\n\n"
                "h3. What the secretariat can do\n"
                "Contact {owner} and agree a plan: a new due date in Jira, or a waiver, written "
                "in the product file.\n\n"
                "----\nOpened by os2bot. It is resolved when the reminder is."
            ),
        ),
        "ladder.task.step": T(da="* {date}: {who} fik besked", en="* {date}: {who} was told"),
        "ladder.task.resolved": T(
            da="os2bot: Påmindelsen {key} er løst. Opgaven lukkes.",
            en="os2bot: The reminder {key} is resolved. Resolving this task.",
        ),
        "chat.digest.escalated": T(
            da="Eskaleret · {product} · {check}", en="Escalated · {product} · {check}"
        ),
        "chat.digest.escalated_detail": T(
            da="{key} skulle have været løst senest {due}; ansvarlig: {owner}",
            en="{key} was due on {due}; owner: {owner}",
        ),
        "owner.steering_group": T(da="styregruppen", en="the steering group"),
        "owner.coordination_group": T(da="koordinationsgruppen", en="the coordination group"),
        "owner.secretariat": T(da="sekretariatet", en="the secretariat"),
        # Chat
        "chat.omitted": T(
            da="… og {count} mere, som er udeladt her (beskedens længdegrænse).",
            en="… and {count} more, left out here (the message's length limit).",
        ),
        "chat.notification": T(da="{product}: {what}", en="{product}: {what}"),
        "chat.event.opened": T(da="Ny opgave fra os2bot", en="New task from os2bot"),
        "chat.event.overdue": T(da="Forsinket release", en="Late release"),
        "chat.event.failing": T(
            da="{check} er ikke længere opfyldt",
            en="{check} is no longer met",
        ),
        "chat.event.cleared": T(
            da="{check} er opfyldt igen",
            en="{check} is met again",
        ),
        "chat.event.round": T(
            da="Prioriteringsmøde {date} ({days:0=i dag|one=i morgen|other=om # dage})",
            en="Prioritisation meeting on {date} ({days:0=today|one=tomorrow|other=in # days})",
        ),
        "chat.event.round_requests": T(
            da="{count:0=Ingen udviklingsønsker venter|one=# udviklingsønske venter"
            "|other=# udviklingsønsker venter} på prioritering.",
            en="{count:0=No development requests wait|one=# development request waits"
            "|other=# development requests wait} for prioritisation.",
        ),
        "chat.event.batch": T(
            da="{count:one=# nyhed|other=# nyheder} fra os2bot",
            en="{count:one=# piece of news|other=# pieces of news} from os2bot",
        ),
        "chat.digest.title": T(
            da="Ugeoversigt for OS2-porteføljen – uge {week}, {year}",
            en="Weekly view of the OS2 portfolio – week {week}, {year}",
        ),
        "chat.digest.change": T(da="{before} → {after}", en="{before} → {after}"),
        "chat.digest.first": T(
            da="Første oversigt: ændringer vises fra næste uge.",
            en="First digest: changes are shown from next week.",
        ),
        "chat.digest.no_changes": T(
            da="Ingen ændringer siden sidste oversigt.",
            en="No changes since the last digest.",
        ),
        "chat.digest.at_risk": T(da="Mest i risiko:", en="Most at risk:"),
        "chat.digest.risk": T(
            da="{product}: {what}{high:0=|one= – # med høj alvor|other= – # med høj alvor}",
            en="{product}: {what}{high:0=|one= – # of high severity|other= – # of high severity}",
        ),
        "chat.digest.no_risk": T(
            da="Intet produkt har mangler lige nu.",
            en="No product has gaps right now.",
        ),
        "chat.digest.report": T(da="Hele rapporten", en="The full report"),
        "chat.digest.footer": T(
            da="{products:one=# produkt|other=# produkter} · os2bot",
            en="{products:one=# product|other=# products} · os2bot",
        ),
        "chat.alert.failing": T(
            da="os2bot fejler: {count:one=# kørsel er mislykkedes"
            "|other=# kørsler i træk er mislykkedes}",
            en="os2bot is failing: {count:one=# run did not succeed"
            "|other=# runs in a row did not succeed}",
        ),
        "chat.alert.failing_text": T(
            da="Første fejl {since}. Seneste fejl: {error}",
            en="First failure {since}. Latest error: {error}",
        ),
        "chat.alert.recovered": T(da="os2bot kører igen", en="os2bot runs again"),
        "chat.alert.recovered_text": T(
            da="Kørslen lykkedes efter {count:one=# mislykket kørsel"
            "|other=# mislykkede kørsler i træk}.",
            en="The run succeeded after {count:one=# failed run|other=# failed runs in a row}.",
        ),
        "chat.status.title": T(
            da="{product} — status for tilslutningsaftalen",
            en="{product} — affiliation agreement status",
        ),
        "chat.status.tasks": T(da="Åbne opgaver fra os2bot", en="Open tasks from os2bot"),
        "chat.status.met": T(
            da="{count} tjek opfyldt",
            en="{count:one=# check met|other=# checks met}",
        ),
        "chat.status.waived": T(
            da="{count} tjek dispenseret",
            en="{count:one=# check waived|other=# checks waived}",
        ),
        "chat.status.all_met": T(
            da="{count:0=ingen mangler|one=det ene tjek er opfyldt|other=alle # tjek er opfyldt}",
            en="{count:0=no gaps|one=the only check is met|other=all # checks are met}",
        ),
        "chat.status.page": T(
            da="Hele status, opgaver og historik for {product}",
            en="The whole status, tasks and history of {product}",
        ),
        "chat.status.no_tasks": T(
            da="Ingen åbne opgaver fra os2bot.",
            en="No open tasks from os2bot.",
        ),
        "chat.status.footer": T(
            da="Opdateret {when} af os2bot · profil {profile} {version}",
            en="Updated {when} by os2bot · profile {profile} {version}",
        ),
        # Answers in chat
        "answer.help.title": T(da="Det kan jeg hjælpe med", en="What I can do"),
        "answer.help.intro": T(
            da="Skriv til mig med en af kommandoerne herunder. Jeg svarer ud fra os2bots seneste "
            "kørsel og spørger ikke Jira.",
            en="Write to me with one of the commands below. I answer from os2bot's latest run "
            "and do not ask Jira.",
        ),
        "answer.help.footer": T(
            da="Kun den ansvarlige gruppe og sekretariatet kan kvittere, udsætte og bede om "
            "dispensation.",
            en="Only the owning group and the secretariat can acknowledge, snooze and ask for a "
            "waiver.",
        ),
        "answer.help.status.usage": T(da="status [produkt]", en="status [product]"),
        "answer.help.status": T(
            da="produktets status fra seneste kørsel – eller hele porteføljens",
            en="the product's status from the latest run – or the whole portfolio's",
        ),
        "answer.help.why.usage": T(da="hvorfor <produkt> <tjek>", en="why <product> <check>"),
        "answer.help.why": T(
            da="begrundelsen, evidensen og hvordan det løses",
            en="the reason, the evidence and how to fix it",
        ),
        "answer.help.tasks.usage": T(da="opgaver [produkt]", en="tasks [product]"),
        "answer.help.tasks": T(da="de åbne opgaver fra os2bot", en="the open tasks from os2bot"),
        "answer.help.acknowledge.usage": T(da="kvittér <opgave>", en="ack <task>"),
        "answer.help.acknowledge": T(
            da="I er i gang med opgaven: eskaleringen holder pause",
            en="you are on the task: its escalation pauses",
        ),
        "answer.help.snooze.usage": T(da="udsæt <opgave> <dato>", en="snooze <task> <date>"),
        "answer.help.snooze": T(
            da="eskaleringen venter til datoen (inden for en grænse)",
            en="the escalation waits until the date (within a limit)",
        ),
        "answer.help.waiver.usage": T(
            da="dispensation <produkt> <tjek> <begrundelse>",
            en="waiver <product> <check> <reason>",
        ),
        "answer.help.waiver": T(
            da="beder sekretariatet om en dispensation",
            en="asks the secretariat for a waiver",
        ),
        "answer.help.help.usage": T(da="hjælp", en="help"),
        "answer.help.help": T(da="denne oversigt", en="this list"),
        "answer.unknown": T(
            da="Jeg kender ikke kommandoen »{word}«.",
            en="I do not know the command “{word}”.",
        ),
        "answer.product_needed": T(
            da="Hvilket produkt mener du? Kendte produkter: {known}.",
            en="Which product do you mean? Known products: {known}.",
        ),
        "answer.unknown_product": T(
            da="Jeg kender ikke produktet »{value}«. Kendte produkter: {known}.",
            en="I do not know the product “{value}”. Known products: {known}.",
        ),
        "answer.check_needed": T(
            da="Hvilket tjek for {product}? Kendte tjek: {known}.",
            en="Which check of {product}? Known checks: {known}.",
        ),
        "answer.unknown_check": T(
            da="{product} har intet tjek, der hedder »{value}«. Kendte tjek: {known}.",
            en="{product} has no check called “{value}”. Known checks: {known}.",
        ),
        "answer.no_run": T(
            da="os2bot har ikke kørt endnu, så jeg har ikke noget at svare ud fra.",
            en="os2bot has not run yet, so I have nothing to answer from.",
        ),
        "answer.report": T(da="Hele rapporten", en="The full report"),
        "answer.page": T(da="{product} i rapporten", en="{product} in the report"),
        "answer.portfolio.title": T(
            da="OS2-porteføljen – status fra seneste kørsel",
            en="The OS2 portfolio – status from the latest run",
        ),
        "answer.footer": T(da="Fra os2bots kørsel {when}", en="From os2bot's run at {when}"),
        "answer.why.none": T(
            da="{check} blev ikke vurderet for {product} i seneste kørsel.",
            en="{check} was not judged for {product} in the latest run.",
        ),
        "answer.why.fix": T(da="Sådan løses det: {fix}", en="How to fix it: {fix}"),
        "answer.why.title": T(da="{product}: {check} – {state}", en="{product}: {check} – {state}"),
        "answer.why.evidence": T(da="Evidens", en="Evidence"),
        "answer.tasks.title": T(
            da="Åbne opgaver fra os2bot for {product} ({count})",
            en="Open tasks from os2bot for {product} ({count})",
        ),
        "answer.tasks.all": T(
            da="Åbne opgaver fra os2bot ({count})", en="Open tasks from os2bot ({count})"
        ),
        "answer.tasks.more": T(
            da="{count:one=# opgave mere|other=# opgaver mere} vises ikke her.",
            en="{count:one=# more task is|other=# more tasks are} not shown here.",
        ),
        "answer.tasks.due": T(da="frist {date}", en="due {date}"),
        "answer.tasks.step": T(
            da="eskaleret: trin {step} af {steps}", en="escalated: step {step} of {steps}"
        ),
        "answer.tasks.held": T(da="pause til {date}", en="paused until {date}"),
        "answer.acknowledge.usage": T(
            da="Skriv »kvittér <opgave>«, fx »kvittér MO-12«.",
            en="Write “ack <task>”, e.g. “ack MO-12”.",
        ),
        "answer.snooze.usage": T(
            da="Skriv »udsæt <opgave> <dato>«, fx »udsæt MO-12 2026-12-15« eller »udsæt MO-12 "
            "14 dage«.",
            en="Write “snooze <task> <date>”, e.g. “snooze MO-12 2026-12-15” or “snooze MO-12 14 "
            "days”.",
        ),
        "answer.no_task": T(
            da="Jeg kender ingen åben opgave fra os2bot, der hedder {key}.",
            en="I know no open task from os2bot called {key}.",
        ),
        "answer.not_reminder": T(
            da="{key} er ikke en påmindelse, så den eskaleres ikke; der er intet at kvittere for "
            "eller udsætte.",
            en="{key} is not a reminder, so it is not escalated; there is nothing to acknowledge "
            "or snooze.",
        ),
        "answer.who.secretariat": T(da="sekretariatet", en="the secretariat"),
        "answer.who.group": T(
            da="{group} for {product} og sekretariatet",
            en="{group} of {product} and the secretariat",
        ),
        "answer.acknowledge.refused": T(
            da="Du kan desværre ikke kvittere for {key}", en="Sorry, you cannot acknowledge {key}"
        ),
        "answer.snooze.refused": T(
            da="Du kan desværre ikke udsætte {key}", en="Sorry, you cannot snooze {key}"
        ),
        "answer.waiver.refused": T(
            da="Du kan desværre ikke bede om dispensation for {key}",
            en="Sorry, you cannot ask for a waiver for {key}",
        ),
        "answer.refused": T(
            da="Det er forbeholdt medlemmer af {who}.", en="That is for members of {who}."
        ),
        "answer.refused.email": T(
            da="Jeg genkender dem på e-mailen i produktfilen, og din chatkonto har {email}. Er "
            "det en fejl, så bed sekretariatet om at tilføje dig.",
            en="I recognise them by the e-mail in the product file, and your chat account has "
            "{email}. If that is wrong, ask the secretariat to add you.",
        ),
        "answer.refused.no_email": T(
            da="Jeg genkender dem på e-mailen i produktfilen, men din chatkonto viser mig ingen "
            "e-mail. Bed sekretariatet om at tilføje dit chat-id i produktfilen.",
            en="I recognise them by the e-mail in the product file, but your chat account shows "
            "me no e-mail. Ask the secretariat to add your chat id to the product file.",
        ),
        "answer.acknowledge.comment": T(
            da="os2bot: Kvitteret af {name} i chatten ({chat}) {when}. Eskaleringen holder pause "
            "til {until}.",
            en="os2bot: Acknowledged by {name} in chat ({chat}) at {when}. The escalation pauses "
            "until {until}.",
        ),
        "answer.acknowledge.done": T(
            da="Tak – {key} er kvitteret", en="Thanks – {key} is acknowledged"
        ),
        "answer.acknowledge.done_text": T(
            da="Eskaleringen holder pause i {days:one=# arbejdsdag|other=# arbejdsdage}, til "
            "{until}. Jeg har skrevet det på opgaven.",
            en="The escalation pauses for {days:one=# working day|other=# working days}, until "
            "{until}. I have noted it on the task.",
        ),
        "answer.snooze.out_of_range": T(
            da="Jeg kan ikke udsætte til {date}", en="I cannot snooze until {date}"
        ),
        "answer.snooze.limit": T(
            da="En udsættelse skal slutte efter i dag og højst "
            "{days:one=# dag|other=# dage} frem, altså senest {latest}.",
            en="A snooze must end after today and at most {days:one=# day|other=# days} ahead, "
            "that is by {latest}.",
        ),
        "answer.snooze.comment": T(
            da="os2bot: Udsat af {name} i chatten ({chat}) {when}. Eskaleringen holder pause til "
            "{until}.",
            en="os2bot: Snoozed by {name} in chat ({chat}) at {when}. The escalation pauses until "
            "{until}.",
        ),
        "answer.snooze.done": T(da="{key} er udsat til {date}", en="{key} is snoozed until {date}"),
        "answer.snooze.done_text": T(
            da="Eskaleringen holder pause til {date}. Jeg har skrevet det på opgaven.",
            en="The escalation pauses until {date}. I have noted it on the task.",
        ),
        "answer.waiver.usage": T(
            da="Skriv »dispensation <produkt> <tjek> <begrundelse>«, fx »dispensation os2mo "
            "finansiering-promovering Dækkes af OS2s fælles kommunikation til aftalen fornyes«.",
            en="Write “waiver <product> <check> <reason>”, e.g. “waiver os2mo "
            "finansiering-promovering Covered by OS2's joint communication until renewal”.",
        ),
        "answer.waiver.no_reason": T(
            da="Skriv også en begrundelse efter tjekket: Sekretariatet skal vide, hvorfor der "
            "bør gives dispensation.",
            en="Add a reason after the check: the secretariat needs to know why a waiver should "
            "be given.",
        ),
        "answer.waiver.summary": T(
            da="Anmodning om dispensation: {product} – {check}",
            en="Request for a waiver: {product} – {check}",
        ),
        "answer.waiver.done": T(
            da="Anmodningen om dispensation for {product} – {check} er sendt til sekretariatet",
            en="The request for a waiver for {product} – {check} is sent to the secretariat",
        ),
        "answer.waiver.done_text": T(
            da="Dispensationer er beslutninger, som mennesker træffer: Sekretariatet vurderer "
            "anmodningen, og en dispensation gælder først, når den står i produktfilen.",
            en="Waivers are decisions made by people: the secretariat weighs the request, and a "
            "waiver counts only once it is written in the product file.",
        ),
        "answer.waiver.description": T(
            da=(
                "{who} har i chatten ({chat}) {when} bedt om dispensation fra *{check}* for "
                "{product}.\n\n"
                "h3. Begrundelse\n{reason}\n\n"
                "h3. Seneste vurdering\n{judged}\n\n"
                "h3. Sådan gives en dispensation\n"
                "En dispensation er en beslutning, som mennesker træffer, ikke os2bot. Gives den, "
                "skrives den i produktfilen under waivers (check, reason, approver og expires), "
                "og så gælder den fra næste kørsel. Luk opgaven, når anmodningen er afgjort.\n\n"
                "----\nOprettet af os2bot på anmodning i chatten."
            ),
            en=(
                "{who} asked in chat ({chat}) at {when} for a waiver of *{check}* for "
                "{product}.\n\n"
                "h3. Reason\n{reason}\n\n"
                "h3. Latest judgement\n{judged}\n\n"
                "h3. How a waiver is given\n"
                "A waiver is a decision people make, not os2bot. If it is given, it is written "
                "in the product file under waivers (check, reason, approver and expires), and it "
                "counts from the next run. Resolve this task when the request is decided.\n\n"
                "----\nOpened by os2bot on a request in chat."
            ),
        ),
        "answer.waiver.again": T(
            da="os2bot: {who} har igen bedt om dispensation i chatten {when}. Begrundelse: "
            "{reason}",
            en="os2bot: {who} asked for a waiver again in chat at {when}. Reason: {reason}",
        ),
        "answer.write_failed": T(
            da="Det lykkedes ikke at skrive i Jira", en="I could not write to Jira"
        ),
        "answer.write_failed_text": T(
            da="Jira svarede ikke, eller afviste at skrive. Intet er ændret; prøv igen om lidt.",
            en="Jira did not answer, or refused the write. Nothing has changed; try again in a "
            "while.",
        ),
        "answer.crashed": T(da="Beklager, noget gik galt", en="Sorry, something went wrong"),
        "answer.crashed_text": T(
            da="Jeg kunne ikke svare på det. Fejlen er logget; skriv »hjælp« for at se, hvad jeg "
            "kan.",
            en="I could not answer that. The error is logged; write “help” to see what I can do.",
        ),
        # Plan and demo output
        "action.create": T(da="opret", en="create"),
        "action.update": T(da="opdatér", en="update"),
        "action.comment": T(da="kommentér", en="comment"),
        "action.edit_comment": T(da="ret kommentar", en="edit comment"),
        "action.resolve": T(da="luk", en="resolve"),
        "plan.none": T(
            da="Ingen ændringer: alt er, som det skal være.",
            en="No changes: everything is as it should be.",
        ),
        "demo.title": T(
            da="os2bot demo — sandkasse på {url} ({deployment})",
            en="os2bot demo — sandbox at {url} ({deployment})",
        ),
        "demo.run": T(da="Kørsel {number}", en="Run {number}"),
        "demo.overdue": T(
            da="(Demo: Fristen for {key} flyttes tilbage, som om der var gået nogle uger: anden "
            "kørsel tager eskaleringens første trin.)",
            en="(Demo: the due date of {key} is moved back, as if some weeks had passed: the "
            "second run takes the escalation's first step.)",
        ),
        "demo.scene": T(
            da="I chatten: styregruppens formand og sekretariatet skriver til os2bot",
            en="In chat: the steering group's chair and the secretariat write to os2bot",
        ),
        "demo.scene_jira": T(da="Kommentarer på {key} i Jira", en="Comments on {key} in Jira"),
        "demo.edited": T(da="redigeret", en="edited"),
        "demo.tasks_opened": T(
            da="Opgaver oprettet i Jira og på GitHub", en="Tasks opened in Jira and on GitHub"
        ),
        "demo.no_tasks_opened": T(da="Ingen nye opgaver.", en="No new tasks."),
        "demo.chat": T(da="Chatbeskeder", en="Chat messages"),
        "demo.no_chat": T(
            da="Ingen nye chatbeskeder (status er uændret).",
            en="No new chat messages (status unchanged).",
        ),
        "demo.summary": T(
            da="{tasks:one=# opgave|other=# opgaver} oprettet, "
            "{messages:one=# chatbesked|other=# chatbeskeder} sendt, {calls} Jira-kald, "
            "{github} GitHub-kald.",
            en="{tasks:one=# task|other=# tasks} opened, "
            "{messages:one=# chat message|other=# chat messages} sent, "
            "{calls:one=# Jira call|other=# Jira calls}, "
            "{github:one=# GitHub call|other=# GitHub calls}.",
        ),
        "demo.idempotent": T(
            da="Anden kørsel oprettede intet nyt: os2bot er idempotent.",
            en="The second run opened nothing new: os2bot is idempotent.",
        ),
        "demo.not_idempotent": T(
            da="FEJL: anden kørsel oprettede {tasks:one=# opgave|other=# opgaver} igen.",
            en="ERROR: the second run opened {tasks:one=# task|other=# tasks} again.",
        ),
        "dashboard.summary": T(
            da="OS2-porteføljen: overholdelse af tilslutningsaftalerne (os2bot)",
            en="OS2 portfolio: compliance with the affiliation agreements (os2bot)",
        ),
        "dashboard.intro": T(
            da="Holdes opdateret af os2bot efter hver kørsel. Ret ikke i teksten: den overskrives.",
            en="Kept current by os2bot after every run. Do not edit the text: it is overwritten.",
        ),
        "dashboard.report": T(
            da="Hele rapporten, altid fra seneste kørsel: [{url}]",
            en="The full report, always of the latest run: [{url}]",
        ),
        "dashboard.report_command": T(
            da="Hele rapporten: os2bot report, eller os2bot run, der viser den.",
            en="The full report: os2bot report, or os2bot run, which serves it.",
        ),
        "dashboard.changes": T(da="Ændret siden sidste kørsel", en="Changed since the last run"),
        "dashboard.change": T(
            da="{product} · {check}: {before} → {after}",
            en="{product} · {check}: {before} → {after}",
        ),
        "dashboard.no_changes": T(da="Ingen ændringer.", en="No changes."),
        "dashboard.gaps": T(da="Ikke opfyldt ({count})", en="Not met ({count})"),
        "dashboard.no_gaps": T(
            da="Alt er opfyldt eller dispenseret.",
            en="Everything is met or waived.",
        ),
        "dashboard.matrix": T(da="Alle produkter og tjek", en="Every product and check"),
        "dashboard.cut": T(
            da="_(Resten er udeladt: Jiras grænse for beskrivelsens længde. Se hele rapporten.)_",
            en="_(The rest is left out: Jira's limit on a description's length. See the full "
            "report.)_",
        ),
        "report.title": T(
            da="Overholdelse af tilslutningsaftalerne – OS2-porteføljen",
            en="Compliance with the affiliation agreements – the OS2 portfolio",
        ),
        "report.product_title": T(
            da="{product} – overholdelse af tilslutningsaftalen",
            en="{product} – compliance with the affiliation agreement",
        ),
        "report.note.no_history": T(
            da="Ingen historik endnu: rapporten bygger på den aktuelle kørsel.",
            en="No history yet: the report is drawn from the current run.",
        ),
        "report.note.no_runs": T(
            da="Ingen kørsler endnu: rapporten fyldes ud efter os2bots første kørsel.",
            en="No runs yet: the report fills in after os2bot's first run.",
        ),
        "report.served.no_product": T(
            da="Det produkt findes ikke i os2bots konfiguration.",
            en="There is no such product in os2bot's configuration.",
        ),
        "report.served.no_proxy": T(
            da="Rapporten vises kun gennem den omvendte proxy, der godkender læserne.",
            en="The report is served only through the reverse proxy that authenticates readers.",
        ),
        "report.served.token": T(
            da="Rapporten kræver adgang: åbn linket med ?token=…, eller send "
            "Authorization: Bearer … med tokenet fra sekretariatet.",
            en="The report needs access: open the link with ?token=…, or send "
            "Authorization: Bearer … with the token from the secretariat.",
        ),
        "report.note.one_run": T(
            da="Kun én kørsel i historikken: udviklingen vises fra næste kørsel.",
            en="Only one run in the history: trends show from the next run.",
        ),
        "report.no_result": T(
            da="Intet resultat i den seneste kørsel.",
            en="No result in the latest run.",
        ),
        "report.changes": T(da="Ændringer", en="Changes"),
        "report.changes_since": T(da="Siden {date}.", en="Since {date}."),
        "report.no_changes": T(da="Ingen ændringer i perioden.", en="No changes in the period."),
        "report.generated": T(
            da="Dannet {when} af os2bot ud fra {runs:one=# kørsel|other=# kørsler}.",
            en="Made {when} by os2bot from {runs:one=# run|other=# runs}.",
        ),
        "report.latest_run": T(da="Seneste kørsel {when}.", en="Latest run {when}."),
        "report.timezone": T(
            da="Alle tider er dansk tid.",
            en="All times are Danish time (Europe/Copenhagen).",
        ),
        "report.contents": T(da="Indhold", en="Contents"),
        "report.overview": T(da="Overblik", en="Overview"),
        "report.overview_of": T(
            da="{products:one=# produkt|other=# produkter}, {checks} tjek hver, i seneste kørsel.",
            en="{products:one=# product|other=# products}, "
            "{checks:one=# check|other=# checks} each, in the latest run.",
        ),
        "report.at_risk": T(da="Mest i risiko", en="Most at risk"),
        "report.at_risk_order": T(
            da="Produkter med mangler: først efter alvoren af det, der ikke er opfyldt, "
            "så efter hvor længe det har stået på.",
            en="Products with gaps: first by the severity of what is not met, then by how "
            "long it has lasted.",
        ),
        "report.no_risk": T(
            da="Intet produkt har mangler i seneste kørsel.",
            en="No product has gaps in the latest run.",
        ),
        "report.severity.high": T(da="høj alvor", en="high severity"),
        "report.failing_since": T(
            da="siden {date} ({days:0=i dag|one=# dag|other=# dage})",
            en="since {date} ({days:0=today|one=# day|other=# days})",
        ),
        # The overview's tiles: a number in bold, then these (a plural where Danish has one)
        "report.tally.met": T(da="opfyldt", en="met"),
        "report.tally.not_met": T(da="ikke opfyldt", en="not met"),
        "report.tally.unknown": T(
            da="{count:one=ukendt|other=ukendte}", en="{count:one=unknown|other=unknown}"
        ),
        "report.tally.waived": T(da="dispenseret", en="waived"),
        "report.tally.not_applicable": T(da="gælder ikke", en="not applicable"),
        "report.since.not_met": T(
            da="Ikke opfyldt siden {date} ({days:0=i dag|one=# dag|other=# dage})",
            en="Not met since {date} ({days:0=today|one=# day|other=# days})",
        ),
        "report.since.unknown": T(
            da="Ukendt siden {date} ({days:0=i dag|one=# dag|other=# dage})",
            en="Unknown since {date} ({days:0=today|one=# day|other=# days})",
        ),
        "report.since_history": T(
            da="– historikken begynder der, så det kan være længere",
            en="– the history begins there, so it may be longer",
        ),
        "report.why": T(da="Hvorfor:", en="Why:"),
        "report.why_column": T(da="Begrundelse", en="Reason"),
        "report.fix": T(da="Sådan løses det:", en="How to fix it:"),
        "report.task": T(da="Opgave:", en="Task:"),
        "report.evidence": T(da="Belæg:", en="Evidence:"),
        "report.matrix": T(da="Alle produkter og tjek", en="Every product and check"),
        "report.matrix_caption": T(
            da="Et produkt pr. række og et tjek pr. kolonne, grupperet efter emne. Hvert "
            "produkts mangler med begrundelse og løsning står under tabellen.",
            en="A product per row and a check per column, grouped by subject. Each product's "
            "gaps with their reasons and fixes are below the table.",
        ),
        "report.product": T(da="Produkt", en="Product"),
        "report.columns": T(da="Kolonnernes forkortelser", en="The columns' abbreviations"),
        "report.group.prerequisite": T(da="Forudsætninger", en="Prerequisites"),
        "report.group.funding": T(da="Minimumsfinansiering", en="Minimum funding"),
        "report.group.videreudvikling": T(da="Videreudvikling", en="Further development"),
        "report.group.faelles_drift": T(da="Fælles drift", en="Joint operations"),
        "report.group.fee": T(da="Tilslutningsafgift", en="Affiliation fee"),
        "report.group.requirement": T(da="OS2s krav", en="OS2's requirements"),
        "report.products": T(da="Produkterne", en="The products"),
        "report.products_intro": T(
            da="Fold et produkt ud for at se dets mangler, hvordan de løses, og dets fakta.",
            en="Open a product to see its gaps, how to fix them, and its facts.",
        ),
        "report.no_gaps": T(da="ingen mangler", en="no gaps"),
        "report.product_page": T(
            da="Produktsiden for {product}: opgaver, dispensationer og historik",
            en="The page of {product}: tasks, waivers and history",
        ),
        "report.product_meta": T(
            da="Jira-projekt {project} · fase: {phase} · {level}.",
            en="Jira project {project} · phase: {phase} · {level}.",
        ),
        "report.back": T(da="Hele porteføljen", en="The whole portfolio"),
        "report.status": T(da="Status", en="Status"),
        "report.gaps_title": T(da="Mangler, og hvordan de løses", en="Gaps, and how to fix them"),
        "report.facts": T(da="Fakta", en="Facts"),
        "report.tasks.gap": T(da="Til manglerne", en="For the gaps"),
        "report.tasks.round": T(da="Prioriteringsrunder", en="Prioritisation rounds"),
        "report.tasks.release": T(da="Releases", en="Releases"),
        "report.tasks.secretariat": T(
            da="Sekretariatets (afgift og aftale)",
            en="The secretariat's (fee and agreement)",
        ),
        "report.tasks.other": T(da="Andre", en="Others"),
        "report.waiver_by": T(da="godkendt af {approver}", en="approved by {approver}"),
        "report.waiver_until": T(da="gælder til og med {date}", en="valid until {date}"),
        "report.waiver_expired": T(da="udløb {date}", en="expired on {date}"),
        "report.no_waivers": T(da="Ingen dispensationer.", en="No waivers."),
        "report.support": T(da="Fælles support", en="Joint support"),
        "report.support.agreement": T(
            da="Supportaftale med {supplier}, i kraft til og med {expires}.",
            en="Support agreement with {supplier}, in force up to and including {expires}.",
        ),
        "report.support.sla": T(
            da="SLA'en blev overholdt i {kept} af {count:one=# supportsag|other=# supportsager} "
            "{days:one=den seneste dag|other=de seneste # dage}: {share} % (kravet er mindst "
            "{threshold} %).",
            en="The SLA was kept in {kept} of {count:one=# support issue|other=# support "
            "issues} in {days:one=the last day|other=the last # days}: {share}% (at least "
            "{threshold}% required).",
        ),
        "report.support.sla_none": T(
            da="Ingen supportsager at måle SLA'en på {days:one=den seneste dag|other=de seneste "
            "# dage}.",
            en="No support issues to measure the SLA by in {days:one=the last day|other=the "
            "last # days}.",
        ),
        "report.support.sla_unmeasured": T(
            da="SLA'en kunne ikke måles: {reason}",
            en="The SLA could not be measured: {reason}",
        ),
        "report.support.breaches": T(
            da="{count:one=Ét brud|other=# brud} på SLA'en:",
            en="{count:one=One breach|other=# breaches} of the SLA:",
        ),
        "report.support.card_title": T(da="Klippekort", en="Prepaid hours card"),
        "report.support.card": T(
            da="{start} – {end}: {used} af {bought:one=# time|other=# timer} brugt ({share} %) "
            "på {issues:one=# sag|other=# sager}.",
            en="{start} – {end}: {used} of {bought:one=# hour|other=# hours} used ({share}%) on "
            "{issues:one=# issue|other=# issues}.",
        ),
        "report.support.rate": T(
            da="De seneste 8 uger er der i gennemsnit brugt {rate:0=under en halv time|one=# "
            "time|other=# timer} om ugen.",
            en="Over the last 8 weeks, an average of "
            "{rate:0=under half an hour|one=# hour|other=# hours} a week was used.",
        ),
        "report.support.early": T(
            da="Med det forbrug løber kortet tør {runs_out} – før perioden slutter {end}.",
            en="At that rate the card runs out on {runs_out} – before the period ends on {end}.",
        ),
        "report.support.lasts": T(
            da="Med det forbrug rækker kortet perioden ud: det ville først løbe tør {runs_out}, "
            "og perioden slutter {end}.",
            en="At that rate the card lasts the period: it would not run out until {runs_out}, "
            "and the period ends on {end}.",
        ),
        "report.support.idle": T(
            da="Der er ikke brugt timer de seneste 8 uger; perioden slutter {end}.",
            en="No hours were used in the last 8 weeks; the period ends on {end}.",
        ),
        "report.support.used_up": T(
            da="Kortet blev brugt op {runs_out}, før perioden slutter {end}.",
            en="The card was used up on {runs_out}, before the period ends on {end}.",
        ),
        "report.support.recorded": T(
            da="Målt ved kørslen {when}.",
            en="As measured by the run of {when}.",
        ),
        "report.support.card_unread": T(
            da="Klippekortet er ikke læst endnu, eller det kunne ikke læses.",
            en="The prepaid hours card has not been read yet, or could not be read.",
        ),
        "report.support.no_card": T(da="Intet klippekort.", en="No prepaid hours card."),
        "report.all_checks": T(da="Alle tjek", en="Every check"),
        "report.state": T(da="Status", en="State"),
        "report.history": T(da="Historik", en="History"),
        "report.no_history": T(
            da="Ingen ændringer i historikken.",
            en="No changes in the history.",
        ),
        "report.trend": T(da="Udvikling", en="Trend"),
        "report.trend_label": T(
            da="Andel opfyldte tjek i porteføljen pr. dag",
            en="Share of checks met across the portfolio, per day",
        ),
        "report.trend_product": T(
            da="Andel opfyldte tjek for {product} pr. dag",
            en="Share of checks met for {product}, per day",
        ),
        "report.trend_empty": T(
            da="Ingen kørsler med tjek, der tæller, endnu.",
            en="No runs with checks that count yet.",
        ),
        "report.project": T(da="Jira-projekt", en="Jira project"),
        "report.level": T(da="Niveau", en="Level"),
        "report.level.sandkasse": T(da="sandkasse", en="sandbox"),
        "report.level.1": T(da="niveau 1", en="level 1"),
        "report.level.2": T(da="niveau 2", en="level 2"),
        "report.level.3": T(da="niveau 3", en="level 3"),
        "report.phase": T(da="Fase", en="Phase"),
        "report.agreement": T(da="Tilslutningsaftale", en="Affiliation agreement"),
        "report.agreement_signed": T(da="underskrevet {date}", en="signed {date}"),
        "report.agreement_unsigned": T(da="ikke underskrevet", en="not signed"),
        "report.agreement_expires": T(
            da="udløber {date} ({days:0=i dag|one=om # dag|other=om # dage})",
            en="expires on {date} ({days:0=today|one=in # day|other=in # days})",
        ),
        "report.agreement_expired": T(da="udløb {date}", en="expired on {date}"),
        "report.no_agreement": T(da="ingen", en="none"),
        "report.none": T(da="intet registreret", en="none recorded"),
        "report.no_round": T(da="ingen planlagt", en="none planned"),
        "report.last_sg": T(da="Seneste styregruppemøde", en="Last steering group meeting"),
        "report.last_kg": T(
            da="Seneste koordinationsgruppemøde",
            en="Last coordination group meeting",
        ),
        "report.next_round": T(da="Næste prioriteringsrunde", en="Next prioritisation round"),
        "report.waivers": T(da="Dispensationer", en="Waivers"),
        "report.footer": T(
            da="Dannet af os2bot ud fra governanceprofilen {profiles}.",
            en="Made by os2bot from the governance profile {profiles}.",
        ),
        "report.written": T(da="Rapporten er gemt: {path}", en="The report is written: {path}"),
        "report.product_header": T(
            da="{name} ({project}) — fase: {phase}, niveau {level}",
            en="{name} ({project}) — phase: {phase}, level {level}",
        ),
        "report.checks_count": T(
            da="{count} tjek ({checks})",
            en="{count:one=# check|other=# checks} ({checks})",
        ),
        "report.check": T(da="Tjek", en="Check"),
        "report.gaps": T(da="Ikke opfyldt eller ukendt", en="Not met or unknown"),
        "report.calls": T(da="Jira-kald i alt: {total}", en="Jira calls in all: {total}"),
    }
)
