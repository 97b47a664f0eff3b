"""Paint the cells of a comparison: the word diff as styled Rich text.

Used by both ``reader align`` and the app. Article text goes through
:func:`reader.core.safe.printable` into ``rich.text.Text``; it is never
read as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from reader.core.layout import CompareRow
from reader.core.models import Alignment
from reader.core.safe import printable

#: Words a changed run emphasises more strongly: numbers and capitalised names.
_NUMBER_OR_NAME = re.compile(r"[$€£]?\d[\d.,:%]*\w*|\b[A-Z][\w'’.-]*[\w]")
_SENTENCE_START = ".!?\"“‘'([—–-:"
_FLATTEN = str.maketrans({"\n": " ", "\t": " "})


@dataclass(frozen=True, slots=True)
class CellStyles:
    """The styles used to paint cells (taken from the widget's component classes)."""

    removed: Style = Style(color="red")
    removed_strong: Style = Style(color="red", bold=True, underline=True)
    added: Style = Style(color="green")
    added_strong: Style = Style(color="green", bold=True, underline=True)
    heading: Style = Style(bold=True)


def clean(text: str) -> str:
    """Article text made safe for one cell: controls shown, newlines and tabs as spaces."""
    return printable(text).translate(_FLATTEN)


def _append_changed(cell: Text, text: str, style: Style, strong: Style) -> None:
    start = len(cell)
    words = text.rstrip()
    cell.append(words, style)
    cell.append(text[len(words) :])  # the space after a changed run is not itself a change
    plain = cell.plain
    for match in _NUMBER_OR_NAME.finditer(text):
        before = plain[: start + match.start()].rstrip()
        if match.group()[0].isupper() and (not before or before[-1] in _SENTENCE_START):
            continue  # a capital that only starts a sentence is not a name
        cell.stylize(strong, start + match.start(), start + match.end())


def row_cells(alignment: Alignment, row: CompareRow, styles: CellStyles) -> tuple[Text, Text]:
    """The left and right cells of a row, with the word diff painted on."""
    left, right = Text(), Text()
    if row.link is not None and row.link.diff:
        for op in row.link.diff:
            if op.tag == "equal":
                left.append(clean(op.a_text))
                right.append(clean(op.b_text))
                continue
            if op.a_text:
                _append_changed(left, clean(op.a_text), styles.removed, styles.removed_strong)
            if op.b_text:
                _append_changed(right, clean(op.b_text), styles.added, styles.added_strong)
        return left, right
    for cell, article, indices in ((left, alignment.a, row.left), (right, alignment.b, row.right)):
        sentences = article.sentences
        for number, index in enumerate(indices):
            segment = sentences[index]
            if number:
                cell.append(" ")
            style = styles.heading if segment.kind.value == "heading" else ""
            cell.append(clean(segment.text), style)
    return left, right
