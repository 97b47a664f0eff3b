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

from reader.tui.widgets import CompareView

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import BindingsMap

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

    _typed_ahead: list[events.Key]

    @property
    def view(self) -> CompareView:
        """The rows the keys are for (the screen's)."""
        raise NotImplementedError

    if TYPE_CHECKING:
        _bindings: BindingsMap
        app: App[object]

    def _is_for_rows(self, key: str) -> bool:
        """Whether ``key`` moves among, or acts on, the rows (the view's keys, and the screen's :data:`ROW_ACTIONS`)."""
        # The maps as the keymap left them: a key the user rebound is kept by its new name.
        if key in self.view._bindings.key_to_bindings:
            return True
        return any(binding.action in ROW_ACTIONS for binding in self._bindings.key_to_bindings.get(key, ()))

    def on_key(self, event: events.Key) -> None:
        # A key reaches the screen itself only while nothing has the focus: the rows are being aligned.
        if not self.view.loading or self.app.focused is not None or not self._is_for_rows(event.key):
            return
        event.stop()
        event.prevent_default()
        kept = getattr(self, "_typed_ahead", None)
        if kept is None:
            kept = self._typed_ahead = []
        if len(kept) < KEPT_KEYS:
            kept.append(event)

    def play_typed_ahead(self) -> None:
        """Play the keys kept while aligning, in the order they were typed (the rows are on screen)."""
        kept = getattr(self, "_typed_ahead", [])
        self._typed_ahead = []
        for event in kept:
            key = events.Key(event.key, event.character)
            # Sent as the terminal's keys are, from the app: a key sent by the screen would stop at it on its way back up.
            key.set_sender(self.app)
            self.app.post_message(key)

    def drop_typed_ahead(self) -> None:
        """Forget the keys kept: the rows they were for will not come."""
        self._typed_ahead = []
