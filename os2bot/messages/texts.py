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
            da="der er ingen produktfiler (*.yaml) i mappen",
            en="there are no product files (*.yaml) in the directory",
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
            da="Porten {port} på {host} kan ikke bruges: {error}. Kører os2bot run allerede? "
            "Stop den anden proces, eller vælg en anden port med service.port i os2bot.yaml.",
            en="Port {port} on {host} cannot be used: {error}. Is os2bot run running already? "
            "Stop the other process, or choose another port with service.port in os2bot.yaml.",
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
        # Check states
        "state.met": T(da="opfyldt", en="met"),
        "state.not_met": T(da="ikke opfyldt", en="not met"),
        "state.unknown": T(da="ukendt", en="unknown"),
        "state.not_applicable": T(da="gælder ikke", en="not applicable"),
        "state.waived": T(da="dispenseret", en="waived"),
        # Evidence and reasons
        "reason.jql.met": T(
            da="Seneste: {key} «{summary}» ({date}, "
            "{days:0=i dag|one=# dag siden|other=# dage siden}); {count} i alt.",
            en="Newest: {key} «{summary}» ({date}, {days:0=today|one=# day ago|other=# days ago}); "
            "{count} in all.",
        ),
        "reason.jql.too_old": T(
            da="Den seneste er {key} «{summary}» fra {date}, "
            "{days:one=# dag siden|other=# dage siden} — mere end "
            "{window:one=# dag|other=# dage}.",
            en="The newest is {key} «{summary}» of {date}, {days:one=# day ago|other=# days ago} "
            "— more than {window:one=# day|other=# days}.",
        ),
        "reason.jql.found": T(
            da="Fundet i Jira: {key} «{summary}»; {count} i alt.",
            en="Found in Jira: {key} «{summary}»; {count} in all.",
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
        "reason.declared.group": T(
            da="Erklæret: {group} med formand {lead} og {members:one=# medlem|other=# medlemmer}.",
            en="Declared: a {group} chaired by {lead} with {members:one=# member|other=# members}.",
        ),
        "reason.declared.need_missing": T(
            da="Produktfilen angiver ikke, at behovet er afdækket.",
            en="The product file does not state that the need is mapped.",
        ),
        "reason.declared.need": T(
            da="Erklæret: behovet er afdækket{document:-=|other= (dokument: #)}.",
            en="Declared: the need is mapped{document:-=|other= (document: #)}.",
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
            da="Erklæret: alle fem faser er dækket ({suppliers}).",
            en="Declared: all five phases are covered ({suppliers}).",
        ),
        "reason.declared.no_agreement": T(
            da="Der er ingen underskrevet tilslutningsaftale i produktfilen.",
            en="The product file has no signed affiliation agreement.",
        ),
        "reason.declared.not_funded": T(
            da="Tilslutningsaftalen finansierer ikke {item}.",
            en="The affiliation agreement does not fund {item}.",
        ),
        "reason.declared.funded": T(
            da="Erklæret: aftalen (underskrevet {signed}) finansierer {item}.",
            en="Declared: the agreement (signed {signed}) funds {item}.",
        ),
        "reason.declared.no_trace": T(
            da="Erklæret i produktfilen, men Jira har intet spor af det ({jql}).",
            en="Declared in the product file, but Jira holds no trace of it ({jql}).",
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
            da="{count:one=# sag|other=# sager} er opdateret "
            "{days:one=den seneste dag|other=de seneste # dage}; senest {key} ({date}).",
            en="{count:one=# issue|other=# issues} updated in the last "
            "{days:one=day|other=# days}; the newest {key} ({date}).",
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
            da="Ikke frigivet, selv om releasedatoen er passeret: {versions}.",
            en="Not released though the release date has passed: {versions}.",
        ),
        "reason.versions.none_released": T(
            da="Ingen version er frigivet.",
            en="No version has been released.",
        ),
        "reason.versions.too_old": T(
            da="Den seneste frigivne version er {version} fra {date}, "
            "{days:one=# dag siden|other=# dage siden} — mere end "
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
            da="Selvevalueringen er fra {filled}, {days:one=# dag siden|other=# dage siden} — "
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
            da="Fundet på GitHub: {key} «{summary}»; {count} i alt.",
            en="Found on GitHub: {key} «{summary}»; {count} in all.",
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
            da="Den seneste er {name} fra {date}, {days:one=# dag siden|other=# dage siden} — "
            "mere end {window:one=# dag|other=# dage} ({repo}:{path}).",
            en="The newest is {name} of {date}, {days:one=# day ago|other=# days ago} — more "
            "than {window:one=# day|other=# days} ({repo}:{path}).",
        ),
        "reason.git.met": T(
            da="Seneste: {name} ({date}, {days:0=i dag|one=# dag siden|other=# dage siden}); "
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
                "os2bot har vurderet forudsætningen *{check}* for {product} "
                "som *ikke opfyldt*.\n\n"
                "h3. Hvorfor\n{reason}\n\n"
                "h3. Sådan løses det\n{fix}\n\n"
                "h3. Kilde\n{source}\n\n"
                "----\n"
                "Opgaven er oprettet af os2bot og lukkes automatisk, når forudsætningen er "
                "opfyldt. Ansvarlig: {owner}."
            ),
            en=(
                "os2bot has judged the prerequisite *{check}* for {product} to be *not met*.\n\n"
                "h3. Why\n{reason}\n\n"
                "h3. How to fix it\n{fix}\n\n"
                "h3. Source\n{source}\n\n"
                "----\n"
                "This task was opened by os2bot and is resolved automatically when the "
                "prerequisite is met. Owner: {owner}."
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
        "owner.steering_group": T(da="styregruppen", en="the steering group"),
        "owner.coordination_group": T(da="koordinationsgruppen", en="the coordination group"),
        "owner.secretariat": T(da="sekretariatet", en="the secretariat"),
        # Chat
        "chat.omitted": T(
            da="… og {count} mere, som er udeladt her (beskedens længdegrænse).",
            en="… and {count} more, left out here (the message's length limit).",
        ),
        "chat.event.opened": T(
            da="Ny opgave fra os2bot for {product}",
            en="New task from os2bot for {product}",
        ),
        "chat.event.overdue": T(
            da="Forsinket release i {product}",
            en="Late release in {product}",
        ),
        "chat.event.failing": T(
            da="{product}: {check} er ikke længere opfyldt",
            en="{product}: {check} is no longer met",
        ),
        "chat.event.cleared": T(
            da="{product}: {check} er opfyldt igen",
            en="{product}: {check} is met again",
        ),
        "chat.event.round": T(
            da="{product}: prioriteringsmøde {date} ({days:0=i dag|one=i morgen|other=om # dage})",
            en="{product}: prioritisation meeting {date} "
            "({days:0=today|one=tomorrow|other=in # days})",
        ),
        "chat.event.round_requests": T(
            da="{count:0=Ingen udviklingsønsker venter|one=# udviklingsønske venter"
            "|other=# udviklingsønsker venter} på prioritering.",
            en="{count:0=No development requests wait|one=# development request waits"
            "|other=# development requests wait} for prioritisation.",
        ),
        "chat.event.batch": T(da="Nyt fra os2bot ({count})", en="News from os2bot ({count})"),
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
        "chat.digest.at_risk": T(da="Mest i risiko: {products}", en="Most at risk: {products}"),
        "chat.digest.risk": T(
            da="{product} ({failing} ikke opfyldt, "
            "{high:0=ingen alvorlige|one=heraf # alvorligt|other=heraf # alvorlige}; "
            "{unknown:one=# ukendt|other=# ukendte})",
            en="{product} ({failing} not met, {high} of them serious; {unknown} unknown)",
        ),
        "chat.digest.no_risk": T(da="ingen", en="none"),
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
        "chat.status.no_tasks": T(
            da="Ingen åbne opgaver fra os2bot.",
            en="No open tasks from os2bot.",
        ),
        "chat.status.footer": T(
            da="Opdateret {when} af os2bot · profil {profile} {version}",
            en="Updated {when} by os2bot · profile {profile} {version}",
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
            da="Holdes opdateret af os2bot efter hver kørsel. Ret ikke i teksten: den "
            "overskrives. Hele rapporten: os2bot report.",
            en="Kept current by os2bot after every run. Do not edit the text: it is "
            "overwritten. The full report: os2bot report.",
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
        "dashboard.legend": T(
            da="(/) opfyldt · (x) ikke opfyldt · (?) ukendt · ≈ dispenseret · - gælder ikke",
            en="(/) met · (x) not met · (?) unknown · ≈ waived · - not applicable",
        ),
        "dashboard.cut": T(
            da="_(Resten er udeladt: Jiras grænse for beskrivelsens længde. Se hele rapporten.)_",
            en="_(The rest is left out: Jira's limit on a description's length. See the full "
            "report.)_",
        ),
        "report.title": T(
            da="Overholdelse af tilslutningsaftalerne – OS2-porteføljen",
            en="Compliance with the affiliation agreements – the OS2 portfolio",
        ),
        "report.note.no_history": T(
            da="Ingen historik endnu: rapporten bygger på den aktuelle kørsel.",
            en="No history yet: the report is drawn from the current run.",
        ),
        "report.note.one_run": T(
            da="Kun én kørsel i historikken: udviklingen vises fra næste kørsel.",
            en="Only one run in the history: trends show from the next run.",
        ),
        "report.no_result": T(
            da="Intet resultat i den seneste kørsel.",
            en="No result in the latest run.",
        ),
        "report.changes": T(da="Ændringer i perioden", en="Changes in the period"),
        "report.no_changes": T(da="Ingen ændringer i perioden.", en="No changes in the period."),
        "report.generated": T(
            da="Dannet {when} (UTC) af os2bot ud fra {runs:one=# kørsel|other=# kørsler}.",
            en="Made {when} (UTC) by os2bot from {runs:one=# run|other=# runs}.",
        ),
        "report.matrix": T(da="Produkter og tjek", en="Products and checks"),
        "report.matrix_caption": T(
            da="Hvert tjek for hvert produkt; hold musen over et felt for at se begrundelsen.",
            en="Every check for every product; hovering over a cell shows the reason.",
        ),
        "report.trend": T(da="Udvikling", en="Trend"),
        "report.trend_label": T(
            da="Andel opfyldte tjek i porteføljen pr. kørsel",
            en="Share of checks met across the portfolio, per run",
        ),
        "report.trend_product": T(
            da="Andel opfyldte tjek for {product} pr. kørsel",
            en="Share of checks met for {product}, per run",
        ),
        "report.level": T(da="Niveau", en="Level"),
        "report.phase": T(da="Fase", en="Phase"),
        "report.agreement": T(da="Tilslutningsaftale", en="Affiliation agreement"),
        "report.agreement_value": T(
            da="underskrevet {signed}, udløber {expires}",
            en="signed {signed}, expires {expires}",
        ),
        "report.no_agreement": T(da="ingen", en="none"),
        "report.last_sg": T(da="Seneste styregruppemøde", en="Last steering group meeting"),
        "report.last_kg": T(
            da="Seneste koordinationsgruppemøde",
            en="Last coordination group meeting",
        ),
        "report.next_round": T(da="Næste prioriteringsrunde", en="Next prioritisation round"),
        "report.waivers": T(da="Dispensationer", en="Waivers"),
        "report.until": T(da="til og med", en="until"),
        "report.expired": T(da="udløbet", en="expired"),
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
