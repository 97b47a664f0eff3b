"""Side-by-side comparison for the terminal, built with Rich (no Textual).

Every piece of article text goes through :func:`reader.view.printable.printable`
and into ``rich.text.Text`` objects, so markup and control sequences in an
article are shown, never obeyed.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.style import Style
from rich.table import Table
from rich.text import Text

from reader.core.alignment.rows import build_rows, summarize
from reader.core.facts.compare import FactComparison
from reader.core.facts.extract import Fact
from reader.core.facts.quote_compare import QuotePair
from reader.core.models import Alignment
from reader.view.compare_cells import CellStyles, row_cells
from reader.view.printable import one_line, printable
from reader.view.styles import KIND_STYLES, MOVED_MARK, VERDICT_LABELS, VERDICT_STYLES
from reader.view.summary import alignment_summary, facts_summary

#: Styles of the word diff: removed words on the left, added words on the right.
CLI_STYLES = CellStyles(
    removed=Style(color="red", bold=True),
    removed_strong=Style(color="red", bold=True, underline=True),
    added=Style(color="green", bold=True),
    added_strong=Style(color="green", bold=True, underline=True),
)


class PipeConsole(Console):
    """A console that leaves a closed pipe (``| head``) to the command line, which ends with 0 as ``cat`` does.

    Rich's own answer is to exit with 1.
    """

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


#: The same cells without colour: changed words between markers instead.
PLAIN_STYLES = CellStyles(
    removed=Style(), removed_strong=Style(), added=Style(), added_strong=Style(), heading=Style(), markers=True
)


def output_console(width: int | None, color: bool | None = None) -> Console:
    """The console the command line prints to: article text is never read as markup or emoji.

    Args:
        width: Columns to wrap to (default: the terminal's).
        color: ``True`` styles even into a pipe, ``False`` never styles (no
            bold or underline either), ``None`` styles only a terminal with
            ``NO_COLOR`` unset.
    """
    if color is None:
        color = wants_color()
    return PipeConsole(width=width, highlight=False, emoji=False, markup=False, force_terminal=color,
                       no_color=not color)


def wants_color() -> bool:
    """Whether output in the default ``--color auto`` is styled: a terminal, and ``NO_COLOR`` unset or empty."""
    import os
    import sys

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def summary_line(alignment: Alignment) -> str:
    """One line: how many links are the same or changed, and how many sentences stand alone."""
    return alignment_summary(summarize(alignment)).plain + f" · cutoff {alignment.cutoff:g}"


def comparison_table(alignment: Alignment, styles: CellStyles = CLI_STYLES) -> Table:
    """A Rich table: left sentence, score gutter, right sentence."""
    table = Table(
        show_header=True,
        header_style="bold",
        expand=True,
        show_lines=True,
        title=Text(printable(summary_line(alignment))),
    )
    table.add_column(Text(printable(f"{alignment.a.label} — {alignment.a.title}")), ratio=1)
    table.add_column("score", justify="right", width=6, no_wrap=True)
    table.add_column(Text(printable(f"{alignment.b.label} — {alignment.b.title}")), ratio=1)
    for row in build_rows(alignment):
        left, right = row_cells(alignment, row, styles)
        gutter = Text("")
        if row.score is not None:
            gutter = Text(f"{row.score:.0f}")
            if row.moved:
                gutter.append(f" {MOVED_MARK}", "yellow")
        table.add_row(left, gutter, right)
    return table


def print_alignment(alignment: Alignment, width: int | None = None, console: Console | None = None) -> None:
    """Print a side-by-side comparison.

    Without colour (a pipe, ``NO_COLOR``, ``--color never``) the changed
    words are marked in the text: ``[-removed-]`` left, ``{+added+}`` right.
    """
    console = console or output_console(width)
    styled = console.is_terminal and not console.no_color
    console.print(comparison_table(alignment, CLI_STYLES if styled else PLAIN_STYLES))


# --- facts -------------------------------------------------------------------

def _fact_cell(fact: Fact | None, inline: bool = False) -> Text:
    """A fact as written, and below it (or after it, ``inline``) the value it was read as."""
    if fact is None:
        return Text("—", "dim")
    cell = Text(printable(fact.text), KIND_STYLES.get(fact.kind, ""))
    if fact.kind != "quote" and fact.value != fact.text:
        cell.append(f"{' ' if inline else chr(10)}= {printable(fact.value)}", "dim")
    return cell


def facts_table(comparison: FactComparison) -> Table:
    """A Rich table of every fact: kind, left, right, verdict and link, in reading order."""
    alignment = comparison.alignment
    table = Table(show_header=True, header_style="bold", expand=True, title=Text(printable(facts_summary(comparison))))
    table.add_column("kind", no_wrap=True)
    table.add_column(Text(printable(f"{alignment.a.label} — {alignment.a.title}")), ratio=1)
    table.add_column(Text(printable(f"{alignment.b.label} — {alignment.b.title}")), ratio=1)
    table.add_column("verdict", no_wrap=True)
    table.add_column("link", justify="right", no_wrap=True)
    for pair in comparison.pairs:
        table.add_row(
            Text(pair.kind, KIND_STYLES.get(pair.kind, "")),
            _fact_cell(pair.a),
            _fact_cell(pair.b),
            Text(VERDICT_LABELS.get(pair.verdict, pair.verdict), VERDICT_STYLES.get(pair.verdict, "")),
            Text("" if pair.link is None else str(pair.link)),
        )
    return table


#: Narrower than this, the facts are printed as a list rather than a table.
NARROW = 80


def facts_list(comparison: FactComparison) -> Group:
    """The facts and quotes for a narrow terminal: a line naming the kind, verdict and link, then each side's value."""
    alignment = comparison.alignment
    names = (one_line(alignment.a.label), one_line(alignment.b.label))
    blocks: list[Text] = [Text(printable(facts_summary(comparison)), "bold")]
    for pair in comparison.pairs:
        head = Text.assemble(
            (pair.kind, KIND_STYLES.get(pair.kind, "")),
            " · ",
            (VERDICT_LABELS.get(pair.verdict, pair.verdict), VERDICT_STYLES.get(pair.verdict, "")),
            ("" if pair.link is None else f" · link {pair.link}", "dim"),
        )
        sides = [Text(f"  {name}: ", "bold") + _fact_cell(fact, inline=True) for name, fact in zip(names, (pair.a, pair.b))]
        blocks.append(Text("\n").join([Text(), head, *sides]))
    for quote in comparison.quotes:
        left, right = quote_texts(quote)
        verdict = Text.assemble(("quote", KIND_STYLES["quote"]), " · ", (quote.verdict, VERDICT_STYLES.get(quote.verdict, "")))
        if quote.different_speakers:
            verdict.append(" · different speakers", "bold red")
        speakers = (printable(quote.speaker_a or "(unattributed)"), printable(quote.speaker_b or "(unattributed)"))
        blocks.append(Text("\n").join([Text(), verdict, Text(f"  {speakers[0]}: ", "bold") + left, Text(f"  {speakers[1]}: ", "bold") + right]))
    return Group(*blocks)


def quote_texts(pair: QuotePair) -> tuple[Text, Text]:
    """The two sides of a quote pair with the changed words highlighted.

    Words one outlet quotes beyond what the other quotes are shown dim
    around the compared part.
    """
    left, right = Text(), Text()
    if not pair.diff:
        return Text(printable(pair.a.text)), Text(printable(pair.b.text))
    a_from = min(op.a_start for op in pair.diff) - pair.a.start
    a_to = max(op.a_end for op in pair.diff) - pair.a.start
    b_from = min(op.b_start for op in pair.diff) - pair.b.start
    b_to = max(op.b_end for op in pair.diff) - pair.b.start
    left.append(printable(pair.a.text[:a_from]), "dim")
    right.append(printable(pair.b.text[:b_from]), "dim")
    for op in pair.diff:
        changed = op.tag != "equal"
        left.append(printable(op.a_text), CLI_STYLES.removed if changed and op.a_text.strip() else "")
        right.append(printable(op.b_text), CLI_STYLES.added if changed and op.b_text.strip() else "")
    left.append(printable(pair.a.text[a_to:]), "dim")
    right.append(printable(pair.b.text[b_to:]), "dim")
    return left, right


def quotes_table(comparison: FactComparison) -> Table:
    """A Rich table of the quotes both articles carry, with the word diff."""
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True, title="quotes")
    table.add_column("left quote", ratio=1)
    table.add_column("verdict", no_wrap=True)
    table.add_column("right quote", ratio=1)
    for pair in comparison.quotes:
        left, right = quote_texts(pair)
        left = Text(printable(pair.speaker_a or "(unattributed)") + ": ", "bold") + left
        right = Text(printable(pair.speaker_b or "(unattributed)") + ": ", "bold") + right
        verdict = Text(pair.verdict, VERDICT_STYLES.get(pair.verdict, ""))
        if pair.different_speakers:
            verdict.append("\n⚠ different\nspeakers", "bold red")
        table.add_row(left, verdict, right)
    return table


def print_facts(comparison: FactComparison, width: int | None = None, console: Console | None = None) -> None:
    """Print the facts table, then the quotes table.

    Colour follows Rich's rules: off when output is not a terminal or when
    ``NO_COLOR`` is set.
    """
    console = console or output_console(width)
    if console.width < NARROW:
        # Five columns cannot share so few: one fact a block, the sides below each other.
        console.print(facts_list(comparison))
        return
    console.print(facts_table(comparison))
    if comparison.quotes:
        console.print(quotes_table(comparison))
