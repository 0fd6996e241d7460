# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The text table: each key holds every language side by side, checked when the table is built.

A text is a `str.format` template. A placeholder may choose among forms by its value:

    {count:one=# sag|other=# sager}
    {days:0=i dag|one=# dag siden|other=# dage siden}
    {document:-=ingen|other=#}

Forms are separated by "|"; each is ``selector=form``. A selector is a CLDR plural category
(``one``, ``other``, …) or an exact value (``0``, ``-``), and an exact value wins. ``#`` in a form
stands for the value (a list's items, comma-separated). A number, or a list by its length, picks
its plural category by the language's CLDR rules (Babel); a value that matches no exact selector
and has no category falls back to ``other``, which every choice must have. A choice by number
(one that names a plural category or an exact number) must name every category of its language,
so no count lacks a form; a choice by number given something that is no number is a TypeError.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Literal

from babel import Locale
from babel.plural import PluralRule

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")

CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})
"""Every plural category CLDR knows; a selector that is none of these is an exact value."""


class TextError(ValueError):
    """The table breaks a rule: a text missing in a language, or languages that disagree."""


@dataclass(frozen=True, kw_only=True)
class T:
    """One text in every language; leaving a language out is a TypeError where it is written."""

    da: str
    en: str

    def __getitem__(self, language: Language) -> str:
        """The text in *language*."""
        text: str = getattr(self, language)
        return text


if tuple(f.name for f in fields(T)) != LANGUAGES:  # pragma: no cover - a programming error
    raise TextError(f"T must have one field per language {LANGUAGES}")


@cache
def plural_rule(language: Language) -> PluralRule:
    """CLDR's plural rule for *language*."""
    return Locale.parse(language).plural_form


def categories(language: Language) -> frozenset[str]:
    """The plural categories *language* tells apart (always with ``other``)."""
    return plural_rule(language).tags | {"other"}


@dataclass(frozen=True)
class Choice:
    """The forms of one placeholder, by selector."""

    forms: Mapping[str, str]

    @property
    def is_plural(self) -> bool:
        """Whether the choice goes by number: it names a category besides other, or a number."""
        return any(_is_number(s) or (s in CATEGORIES and s != "other") for s in self.forms)


def _is_number(selector: str) -> bool:
    try:
        Decimal(selector)
    except InvalidOperation:
        return False
    return True


def is_choice(spec: str) -> bool:
    """Whether a format spec is a choice of forms (Python's own specs never hold "|")."""
    return "|" in spec


@cache
def parse_choice(spec: str) -> Choice:
    """The forms of a choice spec such as ``one=# sag|other=# sager``."""
    forms: dict[str, str] = {}
    for part in spec.split("|"):
        selector, equals, form = part.partition("=")
        if not equals or not selector:
            raise TextError(f"form {part!r} is not selector=text")
        if selector in forms:
            raise TextError(f"selector {selector!r} appears twice")
        forms[selector] = form
    if "other" not in forms:
        raise TextError(f"choice {spec!r} has no 'other' form")
    return Choice(forms)


def fields_of(template: str) -> Iterator[tuple[str, str]]:
    """The (name, spec) of every placeholder in *template*."""
    for _literal, name, spec, _conversion in string.Formatter().parse(template):
        if name is not None:
            yield name, spec or ""


def placeholders(template: str) -> frozenset[str]:
    """The names a template fills in."""
    return frozenset(name for name, _spec in fields_of(template))


def _choice_problems(name: str, spec: str, language: Language) -> Iterator[str]:
    """What is wrong with the choice of one placeholder in *language*."""
    if "{" in spec or "}" in spec:
        yield f"the choice of {{{name}}} holds a placeholder"
    try:
        choice = parse_choice(spec)
    except TextError as exc:
        yield f"{{{name}}}: {exc}"
        return
    if choice.is_plural:
        named = {s for s in choice.forms if s in CATEGORIES}
        if missing := categories(language) - named:
            yield f"{{{name}}} lacks {sorted(missing)}"
        if extra := named - categories(language):
            yield f"{{{name}}} has {sorted(extra)}, which {language} does not know"


def _template_problems(template: str, language: Language) -> Iterator[str]:
    """What is wrong with one text in one language."""
    if not template.strip():
        yield "no text"
        return
    try:
        found = list(fields_of(template))
    except ValueError as exc:
        yield str(exc)
        return
    for name, spec in found:
        if not name.isidentifier():
            yield f"placeholder {{{name}}} is not a plain name"
        if is_choice(spec):
            yield from _choice_problems(name, spec, language)


def _problems(key: str, entry: T) -> Iterator[str]:
    """What is wrong with one entry."""
    names: dict[Language, frozenset[str]] = {}
    for language in LANGUAGES:
        wrong = [f"{key} ({language}): {p}" for p in _template_problems(entry[language], language)]
        yield from wrong
        if not wrong:
            names[language] = placeholders(entry[language])
    if len(set(names.values())) > 1:
        shown = "; ".join(f"{lang}: {sorted(n)}" for lang, n in names.items())
        yield f"{key}: the languages fill in different values ({shown})"


def build(entries: Mapping[str, T]) -> dict[str, T]:
    """The table, once every entry has every language and the same placeholders in each."""
    problems = [problem for key, entry in entries.items() for problem in _problems(key, entry)]
    if problems:
        raise TextError("the text table is broken:\n" + "\n".join(problems))
    return dict(entries)


def _number(value: Any) -> int | float | Decimal | None:
    """The number a choice counts by: a number, a numeric string, or a list's length."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, list | tuple):
        return len(value)
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return None
    return None


def shown(value: Any) -> str:
    """A value as a text shows it: a list as its items, comma-separated."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def choose(spec: str, value: Any, language: Language) -> str:
    """The form of a choice that fits *value* in *language*, with # filled in."""
    choice = parse_choice(spec)
    exact = choice.forms.get(shown(value))
    if exact is not None:
        return exact.replace("#", shown(value))
    number = _number(value)
    if number is None:
        if choice.is_plural:
            raise TypeError(f"a plural form needs a number or a list, not {value!r}")
        category = "other"
    else:
        category = plural_rule(language)(number)
    form = choice.forms.get(category, choice.forms["other"])
    return form.replace("#", shown(value))


class Formatter(string.Formatter):
    """`str.format` that also picks forms by value and shows lists as their items."""

    def __init__(self, language: Language) -> None:
        """A formatter for texts in *language*."""
        super().__init__()
        self.language: Language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        """One placeholder, filled in."""
        if is_choice(format_spec):
            return choose(format_spec, value, self.language)
        if isinstance(value, list | tuple) and not format_spec:
            return shown(value)
        return str(super().format_field(value, format_spec))


def fill(template: str, language: Language, params: Mapping[str, Any]) -> str:
    """*template* in *language* with *params* filled in."""
    return Formatter(language).vformat(template, (), params)


def has_choice(template: str) -> bool:
    """Whether any placeholder of *template* chooses among forms."""
    return any(is_choice(spec) for _name, spec in fields_of(template))
