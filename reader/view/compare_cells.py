"""Paint the cells of a comparison: the word diff as styled Rich text.

Used by both ``reader align`` and the app. Article text goes through
:func:`reader.view.printable.printable` into ``rich.text.Text``; it is never
read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from reader.core.alignment.rows import CompareRow
from reader.core.alignment.word_diff import joiners
from reader.core.facts.extract import Fact
from reader.core.models import Alignment, Article
from reader.view.printable import printable

#: Words a changed run emphasises more strongly: numbers and capitalised names.
_NUMBER_OR_NAME = re.compile(r"[$€£]?\d[\d.,:%]*\w*|\b[A-Z][\w'’.-]*[\w]")
_SENTENCE_START = ".!?\"“‘'([—–-:"
_FLATTEN = str.maketrans({"\n": " ", "\t": " "})
#: A sentence mark or a gap mark closing a run (:func:`reader.core.alignment.word_diff.joiners`).
_JOINER_AFTER = re.compile(r"\s*¦(?:\s*⋯\s*¦)?$")


@dataclass(frozen=True, slots=True)
class CellStyles:
    """The styles used to paint cells (taken from the widget's component classes)."""

    removed: Style = Style(color="red")
    removed_strong: Style = Style(color="red", bold=True, underline=True)
    added: Style = Style(color="green")
    added_strong: Style = Style(color="green", bold=True, underline=True)
    heading: Style = Style(bold=True)
    #: Mark changed words in the text itself, as ``git diff --word-diff``
    #: does ("[-third-]", "{+fourth+}"), for output that carries no colour.
    markers: bool = False


def clean(text: str) -> str:
    """Article text made safe for one cell: controls shown, newlines and tabs as spaces."""
    return printable(text).translate(_FLATTEN)


def append_changed(cell: Text, text: str, style: Style, strong: Style) -> None:
    """Append a changed run in ``style``, its numbers and names (not a sentence's first capital) in ``strong``."""
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


#: The marks word diffs set between a row's sentences (sentence, then gap), which are never a change themselves.
_JOINERS = re.compile(r" ¦ ⋯ ¦ | ¦ ")


def append_change(cell: Text, text: str, opening: str, closing: str, style: Style, strong: Style, styles: CellStyles) -> None:
    """Append a changed run, marked and styled piece by piece: a sentence mark inside it stays plain."""
    last = 0
    for match in _JOINERS.finditer(text):
        _append_piece(cell, text[last : match.start()], opening, closing, style, strong, styles)
        cell.append(match.group())
        last = match.end()
    _append_piece(cell, text[last:], opening, closing, style, strong, styles)


def _append_piece(cell: Text, text: str, opening: str, closing: str, style: Style, strong: Style, styles: CellStyles) -> None:
    if text.strip():
        append_changed(cell, marked(text, opening, closing, styles), style, strong)
    else:
        cell.append(text)


def marked(text: str, opening: str, closing: str, styles: CellStyles) -> str:
    """The changed words between markers, when the styles ask for them; the trailing space stays outside."""
    if not styles.markers or not text.strip():
        return text
    # The mark between two sentences stays outside, as the trailing space does.
    words = _JOINER_AFTER.sub("", text.rstrip()).rstrip()
    lead = len(words) - len(words.lstrip())
    return f"{words[:lead]}{opening}{words[lead:]}{closing}{text[len(words) :]}"


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
                append_change(left, clean(op.a_text), "[-", "-]", styles.removed, styles.removed_strong, styles)
            if op.b_text:
                append_change(right, clean(op.b_text), "{+", "+}", styles.added, styles.added_strong, styles)
        return left, right
    for cell, article, indices in ((left, alignment.a, row.left), (right, alignment.b, row.right)):
        sentences = article.sentences
        for joiner, index in zip(("", *joiners(indices)), indices):
            segment = sentences[index]
            cell.append(joiner)
            style = styles.heading if segment.kind.value == "heading" else ""
            cell.append(clean(segment.text), style)
    return left, right


def inline_cell(alignment: Alignment, row: CompareRow, styles: CellStyles) -> Text:
    """A row as one cell, as ``git diff --word-diff`` shows it: words both sides share once, the left's struck out before the right's.

    A sentence only one side has is all removed (left) or all added (right).
    """
    struck, struck_strong = styles.removed + Style(strike=True), styles.removed_strong + Style(strike=True)
    cell = Text()
    if row.link is not None and row.link.diff:
        ops = row.link.diff
        for index, op in enumerate(ops):
            if op.tag == "equal":
                text = op.a_text
                if index + 1 < len(ops) and ops[index + 1].tag == "insert" and op.b_text[-1:].isspace() and not text[-1:].isspace():
                    text += " "  # the right's space before the words it adds: "Dufresne said", not "Dufresnesaid"
                cell.append(clean(text))
                continue
            if op.a_text:
                append_change(cell, clean(op.a_text), "[-", "-]", struck, struck_strong, styles)
                if op.b_text and not op.a_text[-1].isspace():
                    cell.append(" ")  # "2027 2028", not "20272028", where colour does not tell them apart
            if op.b_text:
                append_change(cell, clean(op.b_text), "{+", "+}", styles.added, styles.added_strong, styles)
        return cell
    left, right = row_cells(alignment, row, styles)
    if not row.right:
        left.stylize(styles.removed)
        return left
    if not row.left:
        right.stylize(styles.added)
        return right
    return Text.assemble(left, " ", right)


def paint_facts(
    cell: Text,
    article: Article,
    indices: Sequence[int],
    facts: Sequence[Fact],
    styles: Mapping[str, Style],
    emphasis: Mapping[int, Style] | None = None,
) -> None:
    """Colour the facts of a cell by kind, over whatever the diff painted.

    A cell holds its sentences joined by sentence marks (and gap marks:
    :func:`reader.core.alignment.word_diff.joiners`), so a fact's article
    offsets move by the length of the sentences and marks before its own.

    Args:
        cell: The cell, as :func:`row_cells` built it.
        article: The article the sentences come from.
        indices: The sentences of the cell, in order.
        facts: The facts of those sentences (others are ignored).
        styles: Style of each kind; kinds missing here are left as they are.
        emphasis: Extra style for some facts, by ``id(fact)`` (conflicts).
    """
    where: dict[int, int] = {}
    offset = 0
    for joiner, index in zip(("", *joiners(indices)), indices):
        offset += len(joiner)
        where[index] = offset
        offset += len(article.sentences[index].text)
    # Quotes first: their italics sit under the facts they contain.
    for fact in sorted(facts, key=lambda f: f.kind not in {"quote", "paraphrase"}):
        base = where.get(fact.sentence)
        style = styles.get(fact.kind)
        if base is None or style is None:
            continue
        sentence = article.sentences[fact.sentence]
        start = base + fact.start - sentence.start
        end = base + min(fact.end, sentence.end) - sentence.start
        if start < end:
            cell.stylize(style, start, end)
            extra = emphasis.get(id(fact)) if emphasis else None
            if extra is not None:
                cell.stylize(extra, start, end)


def styled_runs(cell: Text) -> list[tuple[str, dict[str, object]]]:
    """A cell cut where its styles change: each run's text and the ``meta`` of every style over it.

    Page formats (HTML, Markdown) carry their tags in the styles' ``meta``
    and read them back here.
    """
    plain = cell.plain
    cuts = sorted({0, len(plain), *(s.start for s in cell.spans), *(s.end for s in cell.spans)})
    runs: list[tuple[str, dict[str, object]]] = []
    for start, end in zip(cuts, cuts[1:]):  # noqa: B905 - cuts[1:] is one shorter by design
        if start >= end:
            continue
        meta: dict[str, object] = {}
        for span in cell.spans:
            if span.start <= start and end <= span.end and isinstance(span.style, Style) and span.style.meta:
                meta.update(span.style.meta)
        runs.append((plain[start:end], meta))
    return runs
