"""The colours of a word diff in the app, shared by every widget that shows one."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style

from reader.view.compare_cells import CellStyles


def word_diff_css(widget: str, prefix: str) -> str:
    """The styles of a word diff, for a widget's component classes ``{prefix}--removed`` and the rest.

    The changed words keep the text's colour on a clear red or green ground,
    as in delta, readable in light and dark themes; numbers and names among
    them on a stronger ground, in bold.
    """
    rules = []
    for side, colour in (("removed", "$error"), ("added", "$success")):
        rules.append(f"{widget} > .{prefix}--{side} {{ color: $foreground; background: {colour} 30%; }}")
        rules.append(f"{widget} > .{prefix}--{side}-strong {{ color: $foreground; background: {colour} 55%; text-style: bold; }}")
    rules.append(f"{widget} > .{prefix}--heading {{ text-style: bold; }}")
    # Without colour (NO_COLOR) the grounds turn to greys the cursor row's own grey can hide:
    # changed words are set in italics too, numbers and names among them bold italics, and a
    # contradicted fact keeps its bold underline.
    for side in ("removed", "added"):
        rules.append(f"{widget}:nocolor > .{prefix}--{side} {{ text-style: italic; }}")
        rules.append(f"{widget}:nocolor > .{prefix}--{side}-strong {{ text-style: bold italic; }}")
    return "\n".join(rules)


def word_diff_styles(style_of: Callable[[str], Style], prefix: str) -> CellStyles:
    """The styles to paint a word diff with, read from a widget's component classes (``style_of``) as the theme sets them."""
    return CellStyles(
        removed=style_of(f"{prefix}--removed"),
        removed_strong=style_of(f"{prefix}--removed-strong"),
        added=style_of(f"{prefix}--added"),
        added_strong=style_of(f"{prefix}--added-strong"),
        heading=style_of(f"{prefix}--heading"),
    )
