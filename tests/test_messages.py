# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The text table: both languages per key, plural forms by count, and no key unused or missing."""

from __future__ import annotations

import ast
import re
import typing
from functools import cache
from pathlib import Path

import pytest
from pydantic_core import core_schema

from os2bot.domain import Msg
from os2bot.messages import TEXTS, render, template, term, text
from os2bot.messages.table import T, TextError, build, fields_of, is_choice, parse_choice

ROOT = Path(__file__).resolve().parents[1]
TABLE_FILE = ROOT / "os2bot" / "messages" / "texts.py"

# ------------------------------------------------------------------ the table is checked when built


def test_a_text_without_one_of_its_languages_cannot_be_written():
    """Leaving out a language is an error where the entry is written, before any table exists."""
    with pytest.raises(TypeError):
        T(da="kun dansk")  # type: ignore[call-arg]


def test_an_empty_translation_breaks_the_build():
    """A language given as an empty text counts as missing and stops the table being built."""
    with pytest.raises(TextError, match=r"k \(en\): no text"):
        build({"k": T(da="noget", en=" ")})


def test_languages_that_fill_in_different_values_break_the_build():
    """A Danish and an English text that show different facts stop the table being built."""
    with pytest.raises(TextError, match="different values"):
        build({"k": T(da="{count} sager", en="{total} issues")})


def test_a_plural_without_a_form_for_one_breaks_the_build():
    """A plural choice must give every category of its language, so no count lacks a form."""
    with pytest.raises(TextError, match=r"k \(da\): \{n\} lacks \['one'\]"):
        build({"k": T(da="{n:0=ingen|other=# sager}", en="{n:one=# issue|other=# issues}")})


def test_a_choice_without_other_breaks_the_build():
    """Every choice needs an 'other' form to fall back on."""
    with pytest.raises(TextError, match="no 'other' form"):
        build({"k": T(da="{n:one=# sag|few=# sager}", en="{n:one=# issue|other=# issues}")})


def test_a_category_the_language_does_not_have_breaks_the_build():
    """A 'few' form in Danish, which has only one and other, is a mistake the build catches."""
    with pytest.raises(TextError, match="which da does not know"):
        build({"k": T(da="{n:one=# sag|few=# sager|other=# sager}", en="{n:one=# x|other=# xs}")})


def test_a_choice_holding_a_placeholder_breaks_the_build():
    """A form may not hold another placeholder, whose value could break the choice apart."""
    with pytest.raises(TextError, match="holds a placeholder"):
        build({"k": T(da="{n:one=# sag i {p}|other=# sager}", en="{n:one=# x|other=# xs} {p}")})


def test_a_broken_build_names_every_broken_entry():
    """One build error lists every problem, so they can be fixed in one go."""
    with pytest.raises(TextError) as caught:
        build({"a": T(da="x", en=""), "b": T(da="{x}", en="{y}")})
    assert "a (en): no text" in str(caught.value)
    assert "b: the languages fill in different values" in str(caught.value)


def test_the_real_table_passes_its_own_checks():
    """The table the bot uses builds without a problem and holds every key."""
    assert build(TEXTS) == TEXTS
    assert len(TEXTS) > 200


# ------------------------------------------------------------------------------------- plurals

PLACEHOLDER_VALUE = "‹x›"


def choices(template_text: str) -> dict[str, dict[str, str]]:
    """The forms of each placeholder that chooses among them."""
    return {
        name: dict(parse_choice(spec).forms)
        for name, spec in fields_of(template_text)
        if is_choice(spec)
    }


def is_plural(forms: dict[str, str]) -> bool:
    """Whether a choice goes by plural category (one/other), not only by exact values."""
    return "one" in forms


PLURAL_KEYS = sorted(
    key
    for key, entry in TEXTS.items()
    if any(is_plural(f) for lang in ("da", "en") for f in choices(entry[lang]).values())
)


def params_for(key: str, n: int) -> dict[str, object]:
    """Values for every placeholder of *key*: *n* for those that choose, a marker for the rest."""
    params: dict[str, object] = {}
    for language in ("da", "en"):
        picked = choices(TEXTS[key][language])
        for name, _spec in fields_of(TEXTS[key][language]):
            params[name] = n if name in picked else params.get(name, PLACEHOLDER_VALUE)
    return params


def expected_form(forms: dict[str, str], n: int) -> str:
    """The form Danish and English use for the whole number *n*: 1 is 'one', 0 and 2 'other'."""
    if str(n) in forms:
        return forms[str(n)]
    if n == 1 and "one" in forms:
        return forms["one"]
    return forms["other"]


def test_there_are_plural_texts_to_check():
    """The plural checks below have texts to run on, counts of cases, members, days and more."""
    assert {"reason.jql.too_few", "reason.declared.group", "chat.digest.footer"} <= set(PLURAL_KEYS)


@pytest.mark.parametrize("n", [0, 1, 2])
@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("key", PLURAL_KEYS)
def test_every_plural_text_picks_the_form_for_its_count(key, language, n):
    """For 0, 1 and 2, each counting placeholder shows the form for that count, # as the count."""
    rendered = text(key, language, **params_for(key, n))
    for name, forms in choices(TEXTS[key][language]).items():
        form = expected_form(forms, n).replace("#", str(n))
        assert form in rendered, f"{{{name}}} = {n}"
        for other in set(forms.values()) - {expected_form(forms, n)}:
            wrong = other.replace("#", str(n))
            if wrong and wrong not in form:
                shown = re.search(rf"(?<!\w){re.escape(wrong)}(?!\w)", rendered)
                assert shown is None, f"{{{name}}} = {n} also shows {wrong!r}"


@pytest.mark.parametrize(
    ("key", "params", "danish", "english"),
    [
        (
            "reason.jql.too_few",
            {"count": 1, "min_count": 2},
            "Kun 1 sag matcher; der skal være mindst 2.",
            "Only 1 issue matches; at least 2 are needed.",
        ),
        (
            "reason.jql.too_few",
            {"count": 0, "min_count": 1},
            "Kun 0 sager matcher; der skal være mindst 1.",
            "Only 0 issues match; at least 1 is needed.",
        ),
        (
            "reason.declared.group",
            {"group": "styregruppe", "lead": "Ane", "members": 1, "kommissorium": "k.pdf"},
            "Ifølge produktfilen: styregruppe med formand Ane og 1 medlem; kommissorium: k.pdf.",
            (
                "According to the product file: a styregruppe chaired by Ane with 1 member; "
                "terms of reference: k.pdf."
            ),
        ),
        (
            "reason.declared.group",
            {"group": "styregruppe", "lead": "Ane", "members": 2, "kommissorium": "k.pdf"},
            "Ifølge produktfilen: styregruppe med formand Ane og 2 medlemmer; kommissorium: k.pdf.",
            (
                "According to the product file: a styregruppe chaired by Ane with 2 members; "
                "terms of reference: k.pdf."
            ),
        ),
        (
            "reason.declared.fee_paid",
            {"count": 0},
            "Ingen nye myndigheder skal betale tilslutningsafgift.",
            "No new authority has to pay the affiliation fee.",
        ),
        (
            "reason.declared.fee_paid",
            {"count": 1},
            "Den nye myndighed har betalt tilslutningsafgiften.",
            "The new authority has paid the affiliation fee.",
        ),
        (
            "reason.declared.fee_paid",
            {"count": 3},
            "Alle 3 nye myndigheder har betalt tilslutningsafgiften.",
            "All 3 new authorities have paid the affiliation fee.",
        ),
        (
            "reason.activity.recent",
            {"days": 1, "key": "MO-1", "date": "2026-01-02"},
            "Senest ændret af andre end os2bot: MO-1 (2026-01-02) – inden for den seneste dag.",
            "Last changed by someone other than os2bot: MO-1 (2026-01-02) – within the last day.",
        ),
        (
            "reason.jql.met_window",
            {
                "key": "MO-1",
                "summary": "KG",
                "date": "2026-01-02",
                "days": 0,
                "count": 1,
                "window": 90,
                "basis": "profil",
            },
            "Seneste: MO-1 »KG« (2026-01-02, i dag); 1 sag inden for de seneste 90 dage (profil).",
            "Newest: MO-1 “KG” (2026-01-02, today); 1 issue within the last 90 days (profil).",
        ),
        (
            "chat.digest.risk",
            {"product": "OS2mo", "what": "2 ikke opfyldt, 1 ukendt", "high": 1},
            "OS2mo: 2 ikke opfyldt, 1 ukendt – 1 med høj alvor",
            "OS2mo: 2 ikke opfyldt, 1 ukendt – 1 of high severity",
        ),
        (
            "chat.digest.risk",
            {"product": "OS2mo", "what": "1 ikke opfyldt", "high": 0},
            "OS2mo: 1 ikke opfyldt",
            "OS2mo: 1 ikke opfyldt",
        ),
        ("count.unknown", {"count": 1}, "1 ukendt", "1 unknown"),
        ("count.unknown", {"count": 2}, "2 ukendte", "2 unknown"),
        ("chat.status.met", {"count": 12}, "12 tjek opfyldt", "12 checks met"),
        ("chat.event.batch", {"count": 1}, "1 nyhed fra os2bot", "1 piece of news from os2bot"),
        (
            "chat.event.round",
            {"date": "2. jan. 2026", "days": 1},
            "Prioriteringsmøde 2. jan. 2026 (i morgen)",
            "Prioritisation meeting on 2. jan. 2026 (tomorrow)",
        ),
        (
            "task.expiry.summary",
            {"product": "OS2mo", "date": "2026-01-02", "days": 1},
            "Tilslutningsaftalen for OS2mo udløber 2026-01-02 (1 dags varsel)",
            "The affiliation agreement of OS2mo expires on 2026-01-02 (1 day's notice)",
        ),
        (
            "reason.assessment.ok",
            {"count": 1, "level": "2", "filled": "2026-01-02", "version": "1.1.0"},
            "Krav op til niveau 2: det ene er opfyldt (selvevaluering 2026-01-02, katalog 1.1.0).",
            (
                "Requirements up to level 2: the only one is met (self-assessment 2026-01-02, "
                "catalogue 1.1.0)."
            ),
        ),
        (
            "reason.assessment.failing",
            {"ids": "-", "unanswered": "F7", "level": "2", "filled": "2026-01-02", "version": "1"},
            (
                "Besvaret 'Nej' op til niveau 2: ingen; ubesvaret: F7 (selvevaluering 2026-01-02, "
                "katalog 1)."
            ),
            (
                "Answered 'Nej' up to level 2: none; unanswered: F7 (self-assessment 2026-01-02, "
                "catalogue 1)."
            ),
        ),
        (
            "reason.declared.need",
            {"document": "behov.pdf"},
            "Ifølge produktfilen er behovet afdækket (behovsafdækning: behov.pdf).",
            "According to the product file the need is mapped (analysis: behov.pdf).",
        ),
        (
            "pydantic.too_short",
            {"min_length": "1"},
            "skal have mindst 1 element",
            "must have at least 1 item",
        ),
    ],
)
def test_texts_read_as_written_for_their_counts(key, params, danish, english):
    """Texts with counts read as a person would write them, in Danish and in English."""
    assert text(key, "da", **params) == danish
    assert text(key, "en", **params) == english


def test_a_list_chooses_its_form_by_its_length():
    """A list in a message picks singular or plural by how many items it has."""
    one = Msg("reason.activity.board", {"boards": [7]})
    two = Msg("reason.activity.board", {"boards": [7, 12]})
    assert render(one, "da") == "Tavle: 7."
    assert render(two, "da") == "Tavler: 7, 12."
    assert render(two, "en") == "Boards: 7, 12."


def test_list_items_that_are_os2_terms_are_translated():
    """Supplier phases in a list show as their OS2 terms, in the reader's language."""
    msg = Msg("reason.declared.phases_missing", {"phases": ["raadgivning", "faellesskab"]})
    assert (
        render(msg, "da") == "Ingen leverandør dækker faserne rådgivning, samspil med fællesskabet."
    )
    one = Msg("reason.declared.phases_missing", {"phases": ["raadgivning"]})
    assert render(one, "en") == "No supplier covers the phase consulting."


def test_a_plural_given_no_number_fails_loudly():
    """A count that is not a number is a programming error, not a silent wrong form."""
    with pytest.raises(TypeError):
        text("chat.digest.footer", "da", products="mange")


HEDGE = re.compile(r"\w\((?:e?r|s|mer|e|n|ne)\)")


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_no_text_hedges_a_plural_with_brackets(key):
    """No text writes 'sag(er)' or 'line(s)': it picks a form by count, or reads well for any."""
    for language in ("da", "en"):
        assert not HEDGE.search(TEXTS[key][language]), TEXTS[key][language]


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_fills_in_in_both_languages(key):
    """Every text can be filled in, in Danish and English, with values for its placeholders."""
    for language in ("da", "en"):
        assert text(key, language, **params_for(key, 2))


# ----------------------------------------------------------------------------- behaviour of text()


def test_unknown_validation_error_falls_back_to_pydantics_detail():
    """A pydantic error type without its own text still says what is wrong."""
    assert text("pydantic.some_new_type", "da", detail="Input should be a valid UUID") == (
        "ugyldig værdi: Input should be a valid UUID"
    )


def test_allowed_values_are_listed_with_the_readers_or():
    """Pydantic's "'a', 'b' or 'c'" reads with "eller" in Danish and stays as it is in English."""
    expected = "'da', 'en' or 'kl'"
    assert text("pydantic.literal_error", "da", input="de", expected=expected) == (
        "'de' er ikke tilladt; vælg en af 'da', 'en' eller 'kl'"
    )
    assert text("pydantic.literal_error", "en", input="de", expected=expected) == (
        "'de' is not allowed; choose one of 'da', 'en' or 'kl'"
    )


def test_missing_text_is_an_error_not_a_silent_key():
    """Asking for a text that does not exist fails loudly."""
    with pytest.raises(KeyError):
        text("no.such.key", "en")


def test_a_template_is_handed_out_for_plain_format():
    """A text filled in later by str.format is handed out with its placeholder left in."""
    assert "{count}" in template("chat.omitted", "da")
    assert template("chat.omitted", "en").format(count=1).startswith("… and 1 more")


def test_a_text_that_chooses_forms_is_not_handed_out_as_a_template():
    """Plain str.format knows no plural forms, so such a text is refused as a template."""
    with pytest.raises(ValueError, match="chooses among forms"):
        template("chat.digest.footer", "da")


def test_a_term_is_translated_and_anything_else_kept():
    """An OS2 term reads in the reader's language; a value that is no term stays as it is."""
    assert term("steering_group", "da") == "styregruppe"
    assert term("faelles_drift", "en") == "joint operations"
    assert term("OS2mo", "en") == "OS2mo"


# ------------------------------------------------------------------- every key used, none missing

NAMESPACES = frozenset(key.split(".")[0] for key in TEXTS)
KEY_SHAPE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\Z")

KEY_CALLS = frozenset({"text", "template", "Msg", "verdict", "t", "ConfigProblem"})
"""Callables that take a text key among their positional arguments."""

DYNAMIC: dict[str, str] = {
    "state.": "a check's state, text('state.' + state.value): one per State",
    "count.": "checks counted by state, text('count.' + state.value): one per State",
    "report.group.": "a group of checks in the report, text('report.group.' + g): per GROUPS",
    "report.level.": "a product level in the report's templates, t('report.level.' + p.level)",
    "report.tally.": "an overview tile's words, t('report.tally.' + state): one per State",
    "report.since.": "since when a gap fails, t('report.since.' + g.state): per GAP_STATES",
    "report.tasks.": "a kind of task on a product's page, t('report.tasks.' + k): per TASK_KINDS",
    "action.": "the CLI's verb of an action, text(f'action.{kind.value}'): one per ActionKind",
    "owner.": "a reminder's owner, plan.t(f'owner.{check.owner}'): one per Owner",
    "point.": "a missing qualification point, plan.t('point.' + p): one per POINTS",
    "release.step.": "the release checklist, plan.t(f'release.step.{step}'): per RELEASE_STEPS",
    "term.": "term() names an OS2 phase, supplier phase, funding item, extension or group",
    "pydantic.": "a validation error by pydantic's type, f'pydantic.{kind}' (else pydantic.other)",
}
"""Key prefixes completed at run time, and where their endings come from."""


@cache
def trees() -> dict[Path, ast.Module]:
    """The parsed source of the bot, without the table itself."""
    return {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "os2bot").rglob("*.py"))
        if path != TABLE_FILE
    }


def looks_like_key(value: object) -> bool:
    """Whether a string has the shape of a text key in one of the table's namespaces."""
    return (
        isinstance(value, str)
        and bool(KEY_SHAPE.match(value))
        and value.split(".")[0] in NAMESPACES
    )


def prefix_of(node: ast.AST) -> str | None:
    """The fixed start of a key built at run time ("state." + x, f"owner.{x}"), if it is one."""
    start: ast.AST | None = None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        start = node.left
    elif isinstance(node, ast.JoinedStr) and node.values:
        start = node.values[0]
    if isinstance(start, ast.Constant) and isinstance(start.value, str):
        head = start.value
        if head.endswith(".") and (head[:-1] in NAMESPACES or looks_like_key(head[:-1])):
            return head
    return None


def key_positions(tree: ast.AST) -> list[tuple[ast.AST, int]]:
    """Expressions that hold a key: a key-taking call's arguments, and values given to a *key."""
    found: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in KEY_CALLS:
                found.extend(node.args)
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id.endswith("key") for t in targets):
                found.append(node.value)
    spread: list[ast.AST] = []
    while found:
        node = found.pop()
        if isinstance(node, ast.IfExp):
            found += [node.body, node.orelse]
        elif isinstance(node, ast.BoolOp):
            found += node.values
        else:
            spread.append(node)
    return [(node, getattr(node, "lineno", 0)) for node in spread]


TEMPLATE_KEY = re.compile(r"""\bt\(\s*["']([a-z_][a-z0-9_.]*)["']""")


def template_keys() -> dict[str, str]:
    """Every key the HTML templates look up with t("…"), with where."""
    return {
        match.group(1): f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in sorted((ROOT / "os2bot").rglob("*.j2"))
        for text in [path.read_text(encoding="utf-8")]
        for match in TEMPLATE_KEY.finditer(text)
        if not match.group(1).endswith(".")  # a prefix the template completes: see DYNAMIC
    }


def named_keys() -> dict[str, str]:
    """Every key written out where a key is expected (code and templates), with where it is."""
    named: dict[str, str] = dict(template_keys())
    for path, tree in trees().items():
        for node, line in key_positions(tree):
            if isinstance(node, ast.Constant) and looks_like_key(node.value):
                named[str(node.value)] = f"{path.relative_to(ROOT)}:{line}"
    return named


def literals() -> set[str]:
    """Every string written anywhere in the bot's source, and every key its templates use."""
    return set(template_keys()) | {
        node.value
        for tree in trees().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def custom_error_types() -> set[str]:
    """The validation error types the bot raises itself (PydanticCustomError's first value)."""
    return {
        node.args[0].value
        for tree in trees().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", "")) == "PydanticCustomError"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


TEMPLATE_PREFIX = re.compile(r"""\bt\(\s*["']([a-z_][a-z0-9_.]*\.)["']\s*\+""")


def built_prefixes() -> dict[str, str]:
    """Every key prefix the bot completes at run time (code and templates), with where it does."""
    built: dict[str, str] = {
        match.group(1): f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in sorted((ROOT / "os2bot").rglob("*.j2"))
        for text in [path.read_text(encoding="utf-8")]
        for match in TEMPLATE_PREFIX.finditer(text)
    }
    for path, tree in trees().items():
        for node in ast.walk(tree):
            prefix = prefix_of(node)
            if prefix is not None:
                built[prefix] = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
    return built


def definition(name: str) -> ast.AST:
    """The one module-level definition of *name* in the bot (an assignment or a class)."""
    found = [
        node
        for tree in trees().values()
        for node in tree.body
        if (isinstance(node, ast.ClassDef) and node.name == name)
        or (
            isinstance(node, ast.Assign | ast.AnnAssign)
            and any(
                isinstance(t, ast.Name) and t.id == name
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
            )
        )
    ]
    assert len(found) == 1, f"{name} is defined {len(found)} times in os2bot: update DYNAMIC"
    return found[0]


def values_of(name: str) -> set[str]:
    """The strings a name stands for: an enum's values, a Literal's options or a tuple's items."""
    node = definition(name)
    if isinstance(node, ast.ClassDef):
        return {
            str(item.value.value)
            for item in node.body
            if isinstance(item, ast.Assign) and isinstance(item.value, ast.Constant)
        }
    assert isinstance(node, ast.Assign | ast.AnnAssign)
    assert node.value is not None
    value = node.value
    if isinstance(value, ast.Subscript):  # Literal["a", "b"]
        value = value.slice
    items = ast.literal_eval(value)
    return {items} if isinstance(items, str) else set(items)


def endings(prefix: str) -> tuple[set[str], bool]:  # noqa: C901 - one branch per prefix
    """What a run-time key under *prefix* can end with, and whether each ending needs a text."""
    if prefix in {"state.", "count.", "report.tally."}:
        return values_of("State"), True
    if prefix == "report.group.":
        return values_of("GROUPS"), True
    if prefix == "report.level.":
        return values_of("Level"), True
    if prefix == "report.since.":
        return {"not_met", "unknown"}, True  # GAP_STATES names them by State
    if prefix == "report.tasks.":
        return values_of("TASK_KINDS"), True
    if prefix == "action.":
        return values_of("ActionKind"), True
    if prefix == "owner.":
        return values_of("Owner"), True
    if prefix == "point.":
        return values_of("POINTS"), True
    if prefix == "release.step.":
        return values_of("RELEASE_STEPS"), True
    if prefix == "term.":
        names = ("Phase", "SupplierPhase", "FundingItem", "Extension", "Fact", "WindowBasis")
        return set().union(*(values_of(n) for n in names)), False
    if prefix == "pydantic.":
        return set(typing.get_args(core_schema.ErrorType)) | custom_error_types(), False
    raise AssertionError(f"no endings known for {prefix!r}: add them here and to DYNAMIC")


def test_the_scan_finds_keys_where_the_code_names_them():
    """The scan sees keys written out in calls, in conditionals and in variables named *key."""
    named = named_keys()
    assert {"reason.jql.none", "report.note.one_run", "chat.event.cleared", "triage.complete"} <= (
        set(named)
    )


def test_every_key_the_code_names_exists():
    """Each key the code writes out where a text is looked up has a text in the table."""
    missing = {key: where for key, where in named_keys().items() if key not in TEXTS}
    assert missing == {}


def test_every_key_built_at_run_time_has_a_documented_prefix():
    """A key put together at run time starts with a prefix this test knows the endings of."""
    undocumented = {p: where for p, where in built_prefixes().items() if p not in DYNAMIC}
    assert undocumented == {}


def test_every_documented_prefix_is_still_built_somewhere():
    """No allowance for run-time keys outlives the code that builds them."""
    assert set(DYNAMIC) - set(built_prefixes()) == set()


@pytest.mark.parametrize("prefix", sorted(DYNAMIC))
def test_every_run_time_key_the_code_can_build_exists(prefix):
    """Every state, action kind, owner, point and release step has its text."""
    values, needed = endings(prefix)
    missing = {prefix + v for v in values if prefix + v not in TEXTS} if needed else set()
    assert missing == set()


def test_every_key_in_the_table_is_used():
    """Each key in the table is written out in the code, or ends a prefix built at run time."""
    written = literals()
    unused = set()
    for key in TEXTS:
        if key in written:
            continue
        prefix = next((p for p in DYNAMIC if key.startswith(p)), None)
        if prefix is not None and key.removeprefix(prefix) in endings(prefix)[0]:
            continue
        unused.add(key)
    assert unused == set()
