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
    "config.unknown_catalogue": "kravkataloget '{value}' findes ikke (kendte: {known})",
    "config.unknown_param": "'{value}' er ikke en parameter i tjekket {check}s evidens "
    "(kendte: {known})",
    "config.no_file": "filen '{value}' findes ikke (stien regnes fra konfigurationsmappen)",
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
    "cli.unknown_product": "Produktet '{value}' findes ikke i konfigurationen (kendte: {known}).",
    "cli.busy": "En anden os2bot-kørsel er i gang (låsen {lock} er taget). Prøv igen senere.",
    "cli.service_started": "os2bot kører; /healthz og /metrics på port {port}. Stop med SIGTERM.",
    "cli.bad_environment": "Miljøvariablen {name} er ugyldig: {detail}",
    "cli.bad_since": "--since '{value}' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD.",
    "demo.edited": "redigeret",
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
    "reason.jql.found": "Fundet i Jira: {key} «{summary}»; {count} i alt.",
    "reason.jql.none": "Ingen sager i Jira matcher ({jql}).",
    "reason.jql.too_few": "Kun {count} sag(er) matcher; der skal være mindst {min_count}.",
    "reason.jql.no_date": "Ingen af de matchende sager har en dato i feltet {field}.",
    "reason.project_unreadable": "Jira-projektet {project} findes ikke eller kan ikke læses.",
    "reason.query_failed": "Jira-søgningen fejlede: {error}",
    "reason.not_applicable.phase": "Gælder ikke i fasen {phase}.",
    "reason.not_applicable.extension": "Gælder kun, når aftalen har udvidelsen {extension}.",
    "reason.waived": "Dispenseret af {approver} til og med {expires}: {reason}",
    "reason.waiver_expired": "Dispensationen fra {approver} udløb {expires} og tæller ikke "
    "længere.",
    "reason.declared.no_group": "Produktfilen angiver ingen {group}.",
    "reason.declared.no_lead": "Produktfilen angiver ingen formand for {group}.",
    "reason.declared.no_members": "Produktfilen angiver ingen medlemmer af {group}.",
    "reason.declared.group": "Erklæret: {group} med formand {lead} og {members} medlem(mer).",
    "reason.declared.need_missing": "Produktfilen angiver ikke, at behovet er afdækket.",
    "reason.declared.need": "Erklæret: behovet er afdækket (dokument: {document}).",
    "reason.declared.no_suppliers": "Produktfilen angiver ingen leverandører.",
    "reason.declared.phases_missing": "Ingen leverandør dækker: {phases}.",
    "reason.declared.suppliers": "Erklæret: alle fem faser er dækket ({suppliers}).",
    "reason.declared.no_agreement": "Der er ingen underskrevet tilslutningsaftale i produktfilen.",
    "reason.declared.not_funded": "Tilslutningsaftalen finansierer ikke {item}.",
    "reason.declared.funded": "Erklæret: aftalen (underskrevet {signed}) finansierer {item}.",
    "reason.declared.no_trace": "Erklæret i produktfilen, men Jira har intet spor af det ({jql}).",
    "reason.declared.fee_unpaid": "Tilslutningsafgiften er ikke betalt af: {authorities}.",
    "reason.declared.fee_paid": "Alle {count} nye myndigheder har betalt tilslutningsafgiften.",
    "reason.activity.idle": "Ingen sager i projektet er opdateret de seneste {days} dage.",
    "reason.activity.recent": "{count} sag(er) opdateret de seneste {days} dage; senest {key} "
    "({date}).",
    "reason.activity.no_board": "Projektet har ingen tavle i Jira.",
    "reason.activity.wrong_board": "Tavle {board} hører ikke til projektet (projektets tavler: "
    "{boards}).",
    "reason.activity.board": "Tavle(r): {boards}.",
    "reason.activity.boards_unreadable": "Jiras tavler kunne ikke læses: {error}",
    "reason.versions.overdue": "Version(er) over releasedatoen: {versions}.",
    "reason.versions.none_released": "Ingen version er frigivet.",
    "reason.versions.too_old": "Seneste frigivne version er {version} fra {date}, {days} dage "
    "siden — mere end {window} dage.",
    "reason.versions.ok": "Seneste frigivne version: {version} ({date}); ingen forsinkede "
    "versioner blandt {count}.",
    "reason.versions.ok_none": "Ingen forsinkede versioner blandt {count}.",
    "reason.assessment.none": "Der er ingen selvevaluering for produktet.",
    "reason.assessment.unreadable": "Selvevalueringen {file} kan ikke læses: {error}",
    "reason.assessment.no_catalogue": "Profilen angiver intet kravkatalog.",
    "reason.assessment.stale": "Selvevalueringen er fra {filled}, {days} dage siden — ældre "
    "end {window} dage.",
    "reason.assessment.failing": "Besvaret 'Nej' op til niveau {level}: {ids}; ubesvaret: "
    "{unanswered} (selvevaluering {filled}, katalog {version}).",
    "reason.assessment.ok": "Alle {count} krav op til niveau {level} er opfyldt "
    "(selvevaluering {filled}, katalog {version}).",
    "reason.assessment.recommendations": "Anbefalinger besvaret 'Nej': {ids}.",
    "term.steering_group": "styregruppe",
    "term.coordination_group": "koordinationsgruppe",
    "term.udvikling": "udvikling",
    "term.implementering": "implementering",
    "term.raadgivning": "rådgivning",
    "term.projektledelse": "projektledelse",
    "term.faellesskab": "samspil med fællesskabet",
    "term.vedligehold": "vedligehold af den fælles kodebase",
    "term.governancekrav": "efterlevelse af OS2s governancekrav",
    "term.koordinationsgruppe": "koordinationsgruppens arbejde",
    "term.videndeling": "videndeling, møder og workshops",
    "term.leverandoerdialog": "leverandørdialog",
    "term.promovering": "promovering af produktet",
    "term.prioritering": "koordinering og prioritering af udviklingsønsker",
    "term.bestilling": "bestilling og styring af udviklingsopgaver",
    "term.arkitektur": "arkitekturstyring og governance af kodebasen",
    "term.driftsaftale": "driftsaftale og eventuel SLA",
    "term.release": "release- og deploymentstyring",
    "term.leverandoerstyring": "leverandørstyring",
    "term.videreudvikling": "videreudvikling",
    "term.faelles_drift": "fælles drift",
    "term.tilsagn": "tilsagn",
    "term.tilslutning": "tilslutning",
    "term.drift": "drift",
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
    "task.round.summary": "Prioritering af udviklingsønsker – {period}",
    "task.round.description": (
        "Koordinationsgruppen for {product} prioriterer udviklingsønsker på mødet {date}.\n\n"
        "h3. Ønsker til prioritering ({count})\n"
        "Sorteret efter stemmer og alder. Før bestilling skal punkt 1–5 i OS2s "
        '"kvalificering af opgaver" være udfyldt.\n{requests}\n\n'
        "----\nListen holdes opdateret af os2bot indtil mødet. Luk opgaven, når "
        "prioriteringen er besluttet."
    ),
    "task.round.line": "# [{key}|{url}] {summary} — {votes} stemme(r), oprettet {created} — "
    "{state}",
    "task.round.ready": "klar til bestilling",
    "task.round.missing": "mangler: {points}",
    "task.round.no_requests": "Ingen udviklingsønsker venter på prioritering.",
    "point.title": "1 opgavetitel",
    "point.description": "2 beskrivelse",
    "point.user_story": "3 brugerhistorie",
    "point.acceptance": "4 acceptkriterier",
    "point.documentation": "5 krav til dokumentation",
    "triage.missing": (
        "*os2bot* – kvalificering af opgaven\n\n"
        'Før bestilling af udvikling skal punkt 1–5 i OS2s "kvalificering af opgaver" '
        "være udfyldt. Der mangler:\n{points}\n\n"
        "Se https://faq.os2.eu/kvalificering-af-opgaver-i-jira. Denne kommentar opdateres, "
        "når opgaven ændres."
    ),
    "triage.complete": (
        "*os2bot* – kvalificering af opgaven\n\n"
        'Punkt 1–5 i OS2s "kvalificering af opgaver" er nu udfyldt: opgaven kan '
        "prioriteres og bestilles.{points}"
    ),
    "task.release.summary": "Release {version} – release- og deploymentstyring",
    "task.release.description": (
        "Version {version} af {product} skal frigives {date}.\n\n"
        "h3. Tjekliste\n{checklist}\n\n"
        "h3. Uløste sager i versionen\n{issues}\n\n"
        "----\nOprettet af os2bot efter OS2s releaseflow. Opgaven lukkes, når versionen "
        "er markeret som frigivet i Jira."
    ),
    "task.release.no_issues": "Ingen uløste sager.",
    "task.release.overdue": "os2bot: Version {version} skulle være frigivet {date} og er "
    "forsinket. Aftal en ny dato, eller frigiv versionen.",
    "task.release.released": "os2bot: Version {version} er frigivet ({date}). Opgaven lukkes.",
    "release.step.review": "Review af koden er gennemført",
    "release.step.tested": "Testet mod acceptkriterierne",
    "release.step.tag": "Tag er oprettet",
    "release.step.notes": "Release notes er skrevet",
    "release.step.docs": "Bruger- og implementeringsdokumentation er opdateret",
    "release.step.informed": "Medlemsmyndighederne er informeret",
    "release.step.deployment_window": "Deploymentvindue er aftalt med leverandøren",
    "task.fee.summary": "Fakturér tilslutningsafgift: {authority} – {product}",
    "task.fee.description": (
        "{authority} er tilsluttet {product} (fra {joined}) og har hverken betalt for "
        "udviklingen eller tilslutningsafgiften.\n\nFakturér engangsbeløbet, og markér "
        "myndigheden som betalt (fee_paid) i produktfilen. Opgaven lukkes derefter af os2bot."
    ),
    "task.fee.paid": "os2bot: {authority} har betalt tilslutningsafgiften. Opgaven lukkes.",
    "task.expiry.summary": "Tilslutningsaftalen for {product} udløber {date} ({days} dages varsel)",
    "task.expiry.description": (
        "Tilslutningsaftalen for {product} udløber {date}. Aftal fornyelse med "
        "styregruppen, og opdatér aftalens udløbsdato i produktfilen."
    ),
    "plan.deferred": "Skrivebudgettet ({budget}) er brugt: {count} handling(er) venter til "
    "næste kørsel.",
    "task.resolved.comment": "os2bot: {check} er nu opfyldt. {reason} Opgaven lukkes.",
    "owner.steering_group": "styregruppen",
    "owner.coordination_group": "koordinationsgruppen",
    "owner.secretariat": "sekretariatet",
    # Chat
    "chat.omitted": "… {count} linje(r) mere er udeladt her (beskedens længdegrænse).",
    "chat.event.opened": "Ny opgave fra os2bot for {product}",
    "chat.event.overdue": "Forsinket release i {product}",
    "chat.event.failing": "{product}: {check} er ikke længere opfyldt",
    "chat.event.cleared": "{product}: {check} er opfyldt igen",
    "chat.event.round": "{product}: prioriteringsmøde {date} (om {days} dage)",
    "chat.event.round_requests": "{count} udviklingsønske(r) venter på prioritering.",
    "chat.event.batch": "Nyt fra os2bot ({count})",
    "chat.symbol.met": "✅",
    "chat.symbol.not_met": "❌",
    "chat.symbol.unknown": "❔",
    "chat.symbol.waived": "🟡",
    "chat.digest.title": "Ugeoversigt for OS2-porteføljen – uge {week}, {year}",
    "chat.digest.change": "{before} → {after}",
    "chat.digest.first": "Første oversigt: ændringer vises fra næste uge.",
    "chat.digest.no_changes": "Ingen ændringer siden sidste oversigt.",
    "chat.digest.at_risk": "Mest i risiko: {products}",
    "chat.digest.risk": "{product} ({failing} ikke opfyldt, heraf {high} alvorlige; {unknown} "
    "ukendt)",
    "chat.digest.no_risk": "ingen",
    "chat.digest.report": "Hele rapporten",
    "chat.digest.footer": "{products} produkter · os2bot",
    "chat.alert.failing": "os2bot fejler: {count} kørsler i træk er mislykkedes",
    "chat.alert.failing_text": "Første fejl {since}. Seneste fejl: {error}",
    "chat.alert.recovered": "os2bot kører igen",
    "chat.alert.recovered_text": "Kørslen lykkedes efter {count} mislykkede i træk.",
    "chat.status.title": "{product} — status for tilslutningsaftalen",
    "chat.status.tasks": "Åbne opgaver fra os2bot",
    "chat.status.no_tasks": "Ingen åbne opgaver fra os2bot.",
    "chat.status.footer": "Opdateret {when} af os2bot · profil {profile} {version}",
    # Plan and demo output
    "action.create": "opret",
    "action.update": "opdatér",
    "action.comment": "kommentér",
    "action.edit_comment": "ret kommentar",
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
    "dashboard.summary": "OS2-porteføljen: overholdelse af tilslutningsaftalerne (os2bot)",
    "dashboard.intro": "Holdes opdateret af os2bot efter hver kørsel. Ret ikke i teksten: den "
    "overskrives. Hele rapporten: os2bot report.",
    "dashboard.changes": "Ændret siden sidste kørsel",
    "dashboard.change": "{product} · {check}: {before} → {after}",
    "dashboard.no_changes": "Ingen ændringer.",
    "dashboard.gaps": "Ikke opfyldt ({count})",
    "dashboard.no_gaps": "Alt er opfyldt eller dispenseret.",
    "dashboard.matrix": "Alle produkter og tjek",
    "dashboard.legend": "(/) opfyldt · (x) ikke opfyldt · (?) ukendt · ≈ dispenseret · - gælder "
    "ikke",
    "dashboard.cut": "_(Resten er udeladt: Jiras grænse for beskrivelsens længde. Se hele "
    "rapporten.)_",
    "report.title": "Overholdelse af tilslutningsaftalerne – OS2-porteføljen",
    "report.note.no_history": "Ingen historik endnu: rapporten bygger på den aktuelle kørsel.",
    "report.note.one_run": "Kun én kørsel i historikken: udviklingen vises fra næste kørsel.",
    "report.no_result": "Intet resultat i den seneste kørsel.",
    "report.changes": "Ændringer i perioden",
    "report.no_changes": "Ingen ændringer i perioden.",
    "report.generated": "Dannet {when} (UTC) af os2bot ud fra {runs} kørsel(er).",
    "report.matrix": "Produkter og tjek",
    "report.matrix_caption": "Hvert tjek for hvert produkt; holdt musen over et felt viser "
    "begrundelsen.",
    "report.trend": "Udvikling",
    "report.trend_label": "Andel opfyldte tjek i porteføljen pr. kørsel",
    "report.trend_product": "Andel opfyldte tjek for {product} pr. kørsel",
    "report.level": "Niveau",
    "report.phase": "Fase",
    "report.agreement": "Tilslutningsaftale",
    "report.agreement_value": "underskrevet {signed}, udløber {expires}",
    "report.no_agreement": "ingen",
    "report.last_sg": "Seneste styregruppemøde",
    "report.last_kg": "Seneste koordinationsgruppemøde",
    "report.next_round": "Næste prioriteringsrunde",
    "report.waivers": "Dispensationer",
    "report.until": "til og med",
    "report.expired": "udløbet",
    "report.written": "Rapporten er skrevet: {path}",
    "report.product_header": "{name} ({project}) — fase: {phase}, niveau {level}",
    "report.checks_count": "{count} tjek ({checks})",
    "report.check": "Tjek",
    "report.gaps": "Ikke opfyldt eller ukendt",
    "report.calls": "Jira-kald i alt: {total}",
    "summary.budget_left": "Skrivebudget: {used} af {budget} brugt.",
}
