"""Keys typed while a comparison is being aligned: kept, and played once its rows show.

A long pair takes a second or two to align, and a short one a moment; a
reader who types ``c`` and then ``n`` at once, or ``j j j``, means those
keys for the rows to come. While the rows are aligned they have no cursor
to move, so such keys are kept (up to :data:`KEPT_KEYS`) and played in
order as soon as the rows are on screen. Keys that need no rows (leaving,
help, swapping the sides, the cutoff, the order) act at once, as always.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input

from reader.tui.widgets import CompareView

if TYPE_CHECKING:
    from collections.abc import Mapping

    from textual.app import App
    from textual.binding import BindingsMap
    from textual.dom import DOMNode

#: At most this many keys are kept while the rows are aligned; more are dropped, as a full keyboard buffer drops them.
KEPT_KEYS = 32

#: Actions of the compare screen that need rows: their keys typed while aligning are kept for the rows.
ROW_ACTIONS = frozenset(
    {
        "next_change",
        "previous_change",
        "next_conflict",
        "previous_conflict",
        "facts",
        "open_in_reader",
        "search",
        "copy_row",
        "export",
    }
)


class TypedAhead:
    """The compare screen's keys typed ahead of its rows, mixed into it."""

    #: The keys kept, in the order typed (each screen sets its own list as it is made).
    _typed_ahead: list[events.Key]

    @property
    def view(self) -> CompareView:
        """The rows the keys are for (the screen's)."""
        raise NotImplementedError

    if TYPE_CHECKING:
        _bindings: BindingsMap
        app: App[object]

        def keep_search(self) -> None: ...

        def search_for(self, text: str) -> None: ...

        def close_search(self) -> bool: ...

        async def run_action(self, action: str, namespaces: Mapping[str, DOMNode] | None = None) -> None: ...

    def _is_for_rows(self, key: str, kept: list[events.Key]) -> bool:
        """Whether ``key`` moves among, or acts on, the rows (the view's keys, and the screen's :data:`ROW_ACTIONS`),
        or is typed into the search a kept ``/`` will open."""
        # The maps as the keymap left them: a key the user rebound is kept by its new name.
        if key in self.view._bindings.key_to_bindings or any(self._action_of(earlier.key) == "search" for earlier in kept):
            return True
        return self._action_of(key) in ROW_ACTIONS

    def _action_of(self, key: str) -> str | None:
        """The screen's action for ``key``, if it has one."""
        return next((binding.action for binding in self._bindings.key_to_bindings.get(key, ())), None)

    def on_key(self, event: events.Key) -> None:
        # A key reaches the screen itself only while nothing has the focus: the rows are being aligned.
        kept = self._typed_ahead
        if not self.view.loading or self.app.focused is not None or not self._is_for_rows(event.key, kept):
            return
        event.stop()
        event.prevent_default()
        if len(kept) < KEPT_KEYS:
            kept.append(event)

    async def play_typed_ahead(self) -> None:
        """Play the keys kept while aligning, in the order they were typed (the rows are on screen).

        Each key's action is run to its end before the next: ``/`` opens the
        search box before the words typed after it go into it.
        """
        kept, self._typed_ahead = self._typed_ahead, []
        for event in kept:
            box = self.app.focused
            if isinstance(box, Input):  # the search box a kept ``/`` opened: searched as each key is played
                if event.key == "enter":
                    self.keep_search()
                elif event.key == "escape":
                    self.close_search()
                else:
                    with box.prevent(Input.Changed):
                        if event.key == "backspace":
                            box.action_delete_left()
                        elif event.is_printable and event.character:
                            box.insert_text_at_cursor(event.character)
                    self.search_for(box.value)
                continue
            view_bindings = self.view._bindings.key_to_bindings.get(event.key, ())
            if view_bindings:
                await self.view.run_action(view_bindings[0].action)
            elif (action := self._action_of(event.key)) is not None:
                await self.run_action(action)

    def drop_typed_ahead(self) -> None:
        """Forget the keys kept: the rows they were for will not come."""
        self._typed_ahead = []
