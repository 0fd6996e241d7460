# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""YAML read with limits: no key twice, no bomb of aliases, no nesting without end.

PyYAML's safe loader keeps the last of two equal keys without a word, expands an alias
wherever it is used (a few lines can stand for billions of values once something walks
them), and composes nested collections recursively (50,000 `[` exhaust the stack). A
configuration file is small and written by people: these limits are far above anything a
real one needs, and each problem is reported with its line, never as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_BYTES = 1_000_000  # a product file is a few kilobytes
MAX_DEPTH = 50  # nesting of mappings and lists
MAX_VALUES = 100_000  # values once every alias is expanded
MERGE = "tag:yaml.org,2002:merge"


@dataclass
class YamlProblem(Exception):
    """What is wrong with a YAML file: a message key, its values, the line (1-based)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None


class _Loader(yaml.SafeLoader):
    """The safe loader with a depth limit while composing and a duplicate-key check."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlProblem("config.yaml_too_deep", {"limit": MAX_DEPTH})
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:  # noqa: FBT001, FBT002 - PyYAML's signature
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            # A merge (`<<: *defaults`) may be overridden by the keys written beside it.
            if not isinstance(key_node, ScalarNode) or key_node.tag == MERGE:
                continue
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise YamlProblem(
                    "config.yaml_duplicate_key", {"key": key, "first": seen[key]}, line
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def _expanded_size(node: Node, sizes: dict[int, int]) -> int:
    """How many values *node* stands for once its aliases are expanded.

    Memoised by node, so a bomb is measured in linear time, never expanded.
    """
    if id(node) in sizes:
        return sizes[id(node)]
    total = 1
    if isinstance(node, SequenceNode):
        total += sum(_expanded_size(child, sizes) for child in node.value)
    elif isinstance(node, MappingNode):
        total += sum(
            _expanded_size(key, sizes) + _expanded_size(value, sizes) for key, value in node.value
        )
    sizes[id(node)] = min(total, MAX_VALUES + 1)
    return sizes[id(node)]


def read_yaml(path: Path) -> Any:
    """The YAML document in *path*; raise YamlProblem for anything but a sane document.

    Also raises UnicodeDecodeError (not UTF-8) and yaml.YAMLError (bad syntax), which the
    loader reports with their own texts.
    """
    if path.stat().st_size > MAX_BYTES:
        raise YamlProblem("config.yaml_too_large", {"limit": MAX_BYTES})
    loader = _Loader(path.read_text(encoding="utf-8"))
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:  # a parser level below the composer ran out of stack
            raise YamlProblem("config.yaml_too_deep", {"limit": MAX_DEPTH}) from None
        if node is None:
            return None
        if _expanded_size(node, {}) > MAX_VALUES:
            raise YamlProblem("config.yaml_too_many_values", {"limit": MAX_VALUES})
        return loader.construct_document(node)
    finally:
        loader.dispose()
