"""Reading a pack's YAML nodes as the author wrote them, each problem with its line.

The pack loader composes YAML into nodes (never Python objects), so every value
keeps its line and scalars stay text (a title ``no`` is ``"no"``). These readers
turn nodes into text, lists and mappings, or raise ``Invalid`` with the line.
"""

from __future__ import annotations

import yaml

__all__ = [
    "Invalid",
    "check_choices",
    "is_null",
    "line_of",
    "mapping_of",
    "scalar_text",
    "text_list",
]

_NULL_TAG = "tag:yaml.org,2002:null"


class Invalid(Exception):
    """A problem in a pack, at ``line`` (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def line_of(node: yaml.Node) -> int:
    """The node's line, 1-based."""
    return int(node.start_mark.line) + 1


def mapping_of(node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """Key -> (key node, value node) of a mapping whose keys are plain and distinct."""
    if not isinstance(node, yaml.MappingNode):
        raise Invalid(line_of(node), f"{what} must be a mapping of keys to values")
    result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise Invalid(line_of(key), f"{what}: keys must be plain words")
        if key.value in result:
            raise Invalid(line_of(key), f"{what}: key {key.value!r} appears twice")
        result[key.value] = (key, value)
    return result


def scalar_text(node: yaml.Node, what: str, *, required: bool = False) -> str:
    """A single value as written (an empty value is \"\")."""
    if isinstance(node, yaml.ScalarNode):
        value = "" if node.tag == _NULL_TAG and node.style is None else str(node.value)
        if required and not value.strip():
            raise Invalid(line_of(node), f"{what} is empty")
        return value
    raise Invalid(line_of(node), f"{what} must be text, not a {node_kind(node)}")


def text_list(node: yaml.Node, what: str) -> tuple[str, ...]:
    """A list of single values (an empty value is an empty list)."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise Invalid(line_of(node), f"{what} must be a list, not a {node_kind(node)}")
    return tuple(scalar_text(item, f"{what} item") for item in node.value)


def node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "single value"


def check_choices(values: tuple[str, ...], allowed: tuple[str, ...], what: str, line: int) -> None:
    for value in values:
        if value not in allowed:
            raise Invalid(line, f"{what}: {value!r} is not one of {', '.join(allowed)}")


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG
