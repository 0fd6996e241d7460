# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""YAML configuration files -> validated pydantic models, with errors that name file and path.

- `bot`: config/os2bot.yaml — Jira, chat, schedules, the secretariat, the service;
- `governance`: config/governance/*.yaml — profiles (checks as data) and catalogues;
- `product`: config/products/*.yaml — one OS2 product each;
- `evidence`: how a check is evidenced, the kinds as registered in `os2bot.rules`;
- `loading`: reading a config directory, cross-checks between files, the errors;
- `base` and `terms`: the model base and OS2's vocabulary, shared by all of them.

Everything public is re-exported here: import from `os2bot.config`, not from the modules.
"""

from __future__ import annotations

from os2bot.config.base import Bilingual, Model, Person
from os2bot.config.bot import (
    BotConfig,
    ChatConfig,
    ChatTargets,
    JiraConfig,
    Schedule,
    Secretariat,
    ServiceConfig,
    SlackConfig,
    TasksConfig,
    ZulipConfig,
)
from os2bot.config.escalation import Escalation, EscalationOverride, Step
from os2bot.config.evidence import (
    EVIDENCE_KINDS,
    ActivityEvidence,
    DateField,
    DeclaredEvidence,
    Evidence,
    EvidenceOverride,
    Fact,
    GitEvidence,
    GitHubCondition,
    JqlEvidence,
    SelfAssessmentEvidence,
    VersionsEvidence,
)
from os2bot.config.governance import (
    Applicability,
    Catalogue,
    CheckDef,
    Owner,
    Profile,
    Requirement,
)
from os2bot.config.loading import (
    Config,
    ConfigError,
    ConfigProblem,
    example_config_dir,
    load_config,
)
from os2bot.config.product import (
    Agreement,
    Group,
    MemberAuthority,
    Need,
    Prioritisation,
    Product,
    ProductChat,
    ProductGitHub,
    ProductJira,
    Releases,
    SelfAssessmentSource,
    Supplier,
    Threshold,
    Waiver,
)
from os2bot.config.terms import (
    FUNDING_ITEMS,
    LEVELS,
    MINIMUM_FUNDING,
    PHASES,
    SUPPLIER_PHASES,
    Extension,
    FundingItem,
    Level,
    Phase,
    SupplierPhase,
)

__all__ = [
    "EVIDENCE_KINDS",
    "FUNDING_ITEMS",
    "LEVELS",
    "MINIMUM_FUNDING",
    "PHASES",
    "SUPPLIER_PHASES",
    "ActivityEvidence",
    "Agreement",
    "Applicability",
    "Bilingual",
    "BotConfig",
    "Catalogue",
    "ChatConfig",
    "ChatTargets",
    "CheckDef",
    "Config",
    "ConfigError",
    "ConfigProblem",
    "DateField",
    "DeclaredEvidence",
    "Escalation",
    "EscalationOverride",
    "Evidence",
    "EvidenceOverride",
    "Extension",
    "Fact",
    "FundingItem",
    "GitEvidence",
    "GitHubCondition",
    "Group",
    "JiraConfig",
    "JqlEvidence",
    "Level",
    "MemberAuthority",
    "Model",
    "Need",
    "Owner",
    "Person",
    "Phase",
    "Prioritisation",
    "Product",
    "ProductChat",
    "ProductGitHub",
    "ProductJira",
    "Profile",
    "Releases",
    "Requirement",
    "Schedule",
    "Secretariat",
    "SelfAssessmentEvidence",
    "SelfAssessmentSource",
    "ServiceConfig",
    "SlackConfig",
    "Step",
    "Supplier",
    "SupplierPhase",
    "TasksConfig",
    "Threshold",
    "VersionsEvidence",
    "Waiver",
    "ZulipConfig",
    "example_config_dir",
    "load_config",
]
