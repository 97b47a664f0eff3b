"""Fetch: a small dialog that asks for the web address of an article or a feed."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.view.printable import one_line
from reader.web.urls import is_web_url


class FetchScreen(ModalScreen[list[str] | None]):
    """Asks for one or more URLs; dismissed with them, or with ``None`` on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="fetch.cancel", tooltip="Close without fetching"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Fetch the URLs typed. |
    | escape | Close without fetching. |
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        """Where the articles will be saved, to say so."""

    def compose(self) -> ComposeResult:
        with Vertical(id="fetch-dialog"):
            yield Static(Text("Fetch an article or a feed", "bold"), id="fetch-title")
            yield Input(placeholder="https://… (an article page or an RSS or Atom feed; several, separated by spaces)", id="fetch-url")
            yield Static(Text(one_line(f"Enter fetches into {self.folder} · Esc cancels"), "dim"), id="fetch-hint")

    def on_mount(self) -> None:
        self.query_one("#fetch-url", Input).focus()

    @on(Input.Submitted, "#fetch-url")
    def _submitted(self, event: Input.Submitted) -> None:
        urls = event.value.split()
        wrong = [url for url in urls if not is_web_url(url)]
        hint = self.query_one("#fetch-hint", Static)
        if not urls:
            hint.update(Text("Type the address of an article page or a feed, or press Esc.", "bold red"))
        elif wrong:
            hint.update(Text(one_line(f"Not an http:// or https:// address: {wrong[0]}"), "bold red"))
        else:
            self.dismiss(urls)

    def action_cancel(self) -> None:
        self.dismiss(None)
