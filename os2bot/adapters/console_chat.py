# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The Chat port on a terminal: messages as plain text, for `plan`, the demo and dry runs."""

from __future__ import annotations

import itertools
from typing import TextIO

from os2bot.domain import EMOJI_SYMBOL
from os2bot.ports import ChatMessage, Link


def _link(link: Link) -> str:
    return f"{link.label} {link.title}".rstrip() + f" <{link.url}>"


def render_text(message: ChatMessage) -> list[str]:
    """The message as lines of plain text (nothing to escape on a terminal)."""
    lines = [message.title]
    if message.mentions:
        lines.append(" ".join(f"@{m.name}" for m in message.mentions))
    if message.text:
        lines += message.text.splitlines()
    lines += [
        f"{EMOJI_SYMBOL.get(line.state, '•')} {line.title}"
        + (f" — {_link(line.link)}" if line.link else "")
        + (f" — {line.detail}" if line.detail else "")
        for line in message.lines
    ]
    if message.more:
        lines.append(f"→ {message.more.label} <{message.more.url}>")
    if message.links_title:
        lines.append(message.links_title)
    lines += [f"• {_link(link)}" for link in message.links]
    if message.links_title and not message.links and message.empty_links:
        lines.append(message.empty_links)
    if message.footer:
        lines.append(message.footer)
    return lines


class ConsoleChat:
    """Prints each message to a stream, boxed and headed by its target."""

    def __init__(self, out: TextIO, *, edited: str = "edited") -> None:
        """Write to *out*; *edited* marks a message shown again after an edit."""
        self.out = out
        self.edited = edited
        self._numbers = itertools.count(1)

    def show(self, target: str, message: ChatMessage, *, edited: bool = False) -> None:
        """Print *message* as it would appear in *target*."""
        mark = f" ({self.edited})" if edited else ""
        print(f"  ┌─ {target}{mark}", file=self.out)
        for line in render_text(message):
            print(f"  │ {line}", file=self.out)
        print("  └─", file=self.out)

    def post(self, target: str, message: ChatMessage, *, key: str | None = None) -> str:
        """Print; the reference is a running number."""
        del key  # printing cannot lose an answer
        self.show(target, message)
        return str(next(self._numbers))

    def update(self, target: str, ref: str, message: ChatMessage) -> str:
        """Print the new version."""
        self.show(target, message, edited=True)
        return ref
