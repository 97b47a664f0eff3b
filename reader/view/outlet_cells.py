"""The cells of one report read against all the others, as Rich text, shared by the terminal, HTML and Markdown.

An outlet's cell holds its own sentences paired with one base sentence, its
words that the base sentence does not have marked as added (``{+added+}``
without colour). Where it puts a word or two in place of the base's ("third"
for "fourth", "Tuesday" for "Monday"), the base's words stand before its own,
marked as removed (``[-removed-]``), as ``git diff --word-diff`` writes them;
longer runs the base has and the outlet lacks are left out: the base
sentence is beside the cell, and a cell of both texts interleaved could not
be read across five outlets. The outlet's facts that contradict a fact of
the base sentence carry the conflict style. Article text goes through
:func:`reader.view.compare_cells.clean` into ``rich.text.Text``; it is never
read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from reader.core.alignment.word_diff import joiners
from reader.core.facts.extract import Fact
from reader.core.models import Article, DiffOp
from reader.core.outlets import BaseRow, Cell, OneAgainstAll
from reader.view.compare_cells import CellStyles, append_change, append_changed, clean, marked
from reader.view.marks import ALTERED_MARK, CONFLICT_MARK, SAME_MARK, SILENT_MARK
from reader.view.printable import one_line

#: Most words on each side of a substitution whose replaced words a cell shows.
SUBSTITUTION_WORDS = 3


@dataclass(frozen=True, slots=True)
class Contradiction:
    """A fact of a base sentence and the value one outlet gives instead.

    Attributes:
        base: The base report's fact.
        other: The outlet's fact that contradicts it.
        outlet: Index of the outlet in ``OneAgainstAll.others``.
    """

    base: Fact
    other: Fact
    outlet: int


def letter(outlet: int) -> str:
    """The short name of an outlet's column: the base is A, the others B, C, ... then 27, 28, ... past Z."""
    return chr(ord("B") + outlet) if outlet < 25 else str(outlet + 2)


def name(article: Article) -> str:
    """An article's name on one line: its outlet, else its file's name."""
    return one_line(article.label)


def contradictions(table: OneAgainstAll, row: BaseRow) -> tuple[Contradiction, ...]:
    """The facts of a base sentence that other outlets contradict, each with the outlet's value, by outlet."""
    found: list[Contradiction] = []
    for outlet in row.contradicted_by:
        comparison = table.facts[outlet]
        if comparison is None:
            continue
        for pair in comparison.conflicts:
            if pair.a is not None and pair.b is not None and pair.a.sentence == row.base:
                found.append(Contradiction(pair.a, pair.b, outlet))
    return tuple(found)


def cell_diff(table: OneAgainstAll, row: BaseRow, outlet: int) -> tuple[DiffOp, ...]:
    """The word diff of an outlet's cell against its base sentence (empty for a silent outlet)."""
    link = table.cell_link(row.base, outlet)
    return link.diff if link is not None else ()


def as_told(fact: Fact) -> str:
    """A contradicted fact as the lists show it, on one line: a quote with its speaker, since the same
    words given to two speakers are what two reports dispute."""
    text = one_line(fact.text)
    return f"{text} (said by {one_line(fact.speaker)})" if fact.kind == "quote" and fact.speaker else text


def base_cell(table: OneAgainstAll, row: BaseRow, styles: CellStyles, conflict: Style) -> Text:
    """The base sentence, a heading in the heading style, its facts that any outlet contradicts in ``conflict``."""
    sentence = table.base.sentences[row.base]
    cell = Text(clean(sentence.text), styles.heading if sentence.kind.value == "heading" else "")
    for item in contradictions(table, row):
        start = item.base.start - sentence.start
        end = min(item.base.end, sentence.end) - sentence.start
        if start < end:
            cell.stylize(conflict, start, end)
    return cell


def _shift(text: str, offset: int, opening: str, closing: str, styles: CellStyles) -> int:
    """Where ``text[offset]`` lands once :func:`marked` has put the markers around the words."""
    if not styles.markers or not text.strip():
        return offset
    words = text.rstrip()
    lead = len(words) - len(words.lstrip())
    if offset < lead:
        return offset
    if offset < len(words):
        return offset + len(opening)
    return offset + len(opening) + len(closing)


def substitution(op: DiffOp) -> bool:
    """Whether a run of the diff puts a few words in place of a few of the base's: the base's are then shown too."""
    return op.tag == "replace" and 0 < len(op.a_text.split()) <= SUBSTITUTION_WORDS and 0 < len(op.b_text.split()) <= SUBSTITUTION_WORDS


def outlet_cell(table: OneAgainstAll, row: BaseRow, outlet: int, styles: CellStyles, conflict: Style) -> Text:
    """An outlet's sentences paired with the base sentence, its own words marked where they differ from it.

    Args:
        table: The base against the others.
        row: The base sentence's row.
        outlet: Index of the outlet in ``table.others``.
        styles: Added words (the outlet's own) and, before a
            :func:`substitution`, the base's words it replaces; with
            ``styles.markers``, between ``{+`` ``+}`` and ``[-`` ``-]``.
        conflict: Laid over the outlet's facts that contradict a fact of the
            base sentence.

    Returns:
        The cell; empty for a silent outlet.
    """
    cell = Text()
    found = row.cells[outlet]
    if found is None:
        return cell
    # Where each run of the outlet's text (its sentences joined, as the diff joins them) lands in the cell.
    placed: list[tuple[int, int, int, str, bool]] = []
    joined = 0
    for op in cell_diff(table, row, outlet):
        if op.tag == "equal":
            text = clean(op.b_text)
            placed.append((joined, joined + len(text), len(cell), text, False))
            cell.append(text)
            joined += len(text)
            continue
        if substitution(op):
            append_change(cell, clean(op.a_text), "[-", "-]", styles.removed, styles.removed_strong, styles)
        if op.b_text:
            text = clean(op.b_text)
            placed.append((joined, joined + len(text), len(cell), text, True))
            append_changed(cell, marked(text, "{+", "+}", styles), styles.added, styles.added_strong)
            joined += len(text)

    def position(offset: int) -> int | None:
        for start, end, at, text, changed in placed:
            if start <= offset < end:
                return at + (_shift(text, offset - start, "{+", "+}", styles) if changed else offset - start)
        return None

    for start, end in _conflict_spans(table, row, outlet, found):
        first, last = position(start), position(end - 1)
        if first is not None and last is not None:
            cell.stylize(conflict, first, last + 1)
    return cell


def _conflict_spans(table: OneAgainstAll, row: BaseRow, outlet: int, cell: Cell) -> list[tuple[int, int]]:
    """The outlet's facts in the cell that contradict the base sentence, as offsets into its sentences joined."""
    other = table.others[outlet]
    starts: dict[int, int] = {}
    offset = 0
    for joiner, j in zip(("", *joiners(cell.sentences)), cell.sentences):
        offset += len(joiner)
        starts[j] = offset
        offset += len(other.sentences[j].text)
    spans = []
    for item in contradictions(table, row):
        fact = item.other
        if item.outlet != outlet or fact.sentence not in starts:
            continue
        sentence = other.sentences[fact.sentence]
        start = starts[fact.sentence] + fact.start - sentence.start
        end = starts[fact.sentence] + min(fact.end, sentence.end) - sentence.start
        if start < end:
            spans.append((start, end))
    return spans


def elsewhere(table: OneAgainstAll, row: BaseRow, outlet: int) -> tuple[Contradiction, ...]:
    """The outlet's contradictions of the base sentence that it states outside the cell (or with no cell at all)."""
    cell = row.cells[outlet]
    inside = set(cell.sentences) if cell is not None else set()
    return tuple(item for item in contradictions(table, row) if item.outlet == outlet and item.other.sentence not in inside)


def compact_mark(row: BaseRow, outlet: int) -> str:
    """A cell in a few characters: ``=`` the same words, the score (``72``), ``≠`` or ``~`` after it, ``◀`` silent."""
    cell = row.cells[outlet]
    contradicts = outlet in row.contradicted_by
    if cell is None:
        return f"{SILENT_MARK} {CONFLICT_MARK}" if contradicts else SILENT_MARK
    if cell.kind == "same" and not contradicts:
        return SAME_MARK
    score = f"{min(cell.score, 100):.0f}"
    if contradicts or cell.kind == "conflict":
        return f"{score} {CONFLICT_MARK}"
    if cell.kind == "altered":
        return f"{score} {ALTERED_MARK}"
    return score


def row_marks(row: BaseRow, outlets: int, words: bool = False) -> list[str]:
    """How many outlets contradict a fact of the row, ``≠ 2/4``, and alter its quote, ``~ 1/4``; in words, ``≠ in 2 of 4``."""
    counts = ((CONFLICT_MARK, len(row.contradicted_by)), (ALTERED_MARK, row.altered))
    if words:
        return [f"{mark} in {count} of {outlets}" for mark, count in counts if count]
    return [f"{mark} {count}/{outlets}" for mark, count in counts if count]


def row_mark(row: BaseRow, outlets: int) -> str:
    """:func:`row_marks` one a line, "" when none."""
    return "\n".join(row_marks(row, outlets))


def _count(number: int, thing: str, things: str | None = None) -> str:
    return f"{number} {thing if number == 1 else things or thing + 's'}"


def table_summary(table: OneAgainstAll) -> str:
    """One line of counts: the outlets, the base's sentences, how many another reports, how many are contradicted."""
    rows = table.rows
    reported = sum(1 for row in rows if row.reported)
    contradicted = sum(1 for row in rows if row.contradicted_by)
    altered = sum(1 for row in rows if row.altered)
    parts = [
        f"read against {_count(len(table.others), 'outlet')}",
        f"{_count(len(rows), 'sentence')}: {reported} reported by another outlet, {len(rows) - reported} by none",
        f"{contradicted} contradicted",
    ]
    if altered:
        parts.append(f"{_count(altered, 'quote')} altered")
    unchecked = sum(1 for facts in table.facts if facts is None or facts.unchecked)
    if unchecked:
        parts.append(f"facts not checked against {_count(unchecked, 'outlet')}")
    if table.alignments:
        parts.append(f"cutoff {table.alignments[0].cutoff:g}")
    return " · ".join(parts)


def outlet_summary(table: OneAgainstAll, outlet: int) -> str:
    """One outlet in counts: how many base sentences it reports, contradicts and alters, and how many of its own the base lacks."""
    rows = table.rows
    reports = sum(1 for row in rows if row.cells[outlet] is not None)
    contradicts = sum(1 for row in rows if outlet in row.contradicted_by)
    altered = sum(1 for row in rows if (cell := row.cells[outlet]) is not None and cell.kind == "altered")
    parts = [f"reports {reports} of {len(rows)}"]
    if contradicts:
        parts.append(f"{CONFLICT_MARK} {contradicts}")
    if altered:
        parts.append(f"{ALTERED_MARK} {altered}")
    parts.append(f"{_count(len(table.unmatched[outlet]), 'sentence')} not in the base")
    return " · ".join(parts)
