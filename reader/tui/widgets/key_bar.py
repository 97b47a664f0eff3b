"""The line of keys at the bottom of every screen, drawn as one widget.

Textual's ``Footer`` mounts a widget per key and styles each one whenever a
screen opens or the focus moves; on the compare screen that was most of the
time from ``c`` to the comparison on screen (some 90 ms of 120). This bar
draws the same keys, in the same colours, as one line of text: the screen's
shown bindings left to right, the command palette's key at the right end.
A key is clicked like a key pressed, and hovering one shows its tooltip.
Where the line is too narrow for every key, the last ones give way and Help
stays, at the end: the help lists every key of the screen.
"""

from __future__ import annotations

import string
from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.keys import _character_to_key, key_to_character
from textual.screen import Screen
from textual.widget import Widget

#: The characters of the key names Textual cannot turn back into one ("slash" is "/"), so a key a text box types is known.
_NAMED_CHARACTERS = {_character_to_key(character): character for character in string.punctuation}

#: The action of the help, kept on a line too narrow for every key.
_HELP = "help"


class _Key(NamedTuple):
    key: str
    action: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    start: int
    end: int


class KeyBar(Widget, can_focus=False):
    """The shown keys of the screen it is on, as one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description", "key-bar--hover"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, show_command_palette: bool = True, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_command_palette = show_command_palette
        self._keys: list[_Key] = []
        self._palette: _Key | None = None
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self._read_bindings()
            self.refresh()

    def _read_bindings(self) -> None:
        """The keys to draw, one per action (the first key bound to it), as Textual's footer picks them."""
        active = self.screen.active_bindings
        focused = self.screen.focused
        keys: list[_Key] = []
        seen: set[str] = set()
        position = 0
        for key, (_node, binding, enabled, tooltip) in active.items():
            if not binding.show or binding.action in seen:
                continue
            character = key_to_character(key) or _NAMED_CHARACTERS.get(key)
            if focused is not None and focused.check_consume_key(key, character):
                continue  # a text box types it: "/" is a slash in the filter, not the filter's key
            seen.add(binding.action)
            display = self.app.get_key_display(binding)
            width = len(display) + 2 + (len(binding.description) + 1 if binding.description else 0)
            keys.append(_Key(binding.key, binding.action, display, binding.description, enabled, tooltip or binding.description, position, position + width))
            position += width
        self._keys = keys
        self._palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                display = self.app.get_key_display(binding)
                self._palette = _Key(binding.key, binding.action, display, binding.description, enabled, tooltip or binding.description, -1, -1)

    def _item(self, key: _Key, hovered: bool) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        if hovered:
            hover = self.get_component_rich_style("key-bar--hover")
            key_style, description_style = key_style + hover, description_style + hover
        if not key.enabled:
            key_style, description_style = key_style + Style(dim=True), description_style + Style(dim=True)
        item = Text.assemble((f" {key.display} ", key_style))
        if key.description:
            item.append(f"{key.description} ", description_style)
        return item

    def _fitted(self, width: int) -> list[int]:
        """The keys drawn in ``width`` columns, by index: all of them, or the first that fit and then Help."""
        widths = [key.end - key.start for key in self._keys]
        if sum(widths) <= width:
            return list(range(len(widths)))
        helping = [index for index, key in enumerate(self._keys) if key.action == _HELP]
        room = width - sum(widths[index] for index in helping)
        shown: list[int] = []
        for index, key_width in enumerate(widths):
            if index in helping:
                continue
            if key_width > room:
                break
            shown.append(index)
            room -= key_width
        return shown + helping

    def render(self) -> Text:
        if not self._keys and self._palette is None:
            self._read_bindings()
        width = self.size.width
        line = Text(no_wrap=True, overflow="crop", end="")
        for index in self._fitted(width):
            key = self._keys[index]
            start = line.cell_len
            line.append_text(self._item(key, index == self._hover))
            self._keys[index] = key._replace(start=start, end=line.cell_len)
        palette = self._palette
        if palette is not None:
            item = Text("▏", self.get_component_rich_style("key-bar--description"))
            item.append_text(self._item(palette, self._hover == len(self._keys)))
            room = width - line.cell_len - item.cell_len
            if room >= 1:
                line.append(" " * room)
                line.append_text(item)
                self._palette = palette._replace(start=width - item.cell_len, end=width)
        line.truncate(width, overflow="crop")
        return line

    def _key_at(self, x: int) -> int | None:
        """The index of the key drawn at column ``x`` (the palette's is the last index plus one)."""
        for index in self._fitted(self.size.width):
            key = self._keys[index]
            if key.start <= x < key.end:
                return index
        palette = self._palette
        if palette is not None and palette.start <= x < palette.end:
            return len(self._keys)
        return None

    def _key(self, index: int | None) -> _Key | None:
        if index is None:
            return None
        return self._keys[index] if index < len(self._keys) else self._palette

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._key_at(event.x)
        if index != self._hover:
            self._hover = index
            key = self._key(index)
            self.tooltip = key.tooltip if key is not None else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        self._hover = None
        self.tooltip = None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key(self._key_at(event.x))
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
