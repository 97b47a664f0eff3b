"""The app's key bindings by id, for the config file's ``[keymap]``: which ids there are, and a keymap checked against them.

Every binding of the app, its screens and its widgets has an id
(``"compare.next-change"``); ``[keymap]`` maps ids to keys, and Textual's
``App.set_keymap`` puts them in place. ``reader config --keys`` lists the
ids with their keys and what they do.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode

__all__ = ["KeyBinding", "bindings", "checked_keymap"]


@dataclass(frozen=True, slots=True)
class KeyBinding:
    """One binding: its id, its keys, and what it does."""

    id: str
    keys: str
    description: str


def bindings() -> tuple[KeyBinding, ...]:
    """Every binding of the app with an id, once each, by id."""
    import reader.tui

    for module in pkgutil.walk_packages(reader.tui.__path__, "reader.tui."):
        importlib.import_module(module.name)
    found: dict[str, KeyBinding] = {}
    for cls in _subclasses(DOMNode):
        if not cls.__module__.startswith("reader.tui"):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id and binding.id not in found:
                found[binding.id] = KeyBinding(binding.id, binding.key, binding.tooltip or binding.description)
    return tuple(sorted(found.values(), key=lambda b: b.id))


def checked_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The keymap's entries whose id is a binding's, and a message for each that is not."""
    known = {binding.id for binding in bindings()}
    kept = {key: keys for key, keys in keymap.items() if key in known}
    problems = [f"keymap: no key binding has the id {key!r} (reader config --keys lists them); it is left out" for key in keymap if key not in known]
    return kept, problems


def _subclasses(cls: type) -> list[type]:
    found: list[type] = []
    stack: list[type] = [cls]
    while stack:
        sub: type
        for sub in stack.pop().__subclasses__():
            found.append(sub)
            stack.append(sub)
    return found
