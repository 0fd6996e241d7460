# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
r"""The bot's texts, written in Jira's wiki markup, as GitHub Flavored Markdown.

The planner writes every task and comment in Jira's wiki markup (os2bot/wiki.py escapes what it
quotes); GitHub renders Markdown. Only the markup the bot writes is converted: headings
(`h3.`), rules (`----`), bullets and numbered lists, checklists (`* (?) step` becomes a task
list item), links `[text|url]`, bold `*x*`, tables `||a||b||`, the status icons, and the
triage comment's anchor, which becomes an HTML comment.

What the bot quotes stays inert: wiki.escape's `\X` is also a Markdown escape (CommonMark
escapes any ASCII punctuation), and an `@` before a name gets a zero-width space, so a quoted
`@someone` never notifies anyone on GitHub.
"""

from __future__ import annotations

import re

from os2bot.domain import TRIAGE_MARK

HTML_TRIAGE_MARK = "<!-- os2bot-triage -->"
_ICONS = {"(/)": "✅", "(x)": "❌", "(?)": "❔", "(!)": "⚠️", "(i)": "ℹ️"}
_CHECKS = {"(?)": "- [ ]", "(/)": "- [x]", "(x)": "- [ ]"}
_HEADING = re.compile(r"^h([1-6])\.\s+(.*)$")
_BULLET = re.compile(r"^(\*+|#+)\s+(.*)$")
_LINK = re.compile(r"(?<!\\)\[([^\[\]|]+)\|([^\[\]\s]+)\]")
_BARE_LINK = re.compile(r"(?<!\\)\[(https?://[^\[\]\s|]+)\]")
_BOLD = re.compile(r"(?<![\\\w*])\*(?=\S)([^*\n]*?\S)(?<!\\)\*(?![\w*])")
_MENTION = re.compile(r"@(?=[A-Za-z0-9])")


def to_markdown(wiki: str) -> str:
    """*wiki* (the bot's Jira wiki markup) as GitHub Markdown."""
    if wiki.startswith(TRIAGE_MARK):
        return HTML_TRIAGE_MARK + "\n" + to_markdown(wiki.removeprefix(TRIAGE_MARK))
    lines: list[str] = []
    for line in wiki.split("\n"):
        if line.startswith("||") and line.rstrip().endswith("||"):
            cells = [_inline(c.strip()) for c in line.strip().strip("|").split("||")]
            lines += ["| " + " | ".join(cells) + " |", "|" + " --- |" * len(cells)]
        elif line.startswith("|") and line.rstrip().endswith("|") and not line.startswith("||"):
            cells = [_inline(c.strip()) for c in line.strip()[1:-1].split("|")]
            lines.append("| " + " | ".join(cells) + " |")
        else:
            lines.append(_line(line))
    return "\n".join(lines)


def _line(line: str) -> str:
    if line.strip() == "----":
        return "---"
    if heading := _HEADING.match(line):
        return "#" * int(heading[1]) + " " + _inline(heading[2])
    if line.startswith("bq. "):
        return "> " + _inline(line[4:])
    if bullet := _BULLET.match(line):
        marks, text = bullet[1], bullet[2]
        indent = "  " * (len(marks) - 1)
        icon = text[:3]
        if marks[0] == "*" and icon in _CHECKS and text[3:4] == " ":
            return f"{indent}{_CHECKS[icon]} {_inline(text[4:])}"
        marker = "-" if marks[0] == "*" else "1."
        return f"{indent}{marker} {_inline(text)}"
    return _inline(line)


def _inline(text: str) -> str:
    text = _LINK.sub(lambda m: f"[{m[1]}]({m[2]})", text)
    text = _BARE_LINK.sub(lambda m: f"<{m[1]}>", text)
    text = _BOLD.sub(lambda m: f"**{m[1]}**", text)
    for icon, emoji in _ICONS.items():
        text = text.replace(icon, emoji)
    return _MENTION.sub("@\u200b", text)


def from_markdown_mark(body: str) -> str:
    """A comment's text as the bot reads it back: its HTML triage mark as the wiki anchor."""
    if body.startswith(HTML_TRIAGE_MARK):
        return TRIAGE_MARK + body.removeprefix(HTML_TRIAGE_MARK).lstrip("\n")
    return body
