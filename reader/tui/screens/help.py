"""Help: every key of the screen it was opened from."""

from __future__ import annotations

from typing import ClassVar

from rich.columns import Columns
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

#: Keys that work everywhere but have no binding of their own to list.
EXTRA_KEYS: tuple[tuple[str, str], ...] = (("ctrl+p", "Command palette: open an article, compare with…, swap, facts, story, fetch URL or feed…, change theme"),)
#: What the mouse does on a screen of rows; a screen of text says its own (``MOUSE_DOES``).
MOUSE_ON_ROWS = "Click a row to select it, double-click to open it; scroll with the wheel"


def _group_name(node: DOMNode, screen: Screen[object]) -> str:
    if node is screen:
        return getattr(screen, "HELP_NAME", "") or type(screen).__name__.removesuffix("Screen") or "This screen"
    if node is screen.app:
        return "Everywhere"
    return "Moving"


def key_table(screen: Screen[object]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The keys active on ``screen``, grouped by where they are bound.

    Returns:
        ``[(group, [(keys, description), ...]), ...]``, the screen's own group first.
    """
    app = screen.app
    groups: dict[str, dict[str, tuple[list[str], str]]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or (active.node in (screen, app) and not binding.id) or not active.enabled:
            continue  # focus cycling and copying are Textual's own; a disabled key does nothing here
        group = groups.setdefault(_group_name(active.node, screen), {})
        described = binding.tooltip or binding.description or binding.action
        if binding.action == "select_cursor":
            described = getattr(screen, "ENTER_DOES", described)  # a table's "Select" says what it opens
        keys, description = group.get(binding.action, ([], described))
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
        group[binding.action] = (keys, description)
    ordered = sorted(groups.items(), key=lambda item: {"Moving": 1, "Everywhere": 2}.get(item[0], 0))
    result = [(name, [(" ".join(keys), description) for keys, description in actions.values()]) for name, actions in ordered]
    result.append(("More", [*EXTRA_KEYS, ("mouse", getattr(screen, "MOUSE_DOES", MOUSE_ON_ROWS))]))
    return result


class HelpBody(VerticalScroll):
    """The list of keys, scrolled by the moving keys it lists, and less's."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="help.up"),
        Binding("space,f,ctrl+f,ctrl+d,pagedown", "page_down", "Page down", show=False, id="help.page_down"),
        Binding("b,ctrl+b,ctrl+u,pageup", "page_up", "Page up", show=False, id="help.page_up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="help.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="help.bottom"),
    ]


class HelpScreen(ModalScreen[None]):
    """A list of the keys of the screen below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape, q, ?, f1 | Close help. |
    | j, k, down, up | Scroll a line. |
    | space, f, ctrl+f, ctrl+d, b, ctrl+b, ctrl+u | Scroll a page, as less does. |
    | g, G, home, end | Top, bottom. |
    """

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.groups = key_table(screen)
        self.legend: tuple[tuple[str, str, str], ...] = getattr(screen, "LEGEND", ())
        """The screen's symbols and colours: ``(symbol, style, meaning)``."""

    def compose(self) -> ComposeResult:
        tables = []
        for name, rows in self.groups:
            table = Table.grid(padding=(0, 2))
            table.add_column(no_wrap=True, min_width=10)
            table.add_column(max_width=50)
            table.add_row(Text(name, "bold underline"), "")
            for keys, description in rows:
                table.add_row(Text(keys, "bold"), Text(description))
            tables.append(table)
        with HelpBody(id="help-body"):
            yield Static(Text("Keys of this screen  ·  Esc or q closes", "bold"), id="help-title")
            yield Static(Columns(tables, padding=(1, 4)), id="help-keys")
            if self.legend:
                legend = Table.grid(padding=(0, 2))
                legend.add_column(no_wrap=True, min_width=10)
                legend.add_column()
                legend.add_row(Text("Symbols and colours", "bold underline"), "")
                for symbol, style, meaning in self.legend:
                    legend.add_row(Text(symbol, style), Text(meaning))
                yield Static(legend, id="help-legend")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
