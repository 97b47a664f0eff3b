"""Side-by-side comparison for the terminal, built with Rich (no Textual).

Every piece of article text goes through :func:`reader.core.safe.printable`
and into ``rich.text.Text`` objects, so markup and control sequences in an
article are shown, never obeyed.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.core.layout import Row, comparison_rows
from reader.core.models import Alignment
from reader.core.safe import printable

#: Styles of the word diff: what the left side lost, what the right side gained.
REMOVED = "bold red"
ADDED = "bold green"
MOVED_MARK = "↕"


def side_texts(alignment: Alignment, row: Row) -> tuple[Text, Text]:
    """The left and right cells of a row, with the word diff highlighted."""
    if row.link is None:
        return _plain(alignment, row.a, "a"), _plain(alignment, row.b, "b")
    left, right = Text(), Text()
    for op in row.link.diff:
        changed = op.tag != "equal"
        left.append(printable(op.a_text), REMOVED if changed and op.a_text.strip() else "")
        right.append(printable(op.b_text), ADDED if changed and op.b_text.strip() else "")
    return left, right


def _plain(alignment: Alignment, indices: tuple[int, ...], side: str) -> Text:
    article = alignment.a if side == "a" else alignment.b
    return Text(printable(" ".join(article.sentences[k].text for k in indices)))


def summary(alignment: Alignment) -> str:
    """One line: how many sentences are linked and how many stand alone."""
    shared_a = sum(len(link.a) for link in alignment.links)
    shared_b = sum(len(link.b) for link in alignment.links)
    n_a, n_b = len(alignment.a.sentences), len(alignment.b.sentences)
    return (
        f"{len(alignment.links)} links · left {shared_a}/{n_a} sentences matched, "
        f"{len(alignment.unmatched_a)} only left · right {shared_b}/{n_b} matched, "
        f"{len(alignment.unmatched_b)} only right · cutoff {alignment.cutoff:g}"
    )


def comparison_table(alignment: Alignment) -> Table:
    """A Rich table: left sentence, score gutter, right sentence."""
    table = Table(
        show_header=True,
        header_style="bold",
        expand=True,
        show_lines=True,
        title=Text(printable(summary(alignment))),
    )
    table.add_column(Text(printable(f"{alignment.a.source} — {alignment.a.title}")), ratio=1)
    table.add_column("score", justify="right", width=6, no_wrap=True)
    table.add_column(Text(printable(f"{alignment.b.source} — {alignment.b.title}")), ratio=1)
    for row in comparison_rows(alignment):
        left, right = side_texts(alignment, row)
        gutter = Text("")
        if row.link is not None:
            gutter = Text(f"{row.link.score:.0f}")
            if row.moved:
                gutter.append(f" {MOVED_MARK}", "yellow")
        table.add_row(left, gutter, right)
    return table


def print_alignment(alignment: Alignment, width: int | None = None, console: Console | None = None) -> None:
    """Print a side-by-side comparison.

    Colour follows Rich's rules: off when output is not a terminal or when
    ``NO_COLOR`` is set.
    """
    console = console or Console(width=width, highlight=False, emoji=False, markup=False)
    console.print(comparison_table(alignment))


def iter_rows(alignment: Alignment) -> Iterator[tuple[Row, Text, Text]]:
    """Each row with its two highlighted cells, for other front ends."""
    for row in comparison_rows(alignment):
        left, right = side_texts(alignment, row)
        yield row, left, right
