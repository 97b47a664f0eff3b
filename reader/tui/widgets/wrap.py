"""Fast greedy word wrapping over plain strings.

The compare and reader views need line breaks for thousands of sentences
whenever the terminal is resized. Rich's ``Text.wrap`` is general but slow for
that; here only the break offsets are computed, and a ``Text`` is cut at them
once, with ``Text.divide``.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

_WORD = re.compile(r"\S+\s*|\s+")


def wrap_offsets(plain: str, width: int) -> list[tuple[int, int]]:
    """Where to break ``plain`` so that no line is wider than ``width`` cells.

    Lines break after white space; a word wider than the line is cut.
    Trailing white space is kept on the line it ends (it is cropped on display).

    Args:
        plain: One paragraph, without newlines.
        width: The line width in cells, at least 1.

    Returns:
        ``(start, end)`` offsets of each line; at least one line.
    """
    width = max(1, width)
    if plain.isascii() and len(plain) <= width:
        return [(0, len(plain))]
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    for match in _WORD.finditer(plain):
        word = match.group()
        bare = word.rstrip()
        size = len(bare) if bare.isascii() else cell_len(bare)
        if used and used + size > width:
            lines.append((start, match.start()))
            start, used = match.start(), 0
        if size > width:
            # A word longer than the line: cut it into line-sized pieces.
            position = match.start()
            for char in bare:
                char_width = cell_len(char)
                if used + char_width > width and used:
                    lines.append((start, position))
                    start, used = position, 0
                used += char_width
                position += 1
            used += len(word) - len(bare)
            continue
        used += len(word) if word.isascii() else cell_len(word)
    lines.append((start, len(plain)))
    return lines


def wrap_text(text: Text, width: int) -> list[Text]:
    """Cut a one-paragraph ``Text`` into lines at most ``width`` cells wide."""
    offsets = wrap_offsets(text.plain, width)
    if len(offsets) == 1:
        lines = [text]
    else:
        lines = list(text.divide(end for _, end in offsets[:-1]))
    for line in lines:
        line.rstrip()
    return lines
