"""Every mark reader draws, with its style and what it means: the one table the views, the app and help read.

A symbol is written here once (``CONFLICT_MARK``, ``SILENT_MARK``…). A
:class:`Mark` gives it a style and a meaning where it stands: a row of a
comparison, a cell of one report against all, a cell of the coverage
matrix. The legends help shows are built from these marks, so that what a
screen draws and what help says of it cannot drift apart.
"""

from __future__ import annotations

from typing import NamedTuple


class Mark(NamedTuple):
    """A symbol as drawn, and what it says.

    Attributes:
        symbol: What is drawn ("≠"), or an example of it ("87").
        style: Its Rich style; empty for the text's own.
        meaning: What it means, for legends; a cell's detail keeps the part before the first ";".
    """

    symbol: str
    style: str
    meaning: str


#: A sentence only the left (the base) has; an outlet silent on a base sentence.
SILENT_MARK = "◀"
#: A sentence only the right article (an outlet) has.
ONLY_B_MARK = "▶"
#: A fact the other side contradicts.
CONFLICT_MARK = "≠"
#: A quote given with changed words.
ALTERED_MARK = "~"
#: The same words.
SAME_MARK = "="
#: A row whose right sentence stands elsewhere in the other article's order.
MOVED_MARK = "↕"

#: The style of every conflict mark.
CONFLICT_MARK_STYLE = "bold red"
#: The style of every altered-quote mark.
ALTERED_MARK_STYLE = "bold yellow"
#: The style of a sentence one side alone has.
ONE_SIDE_MARK_STYLE = "magenta"

# -- a comparison of two articles -------------------------------------------

#: The gutter and colours of the side-by-side comparison.
COMPARE_LEGEND: tuple[Mark, ...] = (
    Mark("87", "dim", "the gutter's number: how alike the row's sentences are, 0 to 100"),
    Mark(SILENT_MARK, ONE_SIDE_MARK_STYLE, "a sentence only the left article has"),
    Mark(ONLY_B_MARK, ONE_SIDE_MARK_STYLE, "a sentence only the right article has"),
    Mark(MOVED_MARK, ALTERED_MARK_STYLE, "the right article tells this row in another place of its order"),
    Mark(CONFLICT_MARK, CONFLICT_MARK_STYLE, "the row holds a fact the other article contradicts; the fact is drawn bold and underlined on red"),
    Mark("removed", "on #5f0000", "words only the left sentence has; numbers and names among them bold"),
    Mark("added", "on #005f00", "words only the right sentence has"),
    Mark("same", "", "the title bar's kind of row: the same words (white space, quotes and dashes aside)"),
    Mark("trivial", "", "only punctuation, case or quote style differ; n skips them, d hides them with the same"),
    Mark("changed", "", "the words differ; n steps through these and the one-sided rows"),
    Mark("¦", "", "where one of a row's sentences ends and the next begins; ¦ ⋯ ¦: the sentences between are in other rows"),
    Mark("covered", "", "the summary's share of each article, in words, that stands in sentences the other also tells: left / right"),
    Mark("F", "bold", "colours facts by kind: numbers cyan, money green, percentages magenta, dates yellow, names blue"),
)

# -- one report against all the others ---------------------------------------

#: How each kind of an outlet's cell is marked.
OUTLET_MARKS: dict[str, Mark] = {
    "same": Mark(SAME_MARK, "green", "the same words"),
    "trivial": Mark(SAME_MARK, "cyan", "the same words but for punctuation, case or quote style"),
    "changed": Mark("", "", "other words; the number is how alike, 0 to 100"),
    "conflict": Mark(CONFLICT_MARK, CONFLICT_MARK_STYLE, "contradicts a fact of the base sentence"),
    "altered": Mark(ALTERED_MARK, ALTERED_MARK_STYLE, "gives the base sentence's quote with changed words"),
}
#: An outlet that reports nothing of a base sentence: it is on the left (the base) only, as ◀ marks it pairwise.
OUTLET_SILENT = Mark(SILENT_MARK, ONE_SIDE_MARK_STYLE, "silent: reports nothing of the base sentence")
#: A sentence only one other outlet reports, in its column.
OUTLET_ONLY = Mark(ONLY_B_MARK, ONE_SIDE_MARK_STYLE, "a sentence only this outlet reports")
#: The style of each symbol of a compact cell ("72 ≠", "◀", "="), as the terminal and the app colour it.
COMPACT_STYLES: dict[str, str] = {
    CONFLICT_MARK: CONFLICT_MARK_STYLE,
    ALTERED_MARK: ALTERED_MARK_STYLE,
    SILENT_MARK: ONE_SIDE_MARK_STYLE,
    SAME_MARK: "green",
}

#: The cells, gutter and panel of one report against all.
OUTLETS_LEGEND: tuple[Mark, ...] = (
    Mark("72", "dim", "the outlet's sentence says it in other words; how alike, 0 to 100"),
    *(mark for kind, mark in OUTLET_MARKS.items() if kind != "changed"),
    OUTLET_SILENT,
    Mark("3/4", "dim", "the gutter: how many of the other outlets report the base sentence"),
    Mark(f"{CONFLICT_MARK}2/4", CONFLICT_MARK_STYLE, "the gutter: how many contradict a fact of it"),
    Mark("removed", "on #5f0000", "in the panel: words only the base sentence has"),
    Mark("added", "on #005f00", "in the panel: words only the outlet's sentence has"),
)

# -- coverage: who reports what ----------------------------------------------

#: How each state of a source's cell in the coverage matrix is drawn.
COVERAGE_MARKS: dict[str, Mark] = {
    "same": Mark("●", "green", "reports"),
    "compatible": Mark("○", "cyan", "compatible: rounded, a range or a bound"),
    "different": Mark(CONFLICT_MARK, CONFLICT_MARK_STYLE, "contradicts"),
    "altered": Mark(ALTERED_MARK, ALTERED_MARK_STYLE, "altered quote"),
    "paraphrased": Mark("≈", "cyan", "paraphrase"),
    "absent": Mark("·", "dim", "silent"),
}

#: The cells and the who column of the coverage matrix.
COVERAGE_LEGEND: tuple[Mark, ...] = (
    *COVERAGE_MARKS.values(),
    Mark("3/5", "", f"the who column: how many of the sources report the fact; {CONFLICT_MARK} before it when one says otherwise"),
)

# -- the library -------------------------------------------------------------

#: The mark before a row of the library; an article shows the first of these that holds.
LIBRARY_MARKS: dict[str, Mark] = {
    "marked": Mark("●", "bold", "marked with space: c compares the marked articles"),
    "changed-since-opened": Mark("↻", "bold cyan", "changed since you last opened it (read, compared or its versions listed), shown in place of + or Δ"),
    "new": Mark("+", "bold green", "fetched new by the last reader update"),
    "changed": Mark("Δ", "bold yellow", "changed by the last reader update: V lists its versions"),
    "unreadable": Mark("!", "bold red", "a file that cannot be read: Enter says why"),
}

#: The marks of the library's rows.
LIBRARY_LEGEND: tuple[Mark, ...] = tuple(LIBRARY_MARKS.values())
