"""News from the session that screens subscribe to, as Textual's ``Footer`` subscribes to ``bindings_updated_signal``.

The app publishes; a screen that shows the news subscribes in its
``on_mount`` and is unsubscribed when it goes. The app never asks what kind
of screen is on the stack.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.signal import Signal


class SessionNews:
    """The signals of one session, owned by the node that publishes them (the app)."""

    def __init__(self, owner: DOMNode) -> None:
        self.library_changed: Signal[None] = Signal(owner, "library-changed")
        """More of the folder was read, or a fetch's articles joined the library."""
        self.stories_found: Signal[None] = Signal(owner, "stories-found")
        """The stories of the whole library were found."""
        self.progress: Signal[None] = Signal(owner, "progress")
        """The folder's reading or a fetch from the web moved on (``Session.fetching`` says how far)."""
        self.opened: Signal[None] = Signal(owner, "opened")
        """Articles were opened, or the record of those opened was read (``Session.changed_since_opened`` says which changed since)."""
