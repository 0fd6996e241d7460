# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Loading a config directory: YAML read, validated and cross-checked; errors name file and path."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from os2bot.config.bot import BotConfig
from os2bot.config.evidence import MODELS
from os2bot.config.governance import Catalogue, CheckDef, Profile
from os2bot.config.product import Product
from os2bot.config.yamlfile import YamlProblem, read_yaml
from os2bot.messages import Language, text


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong in one file."""

    file: str
    path: str
    message_key: str
    params: dict[str, Any]

    def render(self, language: Language) -> str:
        """Return ``file: path: what is wrong`` in *language*."""
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {text(self.message_key, language, **self.params)}"


class ConfigError(Exception):
    """The configuration cannot be used; every problem names its file and path."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        """Keep *problems*, which are rendered in the user's language on output."""
        super().__init__(problems[0].render("en") if problems else "configuration error")
        self.problems = problems

    def render(self, language: Language) -> str:
        """All problems, one per line."""
        return "\n".join(p.render(language) for p in self.problems)


@dataclass(frozen=True)
class Config:
    """Everything loaded from a config directory."""

    root: Path
    bot: BotConfig
    profiles: dict[str, Profile]
    products: tuple[Product, ...]
    catalogues: dict[str, Catalogue] = field(default_factory=dict)

    def profile_for(self, product: Product) -> Profile:
        """The governance profile *product* follows."""
        return self.profiles[product.profile]

    def product(self, key: str) -> Product:
        """The product with *key*."""
        return next(p for p in self.products if p.key == key)

    def conditions(self) -> list[tuple[str, str, str]]:
        """Every JQL fragment in the configuration: (where, path inside it, fragment)."""
        found: list[tuple[str, str, str]] = []
        for profile in self.profiles.values():
            found += [(f"governance ({profile.id})", p, v) for p, v in _fragments(profile)]
        for product in self.products:
            found += [(f"products ({product.key})", p, v) for p, v in _fragments(product)]
        return found

    def find_product(self, value: str) -> Product | None:
        """The product *value* names by its key, its Jira project key or its name, in any case."""
        wanted = value.strip().casefold()
        for product in self.products:
            if wanted in {product.key.casefold(), product.project.casefold()}:
                return product
        return next((p for p in self.products if p.name.casefold() == wanted), None)

    def check_of(self, product_key: str, check_id: str) -> CheckDef:
        """The check *check_id* of the profile that product *product_key* follows."""
        return self.profile_for(self.product(product_key)).check(check_id)

    def projects_by_tracker(self) -> dict[str, set[str]]:
        """The projects the bot reads and writes, by tracker (the secretariat's is on Jira)."""
        found: dict[str, set[str]] = {}
        for product in self.products:
            found.setdefault(product.tracker, set()).add(product.project)
        if self.bot.secretariat.jira_project:
            found.setdefault("jira", set()).add(self.bot.secretariat.jira_project)
        return found

    def tracker_of(self, project: str) -> str:
        """The tracker *project* is in: a configured one's, else github for owner/name."""
        for tracker, projects in self.projects_by_tracker().items():
            if project in projects:
                return tracker
        return "github" if "/" in project else "jira"


FRAGMENT_FIELDS = frozenset({"jql", "requests_jql"})  # the fields that hold a JQL fragment


def _fragments(value: object, path: str = "") -> list[tuple[str, str]]:
    """The JQL fragments anywhere in a model, with their paths (`checks[1].evidence.jql`)."""
    if isinstance(value, BaseModel):
        found: list[tuple[str, str]] = []
        for name in type(value).model_fields:
            inner = getattr(value, name)
            where = f"{path}.{name}" if path else name
            if name in FRAGMENT_FIELDS and isinstance(inner, str):
                found.append((where, inner))
            else:
                found += _fragments(inner, where)
        return found
    if isinstance(value, list | tuple):
        return [f for i, item in enumerate(value) for f in _fragments(item, f"{path}[{i}]")]
    if isinstance(value, dict):
        return [f for key, item in value.items() for f in _fragments(item, f"{path}.{key}")]
    return []


def example_config_dir() -> Path:
    """The example configuration shipped with os2bot (the source tree's, or the wheel's)."""
    package = Path(__file__).resolve().parents[1]  # os2bot/, this file is os2bot/config/*.py
    source_tree = package.parent / "config"
    if (source_tree / "os2bot.yaml").exists():
        return source_tree
    return package / "_config"


def load_config(root: Path, *, require_products: bool = True) -> Config:
    """Load and validate every file under *root*; raise ConfigError listing all problems.

    Without *require_products* a configuration with no product files yet is one too (the
    first `os2bot product new` writes the first).
    """
    problems: list[ConfigProblem] = []
    if not (root / "os2bot.yaml").is_file():
        raise ConfigError(
            [ConfigProblem(str(root), "", "config.no_main_file", {"file": "os2bot.yaml"})]
        )
    bot = _load_model(root, root / "os2bot.yaml", BotConfig, problems)
    profiles, catalogues = _load_governance(root, problems)
    products = _load_products(root, profiles, problems)
    if require_products and not products and not problems:
        problems.append(ConfigProblem(str(root / "products"), "", "config.no_products", {}))
    if problems or bot is None:
        raise ConfigError(problems)
    return Config(
        root=root, bot=bot, profiles=profiles, products=tuple(products), catalogues=catalogues
    )


def _load_governance(
    root: Path, problems: list[ConfigProblem]
) -> tuple[dict[str, Profile], dict[str, Catalogue]]:
    """Profiles and requirement catalogues (a file with `requirements:` is a catalogue)."""
    profiles: dict[str, Profile] = {}
    catalogues: dict[str, Catalogue] = {}
    for path in sorted((root / "governance").glob("*.yaml")):
        is_catalogue = _has_top_level_key(path, "requirements")
        loaded: Catalogue | Profile | None = (
            _load_model(root, path, Catalogue, problems)
            if is_catalogue
            else _load_model(root, path, Profile, problems)
        )
        if loaded is None:
            continue
        known: dict[str, Any] = catalogues if isinstance(loaded, Catalogue) else profiles
        if loaded.id in known:
            problems.append(
                ConfigProblem(_rel(root, path), "id", "config.duplicate", {"value": loaded.id})
            )
        known[loaded.id] = loaded
    problems.extend(
        ConfigProblem(
            f"governance ({profile.id})",
            "catalogue",
            "config.unknown_catalogue",
            {"value": profile.catalogue, "known": ", ".join(sorted(catalogues)) or "-"},
        )
        for profile in profiles.values()
        if profile.catalogue and profile.catalogue not in catalogues
    )
    return profiles, catalogues


def _has_top_level_key(path: Path, key: str) -> bool:
    try:
        data = read_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError, YamlProblem):
        return False  # the real load reports it
    return isinstance(data, dict) and key in data


def _load_products(
    root: Path, profiles: dict[str, Profile], problems: list[ConfigProblem]
) -> list[Product]:
    """Every products/*.yaml, with keys and Jira projects unique across files."""
    products: list[Product] = []
    seen: dict[str, str] = {}
    for path in sorted((root / "products").glob("*.yaml")):
        product = _load_model(root, path, Product, problems)
        if product is None:
            continue
        rel = _rel(root, path)
        unique = [("key", product.key)]
        if product.jira is not None:
            unique.append(("jira.project", product.jira.project))
        elif product.github is not None:
            unique.append(("github.repo", product.github.repo))
        for name, value in unique:
            marker = f"{name}={value}"
            if marker in seen:
                problems.append(
                    ConfigProblem(
                        rel, name, "config.duplicate_in", {"value": value, "other": seen[marker]}
                    )
                )
            seen[marker] = rel
        problems.extend(_cross_check(root, rel, product, profiles))
        products.append(product)
    return products


def _cross_check(
    root: Path, rel: str, product: Product, profiles: dict[str, Profile]
) -> list[ConfigProblem]:
    """What a product file says about other files: profile, check ids, paths."""
    profile = profiles.get(product.profile)
    if profile is None:
        return [
            ConfigProblem(
                rel,
                "profile",
                "config.unknown_profile",
                {"value": product.profile, "known": ", ".join(sorted(profiles)) or "-"},
            )
        ]
    checks = {c.id: c for c in profile.checks}
    known = ", ".join(sorted(checks))
    problems: list[ConfigProblem] = [
        ConfigProblem(rel, path, "config.placeholder", {"value": value})
        for path, value in _placeholders(product.model_dump(mode="json"))
    ]
    for check_id, override in product.overrides.items():
        check = checks.get(check_id)
        if check is None:
            problems.append(
                ConfigProblem(
                    rel,
                    f"overrides.{check_id}",
                    "config.unknown_check",
                    {"value": check_id, "known": known},
                )
            )
            continue
        params = {name for e in product.evidence_for(check) for name in type(e).model_fields}
        problems.extend(
            ConfigProblem(
                rel,
                f"overrides.{check_id}.{name}",
                "config.unknown_param",
                {"value": name, "check": check_id, "known": ", ".join(sorted(params - {"kind"}))},
            )
            for name in override.model_dump(exclude_none=True)
            if name not in params
        )
    problems.extend(
        ConfigProblem(
            rel, f"evidence.{check_id}", "config.unknown_check", {"value": check_id, "known": known}
        )
        for check_id in product.evidence
        if check_id not in checks
    )
    problems.extend(
        ConfigProblem(
            rel,
            f"waivers[{index}].check",
            "config.unknown_check",
            {"value": waiver.check, "known": known},
        )
        for index, waiver in enumerate(product.waivers)
        if waiver.check not in checks
    )
    problems.extend(_self_assessment_problems(root, rel, product))
    return problems


def _self_assessment_problems(root: Path, rel: str, product: Product) -> list[ConfigProblem]:
    """What is wrong with where the self-assessment is read from.

    A local one must be a file inside the configuration; one in a repository must name the
    repository, unless the product names its own.
    """
    source = product.self_assessment
    if source is None:
        return []
    if not isinstance(source, str):
        if source.repo is None and product.repository is None:
            return [ConfigProblem(rel, "self_assessment.repo", "config.no_repository", {})]
        return []
    if not _within(root, source):
        return [ConfigProblem(rel, "self_assessment", "config.path_outside", {"value": source})]
    if not (root / source).is_file():
        return [ConfigProblem(rel, "self_assessment", "config.no_file", {"value": source})]
    return []


def _within(root: Path, relative: str) -> bool:
    """Whether *relative* names a file inside *root* (no absolute path, no way out by ..)."""
    if Path(relative).is_absolute():
        return False
    return (root / relative).resolve().is_relative_to(root.resolve())


def _rel(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


# What `os2bot product new` writes where only people know the value: <formandens navn>.
PLACEHOLDER = re.compile(r"<[^\W\d_][^<>\n]*>")


def _placeholders(value: Any, path: str = "") -> list[tuple[str, str]]:
    """(path, value) of every string still holding a <…> placeholder.

    JQL is left alone: `updated <now() AND x>1` is none.
    """
    found: list[tuple[str, str]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in {"jql", "requests_jql"}:
                found += _placeholders(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _placeholders(item, f"{path}[{index}]")
    elif isinstance(value, str) and PLACEHOLDER.search(value):
        found.append((path, value))
    return found


M = TypeVar("M", bound=BaseModel)


def _load_model(root: Path, path: Path, model: type[M], problems: list[ConfigProblem]) -> M | None:
    rel = _rel(root, path)
    try:
        raw = read_yaml(path)
    except YamlProblem as problem:
        problems.append(
            ConfigProblem(rel, "", problem.key, {**problem.params, "line": problem.line})
        )
        return None
    except UnicodeDecodeError:
        problems.append(ConfigProblem(rel, "", "config.not_utf8", {}))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        column = mark.column + 1 if mark is not None else "?"
        problems.append(
            ConfigProblem(
                rel,
                "",
                "config.yaml_syntax",
                {"line": line, "column": column, "problem": getattr(exc, "problem", None) or exc},
            )
        )
        return None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        problems.append(ConfigProblem(rel, "", "config.not_mapping", {}))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_problems_from(rel, exc, model))
        return None


def _problems_from(rel: str, exc: ValidationError, model: type[BaseModel]) -> list[ConfigProblem]:
    problems = []
    for error in exc.errors(include_url=False):
        path = _user_path(model, error["loc"])
        kind = str(error["type"])
        ctx = {k: _short(v) for k, v in (error.get("ctx") or {}).items()}
        params: dict[str, Any] = {"detail": error["msg"], "input": _short(error.get("input"))}
        params.update(ctx)
        key = f"pydantic.{kind}"
        problems.append(ConfigProblem(rel, path, key, params))
    return problems


def _user_path(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    """*loc* as the user wrote it, e.g. `checks[1].evidence.within_days`.

    pydantic puts the tag of a discriminated union into the location
    (`evidence.jql.within_days`); users wrote no tag. The walk follows *model*'s field types,
    so a tag is told from a field or a check id that happens to have a kind's name.
    """
    at: Any = model
    path = ""
    for part in loc:
        if _is_evidence(at) and part in MODELS:
            at = MODELS[str(part)]
            continue
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        at = _inside(at, part)
    return path


def _bare(annotation: Any) -> Any:
    """*annotation* without `Annotated[...]` and without `| None`."""
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, UnionType):
        rest = [arg for arg in get_args(annotation) if arg is not NoneType]
        if len(rest) == 1:
            return _bare(rest[0])
    return annotation


def _is_evidence(annotation: Any) -> bool:
    """Whether *annotation* is the union of the evidence kinds."""
    return set(get_args(_bare(annotation))) == set(MODELS.values())


def _inside(annotation: Any, part: str | int) -> Any:
    """The type found at *part* inside a value of type *annotation* (None: not followed)."""
    annotation = _bare(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(part))
        return field.annotation if field is not None else None
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (list, tuple) and args:
        return args[0]
    if origin is dict and args:
        return args[1]
    return None


def _short(value: Any) -> str:
    rendered = repr(value) if not isinstance(value, str) else value
    return rendered if len(rendered) <= 60 else rendered[:57] + "..."  # noqa: PLR2004
