"""A count and its noun, in the singular for one: "1 fact", "2 facts", "1 sentence"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, plural unless the count is one (``plural`` where adding an s will not do)."""
    return f"{count} {noun}" if count == 1 else f"{count} {plural or noun + 's'}"
